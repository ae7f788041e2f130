//! Opening a page in the patient's browser: the commands the `BROWSER` variable names (read
//! with the settings, at start-up), else the system's opener (`xdg-open`, or `open` on
//! macOS). The page is named by a `file://` URL with its path percent-encoded, so a folder
//! called `Mom's #1 folder` or `100% mine` opens the right file.

use std::io;
use std::path::Path;
use std::process::{Command, Stdio};

/// Open the local file `page` (an absolute path) in a browser. A command from `BROWSER` is
/// started in the background (a browser may run until it is closed); the system's opener
/// hands the page over and returns, and its exit status is checked.
pub fn open(page: &Path, browser: Option<&str>) -> io::Result<()> {
    let url = file_url(page);
    // `BROWSER` may name several commands, separated by `:`: the first that starts is used.
    for command in browser.unwrap_or_default().split(':') {
        let Some(mut command) = with_url(command, &url) else {
            continue;
        };
        if quiet(&mut command).spawn().is_ok() {
            return Ok(());
        }
    }
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    let status = quiet(Command::new(opener).arg(&url)).status()?;
    if status.success() {
        Ok(())
    } else {
        Err(io::Error::other(format!("{opener} failed ({status})")))
    }
}

/// A command of `BROWSER` with the URL given: where it says `%s`, else after its words.
/// A program named by its path is taken whole, spaces and all. `None` for an empty one.
fn with_url(command: &str, url: &str) -> Option<Command> {
    if Path::new(command).is_file() {
        let mut whole = Command::new(command);
        whole.arg(url);
        return Some(whole);
    }
    let mut words = command.split_whitespace();
    let mut built = Command::new(words.next()?);
    let mut placed = false;
    for word in words {
        placed |= word.contains("%s");
        built.arg(word.replace("%s", url));
    }
    if !placed {
        built.arg(url);
    }
    Some(built)
}

/// No input, and nothing written on the patient's terminal.
fn quiet(command: &mut Command) -> &mut Command {
    command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
}

/// `file://` and the path, each byte but unreserved characters and `/` percent-encoded
/// (RFC 3986, RFC 8089).
pub fn file_url(path: &Path) -> String {
    let mut url = String::from("file://");
    for &byte in path_bytes(path).iter() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            url.push(char::from(byte));
        } else {
            url.push_str(&format!("%{byte:02X}"));
        }
    }
    url
}

#[cfg(unix)]
fn path_bytes(path: &Path) -> std::borrow::Cow<'_, [u8]> {
    use std::os::unix::ffi::OsStrExt;
    std::borrow::Cow::Borrowed(path.as_os_str().as_bytes())
}

#[cfg(not(unix))]
fn path_bytes(path: &Path) -> std::borrow::Cow<'_, [u8]> {
    std::borrow::Cow::Owned(path.to_string_lossy().replace('\\', "/").into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_becomes_a_url_that_names_the_same_file() {
        assert_eq!(
            file_url(Path::new("/home/ann/prepcheck/answers/pump.sheet.html")),
            "file:///home/ann/prepcheck/answers/pump.sheet.html"
        );
        // '#' would start a fragment, '%' an escape, '?' a query.
        assert_eq!(
            file_url(Path::new("/tmp/Mom's #1 folder/100% mine?/a b.html")),
            "file:///tmp/Mom%27s%20%231%20folder/100%25%20mine%3F/a%20b.html"
        );
        assert_eq!(
            file_url(Path::new("/tmp/José/día.html")),
            "file:///tmp/Jos%C3%A9/d%C3%ADa.html"
        );
    }

    #[test]
    fn the_url_goes_where_the_browser_command_says() {
        let args = |command: &str| -> Vec<String> {
            let built = with_url(command, "file:///a").expect("a command");
            std::iter::once(built.get_program())
                .chain(built.get_args())
                .map(|a| a.to_string_lossy().into_owned())
                .collect()
        };
        assert_eq!(args("firefox"), ["firefox", "file:///a"]);
        assert_eq!(
            args("chromium --new-window"),
            ["chromium", "--new-window", "file:///a"]
        );
        assert_eq!(args("lynx -dump %s"), ["lynx", "-dump", "file:///a"]);
        assert!(with_url("  ", "file:///a").is_none());
    }
}
