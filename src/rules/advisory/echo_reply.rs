//! `echo-reply`: the "reply" is the customer's own text sent back, or an
//! automatic acknowledgement that answers nothing.

use std::borrow::Cow;

use rustc_hash::{FxHashMap, FxHashSet};

use super::super::{Context, Finding, Rule, RuleDoc, Text};
use super::body_span;
use crate::lang::text::{lowercase, word_spans};

#[derive(Debug)]
pub struct EchoReply;

/// Words a reply may add around an acknowledgement and still say nothing.
const SUBSTANCE_WORDS: usize = 6;
/// A reply shorter than this is too short to judge as an echo.
const MIN_ECHO_WORDS: usize = 8;
/// The share of the reply's word triples found in the customer's message.
const ECHO_SHARE: f64 = 0.6;

static DOC: RuleDoc = RuleDoc {
    summary: Text {
        en: "The reply only sends the customer's text back, or only acknowledges it",
        fi: "Vastaus vain toistaa asiakkaan tekstin tai kuittaa sen",
    },
    what: Text {
        en: "A reply whose own text is mostly the customer's message sent back (most of its word sequences come from the customer's text), or an automatic acknowledgement with nothing else in it (\"Olemme vastaanottaneet viestisi\", \"We have received your message\", \"Vi har tagit emot ditt meddelande\"). Advisory: 0 points, not on the card.",
        fi: "Vastaus, jonka oma teksti on enimmäkseen asiakkaan viesti takaisin lähetettynä (suurin osa sen sanajonoista on asiakkaan tekstistä), tai automaattinen kuittaus ilman muuta sisältöä (\"Olemme vastaanottaneet viestisi\"). Huomio: 0 pistettä, ei kortilla.",
    },
    why: Text {
        en: "The customer already knows what they wrote. A reply that repeats it or only says it arrived makes them wait for the real answer and wonder whether anyone read the message.",
        fi: "Asiakas tietää jo, mitä kirjoitti. Toistava tai pelkästään kuittaava vastaus jättää hänet odottamaan oikeaa vastausta ja epäilemään, luettiinko viestiä lainkaan.",
    },
    bad: &[
        "Hei Anna,\n\nolemme vastaanottaneet viestisi ja vastaamme siihen mahdollisimman pian.\n\nTerveisin\nAsiakaspalvelu",
        "Hi Anna,\n\nwe have received your message and will get back to you as soon as possible.",
        "Hej Anna,\n\nvi har tagit emot ditt meddelande och återkommer så snart som möjligt.",
    ],
    good: &[
        "Hei Anna,\n\nkiitos viestistäsi! Tilauksesi 4411 lähti tänään, ja seurantakoodi on JJFI123.",
        "Hi Anna,\n\nthanks for your message! Your order 4411 left today; the tracking code is JJFI123.",
        "Hej Anna,\n\ntack för ditt meddelande! Din order 4411 skickades i dag.",
    ],
};

/// Lower-cased words of a text.
/// The share of the reply's word triples (case aside) that also occur in
/// the customer's text. Words are numbered as the customer's text is read;
/// a reply word the customer never wrote breaks every triple it is in.
pub fn echo_share(reply: &str, customer: &str) -> f64 {
    let customer_words = word_spans(customer);
    let reply_words = word_spans(reply);
    if reply_words.len() < 3 || customer_words.len() < 3 {
        return 0.0;
    }
    let mut ids: FxHashMap<Cow<'_, str>, u32> = FxHashMap::default();
    let customer_ids: Vec<u32> = customer_words
        .into_iter()
        .map(|(_, w)| {
            let next = u32::try_from(ids.len()).unwrap_or(u32::MAX);
            *ids.entry(lowercase(w)).or_insert(next)
        })
        .collect();
    let known: FxHashSet<&[u32]> = customer_ids.windows(3).collect();
    let reply_ids: Vec<Option<u32>> = reply_words
        .into_iter()
        .map(|(_, w)| ids.get(lowercase(w).as_ref()).copied())
        .collect();
    let triples = reply_ids.len() - 2;
    let echoed = reply_ids
        .windows(3)
        .filter(|t| match t {
            [Some(a), Some(b), Some(c)] => known.contains(&[*a, *b, *c][..]),
            _ => false,
        })
        .count();
    echoed as f64 / triples as f64
}

impl Rule for EchoReply {
    fn id(&self) -> &'static str {
        "echo-reply"
    }
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let span = body_span(ctx);
        let body = &ctx.reply.own[span.clone()];
        if let Some(re) = ctx.lex.advisory.phrases("acknowledgement") {
            let found: Vec<_> = re.find_iter(body).map(|m| m.range()).collect();
            if let Some(first) = found.first() {
                let mut rest = body.to_string();
                for range in found.iter().rev() {
                    rest.replace_range(range.clone(), " ");
                }
                if word_spans(&rest).len() < SUBSTANCE_WORDS {
                    out.push(ctx.finding(
                        self,
                        span.start + first.start..span.start + first.end,
                        "an acknowledgement that answers nothing / pelkkä kuittaus, ei vastausta"
                            .to_string(),
                    ));
                    return;
                }
            }
        }
        let Some(customer) = ctx.customer else { return };
        if word_spans(body).len() < MIN_ECHO_WORDS {
            return;
        }
        let share = echo_share(body, customer);
        if share >= ECHO_SHARE {
            let trimmed = body.trim_end();
            let lead = body.len() - body.trim_start().len();
            out.push(ctx.finding(
                self,
                span.start + lead..span.start + trimmed.len(),
                format!(
                    "{:.0}% of the reply is the customer's own text / vastauksesta {:.0} % on asiakkaan omaa tekstiä",
                    share * 100.0,
                    share * 100.0
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::echo_share;
    use crate::rules::tests_support::{Case, hits};

    const RULE: &str = "echo-reply";

    const CUSTOMER_FI: &str = "Hei, tilasin sinisen kassin viime maanantaina, mutta sain punaisen kassin. Haluaisin vaihtaa sen siniseen.";
    const CUSTOMER_EN: &str = "Hello, I ordered a blue bag last Monday but I got a red bag instead. I would like to swap it for the blue one.";
    const CUSTOMER_SV: &str = "Hej, jag beställde en blå väska i måndags men fick en röd väska. Jag vill byta den mot den blå.";

    #[test]
    fn acknowledgements_and_echoes() {
        let cases = [
            Case::fi("Hei Anna,\n\nolemme vastaanottaneet viestisi ja vastaamme siihen mahdollisimman pian.\n\nTerveisin\nAsiakaspalvelu"),
            Case::en("Hi Anna,\n\nwe have received your message and will get back to you as soon as possible.\n\nRegards\nSupport"),
            Case::sv("Hej Anna,\n\nvi har tagit emot ditt meddelande och återkommer så snart som möjligt.\n\nHälsningar\nKundtjänst"),
            Case::fi("Hei Anna,\n\ntilasin sinisen kassin viime maanantaina, mutta sain punaisen kassin. Haluaisin vaihtaa sen siniseen.\n\nTerveisin\nMikko")
                .customer(CUSTOMER_FI),
            Case::en("Hi Anna,\n\nI ordered a blue bag last Monday but I got a red bag instead. I would like to swap it for the blue one.\n\nRegards\nJoe")
                .customer(CUSTOMER_EN),
            Case::sv("Hej Anna,\n\njag beställde en blå väska i måndags men fick en röd väska. Jag vill byta den mot den blå.\n\nHälsningar\nEva")
                .customer(CUSTOMER_SV),
        ];
        for case in cases {
            assert!(hits(&case, RULE), "{}", case.reply);
        }
    }

    #[test]
    fn near_misses() {
        let cases = [
            // An acknowledgement followed by a real answer.
            Case::fi("Hei Anna,\n\nolemme vastaanottaneet viestisi. Vaihdoimme kassin siniseen, ja uusi kassi lähtee sinulle huomenna postissa.\n\nTerveisin\nMikko")
                .customer(CUSTOMER_FI),
            Case::en("Hi Anna,\n\nwe have received your message. The blue bag leaves tomorrow and the red one can be returned with the enclosed label.\n\nRegards\nJoe")
                .customer(CUSTOMER_EN),
            Case::sv("Hej Anna,\n\nvi har tagit emot ditt meddelande. Den blå väskan skickas i morgon och den röda kan du returnera med etiketten.\n\nHälsningar\nEva")
                .customer(CUSTOMER_SV),
            // Repeating one detail of the customer's message, then answering.
            Case::fi("Hei Anna,\n\nsait punaisen kassin sinisen sijaan, harmi! Uusi sininen kassi lähtee huomenna, ja punaisen voit pitää.")
                .customer(CUSTOMER_FI),
            Case::en("Hi Anna,\n\nsorry about the red bag. The blue one leaves tomorrow, and you may keep the red one as a gift.")
                .customer(CUSTOMER_EN),
            Case::sv("Hej Anna,\n\nförlåt för den röda väskan. Den blå skickas i morgon och den röda får du behålla.")
                .customer(CUSTOMER_SV),
        ];
        for case in cases {
            assert!(!hits(&case, RULE), "{}", case.reply);
        }
    }

    #[test]
    fn share_of_echoed_triples() {
        assert!((echo_share("a b c d", "a b c d") - 1.0).abs() < 1e-9);
        // Triples: "a b c" (echoed), "b c x" (not): one of two.
        assert!((echo_share("a b c x", "a b c d") - 0.5).abs() < 1e-9);
        assert!(echo_share("a b", "a b c").abs() < 1e-9);
    }
}
