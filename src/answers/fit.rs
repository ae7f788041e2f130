//! Whether an answer from the file fits its item, and if not, why: typed, so that the
//! commands can say it in the patient's language (`Misfit`); written in English by
//! `Display` for the answers file's `set-aside` and for `check`-style messages.

use std::fmt;

use jiff::civil::Date;

use super::{Answer, MAX_TEXT_CHARS, MAX_TYPED_MEDICINES, MedicineAnswer, RawValue};
use crate::checklist::{Item, Kind, MedicineList};
use crate::entry::DATES;
use crate::problem::Problem;

/// Why an answer in the file does not fit its checklist as it is now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Misfit {
    /// No item has its id in this version of the checklist.
    NoSuchQuestion {
        version: u32,
    },
    AnsweredTwice,
    /// A text or phone answer over `MAX_TEXT_CHARS`.
    TooLong,
    /// `~` for an item that is not text, a date, a time or a phone number.
    NoAnswer,
    NoSuchChoice {
        id: String,
        choices: Vec<String>,
    },
    NotYesOrNo {
        found: String,
    },
    /// More than `MAX_TYPED_MEDICINES` typed names.
    TooManyTyped,
    /// A typed name over `MAX_TEXT_CHARS`.
    NameTooLong,
    NotInList {
        id: String,
        list: String,
    },
    NotAPhone {
        found: String,
    },
    NotADate {
        found: String,
    },
    /// A date outside `DATES`.
    DateOutOfRange {
        found: String,
    },
    NotATime {
        found: String,
    },
    /// A value of the wrong shape for its item's kind (`Kind::name`).
    WrongKind {
        kind: &'static str,
        found: Found,
    },
}

/// What the file holds where an answer of another shape was expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    Text(String),
    List,
    Medicines,
}

impl fmt::Display for Misfit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Misfit::NoSuchQuestion { version } => write!(
                f,
                "there is no such question in version {version} of the checklist"
            ),
            Misfit::AnsweredTwice => f.write_str("answered twice in the file"),
            Misfit::TooLong => write!(f, "the answer is longer than {MAX_TEXT_CHARS} letters"),
            Misfit::NoAnswer => {
                f.write_str("no answer given (~ is only for text, dates, times and phones)")
            }
            Misfit::NoSuchChoice { id, choices } => write!(
                f,
                "there is no choice '{id}' (the choices are: {})",
                choices.join(", ")
            ),
            Misfit::NotYesOrNo { found } => write!(f, "expected yes or no, found '{found}'"),
            Misfit::TooManyTyped => {
                write!(f, "more than {MAX_TYPED_MEDICINES} medicines are typed")
            }
            Misfit::NameTooLong => write!(
                f,
                "a medicine's name is longer than {MAX_TEXT_CHARS} letters"
            ),
            Misfit::NotInList { id, list } => {
                write!(f, "'{id}' is not in the medicine list '{list}'")
            }
            Misfit::NotAPhone { found } => write!(f, "expected a phone number, found '{found}'"),
            Misfit::NotADate { found } => {
                write!(f, "expected a date like 2026-12-10, found '{found}'")
            }
            Misfit::DateOutOfRange { found } => write!(
                f,
                "'{found}' is not a date from {} to {}",
                DATES.start(),
                DATES.end()
            ),
            Misfit::NotATime { found } => write!(f, "expected a time like 07:30, found '{found}'"),
            Misfit::WrongKind { kind, found } => {
                write!(f, "expected {}, found {found}", kind_expects(kind))
            }
        }
    }
}

impl Misfit {
    /// A few words of why, for the answers file's `set-aside` (the full reason, in the
    /// patient's language, comes from the checklist when the answers are shown): short, so
    /// the file never grows by the reasons it keeps, and naming nothing from the answer.
    pub fn short(&self) -> &'static str {
        match self {
            Misfit::NoSuchQuestion { .. } => "no such question now",
            Misfit::AnsweredTwice => "answered twice",
            Misfit::TooLong | Misfit::NameTooLong => "too long",
            Misfit::NoAnswer => "no answer",
            Misfit::NoSuchChoice { .. } => "not one of the choices now",
            Misfit::NotYesOrNo { .. } => "not yes or no",
            Misfit::TooManyTyped => "too many names typed",
            Misfit::NotInList { .. } => "not in the medicine list now",
            Misfit::NotAPhone { .. } => "not a phone number",
            Misfit::NotADate { .. } | Misfit::DateOutOfRange { .. } => "not a date",
            Misfit::NotATime { .. } => "not a time",
            Misfit::WrongKind { .. } => "not the kind of answer asked now",
        }
    }
}

impl fmt::Display for Found {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Found::Text(text) => write!(f, "'{text}'"),
            Found::List => f.write_str("a list"),
            Found::Medicines => f.write_str("a medicine list"),
        }
    }
}

/// What an answer of a kind (by `Kind::name`) is, in English.
fn kind_expects(kind: &str) -> &'static str {
    match kind {
        "yes-no" => "yes or no",
        "one-choice" => "one choice id",
        "several-choices" => "a list of choice ids",
        "medicines" => "a list of medicines ({known: [...], typed: [...]})",
        "date" => "a date like 2026-12-10",
        "time" => "a time like 07:30",
        "phone" => "a phone number",
        "info" => "seen",
        _ => "text",
    }
}

/// An answer set aside while reading the file: where it is, its item, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unfit {
    pub file: String,
    pub line: u64,
    pub column: u64,
    pub item: String,
    pub why: Misfit,
}

impl Unfit {
    /// In English, as a problem: `file:line:column: item 'id': why`.
    pub fn problem(&self) -> Problem {
        let message = format!("item '{}': {}", self.item, self.why);
        Problem::at(&self.file, self.line, self.column, message)
    }
}

impl fmt::Display for Unfit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.problem().fmt(f)
    }
}

/// Why a file cannot be read as answers for a checklist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotAnswers {
    /// It is not YAML of an answers file's shape: where, and what is wrong (typed, so the
    /// commands word it in the patient's language; never in the YAML library's words).
    Yaml {
        file: String,
        /// 0 when the whole file is meant.
        line: u64,
        column: u64,
        why: YamlWhy,
    },
    /// Answers for another checklist (`found`), at the `checklist:` line.
    OtherChecklist {
        file: String,
        line: u64,
        column: u64,
        found: String,
        expected: String,
    },
    /// A JSON file that is not a QuestionnaireResponse prepcheck can read for this
    /// checklist: where (0 for the whole file), and why.
    Response {
        file: String,
        line: u64,
        column: u64,
        why: ResponseWhy,
    },
}

/// Why a JSON file is not a QuestionnaireResponse for the checklist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResponseWhy {
    /// Not JSON: where the reader stopped.
    Syntax,
    /// Not text (UTF-8).
    NotText,
    /// JSON, but not a FHIR resource of this kind: its `resourceType`, if it has one.
    NotAResponse { found: Option<String> },
    /// A value of the wrong kind for its place (text where a list goes).
    WrongKind,
    /// No `questionnaire`: nothing says which form it answers.
    NoQuestionnaire,
    /// A response to another Questionnaire (`found`), or to another version of it.
    OtherQuestionnaire { found: String, expected: String },
    /// Marked `entered-in-error`: not a record to print or carry on.
    EnteredInError,
    /// Items nested deeper than `depth`.
    TooDeep { depth: usize },
    /// More than `most` items and answers.
    TooMany { most: usize },
}

impl fmt::Display for ResponseWhy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ResponseWhy::Syntax => f.write_str("this is not well-formed JSON"),
            ResponseWhy::NotText => f.write_str("this is not a text file (UTF-8)"),
            ResponseWhy::NotAResponse { found: Some(found) } => {
                write!(f, "this is a FHIR {found}, not a QuestionnaireResponse")
            }
            ResponseWhy::NotAResponse { found: None } => {
                f.write_str("this JSON is not a FHIR resource (it has no resourceType)")
            }
            ResponseWhy::WrongKind => {
                f.write_str("the value here is not of the kind this place needs")
            }
            ResponseWhy::NoQuestionnaire => {
                f.write_str("the response does not name its Questionnaire")
            }
            ResponseWhy::OtherQuestionnaire { found, expected } => {
                write!(
                    f,
                    "this response is to the Questionnaire {found}, not {expected}"
                )
            }
            ResponseWhy::EnteredInError => f.write_str("this response is marked entered-in-error"),
            ResponseWhy::TooDeep { depth } => {
                write!(f, "items are nested more than {depth} deep")
            }
            ResponseWhy::TooMany { most } => {
                write!(f, "the response holds more than {most} items and answers")
            }
        }
    }
}

/// What is wrong with the YAML of an answers file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum YamlWhy {
    /// Not YAML: a line the reader cannot make sense of.
    Syntax,
    /// Not text (UTF-8).
    NotText,
    /// The same key twice in one mapping (it names the key when it can).
    SameKeyTwice(Option<String>),
    /// A key an answers file must have (`checklist`, `version`).
    Missing(String),
    /// A key an answers file does not have.
    Unknown(String),
    /// A value of the wrong kind for its place (a list where text goes, a word where a
    /// number goes).
    WrongKind,
    /// An alias (`*name`) whose anchor (`&name`) is not there.
    NoAnchor,
    /// More than `MAX_YAML_EVENTS` values (aliases counted each time they are used), or
    /// nested too deep.
    TooMany,
}

impl YamlWhy {
    /// The reader's error, typed and located.
    pub fn of(file: &str, error: &serde_saphyr::Error) -> NotAnswers {
        use serde_saphyr::Error as E;
        let error = error.without_snippet();
        let (line, column) = error
            .location()
            .map_or((0, 0), |at| (at.line(), at.column()));
        let mut inner = error;
        #[allow(deprecated)]
        while let E::AliasError { error, .. } = inner {
            inner = error.without_snippet();
        }
        let why = match inner {
            E::InvalidUtf8Input => YamlWhy::NotText,
            E::DuplicateMappingKey { key, .. } => YamlWhy::SameKeyTwice(key.clone()),
            E::SerdeMissingField { field, .. } => YamlWhy::Missing((*field).to_string()),
            E::SerdeUnknownField { field, .. } => YamlWhy::Unknown(field.clone()),
            E::UnknownAnchor { .. } => YamlWhy::NoAnchor,
            E::Budget { .. }
            | E::AliasReplayLimitExceeded { .. }
            | E::AliasExpansionLimitExceeded { .. }
            | E::AliasReplayStackDepthExceeded { .. }
            | E::AliasReplayCounterOverflow { .. } => YamlWhy::TooMany,
            E::Unexpected { .. }
            | E::SerdeInvalidType { .. }
            | E::SerdeInvalidValue { .. }
            | E::SerdeInvalidLength { .. }
            | E::InvalidScalar { .. }
            | E::NullIntoString { .. }
            | E::UnexpectedValueForUnit { .. }
            | E::QuotingRequired { .. } => YamlWhy::WrongKind,
            _ => YamlWhy::Syntax,
        };
        NotAnswers::Yaml {
            file: file.to_string(),
            line,
            column,
            why,
        }
    }
}

/// In English, for `check`-style messages and tests; the commands word it through the
/// catalogue.
impl fmt::Display for YamlWhy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            YamlWhy::Syntax => f.write_str("this is not written the way an answers file is"),
            YamlWhy::NotText => f.write_str("this is not a text file (UTF-8)"),
            YamlWhy::SameKeyTwice(Some(key)) => write!(f, "'{key}' is here twice"),
            YamlWhy::SameKeyTwice(None) => f.write_str("the same name is here twice"),
            YamlWhy::Missing(key) => write!(f, "an answers file needs a '{key}:' line"),
            YamlWhy::Unknown(key) => write!(f, "'{key}' is not part of an answers file"),
            YamlWhy::WrongKind => f.write_str("the value here is not of the kind this place needs"),
            YamlWhy::NoAnchor => f.write_str("this alias (*name) names no anchor (&name)"),
            YamlWhy::TooMany => write!(
                f,
                "the file holds too much: an answers file may hold at most {} values (each \
                 answer, name, list and mapping counts, and an alias each time it is used)",
                super::MAX_YAML_EVENTS
            ),
        }
    }
}

impl NotAnswers {
    /// In English, as a problem.
    pub fn problem(&self) -> Problem {
        match self {
            NotAnswers::Yaml {
                file,
                line,
                column,
                why,
            } => Problem::at(file, *line, *column, why.to_string()),
            NotAnswers::OtherChecklist {
                file,
                line,
                column,
                found,
                expected,
            } => Problem::at(
                file,
                *line,
                *column,
                format!("these answers are for checklist '{found}', not '{expected}'"),
            ),
            NotAnswers::Response {
                file,
                line,
                column,
                why,
            } => Problem::at(file, *line, *column, why.to_string()),
        }
    }
}

impl fmt::Display for NotAnswers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.problem().fmt(f)
    }
}

/// Check a value from the file against the kind of its item.
pub(super) fn typed_answer(item: &Item, value: Option<RawValue>) -> Result<Answer, Misfit> {
    if let Some(RawValue::Text(text)) = &value
        && text.chars().count() > MAX_TEXT_CHARS
        && matches!(item.kind, Kind::Text | Kind::Phone)
    {
        return Err(Misfit::TooLong);
    }
    let Some(value) = value else {
        return match item.kind {
            Kind::Text | Kind::Date | Kind::Time | Kind::Phone => Ok(Answer::NotKnown),
            _ => Err(Misfit::NoAnswer),
        };
    };
    match (&item.kind, value) {
        (Kind::YesNo, RawValue::Text(text)) => match text.as_str() {
            "yes" => Ok(Answer::YesNo(true)),
            "no" => Ok(Answer::YesNo(false)),
            _ => Err(Misfit::NotYesOrNo { found: text }),
        },
        (Kind::OneChoice(_), RawValue::Text(id)) => {
            choice_exists(item, &id).map(|()| Answer::Choice(id))
        }
        (Kind::SeveralChoices(_), RawValue::List(ids)) => {
            ids.iter().try_for_each(|id| choice_exists(item, id))?;
            Ok(Answer::Choices(ids))
        }
        (Kind::Medicines(list), RawValue::Medicines(answer)) => medicines(list, answer),
        (Kind::Text, RawValue::Text(text)) => Ok(Answer::Text(text)),
        (Kind::Phone, RawValue::Text(text)) if crate::entry::is_phone(&text) => {
            Ok(Answer::Phone(text))
        }
        (Kind::Phone, RawValue::Text(found)) => Err(Misfit::NotAPhone { found }),
        (Kind::Date, RawValue::Text(found)) => match found.parse::<Date>() {
            Ok(date) if DATES.contains(&date) => Ok(Answer::Date(date)),
            Ok(_) => Err(Misfit::DateOutOfRange { found }),
            Err(_) => Err(Misfit::NotADate { found }),
        },
        (Kind::Time, RawValue::Text(found)) => match crate::entry::time_of_day(&found) {
            Some(time) => Ok(Answer::Time(time)),
            None => Err(Misfit::NotATime { found }),
        },
        (Kind::Info, RawValue::Text(text)) if text == "seen" => Ok(Answer::Seen),
        (kind, value) => Err(Misfit::WrongKind {
            kind: kind.name(),
            found: match value {
                RawValue::Text(text) => Found::Text(text),
                RawValue::List(_) => Found::List,
                RawValue::Medicines(_) => Found::Medicines,
            },
        }),
    }
}

/// Whether the item has a choice `id`; if not, which it has.
fn choice_exists(item: &Item, id: &str) -> Result<(), Misfit> {
    if item.choices().iter().any(|c| c.id == id) {
        return Ok(());
    }
    Err(Misfit::NoSuchChoice {
        id: id.to_string(),
        choices: item.choices().iter().map(|c| c.id.clone()).collect(),
    })
}

/// A medicines answer: no more typed names than the walk keeps, none longer than a text
/// answer, and medicines of the item's list.
fn medicines(list: &MedicineList, answer: MedicineAnswer) -> Result<Answer, Misfit> {
    if answer.typed.len() > MAX_TYPED_MEDICINES {
        return Err(Misfit::TooManyTyped);
    }
    if answer
        .typed
        .iter()
        .any(|name| name.chars().count() > MAX_TEXT_CHARS)
    {
        return Err(Misfit::NameTooLong);
    }
    match answer
        .known
        .iter()
        .find(|id| list.catalogue.get(id).is_none())
    {
        Some(id) => Err(Misfit::NotInList {
            id: id.clone(),
            list: list.catalogue.id.clone(),
        }),
        None => Ok(Answer::Medicines(answer)),
    }
}
