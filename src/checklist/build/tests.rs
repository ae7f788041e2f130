//! What the builder's unit tests share: a checklist file parsed as `check` parses it
//! (`Scrutiny::Full`), with the source of `tests/fixtures/mini` and the built-in medicine
//! list, and the problems it has as `check` writes them.

use std::rc::Rc;

use super::{Scrutiny, SourceFiles, parse};
use crate::catalogue::Catalogue;
use crate::checklist::Checklist;

/// The top of a small checklist whose one source says "Bring your list. Tell us about your
/// heart. Come with a friend."; items follow, indented under `items:`.
pub const HEAD: &str = "id: t
title: A small visit
procedure: Small visit
version: 1
sources:
  - {id: leaflet, title: Small visit leaflet, file: sources/mini.txt}
sections:
  - title: Before the visit
    items:
";

struct Fixtures;

impl SourceFiles for Fixtures {
    fn read_source(&self, relative: &str) -> Result<String, crate::problem::Message> {
        let path = std::path::Path::new("tests/fixtures/mini").join(relative);
        std::fs::read_to_string(path).map_err(|e| e.to_string().into())
    }
}

/// The checklist in `yaml`, or every problem found, warnings too, as `check` writes them.
pub fn parsed(yaml: &str) -> Result<(Checklist, Vec<String>), Vec<String>> {
    let catalogue = Catalogue::parse(
        "bleeding.yaml",
        include_bytes!("../../../checklists/medicines/bleeding.yaml"),
    )
    .expect("the built-in catalogue");
    let lines = |problems: Vec<crate::problem::Problem>| {
        problems.iter().map(ToString::to_string).collect::<Vec<_>>()
    };
    parse(
        "t.yaml",
        yaml.as_bytes(),
        &Fixtures,
        &[Rc::new(catalogue)],
        Scrutiny::Full,
    )
    .map(|(checklist, warnings)| (checklist, lines(warnings)))
    .map_err(lines)
}

/// The problems of the checklist `HEAD` and these items make: none when it is fine.
pub fn problems_of(items: &str) -> Vec<String> {
    match parsed(&format!("{HEAD}{items}")) {
        Ok((_, warnings)) => warnings,
        Err(problems) => problems,
    }
}

/// Whether one of `problems` holds `part`, said with all of them when not.
#[track_caller]
pub fn assert_has(problems: &[String], part: &str) {
    assert!(
        problems.iter().any(|p| p.contains(part)),
        "no problem says {part:?}:\n{}",
        problems.join("\n")
    );
}
