//! Files: where answers live, reading them, and writing anything atomically (a temporary
//! file in the same folder, then a rename), so a crash never leaves half a file. A file
//! named through a symbolic link is written through to the link's target, atomically in the
//! target's folder, so the link stays a link. Backups never overwrite one another.

use std::fs::{File, OpenOptions};
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

use crate::answers::{Answers, SavedAnswers};
use crate::checklist::Checklist;
use crate::i18n::Lang;
use crate::problem::Problems;

/// `answers/<id>.yaml` in the data folder (`$PREPCHECK_HOME`, or `prepcheck` in the
/// platform's data folder).
pub fn default_answers_path(
    home: &Result<PathBuf, String>,
    checklist_id: &str,
) -> Result<PathBuf, String> {
    let home = home.as_ref().map_err(Clone::clone)?;
    Ok(home.join("answers").join(format!("{checklist_id}.yaml")))
}

/// Why saved answers could not be used.
pub enum LoadError {
    Unreadable(String),
    Invalid(Problems),
}

/// The saved answers, or `None` when there is no file yet. A folder on the way that cannot
/// be searched, or that is a file, is an error with the real path, not "no answers".
pub fn load_answers(path: &Path, checklist: &Checklist) -> Result<Option<SavedAnswers>, LoadError> {
    match std::fs::metadata(path) {
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(LoadError::Unreadable(format!(
                "{}: cannot read: {}",
                path.display(),
                describe(&e)
            )));
        }
        Ok(_) => {}
    }
    let bytes = crate::files::read_small_file(path)
        .map_err(|why| LoadError::Unreadable(format!("{}: {why}", path.display())))?;
    Answers::parse(&path.display().to_string(), &bytes, checklist)
        .map(Some)
        .map_err(LoadError::Invalid)
}

/// An I/O error in words; "not a directory" says which part of the path is wrong.
fn describe(error: &std::io::Error) -> String {
    if error.raw_os_error() == Some(libc::ENOTDIR) {
        "a part of this path is a file, not a folder".into()
    } else {
        error.to_string()
    }
}

pub fn save_answers(
    path: &Path,
    answers: &Answers,
    checklist: &Checklist,
    lang: Lang,
) -> std::io::Result<()> {
    write_atomically(path, answers.to_yaml(checklist, lang).as_bytes(), 0o600)
}

/// The file a write to `path` lands in: the target of a symbolic link, else `path`.
fn landing(path: &Path) -> std::io::Result<PathBuf> {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => std::fs::canonicalize(path),
        _ => Ok(path.to_path_buf()),
    }
}

/// The prefix of the temporary files written beside `path`: hidden, and named after it, so
/// that a stale one left by a crash is found and removed.
fn temp_prefix(path: &Path) -> String {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    format!(".{name}.tmp-")
}

fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// Write the whole file or nothing. Folders made on the way are private to the user.
pub fn write_atomically(path: &Path, bytes: &[u8], mode: u32) -> std::io::Result<()> {
    let path = landing(path)?;
    let dir = folder_of(&path);
    create_private_dir(dir)?;
    let mut temp = tempfile::Builder::new()
        .prefix(&temp_prefix(&path))
        .tempfile_in(dir)?;
    set_mode(temp.as_file(), mode)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    temp.persist(&path).map_err(|e| e.error)?;
    Ok(())
}

/// Remove temporary files a crash left beside `path`, without reading them.
pub fn remove_stale_temp_files(path: &Path) -> std::io::Result<usize> {
    let path = landing(path)?;
    let prefix = temp_prefix(&path);
    let mut removed = 0;
    let Ok(entries) = std::fs::read_dir(folder_of(&path)) else {
        return Ok(0);
    };
    for entry in entries.flatten() {
        let stale = entry.file_name().to_string_lossy().starts_with(&prefix)
            && entry.file_type().is_ok_and(|t| t.is_file());
        if stale {
            std::fs::remove_file(entry.path())?;
            removed += 1;
        }
    }
    Ok(removed)
}

/// Make sure answers can be saved at `path` before anyone answers a question: the folder
/// exists (made private if new) and a file can be written in it.
pub fn check_can_save(path: &Path) -> Result<(), String> {
    let path = landing(path).map_err(|e| format!("{}: {}", path.display(), describe(&e)))?;
    let dir = folder_of(&path);
    let fail = |e: std::io::Error| {
        format!(
            "{}: answers cannot be saved in this folder: {}",
            dir.display(),
            describe(&e)
        )
    };
    create_private_dir(dir).map_err(fail)?;
    tempfile::Builder::new()
        .prefix(&temp_prefix(&path))
        .tempfile_in(dir)
        .map(drop)
        .map_err(fail)
}

/// Held while a walk uses an answers file: a second walk on the same file is refused.
pub struct Lock {
    _file: File,
}

/// Lock the answers file at `path` for this walk (through `.<name>.lock` beside it, since
/// the answers file itself is replaced at every save).
pub fn lock(path: &Path) -> Result<Lock, String> {
    let path = landing(path).map_err(|e| format!("{}: {}", path.display(), describe(&e)))?;
    let lock_path = lock_file(&path);
    let file = open_private(&lock_path, false)
        .map_err(|e| format!("{}: cannot lock: {}", lock_path.display(), describe(&e)))?;
    match file.try_lock() {
        Ok(()) => Ok(Lock { _file: file }),
        Err(std::fs::TryLockError::WouldBlock) => Err(format!(
            "{} is open in another prepcheck. Finish that walk first (or close its window), \
             then try again.",
            path.display()
        )),
        Err(std::fs::TryLockError::Error(e)) => Err(format!(
            "{}: cannot lock: {}",
            lock_path.display(),
            describe(&e)
        )),
    }
}

/// The lock file of an answers file: `.<name>.lock` beside it.
pub fn lock_file(path: &Path) -> PathBuf {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    folder_of(path).join(format!(".{name}.lock"))
}

/// The private page `sheet --open` writes beside an answers file: `<name>.sheet.html`.
pub fn sheet_page(path: &Path) -> PathBuf {
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    path.with_file_name(format!("{stem}.sheet.html"))
}

/// The lock file, backups and printed page that belong to an answers file, for `forget`.
pub fn companions(path: &Path) -> Vec<PathBuf> {
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let backup = format!("{stem}.backup-");
    let lock = format!(".{name}.lock");
    let page = format!("{stem}.sheet.html");
    let stale = temp_prefix(path);
    let Ok(entries) = std::fs::read_dir(folder_of(path)) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .flatten()
        .filter(|e| {
            let file = e.file_name().to_string_lossy().into_owned();
            (file.starts_with(&backup) && file.ends_with(".yaml"))
                || file == lock
                || file == page
                || file.starts_with(&stale)
        })
        .map(|e| e.path())
        .collect();
    found.sort();
    found
}

/// Move the old answers aside as `<name>.backup-<date-time>.yaml` (0600, never over another
/// backup); nothing is deleted. Only a regular file is moved.
pub fn back_up(path: &Path, now: jiff::civil::DateTime) -> std::io::Result<PathBuf> {
    keep_copy(path, now, true)
}

/// Copy the answers aside as a backup, keeping the file: before the first save after the
/// checklist changed.
pub fn copy_aside(path: &Path, now: jiff::civil::DateTime) -> std::io::Result<PathBuf> {
    keep_copy(path, now, false)
}

fn keep_copy(path: &Path, now: jiff::civil::DateTime, remove: bool) -> std::io::Result<PathBuf> {
    let meta = std::fs::symlink_metadata(path)?;
    if !meta.is_file() {
        return Err(std::io::Error::other(
            "it is not a regular file, so it is left as it is",
        ));
    }
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    let stamp = now.strftime("%Y-%m-%d-%H%M%S");
    let bytes = std::fs::read(path)?;
    for n in 1..=1000 {
        let suffix = if n == 1 {
            String::new()
        } else {
            format!("-{n}")
        };
        let backup = path.with_file_name(format!("{stem}.backup-{stamp}{suffix}.yaml"));
        let mut file = match open_private(&backup, true) {
            Err(e) if e.kind() == ErrorKind::AlreadyExists => continue,
            other => other?,
        };
        file.write_all(&bytes)?;
        file.sync_all()?;
        if remove {
            std::fs::remove_file(path)?;
        }
        return Ok(backup);
    }
    Err(std::io::Error::other(
        "a thousand backups were made this second; try again",
    ))
}

/// Open (or create) a file only its owner can read; `new` refuses one that exists.
fn open_private(path: &Path, new: bool) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true);
    if new {
        options.create_new(true);
    } else {
        options.create(true);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

#[cfg(unix)]
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
}

#[cfg(not(unix))]
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)
}

#[cfg(unix)]
fn set_mode(file: &File, mode: u32) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(std::fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn set_mode(_file: &File, _mode: u32) -> std::io::Result<()> {
    Ok(())
}
