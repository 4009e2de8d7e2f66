//! The command line: clap definitions, and turning flags into the same
//! [`Config`] layer a config file gives.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::config::{Config, LangSetting, Percent};
use crate::rules::UiLang;

/// A linter for customer-service email replies: scores each reply on the
/// autoreply bingo card.
#[derive(Debug, Parser)]
#[command(name = "bingo", version, about, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Lint replies and score them on the bingo card (the main job).
    Check(CheckArgs),
    /// Lint reply templates (no customer message; placeholders understood).
    Template(TemplateArgs),
    /// Print the parts of each message (greeting, body, closing, signature,
    /// quote, customer text, language) and the customer's questions with
    /// the clause that answers each, for debugging and workshops.
    Show(ShowArgs),
    /// List the rules.
    Rules(RulesArgs),
    /// Explain one rule, with bad and good examples.
    Explain(ExplainArgs),
    /// Show the resolved settings and where each came from.
    Config(ConfigArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions(CompletionsArgs),
    /// Print the man page (roff).
    Man,
    /// Print an empty bingo card to fill in by hand (text, or HTML for one A4 page).
    Card(CardArgs),
}

/// Output formats of `bingo card`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CardFormat {
    Text,
    /// One self-contained HTML page that prints on one A4 sheet.
    Html,
}

#[derive(Debug, Args)]
pub struct CardArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = CardFormat::Text)]
    pub format: CardFormat,
    /// Language of the card (default: from the locale).
    #[arg(long, value_enum, value_name = "LANG")]
    pub ui_lang: Option<UiLang>,
    /// Write the card to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// Print every setting, its value and its source.
    #[arg(long)]
    pub show: bool,
    /// Use this config file instead of looking for bingo.toml.
    #[arg(long, value_name = "FILE", conflicts_with = "isolated")]
    pub config: Option<PathBuf>,
    /// Ignore all config files.
    #[arg(long)]
    pub isolated: bool,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Output formats of `bingo check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Human,
    Json,
    Ndjson,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitHub Actions annotations.
    Github,
    /// One row per message (use `--excel` for a UTF-8 BOM).
    Csv,
    /// A self-contained HTML report (best with `--output FILE`).
    Html,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub read: ReadArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,
    /// Write the report to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Only these rules or squares (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    pub select: Vec<String>,
    /// Leave out these rules or squares (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    pub ignore: Vec<String>,
    /// Fail (exit 1) when a reply scores above this (default 0).
    #[arg(long, value_name = "N")]
    pub max_score: Option<u8>,
    /// Exit 0 even when replies score above the bar (errors still exit 2).
    #[arg(long)]
    pub exit_zero: bool,
    /// Percent of replies that must hit a square for the mailbox card (default 10).
    #[arg(long, value_name = "P")]
    pub square_threshold: Option<Percent>,
    /// Lint every message, customer messages too.
    #[arg(long)]
    pub all: bool,
    /// Print only the mailbox card.
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Language of bingo's own texts (default: from the locale).
    #[arg(long, value_enum, value_name = "LANG")]
    pub ui_lang: Option<UiLang>,
    /// Report and fail only on findings not recorded in this baseline file.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Record today's findings in this baseline file (and exit 0).
    #[arg(long, value_name = "FILE", conflicts_with = "baseline")]
    pub write_baseline: Option<PathBuf>,
    /// Print the resolved settings and where each came from, then exit.
    #[arg(long)]
    pub show_settings: bool,
    /// Mask names, email addresses, phone numbers, street addresses, IBANs
    /// and order numbers in every output ("Asiakas 1" / "Customer 1").
    #[arg(long)]
    pub redact: bool,
    /// With `--format csv`: start with a UTF-8 byte order mark, for Excel.
    #[arg(long)]
    pub excel: bool,
}

impl CheckArgs {
    /// The command line as a config layer.
    pub fn to_config(&self) -> Config {
        Config {
            select: (!self.select.is_empty()).then(|| self.select.clone()),
            ignore: (!self.ignore.is_empty()).then(|| self.ignore.clone()),
            max_score: self.max_score,
            square_threshold: self.square_threshold,
            ..self.read.to_config()
        }
    }
}

#[derive(Debug, Args)]
pub struct TemplateArgs {
    #[command(flatten)]
    pub check: CheckArgs,
    /// The CSV column holding the template text (name or 1-based number;
    /// default: the first column that looks like text).
    #[arg(long, value_name = "COLUMN")]
    pub column: Option<String>,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Language of the rule texts (default: from the locale).
    #[arg(long, value_enum, value_name = "LANG")]
    pub ui_lang: Option<UiLang>,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The rule id (see `bingo rules`).
    pub rule: String,
    /// Language of the explanation (default: from the locale).
    #[arg(long, value_enum, value_name = "LANG")]
    pub ui_lang: Option<UiLang>,
}

/// The UI language: the flag, else the locale (`LC_ALL`, `LC_MESSAGES`,
/// `LANG`) when it is Finnish, else English.
pub fn ui_lang(flag: Option<UiLang>) -> UiLang {
    flag.unwrap_or_else(|| {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
            .unwrap_or_default();
        if locale.starts_with("fi") {
            UiLang::Fi
        } else {
            UiLang::En
        }
    })
}

/// When to colour the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Options shared by the commands that read mail.
#[derive(Debug, Args)]
pub struct ReadArgs {
    /// Files, folders (walked recursively) or `-` for stdin.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// An agent address or domain; their messages are the replies (repeatable).
    #[arg(long = "agent", value_name = "ADDR")]
    pub agents: Vec<String>,
    /// The language of the replies, or `auto` to detect per message.
    #[arg(long, value_enum, value_name = "LANG")]
    pub lang: Option<LangSetting>,
    /// Use this config file instead of looking for bingo.toml.
    #[arg(long, value_name = "FILE", conflicts_with = "isolated")]
    pub config: Option<PathBuf>,
    /// Ignore all config files.
    #[arg(long)]
    pub isolated: bool,
    /// Colour: auto (when stdout is a terminal and `NO_COLOR` is unset), always, never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
    /// Worker threads for decoding and linting (default: every core; 1: no workers).
    /// The output is the same whatever the number.
    #[arg(long, value_name = "N", env = "BINGO_THREADS")]
    pub threads: Option<usize>,
}

impl ReadArgs {
    /// The command line as a config layer.
    pub fn to_config(&self) -> Config {
        Config {
            agents: (!self.agents.is_empty()).then(|| self.agents.clone()),
            lang: self.lang,
            ..Config::default()
        }
    }
}

/// Output of `bingo show`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    Human,
    Json,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    #[command(flatten)]
    pub read: ReadArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ShowFormat::Human)]
    pub format: ShowFormat,
}
