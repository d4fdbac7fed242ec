//! Reporting findings: one [`Emitter`] per output format, one file each:
//! `human.rs` (miette reports), `concise.rs` (one line each), `json.rs`,
//! `sarif.rs` (code scanning) and `github.rs` (Actions annotations); the
//! baseline `--write-baseline` records is one too (`crate::baseline`).
//! `source.rs` is what human-facing output shows of a file: a window around
//! the place, control characters made visible.
//!
//! Findings leave the engine as byte spans; [`locate`] gives them lines and
//! columns once, and every format renders from those [`Located`] records, so
//! the formats cannot disagree about where a finding is.
//!
//! A new format is a file here with a type implementing [`Emitter`], a
//! variant of `cli::Format`, and its arm in [`emitter`].

pub mod concise;
pub mod github;
pub mod human;
pub mod json;
pub mod sarif;
pub mod source;
pub mod statistics;

use miette::Diagnostic;
use serde::Serialize;

use crate::document::{Document, LineIndex, Position};
use crate::engine::{Edit, Finding};
use crate::rule::{Rule, Severity};

/// An output format, as `regard check` drives it (like ruff's `Emitter`
/// and ripgrep's `Sink`): each note's findings are rendered by the worker
/// that checked the note, so its text can be dropped there; the renderings
/// are written in the walk's order; then the run's end.
pub trait Emitter: Send + Sync {
    /// One note's output (nothing, for a format about the whole run).
    fn note(&self, note: &NoteOutput<'_>) -> String {
        let _ = note;
        String::new()
    }

    /// A shorter form of one note's output, rendered beside
    /// [`Emitter::note`] when [`Emitter::in_order`] may choose it (the
    /// human format's one-line findings past the first few of a run).
    fn compact_note(&self, note: &NoteOutput<'_>) -> Option<String> {
        let _ = note;
        None
    }

    /// What to write for a note, given what the worker rendered, on the
    /// thread that writes and in the walk's order: the place for anything
    /// that depends on the notes before (a JSON document's opening, then
    /// commas; how many findings were already shown in full).
    fn in_order(&self, rendered: Rendered) -> String {
        rendered.full
    }

    /// Whether [`Emitter::finish`] needs every finding of the run: they
    /// are then kept to the end, uncapped and with fingerprints.
    fn whole_run(&self) -> bool {
        false
    }

    /// The end of the output: a summary, a document's closing, a whole
    /// SARIF document, or a file written (whose failure is an error).
    fn finish(&self, run: &RunOutput<'_>) -> Result<String, Box<dyn Diagnostic + Send + Sync>>;
}

/// The output formats (`--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One report per finding, with the line, the words underlined and a suggestion.
    Human,
    /// One line per finding: `path:line:col: severity rule: message`.
    Concise,
    /// One JSON document (see the README for its fields).
    Json,
    /// SARIF 2.1.0, for code-scanning dashboards.
    Sarif,
    /// GitHub Actions annotations.
    Github,
}

impl Format {
    /// Whether this is a format people read, which `-q` cuts to its summary.
    pub fn for_people(self) -> bool {
        matches!(self, Format::Human | Format::Concise)
    }
}

/// How the formats people read are shown.
#[derive(Debug, Clone, Copy, Default)]
pub struct Style {
    /// `-q`: the summary line only.
    pub quiet: bool,
    pub color: bool,
    /// The terminal's width, if output goes to one.
    pub width: Option<usize>,
    /// `--redact`: no note text.
    pub redact: bool,
    /// `--diff`: each note's diff instead of its reports.
    pub diff: bool,
    /// `--full`: every finding as a full report, however many.
    pub full: bool,
}

/// The emitter for a format: where formats are registered.
pub fn emitter(format: Format, style: Style) -> Box<dyn Emitter> {
    match format {
        Format::Human => Box::new(human::HumanOutput::new(
            (!style.quiet && !style.diff)
                .then(|| human::Human::new(style.color, style.width, style.redact)),
            style.quiet,
            style.diff,
            style.full,
        )),
        Format::Concise => Box::new(concise::ConciseOutput { quiet: style.quiet }),
        Format::Json => Box::<json::JsonOutput>::default(),
        Format::Sarif => Box::new(sarif::SarifOutput),
        Format::Github => Box::new(github::GithubOutput),
    }
}

/// One note's output as a worker rendered it.
#[derive(Debug, Default)]
pub struct Rendered {
    pub full: String,
    pub compact: Option<String>,
    /// How many findings the note has.
    pub findings: usize,
}

/// What an [`Emitter`] is given about one note.
pub struct NoteOutput<'a> {
    pub doc: &'a Document,
    /// The findings shown (redacted under `--redact`).
    pub findings: &'a [Located],
    pub left_out: LeftOut,
    pub rules: &'a [Rule],
    /// What `--fix` or `--diff` made of the note: a diff, the fixed text
    /// (from standard input), a line saying what would change, or nothing.
    pub fixed: &'a str,
}

/// What an [`Emitter`] is given at the end of the run.
pub struct RunOutput<'a> {
    /// Notes checked.
    pub checked: usize,
    /// Findings in them, and how many notes had any.
    pub findings: usize,
    pub with_findings: usize,
    /// Fixes applied (or, with `--diff`, that would be).
    pub fixed: usize,
    /// Whether some note or folder could not be checked.
    pub errors: bool,
    /// Every finding of the run, if some emitter asked ([`Emitter::whole_run`]).
    pub whole_run: &'a [Located],
    /// How many findings each rule had, by its index in `rules`.
    pub by_rule: &'a [usize],
    pub rules: &'a [Rule],
    /// Notes with findings `--max-findings-per-note` left out of the
    /// report, by name, in the order of the run.
    pub left_out: &'a [(String, LeftOut)],
}

/// A finding with its place in human terms.
#[derive(Debug, Clone, Serialize)]
pub struct Located {
    pub path: String,
    pub rule: String,
    /// The severity in force for this finding (the rule's, or the
    /// configuration's for this file).
    #[serde(rename = "severity", serialize_with = "severity_name")]
    pub level: Severity,
    pub message: String,
    pub start: Position,
    pub end: Position,
    /// The page the finding starts on, where the note says (a Word or
    /// LibreOffice document that records its page breaks).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    pub matched: String,
    pub suggestions: Vec<String>,
    /// A replacement `--fix` can apply, if the rule has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<Edit>,
    /// See [`crate::engine::Finding::fingerprint`]. Not in the JSON output.
    #[serde(skip)]
    pub fingerprint: String,
}

impl Located {
    /// The same finding with no note text: the rule's generic summary for a
    /// message, nothing matched, no suggestions or fixes that quote the note.
    pub fn redacted(&self, rules: &[Rule]) -> Located {
        let summary = rules
            .iter()
            .find(|r| r.id == self.rule)
            .map_or(String::new(), |r| r.summary.clone());
        Located {
            message: summary,
            matched: String::new(),
            suggestions: Vec::new(),
            fix: None,
            ..self.clone()
        }
    }
}

fn severity_name<S: serde::Serializer>(level: &Severity, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(level.as_str())
}

/// The findings with lines and columns, for output. Takes them over: their
/// text moves into the result rather than being copied.
pub fn locate(
    doc: &Document,
    findings: impl IntoIterator<Item = Finding>,
    rules: &[Rule],
) -> Vec<Located> {
    // Built for the first finding: a clean note needs no line index.
    let mut index = None;
    findings
        .into_iter()
        .map(|f| {
            let index = index.get_or_insert_with(|| LineIndex::new(&doc.text));
            let rule = &rules[f.rule];
            Located {
                path: doc.path.clone(),
                rule: rule.id.clone(),
                level: rule.severity,
                message: f.message,
                start: index.position(f.span.start),
                end: index.position(f.span.end),
                page: doc.kind.format().page(&doc.text, f.span.start),
                matched: f.matched,
                suggestions: f.suggestions,
                fingerprint: f.fingerprint,
                fix: f.fix,
            }
        })
        .collect()
}

/// Findings shown for one note by default (`--max-findings-per-note`). A
/// note in which every line is a finding held a finding, its position and
/// its rendered report for each line, many times the note's size in memory
/// (issue 18). Past this many, the rest are counted, not built: the
/// run's totals and exit status include them, and the report says how
/// many were left out.
pub const MAX_PER_NOTE: usize = 1000;

/// What the per-note limit left out of a note's findings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LeftOut {
    pub count: usize,
    /// The most severe level among them.
    pub worst: Option<Severity>,
    /// The limit in force.
    pub limit: usize,
}

impl LeftOut {
    /// The line that says so, for the human and concise formats.
    pub fn notice(&self, path: &str) -> String {
        if self.count == 0 {
            return String::new();
        }
        format!(
            "regard: {} more {} in `{}` not shown (at most {} a note); the totals include them.\n",
            self.count,
            if self.count == 1 {
                "finding"
            } else {
                "findings"
            },
            source::one_line(path),
            self.limit,
        )
    }

    /// The same for the log of a GitHub Actions run: a notice annotation.
    pub fn github_notice(&self, path: &str) -> String {
        if self.count == 0 {
            return String::new();
        }
        format!(
            "::notice file={}::{}",
            github::escape_property(path),
            github::escape_data(&format!(
                "{} more {} in this note not shown (at most {} a note; --max-findings-per-note)",
                self.count,
                if self.count == 1 {
                    "finding"
                } else {
                    "findings"
                },
                self.limit,
            ))
        ) + "\n"
    }
}

impl Located {
    /// A finding as a baseline sees it (path, rule, fingerprint), to ask
    /// whether the baseline excuses it before its text is built.
    pub fn probe(path: &str, rule: &Rule, fingerprint: String) -> Located {
        let nowhere = Position {
            line: 0,
            column: 0,
            offset: 0,
        };
        Located {
            path: path.to_string(),
            rule: rule.id.clone(),
            level: rule.severity,
            message: String::new(),
            start: nowhere,
            end: nowhere,
            matched: String::new(),
            suggestions: Vec::new(),
            fix: None,
            fingerprint,
            page: None,
        }
    }
}

/// "1 note", "3 notes".
pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}
