//! Recognising mail by content, whatever the file is called.

/// What the first bytes of a file look like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniffed {
    /// An mbox: the first non-blank line is a `From ` separator.
    Mbox,
    /// A single RFC 5322 message (.eml, a Maildir file).
    Message,
    Empty,
    Binary,
    NotMail,
}

/// Header names that only mail carries; one of them in the opening header
/// block (besides the header syntax itself) makes a file a message.
const MAIL_HEADERS: &[&str] = &[
    "from",
    "to",
    "subject",
    "date",
    "message-id",
    "received",
    "return-path",
    "mime-version",
    "delivered-to",
    "in-reply-to",
    "references",
    "reply-to",
    "x-mailer",
    "content-type",
    "sender",
    "cc",
];

/// Decides what `head` (the first few KiB of a file) is.
pub fn sniff(head: &[u8]) -> Sniffed {
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let head = &head[start..];
    if head.is_empty() {
        return Sniffed::Empty;
    }
    if looks_binary(head) {
        return Sniffed::Binary;
    }
    if super::mbox::is_separator(head) {
        return Sniffed::Mbox;
    }
    if header_block_is_mail(head) {
        return Sniffed::Message;
    }
    Sniffed::NotMail
}

fn looks_binary(head: &[u8]) -> bool {
    let sample = &head[..head.len().min(1024)];
    let controls = sample
        .iter()
        .filter(|&&b| b == 0 || (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)))
        .count();
    sample.contains(&0) || controls * 20 > sample.len()
}

/// The opening lines are `Name: value` headers (with folded continuations)
/// and at least one names a mail header.
fn header_block_is_mail(head: &[u8]) -> bool {
    let mut known = 0;
    let mut headers = 0;
    for line in head.split(|&b| b == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.is_empty() {
            break;
        }
        if line[0] == b' ' || line[0] == b'\t' {
            if headers == 0 {
                return false;
            }
            continue;
        }
        let Some(colon) = line.iter().position(|&b| b == b':') else {
            // A malformed line after real mail headers (or a line cut at the
            // end of the sniffed head) still leaves a message.
            return known > 0;
        };
        let name = &line[..colon];
        if name.is_empty() || !name.iter().all(|&b| b.is_ascii_graphic()) {
            return false;
        }
        headers += 1;
        let name = String::from_utf8_lossy(name).to_ascii_lowercase();
        if MAIL_HEADERS.contains(&name.as_str()) {
            known += 1;
        }
        if headers >= 64 {
            break;
        }
    }
    known > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_each_kind() {
        assert_eq!(
            sniff(b"From a@b Mon Nov  2 10:00:00 2026\nSubject: x\n"),
            Sniffed::Mbox
        );
        assert_eq!(
            sniff(b"\n\nFrom - Mon Nov  2 10:00:00 2026\n"),
            Sniffed::Mbox
        );
        assert_eq!(
            sniff(b"Return-Path: <a@b>\nX-Foo: 1\n\nbody"),
            Sniffed::Message
        );
        assert_eq!(
            sniff(b"X-Custom: 1\n\tfolded\nSubject: hi\n\nbody"),
            Sniffed::Message
        );
        assert_eq!(sniff(b""), Sniffed::Empty);
        assert_eq!(sniff(b"  \n\n"), Sniffed::Empty);
        assert_eq!(sniff(b"\x7fELF\x02\x01\x01\0\0\0"), Sniffed::Binary);
        assert_eq!(sniff(b"# Notes\n\nFrom: me\n"), Sniffed::NotMail);
        assert_eq!(sniff(b"title: hello\nauthor: me\n\ntext"), Sniffed::NotMail);
    }
}
