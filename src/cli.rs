//! The command line: clap definitions, and turning flags into the same
//! [`Config`] layer a config file gives.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::config::{Config, LangSetting};

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
    /// Print the parts of each message (greeting, body, closing, signature,
    /// quote, customer text, language), for debugging and workshops.
    Show(ShowArgs),
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
