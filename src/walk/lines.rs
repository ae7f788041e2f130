//! The walk for screen readers (and for `TERM=dumb`): every screen printed once as plain
//! lines, choices numbered, answers typed and confirmed with Enter. No colour, no cursor
//! movement, no redraws. It reads lines from any `BufRead`, so a pipe can drive a walk.

use std::io::{BufRead, Write};
use std::os::fd::RawFd;

use super::{Check, Prompter, Reply, Screen, Stop, Tone};
use crate::signals::Signals;

pub struct LinePrompter<'s, R, W> {
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
    pub fn new(input: R, input_fd: Option<RawFd>, out: W, signals: Option<&'s Signals>) -> Self {
        LinePrompter {
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
                Tone::Important => format!("Important: {text}"),
                Tone::Bullet => format!("- {text}"),
                _ => text.to_string(),
            };
            self.line(&line)?;
        }
        if let Some(current) = &screen.current {
            self.line(&format!("Your answer now: {current}."))?;
        }
        for (n, choice) in choices.iter().enumerate() {
            self.line(&format!("{}. {choice}", n + 1))?;
        }
        self.keys(screen, how)
    }

    fn keys(&mut self, screen: &Screen, how: &str) -> Result<(), Stop> {
        let back = if screen.can_go_back {
            " Type back to go back, or help to hear this again."
        } else {
            " Type help to hear this again."
        };
        self.line(&format!("{how}{back}"))
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
            match line.to_lowercase().as_str() {
                "help" => self.show(screen, choices, how)?,
                "back" if screen.can_go_back => return Ok(Typed::Back),
                _ => return Ok(Typed::Line(line)),
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
                Err(why) => self.line(&format!("Sorry: {why}"))?,
            }
        }
    }
}

/// The numbers typed for a list of `count` choices: "2", "1, 3", "1 3", or "none".
fn numbers(line: &str, count: usize, several: bool) -> Result<Vec<usize>, String> {
    let range = format!("Type a number from 1 to {count}");
    if several && line.eq_ignore_ascii_case("none") {
        return Ok(Vec::new());
    }
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
            _ => return Err(format!("\"{word}\" is not one of the choices. {range}.")),
        }
    }
    match picked.len() {
        0 => Err(format!("{range}.")),
        1 => Ok(picked),
        _ if several => Ok(picked),
        _ => Err(format!("Only one answer here. {range}.")),
    }
}

impl<R: BufRead, W: Write> Prompter for LinePrompter<'_, R, W> {
    fn yes_no(&mut self, screen: &Screen, current: Option<bool>) -> Result<Reply<bool>, Stop> {
        self.ask(
            screen,
            &[],
            "Type yes or no, then press Enter.",
            current,
            |line| match line.to_lowercase().as_str() {
                "y" | "yes" => Ok(true),
                "n" | "no" => Ok(false),
                _ => Err("Please type yes or no.".into()),
            },
        )
    }

    fn one(
        &mut self,
        screen: &Screen,
        choices: &[String],
        current: Option<usize>,
    ) -> Result<Reply<usize>, Stop> {
        let how = "Type the number of your choice, then press Enter.";
        self.ask(screen, choices, how, current, |line| {
            numbers(line, choices.len(), false).map(|picked| picked[0])
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
                    format!("{choice} (ticked)")
                } else {
                    choice.clone()
                }
            })
            .collect();
        let kept: Vec<usize> = (0..ticked.len()).filter(|&i| ticked[i]).collect();
        // Enter alone keeps what is ticked, as on the terminal: with nothing ticked, none.
        let how = if kept.is_empty() {
            "Type the numbers of all that apply, with commas or spaces between them, then \
             press Enter. Enter alone means none apply."
        } else {
            "Type the numbers of all that apply, with commas or spaces between them, then \
             press Enter. Enter alone keeps the ticked ones; none means none apply."
        };
        self.ask(screen, &marked, how, Some(kept), |line| {
            numbers(line, choices.len(), true)
        })
    }

    fn text(
        &mut self,
        screen: &Screen,
        current: Option<&str>,
        check: Check,
    ) -> Result<Reply<String>, Stop> {
        let how = if current.is_some() {
            "Type your answer, then press Enter. Enter alone keeps your answer."
        } else {
            "Type your answer, then press Enter."
        };
        let keep = current.map(str::to_string);
        self.ask(screen, &[], how, keep, |line| {
            check(line).map(|()| line.to_string())
        })
    }

    fn read(&mut self, screen: &Screen) -> Result<Reply<()>, Stop> {
        self.ask(screen, &[], "Press Enter to go on.", Some(()), |_| Ok(()))
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
