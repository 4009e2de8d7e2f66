//! `bingo rules` and `bingo explain`: the rules' documentation as text.

use std::fmt::Write as _;

use crate::rules::{REGISTRY, Rule, UiLang};

/// One line per rule: id, square, points, summary.
pub fn rules_table(ui: UiLang) -> String {
    let mut out = String::new();
    let (rule, square, points) = match ui {
        UiLang::En => ("rule", "square", "points"),
        UiLang::Fi => ("sääntö", "ruutu", "pisteet"),
    };
    let _ = writeln!(out, "{rule:<22} {square:<10} {points:<7}");
    for r in REGISTRY {
        let square = r.square().map_or("-", |s| s.id());
        let _ = writeln!(
            out,
            "{:<22} {:<10} {:<7} {}",
            r.id(),
            square,
            r.points(),
            r.doc().summary.get(ui)
        );
    }
    out
}

/// The fixed-heading explanation of one rule.
pub fn explain(rule: &dyn Rule, ui: UiLang) -> String {
    let doc = rule.doc();
    let (what, why, bad, good, square, points, severity) = match ui {
        UiLang::En => (
            "What it flags",
            "Why it hurts the customer",
            "Bad example",
            "Good example",
            "square",
            "points",
            "severity",
        ),
        UiLang::Fi => (
            "Mitä se merkitsee",
            "Miksi se haittaa asiakasta",
            "Huono esimerkki",
            "Hyvä esimerkki",
            "ruutu",
            "pisteet",
            "vakavuus",
        ),
    };
    let mut out = String::new();
    let _ = writeln!(out, "{}: {}", rule.id(), doc.summary.get(ui));
    let severity_id = match rule.severity() {
        crate::rules::Severity::Warning => "warning",
        crate::rules::Severity::Security => "security",
    };
    let _ = writeln!(
        out,
        "{square}: {} · {points}: {} · {severity}: {severity_id}\n",
        rule.square().map_or("-", |s| s.id()),
        rule.points()
    );
    let _ = writeln!(out, "## {what}\n\n{}\n", doc.what.get(ui));
    let _ = writeln!(out, "## {why}\n\n{}\n", doc.why.get(ui));
    for (heading, examples) in [(bad, doc.bad), (good, doc.good)] {
        let _ = writeln!(out, "## {heading}\n");
        for example in examples {
            for line in example.lines() {
                let _ = writeln!(out, "    {line}");
            }
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_explains_with_fixed_headings() {
        for rule in REGISTRY {
            for (ui, headings) in [
                (
                    UiLang::En,
                    [
                        "## What it flags",
                        "## Why it hurts the customer",
                        "## Bad example",
                        "## Good example",
                    ],
                ),
                (
                    UiLang::Fi,
                    [
                        "## Mitä se merkitsee",
                        "## Miksi se haittaa asiakasta",
                        "## Huono esimerkki",
                        "## Hyvä esimerkki",
                    ],
                ),
            ] {
                let text = explain(*rule, ui);
                let mut last = 0;
                for heading in headings {
                    let at = text
                        .find(heading)
                        .unwrap_or_else(|| panic!("{}: missing {heading}", rule.id()));
                    assert!(at >= last, "{}: {heading} out of order", rule.id());
                    last = at;
                }
            }
        }
    }

    #[test]
    fn the_table_lists_every_rule() {
        let table = rules_table(UiLang::En);
        for rule in REGISTRY {
            assert!(table.contains(rule.id()));
        }
        assert!(rules_table(UiLang::Fi).contains("Tervehdyksessä"));
    }
}
