//! `prepcheck walk` in a real pseudo-terminal, pressing keys as a patient would.

use std::path::Path;

use crate::prepcheck;
use crate::pty::{CTRL_C, DOWN, ENTER, Patient, SPACE};

fn saved(home: &Path) -> String {
    std::fs::read_to_string(home.join("answers/intrathecal-pump.yaml")).expect("answers saved")
}

/// The first screens of the trial, up to the blood-thinner list.
fn trial_to_medicines(p: &mut Patient) {
    p.sees("YOUR PROCEDURE").sees("Question 1 of 17");
    p.sees("What is your name?").press(ENTER);
    p.sees("Which step are you getting ready for?").press(ENTER);
    p.sees("what to expect at the trial")
        .sees("The trial tests if the medicine lowers your pain")
        .press(ENTER);
    p.sees("What day is your procedure?");
    // A date in the past is refused kindly, then the patient types it again.
    p.types("11/20/2026").sees("has already passed");
    p.press("\x15").types("12/10/2026");
    p.sees("Thursday, December 10, 2026. Is that right?")
        .press("y");
    p.sees("What time should you get there?").types("7:30 am");
    p.sees("7:30 AM");
    p.sees("Question 6 of 19")
        .sees("Medicine changes need your doctor");
    p.sees("Space")
        .sees("Do you take any of these blood thinners?");
}

/// From the pain pills to the end of the medicines section, ticking nothing.
fn no_other_medicines(p: &mut Patient) {
    p.sees("pain pills").press(ENTER);
    p.sees("supplements or herbs").press(ENTER);
    p.sees("Make a list of all the medicines").press(ENTER);
}

/// The screens after the health questions, for a patient with everything to hand.
fn visit_ride_and_care_team(p: &mut Patient) {
    p.sees("The doctor will check your body").press(ENTER);
    p.sees("How long will my trial last?").press(ENTER);
    p.sees("What are the rules for eating and drinking")
        .press(ENTER);
    p.sees("Who will take you home").types("Maria Lopez");
    p.sees("What is their phone number?").types("555-201-3344");
    p.sees("name of your doctor or clinic")
        .types("Valley Pain Clinic");
    p.sees("What is their phone number?").types("555-010-2000");
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
    p.sees("YOUR HEALTH")
        .sees("Do you have a heart problem?")
        .press("y");
    p.sees("bleeding problem").press("n");
    p.sees("infection right now").press("n");
    p.sees("Question 13 of 20")
        .sees("need an OK from another doctor")
        .press(ENTER);
    p.sees("Which doctor").types("Dr. Patel");
    p.sees("Do you have that OK yet?").press("n");
    visit_ride_and_care_team(&mut p);
    let (screen, code) = p.finish();
    assert_eq!(code, 0, "{screen}");
    for shown in [
        "All done",
        "About Plavix (clopidogrel), a blood thinner",
        "Do I need to stop Eliquis (apixaban) before the procedure?",
        "With my heart problem, do I need an OK",
        "Get the OK (clearance) from your other doctor",
        "Who takes you home: Maria Lopez",
        "Thursday, December 10, 2026 (in 15 days). Arrive at 7:30 AM",
    ] {
        assert!(screen.contains(shown), "missing {shown:?} in:\n{screen}");
    }
    let answers = saved(home.path());
    assert!(
        answers.contains("- clopidogrel\n") && answers.contains("- apixaban\n"),
        "{answers}"
    );
    assert!(
        answers.contains("heart: yes") || answers.contains("heart: \"yes\""),
        "{answers}"
    );
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
    no_other_medicines(&mut p);
    p.sees("heart problem").press("n");
    p.sees("bleeding problem").press("n");
    p.sees("Question 12 of 19")
        .sees("infection right now")
        .press("n");
    p.sees("Question 13 of 19");
    visit_ride_and_care_team(&mut p);
    let (screen, code) = p.finish();
    assert_eq!(code, 0, "{screen}");
    assert!(
        !screen.contains("About "),
        "no medicine questions:\n{screen}"
    );
    assert!(!screen.contains("clearance"), "{screen}");
    assert!(
        screen.contains("Medicine changes need your doctor"),
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

/// On a terminal of 30 rows, the longest medicine list shows every choice at once, the last
/// one ("Another medicine not listed") too, and the pain-pill screen lists aspirin as well.
#[test]
fn every_medicine_screen_fits_on_30_rows() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut p = Patient::start_sized(home.path(), &[], (100, 30));
    trial_to_medicines(&mut p);
    p.sees("Fragmin (dalteparin)")
        .sees("Another medicine not listed")
        .press(ENTER);
    p.sees("pain pills")
        .sees("Aspirin (Bayer")
        .sees("Relafen (nabumetone)")
        .sees("Another medicine not listed")
        .press(CTRL_C);
    let (_, code) = p.finish();
    assert_eq!(code, 130);
}

#[test]
fn a_misspelt_brand_is_recognised_and_a_stranger_kept_as_typed() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut p = Patient::start(home.path(), &[]);
    trial_to_medicines(&mut p);
    // "Another medicine not listed" is the last line of the list.
    p.press(crate::pty::UP).press(SPACE).press(ENTER);
    p.sees("Type the name of the medicine").types("Elliquis");
    p.sees("Did you mean Eliquis (apixaban)?").press("y");
    p.sees("Type the name of the medicine").types("Zorbinol");
    p.sees("Saved \"Zorbinol\" as you typed it.");
    p.sees("Type the name of the medicine").press(ENTER);
    p.press(CTRL_C);
    let (_, code) = p.finish();
    assert_eq!(code, 130);
    let sheet = prepcheck()
        .env("PREPCHECK_HOME", home.path())
        .args(["sheet", "--format", "plain"])
        .output()
        .expect("sheet");
    let sheet = String::from_utf8_lossy(&sheet.stdout);
    assert!(
        sheet.contains("About Eliquis (apixaban), a blood thinner"),
        "{sheet}"
    );
    assert!(
        sheet.contains("About Zorbinol, a medicine you named"),
        "{sheet}"
    );
    assert!(
        sheet.contains("Do I need to stop Zorbinol before the procedure?"),
        "{sheet}"
    );
}

#[test]
fn ctrl_c_keeps_every_answer_and_the_next_walk_carries_on_where_it_stopped() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut p = Patient::start(home.path(), &[]);
    trial_to_medicines(&mut p);
    p.press(DOWN).press(SPACE).press(ENTER);
    p.sees("pain pills").press(CTRL_C);
    let (screen, code) = p.finish();
    assert_eq!(code, 130, "{screen}");
    assert!(
        screen.contains("Stopped. Your answers so far are saved in"),
        "{screen}"
    );
    assert!(screen.contains("\x1b[?25h"), "the cursor is shown again");
    let before = saved(home.path());
    assert!(before.contains("- clopidogrel"), "{before}");
    assert!(!before.contains("pain-relievers"), "{before}");

    let mut p = Patient::start(home.path(), &[]);
    p.sees("You have saved answers")
        .sees("Carry on where I stopped")
        .press(ENTER);
    p.sees("Question 7 of 19").sees("pain pills").press(CTRL_C);
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
    std::fs::write(home.path().join("answers/intrathecal-pump.yaml"), answers).expect("write");

    let mut p = Patient::start(home.path(), &[]);
    p.sees("What would you like to do?")
        .press(DOWN)
        .press(ENTER);
    p.sees("Which answer do you want to change?");
    // The list holds the answered questions (not the notes): the heart one is the 7th.
    for _ in 0..6 {
        p.press(DOWN);
    }
    p.press(ENTER);
    p.sees("Do you have a heart problem? [Y/n]").press("n");
    // The name, which the fixture lacks, is the one question left; then the sheet.
    p.sees("What is your name?").press(ENTER);
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
    let corrupt = b"checklist: intrathecal-pump\nversion: 1\nanswers:\n  step: trial\n  heart: [oops\n\xff\xfe";
    std::fs::write(&file, corrupt).expect("write");
    let p = Patient::start(home.path(), &[]);
    let (screen, code) = p.finish();
    assert_eq!(code, 1, "{screen}");
    assert!(screen.contains("intrathecal-pump.yaml"), "{screen}");
    assert!(screen.contains("--restart"), "{screen}");
    assert_eq!(std::fs::read(&file).expect("read"), corrupt);

    // --restart keeps the old file as a backup, byte for byte.
    let mut p = Patient::start(home.path(), &["--restart"]);
    p.sees("Starting over. Your old answers are kept in")
        .sees("Question 1 of 17");
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

#[test]
fn without_a_terminal_walk_exits_2_at_once_and_points_to_sheet() {
    let home = tempfile::tempdir().expect("temp dir");
    for args in [&["walk"][..], &[][..]] {
        prepcheck()
            .env("PREPCHECK_HOME", home.path())
            .args(args)
            .timeout(std::time::Duration::from_secs(5))
            .assert()
            .code(2)
            .stderr(predicates::str::contains("prepcheck sheet --answers"));
    }
}

#[test]
fn a_closed_terminal_keeps_the_answers_given() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut p = Patient::start(home.path(), &[]);
    p.sees("What is your name?").types("Ann Smith");
    p.sees("Which step are you getting ready for?")
        .press(DOWN)
        .press(ENTER);
    p.sees("Did the trial help your pain?").press(ENTER);
    p.sees("90 minutes");
    p.hang_up();
    let (_, code) = p.finish();
    // 129 from the signal, or 130 when the prompt's read is interrupted by it first.
    assert!(code == 129 || code == 130, "ended by SIGHUP with {code}");
    let file = saved(home.path());
    assert!(
        file.contains("step: implant")
            && file.contains("trial-helped: \"yes\"")
            && file.contains("patient-name: Ann Smith"),
        "{file}"
    );
}
