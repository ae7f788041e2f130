//! The walk for screen readers (and for `TERM=dumb`): every screen printed once as plain
//! lines, choices numbered, answers typed and confirmed with Enter. No colour, no cursor
//! movement, no redraws. It reads lines from any `Read`, so a pipe can drive a walk.
//!
//! Lines are split here, not by a buffered reader: every line already received (pasted, or
//! piped in one write) is answered before the walk waits for more, and a line that is not
//! UTF-8 is refused kindly. What the patient typed is cleaned of control characters before
//! anything of it is printed back.

use std::io::{Read, Write};
use std::os::fd::RawFd;

use super::understand::{self, NotAChoice, is_word};
use super::{Check, Picked, Picker, Prompter, Reply, Screen, Stop, Tone};
use crate::i18n::Messages;
use crate::signals::Signals;
use crate::text::clean;

/// The longest line kept whole: past it, what came is taken as one (too long) answer.
const MAX_LINE_BYTES: usize = 64 * 1024;

pub struct LinePrompter<'s, R, W> {
    /// The words of the prompts, and the words the patient may type, in their language.
    m: &'s Messages,
    input: R,
    /// The input's descriptor, to wait on it and on signals at once.
    input_fd: Option<RawFd>,
    /// Bytes received and not yet answered.
    pending: Vec<u8>,
    /// The input has ended.
    ended: bool,
    out: W,
    signals: Option<&'s Signals>,
}

/// What the patient typed: an answer to parse, or one of the words every screen knows.
enum Typed {
    Line(String),
    Back,
}

impl<'s, R: Read, W: Write> LinePrompter<'s, R, W> {
    pub fn new(
        input: R,
        input_fd: Option<RawFd>,
        out: W,
        signals: Option<&'s Signals>,
        m: &'s Messages,
    ) -> Self {
        LinePrompter {
            m,
            input,
            input_fd,
            pending: Vec::new(),
            ended: false,
            out,
            signals,
        }
    }

    fn line(&mut self, text: &str) -> Result<(), Stop> {
        writeln!(self.out, "{text}")?;
        Ok(())
    }

    /// The screen, each line once, and how to answer.
    fn show(&mut self, screen: &Screen, choices: &[String], how: &str) -> Result<(), Stop> {
        self.line("")?;
        for (tone, text) in screen.text() {
            self.line(&self.spoken(tone, text))?;
        }
        if let Some(current) = &screen.current {
            let now = self
                .m
                .with("your-answer-now", &[("answer", current.as_str().into())]);
            self.line(&format!("{now}."))?;
        }
        for (n, choice) in choices.iter().enumerate() {
            self.line(&format!("{}. {choice}", n + 1))?;
        }
        self.keys(screen, how)
    }

    /// A line as it is printed: what matters most says so in words, a list's lines start
    /// with a dash.
    fn spoken(&self, tone: Tone, text: &str) -> String {
        match tone {
            Tone::Important => self.m.with("lines-important", &[("text", text.into())]),
            Tone::Bullet => format!("- {text}"),
            _ => text.to_string(),
        }
    }

    fn keys(&mut self, screen: &Screen, how: &str) -> Result<(), Stop> {
        let back = if screen.can_go_back {
            self.m.get("lines-back")
        } else {
            self.m.get("lines-help")
        };
        self.line(&format!("{how} {back}"))
    }

    /// The next line received, waiting only when none is left; `None` for a line that is
    /// not UTF-8.
    fn next_line(&mut self) -> Result<Option<String>, Stop> {
        loop {
            let end = self.pending.iter().position(|&b| b == b'\n');
            let whole = end.map(|at| at + 1).or_else(|| {
                let rest = self.ended || self.pending.len() >= MAX_LINE_BYTES;
                (rest && !self.pending.is_empty()).then_some(self.pending.len())
            });
            if let Some(length) = whole {
                let bytes: Vec<u8> = self.pending.drain(..length).collect();
                return Ok(String::from_utf8(bytes).ok().map(|line| clean(line.trim())));
            }
            if self.ended {
                return Err(Stop::Closed);
            }
            if let (Some(signals), Some(fd)) = (self.signals, self.input_fd) {
                signals.wait_for_input(fd, false).map_err(Stop::signalled)?;
            }
            // Larger than standard input's own buffer, so it keeps nothing back from us.
            let mut chunk = [0u8; 16 * 1024];
            match self.input.read(&mut chunk)? {
                0 => self.ended = true,
                n => self.pending.extend_from_slice(&chunk[..n]),
            }
        }
    }

    /// Read one typed line; "help" shows the screen again, "back" goes back.
    fn read_line(&mut self, screen: &Screen, choices: &[String], how: &str) -> Result<Typed, Stop> {
        loop {
            write!(self.out, "> ")?;
            self.out.flush()?;
            let Some(line) = self.next_line()? else {
                self.line(&self.m.get("lines-not-readable"))?;
                continue;
            };
            if is_word(self.m, &line, "word-help") {
                self.show(screen, choices, how)?;
            } else if screen.can_go_back && is_word(self.m, &line, "word-back") {
                return Ok(Typed::Back);
            } else {
                return Ok(Typed::Line(line));
            }
        }
    }

    /// Ask until `parse` takes what is typed; Enter alone keeps `keep`, when there is one.
    fn ask<T: Clone>(
        &mut self,
        screen: &Screen,
        choices: &[String],
        how: &str,
        keep: Option<T>,
        parse: impl Fn(&str) -> Result<T, String>,
    ) -> Result<Reply<T>, Stop> {
        self.show(screen, choices, how)?;
        loop {
            let Typed::Line(line) = self.read_line(screen, choices, how)? else {
                return Ok(Reply::Back);
            };
            if line.is_empty()
                && let Some(kept) = &keep
            {
                return Ok(Reply::Answer(kept.clone()));
            }
            match parse(&line) {
                Ok(value) => return Ok(Reply::Answer(value)),
                Err(why) => self.sorry(why)?,
            }
        }
    }

    fn sorry(&mut self, why: String) -> Result<(), Stop> {
        self.line(&self.m.with("sorry", &[("problem", why.into())]))
    }
}

/// What to tell the patient when a line is not one of `count` choices.
fn not_a_choice(m: &Messages, problem: NotAChoice, count: usize) -> String {
    let count = ("count", count.into());
    match problem {
        NotAChoice::Empty => m.with("lines-type-number", &[count]),
        NotAChoice::Unknown(word) => m.with("lines-not-a-choice", &[("word", word.into()), count]),
        NotAChoice::OnlyOne => m.with("lines-only-one", &[count]),
    }
}

impl<R: Read, W: Write> Prompter for LinePrompter<'_, R, W> {
    fn yes_no(&mut self, screen: &Screen, current: Option<bool>) -> Result<Reply<bool>, Stop> {
        let how = self.m.get("lines-yes-no");
        let m = self.m;
        self.ask(screen, &[], &how, current, |line| {
            understand::yes_no(m, line).ok_or_else(|| m.get("lines-type-yes-no"))
        })
    }

    fn one(
        &mut self,
        screen: &Screen,
        choices: &[String],
        current: Option<usize>,
    ) -> Result<Reply<usize>, Stop> {
        let how = self.m.get("lines-one");
        let m = self.m;
        self.ask(screen, choices, &how, current, |line| {
            understand::choice(m, line, choices).map_err(|p| not_a_choice(m, p, choices.len()))
        })
    }

    fn several(
        &mut self,
        screen: &Screen,
        choices: &[String],
        ticked: &[bool],
    ) -> Result<Reply<Vec<usize>>, Stop> {
        let marked = marked(self.m, choices.iter().cloned().zip(ticked.iter().copied()));
        let kept: Vec<usize> = (0..ticked.len()).filter(|&i| ticked[i]).collect();
        // Enter alone keeps what is ticked, as on the terminal: with nothing ticked, none.
        let how = if kept.is_empty() {
            self.m.get("lines-several-none")
        } else {
            self.m.get("lines-several-keep")
        };
        let (m, count) = (self.m, choices.len());
        self.ask(screen, &marked, &how, Some(kept), |line| {
            if is_word(m, line, "words-none") {
                return Ok(Vec::new());
            }
            understand::numbers(line, count, true).map_err(|p| not_a_choice(m, p, count))
        })
    }

    fn medicines(&mut self, screen: &Screen, list: &mut dyn Picker) -> Result<Reply<Picked>, Stop> {
        let rows = list.rows();
        let any_ticked = rows.iter().any(|(_, ticked)| *ticked);
        let marked = marked(self.m, rows);
        let how = if any_ticked {
            self.m.get("lines-medicines-keep")
        } else {
            self.m.get("lines-medicines")
        };
        self.show(screen, &marked, &how)?;
        loop {
            let Typed::Line(line) = self.read_line(screen, &marked, &how)? else {
                return Ok(Reply::Back);
            };
            if line.is_empty() {
                return Ok(Reply::Answer(Picked::Done));
            }
            match list.check(&line) {
                Ok(()) => return Ok(Reply::Answer(Picked::Line(line))),
                Err(why) => self.sorry(why)?,
            }
        }
    }

    fn text(
        &mut self,
        screen: &Screen,
        current: Option<&str>,
        check: Check,
    ) -> Result<Reply<String>, Stop> {
        let how = if current.is_some() {
            self.m.get("lines-text-keep")
        } else {
            self.m.get("lines-text")
        };
        let keep = current.map(str::to_string);
        self.ask(screen, &[], &how, keep, |line| {
            check(line).map(|()| line.to_string())
        })
    }

    fn read(&mut self, screen: &Screen) -> Result<Reply<()>, Stop> {
        let how = self.m.get("lines-read");
        self.ask(screen, &[], &how, Some(()), |_| Ok(()))
    }

    fn say(&mut self, lines: &[(Tone, String)]) -> Result<(), Stop> {
        self.line("")?;
        for (tone, text) in lines {
            self.line(&self.spoken(*tone, text))?;
        }
        Ok(())
    }
}

/// Rows as the list reads them: "Plavix (clopidogrel) (ticked)".
fn marked(m: &Messages, rows: impl IntoIterator<Item = (String, bool)>) -> Vec<String> {
    rows.into_iter()
        .map(|(row, ticked)| {
            if ticked {
                m.with("lines-ticked", &[("choice", row.as_str().into())])
            } else {
                row
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, english};

    fn screen() -> Screen {
        Screen::default().with(Tone::Question, "Which step?")
    }

    /// A line prompter reading `typed`, and what it printed.
    fn asked<T>(
        m: &Messages,
        typed: &[u8],
        ask: impl FnOnce(&mut LinePrompter<&[u8], &mut Vec<u8>>) -> Result<T, Stop>,
    ) -> (Result<T, Stop>, String) {
        let mut out = Vec::new();
        let result = {
            let mut lines = LinePrompter::new(typed, None, &mut out, None, m);
            ask(&mut lines)
        };
        (result, String::from_utf8(out).expect("UTF-8"))
    }

    #[test]
    fn a_line_that_is_not_utf8_is_asked_again() {
        let choices = ["The trial".to_string(), "The implant".to_string()];
        let (picked, said) = asked(english(), b"\xff\xfe\n2\n", |l| {
            l.one(&screen(), &choices, None)
        });
        assert_eq!(picked.ok(), Some(Reply::Answer(1)));
        assert!(said.contains("Sorry, I could not read that. Please type it again."));
    }

    #[test]
    fn what_was_typed_is_echoed_without_control_characters() {
        let choices = ["The trial".to_string(), "The implant".to_string()];
        let (picked, said) = asked(english(), b"\x1b[2J\x07maybe\r\n1", |l| {
            l.one(&screen(), &choices, None)
        });
        assert_eq!(
            picked.ok(),
            Some(Reply::Answer(0)),
            "the last line, without its end"
        );
        assert!(
            said.contains("Sorry: \"[2Jmaybe\" is not one of the choices."),
            "{said:?}"
        );
        assert!(
            !said.contains('\u{1b}') && !said.contains('\u{7}'),
            "{said:?}"
        );
    }

    #[test]
    fn si_chooses_si_and_the_input_ending_closes_the_walk() {
        let es = Messages::new(Lang::Es);
        let choices = ["Sí".to_string(), "No".to_string()];
        let (picked, _) = asked(&es, b"si\n", |l| l.one(&screen(), &choices, None));
        assert_eq!(picked.ok(), Some(Reply::Answer(0)));
        let (yes, _) = asked(&es, b"Si.\n", |l| l.yes_no(&screen(), None));
        assert_eq!(yes.ok(), Some(Reply::Answer(true)));
        let (ended, _) = asked(&es, b"", |l| l.yes_no(&screen(), None));
        assert!(matches!(ended, Err(Stop::Closed)));
    }
}
