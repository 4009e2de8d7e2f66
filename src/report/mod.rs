//! Writing results out: one module per format. Nothing here decides what a
//! finding is; it only shows what the library computed.

pub mod show;

/// Whether to use colour, resolved from `--color`, `NO_COLOR` and the terminal.
pub fn use_color(choice: crate::cli::ColorChoice, is_terminal: bool) -> bool {
    match choice {
        crate::cli::ColorChoice::Always => true,
        crate::cli::ColorChoice::Never => false,
        crate::cli::ColorChoice::Auto => {
            is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}
