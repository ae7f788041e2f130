//! The diary shown: on the terminal a chart that needs no colour (the days before the trial
//! drawn with `o`, those during it with `#`) and each day in a sentence; in screen-reader
//! mode the sentences alone; on paper (plain text) and in Markdown a table. Every look ends
//! with the averages in words and the medication statement.

use std::fmt::Write;

use super::{Day, Diary, Phase, Summary, day_in_words};
use crate::i18n::Messages;
use crate::text::{display_width, wrap};

/// How the diary is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Look {
    /// A terminal `width` columns wide: the chart and a sentence a day.
    Text {
        width: usize,
    },
    /// One sentence a line, no drawing.
    ScreenReader,
    /// 80 columns of plain text: the chart and a table.
    Plain,
    Markdown,
}

/// The rows of the chart: scores 10 down to 0.
const CHART_ROWS: u8 = super::MAX_SCORE + 1;

/// The diary in this look, in the language of `m`.
pub fn show(diary: &Diary, look: Look, m: &Messages) -> String {
    let summary = diary.summary();
    let width = match look {
        Look::Text { width } => width.max(20),
        _ => 80,
    };
    let mut out = String::new();
    let title = match look {
        Look::Markdown => format!("# {}", m.get("diary-title")),
        _ => m.get("diary-title"),
    };
    push_wrapped(&mut out, &title, width);
    // Only a look that draws the chart says what it shows.
    let scale = match look {
        Look::Text { .. } | Look::Plain => scale_and_chart(m),
        Look::ScreenReader | Look::Markdown => m.get("diary-scale"),
    };
    push_wrapped(&mut out, &scale, width);
    out.push('\n');
    if summary.days.is_empty() {
        push_wrapped(&mut out, &m.get("diary-nothing-yet"), width);
    } else {
        match look {
            Look::Text { .. } | Look::Plain => {
                out.push_str(&chart(&summary, width, m));
                out.push('\n');
            }
            Look::ScreenReader | Look::Markdown => {}
        }
        match look {
            Look::Text { .. } | Look::ScreenReader => sentences(&mut out, &summary, width, m),
            Look::Plain => table(&mut out, &summary, m, false),
            Look::Markdown => table(&mut out, &summary, m, true),
        }
    }
    for line in summary.averages_in_words(m) {
        push_wrapped(&mut out, &line, width);
    }
    out.push('\n');
    let statement = m.get("medication-statement");
    match look {
        Look::Markdown => writeln!(out, "**{statement}**").unwrap_or_default(),
        _ => push_wrapped(&mut out, &statement, width),
    }
    out
}

fn push_wrapped(out: &mut String, text: &str, width: usize) {
    for line in wrap(text, width, "", "") {
        out.push_str(&line);
        out.push('\n');
    }
}

/// The days in phases, each phase under its heading.
pub(super) fn by_phase(summary: &Summary) -> Vec<(Phase, Vec<&Day>)> {
    let mut phases: Vec<(Phase, Vec<&Day>)> = Vec::new();
    for day in &summary.days {
        match phases.last_mut() {
            Some((phase, days)) if *phase == day.phase => days.push(day),
            _ => phases.push((day.phase, vec![day])),
        }
    }
    phases
}

/// The scale of the scores, and what the chart shows.
pub fn scale_and_chart(m: &Messages) -> String {
    format!("{} {}", m.get("diary-scale"), m.get("diary-chart-shows"))
}

fn sentences(out: &mut String, summary: &Summary, width: usize, m: &Messages) {
    for (phase, days) in by_phase(summary) {
        push_wrapped(out, &format!("{}:", m.get(phase.heading())), width);
        for day in days {
            push_wrapped(out, &day_in_words(day, m), width);
        }
        out.push('\n');
    }
}

/// One column a day (the newest that fit), each as high as its average score, rounded: `o`
/// before the trial, `#` during it, `+` after; the scale on the left, the first day of
/// each month and of the trial under it, and a key below that says which mark is which.
fn chart(summary: &Summary, width: usize, m: &Messages) -> String {
    let columns = width.saturating_sub(4).max(1);
    let days = &summary.days[summary.days.len().saturating_sub(columns)..];
    let mut out = String::new();
    for score in (0..CHART_ROWS).rev() {
        let bars: String = days
            .iter()
            .map(|day| {
                let height = (day.average.0 + 5) / 10;
                if height >= u32::from(score) && score > 0 {
                    mark(day.phase)
                } else {
                    ' '
                }
            })
            .collect();
        let _ = writeln!(out, "{score:>2} |{}", bars.trim_end());
    }
    let _ = writeln!(out, "   +{}", "-".repeat(days.len()));
    let _ = writeln!(out, "    {}", day_labels(days).trim_end());
    let phases: Vec<Phase> = by_phase(summary).into_iter().map(|(p, _)| p).collect();
    for phase in phases {
        let _ = writeln!(out, "    {} {}", mark(phase), m.get(phase.heading()));
    }
    out
}

fn mark(phase: Phase) -> char {
    match phase {
        Phase::Before => 'o',
        Phase::During => '#',
        Phase::After => '+',
    }
}

/// The day of the month under the first day shown and the first of each phase, where it
/// fits without touching the one before.
fn day_labels(days: &[Day]) -> String {
    let mut labels = String::new();
    for (i, day) in days.iter().enumerate() {
        let first = i == 0 || days[i - 1].phase != day.phase;
        if first && labels.len() <= i {
            labels.push_str(&" ".repeat(i - labels.len()));
            labels.push_str(&day.date.day().to_string());
            labels.push(' ');
        }
    }
    labels
}

/// A table a phase: the day, the number of entries, the average, lowest and highest.
fn table(out: &mut String, summary: &Summary, m: &Messages, markdown: bool) {
    let header = [
        m.get("diary-column-day"),
        m.get("diary-column-entries"),
        m.get("diary-column-average"),
        m.get("diary-column-lowest"),
        m.get("diary-column-highest"),
    ];
    for (phase, days) in by_phase(summary) {
        let rows: Vec<[String; 5]> = days
            .iter()
            .map(|d| {
                [
                    m.day(d.date),
                    d.count.to_string(),
                    d.average.words(m.lang()),
                    d.lowest.value().to_string(),
                    d.highest.value().to_string(),
                ]
            })
            .collect();
        let heading = m.get(phase.heading());
        if markdown {
            let _ = writeln!(out, "## {heading}\n");
            let _ = writeln!(out, "| {} |", header.join(" | "));
            let _ = writeln!(out, "| --- | ---: | ---: | ---: | ---: |");
            for row in &rows {
                let _ = writeln!(out, "| {} |", row.join(" | "));
            }
        } else {
            let _ = writeln!(out, "{heading}");
            let widths: Vec<usize> = (0..5)
                .map(|c| {
                    let cells = rows.iter().map(|r| display_width(&r[c]));
                    cells.chain([display_width(&header[c])]).max().unwrap_or(0)
                })
                .collect();
            for row in std::iter::once(&header).chain(&rows) {
                let mut line = format!(
                    "{}{}",
                    row[0],
                    " ".repeat(widths[0] - display_width(&row[0]))
                );
                for c in 1..5 {
                    let pad = widths[c] - display_width(&row[c]);
                    line.push_str(&format!("  {}{}", " ".repeat(pad), row[c]));
                }
                let _ = writeln!(out, "{}", line.trim_end());
            }
        }
        out.push('\n');
    }
}
