//! `bingo card`: an empty bingo card to print for a workshop, each square
//! with its short explanation, as text or as one A4 page of HTML.

use std::fmt::Write as _;

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::tr;
use crate::rules::{Square, UiLang};
use crate::score::Band;

/// What hits a square, in one or two lines.
pub fn explanation(square: Square, ui: UiLang) -> &'static str {
    match square {
        Square::Greeting => tr(
            ui,
            "No greeting at all (2 points), or a greeting without the customer's name: \"Dear customer\", \"Hi!\" (1 point).",
            "Ei tervehdystä lainkaan (2 pistettä) tai tervehdys ilman asiakkaan nimeä: \"Hyvä asiakas\", \"Hei!\" (1 piste).",
        ),
        Square::Vague => tr(
            ui,
            "\"The product\", \"the service\" instead of its name, or the reader in the third person: \"the customer must…\".",
            "\"Tuote\", \"palvelu\" nimen sijaan, tai lukija kolmannessa persoonassa: \"asiakas voi…\".",
        ),
        Square::Tone => tr(
            ui,
            "The register is the opposite of the customer's: a casual \"hi 😊\" gets a stiff formal reply, or the other way round.",
            "Rekisteri on päinvastainen kuin asiakkaalla: rennolle \"moi 😊\" -viestille teititellään, tai päinvastoin.",
        ),
        Square::Questions => tr(
            ui,
            "The customer asked something the reply never answers.",
            "Asiakas kysyi jotain, mihin vastaus ei vastaa.",
        ),
        Square::Canned => tr(
            ui,
            "Stock phrases: \"We apologise for any inconvenience\", \"Please do not hesitate to contact us\".",
            "Valmisfraasit: \"Pahoittelemme mahdollisesti aiheutunutta haittaa\", \"Ohessa … liittyen\".",
        ),
        Square::Password => tr(
            ui,
            "A password written out in the mail: \"Your password is Summer2026\". Always a security finding.",
            "Salasana kirjoitettuna viestiin: \"Salasanasi on Kesä2026\". Aina tietoturvalöydös.",
        ),
    }
}

/// The card as text: a 3x2 grid of boxes with title, points and explanation.
pub fn text(ui: UiLang) -> String {
    const WIDTH: usize = 30;
    let mut out = String::new();
    out.push_str(tr(ui, "AUTOREPLY BINGO", "AUTOMAATTIVASTAUSBINGO"));
    out.push_str("\n\n");
    out.push_str(tr(
        ui,
        "Reply: ______________________   Name: ______________\n\n",
        "Vastaus: ____________________   Nimi: ______________\n\n",
    ));
    let bar = "─".repeat(WIDTH + 2);
    for (row, squares) in Square::ALL.chunks(3).enumerate() {
        let top = if row == 0 {
            ('╭', '┬', '╮')
        } else {
            ('├', '┼', '┤')
        };
        let _ = writeln!(out, "{}{bar}{}{bar}{}{bar}{}", top.0, top.1, top.1, top.2);
        let cells: Vec<Vec<String>> = squares
            .iter()
            .map(|&s| {
                let points = match s.max_points() {
                    1 => tr(ui, "1 point", "1 piste").to_string(),
                    n => format!("1–{n} {}", tr(ui, "points", "pistettä")),
                };
                let mut lines = vec![
                    format!("[ ] {}", s.title(ui).to_uppercase()),
                    points,
                    String::new(),
                ];
                lines.extend(wrap(explanation(s, ui), WIDTH));
                lines
            })
            .collect();
        let height = cells.iter().map(Vec::len).max().unwrap_or(0).max(7);
        for i in 0..height {
            out.push('│');
            for cell in &cells {
                let line = cell.get(i).map_or("", String::as_str);
                let pad = WIDTH.saturating_sub(line.chars().count());
                let _ = write!(out, " {line}{} │", " ".repeat(pad));
            }
            out.push('\n');
        }
    }
    let _ = write!(out, "╰{bar}┴{bar}┴{bar}╯\n\n");
    out.push_str(tr(ui, "Score: ____ / 7\n\n", "Pisteet: ____ / 7\n\n"));
    for (range, band) in bands() {
        let _ = writeln!(out, "  {range:<4} {}", band.text(ui));
    }
    out
}

/// Score ranges of the bands.
fn bands() -> [(&'static str, Band); 5] {
    [
        ("0", Band::Clean),
        ("1–2", Band::Personal),
        ("3–4", Band::Typical),
        ("5–6", Band::Template),
        ("7", Band::Bingo),
    ]
}

/// Greedy word wrap.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

const CARD_CSS: &str = r"
@page { size: A4 portrait; margin: 12mm; }
* { box-sizing: border-box; }
body { font-family: system-ui, 'Segoe UI', Roboto, sans-serif; margin: 0 auto; max-width: 186mm; color: #1d2433; }
h1 { text-align: center; font-size: 26pt; letter-spacing: .08em; margin: 4mm 0 2mm; }
.fields { display: flex; gap: 8mm; margin: 4mm 0 6mm; font-size: 11pt; }
.fields span { flex: 1; border-bottom: 1px solid #1d2433; padding-bottom: 1mm; }
.grid { display: grid; grid-template-columns: repeat(3, 1fr); border: 2px solid #1d2433; }
.cell { height: 78mm; padding: 4mm; border: 1px solid #1d2433; display: flex; flex-direction: column; }
.cell h2 { font-size: 14pt; margin: 0 0 1mm; }
.cell .points { font-size: 10pt; color: #8a3b12; font-weight: 600; }
.cell p { font-size: 10.5pt; line-height: 1.35; margin: 3mm 0 0; flex: 1; }
.cell .mark { align-self: center; width: 18mm; height: 18mm; border: 2px dashed #9aa3b5; border-radius: 50%; }
.score { margin: 6mm 0 2mm; font-size: 14pt; font-weight: 600; }
table { border-collapse: collapse; font-size: 10pt; width: 100%; }
td { padding: 1mm 2mm; border-bottom: 1px solid #d5dae3; }
td:first-child { font-weight: 600; width: 14mm; }
@media print { body { max-width: none; } }
";

/// The card as one self-contained HTML page that prints on one A4 sheet.
pub fn html(ui: UiLang) -> String {
    let page: Markup = html! {
        (DOCTYPE)
        html lang=(tr(ui, "en", "fi")) {
            head {
                meta charset="utf-8";
                title { (tr(ui, "Autoreply bingo card", "Automaattivastausbingo")) }
                style { (PreEscaped(CARD_CSS)) }
            }
            body {
                h1 { (tr(ui, "AUTOREPLY BINGO", "AUTOMAATTIVASTAUSBINGO")) }
                div.fields {
                    span { (tr(ui, "Reply:", "Vastaus:")) }
                    span { (tr(ui, "Name:", "Nimi:")) }
                }
                div.grid {
                    @for square in Square::ALL {
                        div.cell {
                            h2 { (square.title(ui)) }
                            div.points {
                                @if square.max_points() == 1 {
                                    (tr(ui, "1 point", "1 piste"))
                                } @else {
                                    "1–" (square.max_points()) " " (tr(ui, "points", "pistettä"))
                                }
                            }
                            p { (explanation(square, ui)) }
                            div.mark {}
                        }
                    }
                }
                div.score { (tr(ui, "Score: ____ / 7", "Pisteet: ____ / 7")) }
                table {
                    @for (range, band) in bands() {
                        tr { td { (range) } td { (band.text(ui)) } }
                    }
                }
            }
        }
    };
    page.into_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_card_has_every_square_and_band() {
        for ui in [UiLang::En, UiLang::Fi] {
            let card = text(ui);
            for square in Square::ALL {
                assert!(card.contains(&square.title(ui).to_uppercase()), "{card}");
            }
            for (_, band) in bands() {
                assert!(card.contains(band.text(ui)));
            }
            let widths: Vec<usize> = card
                .lines()
                .filter(|l| l.starts_with('│'))
                .map(|l| l.chars().count())
                .collect();
            assert!(widths.windows(2).all(|w| w[0] == w[1]), "ragged grid");
        }
    }

    #[test]
    fn wrap_keeps_words_whole() {
        assert_eq!(wrap("aa bb cc", 5), ["aa bb", "cc"]);
    }
}
