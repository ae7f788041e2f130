//! The one order of the sheet, for every format but the calendar: `write_sheet` writes it
//! through a `Layout`, the small set of parts each format knows how to write.

use std::io;

use super::{BLANK, Entry, Patient, Questions, Sheet};
use crate::i18n::Messages;

/// The parts of a sheet a format must be able to write. Text passed in may come from a
/// patient or a checklist file: each layout makes it safe for its format.
pub trait Layout {
    /// The sheet's title; `running` names the sheet (and the patient) on later pages.
    fn title(&mut self, text: &str, running: &str) -> io::Result<()>;
    fn field(&mut self, label: &str, value: &str) -> io::Result<()>;
    fn statement(&mut self, text: &str) -> io::Result<()>;
    fn heading(&mut self, text: &str) -> io::Result<()>;
    /// The heading of what must be done before anything else: HTML marks it out.
    fn urgent_heading(&mut self, text: &str) -> io::Result<()> {
        self.heading(text)
    }
    fn subheading(&mut self, text: &str) -> io::Result<()>;
    fn bullet(&mut self, text: &str) -> io::Result<()>;
    /// A question for the care team: on paper, with room to write the answer.
    fn question(&mut self, text: &str) -> io::Result<()> {
        self.bullet(text)
    }
    fn check_box(&mut self, text: &str) -> io::Result<()>;
    fn note(&mut self, text: &str) -> io::Result<()>;
    /// After the last part.
    fn end(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The one order of the sheet, for every format.
pub fn write_sheet(sheet: &Sheet, m: &Messages, layout: &mut dyn Layout) -> io::Result<()> {
    let running = match &sheet.patient {
        Patient::Named(name) => format!("{} - {name}", sheet.title),
        _ => sheet.title.clone(),
    };
    layout.title(&sheet.title, &running)?;
    match &sheet.patient {
        Patient::NotAsked => {}
        Patient::Blank => layout.field(&m.get("sheet-name"), BLANK)?,
        Patient::Named(name) => layout.field(&m.get("sheet-name"), name)?,
    }
    layout.field(&m.get("sheet-procedure"), &sheet.procedure)?;
    layout.field(&m.get("sheet-when"), &sheet.when.describe(m))?;
    layout.field(&m.get("sheet-made-on"), &m.date(sheet.today))?;
    layout.statement(&m.get("medication-statement"))?;
    if !sheet.urgent.is_empty() {
        layout.urgent_heading(&m.get("sheet-urgent"))?;
        for line in &sheet.urgent {
            layout.bullet(line)?;
        }
    }
    if let Some(expect) = &sheet.expect {
        layout.heading(&m.get("sheet-expect"))?;
        if expect.is_empty() {
            layout.note(&m.get("sheet-expect-none"))?;
        }
        for line in expect {
            layout.bullet(line)?;
        }
    }
    layout.heading(&m.get("sheet-todo"))?;
    if sheet.todo.is_empty() {
        layout.note(&m.get("sheet-todo-none"))?;
    }
    for line in &sheet.todo {
        layout.check_box(line)?;
    }
    questions(layout, &sheet.questions, m)?;
    let not_set = m.get("sheet-not-set");
    layout.heading(&m.get("sheet-ride"))?;
    entries(layout, &sheet.ride, &not_set)?;
    layout.heading(&m.get("sheet-bring"))?;
    if sheet.bring.is_empty() {
        layout.note(&m.get("sheet-nothing-yet"))?;
    }
    for line in &sheet.bring {
        layout.check_box(line)?;
    }
    layout.heading(&m.get("sheet-care-team"))?;
    entries(layout, &sheet.contact, &not_set)?;
    layout.end()
}

/// The questions for the care team: the general ones, then those about each medicine under
/// its name.
fn questions(layout: &mut dyn Layout, groups: &[Questions], m: &Messages) -> io::Result<()> {
    layout.heading(&m.get("sheet-questions"))?;
    if groups.is_empty() {
        layout.note(&m.get("sheet-questions-none"))?;
    }
    for group in groups {
        if let Some(about) = &group.about {
            layout.subheading(&m.with("sheet-about", &[("about", about.as_str().into())]))?;
        }
        for question in &group.questions {
            layout.question(question)?;
        }
    }
    Ok(())
}

fn entries(layout: &mut dyn Layout, entries: &[Entry], none: &str) -> io::Result<()> {
    if entries.is_empty() {
        layout.note(none)?;
    }
    for entry in entries {
        match entry {
            Entry::Fact(text) => layout.note(text)?,
            Entry::Todo(text) => layout.check_box(text)?,
        }
    }
    Ok(())
}
