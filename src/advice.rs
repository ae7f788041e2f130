//! Medication advice: finds checklist text that tells a patient to stop, start, skip, hold,
//! restart or change a medicine, or that gives a timing or an amount for one. prepcheck never
//! says those things; it turns medicines into questions for the care team, and `check` holds
//! every clinic's wording to that with this module.
//!
//! The rules:
//! - Only a question for the care team ([`Role::Question`], a sheet `ask` line) may speak of
//!   stopping, holding, skipping, starting, restarting, continuing or changing a medicine,
//!   and only in a sentence that is itself a question (ends with `?`).
//! - No text, question or not, may give a timing ("48 hours", "the night before", "Sunday")
//!   or an amount ("81 mg", "half a tablet") for a medicine.
//!
//! "For a medicine" means: a medicine is named in the same sentence. A medicine is a name
//! from the medicine lists in use, a class word ("blood thinners", "insulin") or a generic
//! word ("pill", "dose"). So "Stop by the front desk" and "Arrive 30 minutes early" are
//! fine, and "Stop aspirin" is not. Some phrases carry their own medicine instead ("lower
//! your insulin"), so that "the medicine lowers your pain" is fine. Logistics exceptions
//! ("bring your medicines", "stop by", "hold the railing") take words out of the count.
//!
//! The words are data (`advice/en.yaml`, described at its top), so another language brings
//! its own file of the same shape: `advice/es.yaml` is Spanish ([`Vocabulary::for_lang`]).
//! Text is read once into words and sentences; each word is looked up in hash tables, so
//! checking is linear in the length of the text.
//!
//! Three parts: `vocabulary.rs` reads the word lists into numbered words and compiled
//! phrases; `words.rs` cuts text into words and sentences; `detector.rs` finds medicine
//! names in a sentence and matches the phrases around them.
//!
//! Placeholders: `{each}` and `{answer}` stand for what the patient chose. On an item about
//! medicines they are medicines: use [`Detector::check_in`] with [`Scope::MedicineItem`];
//! on other items (a name, a phone number) they are just words.

mod detector;
mod vocabulary;
mod words;

pub use detector::Detector;
pub use vocabulary::Vocabulary;

use crate::problem::Message;

/// How the text stands to medicines, which decides what counts as one besides a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Only a name counts: a title, or an item that is not about medicines and names none.
    Plain,
    /// Some text of its item names a medicine: a pronoun or a possessive that a medicine's
    /// verb takes ("stop it", "hold your levothyroxine") stands for one too.
    NamesOne,
    /// An item about medicines (`kind: medicines`, `medicines: true`): that, and `{each}`
    /// and `{answer}` are the medicines the patient chose.
    MedicineItem,
}

/// What kind of text is being checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A question for the care team: a sheet `ask` line, or `unanswered: {ask: ...}`.
    Question,
    /// Everything else a patient reads: titles, questions to the patient, help, choice labels,
    /// info text, expect lines, to-dos, urgent lines, ...
    Statement,
}

/// What an offending phrase does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Says {
    /// Stopping, starting, continuing or changing: a question may say it.
    Change,
    /// When: nothing may say it.
    Timing,
    /// How much: nothing may say it.
    Amount,
}

/// Medication advice found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Byte offset in the text where the offending phrase starts.
    pub start: usize,
    /// The words that triggered it, as written.
    pub phrase: String,
    /// One plain line: what is wrong (`advice-why` of the catalogues).
    pub why: Message,
    /// What to write instead (`advice-instead`): a question for the care team, in the
    /// language of the text.
    pub instead: Message,
}

#[cfg(test)]
mod tests;
