//! A problem found in a file, with where it is, printed as `file:line:column: what is wrong`.

use std::fmt;

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
        match error.location() {
            Some(at) => {
                let suffix = format!(" at line {}, column {}", at.line(), at.column());
                let message = text.strip_suffix(&suffix).unwrap_or(&text);
                Self::at(file, at.line(), at.column(), message)
            }
            None => Self::whole_file(file, text),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(
                f,
                "{}:{}:{}: {}",
                self.file, self.line, self.column, self.message
            )
        }
    }
}

/// Problems collected while reading one or more files; empty means all is well.
pub type Problems = Vec<Problem>;
