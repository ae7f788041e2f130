//! What a patient types, turned into typed values: dates, times and phone numbers, in
//! English or Spanish words. Pure: today's date is passed in, and what to tell the patient
//! when something cannot be read is the walk's to say, in the patient's language.

use jiff::ToSpan;
use jiff::civil::{Date, Time, Weekday};

/// Why a typed date was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateProblem {
    Empty,
    Unreadable,
    /// A procedure date that has already passed.
    Past(Date),
}

/// A date as people write it: 2026-12-10, 12/10/2026, 12/10, Dec 10, December 10th, 2026,
/// 10 Dec 2026, today, tomorrow, yesterday, a weekday ("next Thursday": the next one); or in
/// Spanish: 10 de dic, 10 de diciembre de 2026, mañana, hoy, el jueves. A date without a year
/// is the next one from today. Numbers are month first, as in the US, unless that cannot be
/// a date and day first can ("31/12/2026").
pub fn date(typed: &str, today: Date) -> Result<Date, DateProblem> {
    let words: Vec<String> = typed
        .trim()
        .to_lowercase()
        .replace(',', " ")
        .split_whitespace()
        .filter(|w| !FILLERS.contains(w))
        .map(|w| in_english(without_ordinal(w)))
        .collect();
    let text = words.join(" ");
    if text.is_empty() {
        return Err(DateProblem::Empty);
    }
    match text.as_str() {
        "today" => return Ok(today),
        "tomorrow" => {
            return today
                .checked_add(1.day())
                .map_err(|_| DateProblem::Unreadable);
        }
        "yesterday" => {
            return today
                .checked_sub(1.day())
                .map_err(|_| DateProblem::Unreadable);
        }
        _ => {}
    }
    if let Some(weekday) = WEEKDAYS.iter().find(|(name, _)| is_word_for(&text, name)) {
        // The next such weekday after today: "Thursday" said on a Thursday means next week.
        let mut day = today;
        loop {
            day = day.tomorrow().map_err(|_| DateProblem::Unreadable)?;
            if day.weekday() == weekday.1 {
                return Ok(day);
            }
        }
    }
    const WITH_YEAR: &[&str] = &[
        "%Y-%m-%d",
        "%A %B %d %Y",
        "%m/%d/%Y",
        "%m-%d-%Y",
        "%m.%d.%Y",
        "%B %d %Y",
        "%b %d %Y",
        "%d %B %Y",
        "%d %b %Y",
        "%A %d %B %Y",
        "%d/%m/%Y",
        "%d-%m-%Y",
        "%d.%m.%Y",
    ];
    for format in WITH_YEAR {
        // %Y reads "26" as the year 26; a two-digit year means this century (%y).
        let parsed = Date::strptime(format, &text)
            .ok()
            .filter(|d| d.year() >= 1000)
            .or_else(|| Date::strptime(format.replace("%Y", "%y"), &text).ok());
        if let Some(date) = parsed {
            return Ok(date);
        }
    }
    const WITHOUT_YEAR: &[&str] = &["%m/%d", "%B %d", "%b %d", "%d %B", "%d %b", "%d/%m"];
    for format in WITHOUT_YEAR {
        let with_year = format!("{text} {}", today.year());
        if let Ok(date) = Date::strptime(format!("{format} %Y"), &with_year) {
            return Ok(if date < today {
                date.checked_add(1.year())
                    .map_err(|_| DateProblem::Unreadable)?
            } else {
                date
            });
        }
    }
    Err(DateProblem::Unreadable)
}

/// Words that say nothing about which day: "next Thursday", "el jueves", "10 de dic".
const FILLERS: &[&str] = &[
    "next", "this", "on", "the", "el", "la", "de", "del", "próximo", "proximo", "este",
];

/// Spanish day and month names, and their usual short forms, as English ones; English words
/// as they are. Accents may be left out ("miercoles", "sabado").
fn in_english(word: &str) -> String {
    const SPANISH: &[(&str, &str)] = &[
        ("hoy", "today"),
        ("mañana", "tomorrow"),
        ("manana", "tomorrow"),
        ("ayer", "yesterday"),
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
    let word = word.trim_end_matches('.');
    SPANISH
        .iter()
        .find(|(es, _)| *es == word)
        .map_or_else(|| word.to_string(), |(_, en)| en.to_string())
}

const WEEKDAYS: &[(&str, Weekday)] = &[
    ("monday", Weekday::Monday),
    ("tuesday", Weekday::Tuesday),
    ("wednesday", Weekday::Wednesday),
    ("thursday", Weekday::Thursday),
    ("friday", Weekday::Friday),
    ("saturday", Weekday::Saturday),
    ("sunday", Weekday::Sunday),
];

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

/// "thu", "thur", "thurs" and "thursday" all name Thursday.
fn is_word_for(text: &str, name: &str) -> bool {
    text.len() >= 3 && name.starts_with(text)
}

/// A procedure date: a real date, and not in the past.
pub fn procedure_date(typed: &str, today: Date) -> Result<Date, DateProblem> {
    let date = date(typed, today)?;
    if date < today {
        return Err(DateProblem::Past(date));
    }
    Ok(date)
}

/// A time of day: 7:30, 07:30, 7.30, 7:30 am, 7:30am, 7am, 7 p.m., 19:30, 0730, noon,
/// mediodía.
pub fn time_of_day(typed: &str) -> Option<Time> {
    let text = typed
        .trim()
        .to_lowercase()
        .replace("a.m.", "am")
        .replace("p.m.", "pm")
        .replace("a. m.", "am")
        .replace("p. m.", "pm")
        .replace('.', ":")
        .split_whitespace()
        .collect::<String>();
    match text.as_str() {
        "noon" | "midday" | "12noon" | "mediodía" | "mediodia" => {
            return Some(Time::constant(12, 0, 0, 0));
        }
        "midnight" | "medianoche" => return Some(Time::constant(0, 0, 0, 0)),
        _ => {}
    }
    const FORMATS: &[&str] = &["%H:%M", "%I:%M%p", "%I%p", "%H%M", "%I%M%p"];
    FORMATS
        .iter()
        .find_map(|format| Time::strptime(format, &text).ok())
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

    #[test]
    fn dates_people_write() {
        let cases = [
            ("2026-12-10", d(2026, 12, 10)),
            ("12/10/2026", d(2026, 12, 10)),
            ("12/10/26", d(2026, 12, 10)),
            ("12/10", d(2026, 12, 10)),
            ("Dec 10", d(2026, 12, 10)),
            ("dec 10", d(2026, 12, 10)),
            ("December 10, 2026", d(2026, 12, 10)),
            ("  December   10  ", d(2026, 12, 10)),
            ("10 Dec", d(2026, 12, 10)),
            ("Jan 5", d(2027, 1, 5)),
            ("Nov 24", d(2027, 11, 24)),
            ("today", TODAY),
            ("Tomorrow", d(2026, 11, 26)),
            ("thursday", d(2026, 11, 26)),
            ("Wednesday", d(2026, 12, 2)),
            ("next fri", d(2026, 11, 27)),
            ("next Thursday", d(2026, 11, 26)),
            ("10 Dec 2026", d(2026, 12, 10)),
            ("December 10th, 2026", d(2026, 12, 10)),
            ("31/12/2026", d(2026, 12, 31)),
            ("13/1/2027", d(2027, 1, 13)),
            ("yesterday", d(2026, 11, 24)),
            ("Thursday, December 10, 2026", d(2026, 12, 10)),
        ];
        for (typed, expected) in cases {
            assert_eq!(date(typed, TODAY), Ok(expected), "typed {typed:?}");
        }
    }

    #[test]
    fn dates_in_spanish() {
        let cases = [
            ("10 de dic", d(2026, 12, 10)),
            ("10 de diciembre de 2026", d(2026, 12, 10)),
            ("jueves, 10 de diciembre de 2026", d(2026, 12, 10)),
            ("mañana", d(2026, 11, 26)),
            ("Manana", d(2026, 11, 26)),
            ("hoy", TODAY),
            ("el jueves", d(2026, 11, 26)),
            ("el próximo miércoles", d(2026, 12, 2)),
            ("sabado", d(2026, 11, 28)),
            ("5 de enero", d(2027, 1, 5)),
            ("31/12/2026", d(2026, 12, 31)),
        ];
        for (typed, expected) in cases {
            assert_eq!(date(typed, TODAY), Ok(expected), "typed {typed:?}");
        }
    }

    #[test]
    fn nonsense_and_impossible_dates_are_refused() {
        assert_eq!(date("", TODAY), Err(DateProblem::Empty));
        for typed in [
            "soon",
            "13/45/2026",
            "Feb 30 2027",
            "2026-02-30",
            "th",
            "pronto",
        ] {
            assert_eq!(
                date(typed, TODAY),
                Err(DateProblem::Unreadable),
                "{typed:?}"
            );
        }
    }

    #[test]
    fn a_procedure_date_in_the_past_is_refused() {
        assert_eq!(
            procedure_date("2026-11-20", TODAY),
            Err(DateProblem::Past(d(2026, 11, 20)))
        );
        assert_eq!(procedure_date("today", TODAY), Ok(TODAY));
    }

    #[test]
    fn times() {
        let cases = [
            ("7:30", Some((7, 30))),
            ("07:30", Some((7, 30))),
            ("7:30 am", Some((7, 30))),
            ("7:30 PM", Some((19, 30))),
            ("7 p.m.", Some((19, 0))),
            ("7 p. m.", Some((19, 0))),
            ("7am", Some((7, 0))),
            ("19:30", Some((19, 30))),
            ("7.30", Some((7, 30))),
            ("7:30am", Some((7, 30))),
            ("0730", Some((7, 30))),
            ("1915", Some((19, 15))),
            ("noon", Some((12, 0))),
            ("mediodía", Some((12, 0))),
            ("25:00", None),
            ("noonish", None),
        ];
        for (typed, expected) in cases {
            let got = time_of_day(typed).map(|t| (t.hour(), t.minute()));
            assert_eq!(got, expected, "typed {typed:?}");
        }
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
