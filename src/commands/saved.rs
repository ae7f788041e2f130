//! The answers a command works on, found one way for every command (`walk`, `sheet`,
//! `answers`, `export response`, `forget`): the checklist asked for, in the patient's
//! language, where its answers are kept, and the answers saved there. What a missing file
//! means is each command's to say (`IfMissing`). The store's errors are worded here, at the
//! edge, through the catalogue.

use std::path::PathBuf;
use std::rc::Rc;

use super::{find_checklist_in, say};
use fluent_bundle::FluentValue;

use crate::answers::{
    Found, MAX_TEXT_CHARS, MAX_TYPED_MEDICINES, MAX_YAML_EVENTS, Misfit, NotAnswers, ResponseWhy,
    SavedAnswers, Unfit, YamlWhy,
};
use crate::checklist::Checklist;
use crate::cli::AnswersArgs;
use crate::entry::DATES;
use crate::exit::Failure;
use crate::files::FileError;
use crate::i18n::Messages;
use crate::loader::Library;
use crate::problem::Problem;
use crate::settings::Settings;
use crate::store::{self, StoreError};
use crate::text::clean;

/// The checklist a command works on and where its answers are kept.
pub struct Target {
    pub checklist: Rc<Checklist>,
    /// How many of its texts a translation leaves in English, in a language other than
    /// English.
    pub in_english: usize,
    pub path: PathBuf,
    /// The path was given with `--answers`: a file that is not there is a mistake.
    named: bool,
}

/// What a command does when no answers are saved yet, if it can go on without them
/// (`Target::required` is for one that cannot).
#[derive(Clone, Copy)]
pub enum IfMissing {
    /// Go on without answers, saying nothing (the walk starts afresh).
    Quiet,
    /// Go on without answers, saying why on standard error (a blank sheet, no answers to
    /// show); a file named with `--answers` that is not there is an error.
    Say(Missing),
}

/// What to say after a file that cannot be used: that it was not changed; for the walk,
/// also how to go on (`--restart` only where starting over can help: a regular file that
/// does not read as answers).
#[derive(Clone, Copy)]
pub enum GoOn<'a> {
    NotChanged,
    /// The walk, with the command that carries it on.
    Walk(&'a str),
}

/// The messages for no answers: at the path used by default, and at a path the patient
/// named with `--answers`. Both take the path as `$path`.
#[derive(Clone, Copy)]
pub struct Missing {
    pub default: &'static str,
    pub named: &'static str,
}

impl Target {
    /// The checklist asked for (translated when the patient's language has a translation)
    /// and its answers file: `--answers`, else the one in the data folder.
    pub fn find(
        library: &Library,
        args: &AnswersArgs,
        settings: &Settings,
    ) -> Result<Target, Failure> {
        let (checklist, in_english) = find_checklist_in(library, &args.checklist, settings.lang)?;
        let path = match &args.answers {
            Some(path) => path.clone(),
            None => store::default_answers_path(&settings.home, &checklist.id)
                .map_err(Failure::error)?,
        };
        Ok(Target {
            checklist,
            in_english,
            path,
            named: args.answers.is_some(),
        })
    }

    /// The answers in a file the patient named, for the checklist of `target`.
    pub fn named(target: &Target, path: PathBuf) -> Target {
        Target {
            checklist: target.checklist.clone(),
            in_english: target.in_english,
            path,
            named: true,
        }
    }

    /// The command `prepcheck WORDS` for these answers: with the checklist when it is not
    /// the default one, and `--answers` when a file was named.
    pub fn command(&self, words: &str) -> String {
        let mut command = format!("prepcheck {words}");
        if self.checklist.id != crate::DEFAULT_CHECKLIST {
            command.push(' ');
            command.push_str(&self.checklist.id);
        }
        if self.named {
            command.push_str(&format!(" --answers {}", self.path.display()));
        }
        command
    }

    /// The saved answers, or `None` when there are none and `if_missing` says to go on. A
    /// file that cannot be used is reported, with how to go on, and left as it is.
    pub fn saved(
        &self,
        if_missing: IfMissing,
        go_on: GoOn,
        m: &Messages,
    ) -> Result<Option<SavedAnswers>, Failure> {
        let saved = self.load(go_on, m)?;
        match (saved, if_missing) {
            (Some(saved), _) => Ok(Some(saved)),
            (None, IfMissing::Quiet) => Ok(None),
            (None, IfMissing::Say(missing)) if self.named => {
                Err(Failure::error(self.said(missing.named, m)))
            }
            (None, IfMissing::Say(missing)) => {
                say(&self.said(missing.default, m));
                Ok(None)
            }
        }
    }

    /// The saved answers, for a command that cannot go on without them: none is a failure,
    /// said with `missing`.
    pub fn required(
        &self,
        missing: Missing,
        go_on: GoOn,
        m: &Messages,
    ) -> Result<SavedAnswers, Failure> {
        let id = if self.named {
            missing.named
        } else {
            missing.default
        };
        self.load(go_on, m)?
            .ok_or_else(|| Failure::error(self.said(id, m)))
    }

    /// A message about this target's answers file (`$path`).
    fn said(&self, id: &str, m: &Messages) -> String {
        m.with(id, &[("path", self.path.display().to_string().into())])
    }

    /// The answers file read and checked against the checklist; `None` when there is none.
    fn load(&self, go_on: GoOn, m: &Messages) -> Result<Option<SavedAnswers>, Failure> {
        let error = match store::load_answers(&self.path, &self.checklist) {
            Ok(Some(loaded)) if loaded.response => return self.response(loaded.saved, go_on, m),
            Ok(loaded) => return Ok(loaded.map(|loaded| loaded.saved)),
            Err(error) => error,
        };
        let go_on = go_on_words(go_on, &error, m);
        Err(Failure::error(match &error {
            StoreError::Invalid(not_answers) => {
                let fit = m.with(
                    "answers-do-not-fit",
                    &[("checklist", self.checklist.id.as_str().into())],
                );
                let why = not_answers_words(not_answers, m);
                format!("{why}\n{fit} {go_on}")
            }
            error => format!("{}\n{go_on}", store_words(error, m)),
        }))
    }
}

impl Target {
    /// Answers read from a QuestionnaireResponse: for every command but the walk, which
    /// saves answers as it goes and so needs an answers file of its own (`import response`).
    fn response(
        &self,
        saved: SavedAnswers,
        go_on: GoOn,
        m: &Messages,
    ) -> Result<Option<SavedAnswers>, Failure> {
        let GoOn::Walk(_) = go_on else {
            return Ok(Some(saved));
        };
        let mut import = format!("prepcheck import response {}", self.path.display());
        if self.checklist.id != crate::DEFAULT_CHECKLIST {
            import = format!("{import} {}", self.checklist.id);
        }
        Err(Failure::error(m.with(
            "response-walk-import",
            &[
                ("path", self.path.display().to_string().into()),
                ("command", import.into()),
            ],
        )))
    }
}

/// How to go on after `error`: the file was not changed; for the walk, `--restart` where
/// starting over helps (a regular file that cannot be used as answers), else another name.
fn go_on_words(go_on: GoOn, error: &StoreError, m: &Messages) -> String {
    let GoOn::Walk(command) = go_on else {
        return m.get("file-not-changed");
    };
    let regular = matches!(
        error,
        StoreError::Invalid(_)
            | StoreError::CannotRead {
                why: FileError::TooLarge(_) | FileError::Grew,
                ..
            }
    );
    let id = if regular {
        "walk-file-not-changed"
    } else {
        "walk-name-a-file"
    };
    m.with(id, &[("command", command.into())])
}

/// A store error in the patient's language; the system's own reasons stay as it gives them.
pub fn store_words(error: &StoreError, m: &Messages) -> String {
    let shown = |path: &std::path::Path| path.display().to_string().into();
    match error {
        StoreError::CannotRead { path, why } => file_words(path, why, m),
        StoreError::Invalid(not_answers) => not_answers_words(not_answers, m),
        StoreError::Path { path, why } => m.with(
            "path-problem",
            &[("path", shown(path)), ("why", io_words(why, m).into())],
        ),
        StoreError::CannotSaveIn { folder, why } => m.with(
            "answers-cannot-save-in",
            &[("folder", shown(folder)), ("why", io_words(why, m).into())],
        ),
        StoreError::InUse { path } => m.with("answers-in-use", &[("path", shown(path))]),
        StoreError::CannotLock { path, why } => m.with(
            "answers-cannot-lock",
            &[("path", shown(path)), ("why", io_words(why, m).into())],
        ),
        StoreError::FolderName { path } => m.with("path-is-folder-name", &[("path", shown(path))]),
        StoreError::OutputHoldsAnswers { path } => {
            m.with("output-holds-answers", &[("path", shown(path))])
        }
        StoreError::OutputNotRegular { path } => {
            m.with("output-not-regular", &[("path", shown(path))])
        }
        StoreError::NoSuchFolder { folder } => {
            m.with("no-such-folder", &[("folder", shown(folder))])
        }
        StoreError::CannotWrite { path, why } => m.with(
            "cannot-write",
            &[("path", shown(path)), ("why", io_words(why, m).into())],
        ),
        StoreError::WouldBeTooLarge { path, .. } => {
            format!("{}: {}", path.display(), save_words(error, m))
        }
    }
}

/// Why answers could not be saved, without the path (the walk names the file itself).
pub fn save_words(error: &StoreError, m: &Messages) -> String {
    match error {
        StoreError::CannotWrite { why, .. } => io_words(why, m),
        StoreError::WouldBeTooLarge { size, .. } => m.with(
            "answers-too-large-to-save",
            &[
                ("size", size.to_string().into()),
                ("most", crate::files::MAX_FILE_BYTES.to_string().into()),
            ],
        ),
        error => store_words(error, m),
    }
}

/// Why a file is not answers for the checklist, in the patient's language.
fn not_answers_words(not_answers: &NotAnswers, m: &Messages) -> String {
    match not_answers {
        NotAnswers::Yaml {
            file,
            line,
            column,
            why,
        } => Problem::at(file, *line, *column, yaml_words(why, m)).to_string(),
        NotAnswers::OtherChecklist {
            file,
            line,
            column,
            found,
            expected,
        } => {
            let message = m.with(
                "answers-other-checklist",
                &[
                    ("found", found.as_str().into()),
                    ("checklist", expected.as_str().into()),
                ],
            );
            Problem::at(file, *line, *column, message).to_string()
        }
        NotAnswers::Response {
            file,
            line,
            column,
            why,
        } => Problem::at(file, *line, *column, response_words(why, m)).to_string(),
    }
}

/// Why a JSON file is not a QuestionnaireResponse for the checklist, in the patient's
/// language.
fn response_words(why: &ResponseWhy, m: &Messages) -> String {
    let text = |s: &str| FluentValue::from(s.to_string());
    match why {
        ResponseWhy::Syntax => m.get("response-json-syntax"),
        ResponseWhy::NotText => m.get("response-not-text"),
        ResponseWhy::NotAResponse { found: Some(found) } => {
            m.with("response-other-resource", &[("found", text(&clean(found)))])
        }
        ResponseWhy::NotAResponse { found: None } => m.get("response-no-resource-type"),
        ResponseWhy::WrongKind => m.get("response-wrong-kind"),
        ResponseWhy::NoQuestionnaire => m.get("response-no-questionnaire"),
        ResponseWhy::OtherQuestionnaire { found, expected } => m.with(
            "response-other-questionnaire",
            &[("found", text(found)), ("expected", text(expected))],
        ),
        ResponseWhy::EnteredInError => m.get("response-entered-in-error"),
        ResponseWhy::TooDeep { depth } => {
            m.with("response-too-deep", &[("most", depth.to_string().into())])
        }
        ResponseWhy::TooMany { most } => {
            m.with("response-too-many", &[("most", most.to_string().into())])
        }
    }
}

/// What is wrong with an answers file's YAML, in the patient's language.
fn yaml_words(why: &YamlWhy, m: &Messages) -> String {
    let key = |key: &str| FluentValue::from(key.to_string());
    match why {
        YamlWhy::Syntax => m.get("answers-yaml-syntax"),
        YamlWhy::NotText => m.get("answers-yaml-not-text"),
        YamlWhy::SameKeyTwice(Some(name)) => m.with("answers-yaml-twice", &[("key", key(name))]),
        YamlWhy::SameKeyTwice(None) => m.get("answers-yaml-twice-unnamed"),
        YamlWhy::Missing(name) => m.with("answers-yaml-missing", &[("key", key(name))]),
        YamlWhy::Unknown(name) => m.with("answers-yaml-unknown", &[("key", key(name))]),
        YamlWhy::WrongKind => m.get("answers-yaml-wrong-kind"),
        YamlWhy::NoAnchor => m.get("answers-yaml-no-anchor"),
        YamlWhy::TooMany => m.with(
            "answers-yaml-too-many",
            &[("most", MAX_YAML_EVENTS.to_string().into())],
        ),
    }
}

/// An answer set aside, where it is in the file and why, in the patient's language.
pub fn unfit_words(unfit: &Unfit, m: &Messages) -> String {
    let message = m.with(
        "answer-unfit",
        &[
            ("item", unfit.item.as_str().into()),
            ("why", misfit_words(&unfit.why, m).into()),
        ],
    );
    Problem::at(&unfit.file, unfit.line, unfit.column, message).to_string()
}

/// Why an answer does not fit, in the patient's language.
pub fn misfit_words(misfit: &Misfit, m: &Messages) -> String {
    let text = |s: &str| FluentValue::from(s.to_string());
    let most = |n: usize| FluentValue::from(n.to_string());
    match misfit {
        Misfit::NoSuchQuestion { version } => m.with(
            "answer-no-such-question",
            &[("version", version.to_string().into())],
        ),
        Misfit::AnsweredTwice => m.get("answer-twice"),
        Misfit::TooLong => m.with("answer-too-long", &[("most", most(MAX_TEXT_CHARS))]),
        Misfit::NoAnswer => m.get("answer-none-given"),
        Misfit::NoSuchChoice { id, choices } => m.with(
            "answer-no-such-choice",
            &[("id", text(id)), ("choices", text(&choices.join(", ")))],
        ),
        Misfit::NotYesOrNo { found } => m.with("answer-not-yes-no", &[("found", text(found))]),
        Misfit::TooManyTyped => m.with(
            "answer-too-many-typed",
            &[("most", most(MAX_TYPED_MEDICINES))],
        ),
        Misfit::NameTooLong => m.with("answer-name-too-long", &[("most", most(MAX_TEXT_CHARS))]),
        Misfit::NotInList { id, list } => m.with(
            "answer-not-in-list",
            &[("id", text(id)), ("list", text(list))],
        ),
        Misfit::NotAPhone { found } => m.with("answer-not-a-phone", &[("found", text(found))]),
        Misfit::NotADate { found } => m.with("answer-not-a-date", &[("found", text(found))]),
        Misfit::DateOutOfRange { found } => m.with(
            "answer-date-out-of-range",
            &[
                ("found", text(found)),
                ("first", text(&DATES.start().to_string())),
                ("last", text(&DATES.end().to_string())),
            ],
        ),
        Misfit::NotATime { found } => m.with("answer-not-a-time", &[("found", text(found))]),
        Misfit::WrongKind { kind, found } => {
            let found = match found {
                Found::Text(text) => m.with("answer-found-text", &[("text", text.as_str().into())]),
                Found::List => m.get("answer-found-list"),
                Found::Medicines => m.get("answer-found-medicines"),
            };
            m.with(
                "answer-wrong-kind",
                &[
                    (
                        "expected",
                        m.with("answer-expects", &[("kind", text(kind))]).into(),
                    ),
                    ("found", found.into()),
                ],
            )
        }
    }
}

/// "PATH: is a folder, not a file", and the like, in the patient's language.
pub fn file_words(path: &std::path::Path, why: &FileError, m: &Messages) -> String {
    let path = ("path", path.display().to_string().into());
    match why {
        FileError::Io(e) => m.with("file-cannot-read", &[path, ("why", io_words(e, m).into())]),
        FileError::Folder => m.with("file-is-folder", &[path]),
        FileError::NotRegular => m.with("file-not-regular", &[path]),
        FileError::TooLarge(size) => m.with(
            "file-too-large",
            &[
                path,
                ("size", size.to_string().into()),
                ("most", crate::files::MAX_FILE_BYTES.to_string().into()),
            ],
        ),
        FileError::Grew => m.with("file-grew", &[path]),
    }
}

/// An I/O error in the patient's language: the reasons people meet (no such file, no
/// permission, a full or read-only disk, a part of the path that is a file) in words of our
/// own; any other as the system words it.
pub fn io_words(error: &std::io::Error, m: &Messages) -> String {
    let id = match error.raw_os_error() {
        Some(libc::ENOTDIR) => "path-part-is-file",
        Some(libc::ENOENT) => "io-not-found",
        Some(libc::EACCES | libc::EPERM) => "io-permission-denied",
        Some(libc::ENOSPC | libc::EDQUOT) => "io-disk-full",
        Some(libc::EROFS) => "io-read-only",
        Some(libc::EISDIR) => "io-is-folder",
        Some(libc::ENAMETOOLONG) => "io-name-too-long",
        Some(libc::ELOOP) => "io-too-many-links",
        Some(libc::EIO) => "io-disk-error",
        _ => return error.to_string(),
    };
    m.get(id)
}
