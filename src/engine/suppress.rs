//! Applying suppression comments (`document/suppress.rs` parses them).
//!
//! [`Engine::lint`] is [`Engine::find`] plus suppressions: findings a
//! directive covers are dropped, and a directive that covered nothing is
//! itself a finding of the `unused-suppression` rule, like ruff's RUF100, so
//! stale suppressions do not pile up. With `require-reasons`, a directive
//! without a reason is a finding of `unexplained-suppression`.

use super::{fingerprint, Engine, Finding};
use crate::document::suppress::{directives, Action, Directive};
use crate::document::{Document, LineIndex, Span};
use crate::rule::EngineCheck;

impl Engine<'_> {
    /// All findings in `doc` after suppressions, sorted by position.
    pub fn lint(&self, doc: &Document) -> Vec<Finding> {
        let mut findings = self.find(doc);
        // memchr's SIMD substring search: `str::contains` was 2% of a run.
        if memchr::memmem::find(doc.text.as_bytes(), b"regard-").is_none() {
            return findings;
        }
        let index = LineIndex::new(&doc.text);
        let dirs = directives(&doc.text, doc.kind, &index);
        if dirs.is_empty() {
            return findings;
        }
        // (directive, rule entry) pairs that suppressed something.
        let mut used = vec![Vec::new(); dirs.len()];
        for (d, dir) in dirs.iter().enumerate() {
            used[d] = vec![false; dir.rules.len()];
        }
        findings.retain(|f| {
            let id = &self.rules[f.rule].id;
            let line = index.position(f.span.start).line;
            let mut keep = true;
            for (d, dir) in dirs.iter().enumerate() {
                for (r, (name, _)) in dir.rules.iter().enumerate() {
                    if name == id && covers(&dirs, d, name, line) {
                        used[d][r] = true;
                        keep = false;
                    }
                }
            }
            keep
        });
        let unused = self.engine_rule(EngineCheck::UnusedSuppression);
        let unexplained = self
            .engine_rule(EngineCheck::UnexplainedSuppression)
            .filter(|_| self.options.require_reasons);
        for (d, dir) in dirs.iter().enumerate() {
            if dir.action == Action::Enable {
                continue;
            }
            if let Some(rule) = unused {
                for (r, (name, span)) in dir.rules.iter().enumerate() {
                    if !used[d][r] && !self.deselected(name) {
                        findings.push(self.engine_finding(rule, *span, name, doc));
                    }
                }
            }
            if let Some(rule) = unexplained {
                if dir.reason.is_none() {
                    findings.push(self.engine_finding(rule, dir.span, directive_name(dir), doc));
                }
            }
        }
        findings.sort_by(|a, b| {
            (a.span.start, a.span.end, &self.rules[a.rule].id).cmp(&(
                b.span.start,
                b.span.end,
                &self.rules[b.rule].id,
            ))
        });
        findings
    }

    fn engine_rule(&self, check: EngineCheck) -> Option<usize> {
        self.rules
            .iter()
            .position(|r| r.engine_check == Some(check))
    }

    /// A rule the configuration turned off is not "unused" in a suppression:
    /// the suppression may matter again when the rule comes back.
    fn deselected(&self, id: &str) -> bool {
        self.known_ids.iter().any(|k| k == id) && !self.rules.iter().any(|r| r.id == id)
    }

    fn engine_finding(&self, rule: usize, span: Span, matched: &str, doc: &Document) -> Finding {
        let r = &self.rules[rule];
        let fingerprint = if self.options.fingerprints {
            let line_start = doc.text[..span.start].rfind('\n').map_or(0, |i| i + 1);
            let line_end = doc.text[span.end..]
                .find('\n')
                .map_or(doc.text.len(), |i| span.end + i);
            fingerprint(&r.id, matched, &doc.text[line_start..line_end])
        } else {
            String::new()
        };
        Finding {
            rule,
            span,
            matched: matched.to_string(),
            message: r.message.render(matched, None),
            suggestions: r.suggest.iter().map(|t| t.render(matched, None)).collect(),
            fingerprint,
            fix: None,
        }
    }
}

fn directive_name(dir: &Directive) -> &'static str {
    match dir.action {
        Action::Ignore => "regard-ignore",
        Action::Disable => "regard-disable",
        Action::Enable => "regard-enable",
    }
}

/// Whether directive `d` covers `line` for rule `id`.
fn covers(dirs: &[Directive], d: usize, id: &str, line: usize) -> bool {
    let dir = &dirs[d];
    match dir.action {
        Action::Ignore => line == if dir.alone { dir.line + 1 } else { dir.line },
        Action::Disable => {
            let end = dirs[d + 1..]
                .iter()
                .find(|e| e.action == Action::Enable && e.rules.iter().any(|(n, _)| n == id))
                .map_or(usize::MAX, |e| e.line);
            dir.line <= line && line <= end
        }
        Action::Enable => false,
    }
}
