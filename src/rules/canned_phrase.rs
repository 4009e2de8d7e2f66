//! `canned-phrase`: stock business-letter jargon and template boilerplate.

use super::{Context, Finding, Rule, RuleDoc, Square, Text};

#[derive(Debug)]
pub struct CannedPhrase;

static DOC: RuleDoc = RuleDoc {
    summary: Text {
        en: "Stock business-letter jargon or template boilerplate",
        fi: "Kapulakieltä tai valmispohjan fraaseja",
    },
    what: Text {
        en: "Phrases from the language packs (`rules/*.toml`, `[canned]`, plus any `extra-phrases` files): \"ohessa … liittyen\", \"kiitämme saamastamme palautteesta\", \"pahoittelemme mahdollisesti aiheutunutta haittaa\", \"please do not hesitate to contact us\", \"tveka inte att kontakta oss\".",
        fi: "Kielipakettien fraasit (`rules/*.toml`, `[canned]`, sekä `extra-phrases`-tiedostot): \"ohessa … liittyen\", \"kiitämme saamastamme palautteesta\", \"pahoittelemme mahdollisesti aiheutunutta haittaa\", \"please do not hesitate to contact us\".",
    },
    why: Text {
        en: "Everybody has read these sentences a thousand times, so nobody reads them. They tell the customer that the reply came from a drawer, and \"possibly caused inconvenience\" is not an apology.",
        fi: "Näitä lauseita on luettu tuhat kertaa, joten kukaan ei lue niitä. Ne kertovat, että vastaus tuli laatikosta, eikä \"mahdollisesti aiheutunut haitta\" ole anteeksipyyntö.",
    },
    bad: &[
        "Kiitämme yhteydenotostanne ja pahoittelemme mahdollisesti aiheutunutta haittaa.",
        "Thank you for contacting us. Please do not hesitate to contact us again.",
        "Tack för att du kontaktade oss. Vi beklagar eventuella besvär.",
    ],
    good: &[
        "Kiitos kun kerroit, ja anteeksi että paketti myöhästyi.",
        "Thanks for telling us, and sorry the parcel was late.",
        "Tack för att du hörde av dig, och förlåt att paketet blev sent.",
    ],
};

impl Rule for CannedPhrase {
    fn id(&self) -> &'static str {
        "canned-phrase"
    }
    fn square(&self) -> Option<Square> {
        Some(Square::Canned)
    }
    fn points(&self) -> u8 {
        1
    }
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let own = &ctx.reply.own;
        if ctx.lex.canned.is_empty() {
            return;
        }
        // Every match of every phrase, then the longest where phrases overlap
        // ("pahoittelemme aiheutunutta haittaa" holds "aiheutunutta haittaa").
        let mut found: Vec<(std::ops::Range<usize>, &str)> = ctx
            .lex
            .canned
            .find_all(own)
            .into_iter()
            .map(|m| (m.range, m.phrase))
            .collect();
        found.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
        let mut kept_end = 0;
        for (range, phrase) in found {
            if range.start < kept_end {
                continue;
            }
            kept_end = range.end;
            out.push(ctx.finding(self, range, format!("stock phrase “{phrase}” / fraasi")));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tests_support::{Case, findings, hits};

    #[test]
    fn finnish() {
        for text in [
            "Hei Anna,\n\nkiitämme yhteydenotostanne.",
            "Hei Anna,\n\npahoittelemme mahdollisesti aiheutunutta haittaa.",
            "Hei Anna,\n\nohessa tietoa tilaukseesi liittyen.",
            "Hei Anna,\n\nkiitämme saamastamme palautteesta.",
            "Hei Anna,\n\nälä epäröi ottaa yhteyttä.",
            "Hei Anna,\n\nolemme vastaanottaneet viestisi.",
            "Hei Anna,\n\nKIITÄMME YHTEYDENOTOSTANNE!",
            "Hei Anna,\n\nkiitämme\nyhteydenotostanne.",
            // Autoreply and contact-form boilerplate.
            "Hei Anna,\n\nkiitos viestistäsi! Vastaamme pian.",
            "Hei,\n\nviestinne on vastaanotettu. Tämä on automaattinen viesti.",
            "Hei Anna,\n\npahoittelemme mahdollista vaivaa.",
        ] {
            assert!(hits(&Case::fi(text), "canned-phrase"), "{text}");
        }
        for text in [
            "Hei Anna,\n\nkiitos kun kerroit.",
            "Hei Anna,\n\nanteeksi, että paketti myöhästyi.",
            "Hei Anna,\n\nohessa lasku.",
            "Hei Anna,\n\nkirjoita milloin vain uudelleen.",
            "Hei Anna,\n\nkiitos palautteesta, se auttaa meitä.",
            "Hei Anna,\n\nvastaanotimme kassin eilen.",
            "Hei Anna,\n\nkorjasin laskusi.",
            "Hei Anna,\n\nliitteenä kuitti.",
        ] {
            assert!(!hits(&Case::fi(text), "canned-phrase"), "{text}");
        }
    }

    /// Corporate first person plural is the template's voice: "kiitämme",
    /// "pahoittelemme", "vi beklagar", "we trust this"; the same thanks or
    /// apology in plain words is not.
    #[test]
    fn stock_phrase_families() {
        // (case, canned?)
        let cases = [
            (Case::fi("Hei Anna,\n\nKiitämme tilauksestanne."), true),
            (
                Case::fi("Hei Anna,\n\npahoittelemme tilanteesta aiheutuvaa haittaa."),
                true,
            ),
            (
                Case::fi(
                    "Hei Anna,\n\nviitaten sähköpostiinne ilmoitamme, että lasku on hyvitetty.",
                ),
                true,
            ),
            (
                Case::fi("Hei Anna,\n\nohessa tarjous 22.5.2027 tapahtuvaan muuttoonne liittyen."),
                true,
            ),
            (
                Case::fi("Hei Anna,\n\nmikäli Teillä on lisäkysymyksiä, vastaamme mielellämme."),
                true,
            ),
            (
                Case::fi("Hei Anna,\n\nToivomme, että tämä selventää asiaa."),
                true,
            ),
            (Case::fi("Hei Anna,\n\nethän epäröi ottaa yhteyttä."), true),
            (
                Case::en("Hi Anna,\nwe trust this information is helpful."),
                true,
            ),
            (
                Case::en("Hi Anna,\nthank you for contacting Westbrook Borough Council."),
                true,
            ),
            (
                Case::en(
                    "Hi Anna,\nthe delay is regrettable and we apologise for any inconvenience this may cause.",
                ),
                true,
            ),
            (
                Case::en("Hi Anna,\nshould you require any further assistance, let us know."),
                true,
            ),
            (
                Case::sv(
                    "Hej Anna,\nmed anledning av Ert mejl vill vi informera om att paketet har skickats.",
                ),
                true,
            ),
            (Case::sv("Hej Anna,\nvi tackar för Ert tålamod."), true),
            (Case::sv("Hej Anna,\nvi har mottagit ditt ärende."), true),
            (
                Case::sv("Hej Anna,\npå grund av hög belastning kan svarstiderna vara längre."),
                true,
            ),
            // Transactional thanks, the customer's importance, patience
            // and frustration in the template's words.
            (
                Case::fi("Hei Anna,\n\nkiitos tilauksestasi! Paketti lähtee tänään."),
                true,
            ),
            (
                Case::en("Hi Anna,\nwe understand your frustration with the delay."),
                true,
            ),
            (Case::sv("Hej Anna,\ndin feedback är viktig för oss."), true),
            (
                Case::sv("Hej Anna,\nvi har tagit del av ditt meddelande."),
                true,
            ),
            (Case::sv("Hej Anna,\nvi uppskattar ditt tålamod."), true),
            (Case::fi("Hei Anna,\n\nautamme Teitä mielellämme."), true),
            // The same thanks or apology in plain words.
            (
                Case::fi("Hei Anna,\n\nkiitos kun kerroit, löysin syyn."),
                false,
            ),
            // Gladly doing a named thing is no stock phrase.
            (
                Case::fi("Hei Anna,\n\notamme mielellämme vastaan lastenvaatteet ja lelut."),
                false,
            ),
            (
                Case::en("Hi Anna,\nthanks for flagging it, fixed now."),
                false,
            ),
            (
                Case::sv("Hej Jonas,\ntack för att du berättade om flytten i god tid."),
                false,
            ),
            (
                Case::sv("Hej Jonas,\nvi ber Er byta lösenordet i appen."),
                false,
            ),
        ];
        for (case, canned) in cases {
            assert_eq!(hits(&case, "canned-phrase"), canned, "{case:?}");
        }
    }

    #[test]
    fn each_occurrence_is_a_finding_with_its_excerpt() {
        let found = findings(&Case::fi(
            "Hei Anna,\n\nKiitämme yhteydenotostanne. Pahoittelemme aiheutunutta haittaa.",
        ));
        let canned: Vec<&str> = found
            .iter()
            .filter(|f| f.rule == "canned-phrase")
            .map(|f| f.excerpt.as_str())
            .collect();
        assert_eq!(
            canned,
            vec![
                "Kiitämme yhteydenotostanne",
                "Pahoittelemme aiheutunutta haittaa"
            ]
        );
        let first = found.iter().find(|f| f.rule == "canned-phrase").unwrap();
        assert_eq!((first.line, first.column), (3, 1));
    }

    #[test]
    fn english_and_swedish() {
        for text in [
            "Hi Anna,\nthank you for contacting us.",
            "Hi Anna,\nplease do not hesitate to contact us.",
            "Hi Anna,\nwe apologise for any inconvenience.",
            "Hi Anna,\nyour satisfaction is our top priority.",
            "Hello!\nThanks so much for contacting us 😊",
            "Hello,\nthis is an automated message: we have received your email.",
        ] {
            assert!(hits(&Case::en(text), "canned-phrase"), "{text}");
        }
        for text in [
            "Hi Anna,\nthanks for telling us.",
            "Hi Anna,\nsorry the parcel was late.",
            "Hi Anna,\nwrite again any time.",
            "Hi Anna,\nI fixed the invoice.",
        ] {
            assert!(!hits(&Case::en(text), "canned-phrase"), "{text}");
        }
        for text in [
            "Hej Anna,\ntack för att du kontaktade oss.",
            "Hej Anna,\nvi beklagar eventuella besvär.",
            "Hej Anna,\ntveka inte att kontakta oss.",
            "Hej Anna,\nvi har mottagit ditt meddelande.",
            "Hej,\ndetta är ett automatiskt svar. Vi har tagit emot din förfrågan.",
        ] {
            assert!(hits(&Case::sv(text), "canned-phrase"), "{text}");
        }
        for text in [
            "Hej Anna,\ntack för att du hörde av dig.",
            "Hej Anna,\nförlåt att paketet blev sent.",
            "Hej Anna,\nskriv gärna igen.",
            "Hej Anna,\njag rättade fakturan.",
        ] {
            assert!(!hits(&Case::sv(text), "canned-phrase"), "{text}");
        }
    }
}
