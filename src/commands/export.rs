//! `prepcheck export`: the checklist as a FHIR R4 Questionnaire, and the saved answers as a
//! QuestionnaireResponse to it, in JSON, for a clinic's health record.

use super::saved::{GoOn, Missing, Target};
use super::{find_checklist, report_set_aside, write_output};
use crate::cli::{DiaryExportArgs, QuestionnaireArgs, ResponseArgs};
use crate::exit::Failure;
use crate::fhir;
use crate::i18n::Messages;
use crate::loader::Library;
use crate::settings::Settings;

pub fn questionnaire(
    library: &Library,
    args: &QuestionnaireArgs,
    settings: &Settings,
    m: &Messages,
) -> Result<(), Failure> {
    let checklist = find_checklist(library, &args.checklist, settings.lang)?;
    let questionnaire = fhir::questionnaire(&checklist, m).map_err(|why| cannot_export(&why))?;
    let json = fhir::to_json(&questionnaire).map_err(|why| cannot_export(&why))?;
    // The questions are no secret; the answers are. The answers file is that of the
    // default checklist, to never be written over.
    let answers =
        crate::store::default_answers_path(&settings.home, &checklist.id).unwrap_or_default();
    write_output(args.output.as_deref(), &json, 0o644, &answers, settings)
}

/// No answers saved: nothing to export is a failure, for a script must not take silence for
/// a record.
const MISSING: Missing = Missing {
    default: "no-answers-yet",
    named: "no-answers-file",
};

pub fn response(
    library: &Library,
    args: &ResponseArgs,
    settings: &Settings,
    m: &Messages,
) -> Result<(), Failure> {
    let target = Target::find(library, &args.target, settings)?;
    let (checklist, path) = (&target.checklist, &target.path);
    let saved = target.required(MISSING, GoOn::NotChanged, m)?;
    report_set_aside(path, &saved, m);
    let response = fhir::response(checklist, &saved.answers, &settings.now, m)
        .map_err(|why| cannot_export(&why))?;
    let json = fhir::to_json(&response).map_err(|why| cannot_export(&why))?;
    write_output(args.output.as_deref(), &json, 0o600, path, settings)
}

/// Only a clinic's checklist that FHIR cannot say fails here: a message for the clinic, in
/// English like every message of `check`.
fn cannot_export(why: &str) -> Failure {
    Failure::error(format!("Cannot export this checklist to FHIR: {why}"))
}

/// The pain diary as a FHIR Bundle: written for one with no entries too (an empty
/// collection), since the diary may simply be new.
pub fn diary(
    library: &Library,
    args: &DiaryExportArgs,
    settings: &Settings,
    m: &Messages,
) -> Result<(), Failure> {
    let place = super::diary::Place::find(library, &args.place, settings)?;
    let diary = place.load(m)?;
    let saved = place.answers(m);
    let named = saved
        .as_ref()
        .map(|saved| (&*place.target.checklist, &saved.answers));
    let bundle = fhir::diary_bundle(&diary, named, &settings.now, m);
    let json = fhir::to_json(&bundle).map_err(|why| cannot_export(&why))?;
    write_output(args.output.as_deref(), &json, 0o600, &place.path, settings)
}
