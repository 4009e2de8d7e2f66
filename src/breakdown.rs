//! Per-agent and per-month breakdowns of a run: the same running counts as
//! the mailbox card ([`Mailbox`]), one set per agent (the From of the
//! replies) and per calendar month ("YYYY-MM", UTC). Memory grows with the
//! number of agents and months, never with the number of messages, and at
//! most [`MAX_AGENTS`] agents are counted apart: an export whose every
//! reply has its own sender (customers answering in a thread) must not
//! hold a group per message.

use std::collections::BTreeMap;

use crate::LintedMessage;
use crate::score::Mailbox;

/// Agents counted apart; the replies of the others share [`OTHER_AGENTS`].
pub const MAX_AGENTS: usize = 10_000;
/// The key the agents past [`MAX_AGENTS`] share.
pub const OTHER_AGENTS: &str = "(other)";

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
                let full = self.agents.len() >= MAX_AGENTS && !self.agents.contains_key(&key);
                let group = if full {
                    self.agents.entry(OTHER_AGENTS.to_string()).or_default()
                } else {
                    let group = self.agents.entry(key).or_default();
                    if let Some(name) = from.name.as_deref().filter(|n| !n.trim().is_empty()) {
                        name.clone_into(&mut group.name);
                    }
                    group
                };
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
    use std::sync::Arc;

    use super::*;
    use crate::mail::{Mail, MessageKind, Person};
    use crate::{LintedMessage, Message};

    /// Past the cap, new senders share one group; those already counted
    /// keep theirs.
    #[test]
    fn agents_past_the_cap_share_one_group() {
        let reply = |address: String| LintedMessage {
            message: Message::without_context(
                Arc::from("a.mbox"),
                0,
                Mail {
                    from: Some(Person {
                        name: Some("Tuki".to_string()),
                        address: Some(address),
                    }),
                    ..Mail::default()
                },
                MessageKind::Reply,
            ),
            findings: Vec::new(),
            card: crate::score::Card::default(),
        };
        let mut breakdowns = Breakdowns::default();
        for n in 0..MAX_AGENTS + 5 {
            breakdowns.add(&reply(format!("agent{n}@shop.fi")));
        }
        breakdowns.add(&reply("agent0@shop.fi".to_string()));
        assert_eq!(breakdowns.agents.len(), MAX_AGENTS + 1);
        assert_eq!(breakdowns.agents[OTHER_AGENTS].mailbox.replies, 5);
        assert_eq!(breakdowns.agents["agent0@shop.fi"].mailbox.replies, 2);
        assert!(breakdowns.agents[OTHER_AGENTS].name.is_empty());
    }

    #[test]
    fn months_from_rfc3339() {
        assert_eq!(month_of("2026-11-02T10:11:00Z"), Some("2026-11"));
        assert_eq!(month_of("2026-1"), None);
        assert_eq!(month_of("Mon, 2 Nov"), None);
        assert_eq!(month_of(""), None);
    }
}
