//! prepcheck: get ready for a procedure and print a reminder sheet.
//!
//! The library holds everything; `src/main.rs` only calls [`run`]. ARCHITECTURE.md at the
//! project's root maps the modules. The modules made public here are those the fuzzing suite
//! (`tests/fuzz/`) drives directly: the checklist, its answers, the medicine lists, the sheet
//! and its renderers, and the catalogue of messages.

mod advice;
pub mod answers;
mod browser;
pub mod catalogue;
pub mod checklist;
mod cli;
mod commands;
pub mod diary;
mod entry;
mod exit;
mod fhir;
pub mod files;
pub mod i18n;
mod loader;
pub mod problem;
mod reading;
mod settings;
pub mod sheet;
mod signals;
mod store;
pub mod text;
mod walk;

use std::process::ExitCode;

use clap::Parser;

/// The checklist `prepcheck` uses when none is named.
pub const DEFAULT_CHECKLIST: &str = "intrathecal-pump";

/// The whole program: read the command line and the settings, run the command, and say why
/// it failed on standard error. The exit code says how it went (0, 1, 2, or 130 after Ctrl-C).
pub fn run() -> ExitCode {
    let cli = cli::Cli::parse();
    let outcome = settings::Settings::read(&cli).and_then(|settings| commands::run(cli, &settings));
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            if !failure.message.is_empty() {
                commands::say(&failure.message);
            }
            ExitCode::from(failure.code)
        }
    }
}
