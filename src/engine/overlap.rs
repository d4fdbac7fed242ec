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

use super::Hit;
use crate::document::Span;
use crate::rule::Rule;

/// Which hits stay, one per phrase, as the module says. A hit's text (and
/// so its fix) is not built yet: it offers a fix if its rule has a fix
/// template. `None` when
/// nothing overlaps, else which of `hits` (sorted by start) stay.
pub(super) fn hits_to_keep(hits: &[Hit], rules: &[Rule]) -> Option<Vec<bool>> {
    keep(hits, rules, |h| {
        (h.rule, h.span, rules[h.rule].fix.is_some())
    })
}

/// Which of `items` (sorted by start) stay, given each one's rule, span
/// and whether it offers a fix; `None` when no two share a byte.
fn keep<T>(
    items: &[T],
    rules: &[Rule],
    key: impl Fn(&T) -> (usize, Span, bool),
) -> Option<Vec<bool>> {
    let keys: Vec<(usize, Span, bool)> = items.iter().map(key).collect();
    if !any_overlap(&keys) {
        return None;
    }
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_by(|&a, &b| outranks(keys[a], keys[b], rules));
    // The spans kept so far, start → end; they never overlap each other,
    // so the one starting last before a span's end is the only one to check.
    let mut kept: BTreeMap<usize, usize> = BTreeMap::new();
    let mut keep = vec![false; keys.len()];
    for i in order {
        let span = keys[i].1;
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
    Some(keep)
}

/// Whether two of `keys` (sorted by start) share a byte.
fn any_overlap(keys: &[(usize, Span, bool)]) -> bool {
    let mut end = 0;
    for &(_, span, _) in keys {
        if span.start < end && span.start < span.end {
            return true;
        }
        end = end.max(span.end);
    }
    false
}

/// Whether the rule is the user's own (from `--rules` or the
/// configuration), not a built-in one.
fn is_own(rule: &Rule) -> bool {
    !rule.source.name.ends_with("(built-in)")
}

/// `Less` when `a` (rule, span, offers a fix) is the more specific finding.
fn outranks(a: (usize, Span, bool), b: (usize, Span, bool), rules: &[Rule]) -> Ordering {
    rules[b.0]
        .priority
        .cmp(&rules[a.0].priority)
        .then_with(|| is_own(&rules[a.0]).cmp(&is_own(&rules[b.0])).reverse())
        .then_with(|| b.1.len().cmp(&a.1.len()))
        .then_with(|| b.2.cmp(&a.2))
        .then_with(|| a.1.start.cmp(&b.1.start))
        .then_with(|| rules[a.0].id.cmp(&rules[b.0].id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Span;
    use crate::engine::Finding;
    use crate::rule::RuleSet;

    /// The ordering on built findings (one offers a fix if it has one), as
    /// on hits: drops every finding that shares words with a more specific
    /// one; `findings` is sorted by start and stays in its order.
    fn one_per_phrase(findings: &mut Vec<Finding>, rules: &[Rule]) {
        let Some(keep) = keep(findings, rules, |f| (f.rule, f.span, f.fix.is_some())) else {
            return;
        };
        let mut keep = keep.into_iter();
        findings.retain(|_| keep.next().unwrap_or(true));
    }

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
