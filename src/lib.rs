//! autoreply-bingo: a linter for customer-service email replies.
//!
//! Data flows one way: [`input`] finds and streams raw messages, [`mail`]
//! decodes and splits each into a [`Message`], [`rules`] look at it, [`score`]
//! turns findings into cards, and [`report`] writes them out. The library
//! never prints; the binary does.

pub mod cli;
pub mod config;
pub mod input;
pub mod lang;
pub mod mail;
pub mod report;
pub mod rules;
pub mod score;

use std::path::PathBuf;
use std::sync::Arc;

use input::{InputError, RawMessage, ReadOutcome};
use lang::Lang;
use mail::{Agents, CustomerMessage, Mail, MessageKind, Reply, ThreadIndex};

/// One message read from the input, decoded, split and put in context.
#[derive(Debug, Clone)]
pub struct Message {
    /// The file it came from, as the user named it (`-` for stdin).
    pub file: Arc<str>,
    /// 0-based position in its file.
    pub index: usize,
    pub mail: Mail,
    pub reply: Reply,
    pub kind: MessageKind,
    pub language: Option<Lang>,
    /// The message this one answers, when it can be found.
    pub customer: Option<CustomerMessage>,
    /// The names the customer goes by, best first.
    pub customer_names: Vec<String>,
}

/// How messages are read and put in context.
#[derive(Debug, Clone, Default)]
pub struct ReadSettings {
    pub agents: Agents,
    /// A language forced by the user instead of detection.
    pub lang: Option<Lang>,
}

/// What reading the inputs produced besides the messages.
#[derive(Debug, Default)]
pub struct ReadSummary {
    pub messages: usize,
    /// Files found while walking folders that were not mail.
    pub skipped: usize,
    pub errors: Vec<InputError>,
}

/// Turns one raw message into a [`Message`], using and feeding the thread
/// index so that later replies can find the messages they answer.
pub fn analyse(
    file: &Arc<str>,
    raw: &RawMessage,
    settings: &ReadSettings,
    threads: &mut ThreadIndex,
) -> Result<Message, InputError> {
    let mail = mail::decode(&raw.bytes).map_err(|message| {
        InputError::new(file.as_ref(), format!("message {}: {message}", raw.index))
    })?;
    let reply = mail::split_reply(&mail.text);
    let kind = mail::context::classify(&mail, &reply, &settings.agents);
    let customer = threads.customer_of(&mail, &reply);
    threads.add(&mail, &reply);
    let customer_names = mail::context::customer_names(&mail, customer.as_ref());
    let language = settings
        .lang
        .or_else(|| mail::context::language(&reply, customer.as_ref()));
    Ok(Message {
        file: Arc::clone(file),
        index: raw.index,
        mail,
        reply,
        kind,
        language,
        customer,
        customer_names,
    })
}

/// Reads every input in order and hands each message on. Problems with one
/// input are collected and the others are still read.
pub fn read_inputs(
    paths: &[PathBuf],
    settings: &ReadSettings,
    on_message: &mut dyn FnMut(Message),
) -> ReadSummary {
    let discovery = input::discover(paths);
    let mut summary = ReadSummary {
        skipped: discovery.skipped,
        errors: discovery.errors,
        ..ReadSummary::default()
    };
    let mut threads = ThreadIndex::default();
    for source in &discovery.sources {
        let file: Arc<str> = Arc::from(source.display_name());
        let mut message_errors = Vec::new();
        let mut read_errors = Vec::new();
        let outcome = input::read_source(
            source,
            &mut |raw| match analyse(&file, &raw, settings, &mut threads) {
                Ok(message) => {
                    summary.messages += 1;
                    on_message(message);
                }
                Err(err) => message_errors.push(err),
            },
            &mut |err| read_errors.push(err),
        );
        summary.errors.append(&mut message_errors);
        summary.errors.append(&mut read_errors);
        match outcome {
            Ok(ReadOutcome::Skipped) => summary.skipped += 1,
            Ok(ReadOutcome::Mail { .. }) => {}
            Err(err) => summary.errors.push(err),
        }
    }
    summary
}
