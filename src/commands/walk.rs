//! `prepcheck walk`: the questions, one at a time, on the terminal or as plain lines for a
//! screen reader; every answer saved at once; the sheet at the end.

use std::path::Path;

use super::saved::{GoOn, IfMissing, Target, io_words, save_words, store_words};
use super::{cannot, say, write_stdout};
use crate::answers::{Answers, SavedAnswers};
use crate::checklist::Checklist;
use crate::cli::WalkArgs;
use crate::exit::{self, Failure};
use crate::i18n::Messages;
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
    signals: &'a Signals,
    m: &'a Messages,
    /// The file as this walk last read or wrote it: another program's change is kept.
    seen: Option<store::Seen>,
}

impl Saver for FileSaver<'_> {
    /// Save, first keeping as a backup a file another program changed since this walk
    /// last read or wrote it (and saying where).
    fn save(&mut self, answers: &Answers) -> Result<Option<String>, String> {
        let why = |e: std::io::Error| io_words(&e, self.m);
        let now = store::seen(self.path).map_err(why)?;
        let mut note = None;
        if now.is_some() && now != self.seen {
            let backup = store::copy_aside(self.path, self.settings.now.datetime()).map_err(why)?;
            note = Some(self.m.with(
                "walk-file-changed",
                &[
                    ("path", self.path.display().to_string().into()),
                    ("backup", backup.display().to_string().into()),
                ],
            ));
        }
        store::save_answers(self.path, answers, self.checklist, self.m.lang())
            .map_err(|e| save_words(&e, self.m))?;
        self.seen = store::seen(self.path).map_err(why)?;
        Ok(note)
    }

    fn start_over(&mut self) -> Result<Option<String>, String> {
        let said = start_over(self.path, self.settings, self.m)?;
        self.seen = None;
        Ok(said)
    }

    fn stop_asked(&self) -> Option<Stop> {
        self.signals.stop().map(Stop::signalled)
    }
}

pub fn walk(
    library: &Library,
    args: &WalkArgs,
    settings: &Settings,
    m: &Messages,
) -> Result<(), Failure> {
    let target = Target::find(library, &args.target, settings)?;
    let (checklist, path) = (&target.checklist, target.path.clone());
    let lines = args.screen_reader || settings.screen_reader || settings.dumb_terminal;
    // The terminal screens read keys from the terminal and draw on it; the line mode can
    // read a pipe, so a whole walk can be typed ahead or driven by a test.
    if !lines && (!settings.stdin_is_terminal || !settings.stderr_is_terminal) {
        return Err(Failure::usage(format!(
            "{}\n{}\n{}\n  prepcheck sheet{}",
            m.get("walk-needs-terminal"),
            m.get("walk-try-lines"),
            m.get("walk-try-sheet"),
            answers_option(args, &path)
        )));
    }
    let context = Context {
        saved_in: path.display().to_string(),
        carry_on: carry_on_command(args, checklist, &path),
        welcome: "walk-welcome",
    };
    // Before any question: the answers can be saved, no other walk has them open, and
    // what a crash left beside them is gone.
    let store_failure = |e| Failure::error(store_words(&e, m));
    store::check_can_save(&path).map_err(store_failure)?;
    let _lock = store::lock(&path).map_err(store_failure)?;
    store::remove_stale_temp_files(&path)
        .map_err(|e| Failure::error(cannot("cannot-delete", &path, &e, m)))?;
    let saved = if args.restart {
        if let Some(message) = start_over(&path, settings, m).map_err(Failure::error)? {
            say(&message);
        }
        None
    } else {
        target.saved(IfMissing::Quiet, GoOn::Walk(&context.carry_on), m)?
    };
    let signals = Signals::install().map_err(|e| {
        Failure::error(m.with("cannot-watch-signals", &[("why", io_words(&e, m).into())]))
    })?;
    let (answers, note) = match saved {
        Some(saved) if saved.is_outdated(checklist) => {
            let note = carry_over(&path, checklist, &saved, settings, m)?;
            (saved.answers, Some(note))
        }
        Some(saved) => (saved.answers, None),
        None => (Answers::default(), None),
    };
    let mut walk = Walk::new(checklist, answers, settings.today(), context.clone(), m);
    if let Some(note) = note {
        walk.tell(note);
    }
    if target.in_english > 0 {
        let total = checklist.texts().len();
        walk.tell_first(m.with(
            "walk-only-in-english",
            &[("count", target.in_english.into()), ("total", total.into())],
        ));
    }
    let mut saver = FileSaver {
        path: &path,
        checklist,
        settings,
        signals: &signals,
        m,
        seen: store::seen(&path)
            .map_err(|e| Failure::error(cannot("cannot-read", &path, &e, m)))?,
    };
    let result = if lines {
        let stdin = std::io::stdin();
        let mut ui = LinePrompter::new(stdin.lock(), Some(0), std::io::stderr(), Some(&signals), m);
        walk_with(&mut walk, &mut ui, &mut saver)
    } else {
        let mut ui = TerminalPrompter::new(settings.color_stderr, &signals, m);
        walk_with(&mut walk, &mut ui, &mut saver)
    };
    // Where the answers are, or that none were saved (stopped on the welcome).
    let stopped = |code: u8, id: &str| {
        let id = if std::fs::metadata(&path).is_ok() {
            id.to_string()
        } else {
            format!("{id}-nothing-saved")
        };
        Failure {
            message: format!(
                "\n{}",
                m.with(
                    &id,
                    &[
                        ("path", path.display().to_string().into()),
                        ("command", context.carry_on.as_str().into()),
                    ],
                )
            ),
            code,
        }
    };
    match result {
        Ok(()) => finish(&walk, &path, settings, m),
        Err(Stop::Interrupted) => Err(stopped(exit::INTERRUPTED, "stopped")),
        Err(Stop::Signal(signal)) => Err(stopped(exit::stopped_by(signal), "stopped")),
        Err(Stop::Closed) => Err(stopped(exit::CLOSED, "closed")),
        Err(Stop::Failed(why)) => Err(Failure::error(why)),
    }
}

/// The walk, then its summary, through one front end.
pub(super) fn walk_with(
    walk: &mut Walk,
    ui: &mut dyn Prompter,
    saver: &mut dyn Saver,
) -> Result<(), Stop> {
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

/// Answers whose file will change by more than the answers given (saved for another version
/// of the checklist, some that do not fit, some that came back, some set aside before left
/// out): the file is backed up before anything is saved, and the patient is told what still
/// fits, what came back, what to answer again and what was left out of the file.
fn carry_over(
    path: &Path,
    checklist: &Checklist,
    saved: &SavedAnswers,
    settings: &Settings,
    m: &Messages,
) -> Result<String, Failure> {
    let backup = store::copy_aside(path, settings.now.datetime())
        .map_err(|e| Failure::error(cannot("cannot-back-up", path, &e, m)))?;
    // The questions of these ids, as the patient reads them.
    let asks = |ids: Vec<&str>| -> Vec<String> {
        ids.into_iter()
            .filter_map(|id| checklist.item(id))
            .map(|item| format!("\"{}\"", crate::text::clean(&item.ask)))
            .collect()
    };
    let answers = &saved.answers;
    let again = asks(
        answers
            .set_aside()
            .filter(|id| answers.get(id).is_none())
            .collect(),
    );
    let back = asks(saved.came_back.iter().map(String::as_str).collect());
    let mut note = Vec::new();
    if saved.version != checklist.version || !saved.set_aside.is_empty() {
        note.push(m.with("walk-changed", &[("kept", saved.answers.count().into())]));
    }
    if !back.is_empty() {
        note.push(m.with(
            "walk-came-back",
            &[
                ("count", back.len().into()),
                ("questions", back.join(", ").into()),
            ],
        ));
    }
    if !again.is_empty() {
        note.push(m.with(
            "walk-answer-again",
            &[("questions", again.join(", ").into())],
        ));
    }
    let gone = saved
        .answers
        .set_aside()
        .filter(|id| checklist.item(id).is_none())
        .count();
    if gone > 0 {
        note.push(m.with("walk-gone", &[("gone", gone.into())]));
    }
    if saved.replaced > 0 {
        note.push(m.with("walk-replaced", &[("count", saved.replaced.into())]));
    }
    if saved.dropped > 0 {
        note.push(m.with("walk-left-out", &[("count", saved.dropped.into())]));
    }
    note.push(m.with(
        "walk-kept-in",
        &[("path", backup.display().to_string().into())],
    ));
    Ok(note.join(" "))
}

/// Keep the old answers aside as a dated backup; says where, or nothing when there were none.
fn start_over(path: &Path, settings: &Settings, m: &Messages) -> Result<Option<String>, String> {
    if std::fs::symlink_metadata(path).is_err() {
        return Ok(None);
    }
    let backup = store::back_up(path, settings.now.datetime())
        .map_err(|e| cannot("cannot-back-up", path, &e, m))?;
    Ok(Some(m.with(
        "walk-starting-over",
        &[
            ("backup", backup.display().to_string().into()),
            ("path", path.display().to_string().into()),
        ],
    )))
}

/// The end of the walk: the sheet, and how to print it again.
fn finish(walk: &Walk, path: &Path, settings: &Settings, m: &Messages) -> Result<(), Failure> {
    let sheet = Sheet::new(walk.checklist, &walk.answers, settings.today(), m);
    let mut bytes = Vec::new();
    let format = Format::Text {
        styled: settings.color_stdout,
        width: settings.sheet_width(),
    };
    render(&sheet, &format, m, &mut bytes).map_err(|e| Failure::error(e.to_string()))?;
    write_stdout(&bytes, settings)?;
    let again = m.with(
        "print-again",
        &[
            ("checklist", walk.checklist.id.as_str().into()),
            ("path", path.display().to_string().into()),
        ],
    );
    say(&format!("\n{again}"));
    Ok(())
}
