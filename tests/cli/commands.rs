//! The commands people expect besides the walk and the sheet: `answers`, `forget`,
//! completions and the manual page, `sheet --open`, help with examples, and the mistakes
//! that must not look like success.

use std::path::Path;

use crate::approved;
use crate::common::{root, write};
use crate::prepcheck;

/// A data folder holding the blood-thinner patient's answers, a backup and a lock file.
fn home_with_answers() -> tempfile::TempDir {
    let home = tempfile::tempdir().expect("temp dir");
    let fixture =
        std::fs::read(root("tests/fixtures/answers/blood-thinners.yaml")).expect("fixture");
    write(&home.path().join("answers/intrathecal-pump.yaml"), &fixture);
    write(
        &home
            .path()
            .join("answers/intrathecal-pump.backup-2026-11-20-101010.yaml"),
        &fixture,
    );
    home
}

fn stdout_of(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr_of(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn answers_shows_each_question_and_answer_and_where_they_are() {
    let home = home_with_answers();
    let output = prepcheck()
        .env("PREPCHECK_HOME", home.path())
        .arg("answers")
        .output()
        .expect("run");
    assert!(output.status.success(), "{}", stderr_of(&output));
    let text = stdout_of(&output);
    let statement = approved::statement_start("en");
    for shown in [
        "saved in ",
        "answers/intrathecal-pump.yaml",
        &statement,
        "Your medicines\n",
        "  Do you take any of these blood thinners?  Plavix (clopidogrel), Eliquis (apixaban), \
         Warfarin (Coumadin, Jantoven) and Brilique",
        "  Do you have a heart problem?  yes",
        "  What is their phone number?  not known yet",
    ] {
        assert!(text.contains(shown), "no {shown:?} in:\n{text}");
    }
    // Notes the patient read are not questions: they are not listed.
    assert!(!text.contains("what to expect"), "{text}");

    let raw = prepcheck()
        .env("PREPCHECK_HOME", home.path())
        .args(["answers", "--format", "yaml"])
        .output()
        .expect("run");
    assert_eq!(
        stdout_of(&raw),
        std::fs::read_to_string(root("tests/fixtures/answers/blood-thinners.yaml"))
            .expect("fixture")
    );
}

#[test]
fn answers_for_a_file_that_is_not_there_is_an_error() {
    let output = prepcheck()
        .args(["answers", "--answers", "/no/such/file.yaml"])
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr_of(&output).contains("/no/such/file.yaml: no such file"));
}

#[test]
fn forget_deletes_the_answers_and_their_backups_and_says_so() {
    let home = home_with_answers();
    let output = prepcheck()
        .env("PREPCHECK_HOME", home.path())
        .args(["forget", "--yes"])
        .output()
        .expect("run");
    assert!(output.status.success(), "{}", stderr_of(&output));
    let said = stderr_of(&output);
    assert!(
        said.contains("Deleted ") && said.contains("intrathecal-pump.yaml"),
        "{said}"
    );
    assert!(
        said.contains("intrathecal-pump.backup-2026-11-20-101010.yaml"),
        "{said}"
    );
    let left: Vec<_> = std::fs::read_dir(home.path().join("answers"))
        .expect("folder")
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert!(left.is_empty(), "{left:?}");

    // Again: nothing to delete is not an error.
    let again = prepcheck()
        .env("PREPCHECK_HOME", home.path())
        .args(["forget", "--yes"])
        .output()
        .expect("run");
    assert!(again.status.success());
    assert!(stderr_of(&again).contains("Nothing to delete"));
}

#[test]
fn forget_without_a_terminal_asks_for_yes_and_deletes_nothing() {
    let home = home_with_answers();
    let output = prepcheck()
        .env("PREPCHECK_HOME", home.path())
        .arg("forget")
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(2));
    let said = stderr_of(&output);
    assert!(said.contains("prepcheck forget --yes"), "{said}");
    assert!(
        said.contains("intrathecal-pump.backup-2026-11-20-101010.yaml"),
        "{said}"
    );
    assert!(home.path().join("answers/intrathecal-pump.yaml").exists());
}

#[test]
fn completions_and_the_manual_page_come_from_the_same_commands() {
    for (shell, mark) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef prepcheck"),
        ("fish", "complete -c prepcheck"),
    ] {
        let output = prepcheck()
            .args(["completions", shell])
            .output()
            .expect("run");
        assert!(output.status.success());
        let text = stdout_of(&output);
        assert!(text.contains(mark), "{shell}: {text}");
        for command in ["walk", "sheet", "answers", "forget"] {
            assert!(text.contains(command), "{shell} lacks {command}");
        }
    }
    let man = prepcheck().arg("man").output().expect("run");
    assert!(man.status.success());
    let page = stdout_of(&man);
    assert!(
        page.starts_with(".ie") || page.contains(".TH prepcheck"),
        "{page}"
    );
    assert!(
        page.contains("prepcheck\\-walk") || page.contains("walk"),
        "{page}"
    );
}

#[test]
fn every_command_help_ends_with_examples() {
    for command in [
        "walk",
        "sheet",
        "answers",
        "forget",
        "check",
        "list",
        "translate",
        "export",
        "export questionnaire",
        "export response",
        "completions",
        "man",
    ] {
        let output = prepcheck()
            .args(command.split(' '))
            .arg("--help")
            .output()
            .expect("run");
        assert!(output.status.success());
        let help = stdout_of(&output);
        let tail = help
            .trim_end()
            .rsplit("Examples:")
            .next()
            .unwrap_or_default();
        assert!(
            help.contains("Examples:\n  prepcheck ") && !tail.contains("Options:"),
            "{command}: {help}"
        );
    }
}

/// `prepcheck sheet --open` with the answers in `home` and BROWSER naming a script that
/// writes down what it was given; returns what it was given.
fn open_in_a_recording_browser(home: &Path) -> String {
    let seen = home.join("browser-was-given.txt");
    let browser = home.join("browser.sh");
    write(
        &browser,
        format!("#!/bin/sh\nprintf '%s' \"$1\" > '{}'\n", seen.display()).as_bytes(),
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&browser, std::fs::Permissions::from_mode(0o700)).expect("chmod");
    }
    let output = prepcheck()
        .env("PREPCHECK_HOME", home)
        .env("BROWSER", &browser)
        .args(["sheet", "--open"])
        .output()
        .expect("run");
    assert!(output.status.success(), "{}", stderr_of(&output));
    // The browser starts in the background: wait for it to write down its argument (the
    // file is there, empty, a moment before it is written).
    let started = std::time::Instant::now();
    loop {
        let given = std::fs::read_to_string(&seen).unwrap_or_default();
        if !given.is_empty() || started.elapsed() > std::time::Duration::from_secs(10) {
            return given;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

/// `sheet --open` writes the HTML page beside the answers, private, and hands it to the
/// browser the BROWSER variable names (here a script that writes down what it was given).
#[test]
fn sheet_open_hands_a_private_page_to_the_browser() {
    let home = home_with_answers();
    let given = open_in_a_recording_browser(home.path());
    let page = home.path().join("answers/intrathecal-pump.sheet.html");
    let html = std::fs::read_to_string(&page).expect("the page");
    assert!(html.starts_with("<!DOCTYPE html>"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&page).expect("page").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    assert!(
        given.starts_with("file://") && given.ends_with("intrathecal-pump.sheet.html"),
        "{given}"
    );
}

/// A folder whose name holds `#` (a URL's fragment), `%` (an escape) or a space still names
/// the right file: the browser is given the path percent-encoded.
#[test]
fn sheet_open_names_the_page_right_in_a_folder_called_100_percent_number_1() {
    let parent = home_with_answers();
    let home = parent.path().join("Ann #1 100% folder");
    std::fs::create_dir(&home).expect("the folder");
    std::fs::rename(parent.path().join("answers"), home.join("answers")).expect("move");
    let given = open_in_a_recording_browser(&home);
    assert!(
        !given.contains('#') && given.contains("%231%20100%25"),
        "{given}"
    );
    let path = percent_decoded(given.strip_prefix("file://").expect("a file URL"));
    assert_eq!(
        Path::new(&path),
        home.join("answers/intrathecal-pump.sheet.html")
    );
    assert!(Path::new(&path).is_file());
}

/// A URL path with its `%XX` escapes read back.
fn percent_decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let hex = text
            .get(at + 1..at + 3)
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[at], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                at += 3;
            }
            (byte, _) => {
                out.push(byte);
                at += 1;
            }
        }
    }
    String::from_utf8(out).expect("UTF-8")
}

#[test]
fn a_mistyped_answers_path_is_an_error_not_a_blank_sheet() {
    let output = prepcheck()
        .args(["sheet", "--answers", "/no/such/file.yaml"])
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout_of(&output).is_empty());
    assert!(stderr_of(&output).contains("/no/such/file.yaml: no such file"));
}

#[test]
fn an_output_file_whose_name_says_no_format_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let answers = "tests/fixtures/answers/no-medicines.yaml";
    for (name, format, says) in [
        ("sheet.pdf", None, "does not write PDF"),
        ("sheet.docx", None, "name it .txt, .md, .html or .ics"),
        (
            "sheet.html",
            Some("plain"),
            "--format plain does not fit a file ending in .html",
        ),
    ] {
        let out = dir.path().join(name);
        let mut command = prepcheck();
        command
            .args(["sheet", "--answers", answers, "--output"])
            .arg(&out);
        if let Some(format) = format {
            command.args(["--format", format]);
        }
        let output = command.output().expect("run");
        assert_eq!(output.status.code(), Some(2), "{name}");
        assert!(
            stderr_of(&output).contains(says),
            "{name}: {}",
            stderr_of(&output)
        );
        assert!(!out.exists(), "{name} was written");
    }
    // With --format, a name the format does not know is the patient's choice.
    let out = dir.path().join("sheet.out");
    prepcheck()
        .args([
            "sheet",
            "--answers",
            answers,
            "--format",
            "plain",
            "--output",
        ])
        .arg(&out)
        .assert()
        .success();
    assert!(
        std::fs::read_to_string(&out)
            .expect("written")
            .starts_with("Getting ready")
    );
}

/// The outside world is read in one place: below `commands`, no module reads the
/// environment or the clock.
#[test]
fn only_the_settings_read_the_environment_and_the_clock() {
    let reads = [
        "std::env::",
        "env::var",
        "env::args",
        "::now()",
        "SystemTime",
        "TimeZone::system",
        "Term::stdout().size",
        "is_terminal()",
    ];
    let mut found = Vec::new();
    visit(&root("src"), &mut |path, text| {
        let name = path.to_string_lossy();
        // Tests may time themselves and read their settings; the code they test may not
        // read the clock. (The fuzzing suite is in tests/fuzz/, outside src/.)
        if name.ends_with("src/settings.rs")
            || name.ends_with("src/main.rs")
            || name.ends_with("tests.rs")
        {
            return;
        }
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for (n, line) in code.lines().enumerate() {
            if reads.iter().any(|r| line.contains(r)) {
                found.push(format!("{}:{}: {}", name, n + 1, line.trim()));
            }
        }
    });
    assert!(
        found.is_empty(),
        "read outside settings.rs:\n{}",
        found.join("\n")
    );
}

fn visit(dir: &Path, each: &mut dyn FnMut(&Path, &str)) {
    for entry in std::fs::read_dir(dir).expect("src").flatten() {
        let path = entry.path();
        if path.is_dir() {
            visit(&path, each);
        } else if path.extension().is_some_and(|e| e == "rs") {
            each(&path, &std::fs::read_to_string(&path).expect("source"));
        }
    }
}

/// `translate --update` with an old file that has a YAML mistake fails with the mistake and
/// its line, instead of printing every text blank (which would lose every translation).
#[test]
fn translate_update_with_a_broken_file_fails_with_its_mistake() {
    let dir = tempfile::tempdir().expect("temp dir");
    let built_in =
        std::fs::read_to_string(root("checklists/intrathecal-pump.es.yaml")).expect("translation");
    let broken = built_in.replacen("texts:\n", "texts:\n  oops: [\n", 1);
    let old = dir.path().join("old.es.yaml");
    std::fs::write(&old, broken).expect("old");
    let output = prepcheck()
        .args(["translate", "intrathecal-pump", "--lang", "es", "--update"])
        .arg(&old)
        .output()
        .expect("run");
    let said = stderr_of(&output);
    assert_eq!(output.status.code(), Some(1), "{said}");
    assert!(said.contains(&format!("{}:", old.display())), "{said}");
    assert!(output.stdout.is_empty(), "printed a template all the same");
    // The file as it was keeps every text.
    let kept = prepcheck()
        .args(["translate", "intrathecal-pump", "--lang", "es", "--update"])
        .arg(root("checklists/intrathecal-pump.es.yaml"))
        .output()
        .expect("run");
    assert!(kept.status.success(), "{}", stderr_of(&kept));
    assert!(
        !stdout_of(&kept).contains("text: \"\""),
        "a text came out blank"
    );
}

/// A standard output that cannot take the output (a full disk, or closed before prepcheck
/// started) is a failure, said on standard error, never a silent success; a pipe closed by
/// its reader (`| head`) is not.
#[cfg(unix)]
#[test]
fn an_output_that_cannot_be_written_fails() {
    let home = home_with_answers();
    for command in [
        "list",
        "check",
        "sheet --format plain",
        "answers",
        "export questionnaire",
    ] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full");
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_prepcheck"))
            .env("PREPCHECK_HOME", home.path())
            .env("PREPCHECK_TODAY", "2026-11-25")
            .env("TZ", "America/Chicago")
            .env_remove("PREPCHECK_CHECKLISTS")
            .args(command.split(' '))
            .stdout(full)
            .output()
            .expect("run");
        let said = stderr_of(&output);
        assert_eq!(
            output.status.code(),
            Some(1),
            "{command} > /dev/full: {said}"
        );
        assert!(
            said.contains("Cannot write to standard output: the disk is full"),
            "{command}: {said}"
        );
        let closed = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("exec \"$0\" {command} >&-"))
            .arg(env!("CARGO_BIN_EXE_prepcheck"))
            .env("PREPCHECK_HOME", home.path())
            .env("PREPCHECK_TODAY", "2026-11-25")
            .env("TZ", "America/Chicago")
            .output()
            .expect("run");
        let said = stderr_of(&closed);
        assert_eq!(closed.status.code(), Some(1), "{command} >&-: {said}");
        assert!(
            said.contains("Standard output is closed"),
            "{command}: {said}"
        );
    }
    // Redirected to /dev/null on purpose: written, and fine.
    let output = std::process::Command::new("sh")
        .arg("-c")
        .arg("exec \"$0\" list > /dev/null")
        .arg(env!("CARGO_BIN_EXE_prepcheck"))
        .output()
        .expect("run");
    assert!(output.status.success(), "{}", stderr_of(&output));
}

/// A clock or a time zone that makes no sense is said with what would work, in the
/// patient's language: a date past the last one a sheet can count from, and a `TZ` that
/// names no time zone (never UTC in silence).
#[test]
fn settings_that_make_no_sense_are_said() {
    for (var, value, lang, said) in [
        (
            "PREPCHECK_TODAY",
            "9999-12-31",
            "en",
            "PREPCHECK_TODAY must be a date from 1000-01-01 to 9998-12-31, like 2026-12-01, not '9999-12-31'",
        ),
        (
            "PREPCHECK_TODAY",
            "0000-01-01",
            "es",
            "PREPCHECK_TODAY debe ser una fecha de 1000-01-01 a 9998-12-31",
        ),
        (
            "PREPCHECK_NOW",
            "9999-12-31T23:00",
            "en",
            "on a day from 1000-01-01 to 9998-12-31",
        ),
        (
            "TZ",
            "garbage",
            "en",
            "TZ=garbage is not a time zone prepcheck knows",
        ),
        ("TZ", "garbage", "es", "TZ=garbage no es una zona horaria"),
    ] {
        let output = prepcheck()
            .env(var, value)
            .args(["sheet", "--format", "plain", "--lang", lang])
            .output()
            .expect("run");
        let stderr = stderr_of(&output);
        assert_eq!(output.status.code(), Some(2), "{var}={value}: {stderr}");
        assert!(stderr.contains(said), "{var}={value}: {stderr}");
        assert!(output.stdout.is_empty());
    }
    // A real zone, and a POSIX rule, are still fine.
    for zone in ["Europe/Madrid", "EST5EDT,M3.2.0,M11.1.0"] {
        let output = prepcheck()
            .env("TZ", zone)
            .args(["sheet", "--format", "ics"])
            .output()
            .expect("run");
        assert!(output.status.success(), "{zone}: {}", stderr_of(&output));
    }
}

/// The zone `TZ` names is read from its one file (not found by listing zoneinfo), whichever
/// way it is written: by name, after a colon, as a path, or in another case (left to jiff).
/// Each gives the same calendar, its events in the zone by name.
#[test]
fn a_zone_named_any_way_gives_the_same_calendar() {
    let calendar = |zone: &str| {
        let output = prepcheck()
            .env("TZ", zone)
            .args(["sheet", "--format", "ics", "--answers"])
            .arg(root("tests/fixtures/answers/blood-thinners.yaml"))
            .output()
            .expect("run");
        assert!(output.status.success(), "{zone}: {}", stderr_of(&output));
        String::from_utf8(output.stdout).expect("UTF-8")
    };
    let by_name = calendar("America/Chicago");
    assert!(by_name.contains("TZID=America/Chicago"), "{by_name}");
    for zone in [
        ":America/Chicago",
        "/usr/share/zoneinfo/America/Chicago",
        "america/chicago",
    ] {
        assert_eq!(calendar(zone), by_name, "{zone}");
    }
}

/// Stopped before any answer: nothing was saved, and the walk says so rather than naming a
/// file that is not there.
#[test]
fn a_walk_stopped_before_any_answer_says_nothing_was_saved() {
    let home = tempfile::tempdir().expect("temp dir");
    for (lang, said, not) in [
        (
            "en",
            "Nothing was answered, so nothing was saved.",
            "saved in",
        ),
        (
            "es",
            "No respondió nada, así que no se guardó nada.",
            "guardadas en",
        ),
    ] {
        let (code, stderr, _) =
            crate::common::walk_through_a_pipe(home.path(), &["--lang", lang], "");
        assert_eq!(code, Some(129), "{stderr}");
        assert!(stderr.contains(said), "{stderr}");
        assert!(!stderr.contains(not), "{stderr}");
    }
    assert!(!home.path().join("answers/intrathecal-pump.yaml").exists());
}

/// Every message of a Spanish run is Spanish: the lock that cannot be taken and the
/// system's reason for it, a checklist that is not there, answers YAML that is broken.
#[test]
fn the_messages_of_a_spanish_run_are_spanish() {
    let home = home_with_answers();
    let lock = home.path().join("answers/.intrathecal-pump.yaml.lock");
    std::fs::create_dir_all(&lock).expect("a folder where the lock goes");
    let (code, said, _) = crate::common::walk_through_a_pipe(home.path(), &["--lang", "es"], "");
    assert_eq!(code, Some(1), "{said}");
    assert!(
        said.contains("no se puede bloquear: es una carpeta, no un archivo"),
        "{said}"
    );
    std::fs::remove_dir(&lock).expect("remove");

    let output = prepcheck()
        .args(["sheet", "no-such", "--lang", "es"])
        .output()
        .expect("run");
    assert!(
        stderr_of(&output).contains("No hay ninguna lista de preguntas 'no-such'"),
        "{}",
        stderr_of(&output)
    );

    let broken = home.path().join("broken.yaml");
    std::fs::write(
        &broken,
        "checklist: intrathecal-pump\nversion: 2\nanswers:\n  step: trial\n  step: implant\n",
    )
    .expect("write");
    let output = prepcheck()
        .args(["sheet", "--lang", "es", "--answers"])
        .arg(&broken)
        .output()
        .expect("run");
    let said = stderr_of(&output);
    assert_eq!(output.status.code(), Some(1), "{said}");
    assert!(said.contains(":5:3: 'step' está aquí dos veces"), "{said}");
    assert!(!said.contains("DuplicateKeyPolicy"), "{said}");
}

/// A clinic's medicine list of 50,000 names (under 1 MiB) is refused at once with the limit
/// it passed (20,000 values), instead of read in full by every command: reading it took
/// the sheet 0.13 s, `check` 0.2 s.
#[test]
fn a_medicine_list_of_thousands_of_names_is_refused_with_its_limit() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut list =
        std::fs::read_to_string(root("checklists/medicines/bleeding.yaml")).expect("built-in list");
    for n in 0..5000 {
        let brands: Vec<String> = (0..9).map(|k| format!("B{n}n{k}")).collect();
        list.push_str(&format!(
            "  - id: x{n}\n    generic: gen{n}\n    brands: [{}]\n    group: antiplatelet\n    source: A list.\n",
            brands.join(", ")
        ));
    }
    assert!(list.len() < 1 << 20, "{}", list.len());
    write(&dir.path().join("medicines/bleeding.yaml"), list.as_bytes());
    for command in [&["sheet", "--format", "plain"][..], &["check"]] {
        let output = prepcheck()
            .arg("--checklists")
            .arg(dir.path())
            .args(command)
            .output()
            .expect("run");
        let said = format!("{}{}", stdout_of(&output), stderr_of(&output));
        assert_eq!(output.status.code(), Some(1), "{command:?}: {said}");
        assert!(
            said.contains("medicines/bleeding.yaml:")
                && said.contains("too many values: a file may hold at most 20000"),
            "{command:?}: {said}"
        );
    }
}
