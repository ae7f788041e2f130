//! The one loader for checklists and medicine catalogues: the built-in ones embedded from
//! `checklists/`, then those of a clinic's folder, where the same id replaces a built-in.

use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use crate::catalogue::Catalogue;
use crate::checklist::{self, Checklist, Scrutiny, SourceFiles};
use crate::problem::{Problem, Problems};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// A checklist or catalogue file is small; anything bigger is refused before parsing.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// The folder, inside a checklist folder, that holds medicine catalogues.
const CATALOGUE_DIR: &str = "medicines";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    BuiltIn,
    File(PathBuf),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::BuiltIn => f.write_str("built in"),
            Origin::File(path) => write!(f, "{}", path.display()),
        }
    }
}

/// A checklist or a catalogue, and where it came from.
#[derive(Clone)]
pub struct Loaded<T> {
    pub content: T,
    pub origin: Origin,
    /// The built-in with the same id, if this replaced one.
    pub replaces: Option<Box<Loaded<T>>>,
}

/// A file that `check` found fine: its name, a one-line summary, and the checklist it holds
/// (none for a medicine list).
pub struct Checked {
    pub name: String,
    pub summary: String,
    pub checklist: Option<Checklist>,
}

/// Every checklist and catalogue known, and the problems met while loading them (warnings
/// among them only for `check`).
pub struct Library {
    pub checklists: Vec<Loaded<Checklist>>,
    pub catalogues: Vec<Loaded<Rc<Catalogue>>>,
    pub problems: Problems,
    /// `check` reads every file in full; other commands trust what the tests check.
    checking: bool,
}

/// One file to load: its name for messages, its bytes, and where its sources are.
struct Document {
    name: String,
    origin: Origin,
    bytes: Vec<u8>,
}

impl Library {
    /// The built-in checklists, and those of `clinic_dir` when given. With `checking`
    /// (for `check`), every file is checked in full, reading level and hard words too.
    pub fn load(clinic_dir: Option<&Path>, checking: bool) -> Library {
        let mut library = Library {
            checklists: Vec::new(),
            catalogues: Vec::new(),
            problems: Problems::new(),
            checking,
        };
        let built_in_catalogues = built_in(|name| name.starts_with("medicines/"));
        library.add_catalogues(built_in_catalogues);
        let mut checklist_docs = built_in(|name| !name.contains('/') && is_yaml(name));
        if let Some(dir) = clinic_dir {
            match yaml_files(dir) {
                Ok(files) => checklist_docs.extend(library.read_all(files)),
                Err(problem) => library.problems.push(problem),
            }
            library.add_catalogues_of(dir);
        }
        for doc in checklist_docs {
            let Some(checklist) = library.parse_checklist(&doc) else {
                continue;
            };
            let loaded = Loaded {
                content: checklist,
                origin: doc.origin,
                replaces: None,
            };
            insert(
                &mut library.checklists,
                loaded,
                &doc.name,
                &mut library.problems,
            );
        }
        library
    }

    pub fn find(&self, id: &str) -> Option<&Loaded<Checklist>> {
        self.checklists.iter().find(|l| l.content.id == id)
    }

    /// Check files named on the command line: catalogues in a `medicines` folder, checklists
    /// elsewhere. Returns what loaded well; problems go to `self.problems`.
    pub fn check_files(&mut self, paths: &[PathBuf]) -> Vec<Checked> {
        let mut fine = Vec::new();
        // Each file is checked with the built-in lists and those of its own folder, as
        // `--checklists` naming its folder would use it; never with another folder's lists.
        let built_in_catalogues: Vec<Loaded<Rc<Catalogue>>> = self
            .catalogues
            .iter()
            .filter_map(|l| match l.origin {
                Origin::BuiltIn => Some(l.clone()),
                Origin::File(_) => l.replaces.as_deref().cloned(),
            })
            .collect();
        for path in paths {
            self.catalogues.clone_from(&built_in_catalogues);
            let doc = match read_document(path) {
                Ok(doc) => doc,
                Err(problem) => {
                    self.problems.push(problem);
                    continue;
                }
            };
            // Judged from the absolute path: `check bleeding.yaml` inside `medicines/` too.
            let absolute = std::path::absolute(path).unwrap_or_else(|_| path.clone());
            let folder = absolute.parent().unwrap_or(Path::new("/"));
            let in_catalogue_dir = folder.file_name().is_some_and(|n| n == CATALOGUE_DIR);
            if !in_catalogue_dir {
                // Their own problems are reported when they are checked, not here.
                let problems = self.problems.len();
                self.add_catalogues_of(folder);
                self.problems.truncate(problems);
            }
            let checked = if in_catalogue_dir {
                self.parse_catalogue(&doc).map(|c| (c.summary(), None))
            } else {
                self.parse_checklist(&doc).map(|c| (c.summary(), Some(c)))
            };
            if let Some((summary, checklist)) = checked {
                fine.push(Checked {
                    name: doc.name,
                    summary,
                    checklist,
                });
            }
        }
        fine
    }

    /// The catalogues in `dir/medicines`, replacing those with the same id, so that a
    /// checklist is checked with the medicine lists that travel beside it.
    fn add_catalogues_of(&mut self, dir: &Path) {
        if let Ok(files) = yaml_files(&dir.join(CATALOGUE_DIR)) {
            let docs = self.read_all(files);
            self.add_catalogues(docs);
        }
    }

    fn add_catalogues(&mut self, docs: Vec<Document>) {
        for doc in docs {
            if let Some(catalogue) = self.parse_catalogue(&doc) {
                let loaded = Loaded {
                    content: Rc::new(catalogue),
                    origin: doc.origin,
                    replaces: None,
                };
                insert(&mut self.catalogues, loaded, &doc.name, &mut self.problems);
            }
        }
    }

    fn read_all(&mut self, paths: Vec<PathBuf>) -> Vec<Document> {
        let mut docs = Vec::new();
        for path in paths {
            match read_document(&path) {
                Ok(doc) => docs.push(doc),
                Err(problem) => self.problems.push(problem),
            }
        }
        docs
    }

    fn parse_catalogue(&mut self, doc: &Document) -> Option<Catalogue> {
        Catalogue::parse(&doc.name, &doc.bytes)
            .map_err(|problems| self.problems.extend(problems))
            .ok()
    }

    fn parse_checklist(&mut self, doc: &Document) -> Option<Checklist> {
        let sources = Sources {
            origin: &doc.origin,
        };
        let catalogues: Vec<Rc<Catalogue>> = self
            .catalogues
            .iter()
            .map(|l| Rc::clone(&l.content))
            .collect();
        let scrutiny = match (self.checking, &doc.origin) {
            (true, _) => Scrutiny::Full,
            (false, Origin::BuiltIn) => Scrutiny::BuiltIn,
            (false, Origin::File(_)) => Scrutiny::Clinic,
        };
        match checklist::parse(&doc.name, &doc.bytes, &sources, &catalogues, scrutiny) {
            Ok((checklist, warnings)) => {
                self.problems.extend(warnings);
                Some(checklist)
            }
            Err(problems) => {
                self.problems.extend(problems);
                None
            }
        }
    }
}

/// What `insert` needs to know of a checklist or a catalogue.
trait Identified {
    /// "checklist" or "catalogue", for messages.
    const KIND: &'static str;
    fn id(&self) -> &str;
}

impl Identified for Checklist {
    const KIND: &'static str = "checklist";
    fn id(&self) -> &str {
        &self.id
    }
}

impl Identified for Rc<Catalogue> {
    const KIND: &'static str = "catalogue";
    fn id(&self) -> &str {
        &self.id
    }
}

/// Add `new` (read from the file called `name`) to `list`. With the id of a built-in, it
/// replaces it, and the built-in is kept for `list` to show. Two files with one id are a
/// problem: which one is meant cannot be guessed.
fn insert<T: Identified>(
    list: &mut Vec<Loaded<T>>,
    mut new: Loaded<T>,
    name: &str,
    problems: &mut Problems,
) {
    if let Some(at) = list.iter().position(|l| l.content.id() == new.content.id()) {
        match &list[at].origin {
            Origin::BuiltIn => new.replaces = Some(Box::new(list.remove(at))),
            Origin::File(first) => {
                let message = format!(
                    "{kind} id '{id}' is also the id of {first}; each {kind} needs its own id",
                    kind = T::KIND,
                    id = new.content.id(),
                    first = first.display(),
                );
                problems.push(Problem::whole_file(name, message));
                return;
            }
        }
    }
    list.push(new);
}

/// `.yaml` or `.yml`, in any case.
fn is_yaml(name: &str) -> bool {
    let name = name.to_lowercase();
    name.ends_with(".yaml") || name.ends_with(".yml")
}

fn built_in(wanted: impl Fn(&str) -> bool) -> Vec<Document> {
    embedded::FILES
        .iter()
        .filter(|(name, _)| is_yaml(name) && wanted(name))
        .map(|(name, bytes)| Document {
            name: format!("checklists/{name}"),
            origin: Origin::BuiltIn,
            bytes: bytes.to_vec(),
        })
        .collect()
}

/// The entries of a folder named like YAML files, sorted so the order never depends on the
/// disk. Folders, pipes, devices and broken links among them are kept: reading them reports
/// what they are, so nothing a clinic put there is skipped without a word.
fn yaml_files(dir: &Path) -> Result<Vec<PathBuf>, Problem> {
    let name = dir.display().to_string();
    let entries = std::fs::read_dir(dir)
        .map_err(|e| Problem::whole_file(&name, format!("cannot read folder: {e}")))?;
    let mut files = Vec::new();
    for entry in entries {
        let entry =
            entry.map_err(|e| Problem::whole_file(&name, format!("cannot read folder: {e}")))?;
        let path = entry.path();
        if is_yaml(&entry.file_name().to_string_lossy()) {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

fn read_document(path: &Path) -> Result<Document, Problem> {
    let name = path.display().to_string();
    let bytes = read_small_file(path).map_err(|why| Problem::whole_file(&name, why))?;
    Ok(Document {
        name,
        origin: Origin::File(path.to_path_buf()),
        bytes,
    })
}

/// Read a small regular file, refusing folders, devices, pipes (which could block forever)
/// and anything larger than `MAX_FILE_BYTES`.
pub fn read_small_file(path: &Path) -> Result<Vec<u8>, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot read: {e}"))?;
    if meta.is_dir() {
        return Err("is a folder, not a file".into());
    }
    if !meta.is_file() {
        return Err("is not a regular file".into());
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(format!(
            "is too large ({} bytes); the most is {MAX_FILE_BYTES} bytes (1 MiB)",
            meta.len()
        ));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|file| file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| format!("cannot read: {e}"))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err("grew too large while being read".into());
    }
    Ok(bytes)
}

/// Source documents of a checklist, beside it in the binary or on disk. A source path
/// may not leave the checklist's folder.
struct Sources<'a> {
    origin: &'a Origin,
}

impl SourceFiles for Sources<'_> {
    fn read_source(&self, relative: &str) -> Result<String, String> {
        let path = Path::new(relative);
        let stays_inside = path
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
        if !stays_inside {
            return Err("a source path must stay inside the checklist's folder".into());
        }
        let bytes = match self.origin {
            Origin::BuiltIn => embedded::FILES
                .iter()
                .find(|(name, _)| *name == relative)
                .map(|(_, bytes)| bytes.to_vec())
                .ok_or_else(|| "no such built-in file".to_string())?,
            Origin::File(file) => {
                let dir = file.parent().unwrap_or(Path::new("."));
                read_small_file(&dir.join(path))?
            }
        };
        String::from_utf8(bytes).map_err(|_| "it is not UTF-8 text".to_string())
    }
}
