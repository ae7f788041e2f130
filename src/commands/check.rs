//! `prepcheck check` and `prepcheck list`: the checklists and medicine lists, and every
//! problem in them with its line.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::report_library_problems;
use crate::checklist::{Checklist, Quote, Unanswered};
use crate::exit::Failure;
use crate::i18n::Lang;
use crate::loader::{Checked, Library, Loaded, Origin};
use crate::settings::Settings;
use crate::text::clean;

pub fn check(
    mut library: Library,
    paths: &[PathBuf],
    sources: bool,
    strict: bool,
) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    let fine: Vec<Checked> = if paths.is_empty() {
        let name = |id: String, origin: &Origin| match origin {
            Origin::BuiltIn => format!("{id} (built in)"),
            Origin::File(path) => path.display().to_string(),
        };
        let checklists = library.checklists.iter().map(|l| Checked {
            name: name(l.content.id.clone(), &l.origin),
            summary: l.content.summary(),
            checklist: Some(l.content.clone()),
        });
        let catalogues = library.catalogues.iter().map(|l| Checked {
            name: name(format!("medicines/{}", l.content.id), &l.origin),
            summary: l.content.summary(),
            checklist: None,
        });
        let mut fine: Vec<Checked> = checklists.chain(catalogues).collect();
        for file in library.translations() {
            match file.read {
                Ok(summary) => fine.push(Checked {
                    name: name(format!("{} ({})", file.of, file.lang.code()), &file.origin),
                    summary: format!(
                        "{} translation, {}",
                        file.lang.code(),
                        crate::text::count(summary.texts, "text")
                    ),
                    checklist: None,
                }),
                Err(problems) => library.problems.extend(problems),
            }
        }
        fine
    } else {
        library.problems.clear();
        library.check_files(paths)
    };
    for checked in &fine {
        let _ = writeln!(out, "ok: {}: {}", checked.name, checked.summary);
        if let (true, Some(checklist)) = (sources, &checked.checklist) {
            let _ = write_sources(&mut out, checklist);
        }
    }
    for problem in &library.problems {
        let _ = writeln!(out, "{problem}");
    }
    let warnings = library.problems.iter().filter(|p| p.warning).count();
    let errors = library.problems.len() - warnings;
    let mut summary = Vec::new();
    if errors > 0 {
        summary.push(crate::text::count(errors, "problem"));
    }
    if warnings > 0 {
        summary.push(crate::text::count(warnings, "warning"));
    }
    match (errors, warnings) {
        (0, 0) => Ok(()),
        (0, _) if !strict => {
            super::say(&format!(
                "{} found (--strict fails on them)",
                summary.join(", ")
            ));
            Ok(())
        }
        _ => Err(Failure::error(format!("{} found", summary.join(", ")))),
    }
}

/// Every text of a checklist that a patient reads, item by item, with the step or answers it
/// is shown for and the source passage it comes from.
fn write_sources(out: &mut dyn Write, checklist: &Checklist) -> std::io::Result<()> {
    for item in checklist.items() {
        let when = item
            .when
            .as_ref()
            .map(|c| format!(" (when {c})"))
            .unwrap_or_default();
        writeln!(out, "  {}{when}", item.id)?;
        write_traced(out, "text", &item.ask, item.source.as_ref())?;
        if let Some(help) = &item.help {
            write_traced(out, "help", help, item.source.as_ref())?;
        }
        match &item.unanswered {
            Some(Unanswered::Todo(todo)) => {
                write_traced(out, "unanswered", todo, item.source.as_ref())?
            }
            Some(Unanswered::Ask(question)) => {
                write_traced(out, "unanswered ask", question, item.source.as_ref())?
            }
            None => {}
        }
        for line in &item.sheet {
            let source = line.source.as_ref().or(item.source.as_ref());
            write_traced(out, line.place.key(), &line.text, source)?;
        }
    }
    Ok(())
}

fn write_traced(
    out: &mut dyn Write,
    what: &str,
    text: &str,
    source: Option<&Quote>,
) -> std::io::Result<()> {
    writeln!(out, "    {what}: {}", clean(text))?;
    match source {
        Some(quote) => writeln!(
            out,
            "      from {}: \"{}\"",
            clean(&quote.source),
            clean(&quote.text)
        ),
        None => writeln!(out, "      no source: a question, not an instruction"),
    }
}

pub fn list(library: &Library) -> Result<(), Failure> {
    let mut lines = Vec::new();
    for loaded in &library.checklists {
        lines.extend(listing(loaded, |c| {
            format!("{}\t{}\tversion {}", c.id, c.title, c.version)
        }));
    }
    for loaded in &library.catalogues {
        lines.extend(listing(loaded, |c| {
            let medicines = crate::text::count(c.medicines.len(), "medicine");
            format!(
                "medicines/{}\t{}\tversion {}, {medicines}",
                c.id, c.title, c.version
            )
        }));
    }
    let mut problems = Vec::new();
    for file in library.translations() {
        match file.read {
            Ok(summary) => lines.push(format!(
                "{} ({})\t{}\ttranslation, {}\t{}",
                file.of,
                file.lang.code(),
                summary.title,
                summary
                    .status
                    .unwrap_or_else(|| crate::text::count(summary.texts, "name")),
                file.origin
            )),
            Err(found) => problems.extend(found),
        }
    }
    let mut out = std::io::stdout().lock();
    for line in lines {
        let _ = writeln!(out, "{line}");
    }
    report_library_problems(library)?;
    report_translation_problems(&problems)
}

/// Problems in a translation stop `list` too: the translation would not be used.
fn report_translation_problems(problems: &[crate::problem::Problem]) -> Result<(), Failure> {
    if problems.is_empty() {
        return Ok(());
    }
    let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
    Err(Failure::error(format!(
        "{}\nRun `prepcheck check` for details once these are fixed.",
        lines.join("\n")
    )))
}

/// A loaded file's row for `list`, then the row of the built-in it overrides.
fn listing<T>(loaded: &Loaded<T>, describe: impl Fn(&T) -> String) -> Vec<String> {
    let mut rows = vec![format!("{}\t{}", describe(&loaded.content), loaded.origin)];
    if let Some(old) = &loaded.replaces {
        rows.push(format!(
            "{}\t({}, overridden)",
            describe(&old.content),
            old.origin
        ));
    }
    rows
}

/// A translation file to fill in, for `prepcheck translate`.
pub fn translate(
    library: &Library,
    id: &str,
    old: Option<&Path>,
    settings: &Settings,
) -> Result<(), Failure> {
    if settings.lang == Lang::En {
        return Err(Failure::usage(
            "say which language to translate into: prepcheck translate CHECKLIST --lang es",
        ));
    }
    let loaded = library.find(id).ok_or_else(|| {
        Failure::usage(format!(
            "There is no checklist '{id}'. Run `prepcheck list` to see them."
        ))
    })?;
    let old = match old {
        Some(path) => Some(
            crate::loader::read_small_file(path)
                .map_err(|why| Failure::error(format!("{}: {why}", path.display())))?,
        ),
        None => None,
    };
    let text = crate::checklist::template(&loaded.content, settings.lang, old.as_deref());
    super::write_stdout(text.as_bytes())
}
