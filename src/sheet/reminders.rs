//! Which reminders a sheet calls for, on which day and at which hour, as of now: a clinical
//! decision (the calls to the care team at nine on the first day the clinic is open, to-dos
//! tomorrow, questions in a few days, the ride and the bag the day before, the procedure's
//! own alerts; nothing after the procedure starts), kept apart from how a calendar file
//! writes them (`ics.rs`).

use jiff::civil::{Date, DateTime, Time, Weekday};
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan, ZonedDateTime};

use super::{Entry, Sheet, When};
use crate::i18n::Messages;

/// What a reminder is for; it names the event's UID, so importing the file again updates
/// the events it added before instead of adding them twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// The calls the sheet lists under "Call your care team".
    Urgent,
    Todo,
    Questions,
    Ride,
    Bring,
    Procedure,
    /// A reminder to log pain in the diary: one a day at each time, during the trial.
    Diary,
}

impl Kind {
    pub(super) fn name(self) -> &'static str {
        match self {
            Kind::Urgent => "urgent",
            Kind::Todo => "todo",
            Kind::Questions => "questions",
            Kind::Ride => "ride",
            Kind::Bring => "bring",
            Kind::Procedure => "procedure",
            Kind::Diary => "diary",
        }
    }
}

/// One event: a whole day or a time, what to do, and its alerts. Every description and
/// every alert's text ends with the medication statement, added when it is written.
#[derive(Debug)]
pub(super) struct Reminder {
    pub(super) kind: Kind,
    pub(super) day: Date,
    pub(super) at: Option<Time>,
    pub(super) summary: String,
    pub(super) description: String,
    pub(super) alerts: Vec<Alert>,
}

#[derive(Debug)]
pub(super) struct Alert {
    pub(super) trigger: Trigger,
    pub(super) text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Trigger {
    /// When the event starts (`PT0S`: the same in every reader).
    AtStart,
    /// At this instant. A local time ("9 in the morning" of a whole day, the same time the
    /// day before) is worked out here, in the patient's time zone, and written as an
    /// instant: a trigger counted in hours from midnight, or in days, is read one way by
    /// some calendars and another by others on a day of 23 or 25 hours (RFC 5545 counts
    /// hours exactly, many readers count clock time).
    At(Timestamp),
}

/// When a whole-day reminder alerts: 9 in the morning of its day.
const NINE: Time = Time::constant(9, 0, 0, 0);
/// The most days of diary reminders: a trial longer than two months is not planned for.
const MAX_DIARY_DAYS: usize = 62;
/// How long after "now" an alert that is due already goes off.
pub(super) const SOON_MINUTES: i64 = 15;
/// The hour a call to the care team is planned at, on a day the clinic is open.
pub(super) const CALL_AT: Time = Time::constant(9, 0, 0, 0);
/// Until this hour, a call can still be made the same day.
const CALL_TODAY_UNTIL: Time = Time::constant(12, 0, 0, 0);
/// How far ahead to look for a day the clinic is open: a clinic closed for a whole year
/// has no day to call.
const OPEN_DAY_SEARCH: i64 = 400;

/// Whether the clinic is open on `day`: a weekday that is not one of its `closed` days
/// (sorted).
pub(super) fn clinic_open(day: Date, closed: &[Date]) -> bool {
    !matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday)
        && closed.binary_search(&day).is_err()
}

/// The reminders a sheet calls for as of `now`: the calls first, then by date. Every call
/// to the care team is at nine on a day the clinic is open; none starts or alerts after the
/// procedure starts (its arrival time, else the start of its day); the procedure's own
/// alerts come before it or on its morning.
pub(super) fn reminders(sheet: &Sheet, now: &ZonedDateTime, m: &Messages) -> Vec<Reminder> {
    let mut plan = Plan::new(sheet, now);
    if let (false, Some(day)) = (sheet.calls.is_empty(), plan.call_day()) {
        let alert = plan.at_nine(day);
        plan.add(
            Kind::Urgent,
            day,
            Some(CALL_AT),
            &m.get("reminder-urgent"),
            bullets(&sheet.calls),
            vec![alert],
        );
    }
    if !sheet.todo.is_empty() {
        // Tomorrow, or today when tomorrow is the procedure day.
        let tomorrow = plan.after(1);
        let day = (plan.day_before)
            .map_or(tomorrow, |last| tomorrow.min(last))
            .max(plan.today);
        let alerts = plan.morning(day);
        let summary = m.get("reminder-todo");
        plan.add(
            Kind::Todo,
            day,
            None,
            &summary,
            bullets(&sheet.todo),
            alerts,
        );
    }
    if sheet.has_questions() {
        plan.questions(sheet, m);
    }
    if let (Some(date), Some(day_before)) = (plan.procedure_day, plan.day_before) {
        plan.the_day_before(sheet, day_before, m);
        plan.list
            .push(procedure(sheet, date, plan.arrive, plan.zone, m));
    }
    plan.nothing_after_the_procedure();
    // The diary's reminders are for the days of the trial itself, after it starts.
    if let Some(diary) = &sheet.diary {
        plan.diary(diary, m);
    }
    let mut list = plan.list;
    list.sort_by_key(|r| (r.kind != Kind::Urgent, r.day, r.at));
    list
}

/// The reminders being planned, and what their days and alerts are counted from.
struct Plan<'a> {
    today: Date,
    now: &'a ZonedDateTime,
    zone: &'a TimeZone,
    procedure_day: Option<Date>,
    arrive: Option<Time>,
    day_before: Option<Date>,
    /// Days the clinic is closed, besides weekends (sorted).
    closed: &'a [Date],
    /// The first day a call to the care team can be made: today before noon when the
    /// clinic is open, else its next open day.
    first_call: Option<Date>,
    /// Today, if the clinic is open: the day to call when its next open day is too late.
    open_today: Option<Date>,
    /// When "soon" is: a few minutes after now.
    soon: Timestamp,
    list: Vec<Reminder>,
}

impl<'a> Plan<'a> {
    fn new(sheet: &'a Sheet, now: &'a ZonedDateTime) -> Plan<'a> {
        let procedure_day = match sheet.when {
            When::On { date, .. } => Some(date),
            When::NotSet => None,
        };
        let today = sheet.today;
        let closed = sheet.closed_days.as_slice();
        let open_today = clinic_open(today, closed).then_some(today);
        let first_call = match open_today {
            Some(today) if now.time() < CALL_TODAY_UNTIL => Some(today),
            _ => today
                .tomorrow()
                .ok()
                .and_then(|d| first_open_day(d, closed)),
        };
        Plan {
            today,
            now,
            zone: now.time_zone(),
            procedure_day,
            arrive: sheet.arrive,
            day_before: procedure_day.and_then(|d| d.yesterday().ok()),
            closed,
            first_call,
            open_today,
            soon: now
                .timestamp()
                .checked_add(SOON_MINUTES.minutes())
                .unwrap_or(now.timestamp()),
            list: Vec::new(),
        }
    }

    /// When the procedure starts: its arrival time, else the start of its day.
    fn start(&self) -> Option<Timestamp> {
        instant(self.procedure_day?, self.arrive, self.zone)
    }

    /// The day to make the calls the sheet lists: the first one possible, or today (when
    /// the clinic is open) if that would be after the procedure starts.
    fn call_day(&self) -> Option<Date> {
        let too_late = |day: Date| {
            let nine = instant(day, Some(CALL_AT), self.zone);
            matches!((nine, self.start()), (Some(nine), Some(start)) if nine >= start)
        };
        match self.first_call {
            Some(day) if !too_late(day) => Some(day),
            first => self.open_today.or(first),
        }
    }

    /// A call's alert: at nine, or soon when nine has passed already today.
    fn at_nine(&self, day: Date) -> Trigger {
        match instant(day, Some(CALL_AT), self.zone) {
            Some(nine) if nine <= self.now.timestamp() => Trigger::At(self.soon),
            _ => Trigger::AtStart,
        }
    }

    /// `days` after today.
    fn after(&self, days: i64) -> Date {
        self.today.checked_add(days.days()).unwrap_or(self.today)
    }

    /// A whole-day reminder alerts at nine, or soon if that is past already today.
    fn morning(&self, day: Date) -> Vec<Trigger> {
        let alert = match instant(day, Some(NINE), self.zone) {
            Some(nine) if day == self.today && nine <= self.now.timestamp() => self.soon,
            Some(nine) => nine,
            None => return Vec::new(),
        };
        vec![Trigger::At(alert)]
    }

    /// A reminder whose alerts say its summary.
    fn add(
        &mut self,
        kind: Kind,
        day: Date,
        at: Option<Time>,
        summary: &str,
        description: String,
        triggers: Vec<Trigger>,
    ) {
        let alerts = triggers
            .into_iter()
            .map(|trigger| Alert {
                trigger,
                text: summary.to_string(),
            })
            .collect();
        self.list.push(Reminder {
            kind,
            day,
            at,
            summary: summary.to_string(),
            description,
            alerts,
        });
    }

    /// All the questions in one call: in a few days, or tomorrow when the procedure is
    /// close, on the first day the clinic is open from then; else on the last one open
    /// before the procedure day, today included. Never on its day.
    fn questions(&mut self, sheet: &Sheet, m: &Messages) {
        let close = self.procedure_day.is_some_and(|d| d <= self.after(10));
        let wanted = self.after(if close { 1 } else { 3 });
        let wanted = self.first_call.map_or(wanted, |first| wanted.max(first));
        let mut day = first_open_day(wanted, self.closed);
        if let Some(procedure_day) = self.procedure_day
            && day.is_none_or(|d| d >= procedure_day)
        {
            day = last_open_day(self.today, procedure_day, self.closed);
        }
        let Some(day) = day else {
            return;
        };
        let alert = self.at_nine(day);
        let summary = m.get("reminder-questions");
        let description = questions(sheet, m);
        self.add(
            Kind::Questions,
            day,
            Some(CALL_AT),
            &summary,
            description,
            vec![alert],
        );
    }

    /// The ride at ten and the bag at seven in the evening, the day before the procedure:
    /// what the sheet says to bring, and what the patient wrote on it.
    fn the_day_before(&mut self, sheet: &Sheet, day_before: Date, m: &Messages) {
        let ride: Vec<String> = sheet
            .ride
            .iter()
            .map(|e| match e {
                Entry::Fact(text) | Entry::Todo(text) => text.clone(),
            })
            .collect();
        self.add(
            Kind::Ride,
            day_before,
            Some(Time::constant(10, 0, 0, 0)),
            &m.get("reminder-ride"),
            format!("{}\n{}", m.get("reminder-ride-call"), bullets(&ride)),
            vec![Trigger::AtStart],
        );
        let mut bring = sheet.bring.clone();
        bring.push(m.get("reminder-bring-written"));
        self.add(
            Kind::Bring,
            day_before,
            Some(Time::constant(19, 0, 0, 0)),
            &m.get("reminder-bring"),
            bullets(&bring),
            vec![Trigger::AtStart],
        );
    }

    /// Nothing after the procedure starts: what would be is dropped.
    /// A reminder at each of the diary's times on each day of the trial, from now on, that
    /// goes off when it starts.
    fn diary(&mut self, diary: &super::DiaryReminders, m: &Messages) {
        let summary = m.get("reminder-diary");
        let description = m.get("reminder-diary-how");
        let days = diary.first.series(1.day()).take_while(|d| *d <= diary.last);
        for day in days.take(MAX_DIARY_DAYS) {
            for at in &diary.times {
                let due = instant(day, Some(*at), self.zone).is_some_and(|t| t >= self.soon);
                if due {
                    let (kind, at) = (Kind::Diary, Some(*at));
                    let triggers = vec![Trigger::AtStart];
                    self.add(kind, day, at, &summary, description.clone(), triggers);
                }
            }
        }
    }

    fn nothing_after_the_procedure(&mut self) {
        let Some(date) = self.procedure_day else {
            return;
        };
        let zone = self.zone;
        let start = instant(date, self.arrive, zone);
        self.list.retain(|r| {
            r.kind == Kind::Procedure
                || start.is_some_and(|start| {
                    let alerts = r.alerts.iter().map(|a| alert_instant(r, a.trigger, zone));
                    std::iter::once(instant(r.day, r.at, zone))
                        .chain(alerts)
                        .all(|t| t.is_some_and(|t| t < start))
                })
        });
    }
}

/// The procedure: alerts the day before and on its morning (for a whole day, 9:00 the day
/// before and 7:00 that morning; at a time, the same time the day before and two hours
/// before it).
fn procedure(
    sheet: &Sheet,
    date: Date,
    arrive: Option<Time>,
    zone: &TimeZone,
    m: &Messages,
) -> Reminder {
    let yesterday = date.yesterday().ok();
    let at = |day: Option<Date>, time: Time| instant(day?, Some(time), zone);
    let (day_before, morning) = match arrive {
        None => (
            at(yesterday, NINE),
            at(Some(date), Time::constant(7, 0, 0, 0)),
        ),
        Some(time) => (
            at(yesterday, time),
            at(Some(date), time).and_then(|start| start.checked_sub(2.hours()).ok()),
        ),
    };
    let arrive_at = arrive
        .map(|time| {
            let arrive = m.with("reminder-arrive", &[("time", m.time(time).into())]);
            format!(" {arrive}")
        })
        .unwrap_or_default();
    let alert = |trigger, id: &str| {
        let said = m.with(id, &[("procedure", sheet.procedure.as_str().into())]);
        Alert {
            trigger,
            text: format!("{said}{arrive_at}"),
        }
    };
    Reminder {
        kind: Kind::Procedure,
        day: date,
        at: arrive,
        summary: sheet.procedure.clone(),
        description: format!("{}.{arrive_at}", sheet.title),
        alerts: [
            day_before.map(|t| alert(Trigger::At(t), "reminder-tomorrow")),
            morning.map(|t| alert(Trigger::At(t), "reminder-today")),
        ]
        .into_iter()
        .flatten()
        .collect(),
    }
}

/// The first day from `from` on that the clinic is open, within `OPEN_DAY_SEARCH` days.
fn first_open_day(from: Date, closed: &[Date]) -> Option<Date> {
    (0..OPEN_DAY_SEARCH)
        .map_while(|n| from.checked_add(n.days()).ok())
        .find(|d| clinic_open(*d, closed))
}

/// The last day the clinic is open from `first` on and before `before`.
fn last_open_day(first: Date, before: Date, closed: &[Date]) -> Option<Date> {
    (1..=OPEN_DAY_SEARCH)
        .map_while(|n| before.checked_sub(n.days()).ok())
        .take_while(|d| *d >= first)
        .find(|d| clinic_open(*d, closed))
}

/// The local time `at` (midnight when `None`) of `day` in `zone`, as an instant.
pub(super) fn instant(day: Date, at: Option<Time>, zone: &TimeZone) -> Option<Timestamp> {
    let local = DateTime::from_parts(day, at.unwrap_or(Time::midnight()));
    Some(local.to_zoned_datetime(zone.clone()).ok()?.timestamp())
}

/// When an alert of `reminder` goes off.
pub(super) fn alert_instant(
    reminder: &Reminder,
    trigger: Trigger,
    zone: &TimeZone,
) -> Option<Timestamp> {
    match trigger {
        Trigger::At(at) => Some(at),
        Trigger::AtStart => instant(reminder.day, reminder.at, zone),
    }
}

pub(super) fn bullets(lines: &[String]) -> String {
    lines
        .iter()
        .map(|l| format!("- {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// All the questions, grouped as on the sheet: about medicines first, by kind and under
/// each medicine's name, then the others under the part they come from.
pub(super) fn questions(sheet: &Sheet, m: &Messages) -> String {
    let mut parts = Vec::new();
    for kind in &sheet.medicines {
        let mut part = format!("{}:", m.get(kind.kind.heading()));
        for group in &kind.groups {
            match &group.about {
                None => part = format!("{part}\n{}", bullets(&group.questions)),
                Some(about) => {
                    parts.push(part);
                    let heading = m.with("sheet-about", &[("about", about.as_str().into())]);
                    part = format!("{heading}:\n{}", bullets(&group.questions));
                }
            }
        }
        parts.push(part);
    }
    if !sheet.questions.is_empty() {
        parts.push(format!("{}:", m.get(sheet.questions_heading())));
    }
    for topic in &sheet.questions {
        parts.push(format!("{}:\n{}", topic.title, bullets(&topic.questions)));
    }
    parts.join("\n\n")
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::i18n::english;
    use crate::sheet::{Field, MedicineKind, MedicineQuestions, Questions, Topic};
    use jiff::civil::date;

    pub fn chicago() -> TimeZone {
        TimeZone::get("America/Chicago").expect("America/Chicago")
    }

    pub fn now(at: DateTime) -> ZonedDateTime {
        at.to_zoned_datetime(chicago()).expect("now")
    }

    /// A sheet made on Wednesday, November 25, 2026, for a procedure `when`, at `arrive`.
    pub fn sheet(when: When, arrive: Option<Time>) -> Sheet {
        Sheet {
            checklist_id: "pump".into(),
            today: date(2026, 11, 25),
            title: "Getting ready".into(),
            procedure: "Pain pump".into(),
            patient: Field::NotAsked,
            step: Field::NotAsked,
            when,
            arrive,
            calls: vec!["Call about your infection.".into()],
            todo: vec!["Get the OK.".into()],
            medicines: vec![MedicineQuestions {
                kind: MedicineKind::BloodThinners,
                groups: vec![Questions {
                    about: Some("Plavix".into()),
                    questions: vec!["Do I stop Plavix?".into(), "Who decides?".into()],
                }],
            }],
            questions: vec![Topic {
                title: "Your procedure".into(),
                questions: vec!["What time?".into()],
            }],
            ride: vec![Entry::Fact("Who takes you home: Ann".into())],
            bring: vec!["Your medicine list.".into()],
            contact: Vec::new(),
            expect: None,
            closed_days: Vec::new(),
            diary: None,
        }
    }

    pub fn on(day: Date) -> When {
        When::On {
            date: day,
            days_away: (day - date(2026, 11, 25)).get_days().into(),
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
        // Wednesday, November 25, 2026, at midnight.
        let midnight = now(DateTime::constant(2026, 11, 25, 0, 0, 0, 0));
        // Two weeks away, no arrival time: the calls at nine; the questions three days on
        // would be a Saturday, so on Monday.
        assert_eq!(
            schedule(&sheet(on(date(2026, 12, 10)), None), &midnight),
            [
                "urgent 11-25 09:00: 11-25 09:00",
                "todo 11-26: 11-26 09:00",
                "questions 11-30 09:00: 11-30 09:00",
                "ride 12-09 10:00: 12-09 10:00",
                "bring 12-09 19:00: 12-09 19:00",
                "procedure 12-10: 12-09 09:00, 12-10 07:00",
            ]
        );
        // Within ten days: the questions tomorrow.
        assert_eq!(
            schedule(&sheet(on(date(2026, 12, 3)), None), &midnight)[2],
            "questions 11-26 09:00: 11-26 09:00"
        );
        // No date: no ride, nothing to pack, no procedure.
        assert_eq!(
            schedule(&sheet(When::NotSet, None), &midnight),
            [
                "urgent 11-25 09:00: 11-25 09:00",
                "todo 11-26: 11-26 09:00",
                "questions 11-30 09:00: 11-30 09:00",
            ]
        );
        // Tomorrow at 6:15, made at two in the afternoon: tomorrow's nine is too late, so
        // the calls are today, the clinic being open; what is past alerts soon.
        let afternoon = now(DateTime::constant(2026, 11, 25, 14, 0, 0, 0));
        let six = Some(Time::constant(6, 15, 0, 0));
        assert_eq!(
            schedule(&sheet(on(date(2026, 11, 26)), six), &afternoon),
            [
                "urgent 11-25 09:00: 11-25 14:15",
                "todo 11-25: 11-25 14:15",
                "questions 11-25 09:00: 11-25 14:15",
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
            schedule(&sheet(on(date(2026, 11, 25)), two), &eight),
            [
                "urgent 11-25 09:00: 11-25 09:00",
                "ride 11-24 10:00: 11-24 10:00",
                "bring 11-24 19:00: 11-24 19:00",
                "todo 11-25: 11-25 09:00",
                "procedure 11-25 14:00: 11-24 14:00, 11-25 12:00",
            ]
        );
        // Today, all day: it has started; only what came before it is left.
        assert_eq!(
            schedule(&sheet(on(date(2026, 11, 25)), None), &eight),
            [
                "ride 11-24 10:00: 11-24 10:00",
                "bring 11-24 19:00: 11-24 19:00",
                "procedure 11-25: 11-24 09:00, 11-25 07:00",
            ]
        );
    }

    /// The calls of a sheet made at `made`, for a procedure on December 10 (a Thursday),
    /// with the clinic closed on `closed`.
    fn calls(made: DateTime, closed: &[Date]) -> Vec<String> {
        let mut sheet = sheet(on(date(2026, 12, 10)), None);
        sheet.today = made.date();
        sheet.closed_days = closed.to_vec();
        schedule(&sheet, &now(made))
            .into_iter()
            .filter(|r| r.starts_with("urgent") || r.starts_with("questions"))
            .collect()
    }

    /// Calls to the care team are at nine on a day the clinic is open: made before noon on
    /// a weekday, that day (its alert soon, nine being past); at noon or later, or on a
    /// weekend, the next weekday; never a day the clinic lists as closed.
    #[test]
    fn calls_are_at_nine_on_a_day_the_clinic_is_open() {
        let at =
            |day: i8, hour: i8, minute: i8| DateTime::constant(2026, 11, day, hour, minute, 0, 0);
        // Wednesday before noon: today. The questions, three days on, on Monday.
        assert_eq!(
            calls(at(25, 11, 59), &[]),
            [
                "urgent 11-25 09:00: 11-25 12:14",
                "questions 11-30 09:00: 11-30 09:00"
            ]
        );
        // Wednesday at noon: Thursday.
        assert_eq!(
            calls(at(25, 12, 0), &[])[0],
            "urgent 11-26 09:00: 11-26 09:00"
        );
        // Friday afternoon, Saturday and Sunday: Monday. The questions three days on, or
        // the next day the clinic is open.
        for (made, questions) in [
            (at(27, 15, 0), "11-30"),
            (at(28, 8, 0), "12-01"),
            (at(29, 23, 0), "12-02"),
        ] {
            assert_eq!(
                calls(made, &[]),
                [
                    "urgent 11-30 09:00: 11-30 09:00".to_string(),
                    format!("questions {questions} 09:00: {questions} 09:00")
                ],
                "{made}"
            );
        }
        // The clinic closed on Monday, November 30: Tuesday.
        assert_eq!(
            calls(at(28, 8, 0), &[date(2026, 11, 30)]),
            [
                "urgent 12-01 09:00: 12-01 09:00",
                "questions 12-01 09:00: 12-01 09:00"
            ]
        );
        // A procedure on Monday, the sheet made on Saturday: no day the clinic is open
        // comes before it, so there is no call to plan (the sheet still lists them).
        let mut monday = sheet(on(date(2026, 11, 30)), Some(Time::constant(7, 0, 0, 0)));
        monday.today = date(2026, 11, 28);
        let saturday = now(at(28, 10, 0));
        let kinds: Vec<String> = schedule(&monday, &saturday);
        assert!(
            kinds
                .iter()
                .all(|r| !r.starts_with("urgent") && !r.starts_with("questions")),
            "{kinds:?}"
        );
    }

    /// Made at any hour of any day of two weeks, for procedures up to three weeks on, with
    /// closed days around a holiday: every call is at nine on a day the clinic is open, and
    /// alerts at nine that day or, nine being past already today, soon.
    #[test]
    fn every_call_falls_on_a_day_the_clinic_is_open() {
        let zone = chicago();
        let closed = [date(2026, 11, 26), date(2026, 11, 27), date(2026, 12, 24)];
        let start = date(2026, 11, 21);
        let mut calls = 0;
        for made_day in 0..14 {
            let today = start.checked_add(made_day.days()).expect("day");
            for hour in [0, 9, 11, 12, 23] {
                let made = now(DateTime::from_parts(today, Time::constant(hour, 30, 0, 0)));
                for away in 0..=21 {
                    let day = today.checked_add(away.days()).expect("day");
                    for arrive in [None, Some(Time::constant(7, 30, 0, 0))] {
                        let mut sheet = sheet(on(day), arrive);
                        sheet.today = today;
                        sheet.closed_days = closed.to_vec();
                        let list = reminders(&sheet, &made, english());
                        let case = format!("made {made}, procedure {day} {arrive:?}");
                        for r in list
                            .iter()
                            .filter(|r| matches!(r.kind, Kind::Urgent | Kind::Questions))
                        {
                            calls += 1;
                            assert!(
                                clinic_open(r.day, &closed),
                                "{case}: {:?} {}",
                                r.kind,
                                r.day
                            );
                            assert_eq!(r.at, Some(CALL_AT), "{case}");
                            let nine = instant(r.day, Some(CALL_AT), &zone).expect("nine");
                            for a in &r.alerts {
                                let alert = alert_instant(r, a.trigger, &zone).expect("alert");
                                let soon = made.timestamp() + SOON_MINUTES.minutes();
                                assert!(
                                    alert == nine || (r.day == today && alert == soon),
                                    "{case}: {:?} alerts at {alert}",
                                    r.kind
                                );
                            }
                        }
                    }
                }
            }
        }
        assert!(calls > 2000, "{calls} calls planned");
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
                    let sheet = sheet(on(day), arrive);
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

    /// On a day of 25 hours (the clocks go back) and of 23 (they go forward), a whole-day
    /// procedure alerts at 9:00 the day before and 7:00 that morning by the clock, and a
    /// timed one the same time the day before: every alert is an instant (or the event's
    /// own start), so no calendar can count the hours another way.
    #[test]
    fn on_a_day_of_23_or_25_hours_alerts_keep_their_clock_times() {
        let zone = chicago();
        for day in [date(2026, 11, 1), date(2027, 3, 14)] {
            let made = now(DateTime::constant(2026, 10, 20, 8, 0, 0, 0));
            let mut whole_day = sheet(on(day), None);
            whole_day.today = date(2026, 10, 20);
            let list = reminders(&whole_day, &made, english());
            let procedure = list.last().expect("the procedure");
            let local: Vec<String> = procedure
                .alerts
                .iter()
                .map(|a| match a.trigger {
                    Trigger::At(at) => at
                        .to_zoned_datetime(zone.clone())
                        .strftime("%m-%d %H:%M")
                        .to_string(),
                    Trigger::AtStart => panic!("a whole day has no start time to alert at"),
                })
                .collect();
            let before = day.yesterday().expect("day");
            assert_eq!(
                local,
                [
                    format!("{} 09:00", before.strftime("%m-%d")),
                    format!("{} 07:00", day.strftime("%m-%d"))
                ],
                "{day}"
            );
            let mut timed = sheet(on(day), Some(Time::constant(7, 30, 0, 0)));
            timed.today = date(2026, 10, 20);
            let list = reminders(&timed, &made, english());
            let procedure = list.last().expect("the procedure");
            let Trigger::At(the_day_before) = procedure.alerts[0].trigger else {
                panic!("an instant");
            };
            assert_eq!(
                the_day_before
                    .to_zoned_datetime(zone.clone())
                    .strftime("%H:%M")
                    .to_string(),
                "07:30",
                "{day}"
            );
        }
    }

    /// The first and last days a procedure may be on keep every reminder, in the time zone
    /// furthest ahead of UTC: the ride and the bag the day before, the procedure and its end.
    #[test]
    fn the_first_and_last_days_keep_every_reminder() {
        let kiritimati = TimeZone::get("Pacific/Kiritimati").expect("zone");
        for (today, day, arrive) in [
            (
                date(9998, 12, 20),
                date(9998, 12, 31),
                Some(Time::constant(23, 30, 0, 0)),
            ),
            (date(9998, 12, 20), date(9998, 12, 31), None),
            (date(999, 12, 20), date(1000, 1, 1), None),
        ] {
            let mut at_the_edge = sheet(
                When::On {
                    date: day,
                    days_away: 11,
                },
                arrive,
            );
            at_the_edge.today = today;
            let made = DateTime::from_parts(today, Time::constant(8, 0, 0, 0))
                .to_zoned_datetime(kiritimati.clone())
                .expect("now");
            let kinds: Vec<&str> = reminders(&at_the_edge, &made, english())
                .iter()
                .map(|r| r.kind.name())
                .collect();
            assert_eq!(
                kinds,
                ["urgent", "todo", "questions", "ride", "bring", "procedure"],
                "{day} {arrive:?}"
            );
        }
    }
}
