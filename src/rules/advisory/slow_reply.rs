//! `slow-reply`: a reply later than the configured service time.
//! Found across the whole input at the end of a run ([`crate::threads`]).

use super::super::{Context, Finding, Rule, RuleDoc, Text};

#[derive(Debug)]
pub struct SlowReply;

static DOC: RuleDoc = RuleDoc {
    summary: Text {
        en: "The first reply came later than the service time (reply-within)",
        fi: "Ensimmäinen vastaus tuli palvelulupausta (reply-within) myöhemmin",
    },
    what: Text {
        en: "The first reply to a customer message came later than `reply-within` (config, default 24h) after it, in calendar hours, or with `business-hours = \"08-16\"` (Mon–Fri, in the customer's time zone) in business hours only. The summary gives the median and 90th percentile reply time per agent and overall. Advisory: 0 points, not on the card.",
        fi: "Ensimmäinen vastaus asiakkaan viestiin tuli myöhemmin kuin `reply-within` (asetus, oletus 24h) kalenteritunteina, tai asetuksella `business-hours = \"08-16\"` (ma–pe, asiakkaan aikavyöhykkeellä) vain työtunteina. Yhteenveto kertoo vastausajan mediaanin ja 90. persentiilin agenteittain ja kaikkiaan. Huomio: 0 pistettä, ei kortilla.",
    },
    why: Text {
        en: "Speed is the part of service customers notice first; a promise of one day broken by three teaches them to phone instead.",
        fi: "Nopeus on palvelussa se, minkä asiakas huomaa ensimmäisenä; vuorokauden lupaus, joka venyy kolmeen, opettaa soittamaan.",
    },
    bad: &[
        "(asiakas ma 9.00, reply-within = \"24h\")\nvastaus ke 15.00 (54 h)",
        "(customer Mon 9:00, reply-within = \"24h\")\nreply Wed 15:00 (54 h)",
        "(kund mån 9.00, reply-within = \"24h\")\nsvar ons 15.00 (54 h)",
    ],
    good: &[
        "(asiakas ma 9.00, reply-within = \"24h\")\nvastaus ma 13.30 (4,5 h)",
        "(customer Mon 9:00, reply-within = \"24h\")\nreply Mon 13:30 (4.5 h)",
        "(kund mån 9.00, reply-within = \"24h\")\nsvar mån 13.30 (4,5 h)",
    ],
};

impl Rule for SlowReply {
    fn id(&self) -> &'static str {
        "slow-reply"
    }
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    /// Nothing per message: the thread index decides at the end of the run.
    fn check(&self, _ctx: &Context, _out: &mut Vec<Finding>) {}
}
