//! `prepcheck answers` and `prepcheck forget`: the saved answers, read as the patient would,
//! and deleted on request.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::saved::{GoOn, IfMissing, Missing, Target, file_words, misfit_words, store_words};
use super::{cannot, say, write_stdout};
use crate::answers::{SavedAnswers, answer_in_words};
use crate::checklist::{Checklist, Kind};
use crate::cli::{ForgetArgs, ShowArgs, ShowFormat};
use crate::exit::Failure;
use crate::i18n::Messages;
use crate::loader::Library;
use crate::settings::Settings;
use crate::store;
use crate::text::clean;

/// No answers saved: say so, and show nothing.
const IF_MISSING: IfMissing = IfMissing::Say(Missing {
    default: "no-answers-yet",
    named: "no-answers-file",
});

pub fn answers(
    library: &Library,
    args: &ShowArgs,
    settings: &Settings,
    m: &Messages,
) -> Result<(), Failure> {
    let target = Target::find(library, &args.target, settings)?;
    let (checklist, path) = (&target.checklist, &target.path);
    let Some(saved) = target.saved(IF_MISSING, GoOn::NotChanged, m)? else {
        // A diary can be kept before any question is answered.
        let mut out = Vec::new();
        write_diary(&mut out, path, m).map_err(|e| Failure::error(e.to_string()))?;
        return write_stdout(&out, settings);
    };
    match args.format {
        ShowFormat::Yaml => {
            let bytes = crate::files::read_small_file(path)
                .map_err(|why| Failure::error(file_words(path, &why, m)))?;
            // A QuestionnaireResponse shows as the answers file `import response` writes.
            if !crate::fhir::looks_like_response(&path.display().to_string(), &bytes) {
                return write_stdout(&bytes, settings);
            }
            let yaml = (saved.answers)
                .to_yaml(checklist, settings.lang)
                .map_err(|e| Failure::error(e.to_string()))?;
            write_stdout(yaml.as_bytes(), settings)
        }
        ShowFormat::Text => {
            let mut out = Vec::new();
            write_answers(&mut out, checklist, &saved, &path.display().to_string(), m)
                .and_then(|()| write_diary(&mut out, path, m))
                .map_err(|e| Failure::error(e.to_string()))?;
            write_stdout(&out, settings)
        }
    }
}

/// Each question that applies and its answer, by section, then what was set aside.
fn write_answers(
    out: &mut dyn Write,
    checklist: &Checklist,
    saved: &SavedAnswers,
    path: &str,
    m: &Messages,
) -> std::io::Result<()> {
    let answers = &saved.answers;
    let title = m.with(
        "answers-title",
        &[
            ("title", clean(&checklist.title).into()),
            ("path", path.into()),
        ],
    );
    writeln!(out, "{title}")?;
    // The answers name medicines, so the statement comes with them.
    writeln!(out, "\n{}", m.get("medication-statement"))?;
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
            let answer = answers.get(&item.id).map_or_else(
                || m.get("answer-not-given"),
                |a| answer_in_words(item, a, m),
            );
            writeln!(out, "  {}  {}", clean(&item.ask), clean(&answer))?;
        }
    }
    let set_aside = answers.set_aside_misfits(checklist);
    if !set_aside.is_empty() {
        writeln!(out, "\n{}", m.get("answers-set-aside"))?;
        for (id, why) in set_aside {
            writeln!(out, "  {}: {}", clean(id), clean(&misfit_words(&why, m)))?;
        }
    }
    Ok(())
}

/// The pain diary kept beside the answers, entry by entry, when there is one.
fn write_diary(out: &mut dyn Write, answers: &Path, m: &Messages) -> std::io::Result<()> {
    let path = store::diary_path(answers);
    let diary = match store::load_diary(&path) {
        Ok(Some(diary)) => diary,
        Ok(None) => return Ok(()),
        Err(e) => return writeln!(out, "\n{}", store_words(&e, m)),
    };
    let title = m.with(
        "diary-answers-title",
        &[
            ("count", diary.entries.len().into()),
            ("path", path.display().to_string().into()),
        ],
    );
    writeln!(out, "\n{title}")?;
    for (n, entry) in diary.entries.iter().enumerate() {
        writeln!(out, "  {}. {}", n + 1, super::diary::entry_words(entry, m))?;
    }
    Ok(())
}

pub fn forget(
    library: &Library,
    args: &ForgetArgs,
    settings: &Settings,
    m: &Messages,
) -> Result<(), Failure> {
    let target = Target::find(library, &args.target, settings)?;
    let (checklist, path) = (&target.checklist, &target.path);
    let nothing = || {
        say(&m.with(
            "nothing-to-delete",
            &[
                ("checklist", checklist.id.as_str().into()),
                ("path", path.display().to_string().into()),
            ],
        ));
        Ok(())
    };
    // The answers themselves: through a link, the file it points to.
    let landed = store::landing(path).map_err(|why| {
        let error = store::StoreError::Path {
            path: path.clone(),
            why,
        };
        Failure::error(store_words(&error, m))
    })?;
    if !store::folder_of(&landed).is_dir() {
        return nothing();
    }
    // A walk that has the file open would save it again.
    let lock = store::lock(path).map_err(|e| Failure::error(store_words(&e, m)))?;
    let files = files_to_forget(path, &landed);
    if files.iter().all(|f| *f == store::lock_file(&landed)) {
        let _ = std::fs::remove_file(store::lock_file(&landed));
        return nothing();
    }
    let list: Vec<String> = files.iter().map(|f| format!("  {}", f.display())).collect();
    if !args.yes {
        let run_yes = m.with(
            "forget-run-yes",
            &[("command", target.command("forget --yes").into())],
        );
        if !settings.stdin_is_terminal {
            return Err(Failure::usage(format!(
                "{}\n{}\n{run_yes}",
                m.get("forget-needs-yes"),
                list.join("\n"),
            )));
        }
        say(&format!("{}\n{}", m.get("would-delete"), list.join("\n")));
        let question = m.with("delete-files", &[("count", files.len().into())]);
        let sure =
            crate::walk::terminal::confirm(&question).map_err(|e| Failure::error(e.to_string()))?;
        if !sure {
            say(&format!("{}\n{run_yes}", m.get("nothing-deleted")));
            return Ok(());
        }
    }
    drop(lock);
    for file in &files {
        std::fs::remove_file(file)
            .map_err(|e| Failure::error(cannot("cannot-delete", file, &e, m)))?;
        say(&m.with("deleted", &[("path", file.display().to_string().into())]));
    }
    Ok(())
}

/// What `forget` deletes: the answers named (a link, and the file it points to), and the
/// lock, backups, printed page and stale temporary files beside either.
fn files_to_forget(path: &Path, landed: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = [path, landed]
        .into_iter()
        .filter(|f| std::fs::symlink_metadata(f).is_ok())
        .map(Path::to_path_buf)
        .collect();
    files.extend(store::companions(landed));
    // The pain diary kept beside the answers, and its own lock and leftovers.
    let diary = store::diary_path(landed);
    if std::fs::symlink_metadata(&diary).is_ok() {
        files.push(diary.clone());
    }
    files.extend(store::companions(&diary));
    if landed != path {
        files.extend(store::companions(path));
    }
    files.sort();
    files.dedup();
    files
}
