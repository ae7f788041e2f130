//! Helpers any test module may use: running the binary with a time limit, and folders of
//! files made for one test.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::prepcheck;

/// How one run of the binary ended.
#[derive(Debug)]
pub struct Run {
    /// `None` when the run was killed (by the time limit or a signal).
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    pub took: Duration,
}

impl Run {
    pub fn lines(&self) -> Vec<&str> {
        self.stdout.lines().collect()
    }
}

/// A path inside the crate, e.g. `root("tests/fixtures")`.
pub fn root(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// Run `prepcheck ARGS` from the crate's root, killed after `limit`.
pub fn run_within<I, S>(
    limit: Duration,
    args: I,
    configure: impl FnOnce(&mut assert_cmd::Command),
) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let mut command = prepcheck();
    command
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .timeout(limit);
    configure(&mut command);
    let started = Instant::now();
    let output = command.output().expect("run prepcheck");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        took: started.elapsed(),
    }
}

/// Run `prepcheck ARGS` from the crate's root, with a generous time limit.
pub fn run<I, S>(args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    run_within(Duration::from_secs(30), args, |_| {})
}

/// A new temporary folder holding these files (relative path, contents).
pub fn folder(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (relative, bytes) in files {
        write(&dir.path().join(relative), bytes);
    }
    dir
}

/// Write a file, making its folders first.
pub fn write(path: &Path, bytes: &[u8]) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("create folder");
    }
    std::fs::write(path, bytes).expect("write file");
}

/// Copy a folder and everything under it (regular files and folders only).
pub fn copy_folder(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create folder");
    for entry in std::fs::read_dir(from).expect("read folder").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_folder(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy file");
        }
    }
}

/// Fail, showing the whole of `text`, unless it holds every one of `parts`.
pub fn assert_shows(text: &str, parts: &[&str]) {
    for part in parts {
        assert!(text.contains(part), "no {part:?} in:\n{text}");
    }
}

/// A walk in screen-reader mode fed `typed` through a pipe, `args` after `walk
/// --screen-reader`: the exit code, what it said (standard error) and the sheet it printed at
/// the end (standard output).
pub fn walk_through_a_pipe(
    home: &Path,
    args: &[&str],
    typed: &str,
) -> (Option<i32>, String, String) {
    let output = prepcheck()
        .env("PREPCHECK_HOME", home)
        .env_remove("PREPCHECK_SCREEN_READER")
        .args(["walk", "--screen-reader"])
        .args(args)
        .write_stdin(typed.to_string())
        .timeout(Duration::from_secs(20))
        .output()
        .expect("run");
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}

/// Lines typed one after the other, as a pipe gives them.
pub fn typed_lines(lines: &[&str]) -> String {
    let mut input = lines.join("\n");
    input.push('\n');
    input
}
