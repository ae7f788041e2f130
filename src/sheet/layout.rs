//! The one order of the sheet, for every format but the calendar: `write_sheet` writes it
//! through a `Layout`, the small set of parts each format knows how to write. Page 1 is the
//! fridge page, what the day needs in the order a patient acts on it; the questions the
//! patient chose follow, medicines first, then what to expect.

use std::io;

use super::{BLANK, Entry, Field, MedicineQuestions, Sheet, Topic};
use crate::i18n::Messages;

/// How many lines "What to bring" leaves to write on: the care team says what to bring.
const BRING_LINES: usize = 3;

/// The parts of a sheet a format must be able to write. Text passed in may come from a
/// patient or a checklist file: each layout makes it safe for its format.
pub trait Layout {
    /// The sheet's title; `running` names the sheet (and the patient) on later pages, which
    /// carry `statement` too.
    fn title(&mut self, text: &str, running: &str, statement: &str) -> io::Result<()>;
    fn field(&mut self, label: &str, value: &str) -> io::Result<()>;
    fn statement(&mut self, text: &str) -> io::Result<()>;
    /// The statement again, before a part that names medicines.
    fn part_statement(&mut self, text: &str) -> io::Result<()> {
        self.statement(text)
    }
    fn heading(&mut self, text: &str) -> io::Result<()>;
    /// The heading of the calls to make: HTML marks it out.
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
    /// A check box with a line to write on.
    fn blank_box(&mut self) -> io::Result<()> {
        self.check_box(BLANK)
    }
    fn note(&mut self, text: &str) -> io::Result<()>;
    /// The end of page 1: on paper, what follows starts a new page.
    fn page_break(&mut self) -> io::Result<()>;
    /// After the last part.
    fn end(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The one order of the sheet, for every format: the fridge page, then the questions and
/// what to expect.
pub fn write_sheet(sheet: &Sheet, m: &Messages, layout: &mut dyn Layout) -> io::Result<()> {
    fridge_page(sheet, m, layout)?;
    layout.page_break()?;
    medicine_questions(layout, &sheet.medicines, m)?;
    questions(layout, sheet, m)?;
    if let Some(expect) = &sheet.expect {
        layout.heading(&m.get("sheet-expect"))?;
        // Most of it hangs on the step: until it is chosen, say so.
        if expect.is_empty() || sheet.step == Field::Blank {
            layout.note(&m.get("sheet-expect-none"))?;
        }
        for line in expect {
            layout.bullet(line)?;
        }
    }
    layout.end()
}

/// Page 1: the procedure, its step, day and time; the ride home and the care team with
/// their phones; the statement; the calls to make; what is still to do; what to bring.
/// What is not known yet is a blank to write in.
fn fridge_page(sheet: &Sheet, m: &Messages, layout: &mut dyn Layout) -> io::Result<()> {
    let statement = m.get("medication-statement");
    let running = match &sheet.patient {
        Field::Given(name) => format!("{} - {name}", sheet.title),
        _ => sheet.title.clone(),
    };
    layout.title(&sheet.title, &running, &statement)?;
    field(layout, &m.get("sheet-name"), &sheet.patient)?;
    layout.field(&m.get("sheet-procedure"), &sheet.procedure)?;
    field(layout, &m.get("sheet-step"), &sheet.step)?;
    let date = sheet.when.describe(m);
    layout.field(&m.get("sheet-date"), date.as_deref().unwrap_or(BLANK))?;
    let arrive = sheet.arrive.map(|time| m.time(time));
    layout.field(&m.get("sheet-arrive"), arrive.as_deref().unwrap_or(BLANK))?;
    layout.field(&m.get("sheet-made-on"), &m.date(sheet.today))?;
    let not_set = m.get("sheet-not-set");
    layout.heading(&m.get("sheet-ride"))?;
    entries(layout, &sheet.ride, &not_set)?;
    layout.heading(&m.get("sheet-care-team"))?;
    entries(layout, &sheet.contact, &not_set)?;
    layout.statement(&statement)?;
    calls(layout, sheet, m)?;
    layout.heading(&m.get("sheet-todo"))?;
    if sheet.todo.is_empty() {
        layout.note(&m.get("sheet-todo-none"))?;
    }
    for line in &sheet.todo {
        layout.check_box(line)?;
    }
    layout.heading(&m.get("sheet-bring"))?;
    for line in &sheet.bring {
        layout.check_box(line)?;
    }
    layout.note(&m.get("sheet-bring-ask"))?;
    for _ in 0..BRING_LINES {
        layout.blank_box()?;
    }
    Ok(())
}

/// A line of the top: the answer, or a blank to write it in; nothing when not asked.
fn field(layout: &mut dyn Layout, label: &str, value: &Field) -> io::Result<()> {
    match value {
        Field::NotAsked => Ok(()),
        Field::Blank => layout.field(label, BLANK),
        Field::Given(text) => layout.field(label, text),
    }
}

/// The calls to make: the sheet's, then one with the questions when there are some.
fn calls(layout: &mut dyn Layout, sheet: &Sheet, m: &Messages) -> io::Result<()> {
    let heading = m.get("sheet-calls");
    if sheet.calls.is_empty() {
        layout.heading(&heading)?;
    } else {
        layout.urgent_heading(&heading)?;
    }
    for line in &sheet.calls {
        layout.check_box(line)?;
    }
    if sheet.has_questions() {
        layout.check_box(&m.get("sheet-call-questions"))?;
    } else if sheet.calls.is_empty() {
        layout.note(&m.get("sheet-calls-none"))?;
    }
    Ok(())
}

/// The questions about medicines, one part per kind (blood thinners first), each after
/// the statement; those about one medicine under its name.
fn medicine_questions(
    layout: &mut dyn Layout,
    kinds: &[MedicineQuestions],
    m: &Messages,
) -> io::Result<()> {
    for kind in kinds {
        layout.heading(&m.get(kind.kind.heading()))?;
        layout.part_statement(&m.get("medication-statement"))?;
        for group in &kind.groups {
            if let Some(about) = &group.about {
                layout.subheading(&m.with("sheet-about", &[("about", about.as_str().into())]))?;
            }
            for question in &group.questions {
                layout.question(question)?;
            }
        }
    }
    Ok(())
}

/// The other questions for the care team, under the part they come from.
fn questions(layout: &mut dyn Layout, sheet: &Sheet, m: &Messages) -> io::Result<()> {
    layout.heading(&m.get(sheet.questions_heading()))?;
    if sheet.questions.is_empty() {
        layout.note(&m.get("sheet-questions-none"))?;
    }
    for Topic { title, questions } in &sheet.questions {
        if !title.is_empty() {
            layout.subheading(title)?;
        }
        for question in questions {
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
