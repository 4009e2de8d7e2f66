//! Writing results out: one module per format, behind the [`Reporter`]
//! trait. Nothing here decides what a finding is; it only shows what the
//! library computed.

pub mod card;
pub mod csv;
pub mod docs;
pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod sarif;
pub mod show;

use std::io;

use crate::{LintedMessage, Summary};

/// A report format: gets each linted message in input order, then the
/// summary (whole-document formats write their closing part there).
pub trait Reporter {
    fn message(&mut self, linted: &LintedMessage) -> io::Result<()>;
    fn finish(&mut self, summary: &Summary) -> io::Result<()>;
}

/// Whether to use colour, resolved from `--color`, `NO_COLOR` and the terminal.
pub fn use_color(choice: crate::cli::ColorChoice, is_terminal: bool) -> bool {
    match choice {
        crate::cli::ColorChoice::Always => true,
        crate::cli::ColorChoice::Never => false,
        crate::cli::ColorChoice::Auto => {
            is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

/// The To line of a mail: every recipient, comma-separated.
pub fn recipients(mail: &crate::mail::Mail) -> String {
    mail.to
        .iter()
        .map(crate::mail::Person::display)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Texts of the reports in English or Finnish.
pub(crate) fn tr(ui: crate::rules::UiLang, en: &'static str, fi: &'static str) -> &'static str {
    match ui {
        crate::rules::UiLang::En => en,
        crate::rules::UiLang::Fi => fi,
    }
}
