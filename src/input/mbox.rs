//! Streaming mbox splitting (mboxo and mboxrd).
//!
//! A new message starts at a `From ` line at the start of the file or right
//! after a blank line. Escaped body lines (`>From `, `>>From ` …) lose one
//! `>`, which is right for mboxrd and for the common mboxo case. Only one
//! message is in memory at a time.

use std::io::{self, BufRead, BufReader, Read};

use super::{MAX_MESSAGE_BYTES, RawMessage};

/// Reads messages one by one from an mbox stream.
#[derive(Debug)]
pub struct MboxReader<R> {
    reader: BufReader<R>,
    line: Vec<u8>,
    /// Bytes the current line took in the stream (more than `line` holds
    /// when it was cut).
    line_bytes: u64,
    /// Offset of the next unread byte.
    position: u64,
    /// The separator line of the next message was already consumed.
    pending_separator: bool,
    index: usize,
    done: bool,
}

/// A message that was too large: its index, for the error text.
pub type TooLarge = String;

impl<R: Read> MboxReader<R> {
    pub fn new(reader: R) -> Self {
        Self {
            reader: BufReader::with_capacity(256 * 1024, reader),
            line: Vec::with_capacity(1024),
            line_bytes: 0,
            position: 0,
            pending_separator: false,
            index: 0,
            done: false,
        }
    }

    /// Reads the next line into `self.line`, keeping at most
    /// `MAX_MESSAGE_BYTES + 1` bytes of it (enough to know the message is
    /// too large) so that a file without newlines cannot fill the memory.
    fn read_line(&mut self) -> io::Result<bool> {
        const KEEP: usize = MAX_MESSAGE_BYTES + 1;
        self.line.clear();
        let mut read = 0;
        loop {
            let buf = match self.reader.fill_buf() {
                Ok(buf) => buf,
                Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
                Err(err) => return Err(err),
            };
            if buf.is_empty() {
                break;
            }
            let (take, end_of_line) = match memchr::memchr(b'\n', buf) {
                Some(i) => (i + 1, true),
                None => (buf.len(), false),
            };
            let room = KEEP.saturating_sub(self.line.len());
            self.line.extend_from_slice(&buf[..take.min(room)]);
            self.reader.consume(take);
            read += take;
            if end_of_line {
                break;
            }
        }
        self.line_bytes = read as u64;
        self.position += self.line_bytes;
        Ok(read > 0)
    }

    /// The next message, `Ok(None)` at the end of the stream, or an inner
    /// `Err` naming a message that was too large and skipped.
    pub fn next_message(&mut self) -> io::Result<Option<Result<RawMessage, TooLarge>>> {
        if self.done {
            return Ok(None);
        }
        // Skip to the first separator (leading blank lines are tolerated;
        // leading non-mail text is taken as the first message).
        if !self.pending_separator {
            loop {
                if !self.read_line()? {
                    self.done = true;
                    return Ok(None);
                }
                if is_separator(&self.line) {
                    break;
                }
                if !is_blank(&self.line) {
                    // Content before any separator: treat it as a message.
                    return self.collect_message(true);
                }
            }
        }
        self.pending_separator = false;
        self.collect_message(false)
    }

    fn collect_message(
        &mut self,
        keep_current_line: bool,
    ) -> io::Result<Option<Result<RawMessage, TooLarge>>> {
        let offset = self.position
            - if keep_current_line {
                self.line_bytes
            } else {
                0
            };
        let mut bytes: Vec<u8> = Vec::new();
        let mut too_large = false;
        let mut previous_blank = false;
        if keep_current_line {
            bytes.extend_from_slice(&self.line);
            previous_blank = is_blank(&self.line);
        }
        loop {
            if !self.read_line()? {
                self.done = true;
                break;
            }
            if previous_blank && is_separator(&self.line) {
                self.pending_separator = true;
                break;
            }
            previous_blank = is_blank(&self.line);
            if too_large {
                continue;
            }
            if bytes.len() + self.line.len() > MAX_MESSAGE_BYTES {
                too_large = true;
                bytes = Vec::new();
                continue;
            }
            unescape_from(&self.line, &mut bytes);
        }
        let index = self.index;
        self.index += 1;
        if too_large {
            return Ok(Some(Err(format!(
                "message {index} is larger than {} MiB, skipped",
                MAX_MESSAGE_BYTES / 1024 / 1024
            ))));
        }
        // The blank line before a separator belongs to the mbox format.
        if self.pending_separator {
            if bytes.ends_with(b"\r\n") {
                bytes.truncate(bytes.len() - 2);
            } else if bytes.ends_with(b"\n") {
                bytes.truncate(bytes.len() - 1);
            }
        }
        Ok(Some(Ok(RawMessage {
            index,
            offset,
            bytes,
        })))
    }
}

/// A `From ` separator line: `From ` followed by a sender token.
pub fn is_separator(line: &[u8]) -> bool {
    line.starts_with(b"From ") && line.get(5).is_some_and(|b| !b.is_ascii_whitespace())
}

fn is_blank(line: &[u8]) -> bool {
    line.iter()
        .all(|b| matches!(b, b'\n' | b'\r' | b' ' | b'\t'))
}

/// Appends `line` with one level of `>From ` quoting removed.
fn unescape_from(line: &[u8], out: &mut Vec<u8>) {
    let quotes = line.iter().take_while(|&&b| b == b'>').count();
    if quotes > 0 && line[quotes..].starts_with(b"From ") {
        out.extend_from_slice(&line[1..]);
    } else {
        out.extend_from_slice(line);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(mbox: &[u8]) -> Vec<String> {
        let mut reader = MboxReader::new(mbox);
        let mut out = Vec::new();
        while let Some(message) = reader.next_message().unwrap() {
            out.push(String::from_utf8(message.unwrap().bytes).unwrap());
        }
        out
    }

    #[test]
    fn splits_on_from_lines_after_blank_lines() {
        let mbox = b"From a@b Mon Nov  2 10:00:00 2026\nSubject: 1\n\nyksi\n\nFrom c@d Mon Nov  2 11:00:00 2026\nSubject: 2\n\nkaksi\n";
        assert_eq!(
            split(mbox),
            vec!["Subject: 1\n\nyksi\n", "Subject: 2\n\nkaksi\n"]
        );
    }

    #[test]
    fn from_inside_a_paragraph_is_not_a_separator() {
        let mbox = b"From a@b x\nSubject: 1\n\nrivi\nFrom here on we ship\n";
        assert_eq!(
            split(mbox),
            vec!["Subject: 1\n\nrivi\nFrom here on we ship\n"]
        );
    }

    #[test]
    fn escaped_from_lines_lose_one_quote() {
        let mbox = b"From a@b x\nSubject: 1\n\n>From now on\n>>From the archive\n";
        assert_eq!(
            split(mbox),
            vec!["Subject: 1\n\nFrom now on\n>From the archive\n"]
        );
    }

    #[test]
    fn truncated_mbox_keeps_the_partial_message() {
        let mbox = b"From a@b x\nSubject: 1\n\nyksi\n\nFrom c@d y\nSubject: 2\n\nkes";
        assert_eq!(
            split(mbox),
            vec!["Subject: 1\n\nyksi\n", "Subject: 2\n\nkes"]
        );
    }

    #[test]
    fn crlf_mbox_is_split_too() {
        let mbox = b"From a@b x\r\nSubject: 1\r\n\r\nyksi\r\n\r\nFrom c@d y\r\nSubject: 2\r\n\r\nkaksi\r\n";
        assert_eq!(
            split(mbox),
            vec!["Subject: 1\r\n\r\nyksi\r\n", "Subject: 2\r\n\r\nkaksi\r\n"]
        );
    }

    #[test]
    fn a_huge_line_is_cut_and_its_message_skipped() {
        let mut mbox = b"From a@b x\nSubject: 1\n\n".to_vec();
        mbox.resize(mbox.len() + MAX_MESSAGE_BYTES + 4096, b'x');
        mbox.extend_from_slice(b"\n\nFrom c@d y\nSubject: 2\n\nkaksi\n");
        let mut reader = MboxReader::new(&mbox[..]);
        let first = reader.next_message().unwrap().unwrap();
        assert!(first.unwrap_err().contains("larger than"));
        assert!(reader.line.capacity() <= 2 * MAX_MESSAGE_BYTES);
        let second = reader.next_message().unwrap().unwrap().unwrap();
        assert_eq!(second.bytes, b"Subject: 2\n\nkaksi\n");
        assert_eq!(second.index, 1);
    }

    #[test]
    fn indexes_and_offsets_count_from_zero() {
        let mbox = b"From a@b x\nS: 1\n\nFrom c@d y\nS: 2\n";
        let mut reader = MboxReader::new(&mbox[..]);
        let first = reader.next_message().unwrap().unwrap().unwrap();
        let second = reader.next_message().unwrap().unwrap().unwrap();
        assert_eq!((first.index, first.offset), (0, 11));
        assert_eq!((second.index, second.offset), (1, 28));
        assert!(reader.next_message().unwrap().is_none());
    }
}
