//! `prepcheck copy`: a built-in checklist, with its sources, translations and medicine
//! lists, written into a clinic's folder to edit. It never writes over a clinic's files.

use std::path::Path;

use crate::exit::Failure;
use crate::i18n::Messages;
use crate::loader::{BuiltInFile, built_in_checklist_files, built_in_checklist_ids};

/// Write the built-in checklist `id` and what it needs into `dir`, which must be new or
/// empty, each file with a header that says what to change.
pub fn copy(id: &str, dir: &Path, m: &Messages) -> Result<(), Failure> {
    let Some(files) = built_in_checklist_files(id) else {
        let known = built_in_checklist_ids().join(", ");
        let words = m.with(
            "copy-unknown",
            &[("id", id.into()), ("known", known.into())],
        );
        return Err(Failure::usage(words));
    };
    let shown = dir.display().to_string();
    let has_files = std::fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_some());
    if has_files {
        return Err(Failure::error(
            m.with("copy-not-empty", &[("dir", shown.into())]),
        ));
    }
    for file in &files {
        let path = dir.join(&file.name);
        let bytes = with_header(file, id, &shown, m);
        crate::store::write_atomically(&path, &bytes, 0o644).map_err(|e| {
            let cannot = super::cannot("copy-cannot-write", &path, &e, m);
            Failure::error(cannot)
        })?;
    }
    let done = m.with(
        "copy-done",
        &[
            ("id", id.into()),
            ("dir", shown.into()),
            ("count", files.len().into()),
        ],
    );
    super::say(&done);
    Ok(())
}

/// The file's bytes after a short comment that says what to change in it.
fn with_header(file: &BuiltInFile, id: &str, dir: &str, m: &Messages) -> Vec<u8> {
    let message = if file.name.starts_with("sources/") {
        "copy-header-source"
    } else if file.name.starts_with("medicines/") {
        "copy-header-medicines"
    } else if file.lang.is_some() {
        "copy-header-translation"
    } else {
        "copy-header-checklist"
    };
    let lang = file.lang.map(|l| l.code()).unwrap_or("en");
    let header = m.with(
        message,
        &[
            ("id", id.into()),
            ("dir", dir.into()),
            ("lang", lang.into()),
            ("file", file.name.as_str().into()),
        ],
    );
    let mut out: String = header.lines().map(|line| format!("# {line}\n")).collect();
    out.push('\n');
    let mut bytes = out.into_bytes();
    bytes.extend_from_slice(file.bytes);
    bytes
}
