//! The `bingo` binary: parse arguments, run, turn the outcome into an exit code.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use std::sync::{Arc, Mutex};

use anyhow::{Context, Result};
use clap::{CommandFactory, Parser};

use bingo::baseline::{Baseline, BaselineWriter};
use bingo::cli::{
    CardArgs, CardFormat, CheckArgs, CheckFormat, Cli, Command, CompletionsArgs, ConfigArgs,
    ExplainArgs, ReadArgs, RulesArgs, ShowArgs, ShowFormat, TemplateArgs,
};
use bingo::config::{self, Config};
use bingo::input::template::TemplateOptions;
use bingo::mail::Agents;
use bingo::progress::{Progress, ProgressBar};
use bingo::redact::Redactor;
use bingo::report::Reporter;
use bingo::report::csv::CsvReporter;
use bingo::report::github::GithubReporter;
use bingo::report::html::HtmlReporter;
use bingo::report::human::HumanReporter;
use bingo::report::json::{JsonReporter, NdjsonReporter};
use bingo::report::sarif::SarifReporter;
use bingo::report::show::{HumanShow, JsonShow};
use bingo::rules::{LintSettings, PerFileIgnores, Selection};
use bingo::{CheckSettings, ReadSettings, check_inputs, read_inputs, template_inputs};

/// jemalloc: worker threads free what the reader thread allocated, and
/// glibc's per-thread arenas keep that memory fragmented and resident.
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// How a run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ExitStatus {
    /// Nothing above the bar.
    Success,
    /// A message over the bar, or a security finding.
    Failure,
    /// A usage or config error, or an input that could not be read.
    Error,
}

impl From<ExitStatus> for ExitCode {
    fn from(status: ExitStatus) -> Self {
        match status {
            ExitStatus::Success => ExitCode::SUCCESS,
            ExitStatus::Failure => ExitCode::from(1),
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
        Command::Check(args) => check(&args, None),
        Command::Template(args) => template(&args),
        Command::Show(args) => show(&args),
        Command::Rules(args) => rules(&args),
        Command::Explain(args) => explain(&args),
        Command::Config(args) => show_config(&args),
        Command::Completions(args) => Ok(completions(&args)),
        Command::Man => man(),
        Command::Card(args) => card(&args),
    }
}

/// The config file to use: `--config`, else the nearest `bingo.toml` or
/// `.bingo.toml`, none with `--isolated`.
fn config_file(config: Option<&PathBuf>, isolated: bool) -> Result<Option<PathBuf>> {
    if isolated {
        return Ok(None);
    }
    if let Some(path) = config {
        return Ok(Some(path.clone()));
    }
    let cwd = std::env::current_dir().context("cannot read the current folder")?;
    Ok(config::discover(&cwd))
}

/// The settings' layers, each with where it came from: defaults, the
/// config file, the command line.
fn config_layers(
    config: Option<&PathBuf>,
    isolated: bool,
    cli_layer: Config,
) -> Result<Vec<(Config, String)>> {
    let mut layers = vec![(Config::defaults(), "default".to_string())];
    if let Some(path) = config_file(config, isolated)? {
        layers.push((Config::load(&path)?, path.display().to_string()));
    }
    layers.push((cli_layer, "command line".to_string()));
    Ok(layers)
}

/// Defaults < config file < command line, through [`Config::merge`].
fn resolve_config(read: &ReadArgs, cli_layer: Config) -> Result<Config> {
    let layers = config_layers(read.config.as_ref(), read.isolated, cli_layer)?;
    Ok(layers
        .into_iter()
        .fold(Config::default(), |merged, (layer, _)| merged.merge(layer)))
}

/// Prints every setting with its value and the layer it came from.
fn print_settings(layers: &[(Config, String)]) -> Result<ExitStatus> {
    let mut out = io::stdout().lock();
    let file = layers
        .iter()
        .find(|(_, source)| source != "default" && source != "command line");
    writeln!(
        out,
        "# config file: {}",
        file.map_or("(none)", |(_, source)| source.as_str())
    )?;
    for (key, value, from) in config::provenance(layers) {
        writeln!(out, "{key} = {value}    # {from}")?;
    }
    Ok(ExitStatus::Success)
}

fn read_settings(config: &Config, args: &ReadArgs) -> ReadSettings {
    ReadSettings {
        agents: Agents::new(config.agents.as_deref().unwrap_or_default()),
        lang: config.lang.and_then(bingo::config::LangSetting::forced),
        threads: args.threads.unwrap_or(0),
        ..ReadSettings::default()
    }
}

fn show(args: &ShowArgs) -> Result<ExitStatus> {
    let config = resolve_config(&args.read, args.read.to_config())?;
    let settings = read_settings(&config, &args.read);
    let stdout = io::stdout();
    let is_terminal = stdout.is_terminal();
    let out = io::BufWriter::new(stdout.lock());
    let paths: Vec<PathBuf> = args.read.paths.clone();
    let mut write_error: Option<io::Error> = None;
    let summary = match args.format {
        ShowFormat::Json => {
            let mut writer = JsonShow::new(out);
            let summary = read_inputs(&paths, &settings, &mut |mut message| {
                bingo::mask_passwords(&mut message);
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
            // The questions are paired as `check` pairs them: with the
            // config's extra phrase files.
            let lint = bingo::rules::LintSettings {
                lexicons: lexicons(&config)?,
                ..bingo::rules::LintSettings::default()
            };
            let summary = read_inputs(&paths, &settings, &mut |mut message| {
                bingo::mask_passwords(&mut message);
                let questions = bingo::rules::question_verdicts(&message, &lint);
                if write_error.is_none() {
                    write_error = writer.message(&message, &questions).err();
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
    print_errors(&mut stderr, &summary.errors)?;
    Ok(if summary.errors.is_empty() {
        ExitStatus::Success
    } else {
        ExitStatus::Error
    })
}

fn template(args: &TemplateArgs) -> Result<ExitStatus> {
    let options = TemplateOptions {
        column: args.column.clone(),
    };
    check(&args.check, Some(&options))
}

/// `bingo check`, or `bingo template` when `templates` is given.
fn check(args: &CheckArgs, templates: Option<&TemplateOptions>) -> Result<ExitStatus> {
    if args.show_settings {
        let layers = config_layers(
            args.read.config.as_ref(),
            args.read.isolated,
            args.to_config(),
        )?;
        return print_settings(&layers);
    }
    let config = resolve_config(&args.read, args.to_config())?;
    let mut settings = check_settings(&config, args)?;
    if args.excel && args.format != CheckFormat::Csv {
        anyhow::bail!("--excel goes with --format csv");
    }
    let mut baseline_writer = args
        .write_baseline
        .as_ref()
        .map(|_| BaselineWriter::default());
    let ui = bingo::cli::ui_lang(args.ui_lang);
    let (out, is_terminal): (Box<dyn Write>, bool) = if let Some(path) = &args.output {
        let file = std::fs::File::create(path)
            .with_context(|| format!("cannot create {}", path.display()))?;
        (Box::new(io::BufWriter::new(file)), false)
    } else {
        let stdout = io::stdout();
        let terminal = stdout.is_terminal();
        (Box::new(io::BufWriter::new(stdout.lock())), terminal)
    };
    let mut reporter: Box<dyn Reporter> = match args.format {
        CheckFormat::Human => Box::new(HumanReporter::new(
            out,
            bingo::report::use_color(args.read.color, is_terminal),
            ui,
            args.quiet,
        )),
        CheckFormat::Json => Box::new(JsonReporter::new(out)),
        CheckFormat::Ndjson => Box::new(NdjsonReporter::new(out)),
        CheckFormat::Sarif => Box::new(SarifReporter::new(out, templates.is_none())),
        CheckFormat::Github => Box::new(GithubReporter::new(out)),
        CheckFormat::Csv => {
            Box::new(CsvReporter::new(out, args.excel).context("cannot write the report")?)
        }
        CheckFormat::Html => Box::new(HtmlReporter::new(out, ui)),
    };
    // Only for people watching a terminal: never piped, in CI logs or quiet runs.
    let progress = (io::stderr().is_terminal() && std::env::var_os("CI").is_none() && !args.quiet)
        .then(Arc::<Progress>::default);
    settings.read.progress.clone_from(&progress);
    let bar = progress.map(|p| ProgressBar::start(p, args.read.paths.clone()));
    let mut redactor = args.redact.then(|| Redactor::new(ui));
    let mut write_error: Option<io::Error> = None;
    let mut report = |linted: &bingo::LintedMessage| {
        if let Some(writer) = baseline_writer.as_mut() {
            writer.add(linted);
        }
        if write_error.is_none() {
            let result = match redactor.as_mut() {
                Some(redactor) => {
                    let mut copy = linted.clone();
                    redactor.message(&mut copy);
                    reporter.message(&copy)
                }
                None => reporter.message(linted),
            };
            write_error = result.err();
        }
    };
    let mut summary = match templates {
        Some(options) => template_inputs(&args.read.paths, &settings, options, &mut report),
        None => check_inputs(&args.read.paths, &settings, &mut report),
    };
    drop(bar);
    if let Some(redactor) = redactor.as_mut() {
        redactor.summary(&mut summary);
    }
    if let Some(err) = write_error {
        return Err(err).context("cannot write the report");
    }
    reporter
        .finish(&summary)
        .context("cannot write the report")?;
    drop(reporter);
    let mut stderr = io::stderr().lock();
    print_errors(&mut stderr, &summary.errors)?;
    if let (Some(writer), Some(path)) = (&baseline_writer, &args.write_baseline) {
        writer.write(path).map_err(anyhow::Error::msg)?;
        writeln!(
            stderr,
            "bingo: wrote {} findings to the baseline {}",
            writer.len(),
            path.display()
        )?;
    }
    Ok(if !summary.errors.is_empty() {
        ExitStatus::Error
    } else if baseline_writer.is_some() {
        ExitStatus::Success
    } else if !args.exit_zero && (summary.over_max > 0 || summary.security_findings > 0) {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    })
}

/// The language packs with the config's extra phrase files (`None`: the
/// built-in ones).
fn lexicons(config: &Config) -> Result<Option<Arc<Vec<bingo::lang::lexicon::Lexicon>>>> {
    Ok(match config.extra_phrases.as_deref() {
        Some(files) if !files.is_empty() => Some(Arc::new(
            bingo::lang::lexicon::with_extra_phrases(files).map_err(anyhow::Error::msg)?,
        )),
        _ => None,
    })
}

/// Everything `check` and `template` need, from the resolved config.
fn check_settings(config: &Config, args: &CheckArgs) -> Result<CheckSettings> {
    let selection = Selection::new(
        config.select.as_deref().unwrap_or_default(),
        config.ignore.as_deref().unwrap_or_default(),
    )
    .map_err(anyhow::Error::msg)?;
    let per_file_ignores = match &config.per_file_ignores {
        Some(map) => PerFileIgnores::new(map).map_err(anyhow::Error::msg)?,
        None => PerFileIgnores::default(),
    };
    let lexicons = lexicons(config)?;
    let baseline = match &args.baseline {
        Some(path) => Some(Arc::new(Mutex::new(
            Baseline::load(path).map_err(anyhow::Error::msg)?,
        ))),
        None => None,
    };
    Ok(CheckSettings {
        read: read_settings(config, &args.read),
        lint: LintSettings {
            selection,
            products: config.products.clone().unwrap_or_default(),
            template: false,
            per_file_ignores,
            lexicons,
        },
        all: args.all,
        max_score: config.max_score.unwrap_or(0),
        square_threshold: config.square_threshold.map_or(0.10, |p| p.0 / 100.0),
        baseline,
        threads: bingo::threads::ThreadSettings {
            reply_within: config
                .reply_within
                .map_or(bingo::threads::DEFAULT_REPLY_WITHIN, |d| d.seconds),
            business_hours: config.business_hours,
        },
        ..CheckSettings::default()
    })
}

fn show_config(args: &ConfigArgs) -> Result<ExitStatus> {
    let layers = config_layers(args.config.as_ref(), args.isolated, Config::default())?;
    if args.show {
        return print_settings(&layers);
    }
    let file = layers
        .iter()
        .find(|(_, source)| source != "default" && source != "command line");
    println!(
        "{}",
        file.map_or("(no config file)", |(_, source)| source.as_str())
    );
    Ok(ExitStatus::Success)
}

fn completions(args: &CompletionsArgs) -> ExitStatus {
    let mut command = Cli::command();
    clap_complete::generate(args.shell, &mut command, "bingo", &mut io::stdout().lock());
    ExitStatus::Success
}

fn man() -> Result<ExitStatus> {
    clap_mangen::Man::new(Cli::command()).render(&mut io::stdout().lock())?;
    Ok(ExitStatus::Success)
}

fn card(args: &CardArgs) -> Result<ExitStatus> {
    let ui = bingo::cli::ui_lang(args.ui_lang);
    let card = match args.format {
        CardFormat::Text => bingo::report::card::text(ui),
        CardFormat::Html => bingo::report::card::html(ui),
    };
    match &args.output {
        Some(path) => std::fs::write(path, card)
            .with_context(|| format!("cannot write {}", path.display()))?,
        None => io::stdout().lock().write_all(card.as_bytes())?,
    }
    Ok(ExitStatus::Success)
}

fn rules(args: &RulesArgs) -> Result<ExitStatus> {
    let ui = bingo::cli::ui_lang(args.ui_lang);
    io::stdout()
        .lock()
        .write_all(bingo::report::docs::rules_table(ui).as_bytes())?;
    Ok(ExitStatus::Success)
}

fn explain(args: &ExplainArgs) -> Result<ExitStatus> {
    let Some(rule) = bingo::rules::by_id(&args.rule) else {
        anyhow::bail!("unknown rule `{}` (see `bingo rules`)", args.rule);
    };
    let ui = bingo::cli::ui_lang(args.ui_lang);
    io::stdout()
        .lock()
        .write_all(bingo::report::docs::explain(rule, ui).as_bytes())?;
    Ok(ExitStatus::Success)
}

/// Each error kept, then how many more there were.
fn print_errors(out: &mut impl Write, errors: &bingo::input::Errors) -> io::Result<()> {
    for error in errors {
        writeln!(out, "bingo: {error}")?;
    }
    if errors.omitted() > 0 {
        writeln!(
            out,
            "bingo: {} more errors not listed (the first {} are) / {} virhettä lisää, listattu {} ensimmäistä",
            errors.omitted(),
            errors.len(),
            errors.omitted(),
            errors.len()
        )?;
    }
    Ok(())
}
