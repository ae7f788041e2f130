//! Calendar reminders (RFC 5545) from the same sheet model: the procedure itself, and
//! reminders to make the calls and plans the sheet lists. Which reminders, on which day, is
//! decided in `reminders.rs`; this writes them.
//!
//! The file is written by hand, a few small functions deep: `escape` makes text a TEXT value,
//! `fold` cuts a content line into lines of at most 75 octets, `property` writes one content
//! line. Each goes once over its input, so the time grows with the length of the text and
//! nothing a patient types can make it loop. Nothing here reads the clock: "now" (the time
//! stamp, and when the first alert goes off) comes in with the sheet.

use std::io::{self, Write};

use jiff::civil::{Date, DateTime};
use jiff::tz::{Offset, TimeZone};
use jiff::{Timestamp, ToSpan, ZonedDateTime};

use super::Sheet;
use super::reminders::{Alert, Kind, Reminder, Trigger, instant, reminders};
use crate::i18n::Messages;

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
    let mut uid = format!("{checklist_id}-{}", reminder.kind.name());
    if reminder.kind == Kind::Diary {
        // One a day at each time: each its own event.
        let at = reminder.at.map(|t| t.strftime("%H%M").to_string());
        uid.push_str(&format!(
            "-{}-{}",
            ymd(reminder.day),
            at.unwrap_or_default()
        ));
    }
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
        text += &alarm(&format!("{uid}-alert-{}", n + 1), alert, statement);
    }
    text += &property("END", &[], "VEVENT");
    text
}

/// One alert as a VALARM, with a UID of its own (RFC 9074), stable like its event's. The
/// alert is a screen of its own, so it repeats the medication statement too.
fn alarm(uid: &str, alert: &Alert, statement: &str) -> String {
    let mut text = property("BEGIN", &[], "VALARM");
    text += &property("UID", &[], &escape(&format!("{uid}@prepcheck")));
    text += &property("ACTION", &[], "DISPLAY");
    text += &property(
        "DESCRIPTION",
        &[],
        &escape(&format!("{}\n{statement}", alert.text)),
    );
    text += &match alert.trigger {
        Trigger::At(at) => property("TRIGGER", &[("VALUE", "DATE-TIME")], &utc(at)),
        Trigger::AtStart => property("TRIGGER", &[], "PT0S"),
    };
    text += &property("END", &[], "VALARM");
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
    use crate::sheet::reminders::tests::{now, on, sheet};
    use jiff::civil::{Time, date};

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

    /// Random text in the calendar's name, the procedure's name and the lines listed: the
    /// whole calendar still has short lines that give each text back.
    #[test]
    fn any_text_in_a_whole_calendar_comes_back_whole() {
        let mut random = Random(42);
        let now = now(DateTime::constant(2026, 11, 25, 0, 0, 0, 0));
        for chars in (0..=2000).step_by(40) {
            let mut sheet = sheet(on(date(2026, 12, 10)), None);
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
    /// `cargo test --lib ics -- --ignored --nocapture`.
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

    /// The same sheet and the same clock write the same bytes; UIDs come from the
    /// checklist and the kind of reminder, never from the text.
    #[test]
    fn the_calendar_is_reproducible_and_its_uids_are_stable() {
        let midnight = now(DateTime::constant(2026, 11, 25, 0, 0, 0, 0));
        let first = sheet(on(date(2026, 12, 10)), Some(Time::constant(7, 30, 0, 0)));
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
        let ics = calendar(&sheet(on(date(2026, 12, 10)), None), &midnight, english());
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
