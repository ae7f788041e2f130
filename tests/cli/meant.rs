//! Every answer saved as the patient meant it (issue 19): medicine lists that understand
//! typing, dates and times read back in the patient's language, nothing dropped by going
//! back, the count of questions, small screens and the screen-reader mode. Each test walks
//! as a patient: in a real pseudo-terminal, in English and Spanish, at 80x24 and 40x20, or
//! through a pipe that stays open, with lines arriving several to a write.

use std::path::Path;

use crate::approved;
use crate::common::{OpenPipe, assert_shows};
use crate::prepcheck;
use crate::pty::{BACKSPACE, CTRL_C, DOWN, ENTER, ESC, Patient, SPACE, ask_es, ask_of, flat};

const SMALL: (u16, u16) = (40, 20);
const USUAL: (u16, u16) = (80, 24);

fn saved(home: &Path) -> String {
    std::fs::read_to_string(home.join("answers/intrathecal-pump.yaml")).expect("answers saved")
}

/// Answers saved before, as a file holds them: `lines` under `answers:`.
fn answered(home: &Path, lang: &str, lines: &str) {
    let folder = home.join("answers");
    std::fs::create_dir_all(&folder).expect("folder");
    let file =
        format!("checklist: intrathecal-pump\nversion: 4\nlanguage: {lang}\nanswers:\n{lines}");
    std::fs::write(folder.join("intrathecal-pump.yaml"), file).expect("write answers");
}

/// A trial patient's answers up to the medicines: the procedure, the ride, the care team.
const UP_TO_THE_MEDICINES: &str = "  patient-name: Ann\n  step: trial\n  trial-info: seen\n  procedure-date: \"2026-12-10\"\n  arrival-time: \"07:30\"\n  driver-name: Maria Lopez\n  driver-phone: 555-201-3344\n  care-team-name: Valley Pain Clinic\n  care-team-phone: 555-010-2000\n";

/// A trial patient's answers up to the questions about medicines.
const UP_TO_THE_MEDICINE_QUESTIONS: &str = "  patient-name: Ann\n  step: trial\n  trial-info: seen\n  procedure-date: \"2026-12-10\"\n  arrival-time: \"07:30\"\n  driver-name: Maria Lopez\n  driver-phone: 555-201-3344\n  care-team-name: Valley Pain Clinic\n  care-team-phone: 555-010-2000\n  blood-thinners: {known: [], typed: []}\n  pain-relievers: {known: [], typed: []}\n  supplements: {known: [], typed: []}\n";

/// A trial patient's answers up to the health questions.
const UP_TO_THE_HEART: &str = "  patient-name: Ann\n  step: trial\n  trial-info: seen\n  procedure-date: \"2026-12-10\"\n  arrival-time: \"07:30\"\n  driver-name: Maria Lopez\n  driver-phone: 555-201-3344\n  care-team-name: Valley Pain Clinic\n  care-team-phone: 555-010-2000\n  blood-thinners: {known: [], typed: []}\n  pain-relievers: {known: [], typed: []}\n  supplements: {known: [], typed: []}\n  medicine-questions: [other-medicines]\n";

/// A walk in a terminal of `size`, in `lang`, that carries on from answers saved before.
fn carry_on(home: &Path, lang: &str, size: (u16, u16)) -> Patient {
    let mut p = Patient::start_with(
        home,
        &[],
        size,
        &[("NO_COLOR", "1"), ("PREPCHECK_LANG", lang)],
    );
    let carry = if lang == "es" {
        "Seguir donde paré"
    } else {
        "Carry on where I stopped"
    };
    p.shows(carry);
    p.press(ENTER);
    p
}

fn ask(lang: &str, id: &str) -> String {
    if lang == "es" { ask_es(id) } else { ask_of(id) }
}

/// The patient of the issue, at 80x24: she types her medicines' names (misspelt, run
/// together) on the lists, presses Esc twice in the middle, types `next thurs` on a
/// Wednesday and `7.30am`; the file and the sheet hold apixaban, aspirin and fish oil, and
/// the Thursday she meant.
#[test]
fn the_patient_of_the_issue_walks_the_whole_way() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut p = Patient::start_with(home.path(), &[], USUAL, &[("NO_COLOR", "1")]);
    p.sees("Each answer is saved at once").press(ENTER);
    p.on(&ask_of("patient-name")).types("Rosa Diaz");
    p.on(&ask_of("step"));
    // A habitual Enter answers nothing: no row starts chosen.
    p.press(ENTER);
    p.shows("Choose one with the arrows, then press Enter.");
    p.press(DOWN).press(ENTER);
    p.on(&ask_of("trial-info")).press(ENTER);
    p.on(&ask_of("procedure-date")).types("next thurs");
    let which = p.shows("Which Thursday do you mean?").join("\n");
    assert_shows(
        &which,
        &[
            "Thursday, November 26, 2026 (tomorrow)",
            "Thursday, December 3, 2026 (in 8 days)",
        ],
    );
    p.press(DOWN).press(DOWN).press(ENTER);
    p.on(&ask_of("arrival-time")).types("7.30am");
    p.shows("7:30 in the morning. Is that right?");
    p.press(ENTER);
    p.shows("Choose Yes or No, then press Enter.");
    p.answers(true);
    p.on(&ask_of("driver-name")).types("Maria Lopez");
    p.on(&ask_of("driver-phone")).types("555-201-3344");
    p.on(&ask_of("care-team-name")).types("Valley Pain Clinic");
    p.on(&ask_of("care-team-phone")).types("555-010-2000");
    p.on(&ask_of("blood-thinners"));
    p.press("eliquis");
    p.shows("> [ ] Eliquis (apixaban)");
    p.press(ENTER);
    p.shows("> [x] Eliquis (apixaban)");
    p.press("baby asprin");
    p.shows("> [ ] Aspirin");
    p.press(ENTER);
    p.shows("> [x] Aspirin");
    p.press(ENTER);
    p.on(&ask_of("pain-relievers")).press(ENTER);
    p.shows("You take none of these?");
    p.answers(true);
    p.on(&ask_of("supplements")).press("fishoil");
    p.shows("> [ ] Fish oil");
    p.press(ENTER);
    p.shows("> [x] Fish oil");
    // Esc twice, in the middle: back two questions, nothing lost.
    p.press(ESC);
    p.shows(&ask_of("pain-relievers"));
    p.press(ESC);
    let back = p.shows(&ask_of("blood-thinners")).join("\n");
    assert_shows(&back, &["[x] Eliquis (apixaban)", "[x] Aspirin"]);
    let file = saved(home.path());
    assert_shows(&file, &["- apixaban", "- aspirin", "- fish-oil"]);
    p.press(ENTER);
    // The supplements come again, as they were left: not skipped.
    p.on(&ask_of("supplements"));
    p.shows("Your answer now: Fish oil");
    p.press(ENTER);
    p.on(&ask_of("medicine-questions")).press(ENTER);
    p.on(&ask_of("heart")).answers(false);
    p.on(&ask_of("bleeding-disorder")).answers(false);
    p.on(&ask_of("infection")).answers(false);
    p.on(&ask_of("history-info")).press(ENTER);
    p.on(&ask_of("before-questions")).press(ENTER);
    p.on(&ask_of("trial-questions")).press(ENTER);
    p.on(&ask_of("after-questions")).press(ENTER);
    let (screen, code) = p.finish();
    assert_eq!(code, 0, "{screen}");
    let file = saved(home.path());
    assert_shows(
        &file,
        &[
            "procedure-date: \"2026-12-03\"",
            "arrival-time: 07:30",
            "- apixaban",
            "- aspirin",
            "- fish-oil",
        ],
    );
    let sheet = flat(&screen);
    assert_shows(
        &sheet,
        &[
            "Date: Thursday, December 3, 2026 (in 8 days)",
            "Arrive at: 7:30 AM",
            "Call your care team soon about your blood thinners: Aspirin (Bayer Aspirin, \
             Ecotrin, Bufferin, Durlaza) and Eliquis (apixaban).",
            "About Eliquis (apixaban), a blood thinner",
            "About Aspirin",
            "Does Fish oil (omega-3) matter for my procedure?",
        ],
    );
    // The health record says so too.
    let export = prepcheck()
        .env("PREPCHECK_HOME", home.path())
        .args(["export", "response"])
        .output()
        .expect("export");
    let export = String::from_utf8_lossy(&export.stdout);
    assert_shows(&export, &["apixaban", "aspirin", "fish"]);
}

/// Letters typed on a list find its rows through the walk's matcher; Enter ticks the row
/// and saves it at once; a name nobody knows is offered to add; Enter with nothing ticked
/// asks, with the statement, whether none is meant. English and Spanish, 80x24 and 40x20.
#[test]
fn letters_typed_on_a_list_find_its_rows() {
    for (lang, size) in [("en", USUAL), ("es", SMALL), ("en", SMALL), ("es", USUAL)] {
        let home = tempfile::tempdir().expect("temp dir");
        answered(home.path(), lang, UP_TO_THE_MEDICINES);
        let mut p = carry_on(home.path(), lang, size);
        p.shows(&ask(lang, "blood-thinners"));
        p.press("eliq");
        let typed = if lang == "es" {
            "Escribió: eliq"
        } else {
            "You typed: eliq"
        };
        let screen = p.shows(typed);
        let text = screen.join("\n");
        if (lang, size) == ("en", USUAL) {
            println!("The blood-thinner list after typing eliq, {size:?}:\n{text}\n");
        }
        assert!(
            text.contains("> [ ] Eliquis (apixab"),
            "{lang} {size:?}:\n{text}"
        );
        assert!(!text.contains("Plavix"), "only the rows found:\n{text}");
        assert!(screen[0].starts_with(if lang == "es" {
            "Pregunta 10 de"
        } else {
            "Question 10 of"
        }));
        let start = approved::statement_start(lang);
        assert!(flat(&text).contains(&format!("! {}", start.trim_end_matches('.'))));
        p.press(ENTER);
        p.shows("[x] Eliquis");
        assert!(
            saved(home.path()).contains("- apixaban"),
            "{lang}: saved at once"
        );
        // A name the list does not know, offered on the same screen.
        p.press("Zorbinol");
        p.shows(if lang == "es" {
            "[+] Añadir \"Zorbinol\" como otra medicina"
        } else {
            "[+] Add \"Zorbinol\" as another medicine"
        });
        p.press(ENTER);
        p.shows("[x] Zorbinol");
        assert!(
            saved(home.path()).contains("- Zorbinol"),
            "{lang}: saved at once"
        );
        // Backspace changes what is typed; Esc clears it, and does not go back.
        p.press("warf");
        p.shows("Warfarin");
        p.press(BACKSPACE).press(ESC);
        p.shows("[x] Eliquis");
        p.press(ENTER);
        p.shows(&ask(lang, "pain-relievers"));
        p.press(ENTER);
        let none = if lang == "es" {
            "¿No toma ninguna de estas?"
        } else {
            "You take none of these?"
        };
        let screen = flat(&p.shows(none).join(" "));
        assert!(
            screen.contains("! "),
            "the statement on the question: {screen}"
        );
        assert!(
            !saved(home.path()).contains("pain-relievers"),
            "nothing saved unasked"
        );
        p.press("n").press(ENTER);
        p.shows(&ask(lang, "pain-relievers"));
        p.press(CTRL_C);
        assert_eq!(p.finish().1, 130, "{lang} {size:?}");
        assert!(
            !saved(home.path()).contains("pain-relievers"),
            "{lang}: not none"
        );
    }
}

/// Every tick is saved when it is made: Esc on a list, then Ctrl-C on another screen, keeps
/// what was ticked; in English at 80x24 and in Spanish at 40x20.
#[test]
fn esc_and_ctrl_c_keep_what_was_ticked() {
    for (lang, size) in [("en", USUAL), ("es", SMALL)] {
        let home = tempfile::tempdir().expect("temp dir");
        answered(home.path(), lang, UP_TO_THE_MEDICINES);
        let mut p = carry_on(home.path(), lang, size);
        p.shows(&ask(lang, "blood-thinners"));
        p.press(DOWN).press(SPACE);
        p.shows("> [x] Plavix");
        p.press(ESC);
        p.shows(&ask(lang, "care-team-phone"));
        assert!(saved(home.path()).contains("- clopidogrel"), "{lang}");
        p.press(CTRL_C);
        assert_eq!(p.finish().1, 130);
        assert!(saved(home.path()).contains("- clopidogrel"), "{lang}: kept");
    }
}

/// Spanish reads a date day first, English month first; each hint shows only examples
/// that read the same to its reader; the read-back says how far the day is.
#[test]
fn dates_are_read_as_each_language_writes_them() {
    let cases = [
        (
            "es",
            USUAL,
            "10/12",
            "jueves, 10 de diciembre de 2026 (en 15 días). ¿Está bien?",
        ),
        (
            "es",
            SMALL,
            "10/12",
            "jueves, 10 de diciembre de 2026 (en 15 días). ¿Está bien?",
        ),
        (
            "en",
            USUAL,
            "12/10",
            "Thursday, December 10, 2026 (in 15 days). Is that right?",
        ),
        (
            "en",
            SMALL,
            "thursday next week",
            "Thursday, December 3, 2026 (in 8 days). Is that right?",
        ),
        (
            "es",
            USUAL,
            "el jueves de la semana que viene",
            "jueves, 3 de diciembre de 2026 (en 8 días). ¿Está bien?",
        ),
    ];
    for (lang, size, typed, read_back) in cases {
        let home = tempfile::tempdir().expect("temp dir");
        answered(
            home.path(),
            lang,
            "  patient-name: Ann\n  step: trial\n  trial-info: seen\n",
        );
        let mut p = carry_on(home.path(), lang, size);
        let hint = flat(&p.shows(&ask(lang, "procedure-date")).join(" "));
        let example = if lang == "es" { "10 de dic" } else { "Dec 10" };
        assert!(hint.contains(example), "{hint}");
        assert!(!hint.contains("12/10/2026"), "{hint}");
        p.types(typed);
        let screen = p.shows(read_back).join("\n");
        if (lang, size, typed) == ("es", USUAL, "10/12") {
            println!("10/12 read back in Spanish, {size:?}:\n{screen}\n");
        }
        p.answers(true);
        p.shows(&ask(lang, "arrival-time"));
        p.press(CTRL_C);
        assert_eq!(p.finish().1, 130);
        let day = if read_back.contains("10 de") || read_back.contains("December 10") {
            "2026-12-10"
        } else {
            "2026-12-03"
        };
        assert!(saved(home.path()).contains(day), "{lang} {typed}");
    }
}

/// "next thurs" on a Wednesday asks which Thursday, each with how far it is.
#[test]
fn next_thursday_on_a_wednesday_asks_which() {
    let home = tempfile::tempdir().expect("temp dir");
    answered(
        home.path(),
        "es",
        "  patient-name: Ana\n  step: trial\n  trial-info: seen\n",
    );
    let mut p = carry_on(home.path(), "es", SMALL);
    p.shows(&ask_es("procedure-date"));
    p.types("el próximo jueves");
    let screen = p.shows("¿Qué jueves quiere decir?").join("\n");
    assert_shows(
        &flat(&screen),
        &[
            "jueves, 26 de noviembre de 2026 (mañana)",
            "jueves, 3 de diciembre de 2026 (en 8 días)",
        ],
    );
    p.press(DOWN).press(ENTER);
    p.shows(&ask_es("arrival-time"));
    assert!(saved(home.path()).contains("procedure-date: \"2026-11-26\""));
    p.press(CTRL_C);
    assert_eq!(p.finish().1, 130);
}

/// Times are read back in words; from 1:00 to 6:59 without morning or afternoon the patient
/// says which; Spanish times of day are understood.
#[test]
fn times_are_read_back_and_early_hours_ask_morning_or_afternoon() {
    let before = "  patient-name: Ann\n  step: trial\n  trial-info: seen\n  procedure-date: \"2026-12-10\"\n";
    for (lang, size) in [("en", USUAL), ("es", SMALL)] {
        let home = tempfile::tempdir().expect("temp dir");
        answered(home.path(), lang, before);
        let mut p = carry_on(home.path(), lang, size);
        p.shows(&ask(lang, "arrival-time"));
        p.types("1:30");
        let (which, afternoon) = if lang == "es" {
            ("¿Es de la mañana o de la tarde?", "1:30 de la tarde")
        } else {
            (
                "Is that in the morning or in the afternoon?",
                "1:30 in the afternoon",
            )
        };
        let screen = flat(&p.shows(which).join(" "));
        assert!(screen.contains(afternoon), "{screen}");
        // Esc goes back to the time typed, to type it another way.
        p.press(ESC);
        p.shows("1:30");
        p.press("\x15");
        let (typed, read_back, file) = if lang == "es" {
            (
                "8 de la noche",
                "8:00 de la noche. ¿Está bien?",
                "arrival-time: \"20:00\"",
            )
        } else {
            (
                "8 in the morning",
                "8:00 in the morning. Is that right?",
                "arrival-time: 08:00",
            )
        };
        p.types(typed);
        p.shows(read_back);
        p.answers(true);
        p.shows(&ask(lang, "driver-name"));
        assert!(
            saved(home.path()).contains(file),
            "{lang}: {}",
            saved(home.path())
        );
        p.press(CTRL_C);
        assert_eq!(p.finish().1, 130);
    }
}

/// A new date shows the arrival time and the ride again, with their answers, to keep or
/// change; the walk does not end before. English at 80x24, Spanish at 40x20.
#[test]
fn a_changed_date_asks_again_for_the_time_and_the_ride() {
    for (lang, size) in [("en", USUAL), ("es", SMALL)] {
        let home = tempfile::tempdir().expect("temp dir");
        let fixture = std::fs::read_to_string("tests/fixtures/answers/blood-thinners.yaml")
            .expect("fixture")
            .replace("arrival-time: ~", "arrival-time: \"07:30\"")
            .replace("driver-phone: ~", "driver-phone: 555-201-3344")
            .replace("answers:\n", "answers:\n  patient-name: ~\n");
        std::fs::create_dir_all(home.path().join("answers")).expect("dir");
        std::fs::write(home.path().join("answers/intrathecal-pump.yaml"), fixture).expect("write");
        let mut p = Patient::start_with(
            home.path(),
            &[],
            size,
            &[("NO_COLOR", "1"), ("PREPCHECK_LANG", lang)],
        );
        let (what_now, which) = if lang == "es" {
            ("¿Qué quiere hacer?", "¿Qué respuesta quiere cambiar?")
        } else {
            (
                "What would you like to do?",
                "Which answer do you want to change?",
            )
        };
        p.on(what_now).press(DOWN).press(ENTER);
        // The answers to change, in order: the name, the step, then the date.
        p.on(which).press(DOWN).press(DOWN).press(ENTER);
        p.on(&ask(lang, "procedure-date")).press("\x15");
        let (typed, read_back) = if lang == "es" {
            (
                "17 de dic",
                "jueves, 17 de diciembre de 2026 (en 22 días). ¿Está bien?",
            )
        } else {
            (
                "Dec 17",
                "Thursday, December 17, 2026 (in 22 days). Is that right?",
            )
        };
        p.types(typed).on(read_back).answers(true);
        let time = flat(&p.shows(&ask(lang, "arrival-time")).join(" "));
        let (again, now) = if lang == "es" {
            (
                "Con ese cambio, revise otra vez estas respuestas",
                "Su respuesta ahora: 7:30",
            )
        } else {
            (
                "With that change, please check these answers again",
                "Your answer now: 7:30 AM",
            )
        };
        assert_shows(&time, &[again, now]);
        p.press(ENTER);
        p.on(&ask(lang, "driver-name")).press(ENTER);
        p.on(&ask(lang, "driver-phone")).press(ENTER);
        let (screen, code) = p.finish();
        assert_eq!(code, 0, "{lang}: {screen}");
        let file = saved(home.path());
        assert_shows(
            &file,
            &[
                "procedure-date: \"2026-12-17\"",
                "arrival-time: 07:30",
                "driver-phone: 555-201-3344",
            ],
        );
    }
}

/// At 40x20 the progress line and the statement stay on top of the long screens (the
/// welcome, what to expect at the implant, the questions for the care team); the rest
/// pages, and Enter reads on before it goes on.
#[test]
fn small_screens_keep_the_progress_and_the_statement_on_top() {
    for lang in ["en", "es"] {
        let statement = if lang == "es" {
            "! Solo su médico"
        } else {
            "! Only your doctor"
        };
        let question = if lang == "es" {
            "Pregunta "
        } else {
            "Question "
        };
        let home = tempfile::tempdir().expect("temp dir");
        answered(
            home.path(),
            lang,
            "  patient-name: Ann\n  step: implant\n  trial-helped: \"yes\"\n",
        );
        let mut p = carry_on(home.path(), lang, SMALL);
        let mut screen = p.shows(&ask(lang, "implant-info"));
        let mut pages = 0;
        let go_on = if lang == "es" {
            "Bien, seguir"
        } else {
            "OK, go on"
        };
        while !screen.join("\n").contains(go_on) {
            assert!(screen[0].starts_with(question), "{lang}: {screen:#?}");
            assert!(screen[2].starts_with(statement), "{lang}: {screen:#?}");
            assert!(screen.iter().all(|l| l.chars().count() <= 40));
            pages += 1;
            assert!(pages < 10, "{screen:#?}");
            p.press(ENTER);
            screen = p.screen();
        }
        assert!(pages >= 1, "{lang}: the implant screen pages at 40x20");
        assert!(screen[0].starts_with(question), "{lang}: {screen:#?}");
        p.press(CTRL_C);
        assert_eq!(p.finish().1, 130);
    }
    // The questions about medicines for the care team: the statement on top.
    for lang in ["en", "es"] {
        let home = tempfile::tempdir().expect("temp dir");
        answered(home.path(), lang, UP_TO_THE_MEDICINE_QUESTIONS);
        let mut p = carry_on(home.path(), lang, SMALL);
        let screen = p.shows(&ask(lang, "medicine-questions"));
        let text = screen.join("\n");
        assert!(screen[0].starts_with(if lang == "es" { "Pregunta" } else { "Question" }));
        assert!(screen[2].starts_with("! "), "{text}");
        assert!(
            text.contains("más abajo)") || text.contains("more lines below)"),
            "{text}"
        );
        p.press(CTRL_C);
        assert_eq!(p.finish().1, 130);
    }
    // The welcome, in Spanish (the longer): the statement on top.
    let home = tempfile::tempdir().expect("temp dir");
    let mut p = Patient::start_with(
        home.path(),
        &[],
        SMALL,
        &[("NO_COLOR", "1"), ("PREPCHECK_LANG", "es")],
    );
    let screen = p.shows("Prepararse para la prueba");
    assert!(screen[0].starts_with("! Solo su médico"), "{screen:#?}");
    let pages = p.reads_to("Bien, seguir");
    assert!(pages.len() > 20, "the Spanish welcome pages at 40x20");
    p.press(CTRL_C);
    assert_eq!(p.finish().1, 130);
}

/// Enter with nothing chosen says what to do; no row of a one-choice list starts chosen;
/// Y and N (S and N) choose on any list of Yes and No.
#[test]
fn a_choice_is_made_by_the_patient_not_by_a_habitual_enter() {
    for (lang, size) in [("en", USUAL), ("es", SMALL)] {
        let home = tempfile::tempdir().expect("temp dir");
        answered(home.path(), lang, "  patient-name: Ann\n  step: implant\n");
        let mut p = carry_on(home.path(), lang, size);
        let screen = p.shows(&ask(lang, "trial-helped"));
        assert!(!screen.iter().any(|l| l.starts_with("> ")), "{screen:#?}");
        p.press(ENTER);
        p.shows(if lang == "es" {
            "Elija una con las flechas y oprima Enter."
        } else {
            "Choose one with the arrows, then press Enter."
        });
        p.press(if lang == "es" { "s" } else { "y" });
        p.shows(if lang == "es" { "> Sí" } else { "> Yes" });
        p.press(ENTER);
        p.shows(&ask(lang, "implant-info"));
        p.press(CTRL_C);
        assert_eq!(p.finish().1, 130);
        assert!(saved(home.path()).contains("trial-helped: \"yes\""));

        // A yes-or-no question: Enter alone says what to do, and saves nothing.
        let home = tempfile::tempdir().expect("temp dir");
        answered(home.path(), lang, UP_TO_THE_HEART);
        let mut p = carry_on(home.path(), lang, size);
        p.on(&ask(lang, "heart")).press(ENTER);
        p.shows(if lang == "es" {
            "Elija Sí o No y oprima Enter."
        } else {
            "Choose Yes or No, then press Enter."
        });
        assert!(!saved(home.path()).contains("heart"));
        p.answers(false);
        p.on(&ask(lang, "bleeding-disorder")).press(CTRL_C);
        assert_eq!(p.finish().1, 130);
        assert!(saved(home.path()).contains("heart: \"no\""));
    }
}

/// One "Sorry" (or "Perdón") before what went wrong, and the count that may grow says so.
#[test]
fn sorry_is_said_once_and_the_count_says_more_may_follow() {
    for (lang, sorry) in [
        ("en", "Sorry: I could not read \"soon\" as a date."),
        ("es", "Perdón: No pude leer \"soon\" como fecha."),
    ] {
        let home = tempfile::tempdir().expect("temp dir");
        answered(
            home.path(),
            lang,
            "  patient-name: Ann\n  step: trial\n  trial-info: seen\n",
        );
        let mut p = carry_on(home.path(), lang, USUAL);
        let screen = flat(&p.shows(&ask(lang, "procedure-date")).join(" "));
        assert!(
            screen.contains(if lang == "es" {
                "de al menos"
            } else {
                "of at least"
            }),
            "{screen}"
        );
        p.types("soon");
        let screen = flat(&p.shows(sorry).join(" "));
        assert!(!screen.contains("Sorry: Sorry") && !screen.contains("Perdón: Perdón"));
        p.press(CTRL_C);
        assert_eq!(p.finish().1, 130);
    }
}

/// Screen-reader mode through a pipe that stays open: lines arriving in one write are all
/// answered in order before it waits; a list line mixes numbers and names and is read back
/// before it is saved; "si" chooses "Sí"; a line that is not UTF-8 is asked again; what was
/// typed is never echoed with its control characters.
#[test]
fn screen_reader_lines_arriving_together_are_all_answered() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut walk = OpenPipe::start(home.path(), &["--lang", "es"]);
    walk.hears("Oprima Enter para seguir.");
    // The welcome, the name, and an answer with an escape sequence in it: shown back
    // without its escape.
    walk.write(b"\nAna\n\x1b[31mdos\n");
    walk.hears("Perdón: \"[31mdos\" no es una de las respuestas.");
    // The implant, and "si" for "Sí", in one write.
    walk.write(b"2\nsi\n");
    walk.hears(&ask_es("implant-info")).hears("> ");
    walk.write(b"\n10/12\nsi\n8 de la manana\nsi\n\n\n\n\n");
    walk.hears("jueves, 10 de diciembre de 2026 (en 15 días). ¿Está bien?");
    walk.hears("8:00 de la mañana. ¿Está bien?");
    walk.hears(&ask_es("blood-thinners"))
        .hears("22. Ninguna de estas");
    // Not UTF-8: asked again, in Spanish; a number past the list, said what is wrong.
    walk.write(b"\xff\xfe\n");
    walk.hears("Perdón, no pude leer eso. Escríbalo otra vez, por favor.");
    walk.write(b"99\n");
    walk.hears("Perdón: \"99\" no es uno de los números.");
    walk.write(b"3, sintrom, ibuprofeno\n");
    walk.hears("Usted toma: Eliquis (apixabán), ");
    walk.hears("y Ibuprofeno (Advil, Motrin, Espidifen, Neobrufen, Dalsy). ¿Está bien?");
    assert!(
        !saved(home.path()).contains("blood-thinners"),
        "read back before it is saved"
    );
    walk.write(b"si\n");
    walk.hears(&ask_es("pain-relievers"));
    let file = saved(home.path());
    assert_shows(
        &file,
        &[
            "- apixaban",
            "- ibuprofen",
            "trial-helped: \"yes\"",
            "arrival-time: 08:00",
            "procedure-date: \"2026-12-10\"",
        ],
    );
    assert!(
        file.contains("sintrom") || file.contains("acenocoumarol"),
        "{file}"
    );
    // Enter alone with nothing ticked is never "none" unasked: the next Enter is asked.
    walk.write(b"\n");
    walk.hears("¿No toma ninguna de estas?");
    let (code, heard, _) = walk.finish();
    assert_eq!(code, Some(129), "{heard}");
    assert!(!heard.contains('\u{1b}'), "no escape codes: {heard:?}");
    assert!(!saved(home.path()).contains("pain-relievers"));
}

/// The same in English: a pasted block (a list line of names, a date, a time) answered
/// line by line while the pipe stays open.
#[test]
fn screen_reader_in_english_answers_a_pasted_block() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut walk = OpenPipe::start(home.path(), &[]);
    walk.hears("Press Enter to go on.");
    walk.write(b"\nAnn\nthe trial\n\nnext thurs\n2\n1:30\n2\n\n\n\n\n");
    walk.hears("Which Thursday do you mean?");
    walk.hears("1. Thursday, November 26, 2026 (tomorrow)");
    walk.hears("2. Thursday, December 3, 2026 (in 8 days)");
    walk.hears("Is that in the morning or in the afternoon?");
    walk.hears(&ask_of("blood-thinners"))
        .hears("22. None of these");
    walk.write(b"eliquis and baby asprin\nyes\n");
    walk.hears("You take: Eliquis (apixaban) and Aspirin (Bayer Aspirin, Ecotrin, Bufferin, Durlaza). Is that right?");
    walk.hears(&ask_of("pain-relievers"));
    let file = saved(home.path());
    assert_shows(
        &file,
        &[
            "step: trial",
            "procedure-date: \"2026-12-03\"",
            "arrival-time: \"13:30\"",
            "- aspirin",
            "- apixaban",
        ],
    );
    let (code, heard, _) = walk.finish();
    assert_eq!(code, Some(129), "{heard}");
}
