//! `nameless-greeting`: a greeting without the customer's name.

use super::{Context, Finding, Rule, RuleDoc, Square, Text};
use crate::lang::text::{name_matches, word_spans};

#[derive(Debug)]
pub struct NamelessGreeting;

static DOC: RuleDoc = RuleDoc {
    summary: Text {
        en: "The greeting does not use the customer's name",
        fi: "Tervehdyksessä ei ole asiakkaan nimeä",
    },
    what: Text {
        en: "A greeting with no name (\"Hei!\", \"Hello,\"), with a stand-in for one (\"Hyvä asiakas\", \"Dear customer\", \"Bästa kund\"), or with a name that is not the customer's. Inflected and titled forms count as the name (\"Hei Annalle\", \"Hyvä Virtanen\", \"Dear Ms Virtanen\"), and so does a name placeholder in a template (left unfilled in a sent mail, it is no name).",
        fi: "Tervehdys ilman nimeä (\"Hei!\", \"Hello,\"), nimen korvike (\"Hyvä asiakas\", \"Dear customer\", \"Bästa kund\") tai nimi, joka ei ole asiakkaan. Taivutettu tai tittelillä varustettu nimi kelpaa (\"Hei Annalle\", \"Hyvä Virtanen\", \"Dear Ms Virtanen\"), samoin mallipohjan nimikenttä (lähetetyssä viestissä täyttämätön nimikenttä ei ole nimi).",
    },
    why: Text {
        en: "The customer signed with their name, and the reply's first word shows whether anyone read it. \"Dear customer\" says: you are a ticket number.",
        fi: "Asiakas kertoi nimensä, ja vastauksen ensimmäinen sana näyttää, luettiinko se. \"Hyvä asiakas\" sanoo: olet tikettinumero.",
    },
    bad: &[
        "Hyvä asiakas,\n\npaketti lähti tänään.",
        "Dear customer,\n\nyour parcel left today.",
        "Hej!\n\nPaketet skickades i dag.",
    ],
    good: &[
        "Hei Anna,\n\npaketti lähti tänään.",
        "Dear Ms Virtanen,\n\nyour parcel left today.",
        "Hej Anna!\n\nPaketet skickades i dag.",
    ],
};

impl NamelessGreeting {
    /// The part of the greeting after the greeting word(s).
    fn addressee<'a>(ctx: &Context, greeting_line: &'a str) -> &'a str {
        let line = greeting_line.trim();
        match ctx.lex.greetings.find(line) {
            Some(m) => {
                let end = if m.as_str().ends_with(|c: char| !c.is_alphanumeric()) {
                    m.end() - m.as_str().chars().last().map_or(0, char::len_utf8)
                } else {
                    m.end()
                };
                &line[end..]
            }
            None => line,
        }
    }
}

impl Rule for NamelessGreeting {
    fn id(&self) -> &'static str {
        "nameless-greeting"
    }
    fn square(&self) -> Option<Square> {
        Some(Square::Greeting)
    }
    fn points(&self) -> u8 {
        1
    }
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let reply = ctx.reply;
        if reply.greeting.is_empty() {
            return;
        }
        let greeting = reply.greeting_text();
        // After a banner line, the greeting is the last line.
        let line_start = greeting.rfind('\n').map_or(0, |i| i + 1);
        let line = &greeting[line_start..];
        let span = reply.greeting.start + line_start..reply.greeting.end;
        let rest = Self::addressee(ctx, line);
        // Placeholders may contain spaces ("{{ customer.first_name }}"). In
        // a template one stands for the name; in a sent mail it was left
        // unfilled, and the customer reads no name.
        if crate::lang::placeholder::placeholder_re().is_match(rest) {
            if !ctx.template {
                out.push(ctx.finding(
                    self,
                    span,
                    "a name placeholder left unfilled: the customer sees no name / täyttämätön nimikenttä: asiakas ei näe nimeä".to_string(),
                ));
            }
            return;
        }
        let words: Vec<&str> = word_spans(rest).into_iter().map(|(_, w)| w).collect();
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let rest_lower = lower.join(" ");
        let names: Vec<&str> = words
            .iter()
            .zip(&lower)
            .filter(|(w, l)| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && !ctx.lex.titles.contains(*l)
                    && !ctx.lex.titles.contains(&format!("{l}."))
                    && !ctx.lex.generic_names.contains(*l)
            })
            .map(|(w, _)| *w)
            .collect();
        let message = if names.is_empty() {
            if words.is_empty() {
                "greeting without a name / tervehdys ilman nimeä".to_string()
            } else if ctx.lex.generic_names.contains(&rest_lower)
                || lower
                    .iter()
                    .all(|l| ctx.lex.generic_names.contains(l) || ctx.lex.titles.contains(l))
            {
                "a stand-in instead of the customer's name / nimen tilalla yleisnimitys".to_string()
            } else {
                "greeting without a name / tervehdys ilman nimeä".to_string()
            }
        } else {
            if ctx.customer_names.is_empty() {
                // A name, and no way to tell whose: it counts.
                return;
            }
            let known = ctx.customer_names.iter().flat_map(|n| n.split_whitespace());
            let known: Vec<&str> = known.collect();
            if names
                .iter()
                .any(|w| known.iter().any(|k| name_matches(w, k)))
            {
                return;
            }
            "the name in the greeting is not the customer's / tervehdyksen nimi ei ole asiakkaan"
                .to_string()
        };
        out.push(ctx.finding(self, span, message));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tests_support::{Case, hits};

    #[test]
    fn finnish_hits() {
        for text in [
            "Hei!\n\nPaketti lähti.",
            "Hyvä asiakas,\n\npaketti lähti.",
            "Hyvä asiakkaamme,\n\npaketti lähti.",
            "Hei,\n\npaketti lähti.",
            "Hei Matti,\n\npaketti lähti.",
            "Hei kaikki,\n\npaketti lähti.",
            "Hyvää päivää,\n\npaketti lähti.",
            "Moi!\n\nPaketti lähti.",
            "Hei taas!\n\nPaketti lähti.",
            "Arvoisa asiakas,\n\npaketti lähti.",
            "Hyvät asiakkaat,\n\npaketti lähti.",
            "Morjens!\n\nPaketti lähti.",
        ] {
            assert!(hits(&Case::fi(text), "nameless-greeting"), "{text}");
        }
    }

    #[test]
    fn finnish_misses() {
        for text in [
            "Hei Anna,\n\npaketti lähti.",
            "Hei Annalle terveisiä,\n\npaketti lähti.",
            "Hyvä Virtanen,\n\npaketti lähti.",
            "Hyvä rouva Virtanen,\n\npaketti lähti.",
            "Moi Anna! Paketti lähti.",
            "Hei Anna Virtanen,\n\npaketti lähti.",
            "[#1234] Tukipyyntö\nHei Anna,\npaketti lähti.",
            "Paketti lähti.",
        ] {
            assert!(!hits(&Case::fi(text), "nameless-greeting"), "{text}");
        }
        // Inflected names with gradation.
        assert!(!hits(
            &Case::fi("Hei Mikolle!\n\nPaketti lähti.").names(&["Mikko Laine"]),
            "nameless-greeting"
        ));
        // A name when the customer's name is unknown counts.
        assert!(!hits(
            &Case::fi("Hei Matti,\n\npaketti lähti.").names(&[]),
            "nameless-greeting"
        ));
    }

    #[test]
    fn placeholders_count_as_names() {
        for text in [
            "Hei {firstname},\n\npaketti lähti.",
            "Hei {{ customer.first_name }},\n\npaketti lähti.",
            "Hei %s,\n\npaketti lähti.",
            "Hei [NIMI],\n\npaketti lähti.",
            "Hei ${name},\n\npaketti lähti.",
            "Hei %firstname%,\n\npaketti lähti.",
            "Hei %{recipient.name.first},\n\npaketti lähti.",
            "Hei $firstName,\n\npaketti lähti.",
            "Hei %1,\n\npaketti lähti.",
            "Hei ###USERNAME###,\n\npaketti lähti.",
            "Hei <%= @user.firstname %>,\n\npaketti lähti.",
        ] {
            assert!(
                !hits(&Case::fi(text).names(&[]).template(), "nameless-greeting"),
                "{text}"
            );
            // Sent as it is, the customer reads the placeholder, no name.
            assert!(
                hits(
                    &Case::fi(text).names(&["Anna Virtanen"]),
                    "nameless-greeting"
                ),
                "{text}"
            );
        }
    }

    #[test]
    fn english_and_swedish() {
        for text in [
            "Dear customer,\nit shipped.",
            "Hello,\nit shipped.",
            "Hi there!\nIt shipped.",
            "Dear Sir or Madam,\nit shipped.",
            "Good day,\nit shipped.",
        ] {
            assert!(hits(&Case::en(text), "nameless-greeting"), "{text}");
        }
        for text in [
            "Dear Ms Virtanen,\nit shipped.",
            "Hi Anna,\nit shipped.",
            "Hello Anna!\nIt shipped.",
            "Dear Anna Virtanen,\nit shipped.",
        ] {
            assert!(!hits(&Case::en(text), "nameless-greeting"), "{text}");
        }
        for text in [
            "Hej!\nDet är skickat.",
            "Bästa kund,\ndet är skickat.",
            "Hej kunden,\ndet är skickat.",
            "Hejsan,\ndet är skickat.",
            "Ärade kund,\ndet är skickat.",
            "Goddag,\ndet är skickat.",
        ] {
            assert!(hits(&Case::sv(text), "nameless-greeting"), "{text}");
        }
        for text in [
            "Hej Anna!\nDet är skickat.",
            "Bästa Anna,\ndet är skickat.",
            "Hej fru Virtanen,\ndet är skickat.",
            "Hejsan Anna,\ndet är skickat.",
            "Käre Anna,\ndet är skickat.",
        ] {
            assert!(!hits(&Case::sv(text), "nameless-greeting"), "{text}");
        }
    }
}
