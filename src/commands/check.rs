//! `prepcheck check`: the checklists, medicine lists and translations, known or named on
//! the command line, and every problem in them with its line.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use crate::catalogue::{Catalogue, CatalogueTranslation};
use crate::checklist::{Checklist, Quote, Translation, Unanswered};
use crate::exit::Failure;
use crate::i18n::Messages;
use crate::loader::{
    CATALOGUE_DIR, Document, Library, Loaded, Origin, needs_translating, read_document, translates,
    translates_missing, translation_lang,
};
use crate::problem::{Message, Problem, Problems};
use crate::settings::Settings;
use crate::text::clean;

/// `prepcheck check`, in the language of `m`: what it finds is worded there, the words of a
/// finding of medication advice too (its suggested question stays in the text's language).
pub fn check(
    mut library: Library,
    paths: &[PathBuf],
    sources: bool,
    strict: bool,
    settings: &Settings,
    m: &Messages,
) -> Result<(), Failure> {
    let mut out: Vec<u8> = Vec::new();
    let fine: Vec<Checked> = if paths.is_empty() {
        known_files(&mut library)
    } else {
        library.problems.clear();
        let files = with_folders_opened(paths);
        let fine = check_files(&mut library, &files);
        same_ids_in_a_folder(&fine, &mut library.problems);
        for checked in &fine {
            if let (Some(checklist), Some(file)) = (&checked.checklist, &checked.file) {
                let problem = a_version_the_built_in_had(&library, checklist, file);
                library.problems.extend(problem);
            }
        }
        fine
    };
    for checked in &fine {
        let ok = Message::new("check-ok")
            .text("name", checked.name.words(m))
            .with("summary", checked.summary.clone());
        let _ = writeln!(out, "{}", ok.words(m));
        if let (true, Some(checklist)) = (sources, &checked.checklist) {
            let _ = write_sources(&mut out, checklist, m);
        }
    }
    for problem in &library.problems {
        let _ = writeln!(out, "{}", problem.words(m));
    }
    super::write_stdout(&out, settings)?;
    let warnings = library.problems.iter().filter(|p| p.warning).count();
    let errors = library.problems.len() - warnings;
    let mut summary = Vec::new();
    if errors > 0 {
        summary.push(m.with("check-problems", &[("count", errors.into())]));
    }
    if warnings > 0 {
        summary.push(m.with("check-warnings", &[("count", warnings.into())]));
    }
    let summary = [("summary", summary.join(", ").into())];
    match (errors, warnings) {
        (0, 0) => Ok(()),
        (0, _) if !strict => {
            super::say(&m.with("check-found-strict", &summary));
            Ok(())
        }
        _ => Err(Failure::error(m.with("check-found", &summary))),
    }
}

/// Every checklist, medicine list and translation known (built in, and in a clinic's
/// folder), each with its summary; the problems of translations go to `library.problems`.
fn known_files(library: &mut Library) -> Vec<Checked> {
    let changed: Vec<Problem> = (library.checklists.iter())
        .filter_map(|l| match &l.origin {
            Origin::File(path) => {
                a_version_the_built_in_had(library, &l.content, &path.display().to_string())
            }
            Origin::BuiltIn => None,
        })
        .collect();
    library.problems.extend(changed);
    let name = |id: String, origin: &Origin| match origin {
        Origin::BuiltIn => Message::new("check-built-in").text("name", id),
        Origin::File(path) => Message::from(path.display().to_string()),
    };
    let checklists = library.checklists.iter().map(|l| Checked {
        file: None,
        name: name(l.content.id.clone(), &l.origin),
        summary: l.content.summary(),
        checklist: Some(Checklist::clone(&l.content)),
    });
    let catalogues = library.catalogues.iter().map(|l| Checked {
        file: None,
        name: name(format!("medicines/{}", l.content.id), &l.origin),
        summary: l.content.summary(),
        checklist: None,
    });
    let mut fine: Vec<Checked> = checklists.chain(catalogues).collect();
    for file in library.translations() {
        match file.read {
            Ok(summary) => {
                library.problems.extend(summary.warnings);
                library.problems.extend(summary.needs_translating);
                fine.push(Checked {
                    file: None,
                    name: name(format!("{} ({})", file.of, file.lang.code()), &file.origin),
                    summary: Message::new("check-summary-translation")
                        .text("lang", file.lang.code())
                        .number("texts", summary.texts),
                    checklist: None,
                });
            }
            Err(problems) => library.problems.extend(problems),
        }
    }
    fine
}

/// The files named, with a folder named replaced by what `--checklists` would read from it
/// (a clinic's folder):
/// its checklists and translations, and the medicine lists in its `medicines` folder.
fn with_folders_opened(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for path in paths {
        // A folder named like a YAML file is a mistake, said as such.
        let named_as_a_file = crate::files::is_yaml(&path.to_string_lossy());
        if named_as_a_file || !path.is_dir() {
            files.push(path.clone());
            continue;
        }
        match crate::files::yaml_files(path) {
            Ok(found) if !found.is_empty() => files.extend(found),
            // Read as a file, it says why it cannot be checked.
            _ => files.push(path.clone()),
        }
        files.extend(crate::files::yaml_files(&path.join(CATALOGUE_DIR)).unwrap_or_default());
    }
    files
}

/// Two checklists of one folder with one id: which one is meant cannot be guessed, so each
/// is an error that names the other file.
fn same_ids_in_a_folder(fine: &[Checked], problems: &mut Problems) {
    let mut seen: Vec<(PathBuf, &str, &str)> = Vec::new();
    for checked in fine {
        let (Some(checklist), Some(name)) = (&checked.checklist, &checked.file) else {
            continue;
        };
        let folder = crate::store::folder_of(Path::new(name)).to_path_buf();
        let first = seen
            .iter()
            .find(|(dir, id, _)| *dir == folder && *id == checklist.id);
        if let Some((_, _, first)) = first {
            let message = Message::new("check-same-id")
                .text("kind", "checklist")
                .text("id", checklist.id.as_str())
                .text("first", *first);
            problems.push(Problem::whole_file(name, message));
        } else {
            seen.push((folder, &checklist.id, name));
        }
    }
}

/// A clinic's checklist that differs from the built-in one of its id but keeps a version the
/// built-in has had (its own or an earlier one): a warning, since a FHIR Questionnaire is
/// known by `url|version`, and two different ones with the same pair collide in a health
/// record. Compared as the export writes them.
fn a_version_the_built_in_had(
    library: &Library,
    checklist: &Checklist,
    file: &str,
) -> Option<Problem> {
    let built_in = library.checklists.iter().find_map(|l| match l.origin {
        Origin::BuiltIn if l.content.id == checklist.id => Some(&l.content),
        Origin::File(_) if l.content.id == checklist.id => l.replaces.as_ref().map(|b| &b.content),
        _ => None,
    })?;
    if checklist.version > built_in.version {
        return None;
    }
    let english = Messages::new(crate::i18n::Lang::En);
    let exported = |c: &Checklist| {
        crate::fhir::questionnaire(c, &english).and_then(|q| crate::fhir::to_json(&q))
    };
    if exported(built_in).ok()? == exported(checklist).ok()? {
        return None;
    }
    let message = Message::new("check-same-version")
        .text("id", checklist.id.as_str())
        .number(
            "version",
            usize::try_from(checklist.version).unwrap_or_default(),
        )
        .number(
            "built",
            usize::try_from(built_in.version).unwrap_or_default(),
        )
        .text("url", crate::fhir::questionnaire_url(checklist));
    Some(Problem::warning_at(file, 0, 0, message))
}

/// A file that `check` found fine: its name, a one-line summary, and the checklist it holds
/// (none for a medicine list).
pub struct Checked {
    pub name: Message,
    /// The file it was read from, when named on the command line.
    pub file: Option<String>,
    pub summary: Message,
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
                file: Some(doc.name.clone()),
                name: Message::from(doc.name),
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
        (count, "list")
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
        file: None,
        name: Message::from(doc.name.clone()),
        summary: Message::new("check-summary-translation-of")
            .text("lang", lang.code())
            .text("what", what)
            .text("of", of)
            .number("texts", count),
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
        return not_there(library, doc, "list", of);
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
        None => library.find(of).map(|l| Checklist::clone(&l.content)),
    };
    let Some(checklist) = checklist else {
        return not_there(library, doc, "checklist", of);
    };
    let detector = library.detector(translation_lang(&doc.name).unwrap_or_default());
    let read = Translation::parse(&doc.name, &doc.bytes, &checklist, Some(&detector));
    let translation = kept(library, read)?;
    library
        .problems
        .extend(translation.warnings.iter().cloned());
    library
        .problems
        .extend(needs_translating(&translation, doc, of));
    Some(checklist.texts().len())
}

/// A translation of what is not there (`what`: `checklist` or `list`): its problem, in the
/// library.
fn not_there(library: &mut Library, doc: &Document, what: &str, of: &str) -> Option<usize> {
    let message = translates_missing(what, of);
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
fn write_sources(out: &mut dyn Write, checklist: &Checklist, m: &Messages) -> std::io::Result<()> {
    for item in checklist.items() {
        let when = item
            .when
            .as_ref()
            .map(|c| {
                let when = m.with("check-source-when", &[("condition", c.to_string().into())]);
                format!(" ({when})")
            })
            .unwrap_or_default();
        writeln!(out, "  {}{when}", item.id)?;
        let source = item.source.as_ref();
        write_traced(out, &m.get("check-source-text"), &item.ask, source, m)?;
        if let Some(help) = &item.help {
            write_traced(out, &m.get("check-source-help"), help, source, m)?;
        }
        for choice in item.choices() {
            let what = m.get(if choice.checked {
                "check-source-choice-checked"
            } else {
                "check-source-choice"
            });
            write_traced(out, &what, &choice.label, source, m)?;
        }
        match &item.unanswered {
            Some(Unanswered::Todo(todo)) => {
                write_traced(out, &m.get("check-source-unanswered"), todo, source, m)?;
            }
            Some(Unanswered::Ask(question)) => {
                let what = m.get("check-source-unanswered-ask");
                write_traced(out, &what, question, source, m)?;
            }
            None => {}
        }
        for line in &item.sheet {
            let source = line.source.as_ref().or(item.source.as_ref());
            write_traced(out, line.place.key(), &line.text, source, m)?;
        }
    }
    Ok(())
}

fn write_traced(
    out: &mut dyn Write,
    what: &str,
    text: &str,
    source: Option<&Quote>,
    m: &Messages,
) -> std::io::Result<()> {
    writeln!(out, "    {what}: {}", clean(text))?;
    let from = match source {
        Some(quote) => m.with(
            "check-source-from",
            &[
                ("source", clean(&quote.source).into()),
                ("quote", clean(&quote.text).into()),
            ],
        ),
        None => m.get("check-source-none"),
    };
    writeln!(out, "      {from}")
}
