//! Calendar reminders (RFC 5545) from the same sheet model: the procedure itself, and
//! reminders to make the calls and plans the sheet lists.
//!
//! The file is written by hand, a few small functions deep: `escape` makes text a TEXT value,
//! `fold` cuts a content line into lines of at most 75 octets, `property` writes one content
//! line. Each goes once over its input, so the time grows with the length of the text and
//! nothing a patient types can make it loop. Nothing here reads the clock: "now" (the time
//! stamp, and when the first alert goes off) comes in with the sheet.

use std::io::{self, Write};

use jiff::civil::{Date, DateTime, Time};
use jiff::tz::{Offset, TimeZone};
use jiff::{Timestamp, ToSpan, ZonedDateTime};

use super::{Entry, Questions, Sheet, When};
use crate::i18n::Messages;

/// What a reminder is for; it names the event's UID, so importing the file again updates
/// the events it added before instead of adding them twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Urgent,
    Todo,
    Questions,
    Ride,
    Bring,
    Procedure,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Urgent => "urgent",
            Kind::Todo => "todo",
            Kind::Questions => "questions",
            Kind::Ride => "ride",
            Kind::Bring => "bring",
            Kind::Procedure => "procedure",
        }
    }
}

/// One event: a whole day or a time, what to do, and its alerts. Every description and
/// every alert's text ends with the medication statement, added when it is written.
#[derive(Debug)]
struct Reminder {
    kind: Kind,
    day: Date,
    at: Option<Time>,
    summary: String,
    description: String,
    alerts: Vec<Alert>,
}

#[derive(Debug)]
struct Alert {
    trigger: Trigger,
    text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Trigger {
    /// From the event's start: `days` (nominal: the same clock time on another day) and
    /// `hours`, both before the start when `before`.
    FromStart { before: bool, days: u8, hours: u8 },
    /// At this instant.
    At(Timestamp),
}

/// When the alert of a whole-day reminder goes off: 9 in the morning of its day.
const MORNING: Trigger = Trigger::FromStart {
    before: false,
    days: 0,
    hours: 9,
};
/// How long after "now" the alert of the urgent reminder goes off.
const SOON_MINUTES: i64 = 15;

/// The reminders a sheet calls for as of `now`: the urgent lines first, then by date. None
/// starts or alerts after the procedure starts (its arrival time, else the start of its
/// day); the procedure's own alerts come before it or on its morning.
fn reminders(sheet: &Sheet, now: &ZonedDateTime, m: &Messages) -> Vec<Reminder> {
    let today = sheet.today;
    let zone = now.time_zone();
    let (procedure_day, arrive) = match sheet.when {
        When::On { date, arrive, .. } => (Some(date), arrive),
        When::NotSet => (None, None),
    };
    let day_before = procedure_day.and_then(|d| d.yesterday().ok());
    let after = |days: i64| today.checked_add(days.days()).unwrap_or(today);
    // A whole-day reminder alerts at nine, or soon if that is past already today.
    let soon = now
        .timestamp()
        .checked_add(SOON_MINUTES.minutes())
        .unwrap_or(now.timestamp());
    let morning = |day: Date| match instant(day, Some(Time::constant(9, 0, 0, 0)), zone) {
        Some(nine) if day == today && nine <= now.timestamp() => Trigger::At(soon),
        _ => MORNING,
    };
    let mut list = Vec::new();
    let mut add = |kind, day, at, summary: &str, description: String, triggers: Vec<Trigger>| {
        let alerts = triggers
            .into_iter()
            .map(|trigger| Alert {
                trigger,
                text: summary.to_string(),
            })
            .collect();
        list.push(Reminder {
            kind,
            day,
            at,
            summary: summary.to_string(),
            description,
            alerts,
        });
    };

    if !sheet.urgent.is_empty() {
        add(
            Kind::Urgent,
            today,
            None,
            &m.get("reminder-urgent"),
            bullets(&sheet.urgent),
            vec![Trigger::At(soon)],
        );
    }
    if !sheet.todo.is_empty() {
        // Tomorrow, or today when tomorrow is the procedure day.
        let day = day_before
            .map_or(after(1), |last| after(1).min(last))
            .max(today);
        add(
            Kind::Todo,
            day,
            None,
            &m.get("reminder-todo"),
            bullets(&sheet.todo),
            vec![morning(day)],
        );
    }
    if !sheet.questions.is_empty() {
        // In a few days, or tomorrow when the procedure is close; never on its day.
        let close = procedure_day.is_some_and(|d| d <= after(10));
        let day = after(if close { 1 } else { 3 });
        let day = day_before.map_or(day, |last| day.min(last));
        if day >= today {
            add(
                Kind::Questions,
                day,
                None,
                &m.get("reminder-questions"),
                questions(&sheet.questions, m),
                vec![morning(day)],
            );
        }
    }
    if let (Some(date), Some(day_before)) = (procedure_day, day_before) {
        let ride: Vec<String> = sheet
            .ride
            .iter()
            .map(|e| match e {
                Entry::Fact(text) | Entry::Todo(text) => text.clone(),
            })
            .collect();
        let at_start = Trigger::FromStart {
            before: false,
            days: 0,
            hours: 0,
        };
        add(
            Kind::Ride,
            day_before,
            Some(Time::constant(10, 0, 0, 0)),
            &m.get("reminder-ride"),
            format!("{}\n{}", m.get("reminder-ride-call"), bullets(&ride)),
            vec![at_start],
        );
        if !sheet.bring.is_empty() {
            add(
                Kind::Bring,
                day_before,
                Some(Time::constant(19, 0, 0, 0)),
                &m.get("reminder-bring"),
                bullets(&sheet.bring),
                vec![at_start],
            );
        }
        list.push(procedure(sheet, date, arrive, m));
    }

    // Nothing after the procedure starts: what would be is dropped.
    if let Some(date) = procedure_day {
        let start = instant(date, arrive, zone);
        list.retain(|r| {
            r.kind == Kind::Procedure
                || start.is_some_and(|start| {
                    let alerts = r.alerts.iter().map(|a| alert_instant(r, a.trigger, zone));
                    std::iter::once(instant(r.day, r.at, zone))
                        .chain(alerts)
                        .all(|t| t.is_some_and(|t| t < start))
                })
        });
    }
    list.sort_by_key(|r| (r.kind != Kind::Urgent, r.day, r.at));
    list
}

/// The procedure: alerts the day before and on its morning (for a whole day, 9:00 the day
/// before and 7:00 that morning; at a time, a day and two hours before it).
fn procedure(sheet: &Sheet, date: Date, arrive: Option<Time>, m: &Messages) -> Reminder {
    let (day_before, morning, arrive_at) = match arrive {
        None => (
            Trigger::FromStart {
                before: true,
                days: 0,
                hours: 15,
            },
            Trigger::FromStart {
                before: false,
                days: 0,
                hours: 7,
            },
            String::new(),
        ),
        Some(time) => (
            Trigger::FromStart {
                before: true,
                days: 1,
                hours: 0,
            },
            Trigger::FromStart {
                before: true,
                days: 0,
                hours: 2,
            },
            format!(
                " {}",
                m.with("reminder-arrive", &[("time", m.time(time).into())])
            ),
        ),
    };
    Reminder {
        kind: Kind::Procedure,
        day: date,
        at: arrive,
        summary: sheet.procedure.clone(),
        description: format!("{}.{arrive_at}", sheet.title),
        alerts: vec![
            Alert {
                trigger: day_before,
                text: format!(
                    "{}{arrive_at}",
                    m.with(
                        "reminder-tomorrow",
                        &[("procedure", sheet.procedure.as_str().into())]
                    )
                ),
            },
            Alert {
                trigger: morning,
                text: format!(
                    "{}{arrive_at}",
                    m.with(
                        "reminder-today",
                        &[("procedure", sheet.procedure.as_str().into())]
                    )
                ),
            },
        ],
    }
}

/// The local time `at` (midnight when `None`) of `day` in `zone`, as an instant.
fn instant(day: Date, at: Option<Time>, zone: &TimeZone) -> Option<Timestamp> {
    let local = DateTime::from_parts(day, at.unwrap_or(Time::midnight()));
    Some(local.to_zoned_datetime(zone.clone()).ok()?.timestamp())
}

/// When an alert of `reminder` goes off, as calendars read its trigger: days move the
/// clock time to another day, hours are exact.
fn alert_instant(reminder: &Reminder, trigger: Trigger, zone: &TimeZone) -> Option<Timestamp> {
    match trigger {
        Trigger::At(at) => Some(at),
        Trigger::FromStart {
            before,
            days,
            hours,
        } => {
            let sign = if before { -1 } else { 1 };
            let day = reminder
                .day
                .checked_add((sign * i64::from(days)).days())
                .ok()?;
            let start = instant(day, reminder.at, zone)?;
            start.checked_add((sign * i64::from(hours)).hours()).ok()
        }
    }
}

fn bullets(lines: &[String]) -> String {
    lines
        .iter()
        .map(|l| format!("- {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// All the questions, grouped as on the sheet: the general ones first, then one group per
/// medicine.
fn questions(groups: &[Questions], m: &Messages) -> String {
    let mut parts = Vec::new();
    let general: Vec<String> = groups
        .iter()
        .filter(|g| g.about.is_none())
        .flat_map(|g| g.questions.iter().cloned())
        .collect();
    if !general.is_empty() {
        parts.push(format!("{}\n{}", m.get("reminder-ask"), bullets(&general)));
    }
    for group in groups {
        if let Some(about) = &group.about {
            let heading = m.with("sheet-about", &[("about", about.as_str().into())]);
            parts.push(format!("{heading}:\n{}", bullets(&group.questions)));
        }
    }
    parts.join("\n\n")
}

/// Write the calendar. Timed events are local times in the time zone of `now`, described
/// by a VTIMEZONE, or floating local times when the zone has no IANA name (a POSIX `TZ`
/// rule). Two runs with the same sheet and the same `now` write the same bytes.
pub fn write(
    sheet: &Sheet,
    now: &ZonedDateTime,
    m: &Messages,
    out: &mut dyn Write,
) -> io::Result<()> {
    out.write_all(calendar(sheet, now, m).as_bytes())
}

fn calendar(sheet: &Sheet, now: &ZonedDateTime, m: &Messages) -> String {
    let zone = now.time_zone();
    let zone_name = zone.iana_name().map(clean_value);
    let reminders = reminders(sheet, now, m);
    let statement = m.get("medication-statement");
    let mut ics = String::new();
    ics += &property("BEGIN", &[], "VCALENDAR");
    ics += &property("VERSION", &[], "2.0");
    ics += &property("PRODID", &[], "-//prepcheck//reminders//EN");
    ics += &property("CALSCALE", &[], "GREGORIAN");
    ics += &property("NAME", &[], &escape(&sheet.title));
    ics += &property("X-WR-CALNAME", &[], &escape(&sheet.title));
    if let Some(name) = &zone_name {
        ics += &property("X-WR-TIMEZONE", &[], name);
        let instants: Vec<Timestamp> = reminders
            .iter()
            .filter(|r| r.at.is_some())
            .filter_map(|r| instant(r.day, r.at, zone))
            .collect();
        if let (Some(first), Some(last)) = (instants.iter().min(), instants.iter().max()) {
            ics += &vtimezone(zone, name, *first, *last);
        }
    }
    let stamp = utc(now.timestamp());
    for reminder in &reminders {
        ics += &event(
            &sheet.checklist_id,
            reminder,
            zone_name.as_deref(),
            &stamp,
            &statement,
        );
    }
    ics += &property("END", &[], "VCALENDAR");
    ics
}

/// One reminder as a VEVENT with its VALARMs; its description and every alert end with the
/// medication statement.
fn event(
    checklist_id: &str,
    reminder: &Reminder,
    zone_name: Option<&str>,
    stamp: &str,
    statement: &str,
) -> String {
    let uid = format!("{checklist_id}-{}", reminder.kind.name());
    let mut text = property("BEGIN", &[], "VEVENT");
    text += &property("UID", &[], &escape(&format!("{uid}@prepcheck")));
    text += &property("DTSTAMP", &[], stamp);
    match reminder.at {
        Some(at) => {
            let local = DateTime::from_parts(reminder.day, at).strftime("%Y%m%dT%H%M%S");
            let params: &[(&str, &str)] = match zone_name {
                Some(name) => &[("TZID", name)],
                None => &[],
            };
            // A timed event has no known length: no end.
            text += &property("DTSTART", params, &local.to_string());
        }
        None => {
            let next = reminder.day.tomorrow().unwrap_or(reminder.day);
            text += &property("DTSTART", &[("VALUE", "DATE")], &ymd(reminder.day));
            text += &property("DTEND", &[("VALUE", "DATE")], &ymd(next));
        }
    }
    text += &property("SUMMARY", &[], &escape(&reminder.summary));
    text += &property(
        "DESCRIPTION",
        &[],
        &escape(&format!("{}\n{statement}", reminder.description)),
    );
    if reminder.kind != Kind::Procedure {
        // A reminder, not an appointment: it does not make the patient look busy.
        text += &property("TRANSP", &[], "TRANSPARENT");
    }
    for (n, alert) in reminder.alerts.iter().enumerate() {
        text += &property("BEGIN", &[], "VALARM");
        // A UID of its own (RFC 9074), stable like the event's.
        text += &property(
            "UID",
            &[],
            &escape(&format!("{uid}-alert-{}@prepcheck", n + 1)),
        );
        text += &property("ACTION", &[], "DISPLAY");
        // The alert is a screen of its own, so it repeats the medication statement too.
        text += &property(
            "DESCRIPTION",
            &[],
            &escape(&format!("{}\n{statement}", alert.text)),
        );
        text += &match alert.trigger {
            Trigger::At(at) => property("TRIGGER", &[("VALUE", "DATE-TIME")], &utc(at)),
            Trigger::FromStart {
                before,
                days,
                hours,
            } => property("TRIGGER", &[], &duration(before, days, hours)),
        };
        text += &property("END", &[], "VALARM");
    }
    text += &property("END", &[], "VEVENT");
    text
}

/// A DATE value: `20261210`.
fn ymd(day: Date) -> String {
    day.strftime("%Y%m%d").to_string()
}

/// A DATE-TIME in UTC: `20261125T061500Z`.
fn utc(at: Timestamp) -> String {
    at.strftime("%Y%m%dT%H%M%SZ").to_string()
}

/// A DURATION value (RFC 5545, 3.3.6): `-P1D`, `-PT2H`, `PT9H`, `PT0S`.
fn duration(before: bool, days: u8, hours: u8) -> String {
    let sign = if before && (days, hours) != (0, 0) {
        "-"
    } else {
        ""
    };
    match (days, hours) {
        (0, 0) => "PT0S".into(),
        (0, h) => format!("{sign}PT{h}H"),
        (d, 0) => format!("{sign}P{d}D"),
        (d, h) => format!("{sign}P{d}DT{h}H"),
    }
}

/// Text as an RFC 5545 TEXT value (3.3.11), in one pass: `\` `;` `,` escaped with a
/// backslash; a line break (LF, CR LF, CR, NEL, the Unicode line and paragraph separators)
/// written `\n`; a tab becomes a space; other control characters and the marks of
/// `text::is_invisible` (the one list for every output) are removed. Unescaping the result gives the text back with only those
/// changes.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\n' | '\u{85}' | '\u{2028}' | '\u{2029}' => out.push_str("\\n"),
            '\t' => out.push(' '),
            c if c.is_control() || crate::text::is_invisible(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// The longest a content line may be, in octets, without its CRLF (RFC 5545, 3.1).
const LINE_OCTETS: usize = 75;

/// A content line folded (RFC 5545, 3.1), in one pass: lines of at most 75 octets, each
/// ended by CRLF, the next starting with a space. A line is never cut inside a UTF-8
/// character, nor between a backslash and the character it escapes (some readers unescape
/// before they unfold). `line` holds no line break: values are escaped first.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / (LINE_OCTETS - 1) * 3 + 2);
    let mut used = 0;
    let mut rest = line;
    while let Some(c) = rest.chars().next() {
        let mut len = c.len_utf8();
        if c == '\\' {
            len += rest[len..].chars().next().map_or(0, char::len_utf8);
        }
        if used + len > LINE_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push_str(&rest[..len]);
        used += len;
        rest = &rest[len..];
    }
    out.push_str("\r\n");
    out
}

/// One content line, folded: `NAME;PARAM=VALUE:value`. The value must already be in its
/// type's form (TEXT through `escape`); parameter values are ours or went through
/// `clean_value`.
fn property(name: &str, params: &[(&str, &str)], value: &str) -> String {
    let mut line = String::with_capacity(name.len() + value.len() + 16);
    line.push_str(name);
    for (key, param) in params {
        line.push(';');
        line.push_str(key);
        line.push('=');
        line.push_str(param);
    }
    line.push(':');
    line.push_str(value);
    fold(&line)
}

/// The VTIMEZONE that the events' TZID `name` (already cleaned) names (RFC 5545, 3.6.5):
/// the offset in force at the first timed event, and each change of offset until the last
/// one.
fn vtimezone(tz: &TimeZone, name: &str, first: Timestamp, last: Timestamp) -> String {
    let after_first = first.checked_add(1.second()).unwrap_or(first);
    let mut text = property("BEGIN", &[], "VTIMEZONE");
    text += &property("TZID", &[], name);
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
    text += &property("END", &[], "VTIMEZONE");
    text
}

/// One STANDARD or DAYLIGHT part of a VTIMEZONE: from `start` (local time in the old
/// offset) the clocks read `to` instead of `from`. DAYLIGHT is for clocks that went forward:
/// some zones (Europe/Dublin) call their winter time "daylight saving", which calendars that
/// pair a standard and a daylight rule would read the wrong way round.
fn observance(daylight: bool, start: DateTime, from: Offset, to: Offset, name: &str) -> String {
    let kind = if daylight { "DAYLIGHT" } else { "STANDARD" };
    let mut text = property("BEGIN", &[], kind);
    text += &property("DTSTART", &[], &start.strftime("%Y%m%dT%H%M%S").to_string());
    text += &property("TZOFFSETFROM", &[], &utc_offset(from));
    text += &property("TZOFFSETTO", &[], &utc_offset(to));
    text += &property("TZNAME", &[], &clean_value(name));
    text += &property("END", &[], kind);
    text
}

/// Zone names and abbreviations come from the system's time zone files: keep only what a
/// plain property value may hold, so nothing in them can end a line or the component.
fn clean_value(value: &str) -> String {
    value
        .chars()
        .filter(|c| c.is_ascii_graphic() && !matches!(c, ';' | ',' | '\\' | ':' | '"'))
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
    use crate::i18n::english;
    use crate::sheet::Patient;
    use jiff::civil::date;

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

    #[test]
    fn durations_are_written_as_rfc_5545_asks() {
        assert_eq!(duration(true, 1, 0), "-P1D");
        assert_eq!(duration(true, 0, 2), "-PT2H");
        assert_eq!(duration(true, 0, 15), "-PT15H");
        assert_eq!(duration(false, 0, 9), "PT9H");
        assert_eq!(duration(false, 1, 3), "P1DT3H");
        assert_eq!(duration(true, 0, 0), "PT0S");
    }

    #[test]
    fn text_is_escaped_and_lines_are_folded_whole() {
        assert_eq!(
            escape("a\\b;c,d:e\r\nf\rg\nh\ti\u{7}\u{202e}j\u{200b}k"),
            "a\\\\b\\;c\\,d:e\\nf\\ng\\nh ijk"
        );
        // 74 octets, then a character of four: it goes whole to the next line.
        let line = format!("{}😀z", "x".repeat(74));
        assert_eq!(fold(&line), format!("{}\r\n 😀z\r\n", "x".repeat(74)));
        // An escape is never cut from its backslash.
        let line = format!("{}\\,", "x".repeat(74));
        assert_eq!(fold(&line), format!("{}\r\n \\,\r\n", "x".repeat(74)));
        assert_eq!(property("SUMMARY", &[], "a"), "SUMMARY:a\r\n");
        assert_eq!(
            property("DTSTART", &[("TZID", "America/Chicago")], "20261209T100000"),
            "DTSTART;TZID=America/Chicago:20261209T100000\r\n"
        );
    }

    /// A tiny seeded pseudo-random generator (xorshift64*): the same cases on every run.
    struct Random(u64);

    impl Random {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
        }

        fn below(&mut self, n: u32) -> u32 {
            (self.next() >> 32) as u32 % n
        }

        fn pick(&mut self, from: &[char]) -> char {
            from[self.below(from.len() as u32) as usize]
        }

        fn in_range(&mut self, low: u32, high: u32) -> char {
            char::from_u32(low + self.below(high - low + 1)).unwrap_or('?')
        }
    }

    /// What the test puts in and expects taken out again.
    const INVISIBLE: &[char] = &[
        '\u{200b}', '\u{200c}', '\u{200d}', '\u{200e}', '\u{200f}', '\u{202a}', '\u{202b}',
        '\u{202c}', '\u{202d}', '\u{202e}', '\u{2060}', '\u{2066}', '\u{2067}', '\u{2068}',
        '\u{2069}', '\u{061c}', '\u{feff}',
    ];
    const CONTROL: &[char] = &[
        '\0', '\u{1}', '\u{7}', '\u{8}', '\u{b}', '\u{c}', '\u{1b}', '\u{7f}', '\u{85}', '\u{9b}',
    ];

    /// `chars` characters of CJK, emoji, combining marks, Hebrew and Arabic letters, spaces,
    /// tabs, line breaks, ASCII punctuation (with `;,\:`), control characters and invisible
    /// marks.
    fn random_text(random: &mut Random, chars: usize) -> String {
        let mut text = String::new();
        for _ in 0..chars {
            let c = match random.below(14) {
                0 => random.in_range(0x4e00, 0x9fff),
                1 => random.in_range(0x1f300, 0x1f64f),
                2 => random.in_range(0x0300, 0x036f),
                3 => random.in_range(0x05d0, 0x05ea),
                4 => random.in_range(0x0627, 0x064a),
                5 | 6 => ' ',
                7 => '\t',
                8 => random.pick(&['\n', '\r', '\u{2028}', '\u{2029}']),
                9 => random.pick(&[';', ',', '\\', ':', '"', '\'', '!', '?', '.', '(', ')', '-']),
                10 => random.pick(INVISIBLE),
                11 => random.pick(CONTROL),
                _ => random.in_range(u32::from('a'), u32::from('z')),
            };
            text.push(c);
        }
        text
    }

    /// The text a reader should get back: each line break (CR LF counts as one) as LF, a tab
    /// as a space, control characters and invisible marks gone.
    fn expected(text: &str) -> String {
        let text = text.replace("\r\n", "\n");
        text.chars()
            .filter_map(|c| match c {
                '\r' | '\u{85}' | '\u{2028}' | '\u{2029}' => Some('\n'),
                '\t' => Some(' '),
                '\n' => Some('\n'),
                c if c.is_control() || INVISIBLE.contains(&c) => None,
                c => Some(c),
            })
            .collect()
    }

    /// Every physical line at most 75 octets and valid UTF-8 on its own, each ended by CRLF;
    /// then the logical lines (CRLF and one space removed).
    fn unfold(ics: &[u8]) -> Vec<String> {
        assert!(ics.ends_with(b"\r\n"), "no CRLF at the end");
        let body = &ics[..ics.len() - 1];
        let mut logical: Vec<String> = Vec::new();
        for line in body.split(|b| *b == b'\n') {
            let line = line.strip_suffix(b"\r").expect("LF without CR");
            assert!(line.len() <= 75, "{} octets", line.len());
            let text = std::str::from_utf8(line).expect("a line cut inside a character");
            assert!(!text.contains('\r'), "a lone CR");
            match text.strip_prefix(' ') {
                Some(rest) => logical
                    .last_mut()
                    .expect("first line folded")
                    .push_str(rest),
                None => logical.push(text.to_string()),
            }
        }
        logical
    }

    /// A TEXT value read back (RFC 5545, 3.3.11); any other backslash fails.
    fn unescape(value: &str) -> String {
        let mut out = String::with_capacity(value.len());
        let mut chars = value.chars();
        while let Some(c) = chars.next() {
            if c != '\\' {
                assert!(!matches!(c, ';' | ',') && !c.is_control(), "bare {c:?}");
                out.push(c);
                continue;
            }
            match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(c @ ('\\' | ';' | ',')) => out.push(c),
                other => panic!("bad escape {other:?} in {value:?}"),
            }
        }
        out
    }

    /// The value of the first logical line named `name` (before its parameters).
    fn value_of<'l>(lines: &'l [String], name: &str) -> Vec<&'l str> {
        lines
            .iter()
            .filter_map(|l| {
                let (head, value) = l.split_once(':')?;
                (head.split(';').next() == Some(name)).then_some(value)
            })
            .collect()
    }

    /// Random Unicode text of every length from 0 to 2,000 characters, in each text
    /// property: lines of at most 75 octets, each valid UTF-8, and unfolding then
    /// unescaping gives the text back, less what `escape` documents it takes out.
    #[test]
    fn any_text_in_any_field_folds_and_comes_back_whole() {
        let mut random = Random(0x5eed_1ca1_2026_1125);
        let (mut cases, mut longest) = (0, 0);
        for chars in 0..=2000 {
            for name in ["SUMMARY", "DESCRIPTION", "X-WR-CALNAME"] {
                let text = random_text(&mut random, chars);
                let line = property(name, &[], &escape(&text));
                let widest = line.split("\r\n").map(str::len).max().unwrap_or(0);
                longest = longest.max(widest);
                let lines = unfold(line.as_bytes());
                assert_eq!(lines.len(), 1, "{line:?}");
                let value = lines[0]
                    .strip_prefix(&format!("{name}:"))
                    .expect("name kept");
                let back = unescape(value);
                assert_eq!(back, expected(&text), "{chars} characters in {name}");
                assert!(!back.chars().any(|c| INVISIBLE.contains(&c)));
                cases += 1;
            }
        }
        assert_eq!(cases, 6003);
        // Lines are filled: folds fall at 75 octets unless a character does not fit.
        assert_eq!(longest, 75);
    }

    fn chicago() -> TimeZone {
        TimeZone::get("America/Chicago").expect("America/Chicago")
    }

    fn now(at: DateTime) -> ZonedDateTime {
        at.to_zoned_datetime(chicago()).expect("now")
    }

    fn sheet(when: When) -> Sheet {
        Sheet {
            checklist_id: "pump".into(),
            today: date(2026, 11, 25),
            title: "Getting ready".into(),
            procedure: "Pain pump".into(),
            patient: Patient::NotAsked,
            when,
            urgent: vec!["Call about your infection.".into()],
            todo: vec!["Get the OK.".into()],
            questions: vec![
                Questions {
                    about: None,
                    questions: vec!["What time?".into()],
                },
                Questions {
                    about: Some("Plavix".into()),
                    questions: vec!["Do I stop Plavix?".into(), "Who decides?".into()],
                },
            ],
            ride: vec![Entry::Fact("Who takes you home: Ann".into())],
            bring: vec!["Your medicine list.".into()],
            contact: Vec::new(),
            expect: None,
        }
    }

    fn on(day: Date, arrive: Option<Time>) -> When {
        When::On {
            date: day,
            arrive,
            days_away: (day - date(2026, 11, 25)).get_days().into(),
        }
    }

    /// Random text in the calendar's name, the procedure's name and the lines listed: the
    /// whole calendar still has short lines that give each text back.
    #[test]
    fn any_text_in_a_whole_calendar_comes_back_whole() {
        let mut random = Random(42);
        let now = now(DateTime::constant(2026, 11, 25, 0, 0, 0, 0));
        for chars in (0..=2000).step_by(40) {
            let mut sheet = sheet(on(date(2026, 12, 10), None));
            sheet.title = random_text(&mut random, chars);
            sheet.procedure = random_text(&mut random, chars);
            sheet.todo = vec![random_text(&mut random, chars)];
            let ics = calendar(&sheet, &now, english());
            let lines = unfold(ics.as_bytes());
            let names: Vec<String> = value_of(&lines, "X-WR-CALNAME")
                .into_iter()
                .map(unescape)
                .collect();
            assert_eq!(names, [expected(&sheet.title)]);
            let summaries: Vec<String> = value_of(&lines, "SUMMARY")
                .into_iter()
                .map(unescape)
                .collect();
            assert!(summaries.contains(&expected(&sheet.procedure)), "{chars}");
            // The description as composed: a CR at the end of the line and the LF after it
            // are one line break.
            let todo = expected(&format!(
                "- {}\n{}",
                sheet.todo[0],
                english().get("medication-statement")
            ));
            let descriptions: Vec<String> = value_of(&lines, "DESCRIPTION")
                .into_iter()
                .map(unescape)
                .collect();
            assert!(descriptions.contains(&todo), "{chars}");
        }
    }

    /// Not a test of speed but a way to measure it by hand:
    /// `cargo test --bin prepcheck ics -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn time_grows_with_the_text() {
        let mut random = Random(7);
        let mut stderr = io::stderr();
        let mut texts: Vec<String> = [2_000, 20_000, 200_000]
            .into_iter()
            .map(|chars| random_text(&mut random, chars))
            .collect();
        // One megabyte (10^6 octets) of it.
        let mut megabyte = random_text(&mut random, 600_000);
        let mut end = 1_000_000;
        while !megabyte.is_char_boundary(end) {
            end -= 1;
        }
        megabyte.truncate(end);
        texts.push(megabyte);
        for text in texts {
            let started = std::time::Instant::now();
            let line = property("DESCRIPTION", &[], &escape(&text));
            let took = started.elapsed();
            writeln!(
                stderr,
                "{} characters ({} bytes): {took:?}, {} lines",
                text.chars().count(),
                text.len(),
                line.matches("\r\n").count()
            )
            .expect("stderr");
        }
    }

    /// Each reminder as `kind day [time]: alert, alert` (alerts as local times in Chicago).
    fn schedule(sheet: &Sheet, now: &ZonedDateTime) -> Vec<String> {
        let zone = chicago();
        reminders(sheet, now, english())
            .iter()
            .map(|r| {
                let alerts: Vec<String> = r
                    .alerts
                    .iter()
                    .map(|a| {
                        let at = alert_instant(r, a.trigger, &zone).expect("alert");
                        at.to_zoned_datetime(zone.clone())
                            .strftime("%m-%d %H:%M")
                            .to_string()
                    })
                    .collect();
                let at = r.at.map(|t| format!(" {}", t.strftime("%H:%M")));
                format!(
                    "{} {}{}: {}",
                    r.kind.name(),
                    r.day.strftime("%m-%d"),
                    at.unwrap_or_default(),
                    alerts.join(", ")
                )
            })
            .collect()
    }

    #[test]
    fn reminders_come_soon_and_never_after_the_procedure() {
        let midnight = now(DateTime::constant(2026, 11, 25, 0, 0, 0, 0));
        // Two weeks away, no arrival time.
        assert_eq!(
            schedule(&sheet(on(date(2026, 12, 10), None)), &midnight),
            [
                "urgent 11-25: 11-25 00:15",
                "todo 11-26: 11-26 09:00",
                "questions 11-28: 11-28 09:00",
                "ride 12-09 10:00: 12-09 10:00",
                "bring 12-09 19:00: 12-09 19:00",
                "procedure 12-10: 12-09 09:00, 12-10 07:00",
            ]
        );
        // Within ten days: the questions tomorrow.
        assert_eq!(
            schedule(&sheet(on(date(2026, 12, 3), None)), &midnight)[2],
            "questions 11-26: 11-26 09:00"
        );
        // No date: no ride, nothing to pack, no procedure.
        assert_eq!(
            schedule(&sheet(When::NotSet), &midnight),
            [
                "urgent 11-25: 11-25 00:15",
                "todo 11-26: 11-26 09:00",
                "questions 11-28: 11-28 09:00",
            ]
        );
        // Tomorrow at 6:15, made at two in the afternoon: what is past nine alerts soon.
        let afternoon = now(DateTime::constant(2026, 11, 25, 14, 0, 0, 0));
        let six = Some(Time::constant(6, 15, 0, 0));
        assert_eq!(
            schedule(&sheet(on(date(2026, 11, 26), six)), &afternoon),
            [
                "urgent 11-25: 11-25 14:15",
                "todo 11-25: 11-25 14:15",
                "questions 11-25: 11-25 14:15",
                "ride 11-25 10:00: 11-25 10:00",
                "bring 11-25 19:00: 11-25 19:00",
                "procedure 11-26 06:15: 11-25 06:15, 11-26 04:15",
            ]
        );
        // Today at two in the afternoon, made at eight: the calls still fit; the questions
        // would be on the procedure day.
        let eight = now(DateTime::constant(2026, 11, 25, 8, 0, 0, 0));
        let two = Some(Time::constant(14, 0, 0, 0));
        assert_eq!(
            schedule(&sheet(on(date(2026, 11, 25), two)), &eight),
            [
                "urgent 11-25: 11-25 08:15",
                "ride 11-24 10:00: 11-24 10:00",
                "bring 11-24 19:00: 11-24 19:00",
                "todo 11-25: 11-25 09:00",
                "procedure 11-25 14:00: 11-24 14:00, 11-25 12:00",
            ]
        );
        // Today, all day: it has started; only what came before it is left.
        assert_eq!(
            schedule(&sheet(on(date(2026, 11, 25), None)), &eight),
            [
                "ride 11-24 10:00: 11-24 10:00",
                "bring 11-24 19:00: 11-24 19:00",
                "procedure 11-25: 11-24 09:00, 11-25 07:00",
            ]
        );
    }

    /// For procedures from two days ago to three weeks away, at no time or at any hour,
    /// with the sheet made at any hour of the day: each kind once, urgent first then by
    /// date, and nothing starts or alerts once the procedure has started.
    #[test]
    fn no_reminder_starts_or_alerts_after_the_procedure_starts() {
        let zone = chicago();
        let today = date(2026, 11, 25);
        for days in -2..=21 {
            let day = today.checked_add(days.days()).expect("day");
            for arrive in
                std::iter::once(None).chain((0..24).map(|h| Some(Time::constant(h, 30, 0, 0))))
            {
                for hour in [0, 8, 9, 10, 13, 20, 23] {
                    let now = now(DateTime::from_parts(today, Time::constant(hour, 50, 0, 0)));
                    let sheet = sheet(on(day, arrive));
                    let list = reminders(&sheet, &now, english());
                    let start = instant(day, arrive, &zone).expect("start");
                    let case = format!("{day} {arrive:?} made at {hour}:50");
                    let mut kinds: Vec<&str> = list.iter().map(|r| r.kind.name()).collect();
                    kinds.sort_unstable();
                    let count = kinds.len();
                    kinds.dedup();
                    assert_eq!(kinds.len(), count, "{case}");
                    assert!(
                        list.iter().skip(1).all(|r| r.kind != Kind::Urgent),
                        "{case}"
                    );
                    let dated: Vec<_> = list
                        .iter()
                        .filter(|r| r.kind != Kind::Urgent)
                        .map(|r| (r.day, r.at))
                        .collect();
                    assert!(dated.is_sorted(), "{case}");
                    for r in list.iter().filter(|r| r.kind != Kind::Procedure) {
                        assert!(
                            instant(r.day, r.at, &zone).expect("start") < start,
                            "{case}"
                        );
                        for a in &r.alerts {
                            let at = alert_instant(r, a.trigger, &zone).expect("alert");
                            assert!(at < start, "{case}: {:?}", r.kind);
                        }
                        if r.kind == Kind::Questions {
                            assert!(r.day < day, "{case}");
                        }
                    }
                    let procedure = list.last().expect("the procedure");
                    assert_eq!(procedure.kind, Kind::Procedure, "{case}");
                    assert_eq!(procedure.alerts.len(), 2, "{case}");
                }
            }
        }
    }

    /// The same sheet and the same clock write the same bytes; UIDs come from the
    /// checklist and the kind of reminder, never from the text.
    #[test]
    fn the_calendar_is_reproducible_and_its_uids_are_stable() {
        let midnight = now(DateTime::constant(2026, 11, 25, 0, 0, 0, 0));
        let first = sheet(on(date(2026, 12, 10), Some(Time::constant(7, 30, 0, 0))));
        assert_eq!(
            calendar(&first, &midnight, english()),
            calendar(&first, &midnight, english())
        );
        let mut other = first.clone();
        other.todo = vec!["Something else entirely.".into()];
        other.procedure = "Another name".into();
        let uids = |s: &Sheet| -> Vec<String> {
            let ics = calendar(s, &midnight, english());
            value_of(&unfold(ics.as_bytes()), "UID")
                .into_iter()
                .map(String::from)
                .collect()
        };
        assert_eq!(uids(&first), uids(&other));
        assert_eq!(
            uids(&first)[..3],
            [
                "pump-urgent@prepcheck",
                "pump-urgent-alert-1@prepcheck",
                "pump-todo@prepcheck"
            ]
        );
        assert!(calendar(&first, &midnight, english()).contains("DTSTAMP:20261125T060000Z\r\n"));
    }

    /// Every event and every alert repeats the medication statement.
    #[test]
    fn every_event_and_alert_repeats_the_medication_statement() {
        let midnight = now(DateTime::constant(2026, 11, 25, 0, 0, 0, 0));
        let ics = calendar(&sheet(on(date(2026, 12, 10), None)), &midnight, english());
        let lines = unfold(ics.as_bytes());
        let descriptions = value_of(&lines, "DESCRIPTION");
        let alarms = lines.iter().filter(|l| *l == "BEGIN:VALARM").count();
        let events = lines.iter().filter(|l| *l == "BEGIN:VEVENT").count();
        assert_eq!(descriptions.len(), events + alarms);
        for description in descriptions {
            assert!(
                unescape(description).ends_with(&english().get("medication-statement")),
                "{description}"
            );
        }
    }
}
