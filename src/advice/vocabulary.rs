//! The word lists of one language, read from their data file into numbered words (a
//! lexicon) and compiled phrases, each phrase filed under the words it can start with.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::OnceLock;

use rustc_hash::FxHashMap;
use serde::Deserialize;

use super::Says;
use super::words::{Piece, Reader, Sentence, Token, WordId};

/// The English word lists.
pub(super) const ENGLISH: &[u8] = include_bytes!("en.yaml");

/// The Spanish word lists.
pub(super) const SPANISH: &[u8] = include_bytes!("es.yaml");

/// The longest gap `*` allows, in words.
pub(super) const DEFAULT_GAP: usize = 3;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct RawVocabulary {
    pub(super) language: String,
    pub(super) sentence_ends: String,
    pub(super) question_ends: String,
    pub(super) abbreviations: Vec<String>,
    pub(super) wording: RawWording,
    pub(super) number_words: Vec<String>,
    pub(super) word_lists: BTreeMap<String, Vec<String>>,
    pub(super) generic_medicine_words: Vec<String>,
    pub(super) medicine_classes: Vec<String>,
    pub(super) other_medicine_names: Vec<String>,
    pub(super) not_medicine_names: Vec<String>,
    pub(super) stop_phrases: RawRule,
    pub(super) change_verbs: RawRule,
    pub(super) restart_phrases: RawRule,
    pub(super) continue_phrases: RawRule,
    pub(super) last_dose_phrases: RawRule,
    pub(super) timing_words: RawRule,
    pub(super) day_of_timings: RawRule,
    pub(super) amount_phrases: RawRule,
    pub(super) logistics_exceptions: Vec<String>,
    pub(super) referents: RawReferents,
    pub(super) asked: RawAsked,
}

/// Words that stand for a medicine the item asks about without naming it: "stop it", "hold
/// your levothyroxine".
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct RawReferents {
    pub(super) possessives: Vec<String>,
    pub(super) not_medicines: Vec<String>,
    pub(super) phrases: Vec<String>,
}

/// Where a sentence leaves the decision to the care team: what follows these phrases is
/// asked, not said.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct RawAsked {
    pub(super) goes_on: Vec<String>,
    pub(super) joins: Vec<String>,
    pub(super) to_clause_end: Vec<String>,
    pub(super) whole_sentence: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct RawWording {
    pub(super) class_prefix: String,
    pub(super) any_medicine: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRule {
    pub(super) ask: String,
    pub(super) phrases: Vec<String>,
}

/// What kind of word names a medicine; it decides how a suggested question names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum MedicineWord {
    /// "Plavix", "aspirin": named as written.
    Name,
    /// "blood thinners": "my blood thinners".
    Class,
    /// "pills", "dose": "my medicines".
    Generic,
    /// `{each}`, `{answer}` on an item about medicines: named as written.
    Placeholder,
    /// A word that stands for a medicine ("stop it", "hold your levothyroxine"): "my
    /// medicines".
    Referent,
}

#[derive(Debug, Clone)]
pub(super) enum Place {
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
    /// A possessive and the word it owns, which is no everyday thing: "your levothyroxine"
    /// (but "your shower").
    Possessed,
}

#[derive(Debug, Clone)]
pub(super) struct Element {
    pub(super) place: Place,
    pub(super) optional: bool,
    /// In a referent phrase, the place that stands for a medicine (`=it`).
    pub(super) referent: bool,
}

#[derive(Debug, Clone)]
pub(super) struct Rule {
    pub(super) says: Says,
    /// What a finding of it says is wrong: `advice-why` of the catalogues by this kind.
    pub(super) kind: &'static str,
    /// A sentence may say it where it asks (a question, "ask your doctor whether ...").
    pub(super) asked_ok: bool,
    pub(super) ask: String,
}

/// The tables of phrases, each filed under the words its phrases can start with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Table {
    Rules,
    Exceptions,
    Referents,
    Asked,
}

/// How far what an asked phrase asks goes.
pub(super) const ASKED_TO_CLAUSE_END: usize = 0;
pub(super) const ASKED_WHOLE_SENTENCE: usize = 1;

/// What the word lists know of one word.
#[derive(Debug, Clone, Default)]
pub(super) struct WordInfo {
    /// A bit for each word list it is in.
    pub(super) lists: u64,
    pub(super) number: bool,
    pub(super) abbreviation: bool,
    pub(super) possessive: bool,
    /// An everyday thing a possessive may own ("your shower"): not a medicine.
    pub(super) not_medicine: bool,
    /// After a comma, what is asked goes on with it ("..., and when to start it again"),
    /// or after it if it `joins`.
    pub(super) goes_on: bool,
    pub(super) joins: bool,
    /// The phrases of each [`Table`] that can start with it.
    pub(super) starts: [Vec<usize>; 4],
}

/// Every word of the word lists (and, in a detector, of the medicine names).
#[derive(Debug, Clone, Default)]
pub(super) struct Lexicon {
    /// (Fx: every word of every text is looked up here, and SipHash was a good part of it.)
    pub(super) ids: FxHashMap<String, WordId>,
    pub(super) words: Vec<WordInfo>,
}

impl Lexicon {
    pub(super) fn intern(&mut self, word: &str) -> WordId {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = WordId::try_from(self.words.len()).unwrap_or(WordId::MAX);
        self.ids.insert(word.to_string(), id);
        self.words.push(WordInfo::default());
        id
    }

    pub(super) fn get(&self, word: &str) -> Option<WordId> {
        self.ids.get(word).copied()
    }

    pub(super) fn info(&self, id: WordId) -> &WordInfo {
        &self.words[id as usize]
    }

    pub(super) fn info_mut(&mut self, id: WordId) -> &mut WordInfo {
        &mut self.words[id as usize]
    }
}

/// Phrases, each with the rule it belongs to (0 for exceptions), and those that can start
/// at any number or any medicine. Those that start with a word are in [`WordInfo`].
#[derive(Debug, Clone, Default)]
pub(super) struct Patterns {
    pub(super) list: Vec<(usize, Vec<Element>)>,
    pub(super) on_digits: Vec<usize>,
    pub(super) on_medicine: Vec<usize>,
}

/// One language's word lists, from data.
#[derive(Debug, Clone)]
pub struct Vocabulary {
    pub(super) reader: Reader,
    pub(super) lexicon: Lexicon,
    pub(super) class_prefix: String,
    pub(super) any_medicine: String,
    /// Class words, generic words and other names, as words.
    pub(super) medicine_words: Vec<(Vec<String>, MedicineWord)>,
    /// Names from the medicine lists in use that are everyday words of this language, as
    /// words: they are not read as medicines.
    pub(super) not_medicine_names: HashSet<Vec<String>>,
    /// In the order a sentence's findings are preferred.
    pub(super) rules: Vec<Rule>,
    pub(super) phrases: Patterns,
    pub(super) exceptions: Patterns,
    /// Where a word stands for a medicine (their "rule" is 0).
    pub(super) referents: Patterns,
    /// Where a sentence asks (their "rule" is how far: [`ASKED_TO_CLAUSE_END`], ...).
    pub(super) asked: Patterns,
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
        let (mut lexicon, list_names) = lexicon_of(&raw, &reader)?;
        let (medicine_words, not_medicine_names) = medicine_words_of(&raw, &reader)?;
        let (rules, phrases) = rules_of(&raw, &reader, &list_names, &mut lexicon)?;
        let mut table = |table: Table, key: &str, phrases: &[(usize, &String)]| {
            let mut patterns = Patterns::default();
            for &(rule, phrase) in phrases {
                let referents = table == Table::Referents;
                let elements = compile(phrase, &reader, &list_names, &mut lexicon, referents)
                    .map_err(|e| format!("{key}: '{phrase}': {e}"))?;
                patterns.file(table, rule, elements, &mut lexicon);
            }
            Ok::<Patterns, String>(patterns)
        };
        let exceptions = table(
            Table::Exceptions,
            "logistics-exceptions",
            &numbered(0, &raw.logistics_exceptions),
        )?;
        let referents = table(
            Table::Referents,
            "referents",
            &numbered(0, &raw.referents.phrases),
        )?;
        let mut asked_phrases = numbered(ASKED_TO_CLAUSE_END, &raw.asked.to_clause_end);
        asked_phrases.extend(numbered(ASKED_WHOLE_SENTENCE, &raw.asked.whole_sentence));
        let asked = table(Table::Asked, "asked", &asked_phrases)?;
        for info in &mut lexicon.words {
            for starts in &mut info.starts {
                starts.dedup();
            }
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
            referents,
            asked,
        })
    }

    /// The phrases of one table.
    pub(super) fn table(&self, table: Table) -> &Patterns {
        match table {
            Table::Rules => &self.phrases,
            Table::Exceptions => &self.exceptions,
            Table::Referents => &self.referents,
            Table::Asked => &self.asked,
        }
    }

    /// Words and sentences, in one pass over the text. A word the lists do not know is
    /// given to `near`, which may say which word of a medicine's name it is a misspelling of.
    pub(super) fn read(
        &self,
        text: &str,
        mut near: impl FnMut(&str) -> Option<WordId>,
    ) -> (Vec<Token>, Vec<Sentence>) {
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
                } => {
                    let id = if placeholder { None } else { lexicon.get(word) };
                    let unknown = id.is_none() && !placeholder && !digits;
                    tokens.push(Token {
                        start,
                        end,
                        id,
                        near: if unknown { near(word) } else { None },
                        digits,
                        placeholder,
                    });
                }
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

/// Phrases of a data file, each with the rule (or the reach) it belongs to.
fn numbered(rule: usize, phrases: &[String]) -> Vec<(usize, &String)> {
    phrases.iter().map(|p| (rule, p)).collect()
}

/// The words a data file's lists name one by one (abbreviations, number words, the word
/// lists), each once in the lexicon, and the bit of each word list by its name.
fn lexicon_of<'r>(
    raw: &'r RawVocabulary,
    reader: &Reader,
) -> Result<(Lexicon, HashMap<&'r str, u32>), String> {
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
    for word in &raw.referents.possessives {
        let id = lexicon.intern(&one_word("referents: possessives", word)?);
        lexicon.info_mut(id).possessive = true;
    }
    for word in &raw.referents.not_medicines {
        let id = lexicon.intern(&one_word("referents: not-medicines", word)?);
        lexicon.info_mut(id).not_medicine = true;
    }
    for word in &raw.asked.goes_on {
        let id = lexicon.intern(&one_word("asked: goes-on", word)?);
        lexicon.info_mut(id).goes_on = true;
    }
    for word in &raw.asked.joins {
        let id = lexicon.intern(&one_word("asked: joins", word)?);
        lexicon.info_mut(id).joins = true;
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
    Ok((lexicon, list_names))
}

/// What names a medicine in the data file (other names, class words, generic words), and
/// the names from medicine lists that are everyday words, all as words.
type MedicineWords = (Vec<(Vec<String>, MedicineWord)>, HashSet<Vec<String>>);

fn medicine_words_of(raw: &RawVocabulary, reader: &Reader) -> Result<MedicineWords, String> {
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
    Ok((medicine_words, not_medicine_names))
}

/// The rules, in the order a sentence's findings are preferred (the most specific first),
/// and their phrases compiled, each filed under the words it can start with.
fn rules_of(
    raw: &RawVocabulary,
    reader: &Reader,
    list_names: &HashMap<&str, u32>,
    lexicon: &mut Lexicon,
) -> Result<(Vec<Rule>, Patterns), String> {
    let mut rules = Vec::new();
    let mut phrases = Patterns::default();
    // A timing of the procedure's own day ("the morning of the procedure") may be asked
    // about; any other timing, and any amount, may not, even in a question.
    for (key, says, kind, asked_ok, rule) in [
        (
            "amount-phrases",
            Says::Amount,
            "amount",
            false,
            &raw.amount_phrases,
        ),
        (
            "timing-words",
            Says::Timing,
            "timing",
            false,
            &raw.timing_words,
        ),
        (
            "day-of-timings",
            Says::Timing,
            "timing",
            true,
            &raw.day_of_timings,
        ),
        (
            "change-verbs",
            Says::Change,
            "change",
            true,
            &raw.change_verbs,
        ),
        (
            "stop-phrases",
            Says::Change,
            "stop",
            true,
            &raw.stop_phrases,
        ),
        (
            "restart-phrases",
            Says::Change,
            "restart",
            true,
            &raw.restart_phrases,
        ),
        (
            "last-dose-phrases",
            Says::Change,
            "last-dose",
            true,
            &raw.last_dose_phrases,
        ),
        (
            "continue-phrases",
            Says::Change,
            "continue",
            true,
            &raw.continue_phrases,
        ),
    ] {
        for phrase in &rule.phrases {
            let elements = compile(phrase, reader, list_names, lexicon, false)
                .map_err(|e| format!("{key}: '{phrase}': {e}"))?;
            phrases.file(Table::Rules, rules.len(), elements, lexicon);
        }
        rules.push(Rule {
            says,
            kind,
            asked_ok,
            ask: rule.ask.clone(),
        });
    }
    Ok((rules, phrases))
}

/// Turns a phrase of the data file into pattern elements.
/// Turns a phrase of the data file into pattern elements; in a referent phrase
/// (`referents`), `=` marks the place that stands for a medicine.
pub(super) fn compile(
    phrase: &str,
    reader: &Reader,
    lists: &HashMap<&str, u32>,
    lexicon: &mut Lexicon,
    referents: bool,
) -> Result<Vec<Element>, String> {
    let mut elements = Vec::new();
    for (n, piece) in phrase.split_whitespace().enumerate() {
        let (piece, referent) = match piece.strip_prefix('=') {
            Some(rest) if referents => (rest, true),
            Some(_) => return Err("only a referent phrase marks a place with '='".into()),
            None => (piece, false),
        };
        let (piece, optional) = match piece.strip_suffix('?') {
            Some(rest) if !rest.is_empty() => (rest, true),
            _ => (piece, false),
        };
        let place = place_of(piece, n, &elements, reader, lists, lexicon)?;
        if optional && matches!(place, Place::Start | Place::Gap(_)) {
            return Err(format!("'{piece}?': only words and slots may be optional"));
        }
        if referent && matches!(place, Place::Start | Place::Gap(_) | Place::Medicine) {
            return Err(format!(
                "'={piece}': only words and word slots stand for a medicine"
            ));
        }
        elements.push(Element {
            place,
            optional,
            referent,
        });
    }
    let required = |e: &Element| !e.optional && !matches!(e.place, Place::Start | Place::Gap(_));
    if !elements.iter().any(required) {
        return Err("a phrase needs a word or slot that is not optional".into());
    }
    if referents && !elements.iter().any(|e| e.referent && !e.optional) {
        return Err("a referent phrase marks the place that stands for a medicine with '='".into());
    }
    Ok(elements)
}

/// The place the `n`th piece of a phrase stands for: `^`, a gap `*` or `*N`, a slot
/// (`{medicine}`, `{number}`, `{digits}`, a word list), or words (`stop|hold`).
fn place_of(
    piece: &str,
    n: usize,
    before: &[Element],
    reader: &Reader,
    lists: &HashMap<&str, u32>,
    lexicon: &mut Lexicon,
) -> Result<Place, String> {
    if piece == "^" {
        if n != 0 {
            return Err("^ may only come first".into());
        }
        return Ok(Place::Start);
    }
    if let Some(size) = piece.strip_prefix('*') {
        let opened = before
            .iter()
            .any(|e| !e.optional && !matches!(e.place, Place::Start));
        if !opened {
            return Err("a phrase may not begin with a gap".into());
        }
        if size.is_empty() {
            return Ok(Place::Gap(DEFAULT_GAP));
        }
        return size
            .parse()
            .map(Place::Gap)
            .map_err(|_| format!("'{piece}' is not a gap (* or *N)"));
    }
    if let Some(name) = piece.strip_prefix('{').and_then(|p| p.strip_suffix('}')) {
        return Ok(match name {
            "medicine" => Place::Medicine,
            "possessed" => Place::Possessed,
            "number" => Place::Number,
            "digits" => Place::Digits,
            _ => Place::List(
                *lists
                    .get(name)
                    .ok_or_else(|| format!("no word list '{name}' in word-lists"))?,
            ),
        });
    }
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
    Ok(Place::Words(words))
}

/// The words a pattern can start with: those of its first place, and of the next ones while
/// they are optional.
pub(super) fn first_words(elements: &[Element], lexicon: &Lexicon) -> Vec<WordId> {
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
            Place::Possessed => words.extend(
                (0..lexicon.words.len())
                    .filter(|&i| lexicon.words[i].possessive)
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
    /// Add a pattern to a table, filed under the words it can start with.
    fn file(&mut self, table: Table, rule: usize, elements: Vec<Element>, lexicon: &mut Lexicon) {
        let id = self.add(rule, elements);
        for word in first_words(&self.list[id].1, lexicon) {
            lexicon.info_mut(word).starts[table as usize].push(id);
        }
    }

    /// Add a pattern; its number.
    pub(super) fn add(&mut self, rule: usize, elements: Vec<Element>) -> usize {
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
