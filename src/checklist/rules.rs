//! The rules every text a patient reads is held to, in any language: one line with no hidden
//! characters, no medication advice, and no medicine named on a screen that does not say that
//! medicine changes need their doctor. A checklist's texts are checked when it is read, a
//! translation's when it is checked against its checklist: both through here.

use std::borrow::Cow;
use std::collections::HashSet;

use crate::advice::{Detector, Role as Voice, Scope};
use crate::problem::{Message, character_kind};
use crate::text::is_unsafe;

/// How the medication rule reads one text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading {
    pub voice: Voice,
    /// For an item's texts, whether the item is about medicines (its screen shows the
    /// medication statement); `None` for a title.
    pub about_medicines: Option<bool>,
    /// Some text of the item names a medicine (`item_names_one`): there, as on an item
    /// about medicines, "stop it" and "hold your levothyroxine" speak of one.
    pub item_names_one: bool,
    /// A sheet line that speaks of the medicines its item asks about, named or not ("Stop 5
    /// days before."): each of its sentences is read as naming them.
    pub about_the_chosen: bool,
}

impl Reading {
    /// A title, a question to the patient, a help text, a to-do: anything but a question for
    /// the care team.
    pub fn statement(about_medicines: Option<bool>) -> Reading {
        Reading {
            voice: Voice::Statement,
            about_medicines,
            item_names_one: false,
            about_the_chosen: false,
        }
    }

    /// How the detector is to read the text: what counts as a medicine in it.
    fn scope(self) -> Scope {
        match self.about_medicines {
            Some(true) => Scope::MedicineItem,
            Some(false) if self.item_names_one => Scope::NamesOne,
            _ => Scope::Plain,
        }
    }
}

/// Whether any text of an item names a medicine, misspelt or not: then a pronoun in its
/// other texts may stand for it. (Too long a text is an error already, and is not read.)
pub fn item_names_one<'a>(texts: impl IntoIterator<Item = &'a str>, detector: &Detector) -> bool {
    texts
        .into_iter()
        .any(|text| !too_long(text) && detector.mentions_medicine(text))
}

/// Whether an item's sheet lines speak of its medicines when they do not name them: the
/// lines of a medicine list, or of an item about medicines that asks about one ("Do you take
/// aspirin?").
pub fn lines_about_the_chosen(
    medicine_list: bool,
    about_medicines: bool,
    ask: &str,
    detector: &Detector,
) -> bool {
    medicine_list || (about_medicines && detector.mentions_medicine(ask))
}

/// The most characters a text a patient reads may have: about 200 words, a screen of a small
/// terminal. (The longest of the built-in checklists has under 300.)
pub const MAX_TEXT_CHARS: usize = 1000;

/// Whether `text` is longer than a text a patient reads may be.
pub fn too_long(text: &str) -> bool {
    // Bytes first: most texts are far shorter, and counting characters reads them all.
    text.len() > MAX_TEXT_CHARS && text.chars().nth(MAX_TEXT_CHARS).is_some()
}

/// What is wrong with the characters of `what`, a text a patient reads: too many of them, a
/// line break, or a control or invisible character (one of `reported` was already reported
/// where it stands in the file; one written with a YAML escape is found only here).
pub fn character_problems(what: &Message, text: &str, reported: &HashSet<char>) -> Vec<Message> {
    let mut problems = Vec::new();
    if too_long(text) {
        problems.push(
            Message::new("check-too-long")
                .with("what", what.clone())
                .number("count", text.chars().count())
                .number("most", MAX_TEXT_CHARS),
        );
    }
    if text.contains('\n') {
        problems.push(Message::new("check-one-line").with("what", what.clone()));
    }
    if let Some(c) = text
        .chars()
        .find(|&c| is_unsafe(c) && c != '\n' && !reported.contains(&c))
    {
        problems.push(
            Message::new("check-holds-character")
                .with("what", what.clone())
                .with("kind", character_kind(c))
                .text("code", format!("U+{:04X}", c as u32)),
        );
    }
    problems
}

/// Where `text` (called `what` in a message) breaks the medication rule.
pub fn medication_problems(
    detector: &Detector,
    what: &Message,
    text: &str,
    reading: Reading,
) -> Vec<Message> {
    // Too long a text is an error already (`character_problems`), which stops the checklist;
    // it is read for advice once it is short enough. (Reading one of a megabyte was most of
    // the time `check` took on it.)
    if too_long(text) {
        return Vec::new();
    }
    let read_as = if reading.about_the_chosen {
        Cow::Owned(about_the_chosen(text, detector))
    } else {
        Cow::Borrowed(text)
    };
    let (voice, scope) = (reading.voice, reading.scope());
    let (finding, names_medicine) = match reading.about_medicines {
        // One reading for both when the rules read the text as it is (the common case).
        Some(false) if scope == Scope::Plain && !reading.about_the_chosen => {
            detector.check_and_mentions(text, voice)
        }
        Some(false) => (
            detector.check_in(&read_as, voice, scope),
            detector.mentions_medicine(text),
        ),
        Some(true) | None => (detector.check_in(&read_as, voice, scope), false),
    };
    let mut problems: Vec<Message> = finding
        .into_iter()
        .map(|found| {
            Message::new("check-advice")
                .with("what", what.clone())
                .text("text", text)
                .with("why", found.why)
                .with("instead", found.instead)
        })
        .collect();
    if names_medicine {
        problems.push(Message::new("check-needs-medicines").with("what", what.clone()));
    }
    problems
}

/// `text` with `{each}` (the medicines asked about) at the start of each sentence that
/// names no medicine itself, for the detector: "{each} Stop 5 days before?".
fn about_the_chosen(text: &str, detector: &Detector) -> String {
    let mut out = String::new();
    let mut rest = text;
    while !rest.is_empty() {
        let end = rest
            .char_indices()
            .find(|&(at, c)| {
                ".?!;".contains(c) && rest[at + c.len_utf8()..].starts_with(char::is_whitespace)
            })
            .map_or(rest.len(), |(at, c)| at + c.len_utf8());
        let sentence = &rest[..end];
        if !detector.mentions_medicine(sentence) {
            out.push_str("{each} ");
        }
        out.push_str(sentence);
        rest = &rest[end..];
    }
    out
}
