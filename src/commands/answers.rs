//! `prepcheck answers` and `prepcheck forget`: the saved answers, read as the patient would,
//! and deleted on request.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{Failure, saved_answers, say, target, write_stdout};
use crate::answers::SavedAnswers;
use crate::checklist::{Checklist, Kind};
use crate::cli::{ForgetArgs, ShowArgs, ShowFormat};
use crate::loader::Library;
use crate::settings::Settings;
use crate::sheet::{MEDICATION_STATEMENT, answer_in_words};
use crate::store;
use crate::text::clean;

pub fn answers(library: &Library, args: &ShowArgs, settings: &Settings) -> Result<(), Failure> {
    let (checklist, path) = target(library, &args.target, settings)?;
    let saved = match saved_answers(&path, checklist, "The file was not changed.")? {
        Some(saved) => saved,
        None if args.target.answers.is_some() => {
            return Err(Failure::error(format!(
                "{}: no such file. Check the path.",
                path.display()
            )));
        }
        None => {
            say(&format!(
                "No answers are saved yet ({} does not exist). Run `prepcheck walk` to answer \
                 the questions.",
                path.display()
            ));
            return Ok(());
        }
    };
    match args.format {
        ShowFormat::Yaml => {
            let bytes = crate::loader::read_small_file(&path)
                .map_err(|why| Failure::error(format!("{}: {why}", path.display())))?;
            write_stdout(&bytes)
        }
        ShowFormat::Text => {
            let mut out = Vec::new();
            write_answers(&mut out, checklist, &saved, &path.display().to_string())
                .map_err(|e| Failure::error(e.to_string()))?;
            write_stdout(&out)
        }
    }
}

/// Each question that applies and its answer, by section, then what was set aside.
fn write_answers(
    out: &mut dyn Write,
    checklist: &Checklist,
    saved: &SavedAnswers,
    path: &str,
) -> std::io::Result<()> {
    let answers = &saved.answers;
    writeln!(
        out,
        "Your answers for \"{}\", saved in {path}",
        clean(&checklist.title)
    )?;
    // The answers name medicines, so the statement comes with them.
    writeln!(out, "\n{MEDICATION_STATEMENT}")?;
    let applicable = answers.applicable(checklist);
    for section in &checklist.sections {
        let items: Vec<_> = section
            .items
            .iter()
            .filter(|i| !matches!(i.kind, Kind::Info))
            .filter(|i| applicable.iter().any(|a| a.id == i.id))
            .collect();
        if items.is_empty() {
            continue;
        }
        writeln!(out, "\n{}", clean(&section.title))?;
        for item in items {
            let answer = answers
                .get(&item.id)
                .map_or_else(|| "not answered".to_string(), |a| answer_in_words(item, a));
            writeln!(out, "  {}  {}", clean(&item.ask), clean(&answer))?;
        }
    }
    let set_aside = answers.set_aside();
    if !set_aside.is_empty() {
        writeln!(
            out,
            "\nSet aside (they do not fit the checklist as it is now):"
        )?;
        for (id, kept) in set_aside {
            writeln!(out, "  {}: {}", clean(id), clean(&kept.why))?;
        }
    }
    Ok(())
}

pub fn forget(library: &Library, args: &ForgetArgs, settings: &Settings) -> Result<(), Failure> {
    let (checklist, path) = target(library, &args.target, settings)?;
    let nothing = || {
        say(&format!(
            "Nothing to delete: no answers for '{}' are saved in {}.",
            checklist.id,
            path.display()
        ));
        Ok(())
    };
    if !path.parent().is_some_and(Path::is_dir) {
        return nothing();
    }
    // A walk that has the file open would save it again.
    let lock = store::lock(&path).map_err(Failure::error)?;
    let mut files: Vec<PathBuf> = Vec::new();
    if std::fs::symlink_metadata(&path).is_ok() {
        files.push(path.clone());
    }
    files.extend(store::companions(&path));
    if files.iter().all(|f| *f == store::lock_file(&path)) {
        let _ = std::fs::remove_file(store::lock_file(&path));
        return nothing();
    }
    let list: Vec<String> = files.iter().map(|f| format!("  {}", f.display())).collect();
    if !args.yes {
        if !settings.stdin_is_terminal {
            return Err(Failure::usage(format!(
                "prepcheck forget asks before it deletes, and there is no terminal to ask on. \
                 These would be deleted:\n{}\nRun `prepcheck forget --yes` to delete them.",
                list.join("\n")
            )));
        }
        say(&format!(
            "These files would be deleted:\n{}",
            list.join("\n")
        ));
        let sure = crate::walk::terminal::confirm(&format!(
            "Delete {}? They cannot be brought back.",
            crate::text::count(files.len(), "file")
        ))
        .map_err(|e| Failure::error(e.to_string()))?;
        if !sure {
            say("Nothing was deleted.");
            return Ok(());
        }
    }
    drop(lock);
    for file in &files {
        std::fs::remove_file(file)
            .map_err(|e| Failure::error(format!("{}: cannot delete: {e}", file.display())))?;
        say(&format!("Deleted {}", file.display()));
    }
    Ok(())
}
