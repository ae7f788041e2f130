//! The diary's three questions as a checklist the walk's engine asks, in the patient's
//! language: pain right now (0 to 10, with words at 0, 5 and 10), what the patient could do
//! today, and anything new they noticed (both optional: Enter skips them); then, once, the
//! trial's dates when the diary does not know them (`Ask::Trial`). The answers become an
//! entry (`entry_of`) and the trial's dates (`trial_of`).

use crate::answers::{Answer, Answers};
use crate::checklist::{Checklist, Scrutiny, SourceFiles};
use crate::i18n::Messages;
use crate::problem::Message;

use super::{At, Entry, MAX_SCORE, Score, Trial};

/// The ids of the questions.
pub const PAIN: &str = "pain-now";
pub const COULD_DO: &str = "could-do";
pub const NOTICED: &str = "noticed";
pub const TRIAL_START: &str = "trial-start";
pub const TRIAL_END: &str = "trial-end";

/// What the walk asks besides the entry: the trial's dates when the diary does not know
/// them (its end only, when the answers give its start).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ask {
    Entry,
    Trial { start: Option<jiff::civil::Date> },
}

/// Why the diary asks: the passage of the clinic's text (sources/intrathecal-pain-pump.txt)
/// that each of its questions names as its source.
const PURPOSE: &str = "This period is designed to test if the medication indeed decreases pain levels before inserting the device.";

/// The diary's one source: the passage above.
struct NoSources;

impl SourceFiles for NoSources {
    fn read_source(&self, _relative: &str) -> Result<String, Message> {
        Ok(PURPOSE.to_string())
    }
}

/// Text as a YAML scalar: a JSON string is one, with every character escaped that must be.
fn scalar(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_default()
}

/// The trial's date questions (plain dates: a trial's start is often past).
fn trial_yaml(ask: Ask, m: &Messages) -> String {
    let Ask::Trial { start } = ask else {
        return String::new();
    };
    let item = |id: &str, words: &str| {
        format!(
            "      - id: {id}\n        ask: {}\n        kind: date\n",
            scalar(&m.get(words))
        )
    };
    let mut yaml = String::new();
    if start.is_none() {
        yaml.push_str(&item(TRIAL_START, "diary-ask-trial-start"));
    }
    yaml.push_str(&item(TRIAL_END, "diary-ask-trial-end"));
    yaml
}

/// The checklist's YAML, in the words of `m`.
fn yaml(ask: Ask, m: &Messages) -> String {
    let choice = |n: u8| {
        let label = match n {
            0 => m.get("diary-pain-0"),
            5 => m.get("diary-pain-5"),
            MAX_SCORE => m.get("diary-pain-10"),
            n => n.to_string(),
        };
        format!(
            "          - {{id: \"score-{n}\", label: {}}}\n",
            scalar(&label)
        )
    };
    // A score typed is its label ("5" is "5: pain in the middle"), not the fifth line.
    let choices: String = (0..=MAX_SCORE).map(choice).collect();
    format!(
        "id: pain-diary\ntitle: {title}\nprocedure: {title}\nversion: 1\nsources:\n  - {{id: trial, title: trial, file: trial.txt}}\nsections:\n  - title: {title}\n    items:\n\
         \x20     - id: {PAIN}\n        ask: {pain}\n        help: {help}\n        kind: one-choice\n        medicines: true\n{source}        choices:\n{choices}\
         \x20     - id: {COULD_DO}\n        ask: {could}\n        kind: text\n{source}\
         \x20     - id: {NOTICED}\n        ask: {noticed}\n        kind: text\n{source}{trial}",
        source = format!(
            "        source: {{from: trial, quote: {}}}\n",
            scalar(PURPOSE)
        ),
        title = scalar(&m.get("diary-title")),
        pain = scalar(&m.get("diary-ask-pain")),
        help = scalar(&m.get("diary-ask-pain-help")),
        could = scalar(&m.get("diary-ask-could-do")),
        noticed = scalar(&m.get("diary-ask-noticed")),
        trial = trial_yaml(ask, m),
    )
}

/// The diary's questions as a checklist; `None` only if the catalogue's words broke it,
/// which a unit test rules out.
pub fn checklist(ask: Ask, m: &Messages) -> Option<Checklist> {
    let text = yaml(ask, m);
    let parsed = crate::checklist::parse(
        "pain-diary",
        text.as_bytes(),
        &NoSources,
        &[],
        Scrutiny::BuiltIn,
    );
    parsed.ok().map(|(checklist, _)| checklist)
}

/// The entry the answers make at `at`: none until the pain score is given; an empty text
/// (skipped with Enter) is no text.
pub fn entry_of(answers: &Answers, at: At) -> Option<Entry> {
    let score = match answers.get(PAIN)? {
        Answer::Choice(id) => id.strip_prefix("score-").and_then(Score::parse)?,
        _ => return None,
    };
    let text = |id| match answers.get(id) {
        Some(Answer::Text(text)) if !text.trim().is_empty() => Some(text.trim().to_string()),
        _ => None,
    };
    let mut entry = Entry::new(at, score);
    entry.could_do = text(COULD_DO);
    entry.noticed = text(NOTICED);
    Some(entry)
}

/// The trial's dates the answers give (with the start the answers file gave, if asked only
/// for the end); none until both are given, or if the end comes before the start.
pub fn trial_of(answers: &Answers, ask: Ask) -> Option<Trial> {
    let Ask::Trial { start } = ask else {
        return None;
    };
    let date = |id| match answers.get(id) {
        Some(Answer::Date(date)) => Some(*date),
        _ => None,
    };
    Trial::new(start.or_else(|| date(TRIAL_START))?, date(TRIAL_END)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{LANGUAGES, Lang};

    #[test]
    fn the_questions_make_a_checklist_in_both_languages_with_words_at_0_5_and_10() {
        for lang in LANGUAGES {
            let m = Messages::new(lang);
            let text = yaml(Ask::Entry, &m);
            let parsed =
                crate::checklist::parse("d", text.as_bytes(), &NoSources, &[], Scrutiny::BuiltIn);
            let problems = parsed.err().map(|p| format!("{p:?}")).unwrap_or_default();
            let checklist =
                checklist(Ask::Entry, &m).unwrap_or_else(|| panic!("{lang:?}: {problems}\n{text}"));
            let pain = checklist.item(PAIN).expect("pain");
            let labels: Vec<&str> = pain.choices().iter().map(|c| c.label.as_str()).collect();
            assert_eq!(labels.len(), 11);
            assert_eq!(labels[1], "1");
            let zero = if lang == Lang::En {
                "0: no pain"
            } else {
                "0: nada de dolor"
            };
            assert_eq!(labels[0], zero);
            assert!(checklist.item(COULD_DO).is_some() && checklist.item(NOTICED).is_some());
            // Each score typed is itself, not the line of that number.
            let labels: Vec<String> = labels.iter().map(|l| l.to_string()).collect();
            for score in 0..=10usize {
                let typed = score.to_string();
                assert_eq!(
                    crate::walk::understand::choice(&m, &typed, &labels),
                    Ok(score)
                );
            }
        }
    }

    #[test]
    fn the_trial_is_asked_once_and_read_from_the_answers() {
        let date = |d: &str| d.parse::<jiff::civil::Date>().expect("date");
        for lang in LANGUAGES {
            let m = Messages::new(lang);
            let both = Ask::Trial { start: None };
            let text = yaml(both, &m);
            let parsed =
                crate::checklist::parse("d", text.as_bytes(), &NoSources, &[], Scrutiny::BuiltIn);
            let problems = parsed.err().map(|p| format!("{p:?}")).unwrap_or_default();
            let asked = checklist(both, &m).unwrap_or_else(|| panic!("{problems}\n{text}"));
            assert!(asked.item(TRIAL_START).is_some() && asked.item(TRIAL_END).is_some());
            let known = Ask::Trial {
                start: Some(date("2026-12-14")),
            };
            let end_only = checklist(known, &m).expect("checklist");
            assert!(end_only.item(TRIAL_START).is_none() && end_only.item(TRIAL_END).is_some());
            assert!(
                checklist(Ask::Entry, &m)
                    .expect("c")
                    .item(TRIAL_END)
                    .is_none()
            );
        }
        let mut answers = Answers::default();
        answers.set(TRIAL_END, Answer::Date(date("2026-12-27")));
        let from_file = Ask::Trial {
            start: Some(date("2026-12-14")),
        };
        let trial = trial_of(&answers, from_file).expect("trial");
        assert_eq!(
            trial,
            Trial::new(date("2026-12-14"), date("2026-12-27")).expect("t")
        );
        let both = Ask::Trial { start: None };
        assert_eq!(trial_of(&answers, both), None, "no start yet");
        answers.set(TRIAL_START, Answer::Date(date("2026-12-28")));
        assert_eq!(trial_of(&answers, both), None, "an end before the start");
        assert_eq!(trial_of(&answers, Ask::Entry), None);
    }

    #[test]
    fn answers_make_an_entry_once_the_score_is_given() {
        let at = At::parse("2026-12-14T08:00:00-06:00").expect("at");
        let mut answers = Answers::default();
        assert_eq!(entry_of(&answers, at), None);
        answers.set(PAIN, Answer::Choice("score-6".into()));
        answers.set(COULD_DO, Answer::Text(" walked ".into()));
        answers.set(NOTICED, Answer::NotKnown);
        let entry = entry_of(&answers, at).expect("entry");
        assert_eq!(entry.score.value(), 6);
        assert_eq!(entry.could_do.as_deref(), Some("walked"));
        assert_eq!(entry.noticed, None);
    }
}
