//! What a patient types, turned into typed values: dates, times and phone numbers, in
//! English or Spanish words. Pure: today's date is passed in, and what to tell the patient
//! when something cannot be read is the walk's to say, in the patient's language.

use jiff::ToSpan;
use jiff::civil::{Date, Time, Weekday};

use crate::i18n::Lang;

/// What typed text was read as: one value, or two the patient is asked to choose between
/// ("next Thursday" said on a Wednesday; "1:30" without morning or afternoon).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading<T> {
    One(T),
    Either(T, T),
}

impl<T: Copy> Reading<T> {
    /// The first of the readings: the nearer day, or the morning.
    pub fn first(self) -> T {
        match self {
            Reading::One(value) | Reading::Either(value, _) => value,
        }
    }

    fn map<U>(self, f: impl Fn(T) -> U) -> Reading<U> {
        match self {
            Reading::One(value) => Reading::One(f(value)),
            Reading::Either(a, b) => Reading::Either(f(a), f(b)),
        }
    }
}

/// How a date in numbers is read: `10/12` is October 12 in English (month first) and
/// 10 December in Spanish (day first). It follows the patient's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayOrder {
    MonthFirst,
    DayFirst,
}

impl DayOrder {
    pub fn of(lang: Lang) -> DayOrder {
        match lang {
            Lang::En => DayOrder::MonthFirst,
            Lang::Es => DayOrder::DayFirst,
        }
    }
}

/// Why a typed date was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateProblem {
    Empty,
    Unreadable,
    /// A procedure date that has already passed.
    Past(Date),
}

/// The dates an answer (and the clock) may hold: every day a sheet counts from them (the
/// day before, ten days on, the next day) exists, in every time zone, and calendars read
/// the years as written.
pub const DATES: std::ops::RangeInclusive<Date> =
    Date::constant(1000, 1, 1)..=Date::constant(9998, 12, 31);

/// A date as people write it: 2026-12-10, Dec 10, December 10th, 2026, 10 Dec 2026, the
/// 10th of December, numbers in the order of `order` (12/10/2026 month first, 10/12 day
/// first; the other order when only it makes a date, as 31/12/2026), today, tomorrow, the
/// day after tomorrow, in 2 weeks, a weekday (Thursday: the coming one; next Thursday: asked
/// when the coming one is within six days; Thursday next week; a week from Thursday); and the
/// same in Spanish (10 de dic, mañana, pasado mañana, el jueves, el jueves que viene, el
/// próximo jueves, el jueves de la semana que viene, dentro de una semana). A date without a
/// year is its next real one from today: Feb 29 typed in 2026 is 29 February 2028.
pub fn date(typed: &str, today: Date, order: DayOrder) -> Result<Reading<Date>, DateProblem> {
    let words = date_words(typed);
    if words.is_empty() {
        return Err(DateProblem::Empty);
    }
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let reading = if let Some(days) = days_from_today(&words) {
        let date = today.checked_add(days.days());
        date.map(Reading::One).map_err(|_| DateProblem::Unreadable)
    } else if let Some(reading) = weekday(&words, today) {
        reading
    } else {
        on_the_calendar(&words.join(" "), today, order)
            .map(Reading::One)
            .ok_or(DateProblem::Unreadable)
    };
    // Only a date an answers file takes back (9999-12-31 has no day after it).
    let fits = |date: &Date| DATES.contains(date);
    match reading? {
        Reading::One(date) if !fits(&date) => Err(DateProblem::Unreadable),
        Reading::Either(a, b) if !fits(&a) || !fits(&b) => Err(DateProblem::Unreadable),
        reading => Ok(reading),
    }
}

/// The words of a typed date in lower case and in English ("jueves" is "thursday", "una" is
/// "1"), without those that say nothing of the day ("the", "on", "el", "de").
fn date_words(typed: &str) -> Vec<String> {
    const FILLERS: &[&str] = &[
        "on", "the", "of", "this", "coming", "at", "for", "a", "el", "la", "los", "de", "del",
        "este", "esta", "que",
    ];
    typed
        .trim()
        .to_lowercase()
        .replace(',', " ")
        .split_whitespace()
        .map(|word| word.trim_end_matches('.'))
        .map(|word| in_english(without_ordinal(word)))
        .filter(|word| !word.is_empty() && !FILLERS.contains(&word.as_str()))
        .collect()
}

/// "today", "tomorrow", "the day after tomorrow", "in 3 days", "in 2 weeks", "in a week":
/// how many days from today.
fn days_from_today(words: &[&str]) -> Option<i64> {
    match words {
        ["today"] => Some(0),
        ["tomorrow"] => Some(1),
        ["yesterday"] => Some(-1),
        ["day", "after", "tomorrow"] | ["after", "tomorrow"] => Some(2),
        ["in", "week"] => Some(7),
        ["in", count, unit] => {
            let count: i64 = count.parse().ok().filter(|n| (1..=400).contains(n))?;
            match *unit {
                "day" | "days" => Some(count),
                "week" | "weeks" => Some(count * 7),
                _ => None,
            }
        }
        _ => None,
    }
}

/// A weekday with the words around it, when they say which one: "thursday" (the coming
/// one), "next thursday", "thursday next week", "a week from thursday".
fn weekday(words: &[&str], today: Date) -> Option<Result<Reading<Date>, DateProblem>> {
    let at = words.iter().position(|w| weekday_named(w).is_some())?;
    let day = weekday_named(words[at])?;
    let mut rest: Vec<&str> = words[..at]
        .iter()
        .chain(&words[at + 1..])
        .copied()
        .collect();
    rest.sort_unstable();
    // The coming one: from tomorrow to a week from today.
    let ahead = i64::from(day.since(today.weekday())).rem_euclid(7);
    let ahead = if ahead == 0 { 7 } else { ahead };
    let after = |days: i64| {
        today
            .checked_add(days.days())
            .map_err(|_| DateProblem::Unreadable)
    };
    let reading = match rest.as_slice() {
        [] => after(ahead).map(Reading::One),
        ["next"] if ahead <= 6 => {
            after(ahead).and_then(|a| Ok(Reading::Either(a, after(ahead + 7)?)))
        }
        ["next"] => after(ahead).map(Reading::One),
        ["next", "week"] => {
            // Weeks start on Monday: the weekday in the week after this one.
            let to_monday = 7 - i64::from(today.weekday().to_monday_zero_offset());
            after(to_monday + i64::from(day.to_monday_zero_offset())).map(Reading::One)
        }
        ["from", "week"] | ["1", "from", "week"] | ["after", "week"] | ["1", "after", "week"] => {
            after(ahead + 7).map(Reading::One)
        }
        _ => return None,
    };
    Some(reading)
}

/// The weekday a word names: "thu", "thur", "thurs" and "thursday" all name Thursday.
fn weekday_named(word: &str) -> Option<Weekday> {
    const WEEKDAYS: &[(&str, Weekday)] = &[
        ("monday", Weekday::Monday),
        ("tuesday", Weekday::Tuesday),
        ("wednesday", Weekday::Wednesday),
        ("thursday", Weekday::Thursday),
        ("friday", Weekday::Friday),
        ("saturday", Weekday::Saturday),
        ("sunday", Weekday::Sunday),
    ];
    WEEKDAYS
        .iter()
        .find(|(name, _)| word.len() >= 3 && name.starts_with(word))
        .map(|(_, day)| *day)
}

/// A date written with its month and day, and maybe its year.
fn on_the_calendar(text: &str, today: Date, order: DayOrder) -> Option<Date> {
    const MONTH_FIRST: [&str; 3] = ["%m/%d", "%m-%d", "%m.%d"];
    const DAY_FIRST: [&str; 3] = ["%d/%m", "%d-%m", "%d.%m"];
    const IN_WORDS: [&str; 4] = ["%B %d", "%b %d", "%d %B", "%d %b"];
    // A year of four digits first: it is never read as two.
    for format in ["%Y-%m-%d", "%Y/%m/%d"] {
        if let Ok(date) = Date::strptime(format, text)
            && date.year() >= 1000
        {
            return Some(date);
        }
    }
    let (first, then) = match order {
        DayOrder::MonthFirst => (MONTH_FIRST, DAY_FIRST),
        DayOrder::DayFirst => (DAY_FIRST, MONTH_FIRST),
    };
    let numbers = first.iter().chain(&then);
    // "12/10/2026", "Dec 10 2026", "Thursday December 10 2026".
    let with_year = numbers.clone().map(|f| format!("{f}{}%Y", &f[2..3])).chain(
        IN_WORDS
            .iter()
            .flat_map(|f| [format!("{f} %Y"), format!("%A {f} %Y")]),
    );
    for format in with_year {
        // %Y reads "26" as the year 26; a two-digit year means this century (%y).
        let parsed = Date::strptime(&format, text)
            .ok()
            .filter(|d| d.year() >= 1000)
            .or_else(|| Date::strptime(format.replace("%Y", "%y"), text).ok());
        if parsed.is_some() {
            return parsed;
        }
    }
    for format in numbers.chain(&IN_WORDS) {
        // 2000 had a February 29: the month and day are read first, then the year found.
        // The year joins with a mark no date has, so "Dec" alone is not read as Dec 20(00).
        let Ok(leap) = Date::strptime(format!("{format}|%Y"), format!("{text}|2000")) else {
            continue;
        };
        return (today.year()..=today.year() + 8)
            .filter_map(|year| Date::new(year, leap.month(), leap.day()).ok())
            .find(|date| *date >= today);
    }
    None
}

/// Spanish day and month names, their usual short forms and a few other words, as English
/// ones; English words as they are, with common misspellings of "tomorrow" mended. Accents
/// may be left out ("miercoles", "sabado").
fn in_english(word: &str) -> String {
    const WORDS: &[(&str, &str)] = &[
        ("tmrw", "tomorrow"),
        ("tomorow", "tomorrow"),
        ("tommorow", "tomorrow"),
        ("tommorrow", "tomorrow"),
        ("hoy", "today"),
        ("mañana", "tomorrow"),
        ("manana", "tomorrow"),
        ("ayer", "yesterday"),
        ("pasado", "after"),
        ("después", "after"),
        ("despues", "after"),
        ("dentro", "in"),
        ("en", "in"),
        ("próximo", "next"),
        ("proximo", "next"),
        ("próxima", "next"),
        ("proxima", "next"),
        ("viene", "next"),
        ("semana", "week"),
        ("semanas", "weeks"),
        ("día", "day"),
        ("dia", "day"),
        ("días", "days"),
        ("dias", "days"),
        ("one", "1"),
        ("un", "1"),
        ("una", "1"),
        ("uno", "1"),
        ("two", "2"),
        ("dos", "2"),
        ("three", "3"),
        ("tres", "3"),
        ("lunes", "monday"),
        ("martes", "tuesday"),
        ("miércoles", "wednesday"),
        ("miercoles", "wednesday"),
        ("jueves", "thursday"),
        ("viernes", "friday"),
        ("sábado", "saturday"),
        ("sabado", "saturday"),
        ("domingo", "sunday"),
        ("enero", "january"),
        ("ene", "jan"),
        ("febrero", "february"),
        ("marzo", "march"),
        ("abril", "april"),
        ("abr", "apr"),
        ("mayo", "may"),
        ("junio", "june"),
        ("julio", "july"),
        ("agosto", "august"),
        ("ago", "aug"),
        ("septiembre", "september"),
        ("setiembre", "september"),
        ("sept", "sep"),
        ("set", "sep"),
        ("octubre", "october"),
        ("noviembre", "november"),
        ("diciembre", "december"),
        ("dic", "dec"),
    ];
    WORDS
        .iter()
        .find(|(from, _)| *from == word)
        .map_or_else(|| word.to_string(), |(_, to)| to.to_string())
}

/// "10th" is 10, "1st" is 1: the ordinal ending of a day number is dropped.
fn without_ordinal(word: &str) -> &str {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let ending = &word[digits.len()..];
    let is_ordinal = matches!(ending, "st" | "nd" | "rd" | "th");
    if is_ordinal && !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
        digits
    } else {
        word
    }
}

/// A procedure date: a real date, and not in the past.
pub fn procedure_date(
    typed: &str,
    today: Date,
    order: DayOrder,
) -> Result<Reading<Date>, DateProblem> {
    match date(typed, today, order)? {
        Reading::One(date) if date < today => Err(DateProblem::Past(date)),
        reading => Ok(reading),
    }
}

/// A time of day as people say it: 7:30, 07:30, 7.30, 7:30 am, 7:30am, 7 p.m., 19:30, 0730,
/// 14h30, noon, 8 in the morning, 8 at night, half past 7, quarter to 8; in Spanish 8 de la
/// mañana, 8 de la noche, 3 de la tarde, las 8 y media, 8 menos cuarto, mediodía. From 1:00
/// to 6:59 without morning or afternoon, both are read; 7 to 11 is the morning.
pub fn time(typed: &str) -> Option<Reading<Time>> {
    let text = typed
        .trim()
        .to_lowercase()
        .replace("a. m.", " am ")
        .replace("p. m.", " pm ")
        .replace("a.m.", " am ")
        .replace("p.m.", " pm ")
        .replace(['’', '\''], "");
    let words: Vec<String> = text.split_whitespace().flat_map(split_am_pm).collect();
    let said = Said::of(&words)?;
    let reading = match (said.clock, said.half) {
        (None, Some(Half::Noon)) => Reading::One(12 * 60),
        (None, Some(Half::Midnight)) => Reading::One(0),
        (None, _) => return None,
        (Some((hour, minute, _)), Some(half)) => Reading::One(hour_in(half, hour)? * 60 + minute),
        (Some((hour, minute, true)), None) => Reading::One(hour * 60 + minute),
        (Some((hour, minute, false)), None) if (1..=6).contains(&hour) => {
            Reading::Either(hour * 60 + minute, (hour + 12) * 60 + minute)
        }
        (Some((hour, minute, false)), None) => Reading::One(hour * 60 + minute),
    };
    let minutes = reading.map(|m| (m + said.offset).rem_euclid(24 * 60));
    let time = |m: i16| Time::new((m / 60) as i8, (m % 60) as i8, 0, 0).ok();
    Some(match minutes {
        Reading::One(m) => Reading::One(time(m)?),
        Reading::Either(a, b) => Reading::Either(time(a)?, time(b)?),
    })
}

/// What the words of a time say: the clock ("7:30"), the half of the day ("pm", "de la
/// noche"), and minutes before or after ("half past", "menos cuarto").
#[derive(Default)]
struct Said {
    clock: Option<(i16, i16, bool)>,
    half: Option<Half>,
    offset: i16,
}

impl Said {
    /// `None` when a word is not part of a time, or says what another already said.
    fn of(words: &[String]) -> Option<Said> {
        let mut said = Said::default();
        let mut words = words.iter().map(String::as_str).peekable();
        while let Some(word) = words.next() {
            let mut half = |h: Half| said.half.replace(h).is_none_or(|before| before == h);
            let fits = match word {
                "am" | "morning" | "mañana" | "manana" | "madrugada" => half(Half::Morning),
                "pm" | "afternoon" | "evening" | "night" | "tonight" | "tarde" | "noche" => {
                    half(Half::Afternoon)
                }
                "noon" | "midday" | "mediodía" | "mediodia" => half(Half::Noon),
                "midnight" | "medianoche" => half(Half::Midnight),
                "in" | "the" | "at" | "a" | "de" | "la" | "las" | "del" | "en" | "punto"
                | "oclock" | "h" | "hs" | "hrs" | "horas" => true,
                "half" | "quarter" if words.peek() == Some(&"past") => {
                    words.next();
                    said.offset = if word == "half" { 30 } else { 15 };
                    true
                }
                "quarter" if words.peek() == Some(&"to") => {
                    words.next();
                    said.offset = -15;
                    true
                }
                "y" | "menos" => {
                    let sign = if word == "y" { 1 } else { -1 };
                    said.offset = match words.next() {
                        Some("media") => 30 * sign,
                        Some("cuarto") => 15 * sign,
                        _ => return None,
                    };
                    true
                }
                word => said.clock.replace(clock_of(word)?).is_none(),
            };
            if !fits {
                return None;
            }
        }
        Some(said)
    }
}

/// Which half of the day words name: "am", "in the morning", "de la tarde", "noon".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Half {
    Morning,
    Afternoon,
    Noon,
    Midnight,
}

/// The hour of the day, 0 to 23, of an hour said with its half of the day.
fn hour_in(half: Half, hour: i16) -> Option<i16> {
    match (half, hour) {
        (Half::Morning, 12) | (Half::Midnight, 12) => Some(0),
        (Half::Morning, 0..=11) => Some(hour),
        (Half::Afternoon, 1..=11) => Some(hour + 12),
        (Half::Afternoon, 12..=23) | (Half::Noon, 12) => Some(hour),
        _ => None,
    }
}

/// "7am" is "7" and "am"; "7:30pm" is "7:30" and "pm".
fn split_am_pm(word: &str) -> Vec<String> {
    for half in ["am", "pm", "h"] {
        if let Some(clock) = word.strip_suffix(half)
            && !clock.is_empty()
            && clock
                .chars()
                .all(|c| c.is_ascii_digit() || c == ':' || c == '.')
        {
            return vec![clock.to_string(), half.to_string()];
        }
    }
    vec![word.to_string()]
}

/// The hour and minute of "7", "07", "7:30", "7.30", "14h30", "730", "0730"; and whether it
/// is plainly on the 24-hour clock (a leading zero, or an hour of 0 or past 12).
fn clock_of(word: &str) -> Option<(i16, i16, bool)> {
    let (hour, minute) = match word.split_once([':', '.', 'h']) {
        Some((hour, minute)) if minute.len() == 2 => (hour, minute),
        Some(_) => return None,
        None if word.len() >= 3 => word.split_at(word.len() - 2),
        None => (word, "00"),
    };
    let digits = |s: &str| !s.is_empty() && s.len() <= 2 && s.chars().all(|c| c.is_ascii_digit());
    if !digits(hour) || !digits(minute) {
        return None;
    }
    let (h, m): (i16, i16) = (hour.parse().ok()?, minute.parse().ok()?);
    if h > 23 || m > 59 {
        return None;
    }
    Some((
        h,
        m,
        h == 0 || h > 12 || (hour.starts_with('0') && hour.len() == 2),
    ))
}

/// A time as a file holds it ("07:30"), or as typed where both halves of the day are taken
/// as the morning.
pub fn time_of_day(typed: &str) -> Option<Time> {
    time(typed).map(Reading::first)
}

/// Whether text is a phone number: 7 to 15 digits with the usual + ( ) - . and spaces, and
/// maybe an extension ("ext 12", "x12", "extension 12").
pub fn is_phone(typed: &str) -> bool {
    let lower = typed.trim().to_lowercase();
    let (number, extension) = match ["extension", "ext.", "ext", "x"]
        .iter()
        .find_map(|word| lower.rfind(word).map(|at| (at, word.len())))
    {
        Some((at, len)) => (&lower[..at], Some(lower[at + len..].trim())),
        None => (lower.as_str(), None),
    };
    let allowed = |c: char| c.is_ascii_digit() || " +()-./".contains(c);
    let digits = number.chars().filter(char::is_ascii_digit).count();
    let extension_fits = extension
        .is_none_or(|e| (1..=6).contains(&e.len()) && e.chars().all(|c| c.is_ascii_digit()));
    number.chars().all(allowed) && (7..=15).contains(&digits) && extension_fits
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date as d;

    const TODAY: Date = d(2026, 11, 25); // a Wednesday

    fn one(typed: &str, order: DayOrder) -> Result<Date, DateProblem> {
        match date(typed, TODAY, order)? {
            Reading::One(date) => Ok(date),
            either => panic!("{typed:?} read as {either:?}"),
        }
    }

    #[test]
    fn dates_people_write() {
        let cases = [
            ("2026-12-10", d(2026, 12, 10)),
            ("12/10/2026", d(2026, 12, 10)),
            ("12/10/26", d(2026, 12, 10)),
            ("12/10", d(2026, 12, 10)),
            ("12-10-2026", d(2026, 12, 10)),
            ("Dec 10", d(2026, 12, 10)),
            ("dec. 10", d(2026, 12, 10)),
            ("December 10, 2026", d(2026, 12, 10)),
            ("  December   10  ", d(2026, 12, 10)),
            ("10 Dec", d(2026, 12, 10)),
            ("Jan 5", d(2027, 1, 5)),
            ("Nov 24", d(2027, 11, 24)),
            ("today", TODAY),
            ("Tomorrow", d(2026, 11, 26)),
            ("the day after tomorrow", d(2026, 11, 27)),
            ("in 3 days", d(2026, 11, 28)),
            ("thursday", d(2026, 11, 26)),
            ("this thursday", d(2026, 11, 26)),
            ("Wednesday", d(2026, 12, 2)),
            ("next Wednesday", d(2026, 12, 2)),
            ("thursday next week", d(2026, 12, 3)),
            ("next week thursday", d(2026, 12, 3)),
            ("a week from thursday", d(2026, 12, 3)),
            ("sunday next week", d(2026, 12, 6)),
            ("10 Dec 2026", d(2026, 12, 10)),
            ("December 10th, 2026", d(2026, 12, 10)),
            ("31/12/2026", d(2026, 12, 31)),
            ("13/1/2027", d(2027, 1, 13)),
            ("yesterday", d(2026, 11, 24)),
            ("Thursday, December 10, 2026", d(2026, 12, 10)),
            ("Feb 29", d(2028, 2, 29)),
            ("2/29", d(2028, 2, 29)),
        ];
        for (typed, expected) in cases {
            assert_eq!(
                one(typed, DayOrder::MonthFirst),
                Ok(expected),
                "typed {typed:?}"
            );
        }
    }

    #[test]
    fn dates_in_spanish_are_day_first() {
        let cases = [
            ("10/12", d(2026, 12, 10)),
            ("10/12/2026", d(2026, 12, 10)),
            ("12/31/2026", d(2026, 12, 31)),
            ("10 de dic", d(2026, 12, 10)),
            ("10 de diciembre de 2026", d(2026, 12, 10)),
            ("jueves, 10 de diciembre de 2026", d(2026, 12, 10)),
            ("mañana", d(2026, 11, 26)),
            ("Manana", d(2026, 11, 26)),
            ("pasado mañana", d(2026, 11, 27)),
            ("hoy", TODAY),
            ("el jueves", d(2026, 11, 26)),
            ("el jueves de la semana que viene", d(2026, 12, 3)),
            ("el próximo miércoles", d(2026, 12, 2)),
            ("sabado", d(2026, 11, 28)),
            ("5 de enero", d(2027, 1, 5)),
            ("31/12/2026", d(2026, 12, 31)),
            ("29 de febrero", d(2028, 2, 29)),
        ];
        for (typed, expected) in cases {
            assert_eq!(
                one(typed, DayOrder::DayFirst),
                Ok(expected),
                "typed {typed:?}"
            );
        }
        // The same numbers, month first in English.
        assert_eq!(one("10/12", DayOrder::MonthFirst), Ok(d(2027, 10, 12)));
    }

    #[test]
    fn next_thursday_within_six_days_is_asked() {
        let both = Ok(Reading::Either(d(2026, 11, 26), d(2026, 12, 3)));
        for (typed, order) in [
            ("next thurs", DayOrder::MonthFirst),
            ("Next Thursday", DayOrder::MonthFirst),
            ("el jueves que viene", DayOrder::DayFirst),
            ("el próximo jueves", DayOrder::DayFirst),
        ] {
            assert_eq!(date(typed, TODAY, order), both, "{typed:?}");
        }
        // A week away is the only one it can be.
        assert_eq!(
            date("next wed", TODAY, DayOrder::MonthFirst),
            Ok(Reading::One(d(2026, 12, 2)))
        );
    }

    #[test]
    fn nonsense_and_impossible_dates_are_refused() {
        assert_eq!(
            date("", TODAY, DayOrder::MonthFirst),
            Err(DateProblem::Empty)
        );
        for typed in [
            "soon",
            "13/45/2026",
            "Feb 30 2027",
            "2026-02-30",
            "Feb 29 2027",
            "th",
            "pronto",
            "next",
            "thursday soon",
            "Friday, December 10, 2026",
            "Dec",
            "diciembre",
        ] {
            for order in [DayOrder::MonthFirst, DayOrder::DayFirst] {
                assert_eq!(
                    date(typed, TODAY, order),
                    Err(DateProblem::Unreadable),
                    "{typed:?}"
                );
            }
        }
    }

    #[test]
    fn a_procedure_date_in_the_past_is_refused() {
        assert_eq!(
            procedure_date("2026-11-20", TODAY, DayOrder::MonthFirst),
            Err(DateProblem::Past(d(2026, 11, 20)))
        );
        assert_eq!(
            procedure_date("today", TODAY, DayOrder::MonthFirst),
            Ok(Reading::One(TODAY))
        );
    }

    #[test]
    fn times() {
        let one = |h, m| Some(Reading::One(Time::constant(h, m, 0, 0)));
        let either = |h, m| {
            Some(Reading::Either(
                Time::constant(h, m, 0, 0),
                Time::constant(h + 12, m, 0, 0),
            ))
        };
        let cases = [
            ("7:30", one(7, 30)),
            ("07:30", one(7, 30)),
            ("7:30 am", one(7, 30)),
            ("7.30am", one(7, 30)),
            ("7:30 PM", one(19, 30)),
            ("7 p.m.", one(19, 0)),
            ("7 p. m.", one(19, 0)),
            ("7am", one(7, 0)),
            ("8 am", one(8, 0)),
            ("8 in the morning", one(8, 0)),
            ("8 at night", one(20, 0)),
            ("3 in the afternoon", one(15, 0)),
            ("12 am", one(0, 0)),
            ("12:30 pm", one(12, 30)),
            ("19:30", one(19, 30)),
            ("20:00", one(20, 0)),
            ("7.30", one(7, 30)),
            ("0730", one(7, 30)),
            ("1915", one(19, 15)),
            ("14h30", one(14, 30)),
            ("noon", one(12, 0)),
            ("mediodía", one(12, 0)),
            ("half past 7", one(7, 30)),
            ("quarter to 8", one(7, 45)),
            ("8 de la mañana", one(8, 0)),
            ("8 de la noche", one(20, 0)),
            ("3 de la tarde", one(15, 0)),
            ("a las 8 y media", one(8, 30)),
            ("8 menos cuarto", one(7, 45)),
            ("1:30", either(1, 30)),
            ("6:59", either(6, 59)),
            ("6", either(6, 0)),
            ("01:30", one(1, 30)),
            ("25:00", None),
            ("noonish", None),
            ("13 am", None),
            ("8 am pm", None),
            ("7:3", None),
        ];
        for (typed, expected) in cases {
            assert_eq!(time(typed), expected, "typed {typed:?}");
        }
        // A file's times are the 24-hour clock.
        assert_eq!(time_of_day("01:30"), Some(Time::constant(1, 30, 0, 0)));
    }

    #[test]
    fn phones() {
        for fine in [
            " (555) 123-4567 ",
            "+1 555 123 4567",
            "(555) 201-3344 ext 12",
            "555-201-3344 x12",
            "555 201 3344 extension 4",
            "+44 20 7946 0958",
            "+1 (555) 201-3344 ext. 120",
        ] {
            assert!(is_phone(fine), "{fine}");
        }
        for wrong in ["call me", "123", "555-CALL-NOW", "555-201-3344 ext twelve"] {
            assert!(!is_phone(wrong), "{wrong}");
        }
    }
}
