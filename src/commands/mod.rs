//! What each command does: the shell between the command line and the core. Each command
//! gets the settings read at start-up and does its own files and output.

mod answers;
mod check;
mod copy;
mod diary;
mod export;
mod import;
mod list;
mod saved;
mod sheet;
mod translate;
mod walk;

use std::io::Write;
use std::path::Path;
use std::rc::Rc;

use crate::answers::SavedAnswers;
use crate::checklist::Checklist;
use crate::cli::{AnswersArgs, Cli, Command, ExportCommand, ImportCommand, Shell, WalkArgs};
use crate::exit::Failure;
use crate::i18n::{Lang, Messages};
use crate::loader::Library;
use crate::settings::Settings;

pub fn run(cli: Cli, settings: &Settings) -> Result<(), Failure> {
    // Never dropped, as the library below: the process ends after the command.
    let m = &std::mem::ManuallyDrop::new(Messages::new(settings.lang));
    // With no command, prepcheck walks the built-in checklist.
    let command = cli.command.unwrap_or_else(|| {
        Command::Walk(WalkArgs {
            target: AnswersArgs {
                checklist: crate::DEFAULT_CHECKLIST.to_string(),
                answers: None,
            },
            restart: false,
            screen_reader: false,
        })
    });
    // These two need no checklist.
    match command {
        Command::Completions { shell } => return completions(shell, settings),
        Command::Man => return man_page(settings),
        Command::Copy { checklist, dir } => return copy::copy(&checklist, &dir, m),
        _ => {}
    }
    // Read once, for the whole command; `check` reads every file in full.
    let checking = matches!(command, Command::Check { .. });
    // Never dropped: the process ends after the command, and the system frees its memory at
    // once, where freeing it piece by piece took 5% of a sheet's instructions.
    let library = std::mem::ManuallyDrop::new(Library::load(cli.checklists.as_deref(), checking));
    match command {
        Command::Check {
            paths,
            sources,
            strict,
        } => check::check(
            std::mem::ManuallyDrop::into_inner(library),
            &paths,
            sources,
            strict,
            settings,
            m,
        ),
        Command::List => list::list(&library, settings, m),
        Command::Diary(args) => diary::diary(&library, &args, settings, m),
        Command::Sheet(args) => sheet::sheet(&library, &args, settings, m),
        Command::Walk(args) => walk::walk(&library, &args, settings, m),
        Command::Answers(args) => answers::answers(&library, &args, settings, m),
        Command::Forget(args) => answers::forget(&library, &args, settings, m),
        Command::Translate { checklist, update } => {
            translate::translate(&library, &checklist, update.as_deref(), settings, m)
        }
        Command::Export(ExportCommand::Questionnaire(args)) => {
            export::questionnaire(&library, &args, settings, m)
        }
        Command::Export(ExportCommand::Response(args)) => {
            export::response(&library, &args, settings, m)
        }
        Command::Import(ImportCommand::Response(args)) => {
            import::response(&library, &args, settings, m)
        }
        Command::Export(ExportCommand::Diary(args)) => export::diary(&library, &args, settings, m),
        Command::Completions { .. } | Command::Man | Command::Copy { .. } => Ok(()),
    }
}

/// Shell completions, from the same clap definition as the commands.
fn completions(shell: Shell, settings: &Settings) -> Result<(), Failure> {
    use clap::CommandFactory;
    use clap_complete::Shell as Target;
    let target = match shell {
        Shell::Bash => Target::Bash,
        Shell::Zsh => Target::Zsh,
        Shell::Fish => Target::Fish,
    };
    let mut bytes = Vec::new();
    clap_complete::generate(target, &mut Cli::command(), "prepcheck", &mut bytes);
    write_stdout(&bytes, settings)
}

/// The manual page, from the same clap definition as the commands.
fn man_page(settings: &Settings) -> Result<(), Failure> {
    use clap::CommandFactory;
    let mut bytes = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut bytes)
        .map_err(|e| Failure::error(e.to_string()))?;
    write_stdout(&bytes, settings)
}

/// The checklist with this id in `lang` (translated when a translation is there); problems in
/// any known checklist, or in the translation, stop the command first.
fn find_checklist(library: &Library, id: &str, lang: Lang) -> Result<Rc<Checklist>, Failure> {
    find_checklist_in(library, id, lang).map(|(checklist, _)| checklist)
}

/// `find_checklist`, and how many of its texts are left in English in `lang`.
fn find_checklist_in(
    library: &Library,
    id: &str,
    lang: Lang,
) -> Result<(Rc<Checklist>, usize), Failure> {
    let m = &Messages::new(lang);
    report_library_problems(library, m)?;
    library
        .checklist_in(id, lang)
        .map_err(|problems| {
            let lines: Vec<String> = problems.iter().map(|p| p.words(m)).collect();
            Failure::error(lines.join("\n"))
        })?
        .ok_or_else(|| no_such_checklist(id, m))
}

/// "There is no checklist 'X'. Run `prepcheck list` to see them."
fn no_such_checklist(id: &str, m: &Messages) -> Failure {
    Failure::usage(m.with("no-such-checklist", &[("id", id.into())]))
}

/// "PATH: cannot write: WHY", in the patient's language.
fn cannot(id: &str, path: &Path, error: &std::io::Error, m: &Messages) -> String {
    m.with(
        id,
        &[
            ("path", path.display().to_string().into()),
            ("why", saved::io_words(error, m).into()),
        ],
    )
}

/// A line on standard error that cannot fail the command: a closed stream says nothing.
pub fn say(text: &str) {
    let _ = writeln!(std::io::stderr(), "{text}");
}

/// What answers set aside say on standard error: which, why, and that they are kept.
fn report_set_aside(path: &Path, saved: &SavedAnswers, m: &Messages) {
    if saved.set_aside.is_empty() {
        return;
    }
    let lines: Vec<String> = (saved.set_aside.iter())
        .map(|unfit| saved::unfit_words(unfit, m))
        .collect();
    let summary = m.with(
        "set-aside",
        &[
            ("count", saved.set_aside.len().into()),
            ("path", path.display().to_string().into()),
        ],
    );
    say(&format!("{}\n{summary}", lines.join("\n")));
}

/// Write an output: to the file named with `--output` (never over `answers`, the answers
/// file the command read, nor over any other answers, a pipe or a device), else to
/// standard output (`/dev/stdout` too).
fn write_output(
    file: Option<&Path>,
    bytes: &[u8],
    mode: u32,
    answers: &Path,
    settings: &Settings,
) -> Result<(), Failure> {
    let m = &Messages::new(settings.lang);
    match file {
        Some(file) if !crate::store::is_stdout(file) => {
            crate::store::write_output(file, bytes, mode, answers)
                .map_err(|e| Failure::error(saved::store_words(&e, m)))
        }
        _ => write_stdout(bytes, settings),
    }
}

/// Write to standard output; a pipe closed by its reader (`prepcheck sheet | head`) is not
/// a failure, but a full disk or a standard output closed before prepcheck started is.
fn write_stdout(bytes: &[u8], settings: &Settings) -> Result<(), Failure> {
    let m = || Messages::new(settings.lang);
    if settings.stdout_closed {
        return Err(Failure::error(m().get("stdout-closed")));
    }
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            let m = m();
            let why = saved::io_words(&e, &m);
            Err(Failure::error(
                m.with("stdout-failed", &[("why", why.into())]),
            ))
        }
        _ => Ok(()),
    }
}

/// Problems in any known checklist stop the commands that use them.
fn report_library_problems(library: &Library, m: &Messages) -> Result<(), Failure> {
    if !crate::problem::any_error(&library.problems) {
        return Ok(());
    }
    Err(problems_failure(&library.problems, m))
}

/// Problems that stop a command, in the reader's language, and what to run next.
fn problems_failure(problems: &[crate::problem::Problem], m: &Messages) -> Failure {
    let lines: Vec<String> = problems.iter().map(|p| p.words(m)).collect();
    Failure::error(format!("{}\n{}", lines.join("\n"), m.get("run-check")))
}
