//! `prepcheck import response`: a QuestionnaireResponse from any form tool saved as answers,
//! read the one way every command reads answers (`saved.rs`), and saved the way the walk
//! saves them: whole or not at all, readable only by the patient, and never over answers
//! saved already.

use super::saved::{GoOn, Missing, Target, store_words};
use super::{report_set_aside, say};
use crate::cli::ImportArgs;
use crate::exit::Failure;
use crate::i18n::Messages;
use crate::loader::Library;
use crate::settings::Settings;
use crate::store;

/// The file to import is not there: a mistake in the path.
const MISSING: Missing = Missing {
    default: "no-answers-file",
    named: "no-answers-file",
};

pub fn response(
    library: &Library,
    args: &ImportArgs,
    settings: &Settings,
    m: &Messages,
) -> Result<(), Failure> {
    let target = Target::find(library, &args.target, settings)?;
    let source = Target::named(&target, args.file.clone());
    let saved = source.required(MISSING, GoOn::NotChanged, m)?;
    report_set_aside(&args.file, &saved, m);
    let path = &target.path;
    let store_failure = |e| Failure::error(store_words(&e, m));
    store::check_can_save(path).map_err(store_failure)?;
    let _lock = store::lock(path).map_err(store_failure)?;
    // Answers saved already are the patient's: kept, whatever the response holds.
    if std::fs::symlink_metadata(path).is_ok() {
        return Err(Failure::error(m.with(
            "import-answers-exist",
            &[
                ("path", path.display().to_string().into()),
                ("command", target.command("forget").into()),
            ],
        )));
    }
    store::save_answers(path, &saved.answers, &target.checklist, settings.lang)
        .map_err(store_failure)?;
    say(&m.with(
        "import-done",
        &[
            ("count", saved.answers.count().into()),
            ("path", path.display().to_string().into()),
            ("command", target.command("walk").into()),
        ],
    ));
    Ok(())
}
