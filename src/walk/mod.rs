//! The walk: one plain question at a time, each answer saved at once. This engine decides
//! which question comes next, going back, saving, resuming, what a changed answer makes
//! obsolete or asks again, and reads back what typed text was taken as before it is kept.
//! The front ends (`terminal`, `lines`) only show screens and read answers, so the walk is
//! tested here without a terminal.

pub mod lines;
mod medicines;
mod prompter;
pub mod terminal;
pub(crate) mod understand;

use std::collections::HashMap;

use jiff::civil::{Date, Time};

pub use prompter::{Check, Found, Picked, Picker, Prompter, Reply, Screen, Stop, Tone};

use crate::answers::{
    Answer, Answers, MAX_TEXT_CHARS, MAX_TYPED_MEDICINES, MedicineAnswer, answer_in_words,
    checked_from_the_start,
};
use crate::checklist::{Checklist, Condition, Item, Kind, MedicineList, Place, Role};
use crate::entry::{self, DateProblem, DayOrder, Reading};
use crate::i18n::Messages;
use crate::text::clean;
use fluent_bundle::FluentValue;
use medicines::{Pick, Picks};

/// Where the answers go, as the walk needs it: saving each, and starting over.
pub trait Saver {
    /// Save the answers; `Some` is something to tell the patient (what was kept aside).
    /// `Err` says why they could not be saved, in the patient's words.
    fn save(&mut self, answers: &Answers) -> Result<Option<String>, String>;
    /// Keep the old answers aside and start a new file; returns what to tell the patient.
    fn start_over(&mut self) -> Result<Option<String>, String>;
    /// A stop asked for while an answer was being saved (a signal): the walk ends right
    /// after the save, before another screen is drawn.
    fn stop_asked(&self) -> Option<Stop> {
        None
    }
}

/// What the screens say about the shell around the walk.
#[derive(Debug, Clone)]
pub struct Context {
    /// Where the answers are saved, as the patient should read it.
    pub saved_in: String,
    /// The command that carries on later, with the options this walk was started with.
    pub carry_on: String,
    /// The catalogue id of the welcome's words (`walk-welcome`: then a sheet to print; the
    /// diary's: a minute, no sheet). It takes `$questions` and `$minutes`.
    pub welcome: &'static str,
}

pub struct Walk<'c> {
    pub checklist: &'c Checklist,
    pub answers: Answers,
    today: Date,
    context: Context,
    /// The words of the screens, in the patient's language.
    m: &'c Messages,
    /// Said on the next screen: what the last answer was taken as, or what changed.
    note: Option<String>,
    /// Said on the first screen, in the patient's language, when a translation leaves some
    /// texts in English: the patient is told before meeting one.
    only_in_english: Option<String>,
    /// Answered questions to ask again: the answers that hung on a changed date or step.
    /// (A list left before it was done is marked in the answers, so a later walk asks it
    /// again too.)
    again: Vec<String>,
}

/// What the patient wants when saved answers exist.
enum Resume {
    CarryOn,
    Change,
    StartOver,
}

/// Whether a question applies: surely, maybe (it hangs on an answer not given yet), or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Applies {
    No,
    Maybe,
    Yes,
}

impl<'c> Walk<'c> {
    pub fn new(
        checklist: &'c Checklist,
        answers: Answers,
        today: Date,
        context: Context,
        m: &'c Messages,
    ) -> Self {
        Walk {
            checklist,
            answers,
            today,
            context,
            m,
            note: None,
            only_in_english: None,
            again: Vec::new(),
        }
    }

    /// Something to tell the patient on the next screen (what changed since the last walk).
    pub fn tell(&mut self, note: String) {
        self.note = Some(note);
    }

    /// Something to tell on the first screen, whether a new walk or one carried on: that
    /// some texts are only in English.
    pub fn tell_first(&mut self, note: String) {
        self.only_in_english = Some(note);
    }

    /// The whole walk: a welcome for a new one, the resume menu for saved answers, then
    /// every question that applies and has no answer yet.
    pub fn run(&mut self, ui: &mut dyn Prompter, saver: &mut dyn Saver) -> Result<(), Stop> {
        if self.answers.is_empty() {
            let welcome = self.welcome();
            ui.read(&welcome)?;
        } else {
            self.resume(ui, saver)?;
        }
        self.ask_from(ui, saver, self.next_to_ask())
    }

    /// Ask `first`, then every question still to answer; "back" goes to the question before.
    fn ask_from(
        &mut self,
        ui: &mut dyn Prompter,
        saver: &mut dyn Saver,
        first: Option<&'c Item>,
    ) -> Result<(), Stop> {
        let mut current = first;
        while let Some(item) = current {
            current = match self.ask(ui, saver, item)? {
                Reply::Answer(answer) => {
                    self.keep(item, answer, saver)?;
                    self.next_to_ask()
                }
                Reply::Back => Some(self.previous(item).unwrap_or(item)),
            };
        }
        Ok(())
    }

    /// The first question that applies and has no answer, or is to be asked again.
    fn next_to_ask(&self) -> Option<&'c Item> {
        let applicable = self.answers.applicable(self.checklist);
        let place = |item: &Item| applicable.iter().position(|i| i.id == item.id);
        let again = applicable
            .iter()
            .position(|i| self.again.contains(&i.id) || self.answers.is_unfinished(&i.id));
        let unanswered = self.answers.next_unanswered(self.checklist).and_then(place);
        again
            .into_iter()
            .chain(unanswered)
            .min()
            .map(|at| applicable[at])
    }

    /// The question before `item` among those that apply.
    fn previous(&self, item: &Item) -> Option<&'c Item> {
        let applicable = self.answers.applicable(self.checklist);
        let at = applicable.iter().position(|i| i.id == item.id)?;
        at.checked_sub(1).map(|before| applicable[before])
    }

    /// Keep a finished answer; a new date or step asks again for what hung on it.
    fn keep(&mut self, item: &Item, answer: Answer, saver: &mut dyn Saver) -> Result<(), Stop> {
        let before = self.answers.get(&item.id).cloned();
        let changed = before.as_ref().is_some_and(|b| *b != answer);
        self.answers.mark_finished(&item.id);
        self.save(item, Some(answer), saver)?;
        self.again.retain(|id| *id != item.id);
        if changed && matches!(item.role, Some(Role::ProcedureDate | Role::Step)) {
            self.check_again();
        }
        Ok(())
    }

    /// After a new date or step: the arrival time and the ride, when answered, are asked
    /// again with their answers shown, to keep or change.
    fn check_again(&mut self) {
        let hung: Vec<&'c Item> = self
            .answers
            .applicable(self.checklist)
            .into_iter()
            .filter(|i| {
                i.role == Some(Role::ArrivalTime) || i.sheet.iter().any(|l| l.place == Place::Ride)
            })
            .filter(|i| self.answers.get(&i.id).is_some())
            .collect();
        if hung.is_empty() {
            return;
        }
        for item in &hung {
            if !self.again.contains(&item.id) {
                self.again.push(item.id.clone());
            }
        }
        let questions: Vec<String> = hung
            .iter()
            .map(|i| format!("\"{}\"", clean(&i.ask)))
            .collect();
        let note = self.m.with(
            "walk-check-again",
            &[("questions", questions.join(", ").into())],
        );
        self.add_note(note);
    }

    fn add_note(&mut self, note: String) {
        self.note = Some(match self.note.take() {
            Some(before) => format!("{before} {note}"),
            None => note,
        });
    }

    /// Save an answer (or take it back, with `None`), and drop the answers of questions it
    /// makes obsolete.
    fn save(
        &mut self,
        item: &Item,
        answer: Option<Answer>,
        saver: &mut dyn Saver,
    ) -> Result<(), Stop> {
        match answer {
            Some(answer) => self.answers.set(&item.id, answer),
            None => self.answers.remove(&item.id),
        }
        let kept = self.answers.only_applicable(self.checklist);
        let dropped: Vec<String> = self
            .checklist
            .items()
            .filter(|i| self.answers.get(&i.id).is_some() && kept.get(&i.id).is_none())
            .map(|i| format!("\"{}\"", clean(&i.ask)))
            .collect();
        let said = saver.save(&kept).map_err(|why| {
            Stop::Failed(self.m.with(
                "walk-could-not-save",
                &[
                    ("path", self.context.saved_in.as_str().into()),
                    ("why", why.into()),
                ],
            ))
        })?;
        if let Some(note) = said {
            self.add_note(note);
        }
        self.answers = kept;
        if !dropped.is_empty() {
            let note = self
                .m
                .with("walk-dropped", &[("questions", dropped.join(", ").into())]);
            self.add_note(note);
        }
        match saver.stop_asked() {
            Some(stop) => Err(stop),
            None => Ok(()),
        }
    }

    /// Save a list's ticks as they are made, marked unfinished: the list is asked again
    /// (by this walk or a later one) until it is done.
    fn save_unfinished(
        &mut self,
        item: &Item,
        answer: Option<MedicineAnswer>,
        saver: &mut dyn Saver,
    ) -> Result<(), Stop> {
        self.answers.mark_unfinished(&item.id);
        self.save(item, answer.map(Answer::Medicines), saver)
    }

    /// The questions that apply, and whether more may follow (questions that hang on
    /// answers not given yet): the count the patient is told never grows unannounced.
    fn outlook(&self) -> (Vec<&'c Item>, bool) {
        let mut applies: HashMap<&str, Applies> = HashMap::new();
        for item in self.checklist.items() {
            let now = item
                .when
                .as_ref()
                .map_or(Applies::Yes, |c| self.may_hold(c, &applies));
            applies.insert(&item.id, now);
        }
        let more = applies.values().any(|a| *a == Applies::Maybe);
        (self.answers.applicable(self.checklist), more)
    }

    fn may_hold(&self, condition: &Condition, applies: &HashMap<&str, Applies>) -> Applies {
        match condition {
            Condition::Is { item, values } => match applies.get(item.as_str()) {
                Some(Applies::Yes) => match self.answers.get(item) {
                    Some(answer) if answer.is_one_of(values) => Applies::Yes,
                    Some(_) => Applies::No,
                    None => Applies::Maybe,
                },
                Some(Applies::Maybe) => Applies::Maybe,
                _ => Applies::No,
            },
            Condition::Any(parts) => parts
                .iter()
                .map(|c| self.may_hold(c, applies))
                .max()
                .unwrap_or(Applies::No),
            Condition::All(parts) => parts
                .iter()
                .map(|c| self.may_hold(c, applies))
                .min()
                .unwrap_or(Applies::Yes),
        }
    }

    /// The first screen of a new walk: what this is, how long, where answers go, the keys.
    fn welcome(&mut self) -> Screen {
        let (applicable, more) = self.outlook();
        let questions = applicable.len();
        // About half a minute a question, rounded up to five minutes.
        let minutes = (questions.div_ceil(2)).div_ceil(5).max(1) * 5;
        let mut screen = Screen::default();
        if let Some(note) = self.note.take() {
            screen = screen.with(Tone::Note, note);
        }
        if let Some(note) = &self.only_in_english {
            screen = screen.with(Tone::Note, note.clone());
        }
        let m = self.m;
        let how_many = m.with(
            "walk-questions",
            &[("questions", questions.into()), ("more", yes_or_no(more))],
        );
        screen
            .with(Tone::Question, clean(&self.checklist.title))
            .with(
                Tone::Plain,
                m.with(
                    self.context.welcome,
                    &[("questions", how_many.into()), ("minutes", minutes.into())],
                ),
            )
            .with(
                Tone::Plain,
                m.with(
                    "walk-saved-in",
                    &[("path", self.context.saved_in.as_str().into())],
                ),
            )
            .with(
                Tone::Plain,
                m.with(
                    "walk-how-to-stop",
                    &[("command", self.context.carry_on.as_str().into())],
                ),
            )
            .with(Tone::Important, m.get("medication-statement"))
    }
    /// What to do with saved answers: carry on, change one, or start over.
    fn resume(&mut self, ui: &mut dyn Prompter, saver: &mut dyn Saver) -> Result<(), Stop> {
        loop {
            let left = self.next_to_ask().is_some();
            let first = if left {
                "walk-carry-on"
            } else {
                "walk-see-sheet"
            };
            let options = [
                (first, Resume::CarryOn),
                ("walk-change", Resume::Change),
                ("walk-start-over", Resume::StartOver),
            ];
            let labels: Vec<String> = options.iter().map(|(id, _)| self.m.get(id)).collect();
            let mut screen = Screen::default()
                .with(
                    Tone::Progress,
                    self.m.with(
                        "walk-saved-answers",
                        &[("path", self.context.saved_in.as_str().into())],
                    ),
                )
                .with(Tone::Question, self.m.get("walk-what-now"));
            if let Some(note) = self.note.take() {
                screen = screen.with(Tone::Note, note);
            }
            if let Some(note) = &self.only_in_english {
                screen = screen.with(Tone::Note, note.clone());
            }
            let Reply::Answer(picked) = ui.one(&screen, &labels, Some(0))? else {
                continue;
            };
            match options[picked].1 {
                Resume::CarryOn => return Ok(()),
                Resume::Change => {
                    if self.change(ui, saver)? {
                        return Ok(());
                    }
                }
                Resume::StartOver => {
                    self.note = saver.start_over().map_err(Stop::Failed)?;
                    self.answers = Answers::default();
                    let welcome = self.welcome();
                    return ui.read(&welcome).map(drop);
                }
            }
        }
    }

    /// Pick an answered question and answer it again; `false` when the patient went back.
    fn change(&mut self, ui: &mut dyn Prompter, saver: &mut dyn Saver) -> Result<bool, Stop> {
        let answered: Vec<&'c Item> = self
            .answers
            .applicable(self.checklist)
            .into_iter()
            .filter(|i| self.answers.get(&i.id).is_some() && !matches!(i.kind, Kind::Info))
            .collect();
        let labels: Vec<String> = answered
            .iter()
            .map(|item| format!("{}  ({})", clean(&item.ask), self.in_words(item)))
            .collect();
        if labels.is_empty() {
            return Ok(true);
        }
        // The list names the medicines given, so it carries the statement too.
        let screen = Screen {
            can_go_back: true,
            ..Screen::default()
        }
        .with(Tone::Important, self.m.get("medication-statement"))
        .with(Tone::Question, self.m.get("walk-which-change"));
        match ui.one(&screen, &labels, Some(0))? {
            Reply::Answer(picked) => {
                self.ask_from(ui, saver, Some(answered[picked]))?;
                Ok(true)
            }
            Reply::Back => Ok(false),
        }
    }

    /// The current answer of an item, in words.
    fn in_words(&self, item: &Item) -> String {
        match self.answers.get(&item.id) {
            Some(answer) => clean(&answer_in_words(item, answer, self.m)),
            None => self.m.get("answer-not-given"),
        }
    }

    /// The screen of a question: where it is in the walk, the statement on medicine
    /// screens, the question, its help, and what the last answer was taken as.
    fn screen(&mut self, item: &Item) -> Screen {
        let (applicable, more) = self.outlook();
        let at = applicable.iter().position(|i| i.id == item.id).unwrap_or(0);
        let section = self
            .checklist
            .section_of(&item.id)
            .map(|s| clean(&s.title))
            .unwrap_or_default();
        let mut screen = Screen {
            current: self.answers.get(&item.id).map(|_| self.in_words(item)),
            can_go_back: at > 0,
            ..Screen::default()
        }
        .with(
            Tone::Progress,
            self.m.with(
                "walk-progress",
                &[
                    ("number", (at + 1).into()),
                    ("total", applicable.len().into()),
                    ("more", yes_or_no(more)),
                    ("section", section.into()),
                ],
            ),
        );
        if let Some(note) = self.note.take() {
            screen = screen.with(Tone::Note, note);
        }
        if item.about_medicines {
            screen = screen.with(Tone::Important, self.m.get("medication-statement"));
        }
        screen = screen.with(Tone::Question, clean(&item.ask));
        if let Some(help) = &item.help {
            screen = screen.with(Tone::Plain, clean(help));
        }
        if matches!(item.kind, Kind::Info) {
            // What the sheet will say of this step, or ask for the patient, is read here first.
            for line in &item.sheet {
                if matches!(line.place, Place::Expect | Place::Ask) {
                    screen = screen.with(Tone::Bullet, clean(&line.text));
                }
            }
        }
        screen
    }

    /// A screen that follows another within one question (a read-back, a choice between
    /// two readings): its progress line, the statement when it speaks of medicines, and
    /// the question.
    fn follow_up(&self, screen: &Screen, question: String, medicines: bool) -> Screen {
        let mut follow = Screen {
            can_go_back: true,
            ..Screen::default()
        }
        .with(Tone::Progress, progress_of(screen));
        if medicines {
            follow = follow.with(Tone::Important, self.m.get("medication-statement"));
        }
        follow.with(Tone::Question, question)
    }

    /// Ask one question; the answer is checked, and kept by the caller (a list saves each
    /// tick itself).
    fn ask(
        &mut self,
        ui: &mut dyn Prompter,
        saver: &mut dyn Saver,
        item: &'c Item,
    ) -> Result<Reply<Answer>, Stop> {
        let screen = self.screen(item);
        let current = self.answers.get(&item.id).cloned();
        Ok(match &item.kind {
            Kind::YesNo => {
                let now = match current {
                    Some(Answer::YesNo(yes)) => Some(yes),
                    _ => None,
                };
                ui.yes_no(&screen, now)?.map(Answer::YesNo)
            }
            Kind::OneChoice(choices) => {
                let labels: Vec<String> = choices.iter().map(|c| clean(&c.label)).collect();
                let now = match &current {
                    Some(Answer::Choice(id)) => choices.iter().position(|c| c.id == *id),
                    _ => None,
                };
                ui.one(&screen, &labels, now)?
                    .map(|i| Answer::Choice(choices[i].id.clone()))
            }
            Kind::SeveralChoices(choices) => {
                let labels: Vec<String> = choices.iter().map(|c| clean(&c.label)).collect();
                // Not answered yet: the choices checked from the start are ticked.
                let now = current.or_else(|| checked_from_the_start(item));
                let ticked: Vec<bool> = choices
                    .iter()
                    .map(|c| {
                        now.as_ref()
                            .is_some_and(|a| a.is_one_of(std::slice::from_ref(&c.id)))
                    })
                    .collect();
                ui.several(&screen, &labels, &ticked)?.map(|picked| {
                    Answer::Choices(picked.into_iter().map(|i| choices[i].id.clone()).collect())
                })
            }
            Kind::Medicines(list) => {
                let before = match current {
                    Some(Answer::Medicines(before)) => Some(before),
                    _ => None,
                };
                self.medicines(ui, saver, &screen, item, list, before)?
            }
            Kind::Text | Kind::Phone => self.typed(ui, screen, item, current)?,
            Kind::Time => self.time(ui, screen, current)?,
            Kind::Date => self.date(ui, screen, item, current)?,
            Kind::Info => ui.read(&screen)?.map(|()| Answer::Seen),
        })
    }

    /// A typed answer: text or a phone number; blank means "not known yet".
    fn typed(
        &mut self,
        ui: &mut dyn Prompter,
        screen: Screen,
        item: &Item,
        current: Option<Answer>,
    ) -> Result<Reply<Answer>, Stop> {
        let m = self.m;
        let hint = match (&item.kind, item.role) {
            (_, Some(Role::PatientName)) => "walk-hint-name",
            (Kind::Phone, _) => "walk-hint-phone",
            _ => "walk-hint-text",
        };
        let screen = screen.with(Tone::Plain, m.get(hint));
        let now = match &current {
            Some(Answer::Text(text) | Answer::Phone(text)) => Some(text.clone()),
            _ => None,
        };
        let is_phone = matches!(item.kind, Kind::Phone);
        let check = |text: &str| {
            if is_phone && !entry::is_phone(text) {
                Err(m.with("entry-not-a-phone", &[("typed", text.trim().into())]))
            } else {
                Ok(())
            }
        };
        let Reply::Answer(text) = ui.text(&screen, now.as_deref(), &self.checked(&check))? else {
            return Ok(Reply::Back);
        };
        let text = clean(text.trim());
        Ok(Reply::Answer(if text.is_empty() {
            Answer::NotKnown
        } else if is_phone {
            Answer::Phone(text)
        } else {
            Answer::Text(text)
        }))
    }

    /// A time, read back in words ("7:30 in the morning. Is that right?") before it is
    /// taken; from 1:00 to 6:59 without morning or afternoon, the patient says which.
    fn time(
        &mut self,
        ui: &mut dyn Prompter,
        screen: Screen,
        current: Option<Answer>,
    ) -> Result<Reply<Answer>, Stop> {
        let m = self.m;
        let screen = screen.with(Tone::Plain, m.get("walk-hint-time"));
        let check = |text: &str| match entry::time(text) {
            Some(_) => Ok(()),
            None => Err(m.with("entry-not-a-time", &[("typed", text.trim().into())])),
        };
        let now = match current {
            Some(Answer::Time(time)) => Some((m.time(time), time)),
            _ => None,
        };
        let mut typed = now.as_ref().map(|(words, _)| words.clone());
        loop {
            let Reply::Answer(text) = ui.text(&screen, typed.as_deref(), &self.checked(&check))?
            else {
                return Ok(Reply::Back);
            };
            let text = clean(text.trim());
            // Kept as it was: nothing new to read back.
            if let Some((words, time)) = &now
                && *words == text
            {
                return Ok(Reply::Answer(Answer::Time(*time)));
            }
            let Some(reading) = entry::time(&text) else {
                return Ok(Reply::Answer(Answer::NotKnown));
            };
            let words = |time: Time| time_in_words(m, time);
            let which = m.get("walk-which-time");
            if let Some(time) = self.read_back(ui, &screen, reading, words, which)? {
                self.note = Some(m.with("walk-saved-as", &[("answer", words(time).into())]));
                return Ok(Reply::Answer(Answer::Time(time)));
            }
            typed = Some(text);
        }
    }

    /// A date, read back in words with how far it is ("Thursday, December 3, 2026 (in 8
    /// days). Is that right?") before it is taken; "next Thursday" within six days asks
    /// which one. Numbers are read day or month first as the patient's language writes them.
    fn date(
        &mut self,
        ui: &mut dyn Prompter,
        screen: Screen,
        item: &Item,
        current: Option<Answer>,
    ) -> Result<Reply<Answer>, Stop> {
        let (today, m) = (self.today, self.m);
        let order = DayOrder::of(m.lang());
        let is_procedure = item.role == Some(Role::ProcedureDate);
        let read = move |text: &str| {
            if is_procedure {
                entry::procedure_date(text, today, order)
            } else {
                entry::date(text, today, order)
            }
        };
        let screen = screen.with(Tone::Plain, m.get("walk-hint-date"));
        let now = match current {
            Some(Answer::Date(date)) => Some((m.date(date), date)),
            _ => None,
        };
        let mut typed = now.as_ref().map(|(words, _)| words.clone());
        // What to tell the patient when a date cannot be taken: what works, in their words.
        let check = |text: &str| match read(text) {
            Ok(_) => Ok(()),
            Err(DateProblem::Empty) => Err(m.get("entry-no-date")),
            Err(DateProblem::Unreadable) => Err(m.with(
                "entry-not-a-date",
                &[("typed", FluentValue::from(text.trim()))],
            )),
            Err(DateProblem::Past(date)) => {
                Err(m.with("entry-past", &[("date", m.date(date).into())]))
            }
        };
        loop {
            let Reply::Answer(text) = ui.text(&screen, typed.as_deref(), &self.checked(&check))?
            else {
                return Ok(Reply::Back);
            };
            let text = clean(text.trim());
            if let Some((words, date)) = &now
                && *words == text
            {
                return Ok(Reply::Answer(Answer::Date(*date)));
            }
            let Ok(reading) = read(&text) else {
                return Ok(Reply::Answer(Answer::NotKnown));
            };
            let words = |date: Date| {
                let away = m.days_away((date - today).get_days().into());
                m.with(
                    "sheet-when-date",
                    &[("date", m.date(date).into()), ("away", away.into())],
                )
            };
            let weekday = m.get(&format!(
                "weekday-{}",
                reading.first().weekday().to_monday_one_offset()
            ));
            let which = m.with("walk-which-day", &[("weekday", weekday.into())]);
            let picked = self.read_back(ui, &screen, reading, words, which)?;
            if let Some(date) = picked {
                return Ok(Reply::Answer(Answer::Date(date)));
            }
            typed = Some(text);
        }
    }

    /// What typed text was taken as, for the patient to confirm before it is kept: one
    /// reading is read back for a yes or no, two are offered to choose from (`which`).
    /// `None`: the patient types it again.
    fn read_back<T: Copy>(
        &mut self,
        ui: &mut dyn Prompter,
        screen: &Screen,
        reading: Reading<T>,
        words: impl Fn(T) -> String,
        which: String,
    ) -> Result<Option<T>, Stop> {
        Ok(match reading {
            Reading::One(value) => {
                let question = self
                    .m
                    .with("walk-is-that-right", &[("answer", words(value).into())]);
                let ask = self.follow_up(screen, question, false);
                (ui.yes_no(&ask, None)? == Reply::Answer(true)).then_some(value)
            }
            Reading::Either(first, second) => {
                let ask = self.follow_up(screen, which, false);
                match ui.one(&ask, &[words(first), words(second)], None)? {
                    Reply::Answer(0) => Some(first),
                    Reply::Answer(_) => Some(second),
                    Reply::Back => None,
                }
            }
        })
    }

    /// A medicine list: each tick and each name typed on it is saved as it is made (the
    /// list is asked again until it is done); a line of numbers and names is read back
    /// before it is saved; done with nothing ticked asks once whether the patient takes
    /// none of these, as an Enter alone never means "none".
    fn medicines(
        &mut self,
        ui: &mut dyn Prompter,
        saver: &mut dyn Saver,
        screen: &Screen,
        item: &'c Item,
        list: &'c MedicineList,
        before: Option<MedicineAnswer>,
    ) -> Result<Reply<Answer>, Stop> {
        let m = self.m;
        let mut picks = Picks::new(list, before.as_ref(), m);
        loop {
            let mut filling = Filling {
                picks: &mut picks,
                walk: self,
                saver,
                item,
            };
            let picked = ui.medicines(screen, &mut filling)?;
            match picked {
                Reply::Back => return Ok(Reply::Back),
                Reply::Answer(Picked::Done) => {}
                Reply::Answer(Picked::Line(line)) => {
                    let Ok(understood) = picks.understand(&line) else {
                        continue;
                    };
                    let question = if understood == [Pick::None] {
                        m.get("walk-none-of-these")
                    } else {
                        let named = picks.in_words(&understood);
                        m.with("walk-you-take", &[("medicines", named.into())])
                    };
                    let ask = self.follow_up(screen, question, true);
                    if ui.yes_no(&ask, None)? != Reply::Answer(true) {
                        continue;
                    }
                    if let Err(why) = picks.set(&understood) {
                        self.note = Some(why);
                        continue;
                    }
                }
            }
            if let Some(answer) = picks.answer() {
                return Ok(Reply::Answer(Answer::Medicines(answer)));
            }
            let ask = self.follow_up(screen, m.get("walk-none-of-these"), true);
            if ui.yes_no(&ask, None)? == Reply::Answer(true) {
                return Ok(Reply::Answer(Answer::Medicines(MedicineAnswer::default())));
            }
        }
    }

    /// A check that lets blank through ("not known yet") and holds every answer to the
    /// length any answer may have.
    fn checked<'a>(
        &self,
        check: &'a dyn Fn(&str) -> Result<(), String>,
    ) -> impl Fn(&str) -> Result<(), String> + 'a
    where
        'c: 'a,
    {
        let m = self.m;
        move |text: &str| {
            if text.trim().is_empty() {
                Ok(())
            } else if text.trim().chars().count() > MAX_TEXT_CHARS {
                Err(m.with("walk-too-long", &[("limit", MAX_TEXT_CHARS.into())]))
            } else {
                check(text)
            }
        }
    }

    /// Every answer that applies, one per line, and where they are kept: for the end. It
    /// names the medicines given, so it carries the statement too.
    pub fn summary(&self) -> Vec<(Tone, String)> {
        let mut lines = vec![
            (Tone::Question, self.m.get("walk-all-done")),
            (Tone::Important, self.m.get("medication-statement")),
        ];
        for item in self.answers.applicable(self.checklist) {
            if !matches!(item.kind, Kind::Info) {
                let line = format!("{}  {}", clean(&item.ask), self.in_words(item));
                lines.push((Tone::Bullet, line));
            }
        }
        lines.push((
            Tone::Plain,
            self.m.with(
                "walk-they-are-saved",
                &[("path", self.context.saved_in.as_str().into())],
            ),
        ));
        lines
    }
}

/// A medicine list being filled in on a front end: every change is saved at once.
struct Filling<'p, 'c> {
    picks: &'p mut Picks<'c>,
    walk: &'p mut Walk<'c>,
    saver: &'p mut dyn Saver,
    item: &'c Item,
}

impl Filling<'_, '_> {
    fn save(&mut self) -> Result<(), Stop> {
        let answer = self.picks.answer();
        self.walk.save_unfinished(self.item, answer, self.saver)
    }

    /// Save after a change, or say why it could not be made.
    fn saved(&mut self, change: Result<(), String>) -> Result<Option<String>, Stop> {
        match change {
            Ok(()) => self.save().map(|()| None),
            Err(why) => Ok(Some(why)),
        }
    }
}

impl Picker for Filling<'_, '_> {
    fn rows(&self) -> Vec<(String, bool)> {
        self.picks.rows()
    }

    fn find(&self, typed: &str) -> Found {
        let (rows, offers) = self.picks.find(typed);
        Found {
            rows,
            offers: offers.iter().map(|o| self.picks.offer_label(o)).collect(),
        }
    }

    fn toggle(&mut self, row: usize) -> Result<Option<String>, Stop> {
        let change = self.picks.toggle(row);
        self.saved(change)
    }

    fn tick(&mut self, row: usize) -> Result<Option<String>, Stop> {
        let change = self.picks.tick(row);
        self.saved(change)
    }

    fn add(&mut self, typed: &str, offer: usize) -> Result<Result<usize, String>, Stop> {
        let (_, offers) = self.picks.find(typed);
        let Some(offer) = offers.into_iter().nth(offer) else {
            return Ok(Err(String::new()));
        };
        match self.picks.add(offer) {
            Ok(row) => self.save().map(|()| Ok(row)),
            Err(why) => Ok(Err(why)),
        }
    }

    fn check(&self, line: &str) -> Result<(), String> {
        self.picks.understand(line).map(drop)
    }
}

/// The progress line of a screen, for the screens that follow it within one question.
fn progress_of(screen: &Screen) -> String {
    screen
        .text()
        .find(|(tone, _)| *tone == Tone::Progress)
        .map_or_else(String::new, |(_, text)| text.to_string())
}

/// A yes or no for a catalogue's selector.
fn yes_or_no(yes: bool) -> FluentValue<'static> {
    FluentValue::from(if yes { "yes" } else { "no" })
}

/// A time as it is read back: "7:30 in the morning", "12:00 noon", "1:30 de la tarde".
fn time_in_words(m: &Messages, time: Time) -> String {
    let part = match (time.hour(), time.minute()) {
        (0, _) | (20.., _) => "night",
        (1..=5, _) => "small",
        (6..=11, _) => "morning",
        (12, 0) => "noon",
        (12..=17, _) => "afternoon",
        _ => "evening",
    };
    let hour12 = match time.hour() % 12 {
        0 => 12,
        hour => hour,
    };
    let clock = format!("{hour12}:{:02}", time.minute());
    m.with(
        "time-in-words",
        &[("time", clock.into()), ("part", part.into())],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::tests::mini;
    use crate::i18n::english;
    use jiff::civil::date;

    /// What a scripted patient does on each screen, in order.
    #[derive(Debug)]
    enum Step {
        Yes,
        No,
        Pick(usize),
        Type(&'static str),
        Read,
        Back,
        /// On a medicine list: Space on a row.
        Toggle(usize),
        /// On a medicine list: letters typed, then Enter on the first thing they find.
        Find(&'static str),
        /// On a medicine list: Enter.
        Done,
        /// On a medicine list, in screen-reader mode: a line of numbers and names.
        Line(&'static str),
    }

    /// A front end that follows a script and remembers every screen it was shown.
    struct Script {
        steps: std::collections::VecDeque<Step>,
        shown: Vec<Screen>,
        /// The choices of each list shown, in order.
        choices: Vec<Vec<String>>,
    }

    impl Script {
        fn new(steps: Vec<Step>) -> Self {
            Script {
                steps: steps.into(),
                shown: Vec::new(),
                choices: Vec::new(),
            }
        }

        fn next(&mut self, screen: &Screen) -> Result<Step, Stop> {
            self.shown.push(screen.clone());
            // The script ran out: the patient closed the terminal.
            self.steps.pop_front().ok_or(Stop::Closed)
        }

        fn questions(&self) -> Vec<String> {
            self.shown
                .iter()
                .filter_map(|s| s.text().find(|(t, _)| *t == Tone::Question))
                .map(|(_, text)| text.to_string())
                .collect()
        }

        fn saw(&self, text: &str) -> bool {
            self.shown
                .iter()
                .any(|screen| screen.text().any(|(_, line)| line.contains(text)))
        }
    }

    /// A step the screen shown cannot take: the script and the walk disagree.
    fn wrong(step: &Step) -> Stop {
        Stop::Failed(format!(
            "the script's next step ({step:?}) does not fit this screen"
        ))
    }

    impl Prompter for Script {
        fn yes_no(&mut self, screen: &Screen, _: Option<bool>) -> Result<Reply<bool>, Stop> {
            match self.next(screen)? {
                Step::Yes => Ok(Reply::Answer(true)),
                Step::No => Ok(Reply::Answer(false)),
                Step::Back => Ok(Reply::Back),
                other => Err(wrong(&other)),
            }
        }
        fn one(
            &mut self,
            screen: &Screen,
            choices: &[String],
            _: Option<usize>,
        ) -> Result<Reply<usize>, Stop> {
            self.choices.push(choices.to_vec());
            match self.next(screen)? {
                Step::Pick(at) => Ok(Reply::Answer(at)),
                Step::Back => Ok(Reply::Back),
                other => Err(wrong(&other)),
            }
        }
        fn several(
            &mut self,
            screen: &Screen,
            _: &[String],
            _: &[bool],
        ) -> Result<Reply<Vec<usize>>, Stop> {
            match self.next(screen)? {
                Step::Pick(at) => Ok(Reply::Answer(vec![at])),
                Step::Back => Ok(Reply::Back),
                other => Err(wrong(&other)),
            }
        }
        fn medicines(
            &mut self,
            screen: &Screen,
            list: &mut dyn Picker,
        ) -> Result<Reply<Picked>, Stop> {
            loop {
                self.choices
                    .push(list.rows().into_iter().map(|(label, _)| label).collect());
                match self.next(screen)? {
                    Step::Toggle(row) => {
                        list.toggle(row)?;
                    }
                    Step::Find(typed) => {
                        let found = list.find(typed);
                        match found.rows.first() {
                            Some(&row) => list.tick(row).map(drop)?,
                            None => list.add(typed, 0).map(drop)?,
                        }
                    }
                    Step::Done => return Ok(Reply::Answer(Picked::Done)),
                    Step::Line(line) => {
                        list.check(line).map_err(Stop::Failed)?;
                        return Ok(Reply::Answer(Picked::Line(line.to_string())));
                    }
                    Step::Back => return Ok(Reply::Back),
                    other => return Err(wrong(&other)),
                }
            }
        }
        fn text(
            &mut self,
            screen: &Screen,
            _: Option<&str>,
            check: Check,
        ) -> Result<Reply<String>, Stop> {
            match self.next(screen)? {
                Step::Type(text) => {
                    check(text).map_err(Stop::Failed)?;
                    Ok(Reply::Answer(text.to_string()))
                }
                Step::Back => Ok(Reply::Back),
                other => Err(wrong(&other)),
            }
        }
        fn read(&mut self, screen: &Screen) -> Result<Reply<()>, Stop> {
            match self.next(screen)? {
                Step::Read => Ok(Reply::Answer(())),
                Step::Back => Ok(Reply::Back),
                other => Err(wrong(&other)),
            }
        }
        fn say(&mut self, _: &[(Tone, String)]) -> Result<(), Stop> {
            Ok(())
        }
    }

    /// Keeps every save, as the file would hold it.
    #[derive(Default)]
    struct Memory {
        saves: Vec<Answers>,
        started_over: bool,
    }

    impl Memory {
        fn last(&self) -> &Answers {
            self.saves.last().expect("something was saved")
        }
    }

    impl Saver for Memory {
        fn save(&mut self, answers: &Answers) -> Result<Option<String>, String> {
            self.saves.push(answers.clone());
            Ok(None)
        }
        fn start_over(&mut self) -> Result<Option<String>, String> {
            self.started_over = true;
            Ok(Some("Kept aside.".into()))
        }
    }

    fn walk(checklist: &Checklist, answers: Answers) -> Walk<'_> {
        walk_in(checklist, answers, english())
    }

    /// A walk on Wednesday, November 25, 2026.
    fn walk_in<'c>(checklist: &'c Checklist, answers: Answers, m: &'c Messages) -> Walk<'c> {
        let context = Context {
            saved_in: "answers.yaml".into(),
            carry_on: "prepcheck".into(),
            welcome: "walk-welcome",
        };
        Walk::new(checklist, answers, date(2026, 11, 25), context, m)
    }

    fn built_in() -> Checklist {
        crate::loader::Library::load(None, false)
            .find(crate::DEFAULT_CHECKLIST)
            .map(|loaded| Checklist::clone(&loaded.content))
            .expect("the built-in checklist")
    }

    /// A trial patient's answers up to the medicines.
    fn up_to_the_medicines() -> Answers {
        let mut answers = Answers::default();
        answers.set("patient-name", Answer::Text("Ann".into()));
        answers.set("step", Answer::Choice("trial".into()));
        answers.set("trial-info", Answer::Seen);
        answers.set("procedure-date", Answer::Date(date(2026, 12, 10)));
        answers.set("arrival-time", Answer::Time(Time::constant(7, 30, 0, 0)));
        answers.set("driver-name", Answer::Text("Maria".into()));
        answers.set("driver-phone", Answer::Phone("555-201-3344".into()));
        answers.set("care-team-name", Answer::NotKnown);
        answers.set("care-team-phone", Answer::NotKnown);
        answers
    }

    fn medicines_of(answers: &Answers, id: &str) -> Option<MedicineAnswer> {
        match answers.get(id) {
            Some(Answer::Medicines(medicines)) => Some(medicines.clone()),
            _ => None,
        }
    }

    fn known(answers: &Answers, id: &str) -> Vec<String> {
        medicines_of(answers, id).map_or_else(Vec::new, |m| m.known)
    }

    #[test]
    fn every_answer_is_saved_at_once_and_the_walk_ends_when_nothing_is_left() {
        let checklist = mini();
        let mut walk = walk(&checklist, Answers::default());
        let mut ui = Script::new(vec![
            Step::Read,    // welcome
            Step::Pick(1), // the second visit
            Step::Yes,     // heart
            Step::No,      // no OK yet (asked: second visit and heart)
            Step::Type("Ann"),
            Step::Type("Dec 10"),
            Step::Yes, // read back in words
        ]);
        let mut saver = Memory::default();
        walk.run(&mut ui, &mut saver).expect("the walk ends");
        assert_eq!(saver.saves.len(), 5, "one save per answer");
        assert_eq!(
            walk.answers.get("visit-date"),
            Some(&Answer::Date(date(2026, 12, 10)))
        );
        assert!(
            ui.questions()
                .contains(&"Thursday, December 10, 2026 (in 15 days). Is that right?".to_string())
        );
        // The welcome opened the walk, and the statement was on it.
        assert!(
            ui.shown[0]
                .text()
                .any(|(t, s)| t == Tone::Important && *s == english().get("medication-statement"))
        );
    }

    #[test]
    fn back_shows_the_question_before_and_a_changed_answer_drops_what_hung_on_it() {
        let checklist = mini();
        let mut walk = walk(&checklist, Answers::default());
        let mut ui = Script::new(vec![
            Step::Read,
            Step::Pick(1), // second visit
            Step::Yes,     // heart: the OK question now applies
            Step::Back,    // at the OK question: back to the heart question
            Step::Back,    // and back to the visit
            Step::Pick(0), // the first visit: the OK question no longer applies
            Step::Type("Ann"),
            Step::Type(""),
        ]);
        let mut saver = Memory::default();
        walk.run(&mut ui, &mut saver).expect("the walk ends");
        assert_eq!(
            ui.questions()[1..],
            [
                "Which visit is it?",
                "Do you have a heart problem?",
                "Do you have that OK yet?",
                "Do you have a heart problem?",
                "Which visit is it?",
                "Who will come with you?",
                "What day is your visit?",
            ]
        );
        // Shown again, the heart question said the answer given.
        let again = ui
            .shown
            .iter()
            .filter(|s| s.text().any(|(_, t)| t == "Which visit is it?"))
            .nth(1)
            .expect("the visit question, shown again");
        assert_eq!(again.current.as_deref(), Some("The second visit"));
        assert_eq!(walk.answers.get("heart-ok"), None);
        assert_eq!(walk.answers.get("heart"), Some(&Answer::YesNo(true)));
        assert_eq!(walk.answers.get("visit-date"), Some(&Answer::NotKnown));
    }

    #[test]
    fn saved_answers_open_on_the_resume_menu_and_start_over_keeps_the_old_ones_aside() {
        let checklist = mini();
        let mut answers = Answers::default();
        answers.set("step", Answer::Choice("first".into()));
        let mut walk = walk(&checklist, answers);
        let mut ui = Script::new(vec![
            Step::Pick(2), // start over
            Step::Read,    // the welcome, saying where the old answers went
            Step::Pick(0),
            Step::No,
            Step::Type(""),
            Step::Type(""),
        ]);
        let mut saver = Memory::default();
        walk.run(&mut ui, &mut saver).expect("the walk ends");
        assert!(saver.started_over);
        assert!(
            ui.shown[1]
                .text()
                .any(|(t, s)| t == Tone::Note && s == "Kept aside.")
        );
    }

    #[test]
    fn a_stop_keeps_what_was_saved() {
        let checklist = mini();
        let mut walk = walk(&checklist, Answers::default());
        let mut ui = Script::new(vec![Step::Read, Step::Pick(0)]);
        let mut saver = Memory::default();
        assert!(matches!(walk.run(&mut ui, &mut saver), Err(Stop::Closed)));
        assert_eq!(saver.saves.len(), 1);
        assert_eq!(
            walk.answers.get("step"),
            Some(&Answer::Choice("first".into()))
        );
    }

    /// The count on every screen says "at least" while answers to come may add questions,
    /// so it never grows unannounced; a one-question checklist says "1 question".
    #[test]
    fn the_question_count_never_grows_without_saying_so() {
        let checklist = mini();
        let mut walk = walk(&checklist, Answers::default());
        let mut ui = Script::new(vec![Step::Read, Step::Pick(0), Step::No]);
        let mut saver = Memory::default();
        let _ = walk.run(&mut ui, &mut saver);
        assert!(
            ui.saw("prepcheck asks at least 4 questions"),
            "{:?}",
            ui.shown[0]
        );
        assert!(ui.saw("Question 1 of at least 4: Your visit"));
        // The first visit: the OK question can no longer come.
        assert!(ui.saw("Question 2 of 4: Your visit"));

        let one = crate::checklist::test_checklist(
            b"id: one\ntitle: One\nprocedure: One\nversion: 1\nsources: []\nsections:\n  - title: Only\n    items:\n      - id: name\n        ask: What is your name?\n        kind: text\n        role: patient-name\n",
        );
        let mut short = self::walk(&one, Answers::default());
        let mut ui = Script::new(vec![Step::Read]);
        let _ = short.run(&mut ui, &mut saver);
        assert!(
            ui.saw("prepcheck asks 1 question, one at a time."),
            "{:?}",
            ui.shown[0]
        );
        assert!(ui.saw("about 5 minutes"));
    }

    /// Names typed on a list tick their rows, each saved at once; Esc keeps them, and the
    /// list is asked again, with its ticks, until it is done.
    #[test]
    fn names_typed_on_a_list_are_saved_at_once_and_going_back_keeps_them() {
        let checklist = built_in();
        let mut walk = walk(&checklist, up_to_the_medicines());
        let mut ui = Script::new(vec![
            Step::Pick(0), // carry on
            Step::Find("eliq"),
            Step::Find("baby asprin"),
            Step::Back,                 // Esc, by mistake: the care team's phone
            Step::Type("555-010-2000"), // given now
            Step::Done,                 // the blood thinners again, still ticked: done
            Step::Done,                 // pain pills: nothing ticked...
            Step::Yes,                  // ...none of these, yes
            Step::Find("fishoil"),
        ]);
        let mut saver = Memory::default();
        assert!(matches!(walk.run(&mut ui, &mut saver), Err(Stop::Closed)));
        let saves = &saver.saves;
        assert_eq!(
            known(&saves[0], "blood-thinners"),
            ["apixaban"],
            "saved at once"
        );
        assert_eq!(known(&saves[1], "blood-thinners"), ["aspirin", "apixaban"]);
        let last = saver.last();
        assert_eq!(known(last, "blood-thinners"), ["aspirin", "apixaban"]);
        assert_eq!(
            medicines_of(last, "pain-relievers"),
            Some(MedicineAnswer::default())
        );
        assert_eq!(known(last, "supplements"), ["fish-oil"]);
        assert_eq!(
            last.get("care-team-phone"),
            Some(&Answer::Phone("555-010-2000".into()))
        );
        // The blood-thinner list was shown again after going back, and carried the
        // statement, as did the question whether she takes none.
        let questions = ui.questions();
        let phone = questions
            .iter()
            .position(|q| q == "What is their phone number?")
            .expect("went back to the phone");
        assert_eq!(
            questions[phone + 1],
            "Do you take any of these blood thinners?"
        );
        let statement = english().get("medication-statement");
        for screen in &ui.shown {
            let about = screen
                .text()
                .any(|(_, line)| line.contains("medicine") || line.contains("these"));
            if about && !screen.text().any(|(_, l)| l.contains("time")) {
                assert!(screen.text().any(|(_, l)| l == statement), "{screen:?}");
            }
        }
    }

    /// Enter with nothing ticked asks once; "No" goes back to the list, and nothing is
    /// saved as "none" unasked.
    #[test]
    fn done_with_nothing_ticked_asks_whether_none_and_saves_nothing_unasked() {
        let checklist = built_in();
        let mut walk = walk(&checklist, up_to_the_medicines());
        let mut ui = Script::new(vec![
            Step::Pick(0),
            Step::Done,
            Step::No, // she does take one
            Step::Toggle(3),
            Step::Toggle(3), // unticked again: the answer is taken back
            Step::Find("Zorbinol"),
            Step::Done,
        ]);
        let mut saver = Memory::default();
        let _ = walk.run(&mut ui, &mut saver);
        assert!(ui.saw("You take none of these?"));
        assert_eq!(known(&saver.saves[0], "blood-thinners"), ["warfarin"]);
        assert_eq!(saver.saves[1].get("blood-thinners"), None, "not none");
        let last = medicines_of(saver.last(), "blood-thinners").expect("saved");
        assert_eq!(last.typed, ["Zorbinol"]);
        assert!(
            ui.choices
                .iter()
                .any(|rows| rows.contains(&"Zorbinol (as you typed it)".to_string()))
        );
    }

    /// In screen-reader mode a line mixes numbers and names; what was understood is read
    /// back, with the statement, before anything is saved.
    #[test]
    fn a_line_of_numbers_and_names_is_read_back_before_it_is_saved() {
        let checklist = built_in();
        let mut walk = walk(&checklist, up_to_the_medicines());
        let mut ui = Script::new(vec![
            Step::Pick(0),
            Step::Line("3, sintrom, ibuprofeno"),
            Step::No, // not what she meant: nothing saved
            Step::Line("3, sintrom, ibuprofeno"),
            Step::Yes,
        ]);
        let mut saver = Memory::default();
        let _ = walk.run(&mut ui, &mut saver);
        let read_back = "You take: Eliquis (apixaban), ";
        let asked: Vec<String> = ui
            .questions()
            .into_iter()
            .filter(|q| q.starts_with(read_back))
            .collect();
        assert_eq!(asked.len(), 2, "{:?}", ui.questions());
        assert!(asked[0].contains("Advil (ibuprofen)"), "{asked:?}");
        assert!(asked[0].ends_with(". Is that right?"));
        assert_eq!(saver.saves.len(), 1, "saved once, after the yes");
        let saved = medicines_of(saver.last(), "blood-thinners").expect("saved");
        assert!(saved.known.contains(&"apixaban".to_string()));
        assert!(saved.known.contains(&"ibuprofen".to_string()));
    }

    /// A new date asks again for the arrival time and the ride, with their answers shown.
    #[test]
    fn a_changed_date_asks_again_for_the_time_and_the_ride() {
        let checklist = built_in();
        let mut answers = up_to_the_medicines();
        for id in ["blood-thinners", "pain-relievers", "supplements"] {
            answers.set(id, Answer::Medicines(MedicineAnswer::default()));
        }
        for (id, answer) in [
            ("medicine-questions", Answer::Choices(Vec::new())),
            ("heart", Answer::YesNo(false)),
            ("bleeding-disorder", Answer::YesNo(false)),
            ("infection", Answer::YesNo(false)),
            ("history-info", Answer::Seen),
            ("before-questions", Answer::Choices(vec!["eating".into()])),
            ("trial-questions", Answer::Choices(Vec::new())),
            ("after-questions", Answer::Choices(Vec::new())),
        ] {
            answers.set(id, answer);
        }
        let position = |id: &str| {
            walk(&checklist, answers.clone())
                .answers
                .applicable(&checklist)
                .iter()
                .filter(|i| !matches!(i.kind, Kind::Info))
                .position(|i| i.id == id)
                .expect("answered")
        };
        let at = position("procedure-date");
        let mut walk = walk(&checklist, answers);
        let mut ui = Script::new(vec![
            Step::Pick(0),  // see my sheet: everything is answered...
            Step::Pick(1),  // ...no: change an answer
            Step::Pick(at), // the date
            Step::Type("Dec 17"),
            Step::Yes,
            Step::Type("8 am"), // a new time
            Step::Yes,
            Step::Type("Maria"), // the ride, kept
            Step::Type("555-201-3344"),
        ]);
        let mut saver = Memory::default();
        // The resume menu goes round once: "see my sheet" ends the walk at once.
        ui.steps.pop_front();
        walk.run(&mut ui, &mut saver).expect("the walk ends");
        let questions = ui.questions();
        let after = questions
            .iter()
            .position(|q| q.starts_with("Thursday, December 17, 2026 (in 22 days)"))
            .expect("the new date read back");
        assert_eq!(
            questions[after + 1..],
            [
                "What time should you get there?",
                "8:00 in the morning. Is that right?",
                "Who will take you home after the procedure?",
                "What is their phone number?",
            ]
        );
        assert!(ui.saw("With that change, please check these answers again"));
        let time = ui
            .shown
            .iter()
            .find(|s| {
                s.text()
                    .any(|(_, t)| t == "What time should you get there?")
            })
            .expect("the time asked again");
        assert_eq!(time.current.as_deref(), Some("7:30 AM"));
        assert_eq!(
            walk.answers.get("arrival-time"),
            Some(&Answer::Time(Time::constant(8, 0, 0, 0)))
        );
    }

    /// "next thurs" on a Wednesday: tomorrow or a week later, the patient says which, each
    /// with how far it is; a time from 1:00 to 6:59 asks morning or afternoon.
    #[test]
    fn a_date_or_time_that_reads_two_ways_is_asked() {
        let checklist = built_in();
        let mut answers = up_to_the_medicines();
        answers.remove("procedure-date");
        answers.remove("arrival-time");
        let mut walk = walk(&checklist, answers);
        let mut ui = Script::new(vec![
            Step::Pick(0),
            Step::Type("next thurs"),
            Step::Pick(1),
            Step::Type("1:30"),
            Step::Pick(1),
        ]);
        let mut saver = Memory::default();
        let _ = walk.run(&mut ui, &mut saver);
        assert!(ui.saw("Which Thursday do you mean?"));
        assert!(ui.choices.contains(&vec![
            "Thursday, November 26, 2026 (tomorrow)".to_string(),
            "Thursday, December 3, 2026 (in 8 days)".to_string(),
        ]));
        assert!(ui.choices.contains(&vec![
            "1:30 in the morning".to_string(),
            "1:30 in the afternoon".to_string(),
        ]));
        let last = saver.last();
        assert_eq!(
            last.get("procedure-date"),
            Some(&Answer::Date(date(2026, 12, 3)))
        );
        assert_eq!(
            last.get("arrival-time"),
            Some(&Answer::Time(Time::constant(13, 30, 0, 0)))
        );
    }

    #[test]
    fn times_are_read_back_in_words_in_either_language() {
        let es = Messages::new(crate::i18n::Lang::Es);
        let at = |h, m| Time::constant(h, m, 0, 0);
        assert_eq!(time_in_words(english(), at(7, 30)), "7:30 in the morning");
        assert_eq!(time_in_words(english(), at(12, 0)), "12:00 noon");
        assert_eq!(
            time_in_words(english(), at(13, 30)),
            "1:30 in the afternoon"
        );
        assert_eq!(time_in_words(english(), at(20, 0)), "8:00 at night");
        assert_eq!(time_in_words(english(), at(0, 15)), "12:15 at night");
        assert_eq!(time_in_words(&es, at(8, 0)), "8:00 de la mañana");
        assert_eq!(time_in_words(&es, at(20, 0)), "8:00 de la noche");
        assert_eq!(time_in_words(&es, at(15, 0)), "3:00 de la tarde");
    }
}
