//! Applying suppression comments (`document/suppress.rs` parses them).
//!
//! [`Engine::lint`] is [`Engine::find`] plus suppressions: findings a
//! directive covers are dropped, and a directive that covered nothing is
//! itself a finding of the `unused-suppression` rule, like ruff's RUF100, so
//! stale suppressions do not pile up. With `require-reasons`, a directive
//! without a reason is a finding of `unexplained-suppression`.

use std::collections::HashMap;

use super::{fingerprint, Engine, Finding};
use crate::document::suppress::{directives, Action, Directive};
use crate::document::{Document, LineIndex, Span};
use crate::rule::EngineCheck;

impl Engine<'_> {
    /// All findings in `doc` after suppressions, sorted by position.
    pub fn lint(&self, doc: &Document) -> Vec<Finding> {
        self.suppress(doc, self.find(doc))
    }

    /// `findings` (those of `doc`, sorted) after its suppressions.
    pub(crate) fn suppress(&self, doc: &Document, mut findings: Vec<Finding>) -> Vec<Finding> {
        // memchr's SIMD substring search: `str::contains` was 2% of a run.
        if memchr::memmem::find(doc.text.as_bytes(), b"regard-").is_none() {
            return findings;
        }
        let index = LineIndex::new(&doc.text);
        let dirs = directives(&doc.text, doc.kind, &index);
        if dirs.is_empty() {
            return findings;
        }
        let (suppressed, used) = sweep(&dirs, &findings, &index, |f| &self.rules[f.rule].id);
        let mut suppressed = suppressed.into_iter();
        findings.retain(|_| !suppressed.next().unwrap_or(false));
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

/// Which findings the directives suppress, and which (directive, rule
/// entry) pairs suppressed something: `(suppressed[finding], used[d][r])`.
///
/// Every rule entry of a directive covers a range of lines for its rule:
/// `regard-ignore` one line (the next when it stands alone, else its own),
/// `regard-disable` its own line to the next `regard-enable` of that rule
/// (inclusive), or the end. Comparing every finding with every directive
/// was quadratic, and finding the enable for each pair cubic (issue 18);
/// here, per rule, ranges and finding lines are sorted once: a sweep with
/// the furthest end so far says which findings are covered, and a binary
/// search per range says whether any finding falls in it.
fn sweep<'a>(
    dirs: &'a [Directive],
    findings: &[Finding],
    index: &LineIndex<'_>,
    rule_id: impl Fn(&Finding) -> &'a str,
) -> (Vec<bool>, Vec<Vec<bool>>) {
    // Ranges per rule id: (first line, last line, directive, entry).
    let mut ranges: HashMap<&str, Vec<(usize, usize, usize, usize)>> = HashMap::new();
    // The line of the next `regard-enable` of each rule, from the end back.
    let mut next_enable: HashMap<&str, usize> = HashMap::new();
    for (d, dir) in dirs.iter().enumerate().rev() {
        for (r, (name, _)) in dir.rules.iter().enumerate() {
            let name = name.as_str();
            let range = match dir.action {
                Action::Ignore => {
                    let line = if dir.alone { dir.line + 1 } else { dir.line };
                    (line, line)
                }
                Action::Disable => {
                    let end = next_enable.get(name).copied().unwrap_or(usize::MAX);
                    (dir.line, end)
                }
                Action::Enable => continue,
            };
            ranges
                .entry(name)
                .or_default()
                .push((range.0, range.1, d, r));
        }
        // After the directive's own entries: an enable covers the disables
        // before it, not one later in the same comment.
        if dir.action == Action::Enable {
            for (name, _) in &dir.rules {
                next_enable.insert(name.as_str(), dir.line);
            }
        }
    }
    let mut used: Vec<Vec<bool>> = dirs.iter().map(|d| vec![false; d.rules.len()]).collect();
    let mut suppressed = vec![false; findings.len()];
    if ranges.is_empty() {
        return (suppressed, used);
    }
    // Findings per rule id that some directive names: (line, finding).
    let mut lines: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
    for (i, f) in findings.iter().enumerate() {
        let id = rule_id(f);
        if let Some((&id, _)) = ranges.get_key_value(id) {
            lines
                .entry(id)
                .or_default()
                .push((index.position(f.span.start).line, i));
        }
    }
    for (id, mut ranges) in ranges {
        let Some(mut lines) = lines.remove(id) else {
            continue;
        };
        ranges.sort_unstable();
        lines.sort_unstable();
        // Covered: some range starting at or before the line ends at or after it.
        let mut next = 0;
        let mut reach = 0;
        for &(line, i) in &lines {
            while next < ranges.len() && ranges[next].0 <= line {
                reach = reach.max(ranges[next].1);
                next += 1;
            }
            if next > 0 && reach >= line {
                suppressed[i] = true;
            }
        }
        // Used: the first finding at or after the range's start is in it.
        for (first, last, d, r) in ranges {
            let at = lines.partition_point(|&(line, _)| line < first);
            if lines.get(at).is_some_and(|&(line, _)| line <= last) {
                used[d][r] = true;
            }
        }
    }
    (suppressed, used)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::suppress::Directive;

    /// The rule before the sweep, one directive at a time: the reference.
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

    #[test]
    fn the_sweep_agrees_with_comparing_every_pair() {
        const IDS: [&str; 3] = ["a", "b", "c"];
        let text = "\n".repeat(40);
        let index = LineIndex::new(&text);
        // A fixed pseudo-random sequence (64-bit LCG), so failures repeat.
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: u64| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            ((state >> 33) % n) as usize
        };
        for _ in 0..500 {
            let mut dirs: Vec<Directive> = (0..next(8))
                .map(|_| Directive {
                    action: [Action::Ignore, Action::Disable, Action::Enable][next(3)],
                    rules: (0..1 + next(3))
                        .map(|_| (IDS[next(3)].to_string(), Span::new(0, 0)))
                        .collect(),
                    reason: None,
                    span: Span::new(0, 0),
                    line: 1 + next(30),
                    alone: next(2) == 0,
                })
                .collect();
            dirs.sort_by_key(|d| d.line);
            let mut findings: Vec<Finding> = (0..next(12))
                .map(|_| {
                    let at = next(35);
                    Finding {
                        rule: next(3),
                        span: Span::new(at, at + 1),
                        matched: String::new(),
                        message: String::new(),
                        suggestions: Vec::new(),
                        fingerprint: String::new(),
                        fix: None,
                    }
                })
                .collect();
            findings.sort_by_key(|f| f.span.start);
            let (suppressed, used) = sweep(&dirs, &findings, &index, |f| IDS[f.rule]);
            let mut want_used: Vec<Vec<bool>> =
                dirs.iter().map(|d| vec![false; d.rules.len()]).collect();
            for (i, f) in findings.iter().enumerate() {
                let line = f.span.start + 1;
                let mut covered = false;
                for (d, dir) in dirs.iter().enumerate() {
                    for (r, (name, _)) in dir.rules.iter().enumerate() {
                        if name == IDS[f.rule] && covers(&dirs, d, name, line) {
                            want_used[d][r] = true;
                            covered = true;
                        }
                    }
                }
                assert_eq!(suppressed[i], covered, "finding {i} in {dirs:#?}");
            }
            assert_eq!(used, want_used, "{dirs:#?} {findings:#?}");
        }
    }
}
