//! `prepcheck sheet` through the built binary: every format for four patients, as snapshots,
//! and the promises each sheet must keep whatever its format.

use std::path::Path;

use crate::approved;
use crate::prepcheck;

/// Every format: the calendar too (written with CRLF line ends; the snapshots keep LF).
const FORMATS: [&str; 5] = ["text", "plain", "markdown", "html", "ics"];

/// The answer sets of the snapshot tests; `None` is a patient with nothing answered.
const PATIENTS: [(&str, Option<&str>); 5] = [
    ("nothing-answered", None),
    (
        "no-medicines",
        Some("tests/fixtures/answers/no-medicines.yaml"),
    ),
    (
        "blood-thinners",
        Some("tests/fixtures/answers/blood-thinners.yaml"),
    ),
    (
        "implant-trial-failed",
        Some("tests/fixtures/answers/implant-trial-failed.yaml"),
    ),
    ("implant", Some("tests/fixtures/answers/implant.yaml")),
];

/// Which step each patient is getting ready for.
fn step_of(patient: &str) -> Option<&'static str> {
    match patient {
        "nothing-answered" => None,
        "no-medicines" | "blood-thinners" => Some("trial"),
        _ => Some("implant"),
    }
}

/// What the source says only of the implant, as the sheet words it: never on a trial sheet.
const IMPLANT_ONLY: &[&str] = &[
    "What should I know about the implant",
    "How often does the pump need a refill",
    "hockey puck",
    "under the skin of your belly",
    "tube (catheter)",
    "small cut",
    "90 minutes",
    "go home the same day",
    "filled again",
];

/// What is true only of the trial: never on an implant sheet.
const TRIAL_ONLY: &[&str] = &[
    "What should I know about the trial",
    "The trial tests if the medicine lowers your pain",
    "If the trial works, the pump is put in",
    "How long will my trial last",
    "Will I stay overnight",
];

fn sheet(answers: &Path, format: &str) -> String {
    let output = prepcheck()
        .args(["sheet", "--format", format, "--answers"])
        .arg(answers)
        .output()
        .expect("run prepcheck");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8")
}

/// The sheet of one of `PATIENTS`: nothing answered is the blank sheet of a new patient,
/// printed from the default place before any walk.
fn patient_sheet(file: Option<&str>, format: &str) -> String {
    match file {
        Some(file) => sheet(Path::new(file), format),
        None => {
            let home = tempfile::tempdir().expect("temp dir");
            let output = prepcheck()
                .env("PREPCHECK_HOME", home.path())
                .args(["sheet", "--format", format])
                .output()
                .expect("run prepcheck");
            assert!(output.status.success());
            String::from_utf8(output.stdout).expect("UTF-8")
        }
    }
}

/// Words only: the statement may be wrapped, boxed, bold or escaped differently per format.
fn words(text: &str) -> String {
    without_tags(&unfolded(text))
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '(' && c != ')')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A calendar's text as one line per property, its values unescaped (RFC 5545); other
/// formats as they are.
fn unfolded(text: &str) -> String {
    if !text.starts_with("BEGIN:VCALENDAR\r\n") {
        return text.to_string();
    }
    // Escapes are ASCII: unescape byte by byte.
    let mut bytes = text.replace("\r\n ", "").into_bytes().into_iter();
    let mut out = Vec::new();
    while let Some(b) = bytes.next() {
        match (b, b == b'\\') {
            (_, false) => out.push(b),
            (_, true) => match bytes.next() {
                Some(b'n' | b'N') => out.push(b'\n'),
                Some(other) => out.push(other),
                None => {}
            },
        }
    }
    String::from_utf8(out).expect("UTF-8")
}

/// HTML without its tags (patient text in it is escaped, so a `<` always starts a tag).
fn without_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn every_format_of_every_patient_matches_its_snapshot() {
    for (patient, file) in PATIENTS {
        for format in FORMATS {
            let text = patient_sheet(file, format);
            insta::assert_snapshot!(format!("{patient}.{format}"), text);
        }
    }
}

#[test]
fn every_sheet_says_medicine_changes_need_the_doctor() {
    let statement = words(&approved::statement("en"));
    for (patient, file) in PATIENTS {
        for format in FORMATS {
            let text = patient_sheet(file, format);
            assert!(
                words(&text).contains(&statement),
                "{patient} {format}:\n{text}"
            );
        }
    }
}

/// Every format, the calendar too, for each patient: what a step's sheet must say, and what
/// it must never say because the source says it only of the other step.
#[test]
fn each_sheet_names_its_step_and_says_only_what_is_true_of_it() {
    for (patient, file) in PATIENTS {
        let step = step_of(patient);
        let (never, title): (Vec<&str>, &str) = match step {
            Some("trial") => (
                [IMPLANT_ONLY, &["pain pump implant"]].concat(),
                "Getting ready for your pain pump trial",
            ),
            Some(_) => (
                [TRIAL_ONLY, &["pain pump trial"]].concat(),
                "Getting ready for your pain pump implant",
            ),
            None => (
                [IMPLANT_ONLY, TRIAL_ONLY].concat(),
                "Getting ready for your pain pump trial or implant",
            ),
        };
        for format in FORMATS {
            // Terminal and plain headings are in capitals: compare in lower case.
            let text = words(&patient_sheet(file, format)).to_lowercase();
            let has = |phrase: &str| text.contains(&words(phrase).to_lowercase());
            for phrase in &never {
                assert!(!has(phrase), "{patient} {format} says {phrase:?}:\n{text}");
            }
            if format == "ics" {
                continue;
            }
            assert!(has(title), "{patient} {format}: {text}");
            assert!(has("What to expect"), "{patient} {format}");
            assert!(
                has("Made on Wednesday November 25 2026"),
                "{patient} {format}: {text}"
            );
            let expected: &[&str] = match step {
                Some("trial") => &["The trial tests if the medicine lowers your pain"],
                Some(_) => &["hockey puck", "tube (catheter)", "small cut", "90 minutes"],
                None => &["Say which step you are getting ready for"],
            };
            for phrase in expected {
                assert!(has(phrase), "{patient} {format}: {text}");
            }
        }
    }
}

/// The HTML page's title and heading name the step too.
#[test]
fn the_html_title_and_heading_name_the_step() {
    let page = sheet(Path::new("tests/fixtures/answers/implant.yaml"), "html");
    assert!(page.contains("<title>Getting ready for your pain pump implant</title>"));
    assert!(page.contains("<h1>Getting ready for your pain pump implant</h1>"));
}

/// Aspirin ticked on the blood-thinner screen and on the pain-pill screen is asked about
/// once; the patient's name is on the sheet, and room to write each answer on paper.
#[test]
fn a_medicine_named_twice_is_asked_about_once_and_paper_has_room_to_write() {
    let text = sheet(Path::new("tests/fixtures/answers/implant.yaml"), "plain");
    assert_eq!(text.matches("About Aspirin").count(), 1, "{text}");
    assert_eq!(
        text.matches("Do I need to stop Aspirin").count(),
        1,
        "{text}"
    );
    assert!(text.contains("About Aleve (naproxen)"), "{text}");
    assert!(text.contains("Name: Ann Smith"), "{text}");
    let start = text.find("\n- - - -").expect("the end of page 1");
    let end = text.find("WHAT TO EXPECT").expect("what to expect");
    let part = &text[start..end];
    let questions = part.matches("\n  - ").count();
    let rules = part
        .matches(&format!("\n\n    {}\n", "_".repeat(76)))
        .count();
    assert!(
        questions > 5 && rules == questions,
        "{questions} {rules}\n{part}"
    );
    // Skipped, the name is a blank to fill in by hand, never a to-do.
    let blank = sheet(
        Path::new("tests/fixtures/answers/no-medicines.yaml"),
        "plain",
    );
    assert!(blank.contains("Name: ______________"), "{blank}");
    assert!(!blank.contains("your name"), "{blank}");
}

#[test]
fn each_blood_thinner_the_patient_named_has_its_questions() {
    let answers = Path::new("tests/fixtures/answers/blood-thinners.yaml");
    for format in FORMATS {
        let text = words(&sheet(answers, format));
        for medicine in [
            "Plavix (clopidogrel)",
            "Eliquis (apixaban)",
            "Warfarin (Coumadin Jantoven)",
            // Typed by the patient and matched to nothing: kept as typed, still asked about.
            "Brilique",
        ] {
            for question in [
                format!("Do I need to stop {medicine} before the procedure"),
                format!("When do I start {medicine} again after the procedure"),
                format!("Should I ask the doctor who gave me {medicine}"),
            ] {
                assert!(text.contains(&question), "{format}: no {question:?}");
            }
        }
    }
}

#[test]
fn no_sheet_gives_a_stop_day_a_number_of_days_or_a_dose() {
    for (patient, file) in PATIENTS {
        let text = words(&patient_sheet(file, "plain")).to_lowercase();
        let tokens: Vec<&str> = text.split(' ').collect();
        for pair in tokens.windows(2) {
            let number = pair[0].chars().all(|c| c.is_ascii_digit());
            let unit =
                ["day", "days", "mg", "dose", "doses", "tablets", "pills"].contains(&pair[1]);
            assert!(!(number && unit), "{patient}: {} {}", pair[0], pair[1]);
        }
        assert!(!text.contains("stop taking"), "{patient}");
    }
}

#[test]
fn a_blank_sheet_says_so_on_stderr_and_lists_every_question() {
    let home = tempfile::tempdir().expect("temp dir");
    let output = prepcheck()
        .env("PREPCHECK_HOME", home.path())
        .args(["sheet", "--format", "plain"])
        .output()
        .expect("run");
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("Nothing is answered yet"), "{stderr}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("[ ] Answer: Do you take any of these blood thinners?"),
        "{stdout}"
    );
}

#[test]
fn patient_text_is_escaped_in_html_and_markdown() {
    let answers = Path::new("tests/fixtures/answers/blood-thinners.yaml");
    let html = sheet(answers, "html");
    assert!(!html.contains("<script>"), "{html}");
    assert!(html.contains("Sam &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Jo&quot;"));
    let markdown = sheet(answers, "markdown");
    assert!(
        markdown.contains("Sam \\<script\\>alert(1)\\</script\\> \\& \"Jo\""),
        "{markdown}"
    );
}

#[test]
fn control_characters_from_answers_never_reach_the_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("answers.yaml");
    std::fs::write(
        &file,
        "checklist: intrathecal-pump\nversion: 1\nanswers:\n  driver-name: \"Ann\\e[2J\\e]0;owned\\aLee\"\n",
    )
    .expect("write");
    for (format, shown) in [
        ("text", "Ann[2J]0;ownedLee"),
        ("plain", "Ann[2J]0;ownedLee"),
        ("markdown", "Ann\\[2J\\]0;ownedLee"),
    ] {
        let output = prepcheck()
            .args([
                "sheet",
                "--color",
                "always",
                "--format",
                format,
                "--answers",
            ])
            .arg(&file)
            .output()
            .expect("run");
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(
            !stdout.contains("\x1b[2J") && !stdout.contains('\x07'),
            "{format}: {stdout:?}"
        );
        assert!(stdout.contains(shown), "{format}: {stdout:?}");
    }
}

#[test]
fn colours_follow_the_color_flag_and_no_color() {
    let answers = "tests/fixtures/answers/no-medicines.yaml";
    let run = |color: &str, no_color: bool| {
        let mut command = prepcheck();
        if !no_color {
            command.env_remove("NO_COLOR");
        }
        let output = command
            .args([
                "sheet",
                "--format",
                "text",
                "--color",
                color,
                "--answers",
                answers,
            ])
            .output()
            .expect("run");
        String::from_utf8_lossy(&output.stdout).contains('\x1b')
    };
    assert!(run("always", false));
    assert!(!run("never", false));
    // Not a terminal: auto means no colours, NO_COLOR or not.
    assert!(!run("auto", false));
    assert!(!run("auto", true));
}

/// Answers that do not fit the checklist (it changed, or the file was edited) are left out
/// of the sheet, named on standard error with their line, and kept in the file.
#[test]
fn answers_that_do_not_fit_are_set_aside_with_one_line_each() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("answers.yaml");
    let text = "checklist: intrathecal-pump\nversion: 1\nanswers:\n  step: maybe\n  heart: perhaps\n  ghost: \"yes\"\n  infection: \"yes\"\n";
    std::fs::write(&file, text).expect("write");
    let output = prepcheck()
        .args(["sheet", "--format", "plain", "--answers"])
        .arg(&file)
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let name = file.display();
    for line in [
        format!(
            "{name}:4:3: item 'step': there is no choice 'maybe' (the choices are: trial, implant)"
        ),
        format!("{name}:5:3: item 'heart': expected yes or no, found 'perhaps'"),
        format!(
            "{name}:6:3: item 'ghost': there is no such question in version 4 of the checklist"
        ),
        "3 of these answers do not fit the checklist as it is now.".to_string(),
    ] {
        assert!(stderr.contains(&line), "missing {line:?} in:\n{stderr}");
    }
    // What fits is on the sheet.
    assert!(stdout.contains("I have an infection."), "{stdout}");
    assert_eq!(
        std::fs::read_to_string(&file).expect("read"),
        text,
        "the file was changed"
    );
}

#[test]
fn output_files_are_written_whole_and_take_the_format_of_their_extension() {
    let dir = tempfile::tempdir().expect("temp dir");
    let answers = "tests/fixtures/answers/no-medicines.yaml";
    for (name, starts) in [
        ("sheet.md", "# Getting ready"),
        ("sheet.html", "<!DOCTYPE html>"),
        ("sheet.txt", "Getting ready"),
        ("sheet.ics", "BEGIN:VCALENDAR"),
    ] {
        let out = dir.path().join(name);
        prepcheck()
            .args(["sheet", "--answers", answers, "--output"])
            .arg(&out)
            .assert()
            .success();
        let text = std::fs::read_to_string(&out).expect("written");
        assert!(text.starts_with(starts), "{name}: {text}");
    }
    // A folder that cannot be written: a clear error, and nothing left behind.
    let blocked = dir.path().join("file-not-folder");
    std::fs::write(&blocked, "x").expect("write");
    prepcheck()
        .args(["sheet", "--answers", answers, "--output"])
        .arg(blocked.join("sheet.txt"))
        .assert()
        .code(1)
        .stderr(predicates::str::contains("cannot write"));
}

/// Plain text is for paper: no line is wider than 80 columns, however long the names a
/// patient typed or a checklist gave.
#[test]
fn plain_lines_fit_in_80_columns_whatever_was_typed() {
    let fixture =
        std::fs::read_to_string("tests/fixtures/answers/blood-thinners.yaml").expect("fixture");
    let long = "the extra strength store brand blood thinning tablets my neighbour gave me";
    let answers = fixture
        .replace("typed: [Brilique]", &format!("typed: [\"{long}\"]"))
        .replace(
            "clearance-from: Dr. Patel, my heart doctor",
            &format!("clearance-from: Dr. Patel {}", "and her nurse ".repeat(10)),
        );
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("answers.yaml");
    std::fs::write(&path, answers).expect("answers");
    let text = sheet(&path, "plain");
    assert!(text.contains("About the extra strength"), "{text}");
    for line in text.lines() {
        assert!(
            console::measure_text_width(line) <= 80,
            "{} columns: {line}",
            console::measure_text_width(line)
        );
    }
}

/// An answer that starts like Markdown structure (a list, a rule, a code block) stays text,
/// and invisible or direction-changing characters reach no format.
#[test]
fn answers_cannot_change_the_structure_of_a_sheet_or_hide_in_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let invisible = [
        '\u{200B}', '\u{200D}', '\u{2060}', '\u{FEFF}', '\u{2028}', '\u{061C}', '\u{202E}',
    ];
    for (typed, shown) in [
        ("- Ann", "\\- Ann will come with you."),
        ("1. Ann", "1\\. Ann will come with you."),
        ("---", "\\--- will come with you."),
        ("    Ann", "Ann will come with you."),
    ] {
        let hidden: String = invisible.iter().collect();
        let file = dir.path().join("answers.yaml");
        std::fs::write(
            &file,
            format!("checklist: mini\nversion: 2\nanswers:\n  friend: \"{typed}{hidden}\"\n"),
        )
        .expect("write");
        for format in FORMATS.iter().chain(&["ics"]) {
            let output = prepcheck()
                .args(["--checklists", "tests/fixtures/mini", "sheet", "mini"])
                .args(["--format", format, "--answers"])
                .arg(&file)
                .output()
                .expect("run");
            assert!(
                output.status.success(),
                "{}",
                String::from_utf8_lossy(&output.stderr)
            );
            let text = String::from_utf8_lossy(&output.stdout);
            for c in invisible {
                assert!(
                    !text.contains(c),
                    "{format}: U+{:04X} in {text:?}",
                    c as u32
                );
            }
            if *format == "markdown" {
                // The line separator among the hidden characters becomes a space.
                let shown = shown.replace(" will", "  will");
                assert!(text.contains(&format!("\n{shown}\n")), "{typed:?}:\n{text}");
            }
        }
    }
}

/// A typed answer longer than any name needs is set aside with a clear
/// message (here two of 440 KB), and the sheet is printed without it in every format.
#[test]
fn an_answer_longer_than_the_limit_is_set_aside() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("answers.yaml");
    let long = "Zoë 李 ".repeat(55_000);
    std::fs::write(
        &file,
        format!(
            "checklist: intrathecal-pump\nversion: 4\nanswers:\n  driver-name: \"{long}\"\n  \
             blood-thinners: {{known: [], typed: [\"{long}\"]}}\n"
        ),
    )
    .expect("write");
    for format in FORMATS.iter().chain(&["ics"]) {
        let output = prepcheck()
            .args(["sheet", "--format", format, "--answers"])
            .arg(&file)
            .timeout(std::time::Duration::from_secs(20))
            .output()
            .expect("run");
        assert!(output.status.success(), "{format}");
        let said = String::from_utf8_lossy(&output.stderr);
        assert!(
            said.contains("item 'driver-name': the answer is longer than 200 letters"),
            "{said}"
        );
        assert!(
            said.contains("item 'blood-thinners': a medicine's name is longer than 200 letters"),
            "{said}"
        );
        assert!(
            output.stdout.len() < 100_000,
            "{format}: {} bytes",
            output.stdout.len()
        );
    }
}

/// The plain sheet (for paper) asks about medicines before anything else: blood thinners,
/// then pain medicines, then supplements, then the other questions about medicines, each
/// kind after the statement; the general questions come after them, by topic, and all of
/// it after page 1.
#[test]
fn the_plain_sheet_lists_medicine_questions_before_general_ones() {
    let statement = approved::statement("en");
    for (patient, file) in PATIENTS {
        let text = patient_sheet(file, "plain");
        let page_one = text.find("\n- - - -").expect("the end of page 1");
        let at = |heading: &str| text.find(&approved::message("en", heading).to_uppercase());
        let kinds: Vec<usize> = [
            "sheet-questions-blood-thinners",
            "sheet-questions-pain-medicines",
            "sheet-questions-supplements",
            "sheet-questions-other-medicines",
        ]
        .iter()
        .filter_map(|heading| at(heading))
        .collect();
        assert!(
            !kinds.is_empty(),
            "{patient}: no medicine questions:\n{text}"
        );
        assert!(kinds.is_sorted(), "{patient}: {kinds:?}\n{text}");
        let general = at("sheet-questions-more").expect("the general questions");
        assert!(page_one < kinds[0], "{patient}");
        assert!(kinds.iter().all(|k| *k < general), "{patient}:\n{text}");
        for kind in kinds {
            let next_question = kind + text[kind..].find("\n  - ").expect("a question");
            // The statement's words, without the box drawn around them.
            let between: Vec<&str> = text[kind..next_question]
                .split_whitespace()
                .filter(|w| !w.chars().all(|c| "+-|".contains(c)))
                .collect();
            assert!(
                between.join(" ").contains(&statement),
                "{patient}: no statement before the questions at {kind}:\n{text}"
            );
        }
        if let Some(about) = text.find("\nAbout ") {
            assert!(
                about < general,
                "{patient}: a medicine after the general questions"
            );
        }
    }
}

/// A patient who takes a blood thinner, ticked or typed, has a call to make on page 1, in
/// either language: it names the medicines, and says neither what to do with them nor
/// when. A patient who takes none has no such call.
#[test]
fn a_blood_thinner_means_a_call_on_page_one() {
    let calls = [
        (
            "en",
            "tests/fixtures/answers/blood-thinners.yaml",
            "Call your care team soon about your blood thinners: Plavix (clopidogrel), \
             Eliquis (apixaban), Warfarin (Coumadin, Jantoven) and Brilique.",
        ),
        (
            "es",
            "tests/fixtures/answers/blood-thinners.yaml",
            "Llame pronto a su equipo de salud para hablar de sus medicinas para adelgazar la \
             sangre: Plavix (clopidogrel), Eliquis (apixabán), Warfarina (Coumadin, Jantoven, \
             Aldocumar) y Brilique.",
        ),
        (
            "en",
            "tests/fixtures/answers/implant-trial-failed.yaml",
            "Call your care team soon about your blood thinner: Aspirin (Bayer Aspirin, \
             Ecotrin, Bufferin, Durlaza).",
        ),
    ];
    for (lang, file, call) in calls {
        let output = prepcheck()
            .args([
                "--lang",
                lang,
                "sheet",
                "--format",
                "plain",
                "--answers",
                file,
            ])
            .output()
            .expect("run");
        let text = String::from_utf8_lossy(&output.stdout);
        let (page_one, _) = text.split_once("\n- - - -").expect("page 1");
        let flat = page_one.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            flat.contains(&format!("[ ] {call}")),
            "{lang} {file}:\n{page_one}"
        );
    }
    let none = sheet(
        Path::new("tests/fixtures/answers/no-medicines.yaml"),
        "plain",
    );
    assert!(!none.contains("blood thinner"), "{none}");
}
