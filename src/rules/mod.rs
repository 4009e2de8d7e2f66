//! The rules: one file per rule, each a struct implementing [`Rule`], with
//! its documentation and tests beside it. [`REGISTRY`] lists them all.
//!
//! A rule looks only at the agent's own text (greeting, body, closing) and,
//! where it needs it, at the customer's message. It returns findings with
//! byte spans into the own text; line, column and excerpt follow from them.

pub mod advisory;
mod canned_phrase;
mod nameless_greeting;
mod no_greeting;
mod plaintext_password;
mod tone_mismatch;
mod unanswered_question;
mod vague_wording;

use std::ops::Range;

use serde::Serialize;

use crate::Message;
use crate::lang::Lang;
use crate::lang::lexicon::{self, Lexicon};
use crate::mail::Reply;

pub use plaintext_password::mask_secrets;
pub use unanswered_question::{Answer, Verdict};

/// A square of the bingo card.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Square {
    Greeting,
    Vague,
    Tone,
    Questions,
    Canned,
    Password,
}

impl Square {
    pub const ALL: [Square; 6] = [
        Square::Greeting,
        Square::Vague,
        Square::Tone,
        Square::Questions,
        Square::Canned,
        Square::Password,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Square::Greeting => "greeting",
            Square::Vague => "vague",
            Square::Tone => "tone",
            Square::Questions => "questions",
            Square::Canned => "canned",
            Square::Password => "password",
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn from_id(id: &str) -> Option<Square> {
        Square::ALL.into_iter().find(|s| s.id() == id)
    }

    /// The most points the square can give.
    pub fn max_points(self) -> u8 {
        if self == Square::Greeting { 2 } else { 1 }
    }

    /// Squares that need the customer's message to be judged.
    pub fn needs_customer(self) -> bool {
        matches!(self, Square::Tone | Square::Questions)
    }

    /// The square's title on the card, in English and Finnish.
    pub fn title(self, ui: UiLang) -> &'static str {
        match (self, ui) {
            (Square::Greeting, UiLang::En) => "Greeting",
            (Square::Greeting, UiLang::Fi) => "Tervehdys",
            (Square::Vague, UiLang::En) => "Vague wording",
            (Square::Vague, UiLang::Fi) => "Epämääräisyys",
            (Square::Tone, UiLang::En) => "Tone mismatch",
            (Square::Tone, UiLang::Fi) => "Väärä sävy",
            (Square::Questions, UiLang::En) => "Unanswered question",
            (Square::Questions, UiLang::Fi) => "Vastaamaton kysymys",
            (Square::Canned, UiLang::En) => "Canned phrase",
            (Square::Canned, UiLang::Fi) => "Fraasi",
            (Square::Password, UiLang::En) => "Password in clear",
            (Square::Password, UiLang::Fi) => "Salasana näkyvissä",
        }
    }
}

/// The language of bingo's own texts (card titles, rule docs, bands).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UiLang {
    #[default]
    En,
    Fi,
}

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// A square on the card.
    Warning,
    /// A password in clear text: fails CI whatever the score.
    Security,
}

/// One thing a rule found in a reply.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub rule: &'static str,
    pub square: Option<Square>,
    pub points: u8,
    pub severity: Severity,
    pub message: String,
    /// 1-based line and column in the message's text.
    pub line: usize,
    pub column: usize,
    pub excerpt: String,
    /// Byte range in the reply's own text.
    #[serde(skip)]
    pub span: Range<usize>,
    /// A secret the finding is about (a password value), never shown:
    /// masked in every text before any output.
    #[serde(skip)]
    pub secret: Option<String>,
}

impl Finding {
    /// An advisory finding: 0 points, no square, shown apart from the card.
    pub fn is_advisory(&self) -> bool {
        self.square.is_none() && self.severity == Severity::Warning
    }
}

/// Text in English and Finnish.
#[derive(Debug, Clone, Copy)]
pub struct Text {
    pub en: &'static str,
    pub fi: &'static str,
}

impl Text {
    pub fn get(&self, ui: UiLang) -> &'static str {
        match ui {
            UiLang::En => self.en,
            UiLang::Fi => self.fi,
        }
    }
}

/// A rule's documentation, with fixed headings (`bingo explain` prints it).
#[derive(Debug, Clone, Copy)]
pub struct RuleDoc {
    /// One line for `bingo rules`.
    pub summary: Text,
    /// What it flags.
    pub what: Text,
    /// Why it hurts the customer.
    pub why: Text,
    /// Bad examples (Finnish, English, Swedish).
    pub bad: &'static [&'static str],
    /// Good examples.
    pub good: &'static [&'static str],
}

/// Everything a rule may look at for one reply.
#[derive(Debug)]
pub struct Context<'a> {
    pub reply: &'a Reply,
    /// The whole text of the message, quotes included.
    pub text: &'a str,
    pub lang: Lang,
    pub lex: &'a Lexicon,
    /// The customer's message, when known.
    pub customer: Option<&'a str>,
    /// The names the customer goes by, best first.
    pub customer_names: &'a [String],
    /// Product and service names from the config.
    pub products: &'a [String],
    /// A reply template (placeholders stand for names and values).
    pub template: bool,
    /// Formal and informal address in the agent's voice, found once for
    /// the rules that need them ([`Context::formal_address`],
    /// [`Context::casual_address`]).
    address: Address,
    /// The password cues and values in the reply's own text, found once
    /// for the password rule and the vague-wording rule
    /// ([`Context::passwords`]).
    passwords: std::cell::OnceCell<Vec<(Range<usize>, Range<usize>)>>,
    /// Where the lines of the reply's own text start, and the last column
    /// worked out (its offset, its column): findings come mostly in order,
    /// so a reply of one huge line is not counted from its start for each.
    line_starts: std::cell::OnceCell<Vec<usize>>,
    column_memo: std::cell::Cell<(usize, usize)>,
}

/// Spans of formal and informal address, each found when first asked for.
#[derive(Debug, Default)]
pub(crate) struct Address {
    formal: std::cell::OnceCell<Vec<Range<usize>>>,
    casual: std::cell::OnceCell<Vec<Range<usize>>>,
}

impl Context<'_> {
    /// Where the agent's own voice starts: a help desk's banner line above
    /// the greeting is not it.
    pub fn voice_start(&self) -> usize {
        self.reply
            .greeting_text()
            .rfind('\n')
            .map_or(self.reply.greeting.start, |i| {
                self.reply.greeting.start + i + 1
            })
    }

    /// Formal address ("Te", "-nne", "voitteko") in the agent's voice:
    /// every span, exceptions left out.
    pub(crate) fn formal_address(&self) -> &[Range<usize>] {
        self.address.formal.get_or_init(|| {
            self.address_in(
                self.lex.formal_address.as_ref(),
                &self.lex.formal_exceptions,
            )
        })
    }

    /// Informal address ("sinä", "-si", "voitko") in the agent's voice:
    /// every span, exceptions left out.
    pub(crate) fn casual_address(&self) -> &[Range<usize>] {
        self.address.casual.get_or_init(|| {
            self.address_in(
                self.lex.casual_address.as_ref(),
                &self.lex.casual_exceptions,
            )
        })
    }

    /// Every password in the reply's own text: the span of its cue and
    /// value, and the span of the value (the same span for a template's
    /// password field).
    pub fn passwords(&self) -> &[(Range<usize>, Range<usize>)] {
        self.passwords
            .get_or_init(|| plaintext_password::find_passwords(self, &self.reply.own))
    }

    fn address_in(
        &self,
        re: Option<&crate::lang::fast_regex::FastRegex>,
        exceptions: &crate::lang::lexicon::WordSet,
    ) -> Vec<Range<usize>> {
        let from = self.voice_start();
        tone_mismatch::matches_except(re, exceptions, &self.reply.own[from..], from)
    }

    /// What [`Reply::line_col`](crate::mail::Reply::line_col) gives, in
    /// time that does not grow with the findings before it.
    fn line_col(&self, offset: usize) -> (usize, usize) {
        let own = &self.reply.own;
        let offset = crate::lang::text::clip(own, offset).len();
        let starts = self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(memchr::memchr_iter(b'\n', own.as_bytes()).map(|i| i + 1))
                .collect()
        });
        let own_line = starts.partition_point(|&s| s <= offset) - 1;
        let line_start = starts[own_line];
        let (memo_offset, memo_column) = self.column_memo.get();
        let column = if (line_start..=offset).contains(&memo_offset) {
            memo_column + own[memo_offset..offset].chars().count()
        } else {
            own[line_start..offset].chars().count() + 1
        };
        self.column_memo.set((offset, column));
        (self.reply.message_line(own_line), column)
    }

    /// A finding at `span` (bytes in the reply's own text).
    pub fn finding(&self, rule: &dyn Rule, span: Range<usize>, message: String) -> Finding {
        let (line, column) = self.line_col(span.start);
        let excerpt = excerpt(&self.reply.own, &span);
        Finding {
            rule: rule.id(),
            square: rule.square(),
            points: rule.points(),
            severity: rule.severity(),
            message,
            line,
            column,
            excerpt,
            span,
            secret: None,
        }
    }
}

/// The excerpt shown for a span: the span itself on one line, shortened.
fn excerpt(text: &str, span: &Range<usize>) -> String {
    let start = span.start.min(text.len());
    let end = span.end.clamp(start, text.len());
    let raw = text.get(start..end).unwrap_or_default();
    let one_line: String = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() > 120 {
        let short: String = one_line.chars().take(117).collect();
        format!("{short}…")
    } else {
        one_line
    }
}

/// A rule of the card.
pub trait Rule: Sync {
    /// The rule id: names the bad pattern, kebab-case, never reused.
    fn id(&self) -> &'static str;
    /// The square it scores; advisory rules have none.
    fn square(&self) -> Option<Square> {
        None
    }
    /// Points on the card; advisory rules score none.
    fn points(&self) -> u8 {
        0
    }
    fn severity(&self) -> Severity {
        Severity::Warning
    }
    fn doc(&self) -> &'static RuleDoc;
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>);
}

/// Every rule, alphabetical, one line each.
pub static REGISTRY: &[&dyn Rule] = &[
    &advisory::cancellation_steps::CancellationSteps,
    &canned_phrase::CannedPhrase,
    &advisory::echo_reply::EchoReply,
    &advisory::missing_apology::MissingApology,
    &advisory::mixed_address::MixedAddress,
    &nameless_greeting::NamelessGreeting,
    &no_greeting::NoGreeting,
    &advisory::no_reply::NoReply,
    &plaintext_password::PlaintextPassword,
    &advisory::reasked_info::ReaskedInfo,
    &advisory::slow_reply::SlowReply,
    &tone_mismatch::ToneMismatch,
    &unanswered_question::UnansweredQuestion,
    &advisory::unfilled_placeholder::UnfilledPlaceholder,
    &vague_wording::VagueWording,
];

/// The rule with this id.
pub fn by_id(id: &str) -> Option<&'static dyn Rule> {
    REGISTRY.iter().copied().find(|r| r.id() == id)
}

/// The id that selects every advisory rule at once (`--ignore advisory`).
pub const ADVISORY: &str = "advisory";

/// Does a `select`/`ignore` entry name this rule: its id, its square, or
/// `advisory` for a rule off the card?
fn rule_matches(rule: &dyn Rule, id: &str) -> bool {
    rule.id() == id
        || rule.square().is_some_and(|s| s.id() == id)
        || (id == ADVISORY && rule.square().is_none() && rule.severity() == Severity::Warning)
}

/// Which rules run.
#[derive(Debug, Clone)]
pub struct Selection {
    enabled: Vec<&'static str>,
}

impl Default for Selection {
    fn default() -> Self {
        Self {
            enabled: REGISTRY.iter().map(|r| r.id()).collect(),
        }
    }
}

impl Selection {
    /// `select` (empty: all) minus `ignore`. Unknown ids are an error.
    pub fn new(select: &[String], ignore: &[String]) -> Result<Self, String> {
        for id in select.iter().chain(ignore) {
            if by_id(id).is_none() && Square::from_id(id).is_none() && id != ADVISORY {
                return Err(format!(
                    "unknown rule `{id}` (known: {})",
                    REGISTRY
                        .iter()
                        .map(|r| r.id())
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
        }
        let enabled = REGISTRY
            .iter()
            .filter(|r| select.is_empty() || select.iter().any(|id| rule_matches(**r, id)))
            .filter(|r| !ignore.iter().any(|id| rule_matches(**r, id)))
            .map(|r| r.id())
            .collect();
        Ok(Self { enabled })
    }

    pub fn is_enabled(&self, id: &str) -> bool {
        self.enabled.contains(&id)
    }

    /// A square is judged when at least one of its rules runs.
    pub fn judges(&self, square: Square) -> bool {
        REGISTRY
            .iter()
            .any(|r| r.square() == Some(square) && self.is_enabled(r.id()))
    }
}

/// Rules ignored per file, by glob (the config's `per-file-ignores`).
#[derive(Debug, Clone, Default)]
pub struct PerFileIgnores {
    globs: Option<globset::GlobSet>,
    rules: Vec<Vec<String>>,
}

impl PerFileIgnores {
    /// Compiles `glob -> rules or squares`; errors name the bad glob or rule.
    pub fn new(map: &std::collections::BTreeMap<String, Vec<String>>) -> Result<Self, String> {
        let mut builder = globset::GlobSetBuilder::new();
        let mut rules = Vec::new();
        for (glob, ids) in map {
            Selection::new(ids, &[]).map_err(|e| format!("per-file-ignores `{glob}`: {e}"))?;
            let pattern = if glob.contains('/') {
                glob.clone()
            } else {
                format!("**/{glob}")
            };
            builder.add(
                globset::GlobBuilder::new(&pattern)
                    .literal_separator(false)
                    .build()
                    .map_err(|e| format!("per-file-ignores: bad glob `{glob}`: {e}"))?,
            );
            rules.push(ids.clone());
        }
        let globs = builder
            .build()
            .map_err(|e| format!("per-file-ignores: {e}"))?;
        Ok(Self {
            globs: Some(globs),
            rules,
        })
    }

    /// Is `rule` (in `square`) ignored for `file`?
    pub fn ignores(&self, file: &str, rule: &dyn Rule) -> bool {
        let Some(globs) = &self.globs else {
            return false;
        };
        let file = file.strip_prefix("./").unwrap_or(file);
        globs
            .matches(file)
            .into_iter()
            .any(|i| self.rules[i].iter().any(|id| rule_matches(rule, id)))
    }
}

/// Settings for linting.
#[derive(Debug, Clone, Default)]
pub struct LintSettings {
    pub selection: Selection,
    pub products: Vec<String>,
    pub template: bool,
    pub per_file_ignores: PerFileIgnores,
    /// Lexicons with extra phrase files (`None`: the built-in ones).
    pub lexicons: Option<std::sync::Arc<Vec<Lexicon>>>,
}

impl LintSettings {
    pub fn lexicon(&self, lang: Lang) -> &Lexicon {
        match &self.lexicons {
            Some(all) => &all[Lang::ALL.iter().position(|&l| l == lang).unwrap_or(0)],
            None => lexicon::builtin(lang),
        }
    }
}

/// Runs every enabled rule on one message. Returns the findings in text
/// order and which squares apply; masks any password found in the
/// message's texts, so nothing downstream can print it.
pub fn lint(message: &mut Message, settings: &LintSettings) -> (Vec<Finding>, [bool; 6]) {
    let mut findings = Vec::new();
    let (applicable, signature_secrets) = {
        let ctx = Context::of(message, settings);
        // Whatever the selection: no output may show a password.
        let signature_secrets = plaintext_password::signature_secrets(&ctx);
        let own_text = !message.reply.own.trim().is_empty();
        // A template that is only placeholders (its text lives elsewhere)
        // can only be judged for the password square.
        let own_words = !settings.template || crate::mail::split::has_words(&message.reply.own);
        let judges = |square: Option<Square>| own_words || square == Some(Square::Password);
        for rule in REGISTRY {
            if !settings.selection.is_enabled(rule.id())
                || settings.per_file_ignores.ignores(&message.file, *rule)
            {
                continue;
            }
            if rule.square().is_some_and(Square::needs_customer) && ctx.customer.is_none() {
                continue;
            }
            if !own_text || !judges(rule.square()) {
                continue;
            }
            rule.check(&ctx, &mut findings);
        }
        let mut applicable = [false; 6];
        for square in Square::ALL {
            let judged = REGISTRY.iter().any(|r| {
                r.square() == Some(square)
                    && settings.selection.is_enabled(r.id())
                    && !settings.per_file_ignores.ignores(&message.file, *r)
            });
            applicable[square.index()] = own_text
                && judged
                && judges(Some(square))
                && (!square.needs_customer() || ctx.customer.is_some());
        }
        (applicable, signature_secrets)
    };
    findings.sort_by_key(|f| (f.span.start, f.rule));
    mask_secrets(message, &mut findings, &signature_secrets);
    (findings, applicable)
}

/// The customer's questions, each with how the reply meets it (for
/// `bingo show`); empty without a customer message or a reply.
pub fn question_verdicts(message: &Message, settings: &LintSettings) -> Vec<Verdict> {
    let ctx = Context::of(message, settings);
    if ctx.reply.own.trim().is_empty() {
        return Vec::new();
    }
    unanswered_question::judge(&ctx)
}

/// Bytes of the customer's message the rules read: its questions and its
/// tone are in the first pages, and a customer "message" of megabytes (a
/// whole thread pasted in, a log) must not make the rules slow.
pub const MAX_CUSTOMER_BYTES: usize = 64 * 1024;

/// `text` up to `max` bytes, cut at the last line break before the limit
/// (at a character boundary when there is none).
fn clipped(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let cut = crate::lang::text::clip(text, max);
    cut.rfind('\n').map_or(cut, |at| &cut[..at])
}

impl<'a> Context<'a> {
    /// The context the rules see for a message.
    fn of(message: &'a Message, settings: &'a LintSettings) -> Self {
        let lang = message.language.unwrap_or(Lang::Fi);
        Context {
            reply: &message.reply,
            text: &message.mail.text,
            lang,
            lex: settings.lexicon(lang),
            customer: message
                .customer
                .as_ref()
                .map(|c| clipped(&c.text, MAX_CUSTOMER_BYTES))
                .filter(|t| !t.trim().is_empty()),
            customer_names: &message.customer_names,
            products: &settings.products,
            template: settings.template,
            address: Address::default(),
            passwords: std::cell::OnceCell::new(),
            line_starts: std::cell::OnceCell::new(),
            column_memo: std::cell::Cell::new((usize::MAX, 0)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The context's line and column are the reply's, whatever order the
    /// offsets come in.
    #[test]
    fn line_and_column_match_the_replys() {
        let case = tests_support::Case::fi("Hei Anna,\n\nääkköset ja rivit\ntoinen rivi\n\nloppu");
        let message = case.message();
        let settings = LintSettings::default();
        let ctx = Context::of(&message, &settings);
        let own = &message.reply.own;
        let offsets: Vec<usize> = (0..=own.len())
            .filter(|&i| own.is_char_boundary(i))
            .collect();
        for &at in offsets
            .iter()
            .chain(offsets.iter().rev())
            .chain(offsets.iter().step_by(3))
        {
            assert_eq!(ctx.line_col(at), message.reply.line_col(at), "offset {at}");
        }
    }

    #[test]
    fn the_customer_text_is_clipped_at_a_line_break() {
        assert_eq!(clipped("lyhyt", 10), "lyhyt");
        assert_eq!(clipped("yksi\nkaksi\nkolme", 12), "yksi\nkaksi");
        // No line break: at a character boundary ("ä" is two bytes).
        assert_eq!(clipped("ääää", 5), "ää");
    }

    #[test]
    fn registry_is_alphabetical_and_ids_are_unique() {
        let ids: Vec<&str> = REGISTRY.iter().map(|r| r.id()).collect();
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(ids, sorted);
    }

    #[test]
    fn every_rule_is_documented_in_both_languages() {
        for rule in REGISTRY {
            let doc = rule.doc();
            for text in [doc.summary, doc.what, doc.why] {
                assert!(
                    !text.en.trim().is_empty(),
                    "{}: English text missing",
                    rule.id()
                );
                assert!(
                    !text.fi.trim().is_empty(),
                    "{}: Finnish text missing",
                    rule.id()
                );
            }
            assert!(!doc.bad.is_empty(), "{}: no bad example", rule.id());
            assert!(!doc.good.is_empty(), "{}: no good example", rule.id());
        }
    }

    #[test]
    fn every_pack_example_runs() {
        use tests_support::{Case, findings};
        for pack in crate::lang::pack::builtin() {
            let Some(lang) = Lang::from_code(&pack.lang) else {
                continue;
            };
            assert!(!pack.examples.is_empty(), "{}: no examples", pack.lang);
            for example in &pack.examples {
                let square = Square::from_id(&example.square).unwrap_or_else(|| {
                    panic!("{}: unknown square `{}`", pack.lang, example.square)
                });
                let case = |text: &str| {
                    let mut case = Case::new(lang, text);
                    case.customer.clone_from(&example.customer);
                    case
                };
                let hit = |text: &str| {
                    findings(&case(text))
                        .iter()
                        .any(|f| f.square == Some(square))
                };
                assert!(
                    hit(&example.bad),
                    "{}: bad example does not hit {}: {}",
                    pack.lang,
                    square.id(),
                    example.bad
                );
                assert!(
                    !hit(&example.good),
                    "{}: good example hits {}: {}",
                    pack.lang,
                    square.id(),
                    example.good
                );
            }
            let covered: Vec<&str> = pack.examples.iter().map(|e| e.square.as_str()).collect();
            for square in Square::ALL {
                assert!(
                    covered.contains(&square.id()),
                    "{}: no example for {}",
                    pack.lang,
                    square.id()
                );
            }
        }
    }

    #[test]
    fn per_file_ignores_by_glob() {
        let mut map = std::collections::BTreeMap::new();
        map.insert("legacy/*.txt".to_string(), vec!["canned".to_string()]);
        map.insert("*.po".to_string(), vec!["no-greeting".to_string()]);
        let ignores = PerFileIgnores::new(&map).unwrap();
        let canned = by_id("canned-phrase").unwrap();
        let greeting = by_id("no-greeting").unwrap();
        assert!(ignores.ignores("legacy/old.txt", canned));
        assert!(ignores.ignores("./legacy/old.txt", canned));
        assert!(!ignores.ignores("new/old.txt", canned));
        assert!(ignores.ignores("locale/fi/mail.po", greeting));
        assert!(!ignores.ignores("locale/fi/mail.po", canned));
        map.insert("x".to_string(), vec!["nope".to_string()]);
        assert!(PerFileIgnores::new(&map).unwrap_err().contains("nope"));
    }

    #[test]
    fn selection_by_rule_and_square() {
        let s = Selection::new(&[], &["canned-phrase".into()]).unwrap();
        assert!(!s.is_enabled("canned-phrase"));
        assert!(s.is_enabled("no-greeting"));
        let s = Selection::new(&["greeting".into()], &[]).unwrap();
        assert!(s.is_enabled("no-greeting") && s.is_enabled("nameless-greeting"));
        assert!(!s.judges(Square::Canned));
        assert!(Selection::new(&["no-such-rule".into()], &[]).is_err());
        let s = Selection::new(&[], &["advisory".into()]).unwrap();
        assert!(!s.is_enabled("no-reply") && !s.is_enabled("echo-reply"));
        assert!(s.is_enabled("plaintext-password") && s.is_enabled("no-greeting"));
        let s = Selection::new(&["advisory".into()], &[]).unwrap();
        assert!(s.is_enabled("mixed-address") && !s.is_enabled("canned-phrase"));
    }
}

/// Building replies for rule tests.
#[cfg(test)]
pub(crate) mod tests_support {
    use std::sync::Arc;

    use super::{Finding, LintSettings, lint};
    use crate::Message;
    use crate::lang::Lang;
    use crate::mail::{CustomerMessage, CustomerSource, Mail, MessageKind, split_reply};

    /// A reply to lint, with the context a test gives it.
    #[derive(Debug, Clone)]
    pub struct Case {
        pub lang: Lang,
        pub reply: String,
        pub customer: Option<String>,
        pub names: Vec<String>,
        pub products: Vec<String>,
        pub template: bool,
    }

    impl Case {
        pub fn new(lang: Lang, reply: &str) -> Self {
            Case {
                lang,
                reply: reply.to_string(),
                customer: None,
                names: vec!["Anna Virtanen".to_string()],
                products: Vec::new(),
                template: false,
            }
        }
        pub fn fi(reply: &str) -> Self {
            Case::new(Lang::Fi, reply)
        }
        pub fn en(reply: &str) -> Self {
            Case::new(Lang::En, reply)
        }
        pub fn sv(reply: &str) -> Self {
            Case::new(Lang::Sv, reply)
        }
        pub fn customer(mut self, text: &str) -> Self {
            self.customer = Some(text.to_string());
            self
        }
        pub fn names(mut self, names: &[&str]) -> Self {
            self.names = names.iter().map(ToString::to_string).collect();
            self
        }
        pub fn products(mut self, products: &[&str]) -> Self {
            self.products = products.iter().map(ToString::to_string).collect();
            self
        }
        pub fn template(mut self) -> Self {
            self.template = true;
            self
        }

        pub fn message(&self) -> Message {
            Message {
                file: Arc::from("test"),
                index: 0,
                mail: Mail {
                    text: self.reply.clone(),
                    ..Mail::default()
                },
                reply: split_reply(&self.reply),
                kind: MessageKind::Reply,
                language: Some(self.lang),
                customer: self.customer.as_ref().map(|text| CustomerMessage {
                    text: text.clone(),
                    from: None,
                    signoff: None,
                    source: CustomerSource::Quote,
                }),
                customer_names: self.names.clone(),
            }
        }
    }

    /// All findings for a case.
    pub fn findings(case: &Case) -> Vec<Finding> {
        let mut message = case.message();
        let settings = LintSettings {
            products: case.products.clone(),
            template: case.template,
            ..LintSettings::default()
        };
        lint(&mut message, &settings).0
    }

    /// Does the rule hit the case?
    pub fn hits(case: &Case, rule: &str) -> bool {
        findings(case).iter().any(|f| f.rule == rule)
    }
}
