//! Applying suppression comments (`document/suppress.rs` parses them).
//!
//! [`Engine::lint`] is [`Engine::find`] plus suppressions: findings a
//! directive covers are dropped, and a directive that covered nothing is
//! itself a finding of the `unused-suppression` rule, like ruff's RUF100, so
//! stale suppressions do not pile up. With `require-reasons`, a directive
//! without a reason is a finding of `unexplained-suppression`. A directive
//! written wrong (no rule, a rule id that is not a rule, a missing colon or
//! comma, a misspelt `regard-ignore`) is a finding of `invalid-suppression`,
//! like ruff's invalid `noqa` codes (RUF102), with the closest rule id
//! offered: a typo must not leave a phrase silently unsuppressed or a
//! comment silently ignored. These last two can themselves be suppressed.

use std::collections::HashMap;

use super::{fingerprint, Edit, Engine, Finding};
use crate::did_you_mean;
use crate::document::suppress::{directives, Action, Directive, Problem};
use crate::document::{Document, LineIndex, Span};
use crate::rule::{Applicability, EngineCheck};

impl Engine<'_> {
    /// `findings` (those of `doc`, sorted, one per phrase) after its
    /// suppressions; `overlapping` are all of them before one per phrase
    /// was kept (see [`overlap`](super::overlap)).
    pub(crate) fn suppress(
        &self,
        doc: &Document,
        overlapping: &[Finding],
        mut findings: Vec<Finding>,
    ) -> Vec<Finding> {
        // memchr's SIMD substring search, faster than `str::contains`.
        if memchr::memmem::find(doc.text.as_bytes(), b"regard-").is_none() {
            return findings;
        }
        let index = LineIndex::new(&doc.text);
        let dirs = directives(&doc.text, doc.kind, &index);
        if dirs.is_empty() {
            return findings;
        }
        // Findings about how directives are written come first, so that
        // directives can suppress them like any other.
        if let Some(rule) = self.engine_rule(EngineCheck::InvalidSuppression) {
            for dir in &dirs {
                self.invalid(rule, dir, doc, &mut findings);
            }
        }
        let unexplained = self
            .engine_rule(EngineCheck::UnexplainedSuppression)
            .filter(|_| self.options.require_reasons);
        if let Some(rule) = unexplained {
            for dir in &dirs {
                let suppresses = matches!(dir.action, Action::Ignore | Action::Disable);
                if suppresses && !dir.rules.is_empty() && dir.reason.is_none() {
                    let name = directive_name(dir);
                    findings.push(self.engine_finding(rule, dir.span, name, doc));
                }
            }
        }
        let (suppressed, mut used) = sweep(&dirs, &findings, &index, |f| &self.rules[f.rule].id);
        // A directive naming a rule whose finding yielded to another rule's
        // on the same words ("compliance-framing, deficit-label" over
        // "non-compliant") is in use: its words are still what it is about.
        let (_, yielded) = sweep(&dirs, overlapping, &index, |f| &self.rules[f.rule].id);
        for (used, yielded) in used.iter_mut().zip(yielded) {
            for (u, y) in used.iter_mut().zip(yielded) {
                *u |= y;
            }
        }
        let mut suppressed = suppressed.into_iter();
        findings.retain(|_| !suppressed.next().unwrap_or(false));
        if let Some(rule) = self.engine_rule(EngineCheck::UnusedSuppression) {
            for (d, dir) in dirs.iter().enumerate() {
                if !matches!(dir.action, Action::Ignore | Action::Disable) {
                    continue;
                }
                for (r, (name, span)) in dir.rules.iter().enumerate() {
                    // An id that is no rule is `invalid-suppression`'s.
                    if !used[d][r] && self.known(name) && !self.deselected(name) {
                        findings.push(self.engine_finding(rule, *span, name, doc));
                    }
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

    fn known(&self, id: &str) -> bool {
        self.known_ids.iter().any(|k| k == id)
    }

    /// A rule the configuration turned off is not "unused" in a suppression:
    /// the suppression may matter again when the rule comes back.
    fn deselected(&self, id: &str) -> bool {
        self.known(id) && !self.rules.iter().any(|r| r.id == id)
    }

    /// The rule id closest to `name`, for "did you mean".
    fn closest_id(&self, name: &str) -> Option<&str> {
        did_you_mean::closest(name, self.known_ids.iter().map(String::as_str))
    }

    /// `invalid-suppression` findings for `dir`: each way it is written
    /// wrong, with the words at fault underlined and, where one is close,
    /// the rule id or directive it likely meant (as an unsafe fix).
    fn invalid(&self, rule: usize, dir: &Directive, doc: &Document, out: &mut Vec<Finding>) {
        let text = |span: Span| &doc.text[span.start..span.end];
        let keyword = text(dir.keyword);
        // Entries already reported whole, not again as unknown ids.
        let mut reported = vec![false; dir.rules.len()];
        for problem in &dir.problems {
            let (span, message, fix) = match *problem {
                Problem::UnknownAction(span) => {
                    match did_you_mean::closest(&keyword[7..], Action::NAMES) {
                        Some(name) => (
                            span,
                            format!("`{keyword}` is not a regard comment: did you mean `regard-{name}`?"),
                            Some(format!("regard-{name}")),
                        ),
                        None => (
                            span,
                            format!("`{keyword}` is not a regard comment: regard reads `regard-ignore`, `regard-disable` and `regard-enable`"),
                            None,
                        ),
                    }
                }
                Problem::NoRule(span) => {
                    // `regard-ignore: deficit-label`: the id after the colon.
                    let after = dir
                        .reason
                        .as_deref()
                        .and_then(|r| r.split([' ', ',']).next())
                        .filter(|w| self.known(w));
                    let message = match (after, dir.action) {
                        (Some(id), _) => format!(
                            "this `{keyword}` names no rule: the rule goes before the colon, `{keyword} {id}: …`"
                        ),
                        (None, Action::Enable) => format!(
                            "this `{keyword}` names no rule, so it ends no `regard-disable`"
                        ),
                        (None, _) => format!(
                            "this `{keyword}` names no rule, so it suppresses nothing"
                        ),
                    };
                    (span, message, None)
                }
                Problem::EmptyEntry(span) => (
                    span,
                    format!(
                        "a stray comma in this `{keyword}`: there is no rule id on one side of it"
                    ),
                    None,
                ),
                Problem::Unseparated { rule: r, words } => {
                    let (id, id_span) = &dir.rules[r];
                    let first = text(words).split([' ', '\t']).next().unwrap_or("");
                    if self.known(first) {
                        (
                            words,
                            format!("a comma is missing between `{id}` and `{first}`"),
                            None,
                        )
                    } else if self.known(id) || self.closest_id(id).is_some() {
                        (
                            words,
                            format!("a colon is missing between `{id}` and the reason"),
                            None,
                        )
                    } else {
                        reported[r] = true;
                        let whole = Span::new(id_span.start, words.end);
                        (
                            whole,
                            format!(
                                "`{}` is not a rule: name the rule first, then a colon and the reason",
                                text(whole)
                            ),
                            None,
                        )
                    }
                }
            };
            out.push(self.invalid_finding(rule, span, message, fix, doc));
        }
        for (r, (name, span)) in dir.rules.iter().enumerate() {
            if reported[r] || self.known(name) {
                continue;
            }
            let (message, fix) = match self.closest_id(name) {
                Some(id) => (
                    format!("`{name}` is not a rule: did you mean `{id}`?"),
                    // Only where the span holds the id: a Word comment's
                    // directive spans the words it is anchored to.
                    (text(*span) == name).then(|| id.to_string()),
                ),
                None => (format!("`{name}` is not a rule"), None),
            };
            out.push(self.invalid_finding(rule, *span, message, fix, doc));
        }
    }

    fn invalid_finding(
        &self,
        rule: usize,
        span: Span,
        message: String,
        fix: Option<String>,
        doc: &Document,
    ) -> Finding {
        let matched = &doc.text[span.start..span.end];
        Finding {
            message,
            fix: fix.map(|replacement| Edit {
                replacement,
                // The closest name is a guess: the writer checks it.
                applicability: Applicability::Unsafe,
            }),
            ..self.engine_finding(rule, span, matched, doc)
        }
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
        Action::Unknown => "regard-",
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
                Action::Enable | Action::Unknown => continue,
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

    use crate::document::{Document, Kind};
    use crate::rule::RuleSet;

    /// (rule, flagged text, message) of every finding in `text`.
    fn lint(text: &str, kind: Kind) -> Vec<(String, String, String)> {
        let rules = RuleSet::load(true, &[]).unwrap();
        let engine = Engine::new(&rules).unwrap();
        let doc = Document::new("n".into(), text.into(), kind);
        engine
            .lint(&doc)
            .into_iter()
            .map(|f| {
                (
                    rules.rules[f.rule].id.clone(),
                    text[f.span.start..f.span.end].to_string(),
                    f.message,
                )
            })
            .collect()
    }

    /// The one `invalid-suppression` finding in `text`: what it underlines
    /// and its message.
    fn invalid(text: &str, kind: Kind) -> (String, String) {
        let found: Vec<_> = lint(text, kind)
            .into_iter()
            .filter(|(rule, _, _)| rule == "invalid-suppression")
            .map(|(_, at, message)| (at, message))
            .collect();
        assert_eq!(found.len(), 1, "{text:?}: {found:?}");
        found.into_iter().next().unwrap()
    }

    #[test]
    fn each_malformed_directive_is_reported_at_its_words() {
        let cases = [
            (
                "<!-- regard-ignore -->\nWe met.\n",
                "regard-ignore",
                "this `regard-ignore` names no rule, so it suppresses nothing",
            ),
            (
                "<!-- regard-ignore: no rule given -->\nWe met.\n",
                "regard-ignore",
                "this `regard-ignore` names no rule, so it suppresses nothing",
            ),
            (
                "<!-- regard-disable , : transcript -->\nWe met.\n",
                "regard-disable",
                "this `regard-disable` names no rule, so it suppresses nothing",
            ),
            (
                "<!-- regard-enable -->\nWe met.\n",
                "regard-enable",
                "this `regard-enable` names no rule, so it ends no `regard-disable`",
            ),
            (
                "<!-- regard-ignore: deficit-label -->\nHe is a liar.\n",
                "regard-ignore",
                "this `regard-ignore` names no rule: the rule goes before the colon, `regard-ignore deficit-label: …`",
            ),
            (
                "He was resistant. <!-- regard-ignore deficit-label reason without colon -->\n",
                "reason without colon",
                "a colon is missing between `deficit-label` and the reason",
            ),
            (
                "He was resistant. <!-- regard-ignore deficit-label credibility-doubt: x -->\n",
                "credibility-doubt",
                "a comma is missing between `deficit-label` and `credibility-doubt`",
            ),
            (
                "We met. <!-- regard-ignore quoting the letter -->\n",
                "quoting the letter",
                "`quoting the letter` is not a rule: name the rule first, then a colon and the reason",
            ),
            (
                "We met. <!-- regard-ignore deficit-lable: quoting -->\n",
                "deficit-lable",
                "`deficit-lable` is not a rule: did you mean `deficit-label`?",
            ),
            (
                "We met. <!-- regard-ignore Deficit-Label: quoting -->\n",
                "Deficit-Label",
                "`Deficit-Label` is not a rule: did you mean `deficit-label`?",
            ),
            (
                "We met. <!-- regard-ignore resistance: quoting -->\n",
                "resistance",
                "`resistance` is not a rule",
            ),
            (
                "We met. <!-- regard-ignore deficit-label,, credibility-doubt: x -->\n",
                ",",
                "a stray comma in this `regard-ignore`: there is no rule id on one side of it",
            ),
            (
                "We met. <!-- regard-ingore deficit-label: quoting -->\n",
                "regard-ingore",
                "`regard-ingore` is not a regard comment: did you mean `regard-ignore`?",
            ),
            (
                "We met. <!-- regard-ignore-next-line deficit-label: quoting -->\n",
                "regard-ignore-next-line",
                "`regard-ignore-next-line` is not a regard comment: did you mean `regard-ignore`?",
            ),
            (
                "We met. <!-- regard-suppress deficit-label: quoting -->\n",
                "regard-suppress",
                "`regard-suppress` is not a regard comment: regard reads `regard-ignore`, `regard-disable` and `regard-enable`",
            ),
        ];
        for (text, at, message) in cases {
            assert_eq!(
                invalid(text, Kind::Markdown),
                (at.to_string(), message.to_string()),
                "{text:?}"
            );
            // The same directive in square brackets, in a plain-text note.
            let plain = text.replace("<!-- ", "[").replace(" -->", "]");
            assert_eq!(
                invalid(&plain, Kind::Plain),
                (at.to_string(), message.to_string()),
                "{plain:?}"
            );
        }
    }

    #[test]
    fn a_stray_comma_is_the_one_without_an_id() {
        for (text, offset) in [
            ("<!-- regard-ignore a-b,, c-d -->", 23),
            ("<!-- regard-ignore a-b, -->", 22),
            ("<!-- regard-ignore ,a-b: x -->", 19),
        ] {
            let index = LineIndex::new(text);
            let dirs = directives(text, Kind::Markdown, &index);
            assert_eq!(
                dirs[0].problems,
                [Problem::EmptyEntry(Span::new(offset, offset + 1))],
                "{text}"
            );
        }
    }

    #[test]
    fn a_colon_missing_keeps_the_rule_and_an_unknown_id_suppresses_nothing() {
        // The id before the missing colon still suppresses its rule.
        let kept = lint(
            "He was resistant. <!-- regard-ignore deficit-label quoting -->\n",
            Kind::Markdown,
        );
        assert_eq!(kept.len(), 1, "{kept:?}");
        assert_eq!(kept[0].0, "invalid-suppression");
        // A misspelt id neither suppresses nor is reported as unused.
        let rules: Vec<String> = lint(
            "He was resistant. <!-- regard-ignore deficit-lable: quoting -->\n",
            Kind::Markdown,
        )
        .into_iter()
        .map(|(rule, _, _)| rule)
        .collect();
        assert_eq!(rules, ["deficit-label", "invalid-suppression"]);
    }

    #[test]
    fn invalid_suppression_is_suppressed_like_any_rule() {
        let text = "<!-- regard-disable invalid-suppression: the old template -->\n\
                    We met. <!-- regard-ignore deficit-lable: quoting -->\n\
                    <!-- regard-ignore -->\n\
                    <!-- regard-enable invalid-suppression -->\n";
        assert_eq!(lint(text, Kind::Markdown), []);
        // Only within its range.
        let after = format!("{text}<!-- regard-ignore -->\n");
        assert_eq!(
            lint(&after, Kind::Markdown),
            [(
                "invalid-suppression".to_string(),
                "regard-ignore".to_string(),
                "this `regard-ignore` names no rule, so it suppresses nothing".to_string()
            )]
        );
    }

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
            Action::Enable | Action::Unknown => false,
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
                    keyword: Span::new(0, 0),
                    line: 1 + next(30),
                    alone: next(2) == 0,
                    problems: Vec::new(),
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
