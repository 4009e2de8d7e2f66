//! `tone-mismatch`: the reply's register is the opposite of the customer's.

use super::{Context, Finding, Rule, RuleDoc, Square, Text};
use crate::lang::Lang;
use crate::lang::lexicon::Lexicon;
use crate::lang::text::{is_emoji, word_spans};

#[derive(Debug)]
pub struct ToneMismatch;

static DOC: RuleDoc = RuleDoc {
    summary: Text {
        en: "The reply's register is the opposite of the customer's",
        fi: "Vastauksen rekisteri on päinvastainen kuin asiakkaan",
    },
    what: Text {
        en: "A casual customer (sinuttelu, \"moi\", emojis, slang) answered formally (\"Te\", \"-nne\", \"voitteko\", \"ottakaa\"; \"Dear Sir or Madam\"; \"Ni\"), or a formal customer (\"Arvoisa…\", a capitalised \"Teidän\", \"Kunnioittavasti\") answered with sinuttelu or slang. A customer writing to the company in the plural (\"Milloin te toimitatte?\") is not being formal, and a neutral customer cannot be mismatched. Needs the customer's message.",
        fi: "Rento asiakas (sinuttelu, \"moi\", hymiöt, slangi) saa teitittelevän vastauksen (\"Te\", \"-nne\", \"voitteko\", \"ottakaa\"), tai muodollinen asiakas (\"Arvoisa…\", iso \"Teidän\", \"Kunnioittavasti\") saa sinuttelevan tai slangisen vastauksen. Yritystä monikossa puhutteleva asiakas (\"Milloin te toimitatte?\") ei ole muodollinen, eikä neutraalin asiakkaan kanssa voi mennä ristiin. Vaatii asiakkaan viestin.",
    },
    why: Text {
        en: "Answering \"moi :)\" with \"Voitteko ystävällisesti\" sounds cold and bureaucratic; answering a formal letter with \"moi!\" sounds careless. Mirroring the customer's register shows that someone read the message.",
        fi: "Jos \"moi :)\" -viestiin vastataan \"Voitteko ystävällisesti\", vastaus kuulostaa kylmältä virastolta; muodolliseen kirjeeseen vastattu \"moi!\" kuulostaa huolimattomalta. Asiakkaan sävyn peilaaminen näyttää, että viesti luettiin.",
    },
    bad: &[
        "(asiakas: \"Moi! Missä mun kassi on? :)\")\nHei,\n\nTeidän tilauksenne on matkalla. Voitteko tarkistaa postilaatikkonne?",
        "(customer: \"hey!! where's my bag?? thx :)\")\nDear Sir or Madam, please be advised that the aforementioned order has been dispatched.",
    ],
    good: &[
        "(asiakas: \"Moi! Missä mun kassi on? :)\")\nMoi Anna!\n\nKassisi on matkalla ja perillä huomenna.",
        "(customer: \"hey!! where's my bag?? thx :)\")\nHi Anna! Your bag is on its way and arrives tomorrow.",
    ],
};

/// A writer's register.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Register {
    Casual,
    Formal,
    Neutral,
}

/// Counts whole-word matches of `re` that are not listed exceptions.
fn count_matches(
    re: Option<&crate::lang::fast_regex::FastRegex>,
    text: &str,
    exceptions: &crate::lang::lexicon::WordSet,
) -> usize {
    matches_except(re, exceptions, text, 0).len()
}

/// Emoji and emoticons in `text`.
fn emoji_count(text: &str) -> usize {
    text.chars().filter(|&c| is_emoji(c)).count()
}

/// Literal cue words and emoticons in `text`.
fn cue_count(text: &str, cues: &crate::lang::lexicon::WordSet) -> usize {
    let lower = text.to_lowercase();
    let words = word_spans(&lower)
        .into_iter()
        .filter(|(_, w)| cues.contains(*w))
        .count();
    let emoticons = cues
        .iter()
        .filter(|c| !c.chars().next().is_some_and(char::is_alphanumeric))
        .map(|c| lower.matches(c.as_str()).count())
        .sum::<usize>();
    words + emoticons
}

/// The customer's register, from their own message.
pub fn customer_register(lex: &Lexicon, text: &str) -> Register {
    let casual = cue_count(text, &lex.casual_cues)
        + emoji_count(text)
        + if lex.lang == Lang::Fi {
            count_matches(lex.casual_address.as_ref(), text, &lex.casual_exceptions)
        } else {
            0
        };
    let formal = lex
        .formal_cues
        .as_ref()
        .map_or(0, |re| re.find_iter(text).count());
    match (casual > 0, formal > 0) {
        (true, false) => Register::Casual,
        (false, true) => Register::Formal,
        (true, true) if formal >= 2 * casual => Register::Formal,
        (true, true) if casual >= 2 * formal => Register::Casual,
        _ => Register::Neutral,
    }
}

/// Counts of formal and casual evidence, with the first span of each.
type Markers = (
    usize,
    Option<std::ops::Range<usize>>,
    usize,
    Option<std::ops::Range<usize>>,
);

/// Matches of `re` in `body` (at byte `from` of the text) that are not
/// exceptions, as spans of the text.
pub(crate) fn matches_except(
    re: Option<&crate::lang::fast_regex::FastRegex>,
    exceptions: &crate::lang::lexicon::WordSet,
    body: &str,
    from: usize,
) -> Vec<std::ops::Range<usize>> {
    re.into_iter()
        .flat_map(|re| re.find_iter(body))
        .filter(|m| !exceptions.contains(&m.as_str().to_lowercase()))
        .map(|m| from + m.start()..from + m.end())
        .collect()
}

/// Formal and casual evidence in the reply, with the first span of each.
fn reply_markers(ctx: &Context) -> Markers {
    let (lex, text, from) = (ctx.lex, ctx.reply.own.as_str(), ctx.voice_start());
    let (formal, casual) = (ctx.formal_address(), ctx.casual_address());
    let (formal_at, mut casual_at) = (formal.first().cloned(), casual.first().cloned());
    let (formal, mut casual) = (formal.len(), casual.len());
    let lower = text[from..].to_lowercase();
    for (span, word) in word_spans(&lower) {
        if lex.casual_reply.contains(word) {
            casual += 1;
            casual_at.get_or_insert(from + span.start..from + span.end);
        }
    }
    for cue in lex
        .casual_reply
        .iter()
        .filter(|c| !c.chars().next().is_some_and(char::is_alphanumeric))
    {
        if let Some(at) = lower.find(cue.as_str()) {
            casual += 1;
            casual_at.get_or_insert(from + at..from + at + cue.len());
        }
    }
    let emoji = emoji_count(text);
    if emoji > 0 {
        casual += emoji;
        if casual_at.is_none() {
            let at = text
                .char_indices()
                .find(|(_, c)| matches!(*c as u32, 0x1F300..=0x1FAFF | 0x2600..=0x27BF));
            casual_at = at.map(|(i, c)| i..i + c.len_utf8());
        }
    }
    (formal, formal_at, casual, casual_at)
}

impl Rule for ToneMismatch {
    fn id(&self) -> &'static str {
        "tone-mismatch"
    }
    fn square(&self) -> Option<Square> {
        Some(Square::Tone)
    }
    fn points(&self) -> u8 {
        1
    }
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some(customer) = ctx.customer else { return };
        let register = customer_register(ctx.lex, customer);
        if register == Register::Neutral {
            // Nothing the reply says can clash with a neutral customer.
            return;
        }
        if register == Register::Casual && ctx.formal_address().is_empty() {
            // Only formal address can clash with a casual customer.
            return;
        }
        let (formal, formal_at, casual, casual_at) = reply_markers(ctx);
        match register {
            Register::Casual if formal > casual => {
                let span = formal_at.unwrap_or(0..0);
                out.push(
                    ctx.finding(
                        self,
                        span,
                        "a casual customer answered formally / rennolle asiakkaalle teititellen"
                            .to_string(),
                    ),
                );
            }
            Register::Formal if casual > formal => {
                let span = casual_at.unwrap_or(0..0);
                out.push(
                    ctx.finding(
                        self,
                        span,
                        "a formal customer answered casually / muodolliselle asiakkaalle rennosti"
                            .to_string(),
                    ),
                );
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Register, customer_register};
    use crate::lang::{Lang, lexicon};
    use crate::rules::tests_support::{Case, hits};

    const CASUAL_FI: &str = "Moi! Mä tilasin kassin viime viikolla, missä se on? :)";
    const FORMAL_FI: &str = "Arvoisa vastaanottaja,\n\npyydän Teitä tarkistamaan laskuni.\n\nKunnioittavasti\nEino Lahtinen";

    #[test]
    fn customer_registers() {
        let lex = lexicon::builtin(Lang::Fi);
        assert_eq!(customer_register(lex, CASUAL_FI), Register::Casual);
        assert_eq!(customer_register(lex, FORMAL_FI), Register::Formal);
        assert_eq!(
            customer_register(lex, "Hei, milloin te toimitatte tilaukseni? Terveisin Anna"),
            Register::Neutral
        );
        assert_eq!(
            customer_register(lex, "Hei, tilasin kassin. Milloin se tulee?"),
            Register::Neutral
        );
        // The conditional ("maksaisi", "pitäisi", "tulisi") is no "-si"
        // of "yours"; "pakettisi" is.
        assert_eq!(
            customer_register(
                lex,
                "Hei, mitä tämä maksaisi? Pitäisikö tiedosto lähettää, ja tulisiko se ajoissa?"
            ),
            Register::Neutral
        );
        assert_eq!(
            customer_register(lex, "Hei, lähetä pakettisi tilisi kautta"),
            Register::Casual
        );
    }

    #[test]
    fn finnish_hits() {
        for reply in [
            "Hei Anna,\n\nTeidän tilauksenne on matkalla.",
            "Hei Anna,\n\nvoitteko tarkistaa postilaatikkonne?",
            "Hei Anna,\n\nottakaa yhteyttä uudelleen, jos kassi ei saavu.",
            "Hei Anna,\n\ntilauksenne lähti eilen.",
        ] {
            assert!(
                hits(&Case::fi(reply).customer(CASUAL_FI), "tone-mismatch"),
                "{reply}"
            );
        }
        for reply in [
            "Moi Eino! Sori, mokasimme :) Korjaan heti.",
            "Hei Eino,\n\nlaskusi on korjattu ja voit maksaa sen nyt.",
            "Moikka!\n\nLasku on korjattu.",
            "Hei,\n\ntarkistin laskusi, ja sinun pitää maksaa vain 20 euroa.",
        ] {
            assert!(
                hits(&Case::fi(reply).customer(FORMAL_FI), "tone-mismatch"),
                "{reply}"
            );
        }
    }

    #[test]
    fn finnish_misses() {
        for (customer, reply) in [
            (
                CASUAL_FI,
                "Moi Anna!\n\nKassisi on matkalla ja perillä huomenna.",
            ),
            (
                CASUAL_FI,
                "Hei Anna,\n\nkassi on matkalla ja perillä huomenna.",
            ),
            (
                FORMAL_FI,
                "Hyvä Eino Lahtinen,\n\ntarkistimme laskunne, ja lähetämme korjatun laskun.",
            ),
            (FORMAL_FI, "Hei Eino,\n\nlasku on korjattu."),
            (
                "Hei, milloin te toimitatte tilaukseni?",
                "Hei Anna,\n\ntoimitamme tilauksenne huomenna.",
            ),
            (
                "Hei, milloin te toimitatte tilaukseni?",
                "Hei Anna,\n\ntoimitamme tilauksesi huomenna.",
            ),
            (
                "Hei, tilasin kassin. Milloin se tulee?",
                "Hei Anna,\n\nvoitteko odottaa huomiseen?",
            ),
            (
                CASUAL_FI,
                "Hei Anna,\n\nlähetimme kassin eilen. Ennen perjantaita se on perillä.",
            ),
        ] {
            assert!(
                !hits(&Case::fi(reply).customer(customer), "tone-mismatch"),
                "{reply}"
            );
        }
        // No customer message: not applicable.
        assert!(!hits(
            &Case::fi("Hei,\n\nTeidän tilauksenne on matkalla."),
            "tone-mismatch"
        ));
    }

    #[test]
    fn english_and_swedish() {
        let casual_en = "hey!! where's my bag?? thx :)";
        let formal_en = "Dear Sir or Madam,\n\nI am writing to complain about my invoice.\n\nYours faithfully,\nEdward Lane";
        for (customer, reply) in [
            (
                casual_en,
                "Dear Sir or Madam,\n\nplease be advised that your order has been dispatched.",
            ),
            (
                casual_en,
                "Hello,\n\nkindly be advised that the aforementioned order is on its way.",
            ),
            (formal_en, "Hey Edward! No worries, we're gonna fix it :)"),
            (
                formal_en,
                "Hiya!\n\nYep, that invoice was wrong, cool that you told us.",
            ),
        ] {
            assert!(
                hits(&Case::en(reply).customer(customer), "tone-mismatch"),
                "{reply}"
            );
        }
        for (customer, reply) in [
            (casual_en, "Hi Anna!\n\nYour bag is on its way."),
            (
                formal_en,
                "Dear Mr Lane,\n\nthank you for pointing this out; the invoice has been corrected.",
            ),
            (
                "Hi, when will my bag arrive?",
                "Dear Anna,\n\nplease be advised that it arrives tomorrow.",
            ),
            (casual_en, "Hi Anna,\n\nit arrives tomorrow."),
        ] {
            assert!(
                !hits(&Case::en(reply).customer(customer), "tone-mismatch"),
                "{reply}"
            );
        }
        let casual_sv = "Tjena! Var är min väska typ? :)";
        let formal_sv =
            "Bästa herr/fru,\n\njag ber Er kontrollera min faktura.\n\nHögaktningsfullt\nErik Lund";
        for (customer, reply) in [
            (
                casual_sv,
                "Bästa Anna,\n\nNi kan spåra Er beställning på vår webbplats.",
            ),
            (
                casual_sv,
                "Hej,\n\nEr väska är på väg. Ni får den i morgon.",
            ),
            (formal_sv, "Tjena Erik! Fakturan var fel asså, vi fixar :)"),
            (
                formal_sv,
                "Hej Erik,\n\ntyp klart nu, schysst att du sa till.",
            ),
        ] {
            assert!(
                hits(&Case::sv(reply).customer(customer), "tone-mismatch"),
                "{reply}"
            );
        }
        for (customer, reply) in [
            (
                casual_sv,
                "Hej Anna!\n\nDin väska är på väg och kommer i morgon.",
            ),
            (
                formal_sv,
                "Bästa Erik Lund,\n\nvi har kontrollerat Er faktura.",
            ),
            (
                "Hej, när kommer min väska?",
                "Hej Anna,\n\nNi får den i morgon.",
            ),
            (casual_sv, "Hej Anna,\n\nväskan kommer i morgon."),
        ] {
            assert!(
                !hits(&Case::sv(reply).customer(customer), "tone-mismatch"),
                "{reply}"
            );
        }
    }
}
