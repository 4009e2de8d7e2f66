//! The mbox splitter on arbitrary bytes: never panics, never loses bytes
//! it should keep, always ends.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut reader = bingo::input::MboxReader::new(data);
    let mut last_index = None;
    while let Some(message) = reader.next_message().expect("reading a slice never fails") {
        let message = message.expect("fuzz inputs are far below the size limit");
        assert!(message.bytes.len() <= data.len());
        assert!(message.offset as usize <= data.len());
        if let Some(last) = last_index {
            assert_eq!(message.index, last + 1);
        }
        last_index = Some(message.index);
    }
});
