//! Finding medication advice in a sentence: the medicine names in it (longest first, from a
//! tree of their words, misspelled or not), the words that stand for one where the item is
//! about medicines ("stop it"), where the sentence asks rather than says ("ask your doctor
//! whether ..."), then the phrases of the rules around them, with the logistics exceptions
//! taken out.

use std::cell::OnceCell;
use std::collections::HashMap;

use rustc_hash::FxHashMap;

use super::vocabulary::{
    ASKED_WHOLE_SENTENCE, Element, MedicineWord, Place, Rule, Table, Vocabulary,
};
use super::words::{Token, WordId};
use super::{Finding, Role, Says, Scope};
use crate::problem::Message;

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

    fn add_span(&mut self, first: usize, end: usize, kind: MedicineWord) {
        for at in &mut self.span_at[first..end] {
            *at = Some(self.spans.len());
        }
        self.spans.push(Span { first, end, kind });
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
    /// Those of a referent phrase's marked place (`=it`).
    pub(super) referents: Vec<usize>,
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
    /// The words of the names a misspelling may be of, found as the walk finds a typed name
    /// (`catalogue::near_miss`); indexed on first use.
    pub(super) near: NearNames,
}

/// The words of medicine names long enough to be misspelled ("Eliqis" for "Eliquis"), and,
/// made on first use, each under every string left when one or two of its letters are taken
/// out: a word within two edits of one of them shares such a string with it, so a word of
/// the text is compared with a few names rather than all.
#[derive(Debug, Clone, Default)]
pub(super) struct NearNames {
    words: Vec<(String, WordId)>,
    index: OnceCell<FxHashMap<String, Vec<usize>>>,
}

/// The shortest word of a name that a misspelling may be of: the walk matches shorter
/// typed words exactly (`catalogue::near_miss`).
const SHORTEST_MISSPELT: usize = 4;

impl NearNames {
    /// The word of a name that `word` (of the text, read) is a misspelling of, if any.
    fn of(&self, word: &str) -> Option<WordId> {
        if word.chars().count() <= SHORTEST_MISSPELT {
            return None;
        }
        let index = self.index.get_or_init(|| {
            let mut index: FxHashMap<String, Vec<usize>> = FxHashMap::default();
            for (n, (name, _)) in self.words.iter().enumerate() {
                for key in without_letters(name, 2) {
                    index.entry(key).or_default().push(n);
                }
            }
            index
        });
        let mut best: Option<(usize, WordId)> = None;
        for key in without_letters(word, 2) {
            for &n in index.get(&key).into_iter().flatten() {
                let (name, id) = &self.words[n];
                if !like_a_misspelling(word, name) {
                    continue;
                }
                let Some(distance) = crate::catalogue::near_miss(word, name) else {
                    continue;
                };
                if best.is_none_or(|(d, _)| distance < d) {
                    best = Some((distance, *id));
                }
            }
        }
        best.map(|(_, id)| id)
    }
}

/// Whether a word of running text may be a misspelling of a name's word at all: a word
/// typed on a medicine screen is meant as a name, but most words of a text are not, and
/// "efficient" is two letters from Effient. A misspelt name keeps its first letter and
/// about its length ("Eliqis", "Brillinta", "Plavics").
fn like_a_misspelling(word: &str, name: &str) -> bool {
    word.chars().next() == name.chars().next()
        && word.chars().count().abs_diff(name.chars().count()) <= 1
}

/// `word` and every string left when up to `most` of its letters are taken out.
fn without_letters(word: &str, most: usize) -> Vec<String> {
    let mut all = vec![word.to_string()];
    let mut last = all.clone();
    for _ in 0..most {
        let mut next = Vec::new();
        for shorter in &last {
            let chars: Vec<char> = shorter.chars().collect();
            for skip in 0..chars.len() {
                let left: String = (chars.iter().enumerate())
                    .filter(|&(n, _)| n != skip)
                    .map(|(_, c)| c)
                    .collect();
                next.push(left);
            }
        }
        next.sort_unstable();
        next.dedup();
        all.extend(next.iter().cloned());
        last = next;
    }
    all.sort_unstable();
    all.dedup();
    all
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
    /// last dose, keeping on), at its first place. Only what names a medicine counts here
    /// ([`Scope::Plain`]): see [`Detector::check_in`] for the texts of an item about one.
    pub fn check(&self, text: &str, role: Role) -> Option<Finding> {
        self.find(text, role, Scope::Plain, false).0
    }

    /// As [`Detector::check`], for a text of an item that stands to medicines as `scope`
    /// says: on an item about medicines, `{each}` and `{answer}` are the medicines the
    /// patient chose, and there, or where the item names a medicine, "stop it" and "hold
    /// your levothyroxine" speak of one.
    pub fn check_in(&self, text: &str, role: Role, scope: Scope) -> Option<Finding> {
        self.find(text, role, scope, false).0
    }

    /// Whether the text names a medicine, a class of medicines or a generic medicine word
    /// (medicine, pill, tablet, dose, shot, ...), misspelled or not. Placeholders and
    /// pronouns do not count.
    pub fn mentions_medicine(&self, text: &str) -> bool {
        let (tokens, sentences) = self.read(text);
        sentences.iter().any(|s| {
            !(self.view(&tokens[s.first..s.end], Scope::Plain))
                .spans
                .is_empty()
        })
    }

    /// [`Detector::check`] and [`Detector::mentions_medicine`] at once, reading the text
    /// once (reading it is most of the work, and `check` asks both of most texts).
    pub fn check_and_mentions(&self, text: &str, role: Role) -> (Option<Finding>, bool) {
        self.find(text, role, Scope::Plain, true)
    }

    /// Words and sentences, with the misspelt names found (each word looked up once).
    fn read(&self, text: &str) -> (Vec<Token>, Vec<super::words::Sentence>) {
        let mut seen: FxHashMap<String, Option<WordId>> = FxHashMap::default();
        self.vocabulary.read(text, |word| {
            if let Some(&found) = seen.get(word) {
                return found;
            }
            let found = self.near.of(word);
            seen.insert(word.to_string(), found);
            found
        })
    }

    /// The first medication advice in `text`, and, when `mentions` is asked for, whether
    /// the text names a medicine; the reading stops once it knows what was asked.
    pub(super) fn find(
        &self,
        text: &str,
        role: Role,
        scope: Scope,
        mentions: bool,
    ) -> (Option<Finding>, bool) {
        let (tokens, sentences) = self.read(text);
        let mut scratch = Match::default();
        let (mut finding, mut names_medicine) = (None, false);
        for sentence in &sentences {
            let view = self.view(&tokens[sentence.first..sentence.end], scope);
            names_medicine |= view
                .spans
                .iter()
                .any(|s| s.kind < MedicineWord::Placeholder);
            if finding.is_none() {
                finding = self.in_sentence(text, &view, role, sentence.question, &mut scratch);
            }
            if finding.is_some() && (names_medicine || !mentions) {
                break;
            }
        }
        (finding, mentions && names_medicine)
    }

    /// The medicines of a sentence: names, and as `scope` allows, placeholders and the
    /// words that stand for a medicine.
    pub(super) fn view<'a>(&self, tokens: &'a [Token], scope: Scope) -> View<'a> {
        let mut view = View {
            tokens,
            spans: Vec::new(),
            span_at: vec![None; tokens.len()],
        };
        let mut i = 0;
        while i < tokens.len() {
            let token = &tokens[i];
            let found = if token.placeholder {
                (scope == Scope::MedicineItem).then_some((1, MedicineWord::Placeholder))
            } else {
                // The longest name that starts here ("baby aspirin" over "aspirin").
                let mut node = 0;
                let mut longest = None;
                for (n, token) in tokens[i..].iter().enumerate() {
                    let word = token.id.or(token.near);
                    let next = word.and_then(|id| self.names[node].next.get(&id));
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
                    view.add_span(i, i + length, kind);
                    i += length;
                }
                None => i += 1,
            }
        }
        // A pronoun stands for the medicine the sentence names, if it names one (and is
        // read as that medicine is); else for those its item is about.
        if scope != Scope::Plain && view.spans.is_empty() {
            self.add_referents(&mut view);
        }
        view
    }

    /// The words that stand for a medicine ("stop it", "hold your levothyroxine"), as
    /// medicines of the sentence.
    fn add_referents(&self, view: &mut View) {
        let referents = &self.vocabulary.referents;
        let mut scratch = Match::default();
        let mut found = Vec::new();
        for i in 0..view.tokens.len() {
            for id in self.candidates(view, i, Table::Referents) {
                if self.matches(&referents.list[id].1, i, view, Pass::Raw, &mut scratch) {
                    found.extend(scratch.referents.iter().copied());
                }
            }
        }
        found.sort_unstable();
        found.dedup();
        for at in found {
            if view.span_at[at].is_none() {
                view.add_span(at, at + 1, MedicineWord::Referent);
            }
        }
    }

    /// The patterns of a table that can start at token `i`.
    pub(super) fn candidates<'a>(
        &'a self,
        view: &View,
        i: usize,
        table: Table,
    ) -> impl Iterator<Item = usize> + 'a {
        let token = view.tokens[i];
        let patterns = self.vocabulary.table(table);
        let words = token.id.map_or(&[][..], |id| {
            &self.vocabulary.lexicon.info(id).starts[table as usize][..]
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
        let asked = self.where_it_asks(text, view, question, scratch);
        let live_in: Vec<u16> = live.iter().map(|&s| asked[view.spans[s].first]).collect();
        let (rule, used) = self.first_rule(view, &asked, &live_in, &neutral, scratch)?;
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

    /// Where the sentence asks rather than says, token by token: 0 where it says, else the
    /// number of the part that asks. A question asks throughout; an asked phrase ("ask your
    /// doctor whether", "your doctor will decide") asks from where it starts to the end of
    /// its clause (the next comma) or, for some ("unless your doctor tells you to"), the
    /// whole sentence.
    fn where_it_asks(
        &self,
        text: &str,
        view: &View,
        question: bool,
        scratch: &mut Match,
    ) -> Vec<u16> {
        let count = view.tokens.len();
        if question {
            return vec![1; count];
        }
        let asked = &self.vocabulary.asked;
        let mut zones = vec![0u16; count];
        let mut next = 1;
        for i in 0..count {
            if zones[i] != 0 {
                continue;
            }
            let found = self
                .candidates(view, i, Table::Asked)
                .find(|&id| self.matches(&asked.list[id].1, i, view, Pass::Raw, scratch));
            let Some(id) = found else {
                continue;
            };
            let (first, end) = if asked.list[id].0 == ASKED_WHOLE_SENTENCE {
                (0, count)
            } else {
                let comma =
                    (scratch.end.max(i + 1)..count).find(|&j| self.ends_clause(text, view, j));
                (i, comma.unwrap_or(count))
            };
            for zone in zones[first..end].iter_mut().filter(|z| **z == 0) {
                *zone = next;
            }
            next = next.saturating_add(1);
        }
        zones
    }

    /// Whether a clause ends before token `j`: at a comma, unless what is asked goes on
    /// after it ("..., and when to start it again").
    fn ends_clause(&self, text: &str, view: &View, j: usize) -> bool {
        let tokens = view.tokens;
        if !text[tokens[j - 1].end..tokens[j].start].contains(',') {
            return false;
        }
        let info = |at: usize| {
            (tokens.get(at))
                .and_then(|t| t.id)
                .map(|id| self.vocabulary.lexicon.info(id))
        };
        let goes_on = |at: usize| info(at).is_some_and(|w| w.goes_on);
        !(goes_on(j) || (info(j).is_some_and(|w| w.joins) && goes_on(j + 1)))
    }

    /// The words of phrases, before exceptions: exception gaps may not step over them.
    fn where_phrases_could_be(&self, view: &View, scratch: &mut Match) -> Vec<bool> {
        let phrases = &self.vocabulary.phrases;
        let mut blocked = vec![false; view.tokens.len()];
        for i in 0..view.tokens.len() {
            for id in self.candidates(view, i, Table::Rules) {
                if self.matches(&phrases.list[id].1, i, view, Pass::Raw, scratch) {
                    for &at in &scratch.used {
                        blocked[at] = true;
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
            for id in self.candidates(view, i, Table::Exceptions) {
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
    /// and the tokens it matched. Where the sentence asks (`asked`), what a question may say
    /// is allowed (a change, the procedure's own day), and its words count for nothing else
    /// ("mañana" in "la mañana del procedimiento"). A phrase without a medicine of its own
    /// needs a medicine (`live_in`: where each is) in the part of the sentence it is in, so
    /// that "If your doctor changes your dose, call us the same day" gives no timing for it.
    fn first_rule(
        &self,
        view: &View,
        asked: &[u16],
        live_in: &[u16],
        neutral: &[bool],
        scratch: &mut Match,
    ) -> Option<(usize, Vec<usize>)> {
        let vocabulary = &self.vocabulary;
        let pass = Pass::Final { neutral };
        let mut said = Vec::new();
        let mut allowed_words = vec![false; view.tokens.len()];
        for i in 0..view.tokens.len() {
            for id in self.candidates(view, i, Table::Rules) {
                let (rule, elements) = &vocabulary.phrases.list[id];
                if !self.matches(elements, i, view, pass, scratch) {
                    continue;
                }
                let used = &scratch.used;
                if vocabulary.rules[*rule].asked_ok && used.iter().all(|&at| asked[at] != 0) {
                    for &at in used {
                        allowed_words[at] = true;
                    }
                    continue;
                }
                let part = asked[used.first().copied().unwrap_or(i)];
                if scratch.medicine.is_some() || live_in.contains(&part) {
                    said.push((*rule, used.clone()));
                }
            }
        }
        said.into_iter()
            .filter(|(_, used)| !used.iter().any(|&at| allowed_words[at]))
            .min_by_key(|(rule, used)| (*rule, used.first().copied()))
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
            MedicineWord::Generic | MedicineWord::Referent => vocabulary.any_medicine.clone(),
        };
        let why = Message::new("advice-why")
            .text("kind", rule.kind)
            .text("medicine", written)
            .text("phrase", phrase.as_str());
        let instead = match (rule.says, role) {
            (Says::Change, Role::Statement) => "statement",
            (Says::Change, Role::Question) => "not-a-question",
            (Says::Timing, _) => "timing",
            (Says::Amount, _) => "amount",
        };
        let instead = Message::new("advice-instead")
            .text("kind", instead)
            .text("ask", rule.ask.replace("{medicine}", &asked));
        Finding {
            start,
            phrase,
            why,
            instead,
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
        found.referents.clear();
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
                let words = match place {
                    Place::Possessed if self.possessed(i, on) => 2,
                    Place::Possessed => return None,
                    place if word_fits(&self.vocabulary, place, i, on) => 1,
                    _ => return None,
                };
                let (used, referents) = (found.used.len(), found.referents.len());
                found.used.extend(i..i + words);
                if rest[0].referent {
                    // The possessed word, or the word itself.
                    found.referents.push(i + words - 1);
                }
                if let Some(end) = self.step(after, i + words, on, found) {
                    return Some(end);
                }
                found.used.truncate(used);
                found.referents.truncate(referents);
                None
            }
        }
    }

    /// Whether token `i` is a possessive and the next word one it may own that is no
    /// everyday thing, a number or a placeholder ("your levothyroxine", not "your shower").
    fn possessed(&self, i: usize, on: On) -> bool {
        let lexicon = &self.vocabulary.lexicon;
        let tokens = on.view.tokens;
        let (Some(first), Some(owned)) = (tokens.get(i), tokens.get(i + 1)) else {
            return false;
        };
        let possessive = first.id.is_some_and(|id| lexicon.info(id).possessive);
        let thing = owned.id.is_some_and(|id| {
            let info = lexicon.info(id);
            info.not_medicine || info.possessive || info.number
        });
        let free = |at: usize| match on.pass {
            Pass::Raw => true,
            Pass::Exception { .. } => on.view.span_at[at].is_none(),
            Pass::Final { neutral } => !neutral[at],
        };
        possessive && !thing && !owned.digits && !owned.placeholder && free(i) && free(i + 1)
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
        Place::Start | Place::Gap(_) | Place::Medicine | Place::Possessed => false,
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
        // A misspelling is of a name's word long enough to have one, in a name with no
        // short word ("vitamin E" is not "vitamin D"), as the walk reads a typed name.
        let mut near = Vec::new();
        for (words, kind) in self.medicine_words.iter().cloned().chain(names) {
            if words.is_empty() {
                continue;
            }
            let ids: Vec<WordId> = words.iter().map(|w| lexicon.intern(w)).collect();
            let short = words.iter().any(|w| w.chars().count() <= 2);
            if kind == MedicineWord::Name && !short {
                near.extend(
                    (words.iter().zip(&ids))
                        .filter(|(w, _)| w.chars().count() >= SHORTEST_MISSPELT)
                        .map(|(w, &id)| (w.clone(), id)),
                );
            }
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
        Detector {
            vocabulary,
            names,
            near: NearNames {
                words: near,
                index: OnceCell::new(),
            },
        }
    }
}
