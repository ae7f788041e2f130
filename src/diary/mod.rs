//! The pain diary of a trial: scores from 0 to 10, each at the time it was given (with the
//! offset of the patient's clock then), split by the trial's dates into the days before the
//! trial (the baseline) and the days during it, and summed up per day. Numbers only: what
//! they mean is for the care team to judge, so nothing here ever says whether a trial worked.

mod file;
pub mod page;
pub mod questions;
pub mod show;

use jiff::civil::{Date, DateTime, Time};
use jiff::tz::Offset;

pub use file::{NotDiary, look_like_diary};

use crate::i18n::{Lang, Messages};

/// The most entries a diary keeps: a year at three a day, and few enough that the file stays
/// within the reader's YAML budget (`MAX_YAML_EVENTS`) with every note filled in.
pub const MAX_ENTRIES: usize = 1000;

/// The longest note: as for a free-text answer.
pub const MAX_NOTE_CHARS: usize = crate::answers::MAX_TEXT_CHARS;

/// The diary's reminders unless the patient changes them: morning, afternoon and evening.
pub const DEFAULT_TIMES: [Time; 3] = [
    Time::constant(9, 0, 0, 0),
    Time::constant(14, 0, 0, 0),
    Time::constant(20, 0, 0, 0),
];

/// The most reminders a day.
pub const MAX_TIMES: usize = 3;

/// The highest score: 10, the worst pain the patient can imagine.
pub const MAX_SCORE: u8 = 10;

/// A pain score, from 0 (no pain) to 10 (the worst pain you can imagine).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Score(u8);

impl Score {
    pub fn new(value: u8) -> Option<Score> {
        (value <= MAX_SCORE).then_some(Score(value))
    }

    /// A score as typed: "6", " 10 "; nothing else (no "6.5", no "-1").
    pub fn parse(typed: &str) -> Option<Score> {
        let typed = typed.trim();
        if typed.is_empty() || typed.len() > 2 || !typed.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        typed.parse().ok().and_then(Score::new)
    }

    pub fn value(self) -> u8 {
        self.0
    }
}

/// When an entry was made: the time on the patient's clock and its offset from UTC then.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct At {
    pub local: DateTime,
    pub offset: Offset,
}

impl At {
    pub fn new(local: DateTime, offset: Offset) -> At {
        At { local, offset }
    }

    pub fn of(now: &jiff::ZonedDateTime) -> At {
        At::new(now.datetime(), now.offset())
    }

    pub fn date(self) -> Date {
        self.local.date()
    }

    /// RFC 3339 with the offset: `2026-12-14T08:00:00-05:00` (the file and FHIR).
    pub fn rfc3339(self) -> String {
        let seconds = self.offset.seconds();
        let sign = if seconds < 0 { '-' } else { '+' };
        let minutes = seconds.unsigned_abs() / 60;
        format!(
            "{}{sign}{:02}:{:02}",
            self.local.strftime("%Y-%m-%dT%H:%M:%S"),
            minutes / 60,
            minutes % 60
        )
    }

    /// A time with its offset, as written by `rfc3339` (seconds optional); nothing else.
    pub fn parse(text: &str) -> Option<At> {
        let pieces = jiff::fmt::temporal::Pieces::parse(text.trim()).ok()?;
        let offset = pieces.to_numeric_offset()?;
        let time = pieces.time()?;
        let local = pieces.date().to_datetime(time);
        crate::entry::DATES
            .contains(&local.date())
            .then_some(At { local, offset })
    }
}

/// One score, when it was given, and what the patient wrote with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub at: At,
    pub score: Score,
    /// A few words about the moment ("walked to the mailbox").
    pub note: Option<String>,
    /// What the patient could do today (the walk's second question).
    pub could_do: Option<String>,
    /// Anything new the patient noticed (the walk's third question).
    pub noticed: Option<String>,
}

impl Entry {
    pub fn new(at: At, score: Score) -> Entry {
        Entry {
            at,
            score,
            note: None,
            could_do: None,
            noticed: None,
        }
    }

    /// The texts the patient wrote, in order: note, what they could do, what was new.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        [&self.note, &self.could_do, &self.noticed]
            .into_iter()
            .filter_map(|t| t.as_deref())
    }
}

/// The first and last day of the trial, both in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Trial {
    pub start: Date,
    pub end: Date,
}

impl Trial {
    /// A trial ends on or after the day it starts.
    pub fn new(start: Date, end: Date) -> Option<Trial> {
        (start <= end).then_some(Trial { start, end })
    }

    pub fn phase(self, date: Date) -> Phase {
        if date < self.start {
            Phase::Before
        } else if date <= self.end {
            Phase::During
        } else {
            Phase::After
        }
    }

    /// The days of the trial, first to last.
    pub fn days(self) -> impl Iterator<Item = Date> {
        self.start
            .series(jiff::Span::new().days(1))
            .take_while(move |d| *d <= self.end)
    }
}

/// Where a day is in the trial.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Phase {
    Before,
    During,
    After,
}

impl Phase {
    /// The catalogue id of its heading.
    pub fn heading(self) -> &'static str {
        match self {
            Phase::Before => "diary-before",
            Phase::During => "diary-during",
            Phase::After => "diary-after",
        }
    }
}

/// The diary: the trial's dates once known, the entries oldest first, and what was set
/// aside in the file (kept as written, never lost).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diary {
    pub trial: Option<Trial>,
    /// When to be reminded to log, each day of the trial; `None`: `DEFAULT_TIMES`.
    pub times: Option<Vec<Time>>,
    pub entries: Vec<Entry>,
    pub set_aside: Vec<file::RawEntry>,
}

/// Why an entry was not added.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Full {
    /// The diary holds `MAX_ENTRIES` already.
    TooManyEntries,
}

impl Diary {
    /// Add an entry in time order (an entry typed late goes where its time puts it).
    pub fn add(&mut self, entry: Entry) -> Result<usize, Full> {
        if self.entries.len() >= MAX_ENTRIES {
            return Err(Full::TooManyEntries);
        }
        let at = self
            .entries
            .partition_point(|e| e.at.local <= entry.at.local);
        self.entries.insert(at, entry);
        Ok(at)
    }

    /// Entry number `n`, counting from 1 as `diary list` shows them.
    pub fn entry_mut(&mut self, n: usize) -> Option<&mut Entry> {
        n.checked_sub(1).and_then(|i| self.entries.get_mut(i))
    }

    pub fn remove(&mut self, n: usize) -> Option<Entry> {
        let i = n.checked_sub(1).filter(|i| *i < self.entries.len())?;
        Some(self.entries.remove(i))
    }

    /// The times of the day to be reminded to log.
    pub fn reminder_times(&self) -> Vec<Time> {
        self.times.clone().unwrap_or_else(|| DEFAULT_TIMES.to_vec())
    }

    /// The per-day figures and the averages before and during the trial.
    pub fn summary(&self) -> Summary {
        Summary::of(&self.entries, self.trial)
    }

    pub fn parse(file: &str, text: &[u8]) -> Result<Diary, NotDiary> {
        file::parse(file, text)
    }

    pub fn to_yaml(&self) -> Result<String, serde_saphyr::ser::Error> {
        file::write(self)
    }
}

/// A score in tenths: averages are shown to one decimal ("7.2"), whole ones without ("5").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Tenths(pub u32);

impl Tenths {
    /// The average of `sum` over `count` scores, rounded to the nearest tenth (half up).
    pub fn average(sum: u32, count: u32) -> Option<Tenths> {
        (count > 0).then(|| Tenths((sum * 20 + count) / (2 * count)))
    }

    /// "7.2", "5" in English; "7,2", "5" in Spanish.
    pub fn words(self, lang: Lang) -> String {
        let (whole, tenth) = (self.0 / 10, self.0 % 10);
        let mark = match lang {
            Lang::En => '.',
            Lang::Es => ',',
        };
        if tenth == 0 {
            whole.to_string()
        } else {
            format!("{whole}{mark}{tenth}")
        }
    }
}

/// The figures of one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Day {
    pub date: Date,
    pub phase: Phase,
    pub count: u32,
    pub lowest: Score,
    pub highest: Score,
    pub average: Tenths,
}

/// The figures of a diary: each day with entries, oldest first, and the averages of every
/// score before and during the trial (`None` without a trial or without scores then).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub days: Vec<Day>,
    pub before: Option<Tenths>,
    pub during: Option<Tenths>,
}

impl Summary {
    fn of(entries: &[Entry], trial: Option<Trial>) -> Summary {
        let phase = |date| trial.map_or(Phase::Before, |t| t.phase(date));
        let mut sorted: Vec<&Entry> = entries.iter().collect();
        sorted.sort_by_key(|e| e.at.local);
        let days = sorted
            .chunk_by(|a, b| a.at.date() == b.at.date())
            .map(|day| {
                let scores = || day.iter().map(|e| e.score);
                let sum: u32 = scores().map(|s| u32::from(s.value())).sum();
                let count = day.len() as u32;
                Day {
                    date: day[0].at.date(),
                    phase: phase(day[0].at.date()),
                    count,
                    lowest: scores().min().unwrap_or(Score(0)),
                    highest: scores().max().unwrap_or(Score(0)),
                    average: Tenths::average(sum, count).unwrap_or(Tenths(0)),
                }
            })
            .collect();
        let average_in = |wanted: Phase| {
            let scores: Vec<u32> = (sorted.iter())
                .filter(|e| phase(e.at.date()) == wanted)
                .map(|e| u32::from(e.score.value()))
                .collect();
            trial.and_then(|_| Tenths::average(scores.iter().sum(), scores.len() as u32))
        };
        Summary {
            days,
            before: average_in(Phase::Before),
            during: average_in(Phase::During),
        }
    }

    /// The averages before and during the trial and their difference, in plain words and
    /// numbers only: "Your average pain score was 7.2 before the trial and 3.1 during it.
    /// That is 4.1 lower during the trial." Never whether the trial worked.
    pub fn averages_in_words(&self, m: &Messages) -> Vec<String> {
        let lang = m.lang();
        match (self.before, self.during) {
            (Some(before), Some(during)) => {
                let both = m.with(
                    "diary-averages",
                    &[
                        ("before", before.words(lang).into()),
                        ("during", during.words(lang).into()),
                    ],
                );
                let (id, by) = if during < before {
                    ("diary-difference-lower", before.0 - during.0)
                } else if during > before {
                    ("diary-difference-higher", during.0 - before.0)
                } else {
                    ("diary-difference-same", 0)
                };
                let difference = m.with(id, &[("by", Tenths(by).words(lang).into())]);
                vec![both, difference]
            }
            (Some(before), None) => vec![m.with(
                "diary-average-before",
                &[("before", before.words(lang).into())],
            )],
            (None, Some(during)) => vec![m.with(
                "diary-average-during",
                &[("during", during.words(lang).into())],
            )],
            (None, None) => Vec::new(),
        }
    }
}

/// "Monday, December 14: 3 entries, average 5, lowest 4, highest 7".
pub fn day_in_words(day: &Day, m: &Messages) -> String {
    m.with(
        "diary-day",
        &[
            ("day", m.day(day.date).into()),
            ("count", i64::from(day.count).into()),
            ("average", day.average.words(m.lang()).into()),
            ("lowest", i64::from(day.lowest.value()).into()),
            ("highest", i64::from(day.highest.value()).into()),
        ],
    )
}

#[cfg(test)]
pub(crate) mod tests;
