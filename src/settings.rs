//! The outside world, read once at start-up: the clock, the time zone, the terminal, colour
//! and the data folder. Commands and renderers get a `Settings` and never read the
//! environment or the clock themselves, so every output can be reproduced in a test.

use std::io::IsTerminal;
use std::path::PathBuf;

use jiff::ZonedDateTime;
use jiff::civil::Date;
use jiff::tz::TimeZone;

use crate::cli::{Cli, ColorChoice};
use crate::exit::Failure;
use crate::i18n::Lang;

/// The widest the sheet is written on a terminal, for reading comfort.
const MAX_WIDTH: usize = 80;

#[derive(Debug, Clone)]
pub struct Settings {
    /// Now, in the patient's time zone (the system's): "today", "in N days", the calendar's
    /// time stamps, alerts and local times.
    pub now: ZonedDateTime,
    pub stdin_is_terminal: bool,
    pub stdout_is_terminal: bool,
    pub stderr_is_terminal: bool,
    /// Columns of the terminal (80 when there is none).
    pub width: usize,
    /// Whether styles may be written to standard output and to standard error.
    pub color_stdout: bool,
    pub color_stderr: bool,
    /// `TERM=dumb`: a terminal that cannot move the cursor.
    pub dumb_terminal: bool,
    /// Where answers are kept (`PREPCHECK_HOME`, else the platform's data folder), or why
    /// there is none.
    pub home: Result<PathBuf, String>,
    /// A screen reader is in use (PREPCHECK_SCREEN_READER=1).
    pub screen_reader: bool,
    /// The patient's language: `--lang`, `PREPCHECK_LANG`, the locale, else English.
    pub lang: Lang,
    /// The browser commands `BROWSER` names (separated by `:`), for `sheet --open`.
    pub browser: Option<String>,
}

impl Settings {
    /// Read the environment, the clock and the terminal. `PREPCHECK_NOW` (an RFC 3339 time
    /// or a civil date-time like 2026-11-25T09:00) or `PREPCHECK_TODAY` (a date, at midnight)
    /// set the clock, for tests and for printing a sheet as of another day.
    pub fn read(cli: &Cli) -> Result<Settings, Failure> {
        let time_zone = TimeZone::system();
        let now = clock(&time_zone)?;
        let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
        let dumb_terminal = var("TERM").is_some_and(|t| t == "dumb");
        let no_color = var("NO_COLOR").is_some() || dumb_terminal;
        let stdout_is_terminal = std::io::stdout().is_terminal();
        let stderr_is_terminal = std::io::stderr().is_terminal();
        let color = |is_terminal: bool| match cli.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => is_terminal && !no_color,
        };
        let width = console::Term::stderr()
            .size_checked()
            .or_else(|| console::Term::stdout().size_checked())
            .map_or(80, |(_, columns)| usize::from(columns));
        let home = match var("PREPCHECK_HOME") {
            Some(home) => Ok(PathBuf::from(home)),
            None => directories::BaseDirs::new()
                .map(|dirs| dirs.data_dir().join("prepcheck"))
                .ok_or_else(|| {
                    "cannot find your data folder: set PREPCHECK_HOME or use --answers FILE"
                        .to_string()
                }),
        };
        Ok(Settings {
            now,
            stdin_is_terminal: std::io::stdin().is_terminal(),
            stdout_is_terminal,
            stderr_is_terminal,
            width,
            color_stdout: color(stdout_is_terminal),
            color_stderr: color(stderr_is_terminal),
            dumb_terminal,
            home,
            screen_reader: var("PREPCHECK_SCREEN_READER").is_some_and(|v| v != "0"),
            lang: crate::i18n::choose(cli.lang, |name| std::env::var(name).ok()),
            browser: var("BROWSER").map(|v| v.to_string_lossy().into_owned()),
        })
    }

    pub fn today(&self) -> Date {
        self.now.date()
    }

    /// The width to write the sheet at on this terminal.
    pub fn sheet_width(&self) -> usize {
        self.width.min(MAX_WIDTH)
    }
}

/// The clock: `PREPCHECK_NOW`, else `PREPCHECK_TODAY` at midnight, else the system's.
fn clock(zone: &TimeZone) -> Result<ZonedDateTime, Failure> {
    if let Ok(text) = std::env::var("PREPCHECK_NOW") {
        let parsed = text
            .parse::<jiff::Timestamp>()
            .map(|t| t.to_zoned_datetime(zone.clone()))
            .or_else(|_| {
                text.parse::<jiff::civil::DateTime>()
                    .and_then(|d| d.to_zoned_datetime(zone.clone()))
            });
        return parsed.map_err(|_| {
            Failure::usage(format!(
                "PREPCHECK_NOW must be a time like 2026-12-01T09:00, not '{text}'"
            ))
        });
    }
    if let Ok(text) = std::env::var("PREPCHECK_TODAY") {
        return text
            .parse::<Date>()
            .ok()
            .and_then(|d| d.to_zoned_datetime(zone.clone()).ok())
            .ok_or_else(|| {
                Failure::usage(format!(
                    "PREPCHECK_TODAY must be a date like 2026-12-01, not '{text}'"
                ))
            });
    }
    Ok(ZonedDateTime::now().with_time_zone(zone.clone()))
}
