//! How a run ends: the exit status, or the error that stopped it.
//!
//! Commands return `Result<ExitStatus, Error>`; `main` turns the status
//! into the process exit code (0 clean, 1 findings, 2 error) and renders
//! the error with miette. A problem with one note is not an [`Error`]: the
//! run reports it and goes on (see `check::FileProblem`).

use miette::Diagnostic;

use crate::rule::RuleErrors;

/// How a run ended; `main` turns it into the process exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// Nothing at or above the failing severity.
    Success,
    /// Findings that fail the run.
    Findings,
    /// A usage, rule or I/O error.
    Error,
}

impl ExitStatus {
    pub fn code(self) -> u8 {
        match self {
            ExitStatus::Success => 0,
            ExitStatus::Findings => 1,
            ExitStatus::Error => 2,
        }
    }
}

/// An error that stops the run before or instead of checking notes.
#[derive(Debug, thiserror::Error, Diagnostic)]
pub enum Error {
    #[error(transparent)]
    #[diagnostic(transparent)]
    Rules(#[from] RuleErrors),
    #[error(transparent)]
    #[diagnostic(transparent)]
    Engine(#[from] crate::engine::BuildError),
    #[error("there is no rule `{0}`")]
    #[diagnostic(
        code(regard::unknown_rule),
        help("`regard rules` lists the rules in force")
    )]
    UnknownRule(String),
    #[error("there is no command `{0}`")]
    #[diagnostic(
        code(regard::unknown_command),
        help("`regard --help` lists the commands")
    )]
    UnknownCommand(String),
    #[error(transparent)]
    #[diagnostic(transparent)]
    Baseline(#[from] crate::baseline::BaselineError),
    #[error(transparent)]
    #[diagnostic(transparent)]
    Refused(#[from] crate::check::Refused),
    #[error(transparent)]
    #[diagnostic(transparent)]
    OutputFile(#[from] crate::check::OutputError),
    #[error("cannot write the output: {0}")]
    #[diagnostic(code(regard::output))]
    Output(std::io::Error),
}
