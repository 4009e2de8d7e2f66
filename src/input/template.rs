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
    "txt", "md", "html", "htm", "hbs", "liquid", "j2", "jinja", "tmpl", "mustache",
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
    /// 1-based file line of the text's first line (0-based offset added to
    /// the text's own line numbers).
    pub line_offset: usize,
    /// The text sits on one line of its file (a JSON string): every finding
    /// points at that line, at the string's column.
    pub one_line_at: Option<usize>,
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
            r"|(?i:<(?:script|style)\b.*?</(?:script|style)>)",
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
            Ok(vec![TemplateText {
                index: 0,
                name: None,
                text: blank_markup(&text, html),
                line_offset: 0,
                one_line_at: None,
            }])
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

/// Is a translated string an email text rather than a button label?
fn reads_like_email(text: &str) -> bool {
    text.split_whitespace().count() >= 12
        || (text.contains('\n') && text.split_whitespace().count() >= 5)
}

/// Un-escapes a gettext string literal's content.
fn po_unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') | None => {}
            Some(other) => out.push(other),
        }
    }
    out
}

/// gettext: each non-empty msgstr that reads like an email is a template.
fn po_templates(text: &str) -> Vec<TemplateText> {
    let mut out = Vec::new();
    let mut msgid = String::new();
    let mut current: Option<(String, usize)> = None; // (msgstr, first line)
    let mut in_msgid = false;
    let flush =
        |current: &mut Option<(String, usize)>, msgid: &str, out: &mut Vec<TemplateText>| {
            if let Some((value, line)) = current.take() {
                if !value.trim().is_empty() && reads_like_email(&value) {
                    let html = looks_like_html(&value);
                    out.push(TemplateText {
                        index: out.len(),
                        name: Some(msgid.chars().take(60).collect()),
                        text: blank_markup(&value, html),
                        line_offset: line,
                        one_line_at: None,
                    });
                }
            }
        };
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        let literal =
            |rest: &str| po_unescape(rest.trim().trim_start_matches('"').trim_end_matches('"'));
        if let Some(rest) = line.strip_prefix("msgid ") {
            flush(&mut current, &msgid, &mut out);
            msgid = literal(rest);
            in_msgid = true;
        } else if let Some(rest) = line.strip_prefix("msgstr") {
            let rest =
                rest.trim_start_matches(|c: char| c == '[' || c.is_ascii_digit() || c == ']');
            flush(&mut current, &msgid, &mut out);
            let value = literal(rest);
            // When the msgstr starts empty, its text begins on the next line.
            let first_line = if value.is_empty() { n + 1 } else { n };
            current = Some((value, first_line));
            in_msgid = false;
        } else if line.starts_with('"') {
            if let Some((value, _)) = current.as_mut() {
                value.push_str(&literal(line));
            } else if in_msgid {
                msgid.push_str(&literal(line));
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
            let value = match action.get("value") {
                Some(serde_json::Value::String(s)) => s.clone(),
                Some(serde_json::Value::Array(parts)) => parts
                    .iter()
                    .filter_map(|p| p.as_str())
                    .filter(|p| !p.starts_with("channel:"))
                    .collect::<Vec<_>>()
                    .join("\n"),
                _ => continue,
            };
            if value.trim().is_empty() {
                continue;
            }
            let html = field.ends_with("html") || looks_like_html(&value);
            let (line_offset, column) = locate(text, &value);
            out.push(TemplateText {
                index: out.len(),
                name: title.clone(),
                text: blank_markup(&value, html),
                line_offset,
                one_line_at: Some(column),
            });
        }
    }
    Ok(out)
}

/// The 0-based line and 1-based column in `file` where (the JSON-escaped
/// start of) `value` is.
fn locate(file: &str, value: &str) -> (usize, usize) {
    let escaped = serde_json::to_string(value).unwrap_or_default();
    let probe: String = escaped.trim_start_matches('"').chars().take(30).collect();
    file.find(&probe).map_or((0, 1), |at| {
        let line_start = file[..at].rfind('\n').map_or(0, |i| i + 1);
        (
            file[..at].matches('\n').count(),
            file[line_start..at].chars().count() + 1,
        )
    })
}

/// A CSV of canned responses: one template per row, from `--column` or the
/// first column that looks like text.
fn csv_templates(
    text: &str,
    tabs: bool,
    options: &TemplateOptions,
) -> Result<Vec<TemplateText>, String> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(if tabs { b'\t' } else { b',' })
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| format!("not a readable CSV file: {e}"))?
        .clone();
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| format!("CSV: {e}"))?;
        let line = record
            .position()
            .map_or(0, |p| p.line().saturating_sub(1) as usize);
        rows.push((line, record));
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
        .filter_map(|(line, record)| {
            let value = record.get(column)?;
            if value.trim().is_empty() {
                return None;
            }
            Some((line, record, value))
        })
        .enumerate()
        .map(|(index, (line, record, value))| TemplateText {
            index,
            name: title_column
                .and_then(|c| record.get(c))
                .map(ToString::to_string),
            text: blank_markup(value, looks_like_html(value)),
            line_offset: *line,
            one_line_at: None,
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
        assert_eq!(templates[0].line_offset, 5);
        assert_eq!(templates[0].name.as_deref(), Some("order_mail"));
    }

    #[test]
    fn zendesk_macros() {
        let json = r#"{"macros":[{"title":"Palautus","actions":[{"field":"status","value":"solved"},{"field":"comment_value","value":["channel:all","Hei {{ticket.requester.first_name}},\n\npalautus on kirjattu."]}]}]}"#;
        let templates = json_templates(json).unwrap();
        assert_eq!(templates.len(), 1);
        assert_eq!(templates[0].name.as_deref(), Some("Palautus"));
        assert!(templates[0].text.contains("palautus on kirjattu"));
        assert!(json_templates("{\"x\": 1}").is_err());
    }

    #[test]
    fn csv_rows_and_the_text_column() {
        let csv = "title,body\nPalautus,\"Hei {name},\nkiitos palautuksesta, hyvitämme summan pian.\"\nToimitus,Hei! Paketti lähti tänään ja on perillä huomenna.\n";
        let templates = csv_templates(csv, false, &TemplateOptions::default()).unwrap();
        assert_eq!(templates.len(), 2);
        assert!(templates[0].text.starts_with("Hei {name},"));
        assert_eq!(templates[0].name.as_deref(), Some("Palautus"));
        assert_eq!(templates[1].line_offset, 3);
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
