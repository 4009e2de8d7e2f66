//! One raw message -> a decoded [`Mail`] -> the parts of a [`Reply`] and
//! its context (the customer's message, names, language, kind).
//!
//! Decoding (headers, charsets, transfer encodings, HTML) is mail-parser's
//! job; splitting the text into greeting, body, closing, signature and quote
//! is ours ([`split`]), driven by the word lists in `rules/*.toml`.

pub mod context;
mod decode;
pub mod names;
pub mod split;

pub use context::{Agents, CustomerMessage, CustomerSource, MessageKind, ThreadIndex};
pub use decode::{Mail, Person, decode, html_to_text};
pub use split::{Reply, split_reply};
