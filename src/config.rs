//! Settings: defaults < `bingo.toml` / `.bingo.toml` (found in the current
//! folder or a parent, or given with `--config`) < the command line.
//!
//! Every layer is the same [`Config`] type with all fields optional, and
//! [`Config::merge`] is the one place where layers are combined.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::lang::Lang;

/// The language setting: a fixed language or detection per message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, clap::ValueEnum)]
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
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
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
    /// Glob (matched against the file path) -> rules or squares to ignore there.
    pub per_file_ignores: Option<BTreeMap<String, Vec<String>>>,
    /// More phrase files in the format of `rules/*.toml` (relative to the config file).
    pub extra_phrases: Option<Vec<PathBuf>>,
    /// The service time for `slow-reply` ("24h", "2d", "90m").
    pub reply_within: Option<Duration>,
    /// Count `slow-reply` in business hours only ("08-16", "mon-sat 09:00-17:30").
    pub business_hours: Option<crate::threads::BusinessHours>,
}

/// A span of time, written `90m`, `24h`, `2d` or `1d 12h`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Duration {
    pub seconds: u64,
}

impl std::str::FromStr for Duration {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, String> {
        let bad = || format!("`{text}` is not a duration (write e.g. 90m, 24h, 2d or 1d 12h)");
        let mut seconds = 0u64;
        let mut any = false;
        for part in text.split_whitespace() {
            let split = part.find(|c: char| !c.is_ascii_digit()).ok_or_else(bad)?;
            let (number, unit) = part.split_at(split);
            let n: u64 = number.parse().map_err(|_| bad())?;
            let scale = match unit {
                "s" => 1,
                "m" | "min" => 60,
                "h" => 3600,
                "d" => 86_400,
                "w" => 604_800,
                _ => return Err(bad()),
            };
            seconds = seconds.saturating_add(n.saturating_mul(scale));
            any = true;
        }
        if !any || seconds == 0 {
            return Err(bad());
        }
        Ok(Duration { seconds })
    }
}

impl std::fmt::Display for Duration {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let s = self.seconds;
        if s % 86_400 == 0 {
            write!(f, "{}d", s / 86_400)
        } else if s % 3600 == 0 {
            write!(f, "{}h", s / 3600)
        } else if s % 60 == 0 {
            write!(f, "{}m", s / 60)
        } else {
            write!(f, "{s}s")
        }
    }
}

impl<'de> Deserialize<'de> for Duration {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d)?
            .parse()
            .map_err(serde::de::Error::custom)
    }
}

impl Serialize for Duration {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl Serialize for Percent {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // As written in a config file: `"10%"`.
        s.serialize_str(&format!("{}%", self.0))
    }
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
    /// The built-in defaults, as a layer: every key that has a default.
    pub fn defaults() -> Config {
        Config {
            agents: Some(Vec::new()),
            products: Some(Vec::new()),
            lang: Some(LangSetting::Auto),
            select: Some(Vec::new()),
            ignore: Some(Vec::new()),
            max_score: Some(0),
            square_threshold: Some(Percent(10.0)),
            per_file_ignores: Some(BTreeMap::new()),
            extra_phrases: Some(Vec::new()),
            reply_within: Some(Duration {
                seconds: crate::threads::DEFAULT_REPLY_WITHIN,
            }),
            business_hours: None,
        }
    }

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
            per_file_ignores: other.per_file_ignores.or(self.per_file_ignores),
            extra_phrases: other.extra_phrases.or(self.extra_phrases),
            reply_within: other.reply_within.or(self.reply_within),
            business_hours: other.business_hours.or(self.business_hours),
        }
    }

    /// Parses a config file's text; errors name the file and the key.
    pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
        toml::from_str(text).map_err(|e| {
            let message = e
                .message()
                .replace("expected u8", "expected a whole number 0-255");
            let place = e.span().map(|span| {
                let start = span.start.min(text.len());
                let line = text[..start].matches('\n').count() + 1;
                let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
                // The key on that line, unless the message names it already.
                let key = text[line_start..]
                    .split_once('=')
                    .map(|(key, _)| key.trim().trim_matches('"'))
                    .filter(|key| {
                        !key.is_empty()
                            && !key.contains(['\n', '[', ' '])
                            && !message.contains(&format!("`{key}`"))
                    });
                match key {
                    Some(key) => format!("line {line}, key `{key}`: "),
                    None => format!("line {line}: "),
                }
            });
            ConfigError::Invalid {
                path: path.display().to_string(),
                message: place.unwrap_or_default() + &message,
            }
        })
    }

    /// Reads a config file. Paths in it (`extra-phrases`) are made relative
    /// to the file's folder.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.display().to_string(),
            source,
        })?;
        let mut config = Config::parse(path, &text)?;
        if let (Some(dir), Some(files)) = (path.parent(), config.extra_phrases.as_mut()) {
            for file in files.iter_mut() {
                if file.is_relative() {
                    *file = dir.join(&*file);
                }
            }
        }
        Ok(config)
    }

    /// Each key set in this layer, with its value as TOML text.
    pub fn entries(&self) -> Vec<(String, String)> {
        let Ok(toml::Value::Table(table)) = toml::Value::try_from(self) else {
            return Vec::new();
        };
        table
            .into_iter()
            .map(|(key, value)| (key, value.to_string()))
            .collect()
    }
}

/// Every key a config file may set, in the order `bingo config --show` lists them.
pub const KEYS: &[&str] = &[
    "agents",
    "products",
    "lang",
    "select",
    "ignore",
    "per-file-ignores",
    "extra-phrases",
    "max-score",
    "square-threshold",
    "reply-within",
    "business-hours",
];

/// Which layer set each key: `(key, value, source)`, for `bingo config --show`.
pub fn provenance(layers: &[(Config, String)]) -> Vec<(String, String, String)> {
    KEYS.iter()
        .map(|key| {
            let found = layers.iter().rev().find_map(|(config, source)| {
                config
                    .entries()
                    .into_iter()
                    .find(|(k, _)| k == key)
                    .map(|(_, v)| (v, source.clone()))
            });
            let (value, source) =
                found.unwrap_or_else(|| ("(not set)".to_string(), "default".to_string()));
            ((*key).to_string(), value, source)
        })
        .collect()
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
    fn durations() {
        assert_eq!("24h".parse::<Duration>().unwrap().seconds, 86_400);
        assert_eq!("1d 12h".parse::<Duration>().unwrap().seconds, 129_600);
        assert_eq!("90m".parse::<Duration>().unwrap().to_string(), "90m");
        assert!("tomorrow".parse::<Duration>().is_err());
        assert!("0h".parse::<Duration>().is_err());
        let err = Config::parse(Path::new("b.toml"), "reply-within = \"soon\"\n").unwrap_err();
        assert!(err.to_string().contains("not a duration"), "{err}");
    }

    #[test]
    fn every_key_is_listed_and_provenance_names_the_layer() {
        let text = "agents = [\"a@b.fi\"]\nproducts = [\"Kassi\"]\nlang = \"fi\"\nselect = []\nignore = []\nmax-score = 1\nsquare-threshold = 5\nreply-within = \"24h\"\nbusiness-hours = \"08-16\"\nextra-phrases = []\n[per-file-ignores]\n\"*.txt\" = [\"canned\"]\n";
        let file = Config::parse(Path::new("b.toml"), text).unwrap();
        let keys: Vec<String> = file.entries().into_iter().map(|(k, _)| k).collect();
        for key in KEYS {
            assert!(keys.iter().any(|k| k == key), "{key} not in {keys:?}");
        }
        let cli = Config {
            max_score: Some(3),
            ..Config::default()
        };
        let rows = provenance(&[
            (Config::defaults(), "default".into()),
            (file, "b.toml".into()),
            (cli, "command line".into()),
        ]);
        let row = |key: &str| rows.iter().find(|r| r.0 == key).unwrap().clone();
        assert_eq!(
            row("max-score"),
            ("max-score".into(), "3".into(), "command line".into())
        );
        assert_eq!(row("lang").2, "b.toml");
        let defaults = provenance(&[(Config::defaults(), "default".into())]);
        assert!(defaults.iter().all(|r| r.2 == "default"));
        let row = |key: &str| defaults.iter().find(|r| r.0 == key).unwrap().1.clone();
        assert_eq!(row("max-score"), "0");
        assert_eq!(row("square-threshold"), "\"10%\"");
        assert_eq!(row("reply-within"), "\"1d\"");
        assert_eq!(row("business-hours"), "(not set)");
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
