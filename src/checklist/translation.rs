//! Translations of a checklist: a file beside it (`intrathecal-pump.es.yaml`) that gives,
//! by key, every text a patient reads, each with a fingerprint of the English text it
//! translates, so that `check` can tell a translation gone stale when the English changed.
//! Source quotes stay in the source's language: provenance does not change.

use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::{Checklist, Kind, Unanswered};
use crate::i18n::Lang;
use crate::problem::{Problem, Problems};

/// A checklist's translation into one language, checked against the checklist.
#[derive(Debug, Clone)]
pub struct Translation {
    /// Who has checked it, in the file's words ("awaiting review by the clinic").
    pub status: Option<String>,
    texts: HashMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawTranslation {
    translation_of: Spanned<String>,
    language: Spanned<String>,
    status: Option<String>,
    texts: BTreeMap<String, Spanned<RawText>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawText {
    /// The fingerprint of the English text this translates.
    english: String,
    text: String,
}

impl Checklist {
    /// Every text a patient reads, by its key in a translation file, in checklist order, for
    /// reading or replacing: `title`, `procedure`, `section.N`, `ITEM.ask`, `ITEM.help`,
    /// `ITEM.unanswered`, `ITEM.choice.CHOICE`, `ITEM.choice.CHOICE.title`, `ITEM.sheet.N`.
    fn each_text(&mut self, mut each: impl FnMut(&str, &mut String)) {
        each("title", &mut self.title);
        each("procedure", &mut self.procedure);
        for (n, section) in self.sections.iter_mut().enumerate() {
            each(&format!("section.{}", n + 1), &mut section.title);
            for item in &mut section.items {
                let id = item.id.clone();
                each(&format!("{id}.ask"), &mut item.ask);
                if let Some(help) = &mut item.help {
                    each(&format!("{id}.help"), help);
                }
                if let Some(Unanswered::Todo(text) | Unanswered::Ask(text)) = &mut item.unanswered {
                    each(&format!("{id}.unanswered"), text);
                }
                if let Kind::OneChoice(choices) | Kind::SeveralChoices(choices) = &mut item.kind {
                    for choice in choices {
                        each(&format!("{id}.choice.{}", choice.id), &mut choice.label);
                        if let Some(title) = &mut choice.title {
                            each(&format!("{id}.choice.{}.title", choice.id), title);
                        }
                    }
                }
                for (n, line) in item.sheet.iter_mut().enumerate() {
                    each(&format!("{id}.sheet.{}", n + 1), &mut line.text);
                }
            }
        }
    }

    /// Every text a patient reads, with its key.
    pub fn texts(&self) -> Vec<(String, String)> {
        let mut copy = self.clone();
        let mut texts = Vec::new();
        copy.each_text(|key, text| texts.push((key.to_string(), text.clone())));
        texts
    }

    /// This checklist in the language of `translation`; a text it lacks stays as it is
    /// (`check` reports it).
    pub fn translated(&self, translation: &Translation) -> Checklist {
        let mut copy = self.clone();
        copy.each_text(|key, text| {
            if let Some(translated) = translation.texts.get(key) {
                *text = translated.clone();
            }
        });
        copy
    }
}

/// The fingerprint of a text: FNV-1a (32 bits) of its words, in hex. Spacing and line breaks
/// do not count; any other change does.
pub fn fingerprint(text: &str) -> String {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .bytes()
    {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    format!("{hash:08x}")
}

/// The placeholders of a text, in order: `{answer}`, `{each}`.
fn placeholders(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let Some(end) = rest[start..].find('}') else {
            break;
        };
        found.push(&rest[start..start + end + 1]);
        rest = &rest[start + end + 1..];
    }
    found.sort_unstable();
    found
}

impl Translation {
    /// Read a translation file and check it against the checklist it translates: every text
    /// there, none that is not, the same placeholders, and none stale.
    pub fn parse(file: &str, bytes: &[u8], checklist: &Checklist) -> Result<Translation, Problems> {
        let raw: Spanned<RawTranslation> =
            serde_saphyr::from_slice(bytes).map_err(|e| vec![Problem::from_yaml(file, &e)])?;
        let top = raw.referenced;
        let raw = raw.value;
        let mut problems = Problems::new();
        let at = |place: serde_saphyr::Location| (place.line(), place.column());
        let complain = |problems: &mut Problems, (line, column): (u64, u64), message: String| {
            problems.push(Problem::at(file, line, column, message));
        };
        if raw.translation_of.value != checklist.id {
            complain(
                &mut problems,
                at(raw.translation_of.referenced),
                format!(
                    "this translates checklist '{}', not '{}'",
                    raw.translation_of.value, checklist.id
                ),
            );
        }
        let lang = Lang::from_code(&raw.language.value).filter(|lang| *lang != Lang::En);
        if lang.is_none() {
            complain(
                &mut problems,
                at(raw.language.referenced),
                format!(
                    "'{}' is not a language prepcheck can translate into (es)",
                    raw.language.value
                ),
            );
        }
        let english = checklist.texts();
        for (key, text) in &english {
            let Some(entry) = raw.texts.get(key) else {
                complain(&mut problems, at(top), format!("missing text '{key}'"));
                continue;
            };
            let place = at(entry.referenced);
            let entry = &entry.value;
            if entry.text.trim().is_empty() {
                complain(&mut problems, place, format!("'{key}': empty text"));
            }
            if placeholders(&entry.text) != placeholders(text) {
                complain(
                    &mut problems,
                    place,
                    format!(
                        "'{key}': the placeholders differ from the English ({})",
                        placeholders(text).join(", ")
                    ),
                );
            }
            if entry.english != fingerprint(text) {
                complain(
                    &mut problems,
                    place,
                    format!(
                        "'{key}' is stale: the English changed since it was translated (now \
                         \"{text}\", fingerprint {})",
                        fingerprint(text)
                    ),
                );
            }
        }
        for (key, entry) in &raw.texts {
            if !english.iter().any(|(k, _)| k == key) {
                complain(
                    &mut problems,
                    at(entry.referenced),
                    format!("'{key}' is not a text of checklist '{}'", checklist.id),
                );
            }
        }
        match lang {
            Some(_) if problems.is_empty() => Ok(Translation {
                status: raw.status,
                texts: raw
                    .texts
                    .into_iter()
                    .map(|(key, entry)| (key, entry.value.text.trim().to_string()))
                    .collect(),
            }),
            _ => Err(problems),
        }
    }

    /// The translated texts with their keys, for the checks every patient text gets.
    pub fn texts(&self) -> impl Iterator<Item = (&str, &str)> {
        self.texts.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }
}

/// A translation file for `checklist` in `lang`, with the texts of an old translation file
/// kept where they still translate the English (a stale one is left out, and shown as it
/// was): to start a translation, or to bring one up to date.
pub fn template(checklist: &Checklist, lang: Lang, old: Option<&[u8]>) -> String {
    let old: BTreeMap<String, Spanned<RawText>> = old
        .and_then(|bytes| serde_saphyr::from_slice::<RawTranslation>(bytes).ok())
        .map(|raw| raw.texts)
        .unwrap_or_default();
    let mut out = format!(
        "# {} translation of checklist '{}'. For each text: `english` is the fingerprint of\n\
         # the English text it translates (shown above it), `text` the translation. Check it\n\
         # with `prepcheck check`.\ntranslation-of: {}\nlanguage: {}\nstatus: awaiting review by \
         the clinic\ntexts:\n",
        lang.code(),
        checklist.id,
        checklist.id,
        lang.code()
    );
    for (key, text) in checklist.texts() {
        let print = fingerprint(&text);
        let (kept, was) = match old.get(&key) {
            Some(entry) if entry.value.english == print => (entry.value.text.as_str(), None),
            Some(entry) => ("", Some(entry.value.text.as_str())),
            None => ("", None),
        };
        out.push_str(&format!("  # {}\n", crate::text::clean(&text)));
        if let Some(was) = was {
            out.push_str(&format!(
                "  # was (for older English): {}\n",
                crate::text::clean(was)
            ));
        }
        out.push_str(&format!(
            "  {key}:\n    english: \"{print}\"\n    text: {}\n",
            quoted(kept)
        ));
    }
    out
}

/// A YAML double-quoted string.
fn quoted(text: &str) -> String {
    let mut out = String::from("\"");
    for c in crate::text::clean(text).chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
