//! The one integration test binary: the commands as a person runs them.

mod approved;
mod check;
mod clinic;
mod commands;
mod common;
mod content;
mod diary;
pub mod export;
mod files;
mod kill;
mod lines;
mod list;
mod meant;
pub mod print;
mod pty;
mod response;
mod sheet;
mod spanish;
mod walk;

/// The built binary, with a clean environment: no clinic folder, no colours, answers in a
/// folder of its own, and today fixed at 2026-11-25.
pub fn prepcheck() -> assert_cmd::Command {
    let mut command = assert_cmd::Command::new(env!("CARGO_BIN_EXE_prepcheck"));
    command
        .env_remove("PREPCHECK_CHECKLISTS")
        .env("NO_COLOR", "1")
        .env("PREPCHECK_TODAY", "2026-11-25")
        .env(
            "PREPCHECK_HOME",
            std::env::temp_dir().join("prepcheck-tests-no-home"),
        )
        .env("TZ", "America/Chicago");
    command
}
