//! The outside world, read once at start-up: the clock, the time zone, the terminal, colour
//! and the data folder. Commands and renderers get a `Settings` and never read the
//! environment or the clock themselves, so every output can be reproduced in a test.

use std::io::IsTerminal;
use std::path::PathBuf;

use jiff::ZonedDateTime;
use jiff::civil::Date;
use jiff::tz::TimeZone;

use crate::cli::{Cli, ColorChoice};
use crate::entry::DATES;
use crate::exit::Failure;
use crate::i18n::{Lang, Messages};

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
    /// Standard output was closed when prepcheck started (`>&-`): what is written to it is
    /// lost, which a command must say rather than succeed.
    pub stdout_closed: bool,
}

impl Settings {
    /// Read the environment, the clock and the terminal. `PREPCHECK_NOW` (an RFC 3339 time
    /// or a civil date-time like 2026-11-25T09:00) or `PREPCHECK_TODAY` (a date, at midnight)
    /// set the clock, for tests and for printing a sheet as of another day.
    pub fn read(cli: &Cli) -> Result<Settings, Failure> {
        let lang = crate::i18n::choose(cli.lang, |name| std::env::var(name).ok());
        // The messages are made only to say what is wrong: nothing is added to start-up.
        let time_zone = time_zone(lang)?;
        let now = clock(&time_zone, lang)?;
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
            lang,
            stdout_closed: stdout_closed(),
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

/// The time zone: `TZ`, else the system's. A `TZ` that names no time zone is a mistake to
/// say (reminders would go off at the wrong hour), not a reason to use UTC in silence; a
/// system that names none has UTC.
fn time_zone(lang: Lang) -> Result<TimeZone, Failure> {
    if let Some(zone) = named_zone() {
        return Ok(zone);
    }
    match TimeZone::try_system() {
        Ok(zone) => Ok(zone),
        Err(_) => match std::env::var_os("TZ").filter(|tz| !tz.is_empty()) {
            Some(tz) => Err(Failure::usage(Messages::new(lang).with(
                "settings-tz",
                &[("tz", tz.to_string_lossy().into_owned().into())],
            ))),
            None => Ok(TimeZone::UTC),
        },
    }
}

/// The zone `TZ` names (`America/Chicago`, `:America/Chicago`, or a path into a zoneinfo
/// folder), else the one `/etc/localtime` links to, read from its one file with its name.
/// jiff's `TimeZone::try_system` finds the same zone, but first lists the whole zoneinfo
/// tree (a fifth of a sheet's time); anything else (a POSIX rule, a zone written in another
/// case, no such file) is left to it, so a bad `TZ` is refused as before.
fn named_zone() -> Option<TimeZone> {
    const NEEDLE: &str = "zoneinfo/";
    let (name, file) = match std::env::var("TZ") {
        Ok(tz) => {
            let tz = tz.strip_prefix(':').unwrap_or(&tz);
            let name = tz.rfind(NEEDLE).map_or(tz, |at| &tz[at + NEEDLE.len()..]);
            let dir = std::env::var_os("TZDIR").unwrap_or_else(|| "/usr/share/zoneinfo".into());
            (name.to_string(), std::path::Path::new(&dir).join(name))
        }
        Err(std::env::VarError::NotPresent) => {
            let target = std::fs::read_link("/etc/localtime").ok()?;
            let target = target.to_str()?;
            let at = target.rfind(NEEDLE)?;
            let name = target[at + NEEDLE.len()..].to_string();
            (name, "/etc/localtime".into())
        }
        Err(std::env::VarError::NotUnicode(_)) => return None,
    };
    let plain_name = std::path::Path::new(&name)
        .components()
        .all(|c| matches!(c, std::path::Component::Normal(_)));
    if name.is_empty() || !plain_name {
        return None;
    }
    let bytes = std::fs::read(file).ok()?;
    TimeZone::tzif(&name, &bytes).ok()
}

/// The clock: `PREPCHECK_NOW`, else `PREPCHECK_TODAY` at midnight, else the system's. A
/// day outside `entry::DATES` (where every date a sheet counts from exists) is refused.
fn clock(zone: &TimeZone, lang: Lang) -> Result<ZonedDateTime, Failure> {
    let in_range = |now: ZonedDateTime| DATES.contains(&now.date()).then_some(now);
    let range = [
        ("first", DATES.start().to_string().into()),
        ("last", DATES.end().to_string().into()),
    ];
    if let Ok(text) = std::env::var("PREPCHECK_NOW") {
        let parsed = text
            .parse::<jiff::Timestamp>()
            .map(|t| t.to_zoned_datetime(zone.clone()))
            .or_else(|_| {
                text.parse::<jiff::civil::DateTime>()
                    .and_then(|d| d.to_zoned_datetime(zone.clone()))
            });
        return parsed.ok().and_then(in_range).ok_or_else(|| {
            let [first, last] = range;
            let m = Messages::new(lang);
            Failure::usage(m.with("settings-now", &[("text", text.into()), first, last]))
        });
    }
    if let Ok(text) = std::env::var("PREPCHECK_TODAY") {
        return text
            .parse::<Date>()
            .ok()
            .and_then(|d| d.to_zoned_datetime(zone.clone()).ok())
            .and_then(in_range)
            .ok_or_else(|| {
                let [first, last] = range;
                let m = Messages::new(lang);
                Failure::usage(m.with("settings-today", &[("text", text.into()), first, last]))
            });
    }
    Ok(jiff::Timestamp::now().to_zoned_datetime(zone.clone()))
}

/// Whether standard output was closed when prepcheck started: Rust's runtime opens
/// /dev/null in place of a closed standard stream, for reading and writing, which no
/// redirection of standard output does (`>` opens for writing only).
#[cfg(unix)]
fn stdout_closed() -> bool {
    use std::os::unix::fs::MetadataExt;
    // SAFETY: fcntl and fstat only read the state of descriptor 1 into values we own.
    let (flags, rdev) = unsafe {
        let flags = libc::fcntl(1, libc::F_GETFL);
        let mut stat = std::mem::MaybeUninit::<libc::stat>::uninit();
        if flags < 0 || libc::fstat(1, stat.as_mut_ptr()) != 0 {
            return true;
        }
        (flags, stat.assume_init().st_rdev)
    };
    // `dev_t` is 32 bits on some systems.
    #[allow(clippy::unnecessary_cast)]
    let rdev = rdev as u64;
    let null = std::fs::metadata("/dev/null").is_ok_and(|null| null.rdev() == rdev);
    null && flags & libc::O_ACCMODE == libc::O_RDWR
}

#[cfg(not(unix))]
fn stdout_closed() -> bool {
    false
}
