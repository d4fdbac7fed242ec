//! Reporting findings: `human.rs` (miette reports), `json.rs`, `concise.rs`
//! (one line each), `github.rs` (Actions annotations) and `sarif.rs` (code
//! scanning). `source.rs` is what human-facing output shows of a file: a
//! window around the place, control characters made visible.
//!
//! Findings leave the engine as byte spans; [`locate`] gives them lines and
//! columns once, and every format renders from those [`Located`] records, so
//! the formats cannot disagree about where a finding is.

pub mod concise;
pub mod github;
pub mod human;
pub mod json;
pub mod sarif;
pub mod source;

use serde::Serialize;

use crate::document::{Document, LineIndex, Position};
use crate::engine::{Edit, Finding};
use crate::rule::{Rule, Severity};

/// A finding with its place in human terms.
#[derive(Debug, Clone, Serialize)]
pub struct Located {
    pub path: String,
    pub rule: String,
    pub severity: &'static str,
    #[serde(skip)]
    pub level: Severity,
    pub message: String,
    pub start: Position,
    pub end: Position,
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
                severity: rule.severity.as_str(),
                level: rule.severity,
                message: f.message,
                start: index.position(f.span.start),
                end: index.position(f.span.end),
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
/// its rendered report for each line: about 67 bytes of memory per byte of
/// note (issue 18). Past this many, the rest are counted, not built: the
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
            severity: rule.severity.as_str(),
            level: rule.severity,
            message: String::new(),
            start: nowhere,
            end: nowhere,
            matched: String::new(),
            suggestions: Vec::new(),
            fix: None,
            fingerprint,
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
