//! What each command does: the shell between the command line and the core. Each command
//! gets the settings read at start-up and does its own files and output.

mod answers;
mod check;
mod export;
mod list;
mod sheet;
mod translate;
mod walk;

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::answers::SavedAnswers;
use crate::checklist::Checklist;
use crate::cli::{AnswersArgs, Cli, Command, ExportCommand, Shell, WalkArgs};
use crate::exit::Failure;
use crate::i18n::{Lang, Messages};
use crate::loader::Library;
use crate::settings::Settings;
use crate::store::{self, LoadError};

pub fn run(cli: Cli, settings: &Settings) -> Result<(), Failure> {
    let dir = cli.checklists.as_deref();
    let m = &Messages::new(settings.lang);
    match cli.command {
        Some(Command::Check {
            paths,
            sources,
            strict,
        }) => check::check(Library::load(dir, true), &paths, sources, strict),
        Some(Command::List) => list::list(&Library::load(dir, false)),
        Some(Command::Sheet(args)) => sheet::sheet(&Library::load(dir, false), &args, settings, m),
        Some(Command::Walk(args)) => walk::walk(&Library::load(dir, false), &args, settings, m),
        Some(Command::Answers(args)) => {
            answers::answers(&Library::load(dir, false), &args, settings, m)
        }
        Some(Command::Forget(args)) => {
            answers::forget(&Library::load(dir, false), &args, settings, m)
        }
        Some(Command::Translate { checklist, update }) => translate::translate(
            &Library::load(dir, false),
            &checklist,
            update.as_deref(),
            settings,
        ),
        Some(Command::Export(ExportCommand::Questionnaire(args))) => {
            export::questionnaire(&Library::load(dir, false), &args, settings, m)
        }
        Some(Command::Export(ExportCommand::Response(args))) => {
            export::response(&Library::load(dir, false), &args, settings, m)
        }
        Some(Command::Completions { shell }) => completions(shell),
        Some(Command::Man) => man_page(),
        None => {
            let args = WalkArgs {
                target: AnswersArgs {
                    checklist: crate::DEFAULT_CHECKLIST.to_string(),
                    answers: None,
                },
                restart: false,
                screen_reader: false,
            };
            walk::walk(&Library::load(dir, false), &args, settings, m)
        }
    }
}

/// Shell completions, from the same clap definition as the commands.
fn completions(shell: Shell) -> Result<(), Failure> {
    use clap::CommandFactory;
    use clap_complete::Shell as Target;
    let target = match shell {
        Shell::Bash => Target::Bash,
        Shell::Zsh => Target::Zsh,
        Shell::Fish => Target::Fish,
    };
    let mut bytes = Vec::new();
    clap_complete::generate(target, &mut Cli::command(), "prepcheck", &mut bytes);
    write_stdout(&bytes)
}

/// The manual page, from the same clap definition as the commands.
fn man_page() -> Result<(), Failure> {
    use clap::CommandFactory;
    let mut bytes = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut bytes)
        .map_err(|e| Failure::error(e.to_string()))?;
    write_stdout(&bytes)
}

/// The checklist asked for, in the patient's language when it has a translation, and where
/// its answers are kept.
fn target(
    library: &Library,
    args: &AnswersArgs,
    settings: &Settings,
) -> Result<(Checklist, PathBuf), Failure> {
    let checklist = find_checklist(library, &args.checklist, settings.lang)?;
    let path = match &args.answers {
        Some(path) => path.clone(),
        None => {
            store::default_answers_path(&settings.home, &checklist.id).map_err(Failure::error)?
        }
    };
    Ok((checklist, path))
}

/// The checklist with this id in `lang` (translated when a translation is there); problems in
/// any known checklist, or in the translation, stop the command first.
fn find_checklist(library: &Library, id: &str, lang: Lang) -> Result<Checklist, Failure> {
    report_library_problems(library)?;
    library
        .checklist(id, lang)
        .map_err(|problems| {
            let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
            Failure::error(lines.join("\n"))
        })?
        .ok_or_else(|| {
            Failure::usage(format!(
                "There is no checklist '{id}'. Run `prepcheck list` to see them."
            ))
        })
}

/// Saved answers; a file that cannot be used is reported and left as it is.
fn saved_answers(
    path: &Path,
    checklist: &Checklist,
    how_to_go_on: &str,
    m: &Messages,
) -> Result<Option<SavedAnswers>, Failure> {
    match store::load_answers(path, checklist) {
        Ok(answers) => Ok(answers),
        Err(LoadError::Unreadable(why)) => Err(Failure::error(format!("{why}\n{how_to_go_on}"))),
        Err(LoadError::Invalid(problems)) => {
            let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
            let fit = m.with(
                "answers-do-not-fit",
                &[("checklist", checklist.id.as_str().into())],
            );
            Err(Failure::error(format!(
                "{}\n{fit} {how_to_go_on}",
                lines.join("\n")
            )))
        }
    }
}

/// "PATH: cannot write: WHY", in the patient's language (the reason is the system's).
fn cannot(id: &str, path: &Path, error: &std::io::Error, m: &Messages) -> String {
    m.with(
        id,
        &[
            ("path", path.display().to_string().into()),
            ("why", error.to_string().into()),
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
    let lines: Vec<String> = saved.set_aside.iter().map(ToString::to_string).collect();
    let summary = m.with(
        "set-aside",
        &[
            ("count", saved.set_aside.len().into()),
            ("path", path.display().to_string().into()),
        ],
    );
    say(&format!("{}\n{summary}", lines.join("\n")));
}

/// Write to standard output; a closed pipe (`prepcheck sheet | head`) is not a failure.
fn write_stdout(bytes: &[u8]) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Failure::error(e.to_string())),
        _ => Ok(()),
    }
}

/// Problems in any known checklist stop the commands that use them.
fn report_library_problems(library: &Library) -> Result<(), Failure> {
    if !crate::problem::any_error(&library.problems) {
        return Ok(());
    }
    let lines: Vec<String> = library.problems.iter().map(ToString::to_string).collect();
    Err(Failure::error(format!(
        "{}\nRun `prepcheck check` for details once these are fixed.",
        lines.join("\n")
    )))
}
