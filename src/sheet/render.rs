//! The formats of the sheet, and `render`, which writes a sheet in one of them. Each
//! format is a `Layout` (`layout.rs`) of the one order of the sheet, but the calendar, which
//! has its own (`ics.rs`). They write to any `Write` and do no other I/O.

use std::io::{self, Write};

use super::columns::Columns;
use super::html::Html;
use super::layout::write_sheet;
use super::markdown::Markdown;
use super::{Sheet, ics};
use crate::i18n::Messages;

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
        Format::Markdown => write_sheet(sheet, m, &mut Markdown::new(out)),
        Format::Html => {
            let blank = m.get("sheet-line-to-write-on");
            write_sheet(sheet, m, &mut Html::new(out, m.lang(), blank))
        }
        Format::Ics { now } => ics::write(sheet, now, m, out),
    }
}
