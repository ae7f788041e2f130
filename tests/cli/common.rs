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

/// Whether this is a CI run (`CI` set, and not `false` or `0`): `.ci/run` installs every
/// outside tool a test needs, so there a missing one is a failure.
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|ci| !ci.is_empty() && ci != "false" && ci != "0")
}

/// Whether the test on this thread can run, `ready` saying whether what it needs (`needs`)
/// is here. When not: in CI the test fails; elsewhere it says, past the test harness's
/// capture, that it did not run (Rust's harness has no way to mark a test skipped once it
/// has started, and a test that returns early would otherwise show as passed).
pub fn can_run(ready: bool, needs: &str) -> bool {
    if ready {
        return true;
    }
    let test = std::thread::current()
        .name()
        .unwrap_or("a test")
        .to_string();
    assert!(
        !in_ci(),
        "{test} needs {needs}, and CI must run it: .ci/run installs it"
    );
    // Straight to the terminal: `eprintln!` is captured, and shown only for a failure.
    let _ = std::io::Write::write_all(
        &mut std::io::stderr(),
        format!("\nSKIPPED, NOT RUN: {test} needs {needs} (.ci/run installs it)\n").as_bytes(),
    );
    false
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

/// A walk in screen-reader mode whose standard input stays open, as a terminal's would:
/// blocks of lines are written to it in one write each, and what it says is read as it
/// comes.
pub struct OpenPipe {
    child: std::process::Child,
    stdin: Option<std::process::ChildStdin>,
    said: std::sync::mpsc::Receiver<Vec<u8>>,
    /// Everything it said so far (standard error).
    pub heard: String,
    /// Where the last text waited for ended.
    seen: usize,
    /// The bytes said, whole: a character may come in two reads.
    raw: Vec<u8>,
}

impl OpenPipe {
    /// Start `prepcheck walk --screen-reader ARGS` with answers under `home`.
    pub fn start(home: &Path, args: &[&str]) -> OpenPipe {
        use std::io::Read;
        use std::process::Stdio;
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_prepcheck"))
            .env_remove("PREPCHECK_CHECKLISTS")
            .env_remove("PREPCHECK_SCREEN_READER")
            .env("NO_COLOR", "1")
            .env("PREPCHECK_TODAY", "2026-11-25")
            .env("PREPCHECK_HOME", home)
            .args(args)
            .args(["walk", "--screen-reader"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start prepcheck");
        let mut stderr = child.stderr.take().expect("standard error");
        let (send, said) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut buffer = [0u8; 4096];
            while let Ok(n) = stderr.read(&mut buffer) {
                if n == 0 || send.send(buffer[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        OpenPipe {
            stdin: child.stdin.take(),
            child,
            said,
            heard: String::new(),
            seen: 0,
            raw: Vec::new(),
        }
    }

    /// Write `bytes` in one write.
    pub fn write(&mut self, bytes: &[u8]) -> &mut Self {
        use std::io::Write;
        let stdin = self.stdin.as_mut().expect("input still open");
        stdin.write_all(bytes).expect("write");
        stdin.flush().expect("flush");
        self
    }

    /// Wait until the walk has said `text` (after all it said before), without closing
    /// its input.
    pub fn hears(&mut self, text: &str) -> &mut Self {
        let started = Instant::now();
        loop {
            if let Some(at) = self.heard[self.seen..].find(text) {
                self.seen += at + text.len();
                return self;
            }
            let left = Duration::from_secs(15).saturating_sub(started.elapsed());
            match self.said.recv_timeout(left) {
                Ok(bytes) => {
                    self.raw.extend(bytes);
                    self.heard = String::from_utf8_lossy(&self.raw).into_owned();
                }
                Err(_) => panic!("waited for {text:?}; heard:\n{}", self.heard),
            }
        }
    }

    /// Close the input and wait for the end: the exit code and the sheet printed.
    pub fn finish(mut self) -> (Option<i32>, String, String) {
        use std::io::Read;
        drop(self.stdin.take());
        let mut sheet = String::new();
        if let Some(mut stdout) = self.child.stdout.take() {
            stdout.read_to_string(&mut sheet).expect("read the sheet");
        }
        let status = self.child.wait().expect("wait");
        while let Ok(bytes) = self.said.recv_timeout(Duration::from_secs(5)) {
            self.raw.extend(bytes);
        }
        let heard = String::from_utf8_lossy(&self.raw).into_owned();
        (status.code(), heard, sheet)
    }
}
