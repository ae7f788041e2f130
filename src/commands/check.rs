//! `prepcheck check`: the checklists, medicine lists and translations, known or named on
//! the command line, and every problem in them with its line.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use crate::catalogue::{Catalogue, CatalogueTranslation};
use crate::checklist::{Checklist, Quote, Translation, Unanswered};
use crate::exit::Failure;
use crate::loader::{
    CATALOGUE_DIR, Document, Library, Loaded, Origin, read_document, translates, translation_lang,
};
use crate::problem::{Problem, Problems};
use crate::text::clean;

pub fn check(
    mut library: Library,
    paths: &[PathBuf],
    sources: bool,
    strict: bool,
) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    let fine: Vec<Checked> = if paths.is_empty() {
        known_files(&mut library)
    } else {
        library.problems.clear();
        check_files(&mut library, paths)
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

/// Every checklist, medicine list and translation known (built in, and in a clinic's
/// folder), each with its summary; the problems of translations go to `library.problems`.
fn known_files(library: &mut Library) -> Vec<Checked> {
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
}

/// A file that `check` found fine: its name, a one-line summary, and the checklist it holds
/// (none for a medicine list).
pub struct Checked {
    pub name: String,
    pub summary: String,
    pub checklist: Option<Checklist>,
}

/// Check files named on the command line: catalogues in a `medicines` folder, checklists
/// elsewhere. Returns what loaded well; problems go to `library.problems`.
pub fn check_files(library: &mut Library, paths: &[PathBuf]) -> Vec<Checked> {
    let mut fine = Vec::new();
    // Each file is checked with the built-in lists and those of its own folder, as
    // `--checklists` naming its folder would use it; never with another folder's lists.
    let built_in_catalogues: Vec<Loaded<Rc<Catalogue>>> = library
        .catalogues
        .iter()
        .filter_map(|l| match l.origin {
            Origin::BuiltIn => Some(l.clone()),
            Origin::File(_) => l.replaces.as_deref().cloned(),
        })
        .collect();
    for path in paths {
        library.catalogues.clone_from(&built_in_catalogues);
        let doc = match read_document(path) {
            Ok(doc) => doc,
            Err(problem) => {
                library.problems.push(problem);
                continue;
            }
        };
        // Judged from the absolute path: `check bleeding.yaml` inside `medicines/` too.
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.clone());
        let folder = absolute.parent().unwrap_or(Path::new("/"));
        let in_catalogue_dir = folder.file_name().is_some_and(|n| n == CATALOGUE_DIR);
        if translation_lang(&doc.name).is_some() {
            fine.extend(check_translation(
                library,
                &doc,
                &absolute,
                in_catalogue_dir,
            ));
            continue;
        }
        if !in_catalogue_dir {
            // Their own problems are reported when they are checked, not here.
            let problems = library.problems.len();
            library.add_catalogues_of(folder);
            library.problems.truncate(problems);
        }
        let checked = if in_catalogue_dir {
            library.parse_catalogue(&doc).map(|c| (c.summary(), None))
        } else {
            library
                .parse_checklist(&doc)
                .map(|c| (c.summary(), Some(c)))
        };
        if let Some((summary, checklist)) = checked {
            fine.push(Checked {
                name: doc.name,
                summary,
                checklist,
            });
        }
    }
    fine
}

/// A translation file named on the command line, checked against what it translates:
/// the file beside it without the language in its name, else the one known by that id.
fn check_translation(
    library: &mut Library,
    doc: &Document,
    path: &Path,
    in_catalogue_dir: bool,
) -> Option<Checked> {
    let of = translates(doc);
    let lang = translation_lang(&doc.name).unwrap_or_default();
    let base = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .and_then(|stem| stem.rsplit_once('.').map(|(base, _)| base.to_string()))
        .unwrap_or_default();
    let beside = read_document(&path.with_file_name(format!("{base}.yaml"))).ok();
    let (count, what) = if in_catalogue_dir {
        let count = check_list_translation(library, doc, &of, beside.as_ref())?;
        (count, "medicine list")
    } else {
        if let Some(folder) = path.parent() {
            let problems = library.problems.len();
            library.add_catalogues_of(folder);
            library.problems.truncate(problems);
        }
        let count = check_checklist_translation(library, doc, &of, beside.as_ref())?;
        (count, "checklist")
    };
    Some(Checked {
        name: doc.name.clone(),
        summary: format!(
            "{} translation of {what} '{of}', {}",
            lang.code(),
            crate::text::count(count, "text")
        ),
        checklist: None,
    })
}

/// A medicine list's translation, against the list `beside` it, else the one known as
/// `of`: how many names it translates, or `None` (with its problems in the library).
fn check_list_translation(
    library: &mut Library,
    doc: &Document,
    of: &str,
    beside: Option<&Document>,
) -> Option<usize> {
    let catalogue = match beside {
        Some(file) => library.parse_catalogue(file),
        None => library
            .catalogues
            .iter()
            .find(|l| l.content.id == of)
            .map(|l| (*l.content).clone()),
    };
    let Some(catalogue) = catalogue else {
        return not_there(library, doc, "medicine list", of);
    };
    let read = CatalogueTranslation::parse(&doc.name, &doc.bytes, &catalogue);
    kept(library, read).map(|_| catalogue.medicines.len())
}

/// A checklist's translation, against the checklist `beside` it, else the one known as
/// `of`, held to the medication rule in its language: how many texts it translates, or
/// `None` (with its problems in the library).
fn check_checklist_translation(
    library: &mut Library,
    doc: &Document,
    of: &str,
    beside: Option<&Document>,
) -> Option<usize> {
    let checklist = match beside {
        Some(file) => library.parse_checklist(file),
        None => library.find(of).map(|l| l.content.clone()),
    };
    let Some(checklist) = checklist else {
        return not_there(library, doc, "checklist", of);
    };
    let detector = library.detector(translation_lang(&doc.name).unwrap_or_default());
    let read = Translation::parse(&doc.name, &doc.bytes, &checklist, Some(&detector));
    kept(library, read).map(|_| checklist.texts().len())
}

/// A translation of what is not there: its problem, in the library.
fn not_there(library: &mut Library, doc: &Document, what: &str, of: &str) -> Option<usize> {
    let message = format!("it translates {what} '{of}', which is not there");
    library
        .problems
        .push(Problem::whole_file(&doc.name, message));
    None
}

/// What was read, or `None` with its problems in the library.
fn kept<T>(library: &mut Library, read: Result<T, Problems>) -> Option<T> {
    read.map_err(|problems| library.problems.extend(problems))
        .ok()
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
        for choice in item.choices() {
            let what = if choice.checked {
                "choice (checked)"
            } else {
                "choice"
            };
            write_traced(out, what, &choice.label, item.source.as_ref())?;
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
