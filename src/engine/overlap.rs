//! One finding per phrase.
//!
//! Rules overlap on purpose: "non-compliant" is compliance framing and a
//! label, "he never takes responsibility" an absolute and a moral verdict,
//! and two patterns of one rule may catch "clearly not committed" and
//! "not committed to the process". A reader wants one note in the margin
//! per phrase, so when findings share words only the most specific stays:
//! the one whose rule has the higher `priority` (deficit-label, any label,
//! has -1 and yields to a narrower rule on the same words), then a rule of
//! the user's own over a built-in one (a copied rule reports, and its
//! examples pass), then the one that matched the most of the sentence (it
//! read the most of the construction), then one that offers a fix, then the
//! earlier, then the rule whose id sorts first, so the choice never depends
//! on the order the rules were loaded in. Findings that only touch (one
//! ends where the next begins) both stay.
//!
//! Suppressions apply afterwards, to what is reported.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use super::Finding;
use crate::rule::Rule;

/// Drops every finding that shares words with a more specific one.
/// `findings` is sorted by start and stays in its order.
pub(super) fn one_per_phrase(findings: &mut Vec<Finding>, rules: &[Rule]) {
    if !any_overlap(findings) {
        return;
    }
    let mut order: Vec<usize> = (0..findings.len()).collect();
    order.sort_by(|&a, &b| outranks(&findings[a], &findings[b], rules));
    // The spans kept so far, start → end; they never overlap each other,
    // so the one starting last before a span's end is the only one to check.
    let mut kept: BTreeMap<usize, usize> = BTreeMap::new();
    let mut keep = vec![false; findings.len()];
    for i in order {
        let span = findings[i].span;
        if span.start == span.end {
            keep[i] = true;
            continue;
        }
        let clash = kept
            .range(..span.end)
            .next_back()
            .is_some_and(|(_, &end)| end > span.start);
        if !clash {
            kept.insert(span.start, span.end);
            keep[i] = true;
        }
    }
    let mut keep = keep.into_iter();
    findings.retain(|_| keep.next().unwrap_or(true));
}

/// Whether two of `findings` (sorted by start) share a byte.
fn any_overlap(findings: &[Finding]) -> bool {
    let mut end = 0;
    for f in findings {
        if f.span.start < end && f.span.start < f.span.end {
            return true;
        }
        end = end.max(f.span.end);
    }
    false
}

/// Whether the rule is the user's own (from `--rules` or the
/// configuration), not a built-in one.
fn is_own(rule: &Rule) -> bool {
    !rule.source.name.ends_with("(built-in)")
}

/// `Less` when `a` is the more specific finding.
fn outranks(a: &Finding, b: &Finding, rules: &[Rule]) -> Ordering {
    rules[b.rule]
        .priority
        .cmp(&rules[a.rule].priority)
        .then_with(|| {
            is_own(&rules[a.rule])
                .cmp(&is_own(&rules[b.rule]))
                .reverse()
        })
        .then_with(|| b.span.len().cmp(&a.span.len()))
        .then_with(|| b.fix.is_some().cmp(&a.fix.is_some()))
        .then_with(|| a.span.start.cmp(&b.span.start))
        .then_with(|| rules[a.rule].id.cmp(&rules[b.rule].id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Span;
    use crate::rule::RuleSet;

    fn finding(rule: usize, start: usize, end: usize) -> Finding {
        Finding {
            rule,
            span: Span::new(start, end),
            matched: String::new(),
            message: String::new(),
            suggestions: Vec::new(),
            fingerprint: String::new(),
            fix: None,
        }
    }

    fn kept(findings: &[Finding]) -> Vec<(usize, usize, usize)> {
        findings
            .iter()
            .map(|f| (f.rule, f.span.start, f.span.end))
            .collect()
    }

    /// The built-in rules, and the index of each by id.
    fn rules() -> (RuleSet, impl Fn(&str) -> usize) {
        let set = RuleSet::load(true, &[]).unwrap();
        let ids: Vec<String> = set.rules.iter().map(|r| r.id.clone()).collect();
        (set, move |id: &str| {
            ids.iter().position(|i| i == id).unwrap()
        })
    }

    #[test]
    fn the_longer_of_two_overlapping_matches_stays() {
        let (set, at) = rules();
        let ai = at("assumed-intent");
        // "He is clearly not committed to the process": two patterns of one rule.
        let mut f = vec![finding(ai, 6, 27), finding(ai, 14, 42)];
        one_per_phrase(&mut f, &set.rules);
        assert_eq!(kept(&f), [(ai, 14, 42)]);
        let bq = at("blame-question");
        let mut f = vec![finding(bq, 0, 40), finding(ai, 5, 30)];
        one_per_phrase(&mut f, &set.rules);
        assert_eq!(kept(&f), [(bq, 0, 40)]);
    }

    #[test]
    fn a_label_yields_to_a_narrower_rule_whatever_their_lengths() {
        let (set, at) = rules();
        let (dl, cf) = (at("deficit-label"), at("compliance-framing"));
        let (ab, mo) = (at("absolute-about-person"), at("moralising"));
        // "He is too immature to take feedback": a label inside a longer verdict.
        let dv = at("developmental-verdict");
        let mut f = vec![finding(dl, 6, 18), finding(dv, 6, 37)];
        one_per_phrase(&mut f, &set.rules);
        assert_eq!(kept(&f), [(dv, 6, 37)]);
        // "non-compliant": the same words.
        let mut f = vec![finding(cf, 10, 23), finding(dl, 10, 23)];
        one_per_phrase(&mut f, &set.rules);
        assert_eq!(kept(&f), [(cf, 10, 23)]);
        // Rules of equal priority: "He never takes responsibility" holds
        // "never takes responsibility"; the longer stays.
        let mut f = vec![finding(ab, 0, 29), finding(mo, 3, 29)];
        one_per_phrase(&mut f, &set.rules);
        assert_eq!(kept(&f), [(ab, 0, 29)]);
    }

    #[test]
    fn the_same_words_keep_the_finding_with_a_fix_then_the_first_rule_id() {
        let (set, at) = rules();
        let (a, b) = (at("appearance-judgement"), at("credibility-doubt"));
        let mut f = vec![finding(b, 4, 18), finding(a, 4, 18)];
        one_per_phrase(&mut f, &set.rules);
        assert_eq!(kept(&f), [(a, 4, 18)]);
        let mut f = vec![finding(a, 4, 18), finding(b, 4, 18)];
        f[1].fix = Some(super::super::Edit {
            replacement: "x".into(),
            applicability: crate::rule::Applicability::Unsafe,
        });
        one_per_phrase(&mut f, &set.rules);
        assert_eq!(kept(&f), [(b, 4, 18)]);
    }

    #[test]
    fn findings_that_only_touch_or_stand_apart_all_stay() {
        let (set, at) = rules();
        let (a, b) = (at("appearance-judgement"), at("credibility-doubt"));
        let mut f = vec![
            finding(a, 0, 5),
            finding(b, 5, 9),
            finding(a, 20, 25),
            finding(b, 25, 25),
        ];
        let before = kept(&f);
        one_per_phrase(&mut f, &set.rules);
        assert_eq!(kept(&f), before);
    }

    #[test]
    fn a_chain_keeps_what_the_winner_does_not_touch() {
        let (set, at) = rules();
        let (a, b, c) = (
            at("appearance-judgement"),
            at("blame-question"),
            at("credibility-doubt"),
        );
        // The long middle one wins and takes both neighbours it overlaps;
        // a later finding clear of it stays, in order.
        let mut f = vec![
            finding(a, 0, 6),
            finding(b, 4, 20),
            finding(c, 18, 24),
            finding(a, 30, 34),
        ];
        one_per_phrase(&mut f, &set.rules);
        assert_eq!(kept(&f), [(b, 4, 20), (a, 30, 34)]);
        // Two long ones either side of a shorter bridge: the bridge goes.
        let mut f = vec![finding(a, 0, 10), finding(b, 8, 12), finding(c, 11, 21)];
        one_per_phrase(&mut f, &set.rules);
        assert_eq!(kept(&f), [(a, 0, 10), (c, 11, 21)]);
    }
}
