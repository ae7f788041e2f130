//! Reading text: words (lower case, accents and apostrophes dropped, letters apart from
//! digits, placeholders whole) and sentences, in one pass.

/// A word of the word lists, by number: text is looked up once per word, and everything
/// else compares numbers.
pub(super) type WordId = u32;

/// How text is cut into sentences and words.
#[derive(Debug, Clone)]
pub(super) struct Reader {
    pub(super) sentence_ends: Vec<char>,
    pub(super) question_ends: Vec<char>,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Token {
    pub(super) start: usize,
    pub(super) end: usize,
    /// The word, if the word lists know it.
    pub(super) id: Option<WordId>,
    /// A word the lists do not know that is a misspelling of this word of a medicine's
    /// name ("Eliqis" of "eliquis").
    pub(super) near: Option<WordId>,
    pub(super) digits: bool,
    /// `{each}`, `{answer}`.
    pub(super) placeholder: bool,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Sentence {
    pub(super) first: usize,
    pub(super) end: usize,
    pub(super) question: bool,
}

/// What [`Reader::scan`] finds.
pub(super) enum Piece<'a> {
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
pub(super) struct Words {
    pub(super) word: String,
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) digits: bool,
    pub(super) last: String,
    pub(super) last_end: Option<usize>,
}

impl Words {
    /// A letter or digit at `at`: letters and digits are separate words.
    fn push(&mut self, at: usize, c: char, on: &mut impl FnMut(Piece<'_>)) {
        let digit = c.is_ascii_digit();
        if !self.word.is_empty() && digit != self.digits {
            self.flush(on);
        }
        if self.word.is_empty() {
            self.start = at;
            self.digits = digit;
        }
        if c.is_ascii() {
            self.word.push(c.to_ascii_lowercase());
        } else {
            self.word.extend(
                c.to_lowercase()
                    .filter(|&l| !is_combining_mark(l))
                    .map(fold),
            );
        }
        self.end = at + c.len_utf8();
    }

    /// A placeholder `{name}` at `at..end`: a word of its own, as written.
    fn placeholder(&mut self, text: &str, at: usize, end: usize, on: &mut impl FnMut(Piece<'_>)) {
        let written = text[at..end].to_lowercase();
        on(Piece::Word {
            start: at,
            end,
            word: &written,
            digits: false,
            placeholder: true,
        });
        self.last.clear();
        self.last_end = Some(end);
    }

    pub(super) fn flush(&mut self, on: &mut impl FnMut(Piece<'_>)) {
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
pub(super) fn fold(c: char) -> char {
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
pub(super) fn is_combining_mark(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

pub(super) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02bc}')
}

/// The end (exclusive) of a placeholder `{name}` starting at `at`, if there is one.
pub(super) fn placeholder_end(text: &str, at: usize) -> Option<usize> {
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
    pub(super) fn words(&self, text: &str) -> Vec<String> {
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
    pub(super) fn scan(
        &self,
        text: &str,
        is_abbreviation: &dyn Fn(&str) -> bool,
        mut on: impl FnMut(Piece<'_>),
    ) {
        let mut words = Words::default();
        let mut chars = text.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            if c.is_alphanumeric() {
                words.push(at, c, &mut on);
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
                words.placeholder(text, at, end, &mut on);
                while chars.peek().is_some_and(|&(i, _)| i < end) {
                    chars.next();
                }
                continue;
            }
            if let Some(question) = self.sentence_end(text, at, c, &words, is_abbreviation) {
                on(Piece::End { question });
            }
        }
        words.flush(&mut on);
        on(Piece::End { question: false });
    }

    /// Whether `c` at `at` ends a sentence, and whether as a question: a sentence end but a
    /// full stop that does not end one, or a blank line.
    fn sentence_end(
        &self,
        text: &str,
        at: usize,
        c: char,
        words: &Words,
        is_abbreviation: &dyn Fn(&str) -> bool,
    ) -> Option<bool> {
        if self.sentence_ends.contains(&c) {
            if c == '.' && !self.ends_sentence(text, at, words, is_abbreviation) {
                return None;
            }
            return Some(self.question_ends.contains(&c));
        }
        if c == '\n' {
            let rest = text[at + 1..].trim_start_matches([' ', '\t', '\r']);
            if rest.starts_with('\n') {
                return Some(false);
            }
        }
        None
    }

    /// Whether the full stop at `at` ends a sentence: not in "2.5", "e.g. aspirin" or
    /// "Dr. Lee".
    pub(super) fn ends_sentence(
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
