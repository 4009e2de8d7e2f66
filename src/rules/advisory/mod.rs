//! The advisory rules: habits worth knowing about that are not on the bingo
//! card. They score 0 points, have no square and are shown apart from the
//! card in every output. Their phrase lists live in the packs' `[advisory]`
//! sections.
//!
//! Most look at one reply and the customer's message; `no-reply` and
//! `slow-reply` need the whole input and are resolved at the end of a run
//! by [`crate::threads`] (their `check` finds nothing per message).

pub mod cancellation_steps;
pub mod echo_reply;
pub mod missing_apology;
pub mod mixed_address;
pub mod no_reply;
pub mod reasked_info;
pub mod slow_reply;
pub mod unfilled_placeholder;

use std::ops::Range;

use super::Context;

/// Where a finding about the reply as a whole points: its greeting line,
/// else its first line.
pub(crate) fn opening_span(ctx: &Context) -> Range<usize> {
    let own = &ctx.reply.own;
    let start = if ctx.reply.greeting.is_empty() {
        own.len() - own.trim_start().len()
    } else {
        ctx.reply.greeting.start
    };
    let end = own[start..].find('\n').map_or(own.len(), |i| start + i);
    start..end
}

/// The reply's body, else its whole own text when the splitter found no
/// body, as a span of the own text.
pub(crate) fn body_span(ctx: &Context) -> Range<usize> {
    if ctx.reply.body.is_empty() {
        0..ctx.reply.own.len()
    } else {
        ctx.reply.body.clone()
    }
}
