//! Driving `prepcheck walk` in a real pseudo-terminal, pressing keys as a patient would, and
//! reading what the terminal shows through a terminal emulator (vt100).

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use expectrl::process::unix::WaitStatus;
use expectrl::{Eof, Expect, Session};

pub const DOWN: &str = "\x1b[B";
pub const UP: &str = "\x1b[A";
pub const HOME: &str = "\x1b[H";
pub const END: &str = "\x1b[F";
pub const BACKSPACE: &str = "\x7f";
pub const ENTER: &str = "\r";
pub const SPACE: &str = " ";
pub const ESC: &str = "\x1b";
pub const CTRL_C: &str = "\x03";

pub struct Patient {
    session: expectrl::session::OsSession,
    /// Everything the program wrote so far, for assertions and for failure messages.
    pub transcript: String,
    /// The terminal as the patient sees it.
    terminal: vt100::Parser,
}

impl Patient {
    /// Start `prepcheck walk ARGS` with answers under `home` and today set to 2026-11-25, in
    /// a terminal of 100 columns and 40 rows, without colours.
    pub fn start(home: &Path, args: &[&str]) -> Patient {
        Self::start_with(home, args, (100, 40), &[("NO_COLOR", "1")])
    }

    /// Like `start`, in a terminal of `(columns, rows)` and with these environment variables.
    pub fn start_with(
        home: &Path,
        args: &[&str],
        (columns, rows): (u16, u16),
        env: &[(&str, &str)],
    ) -> Patient {
        let walk: Vec<&str> = std::iter::once("walk")
            .chain(args.iter().copied())
            .collect();
        Self::run(home, &walk, (columns, rows), env)
    }

    /// `prepcheck ARGS` (any command) in a terminal of `(columns, rows)`, with these
    /// environment variables, answers under `home` and today set to 2026-11-25.
    pub fn run(
        home: &Path,
        args: &[&str],
        (columns, rows): (u16, u16),
        env: &[(&str, &str)],
    ) -> Patient {
        // The size is set before prepcheck starts: a command that prints once and ends
        // reads it at once, before a size set after the spawn could arrive.
        let mut command = Command::new("sh");
        command
            .args([
                "-c",
                "stty cols \"$1\" rows \"$2\" && shift 2 && exec \"$@\"",
                "sh",
            ])
            .args([columns.to_string(), rows.to_string()])
            .arg(env!("CARGO_BIN_EXE_prepcheck"))
            .args(args)
            .env("TERM", "xterm-256color")
            .env("PREPCHECK_HOME", home)
            .env("PREPCHECK_TODAY", "2026-11-25")
            .env_remove("NO_COLOR")
            .env_remove("PREPCHECK_SCREEN_READER")
            .env_remove("PREPCHECK_CHECKLISTS")
            .envs(env.iter().copied());
        let mut session = Session::spawn(command).expect("spawn prepcheck in a pty");
        session.set_expect_timeout(Some(Duration::from_secs(15)));
        Patient {
            session,
            transcript: String::new(),
            terminal: vt100::Parser::new(rows, columns, 0),
        }
    }

    fn record(&mut self, bytes: &[u8]) {
        self.terminal.process(bytes);
        self.transcript.push_str(&String::from_utf8_lossy(bytes));
    }

    /// Wait until the program writes `text` (on one line, as written).
    pub fn sees(&mut self, text: &str) -> &mut Self {
        match self.session.expect(text) {
            Ok(found) => {
                let mut bytes = found.before().to_vec();
                bytes.extend_from_slice(text.as_bytes());
                self.record(&bytes);
            }
            Err(e) => panic!(
                "waited for {text:?}: {e}\nscreen now:\n{}",
                self.terminal.screen().contents()
            ),
        }
        self
    }

    /// Wait until the terminal shows `text` (words may be wrapped across lines), and return
    /// the screen: the expected screen is waited for, never slept for.
    pub fn shows(&mut self, text: &str) -> Vec<String> {
        let wanted = flat(text);
        let started = Instant::now();
        let mut buffer = [0u8; 4096];
        loop {
            let screen = self.rows();
            if flat(&screen.join(" ")).contains(&wanted) {
                return screen;
            }
            if started.elapsed() > Duration::from_secs(15) {
                panic!("waited for {text:?} on screen:\n{}", screen.join("\n"));
            }
            match self.session.try_read(&mut buffer) {
                Ok(n) if n > 0 => {
                    let bytes = buffer[..n].to_vec();
                    self.record(&bytes);
                }
                _ => std::thread::sleep(Duration::from_millis(10)),
            }
        }
    }

    /// Wait until the terminal shows `text`, then go on with the patient.
    pub fn on(&mut self, text: &str) -> &mut Self {
        self.shows(text);
        self
    }

    /// The terminal's rows as they are now.
    fn rows(&self) -> Vec<String> {
        let screen = self.terminal.screen();
        let (_, columns) = screen.size();
        screen
            .rows(0, columns)
            .map(|row| row.trim_end().to_string())
            .collect()
    }

    /// Resize the terminal, as a patient dragging the window's corner: the kernel tells the
    /// program (SIGWINCH), and the emulator takes the new size.
    pub fn resize(&mut self, (columns, rows): (u16, u16)) -> &mut Self {
        self.screen();
        self.session
            .get_process_mut()
            .set_window_size(columns, rows)
            .expect("window size");
        self.terminal.screen_mut().set_size(rows, columns);
        self
    }

    /// What the terminal shows once the program has stopped writing, line by line.
    pub fn screen(&mut self) -> Vec<String> {
        let mut quiet_since = Instant::now();
        let mut buffer = [0u8; 4096];
        while quiet_since.elapsed() < Duration::from_millis(300) {
            match self.session.try_read(&mut buffer) {
                Ok(n) if n > 0 => {
                    let bytes = buffer[..n].to_vec();
                    self.record(&bytes);
                    quiet_since = Instant::now();
                }
                _ => std::thread::sleep(Duration::from_millis(20)),
            }
        }
        self.rows()
    }

    /// Read a screen longer than the terminal to its end, as a patient does: Enter reads on
    /// until `last` is in view. Returns every line seen on the way, in order.
    pub fn reads_to(&mut self, last: &str) -> Vec<String> {
        let mut seen = Vec::new();
        for _ in 0..10 {
            let screen = self.screen();
            let done = flat(&screen.join(" ")).contains(&flat(last));
            seen.extend(screen);
            if done {
                return seen;
            }
            self.press(ENTER);
        }
        panic!("{last:?} never came into view:\n{}", seen.join("\n"));
    }

    /// The screen as one text, for messages.
    pub fn screen_text(&mut self) -> String {
        self.screen().join("\n")
    }

    /// Press keys, in one write each so an arrow's escape sequence arrives whole.
    pub fn press(&mut self, keys: &str) -> &mut Self {
        // Let the screen finish drawing first: keys typed before it appears are thrown away.
        std::thread::sleep(Duration::from_millis(80));
        self.session.send(keys).expect("send keys");
        self
    }

    /// Type a line at a prompt already seen (the line mode reads whole lines, so nothing
    /// needs to wait for a screen to be drawn).
    pub fn line(&mut self, text: &str) -> &mut Self {
        self.session.send(format!("{text}\r")).expect("send a line");
        self
    }

    /// Type a line of text and press Enter.
    pub fn types(&mut self, text: &str) -> &mut Self {
        self.press(text).press(crate::pty::ENTER)
    }

    /// Answer a yes-or-no screen.
    pub fn answers(&mut self, yes: bool) -> &mut Self {
        self.press(if yes { "y" } else { "n" })
            .press(crate::pty::ENTER)
    }

    /// Send a signal, as closing the window (SIGHUP) or `kill` would.
    pub fn signal(&mut self, signal: expectrl::process::unix::Signal) {
        std::thread::sleep(Duration::from_millis(100));
        self.session
            .get_process_mut()
            .kill(signal)
            .expect("send signal");
    }

    /// Send keys at once, without waiting for a screen to finish drawing: for keys that
    /// follow a screen already seen, or keys timed by the test itself.
    pub fn send_now(&mut self, keys: &str) -> &mut Self {
        self.session.send(keys).expect("send keys");
        self
    }

    /// Send a signal at once.
    pub fn signal_now(&mut self, signal: expectrl::process::unix::Signal) {
        self.session
            .get_process_mut()
            .kill(signal)
            .expect("send signal");
    }

    /// The exit code if the program ends within `limit`; otherwise it is killed, and `None`.
    pub fn finish_within(mut self, limit: Duration) -> (String, Option<i32>) {
        self.session.set_expect_timeout(Some(limit));
        let ended = self.session.expect(Eof);
        let rest = ended
            .as_ref()
            .map(|found| String::from_utf8_lossy(found.as_bytes()).into_owned())
            .unwrap_or_default();
        let text = format!("{}{rest}", self.transcript);
        if ended.is_err() {
            let process = self.session.get_process_mut();
            let _ = process.kill(expectrl::process::unix::Signal::SIGKILL);
            let _ = process.wait();
            return (text, None);
        }
        let code = match self.session.get_process().wait().expect("wait") {
            WaitStatus::Exited(_, code) => code,
            WaitStatus::Signaled(_, signal, _) => 128 + signal as i32,
            other => panic!("unexpected end: {other:?}"),
        };
        (text, Some(code))
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

/// The question an item of the built-in checklist asks, looked up by its id, so that tests
/// survive a change of wording or of order.
pub fn ask_of(id: &str) -> String {
    let text = std::fs::read_to_string(crate::common::root("checklists/intrathecal-pump.yaml"))
        .expect("built-in checklist");
    let needle = format!("- id: {id}\n");
    let at = text.find(&needle).unwrap_or_else(|| panic!("no item {id}"));
    let rest = &text[at + needle.len()..];
    let line = rest
        .lines()
        .find_map(|l| l.trim().strip_prefix("ask: "))
        .unwrap_or_else(|| panic!("item {id} has no ask"));
    line.trim_matches('"').to_string()
}

/// Text with its runs of spaces and line breaks as one space: what a wrapped screen reads.
pub fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The question an item asks in Spanish, from the built-in checklist's translation, looked
/// up by its id.
pub fn ask_es(id: &str) -> String {
    let text = std::fs::read_to_string(crate::common::root("checklists/intrathecal-pump.es.yaml"))
        .expect("built-in translation");
    let needle = format!("  {id}.ask:\n");
    let at = text.find(&needle).unwrap_or_else(|| panic!("no item {id}"));
    text[at + needle.len()..]
        .lines()
        .find_map(|l| l.trim().strip_prefix("text: "))
        .unwrap_or_else(|| panic!("item {id} has no text"))
        .trim_matches('"')
        .to_string()
}
