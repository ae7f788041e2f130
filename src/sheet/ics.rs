//! Calendar reminders (RFC 5545, through the `icalendar` crate) from the same sheet model:
//! the procedure itself, and reminders to make the calls and plans the sheet lists.

use std::io::{self, Write};

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use icalendar::{Alarm, Calendar, CalendarDateTime, Component, Event, EventLike, Trigger};
use jiff::civil::{Date, DateTime, Time};
use jiff::tz::{Offset, TimeZone};
use jiff::{Timestamp, ToSpan};

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
    /// Whether the calendar should alert the patient (not for the procedure itself: the
    /// reminders the day before cover it).
    alert: bool,
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
            alert: true,
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
            alert: true,
        });
    }
    for todo in sheet.urgent.iter().chain(&sheet.todo) {
        list.push(Reminder {
            key: format!("todo-{todo}"),
            day: soon,
            at: None,
            summary: todo.clone(),
            description: format!("From your reminder sheet for: {}.", sheet.procedure),
            alert: true,
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
            alert: true,
        });
        if !sheet.bring.is_empty() {
            list.push(Reminder {
                key: "bring".into(),
                day: day_before,
                at: Some(Time::constant(19, 0, 0, 0)),
                summary: "Pack what to bring tomorrow".into(),
                description: bullets(&sheet.bring),
                alert: true,
            });
        }
        list.push(Reminder {
            key: "procedure".into(),
            day: date,
            at: arrive,
            summary: sheet.procedure.clone(),
            description: sheet.title.clone(),
            alert: false,
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

/// Write the calendar. Timed events are local times in `time_zone`, described by a
/// VTIMEZONE, or floating local times when the zone has no IANA name (a POSIX `TZ` rule).
pub fn write(sheet: &Sheet, time_zone: &TimeZone, out: &mut dyn Write) -> io::Result<()> {
    let zone_name = time_zone.iana_name().map(clean_value);
    let reminders = reminders(sheet);
    let mut calendar = Calendar::empty();
    calendar
        .append_property(("VERSION", "2.0"))
        .append_property(("PRODID", "-//prepcheck//reminders//EN"))
        .append_property(("CALSCALE", "GREGORIAN"))
        .name(&crate::text::clean(&sheet.title));
    let mut zone_rules = String::new();
    if let Some(name) = &zone_name {
        calendar.timezone(name.as_str());
        let instants: Vec<Timestamp> = reminders
            .iter()
            .filter_map(|r| {
                let local = DateTime::from_parts(r.day, r.at?);
                Some(local.to_zoned_datetime(time_zone.clone()).ok()?.timestamp())
            })
            .collect();
        if let (Some(first), Some(last)) = (instants.iter().min(), instants.iter().max()) {
            zone_rules = vtimezone(time_zone, name, *first, *last);
        }
    }
    // The crate cannot write a VTIMEZONE (it gives every component a DTSTAMP and a UID,
    // which a VTIMEZONE must not have), so ours goes between its header and its events.
    let header = calendar.done().to_string();
    let header = header
        .strip_suffix(CALENDAR_END)
        .ok_or_else(|| io::Error::other("the calendar header did not end as expected"))?;
    out.write_all(header.as_bytes())?;
    out.write_all(zone_rules.as_bytes())?;
    for reminder in reminders {
        if let Some(event) = event(&sheet.checklist_id, &reminder, zone_name.as_deref()) {
            let text = event
                .try_into_string()
                .map_err(|_| io::Error::other("cannot write a calendar event"))?;
            out.write_all(text.as_bytes())?;
        }
    }
    out.write_all(CALENDAR_END.as_bytes())
}

const CALENDAR_END: &str = "END:VCALENDAR\r\n";

/// One reminder as a calendar event, with an alert unless it is the procedure itself.
fn event(checklist_id: &str, reminder: &Reminder, zone_name: Option<&str>) -> Option<Event> {
    let day = naive_date(reminder.day)?;
    let event_uid = uid(checklist_id, &reminder.key);
    let summary = crate::text::clean(&reminder.summary);
    let mut event = Event::new();
    event
        .uid(&event_uid)
        .summary(&summary)
        .description(&crate::text::clean_lines(&format!(
            "{}\n{MEDICATION_STATEMENT}",
            reminder.description
        )));
    let alert_after_start = match reminder.at {
        Some(at) => {
            let time = NaiveTime::from_hms_opt(at.hour() as u32, at.minute() as u32, 0)
                .unwrap_or_default();
            let local = NaiveDateTime::new(day, time);
            event.starts(match zone_name {
                Some(name) => CalendarDateTime::WithTimezone {
                    date_time: local,
                    tzid: name.to_string(),
                },
                None => CalendarDateTime::Floating(local),
            });
            chrono::Duration::zero()
        }
        None => {
            event.starts(day).ends(day.succ_opt().unwrap_or(day));
            chrono::Duration::hours(MORNING_HOURS)
        }
    };
    if reminder.alert {
        // A UID of its own (RFC 9074), stable like the event's. The crate also gives it a
        // DTSTAMP, which RFC 5545 does not list for alarms; calendars pass it over.
        // The alert is a screen of its own, so it repeats the medication statement too.
        let alert_text = format!("{summary}\n{MEDICATION_STATEMENT}");
        let alarm = Alarm::display(&alert_text, Trigger::after_start(alert_after_start))
            .add_property("UID", uid(checklist_id, &format!("{}-alert", reminder.key)))
            .done();
        event.alarm(alarm);
    }
    Some(event.done())
}

/// When the alert of a whole-day reminder goes off: 9 in the morning of that day.
const MORNING_HOURS: i64 = 9;

/// The VTIMEZONE that the events' TZID `name` (already cleaned) names (RFC 5545, 3.6.5): the offset in force at the
/// first timed event, and each change of offset until the last one.
fn vtimezone(tz: &TimeZone, name: &str, first: Timestamp, last: Timestamp) -> String {
    let after_first = first.checked_add(1.second()).unwrap_or(first);
    let mut text = format!("BEGIN:VTIMEZONE\r\nTZID:{name}\r\n");
    match tz.preceding(after_first).next() {
        Some(in_force) => {
            let since = in_force.timestamp();
            let changes = std::iter::once(in_force)
                .chain(tz.following(since).take_while(|t| t.timestamp() <= last));
            for change in changes {
                let at = change.timestamp();
                let before = tz.to_offset(at.checked_sub(1.second()).unwrap_or(at));
                text.push_str(&observance(
                    change.offset() > before,
                    before.to_datetime(at),
                    before,
                    change.offset(),
                    change.abbreviation(),
                ));
            }
        }
        // A zone that never changed its offset, such as UTC.
        None => {
            let info = tz.to_offset_info(first);
            text.push_str(&observance(
                false,
                DateTime::constant(1970, 1, 1, 0, 0, 0, 0),
                info.offset(),
                info.offset(),
                info.abbreviation(),
            ));
        }
    }
    text.push_str("END:VTIMEZONE\r\n");
    text
}

/// One STANDARD or DAYLIGHT part of a VTIMEZONE: from `start` (local time in the old
/// offset) the clocks read `to` instead of `from`. DAYLIGHT is for clocks that went forward:
/// some zones (Europe/Dublin) call their winter time "daylight saving", which calendars that
/// pair a standard and a daylight rule would read the wrong way round.
fn observance(daylight: bool, start: DateTime, from: Offset, to: Offset, name: &str) -> String {
    let kind = if daylight { "DAYLIGHT" } else { "STANDARD" };
    format!(
        "BEGIN:{kind}\r\nDTSTART:{}\r\nTZOFFSETFROM:{}\r\nTZOFFSETTO:{}\r\nTZNAME:{}\r\nEND:{kind}\r\n",
        start.strftime("%Y%m%dT%H%M%S"),
        utc_offset(from),
        utc_offset(to),
        clean_value(name),
    )
}

/// Zone names and abbreviations come from the system's time zone files: keep only what a
/// plain property value may hold, so nothing in them can end a line or the component.
fn clean_value(value: &str) -> String {
    value
        .chars()
        .filter(|c| c.is_ascii_graphic() && !matches!(c, ';' | ',' | '\\' | ':'))
        .collect()
}

/// An offset as RFC 5545 writes it: `-0600`, `+0530`, and seconds only when there are some.
fn utc_offset(offset: Offset) -> String {
    let seconds = offset.seconds();
    let sign = if seconds < 0 { '-' } else { '+' };
    let seconds = seconds.unsigned_abs();
    let (hours, minutes, rest) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if rest == 0 {
        format!("{sign}{hours:02}{minutes:02}")
    } else {
        format!("{sign}{hours:02}{minutes:02}{rest:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_written_as_rfc_5545_asks() {
        let cases = [
            (-6 * 3600, "-0600"),
            (5 * 3600 + 30 * 60, "+0530"),
            (0, "+0000"),
            (-(4 * 3600 + 51 * 60 + 17), "-045117"),
        ];
        for (seconds, written) in cases {
            let offset = Offset::from_seconds(seconds).expect("offset");
            assert_eq!(utc_offset(offset), written, "{seconds} s");
        }
    }

    #[test]
    fn zone_names_cannot_break_a_line() {
        assert_eq!(clean_value("America/Chicago"), "America/Chicago");
        assert_eq!(clean_value("Bad\r\nEND:VTIMEZONE"), "BadENDVTIMEZONE");
    }
}
