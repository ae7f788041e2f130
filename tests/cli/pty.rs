//! Driving `prepcheck walk` in a real pseudo-terminal, pressing keys as a patient would.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use expectrl::process::unix::WaitStatus;
use expectrl::{Eof, Expect, Session};

pub const DOWN: &str = "\x1b[B";
pub const UP: &str = "\x1b[A";
pub const ENTER: &str = "\r";
pub const SPACE: &str = " ";
pub const CTRL_C: &str = "\x03";

pub struct Patient {
    session: expectrl::session::OsSession,
    /// Everything the screen showed so far, for assertions and for failure messages.
    pub transcript: String,
}

impl Patient {
    /// Start `prepcheck walk ARGS` with answers under `home` and today set to 2026-11-25, in
    /// a terminal of 100 columns and 40 rows.
    pub fn start(home: &Path, args: &[&str]) -> Patient {
        Self::start_sized(home, args, (100, 40))
    }

    /// Like `start`, in a terminal of `(columns, rows)`.
    pub fn start_sized(home: &Path, args: &[&str], (columns, rows): (u16, u16)) -> Patient {
        let mut command = Command::new(env!("CARGO_BIN_EXE_prepcheck"));
        command
            .arg("walk")
            .args(args)
            .env("NO_COLOR", "1")
            .env("TERM", "xterm-256color")
            .env("PREPCHECK_HOME", home)
            .env("PREPCHECK_TODAY", "2026-11-25")
            .env_remove("PREPCHECK_CHECKLISTS");
        let mut session = Session::spawn(command).expect("spawn prepcheck in a pty");
        session
            .get_process_mut()
            .set_window_size(columns, rows)
            .expect("window size");
        session.set_expect_timeout(Some(Duration::from_secs(15)));
        Patient {
            session,
            transcript: String::new(),
        }
    }

    /// Wait until the screen shows `text`.
    pub fn sees(&mut self, text: &str) -> &mut Self {
        match self.session.expect(text) {
            Ok(found) => {
                self.transcript
                    .push_str(&String::from_utf8_lossy(found.before()));
                self.transcript.push_str(text);
            }
            Err(e) => panic!(
                "waited for {text:?}: {e}\nscreen so far:\n{}",
                self.transcript
            ),
        }
        self
    }

    /// Press keys, in one write each so an arrow's escape sequence arrives whole.
    pub fn press(&mut self, keys: &str) -> &mut Self {
        // Let the prompt finish drawing and switch the terminal to raw mode first.
        std::thread::sleep(Duration::from_millis(60));
        self.session.send(keys).expect("send keys");
        self
    }

    /// Type a line of text and press Enter.
    pub fn types(&mut self, text: &str) -> &mut Self {
        self.press(text).press(ENTER)
    }

    /// What happens when the terminal window is closed.
    pub fn hang_up(&mut self) {
        std::thread::sleep(Duration::from_millis(100));
        self.session
            .get_process_mut()
            .kill(expectrl::process::unix::Signal::SIGHUP)
            .expect("send SIGHUP");
    }

    /// Everything up to the end, and the exit code.
    pub fn finish(mut self) -> (String, i32) {
        let rest = self.session.expect(Eof).expect("the walk ends");
        let text = format!(
            "{}{}",
            self.transcript,
            String::from_utf8_lossy(rest.as_bytes())
        );
        let code = match self.session.get_process().wait().expect("wait") {
            WaitStatus::Exited(_, code) => code,
            WaitStatus::Signaled(_, signal, _) => 128 + signal as i32,
            other => panic!("unexpected end: {other:?}"),
        };
        (text, code)
    }
}
