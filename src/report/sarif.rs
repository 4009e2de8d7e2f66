//! `--format sarif`: SARIF 2.1.0 for code-scanning tools, as typed structs.

use std::io::{self, Write};

use serde::Serialize;

use super::Reporter;
use crate::rules::{REGISTRY, Rule, Severity, UiLang};
use crate::{LintedMessage, Summary};

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

#[derive(Debug, Serialize)]
pub struct Log {
    #[serde(rename = "$schema")]
    pub schema: &'static str,
    pub version: &'static str,
    pub runs: Vec<Run>,
}

#[derive(Debug, Serialize)]
pub struct Run {
    pub tool: Tool,
    pub results: Vec<SarifResult>,
    #[serde(rename = "columnKind")]
    pub column_kind: &'static str,
}

#[derive(Debug, Serialize)]
pub struct Tool {
    pub driver: Driver,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Driver {
    pub name: &'static str,
    pub version: &'static str,
    pub information_uri: &'static str,
    pub rules: Vec<ReportingDescriptor>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportingDescriptor {
    pub id: &'static str,
    pub name: String,
    pub short_description: MultiformatMessage,
    pub full_description: MultiformatMessage,
    pub help: MultiformatMessage,
    pub default_configuration: Configuration,
    pub properties: Properties,
}

#[derive(Debug, Serialize)]
pub struct MultiformatMessage {
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub markdown: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Configuration {
    pub level: &'static str,
}

#[derive(Debug, Serialize)]
pub struct Properties {
    pub tags: Vec<&'static str>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SarifResult {
    pub rule_id: &'static str,
    pub rule_index: usize,
    pub level: &'static str,
    pub message: Message,
    pub locations: Vec<Location>,
}

#[derive(Debug, Serialize)]
pub struct Message {
    pub text: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Location {
    pub physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub logical_locations: Vec<LogicalLocation>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PhysicalLocation {
    pub artifact_location: ArtifactLocation,
    pub region: Region,
}

#[derive(Debug, Serialize)]
pub struct ArtifactLocation {
    pub uri: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Region {
    pub start_line: usize,
    pub start_column: usize,
    pub snippet: Message,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LogicalLocation {
    pub name: String,
    pub kind: &'static str,
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Security => "error",
        Severity::Warning => "warning",
    }
}

/// Advisory rules (no square, 0 points) are notes, shown apart from the card.
fn rule_level(rule: &dyn Rule) -> &'static str {
    if rule.square().is_none() && rule.severity() == Severity::Warning {
        "note"
    } else {
        level(rule.severity())
    }
}

fn rule_index(id: &str) -> usize {
    REGISTRY.iter().position(|r| r.id() == id).unwrap_or(0)
}

fn descriptor(rule: &dyn Rule) -> ReportingDescriptor {
    let doc = rule.doc();
    let en = UiLang::En;
    let examples = |list: &[&str]| {
        list.iter()
            .map(|e| format!("    {}", e.replace('\n', "\n    ")))
            .collect::<Vec<_>>()
            .join("\n\n")
    };
    let markdown = format!(
        "## What it flags\n\n{}\n\n## Why it hurts the customer\n\n{}\n\n## Bad example\n\n{}\n\n## Good example\n\n{}\n",
        doc.what.get(en),
        doc.why.get(en),
        examples(doc.bad),
        examples(doc.good)
    );
    let mut tags = vec!["customer-service"];
    if let Some(square) = rule.square() {
        tags.push(square.id());
    }
    if rule.severity() == Severity::Security {
        tags.push("security");
    }
    if rule_level(rule) == "note" {
        tags.push("advisory");
    }
    ReportingDescriptor {
        id: rule.id(),
        name: rule
            .id()
            .split('-')
            .map(|w| {
                let mut c = w.chars();
                c.next()
                    .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                    .unwrap_or_default()
            })
            .collect(),
        short_description: MultiformatMessage {
            text: doc.summary.get(en).to_string(),
            markdown: None,
        },
        full_description: MultiformatMessage {
            text: doc.what.get(en).to_string(),
            markdown: None,
        },
        help: MultiformatMessage {
            text: format!("{} {}", doc.what.get(en), doc.why.get(en)),
            markdown: Some(markdown),
        },
        default_configuration: Configuration {
            level: rule_level(rule),
        },
        properties: Properties { tags },
    }
}

fn logical_location(index: usize, message_id: Option<&str>) -> LogicalLocation {
    LogicalLocation {
        name: format!("message {index} {}", message_id.unwrap_or_default())
            .trim()
            .to_string(),
        kind: "object",
    }
}

/// A thread-level advisory result: about a whole message, at its first line.
fn message_result(
    rule_id: &'static str,
    text: String,
    file: &str,
    index: usize,
    message_id: Option<&str>,
    snippet: &str,
) -> SarifResult {
    SarifResult {
        rule_id,
        rule_index: rule_index(rule_id),
        level: "note",
        message: Message { text },
        locations: vec![Location {
            physical_location: PhysicalLocation {
                artifact_location: ArtifactLocation { uri: uri(file) },
                region: Region {
                    start_line: 1,
                    start_column: 1,
                    snippet: Message {
                        text: snippet.to_string(),
                    },
                },
            },
            logical_locations: vec![logical_location(index, message_id)],
        }],
    }
}

/// A relative, forward-slash URI for a file as the user named it.
fn uri(file: &str) -> String {
    let path = file.strip_prefix("./").unwrap_or(file);
    path.replace('\\', "/").replace(' ', "%20")
}

/// Writes the log as it goes: its head (the tool and its rules) before the
/// first result, each result as its message is reported, the tail at the
/// end, so memory does not grow with the mailbox. The text is the same as
/// `serde_json::to_writer_pretty` of the whole [`Log`].
#[derive(Debug)]
pub struct SarifReporter<W: Write> {
    out: W,
    /// Templates: lines are the file's; mail: lines are in the message.
    mailbox_lines: bool,
    /// Once the head is written: what follows the results array's `[`,
    /// and the indentation of the array's key.
    tail: Option<(String, usize)>,
    results: usize,
}

/// The key whose array the results are written into.
const RESULTS_KEY: &str = "\"results\": [";

impl<W: Write> SarifReporter<W> {
    pub fn new(out: W, mailbox_lines: bool) -> Self {
        Self {
            out,
            mailbox_lines,
            tail: None,
            results: 0,
        }
    }

    /// Writes the head of the log, once.
    fn start(&mut self) -> io::Result<()> {
        if self.tail.is_some() {
            return Ok(());
        }
        let head = serde_json::to_string_pretty(&Self::empty_log())?;
        let key = head
            .rfind(RESULTS_KEY)
            .ok_or_else(|| io::Error::other("the SARIF log has no results array"))?;
        let line_start = head[..key].rfind('\n').map_or(0, |n| n + 1);
        let indent = key - line_start;
        let at = key + RESULTS_KEY.len();
        self.out.write_all(&head.as_bytes()[..at])?;
        self.tail = Some((head[at..].to_string(), indent));
        Ok(())
    }

    /// Writes one result into the results array, indented as the whole
    /// log's pretty printing would.
    fn write_result(&mut self, result: &SarifResult) -> io::Result<()> {
        self.start()?;
        let indent = self.tail.as_ref().map_or(0, |(_, n)| *n) + 2;
        let text = serde_json::to_string_pretty(result)?;
        self.out
            .write_all(if self.results == 0 { b"\n" } else { b",\n" })?;
        for (n, line) in text.lines().enumerate() {
            if n > 0 {
                self.out.write_all(b"\n")?;
            }
            write!(self.out, "{:indent$}{line}", "")?;
        }
        self.results += 1;
        Ok(())
    }

    /// The log without its results: the head and tail written around
    /// them.
    fn empty_log() -> Log {
        Log {
            schema: SCHEMA,
            version: "2.1.0",
            runs: vec![Run {
                tool: Tool {
                    driver: Driver {
                        name: "bingo",
                        version: env!("CARGO_PKG_VERSION"),
                        information_uri: "https://github.com/autoreply-bingo/autoreply-bingo",
                        rules: REGISTRY.iter().map(|r| descriptor(*r)).collect(),
                    },
                },
                results: Vec::new(),
                column_kind: "unicodeCodePoints",
            }],
        }
    }
}

impl<W: Write> Reporter for SarifReporter<W> {
    fn message(&mut self, linted: &LintedMessage) -> io::Result<()> {
        let message = &linted.message;
        for finding in &linted.findings {
            let logical = if self.mailbox_lines {
                vec![logical_location(
                    message.index,
                    message.mail.message_id.as_deref(),
                )]
            } else {
                Vec::new()
            };
            self.write_result(&SarifResult {
                rule_id: finding.rule,
                rule_index: rule_index(finding.rule),
                level: if finding.is_advisory() {
                    "note"
                } else {
                    level(finding.severity)
                },
                message: Message {
                    text: finding.message.clone(),
                },
                locations: vec![Location {
                    physical_location: PhysicalLocation {
                        artifact_location: ArtifactLocation {
                            uri: uri(&message.file),
                        },
                        region: Region {
                            start_line: finding.line.max(1),
                            start_column: finding.column.max(1),
                            snippet: Message {
                                text: finding.excerpt.clone(),
                            },
                        },
                    },
                    logical_locations: logical,
                }],
            })?;
        }
        Ok(())
    }

    fn finish(&mut self, summary: &Summary) -> io::Result<()> {
        if let Some(threads) = &summary.advisory.threads {
            for c in threads.no_reply() {
                self.write_result(&message_result(
                    "no-reply",
                    c.no_reply_message(),
                    &c.file,
                    c.index,
                    c.message_id.as_deref(),
                    &c.subject,
                ))?;
            }
            for r in threads.slow_reply() {
                self.write_result(&message_result(
                    "slow-reply",
                    r.message(threads),
                    &r.file,
                    r.index,
                    None,
                    &r.customer.subject,
                ))?;
            }
        }
        self.start()?;
        let (tail, indent) = self.tail.take().unwrap_or_default();
        // The empty array's "]" is there already; a filled one closes on
        // a line of its own.
        if self.results > 0 {
            write!(self.out, "\n{:indent$}", "")?;
        }
        self.out.write_all(tail.as_bytes())?;
        self.out.write_all(b"\n")?;
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::Message;
    use crate::mail::{Mail, MessageKind};
    use crate::rules::tests_support::{Case, findings};

    /// Each result is written when its message is reported, and the whole
    /// is one valid log with every result in order.
    #[test]
    fn results_are_written_as_they_come() {
        let linted = |text: &str| LintedMessage {
            message: Message::without_context(
                Arc::from("vastaukset.mbox"),
                0,
                Mail::default(),
                MessageKind::Reply,
            ),
            findings: findings(&Case::fi(text)),
            card: crate::score::Card::default(),
        };
        let mut out = Vec::new();
        {
            let mut reporter = SarifReporter::new(&mut out, true);
            reporter
                .message(&linted("Hei!\n\nKiitämme yhteydenotostanne."))
                .unwrap();
            reporter.out.flush().unwrap();
            let so_far = String::from_utf8_lossy(reporter.out).into_owned();
            assert!(so_far.contains("\"ruleId\": \"canned-phrase\""), "{so_far}");
            reporter
                .message(&linted("Hei Anna,\n\npaketti lähti tänään."))
                .unwrap();
            reporter.message(&linted("Tuote on lähetetty.")).unwrap();
            reporter.finish(&Summary::default()).unwrap();
        }
        let log: serde_json::Value = serde_json::from_slice(&out).unwrap();
        let results = log["runs"][0]["results"].as_array().unwrap();
        let rules: Vec<&str> = results
            .iter()
            .map(|r| r["ruleId"].as_str().unwrap())
            .collect();
        assert_eq!(rules.first(), Some(&"nameless-greeting"));
        assert!(rules.contains(&"no-greeting"), "{rules:?}");
        assert!(rules.contains(&"vague-wording"), "{rules:?}");
        // No results: the array stays empty, the log still valid.
        let mut out = Vec::new();
        SarifReporter::new(&mut out, true)
            .finish(&Summary::default())
            .unwrap();
        let log: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(log["runs"][0]["results"], serde_json::json!([]));
        assert_eq!(log["runs"][0]["columnKind"], "unicodeCodePoints");
    }
}
