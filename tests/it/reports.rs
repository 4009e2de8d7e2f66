//! Audit reports: HTML, CSV, the per-agent and per-month breakdowns,
//! `--redact` in every format, the printable card, the progress bar.

use scraper::{Html, Selector};
use serde_json::Value;

use crate::{bingo, fixture, stderr, stdout};

const REDACT: &str = "fixtures/redact/lintukoto.mbox";

fn check(args: &[&str]) -> std::process::Output {
    let mut all = vec!["check", "--isolated", "--exit-zero"];
    all.extend_from_slice(args);
    let out = bingo(&all);
    assert!(
        matches!(out.status.code(), Some(0)),
        "bingo {all:?}: {}",
        stderr(&out)
    );
    out
}

fn json(args: &[&str]) -> Value {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    serde_json::from_str(&stdout(&check(&all))).expect("JSON")
}

fn select(html: &Html, selector: &str) -> usize {
    html.select(&Selector::parse(selector).expect("selector"))
        .count()
}

#[test]
fn html_report_holds_every_message_and_the_summary() {
    let demo = fixture("demo").display().to_string();
    let messages = json(&[&demo])["messages"]
        .as_array()
        .expect("messages")
        .clone();
    assert!(messages.len() > 10);
    let page = stdout(&check(&["--format", "html", &demo]));
    let html = Html::parse_document(&page);
    assert!(html.errors.is_empty(), "{:?}", html.errors);
    assert_eq!(select(&html, "article"), messages.len());
    let text: String = html.root_element().text().collect();
    for message in &messages {
        let subject = message["subject"].as_str().unwrap_or_default();
        assert!(text.contains(subject), "no message {subject}");
    }
    // The summary: the mailbox card grid, charts, breakdowns, worst replies
    // linking to their messages.
    assert_eq!(select(&html, "#summary .grid.big .sq"), 6);
    assert!(select(&html, "#summary svg") >= 3);
    assert!(text.contains("Per agent") && text.contains("Per month"));
    let anchors = Selector::parse("#summary ol a").unwrap();
    let links: Vec<&str> = html
        .select(&anchors)
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert_eq!(links.len(), 5, "five worst replies");
    for link in links {
        let id = link.trim_start_matches('#');
        assert_eq!(select(&html, &format!("article[id='{id}']")), 1, "{link}");
    }
    // Findings are highlighted in the reply text; quotes are folded away.
    assert!(select(&html, "pre.reply mark") > 5);
    assert!(select(&html, "article details pre") > 5);
    // Self-contained: nothing loaded from anywhere.
    assert_eq!(select(&html, "script, link, img, iframe, [src]"), 0);
    // The password of the demo is masked.
    assert!(!page.contains("Kesa2026!kassi"));
}

#[test]
fn html_report_in_finnish() {
    let page = stdout(&check(&[
        "--format",
        "html",
        "--ui-lang",
        "fi",
        "fixtures/replies/typical.eml",
    ]));
    assert!(page.contains("<html lang=\"fi\">"));
    assert!(page.contains("Postilaatikon kortti") && page.contains("Tervehdys"));
}

#[test]
fn hostile_mail_yields_no_markup() {
    let page = stdout(&check(&[
        "--format",
        "html",
        "fixtures/replies/hostile.eml",
    ]));
    let html = Html::parse_document(&page);
    assert_eq!(select(&html, "script, img, b"), 0, "{page}");
    for element in html.root_element().descendants().filter_map(|n| {
        n.value()
            .as_element()
            .map(|e| e.attrs().map(|(k, _)| k.to_string()).collect::<Vec<_>>())
    }) {
        assert!(
            element.iter().all(|name| !name.starts_with("on")),
            "an event handler attribute: {element:?}"
        );
    }
    // The mail's text is shown as text.
    let text: String = html.root_element().text().collect();
    assert!(text.contains("<script>alert(3)</script>"));
    assert!(text.contains("<img src=x onerror=alert(2)>"));
    assert!(page.contains("&lt;script&gt;alert(3)"));
}

#[test]
fn csv_round_trips() {
    let demo = fixture("demo").display().to_string();
    let messages = json(&[&demo])["messages"]
        .as_array()
        .expect("messages")
        .clone();
    let out = check(&["--format", "csv", &demo]);
    assert!(!out.stdout.starts_with("\u{feff}".as_bytes()));
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let headers: Vec<String> = reader
        .headers()
        .expect("headers")
        .iter()
        .map(String::from)
        .collect();
    assert_eq!(
        headers,
        [
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
            "greeting",
            "vague",
            "tone",
            "questions",
            "canned",
            "password",
            "rules"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
    assert_eq!(rows.len(), messages.len());
    let text = |v: &Value| match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    for (row, message) in rows.iter().zip(&messages) {
        for (i, column) in headers.iter().enumerate().take(10) {
            assert_eq!(row[i], text(&message[column.as_str()]), "{column}");
        }
        for (i, column) in headers.iter().enumerate().skip(10).take(6) {
            assert_eq!(
                row[i],
                text(&message["squares"][column.as_str()]),
                "{column}"
            );
        }
        let mut rules: Vec<&str> = Vec::new();
        for finding in message["findings"].as_array().unwrap() {
            let rule = finding["rule"].as_str().unwrap();
            if !rules.contains(&rule) {
                rules.push(rule);
            }
        }
        assert_eq!(&row[16], rules.join(" "));
    }
    // A subject with a comma and quotes survives: the hostile one.
    let out = check(&["--format", "csv", "fixtures/replies/hostile.eml"]);
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let row = reader.records().next().expect("a row").expect("valid");
    assert_eq!(&row[6], "Re: <img src=x onerror=alert(2)>");
}

#[test]
fn excel_csv_starts_with_a_bom() {
    let out = check(&["--format", "csv", "--excel", "fixtures/replies/clean.eml"]);
    assert!(out.stdout.starts_with("\u{feff}file,index,".as_bytes()));
    let out = bingo(&[
        "check",
        "--isolated",
        "--format",
        "json",
        "--excel",
        "fixtures/replies/clean.eml",
    ]);
    assert_eq!(out.status.code(), Some(2), "--excel without csv");
}

/// Everything personal in `fixtures/redact/lintukoto.mbox`.
const PERSONAL: &[&str] = &[
    "Kaisa",
    "Rautio",
    "kaisa.rautio",
    "Oskari",
    "Vainio",
    "oskari.vainio",
    "Koivukuja",
    "33100",
    "045 612 3398",
    "612 3398",
    "020 734 1100",
    "FI49",
    "5000 9420",
    "20417",
    "Graham",
    "Whitfield",
    "graham.whitfield",
    "Harbour Road",
    "7946 0321",
    "55821",
    "palvelu@lintukoto",
    "support@lintukoto",
];

#[test]
fn redact_masks_every_format() {
    // Without --redact, they are all there (the fixture is what we think).
    let plain = stdout(&check(&["--format", "html", REDACT]));
    for value in PERSONAL.iter().filter(|v| !v.starts_with("palvelu")) {
        assert!(plain.contains(value), "the fixture lacks {value}");
    }
    for format in ["human", "json", "ndjson", "csv", "html", "sarif", "github"] {
        let out = stdout(&check(&["--redact", "--format", format, REDACT]));
        for value in PERSONAL {
            assert!(!out.contains(value), "{format} shows {value}:\n{out}");
        }
    }
    let page = stdout(&check(&["--redact", "--format", "html", REDACT]));
    // The same customer gets the same label everywhere: the To header, the
    // greeting, the inflected "Kaisalle" and the quote.
    let html = Html::parse_document(&page);
    let first: String = html
        .select(&Selector::parse("article").unwrap())
        .next()
        .expect("an article")
        .text()
        .collect();
    assert!(first.contains("→ Customer 1"), "{first}");
    assert!(first.contains("Hei Customer 1,"), "{first}");
    assert!(
        first.contains("Customer 1 tulee myös tekstiviesti"),
        "{first}"
    );
    assert!(first.contains("[number 1]") && first.contains("[phone 1]"));
    assert!(first.contains("[IBAN 1]") && first.contains("[address 1]"));
    assert!(first.contains("Agent 1"));
    // Finnish labels with --ui-lang fi.
    let out = stdout(&check(&["--redact", "--ui-lang", "fi", REDACT]));
    assert!(out.contains("Asiakaspalvelija 1"), "{out}");
}

fn group<'a>(summary: &'a Value, kind: &str, key: &str) -> &'a Value {
    let value = &summary[kind][key];
    assert!(value.is_object(), "no {kind} {key}: {summary}");
    value
}

#[test]
fn breakdowns_per_agent_and_month() {
    // Worked out by hand: Oskari's Finnish reply is clean (0 points, tone
    // and questions apply: it has the customer's message); the support
    // desk's English reply has a nameless greeting (1) and canned phrases
    // (1): 2 points, in December.
    let summary = json(&[REDACT])["summary"].clone();
    let oskari = group(&summary, "agents", "oskari.vainio@lintukoto.example");
    assert_eq!(oskari["name"], "Oskari Vainio");
    assert_eq!(oskari["replies"], 1);
    assert_eq!(oskari["mean_score"], 0.0);
    assert_eq!(oskari["squares"]["tone"]["applicable"], 1);
    let desk = group(&summary, "agents", "support@lintukoto.example");
    assert_eq!(desk["replies"], 1);
    assert_eq!(desk["mean_score"], 2.0);
    assert_eq!(desk["squares"]["greeting"]["hits"], 1);
    assert_eq!(desk["squares"]["canned"]["hits"], 1);
    assert_eq!(desk["squares"]["vague"]["hits"], 0);
    assert_eq!(group(&summary, "months", "2026-11")["mean_score"], 0.0);
    assert_eq!(group(&summary, "months", "2026-12")["mean_score"], 2.0);
    assert_eq!(group(&summary, "months", "2026-12")["replies"], 1);
    assert_eq!(summary["agents"].as_object().unwrap().len(), 2);

    // The demo mailbox: each agent's figures from its messages.
    let demo = fixture("demo").display().to_string();
    let report = json(&[&demo]);
    let messages = report["messages"].as_array().unwrap();
    let agents = report["summary"]["agents"].as_object().unwrap();
    let mut total = 0;
    for (address, figures) in agents {
        let mine: Vec<&Value> = messages
            .iter()
            .filter(|m| {
                m["from"]
                    .as_str()
                    .unwrap_or_default()
                    .contains(address.as_str())
            })
            .collect();
        assert_eq!(figures["replies"], mine.len(), "{address}");
        let score: u64 = mine.iter().map(|m| m["score"].as_u64().unwrap()).sum();
        let mean = (score as f64 / mine.len() as f64 * 100.0).round() / 100.0;
        assert_eq!(figures["mean_score"], mean, "{address}");
        let hits = mine
            .iter()
            .filter(|m| m["squares"]["greeting"].as_u64().is_some_and(|p| p > 0))
            .count();
        assert_eq!(figures["squares"]["greeting"]["hits"], hits, "{address}");
        total += mine.len();
    }
    assert_eq!(total, messages.len());
    // The human report ends with the same tables.
    let human = stdout(&check(&[REDACT]));
    let agents_at = human.find("Per agent").expect("agents table");
    let months_at = human.find("Per month").expect("months table");
    assert!(agents_at < months_at);
    assert!(human[agents_at..].contains("Oskari Vainio <oskari.vainio@lintukoto.example>"));
    assert!(human[months_at..].contains(" 2026-12        1   2.00"));
}

#[test]
fn card_to_print() {
    for (ui, title) in [("en", "Unanswered question"), ("fi", "Vastaamaton kysymys")] {
        let text = stdout(&bingo(&["card", "--ui-lang", ui]));
        assert!(text.contains(&title.to_uppercase()), "{text}");
        let page = stdout(&bingo(&["card", "--format", "html", "--ui-lang", ui]));
        assert!(page.contains("@page { size: A4"));
        let html = Html::parse_document(&page);
        assert_eq!(select(&html, ".cell"), 6);
        let cells: String = html.root_element().text().collect();
        assert!(cells.contains(title));
    }
}

#[test]
fn no_progress_bar_when_piped() {
    let out = check(&[&fixture("demo").display().to_string()]);
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
}
