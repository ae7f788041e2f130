//! Exit codes, and why a command did not succeed (as fd's `exit_codes.rs`): the one place
//! that says what each code means. 0 is success.

/// Something is wrong with a file or the answers.
pub const FAILURE: u8 = 1;
/// The command cannot be used like this: bad usage, or no terminal for the walk.
pub const USAGE: u8 = 2;
/// The walk's terminal was closed (as a hang-up, 128 + SIGHUP); every answer is kept.
pub const CLOSED: u8 = 129;
/// Ctrl-C stopped the walk (128 + SIGINT); every answer is kept.
pub const INTERRUPTED: u8 = 130;

/// The code of a walk stopped by `signal`: 128 plus its number, as shells report it.
pub fn stopped_by(signal: i32) -> u8 {
    128u8.saturating_add(u8::try_from(signal).unwrap_or(0))
}

/// Why a command did not succeed, and the exit code that says so.
#[derive(Debug)]
pub struct Failure {
    pub message: String,
    pub code: u8,
}

impl Failure {
    /// Exit 1: something is wrong with a file or the answers.
    pub fn error(message: impl Into<String>) -> Self {
        Failure {
            message: message.into(),
            code: FAILURE,
        }
    }

    /// Exit 2: the command cannot be used like this (bad usage, no terminal).
    pub fn usage(message: impl Into<String>) -> Self {
        Failure {
            message: message.into(),
            code: USAGE,
        }
    }
}
