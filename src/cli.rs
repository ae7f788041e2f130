//! The command line, as clap sees it.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::i18n::Lang;

/// `--lang es`: a language prepcheck speaks.
fn parse_lang(code: &str) -> Result<Lang, String> {
    Lang::from_code(code)
        .ok_or_else(|| format!("'{code}' is not a language prepcheck speaks (en, es)"))
}

/// Get ready for a procedure, one plain question at a time, and print a reminder sheet.
#[derive(Parser, Debug)]
#[command(
    name = "prepcheck",
    version,
    about,
    long_about = None,
    after_help = "Examples:\n  prepcheck                 answer the questions for the pain pump\n  \
                  prepcheck sheet --open    print your reminder sheet from the browser"
)]
pub struct Cli {
    /// Also load the checklists in this folder; one with the same id replaces a built-in.
    #[arg(long, global = true, value_name = "DIR", env = "PREPCHECK_CHECKLISTS")]
    pub checklists: Option<PathBuf>,

    /// When to use colours and styles.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// The language to use: en or es (default: PREPCHECK_LANG, else the locale, else en).
    #[arg(long, global = true, value_name = "LANG", value_parser = parse_lang)]
    pub lang: Option<Lang>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Answer the questions, one at a time. Answers are saved after each one.
    #[command(after_help = "Examples:\n  prepcheck walk\n  \
                            prepcheck walk --screen-reader\n  \
                            prepcheck walk --answers mum.yaml")]
    Walk(WalkArgs),
    /// Print the reminder sheet from the saved answers.
    #[command(after_help = "Examples:\n  prepcheck sheet --format plain | lp\n  \
                            prepcheck sheet --output reminders.ics")]
    Sheet(SheetArgs),
    /// Show the saved answers, question by question, and where they are kept.
    #[command(after_help = "Examples:\n  prepcheck answers\n  \
                            prepcheck answers --format yaml")]
    Answers(ShowArgs),
    /// Delete the saved answers and their backups.
    #[command(after_help = "Examples:\n  prepcheck forget\n  prepcheck forget --yes")]
    Forget(ForgetArgs),
    /// Log your pain from 0 to 10 during the trial, and show the scores to your care team.
    #[command(
        args_conflicts_with_subcommands = true,
        after_help = "Examples:\n  prepcheck diary 6\n  \
                      prepcheck diary 6 \"walked to the mailbox\"\n  \
                      prepcheck diary show --format html --output diary.html"
    )]
    Diary(DiaryArgs),
    /// Check checklist files and report every problem with its line.
    #[command(after_help = "Examples:\n  prepcheck check my-clinic/knee.yaml\n  \
                            prepcheck check --sources")]
    Check {
        /// Files to check; with none, every known checklist.
        paths: Vec<PathBuf>,
        /// Also list every text a patient reads with the source passage it comes from, for
        /// a clinician to audit.
        #[arg(long)]
        sources: bool,
        /// Fail on warnings too (reading level, words patients may not know).
        #[arg(long)]
        strict: bool,
    },
    /// Print a translation file for a checklist in the language of --lang, to fill in (or,
    /// with --update, an old translation brought up to date with the English).
    #[command(after_help = "Examples:\n  \
                            prepcheck translate knee-injection --lang es > knee-injection.es.yaml\n  \
                            prepcheck translate knee-injection --lang es --update old.es.yaml")]
    Translate {
        /// The checklist id (see `prepcheck list`).
        checklist: String,
        /// An old translation file: its texts are kept where the English has not changed.
        #[arg(long, value_name = "FILE")]
        update: Option<PathBuf>,
    },
    /// Write the checklist, or the saved answers, as FHIR R4 JSON for a health record.
    #[command(
        subcommand,
        after_help = "Examples:\n  prepcheck export questionnaire --output pump-questionnaire.json\n  \
                      prepcheck export response --output my-answers.json"
    )]
    Export(ExportCommand),
    /// Turn a FHIR R4 QuestionnaireResponse from any form tool into saved answers, to carry
    /// on with `walk`.
    #[command(
        subcommand,
        after_help = "Examples:\n  prepcheck import response from-the-portal.json\n  \
                      prepcheck import response form.json --answers mum.yaml"
    )]
    Import(ImportCommand),
    /// Copy a built-in checklist, with its sources, translations and medicine lists, into a
    /// new folder for a clinic to edit.
    #[command(
        after_help = "Examples:\n  prepcheck copy intrathecal-pump my-clinic\n  \
                            prepcheck --checklists my-clinic check"
    )]
    Copy {
        /// The built-in checklist id (see `prepcheck list`).
        checklist: String,
        /// The folder to write: new, or empty.
        dir: PathBuf,
    },
    /// Show the checklists there are, and where each comes from.
    #[command(after_help = "Examples:\n  prepcheck list\n  \
                            prepcheck list --checklists my-clinic")]
    List,
    /// Print the shell completions for bash, zsh or fish.
    #[command(after_help = "Examples:\n  \
                            prepcheck completions bash > ~/.local/share/bash-completion/completions/prepcheck\n  \
                            prepcheck completions fish > ~/.config/fish/completions/prepcheck.fish")]
    Completions {
        #[arg(value_enum)]
        shell: Shell,
    },
    /// Print the manual page (roff).
    #[command(
        after_help = "Examples:\n  prepcheck man > ~/.local/share/man/man1/prepcheck.1\n  \
                            prepcheck man | man -l -"
    )]
    Man,
}

/// `prepcheck diary`: a score to log, or what to do with the diary.
#[derive(clap::Args, Debug)]
pub struct DiaryArgs {
    #[command(subcommand)]
    pub action: Option<DiaryAction>,

    /// Your pain right now: 0 is no pain, 10 is the worst pain you can imagine. With none,
    /// prepcheck asks.
    #[arg(value_name = "SCORE")]
    pub score: Option<String>,

    /// A few words about now (what you were doing, what helped).
    #[arg(value_name = "NOTE")]
    pub note: Option<String>,

    #[command(flatten)]
    pub place: DiaryPlace,

    /// Ask as plain lines, for screen readers (also with PREPCHECK_SCREEN_READER=1).
    #[arg(long)]
    pub screen_reader: bool,
}

/// Where the diary is kept: beside the answers file.
#[derive(clap::Args, Debug, Clone)]
pub struct DiaryPlace {
    /// The answers file the diary is kept beside (default: the one in your data folder).
    #[arg(long, global = true, value_name = "FILE")]
    pub answers: Option<PathBuf>,
}

#[derive(Subcommand, Debug)]
pub enum DiaryAction {
    /// Every entry, numbered, to edit or delete by its number.
    List,
    /// Show each day's scores and a chart, before and during the trial.
    Show {
        /// The format (default: from the --output file's extension, else text on a terminal
        /// and plain otherwise).
        #[arg(long, value_enum)]
        format: Option<Format>,
        /// Write it to this file (readable only by you) instead of the screen.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Correct entry N (see `prepcheck diary list`).
    Edit {
        number: usize,
        /// The right score, from 0 to 10.
        score: String,
        /// The note; with none, the note stays as it was.
        note: Option<String>,
    },
    /// Delete entry N (see `prepcheck diary list`).
    Delete { number: usize },
    /// Say when your trial started and when it ends (dates as you write them).
    Trial { start: String, end: String },
    /// The times of day your calendar reminds you to log your pain during the trial (one
    /// to three; at first 9 AM, 2 PM and 8 PM).
    Reminders {
        #[arg(required = true, num_args = 1..=3)]
        times: Vec<String>,
    },
}

/// What `prepcheck export` writes.
#[derive(Subcommand, Debug)]
pub enum ExportCommand {
    /// The checklist as a FHIR R4 Questionnaire (JSON), for a clinic's FHIR server.
    #[command(after_help = "Examples:\n  prepcheck export questionnaire\n  \
                            prepcheck export questionnaire knee-injection --output knee.json")]
    Questionnaire(QuestionnaireArgs),
    /// The saved answers as a FHIR R4 QuestionnaireResponse (JSON) to that Questionnaire.
    #[command(
        after_help = "Examples:\n  prepcheck export response --output my-answers.json\n  \
                            prepcheck export response --answers mum.yaml"
    )]
    Response(ResponseArgs),
    /// The pain diary as a FHIR R4 Bundle of Observations (JSON), one per score.
    #[command(after_help = "Examples:\n  prepcheck export diary --output my-diary.json")]
    Diary(DiaryExportArgs),
}

#[derive(clap::Args, Debug)]
pub struct DiaryExportArgs {
    #[command(flatten)]
    pub place: DiaryPlace,

    /// Write the JSON to this file (readable only by you) instead of the screen.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// What `prepcheck import` reads.
#[derive(Subcommand, Debug)]
pub enum ImportCommand {
    /// A FHIR R4 QuestionnaireResponse (JSON) to the checklist's Questionnaire, saved as
    /// answers (never over answers saved already).
    #[command(after_help = "Examples:\n  prepcheck import response form.json\n  \
                            prepcheck import response form.json knee-injection")]
    Response(ImportArgs),
}

#[derive(clap::Args, Debug)]
pub struct ImportArgs {
    /// The QuestionnaireResponse (JSON), from prepcheck or any other form tool.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    #[command(flatten)]
    pub target: AnswersArgs,
}

#[derive(clap::Args, Debug)]
pub struct QuestionnaireArgs {
    /// The checklist id (see `prepcheck list`).
    #[arg(default_value = crate::DEFAULT_CHECKLIST)]
    pub checklist: String,

    /// Write the JSON to this file instead of the screen.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(clap::Args, Debug)]
pub struct ResponseArgs {
    #[command(flatten)]
    pub target: AnswersArgs,

    /// Write the JSON to this file (readable only by you) instead of the screen.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
}

#[derive(clap::Args, Debug)]
pub struct ShowArgs {
    #[command(flatten)]
    pub target: AnswersArgs,

    /// `text`: each question and its answer; `yaml`: the file as it is.
    #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
    pub format: ShowFormat,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShowFormat {
    Text,
    Yaml,
}

#[derive(clap::Args, Debug)]
pub struct ForgetArgs {
    #[command(flatten)]
    pub target: AnswersArgs,

    /// Delete without asking first.
    #[arg(long)]
    pub yes: bool,
}

/// Which checklist, and where its answers are kept.
#[derive(clap::Args, Debug)]
pub struct AnswersArgs {
    /// The checklist id (see `prepcheck list`).
    #[arg(default_value = crate::DEFAULT_CHECKLIST)]
    pub checklist: String,

    /// The answers file (default: prepcheck/answers/<checklist>.yaml in your data folder,
    /// or under $PREPCHECK_HOME). `sheet`, `answers` and `export response` also read a FHIR
    /// QuestionnaireResponse (.json) from any form tool.
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,
}

#[derive(clap::Args, Debug)]
pub struct WalkArgs {
    #[command(flatten)]
    pub target: AnswersArgs,

    /// Start over. The old answers are kept as a dated backup file.
    #[arg(long)]
    pub restart: bool,

    /// Print each question once as plain lines, with numbered choices and typed answers,
    /// for screen readers (also with PREPCHECK_SCREEN_READER=1, and when TERM=dumb). Reads
    /// answers from a pipe when standard input is not a terminal.
    #[arg(long)]
    pub screen_reader: bool,
}

#[derive(clap::Args, Debug)]
pub struct SheetArgs {
    #[command(flatten)]
    pub target: AnswersArgs,

    /// The format (default: from the --output file's extension, else text on a terminal
    /// and plain otherwise).
    #[arg(long, value_enum)]
    pub format: Option<Format>,

    /// Write the sheet to this file instead of the screen (.txt, .md, .html or .ics).
    #[arg(long, short, value_name = "FILE", conflicts_with = "open")]
    pub output: Option<PathBuf>,

    /// Write the HTML sheet to a private file and open it in the browser, to print it.
    #[arg(long, conflicts_with = "format")]
    pub open: bool,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Styled for the terminal.
    Text,
    /// No styles, 80 columns, [ ] check boxes: good on paper.
    Plain,
    /// Markdown with - [ ] task lists.
    Markdown,
    /// A self-contained page to print or keep on a phone.
    Html,
    /// Calendar reminders (iCalendar) to import into a calendar app.
    Ics,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}
