//! Headers and the readable text of one message.

use std::borrow::Cow;

use mail_parser::decoders::charsets::map::charset_decoder;
use mail_parser::{
    Address, HeaderValue, Message, MessageParser, MessagePart, MimeHeaders, PartType,
};

/// A sender or recipient: display name and address, both optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Person {
    pub name: Option<String>,
    pub address: Option<String>,
}

impl Person {
    /// `Name <address>`, or whichever half is known.
    pub fn display(&self) -> String {
        match (&self.name, &self.address) {
            (Some(name), Some(address)) => format!("{name} <{address}>"),
            (Some(name), None) => name.clone(),
            (None, Some(address)) => address.clone(),
            (None, None) => String::new(),
        }
    }
}

/// A decoded message: the headers we use and the text of its body.
#[derive(Debug, Clone, Default)]
pub struct Mail {
    pub message_id: Option<String>,
    pub in_reply_to: Vec<String>,
    pub references: Vec<String>,
    pub from: Option<Person>,
    pub to: Vec<Person>,
    /// RFC 3339, UTC.
    pub date: Option<String>,
    /// Seconds since the Unix epoch.
    pub timestamp: Option<i64>,
    /// The sender's offset from UTC in the Date header, in minutes (local
    /// time for business hours).
    pub utc_offset_minutes: Option<i16>,
    pub subject: Option<String>,
    /// The readable body: text/plain preferred, else HTML turned into text;
    /// line endings normalised to `\n`.
    pub text: String,
    /// The text came from an HTML part.
    pub from_html: bool,
    /// Header names seen, lower-cased, for help-desk and auto-reply cues.
    pub auto_submitted: bool,
}

/// HTML larger than this, or nested deeper, is turned into text by the
/// simple streaming converter instead of the full HTML renderer.
const MAX_RICH_HTML_BYTES: usize = 2 * 1024 * 1024;
const MAX_RICH_HTML_DEPTH: usize = 200;

/// Decodes one raw message. Fails only when nothing at all can be parsed.
pub fn decode(bytes: &[u8]) -> Result<Mail, String> {
    let parser = MessageParser::default();
    let Some(message) = parser.parse(bytes) else {
        return Err("not a parsable email message".to_string());
    };
    let mut mail = Mail {
        message_id: message.message_id().map(clean_id),
        in_reply_to: ids(message.in_reply_to()),
        references: ids(message.references()),
        from: message.from().and_then(first_person),
        to: message.to().map(all_people).unwrap_or_default(),
        timestamp: message
            .date()
            .filter(|d| d.is_valid())
            .map(mail_parser::DateTime::to_timestamp),
        utc_offset_minutes: message.date().filter(|d| d.is_valid()).map(|d| {
            let minutes = i16::from(d.tz_hour) * 60 + i16::from(d.tz_minute);
            if d.tz_before_gmt { -minutes } else { minutes }
        }),
        subject: message.subject().map(|s| s.trim().to_string()),
        auto_submitted: message
            .header_raw("Auto-Submitted")
            .is_some_and(|v| !v.trim().eq_ignore_ascii_case("no")),
        ..Mail::default()
    };
    mail.date = mail
        .timestamp
        .map(|ts| mail_parser::DateTime::from_timestamp(ts).to_rfc3339());
    // A message with no body part at all still gets an empty text.
    let mut text = String::new();
    let mut from_html = false;
    for part in message.text_bodies() {
        let piece: Cow<str> = match &part.body {
            PartType::Text(t) => repaired(&message, part, t),
            PartType::Html(h) => {
                from_html = true;
                Cow::Owned(html_to_text(&repaired(&message, part, h)))
            }
            _ => continue,
        };
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(&piece);
    }
    if text.is_empty() {
        if let Some(fallback) = unsplit_multipart_text(&message) {
            text = fallback;
        }
    }
    mail.text = normalise_newlines(&text);
    mail.from_html = from_html;
    Ok(mail)
}

/// The text of a part, decoded again from its raw bytes when mail-parser
/// had to guess: base64 that does not decode (mail-parser then gives the
/// base64 itself), or bytes that are not valid in the declared charset
/// (mail-parser then gives U+FFFD) when that charset is missing, unknown
/// or UTF-8. Latin-1 bytes in mail labelled UTF-8, `unknown-8bit` or
/// nothing at all are common in old and hand-made mail.
fn repaired<'a>(message: &Message<'_>, part: &MessagePart<'_>, text: &'a str) -> Cow<'a, str> {
    let base64 = part
        .content_transfer_encoding()
        .is_some_and(|cte| cte.trim().eq_ignore_ascii_case("base64"));
    let broken_base64 = base64 && part.is_encoding_problem;
    let charset = part.content_type().and_then(|ct| ct.attribute("charset"));
    let guessable_charset = charset.is_none_or(|c| {
        let c = c.trim().to_ascii_lowercase();
        matches!(c.as_str(), "utf-8" | "utf8" | "us-ascii" | "ascii")
            || charset_decoder(c.as_bytes()).is_none()
    });
    let lossy = text.contains('\u{fffd}') && guessable_charset;
    if !broken_base64 && !lossy {
        return Cow::Borrowed(text);
    }
    let Some(raw) = message
        .raw_message()
        .get(part.offset_body as usize..part.offset_end as usize)
    else {
        return Cow::Borrowed(text);
    };
    let bytes: Cow<[u8]> = match part.content_transfer_encoding().map(str::trim) {
        Some(cte) if cte.eq_ignore_ascii_case("base64") => Cow::Owned(lenient_base64(raw)),
        Some(cte) if cte.eq_ignore_ascii_case("quoted-printable") => {
            Cow::Owned(lenient_quoted_printable(raw))
        }
        _ => Cow::Borrowed(raw),
    };
    Cow::Owned(decode_charset(&bytes, charset))
}

/// Bytes in `charset`, or (missing, unknown, UTF-8) as UTF-8 where valid
/// and Windows-1252 byte by byte where not.
fn decode_charset(bytes: &[u8], charset: Option<&str>) -> String {
    if let Some(decoder) = charset
        .filter(|c| {
            !matches!(
                c.trim().to_ascii_lowercase().as_str(),
                "utf-8" | "utf8" | "us-ascii" | "ascii"
            )
        })
        .and_then(|c| charset_decoder(c.trim().as_bytes()))
    {
        return decoder(bytes);
    }
    utf8_or_windows_1252(bytes)
}

/// UTF-8 where the bytes are valid UTF-8; every other byte read as
/// Windows-1252 (a superset of Latin-1's printable range).
pub(crate) fn utf8_or_windows_1252(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        out.extend(chunk.invalid().iter().map(|&b| windows_1252(b)));
    }
    out
}

fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{fffd}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{fffd}', 'Ž',
        '\u{fffd}', '\u{fffd}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ',
        '\u{fffd}', 'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9f => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

/// Decodes base64 up to the first byte that is not base64 (whitespace is
/// skipped), dropping an incomplete final group.
fn lenient_base64(raw: &[u8]) -> Vec<u8> {
    let mut sextets = Vec::with_capacity(raw.len());
    for &b in raw {
        let value = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b' ' | b'\t' | b'\r' | b'\n' => continue,
            _ => break,
        };
        sextets.push(value);
    }
    let mut out = Vec::with_capacity(sextets.len() / 4 * 3 + 2);
    for group in sextets.chunks(4) {
        let n = group
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, &v)| acc | u32::from(v) << (18 - 6 * i));
        let bytes = n.to_be_bytes();
        // 4 sextets give 3 bytes, 3 give 2, 2 give 1, 1 gives nothing.
        out.extend_from_slice(&bytes[1..group.len()]);
    }
    out
}

/// Decodes quoted-printable, keeping an `=` that does not start a valid
/// escape or soft line break as it is.
fn lenient_quoted_printable(raw: &[u8]) -> Vec<u8> {
    let hex = |b: u8| char::from(b).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        if raw[i] != b'=' {
            out.push(raw[i]);
            i += 1;
            continue;
        }
        match (raw.get(i + 1).copied(), raw.get(i + 2).copied()) {
            (Some(b'\n'), _) => i += 2,
            (Some(b'\r'), Some(b'\n')) => i += 3,
            (Some(a), Some(b)) if hex(a).is_some() && hex(b).is_some() => {
                out.push(hex(a).unwrap_or(0) << 4 | hex(b).unwrap_or(0));
                i += 3;
            }
            _ => {
                out.push(b'=');
                i += 1;
            }
        }
    }
    out
}

/// A multipart message whose boundary never appears, or is not given,
/// yields no parts; mail clients show its body as text, and so do we.
fn unsplit_multipart_text(message: &Message<'_>) -> Option<String> {
    let root = message.root_part();
    let is_multipart = root
        .content_type()
        .is_some_and(|ct| ct.ctype().eq_ignore_ascii_case("multipart"));
    if !is_multipart || message.parts.len() > 1 {
        return None;
    }
    let raw = message
        .raw_message()
        .get(root.offset_body as usize..root.offset_end as usize)?;
    let text = utf8_or_windows_1252(raw);
    (!text.trim().is_empty()).then_some(text)
}

fn clean_id(id: &str) -> String {
    id.trim()
        .trim_start_matches('<')
        .trim_end_matches('>')
        .to_string()
}

fn ids(value: &HeaderValue) -> Vec<String> {
    match value {
        HeaderValue::Text(t) => vec![clean_id(t)],
        HeaderValue::TextList(list) => list.iter().map(|t| clean_id(t)).collect(),
        _ => Vec::new(),
    }
}

fn first_person(address: &Address) -> Option<Person> {
    address.first().map(|a| Person {
        name: a
            .name()
            .map(|n| n.trim().trim_matches(['"', '\'']).trim().to_string())
            .filter(|n| !n.is_empty()),
        address: a.address().map(|s| s.trim().to_string()),
    })
}

fn all_people(address: &Address) -> Vec<Person> {
    address
        .iter()
        .map(|a| Person {
            name: a
                .name()
                .map(|n| n.trim().trim_matches(['"', '\'']).trim().to_string())
                .filter(|n| !n.is_empty()),
            address: a.address().map(|s| s.trim().to_string()),
        })
        .collect()
}

fn normalise_newlines(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    // Non-breaking spaces (common in HTML mail) read as spaces.
    text.replace('\u{a0}', " ")
}

/// HTML to readable text: block elements become lines, `<blockquote>`
/// becomes `> ` quoting (so the splitter sees the quote), links keep their
/// text only.
pub fn html_to_text(html: &str) -> String {
    if html.len() > MAX_RICH_HTML_BYTES || nesting_depth(html) > MAX_RICH_HTML_DEPTH {
        return mail_parser::decoders::html::html_to_text(html);
    }
    html2text::config::plain()
        .link_footnotes(false)
        .no_table_borders()
        .string_from_read(html.as_bytes(), 10_000)
        .unwrap_or_else(|_| mail_parser::decoders::html::html_to_text(html))
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
}

/// A cheap over-estimate of element nesting: opening minus closing tags.
fn nesting_depth(html: &str) -> usize {
    let bytes = html.as_bytes();
    let mut depth: isize = 0;
    let mut max: isize = 0;
    for i in memchr::memchr_iter(b'<', bytes) {
        match bytes.get(i + 1) {
            Some(b'/') => depth -= 1,
            Some(c) if c.is_ascii_alphabetic() => {
                depth += 1;
                max = max.max(depth);
            }
            _ => {}
        }
    }
    max.max(0) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_decoded() {
        let raw = b"From: =?UTF-8?Q?Anna_M=C3=A4kinen?= <anna@example.fi>\r\nTo: \"Tuki\" <tuki@kauppa.fi>, b@c.fi\r\nSubject: =?ISO-8859-1?Q?Tilaus_p=E4iv=E4?=\r\nDate: Mon, 02 Nov 2026 10:11:00 +0200\r\nMessage-ID: <x@y>\r\nIn-Reply-To: <p@q>\r\nReferences: <o@q> <p@q>\r\n\r\nHei\r\n";
        let mail = decode(raw).unwrap();
        assert_eq!(mail.from.unwrap().name.as_deref(), Some("Anna Mäkinen"));
        assert_eq!(mail.to.len(), 2);
        assert_eq!(mail.to[0].name.as_deref(), Some("Tuki"));
        assert_eq!(mail.subject.as_deref(), Some("Tilaus päivä"));
        assert_eq!(mail.date.as_deref(), Some("2026-11-02T08:11:00Z"));
        assert_eq!(mail.message_id.as_deref(), Some("x@y"));
        assert_eq!(mail.in_reply_to, vec!["p@q"]);
        assert_eq!(mail.references, vec!["o@q", "p@q"]);
        assert_eq!(mail.text, "Hei\n");
    }

    #[test]
    fn latin1_bytes_under_a_missing_unknown_or_utf8_label() {
        for content_type in [
            "text/plain",
            "text/plain; charset=unknown-8bit",
            "text/plain; charset=x-ei-ole",
            "text/plain; charset=utf-8",
        ] {
            let raw = format!(
                "Subject: x\nContent-Type: {content_type}\n\nHyv\u{e4}\u{e4} p\u{e4}iv\u{e4}\u{e4}\n"
            );
            let latin1: Vec<u8> = raw.chars().map(|c| c as u8).collect();
            assert_eq!(
                decode(&latin1).unwrap().text,
                "Hyvää päivää\n",
                "{content_type}"
            );
        }
        // Valid UTF-8 next to a stray Windows-1252 byte keeps both.
        assert_eq!(
            utf8_or_windows_1252(b"p\xc3\xa4iv\xc3\xa4 \x80 \x93x\x94"),
            "päivä € “x”"
        );
    }

    #[test]
    fn broken_base64_keeps_its_decodable_start() {
        let raw = b"Subject: x\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\nSGVpIEFubmEsIHDDpGl2w6Qh\n!!! roskaa\n";
        assert_eq!(decode(raw).unwrap().text, "Hei Anna, päivä!");
        assert_eq!(lenient_base64(b"SGVp\nIA"), b"Hei ");
        assert_eq!(lenient_base64(b"S"), b"");
    }

    #[test]
    fn lenient_quoted_printable_keeps_bad_escapes() {
        assert_eq!(
            lenient_quoted_printable(b"a=ZZ =4 =C3=A4 =\nb=\r\nc="),
            b"a=ZZ =4 \xc3\xa4 bc="
        );
    }

    #[test]
    fn multipart_without_its_boundary_is_text() {
        let raw = b"Subject: x\nContent-Type: multipart/mixed; boundary=\"a\"\n\nVain tekstia.\n";
        assert_eq!(decode(raw).unwrap().text, "Vain tekstia.\n");
        let raw = b"Subject: x\nContent-Type: multipart/mixed\n\nVain tekstia.\n";
        assert_eq!(decode(raw).unwrap().text, "Vain tekstia.\n");
    }

    #[test]
    fn html_blockquote_becomes_quoted_lines() {
        let text = html_to_text(
            "<p>Hei Anna,</p><p>kiitos &amp; terveisin</p><blockquote><p>Missä paketti?</p></blockquote>",
        );
        assert!(text.contains("Hei Anna,"), "{text}");
        assert!(text.contains("kiitos & terveisin"), "{text}");
        assert!(text.contains("> Missä paketti?"), "{text}");
    }
}
