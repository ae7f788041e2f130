//! Embeds every file under `checklists/` (but its README) into the binary, so the built-in
//! checklists, their sources and the medicine catalogues work from any folder.

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
    let target = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("embedded.rs");
    fs::write(target, out).expect("write embedded.rs");
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
