//! Turning the raw file structs into a checked `Checklist`, collecting every problem with the
//! line it is on.

use std::collections::HashMap;
use std::rc::Rc;

use serde_saphyr::{Location, Spanned};

use super::raw::{RawChecklist, RawCondition, RawItem, RawKind, RawSheetLine};
use super::{
    Checklist, Choice, Condition, Item, Kind, MedicineList, Place, Role, Section, SheetLine,
};
use crate::catalogue::Catalogue;
use crate::problem::{Problem, Problems};

/// Reads the source documents a checklist names, relative to the checklist's own folder.
pub trait SourceFiles {
    fn read_source(&self, relative: &str) -> Result<String, String>;
}

/// Parse a checklist file and check everything about it, given the catalogues it may use.
pub fn parse(
    file: &str,
    text: &[u8],
    sources: &dyn SourceFiles,
    catalogues: &[Rc<Catalogue>],
) -> Result<Checklist, Problems> {
    let raw: RawChecklist =
        serde_saphyr::from_slice(text).map_err(|e| vec![Problem::from_yaml(file, &e)])?;
    let mut builder = Builder {
        file,
        problems: Problems::new(),
        sources: HashMap::new(),
        items: Vec::new(),
        roles: HashMap::new(),
    };
    let checklist = builder.checklist(raw, sources, catalogues);
    if builder.problems.is_empty() {
        Ok(checklist)
    } else {
        Err(builder.problems)
    }
}

/// What later items need to know of an earlier one: conditions may only look back.
struct Seen {
    id: String,
    kind: RawKind,
    values: Vec<String>,
}

struct Builder<'a> {
    file: &'a str,
    problems: Problems,
    /// Source id to (title, whitespace-collapsed text).
    sources: HashMap<String, (String, String)>,
    items: Vec<Seen>,
    roles: HashMap<Role, String>,
}

impl Builder<'_> {
    fn complain(&mut self, at: Location, message: impl Into<String>) {
        self.problems
            .push(Problem::at(self.file, at.line(), at.column(), message));
    }

    fn required(&mut self, field: &Spanned<String>, what: &str) -> String {
        if field.value.trim().is_empty() {
            self.complain(field.referenced, format!("empty {what}"));
        }
        field.value.trim().to_string()
    }

    fn checklist(
        &mut self,
        raw: RawChecklist,
        files: &dyn SourceFiles,
        catalogues: &[Rc<Catalogue>],
    ) -> Checklist {
        let id = self.required(&raw.id, "id");
        if !id.is_empty() && !is_id(&id) {
            self.complain(
                raw.id.referenced,
                format!("id '{id}' may only hold lower-case letters, digits and '-'"),
            );
        }
        let title = self.required(&raw.title, "title");
        let procedure = self.required(&raw.procedure, "procedure");
        for source in raw.sources {
            let at = source.referenced;
            let source = source.value;
            match files.read_source(&source.file) {
                Ok(text) => {
                    let entry = (source.title, collapse_spaces(&text));
                    if self.sources.insert(source.id.clone(), entry).is_some() {
                        self.complain(at, format!("duplicate source id '{}'", source.id));
                    }
                }
                Err(why) => self.complain(
                    at,
                    format!("source '{}': cannot read {}: {why}", source.id, source.file),
                ),
            }
        }
        let mut sections = Vec::new();
        for section in raw.sections {
            let title = self.required(&section.title, "section title");
            if let Some(why) = medication_advice(&title, false) {
                self.complain(section.title.referenced, format!("section title: {why}"));
            }
            let items = section
                .items
                .into_iter()
                .filter_map(|item| self.item(item, catalogues))
                .collect();
            sections.push(Section { title, items });
        }
        if self.items.is_empty() {
            self.complain(raw.id.referenced, "the checklist has no items");
        }
        Checklist {
            id,
            title,
            procedure,
            version: raw.version,
            sections,
        }
    }

    fn item(&mut self, spanned: Spanned<RawItem>, catalogues: &[Rc<Catalogue>]) -> Option<Item> {
        let at = spanned.referenced;
        let raw = spanned.value;
        let id = raw.id.value.trim().to_string();
        let problems_before = self.problems.len();
        let mut complain = |me: &mut Self, message: String| {
            me.complain(at, format!("item '{id}' (line {}): {message}", at.line()));
        };
        if id.is_empty() {
            complain(self, "empty item id".into());
        } else if !is_id(&id) {
            complain(
                self,
                "an item id may only hold lower-case letters, digits and '-'".into(),
            );
        }
        if self.items.iter().any(|seen| seen.id == id) {
            complain(self, "duplicate item id".into());
        }
        let ask = raw.ask.value.trim().to_string();
        if ask.is_empty() {
            complain(self, "empty question ('ask')".into());
        }
        let help = raw.help.as_ref().map(|h| h.value.trim().to_string());
        if help.as_deref().is_some_and(|h| h.contains('\n')) {
            complain(self, "'help' must be one line".into());
        }

        let kind = self.kind(&raw, catalogues, &mut complain);
        let about_medicines = raw.medicines || matches!(kind, Some(Kind::Medicines(_)));
        let mut texts: Vec<(&str, &str, bool)> = vec![("question", &ask, ask.ends_with('?'))];
        if let Some(help) = &help {
            texts.push(("help", help, false));
        }
        let unanswered = raw.unanswered.as_ref().map(|u| u.value.trim().to_string());
        if let Some(todo) = &unanswered {
            texts.push(("unanswered", todo, false));
        }
        for choice in raw.choices.iter().flatten() {
            texts.push(("choice", &choice.value.label.value, false));
        }
        for (what, text, is_question) in texts {
            if let Some(why) = medication_advice(text, is_question) {
                complain(self, format!("{what}: {why}"));
            }
            if !about_medicines && mentions_medicines(text) {
                complain(
                    self,
                    format!(
                        "{what} is about medicines: add 'medicines: true' so the walk shows \
                         that medicine changes need their doctor"
                    ),
                );
            }
        }

        let when = raw.when.and_then(|when| {
            let at = when.referenced;
            self.condition(when.value, at, &id)
        });
        if let Some(role) = raw.role {
            let fits = matches!(
                (role, raw.kind),
                (Role::ProcedureDate, RawKind::Date) | (Role::ArrivalTime, RawKind::Time)
            );
            if !fits {
                complain(
                    self,
                    format!("role {} does not fit kind {}", role.name(), raw.kind.name()),
                );
            }
            if let Some(first) = self.roles.insert(role, id.clone()) {
                complain(
                    self,
                    format!("role {} is already taken by '{first}'", role.name()),
                );
            }
        }
        let values = kind.as_ref().map(answer_values).unwrap_or_default();
        let sheet = raw
            .sheet
            .into_iter()
            .filter_map(|line| self.sheet_line(line, &id, raw.kind, &values, about_medicines))
            .collect();
        self.source(raw.source, &id);
        self.items.push(Seen {
            id: id.clone(),
            kind: raw.kind,
            values,
        });
        if self.problems.len() > problems_before {
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
        })
    }

    fn kind(
        &mut self,
        raw: &RawItem,
        catalogues: &[Rc<Catalogue>],
        complain: &mut dyn FnMut(&mut Self, String),
    ) -> Option<Kind> {
        let has_choices = matches!(raw.kind, RawKind::OneChoice | RawKind::SeveralChoices);
        let choices = match (&raw.choices, has_choices) {
            (Some(list), true) if !list.is_empty() => self.choices(list, &raw.id.value),
            (_, true) => {
                complain(self, "this kind needs 'choices'".into());
                return None;
            }
            (Some(_), false) => {
                complain(
                    self,
                    "only one-choice and several-choices have 'choices'".into(),
                );
                return None;
            }
            (None, false) => Vec::new(),
        };
        let is_medicines = raw.kind == RawKind::Medicines;
        if !is_medicines && (raw.catalogue.is_some() || raw.groups.is_some()) {
            complain(
                self,
                "only kind medicines has 'catalogue' and 'groups'".into(),
            );
            return None;
        }
        Some(match raw.kind {
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
                    complain(self, "kind medicines needs 'catalogue'".into());
                    return None;
                };
                let Some(catalogue) = catalogues.iter().find(|c| c.id == name.value) else {
                    let known: Vec<&str> = catalogues.iter().map(|c| c.id.as_str()).collect();
                    complain(
                        self,
                        format!(
                            "unknown catalogue '{}' (known: {})",
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
                    complain(
                        self,
                        "no medicine of the catalogue is in these groups".into(),
                    );
                    return None;
                }
                Kind::Medicines(list)
            }
        })
    }

    fn choices(&mut self, raw: &[Spanned<super::raw::RawChoice>], item: &str) -> Vec<Choice> {
        let mut choices: Vec<Choice> = Vec::new();
        for choice in raw {
            let id = choice.value.id.value.trim().to_string();
            let label = choice.value.label.value.trim().to_string();
            let at = choice.value.id.referenced;
            if id.is_empty() || !is_id(&id) {
                self.complain(
                    at,
                    format!("item '{item}': choice id '{id}' may only hold lower-case letters, digits and '-'"),
                );
            } else if choices.iter().any(|c| c.id == id) {
                self.complain(at, format!("item '{item}': duplicate choice id '{id}'"));
            }
            if label.is_empty() {
                self.complain(
                    choice.value.label.referenced,
                    format!("item '{item}': choice '{id}' has an empty label"),
                );
            }
            choices.push(Choice { id, label });
        }
        choices
    }

    /// Check a condition: it may only name earlier items, and only values they can have.
    fn condition(&mut self, raw: RawCondition, at: Location, item: &str) -> Option<Condition> {
        let context = format!("item '{item}' (line {}): condition", at.line());
        match (raw.item, raw.is, raw.any, raw.all) {
            (Some(target), Some(is), None, None) => {
                let values = is.into_vec();
                let Some(seen) = self.items.iter().find(|s| s.id == target.value) else {
                    let later = "is not an earlier item (conditions may only look back)";
                    self.complain(
                        target.referenced,
                        format!("{context} names '{}', which {later}", target.value),
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
                Some(Condition::Any(self.conditions(list, item)))
            }
            (None, None, None, Some(list)) if !list.is_empty() => {
                Some(Condition::All(self.conditions(list, item)))
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

    fn conditions(&mut self, list: Vec<Spanned<RawCondition>>, item: &str) -> Vec<Condition> {
        list.into_iter()
            .filter_map(|c| self.condition(c.value, c.referenced, item))
            .collect()
    }

    fn sheet_line(
        &mut self,
        spanned: Spanned<RawSheetLine>,
        item: &str,
        kind: RawKind,
        values: &[String],
        about_medicines: bool,
    ) -> Option<SheetLine> {
        let at = spanned.referenced;
        let raw = spanned.value;
        let context = format!("item '{item}' (line {}): sheet line", at.line());
        let places = [
            (Place::Urgent, raw.urgent),
            (Place::Todo, raw.todo),
            (Place::Ask, raw.ask),
            (Place::Ride, raw.ride),
            (Place::Bring, raw.bring),
            (Place::Contact, raw.contact),
        ];
        let mut given = places.into_iter().filter_map(|(p, t)| Some((p, t?)));
        let (Some((place, text)), None) = (given.next(), given.next()) else {
            self.complain(
                at,
                format!("{context} needs exactly one of urgent, todo, ask, ride, bring, contact"),
            );
            return None;
        };
        let text = text.trim().to_string();
        if text.is_empty() {
            self.complain(at, format!("{context} is empty"));
        }
        if let Some(why) = medication_advice(&text, place == Place::Ask) {
            self.complain(at, format!("{context}: {why}"));
        }
        if !about_medicines && mentions_medicines(&text) {
            self.complain(
                at,
                format!("{context} is about medicines: add 'medicines: true' to the item"),
            );
        }
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
            let seen = Seen {
                id: item.to_string(),
                kind,
                values: values.to_vec(),
            };
            if let Some(why) = bad_values(&seen, trigger) {
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
        })
    }

    /// Every item names the source passage it comes from, word for word.
    fn source(&mut self, raw: Spanned<super::raw::RawSourceRef>, item: &str) {
        let at = raw.referenced;
        let raw = raw.value;
        let context = format!("item '{item}' (line {}): source", at.line());
        let Some((title, text)) = self.sources.get(&raw.from) else {
            self.complain(at, format!("{context} '{}' is not in 'sources'", raw.from));
            return;
        };
        let quote = collapse_spaces(&raw.quote);
        if quote.is_empty() {
            self.complain(at, format!("{context}: empty quote"));
        } else if !text.contains(&quote) {
            let title = title.clone();
            self.complain(
                at,
                format!("{context}: the quote is not in '{title}' word for word: \"{quote}\""),
            );
        }
    }
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
        .filter(|v| !seen.values.contains(v))
        .map(String::as_str)
        .collect();
    (values.is_empty() || !bad.is_empty()).then(|| {
        format!(
            "'{}' has no choice '{}' (it has: {})",
            seen.id,
            bad.join("', '"),
            seen.values.join(", ")
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

const MEDICINE_WORDS: &[&str] = &[
    "medicine",
    "medicines",
    "medication",
    "medications",
    "drug",
    "drugs",
    "pill",
    "pills",
    "dose",
    "doses",
    "prescription",
    "prescribed",
    "thinner",
    "thinners",
];

fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

fn mentions_medicines(text: &str) -> bool {
    words(text).any(|w| MEDICINE_WORDS.contains(&w.as_str()))
}

/// Medication advice the tool must never give: only a question for the care team may talk
/// about stopping or holding something, and nothing may give a number of days or a dose.
fn medication_advice(text: &str, is_question: bool) -> Option<&'static str> {
    const STOPPING: &[&str] = &["stop", "stopping", "skip", "skipping", "hold", "pause"];
    const AMOUNTS: &[&str] = &[
        "day",
        "days",
        "week",
        "weeks",
        "hour",
        "hours",
        "mg",
        "milligram",
        "milligrams",
        "ml",
        "tablet",
        "tablets",
        "pill",
        "pills",
        "dose",
        "doses",
        "units",
    ];
    const NUMBER_WORDS: &[&str] = &[
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve",
        "fourteen", "few", "several",
    ];
    let words: Vec<String> = words(text).collect();
    for pair in words.windows(2) {
        let is_number =
            pair[0].chars().all(|c| c.is_ascii_digit()) || NUMBER_WORDS.contains(&pair[0].as_str());
        if is_number && AMOUNTS.contains(&pair[1].as_str()) {
            return Some(
                "gives a number of days or a dose; the care team decides those, so ask instead",
            );
        }
    }
    if !is_question && words.iter().any(|w| STOPPING.contains(&w.as_str())) {
        return Some(
            "only a question for the care team ('ask') may talk about stopping or holding",
        );
    }
    None
}
