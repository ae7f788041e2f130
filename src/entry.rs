//! What a patient types, turned into typed values: dates, times and phone numbers. Pure:
//! today's date is passed in, so every rule here is testable.

use jiff::ToSpan;
use jiff::civil::{Date, Time};

/// A date as people write it: 2026-12-10, 12/10/2026, 12/10, Dec 10, December 10, 2026,
/// 10 Dec, today, tomorrow, or a weekday ("Thursday": the next one). A date without a year
/// is the next one from today.
pub fn date(typed: &str, today: Date) -> Result<Date, String> {
    let text = typed
        .trim()
        .to_lowercase()
        .replace(',', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let text = text
        .trim_start_matches("next ")
        .trim_start_matches("this ")
        .to_string();
    if text.is_empty() {
        return Err("Please type a date, like Dec 10.".into());
    }
    match text.as_str() {
        "today" => return Ok(today),
        "tomorrow" => return today.checked_add(1.day()).map_err(|e| e.to_string()),
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
        "%Y-%m-%d", "%m/%d/%Y", "%m-%d-%Y", "%m.%d.%Y", "%B %d %Y", "%b %d %Y", "%d %B %Y",
        "%d %b %Y",
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
    const WITHOUT_YEAR: &[&str] = &["%m/%d", "%B %d", "%b %d", "%d %B", "%d %b"];
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
        "Sorry, I could not read \"{}\" as a date. Try it like this: Dec 10, or 12/10/2026.",
        typed.trim()
    ))
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

/// A time of day: 7:30, 07:30, 7:30 am, 7am, 7 pm, 19:30.
pub fn time_of_day(typed: &str) -> Option<Time> {
    let text = typed
        .trim()
        .to_lowercase()
        .replace('.', "")
        .split_whitespace()
        .collect::<String>();
    const FORMATS: &[&str] = &["%H:%M", "%I:%M%p", "%I%p"];
    FORMATS
        .iter()
        .find_map(|format| Time::strptime(format, &text).ok())
}

/// "7:30 AM".
pub fn time_in_words(time: Time) -> String {
    time.strftime("%-I:%M %p").to_string()
}

/// A phone number as the patient typed it, trimmed: digits with the usual + ( ) - . and
/// spaces, 7 to 15 digits.
pub fn phone(typed: &str) -> Result<String, String> {
    let text = typed.trim();
    let allowed = |c: char| c.is_ascii_digit() || " +()-./".contains(c);
    let digits = text.chars().filter(char::is_ascii_digit).count();
    if text.chars().all(allowed) && (7..=15).contains(&digits) {
        Ok(text.to_string())
    } else {
        Err(format!(
            "\"{text}\" does not look like a phone number. Use digits, like 555-123-4567."
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
            ("25:00", None),
            ("noonish", None),
        ];
        for (typed, expected) in cases {
            let got = time_of_day(typed).map(|t| (t.hour(), t.minute()));
            assert_eq!(got, expected, "typed {typed:?}");
        }
        assert_eq!(time_in_words(Time::constant(7, 5, 0, 0)), "7:05 AM");
    }

    #[test]
    fn phones() {
        assert_eq!(phone(" (555) 123-4567 "), Ok("(555) 123-4567".into()));
        assert_eq!(phone("+1 555 123 4567"), Ok("+1 555 123 4567".into()));
        assert!(phone("call me").is_err());
        assert!(phone("123").is_err());
    }
}
