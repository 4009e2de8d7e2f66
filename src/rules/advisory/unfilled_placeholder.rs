//! `unfilled-placeholder`: a sent reply still holds a template field.

use super::super::{Context, Finding, Rule, RuleDoc, Text};
use crate::lang::placeholder::placeholders;

#[derive(Debug)]
pub struct UnfilledPlaceholder;

static DOC: RuleDoc = RuleDoc {
    summary: Text {
        en: "A sent reply still contains a template placeholder",
        fi: "Lähetetyssä vastauksessa on täyttämätön mallipohjan kenttä",
    },
    what: Text {
        en: "A reply that was sent with a template field left in it: `{{name}}`, `{firstname}`, `${order}`, `[NIMI]`, `[CUSTOMER NAME]`, `%s`, `%(name)s`, `%firstname%`, `<%= name %>`. Only sent mail: `bingo template` expects placeholders. Advisory: 0 points, not on the card.",
        fi: "Vastaus, joka lähti mallipohjan kenttä täyttämättä: `{{name}}`, `{etunimi}`, `${order}`, `[NIMI]`, `%s`, `%(name)s`, `%etunimi%`, `<%= name %>`. Vain lähetetyt viestit: `bingo template` odottaa kenttiä. Huomio: 0 pistettä, ei kortilla.",
    },
    why: Text {
        en: "\"Hei [NIMI]\" tells the customer, in the first word, that they are reading a form letter nobody looked at before sending.",
        fi: "\"Hei [NIMI]\" kertoo asiakkaalle heti ensimmäisellä sanalla, että hän lukee lomakekirjettä, jota kukaan ei katsonut ennen lähettämistä.",
    },
    bad: &[
        "Hei [NIMI],\n\ntilauksesi {{order_number}} on lähetetty.",
        "Hi {{ customer.first_name }},\n\nyour order %s has shipped.",
        "Hej {förnamn},\n\ndin order har skickats.",
    ],
    good: &[
        "Hei Anna,\n\ntilauksesi 4411 on lähetetty.",
        "Hi Anna,\n\nyour order 4411 has shipped (see [1] for tracking).",
        "Hej Anna,\n\ndin order har skickats. Rabatten är 10 % [gäller till fredag].",
    ],
};

impl Rule for UnfilledPlaceholder {
    fn id(&self) -> &'static str {
        "unfilled-placeholder"
    }
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        if ctx.template {
            return;
        }
        let own = &ctx.reply.own;
        // Every placeholder form has one of these: most replies have none,
        // and the regex is not cheap.
        if !own.contains(['{', '[', '%', '<', '$', '#']) {
            return;
        }
        for range in placeholders(own) {
            let field = own[range.clone()].to_string();
            out.push(ctx.finding(
                self,
                range,
                format!(
                    "the template field `{field}` was sent unfilled / mallipohjan kenttä `{field}` lähti täyttämättä"
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tests_support::{Case, findings, hits};

    const RULE: &str = "unfilled-placeholder";

    fn fields(case: &Case) -> Vec<String> {
        findings(case)
            .into_iter()
            .filter(|f| f.rule == RULE)
            .map(|f| f.excerpt)
            .collect()
    }

    #[test]
    fn placeholders_in_sent_replies() {
        assert_eq!(
            fields(&Case::fi(
                "Hei [NIMI],\n\ntilauksesi {{order_number}} on lähetetty.\n\nTerveisin\nMikko"
            )),
            ["[NIMI]", "{{order_number}}"]
        );
        assert_eq!(
            fields(&Case::en(
                "Hi {{ customer.first_name }},\n\nyour order %s has shipped.\n\nRegards\nJoe"
            )),
            ["{{ customer.first_name }}", "%s"]
        );
        assert_eq!(
            fields(&Case::sv("Hej {förnamn},\n\ndin order har skickats.")),
            ["{förnamn}"]
        );
        assert_eq!(
            fields(&Case::en(
                "Hi Anna,\n\nyour code is ${code} and %(amount)s is due."
            )),
            ["${code}", "%(amount)s"]
        );
    }

    #[test]
    fn near_misses() {
        let cases = [
            Case::fi("Hei Anna,\n\nalennus on 10 % [voimassa perjantaihin].\n\nTerveisin\nMikko"),
            Case::en(
                "Hi Anna,\n\nyour order has shipped (see [1] for tracking). 50% off next time!",
            ),
            Case::sv("Hej Anna,\n\nrabatten är 10 %, se [bilaga].\n\nHälsningar\nEva"),
            // Templates are expected to hold fields.
            Case::fi("Hei {{ customer.first_name }},\n\ntilauksesi on lähetetty.").template(),
        ];
        for case in cases {
            assert!(!hits(&case, RULE), "{}", case.reply);
        }
    }
}
