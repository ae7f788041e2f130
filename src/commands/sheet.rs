//! `prepcheck sheet`: the reminder sheet from the saved answers, in any format.

use std::path::Path;

use super::{Failure, saved_answers, target, write_stdout};
use crate::answers::Answers;
use crate::cli::{Format as FormatArg, SheetArgs};
use crate::loader::Library;
use crate::settings::Settings;
use crate::sheet::{Format, Sheet, render};
use crate::store;

pub fn sheet(library: &Library, args: &SheetArgs, settings: &Settings) -> Result<(), Failure> {
    let (checklist, path) = target(library, &args.target, settings)?;
    let answers = match saved_answers(&path, checklist, "The file was not changed.")? {
        Some(answers) => answers,
        None => {
            eprintln!(
                "Nothing is answered yet ({} does not exist): this is the blank sheet. \
                 Run `prepcheck walk` to answer the questions.",
                path.display()
            );
            Answers::default()
        }
    };
    let sheet = Sheet::new(checklist, &answers, settings.today());
    let to_terminal = args.output.is_none() && settings.stdout_is_terminal;
    let format = match args
        .format
        .unwrap_or_else(|| default_format(args.output.as_deref(), to_terminal))
    {
        FormatArg::Text => Format::Text {
            styled: args.output.is_none() && settings.color_stdout,
            width: settings.sheet_width(),
        },
        FormatArg::Plain => Format::Plain,
        FormatArg::Markdown => Format::Markdown,
        FormatArg::Html => Format::Html,
        FormatArg::Ics => Format::Ics {
            now: settings.now.clone(),
        },
    };
    let mut bytes = Vec::new();
    render(&sheet, &format, &mut bytes).map_err(|e| Failure::error(e.to_string()))?;
    match &args.output {
        Some(file) => store::write_atomically(file, &bytes, 0o600)
            .map_err(|e| Failure::error(format!("{}: cannot write: {e}", file.display()))),
        None => write_stdout(&bytes),
    }
}

/// The format an --output file's extension asks for; else styled text for a terminal and
/// plain text for a pipe or a printer.
fn default_format(output: Option<&Path>, to_terminal: bool) -> FormatArg {
    let extension = output
        .and_then(Path::extension)
        .map(|e| e.to_string_lossy().to_lowercase());
    match extension.as_deref() {
        Some("md" | "markdown") => FormatArg::Markdown,
        Some("html" | "htm") => FormatArg::Html,
        Some("ics") => FormatArg::Ics,
        _ if to_terminal => FormatArg::Text,
        _ => FormatArg::Plain,
    }
}
