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
    #[serde(default)]
    pub detect: Detect,
    #[serde(default)]
    pub greeting: GreetingWords,
    #[serde(default)]
    pub vague: VagueWords,
    #[serde(default)]
    pub tone: ToneWords,
    #[serde(default)]
    pub questions: QuestionWords,
    #[serde(default)]
    pub canned: CannedWords,
    #[serde(default)]
    pub password: PasswordWords,
    /// Bad and good example replies per square; they run as tests.
    #[serde(default)]
    pub examples: Vec<Example>,
    #[serde(default)]
    pub split: SplitWords,
    #[serde(default)]
    pub advisory: AdvisoryWords,
}

/// Phrases for the advisory rules (0 points, shown apart from the card),
/// in the notation of stock phrases: `*` for any ending, `…` for a gap.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[serde(default)]
pub struct AdvisoryWords {
    /// The customer complains (`missing-apology`).
    pub complaint: Vec<String>,
    /// The reply apologises or expresses regret.
    pub apology: Vec<String>,
    /// An automatic acknowledgement that answers nothing (`echo-reply`).
    pub acknowledgement: Vec<String>,
    /// Words that make a sentence a request (`reasked-info`).
    pub ask: Vec<String>,
    /// Details a customer gives and a reply may ask for again.
    pub order_number: Vec<String>,
    pub account_number: Vec<String>,
    pub phone: Vec<String>,
    pub address: Vec<String>,
    pub customer_number: Vec<String>,
    pub email: Vec<String>,
    /// The customer cancels (`cancellation-steps`), and the steps of a good reply.
    pub cancellation: Vec<String>,
    pub regret: Vec<String>,
    pub reason: Vec<String>,
    pub instructions: Vec<String>,
    pub confirmation: Vec<String>,
    pub thanks: Vec<String>,
    /// Informal address where the tone pack's casual address is slang (sv "du").
    pub informal_address: Vec<String>,
    /// Words the casual address patterns take for "sinä" forms that are not
    /// (fi conditionals: "pitäisi", "olisi").
    pub informal_exceptions: Vec<String>,
}

impl AdvisoryWords {
    /// Every list by its key in the pack.
    pub fn lists(&self) -> [(&'static str, &Vec<String>); 18] {
        [
            ("complaint", &self.complaint),
            ("apology", &self.apology),
            ("acknowledgement", &self.acknowledgement),
            ("ask", &self.ask),
            ("order-number", &self.order_number),
            ("account-number", &self.account_number),
            ("phone", &self.phone),
            ("address", &self.address),
            ("customer-number", &self.customer_number),
            ("email", &self.email),
            ("cancellation", &self.cancellation),
            ("regret", &self.regret),
            ("reason", &self.reason),
            ("instructions", &self.instructions),
            ("confirmation", &self.confirmation),
            ("thanks", &self.thanks),
            ("informal-address", &self.informal_address),
            ("informal-exceptions", &self.informal_exceptions),
        ]
    }
}

/// Words that stand where the customer's name should be.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct GreetingWords {
    pub generic_names: Vec<String>,
    pub titles: Vec<String>,
}

/// Generic product and service words, and the reader in the third person.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct VagueWords {
    pub generic_stems: Vec<String>,
    pub case_endings: Vec<String>,
    pub possessives: Vec<String>,
    pub clitics: Vec<String>,
    /// Words that, right after a generic word, make it part of a specific
    /// compound ("product page", "service desk").
    pub compound_heads: Vec<String>,
    /// Where not empty, a generic word counts only right after one of these
    /// ("the item", "your service"), or after one and a modifier.
    pub determiners: Vec<String>,
    /// Words that may stand between a determiner and the generic word ("the
    /// requested products", "your new item"); one that starts with a hyphen
    /// is an ending ("-ed").
    pub modifiers: Vec<String>,
    /// Regular expressions (case-insensitive, whole words).
    pub third_person: Vec<String>,
    /// Words that make a name in the customer's message a street, not the
    /// thing: the street word itself or the one after the name ("Elm
    /// Close"), and endings of street names ("Kiviharjuntie").
    pub streets: Vec<String>,
    pub street_endings: Vec<String>,
    /// Beginnings of compound heads that make a name a shop, an office or
    /// a page ("Ekby-butiken", "Kamppi-myymälä", "Oma tili -sivulla").
    pub place_heads: Vec<String>,
    /// Parts of words that name a code ("koodilla", "rabattkoden",
    /// "voucher"): a code right after them ("koodilla LANKA10") is no name
    /// of the thing.
    pub code_words: Vec<String>,
    /// Set phrases in which a generic word is no noun for the thing ("at
    /// your service", "stå till tjänst").
    pub idioms: Vec<String>,
    /// Conjunctions that join the last two things of a list ("ja", "and").
    pub list_joiners: Vec<String>,
    /// Words that open a clause, not a list, after a comma ("jotka",
    /// "which", "som").
    pub clause_openers: Vec<String>,
    /// Does a capitalised word of the customer's message (not the first of
    /// its sentence) name the thing when the reply repeats it ("the Fluval
    /// 307", "Massagen Djupro")? Not in Finnish, which writes a product in
    /// lower case or in a compound with its brand ("Husqvarna-ompelukone"):
    /// its capitalised words are people and places ("Kittilästä", "Elias").
    pub capitalised_names: bool,
}

/// Register markers (regular expressions unless said otherwise).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct ToneWords {
    pub formal_address: Vec<String>,
    /// Whole words that look like formal address but are not.
    pub formal_exceptions: Vec<String>,
    pub casual_address: Vec<String>,
    pub casual_exceptions: Vec<String>,
    /// Literal words or emoticons.
    pub casual_cues: Vec<String>,
    pub formal_cues: Vec<String>,
    /// Literal words or emoticons.
    pub casual_reply: Vec<String>,
}

/// Question cues and answer evidence (literal words and phrases).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct QuestionWords {
    pub when: Vec<String>,
    /// "Kauanko", "how long": a duration answers, not a date.
    pub how_long: Vec<String>,
    pub how_much: Vec<String>,
    #[serde(rename = "where")]
    pub where_: Vec<String>,
    pub yes_no: Vec<String>,
    /// "Miksi", "why": the answer gives a reason.
    pub why: Vec<String>,
    pub other: Vec<String>,
    pub indirect: Vec<String>,
    pub yes_no_answers: Vec<String>,
    /// Answers that say what one can do ("you can", "we can"): they answer
    /// a question asked with one of `ability_cues` ("Can I…?", "Do you
    /// do…?"), not one on how things are ("Is the deposit refundable?").
    pub ability_answers: Vec<String>,
    pub ability_cues: Vec<String>,
    /// Words of need ("pitääkö", "do I have to", "måste"): a question with
    /// one is answered yes or no by a sentence with one ("sinun ei
    /// tarvitse", "you don't need to", "du behöver inte").
    pub necessity: Vec<String>,
    /// Verbs of a request that, after "ja"/"sekä"/"and"/"samt", ask a
    /// further thing in the same sentence ("…vapaana, sekä kertomaan mökin
    /// viikkovuokran", "…samt meddela vid vilken tidpunkt…").
    pub request_verbs: Vec<String>,
    pub time_words: Vec<String>,
    /// Words that give a duration ("viikossa", "two days", "direkt").
    pub duration_words: Vec<String>,
    pub place_words: Vec<String>,
    /// Words that give a reason ("koska", "because", "eftersom").
    pub reason_words: Vec<String>,
    pub ignore: Vec<String>,
    /// Words that join a question to the one before ("ja", "entä",
    /// "also", "och"): the question word comes after them.
    pub leading: Vec<String>,
    /// Words that point back at what was said before ("se", "it", "det").
    pub pointers: Vec<String>,
    /// Words that name the same thing in customer service, each group the
    /// beginnings of its words ("bike bicycl"): a question and an answer
    /// pair on them.
    pub synonyms: Vec<String>,
    /// Words that ask for a time inside a yes/no question or a request
    /// ("onko teillä aikaa…", "har ni nån tid…", "any slots…"): a time
    /// answers them as well as a yes or a no.
    pub time_topics: Vec<String>,
    /// Subjects that, right after a verb, make a yes/no question ("Säljer
    /// ni…?", "Finns det…?").
    pub subjects: Vec<String>,
    /// Adverbs that, first in a sentence, put a statement's verb before
    /// its subject ("Dessutom har lappen ramlat bort"): after them the
    /// word order asks nothing.
    pub fronting: Vec<String>,
    /// Words that, after a comma, open a clause on why the customer asks
    /// ("Mikä on wifin salasana, kun en löytänyt sitä?"): its words are no
    /// topic of the question.
    pub asides: Vec<String>,
    /// Questions that ask for a price in other words, in the notation of
    /// stock phrases ("mitä … maksa*": "mitä kissan rokotus maksaa?"): an
    /// amount answers them.
    pub cost_words: Vec<String>,
    /// Requests for a reply itself ("vasta* … pian", "get back to me as
    /// soon"), in the notation of stock phrases: the reply answers them.
    pub reply_requests: Vec<String>,
    /// Words that end like a Finnish question verb and are not one
    /// ("kaks", "koko").
    pub not_questions: Vec<String>,
    /// Yes/no answer words that are a determiner before a noun, and then
    /// no answer ("no fee", "no extra cost").
    pub determiners: Vec<String>,
    /// Words after which a determiner answers all the same ("No, sorry",
    /// "no we don't", "no unfortunately").
    pub determiner_answers: Vec<String>,
    /// Verbs that, first in a sentence, open a condition and ask nothing
    /// ("Should you need…", "Were it…").
    pub conditions: Vec<String>,
    /// A question word and a verb that open a topic and ask nothing ("vad
    /// gäller betalningen…": as for the payment).
    pub topic_openers: Vec<String>,
    /// Greetings and small talk that end with a question mark and ask
    /// nothing ("mitä kuuluu", "how are you").
    pub small_talk: Vec<String>,
    /// Words that open a thank-you sentence ("kiitos", "thanks"): thanking
    /// for an order does not answer a question about it.
    pub thanks: Vec<String>,
    /// Words that join two questions in one sentence ("ja", "also",
    /// "samt").
    pub joiners: Vec<String>,
    /// Words that offer an alternative ("vai", "or"): the two sides of one
    /// ask one thing, and an answer to either answers it.
    pub alternatives: Vec<String>,
    /// Conjunctions that, after a comma, open a new clause of the reply
    /// (", ja…", ", but…"): each clause may answer a question of its own.
    pub clause_cuts: Vec<String>,
    /// Endings of a verb that asks someone to do something ("voisitteko",
    /// "voitko", the asker's own "voisinko"): the request's verb follows.
    pub request_endings: Vec<String>,
    /// Two words that open a request ("can you", "kan ni"): the request's
    /// verb follows.
    pub request_openers: Vec<String>,
    /// Words that may stand inside an indirect phrase ("pyydän Teitä
    /// ystävällisesti ilmoittamaan", "could you please let me know").
    pub fillers: Vec<String>,
    /// Beginnings of the words that ask whether something is included
    /// ("sisältyykö", "kuuluuko", "included", "ingår"): a yes or a no, a
    /// price or the word again answers such a question, not its topic.
    pub inclusion: Vec<String>,
    /// Phrases that say something costs nothing ("maksuton", "at no extra
    /// cost", "utan kostnad"), in the notation of stock phrases: they
    /// answer a question on a price as an amount does.
    pub free: Vec<String>,
    /// Words that, right after an indirect phrase, ask yes or no ("jag
    /// undrar om…", "I'd like to know whether…").
    pub whether: Vec<String>,
}

/// Stock phrases: words, `*` for any ending, `…` for a short gap.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct CannedWords {
    pub phrases: Vec<String>,
    pub not_canned: Vec<String>,
}

/// Words that announce a password and words after them that are not one.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct PasswordWords {
    /// Words, `*` for any ending.
    pub cues: Vec<String>,
    /// Cues of codes whose value may be digits only ("PIN 4471",
    /// "tunnusluku 5829"); they announce a password like the other cues.
    pub code_cues: Vec<String>,
    pub copulas: Vec<String>,
    pub not_passwords: Vec<String>,
    /// Field names that end a password's part of a line ("käyttäjätunnus:
    /// x").
    pub other_fields: Vec<String>,
    /// Endings of participles and adjectives: a lone lower-case word with
    /// one after a copula is no value ("is changed", "on vaihdettu").
    pub participle_endings: Vec<String>,
    /// Words that point back at a code named earlier in the reply ("the
    /// code", "koodi", "koden"): after a code cue they announce it too
    /// ("…an activation code is required. Please find below the code
    /// issued to you: 305 118").
    pub code_references: Vec<String>,
    /// Words that sign one in: in their sentence, a code reference
    /// followed by digits is a sign-in code ("log in with your booking ref
    /// and the code 4490").
    pub sign_in: Vec<String>,
}

/// A bad and a good reply for one square, with the customer's message
/// where the square needs one.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Example {
    pub square: String,
    pub bad: String,
    pub good: String,
    #[serde(default)]
    pub customer: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Detect {
    pub stopwords: Vec<String>,
}

/// Words that find the parts of a reply.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
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
    pub(crate) fn lists(&self) -> [(&'static str, &Vec<String>); 9] {
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
            lists.extend(pack.advisory.lists());
            lists.push(("stopwords", &pack.detect.stopwords));
            lists.extend([
                ("generic-names", &pack.greeting.generic_names),
                ("titles", &pack.greeting.titles),
                ("generic-stems", &pack.vague.generic_stems),
                ("case-endings", &pack.vague.case_endings),
                ("possessives", &pack.vague.possessives),
                ("clitics", &pack.vague.clitics),
                ("compound-heads", &pack.vague.compound_heads),
                ("determiners", &pack.vague.determiners),
                ("modifiers", &pack.vague.modifiers),
                ("casual-cues", &pack.tone.casual_cues),
                ("casual-reply", &pack.tone.casual_reply),
                ("formal-exceptions", &pack.tone.formal_exceptions),
                ("casual-exceptions", &pack.tone.casual_exceptions),
                ("when", &pack.questions.when),
                ("how-long", &pack.questions.how_long),
                ("how-much", &pack.questions.how_much),
                ("where", &pack.questions.where_),
                ("yes-no", &pack.questions.yes_no),
                ("why", &pack.questions.why),
                ("reason-words", &pack.questions.reason_words),
                ("other", &pack.questions.other),
                ("indirect", &pack.questions.indirect),
                ("yes-no-answers", &pack.questions.yes_no_answers),
                ("ability-answers", &pack.questions.ability_answers),
                ("ability-cues", &pack.questions.ability_cues),
                ("necessity", &pack.questions.necessity),
                ("request-verbs", &pack.questions.request_verbs),
                ("time-words", &pack.questions.time_words),
                ("duration-words", &pack.questions.duration_words),
                ("place-words", &pack.questions.place_words),
                ("ignore", &pack.questions.ignore),
                ("leading", &pack.questions.leading),
                ("pointers", &pack.questions.pointers),
                ("synonyms", &pack.questions.synonyms),
                ("time-topics", &pack.questions.time_topics),
                ("other-fields", &pack.password.other_fields),
                ("participle-endings", &pack.password.participle_endings),
                ("code-references", &pack.password.code_references),
                ("sign-in", &pack.password.sign_in),
                ("subjects", &pack.questions.subjects),
                ("fronting", &pack.questions.fronting),
                ("asides", &pack.questions.asides),
                ("not-questions", &pack.questions.not_questions),
                ("cost-words", &pack.questions.cost_words),
                ("reply-requests", &pack.questions.reply_requests),
                ("determiners", &pack.questions.determiners),
                ("determiner-answers", &pack.questions.determiner_answers),
                ("conditions", &pack.questions.conditions),
                ("topic-openers", &pack.questions.topic_openers),
                ("small-talk", &pack.questions.small_talk),
                ("thanks", &pack.questions.thanks),
                ("joiners", &pack.questions.joiners),
                ("alternatives", &pack.questions.alternatives),
                ("clause-cuts", &pack.questions.clause_cuts),
                ("request-endings", &pack.questions.request_endings),
                ("request-openers", &pack.questions.request_openers),
                ("fillers", &pack.questions.fillers),
                ("inclusion", &pack.questions.inclusion),
                ("free", &pack.questions.free),
                ("whether", &pack.questions.whether),
                ("list-joiners", &pack.vague.list_joiners),
                ("clause-openers", &pack.vague.clause_openers),
                ("streets", &pack.vague.streets),
                ("street-endings", &pack.vague.street_endings),
                ("place-heads", &pack.vague.place_heads),
                ("code-words", &pack.vague.code_words),
                ("idioms", &pack.vague.idioms),
                ("phrases", &pack.canned.phrases),
                ("cues", &pack.password.cues),
                ("code-cues", &pack.password.code_cues),
                ("copulas", &pack.password.copulas),
                ("not-passwords", &pack.password.not_passwords),
            ]);
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

    /// The keys serde reads for `T`, found by asking it to read a struct
    /// from a deserializer that only records what it was asked for.
    fn keys_of<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
        use serde::de::{self, Visitor};
        struct Probe<'a>(&'a mut &'static [&'static str]);
        impl<'de> de::Deserializer<'de> for Probe<'_> {
            type Error = de::value::Error;
            fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
                Err(de::Error::custom("not a struct"))
            }
            fn deserialize_struct<V: Visitor<'de>>(
                self,
                _: &'static str,
                fields: &'static [&'static str],
                _: V,
            ) -> Result<V::Value, Self::Error> {
                *self.0 = fields;
                Err(de::Error::custom("probed"))
            }
            serde::forward_to_deserialize_any! {
                bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
                bytes byte_buf option unit unit_struct newtype_struct seq tuple
                tuple_struct map enum identifier ignored_any
            }
        }
        let mut fields: &'static [&'static str] = &[];
        let _ = T::deserialize(Probe(&mut fields));
        fields
    }

    /// Every section defaults its keys so that a user's phrase file needs
    /// only what it adds; the built-in language packs must still spell out
    /// every key (empty where the language has no such words), so that a
    /// key left out by mistake fails here instead of reading as empty.
    #[test]
    fn builtin_language_packs_have_every_key() {
        let sections: [(&str, &[&str]); 9] = [
            ("detect", keys_of::<Detect>()),
            ("greeting", keys_of::<GreetingWords>()),
            ("vague", keys_of::<VagueWords>()),
            ("tone", keys_of::<ToneWords>()),
            ("questions", keys_of::<QuestionWords>()),
            ("canned", keys_of::<CannedWords>()),
            ("password", keys_of::<PasswordWords>()),
            ("split", keys_of::<SplitWords>()),
            ("advisory", keys_of::<AdvisoryWords>()),
        ];
        assert!(keys_of::<QuestionWords>().contains(&"where"));
        for (name, text) in BUILTIN {
            let table: toml::Table = toml::from_str(text).unwrap();
            let lang = table["lang"].as_str().unwrap();
            if !matches!(lang, "fi" | "en" | "sv") {
                continue;
            }
            for (section, keys) in sections {
                let Some(toml::Value::Table(words)) = table.get(section) else {
                    panic!("{name}: no [{section}] section");
                };
                for key in keys {
                    assert!(
                        words.contains_key(*key),
                        "{name}: [{section}] has no `{key}` (write `{key} = []` if the language has none)"
                    );
                }
            }
        }
    }
}
