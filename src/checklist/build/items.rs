//! The checklist's top (id, title, procedure, version, sources), its sections and items:
//! each item's fields, kind, choices, role and source.

use std::collections::HashSet;
use std::rc::Rc;

use serde_saphyr::{Location, Spanned};

use super::conditions::Seen;
use super::rules::{self, Reading};
use super::{Builder, Medicines, SourceFiles, collapse_spaces, in_item, is_id};
use crate::advice::Role as Voice;
use crate::catalogue::Catalogue;
use crate::checklist::raw::{
    RawChecklist, RawChoice, RawItem, RawKind, RawSection, RawSheetLine, RawSource, RawSourceRef,
    RawUnanswered,
};
use crate::checklist::{
    Checklist, Choice, Item, Kind, MedicineList, Place, Quote, Role, Section, SheetLine, Unanswered,
};
use crate::problem::{Message, any_error};

impl Builder<'_> {
    pub(super) fn checklist(
        &mut self,
        spanned: Spanned<RawChecklist>,
        files: &dyn SourceFiles,
        catalogues: &[Rc<Catalogue>],
    ) -> Option<Checklist> {
        let top = spanned.referenced;
        let raw = spanned.value;
        let nothing = raw.id.is_none() && raw.title.is_none() && raw.sections.is_none();
        if nothing && raw.procedure.is_none() && raw.version.is_none() && raw.sources.is_none() {
            self.complain(top, Message::new("check-empty-file"));
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
        let (id, title, procedure) = self.top_texts(&id, &title, &procedure);
        let item_count: usize = sections.iter().map(|s| s.items.len()).sum();
        self.all_ids = sections
            .iter()
            .flat_map(|s| &s.items)
            .filter_map(|i| Some(i.item.value.id.as_ref()?.value.trim().to_string()))
            .collect();
        self.all_id_set = self.all_ids.iter().cloned().collect();
        self.read_sources(sources, files);
        let closed_days = self.closed_days(raw.closed_days.unwrap_or_default());
        let sections: Vec<Section> = sections
            .into_iter()
            .map(|section| self.section(section, catalogues))
            .collect();
        // Items that could not be read are reported already; an empty file is not.
        if item_count == 0 && !any_error(&self.problems) {
            self.complain(id_at, Message::new("check-no-items"));
        }
        Some(Checklist {
            id,
            title,
            procedure,
            version,
            closed_days,
            sections,
        })
    }

    /// The days the clinic is closed: each a date like 2026-12-25, once.
    fn closed_days(&mut self, raw: Vec<Spanned<String>>) -> Vec<jiff::civil::Date> {
        let mut days = Vec::new();
        for day in raw {
            let text = day.value.trim();
            match text.parse::<jiff::civil::Date>() {
                Ok(date) if days.contains(&date) => {
                    let line = self.line(day.referenced);
                    self.problems.push(crate::problem::Problem::warning_at(
                        self.file,
                        line,
                        day.referenced.column(),
                        Message::new("check-closed-day-twice").text("day", text),
                    ));
                }
                Ok(date) => days.push(date),
                Err(_) => self.complain(
                    day.referenced,
                    Message::new("check-closed-day-not-a-date").text("day", text),
                ),
            }
        }
        days.sort_unstable();
        days
    }

    /// The checklist's id, title and procedure: not empty, an id of the letters ids may
    /// hold, a title and a procedure held to the rules of every text a patient reads.
    fn top_texts(
        &mut self,
        id: &Spanned<String>,
        title: &Spanned<String>,
        procedure: &Spanned<String>,
    ) -> (String, String, String) {
        let id_at = id.referenced;
        let id = self.text(id, None, "id");
        if !id.is_empty() && !is_id(&id) {
            self.complain(id_at, Message::new("check-bad-id").text("id", id.as_str()));
        }
        let mut texts = Vec::new();
        for (field, what, name) in [
            (title, "title", "text-title"),
            (procedure, "procedure", "text-procedure"),
        ] {
            let text = self.text(field, None, what);
            let name = Message::new(name);
            self.patient_text(field.referenced, &name, &text, Reading::statement(None));
            texts.push(text);
        }
        let procedure = texts.pop().unwrap_or_default();
        let title = texts.pop().unwrap_or_default();
        (id, title, procedure)
    }

    /// The source documents, read and kept by id (their text with spaces collapsed) for the
    /// quotes to be found in; one that cannot be read is reported once, here.
    fn read_sources(&mut self, sources: Vec<Spanned<RawSource>>, files: &dyn SourceFiles) {
        for source in sources {
            let at = source.referenced;
            let source = source.value;
            match files.read_source(&source.file) {
                Ok(text) => {
                    let entry = (source.title, collapse_spaces(&text));
                    if self.sources.insert(source.id.clone(), entry).is_some() {
                        let message =
                            Message::new("check-duplicate-source").text("id", source.id.as_str());
                        self.complain(at, message);
                    }
                }
                Err(why) => {
                    let message = Message::new("check-unreadable-source")
                        .text("id", source.id.as_str())
                        .text("file", source.file.as_str())
                        .with("why", why);
                    self.complain(at, message);
                    self.unreadable.insert(source.id);
                }
            }
        }
    }

    fn section(&mut self, section: RawSection, catalogues: &[Rc<Catalogue>]) -> Section {
        let title = self.text(&section.title, None, "section-title");
        let at = section.title.referenced;
        let what = Message::new("text-section-title");
        self.patient_text(at, &what, &title, Reading::statement(None));
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

    /// One item: its fields, kind, texts, condition, role, sheet lines and source, each
    /// checked in that order (the order its problems are reported in). Over 60 lines: each
    /// step is a call of its own; what is left is their order and what they hand on.
    fn item(&mut self, spanned: Spanned<RawItem>, catalogues: &[Rc<Catalogue>]) -> Option<Item> {
        let at = spanned.referenced;
        let mut raw = spanned.value;
        let id = raw
            .id
            .as_ref()
            .map_or_else(String::new, |i| i.value.trim().to_string());
        let prefix = id.as_str();
        let problems_before = self.problems.len();
        let source = raw.source.take();
        let (ask, raw_kind) = self.item_head(&raw, &id, at)?;
        let help = raw.help.as_ref().map(|h| h.value.trim().to_string());
        let kind = self.kind(&raw, raw_kind, prefix, at, catalogues);
        let about_medicines = raw.medicines || matches!(kind, Some(Kind::Medicines(_)));
        let unanswered = raw.unanswered.as_ref().map(|u| match &u.value {
            RawUnanswered::Todo(text) => Unanswered::Todo(text.trim().to_string()),
            RawUnanswered::Ask(ask) => Unanswered::Ask(ask.ask.trim().to_string()),
        });
        let texts = item_texts(&raw, prefix, &ask, help.as_deref(), unanswered.as_ref());
        let names_one = self.detector.as_ref().is_some_and(|detector| {
            let lines = raw.sheet.iter().filter_map(|line| line_text(&line.value));
            let all = texts.iter().map(|(_, text, _)| text.as_str()).chain(lines);
            rules::item_names_one(all, detector)
        });
        let medicines = Medicines {
            item: about_medicines,
            names_one,
            lines: false,
        };
        self.item_texts_read(at, &texts, medicines);
        let when = raw
            .when
            .take()
            .and_then(|when| self.condition(when.value, when.referenced, prefix));
        self.item_role(&raw, raw_kind, prefix, at);
        let values = kind.as_ref().map(answer_values).unwrap_or_default();
        let seen = Seen::new(id.clone(), raw_kind, values);
        let lines = std::mem::take(&mut raw.sheet);
        let sheet = self.item_sheet(lines, &seen, medicines, &ask);
        let source = match source {
            Some(source) => self.source(source, &context_of_item(prefix)),
            None => {
                self.no_source(
                    at,
                    prefix,
                    &ask,
                    help.as_deref(),
                    &sheet,
                    unanswered.as_ref(),
                );
                None
            }
        };
        self.item_index
            .entry(id.clone())
            .or_insert(self.items.len());
        self.items.push(seen);
        let mut words: Vec<&str> = texts.iter().map(|(_, text, _)| text.as_str()).collect();
        words.extend(sheet.iter().map(|line| line.text.as_str()));
        self.plain_words(at, prefix, &words, help.as_deref());
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

    /// The fields every item needs (id, ask, kind), its id's letters, and its question:
    /// `None` when one of the three is missing.
    fn item_head(&mut self, raw: &RawItem, id: &str, at: Location) -> Option<(String, RawKind)> {
        let present = [
            ("id", raw.id.is_some()),
            ("ask", raw.ask.is_some()),
            ("kind", raw.kind.is_some()),
        ];
        for (key, _) in present.iter().filter(|(_, here)| !here) {
            let missing = Message::new("check-missing-field").text("key", *key);
            self.complain(at, in_item(id, missing));
        }
        let (Some(id_field), Some(ask_field), Some(raw_kind)) = (&raw.id, &raw.ask, raw.kind)
        else {
            return None;
        };
        self.item_id(id, id_field.referenced, at);
        let ask = self.text(ask_field, Some(id), "ask");
        Some((ask, raw_kind))
    }

    /// An item's sheet lines, read as speaking of the medicines it asks about when it asks
    /// about some.
    fn item_sheet(
        &mut self,
        lines: Vec<Spanned<RawSheetLine>>,
        seen: &Seen,
        medicines: Medicines,
        ask: &str,
    ) -> Vec<SheetLine> {
        let medicines = Medicines {
            lines: self.detector.as_ref().is_some_and(|detector| {
                let medicine_list = seen.kind == RawKind::Medicines;
                rules::lines_about_the_chosen(medicine_list, medicines.item, ask, detector)
            }),
            ..medicines
        };
        lines
            .into_iter()
            .filter_map(|line| self.sheet_line(line, seen, medicines))
            .collect()
    }

    /// The texts of an item (`item_texts`), each held to the rules of every text a patient
    /// reads.
    fn item_texts_read(
        &mut self,
        at: Location,
        texts: &[(Message, String, Voice)],
        medicines: Medicines,
    ) {
        for (what, text, voice) in texts {
            let reading = Reading {
                voice: *voice,
                item_names_one: medicines.names_one,
                ..Reading::statement(Some(medicines.item))
            };
            self.patient_text(at, what, text, reading);
        }
    }

    /// An item without a source may not give an instruction.
    fn no_source(
        &mut self,
        at: Location,
        item: &str,
        ask: &str,
        help: Option<&str>,
        sheet: &[SheetLine],
        unanswered: Option<&Unanswered>,
    ) {
        if let Some(why) = instruction(ask, help, sheet, unanswered) {
            let from = self.a_source_id().to_string();
            self.complain(at, in_item(item, why.text("from", from)));
        }
    }

    /// A source id of this checklist, for the form a missing-source message shows.
    pub(super) fn a_source_id(&self) -> &str {
        self.sources
            .keys()
            .min()
            .map_or("SOURCE-ID", String::as_str)
    }

    /// An item's id: not empty, in the letters ids may hold, and not taken.
    fn item_id(&mut self, id: &str, id_at: Location, at: Location) {
        if id.is_empty() {
            self.complain(id_at, in_item(id, Message::new("check-empty-item-id")));
        } else if !is_id(id) {
            self.complain(at, in_item(id, Message::new("check-bad-item-id")));
        }
        if self.item_index.contains_key(id) {
            self.complain(at, in_item(id, Message::new("check-duplicate-item")));
        }
    }

    /// An item's role fits its kind and is taken once; only the step item's choices have a
    /// title.
    fn item_role(&mut self, raw: &RawItem, raw_kind: RawKind, id: &str, at: Location) {
        if let Some(role) = raw.role {
            let fits = matches!(
                (role, raw_kind),
                (Role::Step, RawKind::OneChoice)
                    | (Role::ProcedureDate, RawKind::Date)
                    | (Role::ArrivalTime, RawKind::Time)
                    | (Role::PatientName, RawKind::Text)
            );
            if !fits {
                let message = Message::new("check-role-misfit")
                    .text("role", role.name())
                    .text("kind", raw_kind.name());
                self.complain(at, in_item(id, message));
            }
            if let Some(first) = self.roles.insert(role, id.to_string()) {
                let message = Message::new("check-role-taken")
                    .text("role", role.name())
                    .text("first", first);
                self.complain(at, in_item(id, message));
            }
        }
        let mut choices = raw.choices.iter().flat_map(|c| &c.value);
        if let Some(choice) = choices.find(|c| c.value.title.is_some())
            && raw.role != Some(Role::Step)
        {
            let message = Message::new("check-title-only-step");
            self.complain(choice.referenced, in_item(id, message));
        }
    }

    /// An item's kind, with the choices or the medicine list it needs, and only those.
    fn kind(
        &mut self,
        raw: &RawItem,
        raw_kind: RawKind,
        prefix: &str,
        at: Location,
        catalogues: &[Rc<Catalogue>],
    ) -> Option<Kind> {
        let choices = self.kind_choices(raw, raw_kind, prefix, at)?;
        if raw_kind != RawKind::Medicines && (raw.catalogue.is_some() || raw.groups.is_some()) {
            let message = Message::new("check-catalogue-only-medicines");
            self.complain(at, in_item(prefix, message));
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
            RawKind::Medicines => Kind::Medicines(self.medicine_list(raw, prefix, at, catalogues)?),
        })
    }

    /// The choices of a one-choice or several-choices item (at least one); other kinds have
    /// none. `None` when they are missing, empty or where they do not belong.
    fn kind_choices(
        &mut self,
        raw: &RawItem,
        raw_kind: RawKind,
        prefix: &str,
        at: Location,
    ) -> Option<Vec<Choice>> {
        let has_choices = matches!(raw_kind, RawKind::OneChoice | RawKind::SeveralChoices);
        let mut checked = raw.choices.iter().flat_map(|c| &c.value);
        if raw_kind != RawKind::SeveralChoices
            && let Some(choice) = checked.find(|c| c.value.checked)
        {
            // A list of one choice never starts with one chosen: Enter alone must not answer.
            self.complain(
                choice.value.id.referenced,
                in_item(prefix, Message::new("check-checked-only-several")),
            );
        }
        match (&raw.choices, has_choices) {
            (Some(list), true) if !list.value.is_empty() => Some(self.choices(&list.value, prefix)),
            (Some(list), true) => {
                let message = Message::new("check-choices-empty");
                self.complain(list.referenced, in_item(prefix, message));
                None
            }
            (None, true) => {
                self.complain(at, in_item(prefix, Message::new("check-needs-choices")));
                None
            }
            (Some(list), false) => {
                let message = Message::new("check-choices-only");
                self.complain(list.referenced, in_item(prefix, message));
                None
            }
            (None, false) => Some(Vec::new()),
        }
    }

    /// The medicine list of a medicines item: a catalogue in use, and groups that show at
    /// least one of its medicines.
    fn medicine_list(
        &mut self,
        raw: &RawItem,
        prefix: &str,
        at: Location,
        catalogues: &[Rc<Catalogue>],
    ) -> Option<MedicineList> {
        let Some(name) = &raw.catalogue else {
            self.complain(at, in_item(prefix, Message::new("check-needs-catalogue")));
            return None;
        };
        let Some(catalogue) = catalogues.iter().find(|c| c.id == name.value) else {
            let known: Vec<&str> = catalogues.iter().map(|c| c.id.as_str()).collect();
            let message = Message::new("check-unknown-catalogue")
                .text("name", name.value.as_str())
                .text("known", known.join(", "));
            self.complain(name.referenced, in_item(prefix, message));
            return None;
        };
        let list = MedicineList {
            catalogue: Rc::clone(catalogue),
            groups: raw.groups.clone().unwrap_or_default(),
        };
        if list.shown().next().is_none() {
            let message = Message::new("check-no-medicine-in-groups");
            self.complain(at, in_item(prefix, message));
            return None;
        }
        Some(list)
    }

    fn choices(&mut self, raw: &[Spanned<RawChoice>], prefix: &str) -> Vec<Choice> {
        let mut choices: Vec<Choice> = Vec::new();
        let mut ids = HashSet::new();
        for choice in raw {
            let id = choice.value.id.value.trim().to_string();
            let label = choice.value.label.value.trim().to_string();
            let at = choice.value.id.referenced;
            if id.is_empty() || !is_id(&id) {
                let message = Message::new("check-bad-choice-id").text("id", id.as_str());
                self.complain(at, in_item(prefix, message));
            } else if !ids.insert(id.clone()) {
                let message = Message::new("check-duplicate-choice").text("id", id.as_str());
                self.complain(at, in_item(prefix, message));
            }
            if label.is_empty() {
                let message = Message::new("check-empty-label").text("id", id.as_str());
                self.complain(choice.value.label.referenced, in_item(prefix, message));
            }
            let title = choice
                .value
                .title
                .as_ref()
                .map(|t| t.value.trim().to_string());
            if title.as_deref() == Some("") {
                let message = Message::new("check-empty-choice-title").text("id", id.as_str());
                self.complain(choice.value.label.referenced, in_item(prefix, message));
            }
            choices.push(Choice {
                id,
                label,
                title,
                checked: choice.value.checked,
            });
        }
        choices
    }

    /// Every item names the source passage it comes from, word for word; `context` says
    /// whose source it is (`check-context-item`, `check-context-line`).
    pub(super) fn source(
        &mut self,
        raw: Spanned<RawSourceRef>,
        context: &Message,
    ) -> Option<Quote> {
        let at = raw.referenced;
        let raw = raw.value;
        if self.unreadable.contains(&raw.from) {
            return None; // already reported where the source is named
        }
        let Some((title, text)) = self.sources.get(&raw.from) else {
            let message = Message::new("check-source-unknown")
                .with("context", context.clone())
                .text("from", raw.from.as_str());
            self.complain(at, message);
            return None;
        };
        let quote = collapse_spaces(&raw.quote);
        let title = title.clone();
        if quote.is_empty() {
            let message = Message::new("check-empty-quote").with("context", context.clone());
            self.complain(at, message);
        } else if !text.contains(&quote) {
            let message = Message::new("check-quote-not-found")
                .with("context", context.clone())
                .text("title", title.as_str())
                .text("quote", quote.as_str());
            self.complain(at, message);
        }
        Some(Quote {
            source: title,
            text: quote,
        })
    }
}

/// Whose source it is: "item 'pills': ".
pub(super) fn context_of_item(item: &str) -> Message {
    Message::new("check-context-item").text("item", item)
}

/// What makes an item an instruction, which needs a source: a text that is not a question,
/// or a line that tells the patient something (only questions for the care team, and the
/// patient's own answers on the ride and contact parts, do not). The problem, if so.
fn instruction(
    ask: &str,
    help: Option<&str>,
    sheet: &[SheetLine],
    unanswered: Option<&Unanswered>,
) -> Option<Message> {
    let why = |why: &str| Message::new("check-needs-source").text("why", why);
    if !ask.ends_with('?') {
        return Some(why("text"));
    }
    if help.is_some_and(|h| !h.ends_with('?')) {
        return Some(why("help"));
    }
    if let Some(Unanswered::Todo(_)) = unanswered {
        return Some(why("unanswered"));
    }
    sheet
        .iter()
        .find(|l| !matches!(l.place, Place::Ask | Place::Ride | Place::Contact))
        .map(|l| why("line").text("place", l.place.key()))
}

/// Every text of an item a patient reads but its sheet lines, with what it is and the voice
/// it speaks in. Only a question for the care team speaks in its voice; a question to the
/// patient ("Do you take ...?") is held to the rules of every other text.
fn item_texts(
    raw: &RawItem,
    item: &str,
    ask: &str,
    help: Option<&str>,
    unanswered: Option<&Unanswered>,
) -> Vec<(Message, String, Voice)> {
    let part = |part: &str| {
        Message::new("text-of-item")
            .text("item", item)
            .text("part", part)
    };
    let mut texts = vec![(part("question"), ask.to_string(), Voice::Statement)];
    if let Some(help) = help {
        texts.push((part("help"), help.to_string(), Voice::Statement));
    }
    match unanswered {
        Some(Unanswered::Todo(todo)) => {
            texts.push((part("unanswered"), todo.clone(), Voice::Statement));
        }
        Some(Unanswered::Ask(question)) => {
            texts.push((part("unanswered"), question.clone(), Voice::Question));
        }
        None => {}
    }
    for choice in raw.choices.iter().flat_map(|c| &c.value) {
        let choice = &choice.value;
        let label = choice.label.value.clone();
        texts.push((part("choice"), label, Voice::Statement));
        if let Some(title) = &choice.title {
            let title = title.value.clone();
            texts.push((part("choice-title"), title, Voice::Statement));
        }
    }
    texts
}

/// The text of a sheet line as written, whichever its place.
fn line_text(line: &RawSheetLine) -> Option<&str> {
    [
        &line.urgent,
        &line.todo,
        &line.ask,
        &line.ride,
        &line.bring,
        &line.contact,
        &line.expect,
    ]
    .into_iter()
    .find_map(|text| text.as_deref())
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

#[cfg(test)]
mod tests {
    use super::super::tests::{HEAD, assert_has, parsed, problems_of};
    use crate::checklist::{Kind, Role};

    #[test]
    fn a_good_item_becomes_a_checked_item() {
        let (checklist, warnings) = parsed(&format!(
            "{HEAD}      - id: day
        ask: What day is your visit?
        kind: date
        role: procedure-date
        source: {{from: leaflet, quote: Bring your list.}}
"
        ))
        .expect("a good checklist");
        assert!(warnings.is_empty(), "{warnings:?}");
        let item = checklist.item("day").expect("the item");
        assert!(matches!(item.kind, Kind::Date));
        assert_eq!(item.role, Some(Role::ProcedureDate));
        assert_eq!(
            item.source.as_ref().map(|q| q.text.as_str()),
            Some("Bring your list.")
        );
    }

    #[test]
    fn missing_and_doubled_fields_are_each_reported() {
        let problems = problems_of(
            "      - id: Bad_Id
        ask: Is it?
        kind: yes-no
      - id: twice
        kind: yes-no
      - id: twice
        ask: Again?
        kind: yes-no
      - id: twice
        ask: Again?
        kind: yes-no
",
        );
        assert_has(
            &problems,
            "item 'Bad_Id': an item id may only hold lower-case letters",
        );
        assert_has(&problems, "item 'twice': missing field `ask`");
        assert_has(&problems, "item 'twice': duplicate item id");
    }

    #[test]
    fn a_role_must_fit_its_kind_and_be_taken_once() {
        let problems = problems_of(
            "      - id: when
        ask: Which day?
        kind: text
        role: procedure-date
      - id: day
        ask: What day?
        kind: date
        role: procedure-date
",
        );
        assert_has(&problems, "role procedure-date does not fit kind text");
        assert_has(&problems, "role procedure-date is already taken by 'when'");
    }

    #[test]
    fn an_instruction_needs_its_source_word_for_word() {
        let problems = problems_of(
            "      - id: list
        ask: Bring your list of pills.
        kind: info
      - id: heart
        ask: Tell us about your heart.
        kind: info
        source: {from: leaflet, quote: Tell us about your lungs.}
      - id: where
        ask: Is it far?
        kind: yes-no
        source: {from: flyer, quote: Bring your list.}
",
        );
        assert_has(
            &problems,
            "item 'list': missing field `source`: its text, which is not a question,",
        );
        assert_has(
            &problems,
            "item 'heart': source: the quote is not in 'Small visit leaflet' word for word",
        );
        assert_has(
            &problems,
            "item 'where': source 'flyer' is not in 'sources'",
        );
    }

    /// Only a several-choices item may start with choices checked: a list of one choice
    /// never starts chosen.
    #[test]
    fn only_a_list_of_several_starts_with_choices_checked() {
        let (checklist, _) = parsed(&format!(
            "{HEAD}      - id: topics
        ask: Which of these do you want to ask?
        kind: several-choices
        choices:
          - {{id: eat, label: Can I eat first?, checked: true}}
          - {{id: wear, label: What should I wear?}}
        sheet:
          - ask: \"{{each}}\"
"
        ))
        .expect("a good checklist");
        let checked: Vec<bool> = (checklist.item("topics").expect("the item").choices())
            .iter()
            .map(|c| c.checked)
            .collect();
        assert_eq!(checked, [true, false]);
        let problems = problems_of(
            "      - id: which
        ask: Which visit is it?
        kind: one-choice
        choices:
          - {id: first, label: The first, checked: true}
        source: {from: leaflet, quote: Bring your list.}
",
        );
        assert_has(
            &problems,
            "t.yaml:14:18: item 'which': only the choices of a several-choices item may be \
             `checked`",
        );
    }

    /// The days a clinic is closed are dates, each once, kept in order.
    #[test]
    fn closed_days_are_dates() {
        let with = |days: &str| HEAD.replace("sources:", &format!("closed-days: {days}\nsources:"));
        let item = "      - id: day
        ask: What day is your visit?
        kind: date
";
        let (checklist, warnings) = parsed(&format!(
            "{}{item}",
            with("[2026-12-25, 2026-11-26, 2026-12-25]")
        ))
        .expect("a good checklist");
        assert_eq!(
            checklist.closed_days,
            [
                jiff::civil::date(2026, 11, 26),
                jiff::civil::date(2026, 12, 25)
            ]
        );
        assert_has(&warnings, "closed-days: 2026-12-25 is listed twice");
        let problems = match parsed(&format!("{}{item}", with("[2026-13-01, Christmas]"))) {
            Ok(_) => panic!("not dates"),
            Err(problems) => problems,
        };
        assert_has(
            &problems,
            "t.yaml:5:15: closed-days: '2026-13-01' is not a date like 2026-12-25",
        );
        assert_has(&problems, "closed-days: 'Christmas' is not a date");
    }

    #[test]
    fn choices_and_medicine_lists_are_checked_with_their_kind() {
        let problems = problems_of(
            "      - id: empty
        ask: Which?
        kind: one-choice
        choices: []
      - id: labels
        ask: Which one?
        kind: several-choices
        choices:
          - {id: a, label: A}
          - {id: a, label: ''}
      - id: pills
        ask: Do you take any of these?
        kind: medicines
        catalogue: no-such-list
",
        );
        assert_has(&problems, "item 'empty': 'choices' is empty");
        assert_has(&problems, "item 'labels': duplicate choice id 'a'");
        assert_has(&problems, "item 'labels': choice 'a' has an empty label");
        assert_has(
            &problems,
            "item 'pills': unknown catalogue 'no-such-list' (known: bleeding)",
        );
    }

    /// Issue 22: on an item that names a medicine anywhere, "stop it" in another of its
    /// texts speaks of that medicine; on one that names none, it is just words.
    #[test]
    fn a_pronoun_speaks_of_the_medicine_its_item_names() {
        let item = |ask: &str| {
            format!(
                "      - id: pills
        ask: {ask}
        kind: yes-no
        sheet:
          - todo: Stop it 7 days before.
            if: \"yes\"
        source: {{from: leaflet, quote: Bring your list.}}
"
            )
        };
        let problems = problems_of(&item("Do you take Plavix?"));
        assert_has(
            &problems,
            "sheet line (todo) \"Stop it 7 days before.\": gives a timing",
        );
        let problems = problems_of(&item("Do you ride a bike?"));
        assert!(
            !problems.iter().any(|p| p.contains("timing")),
            "{problems:?}"
        );
    }
}
