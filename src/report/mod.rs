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

/// Findings shown for one note. A note in which every line is a finding
/// held a finding, its position and its rendered report for each line:
/// about 67 bytes of memory per byte of note (issue 18). Past this many, the
/// rest are counted, not kept: the run's totals and exit status include
/// them, and the report says how many were left out.
pub const MAX_PER_NOTE: usize = 1000;

/// What [`cap`] left out of a note's findings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LeftOut {
    pub count: usize,
    /// The most severe level among them.
    pub worst: Option<Severity>,
}

/// The first [`MAX_PER_NOTE`] findings, and what was left out; the findings
/// left out are dropped here, before anything is built for them.
pub fn cap<T>(mut findings: Vec<(T, Severity)>) -> (Vec<(T, Severity)>, LeftOut) {
    if findings.len() <= MAX_PER_NOTE {
        return (findings, LeftOut::default());
    }
    let rest = findings.split_off(MAX_PER_NOTE);
    findings.shrink_to_fit();
    let left_out = LeftOut {
        count: rest.len(),
        worst: rest
            .iter()
            .map(|&(_, level)| level)
            .max_by_key(|l| rank(*l)),
    };
    (findings, left_out)
}

fn rank(level: Severity) -> u8 {
    match level {
        Severity::Info => 0,
        Severity::Warning => 1,
        Severity::Error => 2,
    }
}

impl LeftOut {
    /// The line that says so, for the human and concise formats.
    pub fn notice(&self, path: &str) -> String {
        if self.count == 0 {
            return String::new();
        }
        format!(
            "regard: {} more {} in `{}` not shown (at most {MAX_PER_NOTE} a note); the totals include them.\n",
            self.count,
            if self.count == 1 { "finding" } else { "findings" },
            source::one_line(path),
        )
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
