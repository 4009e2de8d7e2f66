//! Language packs: the word lists in `rules/*.toml`, embedded in the binary.
//!
//! Packs are data, not code: adding a greeting or a quote marker is a change
//! to a TOML file. Every list is kept sorted and free of duplicates.

use std::sync::OnceLock;

use serde::Deserialize;

/// The packs shipped with bingo, by file name.
pub const BUILTIN: &[(&str, &str)] = &[
    ("rules/en.toml", include_str!("../../rules/en.toml")),
    ("rules/fi.toml", include_str!("../../rules/fi.toml")),
    ("rules/quotes.toml", include_str!("../../rules/quotes.toml")),
    ("rules/sv.toml", include_str!("../../rules/sv.toml")),
];

/// One language's words.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Pack {
    pub lang: String,
    pub detect: Detect,
    pub split: SplitWords,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Detect {
    pub stopwords: Vec<String>,
}

/// Words that find the parts of a reply.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct SplitWords {
    pub greetings: Vec<String>,
    pub closings: Vec<String>,
    pub wrote: Vec<String>,
    pub attribution_openers: Vec<String>,
    pub header_fields: Vec<String>,
    pub separators: Vec<String>,
    pub devices: Vec<String>,
    pub banners: Vec<String>,
    /// Abbreviated titles before a name ("Dear Mr. Smith"): their dot
    /// does not end a greeting.
    pub titles: Vec<String>,
}

impl SplitWords {
    #[cfg(test)]
    fn lists(&self) -> [(&'static str, &Vec<String>); 9] {
        [
            ("greetings", &self.greetings),
            ("closings", &self.closings),
            ("wrote", &self.wrote),
            ("attribution-openers", &self.attribution_openers),
            ("header-fields", &self.header_fields),
            ("separators", &self.separators),
            ("devices", &self.devices),
            ("banners", &self.banners),
            ("titles", &self.titles),
        ]
    }

    /// Every list of every pack, merged.
    pub fn merged<'a>(packs: impl IntoIterator<Item = &'a Pack>) -> SplitWords {
        let mut all = SplitWords::default();
        for pack in packs {
            let s = &pack.split;
            all.greetings.extend(s.greetings.iter().cloned());
            all.closings.extend(s.closings.iter().cloned());
            all.wrote.extend(s.wrote.iter().cloned());
            all.attribution_openers
                .extend(s.attribution_openers.iter().cloned());
            all.header_fields.extend(s.header_fields.iter().cloned());
            all.separators.extend(s.separators.iter().cloned());
            all.devices.extend(s.devices.iter().cloned());
            all.banners.extend(s.banners.iter().cloned());
            all.titles.extend(s.titles.iter().cloned());
        }
        all
    }
}

/// Parses one pack file; the error names the file.
pub fn parse_pack(name: &str, text: &str) -> Result<Pack, String> {
    toml::from_str(text).map_err(|e| format!("{name}: {e}"))
}

/// The built-in packs, parsed once.
pub fn builtin() -> &'static [Pack] {
    static PACKS: OnceLock<Vec<Pack>> = OnceLock::new();
    PACKS.get_or_init(|| {
        BUILTIN
            .iter()
            .map(|(name, text)| parse_pack(name, text).expect("built-in pack parses"))
            .collect()
    })
}

/// The built-in pack of one language.
pub fn pack(lang: &str) -> Option<&'static Pack> {
    builtin().iter().find(|p| p.lang == lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_pack_parses() {
        for (name, text) in BUILTIN {
            parse_pack(name, text).unwrap();
        }
        assert!(pack("fi").is_some() && pack("en").is_some() && pack("sv").is_some());
    }

    #[test]
    fn lists_are_sorted_lowercase_and_deduplicated() {
        for pack in builtin() {
            let mut lists = pack.split.lists().to_vec();
            lists.push(("stopwords", &pack.detect.stopwords));
            for (list, words) in lists {
                for pair in words.windows(2) {
                    assert!(
                        pair[0] < pair[1],
                        "{}: `{list}` is not sorted or has a duplicate at {:?}",
                        pack.lang,
                        pair
                    );
                }
                for word in words {
                    assert_eq!(
                        word,
                        &word.to_lowercase(),
                        "{}: `{list}` must be lower case",
                        pack.lang
                    );
                    assert_eq!(
                        word,
                        word.trim(),
                        "{}: `{list}` has stray spaces",
                        pack.lang
                    );
                }
            }
        }
    }
}
