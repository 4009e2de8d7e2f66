//! Threads across the whole input, for `no-reply` and `slow-reply`: which
//! customer message each reply answers, which customer messages nobody
//! answered, and how long the first reply took.
//!
//! Real exports often hold the replies before the customer's mails (a Sent
//! mbox read before the Inbox, Maildir order), so nothing is decided while
//! reading: every message leaves a small fixed-size [`Node`] (hashes of its
//! ids, its date, where it is), and [`ThreadTracker::finish`] links them at
//! the end of the run. No message text is kept; the sender and subject of
//! customer messages are kept for the summary list within a byte budget.
//!
//! A reply answers the customer message its In-Reply-To or References
//! point to (through other replies, if need be); where those are missing or
//! point outside the input, the latest earlier customer message with the
//! same normalised subject from the person the reply goes to.

use std::collections::{BTreeMap, HashMap};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Arc;

use crate::Message;
// The breakdowns' cap on agents: the two lists of agents end alike.
use crate::breakdown::{MAX_AGENTS, OTHER_AGENTS};
use crate::mail::MessageKind;
use crate::rules::{Finding, PerFileIgnores, Selection};

/// The service time when the config sets no `reply-within`.
pub const DEFAULT_REPLY_WITHIN: u64 = 24 * 3600;
/// At most this many messages are threaded (about 62 bytes each at the
/// peak, `examples/thread_memory.rs`); past it the summary says the thread
/// figures are incomplete.
const MAX_NODES: usize = 1 << 20;
/// References kept per message: In-Reply-To and the nearest References.
const MAX_REFS: usize = 3;
/// Bytes of customer senders and subjects kept for the no-reply list.
const MAX_DETAIL_BYTES: usize = 8 * 1024 * 1024;
/// Bytes a detail entry counts beyond its text.
const DETAIL_OVERHEAD: usize = 64;
/// Replies followed from one reply to its customer message.
const MAX_CHAIN: usize = 16;
const NONE: u32 = u32::MAX;

/// Opening hours for `slow-reply`: the days and the hours of the day,
/// in the customer's local time (the offset of their Date header).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BusinessHours {
    /// Monday first.
    days: [bool; 7],
    /// Minutes after midnight.
    start: u32,
    end: u32,
}

const DAY_NAMES: [(&str, &str); 7] = [
    ("mon", "ma"),
    ("tue", "ti"),
    ("wed", "ke"),
    ("thu", "to"),
    ("fri", "pe"),
    ("sat", "la"),
    ("sun", "su"),
];

fn day_of(name: &str) -> Option<usize> {
    let name = name.to_lowercase();
    DAY_NAMES
        .iter()
        .position(|(en, fi)| name == *en || name == *fi)
}

fn minutes_of(text: &str) -> Option<u32> {
    let (hours, minutes) = text.split_once(':').unwrap_or((text, "0"));
    let (hours, minutes): (u32, u32) = (hours.parse().ok()?, minutes.parse().ok()?);
    (hours <= 24 && minutes < 60 && hours * 60 + minutes <= 24 * 60).then_some(hours * 60 + minutes)
}

impl std::str::FromStr for BusinessHours {
    type Err = String;

    /// `08-16`, `8:30-16:30`, `mon-sat 09-17`, `ma-pe 08-16` (Mon–Fri
    /// when no days are given).
    fn from_str(text: &str) -> Result<Self, String> {
        let bad = || {
            format!(
                "business-hours: `{text}` is not opening hours (write e.g. \"08-16\", \"08:30-16:30\" or \"mon-sat 09-17\")"
            )
        };
        let parts: Vec<&str> = text.split_whitespace().collect();
        let (days_text, hours_text) = match parts.as_slice() {
            [hours] => ("mon-fri", *hours),
            [days, hours] => (*days, *hours),
            _ => return Err(bad()),
        };
        let mut days = [false; 7];
        for piece in days_text.split(',') {
            match piece.split_once('-') {
                Some((a, b)) => {
                    let (a, b) = (day_of(a).ok_or_else(bad)?, day_of(b).ok_or_else(bad)?);
                    if a > b {
                        return Err(bad());
                    }
                    days[a..=b].iter_mut().for_each(|d| *d = true);
                }
                None => days[day_of(piece).ok_or_else(bad)?] = true,
            }
        }
        let (start, end) = hours_text.split_once('-').ok_or_else(bad)?;
        let (start, end) = (
            minutes_of(start).ok_or_else(bad)?,
            minutes_of(end).ok_or_else(bad)?,
        );
        if start >= end {
            return Err(bad());
        }
        Ok(BusinessHours { days, start, end })
    }
}

impl std::fmt::Display for BusinessHours {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names: Vec<&str> = DAY_NAMES
            .iter()
            .zip(self.days)
            .filter(|(_, open)| *open)
            .map(|((en, _), _)| *en)
            .collect();
        let days = match names.as_slice() {
            [first, .., last]
                if names.len() == 1 + day_of(last).unwrap_or(0) - day_of(first).unwrap_or(0) =>
            {
                format!("{first}-{last}")
            }
            _ => names.join(","),
        };
        write!(
            f,
            "{days} {:02}:{:02}-{:02}:{:02}",
            self.start / 60,
            self.start % 60,
            self.end / 60,
            self.end % 60
        )
    }
}

impl<'de> serde::Deserialize<'de> for BusinessHours {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d)?
            .parse()
            .map_err(serde::de::Error::custom)
    }
}

impl serde::Serialize for BusinessHours {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl BusinessHours {
    fn day_seconds(&self, weekday: usize) -> i64 {
        if self.days[weekday] {
            i64::from(self.end - self.start) * 60
        } else {
            0
        }
    }

    /// Business seconds from a fixed Monday up to local time `t`.
    fn before(&self, t: i64) -> i64 {
        // 1970-01-01 was a Thursday: day 0 is weekday 3 (Monday 0).
        let day = t.div_euclid(86_400) + 3;
        let second = t.rem_euclid(86_400);
        let week: i64 = (0..7).map(|d| self.day_seconds(d)).sum();
        let weekday = usize::try_from(day.rem_euclid(7)).unwrap_or(0);
        let earlier: i64 = (0..weekday).map(|d| self.day_seconds(d)).sum();
        let today = if self.days[weekday] {
            second.clamp(i64::from(self.start) * 60, i64::from(self.end) * 60)
                - i64::from(self.start) * 60
        } else {
            0
        };
        day.div_euclid(7) * week + earlier + today
    }

    /// Business seconds between two instants, in local time `offset`
    /// seconds east of UTC.
    pub fn seconds_between(&self, from: i64, to: i64, offset: i64) -> u64 {
        if to <= from {
            return 0;
        }
        u64::try_from(self.before(to + offset) - self.before(from + offset)).unwrap_or(0)
    }
}

/// How `no-reply` and `slow-reply` are judged.
#[derive(Debug, Clone)]
pub struct ThreadSettings {
    /// The service time, in seconds.
    pub reply_within: u64,
    /// Count only these hours (else calendar hours).
    pub business_hours: Option<BusinessHours>,
}

impl Default for ThreadSettings {
    fn default() -> Self {
        Self {
            reply_within: DEFAULT_REPLY_WITHIN,
            business_hours: None,
        }
    }
}

/// What the tracker keeps of one message: hashes and positions only, in 32
/// bytes (a test holds it there). The message's index in its file is kept
/// in [`ThreadTracker::index_runs`].
#[derive(Debug, Clone, Copy)]
struct Node {
    /// Message-ID (0: none).
    id: u64,
    /// Normalised subject and customer address (0: none).
    thread: u64,
    /// Seconds since 2000-01-01 (1932–2068; `i32::MIN`: no date).
    date: i32,
    /// The sender's address (32 bits suffice to tell two people apart).
    from: u32,
    /// Replies: the agent; customer messages: the detail entry (low
    /// [`EXTRA_BITS`] bits). Minutes east of UTC of the Date header (the
    /// high bits, signed).
    extra_offset: u32,
    /// Where its references start in [`ThreadTracker::refs`] (low 29
    /// bits), how many there are (2 bits), and whether it is a reply (the
    /// top bit).
    refs: u32,
}

/// Bits of [`Node::extra_offset`] that hold the agent or detail entry.
const EXTRA_BITS: u32 = 18;
/// "No agent or detail entry" in those bits.
const EXTRA_NONE: u32 = (1 << EXTRA_BITS) - 1;
/// Bits of [`Node::refs`] that hold where the references start.
const REFS_START_BITS: u32 = 29;
const _: () = {
    // Every agent and detail entry fits below `EXTRA_NONE`; so does every
    // reference start.
    assert!(MAX_AGENTS + 2 < EXTRA_NONE as usize);
    assert!(MAX_DETAIL_BYTES / DETAIL_OVERHEAD < EXTRA_NONE as usize);
    assert!(MAX_NODES * MAX_REFS < 1 << REFS_START_BITS);
    assert!(MAX_REFS < 4);
};

/// 2000-01-01T00:00:00Z: dates are kept as seconds from here in 32 bits.
const DATE_BASE: i64 = 946_684_800;

fn compact_date(timestamp: Option<i64>) -> i32 {
    timestamp
        .and_then(|t| i32::try_from(t - DATE_BASE).ok())
        .filter(|&d| d != i32::MIN)
        .unwrap_or(i32::MIN)
}

impl Node {
    fn pack_extra_offset(extra: u32, offset: i16) -> u32 {
        let offset = offset.clamp(-(1 << 13), (1 << 13) - 1);
        #[allow(clippy::cast_sign_loss)]
        let offset = (i32::from(offset) as u32) << EXTRA_BITS;
        offset | extra.min(EXTRA_NONE)
    }

    fn pack_refs(start: usize, len: usize, reply: bool) -> u32 {
        let start = u32::try_from(start).unwrap_or(0) & ((1 << REFS_START_BITS) - 1);
        let len = u32::try_from(len).unwrap_or(0).min(3);
        start | len << REFS_START_BITS | u32::from(reply) << 31
    }

    /// The agent (replies) or the detail entry (customer messages);
    /// [`NONE`] when there is none.
    fn extra(&self) -> u32 {
        match self.extra_offset & EXTRA_NONE {
            EXTRA_NONE => NONE,
            extra => extra,
        }
    }

    /// Minutes east of UTC of the Date header.
    fn offset(&self) -> i16 {
        #[allow(clippy::cast_possible_wrap, clippy::cast_possible_truncation)]
        let offset = (self.extra_offset as i32) >> EXTRA_BITS;
        i16::try_from(offset).unwrap_or(0)
    }

    fn refs_start(&self) -> usize {
        (self.refs & ((1 << REFS_START_BITS) - 1)) as usize
    }

    fn refs_len(&self) -> usize {
        ((self.refs >> REFS_START_BITS) & 3) as usize
    }

    fn reply(&self) -> bool {
        self.refs >> 31 == 1
    }

    /// Seconds since the epoch, `i64::MIN` when unknown.
    fn date(&self) -> i64 {
        if self.date == i32::MIN {
            i64::MIN
        } else {
            i64::from(self.date) + DATE_BASE
        }
    }
}

/// A sender and subject kept for the no-reply list.
#[derive(Debug, Clone)]
struct Detail {
    message_id: Option<Box<str>>,
    from: Box<str>,
    subject: Box<str>,
}

/// A growable array kept in fixed-size chunks: growing never moves what is
/// stored, so there is no moment when an old and a new copy of a large
/// array are both resident.
#[derive(Debug, Clone)]
struct Chunked<T> {
    chunks: Vec<Vec<T>>,
    len: usize,
}

/// Items per chunk of a [`Chunked`].
const CHUNK: usize = 1 << 16;

impl<T> Default for Chunked<T> {
    fn default() -> Self {
        Self {
            chunks: Vec::new(),
            len: 0,
        }
    }
}

impl<T> Chunked<T> {
    fn push(&mut self, item: T) {
        match self.chunks.last_mut() {
            Some(chunk) if chunk.len() < CHUNK => chunk.push(item),
            _ => {
                let mut chunk = Vec::with_capacity(CHUNK);
                chunk.push(item);
                self.chunks.push(chunk);
            }
        }
        self.len += 1;
    }

    fn len(&self) -> usize {
        self.len
    }

    fn iter(&self) -> impl Iterator<Item = &T> {
        self.chunks.iter().flatten()
    }
}

impl<T> std::ops::Index<usize> for Chunked<T> {
    type Output = T;

    fn index(&self, at: usize) -> &T {
        &self.chunks[at / CHUNK][at % CHUNK]
    }
}

/// What the tracker keeps of every message, and what the summary reads
/// its lists from: the nodes, where they came from, and the agents' and
/// customers' texts.
#[derive(Debug, Default, Clone)]
struct Store {
    nodes: Chunked<Node>,
    /// The files in input order, each with the first node read from it.
    files: Vec<(usize, Arc<str>)>,
    /// The message indices in their files, as runs: a node and its index,
    /// the nodes after it following on one by one up to the next run's
    /// (a new run starts with each file and after a message not kept).
    index_runs: Vec<(u32, u32)>,
    agents: Vec<String>,
    details: Vec<Detail>,
}

/// Collects every message of a run in input order.
#[derive(Debug, Default)]
pub struct ThreadTracker {
    store: Store,
    refs: Vec<u64>,
    agent_ids: HashMap<String, u32>,
    detail_bytes: usize,
    /// Messages past [`MAX_NODES`].
    dropped: usize,
}

fn hash(parts: &[&str]) -> u64 {
    let mut hasher = DefaultHasher::new();
    parts.hash(&mut hasher);
    hasher.finish().max(1)
}

/// Reply and forward prefixes taken off a subject.
const SUBJECT_PREFIXES: &[&str] = &[
    "re", "vs", "sv", "aw", "vast", "fwd", "fw", "vl", "vb", "tr", "wg", "antw", "ref", "odp", "r",
];

/// A subject without reply and forward prefixes (repeated, any case,
/// "Re[2]:" too) and leading "[#1234]" tags, lower-cased, spaces collapsed.
pub fn normalised_subject(subject: &str) -> String {
    let mut rest = subject.trim();
    loop {
        let before = rest;
        if rest.starts_with('[') {
            if let Some(end) = rest.find(']') {
                rest = rest[end + 1..].trim_start();
            }
        }
        let word_end = rest
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len());
        let word = rest[..word_end].to_lowercase();
        if SUBJECT_PREFIXES.contains(&word.as_str()) {
            let mut after = rest[word_end..].trim_start();
            if after.starts_with('[') {
                after = after.find(']').map_or(after, |i| &after[i + 1..]);
            }
            if let Some(stripped) = after.trim_start().strip_prefix(':') {
                rest = stripped.trim_start();
            }
        }
        if rest == before {
            break;
        }
    }
    rest.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn address(person: Option<&crate::mail::Person>) -> String {
    person
        .and_then(|p| p.address.as_deref().or(p.name.as_deref()))
        .unwrap_or_default()
        .trim()
        .to_lowercase()
}

fn clipped(text: &str, max: usize) -> Box<str> {
    crate::lang::text::clip(text, max).into()
}

impl ThreadTracker {
    /// Remembers one message (a reply or a customer message).
    pub fn add(&mut self, message: &Message) {
        if self.store.nodes.len() >= MAX_NODES {
            self.dropped += 1;
            return;
        }
        let mail = &message.mail;
        let reply = message.kind == MessageKind::Reply;
        let same_file =
            self.store.files.last().is_some_and(|(_, last)| {
                Arc::ptr_eq(last, &message.file) || **last == *message.file
            });
        if !same_file {
            self.store
                .files
                .push((self.store.nodes.len(), Arc::clone(&message.file)));
        }
        let sender = address(mail.from.as_ref());
        // The customer: the sender of a customer message, the first
        // recipient of a reply.
        let customer = if reply {
            address(mail.to.first())
        } else {
            sender.clone()
        };
        let subject = normalised_subject(mail.subject.as_deref().unwrap_or_default());
        let thread = if subject.is_empty() || customer.is_empty() {
            0
        } else {
            hash(&[&subject, &customer])
        };
        let refs_start = self.refs.len();
        for id in mail
            .in_reply_to
            .iter()
            .chain(mail.references.iter().rev())
            .take(MAX_REFS)
        {
            let h = hash(&[id]);
            if !self.refs[refs_start..].contains(&h) {
                self.refs.push(h);
            }
        }
        let extra = if reply {
            self.agent(&sender)
        } else {
            self.detail(message)
        };
        let index = u32::try_from(message.index).unwrap_or(NONE);
        let node = u32::try_from(self.store.nodes.len()).unwrap_or(NONE);
        let follows_on = !same_file
            || self
                .store
                .index_runs
                .last()
                .is_none_or(|&(first, at)| at.saturating_add(node - first) != index);
        if follows_on {
            self.store.index_runs.push((node, index));
        }
        self.store.nodes.push(Node {
            id: mail.message_id.as_deref().map_or(0, |id| hash(&[id])),
            thread,
            date: compact_date(mail.timestamp),
            from: (hash(&[&sender]) >> 32) as u32,
            extra_offset: Node::pack_extra_offset(extra, mail.utc_offset_minutes.unwrap_or(0)),
            refs: Node::pack_refs(refs_start, self.refs.len() - refs_start, reply),
        });
    }

    fn agent(&mut self, sender: &str) -> u32 {
        let name = if sender.is_empty() {
            "(unknown)"
        } else if self.store.agents.len() >= MAX_AGENTS && !self.agent_ids.contains_key(sender) {
            OTHER_AGENTS
        } else {
            sender
        };
        if let Some(&id) = self.agent_ids.get(name) {
            return id;
        }
        let id = u32::try_from(self.store.agents.len()).unwrap_or(NONE);
        self.store.agents.push(name.to_string());
        self.agent_ids.insert(name.to_string(), id);
        id
    }

    fn detail(&mut self, message: &Message) -> u32 {
        if self.detail_bytes >= MAX_DETAIL_BYTES {
            return NONE;
        }
        let mail = &message.mail;
        let detail = Detail {
            message_id: mail.message_id.as_deref().map(|id| clipped(id, 200)),
            from: clipped(
                &mail
                    .from
                    .as_ref()
                    .map(crate::mail::Person::display)
                    .unwrap_or_default(),
                200,
            ),
            subject: clipped(mail.subject.as_deref().unwrap_or_default(), 200),
        };
        self.detail_bytes += detail.from.len()
            + detail.subject.len()
            + detail.message_id.as_deref().map_or(0, str::len)
            + DETAIL_OVERHEAD;
        self.store.details.push(detail);
        u32::try_from(self.store.details.len() - 1).unwrap_or(NONE)
    }

    fn refs_of(&self, node: &Node) -> &[u64] {
        let start = node.refs_start();
        self.refs
            .get(start..start + node.refs_len())
            .unwrap_or_default()
    }

    /// The customer message a reply answers, by its references.
    fn by_reference(&self, reply: &Node, ids: &[u32]) -> Option<u32> {
        let find = |id: u64| {
            ids.binary_search_by_key(&id, |&at| self.store.nodes[at as usize].id)
                .ok()
                .map(|i| ids[i])
        };
        let mut stack: Vec<u64> = self.refs_of(reply).iter().rev().copied().collect();
        let mut steps = 0;
        // Depth first, nearest reference first: a reply's parent may be
        // another reply whose own parent is the customer's message.
        while let Some(id) = stack.pop() {
            steps += 1;
            if steps > MAX_CHAIN {
                break;
            }
            let Some(at) = find(id) else { continue };
            let node = &self.store.nodes[at as usize];
            if !node.reply() {
                return Some(at);
            }
            stack.extend(self.refs_of(node).iter().rev());
        }
        None
    }

    /// The customer messages of `thread` in `threads` (node indices sorted
    /// by thread, date and position).
    fn group(&self, threads: &[u32], thread: u64) -> std::ops::Range<usize> {
        let start = threads.partition_point(|&n| self.store.nodes[n as usize].thread < thread);
        let end = threads.partition_point(|&n| self.store.nodes[n as usize].thread <= thread);
        start..end
    }

    /// The customer message a reply answers, by subject and person: the
    /// latest one dated before the reply (or the first, without dates).
    fn by_subject(&self, reply: &Node, threads: &[u32]) -> Option<u32> {
        if reply.thread == 0 {
            return None;
        }
        let same = threads[self.group(threads, reply.thread)].iter().copied();
        if reply.date == i32::MIN {
            return same.into_iter().next();
        }
        same.rev().find(|&n| {
            let date = self.store.nodes[n as usize].date;
            date != i32::MIN && date <= reply.date
        })
    }

    /// Links every reply to the customer message it answers and works out
    /// the summary.
    pub fn finish(self, settings: &ThreadSettings) -> ThreadSummary {
        let index = |i: usize| u32::try_from(i).unwrap_or(NONE);
        // Node indices by Message-ID (the first message with an id wins).
        // Sized exactly and sorted in place (the keys are unique): at a
        // million messages every spare copy is megabytes.
        let mut ids: Vec<u32> =
            Vec::with_capacity(self.store.nodes.iter().filter(|n| n.id != 0).count());
        ids.extend(
            (0..self.store.nodes.len())
                .filter(|&i| self.store.nodes[i].id != 0)
                .map(index),
        );
        ids.sort_unstable_by_key(|&i| (self.store.nodes[i as usize].id, i));
        ids.dedup_by_key(|i| self.store.nodes[*i as usize].id);
        // Customer messages by thread key, then date.
        let mut threads: Vec<u32> = (0..self.store.nodes.len())
            .filter(|&i| !self.store.nodes[i].reply() && self.store.nodes[i].thread != 0)
            .map(index)
            .collect();
        threads.sort_unstable_by_key(|&i| {
            let n = &self.store.nodes[i as usize];
            (n.thread, n.date, i)
        });
        // Per customer message (parallel to `customers`, in input order),
        // its first reply; per customer message of a thread (parallel to
        // `threads`), the last reply linked to it.
        let customers: Vec<u32> = (0..self.store.nodes.len())
            .filter(|&i| !self.store.nodes[i].reply())
            .map(index)
            .collect();
        let mut first_reply: Vec<u32> = vec![NONE; customers.len()];
        let mut last_reply: Vec<i32> = vec![i32::MIN; threads.len()];
        for (at, reply) in self
            .store
            .nodes
            .iter()
            .enumerate()
            .filter(|(_, n)| n.reply())
        {
            let Some(customer) = self
                .by_reference(reply, &ids)
                .or_else(|| self.by_subject(reply, &threads))
            else {
                continue;
            };
            let c = &self.store.nodes[customer as usize];
            if c.from == reply.from {
                // The customer's own follow-up, not an answer.
                continue;
            }
            let Ok(c_at) = customers.binary_search(&customer) else {
                continue;
            };
            let slot = &mut first_reply[c_at];
            let earlier = *slot != NONE && {
                let current = self.store.nodes[*slot as usize].date;
                current != i32::MIN && (reply.date == i32::MIN || current <= reply.date)
            };
            if !earlier {
                *slot = index(at);
            }
            if c.thread != 0 {
                let key = (c.thread, c.date, customer);
                if let Ok(pos) = threads.binary_search_by_key(&key, |&i| {
                    let n = &self.store.nodes[i as usize];
                    (n.thread, n.date, i)
                }) {
                    last_reply[pos] = last_reply[pos].max(reply.date);
                }
            }
        }
        let mut summary = ThreadSummary {
            reply_within: settings.reply_within,
            business_hours: settings.business_hours,
            incomplete: self.dropped > 0,
            ..ThreadSummary::default()
        };
        let mut times: Vec<Vec<u32>> = vec![Vec::new(); self.store.agents.len()];
        for (&at, &first) in customers.iter().zip(&first_reply) {
            let at = at as usize;
            let customer = &self.store.nodes[at];
            summary.customer_messages += 1;
            if first == NONE {
                // A later reply in the same thread answers it too.
                let answered_later = customer.thread != 0
                    && last_reply[self.group(&threads, customer.thread)]
                        .iter()
                        .any(|&last| last != i32::MIN && last >= customer.date);
                if answered_later {
                    summary.answered += 1;
                } else {
                    summary.no_reply.push(index(at));
                }
                continue;
            }
            summary.answered += 1;
            let reply = &self.store.nodes[first as usize];
            if customer.date == i32::MIN || reply.date == i32::MIN {
                continue;
            }
            let calendar = u64::try_from(reply.date() - customer.date()).unwrap_or(0);
            let delay = match &settings.business_hours {
                Some(hours) => hours.seconds_between(
                    customer.date(),
                    reply.date(),
                    i64::from(customer.offset()) * 60,
                ),
                None => calendar,
            };
            if let Some(list) = times.get_mut(reply.extra() as usize) {
                list.push(u32::try_from(delay).unwrap_or(u32::MAX));
            }
            if delay > settings.reply_within {
                summary.slow_reply.push(Slow {
                    reply: first,
                    customer: index(at),
                    seconds: delay,
                });
            }
        }
        let mut all: Vec<u32> = times.iter().flatten().copied().collect();
        summary.overall = ReplyTimes::of(&mut all);
        summary.agents = self
            .store
            .agents
            .iter()
            .zip(times.iter_mut())
            .filter(|(_, t)| !t.is_empty())
            .map(|(agent, t)| (agent.clone(), ReplyTimes::of(t)))
            .collect();
        summary.agents.sort_by(|a, b| a.0.cmp(&b.0));
        summary.store = self.store;
        summary
    }
}

impl Store {
    /// The index in its file of the message node `at` holds.
    fn index_of(&self, at: usize) -> usize {
        let at = u32::try_from(at).unwrap_or(NONE);
        let i = self.index_runs.partition_point(|&(first, _)| first <= at);
        self.index_runs
            .get(i.wrapping_sub(1))
            .map_or(0, |&(first, index)| {
                index.saturating_add(at - first) as usize
            })
    }

    /// The file node `at` was read from.
    fn file_of(&self, at: usize) -> Arc<str> {
        let i = self.files.partition_point(|(first, _)| *first <= at);
        Arc::clone(&self.files[i.saturating_sub(1)].1)
    }

    /// Node `at`, a customer message, as the summary lists it.
    fn customer_mail(&self, at: u32) -> CustomerMail {
        let at = at as usize;
        let node = &self.nodes[at];
        let detail = self.details.get(node.extra() as usize);
        CustomerMail {
            file: self.file_of(at),
            index: self.index_of(at),
            message_id: detail.and_then(|d| d.message_id.as_deref().map(str::to_string)),
            from: detail.map(|d| d.from.to_string()).unwrap_or_default(),
            date: (node.date != i32::MIN).then(|| rfc3339(node.date())),
            subject: detail.map(|d| d.subject.to_string()).unwrap_or_default(),
        }
    }

    fn slow_reply(&self, slow: &Slow) -> SlowReply {
        let at = slow.reply as usize;
        let reply = &self.nodes[at];
        SlowReply {
            file: self.file_of(at),
            index: self.index_of(at),
            agent: self
                .agents
                .get(reply.extra() as usize)
                .cloned()
                .unwrap_or_default(),
            date: rfc3339(reply.date()),
            customer: self.customer_mail(slow.customer),
            seconds: slow.seconds,
        }
    }
}

fn rfc3339(timestamp: i64) -> String {
    mail_parser::DateTime::from_timestamp(timestamp).to_rfc3339()
}

fn as_str<S: serde::Serializer>(text: &Arc<str>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(text)
}

/// A customer message, as the summary lists it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CustomerMail {
    #[serde(serialize_with = "as_str")]
    pub file: Arc<str>,
    pub index: usize,
    pub message_id: Option<String>,
    pub from: String,
    pub date: Option<String>,
    pub subject: String,
}

impl CustomerMail {
    /// The `no-reply` finding's message.
    pub fn no_reply_message(&self) -> String {
        "no reply answers this customer message / asiakkaan viestiin ei ole vastattu".to_string()
    }
}

/// Hours with one decimal: "34.5 h".
pub fn hours(seconds: f64) -> String {
    format!("{:.1} h", seconds / 3600.0)
}

/// A first reply later than the service time.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SlowReply {
    #[serde(serialize_with = "as_str")]
    pub file: Arc<str>,
    pub index: usize,
    pub agent: String,
    pub date: String,
    /// The customer message it answers.
    pub customer: CustomerMail,
    /// The reply time counted (business seconds with business hours).
    pub seconds: u64,
}

impl SlowReply {
    /// The `slow-reply` finding's message.
    pub fn message(&self, summary: &ThreadSummary) -> String {
        let within = crate::config::Duration {
            seconds: summary.reply_within,
        };
        let (kind, kind_fi) = if summary.business_hours.is_some() {
            ("business hours", "työaikaa")
        } else {
            ("calendar hours", "kalenteriaikaa")
        };
        let took = hours(self.seconds as f64);
        format!(
            "first reply after {took} ({kind}; reply-within {within}) / ensimmäinen vastaus {took} kuluttua ({kind_fi}; palvelulupaus {within})"
        )
    }
}

/// Reply times: how many, the median and the 90th percentile, in seconds.
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize)]
pub struct ReplyTimes {
    pub replies: usize,
    pub median_seconds: Option<f64>,
    pub p90_seconds: Option<u64>,
}

impl ReplyTimes {
    /// The median is the middle value (the mean of the two middle values
    /// for an even count); the 90th percentile is the nearest rank: the
    /// ⌈0.9·n⌉-th smallest value.
    pub fn of(times: &mut [u32]) -> ReplyTimes {
        if times.is_empty() {
            return ReplyTimes::default();
        }
        times.sort_unstable();
        let n = times.len();
        let median = if n % 2 == 1 {
            f64::from(times[n / 2])
        } else {
            f64::midpoint(f64::from(times[n / 2 - 1]), f64::from(times[n / 2]))
        };
        let rank = (n * 9).div_ceil(10).max(1);
        ReplyTimes {
            replies: n,
            median_seconds: Some(median),
            p90_seconds: Some(u64::from(times[rank - 1])),
        }
    }
}

/// A first reply later than the service time, by its tracker nodes.
#[derive(Debug, Clone, Copy)]
struct Slow {
    reply: u32,
    customer: u32,
    seconds: u64,
}

/// A text of the thread lists that `--redact` masks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListedText {
    /// An agent's address (a slow reply's sender).
    Agent,
    /// A customer's name and address.
    Customer,
    /// A customer message's subject.
    Subject,
}

/// What the threads of a run showed.
///
/// The two lists hold tracker nodes, 4 and 16 bytes an entry, and are
/// turned into [`CustomerMail`] and [`SlowReply`] one by one as they are
/// reported: an inbox of a million unanswered mails must not hold a
/// million sets of strings.
#[derive(Debug, Clone, Default)]
pub struct ThreadSummary {
    pub customer_messages: usize,
    pub answered: usize,
    /// Customer messages nobody answered, in input order.
    no_reply: Vec<u32>,
    /// First replies later than `reply_within`, in input order of the
    /// customer messages.
    slow_reply: Vec<Slow>,
    store: Store,
    pub reply_within: u64,
    pub business_hours: Option<BusinessHours>,
    pub overall: ReplyTimes,
    /// Per agent (the reply's sender), by address.
    pub agents: Vec<(String, ReplyTimes)>,
    /// More messages than the tracker keeps: the figures cover the first ones.
    pub incomplete: bool,
    /// Which of the two rules ran (`--select`/`--ignore`).
    pub no_reply_checked: bool,
    pub slow_reply_checked: bool,
}

impl ThreadSummary {
    /// Customer messages nobody answered, in input order.
    pub fn no_reply(&self) -> impl ExactSizeIterator<Item = CustomerMail> + '_ {
        self.no_reply.iter().map(|&at| self.store.customer_mail(at))
    }

    pub fn no_reply_count(&self) -> usize {
        self.no_reply.len()
    }

    /// First replies later than `reply_within`, in input order of the
    /// customer messages.
    pub fn slow_reply(&self) -> impl ExactSizeIterator<Item = SlowReply> + '_ {
        self.slow_reply
            .iter()
            .map(|slow| self.store.slow_reply(slow))
    }

    pub fn slow_reply_count(&self) -> usize {
        self.slow_reply.len()
    }

    /// Masks the names and subjects the lists show, each once, in the
    /// order the lists show them (the no-reply list first).
    pub fn mask_listed(&mut self, mask: &mut dyn FnMut(ListedText, &mut String)) {
        let store = &mut self.store;
        let mut details_done = vec![false; store.details.len()];
        let mut agents_done = vec![false; store.agents.len()];
        let customers = self
            .no_reply
            .iter()
            .map(|&at| (None, at))
            .chain(self.slow_reply.iter().map(|s| (Some(s.reply), s.customer)));
        for (reply, customer) in customers {
            if let Some(reply) = reply {
                let agent = store.nodes[reply as usize].extra() as usize;
                if let (Some(name), Some(done)) =
                    (store.agents.get_mut(agent), agents_done.get_mut(agent))
                {
                    if !std::mem::replace(done, true) {
                        mask(ListedText::Agent, name);
                    }
                }
            }
            let extra = store.nodes[customer as usize].extra() as usize;
            if let (Some(detail), Some(done)) =
                (store.details.get_mut(extra), details_done.get_mut(extra))
            {
                if !std::mem::replace(done, true) {
                    let mut from = detail.from.to_string();
                    mask(ListedText::Customer, &mut from);
                    let mut subject = detail.subject.to_string();
                    mask(ListedText::Subject, &mut subject);
                    (detail.from, detail.subject) = (from.into(), subject.into());
                }
            }
        }
        for (agent, _) in &mut self.agents {
            mask(ListedText::Agent, agent);
        }
    }

    /// Keeps what the selected rules report; `None` when neither runs.
    /// `per-file-ignores` drop the entries of their files: a customer
    /// message's for `no-reply`, a reply's for `slow-reply`.
    pub fn selected(mut self, selection: &Selection, ignores: &PerFileIgnores) -> Option<Self> {
        self.no_reply_checked = selection.is_enabled("no-reply");
        self.slow_reply_checked = selection.is_enabled("slow-reply");
        if !self.no_reply_checked {
            self.no_reply.clear();
        }
        if !self.slow_reply_checked {
            self.slow_reply.clear();
        }
        let store = &self.store;
        if let Some(rule) = crate::rules::by_id("no-reply") {
            self.no_reply
                .retain(|&at| !ignores.ignores(&store.file_of(at as usize), rule));
        }
        if let Some(rule) = crate::rules::by_id("slow-reply") {
            self.slow_reply
                .retain(|slow| !ignores.ignores(&store.file_of(slow.reply as usize), rule));
        }
        (self.no_reply_checked || self.slow_reply_checked).then_some(self)
    }
}

/// Are `no-reply` or `slow-reply` selected (is threading worth doing)?
pub fn thread_rules_enabled(selection: &Selection) -> bool {
    selection.is_enabled("no-reply") || selection.is_enabled("slow-reply")
}

/// The advisory side of a run's summary: per-message advisory findings
/// counted per rule, and the threads (`None` for templates, or when
/// neither thread rule runs).
#[derive(Debug, Clone, Default)]
pub struct AdvisorySummary {
    pub findings: BTreeMap<&'static str, usize>,
    pub threads: Option<ThreadSummary>,
}

impl AdvisorySummary {
    pub fn record(&mut self, findings: &[Finding]) {
        for finding in findings.iter().filter(|f| f.is_advisory()) {
            *self.findings.entry(finding.rule).or_default() += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_node_takes_32_bytes() {
        assert_eq!(std::mem::size_of::<Node>(), 32);
    }

    /// The packed fields come back as they went in, at their limits too.
    #[test]
    fn packed_fields_round_trip() {
        let node = |extra: u32, offset: i16, start: usize, len: usize, reply: bool| Node {
            id: 0,
            thread: 0,
            date: 0,
            from: 0,
            extra_offset: Node::pack_extra_offset(extra, offset),
            refs: Node::pack_refs(start, len, reply),
        };
        for (extra, offset) in [
            (0, 0),
            (7, -300),
            (EXTRA_NONE - 1, 840),
            (NONE, -720),
            (3, 8191),
        ] {
            for (start, len, reply) in [
                (0, 0, false),
                (12, 3, true),
                (MAX_NODES * MAX_REFS, 1, false),
            ] {
                let n = node(extra, offset, start, len, reply);
                assert_eq!(n.extra(), extra, "{extra} {offset}");
                assert_eq!(n.offset(), offset, "{extra} {offset}");
                assert_eq!(
                    (n.refs_start(), n.refs_len(), n.reply()),
                    (start, len, reply)
                );
            }
        }
        // Offsets beyond any time zone are clamped, not wrapped.
        assert_eq!(node(0, i16::MAX, 0, 0, false).offset(), 8191);
        assert_eq!(node(0, i16::MIN, 0, 0, false).offset(), -8192);
    }

    /// Message indices survive gaps (messages not kept) and new files.
    #[test]
    fn message_indices_across_gaps_and_files() {
        let mut tracker = ThreadTracker::default();
        let (a, b): (Arc<str>, Arc<str>) = (Arc::from("a.mbox"), Arc::from("b.mbox"));
        let added = [
            (&a, 0),
            (&a, 1),
            (&a, 4),
            (&a, 5),
            (&b, 6),
            (&b, 7),
            (&b, 0),
        ];
        for (file, index) in added {
            let mail = Mail {
                from: Some(person("anna@example.fi")),
                ..Mail::default()
            };
            tracker.add(&Message::without_context(
                Arc::clone(file),
                index,
                mail,
                MessageKind::Customer,
            ));
        }
        for (at, (file, index)) in added.iter().enumerate() {
            assert_eq!(tracker.store.index_of(at), *index, "node {at}");
            assert_eq!(*tracker.store.file_of(at), ***file, "node {at}");
        }
        assert_eq!(tracker.store.index_runs.len(), 4);
    }

    #[test]
    fn chunked_storage_keeps_order_across_chunks() {
        let mut items = Chunked::default();
        let n = 2 * CHUNK + 3;
        for i in 0..n {
            items.push(i);
        }
        assert_eq!(items.len(), n);
        assert_eq!(items.chunks.len(), 3);
        for at in [0, CHUNK - 1, CHUNK, 2 * CHUNK, n - 1] {
            assert_eq!(items[at], at);
        }
        assert!(items.iter().copied().eq(0..n));
    }
    use crate::mail::{Mail, Person};

    fn person(address: &str) -> Person {
        Person {
            name: None,
            address: Some(address.to_string()),
        }
    }

    /// A message with the headers threading looks at.
    struct Msg {
        id: &'static str,
        from: &'static str,
        to: &'static str,
        subject: &'static str,
        date: i64,
        in_reply_to: &'static [&'static str],
        reply: bool,
    }

    fn track(messages: &[Msg]) -> ThreadSummary {
        let mut tracker = ThreadTracker::default();
        let file: Arc<str> = Arc::from("t.mbox");
        for (index, m) in messages.iter().enumerate() {
            let mail = Mail {
                message_id: (!m.id.is_empty()).then(|| m.id.to_string()),
                in_reply_to: m.in_reply_to.iter().map(ToString::to_string).collect(),
                from: Some(person(m.from)),
                to: vec![person(m.to)],
                subject: Some(m.subject.to_string()),
                timestamp: Some(m.date),
                ..Mail::default()
            };
            let kind = if m.reply {
                MessageKind::Reply
            } else {
                MessageKind::Customer
            };
            tracker.add(&Message::without_context(
                Arc::clone(&file),
                index,
                mail,
                kind,
            ));
        }
        tracker.finish(&ThreadSettings::default())
    }

    const H: i64 = 3600;

    #[test]
    fn subjects_are_normalised() {
        for s in [
            "Re: Tilaus",
            "RE: re: Tilaus",
            "VS: Vast: tilaus",
            "SV:AW: Tilaus",
            "Fwd: Re[2]: Tilaus",
            "[#1234] Re: Tilaus",
            "  tilaus ",
        ] {
            assert_eq!(normalised_subject(s), "tilaus", "{s}");
        }
        assert_eq!(normalised_subject("Reklamaatio"), "reklamaatio");
        assert_eq!(normalised_subject("Svar om väskan"), "svar om väskan");
    }

    #[test]
    fn replies_before_their_customer_messages() {
        // The Sent folder first: the reply by In-Reply-To, then one by
        // subject only (no headers), then the customers.
        let summary = track(&[
            Msg {
                id: "r1@shop",
                from: "mikko@shop.fi",
                to: "anna@example.fi",
                subject: "Re: Kassi",
                date: 10 * H,
                in_reply_to: &["c1@example.fi"],
                reply: true,
            },
            Msg {
                id: "",
                from: "mikko@shop.fi",
                to: "eino@example.fi",
                subject: "VS: Lasku",
                date: 40 * H,
                in_reply_to: &[],
                reply: true,
            },
            Msg {
                id: "c1@example.fi",
                from: "anna@example.fi",
                to: "tuki@shop.fi",
                subject: "Kassi",
                date: 8 * H,
                in_reply_to: &[],
                reply: false,
            },
            Msg {
                id: "c2@example.fi",
                from: "eino@example.fi",
                to: "tuki@shop.fi",
                subject: "Lasku",
                date: 6 * H,
                in_reply_to: &[],
                reply: false,
            },
            Msg {
                id: "c3@example.fi",
                from: "eino@example.fi",
                to: "tuki@shop.fi",
                subject: "Toinen asia",
                date: 7 * H,
                in_reply_to: &[],
                reply: false,
            },
        ]);
        assert_eq!(summary.customer_messages, 3);
        assert_eq!(summary.answered, 2);
        let no_reply: Vec<CustomerMail> = summary.no_reply().collect();
        assert_eq!(no_reply.len(), 1);
        assert_eq!(no_reply[0].index, 4);
        // Anna waited 2 h, Eino 34 h: one slow reply over the default 24 h.
        let slow_reply: Vec<SlowReply> = summary.slow_reply().collect();
        assert_eq!(slow_reply.len(), 1);
        assert_eq!(slow_reply[0].seconds, 34 * 3600);
        assert_eq!(slow_reply[0].customer.index, 3);
        assert_eq!(summary.overall.replies, 2);
        // Median of 2 h and 34 h: (7200 + 122400) / 2 = 64800 s (18 h).
        assert_eq!(summary.overall.median_seconds, Some(64_800.0));
    }

    /// The lists are made from the nodes on demand; masking changes what
    /// they show, each text once, in the order the lists show them.
    #[test]
    fn listed_texts_are_masked_once_in_list_order() {
        use ListedText::{Agent, Customer, Subject};
        let customer = |id, from, subject, date| Msg {
            id,
            from,
            to: "tuki@shop.fi",
            subject,
            date,
            in_reply_to: &[],
            reply: false,
        };
        let reply = |from, to, subject, date, in_reply_to| Msg {
            id: "",
            from,
            to,
            subject,
            date,
            in_reply_to,
            reply: true,
        };
        let mut summary = track(&[
            customer("c1@x", "eino@example.fi", "Lasku", 0),
            reply(
                "mikko@shop.fi",
                "eino@example.fi",
                "Re: Lasku",
                30 * H,
                &["c1@x"],
            ),
            customer("c2@x", "anna@example.fi", "Kassi", H),
            customer("c3@x", "ville@example.fi", "Vetoketju", 2 * H),
            reply(
                "mikko@shop.fi",
                "ville@example.fi",
                "Re: Vetoketju",
                40 * H,
                &["c3@x"],
            ),
        ]);
        assert_eq!(
            (summary.no_reply_count(), summary.slow_reply_count()),
            (1, 2)
        );
        let mut seen = Vec::new();
        summary.mask_listed(&mut |kind, text| {
            seen.push((kind, text.clone()));
            *text = format!("<{}>", seen.len());
        });
        let expected = [
            (Customer, "anna@example.fi"),
            (Subject, "Kassi"),
            (Agent, "mikko@shop.fi"),
            (Customer, "eino@example.fi"),
            (Subject, "Lasku"),
            (Customer, "ville@example.fi"),
            (Subject, "Vetoketju"),
            // The reply-times list keeps its own copy of the agents.
            (Agent, "mikko@shop.fi"),
        ];
        let seen: Vec<(ListedText, &str)> = seen.iter().map(|(k, t)| (*k, t.as_str())).collect();
        assert_eq!(seen, expected);
        let anna = summary.no_reply().next().unwrap();
        assert_eq!((anna.from.as_str(), anna.subject.as_str()), ("<1>", "<2>"));
        let slow: Vec<SlowReply> = summary.slow_reply().collect();
        assert_eq!(
            [
                &slow[0].agent,
                &slow[0].customer.from,
                &slow[1].agent,
                &slow[1].customer.subject
            ],
            ["<3>", "<4>", "<3>", "<7>"]
        );
        assert_eq!(summary.agents[0].0, "<8>");
    }

    #[test]
    fn a_customers_own_follow_up_is_not_an_answer() {
        let summary = track(&[
            Msg {
                id: "c1@x",
                from: "anna@example.fi",
                to: "tuki@shop.fi",
                subject: "Kassi",
                date: 0,
                in_reply_to: &[],
                reply: false,
            },
            // Classified as a reply (it has In-Reply-To), but Anna wrote it.
            Msg {
                id: "c2@x",
                from: "anna@example.fi",
                to: "tuki@shop.fi",
                subject: "Re: Kassi",
                date: H,
                in_reply_to: &["c1@x"],
                reply: true,
            },
        ]);
        assert_eq!(summary.no_reply().len(), 1);
        assert_eq!(summary.overall.replies, 0);
    }

    #[test]
    fn percentiles_by_hand() {
        // 10 values 1..=10: median (5 + 6) / 2 = 5.5; p90 rank ⌈9⌉ = 9 -> 9.
        let mut v: Vec<u32> = (1..=10).rev().collect();
        let t = ReplyTimes::of(&mut v);
        assert_eq!((t.median_seconds, t.p90_seconds), (Some(5.5), Some(9)));
        // 3 values: median the middle one, p90 rank ⌈2.7⌉ = 3 -> the largest.
        let t = ReplyTimes::of(&mut [30, 10, 20]);
        assert_eq!((t.median_seconds, t.p90_seconds), (Some(20.0), Some(30)));
        assert_eq!(ReplyTimes::of(&mut []).replies, 0);
    }

    #[test]
    fn business_hours_parse_and_count() {
        let hours: BusinessHours = "08-16".parse().unwrap();
        assert_eq!(hours.to_string(), "mon-fri 08:00-16:00");
        let sat: BusinessHours = "ma-la 09:30-17".parse().unwrap();
        assert_eq!(sat.to_string(), "mon-sat 09:30-17:00");
        for bad in ["16-08", "8", "mon-fri", "xyz 08-16", "08-25"] {
            assert!(bad.parse::<BusinessHours>().is_err(), "{bad}");
        }
        // 2026-11-06 is a Friday. Friday 15:00 -> Monday 09:00 (UTC):
        // Friday 15-16 (1 h) + Monday 08-09 (1 h) = 2 business hours,
        // against 66 calendar hours.
        let friday_15 = 1_793_977_200; // 2026-11-06T15:00:00Z
        let monday_9 = friday_15 + 66 * 3600;
        assert_eq!(hours.seconds_between(friday_15, monday_9, 0), 2 * 3600);
        // The same instants in UTC+2: Friday 17:00 -> Monday 11:00 local:
        // nothing on Friday, Monday 08-11 = 3 h.
        assert_eq!(
            hours.seconds_between(friday_15, monday_9, 2 * 3600),
            3 * 3600
        );
        // A whole week: 5 days x 8 h.
        assert_eq!(
            hours.seconds_between(friday_15, friday_15 + 7 * 86_400, 0),
            40 * 3600
        );
        assert_eq!(hours.seconds_between(monday_9, friday_15, 0), 0);
    }
}
