//! Reading the small files prepcheck is given (checklists, medicine lists, translations,
//! sources, answers): only regular files, and only up to `MAX_FILE_BYTES`, so that a folder,
//! a pipe or a device named by mistake is refused with its reason instead of blocking or
//! filling memory. Its errors are typed; `check` writes them in English (`Display`), the
//! commands a patient uses through the catalogue.

use std::fmt;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// A checklist, catalogue or answers file is small; anything bigger is refused before
/// parsing.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// Why a file could not be read.
#[derive(Debug)]
pub enum FileError {
    /// The system's reason (missing, no permission, ...).
    Io(io::Error),
    Folder,
    /// A pipe, a device or a socket.
    NotRegular,
    /// Larger than `MAX_FILE_BYTES`: its size in bytes.
    TooLarge(u64),
    /// It was small when looked at, and more than `MAX_FILE_BYTES` came when read.
    Grew,
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileError::Io(e) => write!(f, "cannot read: {e}"),
            FileError::Folder => f.write_str("is a folder, not a file"),
            FileError::NotRegular => f.write_str("is not a regular file"),
            FileError::TooLarge(size) => write!(
                f,
                "is too large ({size} bytes); the most is {MAX_FILE_BYTES} bytes (1 MiB)"
            ),
            FileError::Grew => f.write_str("grew too large while being read"),
        }
    }
}

/// Read a small regular file, refusing folders, devices, pipes (which could block forever)
/// and anything larger than `MAX_FILE_BYTES`.
pub fn read_small_file(path: &Path) -> Result<Vec<u8>, FileError> {
    let meta = std::fs::metadata(path).map_err(FileError::Io)?;
    if meta.is_dir() {
        return Err(FileError::Folder);
    }
    if !meta.is_file() {
        return Err(FileError::NotRegular);
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge(meta.len()));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|file| file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(FileError::Io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(FileError::Grew);
    }
    Ok(bytes)
}

/// `.yaml` or `.yml`, in any case.
pub fn is_yaml(name: &str) -> bool {
    let name = name.to_lowercase();
    name.ends_with(".yaml") || name.ends_with(".yml")
}

/// The entries of a folder named like YAML files, sorted so the order never depends on the
/// disk. Folders, pipes, devices and broken links among them are kept: reading them reports
/// what they are, so nothing a clinic put there is skipped without a word.
pub fn yaml_files(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        if is_yaml(&entry.file_name().to_string_lossy()) {
            files.push(entry.path());
        }
    }
    files.sort();
    Ok(files)
}
