//! `--format html`: one self-contained page (no network, no external
//! assets), built with maud so everything from the mail is escaped by
//! construction.
//!
//! The page is streamed: the head and every message's fragment are written
//! as the messages arrive, and the summary (mailbox card, hit rates, score
//! distribution, agents, months, worst replies) is written at the end. CSS
//! (`order: -1`) shows the summary at the top, so nothing is buffered and
//! memory stays flat for any number of replies.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::ops::Range;

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::{Reporter, tr};
use crate::breakdown::Group;
use crate::rules::{Finding, Square, UiLang};
use crate::score::{Band, Card, Mailbox};
use crate::{LintedMessage, Summary};

const CSS: &str = r"
:root { --ink: #1d2433; --muted: #5b6475; --line: #d5dae3; --bg: #f4f6fa; --hit: #c2410c;
  --clean: #15803d; --personal: #4d7c0f; --typical: #b45309; --template: #c2410c; --bingo: #b91c1c; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, 'Segoe UI', Roboto, sans-serif; color: var(--ink); background: var(--bg); }
.page { display: flex; flex-direction: column; gap: 24px; max-width: 1120px; margin: 0 auto; padding: 24px; }
.top { order: -2; } #summary { order: -1; }
h1 { margin: 0; font-size: 28px; } h2 { margin: 0 0 12px; font-size: 20px; } h3 { margin: 0; font-size: 16px; }
#summary h3 { margin: 20px 0 8px; }
nav a { margin-right: 16px; }
a { color: #1d4ed8; }
section, article { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 20px; }
.panels { display: grid; grid-template-columns: 1fr 1fr; gap: 20px; }
.panels > div { min-width: 0; }
.grid { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 6px; }
.grid.big .sq { min-height: 86px; font-size: 15px; }
.sq { border: 2px solid var(--line); border-radius: 8px; padding: 6px 8px; font-size: 12px; overflow-wrap: break-word; hyphens: auto; background: #fff; position: relative; }
.sq .title { display: block; font-weight: 700; } .sq .pts { font-size: 22px; font-weight: 700; color: var(--muted); }
.sq.hit { border-color: var(--hit); background: #fff1e8; } .sq.hit .pts { color: var(--hit); }
.sq.na { background: repeating-linear-gradient(45deg, #fafbfc, #fafbfc 6px, #f0f2f5 6px, #f0f2f5 12px); color: var(--muted); }
.sq .rate { font-size: 12px; color: var(--muted); }
.band { display: inline-block; padding: 2px 10px; border-radius: 999px; color: #fff; font-weight: 600; font-size: 13px; }
.band.clean { background: var(--clean); } .band.personal { background: var(--personal); } .band.typical { background: var(--typical); }
.band.template { background: var(--template); } .band.bingo { background: var(--bingo); }
.stats { display: flex; flex-wrap: wrap; gap: 18px; margin: 12px 0; color: var(--muted); }
.stats strong { color: var(--ink); font-size: 20px; display: block; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
svg text { font: 12px system-ui, sans-serif; fill: var(--ink); }
article { display: grid; grid-template-columns: 330px minmax(0, 1fr); gap: 16px; margin-top: 12px; }
article header { grid-column: 1 / -1; display: flex; justify-content: space-between; gap: 12px; flex-wrap: wrap; }
.meta { color: var(--muted); font-size: 13px; overflow-wrap: anywhere; }
.reply { white-space: pre-wrap; overflow-wrap: anywhere; font-family: ui-monospace, 'Cascadia Mono', Menlo, monospace; font-size: 13px; background: #fbfcfe; border: 1px solid var(--line); border-radius: 6px; padding: 10px; margin: 0; }
.reply .sig { color: var(--muted); }
mark { background: #ffe1c7; border-bottom: 2px solid var(--hit); padding: 0 1px; }
mark.password { background: #fecaca; border-color: var(--bingo); }
mark.advisory { background: #e0e7ff; border-color: #4338ca; }
ol.findings { margin: 8px 0 0; padding-left: 20px; font-size: 13px; }
ol.findings code { color: #7c2d12; }
details { margin-top: 8px; } summary { cursor: pointer; color: var(--muted); }
details pre { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 12px; color: var(--muted); margin: 6px 0 0; }
.errors li { color: var(--bingo); }
@media (max-width: 800px) { .panels, article { grid-template-columns: 1fr; } }
@media print { body { background: #fff; } section, article { break-inside: avoid; } }
";

/// Writes the HTML report.
#[derive(Debug)]
pub struct HtmlReporter<W: Write> {
    out: W,
    ui: UiLang,
    started: bool,
    count: usize,
}

impl<W: Write> HtmlReporter<W> {
    pub fn new(out: W, ui: UiLang) -> Self {
        Self {
            out,
            ui,
            started: false,
            count: 0,
        }
    }

    fn start(&mut self) -> io::Result<()> {
        if self.started {
            return Ok(());
        }
        self.started = true;
        let ui = self.ui;
        let head = html! {
            meta charset="utf-8";
            meta name="viewport" content="width=device-width, initial-scale=1";
            title { (tr(ui, "Autoreply bingo report", "Automaattivastausbingo: raportti")) }
            style { (PreEscaped(CSS)) }
        };
        let top = html! {
            div.top {
                h1 { (tr(ui, "Autoreply bingo — audit report", "Automaattivastausbingo — auditointiraportti")) }
                nav {
                    a href="#summary" { (tr(ui, "Summary", "Yhteenveto")) }
                    a href="#messages" { (tr(ui, "Messages", "Viestit")) }
                }
            }
        };
        // The document stays open: messages and the summary follow.
        write!(
            self.out,
            "{}<html lang=\"{}\"><head>{}</head><body><div class=\"page\">{}<section id=\"messages\"><h2>{}</h2>",
            html! { (DOCTYPE) }.into_string(),
            tr(ui, "en", "fi"),
            head.into_string(),
            top.into_string(),
            tr(ui, "Messages", "Viestit")
        )
    }
}

/// A stable anchor for a message, from its file and index.
fn anchor(file: &str, index: usize) -> String {
    // FNV-1a: the same id in the message list and the worst replies.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in file.bytes().chain(index.to_le_bytes()) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("m-{hash:016x}")
}

fn band_badge(band: Band) -> Markup {
    html! { span class=(format!("band {}", band.id())) { (band.id()) } }
}

/// A card as a grid of squares; `rates` adds a line under each.
fn grid(card: &Card, ui: UiLang, big: bool, rates: Option<&Mailbox>) -> Markup {
    html! {
        div class=(if big { "grid big" } else { "grid" }) {
            @for square in Square::ALL {
                @let points = card.get(square);
                @let class = match points { None => "sq na", Some(0) => "sq", Some(_) => "sq hit" };
                div class=(class) title=(super::card::explanation(square, ui)) {
                    span.title { (square.title(ui)) }
                    span.pts { (points.map_or_else(|| "–".to_string(), |p| p.to_string())) }
                    @if let Some(mailbox) = rates {
                        @let count = mailbox.counts[square.index()];
                        div.rate { (rate_text(count.hits, count.applicable)) }
                    }
                }
            }
        }
    }
}

fn rate(hits: usize, applicable: usize) -> Option<f64> {
    (applicable > 0).then(|| hits as f64 / applicable as f64)
}

fn rate_text(hits: usize, applicable: usize) -> String {
    match rate(hits, applicable) {
        Some(r) => format!("{hits}/{applicable} · {:.0}%", r * 100.0),
        None => "–".to_string(),
    }
}

/// The reply's own text with the findings' spans marked.
fn marked_reply(linted: &LintedMessage) -> Markup {
    let own = &linted.message.reply.own;
    let mut spans: Vec<(Range<usize>, &Finding)> = linted
        .findings
        .iter()
        .filter_map(|f| {
            let start = f.span.start.min(own.len());
            let end = f.span.end.clamp(start, own.len());
            (own.is_char_boundary(start) && own.is_char_boundary(end) && start < end)
                .then_some((start..end, f))
        })
        .collect();
    spans.sort_by_key(|(r, _)| r.start);
    let mut pieces: Vec<(&str, Option<&Finding>)> = Vec::new();
    let mut at = 0;
    for (range, finding) in spans {
        if range.start < at {
            continue;
        }
        pieces.push((&own[at..range.start], None));
        pieces.push((&own[range.clone()], Some(finding)));
        at = range.end;
    }
    pieces.push((&own[at..], None));
    let signature = &linted.message.reply.signature;
    html! {
        pre.reply {
            @for (text, finding) in pieces {
                @if let Some(f) = finding {
                    mark class=(f.square.map_or("advisory", Square::id)) title=(format!("{} — {}", f.rule, f.message)) { (text) }
                } @else {
                    (text)
                }
            }
            @if !signature.trim().is_empty() {
                "\n\n" span.sig { (signature) }
            }
        }
    }
}

fn message_markup(linted: &LintedMessage, ui: UiLang) -> Markup {
    let message = &linted.message;
    let mail = &message.mail;
    let from = mail.from.as_ref().map(crate::mail::Person::display);
    let to = super::recipients(mail);
    let quoted = &message.reply.quoted;
    let customer = message
        .customer
        .as_ref()
        .filter(|c| quoted.trim().is_empty() && !c.text.trim().is_empty());
    html! {
        article id=(anchor(&message.file, message.index)) {
            header {
                div {
                    h3 { (mail.subject.as_deref().unwrap_or("")) }
                    div.meta {
                        (message.file) " #" (message.index)
                        @if let Some(from) = &from { " · " (from) }
                        @if !to.is_empty() { " → " (to) }
                        @if let Some(date) = &mail.date { " · " (date) }
                        @if let Some(lang) = message.language { " · " (lang.code()) }
                    }
                }
                div { strong { (linted.card.score()) " / 7" } " " (band_badge(linted.card.band())) }
            }
            div {
                (grid(&linted.card, ui, false, None))
                @if !linted.findings.is_empty() {
                    ol.findings {
                        @for f in &linted.findings {
                            li { (f.line) ":" (f.column) " " code { (f.rule) } " " (f.message) }
                        }
                    }
                }
            }
            div {
                (marked_reply(linted))
                @if !quoted.trim().is_empty() {
                    details {
                        summary { (tr(ui, "Quoted message", "Lainattu viesti")) }
                        pre { (quoted) }
                    }
                } @else if let Some(customer) = customer {
                    details {
                        summary { (tr(ui, "The customer's message", "Asiakkaan viesti")) }
                        pre { (customer.text) }
                    }
                }
            }
        }
    }
}

/// Horizontal bars: the hit rate of each square, with the threshold line.
fn hit_rate_chart(mailbox: &Mailbox, threshold: f64, ui: UiLang) -> Markup {
    const LABEL: f64 = 160.0;
    const BAR: f64 = 300.0;
    let x_threshold = LABEL + BAR * threshold.clamp(0.0, 1.0);
    html! {
        svg width="560" height=(Square::ALL.len() * 30 + 24) viewBox=(format!("0 0 560 {}", Square::ALL.len() * 30 + 24)) role="img" {
            title { (tr(ui, "Hit rate per square", "Osumaprosentti ruuduittain")) }
            @for (i, square) in Square::ALL.iter().enumerate() {
                @let count = mailbox.counts[square.index()];
                @let y = i * 30 + 4;
                text x="0" y=(y + 16) { (square.title(ui)) }
                rect x=(LABEL) y=(y) width=(BAR) height="22" fill="#eef1f6" {}
                @if let Some(r) = rate(count.hits, count.applicable) {
                    rect x=(LABEL) y=(y) width=(format!("{:.1}", BAR * r)) height="22" fill=(if count.hits > 0 { "#ea8a4f" } else { "#cbd5e1" }) {}
                }
                text x=(LABEL + BAR + 8.0) y=(y + 16) { (rate_text(count.hits, count.applicable)) }
            }
            line x1=(x_threshold) x2=(x_threshold) y1="0" y2=(Square::ALL.len() * 30 + 4) stroke="#1d2433" stroke-dasharray="4 3" {}
            text x=(x_threshold + 4.0) y=(Square::ALL.len() * 30 + 20) { (tr(ui, "threshold", "kynnys")) " " (format!("{:.0}%", threshold * 100.0)) }
        }
    }
}

fn band_color(band: Band) -> &'static str {
    match band {
        Band::Clean => "#15803d",
        Band::Personal => "#4d7c0f",
        Band::Typical => "#b45309",
        Band::Template => "#c2410c",
        Band::Bingo => "#b91c1c",
    }
}

/// Vertical bars: how many replies scored 0 to 7.
fn distribution_chart(mailbox: &Mailbox, ui: UiLang) -> Markup {
    const HEIGHT: f64 = 140.0;
    let max = mailbox
        .distribution
        .iter()
        .copied()
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    html! {
        svg width="420" height="190" viewBox="0 0 420 190" role="img" {
            title { (tr(ui, "Score distribution", "Pistejakauma")) }
            @for (score, &count) in mailbox.distribution.iter().enumerate() {
                @let h = HEIGHT * count as f64 / max;
                @let x = 10 + score * 50;
                rect x=(x) y=(format!("{:.1}", 16.0 + HEIGHT - h)) width="40" height=(format!("{h:.1}")) fill=(band_color(Band::of(score as u8))) {}
                text x=(x + 20) y=(format!("{:.1}", 12.0 + HEIGHT - h)) text-anchor="middle" { (count) }
                text x=(x + 20) y="178" text-anchor="middle" { (score) }
            }
        }
    }
}

/// Bars of the mean score per month.
fn month_chart(months: &BTreeMap<String, Group>, ui: UiLang) -> Markup {
    const HEIGHT: f64 = 120.0;
    let width = months.len() * 70 + 20;
    html! {
        svg width=(width) height="170" viewBox=(format!("0 0 {width} 170")) role="img" {
            title { (tr(ui, "Mean score per month", "Keskimääräiset pisteet kuukausittain")) }
            @for (i, (month, group)) in months.iter().enumerate() {
                @let mean = group.mailbox.mean_score();
                @let h = HEIGHT * mean / 7.0;
                @let x = 10 + i * 70;
                rect x=(x) y=(format!("{:.1}", 16.0 + HEIGHT - h)) width="56" height=(format!("{h:.1}")) fill=(band_color(Band::of(mean.round() as u8))) {}
                text x=(x + 28) y=(format!("{:.1}", 12.0 + HEIGHT - h)) text-anchor="middle" { (format!("{mean:.2}")) }
                text x=(x + 28) y="158" text-anchor="middle" { (month) }
            }
        }
    }
}

/// A table of groups (agents or months): replies, mean, rate per square.
fn breakdown_table(groups: &BTreeMap<String, Group>, first: &str, ui: UiLang) -> Markup {
    html! {
        table {
            thead {
                tr {
                    th { (first) }
                    th.num { (tr(ui, "replies", "vastauksia")) }
                    th.num { (tr(ui, "mean", "ka.")) }
                    @for square in Square::ALL { th.num { (square.title(ui)) } }
                }
            }
            tbody {
                @for (key, group) in groups {
                    tr {
                        td {
                            @if group.name.is_empty() || group.name == *key { (key) }
                            @else { (group.name) " " span.meta { "<" (key) ">" } }
                        }
                        td.num { (group.mailbox.replies) }
                        td.num { (format!("{:.2}", group.mailbox.mean_score())) }
                        @for square in Square::ALL {
                            @let count = group.mailbox.counts[square.index()];
                            @let shade = rate(count.hits, count.applicable).map_or(0.0, |r| r * 0.55);
                            td.num style=(format!("background: rgba(234, 88, 12, {shade:.2})")) {
                                (rate(count.hits, count.applicable).map_or_else(|| "–".to_string(), |r| format!("{:.0}%", r * 100.0)))
                            }
                        }
                    }
                }
            }
        }
    }
}

fn summary_markup(summary: &Summary, ui: UiLang) -> Markup {
    let mailbox = &summary.mailbox;
    let card = summary.card();
    let breakdowns = &summary.breakdowns;
    html! {
        section #summary {
            h2 { (tr(ui, "Mailbox card", "Postilaatikon kortti")) }
            div.panels {
                div {
                    (grid(&card, ui, true, Some(mailbox)))
                    p { strong { (card.score()) " / 7" } " " (band_badge(card.band())) " " (card.band().text(ui)) }
                }
                div {
                    div.stats {
                        div { strong { (summary.messages) } (tr(ui, "messages read", "viestiä luettu")) }
                        div { strong { (mailbox.replies) } (tr(ui, "replies scored", "vastausta pisteytetty")) }
                        div { strong { (format!("{:.2}", mailbox.mean_score())) } (tr(ui, "mean score", "pisteiden ka.")) }
                        div { strong { (format!("{:.0}%", summary.square_threshold * 100.0)) } (tr(ui, "square threshold", "ruudun kynnys")) }
                    }
                    h3 { (tr(ui, "Hit rate per square", "Osumaprosentti ruuduittain")) }
                    (hit_rate_chart(mailbox, summary.square_threshold, ui))
                }
            }
            div.panels {
                div {
                    h3 { (tr(ui, "Score distribution", "Pistejakauma")) }
                    (distribution_chart(mailbox, ui))
                }
                div {
                    h3 { (tr(ui, "Worst replies", "Heikoimmat vastaukset")) }
                    @if summary.worst.is_empty() {
                        p.meta { (tr(ui, "No reply scored any points.", "Yksikään vastaus ei saanut pisteitä.")) }
                    }
                    ol {
                        @for worst in &summary.worst {
                            li {
                                a href=(format!("#{}", anchor(&worst.file, worst.index))) { (worst.subject) }
                                " · " (worst.score) " / 7 · " span.meta { (worst.from) }
                            }
                        }
                    }
                }
            }
            @if !breakdowns.agents.is_empty() {
                h3 { (tr(ui, "Per agent", "Asiakaspalvelijoittain")) }
                (breakdown_table(&breakdowns.agents, tr(ui, "agent", "asiakaspalvelija"), ui))
            }
            @if !breakdowns.months.is_empty() {
                h3 { (tr(ui, "Per month", "Kuukausittain")) }
                (month_chart(&breakdowns.months, ui))
                (breakdown_table(&breakdowns.months, tr(ui, "month", "kuukausi"), ui))
            }
            (advisory_markup(&summary.advisory, ui))
            @if !summary.errors.is_empty() {
                h3 { (tr(ui, "Inputs that could not be read", "Tiedostot, joita ei voitu lukea")) }
                ul.errors {
                    @for e in &summary.errors { li { (e.file) ": " (e.message) } }
                    @if summary.errors.omitted() > 0 {
                        li { "… " (tr(ui, "and", "ja")) " " (summary.errors.omitted()) " " (tr(ui, "more", "muuta")) }
                    }
                }
            }
        }
    }
}

/// Beyond the card: advisory counts, reply times, unanswered and slow.
fn advisory_markup(advisory: &crate::threads::AdvisorySummary, ui: UiLang) -> Markup {
    use crate::threads::hours;
    let threads = advisory
        .threads
        .as_ref()
        .filter(|t| t.customer_messages > 0);
    #[allow(clippy::cast_precision_loss)]
    let seconds = |s: u64| s as f64;
    let times = |t: &crate::threads::ReplyTimes| match (t.median_seconds, t.p90_seconds) {
        (Some(median), Some(p90)) => (hours(median), hours(seconds(p90))),
        _ => ("–".to_string(), "–".to_string()),
    };
    html! {
        @if !advisory.findings.is_empty() || threads.is_some() {
            h3 { (tr(ui, "Beyond the card (advisory, 0 points)", "Kortin ulkopuolelta (huomiot, 0 pistettä)")) }
            @if !advisory.findings.is_empty() {
                p {
                    @for (rule, count) in &advisory.findings {
                        span.rule { (rule) } " " strong { (count) } " · "
                    }
                }
            }
            @if let Some(t) = threads {
                p {
                    (tr(ui, "customer messages", "asiakkaan viestejä")) " " strong { (t.customer_messages) }
                    " · " (tr(ui, "answered", "vastattu")) " " strong { (t.answered) }
                    @if t.no_reply_checked {
                        " · " (tr(ui, "unanswered", "vastaamatta")) " " strong { (t.no_reply_count()) }
                    }
                }
                table {
                    thead { tr {
                        th { (tr(ui, "agent", "asiakaspalvelija")) }
                        th.num { (tr(ui, "replies", "vastauksia")) }
                        th.num { (tr(ui, "median reply time", "vastausajan mediaani")) }
                        th.num { "p90" }
                    } }
                    tbody {
                        @for (agent, agent_times) in &t.agents {
                            @let (median, p90) = times(agent_times);
                            tr { td { (agent) } td.num { (agent_times.replies) } td.num { (median) } td.num { (p90) } }
                        }
                        @let (median, p90) = times(&t.overall);
                        tr { th { (tr(ui, "all", "kaikki")) } th.num { (t.overall.replies) } th.num { (median) } th.num { (p90) } }
                    }
                }
                @if t.no_reply_count() > 0 {
                    h3 { (tr(ui, "No reply (no-reply)", "Vastaamatta (no-reply)")) }
                    ul {
                        @for c in t.no_reply() {
                            li { (c.from) " · " (c.date.as_deref().unwrap_or("–")) " · " (c.subject) span.meta { " " (c.file) " #" (c.index) } }
                        }
                    }
                }
                @if t.slow_reply_count() > 0 {
                    h3 { (tr(ui, "Slow replies (slow-reply)", "Hitaat vastaukset (slow-reply)")) }
                    ul {
                        @for r in t.slow_reply() {
                            li {
                                a href=(format!("#{}", anchor(&r.file, r.index))) { (r.customer.subject) }
                                " · " (r.agent) " · " (hours(seconds(r.seconds)))
                            }
                        }
                    }
                }
            }
        }
    }
}

impl<W: Write> Reporter for HtmlReporter<W> {
    fn message(&mut self, linted: &LintedMessage) -> io::Result<()> {
        self.start()?;
        self.count += 1;
        self.out
            .write_all(message_markup(linted, self.ui).into_string().as_bytes())
    }

    fn finish(&mut self, summary: &Summary) -> io::Result<()> {
        self.start()?;
        if self.count == 0 {
            let none = html! { p.meta { (tr(self.ui, "No replies.", "Ei vastauksia.")) } };
            self.out.write_all(none.into_string().as_bytes())?;
        }
        self.out.write_all(b"</section>")?;
        self.out
            .write_all(summary_markup(summary, self.ui).into_string().as_bytes())?;
        writeln!(
            self.out,
            "<footer class=\"meta\">bingo {}</footer></div></body></html>",
            env!("CARGO_PKG_VERSION")
        )?;
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_are_stable_and_distinct() {
        assert_eq!(anchor("a.mbox", 1), anchor("a.mbox", 1));
        assert_ne!(anchor("a.mbox", 1), anchor("a.mbox", 2));
        assert_ne!(anchor("a.mbox", 1), anchor("b.mbox", 1));
    }
}
