//! What each command does: the shell between the command line and the core.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::answers::Answers;
use crate::checklist::{Checklist, Quote, Unanswered};
use crate::cli::{
    AnswersArgs, Cli, ColorChoice, Command, Format as FormatArg, SheetArgs, WalkArgs,
};
use crate::loader::{Checked, Library, Loaded, Origin};
use crate::sheet::{Format, Sheet, render};
use crate::store::{self, LoadError};
use crate::text::clean;
use crate::walk::{Resume, Saver, Stop, Walk};

/// Why a command did not succeed, and the exit code that says so.
#[derive(Debug)]
pub struct Failure {
    pub message: String,
    pub code: u8,
}

impl Failure {
    /// Exit 1: something is wrong with a file or the answers.
    pub fn error(message: impl Into<String>) -> Self {
        Failure {
            message: message.into(),
            code: 1,
        }
    }

    /// Exit 2: the command cannot be used like this (bad usage, no terminal).
    pub fn usage(message: impl Into<String>) -> Self {
        Failure {
            message: message.into(),
            code: 2,
        }
    }
}

pub fn run(cli: Cli) -> Result<(), Failure> {
    let dir = cli.checklists.as_deref();
    match cli.command {
        Some(Command::Check { paths, sources }) => check(Library::load(dir), &paths, sources),
        Some(Command::List) => list(&Library::load(dir)),
        Some(Command::Sheet(args)) => sheet(&Library::load(dir), &args, cli.color),
        Some(Command::Walk(args)) => walk(&Library::load(dir), &args, cli.color),
        None => {
            let args = WalkArgs {
                target: AnswersArgs {
                    checklist: crate::DEFAULT_CHECKLIST.to_string(),
                    answers: None,
                },
                restart: false,
            };
            walk(&Library::load(dir), &args, cli.color)
        }
    }
}

/// Today's date: the one place it comes from. `PREPCHECK_TODAY` (2026-12-01) sets it for
/// tests and for printing a sheet as of another day.
pub fn today() -> Result<Date, Failure> {
    match std::env::var("PREPCHECK_TODAY") {
        Ok(text) => text.parse().map_err(|_| {
            Failure::usage(format!(
                "PREPCHECK_TODAY must be a date like 2026-12-01, not '{text}'"
            ))
        }),
        Err(_) => Ok(jiff::ZonedDateTime::now().date()),
    }
}

/// Whether to style output for a stream, following --color, NO_COLOR and TERM=dumb.
fn use_colors(choice: ColorChoice, is_terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            is_terminal
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::env::var("TERM").map_or(true, |t| t != "dumb")
        }
    }
}

/// The checklist asked for, and where its answers are kept.
fn target<'l>(
    library: &'l Library,
    args: &AnswersArgs,
) -> Result<(&'l Checklist, PathBuf), Failure> {
    report_library_problems(library)?;
    let loaded = library.find(&args.checklist).ok_or_else(|| {
        Failure::usage(format!(
            "There is no checklist '{}'. Run `prepcheck list` to see them.",
            args.checklist
        ))
    })?;
    let path = match &args.answers {
        Some(path) => path.clone(),
        None => store::default_answers_path(&loaded.content.id).map_err(Failure::error)?,
    };
    Ok((&loaded.content, path))
}

/// Saved answers; a file that cannot be used is reported and left as it is.
fn saved_answers(
    path: &Path,
    checklist: &Checklist,
    how_to_go_on: &str,
) -> Result<Option<Answers>, Failure> {
    match store::load_answers(path, checklist) {
        Ok(answers) => Ok(answers),
        Err(LoadError::Unreadable(why)) => Err(Failure::error(format!("{why}\n{how_to_go_on}"))),
        Err(LoadError::Invalid(problems)) => {
            let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
            Err(Failure::error(format!(
                "{}\nThese answers do not fit checklist '{}'. {how_to_go_on}",
                lines.join("\n"),
                checklist.id
            )))
        }
    }
}

fn sheet(library: &Library, args: &SheetArgs, color: ColorChoice) -> Result<(), Failure> {
    let (checklist, path) = target(library, &args.target)?;
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
    let sheet = Sheet::new(checklist, &answers, today()?);
    let to_terminal = args.output.is_none() && std::io::stdout().is_terminal();
    let format = match args
        .format
        .unwrap_or_else(|| default_format(args.output.as_deref(), to_terminal))
    {
        FormatArg::Text => Format::Text {
            styled: args.output.is_none() && use_colors(color, to_terminal),
            width: terminal_width(),
        },
        FormatArg::Plain => Format::Plain,
        FormatArg::Markdown => Format::Markdown,
        FormatArg::Html => Format::Html,
        FormatArg::Ics => Format::Ics {
            time_zone: jiff::tz::TimeZone::system(),
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

fn terminal_width() -> usize {
    console::Term::stdout()
        .size_checked()
        .map_or(80, |(_, cols)| usize::from(cols).min(80))
}

fn write_stdout(bytes: &[u8]) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        // A closed pipe (`prepcheck sheet | head`) is not a failure of ours.
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Failure::error(e.to_string())),
        _ => Ok(()),
    }
}

struct FileSaver<'a> {
    path: &'a Path,
    checklist: &'a Checklist,
}

impl Saver for FileSaver<'_> {
    fn save(&mut self, answers: &Answers) -> std::io::Result<()> {
        store::save_answers(self.path, answers, self.checklist)
    }
}

fn walk(library: &Library, args: &WalkArgs, color: ColorChoice) -> Result<(), Failure> {
    let (checklist, path) = target(library, &args.target)?;
    // dialoguer draws on stderr and reads keys from the terminal: without one it cannot ask.
    if !std::io::stdin().is_terminal() || !console::Term::stderr().is_term() {
        return Err(Failure::usage(format!(
            "prepcheck walk asks questions, so it needs a terminal (this is not one).\n\
             To print the reminder sheet from saved answers, run:\n  \
             prepcheck sheet --answers {}",
            path.display()
        )));
    }
    let how_to_go_on = format!(
        "Your file was not changed. To go on, use --answers with another file, or run \
         `prepcheck walk {} --restart` (the old file is kept as a backup).",
        checklist.id
    );
    let saved = if args.restart {
        start_over(&path)?;
        None
    } else {
        saved_answers(&path, checklist, &how_to_go_on)?
    };
    stop_cleanly_on_signals(&path, &checklist.id);
    let today = today()?;
    let colors = use_colors(color, true);
    let had_answers = saved.as_ref().is_some_and(|a| !a.is_empty());
    let mut walk = Walk::new(checklist, saved.unwrap_or_default(), today, colors);
    let mut saver = FileSaver {
        path: &path,
        checklist,
    };
    let result = (|| -> Result<(), Stop> {
        if had_answers {
            match walk.ask_resume(&path)? {
                Resume::CarryOn => {}
                Resume::Change => walk.change_one(&mut saver)?,
                Resume::StartOver => {
                    start_over(&path).map_err(|f| Stop::Failed(f.message))?;
                    walk.answers = Answers::default();
                }
            }
        }
        walk.ask_remaining(&mut saver)
    })();
    match result {
        Ok(()) => finish(&walk, &path, colors),
        Err(Stop::Interrupted) => {
            let _ = console::Term::stderr().show_cursor();
            Err(Failure {
                message: stopped_message(&path, &checklist.id),
                code: 130,
            })
        }
        Err(Stop::Failed(why)) => Err(Failure::error(why)),
    }
}

fn stopped_message(path: &Path, id: &str) -> String {
    let again = if id == crate::DEFAULT_CHECKLIST {
        "prepcheck walk".to_string()
    } else {
        format!("prepcheck walk {id}")
    };
    format!(
        "\nStopped. Your answers so far are saved in {}. Run `{again}` to carry on.",
        path.display()
    )
}

fn start_over(path: &Path) -> Result<(), Failure> {
    if path.exists() {
        let now = jiff::ZonedDateTime::now().datetime();
        let backup = store::back_up(path, now).map_err(|e| {
            Failure::error(format!("{}: cannot keep a backup: {e}", path.display()))
        })?;
        eprintln!(
            "Starting over. Your old answers are kept in {}.",
            backup.display()
        );
    }
    Ok(())
}

/// Ctrl-C outside a prompt, a closed terminal (SIGHUP) or SIGTERM: every answer is already
/// saved, so show the cursor again, say how to carry on, and leave.
fn stop_cleanly_on_signals(path: &Path, id: &str) {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let message = stopped_message(path, id);
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGHUP, SIGTERM]) else {
        return;
    };
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            let _ = console::Term::stderr().show_cursor();
            eprintln!("{message}");
            std::process::exit(128 + signal);
        }
    });
}

/// The end of the walk: a short summary, where the answers are, and the sheet.
fn finish(walk: &Walk, path: &Path, colors: bool) -> Result<(), Failure> {
    walk.show_summary(path)
        .map_err(|e| Failure::error(e.to_string()))?;
    let sheet = Sheet::new(walk.checklist, &walk.answers, walk.today);
    let mut bytes = Vec::new();
    let format = Format::Text {
        styled: colors,
        width: terminal_width(),
    };
    render(&sheet, &format, &mut bytes).map_err(|e| Failure::error(e.to_string()))?;
    write_stdout(&bytes)?;
    eprintln!(
        "\nTo print this sheet again: prepcheck sheet {} --answers {}",
        walk.checklist.id,
        path.display()
    );
    Ok(())
}

fn check(mut library: Library, paths: &[PathBuf], sources: bool) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    let fine: Vec<Checked> = if paths.is_empty() {
        let name = |id: String, origin: &Origin| match origin {
            Origin::BuiltIn => format!("{id} (built in)"),
            Origin::File(path) => path.display().to_string(),
        };
        let checklists = library.checklists.iter().map(|l| Checked {
            name: name(l.content.id.clone(), &l.origin),
            summary: l.content.summary(),
            checklist: Some(l.content.clone()),
        });
        let catalogues = library.catalogues.iter().map(|l| Checked {
            name: name(format!("medicines/{}", l.content.id), &l.origin),
            summary: l.content.summary(),
            checklist: None,
        });
        checklists.chain(catalogues).collect()
    } else {
        library.problems.clear();
        library.check_files(paths)
    };
    for checked in &fine {
        let _ = writeln!(out, "ok: {}: {}", checked.name, checked.summary);
        if let (true, Some(checklist)) = (sources, &checked.checklist) {
            let _ = write_sources(&mut out, checklist);
        }
    }
    for problem in &library.problems {
        let _ = writeln!(out, "{problem}");
    }
    match library.problems.len() {
        0 => Ok(()),
        1 => Err(Failure::error("1 problem found")),
        n => Err(Failure::error(format!("{n} problems found"))),
    }
}

/// Every text of a checklist that a patient reads, item by item, with the step or answers it
/// is shown for and the source passage it comes from.
fn write_sources(out: &mut dyn Write, checklist: &Checklist) -> std::io::Result<()> {
    for item in checklist.items() {
        let when = item
            .when
            .as_ref()
            .map(|c| format!(" (when {c})"))
            .unwrap_or_default();
        writeln!(out, "  {}{when}", item.id)?;
        write_traced(out, "text", &item.ask, item.source.as_ref())?;
        if let Some(help) = &item.help {
            write_traced(out, "help", help, item.source.as_ref())?;
        }
        match &item.unanswered {
            Some(Unanswered::Todo(todo)) => {
                write_traced(out, "unanswered", todo, item.source.as_ref())?
            }
            Some(Unanswered::Ask(question)) => {
                write_traced(out, "unanswered ask", question, item.source.as_ref())?
            }
            None => {}
        }
        for line in &item.sheet {
            let source = line.source.as_ref().or(item.source.as_ref());
            write_traced(out, line.place.key(), &line.text, source)?;
        }
    }
    Ok(())
}

fn write_traced(
    out: &mut dyn Write,
    what: &str,
    text: &str,
    source: Option<&Quote>,
) -> std::io::Result<()> {
    writeln!(out, "    {what}: {}", clean(text))?;
    match source {
        Some(quote) => writeln!(
            out,
            "      from {}: \"{}\"",
            clean(&quote.source),
            clean(&quote.text)
        ),
        None => writeln!(out, "      no source: a question, not an instruction"),
    }
}

fn list(library: &Library) -> Result<(), Failure> {
    let mut lines = Vec::new();
    for loaded in &library.checklists {
        lines.extend(listing(loaded, |c| {
            format!("{}\t{}\tversion {}", c.id, c.title, c.version)
        }));
    }
    for loaded in &library.catalogues {
        lines.extend(listing(loaded, |c| {
            let medicines = crate::text::count(c.medicines.len(), "medicine");
            format!(
                "medicines/{}\t{}\tversion {}, {medicines}",
                c.id, c.title, c.version
            )
        }));
    }
    let mut out = std::io::stdout().lock();
    for line in lines {
        let _ = writeln!(out, "{line}");
    }
    report_library_problems(library)
}

/// A loaded file's row for `list`, then the row of the built-in it overrides.
fn listing<T>(loaded: &Loaded<T>, describe: impl Fn(&T) -> String) -> Vec<String> {
    let mut rows = vec![format!("{}\t{}", describe(&loaded.content), loaded.origin)];
    if let Some(old) = &loaded.replaces {
        rows.push(format!(
            "{}\t({}, overridden)",
            describe(&old.content),
            old.origin
        ));
    }
    rows
}

/// Problems in any known checklist stop the commands that use them.
fn report_library_problems(library: &Library) -> Result<(), Failure> {
    if library.problems.is_empty() {
        return Ok(());
    }
    let lines: Vec<String> = library.problems.iter().map(ToString::to_string).collect();
    Err(Failure::error(format!(
        "{}\nRun `prepcheck check` for details once these are fixed.",
        lines.join("\n")
    )))
}
