//! The export against prepcheck's own rules: a FHIR R4 form filler following the
//! Questionnaire asks exactly the questions prepcheck asks, whatever the answers.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::*;
use crate::answers::{Answer, Answers, MedicineAnswer};
use crate::checklist::test_checklist;
use crate::i18n::english;

/// Conditions FHIR cannot say in one flat list, chains of conditions, and conditions on a
/// list of several and on medicines.
const NESTED: &[u8] = include_bytes!("../../tests/fixtures/fhir/checklists/nested.yaml");

fn built_in() -> Checklist {
    let library = crate::loader::Library::load(None, false);
    library
        .find(crate::DEFAULT_CHECKLIST)
        .map(|loaded| Checklist::clone(&loaded.content))
        .expect("the built-in checklist")
}

fn checklists() -> Vec<Checklist> {
    vec![
        built_in(),
        crate::answers::tests::mini(),
        test_checklist(NESTED),
    ]
}

/// A small deterministic random source (xorshift), so a failure can be run again.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn some<T: Clone>(&mut self, from: &[T]) -> Vec<T> {
        from.iter()
            .filter(|_| self.below(2) == 0)
            .cloned()
            .collect()
    }
}

/// Any answer to every item, or none: answers left over from earlier answers included.
fn random_answers(checklist: &Checklist, random: &mut Random) -> Answers {
    let mut answers = Answers::default();
    for item in checklist.items() {
        if random.below(5) == 0 {
            continue;
        }
        let ids: Vec<String> = item.choices().iter().map(|c| c.id.clone()).collect();
        let answer = match &item.kind {
            Kind::YesNo => Answer::YesNo(random.below(2) == 0),
            Kind::OneChoice(_) => Answer::Choice(ids[random.below(ids.len())].clone()),
            Kind::SeveralChoices(_) => Answer::Choices(random.some(&ids)),
            Kind::Medicines(list) => {
                let known: Vec<String> = list.shown().map(|m| m.id.clone()).collect();
                Answer::Medicines(MedicineAnswer {
                    known: random.some(&known),
                    typed: random.some(&["Zorbinol".to_string()]),
                })
            }
            Kind::Text | Kind::Phone if random.below(4) == 0 => Answer::NotKnown,
            Kind::Text => Answer::Text("Ann".into()),
            Kind::Phone => Answer::Phone("555-201-3344".into()),
            Kind::Date => Answer::Date(jiff::civil::date(2026, 12, 10)),
            Kind::Time => Answer::NotKnown,
            Kind::Info => Answer::Seen,
        };
        answers.set(&item.id, answer);
    }
    answers
}

/// What a form filler following R4 enables: an item whose `enableWhen` holds (all or any
/// of them, a question with several answers matching when any does), inside a parent that
/// is enabled; a question that is not enabled counts as unanswered.
fn enabled_by_r4(questionnaire: &Value, values: &HashMap<String, Vec<Value>>) -> HashSet<String> {
    fn walk(
        items: &[Value],
        parent: bool,
        values: &HashMap<String, Vec<Value>>,
        state: &mut HashMap<String, bool>,
    ) {
        for item in items {
            let link_id = item["linkId"].as_str().expect("linkId").to_string();
            let conditions = item["enableWhen"].as_array().cloned().unwrap_or_default();
            let holds = |when: &Value| {
                let question = when["question"].as_str().expect("question");
                let enabled = *state
                    .get(question)
                    .unwrap_or_else(|| panic!("{link_id}: '{question}' is not an earlier item"));
                assert_eq!(when["operator"], "=");
                let answers = if enabled {
                    values.get(question).cloned().unwrap_or_default()
                } else {
                    Vec::new()
                };
                answers.iter().any(|answer| {
                    if let Some(yes) = when.get("answerBoolean") {
                        answer.get("valueBoolean") == Some(yes)
                    } else {
                        let (want, got) = (&when["answerCoding"], &answer["valueCoding"]);
                        got["system"] == want["system"] && got["code"] == want["code"]
                    }
                })
            };
            let own = match item["enableBehavior"].as_str() {
                _ if conditions.is_empty() => true,
                None => {
                    assert_eq!(conditions.len(), 1, "{link_id}: enableBehavior missing");
                    holds(&conditions[0])
                }
                Some("all") => conditions.iter().all(holds),
                Some("any") => conditions.iter().any(holds),
                Some(other) => panic!("{link_id}: enableBehavior {other}"),
            };
            let enabled = parent && own;
            state.insert(link_id, enabled);
            let children = item["item"].as_array().cloned().unwrap_or_default();
            walk(&children, enabled, values, state);
        }
    }
    let mut state = HashMap::new();
    let items = questionnaire["item"].as_array().expect("items");
    walk(items, true, values, &mut state);
    state
        .into_iter()
        .filter(|(_, enabled)| *enabled)
        .map(|(id, _)| id)
        .collect()
}

/// Every linkId in these items and below.
fn link_ids(items: &Value) -> HashSet<String> {
    let mut ids = HashSet::new();
    for item in items.as_array().into_iter().flatten() {
        ids.extend(item["linkId"].as_str().map(String::from));
        ids.extend(link_ids(&item["item"]));
    }
    ids
}

#[test]
fn fhir_form_fillers_ask_what_prepcheck_asks_for_any_answers() {
    let mut random = Random(0x5eed_f00d_cafe_babe);
    let m = english();
    for checklist in checklists() {
        let questionnaire = serde_json::to_value(questionnaire(&checklist, m).expect("export"))
            .expect("JSON value");
        let link_ids = link_ids(&questionnaire["item"]);
        let exported = |link_id: &str| link_ids.contains(link_id);
        let mut seen = HashSet::new();
        for _ in 0..1000 {
            let answers = random_answers(&checklist, &mut random);
            // Every answer in the file, applicable or not, as a form filler would hold it.
            let values: HashMap<String, Vec<Value>> = checklist
                .items()
                .map(|item| {
                    let given = response::values(&checklist, item, answers.get(&item.id), m);
                    let given = given
                        .iter()
                        .map(|v| serde_json::to_value(v).expect("value"))
                        .collect();
                    (item.id.clone(), given)
                })
                .collect();
            let enabled = enabled_by_r4(&questionnaire, &values);
            seen.extend(enabled.iter().cloned());
            let asked: HashSet<String> = answers
                .applicable(&checklist)
                .iter()
                .map(|i| i.id.clone())
                .collect();
            for item in checklist.items() {
                assert_eq!(
                    enabled.contains(&item.id),
                    asked.contains(&item.id),
                    "{}: item '{}' with {answers:?}",
                    checklist.id,
                    item.id
                );
                // What goes with the item shows with it, and only with it.
                for suffix in ["medication-statement", "help", "expect-1", "ask-1"] {
                    let with = format!("{}.{suffix}", item.id);
                    if exported(&with) {
                        assert_eq!(enabled.contains(&with), asked.contains(&item.id), "{with}");
                    }
                }
            }
        }
        // Every item was asked for some answers: the conditions were all tried.
        for item in checklist.items() {
            assert!(seen.contains(&item.id), "{}: never asked", item.id);
        }
        assert!(exported("_medication-statement"));
    }
}

#[test]
fn fhir_nested_conditions_are_said_with_groups_around_the_item() {
    let questionnaire =
        serde_json::to_value(questionnaire(&test_checklist(NESTED), english()).expect("export"))
            .expect("JSON");
    let heart = &questionnaire["item"][2];
    assert_eq!(heart["linkId"], "_section.problems");
    let problems = &heart["item"][0];
    assert_eq!(problems["linkId"], "problems");
    assert_eq!(problems["enableBehavior"], "any");
    assert_eq!(
        problems["enableWhen"][2]["answerCoding"]["code"], "warfarin",
        "{problems:#}"
    );
    // step is second or third, and (heart is yes or problems has swelling): two levels.
    let outer = &heart["item"][1];
    assert_eq!(outer["linkId"], "heart-ok.when-1");
    assert_eq!(outer["type"], "group");
    assert_eq!(outer["enableBehavior"], "any");
    assert_eq!(outer["enableWhen"].as_array().map(Vec::len), Some(2));
    let inner = &outer["item"][0];
    assert_eq!(inner["linkId"], "heart-ok");
    assert_eq!(inner["enableBehavior"], "any");
    assert_eq!(inner["enableWhen"][0]["answerBoolean"], true);
    assert_eq!(inner["enableWhen"][1]["answerCoding"]["code"], "swelling");
}

#[test]
fn fhir_response_leaves_out_what_no_longer_applies_and_what_is_not_known() {
    let checklist = crate::answers::tests::mini();
    let mut answers = Answers::default();
    answers.set("step", Answer::Choice("first".into()));
    answers.set("heart", Answer::YesNo(true));
    // Answered when the step was "second"; the step changed since.
    answers.set("heart-ok", Answer::YesNo(false));
    answers.set("friend", Answer::Text("  Ann\u{1b}[31m ".into()));
    answers.set("visit-date", Answer::NotKnown);
    let now = jiff::civil::date(2026, 11, 25)
        .at(9, 30, 5, 123)
        .in_tz("America/Chicago")
        .expect("time zone");
    let json =
        to_json(&response(&checklist, &answers, &now, english()).expect("response")).expect("JSON");
    let text = String::from_utf8(json).expect("UTF-8");
    assert!(!text.contains("heart-ok"), "{text}");
    assert!(!text.contains("visit-date"), "{text}");
    assert!(text.contains("\"valueString\": \"Ann[31m\""), "{text}");
    assert!(text.contains("\"status\": \"in-progress\""), "{text}");
    assert!(
        text.contains("\"authored\": \"2026-11-25T09:30:05-06:00\""),
        "{text}"
    );
    assert!(
        text.contains("\"questionnaire\": \"https://prepcheck.example/fhir/Questionnaire/mini|2\""),
        "{text}"
    );
    // No name asked, no patient.
    assert!(
        !text.contains("Patient") && !text.contains("subject"),
        "{text}"
    );

    answers.set("visit-date", Answer::Date(jiff::civil::date(2026, 12, 10)));
    let done = response(&checklist, &answers, &now, english()).expect("response");
    assert_eq!(done.status, "completed");
}

#[test]
fn fhir_response_names_the_patient_only_when_they_gave_a_name() {
    let checklist = built_in();
    let now = jiff::civil::date(2026, 11, 25)
        .at(0, 0, 0, 0)
        .in_tz("UTC")
        .expect("time zone");
    let mut answers = Answers::default();
    answers.set("patient-name", Answer::NotKnown);
    let anonymous = response(&checklist, &answers, &now, english()).expect("response");
    assert!(anonymous.contained.is_empty() && anonymous.subject.is_none());
    assert!(date_time(&now).ends_with("+00:00"));

    answers.set("patient-name", Answer::Text("Rosa María O'Neil".into()));
    let named =
        serde_json::to_value(response(&checklist, &answers, &now, english()).expect("response"))
            .expect("JSON");
    assert_eq!(
        named["contained"],
        serde_json::json!([{"resourceType": "Patient", "id": "patient", "name": [{"text": "Rosa María O'Neil"}]}])
    );
    assert_eq!(named["subject"]["reference"], "#patient");
}

#[test]
fn fhir_none_of_these_is_an_answer_of_its_own() {
    let checklist = built_in();
    let mut answers = Answers::default();
    answers.set(
        "blood-thinners",
        Answer::Medicines(MedicineAnswer::default()),
    );
    let item = checklist.item("blood-thinners").expect("item");
    let values = response::values(&checklist, item, answers.get("blood-thinners"), english());
    assert_eq!(values.len(), 1);
    assert_eq!(values[0].value_coding, Some(none_coding(english())));
}

#[test]
fn fhir_names_are_made_safely() {
    assert_eq!(computable_name("intrathecal-pump"), "IntrathecalPump");
    assert_eq!(computable_name("2-step"), "Checklist2Step");
    assert!(is_fhir_id("intrathecal-pump"));
    assert!(!is_fhir_id(&"x".repeat(65)));
}

#[test]
fn fhir_texts_are_cleaned_and_the_markdown_field_escaped() {
    let mut checklist = crate::answers::tests::mini();
    checklist.procedure = "*Knee* <b>shot</b>".into();
    checklist.sections[0].title = " \u{200b} ".into();
    checklist.sections[0].items[0].ask = "Which\u{1b}[2J visit\u{202e} is it? ".into();
    let exported = questionnaire(&checklist, english()).expect("export");
    assert_eq!(exported.description, "\\*Knee\\* \\<b\\>shot\\</b\\>");
    let section = &exported.item[1];
    assert_eq!(section.text, None, "an empty string is no FHIR string");
    assert_eq!(section.link_id, "_section.step", "named by its first item");
    assert_eq!(
        section.item[0].text.as_deref(),
        Some("Which[2J visit is it?")
    );
}

#[test]
fn fhir_response_is_in_progress_while_a_medicine_list_is_unfinished() {
    let checklist = built_in();
    let text = include_bytes!("../../tests/fixtures/answers/implant.yaml");
    let mut answers = Answers::parse("implant.yaml", text, &checklist)
        .expect("fixture")
        .answers;
    let now = jiff::civil::date(2026, 11, 25)
        .at(0, 0, 0, 0)
        .in_tz("UTC")
        .expect("time zone");
    let done = response(&checklist, &answers, &now, english()).expect("response");
    assert_eq!(done.status, "completed");
    // Left in the middle of the list: its ticks are kept, but it is asked again.
    answers.mark_unfinished("blood-thinners");
    let unfinished = response(&checklist, &answers, &now, english()).expect("response");
    assert_eq!(unfinished.status, "in-progress");
}

/// A response as JSON bytes, from prepcheck's own export.
fn exported(checklist: &Checklist, answers: &Answers, m: &Messages) -> Value {
    let now = jiff::civil::date(2026, 11, 25)
        .at(9, 0, 0, 0)
        .in_tz("UTC")
        .expect("time zone");
    serde_json::to_value(response(checklist, answers, &now, m).expect("response")).expect("JSON")
}

fn read_value(value: &Value, checklist: &Checklist) -> crate::answers::SavedAnswers {
    let text = serde_json::to_vec_pretty(value).expect("JSON");
    read_response("response.json", &text, checklist).expect("a response prepcheck reads")
}

#[test]
fn fhir_a_response_reads_back_as_the_answers_it_was_made_from() {
    let mut random = Random(0x5eed_1234);
    let spanish = Messages::new(crate::i18n::Lang::Es);
    for checklist in checklists() {
        for _ in 0..40 {
            let answers = random_answers(&checklist, &mut random);
            for m in [english(), &spanish] {
                let first = exported(&checklist, &answers, m);
                let saved = read_value(&first, &checklist);
                assert!(saved.set_aside.is_empty(), "{:?}", saved.set_aside);
                assert_eq!(exported(&checklist, &saved.answers, m), first);
            }
        }
    }
}

/// Every item with answers, taken out of its groups, in reverse order.
fn flat_and_reversed(items: &Value, out: &mut Vec<Value>) {
    for item in items.as_array().into_iter().flatten() {
        flat_and_reversed(&item["item"], out);
        if item.get("answer").is_some() {
            let mut item = item.clone();
            item.as_object_mut().expect("item").remove("item");
            out.insert(0, item);
        }
    }
}

/// Codings as another filler may write them: no version, no system, display in any words.
fn strip_codings(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if let Some(Value::Object(coding)) = map.get_mut("valueCoding") {
                coding.remove("version");
                coding.remove("system");
                coding.insert("display".into(), "Otra cosa".into());
            }
            map.values_mut().for_each(strip_codings);
        }
        Value::Array(values) => values.iter_mut().for_each(strip_codings),
        _ => {}
    }
}

#[test]
fn fhir_a_response_from_another_filler_reads_as_prepcheck_s_own() {
    let checklist = built_in();
    let text = include_bytes!("../../tests/fixtures/answers/implant.yaml");
    let answers = Answers::parse("implant.yaml", text, &checklist)
        .expect("fixture")
        .answers;
    let ours = exported(&checklist, &answers, english());
    let mut theirs = ours.clone();
    let mut flat = Vec::new();
    flat_and_reversed(&ours["item"], &mut flat);
    theirs["item"] = Value::Array(flat);
    strip_codings(&mut theirs);
    theirs["meta"] = serde_json::json!({
        "profile": ["http://hl7.org/fhir/4.0/StructureDefinition/QuestionnaireResponse"],
        "tag": [{"code": "lformsVersion: 40.1.3"}]
    });
    theirs["status"] = "completed".into();
    theirs["language"] = "es".into();
    // A typed medicine as a string, and a time with its seconds.
    let read = read_value(&theirs, &checklist);
    assert!(read.set_aside.is_empty(), "{:?}", read.set_aside);
    assert_eq!(
        read.answers.get("arrival-time"),
        answers.get("arrival-time")
    );
    assert_eq!(
        exported(&checklist, &read.answers, english()),
        exported(&checklist, &answers, english())
    );
}

#[test]
fn fhir_answers_that_do_not_fit_are_set_aside_where_they_are() {
    let checklist = crate::answers::tests::mini();
    let text = br#"{
  "resourceType": "QuestionnaireResponse",
  "questionnaire": "https://prepcheck.example/fhir/Questionnaire/mini",
  "status": "completed",
  "item": [
    {"linkId": "step", "answer": [{"valueCoding": {"system": "urn:other", "code": "first"}}]},
    {"linkId": "heart", "answer": [{"valueBoolean": true}]},
    {"linkId": "pets", "text": "\"linkId\": \"heart\"", "answer": [{"valueString": "a cat"}]},
    {"linkId": "friend", "answer": [{"valueAttachment": {"title": "x"}}]},
    {"linkId": "heart", "answer": [{"valueBoolean": false}]}
  ]
}"#;
    let saved = read_response("r.json", text, &checklist).expect("a response");
    assert_eq!(saved.answers.get("heart"), Some(&Answer::YesNo(true)));
    let unfit: Vec<(&str, u64, u64)> = (saved.set_aside.iter())
        .map(|u| (u.item.as_str(), u.line, u.column))
        .collect();
    assert_eq!(
        unfit,
        [
            ("step", 6, 16),
            ("pets", 8, 16),
            ("friend", 9, 16),
            ("heart", 10, 16)
        ]
    );
    assert!(matches!(
        &saved.set_aside[0].why,
        crate::answers::Misfit::NoSuchChoice { id, .. } if id == "urn:other|first"
    ));
    assert!(matches!(
        saved.set_aside[1].why,
        crate::answers::Misfit::NoSuchQuestion { .. }
    ));
    assert!(
        saved.set_aside[2].to_string().contains("valueAttachment"),
        "{}",
        saved.set_aside[2]
    );
    assert!(matches!(
        saved.set_aside[3].why,
        crate::answers::Misfit::AnsweredTwice
    ));
    // Kept in the answers file `import` writes, to come back when they fit.
    let yaml = saved
        .answers
        .to_yaml(&checklist, crate::i18n::Lang::En)
        .expect("YAML");
    assert!(yaml.contains("pets:\n    answer: a cat"), "{yaml}");
}

use super::read::{MAX_ITEM_DEPTH, MAX_RESPONSE_PARTS};

fn response_error(text: &[u8]) -> crate::answers::NotAnswers {
    read_response("r.json", text, &crate::answers::tests::mini()).expect_err("not readable")
}

#[test]
fn fhir_a_file_that_is_not_a_response_to_the_checklist_is_an_error_where_it_is() {
    use crate::answers::{NotAnswers, ResponseWhy as Why};
    let why = |text: &[u8]| match response_error(text) {
        NotAnswers::Response {
            line, column, why, ..
        } => (line, column, why),
        other => panic!("{other:?}"),
    };
    assert_eq!(
        why(b"{\n  \"resourceType\": \"QuestionnaireResponse\",\n  \"item\": [\n}"),
        (4, 1, Why::Syntax)
    );
    assert_eq!(why(b"\xff\xfe{}").2, Why::NotText);
    assert_eq!(
        why(b"{\"resourceType\": \"Patient\"}"),
        (
            1,
            18,
            Why::NotAResponse {
                found: Some("Patient".into())
            }
        )
    );
    assert_eq!(why(b"[1, 2]").2, Why::WrongKind);
    assert_eq!(why(b"{}").2, Why::NotAResponse { found: None });
    assert_eq!(
        why(br#"{"resourceType": "QuestionnaireResponse", "status": "completed"}"#).2,
        Why::NoQuestionnaire
    );
    let other = why(br#"{"resourceType": "QuestionnaireResponse",
 "questionnaire": "https://prepcheck.example/fhir/Questionnaire/mini|1"}"#);
    assert_eq!((other.0, other.1), (2, 19));
    assert!(
        matches!(other.2, Why::OtherQuestionnaire { ref expected, .. }
        if expected == "https://prepcheck.example/fhir/Questionnaire/mini|2")
    );
    assert!(matches!(
        why(br#"{"resourceType": "QuestionnaireResponse",
 "questionnaire": "http://example.org/Questionnaire/knee"}"#)
        .2,
        Why::OtherQuestionnaire { .. }
    ));
    assert_eq!(
        why(
            br#"{"resourceType": "QuestionnaireResponse", "status": "entered-in-error",
 "questionnaire": "https://prepcheck.example/fhir/Questionnaire/mini|2"}"#
        )
        .2,
        Why::EnteredInError
    );
    let head = r#"{"resourceType": "QuestionnaireResponse",
 "questionnaire": "https://prepcheck.example/fhir/Questionnaire/mini|2", "item": "#;
    assert_eq!(why(format!("{head}7}}").as_bytes()).2, Why::WrongKind);
    // Items inside items, past what any form nests.
    let deep = format!(
        "{head}{}[]{}}}",
        r#"[{"linkId": "a", "item": "#.repeat(40),
        "}]".repeat(40)
    );
    assert_eq!(
        why(deep.as_bytes()).2,
        Why::TooDeep {
            depth: MAX_ITEM_DEPTH
        }
    );
    let many = format!(
        "{head}[{}]}}",
        vec![r#"{"linkId": "heart", "answer": [{"valueBoolean": true}]}"#; MAX_RESPONSE_PARTS + 2]
            .join(",")
    );
    assert!(matches!(why(many.as_bytes()).2, Why::TooMany { .. }));
}

#[test]
fn fhir_a_response_is_told_from_an_answers_file_by_what_it_holds() {
    let response = br#"{"resourceType": "QuestionnaireResponse"}"#;
    assert!(looks_like_response("r.txt", response));
    assert!(looks_like_response("r.json", b"\xef\xbb\xbf  [1, 2"));
    assert!(looks_like_response("R.JSON", b"{ broken"));
    // What the walk writes, under any name, and a YAML flow mapping not named .json.
    let yaml = b"# prepcheck answers for \"x\".\nchecklist: mini\nversion: 2\nanswers: {}\n";
    assert!(!looks_like_response("mum.json", yaml));
    assert!(!looks_like_response(
        "mum.yaml",
        b"{checklist: mini, version: 2, answers: {}}"
    ));
}

#[test]
fn fhir_a_response_cut_or_changed_anywhere_is_read_or_refused_never_a_panic() {
    let checklist = built_in();
    let text = include_bytes!("../../tests/fixtures/answers/many-medicines.yaml");
    let answers = Answers::parse("many-medicines.yaml", text, &checklist)
        .expect("fixture")
        .answers;
    let bytes = serde_json::to_vec(&exported(&checklist, &answers, english())).expect("JSON");
    for cut in 0..bytes.len() {
        let _ = read_response("r.json", &bytes[..cut], &checklist);
    }
    let mut random = Random(0xfeed_beef);
    for _ in 0..2000 {
        let mut changed = bytes.clone();
        let at = random.below(changed.len());
        let bytes = b"\"{}[],:\\ \nx0\xc3";
        changed[at] = bytes[random.below(bytes.len())];
        let _ = read_response("r.json", &changed, &checklist);
    }
}

#[test]
fn fhir_a_large_response_on_one_line_is_read_quickly() {
    let checklist = crate::answers::tests::mini();
    let answer = r#"{"linkId": "pets", "answer": [{"valueString": "a cat"}]}"#;
    let many = vec![answer; MAX_RESPONSE_PARTS].join(",");
    let text = format!(
        r#"{{"resourceType": "QuestionnaireResponse", "questionnaire": "https://prepcheck.example/fhir/Questionnaire/mini|2", "item": [{many}]}}"#
    );
    assert!(text.len() > 1_000_000, "{}", text.len());
    let started = std::time::Instant::now();
    let saved = read_response("r.json", text.as_bytes(), &checklist).expect("read");
    assert_eq!(saved.set_aside.len(), MAX_RESPONSE_PARTS);
    let last = saved.set_aside.last().expect("set aside");
    assert!(last.line == 1 && last.column > 900_000, "{last:?}");
    assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
}
