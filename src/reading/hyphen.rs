//! Hyphenation points as pyphen finds them, which is how textstat 0.7.3 counts syllables: one
//! more than the number of points.
//!
//! The reference tool calls `textstat.set_lang("en")`, and pyphen takes "en" to be the first
//! English dictionary it ships, `hyph_en_GB.dic` (not en_US, textstat's default): that is
//! the dictionary embedded here, unchanged (see `README_hyph_en_GB.txt` beside it for its
//! licence, which allows redistribution of the unmodified file), so that the counts are the
//! same as pyphen's word for word. It is read once, on first use.

use std::collections::HashMap;
use std::sync::OnceLock;

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
    /// The root's next node for each ASCII character (0: none), the step taken most.
    root: [u32; 128],
}

/// A node of the trie: where its edges are, and the pattern that ends here, if one does:
/// the offset of its first value, and where its values are in `Patterns::values`.
struct Node {
    edges: std::ops::Range<u32>,
    ends: Option<(u32, std::ops::Range<u32>)>,
}

impl Patterns {
    fn step(&self, node: u32, letter: char) -> Option<u32> {
        if node == 0
            && let Some(&next) = self.root.get(letter as usize)
        {
            return (next != 0).then_some(next);
        }
        let range = self.nodes.get(node as usize)?.edges.clone();
        let edges = self.edges.get(range.start as usize..range.end as usize)?;
        if edges.len() <= 8 {
            return edges.iter().find(|&&(c, _)| c == letter).map(|&(_, n)| n);
        }
        edges
            .binary_search_by_key(&letter, |&(c, _)| c)
            .ok()
            .map(|at| edges[at].1)
    }

    /// The pattern that ends at `node`: the offset of its first value, and its values.
    fn ends(&self, node: u32) -> Option<(usize, &[u8])> {
        let (offset, range) = self.nodes.get(node as usize)?.ends.clone()?;
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
    let mut by_letters = HashMap::new();
    for line in text.split('\n').skip(1) {
        let line = line.trim();
        if line.is_empty() || IGNORED.iter().any(|prefix| line.starts_with(prefix)) {
            continue;
        }
        let mut letters = String::new();
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
        by_letters.insert(letters, (start, values[start..=end].to_vec()));
    }
    let longest = by_letters
        .keys()
        .map(|letters| letters.chars().count())
        .max()
        .unwrap_or(0);
    // Built as nested lists, then laid out flat.
    #[derive(Default)]
    struct Building {
        next: Vec<(char, usize)>,
        ends: Option<(usize, Vec<u8>)>,
    }
    let mut trie = vec![Building::default()];
    for (letters, values) in &by_letters {
        let mut node = 0;
        for c in letters.chars() {
            node = match trie[node].next.iter().find(|&&(l, _)| l == c) {
                Some(&(_, next)) => next,
                None => {
                    trie.push(Building::default());
                    let next = trie.len() - 1;
                    trie[node].next.push((c, next));
                    next
                }
            };
        }
        trie[node].ends = Some(values.clone());
    }
    let index = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let (mut nodes, mut edges, mut flat_values) = (Vec::new(), Vec::new(), Vec::new());
    for mut node in trie {
        node.next.sort_unstable();
        let start = index(edges.len());
        edges.extend(node.next.iter().map(|&(c, next)| (c, index(next))));
        let ends = node.ends.map(|(offset, values)| {
            let from = index(flat_values.len());
            flat_values.extend(values);
            (index(offset), from..index(flat_values.len()))
        });
        nodes.push(Node {
            edges: start..index(edges.len()),
            ends,
        });
    }
    let mut root = [0; 128];
    for &(c, next) in &edges[nodes[0].edges.start as usize..nodes[0].edges.end as usize] {
        if let Some(slot) = root.get_mut(c as usize) {
            *slot = next;
        }
    }
    Patterns {
        longest,
        nodes,
        edges,
        values: flat_values,
        root,
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
}

impl Hyphenator {
    /// As [`points`].
    pub fn points(&mut self, word: &str) -> usize {
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
        for i in 0..pointed.len().saturating_sub(1) {
            let mut node = 0;
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
    fn the_whole_dictionary_is_read() {
        let patterns = patterns();
        let count = patterns.nodes.iter().filter(|n| n.ends.is_some()).count();
        assert_eq!(count, 13932);
        assert_eq!(patterns.longest, 19);
    }
}
