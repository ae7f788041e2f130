//! Mutation of seed inputs: bytes, tokens of the checklist format and whole lines changed,
//! copied, repeated and spliced, as byte-level fuzzers do.

use super::random::Random;

/// Tokens of YAML and of the checklist, catalogue and answers formats.
const TOKENS: &[&str] = &[
    ": ",
    "- ",
    "\n",
    "\n  ",
    "\n    - ",
    "[",
    "]",
    "{",
    "}",
    ", ",
    "&a ",
    "*a",
    "&b ",
    "*b",
    "<<: *a",
    "!!str ",
    "!!int ",
    "!!binary ",
    "!tag ",
    "? ",
    "|\n  ",
    ">-\n  ",
    "---\n",
    "...\n",
    "%YAML 1.2\n",
    "'",
    "\"",
    "\\",
    "\\u202e",
    "\\x1b",
    "\\e",
    "\\N",
    "\\L",
    "#",
    "~",
    "null",
    "yes",
    "no",
    "true",
    "0x1F",
    "1e999",
    "-1",
    "4294967296",
    ".inf",
    "id: ",
    "title: ",
    "procedure: ",
    "version: ",
    "sources: ",
    "closed-days: ",
    "sections: ",
    "items: ",
    "ask: ",
    "help: ",
    "kind: ",
    "choices: ",
    "catalogue: ",
    "groups: ",
    "when: ",
    "medicines: ",
    "role: ",
    "unanswered: ",
    "sheet: ",
    "source: ",
    "from: ",
    "quote: ",
    "file: ",
    "label: ",
    "checked: ",
    "item: ",
    "is: ",
    "any: ",
    "all: ",
    "if: ",
    "urgent: ",
    "todo: ",
    "ride: ",
    "bring: ",
    "contact: ",
    "expect: ",
    "yes-no",
    "one-choice",
    "several-choices",
    "text",
    "date",
    "time",
    "phone",
    "info",
    "step",
    "procedure-date",
    "arrival-time",
    "patient-name",
    "anticoagulant",
    "antiplatelet",
    "pain-reliever",
    "supplement",
    "bleeding",
    "pump",
    "{answer}",
    "{each}",
    "{item: heart, is: \"yes\"}",
    "generic: ",
    "known-as: ",
    "brands: ",
    "also-called: ",
    "group: ",
    "also-in: ",
    "checklist: ",
    "answers: ",
    "set-aside: ",
    "answer: ",
    "why: ",
    "known: ",
    "typed: ",
    "intrathecal-pump",
    "aspirin",
    "Eliquis",
    "stop ",
    "5 days before ",
    "81 mg ",
    "\u{200b}",
    "\u{202e}",
    "\u{1b}",
    "\r",
    "\t",
    "\0",
    "é",
    "😀",
    "\u{feff}",
    "\u{85}",
    "\u{2028}",
    "2026-12-10",
    "07:30",
    "555-123-4567",
];

/// One to eight mutations of `input`, kept under `limit` bytes. `other` is another input
/// to splice from.
pub fn mutate(random: &mut Random, input: &[u8], other: &[u8], limit: usize) -> Vec<u8> {
    let mut data = input.to_vec();
    let rounds = random.between(1, 8);
    for _ in 0..rounds {
        one(random, &mut data, other, limit);
        data.truncate(limit);
    }
    data
}

fn one(random: &mut Random, data: &mut Vec<u8>, other: &[u8], limit: usize) {
    let len = data.len();
    let at = random.below(len + 1);
    match random.below(17) {
        // A bit flipped, or a byte replaced.
        0 if len > 0 => {
            let at = random.below(len);
            data[at] ^= 1 << random.below(8);
        }
        1 if len > 0 => {
            let at = random.below(len);
            data[at] = random.next() as u8;
        }
        // Bytes inserted: interesting ones, or a piece of UTF-8.
        2 => {
            let bytes: Vec<u8> = (0..random.between(1, 8))
                .map(|_| *random.pick(b":-[]{}&*!|>'\"#%@` \n\t,?\\0aZ\xff\xc0\x80\xe2"))
                .collect();
            data.splice(at..at, bytes);
        }
        3..=5 => {
            let token = random.pick(TOKENS).as_bytes();
            data.splice(at..at, token.iter().copied());
        }
        // A range deleted.
        6 if len > 0 => {
            let end = (at + random.between(1, 64)).min(len);
            data.drain(at.min(end)..end);
        }
        // A range copied elsewhere.
        7 if len > 0 => {
            let start = random.below(len);
            let end = (start + random.between(1, 256)).min(len);
            let piece = data[start..end].to_vec();
            data.splice(at..at, piece);
        }
        // A range repeated many times: large inputs.
        8 if len > 0 && random.chance(4) => {
            let start = random.below(len);
            let end = (start + random.between(1, 512)).min(len);
            let piece = data[start..end].to_vec();
            let room = limit.saturating_sub(len) / piece.len().max(1);
            let times = random.between(1, room.min(20_000));
            let mut repeated = Vec::with_capacity(piece.len() * times);
            for _ in 0..times {
                repeated.extend_from_slice(&piece);
            }
            data.splice(end..end, repeated);
        }
        // Spliced with another input.
        9 if !other.is_empty() => {
            let from = random.below(other.len());
            let to = (from + random.between(1, 4096)).min(other.len());
            let end = (at + random.below(4096)).min(len);
            data.splice(at..end, other[from..to].iter().copied());
        }
        // Whole lines: duplicated, deleted, swapped, indented or outdented.
        10..=13 => lines(random, data),
        14 => data.truncate(at),
        // A word replaced by a token.
        15 if len > 0 => {
            let start = random.below(len);
            let end = data[start..]
                .iter()
                .position(|b| !b.is_ascii_alphanumeric() && *b != b'-')
                .map_or(len, |n| start + n);
            let token = random.pick(TOKENS).as_bytes();
            data.splice(start..end, token.iter().copied());
        }
        // A number made large, small or odd.
        _ => {
            let number = random.pick(&["0", "-1", "99999999999999999999", "4294967295", "1.5"]);
            data.splice(at..at, number.bytes());
        }
    }
}

fn lines(random: &mut Random, data: &mut Vec<u8>) {
    let mut lines: Vec<Vec<u8>> = data.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect();
    let n = lines.len();
    let a = random.below(n);
    let b = random.below(n);
    match random.below(5) {
        0 => {
            let line = lines[a].clone();
            lines.insert(b, line);
        }
        1 if n > 1 => {
            lines.remove(a);
        }
        2 => lines.swap(a, b),
        3 => {
            let spaces = random.between(1, 4);
            lines[a].splice(0..0, std::iter::repeat_n(b' ', spaces));
        }
        _ => {
            let spaces = lines[a].iter().take_while(|&&c| c == b' ').count();
            let cut = random.between(1, 4).min(spaces);
            lines[a].drain(..cut);
        }
    }
    *data = lines.join(&b'\n');
}
