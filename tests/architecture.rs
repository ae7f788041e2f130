//! The shape of the code, checked: which modules are the core and which the shell (the one
//! place that says so), that no core module imports the shell, and that no two top-level
//! modules import each other, directly or through others; nor two files of one module
//! (`sheet/html.rs` and `sheet/render.rs` once did). ARCHITECTURE.md explains the map.
//!
//! Imports are read from the source: every `crate::NAME` path (in `use` lines and in the
//! code), outside unit tests (`tests.rs` files, and what follows a file's `#[cfg(test)]`),
//! which may use anything to set up what they test.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The pure core: the checklist, the answers, the sheet and its renderers, the FHIR export,
/// and the walk's engine. It knows nothing of terminals, files, the clock or the command line.
const CORE: &[&str] = &[
    "advice",
    "answers",
    "catalogue",
    "checklist",
    "diary",
    "entry",
    "fhir",
    "i18n",
    "problem",
    "reading",
    "sheet",
    "text",
    "walk",
];

/// The shell: the command line, the commands, the settings read at start-up, files, signals,
/// the exit codes, and the loader that finds checklists on disk.
const SHELL: &[&str] = &[
    "browser", "cli", "commands", "exit", "files", "loader", "settings", "signals", "store",
];

/// Parts of a core module that belong to the shell: the walk's terminal and line front ends.
const SHELL_PARTS: &[&str] = &["walk::lines", "walk::terminal"];

/// A source file: its module path (`walk::terminal`), and its code outside unit tests.
struct Source {
    module: String,
    code: String,
}

fn sources() -> Vec<Source> {
    let mut found = Vec::new();
    visit(Path::new("src"), &mut found);
    found.sort_by(|a, b| a.module.cmp(&b.module));
    found
}

fn visit(dir: &Path, found: &mut Vec<Source>) {
    for entry in std::fs::read_dir(dir).expect("src").flatten() {
        let path = entry.path();
        if path.is_dir() {
            visit(&path, found);
            continue;
        }
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        if !name.ends_with(".rs") || name == "tests.rs" {
            continue;
        }
        let relative = path.strip_prefix("src").expect("under src");
        let mut parts: Vec<String> = relative
            .with_extension("")
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        if parts.last().is_some_and(|p| p == "mod") {
            parts.pop();
        }
        let text = std::fs::read_to_string(&path).expect("source");
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        found.push(Source {
            module: parts.join("::"),
            code: code.to_string(),
        });
    }
}

/// The module paths a file names: `crate::walk::terminal::confirm` gives `walk::terminal`.
fn imports(code: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        let path: Vec<&str> = rest
            .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
            .next()
            .unwrap_or_default()
            .split("::")
            .take(2)
            .collect();
        match path.as_slice() {
            [first, ..] if first.is_empty() || first.starts_with(char::is_uppercase) => {}
            [first, second] if !second.is_empty() => {
                found.insert(format!("{first}::{second}"));
            }
            [first, ..] => {
                found.insert((*first).to_string());
            }
            [] => {}
        }
    }
    found
}

fn top(module: &str) -> &str {
    module.split("::").next().unwrap_or(module)
}

fn is_shell(module: &str) -> bool {
    SHELL.contains(&top(module)) || SHELL_PARTS.iter().any(|p| module.starts_with(p))
}

#[test]
fn every_module_is_named_core_or_shell() {
    let mut unnamed = BTreeSet::new();
    for source in sources() {
        let name = top(&source.module);
        let root = name == "lib" || name == "main";
        if !root && !CORE.contains(&name) && !SHELL.contains(&name) {
            unnamed.insert(name.to_string());
        }
    }
    assert!(
        unnamed.is_empty(),
        "say in tests/architecture.rs (and ARCHITECTURE.md) whether these are core or shell: {unnamed:?}"
    );
}

#[test]
fn no_core_module_imports_the_shell() {
    let mut wrong = Vec::new();
    for source in sources() {
        if is_shell(&source.module) || !CORE.contains(&top(&source.module)) {
            continue;
        }
        for import in imports(&source.code) {
            if is_shell(&import) {
                wrong.push(format!("{} imports crate::{import}", source.module));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "the core imports the shell:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn no_two_top_level_modules_import_each_other() {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for source in sources() {
        let from = top(&source.module).to_string();
        let targets = graph.entry(from.clone()).or_default();
        for import in imports(&source.code) {
            let to = top(&import).to_string();
            if to != from {
                targets.insert(to);
            }
        }
    }
    let cycles: Vec<String> = graph
        .keys()
        .filter_map(|start| cycle_from(&graph, start))
        .collect();
    assert!(cycles.is_empty(), "import cycles:\n{}", cycles.join("\n"));
}

/// The sibling modules a file names through `super::` (`use super::layout::Layout` in
/// `sheet/html.rs` names `sheet::layout`); what it takes from its parent is not counted.
fn sibling_imports(source: &Source, modules: &BTreeSet<String>) -> BTreeSet<String> {
    let Some((parent, _)) = source.module.rsplit_once("::") else {
        return BTreeSet::new();
    };
    let mut found = BTreeSet::new();
    for (at, _) in source.code.match_indices("super::") {
        let rest = &source.code[at + "super::".len()..];
        let names: Vec<&str> = match rest.strip_prefix('{') {
            Some(list) => list
                .split('}')
                .next()
                .unwrap_or_default()
                .split(',')
                .collect(),
            None => vec![rest],
        };
        for name in names {
            let name = name
                .trim()
                .split(|c: char| !(c.is_alphanumeric() || c == '_'));
            let sibling = format!("{parent}::{}", name.into_iter().next().unwrap_or_default());
            if modules.contains(&sibling) && sibling != source.module {
                found.insert(sibling);
            }
        }
    }
    found
}

#[test]
fn no_two_files_of_a_module_import_each_other() {
    let sources = sources();
    let modules: BTreeSet<String> = sources.iter().map(|s| s.module.clone()).collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for source in &sources {
        let mut targets = sibling_imports(source, &modules);
        // `crate::sheet::layout` from `sheet::html` names a sibling too.
        let parent = source.module.rsplit_once("::").map(|(p, _)| p);
        targets.extend(imports(&source.code).into_iter().filter(|i| {
            parent.is_some_and(|p| i.rsplit_once("::").is_some_and(|(q, _)| q == p))
                && modules.contains(i)
                && *i != source.module
        }));
        graph.insert(source.module.clone(), targets);
    }
    let cycles: Vec<String> = graph
        .keys()
        .filter_map(|start| cycle_from(&graph, start))
        .collect();
    assert!(cycles.is_empty(), "import cycles:\n{}", cycles.join("\n"));
}

/// A path of imports from `start` back to itself, if there is one.
fn cycle_from(graph: &BTreeMap<String, BTreeSet<String>>, start: &str) -> Option<String> {
    let mut stack: Vec<Vec<&str>> = vec![vec![start]];
    let mut seen = BTreeSet::new();
    while let Some(path) = stack.pop() {
        let last = *path.last().unwrap_or(&start);
        for next in graph.get(last).into_iter().flatten() {
            if next == start {
                return Some(format!("{} -> {start}", path.join(" -> ")));
            }
            if seen.insert(next.as_str()) {
                let mut longer = path.clone();
                longer.push(next);
                stack.push(longer);
            }
        }
    }
    None
}

/// The check itself can fail: a made-up core file that names the shell, and two modules
/// that name each other, are caught.
#[test]
fn the_checks_catch_what_they_look_for() {
    let code = "use crate::store::save;\nfn f() { crate::walk::terminal::confirm(\"?\"); }";
    let found = imports(code);
    assert!(found.contains("store::save") && found.contains("walk::terminal"));
    assert!(found.iter().all(|i| is_shell(i)));
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    graph.entry("a".into()).or_default().insert("b".into());
    graph.entry("b".into()).or_default().insert("c".into());
    assert_eq!(cycle_from(&graph, "a"), None);
    graph.entry("c".into()).or_default().insert("a".into());
    assert_eq!(cycle_from(&graph, "a").as_deref(), Some("a -> b -> c -> a"));
    let html = Source {
        module: "sheet::html".into(),
        code: "use super::render::Layout;\nuse super::{Sheet, layout};".into(),
    };
    let modules = ["sheet::html", "sheet::render", "sheet::layout"].map(String::from);
    let found = sibling_imports(&html, &modules.into_iter().collect());
    assert_eq!(
        found.into_iter().collect::<Vec<_>>(),
        ["sheet::layout", "sheet::render"]
    );
}
