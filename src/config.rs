//! Settings: defaults < `bingo.toml` / `.bingo.toml` (found in the current
//! folder or a parent, or given with `--config`) < the command line.
//!
//! Every layer is the same [`Config`] type with all fields optional, and
//! [`Config::merge`] is the one place where layers are combined.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::lang::Lang;

/// The language setting: a fixed language or detection per message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum LangSetting {
    Auto,
    Fi,
    En,
    Sv,
}

impl LangSetting {
    /// The forced language, `None` for detection.
    pub fn forced(self) -> Option<Lang> {
        match self {
            LangSetting::Auto => None,
            LangSetting::Fi => Some(Lang::Fi),
            LangSetting::En => Some(Lang::En),
            LangSetting::Sv => Some(Lang::Sv),
        }
    }
}

/// One layer of settings. `None` means "not set in this layer".
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    /// Agent addresses or domains: their messages are the replies.
    pub agents: Option<Vec<String>>,
    /// Product and service names the company sells.
    pub products: Option<Vec<String>>,
    pub lang: Option<LangSetting>,
    /// Rules or squares to run (empty: all).
    pub select: Option<Vec<String>>,
    /// Rules or squares to leave out.
    pub ignore: Option<Vec<String>>,
    /// A reply scoring above this fails the run (default 0).
    pub max_score: Option<u8>,
    /// Percent of replies that must hit a square for the mailbox card.
    pub square_threshold: Option<Percent>,
}

/// A percentage, written `10`, `12.5` or `"10%"`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Percent(pub f64);

impl std::str::FromStr for Percent {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, String> {
        let number = text.trim().trim_end_matches('%').trim();
        let value: f64 = number
            .parse()
            .map_err(|_| format!("`{text}` is not a percentage (write e.g. 10 or 10%)"))?;
        if !(0.0..=100.0).contains(&value) {
            return Err(format!("`{text}` is not between 0 and 100"));
        }
        Ok(Percent(value))
    }
}

impl<'de> Deserialize<'de> for Percent {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Number(f64),
            Text(String),
        }
        match Raw::deserialize(d)? {
            Raw::Number(n) => n.to_string().parse(),
            Raw::Text(t) => t.parse(),
        }
        .map_err(serde::de::Error::custom)
    }
}

/// A config file problem: names the file and what is wrong.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: cannot read config file: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Invalid { path: String, message: String },
}

impl Config {
    /// `other` wins wherever it sets a value.
    #[must_use]
    pub fn merge(self, other: Config) -> Config {
        Config {
            agents: other.agents.or(self.agents),
            products: other.products.or(self.products),
            lang: other.lang.or(self.lang),
            select: other.select.or(self.select),
            ignore: other.ignore.or(self.ignore),
            max_score: other.max_score.or(self.max_score),
            square_threshold: other.square_threshold.or(self.square_threshold),
        }
    }

    /// Parses a config file's text; errors name the file and the key.
    pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
        toml::from_str(text).map_err(|e| ConfigError::Invalid {
            path: path.display().to_string(),
            message: e.message().to_string()
                + &e.span()
                    .map(|span| {
                        let line = text[..span.start].matches('\n').count() + 1;
                        format!(" (line {line})")
                    })
                    .unwrap_or_default(),
        })
    }

    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.display().to_string(),
            source,
        })?;
        Config::parse(path, &text)
    }
}

/// The config file for `start`: `bingo.toml` or `.bingo.toml` in it or the
/// nearest parent that has one.
pub fn discover(start: &Path) -> Option<PathBuf> {
    start.ancestors().find_map(|dir| {
        ["bingo.toml", ".bingo.toml"]
            .iter()
            .map(|name| dir.join(name))
            .find(|p| p.is_file())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn later_layers_win() {
        let file = Config {
            agents: Some(vec!["a@b.fi".into()]),
            lang: Some(LangSetting::Fi),
            ..Config::default()
        };
        let cli = Config {
            lang: Some(LangSetting::En),
            ..Config::default()
        };
        let merged = Config::default().merge(file).merge(cli);
        assert_eq!(merged.agents, Some(vec!["a@b.fi".to_string()]));
        assert_eq!(merged.lang, Some(LangSetting::En));
    }

    #[test]
    fn unknown_key_is_an_error_naming_file_and_key() {
        let err =
            Config::parse(Path::new("bingo.toml"), "agents = []\nagentz = [\"x\"]\n").unwrap_err();
        let text = err.to_string();
        assert!(text.starts_with("bingo.toml:"), "{text}");
        assert!(text.contains("agentz"), "{text}");
        assert!(text.contains("line 2"), "{text}");
    }

    #[test]
    fn percentages() {
        let c = Config::parse(Path::new("b.toml"), "square-threshold = \"25%\"\n").unwrap();
        assert_eq!(c.square_threshold, Some(Percent(25.0)));
        let c = Config::parse(Path::new("b.toml"), "square-threshold = 5\n").unwrap();
        assert_eq!(c.square_threshold, Some(Percent(5.0)));
        let err = Config::parse(Path::new("b.toml"), "square-threshold = 150\n").unwrap_err();
        assert!(err.to_string().contains("between 0 and 100"), "{err}");
    }

    #[test]
    fn finds_config_in_a_parent_folder() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(".bingo.toml"), "lang = \"fi\"\n").unwrap();
        let sub = dir.path().join("a/b");
        std::fs::create_dir_all(&sub).unwrap();
        assert_eq!(discover(&sub), Some(dir.path().join(".bingo.toml")));
    }
}
