//! Renderers: one layout of the sheet (`write_sheet`), written through a small `Layout` per
//! format. They write to any `Write` and do no other I/O.

use std::io::{self, Write};

use console::Style;

use super::{BLANK, Entry, Patient, Sheet};
use crate::i18n::Messages;
use crate::text::{clean, escape_markdown};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Format {
    /// For a terminal: styled when `styled`, wrapped to `width` columns.
    Text { styled: bool, width: usize },
    /// No escape codes, 80 columns, `[ ]` check boxes: good on paper.
    Plain,
    /// `- [ ]` task lists.
    Markdown,
    /// One self-contained page made for printing.
    Html,
    /// Calendar reminders as of `now`: its time stamp, and when the soonest alert goes off.
    /// Timed events are in its time zone (floating when the zone has no name).
    Ics { now: jiff::ZonedDateTime },
}

/// Write the sheet in `format`, in the language of `m`.
pub fn render(sheet: &Sheet, format: &Format, m: &Messages, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Text { styled, width } => {
            write_sheet(sheet, m, &mut Columns::new(out, *width, *styled, false))
        }
        Format::Plain => write_sheet(sheet, m, &mut Columns::new(out, 80, false, true)),
        Format::Markdown => write_sheet(
            sheet,
            m,
            &mut Markdown {
                out,
                after: Block::Heading,
            },
        ),
        Format::Html => write_sheet(sheet, m, &mut super::html::Html::new(out, m.lang())),
        Format::Ics { now } => super::ics::write(sheet, now, m, out),
    }
}

/// The parts of a sheet a format must be able to write. Text passed in may come from a
/// patient or a checklist file: each layout makes it safe for its format.
pub(super) trait Layout {
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
fn write_sheet(sheet: &Sheet, m: &Messages, layout: &mut dyn Layout) -> io::Result<()> {
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
    layout.heading(&m.get("sheet-questions"))?;
    if sheet.questions.is_empty() {
        layout.note(&m.get("sheet-questions-none"))?;
    }
    for group in &sheet.questions {
        if let Some(about) = &group.about {
            layout.subheading(&m.with("sheet-about", &[("about", about.as_str().into())]))?;
        }
        for question in &group.questions {
            layout.question(question)?;
        }
    }
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

/// Plain and terminal text: wrapped columns, `[ ]` boxes, control characters removed.
struct Columns<'w> {
    out: &'w mut dyn Write,
    width: usize,
    heading: Style,
    strong: Style,
    /// For paper: a line under each question to write the answer on.
    room_to_write: bool,
}

impl<'w> Columns<'w> {
    fn new(out: &'w mut dyn Write, width: usize, styled: bool, room_to_write: bool) -> Self {
        let style = |s: Style| s.force_styling(styled);
        Columns {
            out,
            width: width.clamp(40, 100),
            heading: style(Style::new().bold().underlined()),
            strong: style(Style::new().bold().yellow()),
            room_to_write,
        }
    }

    /// Wrap `text` after `first` (the marker), with later lines indented under the text.
    fn wrapped(&mut self, first: &str, text: &str) -> io::Result<()> {
        let indent = " ".repeat(console::measure_text_width(first));
        let options = textwrap::Options::new(self.width)
            .initial_indent(first)
            .subsequent_indent(&indent);
        for line in textwrap::wrap(&clean(text), options) {
            writeln!(self.out, "{line}")?;
        }
        Ok(())
    }
}

/// Wrap `text` to `width` and write it in `style`, line by line (so a pager or a printer
/// keeps the style); returns the lines as written, without the style.
fn styled_lines(
    out: &mut dyn Write,
    width: usize,
    style: &Style,
    text: &str,
) -> io::Result<Vec<String>> {
    let lines: Vec<String> = textwrap::wrap(&clean(text), width)
        .into_iter()
        .map(String::from)
        .collect();
    for line in &lines {
        writeln!(out, "{}", style.apply_to(line))?;
    }
    Ok(lines)
}

impl Layout for Columns<'_> {
    fn title(&mut self, text: &str, _running: &str) -> io::Result<()> {
        let lines = styled_lines(self.out, self.width, &self.heading, text)?;
        let widest = lines.iter().map(|l| console::measure_text_width(l)).max();
        writeln!(self.out, "{}", "=".repeat(widest.unwrap_or(0)))
    }

    fn field(&mut self, label: &str, value: &str) -> io::Result<()> {
        self.wrapped(&format!("{label}: "), value)
    }

    fn statement(&mut self, text: &str) -> io::Result<()> {
        let inner = self.width - 4;
        let rule = format!("+{}+", "-".repeat(inner + 2));
        writeln!(self.out, "\n{rule}")?;
        for line in textwrap::wrap(&clean(text), inner) {
            let pad = " ".repeat(inner - console::measure_text_width(&line));
            writeln!(self.out, "| {}{pad} |", self.strong.apply_to(&line))?;
        }
        writeln!(self.out, "{rule}")
    }

    fn heading(&mut self, text: &str) -> io::Result<()> {
        writeln!(
            self.out,
            "\n{}",
            self.heading.apply_to(clean(text).to_uppercase())
        )
    }

    fn subheading(&mut self, text: &str) -> io::Result<()> {
        writeln!(self.out)?;
        styled_lines(self.out, self.width, &self.strong, &format!("{text}:"))?;
        Ok(())
    }

    fn bullet(&mut self, text: &str) -> io::Result<()> {
        self.wrapped("  - ", text)
    }

    fn question(&mut self, text: &str) -> io::Result<()> {
        self.wrapped("  - ", text)?;
        if self.room_to_write {
            // A blank line to write on, then the rule to write above.
            writeln!(self.out, "\n    {}", "_".repeat(self.width - 4))?;
        }
        Ok(())
    }

    fn check_box(&mut self, text: &str) -> io::Result<()> {
        self.wrapped("[ ] ", text)
    }

    fn note(&mut self, text: &str) -> io::Result<()> {
        self.wrapped("", text)
    }
}

struct Markdown<'w> {
    out: &'w mut dyn Write,
    /// What was written last: a paragraph or list that a new block must keep apart from.
    after: Block,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Block {
    /// A heading, which ends with a blank line of its own.
    Heading,
    Paragraph,
    List,
}

impl Markdown<'_> {
    /// One blank line between a paragraph and what follows, and between a list and a
    /// paragraph (without it, Markdown joins them).
    fn start(&mut self, block: Block) -> io::Result<()> {
        let apart = self.after == Block::Paragraph
            || (self.after == Block::List && block == Block::Paragraph);
        self.after = block;
        if apart { writeln!(self.out) } else { Ok(()) }
    }
}

impl Layout for Markdown<'_> {
    fn title(&mut self, text: &str, _running: &str) -> io::Result<()> {
        writeln!(self.out, "# {}\n", escape_markdown(text))
    }

    fn field(&mut self, label: &str, value: &str) -> io::Result<()> {
        writeln!(self.out, "**{label}:** {}  ", escape_markdown(value))
    }

    fn statement(&mut self, text: &str) -> io::Result<()> {
        self.after = Block::Paragraph;
        writeln!(self.out, "\n> **{}**", escape_markdown(text))
    }

    fn heading(&mut self, text: &str) -> io::Result<()> {
        self.after = Block::Heading;
        writeln!(self.out, "\n## {}\n", escape_markdown(text))
    }

    fn subheading(&mut self, text: &str) -> io::Result<()> {
        self.after = Block::Heading;
        writeln!(self.out, "\n**{}**\n", escape_markdown(text))
    }

    fn bullet(&mut self, text: &str) -> io::Result<()> {
        self.start(Block::List)?;
        writeln!(self.out, "- {}", escape_markdown(text))
    }

    fn check_box(&mut self, text: &str) -> io::Result<()> {
        self.start(Block::List)?;
        writeln!(self.out, "- [ ] {}", escape_markdown(text))
    }

    fn note(&mut self, text: &str) -> io::Result<()> {
        self.start(Block::Paragraph)?;
        writeln!(self.out, "{}", escape_markdown(text))
    }
}
