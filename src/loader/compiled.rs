//! The built-in checklists and medicine lists in their final form: read, checked and
//! translated from `checklists/` ahead of time, and kept in a compact binary form
//! (`compiled/LANG.postcard`, serde's data in the postcard format), so that a command other
//! than `check` parses none of their YAML (that took two thirds of a sheet's time; JSON
//! still took a third of what was left). The unit tests below make the JSON from the
//! YAML with the loader itself, and fail when it is not what the binary holds:
//! `PREPCHECK_COMPILE=1 cargo test --lib loader::compiled` writes it again.

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use crate::catalogue::Catalogue;
use crate::checklist::Checklist;
use crate::i18n::Lang;

/// The built-in checklists and medicine lists of one language. Another language than
/// English holds only the checklists and lists that a translation file translates.
#[derive(Serialize, Deserialize)]
pub struct Compiled {
    pub catalogues: Vec<Catalogue>,
    pub checklists: Vec<Checklist>,
}

/// The compiled form of `lang`'s built-ins.
fn bytes(lang: Lang) -> &'static [u8] {
    match lang {
        Lang::En => include_bytes!("compiled/en.postcard"),
        Lang::Es => include_bytes!("compiled/es.postcard"),
    }
}

/// The built-ins of `lang`, each catalogue given what `with_names` adds (the names its
/// translation files give), the checklists linked to `lang`'s catalogues, then to
/// `fallback` (the English lists, for a list that is not translated). `None` if the form
/// cannot be read or a list is missing: the loader then reads the YAML.
pub fn read(
    lang: Lang,
    with_names: impl Fn(&mut Catalogue),
    fallback: &[Rc<Catalogue>],
) -> Option<(Vec<Rc<Catalogue>>, Vec<Checklist>)> {
    let compiled: Compiled = postcard::from_bytes(bytes(lang)).ok()?;
    let catalogues: Vec<Rc<Catalogue>> = compiled
        .catalogues
        .into_iter()
        .map(|mut catalogue| {
            with_names(&mut catalogue);
            Rc::new(catalogue)
        })
        .collect();
    let linked_to: Vec<Rc<Catalogue>> = catalogues.iter().chain(fallback).cloned().collect();
    let mut checklists = compiled.checklists;
    for checklist in &mut checklists {
        if !checklist.link(&linked_to) {
            return None;
        }
    }
    Some((catalogues, checklists))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::LANGUAGES;
    use crate::loader::{Library, Source};

    /// Whether a built-in file translates the checklist `id` into `lang`.
    fn translated_into(library: &Library, id: &str, lang: Lang) -> bool {
        library
            .find(id)
            .is_some_and(|loaded| library.translation_of(loaded, lang).is_some())
    }

    /// Whether a file translates the list `id` into `lang`.
    fn catalogue_translated_into(library: &Library, id: &str, lang: Lang) -> bool {
        let translated = |l: &&crate::loader::Loaded<Rc<Catalogue>>| {
            matches!(
                library.catalogue_translation_of(&l.content, lang),
                Ok(Some(_))
            )
        };
        library
            .catalogues
            .iter()
            .find(|l| l.content.id == id)
            .is_some_and(|l| translated(&l))
    }

    /// What the loader makes of the YAML in `lang`: every built-in checklist (translated,
    /// and only those a file translates but in English) and the lists they use.
    fn compile(lang: Lang) -> Compiled {
        let library = Library::load_from(None, false, Source::Yaml);
        assert!(library.problems.is_empty(), "built-ins have no problems");
        let mut catalogues: Vec<Catalogue> = Vec::new();
        let mut checklists = Vec::new();
        if lang == Lang::En {
            catalogues.extend(library.catalogues.iter().map(|l| (*l.content).clone()));
        }
        for loaded in &library.checklists {
            let (checklist, _) = library
                .checklist_in(&loaded.content.id, lang)
                .expect("built-in translations have no problems")
                .expect("built-in checklist");
            let checklist = Rc::unwrap_or_clone(checklist);
            if lang != Lang::En && translated_into(&library, &loaded.content.id, lang) {
                for item in checklist.items() {
                    if let crate::checklist::Kind::Medicines(list) = &item.kind
                        && catalogue_translated_into(&library, &list.catalogue.id, lang)
                        && !catalogues.iter().any(|c| c.id == list.catalogue.id)
                    {
                        catalogues.push((*list.catalogue).clone());
                    }
                }
                checklists.push(checklist);
            } else if lang == Lang::En {
                checklists.push(checklist);
            }
        }
        Compiled {
            catalogues,
            checklists,
        }
    }

    #[test]
    fn the_compiled_form_is_what_the_loader_makes_of_the_yaml() {
        let mut stale = Vec::new();
        for lang in LANGUAGES {
            let made = postcard::to_allocvec(&compile(lang)).expect("serialized");
            let path = format!("src/loader/compiled/{}.postcard", lang.code());
            if std::env::var_os("PREPCHECK_COMPILE").is_some() {
                std::fs::write(&path, &made).expect("write the compiled form");
            }
            if made != bytes(lang) {
                stale.push(path);
            }
        }
        assert!(
            stale.is_empty(),
            "{stale:?}: not what checklists/ makes; run \
             PREPCHECK_COMPILE=1 cargo test --lib loader::compiled"
        );
    }

    /// Read back, the compiled form gives the same checklists and lists, linked the same
    /// way, with the same names from other languages, as the YAML does.
    #[test]
    fn the_compiled_form_reads_back_as_the_yaml_does() {
        let from_yaml = Library::load_from(None, false, Source::Yaml);
        let compiled = Library::load(None, false);
        assert!(compiled.compiled && compiled.problems.is_empty());
        let shown = |library: &Library| {
            let catalogues: Vec<String> = library
                .catalogues
                .iter()
                .map(|l| format!("{:?} {:?}", l.content, l.origin))
                .collect();
            catalogues.join("\n")
        };
        assert!(
            shown(&compiled) == shown(&from_yaml),
            "the medicine lists differ"
        );
        let mut read_back = Vec::new();
        for lang in LANGUAGES {
            for loaded in &from_yaml.checklists {
                let id = &loaded.content.id;
                let yaml = from_yaml
                    .checklist_in(id, lang)
                    .expect("read")
                    .expect("there");
                let read = compiled
                    .checklist_in(id, lang)
                    .expect("read")
                    .expect("there");
                assert!(
                    format!("{read:?}") == format!("{yaml:?}"),
                    "{id} in {lang:?} differs"
                );
                read_back.push(read);
            }
        }
        // Names are still recognised in every language, typed as the other language's.
        for (checklist, _) in &read_back {
            for item in checklist.items() {
                if let crate::checklist::Kind::Medicines(list) = &item.kind {
                    let others = &list.catalogue.medicines[0].names_elsewhere;
                    assert!(list.catalogue.recognise("asprin").is_some());
                    assert!(list.catalogue.recognise("asprina").is_some(), "{others:?}");
                }
            }
        }
    }
}
