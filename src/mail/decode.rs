//! Headers and the readable text of one message.

use std::borrow::Cow;

use mail_parser::{Address, HeaderValue, MessageParser, PartType};

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
            PartType::Text(t) => Cow::Borrowed(t.as_ref()),
            PartType::Html(h) => {
                from_html = true;
                Cow::Owned(html_to_text(h))
            }
            _ => continue,
        };
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(&piece);
    }
    mail.text = normalise_newlines(&text);
    mail.from_html = from_html;
    Ok(mail)
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
    fn html_blockquote_becomes_quoted_lines() {
        let text = html_to_text(
            "<p>Hei Anna,</p><p>kiitos &amp; terveisin</p><blockquote><p>Missä paketti?</p></blockquote>",
        );
        assert!(text.contains("Hei Anna,"), "{text}");
        assert!(text.contains("kiitos & terveisin"), "{text}");
        assert!(text.contains("> Missä paketti?"), "{text}");
    }
}
