//! `bingo` in CI: template mode, SARIF and GitHub output, config layers,
//! per-file ignores, baselines, completions and the man page.

use std::path::Path;

use serde_json::Value;

use crate::{bingo, bingo_in, fixture, stderr, stdout};

/// Copies the template fixtures into a fresh folder, so tests can edit them
/// and drop config files beside them.
fn template_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let from = fixture("templates");
    for entry in walkdir::WalkDir::new(&from) {
        let entry = entry.unwrap();
        let to = dir.path().join(entry.path().strip_prefix(&from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&to).unwrap();
        } else {
            std::fs::copy(entry.path(), &to).unwrap();
        }
    }
    dir
}

fn json_out(dir: &Path, args: &[&str]) -> (Value, Option<i32>) {
    let out = bingo_in(dir, args);
    let value = serde_json::from_str(&stdout(&out))
        .unwrap_or_else(|e| panic!("no JSON from {args:?} ({e}): {}", stderr(&out)));
    (value, out.status.code())
}

/// `(file name, rule, line, column)` of every finding.
fn findings(report: &Value) -> Vec<(String, String, u64, u64)> {
    let mut all = Vec::new();
    for message in report["messages"].as_array().unwrap() {
        let file = message["file"].as_str().unwrap();
        let name = Path::new(file).file_name().unwrap().to_string_lossy();
        for f in message["findings"].as_array().unwrap() {
            all.push((
                name.to_string(),
                f["rule"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
            ));
        }
    }
    all
}

fn has(all: &[(String, String, u64, u64)], file: &str, rule: &str, line: u64, column: u64) {
    assert!(
        all.iter()
            .any(|f| f.0 == file && f.1 == rule && f.2 == line && f.3 == column),
        "no {rule} at {file}:{line}:{column} in {all:#?}"
    );
}

#[test]
fn template_findings_point_at_the_files_own_lines_and_columns() {
    let (report, code) = json_out(
        &crate::root().join("fixtures"),
        &["template", "--isolated", "--format", "json", "templates"],
    );
    assert_eq!(code, Some(1), "password placeholders fail the run");
    let all = findings(&report);
    // Jinja: the `{% if %}` line is not text; the greeting is line 2.
    has(&all, "uusi-tunnus.j2", "nameless-greeting", 2, 1);
    // `{{ password }}` is column 55 of line 4.
    has(&all, "uusi-tunnus.j2", "plaintext-password", 4, 55);
    // Handlebars: the `{{#if}}…{{else}}…{{/if}}` greeting has a name.
    has(&all, "palautus.hbs", "canned-phrase", 3, 1);
    has(&all, "palautus.hbs", "vague-wording", 3, 29);
    // gettext: after the opening quote of the file's line 13.
    has(&all, "messages.po", "canned-phrase", 13, 41);
    // Zendesk JSON: one line, after the escaped `\n\n`.
    has(&all, "zendesk-macros.json", "nameless-greeting", 13, 46);
    has(&all, "zendesk-macros.json", "plaintext-password", 13, 82);
    // CSV: the second row's text field starts after `Aukioloajat,"`.
    has(&all, "canned-responses.csv", "canned-phrase", 5, 14);
    // A name placeholder is a name, in every syntax.
    for file in [
        "tilaus-lahetetty.txt",
        "welcome.html",
        "palautus.hbs",
        "canned-responses.csv",
    ] {
        assert!(
            !all.iter()
                .any(|f| f.0 == file && f.1.ends_with("greeting") && f.2 < 3),
            "{file}: the name placeholder counts as a name: {all:#?}"
        );
    }
    // Squares that need a customer message are not applicable.
    for message in report["messages"].as_array().unwrap() {
        assert!(message["squares"]["questions"].is_null(), "{message}");
        assert!(message["squares"]["tone"].is_null(), "{message}");
    }
    // Every template of every kind was read: 1 per markup file, 1 po
    // message (the button label is not an email), 2 macros, 2 CSV rows.
    assert_eq!(report["summary"]["messages"], 9);
    // The password placeholder's name is shown: it is not a secret.
    let text = report.to_string();
    assert!(text.contains("{{ticket.password}}"), "{text}");
}

#[test]
fn template_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(
        &good,
        "Hei {{ first_name }},\n\npaketti lähti tänään ja on perillä torstaina.\n\nTerveisin\nAnna\n",
    )
    .unwrap();
    let canned = dir.path().join("canned.txt");
    std::fs::write(
        &canned,
        "Hei {{ first_name }},\n\nkiitämme yhteydenotostanne. Paketti lähti tänään.\n",
    )
    .unwrap();
    let password = dir.path().join("password.txt");
    std::fs::write(
        &password,
        "Hei {name},\n\nsalasanasi on {passwd}. Kirjaudu sisään ja vaihda se.\n",
    )
    .unwrap();
    let code = |args: &[&str]| bingo_in(dir.path(), args).status.code();
    assert_eq!(code(&["template", "--isolated", "good.txt"]), Some(0));
    assert_eq!(code(&["template", "--isolated", "canned.txt"]), Some(1));
    assert_eq!(
        code(&["template", "--isolated", "--max-score", "1", "canned.txt"]),
        Some(0)
    );
    // A password fails whatever the bar; --exit-zero overrides.
    assert_eq!(
        code(&["template", "--isolated", "--max-score", "7", "password.txt"]),
        Some(1)
    );
    assert_eq!(
        code(&["template", "--isolated", "--exit-zero", "password.txt"]),
        Some(0)
    );
    // A missing file is an error naming it; the others are still linted.
    let out = bingo_in(
        dir.path(),
        &[
            "template",
            "--isolated",
            "--format",
            "json",
            "nope.txt",
            "good.txt",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("nope.txt"), "{}", stderr(&out));
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(report["summary"]["messages"], 1);
}

/// The fields SARIF 2.1.0's schema requires, and the ones code scanning
/// needs, checked on every object that has them.
fn assert_valid_sarif(log: &Value) {
    assert_eq!(log["version"], "2.1.0");
    assert!(log["$schema"].as_str().unwrap().contains("sarif"));
    let runs = log["runs"].as_array().expect("runs is required");
    assert_eq!(runs.len(), 1);
    for run in runs {
        let driver = &run["tool"]["driver"];
        assert_eq!(driver["name"], "bingo", "tool.driver.name is required");
        let rules = driver["rules"].as_array().unwrap();
        assert!(!rules.is_empty());
        for rule in rules {
            assert!(rule["id"].is_string(), "reportingDescriptor.id: {rule}");
            assert!(rule["shortDescription"]["text"].is_string(), "{rule}");
            assert!(rule["help"]["text"].is_string(), "{rule}");
        }
        for result in run["results"].as_array().expect("results") {
            assert!(result["message"]["text"].is_string(), "result.message");
            let id = result["ruleId"].as_str().unwrap();
            let index = usize::try_from(result["ruleIndex"].as_u64().unwrap()).unwrap();
            assert_eq!(rules[index]["id"], id, "ruleIndex points at ruleId");
            assert!(
                ["none", "note", "warning", "error"].contains(&result["level"].as_str().unwrap())
            );
            for location in result["locations"].as_array().unwrap() {
                let physical = &location["physicalLocation"];
                assert!(physical["artifactLocation"]["uri"].is_string(), "{result}");
                assert!(physical["region"]["startLine"].as_u64().unwrap() >= 1);
                assert!(physical["region"]["startColumn"].as_u64().unwrap() >= 1);
            }
        }
    }
}

#[test]
fn sarif_for_check_and_template() {
    let root = crate::root();
    let (log, code) = json_out(
        root,
        &[
            "check",
            "--isolated",
            "--format",
            "sarif",
            "fixtures/replies/typical.eml",
            "fixtures/replies/password.eml",
        ],
    );
    assert_eq!(code, Some(1));
    assert_valid_sarif(&log);
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert!(
        results
            .iter()
            .any(|r| r["ruleId"] == "plaintext-password" && r["level"] == "error")
    );
    assert!(
        !log.to_string().contains("Syksy2026!x"),
        "the demo password is never printed"
    );
    let (log, _) = json_out(
        &root.join("fixtures"),
        &["template", "--isolated", "--format", "sarif", "templates"],
    );
    assert_valid_sarif(&log);
    let uris: Vec<&str> = log["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
        })
        .collect();
    assert!(uris.contains(&"templates/uusi-tunnus.j2"), "{uris:?}");
    let j2 = log["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "plaintext-password")
        .unwrap();
    assert!(j2["locations"][0]["physicalLocation"]["region"]["startLine"].as_u64() > Some(1));
}

#[test]
fn github_annotations() {
    let out = bingo_in(
        &crate::root().join("fixtures"),
        &["template", "--isolated", "--format", "github", "templates"],
    );
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines.iter().all(|l| l.starts_with("::")),
        "only workflow commands: {text}"
    );
    assert!(
        lines.contains(&"::error file=templates/uusi-tunnus.j2,line=4,col=55,title=bingo plaintext-password::a password placeholder: the template sends passwords by email / salasanakenttä mallipohjassa — “{{ password }}”"),
        "{text}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("::warning file=templates/palautus.hbs,line=3,col=1,")),
        "{text}"
    );
}

#[test]
fn per_file_ignores_apply_to_matching_files_only() {
    let dir = template_copy();
    std::fs::write(
        dir.path().join("bingo.toml"),
        "[per-file-ignores]\n\"macros/*.json\" = [\"password\"]\n\"*.hbs\" = [\"canned-phrase\", \"vague\"]\n",
    )
    .unwrap();
    let (report, _) = json_out(dir.path(), &["template", "--format", "json", "."]);
    let all = findings(&report);
    assert!(
        !all.iter()
            .any(|f| f.0 == "zendesk-macros.json" && f.1 == "plaintext-password"),
        "{all:#?}"
    );
    assert!(!all.iter().any(|f| f.0 == "palautus.hbs"), "{all:#?}");
    // Other files keep those rules.
    has(&all, "uusi-tunnus.j2", "plaintext-password", 4, 55);
    has(&all, "canned-responses.csv", "canned-phrase", 5, 14);
    // A bad rule name in the config is an error naming it.
    std::fs::write(
        dir.path().join("bingo.toml"),
        "[per-file-ignores]\n\"*.j2\" = [\"no-such-rule\"]\n",
    )
    .unwrap();
    let out = bingo_in(dir.path(), &["template", "."]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no-such-rule"), "{}", stderr(&out));
}

#[test]
fn config_precedence_and_errors() {
    let dir = template_copy();
    let sub = dir.path().join("macros");
    std::fs::write(
        dir.path().join(".bingo.toml"),
        "max-score = 2\nignore = [\"vague-wording\"]\nsquare-threshold = \"25%\"\n",
    )
    .unwrap();
    // Found in a parent folder; every key says where it came from.
    let out = bingo_in(&sub, &["check", "--show-settings", "--max-score", "5", "."]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains(".bingo.toml"), "{text}");
    assert!(text.contains("max-score = 5    # command line"), "{text}");
    assert!(
        text.contains("ignore = [\"vague-wording\"]    # "),
        "{text}"
    );
    assert!(text.contains("square-threshold = \"25%\"    # "), "{text}");
    assert!(text.contains("lang = \"auto\"    # default"), "{text}");
    let out = bingo_in(&sub, &["config", "--show", "--isolated"]);
    assert!(stdout(&out).contains("max-score = 0    # default"));
    // The file's max-score 2 lets the scores-2 macro pass…
    let code = |args: &[&str]| bingo_in(dir.path(), args).status.code();
    assert_eq!(
        code(&["template", "--select", "greeting,canned", "palautus.hbs"]),
        Some(0)
    );
    // …the command line wins over it…
    assert_eq!(
        code(&[
            "template",
            "--select",
            "greeting,canned",
            "--max-score",
            "0",
            "palautus.hbs"
        ]),
        Some(1)
    );
    // …and --isolated ignores the file.
    assert_eq!(code(&["template", "--isolated", "palautus.hbs"]), Some(1));
    // Unknown keys and bad values name the file, the key and what is allowed.
    for (text, expected) in [
        ("max-scor = 2\n", vec!["max-scor", "max-score"]),
        ("max-score = \"lots\"\n", vec!["max-score"]),
        (
            "square-threshold = 120\n",
            vec!["square-threshold", "between 0 and 100"],
        ),
        ("lang = \"de\"\n", vec!["lang", "fi", "sv"]),
        ("select = [\"no-such-rule\"]\n", vec!["no-such-rule"]),
    ] {
        std::fs::write(dir.path().join(".bingo.toml"), text).unwrap();
        let out = bingo_in(dir.path(), &["template", "palautus.hbs"]);
        assert_eq!(out.status.code(), Some(2), "{text}");
        let err = stderr(&out);
        for word in expected {
            assert!(err.contains(word), "{text}: {err}");
        }
        if !text.starts_with("select") {
            assert!(err.contains(".bingo.toml"), "{text}: {err}");
        }
    }
}

#[test]
fn baseline_reports_only_new_findings_and_survives_moved_lines() {
    let dir = template_copy();
    let run = |args: &[&str]| bingo_in(dir.path(), args);
    let out = run(&[
        "template",
        "--isolated",
        "--write-baseline",
        "baseline.json",
        ".",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let baseline: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("baseline.json")).unwrap())
            .unwrap();
    assert!(baseline["findings"].as_array().unwrap().len() >= 6);
    let with_baseline = [
        "template",
        "--isolated",
        "--baseline",
        "baseline.json",
        "--format",
        "json",
        ".",
    ];
    let (report, code) = json_out(dir.path(), &with_baseline);
    assert_eq!(code, Some(0), "nothing new: {report}");
    assert!(findings(&report).is_empty());
    // Moving lines does not make old findings new.
    let hbs = dir.path().join("palautus.hbs");
    let text = std::fs::read_to_string(&hbs).unwrap();
    std::fs::write(&hbs, format!("{{{{! moved }}}}\n\n\n{text}")).unwrap();
    let (report, code) = json_out(dir.path(), &with_baseline);
    assert_eq!(code, Some(0), "{report}");
    // A new stock phrase is reported, and only it.
    std::fs::write(
        &hbs,
        text.replace(
            "Ystävällisin",
            "Pahoittelemme aiheutunutta vaivaa.\n\nYstävällisin",
        ),
    )
    .unwrap();
    let (report, code) = json_out(dir.path(), &with_baseline);
    assert_eq!(code, Some(1), "{report}");
    let all = findings(&report);
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!(all[0].1, "canned-phrase");
    // A file that is not a baseline is an error naming it.
    std::fs::write(dir.path().join("bad.json"), "{\"x\": 1}").unwrap();
    let out = run(&["template", "--isolated", "--baseline", "bad.json", "."]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("bad.json"));
}

#[test]
fn completions_and_man_page() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = bingo(&["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let script = stdout(&out);
        for word in ["check", "template", "max-score", "format"] {
            assert!(script.contains(word), "{shell} completion lacks {word}");
        }
    }
    assert_eq!(bingo(&["completions", "tcsh"]).status.code(), Some(2));
    let out = bingo(&["man"]);
    let page = stdout(&out);
    assert!(
        page.starts_with(".ie") || page.contains(".TH bingo"),
        "{page}"
    );
    assert!(page.contains("template"));
}

#[test]
fn pre_commit_hook_runs_bingo_template() {
    let text = std::fs::read_to_string(crate::root().join(".pre-commit-hooks.yaml")).unwrap();
    assert!(text.contains("- id: bingo-template"), "{text}");
    assert!(text.contains("entry: bingo template"), "{text}");
    // Every extension the hook passes is one `bingo template` reads.
    for ext in [
        "txt", "md", "html", "hbs", "liquid", "j2", "tmpl", "mustache", "po",
    ] {
        assert!(text.contains(ext), "{ext}");
    }
}
