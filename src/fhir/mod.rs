//! The FHIR R4 (4.0.1) export: a checklist as a Questionnaire, and saved answers as a
//! QuestionnaireResponse to it. Both come from one layout of the checklist, so every answer
//! sits in the response where its question sits in the Questionnaire. A response from any
//! form filler is read back as answers by `read`. Pure like the rest of
//! the core: no files, and the time stamp comes in from the settings.
//!
//! Every text is passed through `text::clean` (no control or invisible characters), the one
//! markdown field (`description`) through `text::escape_markdown`, and serde_json escapes what
//! JSON needs escaped.

mod condition;
mod diary;
mod json;
mod read;
mod response;

#[cfg(test)]
mod tests;

use jiff::ZonedDateTime;

pub use diary::diary_bundle;
pub use json::Questionnaire;
pub use read::{looks_like_response, read_response};
pub use response::response;

use crate::catalogue::Medicine;
use crate::checklist::{Checklist, Choice, Item, Kind, MedicineList, Place, Quote};
use crate::i18n::Messages;
use condition::{Atom, Level};
use json::{AnswerOption, CodeableConcept, Coding, EnableWhen, Extension, QuestionnaireItem};

/// The base of every URL the export makes up: Questionnaires, code systems and extensions.
/// `.example` is reserved (RFC 2606): these name things, they are not addresses to fetch.
pub const BASE: &str = "https://prepcheck.example/fhir";

/// The extension that carries an item's source passage: `source` (the document's title)
/// and `quote` (the passage, word for word).
pub const SOURCE_EXTENSION: &str = "https://prepcheck.example/fhir/StructureDefinition/source";

/// The extension that says what an item is in prepcheck (`valueCode`): the checklist kind
/// (`yes-no`, `phone`, ...), or `section`, `condition`, `medication-statement`, `help`,
/// `expect` or `ask` for the items the export adds.
pub const KIND_EXTENSION: &str = "https://prepcheck.example/fhir/StructureDefinition/item-kind";

/// The extension that says what the sheet does with an item's answer (`valueCode`): `step`,
/// `procedure-date`, `arrival-time` or `patient-name`.
pub const ROLE_EXTENSION: &str = "https://prepcheck.example/fhir/StructureDefinition/item-role";

/// The code system of the answer "none of these" to a list of several.
pub const ANSWER_SYSTEM: &str = "https://prepcheck.example/fhir/CodeSystem/answer";
pub const NONE_OF_THESE: &str = "none-of-these";

const ITEM_CONTROL: &str = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl";
const ITEM_CONTROL_SYSTEM: &str = "http://hl7.org/fhir/questionnaire-item-control";
const OPTION_EXCLUSIVE: &str =
    "http://hl7.org/fhir/StructureDefinition/questionnaire-optionExclusive";

/// linkIds the export adds never collide with an item's: items' ids are only lowercase
/// letters, digits and `-`, so the export's own start with `_` or hold a `.`.
const TOP_STATEMENT_ID: &str = "_medication-statement";

/// The Questionnaire's canonical URL.
pub fn questionnaire_url(checklist: &Checklist) -> String {
    format!("{BASE}/Questionnaire/{}", checklist.id)
}

/// The code system of a medicine list's ids.
pub fn medicines_system(catalogue_id: &str) -> String {
    format!("{BASE}/CodeSystem/medicines.{catalogue_id}")
}

/// The code system of one item's choice ids.
pub fn choices_system(checklist: &Checklist, item: &Item) -> String {
    format!("{BASE}/CodeSystem/{}.{}", checklist.id, item.id)
}

/// The checklist as a Questionnaire, in the language of `m` (the checklist's texts are
/// already in it; the medication statement and "none of these" come from `m`).
pub fn questionnaire(checklist: &Checklist, m: &Messages) -> Result<Questionnaire, String> {
    let nodes = layout(checklist, m)?;
    let item = nodes
        .iter()
        .map(|node| questionnaire_item(checklist, node, m))
        .collect::<Result<Vec<_>, String>>()?;
    Ok(Questionnaire {
        resource_type: "Questionnaire",
        id: is_fhir_id(&checklist.id).then(|| checklist.id.clone()),
        language: m.lang().code(),
        url: questionnaire_url(checklist),
        version: checklist.version.to_string(),
        name: computable_name(&checklist.id),
        title: clean_text(&checklist.title),
        status: "active",
        subject_type: vec!["Patient"],
        description: crate::text::escape_markdown(&checklist.procedure),
        item,
    })
}

/// Text we did not write, safe for any reader: no control or invisible characters (the one
/// sanitizer every output uses), no spaces at either end. JSON escaping is serde_json's.
pub(crate) fn clean_text(text: &str) -> String {
    crate::text::clean(text).trim().to_string()
}

/// Pretty JSON with a final line break: the same bytes every time for the same input.
pub fn to_json<T: serde::Serialize>(resource: &T) -> Result<Vec<u8>, String> {
    let mut bytes = serde_json::to_vec_pretty(resource).map_err(|e| e.to_string())?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// One item of the Questionnaire before it is written out: the shape both resources share.
#[derive(Debug)]
enum Node<'c> {
    Group {
        link_id: String,
        text: Option<String>,
        kind: &'static str,
        enable: Level,
        children: Vec<Node<'c>>,
    },
    Display {
        link_id: String,
        text: String,
        kind: &'static str,
        enable: Level,
        source: Option<&'c Quote>,
    },
    Question {
        item: &'c Item,
        enable: Level,
    },
}

/// The medication statement first, then a group for each section, named by its first item
/// (`_section.ITEM`) so that the same answers fit the Questionnaire in any language.
fn layout<'c>(checklist: &'c Checklist, m: &Messages) -> Result<Vec<Node<'c>>, String> {
    let statement = m.get("medication-statement");
    let mut nodes = vec![Node::Display {
        link_id: TOP_STATEMENT_ID.into(),
        text: statement.clone(),
        kind: "medication-statement",
        enable: Level::default(),
        source: None,
    }];
    for section in &checklist.sections {
        let Some(first) = section.items.first() else {
            continue;
        };
        let mut children = Vec::new();
        for item in &section.items {
            children.extend(
                unit(item, &statement).map_err(|why| format!("item '{}': {why}", item.id))?,
            );
        }
        nodes.push(Node::Group {
            link_id: format!("_section.{}", first.id),
            text: Some(clean_text(&section.title)).filter(|t| !t.is_empty()),
            kind: "section",
            enable: Level::default(),
            children,
        });
    }
    Ok(nodes)
}

/// An item and what goes with it: the medication statement before an item about medicines,
/// the item, and for an information screen its help and the lines the walk shows on it.
/// All share the item's condition; a condition FHIR cannot say in one list puts them in
/// groups, one level each.
fn unit<'c>(item: &'c Item, statement: &str) -> Result<Vec<Node<'c>>, String> {
    let mut levels = condition::levels(item.when.as_ref())?;
    let enable = levels.pop().unwrap_or_default();
    let mut nodes = Vec::new();
    if about_medicines(item) {
        nodes.push(Node::Display {
            link_id: format!("{}.medication-statement", item.id),
            text: statement.to_string(),
            kind: "medication-statement",
            enable: enable.clone(),
            source: None,
        });
    }
    if !matches!(item.kind, Kind::Info) {
        nodes.push(Node::Question { item, enable });
    } else {
        nodes.extend(info_screen(item, &enable));
    }
    for (at, level) in levels.into_iter().enumerate().rev() {
        nodes = vec![Node::Group {
            link_id: format!("{}.when-{}", item.id, at + 1),
            text: None,
            kind: "condition",
            enable: level,
            children: nodes,
        }];
    }
    Ok(nodes)
}

/// An information screen as displays: its text, its help, and the lines the walk shows on
/// it (what to expect, and questions to ask).
fn info_screen<'c>(item: &'c Item, enable: &Level) -> Vec<Node<'c>> {
    let display = |link_id: String, text: &str, kind, source| Node::Display {
        link_id,
        text: clean_text(text),
        kind,
        enable: enable.clone(),
        source,
    };
    let mut nodes = vec![display(
        item.id.clone(),
        &item.ask,
        "info",
        item.source.as_ref(),
    )];
    if let Some(help) = &item.help {
        nodes.push(display(format!("{}.help", item.id), help, "help", None));
    }
    let (mut expect, mut ask) = (0, 0);
    for line in &item.sheet {
        let (kind, count) = match line.place {
            Place::Expect => ("expect", &mut expect),
            Place::Ask => ("ask", &mut ask),
            _ => continue,
        };
        *count += 1;
        let link_id = format!("{}.{kind}-{count}", item.id);
        nodes.push(display(link_id, &line.text, kind, line.source.as_ref()));
    }
    nodes
}

/// Whether the walk shows the medication statement on the item's screen.
fn about_medicines(item: &Item) -> bool {
    item.about_medicines || matches!(item.kind, Kind::Medicines(_))
}

fn questionnaire_item(
    checklist: &Checklist,
    node: &Node,
    m: &Messages,
) -> Result<QuestionnaireItem, String> {
    let (enable_when, enable_behavior) = enable_when(checklist, node_enable(node))?;
    let mut out = QuestionnaireItem {
        enable_when,
        enable_behavior,
        ..QuestionnaireItem::default()
    };
    match node {
        Node::Group {
            link_id,
            text,
            kind,
            children,
            ..
        } => {
            out.extension = vec![kind_extension(kind)];
            out.link_id = link_id.clone();
            out.text = text.clone();
            out.kind = "group";
            out.item = children
                .iter()
                .map(|child| questionnaire_item(checklist, child, m))
                .collect::<Result<_, _>>()?;
        }
        Node::Display {
            link_id,
            text,
            kind,
            source,
            ..
        } => {
            out.extension = vec![kind_extension(kind)];
            out.extension.extend(source.map(source_extension));
            out.link_id = link_id.clone();
            out.text = Some(text.clone());
            out.kind = "display";
        }
        Node::Question { item, .. } => question(checklist, item, &mut out, m),
    }
    Ok(out)
}

fn node_enable<'n>(node: &'n Node) -> &'n Level {
    match node {
        Node::Group { enable, .. }
        | Node::Display { enable, .. }
        | Node::Question { enable, .. } => enable,
    }
}

/// The item's own part of the Questionnaire: its type and what it allows.
fn question(checklist: &Checklist, item: &Item, out: &mut QuestionnaireItem, m: &Messages) {
    out.extension = vec![kind_extension(item.kind.name())];
    out.extension.extend(item.role.map(|role| Extension {
        url: ROLE_EXTENSION.into(),
        value_code: Some(role.name().into()),
        ..Extension::default()
    }));
    out.link_id = item.id.clone();
    out.text = Some(clean_text(&item.ask));
    let max_length = Some(crate::answers::MAX_TEXT_CHARS);
    match &item.kind {
        Kind::YesNo => out.kind = "boolean",
        Kind::OneChoice(choices) => {
            out.kind = "choice";
            out.extension.push(item_control("radio-button"));
            out.answer_option = choice_options(checklist, item, choices);
        }
        Kind::SeveralChoices(choices) => {
            out.kind = "choice";
            out.repeats = Some(true);
            out.extension.push(item_control("check-box"));
            out.answer_option = choice_options(checklist, item, choices);
            out.answer_option.push(none_of_these(m));
        }
        Kind::Medicines(list) => {
            // The listed medicines, or any other typed in by name.
            out.kind = "open-choice";
            out.repeats = Some(true);
            out.max_length = max_length;
            out.extension.push(item_control("check-box"));
            out.answer_option = list
                .shown()
                .map(|medicine| AnswerOption {
                    extension: Vec::new(),
                    value_coding: medicine_coding(list, medicine),
                    initial_selected: false,
                })
                .collect();
            out.answer_option.push(none_of_these(m));
        }
        Kind::Text | Kind::Phone => {
            out.kind = "string";
            out.max_length = max_length;
        }
        Kind::Date => out.kind = "date",
        Kind::Time => out.kind = "time",
        // Written as a display item by `unit`; never reached.
        Kind::Info => out.kind = "display",
    }
    out.extension
        .extend(item.source.as_ref().map(source_extension));
    if let Some(help) = &item.help {
        out.item.push(QuestionnaireItem {
            extension: vec![kind_extension("help")],
            link_id: format!("{}.help", item.id),
            text: Some(clean_text(help)),
            kind: "display",
            ..QuestionnaireItem::default()
        });
    }
}

fn choice_options(checklist: &Checklist, item: &Item, choices: &[Choice]) -> Vec<AnswerOption> {
    choices
        .iter()
        .map(|choice| AnswerOption {
            extension: Vec::new(),
            value_coding: choice_coding(checklist, item, choice),
            initial_selected: choice.checked,
        })
        .collect()
}

pub(crate) fn choice_coding(checklist: &Checklist, item: &Item, choice: &Choice) -> Coding {
    Coding {
        system: choices_system(checklist, item),
        version: None,
        code: choice.id.clone(),
        display: Some(clean_text(&choice.label)),
    }
}

pub(crate) fn medicine_coding(list: &MedicineList, medicine: &Medicine) -> Coding {
    Coding {
        system: medicines_system(&list.catalogue.id),
        version: Some(list.catalogue.version.to_string()),
        code: medicine.id.clone(),
        display: Some(clean_text(&medicine.label())),
    }
}

pub(crate) fn none_coding(m: &Messages) -> Coding {
    Coding {
        system: ANSWER_SYSTEM.into(),
        version: None,
        code: NONE_OF_THESE.into(),
        display: Some(m.get("fhir-none-of-these")),
    }
}

/// "None of these", which no other answer may go with.
fn none_of_these(m: &Messages) -> AnswerOption {
    AnswerOption {
        extension: vec![Extension {
            url: OPTION_EXCLUSIVE.into(),
            value_boolean: Some(true),
            ..Extension::default()
        }],
        value_coding: none_coding(m),
        initial_selected: false,
    }
}

/// A level as `enableWhen` and `enableBehavior`: a yes-or-no answer as a boolean, a choice
/// or a medicine as a coding. For a question with several answers, R4 holds the condition
/// when any of them matches, as prepcheck does; and a question that is not enabled counts
/// as not answered, so an item whose condition names one that does not apply is not asked
/// either, again as prepcheck does.
fn enable_when(
    checklist: &Checklist,
    level: &Level,
) -> Result<(Vec<EnableWhen>, Option<&'static str>), String> {
    let conditions = level
        .atoms
        .iter()
        .map(|atom| enable_when_one(checklist, atom))
        .collect::<Result<Vec<_>, String>>()?;
    Ok((conditions, level.behavior.map(condition::Behavior::code)))
}

fn enable_when_one(checklist: &Checklist, atom: &Atom) -> Result<EnableWhen, String> {
    let item = checklist
        .item(&atom.item)
        .ok_or_else(|| format!("a condition names '{}', which is not an item", atom.item))?;
    let mut when = EnableWhen {
        question: item.id.clone(),
        operator: "=",
        answer_boolean: None,
        answer_coding: None,
    };
    let unknown = || format!("a condition names '{}' of item '{}'", atom.value, item.id);
    match &item.kind {
        Kind::YesNo => {
            when.answer_boolean = Some(match atom.value.as_str() {
                "yes" => true,
                "no" => false,
                _ => return Err(unknown()),
            })
        }
        Kind::OneChoice(choices) | Kind::SeveralChoices(choices) => {
            let choice = choices
                .iter()
                .find(|c| c.id == atom.value)
                .ok_or_else(unknown)?;
            when.answer_coding = Some(Coding {
                display: None,
                ..choice_coding(checklist, item, choice)
            });
        }
        Kind::Medicines(list) => {
            let medicine = list.catalogue.get(&atom.value).ok_or_else(unknown)?;
            when.answer_coding = Some(Coding {
                display: None,
                ..medicine_coding(list, medicine)
            });
        }
        _ => return Err(unknown()),
    }
    Ok(when)
}

fn kind_extension(kind: &str) -> Extension {
    Extension {
        url: KIND_EXTENSION.into(),
        value_code: Some(kind.into()),
        ..Extension::default()
    }
}

fn source_extension(quote: &Quote) -> Extension {
    let part = |url: &str, text: &str| Extension {
        url: url.into(),
        value_string: Some(clean_text(text)),
        ..Extension::default()
    };
    Extension {
        url: SOURCE_EXTENSION.into(),
        extension: vec![part("source", &quote.source), part("quote", &quote.text)],
        ..Extension::default()
    }
}

fn item_control(code: &str) -> Extension {
    Extension {
        url: ITEM_CONTROL.into(),
        value_codeable_concept: Some(CodeableConcept {
            coding: vec![Coding {
                system: ITEM_CONTROL_SYSTEM.into(),
                version: None,
                code: code.into(),
                display: None,
            }],
        }),
        ..Extension::default()
    }
}

/// A FHIR resource id: up to 64 letters, digits, `-` and `.`.
fn is_fhir_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
}

/// "intrathecal-pump" as "IntrathecalPump": a name machines can use (que-0).
fn computable_name(id: &str) -> String {
    let mut name: String = id
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|part| !part.is_empty())
        .map(|part| {
            let mut chars = part.chars();
            chars
                .next()
                .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect();
    if !name.starts_with(|c: char| c.is_ascii_uppercase()) {
        name.insert_str(0, "Checklist");
    }
    name.chars().take(255).collect()
}

/// The time stamp of a response: a FHIR dateTime, to the second, with the offset.
fn date_time(now: &ZonedDateTime) -> String {
    now.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string()
}
