//! The walk: one plain question at a time on the terminal, each answer saved at once.

use std::io;
use std::path::Path;

use console::{Style, Term};
use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};
use dialoguer::{Confirm, Input, MultiSelect, Select};
use jiff::civil::Date;

use crate::answers::{Answer, Answers, MedicineAnswer};
use crate::checklist::{Checklist, Item, Kind, MedicineList, Place, Role};
use crate::entry;
use crate::sheet::MEDICATION_STATEMENT;
use crate::text::clean;

/// How a walk ended early.
pub enum Stop {
    /// The patient pressed Ctrl-C.
    Interrupted,
    /// The terminal failed, or an answer could not be saved.
    Failed(String),
}

impl From<dialoguer::Error> for Stop {
    fn from(error: dialoguer::Error) -> Self {
        let dialoguer::Error::IO(error) = error;
        Stop::from(error)
    }
}

impl From<io::Error> for Stop {
    fn from(error: io::Error) -> Self {
        if error.kind() == io::ErrorKind::Interrupted {
            Stop::Interrupted
        } else {
            Stop::Failed(error.to_string())
        }
    }
}

/// Saves the answers after every single one.
pub trait Saver {
    fn save(&mut self, answers: &Answers) -> io::Result<()>;
}

pub struct Walk<'a> {
    pub checklist: &'a Checklist,
    pub answers: Answers,
    pub today: Date,
    term: Term,
    theme: Box<dyn Theme>,
    note: Style,
}

/// What the patient wants when saved answers exist.
pub enum Resume {
    CarryOn,
    Change,
    StartOver,
}

impl<'a> Walk<'a> {
    pub fn new(checklist: &'a Checklist, answers: Answers, today: Date, colors: bool) -> Self {
        console::set_colors_enabled_stderr(colors);
        let theme: Box<dyn Theme> = if colors {
            Box::new(ColorfulTheme::default())
        } else {
            Box::new(SimpleTheme)
        };
        Walk {
            checklist,
            answers,
            today,
            term: Term::stderr(),
            theme,
            note: Style::new().for_stderr().bold(),
        }
    }

    /// A line of text, wrapped at word breaks to fit the terminal.
    fn say(&self, text: &str) -> io::Result<()> {
        self.say_indented(text, "", "")
    }

    /// Like `say`, with the first and the following lines indented.
    fn say_indented(&self, text: &str, first: &str, rest: &str) -> io::Result<()> {
        let width = self
            .term
            .size_checked()
            .map_or(80, |(_, cols)| usize::from(cols));
        let options = textwrap::Options::new(width.max(20))
            .initial_indent(first)
            .subsequent_indent(rest)
            // Paths and names stay whole, so they can be copied, even when longer than a line.
            .word_splitter(textwrap::WordSplitter::NoHyphenation)
            .break_words(false);
        for line in textwrap::wrap(text, options) {
            self.term.write_line(&line)?;
        }
        Ok(())
    }

    /// Every answer that applies, one per line, and where they are kept.
    pub fn show_summary(&self, path: &Path) -> io::Result<()> {
        self.say("\nAll done. Your answers:")?;
        for item in self.answers.applicable(self.checklist) {
            if !matches!(item.kind, Kind::Info) {
                let line = format!("{}  {}", clean(&item.ask), self.describe(item));
                self.say_indented(&line, "  ", "      ")?;
            }
        }
        self.say(&format!("They are saved in {}.\n", path.display()))
    }

    /// Ask what to do with saved answers.
    pub fn ask_resume(&self, path: &Path) -> Result<Resume, Stop> {
        let left = self.answers.next_unanswered(self.checklist).is_some();
        self.say(&format!("You have saved answers in {}.", path.display()))?;
        let mut options = Vec::new();
        if left {
            options.push(("Carry on where I stopped", Resume::CarryOn));
        } else {
            options.push(("See my reminder sheet", Resume::CarryOn));
        }
        options.push(("Change an earlier answer", Resume::Change));
        options.push((
            "Start over (your old answers are kept in a backup file)",
            Resume::StartOver,
        ));
        let labels: Vec<String> = options.iter().map(|(label, _)| label.to_string()).collect();
        let picked = self.pick("What would you like to do?", &labels, 0)?;
        Ok(options.swap_remove(picked).1)
    }

    /// Ask every question that applies and has no answer yet, in order, saving each.
    pub fn ask_remaining(&mut self, saver: &mut dyn Saver) -> Result<(), Stop> {
        let mut last_section = None;
        while let Some(item) = self.answers.next_unanswered(self.checklist) {
            let section = self
                .checklist
                .section_of(&item.id)
                .map(|s| s.title.as_str());
            if section != last_section {
                if let Some(title) = section {
                    self.say(&format!(
                        "\n{}",
                        self.note.apply_to(clean(title).to_uppercase())
                    ))?;
                }
                last_section = section;
            }
            self.ask_and_save(item, saver)?;
        }
        Ok(())
    }

    /// Let the patient pick an answered question and answer it again.
    pub fn change_one(&mut self, saver: &mut dyn Saver) -> Result<(), Stop> {
        let answered: Vec<&Item> = self
            .answers
            .applicable(self.checklist)
            .into_iter()
            .filter(|i| self.answers.get(&i.id).is_some() && !matches!(i.kind, Kind::Info))
            .collect();
        if answered.is_empty() {
            return Ok(());
        }
        let labels: Vec<String> = answered
            .iter()
            .map(|item| format!("{}  [{}]", clean(&item.ask), self.describe(item)))
            .collect();
        // The list names the medicines given, so it carries the statement too.
        self.say(&format!("{}", self.note.apply_to(MEDICATION_STATEMENT)))?;
        let picked = self.pick("Which answer do you want to change?", &labels, 0)?;
        self.ask_and_save(answered[picked], saver)
    }

    fn ask_and_save(&mut self, item: &Item, saver: &mut dyn Saver) -> Result<(), Stop> {
        let applicable = self.answers.applicable(self.checklist);
        let number = applicable.iter().position(|i| i.id == item.id).unwrap_or(0) + 1;
        self.say(&format!("\nQuestion {number} of {}", applicable.len()))?;
        if item.about_medicines {
            self.say(&format!("{}", self.note.apply_to(MEDICATION_STATEMENT)))?;
        }
        let answer = self.ask(item)?;
        self.answers.set(&item.id, answer);
        let pruned = self.answers.only_applicable(self.checklist);
        saver
            .save(&pruned)
            .map_err(|e| Stop::Failed(format!("Could not save your answer: {e}")))?;
        self.answers = pruned;
        Ok(())
    }

    /// The current answer of an item, in words, for the "change" list and the summary.
    pub fn describe(&self, item: &Item) -> String {
        match self.answers.get(&item.id) {
            Some(answer) => clean(&crate::sheet::answer_in_words(item, answer)),
            None => "not answered".into(),
        }
    }

    fn ask(&self, item: &Item) -> Result<Answer, Stop> {
        let prompt = clean(&item.ask);
        if let Some(help) = &item.help {
            self.say(&clean(help))?;
        }
        let current = self.answers.get(&item.id);
        Ok(match &item.kind {
            Kind::YesNo => {
                let mut confirm = Confirm::with_theme(&*self.theme).with_prompt(prompt);
                if let Some(Answer::YesNo(yes)) = current {
                    confirm = confirm.default(*yes);
                }
                Answer::YesNo(confirm.interact_on(&self.term)?)
            }
            Kind::OneChoice(choices) => {
                let labels: Vec<String> = choices.iter().map(|c| clean(&c.label)).collect();
                let start = match current {
                    Some(Answer::Choice(id)) => choices.iter().position(|c| c.id == *id),
                    _ => None,
                };
                let picked = self.pick(&prompt, &labels, start.unwrap_or(0))?;
                Answer::Choice(choices[picked].id.clone())
            }
            Kind::SeveralChoices(choices) => {
                let ticked: Vec<bool> = choices
                    .iter()
                    .map(|c| current.is_some_and(|a| a.is_one_of(std::slice::from_ref(&c.id))))
                    .collect();
                let labels: Vec<String> = choices.iter().map(|c| clean(&c.label)).collect();
                let picked = self.tick(&prompt, &labels, &ticked)?;
                Answer::Choices(picked.into_iter().map(|i| choices[i].id.clone()).collect())
            }
            Kind::Medicines(list) => Answer::Medicines(self.medicines(&prompt, list, current)?),
            Kind::Text if item.role == Some(Role::PatientName) => {
                self.say("It goes on your sheet, so the clinic knows the sheet is yours.")?;
                match self.text(&prompt, |_| Ok(()))? {
                    Some(text) => Answer::Text(text),
                    None => Answer::NotKnown,
                }
            }
            Kind::Text => match self.text(&prompt, |_| Ok(()))? {
                Some(text) => Answer::Text(text),
                None => Answer::NotKnown,
            },
            Kind::Phone => match self.text(&prompt, |t| entry::phone(t).map(drop))? {
                Some(text) => Answer::Phone(entry::phone(&text).unwrap_or(text)),
                None => Answer::NotKnown,
            },
            Kind::Date => self.date(&prompt, item.role == Some(Role::ProcedureDate))?,
            Kind::Time => {
                let read = |t: &str| {
                    entry::time_of_day(t)
                        .map(drop)
                        .ok_or_else(|| "Please type a time, like 7:30 am.".to_string())
                };
                match self.text(&prompt, read)? {
                    Some(text) => match entry::time_of_day(&text) {
                        Some(time) => {
                            self.say(&format!("Got it: {}.", entry::time_in_words(time)))?;
                            Answer::Time(time)
                        }
                        None => Answer::NotKnown,
                    },
                    None => Answer::NotKnown,
                }
            }
            Kind::Info => {
                self.say(&format!("{}", self.note.apply_to(&prompt)))?;
                // What the sheet will say of this step, or ask for the patient, is read here first.
                for line in &item.sheet {
                    if matches!(line.place, Place::Expect | Place::Ask) {
                        self.say_indented(&clean(&line.text), "  - ", "    ")?;
                    }
                }
                self.say("Press Enter when you have read it.")?;
                Select::with_theme(&*self.theme)
                    .items(["OK, I have read this"])
                    .default(0)
                    .interact_on(&self.term)?;
                Answer::Seen
            }
        })
    }

    /// Free text; blank means "I do not know yet".
    fn text(
        &self,
        prompt: &str,
        check: impl Fn(&str) -> Result<(), String>,
    ) -> Result<Option<String>, Stop> {
        self.say("(Leave it blank and press Enter if you do not know yet.)")?;
        let typed: String = Input::with_theme(&*self.theme)
            .with_prompt(prompt)
            .allow_empty(true)
            .validate_with(|text: &String| -> Result<(), String> {
                if text.trim().is_empty() {
                    Ok(())
                } else {
                    check(text)
                }
            })
            .interact_text_on(&self.term)?;
        let typed = clean(typed.trim());
        Ok((!typed.is_empty()).then_some(typed))
    }

    fn date(&self, prompt: &str, is_procedure: bool) -> Result<Answer, Stop> {
        let today = self.today;
        let read = move |text: &str| {
            if is_procedure {
                entry::procedure_date(text, today)
            } else {
                entry::date(text, today)
            }
        };
        self.say("You can type it like: Dec 10, 12/10/2026, or tomorrow.")?;
        loop {
            let Some(text) = self.text(prompt, |t| read(t).map(drop))? else {
                return Ok(Answer::NotKnown);
            };
            let Ok(date) = read(&text) else { continue };
            let right = Confirm::with_theme(&*self.theme)
                .with_prompt(format!("{}. Is that right?", entry::in_words(date)))
                .interact_on(&self.term)?;
            if right {
                return Ok(Answer::Date(date));
            }
        }
    }

    /// How many rows of a list fit under the question, its notes and the keys: a list
    /// pages only when the terminal is too short for it.
    fn list_rows(&self) -> usize {
        let rows = self
            .term
            .size_checked()
            .map_or(24, |(rows, _)| usize::from(rows));
        rows.saturating_sub(12).max(3)
    }

    /// One choice from a list, with the keys on screen.
    fn pick(&self, prompt: &str, labels: &[String], start: usize) -> Result<usize, Stop> {
        self.say("Use the up and down arrows to move, then press Enter.")?;
        Ok(Select::with_theme(&*self.theme)
            .with_prompt(prompt)
            .items(labels)
            .default(start)
            .max_length(self.list_rows())
            .interact_on(&self.term)?)
    }

    /// Several choices, with the keys on screen.
    fn tick(&self, prompt: &str, labels: &[String], ticked: &[bool]) -> Result<Vec<usize>, Stop> {
        self.say(
            "Use the up and down arrows to move. Press Space to tick or untick. \
             Press Enter when you are done (with nothing ticked if none apply).",
        )?;
        Ok(MultiSelect::with_theme(&*self.theme)
            .with_prompt(prompt)
            .items(labels)
            .defaults(ticked)
            .max_length(self.list_rows())
            .interact_on(&self.term)?)
    }

    fn medicines(
        &self,
        prompt: &str,
        list: &MedicineList,
        current: Option<&Answer>,
    ) -> Result<MedicineAnswer, Stop> {
        let shown: Vec<_> = list.shown().collect();
        let previous = match current {
            Some(Answer::Medicines(previous)) => previous.clone(),
            _ => MedicineAnswer::default(),
        };
        let mut labels: Vec<String> = shown.iter().map(|m| m.label()).collect();
        labels.push("Another medicine not listed".into());
        let mut ticked: Vec<bool> = shown
            .iter()
            .map(|m| previous.known.contains(&m.id))
            .collect();
        ticked.push(!previous.typed.is_empty());
        let picked = self.tick(prompt, &labels, &ticked)?;
        let mut answer = MedicineAnswer {
            known: picked
                .iter()
                .filter_map(|&i| shown.get(i).map(|m| m.id.clone()))
                .collect(),
            typed: Vec::new(),
        };
        if picked.contains(&shown.len()) {
            // Kept from before: names typed earlier, and catalogue medicines of other
            // groups that were recognised from a typed name.
            answer.known.extend(
                previous
                    .known
                    .iter()
                    .filter(|id| !shown.iter().any(|m| m.id == **id))
                    .cloned(),
            );
            answer.typed = previous.typed;
            self.other_medicines(list, &mut answer)?;
        }
        Ok(answer)
    }

    /// Typed names, recognised against the whole catalogue when they can be; a name that
    /// matches nothing is kept exactly as typed.
    fn other_medicines(
        &self,
        list: &MedicineList,
        answer: &mut MedicineAnswer,
    ) -> Result<(), Stop> {
        loop {
            let typed: String = Input::with_theme(&*self.theme)
                .with_prompt("Type the name of the medicine (or leave it blank when you are done)")
                .allow_empty(true)
                .interact_text_on(&self.term)?;
            let typed = clean(typed.trim());
            if typed.is_empty() {
                return Ok(());
            }
            if let Some(medicine) = list.catalogue.recognise(&typed) {
                let yes = Confirm::with_theme(&*self.theme)
                    .with_prompt(format!("Did you mean {}?", medicine.label()))
                    .interact_on(&self.term)?;
                if yes {
                    if !answer.known.contains(&medicine.id) {
                        answer.known.push(medicine.id.clone());
                    }
                    continue;
                }
            }
            self.say(&format!("Saved \"{typed}\" as you typed it."))?;
            answer.typed.push(typed);
        }
    }
}
