//! `prepcheck sheet`: the reminder sheet from the saved answers, in any format.

use std::path::Path;

use super::{Failure, report_set_aside, saved_answers, say, target, write_stdout};
use crate::answers::Answers;
use crate::cli::{Format as FormatArg, SheetArgs};
use crate::loader::Library;
use crate::settings::Settings;
use crate::sheet::{Format, Sheet, render};
use crate::store;

pub fn sheet(library: &Library, args: &SheetArgs, settings: &Settings) -> Result<(), Failure> {
    let (checklist, path) = target(library, &args.target, settings)?;
    let answers = match saved_answers(&path, checklist, "The file was not changed.")? {
        Some(saved) => {
            report_set_aside(&path, &saved);
            saved.answers
        }
        // A path the patient typed that is not there is a mistake, not a blank sheet.
        None if args.target.answers.is_some() => {
            return Err(Failure::error(format!(
                "{}: no such file. Check the path, or leave out --answers to use the answers \
                 saved by `prepcheck walk`.",
                path.display()
            )));
        }
        None => {
            say(&format!(
                "Nothing is answered yet ({} does not exist): this is the blank sheet. \
                 Run `prepcheck walk` to answer the questions.",
                path.display()
            ));
            Answers::default()
        }
    };
    let sheet = Sheet::new(checklist, &answers, settings.today());
    let to_terminal = args.output.is_none() && !args.open && settings.stdout_is_terminal;
    let chosen = if args.open {
        FormatArg::Html
    } else {
        format_for(args.format, args.output.as_deref(), to_terminal)?
    };
    let format = match chosen {
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
    if args.open {
        return open_in_browser(&path, &bytes);
    }
    match &args.output {
        Some(file) => store::write_atomically(file, &bytes, 0o600)
            .map_err(|e| Failure::error(format!("{}: cannot write: {e}", file.display()))),
        None => write_stdout(&bytes),
    }
}

/// The formats an `--output` file's extension names.
const EXTENSIONS: &[(&str, FormatArg)] = &[
    ("txt", FormatArg::Plain),
    ("text", FormatArg::Plain),
    ("md", FormatArg::Markdown),
    ("markdown", FormatArg::Markdown),
    ("html", FormatArg::Html),
    ("htm", FormatArg::Html),
    ("ics", FormatArg::Ics),
];

/// The format asked for: `--format`, else the `--output` file's extension, else styled text
/// for a terminal and plain text for a pipe or a printer. An extension that names no format,
/// or another format than `--format`, is a mistake worth saying, not plain text in a .pdf.
fn format_for(
    asked: Option<FormatArg>,
    output: Option<&Path>,
    to_terminal: bool,
) -> Result<FormatArg, Failure> {
    let extension = output
        .and_then(Path::extension)
        .map(|e| e.to_string_lossy().to_lowercase());
    if extension.as_deref() == Some("pdf") {
        return Err(Failure::usage(
            "prepcheck does not write PDF files. To make one, open the sheet in your browser \
             and print it to PDF: prepcheck sheet --open",
        ));
    }
    let named = extension
        .as_deref()
        .map(|ext| EXTENSIONS.iter().find(|(e, _)| *e == ext).map(|(_, f)| *f));
    match (asked, named) {
        (Some(asked), Some(Some(named))) if asked != named => Err(Failure::usage(format!(
            "--format {} does not fit a file ending in .{}; use a name that ends in {}",
            format_name(asked),
            extension.unwrap_or_default(),
            extensions_of(asked)
        ))),
        (Some(asked), _) => Ok(asked),
        (None, Some(Some(named))) => Ok(named),
        (None, Some(None)) => Err(Failure::usage(format!(
            "cannot tell the format of a file ending in .{}: name it .txt, .md, .html or \
             .ics, or give --format text, plain, markdown, html or ics",
            extension.unwrap_or_default()
        ))),
        (None, None) if to_terminal => Ok(FormatArg::Text),
        (None, None) => Ok(FormatArg::Plain),
    }
}

fn format_name(format: FormatArg) -> &'static str {
    match format {
        FormatArg::Text => "text",
        FormatArg::Plain => "plain",
        FormatArg::Markdown => "markdown",
        FormatArg::Html => "html",
        FormatArg::Ics => "ics",
    }
}

/// ".txt", ".md or .markdown", ...: the extensions of a format.
fn extensions_of(format: FormatArg) -> String {
    let names: Vec<String> = EXTENSIONS
        .iter()
        .filter(|(_, f)| *f == format || (format == FormatArg::Text && *f == FormatArg::Plain))
        .map(|(e, _)| format!(".{e}"))
        .collect();
    names.join(" or ")
}

/// Write the HTML sheet beside the answers, readable only by the patient, and open it in the
/// browser (the one `BROWSER` names, else the system's) to print it.
fn open_in_browser(answers: &Path, html: &[u8]) -> Result<(), Failure> {
    let page = store::sheet_page(answers);
    store::write_atomically(&page, html, 0o600)
        .map_err(|e| Failure::error(format!("{}: cannot write: {e}", page.display())))?;
    let absolute = std::path::absolute(&page).unwrap_or_else(|_| page.clone());
    let url = format!("file://{}", absolute.display());
    webbrowser::open(&url).map_err(|e| {
        Failure::error(format!(
            "The sheet is in {}, but no browser could be opened ({e}). Open that file in your \
             browser to print it.",
            page.display()
        ))
    })?;
    say(&format!(
        "The sheet is open in your browser, from {}. Print it from there.",
        page.display()
    ));
    Ok(())
}
