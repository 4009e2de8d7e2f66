//! Threads and the advisory rules on `fixtures/threads`: the summary
//! figures worked out by hand, input order, business hours, and the
//! advisory section in every output format.

use serde_json::Value;

use crate::{bingo, fixture, stderr, stdout};

fn inbox() -> String {
    fixture("threads/inbox.mbox").display().to_string()
}

fn sent() -> String {
    fixture("threads/sent.mbox").display().to_string()
}

fn config() -> String {
    fixture("threads/bingo.toml").display().to_string()
}

/// `bingo check --format FORMAT --config fixtures/threads/bingo.toml ARGS…`.
fn check(format: &str, config: &str, args: &[&str]) -> std::process::Output {
    let mut all = vec!["check", "--format", format, "--config", config];
    all.extend_from_slice(args);
    let out = bingo(&all);
    assert!(matches!(out.status.code(), Some(0 | 1)), "{}", stderr(&out));
    out
}

fn json(config: &str, args: &[&str]) -> Value {
    let out = check("json", config, args);
    serde_json::from_str(&stdout(&out)).unwrap_or_else(|e| panic!("{e}: {}", stdout(&out)))
}

fn threads(report: &Value) -> &Value {
    &report["summary"]["advisory"]["threads"]
}

/// `(file name, index)` of each entry of a summary list.
fn places(list: &Value) -> Vec<(String, u64)> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let file = e["file"].as_str().unwrap();
            let name = file.rsplit('/').next().unwrap().to_string();
            (name, e["index"].as_u64().unwrap())
        })
        .collect()
}

fn agent<'a>(t: &'a Value, address: &str) -> &'a Value {
    t["reply_times"]["agents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["agent"] == address)
        .unwrap_or_else(|| panic!("no agent {address}"))
}

const H: f64 = 3600.0;

#[test]
fn summary_figures_worked_out_by_hand() {
    let report = json(&config(), &[&inbox(), &sent()]);
    let t = threads(&report);
    // Eight customer messages; Liisa (inbox #4) and James (inbox #6) get
    // no reply, the other six do.
    assert_eq!(t["customer_messages"], 8);
    assert_eq!(t["answered"], 6);
    assert_eq!(t["unanswered"], 2);
    assert_eq!(
        places(&t["no_reply"]),
        [("inbox.mbox".to_string(), 4), ("inbox.mbox".to_string(), 6)]
    );
    let liisa = &t["no_reply"][0];
    assert_eq!(liisa["from"], "Liisa Mäkelä <liisa.makela@example.fi>");
    assert_eq!(liisa["date"], "2026-11-03T06:00:00Z");
    assert_eq!(liisa["subject"], "Lahjakortti");
    assert_eq!(liisa["rule"], "no-reply");
    assert_eq!(liisa["square"], Value::Null);
    assert_eq!(liisa["points"], 0);
    // First replies, customer Date -> reply Date (UTC):
    //   Anna   Mon 07:00 -> Mon 09:00   2 h    mikko (his 13:00 reply is the second)
    //   Eino   Mon 08:00 -> Tue 14:00  30 h    mikko (by subject: no In-Reply-To)
    //   Olivia Mon 10:00 -> Mon 11:30 1.5 h    joe
    //   Erik   Mon 10:00 -> Tue 16:00  30 h    sara
    //   Karin  Tue 08:00 -> Tue 10:00   2 h    sara  (by subject)
    //   Pekka  Wed 07:00 -> Fri 07:00  48 h    mikko
    // Overall, sorted: 1.5, 2, 2, 30, 30, 48 h: the median is the mean of
    // the 3rd and 4th, (2 + 30) / 2 = 16 h; p90 is rank ⌈0.9·6⌉ = 6: 48 h.
    let overall = &t["reply_times"];
    assert_eq!(overall["replies"], 6);
    assert_eq!(overall["median_seconds"].as_f64(), Some(16.0 * H));
    assert_eq!(overall["p90_seconds"].as_f64(), Some(48.0 * H));
    // mikko: 2, 30, 48 h: median 30 h; p90 rank ⌈2.7⌉ = 3: 48 h.
    let mikko = agent(t, "mikko@kassikauppa.fi");
    assert_eq!(mikko["replies"], 3);
    assert_eq!(mikko["median_seconds"].as_f64(), Some(30.0 * H));
    assert_eq!(mikko["p90_seconds"].as_f64(), Some(48.0 * H));
    // sara: 2, 30 h: median (2 + 30) / 2 = 16 h; p90 rank ⌈1.8⌉ = 2: 30 h.
    let sara = agent(t, "sara@kassikauppa.fi");
    assert_eq!(sara["replies"], 2);
    assert_eq!(sara["median_seconds"].as_f64(), Some(16.0 * H));
    assert_eq!(sara["p90_seconds"].as_f64(), Some(30.0 * H));
    // joe: one reply of 1.5 h is both.
    let joe = agent(t, "joe@kassikauppa.fi");
    assert_eq!(joe["median_seconds"].as_f64(), Some(1.5 * H));
    assert_eq!(joe["p90_seconds"].as_f64(), Some(1.5 * H));
    // Over the 24 h of reply-within: Eino's (sent #4), Erik's (sent #5),
    // Pekka's (sent #6).
    assert_eq!(t["reply_within_seconds"], 86_400);
    assert_eq!(
        places(&t["slow_reply"]),
        [
            ("sent.mbox".to_string(), 4),
            ("sent.mbox".to_string(), 5),
            ("sent.mbox".to_string(), 6)
        ]
    );
    let eino = &t["slow_reply"][0];
    assert_eq!(eino["seconds"].as_f64(), Some(30.0 * H));
    assert_eq!(eino["agent"], "mikko@kassikauppa.fi");
    assert_eq!(eino["customer"]["subject"], "Irtisanon kuukausitilauksen");
    assert_eq!(eino["rule"], "slow-reply");
    assert_eq!(eino["square"], Value::Null);
    assert_eq!(eino["points"], 0);
}

#[test]
fn replies_read_before_their_customer_messages() {
    let inbox_first = json(&config(), &[&inbox(), &sent()]);
    let sent_first = json(&config(), &[&sent(), &inbox()]);
    let (a, b) = (threads(&inbox_first), threads(&sent_first));
    for key in ["customer_messages", "answered", "unanswered", "reply_times"] {
        assert_eq!(a[key], b[key], "{key}");
    }
    assert_eq!(places(&a["no_reply"]), places(&b["no_reply"]));
    assert_eq!(places(&a["slow_reply"]), places(&b["slow_reply"]));
    assert_eq!(b["unanswered"], 2);
}

#[test]
fn business_hours_and_reply_within_from_the_config() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bingo.toml");
    std::fs::write(
        &path,
        "agents = [\"kassikauppa.fi\"]\nreply-within = \"15h\"\nbusiness-hours = \"08-16\"\n",
    )
    .unwrap();
    let report = json(&path.display().to_string(), &[&inbox(), &sent()]);
    let t = threads(&report);
    assert_eq!(t["business_hours"], "mon-fri 08:00-16:00");
    // Business hours 08-16 Mon-Fri in the customer's own time zone:
    //   Anna   Mon 09:00 -> Mon 11:00 (+02)             2 h
    //   Eino   Mon 10:00 -> Tue 16:00 (+02)   6 + 8  = 14 h
    //   Olivia Mon 10:00 -> Mon 11:30 (+00)           1.5 h
    //   Erik   Mon 11:00 -> Tue 17:00 (+01)   5 + 8  = 13 h
    //   Karin  Tue 09:00 -> Tue 11:00 (+01)             2 h
    //   Pekka  Wed 09:00 -> Fri 09:00 (+02) 7 + 8 + 1 = 16 h
    // Only Pekka's is over 15 h. Sorted 1.5, 2, 2, 13, 14, 16: median
    // (2 + 13) / 2 = 7.5 h, p90 16 h.
    assert_eq!(places(&t["slow_reply"]), [("sent.mbox".to_string(), 6)]);
    assert_eq!(t["slow_reply"][0]["seconds"].as_f64(), Some(16.0 * H));
    assert_eq!(t["reply_times"]["median_seconds"].as_f64(), Some(7.5 * H));
    assert_eq!(t["reply_times"]["p90_seconds"].as_f64(), Some(16.0 * H));
    // A bad value is a config error that names the key.
    std::fs::write(&path, "business-hours = \"16-08\"\n").unwrap();
    let out = bingo(&["check", "--config", &path.display().to_string(), &inbox()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("business-hours"), "{}", stderr(&out));
}

/// Advisory rule ids per reply of `sent.mbox`, by index.
fn advisory_by_reply(report: &Value) -> Vec<(u64, Vec<String>)> {
    report["messages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["file"].as_str().unwrap().ends_with("sent.mbox"))
        .map(|m| {
            let rules = m["findings"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|f| f["square"].is_null() && f["severity"] == "warning")
                .map(|f| {
                    assert_eq!(f["points"], 0, "advisory findings score nothing: {f}");
                    f["rule"].as_str().unwrap().to_string()
                })
                .collect();
            (m["index"].as_u64().unwrap(), rules)
        })
        .collect()
}

#[test]
fn advisory_findings_per_reply() {
    let report = json(&config(), &[&inbox(), &sent()]);
    let owned = |rules: &[&str]| rules.iter().map(ToString::to_string).collect::<Vec<_>>();
    assert_eq!(
        advisory_by_reply(&report),
        [
            // Mikko asks Anna for the order number she gave, without an apology.
            (0, owned(&["missing-apology", "reasked-info"])),
            (1, owned(&["unfilled-placeholder"])),
            // His second reply apologises and uses the number.
            (2, owned(&[])),
            // Sara's goodbye to Karin has every step.
            (3, owned(&[])),
            (4, owned(&["cancellation-steps"])),
            (5, owned(&["mixed-address"])),
            (6, owned(&["echo-reply"])),
        ]
    );
    let counts = &report["summary"]["advisory"]["findings"];
    assert_eq!(counts["reasked-info"], 1);
    assert_eq!(counts["echo-reply"], 1);
    // Advisory findings never change a score: Joe's reply to Olivia scores
    // only its greeting, whose {{first_name}} was never filled in (the
    // customer read no name); the placeholder's own finding adds nothing.
    let joe = report["messages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["subject"] == "Re: Broken lamp")
        .unwrap();
    assert_eq!(joe["squares"]["greeting"], 1);
    assert_eq!(joe["score"], 1);
    let eino = report["messages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["subject"] == "VS: Irtisanon kuukausitilauksen")
        .unwrap();
    let finding = eino["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "cancellation-steps")
        .unwrap();
    assert!(
        finding["message"]
            .as_str()
            .unwrap()
            .contains("misses: regret, asking why, instructions, thanks"),
        "{finding}"
    );
}

#[test]
fn select_and_ignore_advisory_rules() {
    let report = json(
        &config(),
        &["--ignore", "no-reply,echo-reply", &inbox(), &sent()],
    );
    let t = threads(&report);
    assert_eq!(t["unanswered"], Value::Null, "no-reply was not run");
    assert_eq!(t["no_reply"].as_array().unwrap().len(), 0);
    assert_eq!(t["slow_reply"].as_array().unwrap().len(), 3);
    assert!(report["summary"]["advisory"]["findings"]["echo-reply"].is_null());
    // per-file-ignores: a customer message's file for no-reply, a reply's
    // file for slow-reply; `advisory` names every advisory rule.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bingo.toml");
    std::fs::write(
        &path,
        "agents = [\"kassikauppa.fi\"]\n[per-file-ignores]\n\"inbox.mbox\" = [\"no-reply\"]\n\"sent.mbox\" = [\"advisory\"]\n",
    )
    .unwrap();
    let report = json(&path.display().to_string(), &[&inbox(), &sent()]);
    let t = threads(&report);
    assert_eq!(t["unanswered"], 0);
    assert_eq!(t["slow_reply"].as_array().unwrap().len(), 0);
    assert_eq!(t["customer_messages"], 8, "still threaded");
    assert!(
        report["summary"]["advisory"]["findings"]
            .as_object()
            .unwrap()
            .is_empty()
    );
    let report = json(&config(), &["--select", "greeting", &inbox(), &sent()]);
    assert_eq!(threads(&report), &Value::Null, "neither thread rule runs");
    assert!(
        report["summary"]["advisory"]["findings"]
            .as_object()
            .unwrap()
            .is_empty()
    );
}

#[test]
fn the_human_report_shows_the_advisory_section() {
    let out = check("human", &config(), &["--color", "never", &inbox(), &sent()]);
    let text = stdout(&out);
    let section = text
        .split("Beyond the card (advisory, 0 points)")
        .last()
        .unwrap();
    assert!(
        section.contains("customer messages 8 · answered 6 · unanswered 2"),
        "{section}"
    );
    assert!(section.contains("median 16.0 h · p90 48.0 h · 6 replies"));
    assert!(
        section
            .contains("Liisa Mäkelä <liisa.makela@example.fi>  2026-11-03T06:00:00Z  Lahjakortti")
    );
    assert!(section.contains("Slow replies (slow-reply)"));
    // Per message, advisory findings come after the card's band line.
    let echo = text.find("echo-reply  an acknowledgement").unwrap();
    let band = text[..echo].rfind(" score ").unwrap();
    assert!(text[band..echo].contains("Beyond the card"));
    let fi = check(
        "human",
        &config(),
        &["--color", "never", "--ui-lang", "fi", &inbox(), &sent()],
    );
    let fi = stdout(&fi);
    assert!(fi.contains("Kortin ulkopuolelta (huomiot, 0 pistettä)"));
    assert!(fi.contains("asiakkaan viestejä 8 · vastattu 6 · vastaamatta 2"));
    assert!(fi.contains("Vastaamatta (no-reply)"));
}

#[test]
fn ndjson_sarif_and_github_show_the_advisory_rules() {
    let out = check("ndjson", &config(), &[&inbox(), &sent()]);
    let last: Value = serde_json::from_str(stdout(&out).lines().last().unwrap()).unwrap();
    assert_eq!(last["summary"]["advisory"]["threads"]["unanswered"], 2);

    let out = check("sarif", &config(), &[&inbox(), &sent()]);
    let sarif: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let of =
        |rule: &str| -> Vec<&Value> { results.iter().filter(|r| r["ruleId"] == rule).collect() };
    assert_eq!(of("no-reply").len(), 2);
    assert_eq!(of("slow-reply").len(), 3);
    assert_eq!(of("mixed-address").len(), 1);
    for result in of("no-reply").into_iter().chain(of("reasked-info")) {
        assert_eq!(result["level"], "note");
    }
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    let no_reply = rules.iter().find(|r| r["id"] == "no-reply").unwrap();
    assert_eq!(no_reply["defaultConfiguration"]["level"], "note");

    let out = check("github", &config(), &[&inbox(), &sent()]);
    let text = stdout(&out);
    let notices: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("::notice") && l.contains("title=bingo no-reply"))
        .collect();
    assert_eq!(notices.len(), 2, "{text}");
    assert!(notices[0].contains("inbox.mbox"));
    assert!(
        text.lines()
            .any(|l| l.starts_with("::notice") && l.contains("bingo slow-reply"))
    );
    assert!(
        text.lines()
            .any(|l| l.starts_with("::notice") && l.contains("bingo echo-reply"))
    );
}

#[test]
fn rules_and_explain_list_the_advisory_rules() {
    let table = stdout(&bingo(&["rules"]));
    for id in [
        "cancellation-steps",
        "echo-reply",
        "missing-apology",
        "mixed-address",
        "no-reply",
        "reasked-info",
        "slow-reply",
        "unfilled-placeholder",
    ] {
        let line = table
            .lines()
            .find(|l| l.starts_with(id))
            .unwrap_or_else(|| panic!("{id} not listed"));
        assert!(line.contains(" - "), "no square: {line}");
        let out = bingo(&["explain", id, "--ui-lang", "fi"]);
        assert_eq!(out.status.code(), Some(0));
        assert!(stdout(&out).contains("## Huono esimerkki"));
    }
}

#[test]
fn html_and_csv_show_the_advisory_side() {
    let report = json(&config(), &[&inbox(), &sent()]);
    let unanswered = threads(&report)["no_reply"].as_array().unwrap().len();
    let out = check("html", &config(), &[&inbox(), &sent()]);
    let page = scraper::Html::parse_document(&stdout(&out));
    let headings: Vec<String> = page
        .select(&scraper::Selector::parse("#summary h3").unwrap())
        .map(|h| h.text().collect())
        .collect();
    assert!(
        headings.iter().any(|h| h.starts_with("Beyond the card")),
        "{headings:?}"
    );
    let no_reply = headings
        .iter()
        .position(|h| h.starts_with("No reply"))
        .expect("a no-reply list");
    // The list right after the heading holds one item per unanswered mail.
    let lists: Vec<_> = page
        .select(&scraper::Selector::parse("#summary h3 + ul").unwrap())
        .collect();
    assert!(
        lists
            .iter()
            .any(|ul| ul.select(&scraper::Selector::parse("li").unwrap()).count() == unanswered),
        "no list of {unanswered} unanswered mails after heading {no_reply}"
    );
    // Per-reply advisory findings are marked in the reply text.
    assert!(
        page.select(&scraper::Selector::parse("mark.advisory").unwrap())
            .next()
            .is_some()
    );
    // The CSV's rule ids name advisory rules too.
    let out = check("csv", &config(), &[&inbox(), &sent()]);
    assert!(stdout(&out).contains("missing-apology"), "{}", stdout(&out));
}
