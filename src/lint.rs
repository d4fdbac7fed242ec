//! Linting one note under a configuration: the pipeline `regard check` and
//! `regard server` share (as ruff's server calls the `check_path` its
//! command line calls).
//!
//! ```text
//! Document ──engine──▶ Finding ──per-file──▶ (Finding, Severity) ──cap──▶
//!          ──locate──▶ Located ──baseline──▶ ──redact──▶ Linted
//! ```
//!
//! [`Linter::findings`] is the first half: the engine's findings with the
//! severity the configuration gives each one for this file (`per-file`
//! settings may turn a rule off there). The editor stops there (it needs
//! byte spans, not lines and columns), and so does `--fix`. [`Linter::lint`]
//! goes on to what every output of `regard check` shows: findings with
//! lines and columns, the ones in the baseline dropped, and no note text
//! under `--redact`.

use std::path::Path;
use std::sync::Mutex;

use crate::baseline::Baseline;
use crate::config::Settings;
use crate::document::Document;
use crate::engine::{Engine, Finding};
use crate::report::{self, LeftOut, Located};
use crate::rule::{RuleSet, Severity};

/// A configuration in force: its settings, its rules and their engine.
#[derive(Clone, Copy)]
pub struct Linter<'a> {
    pub settings: &'a Settings,
    pub rules: &'a RuleSet,
    pub engine: &'a Engine<'a>,
}

/// Whether a note's findings are capped at [`report::MAX_PER_NOTE`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cap {
    /// At most that many are kept; the rest are counted (people read these).
    Yes,
    /// All are kept (a baseline or a SARIF file must record every one).
    No,
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
    /// The engine's findings in `doc`, each with the severity the
    /// configuration gives it for `path` (the file `per-file` globs are
    /// matched against; `None` for a buffer with no file).
    pub fn findings(&self, doc: &Document, path: Option<&Path>) -> Vec<(Finding, Severity)> {
        let rules = &self.rules.rules;
        let findings = self.engine.lint(doc);
        match path {
            Some(path) if self.settings.has_per_file() => findings
                .into_iter()
                .filter_map(|f| {
                    let rule = &rules[f.rule];
                    self.settings
                        .rule_for_path(path, &rule.id, rule.severity)
                        .map(|level| (f, level))
                })
                .collect(),
            _ => findings
                .into_iter()
                .map(|f| {
                    let level = rules[f.rule].severity;
                    (f, level)
                })
                .collect(),
        }
    }

    /// Everything `regard check` reports of `doc`: [`Linter::findings`]
    /// (capped if asked), with lines and columns, less what `baseline`
    /// excuses, redacted under `--redact`.
    pub fn lint(
        &self,
        doc: &Document,
        path: Option<&Path>,
        cap: Cap,
        baseline: Option<&Mutex<Baseline>>,
    ) -> Linted {
        let mut findings = self.findings(doc, path);
        let mut by_rule = Vec::new();
        if cap == Cap::Yes {
            count(
                &mut by_rule,
                findings
                    .iter()
                    .skip(report::MAX_PER_NOTE)
                    .map(|(f, _)| f.rule),
            );
        }
        let left_out;
        (findings, left_out) = match cap {
            Cap::Yes => report::cap(findings),
            Cap::No => (findings, LeftOut::default()),
        };
        let mut rules: Vec<usize> = findings.iter().map(|(f, _)| f.rule).collect();
        let (findings, levels): (Vec<Finding>, Vec<Severity>) = findings.into_iter().unzip();
        let mut located = report::locate(doc, findings, &self.rules.rules);
        for (l, level) in located.iter_mut().zip(levels) {
            l.level = level;
        }
        if let Some(baseline) = baseline {
            let mut baseline = baseline
                .lock()
                .expect("no worker panics while holding the lock");
            let excused: Vec<bool> = located.iter().map(|l| baseline.excuses(l)).collect();
            let mut i = 0;
            located.retain(|_| {
                i += 1;
                !excused[i - 1]
            });
            let mut i = 0;
            rules.retain(|_| {
                i += 1;
                !excused[i - 1]
            });
        }
        count(&mut by_rule, rules.into_iter());
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
