//! The parallel pipeline: the same output whatever the number of threads,
//! and inputs left exactly as they were.

use std::fs;

use crate::input::snapshot;
use crate::{check_ndjson, fixture, run};

/// `bingo check --format ndjson` over the demo and the mail fixtures.
fn ndjson(threads: &str) -> crate::Run {
    check_ndjson(
        threads,
        &[fixture("demo"), fixture("mail"), fixture("replies")],
    )
}

#[test]
fn output_is_the_same_whatever_the_thread_count() {
    let one = ndjson("1");
    let four = ndjson("4");
    one.assert_sane();
    assert!(
        one.stdout.lines().count() > 20,
        "the fixtures hold replies:\n{}",
        one.stdout
    );
    assert_eq!(one.stdout, four.stdout);
    assert_eq!(one.stderr, four.stderr);
    assert_eq!(one.code, four.code);
}

#[test]
fn zero_threads_means_every_core_and_bad_counts_are_refused() {
    let all = ndjson("0");
    assert_eq!(all.stdout, ndjson("1").stdout);
    let bad = run(["check", "--threads", "many", "fixtures/demo"]);
    assert_eq!(bad.code, Some(2));
    assert!(bad.stderr.contains("--threads"), "{}", bad.stderr);
}

#[test]
fn inputs_are_never_modified() {
    // A copy, so that nothing else touching the fixtures can interfere.
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "demo/tuki.mbox",
        "replies/password.eml",
        "replies/typical.eml",
    ] {
        let to = dir.path().join(name.replace('/', "-"));
        fs::copy(fixture(name), to).unwrap();
    }
    let maildir = fixture("mail/maildir");
    for sub in ["cur", "new"] {
        fs::create_dir_all(dir.path().join("maildir").join(sub)).unwrap();
        for entry in fs::read_dir(maildir.join(sub)).unwrap() {
            let entry = entry.unwrap();
            fs::copy(
                entry.path(),
                dir.path().join("maildir").join(sub).join(entry.file_name()),
            )
            .unwrap();
        }
    }
    // `bingo check` in every format, and `bingo show`, on mbox, Maildir
    // and single messages (content and modification time compared).
    let before = snapshot(dir.path());
    assert!(before.len() >= 4);
    for args in [
        vec!["check", "--isolated", "--exit-zero", "--format", "ndjson"],
        vec![
            "check",
            "--isolated",
            "--exit-zero",
            "--format",
            "json",
            "--threads",
            "1",
        ],
        vec![
            "check",
            "--isolated",
            "--exit-zero",
            "--format",
            "sarif",
            "--all",
        ],
        vec!["show", "--isolated", "--format", "json"],
    ] {
        let mut args: Vec<std::ffi::OsString> = args.into_iter().map(Into::into).collect();
        args.push(dir.path().into());
        run(args).assert_sane();
    }
    assert_eq!(snapshot(dir.path()), before);
}
