//! The walk for screen readers (and for `TERM=dumb`): every screen printed once as plain
//! lines, choices numbered, answers typed and confirmed with Enter. No colour, no cursor
//! movement, no redraws. It reads lines from any `BufRead`, so a pipe can drive a walk.

use std::io::{BufRead, Write};
use std::os::fd::RawFd;

use super::{Check, Prompter, Reply, Screen, Stop, Tone};
use crate::i18n::{Lang, Messages};
use crate::signals::Signals;

pub struct LinePrompter<'s, R, W> {
    /// The words of the prompts, and the words the patient may type, in their language.
    m: &'s Messages,
    input: R,
    /// The input's descriptor, to wait on it and on signals at once.
    input_fd: Option<RawFd>,
    out: W,
    signals: Option<&'s Signals>,
}

/// What the patient typed: an answer to parse, or one of the words every screen knows.
enum Typed {
    Line(String),
    Back,
}

impl<'s, R: BufRead, W: Write> LinePrompter<'s, R, W> {
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
            let line = match tone {
                Tone::Important => self.m.with("lines-important", &[("text", text.into())]),
                Tone::Bullet => format!("- {text}"),
                _ => text.to_string(),
            };
            self.line(&line)?;
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

    fn keys(&mut self, screen: &Screen, how: &str) -> Result<(), Stop> {
        let back = if screen.can_go_back {
            self.m.get("lines-back")
        } else {
            self.m.get("lines-help")
        };
        self.line(&format!("{how} {back}"))
    }

    /// Read one typed line; "help" shows the screen again, "back" goes back.
    fn read_line(&mut self, screen: &Screen, choices: &[String], how: &str) -> Result<Typed, Stop> {
        loop {
            write!(self.out, "> ")?;
            self.out.flush()?;
            if let (Some(signals), Some(fd)) = (self.signals, self.input_fd) {
                signals.wait_for_input(fd).map_err(|signal| {
                    if signal == libc::SIGINT {
                        Stop::Interrupted
                    } else {
                        Stop::Signal(signal)
                    }
                })?;
            }
            let mut line = String::new();
            if self.input.read_line(&mut line)? == 0 {
                return Err(Stop::Closed);
            }
            let line = line.trim().to_string();
            if self.is_word(&line, "word-help") {
                self.show(screen, choices, how)?;
            } else if screen.can_go_back && self.is_word(&line, "word-back") {
                return Ok(Typed::Back);
            } else {
                return Ok(Typed::Line(line));
            }
        }
    }

    /// The words of `id` the patient may type: in their language and in English (a
    /// household may use both), without accents.
    fn words(&self, id: &str) -> Vec<String> {
        [self.m.get(id), Messages::new(Lang::En).get(id)]
            .iter()
            .map(|word| plain_letters(word))
            .collect()
    }

    /// Whether `typed` is one of the words of `id`, with or without its accents.
    fn is_word(&self, typed: &str, id: &str) -> bool {
        self.words(id).contains(&plain_letters(typed))
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
                Err(why) => self.line(&self.m.with("sorry", &[("problem", why.into())]))?,
            }
        }
    }
}

/// Lower case without accents: "Sí" and "si" are the same word.
fn plain_letters(word: &str) -> String {
    word.trim()
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'á' => 'a',
            'é' => 'e',
            'í' => 'i',
            'ó' => 'o',
            'ú' | 'ü' => 'u',
            c => c,
        })
        .collect()
}

/// Why a line is not numbers of choices.
enum NotNumbers {
    Empty,
    NotAChoice(String),
    OnlyOne,
}

/// The numbers typed for a list of `count` choices: "2", "1, 3", "1 3".
fn numbers(line: &str, count: usize, several: bool) -> Result<Vec<usize>, NotNumbers> {
    let mut picked = Vec::new();
    for word in line
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|w| !w.is_empty())
    {
        match word.parse::<usize>() {
            Ok(n) if (1..=count).contains(&n) => {
                if !picked.contains(&(n - 1)) {
                    picked.push(n - 1);
                }
            }
            _ => return Err(NotNumbers::NotAChoice(word.to_string())),
        }
    }
    match picked.len() {
        0 => Err(NotNumbers::Empty),
        1 => Ok(picked),
        _ if several => Ok(picked),
        _ => Err(NotNumbers::OnlyOne),
    }
}

/// What to tell the patient when a line is not numbers of choices.
fn numbers_problem(m: &Messages, problem: NotNumbers, count: usize) -> String {
    let count = ("count", count.into());
    match problem {
        NotNumbers::Empty => m.with("lines-type-number", &[count]),
        NotNumbers::NotAChoice(word) => {
            m.with("lines-not-a-choice", &[("word", word.into()), count])
        }
        NotNumbers::OnlyOne => m.with("lines-only-one", &[count]),
    }
}

impl<R: BufRead, W: Write> Prompter for LinePrompter<'_, R, W> {
    fn yes_no(&mut self, screen: &Screen, current: Option<bool>) -> Result<Reply<bool>, Stop> {
        let how = self.m.get("lines-yes-no");
        let yes = ["word-yes", "word-y"].map(|id| self.words(id));
        let no = ["word-no", "word-n"].map(|id| self.words(id));
        let refused = self.m.get("lines-type-yes-no");
        self.ask(screen, &[], &how, current, |line| {
            let typed = plain_letters(line);
            if yes.iter().flatten().any(|w| *w == typed) {
                Ok(true)
            } else if no.iter().flatten().any(|w| *w == typed) {
                Ok(false)
            } else {
                Err(refused.clone())
            }
        })
    }

    fn one(
        &mut self,
        screen: &Screen,
        choices: &[String],
        current: Option<usize>,
    ) -> Result<Reply<usize>, Stop> {
        let how = self.m.get("lines-one");
        let (m, count) = (self.m, choices.len());
        self.ask(screen, choices, &how, current, |line| {
            numbers(line, count, false)
                .map(|picked| picked[0])
                .map_err(|p| numbers_problem(m, p, count))
        })
    }

    fn several(
        &mut self,
        screen: &Screen,
        choices: &[String],
        ticked: &[bool],
    ) -> Result<Reply<Vec<usize>>, Stop> {
        let marked: Vec<String> = choices
            .iter()
            .zip(ticked)
            .map(|(choice, &on)| {
                if on {
                    self.m
                        .with("lines-ticked", &[("choice", choice.as_str().into())])
                } else {
                    choice.clone()
                }
            })
            .collect();
        let kept: Vec<usize> = (0..ticked.len()).filter(|&i| ticked[i]).collect();
        // Enter alone keeps what is ticked, as on the terminal: with nothing ticked, none.
        let how = if kept.is_empty() {
            self.m.get("lines-several-none")
        } else {
            self.m.get("lines-several-keep")
        };
        let none = self.words("word-none");
        let (m, count) = (self.m, choices.len());
        self.ask(screen, &marked, &how, Some(kept), |line| {
            if none.contains(&plain_letters(line)) {
                return Ok(Vec::new());
            }
            numbers(line, count, true).map_err(|p| numbers_problem(m, p, count))
        })
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
        let screen = Screen {
            lines: lines.to_vec(),
            ..Screen::default()
        };
        self.line("")?;
        for (tone, text) in screen.text() {
            let line = match tone {
                Tone::Bullet => format!("- {text}"),
                _ => text.to_string(),
            };
            self.line(&line)?;
        }
        Ok(())
    }
}
