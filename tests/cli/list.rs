//! `prepcheck list`: the checklists there are, where each comes from, and which built-in a
//! clinic's folder replaces. Lines are tab-separated: id, title, version, origin.

use std::path::Path;
use std::time::Duration;

use crate::common::{Run, copy_folder, folder, root, run, run_within, write};

const PUMP_BUILT_IN: &str =
    "intrathecal-pump\tGetting ready for your pain pump trial or implant\tversion 4\tbuilt in";

/// A clinic folder whose `intrathecal-pump.yaml` has the built-in's id, with its own source.
const OVERRIDE: &str = "tests/fixtures/override";
const OVERRIDE_ROW: &str = "intrathecal-pump\tOur clinic's pump checklist\tversion 3\t\
                            tests/fixtures/override/intrathecal-pump.yaml";

fn list_with_env(dir: &Path) -> Run {
    run_within(Duration::from_secs(30), ["list"], |c| {
        c.env("PREPCHECK_CHECKLISTS", dir);
    })
}

fn rows_of<'a>(outcome: &'a Run, id: &str) -> Vec<&'a str> {
    let start = format!("{id}\t");
    outcome
        .lines()
        .into_iter()
        .filter(|l| l.starts_with(&start))
        .collect()
}

#[test]
fn list_shows_the_built_in_checklist_and_catalogue() {
    let outcome = run(["list"]);
    assert_eq!(outcome.code, Some(0), "{outcome:?}");
    assert_eq!(outcome.stderr, "");
    assert_eq!(rows_of(&outcome, "intrathecal-pump"), [PUMP_BUILT_IN]);
    assert_eq!(
        rows_of(&outcome, "medicines/bleeding"),
        [CATALOGUE_BUILT_IN]
    );
}

const CATALOGUE_BUILT_IN: &str =
    "medicines/bleeding\tMedicines that affect bleeding\tversion 3, 58 medicines\tbuilt in";

/// A clinic's own medicine list, in `medicines/` of its folder, is the one in use; the
/// built-in is shown as overridden, by its own title. `check` reports the clinic's file.
#[test]
fn a_clinic_catalogue_overrides_the_built_in_one() {
    let built_in = std::fs::read_to_string(root("checklists/medicines/bleeding.yaml"))
        .expect("built-in catalogue");
    let clinic = built_in.replace(
        "title: Medicines that affect bleeding",
        "title: Our clinic's list",
    );
    assert_ne!(clinic, built_in, "the fixture changes the title");
    let dir = folder(&[("medicines/bleeding.yaml", clinic.as_bytes())]);
    let path = dir.path().join("medicines/bleeding.yaml");

    let outcome = list_with_env(dir.path());
    assert_eq!(outcome.code, Some(0), "{outcome:?}");
    assert_eq!(
        rows_of(&outcome, "medicines/bleeding"),
        [
            format!(
                "medicines/bleeding\tOur clinic's list\tversion 3, 58 medicines\t{}",
                path.display()
            ),
            "medicines/bleeding\tMedicines that affect bleeding\tversion 3, 58 medicines\t\
             (built in, overridden)"
                .to_string(),
        ]
    );

    let checked = run_within(Duration::from_secs(30), ["check"], |c| {
        c.env("PREPCHECK_CHECKLISTS", dir.path());
    });
    assert_eq!(checked.code, Some(0), "{checked:?}");
    assert!(
        checked.lines().contains(
            &format!("ok: {}: catalogue 'bleeding', 58 medicines", path.display()).as_str()
        ),
        "{checked:?}"
    );
}

/// By flag and by environment: the folder's file is the one in use, and the built-in is
/// shown as overridden, not as a second checklist in use.
#[test]
fn a_clinic_file_with_the_same_id_overrides_the_built_in() {
    let by_flag = run(["list", "--checklists", OVERRIDE]);
    let by_env = list_with_env(Path::new(OVERRIDE));
    let global_flag_first = run(["--checklists", OVERRIDE, "list"]);
    for outcome in [by_flag, by_env, global_flag_first] {
        assert_eq!(outcome.code, Some(0), "{outcome:?}");
        assert_eq!(outcome.stderr, "");
        let rows = rows_of(&outcome, "intrathecal-pump");
        assert_eq!(rows.len(), 2, "{rows:?}");
        assert_eq!(rows[0], OVERRIDE_ROW);
        assert!(rows[1].ends_with("\t(built in, overridden)"), "{rows:?}");
        assert!(!rows.contains(&PUMP_BUILT_IN), "{rows:?}");
    }
}

/// The flag wins over the environment.
#[test]
fn the_flag_wins_over_the_environment() {
    let empty = tempfile::tempdir().expect("temp dir");
    let outcome = run_within(
        Duration::from_secs(30),
        ["list", "--checklists", OVERRIDE],
        |c| {
            c.env("PREPCHECK_CHECKLISTS", empty.path());
        },
    );
    assert_eq!(outcome.code, Some(0), "{outcome:?}");
    assert_eq!(rows_of(&outcome, "intrathecal-pump")[0], OVERRIDE_ROW);
}

/// A clinic file with a new id is listed beside the built-in, which stays in use.
#[test]
fn a_clinic_file_with_a_new_id_is_added() {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_folder(&root(OVERRIDE), dir.path());
    let text = std::fs::read_to_string(dir.path().join("intrathecal-pump.yaml"))
        .expect("fixture")
        .replace("id: intrathecal-pump", "id: pump-refill")
        .replace(
            "title: Our clinic's pump checklist",
            "title: Getting ready for a refill",
        );
    std::fs::remove_file(dir.path().join("intrathecal-pump.yaml")).expect("remove");
    write(&dir.path().join("refill.yaml"), text.as_bytes());
    let outcome = list_with_env(dir.path());
    assert_eq!(outcome.code, Some(0), "{outcome:?}");
    assert_eq!(rows_of(&outcome, "intrathecal-pump"), [PUMP_BUILT_IN]);
    assert_eq!(
        rows_of(&outcome, "pump-refill"),
        [format!(
            "pump-refill\tGetting ready for a refill\tversion 3\t{}",
            dir.path().join("refill.yaml").display()
        )]
    );
}

/// A broken file in the clinic folder: the list is shown, then the problem, exit 1.
#[test]
fn a_broken_clinic_file_is_named_and_fails_the_list() {
    let broken = std::fs::read(root("tests/fixtures/broken/unknown-kind.yaml")).expect("fixture");
    let leaflet = std::fs::read(root("tests/fixtures/broken/sources/leaflet.txt")).expect("src");
    let dir = folder(&[
        ("unknown-kind.yaml", &broken),
        ("sources/leaflet.txt", &leaflet),
    ]);
    let outcome = list_with_env(dir.path());
    assert_eq!(outcome.code, Some(1), "{outcome:?}");
    assert_eq!(rows_of(&outcome, "intrathecal-pump"), [PUMP_BUILT_IN]);
    // Where the problem is, and what to do, are ours; the YAML library words the problem.
    let (problem, what_to_do) = outcome.stderr.split_once('\n').expect("two lines");
    let at = format!("{}:15:15: ", dir.path().join("unknown-kind.yaml").display());
    assert!(
        problem.starts_with(&at) && problem.contains("`yesno`"),
        "{problem}"
    );
    assert_eq!(
        what_to_do,
        "Run `prepcheck check` for details once these are fixed.\n"
    );
}

#[test]
fn a_missing_clinic_folder_fails_the_list() {
    let outcome = run(["list", "--checklists", "tests/fixtures/no-such-folder"]);
    assert_eq!(outcome.code, Some(1), "{outcome:?}");
    assert!(
        outcome
            .stderr
            .starts_with("tests/fixtures/no-such-folder: cannot read folder: "),
        "{outcome:?}"
    );
}

/// Only regular `.yaml` files in the folder are read: a named pipe (which would block a
/// reader forever), a folder named like a checklist and a text file are passed over, and
/// the list ends at once.
#[cfg(unix)]
#[test]
fn odd_entries_in_the_clinic_folder_are_named_without_hanging_the_list() {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_folder(&root(OVERRIDE), dir.path());
    let made = std::process::Command::new("mkfifo")
        .arg(dir.path().join("pipe.yaml"))
        .status()
        .expect("run mkfifo");
    assert!(made.success());
    write(&dir.path().join("folder.yaml/inner.yaml"), b"not: read");
    write(&dir.path().join("notes.txt"), b"not: a checklist");
    #[cfg(unix)]
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.yaml")).expect("symlink");
    let outcome = run_within(Duration::from_secs(5), ["list"], |c| {
        c.env("PREPCHECK_CHECKLISTS", dir.path());
    });
    assert_eq!(
        outcome.code,
        Some(1),
        "{outcome:?} after {:?}",
        outcome.took
    );
    for (entry, why) in [
        ("pipe.yaml", "is not a regular file"),
        ("folder.yaml", "is a folder, not a file"),
        ("zero.yaml", "is not a regular file"),
    ] {
        let line = format!("{}: {why}", dir.path().join(entry).display());
        assert!(outcome.stderr.contains(&line), "{line}: {outcome:?}");
    }
    let in_use = format!(
        "intrathecal-pump\tOur clinic's pump checklist\tversion 3\t{}",
        dir.path().join("intrathecal-pump.yaml").display()
    );
    assert_eq!(rows_of(&outcome, "intrathecal-pump")[0], in_use);
}

/// A clinic file that is a link to an unreadable file is named, not skipped.
#[cfg(target_os = "linux")]
#[test]
fn an_unreadable_clinic_file_is_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    let link = dir.path().join("mem.yaml");
    std::os::unix::fs::symlink("/proc/self/mem", &link).expect("symlink");
    let outcome = run_within(Duration::from_secs(5), ["list"], |c| {
        c.env("PREPCHECK_CHECKLISTS", dir.path());
    });
    assert_eq!(outcome.code, Some(1), "{outcome:?}");
    assert!(
        outcome
            .stderr
            .starts_with(&format!("{}: cannot read: ", link.display())),
        "{outcome:?}"
    );
}

// Found while writing these tests, and fixed in `src/`.

/// The overridden row is the built-in's: its title, not the clinic file's.
#[test]
fn the_overridden_row_shows_the_built_in_title() {
    let outcome = run(["list", "--checklists", OVERRIDE]);
    let rows = rows_of(&outcome, "intrathecal-pump");
    assert_eq!(
        rows[1],
        "intrathecal-pump\tGetting ready for your pain pump trial or implant\tversion 4\t(built in, overridden)"
    );
}

/// Two clinic files with the same id: one silently replaces the other (by file name order),
/// and the built-in is no longer shown as overridden. It must be a problem naming both, for
/// checklists and for medicine lists alike.
#[test]
fn two_clinic_files_with_one_id_are_a_problem() {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_folder(&root(OVERRIDE), dir.path());
    let catalogue = std::fs::read(root("checklists/medicines/bleeding.yaml")).expect("list");
    write(&dir.path().join("medicines/a.yaml"), &catalogue);
    let pairs = [
        (
            "intrathecal-pump.yaml",
            "second.yaml",
            "checklist",
            "intrathecal-pump",
        ),
        (
            "medicines/a.yaml",
            "medicines/b.yaml",
            "catalogue",
            "bleeding",
        ),
    ];
    for (first, copy, _, _) in pairs {
        std::fs::copy(dir.path().join(first), dir.path().join(copy)).expect("copy");
    }
    let outcome = list_with_env(dir.path());
    assert_eq!(outcome.code, Some(1), "{outcome:?}");
    for (first, copy, kind, id) in pairs {
        let line = format!(
            "{}: {kind} id '{id}' is also the id of {}; each {kind} needs its own id",
            dir.path().join(copy).display(),
            dir.path().join(first).display(),
        );
        assert!(outcome.stderr.contains(&line), "{line}\n{outcome:?}");
    }
}
