//! At every question of the built-in checklist, the walk is stopped right after an answer by
//! SIGKILL, SIGHUP and Ctrl-C: the answers file still parses, holds every answer given, is
//! private, has nothing left beside it, and the next walk carries on at the next question.

use std::path::Path;

use expectrl::process::unix::Signal;

use crate::pty::{CTRL_C, Patient, ask_of};

/// The questions of a trial patient on Plavix with a heart problem, in order: the item, what
/// is typed (a date, a time and a list's line are read back and confirmed), and what the
/// file then holds.
const SCRIPT: &[(&str, &[&str], &str)] = &[
    ("patient-name", &["Ann"], "patient-name: Ann"),
    ("step", &["1"], "step: trial"),
    ("trial-info", &[""], "trial-info: seen"),
    (
        "procedure-date",
        &["12/10/2026", "yes"],
        "procedure-date: \"2026-12-10\"",
    ),
    ("arrival-time", &["7:30", "yes"], "arrival-time: 07:30"),
    ("driver-name", &["Maria Lopez"], "driver-name: Maria Lopez"),
    (
        "driver-phone",
        &["555-201-3344"],
        "driver-phone: 555-201-3344",
    ),
    (
        "care-team-name",
        &["Valley Pain Clinic"],
        "care-team-name: Valley Pain Clinic",
    ),
    (
        "care-team-phone",
        &["555-010-2000"],
        "care-team-phone: 555-010-2000",
    ),
    ("blood-thinners", &["2", "yes"], "- clopidogrel"),
    ("pain-relievers", &["none", "yes"], "pain-relievers:"),
    ("supplements", &["none", "yes"], "supplements:"),
    ("medicine-questions", &[""], "- other-medicines"),
    ("heart", &["yes"], "heart: \"yes\""),
    ("bleeding-disorder", &["no"], "bleeding-disorder: \"no\""),
    ("infection", &["no"], "infection: \"no\""),
    ("clearance-needed", &["1"], "clearance-needed: \"yes\""),
    (
        "clearance-from",
        &["Dr. Patel"],
        "clearance-from: Dr. Patel",
    ),
    ("clearance-done", &["no"], "clearance-done: \"no\""),
    ("history-info", &[""], "history-info: seen"),
    ("before-questions", &[""], "- eating"),
    ("trial-questions", &["8"], "- helped"),
    ("after-questions", &[""], "- night-number"),
];

fn screen_reader(home: &Path) -> Patient {
    Patient::start_with(home, &["--screen-reader"], (100, 40), &[("NO_COLOR", "1")])
}

#[test]
fn a_walk_stopped_after_any_answer_keeps_every_answer_and_carries_on() {
    // The last answer ends the walk by itself: every other one is a place to stop.
    for stop_after in 0..SCRIPT.len() - 1 {
        for (signal, expected) in [("KILL", 137), ("HUP", 129), ("Ctrl-C", 130)] {
            let home = tempfile::tempdir().expect("temp dir");
            let mut p = screen_reader(home.path());
            p.sees("Press Enter to go on.").sees("> ").line("");
            for (id, typed, _) in &SCRIPT[..=stop_after] {
                p.sees(&ask_of(id));
                for line in *typed {
                    p.sees("> ").line(line);
                }
            }
            // The next question is on screen: the answer before it is saved.
            let (next, _, _) = SCRIPT[stop_after + 1];
            p.sees(&ask_of(next)).sees("> ");
            match signal {
                "KILL" => p.signal(Signal::SIGKILL),
                "HUP" => p.signal(Signal::SIGHUP),
                _ => {
                    p.press(CTRL_C);
                }
            }
            let (screen, code) = p.finish();
            let place = format!("stopped by {signal} after {}", SCRIPT[stop_after].0);
            assert_eq!(code, expected, "{place}:\n{screen}");
            let folder = home.path().join("answers");
            let file = std::fs::read_to_string(folder.join("intrathecal-pump.yaml"))
                .unwrap_or_else(|e| panic!("{place}: {e}"));
            for (_, _, holds) in &SCRIPT[..=stop_after] {
                assert!(file.contains(holds), "{place}: no {holds:?} in:\n{file}");
            }
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                let meta = std::fs::metadata(folder.join("intrathecal-pump.yaml")).expect("file");
                assert_eq!(meta.permissions().mode() & 0o777, 0o600, "{place}");
            }
            let beside: Vec<String> = std::fs::read_dir(&folder)
                .expect("folder")
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n != "intrathecal-pump.yaml" && n != ".intrathecal-pump.yaml.lock")
                .collect();
            assert!(beside.is_empty(), "{place}: left beside it: {beside:?}");

            let mut again = screen_reader(home.path());
            again.sees("Carry on where I stopped").sees("> ").line("1");
            again.sees(&ask_of(next));
            again.press(CTRL_C);
            assert_eq!(again.finish().1, 130, "{place}: carrying on");
        }
    }
}
