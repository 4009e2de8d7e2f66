//! Text helpers shared by the rules: words and sentences with their byte
//! spans, and matching inflected Finnish names.

use std::ops::Range;

/// The longest start of `text` of at most `max` bytes that ends on a
/// character boundary.
pub fn clip(text: &str, max: usize) -> &str {
    let mut end = max.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// `word` lower-cased, without a copy when it is lower-case already (most
/// words are).
pub fn lowercase(word: &str) -> std::borrow::Cow<'_, str> {
    // ASCII letters take the short way; the Unicode tables only for the rest.
    let upper = |c: char| {
        if c.is_ascii() {
            c.is_ascii_uppercase()
        } else {
            c.is_alphabetic() && !c.is_lowercase()
        }
    };
    if !word.chars().any(upper) {
        word.into()
    } else if word.is_ascii() {
        word.to_ascii_lowercase().into()
    } else {
        word.to_lowercase().into()
    }
}

/// The part of a web address after its scheme or its "www." (None when
/// `token` is no web address).
fn web_address(token: &str) -> Option<&str> {
    token.split_once("://").map(|(_, rest)| rest).or_else(|| {
        token
            .find("www.")
            .filter(|&at| !token[..at].chars().any(char::is_alphanumeric))
            .map(|at| &token[at..])
    })
}

fn has_address(text: &str) -> bool {
    text.contains("://") || text.contains("www.") || text.contains('@')
}

/// `text` with each of `ranges` blanked out by spaces, its byte offsets
/// kept; a range that does not fall on character boundaries is left.
pub fn blanked(text: &str, ranges: impl IntoIterator<Item = Range<usize>>) -> String {
    let mut out = text.to_string();
    for range in ranges {
        if let Some(part) = text.get(range.clone()) {
            out.replace_range(range, &" ".repeat(part.len()));
        }
    }
    out
}

/// `text` without web and e-mail addresses: the shop's address names
/// nothing the reply is about.
pub fn without_addresses(text: &str) -> std::borrow::Cow<'_, str> {
    if !has_address(text) {
        return text.into();
    }
    let kept: Vec<&str> = text
        .split_whitespace()
        .filter(|token| !token.contains('@') && web_address(token).is_none())
        .collect();
    kept.join(" ").into()
}

/// `text` without the hosts of web addresses and without e-mail
/// addresses: `https://vikskarsbat.example/tider` keeps only its path
/// ("/tider"), whose words may say what the page is about; the host says
/// only whose it is.
pub fn without_hosts(text: &str) -> std::borrow::Cow<'_, str> {
    if !has_address(text) {
        return text.into();
    }
    let kept: Vec<&str> = text
        .split_whitespace()
        .filter(|token| !token.contains('@'))
        .map(|token| match web_address(token) {
            Some(rest) => rest.find('/').map_or("", |slash| &rest[slash..]),
            None => token,
        })
        .collect();
    kept.join(" ").into()
}

/// Words (letters, digits, inner hyphens and apostrophes) with byte spans.
pub fn word_spans(text: &str) -> Vec<(Range<usize>, &str)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        let inner = c == '-' || c == '\'' || c == '’';
        if c.is_alphanumeric() || (inner && start.is_some()) {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(s) = start.take() {
            push_word(text, s, i, &mut out);
        }
    }
    if let Some(s) = start {
        push_word(text, s, text.len(), &mut out);
    }
    out
}

fn push_word<'a>(text: &'a str, start: usize, end: usize, out: &mut Vec<(Range<usize>, &'a str)>) {
    let word = text[start..end].trim_end_matches(['-', '\'', '’']);
    if !word.is_empty() {
        out.push((start..start + word.len(), word));
    }
}

/// Sentences as byte ranges: ended by `.`, `!`, `?` (and runs of them), a
/// blank line, or a line break after a short or closed line.
/// An emoji or pictograph ("😬", "📦", "☀").
pub fn is_emoji(c: char) -> bool {
    matches!(c as u32, 0x1F300..=0x1FAFF | 0x2600..=0x27BF)
}

/// `sentence` cut after each emoji that has more text after it: casual
/// writers end sentences with one ("kertaa 😬 saisko sen auki?").
pub fn split_at_emoji(sentence: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, c) in sentence.char_indices() {
        let end = i + c.len_utf8();
        if is_emoji(c)
            && sentence[end..].starts_with(char::is_whitespace)
            && sentence[end..].chars().any(char::is_alphabetic)
        {
            parts.push(&sentence[start..end]);
            start = end;
        }
    }
    parts.push(&sentence[start..]);
    parts.retain(|p| !p.trim().is_empty());
    parts
}

pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    let mut line_start = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let end_here = match b {
            b'.' | b'!' | b'?' => {
                // Include the whole run ("?!", "...").
                while i + 1 < bytes.len() && matches!(bytes[i + 1], b'.' | b'!' | b'?') {
                    i += 1;
                }
                let next = bytes.get(i + 1).copied();
                // "2.11.2026", "esim.ja", "3.5 €": not an end.
                let spaced = next.is_none_or(|n| n.is_ascii_whitespace() || n == b'"' || n == b')');
                // "20.11. mennessä", "esim. näin": a full stop followed by a
                // lower-case word is an abbreviation or a date, not an end.
                let lower_next = b == b'.'
                    && text[i + 1..]
                        .trim_start_matches([' ', '\t'])
                        .chars()
                        .next()
                        .is_some_and(char::is_lowercase);
                spaced && !lower_next && !before_number(text, i)
            }
            b'\n' => {
                let line = text[line_start..i].trim();
                let next_line = text[i + 1..].lines().next().unwrap_or("").trim_start();
                let blank_next = next_line.is_empty();
                line_start = i + 1;
                blank_next
                    || line.is_empty()
                    || line.chars().count() < 45
                    || next_line.starts_with(['-', '*', '•', '>'])
                    || numbered_item(next_line)
            }
            _ => false,
        };
        if end_here {
            push_sentence(text, start, i + 1, &mut out);
            start = i + 1;
        }
        i += 1;
    }
    push_sentence(text, start, text.len(), &mut out);
    out
}

/// Is the full stop at `dot` that of an abbreviation a number follows
/// ("kl. 12", "n. 5 €", "nr. 3")?
fn before_number(text: &str, dot: usize) -> bool {
    const ABBREVIATIONS: &[&str] = &["ca", "kl", "klo", "n", "no", "nr", "puh", "tel"];
    let word = text[..dot]
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default();
    text.as_bytes()[dot] == b'.'
        && ABBREVIATIONS.iter().any(|a| word.eq_ignore_ascii_case(a))
        && text[dot + 1..]
            .trim_start_matches([' ', '\t'])
            .starts_with(|c: char| c.is_ascii_digit())
}

/// "1. Tee näin", "2) Then": a numbered list item (not "20.11. mennessä").
fn numbered_item(line: &str) -> bool {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && {
        let rest = &line[digits..];
        rest.starts_with(". ") || rest.starts_with(") ")
    }
}

fn push_sentence(text: &str, start: usize, end: usize, out: &mut Vec<Range<usize>>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        out.push(start + lead..start + lead + trimmed.len());
    }
}

/// Does `word` (as written in a greeting, maybe inflected: "Annalle",
/// "Virtaselle", "Mikolle") refer to `name` ("Anna", "Virtanen", "Mikko")?
pub fn name_matches(word: &str, name: &str) -> bool {
    let word = word.to_lowercase();
    let name = name.to_lowercase();
    if word == name {
        return true;
    }
    if name.chars().count() < 2 {
        return false;
    }
    let mut stems = vec![name.clone()];
    // Finnish -nen surnames inflect on -se-: Virtanen -> Virtaselle.
    if let Some(base) = name.strip_suffix("nen") {
        stems.push(format!("{base}s"));
    }
    // Consonant gradation in the stem: Mikko -> Mikolle, Jukka -> Jukalle.
    for (strong, weak) in [
        ("kk", "k"),
        ("pp", "p"),
        ("tt", "t"),
        ("nt", "nn"),
        ("nk", "ng"),
        ("mp", "mm"),
        ("lt", "ll"),
        ("rt", "rr"),
    ] {
        if let Some(pos) = name.rfind(strong) {
            stems.push(format!(
                "{}{weak}{}",
                &name[..pos],
                &name[pos + strong.len()..]
            ));
        }
    }
    stems.iter().any(|stem| {
        let stem_chars = stem.chars().count();
        // The inflected form keeps all but the last vowel of the stem.
        let keep: String = stem
            .chars()
            .take(stem_chars.saturating_sub(1).max(2))
            .collect();
        word.starts_with(stem.as_str())
            || (stem_chars >= 4 && word.starts_with(&keep) && word.chars().count() > stem_chars)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clip_ends_on_a_character_boundary() {
        assert_eq!(clip("kassi", 3), "kas");
        assert_eq!(clip("kassi", 99), "kassi");
        // "ä" is two bytes: a cut inside it steps back before it.
        assert_eq!(clip("ääkkönen", 3), "ä");
        assert_eq!(clip("ä", 1), "");
    }

    #[test]
    fn lower_case_words_are_not_copied() {
        use std::borrow::Cow;
        assert!(matches!(lowercase("kesä-2026"), Cow::Borrowed("kesä-2026")));
        assert_eq!(lowercase("Kesä"), "kesä");
        assert_eq!(lowercase("ǅungla"), "ǆungla");
        assert!(matches!(lowercase("ÅÄÖ"), Cow::Owned(_)));
        assert_eq!(lowercase("RMA-Koodi"), "rma-koodi");
        assert!(matches!(lowercase("rma-koodi"), Cow::Borrowed(_)));
    }

    #[test]
    fn web_addresses_keep_only_their_path() {
        assert_eq!(
            without_hosts(
                "Katso https://orkney-outdoor.example/teltat tai kirjoita apu@orkney.example."
            ),
            "Katso /teltat tai kirjoita"
        );
        assert_eq!(without_hosts("www.kauppa.example on auki"), " on auki");
        assert_eq!(
            without_addresses("Katso https://kauppa.example/teltat tai (www.kauppa.example)."),
            "Katso tai"
        );
        assert!(matches!(
            without_hosts("ei osoitteita"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn words_keep_inner_hyphens() {
        let words: Vec<&str> = word_spans("Kesäkassi-tuotteen hinta on 12,90 €.")
            .into_iter()
            .map(|w| w.1)
            .collect();
        assert_eq!(words, vec!["Kesäkassi-tuotteen", "hinta", "on", "12", "90"]);
    }

    #[test]
    fn sentences_split_on_marks_and_short_lines() {
        let text = "Hei!\nMilloin paketti tulee? Voinko vaihtaa värin.\nKiitos 2.11.2026 tilatusta kassista ja kaikesta muusta mitä lähetitte";
        let got: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            got,
            vec![
                "Hei!",
                "Milloin paketti tulee?",
                "Voinko vaihtaa värin.",
                "Kiitos 2.11.2026 tilatusta kassista ja kaikesta muusta mitä lähetitte"
            ]
        );
    }

    #[test]
    fn an_abbreviation_before_a_number_ends_nothing() {
        let text = "Går det att checka in tidigt, runt kl. 12? Och ingår frukost? Det kostar 12. 5 kr extra.";
        let got: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            got,
            vec![
                "Går det att checka in tidigt, runt kl. 12?",
                "Och ingår frukost?",
                "Det kostar 12.",
                "5 kr extra."
            ]
        );
    }

    #[test]
    fn inflected_names() {
        assert!(name_matches("Annalle", "Anna"));
        assert!(name_matches("Virtaselle", "Virtanen"));
        assert!(name_matches("Mikolle", "Mikko"));
        assert!(name_matches("Anna", "anna"));
        assert!(!name_matches("Anni", "Anna"));
        assert!(!name_matches("Matti", "Anna"));
        assert!(!name_matches("Eve", "Eva"));
    }

    #[test]
    fn blanked_keeps_offsets_and_character_boundaries() {
        let text = "salasana Kivi-82 ja klo 15";
        let out = blanked(text, [9..16, 20..26]);
        assert_eq!(out, "salasana         ja       ");
        assert_eq!(out.len(), text.len());
        // A range that starts inside "ä" (bytes 1..3) is left as it is.
        assert_eq!(blanked("mä", std::iter::once(2..3)), "mä");
    }
}
