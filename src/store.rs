//! Files: where answers live, reading them, and writing anything atomically (a temporary
//! file in the same folder, then a rename), so a crash never leaves half a file.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::answers::Answers;
use crate::checklist::Checklist;
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

/// The saved answers, or `None` when there is no file yet.
pub fn load_answers(path: &Path, checklist: &Checklist) -> Result<Option<Answers>, LoadError> {
    if !path.exists() {
        return Ok(None);
    }
    let bytes = crate::loader::read_small_file(path)
        .map_err(|why| LoadError::Unreadable(format!("{}: {why}", path.display())))?;
    Answers::parse(&path.display().to_string(), &bytes, checklist)
        .map(Some)
        .map_err(LoadError::Invalid)
}

pub fn save_answers(path: &Path, answers: &Answers, checklist: &Checklist) -> std::io::Result<()> {
    write_atomically(path, answers.to_yaml(checklist).as_bytes(), 0o600)
}

/// Write the whole file or nothing. Folders made on the way are private to the user.
pub fn write_atomically(path: &Path, bytes: &[u8], mode: u32) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    create_private_dir(dir)?;
    let mut temp = tempfile::NamedTempFile::new_in(dir)?;
    set_mode(temp.as_file(), mode)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Move the old answers aside as `<name>.backup-<date-time>.yaml`; nothing is deleted.
pub fn back_up(path: &Path, now: jiff::civil::DateTime) -> std::io::Result<PathBuf> {
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    let stamp = now.strftime("%Y-%m-%d-%H%M%S");
    let backup = path.with_file_name(format!("{stem}.backup-{stamp}.yaml"));
    std::fs::rename(path, &backup)?;
    Ok(backup)
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
fn set_mode(file: &std::fs::File, mode: u32) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(std::fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn set_mode(_file: &std::fs::File, _mode: u32) -> std::io::Result<()> {
    Ok(())
}
