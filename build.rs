//! Embeds every file under `checklists/` (but its README) into the binary, so the built-in
//! checklists, their sources and the medicine catalogues work from any folder. (Their
//! final form, `src/loader/compiled/`, is made by the loader itself: see `loader/compiled.rs`.)
//! And splits each Fluent catalogue (`src/i18n/*.ftl`) into its messages, sorted by id, so
//! that a run parses only the messages it says (`i18n.rs`), not the whole catalogue.

use std::path::Path;
use std::{env, fs};

fn main() {
    let root = Path::new("checklists");
    println!("cargo:rerun-if-changed=checklists");
    let mut files = Vec::new();
    collect(root, root, &mut files);
    files.sort();
    let mut out = String::from("pub static FILES: &[(&str, &[u8])] = &[\n");
    for relative in &files {
        let absolute = fs::canonicalize(root.join(relative)).expect("checklist file");
        out.push_str(&format!(
            "    ({relative:?}, include_bytes!({:?})),\n",
            absolute.display().to_string()
        ));
    }
    out.push_str("];\n");
    let out_dir = env::var("OUT_DIR").expect("OUT_DIR");
    fs::write(Path::new(&out_dir).join("embedded.rs"), out).expect("write embedded.rs");
    for lang in ["en", "es"] {
        let path = format!("src/i18n/{lang}.ftl");
        println!("cargo:rerun-if-changed={path}");
        let catalogue = fs::read_to_string(&path).expect("Fluent catalogue");
        let mut table = String::from("&[\n");
        for (id, entry) in fluent_entries(&catalogue) {
            table.push_str(&format!("    ({id:?}, {entry:?}),\n"));
        }
        table.push_str("]\n");
        fs::write(Path::new(&out_dir).join(format!("{lang}.ftl.rs")), table).expect("write");
    }
}

/// The entries of a Fluent catalogue, each with its id, sorted by id: an entry starts at a
/// line that begins with its id and runs to the next line that begins with anything but a
/// space (its pattern's other lines are indented). Comments are left out.
fn fluent_entries(catalogue: &str) -> Vec<(String, String)> {
    let mut entries: Vec<(String, String)> = Vec::new();
    let mut in_entry = false;
    for line in catalogue.lines() {
        let starts_anew = line.chars().next().is_some_and(|c| !c.is_whitespace());
        if starts_anew {
            in_entry = !line.starts_with('#');
            if in_entry {
                let id = line
                    .split('=')
                    .next()
                    .unwrap_or_default()
                    .trim()
                    .to_string();
                entries.push((id, String::new()));
            }
        }
        if in_entry && let Some((_, entry)) = entries.last_mut() {
            entry.push_str(line);
            entry.push('\n');
        }
    }
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    entries
}

fn collect(root: &Path, dir: &Path, files: &mut Vec<String>) {
    for entry in fs::read_dir(dir).expect("read checklists/").flatten() {
        let path = entry.path();
        println!("cargo:rerun-if-changed={}", path.display());
        if path.is_dir() {
            collect(root, &path, files);
        } else if path.file_name().is_some_and(|n| n != "README.md") {
            let relative = path.strip_prefix(root).expect("under checklists/");
            files.push(relative.to_string_lossy().replace('\\', "/"));
        }
    }
}
