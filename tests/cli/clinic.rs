//! A clinic's own checklist, as a nurse makes it (issue 24): `copy` a built-in one, edit it,
//! keep its translation, and the messages that say what to write.

use std::path::Path;

use crate::common::{assert_shows, folder, run, write};
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
