//! `unanswered-question`: the customer asked something the reply does not
//! address.
//!
//! Each customer question is paired with the reply in two ways: content
//! words they share (after stemming), and the kind of answer the question
//! word expects (milloin/when/när -> a date or time, paljonko/how much ->
//! an amount, missä/where -> a place or a link, onko/can/kan -> yes or no).

use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;
use std::sync::OnceLock;

use aho_corasick::AhoCorasick;
use rustc_hash::FxHashMap;

use super::{Context, Finding, Rule, RuleDoc, Square, Text};
use crate::lang::Lang;
use crate::lang::fast_regex::FastRegex;
use crate::lang::lexicon::{Lexicon, QuestionLexicon};
use crate::lang::text::{lowercase, sentences, word_spans};

#[derive(Debug)]
pub struct UnansweredQuestion;

static DOC: RuleDoc = RuleDoc {
    summary: Text {
        en: "The customer asked something the reply does not answer",
        fi: "Asiakas kysyi jotain, mihin vastaus ei vastaa",
    },
    what: Text {
        en: "A question in the customer's message (a \"?\" sentence, a -ko/-kö question, an indirect \"haluaisin tietää…\", \"kertokaa…\", \"I would like to know…\") that the reply does not address: it shares no content word with it, and gives no answer of the kind the question asks for (a time for \"milloin\", an amount for \"paljonko\", a place or link for \"missä\", yes or no for \"voiko\"). A when, how-much or where question needs a time, an amount or a place, not just its topic; a yes/no question the reply only touches on (\"Saanko hyvityksen tästä käynnistä?\" -> \"Uusi käynti on sovittu\") needs a yes, a no or its verb back (\"voit\", \"can't\"). \"We don't know yet, we'll tell you on Friday\" is an answer. Needs the customer's message.",
        fi: "Asiakkaan viestin kysymys (\"?\"-lause, -ko/-kö-kysymys, epäsuora \"haluaisin tietää…\", \"kertokaa…\"), johon vastaus ei tartu: sillä ei ole yhteisiä sisältösanoja eikä vastausta, jota kysymyssana odottaa (aika \"milloin\"-kysymykseen, määrä \"paljonko\"-kysymykseen, paikka tai linkki \"missä\"-kysymykseen, kyllä tai ei \"voiko\"-kysymykseen). Milloin-, paljonko- ja missä-kysymys vaatii ajan, määrän tai paikan, ei pelkkää aihetta; kyllä/ei-kysymys, jota vastaus vain sivuaa (\"Saanko hyvityksen tästä käynnistä?\" -> \"Uusi käynti on sovittu\"), vaatii kyllän, ein tai kysymyksen verbin takaisin (\"voit\", \"saat\"). \"Emme vielä tiedä, kerromme perjantaina\" on vastaus. Vaatii asiakkaan viestin.",
    },
    why: Text {
        en: "The second question is the one templates forget. The customer has to write again, and the case takes twice the time.",
        fi: "Toinen kysymys on se, jonka valmisvastaus unohtaa. Asiakas joutuu kirjoittamaan uudelleen, ja asia vie kaksi kertaa enemmän aikaa.",
    },
    bad: &[
        "(asiakas: \"Milloin kassini saapuu? Voinko vaihtaa värin?\")\nHei Anna,\n\nkassisi saapuu torstaina.",
        "(customer: \"When will it arrive? Can I change the colour?\")\nHi Anna, it arrives on Thursday.",
    ],
    good: &[
        "(asiakas: \"Milloin kassini saapuu? Voinko vaihtaa värin?\")\nHei Anna,\n\nkassisi saapuu torstaina, ja värin voit vielä vaihtaa.",
        "(customer: \"When will it arrive? Can I change the colour?\")\nHi Anna, it arrives on Thursday, and yes, you can still change the colour.",
    ],
};

/// The kind of answer a question expects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expects {
    Time,
    Amount,
    Place,
    YesNo,
    /// "Miksi", "why": a reason.
    Reason,
    Other,
}

/// A question the customer asked.
#[derive(Debug, Clone)]
struct Question {
    text: String,
    expects: Expects,
    /// For a yes/no question, the word that asks it ("voiko", "can").
    cue: Option<String>,
    /// Stems of its content words.
    keys: Vec<Rc<str>>,
}

fn starts_with_phrase(lower: &str, phrases: &[String]) -> bool {
    phrases.iter().any(|p| {
        lower.starts_with(p.as_str())
            && lower[p.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// Does one of the phrases `finder` looks for occur in `lower` as whole words?
fn contains_phrase(lower: &str, finder: &AhoCorasick) -> bool {
    finder.find_overlapping_iter(lower).any(|m| {
        let before_ok = lower[..m.start()]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after_ok = lower[m.end()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        before_ok && after_ok
    })
}

/// The kind of answer the question in `lower` expects, and for a yes/no
/// question the word that asks it ("voiko", "can").
fn expects(q: &QuestionLexicon, lower: &str) -> (Expects, Option<String>) {
    // Phrases of several words are written with single spaces.
    let single_spaced = !lower.contains(|c: char| c.is_whitespace() && c != ' ')
        && !lower.contains("  ")
        && !lower.starts_with(' ');
    let joined;
    let lower = if single_spaced {
        lower
    } else {
        joined = lower.split_whitespace().collect::<Vec<_>>().join(" ");
        &joined
    };
    // The question word nearest the start decides.
    let starts = std::iter::once(0).chain(lower.match_indices(' ').map(|(i, _)| i + 1));
    for start in starts {
        let tail = &lower[start..];
        if starts_with_phrase(tail, &q.how_much) {
            return (Expects::Amount, None);
        }
        if starts_with_phrase(tail, &q.when) {
            return (Expects::Time, None);
        }
        if starts_with_phrase(tail, &q.where_) {
            return (Expects::Place, None);
        }
        if starts_with_phrase(tail, &q.yes_no) {
            let cue = tail
                .split(|c: char| !c.is_alphanumeric() && c != '\'')
                .next()
                .unwrap_or_default();
            return (Expects::YesNo, Some(cue.to_string()));
        }
        if starts_with_phrase(tail, &q.why) {
            return (Expects::Reason, None);
        }
        if starts_with_phrase(tail, &q.other) {
            return (Expects::Other, None);
        }
    }
    (Expects::Other, None)
}

/// What an answer repeating the verb of a yes/no question starts with:
/// "voiko" -> "voi" (voit, voitte), "saanko" -> "saa" (saat), "onko" ->
/// "on", "can" -> "can". A Finnish answer takes the question's verb back
/// without its -ko/-kö and its first-person -n.
fn echo_stem(lang: Lang, cue: &str) -> String {
    if lang != Lang::Fi {
        return cue.to_string();
    }
    let verb = ["kohan", "köhän", "ko", "kö"]
        .iter()
        .find_map(|suffix| cue.strip_suffix(suffix))
        .unwrap_or(cue);
    let verb = match verb.strip_suffix('n') {
        Some(stem) if stem.chars().count() >= 3 => stem,
        _ => verb,
    };
    verb.chars().take(4).collect()
}

/// "Voitteko tarkistaa…?", "Can you check…?", "Kan ni återställa…?": a
/// request, answered by doing it ("Tarkistin…", "I've unlocked it"), not by
/// a yes or a no.
fn is_request(lang: Lang, question: &str) -> bool {
    let words: Vec<String> = word_spans(question)
        .into_iter()
        .map(|(_, w)| w.to_lowercase())
        .collect();
    match lang {
        Lang::Fi => words.iter().any(|w| {
            w.chars().count() >= 5
                && ["tko", "tkö", "tteko", "ttekö"]
                    .iter()
                    .any(|e| w.ends_with(e))
        }),
        Lang::En | Lang::Sv => words.windows(2).any(|pair| {
            matches!(
                pair[0].as_str(),
                "can" | "could" | "would" | "will" | "kan" | "kunde" | "skulle" | "vill"
            ) && matches!(pair[1].as_str(), "you" | "ni" | "du")
        }),
    }
}

/// Does `sentence` say yes or no to a question asked with `cue`: an answer
/// word ("kyllä", "unfortunately") or the question's verb taken back
/// ("Voiko…?" -> "Voit…", "Can…?" -> "…can…", "…can't…")?
fn says_yes_or_no(lex: &Lexicon, sentence: &str, cue: Option<&str>) -> bool {
    if lex.questions.yes_no_answers.is_match(sentence) {
        return true;
    }
    let Some(stem) = cue
        .map(|c| echo_stem(lex.lang, c))
        .filter(|s| !s.is_empty())
    else {
        return false;
    };
    let short = stem.chars().count() <= 2;
    word_spans(sentence).into_iter().any(|(_, word)| {
        let word = lowercase(word);
        if short {
            word == stem
                || word
                    .strip_prefix(stem.as_str())
                    .is_some_and(|rest| matches!(rest, "n't" | "n’t" | "not"))
        } else {
            word.starts_with(stem.as_str())
        }
    })
}

/// Greetings and small talk that end with a question mark but ask nothing.
fn small_talk(lower: &str) -> bool {
    const SMALL_TALK: &[&str] = &[
        "mitä kuuluu",
        "miten menee",
        "mitäs kuuluu",
        "how are you",
        "how's it going",
        "hur mår du",
        "hur är läget",
        "läget",
    ];
    lower.split_whitespace().nth(5).is_none() && SMALL_TALK.iter().any(|s| lower.contains(s))
}

fn is_question(lex: &Lexicon, sentence: &str) -> bool {
    let lower = lowercase(sentence);
    if small_talk(&lower) {
        return false;
    }
    if sentence.trim_end().ends_with('?') {
        return true;
    }
    let q = &lex.questions;
    if contains_phrase(&lower, &q.indirect) {
        return true;
    }
    let first = lower.split_whitespace().next().unwrap_or_default();
    let first = first.trim_matches(|c: char| !c.is_alphanumeric());
    // Finnish: a sentence opening with a -ko/-kö verb asks a question.
    if lex.lang == Lang::Fi
        && first.chars().count() >= 4
        && (first.ends_with("ko")
            || first.ends_with("kö")
            || first.ends_with("kohan")
            || first.ends_with("köhän"))
    {
        return true;
    }
    // Finnish word order marks a question without "?"; in English and
    // Swedish "When I opened…" or "Kommer inte in" is not one.
    lex.lang == Lang::Fi
        && (starts_with_phrase(&lower, &q.when)
            || starts_with_phrase(&lower, &q.how_much)
            || starts_with_phrase(&lower, &q.where_))
}

/// Stems of the content words of `text`.
fn content_stems(lex: &Lexicon, text: &str) -> Vec<Rc<str>> {
    let q = &lex.questions;
    let mut stems: Vec<Rc<str>> = word_spans(text)
        .into_iter()
        .map(|(_, w)| lowercase(w))
        .filter(|w| {
            w.chars().nth(3).is_some()
                && !w.chars().all(|c| c.is_ascii_digit())
                && !lex.stopwords.contains(w.as_ref())
                && !q.ignore.contains(w.as_ref())
                && !is_question_word(q, w)
        })
        .map(|w| pairing_key(lex, &w))
        .collect();
    stems.sort();
    stems.dedup();
    stems
}

/// The key a word is paired by: its stem, consonant gradation folded in
/// Finnish. Kept per thread (replies reuse a few thousand words, and the
/// stemmer copies each word it is given).
fn pairing_key(lex: &Lexicon, word: &str) -> Rc<str> {
    /// Words kept per language before the cache starts over.
    const CAPACITY: usize = 4096;
    thread_local! {
        static KEYS: RefCell<[FxHashMap<Box<str>, Rc<str>>; 3]> = RefCell::default();
    }
    let slot = Lang::ALL.iter().position(|l| *l == lex.lang).unwrap_or(0);
    KEYS.with_borrow_mut(|caches| {
        let cache = &mut caches[slot];
        if let Some(key) = cache.get(word) {
            return Rc::clone(key);
        }
        if cache.len() >= CAPACITY {
            cache.clear();
        }
        let stem = lex.stem(word);
        // The stemmer cuts some words to a stub ("lemmikin" -> "lem") that
        // can match nothing: the word's first letters serve better.
        let stem: Rc<str> = if stem.chars().count() < 4 && word.chars().nth(4).is_some() {
            let end = word.char_indices().nth(5).map_or(word.len(), |(i, _)| i);
            Rc::from(&word[..end])
        } else {
            Rc::from(stem.as_ref())
        };
        let key = if lex.lang == Lang::Fi {
            fold_grades(&stem)
        } else {
            stem
        };
        cache.insert(word.into(), Rc::clone(&key));
        key
    })
}

/// A Finnish stem with its consonant gradation folded away, so that the
/// strong and the weak grade of a word meet: "hinta"/"hinnassa",
/// "käynti"/"käynnistä", "kauppa"/"kaupan" (double consonants single,
/// nt/mp/lt/rt as nn/mm/ll/rr, which fold again).
fn fold_grades(stem: &Rc<str>) -> Rc<str> {
    const PAIRS: [(&str, &str); 4] = [("nt", "n"), ("mp", "m"), ("lt", "l"), ("rt", "r")];
    let chars: Vec<char> = stem.chars().collect();
    let doubled = chars
        .windows(2)
        .any(|p| p[0] == p[1] && !"aeiouyäö".contains(p[0]));
    if !doubled && !PAIRS.iter().any(|(from, _)| stem.contains(from)) {
        return Rc::clone(stem);
    }
    let mut folded = String::with_capacity(stem.len());
    let mut previous = None;
    let mut chars = stem.chars().peekable();
    while let Some(c) = chars.next() {
        let consonant = !"aeiouyäö".contains(c);
        let pair_second = chars.peek().is_some_and(|&next| {
            PAIRS
                .iter()
                .any(|(from, _)| from.starts_with(c) && from.ends_with(next))
        });
        if consonant && previous == Some(c) {
            continue;
        }
        folded.push(c);
        previous = Some(c);
        if pair_second {
            // "nt" -> "n": skip the second letter of the pair.
            chars.next();
        }
    }
    Rc::from(folded)
}

fn is_question_word(q: &QuestionLexicon, word: &str) -> bool {
    q.question_words.contains(word)
}

/// Do two stems name the same word? Finnish stems vary with the ending
/// ("tilaus", "tilauks", "tilau"), so a long enough shared prefix counts.
fn same_stem(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let shorter = a.chars().count().min(b.chars().count());
    if shorter < 4 {
        return false;
    }
    let shared = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    if shared >= shorter.min(5) {
        return true;
    }
    // Compounds end with their head: "vahvistusviesti" is a "viesti"
    // (only the longer can hold the shorter).
    shorter >= 5
        && if a.len() > b.len() {
            a.contains(b)
        } else {
            b.contains(a)
        }
}

fn time_re() -> &'static FastRegex {
    static RE: OnceLock<FastRegex> = OnceLock::new();
    RE.get_or_init(|| {
        FastRegex::new(r"\b\d{1,2}[.:]\d{2}\b|\b\d{1,2}\.\d{1,2}\.(?:\d{2,4})?|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\s*[-–]\s*\d{1,2}\b|\b\d{1,2}/\d{1,2}\b|\bklo\b|\bkl\.|\b\d+\s*(?:h|min|pv|vrk|days?|dagar|hours?|timmar|tuntia|päivää|arkipäivää|viikkoa|weeks?|veckor)\b")
            .expect("time regex")
    })
}

fn amount_re() -> &'static FastRegex {
    static RE: OnceLock<FastRegex> = OnceLock::new();
    RE.get_or_init(|| {
        FastRegex::new(r"(?i)\d+(?:[.,]\d+)?\s*(?:€|e\b|eur|euro|euroa|kr|kronor|sek|\$|%|kpl|st|pcs)|[€$£]\s*\d|\bilmai\w*|\bfree\b|\bgratis\b|\bkostnadsfri\w*")
            .expect("amount regex")
    })
}

fn place_re() -> &'static FastRegex {
    static RE: OnceLock<FastRegex> = OnceLock::new();
    RE.get_or_init(|| {
        FastRegex::new(r"(?i)https?://|www\.|\b[\w.-]+\.(?:fi|com|se|net|org|eu)\b|\b\d{5}\b|\w+(?:katu|tie|kuja|gatan|vägen|street|road)\b")
            .expect("place regex")
    })
}

fn answer_kind_present(lex: &Lexicon, expects: Expects, reply: &str) -> bool {
    let q = &lex.questions;
    match expects {
        Expects::Time => time_re().is_match(reply) || q.time_words.is_match(reply),
        Expects::Amount => amount_re().is_match(reply),
        Expects::Place => place_re().is_match(reply) || q.place_words.is_match(reply),
        Expects::YesNo => q.yes_no_answers.is_match(reply),
        Expects::Reason => q.reason_words.is_match(reply),
        Expects::Other => false,
    }
}

/// Interleaved replies answer a question right below it: is the quoted
/// line that ends this question followed by the agent's own text?
fn answered_inline(text: &str, question: &str) -> bool {
    let words: Vec<&str> = question.split_whitespace().collect();
    if words.is_empty() || !text.contains('>') {
        return false;
    }
    let tail = words[words.len().saturating_sub(4)..].join(" ");
    let lines: Vec<&str> = text.lines().collect();
    let unquote = |l: &str| l.trim_start().trim_start_matches('>').trim().to_string();
    let mut i = 0;
    while i < lines.len() {
        if !lines[i].trim_start().starts_with('>') {
            i += 1;
            continue;
        }
        // One block of quoted lines, joined.
        let start = i;
        while i < lines.len() && lines[i].trim_start().starts_with('>') {
            i += 1;
        }
        let block = lines[start..i]
            .iter()
            .map(|l| unquote(l))
            .collect::<Vec<_>>()
            .join(" ");
        let block = block.split_whitespace().collect::<Vec<_>>().join(" ");
        if !block.contains(&tail) {
            continue;
        }
        // The question must close its block, and own text must follow.
        let after = block[block.find(&tail).unwrap_or(0) + tail.len()..].trim();
        if after.len() > 3 && !after.starts_with(['?', '!', '.']) {
            continue;
        }
        let next = lines[i..].iter().find(|l| !l.trim().is_empty());
        return next
            .is_some_and(|l| !l.trim_start().starts_with('>') && !l.trim_end().ends_with(':'));
    }
    false
}

/// The reply without its thank-you sentences ("Kiitos tilauksestasi"):
/// thanking for an order does not answer a question about it.
fn without_thanks(reply: &str) -> String {
    const THANKS: &[&str] = &["kiitos", "kiitämme", "thank", "thanks", "tack"];
    sentences(reply)
        .into_iter()
        .map(|r| &reply[r])
        .filter(|s| {
            let first = s
                .split_whitespace()
                .next()
                .unwrap_or_default()
                .to_lowercase();
            !THANKS.contains(&first.trim_matches(|c: char| !c.is_alphanumeric()))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Does `lower` (a clause) open with a question word?
fn opens_question(lex: &Lexicon, lower: &str) -> bool {
    let q = &lex.questions;
    let first = lower.split_whitespace().next().unwrap_or_default();
    let first = first.trim_matches(|c: char| !c.is_alphanumeric());
    (lex.lang == Lang::Fi
        && first.chars().count() >= 4
        && (first.ends_with("ko") || first.ends_with("kö")))
        || [&q.when, &q.how_much, &q.where_, &q.yes_no, &q.why, &q.other]
            .iter()
            .any(|list| starts_with_phrase(lower, list))
}

/// "Onko se valmis ja paljonko huolto maksaa?": two questions in one
/// sentence, split where a conjunction opens a new question.
fn split_compound(lex: &Lexicon, sentence: &str) -> Vec<String> {
    const JOINERS: &[&str] = &[
        ", ",
        " ja ",
        " vai ",
        " tai ",
        " and ",
        " or ",
        " och ",
        " eller ",
        " samt ",
        " also ",
        " entä ",
        " myös ",
        " dessutom ",
        " även ",
    ];
    static FINDER: OnceLock<AhoCorasick> = OnceLock::new();
    let finder = FINDER.get_or_init(|| AhoCorasick::new(JOINERS).expect("joiners compile"));
    // Lines wrapped inside the sentence ("ja\npääseekö") are spaces.
    let sentence = &sentence.split_whitespace().collect::<Vec<_>>().join(" ");
    let lower = sentence.to_lowercase();
    if lower.len() != sentence.len() {
        // Lower-casing changed byte lengths: offsets would not match.
        return vec![sentence.clone()];
    }
    let mut cuts = Vec::new();
    for joiner in finder.find_overlapping_iter(&lower) {
        let (at, end) = (joiner.start(), joiner.end());
        let after = lower[end..].trim_start_matches(|c: char| c == ',' || c.is_whitespace());
        let after = ["entä ", "and ", "och ", "ja "]
            .iter()
            .fold(after, |a, p| a.strip_prefix(p).unwrap_or(a));
        if opens_question(lex, after) && after.split_whitespace().count() >= 2 {
            cuts.push(at);
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut parts = Vec::new();
    let mut start = 0;
    for cut in cuts {
        if sentence.is_char_boundary(cut) && cut > start {
            // Each part after the first starts at its joiner's ", ".
            parts.push(
                sentence[start..cut]
                    .trim_start_matches([',', ' '])
                    .trim()
                    .to_string(),
            );
            start = cut;
        }
    }
    parts.push(
        sentence[start..]
            .trim_start_matches([',', ' '])
            .trim()
            .to_string(),
    );
    parts.retain(|p| p.split_whitespace().count() >= 2);
    // A part before the first cut that asks nothing itself is context
    // ("Hyvä asiakaspalvelu, haluaisin tietää", "Paketti ei tullut"), not a
    // question of its own.
    if parts.len() > 1 {
        let first = parts[0].to_lowercase();
        if !first.trim_end().ends_with('?') && !opens_question(lex, &first) {
            parts.remove(0);
        }
    }
    parts
}

/// The reply's sentences, cut again where a comma and a conjunction start a
/// new clause: "Toimitus kestää 3 päivää, ja seurantakoodi tulee
/// sähköpostiin" answers two questions, one with each clause.
fn clauses(text: &str) -> Vec<Range<usize>> {
    const CUTS: &[&str] = &[
        ", and ", ", but ", ", ja ", ", mutta ", ", sekä ", ", och ", ", men ", "; ",
    ];
    static FINDER: OnceLock<AhoCorasick> = OnceLock::new();
    let finder = FINDER.get_or_init(|| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(CUTS)
            .expect("clause cuts compile")
    });
    let mut out = Vec::new();
    for sentence in sentences(text) {
        let mut start = sentence.start;
        for cut in finder.find_iter(&text[sentence.clone()]) {
            let at = sentence.start + cut.start();
            out.push(start..at);
            start = at + 1;
        }
        out.push(start..sentence.end);
    }
    out
}

/// The customer's questions.
fn questions(lex: &Lexicon, customer: &str) -> Vec<Question> {
    sentences(customer)
        .into_iter()
        .map(|r: Range<usize>| &customer[r])
        .filter(|s| is_question(lex, s))
        .flat_map(|s| split_compound(lex, s))
        .map(|s| {
            let (expects, cue) = expects(&lex.questions, &s.to_lowercase());
            Question {
                expects,
                cue,
                keys: content_stems(lex, &s),
                text: s,
            }
        })
        .collect()
}

impl Rule for UnansweredQuestion {
    fn id(&self) -> &'static str {
        "unanswered-question"
    }
    fn square(&self) -> Option<Square> {
        Some(Square::Questions)
    }
    fn points(&self) -> u8 {
        1
    }
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let Some(customer) = ctx.customer else { return };
        let asked = questions(ctx.lex, customer);
        if asked.is_empty() {
            return;
        }
        let reply = &ctx.reply.own[ctx.reply.greeting.end..];
        // Each clause of the reply answers the question it shares most
        // words with ("Pysäköinti on maksuton" answers the parking question,
        // not "pääseekö saunaan ilman maksua"); ties answer both.
        let without = without_thanks(reply);
        let clause_ranges = clauses(&without);
        let clause_stems: Vec<Vec<Rc<str>>> = clause_ranges
            .iter()
            .map(|r| content_stems(ctx.lex, &without[r.clone()]))
            .collect();
        let shares = |q: &Question, stems: &[Rc<str>]| {
            q.keys
                .iter()
                .filter(|k| stems.iter().any(|r| same_stem(r, k)))
                .count()
        };
        let answers: Vec<Vec<bool>> = clause_stems
            .iter()
            .map(|stems| {
                let counts: Vec<usize> = asked.iter().map(|q| shares(q, stems)).collect();
                let best = counts.iter().copied().max().unwrap_or(0);
                // The most shared words, or every word of a short follow-up
                // ("Entä mustana?").
                counts
                    .iter()
                    .zip(&asked)
                    .map(|(&c, q)| {
                        let elliptic = q.text.split_whitespace().count() <= 3;
                        c > 0 && (c == best || (elliptic && c == q.keys.len()))
                    })
                    .collect()
            })
            .collect();
        for (i, question) in asked.iter().enumerate() {
            let shared_with = |key: &Rc<str>| {
                clause_stems
                    .iter()
                    .zip(&answers)
                    .any(|(stems, to)| to[i] && stems.iter().any(|r| same_stem(r, key)))
            };
            let others: Vec<&Rc<str>> = asked
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .flat_map(|(_, q)| q.keys.iter())
                .collect();
            let unique: Vec<&Rc<str>> = question
                .keys
                .iter()
                .filter(|k| !others.iter().any(|o| same_stem(o, k)))
                .collect();
            let shared_any = question.keys.iter().filter(|k| shared_with(k)).count();
            let overlap_unique = unique.iter().any(|k| shared_with(k));
            let overlap_any = shared_any > 0;
            // A yes or no says little on its own: it must come with a word
            // of the question.
            let kind = answer_kind_present(ctx.lex, question.expects, reply)
                && (question.expects != Expects::YesNo || shared_any > 0 || asked.len() == 1);
            let kind_unique = question.expects != Expects::Other
                && !asked
                    .iter()
                    .enumerate()
                    .any(|(j, q)| j != i && q.expects == question.expects);
            // "Mitä teen nyt?", "Voitteko auttaa?": nothing to pair with; any
            // answer will do.
            let unjudgeable = question.keys.is_empty()
                && matches!(question.expects, Expects::Other | Expects::YesNo);
            // The sentences about this question: they answer it and share
            // one of its words.
            let about = || {
                clause_ranges
                    .iter()
                    .zip(&clause_stems)
                    .zip(&answers)
                    .filter(|((_, stems), to)| {
                        to[i]
                            && question
                                .keys
                                .iter()
                                .any(|k| stems.iter().any(|r| same_stem(r, k)))
                    })
                    .map(|((range, _), _)| &without[range.clone()])
            };
            // A yes/no question that shares only some of its words with the
            // reply ("Saanko hyvityksen tästä käynnistä?" -> "Uusi käynti on
            // sovittu") is answered only where a sentence about it says yes
            // or no: the reply names the topic, not the answer.
            let partial = question.expects == Expects::YesNo
                && shared_any > 0
                && question.keys.len() >= 2
                && 2 * shared_any <= question.keys.len()
                && !is_request(ctx.lex.lang, &question.text)
                && !about()
                    .any(|sentence| says_yes_or_no(ctx.lex, sentence, question.cue.as_deref()));
            // "Paljonko…?", "Milloin…?", "Mihin…?": naming the topic is not
            // an amount, a time or a place; a number in a sentence about it
            // may be an amount.
            let needs_kind = matches!(
                question.expects,
                Expects::Amount | Expects::Time | Expects::Place
            );
            let kind = kind
                || question.expects == Expects::Amount
                    && about().any(|s| s.contains(|c: char| c.is_ascii_digit()));
            let answered = unjudgeable
                || !partial
                    && match (asked.len() == 1, needs_kind) {
                        (true, true) => kind,
                        (true, false) => overlap_any || kind,
                        (false, true) => kind && (overlap_any || kind_unique),
                        (false, false) => overlap_unique || (kind && (overlap_any || kind_unique)),
                    }
                || answered_inline(ctx.text, &question.text);
            if !answered {
                let shown: String = question
                    .text
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                // Point at the start of the answer the question is missing from.
                let start = ctx.reply.body.start.min(ctx.reply.own.len());
                let end = ctx.reply.own[start..]
                    .find('\n')
                    .map_or(ctx.reply.own.len(), |e| start + e);
                out.push(ctx.finding(
                    self,
                    start..end,
                    format!("the customer asked “{shown}” and the reply does not answer it / asiakkaan kysymykseen ei vastata"),
                ));
                // One finding per reply is enough for the square; the
                // message names the first question left open.
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tests_support::{Case, hits};

    fn fi(customer: &str, reply: &str) -> bool {
        hits(&Case::fi(reply).customer(customer), "unanswered-question")
    }

    fn en(customer: &str, reply: &str) -> bool {
        hits(&Case::en(reply).customer(customer), "unanswered-question")
    }

    fn sv(customer: &str, reply: &str) -> bool {
        hits(&Case::sv(reply).customer(customer), "unanswered-question")
    }

    #[test]
    fn finnish_hits() {
        for (customer, reply) in [
            (
                "Hei, milloin kassini saapuu? Voinko vielä vaihtaa värin?",
                "Hei Anna,\n\nkassisi saapuu torstaina.",
            ),
            (
                "Paljonko postikulut ovat? Milloin paketti lähtee?",
                "Hei Anna,\n\npaketti lähtee huomenna.",
            ),
            (
                "Missä pakettini on?",
                "Hei Anna,\n\nkiitos viestistäsi! Mukavaa viikonloppua.",
            ),
            (
                "Onko hotellilla pysäköintiä ja\npääseekö kuntosalille ilman maksua?",
                "Hei Anna,\n\npysäköinti hotellin pihalla on maksuton, ja latauspisteitä on kaksi.",
            ),
            (
                "Miksi tilaukseni peruttiin?",
                "Hei Anna,\n\nvoit maksaa laskun myös osissa.",
            ),
            (
                "Haluaisin tietää, voiko laskun maksaa osissa.",
                "Hei Anna,\n\nkiitos tilauksesta, kassi lähtee huomenna.",
            ),
            (
                "Onko teillä kassia sinisenä? Entä punaisena?",
                "Hei Anna,\n\nkiitos kysymyksestä, tarkistamme varaston.",
            ),
            (
                "Kertokaa, miten palautus tehdään. Saanko rahat takaisin tilille?",
                "Hei Anna,\n\npalautus tehdään lomakkeella, jonka löydät paketista.",
            ),
            (
                "Miksi laskussa on kaksi riviä? Voitteko hyvittää postikulut?",
                "Hei Anna,\n\nlaskun rivit ovat tilaus ja toimitus erikseen.",
            ),
            (
                "Onko kassi jo valmis ja paljonko korjaus maksaa?",
                "Hei Anna,\n\nkassi on valmis noudettavaksi.",
            ),
            (
                "Voinko noutaa tilauksen myymälästä?",
                "Hei Anna,\n\nkiitos tilauksestasi.",
            ),
        ] {
            assert!(fi(customer, reply), "{customer} -> {reply}");
        }
    }

    #[test]
    fn finnish_misses() {
        for (customer, reply) in [
            // The salutation before an indirect question is not a question.
            (
                "Hyvä asiakaspalvelu, haluaisin tietää, kuuluuko hintaan asennus.",
                "Hei Kari,\n\nasennus ei kuulu hintaan, mutta sen voi tilata erikseen.",
            ),
            // A short follow-up is answered by the sentence naming its word.
            (
                "Onko teillä tätä pipoa koossa S? Entä punaisena?",
                "Hei Elina,\n\npipoa on koossa S sekä punaisena että sinisenä.",
            ),
            (
                "Miksi laskuni oli näin suuri?",
                "Hei Anna,\n\nlaskussa oli mukana myös joulukuun kausimaksu, mistä summa johtuu.",
            ),
            (
                "Onko mökillä astianpesukone ja\nsaako sinne tuoda koiran?",
                "Hei Anna,\n\nmökissä on astianpesukone. Koiran saa tuoda mukanaan.",
            ),
            (
                "Hei, milloin kassini saapuu? Voinko vielä vaihtaa värin?",
                "Hei Anna,\n\nkassisi saapuu torstaina. Värin voit vielä vaihtaa.",
            ),
            (
                "Milloin paketti tulee?",
                "Hei Anna,\n\nemme vielä tiedä, mutta kerromme perjantaina.",
            ),
            (
                "Milloin paketti tulee?",
                "Hei Anna,\n\nlähetämme sen ensi viikolla.",
            ),
            (
                "Paljonko postikulut ovat?",
                "Hei Anna,\n\npostikulut ovat 4,90 €.",
            ),
            (
                "Missä pakettini on?",
                "Hei Anna,\n\npakettisi on noutopisteessä osoitteessa Kauppakatu 5.",
            ),
            (
                "Voiko laskun maksaa osissa?",
                "Hei Anna,\n\nvalitettavasti emme tarjoa osamaksua.",
            ),
            (
                "Hei! Mitä kuuluu? Tilaus tuli perille, kiitos.",
                "Hei Anna,\n\nkiva kuulla, että tilaus tuli perille.",
            ),
            (
                "Kiitos nopeasta toimituksesta.",
                "Hei Anna,\n\nkiitos palautteesta!",
            ),
            (
                "Kassi saapui rikki. Mitä teen nyt?",
                "Hei Anna,\n\nlähetämme uuden kassin maanantaina.",
            ),
            (
                "Onko kassi jo valmis ja paljonko korjaus maksaa?",
                "Hei Anna,\n\nkassi on valmis, ja korjaus maksaa 25 €.",
            ),
        ] {
            assert!(!fi(customer, reply), "{customer} -> {reply}");
        }
    }

    /// A yes/no question whose topic the reply names without answering it,
    /// against replies that answer with a yes, a no, the question's own
    /// verb, or by doing what was asked.
    #[test]
    fn yes_no_questions_need_an_answer_not_a_topic() {
        assert!(fi(
            "Voiko tilauksen noutaa myymälästä?",
            "Hei Anna,\n\ntilauksesi on lähetetty ja saapuu perjantaina."
        ));
        assert!(fi(
            "Saanko hyvityksen tästä käynnistä?",
            "Hei Anna,\n\nuusi käynti on sovittu torstaille klo 12."
        ));
        assert!(en(
            "Do I need to be home for the delivery?",
            "Hi Anna,\n\nyour delivery is scheduled for Thursday between 8 and 12."
        ));
        assert!(!fi(
            "Onko tätä takkia vielä koossa M?",
            "Hei Anna,\n\ntakkia on vielä kolme jäljellä."
        ));
        assert!(!fi(
            "Voinko maksaa laskun kahdessa erässä?",
            "Hei Anna,\n\nlaskun voi jakaa kahteen erään, kun soitat meille."
        ));
        assert!(!fi(
            "Voitteko tarkistaa laskuni summan?",
            "Hei Anna,\n\ntarkistin laskun: siinä oli virhe, ja korjattu lasku on liitteenä."
        ));
        assert!(!en(
            "Do I need to print the return label?",
            "Hi Anna,\n\nyou don't need to print anything: show the QR code at the post office."
        ));
        assert!(!en(
            "Can I change the delivery address after ordering?",
            "Hi Anna,\n\naddress changes are possible until the parcel leaves our warehouse."
        ));
        assert!(!en(
            "Hi, can you check what's wrong with my account login?",
            "Hi Anna,\n\nyour account was locked; I've unlocked it, so you can log in again."
        ));
    }

    #[test]
    fn consonant_gradation_folds() {
        use super::fold_grades;
        let fold = |s: &str| fold_grades(&std::rc::Rc::from(s)).to_string();
        assert_eq!(fold("hinta"), fold("hinna"));
        assert_eq!(fold("käynt"), fold("käynn"));
        assert_eq!(fold("kauppa"), "kaupa");
        assert_eq!(fold("tilaus"), "tilaus");
        // Both grades of a word in a question and its answer meet.
        assert!(!fi(
            "Onko aamiainen hinnassa?",
            "Hei Tuula,\n\naamiainen kuuluu hintaan, ja sitä tarjoillaan klo 7–10."
        ));
    }

    /// "Paljonko…?" and "Milloin…?" want an amount or a time: a reply that
    /// only names the topic leaves them open.
    #[test]
    fn amounts_and_times_need_one() {
        assert!(fi(
            "Paljonko maksaa toimitus Ahvenanmaalle?",
            "Hei Jussi,\n\nkiitos viestistäsi! Toimitamme koko Suomeen."
        ));
        assert!(!fi(
            "Paljonko maksaa toimitus Ahvenanmaalle?",
            "Hei Jussi,\n\ntoimitus Ahvenanmaalle maksaa 12,90 €."
        ));
        assert!(!fi(
            "Kuinka monta päivää palautusaikaa on?",
            "Hei Jussi,\n\npalautusaika on 30 päivää ostopäivästä."
        ));
        assert!(fi(
            "Milloin paketti tulee?",
            "Hei Jussi,\n\npaketti on käsittelyssä varastollamme."
        ));
    }

    /// One reply sentence may answer two questions, a clause each; a
    /// greeting before a compound question is not a question of its own.
    #[test]
    fn clauses_and_compound_questions() {
        let customer =
            "Hello, how long does shipping to Canada take, and is there a tracking number?";
        assert!(!en(
            customer,
            "Hi Ben,\n\nshipping to Canada takes 7–10 business days, and you'll get a tracking number by email when it ships."
        ));
        assert!(en(
            customer,
            "Hi Ben,\n\nyou'll get a tracking number by email when your parcel ships."
        ));
        assert!(fi(
            "Mihin osoitteeseen palautus lähetetään?",
            "Hei Mikko,\n\npalautus on maksuton, kun käytät paketin mukana tullutta lomaketta."
        ));
        assert!(!fi(
            "Mihin osoitteeseen palautus lähetetään?",
            "Hei Mikko,\n\npalautus lähetetään osoitteeseen Varastotie 4, 01510 Vantaa."
        ));
        assert!(!fi(
            "Missä pakettini on?",
            "Hei Mikko,\n\npakettisi on jo matkalla."
        ));
    }

    #[test]
    fn interleaved_answers_count() {
        let reply = "Hi Anna,\n\n> does the Beach Bag have an inner pocket?\nYes, a zipped one.\n\n> And can it go in the washing machine?\nAt 30 degrees, inside a laundry bag.\n";
        let customer =
            "does the Beach Bag have an inner pocket?\n\nAnd can it go in the washing machine?";
        assert!(!en(customer, reply));
        let skipped = "Hi Anna,\n\n> does the Beach Bag have an inner pocket?\nYes, a zipped one.\n\n> And can it go in the washing machine?\n";
        assert!(en(customer, skipped));
    }

    #[test]
    fn english_and_swedish() {
        assert!(en(
            "When will my bag arrive? Can I change the colour?",
            "Hi Anna,\n\nyour bag arrives on Thursday."
        ));
        assert!(en(
            "How much is shipping?",
            "Hi Anna,\n\nthanks for your order!"
        ));
        assert!(en(
            "I would like to know whether I can pay in instalments.",
            "Hi Anna,\n\nyour bag ships tomorrow."
        ));
        assert!(en("Where is my parcel?", "Hi Anna,\n\nthanks for writing."));
        // A sentence answers the question it shares most words with: the
        // free parking does not answer whether the gym costs extra.
        assert!(en(
            "Is there parking at the hotel? And can I use the gym without an extra fee?",
            "Hi Anna,\n\nparking at the hotel is free of charge, with four charging points."
        ));
        // A "why" wants a reason.
        assert!(!en(
            "Why did my card payment fail?",
            "Hi Anna,\n\nthe bank declined it because the card had expired."
        ));
        assert!(en(
            "Why did my card payment fail?",
            "Hi Anna,\n\nyou can pay with PayPal as well."
        ));
        assert!(!en(
            "When will my bag arrive? Can I change the colour?",
            "Hi Anna,\n\nyour bag arrives on Thursday, and yes, you can change the colour."
        ));
        assert!(!en(
            "When will it arrive?",
            "Hi Anna,\n\nwe don't know yet, but we'll tell you on Friday."
        ));
        assert!(!en(
            "How much is shipping?",
            "Hi Anna,\n\nshipping is €4.90."
        ));
        assert!(!en(
            "Where is my parcel?",
            "Hi Anna,\n\nit is at the pickup point on Main Street."
        ));
        assert!(sv(
            "När kommer min väska? Kan jag byta färg?",
            "Hej Anna,\n\ndin väska kommer på torsdag."
        ));
        assert!(sv(
            "Vad kostar frakten?",
            "Hej Anna,\n\ntack för din beställning."
        ));
        assert!(sv(
            "Jag undrar om jag kan betala i delar.",
            "Hej Anna,\n\ndin väska skickas i morgon."
        ));
        assert!(sv(
            "Var är mitt paket?",
            "Hej Anna,\n\ntack för att du skrev."
        ));
        assert!(!sv(
            "När kommer min väska? Kan jag byta färg?",
            "Hej Anna,\n\ndin väska kommer på torsdag. Ja, du kan byta färg."
        ));
        assert!(!sv(
            "När kommer paketet?",
            "Hej Anna,\n\nvi vet inte än, men vi hör av oss på fredag."
        ));
        assert!(!sv(
            "Vad kostar frakten?",
            "Hej Anna,\n\nfrakten kostar 49 kr."
        ));
        assert!(!sv(
            "Var är mitt paket?",
            "Hej Anna,\n\ndet finns hos ombudet på Storgatan."
        ));
    }
}
