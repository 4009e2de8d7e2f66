//! `--format csv`: one row per message, for spreadsheets. Columns: file,
//! index, `message_id`, date, from, to, subject, language, score, band, one
//! per square (points, empty where the square does not apply) and the rule
//! ids hit. `--excel` starts the file with a UTF-8 byte order mark.

use std::io::{self, Write};

use super::Reporter;
use crate::rules::Square;
use crate::{LintedMessage, Summary};

/// The columns before the squares.
const LEADING: [&str; 10] = [
    "file",
    "index",
    "message_id",
    "date",
    "from",
    "to",
    "subject",
    "language",
    "score",
    "band",
];

/// Writes the CSV report.
#[derive(Debug)]
pub struct CsvReporter<W: Write> {
    writer: csv::Writer<W>,
}

impl<W: Write> CsvReporter<W> {
    /// Starts the file: the byte order mark when `excel`, then the header.
    pub fn new(mut out: W, excel: bool) -> io::Result<Self> {
        if excel {
            out.write_all("\u{feff}".as_bytes())?;
        }
        let mut writer = csv::Writer::from_writer(out);
        let header: Vec<&str> = LEADING
            .iter()
            .copied()
            .chain(Square::ALL.iter().map(|s| s.id()))
            .chain(["rules"])
            .collect();
        writer.write_record(&header)?;
        Ok(Self { writer })
    }
}

impl<W: Write> Reporter for CsvReporter<W> {
    fn message(&mut self, linted: &LintedMessage) -> io::Result<()> {
        let message = &linted.message;
        let mail = &message.mail;
        let mut rules: Vec<&str> = Vec::new();
        for finding in &linted.findings {
            if !rules.contains(&finding.rule) {
                rules.push(finding.rule);
            }
        }
        let mut record: Vec<String> = vec![
            message.file.to_string(),
            message.index.to_string(),
            mail.message_id.clone().unwrap_or_default(),
            mail.date.clone().unwrap_or_default(),
            mail.from
                .as_ref()
                .map(crate::mail::Person::display)
                .unwrap_or_default(),
            super::recipients(mail),
            mail.subject.clone().unwrap_or_default(),
            message
                .language
                .map(crate::lang::Lang::code)
                .unwrap_or_default()
                .to_string(),
            linted.card.score().to_string(),
            linted.card.band().id().to_string(),
        ];
        record.extend(Square::ALL.iter().map(|&s| {
            linted
                .card
                .get(s)
                .map(|p| p.to_string())
                .unwrap_or_default()
        }));
        record.push(rules.join(" "));
        self.writer.write_record(&record)?;
        Ok(())
    }

    fn finish(&mut self, _summary: &Summary) -> io::Result<()> {
        self.writer.flush()
    }
}
