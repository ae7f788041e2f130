//! Serde structs that mirror a checklist file key for key. They only check shape (types,
//! unknown keys, missing keys); `build.rs` turns them into the checked types of `mod.rs`.

use serde::Deserialize;
use serde_saphyr::Spanned;

/// Required keys are `Option` here so that a missing one is reported at the mapping that
/// lacks it (serde would point at the last key it read). `I` is the item: `Located`, or
/// `Spanned<IgnoredAny>` to find where each item is when one of them cannot be read.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawChecklist<I = Located> {
    pub id: Option<Spanned<String>>,
    pub title: Option<Spanned<String>>,
    pub procedure: Option<Spanned<String>>,
    pub version: Option<u32>,
    pub sources: Option<Vec<Spanned<RawSource>>>,
    /// Days the clinic is closed (`2026-12-25`): no reminder to call it falls on one.
    #[serde(rename = "closed-days")]
    pub closed_days: Option<Vec<Spanned<String>>>,
    pub sections: Option<Vec<RawSection<I>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub id: String,
    pub title: String,
    pub file: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSection<I = Located> {
    pub title: Spanned<String>,
    pub items: Vec<I>,
}

/// An item, and how many lines of the file come before the text it was read from: 0 when
/// the whole file was read at once; when an item was read on its own, its locations are
/// that many lines early (see `build::reading::item_alone`).
pub struct Located {
    pub item: Spanned<RawItem>,
    pub line_offset: u64,
}

impl<'de> Deserialize<'de> for Located {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(Located {
            item: Spanned::deserialize(deserializer)?,
            line_offset: 0,
        })
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawItem {
    pub id: Option<Spanned<String>>,
    pub ask: Option<Spanned<String>>,
    pub help: Option<Spanned<String>>,
    pub kind: Option<RawKind>,
    pub choices: Option<Spanned<Vec<Spanned<RawChoice>>>>,
    pub catalogue: Option<Spanned<String>>,
    pub groups: Option<Vec<crate::catalogue::Group>>,
    pub when: Option<Spanned<RawCondition>>,
    #[serde(default)]
    pub medicines: bool,
    pub role: Option<super::Role>,
    pub unanswered: Option<Spanned<RawUnanswered>>,
    #[serde(default)]
    pub sheet: Vec<Spanned<RawSheetLine>>,
    pub source: Option<Spanned<RawSourceRef>>,
}

/// What the sheet says while an item has no answer: a to-do (`unanswered: TEXT`), or a
/// question for the care team (`unanswered: {ask: TEXT}`).
#[derive(Deserialize)]
#[serde(untagged)]
pub enum RawUnanswered {
    Todo(String),
    Ask(RawUnansweredAsk),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawUnansweredAsk {
    pub ask: String,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum RawKind {
    YesNo,
    OneChoice,
    SeveralChoices,
    Medicines,
    Text,
    Date,
    Time,
    Phone,
    Info,
}

impl RawKind {
    pub fn name(self) -> &'static str {
        match self {
            RawKind::YesNo => "yes-no",
            RawKind::OneChoice => "one-choice",
            RawKind::SeveralChoices => "several-choices",
            RawKind::Medicines => "medicines",
            RawKind::Text => "text",
            RawKind::Date => "date",
            RawKind::Time => "time",
            RawKind::Phone => "phone",
            RawKind::Info => "info",
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawChoice {
    pub id: Spanned<String>,
    pub label: Spanned<String>,
    /// For the choices of the `step` item: the sheet's title when this step is chosen.
    pub title: Option<Spanned<String>>,
    /// For a several-choices item: checked when the screen first shows, and on the sheet
    /// until the patient answers.
    #[serde(default)]
    pub checked: bool,
}

/// `{item: ID, is: VALUE-or-LIST}`, `{any: [...]}` or `{all: [...]}`: exactly one form.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCondition {
    pub item: Option<Spanned<String>>,
    pub is: Option<OneOrMany>,
    pub any: Option<Vec<Spanned<RawCondition>>>,
    pub all: Option<Vec<Spanned<RawCondition>>>,
}

/// An answer (`"yes"`, a choice id) or a list of them, in `is` and `if`.
pub enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

/// One answer: a text, or a number taken as its text; `yes`/`no` without quotes is a mistake
/// with its fix.
struct Answer(String);

impl<'de> Deserialize<'de> for Answer {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(AnswerVisitor).map(Answer)
    }
}

struct AnswerVisitor;

impl<'de> serde::de::Visitor<'de> for AnswerVisitor {
    type Value = String;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an answer (\"yes\", \"no\" or a choice id) or a list of them")
    }

    fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<String, E> {
        Ok(value.to_string())
    }

    fn visit_bool<E: serde::de::Error>(self, value: bool) -> Result<String, E> {
        let answer = if value { "yes" } else { "no" };
        Err(E::custom(format!(
            "{}{answer}",
            crate::problem::UNQUOTED_ANSWER
        )))
    }

    fn visit_i64<E: serde::de::Error>(self, value: i64) -> Result<String, E> {
        Ok(value.to_string())
    }

    fn visit_u64<E: serde::de::Error>(self, value: u64) -> Result<String, E> {
        Ok(value.to_string())
    }
}

impl<'de> Deserialize<'de> for OneOrMany {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct OneOrManyVisitor;
        impl<'de> serde::de::Visitor<'de> for OneOrManyVisitor {
            type Value = OneOrMany;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                AnswerVisitor.expecting(f)
            }
            fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<OneOrMany, E> {
                AnswerVisitor.visit_str(value).map(OneOrMany::One)
            }
            fn visit_bool<E: serde::de::Error>(self, value: bool) -> Result<OneOrMany, E> {
                AnswerVisitor.visit_bool(value).map(OneOrMany::One)
            }
            fn visit_i64<E: serde::de::Error>(self, value: i64) -> Result<OneOrMany, E> {
                AnswerVisitor.visit_i64(value).map(OneOrMany::One)
            }
            fn visit_u64<E: serde::de::Error>(self, value: u64) -> Result<OneOrMany, E> {
                AnswerVisitor.visit_u64(value).map(OneOrMany::One)
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<OneOrMany, A::Error> {
                let mut all = Vec::new();
                while let Some(Answer(answer)) = seq.next_element()? {
                    all.push(answer);
                }
                Ok(OneOrMany::Many(all))
            }
        }
        deserializer.deserialize_any(OneOrManyVisitor)
    }
}

impl OneOrMany {
    pub fn into_vec(self) -> Vec<String> {
        match self {
            OneOrMany::One(value) => vec![value],
            OneOrMany::Many(values) => values,
        }
    }
}

/// One line an answer adds to the sheet: exactly one of the place keys, and an optional `if`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSheetLine {
    pub urgent: Option<String>,
    pub todo: Option<String>,
    pub ask: Option<String>,
    pub ride: Option<String>,
    pub bring: Option<String>,
    pub contact: Option<String>,
    pub expect: Option<String>,
    #[serde(rename = "if")]
    pub trigger: Option<OneOrMany>,
    /// The passage this line comes from, when the item's own does not cover it; required
    /// for `expect` lines.
    pub source: Option<Spanned<RawSourceRef>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSourceRef {
    pub from: String,
    pub quote: String,
}
