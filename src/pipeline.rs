//! Reading, decoding and linting in parallel while reporting in input order.
//!
//! One thread reads the inputs sequentially (mbox streamed) and cuts the raw
//! messages into bounded batches. Each batch then goes through three steps,
//! overlapped: the expensive, pure work (MIME decoding, splitting the reply,
//! detecting the reply's language) on a rayon pool; the thread index,
//! consulted and fed sequentially in input order on the calling thread
//! (cheap); the per-message work (linting) on the pool again. While the pool
//! decodes one batch and lints an earlier one, the calling thread puts the
//! batch in between in context and hands the results before them on,
//! strictly in input order (the output callback never leaves it). At most
//! [`QUEUED_BATCHES`] batches wait between the reader and the workers and
//! four are in the steps, so memory does not grow with the mailbox. With one
//! thread nothing is spawned and everything runs on the caller's thread, in
//! the same order, with the same results.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc;

use rayon::prelude::*;

use crate::input::{self, InputError, RawMessage, ReadOutcome};
use crate::lang::{self, Lang};
use crate::mail::{self, Mail, Reply, ThreadIndex};
use crate::{Message, ReadSettings, ReadSummary};

/// A batch is handed to the workers when it holds this many messages…
const BATCH_MESSAGES: usize = 64;
/// …or this many bytes of raw mail, whichever comes first.
const BATCH_BYTES: usize = 4 * 1024 * 1024;
/// Batches read ahead while the workers are busy.
const QUEUED_BATCHES: usize = 1;

/// A message decoded and split, before it is put in its thread's context.
#[derive(Debug)]
pub struct Decoded {
    pub index: usize,
    pub mail: Mail,
    pub reply: Reply,
    /// The language of the sender's own text, when it says enough.
    pub own_language: Option<Lang>,
}

/// The pure, expensive part of reading one message: decode the MIME and
/// split the reply. Safe to run on any thread, in any order.
pub fn decode_and_split(file: &str, raw: &RawMessage) -> Result<Decoded, InputError> {
    let mail = mail::decode(&raw.bytes)
        .map_err(|message| InputError::new(file, format!("message {}: {message}", raw.index)))?;
    let reply = mail::split_reply(&mail.text);
    let own_language = lang::detect(&reply.own);
    Ok(Decoded {
        index: raw.index,
        mail,
        reply,
        own_language,
    })
}

/// The cheap, sequential part: classify the message, find the customer's
/// message it answers (quote or thread) and remember it for later replies.
/// Must be called in input order.
pub fn contextualise(
    file: &Arc<str>,
    decoded: Decoded,
    settings: &ReadSettings,
    threads: &mut ThreadIndex,
) -> Message {
    let Decoded {
        index,
        mail,
        reply,
        own_language,
    } = decoded;
    let kind = mail::context::classify(&mail, &reply, &settings.agents);
    let customer = threads.customer_of(&mail, &reply);
    threads.add(&mail, &reply);
    let customer_names = mail::context::customer_names(&mail, customer.as_ref());
    // The reply's own language, else the customer's (the forced one first).
    let language = settings.lang.or(own_language).or_else(|| {
        customer
            .as_ref()
            .and_then(|customer| lang::detect(&customer.text))
    });
    Message {
        file: Arc::clone(file),
        index,
        mail,
        reply,
        kind,
        language,
        customer,
        customer_names,
    }
}

/// How many worker threads `requested` means: 0 is every core.
pub fn thread_count(requested: usize) -> usize {
    if requested > 0 {
        requested
    } else {
        std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
    }
}

/// What the reader hands the workers.
enum Batch {
    /// Raw messages of one source, in order.
    Messages {
        file: Arc<str>,
        messages: Vec<RawMessage>,
    },
    /// A source has been read to its end (or failed).
    SourceDone {
        read_errors: input::Errors,
        outcome: Result<ReadOutcome, InputError>,
    },
}

/// Reads every input, puts each message in context and runs `work` on it
/// (in parallel when `settings.threads` allows), then hands the results to
/// `on_result` in input order. Problems with one input are collected and
/// the others are still read.
pub fn run<T: Send>(
    paths: &[PathBuf],
    settings: &ReadSettings,
    work: &(dyn Fn(Message) -> T + Sync),
    on_result: &mut dyn FnMut(T),
) -> ReadSummary {
    let discovery = input::discover(paths);
    let mut summary = ReadSummary {
        skipped: discovery.skipped,
        errors: discovery.errors,
        ..ReadSummary::default()
    };
    let sources = discovery.sources;
    let pool = match thread_count(settings.threads) {
        1 => None,
        n => rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .thread_name(|i| format!("bingo-worker-{i}"))
            .build()
            .ok(),
    };
    let mut stage = Stage {
        settings,
        pool: pool.as_ref(),
        threads: ThreadIndex::default(),
        message_errors: input::Errors::default(),
        decoded: None,
        ready: Vec::new(),
        pending: Vec::new(),
        summary: &mut summary,
        work,
        on_result,
    };
    if stage.pool.is_none() {
        read_batches(&sources, &mut |batch| stage.process(batch));
    } else {
        let (sender, receiver) = mpsc::sync_channel::<Batch>(QUEUED_BATCHES);
        std::thread::scope(|scope| {
            scope.spawn(move || {
                // A closed channel means the consumer is gone: stop.
                read_batches(&sources, &mut |batch| {
                    let _ = sender.send(batch);
                });
            });
            for batch in receiver {
                stage.process(batch);
            }
        });
    }
    stage.flush();
    summary
}

/// Reads the sources in order and cuts their messages into batches.
fn read_batches(sources: &[input::Source], emit: &mut dyn FnMut(Batch)) {
    for source in sources {
        let file: Arc<str> = Arc::from(source.display_name());
        let mut messages = Vec::new();
        let mut bytes = 0;
        let mut read_errors = input::Errors::default();
        let outcome = input::read_source(
            source,
            &mut |raw| {
                bytes += raw.bytes.len();
                messages.push(raw);
                if messages.len() >= BATCH_MESSAGES || bytes >= BATCH_BYTES {
                    bytes = 0;
                    emit(Batch::Messages {
                        file: Arc::clone(&file),
                        messages: std::mem::take(&mut messages),
                    });
                }
            },
            &mut |err| read_errors.push(err),
        );
        if !messages.is_empty() {
            emit(Batch::Messages {
                file: Arc::clone(&file),
                messages,
            });
        }
        emit(Batch::SourceDone {
            read_errors,
            outcome,
        });
    }
}

/// A batch decoded and split, with the file it came from.
type DecodedBatch = (Arc<str>, Vec<Result<Decoded, InputError>>);

/// The consumer side: everything after reading.
///
/// With a pool, batches move through three steps at once: while the pool
/// decodes batch k+2 and lints batch k, this thread puts batch k+1 in
/// context and hands on the results of batch k-1. At the end of each source
/// the steps are drained, so a source's results and errors are complete
/// before the next source starts.
struct Stage<'a, T> {
    settings: &'a ReadSettings,
    pool: Option<&'a rayon::ThreadPool>,
    threads: ThreadIndex,
    /// Errors of single messages of the current source.
    message_errors: input::Errors,
    /// A batch decoded, not yet put in context.
    decoded: Option<DecodedBatch>,
    /// A batch in context, not yet linted.
    ready: Vec<Message>,
    /// Results of the last batch linted, not handed on yet.
    pending: Vec<T>,
    summary: &'a mut ReadSummary,
    work: &'a (dyn Fn(Message) -> T + Sync),
    on_result: &'a mut dyn FnMut(T),
}

impl<T: Send> Stage<'_, T> {
    fn process(&mut self, batch: Batch) {
        match batch {
            Batch::Messages { file, messages } => self.process_messages(&file, &messages),
            Batch::SourceDone {
                mut read_errors,
                outcome,
            } => {
                self.flush();
                self.summary.errors.append(&mut self.message_errors);
                self.summary.errors.append(&mut read_errors);
                match outcome {
                    Ok(ReadOutcome::Skipped) => self.summary.skipped += 1,
                    Ok(ReadOutcome::Mail { .. }) => {}
                    Err(err) => self.summary.errors.push(err),
                }
            }
        }
    }

    fn process_messages(&mut self, file: &Arc<str>, raw: &[RawMessage]) {
        if let Some(progress) = &self.settings.progress {
            for message in raw {
                progress.add(message.bytes.len());
            }
        }
        let Some(pool) = self.pool else {
            // One thread: each step in turn, batch by batch.
            let decoded = raw.iter().map(|raw| decode_and_split(file, raw)).collect();
            let ready = self.contextualise(file, decoded);
            self.ready = ready;
            self.step(None);
            return;
        };
        let mut decoded = Vec::new();
        pool.in_place_scope(|scope| {
            scope.spawn(|_| {
                decoded = raw
                    .par_iter()
                    .map(|raw| decode_and_split(file, raw))
                    .collect();
            });
            self.step(Some(scope));
        });
        self.decoded = Some((Arc::clone(file), decoded));
    }

    /// Lints the ready batch (on `scope`'s pool, if any) while this thread
    /// puts the decoded batch in context and hands on the pending results.
    fn step<'s>(&'s mut self, scope: Option<&rayon::Scope<'s>>) {
        let ready = std::mem::take(&mut self.ready);
        let pending = std::mem::take(&mut self.pending);
        let work = self.work;
        let results = if let Some(scope) = scope {
            let (sender, receiver) = mpsc::sync_channel(1);
            scope.spawn(move |_| {
                let linted: Vec<T> = ready.into_par_iter().map(work).collect();
                let _ = sender.send(linted);
            });
            if let Some((file, decoded)) = self.decoded.take() {
                self.ready = self.contextualise(&file, decoded);
            }
            pending.into_iter().for_each(&mut *self.on_result);
            receiver.recv().unwrap_or_default()
        } else {
            pending.into_iter().for_each(&mut *self.on_result);
            ready.into_iter().map(work).collect()
        };
        self.pending = results;
    }

    /// Puts a decoded batch in its thread's context, in input order.
    fn contextualise(
        &mut self,
        file: &Arc<str>,
        decoded: Vec<Result<Decoded, InputError>>,
    ) -> Vec<Message> {
        let mut messages = Vec::with_capacity(decoded.len());
        for decoded in decoded {
            match decoded {
                Ok(decoded) => messages.push(contextualise(
                    file,
                    decoded,
                    self.settings,
                    &mut self.threads,
                )),
                Err(err) => self.message_errors.push(err),
            }
        }
        self.summary.messages += messages.len();
        messages
    }

    /// Drains the steps: every batch read so far is linted and handed on.
    fn flush(&mut self) {
        while self.decoded.is_some() || !self.ready.is_empty() || !self.pending.is_empty() {
            match self.pool {
                Some(pool) => pool.in_place_scope(|scope| self.step(Some(scope))),
                None => self.step(None),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use super::*;

    fn demo() -> Vec<PathBuf> {
        vec![PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/fixtures/demo"
        ))]
    }

    fn describe(settings: &ReadSettings) -> (Vec<String>, usize, usize) {
        let mut seen = Vec::new();
        let summary = run(
            &demo(),
            settings,
            &|m: Message| {
                format!(
                    "{}#{} {:?} {:?} {:?} {}",
                    m.file,
                    m.index,
                    m.kind,
                    m.language,
                    m.customer.as_ref().map(|c| c.source),
                    m.reply.own.len()
                )
            },
            &mut |line| seen.push(line),
        );
        (seen, summary.messages, summary.errors.len())
    }

    #[test]
    fn parallel_run_matches_the_sequential_one() {
        let one = describe(&ReadSettings {
            threads: 1,
            ..ReadSettings::default()
        });
        let four = describe(&ReadSettings {
            threads: 4,
            ..ReadSettings::default()
        });
        assert!(one.1 > 10, "the demo has messages: {}", one.1);
        assert_eq!(one.0.len(), one.1);
        assert_eq!(one, four);
    }

    #[test]
    fn thread_replies_find_their_parents_across_batches() {
        // Many messages: the thread index must see them in input order even
        // when a parent and its reply fall into different batches.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("box.mbox");
        let mut mbox = String::new();
        for i in 0..(BATCH_MESSAGES + 10) {
            let _ = write!(
                mbox,
                "From asiakas{i}@example.fi Mon Nov  2 10:00:00 2026\nFrom: Asiakas {i} <asiakas{i}@example.fi>\nMessage-ID: <q{i}@example.fi>\nSubject: Tilaus {i}\n\nHei, missä tilaukseni {i} on?\n\n"
            );
        }
        for i in 0..(BATCH_MESSAGES + 10) {
            let _ = write!(
                mbox,
                "From tuki@kauppa.fi Mon Nov  2 12:00:00 2026\nFrom: Tuki <tuki@kauppa.fi>\nIn-Reply-To: <q{i}@example.fi>\nSubject: Re: Tilaus {i}\n\nHei, tilauksesi on matkalla.\n\n"
            );
        }
        std::fs::write(&path, mbox).unwrap();
        for threads in [1, 2] {
            let settings = ReadSettings {
                threads,
                ..ReadSettings::default()
            };
            let mut from_thread = 0;
            let summary = run(
                std::slice::from_ref(&path),
                &settings,
                &|m: Message| {
                    m.customer
                        .is_some_and(|c| c.source == mail::CustomerSource::Thread)
                },
                &mut |found| from_thread += usize::from(found),
            );
            assert_eq!(summary.messages, 2 * (BATCH_MESSAGES + 10));
            assert_eq!(from_thread, BATCH_MESSAGES + 10, "threads {threads}");
        }
    }
}
