//! The whole check of one message: decode, split, context, every rule,
//! the card and the NDJSON report line.
#![no_main]

use std::sync::Arc;

use bingo::report::Reporter;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let file: Arc<str> = Arc::from("fuzz.eml");
    let raw = bingo::input::RawMessage {
        index: 0,
        offset: 0,
        bytes: data.to_vec(),
    };
    let settings = bingo::CheckSettings {
        all: true,
        ..bingo::CheckSettings::default()
    };
    let mut threads = bingo::mail::ThreadIndex::default();
    let Ok(message) = bingo::analyse(&file, &raw, &settings.read, &mut threads) else {
        return;
    };
    let linted = bingo::lint_message(message, &settings.lint);
    let mut out = Vec::new();
    let mut reporter = bingo::report::json::NdjsonReporter::new(&mut out);
    reporter.message(&linted).expect("writing to memory never fails");
    let line = std::str::from_utf8(&out).expect("the report is UTF-8");
    serde_json::from_str::<serde_json::Value>(line.trim_end()).expect("the report is JSON");
});
