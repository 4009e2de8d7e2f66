//! Input forms and decoding: charsets, transfer encodings, MIME structure,
//! mbox and Maildir, recognition by content, stdin, and what is skipped.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::{field, fixture, run, run_with_stdin, show_json};

fn body_of(file: &str) -> String {
    let message = show_json([fixture(file)]).assert_code(0).message();
    field(&message, "body").to_string()
}

#[test]
fn quoted_printable_soft_breaks_are_joined() {
    let body = body_of("mail/encoding/quoted-printable.eml");
    assert!(
        body.starts_with("hyvää päivää! Öljykankainen Rantakassi Aalto on taas varastossa."),
        "{body}"
    );
    assert!(
        body.contains(
            "Tämä rivi on niin pitkä, että quoted-printable joutuu katkaisemaan sen pehmeällä rivinvaihdolla kahteen osaan."
        ),
        "{body}"
    );
}

#[test]
fn base64_body() {
    assert_eq!(
        body_of("mail/encoding/base64.eml"),
        "hyvää päivää! Öljykankainen Rantakassi Aalto on taas varastossa.\n\
         Värit: sininen, keltainen ja ruskea."
    );
}

#[test]
fn iso_8859_1_body() {
    let message = show_json([fixture("mail/encoding/iso-8859-1.eml")]).message();
    assert_eq!(field(&message, "greeting"), "Hei Åsa,");
    assert_eq!(
        field(&message, "body"),
        "hyvää päivää! Öljykankainen Rantakassi kestää sateen ja märän hiekan."
    );
}

#[test]
fn iso_8859_15_euro_sign() {
    assert_eq!(
        body_of("mail/encoding/iso-8859-15.eml"),
        "Rantakassi Aalto maksaa 39,90 € ja toimitus 4,90 €.\nŠakkilaudan kuvio on painettu käsin."
    );
}

#[test]
fn windows_1252_curly_quotes() {
    assert_eq!(
        body_of("mail/encoding/windows-1252.eml"),
        "the “Trail Bag” isn’t waterproof – it’s water-resistant… It costs 59,90 €."
    );
}

#[test]
fn utf8_body_with_emoji() {
    assert_eq!(
        body_of("mail/encoding/utf-8.eml"),
        "tack för ditt meddelande! Väskan kostar 59,90 € och levereras på två–tre dagar 🙂"
    );
}

#[test]
fn crlf_line_endings_are_normalised() {
    let run = show_json([fixture("mail/encoding/crlf.eml")]);
    let message = run.message();
    assert_eq!(field(&message, "greeting"), "Hei Anna,");
    assert_eq!(field(&message, "body"), "rivit päättyvät CRLF-merkkeihin.");
    assert!(!run.stdout.contains("\\r"), "{}", run.stdout);
    // The Outlook fixtures are CRLF too.
    let run = show_json([fixture("mail/quotes/fi/outlook.eml")]);
    assert!(!run.stdout.contains("\\r"), "{}", run.stdout);
}

#[test]
fn encoded_word_headers() {
    let run = run([
        "show".as_ref(),
        "--isolated".as_ref(),
        "--color".as_ref(),
        "never".as_ref(),
        fixture("mail/encoding/encoded-words.eml").as_os_str(),
    ]);
    run.assert_code(0);
    for expected in [
        "from      Sanna Heikkilä <sanna.heikkila@kesakassi.example>",
        "to        Aino Mäkinen <aino.makinen@example.com>",
        "subject   VS: Kylmälaukun kädensija irtosi",
        "customer  Aino Mäkinen",
        "greeting │ Hei Aino,",
    ] {
        assert!(
            run.stdout.contains(expected),
            "{expected:?} in\n{}",
            run.stdout
        );
    }
    assert!(!run.stdout.contains("=?"), "{}", run.stdout);
}

#[test]
fn plain_text_wins_over_html() {
    let run = show_json([fixture("mail/encoding/alternative.eml")]);
    let message = run.message();
    assert_eq!(
        field(&message, "body"),
        "PLAIN-OSA: Retkikassi lähti tänään."
    );
    assert!(!run.stdout.contains("HTML-OSA"), "{}", run.stdout);
}

#[test]
fn html_only_is_turned_into_text_with_its_quote() {
    let run = show_json([fixture("mail/encoding/html-only.eml")]);
    let message = run.message();
    assert_eq!(field(&message, "greeting"), "Hei Anna,");
    assert_eq!(
        field(&message, "body"),
        "Piknik-viltti Kesäheinä on pestävissä 40 asteessa."
    );
    assert_eq!(field(&message, "closing"), "Terveisin");
    assert_eq!(
        field(&message, "customer_text"),
        "Voiko piknik-viltin pestä koneessa?"
    );
    for markup in ["<p>", "&auml;", "margin", "<blockquote"] {
        assert!(!run.stdout.contains(markup), "{markup} in {}", run.stdout);
    }
}

#[test]
fn attachments_are_ignored() {
    let run = show_json([fixture("mail/encoding/attachment.eml")]);
    let message = run.message();
    assert_eq!(
        field(&message, "body"),
        "liitteenä on palautuslomake ja toimitusehdot."
    );
    for leaked in ["LIITTEEN TEKSTI", "pykälä", "PDF", "JVBER"] {
        assert!(!run.stdout.contains(leaked), "{leaked} in {}", run.stdout);
    }
}

#[test]
fn mboxrd_from_escaping_loses_one_level() {
    let run = show_json([fixture("mail/mbox/mboxrd.mbox")]);
    let messages = run.messages();
    assert_eq!(messages.len(), 2);
    let body = field(&messages[0], "body");
    assert!(body.contains("\nFrom now on I keep it outside"), "{body}");
    assert!(!body.contains(">From now on"), "{body}");
    let quoted = field(&messages[0], "quoted");
    assert!(quoted.starts_with(">From the archive"), "{quoted}");
    assert!(!quoted.contains(">>From"), "{quoted}");
    assert_eq!(field(&messages[1], "greeting"), "Hei Anna,");
}

/// A reply with no quote finds the customer's message through
/// In-Reply-To in the same mbox.
#[test]
fn reply_without_quote_finds_its_parent_in_the_mbox() {
    let messages = show_json([fixture("mail/mbox/mboxrd.mbox")]).messages();
    assert_eq!(field(&messages[1], "quoted"), "");
    let customer = field(&messages[1], "customer_text");
    assert!(
        customer.contains("saunakassini haisee savulta."),
        "{customer}"
    );
}

#[test]
fn thunderbird_mbox_without_extension() {
    let messages = show_json([fixture("mail/mbox/Inbox")])
        .assert_code(0)
        .messages();
    assert_eq!(messages.len(), 2);
    for (n, message) in messages.iter().enumerate() {
        assert_eq!(message["index"], n);
        assert_eq!(field(message, "greeting"), "Hei Aino,");
        assert!(field(message, "file").ends_with("Inbox"));
    }
    assert_eq!(
        field(&messages[1], "body"),
        "kyllä, kylmälaukkuun mahtuu kaksi litran pulloa pystyyn."
    );
}

#[test]
fn mbox_with_extension() {
    let message = show_json([fixture("mail/mbox/sent.mbox")])
        .assert_code(0)
        .message();
    assert_eq!(field(&message, "greeting"), "Hej Karin,");
    assert_eq!(field(&message, "message_id"), "sent-1@kesakassi.example");
}

#[test]
fn a_folder_of_mailboxes_is_walked_in_name_order() {
    let messages = show_json([fixture("mail/mbox")]).assert_code(0).messages();
    let files: Vec<String> = messages
        .iter()
        .map(|m| {
            Path::new(field(m, "file"))
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(
        files,
        ["Inbox", "Inbox", "mboxrd.mbox", "mboxrd.mbox", "sent.mbox"]
    );
}

#[test]
fn maildir_reads_cur_and_new_and_skips_tmp() {
    let run = show_json([fixture("mail/maildir")]);
    run.assert_code(0);
    let bodies: Vec<String> = run
        .messages()
        .iter()
        .map(|m| field(m, "body").to_string())
        .collect();
    assert_eq!(
        bodies,
        [
            "MAILDIR-CUR: viesti luettujen kansiosta.",
            "MAILDIR-NEW: uusi, lukematon viesti."
        ]
    );
    assert!(!run.stdout.contains("MAILDIR-TMP"), "{}", run.stdout);
    assert_eq!(run.stderr, "");
}

#[test]
fn mail_is_recognised_by_content_whatever_its_name() {
    let named = show_json([fixture("mail/sniff/vastaus-varmuuskopio.dat")])
        .assert_code(0)
        .message();
    assert!(field(&named, "body").starts_with("TUNNISTETTU SISÄLLÖSTÄ"));
    let walked = show_json([fixture("mail/sniff")]).assert_code(0).message();
    assert_eq!(named["body"], walked["body"]);
}

#[test]
fn walked_folders_skip_non_mail_without_error() {
    let run = show_json([fixture("mail/mixed")]);
    run.assert_code(0);
    assert_eq!(run.stderr, "");
    let message = run.message();
    assert!(field(&message, "file").ends_with("vastaus.eml"));
    assert_eq!(
        field(&message, "body"),
        "SEKAKANSION VIESTI: ainoa sähköposti tässä kansiossa."
    );
}

/// A file named on the command line that is not mail is an error naming
/// it (exit 2); the other inputs are still shown.
#[test]
fn named_non_mail_files_are_errors_and_the_rest_is_shown() {
    for (bad, why) in [
        ("mail/mixed/muistiinpanot.txt", "not an email"),
        ("mail/mixed/README.md", "not an email"),
        ("mail/mixed/logo.png", "binary"),
        ("mail/mixed/tyhjä.txt", "empty"),
    ] {
        let run = show_json([fixture(bad), fixture("mail/mixed/vastaus.eml")]);
        run.assert_code(2);
        let name = Path::new(bad).file_name().unwrap().to_str().unwrap();
        let line = run
            .stderr
            .lines()
            .find(|line| line.contains(name))
            .unwrap_or_else(|| panic!("no error naming {name}: {}", run.stderr));
        assert!(line.contains(why), "{line}");
        let message = run.message();
        assert!(field(&message, "file").ends_with("vastaus.eml"));
    }
}

#[test]
fn missing_input_is_an_error_and_the_rest_is_shown() {
    let run = show_json([
        fixture("mail/ei-ole-olemassa.eml"),
        fixture("mail/encoding/utf-8.eml"),
    ]);
    run.assert_code(2);
    assert!(run.stderr.contains("ei-ole-olemassa.eml"), "{}", run.stderr);
    assert!(run.stderr.contains("no such file"), "{}", run.stderr);
    assert_eq!(run.messages().len(), 1);
}

#[test]
fn dash_reads_stdin() {
    let bytes = fs::read(fixture("mail/quotes/fi/gmail.eml")).unwrap();
    let run = run_with_stdin(["show", "--isolated", "--format", "json", "-"], Some(bytes));
    run.assert_code(0);
    let message = run.message();
    assert_eq!(field(&message, "file"), "-");
    assert_eq!(field(&message, "greeting"), "Hei Anna,");
    assert_eq!(field(&message, "closing"), "Ystävällisin terveisin");
}

#[test]
fn stdin_can_be_an_mbox_next_to_files() {
    let bytes = fs::read(fixture("mail/mbox/Inbox")).unwrap();
    let run = run_with_stdin(
        [
            "show".as_ref(),
            "--isolated".as_ref(),
            "--format".as_ref(),
            "json".as_ref(),
            fixture("mail/mbox/sent.mbox").as_os_str(),
            "-".as_ref(),
        ],
        Some(bytes),
    );
    run.assert_code(0);
    let files: Vec<String> = run
        .messages()
        .iter()
        .map(|m| field(m, "file").to_string())
        .collect();
    assert_eq!(files.len(), 3);
    assert!(files[0].ends_with("sent.mbox"));
    assert_eq!(files[1..], ["-", "-"]);
}

/// Content and modification time of every file under `dir`.
pub fn snapshot(dir: &Path) -> BTreeMap<PathBuf, (Vec<u8>, SystemTime)> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let meta = fs::symlink_metadata(&path).unwrap();
            if meta.is_dir() {
                stack.push(path);
            } else if meta.is_file() {
                out.insert(
                    path.clone(),
                    (fs::read(&path).unwrap(), meta.modified().unwrap()),
                );
            }
        }
    }
    out
}

#[test]
fn inputs_are_never_modified() {
    let fixtures = fixture("");
    let before = snapshot(&fixtures);
    assert!(before.len() > 50, "fixtures found: {}", before.len());
    show_json([fixture("mail"), fixture("demo")]);
    run([
        "show".as_ref(),
        "--isolated".as_ref(),
        "--color".as_ref(),
        "always".as_ref(),
        fixtures.as_os_str(),
    ])
    .assert_sane();
    let after = snapshot(&fixtures);
    assert_eq!(before.len(), after.len());
    for (path, (bytes, mtime)) in &before {
        let (bytes_after, mtime_after) = &after[path];
        assert!(bytes == bytes_after, "{} changed", path.display());
        assert_eq!(mtime, mtime_after, "{} touched", path.display());
    }
}
