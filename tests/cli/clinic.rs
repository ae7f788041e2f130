//! A clinic's own checklist, as a nurse makes it (issue 24): `copy` a built-in one, edit it,
//! keep its translation, and the messages that say what to write.

use std::path::Path;

use crate::common::{assert_shows, folder, run, typed_lines, walk_through_a_pipe, write};
use crate::prepcheck;

/// `prepcheck copy intrathecal-pump DIR`: the exit code and what it said.
fn copy_into(dir: &Path, lang: &str) -> (Option<i32>, String) {
    let output = prepcheck()
        .args(["--lang", lang, "copy", "intrathecal-pump"])
        .arg(dir)
        .output()
        .expect("run");
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// A fresh copy of the built-in checklist in `home/clinic`.
pub fn copied(home: &Path) -> std::path::PathBuf {
    let dir = home.join("clinic");
    let (code, said) = copy_into(&dir, "en");
    assert_eq!(code, Some(0), "{said}");
    dir
}

#[test]
fn copy_writes_a_folder_that_passes_check_as_it_is() {
    let home = tempfile::tempdir().expect("temp dir");
    let dir = copied(home.path());
    for file in [
        "intrathecal-pump.yaml",
        "intrathecal-pump.es.yaml",
        "sources/intrathecal-pain-pump.txt",
        "medicines/bleeding.yaml",
        "medicines/bleeding.es.yaml",
    ] {
        let text = std::fs::read_to_string(dir.join(file)).expect(file);
        assert!(text.starts_with("# "), "{file} has no header:\n{text}");
    }
    let checklist = std::fs::read_to_string(dir.join("intrathecal-pump.yaml")).expect("read");
    assert_shows(&checklist, &["raise `version`", "--checklists"]);
    let check = run([
        "--checklists",
        &dir.display().to_string(),
        "--lang",
        "en",
        "check",
    ]);
    assert_eq!(check.code, Some(0), "{}{}", check.stdout, check.stderr);
    assert_shows(
        &check.stdout,
        &[
            "clinic/intrathecal-pump.yaml",
            "clinic/intrathecal-pump.es.yaml",
        ],
    );
    assert!(!check.stderr.contains("warning"), "{}", check.stderr);
}

#[test]
fn copy_of_an_unknown_checklist_names_the_known_ones() {
    let home = tempfile::tempdir().expect("temp dir");
    for (lang, words) in [
        (
            "en",
            "There is no built-in checklist 'knee'. The built-in checklists are: intrathecal-pump.",
        ),
        (
            "es",
            "No hay ninguna lista de preguntas incluida con el nombre 'knee'. Las incluidas son: intrathecal-pump.",
        ),
    ] {
        let output = prepcheck()
            .args(["--lang", lang, "copy", "knee"])
            .arg(home.path().join("new"))
            .output()
            .expect("run");
        assert_eq!(output.status.code(), Some(2));
        assert_shows(&String::from_utf8_lossy(&output.stderr), &[words]);
    }
    assert!(!home.path().join("new").exists());
}

#[test]
fn copy_never_writes_over_a_clinics_files() {
    let dir = folder(&[("intrathecal-pump.yaml", b"id: ours\n")]);
    for (lang, words) in [
        (
            "en",
            "already has files in it, and prepcheck never writes over a clinic's files",
        ),
        (
            "es",
            "ya tiene archivos, y prepcheck nunca escribe sobre los archivos de una clínica",
        ),
    ] {
        let (code, said) = copy_into(dir.path(), lang);
        assert_eq!(code, Some(1));
        assert_shows(&said, &[words]);
    }
    let kept = std::fs::read_to_string(dir.path().join("intrathecal-pump.yaml")).expect("read");
    assert_eq!(kept, "id: ours\n");
    assert!(!dir.path().join("sources").exists());
}

#[test]
fn copy_into_a_folder_that_cannot_be_written_says_why() {
    let home = tempfile::tempdir().expect("temp dir");
    // A folder inside a file cannot be made, even by root.
    write(&home.path().join("a-file"), b"not a folder\n");
    let target = home.path().join("a-file").join("clinic");
    for (lang, words) in [("en", "Cannot write "), ("es", "No se puede escribir ")] {
        let (code, said) = copy_into(&target, lang);
        assert_eq!(code, Some(1));
        assert_shows(&said, &[words, "a-file/clinic/"]);
    }
}

/// The question the nurse adds, after the patient's name: a yes-no question with a question
/// for the care team on the sheet, so it needs no source.
const ALLERGIES: &str = "      - id: allergies
        ask: Do you have any allergies?
        kind: yes-no
        sheet:
          - ask: Will my allergies matter on the day?
            if: \"yes\"
";

/// The clinic's checklist with `ALLERGIES` added after the patient's name and `version` as
/// given.
fn add_a_question(dir: &Path, version: &str) {
    let file = dir.join("intrathecal-pump.yaml");
    let text = std::fs::read_to_string(&file).expect("checklist");
    let name = "        role: patient-name\n";
    assert!(text.contains(name), "{text}");
    let built_in = text
        .lines()
        .find(|line| line.starts_with("version: "))
        .expect("a version line");
    let edited = text
        .replacen(name, &format!("{name}{ALLERGIES}"), 1)
        .replacen(built_in, &format!("version: {version}"), 1);
    write(&file, edited.as_bytes());
}

/// `prepcheck --checklists DIR ARGS` with answers in `home`.
fn in_clinic(home: &Path, dir: &Path, args: &[&str]) -> crate::common::Run {
    let output = prepcheck()
        .env("PREPCHECK_HOME", home)
        .arg("--checklists")
        .arg(dir)
        .args(args)
        .output()
        .expect("run");
    crate::common::Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        took: std::time::Duration::ZERO,
    }
}

/// The nurse's path of issue 24, end to end: copy the built-in checklist, add a question,
/// check it, a Spanish patient's walk through a pipe, the sheet, the FHIR export; then the
/// translation brought up to date. English shows on a Spanish screen only after the walk
/// said so on its first screen.
#[test]
fn the_nurses_path_from_copy_to_export() {
    let home = tempfile::tempdir().expect("temp dir");
    let dir = copied(home.path());
    add_a_question(&dir, "5");

    let check = in_clinic(home.path(), &dir, &["check"]);
    assert_eq!(check.code, Some(0), "{check:?}");
    assert_shows(
        &check.stdout,
        &[
            "ok: ",
            "clinic/intrathecal-pump.yaml: checklist 'intrathecal-pump', 27 items",
            "warning: missing text 'allergies.ask'",
            "warning: 2 of 126 Spanish texts need translating: run `prepcheck --checklists ",
            " --lang es translate intrathecal-pump --update ",
        ],
    );
    assert!(
        !check.stdout.contains("a version the built-in has had"),
        "{}",
        check.stdout
    );
    let list = in_clinic(home.path(), &dir, &["list"]);
    assert_eq!(list.code, Some(0), "{list:?}");
    assert_shows(
        &list.stdout,
        &["intrathecal-pump (es)", "clinic/intrathecal-pump.es.yaml"],
    );
    assert_shows(&list.stderr, &["2 of 126 Spanish texts need translating"]);

    // A Spanish trial patient, with no allergies.
    let mut typed: Vec<&str> = crate::spanish::TRIAL.to_vec();
    typed.insert(2, "no");
    let clinic = dir.display().to_string();
    let (code, screens, _) = walk_through_a_pipe(
        home.path(),
        &["--lang", "es", "--checklists", &clinic],
        &typed_lines(&typed),
    );
    assert_eq!(code, Some(0), "{screens}");
    let announced = "Por ahora, algunas preguntas están solo en inglés: la clínica aún no ha \
                     traducido 2 de 126 textos.";
    let english = "Do you have any allergies?";
    let (before, after) = screens.split_once(english).expect("the new question");
    // Said once, on the first screen, before any English.
    assert_eq!(screens.matches(announced).count(), 1, "{screens}");
    let welcome = before
        .find(announced)
        .expect("announced before the English");
    assert!(
        welcome < before.find("Pregunta 1 de").expect("the first question"),
        "{screens}"
    );
    // Only the clinic's new question is in English (on its screen and in the answers at the
    // end); the rest of every screen is Spanish.
    let rest = format!("{before}{after}").replace(english, "");
    crate::spanish::assert_no_english("the clinic's Spanish walk", &rest);

    let sheet = in_clinic(
        home.path(),
        &dir,
        &["--lang", "es", "sheet", "--format", "plain"],
    );
    assert_eq!(sheet.code, Some(0), "{sheet:?}");
    assert_shows(&sheet.stdout, &["Ana López", "Warfarina"]);
    crate::spanish::assert_no_english("the clinic's Spanish sheet", &sheet.stdout);
    assert!(!sheet.stdout.contains("allergies"), "{}", sheet.stdout);

    let export = in_clinic(home.path(), &dir, &["export", "questionnaire"]);
    assert_eq!(export.code, Some(0), "{export:?}");
    assert_shows(
        &export.stdout,
        &["\"version\": \"5\"", "\"linkId\": \"allergies\"", english],
    );
    let response = in_clinic(home.path(), &dir, &["export", "response"]);
    assert_eq!(response.code, Some(0), "{response:?}");
    assert_shows(
        &response.stdout,
        &["\"linkId\": \"allergies\"", "\"valueBoolean\": false"],
    );

    // The translation brought up to date: the 124 texts kept, the 2 new ones filled in.
    let old = dir.join("intrathecal-pump.es.yaml");
    let translate = in_clinic(
        home.path(),
        &dir,
        &[
            "--lang",
            "es",
            "translate",
            "intrathecal-pump",
            "--update",
            &old.display().to_string(),
        ],
    );
    assert_eq!(translate.code, Some(0), "{translate:?}");
    assert_eq!(
        translate.stdout.matches("text: \"\"").count(),
        2,
        "{}",
        translate.stdout
    );
    let filled = translate
        .stdout
        .replacen("text: \"\"", "text: \"¿Tiene alguna alergia?\"", 1)
        .replacen("text: \"\"", "text: \"¿Importan mis alergias ese día?\"", 1);
    write(&old, filled.as_bytes());
    let check = in_clinic(home.path(), &dir, &["check", "--strict"]);
    assert_eq!(check.code, Some(0), "{check:?}");
    assert!(
        !check.stdout.contains("need translating"),
        "{}",
        check.stdout
    );
}

/// `prepcheck --lang LANG check ARGS` on a clinic's folder.
fn check_in(lang: &str, args: &[&std::ffi::OsStr]) -> crate::common::Run {
    let mut all: Vec<&std::ffi::OsStr> = vec!["--lang".as_ref(), lang.as_ref(), "check".as_ref()];
    all.extend_from_slice(args);
    run(all)
}

/// The copy with `from` in its checklist replaced by `to`.
fn edited_copy(home: &Path, from: &str, to: &str) -> std::path::PathBuf {
    let dir = copied(home);
    let file = dir.join("intrathecal-pump.yaml");
    let text = std::fs::read_to_string(&file).expect("checklist");
    assert!(text.contains(from), "no {from:?}");
    write(&file, text.replacen(from, to, 1).as_bytes());
    dir
}

#[test]
fn an_unquoted_yes_says_to_write_it_in_quotes() {
    let home = tempfile::tempdir().expect("temp dir");
    let item = ALLERGIES.replace("if: \"yes\"", "if: yes");
    let name = "        role: patient-name\n";
    let dir = edited_copy(home.path(), name, &format!("{name}{item}"));
    for (lang, words) in [
        (
            "en",
            "write \"yes\" in quotes: without them YAML reads yes as true or false",
        ),
        (
            "es",
            "escriba \"yes\" entre comillas: sin ellas, YAML lee yes como verdadero o falso",
        ),
    ] {
        let check = check_in(lang, &[dir.as_os_str()]);
        assert_eq!(check.code, Some(1), "{check:?}");
        assert_shows(&check.stdout, &["intrathecal-pump.yaml:", words]);
        assert!(!check.stdout.contains("untagged"), "{}", check.stdout);
    }
    // `is: no` in a condition, in a list too.
    let other = tempfile::tempdir().expect("temp dir");
    let dir = edited_copy(
        other.path(),
        name,
        &format!(
            "{name}{ALLERGIES}      - id: which\n        ask: Which ones?\n        kind: text\n        when: {{item: allergies, is: [no]}}\n"
        ),
    );
    let check = check_in("en", &[dir.as_os_str()]);
    assert_shows(&check.stdout, &["write \"no\" in quotes"]);
    assert!(!check.stdout.contains("untagged"), "{}", check.stdout);
}

#[test]
fn a_missing_source_shows_the_form_to_write() {
    let home = tempfile::tempdir().expect("temp dir");
    let name = "        role: patient-name\n";
    let info =
        "      - id: bring-list\n        ask: Bring your list of allergies.\n        kind: info\n";
    let dir = edited_copy(home.path(), name, &format!("{name}{info}"));
    for (lang, words) in [
        (
            "en",
            "Write, under the item: source: {from: pump, quote: \"the words of the passage, as they are\"}",
        ),
        (
            "es",
            "Escriba, bajo el punto: source: {from: pump, quote: \"las palabras del pasaje, tal como están\"}",
        ),
    ] {
        let check = check_in(lang, &[dir.as_os_str()]);
        assert_eq!(check.code, Some(1), "{check:?}");
        assert_shows(&check.stdout, &["'bring-list'", "`source`", words]);
    }
}

#[test]
fn two_checklists_of_one_folder_with_one_id_are_an_error_naming_both() {
    let home = tempfile::tempdir().expect("temp dir");
    let dir = copied(home.path());
    let first = dir.join("intrathecal-pump.yaml");
    let second = dir.join("pump-copy.yaml");
    std::fs::copy(&first, &second).expect("copy");
    let both = format!(
        "{}: checklist id 'intrathecal-pump' is also the id of {}",
        second.display(),
        first.display()
    );
    for args in [
        vec![dir.as_os_str()],
        vec![first.as_os_str(), second.as_os_str()],
    ] {
        let check = check_in("en", &args);
        assert_eq!(check.code, Some(1), "{check:?}");
        assert_shows(&check.stdout, &[&both]);
    }
    let check = check_in("es", &[dir.as_os_str()]);
    assert_shows(&check.stdout, &["es también el id de"]);
    // The commands that use the folder say the same, and what to run.
    for command in [
        vec!["check"],
        vec!["sheet"],
        vec!["list"],
        vec!["export", "questionnaire"],
    ] {
        let used = in_clinic(home.path(), &dir, &command);
        assert_eq!(used.code, Some(1), "{command:?}: {used:?}");
        assert_shows(&format!("{}{}", used.stdout, used.stderr), &[&both]);
    }
}

#[test]
fn a_changed_checklist_that_keeps_its_version_is_a_warning_with_the_fhir_reason() {
    let home = tempfile::tempdir().expect("temp dir");
    let dir = copied(home.path());
    add_a_question(&dir, "4");
    for (lang, words) in [
        (
            "en",
            "warning: this checklist differs from the built-in 'intrathecal-pump' but has a version the built-in has had (4; it is at 4): raise `version` above 4. A FHIR Questionnaire is known by its url and version (https://prepcheck.example/fhir/Questionnaire/intrathecal-pump|4)",
        ),
        (
            "es",
            "esta lista de preguntas es distinta de la incluida 'intrathecal-pump', pero tiene una versión que la incluida ya ha tenido (4; la incluida va por la 4): suba `version` por encima de 4",
        ),
    ] {
        let check = check_in(lang, &[dir.as_os_str()]);
        assert_eq!(check.code, Some(0), "{check:?}");
        assert_shows(&check.stdout, &["intrathecal-pump.yaml: ", words]);
    }
    let known = in_clinic(home.path(), &dir, &["check"]);
    assert_shows(
        &known.stdout,
        &["has a version the built-in has had (4; it is at 4)"],
    );
    let strict = in_clinic(home.path(), &dir, &["check", "--strict"]);
    assert_eq!(strict.code, Some(1), "{strict:?}");
    // Raised, it is fine.
    let raised = copied(&home.path().join("raised"));
    add_a_question(&raised, "5");
    let check = check_in("en", &[raised.as_os_str()]);
    assert!(
        !check.stdout.contains("a version the built-in has had"),
        "{}",
        check.stdout
    );
}

/// The terminal screens say it too: the first screen of a Spanish walk on a clinic's
/// checklist with texts left in English announces them, before the first English question.
#[test]
fn the_terminal_walk_announces_texts_only_in_english() {
    use crate::pty::{CTRL_C, ENTER, Patient};
    let home = tempfile::tempdir().expect("temp dir");
    let dir = copied(home.path());
    add_a_question(&dir, "5");
    let clinic = dir.display().to_string();
    let mut p = Patient::start_with(
        home.path(),
        &[],
        (100, 40),
        &[
            ("NO_COLOR", "1"),
            ("PREPCHECK_LANG", "es"),
            ("PREPCHECK_CHECKLISTS", &clinic),
        ],
    );
    let welcome = p.shows("Cada respuesta se guarda en seguida").join("\n");
    assert_shows(
        &welcome,
        &["Por ahora, algunas preguntas están solo en inglés"],
    );
    p.press(ENTER);
    p.sees("¿Cómo se llama?").types("Ana");
    p.shows("Do you have any allergies?");
    p.press(CTRL_C);
    let (_, code) = p.finish();
    assert_eq!(code, 130);
}
