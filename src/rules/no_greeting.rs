//! `no-greeting`: the reply starts straight with business.

use super::{Context, Finding, Rule, RuleDoc, Square, Text};

#[derive(Debug)]
pub struct NoGreeting;

static DOC: RuleDoc = RuleDoc {
    summary: Text {
        en: "The reply has no greeting at all",
        fi: "Vastauksessa ei ole tervehdystä lainkaan",
    },
    what: Text {
        en: "A reply whose first line (after at most one ticket or auto-reply banner) is already business: no \"Hei\", \"Hello\", \"Hej\" or any other greeting.",
        fi: "Vastaus, jonka ensimmäinen rivi (enintään yhden tiketti- tai automaattivastausrivin jälkeen) menee suoraan asiaan: ei \"Hei\", \"Hello\" tai \"Hej\" -tervehdystä.",
    },
    why: Text {
        en: "A reply without a greeting reads like a form letter or a machine. The customer wrote to people; the first word tells them whether a person answered.",
        fi: "Tervehdyksetön vastaus kuulostaa lomakkeelta tai koneelta. Asiakas kirjoitti ihmisille, ja ensimmäinen sana kertoo, vastasiko ihminen.",
    },
    bad: &[
        "Tilauksenne on lähetetty.",
        "Your order has been shipped.",
        "Din beställning har skickats.",
    ],
    good: &[
        "Hei Anna,\n\ntilauksesi lähti tänään.",
        "Hi Anna,\n\nyour order left today.",
        "Hej Anna,\n\ndin beställning skickades i dag.",
    ],
};

impl Rule for NoGreeting {
    fn id(&self) -> &'static str {
        "no-greeting"
    }
    fn square(&self) -> Option<Square> {
        Some(Square::Greeting)
    }
    fn points(&self) -> u8 {
        2
    }
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let reply = ctx.reply;
        if !reply.greeting.is_empty() || reply.own.trim().is_empty() {
            return;
        }
        let start = reply.own.len() - reply.own.trim_start().len();
        let end = reply.own[start..]
            .find('\n')
            .map_or(reply.own.len(), |i| start + i);
        out.push(ctx.finding(
            self,
            start..end,
            "the reply opens without a greeting / vastaus alkaa ilman tervehdystä".to_string(),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tests_support::{Case, hits};

    #[test]
    fn finnish() {
        for text in [
            "Tilauksenne on lähetetty.",
            "Kiitos viestistä. Paketti lähti eilen.",
            "Paketti lähti eilen.\n\nTerveisin\nMatti",
            "Valitettavasti tuote on loppunut.",
            "Olemme vastaanottaneet viestinne.",
            "Palautus on kirjattu.",
            "Lasku on hyvitetty tilillenne.",
            "[#1234] Tukipyyntö\nTilaus on matkalla.",
        ] {
            assert!(hits(&Case::fi(text), "no-greeting"), "{text}");
        }
        for text in [
            "Hei Anna,\n\npaketti lähti.",
            "Hei!\n\nPaketti lähti.",
            "Moi Anna! Paketti lähti.",
            "Hyvä asiakas,\n\npaketti lähti.",
            "Hyvää päivää,\n\npaketti lähti.",
            "[#1234] Tukipyyntö\nHei Anna,\npaketti lähti.",
            "Terve Matti,\n\nlasku on korjattu.",
            "Arvoisa asiakas,\n\nlasku on korjattu.",
        ] {
            assert!(!hits(&Case::fi(text), "no-greeting"), "{text}");
        }
    }

    #[test]
    fn english_and_swedish() {
        for text in [
            "Your order has shipped.",
            "We have refunded the charge.",
            "Thanks, it is fixed now.",
            "The parcel left today.",
        ] {
            assert!(hits(&Case::en(text), "no-greeting"), "{text}");
        }
        for text in [
            "Hi Anna,\nit shipped.",
            "Hello!\nIt shipped.",
            "Dear Ms Virtanen,\nit shipped.",
            "Good morning Anna, it shipped.",
            "Morning Anna,\nit shipped.",
            "Ärade kund,\ndet är skickat.",
        ] {
            assert!(!hits(&Case::en(text), "no-greeting"), "{text}");
        }
        for text in [
            "Din order har skickats.",
            "Vi har återbetalat beloppet.",
            "Paketet skickades i dag.",
            "Tack, det är fixat nu.",
        ] {
            assert!(hits(&Case::sv(text), "no-greeting"), "{text}");
        }
        for text in [
            "Hej Anna,\ndet är skickat.",
            "Hejsan!\nDet är skickat.",
            "God morgon Anna, det är skickat.",
            "Bästa Anna,\ndet är skickat.",
        ] {
            assert!(!hits(&Case::sv(text), "no-greeting"), "{text}");
        }
    }
}
