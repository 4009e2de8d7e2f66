//! Micro-benchmarks of the hot paths, on the demo mailboxes:
//! `cargo bench --bench hot_paths`. The end-to-end benchmark is
//! `bench/run.sh`.

use std::sync::Arc;

use bingo::input::{MboxReader, RawMessage};
use bingo::mail::{self, ThreadIndex};
use bingo::{CheckSettings, Message};

fn main() {
    divan::main();
}

/// The demo mailboxes, in all three languages.
const MAILBOXES: [&[u8]; 3] = [
    include_bytes!("../fixtures/demo/tuki.mbox"),
    include_bytes!("../fixtures/demo/support-en.mbox"),
    include_bytes!("../fixtures/demo/kundtjanst-sv.mbox"),
];

fn raw_messages() -> Vec<RawMessage> {
    let mut out = Vec::new();
    for mbox in MAILBOXES {
        let mut reader = MboxReader::new(mbox);
        while let Some(message) = reader.next_message().expect("reading memory") {
            out.push(message.expect("small messages"));
        }
    }
    out
}

fn messages() -> Vec<Message> {
    let file: Arc<str> = Arc::from("demo");
    let settings = CheckSettings::default();
    let mut threads = ThreadIndex::default();
    raw_messages()
        .iter()
        .map(|raw| bingo::analyse(&file, raw, &settings.read, &mut threads).expect("decodes"))
        .collect()
}

#[divan::bench]
fn mbox_splitting(bencher: divan::Bencher) {
    let bytes: usize = MAILBOXES.iter().map(|m| m.len()).sum();
    bencher
        .counter(divan::counter::BytesCount::new(bytes))
        .bench(|| {
            let mut count = 0;
            for mbox in MAILBOXES {
                let mut reader = MboxReader::new(divan::black_box(mbox));
                while let Some(message) = reader.next_message().expect("reading memory") {
                    count += message.map_or(0, |m| m.bytes.len());
                }
            }
            count
        });
}

#[divan::bench]
fn decoding(bencher: divan::Bencher) {
    let raw = raw_messages();
    bencher
        .counter(divan::counter::ItemsCount::new(raw.len()))
        .bench(|| {
            raw.iter()
                .map(|r| mail::decode(divan::black_box(&r.bytes)).map_or(0, |m| m.text.len()))
                .sum::<usize>()
        });
}

#[divan::bench]
fn splitting_replies(bencher: divan::Bencher) {
    let texts: Vec<String> = messages().into_iter().map(|m| m.mail.text).collect();
    bencher
        .counter(divan::counter::ItemsCount::new(texts.len()))
        .bench(|| {
            texts
                .iter()
                .map(|t| mail::split_reply(divan::black_box(t)).own.len())
                .sum::<usize>()
        });
}

#[divan::bench]
fn all_rules(bencher: divan::Bencher) {
    let messages = messages();
    let settings = CheckSettings::default();
    // Compile the lexicons outside the measurement.
    bingo::lint_message(messages[0].clone(), &settings.lint);
    bencher
        .counter(divan::counter::ItemsCount::new(messages.len()))
        .with_inputs(|| messages.clone())
        .bench_local_values(|messages| {
            messages
                .into_iter()
                .map(|m| bingo::lint_message(m, &settings.lint).findings.len())
                .sum::<usize>()
        });
}
