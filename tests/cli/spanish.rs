//! The whole patient path in Spanish: the walk (through a pipe and in a terminal), the
//! sheet in every format, the reminders, and the checks of translation files. Nothing of the
//! English interface may show on a Spanish screen or sheet.

use std::path::Path;

use crate::approved;
use crate::common::{assert_shows, folder, root, run, typed_lines, walk_through_a_pipe, write};
use crate::prepcheck;
use crate::print::{available, parse_calendar};
use crate::pty::{CTRL_C, DOWN, ENTER, Patient};

/// A whole walk in Spanish through a pipe: what it printed, and the sheet at the end.
pub fn walk_es(home: &Path, typed: &[&str]) -> (i32, String, String) {
    let (code, said, sheet) = walk_through_a_pipe(home, &["--lang", "es"], &typed_lines(typed));
    (code.unwrap_or(-1), said, sheet)
}

/// A Spanish trial patient on warfarin (typed in Spanish) with a heart problem.
pub const TRIAL: &[&str] = &[
    "",               // bienvenida
    "Ana López",      // nombre
    "1",              // la prueba
    "",               // qué va a pasar
    "10/12",          // el día, con el día primero, leído en palabras...
    "sí",             // ...y confirmado
    "8 de la mañana", // la hora, leída en palabras...
    "si",             // ...y confirmada (sin acento)
    "Pedro López",    // quién lo lleva
    "555-201-3344",   // su teléfono
    "Clínica del Valle",
    "555-010-2000",
    "warfarina", // escrita en español en la lista: reconocida, leída...
    "si",        // ...y confirmada
    "ninguna",   // pastillas para el dolor...
    "sí",        // ...ninguna de estas
    "",          // suplementos: solo Enter pregunta si ninguna...
    "sí",        // ...sí
    "",          // preguntas sobre las medicinas: la marcada
    "sí",        // corazón
    "no",        // sangrado
    "no",        // infección
    "2",         // visto bueno: no
    "",          // la visita
    "",          // preguntas antes del procedimiento: las marcadas
    "7",         // preguntas sobre la prueba: la psicología
    "",          // preguntas después del procedimiento: la marcada
];

/// The interface's own English words, from its catalogue: every stretch of three words or
/// more between placeholders. None may show on a Spanish screen or sheet.
fn english_interface() -> Vec<String> {
    let catalogue = std::fs::read_to_string(root("src/i18n/en.ftl")).expect("catalogue");
    let mut fragments = Vec::new();
    for line in catalogue.lines() {
        let value = match line.split_once(" = ") {
            Some((id, value)) if !id.starts_with(' ') && !id.starts_with('#') => value,
            _ => match line
                .trim_start()
                .strip_prefix('[')
                .and_then(|l| l.split_once("] "))
            {
                Some((_, value)) => value,
                None => continue,
            },
        };
        let mut rest = value;
        while !rest.is_empty() {
            let (text, after) = match rest.find('{') {
                Some(start) => {
                    let end = rest[start..]
                        .find('}')
                        .map_or(rest.len(), |e| start + e + 1);
                    (&rest[..start], &rest[end..])
                }
                None => (rest, ""),
            };
            let text = text.trim().trim_end_matches(['(', ':', '"', '`']).trim();
            if text.split_whitespace().count() >= 3 {
                fragments.push(text.to_string());
            }
            rest = after;
        }
    }
    assert!(fragments.len() > 100, "{fragments:?}");
    fragments
}

pub fn assert_no_english(what: &str, text: &str) {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for fragment in english_interface() {
        assert!(
            !flat.contains(&fragment),
            "{what} shows the English {fragment:?}:\n{text}"
        );
    }
    let statement = approved::statement_start("en");
    for content in [
        "Do you take any of these blood thinners?",
        &statement,
        "What to expect",
        "Getting ready for your pain pump",
    ] {
        assert!(!flat.contains(content), "{what} shows {content:?}:\n{text}");
    }
}

#[test]
fn a_whole_walk_in_spanish_through_a_pipe() {
    let home = tempfile::tempdir().expect("temp dir");
    let (code, screens, sheet) = walk_es(home.path(), TRIAL);
    assert_eq!(code, 0, "{screens}");
    assert_shows(
        &screens,
        &[
            "Prepararse para la prueba o el implante de su bomba para el dolor",
            &format!("Importante: {}", approved::statement_start("es")),
            "jueves, 10 de diciembre de 2026 (en 15 días). ¿Está bien?",
            "8:00 de la mañana. ¿Está bien?",
            "Usted toma: Warfarina (Coumadin, Jantoven, Aldocumar). ¿Está bien?",
            "¿No toma ninguna de estas?",
            "Guardado: 8:00 de la mañana.",
        ],
    );
    assert_no_english("the Spanish walk", &screens);
    let file =
        std::fs::read_to_string(home.path().join("answers/intrathecal-pump.yaml")).expect("saved");
    assert_shows(
        &file,
        &[
            "language: es",
            "patient-name: Ana López",
            "procedure-date: \"2026-12-10\"",
            "- warfarin",
            "clearance-needed: \"no\"",
        ],
    );
    assert_shows(
        &sheet,
        &[
            "Prepararse para la prueba de su bomba para el dolor",
            "Fecha: jueves, 10 de diciembre de 2026 (en 15 días)",
            "Hora de llegada: 8:00",
            "Llame pronto a su equipo de salud para hablar de su medicina para adelgazar",
            "¿Tengo que ir a una consulta de psicología antes de la prueba?",
            "¿Qué reglas hay para comer y beber antes del procedimiento?",
            "¿Tengo que dejar de tomar Warfarina (Coumadin, Jantoven, Aldocumar) antes",
            "La prueba sirve para ver si la medicina le baja el dolor.",
        ],
    );
    assert_no_english("the Spanish sheet", &sheet);
}

#[test]
fn a_walk_in_spanish_in_a_terminal() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut p = Patient::start_with(
        home.path(),
        &[],
        (100, 40),
        &[("NO_COLOR", "1"), ("PREPCHECK_LANG", "es")],
    );
    p.sees("Cada respuesta se guarda en seguida").press(ENTER);
    p.sees("¿Cómo se llama?").types("Ana");
    p.sees("¿Para qué paso se prepara?")
        .press(DOWN)
        .press(ENTER);
    p.sees("Esto es lo que va a pasar en la prueba.")
        .press(ENTER);
    p.sees("¿Qué día es su procedimiento?").types("mañana");
    p.sees("jueves, 26 de noviembre de 2026 (mañana). ¿Está bien?")
        .press("s")
        .press(ENTER);
    p.sees("¿A qué hora tiene que llegar?");
    let screen = p.screen_text();
    assert!(
        screen.contains("Escriba su respuesta y oprima Enter. Esc: volver."),
        "{screen}"
    );
    assert_no_english("the Spanish screen", &screen);
    p.press(CTRL_C);
    let (text, code) = p.finish();
    assert_eq!(code, 130);
    assert!(
        text.contains("Paró. Sus respuestas están guardadas en"),
        "{text}"
    );
    let file =
        std::fs::read_to_string(home.path().join("answers/intrathecal-pump.yaml")).expect("saved");
    assert!(file.contains("procedure-date: \"2026-11-26\""), "{file}");
}

const FORMATS: [&str; 5] = ["text", "plain", "markdown", "html", "ics"];

const PATIENTS: [(&str, Option<&str>); 3] = [
    ("nothing-answered", None),
    (
        "blood-thinners",
        Some("tests/fixtures/answers/blood-thinners.yaml"),
    ),
    ("implant", Some("tests/fixtures/answers/implant.yaml")),
];

fn sheet_es(file: Option<&str>, format: &str) -> String {
    let home = tempfile::tempdir().expect("temp dir");
    let mut command = prepcheck();
    command
        .env("PREPCHECK_HOME", home.path())
        .args(["--lang", "es", "sheet", "--format", format]);
    if let Some(file) = file {
        command.args(["--answers", file]);
    }
    let output = command.output().expect("run");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8")
}

#[test]
fn spanish_sheets_in_every_format_match_their_snapshots() {
    for (patient, file) in PATIENTS {
        for format in FORMATS {
            let text = sheet_es(file, format);
            insta::assert_snapshot!(format!("es.{patient}.{format}"), text);
            if format != "ics" {
                assert_no_english(&format!("{patient} {format}"), &text);
            }
        }
    }
}

/// The same answers print in either language.
#[test]
fn the_same_answers_print_in_either_language() {
    let answers = "tests/fixtures/answers/implant.yaml";
    let english = prepcheck()
        .args([
            "--lang",
            "en",
            "sheet",
            "--format",
            "plain",
            "--answers",
            answers,
        ])
        .output()
        .expect("run");
    let english = String::from_utf8_lossy(&english.stdout);
    assert!(
        english.contains("Getting ready for your pain pump implant"),
        "{english}"
    );
    let spanish = sheet_es(Some(answers), "plain");
    assert!(spanish.contains("Prepararse para el implante de su bomba para el dolor"));
    assert!(spanish.contains("Nombre: Ann Smith"), "{spanish}");
}

#[test]
fn spanish_reminders_are_read_by_python_icalendar() {
    if !available("python3", &["-c", "import icalendar"]) {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let ics = dir.path().join("recordatorios.ics");
    let answers = Some("tests/fixtures/answers/blood-thinners.yaml");
    std::fs::write(&ics, sheet_es(answers, "ics")).expect("write");
    // Every alert carries the statement: parse_calendar checks it.
    let events = parse_calendar(&ics, &approved::statement_start("es")).join("\n");
    assert_shows(
        &events,
        &[
            "Lo que falta hacer antes del procedimiento",
            "Llame a su equipo de salud con sus preguntas",
            "Sobre Plavix (clopidogrel), una medicina para adelgazar la sangre:",
            "Volver a casa",
            "Llame a la persona con quien va a volver a casa",
            "Llame a su equipo de salud | - Llame pronto a su equipo de salud para hablar de sus \
             medicinas para adelgazar la sangre: Plavix (clopidogrel),",
            // The procedure's alerts: the morning before and two hours before it.
            "Prepararse para la prueba de su bomba para el dolor. / Solo su médico",
            "| 2026-12-09T09:00 2026-12-10T07:00",
        ],
    );
    assert_no_english("the Spanish reminders", &events);
}

#[test]
fn list_marks_the_spanish_translation_as_awaiting_review() {
    let outcome = run(["list"]);
    assert_eq!(outcome.code, Some(0), "{outcome:?}");
    assert!(
        outcome.stdout.contains(
            "intrathecal-pump (es)\tPrepararse para la prueba o el implante de su bomba para el \
             dolor\ttranslation, awaiting review by the clinic\tbuilt in"
        ),
        "{}",
        outcome.stdout
    );
}

/// A translation that lacks a text, has one too many, changes a placeholder, or translates an
/// English text that has changed since, is reported where it is.
#[test]
fn check_finds_missing_extra_stale_and_changed_placeholders_in_a_translation() {
    let good = std::fs::read_to_string(root("tests/fixtures/mini/mini.es.yaml")).expect("fixture");
    // One key renamed (so one text is missing and one is not of the checklist) and one
    // placeholder dropped.
    let broken = good
        .replace("  visit-date.ask:\n", "  visit-day.ask:\n")
        .replace("{answer} va a ir con usted.", "Su amigo va a ir con usted.");
    let stale = good.replacen("english: \"0142b3d9\"", "english: \"11111111\"", 1);
    let mini = std::fs::read(root("tests/fixtures/mini/mini.yaml")).expect("fixture");
    let leaflet = std::fs::read(root("tests/fixtures/mini/sources/mini.txt")).expect("fixture");
    // A missing or stale text is left in English: a warning with how many there are and
    // the command that brings the file up to date; a text that is wrong is an error.
    for (name, text, code, expected) in [
        (
            "broken",
            broken,
            1,
            vec![
                "missing text 'visit-date.ask'",
                "'friend.sheet.1': the placeholders differ from the English ({answer})",
                "'visit-day.ask' is not a text of checklist 'mini'",
            ],
        ),
        (
            "stale",
            stale,
            0,
            vec![
                "warning: 'step.ask' is stale: the English changed since it was translated (now \
                 \"Which visit is it?\", fingerprint 0142b3d9)",
                "mini.es.yaml: warning: 1 of ",
                " Spanish texts needs translating: run `prepcheck --checklists ",
                " --lang es translate mini --update ",
            ],
        ),
    ] {
        let dir = folder(&[("mini.yaml", &mini), ("sources/mini.txt", &leaflet)]);
        write(&dir.path().join("mini.es.yaml"), text.as_bytes());
        let outcome = run([Path::new("check"), &dir.path().join("mini.es.yaml")]);
        assert_eq!(outcome.code, Some(code), "{name}: {outcome:?}");
        for part in expected {
            assert!(
                outcome.stdout.contains(part),
                "{name}: no {part:?} in:\n{}",
                outcome.stdout
            );
        }
    }
}

/// A translation is held to the rules of every text a patient reads, in its own language:
/// advice in a line about the chosen medicines that names none, advice on a to-do, a
/// medicine named on a screen without the statement, and a hidden character.
#[test]
fn check_holds_a_translation_to_the_medication_rule_in_its_language() {
    let dir = tempfile::tempdir().expect("temp dir");
    crate::common::copy_folder(&root("checklists"), dir.path());
    let file = dir.path().join("intrathecal-pump.es.yaml");
    let good = std::fs::read_to_string(&file).expect("translation");
    let changes = [
        (
            "¿Quién debe decidir esto? ¿Debo preguntarle al médico que me recetó {each}, por \
             ejemplo mi médico del corazón (cardiólogo)?",
            "¿Debo preguntarle al médico que me recetó {each}? Deje de tomarla cinco días antes.",
        ),
        (
            "¿Cuáles de estas preguntas sobre sus medicinas quiere hacerle a su equipo de salud?",
            "Tome la mitad de sus pastillas el día antes.",
        ),
        (
            "¿Tiene un problema del corazón?",
            "¿Tiene un problema del corazón? ¿Toma aspirina?",
        ),
        ("Su equipo de salud", "Su equipo\u{200b} de salud"),
    ];
    let mut broken = good.clone();
    for (from, to) in changes {
        assert!(broken.contains(from), "no {from:?} in the translation");
        broken = broken.replacen(from, to, 1);
    }
    write(&file, broken.as_bytes());
    let outcome = run([Path::new("check"), &file]);
    assert_eq!(outcome.code, Some(1), "{outcome:?}");
    let said = &outcome.stdout;
    let line_of = |text: &str| {
        broken
            .lines()
            .position(|l| l.contains(text))
            .expect("changed line")
            + 1
    };
    let at = |text: &str| format!("intrathecal-pump.es.yaml:{}:", line_of(text));
    for (text, message) in [
        (
            "Deje de tomarla cinco días antes.",
            "'blood-thinners.sheet.3' \"¿Debo preguntar",
        ),
        (
            "Tome la mitad de sus pastillas",
            "'medicine-questions.ask' \"Tome la mitad",
        ),
        (
            "¿Toma aspirina?",
            "'heart.ask' is about medicines: add 'medicines: true'",
        ),
    ] {
        let expected = at(text);
        assert!(
            said.lines()
                .any(|l| l.contains(&expected) && l.contains(message)),
            "no {message:?} at {expected} in:\n{said}"
        );
    }
    assert!(
        said.contains(&format!("{}21: an invisible", at("Su equipo\u{200b}"))),
        "{said}"
    );
}

/// A translation file asks for every question a patient may check, and not for a line that
/// is only its placeholder ("{each}": each question checked), which has no words to
/// translate.
#[test]
fn a_translation_asks_for_the_questions_not_for_their_placeholder() {
    let outcome = run(["translate", "intrathecal-pump", "--lang", "es"]);
    assert_eq!(outcome.code, Some(0), "{outcome:?}");
    assert_shows(
        &outcome.stdout,
        &[
            "before-questions.choice.eating:",
            "trial-questions.choice.psychologist:",
            "trial-questions.unanswered:",
        ],
    );
    assert!(
        !outcome.stdout.contains("before-questions.sheet.1"),
        "{}",
        outcome.stdout
    );
}
