//! Files: where answers live, reading them, and writing anything atomically (a temporary
//! file in the same folder, then a rename), so a crash never leaves half a file. A file
//! named through a symbolic link is written through to the link's target, atomically in the
//! target's folder, so the link stays a link. Backups never overwrite one another.

use std::fs::{File, OpenOptions};
use std::io::{self, ErrorKind, Write};
use std::path::{Path, PathBuf};

use crate::answers::{Answers, NotAnswers, SavedAnswers};
use crate::checklist::Checklist;
use crate::diary::Diary;
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

/// The pain diary kept beside an answers file: `<name>.diary.yaml`.
pub fn diary_path(answers: &Path) -> PathBuf {
    let stem = answers.file_stem().unwrap_or_default().to_string_lossy();
    answers.with_file_name(format!("{stem}.diary.yaml"))
}

/// The saved diary, or `None` when there is none yet; read as the answers are (a regular
/// file within `MAX_FILE_BYTES`, the YAML budget, entries that do not fit set aside).
pub fn load_diary(path: &Path) -> Result<Option<Diary>, StoreError> {
    let Some(bytes) = read_if_there(path)? else {
        return Ok(None);
    };
    Diary::parse(&path.display().to_string(), &bytes)
        .map(Some)
        .map_err(StoreError::Invalid)
}

/// The bytes of a saved file, or `None` when there is none. A folder on the way that cannot
/// be searched, or that is a file, is an error with the real path, not "nothing saved".
fn read_if_there(path: &Path) -> Result<Option<Vec<u8>>, StoreError> {
    let cannot_read = |why| StoreError::CannotRead {
        path: path.to_path_buf(),
        why,
    };
    match std::fs::metadata(path) {
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(cannot_read(FileError::Io(e))),
        Ok(_) => {}
    }
    crate::files::read_small_file(path)
        .map(Some)
        .map_err(cannot_read)
}

/// Save the diary, whole or not at all, readable only by its owner; never larger than the
/// reader takes.
pub fn save_diary(path: &Path, diary: &Diary) -> Result<(), StoreError> {
    let cannot_write = |why| StoreError::CannotWrite {
        path: path.to_path_buf(),
        why,
    };
    let yaml = diary
        .to_yaml()
        .map_err(|e| cannot_write(io::Error::other(e.to_string())))?;
    save_private(path, yaml.as_bytes())
}

/// Write a private file the reader will take back: one over `MAX_FILE_BYTES` is refused.
fn save_private(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let size = bytes.len() as u64;
    if size > crate::files::MAX_FILE_BYTES {
        return Err(StoreError::WouldBeTooLarge {
            path: path.to_path_buf(),
            size,
        });
    }
    write_atomically(path, bytes, 0o600).map_err(|why| StoreError::CannotWrite {
        path: path.to_path_buf(),
        why,
    })
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
    /// A name that ends with `/`: a folder's name, where a file's is needed.
    FolderName {
        path: PathBuf,
    },
    /// An output that would replace answers (the file read, or any answers file).
    OutputHoldsAnswers {
        path: PathBuf,
    },
    /// An output that is a pipe, a device (not a terminal), a socket or a folder: it is
    /// never replaced by a file.
    OutputNotRegular {
        path: PathBuf,
    },
    /// An output in a folder that is not there: a mistyped path is said, not made.
    NoSuchFolder {
        folder: PathBuf,
    },
    CannotWrite {
        path: PathBuf,
        why: io::Error,
    },
    /// Answers that would make a file larger than the reader takes: not saved.
    WouldBeTooLarge {
        path: PathBuf,
        size: u64,
    },
}

/// The saved answers, or `None` when there is no file yet. A folder on the way that cannot
/// be searched, or that is a file, is an error with the real path, not "no answers".
pub fn load_answers(path: &Path, checklist: &Checklist) -> Result<Option<Loaded>, StoreError> {
    let Some(bytes) = read_if_there(path)? else {
        return Ok(None);
    };
    let name = path.display().to_string();
    let response = crate::fhir::looks_like_response(&name, &bytes);
    let saved = if response {
        crate::fhir::read_response(&name, &bytes, checklist)
    } else {
        Answers::parse(&name, &bytes, checklist)
    };
    saved
        .map(|saved| Some(Loaded { saved, response }))
        .map_err(StoreError::Invalid)
}

/// Answers read from a file, and whether the file is a FHIR QuestionnaireResponse (read
/// only: answers are saved as YAML, so `import response` turns one into an answers file).
pub struct Loaded {
    pub saved: SavedAnswers,
    pub response: bool,
}

/// Save the answers, whole or not at all. A file the reader would refuse (over
/// `MAX_FILE_BYTES`) is never written: the answers stay as they were saved last.
pub fn save_answers(
    path: &Path,
    answers: &Answers,
    checklist: &Checklist,
    lang: Lang,
) -> Result<(), StoreError> {
    let yaml = answers
        .to_yaml(checklist, lang)
        .map_err(|e| StoreError::CannotWrite {
            path: path.to_path_buf(),
            why: io::Error::other(e.to_string()),
        })?;
    save_private(path, yaml.as_bytes())
}

/// How many links are followed before a path is taken for a loop (as the system does).
const MAX_LINKS: usize = 40;

/// The file a write to `path` lands in: the target of a symbolic link (of a chain of them,
/// even when the last one points to a file not made yet), else `path`.
pub fn landing(path: &Path) -> std::io::Result<PathBuf> {
    let mut at = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match std::fs::symlink_metadata(&at) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = std::fs::read_link(&at)?;
                at = folder_of(&at).join(target);
            }
            _ => return Ok(at),
        }
    }
    Err(std::io::Error::from_raw_os_error(libc::ELOOP))
}

/// What a file looked like when last read or written: its size, when it was changed, and
/// which file it is. Another program that saves it changes one of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seen {
    len: u64,
    /// Where it is (device, inode) and when it was last changed (seconds, nanoseconds).
    #[cfg(unix)]
    stamp: (u64, u64, i64, i64),
}

/// How the file `path` (through its links) is now; `None` when there is none.
pub fn seen(path: &Path) -> std::io::Result<Option<Seen>> {
    match std::fs::metadata(path) {
        Err(e) if e.kind() == ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
        Ok(meta) => Ok(Some(Seen {
            len: meta.len(),
            #[cfg(unix)]
            stamp: {
                use std::os::unix::fs::MetadataExt;
                (meta.dev(), meta.ino(), meta.mtime(), meta.mtime_nsec())
            },
        })),
    }
}

/// Whether `path` is written with a `/` at its end: a folder's name.
fn is_folder_name(path: &Path) -> bool {
    let text = path.as_os_str().as_encoded_bytes();
    text.last()
        .is_some_and(|&b| std::path::is_separator(char::from(b)))
}

/// Standard output, by the names the system gives it: written to directly.
pub fn is_stdout(path: &Path) -> bool {
    ["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"]
        .iter()
        .any(|name| path == Path::new(name))
}

/// Write an output the patient named (`--output`): a new or regular file, atomically; a
/// terminal, directly. Never over answers (`answers`, the file the command read, or any
/// file that holds answers), never over a pipe, a device or a folder, and never in a
/// folder that is not there.
pub fn write_output(
    path: &Path,
    bytes: &[u8],
    mode: u32,
    answers: &Path,
) -> Result<(), StoreError> {
    let landed = landed(path)?;
    if is_folder_name(path) {
        return Err(StoreError::FolderName {
            path: path.to_path_buf(),
        });
    }
    let cannot_write = |why| StoreError::CannotWrite {
        path: path.to_path_buf(),
        why,
    };
    let folder = folder_of(&landed);
    match std::fs::metadata(folder) {
        Ok(meta) if meta.is_dir() => {}
        Ok(_) => return Err(cannot_write(io::Error::from_raw_os_error(libc::ENOTDIR))),
        Err(_) => {
            return Err(StoreError::NoSuchFolder {
                folder: folder.to_path_buf(),
            });
        }
    }
    match std::fs::metadata(&landed) {
        Ok(meta) if meta.is_file() => {
            if holds_answers(&landed, &meta, answers) {
                return Err(StoreError::OutputHoldsAnswers {
                    path: path.to_path_buf(),
                });
            }
        }
        Ok(meta) if is_char_device(&meta) => {
            return write_to_terminal(&landed, &meta, bytes)
                .map_err(cannot_write)?
                .then_some(())
                .ok_or(StoreError::OutputNotRegular {
                    path: path.to_path_buf(),
                });
        }
        Ok(_) => {
            return Err(StoreError::OutputNotRegular {
                path: path.to_path_buf(),
            });
        }
        Err(_) => {}
    }
    write_atomically(&landed, bytes, mode).map_err(cannot_write)
}

/// Whether the regular file at `path` is the answers file read, or any answers file.
fn holds_answers(path: &Path, meta: &std::fs::Metadata, answers: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let same = std::fs::metadata(answers)
            .is_ok_and(|a| (a.dev(), a.ino()) == (meta.dev(), meta.ino()));
        if same {
            return true;
        }
    }
    #[cfg(not(unix))]
    let _ = (meta, answers);
    crate::files::read_small_file(path).is_ok_and(|bytes| {
        crate::answers::look_like_answers(&bytes) || crate::diary::look_like_diary(&bytes)
    })
}

#[cfg(unix)]
fn is_char_device(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt;
    meta.file_type().is_char_device()
}

#[cfg(not(unix))]
fn is_char_device(_meta: &std::fs::Metadata) -> bool {
    false
}

/// Whether a device may be a terminal, known without opening it (opening some devices
/// does something): on Linux, by the numbers terminals have.
fn may_be_terminal(meta: &std::fs::Metadata) -> bool {
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::fs::MetadataExt;
        // 4: virtual consoles and serial lines; 5: /dev/tty, /dev/console; 136-143: ptys.
        let major = libc::major(meta.rdev());
        major == 4 || major == 5 || (136..=143).contains(&major)
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = meta;
        true
    }
}

/// Write to the device at `path` if it is a terminal: `false` when it is another device.
fn write_to_terminal(path: &Path, meta: &std::fs::Metadata, bytes: &[u8]) -> std::io::Result<bool> {
    if !may_be_terminal(meta) {
        return Ok(false);
    }
    let mut device = OpenOptions::new().write(true).open(path)?;
    // A property of the file named, like its kind: not the settings' terminal.
    // SAFETY: isatty only reads the descriptor number of a file we hold open.
    if unsafe { libc::isatty(std::os::fd::AsRawFd::as_raw_fd(&device)) } != 1 {
        return Ok(false);
    }
    device.write_all(bytes)?;
    device.flush()?;
    Ok(true)
}

/// The prefix of the temporary files written beside `path`: hidden, and named after it, so
/// that a stale one left by a crash is found and removed.
fn temp_prefix(path: &Path) -> String {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    format!(".{name}.tmp-")
}

/// The folder a file is in: `.` for a bare name.
pub fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// Write the whole file or nothing. Folders made on the way are private to the user. An
/// error is the system's reason alone: the hidden temporary file is no name to show.
pub fn write_atomically(path: &Path, bytes: &[u8], mode: u32) -> std::io::Result<()> {
    let write = || {
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
    };
    write().map_err(without_path)
}

/// An I/O error without the path `tempfile` adds to it: the system's reason only.
fn without_path(error: io::Error) -> io::Error {
    let code = error.raw_os_error().or_else(|| {
        let inner = error.get_ref()?;
        let source = std::error::Error::source(inner)?;
        source.downcast_ref::<io::Error>()?.raw_os_error()
    });
    match code {
        Some(code) => io::Error::from_raw_os_error(code),
        None => error,
    }
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

/// Make sure answers can be saved at `path` before anyone answers a question: it names a
/// file (not a folder, a pipe or a device), its folder exists (made private if new) and a
/// file can be written in it.
pub fn check_can_save(path: &Path) -> Result<(), StoreError> {
    if is_folder_name(path) {
        return Err(StoreError::FolderName {
            path: path.to_path_buf(),
        });
    }
    let path = landed(path)?;
    if let Ok(meta) = std::fs::metadata(&path) {
        let why = if meta.is_dir() {
            Some(FileError::Folder)
        } else {
            (!meta.is_file()).then_some(FileError::NotRegular)
        };
        if let Some(why) = why {
            return Err(StoreError::CannotRead { path, why });
        }
    }
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
/// backup); nothing is deleted. Only a regular file is moved; through a link, the file it
/// points to, and the link stays for the new answers.
pub fn back_up(path: &Path, now: jiff::civil::DateTime) -> std::io::Result<PathBuf> {
    keep_copy(path, now, true)
}

/// Copy the answers aside as a backup, keeping the file: before the first save after the
/// checklist changed.
pub fn copy_aside(path: &Path, now: jiff::civil::DateTime) -> std::io::Result<PathBuf> {
    keep_copy(path, now, false)
}

/// A copy of the answers at `path` (through its links: the file itself, beside it).
fn keep_copy(path: &Path, now: jiff::civil::DateTime, remove: bool) -> std::io::Result<PathBuf> {
    let path = &landing(path)?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Answer;

    /// Answers that would make a file the reader refuses (over 1 MiB) are not saved: the
    /// file keeps the answers saved last, whole.
    #[test]
    fn answers_too_large_for_the_reader_are_not_saved() {
        let checklist = crate::answers::tests::mini();
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("answers.yaml");
        let mut answers = Answers::default();
        answers.set("friend", Answer::Text("Ann".into()));
        save_answers(&path, &answers, &checklist, Lang::En).expect("saved");
        let before = std::fs::read(&path).expect("saved");
        answers.set("friend", Answer::Text("x".repeat(2 << 20)));
        match save_answers(&path, &answers, &checklist, Lang::En) {
            Err(StoreError::WouldBeTooLarge { size, .. }) => assert!(size > 2 << 20),
            other => panic!("{other:?}"),
        }
        assert_eq!(std::fs::read(&path).expect("kept"), before);
    }
}
