//! Finding the mail in what the user points us at, and handing it on one
//! message at a time.
//!
//! Paths may be files, folders (walked recursively, Maildir included) or `-`
//! for stdin. A file is recognised by its content, not its name: an mbox
//! starts with a `From ` separator line, a single message with RFC 5322
//! header lines. Mailboxes are streamed: no file is ever held whole in
//! memory, so a multi-gigabyte Takeout export reads in constant space.

mod mbox;
mod sniff;
pub mod template;

use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::{Path, PathBuf};

pub use mbox::MboxReader;
pub use sniff::{Sniffed, sniff};

/// The largest single message we accept. Anything bigger is reported as an
/// error for that message and skipped, so one pathological entry cannot eat
/// the machine's memory.
pub const MAX_MESSAGE_BYTES: usize = 64 * 1024 * 1024;

/// How many bytes of a file are read to decide what it is.
const SNIFF_BYTES: usize = 8 * 1024;

/// One input to read: a path on disk, or standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Stdin,
    File {
        path: PathBuf,
        /// Named on the command line (an error when not mail) rather than
        /// found while walking a folder (silently skipped when not mail).
        explicit: bool,
    },
}

impl Source {
    /// The name shown to the user in reports and errors.
    pub fn display_name(&self) -> String {
        match self {
            Source::Stdin => "-".to_string(),
            Source::File { path, .. } => path.display().to_string(),
        }
    }
}

/// One raw message as it sits in its file.
#[derive(Debug, Clone)]
pub struct RawMessage {
    /// 0-based position of the message in its file.
    pub index: usize,
    /// Byte offset of the message in its file (after the `From ` line).
    pub offset: u64,
    pub bytes: Vec<u8>,
}

/// A problem reading one input. It names the file; the other inputs go on.
#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
#[error("{file}: {message}")]
pub struct InputError {
    pub file: String,
    pub message: String,
}

impl InputError {
    pub fn new(file: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            file: file.into(),
            message: message.into(),
        }
    }

    fn io(file: &str, err: &io::Error) -> Self {
        let message = match err.kind() {
            io::ErrorKind::NotFound => "no such file or folder".to_string(),
            io::ErrorKind::PermissionDenied => "permission denied".to_string(),
            _ => err.to_string(),
        };
        Self::new(file, message)
    }
}

/// Errors a run keeps to report; past this many they are only counted.
pub const MAX_ERRORS: usize = 1000;

/// The errors of a run in the order they happened: the first
/// [`MAX_ERRORS`] kept for the report, the others only counted, so that a
/// mailbox of a million broken messages cannot fill the memory.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Errors {
    kept: Vec<InputError>,
    omitted: usize,
}

impl Errors {
    pub fn push(&mut self, error: InputError) {
        if self.kept.len() < MAX_ERRORS {
            self.kept.push(error);
        } else {
            self.omitted += 1;
        }
    }

    /// Moves `other`'s errors after these, `other`'s count of the omitted
    /// included.
    pub fn append(&mut self, other: &mut Errors) {
        for error in other.kept.drain(..) {
            self.push(error);
        }
        self.omitted += std::mem::take(&mut other.omitted);
    }

    /// Errors counted but not kept.
    pub fn omitted(&self) -> usize {
        self.omitted
    }

    /// Every error, kept or not.
    pub fn total(&self) -> usize {
        self.kept.len() + self.omitted
    }
}

impl std::ops::Deref for Errors {
    type Target = [InputError];

    fn deref(&self) -> &[InputError] {
        &self.kept
    }
}

impl<'a> IntoIterator for &'a Errors {
    type Item = &'a InputError;
    type IntoIter = std::slice::Iter<'a, InputError>;

    fn into_iter(self) -> Self::IntoIter {
        self.kept.iter()
    }
}

/// What walking the command-line paths found.
#[derive(Debug, Default)]
pub struct Discovery {
    pub sources: Vec<Source>,
    pub errors: Errors,
    /// Files met while walking folders that are not mail; counted, not errors.
    pub skipped: usize,
}

/// Which files to consider while walking a folder, by name. Content decides
/// in the end; this only keeps obvious non-mail (and Maildir's `tmp/`) out.
fn walk_candidate(path: &Path) -> bool {
    let in_maildir_tmp = path
        .parent()
        .and_then(Path::file_name)
        .is_some_and(|name| name == "tmp")
        && path
            .parent()
            .and_then(Path::parent)
            .is_some_and(|maildir| maildir.join("cur").is_dir());
    let hidden = path
        .file_name()
        .and_then(|name| name.to_str())
        .is_some_and(|name| name.starts_with('.'));
    !in_maildir_tmp && !hidden
}

/// Expands the command-line paths into sources, in a stable order (folders
/// are walked sorted by file name so that reports are reproducible).
pub fn discover(paths: &[PathBuf]) -> Discovery {
    let mut found = Discovery::default();
    for path in paths {
        if path.as_os_str() == "-" {
            found.sources.push(Source::Stdin);
            continue;
        }
        let name = path.display().to_string();
        let meta = match std::fs::metadata(path) {
            Ok(meta) => meta,
            Err(err) => {
                found.errors.push(InputError::io(&name, &err));
                continue;
            }
        };
        if !meta.is_dir() {
            found.sources.push(Source::File {
                path: path.clone(),
                explicit: true,
            });
            continue;
        }
        let walker = walkdir::WalkDir::new(path)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|entry| entry.depth() == 0 || walk_candidate(entry.path()));
        for entry in walker {
            match entry {
                Ok(entry) if entry.file_type().is_file() => found.sources.push(Source::File {
                    path: entry.into_path(),
                    explicit: false,
                }),
                Ok(_) => {}
                Err(err) => {
                    let file = err
                        .path()
                        .map_or_else(|| name.clone(), |p| p.display().to_string());
                    let message = if err.loop_ancestor().is_some() {
                        "symlink loop, not followed".to_string()
                    } else if let Some(io) = err.io_error() {
                        InputError::io(&file, io).message
                    } else {
                        err.to_string()
                    };
                    found.errors.push(InputError::new(file, message));
                }
            }
        }
    }
    found
}

/// What reading one source produced, besides the messages themselves.
#[derive(Debug, PartialEq, Eq)]
pub enum ReadOutcome {
    /// The source held mail; this many messages were handed on.
    Mail { messages: usize },
    /// A walked file that is not mail: skipped, not an error.
    Skipped,
}

/// Reads one source and calls `each` with every message in it, in order.
/// Errors that concern a single message (too large) are passed to `problem`
/// and reading goes on; an error that stops the whole source is returned.
pub fn read_source(
    source: &Source,
    each: &mut dyn FnMut(RawMessage),
    problem: &mut dyn FnMut(InputError),
) -> Result<ReadOutcome, InputError> {
    let name = source.display_name();
    match source {
        Source::Stdin => read_stream(&name, io::stdin().lock(), true, each, problem),
        Source::File { path, explicit } => {
            let meta = std::fs::metadata(path).map_err(|e| InputError::io(&name, &e))?;
            if !meta.is_file() && !is_fifo(&meta) {
                return Err(InputError::new(name, "not a regular file"));
            }
            let file = File::open(path).map_err(|e| InputError::io(&name, &e))?;
            read_stream(&name, file, *explicit, each, problem)
        }
    }
}

#[cfg(unix)]
fn is_fifo(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt;
    meta.file_type().is_fifo()
}

#[cfg(not(unix))]
fn is_fifo(_meta: &std::fs::Metadata) -> bool {
    false
}

fn read_stream(
    name: &str,
    reader: impl Read,
    explicit: bool,
    each: &mut dyn FnMut(RawMessage),
    problem: &mut dyn FnMut(InputError),
) -> Result<ReadOutcome, InputError> {
    let mut reader = BufReader::with_capacity(256 * 1024, reader);
    let head = fill_head(&mut reader, SNIFF_BYTES).map_err(|e| InputError::io(name, &e))?;
    match sniff(&head) {
        Sniffed::Mbox => {
            let mut mbox = MboxReader::new(head.as_slice().chain(reader));
            let mut messages = 0;
            loop {
                match mbox.next_message() {
                    Ok(Some(Ok(message))) => {
                        messages += 1;
                        each(message);
                    }
                    Ok(Some(Err(too_big))) => problem(InputError::new(name, too_big)),
                    Ok(None) => break,
                    Err(err) => return Err(InputError::io(name, &err)),
                }
            }
            Ok(ReadOutcome::Mail { messages })
        }
        Sniffed::Message => {
            let mut bytes = head;
            let limit = (MAX_MESSAGE_BYTES + 1 - bytes.len()) as u64;
            reader
                .take(limit)
                .read_to_end(&mut bytes)
                .map_err(|e| InputError::io(name, &e))?;
            if bytes.len() > MAX_MESSAGE_BYTES {
                return Err(InputError::new(
                    name,
                    format!(
                        "message larger than {} MiB, skipped",
                        MAX_MESSAGE_BYTES / 1024 / 1024
                    ),
                ));
            }
            each(RawMessage {
                index: 0,
                offset: 0,
                bytes,
            });
            Ok(ReadOutcome::Mail { messages: 1 })
        }
        Sniffed::Empty if explicit => Err(InputError::new(name, "empty file, no message in it")),
        Sniffed::Binary if explicit => Err(InputError::new(
            name,
            "binary data, not an email message or mailbox",
        )),
        Sniffed::NotMail if explicit => Err(InputError::new(
            name,
            "not an email message or mailbox (no mail headers, no `From ` line)",
        )),
        Sniffed::Empty | Sniffed::Binary | Sniffed::NotMail => Ok(ReadOutcome::Skipped),
    }
}

/// Reads up to `n` bytes without giving up early on short reads (pipes).
fn fill_head(reader: &mut impl Read, n: usize) -> io::Result<Vec<u8>> {
    let mut head = Vec::with_capacity(n);
    reader.take(n as u64).read_to_end(&mut head)?;
    Ok(head)
}

#[cfg(test)]
mod tests {

    #[test]
    fn errors_keep_the_first_and_count_the_rest() {
        let error = |n: usize| InputError::new("a.mbox", format!("message {n}"));
        let mut errors = Errors::default();
        for n in 0..MAX_ERRORS + 3 {
            errors.push(error(n));
        }
        assert_eq!(
            (errors.len(), errors.omitted(), errors.total()),
            (MAX_ERRORS, 3, MAX_ERRORS + 3)
        );
        assert_eq!(errors[0], error(0));
        assert_eq!(errors[MAX_ERRORS - 1], error(MAX_ERRORS - 1));
        // Appending keeps the order and carries the count over.
        let mut run = Errors::default();
        run.push(error(7));
        run.append(&mut errors);
        assert_eq!(
            (run.len(), run.omitted(), run.total()),
            (MAX_ERRORS, 4, MAX_ERRORS + 4)
        );
        assert_eq!(run[0], error(7));
        assert_eq!((errors.len(), errors.omitted()), (0, 0));
    }

    use super::*;

    fn collect(bytes: &[u8], explicit: bool) -> (Result<ReadOutcome, InputError>, Vec<RawMessage>) {
        let mut messages = Vec::new();
        let outcome = read_stream("t", bytes, explicit, &mut |m| messages.push(m), &mut |_| {});
        (outcome, messages)
    }

    #[test]
    fn single_message_is_read_whole() {
        let (outcome, messages) = collect(b"From: a@b.fi\nSubject: x\n\nHei\n", true);
        assert_eq!(outcome, Ok(ReadOutcome::Mail { messages: 1 }));
        assert_eq!(messages[0].bytes, b"From: a@b.fi\nSubject: x\n\nHei\n");
    }

    #[test]
    fn explicit_non_mail_is_an_error_walked_is_skipped() {
        let (outcome, _) = collect(b"just some notes\nnothing else\n", true);
        assert!(outcome.unwrap_err().message.contains("not an email"));
        let (outcome, _) = collect(b"just some notes\nnothing else\n", false);
        assert_eq!(outcome, Ok(ReadOutcome::Skipped));
        let (outcome, _) = collect(b"", true);
        assert!(outcome.unwrap_err().message.contains("empty"));
        let (outcome, _) = collect(&[0u8, 159, 146, 150, 0, 0, 1, 2], true);
        assert!(outcome.unwrap_err().message.contains("binary"));
    }

    #[test]
    fn missing_path_is_an_error_naming_it() {
        let found = discover(&[PathBuf::from("/nonexistent/box.mbox")]);
        assert!(found.sources.is_empty());
        assert_eq!(found.errors[0].file, "/nonexistent/box.mbox");
        assert_eq!(found.errors[0].message, "no such file or folder");
    }
}
