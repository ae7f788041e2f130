//! The printable HTML sheet: one self-contained page (inline CSS, no scripts, no links, no
//! fonts or images to fetch), made for US Letter and A4 paper and for screen readers.

use std::io::{self, Write};

use super::layout::Layout;
use crate::i18n::Lang;

pub(crate) const STYLE: &str = "\
@page { margin: 15mm; }
html { color: #000; background: #fff; }
body { font: 13pt/1.4 Georgia, 'Times New Roman', serif; max-width: 44em; margin: 1em auto; padding: 0 1em; overflow-wrap: anywhere; }
h1 { font-size: 20pt; margin: 0 0 0.3em; }
h2 { font-size: 15pt; margin: 1.1em 0 0.3em; border-bottom: 1px solid #000; }
h3 { font-size: 13pt; margin: 0.8em 0 0.2em; }
h2, h3 { break-after: avoid; page-break-after: avoid; break-inside: avoid; page-break-inside: avoid; }
p { margin: 0.2em 0; }
ul { margin: 0.2em 0; padding-left: 1.4em; }
ul.boxes { list-style: none; padding-left: 0; }
ul.boxes li { display: flex; align-items: baseline; }
li { margin: 0.2em 0; break-inside: avoid; page-break-inside: avoid; }
li:first-child:not(:last-child) { break-after: avoid; page-break-after: avoid; }
li:last-child:not(:first-child) { break-before: avoid; page-break-before: avoid; }
.group { display: flow-root; break-inside: avoid; page-break-inside: avoid; }
.write { display: none; }
@media print { .write { display: block; height: 2em; border-bottom: 1px solid #000; } }
input[type=checkbox] { flex: none; width: 1em; height: 1em; margin: 0 0.5em 0 0; }
.statement { border: 3px solid #000; padding: 0.5em 0.8em; margin: 0.8em 0; font-weight: bold; break-inside: avoid; }
.statement.part { border-width: 2px; font-size: 11pt; padding: 0.3em 0.6em; margin: 0.4em 0; break-after: avoid; page-break-after: avoid; }
.urgent h2 { border-bottom: 3px double #000; }
.blank { display: inline-block; width: 20em; max-width: 80%; border-bottom: 1px solid #000; }
hr.page-break { border: 0; border-top: 1px dashed #000; margin: 1.5em 0; break-after: page; page-break-after: always; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 12pt; line-height: 1.25; }
  h1 { font-size: 18pt; }
  h2 { font-size: 13.5pt; margin-top: 0.7em; }
  h3 { font-size: 12pt; }
  p, li { margin: 0.1em 0; }
  .statement { margin: 0.6em 0; }
  hr.page-break { border: 0; margin: 0; }
  .blank { height: 1.5em; }
}
";

/// Escape text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in crate::text::clean(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Text as a CSS string, for the running line: every character but letters, digits and
/// spaces as a hex escape, so nothing in it can end the string or the style sheet.
fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in crate::text::clean(text).chars() {
        if c.is_ascii_alphanumeric() || c == ' ' {
            out.push(c);
        } else {
            out.push_str(&format!("\\{:x} ", u32::from(c)));
        }
    }
    out.push('"');
    out
}

/// What is open: the page writes its closing tags in the right order.
#[derive(PartialEq)]
enum List {
    None,
    Bullets,
    Boxes,
}

pub struct Html<'w> {
    out: &'w mut dyn Write,
    /// The page's language, for screen readers and hyphenation.
    lang: Lang,
    /// What screen readers say of a line to write on.
    blank: String,
    list: List,
    in_section: bool,
    /// A subheading and its list, kept on one page.
    in_group: bool,
    boxes: usize,
}

impl<'w> Html<'w> {
    pub fn new(out: &'w mut dyn Write, lang: Lang, blank: String) -> Self {
        Html {
            out,
            lang,
            blank,
            list: List::None,
            in_section: false,
            in_group: false,
            boxes: 0,
        }
    }

    fn close_list(&mut self) -> io::Result<()> {
        if self.list != List::None {
            writeln!(self.out, "</ul>")?;
            self.list = List::None;
        }
        Ok(())
    }

    fn open_list(&mut self, list: List) -> io::Result<()> {
        if self.list != list {
            self.close_list()?;
            let class = if list == List::Boxes {
                " class=\"boxes\""
            } else {
                ""
            };
            writeln!(self.out, "<ul{class}>")?;
            self.list = list;
        }
        Ok(())
    }

    fn close_group(&mut self) -> io::Result<()> {
        self.close_list()?;
        if self.in_group {
            writeln!(self.out, "</div>")?;
            self.in_group = false;
        }
        Ok(())
    }

    /// A new part of the page, with its heading.
    fn section(&mut self, heading: &str, class: &str) -> io::Result<()> {
        self.close_section()?;
        writeln!(self.out, "<section{class}>\n<h2>{}</h2>", escape(heading))?;
        self.in_section = true;
        Ok(())
    }

    fn close_section(&mut self) -> io::Result<()> {
        self.close_group()?;
        if self.in_section {
            writeln!(self.out, "</section>")?;
            self.in_section = false;
        }
        Ok(())
    }
}

impl Layout for Html<'_> {
    fn title(&mut self, text: &str, running: &str, statement: &str) -> io::Result<()> {
        let title = escape(text);
        // Every printed page after the first names the sheet and the patient at its top,
        // and carries the statement at its foot: those pages name the medicines.
        let running = css_string(running);
        let statement = css_string(statement);
        writeln!(
            self.out,
            "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>{title}</title>\n<style>\n{STYLE}\
             @page {{ @top-left {{ content: {running}; font: 9pt Georgia, serif; }}\n\
             @bottom-left {{ content: {statement}; font: bold 8.5pt Georgia, serif; }} }}\n\
             @page :first {{ @top-left {{ content: none; }} @bottom-left {{ content: none; }} }}\n\
             </style>\n</head>\n<body>\n<main>\n<h1>{title}</h1>",
            self.lang.code()
        )
    }

    fn field(&mut self, label: &str, value: &str) -> io::Result<()> {
        writeln!(
            self.out,
            "<p><strong>{}:</strong> {}</p>",
            escape(label),
            escape(value)
        )
    }

    fn statement(&mut self, text: &str) -> io::Result<()> {
        // A part of its own, not the end of the one before.
        self.close_section()?;
        writeln!(
            self.out,
            "<p class=\"statement\" role=\"note\">{}</p>",
            escape(text)
        )
    }

    /// Before a part that names medicines: on paper, each of those pages carries the
    /// statement at its foot too.
    fn part_statement(&mut self, text: &str) -> io::Result<()> {
        self.close_list()?;
        writeln!(
            self.out,
            "<p class=\"statement part\" role=\"note\">{}</p>",
            escape(text)
        )
    }

    fn heading(&mut self, text: &str) -> io::Result<()> {
        self.section(text, "")
    }

    fn urgent_heading(&mut self, text: &str) -> io::Result<()> {
        self.section(text, " class=\"urgent\"")
    }

    fn subheading(&mut self, text: &str) -> io::Result<()> {
        self.close_group()?;
        writeln!(self.out, "<div class=\"group\">\n<h3>{}</h3>", escape(text))?;
        self.in_group = true;
        Ok(())
    }

    fn bullet(&mut self, text: &str) -> io::Result<()> {
        self.open_list(List::Bullets)?;
        writeln!(self.out, "<li>{}</li>", escape(text))
    }

    fn question(&mut self, text: &str) -> io::Result<()> {
        self.open_list(List::Bullets)?;
        // Room to write the answer by hand, on paper only; screen readers skip it.
        writeln!(
            self.out,
            "<li>{}<div class=\"write\" aria-hidden=\"true\"></div></li>",
            escape(text)
        )
    }

    fn check_box(&mut self, text: &str) -> io::Result<()> {
        self.open_list(List::Boxes)?;
        self.boxes += 1;
        let id = format!("box-{}", self.boxes);
        writeln!(
            self.out,
            "<li><input type=\"checkbox\" id=\"{id}\"><label for=\"{id}\">{}</label></li>",
            escape(text)
        )
    }

    /// A check box whose label is a line to write on; screen readers hear "blank".
    fn blank_box(&mut self) -> io::Result<()> {
        self.open_list(List::Boxes)?;
        self.boxes += 1;
        let id = format!("box-{}", self.boxes);
        writeln!(
            self.out,
            "<li><input type=\"checkbox\" id=\"{id}\" aria-label=\"{}\">\
             <span class=\"blank\"></span></li>",
            escape(&self.blank)
        )
    }

    fn note(&mut self, text: &str) -> io::Result<()> {
        self.close_list()?;
        writeln!(self.out, "<p>{}</p>", escape(text))
    }

    /// Page 1 ends here: it is the page for the fridge, with nothing else on it.
    fn page_break(&mut self) -> io::Result<()> {
        self.close_section()?;
        writeln!(self.out, "<hr class=\"page-break\">")
    }

    fn end(&mut self) -> io::Result<()> {
        self.close_section()?;
        writeln!(self.out, "</main>\n</body>\n</html>")
    }
}
