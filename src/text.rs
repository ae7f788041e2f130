//! Making text we did not write safe to show, one sanitizer per kind of output (as fd's
//! `sanitize.rs` does for file names): no terminal control sequences, no invisible or
//! direction-changing characters that make text read differently from what it is, and no
//! Markdown structure that a patient's answer or a clinic's text could smuggle in. HTML,
//! CSS and iCalendar escape on top of `clean` in their own modules.

mod wrap;

pub use wrap::{display_width, wrap};

/// Characters that change nothing a reader sees, or change the direction text is shown in:
/// zero-width spaces and joiners, word joiners and invisible operators, the byte order mark,
/// soft hyphens, bidi marks, embeddings, overrides and isolates, and Unicode tag characters.
pub fn is_invisible(c: char) -> bool {
    // Most text is below the first of them: one comparison for it (every character of every
    // text is asked about, several times).
    c >= '\u{00AD}'
        && matches!(
            c,
            '\u{00AD}'
                | '\u{061C}'
                | '\u{180E}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{2069}'
                | '\u{FEFF}'
                | '\u{E0000}'..='\u{E007F}'
        )
}

/// Characters that end a line: they become spaces in one-line text.
fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// A character that no sanitizer lets through as it is: a control character (C0, DEL, C1)
/// or an invisible one. For `check`, which reports them where they are.
pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t' && c != '\r') || is_invisible(c)
}

/// One line of text safe for a terminal or plain text: control characters (escape
/// sequences, bells) and invisible characters removed, line breaks and tabs as spaces.
pub fn clean(text: &str) -> String {
    // Most text is printable ASCII, which stays as it is: copied whole, not char by char.
    if text.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        return text.to_string();
    }
    text.chars()
        .filter_map(|c| match c {
            '\t' => Some(' '),
            c if is_line_break(c) => Some(' '),
            c if c.is_control() || is_invisible(c) => None,
            c => Some(c),
        })
        .collect()
}

/// Clean text for Markdown, on one line, that can never change the structure of the page:
/// every character Markdown reads as markup is escaped, and so is what would start a list,
/// a rule, a heading or a code block at the start of a line.
pub fn escape_markdown(text: &str) -> String {
    let text = clean(text);
    let text = text.trim();
    let mut out = String::with_capacity(text.len() + 8);
    // "1. ", "2) ": an ordered list when it starts a line.
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    for (at, c) in text.chars().enumerate() {
        let starts_block = at == 0 && "-+=".contains(c);
        let ends_number = digits > 0 && at == digits && ".)".contains(c);
        if "\\`*_[]<>#|~!&".contains(c) || starts_block || ends_number {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// "1 item", "20 items".
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_never_reach_the_terminal() {
        let hostile = "Ann\u{1b}[2J\u{1b}]0;pwned\u{7}\r\nSmith\u{202e}x\u{9b}31m";
        assert_eq!(clean(hostile), "Ann[2J]0;pwned  Smithx31m");
    }

    #[test]
    fn invisible_and_direction_marks_are_removed_everywhere() {
        let hidden = "A\u{200B}n\u{200D}n\u{2060}\u{FEFF}\u{061C}\u{E0041} S\u{2028}m\u{AD}ith";
        assert_eq!(clean(hidden), "Ann S mith");
        assert_eq!(escape_markdown(hidden), "Ann S mith");
        assert!(hidden.chars().filter(|&c| is_unsafe(c)).count() >= 7);
    }

    #[test]
    fn markdown_markup_is_escaped() {
        assert_eq!(
            escape_markdown("<b>*Bob*</b> [x](http://a)"),
            "\\<b\\>\\*Bob\\*\\</b\\> \\[x\\](http://a)"
        );
    }

    #[test]
    fn an_answer_cannot_start_a_list_a_rule_or_a_code_block() {
        for (typed, escaped) in [
            ("- Ann", "\\- Ann"),
            ("1. Ann", "1\\. Ann"),
            ("12) Ann", "12\\) Ann"),
            ("---", "\\---"),
            ("    code", "code"),
            ("+ plus", "\\+ plus"),
            ("=== rule", "\\=== rule"),
            ("# Title", "\\# Title"),
            ("> quote", "\\> quote"),
            ("Ann - Lee 2. ok", "Ann - Lee 2. ok"),
        ] {
            assert_eq!(escape_markdown(typed), escaped, "{typed:?}");
        }
    }
}
