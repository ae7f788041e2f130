//! Words to lines no wider than a terminal or a page: first fit, breaking at spaces, a word
//! longer than a line cut at the line's end. It makes the lines `textwrap` 0.16 made with
//! those options (a test in this file compares the two), in a single pass over the text:
//! the sheet wraps every line it prints, so this is most of the work of printing one.

use unicode_width::UnicodeWidthChar;

/// The columns `text` takes on a terminal: wide characters take two, control and
/// combining characters none, and so does an escape sequence (`ESC [ … m`, `ESC ] … BEL`).
pub fn display_width(text: &str) -> usize {
    // Most text is printable ASCII, one column a byte.
    if text.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        return text.len();
    }
    let mut chars = text.chars();
    let mut width = 0;
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            skip_escape_sequence(&mut chars);
        } else {
            width += char_width(c);
        }
    }
    width
}

fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// After an ESC: the rest of a CSI sequence (up to its final byte) or of an OSC one (up to
/// BEL or `ESC \`); anything else after an ESC is the next character and is consumed with
/// it, as a terminal would.
fn skip_escape_sequence(chars: &mut std::str::Chars) {
    match chars.next() {
        Some('[') => {
            for c in chars.by_ref() {
                if ('\u{40}'..='\u{7e}').contains(&c) {
                    break;
                }
            }
        }
        Some(']') => {
            let mut last = ']';
            for c in chars.by_ref() {
                if c == '\u{7}' || (c == '\\' && last == '\u{1b}') {
                    break;
                }
                last = c;
            }
        }
        _ => {}
    }
}

/// `text` wrapped to `width` columns, after `first` on the first line and `rest` on the
/// others. Each `\n` starts a new line; spaces at the end of a line are dropped.
pub fn wrap(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let mut lines = Vec::new();
    for segment in text.split('\n') {
        let indent = if lines.is_empty() { first } else { rest };
        if segment.len() < width && indent.is_empty() {
            lines.push(segment.trim_end_matches(' ').to_string());
        } else {
            wrap_segment(segment, width, first, rest, &mut lines);
        }
    }
    lines
}

/// A word (and the spaces after it) in a segment, by byte offsets.
#[derive(Clone, Copy)]
struct Piece {
    start: usize,
    /// Where the word ends and its spaces begin.
    end: usize,
    spaces: usize,
    width: usize,
}

/// One line of text (no `\n`) that needs wrapping: its words in order, each cut to fit a
/// later line, placed on lines first fit. The first line of a segment is measured against
/// the room after `first`, as textwrap did, whichever indent it is given.
fn wrap_segment(segment: &str, width: usize, first: &str, rest: &str, lines: &mut Vec<String>) {
    let first_room = width.saturating_sub(display_width(first));
    let later_room = width.saturating_sub(display_width(rest));
    let mut line: Option<(usize, Piece)> = None; // (start of the line, its last piece)
    let mut line_width = 0;
    let mut lines_here = 0;
    let mut place = |piece: Piece, lines: &mut Vec<String>| {
        let room = if lines_here == 0 {
            first_room
        } else {
            later_room
        };
        if let Some((start, last)) = line
            && line_width + piece.width > room
        {
            push_line(lines, first, rest, &segment[start..last.end]);
            lines_here += 1;
            line = None;
            line_width = 0;
        }
        let start = line.map_or(piece.start, |(start, _)| start);
        line = Some((start, piece));
        line_width += piece.width + piece.spaces;
    };
    if !first.is_empty() {
        // An empty first piece: the first word goes to the second line when it does not
        // fit after `first` (words are cut to the later lines' room).
        place(
            Piece {
                start: 0,
                end: 0,
                spaces: 0,
                width: 0,
            },
            lines,
        );
    }
    for word in words(segment) {
        if word.width > later_room {
            cut_word(segment, word, later_room, |piece| place(piece, lines));
        } else {
            place(word, lines);
        }
    }
    match line {
        Some((start, last)) => push_line(lines, first, rest, &segment[start..last.end]),
        None => lines.push(String::new()),
    }
}

fn push_line(lines: &mut Vec<String>, first: &str, rest: &str, text: &str) {
    let indent = if lines.is_empty() { first } else { rest };
    let mut line = String::with_capacity(indent.len() + text.len());
    line.push_str(indent);
    line.push_str(text);
    lines.push(line);
}

/// The words of a segment: a run of anything but spaces, with the spaces after it (spaces
/// at the start are a word of no width).
fn words(segment: &str) -> impl Iterator<Item = Piece> + '_ {
    let bytes = segment.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        if at >= bytes.len() {
            return None;
        }
        let start = at;
        let end = start + bytes[start..].iter().take_while(|&&b| b != b' ').count();
        let after = end + bytes[end..].iter().take_while(|&&b| b == b' ').count();
        at = after;
        Some(Piece {
            start,
            end,
            spaces: after - end,
            width: display_width(&segment[start..end]),
        })
    })
}

/// A word wider than `room` in pieces no wider than it (a piece holds at least one
/// character); the last piece keeps the word's spaces.
fn cut_word(segment: &str, word: Piece, room: usize, mut place: impl FnMut(Piece)) {
    let text = &segment[word.start..word.end];
    let mut chars = text.chars();
    let mut start = word.start;
    let mut width = 0;
    loop {
        let at = word.end - chars.as_str().len();
        let Some(c) = chars.next() else { break };
        if c == '\u{1b}' {
            skip_escape_sequence(&mut chars);
            continue;
        }
        let c_width = char_width(c);
        if width > 0 && width + c_width > room {
            place(Piece {
                start,
                end: at,
                spaces: 0,
                width,
            });
            start = at;
            width = 0;
        }
        width += c_width;
    }
    if start < word.end {
        place(Piece {
            start,
            end: word.end,
            spaces: word.spaces,
            width,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_go_on_the_line_they_fit_on() {
        assert_eq!(
            wrap("Bring your pill bottles to the clinic.", 16, "", ""),
            ["Bring your pill", "bottles to the", "clinic."]
        );
        assert_eq!(
            wrap("Bring your pill bottles.", 14, "  - ", "    "),
            ["  - Bring your", "    pill", "    bottles."]
        );
    }

    #[test]
    fn a_word_longer_than_a_line_is_cut_at_its_end() {
        assert_eq!(
            wrap("Saved in /home/ana/prepcheck/answers.yaml", 12, "", ""),
            ["Saved in", "/home/ana/pr", "epcheck/answ", "ers.yaml"]
        );
    }

    #[test]
    fn wide_characters_take_two_columns_and_escapes_none() {
        assert_eq!(display_width("Café"), 4);
        assert_eq!(display_width("日本"), 4);
        assert_eq!(display_width("\u{1b}[1mbold\u{1b}[0m"), 4);
        assert_eq!(display_width("\u{1b}]8;;x\u{7}link"), 4);
    }

    #[test]
    fn each_newline_starts_a_line() {
        assert_eq!(wrap("Enter: go on.\n", 40, "", ""), ["Enter: go on.", ""]);
        // A line left empty still gets its indent.
        assert_eq!(wrap("a\n\nb", 40, "> ", "  "), ["> a", "  ", "  b"]);
    }

    /// The same lines as textwrap 0.16 with the options the code used, on text made to find
    /// the corners: runs of spaces, accents, wide characters, escape sequences, long words,
    /// newlines, narrow widths, indents of every kind.
    #[test]
    fn the_lines_are_textwraps() {
        let pieces = [
            "a",
            "word",
            "medicine",
            " ",
            "  ",
            "   ",
            "\n",
            "Café",
            "niño",
            "日本語",
            "🙂",
            "x\u{301}",
            "\u{1b}[1mbold\u{1b}[0m",
            "/a/very/long/path/to/answers.yaml",
            "supercalifragilistic",
            "-",
            "(555)",
            "1.",
            "\t",
        ];
        let indents = ["", "  - ", "[ ] ", "    ", "! ", "日 "];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..20_000 {
            let count = next(14);
            let mut text = String::new();
            for _ in 0..count {
                text.push_str(pieces[next(pieces.len())]);
                if next(3) > 0 {
                    text.push(' ');
                }
            }
            let width = 1 + next(30);
            let first = indents[next(indents.len())];
            let rest = indents[next(indents.len())];
            let options = textwrap::Options::new(width)
                .initial_indent(first)
                .subsequent_indent(rest)
                .word_splitter(textwrap::WordSplitter::NoHyphenation)
                .break_words(true);
            let expected: Vec<String> = textwrap::wrap(&text, options)
                .into_iter()
                .map(String::from)
                .collect();
            assert_eq!(
                wrap(&text, width, first, rest),
                expected,
                "{text:?} at {width} after {first:?} then {rest:?}"
            );
        }
    }
}
