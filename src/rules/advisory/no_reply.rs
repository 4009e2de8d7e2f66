//! `no-reply`: a customer message in the input that no reply answers.
//! Found across the whole input at the end of a run ([`crate::threads`]).

use super::super::{Context, Finding, Rule, RuleDoc, Text};

#[derive(Debug)]
pub struct NoReply;

static DOC: RuleDoc = RuleDoc {
    summary: Text {
        en: "A customer message that no reply in the input answers",
        fi: "Asiakkaan viesti, johon mikään aineiston vastaus ei vastaa",
    },
    what: Text {
        en: "A customer message that no reply answers: no reply points to it by In-Reply-To or References, and no reply with the same subject (Re:, VS:, SV:, AW:, Vast:, Fwd: taken off) goes to the same customer after it. The order of the input does not matter: a Sent folder read before the Inbox works. Listed in the summary with sender, date and subject. Advisory: 0 points, not on the card.",
        fi: "Asiakkaan viesti, johon mikään vastaus ei vastaa: mikään vastaus ei viittaa siihen In-Reply-To- tai References-otsakkeella, eikä samalle asiakkaalle ole sen jälkeen lähtenyt vastausta samalla aiheella (Re:, VS:, SV:, AW:, Vast:, Fwd: pois lukien). Aineiston järjestyksellä ei ole väliä. Luetellaan yhteenvedossa lähettäjän, päivän ja aiheen kanssa. Huomio: 0 pistettä, ei kortilla.",
    },
    why: Text {
        en: "An unanswered message is the worst reply of all: the customer waits, writes again, or leaves.",
        fi: "Vastaamaton viesti on kaikista huonoin vastaus: asiakas odottaa, kirjoittaa uudelleen tai lähtee.",
    },
    bad: &[
        "(asiakas 3.11. klo 9.12: \"Missä tilaukseni on?\")\n(ei vastausta)",
        "(customer, Nov 3, 9:12: \"Where is my order?\")\n(no reply)",
        "(kund 3 nov kl 9.12: \"Var är min beställning?\")\n(inget svar)",
    ],
    good: &[
        "(asiakas 3.11. klo 9.12: \"Missä tilaukseni on?\")\nRe: Missä tilaukseni on? (3.11. klo 11.40)",
        "(customer, Nov 3, 9:12: \"Where is my order?\")\nRe: Where is my order? (Nov 3, 11:40)",
        "(kund 3 nov kl 9.12: \"Var är min beställning?\")\nSV: Var är min beställning? (3 nov kl 11.40)",
    ],
};

impl Rule for NoReply {
    fn id(&self) -> &'static str {
        "no-reply"
    }
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    /// Nothing per message: the thread index decides at the end of the run.
    fn check(&self, _ctx: &Context, _out: &mut Vec<Finding>) {}
}
