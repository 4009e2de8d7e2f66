//! Word-list regexes that stay fast on Finnish and Swedish text.
//!
//! The packs' regexes use Unicode word boundaries (`\b`). The regex crate's
//! lazy DFA cannot evaluate those once the text holds a non-ASCII letter
//! (ä, ö, å), so every search over such a text falls back to the
//! backtracker or the Pike VM, which are many times slower. A
//! [`FastRegex`] finds the same matches in two steps:
//!
//! 1. a *loose* regex, the same pattern with the word boundaries dropped,
//!    runs on the lazy DFA and finds where a match could start: every match
//!    of the exact pattern is also a match of the loose one, so the next
//!    exact match can never start before the next loose match;
//! 2. the *exact* pattern is tried anchored at that position only (the
//!    boundaries are checked against the text around it). If it fails, the
//!    search goes on from the next loose match.
//!
//! Leftmost-first semantics are kept: the first position where the exact
//! pattern matches anchored is its leftmost match, and the anchored search
//! picks the same alternative an unanchored one would. Patterns that can
//! match the empty string use the exact regex alone.
//!
//! Word lists (`\b(?:…)\b`, or alternatives each `\b…\b`, matching word
//! characters only) take a shorter way: such a match is always one whole
//! word, so each word of the text is tested on its own against the
//! alternatives anchored at both ends, on the lazy DFA (no `\b` is left to
//! stop it).

use std::ops::Range;

use regex_automata::meta::Regex as MetaRegex;
use regex_automata::{Anchored, Input};
use regex_syntax::hir::{Hir, HirKind, Look};

/// A compiled pattern; see the module docs.
#[derive(Debug, Clone)]
pub struct FastRegex {
    exact: MetaRegex,
    /// `None` when the two-step search does not apply (empty matches, or
    /// nothing to drop).
    loose: Option<MetaRegex>,
    /// Every match starts at a Unicode word boundary (`\b` leads every
    /// alternative), so after a failed try the search can skip the rest of
    /// the run of word (or non-word) characters: no boundary lies inside it.
    starts_at_boundary: bool,
    /// For a word list: the alternatives without the boundaries, anchored
    /// at the end (`(?:…)\z`), run anchored on one word at a time.
    whole_word: Option<MetaRegex>,
}

/// One match: a byte range of the text searched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found<'h> {
    haystack: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Found<'h> {
    pub fn start(&self) -> usize {
        self.start
    }
    pub fn end(&self) -> usize {
        self.end
    }
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    pub fn as_str(&self) -> &'h str {
        &self.haystack[self.start..self.end]
    }
}

impl FastRegex {
    /// Compiles `pattern` with the regex crate's syntax and defaults.
    pub fn new(pattern: &str) -> Result<FastRegex, String> {
        let hir = regex_syntax::ParserBuilder::new()
            .build()
            .parse(pattern)
            .map_err(|e| e.to_string())?;
        let whole_word = match whole_word_inner(&hir) {
            Some(inner) => Some(
                MetaRegex::builder()
                    .configure(config(false))
                    .build_from_hir(&Hir::concat(vec![inner, Hir::look(Look::End)]))
                    .map_err(|e| e.to_string())?,
            ),
            None => None,
        };
        let (loose_hir, dropped) = drop_word_boundaries(&hir);
        let can_be_empty = hir.properties().minimum_len().is_none_or(|n| n == 0);
        let two_step = dropped && !can_be_empty;
        // In the two-step search the exact pattern only runs anchored where
        // the loose one matched: the Pike VM alone does.
        let exact = MetaRegex::builder()
            .configure(config(two_step))
            .build_from_hir(&hir)
            .map_err(|e| e.to_string())?;
        // A word list searches word by word: the loose regex would never run.
        let loose = if two_step && whole_word.is_none() {
            Some(
                MetaRegex::builder()
                    .configure(config(false))
                    .build_from_hir(&loose_hir)
                    .map_err(|e| e.to_string())?,
            )
        } else {
            None
        };
        Ok(FastRegex {
            exact,
            loose,
            starts_at_boundary: starts_at_boundary(&hir),
            whole_word,
        })
    }

    /// Compiles `pattern` for [`FastRegex::find_anchored`] alone: the Pike
    /// VM and nothing else (a few KB, no lazy-DFA cache per thread). The
    /// other searches still work, but slowly.
    pub fn anchored_only(pattern: &str) -> Result<FastRegex, String> {
        let exact = MetaRegex::builder()
            .configure(config(true))
            .build(pattern)
            .map_err(|e| e.to_string())?;
        Ok(FastRegex {
            exact,
            loose: None,
            starts_at_boundary: false,
            whole_word: None,
        })
    }

    /// The match that starts exactly at `at`, if any (look-arounds such as
    /// `\b` see the text before `at`).
    pub fn find_anchored<'h>(&self, haystack: &'h str, at: usize) -> Option<Found<'h>> {
        let input = Input::new(haystack).range(at..).anchored(Anchored::Yes);
        let span = self.exact.search(&input)?.span();
        Some(Found {
            haystack,
            start: span.start,
            end: span.end,
        })
    }

    pub fn is_match(&self, haystack: &str) -> bool {
        self.find_at(haystack, 0).is_some()
    }

    pub fn find<'h>(&self, haystack: &'h str) -> Option<Found<'h>> {
        self.find_at(haystack, 0)
    }

    /// The leftmost match starting at or after `from`.
    pub fn find_at<'h>(&self, haystack: &'h str, from: usize) -> Option<Found<'h>> {
        if let Some(words) = &self.whole_word {
            return find_whole_word(words, haystack, from);
        }
        let span = match &self.loose {
            None => self
                .exact
                .search(&Input::new(haystack).range(from..))?
                .span(),
            Some(loose) => {
                let mut at = from;
                loop {
                    let candidate = loose.search(&Input::new(haystack).range(at..))?.start();
                    let anchored = Input::new(haystack)
                        .range(candidate..)
                        .anchored(Anchored::Yes);
                    if let Some(m) = self.exact.search(&anchored) {
                        break m.span();
                    }
                    at = if self.starts_at_boundary {
                        end_of_run(haystack, candidate)?
                    } else {
                        next_char(haystack, candidate)?
                    };
                }
            }
        };
        Some(Found {
            haystack,
            start: span.start,
            end: span.end,
        })
    }

    /// Every non-overlapping match, leftmost first.
    pub fn find_iter<'r, 'h>(
        &'r self,
        haystack: &'h str,
    ) -> Box<dyn Iterator<Item = Found<'h>> + 'r>
    where
        'h: 'r,
    {
        let found = move |start: usize, end: usize| Found {
            haystack,
            start,
            end,
        };
        if self.loose.is_none() && self.whole_word.is_none() {
            // Empty matches are possible: the regex crate's own rules.
            return Box::new(
                self.exact
                    .find_iter(haystack)
                    .map(move |m| found(m.start(), m.end())),
            );
        }
        let mut at = Some(0);
        Box::new(std::iter::from_fn(move || {
            // Never empty here, so the next search starts at the end.
            let next = self.find_at(haystack, at?)?;
            at = Some(next.end);
            Some(next)
        }))
    }
}

/// The engines a pattern gets. No bounded backtracker: it clears a bitmap as
/// large as the rest of the text before every anchored try. No one-pass
/// DFA: with Unicode classes it takes 100 KB to 700 KB per pattern, built
/// eagerly. `pike_only`: nothing but the Pike VM, for anchored tries (no
/// reverse automaton, no lazy-DFA cache per thread); it stops as soon as
/// the anchored match cannot go on.
fn config(pike_only: bool) -> regex_automata::meta::Config {
    let config = MetaRegex::config().backtrack(false).onepass(false);
    if pike_only {
        // Anchored tries never scan for a literal: no prefilter either.
        config.hybrid(false).dfa(false).auto_prefilter(false)
    } else {
        config
    }
}

/// The first word (a whole run of word characters) at or after `from` that
/// the alternatives match from end to end. A word that began before `from`
/// is not one: `\b` would not hold where the search starts.
fn find_whole_word<'h>(words: &MetaRegex, haystack: &'h str, from: usize) -> Option<Found<'h>> {
    let bytes = haystack.as_bytes();
    let mut at = from;
    if at > 0 && haystack[..at].chars().next_back().is_some_and(is_word_char) {
        at = end_of_run(haystack, at)?;
    }
    while at < bytes.len() {
        // Skip to the next word, then to its end.
        let rest = &haystack[at..];
        let start = at + rest.find(is_word_char)?;
        let end = end_of_run(haystack, start)?;
        let input = Input::new(&haystack[start..end]).anchored(Anchored::Yes);
        if words.is_match(input) {
            return Some(Found {
                haystack,
                start,
                end,
            });
        }
        at = end;
    }
    None
}

/// The byte offset of the character after the one at `at`.
fn next_char(haystack: &str, at: usize) -> Option<usize> {
    let c = haystack.get(at..)?.chars().next()?;
    Some(at + c.len_utf8())
}

/// The byte offset where the run of word characters (or of non-word
/// characters) that starts at `at` ends: the next place after `at` where a
/// Unicode `\b` can hold.
fn end_of_run(haystack: &str, at: usize) -> Option<usize> {
    let rest = haystack.get(at..)?;
    let mut chars = rest.char_indices();
    let (_, first) = chars.next()?;
    let word = is_word_char(first);
    Some(
        chars
            .find(|&(_, c)| is_word_char(c) != word)
            .map_or(haystack.len(), |(i, _)| at + i),
    )
}

/// A word character as Unicode `\b` sees it.
pub(crate) fn is_word_char(c: char) -> bool {
    regex_syntax::is_word_character(c)
}

/// For a word list, the alternatives without their boundaries: every way
/// through `hir` starts and ends with `\b` (`\b(?:…)\b`, `\ba\b|\bb\b`),
/// and what stands between matches at least one character, word characters
/// only.
fn whole_word_inner(hir: &Hir) -> Option<Hir> {
    let inner = strip_boundary(&strip_boundary(hir, Edge::Start)?, Edge::End)?;
    let non_empty = inner.properties().minimum_len().is_some_and(|n| n > 0);
    (non_empty && word_chars_only(&inner)).then_some(inner)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Edge {
    Start,
    End,
}

/// `hir` with the `\b` that starts (or ends) every way through it taken
/// off; `None` if some way does not start (end) with one.
fn strip_boundary(hir: &Hir, edge: Edge) -> Option<Hir> {
    match hir.kind() {
        HirKind::Look(Look::WordUnicode) => Some(Hir::empty()),
        HirKind::Capture(cap) => strip_boundary(&cap.sub, edge),
        HirKind::Alternation(alts) => alts
            .iter()
            .map(|alt| strip_boundary(alt, edge))
            .collect::<Option<Vec<_>>>()
            .map(Hir::alternation),
        HirKind::Concat(subs) => {
            let mut subs = subs.clone();
            let at = if edge == Edge::Start {
                0
            } else {
                subs.len() - 1
            };
            subs[at] = strip_boundary(&subs[at], edge)?;
            Some(Hir::concat(subs))
        }
        _ => None,
    }
}

/// Whether everything `hir` matches is made of word characters (Unicode
/// `\w`, as `\b` sees them), with no look-around.
fn word_chars_only(hir: &Hir) -> bool {
    use regex_syntax::hir::Class;
    match hir.kind() {
        HirKind::Empty => true,
        HirKind::Literal(lit) => {
            std::str::from_utf8(&lit.0).is_ok_and(|text| text.chars().all(is_word_char))
        }
        HirKind::Class(Class::Unicode(class)) => {
            let mut outside = class.clone();
            outside.difference(unicode_word_class());
            outside.ranges().is_empty()
        }
        HirKind::Class(Class::Bytes(_)) | HirKind::Look(_) => false,
        HirKind::Repetition(rep) => word_chars_only(&rep.sub),
        HirKind::Capture(cap) => word_chars_only(&cap.sub),
        HirKind::Concat(subs) | HirKind::Alternation(subs) => subs.iter().all(word_chars_only),
    }
}

/// Unicode `\w` as a class.
fn unicode_word_class() -> &'static regex_syntax::hir::ClassUnicode {
    static CLASS: std::sync::OnceLock<regex_syntax::hir::ClassUnicode> = std::sync::OnceLock::new();
    CLASS.get_or_init(|| {
        let hir = regex_syntax::Parser::new()
            .parse(r"\w")
            .expect("\\w parses");
        match hir.into_kind() {
            HirKind::Class(regex_syntax::hir::Class::Unicode(class)) => class,
            _ => unreachable!("\\w is a Unicode class"),
        }
    })
}

/// Whether every match of `hir` must start with a Unicode `\b`.
fn starts_at_boundary(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Look(look) => *look == Look::WordUnicode,
        HirKind::Capture(cap) => starts_at_boundary(&cap.sub),
        HirKind::Concat(subs) => subs.first().is_some_and(starts_at_boundary),
        HirKind::Alternation(subs) => subs.iter().all(starts_at_boundary),
        _ => false,
    }
}

fn is_word_boundary(look: Look) -> bool {
    !matches!(
        look,
        Look::Start | Look::End | Look::StartLF | Look::EndLF | Look::StartCRLF | Look::EndCRLF
    )
}

/// The pattern with every word-boundary assertion replaced by "nothing",
/// and whether there was one.
fn drop_word_boundaries(hir: &Hir) -> (Hir, bool) {
    match hir.kind() {
        HirKind::Look(look) if is_word_boundary(*look) => (Hir::empty(), true),
        HirKind::Repetition(rep) => {
            let (sub, dropped) = drop_word_boundaries(&rep.sub);
            let mut rep = rep.clone();
            rep.sub = Box::new(sub);
            (Hir::repetition(rep), dropped)
        }
        HirKind::Capture(cap) => {
            let (sub, dropped) = drop_word_boundaries(&cap.sub);
            let mut cap = cap.clone();
            cap.sub = Box::new(sub);
            (Hir::capture(cap), dropped)
        }
        HirKind::Concat(subs) => {
            let (subs, dropped) = drop_all(subs);
            (Hir::concat(subs), dropped)
        }
        HirKind::Alternation(subs) => {
            let (subs, dropped) = drop_all(subs);
            (Hir::alternation(subs), dropped)
        }
        _ => (hir.clone(), false),
    }
}

fn drop_all(subs: &[Hir]) -> (Vec<Hir>, bool) {
    let mut any = false;
    let subs = subs
        .iter()
        .map(|sub| {
            let (sub, dropped) = drop_word_boundaries(sub);
            any |= dropped;
            sub
        })
        .collect();
    (subs, any)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same matches as the regex crate, on texts made to catch the
    /// corner cases: boundaries next to ä/ö, words inside words, adjacent
    /// matches, alternatives that prefer a shorter match, case folding.
    #[test]
    fn matches_like_the_regex_crate() {
        let patterns = [
            r"(?i)\b(?:(?:\w{3,}(?:esi|asi|äsi))|(?:sinä|sä)|(?:te|teidän))\b",
            r"(?i)\b(?:(?-i:Te|Teitä)|(?:\w{2,}(?:tteko|ttekö|tte))|(?:\w{3,}(?:nne)))\b",
            r"(?i)(?:\bhuome\w*|\bpian\w*|\bmennessä\w*)",
            r"(?i)(?:\bei\b|\bkyllä\b|:\))",
            r"(?i)\b(?:salasan\w*|tunnussan\w*)",
            r"(?i)(?:[a-zåäö,] (?:Te|Teidän)\b|hyvä herra)",
            r"\bx*\b",
            r"(?i)\b(?:\w{3,}(?:esi|äsi)|:\))\b",
            r"\b(?:ab|\w{2}c)",
            r"(?i)(?:\bei\b|\bkyllä\b|\bsun\b|\bsunnuntai\b)",
            r"(?i)\b(?:sun|sunnuntai|\w+(?:nne|ssä))\b",
        ];
        let texts = [
            "Hei Anna, tilauksesi ja laskusi ovat täällä. Sinä saat ne, sä saat. Teidän Te TE",
            "Voitteko lähettää tilauksenne? Otatteko yhteyttä, kiitätte, ennen, tänne.",
            "Huomenna tai pian, viimeistään perjantaihin mennessä; ÄÄKKÖSET äsi ääsi",
            "ei, EI, eikä, kyllä:) :) ööei eiöö",
            "Salasanasi on Kesä2026! ja tunnussana: x",
            "Pyydän, Te saatte. hyvä Herra, HYVÄ HERRA ja a Teidän",
            "",
            "ä",
            "x xx äx xä",
            "lähetesivu lähetesi, tuotteesi:) a:) :) käsikäsi äsiäsi",
            "abc xabc ab_c ääc ab",
            "sunnuntaina sunnuntai, SUN sun_ sun2 Sunnuntai-iltana; talossa, tilauksenne",
        ];
        for pattern in patterns {
            let reference = regex::Regex::new(pattern).unwrap();
            let fast = FastRegex::new(pattern).unwrap();
            for text in texts {
                let want: Vec<_> = reference.find_iter(text).map(|m| m.range()).collect();
                let got: Vec<_> = fast.find_iter(text).map(|m| m.range()).collect();
                assert_eq!(got, want, "{pattern} on {text:?}");
                assert_eq!(fast.is_match(text), reference.is_match(text));
            }
        }
    }

    /// Word lists take the whole-word way; anything else does not.
    #[test]
    fn word_lists_are_found_word_by_word() {
        for pattern in [
            r"(?i)\b(?:(?:\w{3,}(?:esi|asi|äsi))|(?:sinä|sä))\b",
            r"(?i)(?:\bei\b|\bkyllä\b)",
        ] {
            assert!(
                FastRegex::new(pattern).unwrap().whole_word.is_some(),
                "{pattern}"
            );
        }
        for pattern in [
            r"(?i)(?:\bei\b|\bkyllä\b|:\))",
            r"(?i)\b(?:salasan\w*)",
            r"(?i)\b(?:ikävä kyllä)\b",
            r"\bx*\b",
        ] {
            assert!(
                FastRegex::new(pattern).unwrap().whole_word.is_none(),
                "{pattern}"
            );
        }
    }

    #[test]
    fn bad_patterns_are_errors() {
        assert!(FastRegex::new("(unclosed").is_err());
    }
}
