//! `prepcheck translate`: a translation file of a checklist to fill in, or an old one
//! brought up to date.

use std::path::Path;

use crate::exit::Failure;
use crate::i18n::Lang;
use crate::loader::Library;
use crate::settings::Settings;

/// A translation file to fill in, for `prepcheck translate`.
pub fn translate(
    library: &Library,
    id: &str,
    old: Option<&Path>,
    settings: &Settings,
) -> Result<(), Failure> {
    if settings.lang == Lang::En {
        return Err(Failure::usage(
            "say which language to translate into: prepcheck translate CHECKLIST --lang es",
        ));
    }
    let loaded = library.find(id).ok_or_else(|| {
        Failure::usage(format!(
            "There is no checklist '{id}'. Run `prepcheck list` to see them."
        ))
    })?;
    let old = match old {
        Some(path) => Some((
            path.display().to_string(),
            crate::files::read_small_file(path)
                .map_err(|why| Failure::error(format!("{}: {why}", path.display())))?,
        )),
        None => None,
    };
    let old = old
        .as_ref()
        .map(|(name, bytes)| (name.as_str(), bytes.as_slice()));
    let text = crate::checklist::template(&loaded.content, settings.lang, old)
        .map_err(|problem| Failure::error(format!("{problem}\nNothing was printed.")))?;
    super::write_stdout(text.as_bytes(), settings)
}
