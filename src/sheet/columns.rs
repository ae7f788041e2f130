//! Plain and terminal text: wrapped columns, `[ ]` boxes, control characters removed.

use std::io::{self, Write};

use console::Style;

use super::layout::Layout;
use crate::text::{clean, display_width, wrap};

/// The text layout, for a terminal (styled, to its width) or for paper (80 columns).
pub struct Columns<'w> {
    out: &'w mut dyn Write,
    width: usize,
    heading: Style,
    strong: Style,
    /// For paper: a line under each question to write the answer on.
    room_to_write: bool,
}

impl<'w> Columns<'w> {
    pub fn new(out: &'w mut dyn Write, width: usize, styled: bool, room_to_write: bool) -> Self {
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
        let indent = " ".repeat(display_width(first));
        for line in wrap(&clean(text), self.width, first, &indent) {
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
    let lines = wrap(&clean(text), width, "", "");
    for line in &lines {
        writeln!(out, "{}", style.apply_to(line))?;
    }
    Ok(lines)
}

impl Layout for Columns<'_> {
    fn title(&mut self, text: &str, _running: &str, _statement: &str) -> io::Result<()> {
        let lines = styled_lines(self.out, self.width, &self.heading, text)?;
        let widest = lines.iter().map(|l| display_width(l)).max();
        writeln!(self.out, "{}", "=".repeat(widest.unwrap_or(0)))
    }

    fn field(&mut self, label: &str, value: &str) -> io::Result<()> {
        self.wrapped(&format!("{label}: "), value)
    }

    fn statement(&mut self, text: &str) -> io::Result<()> {
        let inner = self.width - 4;
        let rule = format!("+{}+", "-".repeat(inner + 2));
        writeln!(self.out, "\n{rule}")?;
        for line in wrap(&clean(text), inner, "", "") {
            let pad = " ".repeat(inner - display_width(&line));
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

    /// A dashed rule across the page: text has no pages, so page 1 ends where it shows.
    fn page_break(&mut self) -> io::Result<()> {
        writeln!(self.out, "\n{}", "- ".repeat(self.width / 2).trim_end())
    }
}
