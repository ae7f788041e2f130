//! The walk: one plain question at a time, each answer saved at once. This engine decides
//! which question comes next, going back, saving, resuming, and what a changed answer makes
//! obsolete. The front ends (`terminal`, `lines`) only show screens and read answers, so the
//! walk is tested here without a terminal.

pub mod lines;
mod prompter;
pub mod terminal;

use std::io;

use jiff::civil::Date;

pub use prompter::{Check, Prompter, Reply, Screen, Stop, Tone};

use crate::answers::{Answer, Answers, MedicineAnswer};
use crate::checklist::{Checklist, Item, Kind, MedicineList, Place, Role};
use crate::entry::{self, DateProblem};
use crate::i18n::Messages;
use crate::sheet::answer_in_words;
use crate::text::clean;
use fluent_bundle::FluentValue;

/// The longest free-text answer: a name or a phone number needs far less.
pub const MAX_TEXT_CHARS: usize = 200;

/// The most medicine names one answer keeps as typed: far more than anyone takes, and few
/// enough that a sheet made from an edited answers file stays quick to print.
pub const MAX_TYPED_MEDICINES: usize = 50;

/// Where the answers go, as the walk needs it: saving each, and starting over.
pub trait Saver {
    fn save(&mut self, answers: &Answers) -> io::Result<()>;
    /// Keep the old answers aside and start a new file; returns what to tell the patient.
    fn start_over(&mut self) -> Result<Option<String>, String>;
}

/// What the screens say about the shell around the walk.
#[derive(Debug, Clone)]
pub struct Context {
    /// Where the answers are saved, as the patient should read it.
    pub saved_in: String,
    /// The command that carries on later, with the options this walk was started with.
    pub carry_on: String,
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
}

/// What the patient wants when saved answers exist.
enum Resume {
    CarryOn,
    Change,
    StartOver,
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
        }
    }

    /// Something to tell the patient on the next screen (what changed since the last walk).
    pub fn tell(&mut self, note: String) {
        self.note = Some(note);
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
        self.ask_from(ui, saver, self.answers.next_unanswered(self.checklist))
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
            current = match self.ask(ui, item)? {
                Reply::Answer(answer) => {
                    self.keep(item, answer, saver)?;
                    self.answers.next_unanswered(self.checklist)
                }
                Reply::Back => Some(self.previous(item).unwrap_or(item)),
            };
        }
        Ok(())
    }

    /// The question before `item` among those that apply.
    fn previous(&self, item: &Item) -> Option<&'c Item> {
        let applicable = self.answers.applicable(self.checklist);
        let at = applicable.iter().position(|i| i.id == item.id)?;
        at.checked_sub(1).map(|before| applicable[before])
    }

    /// Save an answer, and drop the answers of questions it makes obsolete.
    fn keep(&mut self, item: &Item, answer: Answer, saver: &mut dyn Saver) -> Result<(), Stop> {
        self.answers.set(&item.id, answer);
        let kept = self.answers.only_applicable(self.checklist);
        let dropped: Vec<String> = self
            .checklist
            .items()
            .filter(|i| self.answers.get(&i.id).is_some() && kept.get(&i.id).is_none())
            .map(|i| format!("\"{}\"", clean(&i.ask)))
            .collect();
        saver.save(&kept).map_err(|e| {
            let why = e.to_string();
            Stop::Failed(self.m.with("walk-could-not-save", &[("why", why.into())]))
        })?;
        self.answers = kept;
        if !dropped.is_empty() {
            let note = self
                .m
                .with("walk-dropped", &[("questions", dropped.join(", ").into())]);
            self.note = Some(
                self.note
                    .take()
                    .map_or(note.clone(), |n| format!("{n} {note}")),
            );
        }
        Ok(())
    }

    /// The first screen of a new walk: what this is, how long, where answers go, the keys.
    fn welcome(&mut self) -> Screen {
        let questions = self.answers.applicable(self.checklist).len();
        // About half a minute a question, rounded up to five minutes.
        let minutes = (questions.div_ceil(2)).div_ceil(5).max(1) * 5;
        let mut screen = Screen::default();
        if let Some(note) = self.note.take() {
            screen = screen.with(Tone::Note, note);
        }
        let m = self.m;
        screen
            .with(Tone::Question, clean(&self.checklist.title))
            .with(
                Tone::Plain,
                m.with(
                    "walk-welcome",
                    &[("questions", questions.into()), ("minutes", minutes.into())],
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
            let left = self.answers.next_unanswered(self.checklist).is_some();
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
        let applicable = self.answers.applicable(self.checklist);
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

    /// Ask one question; the answer is checked, not yet saved.
    fn ask(&mut self, ui: &mut dyn Prompter, item: &Item) -> Result<Reply<Answer>, Stop> {
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
                let ticked: Vec<bool> = choices
                    .iter()
                    .map(|c| {
                        current
                            .as_ref()
                            .is_some_and(|a| a.is_one_of(std::slice::from_ref(&c.id)))
                    })
                    .collect();
                ui.several(&screen, &labels, &ticked)?.map(|picked| {
                    Answer::Choices(picked.into_iter().map(|i| choices[i].id.clone()).collect())
                })
            }
            Kind::Medicines(list) => self
                .medicines(ui, &screen, list, current.as_ref())?
                .map(Answer::Medicines),
            Kind::Text | Kind::Phone | Kind::Time => self.typed(ui, screen, item, current)?,
            Kind::Date => self.date(ui, screen, item, current)?,
            Kind::Info => ui.read(&screen)?.map(|()| Answer::Seen),
        })
    }

    /// A typed answer: text, a phone number or a time; blank means "not known yet".
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
            (Kind::Time, _) => "walk-hint-time",
            _ => "walk-hint-text",
        };
        let screen = screen.with(Tone::Plain, m.get(hint));
        let now = match &current {
            Some(Answer::Text(text) | Answer::Phone(text)) => Some(text.clone()),
            Some(Answer::Time(time)) => Some(m.time(*time)),
            _ => None,
        };
        let kind = &item.kind;
        let check = |text: &str| {
            let typed = || [("typed", FluentValue::from(text.trim()))];
            match kind {
                Kind::Phone if !entry::is_phone(text) => Err(m.with("entry-not-a-phone", &typed())),
                Kind::Time if entry::time_of_day(text).is_none() => {
                    Err(m.with("entry-not-a-time", &typed()))
                }
                _ => Ok(()),
            }
        };
        let Reply::Answer(text) = ui.text(&screen, now.as_deref(), &self.checked(&check))? else {
            return Ok(Reply::Back);
        };
        let text = clean(text.trim());
        if text.is_empty() {
            return Ok(Reply::Answer(Answer::NotKnown));
        }
        Ok(Reply::Answer(match kind {
            Kind::Phone => Answer::Phone(text),
            Kind::Time => match entry::time_of_day(&text) {
                Some(time) => {
                    self.note = Some(m.with("walk-saved-as", &[("answer", m.time(time).into())]));
                    Answer::Time(time)
                }
                None => Answer::NotKnown,
            },
            _ => Answer::Text(text),
        }))
    }

    /// A date, read back in words for a yes or no before it is taken.
    fn date(
        &mut self,
        ui: &mut dyn Prompter,
        screen: Screen,
        item: &Item,
        current: Option<Answer>,
    ) -> Result<Reply<Answer>, Stop> {
        let today = self.today;
        let is_procedure = item.role == Some(Role::ProcedureDate);
        let read = move |text: &str| {
            if is_procedure {
                entry::procedure_date(text, today)
            } else {
                entry::date(text, today)
            }
        };
        let m = self.m;
        let screen = screen.with(Tone::Plain, m.get("walk-hint-date"));
        let mut typed = match current {
            Some(Answer::Date(date)) => Some(m.date(date)),
            _ => None,
        };
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
            let Ok(date) = read(&text) else {
                return Ok(Reply::Answer(Answer::NotKnown));
            };
            let confirm = Screen {
                can_go_back: true,
                ..Screen::default()
            }
            .with(Tone::Progress, progress_of(&screen))
            .with(
                Tone::Question,
                m.with("walk-is-that-right", &[("date", m.date(date).into())]),
            );
            if ui.yes_no(&confirm, None)? == Reply::Answer(true) {
                return Ok(Reply::Answer(Answer::Date(date)));
            }
            typed = Some(text);
        }
    }

    /// The medicines of a list the patient takes, then any others by name: a name the
    /// medicine list knows is confirmed, any other is kept exactly as typed.
    fn medicines(
        &mut self,
        ui: &mut dyn Prompter,
        screen: &Screen,
        list: &MedicineList,
        current: Option<&Answer>,
    ) -> Result<Reply<MedicineAnswer>, Stop> {
        let shown: Vec<_> = list.shown().collect();
        let mut labels: Vec<String> = shown.iter().map(|med| clean(&med.label())).collect();
        let another = crate::catalogue::Group::another_one(&list.groups);
        labels.push(self.m.get(another));
        let mut previous = match current {
            Some(Answer::Medicines(previous)) => previous.clone(),
            _ => MedicineAnswer::default(),
        };
        loop {
            let mut ticked: Vec<bool> = shown
                .iter()
                .map(|m| previous.known.contains(&m.id))
                .collect();
            ticked.push(!previous.typed.is_empty());
            let Reply::Answer(picked) = ui.several(screen, &labels, &ticked)? else {
                return Ok(Reply::Back);
            };
            let mut answer = MedicineAnswer {
                known: picked
                    .iter()
                    .filter_map(|&i| shown.get(i).map(|m| m.id.clone()))
                    .collect(),
                typed: Vec::new(),
            };
            if !picked.contains(&shown.len()) {
                return Ok(Reply::Answer(answer));
            }
            // Kept from before: names typed earlier, and medicines of other groups that
            // were recognised from a typed name.
            answer.known.extend(
                previous
                    .known
                    .iter()
                    .filter(|id| !shown.iter().any(|m| m.id == **id))
                    .cloned(),
            );
            answer.typed = previous.typed.clone();
            match self.other_medicines(ui, screen, list, &mut answer)? {
                Reply::Answer(()) => return Ok(Reply::Answer(answer)),
                // Back to the list, with what was ticked there.
                Reply::Back => previous = answer,
            }
        }
    }

    fn other_medicines(
        &mut self,
        ui: &mut dyn Prompter,
        screen: &Screen,
        list: &MedicineList,
        answer: &mut MedicineAnswer,
    ) -> Result<Reply<()>, Stop> {
        let mut note: Option<String> = None;
        loop {
            let mut typing = Screen {
                can_go_back: true,
                ..Screen::default()
            }
            .with(Tone::Progress, progress_of(screen))
            .with(Tone::Important, self.m.get("medication-statement"))
            .with(Tone::Question, self.m.get("walk-type-medicine"))
            .with(Tone::Plain, self.m.get("walk-no-more-medicines"));
            if let Some(note) = note.take() {
                typing = typing.with(Tone::Note, note);
            }
            let full = answer.typed.len() >= MAX_TYPED_MEDICINES;
            let check = |_: &str| {
                if full {
                    Err(self.m.with(
                        "walk-medicines-full",
                        &[("most", MAX_TYPED_MEDICINES.into())],
                    ))
                } else {
                    Ok(())
                }
            };
            let Reply::Answer(typed) = ui.text(&typing, None, &self.checked(&check))? else {
                return Ok(Reply::Back);
            };
            let typed = clean(typed.trim());
            if typed.is_empty() {
                return Ok(Reply::Answer(()));
            }
            if let Some(medicine) = list.catalogue.recognise(&typed) {
                let label = clean(&medicine.label());
                let ask = Screen {
                    can_go_back: true,
                    ..Screen::default()
                }
                .with(Tone::Progress, progress_of(screen))
                .with(Tone::Important, self.m.get("medication-statement"))
                .with(
                    Tone::Question,
                    self.m
                        .with("walk-did-you-mean", &[("medicine", label.as_str().into())]),
                );
                if ui.yes_no(&ask, None)? == Reply::Answer(true) {
                    if !answer.known.contains(&medicine.id) {
                        answer.known.push(medicine.id.clone());
                    }
                    note = Some(self.m.with("walk-saved-as", &[("answer", label.into())]));
                    continue;
                }
            }
            note = Some(
                self.m
                    .with("walk-kept-as-typed", &[("name", typed.as_str().into())]),
            );
            answer.typed.push(typed);
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

    /// Every answer that applies, one per line, and where they are kept: for the end.
    pub fn summary(&self) -> Vec<(Tone, String)> {
        let mut lines = vec![(Tone::Question, self.m.get("walk-all-done"))];
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

/// The progress line of a screen, for the screens that follow it within one question.
fn progress_of(screen: &Screen) -> String {
    screen
        .text()
        .find(|(tone, _)| *tone == Tone::Progress)
        .map_or_else(String::new, |(_, text)| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::tests::mini;
    use crate::i18n::english;

    /// What a scripted patient does on each screen, in order.
    enum Step {
        Yes,
        No,
        Pick(usize),
        Type(&'static str),
        Read,
        Back,
    }

    /// A front end that follows a script and remembers every screen it was shown.
    struct Script {
        steps: std::collections::VecDeque<Step>,
        shown: Vec<Screen>,
    }

    impl Script {
        fn new(steps: Vec<Step>) -> Self {
            Script {
                steps: steps.into(),
                shown: Vec::new(),
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
    }

    /// A step the screen shown cannot take: the script and the walk disagree.
    fn wrong(_: &Step) -> Stop {
        Stop::Failed("the script's next step does not fit this screen".into())
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
            _: &[String],
            _: Option<usize>,
        ) -> Result<Reply<usize>, Stop> {
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

    impl Saver for Memory {
        fn save(&mut self, answers: &Answers) -> io::Result<()> {
            self.saves.push(answers.clone());
            Ok(())
        }
        fn start_over(&mut self) -> Result<Option<String>, String> {
            self.started_over = true;
            Ok(Some("Kept aside.".into()))
        }
    }

    fn walk(checklist: &Checklist, answers: Answers) -> Walk<'_> {
        let context = Context {
            saved_in: "answers.yaml".into(),
            carry_on: "prepcheck".into(),
        };
        Walk::new(
            checklist,
            answers,
            jiff::civil::date(2026, 11, 25),
            context,
            english(),
        )
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
            Some(&Answer::Date(jiff::civil::date(2026, 12, 10)))
        );
        assert!(
            ui.questions()
                .contains(&"Thursday, December 10, 2026. Is that right?".to_string())
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
}
