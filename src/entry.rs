//! What a patient types, turned into typed values: dates, times and phone numbers. Pure:
//! today's date is passed in, so every rule here is testable.

use jiff::ToSpan;
use jiff::civil::{Date, Time};

/// A date as people write it: 2026-12-10, 12/10/2026, 12/10, Dec 10, December 10th, 2026,
/// 10 Dec 2026, today, tomorrow, yesterday, or a weekday ("next Thursday": the next one). A
/// date without a year is the next one from today. Numbers are month first, as in the US,
/// unless that cannot be a date and day first can ("31/12/2026").
pub fn date(typed: &str, today: Date) -> Result<Date, String> {
    let text = typed
        .trim()
        .to_lowercase()
        .replace(',', " ")
        .split_whitespace()
        .map(without_ordinal)
        .collect::<Vec<_>>()
        .join(" ");
    let text = text
        .trim_start_matches("next ")
        .trim_start_matches("this ")
        .trim_start_matches("on ")
        .to_string();
    if text.is_empty() {
        return Err(format!("Please type a date. {DATE_EXAMPLES}"));
    }
    match text.as_str() {
        "today" => return Ok(today),
        "tomorrow" => return today.checked_add(1.day()).map_err(|e| e.to_string()),
        "yesterday" => return today.checked_sub(1.day()).map_err(|e| e.to_string()),
        _ => {}
    }
    if let Some(weekday) = WEEKDAYS.iter().find(|(name, _)| is_word_for(&text, name)) {
        // The next such weekday after today: "Thursday" said on a Thursday means next week.
        let mut day = today;
        loop {
            day = day.tomorrow().map_err(|e| e.to_string())?;
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
                date.checked_add(1.year()).map_err(|e| e.to_string())?
            } else {
                date
            });
        }
    }
    Err(format!(
        "Sorry, I could not read \"{}\" as a date. {DATE_EXAMPLES}",
        typed.trim()
    ))
}

/// What a refused date is told: forms that work.
const DATE_EXAMPLES: &str = "Try it like this: Dec 10, 12/10/2026, 2026-12-10, tomorrow or \
    next Thursday.";

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

const WEEKDAYS: &[(&str, jiff::civil::Weekday)] = &[
    ("monday", jiff::civil::Weekday::Monday),
    ("tuesday", jiff::civil::Weekday::Tuesday),
    ("wednesday", jiff::civil::Weekday::Wednesday),
    ("thursday", jiff::civil::Weekday::Thursday),
    ("friday", jiff::civil::Weekday::Friday),
    ("saturday", jiff::civil::Weekday::Saturday),
    ("sunday", jiff::civil::Weekday::Sunday),
];

/// "thu", "thur", "thurs" and "thursday" all name Thursday.
fn is_word_for(text: &str, name: &str) -> bool {
    text.len() >= 3 && name.starts_with(text)
}

/// A procedure date: a real date, and not in the past.
pub fn procedure_date(typed: &str, today: Date) -> Result<Date, String> {
    let date = date(typed, today)?;
    if date < today {
        return Err(format!(
            "{} has already passed. Please type the day of your procedure that is still to come.",
            in_words(date)
        ));
    }
    Ok(date)
}

/// "Thursday, December 10, 2026".
pub fn in_words(date: Date) -> String {
    date.strftime("%A, %B %-d, %Y").to_string()
}

/// A time of day: 7:30, 07:30, 7.30, 7:30 am, 7:30am, 7am, 7 p.m., 19:30, 0730, noon.
pub fn time_of_day(typed: &str) -> Result<Time, String> {
    let text = typed
        .trim()
        .to_lowercase()
        .replace("a.m.", "am")
        .replace("p.m.", "pm")
        .replace('.', ":")
        .split_whitespace()
        .collect::<String>();
    match text.as_str() {
        "noon" | "midday" | "12noon" => return Ok(Time::constant(12, 0, 0, 0)),
        "midnight" => return Ok(Time::constant(0, 0, 0, 0)),
        _ => {}
    }
    const FORMATS: &[&str] = &["%H:%M", "%I:%M%p", "%I%p", "%H%M", "%I%M%p"];
    FORMATS
        .iter()
        .find_map(|format| Time::strptime(format, &text).ok())
        .ok_or_else(|| {
            format!(
                "Sorry, I could not read \"{}\" as a time. Try it like this: 7:30 am, 7.30, \
                 14:00, 0730 or noon.",
                typed.trim()
            )
        })
}

/// "7:30 AM".
pub fn time_in_words(time: Time) -> String {
    time.strftime("%-I:%M %p").to_string()
}

/// A phone number as the patient typed it, trimmed: 7 to 15 digits with the usual + ( ) - .
/// and spaces, and maybe an extension ("ext 12", "x12", "extension 12").
pub fn phone(typed: &str) -> Result<String, String> {
    let text = typed.trim();
    let lower = text.to_lowercase();
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
    if number.chars().all(allowed) && (7..=15).contains(&digits) && extension_fits {
        Ok(text.to_string())
    } else {
        Err(format!(
            "\"{text}\" does not look like a phone number. Try it like this: 555-123-4567, \
             (555) 123-4567 ext 12, or +44 20 7946 0958."
        ))
    }
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
        ];
        for (typed, expected) in cases {
            assert_eq!(date(typed, TODAY), Ok(expected), "typed {typed:?}");
        }
    }

    #[test]
    fn nonsense_and_impossible_dates_are_refused_kindly() {
        for typed in ["", "soon", "13/45/2026", "Feb 30 2027", "2026-02-30", "th"] {
            let error = date(typed, TODAY).expect_err(typed);
            assert!(error.contains("date"), "{typed:?}: {error}");
            assert!(error.contains("Dec 10, 12/10/2026"), "examples: {error}");
        }
    }

    #[test]
    fn a_procedure_date_in_the_past_is_refused() {
        let error = procedure_date("2026-11-20", TODAY).unwrap_err();
        assert!(
            error.contains("Friday, November 20, 2026 has already passed"),
            "{error}"
        );
        assert_eq!(procedure_date("today", TODAY), Ok(TODAY));
    }

    #[test]
    fn dates_are_echoed_in_words() {
        assert_eq!(in_words(d(2026, 12, 10)), "Thursday, December 10, 2026");
    }

    #[test]
    fn times() {
        let cases = [
            ("7:30", Some((7, 30))),
            ("07:30", Some((7, 30))),
            ("7:30 am", Some((7, 30))),
            ("7:30 PM", Some((19, 30))),
            ("7 p.m.", Some((19, 0))),
            ("7am", Some((7, 0))),
            ("19:30", Some((19, 30))),
            ("7.30", Some((7, 30))),
            ("7:30am", Some((7, 30))),
            ("0730", Some((7, 30))),
            ("1915", Some((19, 15))),
            ("noon", Some((12, 0))),
            ("25:00", None),
            ("noonish", None),
        ];
        for (typed, expected) in cases {
            let got = time_of_day(typed).ok().map(|t| (t.hour(), t.minute()));
            assert_eq!(got, expected, "typed {typed:?}");
        }
        let refused = time_of_day("soonish").unwrap_err();
        assert!(refused.contains("7:30 am"), "{refused}");
        assert_eq!(time_in_words(Time::constant(7, 5, 0, 0)), "7:05 AM");
    }

    #[test]
    fn phones() {
        assert_eq!(phone(" (555) 123-4567 "), Ok("(555) 123-4567".into()));
        assert_eq!(phone("+1 555 123 4567"), Ok("+1 555 123 4567".into()));
        assert!(phone("call me").is_err());
        assert!(phone("123").is_err());
        for fine in [
            "(555) 201-3344 ext 12",
            "555-201-3344 x12",
            "555 201 3344 extension 4",
            "+44 20 7946 0958",
            "+1 (555) 201-3344 ext. 120",
        ] {
            assert_eq!(phone(fine), Ok(fine.to_string()), "{fine}");
        }
        let refused = phone("555-CALL-NOW").unwrap_err();
        assert!(refused.contains("555-123-4567"), "{refused}");
    }
}
