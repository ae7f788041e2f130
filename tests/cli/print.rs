//! The HTML sheet printed to PDF by a real browser, and the calendar file read by a parser
//! this project did not write. Both need outside tools: `.ci/run` installs them, so in CI
//! (CI=true) a missing tool fails the test; elsewhere the test says it is skipped.

use std::path::Path;
use std::process::Command;

use crate::prepcheck;

/// Whether `program` runs; if not, fail in CI and say the test is skipped elsewhere.
fn available(program: &str, args: &[&str]) -> bool {
    let runs = Command::new(program)
        .args(args)
        .output()
        .is_ok_and(|o| o.status.success());
    if !runs {
        assert!(
            std::env::var_os("CI").is_none(),
            "{program} is missing, and CI must run this test: .ci/run installs it"
        );
        eprintln!("SKIPPED: {program} is not installed here (.ci/run installs it).");
    }
    runs
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

#[test]
fn the_html_sheet_prints_from_a_real_browser_with_everything_on_the_page() {
    if !available("chromium", &["--version"]) || !available("pdfinfo", &["-v"]) {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let cases = [
        (
            "tests/fixtures/answers/no-medicines.yaml",
            vec![
                "Who takes you home: Maria Lopez",
                "Thursday, December 10, 2026",
            ],
        ),
        (
            "tests/fixtures/answers/blood-thinners.yaml",
            vec![
                "Plavix (clopidogrel)",
                "Eliquis (apixaban)",
                "Warfarin (Coumadin, Jantoven)",
                "Brilique",
                "Who takes you home: Sam <script>alert(1)</script> & \"Jo\"",
                "Thursday, December 10, 2026",
            ],
        ),
    ];
    for (n, (answers, expected)) in cases.iter().enumerate() {
        let html = dir.path().join(format!("sheet-{n}.html"));
        write_sheet(answers, "html", &html);
        // Chromium prints on US Letter; a copy asks for A4, as a printer set to A4 would.
        let a4 = dir.path().join(format!("sheet-{n}-a4.html"));
        let page = std::fs::read_to_string(&html).expect("read");
        let page = page.replacen("<head>", "<head>\n<style>@page { size: A4; }</style>", 1);
        std::fs::write(&a4, page).expect("write");
        for (paper, file) in [("letter", &html), ("A4", &a4)] {
            let pdf = file.with_extension("pdf");
            print_to_pdf(file, &pdf, &dir.path().join("profile"));
            let (text, pages, size) = pdf_text(&pdf);
            assert!(
                size.contains(paper),
                "{answers}: printed on {size}, not {paper}"
            );
            let statement = "Medicine changes need your doctor. Do not stop, skip or change \
                             any medicine unless your doctor or care team tells you to.";
            assert!(
                text.contains(statement),
                "{answers}: no statement in:\n{text}"
            );
            for shown in expected {
                assert!(
                    text.contains(shown),
                    "{answers}: {shown:?} not on the page:\n{text}"
                );
            }
            // Room to write under each question makes the blood-thinner sheet longer.
            assert!(
                (1..=4).contains(&pages),
                "{answers} on {paper}: {pages} pages"
            );
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
fn printed_pages_keep_headings_with_their_lines_and_name_the_sheet() {
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
    assert!(
        page.contains("<p class=\"statement\" role=\"note\">Medicine changes need your doctor.")
    );
    assert!(page.contains("<input type=\"checkbox\""));
    assert!(
        page.contains("break-after: avoid"),
        "headings stay with what follows"
    );
}

/// The events of a calendar file as Python's `icalendar` reads them: one line each,
/// `uid | start | summary | description` with the description's line breaks as " / ".
fn parse_calendar(ics: &Path) -> Vec<String> {
    let script = r#"
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
for e in cal.walk('VEVENT'):
    start = e.decoded('DTSTART')
    tz = getattr(getattr(start, 'tzinfo', None), 'key', None) or ''
    print(' | '.join([str(e['UID']), start.isoformat() + (' ' + tz if tz else ''),
                      str(e['SUMMARY']), str(e['DESCRIPTION']).replace('\n', ' / ')]))
"#;
    python_lines(script, ics)
}

/// The lines a Python script prints about a calendar file.
fn python_lines(script: &str, ics: &Path) -> Vec<String> {
    let output = Command::new("python3")
        .args(["-c", script])
        .arg(ics)
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

#[test]
fn reminders_are_read_by_an_independent_calendar_parser() {
    if !available("python3", &["-c", "import icalendar"]) {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let ics = dir.path().join("reminders.ics");
    write_sheet("tests/fixtures/answers/no-medicines.yaml", "ics", &ics);
    let events = parse_calendar(&ics);
    let statement = "Medicine changes need your doctor.";
    let expect = [
        (
            "intrathecal-pump-ask-general@prepcheck",
            "2026-11-26",
            "Ask your care team your questions",
            "How long will my trial last?",
        ),
        (
            "intrathecal-pump-ride@prepcheck",
            "2026-12-09T10:00:00-06:00 America/Chicago",
            "Check your ride home for tomorrow",
            "Who takes you home: Maria Lopez",
        ),
        (
            "intrathecal-pump-bring@prepcheck",
            "2026-12-09T19:00:00-06:00 America/Chicago",
            "Pack what to bring tomorrow",
            "A list of all your medicines",
        ),
        (
            "intrathecal-pump-procedure@prepcheck",
            "2026-12-10T07:30:00-06:00 America/Chicago",
            "Intrathecal pain pump",
            statement,
        ),
    ];
    assert_eq!(events.len(), expect.len(), "{events:#?}");
    for (event, (uid, start, summary, text)) in events.iter().zip(expect) {
        assert!(
            event.starts_with(&format!("{uid} | {start} | {summary} | ")),
            "{event}"
        );
        assert!(event.contains(text), "{event}");
    }

    write_sheet("tests/fixtures/answers/blood-thinners.yaml", "ics", &ics);
    let events = parse_calendar(&ics);
    for medicine in [
        "Plavix (clopidogrel)",
        "Eliquis (apixaban)",
        "Warfarin (Coumadin, Jantoven)",
    ] {
        let event = events
            .iter()
            .find(|e| e.contains(&format!("Call your care team about {medicine}")))
            .unwrap_or_else(|| panic!("no reminder for {medicine}: {events:#?}"));
        assert!(
            event.contains(" | 2026-11-26 | "),
            "soon, as a whole day: {event}"
        );
        assert!(event.contains(statement), "{event}");
        assert!(event.contains(&format!(
            "Do I need to stop {medicine} before the procedure?"
        )));
    }
    for event in &events {
        assert!(
            event.contains(statement),
            "every reminder repeats it: {event}"
        );
    }
    // No arrival time: the procedure is a whole day.
    assert!(
        events
            .iter()
            .any(|e| e.starts_with("intrathecal-pump-procedure@prepcheck | 2026-12-10 | "))
    );

    // The same answers give the same UIDs, so importing twice updates instead of adding.
    let again = dir.path().join("again.ics");
    write_sheet("tests/fixtures/answers/blood-thinners.yaml", "ics", &again);
    let uids = |events: &[String]| -> Vec<String> {
        events
            .iter()
            .map(|e| e.split(" | ").next().unwrap_or("").to_string())
            .collect()
    };
    assert_eq!(uids(&events), uids(&parse_calendar(&again)));
}

/// The reminders of the no-medicines patient with the procedure moved to `date`, in time
/// zone `zone`, as Python's `icalendar` reads them: the VTIMEZONE's parts, then each event
/// with its local start, the offset the calendar's own VTIMEZONE gives it, whether the
/// system's time zone database agrees, and its alerts.
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
import sys, zoneinfo, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
[vtz] = cal.walk('VTIMEZONE')
print('zone', vtz['TZID'], ' '.join(c.name + ':' + str(c['TZNAME']) for c in vtz.subcomponents))
own = vtz.to_tz(lookup_tzid=False)
system = zoneinfo.ZoneInfo(str(vtz['TZID']))
for e in cal.walk('VEVENT'):
    start = e.decoded('DTSTART')
    alerts = ','.join(str(a.decoded('TRIGGER')) for a in e.walk('VALARM')) or 'none'
    for a in e.walk('VALARM'):
        assert 'Medicine changes need your doctor.' in str(a['DESCRIPTION']), a['DESCRIPTION']
    if hasattr(start, 'hour'):
        local = start.replace(tzinfo=None)
        same = local.replace(tzinfo=own).utcoffset() == local.replace(tzinfo=system).utcoffset()
        print(e['UID'], local.isoformat(), local.replace(tzinfo=own).utcoffset(), same, alerts)
    else:
        print(e['UID'], start.isoformat(), alerts)
"#;
    python_lines(script, &ics)
}

/// A procedure on the Sunday the clocks go forward: the reminders the day before are in
/// winter time, the procedure in summer time. The calendar's own VTIMEZONE must give the
/// offsets the system's time zone database gives, and call summer time DAYLIGHT even in
/// Dublin, whose database calls winter time "daylight saving". Every reminder but the
/// procedure alerts.
#[test]
fn reminders_carry_the_time_zone_rules_they_name_and_alert() {
    if !available("python3", &["-c", "import icalendar"]) {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    assert_eq!(
        zone_report(dir.path(), "America/Chicago", "2027-03-14"),
        [
            "zone America/Chicago STANDARD:CST DAYLIGHT:CDT",
            "intrathecal-pump-ask-general@prepcheck 2026-11-26 9:00:00",
            "intrathecal-pump-ride@prepcheck 2027-03-13T10:00:00 -1 day, 18:00:00 True 0:00:00",
            "intrathecal-pump-bring@prepcheck 2027-03-13T19:00:00 -1 day, 18:00:00 True 0:00:00",
            "intrathecal-pump-procedure@prepcheck 2027-03-14T07:30:00 -1 day, 19:00:00 True none",
        ]
    );
    assert_eq!(
        zone_report(dir.path(), "Europe/Dublin", "2027-03-28"),
        [
            "zone Europe/Dublin STANDARD:GMT DAYLIGHT:IST",
            "intrathecal-pump-ask-general@prepcheck 2026-11-26 9:00:00",
            "intrathecal-pump-ride@prepcheck 2027-03-27T10:00:00 0:00:00 True 0:00:00",
            "intrathecal-pump-bring@prepcheck 2027-03-27T19:00:00 0:00:00 True 0:00:00",
            "intrathecal-pump-procedure@prepcheck 2027-03-28T07:30:00 1:00:00 True none",
        ]
    );

    // A whole-day reminder alerts at nine in the morning: 32,400 seconds into its day.
    let blood_thinners = dir.path().join("blood-thinners.ics");
    write_sheet(
        "tests/fixtures/answers/blood-thinners.yaml",
        "ics",
        &blood_thinners,
    );
    let text = std::fs::read_to_string(&blood_thinners).expect("calendar");
    assert!(text.contains("TRIGGER;RELATED=START:PT32400S"), "{text}");
    assert_eq!(text.matches("PRODID:").count(), 1, "{text}");
}
