//! The one small interface between the walk and a front end: a screen to show, and the
//! kinds of answer a front end can read. The terminal screens and the screen-reader lines
//! both implement it, so the walk itself is the same for everyone and tested without either.

use std::io;

/// How a line of a screen is meant: a front end shows each so that it can be told apart
/// without colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// "Question 3 of 17" and the section's name.
    Progress,
    /// The medication statement: always shown, marked as important.
    Important,
    /// The question itself.
    Question,
    Plain,
    /// A line of a list the screen shows (what to expect, questions to ask).
    Bullet,
    /// What the walk took the last answer as, or what changed.
    Note,
}

/// Everything a question's screen shows above its answer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Screen {
    pub lines: Vec<(Tone, String)>,
    /// The answer given before, in words, when the question is shown again.
    pub current: Option<String>,
    /// Whether there is a question to go back to.
    pub can_go_back: bool,
}

impl Screen {
    pub fn with(mut self, tone: Tone, text: impl Into<String>) -> Screen {
        self.lines.push((tone, text.into()));
        self
    }

    /// The screen's text in reading order, for tests and for the line front end.
    pub fn text(&self) -> impl Iterator<Item = (Tone, &str)> {
        self.lines.iter().map(|(tone, text)| (*tone, text.as_str()))
    }
}

/// An answer read, or the wish to go back to the question before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply<T> {
    Answer(T),
    Back,
}

impl<T> Reply<T> {
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Reply<U> {
        match self {
            Reply::Answer(value) => Reply::Answer(f(value)),
            Reply::Back => Reply::Back,
        }
    }
}

/// Checks typed text: `Err` holds what to tell the patient, with examples that work.
pub type Check<'a> = &'a dyn Fn(&str) -> Result<(), String>;

/// How a walk ended early. Every answer given before is saved either way.
#[derive(Debug)]
pub enum Stop {
    /// The patient pressed Ctrl-C.
    Interrupted,
    /// A signal asked the walk to stop (its number).
    Signal(i32),
    /// The terminal was closed, or the input ended.
    Closed,
    /// Something else went wrong: what to tell the patient.
    Failed(String),
}

impl Stop {
    /// The stop a signal asks for: Ctrl-C (SIGINT) is an interruption, the others end the
    /// walk with their own exit code.
    pub fn signalled(signal: i32) -> Stop {
        if signal == libc::SIGINT {
            Stop::Interrupted
        } else {
            Stop::Signal(signal)
        }
    }
}

impl From<io::Error> for Stop {
    fn from(error: io::Error) -> Self {
        match error.kind() {
            io::ErrorKind::Interrupted => Stop::Interrupted,
            io::ErrorKind::UnexpectedEof
            | io::ErrorKind::BrokenPipe
            | io::ErrorKind::NotConnected => Stop::Closed,
            // EIO: reading or writing a terminal that was closed.
            _ if error.raw_os_error() == Some(libc::EIO) => Stop::Closed,
            _ => Stop::Failed(error.to_string()),
        }
    }
}

/// A list of medicines as the patient fills it in. The walk understands what is typed on it
/// and saves each change the moment it is made; a front end only shows it and reads keys.
pub trait Picker {
    /// Each row's label and whether it is ticked; the last row is "None of these".
    fn rows(&self) -> Vec<(String, bool)>;
    /// The rows that typed letters name, best first, and what they could add.
    fn find(&self, typed: &str) -> Found;
    /// Tick or untick a row, and save; `Some` says why it cannot be.
    fn toggle(&mut self, row: usize) -> Result<Option<String>, Stop>;
    /// Tick a row (found by typing), and save; `Some` says why it cannot be.
    fn tick(&mut self, row: usize) -> Result<Option<String>, Stop>;
    /// Add the `offer`th thing `find` offered for `typed`, ticked, and save: its row, or
    /// what to tell the patient.
    fn add(&mut self, typed: &str, offer: usize) -> Result<Result<usize, String>, Stop>;
    /// Whether a typed line of numbers and names can be understood: what to tell the
    /// patient when not.
    fn check(&self, line: &str) -> Result<(), String>;
}

/// What typed letters find on a medicine list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Found {
    /// Rows, by their place in `Picker::rows`.
    pub rows: Vec<usize>,
    /// What they could add: "Add "zorbinol" as another medicine".
    pub offers: Vec<String>,
}

/// How a medicine list was left.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Picked {
    /// Enter: the ticks are the answer.
    Done,
    /// A line of numbers and names (screen-reader mode), for the walk to read back.
    Line(String),
}

/// A front end: shows screens and reads answers. Each method shows `screen` with the input
/// it asks for, and returns the answer or `Reply::Back`.
pub trait Prompter {
    /// Yes or no; `current` is the answer given before.
    fn yes_no(&mut self, screen: &Screen, current: Option<bool>) -> Result<Reply<bool>, Stop>;
    /// One of `choices`.
    fn one(
        &mut self,
        screen: &Screen,
        choices: &[String],
        current: Option<usize>,
    ) -> Result<Reply<usize>, Stop>;
    /// Any of `choices`, none included; `ticked` as given before.
    fn several(
        &mut self,
        screen: &Screen,
        choices: &[String],
        ticked: &[bool],
    ) -> Result<Reply<Vec<usize>>, Stop>;
    /// A medicine list: ticks and typed names, each saved by `list` as it is made.
    fn medicines(&mut self, screen: &Screen, list: &mut dyn Picker) -> Result<Reply<Picked>, Stop>;
    /// A line of text, checked by `check` before it is taken; blank means "not known yet".
    fn text(
        &mut self,
        screen: &Screen,
        current: Option<&str>,
        check: Check,
    ) -> Result<Reply<String>, Stop>;
    /// A screen to read, then go on.
    fn read(&mut self, screen: &Screen) -> Result<Reply<()>, Stop>;
    /// Lines shown once the walk is over (the summary), or between screens.
    fn say(&mut self, lines: &[(Tone, String)]) -> Result<(), Stop>;
}
