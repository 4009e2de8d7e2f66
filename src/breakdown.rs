//! Per-agent and per-month breakdowns of a run: the same running counts as
//! the mailbox card ([`Mailbox`]), one set per agent (the From of the
//! replies) and per calendar month ("YYYY-MM", UTC). Memory grows with the
//! number of agents and months, never with the number of messages.

use std::collections::BTreeMap;

use crate::LintedMessage;
use crate::score::Mailbox;

/// One agent's or one month's counts.
#[derive(Debug, Clone, Default)]
pub struct Group {
    /// The agent's display name (the latest seen); empty for months.
    pub name: String,
    pub mailbox: Mailbox,
}

/// Running counts per agent and per month.
#[derive(Debug, Clone, Default)]
pub struct Breakdowns {
    /// Keyed by the agent's address, lower-cased (else the display name).
    /// Messages without a From are not counted here.
    pub agents: BTreeMap<String, Group>,
    /// Keyed by "YYYY-MM" of the Date header. Undated messages are not
    /// counted here.
    pub months: BTreeMap<String, Group>,
}

impl Breakdowns {
    /// Adds one linted message to its agent's and its month's counts.
    pub fn add(&mut self, linted: &LintedMessage) {
        let mail = &linted.message.mail;
        if let Some(from) = &mail.from {
            let key = from
                .address
                .as_deref()
                .map(str::to_lowercase)
                .or_else(|| from.name.clone())
                .filter(|k| !k.trim().is_empty());
            if let Some(key) = key {
                let group = self.agents.entry(key).or_default();
                if let Some(name) = from.name.as_deref().filter(|n| !n.trim().is_empty()) {
                    name.clone_into(&mut group.name);
                }
                group.mailbox.add(&linted.card);
            }
        }
        if let Some(month) = mail.date.as_deref().and_then(month_of) {
            self.months
                .entry(month.to_string())
                .or_default()
                .mailbox
                .add(&linted.card);
        }
    }
}

/// "YYYY-MM" of an RFC 3339 date.
fn month_of(date: &str) -> Option<&str> {
    let month = date.get(..7)?;
    let bytes = month.as_bytes();
    let digits = |range: std::ops::Range<usize>| bytes[range].iter().all(u8::is_ascii_digit);
    (digits(0..4) && bytes[4] == b'-' && digits(5..7)).then_some(month)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_from_rfc3339() {
        assert_eq!(month_of("2026-11-02T10:11:00Z"), Some("2026-11"));
        assert_eq!(month_of("2026-1"), None);
        assert_eq!(month_of("Mon, 2 Nov"), None);
        assert_eq!(month_of(""), None);
    }
}
