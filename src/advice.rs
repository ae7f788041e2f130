//! Medication advice: finds checklist text that tells a patient to stop, start, skip, hold,
//! restart or change a medicine, or that gives a timing or an amount for one. prepcheck never
//! says those things; it turns medicines into questions for the care team, and `check` holds
//! every clinic's wording to that with this module.
//!
//! The rules:
//! - Only a question for the care team ([`Role::Question`], a sheet `ask` line) may speak of
//!   stopping, holding, skipping, starting, restarting, continuing or changing a medicine,
//!   and only in a sentence that is itself a question (ends with `?`).
//! - No text, question or not, may give a timing ("48 hours", "the night before", "Sunday")
//!   or an amount ("81 mg", "half a tablet") for a medicine.
//!
//! "For a medicine" means: a medicine is named in the same sentence. A medicine is a name
//! from the medicine lists in use, a class word ("blood thinners", "insulin") or a generic
//! word ("pill", "dose"). So "Stop by the front desk" and "Arrive 30 minutes early" are
//! fine, and "Stop aspirin" is not. Some phrases carry their own medicine instead ("lower
//! your insulin"), so that "the medicine lowers your pain" is fine. Logistics exceptions
//! ("bring your medicines", "stop by", "hold the railing") take words out of the count.
//!
//! The words are data (`advice/en.yaml`, described at its top), so another language brings
//! its own file of the same shape: `advice/es.yaml` is Spanish ([`Vocabulary::for_lang`]). Text is read once into words and sentences; each word is
//! looked up in hash tables, so checking is linear in the length of the text.
//!
//! Placeholders: `{each}` and `{answer}` stand for what the patient chose. On an item about
//! medicines they are medicines: use [`Detector::check_with_placeholder_as_medicine`]; on
//! other items (a name, a phone number) use [`Detector::check`], where they are just words.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::OnceLock;

use rustc_hash::FxHashMap;
use serde::Deserialize;

/// The English word lists.
const ENGLISH: &[u8] = include_bytes!("advice/en.yaml");

/// The Spanish word lists.
const SPANISH: &[u8] = include_bytes!("advice/es.yaml");

/// The longest gap `*` allows, in words.
const DEFAULT_GAP: usize = 3;

/// What kind of text is being checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A question for the care team: a sheet `ask` line, or `unanswered: {ask: ...}`.
    Question,
    /// Everything else a patient reads: titles, questions to the patient, help, choice labels,
    /// info text, expect lines, to-dos, urgent lines, ...
    Statement,
}

/// What an offending phrase does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Says {
    /// Stopping, starting, continuing or changing: a question may say it.
    Change,
    /// When: nothing may say it.
    Timing,
    /// How much: nothing may say it.
    Amount,
}

/// Medication advice found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Byte offset in the text where the offending phrase starts.
    pub start: usize,
    /// The words that triggered it, as written.
    pub phrase: String,
    /// One plain line: what is wrong.
    pub why: String,
    /// What to write instead: a question for the care team.
    pub instead: String,
}

// ---------------------------------------------------------------------------------------
// The data file

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawVocabulary {
    language: String,
    sentence_ends: String,
    question_ends: String,
    abbreviations: Vec<String>,
    wording: RawWording,
    number_words: Vec<String>,
    word_lists: BTreeMap<String, Vec<String>>,
    generic_medicine_words: Vec<String>,
    medicine_classes: Vec<String>,
    other_medicine_names: Vec<String>,
    not_medicine_names: Vec<String>,
    stop_phrases: RawRule,
    change_verbs: RawRule,
    restart_phrases: RawRule,
    continue_phrases: RawRule,
    last_dose_phrases: RawRule,
    timing_words: RawRule,
    amount_phrases: RawRule,
    logistics_exceptions: Vec<String>,
    instead: RawInstead,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawWording {
    class_prefix: String,
    any_medicine: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    why: String,
    ask: String,
    phrases: Vec<String>,
}

#[derive(Deserialize, Clone, Debug)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawInstead {
    statement: String,
    not_a_question: String,
    timing: String,
    amount: String,
}

// ---------------------------------------------------------------------------------------
// Compiled word lists

/// A word of the word lists, by number: text is looked up once per word, and everything
/// else compares numbers.
type WordId = u32;

/// What kind of word names a medicine; it decides how a suggested question names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum MedicineWord {
    /// "Plavix", "aspirin": named as written.
    Name,
    /// "blood thinners": "my blood thinners".
    Class,
    /// "pills", "dose": "my medicines".
    Generic,
    /// `{each}`, `{answer}` on an item about medicines: named as written.
    Placeholder,
}

#[derive(Debug, Clone)]
enum Place {
    /// The start of the sentence.
    Start,
    /// One of these words.
    Words(Vec<WordId>),
    /// Up to this many words of anything.
    Gap(usize),
    Medicine,
    Number,
    Digits,
    /// A word of `word-lists`, by its bit in [`WordInfo::lists`].
    List(u32),
}

#[derive(Debug, Clone)]
struct Element {
    place: Place,
    optional: bool,
}

#[derive(Debug, Clone)]
struct Rule {
    says: Says,
    why: String,
    ask: String,
}

/// What the word lists know of one word.
#[derive(Debug, Clone, Default)]
struct WordInfo {
    /// A bit for each word list it is in.
    lists: u64,
    number: bool,
    abbreviation: bool,
    /// The phrases ([`Vocabulary::rules`]) and exceptions that can start with it.
    rules: Vec<usize>,
    exceptions: Vec<usize>,
}

/// Every word of the word lists (and, in a detector, of the medicine names).
#[derive(Debug, Clone, Default)]
struct Lexicon {
    /// (Fx: every word of every text is looked up here, and SipHash was a good part of it.)
    ids: FxHashMap<String, WordId>,
    words: Vec<WordInfo>,
}

impl Lexicon {
    fn intern(&mut self, word: &str) -> WordId {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = WordId::try_from(self.words.len()).unwrap_or(WordId::MAX);
        self.ids.insert(word.to_string(), id);
        self.words.push(WordInfo::default());
        id
    }

    fn get(&self, word: &str) -> Option<WordId> {
        self.ids.get(word).copied()
    }

    fn info(&self, id: WordId) -> &WordInfo {
        &self.words[id as usize]
    }

    fn info_mut(&mut self, id: WordId) -> &mut WordInfo {
        &mut self.words[id as usize]
    }
}

/// Phrases, each with the rule it belongs to (0 for exceptions), and those that can start
/// at any number or any medicine. Those that start with a word are in [`WordInfo`].
#[derive(Debug, Clone, Default)]
struct Patterns {
    list: Vec<(usize, Vec<Element>)>,
    on_digits: Vec<usize>,
    on_medicine: Vec<usize>,
}

/// How text is cut into sentences and words.
#[derive(Debug, Clone)]
struct Reader {
    sentence_ends: Vec<char>,
    question_ends: Vec<char>,
}

/// One language's word lists, from data.
#[derive(Debug, Clone)]
pub struct Vocabulary {
    reader: Reader,
    lexicon: Lexicon,
    class_prefix: String,
    any_medicine: String,
    /// Class words, generic words and other names, as words.
    medicine_words: Vec<(Vec<String>, MedicineWord)>,
    /// Names from the medicine lists in use that are everyday words of this language, as
    /// words: they are not read as medicines.
    not_medicine_names: HashSet<Vec<String>>,
    /// In the order a sentence's findings are preferred.
    rules: Vec<Rule>,
    phrases: Patterns,
    exceptions: Patterns,
    instead: RawInstead,
}

impl Vocabulary {
    /// The English word lists, embedded in the program (`advice/en.yaml`). Read once:
    /// `check` makes a detector for every file, and reading the lists took longer than
    /// checking a small checklist.
    pub fn english() -> &'static Vocabulary {
        static LISTS: OnceLock<Vocabulary> = OnceLock::new();
        // The file is part of the program, and a unit test parses it.
        LISTS.get_or_init(|| Vocabulary::from_yaml(ENGLISH).expect("built-in word lists are valid"))
    }

    /// The Spanish word lists, embedded in the program (`advice/es.yaml`), read once.
    pub fn spanish() -> &'static Vocabulary {
        static LISTS: OnceLock<Vocabulary> = OnceLock::new();
        // The file is part of the program, and a unit test parses it.
        LISTS.get_or_init(|| Vocabulary::from_yaml(SPANISH).expect("built-in word lists are valid"))
    }

    /// The built-in word lists of a language: those a checklist written (or translated)
    /// in that language is checked with.
    pub fn for_lang(lang: crate::i18n::Lang) -> &'static Vocabulary {
        match lang {
            crate::i18n::Lang::En => Vocabulary::english(),
            crate::i18n::Lang::Es => Vocabulary::spanish(),
        }
    }

    /// Word lists from a data file of the shape of `advice/en.yaml`.
    pub fn from_yaml(bytes: &[u8]) -> Result<Vocabulary, String> {
        let raw: RawVocabulary = serde_saphyr::from_slice(bytes).map_err(|e| e.to_string())?;
        let reader = Reader {
            sentence_ends: raw.sentence_ends.chars().collect(),
            question_ends: raw.question_ends.chars().collect(),
        };
        let mut lexicon = Lexicon::default();
        let one_word = |what: &str, word: &str| -> Result<String, String> {
            match reader.words(word).as_slice() {
                [only] => Ok(only.clone()),
                _ => Err(format!(
                    "{what}: '{word}' is not one word (write several as separate places)"
                )),
            }
        };
        for word in &raw.abbreviations {
            let id = lexicon.intern(&one_word("abbreviations", word)?);
            lexicon.info_mut(id).abbreviation = true;
        }
        for word in &raw.number_words {
            let id = lexicon.intern(&one_word("number-words", word)?);
            lexicon.info_mut(id).number = true;
        }
        if raw.word_lists.len() > 64 {
            return Err("word-lists: at most 64 lists".into());
        }
        let mut list_names = HashMap::new();
        for (bit, (name, words)) in (0u32..).zip(&raw.word_lists) {
            for word in words {
                let id = lexicon.intern(&one_word(&format!("word-lists: {name}"), word)?);
                lexicon.info_mut(id).lists |= 1 << bit;
            }
            list_names.insert(name.as_str(), bit);
        }
        let mut medicine_words = Vec::new();
        for (words, kind) in [
            (&raw.other_medicine_names, MedicineWord::Name),
            (&raw.medicine_classes, MedicineWord::Class),
            (&raw.generic_medicine_words, MedicineWord::Generic),
        ] {
            for phrase in words {
                let words = reader.words(phrase);
                if words.is_empty() {
                    return Err(format!("an empty medicine word: '{phrase}'"));
                }
                medicine_words.push((words, kind));
            }
        }
        let mut not_medicine_names = HashSet::new();
        for name in &raw.not_medicine_names {
            let words = reader.words(name);
            if words.is_empty() {
                return Err(format!("not-medicine-names: an empty name: '{name}'"));
            }
            not_medicine_names.insert(words);
        }
        let mut rules = Vec::new();
        let mut phrases = Patterns::default();
        // In the order a sentence's findings are preferred: the most specific first.
        for (key, says, rule) in [
            ("amount-phrases", Says::Amount, &raw.amount_phrases),
            ("timing-words", Says::Timing, &raw.timing_words),
            ("change-verbs", Says::Change, &raw.change_verbs),
            ("stop-phrases", Says::Change, &raw.stop_phrases),
            ("restart-phrases", Says::Change, &raw.restart_phrases),
            ("last-dose-phrases", Says::Change, &raw.last_dose_phrases),
            ("continue-phrases", Says::Change, &raw.continue_phrases),
        ] {
            for phrase in &rule.phrases {
                let elements = compile(phrase, &reader, &list_names, &mut lexicon)
                    .map_err(|e| format!("{key}: '{phrase}': {e}"))?;
                let id = phrases.add(rules.len(), elements);
                for word in first_words(&phrases.list[id].1, &lexicon) {
                    lexicon.info_mut(word).rules.push(id);
                }
            }
            rules.push(Rule {
                says,
                why: rule.why.clone(),
                ask: rule.ask.clone(),
            });
        }
        let mut exceptions = Patterns::default();
        for phrase in &raw.logistics_exceptions {
            let elements = compile(phrase, &reader, &list_names, &mut lexicon)
                .map_err(|e| format!("logistics-exceptions: '{phrase}': {e}"))?;
            let id = exceptions.add(0, elements);
            for word in first_words(&exceptions.list[id].1, &lexicon) {
                lexicon.info_mut(word).exceptions.push(id);
            }
        }
        for info in &mut lexicon.words {
            info.rules.dedup();
            info.exceptions.dedup();
        }
        if raw.language.trim().is_empty() {
            return Err("`language` names the language of the lists, and is empty".into());
        }
        Ok(Vocabulary {
            reader,
            lexicon,
            class_prefix: raw.wording.class_prefix,
            any_medicine: raw.wording.any_medicine,
            medicine_words,
            not_medicine_names,
            rules,
            phrases,
            exceptions,
            instead: raw.instead,
        })
    }

    /// A detector for these word lists and the names of the medicines of the medicine lists
    /// in use (generic, brands, also-called), which are added to the class words of the data
    /// (but for those the data says are everyday words of its language, `not-medicine-names`).
    pub fn detector<'a>(&self, medicine_names: impl IntoIterator<Item = &'a str>) -> Detector {
        let mut vocabulary = self.clone();
        let lexicon = &mut vocabulary.lexicon;
        let mut best: HashMap<Vec<WordId>, MedicineWord> = HashMap::new();
        let names = medicine_names
            .into_iter()
            .map(|name| self.reader.words(name))
            .filter(|words| !self.not_medicine_names.contains(words))
            .map(|words| (words, MedicineWord::Name));
        for (words, kind) in self.medicine_words.iter().cloned().chain(names) {
            if words.is_empty() {
                continue;
            }
            let ids: Vec<WordId> = words.iter().map(|w| lexicon.intern(w)).collect();
            let entry = best.entry(ids).or_insert(kind);
            *entry = (*entry).min(kind);
        }
        let mut names = vec![NameNode::default()];
        for (ids, kind) in best {
            let mut node = 0;
            for id in ids {
                node = match names[node].next.get(&id) {
                    Some(&next) => next,
                    None => {
                        names.push(NameNode::default());
                        let next = names.len() - 1;
                        names[node].next.insert(id, next);
                        next
                    }
                };
            }
            names[node].kind = Some(kind);
        }
        Detector { vocabulary, names }
    }

    /// Words and sentences, in one pass over the text.
    fn read(&self, text: &str) -> (Vec<Token>, Vec<Sentence>) {
        let lexicon = &self.lexicon;
        let mut tokens = Vec::new();
        let mut sentences = Vec::new();
        let mut first = 0;
        let is_abbreviation = |word: &str| {
            lexicon
                .get(word)
                .is_some_and(|id| lexicon.info(id).abbreviation)
        };
        self.reader
            .scan(text, &is_abbreviation, |piece| match piece {
                Piece::Word {
                    start,
                    end,
                    word,
                    digits,
                    placeholder,
                } => tokens.push(Token {
                    start,
                    end,
                    id: if placeholder { None } else { lexicon.get(word) },
                    digits,
                    placeholder,
                }),
                Piece::End { question } => {
                    if tokens.len() > first {
                        sentences.push(Sentence {
                            first,
                            end: tokens.len(),
                            question,
                        });
                    }
                    first = tokens.len();
                }
            });
        (tokens, sentences)
    }
}

/// Turns a phrase of the data file into pattern elements.
fn compile(
    phrase: &str,
    reader: &Reader,
    lists: &HashMap<&str, u32>,
    lexicon: &mut Lexicon,
) -> Result<Vec<Element>, String> {
    let mut elements = Vec::new();
    for (n, piece) in phrase.split_whitespace().enumerate() {
        let (piece, optional) = match piece.strip_suffix('?') {
            Some(rest) if !rest.is_empty() => (rest, true),
            _ => (piece, false),
        };
        let place = if piece == "^" {
            if n != 0 {
                return Err("^ may only come first".into());
            }
            Place::Start
        } else if let Some(size) = piece.strip_prefix('*') {
            let opened = elements
                .iter()
                .any(|e: &Element| !e.optional && !matches!(e.place, Place::Start));
            if !opened {
                return Err("a phrase may not begin with a gap".into());
            }
            let size = if size.is_empty() {
                DEFAULT_GAP
            } else {
                size.parse()
                    .map_err(|_| format!("'{piece}' is not a gap (* or *N)"))?
            };
            Place::Gap(size)
        } else if let Some(name) = piece.strip_prefix('{').and_then(|p| p.strip_suffix('}')) {
            match name {
                "medicine" => Place::Medicine,
                "number" => Place::Number,
                "digits" => Place::Digits,
                _ => Place::List(
                    *lists
                        .get(name)
                        .ok_or_else(|| format!("no word list '{name}' in word-lists"))?,
                ),
            }
        } else {
            let mut words = Vec::new();
            for word in piece.split('|') {
                match reader.words(word).as_slice() {
                    [only] => words.push(lexicon.intern(only)),
                    _ => {
                        return Err(format!(
                            "'{word}' is not one word (write several as separate places)"
                        ));
                    }
                }
            }
            Place::Words(words)
        };
        if optional && matches!(place, Place::Start | Place::Gap(_)) {
            return Err(format!("'{piece}?': only words and slots may be optional"));
        }
        elements.push(Element { place, optional });
    }
    let required = |e: &Element| !e.optional && !matches!(e.place, Place::Start | Place::Gap(_));
    if !elements.iter().any(required) {
        return Err("a phrase needs a word or slot that is not optional".into());
    }
    Ok(elements)
}

/// The words a pattern can start with: those of its first place, and of the next ones while
/// they are optional.
fn first_words(elements: &[Element], lexicon: &Lexicon) -> Vec<WordId> {
    let mut words = Vec::new();
    for element in elements {
        match &element.place {
            Place::Start => continue,
            Place::Words(ids) => words.extend(ids),
            Place::Number => words.extend(
                (0..lexicon.words.len())
                    .filter(|&i| lexicon.words[i].number)
                    .filter_map(|i| WordId::try_from(i).ok()),
            ),
            Place::List(bit) => words.extend(
                (0..lexicon.words.len())
                    .filter(|&i| lexicon.words[i].lists & (1 << bit) != 0)
                    .filter_map(|i| WordId::try_from(i).ok()),
            ),
            Place::Medicine | Place::Digits | Place::Gap(_) => {}
        }
        if !element.optional {
            break;
        }
    }
    words.sort_unstable();
    words.dedup();
    words
}

impl Patterns {
    /// Add a pattern; its number.
    fn add(&mut self, rule: usize, elements: Vec<Element>) -> usize {
        let id = self.list.len();
        for element in &elements {
            match element.place {
                Place::Start => continue,
                Place::Number | Place::Digits => self.on_digits.push(id),
                Place::Medicine => self.on_medicine.push(id),
                _ => {}
            }
            if !element.optional {
                break;
            }
        }
        self.list.push((rule, elements));
        id
    }
}

// ---------------------------------------------------------------------------------------
// Reading text

#[derive(Debug, Clone, Copy)]
struct Token {
    start: usize,
    end: usize,
    /// The word, if the word lists know it.
    id: Option<WordId>,
    digits: bool,
    /// `{each}`, `{answer}`.
    placeholder: bool,
}

#[derive(Debug, Clone, Copy)]
struct Sentence {
    first: usize,
    end: usize,
    question: bool,
}

/// What [`Reader::scan`] finds.
enum Piece<'a> {
    Word {
        start: usize,
        end: usize,
        /// Lower case, accents and apostrophes dropped; a placeholder as written.
        word: &'a str,
        digits: bool,
        placeholder: bool,
    },
    End {
        question: bool,
    },
}

/// The word being read, and the one before it.
#[derive(Default)]
struct Words {
    word: String,
    start: usize,
    end: usize,
    digits: bool,
    last: String,
    last_end: Option<usize>,
}

impl Words {
    fn flush(&mut self, on: &mut impl FnMut(Piece<'_>)) {
        if self.word.is_empty() {
            return;
        }
        on(Piece::Word {
            start: self.start,
            end: self.end,
            word: &self.word,
            digits: self.digits,
            placeholder: false,
        });
        std::mem::swap(&mut self.word, &mut self.last);
        self.word.clear();
        self.last_end = Some(self.end);
    }
}

/// A letter without its accent, lower case: "día" and "dia", "después" and "despues",
/// "año" and "ano" are read alike, so that text typed with or without accents reads the
/// same. Letters of Latin-1 and Latin Extended-A; others are kept as they are.
fn fold(c: char) -> char {
    match c {
        'à'..='å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è'..='ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
        'ĥ' | 'ħ' => 'h',
        'ì'..='ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => 'i',
        'ĵ' => 'j',
        'ķ' => 'k',
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => 'l',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò'..='ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => 'o',
        'ŕ' | 'ŗ' | 'ř' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' => 's',
        'ţ' | 'ť' | 'ŧ' => 't',
        'ù'..='ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
        'ŵ' => 'w',
        'ý' | 'ÿ' | 'ŷ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        _ => c,
    }
}

/// A combining accent (U+0300 to U+036F), as in decomposed text.
fn is_combining_mark(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02bc}')
}

/// The end (exclusive) of a placeholder `{name}` starting at `at`, if there is one.
fn placeholder_end(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at + 1..];
    let name_length = rest
        .char_indices()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '-' || c == '_'))
        .map_or(rest.len(), |(i, _)| i);
    let valid = name_length > 0 && rest[name_length..].starts_with('}');
    valid.then_some(at + 1 + name_length + 1)
}

impl Reader {
    /// The words of a short text (a name, a phrase of the data file).
    fn words(&self, text: &str) -> Vec<String> {
        let mut words = Vec::new();
        self.scan(text, &|_| false, |piece| {
            if let Piece::Word { word, .. } = piece {
                words.push(word.to_string());
            }
        });
        words
    }

    /// Cut text into words (letters and digits, lower case, accents dropped; an apostrophe
    /// inside a word is dropped; letters and digits are separate words) and sentences, in
    /// one pass.
    fn scan(
        &self,
        text: &str,
        is_abbreviation: &dyn Fn(&str) -> bool,
        mut on: impl FnMut(Piece<'_>),
    ) {
        let mut words = Words::default();
        let mut chars = text.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            if c.is_alphanumeric() {
                let digit = c.is_ascii_digit();
                if !words.word.is_empty() && digit != words.digits {
                    words.flush(&mut on);
                }
                if words.word.is_empty() {
                    words.start = at;
                    words.digits = digit;
                }
                if c.is_ascii() {
                    words.word.push(c.to_ascii_lowercase());
                } else {
                    words.word.extend(
                        c.to_lowercase()
                            .filter(|&l| !is_combining_mark(l))
                            .map(fold),
                    );
                }
                words.end = at + c.len_utf8();
                continue;
            }
            // An accent written as a mark of its own ("di\u{301}a"): part of the word, and
            // dropped like the accent of "día".
            if is_combining_mark(c) && !words.word.is_empty() && !words.digits {
                words.end = at + c.len_utf8();
                continue;
            }
            let next = chars.peek().map(|&(_, n)| n);
            if is_apostrophe(c)
                && !words.word.is_empty()
                && !words.digits
                && next.is_some_and(char::is_alphabetic)
            {
                continue;
            }
            words.flush(&mut on);
            if c == '{'
                && let Some(end) = placeholder_end(text, at)
            {
                let written = text[at..end].to_lowercase();
                on(Piece::Word {
                    start: at,
                    end,
                    word: &written,
                    digits: false,
                    placeholder: true,
                });
                words.last.clear();
                words.last_end = Some(end);
                while chars.peek().is_some_and(|&(i, _)| i < end) {
                    chars.next();
                }
                continue;
            }
            if self.sentence_ends.contains(&c) {
                if c == '.' && !self.ends_sentence(text, at, &words, is_abbreviation) {
                    continue;
                }
                on(Piece::End {
                    question: self.question_ends.contains(&c),
                });
            } else if c == '\n' {
                let rest = text[at + 1..].trim_start_matches([' ', '\t', '\r']);
                if rest.starts_with('\n') {
                    on(Piece::End { question: false });
                }
            }
        }
        words.flush(&mut on);
        on(Piece::End { question: false });
    }

    /// Whether the full stop at `at` ends a sentence: not in "2.5", "e.g. aspirin" or
    /// "Dr. Lee".
    fn ends_sentence(
        &self,
        text: &str,
        at: usize,
        words: &Words,
        is_abbreviation: &dyn Fn(&str) -> bool,
    ) -> bool {
        let after = &text[at + 1..];
        if after.chars().next().is_some_and(char::is_alphanumeric) {
            return false;
        }
        let next = after.trim_start().chars().next();
        if next.is_some_and(|c| c.is_lowercase() || c.is_ascii_digit()) {
            return false;
        }
        !(words.last_end == Some(at) && is_abbreviation(&words.last))
    }
}

// ---------------------------------------------------------------------------------------
// Detecting

/// A medicine named in a sentence: tokens `first..end` of the sentence.
#[derive(Debug, Clone, Copy)]
struct Span {
    first: usize,
    end: usize,
    kind: MedicineWord,
}

/// One sentence, ready to match.
struct View<'a> {
    tokens: &'a [Token],
    spans: Vec<Span>,
    /// For each token, the span it is part of.
    span_at: Vec<Option<usize>>,
}

impl View<'_> {
    fn starts_medicine(&self, i: usize) -> bool {
        self.span_at[i].is_some_and(|s| self.spans[s].first == i)
    }
}

/// How a pattern is matched.
#[derive(Clone, Copy)]
enum Pass<'a> {
    /// Where phrases could be, before exceptions.
    Raw,
    /// Exceptions: their words may not be part of a medicine's name, and their gaps may not
    /// step over a word of a phrase (`blocked`).
    Exception { blocked: &'a [bool] },
    /// Phrases, with the words exceptions covered (`neutral`) left out.
    Final { neutral: &'a [bool] },
}

/// A match in progress, reused from one try to the next.
#[derive(Default)]
struct Match {
    /// The tokens matched by words and slots (not gaps), in order.
    used: Vec<usize>,
    /// The first medicine slot's span.
    medicine: Option<usize>,
    end: usize,
}

/// Finds medication advice in checklist text.
#[derive(Debug, Clone)]
pub struct Detector {
    /// The word lists, with the medicine names added to the lexicon.
    vocabulary: Vocabulary,
    /// The medicine names, word by word, from the root (0): a sentence is matched one
    /// token at a time, the longest name winning. (Every name that starts with a word was
    /// once tried at each place the word is, so a medicine list of thousands of names
    /// starting with "a" made checking a long text take seconds.)
    names: Vec<NameNode>,
}

/// A node of the medicine names: the names that go on from here, by their next word, and
/// the kind of the name that ends here, if one does (a name over a class: the least kind).
#[derive(Debug, Clone, Default)]
struct NameNode {
    next: FxHashMap<WordId, usize>,
    kind: Option<MedicineWord>,
}

impl Detector {
    /// The medication advice in `text`, if any: in the first sentence that has some, the
    /// most specific kind (an amount, then a timing, then a change, a stop, a restart, a
    /// last dose, keeping on), at its first place. Placeholders (`{answer}`) are not
    /// medicines here: use this for items that are not about medicines.
    pub fn check(&self, text: &str, role: Role) -> Option<Finding> {
        self.find(text, role, false, false).0
    }

    /// As [`Detector::check`], with the placeholders `{each}` and `{answer}` counted as
    /// medicine names: use this for the texts of an item about medicines (`kind: medicines`
    /// or `medicines: true`), where they stand for the medicines the patient chose.
    pub fn check_with_placeholder_as_medicine(&self, text: &str, role: Role) -> Option<Finding> {
        self.find(text, role, true, false).0
    }

    /// Whether the text names a medicine, a class of medicines or a generic medicine word
    /// (medicine, pill, tablet, dose, shot, ...). Placeholders do not count.
    pub fn mentions_medicine(&self, text: &str) -> bool {
        let (tokens, sentences) = self.vocabulary.read(text);
        sentences
            .iter()
            .any(|s| !self.view(&tokens[s.first..s.end], false).spans.is_empty())
    }

    /// [`Detector::check`] and [`Detector::mentions_medicine`] at once, reading the text
    /// once (reading it is most of the work, and `check` asks both of most texts).
    pub fn check_and_mentions(&self, text: &str, role: Role) -> (Option<Finding>, bool) {
        self.find(text, role, false, true)
    }

    /// The first medication advice in `text`, and, when `mentions` is asked for, whether
    /// the text names a medicine; the reading stops once it knows what was asked.
    fn find(
        &self,
        text: &str,
        role: Role,
        placeholders: bool,
        mentions: bool,
    ) -> (Option<Finding>, bool) {
        let (tokens, sentences) = self.vocabulary.read(text);
        let mut scratch = Match::default();
        let (mut finding, mut names_medicine) = (None, false);
        for sentence in &sentences {
            let view = self.view(&tokens[sentence.first..sentence.end], placeholders);
            names_medicine |= !view.spans.is_empty();
            if finding.is_none() {
                finding = self.in_sentence(text, &view, role, sentence.question, &mut scratch);
            }
            if finding.is_some() && (names_medicine || !mentions) {
                break;
            }
        }
        (finding, mentions && names_medicine)
    }

    /// The medicines of a sentence.
    fn view<'a>(&self, tokens: &'a [Token], placeholders: bool) -> View<'a> {
        let mut spans = Vec::new();
        let mut span_at = vec![None; tokens.len()];
        let mut i = 0;
        while i < tokens.len() {
            let token = &tokens[i];
            let found = if token.placeholder {
                placeholders.then_some((1, MedicineWord::Placeholder))
            } else {
                // The longest name that starts here ("baby aspirin" over "aspirin").
                let mut node = 0;
                let mut longest = None;
                for (n, token) in tokens[i..].iter().enumerate() {
                    let next = token.id.and_then(|id| self.names[node].next.get(&id));
                    let Some(&next) = next else {
                        break;
                    };
                    node = next;
                    if let Some(kind) = self.names[node].kind {
                        longest = Some((n + 1, kind));
                    }
                }
                longest
            };
            match found {
                Some((length, kind)) => {
                    for at in &mut span_at[i..i + length] {
                        *at = Some(spans.len());
                    }
                    spans.push(Span {
                        first: i,
                        end: i + length,
                        kind,
                    });
                    i += length;
                }
                None => i += 1,
            }
        }
        View {
            tokens,
            spans,
            span_at,
        }
    }

    /// The patterns of `patterns` that can start at token `i`.
    fn candidates<'a>(
        &'a self,
        view: &View,
        i: usize,
        patterns: &'a Patterns,
        exceptions: bool,
    ) -> impl Iterator<Item = usize> + 'a {
        let token = view.tokens[i];
        let words = token.id.map_or(&[][..], |id| {
            let info = self.vocabulary.lexicon.info(id);
            if exceptions {
                &info.exceptions[..]
            } else {
                &info.rules[..]
            }
        });
        let digits = if token.digits {
            &patterns.on_digits[..]
        } else {
            &[]
        };
        let medicine = if view.starts_medicine(i) {
            &patterns.on_medicine[..]
        } else {
            &[]
        };
        words.iter().chain(digits).chain(medicine).copied()
    }

    fn in_sentence(
        &self,
        text: &str,
        view: &View,
        role: Role,
        question: bool,
        scratch: &mut Match,
    ) -> Option<Finding> {
        // Every phrase needs a medicine in the sentence.
        if view.spans.is_empty() {
            return None;
        }
        let vocabulary = &self.vocabulary;
        let count = view.tokens.len();

        // Where phrases could be: exception gaps may not step over them.
        let mut blocked = vec![false; count];
        for i in 0..count {
            for id in self.candidates(view, i, &vocabulary.phrases, false) {
                let elements = &vocabulary.phrases.list[id].1;
                if self.matches(elements, i, view, Pass::Raw, scratch) {
                    for at in &mut blocked[i..scratch.end] {
                        *at = true;
                    }
                }
            }
        }
        // What exceptions cover.
        let mut neutral = vec![false; count];
        let pass = Pass::Exception { blocked: &blocked };
        for i in 0..count {
            for id in self.candidates(view, i, &vocabulary.exceptions, true) {
                let elements = &vocabulary.exceptions.list[id].1;
                if self.matches(elements, i, view, pass, scratch) {
                    for &at in &scratch.used {
                        neutral[at] = true;
                    }
                }
            }
        }
        let live: Vec<usize> = (0..view.spans.len())
            .filter(|&s| !neutral[view.spans[s].first..view.spans[s].end].contains(&true))
            .collect();
        if live.is_empty() {
            return None;
        }
        // The first rule (in the order of `rules`) that matches, at its first place.
        let pass = Pass::Final { neutral: &neutral };
        let mut best: Option<(usize, Vec<usize>)> = None;
        for i in 0..count {
            for id in self.candidates(view, i, &vocabulary.phrases, false) {
                let (rule, elements) = &vocabulary.phrases.list[id];
                if best.as_ref().is_some_and(|(r, _)| r <= rule) {
                    continue;
                }
                let allowed = vocabulary.rules[*rule].says == Says::Change
                    && role == Role::Question
                    && question;
                if !allowed && self.matches(elements, i, view, pass, scratch) {
                    best = Some((*rule, scratch.used.clone()));
                }
            }
        }
        let (rule, used) = best?;
        // The medicine it is about, for the wording: the nearest one with a name or a class
        // ("Eliquis" in "your last dose of Eliquis"), else the nearest generic word.
        let first = used.first().copied().unwrap_or(0);
        let medicine = live.iter().copied().min_by_key(|&s| {
            let span = view.spans[s];
            (
                span.kind == MedicineWord::Generic,
                span.first.abs_diff(first),
            )
        })?;
        let rule = &vocabulary.rules[rule];
        Some(self.finding(text, view, &used, view.spans[medicine], rule, role))
    }

    fn finding(
        &self,
        text: &str,
        view: &View,
        used: &[usize],
        medicine: Span,
        rule: &Rule,
        role: Role,
    ) -> Finding {
        let vocabulary = &self.vocabulary;
        let first = used.first().copied().unwrap_or(0);
        let last = used.last().copied().unwrap_or(first);
        let start = view.tokens[first].start;
        let phrase = text[start..view.tokens[last].end].to_string();
        let written = &text[view.tokens[medicine.first].start..view.tokens[medicine.end - 1].end];
        let asked = match medicine.kind {
            MedicineWord::Name | MedicineWord::Placeholder => written.to_string(),
            MedicineWord::Class => format!("{}{}", vocabulary.class_prefix, lower_first(written)),
            MedicineWord::Generic => vocabulary.any_medicine.clone(),
        };
        let why = rule
            .why
            .replace("{medicine}", &format!("\"{written}\""))
            .replace("{phrase}", &phrase);
        let ask = rule.ask.replace("{medicine}", &asked);
        let instead = match (rule.says, role) {
            (Says::Change, Role::Statement) => &vocabulary.instead.statement,
            (Says::Change, Role::Question) => &vocabulary.instead.not_a_question,
            (Says::Timing, _) => &vocabulary.instead.timing,
            (Says::Amount, _) => &vocabulary.instead.amount,
        };
        Finding {
            start,
            phrase,
            why,
            instead: instead.replace("{ask}", &ask),
        }
    }

    /// Whether a pattern matches from token `i`; what it matched is left in `found`.
    fn matches(
        &self,
        elements: &[Element],
        i: usize,
        view: &View,
        pass: Pass,
        found: &mut Match,
    ) -> bool {
        found.used.clear();
        found.medicine = None;
        match self.step(elements, 0, i, view, pass, found) {
            Some(end) => {
                found.end = end;
                true
            }
            None => false,
        }
    }

    /// Match `elements[e..]` from token `i`, the shortest gaps first; the end token.
    fn step(
        &self,
        elements: &[Element],
        e: usize,
        i: usize,
        view: &View,
        pass: Pass,
        found: &mut Match,
    ) -> Option<usize> {
        let Some(element) = elements.get(e) else {
            return Some(i);
        };
        if element.optional
            && let Some(end) = self.place(elements, e, i, view, pass, found)
        {
            return Some(end);
        }
        if element.optional {
            return self.step(elements, e + 1, i, view, pass, found);
        }
        self.place(elements, e, i, view, pass, found)
    }

    /// Match the place `elements[e]` at token `i`, then the rest.
    fn place(
        &self,
        elements: &[Element],
        e: usize,
        i: usize,
        view: &View,
        pass: Pass,
        found: &mut Match,
    ) -> Option<usize> {
        let tokens = view.tokens;
        let lexicon = &self.vocabulary.lexicon;
        match &elements[e].place {
            Place::Start => {
                return if i == 0 {
                    self.step(elements, e + 1, i, view, pass, found)
                } else {
                    None
                };
            }
            Place::Gap(size) => {
                for skip in 0..=*size {
                    if skip > 0 {
                        let at = i + skip - 1;
                        if at >= tokens.len() {
                            return None;
                        }
                        if let Pass::Exception { blocked } = pass
                            && (blocked[at] || view.span_at[at].is_some())
                        {
                            return None;
                        }
                    }
                    if let Some(end) = self.step(elements, e + 1, i + skip, view, pass, found) {
                        return Some(end);
                    }
                }
                return None;
            }
            Place::Medicine => {
                let span = view.span_at.get(i).copied().flatten()?;
                let Span { first, end, .. } = view.spans[span];
                if first != i {
                    return None;
                }
                if let Pass::Final { neutral } = pass
                    && neutral[first..end].contains(&true)
                {
                    return None;
                }
                let used = found.used.len();
                let medicine = found.medicine;
                found.used.extend(first..end);
                found.medicine = found.medicine.or(Some(span));
                if let Some(end) = self.step(elements, e + 1, end, view, pass, found) {
                    return Some(end);
                }
                found.used.truncate(used);
                found.medicine = medicine;
                return None;
            }
            _ => {}
        }
        let token = tokens.get(i)?;
        let info = token.id.map(|id| lexicon.info(id));
        // A number in a name ("GLP-1", "omega-3") is not a number.
        let number = view.span_at[i].is_none() && (token.digits || info.is_some_and(|w| w.number));
        let fits = match &elements[e].place {
            Place::Words(words) => token.id.is_some_and(|id| words.contains(&id)),
            Place::Number => number,
            Place::Digits => number && token.digits,
            Place::List(bit) => info.is_some_and(|w| w.lists & (1 << bit) != 0),
            Place::Start | Place::Gap(_) | Place::Medicine => false,
        };
        let allowed = match pass {
            Pass::Raw => true,
            Pass::Exception { .. } => view.span_at[i].is_none(),
            Pass::Final { neutral } => !neutral[i],
        };
        if !fits || !allowed {
            return None;
        }
        found.used.push(i);
        if let Some(end) = self.step(elements, e + 1, i + 1, view, pass, found) {
            return Some(end);
        }
        found.used.pop();
        None
    }
}

/// "Blood thinners" becomes "blood thinners"; "NSAIDs" stays.
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if !second.is_uppercase() => first
            .to_lowercase()
            .chain(text[first.len_utf8()..].chars())
            .collect(),
        _ => text.to_string(),
    }
}

#[cfg(test)]
mod tests;
