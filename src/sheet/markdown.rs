//! Markdown: `- [ ]` task lists, everything from outside escaped.

use std::io::{self, Write};

use super::layout::Layout;
use crate::text::escape_markdown;

/// The Markdown layout.
pub struct Markdown<'w> {
    out: &'w mut dyn Write,
    /// What was written last: a paragraph or list that a new block must keep apart from.
    after: Block,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Block {
    /// A heading, which ends with a blank line of its own.
    Heading,
    Paragraph,
    List,
}

impl<'w> Markdown<'w> {
    pub fn new(out: &'w mut dyn Write) -> Self {
        Markdown {
            out,
            after: Block::Heading,
        }
    }

    /// A blank line before a block that stands apart, unless a heading's ends it already.
    fn apart(&mut self) -> io::Result<()> {
        if self.after == Block::Heading {
            Ok(())
        } else {
            writeln!(self.out)
        }
    }

    /// One blank line between a paragraph and what follows, and between a list and a
    /// paragraph (without it, Markdown joins them).
    fn start(&mut self, block: Block) -> io::Result<()> {
        let apart = self.after == Block::Paragraph
            || (self.after == Block::List && block == Block::Paragraph);
        self.after = block;
        if apart { writeln!(self.out) } else { Ok(()) }
    }
}

impl Layout for Markdown<'_> {
    fn title(&mut self, text: &str, _running: &str, _statement: &str) -> io::Result<()> {
        writeln!(self.out, "# {}\n", escape_markdown(text))
    }

    fn field(&mut self, label: &str, value: &str) -> io::Result<()> {
        writeln!(self.out, "**{label}:** {}  ", escape_markdown(value))
    }

    fn statement(&mut self, text: &str) -> io::Result<()> {
        self.apart()?;
        self.after = Block::Paragraph;
        writeln!(self.out, "> **{}**", escape_markdown(text))
    }

    fn heading(&mut self, text: &str) -> io::Result<()> {
        self.after = Block::Heading;
        writeln!(self.out, "\n## {}\n", escape_markdown(text))
    }

    fn subheading(&mut self, text: &str) -> io::Result<()> {
        self.apart()?;
        self.after = Block::Heading;
        writeln!(self.out, "**{}**\n", escape_markdown(text))
    }

    fn bullet(&mut self, text: &str) -> io::Result<()> {
        self.start(Block::List)?;
        writeln!(self.out, "- {}", escape_markdown(text))
    }

    fn check_box(&mut self, text: &str) -> io::Result<()> {
        self.start(Block::List)?;
        writeln!(self.out, "- [ ] {}", escape_markdown(text))
    }

    fn note(&mut self, text: &str) -> io::Result<()> {
        self.start(Block::Paragraph)?;
        writeln!(self.out, "{}", escape_markdown(text))
    }

    /// A thematic break, apart from what comes before (right under a paragraph, `---`
    /// would make it a heading).
    fn page_break(&mut self) -> io::Result<()> {
        self.after = Block::Heading;
        writeln!(self.out, "\n---")
    }
}
