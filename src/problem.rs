//! A problem found in a file, with where it is, printed as `file:line:column: what is wrong`.
//! What is wrong is a message of the catalogues with its arguments ([`Message`]): the core
//! says which, and the command words it in the reader's language.

use std::fmt;

use fluent_bundle::FluentValue;

use crate::i18n::{Lang, Messages};
use crate::text::clean;

/// The most YAML events (a key, a value, the start or end of a list or mapping; an alias
/// each time it is used) a checklist, a medicine list or an answers file may hold: past it
/// the reader stops, so that a file of thousands of tiny values is refused quickly instead
/// of read in full (the YAML library alone took 0.1 s for a medicine list of 50,000 names,
/// and 0.3 s for an answers file of 1 MiB).
pub const MAX_YAML_EVENTS: usize = 20_000;

/// A file (or a part of one) read as `T`, within `MAX_YAML_EVENTS`.
pub fn read_yaml<'de, T: serde::Deserialize<'de>>(
    text: &'de [u8],
) -> Result<T, serde_saphyr::Error> {
    let options = serde_saphyr::options! {
        budget: serde_saphyr::budget! { max_events: MAX_YAML_EVENTS },
    };
    serde_saphyr::from_slice_with_options(text, options)
}

/// One thing wrong in a file. `line` and `column` are 1-based; 0 means "the whole file".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub line: u64,
    pub column: u64,
    pub message: Message,
    /// Worth fixing, but the file can be used: `check` fails on it only with `--strict`.
    pub warning: bool,
}

/// A message of the catalogues (`src/i18n/*.ftl`) and its arguments, worded when it is
/// shown ([`Message::words`]); or a text worded already (a parser's own words, or one a
/// command worded).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    id: &'static str,
    args: Vec<(&'static str, Arg)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Arg {
    Text(String),
    Number(i64),
    Message(Message),
}

impl Message {
    pub fn new(id: &'static str) -> Message {
        Message {
            id,
            args: Vec::new(),
        }
    }

    /// With a text argument (an id, a name, a quote: shown as it is).
    pub fn text(mut self, name: &'static str, value: impl Into<String>) -> Message {
        self.args.push((name, Arg::Text(value.into())));
        self
    }

    /// With a number argument (plurals choose by it).
    pub fn number(mut self, name: &'static str, value: usize) -> Message {
        let value = i64::try_from(value).unwrap_or(i64::MAX);
        self.args.push((name, Arg::Number(value)));
        self
    }

    /// With an argument that is itself a message ("item 'pills': question").
    pub fn with(mut self, name: &'static str, value: Message) -> Message {
        self.args.push((name, Arg::Message(value)));
        self
    }

    /// The message in the language of `m`.
    pub fn words(&self, m: &Messages) -> String {
        if self.id.is_empty() {
            return match self.args.first() {
                Some((_, Arg::Text(text))) => text.clone(),
                _ => String::new(),
            };
        }
        let args: Vec<(&str, FluentValue)> = (self.args.iter())
            .map(|(name, arg)| {
                let value = match arg {
                    Arg::Text(text) => FluentValue::from(text.clone()),
                    Arg::Number(n) => FluentValue::from(*n),
                    Arg::Message(message) => FluentValue::from(message.words(m)),
                };
                (*name, value)
            })
            .collect();
        m.with(self.id, &args)
    }

    /// The message in English: for tests, and where no language was chosen.
    pub fn english(&self) -> String {
        in_english(|m| self.words(m))
    }
}

/// A text worded already.
impl From<String> for Message {
    fn from(text: String) -> Message {
        Message {
            id: "",
            args: vec![("text", Arg::Text(text))],
        }
    }
}

impl From<&str> for Message {
    fn from(text: &str) -> Message {
        Message::from(text.to_string())
    }
}

/// The start of the error an unquoted `yes` or `no` in a checklist gives (YAML reads it as
/// true or false): `Problem::from_yaml` words it as what to write instead.
pub const UNQUOTED_ANSWER: &str = "prepcheck: unquoted answer ";

impl Problem {
    pub fn at(file: &str, line: u64, column: u64, message: impl Into<Message>) -> Self {
        Problem {
            file: file.to_string(),
            line,
            column,
            message: message.into(),
            warning: false,
        }
    }

    pub fn warning_at(file: &str, line: u64, column: u64, message: impl Into<Message>) -> Self {
        Problem {
            warning: true,
            ..Self::at(file, line, column, message)
        }
    }

    pub fn whole_file(file: &str, message: impl Into<Message>) -> Self {
        Self::at(file, 0, 0, message)
    }

    /// A YAML syntax or schema error, located where the parser stopped, in the parser's
    /// own words.
    pub fn from_yaml(file: &str, error: &serde_saphyr::Error) -> Self {
        use serde_saphyr::budget::BudgetBreach;
        let error = error.without_snippet();
        let text = error.to_string();
        // The parser's own "at line L, column C (defined at ...)" repeats the location.
        let said = text.split(" at line ").next().unwrap_or(&text);
        // Its budget messages name Rust types; say which limit, and what counts.
        let message = match error {
            serde_saphyr::Error::Budget {
                breach: BudgetBreach::Events { .. },
                ..
            } => Message::new("problem-yaml-too-many").number("most", MAX_YAML_EVENTS),
            serde_saphyr::Error::Budget {
                breach: BudgetBreach::Depth { .. },
                ..
            } => Message::new("problem-yaml-too-deep"),
            _ if said.starts_with("budget breached") || said.contains("alias") => {
                Message::new("problem-yaml-aliases")
            }
            _ if said.contains(UNQUOTED_ANSWER) => {
                let answer = said.rsplit(' ').next().unwrap_or("yes");
                Message::new("problem-yaml-quote-answer").text("answer", answer)
            }
            _ => Message::new("problem-yaml").text("error", said),
        };
        match error.location() {
            Some(at) => Self::at(file, at.line(), at.column(), message),
            None => Self::whole_file(file, message),
        }
    }

    /// `file:line:column: what is wrong` in the language of `m`. Messages repeat text from
    /// files (names, quotes, ids): shown cleaned, so nothing in a file can move the cursor
    /// or hide what it says.
    pub fn words(&self, m: &Messages) -> String {
        let file = clean(&self.file);
        let said = self.message.words(m);
        let message = if self.warning {
            m.with("problem-warning", &[("message", said.into())])
        } else {
            said
        };
        let message = clean(&message);
        if self.line == 0 {
            format!("{file}: {message}")
        } else {
            format!("{file}:{}:{}: {message}", self.line, self.column)
        }
    }
}

/// In English (tests, and what has no language to speak).
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&in_english(|m| self.words(m)))
    }
}

/// `say` with the English catalogue, read once per thread.
fn in_english<T>(say: impl FnOnce(&Messages) -> T) -> T {
    thread_local! {
        static ENGLISH: Messages = Messages::new(Lang::En);
    }
    ENGLISH.with(say)
}

/// Problems collected while reading one or more files; empty means all is well.
pub type Problems = Vec<Problem>;

/// Whether any of these is an error, not only a warning.
pub fn any_error(problems: &[Problem]) -> bool {
    problems.iter().any(|p| !p.warning)
}

/// How many control or invisible characters of a file are reported one by one: past them,
/// one problem counts the rest (a file can hold a million, and a list of them helps no one).
const UNSAFE_REPORTED: usize = 20;

/// Every control or invisible character in a file's text, where it is (the first
/// `UNSAFE_REPORTED`, then how many more): text a patient reads must be what it seems, and
/// nothing in a file may reach a terminal as a control sequence.
pub fn unsafe_characters(file: &str, text: &str) -> Problems {
    let mut problems = Problems::new();
    let mut more = 0usize;
    for (n, line) in text.split('\n').enumerate() {
        // A carriage return ends a Windows line; anywhere else it hides what came before.
        let line = line.strip_suffix('\r').unwrap_or(line);
        for (column, c) in line.chars().enumerate() {
            if !(crate::text::is_unsafe(c) || c == '\r') {
                continue;
            }
            if problems.len() == UNSAFE_REPORTED {
                more += 1;
                continue;
            }
            let message = Message::new("problem-unsafe-character")
                .with("what", character_kind(c))
                .text("code", format!("U+{:04X}", c as u32));
            problems.push(Problem::at(file, n as u64 + 1, column as u64 + 1, message));
        }
    }
    if more > 0 {
        let message = Message::new("problem-more-unsafe-characters").number("count", more);
        problems.push(Problem::whole_file(file, message));
    }
    problems
}

/// "a control character", "an invisible or direction-changing character".
pub fn character_kind(c: char) -> Message {
    let control = if c.is_control() { "yes" } else { "no" };
    Message::new("problem-character-kind").text("control", control)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsafe_characters_past_the_first_are_counted_not_listed() {
        let text = "a\u{200B}b\n".repeat(UNSAFE_REPORTED + 5);
        let problems = unsafe_characters("f.yaml", &text);
        assert_eq!(problems.len(), UNSAFE_REPORTED + 1);
        assert_eq!(
            problems[0].to_string(),
            "f.yaml:1:2: an invisible or direction-changing character (U+200B) is not allowed \
             here; remove it"
        );
        assert_eq!(
            problems[UNSAFE_REPORTED].to_string(),
            "f.yaml: 5 more control or invisible characters; remove them too"
        );
        assert_eq!(unsafe_characters("f.yaml", &text[..6 * 5]).len(), 5);
    }
}
