//! Reply templates: the texts inside template files and help-desk exports.
//!
//! Markup files (`.txt`, `.md`, `.html`, `.hbs`, `.liquid`, `.j2`, `.tmpl`,
//! `.mustache`) are one template each; their control blocks and HTML tags
//! are blanked out byte for byte, so that every position in the text is the
//! file's own line and column. gettext `.po` files give one template per
//! message that reads like an email; a Zendesk macros export one per macro
//! comment; a CSV of canned responses one per row.

use std::path::Path;
use std::sync::OnceLock;

use regex::Regex;

use super::InputError;

/// Extensions read as single templates.
pub const MARKUP_EXTENSIONS: &[&str] = &[
    "txt", "md", "html", "htm", "hbs", "liquid", "j2", "jinja", "jinja2", "tmpl", "mustache",
    "erb", "tpl", "twig", "njk",
];

/// One template text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateText {
    /// 0-based position in its file.
    pub index: usize,
    /// A macro title, a msgid, a CSV row title: what the template is called.
    pub name: Option<String>,
    /// The text, control blocks and tags blanked.
    pub text: String,
    /// Where the text's pieces sit in the file, by byte offset in `text`:
    /// escapes and string quotes in `.po`, JSON and CSV files break the
    /// text into pieces copied verbatim from the file.
    pub origin: Vec<Anchor>,
    /// One paragraph from a string catalog (a `.po` file, a translation
    /// CSV): a piece of an email, judged without the greeting square.
    pub fragment: bool,
}

/// A piece of a template's text copied verbatim from its file: from byte
/// `at` of the text on, characters follow the file's from `line`/`column`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Anchor {
    pub at: usize,
    /// 0-based file line.
    pub line: usize,
    /// 1-based column in characters.
    pub column: usize,
}

impl TemplateText {
    /// A whole file's text, every byte where the file has it.
    fn whole_file(text: String) -> Self {
        Self {
            index: 0,
            name: None,
            text,
            origin: vec![Anchor {
                at: 0,
                line: 0,
                column: 1,
            }],
            fragment: false,
        }
    }

    /// The file's 1-based line and column for a 1-based line and column in
    /// the template's text.
    pub fn file_position(&self, line: usize, column: usize) -> (usize, usize) {
        let line_start = if line <= 1 {
            0
        } else {
            self.text
                .match_indices('\n')
                .nth(line - 2)
                .map_or(self.text.len(), |(i, _)| i + 1)
        };
        let offset = self.text[line_start..]
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(self.text.len(), |(i, _)| line_start + i);
        let Some(anchor) = self.origin.iter().rev().find(|a| a.at <= offset) else {
            return (line, column);
        };
        let piece = &self.text[anchor.at..offset];
        match piece.rfind('\n') {
            Some(last) => (
                anchor.line + piece.matches('\n').count() + 1,
                piece[last + 1..].chars().count() + 1,
            ),
            None => (anchor.line + 1, anchor.column + piece.chars().count()),
        }
    }
}

/// How a string literal in a file is escaped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Quoting {
    /// A JSON string: backslash escapes, `\uXXXX`.
    Json,
    /// A gettext string: C escapes.
    Po,
    /// A quoted CSV field: `""` is a quote.
    Csv,
}

/// The 0-based line and 1-based column of a byte offset in `file`.
fn position(file: &str, at: usize) -> (usize, usize) {
    let before = &file[..at];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count(),
        before[line_start..].chars().count() + 1,
    )
}

/// Decodes the string literal whose content starts at byte `start` of
/// `file` (just after its opening quote), appending the text to `out` and
/// an anchor for every verbatim piece. Returns the byte after the literal.
fn scan_literal(
    file: &str,
    start: usize,
    quoting: Quoting,
    out: &mut String,
    origin: &mut Vec<Anchor>,
) -> usize {
    let (mut line, mut column) = position(file, start);
    let mut anchor = |out: &String, line: usize, column: usize| {
        origin.push(Anchor {
            at: out.len(),
            line,
            column,
        });
    };
    anchor(out, line, column);
    let mut chars = file[start..].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match (quoting, c) {
            (Quoting::Csv, '"') => {
                if chars.peek().map(|&(_, c)| c) != Some('"') {
                    return start + i + 1;
                }
                chars.next();
                out.push('"');
                column += 2;
                anchor(out, line, column);
            }
            (Quoting::Json | Quoting::Po, '"') => return start + i + 1,
            (Quoting::Json | Quoting::Po, '\\') => {
                let Some((_, e)) = chars.next() else {
                    break;
                };
                column += 2;
                match e {
                    'n' => out.push('\n'),
                    't' => out.push('\t'),
                    'r' => {}
                    'u' if quoting == Quoting::Json => {
                        let hex: String = chars.by_ref().take(4).map(|(_, c)| c).collect();
                        column += hex.chars().count();
                        let unit = u32::from_str_radix(&hex, 16).unwrap_or(0xFFFD);
                        if (0xD800..0xDC00).contains(&unit) {
                            // A surrogate pair: `\uD83D\uDE00`.
                            let low: String = chars.by_ref().take(6).map(|(_, c)| c).collect();
                            column += low.chars().count();
                            let low = u32::from_str_radix(low.trim_start_matches("\\u"), 16)
                                .unwrap_or(0xDC00);
                            let joined = 0x10000
                                + ((unit - 0xD800) << 10)
                                + (low.wrapping_sub(0xDC00) & 0x3FF);
                            out.push(char::from_u32(joined).unwrap_or('\u{FFFD}'));
                        } else {
                            out.push(char::from_u32(unit).unwrap_or('\u{FFFD}'));
                        }
                    }
                    other => out.push(other),
                }
                anchor(out, line, column);
            }
            (_, '\n') => {
                out.push('\n');
                line += 1;
                column = 1;
            }
            _ => {
                out.push(c);
                column += 1;
            }
        }
    }
    file.len()
}

/// How to read CSV exports.
#[derive(Debug, Clone, Default)]
pub struct TemplateOptions {
    /// The CSV column with the template text (name or 1-based number).
    pub column: Option<String>,
}

fn control_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(concat!(
            r"(?s)\{%-?.*?-?%\}",                // Jinja, Liquid, Twig control blocks
            r"|\{\{[#/^!>](?:[^}]|\}[^}])*\}\}", // Handlebars/Mustache sections, partials, comments
            r"|\{\{\s*else\s*\}\}",
            r"|\{#.*?#\}",               // Jinja comments
            r"|<%[^=](?:[^%]|%[^>])*%>", // ERB code (not <%= output %>)
            r"|<!--.*?-->",              // HTML comments
            r"|(?i:<(?:script|style|head|title)\b.*?</(?:script|style|head|title)>)",
            r"|<![^<>]*>", // <!DOCTYPE …>
        ))
        .expect("control block regex")
    })
}

fn tag_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"</?[a-zA-Z][^<>]*>|&[a-zA-Z]+;|&#\d+;").expect("tag regex"))
}

const BLOCK_TAGS: &[&str] = &[
    "br",
    "p",
    "div",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "table",
    "ul",
    "ol",
    "blockquote",
];

/// Replaces `range` of `text` by spaces (newlines kept), or by a newline and
/// spaces when it ends a block, so that byte offsets do not move.
fn blank(out: &mut [u8], range: std::ops::Range<usize>, newline_first: bool) {
    for (k, b) in out[range].iter_mut().enumerate() {
        if *b != b'\n' {
            *b = if k == 0 && newline_first { b'\n' } else { b' ' };
        }
    }
}

/// Blanks template control blocks (and for HTML, tags; entities become the
/// character they stand for, padded) without moving any byte.
pub fn blank_markup(text: &str, html: bool) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for m in control_re().find_iter(text) {
        blank(&mut bytes, m.range(), false);
    }
    if html {
        for m in tag_re().find_iter(text) {
            let token = m.as_str();
            if token.starts_with('&') {
                let decoded = match token {
                    "&amp;" => "&",
                    "&lt;" => "<",
                    "&gt;" => ">",
                    "&quot;" => "\"",
                    "&auml;" => "ä",
                    "&ouml;" => "ö",
                    "&aring;" => "å",
                    "&Auml;" => "Ä",
                    "&Ouml;" => "Ö",
                    "&Aring;" => "Å",
                    _ => " ",
                };
                blank(&mut bytes, m.range(), false);
                bytes[m.start()..m.start() + decoded.len()].copy_from_slice(decoded.as_bytes());
                continue;
            }
            let name: String = token
                .trim_start_matches(['<', '/'])
                .chars()
                .take_while(char::is_ascii_alphanumeric)
                .collect::<String>()
                .to_ascii_lowercase();
            let block = BLOCK_TAGS.contains(&name.as_str());
            blank(&mut bytes, m.range(), block);
        }
    }
    // Blanking only writes ASCII over whole matches, so the text stays UTF-8.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Reads the templates in one file.
pub fn read_templates(
    path: &Path,
    options: &TemplateOptions,
) -> Result<Vec<TemplateText>, InputError> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| InputError::new(&name, io_message(&e)))?;
    if bytes.len() > super::MAX_MESSAGE_BYTES {
        return Err(InputError::new(&name, "file too large for a template"));
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            // Old templates in Latin-1: every byte is a character.
            e.into_bytes().iter().map(|&b| char::from(b)).collect()
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text).to_string();
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "po" | "pot" => Ok(po_templates(&text)),
        "json" => json_templates(&text).map_err(|m| InputError::new(&name, m)),
        "csv" | "tsv" => {
            csv_templates(&text, ext == "tsv", options).map_err(|m| InputError::new(&name, m))
        }
        _ => {
            let html = matches!(ext.as_str(), "html" | "htm") || looks_like_html(&text);
            Ok(vec![TemplateText::whole_file(blank_markup(&text, html))])
        }
    }
}

fn io_message(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => err.to_string(),
    }
}

fn looks_like_html(text: &str) -> bool {
    let lower = text
        .get(..text.len().min(2000))
        .unwrap_or(text)
        .to_ascii_lowercase();
    ["<p>", "<br", "<div", "<html", "<table", "<p "]
        .iter()
        .any(|t| lower.contains(t))
}

/// Is a translated string an email text rather than a button label or a
/// subject line? Several lines, or a dozen words with a sentence end.
fn reads_like_email(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (text.trim().contains('\n') && words >= 5) || (words >= 12 && text.contains(['.', '!', '?']))
}

/// Column names of canned-responses exports (the text or the title).
const COLUMN_NAMES: &[&str] = &[
    "aihe",
    "answer",
    "body",
    "comment",
    "content",
    "innehåll",
    "mall",
    "meddelande",
    "message",
    "name",
    "namn",
    "nimi",
    "otsikko",
    "pohja",
    "reply",
    "response",
    "rubrik",
    "sisältö",
    "subject",
    "svar",
    "teksti",
    "template",
    "text",
    "title",
    "vastaus",
    "viesti",
    "ämne",
];

/// gettext: each non-empty msgstr that reads like an email is a template.
fn po_templates(text: &str) -> Vec<TemplateText> {
    let mut out = Vec::new();
    let mut msgid = String::new();
    let mut current: Option<(String, Vec<Anchor>)> = None;
    let mut in_msgid = false;
    let flush =
        |current: &mut Option<(String, Vec<Anchor>)>, msgid: &str, out: &mut Vec<TemplateText>| {
            if let Some((value, origin)) = current.take() {
                if !value.trim().is_empty() && reads_like_email(&value) {
                    let html = looks_like_html(&value);
                    out.push(TemplateText {
                        index: out.len(),
                        name: Some(msgid.chars().take(60).collect()),
                        fragment: !value.trim().contains('\n'),
                        text: blank_markup(&value, html),
                        origin,
                    });
                }
            }
        };
    let mut line_at = 0;
    for raw in text.split_inclusive('\n') {
        let at = line_at;
        line_at += raw.len();
        let line = raw.trim();
        // The literal's content starts after the first quote on the line.
        let literal_start = raw.find('"').map(|q| at + q + 1);
        let literal = |value: &mut String, origin: &mut Vec<Anchor>| {
            if let Some(start) = literal_start {
                scan_literal(text, start, Quoting::Po, value, origin);
            }
        };
        if line.starts_with("msgid ") {
            flush(&mut current, &msgid, &mut out);
            msgid.clear();
            literal(&mut msgid, &mut Vec::new());
            in_msgid = true;
        } else if line.starts_with("msgstr") {
            flush(&mut current, &msgid, &mut out);
            let mut value = String::new();
            let mut origin = Vec::new();
            literal(&mut value, &mut origin);
            current = Some((value, origin));
            in_msgid = false;
        } else if line.starts_with('"') {
            if let Some((value, origin)) = current.as_mut() {
                literal(value, origin);
            } else if in_msgid {
                literal(&mut msgid, &mut Vec::new());
            }
        } else if line.is_empty() || line.starts_with('#') {
            flush(&mut current, &msgid, &mut out);
        }
    }
    flush(&mut current, &msgid, &mut out);
    out
}

/// A Zendesk macros export: each macro's comment text.
fn json_templates(text: &str) -> Result<Vec<TemplateText>, String> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| format!("not valid JSON: {e}"))?;
    let macros = value
        .get("macros")
        .and_then(|m| m.as_array())
        .cloned()
        .or_else(|| value.as_array().cloned())
        .or_else(|| value.get("macro").map(|m| vec![m.clone()]))
        .ok_or("not a help-desk macros export (no `macros` list)")?;
    let mut out = Vec::new();
    // Macros are found in file order: each string is looked for after the last.
    let mut cursor = 0;
    for m in &macros {
        let title = m
            .get("title")
            .and_then(|t| t.as_str())
            .map(ToString::to_string);
        let Some(actions) = m.get("actions").and_then(|a| a.as_array()) else {
            continue;
        };
        for action in actions {
            let field = action
                .get("field")
                .and_then(|f| f.as_str())
                .unwrap_or_default();
            if !field.starts_with("comment_value") {
                continue;
            }
            // The value is a string, or ["channel:all", "text"].
            let parts: Vec<&str> = match action.get("value") {
                Some(serde_json::Value::String(s)) => vec![s.as_str()],
                Some(serde_json::Value::Array(parts)) => parts
                    .iter()
                    .filter_map(|p| p.as_str())
                    .filter(|p| !p.starts_with("channel:"))
                    .collect(),
                _ => continue,
            };
            let mut value = String::new();
            let mut origin = Vec::new();
            for part in parts {
                if !value.is_empty() {
                    value.push('\n');
                }
                locate_json_string(text, &mut cursor, part, &mut value, &mut origin);
            }
            if value.trim().is_empty() {
                continue;
            }
            let html = field.ends_with("html") || looks_like_html(&value);
            out.push(TemplateText {
                index: out.len(),
                name: title.clone(),
                text: blank_markup(&value, html),
                origin,
                fragment: false,
            });
        }
    }
    Ok(out)
}

/// Finds the JSON string literal holding `part` at or after `cursor` in
/// `file` and appends it to `value` with its anchors; when the file spells
/// it in an unexpected way, `part` is appended anchored at the cursor.
fn locate_json_string(
    file: &str,
    cursor: &mut usize,
    part: &str,
    value: &mut String,
    origin: &mut Vec<Anchor>,
) {
    let before = (value.len(), origin.len());
    // Every string literal after the cursor, decoded, until one is `part`.
    let mut quote = file.get(*cursor..).and_then(|rest| rest.find('"'));
    while let Some(at) = quote.map(|q| *cursor + q) {
        let end = scan_literal(file, at + 1, Quoting::Json, value, origin);
        if value[before.0..] == *part {
            *cursor = end;
            return;
        }
        value.truncate(before.0);
        origin.truncate(before.1);
        quote = file
            .get(end..)
            .and_then(|rest| rest.find('"'))
            .map(|q| end + q - *cursor);
    }
    let (line, column) = position(file, (*cursor).min(file.len()));
    origin.push(Anchor {
        at: value.len(),
        line,
        column,
    });
    value.push_str(part);
}

/// Where the `column`th field (0-based) of the CSV record starting at byte
/// `record` begins, and whether it is quoted.
fn csv_field_start(
    file: &str,
    record: usize,
    column: usize,
    delimiter: u8,
) -> Option<(usize, bool)> {
    let bytes = file.as_bytes();
    // With CRLF line ends a record's position may be its `\n`.
    let mut at = record;
    while matches!(bytes.get(at), Some(b'\r' | b'\n')) {
        at += 1;
    }
    for _ in 0..column {
        if bytes.get(at) == Some(&b'"') {
            let mut ignored = String::new();
            at = scan_literal(file, at + 1, Quoting::Csv, &mut ignored, &mut Vec::new());
        }
        at += memchr::memchr(delimiter, bytes.get(at..)?)?;
        at += 1;
    }
    Some((at, bytes.get(at) == Some(&b'"')))
}

/// A CSV of canned responses: one template per row, from `--column` or the
/// first column that looks like text.
fn csv_templates(
    text: &str,
    tabs: bool,
    options: &TemplateOptions,
) -> Result<Vec<TemplateText>, String> {
    let delimiter = if tabs { b'\t' } else { b',' };
    let headers = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes())
        .headers()
        .map_err(|e| format!("not a readable CSV file: {e}"))?
        .clone();
    // A canned-responses export names its columns; a translation catalog
    // (source, translation) starts with data, and only its rows that read
    // like an email are templates.
    let named = headers
        .iter()
        .any(|h| COLUMN_NAMES.contains(&h.trim().to_lowercase().as_str()));
    let catalog = !named && options.column.is_none();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(!catalog)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| format!("CSV: {e}"))?;
        let start = record
            .position()
            .map_or(0, |p| usize::try_from(p.byte()).unwrap_or(usize::MAX));
        rows.push((start, record));
    }
    let column = match &options.column {
        Some(wanted) => headers
            .iter()
            .position(|h| h.eq_ignore_ascii_case(wanted.trim()))
            .or_else(|| wanted.parse::<usize>().ok().and_then(|n| n.checked_sub(1)))
            .filter(|&c| c < headers.len())
            .ok_or_else(|| {
                format!(
                    "no column `{wanted}` (columns: {})",
                    headers.iter().collect::<Vec<_>>().join(", ")
                )
            })?,
        None => (0..headers.len())
            .max_by_key(|&c| {
                let words: usize = rows
                    .iter()
                    .map(|(_, r)| r.get(c).map_or(0, |v| v.split_whitespace().count()))
                    .sum();
                words
            })
            .ok_or("the CSV file has no columns")?,
    };
    let title_column = (0..headers.len()).find(|&c| c != column);
    Ok(rows
        .iter()
        .filter_map(|(start, record)| {
            let value = record.get(column)?;
            if value.trim().is_empty() || (catalog && !reads_like_email(value)) {
                return None;
            }
            Some((start, record, value))
        })
        .enumerate()
        .map(|(index, (&start, record, value))| {
            let mut origin = Vec::new();
            match csv_field_start(text, start, column, delimiter) {
                Some((at, true)) => {
                    let mut decoded = String::new();
                    scan_literal(text, at + 1, Quoting::Csv, &mut decoded, &mut origin);
                    if decoded != value {
                        origin.clear();
                    }
                }
                Some((at, false)) => {
                    let (line, column) = position(text, at);
                    origin.push(Anchor {
                        at: 0,
                        line,
                        column,
                    });
                }
                None => {}
            }
            TemplateText {
                index,
                name: title_column
                    .and_then(|c| record.get(c))
                    .map(ToString::to_string),
                text: blank_markup(value, looks_like_html(value)),
                origin,
                fragment: catalog && !value.trim().contains('\n'),
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_blocks_and_tags_are_blanked_in_place() {
        let src = "{% if x %}Hei {{ name }},{% endif %}\n<p>Kiitos &amp; terveisin</p>";
        let out = blank_markup(src, true);
        assert_eq!(out.len(), src.len());
        assert!(out.starts_with("          Hei {{ name }},"));
        assert!(out.contains("Kiitos &     terveisin"), "{out:?}");
        assert!(!out.contains("endif") && !out.contains("<p>"));
        let hbs = blank_markup("{{#if name}}Hei {{name}}{{else}}Hei{{/if}}", false);
        assert_eq!(hbs.trim(), "Hei {{name}}        Hei");
    }

    #[test]
    fn po_messages_that_read_like_email() {
        let po = "msgid \"Save\"\nmsgstr \"Tallenna\"\n\nmsgid \"order_mail\"\nmsgstr \"\"\n\"Hei %s,\\n\"\n\"\\n\"\n\"tilauksesi on vastaanotettu ja käsittelemme sen mahdollisimman pian.\\n\"\n";
        let templates = po_templates(po);
        assert_eq!(templates.len(), 1);
        assert!(templates[0].text.starts_with("Hei %s,\n\ntilauksesi"));
        // "tilauksesi" is on file line 8, after the opening quote.
        assert_eq!(templates[0].file_position(3, 1), (8, 2));
        assert_eq!(templates[0].file_position(1, 5), (6, 6));
        assert_eq!(templates[0].name.as_deref(), Some("order_mail"));
    }

    #[test]
    fn zendesk_macros() {
        let json = r#"{"macros":[{"title":"Palautus","actions":[{"field":"status","value":"solved"},{"field":"comment_value","value":["channel:all","Hei {{ticket.requester.first_name}},\n\npalautus on kirjattu."]}]}]}"#;
        let templates = json_templates(json).unwrap();
        assert_eq!(templates.len(), 1);
        assert_eq!(templates[0].name.as_deref(), Some("Palautus"));
        assert!(templates[0].text.contains("palautus on kirjattu"));
        // Text line 3 is after two `\n` escapes on the file's one line.
        let column = json.find("palautus on").unwrap() + 1;
        assert_eq!(templates[0].file_position(3, 1), (1, column));
        let escaped = "[{\"title\":\"x\",\"actions\":[{\"field\":\"comment_value\",\"value\":\"Hyv\\u00e4 asiakas, \\\"tervetuloa\\\" ja kiitos\"}]}]";
        let templates = json_templates(escaped).unwrap();
        assert_eq!(templates[0].text, "Hyvä asiakas, \"tervetuloa\" ja kiitos");
        let column = escaped.find("ja kiitos").unwrap() + 1;
        assert_eq!(templates[0].file_position(1, 28), (1, column));
        assert!(json_templates("{\"x\": 1}").is_err());
    }

    #[test]
    fn translation_catalogs_keep_only_email_texts() {
        let csv = "Save,Tallenna\r\nThanks,\"Hei,\n\nkiitos tilauksestasi. Paketti lähtee huomenna ja on perillä torstaina.\"\r\nSubject line,Tilauksesi on lähetetty ja se on perillä pian kotonasi tai noutopisteessä\r\n";
        let templates = csv_templates(csv, false, &TemplateOptions::default()).unwrap();
        assert_eq!(templates.len(), 1, "{templates:#?}");
        assert_eq!(templates[0].name.as_deref(), Some("Thanks"));
        assert_eq!(templates[0].file_position(1, 1), (2, 9));
        assert_eq!(templates[0].file_position(3, 1), (4, 1));
    }

    #[test]
    fn csv_rows_and_the_text_column() {
        let csv = "title,body\nPalautus,\"Hei {name},\nkiitos palautuksesta, hyvitämme summan pian.\"\nToimitus,Hei! Paketti lähti tänään ja on perillä huomenna.\n";
        let templates = csv_templates(csv, false, &TemplateOptions::default()).unwrap();
        assert_eq!(templates.len(), 2);
        assert!(templates[0].text.starts_with("Hei {name},"));
        assert_eq!(templates[0].name.as_deref(), Some("Palautus"));
        // Row 2's field starts on file line 4, after "Toimitus,".
        assert_eq!(templates[1].file_position(1, 1), (4, 10));
        // Row 1's second line is the file's line 3, from its first column.
        assert_eq!(templates[0].file_position(2, 8), (3, 8));
        let by_name = csv_templates(
            csv,
            false,
            &TemplateOptions {
                column: Some("title".into()),
            },
        )
        .unwrap();
        assert_eq!(by_name[0].text, "Palautus");
        assert!(
            csv_templates(
                csv,
                false,
                &TemplateOptions {
                    column: Some("nope".into())
                }
            )
            .is_err()
        );
    }
}
