//! Translations of a checklist: a file beside it (`intrathecal-pump.es.yaml`) that gives,
//! by key, every text a patient reads, each with a fingerprint of the English text it
//! translates, so that `check` can tell a translation gone stale when the English changed.
//! Source quotes stay in the source's language: provenance does not change.

use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::rules::{self, Reading};
use super::{Checklist, Item, Kind, Place, Unanswered};
use crate::advice::{Detector, Role as Voice};
use crate::i18n::Lang;
use crate::problem::{Problem, Problems, unsafe_characters};
use crate::text::is_unsafe;

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
    text: Spanned<String>,
}

/// Where a text stands, for the medication rule: how it is read, and for a sheet line of an
/// item about medicines that is not a list, whether its item's question names a medicine.
#[derive(Clone, Copy)]
struct Stand {
    reading: Reading,
    /// The line speaks of its item's medicines if the question names one.
    if_the_ask_names_one: bool,
}

impl Checklist {
    /// Every text a patient reads, by its key in a translation file, in checklist order, for
    /// reading or replacing: `title`, `procedure`, `section.N`, `ITEM.ask`, `ITEM.help`,
    /// `ITEM.unanswered`, `ITEM.choice.CHOICE`, `ITEM.choice.CHOICE.title`, `ITEM.sheet.N`
    /// (but for a line that is only a placeholder). An item's question comes before its
    /// lines.
    fn each_text(&mut self, mut each: impl FnMut(&str, &mut String, Stand)) {
        let heading = Stand {
            reading: Reading::statement(None),
            if_the_ask_names_one: false,
        };
        each("title", &mut self.title, heading);
        each("procedure", &mut self.procedure, heading);
        for (n, section) in self.sections.iter_mut().enumerate() {
            each(&format!("section.{}", n + 1), &mut section.title, heading);
            for item in &mut section.items {
                each_text_of(item, &mut each);
            }
        }
    }

    /// Every text a patient reads, with its key.
    pub fn texts(&self) -> Vec<(String, String)> {
        let mut copy = self.clone();
        let mut texts = Vec::new();
        copy.each_text(|key, text, _| texts.push((key.to_string(), text.clone())));
        texts
    }

    /// Every text a patient reads, with its key, and what the medication rule finds wrong
    /// in it (a translation is held to it in its own language, with `detector`).
    fn medication_problems(&self, detector: &Detector) -> Vec<(String, Vec<String>)> {
        let mut copy = self.clone();
        let mut found = Vec::new();
        let mut ask = String::new();
        copy.each_text(|key, text, stand| {
            if key.ends_with(".ask") {
                ask.clone_from(text);
            }
            let mut reading = stand.reading;
            if stand.if_the_ask_names_one {
                reading.about_the_chosen = detector.mentions_medicine(&ask);
            }
            let what = format!("'{key}'");
            found.push((
                key.to_string(),
                rules::medication_problems(detector, &what, text, reading),
            ));
        });
        found
    }

    /// This checklist in the language of `translation`; a text it lacks stays as it is
    /// (`check` reports it).
    pub fn translated(&self, translation: &Translation) -> Checklist {
        let mut copy = self.clone();
        copy.each_text(|key, text, _| {
            if let Some(translated) = translation.texts.get(key) {
                *text = translated.clone();
            }
        });
        copy
    }
}

/// The texts of one item, for `Checklist::each_text`.
fn each_text_of(item: &mut Item, each: &mut impl FnMut(&str, &mut String, Stand)) {
    let id = item.id.clone();
    let about_medicines = Some(item.about_medicines);
    let plain = Stand {
        reading: Reading::statement(about_medicines),
        if_the_ask_names_one: false,
    };
    let question = Stand {
        reading: Reading {
            voice: Voice::Question,
            ..plain.reading
        },
        ..plain
    };
    each(&format!("{id}.ask"), &mut item.ask, plain);
    if let Some(help) = &mut item.help {
        each(&format!("{id}.help"), help, plain);
    }
    match &mut item.unanswered {
        Some(Unanswered::Todo(text)) => each(&format!("{id}.unanswered"), text, plain),
        Some(Unanswered::Ask(text)) => each(&format!("{id}.unanswered"), text, question),
        None => {}
    }
    let medicine_list = matches!(item.kind, Kind::Medicines(_));
    if let Kind::OneChoice(choices) | Kind::SeveralChoices(choices) = &mut item.kind {
        for choice in choices {
            each(
                &format!("{id}.choice.{}", choice.id),
                &mut choice.label,
                plain,
            );
            if let Some(title) = &mut choice.title {
                each(&format!("{id}.choice.{}.title", choice.id), title, plain);
            }
        }
    }
    for (n, line) in item.sheet.iter_mut().enumerate() {
        // A line that is only its answer ("{each}": each question checked) has no words of
        // its own to translate.
        if line
            .text
            .split_whitespace()
            .all(|w| w == "{each}" || w == "{answer}")
        {
            continue;
        }
        let mut stand = if line.place == Place::Ask {
            question
        } else {
            plain
        };
        // What to expect describes the procedure, not the medicines: it is read as it is.
        if line.place != Place::Expect {
            stand.reading.about_the_chosen = medicine_list;
            stand.if_the_ask_names_one = !medicine_list && item.about_medicines;
        }
        each(&format!("{id}.sheet.{}", n + 1), &mut line.text, stand);
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
    /// there, none that is not, the same placeholders, and none stale. With `detector` (in
    /// the translation's language), its texts are held to the rules of every text a patient
    /// reads, as the checklist's are.
    pub fn parse(
        file: &str,
        bytes: &[u8],
        checklist: &Checklist,
        detector: Option<&Detector>,
    ) -> Result<Translation, Problems> {
        let raw: Spanned<RawTranslation> =
            serde_saphyr::from_slice(bytes).map_err(|e| vec![Problem::from_yaml(file, &e)])?;
        let top = raw.referenced;
        let raw = raw.value;
        let text = std::str::from_utf8(bytes).unwrap_or_default();
        let mut report = Report {
            file,
            problems: unsafe_characters(file, text),
            in_file: text.chars().filter(|&c| is_unsafe(c)).collect(),
        };
        let lang = report.header(&raw, checklist);
        let english = checklist.texts();
        for (key, text) in &english {
            match raw.texts.get(key) {
                Some(entry) => report.text(key, text, entry),
                None => report.at(top, format!("missing text '{key}'")),
            }
        }
        for (key, entry) in &raw.texts {
            if !english.iter().any(|(k, _)| k == key) {
                let message = format!("'{key}' is not a text of checklist '{}'", checklist.id);
                report.at(entry.referenced, message);
            }
        }
        let translation = Translation {
            status: raw.status.clone(),
            texts: raw
                .texts
                .iter()
                .map(|(key, entry)| (key.clone(), entry.value.text.value.trim().to_string()))
                .collect(),
        };
        if let Some(detector) = detector {
            let translated = checklist.translated(&translation);
            for (key, found) in translated.medication_problems(detector) {
                let Some(entry) = raw.texts.get(&key) else {
                    continue; // missing, and reported so
                };
                for problem in found {
                    report.at(entry.value.text.referenced, problem);
                }
            }
        }
        match lang {
            Some(_) if report.problems.is_empty() => Ok(translation),
            _ => Err(report.problems),
        }
    }

    /// The translated texts with their keys.
    pub fn texts(&self) -> impl Iterator<Item = (&str, &str)> {
        self.texts.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }
}

/// The problems of a translation file, each where it is.
struct Report<'f> {
    file: &'f str,
    problems: Problems,
    /// The control and invisible characters the file holds as they are (reported where
    /// they are): a text holding one is not reported again.
    in_file: std::collections::HashSet<char>,
}

impl Report<'_> {
    fn at(&mut self, place: serde_saphyr::Location, message: String) {
        let problem = Problem::at(self.file, place.line(), place.column(), message);
        self.problems.push(problem);
    }

    /// What it translates and into which language; the language, if prepcheck speaks it.
    fn header(&mut self, raw: &RawTranslation, checklist: &Checklist) -> Option<Lang> {
        if raw.translation_of.value != checklist.id {
            let message = format!(
                "this translates checklist '{}', not '{}'",
                raw.translation_of.value, checklist.id
            );
            self.at(raw.translation_of.referenced, message);
        }
        let lang = Lang::from_code(&raw.language.value).filter(|lang| *lang != Lang::En);
        if lang.is_none() {
            let message = format!(
                "'{}' is not a language prepcheck can translate into (es)",
                raw.language.value
            );
            self.at(raw.language.referenced, message);
        }
        lang
    }

    /// One translated text against its English `text`: not empty, no hidden characters, the
    /// same placeholders, and made from the English as it is now (its fingerprint).
    fn text(&mut self, key: &str, text: &str, entry: &Spanned<RawText>) {
        let place = entry.value.text.referenced;
        let (english, translated) = (&entry.value.english, &entry.value.text.value);
        if translated.trim().is_empty() {
            self.at(place, format!("'{key}': empty text"));
        }
        for problem in rules::character_problems(&format!("'{key}'"), translated, &self.in_file) {
            self.at(place, problem);
        }
        if placeholders(translated) != placeholders(text) {
            let message = format!(
                "'{key}': the placeholders differ from the English ({})",
                placeholders(text).join(", ")
            );
            self.at(place, message);
        }
        if *english != fingerprint(text) {
            let message = format!(
                "'{key}' is stale: the English changed since it was translated (now \
                 \"{text}\", fingerprint {})",
                fingerprint(text)
            );
            self.at(entry.referenced, message);
        }
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
            Some(entry) if entry.value.english == print => (entry.value.text.value.as_str(), None),
            Some(entry) => ("", Some(entry.value.text.value.as_str())),
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
