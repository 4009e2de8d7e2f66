//! The demo mailbox in `fixtures/demo/` reads cleanly and splits the way
//! its README says.

use serde_json::Value;

use crate::{field, fixture, show_json};

fn demo() -> Vec<Value> {
    let run = show_json([fixture("demo")]);
    run.assert_code(0);
    assert_eq!(run.stderr, "");
    run.messages()
}

/// The message at `index` in the demo file whose name ends with `file`.
fn find<'a>(messages: &'a [Value], file: &str, index: usize) -> &'a Value {
    messages
        .iter()
        .find(|m| field(m, "file").ends_with(file) && m["index"] == index)
        .unwrap_or_else(|| panic!("no message {file} #{index}"))
}

#[test]
fn demo_mailbox_reads_without_errors() {
    let messages = demo();
    assert_eq!(messages.len(), 30);
    for message in &messages {
        assert!(!field(message, "message_id").is_empty(), "{message}");
        for part in ["greeting", "body", "customer_text", "quoted"] {
            assert!(
                !field(message, part).contains('\u{fffd}'),
                "a decoding error: {message}"
            );
        }
    }
    let files: Vec<&str> = messages.iter().map(|m| field(m, "file")).collect();
    assert_eq!(
        files.iter().filter(|f| f.ends_with("tuki.mbox")).count(),
        16
    );
    assert_eq!(files.iter().filter(|f| f.contains("/maildir/")).count(), 3);
}

#[test]
fn demo_greetings() {
    let messages = demo();
    for (file, index, greeting) in [
        ("tuki.mbox", 1, "Hei Anna,"),
        ("tuki.mbox", 3, ""),
        ("tuki.mbox", 5, "Hyvä asiakas,"),
        (
            "tuki.mbox",
            7,
            "[#2291] Tukipyyntönne on päivitetty\nHei Emmi,",
        ),
        ("tuki.mbox", 8, "Moro Raimo!"),
        ("support-en.mbox", 2, "Dear Customer,"),
        ("kundtjanst-sv.mbox", 2, "Hej!"),
        ("kundtjanst-sv.mbox", 4, ""),
    ] {
        let message = find(&messages, file, index);
        assert_eq!(field(message, "greeting"), greeting, "{file} #{index}");
    }
}

#[test]
fn demo_encodings_decode() {
    let messages = demo();
    // ISO-8859-1 body.
    let formal = find(&messages, "tuki.mbox", 8);
    assert!(field(formal, "quoted").contains("hallintopäällikkö, Lehtosen Puu Oy"));
    // base64 body.
    let password = find(&messages, "tuki.mbox", 12);
    assert!(field(password, "body").starts_with("nollasin tilisi salasanan."));
    // HTML only, the quote in a <blockquote>.
    let html = find(&messages, "tuki.mbox", 6);
    assert!(field(html, "body").starts_with("Tuote kuuluu takuun piiriin."));
    assert!(field(html, "customer_text").contains("Rantakassi Aallon olkahihna irtosi"));
    assert!(!field(html, "body").contains('<'));
}

/// Thread 9: the reply has no quote; the customer's message is found
/// through In-Reply-To, earlier in the same mbox.
#[test]
fn demo_reply_linked_only_by_in_reply_to() {
    let messages = demo();
    let reply = find(&messages, "tuki.mbox", 15);
    assert_eq!(field(reply, "quoted"), "");
    assert_eq!(
        field(reply, "customer_text"),
        "Hei,\n\nonko Retkikassi 30 L vedenpitävä? Olen lähdössä vaeltamaan Lappiin, ja\n\
         siellä sataa usein."
    );
}

#[test]
fn demo_bottom_posted_and_interleaved() {
    let messages = demo();
    let bottom = find(&messages, "tuki.mbox", 14);
    assert_eq!(field(bottom, "greeting"), "Hei Aino,");
    assert_eq!(
        field(bottom, "customer_text"),
        "Hei!\n\nSaisiko Rantakassi Aallon lahjapakattuna? Tilaan sen kummitytölleni."
    );
    let interleaved = find(&messages, "support-en.mbox", 5);
    let body = field(interleaved, "body");
    assert!(body.starts_with("Yes, a zipped one"), "{body}");
    assert!(body.ends_with("Let it dry flat."), "{body}");
    assert!(!body.contains("washing machine"), "{body}");
    assert_eq!(field(interleaved, "closing"), "Best wishes,");
}

#[test]
fn demo_languages() {
    for message in &demo() {
        let file = field(message, "file");
        let expected = if file.ends_with("support-en.mbox") {
            "en"
        } else if file.ends_with("kundtjanst-sv.mbox") {
            "sv"
        } else {
            "fi"
        };
        assert_eq!(
            field(message, "language"),
            expected,
            "{file} #{}",
            message["index"]
        );
    }
}
