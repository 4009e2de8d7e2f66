//! Bad input never panics or hangs: broken fixtures, and huge or deep
//! inputs generated here (never committed). Every run has a deadline
//! ([`crate::DEADLINE`]).

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use crate::{check_ndjson, field, fixture, root, run, show_json};

fn show_one(path: &Path) -> crate::Run {
    show_json([path])
}

#[test]
fn empty_file_is_an_error_naming_it() {
    let run = show_one(&fixture("mail/broken/empty.eml"));
    run.assert_code(2);
    assert!(run.stderr.contains("empty.eml"), "{}", run.stderr);
    assert!(run.stderr.contains("empty"), "{}", run.stderr);
    assert_eq!(run.messages().len(), 0);
}

#[test]
fn binary_garbage_is_an_error_naming_it() {
    let run = show_one(&fixture("mail/broken/garbage.bin"));
    run.assert_code(2);
    assert!(run.stderr.contains("garbage.bin: binary"), "{}", run.stderr);
}

#[test]
fn truncated_mbox_keeps_what_is_there() {
    let run = show_one(&fixture("mail/broken/truncated.mbox"));
    run.assert_sane();
    let messages = run.messages();
    assert!(!messages.is_empty());
    assert_eq!(field(&messages[0], "body"), "ensimmäinen viesti on ehjä.");
}

#[test]
fn message_without_body() {
    for file in ["mail/broken/no-body.eml", "mail/broken/headers-only.eml"] {
        let message = show_one(&fixture(file)).assert_code(0).message();
        assert_eq!(field(&message, "body"), "", "{file}");
        assert_eq!(field(&message, "greeting"), "", "{file}");
    }
}

/// An unknown charset label over UTF-8 bytes reads as UTF-8.
#[test]
fn invalid_charset_name_over_utf8() {
    assert_eq!(
        field(
            &show_one(&fixture("mail/broken/invalid-charset.eml")).message(),
            "body"
        ),
        "OUTO MERKISTÖ: hyvää päivää silti."
    );
}

/// `unknown-8bit` over Latin-1 bytes: no replacement characters.
#[test]
fn unknown_8bit_charset_over_latin1() {
    assert_eq!(
        field(
            &show_one(&fixture("mail/broken/unknown-8bit.eml")).message(),
            "body"
        ),
        "TUNTEMATON 8BIT: hyvää päivää."
    );
}

#[test]
fn missing_end_boundary_keeps_the_text() {
    let message = show_one(&fixture("mail/broken/missing-end-boundary.eml")).message();
    assert_eq!(field(&message, "greeting"), "Hei Anna,");
    assert_eq!(
        field(&message, "body"),
        "PUUTTUVA LOPPURAJA: viesti katkeaa kesken."
    );
}

/// A multipart whose boundary never appears (or is not given) is shown as
/// the text it is.
#[test]
fn multipart_without_its_boundary_is_read_as_text() {
    for (file, text) in [
        (
            "mail/broken/wrong-boundary.eml",
            "VÄÄRÄ RAJA: osat eivät ala ilmoitetulla rajalla.",
        ),
        (
            "mail/broken/no-boundary-parameter.eml",
            "EI RAJAA: multipart ilman boundary-parametria.",
        ),
    ] {
        let message = show_one(&fixture(file)).assert_code(0).message();
        assert!(field(&message, "body").contains(text), "{file}: {message}");
    }
}

/// Bad base64 keeps the part that decodes instead of showing base64.
#[test]
fn bad_base64_keeps_the_decodable_start() {
    let message = show_one(&fixture("mail/broken/bad-base64.eml")).message();
    let body = field(&message, "body");
    assert!(body.contains("RIKKINÄINEN BASE64 alkaa hyvin"), "{body}");
    assert!(!body.contains("SGVp"), "{body}");
}

#[test]
fn bad_quoted_printable_keeps_the_text() {
    let message = show_one(&fixture("mail/broken/bad-quoted-printable.eml")).message();
    assert!(field(&message, "body").starts_with("RIKKINAINEN QP: =ZZ =4 ä"));
}

/// Walking the whole broken folder: the files that are mail are shown,
/// the rest skipped, and nothing panics.
#[test]
fn broken_folder_walked() {
    let run = show_json([fixture("mail/broken")]);
    run.assert_sane();
    assert!(run.messages().len() >= 10, "{}", run.stdout);
}

// ---- generated inputs -----------------------------------------------------

const TEN_MB: usize = 10 * 1024 * 1024;

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, bytes).unwrap();
    path
}

fn headers(subject: &str, content_type: &str) -> String {
    format!(
        "From: Mikko Laine <mikko.laine@kesakassi.example>\n\
         To: Anna Virtanen <anna.virtanen@example.com>\n\
         Subject: {subject}\n\
         Date: Mon, 2 Nov 2026 12:00:00 +0200\n\
         Message-ID: <generated@kesakassi.example>\n\
         MIME-Version: 1.0\n\
         Content-Type: {content_type}\n"
    )
}

#[test]
fn ten_megabyte_lines() {
    let dir = tempfile::tempdir().unwrap();
    let words = "Hei Anna, ".to_string() + &"kassi ".repeat(TEN_MB / 6) + "\n";
    let solid = "x".repeat(TEN_MB) + "\n";
    let html = "<p>Hei Anna,</p><p>".to_string() + &"kassi ".repeat(TEN_MB / 6) + "</p>\n";
    let plain = headers("VS: Pitkä rivi", "text/plain; charset=utf-8");
    let cases = [
        write(
            dir.path(),
            "words.eml",
            format!("{plain}\n{words}").as_bytes(),
        ),
        write(
            dir.path(),
            "solid.eml",
            format!("{plain}\n{solid}").as_bytes(),
        ),
        write(
            dir.path(),
            "html.eml",
            format!(
                "{}\n{html}",
                headers("VS: Pitkä", "text/html; charset=utf-8")
            )
            .as_bytes(),
        ),
        write(
            dir.path(),
            "header.eml",
            format!(
                "Subject: {}\nFrom: a@example.com\n\nHei Anna,\nlyhyt runko.\n",
                "otsake ".repeat(TEN_MB / 7)
            )
            .as_bytes(),
        ),
        write(
            dir.path(),
            "long.mbox",
            format!(
                "From a@example.com Mon Nov  2 12:00:00 2026\n{plain}\n{words}\n\
                 From b@example.com Mon Nov  2 12:01:00 2026\n{plain}\nHei Anna,\nlyhyt.\n"
            )
            .as_bytes(),
        ),
    ];
    for path in &cases {
        let run = show_one(path);
        run.assert_sane();
        if run.code == Some(0) {
            assert!(!run.messages().is_empty(), "{}", path.display());
        } else {
            assert!(
                run.stderr.contains(&*path.to_string_lossy()),
                "{}",
                run.stderr
            );
        }
    }
    let messages = show_one(&cases[4]).messages();
    assert_eq!(messages.len(), 2);
    assert_eq!(field(&messages[1], "body"), "lyhyt.");
}

/// A multipart nested 1000 deep, innermost a text part.
fn nested_multipart(depth: usize) -> String {
    let mut mail = headers("VS: Syvä", "multipart/mixed; boundary=\"b0\"") + "\n";
    for level in 0..depth {
        let _ = write!(
            mail,
            "--b{level}\nContent-Type: multipart/mixed; boundary=\"b{}\"\n\n",
            level + 1
        );
    }
    let _ = write!(
        mail,
        "--b{depth}\nContent-Type: text/plain; charset=utf-8\n\nHei Anna,\nSYVÄLLÄ: sisin osa.\n--b{depth}--\n"
    );
    for level in (0..depth).rev() {
        let _ = writeln!(mail, "--b{level}--");
    }
    mail
}

/// Messages attached inside messages, 1000 deep.
fn nested_messages(depth: usize) -> String {
    let mut mail = String::new();
    for level in 0..depth {
        let _ = write!(
            mail,
            "From: kerros{level}@example.com\nSubject: kerros {level}\nMIME-Version: 1.0\nContent-Type: message/rfc822\n\n"
        );
    }
    mail + "From: a@example.com\nSubject: sisin\nContent-Type: text/plain\n\nSISIN VIESTI\n"
}

#[test]
fn deeply_nested_multiparts() {
    let dir = tempfile::tempdir().unwrap();
    for (name, mail) in [
        ("multipart.eml", nested_multipart(1000)),
        ("multipart-unclosed.eml", {
            let full = nested_multipart(1000);
            full[..full.find("SYVÄLLÄ").unwrap() + 20].to_string()
        }),
        ("messages.eml", nested_messages(1000)),
        (
            "html.eml",
            headers("VS: Syvä HTML", "text/html; charset=utf-8")
                + "\n"
                + &"<div><blockquote>".repeat(5000)
                + "SYVÄ HTML"
                + &"</blockquote></div>".repeat(5000),
        ),
        (
            "html-unclosed.eml",
            headers("VS: Syvä HTML", "text/html; charset=utf-8")
                + "\n"
                + &"<table><tr><td><ul><li>".repeat(3000)
                + "AUKI",
        ),
    ] {
        let path = write(dir.path(), name, mail.as_bytes());
        let run = show_one(&path);
        run.assert_sane();
    }
    let message = show_one(&dir.path().join("multipart.eml")).message();
    assert!(
        field(&message, "body").contains("SYVÄLLÄ: sisin osa."),
        "{message}"
    );
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_reported_not_followed_forever() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let mailbox = dir.path().join("laatikko");
    fs::create_dir_all(mailbox.join("alikansio")).unwrap();
    fs::copy(
        fixture("mail/encoding/utf-8.eml"),
        mailbox.join("vastaus.eml"),
    )
    .unwrap();
    symlink(&mailbox, mailbox.join("alikansio/silmukka")).unwrap();
    symlink("itse", mailbox.join("itse")).unwrap();
    let run = show_json([&mailbox]);
    run.assert_code(2);
    assert!(run.stderr.contains("silmukka"), "{}", run.stderr);
    assert!(run.stderr.contains("itse"), "{}", run.stderr);
    assert_eq!(run.messages().len(), 1);
    // Named directly, a looping link is an error too.
    let run = show_json([mailbox.join("itse"), mailbox.join("vastaus.eml")]);
    run.assert_code(2);
    assert!(run.stderr.contains("itse"), "{}", run.stderr);
    assert_eq!(run.messages().len(), 1);
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
}

/// A FIFO met while walking a folder is never opened (it would block).
#[cfg(unix)]
#[test]
fn fifo_in_a_walked_folder_is_skipped() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(
        fixture("mail/encoding/utf-8.eml"),
        dir.path().join("vastaus.eml"),
    )
    .unwrap();
    mkfifo(&dir.path().join("putki"));
    let run = show_json([dir.path()]);
    run.assert_code(0);
    assert_eq!(run.messages().len(), 1);
}

/// A FIFO named on the command line is read like stdin.
#[cfg(unix)]
#[test]
fn named_fifo_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("putki");
    mkfifo(&fifo);
    let bytes = fs::read(fixture("mail/quotes/fi/gmail.eml")).unwrap();
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::write(fifo, bytes))
    };
    let run = show_json([&fifo]);
    writer.join().unwrap().unwrap();
    run.assert_code(0);
    assert_eq!(field(&run.message(), "greeting"), "Hei Anna,");
}

#[test]
fn invalid_utf8_in_file_names_and_headers() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = b"From: \xff\xfe <x@example.com>\nSubject: =?UTF-8?B?////?= \xc3\x28\n\
        Message-ID: <\xe4@example.com>\nContent-Type: text/plain; charset=\"\xff\"\n\n"
        .to_vec();
    bytes.extend_from_slice(b"Hei \xe4\xf6,\nrunko \xff\xfe\n");
    let path = write(dir.path(), "outo.eml", &bytes);
    show_one(&path).assert_code(0);
}

/// Runs `bingo show` over every file of the shared corpus, a few hundred
/// files per run. Slow, so ignored by default:
/// `cargo test -- --ignored corpus`.
#[test]
#[ignore = "slow: reads the whole shared corpus"]
fn whole_shared_corpus_never_panics() {
    let corpus = root().join("../shared/corpus");
    if !corpus.is_dir() {
        eprintln!("note: {} is absent, nothing to check", corpus.display());
        return;
    }
    let mut files = Vec::new();
    let mut stack = vec![corpus];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let meta = fs::symlink_metadata(&path).unwrap();
            if meta.is_dir() {
                stack.push(path);
            } else if meta.is_file() {
                files.push(path);
            }
        }
    }
    files.sort();
    for chunk in files.chunks(200) {
        let mut args: Vec<std::ffi::OsString> = ["show", "--isolated", "--format", "json"]
            .into_iter()
            .map(Into::into)
            .collect();
        args.extend(chunk.iter().map(|p| p.clone().into_os_string()));
        let run = run(args);
        let sane = !run.stderr.contains("panicked") && matches!(run.code, Some(0 | 2));
        if !sane {
            // Find the file to blame.
            for file in chunk {
                show_one(file);
            }
        }
        run.assert_sane();
    }
    eprintln!("note: {} corpus files read", files.len());
}

/// Every hostile input in one folder, through the whole check (every rule,
/// parallel): no panic, errors name their files, the good reply is still
/// reported.
#[test]
fn whole_check_survives_hostile_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let plain = headers("VS: Pitkä rivi", "text/plain; charset=utf-8");
    write(
        dir.path(),
        "long-line.eml",
        format!("{plain}\nHei Anna, {}\n", "kassi ".repeat(TEN_MB / 6)).as_bytes(),
    );
    write(dir.path(), "deep.eml", nested_multipart(1000).as_bytes());
    write(dir.path(), "messages.eml", nested_messages(1000).as_bytes());
    write(
        dir.path(),
        "garbage.mbox",
        &(0..200_000u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect::<Vec<u8>>(),
    );
    write(
        dir.path(),
        "wrong-charset.eml",
        b"From: a@example.com\nSubject: Re: x\nContent-Type: text/plain; charset=utf-16\n\nHei Anna,\n\xff\xfe\xe4 kiitos\n",
    );
    write(
        dir.path(),
        "truncated.mbox",
        format!(
            "From a@example.com x\n{plain}Content-Transfer-Encoding: base64\n\nSGVpIEFubmEs\nCgpr"
        )
        .as_bytes(),
    );
    fs::copy(
        fixture("replies/typical.eml"),
        dir.path().join("zz-good.eml"),
    )
    .unwrap();
    let run = check_ndjson("2", &[dir.path()]);
    run.assert_sane();
    assert!(run.stdout.contains("zz-good.eml"), "{}", run.stdout);
    for line in run.stdout.lines() {
        serde_json::from_str::<serde_json::Value>(line).expect("each line is JSON");
    }
}

/// An unreadable file is an error naming it; the other inputs are read.
/// Skipped when running as root, for whom nothing is unreadable.
#[cfg(unix)]
#[test]
fn unreadable_file_is_an_error_naming_it() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let locked = dir.path().join("lukittu.eml");
    fs::copy(fixture("replies/typical.eml"), &locked).unwrap();
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::File::open(&locked).is_ok() {
        eprintln!("note: running as root, an unreadable file cannot be made");
        return;
    }
    let good = fixture("replies/clean.eml");
    let run = show_json([locked.as_path(), good.as_path()]);
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o644)).unwrap();
    run.assert_code(2);
    assert!(
        run.stderr.contains("lukittu.eml: permission denied"),
        "{}",
        run.stderr
    );
    assert_eq!(run.messages().len(), 1);
}

/// A mailbox rewritten and truncated while it is read: whatever is read is
/// linted, nothing panics or hangs.
#[test]
fn file_that_changes_while_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("muuttuva.mbox");
    let one = fs::read(fixture("demo/tuki.mbox")).unwrap();
    let big = one.repeat(400);
    fs::write(&path, &big).unwrap();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writer = {
        let (path, stop) = (path.clone(), std::sync::Arc::clone(&stop));
        std::thread::spawn(move || {
            let mut round = 0usize;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                // Truncate to a random-ish point, then grow it back.
                let cut = (round * 7919) % big.len();
                let file = fs::OpenOptions::new().write(true).open(&path).unwrap();
                file.set_len(cut as u64).unwrap();
                fs::write(&path, &big).unwrap();
                round += 1;
            }
            round
        })
    };
    for threads in ["1", "2"] {
        check_ndjson(threads, &[&path]).assert_sane();
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    assert!(writer.join().unwrap() > 0, "the file was changed meanwhile");
}

/// A mailbox of broken messages lists the first errors and counts the
/// rest: each is an error (exit 2), but memory does not grow with them.
#[test]
fn errors_past_the_cap_are_counted_not_kept() {
    let dir = tempfile::tempdir().unwrap();
    let mbox = dir.path().join("rikki.mbox");
    let mut text = String::from(
        "From a@example.fi Mon Nov  2 10:00:00 2026\nFrom: a@example.fi\nSubject: Re: Tilaus\n\nHei Anna,\n\nPaketti lähti.\n\n",
    );
    let broken = bingo::input::MAX_ERRORS + 25;
    for _ in 0..broken {
        text.push_str("From x@example.fi Mon Nov  2 10:00:00 2026\n\n");
    }
    // The last separator opens a message of its own that parses.
    text.push_str(
        "From b@example.fi Mon Nov  2 10:00:00 2026\nFrom: b@example.fi\nSubject: Re: X\n\nHei!\n",
    );
    fs::write(&mbox, text).unwrap();
    let run = check_ndjson("2", &[&mbox]);
    run.assert_code(2);
    let listed = run
        .stderr
        .lines()
        .filter(|l| l.contains("not a parsable email message"))
        .count();
    assert_eq!(listed, bingo::input::MAX_ERRORS);
    let more = broken - bingo::input::MAX_ERRORS;
    assert!(
        run.stderr
            .contains(&format!("{more} more errors not listed")),
        "{}",
        run.stderr
    );
    let last: serde_json::Value = serde_json::from_str(run.stdout.lines().last().unwrap()).unwrap();
    assert_eq!(
        last["errors"].as_array().unwrap().len(),
        bingo::input::MAX_ERRORS
    );
    assert_eq!(last["summary"]["errors_omitted"], more);
    assert_eq!(last["summary"]["messages"], 2);
}

/// A quoted customer message of tens of thousands of questions (a pasted
/// log, a loop gone wrong) is judged by its first ones: before the cap
/// this one reply took minutes.
#[test]
fn thousands_of_customer_questions_do_not_hang() {
    let dir = tempfile::tempdir().unwrap();
    let mail = dir.path().join("kysymykset.eml");
    let mut text = String::from(
        "From: Tuki <tuki@kauppa.example>\nTo: anna@example.fi\nSubject: Re: Tilaukset\nIn-Reply-To: <q@example.fi>\n\nHei Anna,\n\npaketti lähti tänään.\n\nAnna kirjoitti:\n",
    );
    for n in 0..20_000 {
        let _ = writeln!(text, "> Milloin tilaus {n} tulee? Voiko sen noutaa?");
    }
    fs::write(&mail, text).unwrap();
    let run = check_ndjson("1", &[&mail]);
    run.assert_code(0);
    let message: serde_json::Value =
        serde_json::from_str(run.stdout.lines().next().unwrap()).unwrap();
    // "Voiko sen noutaa?" is left open.
    assert_eq!(message["squares"]["questions"], 1, "{}", run.stdout);
}
