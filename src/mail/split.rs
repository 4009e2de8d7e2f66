//! Splitting a message's text into the parts of a reply: greeting, body,
//! closing, signature, and the quoted original (or forwarded block).
//!
//! The splitter works on lines. It first finds where the quoted original
//! starts (a `>` block, an attribution such as "On … wrote:" / "X kirjoitti:"
//! / "Den … skrev:", an Outlook header block, an "-----Original Message-----"
//! separator), handling top-posted, bottom-posted and interleaved replies.
//! In the agent's own lines it then finds the greeting at the top (after at
//! most one banner line), the signature at the bottom (`-- `, device lines,
//! name/title/phone blocks) and the closing just above it. The words come
//! from the language packs; only the shapes are code.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use super::Person;
use super::names;
use crate::lang::fast_regex::FastRegex;
use crate::lang::pack::{self, SplitWords};

/// The parts of one message's text. `own` is the text the sender wrote
/// (greeting, body and closing, quotes and signature removed); the three
/// ranges index into it, and `own_line` maps its lines back to the message.
#[derive(Debug, Clone, Default)]
pub struct Reply {
    pub own: String,
    pub greeting: Range<usize>,
    pub body: Range<usize>,
    pub closing: Range<usize>,
    pub signature: String,
    /// The quoted original and forwarded blocks, as they appear.
    pub quoted: String,
    /// The customer's own text inside the quote (unquoted and split again).
    pub customer_text: String,
    /// Who wrote the quoted original, from the attribution or header block.
    pub quoted_from: Option<Person>,
    /// The quoted author's sign-off name ("Terveisin, Anna").
    pub quoted_signoff: Option<String>,
    /// The sender's own sign-off name, after the closing.
    pub signoff: Option<String>,
    /// The message quoted inside the quoted original, when its author has
    /// an address: a forwarded note may stand above the customer's quote
    /// ("Alla toimittajan viesti…"), and the reply's To tells them apart.
    pub nested: Option<Box<Nested>>,
    /// 1-based line number in the message text of each line of `own`.
    own_line: Vec<usize>,
}

/// A message quoted inside the quoted original.
#[derive(Debug, Clone, Default)]
pub struct Nested {
    pub text: String,
    pub from: Person,
    pub signoff: Option<String>,
}

impl Reply {
    pub fn greeting_text(&self) -> &str {
        &self.own[self.greeting.clone()]
    }

    pub fn body_text(&self) -> &str {
        &self.own[self.body.clone()]
    }

    pub fn closing_text(&self) -> &str {
        &self.own[self.closing.clone()]
    }

    /// Line and column (both 1-based, column in characters) in the
    /// message's text of a byte offset into `own`.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.own.len());
        let before = &self.own[..offset];
        let own_line = before.matches('\n').count();
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        (self.message_line(own_line), column)
    }

    /// The line of the message (1-based) that line `own_line` (0-based) of
    /// `own` comes from.
    pub fn message_line(&self, own_line: usize) -> usize {
        self.own_line.get(own_line).copied().unwrap_or(own_line + 1)
    }
}

/// Compiled patterns built from the language packs' split words.
#[derive(Debug)]
struct Patterns {
    greeting: FastRegex,
    closing: FastRegex,
    device: FastRegex,
    banner: FastRegex,
    wrote: FastRegex,
    opener: FastRegex,
    header_field: FastRegex,
    separator: FastRegex,
    /// Gmail's date-first attribution: "2014-10-17 11:28 GMT+03:00".
    gmail_dated: FastRegex,
    year: FastRegex,
    clock: FastRegex,
    numeric_date: FastRegex,
    /// A line that is only a date and a time: "11/02/2026 10:11 AM".
    date_line: FastRegex,
    /// "Anna <a@b.fi> on 11/02/2026 10:11:12 AM".
    sender_on_date: FastRegex,
    /// Abbreviated titles ("mr", "tri"), lower case.
    titles: Vec<String>,
}

fn alternation(words: &[String]) -> String {
    let mut words: Vec<&String> = words.iter().collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    words.dedup();
    words
        .iter()
        .map(|w| regex::escape(w).replace(' ', r"\s+"))
        .collect::<Vec<_>>()
        .join("|")
}

fn patterns() -> &'static Patterns {
    static PATTERNS: OnceLock<Patterns> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        let words = SplitWords::merged(pack::builtin());
        let re = |pattern: String| FastRegex::new(&pattern).expect("split pattern compiles");
        Patterns {
            greeting: re(format!(
                r"(?i)^(?:{})(?:$|[\s,!.:;])",
                alternation(&words.greetings)
            )),
            closing: re(format!(
                r"(?i)^(?:{})(?:$|[\s,!.:;\-])",
                alternation(&words.closings)
            )),
            device: re(format!(r"(?i)^(?:{})", alternation(&words.devices))),
            banner: re(format!(
                r"(?i)(?:^\s*\[?\s*#\s*\d+|^\s*##-|\b(?:{})\b)",
                alternation(&words.banners)
            )),
            wrote: re(format!(
                r"(?i)(?:^|[\s,>])(?:{})\s*:?",
                alternation(&words.wrote)
            )),
            opener: re(format!(
                r"(?i)^(?:{})\s",
                alternation(&words.attribution_openers)
            )),
            header_field: re(format!(
                r"(?i)^[*_]{{0,2}}(?:{})[*_]{{0,2}}\s*[:：][*_]{{0,2}}(?:\s|$)",
                alternation(&words.header_fields)
            )),
            // "-----Original Message-----" alone, or after a rule with
            // more on the line ("----- Forwarded by Anna on 2.11.2026 -----").
            separator: re(format!(
                r"(?i)^(?:[\s\-_=*>]*(?:{0})\s*:?[\s\-_=*]*$|\s*[\-_=*]{{3,}}\s*(?:{0})\b)",
                alternation(&words.separators)
            )),
            gmail_dated: re(
                r"(?i)^\d{4}[-/]\d{1,2}[-/]\d{1,2}\s+\d{1,2}:\d{2}\s+GMT[+-]\d{1,2}:?\d{2}\b"
                    .into(),
            ),
            year: re(r"\b(?:19|20)\d{2}\b".into()),
            clock: re(r"\b\d{1,2}[:.]\d{2}\b".into()),
            date_line: re(
                r"(?i)^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}\.?\s+(?:klo\s+|kl\.?\s+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:am|pm)?$"
                    .into(),
            ),
            sender_on_date: re(
                r"(?i)\son\s+\d{1,2}/\d{1,2}/\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:am|pm)?$".into(),
            ),
            titles: words.titles.clone(),
            numeric_date: re(
                r"\b(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})\b".into(),
            ),
        }
    })
}

/// How a quoted region starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum QuoteKind {
    /// `>` lines: text after them may be the sender's again (interleaved).
    Marked,
    /// An attribution line followed by the original.
    Attribution,
    /// A header block or separator: everything after is the original.
    Block,
}

/// A found quote start: the first line of the quote, its kind, and the
/// lines that are its header (attribution or header block), not content.
#[derive(Debug, Clone, Copy)]
struct QuoteStart {
    line: usize,
    kind: QuoteKind,
    header_end: usize,
}

fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

fn is_marked(line: &str) -> bool {
    line.trim_start().starts_with('>')
}

fn is_rule_line(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 5
        && t.chars()
            .all(|c| matches!(c, '_' | '-' | '=' | '*' | '—' | '─'))
}

/// One line of a possible attribution, without the dashes some clients put
/// around it ("---- Anna wrote ----"): the text and whether it had them.
fn attribution_piece(line: &str) -> (&str, bool) {
    let t = line.trim();
    let inner = t
        .trim_matches(|c| matches!(c, '-' | '=' | '_' | '*'))
        .trim();
    let decorated = t.starts_with("--") || t.ends_with("--") || t.starts_with("==");
    (inner, decorated && inner.len() < t.len())
}

/// Whether an attribution may go on over the next line after `piece`: its
/// start has a date, an address or an opener ("On …"), and it is not a
/// finished sentence. Plain prose is not joined to a following "X wrote:".
fn may_continue(piece: &str) -> bool {
    (piece.chars().any(|c| c.is_ascii_digit())
        || piece.contains(['@', '<'])
        || patterns().opener.is_match(piece))
        && !ends_sentence(piece)
}

/// Whether a line ends a sentence: "!", "?", or "." after a word that is
/// neither a number nor a short abbreviation ("28.", "Apr.", "kl.").
fn ends_sentence(line: &str) -> bool {
    if line.ends_with(['!', '?']) {
        return true;
    }
    let Some(rest) = line.strip_suffix('.') else {
        return false;
    };
    let last = rest.rsplit(char::is_whitespace).next().unwrap_or("");
    !(last.chars().all(|c| c.is_ascii_digit()) || last.chars().count() <= 3)
}

/// An address in angle brackets is still open ("Anna <" / "<anna@x.fi"):
/// the next line closes it, even when it starts with `>`.
fn unclosed_angle(text: &str) -> bool {
    text.matches('<').count() > text.matches('>').count()
}

/// The attribution starting at `i`, if any: returns the index one past its
/// last line. Up to three physical lines are joined (clients wrap long
/// ones); an "On <date> …" opener may also span blank lines (Polymail).
fn attribution_at(lines: &[&str], i: usize) -> Option<usize> {
    let p = patterns();
    let (first, _) = attribution_piece(lines[i]);
    if first.is_empty() {
        return None;
    }
    let opened = p.opener.is_match(first)
        && first.chars().any(|c| c.is_ascii_digit())
        && !ends_sentence(first);
    let span = if opened { 6 } else { 3 };
    let mut joined = String::new();
    let mut decorated = false;
    let mut pieces = 0;
    for j in i..lines.len().min(i + span) {
        let raw = lines[j].trim();
        let (piece, deco) = attribution_piece(raw);
        if piece.is_empty() {
            if opened && pieces < 4 {
                continue;
            }
            break;
        }
        if pieces > 0 {
            // A sign-off or a new "On …" opener below: this line was prose
            // ("on Saturdays we are open 10 to 16."), not an attribution.
            if p.closing.is_match(piece) || p.opener.is_match(piece) {
                break;
            }
            // Go on only after an unclosed address, or after an unfinished
            // attribution start when the next line is neither quoted text
            // nor a header field.
            let goes_on = unclosed_angle(&joined)
                || (may_continue(&joined) && !is_marked(raw) && !p.header_field.is_match(piece));
            if !goes_on {
                break;
            }
            joined.push(' ');
        }
        joined.push_str(piece);
        pieces += 1;
        decorated |= deco;
        if joined.len() > 400 {
            return None;
        }
        let quote_follows = lines.get(j + 1).is_some_and(|l| is_marked(l));
        if is_attribution_text(&joined, decorated, quote_follows)
            || is_dated_header(&joined, lines, j)
        {
            return Some(j + 1);
        }
    }
    // Gmail's date-first form without a verb may stand alone:
    // "2016-03-03 17:21 GMT+01:00 Anna Virtanen".
    p.gmail_dated.is_match(first).then_some(i + 1)
}

/// "Anna kirjoitti:" / "On Mon, … wrote:" / "Den … skrev Anna <a@b>:" /
/// "Anna <a@b> kirjoitti 2.11.2026 kello 10.11:" / "---- Anna wrote ----",
/// and a short "Anna wrote" right above `>` lines (`quote_follows`).
fn is_attribution_text(joined: &str, decorated: bool, quote_follows: bool) -> bool {
    let p = patterns();
    let Some(found) = p.wrote.find(joined) else {
        return false;
    };
    let ends_with_colon = joined.ends_with([':', '：']) || decorated;
    let opener = p.opener.is_match(joined);
    let evidence = joined.contains('@') || joined.chars().any(|c| c.is_ascii_digit()) || opener;
    let tail = joined[found.end()..].trim().trim_start_matches([':', '：']);
    let wrote_at_end = tail.is_empty();
    // After the verb come at most a name, an address and a date
    // ("skrev Anna <a@b.fi>:"), not sentences.
    if tail.chars().count() > 80 {
        return false;
    }
    let shape = (ends_with_colon && (wrote_at_end || evidence))
        || (wrote_at_end && (quote_follows || opener && evidence));
    // A short "X wrote:" needs nothing more; a longer line needs dates,
    // addresses or an opener, so that a sentence is not taken for one.
    shape && (evidence || joined.chars().count() <= 60)
}

/// An attribution without a verb: a date, a time and an address, ending
/// with a colon ("2014-03-20 8:48 GMT+01:00 Anna <a@b.fi>:", "Wednesday,
/// 17 November 2021, 3:32 PM from a@b.fi <a@b.fi>:"), or with the address
/// when the quote follows at once ("2011/4/7 Anna <a@b.fi>" then `>` lines).
fn is_dated_header(joined: &str, lines: &[&str], last: usize) -> bool {
    let p = patterns();
    if !joined.contains('@') || !p.year.is_match(joined) || joined.split_whitespace().count() > 25 {
        return false;
    }
    if joined.ends_with([':', '：']) {
        return p.clock.is_match(joined);
    }
    joined.ends_with('>')
        && p.numeric_date.is_match(joined)
        && lines[last + 1..]
            .iter()
            .take(4)
            .find(|l| !is_blank(l))
            .is_some_and(|l| is_marked(l))
}

/// A header block ("From: … / Sent: … / To: … / Subject: …") starting at
/// `i`: returns one past its last header line.
fn header_block_at(lines: &[&str], i: usize) -> Option<usize> {
    let p = patterns();
    let first = lines[i].trim_start_matches(['>', ' ', '\t']);
    if !p.header_field.is_match(first) {
        return None;
    }
    let mut fields = 0;
    let mut end = i;
    let mut j = i;
    while j < lines.len() && j < i + 12 {
        let line = lines[j].trim_start_matches(['>', ' ', '\t']);
        if p.header_field.is_match(line) {
            fields += 1;
            end = j + 1;
        } else if is_blank(line) {
            // One blank line may sit between fields (Lotus Notes).
            let field_next = lines.get(j + 1).is_some_and(|l| {
                p.header_field
                    .is_match(l.trim_start_matches(['>', ' ', '\t']))
            });
            if fields >= 2 && !field_next {
                break;
            }
        } else if j > i && !lines[j].starts_with([' ', '\t']) && fields >= 2 {
            break;
        }
        j += 1;
    }
    (fields >= 2).then_some(end)
}

/// Lotus Notes puts the sender and the date above the header fields
/// ("Anna Virtanen@EXAMPLE" / "11/02/2026 10:11 AM" / "To: …", or
/// "Anna <a@b> on 11/02/2026 10:11 AM" / "To: …"): given the header
/// block's first line `i`, the first line of such a lead-in.
fn header_lead_in(lines: &[&str], i: usize) -> Option<usize> {
    let p = patterns();
    // The date line, with at most one blank line before the fields.
    let d = (i.saturating_sub(2)..i)
        .rev()
        .find(|&j| !is_blank(lines[j]))?;
    let dated = lines[d].trim();
    let sender_on_date = dated.contains('@') && p.sender_on_date.is_match(dated);
    if !(p.date_line.is_match(dated) || sender_on_date) {
        return None;
    }
    // A name line above a bare date; "Sent by: …" may sit between them.
    let short = |j: usize| {
        let t = lines[j].trim();
        !t.is_empty() && t.split_whitespace().count() <= 6 && !ends_sentence(t)
    };
    let mut start = d;
    if !sender_on_date && d > 0 && short(d - 1) {
        start = d - 1;
        if lines[start].contains(':') && start > 0 && short(start - 1) {
            start -= 1;
        }
    }
    Some(start)
}

fn separator_at(lines: &[&str], i: usize) -> Option<usize> {
    let line = lines[i].trim();
    if line.is_empty() || line.len() > 120 {
        return None;
    }
    patterns().separator.is_match(line).then_some(i + 1)
}

/// Finds where the quoted original starts.
fn find_quote(lines: &[&str]) -> Option<QuoteStart> {
    for i in 0..lines.len() {
        let line = lines[i];
        if is_blank(line) {
            continue;
        }
        if let Some(end) = separator_at(lines, i) {
            // An attribution or header block right after belongs to it.
            let next = (end..lines.len())
                .find(|&j| !is_blank(lines[j]))
                .unwrap_or(end);
            let header_end = if next < lines.len() {
                header_block_at(lines, next).unwrap_or(end)
            } else {
                end
            };
            return Some(QuoteStart {
                line: i,
                kind: QuoteKind::Block,
                header_end,
            });
        }
        if is_marked(line) {
            // A `>`-quoted attribution or header block is still a quote.
            return Some(QuoteStart {
                line: i,
                kind: QuoteKind::Marked,
                header_end: i,
            });
        }
        if let Some(end) = header_block_at(lines, i) {
            // A rule line above it (blank lines between) starts the block,
            // and so do a sender and a date line (Lotus Notes).
            let above = (0..i).rev().find(|&j| !is_blank(lines[j]));
            let start = above
                .filter(|&j| is_rule_line(lines[j]))
                .or_else(|| header_lead_in(lines, i))
                .unwrap_or(i);
            return Some(QuoteStart {
                line: start,
                kind: QuoteKind::Block,
                header_end: end,
            });
        }
        if let Some(end) = attribution_at(lines, i) {
            return Some(QuoteStart {
                line: i,
                kind: QuoteKind::Attribution,
                header_end: end,
            });
        }
    }
    None
}

/// Which lines are the sender's own, and which are quoted.
#[derive(Debug, Default)]
struct Layout {
    own: Vec<usize>,
    quoted: Vec<usize>,
    /// The attribution or header block lines of the quote.
    quote_header: Vec<usize>,
    /// Lines after the quote that are the sender's signature.
    trailing_signature: Vec<usize>,
}

fn layout(lines: &[&str]) -> Layout {
    let mut out = Layout::default();
    let Some(start) = find_quote(lines) else {
        out.own = (0..lines.len()).collect();
        return out;
    };
    out.quote_header = (start.line..start.header_end).collect();
    let own_before: Vec<usize> = (0..start.line).collect();
    let has_own_before = own_before.iter().any(|&i| !is_blank(lines[i]));
    out.own = own_before;

    if start.kind == QuoteKind::Block {
        out.quoted = (start.line..lines.len()).collect();
        return out;
    }
    // Attribution or `>` lines: walk the rest in segments of marked and
    // unmarked lines. Unmarked text between or after quote blocks is the
    // sender's again (interleaved or bottom-posted), unless a deeper
    // header or separator says the rest is an older original.
    let mut i = start.header_end.max(start.line);
    let mut quoted_any = false;
    let mut own_after: Vec<usize> = Vec::new();
    while i < lines.len() {
        let line = lines[i];
        if is_marked(line) {
            quoted_any = true;
            out.quoted.push(i);
            i += 1;
            continue;
        }
        if is_blank(line) {
            if quoted_any && !own_after.is_empty() {
                own_after.push(i);
            } else {
                out.quoted.push(i);
            }
            i += 1;
            continue;
        }
        // Unmarked text.
        if !quoted_any {
            // Attribution not followed by `>`: the original follows
            // unmarked (Gmail's HTML turned into text, Outlook).
            out.quoted.extend(i..lines.len());
            break;
        }
        if separator_at(lines, i).is_some()
            || header_block_at(lines, i).is_some()
            || attribution_at(lines, i).is_some()
        {
            out.quoted.extend(i..lines.len());
            break;
        }
        if lines[i].trim_end() == "--" {
            out.trailing_signature.extend(i..lines.len());
            break;
        }
        if let Some(end) = lazy_continuation(lines, i) {
            out.quoted.extend(i..end);
            i = end;
            continue;
        }
        own_after.push(i);
        i += 1;
    }
    // Unmarked text after the quote is kept as the sender's when it is a
    // real answer: bottom-posting (nothing before the quote) or more quote
    // blocks follow it (interleaving).
    let last_marked = out
        .quoted
        .iter()
        .rev()
        .find(|&&q| is_marked(lines[q]))
        .copied();
    let interleaved = own_after
        .iter()
        .any(|&o| last_marked.is_some_and(|m| o < m));
    if !has_own_before || interleaved || is_signoff_block(lines, &own_after) {
        out.own.extend(own_after);
        out.own.sort_unstable();
    } else {
        // Text after a top-posted reply's quote: a footer of the quoted
        // mail (list footers, disclaimers), not the sender's.
        out.quoted.extend(own_after);
        out.quoted.sort_unstable();
    }
    out
}

/// Unmarked lines wedged between two `>` lines with no blank line around
/// them are the quoted text's own lines wrapped by a client that did not
/// mark the continuation: returns one past them.
fn lazy_continuation(lines: &[&str], i: usize) -> Option<usize> {
    let before = lines.get(i.checked_sub(1)?)?;
    if !is_marked(before) {
        return None;
    }
    let content = before.trim_start_matches(['>', ' ', '\t']).trim_end();
    // A rule line is a footer's, never an answer.
    if content.is_empty() && !is_rule_line(lines[i]) {
        return None;
    }
    // After a long quoted line (a client re-wrapped it), a whole paragraph
    // may be unmarked; otherwise only a line or two.
    let most = if content.chars().count() >= 60 { 12 } else { 2 };
    let end =
        (i..lines.len().min(i + most + 1)).find(|&j| is_marked(lines[j]) || is_blank(lines[j]))?;
    (end > i && is_marked(lines[end])).then_some(end)
}

/// A sign-off with a short signature under the quote, after a blank line
/// (a client set to put the signature below it): "Regards, Anna".
fn is_signoff_block(lines: &[&str], own_after: &[usize]) -> bool {
    if !own_after
        .first()
        .is_some_and(|&f| f > 0 && is_blank(lines[f - 1]))
    {
        return false;
    }
    let text: Vec<&str> = own_after
        .iter()
        .map(|&i| lines[i].trim())
        .filter(|l| !l.is_empty())
        .collect();
    text.first()
        .is_some_and(|first| patterns().closing.is_match(first))
        && text.len() <= 4
        && text.iter().all(|l| l.chars().count() <= 40)
}

/// Splits a message's text into the parts of a reply.
pub fn split_reply(text: &str) -> Reply {
    split_with_depth(text, 0)
}

fn split_with_depth(text: &str, depth: usize) -> Reply {
    let lines: Vec<&str> = text.lines().collect();
    let layout = layout(&lines);
    let mut own_idx: Vec<usize> = layout.own.clone();
    // Trim blank lines at both ends.
    let leading = own_idx.iter().take_while(|&&i| is_blank(lines[i])).count();
    own_idx.drain(..leading);
    while own_idx.last().is_some_and(|&i| is_blank(lines[i])) {
        own_idx.pop();
    }
    let signature_at = find_signature(&lines, &own_idx);
    let mut signature_lines: Vec<usize> = own_idx.split_off(signature_at);
    signature_lines.extend(&layout.trailing_signature);
    while own_idx.last().is_some_and(|&i| is_blank(lines[i])) {
        own_idx.pop();
    }
    // Closing: a sign-off line near the end; short lines after it are the
    // signature (name, title, phone).
    let closing_at = find_closing(&lines, &own_idx);
    let signature_from = match closing_at {
        Some(c) => own_idx.iter().position(|&i| i == c).map(|pos| pos + 1),
        None => find_bare_signature(&lines, &own_idx),
    };
    if let Some(from) = signature_from {
        let mut sig = own_idx.split_off(from);
        sig.extend(signature_lines);
        signature_lines = sig;
    }
    while own_idx.last().is_some_and(|&i| is_blank(lines[i])) {
        own_idx.pop();
    }

    // Build `own` with byte offsets per line.
    let mut reply = Reply::default();
    let mut starts = Vec::with_capacity(own_idx.len());
    for (n, &i) in own_idx.iter().enumerate() {
        if n > 0 {
            reply.own.push('\n');
        }
        starts.push(reply.own.len());
        reply.own.push_str(lines[i].trim_end());
        reply.own_line.push(i + 1);
    }
    let line_range = |from: usize, to: usize| -> Range<usize> {
        if from >= to || from >= starts.len() {
            let at = starts
                .get(from)
                .copied()
                .unwrap_or(reply_len(&starts, &own_idx, &lines));
            return at..at;
        }
        let end = starts[to - 1] + lines[own_idx[to - 1]].trim_end().len();
        starts[from]..end
    };

    let closing_lines = closing_at.map(|c| {
        let pos = own_idx
            .iter()
            .position(|&i| i == c)
            .unwrap_or(own_idx.len());
        pos..own_idx.len()
    });
    let body_end_line = closing_lines.as_ref().map_or(own_idx.len(), |r| r.start);
    reply.closing = closing_lines.map_or(reply.own.len()..reply.own.len(), |r| {
        line_range(r.start, r.end)
    });

    // Greeting: the first line (or its first clause), after one banner line.
    let greeting = find_greeting(&lines, &own_idx);
    let (greeting, body_start) = match greeting {
        Some((first_line, line, clause_end)) => {
            let start = starts[first_line];
            let end = starts[line] + clause_end;
            let rest = &reply.own[end..];
            let body_start = end + (rest.len() - rest.trim_start().len());
            (start..end, body_start)
        }
        None => (0..0, 0),
    };
    reply.greeting = greeting;
    let body_end = if body_end_line < own_idx.len() {
        // End of the last body line before the closing.
        let mut e = starts[body_end_line];
        while e > 0 && reply.own.as_bytes()[e - 1].is_ascii_whitespace() {
            e -= 1;
        }
        e
    } else {
        reply.own.len()
    };
    reply.body = body_start.min(body_end)..body_end.max(body_start.min(body_end));
    if reply.closing.start < reply.body.end {
        reply.closing = reply.body.end..reply.body.end.max(reply.closing.end);
    }

    reply.signature = join_lines(&lines, &signature_lines);
    reply.quoted = join_lines(
        &lines,
        &[layout.quote_header.clone(), layout.quoted.clone()].concat(),
    );
    // The name under the sign-off, or after it on its line ("Mvh Tomas
    // Berglund").
    reply.signoff = closing_at.and_then(|c| {
        names::signoff_name(&reply.signature).or_else(|| {
            let line = lines[c].trim();
            let m = patterns().closing.find(line)?;
            names::name_after_signoff(&line[m.end()..])
        })
    });

    // The customer's message inside the quote.
    if depth <= 1 && !layout.quoted.is_empty() {
        let header_text = join_lines(&lines, &layout.quote_header);
        reply.quoted_from = names::quote_header_person(&header_text);
        let unquoted = unquote(&lines, &layout);
        let inner = split_with_depth(&unquoted.body, depth + 1);
        if reply.quoted_from.is_none() {
            reply.quoted_from = unquoted
                .header
                .as_deref()
                .and_then(names::quote_header_person);
        }
        reply.quoted_signoff = inner
            .signoff
            .clone()
            .or_else(|| names::signoff_name(&inner.signature));
        if depth == 0 && !inner.customer_text.trim().is_empty() {
            if let Some(from) = inner.quoted_from.clone() {
                reply.nested = Some(Box::new(Nested {
                    text: inner.customer_text.clone(),
                    from,
                    signoff: inner.quoted_signoff.clone(),
                }));
            }
        }
        reply.customer_text = inner.own;
    }
    reply
}

fn reply_len(starts: &[usize], own_idx: &[usize], lines: &[&str]) -> usize {
    match (starts.last(), own_idx.last()) {
        (Some(&s), Some(&i)) => s + lines[i].trim_end().len(),
        _ => 0,
    }
}

fn join_lines(lines: &[&str], idx: &[usize]) -> String {
    let mut idx = idx.to_vec();
    idx.sort_unstable();
    idx.dedup();
    let mut out: Vec<&str> = idx.iter().map(|&i| lines[i].trim_end()).collect();
    let leading = out.iter().take_while(|l| l.trim().is_empty()).count();
    out.drain(..leading);
    while out.last().is_some_and(|l| l.trim().is_empty()) {
        out.pop();
    }
    out.join("\n")
}

struct Unquoted {
    body: String,
    header: Option<String>,
}

/// The quoted original with one level of `>` removed and its attribution or
/// header block cut off.
fn unquote(lines: &[&str], layout: &Layout) -> Unquoted {
    let mut body_lines: Vec<String> = layout
        .quoted
        .iter()
        .filter(|i| !layout.quote_header.contains(i))
        .map(|&i| strip_one_quote(lines[i]).to_string())
        .collect();
    let mut header = None;
    // A `>`-quoted header block or attribution at the top of the quote.
    let first = body_lines.iter().position(|l| !is_blank(l));
    if let Some(first) = first {
        let view: Vec<&str> = body_lines.iter().map(String::as_str).collect();
        let end = separator_at(&view, first)
            .map(|e| {
                let next = (e..view.len()).find(|&j| !is_blank(view[j])).unwrap_or(e);
                if next < view.len() {
                    header_block_at(&view, next).unwrap_or(e)
                } else {
                    e
                }
            })
            .or_else(|| header_block_at(&view, first))
            .or_else(|| attribution_at(&view, first));
        if let Some(end) = end {
            header = Some(view[first..end].join("\n"));
            body_lines.drain(..end);
        }
    }
    Unquoted {
        body: body_lines.join("\n"),
        header,
    }
}

fn strip_one_quote(line: &str) -> &str {
    let t = line.trim_start();
    match t.strip_prefix('>') {
        Some(rest) => rest.strip_prefix(' ').unwrap_or(rest),
        None => line,
    }
}

/// Index into `own` where the signature starts (`own.len()` when none).
fn find_signature(lines: &[&str], own: &[usize]) -> usize {
    let p = patterns();
    let first_text = own.iter().position(|&i| !is_blank(lines[i])).unwrap_or(0);
    for (pos, &i) in own.iter().enumerate() {
        let line = lines[i];
        let trimmed = line.trim();
        if pos <= first_text {
            continue;
        }
        if line == "-- " || line.trim_end() == "--" || trimmed == "—" || trimmed == "-- " {
            return pos;
        }
        // A device line ("Sent from my phone") after a blank line, or at
        // the very end.
        let after_blank = is_blank(lines[own[pos - 1]]);
        if p.device.is_match(trimmed)
            && trimmed.chars().count() < 80
            && (after_blank || own[pos + 1..].iter().all(|&j| is_blank(lines[j])))
        {
            return pos;
        }
        // A rule of underscores: mailing-list footers and Outlook
        // signatures; a short one only after a blank line.
        if trimmed.len() >= 2
            && trimmed.chars().all(|c| c == '_')
            && (trimmed.len() >= 10 || after_blank)
        {
            return pos;
        }
    }
    own.len()
}

/// The last sign-off line within the final lines of `own`.
fn find_closing(lines: &[&str], own: &[usize]) -> Option<usize> {
    let p = patterns();
    let text_lines: Vec<usize> = own
        .iter()
        .copied()
        .filter(|&i| !is_blank(lines[i]))
        .collect();
    if text_lines.len() < 2 {
        // A one-line message ("Thanks!") is all body.
        return None;
    }
    let window = text_lines.len().saturating_sub(8);
    let mut found: Option<usize> = None;
    for (n, &i) in text_lines.iter().enumerate().skip(window.max(1)) {
        let line = lines[i].trim();
        let Some(m) = p.closing.find(line) else {
            continue;
        };
        let rest = line[m.end()..].trim();
        // "Terveisin," / "Thanks, Anna" / "Kiitos!" but not a sentence.
        if rest.chars().count() > 30 || rest.contains(['.', '?']) && rest.len() > 3 {
            continue;
        }
        // Whatever follows must look like a signature block: short lines,
        // or a slogan that is no sentence ("Kuituverkko Pohjola – nopeat
        // yhteydet, parhaat tuotteet ja palvelut kotiisi").
        let after = &text_lines[n + 1..];
        let signature_line = |j: usize| {
            let line = lines[j].trim();
            let length = line.chars().count();
            length <= 72 || length <= 100 && !line.ends_with(['.', '?']) && !line.contains(". ")
        };
        if after.len() <= 7 && after.iter().all(|&j| signature_line(j)) {
            found = Some(i);
            break;
        }
    }
    // A short wish on its own line, then the names: "Happy growing!\nDave\n
    // Fernside Nurseries", "Hyvää pääsiäistä!\nTuomas".
    // Or the wish, the sender's name and contact lines, whatever else they
    // hold ("Hyvää purjehduskautta!\nEmilia Laurila\nsatamaemäntä\n…\n
    // Kiitos yhteydenotostasi! Vastaamme 24 tunnin kuluessa.").
    found.or_else(|| {
        let n = text_lines.len().saturating_sub(8).max(1);
        (n..text_lines.len() - 1).find_map(|n| {
            let line = lines[text_lines[n]].trim();
            let wish = line.ends_with('!')
                && line.split_whitespace().count() <= 4
                && !line.contains(['?', '.', ',']);
            let after = &text_lines[n + 1..];
            let signed = names::looks_like_name(lines[after[0]].trim())
                && after.iter().any(|&j| names::looks_like_contact(lines[j]))
                || after.len() <= 4 && is_name_block(lines, after);
            (wish && signed).then_some(text_lines[n])
        })
    })
}

/// A trailing block that is a signature without a sign-off: after a blank
/// line, at most six short lines with a phone number, address or URL, or a
/// lone name line.
fn find_bare_signature(lines: &[&str], own: &[usize]) -> Option<usize> {
    let blank = own.iter().rposition(|&i| is_blank(lines[i]))?;
    let block = &own[blank + 1..];
    if block.is_empty() || block.len() > 6 || blank == 0 {
        return None;
    }
    // "Lähetin laskun osoitteeseesi anna@example.fi." is the answer, not
    // a contact line.
    if block.iter().any(|&i| is_prose(lines[i])) {
        return None;
    }
    let contact = block.iter().any(|&i| names::looks_like_contact(lines[i]));
    let short = block.iter().all(|&i| lines[i].trim().chars().count() <= 60);
    let lone_name = block.len() == 1 && names::looks_like_name(lines[block[0]].trim());
    // "Uusi salasanasi:\n\nOppi-4829": a value the text announced.
    let announced = own[..blank]
        .iter()
        .rev()
        .find(|&&i| !is_blank(lines[i]))
        .is_some_and(|&i| lines[i].trim_end().ends_with(':'));
    // "Jenni Virta / Ravintola Sahanranta / Rantakatu 4 / a slogan": a
    // block that opens with the sender's name.
    let named = block.len() >= 2 && names::looks_like_name(lines[block[0]].trim());
    (short && !announced && (contact || lone_name || named || is_name_block(lines, block)))
        .then_some(blank + 1)
}

/// A few short lines of names: a person, a team, a firm ("Waste and
/// Recycling Team", "Westbrook Borough Council", "Stitch & Spool"), each
/// starting with a capital, most words capitalised, none ending a sentence.
fn is_name_block(lines: &[&str], block: &[usize]) -> bool {
    !block.is_empty()
        && block.len() <= 4
        && block.iter().all(|&i| {
            let line = lines[i].trim();
            let words: Vec<&str> = line
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphabetic))
                .collect();
            let capitalised = words
                .iter()
                .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                .count();
            !words.is_empty()
                && words.len() <= 6
                && line.chars().count() <= 50
                && line.chars().next().is_some_and(char::is_uppercase)
                && !line.ends_with(['.', '!', '?', ':', ';', ','])
                && 2 * capitalised > words.len()
                // "Kesa-4829": a code, not a name.
                && !words.iter().any(|w| {
                    w.chars().any(|c| c.is_ascii_digit()) && w.chars().any(char::is_alphabetic)
                })
        })
}

/// A sentence: it ends like one and has at least three lower-case words
/// (signature lines are names, titles, numbers and addresses).
fn is_prose(line: &str) -> bool {
    let line = line.trim();
    line.ends_with(['.', '!', '?'])
        && line
            .split_whitespace()
            .filter(|w| {
                let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                !w.is_empty() && w.chars().all(|c| c.is_alphabetic() && c.is_lowercase())
            })
            .count()
            >= 3
}

/// The greeting: (index of its first line in `own`, index of the greeting
/// line, byte length of the greeting clause on that line).
fn find_greeting(lines: &[&str], own: &[usize]) -> Option<(usize, usize, usize)> {
    let p = patterns();
    let text: Vec<usize> = (0..own.len())
        .filter(|&n| !is_blank(lines[own[n]]))
        .take(3)
        .collect();
    let first = *text.first()?;
    // Banner lines before the greeting: help-desk banners, a logo's link.
    let banners = text
        .iter()
        .take_while(|&&n| is_banner(lines[own[n]]))
        .count()
        .min(text.len() - 1);
    for &n in &text[..=banners] {
        let line = lines[own[n]].trim_end();
        let leading = line.len() - line.trim_start().len();
        let trimmed = line.trim_start();
        if p.greeting.is_match(trimmed) {
            let clause = greeting_clause(trimmed);
            return Some((first, n, leading + clause));
        }
    }
    None
}

fn is_banner(line: &str) -> bool {
    let t = line.trim();
    t.chars().count() <= 120
        && (patterns().banner.is_match(t) || !has_words(t) || is_reference_line(t))
}

/// A help desk's reference line: "[Case 55-0192]", "Ref: AB-1234",
/// "Tilaus 552190": a few words with a reference number and no sentence.
fn is_reference_line(line: &str) -> bool {
    let bracketed = line.starts_with(['[', '(']) && line.ends_with([']', ')']);
    let words: Vec<&str> = line.split_whitespace().collect();
    let reference = words.iter().any(|w| {
        let digits = w.chars().filter(char::is_ascii_digit).count();
        digits >= 3
            && w.chars()
                .all(|c| c.is_alphanumeric() || "#-/:.[]()_".contains(c))
    });
    reference
        && line.chars().count() <= 60
        && (bracketed || (words.len() <= 4 && !line.ends_with(['.', '!', '?', ','])))
}

/// Does a text have words outside placeholders and links? `[{shop_url}]`
/// and `https://kesakassi.fi` have none.
pub fn has_words(line: &str) -> bool {
    static STRIP: OnceLock<Regex> = OnceLock::new();
    let strip = STRIP.get_or_init(|| {
        Regex::new(r"\{\{[^}]*\}\}|\{[^}]*\}|\$\{[^}]*\}|%\w+%|<%=[^%]*%>|(?:https?://|www\.)\S+")
            .expect("placeholder regex")
    });
    strip
        .replace_all(line, " ")
        .chars()
        .any(char::is_alphabetic)
}

/// Byte length of the greeting clause at the start of `line`: up to and
/// including the first `,` `!` `:` or sentence end, or the whole line when
/// it is short.
/// Whether `before` ends with an abbreviated title ("Dear Mr").
fn after_title(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    patterns().titles.contains(&word)
}

fn greeting_clause(line: &str) -> usize {
    for (i, c) in line.char_indices() {
        if matches!(c, ',' | '!' | ':' | ';') {
            return i + c.len_utf8();
        }
        if matches!(c, '.' | '?') && line[i + 1..].starts_with(' ') && !after_title(&line[..i]) {
            return i + 1;
        }
    }
    if line.split_whitespace().count() <= 6 {
        return line.len();
    }
    // A long line without punctuation: the greeting word and a name.
    let words: Vec<(usize, &str)> = line
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - line.as_ptr() as usize, w))
        .collect();
    let mut end = words[0].0 + words[0].1.len();
    for &(at, w) in words.iter().skip(1).take(3) {
        if w.chars().next().is_some_and(char::is_uppercase) {
            end = at + w.len();
        } else {
            break;
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> (String, String, String, String, String) {
        let r = split_reply(text);
        (
            r.greeting_text().to_string(),
            r.body_text().to_string(),
            r.closing_text().to_string(),
            r.signature.clone(),
            r.customer_text.clone(),
        )
    }

    #[test]
    fn finnish_top_posted_gmail_reply() {
        let text = "Hei Anna,\n\nPaketti lähti eilen.\n\nYstävällisin terveisin\nMatti Meikäläinen\nAsiakaspalvelu\n\nma 2.11.2026 klo 10.11 Anna Virtanen <anna@example.fi> kirjoitti:\n> Hei,\n> missä pakettini on?\n>\n> Terveisin Anna\n";
        let (greeting, body, closing, signature, customer) = parts(text);
        assert_eq!(greeting, "Hei Anna,");
        assert_eq!(body, "Paketti lähti eilen.");
        assert_eq!(closing, "Ystävällisin terveisin");
        assert_eq!(signature, "Matti Meikäläinen\nAsiakaspalvelu");
        assert!(customer.contains("missä pakettini on?"), "{customer}");
        let r = split_reply(text);
        assert_eq!(
            r.quoted_from.unwrap().name.as_deref(),
            Some("Anna Virtanen")
        );
    }

    #[test]
    fn outlook_header_block_in_three_languages() {
        for (header, from) in [
            (
                "Lähettäjä: Anna Virtanen <anna@example.fi>\nLähetetty: maanantai 2. marraskuuta 2026 10.11\nVastaanottaja: Tuki <tuki@example.fi>\nAihe: Tilaus",
                "Anna Virtanen",
            ),
            (
                "From: Anna Virtanen <anna@example.fi>\nSent: Monday, November 2, 2026 10:11 AM\nTo: Support\nSubject: Order",
                "Anna Virtanen",
            ),
            (
                "Från: Anna Virtanen <anna@example.fi>\nSkickat: den 2 november 2026 10:11\nTill: Support\nÄmne: Order",
                "Anna Virtanen",
            ),
        ] {
            let text =
                format!("Hei!\n\nTilaus on lähetetty.\n\n{header}\n\nMissä tilaukseni on?\n");
            let r = split_reply(&text);
            assert_eq!(r.greeting_text(), "Hei!");
            assert_eq!(r.body_text(), "Tilaus on lähetetty.");
            assert_eq!(r.customer_text, "Missä tilaukseni on?");
            assert_eq!(r.quoted_from.unwrap().name.as_deref(), Some(from));
        }
    }

    #[test]
    fn original_message_separator() {
        let text = "Kiitos viestistä.\n\n-----Alkuperäinen viesti-----\nLähettäjä: a@b.fi\nAihe: x\n\nVoinko palauttaa?\n";
        let r = split_reply(text);
        assert_eq!(r.own, "Kiitos viestistä.");
        assert_eq!(r.customer_text, "Voinko palauttaa?");
    }

    #[test]
    fn swedish_and_english_attributions() {
        for attribution in [
            "Den 2 nov. 2026 kl. 10:11 skrev Anna Virtanen <anna@example.fi>:",
            "On Mon, Nov 2, 2026 at 10:11 AM Anna Virtanen <anna@example.fi> wrote:",
            "On Mon, Nov 2, 2026 at 10:11 AM Anna Virtanen <\nanna@example.fi> wrote:",
            "Anna Virtanen kirjoitti:",
            "Anna Virtanen <anna@example.fi> kirjoitti 2.11.2026 kello 10.11:",
        ] {
            let text = format!("Hej Anna!\n\nSvar här.\n\n{attribution}\n> Fråga?\n");
            let r = split_reply(&text);
            assert_eq!(r.body_text(), "Svar här.", "{attribution}");
            assert_eq!(r.customer_text, "Fråga?", "{attribution}");
        }
    }

    #[test]
    fn bottom_posted_and_interleaved() {
        let bottom = "Anna wrote:\n> Where is my order?\n\nHi Anna,\nIt shipped today.\n";
        let r = split_reply(bottom);
        assert_eq!(r.greeting_text(), "Hi Anna,");
        assert_eq!(r.body_text(), "It shipped today.");
        assert_eq!(r.customer_text, "Where is my order?");

        let interleaved = "Hi Anna,\n\n> Where is my order?\nIt shipped today.\n\n> Can I return it?\nYes, within 30 days.\n";
        let r = split_reply(interleaved);
        assert!(
            r.own.contains("It shipped today.") && r.own.contains("Yes, within 30 days."),
            "{}",
            r.own
        );
        assert!(!r.own.contains("Where is my order"));
        assert!(r.customer_text.contains("Can I return it?"));
    }

    #[test]
    fn signature_forms() {
        let r = split_reply("Hei,\n\nKyllä onnistuu.\n\n-- \nMatti\n040 123 4567\n");
        assert_eq!(r.body_text(), "Kyllä onnistuu.");
        assert_eq!(r.signature, "--\nMatti\n040 123 4567");
        let r = split_reply("Yes.\n\nSent from my iPhone\n");
        assert_eq!(r.own, "Yes.");
        assert_eq!(r.signature, "Sent from my iPhone");
        let r = split_reply("Ja.\n\nSkickat från min iPhone");
        assert_eq!(r.signature, "Skickat från min iPhone");
        let r = split_reply("Selvä.\n\nLähetetty iPhonesta");
        assert_eq!(r.signature, "Lähetetty iPhonesta");
        // A contact block without a sign-off is a signature; a sentence
        // that gives an address is the answer.
        let r = split_reply("Hei Anna,\n\nLasku on korjattu.\n\nKari Laine\nkari@example.fi\n");
        assert_eq!(r.signature, "Kari Laine\nkari@example.fi");
        let r =
            split_reply("Hei Antti,\n\nlähetin laskun uudelleen osoitteeseesi antti@example.fi.\n");
        assert_eq!(
            r.body_text(),
            "lähetin laskun uudelleen osoitteeseesi antti@example.fi."
        );
        assert_eq!(r.signature, "");
        // A slogan longer than a contact line, but no sentence, still ends
        // the signature; a long sentence after a sign-off word does not.
        let r = split_reply(
            "Hei Ville,\n\nasentaja tulee maanantaina.\n\nTerveisin\nSatu Mikkola\nKuituverkko Pohjola – nopeat yhteydet, parhaat tuotteet ja palvelut kotiisi\npuh. 0800 555 700\n",
        );
        assert_eq!(r.body_text(), "asentaja tulee maanantaina.");
        assert_eq!(r.closing_text(), "Terveisin");
        let r = split_reply(
            "Hei Ville,\n\nasentaja tulee maanantaina.\n\nTerveisin\nSatu Mikkola\nMuistathan, että asentaja tarvitsee pääsyn talojakamoon. Hän soittaa ennen tuloaan.\n",
        );
        assert_eq!(r.closing_text(), "");
    }

    #[test]
    fn name_blocks_and_wishes_end_the_answer() {
        let r = split_reply(
            "Dear Resident,\n\nCrews will return on Saturday.\n\nWaste and Recycling Team\nWestbrook Borough Council\n",
        );
        assert_eq!(r.body_text(), "Crews will return on Saturday.");
        assert_eq!(
            r.signature,
            "Waste and Recycling Team\nWestbrook Borough Council"
        );
        let r =
            split_reply("Hi Bex,\n\nThey are fine.\n\nHappy growing!\nDave\nFernside Nurseries\n");
        assert_eq!(r.body_text(), "They are fine.");
        assert_eq!(r.closing_text(), "Happy growing!");
        let r = split_reply(
            "Hei Jere!\n\nPöytä on varattu.\n\nNähdään lauantaina!\n\nJenni Virta\nRavintola Sahanranta\nLähiruokaa ja hyvää palvelua joka päivä\n",
        );
        assert_eq!(r.body_text(), "Pöytä on varattu.\n\nNähdään lauantaina!");
        // A wish of the pack's closings, then a name block and a slogan.
        let r = split_reply(
            "Hej Oskar,\n\nSen utcheckning går bra.\n\nTrevlig vistelse!\nJohanna Berglund\nReceptionen, Strandhotellet Sandvik\n\nTack för att du valt Strandhotellet Sandvik!\n",
        );
        assert_eq!(r.body_text(), "Sen utcheckning går bra.");
        assert_eq!(r.closing_text(), "Trevlig vistelse!");
        // A wish and the sender's name, then the firm's lines and a footer
        // that is a sentence.
        let r = split_reply(
            "Hei Jaana,\n\nLaiturilla on sähkö.\n\nHyvää purjehduskautta!\n\nEmilia Laurila\nsatamaemäntä\nKallioniemen vierassatama\np. 040 555 1818\nKiitos yhteydenotostasi! Vastaamme kesäkaudella viesteihin 24 tunnin kuluessa.\n",
        );
        assert_eq!(r.body_text(), "Laiturilla on sähkö.");
        assert_eq!(r.closing_text(), "Hyvää purjehduskautta!");
        // A wish for the evening, then a name and, after a blank line, a
        // slogan: the slogan is the signature's, not the answer's.
        let r = split_reply(
            "Hej Emil!\n\nBiljetterna ligger i appen.\n\nHa en grym kväll!\nAlex på Biljetthuset\n\nBiljetthuset – din upplevelse är viktig för oss\n",
        );
        assert_eq!(r.body_text(), "Biljetterna ligger i appen.");
        assert_eq!(r.closing_text(), "Ha en grym kväll!");
        let r = split_reply(
            "Hi Ann,\n\nIt ships today.\n\nHave a lovely weekend!\nTom at Kestrel Cycles\n\nKestrel Cycles – your ride matters to us\n",
        );
        assert_eq!(r.body_text(), "It ships today.");
        assert_eq!(r.closing_text(), "Have a lovely weekend!");
        let r = split_reply(
            "Hei Anna,\n\nPaketti lähti.\n\nAurinkoista kesää!\nJohanna / Kassikauppa\n\nKassikauppa – laukkuja joka lähtöön\n",
        );
        assert_eq!(r.body_text(), "Paketti lähti.");
        assert_eq!(r.closing_text(), "Aurinkoista kesää!");
        // A last paragraph that says something stays the answer.
        let r = split_reply("Hei Anna,\n\nPaketti lähti.\n\nSe on perillä huomenna.\n");
        assert_eq!(r.body_text(), "Paketti lähti.\n\nSe on perillä huomenna.");
        let r = split_reply(
            "Hej,\n\nVi säger upp avtalet.\n\nHögaktningsfullt\nLars Åberg\nÅbergs Bygg AB\n",
        );
        assert_eq!(r.closing_text(), "Högaktningsfullt");
        assert_eq!(r.signoff.as_deref(), Some("Lars Åberg"));
        // The name after the sign-off on its line.
        let r = split_reply("Hej,\njag har bytt telefon. Hur loggar jag in?\nMvh Tomas Berglund\n");
        assert_eq!(r.signoff.as_deref(), Some("Tomas Berglund"));
        let r = split_reply("Hej,\njag har bytt telefon.\nMvh\n");
        assert_eq!(r.signoff, None);
    }

    #[test]
    fn banner_before_greeting() {
        let r = split_reply("[#1234] Tukipyyntö vastaanotettu\nHei Anna!\nAsia on hoidossa.\n");
        assert_eq!(
            r.greeting_text(),
            "[#1234] Tukipyyntö vastaanotettu\nHei Anna!"
        );
        assert_eq!(r.body_text(), "Asia on hoidossa.");
        for banner in [
            "[Case 55-0192]",
            "Ref: AB-20931",
            "Ärende 4411-2",
            "(Tiketti 20931)",
        ] {
            let r = split_reply(&format!("{banner}\nHi Anna,\nIt is fixed.\n"));
            assert!(r.greeting_text().ends_with("Anna,"), "{banner}");
        }
        // A sentence with an order number is business, not a banner.
        let r = split_reply("Tilaus 552190 on lähetetty.\nHei Anna!\n");
        assert_eq!(r.greeting_text(), "");
    }

    #[test]
    fn greeting_clause_on_a_longer_line() {
        let r = split_reply("Hei Anna, kiitos viestistäsi. Paketti lähti.\n");
        assert_eq!(r.greeting_text(), "Hei Anna,");
        assert_eq!(r.body_text(), "kiitos viestistäsi. Paketti lähti.");
        let r = split_reply("Dear Mr. Smith, thank you for your order.\n");
        assert_eq!(r.greeting_text(), "Dear Mr. Smith,");
        let r = split_reply("Hyvä prof. Virtanen, kiitos viestistä.\n");
        assert_eq!(r.greeting_text(), "Hyvä prof. Virtanen,");
        let r = split_reply("Paketti lähti eilen.\n");
        assert_eq!(r.greeting_text(), "");
        assert_eq!(r.body_text(), "Paketti lähti eilen.");
    }

    #[test]
    fn line_numbers_map_back_to_the_message() {
        let r = split_reply("\n\nHei,\n\nRivi kaksi.\n");
        let at = r.own.find("Rivi").unwrap();
        assert_eq!(r.line_col(at), (5, 1));
        assert_eq!(r.line_col(r.own.find("kaksi").unwrap()), (5, 6));
    }

    #[test]
    fn prose_line_is_not_joined_to_the_attribution_below_it() {
        for text in [
            "Kiitos tiedosta\nma 2.11.2026 klo 10.11 Anna Virtanen <\nanna@example.fi> kirjoitti:\n> Hei\n",
            "Thanks Anna\n On Mon, Nov 2, 2026 at 10:11 AM, \"Anna\" <\nanna@example.fi> wrote:\n\n> Hi\n",
            "Tack för svaret.\nDen 2 nov. 2026 kl. 10:11 skrev Anna Virtanen <anna@example.fi>:\n\nHej\n",
            "on Saturdays we are open from 10 to 16.\n\nOn Mon, 2 Nov 2026 at 10:00, Anna <a@example.com> wrote:\n> Hi\n",
        ] {
            let r = split_reply(text);
            assert_eq!(r.own.lines().count(), 1, "{text:?} -> {:?}", r.own);
            assert!(!r.own.contains("2026"), "{text:?} -> {:?}", r.own);
        }
    }

    #[test]
    fn attributions_in_dashes_and_without_a_verb() {
        for attribution in [
            "---- Anna Virtanen kirjoitti ----",
            "-----On 2.11.2026 10:11, Anna Virtanen wrote-----",
            "2026-11-02 10:11 GMT+02:00 Anna Virtanen <anna@example.fi>:",
            "2026-11-02 10:11 GMT+02:00 Anna Virtanen <\nanna@example.fi>:",
            "2026-11-02 10:11 GMT+02:00 Anna Virtanen",
            "maanantai 2. marraskuuta 2026 10.11 anna@example.fi <anna@example.fi>:",
            "2026/11/2 Anna Virtanen <anna@example.fi>\n",
        ] {
            let text =
                format!("Hei Anna,\n\nPaketti lähti.\n\n{attribution}\n> Missä paketti on?\n");
            let r = split_reply(&text);
            assert_eq!(r.body_text(), "Paketti lähti.", "{attribution}");
            assert_eq!(r.customer_text, "Missä paketti on?", "{attribution}");
        }
        // A dated line with an address that is not followed by a quote is text.
        let r = split_reply(
            "Hei,\n\nSoita 2.11.2026 numeroon tai kirjoita <anna@example.fi>\n\nKiitos\n",
        );
        assert!(r.own.contains("Soita"), "{}", r.own);
    }

    #[test]
    fn attribution_wrapped_over_blank_lines_and_a_closing_bracket() {
        for attribution in [
            "On Mon, 2 Nov 2026 at 10:11 Anna Virtanen\n\n<\nmailto:Anna Virtanen <anna@example.fi>\n> wrote:",
            "Den 2 nov. 2026 kl. 10:11 skrev Anna Virtanen <anna@example.fi\n>:",
            "Anna Virtanen <anna@example.fi> skrev mån 2\nnov. 2026 kl. 10:11:",
            "Anna Virtanen <anna@example.fi> schrieb am Mo., 2.\nNov. 2026 um 10:11 Uhr:",
        ] {
            let text = format!("Hej Anna!\n\nSvar här.\n\n{attribution}\n\n> Fråga?\n");
            let r = split_reply(&text);
            assert_eq!(r.own, "Hej Anna!\n\nSvar här.", "{attribution}");
            assert_eq!(r.customer_text, "Fråga?", "{attribution}");
        }
    }

    #[test]
    fn nordic_header_block_after_a_rule_and_blank_lines() {
        let text = "Kiitos, hoidamme asian.\n\n\n ------------------------------\n\nFra: Anna <anna@example.fi>\nSendt: 2. november 2026 10:11\nTil: Tuki\nEmne: Tilaus\n\nHvor er pakken?\n";
        let r = split_reply(text);
        assert_eq!(r.own, "Kiitos, hoidamme asian.");
        assert_eq!(r.customer_text, "Hvor er pakken?");
        assert_eq!(r.quoted_from.unwrap().name.as_deref(), Some("Anna"));
    }

    #[test]
    fn unmarked_wrapped_lines_inside_a_quote_stay_quoted() {
        let text = "Hei,\n\nPalautus onnistuu.\n\nAnna kirjoitti:\n> Voinko palauttaa takin, jonka tilasin\nviime viikolla\n> verkkokaupasta?\n>\n> Anna\n";
        let r = split_reply(text);
        assert_eq!(r.body_text(), "Palautus onnistuu.");
        assert!(r.quoted.contains("viime viikolla"), "{}", r.quoted);
        // An answer between quote blocks is still the sender's.
        let r = split_reply(
            "Anna kirjoitti:\n> Missä paketti on?\n\nSe lähti eilen.\n\n> Entä lasku?\nTulee postissa.\n",
        );
        assert!(r.own.contains("Se lähti eilen."), "{}", r.own);
        assert!(r.own.contains("Tulee postissa."), "{}", r.own);
    }

    #[test]
    fn sign_off_below_the_quote_is_the_senders() {
        let text =
            "Paketti lähti eilen.\n\nAnna kirjoitti:\n> Missä paketti on?\n\nTerveisin,\nMatti\n";
        let r = split_reply(text);
        assert_eq!(r.body_text(), "Paketti lähti eilen.");
        assert_eq!(r.closing_text(), "Terveisin,");
        assert_eq!(r.signature, "Matti");
        // A longer text below the quote of a top-posted reply is a footer.
        let text = "Paketti lähti eilen.\n\nAnna kirjoitti:\n> Missä paketti on?\n\nTämä viesti ja sen liitteet ovat luottamuksellisia.\n";
        assert_eq!(split_reply(text).own, "Paketti lähti eilen.");
    }

    #[test]
    fn device_lines_and_list_footers() {
        let r = split_reply(
            "Kyllä se käy.\n\nSent from my Fairphone 5\n\nAlkuperäinen teksti tässä.\n",
        );
        assert_eq!(r.own, "Kyllä se käy.");
        let r = split_reply("Ja, det går bra.\n\nSkickat från min Xperia\n");
        assert_eq!(r.own, "Ja, det går bra.");
        // Within a paragraph it is text.
        let r = split_reply("Hei,\nsent from my office yesterday\nthe parcel arrives today.\n");
        assert!(r.own.contains("arrives today"), "{}", r.own);
        let r = split_reply(
            "Hei,\n\nKiitos tiedosta.\n\n__\nasiakkaat mailing list\nasiakkaat@lists.example.fi\nhttps://lists.example.fi/mailman/listinfo/asiakkaat-lista-2026\n",
        );
        assert_eq!(r.body_text(), "Kiitos tiedosta.");
    }

    #[test]
    fn lotus_notes_header_with_sender_and_date_above() {
        for header in [
            "\tAnna Virtanen@EXAMPLE\n\t11/02/2026 10:11 AM\n\t\t\n\t\t To: Tuki/HEL/EXAMPLE@EXAMPLE\n\t\t cc: \n\t\t Subject: Tilaus",
            "Anna Virtanen@EXAMPLE\n11/02/2026 10:11 AM\nTo: Tuki/HEL/EXAMPLE@EXAMPLE\ncc:  \n\nSubject: Tilaus",
            "\"Anna Virtanen\" <anna@example.fi> on 11/02/2026 10:11:12 AM\nTo: <tuki@example.fi>\ncc: \nSubject: Tilaus",
            "\tFrom:  Anna Virtanen @ EXAMPLE                           11/02/2026 10:11 AM\n\t\n\nTo: Tuki/HEL/EXAMPLE@EXAMPLE\ncc:  \nSubject: Tilaus",
        ] {
            let text = format!("Paketti lähti eilen.\n\n\n\n{header}\n\nMissä paketti on?\n");
            let r = split_reply(&text);
            assert_eq!(r.own, "Paketti lähti eilen.", "{header}");
            assert_eq!(r.customer_text, "Missä paketti on?", "{header}");
        }
    }

    #[test]
    fn separator_with_more_on_its_line() {
        let text = "FYI, katso alta.\n---------------------- Forwarded by Matti Meikäläinen/HEL/EXAMPLE on 11/02/2026\n10:11 AM ---------------------------\n\nAnna Virtanen\n11/02/2026 09:00 AM\nTo: Matti\nSubject: Lasku\n\nLasku on väärin.\n";
        let r = split_reply(text);
        assert_eq!(r.own, "FYI, katso alta.");
        assert!(r.quoted.contains("Lasku on väärin."));
    }

    #[test]
    fn rewrapped_long_quote_lines_and_bare_wrote() {
        let text = "Kokeile uudelleenkäynnistystä.\n\nAnna Virtanen wrote\n> Hei, sovellus kaatuu aina kun yritän avata tilaushistorian puhelimella,\nja sama tapahtuu myös tabletilla. Olen jo päivittänyt sovelluksen\nuusimpaan versioon, mutta se ei auttanut. Myös välimuistin\ntyhjentäminen on kokeiltu.\n>\n> Anna\n>\n**********************************************************\n> Tämä viesti on luottamuksellinen.\n";
        let r = split_reply(text);
        assert_eq!(r.own, "Kokeile uudelleenkäynnistystä.");
        assert!(r.quoted.contains("uusimpaan versioon"), "{}", r.quoted);
        assert_eq!(
            r.quoted_from.unwrap().name.as_deref(),
            Some("Anna Virtanen")
        );
    }

    #[test]
    fn dated_text_above_a_header_block_stays_the_senders() {
        let text = "Hei,\n\nToimitamme paketin 3.11.2026 klo 12.00\n\nLähettäjä: Anna <anna@example.fi>\nLähetetty: 2.11.2026 10.11\nAihe: Tilaus\n\nMissä paketti on?\n";
        let r = split_reply(text);
        assert_eq!(r.body_text(), "Toimitamme paketin 3.11.2026 klo 12.00");
        // The quoted author's unmarked sign-off is not the sender's closing.
        let text = "Paketti lähti.\n\nAnna kirjoitti:\n> Missä paketti on?\nTerveisin Anna\n";
        assert_eq!(split_reply(text).own, "Paketti lähti.");
    }

    #[test]
    fn a_sentence_with_a_wrote_verb_is_not_an_attribution() {
        let text = "Hei,\n\nAnna kirjoitti meille 2.11.2026 ja kysyi, voiko tilauksen palauttaa, vaikka palautusaika on jo umpeutunut. Vastasimme näin:\n\nPalautus onnistuu.\n";
        let r = split_reply(text);
        assert!(r.own.contains("Palautus onnistuu."), "{}", r.own);
    }
}
