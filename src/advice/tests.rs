use std::time::Instant;

use serde::Deserialize;

use super::vocabulary::ENGLISH;
use super::*;
use crate::catalogue::Catalogue;
use crate::i18n::Lang;

/// A detector with the names of the built-in medicine list, as `check` makes it.
fn detector() -> Detector {
    detector_for(Vocabulary::english())
}

/// The Spanish word lists with the names of the built-in medicine list.
fn spanish() -> Detector {
    detector_for(Vocabulary::for_lang(Lang::Es))
}

fn detector_for(vocabulary: &Vocabulary) -> Detector {
    let bytes = include_bytes!("../../checklists/medicines/bleeding.yaml");
    let catalogue =
        Catalogue::parse("bleeding.yaml", bytes).expect("the built-in catalogue is valid");
    let names: Vec<&str> = catalogue
        .medicines
        .iter()
        .flat_map(|m| {
            std::iter::once(m.generic.as_str())
                .chain(m.known_as.as_deref())
                .chain(m.brands.iter().map(String::as_str))
                .chain(m.also_called.iter().map(String::as_str))
        })
        .collect();
    vocabulary.detector(names)
}

/// Whether each of `named` names a medicine and none of `not_named` does.
fn assert_mentions(detector: &Detector, named: &[&str], not_named: &[&str]) {
    for text in named {
        assert!(detector.mentions_medicine(text), "{text:?}");
    }
    for text in not_named {
        assert!(!detector.mentions_medicine(text), "{text:?}");
    }
}

/// The sentences the detector gets wrong, as it gets them wrong today: those it flags but
/// are fine, and those it misses (read in `missed_as`).
fn assert_known_limits(
    detector: &Detector,
    flagged_but_fine: &[&str],
    missed: &[&str],
    missed_as: Role,
) {
    for text in flagged_but_fine {
        assert!(detector.check(text, Role::Statement).is_some(), "{text:?}");
    }
    for text in missed {
        assert!(detector.check(text, missed_as).is_none(), "{text:?}");
    }
}

/// Odd text, in either role, either way of reading placeholders: no panic, and a finding
/// starts on a character boundary where its phrase is.
fn assert_odd_text_is_read_whole(detector: &Detector, texts: &[&str]) {
    for text in texts {
        for role in [Role::Question, Role::Statement] {
            for found in [
                detector.check(text, role),
                detector.check_with_placeholder_as_medicine(text, role),
            ]
            .into_iter()
            .flatten()
            {
                assert!(text.is_char_boundary(found.start), "{text:?}");
                assert!(text[found.start..].starts_with(&found.phrase), "{text:?}");
            }
            let _ = detector.mentions_medicine(text);
        }
    }
}

#[test]
fn english_parses() {
    let vocabulary = Vocabulary::english();
    assert_eq!(vocabulary.rules.len(), 7);
}

#[test]
fn spanish_parses_and_each_language_has_its_lists() {
    let vocabulary = Vocabulary::spanish();
    assert_eq!(vocabulary.rules.len(), 7);
    let english = Vocabulary::for_lang(Lang::En).detector([]);
    let spanish = Vocabulary::for_lang(Lang::Es).detector([]);
    assert!(english.check("Stop aspirin.", Role::Statement).is_some());
    assert!(
        english
            .check("Suspenda la aspirina.", Role::Statement)
            .is_none()
    );
    assert!(
        spanish
            .check("Suspenda la aspirina.", Role::Statement)
            .is_some()
    );
    assert!(spanish.check("Stop aspirin.", Role::Statement).is_none());
}

/// Checking and looking for a medicine in one reading gives what each gives on its own,
/// for every sentence of the corpus, alone and all together.
#[test]
fn check_and_mentions_is_check_and_mentions_medicine() {
    let corpus = include_str!("../../tests/fixtures/advice/en.tsv");
    let detector = detector();
    let sentences: Vec<&str> = (corpus.lines())
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split('\t').nth(2))
        .collect();
    let all = sentences.join(" ");
    for text in sentences.iter().copied().chain([all.as_str()]) {
        for role in [Role::Question, Role::Statement] {
            assert_eq!(
                detector.check_and_mentions(text, role),
                (detector.check(text, role), detector.mentions_medicine(text)),
                "{text:?}"
            );
        }
    }
}

/// The labelled corpus: every sentence as labelled, all mismatches in one message, and
/// precision and recall printed (`scripts/advice-scores.sh`).
#[test]
fn corpus() {
    let corpus = include_str!("../../tests/fixtures/advice/en.tsv");
    score(corpus, &detector());
}

/// The Spanish labelled corpus, held to the same rules with the Spanish word lists.
#[test]
fn corpus_es() {
    let corpus = include_str!("../../tests/fixtures/advice/es.tsv");
    score(corpus, &spanish());
}

/// Check every sentence of a corpus as labelled; print precision and recall; fail with all
/// mismatches in one message.
fn score(corpus: &str, detector: &Detector) {
    let (mut tp, mut fp, mut fneg, mut n) = (0, 0, 0, 0);
    let mut wrong = Vec::new();
    for (number, line) in corpus.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let [label, role, sentence] = fields[..] else {
            panic!("line {}: expected LABEL<TAB>ROLE<TAB>sentence", number + 1);
        };
        let role = match role {
            "question" => Role::Question,
            "statement" => Role::Statement,
            _ => panic!("line {}: role '{role}'", number + 1),
        };
        let advice = match label {
            "advice" => true,
            "fine" => false,
            _ => panic!("line {}: label '{label}'", number + 1),
        };
        n += 1;
        let found = detector.check_with_placeholder_as_medicine(sentence, role);
        match (advice, &found) {
            (true, Some(_)) => tp += 1,
            (false, Some(f)) => {
                fp += 1;
                wrong.push(format!(
                    "line {}: flagged but fine: {sentence:?}: {} ({:?})",
                    number + 1,
                    f.why,
                    f.phrase
                ));
            }
            (true, None) => {
                fneg += 1;
                wrong.push(format!("line {}: missed advice: {sentence:?}", number + 1));
            }
            (false, None) => {}
        }
    }
    let precision = f64::from(tp) / f64::from((tp + fp).max(1));
    let recall = f64::from(tp) / f64::from((tp + fneg).max(1));
    println!("precision {precision:.2} recall {recall:.2} (n={n})");
    assert!(n >= 130, "the corpus needs at least 130 sentences, has {n}");
    assert!(
        wrong.is_empty(),
        "{} mismatches:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

/// The built-in checklist, read the simple way: only the texts a patient reads.
#[derive(Deserialize)]
struct File {
    title: String,
    procedure: String,
    sections: Vec<Section>,
}

#[derive(Deserialize)]
struct Section {
    title: String,
    items: Vec<Item>,
}

#[derive(Deserialize)]
struct Item {
    id: String,
    ask: String,
    help: Option<String>,
    kind: String,
    #[serde(default)]
    medicines: bool,
    #[serde(default)]
    choices: Vec<Choice>,
    #[serde(default)]
    sheet: Vec<Line>,
    unanswered: Option<Unanswered>,
}

#[derive(Deserialize)]
struct Choice {
    label: String,
    title: Option<String>,
}

#[derive(Deserialize)]
struct Line {
    urgent: Option<String>,
    todo: Option<String>,
    ask: Option<String>,
    ride: Option<String>,
    bring: Option<String>,
    contact: Option<String>,
    expect: Option<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Unanswered {
    Todo(String),
    Ask { ask: String },
}

/// Every text of the built-in checklist: (item id, whether the item is about medicines (or
/// not an item), text, role). Sheet `ask` lines and `unanswered: {ask: ...}` are questions.
fn built_in_texts() -> Vec<(String, bool, String, Role)> {
    let bytes = include_bytes!("../../checklists/intrathecal-pump.yaml");
    let file: File = serde_saphyr::from_slice(bytes).expect("the built-in checklist parses");
    let mut texts = vec![
        ("title".to_string(), true, file.title, Role::Statement),
        (
            "procedure".to_string(),
            true,
            file.procedure,
            Role::Statement,
        ),
    ];
    for section in file.sections {
        // A section title is not held to an item's `medicines` flag.
        texts.push(("section".into(), true, section.title, Role::Statement));
        for item in section.items {
            let about = item.medicines || item.kind == "medicines";
            let mut add = |text: String, role| texts.push((item.id.clone(), about, text, role));
            add(item.ask, Role::Statement);
            if let Some(help) = item.help {
                add(help, Role::Statement);
            }
            for choice in item.choices {
                add(choice.label, Role::Statement);
                if let Some(title) = choice.title {
                    add(title, Role::Statement);
                }
            }
            for line in item.sheet {
                if let Some(ask) = line.ask {
                    add(ask, Role::Question);
                }
                let others = [line.urgent, line.todo, line.ride, line.bring, line.contact];
                for text in others.into_iter().chain([line.expect]).flatten() {
                    add(text, Role::Statement);
                }
            }
            match item.unanswered {
                Some(Unanswered::Todo(todo)) => add(todo, Role::Statement),
                Some(Unanswered::Ask { ask }) => add(ask, Role::Question),
                None => {}
            }
        }
    }
    texts
}

#[test]
fn the_built_in_checklist_gives_no_advice() {
    let detector = detector();
    let texts = built_in_texts();
    assert!(texts.len() > 60, "only {} texts read", texts.len());
    let asks = texts.iter().filter(|t| t.3 == Role::Question).count();
    assert!(asks >= 15, "only {asks} questions read");
    let mut wrong = Vec::new();
    for (id, about_medicines, text, role) in &texts {
        let found = if *about_medicines {
            detector.check_with_placeholder_as_medicine(text, *role)
        } else {
            detector.check(text, *role)
        };
        if let Some(finding) = found {
            wrong.push(format!("{id}: {text:?} ({role:?}): {}", finding.why));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn only_medicine_items_of_the_built_in_checklist_mention_medicines() {
    let detector = detector();
    let mut wrong = Vec::new();
    let mut mentions = 0;
    for (id, about_medicines, text, _) in built_in_texts() {
        let mentioned = detector.mentions_medicine(&text);
        mentions += usize::from(mentioned);
        if mentioned && !about_medicines {
            wrong.push(format!("{id}: {text:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(mentions >= 5, "only {mentions} texts mention medicines");
}

#[test]
fn medicines_are_names_classes_and_generic_words() {
    let detector = detector();
    let named = [
        "Plavix",
        "Do you take clopidogrel?",
        "ELIQUIS",
        "baby aspirin",
        "Goody's Powder",
        "omega-3",
        "Your blood thinners",
        "NSAIDs",
        "insulin",
        "a water pill",
        "supplements",
        "your medicine",
        "a pill",
        "one tablet",
        "the dose",
        "a shot",
        "81 mg",
        "Tylenol",
    ];
    let not_named = [
        "",
        "Stop by the front desk.",
        "A thin tube goes from the pump to your spine.",
        "your blood doctor",
        "a bleeding problem",
        "{each}",
        "Bring a pillow.",
        "a shotgun",
    ];
    assert_mentions(&detector, &named, &not_named);
    // Names come from the medicine lists in use.
    let bare = Vocabulary::english().detector([]);
    assert!(!bare.mentions_medicine("Brilinta"));
    let custom = Vocabulary::english().detector(["Brilinta", "Zontivity"]);
    assert!(custom.mentions_medicine("brilinta"));
    assert!(custom.check("Stop Zontivity.", Role::Statement).is_some());
    assert!(bare.check("Stop Zontivity.", Role::Statement).is_none());
}

#[test]
fn placeholders_are_medicines_only_when_the_caller_says_so() {
    let detector = detector();
    let ask = "Do I need to stop {each} before the procedure? If so, what is the last day I \
               take it?";
    assert_eq!(
        detector.check_with_placeholder_as_medicine(ask, Role::Question),
        None
    );
    assert_eq!(detector.check(ask, Role::Question), None);
    let found = detector
        .check_with_placeholder_as_medicine(ask, Role::Statement)
        .expect("the same words as a statement are advice");
    assert_eq!(found.phrase, "stop");
    assert!(
        found
            .instead
            .contains("Do I need to stop {each} before the procedure?")
    );
    // Not about medicines: {answer} is a name or a phone number.
    assert_eq!(detector.check(ask, Role::Statement), None);
    assert_eq!(
        detector.check("Call {answer} 2 days before.", Role::Statement),
        None
    );
    assert!(
        detector
            .check_with_placeholder_as_medicine("Take {answer} 2 days before.", Role::Statement)
            .is_some()
    );
    // A brace that is not a placeholder is just punctuation.
    assert!(detector.check("Stop {aspirin.", Role::Statement).is_some());
}

#[test]
fn findings_say_where_what_and_what_instead() {
    let detector = detector();
    let text = "Bring your list. Then stop taking Plavix 5 days before the implant.";
    let found = detector.check(text, Role::Statement).expect("advice");
    assert_eq!(found.phrase, "5 days");
    assert_eq!(
        &text[found.start..found.start + found.phrase.len()],
        "5 days"
    );
    assert!(
        found.why.contains("timing") && found.why.contains("\"Plavix\""),
        "{found:?}"
    );
    assert!(found.instead.contains("Plavix"), "{found:?}");

    let text = "Please DON'T take Aleve.";
    let found = detector.check(text, Role::Statement).expect("advice");
    assert_eq!(found.start, 7);
    assert_eq!(found.phrase, "DON'T take");
    assert_eq!(
        found.instead,
        "Write it as a question for the care team (an `ask` line), such as: Do I need to \
         stop Aleve before the procedure?"
    );

    // A class is asked about as "my ..."; a generic word as "my medicines".
    let found = detector
        .check("Hold your Blood thinners.", Role::Statement)
        .expect("advice");
    assert!(
        found
            .instead
            .ends_with("Do I need to stop my blood thinners before the procedure?")
    );
    let found = detector
        .check("Hold your NSAIDs.", Role::Statement)
        .expect("advice");
    assert!(
        found
            .instead
            .ends_with("Do I need to stop my NSAIDs before the procedure?")
    );
    let found = detector
        .check("Skip your pills.", Role::Statement)
        .expect("advice");
    assert!(
        found
            .instead
            .ends_with("Do I need to stop my medicines before the procedure?")
    );

    // In a question for the care team, a sentence that is not a question may not say it.
    let found = detector
        .check("Stop Plavix. Is that all right?", Role::Question)
        .expect("advice");
    assert!(found.instead.contains("not one"), "{found:?}");
    // A question may not give an amount either.
    let found = detector
        .check("Can I take half a tablet?", Role::Question)
        .expect("advice");
    assert_eq!(found.phrase, "half a tablet");
    assert!(found.why.contains("amount"));
    // Multibyte text before the phrase: the offset is in bytes.
    let text = "Ça va — stop Brilinta.";
    let found = detector.check(text, Role::Statement).expect("advice");
    assert_eq!(&text[found.start..], "stop Brilinta.");
}

/// Sentences the detector gets wrong, kept here so a change that fixes (or breaks) them is
/// noticed. Each is (what it should be, what it is).
#[test]
fn known_limits() {
    let detector = detector();
    let flagged_but_fine = [
        // A timing for something else in a sentence that names a medicine.
        "Call us by Friday if you take blood thinners.",
        // How a medicine works over time, not when to take it.
        "The medicine starts to work in a few minutes.",
        // Telling the patient the care team will decide is still speaking of stopping.
        "Your doctor will tell you if you need to stop Brilinta.",
    ];
    let missed = [
        // A pronoun for a medicine named in another sentence.
        "You take Plavix. Stop it.",
        // A medicine only an exception covers ("bring ...").
        "Bring your aspirin but stop it the week before.",
    ];
    assert_known_limits(&detector, &flagged_but_fine, &missed, Role::Statement);
}

#[test]
fn a_megabyte_of_text_is_checked_quickly() {
    let detector = detector();
    // No sentence ends: one long sentence, the worst case, with exceptions and near misses
    // everywhere; then the advice, in a sentence of its own.
    let chunk = "stop by the desk and bring your aspirin to the clinic on the day of the visit \
                 with a list of your blood thinners and half of the people ";
    let mut text = chunk.repeat(1024 * 1024 / chunk.len());
    assert_eq!(detector.check(&text, Role::Statement), None);
    text.push_str(". Then stop Plavix 5 days before.");
    assert!(text.len() >= 1024 * 1024);
    let started = Instant::now();
    let found = detector.check(&text, Role::Statement);
    let took = started.elapsed();
    let found = found.expect("the advice at the end is found");
    assert_eq!(found.phrase, "5 days");
    println!("1 MiB, one sentence: {took:?}");

    // Many short sentences.
    let sentences = "Stop by the desk. Bring your medicines in their bottles. Arrive 30 \
                     minutes early. Plan to be at the clinic for about 3 hours. ";
    let text = sentences.repeat(1024 * 1024 / sentences.len() + 1);
    let started = Instant::now();
    assert_eq!(detector.check(&text, Role::Statement), None);
    println!("1 MiB, short sentences: {:?}", started.elapsed());
    let started = Instant::now();
    assert!(detector.mentions_medicine(&text));
    println!("1 MiB, mentions_medicine: {:?}", started.elapsed());

    // Spanish: one long sentence of logistics and near misses, then the advice.
    let detector = spanish();
    let chunk = "pase por la recepción y traiga sus medicinas a la clínica el día de la cita \
                 con una lista de sus anticoagulantes y la mitad de las personas ";
    let mut text = chunk.repeat(1024 * 1024 / chunk.len());
    assert_eq!(detector.check(&text, Role::Statement), None);
    text.push_str(". Luego suspenda el Plavix 5 días antes.");
    let started = Instant::now();
    let found = detector.check(&text, Role::Statement);
    let took = started.elapsed();
    assert_eq!(
        found.expect("the advice at the end is found").phrase,
        "5 días"
    );
    println!("1 MiB of Spanish, one sentence: {took:?}");
}

#[test]
fn word_lists_must_be_well_formed() {
    let good = std::str::from_utf8(ENGLISH).expect("utf-8");
    let broken = [
        (
            good.replace("language: en", "language: en\nextra: 1"),
            "`extra`",
        ),
        (
            good.replace("\"{number} {medicine}\"", "\"{number} {nowhere}\""),
            "no word list",
        ),
        (
            good.replace("    - tonight\n", "    - \"* tonight\"\n"),
            "gap",
        ),
        (
            good.replace("    - tonight\n", "    - to-night\n"),
            "not one word",
        ),
        (
            good.replace("    - tonight\n", "    - \"tonight ^\"\n"),
            "^",
        ),
        (
            good.replace("    - tonight\n", "    - \"tonight *x\"\n"),
            "not a gap",
        ),
    ];
    for (text, expected) in broken {
        assert_ne!(text, good, "the replacement for {expected:?} did not apply");
        let error = Vocabulary::from_yaml(text.as_bytes()).expect_err(expected);
        assert!(error.contains(expected), "{error}");
    }
}

#[test]
fn odd_text_does_not_trip_it() {
    let detector = detector();
    let long_brace = format!("{{{}", "a".repeat(10_000));
    let texts = [
        "",
        ".",
        "?",
        "{",
        "{}",
        "{each",
        "{each}}",
        "}{",
        "'",
        "’s",
        "½½ tablet",
        "İstanbul aspirin",
        "e\u{301} stop aspirin",
        "🙂 stop 🙂 aspirin 🙂",
        "1.2.3 mg",
        "...",
        "?!?",
        "\n\n\n",
        "stop\n\naspirin",
        "Stop\naspirin",
        &long_brace,
    ];
    assert_odd_text_is_read_whole(&detector, &texts);
    // A blank line ends a sentence; a single line break does not.
    assert!(detector.check("stop\n\naspirin", Role::Statement).is_none());
    assert!(detector.check("Stop\naspirin", Role::Statement).is_some());
    // "İ" lower-cases to two characters; offsets stay those of the text.
    let text = "İİİ. Stop aspirin.";
    let found = detector.check(text, Role::Statement).expect("advice");
    assert_eq!(&text[found.start..], "Stop aspirin.");
}

/// The texts of the Spanish translation of the built-in checklist, with their roles, on an
/// item about medicines (placeholders are medicines) and on any other.
#[test]
fn the_spanish_built_in_texts_give_no_advice() {
    let detector = spanish();
    let questions = [
        "¿Tengo que dejar de tomar {each} antes del procedimiento? Si es así, ¿cuál es el \
         último día que tomo esta medicina?",
        "¿Cuándo vuelvo a tomar {each} después del procedimiento?",
        "¿Quién debe decidir esto? ¿Debo preguntarle al médico que me recetó {each}, por \
         ejemplo mi médico del corazón (cardiólogo)?",
        "¿Tengo que dejar de usar {each} antes del procedimiento? Si es así, ¿cuándo vuelvo a \
         usar esta medicina?",
        "¿Puede {each} afectar mi procedimiento?",
        "¿Debo llevar una lista de todas mis medicinas, con cuánto tomo de cada una?",
        "¿Alguna de mis otras medicinas, como las del dolor o la diabetes, cambia por el \
         procedimiento?",
        "¿A qué número llamo si tengo un problema de noche o el fin de semana?",
    ];
    let statements = [
        "Marque cada una que usa, sean pastillas o inyecciones.",
        "Primero es la prueba. Sirve para ver si la medicina le baja el dolor, antes de poner \
         la bomba.",
        "La prueba sirve para ver si la medicina le baja el dolor. Es antes de poner la bomba.",
        "La bomba se puede volver a llenar con medicina.",
        "La cirugía suele durar menos de 90 minutos.",
        "Marque cada una que usa, también las que compra en la tienda o la farmacia.",
        // A line on an item about medicines: each sentence names `{each}`.
        "{each} Marque cada uno que usa, también los que compra en la tienda o la farmacia.",
    ];
    let texts = questions
        .iter()
        .map(|q| (q, Role::Question))
        .chain(statements.iter().map(|s| (s, Role::Statement)));
    let mut wrong = Vec::new();
    for (text, role) in texts {
        for found in [
            detector.check_with_placeholder_as_medicine(text, role),
            detector.check(text, role),
        ]
        .into_iter()
        .flatten()
        {
            wrong.push(format!(
                "{text:?} ({role:?}): {} ({:?})",
                found.why, found.phrase
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // The same questions, said as statements, are advice.
    let found = detector
        .check_with_placeholder_as_medicine(questions[0], Role::Statement)
        .expect("advice");
    assert_eq!(found.phrase, "dejar de");
}

#[test]
fn spanish_reads_accents_either_way() {
    let detector = spanish();
    for (with, without) in [
        (
            "Suspéndala 5 días antes: es la aspirina.",
            "Suspendala 5 dias antes: es la aspirina.",
        ),
        (
            "¿Tomo la aspirina el miércoles?",
            "¿Tomo la aspirina el miercoles?",
        ),
        ("Reanude el Plavix después.", "Reanude el Plavix despues."),
        ("Su última dosis de Eliquis.", "Su ultima dosis de Eliquis."),
        ("Tome 2 píldoras.", "Tome 2 pildoras."),
        (
            "Continúe tomando la metformina.",
            "Continue tomando la metformina.",
        ),
        ("Los AINE están prohibidos.", "Los AINE estan prohibidos."),
    ] {
        let a = detector.check(with, Role::Question);
        let b = detector.check(without, Role::Question);
        assert!(a.is_some(), "{with:?}");
        // The same kind of finding, of the same medicine.
        let kind = |f: Finding| f.instead;
        assert_eq!(a.map(kind), b.map(kind), "{with:?} / {without:?}");
    }
    // An accent written as a mark of its own (decomposed text) is read the same, and the
    // phrase is the text as written.
    let text = "Suspenda la aspirina 5 di\u{301}as antes.";
    let found = detector.check(text, Role::Statement).expect("advice");
    assert_eq!(found.phrase, "5 di\u{301}as");
    assert!(text.is_char_boundary(found.start));
    // Upper case with accents.
    assert!(
        detector
            .check("NO TOME ASPIRINA EL DÍA ANTES.", Role::Statement)
            .is_some()
    );
    // Fine either way.
    for text in [
        "Pase por la recepción al llegar.",
        "Pase por la recepcion al llegar.",
        "Su médico le dirá qué hacer con sus medicinas.",
        "Su medico le dira que hacer con sus medicinas.",
    ] {
        assert_eq!(detector.check(text, Role::Statement), None, "{text:?}");
    }
}

#[test]
fn spanish_questions_open_with_a_mark_that_is_not_a_word() {
    let detector = spanish();
    let ask = "¿Suspendo la aspirina antes del procedimiento?";
    assert_eq!(detector.check(ask, Role::Question), None);
    let found = detector.check(ask, Role::Statement).expect("advice");
    assert_eq!(found.phrase, "Suspendo");
    assert_eq!(&ask[found.start..found.start + 8], "Suspendo");
    // Without the opening mark it is a question too; without the closing one it is not.
    assert_eq!(
        detector.check("Suspendo la aspirina?", Role::Question),
        None
    );
    let found = detector
        .check("¿Suspendo la aspirina.", Role::Question)
        .expect("not a question");
    assert!(found.instead.starts_with("Solo una pregunta"), "{found:?}");
    // A question may not give a timing or an amount.
    let found = detector
        .check("¿Puedo tomar media pastilla?", Role::Question)
        .expect("advice");
    assert_eq!(found.phrase, "media pastilla");
    let found = detector
        .check("¿Dejo el Plavix el lunes?", Role::Question)
        .expect("advice");
    assert_eq!(found.phrase, "lunes");
}

#[test]
fn spanish_findings_say_what_to_write_instead() {
    let detector = spanish();
    let found = detector
        .check("Suspenda la aspirina.", Role::Statement)
        .expect("advice");
    assert_eq!(
        found.instead,
        "Escríbalo como una pregunta para su equipo de salud (una línea `ask`), por ejemplo: \
         ¿Tengo que dejar de tomar aspirina antes del procedimiento?"
    );
    assert!(found.why.contains("\"aspirina\""), "{found:?}");
    // A class is asked about as written; a generic word as "mis medicinas".
    let found = detector
        .check("Deje los Anticoagulantes.", Role::Statement)
        .expect("advice");
    assert!(
        found
            .instead
            .ends_with("¿Tengo que dejar de tomar anticoagulantes antes del procedimiento?"),
        "{found:?}"
    );
    let found = detector
        .check("Sáltese las pastillas.", Role::Statement)
        .expect("advice");
    assert!(
        found
            .instead
            .ends_with("¿Tengo que dejar de tomar mis medicinas antes del procedimiento?"),
        "{found:?}"
    );
    let found = detector
        .check("Reanude {each} el lunes.", Role::Statement)
        .map(|f| f.phrase);
    assert_eq!(found, None, "not a medicine item: {{each}} is a word");
    let found = detector
        .check_with_placeholder_as_medicine("Reanude {each} el lunes.", Role::Statement)
        .expect("advice");
    assert!(found.why.contains("momento"), "{found:?}");
    assert!(found.instead.contains("{each}"), "{found:?}");
    let found = detector
        .check("Tome 81 mg de aspirina.", Role::Statement)
        .expect("advice");
    assert!(found.instead.starts_with("Deje la cantidad"), "{found:?}");
}

#[test]
fn spanish_medicines_are_names_classes_and_generic_words() {
    let detector = spanish();
    let named = [
        "Plavix",
        "aspirina",
        "ácido acetilsalicílico",
        "las medicinas para que la sangre no coagule",
        "los anticoagulantes",
        "AINE",
        "antiinflamatorios",
        "anti-inflamatorios",
        "la insulina",
        "una pastilla para orinar",
        "un diurético",
        "suplementos",
        "su medicina",
        "un medicamento",
        "una píldora",
        "una pildora",
        "la tableta",
        "la dosis",
        "una inyección",
        "81 mg",
        "omega-3",
        "aceite de pescado",
    ];
    let not_named = [
        "",
        "Pase por la recepción.",
        "Un tubo fino va de la bomba a su columna.",
        "un problema de sangrado",
        "{each}",
        "Traiga una almohada.",
        // A brand of the medicine lists that is an everyday Spanish word.
        "¿Cambia algo?",
    ];
    assert_mentions(&detector, &named, &not_named);
    // In English the brand is a medicine.
    assert!(detector_for(Vocabulary::english()).mentions_medicine("Cambia"));
    // Names come from the medicine lists in use.
    let custom = Vocabulary::spanish().detector(["Zontivity"]);
    assert!(
        custom
            .check("Suspenda Zontivity.", Role::Statement)
            .is_some()
    );
}

/// Spanish sentences the detector gets wrong, kept so a change that fixes (or breaks) them
/// is noticed.
#[test]
fn spanish_known_limits() {
    let detector = spanish();
    let flagged_but_fine = [
        // A timing for something else in a sentence that names a medicine.
        "Llámenos antes del viernes si toma anticoagulantes.",
        // Telling the patient the care team will decide is still speaking of stopping.
        "Su médico le dirá si tiene que suspender el Brilinta.",
    ];
    let missed = [
        // A pronoun for a medicine named in another sentence.
        "Usted toma Plavix. Déjelo.",
        // The question starts at "¿", but the sentence is one: the command before it is
        // read as part of the question.
        "Deje la aspirina, ¿de acuerdo?",
    ];
    assert_known_limits(&detector, &flagged_but_fine, &missed, Role::Question);
}

#[test]
fn odd_spanish_text_does_not_trip_it() {
    let detector = spanish();
    let texts = [
        "¿",
        "¿?",
        "¡!",
        "¿¿¿aspirina???",
        "\u{301}",
        "a\u{301}\u{301}\u{301}",
        "5\u{301} mg de aspirina",
        "Ñ",
        "ÁÉÍÓÚ suspenda la aspirina",
        "¿{each}?",
    ];
    assert_odd_text_is_read_whole(&detector, &texts);
}
