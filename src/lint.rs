//! Linting one note under a configuration: the pipeline `regard check` and
//! `regard server` share (as ruff's server calls the `check_path` its
//! command line calls).
//!
//! ```text
//! Document ──engine──▶ Hit ──per-file──▶ (Hit, Severity) ──baseline──▶
//!          ──limit──▶ Finding (built) ──locate──▶ Located ──redact──▶ Linted
//! ```
//!
//! One path: [`Linter::select`] runs the engine once
//! ([`Engine::lint_lazy`]), gives each finding the severity the
//! configuration gives it for this file (`per-file` settings may turn a
//! rule off there), drops what the baseline excuses, and builds the first
//! `limit` findings, counting the rest (`engine/lazy.rs`, issue 18). Its
//! callers stop where they need to:
//!
//! - the editor (`server/note.rs`) at [`Linter::select`]: it needs byte
//!   spans, which it turns into LSP positions itself;
//! - `--fix` at [`Linter::findings`]: every finding, no limit, no baseline;
//! - every output of `regard check` at [`Linter::lint`], which goes on to
//!   lines and columns and, under `--redact`, no note text.

use std::path::Path;
use std::sync::Mutex;

use crate::baseline::Baseline;
use crate::config::Settings;
use crate::document::Document;
use crate::engine::{Engine, Finding, Selected};
use crate::report::{self, LeftOut, Located};
use crate::rule::{RuleSet, Severity};

/// A configuration in force: its settings, its rules and their engine.
#[derive(Clone, Copy)]
pub struct Linter<'a> {
    pub settings: &'a Settings,
    pub rules: &'a RuleSet,
    pub engine: &'a Engine<'a>,
}

/// One note's findings, as outputs show them.
#[derive(Debug, Default)]
pub struct Linted {
    /// In the order the engine found them, with the severity in force;
    /// redacted under `--redact`.
    pub findings: Vec<Located>,
    /// What the cap left out, counted.
    pub left_out: LeftOut,
    /// How many findings (shown or left out) each rule has here, as
    /// `(index in the rule set, count)`, by index.
    pub by_rule: Vec<(usize, usize)>,
}

impl Linted {
    /// How many findings the note has (those left out included).
    pub fn count(&self) -> usize {
        self.findings.len() + self.left_out.count
    }

    /// Whether a finding (shown or left out) fails the run.
    pub fn fails(&self, settings: &Settings) -> bool {
        self.findings
            .iter()
            .any(|l| settings.fail_on.fails(l.level))
            || self
                .left_out
                .worst
                .is_some_and(|l| settings.fail_on.fails(l))
    }
}

impl<'a> Linter<'a> {
    /// Every finding in `doc`, built, each with the severity the
    /// configuration gives it for `path`: [`Linter::select`] with no limit
    /// and no baseline.
    pub fn findings(&self, doc: &Document, path: Option<&Path>) -> Vec<(Finding, Severity)> {
        self.select(doc, path, usize::MAX, None).shown
    }

    /// The engine's findings in `doc` that the configuration keeps for
    /// `path` (the file `per-file` globs are matched against; `None` for a
    /// buffer with no file) and `baseline` does not excuse, the first
    /// `limit` of them built (with their severities), the rest only
    /// counted: no text is built for a finding not shown (issue 18).
    pub fn select(
        &self,
        doc: &Document,
        path: Option<&Path>,
        limit: usize,
        baseline: Option<&Mutex<Baseline>>,
    ) -> Selected {
        let rules = &self.rules.rules;
        let mut baseline =
            baseline.map(|b| b.lock().expect("no worker panics while holding the lock"));
        let per_file = path.filter(|_| self.settings.has_per_file());
        self.engine.lint_lazy(doc).select(limit, |hit| {
            let rule = &rules[hit.rule()];
            let level = match per_file {
                Some(path) => self.settings.rule_for_path(path, &rule.id, rule.severity)?,
                None => rule.severity,
            };
            if let Some(baseline) = baseline.as_mut() {
                let probe = Located::probe(&doc.path, rule, hit.fingerprint());
                if baseline.excuses(&probe) {
                    return None;
                }
            }
            Some(level)
        })
    }

    /// Everything `regard check` reports of `doc`: [`Linter::select`],
    /// the findings shown with lines and columns (redacted under
    /// `--redact`), the rest counted by rule.
    pub fn lint(
        &self,
        doc: &Document,
        path: Option<&Path>,
        limit: usize,
        baseline: Option<&Mutex<Baseline>>,
    ) -> Linted {
        let selected = self.select(doc, path, limit, baseline);
        let left_out = LeftOut {
            count: selected.more,
            worst: selected.worst_of_more,
            limit,
        };
        let mut by_rule = selected.more_by_rule;
        count(&mut by_rule, selected.shown.iter().map(|(f, _)| f.rule));
        let (findings, levels): (Vec<Finding>, Vec<Severity>) = selected.shown.into_iter().unzip();
        let mut located = report::locate(doc, findings, &self.rules.rules);
        for (l, level) in located.iter_mut().zip(levels) {
            l.level = level;
        }
        if self.settings.redact {
            for l in &mut located {
                *l = l.redacted(&self.rules.rules);
            }
        }
        Linted {
            findings: located,
            left_out,
            by_rule,
        }
    }
}

/// Adds one to `counts` (sorted by rule index) for each rule index given.
fn count(counts: &mut Vec<(usize, usize)>, rules: impl Iterator<Item = usize>) {
    for rule in rules {
        match counts.binary_search_by_key(&rule, |&(r, _)| r) {
            Ok(i) => counts[i].1 += 1,
            Err(i) => counts.insert(i, (rule, 1)),
        }
    }
}
