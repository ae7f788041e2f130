//! `prepcheck export`: the checklist as a FHIR R4 Questionnaire, and the saved answers as a
//! QuestionnaireResponse to it, in JSON, for a clinic's health record.

use std::path::Path;

use super::{Failure, find_checklist, report_set_aside, saved_answers, target, write_stdout};
use crate::cli::{QuestionnaireArgs, ResponseArgs};
use crate::fhir;
use crate::loader::Library;
use crate::settings::Settings;
use crate::store;

pub fn questionnaire(library: &Library, args: &QuestionnaireArgs) -> Result<(), Failure> {
    let checklist = find_checklist(library, &args.checklist)?;
    let questionnaire = fhir::questionnaire(checklist).map_err(|why| cannot_export(&why))?;
    let json = fhir::to_json(&questionnaire).map_err(|why| cannot_export(&why))?;
    // The questions are no secret; the answers are.
    write(args.output.as_deref(), &json, 0o644)
}

pub fn response(
    library: &Library,
    args: &ResponseArgs,
    settings: &Settings,
) -> Result<(), Failure> {
    let (checklist, path) = target(library, &args.target, settings)?;
    let saved = match saved_answers(&path, checklist, "The file was not changed.")? {
        Some(saved) => saved,
        None if args.target.answers.is_some() => {
            return Err(Failure::error(format!(
                "{}: no such file. Check the path, or leave out --answers to use the answers \
                 saved by `prepcheck walk`.",
                path.display()
            )));
        }
        None => {
            return Err(Failure::error(format!(
                "Nothing to export: no answers are saved yet ({} does not exist). Run \
                 `prepcheck walk` to answer the questions first.",
                path.display()
            )));
        }
    };
    report_set_aside(&path, &saved);
    let response = fhir::response(checklist, &saved.answers, &settings.now)
        .map_err(|why| cannot_export(&why))?;
    let json = fhir::to_json(&response).map_err(|why| cannot_export(&why))?;
    write(args.output.as_deref(), &json, 0o600)
}

fn cannot_export(why: &str) -> Failure {
    Failure::error(format!("Cannot export this checklist to FHIR: {why}"))
}

fn write(output: Option<&Path>, json: &[u8], mode: u32) -> Result<(), Failure> {
    match output {
        Some(file) => store::write_atomically(file, json, mode)
            .map_err(|e| Failure::error(format!("{}: cannot write: {e}", file.display()))),
        None => write_stdout(json),
    }
}
