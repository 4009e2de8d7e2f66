//! `--redact`: masks personal data in everything a report shows, so that
//! real replies can be shown in a workshop.
//!
//! People (names from the headers, the quote's attribution and sign-offs)
//! become "Asiakas 1" / "Customer 1" or "Asiakaspalvelija 1" / "Agent 1";
//! email addresses, phone numbers, street addresses and postal codes,
//! IBANs and order, customer and tracking numbers become "[phone 1]",
//! "[number 2]"… The same value gets the same label everywhere in the run:
//! the labels live in one [`Redactor`], whose maps grow with the number of
//! distinct people and values, never with the text.
//!
//! Names are found in the text by their stems, so inflected forms are
//! masked too ("Annalle", "Virtaselle", "Pekan"). A name that never appears
//! in a header, an attribution or a sign-off of the same or an earlier
//! message is not known and stays visible.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use crate::mail::Person;
use crate::rules::UiLang;
use crate::threads::ListedText;
use crate::{LintedMessage, Summary};

/// What kind of value a label stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Kind {
    Customer,
    Agent,
    Email,
    Phone,
    Address,
    Iban,
    Number,
}

impl Kind {
    fn label(self, ui: UiLang, n: usize) -> String {
        match (self, ui) {
            (Kind::Customer, UiLang::Fi) => format!("Asiakas {n}"),
            (Kind::Customer, UiLang::En) => format!("Customer {n}"),
            (Kind::Agent, UiLang::Fi) => format!("Asiakaspalvelija {n}"),
            (Kind::Agent, UiLang::En) => format!("Agent {n}"),
            (Kind::Email, UiLang::Fi) => format!("[sähköposti {n}]"),
            (Kind::Email, UiLang::En) => format!("[email {n}]"),
            (Kind::Phone, UiLang::Fi) => format!("[puhelin {n}]"),
            (Kind::Phone, UiLang::En) => format!("[phone {n}]"),
            (Kind::Address, UiLang::Fi) => format!("[osoite {n}]"),
            (Kind::Address, UiLang::En) => format!("[address {n}]"),
            (Kind::Iban, _) => format!("[IBAN {n}]"),
            (Kind::Number, UiLang::Fi) => format!("[numero {n}]"),
            (Kind::Number, UiLang::En) => format!("[number {n}]"),
        }
    }
}

/// Which role a person has in a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Customer,
    Agent,
}

/// Masks personal data consistently across a run.
#[derive(Debug)]
pub struct Redactor {
    ui: UiLang,
    /// Person keys ("a:" + address, "n:" + name, lower-case) -> label.
    people: HashMap<String, String>,
    /// Name stems (lower-case) -> label, for finding names in text.
    stems: HashMap<String, String>,
    /// (kind, normalised value) -> label.
    values: HashMap<(Kind, String), String>,
    counts: HashMap<Kind, usize>,
    /// A person's display line ("Name <address>") -> the redacted one.
    displays: HashMap<String, String>,
}

impl Redactor {
    pub fn new(ui: UiLang) -> Self {
        Self {
            ui,
            people: HashMap::new(),
            stems: HashMap::new(),
            values: HashMap::new(),
            counts: HashMap::new(),
            displays: HashMap::new(),
        }
    }

    fn next_label(&mut self, kind: Kind) -> String {
        let count = self.counts.entry(kind).or_insert(0);
        *count += 1;
        kind.label(self.ui, *count)
    }

    fn value_label(&mut self, kind: Kind, value: &str) -> String {
        let key: String = value
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .flat_map(char::to_lowercase)
            .collect();
        if let Some(label) = self.values.get(&(kind, key.clone())) {
            return label.clone();
        }
        let label = self.next_label(kind);
        self.values.insert((kind, key), label.clone());
        label
    }

    /// The label of a person, registering the name's stems for the text.
    fn person_label(&mut self, name: Option<&str>, address: Option<&str>, role: Role) -> String {
        let name = name.map(str::trim).filter(|n| !n.is_empty());
        let address = address.map(str::trim).filter(|a| !a.is_empty());
        let keys: Vec<String> = address
            .map(|a| format!("a:{}", a.to_lowercase()))
            .into_iter()
            .chain(name.map(|n| format!("n:{}", n.to_lowercase())))
            .collect();
        // Known by address or full name, else a sign-off or name whose
        // every word is a known person's ("Anna" for "Anna Virtanen").
        let known = keys
            .iter()
            .find_map(|k| self.people.get(k))
            .cloned()
            .or_else(|| {
                let labels: Vec<Option<String>> = name?
                    .split_whitespace()
                    .map(|w| self.name_label(w.trim_matches(|c: char| !c.is_alphabetic())))
                    .collect();
                let first = labels.first()?.clone()?;
                labels
                    .iter()
                    .all(|l| l.as_ref() == Some(&first))
                    .then_some(first)
            });
        let label = known.unwrap_or_else(|| {
            self.next_label(match role {
                Role::Customer => Kind::Customer,
                Role::Agent => Kind::Agent,
            })
        });
        for key in keys {
            self.people.entry(key).or_insert_with(|| label.clone());
        }
        if let Some(address) = address {
            self.values
                .entry((Kind::Email, address.to_lowercase()))
                .or_insert_with(|| label.clone());
        }
        if let Some(name) = name {
            self.add_stems(name, &label);
        }
        label
    }

    fn add_stems(&mut self, name: &str, label: &str) {
        let words: Vec<&str> = name
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .collect();
        // Parts of a name are masked on their own only when the whole looks
        // like a person's name ("Anna Virtanen"), not a team ("Kesäkassi tuki").
        let personal = (1..=4).contains(&words.len())
            && words.iter().all(|w| looks_like_name(w))
            && !words
                .iter()
                .any(|w| TEAM_WORDS.contains(&w.to_lowercase().as_str()));
        if !personal {
            return;
        }
        for word in words {
            if NOT_NAMES.contains(&word.to_lowercase().as_str()) {
                continue;
            }
            for stem in stems(word) {
                self.stems.entry(stem).or_insert_with(|| label.to_string());
            }
        }
    }

    /// Redacts a person in place: the name becomes the label, the address
    /// is dropped.
    fn person(&mut self, person: &mut Person, role: Role) {
        let display = person.display();
        let label = self.person_label(person.name.as_deref(), person.address.as_deref(), role);
        person.name = Some(label.clone());
        person.address = None;
        self.displays.entry(display).or_insert(label);
    }

    /// Registers a bare name (a sign-off, a customer name).
    fn name(&mut self, name: &mut String, role: Role) {
        if name.trim().is_empty() {
            return;
        }
        *name = self.person_label(Some(name), None, role);
    }

    /// Masks everything personal in one text; returns the edits made.
    pub fn text(&mut self, text: &str) -> (String, Edits) {
        let spans = self.find(text);
        let mut out = String::with_capacity(text.len());
        let mut edits = Edits::default();
        let mut at = 0;
        for (range, label) in spans {
            out.push_str(&text[at..range.start]);
            edits.0.push((range.clone(), label.len()));
            out.push_str(&label);
            at = range.end;
        }
        out.push_str(&text[at..]);
        (out, edits)
    }

    fn mask(&mut self, text: &mut String) {
        let (masked, _) = self.text(text);
        *text = masked;
    }

    /// The spans to replace, in order, without overlaps.
    fn find(&mut self, text: &str) -> Vec<(Range<usize>, String)> {
        let mut found: Vec<(Range<usize>, Kind)> = Vec::new();
        for (kind, regex) in patterns() {
            // Captures only where the pattern has a group: finding is cheaper.
            let ranges: Vec<Range<usize>> = if regex.captures_len() > 1 {
                regex
                    .captures_iter(text)
                    .filter_map(|caps| caps.get(1).map(|m| m.range()))
                    .collect()
            } else {
                regex.find_iter(text).map(|m| m.range()).collect()
            };
            for range in ranges {
                if *kind == Kind::Phone && !is_phone(&text[range.clone()]) {
                    continue;
                }
                found.push((range, *kind));
            }
        }
        found.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
        let mut spans: Vec<(Range<usize>, String)> = Vec::new();
        let mut end = 0;
        for (range, kind) in found {
            if range.start < end {
                continue;
            }
            end = range.end;
            let label = self.value_label(kind, &text[range.clone()]);
            spans.push((range, label));
        }
        // Names: capitalised words that start with a known stem.
        let mut names = Vec::new();
        for (start, word) in words(text) {
            if !word.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            if let Some(label) = self.name_label(word) {
                let range = start..start + word.len();
                if !spans
                    .iter()
                    .any(|(r, _)| r.start < range.end && range.start < r.end)
                {
                    names.push((range, label));
                }
            }
        }
        // "Anna Virtanen" is one person, not two.
        let mut merged: Vec<(Range<usize>, String)> = Vec::new();
        for (range, label) in names {
            if let Some((last, last_label)) = merged.last_mut() {
                if *last_label == label && text[last.end..range.start].trim().is_empty() {
                    last.end = range.end;
                    continue;
                }
            }
            merged.push((range, label));
        }
        spans.extend(merged);
        spans.sort_by_key(|(r, _)| r.start);
        spans
    }

    fn name_label(&self, word: &str) -> Option<String> {
        let lower = word.to_lowercase();
        let chars: Vec<(usize, char)> = lower.char_indices().collect();
        // The longest known stem that leaves at most a case ending.
        for keep in (3..=chars.len()).rev() {
            if chars.len() - keep > MAX_ENDING {
                break;
            }
            // A short stem only as a whole word: "Ari", not "Arrive".
            if keep < 4 && keep < chars.len() {
                continue;
            }
            let cut = chars.get(keep).map_or(lower.len(), |(i, _)| *i);
            if let Some(label) = self.stems.get(&lower[..cut]) {
                return Some(label.clone());
            }
        }
        None
    }

    /// Redacts one linted message in place (a copy the reporters get).
    pub fn message(&mut self, linted: &mut LintedMessage) {
        let message = &mut linted.message;
        let sender_role = if message.kind == crate::mail::MessageKind::Reply {
            Role::Agent
        } else {
            Role::Customer
        };
        // People first, so that their names are known in the texts.
        if let Some(from) = &mut message.mail.from {
            self.person(from, sender_role);
        }
        let other = if sender_role == Role::Agent {
            Role::Customer
        } else {
            Role::Agent
        };
        for to in &mut message.mail.to {
            self.person(to, other);
        }
        if let Some(customer) = &mut message.customer {
            if let Some(from) = &mut customer.from {
                self.person(from, other);
            }
            if let Some(signoff) = &mut customer.signoff {
                self.name(signoff, other);
            }
        }
        for name in &mut message.customer_names {
            self.name(name, other);
        }
        let reply = &mut message.reply;
        if let Some(from) = &mut reply.quoted_from {
            self.person(from, other);
        }
        if let Some(signoff) = &mut reply.quoted_signoff {
            self.name(signoff, other);
        }
        if let Some(signoff) = &mut reply.signoff {
            self.name(signoff, sender_role);
        }
        // Then the texts.
        let (own, edits) = self.text(&reply.own);
        reply.own = own;
        reply.greeting = edits.range(&reply.greeting);
        reply.body = edits.range(&reply.body);
        reply.closing = edits.range(&reply.closing);
        for finding in &mut linted.findings {
            finding.span = edits.range(&finding.span);
        }
        self.mask(&mut reply.signature);
        self.mask(&mut reply.quoted);
        self.mask(&mut reply.customer_text);
        self.mask(&mut message.mail.text);
        if let Some(subject) = &mut message.mail.subject {
            self.mask(subject);
        }
        if let Some(customer) = &mut message.customer {
            self.mask(&mut customer.text);
        }
        for finding in &mut linted.findings {
            self.mask(&mut finding.excerpt);
            self.mask(&mut finding.message);
        }
    }

    /// A person as the summary shows them ("Name <address>", an address or
    /// a name), replaced by their label.
    fn mask_person(&mut self, text: &mut String, role: Role) {
        if let Some(label) = self.displays.get(text.as_str()) {
            text.clone_from(label);
            return;
        }
        let (name, address) = match text.split_once('<') {
            Some((name, rest)) => (Some(name.trim()), Some(rest.trim_end_matches('>').trim())),
            None if text.contains('@') => (None, Some(text.trim())),
            None => (Some(text.trim()), None),
        };
        let label = self.person_label(name, address, role);
        *text = label;
    }

    /// Redacts the summary's names: the worst replies, the agents and the
    /// threads' lists.
    pub fn summary(&mut self, summary: &mut Summary) {
        for worst in &mut summary.worst {
            match self.displays.get(&worst.from) {
                Some(label) => worst.from.clone_from(label),
                None => self.mask(&mut worst.from),
            }
            self.mask(&mut worst.subject);
        }
        if let Some(threads) = summary.advisory.threads.as_mut() {
            threads.mask_listed(&mut |kind, text| match kind {
                ListedText::Agent => self.mask_person(text, Role::Agent),
                ListedText::Customer => self.mask_person(text, Role::Customer),
                ListedText::Subject => self.mask(text),
            });
        }
        let agents = std::mem::take(&mut summary.breakdowns.agents);
        for (key, mut group) in agents {
            if key == crate::breakdown::OTHER_AGENTS {
                // The agents past the cap: no one's name.
                let slot = summary.breakdowns.agents.entry(key).or_default();
                slot.mailbox.merge(&group.mailbox);
                continue;
            }
            let (name, address) = if key.contains('@') {
                (Some(group.name.as_str()), Some(key.as_str()))
            } else {
                (Some(key.as_str()), None)
            };
            let label = self.person_label(name, address, Role::Agent);
            group.name.clone_from(&label);
            let slot = summary.breakdowns.agents.entry(label).or_default();
            slot.name = group.name;
            slot.mailbox.merge(&group.mailbox);
        }
    }
}

/// Where a text was changed: replaced ranges of the original and the
/// length of what replaced each, in order.
#[derive(Debug, Default)]
pub struct Edits(Vec<(Range<usize>, usize)>);

impl Edits {
    /// Maps an offset of the original text to the redacted one. An offset
    /// inside a replaced range maps to the replacement's start, or its end
    /// when `end` is set.
    pub fn offset(&self, offset: usize, end: bool) -> usize {
        // Bytes added and removed by the edits before `offset`.
        let (mut added, mut removed) = (0, 0);
        for (range, len) in &self.0 {
            if offset <= range.start {
                break;
            }
            if offset < range.end {
                let start = range.start + added - removed;
                return if end { start + len } else { start };
            }
            added += len;
            removed += range.len();
        }
        offset + added - removed
    }

    pub fn range(&self, range: &Range<usize>) -> Range<usize> {
        let start = self.offset(range.start, false);
        start..self.offset(range.end, true).max(start)
    }
}

/// Words that make a display name a team's or a firm's, not a person's.
const TEAM_WORDS: &[&str] = &[
    "ab",
    "asiakaspalvelu",
    "care",
    "customer",
    "desk",
    "help",
    "helpdesk",
    "info",
    "inc",
    "kundservice",
    "kundtjänst",
    "ltd",
    "myynti",
    "oy",
    "palvelu",
    "sales",
    "service",
    "support",
    "team",
    "tiimi",
    "tuki",
];

/// Words of display names that are never masked on their own in the text.
const NOT_NAMES: &[&str] = &[
    "admin", "and", "daemon", "den", "der", "for", "list", "mailer", "news", "noreply", "och",
    "root", "somebody", "someone", "the", "user", "van", "von",
];

/// How many characters may follow a name stem (a case ending).
const MAX_ENDING: usize = 6;

/// A word of a name: capitalised, letters (and `-`, `'`) only.
fn looks_like_name(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && word.chars().count() >= 2
        && chars.all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '.')
}

/// The stems of a name word that inflected forms start with: the word
/// itself (Anna -> Anna-lle), a double consonant before the final vowel
/// halved (Pekka -> Peka-n, Matti -> Mati-lle), and "-nen" names' "-s-"
/// stem (Virtanen -> Virtas-en, Virtas-ta).
fn stems(word: &str) -> Vec<String> {
    let lower = word.trim_end_matches('.').to_lowercase();
    let mut out = vec![lower.clone()];
    if let Some(base) = lower.strip_suffix("nen") {
        out.push(format!("{base}s"));
    }
    let chars: Vec<char> = lower.chars().collect();
    if let [.., a, b, vowel] = chars[..] {
        if a == b && !VOWELS.contains(a) && VOWELS.contains(vowel) {
            let mut halved: String = chars[..chars.len() - 2].iter().collect();
            halved.push(vowel);
            out.push(halved);
        }
    }
    out.retain(|s| s.chars().count() >= 3);
    out
}

const VOWELS: &str = "aeiouyäö";

/// The words of a text with their byte offsets.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = None;
    let mut out = Vec::new();
    for (i, c) in text.char_indices() {
        if c.is_alphabetic() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push((s, &text[s..i]));
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out.into_iter()
}

/// A phone number candidate has 7 to 15 digits and is not a date.
fn is_phone(candidate: &str) -> bool {
    let digits = candidate.chars().filter(char::is_ascii_digit).count();
    (7..=15).contains(&digits)
        && (candidate.starts_with('+') || candidate.starts_with('0') || candidate.starts_with('('))
}

/// The detectors, most specific first. A capture group, when present, is
/// the part masked.
fn patterns() -> &'static [(Kind, Regex)] {
    static PATTERNS: OnceLock<Vec<(Kind, Regex)>> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        // ASCII word boundaries keep the fast DFA on non-ASCII text.
        let compile = |kind, pattern: &str| (kind, Regex::new(pattern).expect("valid pattern"));
        vec![
            compile(
                Kind::Email,
                r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}",
            ),
            compile(
                Kind::Iban,
                r"(?-u:\b)[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?-u:\b)",
            ),
            // Street addresses: Finnish and Swedish street words, English
            // "12 Harbour Road"; then postal codes with the town.
            compile(
                Kind::Address,
                r"[A-ZÅÄÖ][\p{L}\-]*(?:tie|katu|kuja|polku|tori|väylä|raitti|kaari|rinne|ranta|puistikko|gatan|vägen|gränd|stigen|torget|backen|allén|platsen)\s+\d+(?:\s?[A-Za-z](?-u:\b))?(?:\s?\d+(?-u:\b))?",
            ),
            compile(
                Kind::Address,
                r"(?-u:\b)\d+\s+(?:[A-Z][a-z]+\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Way|Close|Court|Place|Square|Terrace|Crescent)(?-u:\b)",
            ),
            compile(
                Kind::Address,
                r"(?-u:\b)(?:FI-|SE-)?(?:\d{5}|\d{3} \d{2})\s+[A-ZÅÄÖ][\p{L}\-]+",
            ),
            // Order, customer, invoice and reference numbers after a cue
            // word (any inflection), ticket numbers, tracking codes.
            compile(
                Kind::Number,
                r"(?i)(?-u:\b)(?:tilau\w*|asiakasnumero\w*|asiakasnro|lasku\w*|viite\w*|order\w*|customer\s+(?:number|no\.?|id)|invoice\w*|account\s+(?:number|no\.?)|reference\w*|kund\w*|beställning\w*|faktura\w*|referens\w*)[\s:.#]*(?:(?:nro|no|nr|number|numero|nummer)\.?[\s:#]*)?#?([A-Z0-9][A-Z0-9\-]*\d[A-Z0-9\-]*)",
            ),
            compile(Kind::Number, r"#(\d{3,})(?-u:\b)"),
            compile(Kind::Number, r"(?-u:\b)[A-Z]{2,}\d{6,}[A-Z0-9]*(?-u:\b)"),
            compile(
                Kind::Phone,
                r"(?:\+\d{1,3}[\s\-]?)?(?:\(\d{1,4}\)[\s\-]?)?\d[\d\s\-]{5,16}\d",
            ),
            compile(Kind::Number, r"(?-u:\b)\d{6,}(?-u:\b)"),
        ]
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn redact(texts: &[&str]) -> Vec<String> {
        let mut redactor = Redactor::new(UiLang::En);
        redactor.person_label(
            Some("Anna Virtanen"),
            Some("anna.virtanen@example.com"),
            Role::Customer,
        );
        redactor.person_label(Some("Pekka Mäkinen"), None, Role::Customer);
        redactor.person_label(Some("Mikko Laine"), None, Role::Agent);
        redactor.person_label(
            Some("Kesäkassi tuki"),
            Some("tuki@kesakassi.example"),
            Role::Agent,
        );
        texts.iter().map(|t| redactor.text(t).0).collect()
    }

    #[test]
    fn names_and_their_inflected_forms() {
        let out = redact(&[
            "Hei Anna, kiitos Annalle ja Virtaselle. Pekan paketti, Pekka Mäkiselle.",
            "Kesäkassi kiittää, terveisin Kesäkassi tuki",
            "Mikäli Annika ja Pekingin Anna Virtaselle Mikolta",
        ]);
        assert_eq!(
            out[0],
            "Hei Customer 1, kiitos Customer 1 ja Customer 1. Customer 2 paketti, Customer 2."
        );
        // A team's name is not a person's: its words stay in the text.
        assert_eq!(out[1], "Kesäkassi kiittää, terveisin Kesäkassi tuki");
        // Words that only start like a name stay.
        assert_eq!(out[2], "Mikäli Annika ja Pekingin Customer 1 Agent 1");
        // A short name is masked as a whole word only; "The" is never a name.
        let mut redactor = Redactor::new(UiLang::En);
        redactor.person_label(Some("Ari The"), None, Role::Customer);
        assert_eq!(
            redactor.text("Ari: Arrive at The Hague").0,
            "Customer 1: Arrive at The Hague"
        );
    }

    #[test]
    fn values_get_the_same_label_everywhere() {
        let out = redact(&[
            "Soita 040 123 4567 tai +358 40 765 4321. Tilaus 10482, tilaukseni #10511.",
            "Numero 040-123 4567, anna.virtanen@example.com, muu@example.net, FI21 1234 5600 0007 85.",
            "Osoite: Rantatie 5 B 12, 00100 Helsinki. 12 Harbour Road. Storgatan 7.",
        ]);
        assert_eq!(
            out[0],
            "Soita [phone 1] tai [phone 2]. Tilaus [number 1], tilaukseni #[number 2]."
        );
        assert_eq!(out[1], "Numero [phone 1], Customer 1, [email 1], [IBAN 1].");
        assert_eq!(
            out[2],
            "Osoite: [address 1], [address 2]. [address 3]. [address 4]."
        );
    }

    #[test]
    fn dates_prices_and_times_stay() {
        let text = "Lähetämme 2.11.2026 klo 10.11, hinta 49,90 €, 2026-11-02, 30 L.";
        assert_eq!(redact(&[text])[0], text);
    }

    #[test]
    fn edits_map_offsets() {
        let mut redactor = Redactor::new(UiLang::Fi);
        redactor.person_label(Some("Anna Virtanen"), None, Role::Customer);
        let text = "Hei Anna!\nKiitos.";
        let (out, edits) = redactor.text(text);
        assert_eq!(out, "Hei Asiakas 1!\nKiitos.");
        let kiitos = text.find("Kiitos").unwrap();
        let mapped = edits.range(&(kiitos..kiitos + 6));
        assert_eq!(&out[mapped], "Kiitos");
        let name = edits.range(&(4..8));
        assert_eq!(&out[name], "Asiakas 1");
        let inside = edits.range(&(5..7));
        assert_eq!(&out[inside], "Asiakas 1");
    }
}
