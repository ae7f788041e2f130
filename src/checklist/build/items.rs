//! The checklist's top (id, title, procedure, version, sources), its sections and items:
//! each item's fields, kind, choices, role and source.

use std::collections::HashSet;
use std::rc::Rc;

use serde_saphyr::{Location, Spanned};

use super::conditions::Seen;
use super::rules::{self, Reading};
use super::{Builder, Medicines, SourceFiles, collapse_spaces, is_id};
use crate::advice::Role as Voice;
use crate::catalogue::Catalogue;
use crate::checklist::raw::{
    RawChecklist, RawChoice, RawItem, RawKind, RawSection, RawSheetLine, RawSource, RawSourceRef,
    RawUnanswered,
};
use crate::checklist::{
    Checklist, Choice, Item, Kind, MedicineList, Place, Quote, Role, Section, SheetLine, Unanswered,
};
use crate::problem::any_error;

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
            self.complain(id_at, "the checklist has no items");
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
                        format!("closed-days: {text} is listed twice"),
                    ));
                }
                Ok(date) => days.push(date),
                Err(_) => self.complain(
                    day.referenced,
                    format!("closed-days: '{text}' is not a date like 2026-12-25"),
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
        let id = self.text(id, "", "id");
        if !id.is_empty() && !is_id(&id) {
            self.complain(
                id_at,
                format!("id '{id}' may only hold lower-case letters, digits and '-'"),
            );
        }
        let mut texts = Vec::new();
        for (field, what) in [(title, "title"), (procedure, "procedure")] {
            let text = self.text(field, "", what);
            self.patient_text(field.referenced, what, &text, Reading::statement(None));
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
    }

    fn section(&mut self, section: RawSection, catalogues: &[Rc<Catalogue>]) -> Section {
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
        let prefix = format!("item '{id}': ");
        let problems_before = self.problems.len();
        let source = raw.source.take();
        let (ask, raw_kind) = self.item_head(&raw, &id, at, &prefix)?;
        let help = raw.help.as_ref().map(|h| h.value.trim().to_string());
        let kind = self.kind(&raw, raw_kind, &prefix, at, catalogues);
        let about_medicines = raw.medicines || matches!(kind, Some(Kind::Medicines(_)));
        let unanswered = raw.unanswered.as_ref().map(|u| match &u.value {
            RawUnanswered::Todo(text) => Unanswered::Todo(text.trim().to_string()),
            RawUnanswered::Ask(ask) => Unanswered::Ask(ask.ask.trim().to_string()),
        });
        let texts = item_texts(&raw, &prefix, &ask, help.as_deref(), unanswered.as_ref());
        self.item_texts_read(at, &texts, about_medicines);
        let when = raw
            .when
            .take()
            .and_then(|when| self.condition(when.value, when.referenced, &prefix));
        self.item_role(&raw, raw_kind, &id, at, &prefix);
        let values = kind.as_ref().map(answer_values).unwrap_or_default();
        let seen = Seen::new(id.clone(), raw_kind, values);
        let lines = std::mem::take(&mut raw.sheet);
        let sheet = self.item_sheet(lines, &seen, about_medicines, &ask);
        let source = match source {
            Some(source) => self.source(source, &prefix),
            None => {
                self.no_source(
                    at,
                    &prefix,
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

    /// The fields every item needs (id, ask, kind), its id's letters, and its question:
    /// `None` when one of the three is missing.
    fn item_head(
        &mut self,
        raw: &RawItem,
        id: &str,
        at: Location,
        prefix: &str,
    ) -> Option<(String, RawKind)> {
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
        self.item_id(id, id_field.referenced, at, prefix);
        let ask = self.text(ask_field, prefix, "question ('ask')");
        Some((ask, raw_kind))
    }

    /// An item's sheet lines, read as speaking of the medicines it asks about when it asks
    /// about some.
    fn item_sheet(
        &mut self,
        lines: Vec<Spanned<RawSheetLine>>,
        seen: &Seen,
        about_medicines: bool,
        ask: &str,
    ) -> Vec<SheetLine> {
        let medicines = Medicines {
            item: about_medicines,
            lines: self.detector.as_ref().is_some_and(|detector| {
                let medicine_list = seen.kind == RawKind::Medicines;
                rules::lines_about_the_chosen(medicine_list, about_medicines, ask, detector)
            }),
        };
        lines
            .into_iter()
            .filter_map(|line| self.sheet_line(line, seen, medicines))
            .collect()
    }

    /// The texts of an item (`item_texts`), each held to the rules of every text a patient
    /// reads.
    fn item_texts_read(&mut self, at: Location, texts: &[(String, String, Voice)], about: bool) {
        for (what, text, voice) in texts {
            let reading = Reading {
                voice: *voice,
                ..Reading::statement(Some(about))
            };
            self.patient_text(at, what, text, reading);
        }
    }

    /// An item without a source may not give an instruction.
    fn no_source(
        &mut self,
        at: Location,
        prefix: &str,
        ask: &str,
        help: Option<&str>,
        sheet: &[SheetLine],
        unanswered: Option<&Unanswered>,
    ) {
        if let Some(why) = instruction(ask, help, sheet, unanswered) {
            self.complain(at, format!("{prefix}{}", needs_a_source(&why)));
        }
    }

    /// An item's id: not empty, in the letters ids may hold, and not taken.
    fn item_id(&mut self, id: &str, id_at: Location, at: Location, prefix: &str) {
        if id.is_empty() {
            self.complain(id_at, format!("{prefix}empty item id"));
        } else if !is_id(id) {
            self.complain(
                at,
                format!("{prefix}an item id may only hold lower-case letters, digits and '-'"),
            );
        }
        if self.item_index.contains_key(id) {
            self.complain(at, format!("{prefix}duplicate item id"));
        }
    }

    /// An item's role fits its kind and is taken once; only the step item's choices have a
    /// title.
    fn item_role(
        &mut self,
        raw: &RawItem,
        raw_kind: RawKind,
        id: &str,
        at: Location,
        prefix: &str,
    ) {
        if let Some(role) = raw.role {
            let fits = matches!(
                (role, raw_kind),
                (Role::Step, RawKind::OneChoice)
                    | (Role::ProcedureDate, RawKind::Date)
                    | (Role::ArrivalTime, RawKind::Time)
                    | (Role::PatientName, RawKind::Text)
            );
            if !fits {
                let message = format!("role {} does not fit kind {}", role.name(), raw_kind.name());
                self.complain(at, format!("{prefix}{message}"));
            }
            if let Some(first) = self.roles.insert(role, id.to_string()) {
                let message = format!("role {} is already taken by '{first}'", role.name());
                self.complain(at, format!("{prefix}{message}"));
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
                format!("{prefix}only the choices of a several-choices item may be `checked`"),
            );
        }
        match (&raw.choices, has_choices) {
            (Some(list), true) if !list.value.is_empty() => Some(self.choices(&list.value, prefix)),
            (Some(list), true) => {
                self.complain(
                    list.referenced,
                    format!("{prefix}'choices' is empty; this kind needs at least one"),
                );
                None
            }
            (None, true) => {
                self.complain(at, format!("{prefix}this kind needs 'choices'"));
                None
            }
            (Some(list), false) => {
                self.complain(
                    list.referenced,
                    format!("{prefix}only one-choice and several-choices have 'choices'"),
                );
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
            choices.push(Choice {
                id,
                label,
                title,
                checked: choice.value.checked,
            });
        }
        choices
    }

    /// Every item names the source passage it comes from, word for word.
    pub(super) fn source(&mut self, raw: Spanned<RawSourceRef>, prefix: &str) -> Option<Quote> {
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

/// What an item without a source is told, for the instruction it gives.
fn needs_a_source(why: &str) -> String {
    format!(
        "missing field `source`: {why} gives an instruction, so the item needs the source \
         passage it comes from (only a question for the care team may stand without one)"
    )
}

/// Every text of an item a patient reads but its sheet lines, with what it is and the voice
/// it speaks in. Only a question for the care team speaks in its voice; a question to the
/// patient ("Do you take ...?") is held to the rules of every other text.
fn item_texts(
    raw: &RawItem,
    prefix: &str,
    ask: &str,
    help: Option<&str>,
    unanswered: Option<&Unanswered>,
) -> Vec<(String, String, Voice)> {
    let mut texts = vec![(
        format!("{prefix}question"),
        ask.to_string(),
        Voice::Statement,
    )];
    if let Some(help) = help {
        texts.push((format!("{prefix}help"), help.to_string(), Voice::Statement));
    }
    match unanswered {
        Some(Unanswered::Todo(todo)) => {
            texts.push((
                format!("{prefix}unanswered"),
                todo.clone(),
                Voice::Statement,
            ));
        }
        Some(Unanswered::Ask(question)) => {
            texts.push((
                format!("{prefix}unanswered"),
                question.clone(),
                Voice::Question,
            ));
        }
        None => {}
    }
    for choice in raw.choices.iter().flat_map(|c| &c.value) {
        let choice = &choice.value;
        let label = choice.label.value.clone();
        texts.push((format!("{prefix}choice"), label, Voice::Statement));
        if let Some(title) = &choice.title {
            let title = title.value.clone();
            texts.push((format!("{prefix}choice title"), title, Voice::Statement));
        }
    }
    texts
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
}
