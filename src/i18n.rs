//! The words of the interface in the patient's language: every string a patient reads that
//! is not checklist content comes from a Fluent catalogue per language (`i18n/en.ftl`,
//! `i18n/es.ftl`), with each language's plural rules; dates and times are written in words
//! from the same catalogues ("Thursday, December 10, 2026", "jueves, 10 de diciembre de
//! 2026"). Fluent (fluent-bundle, from Project Fluent) keeps grammar in the catalogue, where
//! a translator can see it, not in code.

use std::cell::RefCell;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use jiff::civil::{Date, Time};

/// A language prepcheck speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Es,
}

/// Every language.
#[cfg(test)]
pub const LANGUAGES: [Lang; 2] = [Lang::En, Lang::Es];

impl Lang {
    /// "en", "es": the code in files, in `--lang` and in HTML.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// The language of a code or a locale: "es", "es-MX", "es_MX.UTF-8", "EN"; `None` for
    /// one prepcheck does not speak ("C", "POSIX", "fr_FR").
    pub fn from_code(code: &str) -> Option<Lang> {
        let language = code
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match language.as_str() {
            "en" => Some(Lang::En),
            "es" => Some(Lang::Es),
            _ => None,
        }
    }

    /// The catalogue's messages, each with its id, sorted by id (split by `build.rs`).
    fn entries(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Lang::En => include!(concat!(env!("OUT_DIR"), "/en.ftl.rs")),
            Lang::Es => include!(concat!(env!("OUT_DIR"), "/es.ftl.rs")),
        }
    }

    /// The Fluent source of the message `id`.
    fn entry(self, id: &str) -> Option<&'static str> {
        let entries = self.entries();
        let at = entries.binary_search_by(|(key, _)| (*key).cmp(id)).ok()?;
        Some(entries[at].1)
    }
}

/// The catalogue of one language. A message is parsed when it is first said: parsing the
/// whole catalogue took a seventh of a sheet's time, and a run says a few dozen of its
/// four hundred messages. (No message refers to another: a unit test checks it.)
pub struct Messages {
    lang: Lang,
    bundle: RefCell<FluentBundle<FluentResource>>,
}

impl std::fmt::Debug for Messages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Messages({})", self.lang.code())
    }
}

impl Messages {
    pub fn new(lang: Lang) -> Messages {
        let id = lang.code().parse().unwrap_or_default();
        let mut bundle = FluentBundle::new(vec![id]);
        // No invisible isolation marks around what is put in a message: they would reach
        // the terminal, the sheet and the calendar, where no invisible character belongs.
        bundle.set_use_isolating(false);
        Messages {
            lang,
            bundle: RefCell::new(bundle),
        }
    }

    /// The bundle, with the message `id` in it if the catalogue has it.
    fn bundle_with(&self, id: &str) -> std::cell::Ref<'_, FluentBundle<FluentResource>> {
        let has = self.bundle.borrow().has_message(id);
        if !has && let Some(entry) = self.lang.entry(id) {
            // The catalogues are ours and a unit test parses each in full: a broken message
            // shows as its id rather than stopping the program.
            let resource = match FluentResource::try_new(entry.to_string()) {
                Ok(resource) | Err((resource, _)) => resource,
            };
            let _ = self.bundle.borrow_mut().add_resource(resource);
        }
        self.bundle.borrow()
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// A message without arguments.
    pub fn get(&self, id: &str) -> String {
        self.with(id, &[])
    }

    /// A message with its arguments (numbers and text).
    pub fn with(&self, id: &str, args: &[(&str, FluentValue)]) -> String {
        let bundle = self.bundle_with(id);
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_string();
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        let mut errors = Vec::new();
        bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned()
    }

    /// "Thursday, December 10, 2026".
    pub fn date(&self, date: Date) -> String {
        self.date_as("date-long", date)
    }

    /// "Monday, December 14": a day near enough that its year goes without saying (the
    /// days of a pain diary).
    pub fn day(&self, date: Date) -> String {
        self.date_as("diary-date", date)
    }

    /// A date through the message `id`, which takes `$weekday`, `$month`, `$day`, `$year`.
    fn date_as(&self, id: &str, date: Date) -> String {
        let weekday = self.get(&format!(
            "weekday-{}",
            date.weekday().to_monday_one_offset()
        ));
        let month = self.get(&format!("month-{}", date.month()));
        self.with(
            id,
            &[
                ("weekday", weekday.into()),
                ("month", month.into()),
                ("day", i64::from(date.day()).into()),
                ("year", i64::from(date.year()).into()),
            ],
        )
    }

    /// "7:30 AM" in English, "7:30 de la mañana" in Spanish.
    pub fn time(&self, time: Time) -> String {
        let hour = time.hour();
        let hour12 = match hour % 12 {
            0 => 12,
            h => h,
        };
        let half = if hour < 12 { "half-am" } else { "half-pm" };
        self.with(
            "time-of-day",
            &[
                ("hour12", i64::from(hour12).into()),
                ("hour24", i64::from(hour).into()),
                ("minute", format!("{:02}", time.minute()).into()),
                ("half", self.get(half).into()),
            ],
        )
    }

    /// "today", "tomorrow", "in 15 days", "3 days ago".
    pub fn days_away(&self, days: i64) -> String {
        let future = if days > 0 { "yes" } else { "no" };
        self.with(
            "days-away",
            &[
                ("days", days.into()),
                ("count", days.abs().into()),
                ("future", future.into()),
            ],
        )
    }

    /// "a", "a and b", "a, b and c".
    pub fn and_list(&self, parts: &[&str]) -> String {
        match parts {
            [] => String::new(),
            [one] => one.to_string(),
            [first, last] => self.with(
                "list-two",
                &[("first", (*first).into()), ("last", (*last).into())],
            ),
            [rest @ .., last] => self.with(
                "list-more",
                &[("rest", rest.join(", ").into()), ("last", (*last).into())],
            ),
        }
    }
}

/// The English catalogue, for tests: leaked, so it lives as long as they need it.
#[cfg(test)]
pub fn english() -> &'static Messages {
    Box::leak(Box::new(Messages::new(Lang::En)))
}

/// The language asked for: `--lang`, else `PREPCHECK_LANG`, else the locale (`LC_ALL`,
/// `LC_MESSAGES`, `LANG`), else English. A setting prepcheck does not speak is passed over.
pub fn choose(asked: Option<Lang>, env: impl Fn(&str) -> Option<String>) -> Lang {
    asked
        .or_else(|| {
            ["PREPCHECK_LANG", "LC_ALL", "LC_MESSAGES", "LANG"]
                .iter()
                .filter_map(|name| env(name))
                .find(|value| !value.is_empty())
                .and_then(|value| Lang::from_code(&value))
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    impl Lang {
        /// The whole catalogue, as written.
        fn catalogue(self) -> &'static str {
            match self {
                Lang::En => include_str!("i18n/en.ftl"),
                Lang::Es => include_str!("i18n/es.ftl"),
            }
        }
    }

    fn ids(lang: Lang) -> Vec<String> {
        let resource = FluentResource::try_new(lang.catalogue().to_string())
            .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", lang.code()));
        resource
            .entries()
            .filter_map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                _ => None,
            })
            .collect()
    }

    /// `Messages` adds a message alone when it is first said: the split of each catalogue
    /// (`build.rs`) gives every message of the whole file, each whole and each on its own,
    /// and none refers to another message or a term, which would be missing.
    #[test]
    fn every_message_stands_alone() {
        for lang in LANGUAGES {
            let split: Vec<&str> = lang.entries().iter().map(|(id, _)| *id).collect();
            let mut whole = ids(lang);
            whole.sort();
            assert_eq!(split, whole, "{}", lang.code());
            for (id, entry) in lang.entries() {
                let alone = FluentResource::try_new(entry.to_string());
                assert!(alone.is_ok(), "{id} in {} parses alone", lang.code());
                let refers = entry.split('{').skip(1).any(|after| {
                    let first = after.trim_start().chars().next().unwrap_or(' ');
                    first == '-' || first.is_ascii_lowercase()
                });
                assert!(!refers, "{id} in {} refers to another entry", lang.code());
            }
        }
    }

    #[test]
    fn every_catalogue_parses_and_has_every_message() {
        let english = ids(Lang::En);
        for lang in LANGUAGES {
            let mine = ids(lang);
            let missing: Vec<&String> = english.iter().filter(|id| !mine.contains(id)).collect();
            let extra: Vec<&String> = mine.iter().filter(|id| !english.contains(id)).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{}: missing {missing:?}, extra {extra:?}",
                lang.code()
            );
            // A message written twice keeps only its first wording: the other is lost.
            let mut twice: Vec<&String> = mine
                .iter()
                .filter(|id| mine.iter().filter(|other| other == id).count() > 1)
                .collect();
            twice.dedup();
            assert!(twice.is_empty(), "{}: twice {twice:?}", lang.code());
        }
    }

    #[test]
    fn dates_and_days_in_words() {
        let en = Messages::new(Lang::En);
        let es = Messages::new(Lang::Es);
        assert_eq!(en.date(date(2026, 12, 10)), "Thursday, December 10, 2026");
        assert_eq!(
            es.date(date(2026, 12, 10)),
            "jueves, 10 de diciembre de 2026"
        );
        assert_eq!(en.days_away(14), "in 14 days");
        assert_eq!(es.days_away(14), "en 14 días");
        assert_eq!(es.days_away(1), "mañana");
        assert_eq!(en.days_away(-3), "3 days ago");
        assert_eq!(en.time(Time::constant(7, 5, 0, 0)), "7:05 AM");
        assert_eq!(en.time(Time::constant(19, 30, 0, 0)), "7:30 PM");
        // Spanish says which part of the day: "6:15" alone could be morning or evening.
        for ((hour, minute), said) in [
            ((19, 30), "7:30 de la noche"),
            ((6, 15), "6:15 de la mañana"),
            ((12, 0), "12:00 del mediodía"),
            ((14, 5), "2:05 de la tarde"),
            ((3, 0), "3:00 de la madrugada"),
            ((0, 30), "12:30 de la noche"),
        ] {
            assert_eq!(es.time(Time::constant(hour, minute, 0, 0)), said);
        }
        assert_eq!(en.and_list(&["a", "b", "c"]), "a, b and c");
        assert_eq!(es.and_list(&["a", "b"]), "a y b");
    }

    #[test]
    fn the_language_is_the_flag_then_the_environment_then_english() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(
            choose(Some(Lang::Es), env(&[("PREPCHECK_LANG", "en")])),
            Lang::Es
        );
        assert_eq!(
            choose(None, env(&[("PREPCHECK_LANG", "es"), ("LANG", "en_US")])),
            Lang::Es
        );
        assert_eq!(choose(None, env(&[("LC_ALL", "es_MX.UTF-8")])), Lang::Es);
        assert_eq!(
            choose(None, env(&[("LC_MESSAGES", "es_ES"), ("LANG", "en_US")])),
            Lang::Es
        );
        assert_eq!(choose(None, env(&[("LANG", "fr_FR.UTF-8")])), Lang::En);
        assert_eq!(
            choose(None, env(&[("LC_ALL", ""), ("LANG", "es")])),
            Lang::Es
        );
        assert_eq!(choose(None, env(&[])), Lang::En);
    }
}
