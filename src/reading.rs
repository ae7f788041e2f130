//! How hard patient text is to read: the Flesch-Kincaid grade exactly as Python textstat 0.7.3
//! computes it (the reference tool, `shared/tools/reading-level`, uses it), and the hard
//! words a text uses without explaining them.
//!
//! textstat 0.7.3, step by step, which `grade` follows:
//! - words: all punctuation (anything not a letter, digit, `_` or space) is removed, then the
//!   text is split at white space; so "follow-up" and "don't" are one word each.
//! - sentences: the regex `\b[^.!?]+[.!?]*`, so each starts at a letter or digit and runs to
//!   a run of `.`, `!` or `?` (or the end; a colon ends none); those of two words or fewer
//!   are not counted (but their words are), and there is always at least one.
//! - syllables: per word of the lowercased text without punctuation, one more than the
//!   places pyphen would hyphenate it with the dictionary the reference gets, en_GB (see
//!   `hyphen`): not quite a syllable count ("people" has one, "medicine" two), but the
//!   reference's.
//! - grade: 0.39 × words per sentence + 11.8 × syllables per word − 15.59, where both
//!   averages are first rounded to one decimal, and the grade too (halves away from zero).

mod hyphen;
#[cfg(test)]
mod yaml;

use std::collections::HashSet;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;
use serde::Deserialize;

/// The grade patient text must not exceed.
pub const TARGET_GRADE: f64 = 6.0;

/// What a placeholder counts as: the patient's answer or one of their choices, taken to be
/// one short word.
const PLACEHOLDER_WORD: &str = "it";
const PLACEHOLDERS: [&str; 2] = ["{answer}", "{each}"];

/// Flesch-Kincaid grade of a text made of one or more sentences, as textstat 0.7.3 computes it.
pub fn grade(text: &str) -> f64 {
    let (words, syllables) = words_and_syllables(text);
    let sentences = sentence_count(text);
    let words_per_sentence = legacy_round(words as f64 / sentences as f64, 1);
    let syllables_per_word = if words == 0 {
        0.0
    } else {
        legacy_round(syllables as f64 / words as f64, 1)
    };
    legacy_round(
        0.39 * words_per_sentence + 11.8 * syllables_per_word - 15.59,
        1,
    )
}

/// The grade of an item: its texts (question, help, choice labels, sheet lines...) each made a sentence (a full stop added when it ends without . ? ! or :), joined as the reference tool joins YAML strings.
///
/// As the reference tool does, each text is trimmed and only those with a space in them
/// count ("Yes" and "No" do not). `{answer}` and `{each}` count as one short word.
pub fn grade_of(texts: &[&str]) -> f64 {
    grade(&joined(texts))
}

/// The texts as the reference tool joins a YAML file's strings, placeholders made short words.
fn joined(texts: &[&str]) -> String {
    let mut parts = Vec::new();
    for text in texts {
        let mut text = text.to_string();
        for placeholder in PLACEHOLDERS {
            if text.contains(placeholder) {
                text = text.replace(placeholder, PLACEHOLDER_WORD);
            }
        }
        let text = text.trim_matches(is_space);
        if !text.contains(' ') {
            continue;
        }
        if text.ends_with(['.', '?', '!', ':']) {
            parts.push(text.to_string());
        } else {
            parts.push(format!("{text}."));
        }
    }
    parts.join("\n")
}

/// Python's `\w`: a letter, a digit or `_`.
#[inline]
fn is_word(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        c.is_alphanumeric()
    }
}

/// Python's `\s` and `str.split()`: Unicode white space and the four separators below 0x20.
#[inline]
fn is_space(c: char) -> bool {
    if c.is_ascii() {
        matches!(c, ' ' | '\t'..='\r' | '\u{1c}'..='\u{1f}')
    } else {
        c.is_whitespace()
    }
}

// textstat removes punctuation (`re.sub(r"[^\w\s]", "", text)`) and then splits at white
// space: a word is a run of characters between spaces that holds a letter, digit or `_`,
// made of those alone. Both counts below read the text once that way, without copying it
// (they once copied it whole, twice, and again for each sentence).

/// textstat's `lexicon_count` and `syllable_count`, in one reading of the text. A word
/// counts when it holds a letter, digit or `_`; its syllables are those of its lowercased
/// letters without punctuation. (Lowercasing letter by letter, not the text as a whole,
/// only differs for a final Greek sigma, which no hyphenation pattern holds.)
fn words_and_syllables(text: &str) -> (usize, usize) {
    let mut hyphenator = hyphen::Hyphenator::default();
    let mut word = String::new();
    let (mut words, mut syllables) = (0, 0);
    let mut in_word = false;
    for c in text.chars().chain([' ']) {
        if is_space(c) {
            if !word.is_empty() {
                syllables += hyphenator.points(&word) + 1;
                word.clear();
            }
            in_word = false;
        } else {
            if is_word(c) && !in_word {
                words += 1;
                in_word = true;
            }
            word.extend(c.to_lowercase().filter(|&l| is_word(l)));
        }
    }
    (words, syllables)
}

/// How many words `text` starts with, as `lexicon_count` counts them, up to `most`.
fn words_up_to(text: &str, most: usize) -> usize {
    let mut count = 0;
    let mut in_word = false;
    for c in text.chars() {
        if count == most {
            break;
        }
        if is_space(c) {
            in_word = false;
        } else if is_word(c) && !in_word {
            count += 1;
            in_word = true;
        }
    }
    count
}

/// textstat's sentences: `re.findall(r'\b[^.!?]+[.!?]*', text)`. Each match starts at a word
/// boundary; as the search resumes after `.`, `!` or `?` (or at the start), that is the
/// next letter or digit.
fn sentences(text: &str) -> Vec<&str> {
    let is_stop = |c: char| matches!(c, '.' | '!' | '?');
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(is_word) {
        let sentence = &rest[start..];
        let body = sentence.find(is_stop).unwrap_or(sentence.len());
        let end = sentence[body..]
            .find(|c: char| !is_stop(c))
            .map_or(sentence.len(), |stops| body + stops);
        found.push(&sentence[..end]);
        rest = &sentence[end..];
    }
    found
}

/// textstat's `sentence_count`: sentences of two words or fewer are not counted.
fn sentence_count(text: &str) -> usize {
    let sentences = sentences(text);
    let short = sentences
        .iter()
        .filter(|sentence| words_up_to(sentence, 3) <= 2)
        .count();
    (sentences.len() - short).max(1)
}

/// textstat's `_legacy_round`: `floor(number * 10**points + copysign(0.5, number)) / 10**points`.
fn legacy_round(number: f64, points: i32) -> f64 {
    let scale = 10f64.powi(points);
    ((number * scale) + 0.5f64.copysign(number)).floor() / scale
}

static HARD_WORDS_EN: &[u8] = include_bytes!("reading/hard-words-en.yaml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HardWordEntry {
    word: String,
    plain: String,
}

/// Words a patient may not know (from an embedded list), and plain ways to say them.
pub struct HardWords {
    /// Lowercase word, and as the list writes it with its plain wording.
    words: Vec<(String, HardWordEntry)>,
    /// Lowercase word to its place in `words`: a word is looked up, not compared with every
    /// entry (which took most of the time `check` spent on a long text).
    index: FxHashMap<String, usize>,
    /// The longest and the shortest hard word, in bytes.
    longest: usize,
    shortest: usize,
}

impl HardWords {
    /// The English list, read once (`check` uses it for every file).
    pub fn english() -> &'static HardWords {
        static LIST: OnceLock<HardWords> = OnceLock::new();
        LIST.get_or_init(|| {
            let entries: Vec<HardWordEntry> = serde_saphyr::from_slice(HARD_WORDS_EN)
                .expect("the embedded hard-word list is valid (a unit test reads it)");
            let words: Vec<(String, HardWordEntry)> = entries
                .into_iter()
                .map(|entry| (entry.word.to_lowercase(), entry))
                .collect();
            let mut index = FxHashMap::default();
            for (i, (word, _)) in words.iter().enumerate() {
                index.entry(word.clone()).or_insert(i);
            }
            let longest = words.iter().map(|(word, _)| word.len()).max().unwrap_or(0);
            let shortest = words.iter().map(|(word, _)| word.len()).min().unwrap_or(0);
            HardWords {
                words,
                index,
                longest,
                shortest,
            }
        })
    }

    /// A plain way to say `word` (any case, or a plural), if it is a hard word.
    pub fn plain(&self, word: &str) -> Option<&str> {
        self.find(word).map(|i| self.words[i].1.plain.as_str())
    }

    /// The index of the hard word `word` is, in any case or as a plural.
    fn find(&self, word: &str) -> Option<usize> {
        // Most words are short and plain: no hard word is this long, and a word in lower
        // case needs no copy (every word of a text is looked up).
        let has_no_hard_word_length =
            |word: &str| word.len() > self.longest + 3 || word.len() < self.shortest;
        // Judged before lowercasing too, when lowercasing keeps the length (in ASCII).
        if word.is_ascii() && has_no_hard_word_length(word) {
            return None;
        }
        let word = if word.chars().any(char::is_uppercase) {
            std::borrow::Cow::Owned(word.to_lowercase())
        } else {
            std::borrow::Cow::Borrowed(word)
        };
        if has_no_hard_word_length(&word) {
            return None;
        }
        // The word as it is, or without the plural ending; the first entry any of them is.
        let plural_y = word.strip_suffix("ies").map(|stem| format!("{stem}y"));
        [
            Some(&*word),
            word.strip_suffix('s'),
            word.strip_suffix("es"),
            plural_y.as_deref(),
        ]
        .into_iter()
        .flatten()
        .filter_map(|form| self.index.get(form).copied())
        .min()
    }

    /// The hard words used in `texts` that the same texts do not explain: a word counts as explained when the text around it explains it in parentheses ("a catheter (a thin tube)", "clearance (an OK from another doctor)") or the `help` text (given separately) mentions it, or when it is itself inside parentheses explaining a plain word ("an OK (clearance)"). Returns each word once, as written.
    ///
    /// A word explained once is explained for all the texts. The help is where words are
    /// explained: its own hard words are not reported.
    pub fn unexplained(&self, texts: &[&str], help: Option<&str>) -> Vec<String> {
        let mut explained: HashSet<usize> = help
            .map(|help| {
                words_of(help)
                    .into_iter()
                    .filter_map(|word| self.hard(word.text).map(|(i, _)| i))
                    .collect()
            })
            .unwrap_or_default();
        let mut used: Vec<(usize, &str)> = Vec::new();
        for text in texts {
            let words = words_of(text);
            for word in &words {
                let Some((i, written)) = self.hard(word.text) else {
                    continue;
                };
                let glosses_plain = word
                    .inside
                    .and_then(|before| before.map(|b| self.hard(words[b].text).is_none()))
                    .unwrap_or(false);
                if word.glossed || glosses_plain {
                    explained.insert(i);
                }
                used.push((i, written));
            }
        }
        let mut reported = HashSet::new();
        used.into_iter()
            .filter(|(i, _)| !explained.contains(i) && reported.insert(*i))
            .map(|(_, written)| written.to_string())
            .collect()
    }

    /// The hard word `token` is or holds (as a whole, or one of its hyphenated parts), as
    /// written.
    fn hard<'t>(&self, token: &'t str) -> Option<(usize, &'t str)> {
        if !token.contains(is_hyphen) {
            return self.find(token).map(|i| (i, token));
        }
        let whole: String = token.chars().filter(|&c| !is_hyphen(c)).collect();
        if let Some(i) = self.find(&whole) {
            return Some((i, token));
        }
        token
            .split(is_hyphen)
            .find_map(|part| self.find(part).map(|i| (i, part)))
    }
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// A word of a text, and how it stands to the parentheses around it.
struct Word<'t> {
    text: &'t str,
    /// A `(` follows it, with only spaces between: what is in them explains it.
    glossed: bool,
    /// Inside parentheses: the word just before the innermost `(` (its index), if only
    /// spaces stand between.
    inside: Option<Option<usize>>,
}

/// The words of a text (runs of letters and digits, single hyphens inside them kept), with
/// the parentheses they are followed by or sit in. Placeholders are left out.
fn words_of(text: &str) -> Vec<Word<'_>> {
    let mut words: Vec<Word<'_>> = Vec::new();
    // For each open `(`: the word just before it.
    let mut groups: Vec<Option<usize>> = Vec::new();
    // The last word, while only spaces follow it.
    let mut adjacent: Option<usize> = None;
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '{'
            && let Some(placeholder) = PLACEHOLDERS.iter().find(|p| rest.starts_with(**p))
        {
            rest = &rest[placeholder.len()..];
            adjacent = None;
            continue;
        }
        if is_word(c) {
            let end = word_end(rest);
            words.push(Word {
                text: &rest[..end],
                glossed: false,
                inside: groups.last().copied(),
            });
            adjacent = Some(words.len() - 1);
            rest = &rest[end..];
            continue;
        }
        match c {
            '(' => {
                if let Some(word) = adjacent {
                    words[word].glossed = true;
                }
                groups.push(adjacent);
            }
            ')' => {
                groups.pop();
            }
            _ => {}
        }
        if !is_space(c) {
            adjacent = None;
        }
        rest = &rest[c.len_utf8()..];
    }
    words
}

/// The length of the word `text` starts with: letters and digits, and hyphens between them.
fn word_end(text: &str) -> usize {
    let mut end = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let joins = is_hyphen(c) && end > 0 && chars.peek().is_some_and(|&(_, next)| is_word(next));
        if !(is_word(c) || joins) {
            break;
        }
        end = at + c.len_utf8();
    }
    end
}

#[cfg(test)]
mod tests {
    use super::yaml::{grade_yaml, yaml_strings};
    use super::*;

    static SENTENCES: &str = include_str!("../tests/fixtures/reading/sentences.txt");
    static CHECKLIST: &[u8] = include_bytes!("../checklists/intrathecal-pump.yaml");

    /// `../shared/tools/reading-level checklists/intrathecal-pump.yaml` (or
    /// `scripts/reading-agreement.sh`) prints this grade for the built-in checklist; recompute
    /// it when the checklist changes.
    const CHECKLIST_REFERENCE: f64 = 3.4;

    /// (reference grade, sentence) from a `grade<TAB>sentence` file.
    fn fixture(text: &str) -> Vec<(f64, String)> {
        text.lines()
            .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
            .map(|line| {
                let (grade, sentence) = line.split_once('\t').expect("grade<TAB>sentence");
                (grade.parse().expect("a grade"), sentence.to_string())
            })
            .collect()
    }

    #[test]
    fn sentences_agree_with_the_reference_tool() {
        let sentences = fixture(SENTENCES);
        assert!(sentences.len() >= 30, "{} sentences", sentences.len());
        for (reference, sentence) in &sentences {
            let ours = grade(sentence);
            assert!(
                (ours - reference).abs() <= 1.0,
                "ours {ours}, reference {reference}: {sentence}"
            );
        }
    }

    #[test]
    fn the_checklist_agrees_with_the_reference_tool() {
        let ours = grade_yaml(CHECKLIST).expect("the checklist is YAML");
        assert!(
            (ours - CHECKLIST_REFERENCE).abs() <= 1.0,
            "ours {ours}, reference {CHECKLIST_REFERENCE}"
        );
    }

    /// `scripts/reading-agreement.sh` runs this with the grades it has just had the reference
    /// tool compute: READING_SENTENCES names a `grade<TAB>sentence` file, READING_CHECKLIST
    /// the checklist's grade.
    #[test]
    #[ignore = "run by scripts/reading-agreement.sh"]
    fn agreement_report() {
        let sentences = match std::env::var("READING_SENTENCES") {
            Ok(path) => fixture(&std::fs::read_to_string(path).expect("READING_SENTENCES")),
            Err(_) => fixture(SENTENCES),
        };
        let checklist: f64 = std::env::var("READING_CHECKLIST")
            .ok()
            .and_then(|grade| grade.parse().ok())
            .unwrap_or(CHECKLIST_REFERENCE);
        let mut biggest: f64 = 0.0;
        println!("  ours  theirs  sentence");
        for (theirs, sentence) in &sentences {
            let ours = grade(sentence);
            biggest = biggest.max((ours - theirs).abs());
            println!("{ours:6.1}  {theirs:6.1}  {sentence}");
        }
        println!(
            "sentences: {} graded, biggest difference {biggest:.1}",
            sentences.len()
        );
        let ours = grade_yaml(CHECKLIST).expect("the checklist is YAML");
        let difference = (ours - checklist).abs();
        println!(
            "checklist intrathecal-pump.yaml: ours {ours:.1}, theirs {checklist:.1}, difference {difference:.1}"
        );
        assert!(biggest <= 1.0 && difference <= 1.0, "over one grade apart");
    }

    #[test]
    fn counts_follow_textstat() {
        let text = "Dr. Lee will see you at 10:30 a.m. on the day. Take 2.5 mg (a half pill).";
        // "Dr." "Lee will see you at 10:30 a." "m." "on the day." "Take 2." "5 mg (a half pill)."
        assert_eq!(sentences(text).len(), 6);
        assert_eq!(sentence_count(text), 3);
        assert_eq!(words_and_syllables(text).0, 17);
        assert_eq!(words_and_syllables("A follow-up visit isn't long.").0, 5);
        assert_eq!(words_up_to("A follow-up visit isn't long.", 2), 2);
        assert_eq!(sentence_count(""), 1);
        assert_eq!(grade(""), -15.7);
        assert_eq!(legacy_round(2.45, 1), 2.5);
        assert_eq!(legacy_round(-2.25, 1), -2.3);
    }

    #[test]
    fn plain_text_grades_low_and_clinical_text_high() {
        assert!(grade("Bring your pills to the clinic.") <= TARGET_GRADE);
        assert!(
            grade(
                "Anticoagulant and antiplatelet medications are contraindicated in the \
                 perioperative period because of the risk of intrathecal hemorrhage."
            ) > 12.0
        );
    }

    #[test]
    fn grade_of_joins_texts_as_the_reference_tool_does() {
        let texts = [
            "  Which step are you getting ready for?  ",
            "The trial comes first",
            "Yes",
            "Bring these:",
        ];
        assert_eq!(
            joined(&texts),
            "Which step are you getting ready for?\nThe trial comes first.\nBring these:"
        );
        assert_eq!(
            grade_of(&texts),
            grade("Which step are you getting ready for?\nThe trial comes first.\nBring these:")
        );
    }

    #[test]
    fn placeholders_are_one_short_word() {
        assert_eq!(joined(&["Call {answer} about {each}"]), "Call it about it.");
        assert_eq!(
            grade_of(&["Ask about {each} before the day"]),
            grade("Ask about it before the day.")
        );
    }

    #[test]
    fn yaml_strings_are_the_values_in_order() {
        let yaml = b"id: x\ntitle: A title here\nn: 3\nok: true\nitems:\n  - {label: One two, id: z}\n  - |\n    Block text\n";
        assert_eq!(
            yaml_strings(yaml).expect("valid YAML"),
            ["x", "A title here", "One two", "z", "Block text\n"]
        );
    }

    #[test]
    fn the_hard_word_list_reads() {
        let hard = HardWords::english();
        assert!(
            (25..=40).contains(&hard.words.len()),
            "{}",
            hard.words.len()
        );
        assert_eq!(hard.plain("Catheters"), Some("thin tube"));
        assert_eq!(hard.plain("pump"), None);
    }

    #[test]
    fn a_hard_word_explained_in_parentheses_is_fine() {
        let hard = HardWords::english();
        assert!(
            hard.unexplained(&["A catheter (a thin tube) goes in."], None)
                .is_empty()
        );
        assert!(
            hard.unexplained(&["Get clearance (an OK from another doctor)."], None)
                .is_empty()
        );
        // Explained in one text, it is explained for the others.
        assert!(
            hard.unexplained(
                &["A catheter (a thin tube) goes in.", "The catheter stays."],
                None
            )
            .is_empty()
        );
    }

    #[test]
    fn a_hard_word_glossing_a_plain_word_is_fine() {
        let hard = HardWords::english();
        assert!(
            hard.unexplained(&["Get an OK (clearance) from your heart doctor."], None)
                .is_empty()
        );
    }

    #[test]
    fn a_hard_word_the_help_mentions_is_fine() {
        let hard = HardWords::english();
        let help = "Sedation is medicine that makes you sleepy.";
        assert!(
            hard.unexplained(&["Will you have sedation?"], Some(help))
                .is_empty()
        );
        assert_eq!(
            hard.unexplained(&["Will you have sedation?"], Some("Ask your care team.")),
            ["sedation"]
        );
    }

    #[test]
    fn unexplained_hard_words_are_reported_once_as_written() {
        let hard = HardWords::english();
        assert_eq!(
            hard.unexplained(
                &[
                    "Do you take an Anticoagulant?",
                    "Stop NSAIDs only if your care team says so.",
                    "Your anticoagulant and your {answer}.",
                ],
                None
            ),
            ["Anticoagulant", "NSAIDs"]
        );
        // Plurals and hyphenated forms are the same word.
        assert_eq!(
            hard.unexplained(&["Two incisions and an anti-coagulant."], None),
            ["incisions", "anti-coagulant"]
        );
        assert_eq!(
            hard.unexplained(&["Any post-incision pain?"], None),
            ["incision"]
        );
        // Parentheses after a word that is not hard, or not right after it, explain nothing.
        assert_eq!(
            hard.unexplained(&["The catheter, (or tube), stays in."], None),
            ["catheter"]
        );
        // A hard word inside the explanation of another hard word is not explained.
        assert_eq!(
            hard.unexplained(&["A catheter (an intrathecal tube)."], None),
            ["intrathecal"]
        );
        // Words that only contain a hard word are not it.
        assert!(
            hard.unexplained(&["Bolusing and edemata."], None)
                .is_empty()
        );
    }
}
