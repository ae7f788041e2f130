//! `prepcheck walk` in a real pseudo-terminal, pressing keys as a patient would; questions
//! are found by their item's id in the checklist, not by their number.

use std::path::Path;

use expectrl::process::unix::Signal;

use crate::approved;
use crate::common::assert_shows;
use crate::prepcheck;
use crate::pty::{CTRL_C, DOWN, END, ENTER, ESC, HOME, Patient, SPACE, UP, ask_of, flat};

fn saved(home: &Path) -> String {
    std::fs::read_to_string(home.join("answers/intrathecal-pump.yaml")).expect("answers saved")
}

/// The welcome, then the first screens of the trial (the procedure, the ride, the care
/// team), up to the blood-thinner list.
fn trial_to_medicines(p: &mut Patient) {
    p.sees("Each answer is saved at once").press(ENTER);
    p.sees(&ask_of("patient-name")).press(ENTER);
    p.sees(&ask_of("step")).press(DOWN).press(ENTER);
    p.sees(&ask_of("trial-info"))
        .sees("The trial tests if the medicine lowers your pain")
        .press(ENTER);
    p.sees(&ask_of("procedure-date"));
    // A date in the past is refused kindly, then the patient types it again.
    p.types("11/20/2026").sees("has already passed");
    p.press("\x15").types("12/10/2026");
    p.sees("Thursday, December 10, 2026 (in 15 days). Is that right?")
        .answers(true);
    p.sees(&ask_of("arrival-time")).types("7:30 am");
    p.sees("7:30 in the morning. Is that right?").answers(true);
    p.sees("Saved: 7:30 in the morning.")
        .sees(&ask_of("driver-name"))
        .types("Maria Lopez");
    p.sees(&ask_of("driver-phone")).types("555-201-3344");
    p.sees(&ask_of("care-team-name"))
        .types("Valley Pain Clinic");
    p.sees(&ask_of("care-team-phone")).types("555-010-2000");
    // The statement stays on top of the medicine screens.
    p.sees(&approved::statement_start("en"))
        .sees(&ask_of("blood-thinners"));
}

/// From the pain pills to the end of the medicines section, ticking nothing: Enter with
/// nothing ticked asks whether she takes none of these.
fn no_other_medicines(p: &mut Patient) {
    p.sees(&ask_of("pain-relievers")).press(ENTER);
    p.sees("You take none of these?").answers(true);
    p.sees(&ask_of("supplements")).press(ENTER);
    p.sees("You take none of these?").answers(true);
    p.sees(&ask_of("medicine-questions")).press(ENTER);
}

/// The screens after the health questions: the visit, and the questions for the care
/// team by topic, the trial's with one more checked.
fn visit_and_questions(p: &mut Patient) {
    p.sees(&ask_of("history-info")).press(ENTER);
    p.sees(&ask_of("before-questions"))
        .sees("[x] What are the rules for eating and drinking")
        .press(ENTER);
    p.sees(&ask_of("trial-questions"))
        .sees("[ ] Will I stay overnight?")
        .press(END)
        .press(SPACE)
        .press(ENTER);
    p.sees(&ask_of("after-questions")).press(ENTER);
}

#[test]
fn a_patient_on_plavix_and_eliquis_with_a_heart_condition() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut p = Patient::start(home.path(), &[]);
    trial_to_medicines(&mut p);
    // Aspirin is first; Plavix and Eliquis come next.
    p.press(DOWN)
        .press(SPACE)
        .press(DOWN)
        .press(SPACE)
        .press(ENTER);
    no_other_medicines(&mut p);
    p.sees("Your health").sees(&ask_of("heart")).answers(true);
    p.sees(&ask_of("bleeding-disorder")).answers(false);
    p.sees(&ask_of("infection")).answers(false);
    // Y chooses "Yes" on a list of Yes, No and I am not sure.
    p.sees(&ask_of("clearance-needed")).press("y").press(ENTER);
    p.sees(&ask_of("clearance-from")).types("Dr. Patel");
    p.sees(&ask_of("clearance-done")).answers(false);
    visit_and_questions(&mut p);
    let (screen, code) = p.finish();
    assert_eq!(code, 0, "{screen}");
    assert_shows(
        &screen,
        &[
            "All done",
            "About Plavix (clopidogrel), a blood thinner",
            "Do I need to stop Eliquis (apixaban) before the procedure?",
            "With my heart problem, do I need an OK",
            "Get the OK (clearance) your care team asked for.",
            "Who takes you home: Maria Lopez",
            "Date: Thursday, December 10, 2026 (in 15 days)",
            "Arrive at: 7:30 AM",
            "Call your care team soon about your blood thinners:",
            "How will we know if the trial helped my pain?",
        ],
    );
    let answers = saved(home.path());
    assert!(
        answers.contains("- clopidogrel\n") && answers.contains("- apixaban\n"),
        "{answers}"
    );
    assert!(answers.contains("heart: \"yes\""), "{answers}");
    assert!(
        answers.contains("procedure-date: \"2026-12-10\""),
        "{answers}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let file = home.path().join("answers/intrathecal-pump.yaml");
        let mode = std::fs::metadata(file)
            .expect("metadata")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[test]
fn a_patient_on_no_medicines_with_nothing_to_clear() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut p = Patient::start(home.path(), &[]);
    trial_to_medicines(&mut p);
    p.press(ENTER);
    p.sees("You take none of these?").answers(true);
    no_other_medicines(&mut p);
    p.sees(&ask_of("heart")).answers(false);
    p.sees(&ask_of("bleeding-disorder")).answers(false);
    p.sees(&ask_of("infection")).answers(false);
    visit_and_questions(&mut p);
    let (screen, code) = p.finish();
    assert_eq!(code, 0, "{screen}");
    assert!(
        !screen.contains("About "),
        "no medicine questions:\n{screen}"
    );
    assert!(!screen.contains("clearance"), "{screen}");
    assert!(
        screen.contains("Only your doctor can change your medicines"),
        "{screen}"
    );
    // A trial patient is never told what the source says only of the implant.
    for implant_only in [
        "hockey puck",
        "90 minutes",
        "small cut",
        "same day",
        "filled again",
    ] {
        assert!(!screen.contains(implant_only), "{implant_only}: {screen}");
    }
}

/// The first screen of a new walk says what this is, how long it takes, where the answers
/// go, how to stop and carry on, and that medicine changes need the doctor; at 40x20 too.
#[test]
fn a_new_walk_opens_on_a_welcome_that_fits_a_small_terminal() {
    for size in [(100, 40), (40, 20)] {
        let home = tempfile::tempdir().expect("temp dir");
        let mut p = Patient::start_with(home.path(), &[], size, &[("NO_COLOR", "1")]);
        p.sees("Each answer is saved at once");
        // At 40x20 the welcome pages: Enter reads on to its end.
        let screen = p.reads_to("Press Enter when you have read it.").join("\n");
        let flat = screen.split_whitespace().collect::<Vec<_>>().join(" ");
        for shown in [
            "Getting ready for your pain pump",
            "at least 18 questions",
            "about 10 minutes",
            "answers/intrathecal-pump",
            "To stop, press Ctrl-C. To carry on later, run prepcheck.",
            "Only your doctor can change your medicines.",
            "Press Enter when you have read it.",
        ] {
            assert!(flat.contains(shown), "{size:?}: no {shown:?} on:\n{screen}");
        }
        p.press(CTRL_C);
        assert_eq!(p.finish().1, 130);
    }
}

/// Esc goes back a question with its answer chosen; changing it there makes the questions
/// that hung on it disappear, and their answers leave the file.
#[test]
fn going_back_and_changing_an_answer_drops_what_no_longer_applies() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut p = Patient::start(home.path(), &[]);
    trial_to_medicines(&mut p);
    p.press(ENTER);
    p.sees("You take none of these?").answers(true);
    no_other_medicines(&mut p);
    p.sees(&ask_of("heart")).answers(true);
    p.sees(&ask_of("bleeding-disorder")).answers(false);
    p.sees(&ask_of("infection")).answers(false);
    p.sees(&ask_of("clearance-needed")).press(DOWN).press(ENTER);
    p.sees(&ask_of("clearance-from"));
    assert!(saved(home.path()).contains("clearance-needed: \"yes\""));
    // Back to the heart question, four screens up, each showing the answer given.
    p.press(ESC).sees(&ask_of("clearance-needed"));
    p.press(ESC).sees(&ask_of("infection"));
    p.press(ESC).sees(&ask_of("bleeding-disorder"));
    p.press(ESC)
        .sees(&ask_of("heart"))
        .sees("Your answer now: yes");
    p.answers(false);
    // The next question still to answer comes next; the clearance ones are gone.
    p.sees(&ask_of("history-info"));
    let file = saved(home.path());
    assert!(file.contains("heart: \"no\""), "{file}");
    assert!(!file.contains("clearance"), "{file}");
    p.press(CTRL_C);
    assert_eq!(p.finish().1, 130);
}

/// With colours on, the screen read without them still marks the current row and the
/// ticked ones by symbols.
#[test]
fn a_medicine_list_without_its_colours_still_shows_the_current_and_ticked_rows() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut p = Patient::start_with(home.path(), &["--color", "always"], (100, 40), &[]);
    trial_to_medicines(&mut p);
    p.press(DOWN).press(SPACE).press(DOWN);
    let screen = p.screen();
    assert!(
        p.transcript.contains("\x1b[1m") || p.transcript.contains("\x1b[36m"),
        "colours are on"
    );
    let row = |label: &str| {
        screen
            .iter()
            .find(|line| line.contains(label))
            .cloned()
            .unwrap_or_default()
    };
    assert!(row("Plavix").starts_with("  [x] Plavix"), "{screen:#?}");
    assert!(row("Eliquis").starts_with("> [ ] Eliquis"), "{screen:#?}");
    assert!(row("Aspirin").starts_with("  [ ] Aspirin"), "{screen:#?}");
    assert!(row("None of these").starts_with("  [ ] "), "{screen:#?}");
    p.press(CTRL_C);
    assert_eq!(p.finish().1, 130);
}

/// At 40x20, a dozen presses of the arrows on the longest list leave one copy of each
/// line on screen, no word broken across lines, and the current row in view.
#[test]
fn a_small_terminal_shows_each_line_once_and_the_current_row() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut p = Patient::start_with(home.path(), &[], (40, 20), &[("NO_COLOR", "1")]);
    p.sees("Each answer is saved");
    p.reads_to("OK, go on");
    p.press(ENTER);
    p.sees("What is your name?").press(ENTER);
    p.sees("Which step").press(DOWN).press(ENTER);
    p.sees("Here is what to expect");
    p.reads_to("OK, go on");
    p.press(ENTER);
    p.sees("What day is your").press(ENTER);
    p.sees("What time should").press(ENTER);
    p.sees("Who will take you").press(ENTER);
    p.sees("Question 7 of").press(ENTER);
    p.sees("What is the name of").press(ENTER);
    p.sees("Question 9 of").press(ENTER);
    p.sees("Do you take any of");
    for _ in 0..12 {
        p.press(DOWN);
    }
    p.press(UP);
    let screen = p.screen();
    let text = screen.join("\n");
    let lines: Vec<&String> = screen.iter().filter(|l| !l.trim().is_empty()).collect();
    for line in &lines {
        let copies = lines.iter().filter(|other| other == &line).count();
        assert_eq!(copies, 1, "{line:?} shown {copies} times:\n{text}");
    }
    assert!(text.contains("> [ ] Pletal (cilostazol)"), "{text}");
    assert!(
        text.contains("more lines above)") && text.contains("more lines below)"),
        "the list says it pages:\n{text}"
    );
    // The progress line and the statement stay on top; the question pages with the list.
    assert!(screen[0].starts_with("Question 10 of"), "{text}");
    assert!(
        flat(&screen[2..4].join(" ")).starts_with("! Only your doctor can change your medicines"),
        "{text}"
    );
    p.press(HOME);
    let top = p.shows("Do you take any of these");
    let text = top.join("\n");
    // Every word of the question is whole on one line.
    assert!(text.contains("blood\nthinners?") || text.contains("blood thinners?"));
    assert!(text.contains("> [ ] Aspirin"), "{text}");
    for line in screen.iter().chain(&top) {
        assert!(line.chars().count() <= 40, "{line:?}");
        assert!(
            !line.ends_with("thinner") && !line.starts_with("s?"),
            "{text}"
        );
    }
    p.press(CTRL_C);
    assert_eq!(p.finish().1, 130);
}

/// Making the window smaller, then larger, in the middle of a list redraws it to fit: each
/// line once, none wider than the window, the current row in view and still marked.
#[test]
fn resizing_the_terminal_redraws_the_screen_to_fit() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut p = Patient::start(home.path(), &[]);
    trial_to_medicines(&mut p);
    for _ in 0..10 {
        p.press(DOWN);
    }
    for (columns, rows) in [(40, 20), (60, 24), (100, 30)] {
        let screen = p.resize((columns, rows)).screen();
        let text = screen.join("\n");
        let lines: Vec<&String> = screen.iter().filter(|l| !l.trim().is_empty()).collect();
        for line in &lines {
            let copies = lines.iter().filter(|other| other == &line).count();
            assert_eq!(
                copies, 1,
                "{columns}x{rows}: {line:?} shown {copies} times:\n{text}"
            );
            assert!(line.chars().count() <= usize::from(columns), "{line:?}");
        }
        assert!(
            text.contains("> [ ] Aggrenox (aspirin and"),
            "{columns}x{rows}: the current row is out of view:\n{text}"
        );
        assert!(text.contains("Only your doctor can change"), "{text}");
    }
    p.press(CTRL_C);
    assert_eq!(p.finish().1, 130);
}

/// "Nov 20 2026" and Enter typed on a yes-or-no screen (meant for the date after it) do not
/// answer it; keys typed before a screen appears are thrown away.
#[test]
fn a_date_typed_on_a_yes_or_no_screen_does_not_answer_it() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut p = Patient::start(home.path(), &[]);
    trial_to_medicines(&mut p);
    p.press(ENTER);
    p.sees("You take none of these?").answers(true);
    no_other_medicines(&mut p);
    p.sees(&ask_of("heart"));
    p.press("Nov 20 2026").press(ENTER);
    let screen = p.screen_text();
    assert!(screen.contains(&ask_of("heart")), "{screen}");
    assert!(!saved(home.path()).contains("heart:"));
    p.answers(false);
    p.sees(&ask_of("bleeding-disorder"));
    assert!(saved(home.path()).contains("heart: \"no\""));
    p.press(CTRL_C);
    assert_eq!(p.finish().1, 130);
}

/// A misspelt brand typed on the list finds its row; a name nobody knows is offered to add
/// as typed, on the same screen; each is saved the moment Enter ticks it.
#[test]
fn a_misspelt_brand_is_found_on_the_list_and_a_stranger_kept_as_typed() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut p = Patient::start(home.path(), &[]);
    trial_to_medicines(&mut p);
    p.press("Elliquis");
    let screen = p.shows("You typed: Elliquis");
    let text = screen.join("\n");
    assert!(text.contains("> [ ] Eliquis (apixaban)"), "{text}");
    assert!(
        text.contains("[+] Add \"Elliquis\" as another medicine"),
        "{text}"
    );
    p.press(ENTER);
    p.shows("[x] Eliquis (apixaban)");
    assert!(saved(home.path()).contains("- apixaban"), "saved at once");
    p.press("Zorbinol");
    p.shows("Add \"Zorbinol\" as another medicine");
    p.press(ENTER);
    p.shows("[x] Zorbinol (as you typed it)");
    assert!(saved(home.path()).contains("- Zorbinol"), "saved at once");
    p.press(ENTER);
    p.sees(&ask_of("pain-relievers")).press(CTRL_C);
    let (_, code) = p.finish();
    assert_eq!(code, 130);
    let sheet = prepcheck()
        .env("PREPCHECK_HOME", home.path())
        .args(["sheet", "--format", "plain"])
        .output()
        .expect("sheet");
    let sheet = String::from_utf8_lossy(&sheet.stdout);
    for shown in [
        "About Eliquis (apixaban), a blood thinner",
        "About Zorbinol, a medicine you named",
        "Do I need to stop Zorbinol before the procedure?",
    ] {
        assert!(sheet.contains(shown), "{shown}: {sheet}");
    }
}

#[test]
fn ctrl_c_keeps_every_answer_and_the_next_walk_carries_on_where_it_stopped() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut p = Patient::start(home.path(), &[]);
    trial_to_medicines(&mut p);
    p.press(DOWN).press(SPACE).press(ENTER);
    p.sees(&ask_of("pain-relievers")).press(CTRL_C);
    let (screen, code) = p.finish();
    assert_eq!(code, 130, "{screen}");
    assert!(
        screen.contains("Stopped. Your answers so far are saved in"),
        "{screen}"
    );
    assert!(screen.contains("Run `prepcheck` to carry on."), "{screen}");
    assert!(screen.contains("\x1b[?25h"), "the cursor is shown again");
    assert!(
        screen.contains("\x1b[?1049l"),
        "the patient's own screen is back"
    );
    let before = saved(home.path());
    assert!(before.contains("- clopidogrel"), "{before}");
    assert!(!before.contains("pain-relievers"), "{before}");

    let mut p = Patient::start(home.path(), &[]);
    p.sees("You have saved answers")
        .sees("Carry on where I stopped")
        .press(ENTER);
    p.sees(&ask_of("pain-relievers")).press(CTRL_C);
    let (_, code) = p.finish();
    assert_eq!(code, 130);
    assert_eq!(saved(home.path()), before, "nothing changed");
}

#[test]
fn changing_an_earlier_answer_drops_the_question_that_no_longer_applies() {
    let home = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(home.path().join("answers")).expect("dir");
    let mut answers =
        std::fs::read_to_string("tests/fixtures/answers/blood-thinners.yaml").expect("fixture");
    answers = answers.replace("infection: \"yes\"", "infection: \"no\"");
    answers = answers.replace("answers:\n", "answers:\n  patient-name: ~\n");
    std::fs::write(home.path().join("answers/intrathecal-pump.yaml"), answers).expect("write");

    let mut p = Patient::start(home.path(), &[]);
    p.sees("What would you like to do?")
        .press(DOWN)
        .press(ENTER);
    p.sees("Which answer do you want to change?");
    // The answered questions, found by their text: move down to the heart one.
    let screen = p.screen();
    let rows: Vec<&String> = screen.iter().filter(|l| l.contains("?  (")).collect();
    let heart = rows
        .iter()
        .position(|l| l.contains(&ask_of("heart")))
        .expect("the heart question is listed");
    for _ in 0..heart {
        p.press(DOWN);
    }
    p.press(ENTER);
    p.sees(&ask_of("heart"))
        .sees("Your answer now: yes")
        .answers(false);
    // Nothing left to ask: the walk ends with the sheet.
    let (screen, code) = p.finish();
    assert_eq!(code, 0, "{screen}");
    let file = saved(home.path());
    for gone in ["clearance-needed", "clearance-from", "clearance-done"] {
        assert!(!file.contains(gone), "{gone} still saved:\n{file}");
    }
    assert!(!screen.contains("Get the OK (clearance)"), "{screen}");
    assert!(!screen.contains("With my heart problem"), "{screen}");
}

#[test]
fn a_corrupt_answers_file_is_reported_and_left_byte_for_byte() {
    let home = tempfile::tempdir().expect("temp dir");
    let file = home.path().join("answers/intrathecal-pump.yaml");
    std::fs::create_dir_all(file.parent().expect("folder")).expect("dir");
    let corrupt = b"checklist: intrathecal-pump\nversion: 4\nanswers:\n  step: trial\n  heart: [oops\n\xff\xfe";
    std::fs::write(&file, corrupt).expect("write");
    let p = Patient::start(home.path(), &[]);
    let (screen, code) = p.finish();
    assert_eq!(code, 1, "{screen}");
    assert!(screen.contains("intrathecal-pump.yaml"), "{screen}");
    assert!(screen.contains("prepcheck --restart"), "{screen}");
    assert_eq!(std::fs::read(&file).expect("read"), corrupt);

    // --restart keeps the old file as a backup, byte for byte, and says where both are.
    let mut p = Patient::start(home.path(), &["--restart"]);
    p.sees("Starting over. Your old answers are kept in")
        .sees("New answers are saved in")
        .sees("Each answer is saved at once");
    p.press(CTRL_C);
    let (_, code) = p.finish();
    assert_eq!(code, 130);
    let backups: Vec<_> = std::fs::read_dir(file.parent().expect("folder"))
        .expect("list")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains(".backup-"))
        .collect();
    assert_eq!(backups.len(), 1);
    assert_eq!(std::fs::read(backups[0].path()).expect("read"), corrupt);
}

/// With `--answers FILE`, every hint the walk prints names that file.
#[test]
fn hints_name_the_answers_file_the_walk_was_given() {
    let home = tempfile::tempdir().expect("temp dir");
    let file = home.path().join("mine.yaml");
    let file_arg = file.display().to_string();
    let mut p = Patient::start(home.path(), &["--answers", &file_arg]);
    p.sees(&format!("run prepcheck walk --answers {file_arg}."));
    p.press(CTRL_C);
    let (screen, code) = p.finish();
    assert_eq!(code, 130);
    assert!(
        screen.contains(&format!(
            "Run `prepcheck walk --answers {file_arg}` to start."
        )),
        "{screen}"
    );
}

#[test]
fn without_a_terminal_walk_exits_2_at_once_and_points_to_sheet_and_the_line_mode() {
    let home = tempfile::tempdir().expect("temp dir");
    for args in [&["walk"][..], &[][..]] {
        prepcheck()
            .env("PREPCHECK_HOME", home.path())
            .env_remove("PREPCHECK_SCREEN_READER")
            .env("TERM", "xterm")
            .args(args)
            .timeout(std::time::Duration::from_secs(5))
            .assert()
            .code(2)
            .stderr(predicates::str::contains("prepcheck sheet"))
            .stderr(predicates::str::contains("prepcheck walk --screen-reader"));
    }
}

#[test]
fn a_closed_terminal_keeps_the_answers_given() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut p = Patient::start(home.path(), &[]);
    p.sees("Each answer is saved").press(ENTER);
    p.sees(&ask_of("patient-name")).types("Ann Smith");
    p.sees(&ask_of("step")).press(DOWN).press(DOWN).press(ENTER);
    p.sees(&ask_of("trial-helped")).press(DOWN).press(ENTER);
    p.sees("hockey puck");
    p.signal(Signal::SIGHUP);
    let (screen, code) = p.finish();
    assert_eq!(code, 129, "{screen}");
    assert!(!screen.contains("panicked"), "{screen}");
    let file = saved(home.path());
    assert!(
        file.contains("step: implant")
            && file.contains("trial-helped: \"yes\"")
            && file.contains("patient-name: Ann Smith"),
        "{file}"
    );
}

/// On a terminal of 40 rows, each medicine list shows every choice at once, the last one
/// ("None of these") too; the pain screen lists aspirin as well.
#[test]
fn every_medicine_screen_fits_on_40_rows() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut p = Patient::start_with(home.path(), &[], (100, 40), &[("NO_COLOR", "1")]);
    trial_to_medicines(&mut p);
    let screens: [(&str, &[&str]); 3] = [
        (
            "blood-thinners",
            &[
                "Aspirin (Bayer Aspirin",
                "Sintrom (acenocoumarol)",
                "Fraxiparina (nadroparin)",
                "None of these",
            ],
        ),
        (
            "pain-relievers",
            &[
                "Aspirin (Bayer Aspirin",
                "Celebrex (celecoxib)",
                "Arthrotec (diclofenac and misoprostol)",
                "None of these",
            ],
        ),
        (
            "supplements",
            &[
                "Turmeric (curcumin)",
                "Pepto-Bismol (bismuth subsalicylate)",
                "None of these",
            ],
        ),
    ];
    for (at, (item, rows)) in screens.iter().enumerate() {
        // The first list is on screen already; Enter with nothing checked asks whether
        // none of these is meant.
        if at > 0 {
            p.press(ENTER);
            p.sees("You take none of these?").answers(true);
            p.sees(&ask_of(item));
        }
        let screen = p.screen_text();
        for shown in *rows {
            assert!(
                screen.contains(shown),
                "{item}: {shown}:
{screen}"
            );
        }
        assert!(
            !screen.contains("(more"),
            "{item}:
{screen}"
        );
    }
    p.press(CTRL_C);
    assert_eq!(p.finish().1, 130);
}

/// TERM=dumb cannot move the cursor: the walk prints plain lines, numbered choices.
#[test]
fn a_dumb_terminal_gets_plain_lines_without_cursor_movement() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut p = Patient::start_with(home.path(), &[], (80, 24), &[("TERM", "dumb")]);
    p.sees("Press Enter to go on.").press(ENTER);
    p.sees(&ask_of("patient-name")).press(ENTER);
    p.sees("1. The trial").sees("2. The implant").types("2");
    p.sees(&ask_of("trial-helped")).press(CTRL_C);
    let (screen, code) = p.finish();
    assert_eq!(code, 130, "{screen}");
    for movement in [
        "\x1b[H",
        "\x1b[?1049h",
        "\x1b[J",
        "\x1b[A",
        "\x1b[K",
        "\x1b[1m",
    ] {
        assert!(!screen.contains(movement), "{movement:?} in:\n{screen:?}");
    }
}
