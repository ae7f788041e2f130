//! Calendar reminders (RFC 5545, through the `icalendar` crate) from the same sheet model:
//! the procedure itself, and reminders to make the calls and plans the sheet lists.

use std::io::{self, Write};

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use icalendar::{Calendar, CalendarDateTime, Component, Event, EventLike};
use jiff::ToSpan;
use jiff::civil::{Date, Time};

use super::{Entry, MEDICATION_STATEMENT, Sheet, When};

/// One reminder: a day, maybe a time, what to do and why. Every description ends with the
/// medication statement, added when the event is written.
struct Reminder {
    /// Stable across runs, so importing the file again updates events instead of adding.
    key: String,
    day: Date,
    at: Option<Time>,
    summary: String,
    description: String,
}

/// The reminders a sheet calls for, in date order.
fn reminders(sheet: &Sheet) -> Vec<Reminder> {
    let soon = sheet.today.checked_add(1.day()).unwrap_or(sheet.today);
    let mut list = Vec::new();
    for group in &sheet.questions {
        let Some(about) = &group.about else { continue };
        list.push(Reminder {
            key: format!("ask-{about}"),
            day: soon,
            at: None,
            summary: format!("Call your care team about {about}"),
            description: format!("Ask:\n{}", bullets(&group.questions)),
        });
    }
    let general: Vec<String> = sheet
        .questions
        .iter()
        .filter(|g| g.about.is_none())
        .flat_map(|g| g.questions.iter().cloned())
        .collect();
    if !general.is_empty() {
        list.push(Reminder {
            key: "ask-general".into(),
            day: soon,
            at: None,
            summary: "Ask your care team your questions".into(),
            description: format!("Ask:\n{}", bullets(&general)),
        });
    }
    for todo in sheet.urgent.iter().chain(&sheet.todo) {
        list.push(Reminder {
            key: format!("todo-{todo}"),
            day: soon,
            at: None,
            summary: todo.clone(),
            description: format!("From your reminder sheet for: {}.", sheet.procedure),
        });
    }
    if let When::On { date, arrive, .. } = sheet.when {
        let day_before = date.checked_sub(1.day()).unwrap_or(date);
        let ride: Vec<String> = sheet
            .ride
            .iter()
            .map(|e| match e {
                Entry::Fact(text) | Entry::Todo(text) => text.clone(),
            })
            .collect();
        list.push(Reminder {
            key: "ride".into(),
            day: day_before,
            at: Some(Time::constant(10, 0, 0, 0)),
            summary: "Check your ride home for tomorrow".into(),
            description: format!("Call the person taking you home.\n{}", bullets(&ride)),
        });
        if !sheet.bring.is_empty() {
            list.push(Reminder {
                key: "bring".into(),
                day: day_before,
                at: Some(Time::constant(19, 0, 0, 0)),
                summary: "Pack what to bring tomorrow".into(),
                description: bullets(&sheet.bring),
            });
        }
        list.push(Reminder {
            key: "procedure".into(),
            day: date,
            at: arrive,
            summary: sheet.procedure.clone(),
            description: sheet.title.clone(),
        });
    }
    list.sort_by_key(|r| (r.day, r.at));
    list
}

fn bullets(lines: &[String]) -> String {
    lines
        .iter()
        .map(|l| format!("- {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// "ask-Plavix (clopidogrel)..." as a UID: lower case letters and digits with dashes.
fn uid(checklist_id: &str, key: &str) -> String {
    let mut slug = String::new();
    for c in key.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    format!("{checklist_id}-{}@prepcheck", slug.trim_matches('-'))
}

fn naive_date(date: Date) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(date.year().into(), date.month() as u32, date.day() as u32)
}

/// Write the calendar. Timed events are local times in `time_zone` (an IANA name), or
/// floating local times when it is not known.
pub fn write(sheet: &Sheet, time_zone: Option<&str>, out: &mut dyn Write) -> io::Result<()> {
    let mut calendar = Calendar::new();
    calendar.append_property(("PRODID", "-//prepcheck//reminders//EN"));
    calendar.name(&crate::text::clean(&sheet.title));
    if let Some(zone) = time_zone {
        calendar.timezone(zone);
    }
    for reminder in reminders(sheet) {
        let Some(day) = naive_date(reminder.day) else {
            continue;
        };
        let mut event = Event::new();
        event
            .uid(&uid(&sheet.checklist_id, &reminder.key))
            .summary(&crate::text::clean(&reminder.summary))
            .description(&crate::text::clean_lines(&format!(
                "{}\n{MEDICATION_STATEMENT}",
                reminder.description
            )));
        match reminder.at {
            Some(at) => {
                let time = NaiveTime::from_hms_opt(at.hour() as u32, at.minute() as u32, 0)
                    .unwrap_or_default();
                let local = NaiveDateTime::new(day, time);
                let start = match time_zone {
                    Some(zone) => CalendarDateTime::WithTimezone {
                        date_time: local,
                        tzid: zone.to_string(),
                    },
                    None => CalendarDateTime::Floating(local),
                };
                event.starts(start);
            }
            None => {
                event.starts(day).ends(day.succ_opt().unwrap_or(day));
            }
        }
        calendar.push(event.done());
    }
    write!(out, "{}", calendar.done())
}
