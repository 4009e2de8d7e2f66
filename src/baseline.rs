//! Baselines for gradual adoption: `--write-baseline FILE` records today's
//! findings; `--baseline FILE` reports (and fails on) only the new ones.
//!
//! A finding's fingerprint is its rule, its file and its excerpt with case
//! and spacing normalised, so it survives lines moving around. The same
//! fingerprint may occur several times; the baseline keeps the count.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::LintedMessage;
use crate::rules::Finding;
use crate::score::Card;

/// FNV-1a, 64 bits: stable across versions and platforms.
fn fnv1a(parts: &[&str]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.bytes().chain(std::iter::once(0)) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

/// The fingerprint of a finding in a file.
pub fn fingerprint(file: &str, finding: &Finding) -> String {
    let file = file.strip_prefix("./").unwrap_or(file).replace('\\', "/");
    let excerpt = finding
        .excerpt
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    format!("{:016x}", fnv1a(&[finding.rule, &file, &excerpt]))
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
struct Entry {
    fingerprint: String,
    rule: String,
    file: String,
    count: usize,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BaselineFile {
    version: u32,
    tool: String,
    findings: Vec<Entry>,
}

/// A loaded baseline, with what the run has matched against it so far.
#[derive(Debug, Default)]
pub struct Baseline {
    allowed: BTreeMap<String, usize>,
}

impl Baseline {
    pub fn load(path: &Path) -> Result<Baseline, String> {
        let name = path.display();
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{name}: cannot read baseline: {e}"))?;
        let file: BaselineFile = serde_json::from_str(&text)
            .map_err(|e| format!("{name}: not a bingo baseline: {e}"))?;
        if file.version != 1 {
            return Err(format!(
                "{name}: baseline version {} is not supported",
                file.version
            ));
        }
        let mut allowed = BTreeMap::new();
        for entry in file.findings {
            *allowed.entry(entry.fingerprint).or_insert(0) += entry.count;
        }
        Ok(Baseline { allowed })
    }

    /// Drops the findings the baseline already knows and re-scores the card.
    pub fn filter(&mut self, linted: &mut LintedMessage) {
        let file = linted.message.file.clone();
        let before = linted.findings.len();
        linted.findings.retain(|finding| {
            let key = fingerprint(&file, finding);
            match self.allowed.get_mut(&key) {
                Some(left) if *left > 0 => {
                    *left -= 1;
                    false
                }
                _ => true,
            }
        });
        if linted.findings.len() != before {
            let applicable = linted.card.squares.map(|s| s.is_some());
            linted.card = Card::from_findings(&linted.findings, applicable);
        }
    }
}

/// Collects findings for `--write-baseline`.
#[derive(Debug, Default)]
pub struct BaselineWriter {
    entries: BTreeMap<String, Entry>,
}

impl BaselineWriter {
    pub fn add(&mut self, linted: &LintedMessage) {
        for finding in &linted.findings {
            let key = fingerprint(&linted.message.file, finding);
            self.entries
                .entry(key.clone())
                .or_insert_with(|| Entry {
                    fingerprint: key,
                    rule: finding.rule.to_string(),
                    file: linted.message.file.to_string(),
                    count: 0,
                })
                .count += 1;
        }
    }

    pub fn len(&self) -> usize {
        self.entries.values().map(|e| e.count).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn write(&self, path: &Path) -> Result<(), String> {
        let file = BaselineFile {
            version: 1,
            tool: "bingo".to_string(),
            findings: self.entries.values().cloned().collect(),
        };
        let text = serde_json::to_string_pretty(&file).map_err(|e| e.to_string())?;
        std::fs::write(path, text + "\n")
            .map_err(|e| format!("{}: cannot write baseline: {e}", path.display()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{Severity, Square};

    fn finding(rule: &'static str, excerpt: &str, line: usize) -> Finding {
        Finding {
            rule,
            square: Some(Square::Canned),
            points: 1,
            severity: Severity::Warning,
            message: String::new(),
            line,
            column: 1,
            excerpt: excerpt.to_string(),
            span: 0..0,
            secret: None,
        }
    }

    #[test]
    fn fingerprints_ignore_lines_case_and_spacing() {
        let a = fingerprint(
            "./t/a.txt",
            &finding("canned-phrase", "Kiitämme  yhteydenotostanne", 3),
        );
        let b = fingerprint(
            "t/a.txt",
            &finding("canned-phrase", "kiitämme yhteydenotostanne", 9),
        );
        assert_eq!(a, b);
        assert_ne!(
            a,
            fingerprint(
                "t/b.txt",
                &finding("canned-phrase", "kiitämme yhteydenotostanne", 3)
            )
        );
        assert_ne!(
            a,
            fingerprint(
                "t/a.txt",
                &finding("vague-wording", "kiitämme yhteydenotostanne", 3)
            )
        );
    }
}
