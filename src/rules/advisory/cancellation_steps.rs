//! `cancellation-steps`: the customer cancels, and the reply misses one of
//! the steps of a good goodbye.

use super::super::{Context, Finding, Rule, RuleDoc, Text};
use super::opening_span;

#[derive(Debug)]
pub struct CancellationSteps;

static DOC: RuleDoc = RuleDoc {
    summary: Text {
        en: "A cancellation reply misses regret, asking why, instructions, confirmation or thanks",
        fi: "Irtisanomisen vastauksesta puuttuu pahoittelu, syyn kysyminen, ohjeet, vahvistus tai kiitos",
    },
    what: Text {
        en: "The customer cancels or gives notice (\"irtisanon\", \"peruutan\", \"cancel my subscription\", \"säger upp\") and the reply misses one of five steps: regret (\"harmi, että lähdet\"), asking the reason (\"saanko kysyä syytä?\"), instructions (what to do next), confirmation of what was done (\"tilauksesi on irtisanottu\") and thanks. The finding names the missing steps. Advisory: 0 points, not on the card. Needs the customer's message.",
        fi: "Asiakas irtisanoo tai peruu (\"irtisanon\", \"peruutan\") ja vastauksesta puuttuu jokin viidestä askeleesta: pahoittelu (\"harmi, että lähdet\"), syyn kysyminen, ohjeet (mitä seuraavaksi), vahvistus tehdystä (\"tilauksesi on irtisanottu\") ja kiitos. Havainto nimeää puuttuvat askeleet. Huomio: 0 pistettä, ei kortilla. Vaatii asiakkaan viestin.",
    },
    why: Text {
        en: "The last letter is what a leaving customer remembers. Without a confirmation they do not know whether they will be billed again; without thanks and a question about the reason the company learns nothing and the door stays closed.",
        fi: "Lähtevä asiakas muistaa viimeisen viestin. Ilman vahvistusta hän ei tiedä, tuleeko vielä laskuja; ilman kiitosta ja syyn kysymistä yritys ei opi mitään eikä ovi jää auki.",
    },
    bad: &[
        "(asiakas: \"Irtisanon kuukausitilaukseni.\")\nHei Anna,\n\ntilauksesi on irtisanottu.",
        "(customer: \"Please cancel my subscription.\")\nHi Anna,\n\nyour subscription has been cancelled.",
        "(kund: \"Jag säger upp min prenumeration.\")\nHej Anna,\n\ndin prenumeration är uppsagd.",
    ],
    good: &[
        "(asiakas: \"Irtisanon kuukausitilaukseni.\")\nHei Anna,\n\nharmi, että lähdet! Tilauksesi on irtisanottu, eikä uusia laskuja tule. Saanko kysyä syytä? Jos haluat palata, kirjaudu sisään ja valitse Tilaus. Kiitos, että olit asiakkaamme!",
        "(customer: \"Please cancel my subscription.\")\nHi Anna,\n\nsorry to see you go! Your subscription has been cancelled and you will not be billed again. May I ask why you are leaving? To come back, log in and choose Subscribe. Thank you for being with us!",
        "(kund: \"Jag säger upp min prenumeration.\")\nHej Anna,\n\ntråkigt att du lämnar oss! Din prenumeration är uppsagd. Får jag fråga varför? Vill du komma tillbaka, logga in och välj Prenumeration. Tack för att du var kund hos oss!",
    ],
};

/// The steps, with their pack list and names in English and Finnish.
const STEPS: &[(&str, &str, &str)] = &[
    ("regret", "regret", "pahoittelu"),
    ("reason", "asking why", "syyn kysyminen"),
    ("instructions", "instructions", "ohjeet"),
    ("confirmation", "confirmation", "vahvistus"),
    ("thanks", "thanks", "kiitos"),
];

impl Rule for CancellationSteps {
    fn id(&self) -> &'static str {
        "cancellation-steps"
    }
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some(customer) = ctx.customer else { return };
        let advisory = &ctx.lex.advisory;
        if !advisory.any("cancellation", customer) {
            return;
        }
        let missing: Vec<&(&str, &str, &str)> = STEPS
            .iter()
            .filter(|(key, _, _)| !advisory.any(key, &ctx.reply.own))
            .collect();
        if missing.is_empty() {
            return;
        }
        let en: Vec<&str> = missing.iter().map(|s| s.1).collect();
        let fi: Vec<&str> = missing.iter().map(|s| s.2).collect();
        out.push(ctx.finding(
            self,
            opening_span(ctx),
            format!(
                "the customer cancels; the reply misses: {} / asiakas irtisanoo; vastauksesta puuttuu: {}",
                en.join(", "),
                fi.join(", ")
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::DOC;
    use crate::rules::tests_support::{Case, findings, hits};

    const RULE: &str = "cancellation-steps";

    fn message(case: &Case) -> Option<String> {
        findings(case)
            .into_iter()
            .find(|f| f.rule == RULE)
            .map(|f| f.message)
    }

    /// The good examples of the rule's doc, as cases.
    fn good(at: usize) -> (String, String) {
        let example = DOC.good[at];
        let (customer, reply) = example.split_once('\n').unwrap();
        let customer = customer.split('"').nth(1).unwrap().to_string();
        (customer, reply.to_string())
    }

    #[test]
    fn the_finding_names_the_missing_steps() {
        let fi = Case::fi("Hei Anna,\n\ntilauksesi on irtisanottu.\n\nTerveisin\nMikko")
            .customer("Hei, irtisanon kuukausitilaukseni.");
        assert_eq!(
            message(&fi).unwrap(),
            "the customer cancels; the reply misses: regret, asking why, instructions, thanks / asiakas irtisanoo; vastauksesta puuttuu: pahoittelu, syyn kysyminen, ohjeet, kiitos"
        );
        let en = Case::en("Hi Anna,\n\nsorry to see you go! Your subscription has been cancelled. Thank you for being with us.")
            .customer("Please cancel my subscription.");
        let text = message(&en).unwrap();
        assert!(
            text.starts_with("the customer cancels; the reply misses: asking why, instructions /"),
            "{text}"
        );
        let sv = Case::sv("Hej Anna,\n\ndin prenumeration är uppsagd. Tack!")
            .customer("Hej, jag säger upp min prenumeration.");
        let text = message(&sv).unwrap();
        assert!(
            text.contains("misses: regret, asking why, instructions /"),
            "{text}"
        );
    }

    #[test]
    fn near_misses() {
        for (at, case) in [Case::fi, Case::en, Case::sv].into_iter().enumerate() {
            let (customer, reply) = good(at);
            let case = case(&reply).customer(&customer);
            assert!(!hits(&case, RULE), "{}", case.reply);
        }
        // Not a cancellation: a short answer needs none of the steps.
        let cases = [
            Case::fi("Hei Anna,\n\nkassi maksaa 45 euroa.").customer("Paljonko kassi maksaa?"),
            Case::en("Hi Anna,\n\nthe bag costs 45 euros.").customer("How much is the bag?"),
            Case::sv("Hej Anna,\n\nväskan kostar 45 euro.").customer("Vad kostar väskan?"),
        ];
        for case in cases {
            assert!(!hits(&case, RULE), "{}", case.reply);
        }
    }
}
