//! `mixed-address`: the reply addresses the same person both as "sinä"
//! and as "Te" (sv "du" and "Ni"; en casual and stiff formal address).

use super::super::{Context, Finding, Rule, RuleDoc, Text};

#[derive(Debug)]
pub struct MixedAddress;

static DOC: RuleDoc = RuleDoc {
    summary: Text {
        en: "The reply mixes informal and formal address (sinä and Te)",
        fi: "Vastaus sekä sinuttelee että teitittelee",
    },
    what: Text {
        en: "One reply that addresses the reader both informally and formally: \"sinä\", \"-si\", \"voit\" together with \"Te\", \"-nne\", \"voitteko\" in Finnish; \"du\" with \"Ni\" in Swedish; in English, stiff formal phrases (\"please be advised\", \"Dear Sir or Madam\") with slang (\"hey\", \"no worries\"). Advisory: 0 points, not on the card.",
        fi: "Sama vastaus puhuttelee lukijaa sekä sinutellen että teititellen: \"sinä\", \"-si\", \"voit\" ja \"Te\", \"-nne\", \"voitteko\" (ruotsiksi \"du\" ja \"Ni\"; englanniksi jäykät muotoilut ja slangi samassa viestissä). Huomio: 0 pistettä, ei kortilla.",
    },
    why: Text {
        en: "Switching register mid-letter shows the reply was pasted together from pieces written for someone else, and the customer cannot tell how close the company wants to be.",
        fi: "Kesken viestin vaihtuva puhuttelu paljastaa, että vastaus on koottu muille kirjoitetuista palasista, eikä asiakas tiedä, kuinka läheinen yritys haluaa olla.",
    },
    bad: &[
        "Hei Anna,\n\nvoit palauttaa kassin 30 päivän kuluessa. Lähettäkää palautuslomake osoitteeseemme.",
        "Dear Sir or Madam,\n\nplease be advised that your bag has shipped. No worries, it arrives tomorrow!",
        "Hej Anna,\n\ndu kan returnera väskan inom 30 dagar. Ni får en etikett från oss.",
    ],
    good: &[
        "Hei Anna,\n\nvoit palauttaa kassin 30 päivän kuluessa. Lähetä palautuslomake osoitteeseemme.",
        "Hi Anna,\n\nyour bag has shipped and arrives tomorrow.",
        "Hej Anna,\n\ndu kan returnera väskan inom 30 dagar. Du får en etikett från oss.",
    ],
};

impl Rule for MixedAddress {
    fn id(&self) -> &'static str {
        "mixed-address"
    }
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let own = &ctx.reply.own;
        let from = ctx.voice_start();
        let formal_spans = ctx.formal_address();
        let Some(formal_at) = formal_spans.first().cloned() else {
            // No formal address: nothing to mix (informal is not looked for).
            return;
        };
        let formal = formal_spans.len();
        let casual = ctx.casual_address();
        let (mut informal, mut informal_at) = (casual.len(), casual.first().cloned());
        // Conditional verbs ("pitäisi") are not "sinä" forms: count again without them.
        if let Some(exceptions) = ctx.lex.advisory.phrases("informal-exceptions") {
            let kept: Vec<_> = casual
                .iter()
                .filter(|span| {
                    let word = &own[(*span).clone()];
                    exceptions.find(word).is_none_or(|e| e.len() != word.len())
                })
                .collect();
            informal = kept.len();
            informal_at = kept.first().map(|span| (*span).clone());
        }
        if let Some(re) = ctx.lex.advisory.phrases("informal-address") {
            for m in re.find_iter(&own[from..]) {
                informal += 1;
                informal_at.get_or_insert(from + m.start()..from + m.end());
            }
        }
        let Some(informal_at) = informal_at else {
            return;
        };
        // Point at the less used form: that is the slip.
        let span = if formal <= informal {
            formal_at
        } else {
            informal_at
        };
        out.push(ctx.finding(
            self,
            span,
            format!(
                "informal and formal address in one reply ({informal} informal, {formal} formal) / sekä sinuttelua että teitittelyä ({informal} sinä, {formal} Te)"
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tests_support::{Case, findings, hits};

    const RULE: &str = "mixed-address";

    #[test]
    fn mixed_address_in_three_languages() {
        let fi = Case::fi(
            "Hei Anna,\n\nvoit palauttaa kassin 30 päivän kuluessa. Lähettäkää palautuslomake osoitteeseemme.\n\nTerveisin\nMikko",
        );
        let found: Vec<_> = findings(&fi)
            .into_iter()
            .filter(|f| f.rule == RULE)
            .collect();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].excerpt, "Lähettäkää", "the less used form");
        let cases = [
            Case::fi("Hei Anna,\n\nkiitos viestistäsi. Teidän tilauksenne on matkalla."),
            Case::en(
                "Dear Sir or Madam,\n\nplease be advised that your bag has shipped. No worries, it arrives tomorrow!",
            ),
            Case::sv(
                "Hej Anna,\n\ndu kan returnera väskan inom 30 dagar. Ni får en etikett från oss.\n\nHälsningar\nEva",
            ),
        ];
        for case in cases {
            assert!(hits(&case, RULE), "{}", case.reply);
        }
    }

    #[test]
    fn near_misses() {
        let cases = [
            Case::fi(
                "Hei Anna,\n\nvoit palauttaa kassin 30 päivän kuluessa. Lähetä palautuslomake osoitteeseemme.",
            ),
            Case::fi(
                "Hyvä Eino Lahtinen,\n\nvoitteko lähettää Teidän tilausvahvistuksenne meille?",
            ),
            // A conditional verb is not a "sinä" form.
            Case::fi(
                "Hyvä Eino Lahtinen,\n\ntilauksenne pitäisi olla perillä huomenna, ja se olisi hyvä tarkistaa. Voitte seurata sitä linkistä.",
            ),
            Case::en("Hi Anna,\n\nyour bag has shipped. No worries, it arrives tomorrow!"),
            Case::en("Dear Sir or Madam,\n\nplease be advised that your bag has shipped."),
            Case::sv(
                "Hej Anna,\n\ndu kan returnera väskan inom 30 dagar. Du får en etikett från oss.",
            ),
            Case::sv(
                "Bästa Eva,\n\nNi kan returnera väskan inom 30 dagar. Er etikett kommer i dag.",
            ),
        ];
        for case in cases {
            assert!(!hits(&case, RULE), "{}", case.reply);
        }
    }
}
