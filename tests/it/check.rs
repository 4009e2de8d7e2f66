//! `bingo check`: exit codes, the JSON contract, the reports, masking.

use serde_json::Value;

use crate::{bingo, bingo_in, fixture, stderr, stdout};

fn path(name: &str) -> String {
    fixture(&format!("replies/{name}")).display().to_string()
}

fn json(args: &[&str]) -> (Value, i32) {
    let mut all = vec!["check", "--format", "json", "--isolated"];
    all.extend_from_slice(args);
    let out = bingo(&all);
    let value =
        serde_json::from_str(&stdout(&out)).unwrap_or_else(|e| panic!("{e}: {}", stdout(&out)));
    (value, out.status.code().unwrap())
}

#[test]
fn exit_codes() {
    let code = |args: &[&str]| {
        let mut all = vec!["check", "--isolated", "--quiet"];
        all.extend_from_slice(args);
        bingo(&all).status.code().unwrap()
    };
    let clean = path("clean.eml");
    let typical = path("typical.eml");
    let password = path("password.eml");
    assert_eq!(code(&[&clean]), 0, "a clean reply");
    assert_eq!(
        code(&[&typical]),
        1,
        "a reply scoring above the default bar 0"
    );
    assert_eq!(
        code(&["--max-score", "4", &typical]),
        0,
        "score 4 is not above 4"
    );
    assert_eq!(code(&["--max-score", "3", &typical]), 1);
    assert_eq!(
        code(&["--max-score", "7", &password]),
        1,
        "a security finding fails whatever the score"
    );
    assert_eq!(code(&["--exit-zero", &typical]), 0);
    assert_eq!(
        code(&["--select", "no-such-rule", &clean]),
        2,
        "a usage error"
    );
    assert_eq!(
        code(&[&clean, "/no/such/file.eml"]),
        2,
        "an unreadable input"
    );
    assert_eq!(
        code(&["--exit-zero", "/no/such/file.eml"]),
        2,
        "errors are not findings"
    );
    assert_eq!(
        code(&["--ignore", "canned,greeting,vague,questions", &typical]),
        0
    );
}

#[test]
fn the_other_inputs_are_still_reported_after_an_error() {
    let (value, code) = json(&["/no/such/file.eml", &path("typical.eml")]);
    assert_eq!(code, 2);
    assert_eq!(value["messages"].as_array().unwrap().len(), 1);
    assert_eq!(value["errors"][0]["file"], "/no/such/file.eml");
    assert!(
        value["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("no such file")
    );
}

#[test]
fn json_contract() {
    let (value, _) = json(&[&path("typical.eml"), &path("clean.eml")]);
    assert_eq!(value["version"], 1);
    let keys = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    let message = &value["messages"][0];
    assert_eq!(
        keys(message),
        [
            "file",
            "index",
            "message_id",
            "from",
            "to",
            "date",
            "subject",
            "kind",
            "language",
            "score",
            "band",
            "squares",
            "findings"
        ]
    );
    assert_eq!(
        keys(&message["squares"]),
        [
            "greeting",
            "vague",
            "tone",
            "questions",
            "canned",
            "password"
        ]
    );
    assert_eq!(message["index"], 0);
    assert_eq!(message["kind"], "reply");
    assert_eq!(message["language"], "fi");
    assert_eq!(message["date"], "2026-11-02T11:30:00Z");
    assert_eq!(message["score"], 4);
    assert_eq!(message["band"], "typical");
    assert_eq!(message["squares"]["greeting"], 1);
    assert_eq!(message["squares"]["password"], 0);
    let finding = &message["findings"][0];
    assert_eq!(
        keys(finding),
        [
            "rule", "square", "points", "severity", "message", "line", "column", "excerpt"
        ]
    );
    assert_eq!(finding["rule"], "nameless-greeting");
    assert_eq!(finding["square"], "greeting");
    assert_eq!(finding["severity"], "warning");
    assert_eq!(
        (finding["line"].as_u64(), finding["column"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(finding["excerpt"], "Hyvä asiakas,");
    let summary = &value["summary"];
    for key in [
        "messages",
        "replies",
        "mean_score",
        "squares",
        "card",
        "score",
        "band",
    ] {
        assert!(summary.get(key).is_some(), "summary.{key} missing");
    }
    assert_eq!(summary["messages"], 2);
    assert_eq!(summary["replies"], 2);
    assert_eq!(summary["mean_score"], 2.0);
    assert_eq!(
        summary["squares"]["canned"],
        serde_json::json!({"hits": 1, "applicable": 2})
    );
    // One reply in two hits the canned square: 50% >= 10%.
    assert_eq!(summary["card"]["canned"], 1);
    assert_eq!(summary["card"]["password"], 0);
    assert_eq!(value["errors"], serde_json::json!([]));
}

#[test]
fn squares_without_a_customer_message_are_null() {
    let (value, _) = json(&[&path("password.eml")]);
    let squares = &value["messages"][0]["squares"];
    assert_eq!(squares["tone"], Value::Null);
    assert_eq!(squares["questions"], Value::Null);
    assert_eq!(value["summary"]["squares"]["tone"]["applicable"], 0);
    assert_eq!(value["summary"]["card"]["tone"], Value::Null);
}

#[test]
fn ndjson_is_messages_then_the_summary() {
    let out = bingo(&[
        "check",
        "--isolated",
        "--format",
        "ndjson",
        &path("typical.eml"),
        &path("clean.eml"),
    ]);
    let lines: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["score"], 4);
    assert_eq!(lines[1]["score"], 0);
    assert_eq!(lines[2]["summary"]["replies"], 2);
}

#[test]
fn a_password_is_never_printed_in_any_format() {
    for format in ["human", "json", "ndjson"] {
        let out = bingo(&[
            "check",
            "--isolated",
            "--format",
            format,
            &path("password.eml"),
        ]);
        let text = stdout(&out) + &stderr(&out);
        assert!(!text.contains("Syksy2026"), "{format}: {text}");
        assert!(text.contains("plaintext-password"), "{format}");
    }
    for format in ["human", "json"] {
        let out = bingo(&[
            "show",
            "--isolated",
            "--format",
            format,
            &path("password.eml"),
        ]);
        assert!(!stdout(&out).contains("Syksy2026"), "show {format}");
    }
}

#[test]
fn show_lists_each_question_with_its_answer() {
    let show = |name: &str| {
        stdout(&bingo(&[
            "show",
            "--isolated",
            "--color",
            "never",
            &path(name),
        ]))
    };
    let clean = show("clean.eml");
    assert!(
        clean.contains(
            "✓ Voinko vielä vaihtaa värin? (yes-no)\n          │   → Värin ehdit vielä vaihtaa"
        ),
        "{clean}"
    );
    let typical = show("typical.eml");
    assert!(
        typical.contains("✗ Voinko vielä vaihtaa värin? (yes-no)\n          │   → not answered"),
        "{typical}"
    );
    // The JSON keeps to the contract's fields.
    let out = bingo(&[
        "show",
        "--isolated",
        "--format",
        "json",
        &path("typical.eml"),
    ]);
    let shown: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert!(shown[0].get("questions").is_none());
}

/// A phrase file may carry only the keys it adds (here one synonym), and
/// `show` pairs the questions as `check` does, with it.
#[test]
fn extra_phrase_files_reach_check_and_show() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bingo.toml"),
        "extra-phrases = [\"extra.toml\"]\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("extra.toml"),
        "lang = \"fi\"\n[questions]\nsynonyms = [\"väri sävy\"]\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("reply.eml"),
        "From: A <a@shop.example>\nTo: Anna B <anna@example.fi>\nSubject: Re: kassi\n\nHei Anna,\n\nkassi saapuu torstaina. Sävyn ehdit vielä valita.\n\n> Milloin kassi saapuu? Voinko vaihtaa värin?\n",
    )
    .unwrap();
    let questions = |isolated: bool| {
        let mut args = vec!["check", "--format", "json", "--exit-zero", "reply.eml"];
        if isolated {
            args.push("--isolated");
        }
        let json: Value = serde_json::from_str(&stdout(&bingo_in(dir.path(), &args))).unwrap();
        json["messages"][0]["squares"]["questions"].clone()
    };
    assert_eq!(questions(true), 1);
    assert_eq!(questions(false), 0);
    let shown = stdout(&bingo_in(
        dir.path(),
        &["show", "--color", "never", "reply.eml"],
    ));
    assert!(
        shown.contains("✓ Voinko vaihtaa värin? (yes-no)"),
        "{shown}"
    );
}

#[test]
fn quiet_prints_only_the_mailbox_card() {
    let out = bingo(&[
        "check",
        "--isolated",
        "--quiet",
        "--color",
        "never",
        &path("typical.eml"),
    ]);
    let text = stdout(&out);
    assert!(text.starts_with("Mailbox card"), "{text}");
    assert!(!text.contains("typical.eml #0"));
}

#[test]
fn human_report_snapshot() {
    let out = bingo(&[
        "check",
        "--isolated",
        "--color",
        "never",
        "fixtures/replies/typical.eml",
        "fixtures/replies/clean.eml",
    ]);
    insta::assert_snapshot!("human_report", stdout(&out));
}

#[test]
fn human_report_in_finnish() {
    let out = bingo(&[
        "check",
        "--isolated",
        "--color",
        "never",
        "--ui-lang",
        "fi",
        "--quiet",
        "fixtures/replies/typical.eml",
    ]);
    let text = stdout(&out);
    assert!(text.contains("Postilaatikon kortti"), "{text}");
    assert!(text.contains("Tervehdys"), "{text}");
}

#[test]
fn color_follows_the_flag_and_no_color() {
    let colored = bingo(&[
        "check",
        "--isolated",
        "--color",
        "always",
        &path("typical.eml"),
    ]);
    assert!(stdout(&colored).contains("\u{1b}["));
    let plain = bingo(&[
        "check",
        "--isolated",
        "--color",
        "auto",
        &path("typical.eml"),
    ]);
    assert!(
        !stdout(&plain).contains("\u{1b}["),
        "stdout is not a terminal in tests"
    );
}

#[test]
fn config_file_is_found_and_merged_with_flags() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bingo.toml"),
        "max-score = 4\nignore = [\"canned-phrase\"]\n",
    )
    .unwrap();
    let typical = path("typical.eml");
    let out = bingo_in(dir.path(), &["check", "--format", "json", &typical]);
    assert_eq!(out.status.code(), Some(0), "max-score 4 from the file");
    let value: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(
        value["messages"][0]["score"], 3,
        "canned-phrase ignored by the file"
    );
    let out = bingo_in(dir.path(), &["check", "--max-score", "2", &typical]);
    assert_eq!(out.status.code(), Some(1), "the flag wins over the file");
    let out = bingo_in(dir.path(), &["check", "--isolated", &typical]);
    assert_eq!(out.status.code(), Some(1), "--isolated ignores the file");
    std::fs::write(dir.path().join("bingo.toml"), "max-scor = 4\n").unwrap();
    let out = bingo_in(dir.path(), &["check", &typical]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("bingo.toml") && err.contains("max-scor"),
        "{err}"
    );
}

#[test]
fn rules_and_explain() {
    let out = bingo(&["rules"]);
    let text = stdout(&out);
    for id in [
        "canned-phrase",
        "nameless-greeting",
        "no-greeting",
        "plaintext-password",
        "tone-mismatch",
        "unanswered-question",
        "vague-wording",
    ] {
        assert!(text.contains(id), "{id}");
    }
    let out = bingo(&["explain", "vague-wording", "--ui-lang", "fi"]);
    assert!(stdout(&out).contains("## Miksi se haittaa asiakasta"));
    let out = bingo(&["explain", "no-such-rule"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no-such-rule"));
}

#[test]
fn json_report_snapshot() {
    let out = bingo(&[
        "check",
        "--isolated",
        "--format",
        "json",
        "fixtures/replies/typical.eml",
        "fixtures/replies/password.eml",
    ]);
    let value: Value = serde_json::from_str(&stdout(&out)).unwrap();
    insta::assert_snapshot!("json_report", serde_json::to_string_pretty(&value).unwrap());
}

#[test]
fn the_demo_password_is_masked_in_every_command_and_format() {
    for args in [
        vec!["show", "--isolated", "fixtures/demo"],
        vec!["show", "--isolated", "--format", "json", "fixtures/demo"],
        vec!["check", "--isolated", "--color", "never", "fixtures/demo"],
        vec!["check", "--isolated", "--format", "json", "fixtures/demo"],
        vec!["check", "--isolated", "--format", "sarif", "fixtures/demo"],
        vec!["check", "--isolated", "--format", "github", "fixtures/demo"],
    ] {
        let out = bingo(&args);
        let text = stdout(&out) + &stderr(&out);
        assert!(!text.contains("Kesa2026"), "{args:?} printed the password");
    }
}
