//! `prepcheck diary`: log a pain score in seconds, list, correct and delete entries, say the
//! trial's dates, and show the figures. The diary is kept beside the answers file, saved as
//! the answers are (0600, atomic, under a lock); the figures and their words are the core's
//! (`crate::diary`).

use std::path::{Path, PathBuf};

use super::saved::{Target, store_words};
use super::{say, write_stdout};
use crate::answers::{Answer, SavedAnswers};
use crate::checklist::Role;
use crate::cli::{AnswersArgs, DiaryAction, DiaryArgs, DiaryPlace, Format};
use crate::diary::questions::Ask;
use crate::diary::show::Look;
use crate::diary::{At, Diary, Entry, MAX_NOTE_CHARS, Score, Trial};
use crate::exit::Failure;
use crate::i18n::Messages;
use crate::loader::Library;
use crate::settings::Settings;
use crate::store;
use crate::text::clean;

/// The diary's file and the answers it is kept beside.
pub struct Place {
    pub target: Target,
    pub path: PathBuf,
}

impl Place {
    pub fn find(
        library: &Library,
        place: &DiaryPlace,
        settings: &Settings,
    ) -> Result<Place, Failure> {
        let args = AnswersArgs {
            checklist: crate::DEFAULT_CHECKLIST.to_string(),
            answers: place.answers.clone(),
        };
        let target = Target::find(library, &args, settings)?;
        let path = store::diary_path(&target.path);
        Ok(Place { target, path })
    }

    /// The saved diary (empty when there is none yet); entries set aside are said.
    pub fn load(&self, m: &Messages) -> Result<Diary, Failure> {
        let diary = store::load_diary(&self.path)
            .map_err(|e| {
                Failure::error(format!(
                    "{}\n{}",
                    store_words(&e, m),
                    m.get("file-not-changed")
                ))
            })?
            .unwrap_or_default();
        if !diary.set_aside.is_empty() {
            say(&m.with(
                "diary-set-aside",
                &[
                    ("count", diary.set_aside.len().into()),
                    ("path", self.path.display().to_string().into()),
                ],
            ));
        }
        Ok(diary)
    }

    /// Read, change and save the diary under its lock: whole or not at all.
    fn change<T>(
        &self,
        m: &Messages,
        change: impl FnOnce(&mut Diary) -> Result<T, Failure>,
    ) -> Result<T, Failure> {
        let store_failure = |e: store::StoreError| Failure::error(store_words(&e, m));
        store::check_can_save(&self.path).map_err(store_failure)?;
        let _lock = store::lock(&self.path).map_err(store_failure)?;
        // What a save stopped by a crash left beside the diary.
        store::remove_stale_temp_files(&self.path)
            .map_err(|e| Failure::error(super::cannot("cannot-delete", &self.path, &e, m)))?;
        let mut diary = self.load(m)?;
        let result = change(&mut diary)?;
        store::save_diary(&self.path, &diary).map_err(store_failure)?;
        Ok(result)
    }

    /// The answers the diary is kept beside, if they can be read: for the trial's start and
    /// the patient's name.
    pub fn answers(&self, m: &Messages) -> Option<SavedAnswers> {
        let quiet = super::saved::IfMissing::Quiet;
        self.target
            .saved(quiet, super::saved::GoOn::NotChanged, m)
            .ok()
            .flatten()
    }

    /// The command `prepcheck diary WORDS` for this diary.
    fn command(&self, words: &str) -> String {
        self.target.command(&format!("diary {words}"))
    }
}

pub fn diary(
    library: &Library,
    args: &DiaryArgs,
    settings: &Settings,
    m: &Messages,
) -> Result<(), Failure> {
    let place = Place::find(library, &args.place, settings)?;
    match (&args.action, &args.score) {
        (Some(DiaryAction::List), _) => list(&place, settings, m),
        (Some(DiaryAction::Show { format, output }), _) => {
            show(&place, *format, output.as_deref(), settings, m)
        }
        (
            Some(DiaryAction::Edit {
                number,
                score,
                note,
            }),
            _,
        ) => edit(&place, *number, score, note.as_deref(), settings, m),
        (Some(DiaryAction::Delete { number }), _) => delete(&place, *number, settings, m),
        (Some(DiaryAction::Trial { start, end }), _) => trial(&place, start, end, settings, m),
        (Some(DiaryAction::Reminders { times }), _) => reminders(&place, times, settings, m),
        (None, Some(score)) => {
            let entry = typed_entry(score, args.note.as_deref(), settings, m)?;
            log(&place, entry, settings, m)
        }
        (None, None) => ask(&place, args.screen_reader, settings, m),
    }
}

/// A score and a note as typed on the command line, at the settings' clock.
fn typed_entry(
    score: &str,
    note: Option<&str>,
    settings: &Settings,
    m: &Messages,
) -> Result<Entry, Failure> {
    let mut entry = Entry::new(At::of(&settings.now), score_of(score, m)?);
    entry.note = note_of(note, m)?;
    Ok(entry)
}

fn score_of(typed: &str, m: &Messages) -> Result<Score, Failure> {
    Score::parse(typed).ok_or_else(|| {
        Failure::usage(m.with("diary-score-wrong", &[("typed", clean(typed).into())]))
    })
}

/// A note within `MAX_NOTE_CHARS`; an empty one is none.
pub fn note_of(note: Option<&str>, m: &Messages) -> Result<Option<String>, Failure> {
    let Some(note) = note.map(str::trim).filter(|n| !n.is_empty()) else {
        return Ok(None);
    };
    let count = note.chars().count();
    if count > MAX_NOTE_CHARS {
        return Err(Failure::usage(m.with(
            "diary-note-too-long",
            &[("count", count.into()), ("most", MAX_NOTE_CHARS.into())],
        )));
    }
    Ok(Some(note.to_string()))
}

/// Save an entry, and say what was saved, with the medication statement.
pub fn log(place: &Place, entry: Entry, settings: &Settings, m: &Messages) -> Result<(), Failure> {
    let shown = entry_words(&entry, m);
    let trial = place.change(m, |diary| {
        diary.add(entry).map_err(|_| {
            Failure::error(m.with("diary-full", &[("most", crate::diary::MAX_ENTRIES.into())]))
        })?;
        Ok(diary.trial)
    })?;
    let mut lines = vec![m.with("diary-saved", &[("entry", shown.into())])];
    if trial.is_none() {
        lines.push(ask_trial(place, m));
    }
    lines.push(m.get("medication-statement"));
    write_stdout(format!("{}\n", lines.join("\n\n")).as_bytes(), settings)
}

/// "Monday, December 14, 8:00 AM: 6 out of 10 (walked to the mailbox)".
pub fn entry_words(entry: &Entry, m: &Messages) -> String {
    let when = m.with(
        "diary-when",
        &[
            ("day", m.day(entry.at.date()).into()),
            ("time", m.time(entry.at.local.time()).into()),
        ],
    );
    let mut words = m.with(
        "diary-entry",
        &[
            ("when", when.into()),
            ("score", i64::from(entry.score.value()).into()),
        ],
    );
    let texts: Vec<String> = entry.texts().map(clean).collect();
    if !texts.is_empty() {
        words.push_str(&format!(" ({})", texts.join("; ")));
    }
    words
}

/// The trial's dates are not known: ask for them once, with the start from the answers
/// when they name a trial and its day.
fn ask_trial(place: &Place, m: &Messages) -> String {
    let start = place
        .answers(m)
        .and_then(|saved| trial_start(&place.target.checklist, &saved));
    match start {
        Some(start) => m.with(
            "diary-trial-from-answers",
            &[
                ("start", m.date(start).into()),
                (
                    "command",
                    place.command(&format!("trial {start} END")).into(),
                ),
            ],
        ),
        None => m.with(
            "diary-trial-ask",
            &[("command", place.command("trial START END").into())],
        ),
    }
}

/// The day of the trial, when the answers say the step is the trial and name its day.
pub fn trial_start(
    checklist: &crate::checklist::Checklist,
    saved: &SavedAnswers,
) -> Option<jiff::civil::Date> {
    let answer = |role| {
        checklist
            .with_role(role)
            .and_then(|item| saved.answers.get(&item.id))
    };
    match (answer(Role::Step), answer(Role::ProcedureDate)) {
        (Some(Answer::Choice(step)), Some(Answer::Date(date))) if step == "trial" => Some(*date),
        _ => None,
    }
}

/// Every entry, numbered, and the medication statement.
fn list(place: &Place, settings: &Settings, m: &Messages) -> Result<(), Failure> {
    let diary = place.load(m)?;
    let mut lines = Vec::new();
    if diary.entries.is_empty() {
        lines.push(m.with("diary-empty", &[("command", place.command("6").into())]));
    }
    for (n, entry) in diary.entries.iter().enumerate() {
        lines.push(format!("{:>3}. {}", n + 1, entry_words(entry, m)));
    }
    lines.push(String::new());
    lines.push(m.get("medication-statement"));
    write_stdout(format!("{}\n", lines.join("\n")).as_bytes(), settings)
}

fn no_entry(number: usize, diary: &Diary, place: &Place, m: &Messages) -> Failure {
    Failure::usage(m.with(
        "diary-no-entry",
        &[
            ("number", number.into()),
            ("count", diary.entries.len().into()),
            ("command", place.command("list").into()),
        ],
    ))
}

fn edit(
    place: &Place,
    number: usize,
    score: &str,
    note: Option<&str>,
    settings: &Settings,
    m: &Messages,
) -> Result<(), Failure> {
    let score = score_of(score, m)?;
    let note = note_of(note, m)?;
    let shown = place.change(m, |diary| {
        let missing = no_entry(number, diary, place, m);
        let entry = diary.entry_mut(number).ok_or(missing)?;
        entry.score = score;
        if note.is_some() {
            entry.note = note;
        }
        Ok(entry_words(entry, m))
    })?;
    let said = m.with(
        "diary-edited",
        &[("number", number.into()), ("entry", shown.into())],
    );
    say_with_statement(&said, settings, m)
}

fn delete(place: &Place, number: usize, settings: &Settings, m: &Messages) -> Result<(), Failure> {
    let shown = place.change(m, |diary| {
        let missing = no_entry(number, diary, place, m);
        diary
            .remove(number)
            .map(|e| entry_words(&e, m))
            .ok_or(missing)
    })?;
    let said = m.with(
        "diary-deleted",
        &[("number", number.into()), ("entry", shown.into())],
    );
    say_with_statement(&said, settings, m)
}

/// Save the trial's dates, typed as people write them.
fn trial(
    place: &Place,
    start: &str,
    end: &str,
    settings: &Settings,
    m: &Messages,
) -> Result<(), Failure> {
    let order = crate::entry::DayOrder::of(m.lang());
    let day = |typed: &str| {
        crate::entry::date(typed, settings.today(), order)
            .map(crate::entry::Reading::first)
            .map_err(|_| {
                Failure::usage(m.with("diary-date-wrong", &[("typed", clean(typed).into())]))
            })
    };
    let (start, end) = (day(start)?, day(end)?);
    let trial =
        Trial::new(start, end).ok_or_else(|| Failure::usage(m.get("diary-trial-ends-first")))?;
    place.change(m, |diary| {
        diary.trial = Some(trial);
        Ok(())
    })?;
    let said = m.with(
        "diary-trial-saved",
        &[("start", m.date(start).into()), ("end", m.date(end).into())],
    );
    say_with_statement(&said, settings, m)
}

/// Each day's figures and the averages, with the medication statement, in the format
/// asked for (as the sheet's: `--format`, else `--output`'s extension, else the terminal's).
fn show(
    place: &Place,
    format: Option<Format>,
    output: Option<&Path>,
    settings: &Settings,
    m: &Messages,
) -> Result<(), Failure> {
    let diary = place.load(m)?;
    let to_terminal = output.is_none() && settings.stdout_is_terminal;
    let chosen = super::sheet::format_for(format, output, to_terminal, m)?;
    let look = match chosen {
        _ if settings.screen_reader && output.is_none() => Look::ScreenReader,
        Format::Text => Look::Text {
            width: settings.sheet_width(),
        },
        Format::Plain => Look::Plain,
        Format::Markdown => Look::Markdown,
        Format::Html => {
            let page = crate::diary::page::page(&diary, m);
            return super::write_output(output, page.as_bytes(), 0o600, &place.path, settings);
        }
        Format::Ics => return Err(Failure::usage(m.get("diary-no-such-format"))),
    };
    let text = crate::diary::show::show(&diary, look, m);
    super::write_output(output, text.as_bytes(), 0o600, &place.path, settings)
}

/// Save the times of the diary's reminders, typed as people write them ("8", "2:30 pm").
fn reminders(
    place: &Place,
    typed: &[String],
    settings: &Settings,
    m: &Messages,
) -> Result<(), Failure> {
    let mut times = Vec::new();
    for text in typed {
        let time = crate::entry::time(text)
            .map(crate::entry::Reading::first)
            .ok_or_else(|| {
                Failure::usage(m.with("diary-time-wrong", &[("typed", clean(text).into())]))
            })?;
        times.push(time);
    }
    times.sort();
    times.dedup();
    place.change(m, |diary| {
        diary.times = Some(times.clone());
        Ok(())
    })?;
    let words: Vec<String> = times.iter().map(|t| m.time(*t)).collect();
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let said = m.with(
        "diary-reminders-saved",
        &[("times", m.and_list(&words).into())],
    );
    say_with_statement(&said, settings, m)
}

/// Saves the diary's entry after each answer of the walk: the score first, then what the
/// patient wrote, then the trial's dates if asked, each time whole (the diary is locked for
/// the walk).
struct EntrySaver<'a> {
    place: &'a Place,
    diary: Diary,
    asks: Ask,
    at: At,
    signals: &'a crate::signals::Signals,
    m: &'a Messages,
}

impl crate::walk::Saver for EntrySaver<'_> {
    fn save(&mut self, answers: &crate::answers::Answers) -> Result<Option<String>, String> {
        let Some(entry) = crate::diary::questions::entry_of(answers, self.at) else {
            return Ok(None);
        };
        let mut diary = self.diary.clone();
        diary.entries.retain(|e| e.at != self.at);
        let m = self.m;
        let full = |_| m.with("diary-full", &[("most", crate::diary::MAX_ENTRIES.into())]);
        diary.add(entry).map_err(full)?;
        if let Some(trial) = crate::diary::questions::trial_of(answers, self.asks) {
            diary.trial = Some(trial);
        }
        store::save_diary(&self.place.path, &diary).map_err(|e| store_words(&e, m))?;
        self.diary = diary;
        Ok(None)
    }

    fn start_over(&mut self) -> Result<Option<String>, String> {
        Ok(None)
    }

    fn stop_asked(&self) -> Option<crate::walk::Stop> {
        self.signals.stop().map(crate::walk::Stop::signalled)
    }
}

/// With no score: the diary's questions, one at a time, through the walk's engine and the
/// same two front ends (the screens, or plain lines for a screen reader or a pipe).
fn ask(
    place: &Place,
    screen_reader: bool,
    settings: &Settings,
    m: &Messages,
) -> Result<(), Failure> {
    use crate::walk::{Context, Stop, Walk};
    let lines = screen_reader || settings.screen_reader || settings.dumb_terminal;
    if !lines && (!settings.stdin_is_terminal || !settings.stderr_is_terminal) {
        return Err(Failure::usage(m.with(
            "diary-score-needed",
            &[("command", place.command("6").into())],
        )));
    }
    let store_failure = |e| Failure::error(store_words(&e, m));
    store::check_can_save(&place.path).map_err(store_failure)?;
    let _lock = store::lock(&place.path).map_err(store_failure)?;
    store::remove_stale_temp_files(&place.path)
        .map_err(|e| Failure::error(super::cannot("cannot-delete", &place.path, &e, m)))?;
    let diary = place.load(m)?;
    // The trial's dates are asked once, in the walk, while the diary does not know them.
    let asks = match diary.trial {
        Some(_) => Ask::Entry,
        None => Ask::Trial {
            start: place
                .answers(m)
                .and_then(|saved| trial_start(&place.target.checklist, &saved)),
        },
    };
    let checklist = crate::diary::questions::checklist(asks, m)
        .ok_or_else(|| Failure::error("the diary's questions cannot be read"))?;
    let signals = crate::signals::Signals::install().map_err(|e| {
        Failure::error(m.with(
            "cannot-watch-signals",
            &[("why", super::saved::io_words(&e, m).into())],
        ))
    })?;
    let context = Context {
        saved_in: place.path.display().to_string(),
        carry_on: place.command("").trim_end().to_string(),
        welcome: "diary-welcome",
    };
    let answers = crate::answers::Answers::default();
    let mut walk = Walk::new(&checklist, answers, settings.today(), context, m);
    let mut saver = EntrySaver {
        place,
        diary,
        asks,
        at: At::of(&settings.now),
        signals: &signals,
        m,
    };
    let result = if lines {
        let stdin = std::io::stdin();
        let mut ui = crate::walk::lines::LinePrompter::new(
            stdin.lock(),
            Some(0),
            std::io::stderr(),
            Some(&signals),
            m,
        );
        super::walk::walk_with(&mut walk, &mut ui, &mut saver)
    } else {
        let mut ui =
            crate::walk::terminal::TerminalPrompter::new(settings.color_stderr, &signals, m);
        super::walk::walk_with(&mut walk, &mut ui, &mut saver)
    };
    let stopped = |code| Failure {
        message: String::new(),
        code,
    };
    match result {
        Ok(()) => Ok(()),
        Err(Stop::Interrupted) => Err(stopped(crate::exit::INTERRUPTED)),
        Err(Stop::Signal(signal)) => Err(stopped(crate::exit::stopped_by(signal))),
        Err(Stop::Closed) => Err(stopped(crate::exit::CLOSED)),
        Err(Stop::Failed(why)) => Err(Failure::error(why)),
    }
}

/// A line about the diary, then the medication statement: on every diary screen, since
/// patients on a trial often change pain medicines.
fn say_with_statement(said: &str, settings: &Settings, m: &Messages) -> Result<(), Failure> {
    let statement = m.get("medication-statement");
    write_stdout(format!("{said}\n\n{statement}\n").as_bytes(), settings)
}
