//! The built-in content as the commands use it: every instruction keeps its passage word for
//! word, the medication statement is held to the medication rule in both languages, and a
//! medicine is recognised by its name in either language on either language's screens.

use std::path::Path;

use crate::common::{folder, root, run, typed_lines, walk_through_a_pipe, write};
use crate::prepcheck;

/// The medication statement of `lang`, as the catalogue of messages gives it.
fn statement(lang: &str) -> String {
    let catalogue =
        std::fs::read_to_string(root(&format!("src/i18n/{lang}.ftl"))).expect("catalogue");
    catalogue
        .lines()
        .find_map(|line| line.strip_prefix("medication-statement = "))
        .expect("a medication statement")
        .to_string()
}

/// Words only, spacing collapsed: how a quote is compared with its source.
fn collapsed(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every instruction, to-do, urgent, bring and expect line of the built-in checklist, as
/// `check --sources` lists it for an audit, names a passage, and that passage is in the
/// source word for word. Only a question (or the patient's own answer) stands without one.
#[test]
fn every_instruction_of_the_built_in_checklists_keeps_its_passage_word_for_word() {
    let source = collapsed(
        &std::fs::read_to_string(root("checklists/sources/intrathecal-pain-pump.txt"))
            .expect("source"),
    );
    let outcome = run(["check", "--sources", "checklists/intrathecal-pump.yaml"]);
    assert_eq!(outcome.code, Some(0), "{outcome:?}");
    let lines = outcome.lines();
    let mut instructions = 0;
    for (at, line) in lines.iter().enumerate() {
        let Some((key, text)) = line.trim_start().split_once(": ") else {
            continue;
        };
        if !line.starts_with("    ") || line.starts_with("      ") {
            continue;
        }
        let from = lines
            .get(at + 1)
            .map(|l| l.trim_start())
            .unwrap_or_default();
        if from == "no source: a question, not an instruction" {
            // A question, or the patient's own answer on the ride or contact part.
            let own_answer = ["ride", "contact"].contains(&key) && text.contains("{answer}");
            assert!(
                key.ends_with("ask") || text.ends_with('?') || own_answer,
                "{line:?} is not a question but has no source"
            );
            continue;
        }
        if ["todo", "urgent", "bring", "expect", "help", "text"].contains(&key) {
            instructions += 1;
        }
        let quote = from
            .split_once(": \"")
            .and_then(|(_, rest)| rest.strip_suffix('"'))
            .unwrap_or_else(|| panic!("{line:?} names no passage: {from:?}"));
        assert!(
            source.contains(&collapsed(quote)),
            "{line:?}: {quote:?} is not in the source word for word"
        );
    }
    assert!(instructions >= 15, "only {instructions} instructions read");
}

/// prepcheck's own statement leaves every change to the care team, so `check` takes it as a
/// clinic's own text, in English and in Spanish (issue 22); its words without the care team
/// are an instruction, and `check` refuses them in both languages.
#[test]
fn check_takes_the_statement_and_refuses_it_without_the_care_team_in_both_languages() {
    let leaflet = b"Take care.\n";
    let checklist = |ask: &str| {
        format!(
            "id: note\ntitle: A note\nprocedure: A visit\nversion: 1\nsources:\n  - {{id: s, title: \
             S, file: sources/s.txt}}\nsections:\n  - title: One\n    items:\n      - id: note\n        \
             ask: \"{ask}\"\n        kind: info\n        medicines: true\n        source: {{from: s, \
             quote: Take care.}}\n"
        )
    };
    let checked = |ask: &str| {
        let dir = folder(&[
            ("note.yaml", checklist(ask).as_bytes()),
            ("sources/s.txt", leaflet),
        ]);
        run([Path::new("check"), &dir.path().join("note.yaml")])
    };
    let outcome = checked(&statement("en"));
    assert_eq!(outcome.code, Some(0), "{outcome:?}");
    let outcome = checked("Do not stop any medicine, and do not skip a dose.");
    assert_eq!(outcome.code, Some(1), "{outcome:?}");
    assert!(outcome.stdout.contains("speaks of"), "{}", outcome.stdout);

    // A harmless English text, translated into the Spanish statement, then into its words
    // without the care team.
    let dir = folder(&[
        ("note.yaml", checklist("Take care.").as_bytes()),
        ("sources/s.txt", leaflet),
    ]);
    let template = prepcheck()
        .args(["--checklists"])
        .arg(dir.path())
        .args(["translate", "note", "--lang", "es"])
        .output()
        .expect("translate");
    assert!(template.status.success(), "{template:?}");
    let template = String::from_utf8(template.stdout).expect("UTF-8");
    let translated = |ask: &str| {
        let mut text = template.clone();
        for (english, translated) in [
            ("A note", "Una nota"),
            ("A visit", "Una visita"),
            ("One", "Uno"),
            ("Take care.", ask),
        ] {
            let empty = format!("# {english}\n");
            let at = text.find(&empty).expect("the English text") + empty.len();
            let rest = &text[at..];
            let line = rest.find("text: \"\"").expect("an empty text") + at;
            text.replace_range(
                line..line + "text: \"\"".len(),
                &format!("text: \"{translated}\""),
            );
        }
        write(&dir.path().join("note.es.yaml"), text.as_bytes());
        run([Path::new("check"), &dir.path().join("note.es.yaml")])
    };
    let outcome = translated(&statement("es"));
    assert_eq!(outcome.code, Some(0), "{outcome:?}");
    let outcome = translated("No deje de tomar ninguna medicina y no se salte ninguna dosis.");
    assert_eq!(outcome.code, Some(1), "{outcome:?}");
    assert!(
        outcome.stdout.contains("'note.ask'") && outcome.stdout.contains("No deje de tomar"),
        "{}",
        outcome.stdout
    );
    // A Spanish-speaking clinic reads the finding whole in Spanish: no Spanish finding in
    // an English frame. The question it suggests is in the text's language either way.
    let spanish = run([
        Path::new("--lang"),
        Path::new("es"),
        Path::new("check"),
        &dir.path().join("note.es.yaml"),
    ]);
    assert_eq!(spanish.code, Some(1), "{spanish:?}");
    for (outcome, words) in [
        (&outcome, ["speaks of stopping", "Write it as a question"]),
        (
            &spanish,
            ["habla de suspender", "Escríbalo como una pregunta"],
        ),
    ] {
        let text = &outcome.stdout;
        assert!(
            words.iter().all(|w| text.contains(w)) && text.contains("¿Tengo que dejar de tomar"),
            "{text}"
        );
    }
    assert!(!spanish.stdout.contains("speaks of"), "{}", spanish.stdout);
}

/// The first screens of a walk (the procedure, the ride, the care team), to the
/// blood-thinner list, then the names typed on it in one line and the read-back confirmed:
/// in the walk's language, whatever the names'.
fn blood_thinners_typed(lang: &str, typed: &str, yes: &str) -> String {
    let home = tempfile::tempdir().expect("temp dir");
    let lines = ["", "", "1", "", "", "", "", "", "", "", typed, yes];
    let (_, said, _) = walk_through_a_pipe(home.path(), &["--lang", lang], &typed_lines(&lines));
    said
}

/// A patient on the English screens with medicines bought in Mexico or Spain, and one on the
/// Spanish screens with medicines bought in the US: each name is known, shown in the
/// patient's language; a misspelling is known and never shown; "Bayer" alone is no medicine.
#[test]
fn either_walk_knows_the_names_of_both_languages() {
    let english = blood_thinners_typed("en", "Clexane, Sintron, Adiro, Bayer", "yes");
    let read_back = "You take: Lovenox (enoxaparin), Sintrom (acenocoumarol), Aspirin (Bayer \
                     Aspirin, Ecotrin, Bufferin, Durlaza) and Bayer (as you typed it). Is that \
                     right?";
    assert!(
        english.contains(read_back),
        "no {read_back:?} in:\n{english}"
    );
    let spanish = blood_thinners_typed("es", "Lovenox, clopidrogel, Bayer Aspirin, Bayer", "sí");
    let read_back = "Usted toma: Enoxaparina (Clexane, Lovenox), Plavix (clopidogrel), Ácido \
                     acetilsalicílico (Aspirina, Adiro, Tromalyt, Aspirina Protect, Aspirina \
                     Bayer) y Bayer (tal como lo escribió). ¿Está bien?";
    assert!(
        spanish.contains(read_back),
        "no {read_back:?} in:\n{spanish}"
    );
    for said in [&english, &spanish] {
        assert!(
            !said.contains("Sintron (") && !said.contains("clopidrogel)"),
            "{said}"
        );
    }
}
