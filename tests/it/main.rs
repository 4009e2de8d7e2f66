//! Integration tests: run the built `bingo` binary on the fixtures in
//! `fixtures/` and on inputs generated here, and check what it prints.
//!
//! Every run has a deadline, so a hang fails the test instead of the whole
//! suite; every run is checked for panics.

mod check;
mod ci;
mod demo;
mod input;
mod labelled;
mod pipeline;
mod quotes;
mod reports;
mod robustness;
mod threads;

use std::ffi::OsString;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::Value;

/// How long any single run of `bingo` may take, even on a slow debug build
/// on a busy machine.
pub const DEADLINE: Duration = Duration::from_secs(60);

/// The crate's root folder.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A path under `fixtures/`.
pub fn fixture(relative: &str) -> PathBuf {
    root().join("fixtures").join(relative)
}

/// What one run of `bingo` did.
#[derive(Debug)]
pub struct Run {
    pub args: Vec<OsString>,
    /// `None` when the process was killed by a signal (an abort, a stack
    /// overflow).
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Fails on a panic, a crash or an exit code other than 0 or 2.
    pub fn assert_sane(&self) -> &Self {
        assert!(
            !self.stderr.contains("panicked"),
            "bingo panicked on {:?}:\n{}",
            self.args,
            self.stderr
        );
        assert!(
            matches!(self.code, Some(0 | 2)),
            "bingo {:?} exited with {:?}\nstderr:\n{}",
            self.args,
            self.code,
            self.stderr
        );
        self
    }

    /// Asserts the exit code, showing stderr when it differs.
    pub fn assert_code(&self, code: i32) -> &Self {
        self.assert_sane();
        assert_eq!(
            self.code,
            Some(code),
            "bingo {:?}\nstderr:\n{}",
            self.args,
            self.stderr
        );
        self
    }

    /// The messages printed by `bingo show --format json`.
    pub fn messages(&self) -> Vec<Value> {
        let value: Value = serde_json::from_str(&self.stdout).unwrap_or_else(|err| {
            panic!(
                "bingo {:?} printed no JSON ({err}):\n{}",
                self.args, self.stdout
            )
        });
        value.as_array().expect("a JSON array").clone()
    }

    /// The only message printed.
    pub fn message(&self) -> Value {
        let mut messages = self.messages();
        assert_eq!(messages.len(), 1, "expected one message: {}", self.stdout);
        messages.remove(0)
    }
}

/// Runs `bingo` with `args` from the crate root, feeding `stdin` when given,
/// and kills it at the [`DEADLINE`].
pub fn run_with_stdin<I, S>(args: I, stdin: Option<Vec<u8>>) -> Run
where
    I: IntoIterator<Item = S>,
    S: Into<OsString>,
{
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    let mut child = Command::new(env!("CARGO_BIN_EXE_bingo"))
        .args(&args)
        .current_dir(root())
        .env_remove("NO_COLOR")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the bingo binary starts");
    let feeder = stdin.map(|input| {
        let mut pipe = child.stdin.take().expect("stdin is piped");
        // bingo may stop reading early; a broken pipe here is not a failure.
        thread::spawn(move || drop(pipe.write_all(&input)))
    });
    let mut out_pipe = child.stdout.take().expect("stdout is piped");
    let mut err_pipe = child.stderr.take().expect("stderr is piped");
    let out = thread::spawn(move || {
        let mut buf = Vec::new();
        drop(out_pipe.read_to_end(&mut buf));
        buf
    });
    let err = thread::spawn(move || {
        let mut buf = Vec::new();
        drop(err_pipe.read_to_end(&mut buf));
        buf
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("waiting for bingo") {
            break status;
        }
        if started.elapsed() > DEADLINE {
            drop(child.kill());
            drop(child.wait());
            panic!("bingo {args:?} did not finish within {DEADLINE:?}");
        }
        thread::sleep(Duration::from_millis(20));
    };
    if let Some(feeder) = feeder {
        feeder.join().expect("stdin feeder");
    }
    let stdout = out.join().expect("stdout reader");
    let stderr = err.join().expect("stderr reader");
    Run {
        args,
        code: status.code(),
        stdout: String::from_utf8(stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
    }
}

/// Runs `bingo` with `args`, stdin closed.
pub fn run<I, S>(args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: Into<OsString>,
{
    run_with_stdin(args, None)
}

/// `bingo check --isolated --exit-zero --format ndjson --threads N PATH...`.
pub fn check_ndjson<P: AsRef<Path>>(threads: &str, paths: &[P]) -> Run {
    let mut args: Vec<OsString> = [
        "check",
        "--isolated",
        "--exit-zero",
        "--format",
        "ndjson",
        "--threads",
        threads,
    ]
    .into_iter()
    .map(Into::into)
    .collect();
    args.extend(paths.iter().map(|p| p.as_ref().as_os_str().to_owned()));
    run(args)
}

/// `bingo show --isolated --format json PATH...`, checked for panics and
/// odd exit codes.
pub fn show_json<I, S>(paths: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: Into<OsString>,
{
    let mut args: Vec<OsString> = ["show", "--isolated", "--format", "json"]
        .into_iter()
        .map(OsString::from)
        .collect();
    args.extend(paths.into_iter().map(Into::into));
    let run = run(args);
    run.assert_sane();
    run
}

/// A string field of a shown message (`""` for null).
pub fn field<'a>(message: &'a Value, name: &str) -> &'a str {
    message
        .get(name)
        .unwrap_or_else(|| panic!("no field {name} in {message}"))
        .as_str()
        .unwrap_or_default()
}

/// Runs `bingo` with `args` in the crate root, with an English locale and
/// no colour settings of the machine, and returns its output.
pub fn bingo(args: &[&str]) -> std::process::Output {
    bingo_in(root(), args)
}

/// Like [`bingo`], in another folder (for config discovery).
pub fn bingo_in(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_bingo"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("bingo runs")
}

pub fn stdout(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}
