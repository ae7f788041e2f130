//! A problem found in a file, with where it is, printed as `file:line:column: what is wrong`.

use std::fmt;

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
    pub message: String,
    /// Worth fixing, but the file can be used: `check` fails on it only with `--strict`.
    pub warning: bool,
}

impl Problem {
    pub fn at(file: &str, line: u64, column: u64, message: impl Into<String>) -> Self {
        Problem {
            file: file.to_string(),
            line,
            column,
            message: message.into(),
            warning: false,
        }
    }

    pub fn warning_at(file: &str, line: u64, column: u64, message: impl Into<String>) -> Self {
        Problem {
            warning: true,
            ..Self::at(file, line, column, message)
        }
    }

    pub fn whole_file(file: &str, message: impl Into<String>) -> Self {
        Self::at(file, 0, 0, message)
    }

    /// A YAML syntax or schema error, located where the parser stopped.
    pub fn from_yaml(file: &str, error: &serde_saphyr::Error) -> Self {
        use serde_saphyr::budget::BudgetBreach;
        let error = error.without_snippet();
        let text = error.to_string();
        // The parser's own "at line L, column C (defined at ...)" repeats the location.
        let message = text.split(" at line ").next().unwrap_or(&text).to_string();
        // Its budget messages name Rust types; say which limit, and what counts.
        let message = match error {
            serde_saphyr::Error::Budget {
                breach: BudgetBreach::Events { .. },
                ..
            } => format!(
                "too many values: a file may hold at most {MAX_YAML_EVENTS} (each key, value, \
                 list and mapping counts, and an alias each time it is used)"
            ),
            serde_saphyr::Error::Budget {
                breach: BudgetBreach::Depth { .. },
                ..
            } => "lists and mappings are nested too deep here".to_string(),
            _ if message.starts_with("budget breached") || message.contains("alias") => {
                "aliases repeat too much here (an alias counts each time it is used)".to_string()
            }
            _ => message,
        };
        match error.location() {
            Some(at) => Self::at(file, at.line(), at.column(), message),
            None => Self::whole_file(file, message),
        }
    }
}

/// Messages repeat text from files (names, quotes, ids): shown cleaned, so nothing in a file
/// can move the cursor or hide what it says.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = clean(&self.file);
        let warning = if self.warning { "warning: " } else { "" };
        let message = format!("{warning}{}", clean(&self.message));
        if self.line == 0 {
            write!(f, "{file}: {message}")
        } else {
            write!(f, "{file}:{}:{}: {message}", self.line, self.column)
        }
    }
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
            let what = if c.is_control() {
                "a control character"
            } else {
                "an invisible or direction-changing character"
            };
            problems.push(Problem::at(
                file,
                n as u64 + 1,
                column as u64 + 1,
                format!("{what} (U+{:04X}) is not allowed here; remove it", c as u32),
            ));
        }
    }
    if more > 0 {
        problems.push(Problem::whole_file(
            file,
            format!("{more} more control or invisible characters; remove them too"),
        ));
    }
    problems
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
