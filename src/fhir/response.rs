//! Saved answers as a QuestionnaireResponse: only the answers of items that apply, each where
//! its question is in the Questionnaire.

use std::collections::HashSet;

use jiff::ZonedDateTime;

use super::json::{
    HumanName, Patient, QuestionnaireResponse, Reference, ResponseAnswer, ResponseItem,
};
use super::{Node, choice_coding, clean_text, date_time, layout, medicine_coding, none_coding};
use crate::answers::{Answer, Answers, Chosen, chosen};
use crate::checklist::{Checklist, Item, Kind, Role};
use crate::i18n::Messages;

/// The contained Patient's id, which `subject` refers to.
const PATIENT_ID: &str = "patient";

/// The answers to `checklist` as a response to its Questionnaire, made at `now`, in the
/// language of `m`.
pub fn response(
    checklist: &Checklist,
    answers: &Answers,
    now: &ZonedDateTime,
    m: &Messages,
) -> Result<QuestionnaireResponse, String> {
    let applicable = answers.applicable(checklist);
    let applies: HashSet<&str> = applicable.iter().map(|i| i.id.as_str()).collect();
    let nodes = layout(checklist, m)?;
    let item = nodes
        .iter()
        .filter_map(|node| response_item(checklist, answers, &applies, node, m))
        .collect();
    // Done when every question that applies has an answer; the patient's name is never
    // required, "not known yet" is no answer, and a medicine list left unfinished is not
    // done (the walk asks it again).
    let done = applicable.iter().all(|item| {
        matches!(item.kind, Kind::Info)
            || item.role == Some(Role::PatientName)
            || (!values(checklist, item, answers.get(&item.id), m).is_empty()
                && !answers.is_unfinished(&item.id))
    });
    let name = patient_name(checklist, answers, &applies);
    Ok(QuestionnaireResponse {
        resource_type: "QuestionnaireResponse",
        language: m.lang().code(),
        contained: name.iter().map(|name| patient(name)).collect(),
        questionnaire: format!(
            "{}|{}",
            super::questionnaire_url(checklist),
            checklist.version
        ),
        status: if done { "completed" } else { "in-progress" },
        subject: name.map(|_| patient_reference()),
        authored: date_time(now),
        item,
    })
}

/// The patient's name as answered, when its question applies and it is not empty.
pub(super) fn patient_name(
    checklist: &Checklist,
    answers: &Answers,
    applies: &HashSet<&str>,
) -> Option<String> {
    checklist
        .with_role(Role::PatientName)
        .filter(|item| applies.contains(item.id.as_str()))
        .and_then(|item| match answers.get(&item.id) {
            Some(Answer::Text(name)) => Some(clean_text(name)),
            _ => None,
        })
        .filter(|name| !name.is_empty())
}

/// The patient as a contained resource: their name, and nothing else about them.
pub(super) fn patient(name: &str) -> Patient {
    Patient {
        resource_type: "Patient",
        id: PATIENT_ID,
        name: vec![HumanName {
            text: name.to_string(),
        }],
    }
}

/// The reference to the contained patient.
pub(super) fn patient_reference() -> Reference {
    Reference {
        reference: format!("#{PATIENT_ID}"),
    }
}

/// A group with the answers inside it, or an answered question that applies; nothing for a
/// display item, a question with no answer, or a group with no answers in it.
fn response_item(
    checklist: &Checklist,
    answers: &Answers,
    applies: &HashSet<&str>,
    node: &Node,
    m: &Messages,
) -> Option<ResponseItem> {
    match node {
        Node::Group {
            link_id,
            text,
            children,
            ..
        } => {
            let item: Vec<ResponseItem> = children
                .iter()
                .filter_map(|child| response_item(checklist, answers, applies, child, m))
                .collect();
            (!item.is_empty()).then(|| ResponseItem {
                link_id: link_id.clone(),
                text: text.clone(),
                answer: Vec::new(),
                item,
            })
        }
        Node::Display { .. } => None,
        Node::Question { item, .. } => {
            if !applies.contains(item.id.as_str()) {
                return None;
            }
            let answer = values(checklist, item, answers.get(&item.id), m);
            (!answer.is_empty()).then(|| ResponseItem {
                link_id: item.id.clone(),
                text: Some(clean_text(&item.ask)),
                answer,
                item: Vec::new(),
            })
        }
    }
}

/// An answer as FHIR answer values; none for no answer, "not known yet", or empty text.
pub(super) fn values(
    checklist: &Checklist,
    item: &Item,
    answer: Option<&Answer>,
    m: &Messages,
) -> Vec<ResponseAnswer> {
    let coding = |coding| ResponseAnswer {
        value_coding: Some(coding),
        ..ResponseAnswer::default()
    };
    let string = |text: &str| {
        let text = clean_text(text);
        (!text.is_empty()).then(|| ResponseAnswer {
            value_string: Some(text),
            ..ResponseAnswer::default()
        })
    };
    let Some(answer) = answer else {
        return Vec::new();
    };
    match (answer, &item.kind) {
        (Answer::YesNo(yes), _) => vec![ResponseAnswer {
            value_boolean: Some(*yes),
            ..ResponseAnswer::default()
        }],
        (Answer::Choice(id), _) => item
            .choices()
            .iter()
            .filter(|c| c.id == *id)
            .map(|c| coding(choice_coding(checklist, item, c)))
            .collect(),
        (Answer::Choices(ids), _) if ids.is_empty() => vec![coding(none_coding(m))],
        (Answer::Medicines(taken), _) if taken.known.is_empty() && taken.typed.is_empty() => {
            vec![coding(none_coding(m))]
        }
        (Answer::Choices(_) | Answer::Medicines(_), _) => chosen(item, answer)
            .into_iter()
            .filter_map(|chosen| match (chosen, &item.kind) {
                (Chosen::Choice(choice), _) => Some(coding(choice_coding(checklist, item, choice))),
                (Chosen::Medicine(medicine), Kind::Medicines(list)) => {
                    Some(coding(medicine_coding(list, medicine)))
                }
                (Chosen::Medicine(_), _) => None,
                (Chosen::Typed(name), _) => string(name),
            })
            .collect(),
        (Answer::Text(text) | Answer::Phone(text), _) => string(text).into_iter().collect(),
        (Answer::Date(date), _) => vec![ResponseAnswer {
            value_date: Some(date.to_string()),
            ..ResponseAnswer::default()
        }],
        (Answer::Time(time), _) => vec![ResponseAnswer {
            value_time: Some(time.strftime("%H:%M:%S").to_string()),
            ..ResponseAnswer::default()
        }],
        (Answer::Seen | Answer::NotKnown, _) => Vec::new(),
    }
}
