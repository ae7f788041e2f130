//! Turning the raw file structs into a checked `Checklist`, collecting every problem with the
//! line it is on.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use serde::de::IgnoredAny;
use serde_saphyr::{Location, Spanned};

use super::raw::{
    Located, RawChecklist, RawCondition, RawItem, RawKind, RawSection, RawSheetLine, RawUnanswered,
};
use super::rules::{self, Reading};
use super::{
    Checklist, Choice, Condition, Item, Kind, MedicineList, Place, Quote, Role, Section, SheetLine,
    Unanswered,
};
use crate::advice::{Detector, Role as Voice, Vocabulary};
use crate::catalogue::Catalogue;
use crate::problem::{Problem, Problems, any_error, unsafe_characters};
use crate::reading::{self, HardWords};
use crate::text::is_unsafe;

/// Reads the source documents a checklist names, relative to the checklist's own folder.
pub trait SourceFiles {
    fn read_source(&self, relative: &str) -> Result<String, String>;
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
        let names = catalogues
            .iter()
            .flat_map(|c| &c.medicines)
            .flat_map(|m| m.names());
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

/// The most YAML events (a value, a key, the start or end of a list or map) a checklist
/// file may hold: the built-in one has under 1,000. Past it the parser stops, so that a file
/// of the largest size allowed, made of thousands of tiny values, is refused quickly instead
/// of read in full (it took the YAML library 290 ms).
const MAX_YAML_EVENTS: usize = 20_000;

/// A checklist file (or one of its items) read as `T`, within `MAX_YAML_EVENTS`.
fn from_yaml<'de, T: serde::Deserialize<'de>>(text: &'de [u8]) -> Result<T, serde_saphyr::Error> {
    let options = serde_saphyr::options! {
        budget: serde_saphyr::budget! { max_events: MAX_YAML_EVENTS },
    };
    serde_saphyr::from_slice_with_options(text, options)
}

/// The file as its raw structs. When an item cannot be read (a value of the wrong type),
/// the other items still are, each on its own, so that one mistake hides no other: the
/// unreadable items are left out and their problems added.
pub(super) fn read_raw(
    file: &str,
    text: &[u8],
    problems: &mut Problems,
) -> Result<Spanned<RawChecklist>, Problems> {
    let (whole, budget) = match from_yaml::<Spanned<RawChecklist>>(text) {
        Ok(raw) => return Ok(raw),
        Err(e) => {
            let budget = e.without_snippet().to_string().starts_with("budget");
            (Problem::from_yaml(file, &e), budget)
        }
    };
    let fail = |problems: &mut Problems| {
        problems.push(whole.clone());
        Err(std::mem::take(problems))
    };
    // A file too big once its aliases are expanded is not read again, item by item.
    if budget {
        return fail(problems);
    }
    let (Ok(skeleton), Ok(text)) = (
        from_yaml::<Spanned<RawChecklist<Spanned<IgnoredAny>>>>(text),
        std::str::from_utf8(text),
    ) else {
        return fail(problems);
    };
    let lines: Vec<&str> = text.split('\n').collect();
    let before = problems.len();
    let value = skeleton.value;
    let sections = value.sections.map(|sections| {
        sections
            .into_iter()
            .map(|section| RawSection {
                title: section.title,
                items: section
                    .items
                    .into_iter()
                    .filter_map(|item| match item_alone(file, &lines, item.referenced) {
                        Ok(item) => Some(item),
                        Err(problem) => {
                            problems.push(problem);
                            None
                        }
                    })
                    .collect(),
            })
            .collect()
    });
    if problems.len() == before {
        // The mistake was not in an item: it is the one to report.
        return fail(problems);
    }
    Ok(Spanned {
        value: RawChecklist {
            id: value.id,
            title: value.title,
            procedure: value.procedure,
            version: value.version,
            sources: value.sources,
            sections,
        },
        referenced: skeleton.referenced,
        defined: skeleton.defined,
    })
}

/// One item read on its own: its lines, with the "- " that opens it made a space, so every
/// column is the one in the file, and its lines `line_offset` early. (They were once read
/// with every line before the item left blank, which made reading a file of many items take
/// time that grew with the square of its length: seconds for a file under the size limit.)
/// The item ends before the next line that starts left of where it starts.
fn item_alone(file: &str, lines: &[&str], at: Location) -> Result<Located, Problem> {
    let first = usize::try_from(at.line()).unwrap_or(1).max(1) - 1;
    let column = usize::try_from(at.column()).unwrap_or(1).max(1) - 1;
    let indent = |line: &str| line.len() - line.trim_start().len();
    let mut text = String::new();
    for (n, line) in lines.iter().enumerate().skip(first) {
        let blank = line.trim().is_empty() || line.trim_start().starts_with('#');
        if n > first && !blank && indent(line) < column {
            break;
        }
        if n == first {
            let head: String = line.chars().take(column).map(|_| ' ').collect();
            let rest: String = line.chars().skip(column).collect();
            text.push_str(&head);
            text.push_str(&rest);
        } else {
            text.push_str(line);
        }
        text.push('\n');
    }
    let line_offset = first as u64;
    match from_yaml(text.as_bytes()) {
        Ok(item) => Ok(Located { item, line_offset }),
        Err(e) => {
            let mut problem = Problem::from_yaml(file, &e);
            if problem.line > 0 {
                problem.line += line_offset;
            }
            Err(problem)
        }
    }
}

/// What later items need to know of an earlier one: conditions may only look back.
struct Seen {
    id: String,
    kind: RawKind,
    values: Vec<String>,
    /// The same values, to look them up: conditions and `if`s may name thousands.
    known: HashSet<String>,
}

impl Seen {
    fn new(id: String, kind: RawKind, values: Vec<String>) -> Seen {
        let known = values.iter().cloned().collect();
        Seen {
            id,
            kind,
            values,
            known,
        }
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
    /// Its sheet lines speak of the medicines it asks about, named or not.
    lines: bool,
}

/// The grade above which an item's words are a warning.
const GRADE_WARNING: f64 = 8.0;

impl Builder<'_> {
    fn complain(&mut self, at: Location, message: impl Into<String>) {
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
            self.complain(at, format!("missing field `{key}`"));
        }
        value
    }

    /// A text that must not be empty.
    fn text(&mut self, field: &Spanned<String>, context: &str, what: &str) -> String {
        if field.value.trim().is_empty() {
            self.complain(field.referenced, format!("{context}empty {what}"));
        }
        field.value.trim().to_string()
    }

    /// A text a patient reads, held to the rules of every such text (`rules.rs`).
    fn patient_text(&mut self, at: Location, what: &str, text: &str, reading: Reading) {
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
    fn plain_words(&mut self, at: Location, prefix: &str, texts: &[&str], help: Option<&str>) {
        let Some(hard_words) = &self.hard_words else {
            return;
        };
        if texts.iter().chain(&help).any(|text| rules::too_long(text)) {
            return;
        }
        let unexplained: Vec<String> = hard_words
            .unexplained(texts, help)
            .into_iter()
            .map(|word| match hard_words.plain(&word) {
                Some(plain) => format!("'{word}' (say: {plain})"),
                None => format!("'{word}'"),
            })
            .collect();
        let grade = reading::grade_of(texts);
        let file = self.file;
        let line = self.line(at);
        if grade > GRADE_WARNING {
            self.problems.push(Problem::warning_at(
                file,
                line,
                at.column(),
                format!(
                    "{prefix}reads at grade {grade:.1}; aim for grade {} or lower: shorter \
                     sentences and everyday words",
                    reading::TARGET_GRADE
                ),
            ));
        }
        if !unexplained.is_empty() {
            self.problems.push(Problem::warning_at(
                file,
                line,
                at.column(),
                format!(
                    "{prefix}a word patients may not know: {}; explain it in parentheses or \
                     in the help",
                    unexplained.join(", ")
                ),
            ));
        }
    }

    fn checklist(
        &mut self,
        spanned: Spanned<RawChecklist>,
        files: &dyn SourceFiles,
        catalogues: &[Rc<Catalogue>],
    ) -> Option<Checklist> {
        let top = spanned.referenced;
        let raw = spanned.value;
        let nothing = raw.id.is_none() && raw.title.is_none() && raw.sections.is_none();
        if nothing && raw.procedure.is_none() && raw.version.is_none() && raw.sources.is_none() {
            self.complain(top, "the file is empty: a checklist needs id, title, procedure, version, sources and sections");
            return None;
        }
        let id = self.present(raw.id, top, "id");
        let title = self.present(raw.title, top, "title");
        let procedure = self.present(raw.procedure, top, "procedure");
        let version = self.present(raw.version, top, "version");
        let sources = self.present(raw.sources, top, "sources");
        let sections = self.present(raw.sections, top, "sections");
        let (id, title, procedure, version, sources, sections) =
            (id?, title?, procedure?, version?, sources?, sections?);
        let id_at = id.referenced;
        let id = self.text(&id, "", "id");
        if !id.is_empty() && !is_id(&id) {
            self.complain(
                id_at,
                format!("id '{id}' may only hold lower-case letters, digits and '-'"),
            );
        }
        let title_at = title.referenced;
        let title = self.text(&title, "", "title");
        self.patient_text(title_at, "title", &title, Reading::statement(None));
        let procedure_at = procedure.referenced;
        let procedure = self.text(&procedure, "", "procedure");
        self.patient_text(
            procedure_at,
            "procedure",
            &procedure,
            Reading::statement(None),
        );
        let item_count: usize = sections.iter().map(|s| s.items.len()).sum();
        self.all_ids = sections
            .iter()
            .flat_map(|s| &s.items)
            .filter_map(|i| Some(i.item.value.id.as_ref()?.value.trim().to_string()))
            .collect();
        self.all_id_set = self.all_ids.iter().cloned().collect();
        for source in sources {
            let at = source.referenced;
            let source = source.value;
            match files.read_source(&source.file) {
                Ok(text) => {
                    let entry = (source.title, collapse_spaces(&text));
                    if self.sources.insert(source.id.clone(), entry).is_some() {
                        self.complain(at, format!("duplicate source id '{}'", source.id));
                    }
                }
                Err(why) => {
                    self.complain(
                        at,
                        format!("source '{}': {}: {why}", source.id, source.file),
                    );
                    self.unreadable.insert(source.id);
                }
            }
        }
        let sections: Vec<Section> = sections
            .into_iter()
            .map(|section| self.section(section, catalogues))
            .collect();
        // Items that could not be read are reported already; an empty file is not.
        if item_count == 0 && !any_error(&self.problems) {
            self.complain(id_at, "the checklist has no items");
        }
        Some(Checklist {
            id,
            title,
            procedure,
            version,
            sections,
        })
    }

    fn section(
        &mut self,
        section: super::raw::RawSection,
        catalogues: &[Rc<Catalogue>],
    ) -> Section {
        let title = self.text(&section.title, "", "section title");
        let at = section.title.referenced;
        self.patient_text(at, "section title", &title, Reading::statement(None));
        let items = section
            .items
            .into_iter()
            .filter_map(|located| {
                self.line_offset = located.line_offset;
                let item = self.item(located.item, catalogues);
                self.line_offset = 0;
                item
            })
            .collect();
        Section { title, items }
    }

    fn item(&mut self, spanned: Spanned<RawItem>, catalogues: &[Rc<Catalogue>]) -> Option<Item> {
        let at = spanned.referenced;
        let mut raw = spanned.value;
        let id = raw
            .id
            .as_ref()
            .map_or_else(String::new, |i| i.value.trim().to_string());
        let prefix = format!("item '{id}': ");
        let problems_before = self.problems.len();
        let source = raw.source.take();
        let present = [
            ("id", raw.id.is_some()),
            ("ask", raw.ask.is_some()),
            ("kind", raw.kind.is_some()),
        ];
        for (key, _) in present.iter().filter(|(_, here)| !here) {
            self.complain(at, format!("{prefix}missing field `{key}`"));
        }
        let (Some(id_field), Some(ask_field), Some(raw_kind)) = (&raw.id, &raw.ask, raw.kind)
        else {
            return None;
        };
        let complain = |me: &mut Self, message: String| {
            me.complain(at, format!("{prefix}{message}"));
        };
        if id.is_empty() {
            self.complain(id_field.referenced, format!("{prefix}empty item id"));
        } else if !is_id(&id) {
            complain(
                self,
                "an item id may only hold lower-case letters, digits and '-'".into(),
            );
        }
        if self.item_index.contains_key(&id) {
            complain(self, "duplicate item id".into());
        }
        let ask = self.text(ask_field, &prefix, "question ('ask')");
        let help = raw.help.as_ref().map(|h| h.value.trim().to_string());
        let kind = self.kind(&raw, raw_kind, &prefix, at, catalogues);
        let about_medicines = raw.medicines || matches!(kind, Some(Kind::Medicines(_)));
        let unanswered = raw.unanswered.as_ref().map(|u| match &u.value {
            RawUnanswered::Todo(text) => Unanswered::Todo(text.trim().to_string()),
            RawUnanswered::Ask(ask) => Unanswered::Ask(ask.ask.trim().to_string()),
        });
        // Only a question for the care team speaks in its voice; a question to the patient
        // ("Do you take ...?") is held to the rules of every other text.
        let mut texts: Vec<(String, &str, Voice)> =
            vec![(format!("{prefix}question"), &ask, Voice::Statement)];
        if let Some(help) = &help {
            texts.push((format!("{prefix}help"), help, Voice::Statement));
        }
        match &unanswered {
            Some(Unanswered::Todo(todo)) => {
                texts.push((format!("{prefix}unanswered"), todo, Voice::Statement));
            }
            Some(Unanswered::Ask(question)) => {
                texts.push((format!("{prefix}unanswered"), question, Voice::Question));
            }
            None => {}
        }
        for choice in raw.choices.iter().flat_map(|c| &c.value) {
            let choice = &choice.value;
            texts.push((
                format!("{prefix}choice"),
                &choice.label.value,
                Voice::Statement,
            ));
            if let Some(title) = &choice.title {
                texts.push((
                    format!("{prefix}choice title"),
                    &title.value,
                    Voice::Statement,
                ));
            }
        }
        for (what, text, voice) in &texts {
            let reading = Reading {
                voice: *voice,
                ..Reading::statement(Some(about_medicines))
            };
            self.patient_text(at, what, text, reading);
        }

        let when = raw
            .when
            .and_then(|when| self.condition(when.value, when.referenced, &prefix));
        if let Some(role) = raw.role {
            let fits = matches!(
                (role, raw_kind),
                (Role::Step, RawKind::OneChoice)
                    | (Role::ProcedureDate, RawKind::Date)
                    | (Role::ArrivalTime, RawKind::Time)
                    | (Role::PatientName, RawKind::Text)
            );
            if !fits {
                complain(
                    self,
                    format!("role {} does not fit kind {}", role.name(), raw_kind.name()),
                );
            }
            if let Some(first) = self.roles.insert(role, id.clone()) {
                complain(
                    self,
                    format!("role {} is already taken by '{first}'", role.name()),
                );
            }
        }
        let mut choices = raw.choices.iter().flat_map(|c| &c.value);
        if let Some(choice) = choices.find(|c| c.value.title.is_some())
            && raw.role != Some(Role::Step)
        {
            self.complain(
                choice.referenced,
                format!("{prefix}only the choices of the item with role step have a title"),
            );
        }
        let values = kind.as_ref().map(answer_values).unwrap_or_default();
        let seen = Seen::new(id.clone(), raw_kind, values);
        let medicine_list = raw_kind == RawKind::Medicines;
        let medicines = Medicines {
            item: about_medicines,
            lines: self.detector.as_ref().is_some_and(|detector| {
                rules::lines_about_the_chosen(medicine_list, about_medicines, &ask, detector)
            }),
        };
        let sheet: Vec<SheetLine> = raw
            .sheet
            .into_iter()
            .filter_map(|line| self.sheet_line(line, &seen, medicines))
            .collect();
        let source = match source {
            Some(source) => self.source(source, &prefix),
            None => {
                if let Some(why) = instruction(&ask, help.as_deref(), &sheet, unanswered.as_ref()) {
                    complain(
                        self,
                        format!(
                            "missing field `source`: {why} gives an instruction, so the item \
                             needs the source passage it comes from (only a question for the \
                             care team may stand without one)"
                        ),
                    );
                }
                None
            }
        };
        self.item_index
            .entry(id.clone())
            .or_insert(self.items.len());
        self.items.push(seen);
        let mut words: Vec<&str> = texts.iter().map(|(_, text, _)| *text).collect();
        words.extend(sheet.iter().map(|line| line.text.as_str()));
        self.plain_words(at, &prefix, &words, help.as_deref());
        if any_error(&self.problems[problems_before..]) {
            return None;
        }
        Some(Item {
            id,
            ask,
            help,
            kind: kind?,
            when,
            about_medicines,
            role: raw.role,
            unanswered,
            sheet,
            source,
        })
    }

    fn kind(
        &mut self,
        raw: &RawItem,
        raw_kind: RawKind,
        prefix: &str,
        at: Location,
        catalogues: &[Rc<Catalogue>],
    ) -> Option<Kind> {
        let has_choices = matches!(raw_kind, RawKind::OneChoice | RawKind::SeveralChoices);
        let choices = match (&raw.choices, has_choices) {
            (Some(list), true) if !list.value.is_empty() => self.choices(&list.value, prefix),
            (Some(list), true) => {
                self.complain(
                    list.referenced,
                    format!("{prefix}'choices' is empty; this kind needs at least one"),
                );
                return None;
            }
            (None, true) => {
                self.complain(at, format!("{prefix}this kind needs 'choices'"));
                return None;
            }
            (Some(list), false) => {
                self.complain(
                    list.referenced,
                    format!("{prefix}only one-choice and several-choices have 'choices'"),
                );
                return None;
            }
            (None, false) => Vec::new(),
        };
        if raw_kind != RawKind::Medicines && (raw.catalogue.is_some() || raw.groups.is_some()) {
            self.complain(
                at,
                format!("{prefix}only kind medicines has 'catalogue' and 'groups'"),
            );
            return None;
        }
        Some(match raw_kind {
            RawKind::YesNo => Kind::YesNo,
            RawKind::OneChoice => Kind::OneChoice(choices),
            RawKind::SeveralChoices => Kind::SeveralChoices(choices),
            RawKind::Text => Kind::Text,
            RawKind::Date => Kind::Date,
            RawKind::Time => Kind::Time,
            RawKind::Phone => Kind::Phone,
            RawKind::Info => Kind::Info,
            RawKind::Medicines => {
                let Some(name) = &raw.catalogue else {
                    self.complain(at, format!("{prefix}kind medicines needs 'catalogue'"));
                    return None;
                };
                let Some(catalogue) = catalogues.iter().find(|c| c.id == name.value) else {
                    let known: Vec<&str> = catalogues.iter().map(|c| c.id.as_str()).collect();
                    self.complain(
                        name.referenced,
                        format!(
                            "{prefix}unknown catalogue '{}' (known: {})",
                            name.value,
                            known.join(", ")
                        ),
                    );
                    return None;
                };
                let list = MedicineList {
                    catalogue: Rc::clone(catalogue),
                    groups: raw.groups.clone().unwrap_or_default(),
                };
                if list.shown().next().is_none() {
                    self.complain(
                        at,
                        format!("{prefix}no medicine of the catalogue is in these groups"),
                    );
                    return None;
                }
                Kind::Medicines(list)
            }
        })
    }

    fn choices(&mut self, raw: &[Spanned<super::raw::RawChoice>], prefix: &str) -> Vec<Choice> {
        let mut choices: Vec<Choice> = Vec::new();
        let mut ids = HashSet::new();
        for choice in raw {
            let id = choice.value.id.value.trim().to_string();
            let label = choice.value.label.value.trim().to_string();
            let at = choice.value.id.referenced;
            if id.is_empty() || !is_id(&id) {
                self.complain(
                    at,
                    format!(
                        "{prefix}choice id '{id}' may only hold lower-case letters, digits \
                         and '-'"
                    ),
                );
            } else if !ids.insert(id.clone()) {
                self.complain(at, format!("{prefix}duplicate choice id '{id}'"));
            }
            if label.is_empty() {
                self.complain(
                    choice.value.label.referenced,
                    format!("{prefix}choice '{id}' has an empty label"),
                );
            }
            let title = choice
                .value
                .title
                .as_ref()
                .map(|t| t.value.trim().to_string());
            if title.as_deref() == Some("") {
                self.complain(
                    choice.value.label.referenced,
                    format!("{prefix}choice '{id}' has an empty title"),
                );
            }
            choices.push(Choice { id, label, title });
        }
        choices
    }

    /// Check a condition: it may only name earlier items, and only values they can have.
    fn condition(&mut self, raw: RawCondition, at: Location, prefix: &str) -> Option<Condition> {
        let context = format!("{prefix}condition");
        match (raw.item, raw.is, raw.any, raw.all) {
            (Some(target), Some(is), None, None) => {
                let values = is.into_vec();
                let found = self.item_index.get(&target.value);
                let Some(seen) = found.and_then(|&at| self.items.get(at)) else {
                    let why = if self.all_id_set.contains(&target.value) {
                        "is not an earlier item (conditions may only look back)".to_string()
                    } else {
                        let near = self
                            .suggest(&target.value)
                            .map(|id| format!(" (did you mean '{id}'?)"))
                            .unwrap_or_default();
                        format!("is not an item of this checklist{near}")
                    };
                    self.complain(
                        target.referenced,
                        format!("{context} names '{}', which {why}", target.value),
                    );
                    return None;
                };
                if let Some(why) = bad_values(seen, &values) {
                    self.complain(target.referenced, format!("{context}: {why}"));
                    return None;
                }
                Some(Condition::Is {
                    item: target.value,
                    values,
                })
            }
            (None, None, Some(list), None) if !list.is_empty() => {
                Some(Condition::Any(self.conditions(list, prefix)))
            }
            (None, None, None, Some(list)) if !list.is_empty() => {
                Some(Condition::All(self.conditions(list, prefix)))
            }
            _ => {
                self.complain(
                    at,
                    format!(
                        "{context} must be {{item: ID, is: VALUE}}, {{any: [...]}} or \
                         {{all: [...]}}, with a non-empty list"
                    ),
                );
                None
            }
        }
    }

    /// An id of the file within two edits of `name`, if one is found within the budget.
    /// Ids whose lengths differ by more than two cannot be, and are not compared.
    fn suggest(&mut self, name: &str) -> Option<String> {
        let length = name.chars().count();
        for id in &self.all_ids {
            if self.suggestions_left == 0 {
                return None;
            }
            if id.chars().count().abs_diff(length) > 2 {
                continue;
            }
            self.suggestions_left -= 1;
            if strsim::damerau_levenshtein(id, name) <= 2 {
                return Some(id.clone());
            }
        }
        None
    }

    fn conditions(&mut self, list: Vec<Spanned<RawCondition>>, prefix: &str) -> Vec<Condition> {
        list.into_iter()
            .filter_map(|c| self.condition(c.value, c.referenced, prefix))
            .collect()
    }

    fn sheet_line(
        &mut self,
        spanned: Spanned<RawSheetLine>,
        seen: &Seen,
        medicines: Medicines,
    ) -> Option<SheetLine> {
        let (item, kind) = (seen.id.as_str(), seen.kind);
        let at = spanned.referenced;
        let raw = spanned.value;
        let context = format!("item '{item}': sheet line");
        let places = [
            (Place::Urgent, raw.urgent),
            (Place::Todo, raw.todo),
            (Place::Ask, raw.ask),
            (Place::Ride, raw.ride),
            (Place::Bring, raw.bring),
            (Place::Contact, raw.contact),
            (Place::Expect, raw.expect),
        ];
        let mut given = places.into_iter().filter_map(|(p, t)| Some((p, t?)));
        let (Some((place, text)), None) = (given.next(), given.next()) else {
            self.complain(
                at,
                format!(
                    "{context} needs exactly one of urgent, todo, ask, ride, bring, contact, \
                     expect"
                ),
            );
            return None;
        };
        let source = match raw.source {
            Some(source) => self.source(source, &format!("{context}: ")),
            None if place == Place::Expect => {
                self.complain(
                    at,
                    format!(
                        "{context}: an expect line needs a `source` of its own, the passage \
                         that says it"
                    ),
                );
                None
            }
            None => None,
        };
        let text = text.trim().to_string();
        if text.is_empty() {
            self.complain(at, format!("{context} is empty"));
        }
        let voice = if place == Place::Ask {
            Voice::Question
        } else {
            Voice::Statement
        };
        let what = format!("{context} ({})", place.key());
        // What to expect describes the procedure, not the medicines: it is read as it is.
        let reading = Reading {
            voice,
            about_medicines: Some(medicines.item),
            about_the_chosen: medicines.lines && place != Place::Expect,
        };
        self.patient_text(at, &what, &text, reading);
        if let Some(bad) = unknown_placeholder(&text) {
            self.complain(
                at,
                format!("{context}: unknown placeholder '{bad}' (use {{answer}} or {{each}})"),
            );
        }
        let repeats = text.contains("{each}");
        if repeats && !matches!(kind, RawKind::SeveralChoices | RawKind::Medicines) {
            self.complain(
                at,
                format!("{context}: {{each}} needs a several-choices or medicines item"),
            );
        }
        let trigger = raw.trigger.map(|t| t.into_vec());
        if let Some(trigger) = &trigger {
            if let Some(why) = bad_values(seen, trigger) {
                self.complain(at, format!("{context}: 'if' {why}"));
            }
        } else if kind == RawKind::YesNo {
            self.complain(
                at,
                format!("{context} of a yes-no item needs 'if: \"yes\"' or 'if: \"no\"'"),
            );
        }
        Some(SheetLine {
            place,
            text,
            trigger,
            source,
        })
    }

    /// Every item names the source passage it comes from, word for word.
    fn source(&mut self, raw: Spanned<super::raw::RawSourceRef>, prefix: &str) -> Option<Quote> {
        let at = raw.referenced;
        let raw = raw.value;
        let context = format!("{prefix}source");
        if self.unreadable.contains(&raw.from) {
            return None; // already reported where the source is named
        }
        let Some((title, text)) = self.sources.get(&raw.from) else {
            self.complain(at, format!("{context} '{}' is not in 'sources'", raw.from));
            return None;
        };
        let quote = collapse_spaces(&raw.quote);
        let title = title.clone();
        if quote.is_empty() {
            self.complain(at, format!("{context}: empty quote"));
        } else if !text.contains(&quote) {
            self.complain(
                at,
                format!("{context}: the quote is not in '{title}' word for word: \"{quote}\""),
            );
        }
        Some(Quote {
            source: title,
            text: quote,
        })
    }
}

/// What makes an item an instruction, which needs a source: a text that is not a question,
/// or a line that tells the patient something (only questions for the care team, and the
/// patient's own answers on the ride and contact parts, do not).
fn instruction(
    ask: &str,
    help: Option<&str>,
    sheet: &[SheetLine],
    unanswered: Option<&Unanswered>,
) -> Option<String> {
    if !ask.ends_with('?') {
        return Some("its text, which is not a question,".into());
    }
    if help.is_some_and(|h| !h.ends_with('?')) {
        return Some("its help, which is not a question,".into());
    }
    if let Some(Unanswered::Todo(_)) = unanswered {
        return Some("its `unanswered` to-do".into());
    }
    sheet
        .iter()
        .find(|l| !matches!(l.place, Place::Ask | Place::Ride | Place::Contact))
        .map(|l| format!("its {} line", l.place.key()))
}

/// The values an answer of this kind can be compared with in `is` and `if`.
fn answer_values(kind: &Kind) -> Vec<String> {
    match kind {
        Kind::YesNo => vec!["yes".into(), "no".into()],
        Kind::OneChoice(choices) | Kind::SeveralChoices(choices) => {
            choices.iter().map(|c| c.id.clone()).collect()
        }
        Kind::Medicines(list) => list
            .catalogue
            .medicines
            .iter()
            .map(|m| m.id.clone())
            .collect(),
        _ => Vec::new(),
    }
}

fn bad_values(seen: &Seen, values: &[String]) -> Option<String> {
    if seen.values.is_empty() {
        return Some(format!(
            "'{}' is a {} item, whose answers cannot be compared",
            seen.id,
            seen.kind.name()
        ));
    }
    let bad: Vec<&str> = values
        .iter()
        .filter(|v| !seen.known.contains(*v))
        .map(String::as_str)
        .collect();
    // A long list is shortened: each bad value repeating thousands made the messages
    // grow with the square of the file.
    const SHOWN: usize = 20;
    (values.is_empty() || !bad.is_empty()).then(|| {
        let mut has = seen.values[..seen.values.len().min(SHOWN)].join(", ");
        if seen.values.len() > SHOWN {
            has.push_str(&format!(" and {} more", seen.values.len() - SHOWN));
        }
        format!(
            "'{}' has no choice '{}' (it has: {has})",
            seen.id,
            bad.join("', '")
        )
    })
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

fn unknown_placeholder(text: &str) -> Option<String> {
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let after = &rest[start..];
        let end = after.find('}').map_or(after.len(), |e| e + 1);
        let placeholder = &after[..end];
        if placeholder != "{answer}" && placeholder != "{each}" {
            return Some(placeholder.to_string());
        }
        rest = &after[end..];
    }
    None
}
