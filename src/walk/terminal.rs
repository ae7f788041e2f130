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

use console::{Key, Style, Term};

use std::ops::Range;

use super::understand;
use super::{Check, Found, Picked, Picker, Prompter, Reply, Screen, Stop, Tone};
use crate::i18n::Messages;
use crate::signals::{Signals, Woke};
use crate::text::display_width;

/// The fewest lines the part of a screen that pages shows, however small the terminal.
const MIN_ROOM: usize = 3;

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
    /// Which rows are ticked, for a list with ticks: "[x] " or "[ ] " before each row, and
    /// "[+] " before the rows past them (what typing could add).
    ticks: Option<Vec<bool>>,
    /// The row marked `>`: none until the patient chooses one on a one-choice list.
    cursor: Option<usize>,
}

/// What a key does on a list.
enum Act<T> {
    Stay,
    /// Tell the patient something (what to do first), and stay.
    Say(String),
    Done(Reply<T>),
}

/// What a screen shows below its pinned top: lines that page, and the lines to keep in
/// view (the current row, the text field).
struct Body {
    lines: Vec<String>,
    focus: Option<Range<usize>>,
}

/// A screen's own lines, wrapped: what stays at the top, what pages above the body, and what
/// ends the screen below it.
struct Header {
    top: Vec<String>,
    rest: Vec<String>,
    end: Vec<String>,
}

/// A frame laid out to the terminal's height.
struct Laid {
    lines: Vec<String>,
    /// The frame row that shows the first line of the body shown.
    first_row: usize,
    /// Which lines of the body are shown.
    shown: Range<usize>,
}

/// What a drawn screen showed: the frame row of its body's first line (when in view), and
/// whether lines below are out of view.
struct Drawn {
    body_row: Option<usize>,
    more_below: bool,
}

/// The lines of a screen of `height` rows: `top` always (the progress line and the
/// medication statement), then as much of `body` as fits from `scroll`, with `focus` kept in
/// view and the lines out of view counted (`more`), then `bottom` (what went wrong, and the
/// keys). `scroll` is where the body starts, kept from one drawing to the next.
fn lay_out(
    top: &[String],
    body: &Body,
    bottom: &[String],
    height: usize,
    scroll: &mut usize,
    more: impl Fn(&str, usize) -> String,
) -> Laid {
    let gap = usize::from(!top.is_empty());
    let room = height
        .saturating_sub(top.len() + gap + bottom.len() + 1)
        .max(MIN_ROOM);
    let total = body.lines.len();
    let mut lines: Vec<String> = top.to_vec();
    let (shown, first_row) = if total <= room {
        *scroll = 0;
        lines.extend(std::iter::repeat_n(String::new(), gap));
        let first_row = lines.len();
        lines.extend(body.lines.iter().cloned());
        (0..total, first_row)
    } else {
        // One line above and one below say how much is out of view; the one above stands
        // where the gap under the top would be.
        let fits = (room + gap).saturating_sub(2).max(1);
        let mut start = (*scroll).min(total - fits);
        if let Some(focus) = &body.focus {
            if focus.end > start + fits {
                start = focus.end.saturating_sub(fits);
            }
            start = start.min(focus.start);
            // Near the top, the question above the rows comes into view with them.
            if focus.end <= fits {
                start = 0;
            }
        }
        *scroll = start;
        let end = (start + fits).min(total);
        lines.push(if start > 0 {
            more("more-above", start)
        } else {
            String::new()
        });
        let first_row = lines.len();
        lines.extend(body.lines[start..end].iter().cloned());
        lines.push(if end < total {
            more("more-below", total - end)
        } else {
            String::new()
        });
        (start..end, first_row)
    };
    lines.push(String::new());
    lines.extend(bottom.iter().cloned());
    Laid {
        lines,
        first_row,
        shown,
    }
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
    /// for the screen to be drawn again (`None`). The wait is on the terminal and on the
    /// signals at once, so a signal that came while an answer was saved or the screen drawn
    /// ends the walk at once instead of waiting for a key that may never come.
    fn key(&self) -> Result<Option<Key>, Stop> {
        let fd = std::io::stdin().as_raw_fd();
        // Raw while waiting, as while reading: a key is there to read without Enter.
        let _raw = RawMode::enter(fd);
        match self.signals.wait_for_input(fd, true) {
            Err(signal) => return Err(Stop::signalled(signal)),
            Ok(Woke::Resized) => return Ok(None),
            Ok(Woke::Input) => {}
        }
        match self.term.read_key_raw() {
            // Ctrl-C, or a signal that interrupted the read.
            Ok(Key::CtrlC) => {
                if self.signals.take_resized() {
                    return Ok(None);
                }
                Err(self
                    .signals
                    .stop()
                    .map_or(Stop::Interrupted, Stop::signalled))
            }
            Ok(key) => Ok(Some(key)),
            Err(error) => Err(Stop::from(error)),
        }
    }

    /// The lines of a screen wrapped to `width`: those that stay at the top (the progress
    /// line and the medication statement), the others, and those that end the screen. Where
    /// the whole statement would take a quarter or more of a short terminal's `height`, only
    /// its first sentence ("Only your doctor can change your medicines.") stays at the top,
    /// and the rest of it ends the screen, so the question keeps its room above the rows.
    fn header(&self, screen: &Screen, width: usize, height: usize) -> Header {
        let (mut top, mut rest, mut statement_rest) = (Vec::new(), Vec::new(), Vec::new());
        for (tone, text) in screen.text() {
            let (first, later) = match tone {
                Tone::Important => ("! ", "  "),
                Tone::Bullet => ("- ", "  "),
                _ => ("", ""),
            };
            let style = self.style(tone);
            let styled = |text: &str, first: &str| -> Vec<String> {
                wrap(text, width, first, later)
                    .into_iter()
                    .map(|l| style.apply_to(l).to_string())
                    .collect()
            };
            match tone {
                Tone::Progress => top.extend(styled(text, first)),
                Tone::Important => {
                    let whole = styled(text, first);
                    match first_sentence(text) {
                        Some((opening, remainder)) if top.len() + whole.len() >= height / 4 => {
                            top.extend(styled(opening, first));
                            statement_rest = styled(remainder, later);
                        }
                        _ => top.extend(whole),
                    }
                }
                _ => {
                    if tone == Tone::Question && !rest.is_empty() {
                        rest.push(String::new());
                    }
                    rest.extend(styled(text, first));
                }
            }
        }
        if let Some(current) = &screen.current {
            let now = self
                .m
                .with("your-answer-now", &[("answer", current.as_str().into())]);
            rest.extend(wrap(&now, width, "", "  "));
        }
        Header {
            top,
            rest,
            end: statement_rest,
        }
    }

    /// Draw a whole screen: its pinned top, the rest of its header and `body` paged to the
    /// terminal, then what went wrong, if anything, and the keys.
    fn draw(
        &mut self,
        screen: &Screen,
        body: Body,
        keys: &str,
        problem: Option<&str>,
        scroll: &mut usize,
    ) -> Result<Drawn, Stop> {
        let (width, height) = self.size();
        let Header {
            top,
            rest: mut lines,
            end,
        } = self.header(screen, width, height);
        // A list keeps its rows right under its question, the statement's end after them; a
        // screen to read keeps its one row ("OK, go on") last.
        let (before, after) = if body.focus.is_some() {
            (Vec::new(), end)
        } else {
            (end, Vec::new())
        };
        if !before.is_empty() {
            if !lines.is_empty() {
                lines.push(String::new());
            }
            lines.extend(before);
        }
        if !lines.is_empty() {
            lines.push(String::new());
        }
        let offset = lines.len();
        lines.extend(body.lines);
        if !after.is_empty() {
            lines.push(String::new());
            lines.extend(after);
        }
        let body = Body {
            lines,
            focus: body.focus.map(|f| f.start + offset..f.end + offset),
        };
        let mut bottom = Vec::new();
        if let Some(problem) = problem {
            let style = self.style(Tone::Important);
            let sorry = self.m.with("sorry", &[("problem", problem.into())]);
            bottom.extend(
                wrap(&sorry, width, "! ", "  ")
                    .into_iter()
                    .map(|l| style.apply_to(l).to_string()),
            );
        }
        let keys_style = self.style(Tone::Progress);
        bottom.extend(
            wrap(keys, width, "", "")
                .into_iter()
                .map(|l| keys_style.apply_to(l).to_string()),
        );
        let more = |id: &str, count: usize| {
            let text = format!("  {}", self.m.with(id, &[("count", count.into())]));
            self.style(Tone::Progress).apply_to(text).to_string()
        };
        let laid = lay_out(&top, &body, &bottom, height, scroll, more);
        let mut frame = String::new();
        if !self.drawing {
            // The alternate screen: the patient's own terminal comes back when the walk ends.
            frame.push_str("\x1b[?1049h");
            self.drawing = true;
        }
        frame.push_str("\x1b[H");
        frame.push_str(&laid.lines.join("\x1b[K\r\n"));
        frame.push_str("\x1b[K\x1b[J");
        self.term.write_str(&frame)?;
        Ok(Drawn {
            body_row: laid
                .shown
                .contains(&offset)
                .then(|| laid.first_row + offset - laid.shown.start),
            more_below: laid.shown.end < body.lines.len(),
        })
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

    /// The rows of a list as lines, and the lines of its cursor's row.
    fn list_body(&self, list: &List, width: usize) -> Body {
        let mut lines = Vec::new();
        let mut focus = None;
        for (i, row) in list.rows.iter().enumerate() {
            let here = list.cursor == Some(i);
            let pointer = if here { "> " } else { "  " };
            // Rows past the ticks offer to add a medicine.
            let tick = match &list.ticks {
                Some(ticks) if i >= ticks.len() => "[+] ",
                Some(ticks) if ticks[i] => "[x] ",
                Some(_) => "[ ] ",
                None => "",
            };
            let first = format!("{pointer}{tick}");
            let rest = " ".repeat(display_width(&first));
            let style = Style::new().for_stderr().force_styling(self.colors);
            let style = if here { style.bold().cyan() } else { style };
            let start = lines.len();
            lines.extend(
                wrap(row, width, &first, &rest)
                    .into_iter()
                    .map(|l| style.apply_to(l).to_string()),
            );
            if here {
                focus = Some(start..lines.len());
            }
        }
        Body { lines, focus }
    }

    /// What a medicine list shows: every row, or, with letters typed, the rows they find
    /// and what they could add (after a line saying what was typed). The cursor is kept on
    /// what is shown.
    fn medicine_view(
        &self,
        picker: &dyn Picker,
        typed: &str,
        cursor: &mut Option<usize>,
        width: usize,
    ) -> (Found, Body) {
        let rows = picker.rows();
        let found = if typed.is_empty() {
            Found {
                rows: (0..rows.len()).collect(),
                offers: Vec::new(),
            }
        } else {
            picker.find(typed)
        };
        let count = found.rows.len() + found.offers.len();
        *cursor = cursor.filter(|&at| at < count).or((count > 0).then_some(0));
        let mut lines = Vec::new();
        if !typed.is_empty() {
            let line = self.m.with("list-typed", &[("typed", typed.into())]);
            lines.extend(wrap(&line, width, "", "  "));
        }
        let labels: Vec<String> = found
            .rows
            .iter()
            .map(|&row| rows[row].0.clone())
            .chain(found.offers.iter().cloned())
            .collect();
        let list = List {
            rows: &labels,
            ticks: Some(found.rows.iter().map(|&row| rows[row].1).collect()),
            cursor: *cursor,
        };
        let shown = self.list_body(&list, width);
        let start = lines.len();
        lines.extend(shown.lines);
        let focus = shown.focus.map(|f| f.start + start..f.end + start);
        (found, Body { lines, focus })
    }

    /// Show a list and move through it until a key decides: `act` says what each key does.
    fn list<T>(
        &mut self,
        screen: &Screen,
        mut list: List,
        keys: &str,
        mut act: impl FnMut(&mut List, Key) -> Act<T>,
    ) -> Result<Reply<T>, Stop> {
        self.forget_typed_ahead();
        self.term.hide_cursor()?;
        let mut scroll = 0;
        let mut problem: Option<String> = None;
        loop {
            let (width, _) = self.size();
            let body = self.list_body(&list, width);
            self.draw(screen, body, keys, problem.as_deref(), &mut scroll)?;
            let Some(key) = self.key()? else { continue };
            problem = None;
            match key {
                Key::Escape if screen.can_go_back => return Ok(Reply::Back),
                Key::ArrowUp | Key::ArrowDown | Key::Home | Key::End => {
                    list.cursor = moved(list.cursor, &key, list.rows.len());
                }
                key => match act(&mut list, key) {
                    Act::Stay => {}
                    Act::Say(what) => problem = Some(what),
                    Act::Done(reply) => {
                        self.term.show_cursor()?;
                        return Ok(reply);
                    }
                },
            }
        }
    }
}

/// Where a cursor goes on a list of `count` rows: from no row, down goes to the first and up
/// to the last.
fn moved(cursor: Option<usize>, key: &Key, count: usize) -> Option<usize> {
    let last = count.checked_sub(1)?;
    Some(match (key, cursor) {
        (Key::Home, _) => 0,
        (Key::End, _) | (Key::ArrowUp, None) => last,
        (Key::ArrowUp, Some(at)) => at.saturating_sub(1),
        (_, None) => 0,
        (_, Some(at)) => (at + 1).min(last),
    })
}

/// The terminal in raw mode (as `console` puts it to read a key: no echo, no line editing,
/// no signal keys, output as it was) for as long as this lives; then as it was.
struct RawMode {
    fd: std::os::fd::RawFd,
    before: Option<libc::termios>,
}

impl RawMode {
    fn enter(fd: std::os::fd::RawFd) -> RawMode {
        let mut termios = std::mem::MaybeUninit::<libc::termios>::uninit();
        // SAFETY: tcgetattr fills the termios it is given when it returns 0, and only then
        // is it read; tcsetattr reads a termios we own.
        let before = unsafe {
            if libc::tcgetattr(fd, termios.as_mut_ptr()) != 0 {
                None
            } else {
                let before = termios.assume_init();
                let mut raw = before;
                libc::cfmakeraw(&mut raw);
                raw.c_oflag = before.c_oflag;
                libc::tcsetattr(fd, libc::TCSADRAIN, &raw);
                Some(before)
            }
        };
        RawMode { fd, before }
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        if let Some(before) = &self.before {
            // SAFETY: tcsetattr reads the termios saved when raw mode was entered.
            unsafe {
                libc::tcsetattr(self.fd, libc::TCSADRAIN, before);
            }
        }
    }
}

impl Drop for TerminalPrompter<'_> {
    fn drop(&mut self) {
        // The patient's own screen and cursor come back whatever happened.
        let _ = self.leave();
    }
}

/// `text` wrapped at word breaks to `width` columns (10 at least), after `first` on the
/// first line and `rest` on the others. A word longer than a line (a folder's path) is cut
/// at the line's end, not left for the terminal to wrap: every line drawn must be one row,
/// or the screen scrolls off its top.
pub fn wrap(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    crate::text::wrap(text, width.max(10), first, rest)
}

impl Prompter for TerminalPrompter<'_> {
    fn yes_no(&mut self, screen: &Screen, current: Option<bool>) -> Result<Reply<bool>, Stop> {
        let rows = [self.m.get("choice-yes"), self.m.get("choice-no")];
        let list = List {
            rows: &rows,
            ticks: None,
            cursor: current.map(|yes| usize::from(!yes)),
        };
        let keys = self.keys_line("keys-yes-no", screen);
        let m = self.m;
        self.list(screen, list, &keys, |list, key| match key {
            Key::Char(c) => {
                // Y and N (S and N in Spanish) choose; anything else typed here was meant
                // for another question: it chooses nothing.
                list.cursor = understand::yes_no_key(m, c).map(|yes| usize::from(!yes));
                Act::Stay
            }
            Key::Enter => match list.cursor {
                Some(at) => Act::Done(Reply::Answer(at == 0)),
                None => Act::Say(m.get("choose-yes-no")),
            },
            _ => Act::Stay,
        })
    }

    fn one(
        &mut self,
        screen: &Screen,
        choices: &[String],
        current: Option<usize>,
    ) -> Result<Reply<usize>, Stop> {
        // No row is chosen before the patient chooses one: an Enter out of habit answers
        // nothing.
        let list = List {
            rows: choices,
            ticks: None,
            cursor: current,
        };
        let keys = self.keys_line("keys-one", screen);
        let m = self.m;
        self.list(screen, list, &keys, |list, key| match key {
            Key::Char(c) => {
                let row = understand::yes_no_key(m, c)
                    .and_then(|yes| understand::yes_no_choice(m, choices, yes));
                if row.is_some() {
                    list.cursor = row;
                }
                Act::Stay
            }
            Key::Enter => match list.cursor {
                Some(at) => Act::Done(Reply::Answer(at)),
                None => Act::Say(m.get("choose-one")),
            },
            _ => Act::Stay,
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
        };
        let keys = self.keys_line("keys-several", screen);
        self.list(screen, list, &keys, |list, key| {
            let (Some(ticks), Some(at)) = (list.ticks.as_mut(), list.cursor) else {
                return Act::Stay;
            };
            match key {
                Key::Char(' ') => {
                    ticks[at] = !ticks[at];
                    Act::Stay
                }
                Key::Enter => Act::Done(Reply::Answer(
                    (0..ticks.len()).filter(|&i| ticks[i]).collect(),
                )),
                _ => Act::Stay,
            }
        })
    }

    fn medicines(
        &mut self,
        screen: &Screen,
        picker: &mut dyn Picker,
    ) -> Result<Reply<Picked>, Stop> {
        self.forget_typed_ahead();
        self.term.hide_cursor()?;
        let mut typed = String::new();
        let mut cursor: Option<usize> = Some(0);
        let mut scroll = 0;
        let mut problem: Option<String> = None;
        loop {
            let (width, _) = self.size();
            let (found, body) = self.medicine_view(picker, &typed, &mut cursor, width);
            let count = found.rows.len() + found.offers.len();
            let keys = if typed.is_empty() {
                self.keys_line("keys-medicines", screen)
            } else {
                self.m.get("keys-medicines-typing")
            };
            self.draw(screen, body, &keys, problem.as_deref(), &mut scroll)?;
            let Some(key) = self.key()? else { continue };
            problem = None;
            let chosen = cursor.map(|at| match found.rows.get(at) {
                Some(&row) => Ok(row),
                None => Err(at - found.rows.len()),
            });
            match key {
                Key::Escape if !typed.is_empty() => {
                    typed.clear();
                    cursor = chosen.and_then(Result::ok);
                }
                Key::Escape if screen.can_go_back => return Ok(Reply::Back),
                Key::ArrowUp | Key::ArrowDown | Key::Home | Key::End => {
                    cursor = moved(cursor, &key, count);
                }
                Key::Enter if typed.is_empty() => {
                    self.term.show_cursor()?;
                    return Ok(Reply::Answer(Picked::Done));
                }
                Key::Enter => {
                    let done = match chosen {
                        Some(Ok(row)) => picker.tick(row)?.map_or(Ok(row), Err),
                        Some(Err(offer)) => picker.add(&typed, offer)?,
                        None => continue,
                    };
                    match done {
                        // Back to the whole list, on the row just ticked.
                        Ok(row) => {
                            typed.clear();
                            cursor = Some(row);
                        }
                        Err(why) => problem = Some(why),
                    }
                }
                Key::Char(' ') if typed.is_empty() => {
                    if let Some(Ok(row)) = chosen {
                        problem = picker.toggle(row)?;
                    }
                }
                Key::Char(c) if !c.is_control() => {
                    typed.push(c);
                    cursor = Some(0);
                }
                Key::Backspace => {
                    typed.pop();
                    cursor = Some(0);
                }
                _ => {}
            }
        }
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
        let mut scroll = 0;
        let keys = self.keys_line("keys-text", screen);
        loop {
            let (width, _) = self.size();
            let (field, column) = field_line(&chars, at, width);
            let body = Body {
                lines: vec![field],
                focus: Some(0..1),
            };
            let drawn = self.draw(screen, body, &keys, problem.as_deref(), &mut scroll)?;
            self.term.show_cursor()?;
            if let Some(row) = drawn.body_row {
                self.term
                    .write_str(&format!("\x1b[{};{}H", row + 1, column + 1))?;
            }
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
        self.forget_typed_ahead();
        self.term.hide_cursor()?;
        let rows = [self.m.get("choice-go-on")];
        let list = List {
            rows: &rows,
            ticks: None,
            cursor: Some(0),
        };
        let mut scroll = 0;
        let mut more_below = false;
        loop {
            // A screen longer than the terminal is read page by page: Enter reads on, and
            // goes on only once the end is in view.
            let (width, height) = self.size();
            // Both lines of keys take the room of the longer, so that changing one for the
            // other never changes what fits.
            let [read_on, done] = ["keys-read-on", "keys-read"].map(|k| self.keys_line(k, screen));
            let room = |keys: &str| wrap(keys, width, "", "").len();
            let tallest = room(&read_on).max(room(&done));
            let keys = if more_below { read_on } else { done };
            let keys = format!("{keys}{}", "\n".repeat(tallest - room(&keys)));
            let mut body = self.list_body(&list, width);
            body.focus = None;
            let drawn = self.draw(screen, body, &keys, None, &mut scroll)?;
            if drawn.more_below != more_below {
                more_below = drawn.more_below;
                continue;
            }
            let Some(key) = self.key()? else { continue };
            let page = height / 2;
            match key {
                Key::Escape if screen.can_go_back => return Ok(Reply::Back),
                Key::Enter if !more_below => {
                    self.term.show_cursor()?;
                    return Ok(Reply::Answer(()));
                }
                Key::Enter | Key::PageDown | Key::Char(' ') => scroll += page,
                Key::ArrowDown => scroll += 1,
                Key::ArrowUp => scroll = scroll.saturating_sub(1),
                Key::PageUp => scroll = scroll.saturating_sub(page),
                Key::Home => scroll = 0,
                _ => {}
            }
        }
    }

    fn say(&mut self, lines: &[(Tone, String)]) -> Result<(), Stop> {
        self.leave()?;
        let (width, height) = self.size();
        let screen = Screen {
            lines: lines.to_vec(),
            ..Screen::default()
        };
        let Header { top, rest, end } = self.header(&screen, width, height);
        for line in top.iter().chain(&rest).chain(&end) {
            self.term.write_line(line)?;
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

/// A text's first sentence and the rest, when it has more than one: "Only your doctor can
/// change your medicines." and "Do not stop…".
fn first_sentence(text: &str) -> Option<(&str, &str)> {
    let end = text.find(". ")?;
    Some((&text[..=end], text[end + 2..].trim_start()))
}

/// The text field: "> " and what is typed, scrolled so the cursor is in view, and the
/// column the cursor is on.
fn field_line(chars: &[char], at: usize, width: usize) -> (String, usize) {
    let room = width.saturating_sub(3).max(5);
    let mut start = 0;
    let wide = |from: usize, to: usize| -> usize {
        chars[from..to]
            .iter()
            .map(|c| display_width(&c.to_string()))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(prefix: &str, count: usize) -> Vec<String> {
        (0..count).map(|n| format!("{prefix}{n}")).collect()
    }

    fn more(id: &str, count: usize) -> String {
        format!("({id} {count})")
    }

    #[test]
    fn a_screen_that_fits_is_shown_whole() {
        let body = Body {
            lines: lines("b", 3),
            focus: Some(1..2),
        };
        let mut scroll = 5;
        let laid = lay_out(&lines("t", 2), &body, &lines("k", 1), 20, &mut scroll, more);
        assert_eq!(laid.lines, ["t0", "t1", "", "b0", "b1", "b2", "", "k0"]);
        assert_eq!((laid.first_row, laid.shown, scroll), (3, 0..3, 0));
    }

    /// The top stays, the body pages around its focus, and what is out of view is counted.
    #[test]
    fn a_long_screen_keeps_its_top_and_pages_the_rest() {
        let top = lines("t", 4);
        let bottom = lines("k", 2);
        let body = |focus: usize| Body {
            lines: lines("b", 30),
            focus: Some(focus..focus + 1),
        };
        let mut scroll = 0;
        // 20 rows: 4 on top, a gap and 2 keys leave 13; 2 say what is out of view, the one
        // above right under the top.
        let laid = lay_out(&top, &body(20), &bottom, 20, &mut scroll, more);
        assert_eq!(laid.lines.len(), 20);
        assert_eq!(laid.lines[..4], top[..]);
        assert_eq!(laid.shown, 10..21);
        assert_eq!(laid.lines[4], "(more-above 10)");
        assert_eq!((laid.first_row, laid.lines[5].as_str()), (5, "b10"));
        assert_eq!(laid.lines[16], "(more-below 9)");
        assert_eq!(laid.lines[17..], ["", "k0", "k1"]);
        // Moving up within the view keeps it; near the top, the view goes to the top.
        let laid = lay_out(&top, &body(12), &bottom, 20, &mut scroll, more);
        assert_eq!(laid.shown, 10..21);
        let laid = lay_out(&top, &body(3), &bottom, 20, &mut scroll, more);
        assert_eq!(laid.shown, 0..11);
        assert_eq!(laid.lines[4], "", "nothing above");
    }

    #[test]
    fn a_screen_without_focus_pages_where_it_is_scrolled() {
        let body = Body {
            lines: lines("b", 30),
            focus: None,
        };
        let mut scroll = 100;
        let laid = lay_out(&[], &body, &lines("k", 1), 12, &mut scroll, more);
        assert_eq!(laid.shown, 22..30, "no further than the end");
        assert_eq!(scroll, 22);
        assert_eq!(laid.lines.last().map(String::as_str), Some("k0"));
    }

    #[test]
    fn a_statement_is_split_after_its_first_sentence() {
        assert_eq!(
            first_sentence("Only your doctor can change your medicines. Do not stop any."),
            Some((
                "Only your doctor can change your medicines.",
                "Do not stop any."
            ))
        );
        assert_eq!(first_sentence("One sentence only."), None);
    }

    #[test]
    fn a_word_longer_than_a_line_is_cut_so_each_line_is_one_row() {
        let path = "/home/ann/.local/share/prepcheck/answers/intrathecal-pump.yaml";
        let lines = wrap(&format!("Saved in {path}."), 40, "", "");
        assert!(lines.iter().all(|l| l.chars().count() <= 40), "{lines:?}");
        assert_eq!(lines.concat().replace(' ', ""), format!("Savedin{path}."));
    }

    #[test]
    fn a_line_break_in_keys_is_a_line_of_its_own() {
        assert_eq!(wrap("Enter: go on.\n", 40, "", ""), ["Enter: go on.", ""]);
    }

    #[test]
    fn the_cursor_moves_within_the_list() {
        assert_eq!(moved(None, &Key::ArrowDown, 3), Some(0));
        assert_eq!(moved(None, &Key::ArrowUp, 3), Some(2));
        assert_eq!(moved(Some(2), &Key::ArrowDown, 3), Some(2));
        assert_eq!(moved(Some(1), &Key::Home, 3), Some(0));
        assert_eq!(moved(Some(1), &Key::ArrowDown, 0), None);
    }
}
