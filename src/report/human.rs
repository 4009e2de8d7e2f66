//! The human report: per message a header, the card as a 2x3 grid, the
//! findings with line:column and excerpt, and the band; at the end the
//! mailbox card, hit rates, the score distribution and the worst replies.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};

use owo_colors::{OwoColorize, Style};

use super::Reporter;
use crate::breakdown::Group;
use crate::rules::{Square, UiLang};
use crate::score::{Band, Card};
use crate::threads::{AdvisorySummary, ReplyTimes, hours};
use crate::{LintedMessage, Summary};

const CELL: usize = 26;

/// Writes the human report.
#[derive(Debug)]
pub struct HumanReporter<W: Write> {
    out: W,
    color: bool,
    ui: UiLang,
    /// Only the mailbox card at the end.
    quiet: bool,
}

impl<W: Write> HumanReporter<W> {
    pub fn new(out: W, color: bool, ui: UiLang, quiet: bool) -> Self {
        Self {
            out,
            color,
            ui,
            quiet,
        }
    }

    fn paint(&self, text: &str, style: Style) -> String {
        if self.color {
            text.style(style).to_string()
        } else {
            text.to_string()
        }
    }

    fn band_style(band: Band) -> Style {
        match band {
            Band::Clean => Style::new().green().bold(),
            Band::Personal => Style::new().green(),
            Band::Typical => Style::new().yellow(),
            Band::Template => Style::new().red(),
            Band::Bingo => Style::new().red().bold(),
        }
    }

    /// One cell: marker, title, points, padded to the cell width.
    fn cell(&self, square: Square, points: Option<u8>, detail: Option<String>) -> (String, String) {
        let title = square.title(self.ui);
        let (marker, value) = match points {
            None => (" ", "–".to_string()),
            Some(0) => (" ", "0".to_string()),
            Some(p) => ("●", p.to_string()),
        };
        let pad = CELL.saturating_sub(title.chars().count() + 5);
        let plain = format!(" {marker} {title}{}{value} ", " ".repeat(pad));
        let line1 = if points.is_some_and(|p| p > 0) {
            self.paint(&plain, Style::new().red().bold())
        } else if points.is_none() {
            self.paint(&plain, Style::new().dimmed())
        } else {
            plain
        };
        let detail = detail.unwrap_or_default();
        let pad = CELL.saturating_sub(detail.chars().count() + 3);
        let line2 = self.paint(
            &format!("   {detail}{}", " ".repeat(pad)),
            Style::new().dimmed(),
        );
        (line1, line2)
    }

    fn grid(&self, card: &Card, details: Option<&dyn Fn(Square) -> String>) -> Vec<String> {
        let bar = "─".repeat(CELL);
        let mut lines = vec![format!(" ╭{bar}┬{bar}┬{bar}╮")];
        for (row, squares) in Square::ALL.chunks(3).enumerate() {
            let cells: Vec<(String, String)> = squares
                .iter()
                .map(|&s| self.cell(s, card.get(s), details.map(|d| d(s))))
                .collect();
            lines.push(format!(" │{}│{}│{}│", cells[0].0, cells[1].0, cells[2].0));
            if details.is_some() {
                lines.push(format!(" │{}│{}│{}│", cells[0].1, cells[1].1, cells[2].1));
            }
            if row == 0 {
                lines.push(format!(" ├{bar}┼{bar}┼{bar}┤"));
            }
        }
        lines.push(format!(" ╰{bar}┴{bar}┴{bar}╯"));
        lines
    }

    fn band_line(&self, score: u8, band: Band) -> String {
        let label = match self.ui {
            UiLang::En => "score",
            UiLang::Fi => "pisteet",
        };
        format!(
            " {} {} · {} — {}",
            label,
            self.paint(&score.to_string(), Style::new().bold()),
            self.paint(band.id(), Self::band_style(band)),
            band.text(self.ui)
        )
    }
}

impl<W: Write> HumanReporter<W> {
    /// A table per agent or month: replies, mean score, hit rate per square.
    fn breakdown(&mut self, groups: &BTreeMap<String, Group>, heading: &str) -> io::Result<()> {
        if groups.is_empty() {
            return Ok(());
        }
        writeln!(self.out, "\n{}", self.paint(heading, Style::new().bold()))?;
        let width = groups
            .iter()
            .map(|(key, g)| label(key, g).chars().count())
            .max()
            .unwrap_or(0);
        let mut header = format!(
            " {:width$}  {:>7}  {:>5}",
            "",
            super::tr(self.ui, "replies", "vast."),
            super::tr(self.ui, "mean", "ka.")
        );
        for square in Square::ALL {
            let _ = write!(header, "  {:>9}", square.id());
        }
        writeln!(self.out, "{}", self.paint(&header, Style::new().dimmed()))?;
        for (key, group) in groups {
            let mailbox = &group.mailbox;
            let name = label(key, group);
            let pad = width.saturating_sub(name.chars().count());
            let mut line = format!(
                " {name}{}  {:>7}  {:>5.2}",
                " ".repeat(pad),
                mailbox.replies,
                mailbox.mean_score()
            );
            for square in Square::ALL {
                let count = mailbox.counts[square.index()];
                let rate = if count.applicable == 0 {
                    "–".to_string()
                } else {
                    format!(
                        "{:.0}%",
                        count.hits as f64 * 100.0 / count.applicable as f64
                    )
                };
                let _ = write!(line, "  {rate:>9}");
            }
            writeln!(self.out, "{line}")?;
        }
        Ok(())
    }

    fn finding_line(&mut self, finding: &crate::rules::Finding) -> io::Result<()> {
        let location = format!("{}:{}", finding.line, finding.column);
        writeln!(
            self.out,
            "   {:>7}  {}  {}  {}",
            self.paint(&location, Style::new().dimmed()),
            self.paint(finding.rule, Style::new().cyan()),
            finding.message,
            self.paint(&format!("“{}”", finding.excerpt), Style::new().italic())
        )
    }

    fn advisory_heading(&self) -> &'static str {
        match self.ui {
            UiLang::En => "Beyond the card (advisory, 0 points)",
            UiLang::Fi => "Kortin ulkopuolelta (huomiot, 0 pistettä)",
        }
    }

    /// The advisory section of the summary: per-rule counts, the threads'
    /// figures, the unanswered messages and the slow replies.
    fn advisory_summary(&mut self, advisory: &AdvisorySummary) -> io::Result<()> {
        // Threads say something only when the input held customer messages.
        let threads = advisory
            .threads
            .as_ref()
            .filter(|t| t.customer_messages > 0);
        if advisory.findings.is_empty() && threads.is_none() {
            return Ok(());
        }
        let fi = self.ui == UiLang::Fi;
        writeln!(
            self.out,
            "\n{}",
            self.paint(self.advisory_heading(), Style::new().bold())
        )?;
        if !advisory.findings.is_empty() {
            let counts: Vec<String> = advisory
                .findings
                .iter()
                .map(|(rule, count)| format!("{} {count}", self.paint(rule, Style::new().cyan())))
                .collect();
            writeln!(self.out, " {}", counts.join(" · "))?;
        }
        let Some(t) = threads else {
            return Ok(());
        };
        let (customers, answered, unanswered) = if fi {
            ("asiakkaan viestejä", "vastattu", "vastaamatta")
        } else {
            ("customer messages", "answered", "unanswered")
        };
        let mut line = format!(
            " {customers} {} · {answered} {}",
            t.customer_messages, t.answered
        );
        if t.no_reply_checked {
            let _ = write!(line, " · {unanswered} {}", t.no_reply_count());
        }
        writeln!(self.out, "{line}")?;
        let within = crate::config::Duration {
            seconds: t.reply_within,
        };
        let counted = match (&t.business_hours, fi) {
            (Some(hours), false) => format!("business hours {hours}"),
            (Some(hours), true) => format!("työaika {hours}"),
            (None, false) => "calendar hours".to_string(),
            (None, true) => "kalenteriaika".to_string(),
        };
        let times = |times: &ReplyTimes| match (times.median_seconds, times.p90_seconds) {
            (Some(median), Some(p90)) => format!(
                "median {} · p90 {} · {} {}",
                hours(median),
                hours(p90 as f64),
                times.replies,
                match (fi, times.replies) {
                    (false, 1) => "reply",
                    (false, _) => "replies",
                    (true, 1) => "vastaus",
                    (true, _) => "vastausta",
                }
            ),
            _ => "–".to_string(),
        };
        let label = if fi { "vastausaika" } else { "reply time" };
        writeln!(
            self.out,
            " {label} ({counted}, reply-within {within}): {}",
            times(&t.overall)
        )?;
        for (agent, agent_times) in &t.agents {
            writeln!(self.out, "   {agent:<32} {}", times(agent_times))?;
        }
        if t.no_reply_count() > 0 {
            let heading = if fi {
                "Vastaamatta (no-reply)"
            } else {
                "No reply (no-reply)"
            };
            writeln!(self.out, " {}", self.paint(heading, Style::new().bold()))?;
            for c in t.no_reply() {
                writeln!(
                    self.out,
                    "   {} #{}  {}  {}  {}",
                    c.file,
                    c.index,
                    c.from,
                    c.date.as_deref().unwrap_or("–"),
                    c.subject
                )?;
            }
        }
        if t.slow_reply_count() > 0 {
            let heading = if fi {
                "Hitaat vastaukset (slow-reply)"
            } else {
                "Slow replies (slow-reply)"
            };
            writeln!(self.out, " {}", self.paint(heading, Style::new().bold()))?;
            for r in t.slow_reply() {
                writeln!(
                    self.out,
                    "   {} #{}  {}  {}  ← {} #{}  {}  {}",
                    r.file,
                    r.index,
                    r.agent,
                    hours(r.seconds as f64),
                    r.customer.file,
                    r.customer.index,
                    r.customer.from,
                    r.customer.subject
                )?;
            }
        }
        if t.incomplete {
            let text = if fi {
                "viestejä oli liikaa: ketjut laskettu vain alusta"
            } else {
                "too many messages: threads cover the first ones only"
            };
            writeln!(self.out, " {text}")?;
        }
        Ok(())
    }
}

/// An agent's name and address, or a month.
fn label(key: &str, group: &Group) -> String {
    if group.name.is_empty() || group.name == key {
        key.to_string()
    } else {
        format!("{} <{key}>", group.name)
    }
}

impl<W: Write> Reporter for HumanReporter<W> {
    fn message(&mut self, linted: &LintedMessage) -> io::Result<()> {
        if self.quiet {
            return Ok(());
        }
        let message = &linted.message;
        let mail = &message.mail;
        let mut header = format!("{} #{}", message.file, message.index);
        for part in [
            mail.from.as_ref().map(crate::mail::Person::display),
            mail.subject.clone(),
            mail.date.clone(),
        ]
        .into_iter()
        .flatten()
        .filter(|p| !p.is_empty())
        {
            header.push_str(" · ");
            header.push_str(&part);
        }
        writeln!(self.out, "{}", self.paint(&header, Style::new().bold()))?;
        for line in self.grid(&linted.card, None) {
            writeln!(self.out, "{line}")?;
        }
        for finding in linted.findings.iter().filter(|f| !f.is_advisory()) {
            self.finding_line(finding)?;
        }
        writeln!(
            self.out,
            "{}",
            self.band_line(linted.card.score(), linted.card.band())
        )?;
        let mut advisory = linted
            .findings
            .iter()
            .filter(|f| f.is_advisory())
            .peekable();
        if advisory.peek().is_some() {
            let heading = self.advisory_heading();
            writeln!(self.out, " {}", self.paint(heading, Style::new().bold()))?;
            for finding in advisory {
                self.finding_line(finding)?;
            }
        }
        writeln!(self.out)
    }

    fn finish(&mut self, summary: &Summary) -> io::Result<()> {
        let mailbox = &summary.mailbox;
        let card = summary.card();
        let (title, replies_word, threshold_word) = match (self.ui, mailbox.replies) {
            (UiLang::En, 1) => ("Mailbox card", "reply", "threshold"),
            (UiLang::En, _) => ("Mailbox card", "replies", "threshold"),
            (UiLang::Fi, 1) => ("Postilaatikon kortti", "vastaus", "kynnys"),
            (UiLang::Fi, _) => ("Postilaatikon kortti", "vastausta", "kynnys"),
        };
        writeln!(
            self.out,
            "{} · {} {replies_word} · {threshold_word} {}%",
            self.paint(title, Style::new().bold().underline()),
            mailbox.replies,
            summary.square_threshold * 100.0
        )?;
        let rates = |square: Square| {
            let count = mailbox.counts[square.index()];
            if count.applicable == 0 {
                "–".to_string()
            } else {
                format!(
                    "{}/{} · {:.0}%",
                    count.hits,
                    count.applicable,
                    count.hits as f64 * 100.0 / count.applicable as f64
                )
            }
        };
        for line in self.grid(&card, Some(&rates)) {
            writeln!(self.out, "{line}")?;
        }
        writeln!(self.out, "{}", self.band_line(card.score(), card.band()))?;
        if mailbox.replies > 0 {
            let mean = match self.ui {
                UiLang::En => "mean score per reply",
                UiLang::Fi => "keskimäärin pisteitä / vastaus",
            };
            writeln!(self.out, " {mean}: {:.2}", mailbox.mean_score())?;
        }
        if !self.quiet && mailbox.replies > 0 {
            let heading = match self.ui {
                UiLang::En => "Score distribution",
                UiLang::Fi => "Pistejakauma",
            };
            writeln!(self.out, "\n{}", self.paint(heading, Style::new().bold()))?;
            let max = mailbox
                .distribution
                .iter()
                .copied()
                .max()
                .unwrap_or(1)
                .max(1);
            for (score, &count) in mailbox.distribution.iter().enumerate() {
                let width = (count * 40).div_ceil(max);
                let bar = "█".repeat(width);
                let band = Band::of(score as u8);
                writeln!(
                    self.out,
                    " {score} {} {count}",
                    self.paint(&bar, Self::band_style(band))
                )?;
            }
            if !summary.worst.is_empty() {
                let heading = match self.ui {
                    UiLang::En => "Worst replies",
                    UiLang::Fi => "Heikoimmat vastaukset",
                };
                writeln!(self.out, "\n{}", self.paint(heading, Style::new().bold()))?;
                for worst in &summary.worst {
                    writeln!(
                        self.out,
                        " {}  {} #{}  {}  {}",
                        self.paint(
                            &worst.score.to_string(),
                            Self::band_style(Band::of(worst.score))
                        ),
                        worst.file,
                        worst.index,
                        worst.from,
                        worst.subject
                    )?;
                }
            }
        }
        if !self.quiet && mailbox.replies > 0 {
            let breakdowns = &summary.breakdowns;
            self.breakdown(
                &breakdowns.agents,
                super::tr(self.ui, "Per agent", "Asiakaspalvelijoittain"),
            )?;
            self.breakdown(
                &breakdowns.months,
                super::tr(self.ui, "Per month", "Kuukausittain"),
            )?;
        }
        if !self.quiet {
            self.advisory_summary(&summary.advisory)?;
        }
        if summary.skipped > 0 {
            let text = match (self.ui, summary.skipped) {
                (UiLang::En, 1) => "file skipped (not mail)",
                (UiLang::En, _) => "files skipped (not mail)",
                (UiLang::Fi, 1) => "tiedosto ohitettu (ei sähköpostia)",
                (UiLang::Fi, _) => "tiedostoa ohitettu (ei sähköpostia)",
            };
            writeln!(self.out, " {} {text}", summary.skipped)?;
        }
        self.out.flush()
    }
}
