//! The diary file: plain YAML a nurse can read, read within the same YAML budget as the
//! answers. An entry that cannot be used (a score of 12, a time without its offset, a note
//! over `MAX_NOTE_CHARS`) is set aside as written, under `set-aside`, never dropped: it
//! comes back once it is fixed; past `MAX_SET_ASIDE_BYTES` the oldest are left out.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{Deserializer, Visitor};
use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;

use super::{At, Diary, Entry, MAX_ENTRIES, MAX_NOTE_CHARS, MAX_TIMES, Score, Trial};
use crate::answers::{MAX_SET_ASIDE_BYTES, NotAnswers, YamlWhy, from_yaml, keep_within};

/// What makes a file not a diary: the same typed reasons as an answers file.
pub type NotDiary = NotAnswers;

/// The version of the file's layout, written as `diary:`.
const VERSION: u32 = 1;

/// Whether a file reads as a diary (`diary:` and `entries:`): nothing is written over one.
pub fn look_like_diary(text: &[u8]) -> bool {
    #[derive(Deserialize)]
    struct Head {
        #[serde(rename = "diary")]
        _diary: u32,
        #[serde(rename = "entries")]
        _entries: serde::de::IgnoredAny,
    }
    from_yaml::<Head>(text).is_ok()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    diary: Spanned<u32>,
    #[serde(default)]
    trial: Option<Spanned<RawTrial>>,
    #[serde(default)]
    reminders: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    entries: Vec<RawEntry>,
    #[serde(default, rename = "set-aside")]
    set_aside: Vec<RawEntry>,
}

#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct RawTrial {
    start: String,
    end: String,
}

/// An entry as the file has it: each value as its text, so a score of `12` or `six` is
/// kept as written when it is set aside.
pub type RawEntry = BTreeMap<String, Scalar>;

/// Any YAML scalar, as text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Scalar(pub String);

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ScalarVisitor;
        impl Visitor<'_> for ScalarVisitor {
            type Value = Scalar;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number or a line of text")
            }
            fn visit_str<E>(self, value: &str) -> Result<Scalar, E> {
                Ok(Scalar(value.to_string()))
            }
            fn visit_i64<E>(self, value: i64) -> Result<Scalar, E> {
                Ok(Scalar(value.to_string()))
            }
            fn visit_u64<E>(self, value: u64) -> Result<Scalar, E> {
                Ok(Scalar(value.to_string()))
            }
            fn visit_f64<E>(self, value: f64) -> Result<Scalar, E> {
                Ok(Scalar(value.to_string()))
            }
            fn visit_bool<E>(self, value: bool) -> Result<Scalar, E> {
                Ok(Scalar(value.to_string()))
            }
        }
        deserializer.deserialize_any(ScalarVisitor)
    }
}

/// The keys of an entry, as written.
const AT: &str = "at";
const SCORE: &str = "score";
const NOTE: &str = "note";
const COULD_DO: &str = "could-do";
const NOTICED: &str = "noticed";

/// An entry from the file, or `None` when it does not fit (a key it does not have, a score
/// outside 0 to 10, a time without its offset, a text too long).
fn entry_of(raw: &RawEntry) -> Option<Entry> {
    if raw
        .keys()
        .any(|k| ![AT, SCORE, NOTE, COULD_DO, NOTICED].contains(&k.as_str()))
    {
        return None;
    }
    let at = At::parse(&raw.get(AT)?.0)?;
    let score = Score::parse(&raw.get(SCORE)?.0)?;
    let text = |key: &str| -> Option<Option<String>> {
        match raw.get(key) {
            None => Some(None),
            Some(Scalar(text)) if text.chars().count() > MAX_NOTE_CHARS => None,
            Some(Scalar(text)) => Some(Some(text.clone()).filter(|t| !t.trim().is_empty())),
        }
    };
    Some(Entry {
        at,
        score,
        note: text(NOTE)?,
        could_do: text(COULD_DO)?,
        noticed: text(NOTICED)?,
    })
}

/// An entry as written: the score a number, the texts only when there are some.
#[derive(Serialize)]
struct EntryOut<'a> {
    at: String,
    score: u8,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
    #[serde(rename = "could-do", skip_serializing_if = "Option::is_none")]
    could_do: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    noticed: Option<&'a str>,
}

impl<'a> EntryOut<'a> {
    fn of(entry: &'a Entry) -> EntryOut<'a> {
        EntryOut {
            at: entry.at.rfc3339(),
            score: entry.score.value(),
            note: entry.note.as_deref(),
            could_do: entry.could_do.as_deref(),
            noticed: entry.noticed.as_deref(),
        }
    }
}

/// Read a diary file. A file that is not a diary is an error with its line and column; an
/// entry that does not fit is set aside; entries past `MAX_ENTRIES` too (newest kept).
pub(super) fn parse(file: &str, text: &[u8]) -> Result<Diary, NotDiary> {
    let raw: RawFile = from_yaml(text).map_err(|e| YamlWhy::of(file, &e))?;
    let wrong = |at: &serde_saphyr::Location, why| NotAnswers::Yaml {
        file: file.to_string(),
        line: at.line(),
        column: at.column(),
        why,
    };
    if raw.diary.value != VERSION {
        return Err(wrong(&raw.diary.referenced, YamlWhy::WrongKind));
    }
    let trial = match raw.trial {
        None => None,
        Some(trial) => {
            let date = |t: &str| t.trim().parse::<jiff::civil::Date>().ok();
            let dates = date(&trial.value.start).zip(date(&trial.value.end));
            let made = dates.and_then(|(start, end)| Trial::new(start, end));
            Some(made.ok_or_else(|| wrong(&trial.referenced, YamlWhy::WrongKind))?)
        }
    };
    let times = match raw.reminders {
        None => None,
        Some(times) => {
            let read: Option<Vec<_>> = times.value.iter().map(|t| t.parse().ok()).collect();
            let fits = read.filter(|t: &Vec<_>| !t.is_empty() && t.len() <= MAX_TIMES);
            Some(fits.ok_or_else(|| wrong(&times.referenced, YamlWhy::WrongKind))?)
        }
    };
    let mut diary = Diary {
        trial,
        times,
        ..Diary::default()
    };
    // The entries first, then those set aside before: one fixed by hand comes back when
    // there is room, and a file read twice reads the same.
    for raw in raw.entries.into_iter().chain(raw.set_aside) {
        match entry_of(&raw) {
            Some(entry) if diary.entries.len() < MAX_ENTRIES => {
                let _ = diary.add(entry);
            }
            _ => diary.set_aside.push(raw),
        }
    }
    keep_within(
        &mut diary.set_aside,
        MAX_SET_ASIDE_BYTES,
        |raw: &RawEntry| raw.iter().map(|(k, v)| k.len() + v.0.len() + 8).sum(),
    );
    Ok(diary)
}

#[derive(Serialize)]
struct FileOut<'a> {
    diary: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    trial: Option<RawTrial>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reminders: Option<Vec<String>>,
    entries: Vec<EntryOut<'a>>,
    #[serde(rename = "set-aside", skip_serializing_if = "<[_]>::is_empty")]
    set_aside: &'a [RawEntry],
}

/// The diary as a file that reads back the same.
pub(super) fn write(diary: &Diary) -> Result<String, serde_saphyr::ser::Error> {
    let out = FileOut {
        diary: VERSION,
        trial: diary.trial.map(|t| RawTrial {
            start: t.start.to_string(),
            end: t.end.to_string(),
        }),
        reminders: (diary.times.as_ref()).map(|times| {
            times
                .iter()
                .map(|t| t.strftime("%H:%M").to_string())
                .collect()
        }),
        entries: diary.entries.iter().map(EntryOut::of).collect(),
        set_aside: &diary.set_aside,
    };
    let yaml = serde_saphyr::to_string(&out)?;
    Ok(format!(
        "# prepcheck pain diary: scores from 0 (no pain) to 10\n{yaml}"
    ))
}
