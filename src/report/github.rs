//! `--format github`: GitHub Actions workflow annotation commands.

use std::io::{self, Write};

use super::Reporter;
use crate::rules::Severity;
use crate::{LintedMessage, Summary};

/// Escapes a command's message text.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command property value.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// Writes `::warning file=…,line=…,col=…,title=…::message` lines.
#[derive(Debug)]
pub struct GithubReporter<W: Write> {
    out: W,
}

impl<W: Write> GithubReporter<W> {
    pub fn new(out: W) -> Self {
        Self { out }
    }
}

impl<W: Write> Reporter for GithubReporter<W> {
    fn message(&mut self, linted: &LintedMessage) -> io::Result<()> {
        let file = linted
            .message
            .file
            .strip_prefix("./")
            .unwrap_or(&linted.message.file);
        for finding in &linted.findings {
            let command = match finding.severity {
                Severity::Security => "error",
                Severity::Warning if finding.is_advisory() => "notice",
                Severity::Warning => "warning",
            };
            writeln!(
                self.out,
                "::{command} file={},line={},col={},title={}::{}",
                escape_property(file),
                finding.line,
                finding.column,
                escape_property(&format!("bingo {}", finding.rule)),
                escape_data(&format!("{} — “{}”", finding.message, finding.excerpt))
            )?;
        }
        Ok(())
    }

    fn finish(&mut self, summary: &Summary) -> io::Result<()> {
        if let Some(threads) = &summary.advisory.threads {
            let notices = threads
                .no_reply()
                .map(|c| ("no-reply", c.no_reply_message(), c.file, c.subject))
                .chain(
                    threads
                        .slow_reply()
                        .map(|r| ("slow-reply", r.message(threads), r.file, r.customer.subject)),
                );
            for (rule, message, file, subject) in notices {
                let file = file.strip_prefix("./").unwrap_or(&file);
                writeln!(
                    self.out,
                    "::notice file={},line=1,title={}::{}",
                    escape_property(file),
                    escape_property(&format!("bingo {rule}")),
                    escape_data(&format!("{message} — “{subject}”"))
                )?;
            }
        }
        let card = summary.card();
        writeln!(
            self.out,
            "::notice title=bingo::{} replies, mailbox score {} ({})",
            summary.mailbox.replies,
            card.score(),
            card.band().id()
        )?;
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(escape_data("a%b\nc"), "a%25b%0Ac");
        assert_eq!(escape_property("dir/a,b:c"), "dir/a%2Cb%3Ac");
    }
}
