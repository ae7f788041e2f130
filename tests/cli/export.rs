//! `prepcheck export`: the Questionnaire and the QuestionnaireResponses read back as a
//! clinic's system would, against the FHIR R4 rules. The resources go through an
//! independent validator (Python's fhir.resources 6.4.0, whose models are R4 4.0.1): `.ci/run`
//! installs it, so in CI (CI=true) a missing validator fails the test; elsewhere it is
//! skipped. The invariants those models do not check (unique linkIds, conditions that look
//! back, answers that fit their questions) are checked here.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::approved;
use crate::common::root;
use crate::prepcheck;

const NESTED_DIR: &str = "tests/fixtures/fhir/checklists";
const NESTED_ANSWERS: &str = "tests/fixtures/fhir/nested-answers.yaml";

/// `prepcheck ARGS`, run from the crate's root: exit code, standard output and error.
fn export(args: &[&str]) -> (Option<i32>, Vec<u8>, String) {
    let output = prepcheck()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .expect("run prepcheck");
    (
        output.status.code(),
        output.stdout,
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// The JSON a successful export writes.
fn json(args: &[&str]) -> Value {
    let (code, stdout, stderr) = export(args);
    assert_eq!(code, Some(0), "{args:?}: {stderr}");
    serde_json::from_slice(&stdout).expect("JSON")
}

fn questionnaire() -> Value {
    json(&["export", "questionnaire"])
}

fn nested_questionnaire() -> Value {
    json(&[
        "--checklists",
        NESTED_DIR,
        "export",
        "questionnaire",
        "nested",
    ])
}

fn response(answers: &str) -> Value {
    json(&["export", "response", "--answers", answers])
}

fn nested_response() -> Value {
    json(&[
        "--checklists",
        NESTED_DIR,
        "export",
        "response",
        "nested",
        "--answers",
        NESTED_ANSWERS,
    ])
}

/// The answers fixtures of the built-in checklist.
fn answer_fixtures() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(root("tests/fixtures/answers"))
        .expect("fixtures")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .map(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
            format!("tests/fixtures/answers/{}", name.unwrap_or_default())
        })
        .collect();
    files.sort();
    assert!(files.len() >= 5, "{files:?}");
    files
}

/// Items in document order, each with the linkIds of its ancestors.
fn flatten(items: &Value) -> Vec<(Vec<String>, Value)> {
    fn walk(items: &Value, path: &mut Vec<String>, out: &mut Vec<(Vec<String>, Value)>) {
        for item in items.as_array().into_iter().flatten() {
            out.push((path.clone(), item.clone()));
            path.push(link_id(item).to_string());
            walk(&item["item"], path, out);
            path.pop();
        }
    }
    let mut out = Vec::new();
    walk(items, &mut Vec::new(), &mut out);
    out
}

fn link_id(item: &Value) -> &str {
    item["linkId"].as_str().expect("every item has a linkId")
}

fn list(value: &Value) -> Vec<Value> {
    value.as_array().cloned().unwrap_or_default()
}

fn codings(item: &Value) -> Vec<(String, String)> {
    list(&item["answerOption"])
        .iter()
        .map(|o| {
            let coding = &o["valueCoding"];
            (
                coding["system"].as_str().expect("system").to_string(),
                coding["code"].as_str().expect("code").to_string(),
            )
        })
        .collect()
}

/// The R4 rules on a Questionnaire that the validator's models do not check.
fn check_questionnaire(q: &Value) {
    assert_eq!(q["resourceType"], "Questionnaire");
    let name = q["name"].as_str().expect("name");
    assert!(
        name.starts_with(|c: char| c.is_ascii_uppercase())
            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'),
        "que-0: {name}"
    );
    assert!(
        ["draft", "active", "retired", "unknown"].contains(&q["status"].as_str().unwrap_or("")),
        "status {}",
        q["status"]
    );
    assert!(q["url"].as_str().is_some_and(|u| u.starts_with("https://")));
    let items = flatten(&q["item"]);
    let mut seen: HashMap<String, Value> = HashMap::new();
    for (ancestors, item) in &items {
        let id = link_id(item);
        let kind = item["type"].as_str().expect("type");
        assert!(
            [
                "group",
                "display",
                "boolean",
                "decimal",
                "integer",
                "date",
                "dateTime",
                "time",
                "string",
                "text",
                "url",
                "choice",
                "open-choice",
                "attachment",
                "reference",
                "quantity"
            ]
            .contains(&kind),
            "{id}: type {kind}"
        );
        // que-2: unique linkIds.
        assert!(!seen.contains_key(id), "linkId {id} twice");
        let children = list(&item["item"]);
        match kind {
            "group" => assert!(!children.is_empty(), "que-1: group {id} is empty"),
            "display" => {
                assert!(children.is_empty(), "que-1: display {id} has items");
                assert!(item.get("repeats").is_none() && item.get("required").is_none());
                assert!(item["text"].as_str().is_some_and(|t| !t.trim().is_empty()));
            }
            _ => assert!(item["text"].as_str().is_some_and(|t| !t.trim().is_empty())),
        }
        if item.get("answerOption").is_some() {
            assert!(["choice", "open-choice"].contains(&kind), "que-5: {id}");
            let codes = codings(item);
            let unique: HashSet<_> = codes.iter().collect();
            assert_eq!(unique.len(), codes.len(), "{id}: an option twice");
        }
        if item.get("maxLength").is_some() {
            assert!(
                [
                    "boolean",
                    "decimal",
                    "integer",
                    "string",
                    "text",
                    "url",
                    "open-choice"
                ]
                .contains(&kind),
                "que-10: {id}"
            );
        }
        let conditions = list(&item["enableWhen"]);
        match item["enableBehavior"].as_str() {
            None => assert!(conditions.len() <= 1, "que-12: {id}"),
            Some(b) => assert!(conditions.len() > 1 && (b == "all" || b == "any"), "{id}"),
        }
        for when in &conditions {
            let question = when["question"].as_str().expect("question");
            assert_eq!(when["operator"], "=", "{id}");
            let Some(target) = seen.get(question) else {
                panic!("{id}: enableWhen names '{question}', which is not an earlier item");
            };
            assert!(
                !ancestors.iter().any(|a| a == question),
                "{id}: its own parent"
            );
            match target["type"].as_str() {
                Some("boolean") => assert!(when["answerBoolean"].is_boolean(), "{id}"),
                Some("choice" | "open-choice") => {
                    let coding = &when["answerCoding"];
                    let wanted = (
                        coding["system"].as_str().unwrap_or("").to_string(),
                        coding["code"].as_str().unwrap_or("").to_string(),
                    );
                    assert!(
                        codings(target).contains(&wanted),
                        "{id}: {wanted:?} is no option of {question}"
                    );
                }
                other => panic!("{id}: a condition on a {other:?} item"),
            }
        }
        seen.insert(id.to_string(), item.clone());
    }
    // The medication statement first, and before every item about medicines, in the
    // Questionnaire's language.
    let statement = approved::statement(q["language"].as_str().unwrap_or("en"));
    assert_eq!(q["item"][0]["type"], "display");
    assert_eq!(q["item"][0]["text"], statement);
    for (_, item) in &items {
        let medicines = codings(item)
            .iter()
            .any(|(system, _)| system.contains("/CodeSystem/medicines."));
        if medicines {
            let id = link_id(item);
            let before = &seen[&format!("{id}.medication-statement")];
            assert_eq!(before["text"], statement, "{id}");
            assert_eq!(before["enableWhen"], item["enableWhen"], "{id}");
        }
    }
}

/// The R4 rules on a response to `q`: every item is where it is in the Questionnaire, in
/// the same order, and every answer fits its question.
fn check_response(q: &Value, r: &Value) {
    assert_eq!(r["resourceType"], "QuestionnaireResponse");
    let canonical = format!(
        "{}|{}",
        q["url"].as_str().expect("url"),
        q["version"].as_str().expect("version")
    );
    assert_eq!(r["questionnaire"], canonical.as_str());
    assert!(["in-progress", "completed"].contains(&r["status"].as_str().unwrap_or("")));
    let questions: Vec<(Vec<String>, Value)> = flatten(&q["item"]);
    let position = |id: &str| questions.iter().position(|(_, i)| link_id(i) == id);
    let mut last = None;
    for (ancestors, item) in flatten(&r["item"]) {
        let id = link_id(&item);
        let at = position(id).unwrap_or_else(|| panic!("{id} is not in the Questionnaire"));
        assert!(Some(at) > last, "{id} is out of order");
        last = Some(at);
        let (q_ancestors, question) = &questions[at];
        assert_eq!(
            &ancestors, q_ancestors,
            "{id} is not where the Questionnaire has it"
        );
        let answers = list(&item["answer"]);
        let kind = question["type"].as_str().expect("type");
        match kind {
            "group" => assert!(answers.is_empty(), "{id}"),
            "display" => panic!("{id}: a display item answered"),
            _ => assert!(!answers.is_empty(), "{id}: a question without an answer"),
        }
        if question["repeats"] != true {
            assert!(answers.len() <= 1, "{id}: several answers");
        }
        for answer in &answers {
            let fields: Vec<&String> = answer.as_object().expect("answer").keys().collect();
            assert_eq!(fields.len(), 1, "{id}: {answer}");
            let field = fields[0].as_str();
            let fits = match kind {
                "boolean" => field == "valueBoolean" && answer[field].is_boolean(),
                "date" => field == "valueDate",
                "time" => field == "valueTime",
                "string" => field == "valueString",
                "choice" | "open-choice" if field == "valueCoding" => {
                    let coding = &answer[field];
                    let system = coding["system"].as_str().unwrap_or("");
                    let pair = (
                        system.to_string(),
                        coding["code"].as_str().unwrap_or("").into(),
                    );
                    // An open choice may hold a coding of the same list the screen did
                    // not show (a medicine recognised from a typed name).
                    codings(question).contains(&pair)
                        || (kind == "open-choice"
                            && codings(question).iter().any(|(s, _)| s == system))
                }
                "open-choice" => field == "valueString",
                _ => false,
            };
            assert!(fits, "{id} ({kind}): {answer}");
        }
    }
}

/// A Python with fhir.resources' R4 (4.0.1) models: `PREPCHECK_FHIR_PYTHON`, the virtual
/// environment `.ci/run` makes, or `python3`. Missing in CI fails; elsewhere, it says the
/// test did not run.
pub fn validator() -> Option<PathBuf> {
    let mut candidates: Vec<PathBuf> = std::env::var_os("PREPCHECK_FHIR_PYTHON")
        .map(PathBuf::from)
        .into_iter()
        .collect();
    candidates.push(root("target/fhir-r4/bin/python"));
    candidates.push("python3".into());
    let r4 = "import fhir.resources as f; assert f.__fhir_version__ == '4.0.1', f.__fhir_version__";
    let found = candidates.into_iter().find(|python| {
        Command::new(python)
            .args(["-c", r4])
            .output()
            .is_ok_and(|o| o.status.success())
    });
    crate::common::can_run(
        found.is_some(),
        "Python's fhir.resources 6.4.0 (FHIR R4 models)",
    )
    .then_some(found)
    .flatten()
}

/// Parse each file with the R4 model of its resourceType; one line for each: ok or why not.
pub const VALIDATE: &str = r#"
import json, sys
from fhir.resources import construct_fhir_element
for path in sys.argv[1:]:
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        construct_fhir_element(data["resourceType"], data)
        print("ok", path)
    except Exception as e:
        print("FAILED", path, str(e).replace("\n", " | "))
"#;

fn write(dir: &Path, name: &str, args: &[&str]) -> PathBuf {
    let path = dir.join(name);
    let mut all: Vec<&str> = args.to_vec();
    let output = path.to_string_lossy().into_owned();
    all.extend(["--output", &output]);
    let (code, _, stderr) = export(&all);
    assert_eq!(code, Some(0), "{all:?}: {stderr}");
    path
}

#[test]
fn both_resources_pass_fhir_resources_r4_validation_for_every_answers_fixture() {
    let Some(python) = validator() else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let mut files = vec![
        write(
            dir.path(),
            "questionnaire.json",
            &["export", "questionnaire"],
        ),
        write(
            dir.path(),
            "nested-questionnaire.json",
            &[
                "--checklists",
                NESTED_DIR,
                "export",
                "questionnaire",
                "nested",
            ],
        ),
        write(
            dir.path(),
            "nested-response.json",
            &[
                "--checklists",
                NESTED_DIR,
                "export",
                "response",
                "nested",
                "--answers",
                NESTED_ANSWERS,
            ],
        ),
    ];
    files.push(write(
        dir.path(),
        "questionnaire-es.json",
        &["--lang", "es", "export", "questionnaire"],
    ));
    files.push(write(
        dir.path(),
        "response-es.json",
        &[
            "--lang",
            "es",
            "export",
            "response",
            "--answers",
            "tests/fixtures/answers/blood-thinners.yaml",
        ],
    ));
    for (n, fixture) in answer_fixtures().iter().enumerate() {
        let name = format!("response-{n}.json");
        files.push(write(
            dir.path(),
            &name,
            &["export", "response", "--answers", fixture],
        ));
    }
    let output = Command::new(&python)
        .args(["-c", VALIDATE])
        .args(&files)
        .output()
        .expect("run the validator");
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let lines: Vec<&str> = report.lines().collect();
    assert_eq!(lines.len(), files.len(), "{report}");
    assert!(lines.iter().all(|l| l.starts_with("ok ")), "{report}");

    // The validator does say no: a response with two values in one answer fails.
    let bad = dir.path().join("bad.json");
    let mut broken: Value =
        serde_json::from_slice(&std::fs::read(&files[2]).expect("read")).expect("JSON");
    broken["item"][0]["item"][0]["answer"][0]["valueBoolean"] = Value::Bool(true);
    std::fs::write(&bad, broken.to_string()).expect("write");
    let output = Command::new(&python)
        .args(["-c", VALIDATE])
        .arg(&bad)
        .output()
        .expect("run the validator");
    assert!(
        String::from_utf8_lossy(&output.stdout).starts_with("FAILED"),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
}

#[test]
fn the_questionnaire_keeps_the_r4_rules_the_models_do_not_check() {
    for q in [questionnaire(), nested_questionnaire()] {
        check_questionnaire(&q);
    }
    let q = questionnaire();
    assert_eq!(q["version"], "4");
    assert_eq!(
        q["url"],
        "https://prepcheck.example/fhir/Questionnaire/intrathecal-pump"
    );
    let items: HashMap<String, Value> = flatten(&q["item"])
        .into_iter()
        .map(|(_, i)| (link_id(&i).to_string(), i))
        .collect();
    let types: Vec<(&str, &str)> = [
        "patient-name",
        "step",
        "heart",
        "blood-thinners",
        "procedure-date",
        "arrival-time",
        "driver-phone",
        "history-info",
    ]
    .iter()
    .map(|id| (*id, items[*id]["type"].as_str().unwrap_or("")))
    .collect();
    assert_eq!(
        types,
        [
            ("patient-name", "string"),
            ("step", "choice"),
            ("heart", "boolean"),
            ("blood-thinners", "open-choice"),
            ("procedure-date", "date"),
            ("arrival-time", "time"),
            ("driver-phone", "string"),
            ("history-info", "display")
        ]
    );
    assert_eq!(items["blood-thinners"]["repeats"], true);
    assert_eq!(items["driver-phone"]["extension"][0]["valueCode"], "phone");
    assert_eq!(
        items["procedure-date"]["extension"][1]["valueCode"],
        "procedure-date"
    );
    // Any of three answers: one flat list.
    assert_eq!(items["clearance-needed"]["enableBehavior"], "any");
    assert_eq!(
        list(&items["clearance-needed"]["enableWhen"]).len(),
        3,
        "{}",
        items["clearance-needed"]
    );
    // What to expect at the implant, each line with its own passage, shown for the implant.
    let line = &items["implant-info.expect-1"];
    assert_eq!(line["type"], "display");
    assert_eq!(
        line["enableWhen"][0]["answerCoding"]["code"], "implant",
        "{line}"
    );
    let passage = &line["extension"][1];
    assert_eq!(
        passage["url"],
        "https://prepcheck.example/fhir/StructureDefinition/source"
    );
    assert_eq!(
        passage["extension"][1]["valueString"],
        "The pump is a metal device roughly the size of a hockey puck."
    );
    // Every item with a source keeps it.
    assert!(
        items["step"]
            .to_string()
            .contains("perform a trial period.")
    );
    // Info screens that speak of medicines keep the statement too.
    assert_eq!(
        items["trial-info.medication-statement"]["text"],
        approved::statement("en")
    );
}

/// In Spanish, the same questions with the same linkIds and codes, so that a response in
/// either language fits the Questionnaire in the other; only the words change, the
/// medication statement among them.
#[test]
fn the_spanish_export_differs_from_the_english_only_in_its_words() {
    let english = questionnaire();
    let spanish = json(&["--lang", "es", "export", "questionnaire"]);
    check_questionnaire(&spanish);
    assert_eq!(
        (&english["language"], &spanish["language"]),
        (&"en".into(), &"es".into())
    );
    let shape = |q: &Value| -> Vec<(Vec<String>, Value, Vec<String>)> {
        flatten(&q["item"])
            .into_iter()
            .map(|(path, item)| {
                let codes = codings(&item).into_iter().map(|(_, code)| code).collect();
                (path, item["type"].clone(), codes)
            })
            .collect()
    };
    assert_eq!(shape(&english), shape(&spanish));
    let answers = "tests/fixtures/answers/blood-thinners.yaml";
    let response_es = json(&["--lang", "es", "export", "response", "--answers", answers]);
    check_response(&spanish, &response_es);
    check_response(&english, &response_es);
    let text = response_es.to_string();
    assert!(text.contains("¿Toma alguna de estas medicinas para adelgazar la sangre?"));
    assert!(text.contains("Plavix (clopidogrel)"), "{text}");
}

#[test]
fn every_response_fits_its_questionnaire() {
    let q = questionnaire();
    for fixture in answer_fixtures() {
        check_response(&q, &response(&fixture));
    }
    check_response(&nested_questionnaire(), &nested_response());
}

#[test]
fn the_response_holds_the_answers_that_apply_and_nothing_more() {
    let implant = response("tests/fixtures/answers/implant.yaml");
    assert_eq!(implant["status"], "completed");
    assert_eq!(implant["authored"], "2026-11-25T00:00:00-06:00");
    assert_eq!(implant["subject"]["reference"], "#patient");
    assert_eq!(
        implant["contained"],
        serde_json::json!([{"resourceType": "Patient", "id": "patient", "name": [{"text": "Ann Smith"}]}])
    );
    let answers: HashMap<String, Vec<Value>> = flatten(&implant["item"])
        .into_iter()
        .map(|(_, i)| (link_id(&i).to_string(), list(&i["answer"])))
        .collect();
    assert_eq!(
        answers["heart"],
        [serde_json::json!({"valueBoolean": true})]
    );
    assert_eq!(
        answers["procedure-date"],
        [serde_json::json!({"valueDate": "2027-01-14"})]
    );
    assert_eq!(
        answers["arrival-time"],
        [serde_json::json!({"valueTime": "09:00:00"})]
    );
    assert_eq!(
        answers["driver-phone"],
        [serde_json::json!({"valueString": "555-301-7788"})]
    );
    assert_eq!(answers["pain-relievers"].len(), 2);
    assert_eq!(
        answers["pain-relievers"][1]["valueCoding"]["code"], "naproxen",
        "{:?}",
        answers["pain-relievers"]
    );
    assert!(
        !answers.contains_key("implant-info"),
        "information is no answer"
    );

    // Nothing known yet is no answer, and keeps the response in progress; no name, no
    // patient; a medicine typed in by name is text.
    let blood = response("tests/fixtures/answers/blood-thinners.yaml");
    assert_eq!(blood["status"], "in-progress");
    assert!(blood.get("subject").is_none() && blood.get("contained").is_none());
    let text = blood.to_string();
    assert!(!text.contains("\"arrival-time\"") && !text.contains("\"driver-phone\""));
    assert!(text.contains(r#"{"valueString":"Brilique"}"#), "{text}");
    assert!(text.contains(r#"\"Jo\""#), "escaped as JSON: {text}");
    let none = response("tests/fixtures/answers/no-medicines.yaml").to_string();
    assert!(none.contains("\"code\":\"none-of-these\""), "{none}");

    // The step changed from implant to trial, and the heart problem to no: the answers given
    // for them before are in the file still, and never in the response.
    let dir = tempfile::tempdir().expect("temp dir");
    let changed = dir.path().join("changed.yaml");
    let yaml = std::fs::read_to_string(root("tests/fixtures/answers/implant.yaml")).expect("read");
    let yaml = yaml
        .replace("step: implant", "step: trial")
        .replace("heart: \"yes\"", "heart: \"no\"");
    std::fs::write(&changed, yaml).expect("write");
    let changed = response(&changed.to_string_lossy());
    let ids: Vec<String> = flatten(&changed["item"])
        .iter()
        .map(|(_, i)| link_id(i).to_string())
        .collect();
    for gone in [
        "trial-helped",
        "clearance-needed",
        "clearance-from",
        "clearance-done",
    ] {
        assert!(!ids.contains(&gone.to_string()), "{gone} in {ids:?}");
    }
    assert!(ids.contains(&"driver-name".to_string()));

    // A chained condition in a clinic's checklist: heart-ok no longer applies, nor what
    // depends on it.
    let nested = nested_response().to_string();
    assert!(
        !nested.contains("heart-ok\"") && !nested.contains("\"note"),
        "{nested}"
    );
    assert!(nested.contains("\"friend.when-1\""), "{nested}");
}

#[test]
fn exports_are_the_same_bytes_every_time() {
    let dir = tempfile::tempdir().expect("temp dir");
    for args in [
        vec!["export", "questionnaire"],
        vec![
            "export",
            "response",
            "--answers",
            "tests/fixtures/answers/many-medicines.yaml",
        ],
    ] {
        let (_, first, _) = export(&args);
        let (_, again, _) = export(&args);
        assert!(!first.is_empty());
        assert_eq!(first, again, "{args:?}");
        let file = write(dir.path(), "out.json", &args);
        assert_eq!(
            std::fs::read(&file).expect("read"),
            first,
            "{args:?} --output"
        );
    }
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(dir.path().join("out.json"))
        .expect("metadata")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600, "the answers are private");
}

#[test]
fn export_errors_say_what_to_do() {
    let home = tempfile::tempdir().expect("temp dir");
    let output = prepcheck()
        .env("PREPCHECK_HOME", home.path())
        .args(["export", "response"])
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(output.stdout.is_empty());
    let path = home.path().join("answers").join("intrathecal-pump.yaml");
    assert!(stderr.contains(&path.display().to_string()), "{stderr}");
    assert!(stderr.contains("prepcheck walk"), "{stderr}");

    for args in [
        vec!["export", "questionnaire", "no-such"],
        vec!["export", "response", "no-such"],
    ] {
        let (code, stdout, stderr) = export(&args);
        assert_eq!(code, Some(2), "{args:?}: {stderr}");
        assert!(stdout.is_empty() && stderr.contains("There is no checklist 'no-such'"));
    }

    let (code, stdout, stderr) = export(&["export", "response", "--answers", "no/such.yaml"]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stdout.is_empty() && stderr.contains("no/such.yaml: no such file"),
        "{stderr}"
    );
}

/// The output as a clinic's system gets it: after a deliberate change,
/// `INSTA_UPDATE=always cargo test --test cli -- export::` rewrites these; read the diff.
#[test]
fn snapshots_of_a_questionnaire_with_nested_conditions_and_of_a_response() {
    let (_, nested, _) = export(&[
        "--checklists",
        NESTED_DIR,
        "export",
        "questionnaire",
        "nested",
    ]);
    insta::assert_snapshot!(
        "nested-questionnaire.json",
        String::from_utf8(nested).expect("UTF-8")
    );
    let (_, implant, _) = export(&[
        "export",
        "response",
        "--answers",
        "tests/fixtures/answers/implant.yaml",
    ]);
    insta::assert_snapshot!(
        "implant-response.json",
        String::from_utf8(implant).expect("UTF-8")
    );
}
