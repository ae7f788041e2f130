//! Answers: typed values keyed by item id, which items apply given earlier answers, and the
//! answers file (plain YAML a nurse can read), checked against its checklist.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use jiff::civil::{Date, Time};
use serde::{Deserialize, Serialize};

use crate::catalogue::Medicine;
use crate::checklist::{Checklist, Choice, Condition, Item, Kind};
use crate::i18n::{Lang, Messages};

mod file;
mod fit;

/// The dates an answer may hold.
pub use crate::entry::DATES;
pub use file::{
    MAX_SET_ASIDE_BYTES, MAX_YAML_EVENTS, RawValue, from_yaml, keep_within, look_like_answers,
};
pub use fit::{Found, Misfit, NotAnswers, ResponseWhy, Unfit, YamlWhy};

/// The longest free-text answer: a name or a phone number needs far less. The walk takes no
/// longer one, and an answers file holding one sets it aside.
pub const MAX_TEXT_CHARS: usize = 200;

/// The most medicine names one answer keeps as typed: far more than anyone takes, and few
/// enough that a sheet made from an edited answers file stays quick to print.
pub const MAX_TYPED_MEDICINES: usize = 50;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    YesNo(bool),
    Choice(String),
    Choices(Vec<String>),
    Medicines(MedicineAnswer),
    Text(String),
    Date(Date),
    Time(Time),
    Phone(String),
    /// An information screen the patient has read.
    Seen,
    /// Asked, and the patient does not know yet: it stays a to-do on the sheet.
    NotKnown,
}

/// Catalogue medicines by id, and names the patient typed that matched nothing, kept as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MedicineAnswer {
    #[serde(default)]
    pub known: Vec<String>,
    #[serde(default)]
    pub typed: Vec<String>,
}

impl Answer {
    /// Several choices with none of them picked.
    pub fn is_none_chosen(&self) -> bool {
        match self {
            Answer::Choices(ids) => ids.is_empty(),
            Answer::Medicines(m) => m.known.is_empty() && m.typed.is_empty(),
            _ => false,
        }
    }

    /// Whether the answer is one of the values a condition or sheet line names.
    pub fn is_one_of(&self, values: &[String]) -> bool {
        let has = |v: &str| values.iter().any(|w| w == v);
        match self {
            Answer::YesNo(yes) => has(if *yes { "yes" } else { "no" }),
            Answer::Choice(id) => has(id),
            Answer::Choices(ids) => ids.iter().any(|id| has(id)),
            Answer::Medicines(m) => m.known.iter().any(|id| has(id)),
            _ => false,
        }
    }
}

/// The answers given so far for one checklist.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answers {
    values: BTreeMap<String, Answer>,
    /// Answers from the file that do not fit the checklist as it is now (it changed since, or
    /// the file was edited), oldest first, one per item id: kept, and written back under
    /// `set-aside`. One that fits again comes back when the file is read.
    set_aside: Vec<(String, Option<RawValue>)>,
    /// Medicine lists left before they were done (their ticks are saved): the next walk
    /// asks them again.
    unfinished: BTreeSet<String>,
}

/// One answer as a file holds it, before it is checked against its item: from an answers
/// file (YAML) or a QuestionnaireResponse (FHIR), with where it is in that file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub id: String,
    pub value: Option<RawValue>,
    /// Why the answer does not fit, when the reader knows already (a FHIR answer of a type
    /// its item never takes): set aside with this reason, its value kept.
    pub misfit: Option<Misfit>,
    pub line: u64,
    pub column: u64,
}

/// Answers read from a file, and what happened on the way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedAnswers {
    pub answers: Answers,
    /// The answers set aside while reading, each with where it is in the file and why.
    pub set_aside: Vec<Unfit>,
    /// Answers set aside before that fit the checklist again: they are answers again.
    pub came_back: Vec<String>,
    /// Answers set aside before whose question has a newer answer (or a newer one set
    /// aside): left out of the file from now on.
    pub replaced: usize,
    /// The oldest answers set aside, left out so the file stays within what it may hold.
    pub dropped: usize,
    /// The version of the checklist the answers were saved for.
    pub version: u32,
}

impl SavedAnswers {
    /// Whether saving would change more than the answers given: the checklist changed since
    /// the answers were saved, some no longer fit, some came back, or some set aside before
    /// are left out. The walk keeps the file as it was in a backup first.
    pub fn is_outdated(&self, checklist: &Checklist) -> bool {
        self.version != checklist.version
            || !self.set_aside.is_empty()
            || !self.came_back.is_empty()
            || self.replaced > 0
            || self.dropped > 0
    }
}

impl Answers {
    pub fn get(&self, id: &str) -> Option<&Answer> {
        self.values.get(id)
    }

    pub fn set(&mut self, id: &str, answer: Answer) {
        self.values.insert(id.to_string(), answer);
    }

    /// Take an answer back: the question is unanswered again.
    pub fn remove(&mut self, id: &str) {
        self.values.remove(id);
        self.unfinished.remove(id);
    }

    /// A medicine list left before it was done (its ticks are saved): asked again.
    pub fn mark_unfinished(&mut self, id: &str) {
        self.unfinished.insert(id.to_string());
    }

    /// A list answered to its end.
    pub fn mark_finished(&mut self, id: &str) {
        self.unfinished.remove(id);
    }

    /// Whether a list was left before it was done.
    pub fn is_unfinished(&self, id: &str) -> bool {
        self.unfinished.contains(id)
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// How many questions are answered.
    pub fn count(&self) -> usize {
        self.values.len()
    }

    /// The items that apply, in checklist order: an item with a condition applies only when
    /// the condition holds on the answers of items that apply themselves.
    pub fn applicable<'c>(&self, checklist: &'c Checklist) -> Vec<&'c Item> {
        let mut applies: HashSet<&str> = HashSet::new();
        let mut items = Vec::new();
        for item in checklist.items() {
            let holds = item.when.as_ref().is_none_or(|c| self.holds(c, &applies));
            if holds {
                applies.insert(&item.id);
                items.push(item);
            }
        }
        items
    }

    fn holds(&self, condition: &Condition, applies: &HashSet<&str>) -> bool {
        match condition {
            Condition::Is { item, values } => {
                applies.contains(item.as_str())
                    && self.get(item).is_some_and(|a| a.is_one_of(values))
            }
            Condition::Any(parts) => parts.iter().any(|c| self.holds(c, applies)),
            Condition::All(parts) => parts.iter().all(|c| self.holds(c, applies)),
        }
    }

    /// These answers without those of items that no longer apply (after an earlier answer
    /// changed), so the file never holds answers the sheet ignores.
    pub fn only_applicable(&self, checklist: &Checklist) -> Answers {
        let mut kept = Answers {
            set_aside: self.set_aside.clone(),
            ..Answers::default()
        };
        for item in self.applicable(checklist) {
            if let Some(answer) = self.get(&item.id) {
                kept.values.insert(item.id.clone(), answer.clone());
                if self.is_unfinished(&item.id) {
                    kept.mark_unfinished(&item.id);
                }
            }
        }
        kept
    }

    /// The first item that applies and has no answer yet: where the walk carries on.
    pub fn next_unanswered<'c>(&self, checklist: &'c Checklist) -> Option<&'c Item> {
        self.applicable(checklist)
            .into_iter()
            .find(|item| self.get(&item.id).is_none())
    }

    /// The ids of the answers set aside, oldest first.
    pub fn set_aside(&self) -> impl Iterator<Item = &str> {
        self.set_aside.iter().map(|(id, _)| id.as_str())
    }

    /// Why each answer set aside does not fit the checklist, oldest first.
    pub fn set_aside_misfits(&self, checklist: &Checklist) -> Vec<(&str, Misfit)> {
        self.set_aside
            .iter()
            .filter_map(|(id, answer)| {
                let why = match checklist.item(id) {
                    None => Misfit::NoSuchQuestion {
                        version: checklist.version,
                    },
                    Some(item) => fit::typed_answer(item, answer.clone()).err()?,
                };
                Some((id.as_str(), why))
            })
            .collect()
    }

    /// Read an answers file and check every answer against the checklist. An answer that
    /// does not fit it (the checklist changed, or the file was edited) is set aside, never
    /// dropped, and comes back once it fits; only a file that cannot be read as answers for
    /// this checklist is an error.
    pub fn parse(
        file: &str,
        text: &[u8],
        checklist: &Checklist,
    ) -> Result<SavedAnswers, NotAnswers> {
        file::parse(file, text, checklist)
    }

    /// Answers from a file of another format (a QuestionnaireResponse), each checked as an
    /// answers file's are: what does not fit is set aside, never dropped. `version` is that
    /// of the checklist they were given for.
    pub fn from_entries(
        file: &str,
        entries: Vec<Entry>,
        version: u32,
        checklist: &Checklist,
    ) -> SavedAnswers {
        file::fit(file, entries, file::Earlier::default(), version, checklist)
    }

    /// The answers file, as `file::write` lays it out.
    pub fn to_yaml(
        &self,
        checklist: &Checklist,
        lang: Lang,
    ) -> Result<String, serde_saphyr::ser::Error> {
        file::write(self, checklist, lang)
    }
}

/// One thing a several-choices or medicines answer names.
#[derive(Debug, Clone, Copy)]
pub enum Chosen<'a> {
    Choice(&'a Choice),
    /// A medicine of the item's list.
    Medicine(&'a Medicine),
    /// A name the patient typed that matched no medicine of the list, kept as typed.
    Typed(&'a str),
}

impl Chosen<'_> {
    /// How it is named to the patient: a choice's label, a medicine's label, a typed name.
    pub fn label(&self) -> String {
        match self {
            Chosen::Choice(choice) => choice.label.clone(),
            Chosen::Medicine(medicine) => medicine.label(),
            Chosen::Typed(name) => (*name).to_string(),
        }
    }
}

/// What a several-choices item stands for until it is answered: the choices checked from
/// the start. `None` for other items, and when none is.
pub fn checked_from_the_start(item: &Item) -> Option<Answer> {
    let Kind::SeveralChoices(choices) = &item.kind else {
        return None;
    };
    let ids: Vec<String> = (choices.iter())
        .filter(|c| c.checked)
        .map(|c| c.id.clone())
        .collect();
    (!ids.is_empty()).then_some(Answer::Choices(ids))
}

/// What a several-choices or medicines answer names, in the order the sheet lists them:
/// choices in checklist order, then medicines of the list as ticked, then typed names.
/// Other answers name nothing.
pub fn chosen<'a>(item: &'a Item, answer: &'a Answer) -> Vec<Chosen<'a>> {
    match (answer, &item.kind) {
        (Answer::Choices(ids), _) => item
            .choices()
            .iter()
            .filter(|c| ids.contains(&c.id))
            .map(Chosen::Choice)
            .collect(),
        (Answer::Medicines(answer), Kind::Medicines(list)) => {
            let known = answer
                .known
                .iter()
                .filter_map(|id| list.catalogue.get(id))
                .map(Chosen::Medicine);
            let typed = answer.typed.iter().map(|name| Chosen::Typed(name));
            known.chain(typed).collect()
        }
        _ => Vec::new(),
    }
}

/// An answer as the patient would say it: a choice's label, a date in words, "yes".
pub fn answer_in_words(item: &Item, answer: &Answer, m: &Messages) -> String {
    match answer {
        Answer::YesNo(true) => m.get("answer-yes"),
        Answer::YesNo(false) => m.get("answer-no"),
        Answer::Choice(id) => item
            .choices()
            .iter()
            .find(|c| c.id == *id)
            .map_or_else(|| id.clone(), |c| c.label.clone()),
        Answer::Choices(_) | Answer::Medicines(_) => {
            let labels: Vec<String> = chosen(item, answer).iter().map(Chosen::label).collect();
            if labels.is_empty() {
                m.get("answer-none")
            } else {
                let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
                m.and_list(&labels)
            }
        }
        Answer::Text(text) | Answer::Phone(text) => text.clone(),
        Answer::Date(date) => m.date(*date),
        Answer::Time(time) => m.time(*time),
        Answer::Seen => m.get("answer-read"),
        Answer::NotKnown => m.get("answer-not-known"),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::checklist::test_checklist;

    pub fn mini() -> Checklist {
        test_checklist(include_bytes!("../tests/fixtures/mini/mini.yaml"))
    }

    fn applicable_ids(checklist: &Checklist, answers: &Answers) -> Vec<String> {
        answers
            .applicable(checklist)
            .iter()
            .map(|i| i.id.clone())
            .collect()
    }

    #[test]
    fn conditions_follow_earlier_answers() {
        let checklist = mini();
        let mut answers = Answers::default();
        assert_eq!(
            applicable_ids(&checklist, &answers),
            ["step", "heart", "friend", "visit-date"]
        );
        answers.set("heart", Answer::YesNo(true));
        answers.set("step", Answer::Choice("first".into()));
        assert!(!applicable_ids(&checklist, &answers).contains(&"heart-ok".to_string()));
        answers.set("step", Answer::Choice("second".into()));
        assert!(applicable_ids(&checklist, &answers).contains(&"heart-ok".to_string()));
        assert_eq!(
            answers.next_unanswered(&checklist).map(|i| i.id.as_str()),
            Some("heart-ok")
        );
        // Changing an earlier answer drops the item that no longer applies.
        answers.set("heart-ok", Answer::YesNo(false));
        answers.set("heart", Answer::YesNo(false));
        let kept = answers.only_applicable(&checklist);
        assert_eq!(kept.get("heart-ok"), None);
        assert_eq!(kept.get("heart"), Some(&Answer::YesNo(false)));
    }

    #[test]
    fn answers_round_trip_through_the_file() {
        let checklist = mini();
        let mut answers = Answers::default();
        answers.set("step", Answer::Choice("second".into()));
        answers.set("heart", Answer::YesNo(true));
        answers.set("friend", Answer::Text("Ann \"Nan\" O'Neil: yes".into()));
        answers.set("visit-date", Answer::NotKnown);
        let read = |yaml: &str| {
            Answers::parse("a.yaml", yaml.as_bytes(), &checklist).map(|saved| saved.answers)
        };
        let yaml = answers.to_yaml(&checklist, Lang::En).expect("written");
        assert_eq!(read(&yaml), Ok(answers.clone()));
        answers.set("visit-date", Answer::Date(jiff::civil::date(2026, 12, 10)));
        let yaml = answers.to_yaml(&checklist, Lang::En).expect("written");
        assert!(yaml.contains("checklist: mini"), "{yaml}");
        assert_eq!(read(&yaml), Ok(answers));
    }

    #[test]
    fn an_answer_with_too_many_typed_medicines_is_set_aside() {
        let file = |count: usize| {
            let typed: Vec<String> = (0..count).map(|n| format!("name{n}")).collect();
            format!(
                "checklist: intrathecal-pump\nversion: 2\nanswers:\n  blood-thinners: {{known: [], typed: [{}]}}\n",
                typed.join(", ")
            )
        };
        let built_in = crate::loader::Library::load(None, false);
        let checklist = &built_in
            .find(crate::DEFAULT_CHECKLIST)
            .expect("the built-in checklist")
            .content;
        let limit = MAX_TYPED_MEDICINES;
        let kept = Answers::parse("a.yaml", file(limit).as_bytes(), checklist).expect("read");
        assert!(kept.set_aside.is_empty());
        let over = Answers::parse("a.yaml", file(limit + 1).as_bytes(), checklist).expect("read");
        assert_eq!(over.set_aside.len(), 1);
        assert_eq!(over.set_aside[0].why, Misfit::TooManyTyped);
        assert!(
            over.set_aside[0]
                .to_string()
                .contains("more than 50 medicines are typed"),
            "{}",
            over.set_aside[0]
        );
    }

    #[test]
    fn answers_that_do_not_fit_are_set_aside_with_where_they_were() {
        let checklist = mini();
        let file = "checklist: mini\nversion: 1\nanswers:\n  step: third\n  heart: maybe\n  ghost: yes\n  visit-date: someday\n  friend: [a]\n  heart-ok: \"no\"\n";
        let saved = Answers::parse("a.yaml", file.as_bytes(), &checklist).expect("read");
        let lines: Vec<String> = saved.set_aside.iter().map(ToString::to_string).collect();
        assert_eq!(
            lines,
            [
                "a.yaml:4:3: item 'step': there is no choice 'third' (the choices are: first, second)",
                "a.yaml:5:3: item 'heart': expected yes or no, found 'maybe'",
                "a.yaml:6:3: item 'ghost': there is no such question in version 2 of the checklist",
                "a.yaml:7:3: item 'visit-date': expected a date like 2026-12-10, found 'someday'",
                "a.yaml:8:3: item 'friend': expected text, found a list",
            ]
        );
        assert!(saved.is_outdated(&checklist));
        assert_eq!(saved.answers.get("heart-ok"), Some(&Answer::YesNo(false)));
        // Written back, what was set aside stays in the file, and reads back as it was.
        let yaml = saved
            .answers
            .to_yaml(&checklist, Lang::En)
            .expect("written");
        assert!(
            yaml.contains(
                "set-aside:\n  step:\n    answer: third\n    why: not one of the choices now\n"
            ) && yaml.contains("  friend:\n    answer:\n    - a\n"),
            "{yaml}"
        );
        let again = Answers::parse("b.yaml", yaml.as_bytes(), &checklist).expect("read");
        assert_eq!(again.answers, saved.answers);
        assert!(again.set_aside.is_empty(), "nothing new set aside");
        assert!(!again.is_outdated(&checklist));

        let other = "checklist: other\nversion: 1\nanswers: {}\n";
        let not_answers = Answers::parse("b.yaml", other.as_bytes(), &checklist).unwrap_err();
        assert_eq!(
            not_answers.to_string(),
            "b.yaml:1:12: these answers are for checklist 'other', not 'mini'"
        );
    }

    fn read(checklist: &Checklist, yaml: &str) -> SavedAnswers {
        Answers::parse("a.yaml", yaml.as_bytes(), checklist).expect("read")
    }

    /// An answer set aside when the checklist did not fit it comes back once it fits again
    /// (back on the checklist it was given for), and is no longer set aside.
    #[test]
    fn an_answer_set_aside_comes_back_when_it_fits_again() {
        let checklist = mini();
        let file = "checklist: mini\nversion: 2\nanswers:\n  heart: \"no\"\nset-aside:\n  friend:\n    answer: Ann\n    why: there is no such question in version 3 of the checklist\n  step:\n    answer: third\n";
        let saved = read(&checklist, file);
        assert_eq!(
            saved.answers.get("friend"),
            Some(&Answer::Text("Ann".into()))
        );
        assert_eq!(saved.came_back, ["friend"]);
        assert_eq!(saved.answers.set_aside().collect::<Vec<_>>(), ["step"]);
        assert!(
            saved.is_outdated(&checklist),
            "the walk keeps a backup first"
        );
        let again = read(
            &checklist,
            &saved
                .answers
                .to_yaml(&checklist, Lang::En)
                .expect("written"),
        );
        assert_eq!(again.answers, saved.answers);
        assert!(!again.is_outdated(&checklist));
    }

    /// For one question, an older answer set aside never silently gives way to a newer one:
    /// when the older fits, it comes back and the newer stays set aside (both are kept);
    /// when neither fits, the newer is kept (the walk keeps the older in its backup).
    #[test]
    fn a_newer_answer_set_aside_never_silently_replaces_an_older_one() {
        let checklist = mini();
        let file = |older: &str| {
            format!(
                "checklist: mini\nversion: 2\nanswers:\n  step: third\nset-aside:\n  step:\n    answer: {older}\n"
            )
        };
        let saved = read(&checklist, &file("second"));
        assert_eq!(
            saved.answers.get("step"),
            Some(&Answer::Choice("second".into()))
        );
        assert_eq!((saved.came_back.len(), saved.replaced), (1, 0));
        let yaml = saved
            .answers
            .to_yaml(&checklist, Lang::En)
            .expect("written");
        assert!(yaml.contains("  step: second\n"), "{yaml}");
        assert!(yaml.contains("  step:\n    answer: third\n"), "{yaml}");
        let again = read(&checklist, &yaml);
        assert_eq!(again.answers, saved.answers, "both stay, as they are");
        assert!(!again.is_outdated(&checklist));

        let saved = read(&checklist, &file("fourth"));
        assert_eq!(saved.answers.get("step"), None);
        assert_eq!(saved.replaced, 1);
        assert!(
            saved.is_outdated(&checklist),
            "the walk keeps a backup first"
        );
        let yaml = saved
            .answers
            .to_yaml(&checklist, Lang::En)
            .expect("written");
        assert!(
            yaml.contains("answer: third") && !yaml.contains("fourth"),
            "{yaml}"
        );
    }

    /// Answers set aside are written once each, with a short reason: a file of stray answers
    /// grows little when it is saved again, and never past what the reader takes, however
    /// much its aliases repeat (the oldest are left out, and counted).
    #[test]
    fn set_aside_answers_stay_small_and_within_the_limit() {
        let checklist = mini();
        let mut file = String::from("checklist: mini\nversion: 2\nanswers:\n");
        for n in 0..2000 {
            file.push_str(&format!("  ghost-{n}: {}\n", "word ".repeat(16).trim_end()));
        }
        let saved = read(&checklist, &file);
        assert_eq!(saved.dropped, 0);
        let yaml = saved
            .answers
            .to_yaml(&checklist, Lang::En)
            .expect("written");
        assert!(
            yaml.len() < file.len() * 3 / 2,
            "{} from {}",
            yaml.len(),
            file.len()
        );
        let again = read(&checklist, &yaml);
        assert_eq!(again.answers, saved.answers);
        let twice = again
            .answers
            .to_yaml(&checklist, Lang::En)
            .expect("written");
        assert_eq!(twice, yaml, "saving again changes nothing");

        // 30 long texts, each said 10 times through aliases: 1.2 MB once written out.
        let mut aliased = String::from("checklist: mini\nversion: 2\nanswers:\n");
        for a in 0..30 {
            aliased.push_str(&format!("  g{a}: &a{a} {}\n", "x".repeat(4000)));
            for k in 0..9 {
                aliased.push_str(&format!("  g{a}-{k}: *a{a}\n"));
            }
        }
        let saved = read(&checklist, &aliased);
        assert!(saved.dropped > 200, "{}", saved.dropped);
        let yaml = saved
            .answers
            .to_yaml(&checklist, Lang::En)
            .expect("written");
        assert!(yaml.len() <= MAX_SET_ASIDE_BYTES + 4000, "{}", yaml.len());
        // The newest are kept.
        assert!(yaml.contains("  g29-8:\n"), "{}", &yaml[..300]);
    }

    /// What a nurse types without quotes is read as written: a phone number keeps its `+`
    /// and its leading 0, a time written 7.30 is half past seven.
    #[test]
    fn unquoted_numbers_are_read_as_written() {
        let built_in = crate::loader::Library::load(None, false);
        let checklist = &built_in
            .find(crate::DEFAULT_CHECKLIST)
            .expect("the built-in checklist")
            .content;
        let file = "checklist: intrathecal-pump\nversion: 2\nanswers:\n  driver-phone: +34612345678\n  care-team-phone: 0612345678\n  arrival-time: 7.30\n";
        let saved = read(checklist, file);
        assert!(saved.set_aside.is_empty(), "{:?}", saved.set_aside);
        let answers = &saved.answers;
        assert_eq!(
            answers.get("driver-phone"),
            Some(&Answer::Phone("+34612345678".into()))
        );
        assert_eq!(
            answers.get("care-team-phone"),
            Some(&Answer::Phone("0612345678".into()))
        );
        assert_eq!(
            answers.get("arrival-time"),
            Some(&Answer::Time(Time::constant(7, 30, 0, 0)))
        );
    }

    /// A medicine list left before it was done is marked in the file, so the next walk asks
    /// it again with its ticks; answered to its end, the mark goes.
    #[test]
    fn an_unfinished_list_is_marked_in_the_file() {
        let built_in = crate::loader::Library::load(None, false);
        let checklist = &built_in
            .find(crate::DEFAULT_CHECKLIST)
            .expect("the built-in checklist")
            .content;
        let mut answers = Answers::default();
        let ticks = MedicineAnswer {
            known: vec!["clopidogrel".into()],
            typed: Vec::new(),
        };
        answers.set("blood-thinners", Answer::Medicines(ticks));
        answers.mark_unfinished("blood-thinners");
        let yaml = answers.to_yaml(checklist, Lang::En).expect("written");
        assert!(yaml.contains("unfinished:\n- blood-thinners\n"), "{yaml}");
        let again = read(checklist, &yaml);
        assert!(again.answers.is_unfinished("blood-thinners"));
        assert_eq!(again.answers, answers);
        answers.mark_finished("blood-thinners");
        let yaml = answers.to_yaml(checklist, Lang::En).expect("written");
        assert!(!yaml.contains("unfinished"), "{yaml}");
    }

    /// A file that is not answers says what is wrong in words of ours (typed, so the
    /// commands can say it in Spanish too), never in the YAML library's.
    #[test]
    fn yaml_mistakes_are_typed_not_the_librarys_words() {
        let checklist = mini();
        let why = |yaml: &str| match Answers::parse("a.yaml", yaml.as_bytes(), &checklist) {
            Err(NotAnswers::Yaml { why, line, .. }) => (why, line),
            other => panic!("{other:?}"),
        };
        assert_eq!(
            why("checklist: mini\nversion: 2\nanswers:\n  step: first\n  step: second\n"),
            (YamlWhy::SameKeyTwice(Some("step".into())), 5)
        );
        assert_eq!(why("checklist: [mini]\nversion: 2\n").0, YamlWhy::WrongKind);
        assert_eq!(
            why("version: 2\nanswers: {}\n").0,
            YamlWhy::Missing("checklist".into())
        );
        assert_eq!(
            why("checklist: mini\nversion: 2\nnotes: hi\n").0,
            YamlWhy::Unknown("notes".into())
        );
        assert_eq!(why("checklist: \"mini\nversion: 2\n").0, YamlWhy::Syntax);
        let mut many = String::from("checklist: mini\nversion: 2\nanswers:\n");
        for n in 0..MAX_YAML_EVENTS / 2 {
            many.push_str(&format!("  g{n}: x\n"));
        }
        let (too_many, _) = why(&many);
        assert_eq!(too_many, YamlWhy::TooMany);
        assert!(
            too_many.to_string().contains("at most 20000 values"),
            "{too_many}"
        );
        for (yaml, library) in [
            (
                "checklist: mini\nversion: 2\nanswers:\n  step: first\n  step: second\n",
                "DuplicateKeyPolicy",
            ),
            ("checklist: [mini]\nversion: 2\n", "expected"),
        ] {
            let said = Answers::parse("a.yaml", yaml.as_bytes(), &checklist).unwrap_err();
            assert!(!said.to_string().contains(library), "{said}");
        }
    }
}
