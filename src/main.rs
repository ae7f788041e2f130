//! prepcheck: get ready for a procedure and print a reminder sheet.

mod advice;
mod answers;
mod catalogue;
mod checklist;
mod cli;
mod commands;
mod entry;
mod fhir;
#[cfg(test)]
mod fuzz;
mod i18n;
mod loader;
mod problem;
mod reading;
mod settings;
mod sheet;
mod signals;
mod store;
mod text;
mod walk;

use std::process::ExitCode;

use clap::Parser;

/// The checklist `prepcheck` uses when none is named.
pub const DEFAULT_CHECKLIST: &str = "intrathecal-pump";

fn main() -> ExitCode {
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
