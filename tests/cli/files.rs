//! Answers files under stress: two walks at once, answers saved for an older checklist,
//! restarts, links, folders that cannot be used, and what a crash leaves behind.

use std::path::Path;

use crate::common::{assert_shows, walk_through_a_pipe, write};
use crate::prepcheck;
use crate::pty::{CTRL_C, Patient};

/// A walk in screen-reader mode fed these lines; returns the exit code and standard error.
fn walk_lines(home: &Path, args: &[&str], typed: &str) -> (Option<i32>, String) {
    let (code, said, _) = walk_through_a_pipe(home, args, typed);
    (code, said)
}

fn answers_file(home: &Path) -> std::path::PathBuf {
    home.join("answers/intrathecal-pump.yaml")
}

#[cfg(unix)]
fn mode_of(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .expect("metadata")
        .permissions()
        .mode()
        & 0o777
}

fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("folder")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_second_walk_on_the_same_answers_exits_1_at_once() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut first = Patient::start(home.path(), &[]);
    first.sees("Each answer is saved at once");
    let (code, said) = walk_lines(home.path(), &[], "\n");
    assert_eq!(code, Some(1), "{said}");
    assert!(said.contains("is open in another prepcheck"), "{said}");
    // Reading is still fine while the walk runs.
    prepcheck()
        .env("PREPCHECK_HOME", home.path())
        .args(["sheet", "--format", "plain"])
        .assert()
        .success();
    first.press(CTRL_C);
    assert_eq!(first.finish().1, 130);
    // Once the first walk is over, the file is free again.
    let (code, said) = walk_lines(home.path(), &[], "\n");
    assert_eq!(code, Some(129), "{said}");
}

/// Answers saved for version 1 of the checklist: what fits is kept, what does not is set
/// aside in the file (never dropped), the old file is backed up first, and the walk says
/// which questions to answer again.
#[test]
fn answers_saved_for_an_older_checklist_are_carried_over() {
    let home = tempfile::tempdir().expect("temp dir");
    let old = "checklist: intrathecal-pump\nversion: 1\nanswers:\n  step: implant\n  \
               trial-helped: maybe\n  day-info: seen\n  heart: \"yes\"\n";
    write(&answers_file(home.path()), old.as_bytes());
    let (code, said) = walk_lines(home.path(), &[], "1\n");
    assert_eq!(code, Some(129), "{said}");
    assert_shows(
        &said,
        &[
            "This checklist has changed since your answers were saved. 2 answers still fit.",
            "Please answer these again: \"Did the trial help your pain?\".",
            "1 answer belonged to questions that are gone.",
            "Your answers as they were are kept in ",
        ],
    );
    let folder = home.path().join("answers");
    let backups: Vec<String> = entries(&folder)
        .into_iter()
        .filter(|n| n.contains(".backup-"))
        .collect();
    assert_eq!(backups.len(), 1, "{backups:?}");
    let backup = folder.join(&backups[0]);
    assert_eq!(std::fs::read_to_string(&backup).expect("backup"), old);
    #[cfg(unix)]
    assert_eq!(mode_of(&backup), 0o600);
    // The next save wrote version 4, with the two that did not fit set aside.
    let (_, said) = walk_lines(home.path(), &[], "1\nAnn\n");
    let now = std::fs::read_to_string(answers_file(home.path())).expect("answers");
    assert!(now.contains("version: 4"), "{now}\n{said}");
    assert!(now.contains("patient-name: Ann"), "{now}");
    assert!(now.contains("set-aside:"), "{now}");
    assert!(now.contains("  day-info:\n    answer: seen\n"), "{now}");
    assert!(
        now.contains("  trial-helped:\n    answer: maybe\n"),
        "{now}"
    );
}

#[test]
fn restart_moves_only_a_regular_file_and_backups_never_overwrite() {
    let home = tempfile::tempdir().expect("temp dir");
    let file = answers_file(home.path());
    // Two restarts in the same second (the clock is fixed): two backups, both private.
    for round in 0..2 {
        write(
            &file,
            format!(
                "checklist: intrathecal-pump\nversion: 4\nanswers:\n  patient-name: Round {round}\n"
            )
            .as_bytes(),
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        }
        let output = prepcheck()
            .env("PREPCHECK_HOME", home.path())
            .env("PREPCHECK_NOW", "2026-11-25T10:00:00")
            .args(["walk", "--screen-reader", "--restart"])
            .write_stdin("")
            .output()
            .expect("run");
        let said = String::from_utf8_lossy(&output.stderr);
        assert!(said.contains("Your old answers are kept in"), "{said}");
    }
    let backups: Vec<String> = entries(&home.path().join("answers"))
        .into_iter()
        .filter(|n| n.contains(".backup-"))
        .collect();
    assert_eq!(
        backups,
        [
            "intrathecal-pump.backup-2026-11-25-100000-2.yaml",
            "intrathecal-pump.backup-2026-11-25-100000.yaml"
        ]
    );
    for backup in &backups {
        let path = home.path().join("answers").join(backup);
        #[cfg(unix)]
        assert_eq!(mode_of(&path), 0o600, "{backup}");
        assert!(
            std::fs::read_to_string(&path)
                .expect("backup")
                .contains("Round")
        );
    }

    // A folder where the answers file should be is left alone.
    let other = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(answers_file(other.path())).expect("folder");
    let (code, said) = walk_lines(other.path(), &["--restart"], "");
    assert_eq!(code, Some(1), "{said}");
    assert!(said.contains("is a folder, not a file"), "{said}");
    assert!(answers_file(other.path()).is_dir());
}

/// An answers file or an --output that is a symbolic link is written through to its
/// target: the link stays a link, the target gets the new text.
#[cfg(unix)]
#[test]
fn links_are_written_through_to_their_targets() {
    let home = tempfile::tempdir().expect("temp dir");
    let real = home.path().join("real");
    std::fs::create_dir_all(&real).expect("folder");
    std::fs::create_dir_all(home.path().join("answers")).expect("folder");
    let target = real.join("mine.yaml");
    let link = answers_file(home.path());
    std::os::unix::fs::symlink(&target, &link).expect("link");
    write(
        &target,
        b"checklist: intrathecal-pump\nversion: 4\nanswers: {}\n",
    );
    let (code, said) = walk_lines(home.path(), &[], "\nAnn\n");
    assert_eq!(code, Some(129), "{said}");
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(&target)
            .expect("target")
            .contains("patient-name: Ann")
    );
    assert_eq!(
        entries(&real),
        [".mine.yaml.lock", "mine.yaml"],
        "no temporary file left beside the target"
    );

    let sheet_target = real.join("sheet.txt");
    let sheet_link = home.path().join("sheet.txt");
    write(&sheet_target, b"old");
    std::os::unix::fs::symlink(&sheet_target, &sheet_link).expect("link");
    prepcheck()
        .env("PREPCHECK_HOME", home.path())
        .args(["sheet", "--output"])
        .arg(&sheet_link)
        .assert()
        .success();
    assert!(
        std::fs::symlink_metadata(&sheet_link)
            .expect("link")
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(&sheet_target)
            .expect("target")
            .starts_with("Getting ready")
    );
}

#[test]
fn a_data_folder_that_is_a_file_is_an_error_with_its_path() {
    let dir = tempfile::tempdir().expect("temp dir");
    let not_a_folder = dir.path().join("home");
    write(&not_a_folder, b"a file");
    let output = prepcheck()
        .env("PREPCHECK_HOME", &not_a_folder)
        .args(["sheet"])
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(1));
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains(&not_a_folder.display().to_string()), "{said}");
    assert!(said.contains("is a file, not a folder"), "{said}");
    assert!(output.stdout.is_empty());
    let (code, said) = walk_lines(&not_a_folder, &[], "");
    assert_eq!(code, Some(1), "{said}");
    assert!(!said.contains("Question"), "{said}");
}

#[cfg(unix)]
#[test]
fn a_folder_that_cannot_be_written_stops_the_walk_before_the_first_question() {
    use std::os::unix::fs::PermissionsExt;
    let home = tempfile::tempdir().expect("temp dir");
    let folder = home.path().join("answers");
    std::fs::create_dir_all(&folder).expect("folder");
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o500)).expect("chmod");
    // Root writes in any folder: a folder under /sys takes no new folder from anyone.
    let home = if std::fs::write(folder.join("probe"), b"x").is_ok() {
        let kernel = Path::new("/sys/fs/prepcheck-cannot-be-made");
        if !crate::common::can_run(
            std::fs::create_dir(kernel).is_err(),
            "a folder no one can write in",
        ) {
            return;
        }
        kernel.to_path_buf()
    } else {
        home.path().to_path_buf()
    };
    let (code, said) = walk_lines(&home, &[], "\n");
    assert_eq!(code, Some(1), "{said}");
    assert!(
        said.contains("answers cannot be saved in this folder"),
        "{said}"
    );
    assert!(
        !said.contains("Welcome") && !said.contains("Question"),
        "{said}"
    );
}

/// A temporary file a crash left beside the answers is removed at the next walk, and what
/// it held never reaches the answers.
#[test]
fn a_stale_temporary_file_is_removed_without_being_read() {
    let home = tempfile::tempdir().expect("temp dir");
    let folder = home.path().join("answers");
    write(
        &folder.join(".intrathecal-pump.yaml.tmp-Ab12Cd"),
        b"checklist: intrathecal-pump\nversion: 4\nanswers:\n  patient-name: Stale\n",
    );
    let (code, said) = walk_lines(home.path(), &[], "\nAnn\n");
    assert_eq!(code, Some(129), "{said}");
    assert_eq!(
        entries(&folder),
        [".intrathecal-pump.yaml.lock", "intrathecal-pump.yaml"]
    );
    let answers = std::fs::read_to_string(answers_file(home.path())).expect("answers");
    assert!(
        !answers.contains("Stale") && answers.contains("Ann"),
        "{answers}"
    );
}

/// An answers file that cannot be read is said in the patient's language, with the path and
/// what is wrong, and the file is left as it is.
#[test]
fn answers_that_cannot_be_read_are_said_in_the_patients_language() {
    let home = tempfile::tempdir().expect("temp dir");
    let folder = home.path().join("folder.yaml");
    std::fs::create_dir(&folder).expect("folder");
    let file = home.path().join("file.txt");
    std::fs::write(&file, "not a folder").expect("file");
    let through_a_file = file.join("answers.yaml");
    for (path, english, spanish) in [
        (
            &folder,
            "is a folder, not a file",
            "es una carpeta, no un archivo",
        ),
        (
            &through_a_file,
            "cannot read: a part of this path is a file, not a folder",
            "no se puede leer: una parte de esta ruta es un archivo, no una carpeta",
        ),
    ] {
        for (lang, said, not_changed) in [
            ("en", english, "The file was not changed."),
            ("es", spanish, "El archivo no cambió."),
        ] {
            let output = prepcheck()
                .env("PREPCHECK_HOME", home.path())
                .args(["sheet", "--lang", lang, "--answers"])
                .arg(path)
                .output()
                .expect("run");
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert_eq!(output.status.code(), Some(1), "{stderr}");
            assert_eq!(
                stderr,
                format!("{}: {said}\n{not_changed}\n", path.display()),
                "{lang}"
            );
        }
    }
    assert!(folder.is_dir());
}

/// Answers that no longer fit the checklist are named, with where they are and why, in the
/// patient's language; and answers for another checklist are refused in it.
#[test]
fn answers_set_aside_are_said_in_the_patients_language() {
    let home = tempfile::tempdir().expect("temp dir");
    let answers = home.path().join("answers.yaml");
    let fixture = std::fs::read_to_string(crate::common::root(
        "tests/fixtures/answers/blood-thinners.yaml",
    ))
    .expect("fixture");
    let edited = fixture.replace("  step: trial\n", "  step: third\n  ghost: yes\n");
    std::fs::write(&answers, edited).expect("answers");
    let shown = answers.display().to_string();
    for (lang, said) in [
        (
            "en",
            [
                "4:3: item 'step': there is no choice 'third' (the choices are: trial, implant)",
                "5:3: item 'ghost': there is no such question in version 4 of the checklist",
            ],
        ),
        (
            "es",
            [
                "4:3: pregunta 'step': no hay una opción 'third' (las opciones son: trial, implant)",
                "5:3: pregunta 'ghost': no hay esa pregunta en la versión 4 de la lista",
            ],
        ),
    ] {
        let output = prepcheck()
            .args(["sheet", "--format", "plain", "--lang", lang, "--answers"])
            .arg(&answers)
            .output()
            .expect("run");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{stderr}");
        for line in said {
            assert!(
                stderr.contains(&format!("{shown}:{line}\n")),
                "{lang}: {stderr}"
            );
        }
    }
    let other = fixture.replace("checklist: intrathecal-pump", "checklist: knee-injection");
    std::fs::write(&answers, other).expect("answers");
    let output = prepcheck()
        .args(["sheet", "--lang", "es", "--answers"])
        .arg(&answers)
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.starts_with(&format!(
            "{shown}:1:12: estas respuestas son de la lista 'knee-injection', no de \
             'intrathecal-pump'\n"
        )),
        "{stderr}"
    );
}

/// The blood-thinner patient's answers, as a file.
fn fixture_answers() -> Vec<u8> {
    std::fs::read(crate::common::root(
        "tests/fixtures/answers/blood-thinners.yaml",
    ))
    .expect("fixture")
}

/// `prepcheck ARGS` run in `dir`, as a person does who names files from where they are.
fn run_in(dir: &Path, args: &[&str]) -> std::process::Output {
    prepcheck()
        .current_dir(dir)
        .env("PREPCHECK_HOME", dir.join("home"))
        .args(args)
        .output()
        .expect("run")
}

/// `forget --answers mum.yaml` finds the file `walk` and `sheet` use, a bare name as well
/// as `./mum.yaml`, and the hint after it asks for a yes names that file again (the hint
/// without `--answers` would delete the default answers instead).
#[test]
fn forget_finds_a_bare_file_name_as_walk_and_sheet_do() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("mum.yaml");
    std::fs::write(&file, fixture_answers()).expect("answers");
    let asked = run_in(dir.path(), &["forget", "--answers", "mum.yaml"]);
    assert_eq!(asked.status.code(), Some(2));
    let said = String::from_utf8_lossy(&asked.stderr);
    assert!(
        said.contains("prepcheck forget --yes --answers mum.yaml"),
        "{said}"
    );
    assert!(file.exists());
    let output = run_in(dir.path(), &["forget", "--yes", "--answers", "mum.yaml"]);
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{said}");
    assert!(said.contains("Deleted mum.yaml"), "{said}");
    assert!(!file.exists(), "{said}");
}

/// Answers named through a link: `forget` deletes the answers themselves (the link's
/// target), and the link.
#[cfg(unix)]
#[test]
fn forget_deletes_the_answers_a_link_points_to() {
    let dir = tempfile::tempdir().expect("temp dir");
    let real = dir.path().join("kept/real.yaml");
    write(&real, &fixture_answers());
    let link = dir.path().join("mine.yaml");
    std::os::unix::fs::symlink(&real, &link).expect("link");
    let output = run_in(dir.path(), &["forget", "--yes", "--answers", "mine.yaml"]);
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{said}");
    assert!(!real.exists(), "the answers are still there: {said}");
    assert!(std::fs::symlink_metadata(&link).is_err(), "{said}");
    assert!(entries(&dir.path().join("kept")).is_empty(), "{said}");
}

/// No output is written over an answers file (the one read, through a link or not, or any
/// other), and no non-regular file is replaced: a pipe or a device stays what it was. A
/// folder that is not there is a mistake, not something to make without a word; and
/// `/dev/stdout` is standard output.
#[cfg(unix)]
#[test]
fn an_output_never_replaces_answers_or_a_device() {
    let dir = tempfile::tempdir().expect("temp dir");
    let answers = dir.path().join("answers.yaml");
    let fixture = fixture_answers();
    std::fs::write(&answers, &fixture).expect("answers");
    let backup = dir.path().join("old.yaml");
    std::fs::write(&backup, &fixture).expect("answers");
    std::os::unix::fs::symlink(&answers, dir.path().join("sheet.txt")).expect("link");
    for args in [
        &[
            "sheet",
            "--answers",
            "answers.yaml",
            "--format",
            "plain",
            "--output",
            "answers.yaml",
        ][..],
        &[
            "sheet",
            "--answers",
            "answers.yaml",
            "--output",
            "sheet.txt",
        ],
        &[
            "sheet",
            "--answers",
            "answers.yaml",
            "--format",
            "plain",
            "--output",
            "old.yaml",
        ],
        &[
            "export",
            "response",
            "--answers",
            "answers.yaml",
            "--output",
            "answers.yaml",
        ],
    ] {
        let output = run_in(dir.path(), args);
        let said = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{args:?}: {said}");
        assert!(said.contains("holds answers"), "{args:?}: {said}");
    }
    assert_eq!(std::fs::read(&answers).expect("answers"), fixture);
    assert_eq!(std::fs::read(&backup).expect("answers"), fixture);

    let fifo = dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo");
    assert!(made.success());
    std::os::unix::fs::symlink(&fifo, dir.path().join("to-pipe.txt")).expect("link");
    for name in ["pipe", "to-pipe.txt"] {
        let output = run_in(
            dir.path(),
            &["sheet", "--format", "plain", "--output", name],
        );
        let said = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{name}: {said}");
        assert!(said.contains("is not a regular file"), "{name}: {said}");
        use std::os::unix::fs::FileTypeExt;
        let kind = std::fs::metadata(&fifo).expect("pipe").file_type();
        assert!(kind.is_fifo(), "{name} replaced the pipe");
    }

    let output = run_in(dir.path(), &["sheet", "--output", "nosuchdir/deeper/s.txt"]);
    let said = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{said}");
    assert!(
        said.contains("nosuchdir/deeper: there is no such folder"),
        "{said}"
    );
    assert!(!dir.path().join("nosuchdir").exists());

    let output = run_in(
        dir.path(),
        &["sheet", "--output", "/dev/stdout", "--format", "plain"],
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(String::from_utf8_lossy(&output.stdout).starts_with("Getting ready"));
}

/// The answers file changed by someone else while a walk has it open (a nurse's editor, a
/// copy put back): before the next save the walk sees it, keeps that file as a backup and
/// says where.
#[test]
fn a_file_changed_during_a_walk_is_kept_as_a_backup() {
    let home = tempfile::tempdir().expect("temp dir");
    let file = answers_file(home.path());
    let mut walk = crate::common::OpenPipe::start(home.path(), &[]);
    walk.hears("Press Enter to go on.").write(b"\n");
    walk.hears("What is your name?").write(b"Ann\n");
    walk.hears("Which step");
    let theirs = std::fs::read_to_string(&file)
        .expect("saved")
        .replace("patient-name: Ann", "patient-name: Edited by hand");
    std::fs::write(&file, &theirs).expect("edit");
    walk.write(b"1\n").hears("Press Enter");
    let (_, said, _) = walk.finish();
    assert_shows(
        &said,
        &[
            "was changed by another program while this walk was open",
            "That version is kept in ",
        ],
    );
    let backups: Vec<String> = entries(&home.path().join("answers"))
        .into_iter()
        .filter(|n| n.contains(".backup-"))
        .collect();
    assert_eq!(backups.len(), 1, "{backups:?}\n{said}");
    let kept =
        std::fs::read_to_string(home.path().join("answers").join(&backups[0])).expect("backup");
    assert_eq!(kept, theirs);
    let now = std::fs::read_to_string(&file).expect("answers");
    assert!(
        now.contains("patient-name: Ann") && now.contains("step: trial"),
        "{now}"
    );
}

/// `--answers newdir/` names a folder: refused before the first question, without
/// suggesting `--restart` (which could not help).
#[test]
fn a_folder_name_as_answers_is_refused_before_the_first_question() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("there")).expect("folder");
    for name in ["newdir/", "there"] {
        let output = prepcheck()
            .current_dir(dir.path())
            .args(["walk", "--screen-reader", "--answers", name])
            .write_stdin("\nAnn\n")
            .output()
            .expect("run");
        let said = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{name}: {said}");
        assert!(said.contains("folder"), "{name}: {said}");
        assert!(!said.contains("--restart"), "{name}: {said}");
        assert!(!said.contains("What is your name?"), "{name}: {said}");
    }
    assert!(!dir.path().join("newdir").exists());
}

/// `walk --restart` on answers named through a link backs up the file the link points to,
/// beside it; the link stays, and the new answers go through it.
#[cfg(unix)]
#[test]
fn restart_backs_up_the_answers_a_link_points_to() {
    let home = tempfile::tempdir().expect("temp dir");
    let real = home.path().join("real/mine.yaml");
    write(&real, &fixture_answers());
    let link = answers_file(home.path());
    std::fs::create_dir_all(link.parent().expect("folder")).expect("folder");
    std::os::unix::fs::symlink(&real, &link).expect("link");
    let (code, said) = walk_lines(home.path(), &["--restart"], "\nZoe\n");
    assert_eq!(code, Some(129), "{said}");
    assert!(said.contains("Your old answers are kept in"), "{said}");
    let backups: Vec<String> = entries(&home.path().join("real"))
        .into_iter()
        .filter(|n| n.starts_with("mine.backup-"))
        .collect();
    assert_eq!(backups.len(), 1, "{said}");
    assert_eq!(
        std::fs::read(home.path().join("real").join(&backups[0])).expect("backup"),
        fixture_answers()
    );
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink()
    );
    let now = std::fs::read_to_string(&real).expect("answers");
    assert!(
        now.contains("patient-name: Zoe") && !now.contains("clopidogrel"),
        "{now}"
    );
}

/// One walk on a clinic's own checklist (with the built-in one's id, but other questions)
/// sets every answer aside; back on the built-in checklist, they all come back: the sheet
/// names the patient's procedure date and medicines again, and the walk says they are back.
#[test]
fn answers_set_aside_by_another_checklist_come_back() {
    let home = tempfile::tempdir().expect("temp dir");
    let file = answers_file(home.path());
    write(&file, &fixture_answers());
    let clinic = crate::common::root("tests/fixtures/override");
    let output = prepcheck()
        .env("PREPCHECK_HOME", home.path())
        .arg("--checklists")
        .arg(&clinic)
        .args(["walk", "--screen-reader"])
        .write_stdin("\nyes\n")
        .output()
        .expect("run");
    let said = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{said}");
    let aside = std::fs::read_to_string(&file).expect("answers");
    assert!(
        aside.contains("card: \"yes\"") && aside.contains("set-aside:"),
        "{aside}"
    );
    assert!(!aside.contains("\n  procedure-date: "), "{aside}");

    let sheet = prepcheck()
        .env("PREPCHECK_HOME", home.path())
        .args(["sheet", "--format", "plain"])
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&sheet.stdout);
    assert!(
        sheet.status.success(),
        "{}",
        String::from_utf8_lossy(&sheet.stderr)
    );
    assert_shows(
        &text,
        &["December 10, 2026", "Plavix", "Valley Pain Clinic"],
    );
    let (code, said) = walk_lines(home.path(), &[], "");
    assert_eq!(code, Some(129), "{said}");
    assert!(said.contains("fit again, and are back"), "{said}");
}

/// `prepcheck answers` names what was set aside and why in the patient's language (the
/// reason is the checklist's, not English words kept in the file).
#[test]
fn answers_set_aside_are_listed_in_the_patients_language() {
    let home = tempfile::tempdir().expect("temp dir");
    let file = answers_file(home.path());
    let fixture = String::from_utf8(fixture_answers()).expect("text");
    let edited = format!(
        "{fixture}set-aside:\n  ghost:\n    answer: maybe\n    why: there is no such question\n"
    )
    .replace("  step: trial\n", "  step: third\n");
    write(&file, edited.as_bytes());
    let output = prepcheck()
        .env("PREPCHECK_HOME", home.path())
        .args(["answers", "--lang", "es"])
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_shows(
        &text,
        &[
            "Apartadas",
            "  ghost: no hay esa pregunta en la versión",
            "  step: no hay una opción 'third' (las opciones son: trial, implant)",
        ],
    );
    assert!(!text.contains("there is no"), "{text}");
}
