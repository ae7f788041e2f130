//! `prepcheck walk --screen-reader`: each screen printed once as plain lines, answers typed,
//! driven here by a pipe for whole walks.

use std::path::Path;

use crate::common::{assert_shows, typed_lines, walk_through_a_pipe};

/// A whole walk through a pipe: the answers typed, what the walk printed (standard error)
/// and the sheet at the end (standard output).
fn walk(home: &Path, typed: &[&str]) -> (i32, String, String) {
    let (code, said, sheet) = walk_through_a_pipe(home, &[], &typed_lines(typed));
    (code.unwrap_or(-1), said, sheet)
}

fn saved(home: &Path) -> String {
    std::fs::read_to_string(home.join("answers/intrathecal-pump.yaml")).expect("saved")
}

#[test]
fn a_trial_patient_on_no_medicines_walks_through_a_pipe() {
    let home = tempfile::tempdir().expect("temp dir");
    let (code, screens, sheet) = walk(
        home.path(),
        &[
            "",                   // welcome
            "Ann Smith",          // name
            "1",                  // the trial
            "",                   // what to expect
            "12/10/2026",         // the day
            "yes",                // read back in words
            "7:30",               // the time...
            "yes",                // ...read back in words
            "Maria Lopez",        // ride
            "555-201-3344",       // their phone
            "Valley Pain Clinic", // care team
            "(555) 010-2000",     // its phone
            "none",               // blood thinners...
            "yes",                // ...none of these: yes
            "",                   // pain pills: Enter alone, none ticked...
            "yes",                // ...asks whether none of these: yes
            "none",               // supplements
            "yes",
            "",   // questions about medicines: Enter alone keeps the one checked
            "no", // heart
            "n",  // bleeding
            "no", // infection
            "",   // the visit
            "",   // questions before the day: the two checked
            "",   // questions about the trial: none checked, none
            "",   // questions after the procedure: the one checked
        ],
    );
    assert_eq!(code, 0, "{screens}");
    let file = saved(home.path());
    assert_shows(
        &file,
        &[
            "patient-name: Ann Smith",
            "step: trial",
            "procedure-date: \"2026-12-10\"",
            "arrival-time: 07:30",
            "heart: \"no\"",
            "driver-name: Maria Lopez",
            "care-team-phone: (555) 010-2000",
        ],
    );
    assert!(!file.contains("clearance"), "{file}");
    assert_shows(
        &sheet,
        &[
            "Getting ready for your pain pump trial",
            "Name: Ann Smith",
            "Date: Thursday, December 10, 2026 (in 15 days)",
            "Arrive at: 7:30 AM",
            "Who takes you home: Maria Lopez",
            "Only your doctor can change your medicines.",
            "What are the rules for eating and drinking before the procedure?",
            "What number do I call about a problem at night or on a weekend?",
        ],
    );
    assert!(!sheet.contains("Will I stay overnight?"), "{sheet}");
    // Each question is printed once (before the summary at the end), numbered choices, the
    // statement on medicine screens.
    let (walked, summary) = screens
        .split_once("All done. Your answers:")
        .expect("summary");
    assert_eq!(
        walked
            .matches("Which step are you getting ready for?")
            .count(),
        1
    );
    assert!(summary.contains("Which step are you getting ready for?  The trial"));
    assert!(
        screens.contains("1. The trial\n2. The implant\n"),
        "{screens}"
    );
    assert!(screens.contains("Important: Only your doctor can change your medicines."));
    assert!(!screens.contains('\x1b'), "no escape codes: {screens:?}");
    for implant_only in ["hockey puck", "90 minutes", "small cut", "same day"] {
        assert!(!screens.contains(implant_only), "{implant_only}");
        assert!(!sheet.contains(implant_only), "{implant_only}");
    }
}

#[test]
fn an_implant_patient_goes_back_asks_for_help_and_names_a_medicine() {
    let home = tempfile::tempdir().expect("temp dir");
    let (code, screens, sheet) = walk(
        home.path(),
        &[
            "",
            "",         // no name
            "2",        // the implant
            "maybe",    // not a choice: refused with what works
            "3",        // I do not know
            "",         // what to expect
            "tomorrow", // the day, read back...
            "no",       // ...and corrected
            "Dec 10",
            "yes",
            "noon",
            "yes",
            "", // ride: not known yet
            "",
            "Valley Pain Clinic",
            "555 010 2000 ext 12",
            "2, 3 Zorbinol", // Plavix, Eliquis, and a name not on the list...
            "yes",           // ...read back
            "help",
            "1 2", // aspirin and Advil
            "yes",
            "none",
            "yes",
            "",     // questions about medicines
            "yes",  // heart
            "back", // back to the heart question...
            "",     // ...Enter alone keeps "yes"
            "no",   // bleeding
            "no",   // infection
            "1",    // an OK is needed
            "Dr. Okafor",
            "no",   // not yet
            "",     // the visit
            "",     // questions before the day
            "1, 3", // questions about the implant: refills, MRI
            "",     // questions after the procedure
        ],
    );
    assert_eq!(code, 0, "{screens}");
    assert!(
        screens.contains("Sorry: \"maybe\" is not one of the choices. Type a number from 1 to 3.")
    );
    assert!(screens.contains("Thursday, November 26, 2026 (tomorrow). Is that right?"));
    assert!(screens.contains("12:00 noon. Is that right?"), "{screens}");
    assert!(screens.contains("Your answer now: yes."), "{screens}");
    assert!(
        screens.contains(
            "You take: Plavix (clopidogrel), Eliquis (apixaban) and Zorbinol (as you typed it). Is that right?"
        ),
        "{screens}"
    );
    // "help" prints the pain-pill screen again.
    let (walked, _) = screens
        .split_once("All done. Your answers:")
        .expect("summary");
    assert_eq!(
        walked
            .matches("Do you take any of these pain medicines (pills, powders, gels or shots)?")
            .count(),
        2
    );
    let file = saved(home.path());
    assert_shows(
        &file,
        &[
            "step: implant",
            "trial-helped: not-sure",
            "procedure-date: \"2026-12-10\"",
            "arrival-time: \"12:00\"",
            "- clopidogrel",
            "- Zorbinol",
            "- ibuprofen",
            "heart: \"yes\"",
            "clearance-from: Dr. Okafor",
            "care-team-phone: 555 010 2000 ext 12",
        ],
    );
    assert_shows(
        &sheet,
        &[
            "Getting ready for your pain pump implant",
            "hockey puck",
            "I do not know if the trial helped my pain.",
            "About Zorbinol, a medicine you named",
            "About Aspirin",
            "Get the OK (clearance) your care team asked for.",
            "Call your care team soon about your blood thinners: Plavix (clopidogrel),",
            "How often does the pump need a refill?",
            "Can I have an MRI scan with the pump?",
        ],
    );
    for trial_only in ["The trial tests if the medicine", "Will I stay overnight"] {
        assert!(!screens.contains(trial_only), "{trial_only}");
        assert!(!sheet.contains(trial_only), "{trial_only}");
    }
}

/// The input ending before the last question keeps what was answered and says how to go on.
#[test]
fn input_that_ends_early_keeps_the_answers() {
    let home = tempfile::tempdir().expect("temp dir");
    let (code, screens, _) = walk(home.path(), &["", "Ann", "1"]);
    assert_eq!(code, 129, "{screens}");
    assert!(
        screens.contains("Run `prepcheck walk --screen-reader` to carry on."),
        "{screens}"
    );
    assert!(saved(home.path()).contains("step: trial"));
}
