//! The pain diary as a Bundle (type `collection`) of Observations, one per score: LOINC
//! 72514-3, the score as `valueInteger`, the time with its offset, what the patient wrote
//! as notes, and the patient, when named, as a contained Patient (as the response has it).

use std::collections::HashSet;

use jiff::ZonedDateTime;

use super::json::{Annotation, Bundle, BundleEntry, CodeableConcept, Coding, Observation};
use super::response::{patient, patient_name, patient_reference};
use super::{clean_text, date_time};
use crate::answers::Answers;
use crate::checklist::Checklist;
use crate::diary::{Diary, Entry};
use crate::i18n::Messages;

const LOINC: &str = "http://loinc.org";
const PAIN_SEVERITY: &str = "72514-3";
const PAIN_SEVERITY_DISPLAY: &str = "Pain severity - 0-10 verbal numeric rating [Score] - Reported";
const CATEGORIES: &str = "http://terminology.hl7.org/CodeSystem/observation-category";

/// The diary's entries as a Bundle made at `now`; the patient's name from `answers` when
/// they gave it.
pub fn diary_bundle(
    diary: &Diary,
    named: Option<(&Checklist, &Answers)>,
    now: &ZonedDateTime,
    m: &Messages,
) -> Bundle {
    let name = named.and_then(|(checklist, answers)| {
        let applicable = answers.applicable(checklist);
        let applies: HashSet<&str> = applicable.iter().map(|i| i.id.as_str()).collect();
        patient_name(checklist, answers, &applies)
    });
    Bundle {
        resource_type: "Bundle",
        kind: "collection",
        timestamp: date_time(now),
        entry: (diary.entries.iter())
            .map(|entry| BundleEntry {
                resource: observation(entry, name.as_deref(), m),
            })
            .collect(),
    }
}

fn coding(system: &str, code: &str, display: &str) -> CodeableConcept {
    CodeableConcept {
        coding: vec![Coding {
            system: system.to_string(),
            version: None,
            code: code.to_string(),
            display: Some(display.to_string()),
        }],
    }
}

fn observation(entry: &Entry, name: Option<&str>, m: &Messages) -> Observation {
    let labelled = [
        (None, &entry.note),
        (Some("diary-could-do-note"), &entry.could_do),
        (Some("diary-noticed-note"), &entry.noticed),
    ];
    let note = labelled
        .into_iter()
        .filter_map(|(label, text)| {
            let text = clean_text(text.as_deref()?);
            let text = match label {
                Some(id) => m.with(id, &[("text", text.into())]),
                None => text,
            };
            (!text.is_empty()).then_some(Annotation { text })
        })
        .collect();
    Observation {
        resource_type: "Observation",
        contained: name.map(patient).into_iter().collect(),
        status: "final",
        category: vec![coding(CATEGORIES, "survey", "Survey")],
        code: coding(LOINC, PAIN_SEVERITY, PAIN_SEVERITY_DISPLAY),
        subject: name.map(|_| patient_reference()),
        effective_date_time: entry.at.rfc3339(),
        value_integer: entry.score.value(),
        note,
    }
}
