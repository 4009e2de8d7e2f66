//! autoreply-bingo: a linter for customer-service email replies.
//!
//! Data flows one way: [`input`] finds and streams raw messages, [`mail`]
//! decodes and splits each into a [`Message`], [`rules`] look at it, [`score`]
//! turns findings into cards, and [`report`] writes them out. The library
//! never prints; the binary does.

pub mod baseline;
pub mod breakdown;
pub mod cli;
pub mod config;
pub mod input;
pub mod lang;
pub mod mail;
pub mod pipeline;
pub mod progress;
pub mod redact;
pub mod report;
pub mod rules;
pub mod score;
pub mod threads;

use std::path::PathBuf;
use std::sync::Arc;

use input::{InputError, RawMessage};
use lang::Lang;
use mail::{Agents, CustomerMessage, Mail, MessageKind, Reply, ThreadIndex};
use rules::{Finding, LintSettings, Severity};
use score::{Card, Mailbox};

/// One message read from the input, decoded, split and put in context.
#[derive(Debug, Clone)]
pub struct Message {
    /// The file it came from, as the user named it (`-` for stdin).
    pub file: Arc<str>,
    /// 0-based position in its file.
    pub index: usize,
    pub mail: Mail,
    pub reply: Reply,
    pub kind: MessageKind,
    pub language: Option<Lang>,
    /// The message this one answers, when it can be found.
    pub customer: Option<CustomerMessage>,
    /// The names the customer goes by, best first.
    pub customer_names: Vec<String>,
}

impl Message {
    /// A message as its headers and kind alone make it: no reply split,
    /// no language, no customer message found yet.
    pub fn without_context(file: Arc<str>, index: usize, mail: Mail, kind: MessageKind) -> Message {
        Message {
            file,
            index,
            mail,
            reply: Reply::default(),
            kind,
            language: None,
            customer: None,
            customer_names: Vec::new(),
        }
    }
}

/// How messages are read and put in context.
#[derive(Debug, Clone, Default)]
pub struct ReadSettings {
    pub agents: Agents,
    /// A language forced by the user instead of detection.
    pub lang: Option<Lang>,
    /// Counts bytes and messages read, for a progress bar.
    pub progress: Option<Arc<progress::Progress>>,
    /// Worker threads for decoding and linting: 0 is every core, 1 runs
    /// everything on the caller's thread. The output is the same.
    pub threads: usize,
}

/// What reading the inputs produced besides the messages.
#[derive(Debug, Default)]
pub struct ReadSummary {
    pub messages: usize,
    /// Files found while walking folders that were not mail.
    pub skipped: usize,
    pub errors: input::Errors,
}

/// Turns one raw message into a [`Message`], using and feeding the thread
/// index so that later replies can find the messages they answer.
pub fn analyse(
    file: &Arc<str>,
    raw: &RawMessage,
    settings: &ReadSettings,
    threads: &mut ThreadIndex,
) -> Result<Message, InputError> {
    let decoded = pipeline::decode_and_split(file, raw)?;
    Ok(pipeline::contextualise(file, decoded, settings, threads))
}

/// Reads every input in order and hands each message on. Problems with one
/// input are collected and the others are still read.
pub fn read_inputs(
    paths: &[PathBuf],
    settings: &ReadSettings,
    on_message: &mut dyn FnMut(Message),
) -> ReadSummary {
    pipeline::run(paths, settings, &|message| message, on_message)
}

/// A message after linting: its findings and card.
#[derive(Debug, Clone)]
pub struct LintedMessage {
    pub message: Message,
    pub findings: Vec<Finding>,
    pub card: Card,
}

impl LintedMessage {
    pub fn has_security_finding(&self) -> bool {
        self.findings
            .iter()
            .any(|f| f.severity == Severity::Security)
    }
}

/// Settings for `bingo check`.
#[derive(Debug, Clone)]
pub struct CheckSettings {
    pub read: ReadSettings,
    pub lint: LintSettings,
    /// Lint every message, customer messages too.
    pub all: bool,
    /// A message scoring above this fails the run.
    pub max_score: u8,
    /// The fraction of messages that must hit a square for the mailbox card.
    pub square_threshold: f64,
    /// How many of the worst messages the summary keeps.
    pub worst: usize,
    /// Findings already known: not reported, not scored.
    pub baseline: Option<std::sync::Arc<std::sync::Mutex<baseline::Baseline>>>,
    /// How `no-reply` and `slow-reply` are judged.
    pub threads: threads::ThreadSettings,
}

impl Default for CheckSettings {
    fn default() -> Self {
        Self {
            read: ReadSettings::default(),
            lint: LintSettings::default(),
            all: false,
            max_score: 0,
            square_threshold: 0.10,
            worst: 5,
            baseline: None,
            threads: threads::ThreadSettings::default(),
        }
    }
}

/// One of the worst replies, for the summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorstMessage {
    pub score: u8,
    pub file: Arc<str>,
    pub index: usize,
    pub from: String,
    pub subject: String,
}

/// What a whole run found: running counts, never the messages themselves.
#[derive(Debug, Default)]
pub struct Summary {
    /// Every message read.
    pub messages: usize,
    pub mailbox: Mailbox,
    pub square_threshold: f64,
    pub max_score: u8,
    /// Replies scoring above `max_score`.
    pub over_max: usize,
    pub security_findings: usize,
    pub skipped: usize,
    pub errors: input::Errors,
    /// The worst replies, worst first (ties in input order).
    pub worst: Vec<WorstMessage>,
    /// Counts per agent and per month.
    pub breakdowns: breakdown::Breakdowns,
    /// Advisory findings (0 points, off the card) per rule, and the threads.
    pub advisory: threads::AdvisorySummary,
}

impl Summary {
    /// The mailbox card at the run's threshold.
    pub fn card(&self) -> Card {
        self.mailbox.card(self.square_threshold)
    }

    /// Adds one linted message to the running counts.
    pub fn record(&mut self, linted: &LintedMessage, settings: &CheckSettings) {
        self.mailbox.add(&linted.card);
        self.breakdowns.add(linted);
        if linted.card.score() > settings.max_score {
            self.over_max += 1;
        }
        self.security_findings += linted
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Security)
            .count();
        self.keep_worst(linted, settings.worst);
        self.advisory.record(&linted.findings);
    }

    fn keep_worst(&mut self, linted: &LintedMessage, limit: usize) {
        let score = linted.card.score();
        if score == 0 || limit == 0 {
            return;
        }
        if self.worst.len() >= limit && self.worst.last().is_some_and(|w| w.score >= score) {
            return;
        }
        let mail = &linted.message.mail;
        let entry = WorstMessage {
            score,
            file: Arc::clone(&linted.message.file),
            index: linted.message.index,
            from: mail
                .from
                .as_ref()
                .map(mail::Person::display)
                .unwrap_or_default(),
            subject: mail.subject.clone().unwrap_or_default(),
        };
        let at = self
            .worst
            .iter()
            .position(|w| w.score < score)
            .unwrap_or(self.worst.len());
        self.worst.insert(at, entry);
        self.worst.truncate(limit);
    }
}

/// Masks any password value in a message's texts without linting it
/// otherwise (for `bingo show` and other outputs of raw text).
pub fn mask_passwords(message: &mut Message) {
    static ONLY_PASSWORDS: std::sync::OnceLock<LintSettings> = std::sync::OnceLock::new();
    let settings = ONLY_PASSWORDS.get_or_init(|| LintSettings {
        selection: rules::Selection::new(&["plaintext-password".to_string()], &[])
            .expect("known rule"),
        ..LintSettings::default()
    });
    rules::lint(message, settings);
}

fn apply_baseline(settings: &CheckSettings, linted: &mut LintedMessage) {
    if let Some(baseline) = &settings.baseline {
        baseline
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .filter(linted);
    }
}

/// Lints one message (a reply, or any message with `all`).
pub fn lint_message(mut message: Message, settings: &LintSettings) -> LintedMessage {
    let (findings, applicable) = rules::lint(&mut message, settings);
    let card = Card::from_findings(&findings, applicable);
    LintedMessage {
        message,
        findings,
        card,
    }
}

/// What the workers make of one message.
#[allow(clippy::large_enum_variant)] // both are big, and live one batch long
enum Checked {
    /// A reply (or any message with `--all`), linted.
    Linted(LintedMessage),
    /// A customer message: context only.
    Context(Message),
}

/// Reads every input, lints the replies and hands each on in input order;
/// returns the summary. Customer messages are read (they give context) but
/// not linted unless `settings.all`.
pub fn check_inputs(
    paths: &[PathBuf],
    settings: &CheckSettings,
    on_linted: &mut dyn FnMut(&LintedMessage),
) -> Summary {
    let mut summary = Summary {
        square_threshold: settings.square_threshold,
        max_score: settings.max_score,
        ..Summary::default()
    };
    let track = threads::thread_rules_enabled(&settings.lint.selection);
    let mut tracker = threads::ThreadTracker::default();
    // Customer messages are not linted, but the thread tracker sees every
    // message, in input order.
    let work = |message: Message| {
        if message.kind == MessageKind::Reply || settings.all {
            Checked::Linted(lint_message(message, &settings.lint))
        } else {
            Checked::Context(message)
        }
    };
    let read = pipeline::run(paths, &settings.read, &work, &mut |checked| match checked {
        Checked::Linted(mut linted) => {
            if track {
                tracker.add(&linted.message);
            }
            apply_baseline(settings, &mut linted);
            summary.record(&linted, settings);
            on_linted(&linted);
        }
        Checked::Context(message) => {
            if track {
                tracker.add(&message);
            }
        }
    });
    summary.messages = read.messages;
    summary.skipped = read.skipped;
    summary.errors = read.errors;
    summary.advisory.threads = track
        .then(|| tracker.finish(&settings.threads))
        .and_then(|t| t.selected(&settings.lint.selection, &settings.lint.per_file_ignores));
    summary
}

/// Judges a piece of an email without the greeting square: a paragraph
/// from a string catalog has no greeting of its own to give.
fn without_greeting(linted: &mut LintedMessage) {
    linted
        .findings
        .retain(|f| f.square != Some(rules::Square::Greeting));
    let applicable =
        rules::Square::ALL.map(|s| s != rules::Square::Greeting && linted.card.get(s).is_some());
    linted.card = Card::from_findings(&linted.findings, applicable);
}

/// Is a file found while walking a folder a template file, by extension?
fn template_candidate(path: &std::path::Path) -> bool {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    input::template::MARKUP_EXTENSIONS.contains(&ext.as_str())
        || matches!(ext.as_str(), "po" | "json" | "csv" | "tsv")
}

/// Lints reply templates (`bingo template`): every template text is linted
/// as a reply without a customer message, placeholders understood;
/// findings point at the template file's own lines.
pub fn template_inputs(
    paths: &[PathBuf],
    settings: &CheckSettings,
    options: &input::template::TemplateOptions,
    on_linted: &mut dyn FnMut(&LintedMessage),
) -> Summary {
    let discovery = input::discover(paths);
    let mut summary = Summary {
        square_threshold: settings.square_threshold,
        max_score: settings.max_score,
        skipped: discovery.skipped,
        errors: discovery.errors,
        ..Summary::default()
    };
    let lint = LintSettings {
        template: true,
        ..settings.lint.clone()
    };
    for source in &discovery.sources {
        let input::Source::File { path, explicit } = source else {
            summary.errors.push(InputError::new(
                "-",
                "templates are read from files, not stdin",
            ));
            continue;
        };
        if !explicit && !template_candidate(path) {
            summary.skipped += 1;
            continue;
        }
        let templates = match input::template::read_templates(path, options) {
            Ok(templates) => templates,
            Err(_) if !explicit => {
                // A JSON or CSV file in a walked folder that is not an export.
                summary.skipped += 1;
                continue;
            }
            Err(err) => {
                summary.errors.push(err);
                continue;
            }
        };
        let file: Arc<str> = Arc::from(source.display_name());
        for template in templates {
            summary.messages += 1;
            let reply = mail::split_reply(&template.text);
            let language = settings.read.lang.or_else(|| lang::detect(&reply.own));
            let mail = Mail {
                subject: template.name.clone(),
                text: template.text.clone(),
                ..Mail::default()
            };
            let message = Message {
                reply,
                language,
                ..Message::without_context(
                    Arc::clone(&file),
                    template.index,
                    mail,
                    MessageKind::Reply,
                )
            };
            let mut linted = lint_message(message, &lint);
            if template.fragment {
                without_greeting(&mut linted);
            }
            for finding in &mut linted.findings {
                (finding.line, finding.column) =
                    template.file_position(finding.line, finding.column);
            }
            apply_baseline(settings, &mut linted);
            summary.record(&linted, settings);
            on_linted(&linted);
        }
    }
    summary
}
