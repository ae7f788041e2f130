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
        Some(path) => Some(
            crate::files::read_small_file(path)
                .map_err(|why| Failure::error(format!("{}: {why}", path.display())))?,
        ),
        None => None,
    };
    let text = crate::checklist::template(&loaded.content, settings.lang, old.as_deref());
    super::write_stdout(text.as_bytes())
}
