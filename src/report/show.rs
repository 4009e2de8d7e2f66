//! `bingo show`: the parts of each message, for debugging and workshops.

use std::io::{self, Write};

use owo_colors::{OwoColorize, Style};
use serde::Serialize;

use crate::Message;
use crate::rules::{Answer, Verdict};

/// The JSON object per message (SPEC.md, "JSON contract").
#[derive(Debug, Serialize)]
pub struct ShownMessage<'a> {
    pub file: &'a str,
    pub index: usize,
    pub message_id: Option<&'a str>,
    pub language: Option<&'static str>,
    pub greeting: &'a str,
    pub body: &'a str,
    pub closing: &'a str,
    pub signature: &'a str,
    pub quoted: &'a str,
    pub customer_text: Option<&'a str>,
}

impl<'a> ShownMessage<'a> {
    pub fn new(message: &'a Message) -> Self {
        let reply = &message.reply;
        ShownMessage {
            file: &message.file,
            index: message.index,
            message_id: message.mail.message_id.as_deref(),
            language: message.language.map(crate::lang::Lang::code),
            greeting: reply.greeting_text(),
            body: reply.body_text(),
            closing: reply.closing_text(),
            signature: &reply.signature,
            quoted: &reply.quoted,
            customer_text: message.customer.as_ref().map(|c| c.text.as_str()),
        }
    }
}

/// Writes a JSON array, one message at a time.
#[derive(Debug)]
pub struct JsonShow<W: Write> {
    out: W,
    count: usize,
}

impl<W: Write> JsonShow<W> {
    pub fn new(out: W) -> Self {
        Self { out, count: 0 }
    }

    pub fn message(&mut self, message: &Message) -> io::Result<()> {
        self.out
            .write_all(if self.count == 0 { b"[\n" } else { b",\n" })?;
        serde_json::to_writer(&mut self.out, &ShownMessage::new(message))?;
        self.count += 1;
        Ok(())
    }

    pub fn finish(mut self) -> io::Result<()> {
        self.out
            .write_all(if self.count == 0 { b"[]\n" } else { b"\n]\n" })?;
        self.out.flush()
    }
}

/// Writes each message's parts, labelled and (optionally) coloured.
#[derive(Debug)]
pub struct HumanShow<W: Write> {
    out: W,
    color: bool,
}

impl<W: Write> HumanShow<W> {
    pub fn new(out: W, color: bool) -> Self {
        Self { out, color }
    }

    fn paint(&self, text: &str, style: Style) -> String {
        if self.color {
            text.style(style).to_string()
        } else {
            text.to_string()
        }
    }

    /// Writes one message's parts, and after them the customer's
    /// `questions` with the clause of the reply that answers each.
    pub fn message(&mut self, message: &Message, questions: &[Verdict]) -> io::Result<()> {
        let mail = &message.mail;
        let title = format!(
            "── {} #{} · {} · {}",
            message.file,
            message.index,
            message.kind.as_str(),
            message.language.map_or("?", crate::lang::Lang::code)
        );
        writeln!(self.out, "{}", self.paint(&title, Style::new().bold()))?;
        for (label, value) in [
            ("from", mail.from.as_ref().map(crate::mail::Person::display)),
            ("to", mail.to.first().map(crate::mail::Person::display)),
            ("date", mail.date.clone()),
            ("subject", mail.subject.clone()),
            (
                "customer",
                (!message.customer_names.is_empty()).then(|| message.customer_names.join(", ")),
            ),
        ] {
            if let Some(value) = value.filter(|v| !v.is_empty()) {
                writeln!(
                    self.out,
                    "   {:<9} {value}",
                    self.paint(label, Style::new().dimmed())
                )?;
            }
        }
        let reply = &message.reply;
        let customer = message
            .customer
            .as_ref()
            .map(|c| c.text.as_str())
            .unwrap_or_default();
        for (label, text, style) in [
            ("greeting", reply.greeting_text(), Style::new().green()),
            ("body", reply.body_text(), Style::new()),
            ("closing", reply.closing_text(), Style::new().cyan()),
            ("signature", reply.signature.as_str(), Style::new().dimmed()),
            ("quoted", reply.quoted.as_str(), Style::new().dimmed()),
            ("customer", customer, Style::new().yellow()),
        ] {
            if text.trim().is_empty() {
                continue;
            }
            let mut first = true;
            for line in text.lines() {
                let label = if first { label } else { "" };
                first = false;
                writeln!(
                    self.out,
                    "{} │ {}",
                    self.paint(&format!("{label:>9}"), style.bold()),
                    self.paint(line, style)
                )?;
            }
        }
        self.questions(questions)?;
        writeln!(self.out)
    }

    /// "✓ question → answer" or "✗ question", one pair of lines each.
    fn questions(&mut self, questions: &[Verdict]) -> io::Result<()> {
        let label = Style::new().magenta();
        for (n, verdict) in questions.iter().enumerate() {
            let (mark, mark_style, answer) = match &verdict.answer {
                Answer::Clause(clause) => ("✓", Style::new().green(), shorten(clause, 100)),
                Answer::Anything => (
                    "✓",
                    Style::new().green(),
                    "nothing to pair with: any reply will do / mikä tahansa vastaus käy"
                        .to_string(),
                ),
                Answer::Inline => (
                    "✓",
                    Style::new().green(),
                    "answered inside the quote / vastattu lainauksen sisällä".to_string(),
                ),
                Answer::Open => (
                    "✗",
                    Style::new().red(),
                    "not answered / ei vastausta".to_string(),
                ),
            };
            let question = verdict
                .question
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let head = if n == 0 { "questions" } else { "" };
            writeln!(
                self.out,
                "{} │ {} {} {}",
                self.paint(&format!("{head:>9}"), label.bold()),
                self.paint(mark, mark_style.bold()),
                question,
                self.paint(&format!("({})", verdict.expects), Style::new().dimmed()),
            )?;
            writeln!(
                self.out,
                "{:>9} │   → {}",
                "",
                self.paint(&answer, mark_style)
            )?;
        }
        Ok(())
    }

    pub fn finish(mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// The first `max` characters of a text on one line, "…" where cut.
fn shorten(text: &str, max: usize) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match line.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &line[..at]),
        None => line,
    }
}
