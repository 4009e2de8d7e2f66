//! A language pack compiled for matching: regular expressions and word sets
//! built once per language from `rules/*.toml` (and any extra phrase files).

use std::sync::OnceLock;

use aho_corasick::AhoCorasick;
use rustc_hash::FxHashSet;

use rust_stemmers::{Algorithm, Stemmer};

use super::Lang;
use super::fast_regex::FastRegex;
use super::pack::{self, Pack};
use super::phrases::PhraseSet;

/// A fixed set of lower-cased words. The sets are built from the packs and
/// only looked up with the mail's words, never grown from them, so a fast
/// non-keyed hash is safe.
pub type WordSet = FxHashSet<String>;

/// Everything the rules need to read one language.
pub struct Lexicon {
    pub lang: Lang,
    pub greetings: FastRegex,
    pub generic_names: WordSet,
    pub titles: WordSet,
    /// A whole lower-cased word that is a generic product/service noun.
    pub generic_word: Option<FastRegex>,
    pub compound_heads: WordSet,
    pub determiners: WordSet,
    /// Words, and endings ("-ed"), that may stand between a determiner and
    /// a generic word.
    pub modifiers: WordSet,
    pub modifier_endings: Vec<String>,
    /// Street words, street-name endings and shop or office heads: what
    /// makes a customer's name a place, not the thing.
    pub streets: WordSet,
    pub street_endings: Vec<String>,
    pub place_heads: Vec<String>,
    /// Parts of words that name a code ("koodilla"): no name follows them.
    pub code_words: Vec<String>,
    /// Set phrases in which a generic word is no noun ("till er tjänst").
    pub idioms: PhraseSet,
    /// Conjunctions that join the last two things of a list, and words
    /// that open a clause rather than a list after a comma.
    pub list_joiners: WordSet,
    pub clause_openers: WordSet,
    /// Does a capitalised word of the customer's name the thing?
    pub capitalised_names: bool,
    pub third_person: Option<FastRegex>,
    pub formal_address: Option<FastRegex>,
    pub formal_exceptions: WordSet,
    pub casual_address: Option<FastRegex>,
    pub casual_exceptions: WordSet,
    pub casual_cues: WordSet,
    pub formal_cues: Option<FastRegex>,
    pub casual_reply: WordSet,
    pub questions: QuestionLexicon,
    /// The stock phrases.
    pub canned: PhraseSet,
    /// Words that announce a password.
    pub password: Option<FastRegex>,
    /// The cues of codes that may be digits only, matched on a whole cue.
    pub password_codes: Option<FastRegex>,
    /// The cues and the words that point back at a code named before them
    /// ("the code", "koodi"), found in one pass.
    pub password_mentions: Option<FastRegex>,
    /// The words that point back at a code, matched on a whole mention.
    pub password_refs: Option<FastRegex>,
    /// Words that sign one in.
    pub password_sign_in: Option<FastRegex>,
    /// Words that may stand between a cue and the value ("on", "is",
    /// "reset to"), each whole and single-spaced.
    pub copulas: WordSet,
    pub not_passwords: WordSet,
    /// Field names that end a password's part of a line.
    pub password_fields: WordSet,
    /// Endings of words that are no password value after a copula.
    pub participle_endings: Vec<String>,
    pub stopwords: WordSet,
    /// The advisory rules' phrase lists, compiled.
    pub advisory: AdvisoryLexicon,
    stemmer: Stemmer,
}

/// The advisory phrase lists (`[advisory]` in the packs), one regex per
/// list key; a key with no phrases has none.
#[derive(Debug, Default)]
pub struct AdvisoryLexicon {
    lists: Vec<(&'static str, FastRegex)>,
}

impl AdvisoryLexicon {
    fn build(packs: &[&Pack]) -> Result<AdvisoryLexicon, String> {
        let keys = super::pack::AdvisoryWords::default()
            .lists()
            .map(|(key, _)| key);
        let mut lists = Vec::new();
        for key in keys {
            let phrases: Vec<String> = packs
                .iter()
                .flat_map(|p| {
                    p.advisory
                        .lists()
                        .into_iter()
                        .find(|(k, _)| *k == key)
                        .map(|(_, words)| words.clone())
                        .unwrap_or_default()
                })
                .collect();
            if phrases.is_empty() {
                continue;
            }
            let joined: Vec<String> = phrases
                .iter()
                .map(|p| phrase_regex(p).trim_start_matches("(?i)").to_string())
                .collect();
            let re = FastRegex::new(&format!("(?i)(?:{})", joined.join("|")))
                .map_err(|e| format!("advisory `{key}`: {e}"))?;
            lists.push((key, re));
        }
        Ok(AdvisoryLexicon { lists })
    }

    /// The phrases of one list (`complaint`, `apology`, …), if it has any.
    pub fn phrases(&self, key: &str) -> Option<&FastRegex> {
        self.lists.iter().find(|(k, _)| *k == key).map(|(_, re)| re)
    }

    /// Does `text` contain a phrase of the list?
    pub fn any(&self, key: &str, text: &str) -> bool {
        self.phrases(key).is_some_and(|re| re.is_match(text))
    }
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("lang", &self.lang)
            .finish_non_exhaustive()
    }
}

/// Question words by the answer they expect, and answer evidence.
#[derive(Debug)]
pub struct QuestionLexicon {
    pub when: Vec<String>,
    pub how_long: Vec<String>,
    pub how_much: Vec<String>,
    pub where_: Vec<String>,
    pub yes_no: Vec<String>,
    pub why: Vec<String>,
    pub other: Vec<String>,
    /// Indirect questions ("haluaisin tietää"), found in one pass.
    pub indirect: AhoCorasick,
    pub yes_no_answers: FastRegex,
    /// Answers on what one can do, and the question verbs they answer.
    pub ability_answers: FastRegex,
    pub ability_cues: WordSet,
    /// Words of need, in questions and in answers.
    pub necessity: FastRegex,
    /// Verbs of a request that ask a further thing after a joining word.
    pub request_verbs: WordSet,
    pub time_words: FastRegex,
    pub duration_words: FastRegex,
    pub place_words: FastRegex,
    pub reason_words: FastRegex,
    pub ignore: WordSet,
    /// Words that join a question to the one before.
    pub leading: WordSet,
    /// Words that point back at what was said before.
    pub pointers: WordSet,
    /// Groups of word beginnings that name the same thing; a word is keyed
    /// by its group's first entry.
    pub synonyms: Vec<Vec<String>>,
    /// Words that ask for a time inside a yes/no question.
    pub time_topics: FastRegex,
    /// Questions that ask for a price in other words ("mitä … maksa*").
    pub cost_words: PhraseSet,
    /// Requests for the reply itself ("get back to me as soon…").
    pub reply_requests: PhraseSet,
    /// Subjects after a verb that asks yes or no.
    pub subjects: WordSet,
    /// Adverbs after which a statement's verb comes first.
    pub fronting: WordSet,
    /// Words that open a clause on why the customer asks.
    pub asides: WordSet,
    /// Words that end like a Finnish question verb and are not one.
    pub not_questions: WordSet,
    /// Yes/no answers that are determiners before a noun, and the words
    /// after which they answer all the same.
    pub determiners: WordSet,
    pub determiner_answers: WordSet,
    /// Verbs that open a condition when they come first.
    pub conditions: WordSet,
    /// A question word and a verb that open a topic ("vad gäller").
    pub topic_openers: WordSet,
    /// Small talk that asks nothing.
    pub small_talk: Vec<String>,
    /// Words that open a thank-you sentence.
    pub thanks: WordSet,
    /// ", " and the joining words between spaces (" ja ", " also "), found
    /// in one pass over a lower-cased sentence.
    pub joiners: AhoCorasick,
    /// The words that offer an alternative, each with a space after it.
    pub alternatives: Vec<String>,
    /// "; " and a comma before each clause-opening conjunction (", ja ",
    /// ", but "), found in one pass, ignoring ASCII case.
    pub clause_cuts: AhoCorasick,
    /// Endings of a verb that asks for a deed, and two-word openers of a
    /// request ("can you").
    pub request_endings: Vec<String>,
    pub request_openers: WordSet,
    /// Beginnings of the words that ask whether something is included.
    pub inclusion: FastRegex,
    /// Phrases that say something costs nothing.
    pub free: PhraseSet,
    /// Words that ask yes or no right after an indirect phrase.
    pub whether: WordSet,
    /// Every entry of the seven question-word lists above, as written: a
    /// word that is one of them is a question word, not content.
    pub question_words: WordSet,
    /// The same entries as a list, for phrases that open a clause.
    pub question_phrases: Vec<String>,
}

/// The phrases, and each phrase of two words or more with one filler
/// inside it: "pyydän teitä ilmoittamaan" is also "pyydän teitä
/// ystävällisesti ilmoittamaan".
fn with_fillers(phrases: &[String], fillers: &[String]) -> Vec<String> {
    let mut out = phrases.to_vec();
    for phrase in phrases {
        let words: Vec<&str> = phrase.split(' ').collect();
        for gap in 1..words.len() {
            for filler in fillers {
                let (head, tail) = words.split_at(gap);
                out.push(format!("{} {filler} {}", head.join(" "), tail.join(" ")));
            }
        }
    }
    out
}

fn set(words: &[String]) -> WordSet {
    words.iter().map(|w| w.to_lowercase()).collect()
}

/// `(?:a|b|c)` of literal phrases, longest first, spaces matching any whitespace.
pub fn literal_alternation(words: &[String]) -> String {
    let mut words: Vec<&String> = words.iter().collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    let alts: Vec<String> = words
        .iter()
        .map(|w| regex::escape(w).replace(' ', r"\s+"))
        .collect();
    format!("(?:{})", alts.join("|"))
}

/// Literal phrases as whole words: `\b` only where the phrase starts or ends
/// with a word character (emoticons have none).
fn literal_words_regex(words: &[String]) -> FastRegex {
    if words.is_empty() {
        return FastRegex::new(r"[^\s\S]").expect("never-matching regex");
    }
    let alts: Vec<String> = words
        .iter()
        .map(|w| {
            let body = regex::escape(w).replace(' ', r"\s+");
            let start = if w.starts_with(|c: char| c.is_alphanumeric()) {
                r"\b"
            } else {
                ""
            };
            let end = if w.ends_with(|c: char| c.is_alphanumeric()) {
                r"\b"
            } else {
                ""
            };
            format!("{start}{body}{end}")
        })
        .collect();
    FastRegex::new(&format!("(?i)(?:{})", alts.join("|"))).expect("word list compiles")
}

/// Word stems: a match starts at a word boundary and may go on with any
/// ending ("noutopiste" matches "noutopisteestä").
fn prefix_words_regex(words: &[String]) -> FastRegex {
    if words.is_empty() {
        return FastRegex::new(r"[^\s\S]").expect("never-matching regex");
    }
    let alts: Vec<String> = words
        .iter()
        .map(|w| regex::escape(w).replace(' ', r"\s+"))
        .collect();
    FastRegex::new(&format!(r"(?i)\b(?:{}){WORD_CHAR}*", alts.join("|")))
        .expect("stem list compiles")
}

/// What a word of Finnish, English or Swedish goes on with after a stem
/// (`*` in the packs): a letter, digit or underscore of the Latin alphabets
/// (Basic Latin, Latin-1, Latin Extended-A and B, without × and ÷).
/// Compiled, Unicode `\w` takes some 50 KB per use, this one some 5 KB.
pub const WORD_CHAR: &str = r"[0-9A-Za-z_\u{C0}-\u{D6}\u{D8}-\u{F6}\u{F8}-\u{24F}]";

/// Regex patterns from a pack, as whole words, case-insensitive.
fn patterns_regex(name: &str, patterns: &[String]) -> Result<Option<FastRegex>, String> {
    if patterns.is_empty() {
        return Ok(None);
    }
    let joined = patterns
        .iter()
        .map(|p| format!("(?:{})", latin_word_chars(p)))
        .collect::<Vec<_>>()
        .join("|");
    FastRegex::new(&format!(r"(?i)\b(?:{joined})\b"))
        .map(Some)
        .map_err(|e| format!("{name}: {e}"))
}

/// A pack pattern with `\w` read as [`WORD_CHAR`]: the packs' patterns
/// are about Finnish, English and Swedish words, and a Unicode `\w` makes
/// every anchored try walk a ten times larger automaton.
fn latin_word_chars(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('w') => out.push_str(WORD_CHAR),
            Some(next) => {
                out.push(c);
                out.push(next);
            }
            None => out.push(c),
        }
    }
    out
}

/// A stock phrase in the pack's notation as a regex: words separated by any
/// whitespace, `*` for any word ending, `…` (or `...`) for a gap of up to
/// eight words of the same sentence.
pub fn phrase_regex(phrase: &str) -> String {
    let mut out = String::from(r"(?i)\b");
    let tokens: Vec<&str> = phrase.split_whitespace().collect();
    for (i, token) in tokens.iter().enumerate() {
        if *token == "…" || *token == "..." {
            // Words inside the sentence: "22.5.2027" is one, "lähti." ends it.
            out.push_str(r"(?:[^\s!?]*[^\s.!?]\s+){0,8}?");
            continue;
        }
        match token.strip_suffix('*') {
            Some(stem) => {
                out.push_str(&regex::escape(stem));
                out.push_str(WORD_CHAR);
                out.push('*');
            }
            None => out.push_str(&regex::escape(token)),
        }
        if i + 1 < tokens.len() {
            out.push_str(r"[\s,]+");
        }
    }
    if phrase.ends_with(|c: char| c.is_alphanumeric()) {
        out.push_str(r"\b");
    }
    out
}

impl Lexicon {
    /// Compiles one language from its packs (the built-in one first, then
    /// any extra phrase files for the same language).
    pub fn build(lang: Lang, packs: &[&Pack]) -> Result<Lexicon, String> {
        let mut greetings = Vec::new();
        let mut generic_names = Vec::new();
        let mut titles = Vec::new();
        let mut stems = Vec::new();
        let mut cases = Vec::new();
        let mut possessives = Vec::new();
        let mut clitics = Vec::new();
        let mut compound_heads = Vec::new();
        let mut determiners = Vec::new();
        let mut modifiers: Vec<String> = Vec::new();
        let mut streets = Vec::new();
        let mut street_endings = Vec::new();
        let mut place_heads = Vec::new();
        let mut code_words = Vec::new();
        let mut idioms = Vec::new();
        let mut list_joiners = Vec::new();
        let mut clause_openers = Vec::new();
        let mut capitalised_names = false;
        let mut third = Vec::new();
        let mut formal_address = Vec::new();
        let mut formal_exceptions = Vec::new();
        let mut casual_address = Vec::new();
        let mut casual_exceptions = Vec::new();
        let mut casual_cues = Vec::new();
        let mut formal_cues = Vec::new();
        let mut casual_reply = Vec::new();
        let mut q = super::pack::QuestionWords::default();
        let mut phrases = Vec::new();
        let mut cues = Vec::new();
        let mut code_cues = Vec::new();
        let mut copulas = Vec::new();
        let mut not_passwords = Vec::new();
        let mut password_fields = Vec::new();
        let mut participle_endings = Vec::new();
        let mut code_refs = Vec::new();
        let mut sign_in = Vec::new();
        let mut stopwords = Vec::new();
        for p in packs {
            greetings.extend(p.split.greetings.iter().cloned());
            generic_names.extend(p.greeting.generic_names.iter().cloned());
            titles.extend(p.greeting.titles.iter().cloned());
            stems.extend(p.vague.generic_stems.iter().cloned());
            cases.extend(p.vague.case_endings.iter().cloned());
            possessives.extend(p.vague.possessives.iter().cloned());
            clitics.extend(p.vague.clitics.iter().cloned());
            compound_heads.extend(p.vague.compound_heads.iter().cloned());
            streets.extend(p.vague.streets.iter().cloned());
            street_endings.extend(p.vague.street_endings.iter().cloned());
            place_heads.extend(p.vague.place_heads.iter().cloned());
            code_words.extend(p.vague.code_words.iter().cloned());
            idioms.extend(p.vague.idioms.iter().cloned());
            list_joiners.extend(p.vague.list_joiners.iter().cloned());
            clause_openers.extend(p.vague.clause_openers.iter().cloned());
            capitalised_names |= p.vague.capitalised_names;
            determiners.extend(p.vague.determiners.iter().cloned());
            modifiers.extend(p.vague.modifiers.iter().cloned());
            third.extend(p.vague.third_person.iter().cloned());
            formal_address.extend(p.tone.formal_address.iter().cloned());
            formal_exceptions.extend(p.tone.formal_exceptions.iter().cloned());
            casual_address.extend(p.tone.casual_address.iter().cloned());
            casual_exceptions.extend(p.tone.casual_exceptions.iter().cloned());
            casual_cues.extend(p.tone.casual_cues.iter().cloned());
            formal_cues.extend(p.tone.formal_cues.iter().cloned());
            casual_reply.extend(p.tone.casual_reply.iter().cloned());
            let pq = &p.questions;
            q.when.extend(pq.when.iter().cloned());
            q.how_much.extend(pq.how_much.iter().cloned());
            q.how_long.extend(pq.how_long.iter().cloned());
            q.where_.extend(pq.where_.iter().cloned());
            q.yes_no.extend(pq.yes_no.iter().cloned());
            q.why.extend(pq.why.iter().cloned());
            q.reason_words.extend(pq.reason_words.iter().cloned());
            q.other.extend(pq.other.iter().cloned());
            q.indirect.extend(pq.indirect.iter().cloned());
            q.yes_no_answers.extend(pq.yes_no_answers.iter().cloned());
            q.ability_answers.extend(pq.ability_answers.iter().cloned());
            q.ability_cues.extend(pq.ability_cues.iter().cloned());
            q.necessity.extend(pq.necessity.iter().cloned());
            q.request_verbs.extend(pq.request_verbs.iter().cloned());
            q.time_words.extend(pq.time_words.iter().cloned());
            q.duration_words.extend(pq.duration_words.iter().cloned());
            q.place_words.extend(pq.place_words.iter().cloned());
            q.ignore.extend(pq.ignore.iter().cloned());
            q.leading.extend(pq.leading.iter().cloned());
            q.pointers.extend(pq.pointers.iter().cloned());
            q.synonyms.extend(pq.synonyms.iter().cloned());
            q.time_topics.extend(pq.time_topics.iter().cloned());
            q.subjects.extend(pq.subjects.iter().cloned());
            q.fronting.extend(pq.fronting.iter().cloned());
            q.asides.extend(pq.asides.iter().cloned());
            q.not_questions.extend(pq.not_questions.iter().cloned());
            q.cost_words.extend(pq.cost_words.iter().cloned());
            q.reply_requests.extend(pq.reply_requests.iter().cloned());
            q.determiners.extend(pq.determiners.iter().cloned());
            q.determiner_answers
                .extend(pq.determiner_answers.iter().cloned());
            q.conditions.extend(pq.conditions.iter().cloned());
            q.topic_openers.extend(pq.topic_openers.iter().cloned());
            q.small_talk.extend(pq.small_talk.iter().cloned());
            q.thanks.extend(pq.thanks.iter().cloned());
            q.joiners.extend(pq.joiners.iter().cloned());
            q.alternatives.extend(pq.alternatives.iter().cloned());
            q.clause_cuts.extend(pq.clause_cuts.iter().cloned());
            q.request_endings.extend(pq.request_endings.iter().cloned());
            q.request_openers.extend(pq.request_openers.iter().cloned());
            q.fillers.extend(pq.fillers.iter().cloned());
            q.inclusion.extend(pq.inclusion.iter().cloned());
            q.free.extend(pq.free.iter().cloned());
            q.whether.extend(pq.whether.iter().cloned());
            phrases.extend(p.canned.phrases.iter().cloned());
            cues.extend(p.password.cues.iter().cloned());
            cues.extend(p.password.code_cues.iter().cloned());
            code_cues.extend(p.password.code_cues.iter().cloned());
            copulas.extend(p.password.copulas.iter().cloned());
            not_passwords.extend(p.password.not_passwords.iter().cloned());
            password_fields.extend(p.password.other_fields.iter().cloned());
            participle_endings.extend(p.password.participle_endings.iter().cloned());
            code_refs.extend(p.password.code_references.iter().cloned());
            sign_in.extend(p.password.sign_in.iter().cloned());
            stopwords.extend(p.detect.stopwords.iter().cloned());
        }
        let opt = |parts: &[String]| {
            if parts.is_empty() {
                String::new()
            } else {
                format!("{}?", literal_alternation(parts))
            }
        };
        let generic_word = if stems.is_empty() {
            None
        } else {
            Some(
                FastRegex::new(&format!(
                    "^{}{}{}{}$",
                    literal_alternation(&stems),
                    opt(&cases),
                    opt(&possessives),
                    opt(&clitics)
                ))
                .map_err(|e| format!("generic-stems: {e}"))?,
            )
        };
        let canned = PhraseSet::new(&phrases)?;
        let cue_alternation = |cues: &[String]| {
            let mut longest_first: Vec<&String> = cues.iter().collect();
            longest_first.sort_by_key(|c| std::cmp::Reverse(c.len()));
            longest_first
                .iter()
                .map(|c| {
                    // Each word of a cue may end with `*`: "väliaikai* salasan*".
                    c.split_whitespace()
                        .map(|word| match word.strip_suffix('*') {
                            Some(stem) => format!("{}{WORD_CHAR}*", regex::escape(stem)),
                            None => regex::escape(word),
                        })
                        .collect::<Vec<_>>()
                        .join(r"\s+")
                })
                .collect::<Vec<_>>()
                .join("|")
        };
        // Cues found in the text as whole words; code cues tested on a cue
        // found, whole.
        let cue_regex = |list: &[String], before: &str, after: &str, name: &str| {
            (!list.is_empty())
                .then(|| {
                    FastRegex::new(&format!("(?i){before}(?:{}){after}", cue_alternation(list)))
                        .map_err(|e| format!("password {name}: {e}"))
                })
                .transpose()
        };
        let password = cue_regex(&cues, r"\b", r"\b", "cues")?;
        let password_codes = cue_regex(&code_cues, "^", "$", "code-cues")?;
        let password_refs = cue_regex(&code_refs, "^", "$", "code-references")?;
        let mentions: Vec<String> = cues.iter().chain(&code_refs).cloned().collect();
        let password_mentions = cue_regex(&mentions, r"\b", r"\b", "cues")?;
        let password_sign_in = cue_regex(&sign_in, r"\b", r"\b", "sign-in")?;
        // Whole copulas, single-spaced: "reset to" is one, "to" is none.
        let copula_words: WordSet = copulas
            .iter()
            .map(|c| {
                c.split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .to_lowercase()
            })
            .collect();
        let question_phrases: Vec<String> = [
            &q.when,
            &q.how_long,
            &q.how_much,
            &q.where_,
            &q.yes_no,
            &q.why,
            &q.other,
        ]
        .into_iter()
        .flatten()
        .cloned()
        .collect();
        Ok(Lexicon {
            lang,
            greetings: FastRegex::new(&format!(
                r"(?i)^{}(?:$|[\s,!.:;])",
                literal_alternation(&greetings)
            ))
            .map_err(|e| format!("greetings: {e}"))?,
            generic_names: set(&generic_names),
            titles: set(&titles),
            generic_word,
            compound_heads: set(&compound_heads),
            streets: set(&streets),
            street_endings: street_endings.iter().map(|e| e.to_lowercase()).collect(),
            place_heads: place_heads.iter().map(|h| h.to_lowercase()).collect(),
            code_words: code_words.iter().map(|h| h.to_lowercase()).collect(),
            idioms: PhraseSet::new(&idioms)?,
            list_joiners: set(&list_joiners),
            clause_openers: set(&clause_openers),
            capitalised_names,
            determiners: set(&determiners),
            modifier_endings: modifiers
                .iter()
                .filter_map(|m| m.strip_prefix('-'))
                .map(str::to_lowercase)
                .collect(),
            modifiers: set(&modifiers),
            third_person: patterns_regex("third-person", &third)?,
            formal_address: patterns_regex("formal-address", &formal_address)?,
            formal_exceptions: set(&formal_exceptions),
            casual_address: patterns_regex("casual-address", &casual_address)?,
            casual_exceptions: set(&casual_exceptions),
            casual_cues: set(&casual_cues),
            formal_cues: patterns_regex("formal-cues", &formal_cues)?,
            casual_reply: set(&casual_reply),
            questions: QuestionLexicon {
                question_words: question_phrases.iter().cloned().collect(),
                question_phrases,
                yes_no_answers: literal_words_regex(&q.yes_no_answers),
                ability_answers: literal_words_regex(&q.ability_answers),
                ability_cues: set(&q.ability_cues),
                necessity: prefix_words_regex(&q.necessity),
                request_verbs: set(&q.request_verbs),
                time_words: prefix_words_regex(&q.time_words),
                duration_words: prefix_words_regex(&q.duration_words),
                place_words: prefix_words_regex(&q.place_words),
                reason_words: literal_words_regex(&q.reason_words),
                ignore: set(&q.ignore),
                leading: set(&q.leading),
                pointers: set(&q.pointers),
                time_topics: literal_words_regex(&q.time_topics),
                cost_words: PhraseSet::new(&q.cost_words)?,
                reply_requests: PhraseSet::new(&q.reply_requests)?,
                subjects: set(&q.subjects),
                fronting: set(&q.fronting),
                asides: set(&q.asides),
                not_questions: set(&q.not_questions),
                determiners: set(&q.determiners),
                determiner_answers: set(&q.determiner_answers),
                conditions: set(&q.conditions),
                topic_openers: set(&q.topic_openers),
                small_talk: q.small_talk.iter().map(|s| s.to_lowercase()).collect(),
                thanks: set(&q.thanks),
                joiners: AhoCorasick::new(
                    std::iter::once(", ".to_owned())
                        .chain(q.joiners.iter().map(|w| format!(" {} ", w.to_lowercase()))),
                )
                .map_err(|e| format!("joiners: {e}"))?,
                alternatives: q
                    .alternatives
                    .iter()
                    .map(|w| format!("{} ", w.to_lowercase()))
                    .collect(),
                clause_cuts: AhoCorasick::builder()
                    .ascii_case_insensitive(true)
                    .build(
                        std::iter::once("; ".to_owned())
                            .chain(q.clause_cuts.iter().map(|w| format!(", {w} "))),
                    )
                    .map_err(|e| format!("clause cuts: {e}"))?,
                request_endings: q.request_endings.iter().map(|e| e.to_lowercase()).collect(),
                request_openers: set(&q.request_openers),
                inclusion: prefix_words_regex(&q.inclusion),
                free: PhraseSet::new(&q.free)?,
                whether: set(&q.whether),
                synonyms: q
                    .synonyms
                    .iter()
                    .map(|group| group.split_whitespace().map(str::to_lowercase).collect())
                    .collect(),
                when: q.when,
                how_long: q.how_long,
                how_much: q.how_much,
                where_: q.where_,
                yes_no: q.yes_no,
                why: q.why,
                other: q.other,
                indirect: AhoCorasick::new(with_fillers(&q.indirect, &q.fillers))
                    .map_err(|e| format!("indirect questions: {e}"))?,
            },
            canned,
            password,
            password_codes,
            password_mentions,
            password_refs,
            password_sign_in,
            copulas: copula_words,
            not_passwords: set(&not_passwords),
            password_fields: set(&password_fields),
            participle_endings: participle_endings
                .iter()
                .map(|e| e.to_lowercase())
                .collect(),
            stopwords: set(&stopwords),
            advisory: AdvisoryLexicon::build(packs)?,
            stemmer: Stemmer::create(match lang {
                Lang::Fi => Algorithm::Finnish,
                Lang::En => Algorithm::English,
                Lang::Sv => Algorithm::Swedish,
            }),
        })
    }

    /// The stem of a lower-cased word.
    pub fn stem<'a>(&self, word: &'a str) -> std::borrow::Cow<'a, str> {
        self.stemmer.stem(word)
    }
}

/// The lexicons of all three languages with extra phrase files added (the
/// config's `extra-phrases`). Errors name the file.
pub fn with_extra_phrases(files: &[std::path::PathBuf]) -> Result<Vec<Lexicon>, String> {
    let mut extra: Vec<Pack> = Vec::new();
    for file in files {
        let name = file.display().to_string();
        let text = std::fs::read_to_string(file)
            .map_err(|e| format!("{name}: cannot read phrase file: {e}"))?;
        let pack = pack::parse_pack(&name, &text)?;
        if Lang::from_code(&pack.lang).is_none() {
            return Err(format!(
                "{name}: lang = \"{}\" is not one of fi, en, sv",
                pack.lang
            ));
        }
        extra.push(pack);
    }
    Lang::ALL
        .iter()
        .map(|&lang| {
            let mut packs: Vec<&Pack> = pack::pack(lang.code()).into_iter().collect();
            packs.extend(extra.iter().filter(|p| p.lang == lang.code()));
            Lexicon::build(lang, &packs)
        })
        .collect()
}

/// The built-in lexicon of a language, compiled once.
pub fn builtin(lang: Lang) -> &'static Lexicon {
    static LEXICONS: OnceLock<Vec<Lexicon>> = OnceLock::new();
    let all = LEXICONS.get_or_init(|| {
        Lang::ALL
            .iter()
            .map(|&l| {
                let packs: Vec<&Pack> = pack::pack(l.code()).into_iter().collect();
                Lexicon::build(l, &packs).expect("built-in packs compile")
            })
            .collect()
    });
    &all[Lang::ALL
        .iter()
        .position(|&l| l == lang)
        .expect("known language")]
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    #[test]
    fn every_language_compiles() {
        for lang in Lang::ALL {
            let lex = builtin(lang);
            assert!(!lex.canned.is_empty());
            assert!(lex.password.is_some());
        }
    }

    #[test]
    fn finnish_generic_words_and_compounds() {
        let lex = builtin(Lang::Fi);
        let re = lex.generic_word.as_ref().unwrap();
        for word in [
            "tuote",
            "tuotteen",
            "tuotteitamme",
            "tuotetta",
            "tuotteet",
            "palvelu",
            "palvelustamme",
            "palveluun",
            "tuotteesi",
            "palveluitamme",
            "tuotteessa",
        ] {
            assert!(re.is_match(word), "{word}");
        }
        for word in [
            "asiakaspalvelu",
            "tuotenumero",
            "tuottaa",
            "palvelija",
            "tuottaja",
        ] {
            assert!(!re.is_match(word), "{word}");
        }
    }

    #[test]
    fn extra_phrase_files_add_to_a_language() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("ours.toml");
        std::fs::write(
            &file,
            "lang = \"fi\"\n[canned]\nphrases = [\"kiitos asiakkuudestasi\"]\n",
        )
        .unwrap();
        let lexicons = with_extra_phrases(&[file]).unwrap();
        let fi = &lexicons[0];
        assert!(fi.canned.phrases().any(|p| p == "kiitos asiakkuudestasi"));
        assert!(fi.canned.len() > builtin(Lang::Fi).canned.len());
        let bad = dir.path().join("bad.toml");
        std::fs::write(&bad, "lang = \"fi\"\n[canned]\nphrasez = []\n").unwrap();
        let err = with_extra_phrases(&[bad]).unwrap_err();
        assert!(err.contains("bad.toml") && err.contains("phrasez"), "{err}");
    }

    #[test]
    fn extra_phrase_files_extend_the_advisory_lists() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("ours.toml");
        std::fs::write(
            &file,
            "lang = \"fi\"\n[advisory]\ncomplaint = [\"surkea palvelu\"]\n",
        )
        .unwrap();
        let lexicons = with_extra_phrases(&[file]).unwrap();
        let text = "Tämä on surkea palvelu.";
        assert!(lexicons[0].advisory.any("complaint", text));
        assert!(!builtin(Lang::Fi).advisory.any("complaint", text));
        // The built-in lists are still there.
        assert!(
            lexicons[0]
                .advisory
                .any("complaint", "En ole saanut pakettia.")
        );
    }

    #[test]
    fn pack_patterns_read_w_as_a_latin_word_character() {
        assert_eq!(
            latin_word_chars(r"\w{3,}(?:nne)|\\w|\b"),
            format!(r"{WORD_CHAR}{{3,}}(?:nne)|\\w|\b")
        );
        let re = patterns_regex("t", &[r"\w{3,}(?:esi|äsi)".to_string()])
            .unwrap()
            .unwrap();
        assert!(re.is_match("Tilauksesi on matkalla"));
        assert!(re.is_match("Tämä on lähettäjäsi… ei, älä."));
        assert!(!re.is_match("lähetesivu"));
    }

    #[test]
    fn phrase_notation() {
        let re = Regex::new(&phrase_regex("ohessa … liittyen")).unwrap();
        assert!(re.is_match("Ohessa tietoa tilaukseenne liittyen."));
        assert!(!re.is_match("Ohessa lasku. Tilaukseen liittyen"));
        let re = Regex::new(&phrase_regex("pahoittelemme aiheutunut* hait*")).unwrap();
        assert!(re.is_match("Pahoittelemme aiheutunutta haittaa"));
    }
}
