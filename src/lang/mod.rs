//! Languages: which one a text is in, and the word packs for each.
//!
//! bingo reads Finnish first, then English and Swedish. Detection counts the
//! packs' stop words (and the letters å, ä, ö), which is reliable for these
//! three on anything longer than a greeting.

pub mod fast_regex;
pub mod lexicon;
pub mod pack;
pub mod phrases;
pub mod placeholder;
pub mod text;

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// A language bingo lints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Fi,
    En,
    Sv,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Fi, Lang::En, Lang::Sv];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Fi => "fi",
            Lang::En => "en",
            Lang::Sv => "sv",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// Each stop word with the languages (in [`Lang::ALL`] order) that list it.
fn stopwords() -> &'static FxHashMap<&'static str, [bool; 3]> {
    static WORDS: OnceLock<FxHashMap<&'static str, [bool; 3]>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words: FxHashMap<&'static str, [bool; 3]> = FxHashMap::default();
        for (i, lang) in Lang::ALL.iter().enumerate() {
            for word in pack::pack(lang.code()).map_or(&[][..], |p| &p.detect.stopwords[..]) {
                words.entry(word.as_str()).or_default()[i] = true;
            }
        }
        words
    })
}

/// Splits text into lower-cased words (letters, digits and inner hyphens).
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .map(|w| w.trim_matches(['-', '\'']))
        .filter(|w| !w.is_empty())
}

/// Long vowels and case endings that only Finnish words have in these
/// three languages.
fn finnish_shape(word: &str) -> bool {
    const DOUBLED: [char; 7] = ['a', 'ä', 'i', 'u', 'y', 'ö', 'e'];
    const ENDINGS: [&str; 12] = [
        "ssa", "ssä", "sta", "stä", "lla", "llä", "lle", "ksi", "nen", "sesi", "nsa", "isi",
    ];
    let doubled = || {
        let mut previous = None;
        word.chars().any(|c| {
            let twice = previous == Some(c) && DOUBLED.contains(&c);
            previous = Some(c);
            twice
        })
    };
    word.chars().count() >= 4 && (doubled() || ENDINGS.iter().any(|e| word.ends_with(e)))
}

/// The language of `text`, or `None` when there is no evidence at all.
pub fn detect(text: &str) -> Option<Lang> {
    let stopwords = stopwords();
    let mut scores = [0.0f32; 3];
    let mut seen = 0;
    for word in words(text).take(400) {
        seen += 1;
        let lower = self::text::lowercase(word);
        if let Some(langs) = stopwords.get(lower.as_ref()) {
            for (score, listed) in scores.iter_mut().zip(langs) {
                if *listed {
                    *score += 1.0;
                }
            }
        }
        if !lower.is_ascii() {
            if lower.contains('å') {
                scores[2] += 0.5;
            }
            if lower.contains(['ä', 'ö']) {
                // Shared by Finnish and Swedish; Finnish uses them far more.
                scores[0] += 0.3;
                scores[2] += 0.1;
            }
        }
        if finnish_shape(&lower) {
            scores[0] += 0.5;
        }
    }
    if seen == 0 {
        return None;
    }
    let (best, score) = scores
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.total_cmp(b.1))
        .expect("three scores");
    if *score == 0.0 {
        return None;
    }
    Some(Lang::ALL[best])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finnish_word_shapes() {
        for word in [
            "saapui",
            "tiistai",
            "pääsee",
            "kesällä",
            "tilauksesi",
            "yhtiöön",
        ] {
            assert!(finnish_shape(word), "{word}");
        }
        for word in ["book", "kello", "aa", "order", "tack", "hallå"] {
            assert!(!finnish_shape(word), "{word}");
        }
    }

    #[test]
    fn detects_the_three_languages() {
        assert_eq!(
            detect("Hei, kiitos viestistä. Tilaus on jo matkalla ja se tulee pian."),
            Some(Lang::Fi)
        );
        assert_eq!(
            detect("Hi, thanks for your message. The order is on its way."),
            Some(Lang::En)
        );
        assert_eq!(
            detect("Hej, tack för ditt meddelande. Beställningen är på väg."),
            Some(Lang::Sv)
        );
        assert_eq!(
            detect("Kiitos tilauksestasi, tervetuloa uudelleen"),
            Some(Lang::Fi)
        );
        assert_eq!(
            detect(
                "nollasin tilisi salasanan. Uusi salasanasi on Kesa2026!kassi – voit vaihtaa sen kirjauduttuasi kohdasta Oma tili > Asetukset."
            ),
            Some(Lang::Fi)
        );
        assert_eq!(
            detect("I need to see the book on the shelf, it is good"),
            Some(Lang::En)
        );
        // Short replies: the greeting and "i" (in) tell Swedish from English.
        assert_eq!(
            detect("Hej Anna, produkten skickas i morgon."),
            Some(Lang::Sv)
        );
        assert_eq!(detect("Hi Anna, it ships tomorrow."), Some(Lang::En));
        assert_eq!(detect(""), None);
        assert_eq!(detect("12345"), None);
    }
}
