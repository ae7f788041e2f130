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
use crate::problem::{Message, Problem, Problems, unsafe_characters};
use crate::text::is_unsafe;

/// A checklist's translation into one language, checked against the checklist.
#[derive(Debug, Clone)]
pub struct Translation {
    /// Who has checked it, in the file's words ("awaiting review by the clinic").
    pub status: Option<String>,
    texts: HashMap<String, String>,
    /// How many of the checklist's texts it leaves in English (missing, or stale: made for
    /// English that changed since), of `total`.
    pub untranslated: usize,
    pub total: usize,
    /// Where each of those is, as warnings: the rest of the file is still used.
    pub warnings: Problems,
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
    fn medication_problems(&self, detector: &Detector) -> Vec<(String, Vec<Message>)> {
        let mut copy = self.clone();
        // The items some text of which names a medicine, by id.
        let mut names_one: HashMap<String, bool> = HashMap::new();
        copy.each_text(|key, text, stand| {
            if stand.reading.about_medicines.is_some() {
                let item = key.split('.').next().unwrap_or_default().to_string();
                let names = rules::item_names_one([text.as_str()], detector);
                *names_one.entry(item).or_default() |= names;
            }
        });
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
            if reading.about_medicines.is_some() {
                let item = key.split('.').next().unwrap_or_default();
                reading.item_names_one = names_one.get(item).copied().unwrap_or_default();
            }
            let what = Message::new("text-translated").text("key", key);
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
            untranslated: Vec::new(),
        };
        let lang = report.header(&raw, checklist);
        let english = checklist.texts();
        for (key, text) in &english {
            match raw.texts.get(key) {
                Some(entry) => report.text(key, text, entry),
                None => report.untranslated(
                    key,
                    top,
                    Message::new("check-missing-text").text("key", key.as_str()),
                ),
            }
        }
        for (key, entry) in &raw.texts {
            if !english.iter().any(|(k, _)| k == key) {
                let message = Message::new("check-not-a-text")
                    .text("key", key.as_str())
                    .text("checklist", checklist.id.as_str());
                report.at(entry.referenced, message);
            }
        }
        // A text left in English is not used: the English shows in its place.
        let (warnings, left): (Problems, Vec<String>) = report.untranslated.drain(..).unzip();
        let translation = Translation {
            status: raw.status.clone(),
            texts: raw
                .texts
                .iter()
                .filter(|(key, _)| !left.contains(key))
                .map(|(key, entry)| (key.clone(), entry.value.text.value.trim().to_string()))
                .collect(),
            untranslated: left.len(),
            total: english.len(),
            warnings,
        };
        if let Some(detector) = detector {
            let translated = checklist.translated(&translation);
            for (key, found) in translated.medication_problems(detector) {
                let Some(entry) = raw.texts.get(&key).filter(|_| !left.contains(&key)) else {
                    continue; // missing or stale, and reported so
                };
                for problem in found {
                    report.at(entry.value.text.referenced, problem);
                }
            }
        }
        match lang {
            Some(_) if report.problems.is_empty() => Ok(translation),
            // The texts left in English are said too, where they are.
            _ => Err([report.problems, translation.warnings].concat()),
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
    /// The texts left in English, with the warning that says where.
    untranslated: Vec<(Problem, String)>,
}

impl Report<'_> {
    fn at(&mut self, place: serde_saphyr::Location, message: Message) {
        let problem = Problem::at(self.file, place.line(), place.column(), message);
        self.problems.push(problem);
    }

    /// A text left in English: a warning, since the rest of the translation is still used.
    fn untranslated(&mut self, key: &str, place: serde_saphyr::Location, message: Message) {
        let problem = Problem::warning_at(self.file, place.line(), place.column(), message);
        self.untranslated.push((problem, key.to_string()));
    }

    /// What it translates and into which language; the language, if prepcheck speaks it.
    fn header(&mut self, raw: &RawTranslation, checklist: &Checklist) -> Option<Lang> {
        if raw.translation_of.value != checklist.id {
            let message = Message::new("check-translates-other")
                .text("found", raw.translation_of.value.as_str())
                .text("expected", checklist.id.as_str());
            self.at(raw.translation_of.referenced, message);
        }
        let lang = Lang::from_code(&raw.language.value).filter(|lang| *lang != Lang::En);
        if lang.is_none() {
            let message =
                Message::new("check-not-a-language").text("code", raw.language.value.as_str());
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
            // A text of a template not filled in yet: left in English, as a missing one.
            let message = Message::new("check-empty-text").text("key", key);
            return self.untranslated(key, place, message);
        }
        if *english != fingerprint(text) {
            let message = Message::new("check-stale")
                .text("key", key)
                .text("text", text)
                .text("fingerprint", fingerprint(text));
            // Made for other English: left in English, its placeholders not compared.
            return self.untranslated(key, entry.referenced, message);
        }
        let what = Message::new("text-translated").text("key", key);
        for problem in rules::character_problems(&what, translated, &self.in_file) {
            self.at(place, problem);
        }
        if placeholders(translated) != placeholders(text) {
            let message = Message::new("check-placeholders-differ")
                .text("key", key)
                .text("placeholders", placeholders(text).join(", "));
            self.at(place, message);
        }
    }
}

/// A translation file for `checklist` in `lang`, with the texts of an old translation file
/// kept where they still translate the English (a stale one is left out, and shown as it
/// was): to start a translation, or to bring one up to date. An old file that cannot be
/// read is its problem, never a template with every text blank.
pub fn template(
    checklist: &Checklist,
    lang: Lang,
    old: Option<(&str, &[u8])>,
) -> Result<String, Problem> {
    let old: BTreeMap<String, Spanned<RawText>> = match old {
        Some((file, bytes)) => {
            serde_saphyr::from_slice::<RawTranslation>(bytes)
                .map_err(|e| Problem::from_yaml(file, &e))?
                .texts
        }
        None => BTreeMap::new(),
    };
    // Written in the language it is for: the clinic that fills it in reads it.
    let m = crate::i18n::Messages::new(lang);
    let header = m.with(
        "translate-header",
        &[
            ("lang", lang.code().into()),
            ("checklist", checklist.id.as_str().into()),
        ],
    );
    let mut out: String = header.lines().map(|line| format!("# {line}\n")).collect();
    out.push_str(&format!(
        "translation-of: {}\nlanguage: {}\nstatus: {}\ntexts:\n",
        checklist.id,
        lang.code(),
        m.get("translate-status")
    ));
    for (key, text) in checklist.texts() {
        let print = fingerprint(&text);
        let (kept, was) = match old.get(&key) {
            Some(entry) if entry.value.english == print => (entry.value.text.value.as_str(), None),
            Some(entry) => ("", Some(entry.value.text.value.as_str())),
            None => ("", None),
        };
        out.push_str(&format!("  # {}\n", crate::text::clean(&text)));
        if let Some(was) = was {
            let was = m.with("translate-was", &[("text", crate::text::clean(was).into())]);
            out.push_str(&format!("  # {was}\n"));
        }
        out.push_str(&format!(
            "  {key}:\n    english: \"{print}\"\n    text: {}\n",
            quoted(kept)
        ));
    }
    Ok(out)
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
