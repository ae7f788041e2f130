//! prepcheck: get ready for a procedure and print a reminder sheet. Everything is in the
//! library (`src/lib.rs`); this only starts it.

use std::process::ExitCode;

fn main() -> ExitCode {
    prepcheck::run()
}
