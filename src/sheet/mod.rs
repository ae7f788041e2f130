//! The reminder sheet as data, computed from a checklist and its answers. `render` turns it
//! into styled or plain text (`columns.rs`), Markdown (`markdown.rs`), HTML (`html.rs`) or
//! calendar reminders (`ics.rs`) without looking at anything else.

mod columns;
mod html;
mod ics;
mod layout;
mod markdown;
mod reminders;
mod render;

use std::collections::{HashMap, HashSet};

use jiff::civil::{Date, Time};

pub use render::{Format, render};

use crate::answers::{Answer, Answers, Chosen, MedicineAnswer, answer_in_words, chosen};
use crate::checklist::{Checklist, Item, Kind, Place, Role, SheetLine, Unanswered};
use crate::i18n::Messages;

/// What a blank to fill in by hand looks like in a sheet line.
pub const BLANK: &str = "______________";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    pub checklist_id: String,
    /// The day the sheet is made: "in N days" and the reminders count from it.
    pub today: Date,
    /// The checklist's title, or the chosen step's ("... your pain pump trial").
    pub title: String,
    pub procedure: String,
    pub patient: Patient,
    pub when: When,
    pub urgent: Vec<String>,
    pub todo: Vec<String>,
    pub questions: Vec<Questions>,
    pub ride: Vec<Entry>,
    pub bring: Vec<String>,
    pub contact: Vec<Entry>,
    /// "What to expect", for the chosen step; `None` when the checklist has no such lines.
    pub expect: Option<Vec<String>>,
}

/// The patient's name, when the checklist asks for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Patient {
    NotAsked,
    /// Asked and skipped: a printed sheet leaves room to write it.
    Blank,
    Named(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum When {
    NotSet,
    On {
        date: Date,
        arrive: Option<Time>,
        days_away: i64,
    },
}

impl When {
    /// "Thursday, December 10, 2026 (in 15 days). Arrive at 7:30 AM".
    pub fn describe(&self, m: &Messages) -> String {
        match self {
            When::NotSet => m.get("sheet-date-not-set"),
            When::On {
                date,
                arrive,
                days_away,
            } => {
                let when = m.with(
                    "sheet-when-date",
                    &[
                        ("date", m.date(*date).into()),
                        ("away", m.days_away(*days_away).into()),
                    ],
                );
                match arrive {
                    Some(time) => {
                        let arrive = m.with("sheet-arrive-at", &[("time", m.time(*time).into())]);
                        format!("{when}. {arrive}")
                    }
                    None => when,
                }
            }
        }
    }
}

/// Questions for the care team, about one medicine or (with `about: None`) in general.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Questions {
    pub about: Option<String>,
    pub questions: Vec<String>,
}

/// A line of the ride or contact part: a fact, or a to-do with a check box.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    Fact(String),
    Todo(String),
}

impl Sheet {
    /// The sheet for these answers. Items that apply and are not answered yet become to-dos,
    /// questions or blanks to fill in.
    pub fn new(checklist: &Checklist, answers: &Answers, today: Date, m: &Messages) -> Sheet {
        let mut sheet = Sheet::top(checklist, answers, today);
        let mut general = Vec::new();
        let mut arrive = None;
        // Medicines already on the sheet: one named on two screens, or twice on one, is
        // asked about once. Sets and an index of the question groups, not lists searched
        // for each name: an answers file can name many thousands.
        let mut listed = Listed::default();
        let mut groups = HashMap::new();
        for item in answers.applicable(checklist) {
            let answer = answers.get(&item.id);
            match (item.role, answer) {
                (Some(Role::ProcedureDate), Some(Answer::Date(date))) => {
                    sheet.when = When::On {
                        date: *date,
                        arrive: None,
                        days_away: (*date - today).get_days().into(),
                    }
                }
                (Some(Role::ArrivalTime), Some(Answer::Time(time))) => arrive = Some(*time),
                _ => {}
            }
            let known = !matches!(answer, None | Some(Answer::NotKnown));
            if !known && !matches!(item.kind, Kind::Info) {
                sheet.add_unanswered(item, &mut general, m);
                continue;
            }
            let fresh = answer.map(|a| listed.fresh(a));
            sheet.add_lines(item, fresh.as_ref(), &mut general, &mut groups, m);
        }
        if !general.is_empty() {
            sheet.questions.insert(
                0,
                Questions {
                    about: None,
                    questions: general,
                },
            );
        }
        if let (When::On { arrive: slot, .. }, Some(time)) = (&mut sheet.when, arrive) {
            *slot = Some(time);
        }
        sheet
    }

    /// A sheet with its title, procedure and patient, and nothing on it yet.
    fn top(checklist: &Checklist, answers: &Answers, today: Date) -> Sheet {
        Sheet {
            checklist_id: checklist.id.clone(),
            today,
            title: step_title(checklist, answers)
                .unwrap_or(&checklist.title)
                .to_string(),
            procedure: checklist.procedure.clone(),
            patient: match checklist.with_role(Role::PatientName) {
                None => Patient::NotAsked,
                Some(item) => match answers.get(&item.id) {
                    Some(Answer::Text(name)) => Patient::Named(name.clone()),
                    _ => Patient::Blank,
                },
            },
            when: When::NotSet,
            urgent: Vec::new(),
            todo: Vec::new(),
            questions: Vec::new(),
            ride: Vec::new(),
            bring: Vec::new(),
            contact: Vec::new(),
            expect: checklist.has_expectations().then(Vec::new),
        }
    }

    /// The lines an item's answer adds; questions without a medicine go to `general`, those
    /// about one to its group (`groups`: where each is in `questions`).
    fn add_lines(
        &mut self,
        item: &Item,
        answer: Option<&Answer>,
        general: &mut Vec<String>,
        groups: &mut HashMap<String, usize>,
        m: &Messages,
    ) {
        for line in &item.sheet {
            let fires = match (&line.trigger, answer) {
                // "None of these" adds nothing; other answers add their lines.
                (None, Some(answer)) => !answer.is_none_chosen(),
                (None, None) => true,
                (Some(values), Some(answer)) => answer.is_one_of(values),
                (Some(_), None) => false,
            };
            if !fires {
                continue;
            }
            let named = answer.map(|a| Named::of(item, a, m)).unwrap_or_default();
            if line.repeats() {
                for (label, about) in &named.each {
                    let text = line.text.replace("{each}", label);
                    self.add_about(line.place, about, text, groups);
                }
            } else {
                let text = line.text.replace("{answer}", &named.whole);
                match line.place {
                    Place::Ask => general.push(text),
                    place => self.add(place, text),
                }
            }
        }
    }

    fn add(&mut self, place: Place, text: String) {
        match place {
            Place::Urgent => self.urgent.push(text),
            Place::Todo => self.todo.push(text),
            Place::Ask => self.questions.push(Questions {
                about: None,
                questions: vec![text],
            }),
            Place::Ride => self.ride.push(Entry::Fact(text)),
            Place::Bring => self.bring.push(text),
            Place::Contact => self.contact.push(Entry::Fact(text)),
            Place::Expect => self.expect.get_or_insert_with(Vec::new).push(text),
        }
    }

    /// A line about one chosen value: questions are grouped under it.
    fn add_about(
        &mut self,
        place: Place,
        about: &str,
        text: String,
        groups: &mut HashMap<String, usize>,
    ) {
        if place != Place::Ask {
            return self.add(place, text);
        }
        match groups.get(about) {
            Some(&at) => self.questions[at].questions.push(text),
            None => {
                groups.insert(about.to_string(), self.questions.len());
                self.questions.push(Questions {
                    about: Some(about.to_string()),
                    questions: vec![text],
                });
            }
        }
    }

    /// What an unanswered item leaves on the sheet: its own to-do or question; else blanks to
    /// fill in by hand where its answer would go on the ride or contact part; else a to-do
    /// to answer it. The patient's name is never a to-do.
    fn add_unanswered(&mut self, item: &Item, general: &mut Vec<String>, m: &Messages) {
        if item.role == Some(Role::PatientName) {
            return;
        }
        let first_place = item.sheet.first().map(|l| l.place);
        let todo = match &item.unanswered {
            Some(Unanswered::Ask(question)) => return general.push(question.clone()),
            Some(Unanswered::Todo(todo)) => todo.clone(),
            None => {
                let blanks: Vec<&SheetLine> = item
                    .sheet
                    .iter()
                    .filter(|l| matches!(l.place, Place::Ride | Place::Contact))
                    .filter(|l| l.trigger.is_none() && l.text.contains("{answer}"))
                    .collect();
                if !blanks.is_empty() {
                    for line in blanks {
                        self.add(line.place, line.text.replace("{answer}", BLANK));
                    }
                    return;
                }
                m.with(
                    "sheet-answer-the-question",
                    &[("question", item.ask.as_str().into())],
                )
            }
        };
        match first_place {
            Some(Place::Ride) => self.ride.push(Entry::Todo(todo)),
            Some(Place::Contact) => self.contact.push(Entry::Todo(todo)),
            _ => self.todo.push(todo),
        }
    }
}

/// The medicines already on the sheet: catalogue ids, and typed names in ASCII lower case.
#[derive(Default)]
struct Listed {
    known: HashSet<String>,
    typed: HashSet<String>,
}

impl Listed {
    /// A medicines answer without the medicines already listed, which it adds to the list;
    /// other answers are kept as they are.
    fn fresh(&mut self, answer: &Answer) -> Answer {
        match answer {
            Answer::Medicines(m) => Answer::Medicines(MedicineAnswer {
                known: (m.known.iter())
                    .filter(|id| self.known.insert(id.to_string()))
                    .cloned()
                    .collect(),
                typed: (m.typed.iter())
                    .filter(|name| self.typed.insert(name.to_ascii_lowercase()))
                    .cloned()
                    .collect(),
            }),
            other => other.clone(),
        }
    }
}

/// The title of the step chosen, if the checklist has a step item, it is answered and its
/// choice has a title.
fn step_title<'c>(checklist: &'c Checklist, answers: &Answers) -> Option<&'c str> {
    let item = checklist.with_role(Role::Step)?;
    let Some(Answer::Choice(id)) = answers.get(&item.id) else {
        return None;
    };
    item.choices()
        .iter()
        .find(|c| c.id == *id)?
        .title
        .as_deref()
}

/// How an answer reads in a sheet line: whole, and for `{each}` one by one with what each is.
#[derive(Default)]
struct Named {
    whole: String,
    each: Vec<(String, String)>,
}

impl Named {
    fn of(item: &Item, answer: &Answer, m: &Messages) -> Named {
        let each: Vec<(String, String)> = chosen(item, answer)
            .into_iter()
            .map(|chosen| {
                let label = chosen.label();
                let about = match chosen {
                    Chosen::Choice(_) => label.clone(),
                    Chosen::Medicine(medicine) => about(m, &label, m.get(medicine.group.message())),
                    Chosen::Typed(name) => about(m, name, m.get("medicine-named")),
                };
                (label, about)
            })
            .collect();
        let whole = match answer {
            Answer::Choices(_) | Answer::Medicines(_) => {
                let labels: Vec<&str> = each.iter().map(|(label, _)| label.as_str()).collect();
                m.and_list(&labels)
            }
            _ => answer_in_words(item, answer, m),
        };
        Named { whole, each }
    }
}

/// "Plavix (clopidogrel), a blood thinner": a medicine and what it is, for its questions.
fn about(m: &Messages, name: &str, what: String) -> String {
    m.with(
        "medicine-about",
        &[("name", name.into()), ("what", what.into())],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::tests::mini;
    use crate::i18n::english;
    use jiff::civil::date;

    fn all_formats(sheet: &Sheet) -> Vec<(String, String)> {
        [
            (
                "text",
                Format::Text {
                    styled: true,
                    width: 80,
                },
            ),
            ("plain", Format::Plain),
            ("markdown", Format::Markdown),
        ]
        .into_iter()
        .map(|(name, format)| {
            let mut out = Vec::new();
            render(sheet, &format, english(), &mut out).expect("render to memory");
            (name.to_string(), String::from_utf8(out).expect("UTF-8"))
        })
        .collect()
    }

    /// The statement may be wrapped over lines; compare without line breaks and markup.
    fn flat(text: &str) -> String {
        let text = console::strip_ansi_codes(text).replace(['|', '>', '*'], " ");
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// A checklist of one medicines item that asks about each medicine chosen.
    fn medicines_checklist() -> Checklist {
        crate::checklist::test_checklist(
            b"id: meds
title: Medicines
procedure: Small visit
version: 1
sources:
  - {id: leaflet, title: Small visit leaflet, file: sources/mini.txt}
sections:
  - title: Your medicines
    items:
      - id: thinners
        ask: Do you take any of these?
        kind: medicines
        catalogue: bleeding
        sheet:
          - ask: Does {each} matter?
        source: {from: leaflet, quote: Bring your list.}
      - id: others
        ask: Do you take any of these too?
        kind: medicines
        catalogue: bleeding
        sheet:
          - ask: Does {each} matter?
        source: {from: leaflet, quote: Bring your list.}
",
        )
    }

    #[test]
    fn a_medicine_named_twice_is_asked_about_once() {
        let checklist = medicines_checklist();
        let mut answers = Answers::default();
        let named = |known: &[&str], typed: &[&str]| {
            Answer::Medicines(MedicineAnswer {
                known: known.iter().map(ToString::to_string).collect(),
                typed: typed.iter().map(ToString::to_string).collect(),
            })
        };
        answers.set(
            "thinners",
            named(
                &["aspirin", "aspirin", "warfarin"],
                &["Zorbinol", "zorbinol"],
            ),
        );
        answers.set("others", named(&["warfarin"], &["ZORBINOL", "Other"]));
        let sheet = Sheet::new(&checklist, &answers, date(2026, 11, 25), english());
        let about: Vec<&str> = (sheet.questions.iter())
            .filter_map(|q| q.about.as_deref())
            .collect();
        assert_eq!(about.len(), 4, "{about:?}");
        assert!(sheet.questions.iter().all(|q| q.questions.len() == 1));
        assert!(about.iter().any(|a| a.starts_with("Other")), "{about:?}");
    }

    #[test]
    fn every_format_carries_the_medication_statement_even_for_a_clinic_checklist() {
        let checklist = mini();
        assert!(
            !std::str::from_utf8(include_bytes!("../../tests/fixtures/mini/mini.yaml"))
                .expect("UTF-8")
                .contains("medic"),
            "the fixture must not mention medicines"
        );
        for answers in [Answers::default(), {
            let mut a = Answers::default();
            a.set("heart", Answer::YesNo(true));
            a
        }] {
            let sheet = Sheet::new(&checklist, &answers, date(2026, 11, 25), english());
            for (format, text) in all_formats(&sheet) {
                assert!(
                    flat(&text).contains(&english().get("medication-statement")),
                    "{format} sheet lacks the statement:\n{text}"
                );
            }
        }
    }

    #[test]
    fn unanswered_items_become_to_dos_and_answers_fill_the_sheet() {
        let checklist = mini();
        let blank = Sheet::new(
            &checklist,
            &Answers::default(),
            date(2026, 11, 25),
            english(),
        );
        assert_eq!(
            blank.todo,
            [
                "Answer: Which visit is it?",
                "Answer: Do you have a heart problem?",
                "Answer: What day is your visit?"
            ]
        );
        assert_eq!(
            blank.ride,
            [Entry::Todo("Ask a friend to come with you.".into())]
        );
        assert_eq!(blank.when, When::NotSet);

        let mut answers = Answers::default();
        answers.set("step", Answer::Choice("second".into()));
        answers.set("heart", Answer::YesNo(true));
        answers.set("heart-ok", Answer::YesNo(false));
        answers.set("friend", Answer::Text("Ann\u{1b}[31m".into()));
        answers.set("visit-date", Answer::Date(date(2026, 12, 10)));
        let sheet = Sheet::new(&checklist, &answers, date(2026, 11, 25), english());
        assert_eq!(sheet.todo, ["Get the OK from your heart doctor."]);
        assert_eq!(
            sheet.questions,
            [Questions {
                about: None,
                questions: vec!["Do I need an OK from my heart doctor?".into()]
            }]
        );
        assert_eq!(
            sheet.when.describe(english()),
            "Thursday, December 10, 2026 (in 15 days)"
        );
        for (format, text) in all_formats(&sheet) {
            assert!(
                !text.contains("\u{1b}[31m"),
                "{format} passed an escape code through"
            );
            assert!(text.contains("Ann"), "{format}");
        }
    }
}
