//! A progress bar on stderr for long runs: the read loop counts bytes and
//! messages in a [`Progress`] (two atomics, shared), and a [`ProgressBar`]
//! thread draws them with indicatif once a run has taken over a second,
//! only when stderr is a terminal. Never in CI logs or when piped.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// How long a run goes before the bar appears.
const DELAY: Duration = Duration::from_secs(1);
const TICK: Duration = Duration::from_millis(100);

/// Bytes and messages read so far.
#[derive(Debug, Default)]
pub struct Progress {
    bytes: AtomicU64,
    messages: AtomicU64,
}

impl Progress {
    /// Counts one message of `bytes` bytes.
    pub fn add(&self, bytes: usize) {
        self.bytes.fetch_add(bytes as u64, Ordering::Relaxed);
        self.messages.fetch_add(1, Ordering::Relaxed);
    }

    pub fn bytes(&self) -> u64 {
        self.bytes.load(Ordering::Relaxed)
    }

    pub fn messages(&self) -> u64 {
        self.messages.load(Ordering::Relaxed)
    }
}

/// The drawing thread; stopped and joined on drop.
#[derive(Debug)]
pub struct ProgressBar {
    done: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl ProgressBar {
    /// Starts drawing `progress` for a run over `paths` (their total size
    /// is the bar's length; stdin makes it a spinner).
    pub fn start(progress: Arc<Progress>, paths: Vec<PathBuf>) -> Self {
        let done = Arc::new(AtomicBool::new(false));
        let stop = Arc::clone(&done);
        let thread = std::thread::spawn(move || draw(&progress, &paths, &stop));
        Self {
            done,
            thread: Some(thread),
        }
    }
}

impl Drop for ProgressBar {
    fn drop(&mut self) {
        self.done.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            drop(thread.join());
        }
    }
}

fn draw(progress: &Progress, paths: &[PathBuf], done: &AtomicBool) {
    let started = Instant::now();
    while started.elapsed() < DELAY {
        if done.load(Ordering::Relaxed) {
            return;
        }
        std::thread::sleep(TICK);
    }
    let total = total_bytes(paths, done);
    let bar = match total {
        Some(total) => indicatif::ProgressBar::new(total).with_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} {elapsed} {wide_bar} {bytes}/{total_bytes} · {msg} · {bytes_per_sec}",
            )
            .expect("valid template"),
        ),
        None => indicatif::ProgressBar::new_spinner().with_style(
            indicatif::ProgressStyle::with_template("{spinner} {elapsed} {bytes} · {msg}")
                .expect("valid template"),
        ),
    };
    bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
    while !done.load(Ordering::Relaxed) {
        bar.set_position(progress.bytes());
        bar.set_message(format!("{} messages", progress.messages()));
        bar.tick();
        std::thread::sleep(TICK);
    }
    bar.finish_and_clear();
}

/// The total size of the inputs, or `None` when one is stdin.
fn total_bytes(paths: &[PathBuf], done: &AtomicBool) -> Option<u64> {
    let mut total = 0;
    for path in paths {
        if path.as_os_str() == "-" {
            return None;
        }
        for entry in walkdir::WalkDir::new(path).into_iter().flatten() {
            if done.load(Ordering::Relaxed) {
                return Some(total);
            }
            if entry.file_type().is_file() {
                total += entry.metadata().map_or(0, |m| m.len());
            }
        }
    }
    Some(total)
}
