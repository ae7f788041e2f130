//! Making text we did not write safe to show: no terminal control characters, and no
//! Markdown or HTML that a patient's answer could smuggle in.

/// Remove control characters (escape sequences, bells, carriage returns) and the invisible
/// direction overrides that can make text read differently from what it is. Line breaks and
/// tabs become spaces.
pub fn clean(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' => Some(' '),
            c if c.is_control() => None,
            '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => None,
            c => Some(c),
        })
        .collect()
}

/// Clean text, with every character Markdown could read as markup escaped.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in clean(text).chars() {
        if "\\`*_[]<>#|~!&".contains(c) {
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
    fn markdown_markup_is_escaped() {
        assert_eq!(
            escape_markdown("<b>*Bob*</b> [x](http://a)"),
            "\\<b\\>\\*Bob\\*\\</b\\> \\[x\\](http://a)"
        );
    }
}
