//! `prepcheck diary`: logging a pain score in seconds, listing, correcting and deleting
//! entries, the trial's dates, the figures shown; the diary beside the answers, shown by
//! `answers` and deleted by `forget`. The diary of a two-week trial with a week of baseline
//! (`two_week_trial`) is the one the issue names.

use std::path::Path;
use std::time::Duration;

use crate::common::{Run, run_within};

/// `prepcheck ARGS` with answers under `home`, the clock at `now` (Chicago time).
pub fn diary_run(home: &Path, now: &str, args: &[&str]) -> Run {
    run_within(Duration::from_secs(30), args, |c| {
        c.env("PREPCHECK_HOME", home).env("PREPCHECK_NOW", now);
    })
}

pub fn diary_file(home: &Path) -> std::path::PathBuf {
    home.join("answers/intrathecal-pump.diary.yaml")
}

/// The diary of a two-week trial (Monday, December 14 to Sunday, December 27, 2026) with a
/// week of baseline: 7, 8, 7 a day before; 4, 7, 4 on the first day; 3, 3, 4 after; at 8 AM,
/// 2 PM and 8 PM, Chicago time, the morning's with a note.
pub fn two_week_trial(home: &Path) {
    let mut yaml =
        String::from("diary: 1\ntrial:\n  start: 2026-12-14\n  end: 2026-12-27\nentries:\n");
    for day in 7..=27 {
        let scores = match day {
            ..14 => [7, 8, 7],
            14 => [4, 7, 4],
            _ => [3, 3, 4],
        };
        for (hour, score) in [8, 14, 20].into_iter().zip(scores) {
            yaml.push_str(&format!(
                "- at: 2026-12-{day:02}T{hour:02}:00:00-06:00\n  score: {score}\n"
            ));
            if hour == 8 {
                yaml.push_str("  note: walked to the mailbox\n");
            }
        }
    }
    crate::common::write(&diary_file(home), yaml.as_bytes());
}

const STATEMENT: &str = "Only your doctor can change your medicines.";

#[test]
fn a_score_is_saved_with_its_time_offset_and_note_privately() {
    let home = tempfile::tempdir().expect("home");
    let run = diary_run(
        home.path(),
        "2026-12-14T08:00",
        &["diary", "6", "walked to the mailbox"],
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        run.stdout.starts_with(
            "Saved: Monday, December 14, 8:00 AM: 6 out of 10 (walked to the mailbox)."
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("When did your trial start?"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains(STATEMENT));
    let path = diary_file(home.path());
    let file = std::fs::read_to_string(&path).expect("diary");
    assert!(
        file.contains(
            "at: \"2026-12-14T08:00:00-06:00\"\n  score: 6\n  note: walked to the mailbox"
        ),
        "{file}"
    );
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&path)
        .expect("diary")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
}

#[test]
fn scores_outside_zero_to_ten_and_long_notes_are_refused_and_nothing_saved() {
    let home = tempfile::tempdir().expect("home");
    let long = "x".repeat(201);
    for args in [
        &["diary", "11"][..],
        &["diary", "--", "-1"],
        &["diary", "6.5"],
        &["diary", "six"],
        &["diary", ""],
        &["diary", "6", &long],
    ] {
        let run = diary_run(home.path(), "2026-12-14T08:00", args);
        assert_eq!(run.code, Some(2), "{args:?}: {}", run.stderr);
        assert!(!run.stderr.is_empty());
    }
    assert!(!diary_file(home.path()).exists());
    let run = diary_run(home.path(), "2026-12-14T08:00", &["diary", "six"]);
    assert!(
        run.stderr.contains("\"six\" is not a pain score"),
        "{}",
        run.stderr
    );
}

#[test]
fn entries_are_listed_corrected_and_deleted_by_number() {
    let home = tempfile::tempdir().expect("home");
    let h = home.path();
    diary_run(h, "2026-12-14T08:00", &["diary", "6"]);
    // Typed later for an earlier time: it goes first.
    diary_run(h, "2026-12-07T20:00", &["diary", "8", "bad night"]);
    let list = diary_run(h, "2026-12-14T09:00", &["diary", "list"]);
    assert_eq!(
        list.lines()[..2],
        [
            "  1. Monday, December 7, 8:00 PM: 8 out of 10 (bad night)",
            "  2. Monday, December 14, 8:00 AM: 6 out of 10",
        ]
    );
    assert!(list.stdout.contains(STATEMENT));
    let edit = diary_run(
        h,
        "2026-12-14T09:00",
        &["diary", "edit", "2", "5", "after a nap"],
    );
    assert!(
        edit.stdout.starts_with(
            "Entry 2 is now: Monday, December 14, 8:00 AM: 5 out of 10 (after a nap).\n"
        ),
        "{}",
        edit.stdout
    );
    assert!(edit.stdout.contains(STATEMENT));
    let delete = diary_run(h, "2026-12-14T09:00", &["diary", "delete", "1"]);
    assert_eq!(delete.code, Some(0), "{}", delete.stderr);
    for missing in [["diary", "delete", "2"], ["diary", "delete", "0"]] {
        let run = diary_run(h, "2026-12-14T09:00", &missing);
        assert_eq!(run.code, Some(2));
        assert!(run.stderr.contains("There is no entry"), "{}", run.stderr);
    }
    let edit = diary_run(h, "2026-12-14T09:00", &["diary", "edit", "1", "12"]);
    assert_eq!(edit.code, Some(2));
    let list = diary_run(h, "2026-12-14T09:00", &["diary", "list"]);
    assert_eq!(
        list.lines()[0],
        "  1. Monday, December 14, 8:00 AM: 5 out of 10 (after a nap)"
    );
}

#[test]
fn the_trial_dates_are_asked_once_and_taken_from_the_answers() {
    let home = tempfile::tempdir().expect("home");
    let h = home.path();
    crate::common::write(
        &h.join("answers/intrathecal-pump.yaml"),
        b"checklist: intrathecal-pump\nversion: 1\nanswers:\n  step: trial\n  procedure-date: 2026-12-14\n",
    );
    let run = diary_run(h, "2026-12-10T08:00", &["diary", "7"]);
    assert!(
        run.stdout.contains(
            "Your answers say your trial is on Monday, December 14, 2026. When does it end? \
             Tell prepcheck once, like this: prepcheck diary trial 2026-12-14 END"
        ),
        "{}",
        run.stdout
    );
    let set = diary_run(
        h,
        "2026-12-10T08:00",
        &["diary", "trial", "2026-12-14", "December 27"],
    );
    assert!(
        set.stdout
            .starts_with("Your trial: Monday, December 14, 2026 to Sunday, December 27, 2026.\n")
    );
    assert!(set.stdout.contains(STATEMENT));
    let again = diary_run(h, "2026-12-10T09:00", &["diary", "6"]);
    assert!(
        !again.stdout.contains("When does it end?"),
        "{}",
        again.stdout
    );
    let wrong = diary_run(
        h,
        "2026-12-10T09:00",
        &["diary", "trial", "2026-12-14", "soon"],
    );
    assert_eq!(wrong.code, Some(2));
    let backwards = diary_run(
        h,
        "2026-12-10T09:00",
        &["diary", "trial", "2026-12-14", "2026-12-01"],
    );
    assert!(
        backwards.stderr.contains("cannot end before it starts"),
        "{}",
        backwards.stderr
    );
}

#[test]
fn answers_shows_the_diary_and_forget_deletes_it() {
    let home = tempfile::tempdir().expect("home");
    let h = home.path();
    diary_run(h, "2026-12-14T08:00", &["diary", "6", "walked"]);
    let answers = diary_run(h, "2026-12-14T09:00", &["answers"]);
    assert!(
        answers
            .stdout
            .contains("Your pain diary (1 entry), kept in "),
        "{}",
        answers.stdout
    );
    assert!(
        answers
            .stdout
            .contains("1. Monday, December 14, 8:00 AM: 6 out of 10 (walked)")
    );
    let forget = diary_run(h, "2026-12-14T09:00", &["forget", "--yes"]);
    assert_eq!(forget.code, Some(0), "{}", forget.stderr);
    assert!(!diary_file(h).exists(), "{}", forget.stderr);
}

#[test]
fn entries_that_cannot_be_read_are_set_aside_and_kept() {
    let home = tempfile::tempdir().expect("home");
    let h = home.path();
    crate::common::write(
        &diary_file(h),
        b"diary: 1\nentries:\n- at: 2026-12-14T08:00:00-06:00\n  score: 12\n",
    );
    let run = diary_run(h, "2026-12-14T09:00", &["diary", "5"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.stderr.contains("1 entry in "), "{}", run.stderr);
    let file = std::fs::read_to_string(diary_file(h)).expect("diary");
    assert!(
        file.contains("set-aside:\n- at: \"2026-12-14T08:00:00-06:00\"\n  score: \"12\""),
        "{file}"
    );
    // A file that is no diary is reported with its line and never written over.
    crate::common::write(&diary_file(h), b"diary: 1\nentries: [\n");
    let run = diary_run(h, "2026-12-14T09:00", &["diary", "5"]);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr.contains("intrathecal-pump.diary.yaml:"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read(diary_file(h)).expect("kept"),
        b"diary: 1\nentries: [\n"
    );
}

#[test]
fn spanish_throughout() {
    let home = tempfile::tempdir().expect("home");
    let h = home.path();
    let run = diary_run(
        h,
        "2026-12-14T08:00",
        &["--lang", "es", "diary", "6", "caminé"],
    );
    assert!(
        run.stdout
            .starts_with("Guardado: lunes, 14 de diciembre, 8:00 de la mañana: 6 de 10 (caminé)."),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("Solo su médico puede cambiar sus medicinas.")
    );
    let wrong = diary_run(h, "2026-12-14T08:00", &["--lang", "es", "diary", "11"]);
    assert!(
        wrong.stderr.contains("no es un nivel de dolor"),
        "{}",
        wrong.stderr
    );
}

/// `diary show` of the two-week trial in `lang` and `format`, with extra environment.
fn show(format: &str, lang: &str, env: &[(&str, &str)]) -> String {
    let home = tempfile::tempdir().expect("home");
    two_week_trial(home.path());
    let run = run_within(
        Duration::from_secs(30),
        ["--lang", lang, "diary", "show", "--format", format],
        |c| {
            c.env("PREPCHECK_HOME", home.path())
                .envs(env.iter().copied());
        },
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    run.stdout
}

#[test]
fn show_in_every_format_and_both_languages() {
    for lang in ["en", "es"] {
        for format in ["plain", "markdown"] {
            let text = show(format, lang, &[]);
            let statement = if lang == "en" {
                STATEMENT
            } else {
                "Solo su médico"
            };
            assert!(text.contains(statement), "{text}");
            insta::assert_snapshot!(format!("diary-{lang}.{format}"), text);
        }
    }
    let plain = show("plain", "en", &[]);
    assert!(
        plain.contains("Monday, December 14           3        5       4        7"),
        "{plain}"
    );
    assert!(plain.contains(
        "Your average pain score was 7.3 before the trial and 3.5 during it.\n\
         That is 3.8 lower during the trial."
    ));
}

#[test]
fn show_in_screen_reader_mode_says_each_day_in_a_sentence() {
    let text = show("text", "en", &[("PREPCHECK_SCREEN_READER", "1")]);
    assert!(
        text.contains("Monday, December 14: 3 entries, average 5, lowest 4, highest 7\n"),
        "{text}"
    );
    assert!(
        !text.contains('#'),
        "no drawing for a screen reader: {text}"
    );
    insta::assert_snapshot!("diary-screen-reader", text);
    let es = show("text", "es", &[("PREPCHECK_SCREEN_READER", "1")]);
    assert!(
        es.contains("lunes, 14 de diciembre: 3 anotaciones, promedio 5, mínimo 4, máximo 7"),
        "{es}"
    );
}

/// On a terminal of 40 columns and 20 rows: every line fits, the chart needs no colour (the
/// phases are told apart by `o` and `#`, with a key), and it fits on one screen.
#[test]
fn show_on_a_small_terminal_draws_a_chart_without_colour() {
    let home = tempfile::tempdir().expect("home");
    two_week_trial(home.path());
    let mut patient = crate::pty::Patient::run(
        home.path(),
        &["diary", "show"],
        (40, 20),
        &[("NO_COLOR", "1")],
    );
    patient.screen();
    let text = patient.transcript.replace('\r', "");
    assert!(!text.contains('\x1b'), "no styles: {text:?}");
    for line in text.lines() {
        assert!(line.chars().count() <= 40, "{line:?}");
    }
    let chart_start = text.find("10 |").expect("chart");
    let chart: Vec<&str> = text[chart_start..]
        .lines()
        .take_while(|l| !l.is_empty())
        .collect();
    assert!(chart.len() <= 20, "{chart:?}");
    assert_eq!(chart[3], " 7 |ooooooo");
    assert_eq!(chart[7], " 3 |ooooooo##############");
    assert!(chart.contains(&"    o Before the trial") && chart.contains(&"    # During the trial"));
    insta::assert_snapshot!("diary-terminal-40", text);
}

/// `export diary`: a Bundle (collection) of one Observation a score, LOINC 72514-3, the
/// score as valueInteger, the time with its offset, the note, and the patient contained
/// when named; the two-week trial's Bundle passes fhir.resources' R4 models.
#[test]
fn export_diary_is_a_fhir_bundle_of_observations() {
    let home = tempfile::tempdir().expect("home");
    let h = home.path();
    crate::common::write(
        &h.join("answers/intrathecal-pump.yaml"),
        "checklist: intrathecal-pump\nversion: 1\nanswers:\n  patient-name: Ana López\n".as_bytes(),
    );
    diary_run(h, "2026-12-07T08:00", &["diary", "7", "before the trial"]);
    diary_run(h, "2026-12-14T20:00", &["diary", "4"]);
    let run = diary_run(h, "2026-12-15T09:00", &["export", "diary"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let bundle: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(bundle["type"], "collection");
    let first = &bundle["entry"][0]["resource"];
    assert_eq!(first["code"]["coding"][0]["code"], "72514-3");
    assert_eq!(first["category"][0]["coding"][0]["code"], "survey");
    assert_eq!(first["status"], "final");
    assert_eq!(first["valueInteger"], 7);
    assert_eq!(first["effectiveDateTime"], "2026-12-07T08:00:00-06:00");
    assert_eq!(first["note"][0]["text"], "before the trial");
    assert_eq!(first["contained"][0]["name"][0]["text"], "Ana López");
    assert_eq!(first["subject"]["reference"], "#patient");
    insta::assert_snapshot!("diary-bundle-two-entries.json", run.stdout);

    let Some(python) = crate::export::validator() else {
        return;
    };
    let trial = tempfile::tempdir().expect("home");
    two_week_trial(trial.path());
    let files = [
        (h, h.join("two.json")),
        (trial.path(), trial.path().join("trial.json")),
    ];
    for (home, file) in &files {
        let out = file.to_string_lossy().into_owned();
        let run = diary_run(
            home,
            "2026-12-28T09:00",
            &["export", "diary", "--output", &out],
        );
        assert_eq!(run.code, Some(0), "{}", run.stderr);
    }
    let output = std::process::Command::new(&python)
        .args(["-c", crate::export::VALIDATE])
        .args(files.iter().map(|(_, f)| f))
        .output()
        .expect("run the validator");
    let report = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        report.lines().filter(|l| l.starts_with("ok ")).count(),
        2,
        "{report}"
    );
    let trial: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&files[1].1).expect("bundle")).expect("JSON");
    assert_eq!(trial["entry"].as_array().map(Vec::len), Some(63));
}

/// The printed diary page of the two-week trial: one page on Letter and on A4 through
/// Chromium, with the chart, the table beside it and the statement; axe-core finds nothing
/// to fix, in English and in Spanish.
#[test]
fn the_diary_page_prints_on_one_page_and_axe_core_finds_no_violation() {
    use crate::print::available;
    if !available("chromium", &["--version"]) || !available("pdfinfo", &["-v"]) {
        return;
    }
    let dir = tempfile::tempdir().expect("dir");
    let mut pages = Vec::new();
    for lang in ["en", "es"] {
        let html = show("html", lang, &[]);
        assert!(html.contains("<svg role=\"img\""), "{html}");
        assert!(html.contains("<th scope=\"row\">"));
        for paper in ["letter", "A4"] {
            let printed = crate::print::printed(&html, paper, dir.path(), &format!("diary-{lang}"));
            assert_eq!(printed.len(), 1, "{lang} {paper}: {printed:?}");
            let statement = if lang == "en" {
                "Only your doctor"
            } else {
                "Solo su médico"
            };
            assert!(printed[0].contains(statement), "{printed:?}");
        }
        let page = dir.path().join(format!("diary-{lang}.html"));
        std::fs::write(&page, &html).expect("write");
        pages.push(page);
        if lang == "en" {
            insta::assert_snapshot!("diary-en.html", html);
        }
    }
    let axe = crate::common::root("tests/browser/axe");
    let ready = axe.join("node_modules/axe-core").exists()
        && axe.join("node_modules/puppeteer-core").exists();
    if !crate::common::can_run(ready, "axe-core (npm install in tests/browser/axe)") {
        return;
    }
    let output = std::process::Command::new("node")
        .arg(axe.join("axe.js"))
        .args(&pages)
        .output()
        .expect("node");
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let lines: Vec<serde_json::Value> = report
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    assert_eq!(lines.len(), 2, "{report}");
    for line in lines {
        assert_eq!(line["violations"], serde_json::json!([]), "{line}");
    }
}

/// The calendar of a patient with the two-week trial in their diary, as of December 10:
/// a reminder to log at 9 AM, 2 PM and 8 PM (or the times they chose) on each day of the
/// trial, each marked as the diary's, alerting when it starts with the medication
/// statement, read back by Python's icalendar, in English and in Spanish.
#[test]
fn the_calendar_reminds_to_log_during_the_trial_read_by_python_icalendar() {
    use crate::print::{available, parse_calendar};
    if !available("python3", &["-c", "import icalendar"]) {
        return;
    }
    let home = tempfile::tempdir().expect("home");
    let h = home.path();
    two_week_trial(h);
    let ics = h.join("reminders.ics");
    let out = ics.to_string_lossy().into_owned();
    let diary_events = |lang: &str, statement: &str| -> Vec<String> {
        let run = diary_run(
            h,
            "2026-12-10T08:00",
            &["--lang", lang, "sheet", "--output", &out],
        );
        assert_eq!(run.code, Some(0), "{}", run.stderr);
        let events = parse_calendar(&ics, statement);
        events
            .into_iter()
            .filter(|e| e.contains("-diary-"))
            .collect()
    };
    let events = diary_events("en", "Only your doctor can change your medicines.");
    assert_eq!(events.len(), 42, "{events:#?}");
    let first: Vec<&str> = events[0].split(" | ").collect();
    assert_eq!(first[0], "intrathecal-pump-diary-20261214-0900@prepcheck");
    assert_eq!(first[1], "2026-12-14T09:00:00-06:00 America/Chicago");
    assert_eq!(first[3], "Pain diary: write down your pain now (0 to 10)");
    assert_eq!(first[5], "2026-12-14T09:00");
    let last: Vec<&str> = events[41].split(" | ").collect();
    assert_eq!(last[1], "2026-12-27T20:00:00-06:00 America/Chicago");

    let set = diary_run(
        h,
        "2026-12-10T08:00",
        &["diary", "reminders", "8:30 am", "13:00", "7:30 pm"],
    );
    assert_eq!(set.code, Some(0), "{}", set.stderr);
    assert!(
        set.stdout.contains("8:30 AM, 1:00 PM and 7:30 PM"),
        "{}",
        set.stdout
    );
    let events = diary_events("es", "Solo su médico puede cambiar sus medicinas.");
    assert_eq!(events.len(), 42);
    let first: Vec<&str> = events[0].split(" | ").collect();
    assert_eq!(first[1], "2026-12-14T08:30:00-06:00 America/Chicago");
    assert_eq!(
        first[3],
        "Diario del dolor: anote su dolor ahora (del 0 al 10)"
    );
    let wrong = diary_run(h, "2026-12-10T08:00", &["diary", "reminders", "lunchtime"]);
    assert_eq!(wrong.code, Some(2));
    // Only the reminders still to come: none before now.
    let run = diary_run(h, "2026-12-27T12:00", &["sheet", "--output", &out]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let events = parse_calendar(&ics, "Only your doctor");
    let diary: Vec<&String> = events.iter().filter(|e| e.contains("-diary-")).collect();
    assert_eq!(diary.len(), 2, "1 PM and 7:30 PM: {diary:#?}");
}

/// With no score, in screen-reader mode (lines, typed through a pipe): the three questions
/// through the walk's engine, the score typed as itself, the other two skipped or answered;
/// the entry saved with the time, and the statement said.
#[test]
fn with_no_score_the_walk_asks_three_questions_in_lines() {
    let home = tempfile::tempdir().expect("home");
    let h = home.path();
    let ask = |now: &str, lang: &str, typed: &str| {
        run_within(
            Duration::from_secs(30),
            ["--lang", lang, "diary", "--screen-reader"],
            |c| {
                c.env("PREPCHECK_HOME", h)
                    .env("PREPCHECK_NOW", now)
                    .write_stdin(typed.to_string());
            },
        )
    };
    // The first time, the trial's dates are asked too, once.
    let run = ask(
        "2026-12-14T08:00",
        "en",
        "\n5\nwalked to the mailbox\n\n2026-12-14\nyes\nDecember 27\nyes\n",
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    for said in [
        "prepcheck asks 5 questions, one at a time. It takes about a minute. Your answers go in \
         your pain diary.",
        "When did your trial start, or when will it start?",
        "When does your trial end?",
        "How bad is your pain right now?",
        "0 is no pain. 10 is the worst pain you can imagine.",
        "1. 0: no pain",
        "6. 5: pain in the middle",
        "11. 10: the worst pain you can imagine",
        "What could you do today? (You can skip this: press Enter.)",
        "Did you notice anything new?",
        STATEMENT,
    ] {
        assert!(run.stderr.contains(said), "{said:?} in {}", run.stderr);
    }
    let diary = std::fs::read_to_string(diary_file(h)).expect("diary");
    assert!(
        diary.contains("trial:\n  start: \"2026-12-14\"\n  end: \"2026-12-27\""),
        "{diary}"
    );
    // Known now: not asked again.
    let es = ask("2026-12-14T14:00", "es", "\n0\n\nmareo\n");
    assert_eq!(es.code, Some(0), "{}", es.stderr);
    assert!(!es.stderr.contains("¿Cuándo termina su prueba?"));
    assert!(
        es.stderr.contains("¿Cuánto le duele ahora mismo?"),
        "{}",
        es.stderr
    );
    assert!(es.stderr.contains("Solo su médico"));
    let list = diary_run(h, "2026-12-14T15:00", &["diary", "list"]);
    assert_eq!(
        list.lines()[..2],
        [
            "  1. Monday, December 14, 8:00 AM: 5 out of 10 (walked to the mailbox)",
            "  2. Monday, December 14, 2:00 PM: 0 out of 10 (mareo)",
        ]
    );
}

/// On the terminal screens (40 by 20): Enter past the welcome, the score chosen with the
/// arrow keys, Enter twice to skip: the entry is saved.
#[test]
fn with_no_score_the_walk_runs_on_a_small_terminal() {
    use crate::pty::{ENTER, Patient};
    let home = tempfile::tempdir().expect("home");
    let mut p = Patient::run(
        home.path(),
        &["diary"],
        (40, 20),
        &[("NO_COLOR", "1"), ("PREPCHECK_NOW", "2026-12-14T08:00")],
    );
    p.sees("Your pain diary");
    p.reads_to("How bad is your pain");
    // Nothing is chosen at first: the first line down is 0, the eighth is 7.
    for _ in 0..8 {
        p.press(crate::pty::DOWN);
    }
    p.press(ENTER);
    p.sees("What could you do today?").press(ENTER);
    p.sees("Did you notice anything new?").press(ENTER);
    p.screen();
    let file = std::fs::read_to_string(diary_file(home.path())).expect("diary");
    assert!(file.contains("score: 7"), "{file}\n{}", p.transcript);
}

/// `prepcheck diary 5` killed (SIGKILL) at a random moment, over and over, while the diary
/// holds the two-week trial: the file always reads, holds every entry saved before and at
/// most the one being saved, stays private, and the next save leaves nothing beside it.
#[test]
fn a_diary_save_killed_at_any_moment_loses_nothing() {
    use std::os::unix::fs::PermissionsExt;
    let home = tempfile::tempdir().expect("home");
    let h = home.path();
    two_week_trial(h);
    // Saved once by prepcheck itself, privately.
    assert_eq!(
        diary_run(h, "2026-12-19T09:00", &["diary", "5"]).code,
        Some(0)
    );
    let count = || {
        let text = std::fs::read_to_string(diary_file(h)).expect("diary");
        text.matches("\n  score: ").count()
    };
    let mut seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(7, |d| d.subsec_nanos() as u64);
    let mut kept = count();
    for round in 0..40u32 {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let delay = Duration::from_micros((seed >> 33) % 12_000);
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_prepcheck"))
            .args(["diary", "5", "killed"])
            .env("PREPCHECK_HOME", h)
            .env(
                "PREPCHECK_NOW",
                format!("2026-12-20T{:02}:{:02}", round / 60, round % 60),
            )
            .env("TZ", "America/Chicago")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn");
        std::thread::sleep(delay);
        let _ = child.kill();
        let _ = child.wait();
        let list = diary_run(h, "2026-12-28T09:00", &["diary", "list"]);
        assert_eq!(list.code, Some(0), "round {round}: {}", list.stderr);
        let now = count();
        assert!(
            now == kept || now == kept + 1,
            "round {round}: {kept} then {now}"
        );
        kept = now;
        let mode = std::fs::metadata(diary_file(h))
            .expect("diary")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let last = diary_run(h, "2026-12-28T09:00", &["diary", "5"]);
    assert_eq!(last.code, Some(0));
    assert_eq!(count(), kept + 1);
    let mut beside: Vec<String> = std::fs::read_dir(h.join("answers"))
        .expect("folder")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    beside.sort();
    assert_eq!(
        beside,
        [
            ".intrathecal-pump.diary.yaml.lock",
            "intrathecal-pump.diary.yaml"
        ]
    );
}
