//! Turning the raw file structs into a checked `Checklist`, collecting every problem with the
//! line it is on. `parse` reads the file (`reading.rs`), then a `Builder` checks it part by
//! part: the checklist, its sections and items (`items.rs`), their conditions
//! (`conditions.rs`) and their sheet lines (`sheet_lines.rs`).

mod conditions;
mod items;
mod reading;
mod sheet_lines;
#[cfg(test)]
mod tests;

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use serde_saphyr::{Location, Spanned};

use super::rules::{self, Reading};
use super::{Checklist, Role};
use crate::advice::{Detector, Vocabulary};
use crate::catalogue::Catalogue;
use crate::problem::{Message, Problem, Problems, any_error, unsafe_characters};
use crate::reading::{HardWords, TARGET_GRADE, grade_of};
use crate::text::is_unsafe;
use conditions::Seen;
pub(super) use reading::read_raw;
/// Reads the source documents a checklist names, relative to the checklist's own folder.
pub trait SourceFiles {
    /// The text of a source file, or why it cannot be read.
    fn read_source(&self, relative: &str) -> Result<String, Message>;
}

/// How much `parse` checks beyond the structure and the sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scrutiny {
    /// A built-in checklist, whose words the test suite checks: nothing more at each start.
    BuiltIn,
    /// A clinic's checklist in use: the safety rules too, before a patient sees a word.
    Clinic,
    /// `prepcheck check`: everything, with reading level and hard words as warnings.
    Full,
}

/// Parse a checklist file and check everything about it, given the catalogues it may use.
/// `Ok` holds the checklist and its warnings; `Err` every problem found, warnings included.
pub fn parse(
    file: &str,
    text: &[u8],
    sources: &dyn SourceFiles,
    catalogues: &[Rc<Catalogue>],
    scrutiny: Scrutiny,
) -> Result<(Checklist, Problems), Problems> {
    let (mut problems, unsafe_in_file) = match std::str::from_utf8(text) {
        Ok(text) if scrutiny != Scrutiny::BuiltIn => (
            unsafe_characters(file, text),
            text.chars().filter(|&c| is_unsafe(c)).collect(),
        ),
        _ => (Problems::new(), HashSet::new()),
    };
    let raw = read_raw(file, text, &mut problems)?;
    let detector = (scrutiny != Scrutiny::BuiltIn).then(|| {
        // Every name of every language the lists have, misspellings too, as the walk
        // recognises a typed name.
        let names = catalogues
            .iter()
            .flat_map(|c| c.medicines.iter().flat_map(|m| c.names_of(m)));
        // Checklists are English until they carry a language of their own.
        Vocabulary::for_lang(crate::i18n::Lang::En).detector(names)
    });
    let mut builder = Builder {
        file,
        problems,
        sources: HashMap::new(),
        unreadable: HashSet::new(),
        all_ids: Vec::new(),
        all_id_set: HashSet::new(),
        suggestions_left: SUGGESTION_BUDGET,
        item_index: HashMap::new(),
        line_offset: 0,
        items: Vec::new(),
        roles: HashMap::new(),
        detector,
        hard_words: (scrutiny == Scrutiny::Full).then(HardWords::english),
        unsafe_in_file,
    };
    match builder.checklist(raw, sources, catalogues) {
        Some(checklist) if !any_error(&builder.problems) => Ok((checklist, builder.problems)),
        _ => Err(builder.problems),
    }
}

/// How many ids a file's misspelt item names are compared with, all told, to suggest one
/// ("did you mean"): each comparison costs a little, and a file of thousands of conditions
/// naming thousands of items made them add up to seconds.
const SUGGESTION_BUDGET: usize = 5_000;

struct Builder<'a> {
    file: &'a str,
    problems: Problems,
    /// Source id to (title, whitespace-collapsed text).
    sources: HashMap<String, (String, String)>,
    /// Sources that could not be read: already reported, so their quotes are not checked.
    unreadable: HashSet<String>,
    /// Every item id in the file, to tell a later item from one that does not exist; in
    /// file order, and as a set.
    all_ids: Vec<String>,
    all_id_set: HashSet<String>,
    /// Comparisons left for suggesting an id (`SUGGESTION_BUDGET`).
    suggestions_left: usize,
    /// The items checked so far: conditions may only look back at these. Looked up by id
    /// (the first with it) in `item_index`: lists searched for every item and condition
    /// took seconds on a file of many items.
    items: Vec<Seen>,
    item_index: HashMap<String, usize>,
    roles: HashMap<Role, String>,
    /// Finds medication advice; `None` for a built-in checklist (the tests check it).
    detector: Option<Detector>,
    /// Words patients may not know; `None` outside `check`.
    hard_words: Option<&'static HardWords>,
    /// The control and invisible characters the file holds as they are (reported where
    /// they are): a text holding one of them is not reported again.
    unsafe_in_file: HashSet<char>,
    /// Lines to add to the locations of the item being checked (`Located`).
    line_offset: u64,
}

/// What an item's sheet lines are about, for the medication rules.
#[derive(Clone, Copy)]
struct Medicines {
    /// The item is about medicines: its screen shows the medication statement.
    item: bool,
    /// Some text of the item names a medicine.
    names_one: bool,
    /// Its sheet lines speak of the medicines it asks about, named or not.
    lines: bool,
}

/// The grade above which an item's words are a warning.
const GRADE_WARNING: f64 = 8.0;

impl Builder<'_> {
    fn complain(&mut self, at: Location, message: impl Into<Message>) {
        let line = self.line(at);
        self.problems
            .push(Problem::at(self.file, line, at.column(), message));
    }

    /// The line of a location in the file (0, for none, stays 0).
    fn line(&self, at: Location) -> u64 {
        match at.line() {
            0 => 0,
            line => line + self.line_offset,
        }
    }

    /// A key every checklist needs: missing is reported at the mapping that lacks it.
    fn present<T>(&mut self, value: Option<T>, at: Location, key: &str) -> Option<T> {
        if value.is_none() {
            self.complain(at, Message::new("check-missing-field").text("key", key));
        }
        value
    }

    /// A text that must not be empty: `what` is the key of `check-empty`, of the item `item`.
    fn text(&mut self, field: &Spanned<String>, item: Option<&str>, what: &str) -> String {
        if field.value.trim().is_empty() {
            let empty = Message::new("check-empty").text("what", what);
            let message = match item {
                Some(id) => in_item(id, empty),
                None => empty,
            };
            self.complain(field.referenced, message);
        }
        field.value.trim().to_string()
    }

    /// A text a patient reads, held to the rules of every such text (`rules.rs`).
    fn patient_text(&mut self, at: Location, what: &Message, text: &str, reading: Reading) {
        let mut problems = rules::character_problems(what, text, &self.unsafe_in_file);
        if let Some(detector) = &self.detector {
            problems.extend(rules::medication_problems(detector, what, text, reading));
        }
        for problem in problems {
            self.complain(at, problem);
        }
    }

    /// For `check`: an item whose words read above grade 8, or use a word patients may not
    /// know without explaining it, is worth a warning.
    /// An item with a text too long for a patient is not read for its words: that text is
    /// an error already, and reading a long one is most of the time `check` takes.
    fn plain_words(&mut self, at: Location, item: &str, texts: &[&str], help: Option<&str>) {
        let Some(hard_words) = &self.hard_words else {
            return;
        };
        if texts.iter().chain(&help).any(|text| rules::too_long(text)) {
            return;
        }
        let unexplained: Vec<Message> = hard_words
            .unexplained(texts, help)
            .into_iter()
            .map(|word| match hard_words.plain(&word) {
                Some(plain) => Message::new("check-hard-word-say")
                    .text("word", word)
                    .text("plain", plain),
                None => Message::new("check-hard-word").text("word", word),
            })
            .collect();
        let grade = grade_of(texts);
        let file = self.file;
        let line = self.line(at);
        if grade > GRADE_WARNING {
            let message = Message::new("check-grade")
                .text("grade", format!("{grade:.1}"))
                .text("target", format!("{TARGET_GRADE}"));
            let problem = Problem::warning_at(file, line, at.column(), in_item(item, message));
            self.problems.push(problem);
        }
        if !unexplained.is_empty() {
            let mut words = Message::new("check-hard-word").text("word", "");
            for (n, word) in unexplained.into_iter().enumerate() {
                words = if n == 0 {
                    word
                } else {
                    Message::new("list-comma")
                        .with("rest", words)
                        .with("last", word)
                };
            }
            let message = Message::new("check-hard-words").with("words", words);
            let problem = Problem::warning_at(file, line, at.column(), in_item(item, message));
            self.problems.push(problem);
        }
    }
}

/// A problem of the item `id`: "item 'pills': ...".
fn in_item(id: &str, problem: Message) -> Message {
    Message::new("check-in-item")
        .text("item", id)
        .with("problem", problem)
}

pub(crate) fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

pub(crate) fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
