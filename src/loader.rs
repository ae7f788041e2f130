//! The one loader for checklists and medicine catalogues: the built-in ones embedded from
//! `checklists/`, then those of a clinic's folder, where the same id replaces a built-in;
//! and the translations of each. Files are read through `files.rs`; what `check` does with
//! the files named on its command line is in `commands/check.rs`.

use std::borrow::Cow;
use std::fmt;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use crate::advice::{Detector, Vocabulary};
use crate::catalogue::{Catalogue, CatalogueTranslation};
use crate::checklist::{self, Checklist, Kind, Scrutiny, SourceFiles, Translation};
use crate::files::{FileError, is_yaml, read_small_file};
use crate::i18n::Lang;
use crate::problem::{Message, Problem, Problems};

mod compiled;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// The folder, inside a checklist folder, that holds medicine catalogues.
pub const CATALOGUE_DIR: &str = "medicines";

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

/// A translation file: what it translates, into which language, and what reading it found.
pub struct TranslationFile {
    pub origin: Origin,
    pub lang: Lang,
    /// The checklist id it translates, or `medicines/ID` for a medicine list.
    pub of: String,
    pub read: Result<TranslationSummary, Problems>,
}

/// A translation read well: its title, who has checked it, and how many texts it gives.
pub struct TranslationSummary {
    pub title: String,
    pub status: Option<String>,
    pub texts: usize,
    /// "12 of 88 Spanish texts need translating: run ...", when some are left in English.
    pub needs_translating: Option<Problem>,
    /// Where each text left in English is, as warnings.
    pub warnings: Problems,
}

impl TranslationSummary {
    fn of(translation: &Translation, doc: &Document, of: &str) -> Self {
        let title = translation.texts().find(|(key, _)| *key == "title");
        TranslationSummary {
            title: title.map(|(_, text)| text.to_string()).unwrap_or_default(),
            status: translation.status.clone(),
            texts: translation.texts().count(),
            needs_translating: needs_translating(translation, doc, of),
            warnings: translation.warnings.clone(),
        }
    }
}

/// "12 of 88 Spanish texts need translating: run `prepcheck ... translate ...`", a warning on
/// the translation file, with the command that brings it up to date.
pub fn needs_translating(translation: &Translation, doc: &Document, of: &str) -> Option<Problem> {
    if translation.untranslated == 0 {
        return None;
    }
    let lang = translation_lang(&doc.name).unwrap_or_default().code();
    let command = match &doc.origin {
        Origin::BuiltIn => format!("prepcheck --lang {lang} translate {of}"),
        Origin::File(path) => {
            let dir = crate::store::folder_of(path).display();
            format!(
                "prepcheck --checklists {dir} --lang {lang} translate {of} --update {} > new.{lang}.yaml",
                path.display()
            )
        }
    };
    let message = Message::new("translation-needs")
        .number("count", translation.untranslated)
        .number("total", translation.total)
        .text("lang", lang)
        .text("command", command)
        .text("file", doc.name.as_str());
    Some(Problem::warning_at(&doc.name, 0, 0, message))
}

impl TranslationFile {
    fn of(doc: &Document, of: String, read: Result<TranslationSummary, Problems>) -> Self {
        TranslationFile {
            origin: doc.origin.clone(),
            lang: translation_lang(&doc.name).unwrap_or_default(),
            of,
            read,
        }
    }
}

/// Every checklist and catalogue known, and the problems met while loading them (warnings
/// among them only for `check`).
pub struct Library {
    pub checklists: Vec<Loaded<Rc<Checklist>>>,
    pub catalogues: Vec<Loaded<Rc<Catalogue>>>,
    /// Translation files of checklists and of medicine lists, read when a language is asked
    /// for (and all of them by `check`).
    translations: Vec<Document>,
    catalogue_translations: Vec<Document>,
    pub problems: Problems,
    /// `check` reads every file in full; other commands trust what the tests check.
    checking: bool,
    /// The built-in checklists came from their compiled form (`compiled.rs`): so do their
    /// translations.
    compiled: bool,
}

/// Where the built-in checklists and lists are read from: their YAML (for `check`, and
/// to make the compiled form), or the compiled form (every other command).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    Yaml,
    Compiled,
}

/// One file to load: its name for messages, its bytes, and where its sources are.
pub struct Document {
    pub name: String,
    pub origin: Origin,
    /// A built-in file's bytes are the binary's own, not copied.
    pub bytes: Cow<'static, [u8]>,
}

impl Library {
    /// The built-in checklists, and those of `clinic_dir` when given. With `checking`
    /// (for `check`), every file is checked in full, reading level and hard words too.
    pub fn load(clinic_dir: Option<&Path>, checking: bool) -> Library {
        let source = if checking {
            Source::Yaml
        } else {
            Source::Compiled
        };
        Library::load_from(clinic_dir, checking, source)
    }

    fn load_from(clinic_dir: Option<&Path>, checking: bool, source: Source) -> Library {
        let mut library = Library {
            checklists: Vec::new(),
            catalogues: Vec::new(),
            translations: Vec::new(),
            catalogue_translations: Vec::new(),
            problems: Problems::new(),
            checking,
            compiled: false,
        };
        let built_in_catalogues = built_in(|name| name.starts_with("medicines/"));
        let compiled = match source {
            Source::Compiled => library.add_compiled(built_in_catalogues),
            Source::Yaml => {
                library.add_catalogues(built_in_catalogues);
                None
            }
        };
        let mut checklist_docs = built_in(|name| !name.contains('/') && is_yaml(name));
        if let Some(dir) = clinic_dir {
            match yaml_files(dir) {
                Ok(files) => checklist_docs.extend(library.read_all(files)),
                Err(problem) => library.problems.push(problem),
            }
            library.add_catalogues_of(dir);
        }
        let (translations, mut checklist_docs): (Vec<Document>, Vec<Document>) = checklist_docs
            .into_iter()
            .partition(|doc| translation_lang(&doc.name).is_some());
        library.translations.extend(translations);
        if let Some(built_ins) = compiled {
            library.add_compiled_checklists(built_ins, &mut checklist_docs);
        }
        for doc in checklist_docs {
            let Some(checklist) = library.parse_checklist(&doc) else {
                continue;
            };
            let loaded = Loaded {
                content: Rc::new(checklist),
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

    pub fn find(&self, id: &str) -> Option<&Loaded<Rc<Checklist>>> {
        self.checklists.iter().find(|l| l.content.id == id)
    }

    /// The checklist `id` in `lang`, with its medicine lists: translated when a translation
    /// is there (a problem in it is reported), else as it is, in English.
    ///
    /// With it, how many of its texts a translation leaves in English (all of them when
    /// there is none).
    pub fn checklist_in(
        &self,
        id: &str,
        lang: Lang,
    ) -> Result<Option<(Rc<Checklist>, usize)>, Problems> {
        let Some(loaded) = self.find(id) else {
            return Ok(None);
        };
        let checklist = &loaded.content;
        if lang == Lang::En {
            // Shared, not copied: a sheet reads it and never changes it.
            return Ok(Some((Rc::clone(checklist), 0)));
        }
        if self.compiled
            && loaded.origin == Origin::BuiltIn
            && let Some(translated) = self.compiled_translation(id, lang)
        {
            // A built-in translation is complete: `check` of the built-in files holds it to that.
            return Ok(Some((Rc::new(translated), 0)));
        }
        let Some(translation) = self.translation_of(loaded, lang).transpose()? else {
            return Ok(Some((Rc::clone(checklist), checklist.texts().len())));
        };
        let mut translated = checklist.translated(&translation);
        let mut done: Vec<(String, Rc<Catalogue>)> = Vec::new();
        for item in translated.sections.iter_mut().flat_map(|s| &mut s.items) {
            let Kind::Medicines(list) = &mut item.kind else {
                continue;
            };
            if let Some((_, catalogue)) = done.iter().find(|(id, _)| *id == list.catalogue.id) {
                list.catalogue = Rc::clone(catalogue);
            } else if let Some(names) = self.catalogue_translation_of(&list.catalogue, lang)? {
                let catalogue = Rc::new(list.catalogue.translated(&names));
                done.push((list.catalogue.id.clone(), Rc::clone(&catalogue)));
                list.catalogue = catalogue;
            }
        }
        Ok(Some((Rc::new(translated), translation.untranslated)))
    }

    /// The built-in checklist `id` in `lang` from the compiled form, if a file translates it.
    fn compiled_translation(&self, id: &str, lang: Lang) -> Option<Checklist> {
        let english: Vec<Rc<Catalogue>> = self
            .catalogues
            .iter()
            .map(|l| Rc::clone(&l.content))
            .collect();
        let with_names =
            |c: &mut Catalogue| add_names(c, &Origin::BuiltIn, &self.catalogue_translations);
        let (_, checklists) = compiled::read(lang, with_names, &english)?;
        checklists.into_iter().find(|c| c.id == id)
    }

    /// The built-in lists from their compiled form, each given the names of its translation
    /// files; and the built-in checklists, linked to them. `None` (the lists then read from
    /// `docs`) if the compiled form cannot be read.
    fn add_compiled(&mut self, docs: Vec<Document>) -> Option<Vec<Checklist>> {
        let (translations, docs): (Vec<Document>, Vec<Document>) = docs
            .into_iter()
            .partition(|doc| translation_lang(&doc.name).is_some());
        let with_names = |c: &mut Catalogue| add_names(c, &Origin::BuiltIn, &translations);
        let Some((catalogues, checklists)) = compiled::read(Lang::En, with_names, &[]) else {
            self.add_catalogues(docs.into_iter().chain(translations).collect());
            return None;
        };
        for catalogue in catalogues {
            let name = format!("checklists/{CATALOGUE_DIR}/{}.yaml", catalogue.id);
            let loaded = Loaded {
                content: catalogue,
                origin: Origin::BuiltIn,
                replaces: None,
            };
            insert(&mut self.catalogues, loaded, &name, &mut self.problems);
        }
        self.catalogue_translations.extend(translations);
        Some(checklists)
    }

    /// The built-in checklists from their compiled form, in place of their `docs`; unless a
    /// clinic's list replaces a built-in one: the built-in checklists then use it, as their
    /// YAML is read with the lists known.
    fn add_compiled_checklists(&mut self, built_ins: Vec<Checklist>, docs: &mut Vec<Document>) {
        if self.catalogues.iter().any(|l| l.replaces.is_some()) {
            return;
        }
        self.compiled = true;
        docs.retain(|doc| doc.origin != Origin::BuiltIn);
        for checklist in built_ins {
            let name = format!("checklists/{}.yaml", checklist.id);
            let loaded = Loaded {
                content: Rc::new(checklist),
                origin: Origin::BuiltIn,
                replaces: None,
            };
            insert(&mut self.checklists, loaded, &name, &mut self.problems);
        }
    }

    /// The translation of the checklist in use into `lang`, if a file gives one. A
    /// translation belongs with the file it translates: the built-in ones translate the
    /// built-in checklists, not a clinic's checklist that replaces one.
    fn translation_of(
        &self,
        checklist: &Loaded<Rc<Checklist>>,
        lang: Lang,
    ) -> Option<Result<Translation, Problems>> {
        let doc = self.translations.iter().find(|doc| {
            translation_lang(&doc.name) == Some(lang)
                && translates(doc) == checklist.content.id
                && same_kind(&doc.origin, &checklist.origin)
        })?;
        // A clinic's words are held to the rules as its checklist is, even when not checking.
        let detector =
            (self.checking || matches!(doc.origin, Origin::File(_))).then(|| self.detector(lang));
        Some(Translation::parse(
            &doc.name,
            &doc.bytes,
            &checklist.content,
            detector.as_ref(),
        ))
    }

    /// The medication-advice detector for texts in `lang`: it knows every medicine of the
    /// lists in use by its names in every language the lists have.
    pub fn detector(&self, lang: Lang) -> Detector {
        let catalogues: Vec<Catalogue> = self
            .catalogues
            .iter()
            .map(
                |loaded| match self.catalogue_translation_of(&loaded.content, lang) {
                    Ok(Some(names)) => loaded.content.translated(&names),
                    _ => (*loaded.content).clone(),
                },
            )
            .collect();
        let names = catalogues
            .iter()
            .flat_map(|c| c.medicines.iter().flat_map(move |m| c.names_of(m)));
        Vocabulary::for_lang(lang).detector(names)
    }

    /// The translation of a medicine list into `lang`, if a file gives one.
    fn catalogue_translation_of(
        &self,
        catalogue: &Catalogue,
        lang: Lang,
    ) -> Result<Option<CatalogueTranslation>, Problems> {
        let in_use = self
            .catalogues
            .iter()
            .find(|l| l.content.id == catalogue.id);
        let Some(doc) = self.catalogue_translations.iter().find(|doc| {
            translation_lang(&doc.name) == Some(lang)
                && translates(doc) == catalogue.id
                && in_use.is_some_and(|l| same_kind(&doc.origin, &l.origin))
        }) else {
            return Ok(None);
        };
        CatalogueTranslation::parse(&doc.name, &doc.bytes, catalogue).map(Some)
    }

    /// Every translation file known, each checked against what it translates: for `check`
    /// and `list`.
    pub fn translations(&self) -> Vec<TranslationFile> {
        let mut all = Vec::new();
        for doc in &self.translations {
            let of = translates(doc);
            let lang = translation_lang(&doc.name).unwrap_or_default();
            let detector = self.checking.then(|| self.detector(lang));
            let target = match self.find(&of) {
                // A translation of a built-in that a clinic's checklist replaces is not used.
                Some(loaded) if !same_kind(&loaded.origin, &doc.origin) => continue,
                found => found.map(|l| &l.content),
            };
            let read = match target {
                Some(checklist) => {
                    Translation::parse(&doc.name, &doc.bytes, checklist, detector.as_ref())
                        .map(|t| TranslationSummary::of(&t, doc, &of))
                }
                None => Err(vec![Problem::whole_file(
                    &doc.name,
                    translates_missing("checklist", &of),
                )]),
            };
            all.push(TranslationFile::of(doc, of, read));
        }
        for doc in &self.catalogue_translations {
            let of = translates(doc);
            let target = match self.catalogues.iter().find(|l| l.content.id == of) {
                Some(loaded) if !same_kind(&loaded.origin, &doc.origin) => continue,
                found => found.map(|l| &l.content),
            };
            let read = match target {
                Some(catalogue) => CatalogueTranslation::parse(&doc.name, &doc.bytes, catalogue)
                    .map(|t| TranslationSummary {
                        title: t.title,
                        status: None,
                        texts: catalogue.medicines.len(),
                        needs_translating: None,
                        warnings: Problems::new(),
                    }),
                None => Err(vec![Problem::whole_file(
                    &doc.name,
                    translates_missing("list", &of),
                )]),
            };
            all.push(TranslationFile::of(doc, format!("medicines/{of}"), read));
        }
        all
    }

    /// The catalogues in `dir/medicines`, replacing those with the same id, so that a
    /// checklist is checked with the medicine lists that travel beside it.
    pub fn add_catalogues_of(&mut self, dir: &Path) {
        if let Ok(files) = yaml_files(&dir.join(CATALOGUE_DIR)) {
            let docs = self.read_all(files);
            self.add_catalogues(docs);
        }
    }

    fn add_catalogues(&mut self, docs: Vec<Document>) {
        let (translations, docs): (Vec<Document>, Vec<Document>) = docs
            .into_iter()
            .partition(|doc| translation_lang(&doc.name).is_some());
        for doc in docs {
            if let Some(mut catalogue) = self.parse_catalogue(&doc) {
                add_names(&mut catalogue, &doc.origin, &translations);
                let loaded = Loaded {
                    content: Rc::new(catalogue),
                    origin: doc.origin,
                    replaces: None,
                };
                insert(&mut self.catalogues, loaded, &doc.name, &mut self.problems);
            }
        }
        self.catalogue_translations.extend(translations);
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

    /// The medicine list in `doc`; its problems go to `self.problems`.
    pub fn parse_catalogue(&mut self, doc: &Document) -> Option<Catalogue> {
        Catalogue::parse(&doc.name, &doc.bytes)
            .map_err(|problems| self.problems.extend(problems))
            .ok()
    }

    /// The checklist in `doc`, checked with the medicine lists known; its problems and
    /// warnings go to `self.problems`.
    pub fn parse_checklist(&mut self, doc: &Document) -> Option<Checklist> {
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

/// Why a file could not be read, as `check` says it after the file's name.
fn file_problem(why: &FileError) -> Message {
    let message = Message::new("check-file");
    match why {
        FileError::Io(e) => message.text("kind", "io").text("why", e.to_string()),
        FileError::Folder => message.text("kind", "folder"),
        FileError::NotRegular => message.text("kind", "not-regular"),
        FileError::TooLarge(size) => message
            .text("kind", "too-large")
            .text("size", size.to_string())
            .text("most", crate::files::MAX_FILE_BYTES.to_string()),
        FileError::Grew => message.text("kind", "grew"),
    }
}

/// "it translates checklist 'X', which is not there": `what` is `checklist` or `list`.
pub fn translates_missing(what: &str, of: &str) -> Message {
    Message::new("check-translates-missing")
        .text("what", what)
        .text("of", of)
}

/// What `insert` needs to know of a checklist or a catalogue.
trait Identified {
    /// "checklist" or "catalogue", for messages.
    const KIND: &'static str;
    fn id(&self) -> &str;
}

impl Identified for Rc<Checklist> {
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
                let message = Message::new("check-same-id")
                    .text("kind", T::KIND)
                    .text("id", new.content.id())
                    .text("first", first.display().to_string());
                problems.push(Problem::whole_file(name, message));
                return;
            }
        }
    }
    list.push(new);
}

/// Every name of every language is recognised in every language (read when a name is first
/// typed): `catalogue` (from `origin`) is given the translation files of lists from the same
/// kind of place. A file that translates another list, or has problems, gives none; its
/// problems are reported when it is checked or used.
fn add_names(catalogue: &mut Catalogue, origin: &Origin, translations: &[Document]) {
    for file in translations.iter().filter(|t| same_kind(&t.origin, origin)) {
        catalogue.recognise_names_in(&file.name, file.bytes.clone());
    }
}

/// Whether a translation and a file are both built in, or both a clinic's.
fn same_kind(a: &Origin, b: &Origin) -> bool {
    matches!(a, Origin::BuiltIn) == matches!(b, Origin::BuiltIn)
}

/// The language of a translation file: `NAME.es.yaml` is a Spanish translation.
pub fn translation_lang(name: &str) -> Option<Lang> {
    let stem = Path::new(name).file_stem()?.to_string_lossy().into_owned();
    let (_, code) = stem.rsplit_once('.')?;
    Lang::from_code(code).filter(|lang| *lang != Lang::En && code.len() == 2)
}

/// What a translation file says it translates (`translation-of`), read on its own.
pub fn translates(doc: &Document) -> String {
    #[derive(serde::Deserialize)]
    #[serde(rename_all = "kebab-case")]
    struct Header {
        translation_of: String,
    }
    serde_saphyr::from_slice::<Header>(&doc.bytes)
        .map(|h| h.translation_of)
        .unwrap_or_default()
}

fn built_in(wanted: impl Fn(&str) -> bool) -> Vec<Document> {
    embedded::FILES
        .iter()
        .filter(|(name, _)| is_yaml(name) && wanted(name))
        .map(|(name, bytes)| Document {
            name: format!("checklists/{name}"),
            origin: Origin::BuiltIn,
            bytes: Cow::Borrowed(*bytes),
        })
        .collect()
}

/// The YAML files of a folder (`files::yaml_files`), or the problem of reading it.
fn yaml_files(dir: &Path) -> Result<Vec<PathBuf>, Problem> {
    crate::files::yaml_files(dir).map_err(|e| {
        let message = Message::new("check-cannot-read-folder").text("why", e.to_string());
        Problem::whole_file(&dir.display().to_string(), message)
    })
}

/// A file named on the command line or found in a folder, read whole.
pub fn read_document(path: &Path) -> Result<Document, Problem> {
    let name = path.display().to_string();
    let bytes =
        read_small_file(path).map_err(|why| Problem::whole_file(&name, file_problem(&why)))?;
    Ok(Document {
        name,
        origin: Origin::File(path.to_path_buf()),
        bytes: Cow::Owned(bytes),
    })
}

/// Source documents of a checklist, beside it in the binary or on disk. A source path
/// may not leave the checklist's folder.
struct Sources<'a> {
    origin: &'a Origin,
}

impl SourceFiles for Sources<'_> {
    fn read_source(&self, relative: &str) -> Result<String, Message> {
        let path = Path::new(relative);
        let stays_inside = path
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
        let source = |kind: &str| Message::new("check-source-file").text("kind", kind);
        if !stays_inside {
            return Err(source("outside"));
        }
        let bytes = match self.origin {
            Origin::BuiltIn => embedded::FILES
                .iter()
                .find(|(name, _)| *name == relative)
                .map(|(_, bytes)| bytes.to_vec())
                .ok_or_else(|| source("no-built-in"))?,
            Origin::File(file) => {
                let dir = file.parent().unwrap_or(Path::new("."));
                read_small_file(&dir.join(path)).map_err(|why| file_problem(&why))?
            }
        };
        String::from_utf8(bytes).map_err(|_| source("not-utf8"))
    }
}

/// A built-in file, by its path inside a checklist folder, for `prepcheck copy`.
pub struct BuiltInFile {
    pub name: String,
    /// The language of a translation file.
    pub lang: Option<Lang>,
    pub bytes: &'static [u8],
}

/// The ids of the built-in checklists.
pub fn built_in_checklist_ids() -> Vec<String> {
    let checklists = built_in(|name| !name.contains('/') && translation_lang(name).is_none());
    let mut ids: Vec<String> = checklists
        .iter()
        .filter_map(|doc| checklist_id(&doc.bytes))
        .collect();
    ids.sort();
    ids
}

/// The built-in checklist `id` and what a clinic's copy of it needs: its translations, the
/// source files it names, and every medicine list with its translations.
pub fn built_in_checklist_files(id: &str) -> Option<Vec<BuiltInFile>> {
    let file = |(name, bytes): &(&str, &'static [u8])| BuiltInFile {
        name: (*name).to_string(),
        lang: translation_lang(name),
        bytes,
    };
    let (checklist_name, checklist_bytes) = embedded::FILES.iter().find(|(name, bytes)| {
        !name.contains('/')
            && translation_lang(name).is_none()
            && checklist_id(bytes).as_deref() == Some(id)
    })?;
    let text = String::from_utf8_lossy(checklist_bytes);
    let wanted = |name: &str, bytes: &'static [u8]| {
        if name == *checklist_name || name.starts_with("medicines/") {
            return true;
        }
        if name.starts_with("sources/") {
            return text.contains(name);
        }
        translation_lang(name).is_some() && !name.contains('/') && {
            let doc = Document {
                name: name.to_string(),
                origin: Origin::BuiltIn,
                bytes: Cow::Borrowed(bytes),
            };
            translates(&doc) == id
        }
    };
    Some(
        embedded::FILES
            .iter()
            .filter(|(name, bytes)| wanted(name, bytes))
            .map(file)
            .collect(),
    )
}

/// The `id` of a checklist file, read on its own.
fn checklist_id(bytes: &[u8]) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Header {
        id: String,
    }
    serde_saphyr::from_slice::<Header>(bytes).ok().map(|h| h.id)
}
