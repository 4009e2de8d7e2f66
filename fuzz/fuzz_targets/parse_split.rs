//! MIME decoding and reply splitting on arbitrary bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(mail) = bingo::mail::decode(data) {
        let reply = bingo::mail::split_reply(&mail.text);
        // The parts index the sender's own text.
        let _ = (reply.greeting_text(), reply.body_text(), reply.closing_text());
        let _ = reply.line_col(reply.own.len());
    }
});
