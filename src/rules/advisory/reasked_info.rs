//! `reasked-info`: the reply asks for a detail the customer already gave.

use std::sync::OnceLock;

use regex::Regex;

use super::super::{Context, Finding, Rule, RuleDoc, Text};
use crate::lang::text::{clip, sentences};

#[derive(Debug)]
pub struct ReaskedInfo;

static DOC: RuleDoc = RuleDoc {
    summary: Text {
        en: "The reply asks for a detail the customer already gave",
        fi: "Vastaus kysyy tietoa, jonka asiakas jo antoi",
    },
    what: Text {
        en: "The customer's message gives an order number, an account number or IBAN, a phone number, an address, a customer number or an email address, and the reply asks for that same detail (\"Voisitko kertoa tilausnumerosi?\", \"Please send your order number\", \"Ange ditt ordernummer\"). Advisory: 0 points, not on the card. Needs the customer's message.",
        fi: "Asiakkaan viestissä on tilausnumero, tilinumero tai IBAN, puhelinnumero, osoite, asiakasnumero tai sähköpostiosoite, ja vastaus pyytää samaa tietoa (\"Voisitko kertoa tilausnumerosi?\"). Huomio: 0 pistettä, ei kortilla. Vaatii asiakkaan viestin.",
    },
    why: Text {
        en: "Being asked for what you already wrote tells you nobody read your message, and it costs the customer another round trip before anything happens.",
        fi: "Kun kysytään jo kerrottua, asiakas päättelee, ettei hänen viestiään luettu, ja asia viivästyy taas yhden viestikierroksen verran.",
    },
    bad: &[
        "(asiakas: \"Tilausnumeroni on 88412.\")\nHei Anna,\n\nvoisitko kertoa tilausnumerosi, niin tarkistan asian?",
        "(customer: \"My order number is 88412.\")\nHi Anna,\n\ncould you send us your order number so we can check?",
        "(kund: \"Mitt ordernummer är 88412.\")\nHej Anna,\n\nkan du skicka ditt ordernummer så kollar jag?",
    ],
    good: &[
        "(asiakas: \"Tilausnumeroni on 88412.\")\nHei Anna,\n\ntarkistin tilauksen 88412: se lähti eilen.",
        "(customer: \"My order number is 88412.\")\nHi Anna,\n\nI checked order 88412: it left yesterday.",
        "(kund: \"Mitt ordernummer är 88412.\")\nHej Anna,\n\njag kollade order 88412: den skickades i går.",
    ],
};

/// A detail a customer gives: its pack list, names, and what its value
/// looks like right after the word and anywhere on its own.
struct Detail {
    key: &'static str,
    en: &'static str,
    fi: &'static str,
    /// The value within a few words after the detail's name.
    value: &'static str,
    /// A value recognisable without its name (an email, an IBAN).
    alone: Option<&'static str>,
}

const DETAILS: &[Detail] = &[
    Detail {
        key: "order-number",
        en: "the order number",
        fi: "tilausnumeroa",
        value: r"\d{3,}",
        alone: None,
    },
    Detail {
        key: "account-number",
        en: "the account number",
        fi: "tilinumeroa",
        value: r"(?i)\b[a-z]{2}\d{2}(?:\s?[a-z0-9]{4}){2,}|\d{6,}",
        alone: Some(r"\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){3,7}"),
    },
    Detail {
        key: "phone",
        en: "the phone number",
        fi: "puhelinnumeroa",
        value: r"\+?\d[\d\s-]{5,}\d",
        alone: Some(r"(?:\+\d{3}|\b0\d{1,2})[\s-]?\d{2,3}[\s-]?\d{3,4}\b"),
    },
    Detail {
        key: "address",
        en: "the address",
        fi: "osoitetta",
        value: r"\p{L}+\s+\d+|\b\d{3}\s?\d{2}\s+\p{L}+",
        alone: None,
    },
    Detail {
        key: "customer-number",
        en: "the customer number",
        fi: "asiakasnumeroa",
        value: r"\d{3,}",
        alone: None,
    },
    Detail {
        key: "email",
        en: "the email address",
        fi: "sähköpostiosoitetta",
        value: r"[\w.+-]+@[\w-]+\.\w+",
        alone: Some(r"[\w.+-]+@[\w-]+\.\w+"),
    },
];

/// How far after a detail's name its value may start, in bytes.
const VALUE_WINDOW: usize = 40;

fn compiled() -> &'static [(Regex, Option<Regex>)] {
    static RES: OnceLock<Vec<(Regex, Option<Regex>)>> = OnceLock::new();
    RES.get_or_init(|| {
        DETAILS
            .iter()
            .map(|d| {
                (
                    Regex::new(d.value).expect("detail value regex"),
                    d.alone.map(|a| Regex::new(a).expect("detail regex")),
                )
            })
            .collect()
    })
}

/// Did the customer give the detail: its name followed by a value, or a
/// value that needs no name?
fn given(ctx: &Context, customer: &str, at: usize) -> bool {
    let (value, alone) = &compiled()[at];
    if alone.as_ref().is_some_and(|re| re.is_match(customer)) {
        return true;
    }
    let Some(name) = ctx.lex.advisory.phrases(DETAILS[at].key) else {
        return false;
    };
    name.find_iter(customer).any(|m| {
        let end = clip(customer, m.end() + VALUE_WINDOW).len();
        value.is_match(&customer[m.end()..end])
    })
}

/// Digits or an address in the sentence: the reply states the value
/// rather than asking for it.
fn states_a_value(sentence: &str) -> bool {
    sentence.contains('@') || sentence.chars().filter(char::is_ascii_digit).count() >= 3
}

impl Rule for ReaskedInfo {
    fn id(&self) -> &'static str {
        "reasked-info"
    }
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some(customer) = ctx.customer else { return };
        let advisory = &ctx.lex.advisory;
        let own = &ctx.reply.own;
        let asking: Vec<_> = sentences(own)
            .into_iter()
            .filter(|s| {
                let text = &own[s.clone()];
                (text.ends_with('?') || advisory.any("ask", text)) && !states_a_value(text)
            })
            .collect();
        if asking.is_empty() {
            return;
        }
        for (at, detail) in DETAILS.iter().enumerate() {
            let Some(name) = advisory.phrases(detail.key) else {
                continue;
            };
            let Some(sentence) = asking.iter().find(|s| name.is_match(&own[(*s).clone()])) else {
                continue;
            };
            if given(ctx, customer, at) {
                out.push(ctx.finding(
                    self,
                    sentence.clone(),
                    format!(
                        "asks again for {} the customer already gave / kysyy uudelleen {}, jonka asiakas jo antoi",
                        detail.en, detail.fi
                    ),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tests_support::{Case, hits};

    const RULE: &str = "reasked-info";

    #[test]
    fn details_asked_again() {
        let cases = [
            Case::fi("Hei Anna,\n\nvoisitko kertoa tilausnumerosi, niin tarkistan asian?\n\nTerveisin\nMikko")
                .customer("Hei, tilausnumeroni on 88412 ja paketti on kadoksissa."),
            Case::fi("Hei Anna,\n\nlähetä meille vielä tilinumerosi, niin palautamme rahat.")
                .customer("Palauttakaa rahat tilille FI21 1234 5600 0007 85, kiitos."),
            Case::fi("Hei Anna,\n\nmikä on sähköpostiosoitteesi?")
                .customer("Minulle voi vastata osoitteeseen anna.virtanen@example.fi."),
            Case::en("Hi Anna,\n\ncould you send us your order number so we can check?\n\nRegards\nJoe")
                .customer("Hello, my order number is 88412 and the parcel is lost."),
            Case::en("Hi Anna,\n\nplease provide a phone number our courier can call.")
                .customer("You can call me on +358 40 123 4567 any time."),
            Case::sv("Hej Anna,\n\nkan du skicka ditt ordernummer så kollar jag?\n\nHälsningar\nEva")
                .customer("Hej, mitt ordernummer är 88412 och paketet har inte kommit."),
            Case::sv("Hej Anna,\n\nvänligen ange din leveransadress.")
                .customer("Min adress är Storgatan 12, 411 38 Göteborg."),
        ];
        for case in cases {
            assert!(hits(&case, RULE), "{}", case.reply);
        }
    }

    #[test]
    fn near_misses() {
        let cases = [
            // Asked, but the customer never gave it.
            Case::fi("Hei Anna,\n\nvoisitko kertoa tilausnumerosi?")
                .customer("Hei, paketti on kadoksissa."),
            Case::en("Hi Anna,\n\ncould you send us your order number?")
                .customer("Hello, the parcel is lost."),
            Case::sv("Hej Anna,\n\nkan du skicka ditt ordernummer?")
                .customer("Hej, paketet har inte kommit."),
            // Given, and the reply uses it instead of asking.
            Case::fi("Hei Anna,\n\ntarkistin tilausnumerosi 88412: paketti lähti eilen.")
                .customer("Hei, tilausnumeroni on 88412."),
            Case::en("Hi Anna,\n\nyour order number 88412 left yesterday.")
                .customer("Hello, my order number is 88412."),
            Case::sv("Hej Anna,\n\nditt ordernummer 88412 skickades i går.")
                .customer("Hej, mitt ordernummer är 88412."),
            // Asks for a different detail than the one given.
            Case::en("Hi Anna,\n\ncould you tell us your phone number?")
                .customer("Hello, my order number is 88412."),
        ];
        for case in cases {
            assert!(!hits(&case, RULE), "{}", case.reply);
        }
    }
}
