//! The reminder sheet as data, computed from a checklist and its answers. `render` turns it
//! into styled or plain text (`columns.rs`), Markdown (`markdown.rs`), HTML (`html.rs`) or
//! calendar reminders (`ics.rs`) without looking at anything else.

mod columns;
pub(crate) mod html;
mod ics;
mod layout;
mod markdown;
mod reminders;
mod render;

use std::collections::{BTreeMap, HashMap, HashSet};

use jiff::civil::{Date, Time};

pub use render::{Format, render};

use crate::answers::{
    Answer, Answers, Chosen, MedicineAnswer, answer_in_words, checked_from_the_start, chosen,
};
use crate::catalogue::Group;
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
    /// The patient's name, when the checklist asks for it.
    pub patient: Field,
    /// The step chosen (trial or implant), when the checklist has a step item.
    pub step: Field,
    pub when: When,
    /// The time to get there, when known.
    pub arrive: Option<Time>,
    /// "Call your care team" lines: about the blood thinners the patient takes first, then
    /// the checklist's urgent lines. None says what to do with a medicine.
    pub calls: Vec<String>,
    pub todo: Vec<String>,
    /// Questions about medicines, by kind: blood thinners first, then pain medicines,
    /// supplements, and the rest. Only kinds with questions.
    pub medicines: Vec<MedicineQuestions>,
    /// The other questions, under the title of the part of the checklist they come from,
    /// in the checklist's order.
    pub questions: Vec<Topic>,
    pub ride: Vec<Entry>,
    pub bring: Vec<String>,
    pub contact: Vec<Entry>,
    /// "What to expect", for the chosen step; `None` when the checklist has no such lines.
    pub expect: Option<Vec<String>>,
    /// Days the clinic is closed, besides weekends: no call to it is planned on one.
    pub closed_days: Vec<Date>,
    /// Reminders to log pain in the diary during the trial, when its dates are known.
    pub diary: Option<DiaryReminders>,
}

/// When to remind the patient to log their pain: each day from `first` to `last`, at each
/// of `times` (morning, afternoon, evening unless the patient changed them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiaryReminders {
    pub first: Date,
    pub last: Date,
    pub times: Vec<Time>,
}

/// A line at the top of the sheet the patient may not have answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    /// The checklist does not ask it.
    NotAsked,
    /// Asked and not answered: a printed sheet leaves room to write it.
    Blank,
    Given(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum When {
    NotSet,
    On { date: Date, days_away: i64 },
}

impl When {
    /// "Thursday, December 10, 2026 (in 15 days)"; `None` when not set.
    pub fn describe(&self, m: &Messages) -> Option<String> {
        match self {
            When::NotSet => None,
            When::On { date, days_away } => Some(m.with(
                "sheet-when-date",
                &[
                    ("date", m.date(*date).into()),
                    ("away", m.days_away(*days_away).into()),
                ],
            )),
        }
    }
}

/// The kinds of medicine the questions are grouped by, in the order the sheet lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MedicineKind {
    BloodThinners,
    PainMedicines,
    /// Supplements, herbs, and the other medicines the supplement screen lists.
    Supplements,
    /// Questions about medicines in general, and medicines of no kind above.
    Other,
}

impl MedicineKind {
    fn of(group: Group) -> MedicineKind {
        match group {
            Group::Anticoagulant | Group::Antiplatelet => MedicineKind::BloodThinners,
            Group::PainReliever | Group::OtherPainReliever => MedicineKind::PainMedicines,
            Group::Supplement | Group::PrescriptionFishOil | Group::StomachMedicine => {
                MedicineKind::Supplements
            }
        }
    }

    /// The kind of the medicines a screen lists: a name typed there is taken as one of them.
    fn of_screen(groups: &[Group]) -> MedicineKind {
        groups.first().map_or(MedicineKind::Other, |g| Self::of(*g))
    }

    /// The heading of its questions on the sheet.
    pub fn heading(self) -> &'static str {
        match self {
            MedicineKind::BloodThinners => "sheet-questions-blood-thinners",
            MedicineKind::PainMedicines => "sheet-questions-pain-medicines",
            MedicineKind::Supplements => "sheet-questions-supplements",
            MedicineKind::Other => "sheet-questions-other-medicines",
        }
    }
}

/// The questions about one kind of medicine: about each medicine, or (`about: None`) about
/// medicines in general.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MedicineQuestions {
    pub kind: MedicineKind,
    pub groups: Vec<Questions>,
}

/// Questions for the care team about one medicine, or (with `about: None`) in general.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Questions {
    /// "Plavix (clopidogrel), a blood thinner".
    pub about: Option<String>,
    pub questions: Vec<String>,
}

/// The questions of one part of the checklist ("Before the day").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Topic {
    pub title: String,
    pub questions: Vec<String>,
}

/// A line of the ride or contact part: a fact, or a to-do with a check box.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    Fact(String),
    Todo(String),
}

/// Where an item's questions without a medicine of their own go: under the title of its
/// part of the checklist, or with the medicines when it is about them.
#[derive(Clone, Copy)]
struct Part<'a> {
    title: &'a str,
    about_medicines: bool,
}

/// Where the questions go while the sheet is made: which group each medicine's questions
/// are in, and which topic each part's. Maps, not lists searched for each name: an answers
/// file can name many thousands.
#[derive(Default)]
struct Gathered {
    medicines: BTreeMap<MedicineKind, Vec<Questions>>,
    /// A medicine's name and what it is, to the kind and place of its group.
    groups: HashMap<String, (MedicineKind, usize)>,
    /// A part's title to its place in `topics`.
    topics: Vec<Topic>,
    topic_at: HashMap<String, usize>,
    /// The blood thinners named, ticked or typed, for the call about them.
    blood_thinners: Vec<String>,
}

impl Gathered {
    /// A question about medicines in general.
    fn medicine_question(&mut self, text: String) {
        let groups = self.medicines.entry(MedicineKind::Other).or_default();
        match groups.iter_mut().find(|g| g.about.is_none()) {
            Some(general) => general.questions.push(text),
            None => groups.push(Questions {
                about: None,
                questions: vec![text],
            }),
        }
    }

    /// A question about one medicine, under its name.
    fn about_medicine(&mut self, kind: MedicineKind, about: &str, text: String) {
        if let Some(&(kind, at)) = self.groups.get(about) {
            if let Some(group) = self.medicines.get_mut(&kind).and_then(|g| g.get_mut(at)) {
                group.questions.push(text);
            }
            return;
        }
        let groups = self.medicines.entry(kind).or_default();
        self.groups.insert(about.to_string(), (kind, groups.len()));
        groups.push(Questions {
            about: Some(about.to_string()),
            questions: vec![text],
        });
    }

    /// A question of the part of the checklist titled `title`.
    fn topic_question(&mut self, title: &str, text: String) {
        match self.topic_at.get(title) {
            Some(&at) => self.topics[at].questions.push(text),
            None => {
                self.topic_at.insert(title.to_string(), self.topics.len());
                self.topics.push(Topic {
                    title: title.to_string(),
                    questions: vec![text],
                });
            }
        }
    }

    /// A question without a medicine of its own: among the medicine questions when its
    /// item is about medicines (so the statement is near), else under its part.
    fn question(&mut self, to: Part, text: String) {
        if to.about_medicines {
            self.medicine_question(text);
        } else {
            self.topic_question(to.title, text);
        }
    }
}

impl Sheet {
    /// The sheet for these answers. Items that apply and are not answered yet become to-dos,
    /// questions or blanks to fill in; a list of questions not answered yet stands for the
    /// ones checked from the start.
    pub fn new(checklist: &Checklist, answers: &Answers, today: Date, m: &Messages) -> Sheet {
        let mut sheet = Sheet::top(checklist, answers, today);
        let mut gathered = Gathered::default();
        // Medicines already on the sheet: one named on two screens, or twice on one, is
        // asked about once.
        let mut listed = Listed::default();
        let parts: HashMap<&str, &str> = (checklist.sections.iter())
            .flat_map(|s| s.items.iter().map(|i| (i.id.as_str(), s.title.as_str())))
            .collect();
        for item in answers.applicable(checklist) {
            let part = Part {
                title: parts.get(item.id.as_str()).copied().unwrap_or_default(),
                about_medicines: item.about_medicines,
            };
            let from_the_start = checked_from_the_start(item);
            let answer = answers.get(&item.id).or(from_the_start.as_ref());
            match (item.role, answer) {
                (Some(Role::ProcedureDate), Some(Answer::Date(date))) => {
                    sheet.when = When::On {
                        date: *date,
                        days_away: (*date - today).get_days().into(),
                    }
                }
                (Some(Role::ArrivalTime), Some(Answer::Time(time))) => sheet.arrive = Some(*time),
                _ => {}
            }
            let known = !matches!(answer, None | Some(Answer::NotKnown));
            if !known && !matches!(item.kind, Kind::Info) {
                sheet.add_unanswered(item, part, &mut gathered, m);
                continue;
            }
            let fresh = answer.map(|a| listed.fresh(a));
            sheet.add_lines(item, part, fresh.as_ref(), &mut gathered, m);
        }
        if !gathered.blood_thinners.is_empty() {
            let names: Vec<&str> = gathered.blood_thinners.iter().map(String::as_str).collect();
            let call = m.with(
                "sheet-call-blood-thinners",
                &[
                    ("count", names.len().into()),
                    ("medicines", m.and_list(&names).into()),
                ],
            );
            sheet.calls.insert(0, call);
        }
        sheet.medicines = (gathered.medicines.into_iter())
            .map(|(kind, groups)| MedicineQuestions { kind, groups })
            .collect();
        sheet.questions = gathered.topics;
        sheet
    }

    /// A sheet with its title, procedure, patient and step, and nothing else on it yet.
    fn top(checklist: &Checklist, answers: &Answers, today: Date) -> Sheet {
        let field = |role: Role, given: &dyn Fn(&Item, &Answer) -> Option<String>| match checklist
            .with_role(role)
        {
            None => Field::NotAsked,
            Some(item) => match answers.get(&item.id).and_then(|a| given(item, a)) {
                Some(text) => Field::Given(text),
                None => Field::Blank,
            },
        };
        Sheet {
            checklist_id: checklist.id.clone(),
            today,
            title: step_title(checklist, answers)
                .unwrap_or(&checklist.title)
                .to_string(),
            procedure: checklist.procedure.clone(),
            patient: field(Role::PatientName, &|_, answer| match answer {
                Answer::Text(name) => Some(name.clone()),
                _ => None,
            }),
            step: field(Role::Step, &|item, answer| match answer {
                Answer::Choice(id) => (item.choices().iter())
                    .find(|c| c.id == *id)
                    .map(|c| c.label.clone()),
                _ => None,
            }),
            when: When::NotSet,
            arrive: None,
            calls: Vec::new(),
            todo: Vec::new(),
            medicines: Vec::new(),
            questions: Vec::new(),
            ride: Vec::new(),
            bring: Vec::new(),
            contact: Vec::new(),
            expect: checklist.has_expectations().then(Vec::new),
            closed_days: checklist.closed_days.clone(),
            diary: None,
        }
    }

    /// The lines an item's answer adds: questions to their group (`gathered`), the rest to
    /// their place.
    fn add_lines(
        &mut self,
        item: &Item,
        part: Part,
        answer: Option<&Answer>,
        gathered: &mut Gathered,
        m: &Messages,
    ) {
        let named = answer.map(|a| Named::of(item, a, m)).unwrap_or_default();
        gathered.blood_thinners.extend(
            (named.each.iter())
                .filter(|e| e.kind == Some(MedicineKind::BloodThinners))
                .map(|e| e.label.clone()),
        );
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
            if !line.repeats() {
                let text = line.text.replace("{answer}", &named.whole);
                self.add(line.place, text, part, gathered);
                continue;
            }
            for each in &named.each {
                let text = line.text.replace("{each}", &each.label);
                match (line.place, each.kind) {
                    (Place::Ask, Some(kind)) => gathered.about_medicine(kind, &each.about, text),
                    (place, _) => self.add(place, text, part, gathered),
                }
            }
        }
    }

    /// A line at its place; a question goes with the others of its part (`gathered`).
    fn add(&mut self, place: Place, text: String, to: Part, gathered: &mut Gathered) {
        match place {
            Place::Urgent => self.calls.push(text),
            Place::Todo => self.todo.push(text),
            Place::Ask => gathered.question(to, text),
            Place::Ride => self.ride.push(Entry::Fact(text)),
            Place::Bring => self.bring.push(text),
            Place::Contact => self.contact.push(Entry::Fact(text)),
            Place::Expect => self.expect.get_or_insert_with(Vec::new).push(text),
        }
    }

    /// What an unanswered item leaves on the sheet: its own to-do or question; else blanks to
    /// fill in by hand where its answer would go on the ride or contact part; else a to-do
    /// to answer it. The patient's name is never a to-do.
    fn add_unanswered(&mut self, item: &Item, part: Part, gathered: &mut Gathered, m: &Messages) {
        if item.role == Some(Role::PatientName) {
            return;
        }
        let first_place = item.sheet.first().map(|l| l.place);
        let todo = match &item.unanswered {
            Some(Unanswered::Ask(question)) => {
                return gathered.question(part, question.clone());
            }
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
                        let text = line.text.replace("{answer}", BLANK);
                        self.add(line.place, text, part, gathered);
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

    /// Whether the sheet has a question for the care team.
    pub fn has_questions(&self) -> bool {
        !self.medicines.is_empty() || !self.questions.is_empty()
    }

    /// The heading of the questions that are not about medicines: "more" when some about
    /// medicines come before them.
    pub fn questions_heading(&self) -> &'static str {
        if self.medicines.is_empty() {
            "sheet-questions"
        } else {
            "sheet-questions-more"
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

/// How an answer reads in a sheet line: whole, and for `{each}` one by one.
#[derive(Default)]
struct Named {
    whole: String,
    each: Vec<One>,
}

/// One value an answer names, for `{each}`.
struct One {
    label: String,
    /// For a medicine: its name and what it is ("Plavix (clopidogrel), a blood thinner").
    about: String,
    /// For a medicine, its kind; `None` for a choice.
    kind: Option<MedicineKind>,
}

impl Named {
    fn of(item: &Item, answer: &Answer, m: &Messages) -> Named {
        let screen = match &item.kind {
            Kind::Medicines(list) => MedicineKind::of_screen(&list.groups),
            _ => MedicineKind::Other,
        };
        let each: Vec<One> = chosen(item, answer)
            .into_iter()
            .map(|chosen| {
                let label = chosen.label();
                let (about, kind) = match chosen {
                    Chosen::Choice(_) => (label.clone(), None),
                    Chosen::Medicine(medicine) => (
                        about(m, &label, m.get(medicine.group.message())),
                        Some(MedicineKind::of(medicine.group)),
                    ),
                    Chosen::Typed(name) => (about(m, name, m.get("medicine-named")), Some(screen)),
                };
                One { label, about, kind }
            })
            .collect();
        let whole = match answer {
            Answer::Choices(_) | Answer::Medicines(_) => {
                let labels: Vec<&str> = each.iter().map(|one| one.label.as_str()).collect();
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
        let groups: Vec<&Questions> = sheet.medicines.iter().flat_map(|k| &k.groups).collect();
        let about: Vec<&str> = groups.iter().filter_map(|q| q.about.as_deref()).collect();
        assert_eq!(about.len(), 4, "{about:?}");
        assert!(groups.iter().all(|q| q.questions.len() == 1));
        assert!(about.iter().any(|a| a.starts_with("Other")), "{about:?}");
    }

    /// A checklist with a blood-thinner screen, a pain screen, a screen of questions about
    /// medicines and one of questions by topic (two checked from the start).
    fn topics_checklist() -> Checklist {
        crate::checklist::test_checklist(
            b"id: topics
title: Topics
procedure: Small visit
version: 1
sources:
  - {id: leaflet, title: Small visit leaflet, file: sources/mini.txt}
sections:
  - title: Your medicines
    items:
      - id: thinners
        ask: Do you take any of these blood thinners?
        kind: medicines
        catalogue: bleeding
        groups: [anticoagulant, antiplatelet]
        sheet:
          - ask: Does {each} matter?
        source: {from: leaflet, quote: Bring your list.}
      - id: pain
        ask: Do you take any of these pain medicines?
        kind: medicines
        catalogue: bleeding
        groups: [pain-reliever]
        sheet:
          - ask: Does {each} matter?
        source: {from: leaflet, quote: Bring your list.}
      - id: medicine-questions
        ask: Which of these questions about your medicines do you want to ask?
        kind: several-choices
        medicines: true
        choices:
          - {id: list, label: Should I bring a list of my medicines?}
        sheet:
          - ask: \"{each}\"
  - title: Before the visit
    items:
      - id: before
        ask: Which of these questions do you want to ask?
        kind: several-choices
        choices:
          - {id: eat, label: Can I eat before the visit?, checked: true}
          - {id: wear, label: What should I wear?}
          - {id: ride, label: Can I drive home?, checked: true}
        sheet:
          - ask: \"{each}\"
",
        )
    }

    fn taken(known: &[&str], typed: &[&str]) -> Answer {
        Answer::Medicines(MedicineAnswer {
            known: known.iter().map(ToString::to_string).collect(),
            typed: typed.iter().map(ToString::to_string).collect(),
        })
    }

    /// Blood thinners, ticked on any screen or typed on theirs, are named in one call to
    /// the care team, first among the calls; it says nothing of what to do with them.
    #[test]
    fn a_blood_thinner_means_a_call_that_names_it() {
        let checklist = topics_checklist();
        let call = |thinners: Answer, pain: Answer| {
            let mut answers = Answers::default();
            answers.set("thinners", thinners);
            answers.set("pain", pain);
            Sheet::new(&checklist, &answers, date(2026, 11, 25), english()).calls
        };
        assert_eq!(
            call(taken(&["apixaban"], &[]), taken(&[], &[])),
            ["Call your care team soon about your blood thinner: Eliquis (apixaban)."]
        );
        // Aspirin ticked for pain is a blood thinner too; a name typed on the blood-thinner
        // screen is taken as one.
        assert_eq!(
            call(
                taken(&["warfarin"], &["Zorbinol"]),
                taken(&["aspirin", "ibuprofen"], &[])
            ),
            [
                "Call your care team soon about your blood thinners: Warfarin (Coumadin, \
                 Jantoven), Zorbinol and Aspirin (Bayer Aspirin, Ecotrin, Bufferin, Durlaza)."
            ]
        );
        assert!(call(taken(&[], &[]), taken(&["ibuprofen"], &["Zorbinol"])).is_empty());
    }

    /// The questions about medicines come by kind, blood thinners first, each medicine's
    /// under its name; the other questions under the part of the checklist they come from.
    /// A list of questions not answered yet stands for those checked from the start; once
    /// answered, for those the patient checked.
    #[test]
    fn questions_come_medicines_first_then_by_part() {
        let checklist = topics_checklist();
        let mut answers = Answers::default();
        answers.set("pain", taken(&["ibuprofen"], &[]));
        answers.set("thinners", taken(&["clopidogrel"], &[]));
        answers.set("medicine-questions", Answer::Choices(vec!["list".into()]));
        let sheet = Sheet::new(&checklist, &answers, date(2026, 11, 25), english());
        let kinds: Vec<MedicineKind> = sheet.medicines.iter().map(|k| k.kind).collect();
        assert_eq!(
            kinds,
            [
                MedicineKind::BloodThinners,
                MedicineKind::PainMedicines,
                MedicineKind::Other
            ]
        );
        assert_eq!(
            sheet.medicines[0].groups,
            [Questions {
                about: Some("Plavix (clopidogrel), a blood thinner".into()),
                questions: vec!["Does Plavix (clopidogrel) matter?".into()],
            }]
        );
        assert_eq!(
            sheet.medicines[2].groups,
            [Questions {
                about: None,
                questions: vec!["Should I bring a list of my medicines?".into()],
            }]
        );
        assert_eq!(
            sheet.questions,
            [Topic {
                title: "Before the visit".into(),
                questions: vec![
                    "Can I eat before the visit?".into(),
                    "Can I drive home?".into()
                ],
            }]
        );
        answers.set("before", Answer::Choices(vec!["wear".into()]));
        answers.set("medicine-questions", Answer::Choices(Vec::new()));
        let sheet = Sheet::new(&checklist, &answers, date(2026, 11, 25), english());
        assert_eq!(sheet.questions[0].questions, ["What should I wear?"]);
        assert_eq!(sheet.medicines.len(), 2, "none checked, none asked");
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
            [Topic {
                title: "Your visit".into(),
                questions: vec!["Do I need an OK from my heart doctor?".into()]
            }]
        );
        assert_eq!(
            sheet.when.describe(english()).as_deref(),
            Some("Thursday, December 10, 2026 (in 15 days)")
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
