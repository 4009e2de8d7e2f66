//! `--format json` and `ndjson`: the JSON contract of SPEC.md.
//!
//! `json` writes one document `{"version", "messages", "summary", "errors"}`
//! streamed message by message; `ndjson` writes each message object on its
//! own line, then the summary line (with the errors inside it).

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

use super::Reporter;
use crate::breakdown::Group;
use crate::rules::{Finding, Square};
use crate::score::{Card, Mailbox};
use crate::threads::AdvisorySummary;
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

fn summary_value(summary: &Summary) -> serde_json::Value {
    let card = summary.card();
    let mailbox = &summary.mailbox;
    let squares = square_counts(mailbox);
    let worst: Vec<WorstJson> = summary
        .worst
        .iter()
        .map(|w| WorstJson {
            file: &w.file,
            index: w.index,
            score: w.score,
            from: &w.from,
            subject: &w.subject,
        })
        .collect();
    serde_json::json!({
        "messages": summary.messages,
        "replies": mailbox.replies,
        "mean_score": (mailbox.mean_score() * 100.0).round() / 100.0,
        "squares": squares,
        "card": squares_of(&card),
        "score": card.score(),
        "band": card.band().id(),
        "square_threshold": summary.square_threshold,
        "distribution": mailbox.distribution,
        "worst": worst,
        "skipped": summary.skipped,
        "agents": groups_value(&summary.breakdowns.agents, true),
        "months": groups_value(&summary.breakdowns.months, false),
        "advisory": advisory_value(&summary.advisory),
    })
}

/// A thread-level advisory finding in the shape of the contract's findings
/// (`"square": null, "points": 0`), with where it is.
fn thread_finding(rule: &str, message: &str, details: serde_json::Value) -> serde_json::Value {
    let mut value = serde_json::json!({
        "rule": rule,
        "square": null,
        "points": 0,
        "severity": "warning",
        "message": message,
    });
    if let (Some(out), serde_json::Value::Object(details)) = (value.as_object_mut(), details) {
        out.extend(details);
    }
    value
}

/// The advisory side of the summary: per-rule counts of per-message
/// advisory findings, and the threads (null for templates).
fn advisory_value(advisory: &AdvisorySummary) -> serde_json::Value {
    let threads = advisory.threads.as_ref().map(|t| {
        let agents: Vec<serde_json::Value> = t
            .agents
            .iter()
            .map(|(agent, times)| {
                serde_json::json!({
                    "agent": agent,
                    "replies": times.replies,
                    "median_seconds": times.median_seconds,
                    "p90_seconds": times.p90_seconds,
                })
            })
            .collect();
        let no_reply: Vec<serde_json::Value> = t
            .no_reply
            .iter()
            .map(|c| {
                thread_finding(
                    "no-reply",
                    &c.no_reply_message(),
                    serde_json::to_value(c).unwrap_or_default(),
                )
            })
            .collect();
        let slow_reply: Vec<serde_json::Value> = t
            .slow_reply
            .iter()
            .map(|r| {
                thread_finding(
                    "slow-reply",
                    &r.message(t),
                    serde_json::to_value(r).unwrap_or_default(),
                )
            })
            .collect();
        serde_json::json!({
            "customer_messages": t.customer_messages,
            "answered": t.answered,
            "unanswered": t.no_reply_checked.then_some(t.no_reply.len()),
            "reply_within_seconds": t.reply_within,
            "business_hours": t.business_hours.map(|b| b.to_string()),
            "reply_times": {
                "replies": t.overall.replies,
                "median_seconds": t.overall.median_seconds,
                "p90_seconds": t.overall.p90_seconds,
                "agents": agents,
            },
            "no_reply": no_reply,
            "slow_reply": slow_reply,
            "incomplete": t.incomplete,
        })
    });
    serde_json::json!({
        "findings": advisory.findings,
        "threads": threads,
    })
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

/// `{"key": {"name"?, "replies", "mean_score", "squares"}}` per agent or month.
fn groups_value(groups: &BTreeMap<String, Group>, named: bool) -> serde_json::Value {
    groups
        .iter()
        .map(|(key, group)| {
            let mut value = serde_json::Map::new();
            if named {
                value.insert("name".into(), group.name.clone().into());
            }
            value.insert("replies".into(), group.mailbox.replies.into());
            value.insert(
                "mean_score".into(),
                ((group.mailbox.mean_score() * 100.0).round() / 100.0).into(),
            );
            value.insert("squares".into(), square_counts(&group.mailbox).into());
            (key.clone(), serde_json::Value::Object(value))
        })
        .collect::<serde_json::Map<_, _>>()
        .into()
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
        serde_json::to_writer(&mut self.out, &summary_value(summary))?;
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
        let line = serde_json::json!({
            "version": 1,
            "summary": summary_value(summary),
            "errors": errors_value(summary),
        });
        serde_json::to_writer(&mut self.out, &line)?;
        self.out.write_all(b"\n")?;
        self.out.flush()
    }
}
