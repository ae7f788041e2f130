//! The printed diary page: an SVG chart of each day's average and, beside it, the same
//! figures as a table, one page for a two-week trial. Self-contained like the sheet (its
//! style, no scripts, nothing to fetch); the days before the trial are hatched and those
//! during it solid, with a key, so nothing is told by colour alone.

use std::fmt::Write;

use super::{Day, Diary, Phase, Summary};
use crate::i18n::Messages;
use crate::sheet::html::{STYLE, escape};

const PAGE_STYLE: &str = "\
.diary { display: flex; gap: 1em; align-items: flex-start; }
.diary figure { flex: 0 1 40%; margin: 0; }
.diary .tables { flex: 1 1 60%; }
.diary svg { width: 100%; height: auto; }
.diary table { border-collapse: collapse; font-size: 9.5pt; line-height: 1.2; margin: 0 0 0.5em; }
.diary caption { text-align: left; font-weight: bold; }
.diary th, .diary td { border: 1px solid #000; padding: 0 0.3em; }
.diary td { text-align: right; }
.diary th[scope=row] { text-align: left; font-weight: normal; white-space: nowrap; }
.diary th[scope=col] { font-size: 8.5pt; font-weight: normal; }
.key { list-style: none; padding: 0; font-size: 10pt; }
.key svg { width: 1.2em; height: 0.8em; vertical-align: middle; }
@media print { .diary { gap: 0.6em; } }
";

/// Pixels of one score on the chart, and of one day's column.
const SCORE_PX: u32 = 20;
const DAY_PX: u32 = 14;
const LEFT: u32 = 30;
const TOP: u32 = 10;

/// The whole page, in the language of `m`.
pub fn page(diary: &Diary, m: &Messages) -> String {
    let summary = diary.summary();
    let title = escape(&m.get("diary-title"));
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>\n{STYLE}{PAGE_STYLE}</style>\n</head>\n<body>\n<main>\n\
         <h1>{title}</h1>\n<p>{}</p>\n<p class=\"statement\" role=\"note\">{}</p>\n",
        m.lang().code(),
        escape(&super::show::scale_and_chart(m)),
        escape(&m.get("medication-statement")),
    );
    if summary.days.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", escape(&m.get("diary-nothing-yet")));
    } else {
        out.push_str("<div class=\"diary\">\n");
        out.push_str(&chart(&summary, m));
        out.push_str("<div class=\"tables\">\n");
        for (phase, days) in super::show::by_phase(&summary) {
            out.push_str(&table(phase, &days, m));
        }
        out.push_str("</div>\n</div>\n");
    }
    for line in summary.averages_in_words(m) {
        let _ = writeln!(out, "<p>{}</p>", escape(&line));
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// The fill of a phase: hatched before, solid during, dotted after.
fn fill(phase: Phase) -> &'static str {
    match phase {
        Phase::Before => "url(#before)",
        Phase::During => "#000",
        Phase::After => "url(#after)",
    }
}

const PATTERNS: &str = "<defs>\
<pattern id=\"before\" width=\"4\" height=\"4\" patternUnits=\"userSpaceOnUse\">\
<rect width=\"4\" height=\"4\" fill=\"#fff\"/><path d=\"M0 4L4 0\" stroke=\"#000\" stroke-width=\"1\"/></pattern>\
<pattern id=\"after\" width=\"4\" height=\"4\" patternUnits=\"userSpaceOnUse\">\
<rect width=\"4\" height=\"4\" fill=\"#fff\"/><circle cx=\"2\" cy=\"2\" r=\"1\" fill=\"#000\"/></pattern>\
</defs>";

/// The chart: a column a day as high as its average, the scale 0 to 10 on the left, the
/// day of the month under the first day of each phase; its text alternative says the
/// averages, and the table beside it holds every figure.
fn chart(summary: &Summary, m: &Messages) -> String {
    let days = &summary.days;
    let (width, height) = (
        LEFT + DAY_PX * days.len() as u32 + 4,
        TOP + SCORE_PX * 10 + 20,
    );
    let mut said = vec![super::show::scale_and_chart(m)];
    said.extend(summary.averages_in_words(m));
    let mut svg = format!(
        "<figure>\n<svg role=\"img\" aria-label=\"{}\" viewBox=\"0 0 {width} {height}\" \
         xmlns=\"http://www.w3.org/2000/svg\">{PATTERNS}\n",
        escape(&said.join(" "))
    );
    let bottom = TOP + SCORE_PX * 10;
    for score in [0u32, 5, 10] {
        let y = bottom - score * SCORE_PX;
        let _ = writeln!(
            svg,
            "<line x1=\"{LEFT}\" y1=\"{y}\" x2=\"{width}\" y2=\"{y}\" stroke=\"#000\" stroke-width=\"0.5\"/>\
             <text x=\"{}\" y=\"{}\" font-size=\"10\" text-anchor=\"end\">{score}</text>",
            LEFT - 4,
            y + 3
        );
    }
    for (i, day) in days.iter().enumerate() {
        svg.push_str(&column(i, day, bottom));
        let first = i == 0 || days[i - 1].phase != day.phase;
        if first {
            let x = LEFT + DAY_PX * i as u32;
            let _ = write!(
                svg,
                "<text x=\"{x}\" y=\"{}\" font-size=\"10\">{}</text>",
                bottom + 14,
                day.date.day()
            );
        }
    }
    svg.push_str("</svg>\n<ul class=\"key\">\n");
    for (phase, _) in super::show::by_phase(summary) {
        let _ = writeln!(
            svg,
            "<li><svg aria-hidden=\"true\" viewBox=\"0 0 12 8\">{PATTERNS}<rect width=\"12\" height=\"8\" \
             fill=\"{}\" stroke=\"#000\"/></svg> {}</li>",
            fill(phase),
            escape(&m.get(phase.heading()))
        );
    }
    svg.push_str("</ul>\n</figure>\n");
    svg
}

fn column(i: usize, day: &Day, bottom: u32) -> String {
    let height = day.average.0 * SCORE_PX / 10;
    format!(
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{height}\" fill=\"{}\" stroke=\"#000\" stroke-width=\"0.5\"/>\n",
        LEFT + DAY_PX * i as u32 + 1,
        bottom - height,
        DAY_PX - 2,
        fill(day.phase)
    )
}

/// One phase's figures, the day as the row's header.
fn table(phase: Phase, days: &[&Day], m: &Messages) -> String {
    let header: Vec<String> = [
        "diary-column-day",
        "diary-column-entries",
        "diary-column-average",
        "diary-column-lowest",
        "diary-column-highest",
    ]
    .iter()
    .map(|id| format!("<th scope=\"col\">{}</th>", escape(&m.get(id))))
    .collect();
    let mut out = format!(
        "<table>\n<caption>{}</caption>\n<thead><tr>{}</tr></thead>\n<tbody>\n",
        escape(&m.get(phase.heading())),
        header.concat()
    );
    for day in days {
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&m.day(day.date)),
            day.count,
            day.average.words(m.lang()),
            day.lowest.value(),
            day.highest.value()
        );
    }
    out.push_str("</tbody>\n</table>\n");
    out
}
