//! People's names in mail text: who wrote a quoted original (attribution
//! lines, header blocks) and how someone signed off.

use std::sync::OnceLock;

use regex::Regex;

use super::Person;

fn email_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)<?(?:mailto:)?([a-z0-9._%+\-]+@[a-z0-9.\-]+\.[a-z]{2,})>?")
            .expect("email re")
    })
}

fn phone_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"(?:\+|\b0)\d[\d \-()/]{5,}\d\b").expect("phone re"))
}

/// Words that look capitalised in attribution lines but are not names.
const NOT_NAMES: &[&str] = &[
    "Am",
    "Den",
    "El",
    "Il",
    "Le",
    "On",
    "Op",
    "Sent",
    "From",
    "Lähettäjä",
    "Från",
    "Von",
    "De",
    "Mon",
    "Tue",
    "Wed",
    "Thu",
    "Fri",
    "Sat",
    "Sun",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Ma",
    "Ti",
    "Ke",
    "To",
    "Pe",
    "La",
    "Su",
    "Mån",
    "Tis",
    "Ons",
    "Tor",
    "Fre",
    "Lör",
    "Sön",
];

const PARTICLES: &[&str] = &["af", "de", "van", "von", "der", "den", "da", "di"];

fn name_word(word: &str) -> bool {
    let word = word.trim_matches(|c: char| c == '"' || c == '\'' || c == ',');
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    first.is_uppercase()
        && word.chars().any(char::is_lowercase)
        && word
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '.' || c == '\'')
        && !NOT_NAMES.contains(&word)
}

/// A run of capitalised words ending at the end of `text`.
fn trailing_name(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut start = words.len();
    while start > 0 && words.len() - start < 4 {
        let w = words[start - 1];
        if name_word(w) || (start < words.len() && PARTICLES.contains(&w)) {
            start -= 1;
        } else {
            break;
        }
    }
    (start < words.len()).then(|| clean_name(&words[start..].join(" ")))
}

/// A run of capitalised words at the start of `text`.
fn leading_name(text: &str) -> Option<String> {
    let words: Vec<&str> = text
        .split_whitespace()
        .take_while(|w| name_word(w) || PARTICLES.contains(w))
        .take(4)
        .collect();
    (!words.is_empty()).then(|| clean_name(&words.join(" ")))
}

fn clean_name(name: &str) -> String {
    name.trim_matches(|c: char| c == '"' || c == '\'' || c == ',' || c.is_whitespace())
        .to_string()
}

/// Who wrote the quoted original, from its attribution line ("On …, Anna
/// Virtanen <anna@x.fi> wrote:", "Anna kirjoitti:", "Den … skrev Anna <a@b>:")
/// or its header block ("Lähettäjä: Anna Virtanen <anna@x.fi>").
pub fn quote_header_person(header: &str) -> Option<Person> {
    let header = header.trim();
    if header.is_empty() {
        return None;
    }
    // A header block: the From-like field.
    for line in header.lines() {
        let line = line.trim_start_matches(['>', ' ', '*', '_']);
        let lower = line.to_lowercase();
        for field in ["from:", "lähettäjä:", "från:", "von:", "de:", "da:", "van:"] {
            if let Some(rest) = lower.strip_prefix(field) {
                let value = line[line.len() - rest.len()..]
                    .trim()
                    .trim_matches(['*', '_'])
                    .trim();
                return Some(person_from_value(value));
            }
        }
    }
    // An attribution.
    let joined = header.split_whitespace().collect::<Vec<_>>().join(" ");
    let address = email_re().captures(&joined).map(|c| c[1].to_string());
    let name = if let Some(m) = email_re().find(&joined) {
        trailing_name(joined[..m.start()].trim_end_matches([' ', '"', '(', '[']))
            .or_else(|| leading_name(joined[m.end()..].trim_start_matches([' ', '(', ')'])))
    } else {
        let lower = joined.to_lowercase();
        [
            "kirjoitti",
            "wrote",
            "skrev",
            "schrieb",
            "a écrit",
            "escribió",
            "ha scritto",
        ]
        .iter()
        .find_map(|w| lower.find(w).map(|at| (at, w.len())))
        .and_then(|(at, len)| {
            trailing_name(joined[..at].trim_end_matches([' ', ',']))
                .or_else(|| leading_name(joined.get(at + len..).unwrap_or_default().trim_start()))
        })
    };
    (name.is_some() || address.is_some()).then_some(Person { name, address })
}

/// "Anna Virtanen <anna@x.fi>", "anna@x.fi", "\"Virtanen, Anna\" <…>".
fn person_from_value(value: &str) -> Person {
    let address = email_re().captures(value).map(|c| c[1].to_string());
    let name_part = match email_re().find(value) {
        Some(m) => value[..m.start()].trim(),
        None => value,
    };
    let name_part = name_part.trim_matches(['"', '\'', ' ', '[', ']']);
    let name = if name_part.is_empty() || name_part.contains('@') {
        None
    } else if let Some((last, first)) = name_part.split_once(", ") {
        // "Virtanen, Anna"
        Some(format!("{} {}", first.trim(), last.trim()))
    } else {
        Some(name_part.to_string())
    };
    Person { name, address }
}

/// A line of a contact block: a phone number, an address or a web link.
pub fn looks_like_contact(line: &str) -> bool {
    let lower = line.to_lowercase();
    phone_re().is_match(line)
        || email_re().is_match(line)
        || lower.contains("www.")
        || lower.contains("http")
        || lower.starts_with("puh")
        || lower.starts_with("tel")
}

/// One to four capitalised words and nothing else: "Anna", "Anna-Liisa
/// Virtanen", "Matti M."
pub fn looks_like_name(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 4
        && words
            .iter()
            .all(|w| name_word(w) || PARTICLES.contains(w) || is_initial(w))
        && name_word(words[0])
}

fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next(), chars.next()), (Some(c), Some('.'), None) if c.is_uppercase())
}

/// The name someone signed with: the first line of their signature when it
/// is a name ("Matti Meikäläinen"), or the name after a sign-off on the
/// same line ("Terveisin Anna").
pub fn signoff_name(signature: &str) -> Option<String> {
    let first = signature
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && *l != "--")?;
    looks_like_name(first).then(|| first.trim_end_matches(',').to_string())
}

/// The name written after a sign-off on its own line ("Terveisin Anna",
/// "Thanks, Bob").
pub fn name_after_signoff(rest: &str) -> Option<String> {
    let rest = rest.trim_start_matches([',', ' ', '!', '-']).trim();
    looks_like_name(rest).then(|| rest.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(header: &str) -> Option<String> {
        quote_header_person(header).and_then(|p| p.name)
    }

    #[test]
    fn names_from_attributions() {
        assert_eq!(
            name("On Mon, Nov 2, 2026 at 10:11 AM Anna Virtanen <anna@example.fi> wrote:")
                .as_deref(),
            Some("Anna Virtanen")
        );
        assert_eq!(
            name("ma 2.11.2026 klo 10.11 Anna Virtanen <anna@example.fi> kirjoitti:").as_deref(),
            Some("Anna Virtanen")
        );
        assert_eq!(
            name("Den 2 nov. 2026 kl. 10:11 skrev Anna Virtanen <anna@example.fi>:").as_deref(),
            Some("Anna Virtanen")
        );
        assert_eq!(
            name("Anna Virtanen kirjoitti:").as_deref(),
            Some("Anna Virtanen")
        );
        assert_eq!(
            name("Lähettäjä: \"Virtanen, Anna\" <anna@example.fi>\nAihe: x").as_deref(),
            Some("Anna Virtanen")
        );
        assert_eq!(name("From: anna@example.fi\nSubject: x"), None);
        assert_eq!(
            quote_header_person("From: anna@example.fi\nSubject: x")
                .unwrap()
                .address
                .as_deref(),
            Some("anna@example.fi")
        );
    }

    #[test]
    fn names_and_contacts() {
        assert!(looks_like_name("Anna-Liisa Virtanen"));
        assert!(looks_like_name("Matti M."));
        assert!(!looks_like_name("kiitos paljon"));
        assert!(!looks_like_name(
            "Paketti lähti eilen iltapäivällä kohti Tamperetta"
        ));
        assert!(looks_like_contact("puh. 040 123 4567"));
        assert!(looks_like_contact("www.kauppa.fi"));
        assert!(!looks_like_contact("Tilaus 12 lähti"));
        assert_eq!(
            signoff_name("Matti Meikäläinen\nAsiakaspalvelu").as_deref(),
            Some("Matti Meikäläinen")
        );
        assert_eq!(name_after_signoff(", Anna").as_deref(), Some("Anna"));
    }
}
