//! `prepcheck translate`: a translation file of a checklist to fill in, or an old one
//! brought up to date.

use std::path::Path;

use crate::exit::Failure;
use crate::i18n::{Lang, Messages};
use crate::loader::Library;
use crate::settings::Settings;

/// A translation file to fill in, for `prepcheck translate`.
pub fn translate(
    library: &Library,
    id: &str,
    old: Option<&Path>,
    settings: &Settings,
    m: &Messages,
) -> Result<(), Failure> {
    if settings.lang == Lang::En {
        return Err(Failure::usage(m.get("translate-which-language")));
    }
    let loaded = library
        .find(id)
        .ok_or_else(|| super::no_such_checklist(id, m))?;
    let old = match old {
        Some(path) => Some((
            path.display().to_string(),
            crate::files::read_small_file(path)
                .map_err(|why| Failure::error(super::saved::file_words(path, &why, m)))?,
        )),
        None => None,
    };
    let old = old
        .as_ref()
        .map(|(name, bytes)| (name.as_str(), bytes.as_slice()));
    let text =
        crate::checklist::template(&loaded.content, settings.lang, old).map_err(|problem| {
            Failure::error(format!(
                "{}\n{}",
                problem.words(m),
                m.get("translate-nothing-printed")
            ))
        })?;
    super::write_stdout(text.as_bytes(), settings)
}
