//! The `bingo` binary: parse arguments, run, turn the outcome into an exit code.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Parser;

use bingo::cli::{Cli, Command, ReadArgs, ShowArgs, ShowFormat};
use bingo::config::{self, Config};
use bingo::mail::Agents;
use bingo::report::show::{HumanShow, JsonShow};
use bingo::{ReadSettings, read_inputs};

/// How a run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ExitStatus {
    /// Nothing above the bar.
    Success,
    /// A usage or config error, or an input that could not be read.
    Error,
}

impl From<ExitStatus> for ExitCode {
    fn from(status: ExitStatus) -> Self {
        match status {
            ExitStatus::Success => ExitCode::SUCCESS,
            ExitStatus::Error => ExitCode::from(2),
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(status) => status.into(),
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("bingo: {err:#}");
            ExitStatus::Error.into()
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

fn run(cli: Cli) -> Result<ExitStatus> {
    match cli.command {
        Command::Show(args) => show(&args),
    }
}

/// Defaults < config file < command line.
fn resolve_config(read: &ReadArgs) -> Result<Config> {
    let file = if read.isolated {
        None
    } else if let Some(path) = &read.config {
        Some(path.clone())
    } else {
        let cwd = std::env::current_dir().context("cannot read the current folder")?;
        config::discover(&cwd)
    };
    let from_file = match file {
        Some(path) => Config::load(&path)?,
        None => Config::default(),
    };
    Ok(Config::default().merge(from_file).merge(read.to_config()))
}

fn read_settings(config: &Config) -> ReadSettings {
    ReadSettings {
        agents: Agents::new(config.agents.as_deref().unwrap_or_default()),
        lang: config.lang.and_then(bingo::config::LangSetting::forced),
    }
}

fn show(args: &ShowArgs) -> Result<ExitStatus> {
    let config = resolve_config(&args.read)?;
    let settings = read_settings(&config);
    let stdout = io::stdout();
    let is_terminal = stdout.is_terminal();
    let out = io::BufWriter::new(stdout.lock());
    let paths: Vec<PathBuf> = args.read.paths.clone();
    let mut write_error: Option<io::Error> = None;
    let summary = match args.format {
        ShowFormat::Json => {
            let mut writer = JsonShow::new(out);
            let summary = read_inputs(&paths, &settings, &mut |message| {
                if write_error.is_none() {
                    write_error = writer.message(&message).err();
                }
            });
            if let Some(err) = write_error.take() {
                return Err(err).context("cannot write output");
            }
            writer.finish().context("cannot write output")?;
            summary
        }
        ShowFormat::Human => {
            let color = bingo::report::use_color(args.read.color, is_terminal);
            let mut writer = HumanShow::new(out, color);
            let summary = read_inputs(&paths, &settings, &mut |message| {
                if write_error.is_none() {
                    write_error = writer.message(&message).err();
                }
            });
            if let Some(err) = write_error.take() {
                return Err(err).context("cannot write output");
            }
            writer.finish().context("cannot write output")?;
            summary
        }
    };
    let mut stderr = io::stderr().lock();
    for error in &summary.errors {
        writeln!(stderr, "bingo: {error}")?;
    }
    Ok(if summary.errors.is_empty() {
        ExitStatus::Success
    } else {
        ExitStatus::Error
    })
}
