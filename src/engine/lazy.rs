//! Findings whose text is built only when they are shown.
//!
//! A finding's message, suggestions and fix cost a few hundred bytes and
//! some work each; a note in which every line is a finding held all of them
//! at once, many times the note's size in memory (issue 18). The matcher
//! keeps a [`Hit`] instead: the rule, the span and which pattern matched
//! where (a few words, no allocation); a pattern's captures, which the
//! message may quote, are found again, by an anchored search at the match,
//! for the findings built.
//! [`Engine::lint_lazy`] gives a note's hits after suppressions, and
//! [`Lint::select`] builds the first few the report shows and only counts
//! the rest.

use std::ops::Range;

use super::{Engine, Finding};
use crate::document::{Document, Span};
use crate::rule::Severity;

/// A finding before its text is built.
#[derive(Debug)]
pub struct Hit {
    pub(crate) rule: usize,
    pub(crate) span: Span,
    /// The match in the note's prose text (`Document::prose`).
    pub(crate) at: Range<usize>,
    /// How many prose bytes the finding reaches before and after `at`:
    /// the words of overlapping matches of its rule it took in
    /// (`overlap.rs`). Its text is built from `at`, its suggestions
    /// reword the whole.
    pub(crate) reach: (u32, u32),
    pub(crate) why: Why,
}

/// What made a hit, as far as building its text needs to know.
#[derive(Debug)]
pub(crate) enum Why {
    Phrase,
    /// Pattern `pattern`, an index into `Engine::patterns` (see
    /// `Engine::run_range` for the text it ran over).
    Pattern {
        pattern: usize,
    },
    /// The sentence model read the sentence as this rule's kind of
    /// judgment (`learned.rs`); the hit is on its heaviest words.
    Sentence,
    /// A finding the engine makes whole (an unused suppression).
    Built(Box<Finding>),
}

impl Hit {
    pub(crate) fn new(rule: usize, span: Span, at: Range<usize>, why: Why) -> Hit {
        Hit {
            rule,
            span,
            at,
            reach: (0, 0),
            why,
        }
    }

    /// The prose bytes of the whole phrase the finding stands for: its
    /// match and what it took in of overlapping ones.
    pub(crate) fn whole(&self) -> Range<usize> {
        self.at.start - self.reach.0 as usize..self.at.end + self.reach.1 as usize
    }

    /// Index of the rule in the engine's rule set.
    pub fn rule(&self) -> usize {
        self.rule
    }

    pub fn span(&self) -> Span {
        self.span
    }
}

/// A note's findings after suppressions, sorted by position then rule, as
/// [`Engine::lint`] gives them, with their text not built yet.
pub struct Lint<'e, 'd> {
    engine: &'e Engine<'e>,
    doc: &'d Document,
    hits: Vec<Hit>,
}

/// What [`Lint::select`] kept: the findings to show with their levels, and
/// how many more there were, with the most severe level among those.
#[derive(Debug, Default)]
pub struct Selected {
    pub shown: Vec<(Finding, Severity)>,
    pub more: usize,
    pub worst_of_more: Option<Severity>,
    /// How many more each rule has, as `(index in the rule set, count)`,
    /// by index.
    pub more_by_rule: Vec<(usize, usize)>,
}

impl<'e> Engine<'e> {
    /// [`Engine::lint`], with each finding's text built only when asked for.
    pub fn lint_lazy<'d>(&'e self, doc: &'d Document) -> Lint<'e, 'd> {
        let mut overlapping = self.hits_overlapping(doc);
        let keep = if self.options.one_per_phrase {
            super::overlap::one_per_phrase(&mut overlapping, doc, self.rules)
        } else {
            None
        };
        let kept_by_overlap = |i: usize| keep.as_ref().is_none_or(|k| k[i]);
        // memchr's SIMD substring search, as `suppress` does.
        if memchr::memmem::find(doc.text.as_bytes(), b"regard-").is_none() {
            let mut i = 0;
            let mut hits = overlapping;
            hits.retain(|_| {
                i += 1;
                kept_by_overlap(i - 1)
            });
            return Lint {
                engine: self,
                doc,
                hits,
            };
        }
        // Suppressions work on findings: give them ones without text (no
        // allocation each), then match what they keep back to the hits, in
        // the same order. The findings they add are whole. They see every
        // rule's findings, those that yielded to another rule's on the same
        // words included (a directive naming such a rule is in use).
        let bare = |h: &Hit| Finding {
            rule: h.rule,
            span: h.span,
            matched: String::new(),
            message: String::new(),
            suggestions: Vec::new(),
            fingerprint: String::new(),
            fix: None,
        };
        let all: Vec<Finding> = overlapping.iter().map(bare).collect();
        let hits: Vec<Hit> = overlapping
            .into_iter()
            .enumerate()
            .filter(|&(i, _)| kept_by_overlap(i))
            .map(|(_, h)| h)
            .collect();
        let kept = self.suppress(doc, &all, hits.iter().map(bare).collect());
        drop(all);
        // What suppressions keep is in the order of the hits, with their own
        // findings in between.
        let mut hits = hits.into_iter();
        let mut out = Vec::with_capacity(kept.len());
        for f in kept {
            if self.rules[f.rule].engine_check.is_some() {
                out.push(Hit::new(f.rule, f.span, 0..0, Why::Built(Box::new(f))));
                continue;
            }
            let hit = hits
                .find(|h| (h.rule, h.span) == (f.rule, f.span))
                .expect("suppressions keep hits in order");
            out.push(hit);
        }
        Lint {
            engine: self,
            doc,
            hits: out,
        }
    }
}

impl Lint<'_, '_> {
    pub fn len(&self) -> usize {
        self.hits.len()
    }

    pub fn is_empty(&self) -> bool {
        self.hits.is_empty()
    }

    /// Every finding, built.
    pub fn into_findings(self) -> Vec<Finding> {
        let (engine, doc) = (self.engine, self.doc);
        let mut found: Vec<Finding> = self
            .hits
            .into_iter()
            .map(|h| engine.finish(doc, h))
            .collect();
        super::agree::first_suggestions(&doc.text, &mut found);
        found
    }

    /// The findings `level` keeps (it gives a kept hit's level, `None` to
    /// leave it out), the first `max` of them built, the rest counted.
    pub fn select(
        self,
        max: usize,
        mut level: impl FnMut(Probe<'_>) -> Option<Severity>,
    ) -> Selected {
        let Lint { engine, doc, hits } = self;
        let mut selected = Selected::default();
        for hit in hits {
            let rule = hit.rule;
            let Some(l) = level(Probe {
                engine,
                doc,
                hit: &hit,
            }) else {
                continue;
            };
            if selected.shown.len() < max {
                selected.shown.push((engine.finish(doc, hit), l));
            } else {
                selected.more += 1;
                selected.worst_of_more = selected.worst_of_more.max(Some(l));
                let counts = &mut selected.more_by_rule;
                match counts.binary_search_by_key(&rule, |&(r, _)| r) {
                    Ok(i) => counts[i].1 += 1,
                    Err(i) => counts.insert(i, (rule, 1)),
                }
            }
        }
        let (mut built, levels): (Vec<Finding>, Vec<Severity>) =
            std::mem::take(&mut selected.shown).into_iter().unzip();
        super::agree::first_suggestions(&doc.text, &mut built);
        selected.shown = built.into_iter().zip(levels).collect();
        selected
    }
}

/// One hit, as [`Lint::select`] shows it to the caller deciding its level.
pub struct Probe<'a> {
    engine: &'a Engine<'a>,
    doc: &'a Document,
    hit: &'a Hit,
}

impl Probe<'_> {
    /// Index of the rule in the engine's rule set.
    pub fn rule(&self) -> usize {
        self.hit.rule
    }

    /// The finding's fingerprint (see [`Finding::fingerprint`]), whatever
    /// the engine's options.
    pub fn fingerprint(&self) -> String {
        self.engine.hit_fingerprint(self.doc, self.hit)
    }
}
