//! `prepcheck list`: the checklists, medicine lists and translations, built in or from a
//! clinic's folder, and which built-in each of a clinic's files overrides.

use super::report_library_problems;
use crate::exit::Failure;
use crate::loader::{Library, Loaded};
use crate::settings::Settings;

pub fn list(library: &Library, settings: &Settings) -> Result<(), Failure> {
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
    let mut out = String::new();
    for line in lines {
        out.push_str(&line);
        out.push('\n');
    }
    super::write_stdout(out.as_bytes(), settings)?;
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
