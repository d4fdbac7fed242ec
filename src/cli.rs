//! Command-line arguments. The doc comments here are the `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

pub use crate::config::FailOn;
use crate::config::{Origin, Overrides};
pub use crate::report::Format;

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
    Check(Box<CheckArgs>),
    /// List the rules in force: id, severity and summary.
    Rules {
        #[command(flatten)]
        rules: RuleArgs,
        /// Print the full rule reference as Markdown (this is `docs/rules.md`).
        #[arg(long, conflicts_with = "phrases")]
        markdown: bool,
        /// Print every literal phrase of the rules, expanded, one per line
        /// (for comparing with other tools; the benchmark uses it).
        #[arg(long)]
        phrases: bool,
    },
    /// Run the `flag` and `pass` examples of the rules in a folder.
    Test {
        /// A folder of rule files.
        dir: PathBuf,
    },
    /// Print the effective configuration (file, then defaults).
    Config {
        #[command(flatten)]
        config: ConfigArgs,
        #[command(flatten)]
        rules: RuleArgs,
    },
    /// Explain one rule: what it flags, why, the curious alternative, examples.
    Rule {
        /// The rule's id, e.g. `deficit-label`.
        id: String,
        /// Print the rule's YAML file instead, as a starting point for a rule
        /// of your own: `regard rule deficit-label --yaml > my-rules/mine.yaml`.
        #[arg(long)]
        yaml: bool,
        #[command(flatten)]
        rules: RuleArgs,
    },
    /// Print shell completions, e.g. `regard completions bash >
    /// ~/.local/share/bash-completion/completions/regard`.
    Completions {
        /// The shell to complete in.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `regard man | man -l -`, or
    /// `regard man check` for a command's own page.
    Man {
        /// A command, for its page (`regard-check(1)`); none for regard(1).
        command: Option<String>,
    },
    /// Speak the Language Server Protocol on standard input and output, so an
    /// editor shows findings while a note is written. Configuration is found
    /// from the workspace root and reloaded when it or a rule file changes.
    /// Editor set-up: docs/editors.md.
    Server {
        #[command(flatten)]
        config: ConfigArgs,
        #[command(flatten)]
        rules: RuleArgs,
        /// Accepted and ignored: some editors pass it; stdio is the only transport.
        #[arg(long, hide = true)]
        stdio: bool,
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
pub struct ConfigArgs {
    /// Use this configuration file instead of looking for `.regard.yaml` or
    /// `regard.yaml` from the current folder up to the repository root.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Ignore all configuration files.
    #[arg(long, conflicts_with = "config")]
    pub isolated: bool,
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

    #[command(flatten)]
    pub config: ConfigArgs,

    /// Only these rules (comma-separated ids); overrides `select` in the configuration.
    #[arg(long, value_delimiter = ',', value_name = "IDS")]
    pub select: Vec<String>,

    /// Not these rules (comma-separated ids); added to `ignore` in the configuration.
    #[arg(long, value_delimiter = ',', value_name = "IDS")]
    pub ignore: Vec<String>,

    /// Print no note text in any format: only path, position, rule and the
    /// rule's generic message. For CI logs that many people can read.
    #[arg(long)]
    pub redact: bool,

    /// Record today's findings in FILE (hashes only, no note text) and exit 0.
    #[arg(long, value_name = "FILE", conflicts_with = "baseline")]
    pub write_baseline: Option<PathBuf>,

    /// Report only findings that are not in the baseline FILE.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,

    /// Apply safe fixes to the notes (rewordings that keep the meaning).
    #[arg(long)]
    pub fix: bool,

    /// With --fix or --diff, also apply unsafe fixes (rewordings that may change the meaning).
    #[arg(long)]
    pub unsafe_fixes: bool,

    /// Show what --fix would change, as a diff, without writing anything.
    #[arg(long, conflicts_with = "fix")]
    pub diff: bool,

    /// Skip notes larger than this many bytes, with a note [default: 16 MiB,
    /// or `max-file-size` in the configuration].
    #[arg(long, value_name = "BYTES")]
    pub max_file_size: Option<u64>,

    /// Show at most this many findings per note (0: no limit); the rest are
    /// counted in the totals and exit status, and the report says how many
    /// were not shown. `--write-baseline` records them all.
    #[arg(long, value_name = "N", default_value_t = crate::report::MAX_PER_NOTE)]
    pub max_findings_per_note: usize,

    /// Check only notes changed since this git revision (e.g. `origin/main`).
    #[arg(long, value_name = "REV")]
    pub changed_since: Option<String>,

    /// How to print findings.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// Instead of each finding, print how many each rule has, most first,
    /// then the summary line.
    #[arg(long, conflicts_with_all = ["format", "write_baseline"])]
    pub statistics: bool,

    /// Show every finding as a full report (by default, past the first 20
    /// findings of a run, the rest are one line each).
    #[arg(long)]
    pub full: bool,

    /// Write the --format output to FILE instead of standard output.
    #[arg(long, value_name = "FILE", conflicts_with = "write_baseline")]
    pub output_file: Option<PathBuf>,

    /// Also write another format to a file in the same run, e.g. `--output
    /// sarif=regard.sarif` beside GitHub annotations on standard output.
    /// May be repeated.
    #[arg(long, value_name = "FORMAT=FILE", value_parser = parse_output, conflicts_with = "write_baseline")]
    pub output: Vec<(Format, PathBuf)>,

    /// Print only the summary line (human and concise formats; JSON, SARIF
    /// and GitHub annotations are always printed whole).
    #[arg(short, long)]
    pub quiet: bool,

    /// The name to show for standard input (`-`); its extension picks Markdown or plain text.
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,

    /// Exit with status 1 only for findings at or above this severity
    /// [default: warning, or `fail-on` in the configuration].
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,

    /// When to colour the output.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
}

impl ConfigArgs {
    /// Which configuration file these flags ask for.
    pub fn origin(&self) -> Origin {
        Origin {
            file: self.config.clone(),
            isolated: self.isolated,
        }
    }
}

impl CheckArgs {
    /// What these flags set over the configuration file.
    pub fn overrides(&self) -> Overrides {
        Overrides {
            fail_on: self.fail_on,
            select: self.select.clone(),
            ignore: self.ignore.clone(),
            redact: self.redact,
            max_file_size: self.max_file_size,
        }
    }
}

/// `--output FORMAT=FILE`.
fn parse_output(value: &str) -> Result<(Format, PathBuf), String> {
    let names: Vec<String> = Format::value_variants()
        .iter()
        .filter_map(|f| f.to_possible_value().map(|v| v.get_name().to_string()))
        .collect();
    let Some((format, file)) = value.split_once('=').filter(|(_, f)| !f.is_empty()) else {
        return Err(format!(
            "expected FORMAT=FILE, e.g. sarif=regard.sarif (formats: {})",
            names.join(", ")
        ));
    };
    let format = Format::from_str(format, false)
        .map_err(|_| format!("`{format}` is not a format (formats: {})", names.join(", ")))?;
    Ok((format, PathBuf::from(file)))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

impl Color {
    /// Whether to colour standard output. `auto` follows the conventions
    /// other tools do: `NO_COLOR` turns colour off; `CLICOLOR_FORCE` or
    /// `FORCE_COLOR` (set, and not `0`) turn it on when output is not a
    /// terminal (a CI log that shows colour, `less -R`); else colour on a
    /// terminal only.
    pub fn enabled(self, is_terminal: bool) -> bool {
        let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
        let forced = |name: &str| set(name) && std::env::var_os(name).is_some_and(|v| v != "0");
        match self {
            Color::Always => true,
            Color::Never => false,
            Color::Auto if set("NO_COLOR") => false,
            Color::Auto if forced("CLICOLOR_FORCE") || forced("FORCE_COLOR") => true,
            Color::Auto => is_terminal,
        }
    }
}

/// The width to wrap reports to when standard output is a terminal: its
/// width (or `COLUMNS`, as clap's help does); `None` (80 columns) into a
/// pipe or file, so saved output does not depend on the window.
pub fn terminal_width(is_terminal: bool) -> Option<usize> {
    if !is_terminal {
        return None;
    }
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .or_else(|| terminal_size::terminal_size().map(|(w, _)| usize::from(w.0)))
        .filter(|&w| w >= 20)
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
