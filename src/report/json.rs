//! `--format json` and `ndjson`: the JSON contract of SPEC.md.
//!
//! `json` writes one document `{"version", "messages", "summary", "errors"}`
//! streamed message by message; `ndjson` writes each message object on its
//! own line, then the summary line (with the errors inside it).

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::marker::PhantomData;

use serde::Serialize;

use super::Reporter;
use crate::breakdown::Group;
use crate::rules::{Finding, Square};
use crate::score::{Card, Mailbox};
use crate::threads::{CustomerMail, SlowReply, ThreadSummary};
use crate::{LintedMessage, Summary};

/// Squares by id, in card order, points or null.
fn squares(card: &Card) -> serde_json::Map<String, serde_json::Value> {
    Square::ALL
        .iter()
        .map(|&s| {
            (
                s.id().to_string(),
                card.get(s).map_or(serde_json::Value::Null, Into::into),
            )
        })
        .collect()
}

#[derive(Serialize)]
struct MessageJson<'a> {
    file: &'a str,
    index: usize,
    message_id: Option<&'a str>,
    from: Option<String>,
    to: Option<String>,
    date: Option<&'a str>,
    subject: Option<&'a str>,
    kind: &'static str,
    language: Option<&'static str>,
    score: u8,
    band: &'static str,
    squares: serde_json::Map<String, serde_json::Value>,
    findings: &'a [Finding],
}

impl<'a> MessageJson<'a> {
    fn new(linted: &'a LintedMessage) -> Self {
        let message = &linted.message;
        let mail = &message.mail;
        let to = mail
            .to
            .iter()
            .map(crate::mail::Person::display)
            .collect::<Vec<_>>()
            .join(", ");
        MessageJson {
            file: &message.file,
            index: message.index,
            message_id: mail.message_id.as_deref(),
            from: mail.from.as_ref().map(crate::mail::Person::display),
            to: (!to.is_empty()).then_some(to),
            date: mail.date.as_deref(),
            subject: mail.subject.as_deref(),
            kind: message.kind.as_str(),
            language: message.language.map(crate::lang::Lang::code),
            score: linted.card.score(),
            band: linted.card.band().id(),
            squares: squares(&linted.card),
            findings: &linted.findings,
        }
    }
}

#[derive(Serialize)]
struct WorstJson<'a> {
    file: &'a str,
    index: usize,
    score: u8,
    from: &'a str,
    subject: &'a str,
}

#[derive(Serialize)]
struct ErrorJson<'a> {
    file: &'a str,
    message: &'a str,
}

/// The summary object, serialised straight to the output: a mailbox of a
/// million messages lists thousands of thread findings, and a
/// `serde_json::Value` tree of them would cost tens of MB.
#[derive(Serialize)]
struct SummaryJson<'a> {
    messages: usize,
    replies: usize,
    mean_score: f64,
    squares: serde_json::Map<String, serde_json::Value>,
    card: serde_json::Value,
    score: u8,
    band: &'static str,
    square_threshold: f64,
    distribution: &'a [usize],
    worst: Vec<WorstJson<'a>>,
    skipped: usize,
    agents: GroupsJson<'a>,
    months: GroupsJson<'a>,
    advisory: AdvisoryJson<'a>,
    /// Errors past the ones listed under `errors` (only when there are).
    #[serde(skip_serializing_if = "is_zero")]
    errors_omitted: usize,
}

#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_zero(n: &usize) -> bool {
    *n == 0
}

fn summary_json(summary: &Summary) -> SummaryJson<'_> {
    let card = summary.card();
    let mailbox = &summary.mailbox;
    SummaryJson {
        messages: summary.messages,
        replies: mailbox.replies,
        mean_score: (mailbox.mean_score() * 100.0).round() / 100.0,
        squares: square_counts(mailbox),
        card: squares_of(&card),
        score: card.score(),
        band: card.band().id(),
        square_threshold: summary.square_threshold,
        distribution: &mailbox.distribution,
        worst: summary
            .worst
            .iter()
            .map(|w| WorstJson {
                file: &w.file,
                index: w.index,
                score: w.score,
                from: &w.from,
                subject: &w.subject,
            })
            .collect(),
        skipped: summary.skipped,
        agents: GroupsJson {
            groups: &summary.breakdowns.agents,
            named: true,
        },
        months: GroupsJson {
            groups: &summary.breakdowns.months,
            named: false,
        },
        advisory: AdvisoryJson {
            findings: &summary.advisory.findings,
            threads: summary.advisory.threads.as_ref().map(threads_json),
        },
        errors_omitted: summary.errors.omitted(),
    }
}

/// The advisory side of the summary: per-rule counts of per-message
/// advisory findings, and the threads (null for templates).
#[derive(Serialize)]
struct AdvisoryJson<'a> {
    findings: &'a BTreeMap<&'static str, usize>,
    threads: Option<ThreadsJson<'a>>,
}

#[derive(Serialize)]
struct ThreadsJson<'a> {
    customer_messages: usize,
    answered: usize,
    unanswered: Option<usize>,
    reply_within_seconds: u64,
    business_hours: Option<String>,
    reply_times: ReplyTimesJson<'a>,
    no_reply: Streamed<'a, CustomerMail>,
    slow_reply: Streamed<'a, SlowReply>,
    incomplete: bool,
}

#[derive(Serialize)]
struct ReplyTimesJson<'a> {
    replies: usize,
    median_seconds: Option<f64>,
    p90_seconds: Option<u64>,
    agents: Vec<AgentTimesJson<'a>>,
}

#[derive(Serialize)]
struct AgentTimesJson<'a> {
    agent: &'a str,
    replies: usize,
    median_seconds: Option<f64>,
    p90_seconds: Option<u64>,
}

fn threads_json(t: &ThreadSummary) -> ThreadsJson<'_> {
    ThreadsJson {
        customer_messages: t.customer_messages,
        answered: t.answered,
        unanswered: t.no_reply_checked.then_some(t.no_reply_count()),
        reply_within_seconds: t.reply_within,
        business_hours: t.business_hours.map(|b| b.to_string()),
        reply_times: ReplyTimesJson {
            replies: t.overall.replies,
            median_seconds: t.overall.median_seconds,
            p90_seconds: t.overall.p90_seconds,
            agents: t
                .agents
                .iter()
                .map(|(agent, times)| AgentTimesJson {
                    agent,
                    replies: times.replies,
                    median_seconds: times.median_seconds,
                    p90_seconds: times.p90_seconds,
                })
                .collect(),
        },
        no_reply: Streamed {
            summary: t,
            items: PhantomData,
        },
        slow_reply: Streamed {
            summary: t,
            items: PhantomData,
        },
        incomplete: t.incomplete,
    }
}

/// A thread-level advisory finding in the shape of the contract's findings
/// (`"square": null, "points": 0`), with where it is.
#[derive(Serialize)]
struct ThreadFinding<D: Serialize> {
    rule: &'static str,
    square: Option<Square>,
    points: u8,
    severity: &'static str,
    message: String,
    #[serde(flatten)]
    details: D,
}

/// What a thread finding is about, and how the finding reads.
trait ThreadItem: Serialize + Sized {
    const RULE: &'static str;
    fn message(&self, summary: &ThreadSummary) -> String;
    /// The summary's list of these, made one by one.
    fn listed(summary: &ThreadSummary) -> impl Iterator<Item = Self> + '_;
}

impl ThreadItem for CustomerMail {
    const RULE: &'static str = "no-reply";
    fn message(&self, _: &ThreadSummary) -> String {
        self.no_reply_message()
    }
    fn listed(summary: &ThreadSummary) -> impl Iterator<Item = Self> + '_ {
        summary.no_reply()
    }
}

impl ThreadItem for SlowReply {
    const RULE: &'static str = "slow-reply";
    fn message(&self, summary: &ThreadSummary) -> String {
        SlowReply::message(self, summary)
    }
    fn listed(summary: &ThreadSummary) -> impl Iterator<Item = Self> + '_ {
        summary.slow_reply()
    }
}

/// A list of thread findings made and written one by one as they are
/// serialised.
struct Streamed<'a, T> {
    summary: &'a ThreadSummary,
    items: PhantomData<T>,
}

impl<T: ThreadItem> Serialize for Streamed<'_, T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(T::listed(self.summary).map(|item| {
            let message = item.message(self.summary);
            ThreadFinding {
                rule: T::RULE,
                square: None,
                points: 0,
                severity: "warning",
                message,
                details: item,
            }
        }))
    }
}

/// Hits and applicable messages per square.
fn square_counts(mailbox: &Mailbox) -> serde_json::Map<String, serde_json::Value> {
    Square::ALL
        .iter()
        .map(|&s| {
            let count = mailbox.counts[s.index()];
            (
                s.id().to_string(),
                serde_json::json!({"hits": count.hits, "applicable": count.applicable}),
            )
        })
        .collect()
}

/// `{"key": {"name"?, "replies", "mean_score", "squares"}}` per agent or
/// month, written group by group.
struct GroupsJson<'a> {
    groups: &'a BTreeMap<String, Group>,
    named: bool,
}

#[derive(Serialize)]
struct GroupJson<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    replies: usize,
    mean_score: f64,
    squares: serde_json::Map<String, serde_json::Value>,
}

impl Serialize for GroupsJson<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.groups.iter().map(|(key, group)| {
            let value = GroupJson {
                name: self.named.then_some(group.name.as_str()),
                replies: group.mailbox.replies,
                mean_score: (group.mailbox.mean_score() * 100.0).round() / 100.0,
                squares: square_counts(&group.mailbox),
            };
            (key, value)
        }))
    }
}

fn squares_of(card: &Card) -> serde_json::Value {
    serde_json::Value::Object(squares(card))
}

fn errors_value(summary: &Summary) -> serde_json::Value {
    serde_json::to_value(
        summary
            .errors
            .iter()
            .map(|e| ErrorJson {
                file: &e.file,
                message: &e.message,
            })
            .collect::<Vec<_>>(),
    )
    .unwrap_or_default()
}

/// The whole-document JSON report.
#[derive(Debug)]
pub struct JsonReporter<W: Write> {
    out: W,
    count: usize,
}

impl<W: Write> JsonReporter<W> {
    pub fn new(out: W) -> Self {
        Self { out, count: 0 }
    }
}

impl<W: Write> Reporter for JsonReporter<W> {
    fn message(&mut self, linted: &LintedMessage) -> io::Result<()> {
        if self.count == 0 {
            self.out.write_all(b"{\"version\":1,\"messages\":[\n")?;
        } else {
            self.out.write_all(b",\n")?;
        }
        serde_json::to_writer(&mut self.out, &MessageJson::new(linted))?;
        self.count += 1;
        Ok(())
    }

    fn finish(&mut self, summary: &Summary) -> io::Result<()> {
        if self.count == 0 {
            self.out.write_all(b"{\"version\":1,\"messages\":[")?;
        }
        self.out.write_all(b"],\n\"summary\":")?;
        serde_json::to_writer(&mut self.out, &summary_json(summary))?;
        self.out.write_all(b",\n\"errors\":")?;
        serde_json::to_writer(&mut self.out, &errors_value(summary))?;
        self.out.write_all(b"}\n")?;
        self.out.flush()
    }
}

/// One JSON object per line: messages, then `{"summary": …, "errors": …}`.
#[derive(Debug)]
pub struct NdjsonReporter<W: Write> {
    out: W,
}

impl<W: Write> NdjsonReporter<W> {
    pub fn new(out: W) -> Self {
        Self { out }
    }
}

impl<W: Write> Reporter for NdjsonReporter<W> {
    fn message(&mut self, linted: &LintedMessage) -> io::Result<()> {
        serde_json::to_writer(&mut self.out, &MessageJson::new(linted))?;
        self.out.write_all(b"\n")
    }

    fn finish(&mut self, summary: &Summary) -> io::Result<()> {
        #[derive(Serialize)]
        struct Line<'a> {
            version: u8,
            summary: SummaryJson<'a>,
            errors: serde_json::Value,
        }
        let line = Line {
            version: 1,
            summary: summary_json(summary),
            errors: errors_value(summary),
        };
        serde_json::to_writer(&mut self.out, &line)?;
        self.out.write_all(b"\n")?;
        self.out.flush()
    }
}
