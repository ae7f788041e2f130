//! `prepcheck walk`: the questions, one at a time, on the terminal or as plain lines for a
//! screen reader; every answer saved at once; the sheet at the end.

use std::path::Path;

use super::{Failure, saved_answers, say, target, write_stdout};
use crate::answers::{Answers, SavedAnswers};
use crate::checklist::Checklist;
use crate::cli::WalkArgs;
use crate::loader::Library;
use crate::settings::Settings;
use crate::sheet::{Format, Sheet, render};
use crate::signals::Signals;
use crate::store;
use crate::walk::lines::LinePrompter;
use crate::walk::terminal::TerminalPrompter;
use crate::walk::{Context, Prompter, Saver, Stop, Walk};

/// Saves to the answers file, and keeps the old file aside to start over.
struct FileSaver<'a> {
    path: &'a Path,
    checklist: &'a Checklist,
    settings: &'a Settings,
}

impl Saver for FileSaver<'_> {
    fn save(&mut self, answers: &Answers) -> std::io::Result<()> {
        store::save_answers(self.path, answers, self.checklist)
    }

    fn start_over(&mut self) -> Result<Option<String>, String> {
        start_over(self.path, self.settings)
    }
}

pub fn walk(library: &Library, args: &WalkArgs, settings: &Settings) -> Result<(), Failure> {
    let (checklist, path) = target(library, &args.target, settings)?;
    let lines = args.screen_reader || settings.screen_reader || settings.dumb_terminal;
    // The terminal screens read keys from the terminal and draw on it; the line mode can
    // read a pipe, so a whole walk can be typed ahead or driven by a test.
    if !lines && (!settings.stdin_is_terminal || !settings.stderr_is_terminal) {
        return Err(Failure::usage(format!(
            "prepcheck walk asks questions, so it needs a terminal (this is not one).\n\
             To type the answers as lines instead, run: prepcheck walk --screen-reader\n\
             To print the reminder sheet from saved answers, run:\n  \
             prepcheck sheet{}",
            answers_option(args, &path)
        )));
    }
    let context = Context {
        saved_in: path.display().to_string(),
        carry_on: carry_on_command(args, checklist, &path),
    };
    let how_to_go_on = format!(
        "Your file was not changed. To go on, use --answers with another file, or run \
         `{} --restart` (the old file is kept as a backup).",
        context.carry_on
    );
    // Before any question: the answers can be saved, no other walk has them open, and
    // what a crash left beside them is gone.
    store::check_can_save(&path).map_err(Failure::error)?;
    let _lock = store::lock(&path).map_err(Failure::error)?;
    store::remove_stale_temp_files(&path)
        .map_err(|e| Failure::error(format!("{}: {e}", path.display())))?;
    let saved = if args.restart {
        if let Some(message) = start_over(&path, settings).map_err(Failure::error)? {
            say(&message);
        }
        None
    } else {
        saved_answers(&path, checklist, &how_to_go_on)?
    };
    let signals =
        Signals::install().map_err(|e| Failure::error(format!("cannot watch for Ctrl-C: {e}")))?;
    let (answers, note) = match saved {
        Some(saved) if saved.is_outdated(checklist) => {
            let note = carry_over(&path, checklist, &saved, settings)?;
            (saved.answers, Some(note))
        }
        Some(saved) => (saved.answers, None),
        None => (Answers::default(), None),
    };
    let mut walk = Walk::new(checklist, answers, settings.today(), context.clone());
    if let Some(note) = note {
        walk.tell(note);
    }
    let mut saver = FileSaver {
        path: &path,
        checklist,
        settings,
    };
    let result = if lines {
        let stdin = std::io::stdin();
        let mut ui = LinePrompter::new(stdin.lock(), Some(0), std::io::stderr(), Some(&signals));
        walk_with(&mut walk, &mut ui, &mut saver)
    } else {
        let mut ui = TerminalPrompter::new(settings.color_stderr, &signals);
        walk_with(&mut walk, &mut ui, &mut saver)
    };
    let stopped = |code: u8, why: &str| Failure {
        message: format!(
            "\n{why}Your answers so far are saved in {}. Run `{}` to carry on.",
            path.display(),
            context.carry_on
        ),
        code,
    };
    match result {
        Ok(()) => finish(&walk, &path, settings),
        Err(Stop::Interrupted) => Err(stopped(130, "Stopped. ")),
        Err(Stop::Signal(signal)) => Err(stopped(
            128u8.saturating_add(u8::try_from(signal).unwrap_or(0)),
            "Stopped. ",
        )),
        Err(Stop::Closed) => Err(stopped(129, "The terminal closed or the input ended. ")),
        Err(Stop::Failed(why)) => Err(Failure::error(why)),
    }
}

/// The walk, then its summary, through one front end.
fn walk_with(walk: &mut Walk, ui: &mut dyn Prompter, saver: &mut dyn Saver) -> Result<(), Stop> {
    walk.run(ui, saver)?;
    ui.say(&walk.summary())
}

/// ` --answers FILE` when the walk was given a file, for the commands it suggests.
fn answers_option(args: &WalkArgs, path: &Path) -> String {
    match &args.target.answers {
        Some(_) => format!(" --answers {}", path.display()),
        None if args.target.checklist != crate::DEFAULT_CHECKLIST => {
            format!(" {}", args.target.checklist)
        }
        None => String::new(),
    }
}

/// The command that carries on this walk later, with the options it was started with.
fn carry_on_command(args: &WalkArgs, checklist: &Checklist, path: &Path) -> String {
    let mut command = String::from("prepcheck");
    let plain = args.target.answers.is_none() && checklist.id == crate::DEFAULT_CHECKLIST;
    if !plain || args.screen_reader {
        command.push_str(" walk");
    }
    if checklist.id != crate::DEFAULT_CHECKLIST {
        command.push(' ');
        command.push_str(&checklist.id);
    }
    if args.target.answers.is_some() {
        command.push_str(&format!(" --answers {}", path.display()));
    }
    if args.screen_reader {
        command.push_str(" --screen-reader");
    }
    command
}

/// Answers saved for another version of the checklist: the file is backed up before anything
/// is saved, and the patient is told what still fits and what to answer again.
fn carry_over(
    path: &Path,
    checklist: &Checklist,
    saved: &SavedAnswers,
    settings: &Settings,
) -> Result<String, Failure> {
    let backup = store::copy_aside(path, settings.now.datetime())
        .map_err(|e| Failure::error(format!("{}: cannot keep a backup: {e}", path.display())))?;
    let again: Vec<String> = saved
        .answers
        .set_aside()
        .keys()
        .filter_map(|id| checklist.item(id))
        .map(|item| format!("\"{}\"", crate::text::clean(&item.ask)))
        .collect();
    let kept = saved.answers.count();
    let mut note = format!(
        "This checklist has changed since your answers were saved. {} still fit.",
        crate::text::count(kept, "answer")
    );
    if !again.is_empty() {
        note.push_str(&format!(
            " Please answer these again: {}.",
            again.join(", ")
        ));
    }
    let gone = saved.answers.set_aside().len() - again.len();
    if gone > 0 {
        note.push_str(&format!(
            " {} belonged to questions that are gone.",
            crate::text::count(gone, "answer")
        ));
    }
    note.push_str(&format!(
        " Your answers as they were are kept in {}.",
        backup.display()
    ));
    Ok(note)
}

/// Keep the old answers aside as a dated backup; says where, or nothing when there were none.
fn start_over(path: &Path, settings: &Settings) -> Result<Option<String>, String> {
    if std::fs::symlink_metadata(path).is_err() {
        return Ok(None);
    }
    let backup = store::back_up(path, settings.now.datetime())
        .map_err(|e| format!("{}: cannot keep a backup: {e}", path.display()))?;
    Ok(Some(format!(
        "Starting over. Your old answers are kept in {}. New answers are saved in {}.",
        backup.display(),
        path.display()
    )))
}

/// The end of the walk: the sheet, and how to print it again.
fn finish(walk: &Walk, path: &Path, settings: &Settings) -> Result<(), Failure> {
    let sheet = Sheet::new(walk.checklist, &walk.answers, settings.today());
    let mut bytes = Vec::new();
    let format = Format::Text {
        styled: settings.color_stdout,
        width: settings.sheet_width(),
    };
    render(&sheet, &format, &mut bytes).map_err(|e| Failure::error(e.to_string()))?;
    write_stdout(&bytes)?;
    say(&format!(
        "\nTo print this sheet again: prepcheck sheet {} --answers {}",
        walk.checklist.id,
        path.display()
    ));
    Ok(())
}
