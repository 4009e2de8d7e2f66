//! Accuracy of the card's squares on a labelled set of replies.
//!
//! ```sh
//! cargo run --release --example evaluate -- fixtures/labelled/dev [--show-errors]
//! cargo run --release --example evaluate -- fixtures/labelled/dev fixtures/labelled/dev2 …
//! ```
//!
//! Several sets are pooled: their counts are added before the ratios.
//!
//! A set folder holds `LANG/NNN.eml` replies and `labels.json`, mapping each
//! path to the expected squares (`{"greeting": 0|1|2, "vague": 0|1,
//! "tone": 0|1|null, …}`; null = not applicable). For each square and
//! language this prints precision, recall and F1 of "the square is hit",
//! counting only replies where both the label and bingo judge the square,
//! and how often bingo's applicability (null or not) agrees with the label.

use std::collections::BTreeMap;
use std::path::PathBuf;

use bingo::rules::Square;
use bingo::{CheckSettings, check_inputs};

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
    tn: usize,
    applicability_mismatch: usize,
}

impl Counts {
    fn precision(self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    fn recall(self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    fn f1(self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            if self.tp + self.fp + self.fn_ == 0 {
                1.0
            } else {
                0.0
            }
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let show_errors = args.iter().any(|a| a == "--show-errors");
    args.retain(|a| a != "--show-errors");
    let sets: Vec<PathBuf> = args.iter().map(PathBuf::from).collect();
    if sets.is_empty() || args.iter().any(|a| a.starts_with('-')) {
        eprintln!("usage: evaluate SETDIR... [--show-errors]");
        std::process::exit(2);
    }
    if let Some(set) = sets.iter().find(|s| !s.join("labels.json").is_file()) {
        eprintln!("evaluate: {} has no labels.json", set.display());
        std::process::exit(2);
    }
    let mut counts: BTreeMap<(String, Square), Counts> = BTreeMap::new();
    let mut greeting_exact = BTreeMap::<String, (usize, usize)>::new();
    let mut errors = Vec::new();
    let settings = CheckSettings {
        all: true,
        ..CheckSettings::default()
    };
    for set in &sets {
        let labels: BTreeMap<String, BTreeMap<String, Option<u8>>> = serde_json::from_str(
            &std::fs::read_to_string(set.join("labels.json")).expect("labels.json readable"),
        )
        .expect("labels.json is a map of path -> squares");
        let shown = |path: &str| {
            if sets.len() > 1 {
                format!("{}/{path}", set.display())
            } else {
                path.to_string()
            }
        };
        for (path, expected) in &labels {
            let file = set.join(path);
            let lang = path.split('/').next().unwrap_or("?").to_string();
            let path = &shown(path);
            let mut got = None;
            check_inputs(std::slice::from_ref(&file), &settings, &mut |linted| {
                got = Some((
                    linted.card,
                    linted
                        .findings
                        .iter()
                        .map(|f| format!("{}: {}", f.rule, f.excerpt))
                        .collect::<Vec<_>>(),
                ));
            });
            let Some((card, findings)) = got else {
                errors.push(format!("{path}: no message read"));
                continue;
            };
            for square in Square::ALL {
                let want = expected.get(square.id()).copied().flatten();
                let have = card.get(square);
                let c = counts.entry((lang.clone(), square)).or_default();
                match (want, have) {
                    (Some(w), Some(h)) => {
                        match (w > 0, h > 0) {
                            (true, true) => c.tp += 1,
                            (false, true) => c.fp += 1,
                            (true, false) => c.fn_ += 1,
                            (false, false) => c.tn += 1,
                        }
                        if (w > 0) != (h > 0) {
                            errors.push(format!(
                                "{path}: {} expected {w}, got {h}   {findings:?}",
                                square.id()
                            ));
                        }
                        if square == Square::Greeting {
                            let e = greeting_exact.entry(lang.clone()).or_default();
                            e.1 += 1;
                            if w == h {
                                e.0 += 1;
                            } else if (w > 0) == (h > 0) {
                                errors.push(format!(
                                    "{path}: greeting expected {w}, got {h}   {findings:?}"
                                ));
                            }
                        }
                    }
                    (None, None) => {}
                    _ => {
                        c.applicability_mismatch += 1;
                        errors.push(format!(
                            "{path}: {} expected {want:?}, got {have:?} (applicability)",
                            square.id()
                        ));
                    }
                }
            }
        }
    }
    println!(
        "{:<5} {:<10} {:>4} {:>4} {:>4} {:>4} {:>9} {:>7} {:>6} {:>9}",
        "lang", "square", "tp", "fp", "fn", "tn", "precision", "recall", "f1", "n/a-diff"
    );
    let mut by_lang: BTreeMap<String, Vec<f64>> = BTreeMap::new();
    for ((lang, square), c) in &counts {
        println!(
            "{lang:<5} {:<10} {:>4} {:>4} {:>4} {:>4} {:>9.3} {:>7.3} {:>6.3} {:>9}",
            square.id(),
            c.tp,
            c.fp,
            c.fn_,
            c.tn,
            c.precision(),
            c.recall(),
            c.f1(),
            c.applicability_mismatch
        );
        by_lang.entry(lang.clone()).or_default().push(c.f1());
    }
    for (lang, (ok, n)) in &greeting_exact {
        println!("{lang}: greeting points exactly right {ok}/{n}");
    }
    for (lang, f1s) in &by_lang {
        let min = f1s.iter().copied().fold(1.0, f64::min);
        println!("{lang}: lowest square F1 {min:.3}");
    }
    if show_errors {
        for e in &errors {
            println!("  {e}");
        }
    }
}
