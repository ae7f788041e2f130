//! `prepcheck list`: the checklists, medicine lists and translations, built in or from a
//! clinic's folder, and which built-in each of a clinic's files overrides, in the reader's
//! language.

use super::{problems_failure, report_library_problems};
use crate::exit::Failure;
use crate::i18n::Messages;
use crate::loader::{Library, Loaded, Origin};
use crate::settings::Settings;

pub fn list(library: &Library, settings: &Settings, m: &Messages) -> Result<(), Failure> {
    let mut lines = Vec::new();
    for loaded in &library.checklists {
        lines.extend(listing(loaded, m, |c| {
            m.with(
                "list-checklist",
                &[
                    ("id", c.id.as_str().into()),
                    ("title", c.title.as_str().into()),
                    ("version", c.version.into()),
                ],
            )
        }));
    }
    for loaded in &library.catalogues {
        lines.extend(listing(loaded, m, |c| {
            m.with(
                "list-catalogue",
                &[
                    ("id", c.id.as_str().into()),
                    ("title", c.title.as_str().into()),
                    ("version", c.version.into()),
                    ("medicines", c.medicines.len().into()),
                ],
            )
        }));
    }
    let mut problems = Vec::new();
    for file in library.translations() {
        match file.read {
            Ok(summary) => {
                // How many texts are left in English, and the command that fixes it.
                if let Some(needs) = &summary.needs_translating {
                    super::say(&needs.words(m));
                }
                let status = summary.status.unwrap_or_else(|| {
                    m.with("list-translation-names", &[("count", summary.texts.into())])
                });
                lines.push(m.with(
                    "list-translation",
                    &[
                        ("of", file.of.into()),
                        ("lang", file.lang.code().into()),
                        ("title", summary.title.into()),
                        ("status", status.into()),
                        ("origin", origin(&file.origin, m).into()),
                    ],
                ));
            }
            Err(found) => problems.extend(found),
        }
    }
    let mut out = String::new();
    for line in lines {
        out.push_str(&line);
        out.push('\n');
    }
    super::write_stdout(out.as_bytes(), settings)?;
    report_library_problems(library, m)?;
    // Problems in a translation stop `list` too: the translation would not be used.
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems_failure(&problems, m))
    }
}

/// Where a file came from: "built in", or its path.
fn origin(origin: &Origin, m: &Messages) -> String {
    match origin {
        Origin::BuiltIn => m.get("list-built-in"),
        Origin::File(path) => path.display().to_string(),
    }
}

/// A loaded file's row for `list`, then the row of the built-in it overrides.
fn listing<T>(loaded: &Loaded<T>, m: &Messages, describe: impl Fn(&T) -> String) -> Vec<String> {
    let mut rows = vec![format!(
        "{}\t{}",
        describe(&loaded.content),
        origin(&loaded.origin, m)
    )];
    if let Some(old) = &loaded.replaces {
        let overridden = m.with(
            "list-overridden",
            &[("origin", origin(&old.origin, m).into())],
        );
        rows.push(format!("{}\t{overridden}", describe(&old.content)));
    }
    rows
}
