//! Structure-aware inputs: checklists, medicine lists and answers files built from random
//! pieces of their formats, mostly well formed (so the checks past the YAML are reached) and
//! now and then with a key missing, unknown or of the wrong type.

use super::random::Random;
use super::yaml::{self, Node, Words};

const KINDS: &[&str] = &[
    "yes-no",
    "one-choice",
    "several-choices",
    "medicines",
    "text",
    "date",
    "time",
    "phone",
    "info",
];
const ROLES: &[&str] = &["step", "procedure-date", "arrival-time", "patient-name"];
const GROUPS: &[&str] = &[
    "anticoagulant",
    "antiplatelet",
    "pain-reliever",
    "supplement",
];
const PLACES: &[&str] = &[
    "urgent", "todo", "ask", "ride", "bring", "contact", "expect",
];

/// The source files the fuzz checklists may name, and what the harness serves for them.
pub const SOURCE_FILES: &[&str] = &[
    "sources/intrathecal-pain-pump.txt",
    "sources/mini.txt",
    "sources/big.txt",
    "sources/missing.txt",
    "../outside.txt",
];

/// What a checklist being generated has so far: earlier items, for conditions and `if`s.
struct Seen {
    id: String,
    values: Vec<String>,
}

pub struct Generator<'a> {
    pub random: &'a mut Random,
    pub words: &'a Words,
    /// The words of the source texts, by file (as `SOURCE_FILES`), to quote from.
    pub sources: &'a [Vec<String>],
    /// Medicine ids of the catalogue, for `if` and answers.
    pub medicine_ids: &'a [String],
    /// How hard to try to be valid: a percentage of rules followed.
    care: usize,
    /// A large input: long texts and long lists (one in a hundred, so that most runs are
    /// quick).
    big: bool,
    seen: Vec<Seen>,
    source_ids: Vec<(String, usize)>,
}

impl<'a> Generator<'a> {
    pub fn new(
        random: &'a mut Random,
        words: &'a Words,
        sources: &'a [Vec<String>],
        medicine_ids: &'a [String],
    ) -> Generator<'a> {
        let care = *random.pick(&[100, 100, 99, 97, 90, 70]);
        let big = random.chance(1);
        Generator {
            random,
            words,
            sources,
            medicine_ids,
            care,
            big,
            seen: Vec::new(),
            source_ids: Vec::new(),
        }
    }

    /// How many of something: now and then up to `large` in a large input.
    fn count(&mut self, large: usize) -> usize {
        if self.big {
            self.random.count(large)
        } else {
            self.random.count(12)
        }
    }

    /// Whether to break a rule here.
    fn slip(&mut self) -> bool {
        !self.random.chance(self.care)
    }

    /// Text a patient reads: plain words when careful, anything otherwise.
    fn patient_text(&mut self) -> String {
        let pieces = match self.random.below(100) {
            0..=89 => self.random.between(1, 14),
            90..=97 => self.random.between(15, 60),
            _ if self.big => self.random.between(200, 20_000),
            _ => self.random.between(60, 200),
        };
        if !self.slip() && self.random.chance(60) {
            let mut text = String::new();
            for n in 0..pieces {
                if n > 0 {
                    text.push(' ');
                }
                text.push_str(self.random.pick::<&str>(yaml_plain_words()));
            }
            text.push_str(self.random.pick::<&str>(&[".", "?", "", "!"]));
            return text;
        }
        yaml::text(self.random, self.words, pieces)
    }

    fn question(&mut self) -> String {
        let mut text = self.patient_text();
        if self.random.chance(60) {
            text = text.trim_end_matches(['.', '!']).to_string() + "?";
        }
        text
    }

    /// A key's value, or (carelessly) a value of the wrong type.
    fn value(&mut self, node: Node) -> Node {
        if self.slip() && self.random.chance(30) {
            return match self.random.below(5) {
                0 => Node::raw("~"),
                1 => Node::List(vec![Node::text("x")]),
                2 => Node::map(vec![("x", Node::text("y"))]),
                3 => Node::raw("12"),
                _ => Node::raw("true"),
            };
        }
        node
    }

    /// A mapping with some keys dropped and an unknown one added, when careless.
    fn pairs(&mut self, pairs: Vec<(&str, Node)>) -> Node {
        let mut out: Vec<(String, Node)> = Vec::new();
        for (key, value) in pairs {
            if self.slip() && self.random.chance(20) {
                continue;
            }
            let value = self.value(value);
            out.push((key.to_string(), value));
        }
        if self.slip() && self.random.chance(20) {
            let key = self
                .random
                .pick(&["unknown", "kind", "id", "note", "é"])
                .to_string();
            out.push((key, Node::text("extra")));
        }
        if out.len() > 1 && self.slip() && self.random.chance(10) {
            let n = out.len();
            out.swap(self.random.below(n), self.random.below(n));
        }
        Node::Map(out)
    }

    pub fn checklist(&mut self) -> Node {
        let sources = self.sources_list();
        let sections = (0..self.random.between(1, 3) + self.count(40))
            .map(|_| self.section())
            .collect();
        let id = if self.slip() {
            yaml::id(self.random, &[])
        } else {
            self.random
                .pick(&["intrathecal-pump", "mini", "clinic-1"])
                .to_string()
        };
        let title = self.patient_text();
        let procedure = self.patient_text();
        let version = if self.slip() {
            Node::raw(*self.random.pick(&["-1", "0", "4294967296", "1.5", "two"]))
        } else {
            Node::raw(self.random.between(1, 9).to_string())
        };
        let sections = if self.random.chance(2) {
            laughs(self.random)
        } else {
            Node::List(sections)
        };
        let mut pairs = vec![
            ("id", Node::text(id)),
            ("title", Node::text(title)),
            ("procedure", Node::text(procedure)),
            ("version", version),
            ("sources", sources),
        ];
        if self.random.chance(25) {
            let days = (0..self.random.between(1, 4))
                .map(|_| match self.slip() {
                    true => Node::text(self.patient_text()),
                    false => Node::raw(format!("2026-12-{:02}", self.random.between(1, 31))),
                })
                .collect();
            pairs.push(("closed-days", Node::List(days)));
        }
        pairs.push(("sections", sections));
        self.pairs(pairs)
    }

    fn sources_list(&mut self) -> Node {
        let count = if self.slip() {
            self.random.below(4)
        } else {
            self.random.between(1, 2)
        };
        let mut list = Vec::new();
        for n in 0..count {
            let file = if self.slip() {
                self.random.below(SOURCE_FILES.len())
            } else {
                self.random.below(self.sources.len())
            };
            let id = if self.slip() && n > 0 {
                "src0".to_string()
            } else {
                format!("src{n}")
            };
            self.source_ids.push((id.clone(), file));
            let title = self.patient_text();
            list.push(self.pairs(vec![
                ("id", Node::text(id)),
                ("title", Node::text(title)),
                ("file", Node::text(SOURCE_FILES[file])),
            ]));
        }
        Node::List(list)
    }

    fn section(&mut self) -> Node {
        let count = self.random.between(1, 3) + self.count(400);
        let items = (0..count).map(|_| self.item()).collect();
        let title = self.patient_text();
        self.pairs(vec![
            ("title", Node::text(title)),
            ("items", Node::List(items)),
        ])
    }

    /// `source: {from, quote}`: a passage of a source, word for word when careful.
    fn source(&mut self) -> Node {
        let (from, file) = match self.source_ids.len() {
            0 => ("src0".to_string(), 0),
            n => self.source_ids[self.random.below(n)].clone(),
        };
        let quote = match self.sources.get(file) {
            Some(words) if !self.slip() && !words.is_empty() => {
                let start = self.random.below(words.len());
                let length = match self.random.below(10) {
                    0 => self.random.between(1, 2000),
                    _ => self.random.between(1, 12),
                };
                let end = (start + length).min(words.len());
                let separator = if self.random.chance(10) { "\n " } else { " " };
                words[start..end].join(separator)
            }
            _ => self.patient_text(),
        };
        let from = if self.slip() { "nowhere".into() } else { from };
        self.pairs(vec![
            ("from", Node::text(from)),
            ("quote", Node::text(quote)),
        ])
    }

    fn item(&mut self) -> Node {
        let taken: Vec<String> = self.seen.iter().map(|s| s.id.clone()).collect();
        let id = if self.slip() {
            yaml::id(self.random, &taken)
        } else {
            format!("item-{}", self.seen.len())
        };
        let kind = if self.slip() && self.random.chance(30) {
            "bogus-kind".to_string()
        } else {
            self.random.pick(KINDS).to_string()
        };
        let mut values: Vec<String> = Vec::new();
        let mut pairs: Vec<(&str, Node)> = Vec::new();
        pairs.push(("id", Node::text(id.clone())));
        let ask = self.question();
        pairs.push(("ask", Node::text(ask)));
        if self.random.chance(30) {
            let help = self.question();
            pairs.push(("help", Node::text(help)));
        }
        pairs.push(("kind", Node::text(kind.clone())));
        let role = match kind.as_str() {
            "one-choice" if self.random.chance(20) => Some("step"),
            "date" if self.random.chance(40) => Some("procedure-date"),
            "time" if self.random.chance(40) => Some("arrival-time"),
            "text" if self.random.chance(20) => Some("patient-name"),
            _ if self.slip() => Some(*self.random.pick(ROLES)),
            _ => None,
        };
        match kind.as_str() {
            "yes-no" => values = vec!["yes".into(), "no".into()],
            "one-choice" | "several-choices" => {
                let choices: Vec<Node> = (0..self.random.between(1, 4) + self.count(50))
                    .map(|n| {
                        let choice_id = if self.slip() {
                            yaml::id(self.random, &values)
                        } else {
                            format!("c{n}")
                        };
                        values.push(choice_id.clone());
                        let label = self.patient_text();
                        let mut pairs =
                            vec![("id", Node::text(choice_id)), ("label", Node::text(label))];
                        if role == Some("step") || self.slip() {
                            pairs.push(("title", Node::text(self.patient_text())));
                        }
                        if kind == "several-choices" && self.random.chance(30) || self.slip() {
                            pairs.push(("checked", Node::raw("true")));
                        }
                        self.pairs(pairs)
                    })
                    .collect();
                if !(self.slip() && self.random.chance(50)) {
                    pairs.push(("choices", Node::List(choices)));
                }
            }
            "medicines" => {
                values = self.medicine_ids.to_vec();
                let catalogue = if self.slip() { "nope" } else { "bleeding" };
                pairs.push(("catalogue", Node::text(catalogue)));
                if self.random.chance(60) {
                    let groups = (0..self.random.between(1, 3))
                        .map(|_| Node::text(*self.random.pick(GROUPS)))
                        .collect();
                    pairs.push(("groups", Node::List(groups)));
                }
            }
            _ => {}
        }
        if self.slip() && self.random.chance(30) {
            pairs.push(("choices", Node::List(vec![Node::text("x")])));
        }
        if !self.seen.is_empty() && self.random.chance(30) {
            let when = self.condition(0);
            pairs.push(("when", when));
        }
        if self.random.chance(15) || kind == "medicines" {
            pairs.push(("medicines", Node::raw("true")));
        }
        if let Some(role) = role {
            pairs.push(("role", Node::text(role)));
        }
        if self.random.chance(20) {
            let unanswered = if self.random.chance(50) {
                Node::text(self.patient_text())
            } else {
                Node::map(vec![("ask", Node::text(self.question()))])
            };
            pairs.push(("unanswered", unanswered));
        }
        let lines = self.count(60);
        if lines > 0 {
            let sheet = (0..lines)
                .map(|_| self.sheet_line(&kind, &values))
                .collect();
            pairs.push(("sheet", Node::List(sheet)));
        }
        if !self.slip() || self.random.chance(50) {
            let source = self.source();
            pairs.push(("source", source));
        }
        self.seen.push(Seen { id, values });
        self.pairs(pairs)
    }

    fn sheet_line(&mut self, kind: &str, values: &[String]) -> Node {
        let place = *self.random.pick(PLACES);
        let mut text = self.patient_text();
        if self.random.chance(30) {
            let placeholder = if self.slip() {
                *self.random.pick(yaml::PLACEHOLDERS)
            } else if matches!(kind, "several-choices" | "medicines") && self.random.chance(60) {
                "{each}"
            } else {
                "{answer}"
            };
            let at = text
                .char_indices()
                .map(|(i, _)| i)
                .nth(self.random.below(text.chars().count() + 1))
                .unwrap_or(text.len());
            text.insert_str(at, placeholder);
        }
        if place == "ask" && !text.ends_with('?') && !self.slip() {
            text.push('?');
        }
        let mut pairs = vec![(place, Node::text(text))];
        if self.slip() && self.random.chance(20) {
            pairs.push((*self.random.pick(PLACES), Node::text("two places")));
        }
        if kind == "yes-no" || (!values.is_empty() && self.random.chance(40)) || self.slip() {
            let trigger = self.values_of(values);
            pairs.push(("if", trigger));
        }
        if place == "expect" || self.random.chance(10) {
            let source = self.source();
            pairs.push(("source", source));
        }
        self.pairs(pairs)
    }

    /// One value or a list of values, from `values` when careful.
    fn values_of(&mut self, values: &[String]) -> Node {
        let one = |me: &mut Self| {
            if values.is_empty() || me.slip() {
                Node::text(yaml::id(me.random, values))
            } else {
                Node::text(me.random.pick(values).clone())
            }
        };
        if self.random.chance(60) {
            one(self)
        } else {
            let least = usize::from(!self.slip());
            let count = self.random.between(least, 4);
            Node::List((0..count).map(|_| one(self)).collect())
        }
    }

    fn condition(&mut self, depth: usize) -> Node {
        let deep = self.random.chance(if depth < 3 { 25 } else { 2 }) && depth < 200;
        if deep {
            let count = if self.slip() {
                self.random.below(3)
            } else {
                self.random.between(1, 3)
            };
            let parts = (0..count).map(|_| self.condition(depth + 1)).collect();
            let key = *self.random.pick(&["any", "all"]);
            return self.pairs(vec![(key, Node::List(parts))]);
        }
        let n = self.random.below(self.seen.len());
        let careful = !self.slip();
        let (target, values) = match self.seen.get(n) {
            Some(seen) if careful => (seen.id.clone(), seen.values.clone()),
            _ => ("nothing-here".to_string(), Vec::new()),
        };
        let is = self.values_of(&values);
        let mut pairs = vec![("item", Node::text(target)), ("is", is)];
        if self.slip() && self.random.chance(30) {
            pairs.push(("any", Node::List(Vec::new())));
        }
        self.pairs(pairs)
    }

    /// A medicine list in the catalogue format.
    pub fn catalogue(&mut self) -> Node {
        let count = self.random.between(1, 6) + self.count(3000);
        let mut ids: Vec<String> = Vec::new();
        let medicines = (0..count)
            .map(|n| {
                let id = if self.slip() {
                    yaml::id(self.random, &ids)
                } else {
                    format!("med-{n}")
                };
                ids.push(id.clone());
                let names = |me: &mut Self, most: usize| -> Vec<String> {
                    (0..me.random.below(most + 1))
                        .map(|_| me.name())
                        .collect::<Vec<_>>()
                };
                let brands = names(self, 3);
                let also = names(self, 2);
                let generic = self.name();
                let mut pairs = vec![("id", Node::text(id)), ("generic", Node::text(generic))];
                if let Some(brand) = brands.first().filter(|_| self.random.chance(40)) {
                    pairs.push(("known-as", Node::text(brand.clone())));
                }
                pairs.push((
                    "brands",
                    Node::List(brands.into_iter().map(Node::Text).collect()),
                ));
                if !also.is_empty() {
                    pairs.push((
                        "also-called",
                        Node::List(also.into_iter().map(Node::Text).collect()),
                    ));
                }
                pairs.push(("group", Node::text(*self.random.pick(GROUPS))));
                if self.random.chance(20) {
                    pairs.push((
                        "also-in",
                        Node::List(vec![Node::text(*self.random.pick(GROUPS))]),
                    ));
                }
                pairs.push(("source", Node::text(self.patient_text())));
                self.pairs(pairs)
            })
            .collect();
        let title = self.patient_text();
        self.pairs(vec![
            ("id", Node::text("bleeding")),
            ("title", Node::text(title)),
            ("version", Node::raw("1")),
            ("medicines", Node::List(medicines)),
        ])
    }

    /// A medicine name: one to three words, now and then a word the detector knows or a
    /// long or strange one.
    fn name(&mut self) -> String {
        match self.random.below(10) {
            0 => self.random.pick(&self.words.words).clone(),
            1 => self.random.pick(&self.words.medicines).clone(),
            2 => {
                let pieces = self.random.between(1, 30);
                yaml::text(self.random, self.words, pieces)
            }
            _ => {
                let words: Vec<String> = (0..self.random.between(1, 3))
                    .map(|_| {
                        let len = self.random.between(2, 10);
                        (0..len)
                            .map(|_| (b'a' + self.random.below(26) as u8) as char)
                            .collect()
                    })
                    .collect();
                words.join(if self.random.chance(80) { " " } else { "-" })
            }
        }
    }

    /// An answers file for a checklist with these items (id and kind, and its values).
    pub fn answers_file(&mut self, items: &[(String, String, Vec<String>)]) -> Node {
        let count = self.count(items.len() * 3).min(20_000);
        let mut answers: Vec<(String, Node)> = Vec::new();
        for _ in 0..count {
            let (id, kind, values) = if items.is_empty() || self.slip() {
                (yaml::id(self.random, &[]), "text".to_string(), Vec::new())
            } else {
                self.random.pick(items).clone()
            };
            let value = self.answer_value(&kind, &values);
            answers.push((id, value));
        }
        let mut pairs = vec![
            ("checklist", Node::text("intrathecal-pump")),
            ("version", Node::raw(self.random.between(1, 3).to_string())),
            ("answers", Node::Map(answers)),
        ];
        if self.random.chance(20) {
            let set_aside = (0..self.random.between(1, 5))
                .map(|_| {
                    let answer = self.answer_value("text", &[]);
                    let why = self.patient_text();
                    (
                        yaml::id(self.random, &[]),
                        self.pairs(vec![("answer", answer), ("why", Node::text(why))]),
                    )
                })
                .collect();
            pairs.push(("set-aside", Node::Map(set_aside)));
        }
        self.pairs(pairs)
    }

    fn answer_value(&mut self, kind: &str, values: &[String]) -> Node {
        if self.slip() && self.random.chance(40) {
            return match self.random.below(4) {
                0 => Node::raw("~"),
                1 => Node::List(vec![Node::text(self.patient_text())]),
                2 => Node::map(vec![("known", Node::List(Vec::new()))]),
                _ => Node::text(self.patient_text()),
            };
        }
        let short = |me: &mut Self| {
            let n = me.random.between(1, 30);
            yaml::text(me.random, me.words, n)
        };
        match kind {
            "yes-no" => Node::raw(*self.random.pick(&["yes", "no", "\"yes\"", "'no'", "true"])),
            "one-choice" => Node::text(self.random.pick(values).clone()),
            "several-choices" => {
                let picked = (0..self.random.below(values.len() + 1))
                    .map(|_| Node::text(self.random.pick(values).clone()))
                    .collect();
                Node::List(picked)
            }
            "medicines" => {
                let known = (0..self.random.below(8))
                    .map(|_| Node::text(self.random.pick(self.medicine_ids).clone()))
                    .collect();
                let typed_count = self.count(20_000);
                let typed = (0..typed_count).map(|_| Node::text(short(self))).collect();
                self.pairs(vec![
                    ("known", Node::List(known)),
                    ("typed", Node::List(typed)),
                ])
            }
            "date" => Node::text(format!(
                "{:04}-{:02}-{:02}",
                self.random.between(1, 9999),
                self.random.between(1, 12),
                self.random.between(1, 31)
            )),
            "time" => Node::text(format!(
                "{:02}:{:02}",
                self.random.below(25),
                self.random.below(61)
            )),
            "phone" => Node::text(format!(
                "555-{:03}-{:04}",
                self.random.below(1000),
                self.random.below(10_000)
            )),
            "info" => Node::text("seen"),
            _ => Node::text(short(self)),
        }
    }
}

/// Words that read as plain text to every check: no medicine, no hard word.
fn yaml_plain_words() -> &'static [&'static str] {
    &[
        "Bring", "your", "list", "to", "the", "visit", "Who", "will", "take", "you", "home", "Do",
        "have", "a", "heart", "problem", "What", "day", "is", "it", "Call", "us", "if", "fever",
        "friend", "ride", "phone", "number", "Tell", "about", "come", "with", "name",
    ]
}

/// Anchors that expand to many nodes: a billion laughs, for the parser's budget.
fn laughs(random: &mut Random) -> Node {
    let depth = random.between(3, 12);
    let mut text = String::from("\n  - &l0 [lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for n in 1..depth {
        let inner = vec![format!("*l{}", n - 1); 8].join(", ");
        text.push_str(&format!("  - &l{n} [{inner}]\n"));
    }
    Node::raw(text.trim_end().to_string())
}
