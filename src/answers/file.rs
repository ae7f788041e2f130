//! The answers file: plain YAML a nurse can read and edit, read within a budget of YAML
//! events, and written back so that it reads the same. A scalar is read as the text the
//! file holds (an unquoted `+34612345678` or `7.30` is text, not a number); answers that do
//! not fit the checklist are kept under `set-aside` (oldest first, each once, within
//! `MAX_SET_ASIDE_BYTES`), and come back when they fit again; medicine lists left before
//! they were done are named under `unfinished`.

use std::collections::{BTreeSet, HashMap};
use std::fmt;

use serde::de::{Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;

use super::fit::{NotAnswers, YamlWhy, typed_answer};
use super::{Answer, Answers, Entry, MedicineAnswer, Misfit, SavedAnswers, Unfit};
use crate::checklist::{Checklist, Item, Kind};
use crate::i18n::Lang;

/// The most YAML events an answers file may hold, as for a checklist: the answers to the
/// built-in checklist take under 300. Past it the reader stops, so that a file of tiny
/// values, or of aliases that repeat a long list, is refused quickly instead of read in full
/// (a 1 MiB file took 0.47 s and 96 MB).
pub use crate::problem::MAX_YAML_EVENTS;

/// The most the answers set aside may take in the file (their text, roughly): past it the
/// oldest are left out of the file, and the walk keeps the file as it was in a backup
/// first, so the file never grows past what the reader takes.
pub const MAX_SET_ASIDE_BYTES: usize = 256 * 1024;

/// A file (or its head) read as `T`, within `MAX_YAML_EVENTS`.
pub fn from_yaml<'de, T: Deserialize<'de>>(text: &'de [u8]) -> Result<T, serde_saphyr::Error> {
    let options = serde_saphyr::options! {
        budget: serde_saphyr::budget! { max_events: MAX_YAML_EVENTS },
        // `0612345678` is text as written, never the number 612345678.
        leading_zero_numbers_as_strings: true,
        underscored_numbers_as_strings: true,
    };
    serde_saphyr::from_slice_with_options(text, options)
}

/// Whether a file reads as an answers file of any checklist (it has a `checklist:`, a
/// `version:` and `answers:`): nothing else is ever written over one.
pub fn look_like_answers(text: &[u8]) -> bool {
    #[derive(Deserialize)]
    struct Head {
        #[serde(rename = "checklist")]
        _checklist: String,
        #[serde(rename = "version")]
        _version: u32,
        #[serde(rename = "answers")]
        _answers: serde::de::IgnoredAny,
    }
    from_yaml::<Head>(text).is_ok()
}

/// Read an answers file and check every answer against the checklist (see `Answers::parse`).
pub(super) fn parse(
    file: &str,
    text: &[u8],
    checklist: &Checklist,
) -> Result<SavedAnswers, NotAnswers> {
    let raw: RawAnswersFile = from_yaml(text).map_err(|e| YamlWhy::of(file, &e))?;
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
    let entries = raw
        .answers
        .0
        .into_iter()
        .map(|(id, value)| {
            let (line, column) = at(&id);
            Entry {
                value: value.value.map(|v| v.into_written(text, &value.referenced)),
                misfit: None,
                id: id.value,
                line,
                column,
            }
        })
        .collect();
    let before = raw
        .set_aside
        .map(|s| s.0)
        .unwrap_or_default()
        .into_iter()
        .map(|(id, entry)| (id, entry.answer.map(|v| v.into_written(text, &entry.at))))
        .collect();
    let earlier = Earlier {
        set_aside: before,
        unfinished: raw.unfinished.unwrap_or_default(),
    };
    Ok(fit(file, entries, earlier, raw.version, checklist))
}

/// What a file kept of earlier walks: the answers set aside (oldest first) and the lists
/// left unfinished. A QuestionnaireResponse has neither.
#[derive(Default)]
pub(super) struct Earlier {
    pub set_aside: Vec<(String, Option<RawValue>)>,
    pub unfinished: Vec<String>,
}

/// The one way answers from a file become answers: each checked against its item (see
/// `Answers::parse`), whatever the file's format.
pub(super) fn fit(
    file: &str,
    entries: Vec<Entry>,
    earlier: Earlier,
    version: u32,
    checklist: &Checklist,
) -> SavedAnswers {
    // Items by id, looked up once per answer (a clinic's checklist and its answers file
    // can both hold thousands).
    let mut items: HashMap<&str, &Item> = HashMap::new();
    for item in checklist.items() {
        items.entry(item.id.as_str()).or_insert(item);
    }
    let mut answers = Answers::default();
    let mut unfit = Vec::new();
    // The answers that do not fit, newest (those under `answers:`) last.
    let mut newer: Vec<(String, Option<RawValue>)> = Vec::new();
    for entry in entries {
        let fits = match items.get(entry.id.as_str()).copied() {
            None => Err(Misfit::NoSuchQuestion {
                version: checklist.version,
            }),
            Some(item) if answers.values.contains_key(&item.id) => Err(Misfit::AnsweredTwice),
            Some(_) if entry.misfit.is_some() => Err(entry.misfit.unwrap_or(Misfit::NoAnswer)),
            Some(item) => typed_answer(item, entry.value.clone()),
        };
        match fits {
            Ok(answer) => {
                answers.values.insert(entry.id, answer);
            }
            Err(why) => {
                newer.push((entry.id.clone(), entry.value));
                unfit.push(Unfit {
                    file: file.to_string(),
                    line: entry.line,
                    column: entry.column,
                    item: entry.id,
                    why,
                });
            }
        }
    }
    let mut saved = SavedAnswers {
        answers,
        set_aside: unfit,
        came_back: Vec::new(),
        replaced: 0,
        dropped: 0,
        version,
    };
    // The answers set aside before: back when they fit again and their question has no
    // answer (a newer answer that does not fit stays set aside in their place); kept
    // otherwise, the oldest first, unless a newer answer set aside takes their place.
    let mut kept = Vec::new();
    for (id, answer) in earlier.set_aside {
        let back = match items.get(id.as_str()) {
            Some(item) if !saved.answers.values.contains_key(&id) => {
                typed_answer(item, answer.clone()).ok()
            }
            _ => None,
        };
        match back {
            Some(back) => {
                saved.answers.values.insert(id.clone(), back);
                saved.came_back.push(id);
            }
            None if newer.iter().any(|(n, _)| *n == id) => saved.replaced += 1,
            None => kept.push((id, answer)),
        }
    }
    kept.extend(newer);
    saved.dropped = keep_within(&mut kept, MAX_SET_ASIDE_BYTES, |(id, value)| {
        id.len() + value.as_ref().map_or(0, RawValue::size) + 16
    });
    saved.answers.set_aside = kept;
    saved.answers.unfinished = earlier
        .unfinished
        .into_iter()
        .filter(|id| {
            let list = items
                .get(id.as_str())
                .is_some_and(|i| matches!(i.kind, Kind::Medicines(_)));
            list && saved.answers.values.contains_key(id)
        })
        .collect::<BTreeSet<String>>();
    saved
}

/// Leave out the oldest entries (the first) until the rest take at most `budget` bytes, each
/// of the size `size` says; how many were left out. (Set-aside answers, and diary entries.)
pub fn keep_within<T>(entries: &mut Vec<T>, budget: usize, size: impl Fn(&T) -> usize) -> usize {
    let mut total: usize = entries.iter().map(&size).sum();
    let mut out = 0;
    while total > budget && out < entries.len() {
        total -= size(&entries[out]);
        out += 1;
    }
    entries.drain(..out);
    out
}

/// The answers file: a short header, then the answers in checklist order, the language they
/// were given in (the sheet can be printed in any language from them), the lists left
/// unfinished, and what was set aside (each with a short reason).
pub(super) fn write(
    answers: &Answers,
    checklist: &Checklist,
    lang: Lang,
) -> Result<String, serde_saphyr::ser::Error> {
    let set_aside: Vec<(&str, SetAsideOut)> = answers
        .set_aside
        .iter()
        .map(|(id, answer)| {
            let why = match checklist.item(id) {
                None => Misfit::NoSuchQuestion {
                    version: checklist.version,
                }
                .short(),
                Some(item) => typed_answer(item, answer.clone())
                    .err()
                    .map_or("kept", |m| m.short()),
            };
            (
                id.as_str(),
                SetAsideOut {
                    answer: answer.as_ref(),
                    why,
                },
            )
        })
        .collect();
    let file = AnswersFileOut {
        checklist: &checklist.id,
        version: checklist.version,
        language: lang.code(),
        answers: OrderedAnswers(
            checklist
                .items()
                .filter_map(|item| Some((item.id.as_str(), answers.get(&item.id)?)))
                .collect(),
        ),
        unfinished: (!answers.unfinished.is_empty()).then_some(&answers.unfinished),
        set_aside: (!set_aside.is_empty()).then_some(OrderedSetAside(set_aside)),
    };
    let body = serde_saphyr::to_string(&file)?;
    // One clean line: nothing in a checklist's title can turn this comment into YAML.
    Ok(format!(
        "# prepcheck answers for \"{}\". A ~ means \"not known yet\".\n{body}",
        crate::text::clean(&checklist.title)
    ))
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
    unfinished: Option<Vec<String>>,
    set_aside: Option<SetAsidePairs>,
}

/// An answer as the file has it, before it is checked against its item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RawValue {
    Text(String),
    List(Vec<String>),
    Medicines(MedicineAnswer),
}

impl RawValue {
    /// Roughly how many bytes it takes in the file.
    fn size(&self) -> usize {
        match self {
            RawValue::Text(text) => text.len(),
            RawValue::List(items) => items.iter().map(|i| i.len() + 4).sum(),
            RawValue::Medicines(m) => m.known.iter().chain(&m.typed).map(|i| i.len() + 4).sum(),
        }
    }
}

/// A value as read, and whether YAML took it for a number: its text is then taken from the
/// file as written, so that `+34612345678` keeps its `+` and `7.30` its `0`.
struct FileValue {
    value: RawValue,
    number: bool,
}

impl FileValue {
    fn into_written(self, text: &[u8], at: &serde_saphyr::Location) -> RawValue {
        if !self.number {
            return self.value;
        }
        let span = at.span();
        let written = span
            .byte_offset()
            .zip(span.byte_len())
            .and_then(|(start, len)| {
                let start = usize::try_from(start).ok()?;
                let end = start.checked_add(usize::try_from(len).ok()?)?;
                std::str::from_utf8(text.get(start..end)?).ok()
            });
        // Only a plain number is taken as written (not an alias, a tag or an anchor).
        match written.map(str::trim) {
            Some(written)
                if !written.is_empty()
                    && written
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || "+-._".contains(c)) =>
            {
                RawValue::Text(written.to_string())
            }
            _ => self.value,
        }
    }
}

/// Any YAML value an answer can be. Written by hand rather than `untagged`, so that a
/// nurse's unquoted `yes` (a YAML boolean) or `5551234567` (a number) still reads as text.
impl<'de> Deserialize<'de> for FileValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ValueVisitor;
        impl<'de> Visitor<'de> for ValueVisitor {
            type Value = FileValue;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an answer: text, a list, or {known: [...], typed: [...]}")
            }
            fn visit_str<E>(self, value: &str) -> Result<FileValue, E> {
                Ok(FileValue {
                    value: RawValue::Text(value.to_string()),
                    number: false,
                })
            }
            fn visit_bool<E>(self, yes: bool) -> Result<FileValue, E> {
                Ok(FileValue {
                    value: RawValue::Text(if yes { "yes" } else { "no" }.into()),
                    number: false,
                })
            }
            fn visit_i64<E>(self, n: i64) -> Result<FileValue, E> {
                Ok(FileValue {
                    value: RawValue::Text(n.to_string()),
                    number: true,
                })
            }
            fn visit_u64<E>(self, n: u64) -> Result<FileValue, E> {
                Ok(FileValue {
                    value: RawValue::Text(n.to_string()),
                    number: true,
                })
            }
            fn visit_f64<E>(self, n: f64) -> Result<FileValue, E> {
                Ok(FileValue {
                    value: RawValue::Text(n.to_string()),
                    number: true,
                })
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<FileValue, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element::<String>()? {
                    items.push(item);
                }
                Ok(FileValue {
                    value: RawValue::List(items),
                    number: false,
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<FileValue, A::Error> {
                MedicineAnswer::deserialize(serde::de::value::MapAccessDeserializer::new(map)).map(
                    |m| FileValue {
                        value: RawValue::Medicines(m),
                        number: false,
                    },
                )
            }
        }
        deserializer.deserialize_any(ValueVisitor)
    }
}

/// The answers mapping, in file order, with where each key and value is.
#[derive(Default)]
struct Pairs(Vec<(Spanned<String>, Spanned<Option<FileValue>>)>);

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

/// An answer set aside, as the file has it: the answer, and why (written for people; read
/// again from the checklist, so it is not kept).
struct RawSetAside {
    answer: Option<FileValue>,
    at: serde_saphyr::Location,
}

impl<'de> Deserialize<'de> for RawSetAside {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Entry {
            answer: Spanned<Option<FileValue>>,
            #[serde(default, rename = "why")]
            _why: Option<String>,
        }
        let entry = Entry::deserialize(deserializer)?;
        Ok(RawSetAside {
            answer: entry.answer.value,
            at: entry.answer.referenced,
        })
    }
}

/// The answers set aside, in file order (the oldest first).
struct SetAsidePairs(Vec<(String, RawSetAside)>);

impl<'de> Deserialize<'de> for SetAsidePairs {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntriesVisitor;
        impl<'de> Visitor<'de> for EntriesVisitor {
            type Value = SetAsidePairs;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a mapping of item ids to answers set aside")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<SetAsidePairs, A::Error> {
                let mut pairs = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    pairs.push(entry);
                }
                Ok(SetAsidePairs(pairs))
            }
            fn visit_unit<E>(self) -> Result<SetAsidePairs, E> {
                Ok(SetAsidePairs(Vec::new()))
            }
        }
        deserializer.deserialize_map(EntriesVisitor)
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
    unfinished: Option<&'a BTreeSet<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    set_aside: Option<OrderedSetAside<'a>>,
}

#[derive(Serialize)]
struct SetAsideOut<'a> {
    answer: Option<&'a RawValue>,
    why: &'static str,
}

struct OrderedSetAside<'a>(Vec<(&'a str, SetAsideOut<'a>)>);

impl Serialize for OrderedSetAside<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (id, entry) in &self.0 {
            map.serialize_entry(id, entry)?;
        }
        map.end()
    }
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
