//! Answers from any FHIR R4 form filler: `sheet`, `answers` and `export response` read a
//! QuestionnaireResponse as they read an answers file, `import response` saves one as
//! answers, and the walk never writes over one. The round trip through NLM's LHC-Forms
//! (npm `lforms`, in headless Chromium: `tests/browser/lforms/`) runs for every fixture in
//! both languages; `.ci/run` installs what it needs.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::common::{assert_shows, can_run, root, run, run_within};

const FIXTURES: &str = "tests/fixtures/answers";
const LFORMS: &str = "tests/browser/lforms";

/// `prepcheck ARGS` that must succeed: its standard output.
fn ok(args: &[&str]) -> String {
    let run = run(args);
    assert_eq!(run.code, Some(0), "{args:?}: {}", run.stderr);
    run.stdout
}

/// The answers files of the fixtures, by name.
fn fixtures() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root(FIXTURES))
        .expect("fixtures")
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    assert!(files.len() >= 5, "{files:?}");
    files
}

fn text(path: &Path) -> &str {
    path.to_str().expect("a path in UTF-8")
}

/// The response prepcheck exports from an answers file, as JSON.
fn exported(answers: &Path, lang: &str) -> Value {
    let json = ok(&[
        "export",
        "response",
        "--lang",
        lang,
        "--answers",
        text(answers),
    ]);
    serde_json::from_str(&json).expect("JSON")
}

fn write_json(path: &Path, value: &Value) {
    std::fs::write(path, serde_json::to_vec_pretty(value).expect("JSON")).expect("write");
}

/// The plain sheet printed from `answers` in `lang`, and what was said on standard error.
fn sheet(answers: &Path, lang: &str) -> (String, String) {
    let args = ["sheet", "--format", "plain", "--lang", lang, "--answers"];
    let run = run(args.iter().copied().chain([text(answers)]));
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    (run.stdout, run.stderr)
}

#[test]
fn lhc_forms_round_trip_prints_the_same_sheet_for_every_fixture_in_both_languages() {
    let ready = root(LFORMS).join("node_modules/lforms").is_dir()
        && root(LFORMS).join("node_modules/puppeteer-core").is_dir()
        && Path::new("/usr/bin/chromium").exists();
    if !can_run(ready, "npm lforms and puppeteer-core, and Chromium") {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let mut jobs = Vec::new();
    for lang in ["en", "es"] {
        let questionnaire = dir.path().join(format!("questionnaire-{lang}.json"));
        let args = ["export", "questionnaire", "--lang", lang, "--output"];
        ok(&args
            .iter()
            .copied()
            .chain([text(&questionnaire)])
            .collect::<Vec<_>>());
        for fixture in fixtures() {
            let name = fixture.file_stem().and_then(|s| s.to_str()).expect("name");
            let response = dir.path().join(format!("{name}-{lang}.prepcheck.json"));
            write_json(&response, &exported(&fixture, lang));
            let out = dir.path().join(format!("{name}-{lang}.lhc-forms.json"));
            jobs.push((fixture.clone(), lang, questionnaire.clone(), response, out));
        }
    }
    let list: Vec<Value> = (jobs.iter())
        .map(|(_, _, questionnaire, response, out)| {
            serde_json::json!({"questionnaire": questionnaire, "response": response, "out": out})
        })
        .collect();
    let list_file = dir.path().join("jobs.json");
    write_json(&list_file, &Value::Array(list));
    // One browser for every fixture.
    let node = Command::new("node")
        .arg(root(LFORMS).join("round-trip.js"))
        .arg(&list_file)
        .output()
        .expect("run node");
    let said = String::from_utf8_lossy(&node.stderr);
    assert!(node.status.success(), "LHC-Forms round trip failed: {said}");
    for (fixture, lang, _, _, out) in &jobs {
        let from_lhc: Value =
            serde_json::from_slice(&std::fs::read(out).expect("LHC-Forms' response"))
                .expect("JSON");
        // Written by LHC-Forms, not a copy of prepcheck's.
        let tag = &from_lhc["meta"]["tag"][0]["code"];
        assert!(
            tag.as_str().is_some_and(|t| t.starts_with("lformsVersion")),
            "{from_lhc}"
        );
        let (expected, _) = sheet(fixture, lang);
        let (printed, stderr) = sheet(out, lang);
        assert_eq!(printed, expected, "{} in {lang}", fixture.display());
        assert!(
            stderr.is_empty(),
            "{} in {lang}: {stderr}",
            fixture.display()
        );
    }
}

/// The implant fixture's response, as prepcheck exports it, in a temporary folder.
fn implant_response(lang: &str) -> (tempfile::TempDir, PathBuf, Value) {
    let dir = tempfile::tempdir().expect("temp dir");
    let value = exported(&root(FIXTURES).join("implant.yaml"), lang);
    let path = dir.path().join("response.json");
    write_json(&path, &value);
    (dir, path, value)
}

#[test]
fn a_response_with_answers_that_no_longer_fit_prints_the_sheet_and_says_what_was_set_aside() {
    for (lang, words) in [("en", "is left out"), ("es", "Se deja fuera")] {
        let (_dir, path, mut value) = implant_response(lang);
        let items = value["item"].as_array_mut().expect("items");
        items.push(serde_json::json!({"linkId": "pets", "answer": [{"valueString": "a cat"}]}));
        write_json(&path, &value);
        let (printed, stderr) = sheet(&path, lang);
        let (expected, _) = sheet(&root(FIXTURES).join("implant.yaml"), lang);
        assert_eq!(printed, expected);
        assert_shows(&stderr, &["response.json:", "'pets'", words]);
    }
}

/// `prepcheck sheet` on a file that cannot be used: exit 1, and what it said.
fn refused(path: &Path, lang: &str) -> String {
    let args = ["sheet", "--lang", lang, "--answers", text(path)];
    let run = run(args);
    assert_eq!(run.code, Some(1), "{}", run.stdout);
    assert!(run.stdout.is_empty());
    run.stderr
}

#[test]
fn a_file_that_is_not_a_response_to_the_checklist_is_a_clear_error_in_both_languages() {
    let (dir, path, mut value) = implant_response("en");
    value["questionnaire"] =
        "https://prepcheck.example/fhir/Questionnaire/intrathecal-pump|1".into();
    write_json(&path, &value);
    assert_shows(
        &refused(&path, "en"),
        &[
            "response.json:",
            "answers the Questionnaire",
            "intrathecal-pump|1, not",
        ],
    );
    assert_shows(
        &refused(&path, "es"),
        &["es del Questionnaire", "intrathecal-pump|1, no de"],
    );

    let broken = dir.path().join("broken.json");
    std::fs::write(
        &broken,
        "{\n  \"resourceType\": \"QuestionnaireResponse\",\n  \"item\": [\n}",
    )
    .expect("write");
    assert_shows(
        &refused(&broken, "en"),
        &["broken.json:4:1: this is not well-formed JSON"],
    );
    assert_shows(
        &refused(&broken, "es"),
        &["broken.json:4:1: esto no es JSON bien escrito"],
    );

    let patient = dir.path().join("patient.json");
    std::fs::write(&patient, r#"{"resourceType": "Patient", "id": "p"}"#).expect("write");
    assert_shows(
        &refused(&patient, "en"),
        &["patient.json:1:18: this is a FHIR Patient, not a QuestionnaireResponse"],
    );
    assert_shows(&refused(&patient, "es"), &["esto es un Patient de FHIR"]);
}

#[test]
fn import_response_saves_answers_the_walk_carries_on_and_never_writes_over_answers() {
    let (dir, response, _) = implant_response("es");
    let home = dir.path().join("home");
    let in_home = |args: &[&str]| {
        run_within(std::time::Duration::from_secs(30), args, |c| {
            c.env("PREPCHECK_HOME", &home);
        })
    };
    let imported = in_home(&["import", "response", text(&response)]);
    assert_eq!(imported.code, Some(0), "{}", imported.stderr);
    assert_shows(
        &imported.stderr,
        &["answers were saved in", "To carry on: prepcheck walk"],
    );
    let saved = home.join("answers/intrathecal-pump.yaml");
    let yaml = std::fs::read_to_string(&saved).expect("answers saved");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&saved)
            .expect("file")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // The same answers as the YAML they came from, as `answers --format yaml` shows them.
    let shown = ok(&["answers", "--format", "yaml", "--answers", text(&response)]);
    assert_eq!(yaml, shown);
    let fixture = root(FIXTURES).join("implant.yaml");
    assert_eq!(sheet(&saved, "es").0, sheet(&fixture, "es").0);

    // A second import keeps what is saved.
    let again = in_home(&["--lang", "en", "import", "response", text(&response)]);
    assert_eq!(again.code, Some(1));
    assert_shows(
        &again.stderr,
        &["already holds answers", "prepcheck forget"],
    );
    assert_eq!(std::fs::read_to_string(&saved).expect("kept"), yaml);

    // The walk carries on from the imported answers: every question is answered.
    let (code, said, _) = crate::common::walk_through_a_pipe(&home, &["--lang", "en"], "\n");
    assert_ne!(code, Some(1), "{said}");
    assert_shows(
        &said,
        &["You have saved answers in", "Carry on where I stopped"],
    );
    assert!(!said.contains("What is your name?"), "{said}");
}

#[test]
fn the_walk_never_writes_over_a_response() {
    let (dir, response, _) = implant_response("en");
    let before = std::fs::read(&response).expect("response");
    let home = dir.path().join("home");
    for (lang, words) in [
        ("en", "first run: prepcheck import response"),
        ("es", "primero use: prepcheck import response"),
    ] {
        let (code, said, _) = crate::common::walk_through_a_pipe(
            &home,
            &["--lang", lang, "--answers", text(&response)],
            "\n",
        );
        assert_eq!(code, Some(1), "{said}");
        assert_shows(&said, &["QuestionnaireResponse", words]);
    }
    assert_eq!(std::fs::read(&response).expect("response"), before);
}

#[test]
fn export_response_reads_a_response_and_writes_it_again() {
    let (_dir, response, value) = implant_response("en");
    let again: Value =
        serde_json::from_str(&ok(&["export", "response", "--answers", text(&response)]))
            .expect("JSON");
    assert_eq!(again["item"], value["item"]);
    assert_eq!(again["status"], "completed");
}

#[test]
fn answers_the_walk_keeps_under_a_json_name_are_still_read_as_answers() {
    let dir = tempfile::tempdir().expect("temp dir");
    let answers = dir.path().join("mum.json");
    let args = ["--lang", "en", "--answers", text(&answers)];
    let (code, said, _) = crate::common::walk_through_a_pipe(dir.path(), &args, "\nAnn Smith\n");
    assert_ne!(code, Some(1), "{said}");
    let (printed, stderr) = sheet(&answers, "en");
    assert!(printed.contains("Ann Smith"), "{printed}");
    assert!(stderr.is_empty(), "{stderr}");
}

#[test]
fn export_response_is_in_progress_while_the_answers_file_names_an_unfinished_list() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fixture = std::fs::read_to_string(root(FIXTURES).join("implant.yaml")).expect("fixture");
    let complete = dir.path().join("complete.yaml");
    std::fs::write(&complete, &fixture).expect("write");
    let unfinished = dir.path().join("unfinished.yaml");
    std::fs::write(
        &unfinished,
        format!("{fixture}unfinished:\n- blood-thinners\n"),
    )
    .expect("write");
    let status = |path: &Path| exported(path, "en")["status"].clone();
    assert_eq!(status(&complete), "completed");
    assert_eq!(status(&unfinished), "in-progress");
}
