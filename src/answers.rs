//! Answers: typed values keyed by item id, which items apply given earlier answers, and the
//! answers file (plain YAML a nurse can read), checked against its checklist.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;

use jiff::civil::{Date, Time};
use serde::de::{Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;

use crate::catalogue::Medicine;
use crate::checklist::{Checklist, Choice, Condition, Item, Kind};
use crate::i18n::{Lang, Messages};
use crate::problem::Problem;

mod fit;

use fit::typed_answer;
pub use fit::{Found, Misfit, NotAnswers, Unfit};

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
    /// the file was edited): kept, never dropped, and written back under `set-aside`.
    set_aside: BTreeMap<String, SetAside>,
}

/// An answer that no longer fits its checklist, as it was in the file, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SetAside {
    pub answer: RawValue,
    pub why: String,
}

/// Answers read from a file, and what happened on the way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedAnswers {
    pub answers: Answers,
    /// The answers set aside while reading, each with where it is in the file and why.
    pub set_aside: Vec<Unfit>,
    /// The version of the checklist the answers were saved for.
    pub version: u32,
}

impl SavedAnswers {
    /// Whether the checklist changed since the answers were saved, or some no longer fit.
    pub fn is_outdated(&self, checklist: &Checklist) -> bool {
        self.version != checklist.version || !self.set_aside.is_empty()
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
                kept.set(&item.id, answer.clone());
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

    /// Keep an answer that does not fit, as the file had it (empty for `~`), and why.
    fn put_aside(&mut self, id: &str, value: Option<RawValue>, why: String) {
        let answer = value.unwrap_or(RawValue::Text(String::new()));
        self.set_aside
            .insert(id.to_string(), SetAside { answer, why });
    }

    /// The answers set aside, by item id.
    pub fn set_aside(&self) -> &BTreeMap<String, SetAside> {
        &self.set_aside
    }

    /// Read an answers file and check every answer against the checklist. An answer that
    /// does not fit it (the checklist changed, or the file was edited) is set aside, never
    /// dropped; only a file that cannot be read as answers for this checklist is an error.
    pub fn parse(
        file: &str,
        text: &[u8],
        checklist: &Checklist,
    ) -> Result<SavedAnswers, NotAnswers> {
        let raw: RawAnswersFile = serde_saphyr::from_slice(text)
            .map_err(|e| NotAnswers::Yaml(Problem::from_yaml(file, &e)))?;
        let at = |s: &Spanned<String>| (s.referenced.line(), s.referenced.column());
        if raw.checklist.value != checklist.id {
            let (line, column) = at(&raw.checklist);
            return Err(NotAnswers::OtherChecklist {
                file: file.to_string(),
                line,
                column,
                found: raw.checklist.value,
                expected: checklist.id.clone(),
            });
        }
        let mut answers = Answers {
            set_aside: raw.set_aside.unwrap_or_default(),
            ..Answers::default()
        };
        let mut set_aside = Vec::new();
        // Items by id, looked up once per answer (a clinic's checklist and its answers
        // file can both hold thousands).
        let mut items: HashMap<&str, &Item> = HashMap::new();
        for item in checklist.items() {
            items.entry(item.id.as_str()).or_insert(item);
        }
        for (id, value) in raw.answers.0 {
            let fits = match items.get(id.value.as_str()).copied() {
                None => Err(Misfit::NoSuchQuestion {
                    version: checklist.version,
                }),
                Some(item) if answers.values.contains_key(&item.id) => Err(Misfit::AnsweredTwice),
                Some(item) => typed_answer(item, value.clone()),
            };
            match fits {
                Ok(answer) => answers.set(&id.value, answer),
                Err(why) => {
                    let (line, column) = at(&id);
                    answers.put_aside(&id.value, value, why.to_string());
                    set_aside.push(Unfit {
                        file: file.to_string(),
                        line,
                        column,
                        item: id.value,
                        why,
                    });
                }
            }
        }
        Ok(SavedAnswers {
            answers,
            set_aside,
            version: raw.version,
        })
    }

    /// The answers file: a short header, then the answers in checklist order, and the
    /// language they were given in (the sheet can be printed in any language from them).
    pub fn to_yaml(&self, checklist: &Checklist, lang: Lang) -> String {
        let file = AnswersFileOut {
            checklist: &checklist.id,
            version: checklist.version,
            language: lang.code(),
            answers: OrderedAnswers(
                checklist
                    .items()
                    .filter_map(|item| Some((item.id.as_str(), self.get(&item.id)?)))
                    .collect(),
            ),
            set_aside: (!self.set_aside.is_empty()).then_some(&self.set_aside),
        };
        let body = serde_saphyr::to_string(&file).unwrap_or_default();
        // One clean line: nothing in a checklist's title can turn this comment into YAML.
        format!(
            "# prepcheck answers for \"{}\". A ~ means \"not known yet\".\n{body}",
            crate::text::clean(&checklist.title)
        )
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawAnswersFile {
    checklist: Spanned<String>,
    version: u32,
    /// The language the answers were given in: recorded for people, not needed to read them.
    #[serde(default, rename = "language")]
    _language: Option<String>,
    #[serde(default)]
    answers: Pairs,
    set_aside: Option<BTreeMap<String, SetAside>>,
}

/// An answer as the file has it, before it is checked against its item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RawValue {
    Text(String),
    List(Vec<String>),
    Medicines(MedicineAnswer),
}

/// Any YAML value an answer can be. Written by hand rather than `untagged`, so that a
/// nurse's unquoted `yes` (a YAML boolean) or `5551234567` (a number) still reads as text.
impl<'de> Deserialize<'de> for RawValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ValueVisitor;
        impl<'de> Visitor<'de> for ValueVisitor {
            type Value = RawValue;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an answer: text, a list, or {known: [...], typed: [...]}")
            }
            fn visit_str<E>(self, text: &str) -> Result<RawValue, E> {
                Ok(RawValue::Text(text.to_string()))
            }
            fn visit_bool<E>(self, yes: bool) -> Result<RawValue, E> {
                Ok(RawValue::Text(if yes { "yes" } else { "no" }.into()))
            }
            fn visit_i64<E>(self, n: i64) -> Result<RawValue, E> {
                Ok(RawValue::Text(n.to_string()))
            }
            fn visit_u64<E>(self, n: u64) -> Result<RawValue, E> {
                Ok(RawValue::Text(n.to_string()))
            }
            fn visit_f64<E>(self, n: f64) -> Result<RawValue, E> {
                Ok(RawValue::Text(n.to_string()))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<RawValue, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element::<String>()? {
                    items.push(item);
                }
                Ok(RawValue::List(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawValue, A::Error> {
                MedicineAnswer::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(RawValue::Medicines)
            }
        }
        deserializer.deserialize_any(ValueVisitor)
    }
}

/// The answers mapping, in file order, with where each key is.
#[derive(Default)]
struct Pairs(Vec<(Spanned<String>, Option<RawValue>)>);

impl<'de> Deserialize<'de> for Pairs {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PairsVisitor;
        impl<'de> Visitor<'de> for PairsVisitor {
            type Value = Pairs;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a mapping of item ids to answers")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Pairs, A::Error> {
                let mut pairs = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    pairs.push(entry);
                }
                Ok(Pairs(pairs))
            }
            fn visit_unit<E>(self) -> Result<Pairs, E> {
                Ok(Pairs::default())
            }
        }
        deserializer.deserialize_map(PairsVisitor)
    }
}

impl Serialize for RawValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            RawValue::Text(text) => serializer.serialize_str(text),
            RawValue::List(items) => items.serialize(serializer),
            RawValue::Medicines(medicines) => medicines.serialize(serializer),
        }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "kebab-case")]
struct AnswersFileOut<'a> {
    checklist: &'a str,
    version: u32,
    language: &'a str,
    answers: OrderedAnswers<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    set_aside: Option<&'a BTreeMap<String, SetAside>>,
}

struct OrderedAnswers<'a>(Vec<(&'a str, &'a Answer)>);

impl Serialize for OrderedAnswers<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (id, answer) in &self.0 {
            match answer {
                Answer::YesNo(yes) => map.serialize_entry(id, if *yes { "yes" } else { "no" })?,
                Answer::Choice(text) | Answer::Text(text) | Answer::Phone(text) => {
                    map.serialize_entry(id, text)?
                }
                Answer::Choices(ids) => map.serialize_entry(id, ids)?,
                Answer::Medicines(medicines) => map.serialize_entry(id, medicines)?,
                Answer::Date(date) => map.serialize_entry(id, &date.to_string())?,
                Answer::Time(time) => {
                    map.serialize_entry(id, &time.strftime("%H:%M").to_string())?
                }
                Answer::Seen => map.serialize_entry(id, "seen")?,
                Answer::NotKnown => map.serialize_entry(id, &None::<String>)?,
            }
        }
        map.end()
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
        let yaml = answers.to_yaml(&checklist, Lang::En);
        assert_eq!(read(&yaml), Ok(answers.clone()));
        answers.set("visit-date", Answer::Date(jiff::civil::date(2026, 12, 10)));
        let yaml = answers.to_yaml(&checklist, Lang::En);
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
        let yaml = saved.answers.to_yaml(&checklist, Lang::En);
        assert!(
            yaml.contains("set-aside:\n  friend:\n    answer:\n    - a\n"),
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
}
