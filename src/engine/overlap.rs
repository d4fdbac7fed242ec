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
//! The finding that stays takes in the words of those it overlapped:
//! "clearly not committed" and "not committed to the process" (two
//! patterns of one rule) are one finding over "clearly not committed to
//! the process", its text built from the match that won (its words,
//! captures and message), its suggestion reworded over the whole phrase,
//! so "clearly" goes with the rest. So with another rule's: "I have run
//! out of patience with her excuses" is one moral verdict over "run out of
//! patience with her excuses" (a label's match, "run out of patience with
//! her", yielded), reworded as "I … (what happened…)", not "I have run
//! out of … (what happened…)". Across the tuning sets no finding shares
//! only an edge word with another rule's; where one of a rule shares one
//! with its own ("is very large and", "and smells") they are one phrase.
//! The finding stops short of any other finding kept, and of punctuation
//! at its new edges; its fix, which rewrites its own match, is off.
//!
//! Suppressions apply afterwards, to what is reported.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use super::Hit;
use crate::document::{Document, Span};
use crate::rule::Rule;

/// Which of `hits` (sorted by start) stay, one per phrase, as the module
/// says; `None` when no two overlap. A hit's text (and so its fix) is not
/// built yet: it offers a fix if its rule has a fix template. Each hit
/// kept takes in the words of the dropped hits it overlaps (its `span`
/// and `reach` grow).
pub(super) fn one_per_phrase(
    hits: &mut [Hit],
    doc: &Document,
    rules: &[Rule],
) -> Option<Vec<bool>> {
    let keep = keep(hits, rules, |h| {
        (h.rule, h.span, rules[h.rule].fix.is_some())
    })?;
    take_in_overlapped(hits, &keep, doc);
    Some(keep)
}

/// Widens each kept hit over the dropped hits it overlaps
/// (in `at`, prose bytes), up to the next kept hit either side and without
/// punctuation or spaces at the new edges.
fn take_in_overlapped(hits: &mut [Hit], keep: &[bool], doc: &Document) {
    let text = doc.prose.text.as_str();
    // Kept hits with words, in order of start: they do not overlap.
    let kept: Vec<usize> = (0..hits.len())
        .filter(|&i| keep[i] && !hits[i].at.is_empty())
        .collect();
    for d in 0..hits.len() {
        if keep[d] || hits[d].at.is_empty() {
            continue;
        }
        let at = hits[d].at.clone();
        for (j, &k) in kept.iter().enumerate() {
            let won = &hits[k];
            if won.at.end <= at.start || at.end <= won.at.start {
                continue;
            }
            let whole = won.whole();
            // The neighbours as they stand (a neighbour widened towards
            // this one already is a bound).
            let floor = j.checked_sub(1).map_or(0, |p| hits[kept[p]].whole().end);
            let ceiling = kept
                .get(j + 1)
                .map_or(text.len(), |&n| hits[n].whole().start);
            let mut start = at.start.max(floor).min(whole.start);
            let mut end = at.end.min(ceiling).max(whole.end);
            start += text[start..whole.start]
                .find(char::is_alphanumeric)
                .unwrap_or(whole.start - start);
            end = whole.end
                + text[whole.end..end]
                    .rfind(char::is_alphanumeric)
                    .map_or(0, |i| {
                        i + text[whole.end + i..]
                            .chars()
                            .next()
                            .map_or(0, char::len_utf8)
                    });
            if (start, end) == (whole.start, whole.end) {
                continue;
            }
            let (Ok(before), Ok(after)) = (
                u32::try_from(hits[k].at.start - start),
                u32::try_from(end - hits[k].at.end),
            ) else {
                continue;
            };
            let won = &mut hits[k];
            let span = Span::new(
                if start < whole.start {
                    doc.prose.source_offset(start)
                } else {
                    won.span.start
                },
                if end > whole.end {
                    file_end(doc, end)
                } else {
                    won.span.end
                },
            );
            won.span = span;
            won.reach = (before, after);
        }
    }
}

/// Where in the file the prose ending at `end` ends: after the file's
/// character behind the last prose character, which may be longer (a
/// folded space for a no-break space), as `Engine::consider` reckons it.
fn file_end(doc: &Document, end: usize) -> usize {
    let last = doc.prose.text[..end]
        .chars()
        .next_back()
        .map_or(0, char::len_utf8);
    let at = doc.prose.source_offset(end - last);
    at + doc.text[at..].chars().next().map_or(0, char::len_utf8)
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
    fn findings_one_per_phrase(findings: &mut Vec<Finding>, rules: &[Rule]) {
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
        findings_one_per_phrase(&mut f, &set.rules);
        assert_eq!(kept(&f), [(ai, 14, 42)]);
        let bq = at("blame-question");
        let mut f = vec![finding(bq, 0, 40), finding(ai, 5, 30)];
        findings_one_per_phrase(&mut f, &set.rules);
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
        findings_one_per_phrase(&mut f, &set.rules);
        assert_eq!(kept(&f), [(dv, 6, 37)]);
        // "non-compliant": the same words.
        let mut f = vec![finding(cf, 10, 23), finding(dl, 10, 23)];
        findings_one_per_phrase(&mut f, &set.rules);
        assert_eq!(kept(&f), [(cf, 10, 23)]);
        // Rules of equal priority: "He never takes responsibility" holds
        // "never takes responsibility"; the longer stays.
        let mut f = vec![finding(ab, 0, 29), finding(mo, 3, 29)];
        findings_one_per_phrase(&mut f, &set.rules);
        assert_eq!(kept(&f), [(ab, 0, 29)]);
    }

    #[test]
    fn the_same_words_keep_the_finding_with_a_fix_then_the_first_rule_id() {
        let (set, at) = rules();
        let (a, b) = (at("appearance-judgement"), at("credibility-doubt"));
        let mut f = vec![finding(b, 4, 18), finding(a, 4, 18)];
        findings_one_per_phrase(&mut f, &set.rules);
        assert_eq!(kept(&f), [(a, 4, 18)]);
        let mut f = vec![finding(a, 4, 18), finding(b, 4, 18)];
        f[1].fix = Some(super::super::Edit {
            replacement: "x".into(),
            applicability: crate::rule::Applicability::Unsafe,
        });
        findings_one_per_phrase(&mut f, &set.rules);
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
        findings_one_per_phrase(&mut f, &set.rules);
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
        findings_one_per_phrase(&mut f, &set.rules);
        assert_eq!(kept(&f), [(b, 4, 20), (a, 30, 34)]);
        // Two long ones either side of a shorter bridge: the bridge goes.
        let mut f = vec![finding(a, 0, 10), finding(b, 8, 12), finding(c, 11, 21)];
        findings_one_per_phrase(&mut f, &set.rules);
        assert_eq!(kept(&f), [(a, 0, 10), (c, 11, 21)]);
    }

    /// Hits of `(rule, start, end)` (bytes) in the plain note `text`,
    /// sorted by start as the matcher gives them.
    fn hits(text: &str, at: &[(usize, usize, usize)]) -> (Document, Vec<Hit>) {
        let doc = Document::new("note".into(), text.into(), crate::document::Kind::Plain);
        assert!(doc.prose.text.starts_with(text), "plain prose is the text");
        let hits = at
            .iter()
            .map(|&(rule, s, e)| {
                Hit::new(
                    rule,
                    Span::new(s, e),
                    s..e,
                    crate::engine::lazy::Why::Phrase,
                )
            })
            .collect();
        (doc, hits)
    }

    /// What `one_per_phrase` keeps: (rule, the words of its span, its own
    /// match's words).
    fn merged<'t>(
        text: &'t str,
        hits: &[Hit],
        keep: Option<Vec<bool>>,
    ) -> Vec<(usize, &'t str, &'t str)> {
        let keep = keep.unwrap_or_else(|| vec![true; hits.len()]);
        hits.iter()
            .zip(keep)
            .filter(|(_, k)| *k)
            .map(|(h, _)| {
                assert_eq!(&text[h.whole()], &text[h.span.start..h.span.end]);
                (h.rule, &text[h.span.start..h.span.end], &text[h.at.clone()])
            })
            .collect()
    }

    #[test]
    fn the_finding_that_stays_takes_in_the_words_of_those_it_overlapped() {
        let (set, at) = rules();
        let ai = at("assumed-intent");
        let text = "He is clearly not committed to the process.";
        let (doc, mut h) = hits(text, &[(ai, 6, 27), (ai, 14, 42)]);
        let keep = super::one_per_phrase(&mut h, &doc, &set.rules);
        assert_eq!(
            merged(text, &h, keep),
            [(
                ai,
                "clearly not committed to the process",
                "not committed to the process"
            )]
        );
        assert_eq!(h[1].reach, (8, 0));
        // Another rule's words too, sharing one at the edge.
        let (mo, dl) = (at("moralising"), at("deficit-label"));
        let text = "I have run out of patience with her excuses.";
        let (doc, mut h) = hits(text, &[(dl, 7, 35), (mo, 18, 43)]);
        let keep = super::one_per_phrase(&mut h, &doc, &set.rules);
        assert_eq!(
            merged(text, &h, keep),
            [(
                mo,
                "run out of patience with her excuses",
                "patience with her excuses"
            )]
        );
    }

    #[test]
    fn a_merged_finding_stops_at_punctuation_and_at_other_findings() {
        let (set, at) = rules();
        let ap = at("appearance-judgement");
        // "and smells," took the comma; the finding ends at "smells".
        let text = "Mr Patel is very large and smells, not nice at the table.";
        let (doc, mut h) = hits(text, &[(ap, 9, 26), (ap, 23, 34)]);
        let keep = super::one_per_phrase(&mut h, &doc, &set.rules);
        assert_eq!(
            merged(text, &h, keep),
            [(ap, "is very large and smells", "is very large and")]
        );
        // Only punctuation beyond the winner: nothing to take in.
        let mi = at("minimising");
        let text = "He needs to stop moaning.";
        let (doc, mut h) = hits(text, &[(mi, 3, 24), (mi, 17, 25)]);
        let keep = super::one_per_phrase(&mut h, &doc, &set.rules);
        assert_eq!(
            merged(text, &h, keep),
            [(mi, "needs to stop moaning", "needs to stop moaning")]
        );
        assert_eq!(h[0].reach, (0, 0));
        // A bridge between two kept findings widens the first up to the
        // second and the second not at all: they still do not overlap.
        let (a, b) = (at("blame-question"), at("credibility-doubt"));
        let text = "aaaa bbbb cccc dddd eeee ffff gggg";
        let (doc, mut h) = hits(text, &[(a, 0, 14), (a, 10, 24), (b, 20, 34)]);
        let keep = super::one_per_phrase(&mut h, &doc, &set.rules);
        assert_eq!(
            merged(text, &h, keep),
            [
                (a, "aaaa bbbb cccc dddd", "aaaa bbbb cccc"),
                (b, "eeee ffff gggg", "eeee ffff gggg")
            ]
        );
    }
}
