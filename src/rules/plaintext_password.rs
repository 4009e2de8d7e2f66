//! `plaintext-password`: a password value in clear text. Severity
//! `security`; the value itself is masked everywhere before any output.

use std::ops::Range;

use aho_corasick::AhoCorasick;

use super::{Context, Finding, Rule, RuleDoc, Severity, Square, Text};
use crate::Message;
use crate::lang::lexicon::Lexicon;
use crate::lang::placeholder::{is_password_field, placeholders};
use crate::lang::text::{clip, sentences};

#[derive(Debug)]
pub struct PlaintextPassword;

static DOC: RuleDoc = RuleDoc {
    summary: Text {
        en: "A password in clear text",
        fi: "Salasana selväkielisenä",
    },
    what: Text {
        en: "A reply that carries a password value (\"Salasanasi on Kesä2024\", \"password: hunter22\", \"ditt lösenord är Sommar1\"), or a template with a password placeholder (`{passwd}`, `{{ password }}`). Not a password: \"Salasanasi on vaihdettu\", \"vaihda salasana linkistä\", \"emme koskaan kysy salasanaasi\", \"Salasana: ********\". bingo never prints the value: every output masks it.",
        fi: "Vastaus, jossa on salasana (\"Salasanasi on Kesä2024\", \"password: hunter22\"), tai mallipohja, jossa on salasanakenttä (`{passwd}`, `{{ password }}`). Ei salasana: \"Salasanasi on vaihdettu\", \"vaihda salasana linkistä\", \"emme koskaan kysy salasanaasi\", \"Salasana: ********\". bingo ei koskaan tulosta arvoa, vaan peittää sen kaikissa tulosteissa.",
    },
    why: Text {
        en: "Email is stored in many places for years and forwarded freely. A password in it is a password for anyone who ever reads the mailbox; send a reset link instead.",
        fi: "Sähköposti säilyy monessa paikassa vuosia ja kulkee eteenpäin. Viestissä oleva salasana on kenen tahansa postilaatikon lukijan salasana; lähetä sen sijaan vaihtolinkki.",
    },
    bad: &[
        "Uusi salasanasi on ******** (selväkielisenä).",
        "Your temporary password: ********",
        "Ditt lösenord är ********",
    ],
    good: &[
        "Vaihda salasanasi tästä linkistä: https://kauppa.example/uusi-salasana",
        "Set a new password with this link: https://shop.example/reset",
        "Byt lösenord via länken: https://butik.example/nytt",
    ],
};

/// What stands between a cue and a candidate value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Separator {
    /// Other words only ("salasanalla Aamu-9917", "password for X is").
    None,
    /// A copula: "on", "is", "är".
    Word,
    /// A colon or an equals sign.
    Symbol,
    /// A colon that closes a clause of its own ("saat tehtyä itse:").
    ClauseColon,
}

/// Does a candidate value look like a password, given what came before it?
fn looks_like_password(
    value: &str,
    quoted: bool,
    separator: Separator,
    code: bool,
    at_end: bool,
    lex: &Lexicon,
) -> bool {
    let chars = value.chars().count();
    if !(4..=64).contains(&chars) {
        return false;
    }
    // "8-merkkinen", "4-digit": the length of one, not one.
    if let Some((number, word)) = value.split_once('-') {
        if !number.is_empty()
            && number.chars().all(|c| c.is_ascii_digit())
            && word.chars().all(|c| c.is_alphabetic() && c.is_lowercase())
        {
            return false;
        }
    }
    // "PIN 4471", "tunnusluvulla 5829", "koodi 615 204": a code may be
    // digits only.
    let digits = value.chars().filter(char::is_ascii_digit).count();
    if code && digits <= 8 && value.chars().all(|c| c.is_ascii_digit() || c == ' ') {
        return digits >= 4;
    }
    if value
        .chars()
        .all(|c| matches!(c, '*' | '•' | '●' | 'x' | 'X' | '#' | '.' | '_' | '-'))
    {
        return false;
    }
    // A placeholder is the template's business (reported as one below).
    if value.starts_with(['{', '%', '$', '[', '<']) || value.starts_with("##") {
        return false;
    }
    let lower = value.to_lowercase();
    if lex.not_passwords.contains(&lower)
        || lower.starts_with("http")
        || lower.starts_with("www.")
        || value.contains('@')
    {
        return false;
    }
    let has_digit = value.chars().any(|c| c.is_ascii_digit());
    let has_letter = value.chars().any(char::is_alphabetic);
    let has_symbol = value.chars().any(|c| !c.is_alphanumeric());
    let inner_upper = value.chars().skip(1).any(char::is_uppercase);
    let starts_upper = value.chars().next().is_some_and(char::is_uppercase);
    match separator {
        // "password: hunter", "PIN: 4821": after a colon any value counts,
        // but prose goes on after a colon that closes a clause: "salasanan
        // saat tehtyä itse: jäsensivujen kirjautumisruudussa…".
        Separator::Symbol => true,
        Separator::ClauseColon => {
            at_end || !value.chars().all(|c| c.is_alphabetic() && c.is_lowercase())
        }
        // "Salasanasi on Kesä2024", "is 'kiwi'", "on Aurinko": prose would
        // go on in lower case.
        // "Your temporary password is sunflower.": a lone lower-case word
        // that ends the sentence, but no participle ("changed", "vaihdettu").
        Separator::Word => {
            quoted
                || has_digit
                || has_symbol
                || inner_upper
                || starts_upper
                || at_end && chars >= 5 && !is_participle(lex, &lower)
        }
        // No copula: only a value that cannot be a word ("kevät55",
        // "Ruusu-2026"); dates and amounts have no letters, and a compound
        // of a name and a noun ("BankID-kod", "PIN-koodi") is a word.
        Separator::None => {
            let compound = value.rsplit_once('-').is_some_and(|(_, head)| {
                head.chars().count() >= 3 && head.chars().all(char::is_lowercase)
            });
            has_letter && (has_digit || (inner_upper && has_symbol && !compound))
        }
    }
}

/// Does a word end like a past participle or an adjective of state
/// ("changed", "vaihdettu", "muuttunut", "ändrat", "sensitive")?
fn is_participle(lex: &Lexicon, word: &str) -> bool {
    lex.participle_endings
        .iter()
        .any(|e| word.ends_with(e.as_str()))
}

const QUOTES: [char; 9] = ['"', '\'', '“', '”', '‘', '’', '`', '«', '»'];

/// Bytes after a cue where its value may stand.
const VALUE_WINDOW: usize = 4096;

/// Password values announced by one language's cues.
fn scan_cues(lex: &Lexicon, text: &str, found: &mut Vec<(Range<usize>, Range<usize>)>) {
    let Some(cues) = &lex.password_mentions else {
        return;
    };
    let is_code = |cue: &str| {
        lex.password_codes
            .as_ref()
            .is_some_and(|codes| codes.is_match(cue))
    };
    let is_ref = |cue: &str| {
        lex.password_refs
            .as_ref()
            .is_some_and(|refs| refs.is_match(cue))
    };
    // Each mention: where, whether it names a code (digits only may do),
    // and whether only digits may do.
    let mut mentions: Vec<(Range<usize>, bool, bool)> = Vec::new();
    // "the code", "koodi" or "koden" name a code named before them: "…an
    // activation code is required. Please find below the code issued to
    // you: 305 118". In a sentence about signing in, they name a code of
    // digits: "log in with your booking ref and the code 4490".
    let mut first_code: Option<usize> = None;
    // The sentences about signing in, found only when needed.
    let mut sign_in: Option<Vec<Range<usize>>> = None;
    for m in cues.find_iter(text) {
        let r = m.range();
        if !is_ref(m.as_str()) {
            let code = is_code(m.as_str());
            if code && first_code.is_none() {
                first_code = Some(r.end);
            }
            mentions.push((r, code, false));
        } else if first_code.is_some_and(|end| r.start >= end) {
            mentions.push((r, true, false));
        } else {
            let sign_in = sign_in.get_or_insert_with(|| match &lex.password_sign_in {
                Some(words) => sentences(text)
                    .into_iter()
                    .filter(|s| words.is_match(&text[s.clone()]))
                    .collect(),
                None => Vec::new(),
            });
            if sign_in.iter().any(|s| s.start <= r.start && r.end <= s.end) {
                mentions.push((r, true, true));
            }
        }
    }
    // The values found so far, by start: one value is never taken twice.
    let mut values: std::collections::BTreeMap<usize, usize> =
        found.iter().map(|(_, v)| (v.start, v.end)).collect();
    for (cue, code, digits_only) in mentions {
        let mut separator = Separator::None;
        // A value stands within a few lines of its cue: looking no further
        // keeps a text of one huge line from being read once per cue.
        let window = clip(text, cue.end + VALUE_WINDOW).len();
        let rest = &text[cue.end..window];
        // Tokens up to the end of the line, at most eight; a line that
        // ends with the cue or a colon goes on to the next line with text
        // ("väliaikainen salasanasi:\n\n  Oppi-4829").
        let line_end = value_lines_end(rest);
        let mut offset = 0;
        let mut words_seen = 0;
        // The words before this one, for copulas of several ("reset to").
        let mut previous: [String; 2] = Default::default();
        for token in rest[..line_end].split_inclusive(char::is_whitespace) {
            let start = cue.end + offset;
            offset += token.len();
            let word = token.trim();
            if word.is_empty() {
                continue;
            }
            words_seen += 1;
            // Past eight words only a colon or a copula in the same
            // sentence brings the value ("Pinkoden … men eftersom du bad om
            // den i appen kommer den här: 4809", "Your PIN for the kiosk and
            // the website is 7316"), and it must have a digit.
            let far = words_seen > 8;
            let bare = word.trim_end_matches([':', '=']);
            let lower = bare.to_lowercase();
            let copula = lex.copulas.contains(&lower)
                || lex.copulas.contains(&format!("{} {lower}", previous[1]))
                || lex
                    .copulas
                    .contains(&format!("{} {} {lower}", previous[0], previous[1]));
            previous = [std::mem::take(&mut previous[1]), lower.clone()];
            if lex
                .password_fields
                .contains(lower.trim_end_matches([',', '.']))
            {
                break;
            }
            // "salasana:", "is:", "PIN code:": the value comes next.
            if word.ends_with([':', '=']) {
                // Two words or more of a clause before the colon.
                separator = if words_seen >= 3 && !copula {
                    Separator::ClauseColon
                } else {
                    Separator::Symbol
                };
                continue;
            }
            if far && separator == Separator::None {
                if copula {
                    separator = Separator::Word;
                } else if word.ends_with(['.', '!', '?']) {
                    break;
                }
                continue;
            }
            if copula {
                separator = separator.max(Separator::Word);
                continue;
            }
            // "was reset to X": "reset" may open a copula; the next word tells.
            let opens_copula = || {
                lex.copulas.iter().any(|c| {
                    c.strip_prefix(lower.as_str())
                        .is_some_and(|r| r.starts_with(' '))
                })
            };
            if !word.ends_with(['.', '!', '?', ',']) && opens_copula() {
                continue;
            }
            let lead = token.len() - token.trim_start().len();
            let quoted = word.starts_with(QUOTES);
            let value = word
                .trim_start_matches(QUOTES)
                .trim_start_matches('(')
                // `"********".`, `"Kesä2024",`: quotes and stops in any order.
                .trim_end_matches(|c: char| {
                    QUOTES.contains(&c) || matches!(c, '.' | ',' | ';' | ')' | ':')
                });
            let value_start = start + lead + word.find(value).unwrap_or(0);
            // "kertakäyttöinen koodi 615 204": a code in groups of digits.
            let mut value = value;
            if code && value.chars().all(|c| c.is_ascii_digit()) {
                let after = &text[value_start + value.len()..cue.end + line_end];
                let group = after
                    .strip_prefix(' ')
                    .map(|a| {
                        a.split(|c: char| !c.is_ascii_digit())
                            .next()
                            .unwrap_or_default()
                    })
                    .unwrap_or_default();
                if !group.is_empty() && value.len() + group.len() <= 8 {
                    value = &text[value_start..value_start + value.len() + 1 + group.len()];
                }
            }
            // "required in password: Lowercase, Uppercase, Digits": a list
            // of words, not a value.
            let listed = word.ends_with(',')
                && value.chars().all(char::is_alphabetic)
                && rest[offset..line_end]
                    .split_whitespace()
                    .next()
                    .is_some_and(|next| {
                        next.ends_with(',')
                            && next.trim_end_matches(',').chars().all(char::is_alphabetic)
                    });
            // The value ends its sentence or line: "is sunflower." but not
            // "is sunflower and…".
            let at_end =
                word.ends_with(['.', ',', '!', ';']) || rest[offset..line_end].trim().is_empty();
            let near = !far || value.contains(|c: char| c.is_ascii_digit());
            let near =
                near && (!digits_only || value.chars().all(|c| c.is_ascii_digit() || c == ' '));
            if !listed && near && looks_like_password(value, quoted, separator, code, at_end, lex) {
                let v = value_start..value_start + value.len();
                // The nearest value starting before this one's end is the
                // only one that can overlap it (values never overlap).
                let overlaps = values
                    .range(..v.end)
                    .next_back()
                    .is_some_and(|(_, &end)| end > v.start);
                if !overlaps {
                    values.insert(v.start, v.end);
                    found.push((cue.start..v.end, v));
                }
                break;
            }
            // After a copula or a colon the first word decides; otherwise
            // look on, but not past the end of a sentence.
            if separator != Separator::None || word.ends_with(['.', '!', '?']) {
                break;
            }
        }
    }
}

/// Where the text after a cue stops being its value's place: the end of
/// the line, or of the next line with text when the line ends with the cue
/// or with a colon (one blank line between is allowed).
fn value_lines_end(rest: &str) -> usize {
    let line_end = rest.find('\n').unwrap_or(rest.len());
    let line = rest[..line_end].trim_end();
    if !(line.is_empty() || line.ends_with(':')) || line_end == rest.len() {
        return line_end;
    }
    let mut end = line_end;
    for _ in 0..2 {
        let start = end + 1;
        if start > rest.len() {
            break;
        }
        let next = rest[start..].find('\n').map_or(rest.len(), |i| start + i);
        end = next;
        if !rest[start..next].trim().is_empty() {
            break;
        }
    }
    end
}

/// Finds password values in `text`: (the whole mention, the value).
pub fn find_passwords(ctx: &Context, text: &str) -> Vec<(Range<usize>, Range<usize>)> {
    let mut found: Vec<(Range<usize>, Range<usize>)> = Vec::new();
    // Every language's cues: a password must be caught even when the
    // reply's language was misjudged or mixes languages.
    scan_cues(ctx.lex, text, &mut found);
    for lang in crate::lang::Lang::ALL {
        if lang != ctx.lex.lang {
            scan_cues(crate::lang::lexicon::builtin(lang), text, &mut found);
        }
    }
    // A password field of a template: `{passwd}`, `{{ password }}`.
    for field in placeholders(text).filter(|r| is_password_field(&text[r.clone()])) {
        found.push((field.clone(), field));
    }
    found.sort_by_key(|(whole, _)| whole.start);
    found
}

impl Rule for PlaintextPassword {
    fn id(&self) -> &'static str {
        "plaintext-password"
    }
    fn square(&self) -> Option<Square> {
        Some(Square::Password)
    }
    fn points(&self) -> u8 {
        1
    }
    fn severity(&self) -> Severity {
        Severity::Security
    }
    fn doc(&self) -> &'static RuleDoc {
        &DOC
    }
    fn check(&self, ctx: &Context, out: &mut Vec<Finding>) {
        let own = &ctx.reply.own;
        for (whole, value) in ctx.passwords().iter().cloned() {
            let placeholder = whole == value;
            let message = if placeholder {
                "a password placeholder: the template sends passwords by email / salasanakenttä mallipohjassa".to_string()
            } else {
                "a password in clear text / salasana selväkielisenä".to_string()
            };
            let mut finding = ctx.finding(self, whole, message);
            if !placeholder {
                finding.secret = Some(own[value].to_string());
            }
            out.push(finding);
        }
    }
}

/// Password values in the signature block. The card counts only the
/// agent's own text, but a password the splitter took for part of the
/// signature (a short line after the closing) was still sent: it is masked
/// like any other, so that no output shows it.
pub fn signature_secrets(ctx: &Context) -> Vec<String> {
    let signature = &ctx.reply.signature;
    find_passwords(ctx, signature)
        .into_iter()
        .filter(|(whole, value)| whole != value)
        .map(|(_, value)| signature[value].to_string())
        .collect()
}

/// Replaces every byte of every occurrence of the secrets in `text` by `*`
/// (byte for byte, so offsets into the text stay valid). Occurrences that
/// overlap are all masked.
fn mask_in(text: &mut String, secrets: &AhoCorasick) {
    let found: Vec<Range<usize>> = secrets
        .find_overlapping_iter(text.as_str())
        .map(|m| m.range())
        .collect();
    if found.is_empty() {
        return;
    }
    let mut bytes = std::mem::take(text).into_bytes();
    for range in found {
        bytes[range].fill(b'*');
    }
    // A secret is whole UTF-8, so its occurrences start and end on
    // character boundaries: the text stays UTF-8.
    *text = String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
}

/// Masks the password values the findings point at, in the findings'
/// excerpts and in every text of the message, so that no output can
/// contain them. Each text is searched once for all of them: a reply with
/// thousands of findings must not be searched thousands of times.
pub fn mask_secrets(message: &mut Message, findings: &mut [Finding], more: &[String]) {
    let mut secrets: Vec<String> = findings
        .iter()
        .filter_map(|f| f.secret.clone())
        .chain(more.iter().cloned())
        .filter(|s| !s.is_empty())
        .collect();
    if secrets.is_empty() {
        return;
    }
    secrets.sort_unstable();
    secrets.dedup();
    let Ok(secrets) = AhoCorasick::new(&secrets) else {
        // Too many to compile: mask each text with each secret.
        for secret in &secrets {
            if let Ok(one) = AhoCorasick::new([secret]) {
                mask_message(message, findings, &one);
            }
        }
        return;
    };
    mask_message(message, findings, &secrets);
}

fn mask_message(message: &mut Message, findings: &mut [Finding], secrets: &AhoCorasick) {
    let reply = &mut message.reply;
    mask_in(&mut reply.own, secrets);
    mask_in(&mut reply.signature, secrets);
    mask_in(&mut reply.quoted, secrets);
    mask_in(&mut reply.customer_text, secrets);
    mask_in(&mut message.mail.text, secrets);
    if let Some(subject) = &mut message.mail.subject {
        mask_in(subject, secrets);
    }
    if let Some(customer) = &mut message.customer {
        mask_in(&mut customer.text, secrets);
    }
    for finding in findings.iter_mut() {
        mask_in(&mut finding.excerpt, secrets);
        mask_in(&mut finding.message, secrets);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::tests_support::{Case, hits};

    /// Hundreds of values on one line, some of them overlapping: every
    /// occurrence of each is masked, in every text and excerpt.
    #[test]
    fn many_values_on_one_line_are_all_masked() {
        use std::fmt::Write as _;
        let mut text = String::from("Hei Anna,\n\n");
        for n in 0..300 {
            let _ = write!(text, "salasanasi on Kesä{n:03}x. ");
        }
        text.push_str("Salasana: Kesä007x9 ja salasana: 7x9Talvi.\n");
        let mut message = Case::fi(&text).message();
        let (findings, _) =
            crate::rules::lint(&mut message, &crate::rules::LintSettings::default());
        let hits = findings
            .iter()
            .filter(|f| f.rule == "plaintext-password")
            .count();
        assert!(hits >= 300, "{hits}");
        for shown in [&message.reply.own, &message.mail.text] {
            assert!(!shown.contains("Kesä"), "{shown}");
            assert!(!shown.contains("Talvi"), "{shown}");
        }
        assert!(findings.iter().all(|f| !f.excerpt.contains("Kesä")));
    }

    #[test]
    fn a_password_below_the_closing_is_masked_not_counted() {
        let case =
            Case::fi("Hei Anna,\n\ntunnuksesi on luotu.\n\nTerveisin\nMikko\nSalasana: Kesä2024\n");
        let mut message = case.message();
        assert!(
            message.reply.signature.contains("Kesä2024"),
            "{:?}",
            message.reply
        );
        let (findings, _) =
            crate::rules::lint(&mut message, &crate::rules::LintSettings::default());
        // The signature is not the agent's own text: no finding...
        assert!(
            !findings.iter().any(|f| f.rule == "plaintext-password"),
            "{findings:?}"
        );
        // ...but the value is masked in every text.
        assert!(!message.reply.signature.contains("Kesä2024"));
        assert!(!message.mail.text.contains("Kesä2024"));
        assert!(message.reply.signature.contains("Salasana: *"));
    }

    #[test]
    fn finnish() {
        for text in [
            "Hei Anna,\n\nsalasanasi on Kesä2024",
            "Hei Anna,\n\nuusi salasanasi on Kesä2024! Vaihda se.",
            "Hei Anna,\n\nsalasana: hunter22",
            "Hei Anna,\n\nväliaikainen salasana on \"omena\".",
            "Hei Anna,\n\nSalasananne on nyt Talvi-2025.",
            "Hei Anna,\n\ntunnus: anna.v, salasana: Xk9!pq",
            "Hei Anna,\n\nsalasanasi on Aurinkoinen7.",
            "Hei Anna,\n\nsalasana = abc123",
            // Spoken "salis", and a one-time code in groups of digits.
            "Moi Anna,\n\nuus salis on Sivu7781, vaihda se heti.",
            "Hyvä asiakas,\n\nkirjautuminen onnistuu kertakäyttöisellä tunnuskoodilla 408 771.",
            // A colon after a clause still brings a value that is no word.
            "Hei Anna,\n\nsalasanan saat tästä: Kesä-2024",
            "Hei Anna,\n\nsalasanasi uuteen palveluun on tässä: omenapuu",
        ] {
            assert!(hits(&Case::fi(text), "plaintext-password"), "{text}");
        }
        for text in [
            "Hei Anna,\n\nsalasanasi on vaihdettu.",
            "Hei Anna,\n\nvaihda salasana linkistä.",
            "Hei Anna,\n\nemme koskaan kysy salasanaasi.",
            "Hei Anna,\n\nSalasana: ********",
            "Hei Anna,\n\njärjestelmässä lukee vain \"Salasana: ********\".",
            "Hei Anna,\n\nsalasanan on oltava vähintään 8 merkkiä.",
            "Hei Anna,\n\nsalasanasi on henkilökohtainen.",
            "Hei Anna,\n\nunohtunut salasana vaihdetaan osoitteessa https://kauppa.example/salasana",
            "Hei Anna,\n\nsalasana on turvassa.",
            // Prose goes on after a colon that closes a clause.
            "Hei Anna,\n\nuuden salasanan saat tehtyä itse: jäsensivujen kirjautumisruudussa on linkki.",
        ] {
            assert!(!hits(&Case::fi(text), "plaintext-password"), "{text}");
        }
    }

    #[test]
    fn values_without_a_copula_and_after_other_words() {
        for text in [
            "Hei,\n\nvoit kirjautua salasanalla Aamu-9917, jonka asetimme.",
            "Hei,\n\nkäyttäjätunnus 55120\nsalasana kevät55",
            "Hei,\n\nsalasanasi Oma Linja -palveluun on: Rk7-vaahtera-42",
        ] {
            assert!(hits(&Case::fi(text), "plaintext-password"), "{text}");
        }
        assert!(hits(
            &Case::en("Hi,\n\nthe temporary password for your online account is Lantern-7729, and"),
            "plaintext-password"
        ));
        assert!(hits(
            &Case::en("Hi,\n\nyour new temporary password is: Maple-4471"),
            "plaintext-password"
        ));
        assert!(hits(
            &Case::en("Hi,\n\nthe password for your account has been reset to: Orchid!551"),
            "plaintext-password"
        ));
        assert!(hits(
            &Case::sv("Hej,\n\nditt nya lösenord är: Sommar77-bla"),
            "plaintext-password"
        ));
        for text in [
            "Hei,\n\nsalasanasi vanhenee 30 päivän kuluttua.",
            "Hei,\n\nsalasanan tulee sisältää numeroita (0-9).",
            "Hei,\n\nsalasana vaihtuu 24.11.2026 automaattisesti.",
            "Hei,\n\nkäyttäjätunnus: anna.v@example.fi ja salasana on henkilökohtainen.",
            "Hei ###USERNAME###,\n\nsalasanasi vaihdettiin sivustolla ###SITENAME###.",
        ] {
            assert!(!hits(&Case::fi(text), "plaintext-password"), "{text}");
        }
        assert!(!hits(
            &Case::en(
                "Hi,\n\ncharacter classes required in password: Lowercase, Uppercase, Digits."
            ),
            "plaintext-password"
        ));
        assert!(hits(
            &Case::en("Hi,\n\npassword: Lantern77, username: anna"),
            "plaintext-password"
        ));
    }

    #[test]
    fn codes_and_values_on_the_next_line() {
        // (case, a password?)
        let cases = [
            // Codes that sign one in may be digits only, in groups too.
            (Case::fi("Hei,\n\nuusi tunnusluku on 4471."), true),
            (
                Case::fi("Hei,\n\nkirjaudut kortin numerolla ja PIN-koodilla 8816."),
                true,
            ),
            (
                Case::fi("Hei,\n\nkirjaudu väliaikaisella tunnusluvulla 5829."),
                true,
            ),
            (
                Case::fi("Hei,\n\nkirjaudu kertakoodilla 482913 ennen klo 18."),
                true,
            ),
            (
                Case::fi("Hei,\n\nväliaikainen koodi on 5521, vaihda se heti."),
                true,
            ),
            (
                Case::fi("Hei,\n\nkäyttäkää kertakäyttöistä koodia 615 204."),
                true,
            ),
            (
                Case::en("Hi,\n\nsign in with your card number and the PIN 4471."),
                true,
            ),
            (Case::en("Hi,\n\nyour verification code is 604219."), true),
            (Case::sv("Hej,\n\nlogga in med engångskoden 771204."), true),
            (Case::sv("Hej,\n\nlogga in med engångskoden 448 210."), true),
            (Case::sv("Hej,\n\nden tillfälliga koden är 3390."), true),
            // A value on the line after the cue or a colon.
            (
                Case::fi("Hei,\n\nloin sinulle uuden salasanan:\n\nOppi-4829-kevät\n"),
                true,
            ),
            (
                Case::fi("Hei,\n\npääset sisään tällä salasanalla:\nNappula77 (vaihda se)."),
                true,
            ),
            (
                Case::fi(
                    "Hei,\n\ntein sinulle uuden tunnuksen anna@example.fi, väliaikainen salasana\nTassu-8841. Vaihda salasana heti ensimmäisellä kirjautumisella.",
                ),
                true,
            ),
            (
                Case::en("Hi,\n\nlogin: leo.marsh\npw: Riverlight#88\n\nBest,\nAnn"),
                true,
            ),
            // A lone word that ends the sentence, but no participle.
            (
                Case::en("Hi,\n\nyour temporary password is sunflower. Change it soon."),
                true,
            ),
            (
                Case::fi("Hei,\n\nuusi salasanasi on mustikka, vaihda se heti."),
                true,
            ),
            (
                Case::en("Hi,\n\nyour password is reset. Log in again."),
                false,
            ),
            (Case::en("Hi,\n\nthe password is case-sensitive."), false),
            (Case::fi("Hei,\n\nsalasanasi on vaihdettu."), false),
            // Past participles in -tu/-ty: "tehty", "saatu", "luotu".
            (
                Case::fi("Hei,\n\nkun uusi salasana on tehty, pääset palveluun."),
                false,
            ),
            (Case::fi("Hei,\n\nsalasana on luotu."), false),
            // A time is no value.
            (Case::en("Hi,\n\nyour password was reset yesterday."), false),
            (Case::sv("Hej,\n\nlösenordet ändrades igår."), false),
            (Case::sv("Hej,\n\nlösenordet är ändrat."), false),
            (
                Case::en("Hi,\n\nyour password has been reset: please use the link below."),
                false,
            ),
            // Lengths, letters and other codes are no passwords.
            (Case::fi("Hei,\n\ntunnusluku on 4-numeroinen."), false),
            (
                Case::fi("Hei,\n\nPIN-koodi lähetetään 2–3 päivässä kirjeellä."),
                false,
            ),
            (
                Case::fi("Hei,\n\nPIN-koodi tulee kirjeessä 2–3 päivässä."),
                false,
            ),
            (Case::fi("Hei,\n\nsalasanan pitää olla 8-merkkinen."), false),
            (
                Case::fi("Hei,\n\nseurantakoodi 4471 toimii Postin sivulla."),
                false,
            ),
            (
                Case::fi("Hei,\n\nseurantakoodi 44712290 toimii Postin sivulla."),
                false,
            ),
            (
                Case::fi("Hei,\n\nalennuskoodilla 2024 saat 10 % alennusta."),
                false,
            ),
            (
                Case::fi("Hei,\n\npinta on naarmuuntunut 2024 ostetussa laitteessa."),
                false,
            ),
            (
                Case::fi("Hei,\n\ntunnuslukusi on voimassa 2027 asti."),
                false,
            ),
            (
                Case::fi("Hei,\n\nvaihda salasana\nkirjautumalla sivulle."),
                false,
            ),
        ];
        for (case, password) in cases {
            assert_eq!(hits(&case, "plaintext-password"), password, "{case:?}");
        }
    }

    #[test]
    fn copulas_of_several_words_count_only_whole() {
        // (case, a password?)
        let cases = [
            (
                Case::en("Hi,\n\nyour password was reset to sunflower."),
                true,
            ),
            (Case::en("Hi,\n\nyour password will be Orchid551."), true),
            (Case::en("Hi,\n\nyour password is now Orchid551."), true),
            // "to", "be" and "now" alone are no copulas.
            (
                Case::en("Hi,\n\nplease don't send your password to anyone, us included."),
                false,
            ),
            (
                Case::en("Hi,\n\nnever give your password to strangers."),
                false,
            ),
            // A compound of a name and a noun is a word, not a value.
            (
                Case::sv(
                    "Hej,\n\nvi frågar aldrig efter ditt lösenord eller din BankID-kod på mejl.",
                ),
                false,
            ),
            (
                Case::sv("Hej,\n\nditt lösenord Ruusu-2026 gäller i dag."),
                true,
            ),
            (Case::en("Hi,\n\nyour password must be private."), false),
            (Case::sv("Hej,\n\nlösenordet skickar vi nu separat."), false),
        ];
        for (case, password) in cases {
            assert_eq!(hits(&case, "plaintext-password"), password, "{case:?}");
        }
    }

    #[test]
    fn a_code_named_again_or_given_after_a_colon_further_on() {
        // (case, a password?)
        let cases = [
            // "the code", "koodi", "koden" name a code named before them.
            (
                Case::en(
                    "Hi,\n\nan activation code is needed on a new phone.\n\nPlease find below the code issued to you: 305 118\n",
                ),
                true,
            ),
            (
                Case::fi(
                    "Hei,\n\nuuteen puhelimeen tarvitaan aktivointikoodi. Koodi on 8841 ja se on voimassa tunnin.",
                ),
                true,
            ),
            (
                Case::sv(
                    "Hej,\n\nappen ber om en engångskod första gången. Koden får du här: 771 204.",
                ),
                true,
            ),
            // Without a code named before, "the code" is any code.
            (
                Case::en(
                    "Hi,\n\nthe code is 4471 on the parcel label, show it at the pickup point.",
                ),
                false,
            ),
            (
                Case::en("Hi,\n\nthe code issued to you: 305 118 was printed on the receipt."),
                false,
            ),
            (
                Case::fi("Hei,\n\nkoodi on 4471, näytä se noutopisteessä."),
                false,
            ),
            // A colon in the cue's sentence, however far: the value after it.
            (
                Case::sv(
                    "Hej,\n\nPinkoden skickas aldrig i samma kuvert som kortet, men eftersom du bad om den i appen kommer den här: 4809. Kortet är aktiverat.",
                ),
                true,
            ),
            (
                Case::fi(
                    "Hei,\n\ntunnuslukua ei lähetetä koskaan samassa kirjeessä kortin kanssa, mutta koska pyysit sitä sovelluksessa, se tulee tässä: 4809.",
                ),
                true,
            ),
            // In a sentence about signing in, "the code" and digits.
            (
                Case::en("Hi,\n\nget our app: log in with your booking ref and the code 4490."),
                true,
            ),
            (
                Case::fi("Hei,\n\nkirjaudu sovellukseen varausnumerolla ja koodilla 4490."),
                true,
            ),
            (
                Case::en("Hi,\n\nlog in and enter the code SUMMER20 at checkout."),
                false,
            ),
            (
                Case::en("Hi,\n\nthe code 4490 is on the parcel. Log in to track it."),
                false,
            ),
            // A copula far from the cue, and a value with a digit.
            (
                Case::en("Hi,\n\nyour PIN for the self-service kiosk and the website is 7316."),
                true,
            ),
            (
                Case::en(
                    "Hi,\n\nyour PIN for the self-service kiosk and the website is the one you chose.",
                ),
                false,
            ),
            // Far from the cue, a colon brings only a value with a digit,
            // and only in the same sentence.
            (
                Case::sv(
                    "Hej,\n\nPinkoden skickas aldrig i samma kuvert som kortet, och i brevet står det bara en rad: Välkommen.",
                ),
                false,
            ),
            (
                Case::sv(
                    "Hej,\n\nPinkoden skickas aldrig med kortet. Vi har nu registrerat ditt nya telefonnummer i systemet som: 0401234.",
                ),
                false,
            ),
        ];
        for (case, password) in cases {
            assert_eq!(hits(&case, "plaintext-password"), password, "{case:?}");
        }
    }

    #[test]
    fn caught_whatever_the_language_of_the_reply() {
        // A Finnish password sentence in a reply taken for English.
        assert!(hits(
            &Case::en("Hei Tiina,\n\nuusi salasanasi on Kesa2026!kassi"),
            "plaintext-password"
        ));
        assert!(hits(
            &Case::fi("Hi,\n\nyour new password is Winter-2026"),
            "plaintext-password"
        ));
    }

    #[test]
    fn templates_with_password_placeholders() {
        for text in [
            "Hei {firstname},\n\nsalasanasi on {passwd}.",
            "Hei {{ name }},\n\nsalasana: {{ password }}",
            "Hi %s,\n\nyour password: %password%",
            "Hej ${name},\n\nlösenord: ${customer.password}",
            "Hei %{name},\n\nsalasana: %{user.password}",
            "Hello <%= @user.name %>,\n\n* Password: <%= @password %>",
        ] {
            assert!(
                hits(&Case::fi(text).template(), "plaintext-password"),
                "{text}"
            );
        }
    }

    #[test]
    fn english_and_swedish() {
        for text in [
            "Hi Anna,\npassword: hunter22",
            "Hi Anna,\nyour temporary password is Tr0ub4dor",
            "Hi Anna,\nyour password is now 'kiwi-42'.",
            "Hi Anna,\nPIN code: 4821",
        ] {
            assert!(hits(&Case::en(text), "plaintext-password"), "{text}");
        }
        for text in [
            "Hi Anna,\nyour password has been changed.",
            "Hi Anna,\nyour password is case-sensitive.",
            "Hi Anna,\nwe never ask for your password.",
            "Hi Anna,\npassword: ********",
        ] {
            assert!(!hits(&Case::en(text), "plaintext-password"), "{text}");
        }
        for text in [
            "Hej Anna,\nditt lösenord är Sommar2024",
            "Hej Anna,\nlösenord: kanel77",
            "Hej Anna,\nditt tillfälliga lösenord är \"blåbär\"",
            "Hej Anna,\nlösenordet är nu Vinter-9",
        ] {
            assert!(hits(&Case::sv(text), "plaintext-password"), "{text}");
        }
        for text in [
            "Hej Anna,\nditt lösenord är ändrat.",
            "Hej Anna,\nbyt lösenord via länken.",
            "Hej Anna,\nvi frågar aldrig efter ditt lösenord.",
            "Hej Anna,\nlösenord: ********",
        ] {
            assert!(!hits(&Case::sv(text), "plaintext-password"), "{text}");
        }
    }

    #[test]
    fn the_value_never_reaches_any_output_text() {
        let case =
            Case::fi("Hei Anna,\n\nsalasanasi on Kesä2024 ja tunnus anna.\n\nTerveisin\nMatti");
        let mut message = case.message();
        let (found, _) = crate::rules::lint(&mut message, &crate::rules::LintSettings::default());
        let hit = found
            .iter()
            .find(|f| f.rule == "plaintext-password")
            .unwrap();
        assert_eq!(hit.severity, crate::rules::Severity::Security);
        assert!(!hit.excerpt.contains("Kesä2024"), "{}", hit.excerpt);
        assert!(
            hit.excerpt.starts_with("salasanasi on *"),
            "{}",
            hit.excerpt
        );
        assert!(!message.reply.own.contains("Kesä2024"));
        assert!(!serde_json::to_string(&found).unwrap().contains("Kesä2024"));
    }
}
