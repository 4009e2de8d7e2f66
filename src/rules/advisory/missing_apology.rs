//! `missing-apology`: the customer complains and the reply never apologises.

use super::super::{Context, Finding, Rule, RuleDoc, Text};
use super::opening_span;

#[derive(Debug)]
pub struct MissingApology;

static DOC: RuleDoc = RuleDoc {
    summary: Text {
        en: "The customer complains and the reply never apologises",
        fi: "Asiakas valittaa, eikä vastaus pahoittele",
    },
    what: Text {
        en: "The customer's message is a complaint (a late or missing delivery, a broken item, a wrong charge, \"en ole saanut\", \"reklamaatio\", \"complaint\", \"klagomål\") and the reply nowhere apologises or expresses regret (\"pahoittelemme\", \"sorry\", \"vi beklagar\"). Advisory: 0 points, not on the card. Needs the customer's message.",
        fi: "Asiakkaan viesti on valitus (myöhästynyt tai puuttuva toimitus, rikkinäinen tuote, väärä veloitus, \"en ole saanut\", \"reklamaatio\") eikä vastaus missään pahoittele tai ilmaise harmitusta (\"pahoittelemme\", \"ikävä kuulla\"). Huomio: 0 pistettä, ei kortilla. Vaatii asiakkaan viestin.",
    },
    why: Text {
        en: "A customer who complains first wants to hear that someone is sorry it happened. A fix without a word of regret reads as if the company thinks the customer is the problem.",
        fi: "Valittava asiakas haluaa ensin kuulla, että tapahtunutta pahoitellaan. Pelkkä korjaus ilman pahoittelua kuulostaa siltä, että yritys pitää asiakasta ongelmana.",
    },
    bad: &[
        "(asiakas: \"En ole saanut tilaustani, vaikka se piti tulla viikko sitten.\")\nHei Anna,\n\ntilauksesi lähti tänään uudelleen.",
        "(customer: \"The lamp arrived broken.\")\nHi Anna,\n\nwe have sent a new lamp today.",
        "(kund: \"Lampan kom trasig.\")\nHej Anna,\n\nen ny lampa skickades i dag.",
    ],
    good: &[
        "(asiakas: \"En ole saanut tilaustani, vaikka se piti tulla viikko sitten.\")\nHei Anna,\n\npahoittelen viivästystä! Tilauksesi lähti tänään uudelleen.",
        "(customer: \"The lamp arrived broken.\")\nHi Anna,\n\nI'm sorry the lamp was broken. We have sent a new one today.",
        "(kund: \"Lampan kom trasig.\")\nHej Anna,\n\nvi beklagar att lampan var trasig. En ny skickades i dag.",
    ],
};

impl Rule for MissingApology {
    fn id(&self) -> &'static str {
        "missing-apology"
    }
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some(customer) = ctx.customer else { return };
        let advisory = &ctx.lex.advisory;
        let Some(complaint) = advisory
            .phrases("complaint")
            .and_then(|re| re.find(customer))
        else {
            return;
        };
        if advisory.any("apology", &ctx.reply.own) {
            return;
        }
        let message = format!(
            "the customer complains (“{}”) and the reply never apologises / asiakas valittaa, eikä vastaus pahoittele",
            complaint.as_str()
        );
        out.push(ctx.finding(self, opening_span(ctx), message));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tests_support::{Case, hits};

    const RULE: &str = "missing-apology";

    #[test]
    fn complaints_without_an_apology() {
        let cases = [
            Case::fi("Hei Anna,\n\ntilauksesi lähti tänään uudelleen.\n\nTerveisin\nMikko")
                .customer("Hei, en ole saanut tilaustani, vaikka se piti tulla viikko sitten."),
            Case::en("Hi Anna,\n\nwe have sent a new lamp today.\n\nBest regards\nJoe")
                .customer("Hello, the lamp arrived broken. What now?"),
            Case::sv("Hej Anna,\n\nen ny lampa skickades i dag.\n\nHälsningar\nEva")
                .customer("Hej, lampan kom trasig. Vad gör jag nu?"),
        ];
        for case in cases {
            assert!(hits(&case, RULE), "{}", case.reply);
        }
    }

    #[test]
    fn near_misses() {
        let cases = [
            // The same complaint, with an apology.
            Case::fi("Hei Anna,\n\npahoittelen viivästystä! Tilauksesi lähti tänään uudelleen.")
                .customer("Hei, en ole saanut tilaustani, vaikka se piti tulla viikko sitten."),
            Case::en("Hi Anna,\n\nI'm sorry the lamp was broken. A new one left today.")
                .customer("Hello, the lamp arrived broken. What now?"),
            Case::sv("Hej Anna,\n\nvi beklagar att lampan var trasig. En ny skickades i dag.")
                .customer("Hej, lampan kom trasig. Vad gör jag nu?"),
            // No complaint: nothing to apologise for.
            Case::fi("Hei Anna,\n\nkassi maksaa 45 euroa.").customer("Hei, paljonko kassi maksaa?"),
            Case::en("Hi Anna,\n\nthe bag costs 45 euros.").customer("Hi, how much is the bag?"),
            Case::sv("Hej Anna,\n\nväskan kostar 45 euro.").customer("Hej, vad kostar väskan?"),
            // No customer message: not judged.
            Case::fi("Hei Anna,\n\ntilauksesi lähti tänään uudelleen."),
        ];
        for case in cases {
            assert!(!hits(&case, RULE), "{}", case.reply);
        }
    }
}
