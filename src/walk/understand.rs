//! What a patient types on a screen, understood the same way by both front ends: yes and no
//! (in the patient's language and in English: a household may use both, with or without
//! accents), a choice by its number or its words, and the numbers typed for a list.

use crate::i18n::{Lang, Messages};

/// Lower case without accents or a full stop at the end: "Sí." and "si" are the same word.
pub fn plain_letters(word: &str) -> String {
    word.trim()
        .trim_end_matches(['.', '!'])
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'á' => 'a',
            'é' => 'e',
            'í' => 'i',
            'ó' => 'o',
            'ú' | 'ü' => 'u',
            c => c,
        })
        .collect()
}

thread_local! {
    /// The English words, read once: every typed line and key is compared with them.
    static ENGLISH: Messages = Messages::new(Lang::En);
}

/// A message in English.
fn in_english(id: &str) -> String {
    ENGLISH.with(|english| english.get(id))
}

/// The words of a message listing words ("yes, yeah, y"), in the patient's language and in
/// English, as plain letters.
pub fn words(m: &Messages, id: &str) -> Vec<String> {
    [m.get(id), in_english(id)]
        .iter()
        .flat_map(|list| list.split(',').map(plain_letters).collect::<Vec<_>>())
        .filter(|word| !word.is_empty())
        .collect()
}

/// Whether `typed` is one of the words of `id`.
pub fn is_word(m: &Messages, typed: &str, id: &str) -> bool {
    words(m, id).contains(&plain_letters(typed))
}

/// Yes or no, typed as a word: "yes", "y", "yeah", "sí", "si", "no", "nope".
pub fn yes_no(m: &Messages, typed: &str) -> Option<bool> {
    if is_word(m, typed, "words-yes") {
        Some(true)
    } else if is_word(m, typed, "words-no") {
        Some(false)
    } else {
        None
    }
}

/// Yes or no, pressed as a key: Y and N, and in Spanish S and N too.
pub fn yes_no_key(m: &Messages, key: char) -> Option<bool> {
    let initials = |id: &str| {
        [m.get(id), in_english(id)]
            .iter()
            .filter_map(|word| word.chars().next())
            .collect::<Vec<char>>()
    };
    let key = key.to_lowercase().next()?;
    if initials("word-y").contains(&key) {
        Some(true)
    } else if initials("word-n").contains(&key) {
        Some(false)
    } else {
        None
    }
}

/// The choice whose label is the word for yes (or no), when a list has one: "Sí" on a list
/// of "Sí", "No", "No estoy seguro".
pub fn yes_no_choice(m: &Messages, labels: &[String], yes: bool) -> Option<usize> {
    labels
        .iter()
        .position(|label| yes_no(m, label) == Some(yes))
}

/// Why a line is not one of the choices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotAChoice {
    Empty,
    /// The word that is neither a number of a choice nor one's words.
    Unknown(String),
    OnlyOne,
}

/// The numbers typed for a list of `count` choices: "2", "1, 3", "1 3".
pub fn numbers(line: &str, count: usize, several: bool) -> Result<Vec<usize>, NotAChoice> {
    let mut picked = Vec::new();
    for word in line
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|w| !w.is_empty())
    {
        match word.parse::<usize>() {
            Ok(n) if (1..=count).contains(&n) => {
                if !picked.contains(&(n - 1)) {
                    picked.push(n - 1);
                }
            }
            _ => return Err(NotAChoice::Unknown(word.to_string())),
        }
    }
    match picked.len() {
        0 => Err(NotAChoice::Empty),
        1 => Ok(picked),
        _ if several => Ok(picked),
        _ => Err(NotAChoice::OnlyOne),
    }
}

/// One choice of `labels`, typed as its number ("2"), its words ("the implant", "Sí", "si")
/// or as yes or no where the choices are Yes and No.
pub fn choice(m: &Messages, line: &str, labels: &[String]) -> Result<usize, NotAChoice> {
    let typed = plain_letters(line);
    if let Some(at) = labels.iter().position(|l| plain_letters(l) == typed) {
        return Ok(at);
    }
    // A label that starts with its own short name ("0: no pain" on a pain scale): that
    // name, typed, is the label, before any number on the list.
    let lead = |label: &String| label.split_once(':').map(|(lead, _)| plain_letters(lead));
    if let Some(at) = labels
        .iter()
        .position(|l| lead(l).is_some_and(|l| l == typed))
    {
        return Ok(at);
    }
    if let Some(at) = yes_no(m, line).and_then(|yes| yes_no_choice(m, labels, yes)) {
        return Ok(at);
    }
    match numbers(line, labels.len(), false) {
        Ok(picked) => Ok(picked[0]),
        // A single word that is not a number: what the patient typed, whole.
        Err(NotAChoice::Unknown(_)) if !typed.is_empty() => {
            Err(NotAChoice::Unknown(line.trim().to_string()))
        }
        Err(problem) => Err(problem),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::english;

    fn labels(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn yes_and_no_in_either_language() {
        let es = Messages::new(Lang::Es);
        for (typed, expected) in [
            ("sí", Some(true)),
            ("si", Some(true)),
            ("SI", Some(true)),
            ("Sí.", Some(true)),
            ("s", Some(true)),
            ("yes", Some(true)),
            ("no", Some(false)),
            ("n", Some(false)),
            ("quizás", None),
            ("", None),
        ] {
            assert_eq!(yes_no(&es, typed), expected, "{typed:?}");
        }
        assert_eq!(yes_no(english(), "yeah"), Some(true));
        assert_eq!(yes_no(english(), "Nope"), Some(false));
        assert_eq!(
            yes_no(english(), "si"),
            None,
            "Spanish words are for Spanish"
        );
        assert_eq!(yes_no_key(&es, 'S'), Some(true));
        assert_eq!(yes_no_key(&es, 'y'), Some(true));
        assert_eq!(yes_no_key(english(), 'N'), Some(false));
        assert_eq!(yes_no_key(english(), 's'), None);
    }

    #[test]
    fn a_choice_by_its_number_its_words_or_yes_and_no() {
        let es = Messages::new(Lang::Es);
        let sure = labels(&["Sí", "No", "No estoy seguro"]);
        assert_eq!(choice(&es, "si", &sure), Ok(0));
        assert_eq!(choice(&es, "2", &sure), Ok(1));
        assert_eq!(choice(&es, "no estoy seguro", &sure), Ok(2));
        let steps = labels(&["The trial", "The implant"]);
        assert_eq!(choice(english(), "the implant", &steps), Ok(1));
        assert_eq!(
            choice(english(), "maybe", &steps),
            Err(NotAChoice::Unknown("maybe".into()))
        );
        assert_eq!(
            choice(english(), "yes", &steps),
            Err(NotAChoice::Unknown("yes".into()))
        );
        assert_eq!(choice(english(), "1 2", &steps), Err(NotAChoice::OnlyOne));
        assert_eq!(choice(english(), " ", &steps), Err(NotAChoice::Empty));
    }

    #[test]
    fn numbers_of_a_list() {
        assert_eq!(numbers("1, 3", 3, true), Ok(vec![0, 2]));
        assert_eq!(numbers("3 1 3", 3, true), Ok(vec![2, 0]));
        assert_eq!(numbers("4", 3, true), Err(NotAChoice::Unknown("4".into())));
        assert_eq!(numbers("", 3, true), Err(NotAChoice::Empty));
    }
}
