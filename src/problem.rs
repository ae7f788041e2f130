//! A problem found in a file, with where it is, printed as `file:line:column: what is wrong`.

use std::fmt;

use crate::text::clean;

/// One thing wrong in a file. `line` and `column` are 1-based; 0 means "the whole file".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub line: u64,
    pub column: u64,
    pub message: String,
}

impl Problem {
    pub fn at(file: &str, line: u64, column: u64, message: impl Into<String>) -> Self {
        Problem {
            file: file.to_string(),
            line,
            column,
            message: message.into(),
        }
    }

    pub fn whole_file(file: &str, message: impl Into<String>) -> Self {
        Self::at(file, 0, 0, message)
    }

    /// A YAML syntax or schema error, located where the parser stopped.
    pub fn from_yaml(file: &str, error: &serde_saphyr::Error) -> Self {
        let error = error.without_snippet();
        let text = error.to_string();
        // The parser's own "at line L, column C (defined at ...)" repeats the location.
        let message = text.split(" at line ").next().unwrap_or(&text);
        // Its budget messages name Rust types; say what they mean to an author.
        let message = if message.starts_with("budget breached") {
            "too many values or too deep once YAML aliases are expanded (the parser stops \
             here to stay safe)"
        } else {
            message
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
        let message = clean(&self.message);
        if self.line == 0 {
            write!(f, "{file}: {message}")
        } else {
            write!(f, "{file}:{}:{}: {message}", self.line, self.column)
        }
    }
}

/// Problems collected while reading one or more files; empty means all is well.
pub type Problems = Vec<Problem>;
