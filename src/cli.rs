//! Command-line arguments. The doc comments here are the `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::rule::Severity;

/// regard reads case notes and session notes, flags judgmental phrasing, and
/// suggests a curious rewording, the way a good supervisor would in the margin.
#[derive(Debug, Parser)]
#[command(name = "regard", version, about, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check notes (files and folders) for judgmental phrasing.
    Check(CheckArgs),
    /// List the rules in force: id, severity and summary.
    Rules(RuleArgs),
    /// Run the `flag` and `pass` examples of the rules in a folder.
    Test {
        /// A folder of rule files.
        dir: PathBuf,
    },
    /// Explain one rule: what it flags, why, the curious alternative, examples.
    Rule {
        /// The rule's id, e.g. `deficit-label`.
        id: String,
        #[command(flatten)]
        rules: RuleArgs,
    },
}

#[derive(Debug, Args)]
pub struct RuleArgs {
    /// Add the rules in this folder (one YAML file per rule). A rule with the
    /// same id as a built-in rule replaces it. May be repeated.
    #[arg(long = "rules", value_name = "DIR")]
    pub rule_dirs: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Notes to check: files or folders (searched recursively for .md,
    /// .markdown and .txt, honouring .gitignore and .ignore, skipping hidden
    /// folders). `-` reads standard input. Defaults to the current folder.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    #[command(flatten)]
    pub rules: RuleArgs,

    /// How to print findings.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// Print only the summary line.
    #[arg(short, long)]
    pub quiet: bool,

    /// The name to show for standard input (`-`); its extension picks Markdown or plain text.
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,

    /// Exit with status 1 only for findings at or above this severity.
    #[arg(long, value_enum, default_value_t = FailOn::Warning)]
    pub fail_on: FailOn,

    /// When to colour the output.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One report per finding, with the line, the words underlined and a suggestion.
    Human,
    /// One JSON document (see the README for its fields).
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Info,
    Warning,
    Error,
    /// Never fail because of findings (errors still exit 2).
    Never,
}

impl FailOn {
    pub fn fails(self, severity: Severity) -> bool {
        match self {
            FailOn::Info => true,
            FailOn::Warning => severity >= Severity::Warning,
            FailOn::Error => severity >= Severity::Error,
            FailOn::Never => false,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
