//! The walk on a terminal. Each question has a screen of its own, drawn whole from the top
//! of the terminal's alternate screen at every key: nothing is counted back line by line,
//! so a small terminal, a resize or accented text cannot leave repeated lines behind. Text
//! is wrapped at word breaks to the width of the moment; lists page to its height with the
//! current row always in view; the current row and the ticked rows are marked by symbols,
//! colour only adds to them. Keys are read one at a time; keys typed before a screen
//! appears are thrown away, so nothing typed ahead answers a later question.
//!
//! These prompts are our own, drawn with `console`: dialoguer's could not go back from a
//! text answer, ticked every row (the "another medicine" row too) on a key not shown on
//! screen, and cleared lines by counting bytes, which garbles the screen at small widths.
//! dialoguer still asks the one plain yes or no outside the walk (`confirm`).

use std::fs::File;
use std::os::fd::AsRawFd;

use console::{Key, Style, Term, measure_text_width};

use super::{Check, Prompter, Reply, Screen, Stop, Tone};
use crate::i18n::Messages;
use crate::signals::Signals;

/// The fewest list rows shown, however small the terminal.
const MIN_ROWS: usize = 3;

pub struct TerminalPrompter<'s> {
    term: Term,
    colors: bool,
    signals: &'s Signals,
    /// The words of the keys and notes, in the patient's language.
    m: &'s Messages,
    /// The terminal itself, to throw away keys typed before a screen appears.
    tty: Option<File>,
    /// Whether the questions' screen is up (the terminal's alternate screen).
    drawing: bool,
}

/// What a list shows and where its cursor is.
struct List<'a> {
    rows: &'a [String],
    /// Which rows are ticked, for a list with ticks: "[x] " or "[ ] " before each row.
    ticks: Option<Vec<bool>>,
    cursor: Option<usize>,
    /// The first row shown: lists longer than the screen page, keeping the cursor in view.
    first: usize,
}

impl<'s> TerminalPrompter<'s> {
    pub fn new(colors: bool, signals: &'s Signals, m: &'s Messages) -> Self {
        TerminalPrompter {
            term: Term::stderr(),
            colors,
            signals,
            m,
            tty: File::open("/dev/tty").ok(),
            drawing: false,
        }
    }

    fn style(&self, tone: Tone) -> Style {
        let style = Style::new().for_stderr().force_styling(self.colors);
        match tone {
            Tone::Progress => style.dim(),
            Tone::Important => style.bold().yellow(),
            Tone::Question => style.bold(),
            Tone::Note => style.green(),
            Tone::Plain | Tone::Bullet => style,
        }
    }

    /// Throw away whatever was typed before this screen appeared.
    fn forget_typed_ahead(&self) {
        if let Some(tty) = &self.tty {
            // SAFETY: tcflush only reads the descriptor number of a file we hold open.
            unsafe {
                libc::tcflush(tty.as_raw_fd(), libc::TCIFLUSH);
            }
        }
    }

    /// The next key. Ctrl-C, a signal and a closed terminal end the walk; a resize asks
    /// for the screen to be drawn again (`None`).
    fn key(&self) -> Result<Option<Key>, Stop> {
        match self.term.read_key_raw() {
            // Ctrl-C, or a signal that interrupted the wait for a key.
            Ok(Key::CtrlC) => {
                if self.signals.take_resized() {
                    return Ok(None);
                }
                Err(match self.signals.stop() {
                    Some(signal) if signal != libc::SIGINT => Stop::Signal(signal),
                    _ => Stop::Interrupted,
                })
            }
            Ok(key) => Ok(Some(key)),
            Err(error) => Err(Stop::from(error)),
        }
    }

    /// Lines of the screen above the answer, wrapped to `width`.
    fn header(&self, screen: &Screen, width: usize) -> Vec<String> {
        let mut lines = Vec::new();
        for (tone, text) in screen.text() {
            let (first, rest) = match tone {
                Tone::Important => ("! ", "  "),
                Tone::Bullet => ("- ", "  "),
                _ => ("", ""),
            };
            if tone == Tone::Question && !lines.is_empty() {
                lines.push(String::new());
            }
            let style = self.style(tone);
            lines.extend(
                wrap(text, width, first, rest)
                    .into_iter()
                    .map(|l| style.apply_to(l).to_string()),
            );
        }
        if let Some(current) = &screen.current {
            let now = self
                .m
                .with("your-answer-now", &[("answer", current.as_str().into())]);
            lines.extend(wrap(&now, width, "", "  "));
        }
        lines
    }

    /// Draw a whole screen: the header, `body` (its lines, from a list or a text field),
    /// then the keys and what went wrong, if anything. Returns the row the body starts on.
    fn draw(
        &mut self,
        header: &[String],
        body: &[String],
        keys: &str,
        problem: Option<&str>,
        width: usize,
    ) -> Result<usize, Stop> {
        let mut lines: Vec<String> = header.to_vec();
        lines.push(String::new());
        let body_row = lines.len();
        lines.extend(body.iter().cloned());
        lines.push(String::new());
        if let Some(problem) = problem {
            let style = self.style(Tone::Important);
            lines.extend(
                wrap(
                    &self.m.with("sorry", &[("problem", problem.into())]),
                    width,
                    "! ",
                    "  ",
                )
                .into_iter()
                .map(|l| style.apply_to(l).to_string()),
            );
        }
        let keys_style = self.style(Tone::Progress);
        lines.extend(
            wrap(keys, width, "", "")
                .into_iter()
                .map(|l| keys_style.apply_to(l).to_string()),
        );
        let mut frame = String::new();
        if !self.drawing {
            // The alternate screen: the patient's own terminal comes back when the walk ends.
            frame.push_str("\x1b[?1049h");
            self.drawing = true;
        }
        frame.push_str("\x1b[H");
        frame.push_str(&lines.join("\x1b[K\r\n"));
        frame.push_str("\x1b[K\x1b[J");
        self.term.write_str(&frame)?;
        Ok(body_row)
    }

    /// The keys of a screen, with going back when there is a question to go back to.
    fn keys_line(&self, keys: &str, screen: &Screen) -> String {
        let keys = self.m.get(keys);
        if screen.can_go_back {
            format!("{keys} {}", self.m.get("keys-back"))
        } else {
            keys
        }
    }

    /// Leave the questions' screen for the patient's own.
    fn leave(&mut self) -> Result<(), Stop> {
        if self.drawing {
            self.drawing = false;
            self.term.write_str("\x1b[?1049l")?;
        }
        self.term.show_cursor()?;
        Ok(())
    }

    fn size(&self) -> (usize, usize) {
        let (rows, columns) = self.term.size();
        (usize::from(columns).max(20), usize::from(rows).max(8))
    }

    /// Show a list and move through it until a key decides: `act` says what each key does.
    fn list<T>(
        &mut self,
        screen: &Screen,
        mut list: List,
        keys: &str,
        mut act: impl FnMut(&mut List, Key) -> Option<Reply<T>>,
    ) -> Result<Reply<T>, Stop> {
        self.forget_typed_ahead();
        self.term.hide_cursor()?;
        loop {
            let (width, height) = self.size();
            let header = self.header(screen, width);
            let keys_lines = wrap(keys, width, "", "").len();
            let room = height
                .saturating_sub(header.len() + keys_lines + 2)
                .max(MIN_ROWS);
            let body = self.list_lines(&mut list, width, room);
            self.draw(&header, &body, keys, None, width)?;
            let Some(key) = self.key()? else { continue };
            match key {
                Key::Escape if screen.can_go_back => return Ok(Reply::Back),
                Key::ArrowUp | Key::ArrowDown => {
                    let last = list.rows.len().saturating_sub(1);
                    list.cursor = Some(match (key, list.cursor) {
                        (_, None) => 0,
                        (Key::ArrowUp, Some(at)) => at.saturating_sub(1),
                        (_, Some(at)) => (at + 1).min(last),
                    });
                }
                Key::Home => list.cursor = Some(0),
                Key::End => list.cursor = Some(list.rows.len().saturating_sub(1)),
                key => {
                    if let Some(reply) = act(&mut list, key) {
                        self.term.show_cursor()?;
                        return Ok(reply);
                    }
                }
            }
        }
    }

    /// The rows of a list that fit in `room` lines, with the cursor's row in view, and a
    /// line above or below saying there is more.
    fn list_lines(&self, list: &mut List, width: usize, room: usize) -> Vec<String> {
        let rows: Vec<Vec<String>> = list
            .rows
            .iter()
            .enumerate()
            .map(|(i, row)| {
                let here = list.cursor == Some(i);
                let pointer = if here { "> " } else { "  " };
                let tick = match &list.ticks {
                    Some(ticks) if ticks[i] => "[x] ",
                    Some(_) => "[ ] ",
                    None => "",
                };
                let first = format!("{pointer}{tick}");
                let rest = " ".repeat(measure_text_width(&first));
                let style = Style::new().for_stderr().force_styling(self.colors);
                let style = if here { style.bold().cyan() } else { style };
                wrap(row, width, &first, &rest)
                    .into_iter()
                    .map(|l| style.apply_to(l).to_string())
                    .collect()
            })
            .collect();
        let total: usize = rows.iter().map(Vec::len).sum();
        if total <= room {
            list.first = 0;
            return rows.concat();
        }
        // Two lines say there is more; the rest show rows around the cursor.
        let room = room.saturating_sub(2).max(1);
        let cursor = list.cursor.unwrap_or(0);
        list.first = list.first.min(cursor);
        while rows[list.first..=cursor]
            .iter()
            .map(Vec::len)
            .sum::<usize>()
            > room
            && list.first < cursor
        {
            list.first += 1;
        }
        let mut shown = Vec::new();
        let mut used = 0;
        let mut end = list.first;
        while end < rows.len() && used + rows[end].len() <= room.max(rows[list.first].len()) {
            used += rows[end].len();
            shown.extend(rows[end].iter().cloned());
            end += 1;
        }
        let more =
            |id: &str, count: usize| format!("  {}", self.m.with(id, &[("count", count.into())]));
        let above = if list.first > 0 {
            more("more-above", list.first)
        } else {
            String::new()
        };
        let below = if end < rows.len() {
            more("more-below", rows.len() - end)
        } else {
            String::new()
        };
        let mut lines = vec![above];
        lines.extend(shown);
        lines.push(below);
        lines
    }
}

impl Drop for TerminalPrompter<'_> {
    fn drop(&mut self) {
        // The patient's own screen and cursor come back whatever happened.
        let _ = self.leave();
    }
}

/// `text` wrapped at word breaks to `width` columns, after `first` on the first line and
/// `rest` on the others. A word longer than a line is never broken: the terminal wraps it.
pub fn wrap(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let options = textwrap::Options::new(width.max(10))
        .initial_indent(first)
        .subsequent_indent(rest)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .break_words(false);
    textwrap::wrap(text, options)
        .into_iter()
        .map(String::from)
        .collect()
}

impl Prompter for TerminalPrompter<'_> {
    fn yes_no(&mut self, screen: &Screen, current: Option<bool>) -> Result<Reply<bool>, Stop> {
        let rows = [self.m.get("choice-yes"), self.m.get("choice-no")];
        let list = List {
            rows: &rows,
            ticks: None,
            cursor: current.map(|yes| usize::from(!yes)),
            first: 0,
        };
        let keys = self.keys_line("keys-yes-no", screen);
        // The first letters of the words for yes and no (Y and N, S and N in Spanish).
        let initial = |id: &str| self.m.get(id).chars().next().unwrap_or(' ');
        let (yes, no) = (initial("word-y"), initial("word-n"));
        self.list(screen, list, &keys, |list, key| match key {
            Key::Char(c) if c.to_lowercase().eq(yes.to_lowercase()) => {
                list.cursor = Some(0);
                None
            }
            Key::Char(c) if c.to_lowercase().eq(no.to_lowercase()) => {
                list.cursor = Some(1);
                None
            }
            Key::Enter => list.cursor.map(|at| Reply::Answer(at == 0)),
            // Anything else typed here was meant for another question: choose nothing.
            Key::Char(_) => {
                list.cursor = None;
                None
            }
            _ => None,
        })
    }

    fn one(
        &mut self,
        screen: &Screen,
        choices: &[String],
        current: Option<usize>,
    ) -> Result<Reply<usize>, Stop> {
        let list = List {
            rows: choices,
            ticks: None,
            cursor: Some(current.unwrap_or(0)),
            first: 0,
        };
        let keys = self.keys_line("keys-one", screen);
        self.list(screen, list, &keys, |list, key| match key {
            Key::Enter => list.cursor.map(Reply::Answer),
            _ => None,
        })
    }

    fn several(
        &mut self,
        screen: &Screen,
        choices: &[String],
        ticked: &[bool],
    ) -> Result<Reply<Vec<usize>>, Stop> {
        let list = List {
            rows: choices,
            ticks: Some(ticked.to_vec()),
            cursor: Some(0),
            first: 0,
        };
        let keys = self.keys_line("keys-several", screen);
        self.list(screen, list, &keys, |list, key| {
            let ticks = list.ticks.as_mut()?;
            match (key, list.cursor) {
                (Key::Char(' '), Some(at)) => {
                    ticks[at] = !ticks[at];
                    None
                }
                (Key::Enter, _) => Some(Reply::Answer(
                    (0..ticks.len()).filter(|&i| ticks[i]).collect(),
                )),
                _ => None,
            }
        })
    }

    fn text(
        &mut self,
        screen: &Screen,
        current: Option<&str>,
        check: Check,
    ) -> Result<Reply<String>, Stop> {
        self.forget_typed_ahead();
        let mut chars: Vec<char> = current.unwrap_or_default().chars().collect();
        let mut at = chars.len();
        let mut problem: Option<String> = None;
        let keys = self.keys_line("keys-text", screen);
        loop {
            let (width, _) = self.size();
            let header = self.header(screen, width);
            let (field, column) = field_line(&chars, at, width);
            let row = self.draw(&header, &[field], &keys, problem.as_deref(), width)?;
            self.term.show_cursor()?;
            self.term
                .write_str(&format!("\x1b[{};{}H", row + 1, column + 1))?;
            let Some(key) = self.key()? else { continue };
            match key {
                Key::Escape if screen.can_go_back => return Ok(Reply::Back),
                Key::Enter => {
                    let text: String = chars.iter().collect();
                    match check(&text) {
                        Ok(()) => return Ok(Reply::Answer(text)),
                        Err(why) => problem = Some(why),
                    }
                }
                Key::Char(c) if !c.is_control() => {
                    chars.insert(at, c);
                    at += 1;
                }
                Key::Backspace if at > 0 => {
                    at -= 1;
                    chars.remove(at);
                }
                Key::Del if at < chars.len() => {
                    chars.remove(at);
                }
                Key::ArrowLeft => at = at.saturating_sub(1),
                Key::ArrowRight => at = (at + 1).min(chars.len()),
                Key::Home => at = 0,
                Key::End => at = chars.len(),
                // Ctrl-U: clear the line.
                Key::Char('\u{15}') => {
                    chars.clear();
                    at = 0;
                }
                _ => {}
            }
        }
    }

    fn read(&mut self, screen: &Screen) -> Result<Reply<()>, Stop> {
        let rows = [self.m.get("choice-go-on")];
        let list = List {
            rows: &rows,
            ticks: None,
            cursor: Some(0),
            first: 0,
        };
        let keys = self.keys_line("keys-read", screen);
        self.list(screen, list, &keys, |_, key| {
            (key == Key::Enter).then_some(Reply::Answer(()))
        })
    }

    fn say(&mut self, lines: &[(Tone, String)]) -> Result<(), Stop> {
        self.leave()?;
        let (width, _) = self.size();
        let screen = Screen {
            lines: lines.to_vec(),
            ..Screen::default()
        };
        for line in self.header(&screen, width) {
            self.term.write_line(&line)?;
        }
        Ok(())
    }
}

/// A plain yes or no on the terminal, outside the walk (before deleting files): nothing but
/// "y" or "n" followed by Enter answers, and the answer is no unless it is yes.
pub fn confirm(question: &str) -> std::io::Result<bool> {
    dialoguer::Confirm::new()
        .with_prompt(question)
        .default(false)
        .wait_for_newline(true)
        .interact_on(&Term::stderr())
        .map_err(|dialoguer::Error::IO(e)| e)
}

/// The text field: "> " and what is typed, scrolled so the cursor is in view, and the
/// column the cursor is on.
fn field_line(chars: &[char], at: usize, width: usize) -> (String, usize) {
    let room = width.saturating_sub(3).max(5);
    let mut start = 0;
    let wide = |from: usize, to: usize| -> usize {
        chars[from..to]
            .iter()
            .map(|c| measure_text_width(&c.to_string()))
            .sum()
    };
    while wide(start, at) >= room {
        start += 1;
    }
    let mut end = at;
    while end < chars.len() && wide(start, end + 1) < room {
        end += 1;
    }
    let shown: String = chars[start..end].iter().collect();
    (format!("> {shown}"), 2 + wide(start, at))
}
