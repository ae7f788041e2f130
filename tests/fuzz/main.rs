//! A fuzzing suite that runs on stable Rust: a seeded generator, mutation of the seed files
//! and structure-aware generation of checklists, medicine lists and answers, with each input
//! run through its target under `catch_unwind` and timed.
//!
//! ```sh
//! PREPCHECK_FUZZ_RUNS=1000000 cargo test --release fuzz -- --ignored --nocapture --test-threads=1
//! ```
//!
//! A test target of its own (`[[test]] name = "fuzz"`) that drives the library as the
//! commands do, so it needs no test-only code in `src/`.
//!
//! The targets:
//! - `checklist`: `checklist::parse` with `Scrutiny::Full`, every problem written as `check`
//!   writes it; a checklist that passes is then used: a sheet with random answers, rendered in
//!   every format.
//! - `catalogue`: `Catalogue::parse`; a medicine list that passes is then used to check the
//!   built-in checklist (its names go to the medication-advice detector).
//! - `answers`: `Answers::parse` against the built-in checklist; answers that read are written
//!   back and read again (they must not change), and rendered in every format.
//! - `sheet`: typed answers (valid, with random text) for the built-in checklist, a random
//!   clock and time zone, and every format rendered into memory; the outputs hold no control
//!   or invisible character, and calendar lines are at most 75 octets.
//!
//! For each input: no panic, and (in a release build) no input under
//! `files::MAX_FILE_BYTES` takes more than 100 ms, timed as the commands it stands for
//! (`check`; a sheet in one format). The YAML library's own reading is timed apart, as it
//! is not ours to make faster: an input over the limit only for it is counted and
//! reported, and fails when the rest is over the limit. What fails is written to
//! `target/fuzz/<target>/`, with the slowest input of each target; an input that failed
//! belongs in `tests/fixtures/fuzz/<target>/` (gzipped, `gzip -9 -n`, when over 64 KB; a
//! large one made of a pattern is better made again from a seed in `regenerated.rs`), which
//! `regressions_stay_fixed` runs on every `cargo test`. `PREPCHECK_FUZZ_SEED` changes the
//! inputs.

mod generate;
mod mutate;
mod random;
mod regenerated;
mod yaml;

use std::cell::Cell;
use std::collections::HashSet;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::time::{Duration, Instant};

use jiff::civil::{Date, Time};
use jiff::tz::{Offset, TimeZone};
use jiff::{Timestamp, ToSpan, ZonedDateTime};

use generate::{Generator, SOURCE_FILES};
use prepcheck::answers::{Answer, Answers, DATES, MedicineAnswer};
use prepcheck::catalogue::Catalogue;
use prepcheck::checklist::{self, Checklist, Kind, Role, Scrutiny, SourceFiles};
use prepcheck::i18n::{Lang, Messages};
use prepcheck::sheet::{Format, Sheet, render};
use random::Random;
use yaml::{Words, Writer};

/// The longest one input may take to check or render, in a release build.
const TIME_LIMIT: Duration = Duration::from_millis(100);
const MAX_BYTES: usize = prepcheck::files::MAX_FILE_BYTES as usize;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Checklist,
    Catalogue,
    Answers,
    Sheet,
    Diary,
}

impl Target {
    const ALL: [Target; 5] = [
        Target::Checklist,
        Target::Catalogue,
        Target::Answers,
        Target::Sheet,
        Target::Diary,
    ];

    fn name(self) -> &'static str {
        match self {
            Target::Checklist => "checklist",
            Target::Catalogue => "catalogue",
            Target::Answers => "answers",
            Target::Sheet => "sheet",
            Target::Diary => "diary",
        }
    }
}

/// What every target needs, made once per run.
struct Context {
    words: Words,
    /// Source files the fuzz checklists may name, with their text.
    sources: Vec<(&'static str, String)>,
    /// The words of each source, to quote from.
    source_words: Vec<Vec<String>>,
    catalogues: Vec<Rc<Catalogue>>,
    medicine_ids: Vec<String>,
    built_in: Checklist,
    /// Every sheet is rendered in each language.
    languages: Vec<Messages>,
    /// Time spent on what no one command does: rendering formats beyond the slowest one of
    /// each sheet (one command renders one format), checking outputs, reading answers back.
    not_timed: Cell<Duration>,
    /// The longest other command an input led to: a sheet printed from a checklist that
    /// passed `check` is a command of its own, timed on its own.
    other_command: Cell<Duration>,
}

impl SourceFiles for Context {
    fn read_source(&self, relative: &str) -> Result<String, prepcheck::problem::Message> {
        self.sources
            .iter()
            .find(|(file, _)| *file == relative)
            .map(|(_, text)| text.clone())
            .ok_or_else(|| "no such file".into())
    }
}

impl Context {
    fn new() -> Context {
        let pump = include_str!("../../checklists/sources/intrathecal-pain-pump.txt");
        // A source near the size limit, for quotes that must be found in a long text.
        let mut big = String::new();
        let mut n = 0;
        while big.len() + pump.len() < MAX_BYTES - 100 {
            big.push_str(&format!("Part {n}. "));
            big.push_str(pump);
            n += 1;
        }
        let sources = vec![
            (SOURCE_FILES[0], pump.to_string()),
            (
                SOURCE_FILES[1],
                include_str!("../../tests/fixtures/mini/sources/mini.txt").to_string(),
            ),
            (SOURCE_FILES[2], big),
        ];
        let catalogue = Catalogue::parse(
            "bleeding.yaml",
            include_bytes!("../../checklists/medicines/bleeding.yaml"),
        )
        .expect("the built-in catalogue");
        let medicine_ids = catalogue.medicines.iter().map(|m| m.id.clone()).collect();
        let catalogues = vec![Rc::new(catalogue)];
        let mut context = Context {
            words: Words::new(),
            source_words: sources
                .iter()
                .map(|(_, text)| text.split_whitespace().map(str::to_string).collect())
                .collect(),
            sources,
            catalogues,
            medicine_ids,
            built_in: empty_checklist(),
            languages: [Lang::En, Lang::Es].map(Messages::new).into(),
            not_timed: Cell::new(Duration::ZERO),
            other_command: Cell::new(Duration::ZERO),
        };
        context.built_in = checklist::parse(
            "intrathecal-pump.yaml",
            include_bytes!("../../checklists/intrathecal-pump.yaml"),
            &context,
            &context.catalogues,
            Scrutiny::BuiltIn,
        )
        .expect("the built-in checklist")
        .0;
        context
    }

    /// The seed files of a target: the fixtures and the built-in lists.
    fn seeds(&self, target: Target) -> Vec<Vec<u8>> {
        let folders: &[&str] = match target {
            Target::Checklist => &[
                "checklists",
                "tests/fixtures/broken",
                "tests/fixtures/mini",
                "tests/fixtures/ok",
                "tests/fixtures/override",
            ],
            Target::Catalogue => &["checklists/medicines", "tests/fixtures/broken/medicines"],
            Target::Answers => &["tests/fixtures/answers"],
            Target::Sheet => &[],
            Target::Diary => &["tests/fixtures/diary"],
        };
        let mut seeds = Vec::new();
        for folder in folders {
            let Ok(entries) = std::fs::read_dir(folder) else {
                continue;
            };
            let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
            paths.sort();
            for path in paths.iter().filter(|p| p.is_file()) {
                if let Ok(bytes) = std::fs::read(path) {
                    seeds.push(bytes);
                }
            }
        }
        // The inputs that once failed, but for the large ones, which would make every
        // mutation of them slow.
        let regressions = regression_inputs(target)
            .into_iter()
            .map(|(_, bytes)| bytes);
        seeds.extend(regressions.filter(|bytes| bytes.len() <= 64 * 1024));
        seeds
    }

    /// A new input for a target, built from the pieces of its format.
    fn generate(&self, target: Target, random: &mut Random) -> Vec<u8> {
        let mut generator =
            Generator::new(random, &self.words, &self.source_words, &self.medicine_ids);
        let node = match target {
            Target::Checklist => generator.checklist(),
            Target::Catalogue => generator.catalogue(),
            Target::Answers => {
                let items: Vec<(String, String, Vec<String>)> = self
                    .built_in
                    .items()
                    .map(|item| {
                        let values = item.choices().iter().map(|c| c.id.clone()).collect();
                        (item.id.clone(), item.kind.name().to_string(), values)
                    })
                    .collect();
                generator.answers_file(&items)
            }
            Target::Sheet => return self.sheet_input(random),
            Target::Diary => return diary_input(random),
        };
        Writer::new(random).write(&node).into_bytes()
    }

    /// Typed answers for the built-in checklist, as an answers file, with the clock and the
    /// layout in a first comment line.
    fn sheet_input(&self, random: &mut Random) -> Vec<u8> {
        let (zone, now) = clock(random);
        let answers = typed_answers(random, &self.words, &self.built_in, now.date());
        let width = random.between(0, 200);
        let styled = random.chance(50);
        let head = format!(
            "#fuzz zone={zone} now={} width={width} styled={styled}\n",
            now.timestamp()
        );
        let yaml = answers
            .to_yaml(&self.built_in, Lang::En)
            .expect("typed answers are written");
        (head + &yaml).into_bytes()
    }

    /// Run one input through a target. `Ok` holds what the input led to (problem messages),
    /// to tell inputs that reach something new; `Err` a property that does not hold.
    fn run(&self, target: Target, input: &[u8]) -> Result<Vec<String>, String> {
        match target {
            Target::Checklist => self.run_checklist(input, &self.catalogues),
            Target::Catalogue => match Catalogue::parse("fuzz.yaml", input) {
                Ok(catalogue) => {
                    let _ = catalogue.summary();
                    let mut catalogue = catalogue;
                    catalogue.id = "bleeding".into();
                    let built_in = include_bytes!("../../checklists/intrathecal-pump.yaml");
                    self.run_checklist(built_in, &[Rc::new(catalogue)])
                        .map(|shapes| shapes.into_iter().chain(["ok".to_string()]).collect())
                }
                Err(problems) => Ok(shapes(&problems)),
            },
            Target::Answers => match Answers::parse("fuzz.yaml", input, &self.built_in) {
                Ok(saved) => {
                    let _ = saved.is_outdated(&self.built_in);
                    let _ = saved.answers.next_unanswered(&self.built_in);
                    let again = self.round_trip(&saved.answers)?;
                    let mut found = shapes(&unfit_problems(&saved.set_aside));
                    let now = Timestamp::UNIX_EPOCH
                        .checked_add(1_790_000_000.seconds())
                        .map_err(|e| e.to_string())?
                        .to_zoned_datetime(TimeZone::UTC);
                    found.push(format!("ok {}", saved.answers.count().min(30)));
                    let sheet = self.render_all(&self.built_in, &again, &now, 80, false)?;
                    self.count(sheet);
                    Ok(found)
                }
                Err(not_answers) => Ok(shapes(&[not_answers.problem()])),
            },
            Target::Diary => run_diary(input),
            Target::Sheet => {
                let text = std::str::from_utf8(input).map_err(|e| e.to_string())?;
                let (head, _) = text.split_once('\n').unwrap_or((text, ""));
                let setting = |key: &str| {
                    head.split_whitespace()
                        .find_map(|part| part.strip_prefix(key)?.strip_prefix('='))
                        .unwrap_or("")
                };
                let zone = zone_named(setting("zone"));
                let now = setting("now")
                    .parse::<Timestamp>()
                    .map_err(|e| format!("no clock in the first line: {e}"))?
                    .to_zoned_datetime(zone);
                let width = setting("width").parse().unwrap_or(80);
                let styled = setting("styled") == "true";
                let saved = Answers::parse("fuzz.yaml", input, &self.built_in)
                    .map_err(|e| format!("typed answers do not read back: {e}"))?;
                if !saved.set_aside.is_empty() {
                    let why = shapes(&unfit_problems(&saved.set_aside)).join("; ");
                    return Err(format!("typed answers were set aside: {why}"));
                }
                self.round_trip(&saved.answers)?;
                let sheet = self.render_all(&self.built_in, &saved.answers, &now, width, styled)?;
                self.count(sheet);
                Ok(Vec::new())
            }
        }
    }

    /// Everything `check` does with a checklist file; a checklist that passes is used too.
    fn run_checklist(
        &self,
        input: &[u8],
        catalogues: &[Rc<Catalogue>],
    ) -> Result<Vec<String>, String> {
        match checklist::parse("fuzz.yaml", input, self, catalogues, Scrutiny::Full) {
            Ok((checklist, warnings)) => {
                let mut found = shapes(&warnings);
                found.push("ok".into());
                let _ = checklist.summary();
                for item in checklist.items() {
                    let _ = item.when.as_ref().map(ToString::to_string);
                }
                let mut random = Random::new(hash(input));
                let (_, now) = clock(&mut random);
                let answers = typed_answers(&mut random, &self.words, &checklist, now.date());
                let blank = self.render_all(&checklist, &Answers::default(), &now, 80, false)?;
                let filled = self.render_all(&checklist, &answers, &now, 60, true)?;
                let longest = blank.max(filled).max(self.other_command.get());
                self.other_command.set(longest);
                Ok(found)
            }
            Err(problems) => Ok(shapes(&problems)),
        }
    }

    /// Render a sheet in every format and language into memory, and check what each must
    /// never hold. The time is the slowest one command (one language, one format) takes.
    fn render_all(
        &self,
        checklist: &Checklist,
        answers: &Answers,
        now: &ZonedDateTime,
        width: usize,
        styled: bool,
    ) -> Result<Duration, String> {
        let started = Instant::now();
        let mut slowest_command = Duration::ZERO;
        for m in &self.languages {
            let start = Instant::now();
            let sheet = Sheet::new(checklist, answers, now.date(), m);
            let made = start.elapsed();
            let slowest = render_formats(&sheet, now, width, styled, m)?;
            slowest_command = slowest_command.max(made + slowest);
        }
        self.not_timed.set(self.not_timed.get() + started.elapsed());
        Ok(slowest_command)
    }

    /// Count time that `render_all` left out as part of this input's command.
    fn count(&self, time: Duration) {
        self.not_timed
            .set(self.not_timed.get().saturating_sub(time));
    }

    /// Answers written to a file and read back must be the same answers.
    fn round_trip(&self, answers: &Answers) -> Result<Answers, String> {
        let start = Instant::now();
        let again = self.read_back(answers);
        self.not_timed.set(self.not_timed.get() + start.elapsed());
        again
    }

    fn read_back(&self, answers: &Answers) -> Result<Answers, String> {
        let yaml = answers
            .to_yaml(&self.built_in, Lang::En)
            .map_err(|e| format!("answers cannot be written: {e}"))?;
        let again = Answers::parse("again.yaml", yaml.as_bytes(), &self.built_in)
            .map_err(|e| format!("answers written do not read back: {e}"))?;
        if again.answers != *answers {
            return Err(format!(
                "answers changed on the way through the file:\n{:?}\n{:?}",
                answers, again.answers
            ));
        }
        Ok(again.answers)
    }
}

/// A checklist with nothing in it, before the built-in one is read.
fn empty_checklist() -> Checklist {
    Checklist {
        id: String::new(),
        title: String::new(),
        procedure: String::new(),
        version: 0,
        closed_days: Vec::new(),
        sections: Vec::new(),
    }
}

/// The kinds of problem found, without what they quote: the fuzzer keeps inputs that lead
/// to a kind it has not seen.
fn shapes(problems: &[prepcheck::problem::Problem]) -> Vec<String> {
    problems
        .iter()
        .map(|p| {
            let message = p.to_string();
            let message = message.split_once(": ").map_or(&*message, |(_, m)| m);
            let message = message.split_once(": ").map_or(message, |(_, m)| m);
            message
                .chars()
                .take_while(|c| !"'\"(".contains(*c))
                .filter(|c| !c.is_ascii_digit())
                .take(48)
                .collect()
        })
        .collect()
}

/// Answers set aside, as the problems `check` would write.
fn unfit_problems(set_aside: &[prepcheck::answers::Unfit]) -> Vec<prepcheck::problem::Problem> {
    set_aside.iter().map(|unfit| unfit.problem()).collect()
}

/// FNV-1a, to seed what is derived from an input.
fn hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

const ZONES: &[&str] = &[
    "UTC",
    "America/Chicago",
    "Europe/Dublin",
    "Australia/Lord_Howe",
    "Asia/Kolkata",
    "Pacific/Chatham",
    "America/Sao_Paulo",
    "Pacific/Kiritimati",
    "posix:EST5EDT,M3.2.0,M11.1.0",
    "posix:<+0330>-3:30",
    "fixed:-93599",
    "fixed:93599",
    "fixed:19800",
];

fn zone_named(name: &str) -> TimeZone {
    if let Some(rule) = name.strip_prefix("posix:") {
        return TimeZone::posix(rule).unwrap_or(TimeZone::UTC);
    }
    if let Some(seconds) = name.strip_prefix("fixed:") {
        return seconds
            .parse()
            .ok()
            .and_then(|s| Offset::from_seconds(s).ok())
            .map_or(TimeZone::UTC, TimeZone::fixed);
    }
    TimeZone::get(name).unwrap_or(TimeZone::UTC)
}

/// A zone and a time in it: mostly near today, now and then at the ends of time.
fn clock(random: &mut Random) -> (String, ZonedDateTime) {
    let name = random.pick(ZONES).to_string();
    let zone = zone_named(&name);
    let base: i64 = 1_795_000_000; // late 2026
    let seconds = match random.below(10) {
        0 => Timestamp::MIN.as_second() + random.below(400 * 86_400) as i64,
        1 => Timestamp::MAX.as_second() - random.below(400 * 86_400) as i64,
        2 => random.next() as i64 % Timestamp::MAX.as_second(),
        _ => base + (random.below(4 * 365 * 86_400) as i64) - 2 * 365 * 86_400,
    };
    let at = Timestamp::from_second(seconds).unwrap_or(Timestamp::UNIX_EPOCH);
    (name, at.to_zoned_datetime(zone))
}

/// Valid typed answers for the items of a checklist: what the walk could have saved, with
/// random text.
fn typed_answers(
    random: &mut Random,
    words: &Words,
    checklist: &Checklist,
    today: Date,
) -> Answers {
    let mut answers = Answers::default();
    let text = |random: &mut Random| {
        let pieces = random.between(1, 40);
        let text = yaml::text(random, words, pieces);
        text.chars()
            .take(random.between(0, prepcheck::answers::MAX_TEXT_CHARS))
            .collect::<String>()
    };
    for item in checklist.items() {
        if random.chance(20) {
            continue;
        }
        let not_known = random.chance(10);
        let answer = match &item.kind {
            Kind::YesNo => Answer::YesNo(random.chance(50)),
            Kind::OneChoice(choices) | Kind::SeveralChoices(choices) if choices.is_empty() => {
                continue;
            }
            Kind::OneChoice(choices) => Answer::Choice(random.pick(choices).id.clone()),
            Kind::SeveralChoices(choices) => Answer::Choices(
                (0..random.below(choices.len() * 2 + 1))
                    .map(|_| random.pick(choices).id.clone())
                    .collect(),
            ),
            Kind::Medicines(list) => {
                let ids: Vec<&str> = list
                    .catalogue
                    .medicines
                    .iter()
                    .map(|m| m.id.as_str())
                    .collect();
                let known = (0..random.below(ids.len() + 1))
                    .map(|_| random.pick(&ids).to_string())
                    .collect();
                let count = random.count(prepcheck::answers::MAX_TYPED_MEDICINES);
                let typed = (0..count).map(|_| text(random)).collect();
                Answer::Medicines(MedicineAnswer { known, typed })
            }
            Kind::Text | Kind::Date | Kind::Time | Kind::Phone if not_known => Answer::NotKnown,
            Kind::Text => Answer::Text(text(random)),
            Kind::Date => {
                // Near today when today is a day the walk runs on (`answers::DATES`).
                let near = (item.role == Some(Role::ProcedureDate) && random.chance(80))
                    .then(|| {
                        let days = random.between(0, 70) as i64 - 5;
                        today.checked_add(days.days()).ok()
                    })
                    .flatten()
                    .filter(|day| DATES.contains(day));
                let day = near.unwrap_or_else(|| random_date(random));
                Answer::Date(day)
            }
            Kind::Time => Answer::Time(
                Time::new(random.below(24) as i8, random.below(60) as i8, 0, 0)
                    .unwrap_or(Time::midnight()),
            ),
            Kind::Phone => Answer::Phone(phone(random)),
            Kind::Info => Answer::Seen,
        };
        answers.set(&item.id, answer);
    }
    answers
}

fn random_date(random: &mut Random) -> Date {
    // Any year an answer may hold (`answers::DATES`), its first and last days most of all.
    let (first, last) = (DATES.start(), DATES.end());
    match random.below(8) {
        0 => return *first,
        1 => return *last,
        _ => {}
    }
    let year = match random.below(4) {
        0 => random.between(first.year() as usize, last.year() as usize) as i16,
        _ => random.between(2020, 2035) as i16,
    };
    Date::new(
        year,
        random.between(1, 12) as i8,
        random.between(1, 31) as i8,
    )
    .or_else(|_| Date::new(year, 2, 28))
    .unwrap_or(Date::constant(2026, 12, 10))
}

/// A phone number the walk accepts.
fn phone(random: &mut Random) -> String {
    let digits = random.between(7, 15);
    let mut text = String::new();
    if random.chance(20) {
        text.push('+');
    }
    for n in 0..digits {
        if n > 0 && random.chance(25) {
            text.push(*random.pick(&[' ', '-', '.', '/']));
        }
        text.push((b'0' + random.below(10) as u8) as char);
    }
    if random.chance(20) {
        let ext = random.between(1, 999_999);
        text.push_str(random.pick::<&str>(&[" ext ", " x", " extension ", " ext. "]));
        text.push_str(&ext.to_string());
    }
    text
}

/// The inputs that once failed, kept in `tests/fixtures/fuzz/<target>/`: as they were, or
/// gzipped (`.gz`) when large. The largest are made again instead (`regenerated.rs`).
fn regression_inputs(target: Target) -> Vec<(PathBuf, Vec<u8>)> {
    let folder = Path::new("tests/fixtures/fuzz").join(target.name());
    let Ok(entries) = std::fs::read_dir(&folder) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let bytes = read_input(&path);
            (path, bytes)
        })
        .collect()
}

/// An input file, gunzipped when its name ends in `.gz`.
fn read_input(path: &Path) -> Vec<u8> {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    if path.extension().is_none_or(|e| e != "gz") {
        return bytes;
    }
    let mut out = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&bytes[..]), &mut out)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    out
}

/// What a panic said.
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic".into())
}

/// Run one input and time it: the outcome (a panic is an `Err` too) and how long it took.
fn attempt(
    context: &Context,
    target: Target,
    input: &[u8],
) -> (Result<Vec<String>, String>, Duration) {
    context.not_timed.set(Duration::ZERO);
    context.other_command.set(Duration::ZERO);
    let start = Instant::now();
    let outcome = catch_unwind(AssertUnwindSafe(|| context.run(target, input)));
    let took = start
        .elapsed()
        .saturating_sub(context.not_timed.get())
        .max(context.other_command.get());
    let outcome =
        outcome.unwrap_or_else(|payload| Err(format!("panic: {}", panic_message(&*payload))));
    (outcome, took)
}

fn setting(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.replace('_', "").parse().ok())
        .unwrap_or(default)
}

/// How long the YAML library takes to read an input as its target reads it: `parse` of a
/// checklist reads a file once, or (when an item cannot be read) the whole file twice and
/// each item again.
fn yaml_time(target: Target, input: &[u8]) -> Duration {
    let start = Instant::now();
    match target {
        Target::Checklist => {
            let _ = checklist::read_yaml(input);
        }
        _ => {
            let _ = serde_saphyr::from_slice::<serde::de::IgnoredAny>(input);
        }
    }
    start.elapsed()
}

/// Run and time one input as the fuzzer judges it: the outcome, the time it took, and the
/// time that is ours. In a release build, an input over `TIME_LIMIT` is timed again (twice,
/// the quickest kept, so that a pause of the machine is not taken for a slow input), and
/// the YAML library's own reading is taken off (it is not ours to make faster); in a debug
/// build nothing is timed again, and `ours` is `took`.
fn judged_attempt(
    context: &Context,
    target: Target,
    input: &[u8],
) -> (Result<Vec<String>, String>, Duration, Duration) {
    let (outcome, mut took) = attempt(context, target, input);
    if !timed() || took <= TIME_LIMIT {
        return (outcome, took, took);
    }
    for _ in 0..2 {
        took = took.min(attempt(context, target, input).1);
    }
    let yaml = yaml_time(target, input).min(yaml_time(target, input));
    (outcome, took, took.saturating_sub(yaml))
}

/// Whether times count: in a release build only (a debug build is many times slower).
fn timed() -> bool {
    !cfg!(debug_assertions)
}

/// Fuzz one target with `PREPCHECK_FUZZ_RUNS` inputs; fails if any input panicked, broke a
/// property, or (in a release build) took longer than `TIME_LIMIT`.
fn fuzz(target: Target) {
    let runs = setting("PREPCHECK_FUZZ_RUNS", 2_000);
    let seed = setting("PREPCHECK_FUZZ_SEED", 1);
    let timed = timed();
    let context = Context::new();
    let seeds = context.seeds(target);
    let mut corpus = seeds.clone();
    let mut seen: HashSet<String> = HashSet::new();
    let mut failures: Vec<(String, Vec<u8>)> = Vec::new();
    let mut slowest: (Duration, Vec<u8>) = (Duration::ZERO, Vec::new());
    // The slowest input over the limit only for the YAML library's time, and that time.
    let mut in_parser: (Duration, Duration, Vec<u8>) = (Duration::ZERO, Duration::ZERO, Vec::new());
    let mut over_in_parser = 0;
    let mut passed = 0u64;
    // Inputs and their time by how long each took: under 1 ms, 10 ms, 50 ms, and more.
    let mut buckets = [(0u64, Duration::ZERO); 4];
    let out = Path::new("target/fuzz").join(target.name());
    let started = Instant::now();
    for n in 0..runs {
        let mut random =
            Random::new(seed.wrapping_mul(0x2545_F491_4F6C_DD1D) ^ n ^ (target as u64) << 56);
        // Sheets are made from valid answers only: generated, never mutated.
        let input = if target == Target::Sheet || corpus.is_empty() || random.chance(50) {
            context.generate(target, &mut random)
        } else {
            let base = random.pick(&corpus).clone();
            let other = random.pick(&corpus).clone();
            mutate::mutate(&mut random, &base, &other, MAX_BYTES)
        };
        // Files larger than the limit are refused before they are read.
        let mut input = input;
        input.truncate(MAX_BYTES);
        let (outcome, took, ours) = judged_attempt(&context, target, &input);
        if ours < took {
            let yaml = took - ours;
            if ours <= TIME_LIMIT && took > in_parser.0 {
                in_parser = (took, yaml, input.clone());
            }
            if ours <= TIME_LIMIT {
                over_in_parser += 1;
            }
        }
        if took > slowest.0 {
            slowest = (took, input.clone());
        }
        let bucket = [1, 10, 50]
            .iter()
            .take_while(|&&ms| took >= Duration::from_millis(ms))
            .count();
        buckets[bucket].0 += 1;
        buckets[bucket].1 += took;
        let problem = match outcome {
            Err(why) => Some(why),
            Ok(_) if timed && ours > TIME_LIMIT => Some(format!(
                "slow: {took:?}, of which {:?} in the YAML library",
                took - ours
            )),
            Ok(found) => {
                // Inputs that read well and went on to the checks or the sheet beyond.
                if target == Target::Sheet || found.iter().any(|f| f.starts_with("ok")) {
                    passed += 1;
                }
                let mut new = false;
                for shape in found {
                    new |= seen.insert(shape);
                }
                if new && input.len() < 64 * 1024 {
                    if corpus.len() < 4_000 {
                        corpus.push(input.clone());
                    } else {
                        let at = random.below(corpus.len() - seeds.len()) + seeds.len();
                        corpus[at] = input.clone();
                    }
                }
                None
            }
        };
        if let Some(why) = problem {
            let file = out.join(format!("failure-{seed}-{n}.yaml"));
            let _ = std::fs::create_dir_all(&out);
            let _ = std::fs::write(&file, &input);
            let first_line = why.lines().next().unwrap_or("");
            println!(
                "{}: input {n} ({} bytes, {}): {first_line}",
                target.name(),
                input.len(),
                file.display()
            );
            failures.push((why, input));
            if failures.len() >= 20 {
                break;
            }
        }
        if (n + 1) % (runs / 10).max(1) == 0 {
            println!(
                "{}: {} inputs, {:.0?}, corpus {}, slowest {:.1?} ({} bytes)",
                target.name(),
                n + 1,
                started.elapsed(),
                corpus.len(),
                slowest.0,
                slowest.1.len()
            );
        }
    }
    let _ = std::fs::create_dir_all(&out);
    let _ = std::fs::write(out.join("slowest.yaml"), &slowest.1);
    println!(
        "{}: inputs (time) under 1 ms: {} ({:.1?}); 1-10 ms: {} ({:.1?}); 10-50 ms: {} ({:.1?}); over 50 ms: {} ({:.1?})",
        target.name(),
        buckets[0].0,
        buckets[0].1,
        buckets[1].0,
        buckets[1].1,
        buckets[2].0,
        buckets[2].1,
        buckets[3].0,
        buckets[3].1
    );
    println!(
        "{}: {passed} inputs read well (and were checked, or made into sheets, beyond)",
        target.name()
    );
    // Timed again at the end, for a figure that no pause of the machine made.
    let again = (0..3)
        .map(|_| attempt(&context, target, &slowest.1).1)
        .min()
        .unwrap_or_default();
    println!(
        "{}: slowest input timed again: {again:.1?} ({} bytes)",
        target.name(),
        slowest.1.len()
    );
    if over_in_parser > 0 {
        let _ = std::fs::write(out.join("slowest-in-yaml.yaml"), &in_parser.2);
        println!(
            "{}: {over_in_parser} inputs over {TIME_LIMIT:?} only for the YAML library's own reading; the worst: {:.1?}, {:.1?} of it in the library ({} bytes, slowest-in-yaml.yaml)",
            target.name(),
            in_parser.0,
            in_parser.1,
            in_parser.2.len()
        );
    }
    println!(
        "{}: {runs} inputs (seed {seed}) in {:.1?}; {} failures; slowest {:.1?} for {} bytes (target/fuzz/{}/slowest.yaml)",
        target.name(),
        started.elapsed(),
        failures.len(),
        slowest.0,
        slowest.1.len(),
        target.name()
    );
    assert!(
        failures.is_empty(),
        "{} inputs failed; the first: {}",
        failures.len(),
        failures[0].0
    );
}

#[test]
#[ignore = "fuzzing: PREPCHECK_FUZZ_RUNS inputs; run with --release --ignored"]
fn fuzz_checklist() {
    fuzz(Target::Checklist);
}

#[test]
#[ignore = "fuzzing: PREPCHECK_FUZZ_RUNS inputs; run with --release --ignored"]
fn fuzz_catalogue() {
    fuzz(Target::Catalogue);
}

#[test]
#[ignore = "fuzzing: PREPCHECK_FUZZ_RUNS inputs; run with --release --ignored"]
fn fuzz_answers() {
    fuzz(Target::Answers);
}

#[test]
#[ignore = "fuzzing: PREPCHECK_FUZZ_RUNS inputs; run with --release --ignored"]
fn fuzz_diary() {
    fuzz(Target::Diary);
}

/// A diary file: a trial (now and then backwards), reminder times, and entries with times
/// (with an offset, or not), scores (in range, or not) and notes of any length.
fn diary_input(random: &mut Random) -> Vec<u8> {
    let mut yaml = String::from("diary: 1\n");
    if random.chance(70) {
        let (a, b) = (random.between(1, 28), random.between(1, 28));
        yaml += &format!("trial:\n  start: 2026-12-{a:02}\n  end: 2026-12-{b:02}\n");
    }
    if random.chance(30) {
        yaml += &format!(
            "reminders: [\"{:02}:00\", \"{}\"]\n",
            random.below(26),
            random.below(99)
        );
    }
    yaml += if random.chance(20) {
        "set-aside:\n"
    } else {
        "entries:\n"
    };
    for _ in 0..random.count(200) {
        let offset = *random.pick(&["-06:00", "+05:30", "Z", "", "+14:00", "-25:00"]);
        yaml += &format!(
            "- at: 2026-12-{:02}T{:02}:{:02}:00{offset}\n  score: {}\n",
            random.between(1, 31),
            random.below(25),
            random.below(60),
            random.below(13)
        );
        if random.chance(30) {
            let key = *random.pick(&["note", "could-do", "noticed", "mood"]);
            let text = "né\u{202e}<b>&x".repeat(random.count(60));
            yaml += &format!(
                "  {key}: {}\n",
                serde_json::to_string(&text).unwrap_or_default()
            );
        }
    }
    yaml.into_bytes()
}

/// A diary file read; one that reads is written back and read again (it must not change),
/// and shown in every look, in both languages; what a patient wrote never reaches the
/// terminal or the page with a control or invisible character.
fn run_diary(input: &[u8]) -> Result<Vec<String>, String> {
    use prepcheck::diary::{Diary, page, show};
    let diary = match Diary::parse("fuzz.yaml", input) {
        Ok(diary) => diary,
        Err(not_diary) => return Ok(shapes(&[not_diary.problem()])),
    };
    let yaml = diary.to_yaml().map_err(|e| e.to_string())?;
    let again = Diary::parse("again.yaml", yaml.as_bytes()).map_err(|e| format!("{e:?}"))?;
    if again != diary {
        return Err(format!(
            "the diary changed when written and read again:\n{yaml}"
        ));
    }
    for lang in [Lang::En, Lang::Es] {
        let m = Messages::new(lang);
        for look in [
            show::Look::Text { width: 40 },
            show::Look::ScreenReader,
            show::Look::Plain,
            show::Look::Markdown,
        ] {
            let text = show::show(&diary, look, &m);
            if text.chars().any(|c| c.is_control() && c != '\n') {
                return Err(format!("a control character in {look:?}"));
            }
        }
        let html = page::page(&diary, &m);
        if html.contains("<b>") {
            return Err("text not escaped on the page".into());
        }
    }
    Ok(vec![format!(
        "ok {} {}",
        diary.entries.len().min(30),
        diary.set_aside.len().min(30)
    )])
}

#[test]
#[ignore = "fuzzing: PREPCHECK_FUZZ_RUNS inputs; run with --release --ignored"]
fn fuzz_sheet() {
    fuzz(Target::Sheet);
}

/// Run the files named in `PREPCHECK_FUZZ_REPLAY` (separated by spaces) through the target
/// of `PREPCHECK_FUZZ_TARGET`, and time each: to look into what the fuzzer found.
#[test]
#[ignore = "replays PREPCHECK_FUZZ_REPLAY through PREPCHECK_FUZZ_TARGET"]
fn fuzz_replay() {
    // Nothing to replay when the fuzzing tests are run together.
    let Ok(files) = std::env::var("PREPCHECK_FUZZ_REPLAY") else {
        return;
    };
    let context = Context::new();
    let wanted = std::env::var("PREPCHECK_FUZZ_TARGET").unwrap_or_default();
    let target = Target::ALL
        .into_iter()
        .find(|t| t.name() == wanted)
        .expect("PREPCHECK_FUZZ_TARGET names a target");
    for file in files.split_whitespace() {
        let input = read_input(Path::new(file));
        let (outcome, took) = attempt(&context, target, &input);
        let again = attempt(&context, target, &input).1;
        let outcome = match outcome {
            Ok(found) => format!(
                "ok: {}",
                found.join(" | ").chars().take(300).collect::<String>()
            ),
            Err(why) => why.chars().take(2000).collect(),
        };
        let yaml = yaml_time(target, &input);
        println!(
            "{file}: {} bytes, {:.1?} then {:.1?} (YAML library: {yaml:.1?}): {outcome}",
            input.len(),
            took,
            again
        );
    }
}

/// Every input the fuzzer ever found failing, run through its target again (those kept as
/// files, and those made again from a seed): no panic, no broken property, and (in a
/// release build, as the fuzzer judges it) none over `TIME_LIMIT` of our own time: the
/// inputs kept because they were slow stay quick.
#[test]
fn regressions_stay_fixed() {
    let context = Context::new();
    let mut failed = Vec::new();
    let mut count = 0;
    for target in Target::ALL {
        let files = regression_inputs(target)
            .into_iter()
            .map(|(path, input)| (path.display().to_string(), input));
        for (name, input) in files.chain(regenerated::inputs(target, &context.words)) {
            count += 1;
            match judged_attempt(&context, target, &input) {
                (Err(why), _, _) => failed.push(format!("{name}: {why}")),
                (Ok(_), took, ours) if timed() && ours > TIME_LIMIT => failed.push(format!(
                    "{name}: slow: {took:?}, of which {:?} in the YAML library",
                    took - ours
                )),
                _ => {}
            }
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
    // Every input that ever failed is run: 17 when they were all files, and the diary's.
    assert_eq!(count, 18, "regression inputs run");
}

/// Render `sheet` in every format into memory, checking what each must never hold: a
/// control or invisible character, a calendar line over 75 octets. Returns the slowest.
fn render_formats(
    sheet: &Sheet,
    now: &ZonedDateTime,
    width: usize,
    styled: bool,
    m: &Messages,
) -> Result<Duration, String> {
    let formats = [
        Format::Text { styled, width },
        Format::Plain,
        Format::Markdown,
        Format::Html,
        Format::Ics { now: now.clone() },
    ];
    let mut slowest = Duration::ZERO;
    for format in &formats {
        let mut out = Vec::new();
        let start = Instant::now();
        render(sheet, format, m, &mut out).map_err(|e| format!("{format:?}: {e}"))?;
        slowest = slowest.max(start.elapsed());
        let text = String::from_utf8(out).map_err(|e| format!("{format:?}: {e}"))?;
        let ics = matches!(format, Format::Ics { .. });
        let shown = console::strip_ansi_codes(&text);
        let hidden = |c: char| {
            (c.is_control() && c != '\n' && !(ics && c == '\r')) || prepcheck::text::is_invisible(c)
        };
        if let Some(c) = shown.chars().find(|&c| hidden(c)) {
            return Err(format!("{format:?} holds U+{:04X}", c as u32));
        }
        if ics {
            let long = text
                .split("\r\n")
                .find(|line| line.len() > 75 || line.contains('\n'));
            if let Some(line) = long {
                return Err(format!(
                    "a calendar line is {} octets: {line:?}",
                    line.len()
                ));
            }
        }
    }
    Ok(slowest)
}
