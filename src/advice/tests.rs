use std::time::Instant;

use serde::Deserialize;

use super::vocabulary::ENGLISH;
use super::*;
use crate::i18n::Lang;

/// The English detector `check` holds a checklist to: the word lists with every name of
/// the built-in medicine list, in both languages, misspellings too.
fn detector() -> Detector {
    detector_for(Lang::En)
}

/// The Spanish detector `check` holds a Spanish translation to.
fn spanish() -> Detector {
    detector_for(Lang::Es)
}

fn detector_for(lang: Lang) -> Detector {
    crate::loader::Library::load(None, false).detector(lang)
}

/// The Spanish catalogue: how a Spanish-speaking clinic reads what `check` finds.
fn spanish_words() -> crate::i18n::Messages {
    crate::i18n::Messages::new(Lang::Es)
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
                detector.check_in(text, role, Scope::MedicineItem),
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
    assert_eq!(vocabulary.rules.len(), 8);
}

#[test]
fn spanish_parses_and_each_language_has_its_lists() {
    let vocabulary = Vocabulary::spanish();
    assert_eq!(vocabulary.rules.len(), 8);
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

/// The labelled tuning corpus: every sentence as labelled, all mismatches in one message, and
/// the scores printed (`scripts/advice-scores.sh`).
#[test]
fn corpus() {
    let corpus = include_str!("../../tests/fixtures/advice/en.tsv");
    let scores = score(corpus, &detector());
    assert!(scores.n >= 130, "the corpus needs at least 130 sentences");
    assert!(scores.wrong.is_empty(), "{scores}");
}

/// The Spanish tuning corpus, held to the same rules with the Spanish word lists.
#[test]
fn corpus_es() {
    let corpus = include_str!("../../tests/fixtures/advice/es.tsv");
    let scores = score(corpus, &spanish());
    assert!(scores.n >= 130, "the corpus needs at least 130 sentences");
    assert!(scores.wrong.is_empty(), "{scores}");
}

/// The held-out corpus (tests/fixtures/advice/HELDOUT.md), written before issue 22 changed
/// the detector and never tuned against: the goals are a recall of at least 0.97 and at most
/// 2% of its harmless sentences rejected. Its mismatches are printed, not required away.
#[test]
fn held_out() {
    let corpus = include_str!("../../tests/fixtures/advice/heldout-en.tsv");
    assert_held_out_goals(&score(corpus, &detector()));
}

/// The Spanish held-out corpus, with the same goals.
#[test]
fn held_out_es() {
    let corpus = include_str!("../../tests/fixtures/advice/heldout-es.tsv");
    assert_held_out_goals(&score(corpus, &spanish()));
}

/// The second held-out set (50 sentences a language), written after the tuning for issue 22
/// by a session that had read neither the detector nor any corpus: measured once and
/// reported as it came out. Its score is printed; it is never tuned against.
#[test]
fn held_out_second() {
    let corpus = include_str!("../../tests/fixtures/advice/heldout2-en.tsv");
    let scores = score(corpus, &detector());
    assert_eq!(scores.n, 50);
    println!("{scores}");
}

/// The second Spanish held-out set, measured the same way.
#[test]
fn held_out_second_es() {
    let corpus = include_str!("../../tests/fixtures/advice/heldout2-es.tsv");
    let scores = score(corpus, &spanish());
    assert_eq!(scores.n, 50);
    println!("{scores}");
}

fn assert_held_out_goals(scores: &Scores) {
    assert!(
        scores.n >= 100,
        "the held-out corpus needs at least 100 sentences"
    );
    assert!(
        scores.recall() >= 0.97 && scores.fine_rejected() <= 0.02,
        "below the goals (recall >= 0.97, harmless rejected <= 0.02): {scores}"
    );
}

/// How a corpus did: counts, and each sentence it got wrong.
struct Scores {
    n: u32,
    /// Advice flagged, harmless flagged, advice missed, harmless sentences.
    caught: u32,
    rejected: u32,
    missed: u32,
    fine: u32,
    wrong: Vec<String>,
}

impl Scores {
    fn precision(&self) -> f64 {
        f64::from(self.caught) / f64::from((self.caught + self.rejected).max(1))
    }

    fn recall(&self) -> f64 {
        f64::from(self.caught) / f64::from((self.caught + self.missed).max(1))
    }

    /// The share of harmless sentences flagged.
    fn fine_rejected(&self) -> f64 {
        f64::from(self.rejected) / f64::from(self.fine.max(1))
    }
}

/// The line `scripts/advice-scores.sh` prints, then every mismatch.
impl std::fmt::Display for Scores {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "precision {:.2} recall {:.2} harmless-rejected {:.2} (n={})",
            self.precision(),
            self.recall(),
            self.fine_rejected(),
            self.n
        )?;
        if !self.wrong.is_empty() {
            write!(
                f,
                "\n{} mismatches:\n{}",
                self.wrong.len(),
                self.wrong.join("\n")
            )?;
        }
        Ok(())
    }
}

/// Whether `check` finds advice in a sentence of a corpus: every sentence is read as a line
/// of an item that asks about medicines (`medicines: true`), which names none of them
/// itself, as `check` reads such a line (`rules::medication_problems`): there `{each}`,
/// "stop it" and "hold your levothyroxine" speak of a medicine.
fn flagged(detector: &Detector, sentence: &str, role: Role) -> Option<String> {
    let reading = crate::checklist::rules::Reading {
        voice: role,
        about_medicines: Some(true),
        item_names_one: false,
        about_the_chosen: false,
    };
    let what = crate::problem::Message::from("line");
    crate::checklist::rules::medication_problems(detector, &what, sentence, reading)
        .into_iter()
        .next()
        .map(|problem| problem.english())
}

/// Check every sentence of a corpus (`LABEL<TAB>ROLE<TAB>sentence`) as labelled; print the
/// scores and the mismatches.
fn score(corpus: &str, detector: &Detector) -> Scores {
    let mut scores = Scores {
        n: 0,
        caught: 0,
        rejected: 0,
        missed: 0,
        fine: 0,
        wrong: Vec::new(),
    };
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
        scores.n += 1;
        scores.fine += u32::from(!advice);
        match (advice, flagged(detector, sentence, role)) {
            (true, Some(_)) => scores.caught += 1,
            (false, Some(problem)) => {
                scores.rejected += 1;
                scores
                    .wrong
                    .push(format!("line {}: flagged but fine: {problem}", number + 1));
            }
            (true, None) => {
                scores.missed += 1;
                scores
                    .wrong
                    .push(format!("line {}: missed advice: {sentence:?}", number + 1));
            }
            (false, None) => {}
        }
    }
    println!("{scores}");
    scores
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
            detector.check_in(text, *role, Scope::MedicineItem)
        } else {
            detector.check(text, *role)
        };
        if let Some(finding) = found {
            wrong.push(format!(
                "{id}: {text:?} ({role:?}): {}",
                finding.why.english()
            ));
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
        detector.check_in(ask, Role::Question, Scope::MedicineItem),
        None
    );
    assert_eq!(detector.check(ask, Role::Question), None);
    // A question asks wherever it stands; the same words said are advice.
    assert_eq!(
        detector.check_in(ask, Role::Statement, Scope::MedicineItem),
        None
    );
    let said = "You need to stop {each} before the procedure.";
    let found = detector
        .check_in(said, Role::Statement, Scope::MedicineItem)
        .expect("advice");
    assert_eq!(found.phrase, "stop");
    assert!(
        found
            .instead
            .english()
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
            .check_in(
                "Take {answer} 2 days before.",
                Role::Statement,
                Scope::MedicineItem
            )
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
        found.why.english().contains("timing") && found.why.english().contains("\"Plavix\""),
        "{found:?}"
    );
    assert!(found.instead.english().contains("Plavix"), "{found:?}");

    let text = "Please DON'T take Aleve.";
    let found = detector.check(text, Role::Statement).expect("advice");
    assert_eq!(found.start, 7);
    assert_eq!(found.phrase, "DON'T take");
    assert_eq!(
        found.instead.english(),
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
            .english()
            .ends_with("Do I need to stop my blood thinners before the procedure?")
    );
    let found = detector
        .check("Hold your NSAIDs.", Role::Statement)
        .expect("advice");
    assert!(
        found
            .instead
            .english()
            .ends_with("Do I need to stop my NSAIDs before the procedure?")
    );
    let found = detector
        .check("Skip your pills.", Role::Statement)
        .expect("advice");
    assert!(
        found
            .instead
            .english()
            .ends_with("Do I need to stop my medicines before the procedure?")
    );

    // In a question for the care team, a sentence that is not a question may not say it.
    let found = detector
        .check("Stop Plavix. Is that all right?", Role::Question)
        .expect("advice");
    assert!(found.instead.english().contains("not one"), "{found:?}");
    // A question may not give an amount either.
    let found = detector
        .check("Can I take half a tablet?", Role::Question)
        .expect("advice");
    assert_eq!(found.phrase, "half a tablet");
    assert!(found.why.english().contains("amount"));
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
        // A hedged "may need to be stopped", left to the care team after a semicolon (a
        // sentence of its own).
        "Some pills may need to be stopped; your care team will say which.",
    ];
    let missed = [
        // A pronoun for a medicine named in another sentence, on an item that names none
        // (`Scope::Plain`; where the item names one, it is found: see
        // `pronouns_and_possessives_stand_for_the_medicines_of_their_item`).
        "You take Plavix. Stop it.",
        // A medicine only an exception covers ("bring ...", "ask about ..."): a pronoun
        // stands for it, and it ties nothing.
        "Bring your aspirin but stop it the week before.",
        "Ask your doctor about Plavix, but stop it 5 days before.",
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
            detector.check_in(text, role, Scope::MedicineItem),
            detector.check(text, role),
        ]
        .into_iter()
        .flatten()
        {
            wrong.push(format!(
                "{text:?} ({role:?}): {} ({:?})",
                found.why.english(),
                found.phrase
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // A question asks wherever it stands; the same words said are advice.
    assert_eq!(
        detector.check_in(questions[0], Role::Statement, Scope::MedicineItem),
        None
    );
    let said = "Tiene que dejar de tomar {each} antes del procedimiento.";
    let found = detector
        .check_in(said, Role::Statement, Scope::MedicineItem)
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
        let kind = |f: Finding| f.instead.english();
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
    assert_eq!(detector.check(ask, Role::Statement), None);
    let said = "¡Suspendo la aspirina antes del procedimiento!";
    let found = detector.check(said, Role::Statement).expect("advice");
    assert_eq!(found.phrase, "Suspendo");
    assert_eq!(&said[found.start..found.start + 8], "Suspendo");
    // Without the opening mark it is a question too; without the closing one it is not.
    assert_eq!(
        detector.check("Suspendo la aspirina?", Role::Question),
        None
    );
    let found = detector
        .check("¿Suspendo la aspirina.", Role::Question)
        .expect("not a question");
    assert!(
        found
            .instead
            .words(&spanish_words())
            .starts_with("Solo una pregunta"),
        "{found:?}"
    );
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
        found.instead.words(&spanish_words()),
        "Escríbalo como una pregunta para el equipo de salud (una línea `ask`), por ejemplo: \
         ¿Tengo que dejar de tomar aspirina antes del procedimiento?"
    );
    assert!(
        found.why.words(&spanish_words()).contains("\"aspirina\""),
        "{found:?}"
    );
    // A class is asked about as written; a generic word as "mis medicinas".
    let found = detector
        .check("Deje los Anticoagulantes.", Role::Statement)
        .expect("advice");
    assert!(
        found
            .instead
            .words(&spanish_words())
            .ends_with("¿Tengo que dejar de tomar anticoagulantes antes del procedimiento?"),
        "{found:?}"
    );
    let found = detector
        .check("Sáltese las pastillas.", Role::Statement)
        .expect("advice");
    assert!(
        found
            .instead
            .words(&spanish_words())
            .ends_with("¿Tengo que dejar de tomar mis medicinas antes del procedimiento?"),
        "{found:?}"
    );
    let found = detector
        .check("Reanude {each} el lunes.", Role::Statement)
        .map(|f| f.phrase);
    assert_eq!(found, None, "not a medicine item: {{each}} is a word");
    let found = detector
        .check_in(
            "Reanude {each} el lunes.",
            Role::Statement,
            Scope::MedicineItem,
        )
        .expect("advice");
    assert!(
        found.why.words(&spanish_words()).contains("momento"),
        "{found:?}"
    );
    assert!(
        found.instead.words(&spanish_words()).contains("{each}"),
        "{found:?}"
    );
    let found = detector
        .check("Tome 81 mg de aspirina.", Role::Statement)
        .expect("advice");
    assert!(
        found
            .instead
            .words(&spanish_words())
            .starts_with("Deje la cantidad"),
        "{found:?}"
    );
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
    assert!(detector_for(Lang::En).mentions_medicine("Cambia"));
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
    ];
    let missed = [
        // A pronoun for a medicine named in another sentence, on an item that names none.
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

/// Issue 22, pattern 1: a misspelt name is a name, as the walk reads a typed one
/// (`Catalogue::recognise`, the lists' `misspelled` names, edit distance for longer names),
/// in either language and with the names of both.
#[test]
fn misspelt_names_are_names_as_the_walk_reads_them() {
    let library = crate::loader::Library::load(None, false);
    let catalogue = &library.catalogues[0].content;
    for (lang, detector) in [("en", detector()), ("es", spanish())] {
        for word in [
            "Warfarn",
            "Plavics",
            "Brillinta",
            "Eliqis",
            "Xarleto",
            "Cumadin",
            "clopidrogel",
            "Sintron",
            "asprina",
            "warfarna",
            "tumeric",
            "Eliquiss",
        ] {
            assert!(
                catalogue.recognise(word).is_some(),
                "{lang}: the walk: {word}"
            );
            assert!(detector.mentions_medicine(word), "{lang}: check: {word}");
        }
        // Short words are read exactly, and a word of running text keeps the first letter
        // and about the length of the name it misspells ("efficient" is not Effient).
        for word in ["Advl", "efficient", "layer"] {
            assert!(!detector.mentions_medicine(word), "{lang}: {word}");
        }
    }
    let english = detector();
    for text in [
        "Warfarn should be stopped 5 days before your procedure.",
        "Stop your Plavics one week before.",
        "Hold your Brillinta for five days before the trial.",
    ] {
        assert!(english.check(text, Role::Statement).is_some(), "{text:?}");
    }
    let spanish = spanish();
    for text in [
        "Suspenda el clopidrogel 5 días antes del implante.",
        "No tome el Sintron los tres días anteriores.",
    ] {
        assert!(spanish.check(text, Role::Statement).is_some(), "{text:?}");
    }
    let found = english
        .check("Stop Eliqis 2 days before.", Role::Statement)
        .expect("advice");
    assert!(found.why.english().contains("\"Eliqis\""), "{found:?}");
}

/// Issue 22, pattern 2: on an item about medicines, and on one that names a medicine
/// anywhere, a pronoun or a possessive that a medicine's verb takes stands for a medicine;
/// an everyday thing does not, and elsewhere they are just words.
#[test]
fn pronouns_and_possessives_stand_for_the_medicines_of_their_item() {
    let cases = [
        (
            detector(),
            &[
                "Stop your levothyroxine 2 days before.",
                "Stop it 7 days before.",
                "You will need to hold them the morning of the procedure.",
                "Your Synthroid should be stopped 3 days before.",
                "Keep taking it as usual.",
            ][..],
            &[
                "Take your shower the night before.",
                "Stop eating at midnight.",
                "Take your time.",
                "Take it easy for 2 days.",
                "Take them with you on the day of the visit.",
            ][..],
        ),
        (
            spanish(),
            &[
                "Suspenda su levotiroxina 2 días antes.",
                "No deje de tomar su levotiroxina, ni siquiera el día de la cirugía.",
                "Suspéndalo 7 días antes.",
                "No la tome el día del implante.",
                "Deje de tomarlos una semana antes.",
            ][..],
            &[
                "Tome su ducha la noche anterior.",
                "Deje de comer a medianoche.",
                "Deje su ropa en casa el día de la cirugía.",
                "Tómelo con calma 2 días.",
            ][..],
        ),
    ];
    for (detector, advice, fine) in cases {
        for text in advice {
            for scope in [Scope::MedicineItem, Scope::NamesOne] {
                assert!(
                    detector.check_in(text, Role::Statement, scope).is_some(),
                    "{text:?} {scope:?}"
                );
            }
            assert!(detector.check(text, Role::Statement).is_none(), "{text:?}");
        }
        for text in fine {
            let found = detector.check_in(text, Role::Statement, Scope::MedicineItem);
            assert!(found.is_none(), "{text:?}: {found:?}");
        }
    }
    // A pronoun for the medicine another sentence of the text names.
    let text = "You take Plavix. Stop it.";
    assert!(
        detector()
            .check_in(text, Role::Statement, Scope::NamesOne)
            .is_some()
    );
    let text = "Usted toma Plavix. Déjelo.";
    assert!(
        spanish()
            .check_in(text, Role::Statement, Scope::NamesOne)
            .is_some()
    );
}

/// Issue 22, patterns 3 and 4: a question, a to-do that asks or defers, the care team as the
/// one who decides and prepcheck's own statement are harmless, in both languages alike; a
/// timing other than the procedure's own day, or an amount, is advice even there.
#[test]
fn questions_deferrals_and_the_care_team_deciding_are_harmless() {
    let cases = [
        (
            Lang::En,
            detector(),
            &[
                "Ask your heart doctor if it is safe to hold your aspirin.",
                "Question for your care team: should I hold my Brilinta before the trial?",
                "If you are not sure whether to take a medicine that morning, call us.",
                "Ask your doctor if you should stop Plavix.",
                "Our team will decide with your cardiologist whether your Brilinta can be paused.",
                "If your doctor changes your Coumadin dose, tell us right away.",
                "Talk to your doctor before you change any medicine.",
                "Your doctor will tell you if and when to stop Eliquis, and when to start it again.",
                "Do not stop Eliquis without talking to the doctor who prescribed it.",
                "Should I take my insulin on the morning of the procedure?",
            ][..],
            &[
                "Ask your doctor whether to stop Plavix 7 days before.",
                "Should I stop Plavix the night before?",
                "Can I take half a tablet?",
                "Your doctor will tell you to stop Eliquis 2 days before.",
                "Stop Plavix unless your doctor says otherwise.",
            ][..],
        ),
        (
            Lang::Es,
            spanish(),
            &[
                "Pregunte a su médico si debe suspender el Plavix.",
                "Pregúntele a su médico si tiene que suspender el Plavix.",
                "Consulte con su médico si puede suspender el Plavix.",
                "Pregunta para su equipo de salud: ¿debo dejar el Brilinta antes de la prueba?",
                "Si no está seguro de si debe tomar una medicina esa mañana, llámenos.",
                "Nuestro equipo decidirá con su cardiólogo si se puede pausar el Brilinta.",
                "Si su médico le cambia la dosis de Coumadin, avísenos enseguida.",
                "Su médico le dirá si tiene que suspender el Brilinta.",
                "Hable con su médico antes de cambiar cualquier medicina.",
                "No suspenda el Eliquis sin hablar antes con el médico que se lo recetó.",
                "¿Me pongo la insulina la mañana del procedimiento?",
            ][..],
            &[
                "Pregunte a su médico si debe suspender el Plavix 7 días antes.",
                "¿Dejo el Plavix la noche anterior?",
                "¿Puedo tomar media pastilla?",
                "Su médico le dirá que suspenda el Eliquis 2 días antes.",
                "Suspenda el Plavix salvo que su médico le diga otra cosa.",
            ][..],
        ),
    ];
    for (lang, detector, fine, advice) in cases {
        let statement = crate::i18n::Messages::new(lang).get("medication-statement");
        for text in fine.iter().copied().chain([statement.as_str()]) {
            for role in [Role::Statement, Role::Question] {
                let found = detector.check_in(text, role, Scope::MedicineItem);
                assert!(found.is_none(), "{text:?}: {found:?}");
            }
        }
        for text in advice {
            for role in [Role::Statement, Role::Question] {
                let found = detector.check_in(text, role, Scope::MedicineItem);
                assert!(found.is_some(), "{text:?}");
            }
        }
    }
}

/// Issue 22: a timing in a sentence about something that is not a medicine (eating, a
/// call) stays harmless, on an item about medicines too; and a question about turmeric is
/// read as one about ginkgo (pattern 5: both are on the list).
#[test]
fn a_timing_for_something_else_stays_harmless_and_herbs_are_alike() {
    let english = detector();
    for text in [
        "Stop eating at midnight.",
        "Skip breakfast that morning.",
        "Call us the day before.",
        "If your doctor adjusts your warfarin, call us the same day.",
    ] {
        let found = english.check_in(text, Role::Statement, Scope::MedicineItem);
        assert!(found.is_none(), "{text:?}: {found:?}");
    }
    let spanish = spanish();
    for text in [
        "Deje de comer a medianoche.",
        "Llámenos el día antes.",
        "Si su médico le ajusta la warfarina, llámenos el mismo día.",
    ] {
        let found = spanish.check_in(text, Role::Statement, Scope::MedicineItem);
        assert!(found.is_none(), "{text:?}: {found:?}");
    }
    for herb in ["turmeric", "ginkgo"] {
        let ask = format!("Ask your doctor whether you should stop {herb} before the trial.");
        assert_eq!(english.check(&ask, Role::Statement), None, "{ask:?}");
        let said = format!("Stop {herb} 7 days before the trial.");
        assert!(english.check(&said, Role::Statement).is_some(), "{said:?}");
    }
    for herb in ["la cúrcuma", "el ginkgo"] {
        let ask = format!("Pregunte a su médico si debe suspender {herb} antes de la prueba.");
        assert_eq!(spanish.check(&ask, Role::Statement), None, "{ask:?}");
        let said = format!("Suspenda {herb} 7 días antes de la prueba.");
        assert!(spanish.check(&said, Role::Statement).is_some(), "{said:?}");
    }
}
