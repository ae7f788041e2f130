//! YAML built from random pieces: a tree of maps, lists and scalars written out in block or
//! flow style, with anchors, aliases and merge keys, every way of quoting a scalar, and text
//! made of the words the checks look for, placeholders, multi-byte and control characters.

use super::random::Random;

/// A YAML node before it is written.
pub enum Node {
    /// Text, written in a style that keeps it as it is (or, now and then, one that does not).
    Text(String),
    /// Written as it is: numbers, booleans, `~`, broken syntax.
    Raw(String),
    Map(Vec<(String, Node)>),
    List(Vec<Node>),
}

impl Node {
    pub fn text(text: impl Into<String>) -> Node {
        Node::Text(text.into())
    }

    pub fn raw(text: impl Into<String>) -> Node {
        Node::Raw(text.into())
    }

    pub fn map(pairs: Vec<(&str, Node)>) -> Node {
        Node::Map(pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
    }
}

/// Writes a tree as YAML, with anchors on some nodes and aliases to them in place of others.
pub struct Writer<'r> {
    random: &'r mut Random,
    out: String,
    anchors: Vec<String>,
    /// How often (in a hundred) a node gets an anchor, or is replaced by an alias.
    anchor_rate: usize,
    /// How often a scalar is written raw, whatever it holds: mostly a syntax error.
    careless_rate: usize,
}

impl<'r> Writer<'r> {
    pub fn new(random: &'r mut Random) -> Writer<'r> {
        let anchor_rate = if random.chance(20) { 6 } else { 0 };
        let careless_rate = if random.chance(10) { 3 } else { 0 };
        Writer {
            random,
            out: String::new(),
            anchors: Vec::new(),
            anchor_rate,
            careless_rate,
        }
    }

    /// A writer of no anchors, aliases or careless scalars: for an input that must read as
    /// the tree it was made from.
    pub fn plain(random: &'r mut Random) -> Writer<'r> {
        Writer {
            random,
            out: String::new(),
            anchors: Vec::new(),
            anchor_rate: 0,
            careless_rate: 0,
        }
    }

    pub fn write(mut self, node: &Node) -> String {
        if self.random.chance(5) {
            self.out.push_str("%YAML 1.2\n---\n");
        } else if self.random.chance(5) {
            self.out.push_str("---\n");
        }
        if self.random.chance(10) {
            self.out
                .push_str("# a comment with ünïcode and a : colon\n");
        }
        self.block(node, 0);
        if self.random.chance(3) {
            self.out.push_str("...\n");
        }
        self.out
    }

    /// A prefix for a node: an anchor, sometimes.
    fn anchor(&mut self) -> String {
        if self.anchor_rate > 0 && self.random.chance(self.anchor_rate) {
            let name = format!("a{}", self.anchors.len());
            self.anchors.push(name.clone());
            format!("&{name} ")
        } else {
            String::new()
        }
    }

    /// An alias to write instead of a node, sometimes (now and then to an anchor that does
    /// not exist).
    fn alias(&mut self) -> Option<String> {
        if self.anchor_rate == 0 || !self.random.chance(self.anchor_rate) {
            return None;
        }
        if self.anchors.is_empty() || self.random.chance(5) {
            return Some("*nowhere".into());
        }
        let name = self.random.pick(&self.anchors).clone();
        Some(format!("*{name}"))
    }

    fn indent(&mut self, n: usize) {
        for _ in 0..n {
            self.out.push(' ');
        }
    }

    /// A node as the value of a key or a list entry, after `key:` or `- ` on the line.
    fn block(&mut self, node: &Node, indent: usize) {
        if let Some(alias) = self.alias() {
            self.out.push_str(&alias);
            self.out.push('\n');
            return;
        }
        let small = match node {
            Node::Map(pairs) => pairs.len() <= 4 && pairs.iter().all(|(_, v)| is_leaf(v)),
            Node::List(items) => items.len() <= 6 && items.iter().all(is_leaf),
            _ => true,
        };
        if small && !matches!(node, Node::Text(_) | Node::Raw(_)) && self.random.chance(30) {
            let anchor = self.anchor();
            self.out.push_str(&anchor);
            self.flow(node);
            self.out.push('\n');
            return;
        }
        match node {
            Node::Text(text) => {
                let anchor = self.anchor();
                self.out.push_str(&anchor);
                self.scalar(text, indent);
                self.out.push('\n');
            }
            Node::Raw(raw) => {
                self.out.push_str(raw);
                self.out.push('\n');
            }
            Node::Map(pairs) if pairs.is_empty() => self.out.push_str("{}\n"),
            Node::List(items) if items.is_empty() => self.out.push_str("[]\n"),
            Node::Map(pairs) => {
                let anchor = self.anchor();
                self.out.push_str(anchor.trim_end());
                self.out.push('\n');
                let step = if self.random.chance(5) { 4 } else { 2 };
                self.pairs(pairs, indent + step, false);
            }
            Node::List(items) => {
                let anchor = self.anchor();
                self.out.push_str(anchor.trim_end());
                self.out.push('\n');
                let step = if self.random.chance(20) { 0 } else { 2 };
                self.items(items, indent + step);
            }
        }
    }

    fn pairs(&mut self, pairs: &[(String, Node)], indent: usize, first_inline: bool) {
        for (n, (key, value)) in pairs.iter().enumerate() {
            if !(first_inline && n == 0) {
                self.indent(indent);
            }
            if self.random.chance(1) && !self.anchors.is_empty() {
                // A merge key pulling in an earlier mapping (or, as often, something else).
                let name = self.random.pick(&self.anchors).clone();
                self.out.push_str(&format!("<<: *{name}\n"));
                self.indent(indent);
            }
            self.key(key);
            self.out.push_str(": ");
            self.block(value, indent);
        }
    }

    fn items(&mut self, items: &[Node], indent: usize) {
        for item in items {
            self.indent(indent);
            self.out.push_str("- ");
            match item {
                Node::Map(pairs) if !pairs.is_empty() && self.random.chance(85) => {
                    self.pairs(pairs, indent + 2, true);
                }
                _ => self.block(item, indent + 2),
            }
        }
    }

    fn key(&mut self, key: &str) {
        if plain_ok(key) && !self.random.chance(3) {
            self.out.push_str(key);
        } else {
            self.double_quoted(key);
        }
    }

    fn flow(&mut self, node: &Node) {
        match node {
            Node::Text(text) => {
                if plain_ok(text) && !text.contains([',', '[', ']', '{', '}']) {
                    self.out.push_str(text);
                } else if self.random.chance(50) && !text.chars().any(needs_escape) {
                    self.single_quoted(text);
                } else {
                    self.double_quoted(text);
                }
            }
            Node::Raw(raw) => self.out.push_str(raw),
            Node::Map(pairs) => {
                self.out.push('{');
                for (n, (key, value)) in pairs.iter().enumerate() {
                    if n > 0 {
                        self.out.push_str(", ");
                    }
                    self.key(key);
                    self.out.push_str(": ");
                    self.flow(value);
                }
                self.out.push('}');
            }
            Node::List(items) => {
                self.out.push('[');
                for (n, item) in items.iter().enumerate() {
                    if n > 0 {
                        self.out.push_str(", ");
                    }
                    self.flow(item);
                }
                self.out.push(']');
            }
        }
    }

    /// A scalar in block context, in a style that keeps it (or, carelessly, raw).
    fn scalar(&mut self, text: &str, indent: usize) {
        if self.careless_rate > 0 && self.random.chance(self.careless_rate) {
            self.out.push_str(text);
            return;
        }
        let printable = !text.chars().any(needs_escape);
        let lines_ok = text.contains('\n')
            && printable
            && !text.starts_with([' ', '\n'])
            && text
                .split('\n')
                .all(|l| !l.starts_with(' ') && !l.ends_with(' '));
        match self.random.below(10) {
            0..=3 if plain_ok(text) => self.out.push_str(text),
            4 | 5 if printable && !text.contains('\n') => self.single_quoted(text),
            6 if lines_ok => {
                let keep = if text.ends_with('\n') { "+" } else { "-" };
                self.out.push_str(&format!("|{keep}\n"));
                for line in text.split('\n') {
                    self.indent(indent + 2);
                    self.out.push_str(line);
                    self.out.push('\n');
                }
                // The last line break is the writer's own.
                self.out.pop();
            }
            _ => self.double_quoted(text),
        }
    }

    fn single_quoted(&mut self, text: &str) {
        self.out.push('\'');
        self.out.push_str(&text.replace('\'', "''"));
        self.out.push('\'');
    }

    fn double_quoted(&mut self, text: &str) {
        self.out.push('"');
        for c in text.chars() {
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\n' => self.out.push_str("\\n"),
                '\t' if self.random.chance(50) => self.out.push_str("\\t"),
                '\u{1b}' if self.random.chance(50) => self.out.push_str("\\e"),
                '\0' => self.out.push_str("\\0"),
                '\u{85}' => self.out.push_str("\\N"),
                '\u{a0}' if self.random.chance(50) => self.out.push_str("\\_"),
                '\u{2028}' => self.out.push_str("\\L"),
                '\u{2029}' => self.out.push_str("\\P"),
                c if needs_escape(c) || (!c.is_ascii() && self.random.chance(3)) => {
                    let code = c as u32;
                    let escaped = if code <= 0xff && self.random.chance(50) {
                        format!("\\x{code:02x}")
                    } else if code <= 0xffff {
                        format!("\\u{code:04X}")
                    } else {
                        format!("\\U{code:08x}")
                    };
                    self.out.push_str(&escaped);
                }
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }
}

fn is_leaf(node: &Node) -> bool {
    matches!(node, Node::Text(_) | Node::Raw(_))
}

/// Characters YAML does not allow as they are in a file (and some it allows but turns into
/// something else): written as escapes in double quotes.
fn needs_escape(c: char) -> bool {
    (c.is_control() && c != '\t') || c == '\u{feff}' || c == '\u{2028}' || c == '\u{2029}'
}

/// Whether a text can be written as a plain scalar and read back as the same string.
fn plain_ok(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    let reserved = [
        "yes", "no", "true", "false", "null", "on", "off", "y", "n", "~",
    ];
    first.is_alphabetic()
        && !text.ends_with(' ')
        && !text.contains(": ")
        && !text.contains(" #")
        && !text.ends_with(':')
        && text.chars().all(|c| {
            c.is_alphanumeric()
                || " -_.,()/'’?!;".contains(c)
                || (c as u32 > 0xff && !needs_escape(c))
        })
        && !reserved.contains(&text.to_lowercase().as_str())
}

/// The words that matter to the checks: what the advice detector and the reading-level
/// checks look for, with everyday words around them.
pub struct Words {
    pub words: Vec<String>,
    pub medicines: Vec<String>,
    pub hard: Vec<String>,
}

impl Words {
    pub fn new() -> Words {
        let mut words: Vec<String> = EVERYDAY.iter().map(|w| w.to_string()).collect();
        // Every word of the advice detector's lists.
        let advice = include_str!("../../src/advice/en.yaml");
        for line in advice.lines().filter(|l| !l.trim_start().starts_with('#')) {
            for word in line.split(|c: char| !(c.is_alphanumeric() || c == '\'')) {
                if word.chars().count() > 1 && !words.iter().any(|w| w == word) {
                    words.push(word.to_string());
                }
            }
        }
        let hard = include_str!("../../src/reading/hard-words-en.yaml")
            .lines()
            .filter_map(|l| l.split("word: ").nth(1))
            .filter_map(|rest| rest.split(',').next())
            .map(|w| w.trim().to_string())
            .collect();
        let catalogue = include_str!("../../checklists/medicines/bleeding.yaml");
        let medicines = catalogue
            .lines()
            .filter_map(|l| {
                let l = l.trim_start().trim_start_matches("- ");
                ["generic: ", "known-as: ", "brands: ", "also-called: "]
                    .iter()
                    .find_map(|key| l.strip_prefix(key))
            })
            .flat_map(|v| v.trim_matches(['[', ']']).split(", "))
            .map(|w| w.trim().to_string())
            .filter(|w| !w.is_empty())
            .collect();
        Words {
            words,
            medicines,
            hard,
        }
    }
}

const EVERYDAY: &[&str] = &[
    "the",
    "your",
    "you",
    "a",
    "an",
    "to",
    "of",
    "and",
    "or",
    "in",
    "on",
    "at",
    "with",
    "for",
    "is",
    "it",
    "do",
    "does",
    "can",
    "will",
    "should",
    "I",
    "my",
    "me",
    "we",
    "us",
    "call",
    "care",
    "team",
    "doctor",
    "Dr.",
    "nurse",
    "procedure",
    "pump",
    "trial",
    "implant",
    "bring",
    "ride",
    "home",
    "day",
    "days",
    "before",
    "after",
    "night",
    "morning",
    "week",
    "take",
    "taking",
    "stop",
    "hold",
    "skip",
    "keep",
    "start",
    "restart",
    "change",
    "last",
    "dose",
    "pill",
    "pills",
    "tablet",
    "medicine",
    "medicines",
    "blood",
    "thinners",
    "mg",
    "81",
    "5",
    "48",
    "hours",
    "Sunday",
    "half",
    "e.g.",
    "i.e.",
    "etc.",
    "OK",
    "list",
    "phone",
    "number",
    "friend",
    "who",
    "what",
    "when",
    "which",
    "how",
    "ask",
    "tell",
    "name",
    "yes",
    "no",
];

/// Random text: words, punctuation, placeholders, numbers, multi-byte and control
/// characters, and now and then a long run of one thing.
pub fn text(random: &mut Random, words: &Words, pieces: usize) -> String {
    let mut out = String::new();
    for _ in 0..pieces {
        match random.below(100) {
            0..=54 => out.push_str(random.pick::<String>(&words.words)),
            55..=62 => out.push_str(random.pick::<String>(&words.medicines)),
            63..=66 => out.push_str(random.pick::<String>(&words.hard)),
            67..=76 => out.push_str(random.pick::<&str>(SEPARATORS)),
            77..=80 => out.push_str(random.pick::<&str>(PLACEHOLDERS)),
            81..=84 => {
                let number = match random.below(4) {
                    0 => random.below(10).to_string(),
                    1 => random.next().to_string(),
                    2 => format!("{}.{}", random.below(100), random.below(10)),
                    _ => format!("{}th", random.below(40)),
                };
                out.push_str(&number);
            }
            85..=90 => out.push_str(random.pick::<&str>(MULTI_BYTE)),
            91..=94 => out.push_str(random.pick::<&str>(UNSAFE)),
            95..=97 => {
                let c = char::from_u32(random.below(0x11_0000) as u32).unwrap_or('?');
                out.push(c);
            }
            _ => {
                let unit = match random.below(4) {
                    0 => random.pick(&words.words).clone() + " ",
                    1 => random.pick(SEPARATORS).to_string(),
                    2 => random.pick(MULTI_BYTE).to_string(),
                    _ => "a".to_string(),
                };
                let times = random.between(2, 300);
                out.push_str(&unit.repeat(times));
            }
        }
        if random.chance(70) {
            out.push(' ');
        }
    }
    out
}

pub const SEPARATORS: &[&str] = &[
    " ", ", ", ". ", "? ", "! ", "; ", ": ", " (", ") ", "(", ")", "-", "’", "'", "\n", "\t",
    " - ", ".", "?", "...", "\"", "#", "&", "*", "|", ">", "[", "]", "%", "@", "`", "\\", "\n\n",
    "\r\n", "‐", "–",
];

pub const PLACEHOLDERS: &[&str] = &[
    "{answer}",
    "{each}",
    "{x}",
    "{",
    "}",
    "{{each}}",
    "{each",
    "{ANSWER}",
    "{medicine}",
    "{}",
    "{each}{each}",
];

pub const MULTI_BYTE: &[&str] = &[
    "é",
    "ß",
    "İ",
    "ﬃ",
    "ǅ",
    "中文",
    "😀",
    "e\u{301}",
    "\u{5d0}\u{5d1}",
    "\u{627}\u{644}",
    "Ⅻ",
    "½",
    "¾",
    "ŉ",
    "ΐ",
    "\u{a0}",
    "\u{3000}",
    "ｆｕｌｌ",
    "👨‍👩‍👧",
    "🇬🇧",
    "Å",
    "K",
    "ı",
];

pub const UNSAFE: &[&str] = &[
    "\u{0}",
    "\u{1}",
    "\u{7}",
    "\u{8}",
    "\u{1b}[31m",
    "\u{1b}]0;x\u{7}",
    "\u{7f}",
    "\u{85}",
    "\u{9b}",
    "\u{200b}",
    "\u{200d}",
    "\u{202e}",
    "\u{2066}",
    "\u{feff}",
    "\u{e0041}",
    "\u{ad}",
    "\u{2028}",
    "\u{2029}",
    "\r",
    "\u{b}",
    "\u{c}",
    "\u{1c}",
];

/// An item id: mostly one the checks accept, now and then one they refuse.
pub fn id(random: &mut Random, taken: &[String]) -> String {
    match random.below(20) {
        0 if !taken.is_empty() => random.pick(taken).clone(),
        1 => String::new(),
        2 => random
            .pick(&["Bad Id", "ÿes", "a_b", " x ", "-", "1", "yes", "{each}"])
            .to_string(),
        _ => format!(
            "{}{}",
            random.pick(&["item", "step", "heart", "q", "ride", "x-y", "a"]),
            random.below(50)
        ),
    }
}
