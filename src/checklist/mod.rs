//! The checklist model: checked types that cannot hold an invalid checklist. They are made
//! only by `build::parse` from the raw file structs in `raw.rs`.

mod build;
mod raw;
pub(crate) mod rules;
mod translation;

use std::rc::Rc;

use serde::{Deserialize, Serialize};

pub use build::{Scrutiny, SourceFiles, parse};
pub use translation::{Translation, template};

/// Only the YAML reading of `parse` (all of it the YAML library's work but for a little):
/// whether the file reads as a checklist's structure. The fuzzer times it apart from the
/// checks, as the YAML library's time is not ours to make shorter.
pub fn read_yaml(text: &[u8]) -> bool {
    build::read_raw("fuzz.yaml", text, &mut Vec::new()).is_ok()
}

use crate::catalogue::{Catalogue, Group, Medicine};

#[derive(Serialize, Deserialize, Debug, Clone)]
pub struct Checklist {
    pub id: String,
    pub title: String,
    pub procedure: String,
    pub version: u32,
    /// Days the clinic is closed, besides Saturdays and Sundays: no reminder to call the
    /// care team falls on one.
    pub closed_days: Vec<jiff::civil::Date>,
    pub sections: Vec<Section>,
}

#[derive(Serialize, Deserialize, Debug, Clone)]
pub struct Section {
    pub title: String,
    pub items: Vec<Item>,
}

#[derive(Serialize, Deserialize, Debug, Clone)]
pub struct Item {
    pub id: String,
    pub ask: String,
    pub help: Option<String>,
    pub kind: Kind,
    pub when: Option<Condition>,
    /// The screen asks about medicines, so the walk shows the medication statement.
    pub about_medicines: bool,
    pub role: Option<Role>,
    /// What the sheet says while this is not answered.
    pub unanswered: Option<Unanswered>,
    pub sheet: Vec<SheetLine>,
    /// The passage this item comes from; `None` only for a question for the care team.
    pub source: Option<Quote>,
}

/// What the sheet says while an item has no answer.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub enum Unanswered {
    /// A to-do with a check box.
    Todo(String),
    /// A question for the care team.
    Ask(String),
}

/// A passage of a source document, word for word: where an instruction comes from.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The source document's title.
    pub source: String,
    pub text: String,
}

#[derive(Serialize, Deserialize, Debug, Clone)]
pub enum Kind {
    YesNo,
    OneChoice(Vec<Choice>),
    SeveralChoices(Vec<Choice>),
    Medicines(MedicineList),
    Text,
    Date,
    Time,
    Phone,
    Info,
}

impl Kind {
    /// The kind as a checklist file names it (`kind: yes-no`).
    pub fn name(&self) -> &'static str {
        match self {
            Kind::YesNo => "yes-no",
            Kind::OneChoice(_) => "one-choice",
            Kind::SeveralChoices(_) => "several-choices",
            Kind::Medicines(_) => "medicines",
            Kind::Text => "text",
            Kind::Date => "date",
            Kind::Time => "time",
            Kind::Phone => "phone",
            Kind::Info => "info",
        }
    }
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub id: String,
    pub label: String,
    /// For a choice of the `step` item: the sheet's title when it is chosen.
    pub title: Option<String>,
    /// Of a several-choices item: checked until the patient answers.
    pub checked: bool,
}

/// The medicines of a catalogue that an item lists (all, or only some groups). Names the
/// patient types are recognised against the whole catalogue.
#[derive(Serialize, Deserialize, Debug, Clone)]
pub struct MedicineList {
    /// In the compiled form, only its id: the loader links the list again
    /// (`Catalogue::stand_in`).
    #[serde(with = "catalogue_by_id")]
    pub catalogue: Rc<Catalogue>,
    pub groups: Vec<Group>,
}

impl MedicineList {
    /// The medicines shown as choices, in catalogue order.
    pub fn shown(&self) -> impl Iterator<Item = &Medicine> {
        self.catalogue
            .medicines
            .iter()
            .filter(|m| m.is_in(&self.groups))
    }
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
pub enum Condition {
    /// The item applies and its answer is one of the values (a choice id, "yes" or "no").
    Is {
        item: String,
        values: Vec<String>,
    },
    Any(Vec<Condition>),
    All(Vec<Condition>),
}

/// "step is trial", "any of (heart is yes, infection is yes)": for people reading `check`.
impl std::fmt::Display for Condition {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let list = |f: &mut std::fmt::Formatter<'_>, word: &str, parts: &[Condition]| {
            let parts: Vec<String> = parts.iter().map(ToString::to_string).collect();
            write!(f, "{word} of ({})", parts.join(", "))
        };
        match self {
            Condition::Is { item, values } => write!(f, "{item} is {}", values.join(" or ")),
            Condition::Any(parts) => list(f, "any", parts),
            Condition::All(parts) => list(f, "all", parts),
        }
    }
}

#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// Which step of the procedure: its choices' titles name the sheet.
    Step,
    ProcedureDate,
    ArrivalTime,
    /// The patient's name, for a printed sheet; never required, never a to-do.
    PatientName,
}

impl Role {
    pub fn name(self) -> &'static str {
        match self {
            Role::Step => "step",
            Role::ProcedureDate => "procedure-date",
            Role::ArrivalTime => "arrival-time",
            Role::PatientName => "patient-name",
        }
    }
}

/// Where on the sheet a line goes.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Urgent,
    Todo,
    Ask,
    Ride,
    Bring,
    Contact,
    /// "What to expect": information from the source, not a to-do.
    Expect,
}

impl Place {
    /// The key a sheet line is written with in a checklist file.
    pub fn key(self) -> &'static str {
        match self {
            Place::Urgent => "urgent",
            Place::Todo => "todo",
            Place::Ask => "ask",
            Place::Ride => "ride",
            Place::Bring => "bring",
            Place::Contact => "contact",
            Place::Expect => "expect",
        }
    }
}

#[derive(Serialize, Deserialize, Debug, Clone)]
pub struct SheetLine {
    pub place: Place,
    /// May name the answer with `{answer}`, or repeat for every chosen value with `{each}`.
    pub text: String,
    /// The answers that add the line; `None`: any answer.
    pub trigger: Option<Vec<String>>,
    /// The passage this line comes from, when it is not the item's.
    pub source: Option<Quote>,
}

impl SheetLine {
    pub fn repeats(&self) -> bool {
        self.text.contains("{each}")
    }
}

/// A medicine list's catalogue in the compiled form: its id, read back as a stand-in that
/// `Checklist::link` replaces with the catalogue itself.
mod catalogue_by_id {
    use std::rc::Rc;

    use serde::{Deserialize, Deserializer, Serializer};

    use crate::catalogue::Catalogue;

    pub fn serialize<S: Serializer>(catalogue: &Rc<Catalogue>, to: S) -> Result<S::Ok, S::Error> {
        to.serialize_str(&catalogue.id)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(from: D) -> Result<Rc<Catalogue>, D::Error> {
        String::deserialize(from).map(|id| Rc::new(Catalogue::stand_in(id)))
    }
}

impl Checklist {
    /// Every medicine list linked to the first catalogue of `catalogues` with its id (as
    /// `parse` links them); false if one has none.
    pub fn link(&mut self, catalogues: &[Rc<Catalogue>]) -> bool {
        for item in self.sections.iter_mut().flat_map(|s| &mut s.items) {
            let Kind::Medicines(list) = &mut item.kind else {
                continue;
            };
            match catalogues.iter().find(|c| c.id == list.catalogue.id) {
                Some(catalogue) => list.catalogue = Rc::clone(catalogue),
                None => return false,
            }
        }
        true
    }

    /// "checklist 'id', 20 items", for `check`.
    pub fn summary(&self) -> crate::problem::Message {
        crate::problem::Message::new("check-summary-checklist")
            .text("id", self.id.as_str())
            .number("items", self.items().count())
    }

    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.sections.iter().flat_map(|s| s.items.iter())
    }

    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items().find(|i| i.id == id)
    }

    /// The item that has `role`, if any.
    pub fn with_role(&self, role: Role) -> Option<&Item> {
        self.items().find(|i| i.role == Some(role))
    }

    /// Whether any item can add a "what to expect" line: then every sheet has that part.
    pub fn has_expectations(&self) -> bool {
        self.items()
            .flat_map(|i| &i.sheet)
            .any(|l| l.place == Place::Expect)
    }

    /// The section an item belongs to.
    pub fn section_of(&self, id: &str) -> Option<&Section> {
        self.sections
            .iter()
            .find(|s| s.items.iter().any(|i| i.id == id))
    }
}

impl Item {
    pub fn choices(&self) -> &[Choice] {
        match &self.kind {
            Kind::OneChoice(choices) | Kind::SeveralChoices(choices) => choices,
            _ => &[],
        }
    }
}

/// A checklist from YAML whose sources are test fixtures, for unit tests of the core.
#[cfg(test)]
pub fn test_checklist(yaml: &[u8]) -> Checklist {
    struct Fixtures;
    impl SourceFiles for Fixtures {
        fn read_source(&self, relative: &str) -> Result<String, crate::problem::Message> {
            let path = std::path::Path::new("tests/fixtures/mini").join(relative);
            std::fs::read_to_string(path).map_err(|e| e.to_string().into())
        }
    }
    let catalogue = crate::catalogue::Catalogue::parse(
        "bleeding.yaml",
        include_bytes!("../../checklists/medicines/bleeding.yaml"),
    )
    .expect("built-in catalogue");
    parse(
        "test.yaml",
        yaml,
        &Fixtures,
        &[Rc::new(catalogue)],
        Scrutiny::Full,
    )
    .map(|(checklist, _)| checklist)
    .unwrap_or_else(|problems| {
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        panic!("{}", lines.join("\n"))
    })
}
