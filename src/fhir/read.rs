//! A QuestionnaireResponse read back as answers, from prepcheck or any other R4 form filler:
//! its items in any order, nested or flat; codings matched by system and code (their
//! `version` and `display`, in any language, are not needed); typed medicines as
//! `valueString`. Each answer then goes through the same check as an answers file's
//! (`Answers::from_entries`), so what does not fit is set aside, never dropped. What the
//! response says beyond its answers (`meta`, `status`, `authored`, `subject`, ...) is not
//! needed for a sheet and is left as it is.

use std::collections::HashMap;

use serde::Deserialize;
use serde::de::IgnoredAny;

use super::{ANSWER_SYSTEM, NONE_OF_THESE, choices_system, medicines_system, questionnaire_url};
use crate::answers::{
    Answers, Entry, Found, MedicineAnswer, Misfit, NotAnswers, RawValue, ResponseWhy, SavedAnswers,
};
use crate::checklist::{Checklist, Item, Kind};

/// The deepest items may nest: prepcheck's own responses nest three deep.
pub const MAX_ITEM_DEPTH: usize = 32;

/// The most items and answers a response may hold, as many as the YAML events an answers
/// file may hold: the built-in checklist's take under 200.
pub const MAX_RESPONSE_PARTS: usize = crate::answers::MAX_YAML_EVENTS;

/// Whether a file is meant as a QuestionnaireResponse rather than an answers file: JSON
/// (it starts with `{` or `[`) named `.json` or naming a `resourceType`. An answers file
/// prepcheck wrote starts with a comment, so one the walk keeps under a `.json` name is
/// still read as answers.
pub fn looks_like_response(name: &str, text: &[u8]) -> bool {
    let json_name = name.to_ascii_lowercase().ends_with(".json");
    let text = text.strip_prefix(b"\xef\xbb\xbf").unwrap_or(text);
    let json =
        text.trim_ascii_start().starts_with(b"{") || text.trim_ascii_start().starts_with(b"[");
    json && (json_name || text.windows(14).any(|w| w == b"\"resourceType\""))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Head {
    resource_type: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawResponse {
    questionnaire: Option<String>,
    status: Option<String>,
    #[serde(default)]
    item: Vec<RawItem>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawItem {
    link_id: String,
    #[serde(default)]
    answer: Vec<RawAnswer>,
    #[serde(default)]
    item: Vec<RawItem>,
}

/// One answer: the value types prepcheck's items take, and any other by name only.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawAnswer {
    value_boolean: Option<bool>,
    value_date: Option<String>,
    value_time: Option<String>,
    value_string: Option<String>,
    value_coding: Option<RawCoding>,
    #[serde(default)]
    item: Vec<RawItem>,
    /// Every other field (`valueInteger`, `valueAttachment`, `extension`, ...).
    #[serde(flatten)]
    other: HashMap<String, IgnoredAny>,
}

#[derive(Deserialize, Default)]
struct RawCoding {
    system: Option<String>,
    code: Option<String>,
    display: Option<String>,
}

/// Read a QuestionnaireResponse to the checklist's Questionnaire as answers.
pub fn read_response(
    file: &str,
    text: &[u8],
    checklist: &Checklist,
) -> Result<SavedAnswers, NotAnswers> {
    let fail = |line, column, why| NotAnswers::Response {
        file: file.to_string(),
        line,
        column,
        why,
    };
    let json = |e: serde_json::Error| {
        let why = match e.classify() {
            serde_json::error::Category::Data => ResponseWhy::WrongKind,
            _ if std::str::from_utf8(text).is_err() => ResponseWhy::NotText,
            _ if e.to_string().starts_with("recursion limit") => ResponseWhy::TooDeep {
                depth: MAX_ITEM_DEPTH,
            },
            _ => ResponseWhy::Syntax,
        };
        fail(e.line() as u64, e.column() as u64, why)
    };
    let head: Head = serde_json::from_slice(text).map_err(json)?;
    if head.resource_type.as_deref() != Some("QuestionnaireResponse") {
        let found = head.resource_type;
        let (line, column) = value_at(text, "resourceType").unwrap_or((0, 0));
        return Err(fail(line, column, ResponseWhy::NotAResponse { found }));
    }
    let raw: RawResponse = serde_json::from_slice(text).map_err(json)?;
    let (line, column) = value_at(text, "questionnaire").unwrap_or((0, 0));
    let Some(canonical) = raw.questionnaire else {
        return Err(fail(0, 0, ResponseWhy::NoQuestionnaire));
    };
    let version = for_checklist(&canonical, checklist).map_err(|why| fail(line, column, why))?;
    if raw.status.as_deref() == Some("entered-in-error") {
        let (line, column) = value_at(text, "status").unwrap_or((0, 0));
        return Err(fail(line, column, ResponseWhy::EnteredInError));
    }
    let mut answered = Vec::new();
    collect(&raw.item, 1, &mut answered).map_err(|why| fail(0, 0, why))?;
    let mut places = LinkIds::of(text);
    let entries = answered
        .into_iter()
        .map(|raw| {
            let (line, column) = places.next_at(&raw.link_id);
            let item = checklist.item(&raw.link_id);
            Entry {
                value: Some(value(item, checklist, &raw.answer)),
                misfit: item.and_then(|item| untaken(&item.kind, &raw.answer)),
                id: raw.link_id.clone(),
                line,
                column,
            }
        })
        .collect();
    Ok(Answers::from_entries(file, entries, version, checklist))
}

/// The checklist version a response's `questionnaire` names: this checklist's Questionnaire
/// (`url|version`, or `url` alone for the version it is now), or an error naming both.
fn for_checklist(canonical: &str, checklist: &Checklist) -> Result<u32, ResponseWhy> {
    let url = questionnaire_url(checklist);
    let (found_url, found_version) = match canonical.split_once('|') {
        Some((url, version)) => (url, Some(version)),
        None => (canonical, None),
    };
    let version = checklist.version.to_string();
    if found_url == url && found_version.is_none_or(|v| v == version) {
        return Ok(checklist.version);
    }
    Err(ResponseWhy::OtherQuestionnaire {
        found: crate::text::clean(canonical),
        expected: format!("{url}|{version}"),
    })
}

/// Every item that holds answers, wherever it is (under a group, under an answer), in the
/// order the response has them; within `MAX_ITEM_DEPTH` and `MAX_RESPONSE_PARTS`.
fn collect<'r>(
    items: &'r [RawItem],
    depth: usize,
    out: &mut Vec<&'r RawItem>,
) -> Result<(), ResponseWhy> {
    if depth > MAX_ITEM_DEPTH {
        return Err(ResponseWhy::TooDeep {
            depth: MAX_ITEM_DEPTH,
        });
    }
    for item in items {
        if out.len() > MAX_RESPONSE_PARTS {
            return Err(ResponseWhy::TooMany {
                most: MAX_RESPONSE_PARTS,
            });
        }
        if !item.answer.is_empty() {
            out.push(item);
        }
        collect(&item.item, depth + 1, out)?;
        for answer in &item.answer {
            collect(&answer.item, depth + 1, out)?;
        }
    }
    Ok(())
}

/// A response's answers to one item as an answers file would hold them, by the item's kind
/// (an item the checklist does not have: as text, or a list of texts, to keep set aside).
/// A coding of another code system keeps its system, so it matches no choice.
fn value(item: Option<&Item>, checklist: &Checklist, answers: &[RawAnswer]) -> RawValue {
    let texts = |system: Option<&str>, each: fn(String) -> String| -> Vec<String> {
        (answers.iter())
            .filter(|a| !is_none_of_these(a))
            .map(|a| each(as_text(a, system)))
            .collect()
    };
    let one = |texts: Vec<String>| match <[String; 1]>::try_from(texts) {
        Ok([one]) => RawValue::Text(one),
        Err(texts) => RawValue::List(texts),
    };
    let as_is = |text| text;
    let Some(item) = item else {
        return one(texts(None, as_is));
    };
    let choices = choices_system(checklist, item);
    match &item.kind {
        Kind::OneChoice(_) => one(texts(Some(&choices), as_is)),
        Kind::SeveralChoices(_) => RawValue::List(texts(Some(&choices), as_is)),
        Kind::Medicines(list) => {
            RawValue::Medicines(medicines(answers, &medicines_system(&list.catalogue.id)))
        }
        Kind::Time => one(texts(None, |time| without_seconds(&time))),
        _ => one(texts(None, as_is)),
    }
}

/// "None of these", prepcheck's own answer to a list of several (its system may be left out).
fn is_none_of_these(answer: &RawAnswer) -> bool {
    answer.value_coding.as_ref().is_some_and(|c| {
        c.system.as_deref().is_none_or(|s| s == ANSWER_SYSTEM)
            && c.code.as_deref() == Some(NONE_OF_THESE)
    })
}

/// The answer's type, as FHIR names it (`valueCoding`); `value` when it has none.
fn type_of(answer: &RawAnswer) -> &str {
    let known = [
        (answer.value_boolean.is_some(), "valueBoolean"),
        (answer.value_date.is_some(), "valueDate"),
        (answer.value_time.is_some(), "valueTime"),
        (answer.value_string.is_some(), "valueString"),
        (answer.value_coding.is_some(), "valueCoding"),
    ];
    match known.iter().find(|(has, _)| *has) {
        Some((_, name)) => name,
        None => (answer.other.keys())
            .find(|key| key.starts_with("value"))
            .map_or("value", String::as_str),
    }
}

/// Why the answers do not fit their item's kind, when one is of a type the kind never takes
/// (a `valueAttachment`, a `valueString` for yes or no): the export's types, and names typed
/// (`valueString`) in a medicine list.
fn untaken(kind: &Kind, answers: &[RawAnswer]) -> Option<Misfit> {
    let takes: &[&str] = match kind {
        Kind::YesNo => &["valueBoolean"],
        Kind::OneChoice(_) | Kind::SeveralChoices(_) => &["valueCoding"],
        Kind::Medicines(_) => &["valueCoding", "valueString"],
        Kind::Text | Kind::Phone => &["valueString"],
        Kind::Date => &["valueDate"],
        Kind::Time => &["valueTime"],
        Kind::Info => &[],
    };
    let other = answers.iter().map(type_of).find(|t| !takes.contains(t))?;
    Some(Misfit::WrongKind {
        kind: kind.name(),
        found: Found::Text(other.to_string()),
    })
}

/// Medicines of the list by code, and names typed (`valueString`, or a coding with no code)
/// as typed; "none of these" adds nothing.
fn medicines(answers: &[RawAnswer], system: &str) -> MedicineAnswer {
    let mut out = MedicineAnswer::default();
    for answer in answers.iter().filter(|a| !is_none_of_these(a)) {
        match &answer.value_coding {
            Some(RawCoding {
                code: None,
                display: Some(name),
                ..
            }) => out.typed.push(name.clone()),
            Some(_) => out.known.push(as_text(answer, Some(system))),
            None => out.typed.push(as_text(answer, None)),
        }
    }
    out
}

/// One answer as text: `yes` or `no`, a code (`system|code` when of another system than
/// `system`), or the value as written; nothing when it is of no type prepcheck reads.
fn as_text(answer: &RawAnswer, system: Option<&str>) -> String {
    if let Some(coding) = &answer.value_coding {
        let code = coding.code.clone().unwrap_or_default();
        return match (&coding.system, system) {
            (Some(found), Some(system)) if found != system => format!("{found}|{code}"),
            _ => code,
        };
    }
    let simple = [&answer.value_string, &answer.value_date, &answer.value_time];
    if let Some(text) = simple.into_iter().flatten().next() {
        return text.clone();
    }
    match answer.value_boolean {
        Some(true) => "yes".into(),
        Some(false) => "no".into(),
        None => String::new(),
    }
}

/// "09:00:00" as "09:00": FHIR times have seconds, prepcheck's do not.
fn without_seconds(time: &str) -> String {
    match time.split(':').collect::<Vec<_>>().as_slice() {
        [hours, minutes, seconds] if seconds.trim_start_matches('0').is_empty() => {
            format!("{hours}:{minutes}")
        }
        _ => time.to_string(),
    }
}

/// Where each `"linkId"`'s value is in the file (line and column, from 1), in file order:
/// serde_json does not say where a value was, and a set-aside answer is reported there.
struct LinkIds(HashMap<String, std::vec::IntoIter<(u64, u64)>>);

impl LinkIds {
    fn of(text: &[u8]) -> LinkIds {
        let mut places: HashMap<String, Vec<(u64, u64)>> = HashMap::new();
        for (value, at) in string_values(text, "linkId") {
            places.entry(value).or_default().push(at);
        }
        LinkIds(
            places
                .into_iter()
                .map(|(k, v)| (k, v.into_iter()))
                .collect(),
        )
    }

    /// The place of the next item with this linkId (0, 0 when not found).
    fn next_at(&mut self, link_id: &str) -> (u64, u64) {
        (self.0.get_mut(link_id))
            .and_then(Iterator::next)
            .unwrap_or((0, 0))
    }
}

/// Where the first string value of `key` is in the file.
fn value_at(text: &[u8], key: &str) -> Option<(u64, u64)> {
    string_values(text, key)
        .into_iter()
        .next()
        .map(|(_, at)| at)
}

/// Every string value of `key` in a JSON text, with its line and column: the text is read
/// string by string (escapes and all), so a key's name inside a value is never taken.
fn string_values(text: &[u8], key: &str) -> Vec<(String, (u64, u64))> {
    let mut found = Vec::new();
    let mut line = 1u64;
    // Characters counted so far on this line, up to a byte: each is counted once, so a
    // file of one long line takes no longer than one of many.
    let (mut counted_to, mut column) = (0, 0u64);
    let mut last_key: Option<String> = None;
    let mut at = 0;
    while at < text.len() {
        match text[at] {
            b'\n' => (line, counted_to, column) = (line + 1, at + 1, 0),
            b'"' => {
                let Some(end) = string_end(text, at) else {
                    break;
                };
                let string: Option<String> = serde_json::from_slice(&text[at..=end]).ok();
                let after = text[end + 1..].iter().find(|b| !b.is_ascii_whitespace());
                if after == Some(&b':') {
                    last_key = string;
                } else if let (Some(k), Some(value)) = (last_key.take(), string)
                    && k == key
                {
                    // UTF-8: every byte but a continuation byte starts a character.
                    column += (text[counted_to..at].iter())
                        .filter(|b| (**b & 0xC0) != 0x80)
                        .count() as u64;
                    counted_to = at;
                    found.push((value, (line, column + 1)));
                }
                at = end;
            }
            b',' | b'{' | b'[' => last_key = None,
            _ => {}
        }
        at += 1;
    }
    found
}

/// The index of the quote that ends the JSON string starting at `start`.
fn string_end(text: &[u8], start: usize) -> Option<usize> {
    let mut at = start + 1;
    while at < text.len() {
        match text[at] {
            b'\\' => at += 2,
            b'"' => return Some(at),
            _ => at += 1,
        }
    }
    None
}
