//! Finding medication advice in a sentence: the medicine names in it (longest first, from a
//! tree of their words), then the phrases of the rules around them, with the logistics
//! exceptions taken out.

use std::collections::HashMap;

use rustc_hash::FxHashMap;

use super::vocabulary::{Element, MedicineWord, Patterns, Place, Rule, Vocabulary};
use super::words::{Token, WordId};
use super::{Finding, Role, Says};

/// A medicine named in a sentence: tokens `first..end` of the sentence.
#[derive(Debug, Clone, Copy)]
pub(super) struct Span {
    pub(super) first: usize,
    pub(super) end: usize,
    pub(super) kind: MedicineWord,
}

/// One sentence, ready to match.
pub(super) struct View<'a> {
    pub(super) tokens: &'a [Token],
    pub(super) spans: Vec<Span>,
    /// For each token, the span it is part of.
    pub(super) span_at: Vec<Option<usize>>,
}

impl View<'_> {
    pub(super) fn starts_medicine(&self, i: usize) -> bool {
        self.span_at[i].is_some_and(|s| self.spans[s].first == i)
    }
}

/// How a pattern is matched.
#[derive(Clone, Copy)]
pub(super) enum Pass<'a> {
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
pub(super) struct Match {
    /// The tokens matched by words and slots (not gaps), in order.
    pub(super) used: Vec<usize>,
    /// The first medicine slot's span.
    pub(super) medicine: Option<usize>,
    pub(super) end: usize,
}

/// Finds medication advice in checklist text.
#[derive(Debug, Clone)]
pub struct Detector {
    /// The word lists, with the medicine names added to the lexicon.
    pub(super) vocabulary: Vocabulary,
    /// The medicine names, word by word, from the root (0): a sentence is matched one
    /// token at a time, the longest name winning. (Every name that starts with a word was
    /// once tried at each place the word is, so a medicine list of thousands of names
    /// starting with "a" made checking a long text take seconds.)
    pub(super) names: Vec<NameNode>,
}

/// A node of the medicine names: the names that go on from here, by their next word, and
/// the kind of the name that ends here, if one does (a name over a class: the least kind).
#[derive(Debug, Clone, Default)]
pub(super) struct NameNode {
    pub(super) next: FxHashMap<WordId, usize>,
    pub(super) kind: Option<MedicineWord>,
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
    pub(super) fn find(
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
    pub(super) fn view<'a>(&self, tokens: &'a [Token], placeholders: bool) -> View<'a> {
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
    pub(super) fn candidates<'a>(
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

    /// The medication advice in one sentence, if any.
    pub(super) fn in_sentence(
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
        let blocked = self.where_phrases_could_be(view, scratch);
        let neutral = self.what_exceptions_cover(view, &blocked, scratch);
        let live: Vec<usize> = (0..view.spans.len())
            .filter(|&s| !neutral[view.spans[s].first..view.spans[s].end].contains(&true))
            .collect();
        if live.is_empty() {
            return None;
        }
        let (rule, used) = self.first_rule(view, role, question, &neutral, scratch)?;
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
        let rule = &self.vocabulary.rules[rule];
        Some(self.finding(text, view, &used, view.spans[medicine], rule, role))
    }

    /// The tokens where phrases could be, before exceptions: exception gaps may not step
    /// over them.
    fn where_phrases_could_be(&self, view: &View, scratch: &mut Match) -> Vec<bool> {
        let phrases = &self.vocabulary.phrases;
        let mut blocked = vec![false; view.tokens.len()];
        for i in 0..view.tokens.len() {
            for id in self.candidates(view, i, phrases, false) {
                if self.matches(&phrases.list[id].1, i, view, Pass::Raw, scratch) {
                    for at in &mut blocked[i..scratch.end] {
                        *at = true;
                    }
                }
            }
        }
        blocked
    }

    /// The tokens logistics exceptions cover ("bring your medicines"): they count for no
    /// phrase.
    fn what_exceptions_cover(
        &self,
        view: &View,
        blocked: &[bool],
        scratch: &mut Match,
    ) -> Vec<bool> {
        let exceptions = &self.vocabulary.exceptions;
        let mut neutral = vec![false; view.tokens.len()];
        let pass = Pass::Exception { blocked };
        for i in 0..view.tokens.len() {
            for id in self.candidates(view, i, exceptions, true) {
                if self.matches(&exceptions.list[id].1, i, view, pass, scratch) {
                    for &at in &scratch.used {
                        neutral[at] = true;
                    }
                }
            }
        }
        neutral
    }

    /// The first rule (in the order of `rules`) whose phrase matches, at its first place,
    /// and the tokens it matched; a change is allowed in a question for the care team.
    fn first_rule(
        &self,
        view: &View,
        role: Role,
        question: bool,
        neutral: &[bool],
        scratch: &mut Match,
    ) -> Option<(usize, Vec<usize>)> {
        let vocabulary = &self.vocabulary;
        let pass = Pass::Final { neutral };
        let mut best: Option<(usize, Vec<usize>)> = None;
        for i in 0..view.tokens.len() {
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
        best
    }

    pub(super) fn finding(
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
    pub(super) fn matches(
        &self,
        elements: &[Element],
        i: usize,
        view: &View,
        pass: Pass,
        found: &mut Match,
    ) -> bool {
        found.used.clear();
        found.medicine = None;
        match self.step(elements, i, On { view, pass }, found) {
            Some(end) => {
                found.end = end;
                true
            }
            None => false,
        }
    }

    /// Match `rest` (what is left of a pattern) from token `i`, the shortest gaps first; the
    /// end token.
    fn step(&self, rest: &[Element], i: usize, on: On, found: &mut Match) -> Option<usize> {
        let Some(element) = rest.first() else {
            return Some(i);
        };
        if element.optional
            && let Some(end) = self.place(rest, i, on, found)
        {
            return Some(end);
        }
        if element.optional {
            return self.step(&rest[1..], i, on, found);
        }
        self.place(rest, i, on, found)
    }

    /// Match the first place of `rest` at token `i`, then the rest.
    fn place(&self, rest: &[Element], i: usize, on: On, found: &mut Match) -> Option<usize> {
        let after = &rest[1..];
        match &rest[0].place {
            Place::Start if i == 0 => self.step(after, i, on, found),
            Place::Start => None,
            Place::Gap(size) => self.gap(*size, after, i, on, found),
            Place::Medicine => self.medicine(after, i, on, found),
            place => {
                if !word_fits(&self.vocabulary, place, i, on) {
                    return None;
                }
                found.used.push(i);
                if let Some(end) = self.step(after, i + 1, on, found) {
                    return Some(end);
                }
                found.used.pop();
                None
            }
        }
    }

    /// A gap of up to `size` words at token `i`, the shortest first, then `after`. An
    /// exception's gap may not step over a phrase or a medicine.
    fn gap(
        &self,
        size: usize,
        after: &[Element],
        i: usize,
        on: On,
        found: &mut Match,
    ) -> Option<usize> {
        for skip in 0..=size {
            if skip > 0 {
                let at = i + skip - 1;
                if at >= on.view.tokens.len() {
                    return None;
                }
                if let Pass::Exception { blocked } = on.pass
                    && (blocked[at] || on.view.span_at[at].is_some())
                {
                    return None;
                }
            }
            if let Some(end) = self.step(after, i + skip, on, found) {
                return Some(end);
            }
        }
        None
    }

    /// A medicine's name starting at token `i`, then `after`.
    fn medicine(&self, after: &[Element], i: usize, on: On, found: &mut Match) -> Option<usize> {
        let span = on.view.span_at.get(i).copied().flatten()?;
        let Span { first, end, .. } = on.view.spans[span];
        if first != i {
            return None;
        }
        if let Pass::Final { neutral } = on.pass
            && neutral[first..end].contains(&true)
        {
            return None;
        }
        let used = found.used.len();
        let medicine = found.medicine;
        found.used.extend(first..end);
        found.medicine = found.medicine.or(Some(span));
        if let Some(end) = self.step(after, end, on, found) {
            return Some(end);
        }
        found.used.truncate(used);
        found.medicine = medicine;
        None
    }
}

/// Where a pattern is being matched: the sentence, and in which pass.
#[derive(Clone, Copy)]
struct On<'a> {
    view: &'a View<'a>,
    pass: Pass<'a>,
}

/// Whether token `i` is one of the words, the number or the list word `place` asks for,
/// and may be used in this pass.
fn word_fits(vocabulary: &Vocabulary, place: &Place, i: usize, on: On) -> bool {
    let view = on.view;
    let Some(token) = view.tokens.get(i) else {
        return false;
    };
    let info = token.id.map(|id| vocabulary.lexicon.info(id));
    // A number in a name ("GLP-1", "omega-3") is not a number.
    let number = view.span_at[i].is_none() && (token.digits || info.is_some_and(|w| w.number));
    let fits = match place {
        Place::Words(words) => token.id.is_some_and(|id| words.contains(&id)),
        Place::Number => number,
        Place::Digits => number && token.digits,
        Place::List(bit) => info.is_some_and(|w| w.lists & (1 << bit) != 0),
        Place::Start | Place::Gap(_) | Place::Medicine => false,
    };
    let allowed = match on.pass {
        Pass::Raw => true,
        Pass::Exception { .. } => view.span_at[i].is_none(),
        Pass::Final { neutral } => !neutral[i],
    };
    fits && allowed
}

/// "Blood thinners" becomes "blood thinners"; "NSAIDs" stays.
pub(super) fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if !second.is_uppercase() => first
            .to_lowercase()
            .chain(text[first.len_utf8()..].chars())
            .collect(),
        _ => text.to_string(),
    }
}

impl Vocabulary {
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
}
