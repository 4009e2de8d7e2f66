//! Stock-phrase lists (`[canned]` in the packs) compiled for matching.
//!
//! A pack holds hundreds of phrases. One regex each, searched one after the
//! other, costs a lazy DFA per phrase (tens of KB each, and as much again
//! per worker thread) and a scan of the text per phrase. A [`PhraseSet`]
//! instead makes one Aho-Corasick pass over the lower-cased text for two
//! kinds of words:
//!
//! - each phrase's *first* word: every match of the phrase starts there, so
//!   the phrase's own pattern is tried anchored at those places only;
//! - each phrase's *longest* word: without it the phrase cannot occur at
//!   all, so most phrases are not tried anywhere.
//!
//! The patterns run on the Pike VM alone (a few KB each, no per-thread DFA
//! cache). The matches are those of the phrase's regex searched on its own
//! (leftmost first, non-overlapping), with one caveat: the text is
//! lower-cased character by character only where that keeps the character's
//! UTF-8 length, so a word spelled with a character whose lower case is
//! longer or shorter (the capital sharp s, the Kelvin sign) is not found.

use std::ops::Range;

use aho_corasick::AhoCorasick;

use super::fast_regex::{FastRegex, is_word_char};
use super::lexicon::phrase_regex;

/// Compiled stock phrases; see the module docs.
#[derive(Debug)]
pub struct PhraseSet {
    phrases: Vec<Phrase>,
    /// The first and longest words of every phrase, lower-cased.
    words: AhoCorasick,
}

#[derive(Debug)]
struct Phrase {
    text: String,
    re: FastRegex,
    /// Index into the word automaton of the phrase's first word.
    first: usize,
    /// The word the phrase cannot match without.
    longest: usize,
}

/// A phrase found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhraseMatch<'p> {
    pub range: Range<usize>,
    /// The phrase as written in the pack.
    pub phrase: &'p str,
}

impl PhraseSet {
    /// Compiles phrases in the packs' notation (see [`phrase_regex`]).
    /// Errors name the phrase.
    pub fn new(phrases: &[String]) -> Result<PhraseSet, String> {
        let mut words: Vec<String> = Vec::new();
        let mut index = |word: String| {
            words.iter().position(|w| *w == word).unwrap_or_else(|| {
                words.push(word);
                words.len() - 1
            })
        };
        let mut compiled = Vec::with_capacity(phrases.len());
        for phrase in phrases {
            let literal: Vec<String> = phrase
                .split_whitespace()
                .filter(|t| *t != "…" && *t != "...")
                .map(|t| fold_same_len(t.strip_suffix('*').unwrap_or(t)))
                .collect();
            let starts_with_gap = phrase
                .split_whitespace()
                .next()
                .is_some_and(|t| t == "…" || t == "...");
            let (Some(first), Some(longest)) = (
                literal
                    .first()
                    .filter(|w| !w.is_empty() && !starts_with_gap),
                literal.iter().max_by_key(|w| w.chars().count()),
            ) else {
                return Err(format!(
                    "canned phrase `{phrase}`: it must start with a word"
                ));
            };
            let re = FastRegex::anchored_only(&phrase_regex(phrase))
                .map_err(|e| format!("canned phrase `{phrase}`: {e}"))?;
            compiled.push(Phrase {
                text: phrase.clone(),
                re,
                first: index(first.clone()),
                longest: index(longest.clone()),
            });
        }
        let words = AhoCorasick::new(&words).map_err(|e| format!("canned phrases: {e}"))?;
        Ok(PhraseSet {
            phrases: compiled,
            words,
        })
    }

    pub fn len(&self) -> usize {
        self.phrases.len()
    }

    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// The phrases as written in the packs, in pack order.
    pub fn phrases(&self) -> impl Iterator<Item = &str> {
        self.phrases.iter().map(|p| p.text.as_str())
    }

    /// Every match of every phrase, phrase by phrase in pack order, each
    /// phrase's matches leftmost first and not overlapping each other.
    pub fn find_all<'p>(&'p self, text: &str) -> Vec<PhraseMatch<'p>> {
        let mut out = Vec::new();
        if self.phrases.is_empty() {
            return out;
        }
        // Where each word starts, when it starts a word of the text.
        let lower = fold_same_len(text);
        let words = self.words.patterns_len();
        let mut seen = vec![false; words];
        let mut starts: Vec<Vec<usize>> = vec![Vec::new(); words];
        for m in self.words.find_overlapping_iter(&lower) {
            let word = m.pattern().as_usize();
            seen[word] = true;
            let before = text[..m.start()].chars().next_back();
            if !before.is_some_and(is_word_char) {
                starts[word].push(m.start());
            }
        }
        for phrase in &self.phrases {
            if !seen[phrase.longest] {
                continue;
            }
            let mut end = 0;
            for &at in &starts[phrase.first] {
                if at < end {
                    continue;
                }
                if let Some(m) = phrase.re.find_anchored(text, at) {
                    end = m.end();
                    out.push(PhraseMatch {
                        range: m.range(),
                        phrase: &phrase.text,
                    });
                }
            }
        }
        out
    }
}

/// `text` lower-cased where that keeps each character's UTF-8 length, so
/// that byte offsets in the result are offsets in `text`.
fn fold_same_len(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    text.chars()
        .map(|c| {
            if c.is_ascii() {
                return c.to_ascii_lowercase();
            }
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
                _ => c,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same matches as one regex per phrase searched on its own.
    #[test]
    fn finds_what_each_phrase_regex_finds() {
        let phrases: Vec<String> = [
            "kiitämme yhteydenotostanne",
            "kiitos yhteydenotostasi",
            "pahoittelemme aiheutun* hait*",
            "aiheutun* hait*",
            "ohessa … liittyen",
            "we apologi* for any inconvenience",
            "i hope this email finds you well",
            "don't hesitate to contact us",
            "älä epäröi ottaa yhteyttä",
        ]
        .map(String::from)
        .to_vec();
        let set = PhraseSet::new(&phrases).unwrap();
        let texts = [
            "Hei! Kiitämme yhteydenotostanne. KIITÄMME   yhteydenotostanne,",
            "Pahoittelemme aiheutunutta haittaa ja aiheutunutta haittaa.",
            "Ohessa lasku tilaukseen liittyen. Ohessa. Liittyen",
            "Ohessa tarjous 22.5.2027 tapahtuvaan muuttoonne liittyen.",
            "We apologize for any inconvenience; we apologise for any inconvenience.",
            "Hi, I hope this email finds you well. Thanks, Jim",
            "Please don't hesitate to contact us. Älä epäröi ottaa yhteyttä!",
            "Eikiitämme yhteydenotostanne. akiitos yhteydenotostasi",
            "Äkiitämme yhteydenotostanne _kiitämme yhteydenotostanne",
            "",
            "ä",
        ];
        for text in texts {
            let mut want = Vec::new();
            for phrase in &phrases {
                let re = regex::Regex::new(&phrase_regex(phrase)).unwrap();
                want.extend(re.find_iter(text).map(|m| (m.range(), phrase.as_str())));
            }
            let got: Vec<_> = set
                .find_all(text)
                .into_iter()
                .map(|m| (m.range, m.phrase))
                .collect();
            assert_eq!(got, want, "{text:?}");
        }
        assert!(!set.find_all(texts[0]).is_empty());
    }

    #[test]
    fn a_phrase_must_start_with_a_word() {
        let err = PhraseSet::new(&["… liittyen".to_string()]).unwrap_err();
        assert!(err.contains("… liittyen"), "{err}");
        assert!(
            PhraseSet::new(&[])
                .unwrap()
                .find_all("mitä tahansa")
                .is_empty()
        );
    }

    #[test]
    fn lower_casing_keeps_offsets() {
        let text = "ÄÖÅ İstanbul ẞ K";
        let folded = fold_same_len(text);
        assert_eq!(folded.len(), text.len());
        assert!(folded.starts_with("äöå"));
    }
}
