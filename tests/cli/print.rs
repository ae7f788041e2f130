//! The HTML sheet printed to PDF by a real browser, and the calendar file read by a parser
//! this project did not write. Both need outside tools, which each test's name says
//! (`chromium`, `python_icalendar`): `.ci/run` installs them, so in CI (CI=true) a missing
//! tool fails the test; elsewhere the test says on the terminal that it did not run.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::approved;
use crate::prepcheck;

/// Whether `program ARGS` runs; if not, fail in CI and say the test did not run elsewhere.
pub fn available(program: &str, args: &[&str]) -> bool {
    let runs = Command::new(program)
        .args(args)
        .output()
        .is_ok_and(|o| o.status.success());
    crate::common::can_run(runs, &format!("`{program} {}`", args.join(" ")))
}

fn write_sheet(answers: &str, format: &str, out: &Path) {
    prepcheck()
        .args([
            "sheet",
            "--answers",
            answers,
            "--format",
            format,
            "--output",
        ])
        .arg(out)
        .assert()
        .success();
}

/// Print an HTML file to PDF with headless Chromium, kept off the network.
fn print_to_pdf(html: &Path, pdf: &Path, profile: &Path) {
    let status = Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .output()
        .expect("run chromium");
    assert!(
        pdf.exists(),
        "no PDF: {}",
        String::from_utf8_lossy(&status.stderr)
    );
}

/// The words on the pages, how many pages, and the paper ("letter" or "A4").
fn pdf_text(pdf: &Path) -> (String, u32, String) {
    let text = Command::new("pdftotext")
        .args(["-layout"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext");
    let info = Command::new("pdfinfo").arg(pdf).output().expect("pdfinfo");
    let info = String::from_utf8_lossy(&info.stdout);
    let pages = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("page count");
    let paper = info
        .lines()
        .find_map(|l| l.strip_prefix("Page size:"))
        .unwrap_or_default()
        .trim()
        .to_string();
    let text = String::from_utf8_lossy(&text.stdout);
    // Words only: the page wraps lines wherever it likes.
    (
        text.split_whitespace().collect::<Vec<_>>().join(" "),
        pages,
        paper,
    )
}

/// The patients whose sheets are printed: every answers fixture, and a new patient with
/// nothing answered (`None`).
const PATIENTS: [Option<&str>; 6] = [
    None,
    Some("tests/fixtures/answers/no-medicines.yaml"),
    Some("tests/fixtures/answers/blood-thinners.yaml"),
    Some("tests/fixtures/answers/implant-trial-failed.yaml"),
    Some("tests/fixtures/answers/implant.yaml"),
    Some("tests/fixtures/answers/many-medicines.yaml"),
];

/// The sheet of `answers` (`None`: nothing answered yet) in `lang` and `format`.
fn sheet_of(answers: Option<&str>, lang: &str, format: &str) -> String {
    let home = tempfile::tempdir().expect("temp dir");
    let mut command = prepcheck();
    command
        .env("PREPCHECK_HOME", home.path())
        .args(["--lang", lang, "sheet", "--format", format]);
    if let Some(answers) = answers {
        command.args(["--answers", answers]);
    }
    let output = command.output().expect("run prepcheck");
    assert!(output.status.success(), "{answers:?} {lang} {format}");
    String::from_utf8(output.stdout).expect("UTF-8")
}

/// The words of a text, as a reader compares a printout with it: in lower case, without
/// the marks plain text draws with (boxes, rules, check boxes, blanks to write on).
fn words_read(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(str::to_lowercase)
        .filter(|w| !w.chars().all(|c| "_-=+|[]".contains(c)))
        .collect()
}

/// The pages of `html` printed by Chromium on `paper` ("letter" or "A4"), each as its words.
pub fn printed(html: &str, paper: &str, dir: &Path, name: &str) -> Vec<String> {
    let file = dir.join(format!("{name}-{paper}.html"));
    let page = if paper == "A4" {
        // Chromium prints on US Letter; this asks for A4, as a printer set to A4 would.
        html.replacen("<head>", "<head>\n<style>@page { size: A4; }</style>", 1)
    } else {
        html.to_string()
    };
    std::fs::write(&file, page).expect("write");
    let pdf = file.with_extension("pdf");
    print_to_pdf(&file, &pdf, &dir.join("profile"));
    let (_, count, size) = pdf_text(&pdf);
    assert!(
        size.contains(paper),
        "{name}: printed on {size}, not {paper}"
    );
    page_texts(&pdf, count)
}

/// Page 1 of every patient's printed sheet, in English and Spanish, on Letter and A4, is
/// the fridge page and nothing else: word for word page 1 of the plain sheet (the
/// procedure and its step, the date with how far it is, the time to get there, the ride
/// and the care team with their phones, the statement, the calls, what is still to do and
/// what to bring, with blanks where an answer is not known); each of those is there by
/// its label; the questions start on page 2, and every later page carries the statement.
#[test]
fn page_one_of_every_sheet_printed_in_chromium_is_the_fridge_page() {
    if !available("chromium", &["--version"]) || !available("pdfinfo", &["-v"]) {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    for (n, answers) in PATIENTS.iter().enumerate() {
        for lang in ["en", "es"] {
            let html = sheet_of(*answers, lang, "html");
            let plain = sheet_of(*answers, lang, "plain");
            let (fridge, rest) = plain
                .split_once("\n- - - -")
                .expect("the plain sheet marks the end of page 1");
            let statement = approved::statement(lang);
            let labels: Vec<String> = [
                "sheet-procedure",
                "sheet-step",
                "sheet-date",
                "sheet-arrive",
                "sheet-ride",
                "sheet-care-team",
                "sheet-calls",
                "sheet-todo",
                "sheet-bring",
            ]
            .iter()
            .map(|id| approved::message(lang, id))
            .chain([statement.clone()])
            .collect();
            for paper in ["letter", "A4"] {
                let case = format!("{answers:?} in {lang} on {paper}");
                let pages = printed(&html, paper, dir.path(), &format!("{n}-{lang}"));
                assert!(pages.len() >= 2, "{case}: {} pages", pages.len());
                assert_eq!(
                    words_read(&pages[0]),
                    words_read(fridge),
                    "{case}: page 1 is not the fridge page:\n{}",
                    pages[0]
                );
                for label in &labels {
                    assert!(pages[0].contains(label.as_str()), "{case}: no {label:?}");
                }
                let questions = approved::message(lang, "sheet-questions-more");
                assert!(!pages[0].contains(&questions), "{case}: {}", pages[0]);
                let later = pages[1..].join(" ");
                assert!(
                    words_read(&later)
                        .join(" ")
                        .contains(&words_read(rest)[..6].join(" ")),
                    "{case}: page 2 does not start the questions:\n{later}"
                );
                for (number, page) in pages.iter().enumerate().skip(1) {
                    assert!(
                        page.contains(&statement),
                        "{case}: page {} lacks the statement:\n{page}",
                        number + 1
                    );
                }
            }
        }
    }
}

/// The blood-thinner patient's page 1 names the call to make, and the medicines, in either
/// language; the patient with no medicines and the questions checked from the start has
/// a sheet of two pages.
#[test]
fn the_fridge_page_names_the_blood_thinner_call_and_short_sheets_stay_short() {
    if !available("chromium", &["--version"]) || !available("pdfinfo", &["-v"]) {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let calls = [
        (
            "en",
            "Call your care team soon about your blood thinners: Plavix (clopidogrel), Eliquis \
             (apixaban), Warfarin (Coumadin, Jantoven) and Brilique.",
        ),
        (
            "es",
            "Llame pronto a su equipo de salud para hablar de sus medicinas para adelgazar la \
             sangre: Plavix (clopidogrel), Eliquis (apixabán), Warfarina (Coumadin, Jantoven, \
             Aldocumar) y Brilique.",
        ),
    ];
    for (lang, call) in calls {
        let html = sheet_of(PATIENTS[2], lang, "html");
        for paper in ["letter", "A4"] {
            let pages = printed(&html, paper, dir.path(), &format!("thinners-{lang}"));
            assert!(pages[0].contains(call), "{lang} {paper}:\n{}", pages[0]);
        }
        let html = sheet_of(PATIENTS[1], lang, "html");
        for paper in ["letter", "A4"] {
            let pages = printed(&html, paper, dir.path(), &format!("none-{lang}"));
            assert_eq!(pages.len(), 2, "{lang} {paper}: {pages:#?}");
        }
    }
}

/// The text of each page of a PDF, as single-spaced words.
fn page_texts(pdf: &Path, pages: u32) -> Vec<String> {
    (1..=pages)
        .map(|page| {
            let output = Command::new("pdftotext")
                .args(["-f", &page.to_string(), "-l", &page.to_string()])
                .arg(pdf)
                .arg("-")
                .output()
                .expect("pdftotext");
            let text = String::from_utf8_lossy(&output.stdout);
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .collect()
}

/// A heading (`h2`, `h3`) or a line under one (`li`, `p`) of the HTML sheet, in page order.
struct Block {
    heading: bool,
    text: String,
}

/// The blocks of the sheet's page, read from its one-element-per-line HTML.
fn blocks(html: &str) -> Vec<Block> {
    let mut out = Vec::new();
    for line in html.lines() {
        let heading = line.starts_with("<h2>") || line.starts_with("<h3>");
        if !(heading || line.starts_with("<li>") || line.starts_with("<p>")) {
            continue;
        }
        let mut text = String::new();
        let mut in_tag = false;
        for c in line.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => text.push(c),
                _ => {}
            }
        }
        let text = text
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&");
        out.push(Block { heading, text });
    }
    out
}

/// The page each block is printed on, found in order by its first words.
fn pages_of(blocks: &[Block], pages: &[String]) -> Vec<usize> {
    let (mut page, mut offset) = (0, 0);
    blocks
        .iter()
        .map(|block| {
            let key: String = block
                .text
                .split_whitespace()
                .take(6)
                .collect::<Vec<_>>()
                .join(" ");
            loop {
                if let Some(at) = pages[page][offset..].find(&key) {
                    offset += at + key.len();
                    return page;
                }
                assert!(page + 1 < pages.len(), "{key:?} is on no page");
                page += 1;
                offset = 0;
            }
        })
        .collect()
}

/// Printed on Letter and A4, a long sheet never leaves a heading alone at the bottom of a
/// page nor the last line of a part alone at the top of the next; every page after the
/// first names the sheet and the patient at its top.
#[test]
fn pages_printed_by_chromium_keep_headings_with_their_lines_and_name_the_sheet() {
    if !available("chromium", &["--version"]) || !available("pdfinfo", &["-v"]) {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let cases = [
        (
            "tests/fixtures/answers/many-medicines.yaml",
            "Getting ready for your pain pump implant",
            "Getting ready for your pain pump implant - Rosa María O'Neil",
        ),
        (
            "tests/fixtures/answers/blood-thinners.yaml",
            "Getting ready for your pain pump trial",
            "Getting ready for your pain pump trial",
        ),
    ];
    for (n, (answers, title, running)) in cases.iter().enumerate() {
        let html = dir.path().join(format!("long-{n}.html"));
        write_sheet(answers, "html", &html);
        let page = std::fs::read_to_string(&html).expect("read");
        let a4 = dir.path().join(format!("long-{n}-a4.html"));
        let a4_page = page.replacen("<head>", "<head>\n<style>@page { size: A4; }</style>", 1);
        std::fs::write(&a4, a4_page).expect("write");
        let blocks = blocks(&page);
        for file in [&html, &a4] {
            let pdf = file.with_extension("pdf");
            print_to_pdf(file, &pdf, &dir.path().join("profile"));
            let (_, count, paper) = pdf_text(&pdf);
            let pages = page_texts(&pdf, count);
            assert!(pages.len() >= 3, "{answers} on {paper}: only {count} pages");
            // The first page starts with the heading itself, not the running line.
            assert!(
                pages[0].starts_with(&format!("{title} Name: ")),
                "{}",
                pages[0]
            );
            for (number, text) in pages.iter().enumerate().skip(1) {
                assert!(
                    text.starts_with(running),
                    "{answers} on {paper}, page {}: {text}",
                    number + 1
                );
            }
            let on = pages_of(&blocks, &pages);
            for (i, block) in blocks.iter().enumerate() {
                let next = blocks.get(i + 1);
                if block.heading && next.is_some_and(|n| !n.heading) {
                    assert_eq!(
                        on[i],
                        on[i + 1],
                        "{answers} on {paper}: {:?} is alone at the bottom of page {}",
                        block.text,
                        on[i] + 1
                    );
                }
                let ends_part = next.is_none_or(|n| n.heading);
                let after_another = i > 0 && !blocks[i - 1].heading;
                if !block.heading && ends_part && after_another {
                    assert_eq!(
                        on[i - 1],
                        on[i],
                        "{answers} on {paper}: the last line {:?} is alone on page {}",
                        block.text,
                        on[i] + 1
                    );
                }
            }
        }
    }
}

#[test]
fn the_html_sheet_is_self_contained_and_escapes_what_we_did_not_write() {
    let dir = tempfile::tempdir().expect("temp dir");
    let html = dir.path().join("sheet.html");
    write_sheet("tests/fixtures/answers/blood-thinners.yaml", "html", &html);
    let page = std::fs::read_to_string(&html).expect("read");
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    for outside in [
        "<script", "<link", "<img", "src=", "href=", "@import", "url(",
    ] {
        assert!(
            !page.contains(outside),
            "the page reaches outside with {outside:?}"
        );
    }
    assert!(page.contains("Sam &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Jo&quot;"));
    assert!(page.contains(&format!(
        "<p class=\"statement\" role=\"note\">{}",
        approved::statement_start("en")
    )));
    assert!(page.contains("<input type=\"checkbox\""));
    assert!(
        page.contains("break-after: avoid"),
        "headings stay with what follows"
    );
}

/// The events of a calendar file as Python's `icalendar` reads them, in file order: one line
/// each, `uid | start | end | summary | description | alerts`, with the description's line
/// breaks as " / " and each alert as the local time it goes off (`-` for no end). Every
/// alert's text must carry `statement`, the medication statement's first sentence.
pub fn parse_calendar(ics: &Path, statement: &str) -> Vec<String> {
    let script = r#"
import sys, datetime, zoneinfo, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
zone = zoneinfo.ZoneInfo(str(cal['X-WR-TIMEZONE']))
def local(t):
    return t.astimezone(zone).strftime('%Y-%m-%dT%H:%M')
for e in cal.walk('VEVENT'):
    start = e.decoded('DTSTART')
    tz = getattr(getattr(start, 'tzinfo', None), 'key', None) or ''
    end = e.decoded('DTEND').isoformat() if 'DTEND' in e else '-'
    alerts = []
    for a in e.walk('VALARM'):
        assert sys.argv[2] in str(a['DESCRIPTION']), a['DESCRIPTION']
        trigger = a.decoded('TRIGGER')
        if isinstance(trigger, datetime.timedelta):
            if not hasattr(start, 'hour'):
                start = datetime.datetime.combine(start, datetime.time(), zone)
            alerts.append(local(start + trigger))
        else:
            alerts.append(local(trigger))
    start = e.decoded('DTSTART')
    print(' | '.join([str(e['UID']), start.isoformat() + (' ' + tz if tz else ''), end,
                      str(e['SUMMARY']), str(e['DESCRIPTION']).replace('\n', ' / '),
                      ' '.join(alerts)]))
"#;
    python_lines(script, ics, &[statement.as_ref()])
}

/// The lines a Python script prints about a calendar file (and more arguments).
fn python_lines(script: &str, ics: &Path, more: &[&std::ffi::OsStr]) -> Vec<String> {
    let output = Command::new("python3")
        .args(["-c", script])
        .arg(ics)
        .args(more)
        .output()
        .expect("python3");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(String::from)
        .collect()
}

/// Each event as `uid | start | end | summary | alerts`, and whether its description holds
/// `text`.
fn check_events(events: &[String], expect: &[(&str, &str, &str, &str, &str, &str)]) {
    assert_eq!(events.len(), expect.len(), "{events:#?}");
    for (event, (uid, start, end, summary, text, alerts)) in events.iter().zip(expect) {
        let fields: Vec<&str> = event.split(" | ").collect();
        assert_eq!(
            [fields[0], fields[1], fields[2], fields[3]],
            [*uid, *start, *end, *summary],
            "{event}"
        );
        assert_eq!(fields.last(), Some(alerts), "{event}");
        assert!(event.contains(text), "{text:?} not in {event}");
    }
}

/// The schedule, read by a parser this project did not write: the calls at nine on a day
/// the clinic is open (the questions three days on would be a Saturday: Monday), the
/// to-dos tomorrow, the ride and the bag the day before, and the procedure with alerts the
/// day before and on its morning.
#[test]
fn reminders_are_read_by_python_icalendar() {
    if !available("python3", &["-c", "import icalendar"]) {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let ics = dir.path().join("reminders.ics");
    write_sheet("tests/fixtures/answers/no-medicines.yaml", "ics", &ics);
    let events = parse_calendar(&ics, &approved::statement_start("en"));
    let statement = approved::statement("en");
    let chicago = |time: &str| format!("2026-{time}:00-06:00 America/Chicago");
    check_events(
        &events,
        &[
            (
                // A trial patient: a week of pain scores before the trial, tomorrow.
                "intrathecal-pump-todo@prepcheck",
                "2026-11-26",
                "2026-11-27",
                "Still to do before your procedure",
                "- For a week before the trial, write down your pain each day, from 0 to 10.",
                "2026-11-26T09:00",
            ),
            (
                "intrathecal-pump-questions@prepcheck",
                &chicago("11-30T09:00"),
                "-",
                "Call your care team with your questions",
                "Questions about your medicines: / - Do any of my other medicines, like heart or \
                 diabetes medicines, change for the procedure? /  / More questions for your care \
                 team: /  / Before the day: / - What are the rules for eating and drinking",
                "2026-11-30T09:00",
            ),
            (
                "intrathecal-pump-ride@prepcheck",
                &chicago("12-09T10:00"),
                "-",
                "Your ride home",
                "Call the person who takes you home to plan the ride. If you will stay \
                 overnight, tell them which day to come. / - Who takes you home: Maria Lopez",
                "2026-12-09T10:00",
            ),
            (
                // The bag: what the patient wrote on the sheet.
                "intrathecal-pump-bring@prepcheck",
                &chicago("12-09T19:00"),
                "-",
                "Pack what to bring tomorrow",
                "- What you wrote under \"What to bring\" on your sheet",
                "2026-12-09T19:00",
            ),
            (
                "intrathecal-pump-procedure@prepcheck",
                &chicago("12-10T07:30"),
                "-",
                "Pain pump (intrathecal pump)",
                "Getting ready for your pain pump trial. Arrive at 7:30 AM.",
                "2026-12-09T07:30 2026-12-10T05:30",
            ),
        ],
    );

    write_sheet("tests/fixtures/answers/blood-thinners.yaml", "ics", &ics);
    let events = parse_calendar(&ics, &approved::statement_start("en"));
    check_events(
        &events,
        &[
            (
                // Made on a Wednesday at midnight: the call that day, at nine.
                "intrathecal-pump-urgent@prepcheck",
                &chicago("11-25T09:00"),
                "-",
                "Call your care team",
                "- Call your care team soon about your blood thinners: Plavix (clopidogrel), \
                 Eliquis (apixaban), Warfarin (Coumadin, Jantoven) and Brilique.",
                "2026-11-25T09:00",
            ),
            (
                "intrathecal-pump-todo@prepcheck",
                "2026-11-26",
                "2026-11-27",
                "Still to do before your procedure",
                "- Get the OK (clearance) your care team asked for.",
                "2026-11-26T09:00",
            ),
            (
                "intrathecal-pump-questions@prepcheck",
                &chicago("11-30T09:00"),
                "-",
                "Call your care team with your questions",
                "Questions about your blood thinners: /  / About Plavix (clopidogrel), a blood \
                 thinner: / - Do I need to stop Plavix (clopidogrel) before the procedure?",
                "2026-11-30T09:00",
            ),
            (
                "intrathecal-pump-ride@prepcheck",
                &chicago("12-09T10:00"),
                "-",
                "Your ride home",
                "Who takes you home: Sam <script>alert(1)</script> & \"Jo\"",
                "2026-12-09T10:00",
            ),
            (
                "intrathecal-pump-bring@prepcheck",
                &chicago("12-09T19:00"),
                "-",
                "Pack what to bring tomorrow",
                "- What you wrote under \"What to bring\" on your sheet",
                "2026-12-09T19:00",
            ),
            (
                // No arrival time: a whole day, ending the next.
                "intrathecal-pump-procedure@prepcheck",
                "2026-12-10",
                "2026-12-11",
                "Pain pump (intrathecal pump)",
                "Getting ready for your pain pump trial.",
                "2026-12-09T09:00 2026-12-10T07:00",
            ),
        ],
    );
    // One reminder lists every question, grouped by medicine as on the sheet, blood
    // thinners first, then the others by the part they come from.
    let questions = &events[2];
    let mut after = 0;
    for group in [
        "About Plavix (clopidogrel), a blood thinner: / - ",
        "About Eliquis (apixaban), a blood thinner: / - ",
        "About Warfarin (Coumadin, Jantoven), a blood thinner: / - ",
        "About Brilique, a medicine you named: / - ",
        "Questions about your pain medicines: /  / ",
        "About Advil (ibuprofen), a pain reliever that can make you bleed more: / - ",
        "Questions about your supplements and other medicines: /  / ",
        "Questions about your medicines: / - Do any of my other medicines",
        "More questions for your care team: /  / Your procedure: / - ",
        "Your health: / - ",
        "Before the day: / - ",
        "The trial: / - Will I stay overnight? / - How will we know",
        "After the procedure: / - ",
    ] {
        let at = questions[after..]
            .find(group)
            .unwrap_or_else(|| panic!("{group:?} not in order in {questions}"));
        after += at + group.len();
    }
    for medicine in [
        "Plavix (clopidogrel)",
        "Eliquis (apixaban)",
        "Warfarin (Coumadin, Jantoven)",
        "Brilique",
        "Advil (ibuprofen)",
    ] {
        assert!(
            questions.contains(&format!(
                "Do I need to stop {medicine} before the procedure?"
            )),
            "{medicine}: {questions}"
        );
    }
    for event in &events {
        assert!(
            event.contains(&format!(" / {statement} | ")),
            "every reminder ends with it: {event}"
        );
    }
}

/// Every call to the care team in every patient's calendar, in English and Spanish, made
/// on a weekday morning, a weekday afternoon, a Friday evening, a Saturday and a Sunday
/// (and with the clinic closed on the Monday after), falls on a weekday and a day the
/// clinic is open, at nine, and alerts then or, nine being past that day, soon: read back
/// with Python's icalendar.
#[test]
fn every_call_to_the_care_team_falls_on_a_weekday() {
    if !available("python3", &["-c", "import icalendar"]) {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    // A copy of the built-in checklist whose clinic is closed on Monday, November 30.
    let clinic = dir.path().join("clinic");
    crate::common::copy_folder(&crate::common::root("checklists"), &clinic);
    let checklist = clinic.join("intrathecal-pump.yaml");
    let text = std::fs::read_to_string(&checklist).expect("checklist");
    let text = text.replacen("sources:\n", "closed-days: [2026-11-30]\nsources:\n", 1);
    std::fs::write(&checklist, text).expect("checklist");
    let script = r#"
import sys, datetime, zoneinfo, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
closed = [datetime.date.fromisoformat(d) for d in sys.argv[3].split(',') if d]
zone = zoneinfo.ZoneInfo(str(cal['X-WR-TIMEZONE']))
now = datetime.datetime.fromisoformat(sys.argv[4]).replace(tzinfo=zone)
calls = 0
for e in cal.walk('VEVENT'):
    summary = str(e['SUMMARY'])
    if not summary.startswith(sys.argv[2]):
        continue
    calls += 1
    start = e.decoded('DTSTART')
    assert isinstance(start, datetime.datetime), (summary, start)
    assert start.weekday() < 5 and start.date() not in closed, (summary, start)
    assert (start.hour, start.minute) == (9, 0), (summary, start)
    for a in e.walk('VALARM'):
        trigger = a.decoded('TRIGGER')
        at = start + trigger if isinstance(trigger, datetime.timedelta) else trigger
        soon = now.astimezone(at.tzinfo) + datetime.timedelta(minutes=15)
        assert at == start or (at == soon and start.date() == now.date()), (summary, at)
print(calls)
"#;
    // Every patient, in both languages, as of the tests' clock (a Wednesday, at midnight);
    // then two, made at other times, with the clinic open or closed on the Monday after.
    let mut runs: Vec<(Option<&str>, &str, &str, bool)> = Vec::new();
    for answers in PATIENTS {
        for lang in ["en", "es"] {
            runs.push((answers, lang, "2026-11-25T00:00", false));
        }
    }
    for answers in [PATIENTS[2], PATIENTS[3]] {
        for now in [
            "2026-11-25T08:00", // Wednesday morning
            "2026-11-25T14:00", // Wednesday afternoon
            "2026-11-27T18:00", // Friday evening
            "2026-11-28T10:00", // Saturday
            "2026-11-29T10:00", // Sunday
        ] {
            for closed in [false, true] {
                runs.push((answers, "en", now, closed));
            }
        }
    }
    let mut calls = 0;
    for (n, (answers, lang, now, closed)) in runs.into_iter().enumerate() {
        let ics = dir.path().join(format!("{n}.ics"));
        let home = tempfile::tempdir().expect("temp dir");
        let mut command = prepcheck();
        command
            .env("PREPCHECK_HOME", home.path())
            .env("PREPCHECK_NOW", now)
            .args(["--lang", lang]);
        if closed {
            command.arg("--checklists").arg(&clinic);
        }
        command
            .args(["sheet", "--format", "ics", "--output"])
            .arg(&ics);
        if let Some(answers) = answers {
            command.args(["--answers", answers]);
        }
        command.assert().success();
        let call = approved::message(lang, "sheet-calls");
        let closed_days = if closed { "2026-11-30" } else { "" };
        let found = python_lines(
            script,
            &ics,
            &[call.as_ref(), closed_days.as_ref(), now.as_ref()],
        );
        calls += found[0].parse::<usize>().expect("a count");
    }
    // Every patient has questions to call with; three have a blood thinner to call about.
    assert!(calls >= 40, "only {calls} calls");
}

/// Importing the file again, or the file of slightly different answers, updates the events
/// it added instead of adding them twice: the same UIDs, one per event and alert; and the
/// same answers on the same day give the same bytes.
#[test]
fn importing_the_calendar_again_in_python_icalendar_adds_no_event_twice() {
    if !available("python3", &["-c", "import icalendar"]) {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let (first, again, changed) = (
        dir.path().join("first.ics"),
        dir.path().join("again.ics"),
        dir.path().join("changed.ics"),
    );
    let answers = "tests/fixtures/answers/blood-thinners.yaml";
    write_sheet(answers, "ics", &first);
    write_sheet(answers, "ics", &again);
    let bytes = std::fs::read(&first).expect("calendar");
    assert_eq!(bytes, std::fs::read(&again).expect("calendar"));
    assert!(
        String::from_utf8_lossy(&bytes).contains("DTSTAMP:20261125T060000Z\r\n"),
        "the time stamp is the settings' clock"
    );
    let fixture = std::fs::read_to_string(answers).expect("fixture");
    let other = dir.path().join("other.yaml");
    std::fs::write(
        &other,
        fixture
            .replace("Sam <script>alert(1)</script> & \"Jo\"", "Maria, my sister")
            .replace("arrival-time: ~", "arrival-time: \"8:15\"")
            .replace("typed: [Brilique]", "typed: [Brilinta]"),
    )
    .expect("answers");
    write_sheet(other.to_str().expect("path"), "ics", &changed);
    let script = r#"
import sys, icalendar
merged, alarms, total = {}, set(), 0
for path in sys.argv[1:]:
    cal = icalendar.Calendar.from_ical(open(path, 'rb').read())
    events = cal.walk('VEVENT')
    uids = [str(e['UID']) for e in events]
    assert len(uids) == len(set(uids)), uids
    alarm_uids = [str(a['UID']) for a in cal.walk('VALARM')]
    assert len(alarm_uids) == len(set(alarm_uids)), alarm_uids
    for e in events:
        merged[str(e['UID'])] = e
    alarms.update(alarm_uids)
    total = max(total, len(events))
print(len(merged), total, len(alarms))
"#;
    let counts = python_lines(
        script,
        &first,
        &[again.as_os_str(), changed.as_os_str(), first.as_os_str()],
    );
    assert_eq!(counts, ["6 6 7"]);
}

/// The reminders of the no-medicines patient with the procedure moved to `date`, in time
/// zone `zone`, as Python's `icalendar` reads them: the VTIMEZONE's parts, then each event
/// with its local start, the offset the calendar's own VTIMEZONE gives it, whether the
/// system's time zone database agrees, and its alerts (for a timed event, each with the
/// local time and offset it goes off at by the calendar's own VTIMEZONE).
fn zone_report(dir: &Path, zone: &str, date: &str) -> Vec<String> {
    let fixture = std::fs::read_to_string(crate::common::root(
        "tests/fixtures/answers/no-medicines.yaml",
    ))
    .expect("fixture");
    let answers = dir.join(format!("{date}.yaml"));
    let date_line = format!("procedure-date: {date}");
    std::fs::write(
        &answers,
        fixture.replace("procedure-date: 2026-12-10", &date_line),
    )
    .expect("answers");
    let ics = dir.join(format!("{date}.ics"));
    prepcheck()
        .env("TZ", zone)
        .args(["sheet", "--format", "ics", "--answers"])
        .arg(&answers)
        .arg("--output")
        .arg(&ics)
        .assert()
        .success();
    let script = r#"
import sys, datetime, zoneinfo, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
[vtz] = cal.walk('VTIMEZONE')
print('zone', vtz['TZID'], ' '.join(c.name + ':' + str(c['TZNAME']) for c in vtz.subcomponents))
own = vtz.to_tz(lookup_tzid=False)
system = zoneinfo.ZoneInfo(str(vtz['TZID']))
for e in cal.walk('VEVENT'):
    start = e.decoded('DTSTART')
    triggers = [a.decoded('TRIGGER') for a in e.walk('VALARM')]
    for a in e.walk('VALARM'):
        assert sys.argv[2] in str(a['DESCRIPTION']), a['DESCRIPTION']
    if hasattr(start, 'hour'):
        local = start.replace(tzinfo=None)
        same = local.replace(tzinfo=own).utcoffset() == local.replace(tzinfo=system).utcoffset()
        alerts = ','.join(
            str(t) + '@' + (local.replace(tzinfo=own) + t).isoformat()
            if isinstance(t, datetime.timedelta) else 'at@' + t.astimezone(own).isoformat()
            for t in triggers)
        print(e['UID'], local.isoformat(), local.replace(tzinfo=own).utcoffset(), same, alerts or 'none')
    else:
        print(e['UID'], start.isoformat(), ','.join(
            t.astimezone(system).isoformat() if isinstance(t, datetime.datetime) else str(t)
            for t in triggers) or 'none')
"#;
    python_lines(script, &ics, &[approved::statement_start("en").as_ref()])
}

/// A procedure on the Sunday the clocks go forward: the reminders the day before are in
/// winter time, the procedure in summer time. The calendar's own VTIMEZONE must give the
/// offsets the system's time zone database gives, and call summer time DAYLIGHT even in
/// Dublin, whose database calls winter time "daylight saving". The procedure's alert a day
/// before is at the same clock time in winter time; the one two hours before is in summer
/// time.
#[test]
fn reminders_carry_their_time_zone_rules_and_alerts_for_python_icalendar() {
    if !available("python3", &["-c", "import icalendar"]) {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    assert_eq!(
        zone_report(dir.path(), "America/Chicago", "2027-03-14"),
        [
            "zone America/Chicago STANDARD:CST DAYLIGHT:CDT",
            // The week of pain scores before the trial, a to-do for tomorrow.
            "intrathecal-pump-todo@prepcheck 2026-11-26 2026-11-26T09:00:00-06:00",
            "intrathecal-pump-questions@prepcheck 2026-11-30T09:00:00 -1 day, 18:00:00 True \
             0:00:00@2026-11-30T09:00:00-06:00",
            "intrathecal-pump-ride@prepcheck 2027-03-13T10:00:00 -1 day, 18:00:00 True \
             0:00:00@2027-03-13T10:00:00-06:00",
            "intrathecal-pump-bring@prepcheck 2027-03-13T19:00:00 -1 day, 18:00:00 True \
             0:00:00@2027-03-13T19:00:00-06:00",
            "intrathecal-pump-procedure@prepcheck 2027-03-14T07:30:00 -1 day, 19:00:00 True \
             at@2027-03-13T07:30:00-06:00,at@2027-03-14T05:30:00-05:00",
        ]
    );
    assert_eq!(
        zone_report(dir.path(), "Europe/Dublin", "2027-03-28"),
        [
            "zone Europe/Dublin STANDARD:GMT DAYLIGHT:IST",
            "intrathecal-pump-todo@prepcheck 2026-11-26 2026-11-26T09:00:00+00:00",
            "intrathecal-pump-questions@prepcheck 2026-11-30T09:00:00 0:00:00 True \
             0:00:00@2026-11-30T09:00:00+00:00",
            "intrathecal-pump-ride@prepcheck 2027-03-27T10:00:00 0:00:00 True \
             0:00:00@2027-03-27T10:00:00+00:00",
            "intrathecal-pump-bring@prepcheck 2027-03-27T19:00:00 0:00:00 True \
             0:00:00@2027-03-27T19:00:00+00:00",
            "intrathecal-pump-procedure@prepcheck 2027-03-28T07:30:00 1:00:00 True \
             at@2027-03-27T07:30:00+00:00,at@2027-03-28T05:30:00+01:00",
        ]
    );

    // Whole days alert at nine in the morning, the procedure at nine the day before and
    // seven that morning, as instants (in Chicago, UTC-6 in winter): no trigger counts
    // hours from midnight or days, which calendars read differently on a day of 23 or 25
    // hours; the calls to the care team as they start, at nine.
    let blood_thinners = dir.path().join("blood-thinners.ics");
    write_sheet(
        "tests/fixtures/answers/blood-thinners.yaml",
        "ics",
        &blood_thinners,
    );
    let text = std::fs::read_to_string(&blood_thinners).expect("calendar");
    for trigger in [
        "TRIGGER;VALUE=DATE-TIME:20261126T150000Z\r\n",
        "TRIGGER;VALUE=DATE-TIME:20261209T150000Z\r\n",
        "TRIGGER;VALUE=DATE-TIME:20261210T130000Z\r\n",
        "TRIGGER:PT0S\r\n",
    ] {
        assert!(text.contains(trigger), "{trigger:?} not in {text}");
    }
    for line in text.lines().filter(|l| l.starts_with("TRIGGER")) {
        assert!(
            line == "TRIGGER:PT0S" || line.starts_with("TRIGGER;VALUE=DATE-TIME:"),
            "{line:?} means other times in other calendars"
        );
    }
    assert_eq!(text.matches("PRODID:").count(), 1, "{text}");
}

/// `len` bytes of text mixing multi-byte characters (two, three and four bytes) with spaces:
/// what made the old calendar writer loop forever or abort.
fn mixed_text(len: usize) -> String {
    let pattern = [
        'Z', 'o', 'ë', ' ', '李', '小', ' ', 'Ñ', 'a', 'n', 'd', 'ú', ' ', '😀', ' ', 'م', 'ر',
        'ي', 'م', ' ',
    ];
    let mut text = String::new();
    for c in pattern.iter().cycle() {
        if text.len() + c.len_utf8() > len - 1 {
            break;
        }
        text.push(*c);
    }
    while text.len() < len {
        text.push('x');
    }
    text
}

/// Long names mixing multi-byte characters and spaces: the calendar is written at once and
/// read back whole by Python's `icalendar`.
#[test]
fn long_names_in_any_script_are_written_quickly_and_read_back_by_python_icalendar() {
    if !available("python3", &["-c", "import icalendar"]) {
        return;
    }
    // 500 bytes of multi-byte characters and spaces, within the 200 letters a typed answer
    // may have; then a name of the most letters, in several scripts.
    let driver = "李小龍 ".repeat(50).trim_end().to_string();
    let medicine = mixed_text(340);
    assert_eq!(driver.len(), 499);
    assert!(medicine.chars().count() <= 200);
    let fixture = std::fs::read_to_string(crate::common::root(
        "tests/fixtures/answers/blood-thinners.yaml",
    ))
    .expect("fixture");
    let answers = fixture
        .replace(
            "driver-name: Sam <script>alert(1)</script> & \"Jo\"",
            &format!("driver-name: \"{driver}\""),
        )
        .replace("typed: [Brilique]", &format!("typed: [\"{medicine}\"]"));
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("answers.yaml");
    std::fs::write(&path, answers).expect("answers");
    let ics = dir.path().join("long.ics");
    let run = crate::common::run_within(
        std::time::Duration::from_secs(20),
        [
            "sheet".as_ref(),
            "--format".as_ref(),
            "ics".as_ref(),
            "--answers".as_ref(),
            path.as_os_str(),
            "--output".as_ref(),
            ics.as_os_str(),
        ],
        |_| {},
    );
    assert_eq!(run.code, Some(0), "took {:?}: {}", run.took, run.stderr);
    assert!(run.stderr.is_empty(), "nothing set aside: {}", run.stderr);
    let bytes = std::fs::read(&ics).expect("calendar");
    assert!(bytes.ends_with(b"\r\n"), "ends with CRLF");
    let body = &bytes[..bytes.len() - 1];
    for line in body.split(|b| *b == b'\n') {
        let line = line.strip_suffix(b"\r").expect("CRLF line ends");
        assert!(line.len() <= 75, "{} octets", line.len());
        assert!(
            std::str::from_utf8(line).is_ok(),
            "a line cut inside a character"
        );
    }
    // The names go to Python in a file, as a clinic name could be long for one argument.
    let names = dir.path().join("names");
    std::fs::write(&names, format!("{driver}\n{medicine}")).expect("names");
    let script = r#"
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
driver, medicine = open(sys.argv[2], encoding='utf-8').read().split('\n')
found = set()
for e in cal.walk('VEVENT'):
    text = str(e['DESCRIPTION'])
    if '- Who takes you home: ' + driver + '\n' in text:
        found.add('driver')
    if 'About ' + medicine + ', a medicine you named:\n- Do I need to stop ' + medicine + ' before' in text:
        found.add('medicine')
print(' '.join(sorted(found)))
"#;
    assert_eq!(
        python_lines(script, &ics, &[names.as_os_str()]),
        ["driver medicine"]
    );
}

/// The no-medicines patient's calendar with the procedure on `date` at `arrive` (a time, or
/// `~` for the whole day), made on `today` in time zone `zone`: its path, and what the
/// command said on standard error.
fn calendar_on(dir: &Path, zone: &str, today: &str, date: &str, arrive: &str) -> (PathBuf, String) {
    let fixture = std::fs::read_to_string(crate::common::root(
        "tests/fixtures/answers/no-medicines.yaml",
    ))
    .expect("fixture");
    let answers = dir.join(format!("{date}-{}.yaml", arrive.replace(':', "")));
    let edited = fixture
        .replace(
            "procedure-date: 2026-12-10",
            &format!("procedure-date: \"{date}\""),
        )
        .replace(
            "arrival-time: \"07:30\"",
            &format!("arrival-time: {arrive}"),
        );
    std::fs::write(&answers, edited).expect("answers");
    let ics = answers.with_extension("ics");
    let output = prepcheck()
        .env("TZ", zone)
        .env("PREPCHECK_TODAY", today)
        .args(["sheet", "--format", "ics", "--answers"])
        .arg(&answers)
        .arg("--output")
        .arg(&ics)
        .output()
        .expect("run");
    let said = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "{said}");
    (ics, said)
}

/// Each alert of a calendar as `uid exact wall`: when it goes off counted as RFC 5545 counts
/// a duration (hours exactly), and counted by the clock (as Python and many calendars do),
/// both as local times in `zone`.
fn alert_readings(ics: &Path, zone: &str) -> Vec<String> {
    let script = r#"
import sys, datetime, zoneinfo, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
zone = zoneinfo.ZoneInfo(sys.argv[2])
utc = datetime.timezone.utc
for e in cal.walk('VEVENT'):
    start = e.decoded('DTSTART')
    if not hasattr(start, 'hour'):
        start = datetime.datetime.combine(start, datetime.time(), zone)
    elif start.tzinfo is None:
        start = start.replace(tzinfo=zone)
    for a in e.walk('VALARM'):
        t = a.decoded('TRIGGER')
        if isinstance(t, datetime.timedelta):
            exact = (start.astimezone(utc) + t).astimezone(zone)
            wall = start + t
        else:
            exact = wall = t.astimezone(zone)
        print(e['UID'], exact.strftime('%m-%dT%H:%M'), wall.strftime('%m-%dT%H:%M'))
"#;
    python_lines(script, ics, &[std::ffi::OsStr::new(zone)])
}

/// A whole-day procedure on a day of 25 hours (the clocks go back) or 23 (they go
/// forward): each alert goes off at the same time whether a calendar counts the hours
/// exactly, as RFC 5545 says, or by the clock, as many do; the procedure's at 9:00 the day
/// before and 7:00 that morning.
#[test]
fn alerts_on_a_daylight_saving_day_mean_one_time_in_python_icalendar_and_rfc_5545() {
    if !available("python3", &["-c", "import icalendar"]) {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    for (date, before) in [("2026-11-01", "10-31"), ("2027-03-14", "03-13")] {
        let (ics, _) = calendar_on(dir.path(), "America/Chicago", "2026-10-20", date, "~");
        let readings = alert_readings(&ics, "America/Chicago");
        for reading in &readings {
            let [_, exact, wall] = reading.split(' ').collect::<Vec<_>>()[..] else {
                panic!("{reading}");
            };
            assert_eq!(exact, wall, "{date}: {reading}");
        }
        let procedure: Vec<&String> = readings
            .iter()
            .filter(|r| r.starts_with("intrathecal-pump-procedure"))
            .collect();
        let day = &date[5..];
        assert_eq!(
            procedure,
            [
                &format!("intrathecal-pump-procedure@prepcheck {before}T09:00 {before}T09:00"),
                &format!("intrathecal-pump-procedure@prepcheck {day}T07:00 {day}T07:00"),
            ],
            "{date}"
        );
    }
}

/// A date no calendar can hold whole (year 0, the last day of year 9999, which has no day
/// after it) is set aside with the dates that work, and the calendar still reads; the
/// first and last days that work keep the ride and the procedure, even in the time zone
/// furthest ahead of UTC, and read back in an independent parser.
#[test]
fn dates_at_the_edge_of_the_calendar_are_kept_or_set_aside_whole_for_python_icalendar() {
    if !available("python3", &["-c", "import icalendar"]) {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let zone = "Pacific/Kiritimati";
    let uids = |ics: &Path| -> Vec<String> {
        let script = r#"
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
for e in cal.walk('VEVENT'):
    end = e.decoded('DTEND').isoformat() if 'DTEND' in e else '-'
    print(str(e['UID']).split('@')[0], e.decoded('DTSTART').isoformat(), end)
"#;
        python_lines(script, ics, &[])
    };
    for date in ["0000-01-01", "9999-12-31"] {
        let (ics, said) = calendar_on(dir.path(), zone, "2026-11-25", date, "~");
        assert!(
            said.contains(&format!(
                "'{date}' is not a date from 1000-01-01 to 9998-12-31"
            )),
            "{said}"
        );
        let events = uids(&ics);
        assert!(
            events
                .iter()
                .all(|e| !e.contains("procedure") && !e.contains("ride")),
            "{events:?}"
        );
    }
    let (ics, said) = calendar_on(dir.path(), zone, "9998-12-20", "9998-12-31", "\"23:30\"");
    assert!(!said.contains("not a date"), "{said}");
    let events = uids(&ics);
    assert!(
        events.contains(&"intrathecal-pump-ride 9998-12-30T10:00:00+14:00 -".to_string())
            && events
                .contains(&"intrathecal-pump-procedure 9998-12-31T23:30:00+14:00 -".to_string()),
        "{events:?}"
    );
    let (ics, _) = calendar_on(dir.path(), zone, "9998-12-20", "9998-12-31", "~");
    assert!(
        uids(&ics).contains(&"intrathecal-pump-procedure 9998-12-31 9999-01-01".to_string()),
        "{:?}",
        uids(&ics)
    );
    let (ics, _) = calendar_on(dir.path(), zone, "1000-01-01", "1000-01-01", "~");
    assert!(
        uids(&ics).contains(&"intrathecal-pump-procedure 1000-01-01 1000-01-02".to_string()),
        "{:?}",
        uids(&ics)
    );
}
