//! Files: where answers live, reading them, and writing anything atomically (a temporary
//! file in the same folder, then a rename), so a crash never leaves half a file. A file
//! named through a symbolic link is written through to the link's target, atomically in the
//! target's folder, so the link stays a link. Backups never overwrite one another.

use std::fs::{File, OpenOptions};
use std::io::{self, ErrorKind, Write};
use std::path::{Path, PathBuf};

use crate::answers::{Answers, NotAnswers, SavedAnswers};
use crate::checklist::Checklist;
use crate::files::FileError;
use crate::i18n::Lang;

/// `answers/<id>.yaml` in the data folder (`$PREPCHECK_HOME`, or `prepcheck` in the
/// platform's data folder).
pub fn default_answers_path(
    home: &Result<PathBuf, String>,
    checklist_id: &str,
) -> Result<PathBuf, String> {
    let home = home.as_ref().map_err(Clone::clone)?;
    Ok(home.join("answers").join(format!("{checklist_id}.yaml")))
}

/// Why the answers could not be read, used, saved in their folder or locked. The commands
/// word it, in the patient's language.
#[derive(Debug)]
pub enum StoreError {
    /// The answers file, or a folder on its way, cannot be read.
    CannotRead {
        path: PathBuf,
        why: FileError,
    },
    /// The file reads, but not as answers for this checklist.
    Invalid(NotAnswers),
    /// A path that cannot be followed (a link to nowhere, a file on the way).
    Path {
        path: PathBuf,
        why: io::Error,
    },
    /// No file can be written in the answers' folder.
    CannotSaveIn {
        folder: PathBuf,
        why: io::Error,
    },
    /// Another walk has the file open.
    InUse {
        path: PathBuf,
    },
    CannotLock {
        path: PathBuf,
        why: io::Error,
    },
}

/// The saved answers, or `None` when there is no file yet. A folder on the way that cannot
/// be searched, or that is a file, is an error with the real path, not "no answers".
pub fn load_answers(
    path: &Path,
    checklist: &Checklist,
) -> Result<Option<SavedAnswers>, StoreError> {
    let cannot_read = |why| StoreError::CannotRead {
        path: path.to_path_buf(),
        why,
    };
    match std::fs::metadata(path) {
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(cannot_read(FileError::Io(e))),
        Ok(_) => {}
    }
    let bytes = crate::files::read_small_file(path).map_err(cannot_read)?;
    Answers::parse(&path.display().to_string(), &bytes, checklist)
        .map(Some)
        .map_err(StoreError::Invalid)
}

/// Whether an I/O error is "not a directory": a part of the path is a file, which the
/// commands say in words of their own.
pub fn is_not_a_folder(error: &io::Error) -> bool {
    error.raw_os_error() == Some(libc::ENOTDIR)
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
pub fn check_can_save(path: &Path) -> Result<(), StoreError> {
    let path = landed(path)?;
    let dir = folder_of(&path);
    let fail = |why| StoreError::CannotSaveIn {
        folder: dir.to_path_buf(),
        why,
    };
    create_private_dir(dir).map_err(fail)?;
    tempfile::Builder::new()
        .prefix(&temp_prefix(&path))
        .tempfile_in(dir)
        .map(drop)
        .map_err(fail)
}

/// `landing`, with its error as a `StoreError`.
fn landed(path: &Path) -> Result<PathBuf, StoreError> {
    landing(path).map_err(|why| StoreError::Path {
        path: path.to_path_buf(),
        why,
    })
}

/// Held while a walk uses an answers file: a second walk on the same file is refused.
pub struct Lock {
    _file: File,
}

/// Lock the answers file at `path` for this walk (through `.<name>.lock` beside it, since
/// the answers file itself is replaced at every save).
pub fn lock(path: &Path) -> Result<Lock, StoreError> {
    let path = landed(path)?;
    let lock_path = lock_file(&path);
    let cannot_lock = |why| StoreError::CannotLock {
        path: lock_path.clone(),
        why,
    };
    let file = open_private(&lock_path, false).map_err(cannot_lock)?;
    match file.try_lock() {
        Ok(()) => Ok(Lock { _file: file }),
        Err(std::fs::TryLockError::WouldBlock) => Err(StoreError::InUse { path }),
        Err(std::fs::TryLockError::Error(e)) => Err(cannot_lock(e)),
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
