//! Hyphenation points as pyphen finds them, which is how textstat 0.7.3 counts syllables: one
//! more than the number of points.
//!
//! The reference tool calls `textstat.set_lang("en")`, and pyphen takes "en" to be the first
//! English dictionary it ships, `hyph_en_GB.dic` (not en_US, textstat's default): that is
//! the dictionary embedded here, unchanged (see `README_hyph_en_GB.txt` beside it for its
//! licence, which allows redistribution of the unmodified file), so that the counts are the
//! same as pyphen's word for word. It is read once, on first use.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

static DICTIONARY: &str = include_str!("hyph_en_GB.dic");

/// Pyphen's defaults (it ignores the dictionary's own LEFTHYPHENMIN and RIGHTHYPHENMIN):
/// no point leaves fewer than this many letters before or after it.
const LEFT: usize = 2;
const RIGHT: usize = 2;

struct Patterns {
    /// The longest pattern, in characters.
    longest: usize,
    /// The patterns (letters, with `.` for a word edge) as a trie: from each letter of a
    /// word, one step per letter, stopping where no pattern goes on. (Looking up every
    /// length up to `longest` in a map at every letter hashed ever longer keys, and took
    /// most of the time `check` spent on a long text.) In flat arrays, so that a walk stays
    /// in a few cache lines: node `n`'s edges are `edges[nodes[n].edges]`, sorted by letter.
    nodes: Vec<Node>,
    edges: Vec<(char, u32)>,
    /// The values of the patterns, one after another (`Node::ends`).
    values: Vec<u8>,
    /// For each node with many edges (the root and those near it, where most steps are
    /// taken), its next node by ASCII character (0: none), in one look instead of a search.
    tables: Vec<[u32; 128]>,
}

/// A node of the trie: where its edges are, its table if it has one (`NO_TABLE`: none),
/// and the pattern that ends here, if one does: the offset of its first value, and where
/// its values are in `Patterns::values`.
struct Node {
    edges: std::ops::Range<u32>,
    table: u32,
    ends: Option<(u32, std::ops::Range<u32>)>,
}

const NO_TABLE: u32 = u32::MAX;

/// A node with more edges than this gets a table: fewer are quicker to read one by one.
const EDGES_READ_ONE_BY_ONE: usize = 8;

impl Patterns {
    /// The node after `node` by `letter`, if a pattern goes on that way.
    fn step(&self, node: &Node, letter: char) -> Option<&Node> {
        let table = self.tables.get(node.table as usize);
        let next = match table.and_then(|table| table.get(letter as usize)) {
            // The root is no one's next node: 0 is none.
            Some(&next) => next,
            None => {
                let edges = self
                    .edges
                    .get(node.edges.start as usize..node.edges.end as usize)?;
                let found = if edges.len() <= EDGES_READ_ONE_BY_ONE {
                    edges.iter().find(|&&(c, _)| c == letter)
                } else {
                    let at = edges.binary_search_by_key(&letter, |&(c, _)| c).ok();
                    at.and_then(|at| edges.get(at))
                };
                found?.1
            }
        };
        (next != 0).then(|| self.nodes.get(next as usize)).flatten()
    }

    /// The pattern that ends at `node`: the offset of its first value, and its values.
    fn ends(&self, node: &Node) -> Option<(usize, &[u8])> {
        let (offset, range) = node.ends.clone()?;
        let values = self.values.get(range.start as usize..range.end as usize)?;
        Some((offset as usize, values))
    }
}

fn patterns() -> &'static Patterns {
    static PATTERNS: OnceLock<Patterns> = OnceLock::new();
    PATTERNS.get_or_init(|| parse(DICTIONARY))
}

/// Reads a `hyph_*.dic` as pyphen does: the first line names the encoding; comments and the
/// HYPHENMIN settings are skipped; a digit before a letter is the value of the point before
/// it; patterns whose values are all zero are dropped; a later pattern replaces an earlier
/// one with the same letters.
fn parse(text: &str) -> Patterns {
    const IGNORED: [&str; 6] = [
        "%",
        "#",
        "LEFTHYPHENMIN",
        "RIGHTHYPHENMIN",
        "COMPOUNDLEFTHYPHENMIN",
        "COMPOUNDRIGHTHYPHENMIN",
    ];
    let mut patterns: Vec<Pattern> = Vec::new();
    for line in text.split('\n').skip(1) {
        let line = line.trim();
        if line.is_empty() || IGNORED.iter().any(|prefix| line.starts_with(prefix)) {
            continue;
        }
        let mut letters = Vec::new();
        let mut values = Vec::new();
        let mut pending = 0u8;
        for c in line.chars() {
            match c.to_digit(10) {
                Some(digit) => pending = digit as u8,
                None => {
                    values.push(pending);
                    letters.push(c);
                    pending = 0;
                }
            }
        }
        values.push(pending);
        let (Some(start), Some(end)) = (
            values.iter().position(|&v| v != 0),
            values.iter().rposition(|&v| v != 0),
        ) else {
            continue;
        };
        values.truncate(end + 1);
        values.drain(..start);
        patterns.push(Pattern {
            letters,
            offset: start,
            values,
        });
    }
    // Sorted by letters, the later of two with the same letters kept (the sort is stable).
    patterns.sort_by(|a, b| a.letters.cmp(&b.letters));
    let mut kept: Vec<Pattern> = Vec::with_capacity(patterns.len());
    for pattern in patterns {
        match kept.last_mut() {
            Some(last) if last.letters == pattern.letters => *last = pattern,
            _ => kept.push(pattern),
        }
    }
    lay_out(&kept)
}

/// One line of the dictionary: its letters, and the values of its points from `offset`.
struct Pattern {
    letters: Vec<char>,
    offset: usize,
    values: Vec<u8>,
}

/// The trie of `sorted` (sorted by letters, each letters once), built breadth first: the
/// patterns under a node are a run of `sorted`, and its children split that run by their
/// next letter, so each node's edges are laid out together, in order, without a second pass.
fn lay_out(sorted: &[Pattern]) -> Patterns {
    let index = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let (mut nodes, mut edges, mut values, mut tables) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    // The nodes still to lay out, in the order of their numbers: a run of `sorted`, and
    // how many letters its patterns share.
    let mut queue = std::collections::VecDeque::from([(0..sorted.len(), 0)]);
    let mut numbered = 1;
    while let Some((run, depth)) = queue.pop_front() {
        let mut at = run.start;
        // A pattern that ends here sorts first in its run.
        let ends = match sorted.get(at) {
            Some(pattern) if pattern.letters.len() == depth && at < run.end => {
                at += 1;
                let from = index(values.len());
                values.extend(&pattern.values);
                Some((index(pattern.offset), from..index(values.len())))
            }
            _ => None,
        };
        let first_edge = edges.len();
        while at < run.end {
            let letter = sorted[at].letters[depth];
            let end = at + sorted[at..run.end].partition_point(|p| p.letters[depth] == letter);
            edges.push((letter, index(numbered)));
            numbered += 1;
            queue.push_back((at..end, depth + 1));
            at = end;
        }
        let mut table = NO_TABLE;
        if edges.len() - first_edge > EDGES_READ_ONE_BY_ONE {
            let mut next_by_ascii = [0; 128];
            for &(letter, next) in &edges[first_edge..] {
                if let Some(slot) = next_by_ascii.get_mut(letter as usize) {
                    *slot = next;
                }
            }
            table = index(tables.len());
            tables.push(next_by_ascii);
        }
        nodes.push(Node {
            edges: index(first_edge)..index(edges.len()),
            table,
            ends,
        });
    }
    Patterns {
        longest: sorted.iter().map(|p| p.letters.len()).max().unwrap_or(0),
        nodes,
        edges,
        values,
        tables,
    }
}

/// How many places pyphen would hyphenate `word` (a lowercase word without punctuation).
#[cfg(test)]
pub fn points(word: &str) -> usize {
    Hyphenator::default().points(word)
}

/// Counts hyphenation points, keeping its buffers from one word to the next: a long text
/// has many words, and allocating for each took as long as the lookups.
#[derive(Default)]
pub struct Hyphenator {
    pointed: Vec<char>,
    references: Vec<u8>,
    /// The counts already found, by word: a text says most of its words many times, and
    /// looking one up is several times quicker than finding its points again.
    known: FxHashMap<u128, usize>,
}

/// The words [`Hyphenator`] remembers: not without end (a text of words that never come
/// back gains nothing from it).
const KNOWN_WORDS: usize = 4096;

/// A word of up to 15 bytes as a number, to remember it by without copying it: its bytes,
/// then zeros, and its length in the last byte (so no two words share a key).
fn key(word: &str) -> Option<u128> {
    let length = u8::try_from(word.len())
        .ok()
        .filter(|&length| length < 16)?;
    let mut bytes = [0; 16];
    bytes[..word.len()].copy_from_slice(word.as_bytes());
    bytes[15] = length;
    Some(u128::from_le_bytes(bytes))
}

impl Hyphenator {
    /// As [`points`].
    pub fn points(&mut self, word: &str) -> usize {
        let Some(key) = key(word) else {
            return self.find_points(word);
        };
        if let Some(&known) = self.known.get(&key) {
            return known;
        }
        let points = self.find_points(word);
        if self.known.len() < KNOWN_WORDS {
            self.known.insert(key, points);
        }
        points
    }

    fn find_points(&mut self, word: &str) -> usize {
        let patterns = patterns();
        let pointed = &mut self.pointed;
        pointed.clear();
        pointed.push('.');
        if word.is_ascii() {
            pointed.extend(word.chars().map(|c| c.to_ascii_lowercase()));
        } else {
            pointed.extend(word.chars().flat_map(char::to_lowercase));
        }
        pointed.push('.');
        let references = &mut self.references;
        references.clear();
        references.resize(pointed.len() + 1, 0);
        let Some(root) = patterns.nodes.first() else {
            return 0;
        };
        for i in 0..pointed.len().saturating_sub(1) {
            let mut node = root;
            for &c in &pointed[i..pointed.len().min(i + patterns.longest)] {
                let Some(next) = patterns.step(node, c) else {
                    break;
                };
                node = next;
                if let Some((offset, values)) = patterns.ends(node) {
                    for (k, &value) in values.iter().enumerate() {
                        if let Some(reference) = references.get_mut(i + offset + k) {
                            *reference = (*reference).max(value);
                        }
                    }
                }
            }
        }
        // references[r] is the point before pointed[r], so before the word's letter r - 1.
        let length = word.chars().count();
        references
            .iter()
            .enumerate()
            .filter(|&(r, &value)| value % 2 == 1 && r > LEFT && r - 1 + RIGHT <= length)
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Counts from pyphen 0.18.1 (`len(Pyphen(lang="en").positions(word))`).
    #[test]
    fn points_are_pyphens() {
        for (word, expected) in [
            ("the", 0),
            ("people", 0),
            ("after", 0),
            ("medicine", 1),
            ("surgery", 1),
            ("intrathecal", 1),
            ("catheter", 2),
            ("abdomen", 2),
            ("subcutaneous", 2),
            ("university", 2),
            ("hyphenation", 3),
            ("contraindicated", 3),
            ("Midnight", 1),
        ] {
            assert_eq!(points(word), expected, "{word}");
        }
    }

    #[test]
    fn remembered_words_never_share_a_key() {
        let words = [
            "",
            "a",
            "a\0",
            "ab",
            "medicine",
            "fifteen-letters",
            "sixteen-letters!",
        ];
        let keys: Vec<Option<u128>> = words.iter().map(|word| key(word)).collect();
        assert_eq!(keys[6], None, "only words of up to 15 bytes are remembered");
        let distinct: std::collections::HashSet<_> = keys[..6].iter().collect();
        assert_eq!(distinct.len(), 6);
        // A word remembered counts as it did the first time.
        let mut hyphenator = Hyphenator::default();
        let first: Vec<usize> = ["catheter", "the", "catheter"]
            .map(|w| hyphenator.points(w))
            .to_vec();
        assert_eq!(first, [2, 0, 2]);
    }

    #[test]
    fn the_whole_dictionary_is_read() {
        let patterns = patterns();
        let count = patterns.nodes.iter().filter(|n| n.ends.is_some()).count();
        assert_eq!(count, 13932);
        assert_eq!(patterns.longest, 19);
    }
}
