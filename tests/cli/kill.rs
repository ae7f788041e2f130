//! At every question of the built-in checklist, the walk is stopped right after an answer by
//! SIGKILL, SIGHUP and Ctrl-C: the answers file still parses, holds every answer given, is
//! private, has nothing left beside it, and the next walk carries on at the next question.
//! And a signal sent at any moment in the first 20 ms after an answer (while it is saved,
//! or the next screen drawn) stops the walk, on the terminal screens and in the line mode.

use std::path::Path;
use std::time::Duration;

use expectrl::process::unix::Signal;

use crate::common::{typed_lines, walk_through_a_pipe};
use crate::pty::{CTRL_C, DOWN, ENTER, Patient, SPACE, ask_of};

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

/// The keys that answer a question of `SCRIPT` on the terminal screens, its screen being up:
/// what to type, and whether a read-back ("Is that right?") follows; `None` for the lists,
/// whose keys depend on the rows (the line mode covers them).
fn terminal_keys(id: &str) -> Option<(&'static str, bool)> {
    Some(match id {
        "patient-name" => ("Ann", false),
        "clearance-from" => ("Dr. Patel", false),
        "driver-name" => ("Maria Lopez", false),
        "driver-phone" => ("555-201-3344", false),
        "care-team-name" => ("Valley Pain Clinic", false),
        "procedure-date" => ("12/10/2026", true),
        "arrival-time" => ("7:30", true),
        "step" | "clearance-needed" => (DOWN, false),
        "heart" => ("y", false),
        "bleeding-disorder" | "infection" | "clearance-done" => ("n", false),
        "trial-info" | "medicine-list" | "history-info" | "trial-questions"
        | "general-questions" => ("", false),
        _ => return None,
    })
}

/// A small random generator (xorshift), seeded from `PREPCHECK_KILL_SEED` or the clock:
/// each run tries other moments, and a failure names its seed to try it again.
struct Random(u64);

impl Random {
    fn new() -> Random {
        let seed = std::env::var("PREPCHECK_KILL_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(1, |d| d.as_nanos() as u64)
            });
        Random(seed | 1)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// A hundred walks, each carried on after some answers saved by an earlier walk, answering
/// one more question and sent SIGHUP, SIGINT or SIGTERM 0 to 20 ms after the Enter that
/// saves it: every one stops, with the code of its signal, its file whole and nothing left
/// beside it. (Before, a signal that came while the answer was saved or the next screen
/// drawn was never acted on: the walk waited for a key forever.)
#[test]
fn a_signal_at_any_moment_after_an_answer_stops_the_walk() {
    let mut random = Random::new();
    let seed = random.0;
    let terminal_places: Vec<usize> = (0..SCRIPT.len() - 1)
        .filter(|&at| terminal_keys(SCRIPT[at].0).is_some())
        .collect();
    let mut ignored = Vec::new();
    for attempt in 0..100 {
        let on_terminal = attempt % 2 == 0;
        let at = if on_terminal {
            terminal_places[random.below(terminal_places.len() as u64) as usize]
        } else {
            random.below(SCRIPT.len() as u64 - 1) as usize
        };
        let (signal, code) = [
            (Signal::SIGHUP, 129),
            (Signal::SIGINT, 130),
            (Signal::SIGTERM, 143),
        ][random.below(3) as usize];
        let delay = Duration::from_millis(random.below(21));
        let home = tempfile::tempdir().expect("temp dir");
        // The answers before, saved by a walk through a pipe.
        let mut before = vec![""];
        before.extend(
            SCRIPT[..at]
                .iter()
                .flat_map(|(_, typed, _)| typed.iter().copied()),
        );
        let (ended, said, _) = walk_through_a_pipe(home.path(), &[], &typed_lines(&before));
        assert_eq!(ended, Some(129), "{said}");
        let (id, typed, _) = SCRIPT[at];
        let mut p = if on_terminal {
            let mut p = Patient::start(home.path(), &[]);
            if at == 0 {
                p.on("OK, go on").send_now(ENTER);
            } else {
                p.on("Carry on where I stopped").send_now(ENTER);
            }
            let (keys, read_back) = terminal_keys(id).expect("terminal keys");
            p.on(&ask_of(id)).send_now(keys);
            if read_back {
                p.send_now(ENTER).on("Is that right?").send_now("y");
            }
            p
        } else {
            let mut p = screen_reader(home.path());
            if at == 0 {
                p.sees("Press Enter to go on.").sees("> ").line("");
            } else {
                p.sees("Carry on where I stopped").sees("> ").line("1");
            }
            p.sees(&ask_of(id));
            let (last, first) = typed.split_last().expect("typed");
            for line in first {
                p.sees("> ").line(line);
            }
            p.sees("> ").send_now(last);
            p
        };
        p.send_now(ENTER);
        std::thread::sleep(delay);
        p.signal_now(signal);
        let (screen, ended) = p.finish_within(Duration::from_secs(3));
        let place = format!(
            "{} {signal:?} {delay:?} after answering {id} (seed {seed})",
            if on_terminal { "terminal" } else { "lines" }
        );
        if ended != Some(code) {
            ignored.push(format!("{place}: ended {ended:?}"));
            if ended.is_some() {
                panic!("{place}: ended {ended:?}:\n{screen}");
            }
            continue;
        }
        let folder = home.path().join("answers");
        let file = match std::fs::read_to_string(folder.join("intrathecal-pump.yaml")) {
            Ok(file) => file,
            // A signal that comes before the first answer is read leaves nothing to keep.
            Err(e) if at == 0 && e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => panic!("{place}: {e}"),
        };
        for (_, _, holds) in &SCRIPT[..at] {
            assert!(file.contains(holds), "{place}: no {holds:?} in:\n{file}");
        }
        let beside: Vec<String> = std::fs::read_dir(&folder)
            .expect("folder")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n != "intrathecal-pump.yaml" && n != ".intrathecal-pump.yaml.lock")
            .collect();
        assert!(beside.is_empty(), "{place}: left beside it: {beside:?}");
    }
    assert!(
        ignored.is_empty(),
        "{} of 100 signals were never acted on:\n{}",
        ignored.len(),
        ignored.join("\n")
    );
}

/// Ctrl-C in the middle of a medicine list keeps its ticks, and the next walk asks the list
/// again with them (before, it counted the list as answered and went past it).
#[test]
fn a_list_left_by_ctrl_c_is_asked_again_with_its_ticks() {
    let home = tempfile::tempdir().expect("temp dir");
    let at = SCRIPT
        .iter()
        .position(|(id, _, _)| *id == "blood-thinners")
        .expect("the blood thinners");
    let mut before = vec![""];
    before.extend(
        SCRIPT[..at]
            .iter()
            .flat_map(|(_, typed, _)| typed.iter().copied()),
    );
    let (ended, said, _) = walk_through_a_pipe(home.path(), &[], &typed_lines(&before));
    assert_eq!(ended, Some(129), "{said}");
    let mut p = Patient::start(home.path(), &[]);
    p.on("Carry on where I stopped").press(ENTER);
    p.on(&ask_of("blood-thinners")).press(DOWN).press(SPACE);
    p.on("[x] Plavix");
    p.press(CTRL_C);
    assert_eq!(p.finish().1, 130);
    let file = std::fs::read_to_string(home.path().join("answers/intrathecal-pump.yaml"))
        .expect("answers");
    assert!(file.contains("- clopidogrel"), "{file}");

    let mut again = Patient::start(home.path(), &[]);
    again.on("Carry on where I stopped").press(ENTER);
    let screen = again.shows(&ask_of("blood-thinners"));
    assert!(
        screen.iter().any(|row| row.contains("[x] Plavix")),
        "{}",
        screen.join("\n")
    );
    again.press(CTRL_C);
    assert_eq!(again.finish().1, 130);
}
