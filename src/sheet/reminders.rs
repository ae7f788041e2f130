//! Which reminders a sheet calls for, on which day and at which hour, as of now: a clinical
//! decision (urgent calls today, to-dos tomorrow, questions in a few days, the ride and the
//! bag the day before, the procedure's own alerts; nothing after the procedure starts), kept
//! apart from how a calendar file writes them (`ics.rs`).

use jiff::civil::{Date, DateTime, Time};
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan, ZonedDateTime};

use super::{Entry, Questions, Sheet, When};
use crate::i18n::Messages;

/// What a reminder is for; it names the event's UID, so importing the file again updates
/// the events it added before instead of adding them twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Urgent,
    Todo,
    Questions,
    Ride,
    Bring,
    Procedure,
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
/// How long after "now" the alert of the urgent reminder goes off.
pub(super) const SOON_MINUTES: i64 = 15;

/// The reminders a sheet calls for as of `now`: the urgent lines first, then by date. None
/// starts or alerts after the procedure starts (its arrival time, else the start of its
/// day); the procedure's own alerts come before it or on its morning.
pub(super) fn reminders(sheet: &Sheet, now: &ZonedDateTime, m: &Messages) -> Vec<Reminder> {
    let mut plan = Plan::new(sheet, now);
    if !sheet.urgent.is_empty() {
        plan.add(
            Kind::Urgent,
            plan.today,
            None,
            &m.get("reminder-urgent"),
            bullets(&sheet.urgent),
            vec![Trigger::At(plan.soon)],
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
    if !sheet.questions.is_empty() {
        plan.questions(sheet, m);
    }
    if let (Some(date), Some(day_before)) = (plan.procedure_day, plan.day_before) {
        plan.the_day_before(sheet, day_before, m);
        plan.list
            .push(procedure(sheet, date, plan.arrive, plan.zone, m));
    }
    plan.nothing_after_the_procedure();
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
    /// When "soon" is: a few minutes after now.
    soon: Timestamp,
    list: Vec<Reminder>,
}

impl<'a> Plan<'a> {
    fn new(sheet: &Sheet, now: &'a ZonedDateTime) -> Plan<'a> {
        let (procedure_day, arrive) = match sheet.when {
            When::On { date, arrive, .. } => (Some(date), arrive),
            When::NotSet => (None, None),
        };
        Plan {
            today: sheet.today,
            now,
            zone: now.time_zone(),
            procedure_day,
            arrive,
            day_before: procedure_day.and_then(|d| d.yesterday().ok()),
            soon: now
                .timestamp()
                .checked_add(SOON_MINUTES.minutes())
                .unwrap_or(now.timestamp()),
            list: Vec::new(),
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

    /// All the questions in one reminder: in a few days, or tomorrow when the procedure is
    /// close; never on its day.
    fn questions(&mut self, sheet: &Sheet, m: &Messages) {
        let close = self.procedure_day.is_some_and(|d| d <= self.after(10));
        let day = self.after(if close { 1 } else { 3 });
        let day = self.day_before.map_or(day, |last| day.min(last));
        if day >= self.today {
            let alerts = self.morning(day);
            let summary = m.get("reminder-questions");
            let description = questions(&sheet.questions, m);
            self.add(Kind::Questions, day, None, &summary, description, alerts);
        }
    }

    /// The ride at ten and the bag at seven in the evening, the day before the procedure.
    fn the_day_before(&mut self, sheet: &Sheet, day_before: Date, m: &Messages) {
        let ride: Vec<String> = sheet
            .ride
            .iter()
            .map(|e| match e {
                Entry::Fact(text) | Entry::Todo(text) => text.clone(),
            })
            .collect();
        let at_start = Trigger::AtStart;
        self.add(
            Kind::Ride,
            day_before,
            Some(Time::constant(10, 0, 0, 0)),
            &m.get("reminder-ride"),
            format!("{}\n{}", m.get("reminder-ride-call"), bullets(&ride)),
            vec![at_start],
        );
        if !sheet.bring.is_empty() {
            self.add(
                Kind::Bring,
                day_before,
                Some(Time::constant(19, 0, 0, 0)),
                &m.get("reminder-bring"),
                bullets(&sheet.bring),
                vec![at_start],
            );
        }
    }

    /// Nothing after the procedure starts: what would be is dropped.
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

/// All the questions, grouped as on the sheet: the general ones first, then one group per
/// medicine.
pub(super) fn questions(groups: &[Questions], m: &Messages) -> String {
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

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::i18n::english;
    use crate::sheet::Patient;
    use jiff::civil::date;

    pub fn chicago() -> TimeZone {
        TimeZone::get("America/Chicago").expect("America/Chicago")
    }

    pub fn now(at: DateTime) -> ZonedDateTime {
        at.to_zoned_datetime(chicago()).expect("now")
    }

    pub fn sheet(when: When) -> Sheet {
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

    pub fn on(day: Date, arrive: Option<Time>) -> When {
        When::On {
            date: day,
            arrive,
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

    /// On a day of 25 hours (the clocks go back) and of 23 (they go forward), a whole-day
    /// procedure alerts at 9:00 the day before and 7:00 that morning by the clock, and a
    /// timed one the same time the day before: every alert is an instant (or the event's
    /// own start), so no calendar can count the hours another way.
    #[test]
    fn on_a_day_of_23_or_25_hours_alerts_keep_their_clock_times() {
        let zone = chicago();
        for day in [date(2026, 11, 1), date(2027, 3, 14)] {
            let made = now(DateTime::constant(2026, 10, 20, 8, 0, 0, 0));
            let mut whole_day = sheet(on(day, None));
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
            let mut timed = sheet(on(day, Some(Time::constant(7, 30, 0, 0))));
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
            let mut at_the_edge = sheet(When::On {
                date: day,
                arrive,
                days_away: 11,
            });
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
