//! The large regression inputs, made again from a seed at every run instead of kept as files
//! (the fixtures were 11 MB, nine tenths of them these). Each is named after the file it
//! replaces, whose bytes are in the history (`git show 00bfb40:tests/fixtures/fuzz/...`), and
//! has its shape: what made that input slow is here by construction, at the same size. Those
//! that were regular (thousands of items, choices, names) are made as they were, with other
//! random letters; the fuzzer's checklists of long texts are made again from the fuzzer's
//! own words (`yaml::text`), as long and as many.

use super::Target;
use super::random::Random;
use super::yaml::{self, Node, Words, Writer};

/// Each input of `target` made again: its name, and its bytes.
pub fn inputs(target: Target, words: &Words) -> Vec<(String, Vec<u8>)> {
    let mut inputs = Vec::new();
    let mut add = |name: &str, bytes: String| {
        inputs.push((
            format!("{}/{name} (made again)", target.name()),
            bytes.into_bytes(),
        ));
    };
    match target {
        Target::Checklist => {
            add("many-items.yaml", many_items());
            add("one-unreadable-item-among-many.yaml", one_unreadable_item());
            add(
                "conditions-naming-what-does-not-exist.yaml",
                conditions_naming_what_does_not_exist(),
            );
            // The size of each file the fuzzer found, and a seed of its own.
            for (n, (name, size)) in LONG_TEXTS.iter().enumerate() {
                let bytes = long_texts(0x5eed_0000 + n as u64, *size, words);
                inputs.push((format!("checklist/{name} (made again)"), bytes.into_bytes()));
            }
        }
        Target::Catalogue => add(
            "names-sharing-first-words.yaml",
            names_sharing_first_words(),
        ),
        Target::Answers => add("thousands-of-typed-medicines.yaml", typed_medicines()),
        Target::Sheet => {}
        Target::Diary => add("more-entries-than-a-diary-keeps.yaml", many_diary_entries()),
    }
    inputs
}

/// A diary of 1,500 entries, a third of them out of range: past `diary::MAX_ENTRIES` the
/// newest are set aside, within the budget of what is set aside.
fn many_diary_entries() -> String {
    let mut yaml = String::from("diary: 1\nentries:\n");
    for n in 0..1500 {
        let (day, minute) = (n / 600 + 1, n % 600);
        yaml.push_str(&format!(
            "- at: 2026-12-{day:02}T{:02}:{:02}:00-06:00\n  score: {}\n  note: entry {n}\n",
            minute / 60,
            minute % 60,
            n % 15
        ));
    }
    yaml
}

/// The checklists of long texts the fuzzer found taking 100-125 ms (before `check` read each
/// text once, and before a text over 1,000 characters was refused unread), and their sizes.
const LONG_TEXTS: &[(&str, usize)] = &[
    ("found-long-texts-2.yaml", 830_704),
    ("found-long-texts-3.yaml", 1_048_576),
    ("found-long-texts-4.yaml", 976_536),
    ("found-long-texts-final-run-950112.yaml", 959_894),
    ("found-long-texts-final-run-979662.yaml", 1_048_576),
    ("found-long-texts-final-run-979755.yaml", 811_859),
    ("found-long-texts-final-run-987244.yaml", 944_168),
    ("found-long-texts-final-run-989133.yaml", 891_858),
];

/// The top of the small checklists below: its one source is `sources/mini.txt`.
const HEAD: &str = "id: mini
title: Getting ready for a small visit
procedure: Small visit
version: 1
sources:
  - {id: leaflet, title: Small visit leaflet, file: sources/mini.txt}
sections:
  - title: Your visit
    items:
";

/// `length` random lower-case letters.
fn letters(random: &mut Random, length: usize) -> String {
    (0..length)
        .map(|_| char::from(b'a' + random.below(26) as u8))
        .collect()
}

/// A yes-no item with a question of random letters.
fn yes_no(random: &mut Random, id: &str) -> String {
    let ask = format!("{} {}?", letters(random, 6), letters(random, 7));
    format!("      - id: {id}\n        ask: {ask}\n        kind: yes-no\n")
}

/// Thousands of items: each id was compared with every earlier one.
fn many_items() -> String {
    let mut random = Random::new(1);
    let mut text =
        String::from("# Thousands of items: each id was compared with every earlier one.\n");
    text.push_str(HEAD);
    for n in 0..4_000 {
        text.push_str(&yes_no(&mut random, &format!("i{n}")));
    }
    text
}

/// One item that cannot be read (a list for its kind) among thousands: every item was read
/// again after all the lines before it, which took 0.35 s at 400 KB and 1.7 s at 1 MB.
fn one_unreadable_item() -> String {
    let mut random = Random::new(2);
    let mut text = String::from("# One item that cannot be read among thousands.\n");
    text.push_str(HEAD);
    text.push_str("      - id: bad\n        ask: Which?\n        kind: [yes-no]\n");
    for n in 0..3_000 {
        text.push_str(&yes_no(&mut random, &format!("i{n}")));
    }
    text
}

/// Conditions and ifs naming items and choices that do not exist, against an item of
/// thousands of choices: every name was compared with every id (and "did you mean" with
/// each), every value with every choice.
fn conditions_naming_what_does_not_exist() -> String {
    let mut text = String::from("# Conditions and ifs naming what does not exist.\n");
    text.push_str(HEAD);
    text.push_str("      - id: c\n        ask: Which?\n        kind: several-choices\n");
    text.push_str("        choices:\n");
    for n in 0..2_000 {
        text.push_str(&format!("          - {{id: c{n}, label: L}}\n"));
    }
    for n in 0..1_500 {
        text.push_str(&format!(
            "      - id: q{n}\n        ask: Q?\n        kind: yes-no\n        \
             when: {{item: qq{n}, is: [c1, x{n}]}}\n        sheet:\n          \
             - {{ask: A?, if: [c2, y{n}]}}\n"
        ));
    }
    text
}

/// Thousands of names that start with the same words: each was tried wherever the word is.
fn names_sharing_first_words() -> String {
    let mut text = String::from(
        "# Thousands of names that start with the same words.\nid: bleeding\ntitle: Many\n\
         version: 1\nmedicines:\n",
    );
    for n in 0..3_000 {
        text.push_str(&format!(
            "  - {{id: m{n}, generic: 'a b{n}', brands: ['your c{n}', 'the d{n}'], \
             group: antiplatelet, source: x}}\n"
        ));
    }
    text
}

/// Thousands of typed medicines and of the same medicine ticked again, in each list of the
/// built-in checklist: each was compared with every one listed before.
fn typed_medicines() -> String {
    let mut random = Random::new(3);
    let mut text =
        String::from("# Thousands of typed medicines and of the same medicine ticked again.\n");
    text.push_str("checklist: intrathecal-pump\nversion: 2\nanswers:\n  step: implant\n");
    let known = ["aspirin", "clopidogrel", "apixaban", "warfarin"].repeat(1_250);
    for list in ["blood-thinners", "pain-relievers", "supplements"] {
        text.push_str(&format!(
            "  {list}:\n    known: [{}]\n    typed:\n",
            known.join(", ")
        ));
        for _ in 0..5_000 {
            let length = random.between(3, 12);
            text.push_str(&format!("      - {}\n", letters(&mut random, length)));
        }
    }
    text
}

/// A checklist of long texts near `size` bytes, cut at `size` as the fuzzer cuts its inputs:
/// items of every kind whose question, help and sheet lines are each up to some hundred
/// thousand characters of the fuzzer's words, punctuation, placeholders and multi-byte and
/// control characters, with quotes from the long source.
fn long_texts(seed: u64, size: usize, words: &Words) -> String {
    const KINDS: &[&str] = &["yes-no", "text", "info", "several-choices", "medicines"];
    const PLACES: &[&str] = &["ask", "todo", "bring", "contact", "urgent", "ride"];
    let mut random = Random::new(seed);
    let long = |random: &mut Random| {
        let pieces = random.between(200, 20_000);
        Node::text(yaml::text(random, words, pieces))
    };
    let mut items = Vec::new();
    let mut length = 0;
    while length < size {
        let n = items.len();
        let kind = *random.pick(KINDS);
        let (ask, help) = (long(&mut random), long(&mut random));
        let place = *random.pick(PLACES);
        let line = long(&mut random);
        length += [&ask, &help, &line]
            .iter()
            .map(|node| match node {
                Node::Text(text) => text.len(),
                _ => 0,
            })
            .sum::<usize>();
        let mut item = vec![
            ("id", Node::text(format!("item-{n}"))),
            ("ask", ask),
            ("kind", Node::raw(kind)),
            ("help", help),
            ("sheet", Node::List(vec![Node::map(vec![(place, line)])])),
            (
                "source",
                Node::map(vec![
                    ("from", Node::text("src0")),
                    ("quote", Node::text("Tell us about your heart.")),
                ]),
            ),
        ];
        match kind {
            "several-choices" => item.push((
                "choices",
                Node::List(vec![Node::map(vec![
                    ("id", Node::text("a")),
                    ("label", long(&mut random)),
                ])]),
            )),
            "medicines" => item.push(("catalogue", Node::text("bleeding"))),
            _ => {}
        }
        items.push(Node::map(item));
    }
    let checklist = Node::map(vec![
        ("id", Node::text("mini")),
        ("title", long(&mut random)),
        ("procedure", Node::text("Small visit")),
        ("version", Node::raw("1")),
        (
            "sources",
            Node::List(vec![
                Node::map(vec![
                    ("id", Node::text("src0")),
                    ("title", Node::text("Small visit leaflet")),
                    ("file", Node::text("sources/mini.txt")),
                ]),
                Node::map(vec![
                    ("id", Node::text("src1")),
                    ("title", Node::text("The long leaflet")),
                    ("file", Node::text("sources/big.txt")),
                ]),
            ]),
        ),
        (
            "sections",
            Node::List(vec![Node::map(vec![
                ("title", Node::text("Your visit")),
                ("items", Node::List(items)),
            ])]),
        ),
    ]);
    let mut text = Writer::plain(&mut random).write(&checklist);
    let mut cut = size.min(text.len());
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    text.truncate(cut);
    text
}
