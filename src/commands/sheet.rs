//! `prepcheck sheet`: the reminder sheet from the saved answers, in any format.

use std::path::Path;

use super::saved::{GoOn, IfMissing, Missing, Target};
use super::{cannot, report_set_aside, say, write_output};
use crate::answers::Answers;
use crate::cli::{Format as FormatArg, SheetArgs};
use crate::exit::Failure;
use crate::i18n::Messages;
use crate::loader::Library;
use crate::settings::Settings;
use crate::sheet::{Format, Sheet, render};
use crate::store;

/// No answers saved: the blank sheet, said on standard error. A path the patient typed that
/// is not there is a mistake, not a blank sheet.
const IF_MISSING: IfMissing = IfMissing::Say(Missing {
    default: "blank-sheet",
    named: "no-such-answers",
});

pub fn sheet(
    library: &Library,
    args: &SheetArgs,
    settings: &Settings,
    m: &Messages,
) -> Result<(), Failure> {
    let target = Target::find(library, &args.target, settings)?;
    let (checklist, path) = (&target.checklist, &target.path);
    let answers = match target.saved(IF_MISSING, GoOn::NotChanged, m)? {
        Some(saved) => {
            report_set_aside(path, &saved, m);
            saved.answers
        }
        None => Answers::default(),
    };
    let mut sheet = Sheet::new(checklist, &answers, settings.today(), m);
    sheet.diary = calendar_reminders(path);
    let to_terminal = args.output.is_none() && !args.open && settings.stdout_is_terminal;
    let chosen = if args.open {
        FormatArg::Html
    } else {
        format_for(args.format, args.output.as_deref(), to_terminal, m)?
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
    render(&sheet, &format, m, &mut bytes).map_err(|e| Failure::error(e.to_string()))?;
    if args.open {
        return open_in_browser(path, &bytes, settings, m);
    }
    write_output(args.output.as_deref(), &bytes, 0o600, path, settings)
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
pub(super) fn format_for(
    asked: Option<FormatArg>,
    output: Option<&Path>,
    to_terminal: bool,
    m: &Messages,
) -> Result<FormatArg, Failure> {
    let extension = output
        .and_then(Path::extension)
        .map(|e| e.to_string_lossy().to_lowercase());
    if extension.as_deref() == Some("pdf") {
        return Err(Failure::usage(m.get("no-pdf")));
    }
    let named = extension
        .as_deref()
        .map(|ext| EXTENSIONS.iter().find(|(e, _)| *e == ext).map(|(_, f)| *f));
    match (asked, named) {
        (Some(asked), Some(Some(named))) if asked != named => Err(Failure::usage(m.with(
            "format-mismatch",
            &[
                ("format", format_name(asked).into()),
                ("extension", extension.unwrap_or_default().into()),
                ("extensions", extensions_of(asked).into()),
            ],
        ))),
        (Some(asked), _) => Ok(asked),
        (None, Some(Some(named))) => Ok(named),
        (None, Some(None)) => Err(Failure::usage(m.with(
            "format-unknown",
            &[("extension", extension.unwrap_or_default().into())],
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
fn open_in_browser(
    answers: &Path,
    html: &[u8],
    settings: &Settings,
    m: &Messages,
) -> Result<(), Failure> {
    let page = store::sheet_page(answers);
    store::write_atomically(&page, html, 0o600)
        .map_err(|e| Failure::error(cannot("cannot-write", &page, &e, m)))?;
    let absolute = std::path::absolute(&page).unwrap_or_else(|_| page.clone());
    let shown = ("path", page.display().to_string().into());
    crate::browser::open(&absolute, settings.browser.as_deref()).map_err(|e| {
        Failure::error(m.with(
            "sheet-open-failed",
            &[shown.clone(), ("why", super::saved::io_words(&e, m).into())],
        ))
    })?;
    say(&m.with("sheet-open", &[shown]));
    Ok(())
}

/// The diary's reminders for the calendar: each day of the trial, when its dates are known.
pub fn calendar_reminders(answers: &Path) -> Option<crate::sheet::DiaryReminders> {
    let diary = store::load_diary(&store::diary_path(answers)).ok()??;
    let trial = diary.trial?;
    Some(crate::sheet::DiaryReminders {
        first: trial.start,
        last: trial.end,
        times: diary.reminder_times(),
    })
}
