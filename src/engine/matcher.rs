//! Running an [`Engine`] over a document.
//!
//! A candidate match becomes a finding only if it stands as whole words,
//! no `unless` entry of its rule touches it, and (for most rules) it is not
//! inside quoted speech. Context is looked up only for candidates, which are
//! rare, so the cost of a clean note is a pass of the phrase automaton and
//! of the trigger automaton, and runs of the few patterns woken in a few
//! blocks.

use std::ops::Range;
use std::sync::atomic::Ordering;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

use super::compile::build_automaton;
use regex_automata::util::captures::Captures;
use regex_automata::{Anchored, Input};

use super::lazy::{Hit, Why};
use super::{Engine, Finding};
use crate::document::quotes::{is_quoted, quoted_ranges};
use crate::document::span::{ceil_char_boundary, floor_char_boundary};
use crate::document::{Document, Span};
use crate::rule::pattern::{Groups, Speed};
use crate::rule::InQuotes;

/// How far `unless` looks around a match, in bytes.
const CONTEXT: usize = 120;

/// Notes shorter than this (in prose bytes) may be searched word by word,
/// for phrases and trigger literals, instead of building automata for
/// them (see `Engine::phrase_matches`).
const SHORT_NOTE: usize = 16 * 1024;

impl Engine<'_> {
    /// All findings in `doc`, sorted by position, then rule: one per
    /// phrase (`overlap.rs`).
    pub fn find(&self, doc: &Document) -> Vec<Finding> {
        let mut found: Vec<Finding> = self
            .hits(doc)
            .into_iter()
            .map(|hit| self.finish(doc, hit))
            .collect();
        super::agree::first_suggestions(&doc.text, &mut found);
        found
    }

    /// Where findings are in `doc`, sorted by position, then rule: what
    /// [`Engine::find`] returns, before any text is built for them (see
    /// `lazy.rs`), one per phrase.
    pub(crate) fn hits(&self, doc: &Document) -> Vec<Hit> {
        let mut hits = self.hits_overlapping(doc);
        if self.options.one_per_phrase {
            if let Some(keep) = super::overlap::one_per_phrase(&mut hits, doc, self.rules) {
                let mut keep = keep.into_iter();
                hits.retain(|_| keep.next().unwrap_or(true));
            }
        }
        hits
    }

    /// Every rule's hits in `doc`, sorted by position, then rule, before
    /// [`overlap`](super::overlap) keeps one per phrase: a suppression of
    /// a rule whose finding yielded to another is still in use.
    pub(super) fn hits_overlapping(&self, doc: &Document) -> Vec<Hit> {
        let text = doc.prose.text.as_str();
        // What the automata search (see `Engine::with_options`).
        let lower = text.to_ascii_lowercase();
        let mut hits = Vec::new();
        // A short note, while only a few have been: search word by word.
        let by_word = lower.len() < SHORT_NOTE && self.take_word_by_word_turn();
        let runs = self.pattern_runs(doc, &lower, by_word);
        match self.speed() {
            Speed::Lean => std::thread::scope(|scope| {
                self.compile_beside(scope, &runs);
                self.find_in(doc, &lower, by_word, &runs, &mut hits);
            }),
            Speed::Fast => self.find_in(doc, &lower, by_word, &runs, &mut hits),
        }
        drop(lower);
        // Of a rule's candidates at one span, the one of its earliest
        // pattern is kept, whatever order the search found them in: two
        // patterns of a rule can match the same words with different
        // captures, so different messages ("How can the parents not notice
        // …?"), and the triggered search and the exhaustive one meet them
        // in different orders.
        let first = |h: &Hit| match h.why {
            Why::Phrase => (0, 0),
            Why::Pattern { pattern } => (1, pattern),
            Why::Sentence => (2, 0),
            Why::Built(_) => (3, 0),
        };
        hits.sort_by(|a, b| {
            (a.span.start, a.span.end, &self.rules[a.rule].id, first(a)).cmp(&(
                b.span.start,
                b.span.end,
                &self.rules[b.rule].id,
                first(b),
            ))
        });
        hits.dedup_by(|a, b| a.rule == b.rule && a.span == b.span);
        if self.options.sentence_model {
            self.read_sentences(doc, &mut hits);
        }
        hits
    }

    /// Adds a hit for each sentence of `doc` that no hit is in and that the
    /// sentence model reads as judging (`learned.rs`), as a finding of the
    /// kind's rule on its heaviest words, if that rule is in force and its
    /// context (quoted speech, `unless`, text about judging) lets it be.
    fn read_sentences(&self, doc: &Document, hits: &mut Vec<Hit>) {
        let model = crate::learned::model();
        let rule_of: Vec<Option<usize>> = model
            .kinds()
            .iter()
            .map(|k| self.rules.iter().position(|r| &r.id == k))
            .collect();
        if rule_of.iter().all(Option::is_none) {
            return;
        }
        let text = doc.prose.text.as_str();
        let mut taken: Vec<Range<usize>> = hits.iter().map(|h| h.whole()).collect();
        taken.sort_by_key(|r| r.start);
        let mut quotes = QuoteCache::default();
        let mut found = Vec::new();
        for block in &doc.prose.blocks {
            for sentence in crate::learned::sentences(text, block.range.clone()) {
                let first = taken.partition_point(|r| r.end <= sentence.start);
                if taken.get(first).is_some_and(|r| r.start < sentence.end) {
                    continue;
                }
                let Some(reading) = model.read(&text[sentence.clone()]) else {
                    continue;
                };
                let kind = model.kinds().iter().position(|k| k == reading.kind);
                let Some(r) = kind.and_then(|k| rule_of[k]) else {
                    continue;
                };
                let at = sentence.start + reading.span.start..sentence.start + reading.span.end;
                if let Some(span) = self.consider(doc, r, at.clone(), &mut quotes) {
                    found.push(Hit::new(r, span, at, Why::Sentence));
                }
            }
        }
        if !found.is_empty() {
            hits.extend(found);
            hits.sort_by_key(|h| (h.span.start, h.span.end));
        }
    }

    /// Compiles, on a second thread, the lean patterns `runs` will need
    /// that a hook has not compiled yet, from the last; the search compiles from
    /// the first, and whichever reaches a pattern first builds it (the
    /// other waits for it). Compiling a few woken patterns was most of a
    /// one-note run, while the other core was idle.
    fn compile_beside<'scope>(
        &'scope self,
        scope: &'scope std::thread::Scope<'scope, '_>,
        runs: &[Run],
    ) {
        let mut listed = vec![false; self.patterns.len()];
        let pending: Vec<usize> = runs
            .iter()
            .map(|run| run.pattern)
            .filter(|&i| !std::mem::replace(&mut listed[i], true))
            .filter(|&i| !self.patterns[i].1.is_compiled(Speed::Lean))
            // A pattern with a program needs its regex only for a search
            // the program hands back (rare): not compiled ahead.
            .filter(|&i| self.options.exhaustive || self.patterns[i].1.program().is_none())
            .collect();
        if pending.len() < 2 {
            return;
        }
        scope.spawn(move || {
            for &i in pending.iter().rev() {
                self.patterns[i].1.regex(Speed::Lean);
            }
        });
    }

    /// The phrase and pattern candidates in `doc` that are findings, in
    /// no particular order.
    fn find_in(
        &self,
        doc: &Document,
        lower: &str,
        by_word: bool,
        runs: &[Run],
        hits: &mut Vec<Hit>,
    ) {
        let text = doc.prose.text.as_str();
        let mut quotes = QuoteCache::default();
        let mut found = Vec::new();
        for (phrase, at) in self.phrase_matches(lower, by_word) {
            if !is_whole_word(text, at.start, at.end) {
                continue;
            }
            for &r in &self.phrase_rules[phrase] {
                if let Some(span) = self.consider(doc, r, at.clone(), &mut quotes) {
                    hits.push(Hit::new(r, span, at.clone(), Why::Phrase));
                }
            }
        }
        for Run {
            pattern: i,
            range,
            stretches,
            last_anchor,
        } in runs
        {
            let (r, pattern) = self.patterns[*i];
            let base = range.start;
            // The pattern's program searches the text; where it cannot,
            // over folders, the regex searches the lower-cased copy (see
            // `Pattern::folded`).
            let (text_run, lower_run) = (&text[range.clone()], &lower[range.clone()]);
            // Only where each match is: the captures a message may quote
            // are found again for the findings shown (`Engine::finish`).
            // Found first, then considered: the pattern's search cache is
            // not held while its rule's context runs.
            found.clear();
            // The exhaustive engine (the tests' reference) searches with the
            // regexes alone: the fast path's programs are checked against
            // an engine that does not share them.
            let programs = !self.options.exhaustive;
            // Each stretch's matches start at or before its last anchor
            // (see `Engine::narrow`); a whole run's anywhere.
            let whole = [(0..text_run.len(), text_run.len())];
            let relative: Vec<(Range<usize>, usize)>;
            let spans: &[(Range<usize>, usize)] = if stretches.is_empty() {
                &whole
            } else {
                relative = stretches
                    .iter()
                    .zip(last_anchor)
                    .map(|(s, &a)| (s.start - base..s.end - base, a - base + 1))
                    .collect();
                &relative
            };
            for (span, until) in spans {
                pattern.find_runs(
                    self.speed(),
                    programs,
                    text_run,
                    lower_run,
                    span.clone(),
                    *until,
                    &mut found,
                );
            }
            for m in found.drain(..) {
                let at = base + m.start..base + m.end;
                if let Some(span) = self.consider(doc, r, at.clone(), &mut quotes) {
                    debug_assert_eq!(self.run_range(doc, *i, at.start), range.clone());
                    hits.push(Hit::new(r, span, at, Why::Pattern { pattern: *i }));
                }
            }
        }
    }

    /// Whether this note may be searched word by word (see
    /// [`super::compile::WORD_BY_WORD_NOTES`]); counts it if so.
    fn take_word_by_word_turn(&self) -> bool {
        self.word_by_word_left
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |n| n.checked_sub(1))
            .is_ok()
    }

    /// `(phrase, range)` for each leftmost-longest phrase match in `lower`
    /// (whole words or not). With `by_word` and no automaton yet (a hook's
    /// few files), phrase by phrase: a thousand substring searches of a
    /// short note cost far less than building the automaton, which is
    /// built once when notes are long or many.
    fn phrase_matches(&self, lower: &str, by_word: bool) -> Vec<(usize, Range<usize>)> {
        if self.phrase_words.is_empty() {
            return Vec::new();
        }
        if let Some(lanes) = &self.phrase_lanes {
            return lanes.find(lower.as_bytes());
        }
        let words = &self.phrase_words;
        match automaton(&self.phrases, words, MatchKind::LeftmostLongest, by_word) {
            Some(ac) => ac
                .find_iter(lower)
                .map(|m| (m.pattern().as_usize(), m.start()..m.end()))
                .collect(),
            None => leftmost_longest(words, lower),
        }
    }

    /// The `(pattern, range)` pairs worth running: each pattern over the
    /// blocks where a literal of each of its trigger sets occurs, with no
    /// ASCII word character beside it where the literal is marked so
    /// (`rule::pattern::BOUNDARY`), and trigger-less patterns over the
    /// whole text. Patterns match within a
    /// block (a paragraph, list item, heading or cell), so nothing is lost by
    /// not looking elsewhere.
    fn pattern_runs(&self, doc: &Document, lower: &str, by_word: bool) -> Vec<Run> {
        let text = doc.prose.text.as_str();
        if self.options.exhaustive {
            return (0..self.patterns.len())
                .flat_map(|i| {
                    doc.prose
                        .blocks
                        .iter()
                        .map(move |b| Run::whole(i, b.range.clone()))
                })
                .collect();
        }
        let mut runs: Vec<Run> = self
            .always
            .iter()
            .map(|&i| Run::whole(i, 0..text.len()))
            .collect();
        let blocks = &doc.prose.blocks;
        if self.trigger_words.is_empty() {
            return runs;
        }
        let words = &self.trigger_words;
        let mut literals: Vec<(usize, usize)> = Vec::new();
        if let Some(scan) = &self.trigger_scan {
            scan.find(lower.as_bytes(), &mut literals);
        } else {
            match automaton(&self.triggers, words, MatchKind::Standard, by_word) {
                Some(ac) => literals.extend(
                    ac.find_overlapping_iter(lower)
                        .map(|m| (m.start(), m.pattern().as_usize())),
                ),
                None => literals = occurrences(words, lower),
            }
        }
        if self.trigger_scan.is_none() {
            // In order of blocks (an overlapping search reports by end).
            literals.sort_unstable();
        }
        let bytes = text.as_bytes();
        // Per pattern: the last block it was seen in and which of its sets
        // that block has (the top bit: already woken there).
        const WOKEN: u32 = 1 << 31;
        let mut seen: Vec<(usize, u32)> = vec![(usize::MAX, 0); self.patterns.len()];
        // Over folders, where a pattern then runs only around them: the
        // occurrences `(pattern, block, start, end, set's bit)` of its
        // trigger sets' literals, and for each run, its pattern's block.
        let around = self.speed() == Speed::Fast;
        let mut anchors: Vec<(usize, usize, usize, usize, u32)> = Vec::new();
        let mut run_blocks: Vec<usize> = Vec::new();
        // Literals come in order of start, so the block of each is at or
        // after the last one's: a step forward, not a binary search per
        // literal (that search was a fifth of this loop on template notes).
        let mut block = 0;
        for (start, literal) in literals {
            let end = start + words[literal].len();
            while blocks.get(block).is_some_and(|b| b.range.end < start) {
                block += 1;
            }
            let Some(range) = blocks.get(block).map(|b| &b.range) else {
                break;
            };
            if start < range.start || end > range.end {
                // Not inside one block: no pattern run sees it.
                continue;
            }
            let free_before = start == range.start || !is_ascii_word(bytes[start - 1]);
            let free_after = end == range.end || !is_ascii_word(bytes[end]);
            for owner in &self.trigger_owners[literal] {
                if (owner.before && !free_before) || (owner.after && !free_after) {
                    continue;
                }
                let state = &mut seen[owner.pattern];
                if state.0 != block {
                    *state = (block, 0);
                }
                state.1 |= owner.bit;
                if around {
                    anchors.push((owner.pattern, block, start, end, owner.bit));
                }
                if state.1 == self.trigger_masks[owner.pattern] {
                    state.1 |= WOKEN;
                    runs.push(Run::whole(owner.pattern, range.clone()));
                    run_blocks.push(block);
                }
            }
        }
        if around {
            self.narrow(text, blocks, &mut runs, &run_blocks, anchors);
        }
        runs
    }

    /// Narrows each run of `runs` that woke in a block (the last
    /// `run_blocks.len()` of them, in that order) to the sentences holding
    /// its first trigger set's `anchors` and a literal of each of its other
    /// sets, merged where they touch, and drops the runs left with no such
    /// sentence. Every match holds a literal of each set, and stays within
    /// one sentence unless its pattern's
    /// [`Reach`](crate::rule::pattern::Reach) says it can run past the end
    /// mark there: such an end does not end the stretch. So each stretch
    /// holds every match around its literals, a sentence lacking a set's
    /// literal holds none, and a search of the stretches finds what a
    /// search of the block finds.
    fn narrow(
        &self,
        text: &str,
        blocks: &[crate::document::Block],
        runs: &mut Vec<Run>,
        run_blocks: &[usize],
        mut anchors: Vec<(usize, usize, usize, usize, u32)>,
    ) {
        // Each pattern's anchors in order of start (those with the same
        // start in any fixed order: each makes the same sentence, and
        // what is made of them does not depend on their order). Unstable
        // on the whole tuple: the stable sort by pattern and block was a
        // sixteenth of a folder run's instructions.
        anchors.sort_unstable();
        let first = runs.len() - run_blocks.len();
        let mut ends: (usize, Vec<usize>) = (usize::MAX, Vec::new());
        for (run, &block) in runs[first..].iter_mut().zip(run_blocks) {
            let range = blocks[block].range.clone();
            if ends.0 != block {
                // The end marks of the block, once for all its runs.
                ends.1.clear();
                let bytes = &text.as_bytes()[range.clone()];
                ends.1.extend(memchr::memchr3_iter(b'.', b'!', b'?', bytes));
                ends.0 = block;
            }
            let reach = self.patterns[run.pattern].1.reach();
            let hay = &text.as_bytes()[range.clone()];
            let ends = &ends.1;
            let from = anchors.partition_point(|a| (a.0, a.1) < (run.pattern, block));
            let to = anchors.partition_point(|a| (a.0, a.1) <= (run.pattern, block));
            let group = &anchors[from..to];
            let mask = self.trigger_masks[run.pattern];
            for &(_, _, start, end, bit) in group {
                if bit != 1 {
                    continue;
                }
                let (start, end) = (start - range.start, end - range.start);
                // The last closed end before the literal, the first at or
                // after its last byte: a sentence ends after its mark.
                let before = ends.partition_point(|&i| i < start);
                let lo = ends[..before]
                    .iter()
                    .rev()
                    .find(|&&i| !reach.crosses(hay, i))
                    .map_or(0, |&i| i + 1);
                let after = ends.partition_point(|&i| i + 1 < end);
                let hi = ends[after..]
                    .iter()
                    .find(|&&i| !reach.crosses(hay, i))
                    .map_or(hay.len(), |&i| i + 1);
                let (lo, hi) = (range.start + lo, range.start + hi);
                if mask != 1 {
                    // The sets with a literal inside the sentence.
                    let mut has = 0;
                    let first = group.partition_point(|a| a.2 < lo);
                    for a in group[first..].iter().take_while(|a| a.2 < hi) {
                        if a.3 <= hi {
                            has |= a.4;
                        }
                    }
                    if has != mask {
                        continue;
                    }
                }
                // The literal's start, absolute: no match of the stretch
                // starts after the last one (each holds one of them).
                let anchor = range.start + start;
                match run.stretches.last_mut() {
                    Some(last) if lo <= last.end => {
                        last.end = last.end.max(hi);
                        if let Some(a) = run.last_anchor.last_mut() {
                            *a = (*a).max(anchor);
                        }
                    }
                    _ => {
                        run.stretches.push(lo..hi);
                        run.last_anchor.push(anchor);
                    }
                }
            }
        }
        // A run with no stretch has nothing to search (for `find_in`, no
        // stretches means the whole range).
        let mut at = 0;
        runs.retain(|run| {
            at += 1;
            at <= first || !run.stretches.is_empty()
        });
    }

    fn speed(&self) -> Speed {
        if self.options.fast_scan {
            Speed::Fast
        } else {
            Speed::Lean
        }
    }

    /// The span in the file of the candidate `at` (prose bytes) of rule
    /// `r`, if it is a finding: not in quoted speech the rule skips, not
    /// excused by the rule's `unless`, not in text about judging.
    fn consider(
        &self,
        doc: &Document,
        r: usize,
        at: Range<usize>,
        quotes: &mut QuoteCache,
    ) -> Option<Span> {
        let rule = &self.rules[r];
        let prose = &doc.prose;
        let text = prose.text.as_str();
        let block = prose.block_at(at.start)?.range.clone();
        // Cheapest first: quoted speech, then `unless`, which a hook may
        // have to compile.
        if rule.in_quotes.unwrap_or(self.options.quoted_speech) == InQuotes::Skip {
            if self.options.block_quotes_are_speech
                && prose.block_at(at.start).is_some_and(|b| b.quote)
            {
                return None;
            }
            let ranges = quotes.get(text, &block);
            if is_quoted(ranges, at.start - block.start..at.end - block.start) {
                return None;
            }
        }
        if let Some(before) = &rule.unless_before {
            let from = floor_char_boundary(text, at.start.saturating_sub(CONTEXT).max(block.start));
            let from = entry_breaks(doc, from..at.start)
                .last()
                .map_or(from, |b| b + 1);
            if before.is_match(&text[from..at.start], self.speed()) {
                return None;
            }
        }
        if let Some(after) = &rule.unless_after {
            let to = ceil_char_boundary(text, (at.end + CONTEXT).min(block.end));
            let to = entry_breaks(doc, at.end..to).next().unwrap_or(to);
            if after.is_match(&text[at.end..to], self.speed()) {
                return None;
            }
        }
        if super::about::is_about_judging(text, &block, &at)
            || super::sense::is_about_a_thing(self.things.as_deref(), text, &block, &at)
        {
            return None;
        }
        let matched = &text[at.clone()];
        // The span ends after the file's character behind the last prose
        // character, which may be longer: a folded space can stand for a
        // no-break space, a straight apostrophe for U+2019.
        let last = matched.chars().next_back().map_or(0, char::len_utf8);
        let end = prose.source_offset(at.end - last);
        let end = end + doc.text[end..].chars().next().map_or(0, char::len_utf8);
        Some(Span::new(prose.source_offset(at.start), end))
    }

    /// The finding `hit` stands for, with its message, suggestions, fix
    /// and (if the engine's options ask for them) fingerprint.
    pub(crate) fn finish(&self, doc: &Document, hit: Hit) -> Finding {
        let whole = hit.whole();
        let (r, span, at) = (hit.rule, hit.span, hit.at);
        let read = matches!(hit.why, Why::Sentence);
        let prose = &doc.prose;
        let text = prose.text.as_str();
        let (caps, base) = match hit.why {
            Why::Built(finding) => return *finding,
            Why::Phrase | Why::Sentence => (None, 0),
            Why::Pattern { pattern } => {
                let range = self.run_range(doc, pattern, at.start);
                let base = range.start;
                (
                    Some(self.captures(pattern, &text[range], at.start - base)),
                    base,
                )
            }
        };
        let rule = &self.rules[r];
        let i = prose.blocks.partition_point(|b| b.range.end < at.start);
        let block = prose.blocks[i].range.clone();
        let matched = &text[at.clone()];
        // Only where the file holds exactly these words (no markup or
        // line break inside) may a fix apply, so an edit never eats formatting.
        // A sentence the model read has no fix: its words are the
        // model's heaviest, not a phrase the rule knows a replacement for.
        let plain_in_file = !read && doc.text[span.start..span.end].eq_ignore_ascii_case(matched);
        let earlier = i
            .checked_sub(1)
            .and_then(|p| prose.blocks.get(p))
            .map_or("", |b| &text[b.range.clone()]);
        // A finding that took in overlapping matches of its rule rewords
        // the whole phrase (`overlap.rs`); its fix, for `at` only, is off
        // (`plain_in_file` is false).
        let context = crate::suggest::Context::new(text, block.clone(), earlier, whole);
        let groups = caps.as_ref().map(|c| Groups::new(c, &text[base..]));
        let (message, suggestions, fix) =
            crate::suggest::regex::in_note(text, prose.wide_words(), || {
                crate::suggest::finish(rule, &context, matched, groups, plain_in_file)
            });
        Finding {
            rule: r,
            span,
            fingerprint: if self.options.fingerprints {
                super::fingerprint(&rule.id, matched, sentence_around(text, &block, &at))
            } else {
                String::new()
            },
            fix,
            matched: matched.to_string(),
            message,
            suggestions,
        }
    }

    /// The text pattern `i` ran over when it matched at `at` (prose bytes):
    /// as `pattern_runs` chose, the whole text for a pattern without
    /// triggers, else the block.
    fn run_range(&self, doc: &Document, i: usize, at: usize) -> Range<usize> {
        if !self.options.exhaustive && self.always.contains(&i) {
            0..doc.prose.text.len()
        } else {
            doc.prose
                .block_at(at)
                .expect("a match is in a block")
                .range
                .clone()
        }
    }

    /// The captures of pattern `i`'s match at `start` in `haystack`, as the
    /// search that found it saw them: the leftmost-first match starting
    /// there, with the whole haystack around it for look-arounds.
    fn captures(&self, i: usize, haystack: &str, start: usize) -> Captures {
        let pattern = self.patterns[i].1;
        let program = pattern.program().filter(|_| !self.options.exhaustive);
        if let Some(caps) = program.and_then(|p| p.captures(haystack, start)) {
            return caps;
        }
        let search = |regex: &regex_automata::meta::Regex, haystack: &str| {
            let mut caps = regex.create_captures();
            let input = Input::new(haystack).range(start..).anchored(Anchored::Yes);
            regex.search_captures(&input, &mut caps);
            caps
        };
        // The speed first: `folded()` builds the folded regex, with the
        // lazy DFA, on first call, which a one-note run never searches with.
        let folded = match self.speed() {
            Speed::Fast => pattern.folded(),
            Speed::Lean => None,
        };
        match folded {
            // The same offsets: ASCII lower-casing keeps every byte's place.
            Some(folded) => search(folded, &haystack.to_ascii_lowercase()),
            None => search(pattern.regex(self.speed()), haystack),
        }
    }

    /// The fingerprint of `hit`'s finding (see [`Finding::fingerprint`]),
    /// whatever the engine's options, without building its text.
    pub(crate) fn hit_fingerprint(&self, doc: &Document, hit: &Hit) -> String {
        if let Why::Built(f) = &hit.why {
            return f.fingerprint.clone();
        }
        let text = doc.prose.text.as_str();
        let block = &doc
            .prose
            .block_at(hit.at.start)
            .expect("a hit is in a block")
            .range;
        let rule = &self.rules[hit.rule];
        super::fingerprint(
            &rule.id,
            &text[hit.at.clone()],
            sentence_around(text, block, &hit.at),
        )
    }
}

/// A pattern to run over `range` of a note's prose (a block, or all of it
/// for a pattern without triggers), and only over `stretches` of it when
/// there are any (see `Engine::narrow`).
pub(crate) struct Run {
    pattern: usize,
    range: Range<usize>,
    stretches: Vec<Range<usize>>,
    /// For each stretch, where the last of the literals it was made
    /// around starts (of its pattern's first trigger set).
    last_anchor: Vec<usize>,
}

impl Run {
    fn whole(pattern: usize, range: Range<usize>) -> Run {
        Run {
            pattern,
            range,
            stretches: Vec::new(),
            last_anchor: Vec::new(),
        }
    }
}

/// Quoted ranges of the last block asked about; candidates come in order,
/// so one block's quotes are computed once.
#[derive(Default)]
struct QuoteCache {
    block: Option<Range<usize>>,
    ranges: Vec<Range<usize>>,
}

impl QuoteCache {
    fn get(&mut self, text: &str, block: &Range<usize>) -> &[Range<usize>] {
        if self.block.as_ref() != Some(block) {
            self.ranges = quoted_ranges(&text[block.clone()]);
            self.block = Some(block.clone());
        }
        &self.ranges
    }
}

/// The folded spaces in `range` (prose bytes) that stand for a line break
/// in the file after a sentence's end: where one entry of a note ends and
/// the next begins. `unless` looks no further: "He says he has been sober
/// since October." on the line after a question is not the person's answer
/// to it. A line wrapped inside a sentence is no break.
fn entry_breaks(doc: &Document, range: Range<usize>) -> impl Iterator<Item = usize> + '_ {
    let (prose, text) = (&doc.prose, doc.prose.text.as_str());
    let ends = |c: char| matches!(c, '.' | '!' | '?');
    let start = range.start;
    text[range]
        .match_indices(' ')
        .map(move |(i, _)| start + i)
        .filter(move |&p| {
            text[..p].ends_with(ends) && {
                let (from, to) = (prose.source_offset(p), prose.source_offset(p + 1));
                doc.text.get(from..to).is_some_and(|gap| gap.contains('\n'))
            }
        })
}

/// The sentence holding `at`, within its block and at most [`CONTEXT`]
/// bytes either side (a block without full stops must not make every
/// finding scan it whole).
fn sentence_around<'t>(text: &'t str, block: &Range<usize>, at: &Range<usize>) -> &'t str {
    let is_end = |c: char| matches!(c, '.' | '!' | '?');
    let from = floor_char_boundary(text, at.start.saturating_sub(CONTEXT).max(block.start));
    let to = ceil_char_boundary(text, (at.end + CONTEXT).min(block.end));
    let start = text[from..at.start]
        .rfind(is_end)
        .map_or(from, |i| from + i + 1);
    let end = text[at.end..to].find(is_end).map_or(to, |i| at.end + i + 1);
    text[start..end].trim()
}

/// The automaton in `cell`, built now if need be, unless `by_word` lets
/// this note do without one that is not built yet; `None` then, or if it
/// cannot be built (the caller searches word by word).
fn automaton<'a>(
    cell: &'a OnceLock<Option<AhoCorasick>>,
    words: &[String],
    kind: MatchKind,
    by_word: bool,
) -> Option<&'a AhoCorasick> {
    if by_word && cell.get().is_none() {
        return None;
    }
    cell.get_or_init(|| build_automaton(words, kind, false).ok())
        .as_ref()
}

/// `(start, word)` for every occurrence of every non-empty word in `hay`,
/// overlapping ones too: what an automaton's overlapping search reports.
fn occurrences(words: &[String], hay: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    // Most words are not there at all, which a missing three-byte sequence
    // tells at once, and `contains` (vectorised for short needles) sooner
    // than setting up `find`.
    let trigrams = Trigrams::of(hay.as_bytes());
    for (i, word) in words.iter().enumerate().filter(|(_, w)| {
        !w.is_empty() && trigrams.may_hold(w.as_bytes()) && hay.contains(w.as_str())
    }) {
        let mut from = 0;
        while let Some(at) = hay[from..].find(word.as_str()) {
            let start = from + at;
            found.push((start, i));
            from = start + hay[start..].chars().next().map_or(1, char::len_utf8);
        }
    }
    found
}

/// The three-byte sequences a text holds, hashed into 2^16 bits. A word
/// with a sequence the text lacks cannot occur in it: a few lookups tell
/// that, where a substring search passes over the whole text (once per
/// phrase of the pack, for a short note).
struct Trigrams(Vec<u64>);

impl Trigrams {
    fn of(text: &[u8]) -> Trigrams {
        let mut bits = vec![0u64; (1 << 16) / 64];
        for w in text.windows(3) {
            let h = trigram_hash(w);
            bits[h >> 6] |= 1 << (h & 63);
        }
        Trigrams(bits)
    }

    /// False only if `word` cannot occur in the text.
    fn may_hold(&self, word: &[u8]) -> bool {
        word.windows(3).all(|w| {
            let h = trigram_hash(w);
            self.0[h >> 6] & (1 << (h & 63)) != 0
        })
    }
}

fn trigram_hash(w: &[u8]) -> usize {
    let bytes = u32::from_le_bytes([w[0], w[1], w[2], 0]);
    (bytes.wrapping_mul(0x9E37_79B1) >> 16) as usize
}

/// What the phrase automaton finds, without it: from the left, the
/// longest occurrence at the earliest start, skipping those it overlaps.
fn leftmost_longest(words: &[String], hay: &str) -> Vec<(usize, Range<usize>)> {
    let mut all: Vec<(usize, std::cmp::Reverse<usize>, usize)> = occurrences(words, hay)
        .into_iter()
        .map(|(start, i)| (start, std::cmp::Reverse(words[i].len()), i))
        .collect();
    all.sort_unstable();
    let mut matches = Vec::new();
    let mut end = 0;
    for (start, std::cmp::Reverse(len), i) in all {
        if start >= end {
            matches.push((i, start..start + len));
            end = start + len;
        }
    }
    matches
}

fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
}

fn is_ascii_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

#[cfg(test)]
mod tests {
    use super::{leftmost_longest, occurrences};
    use aho_corasick::{AhoCorasick, MatchKind};

    /// Every string of up to seven letters over a small alphabet, with
    /// words that overlap themselves and each other: the phrase-by-phrase
    /// search must pick exactly what the automaton picks.
    #[test]
    fn phrase_by_phrase_search_agrees_with_the_automaton() {
        let words: Vec<String> = ["ab", "bcb", "b", "abc", "cbc", "bc", "cc", "a b"]
            .map(String::from)
            .to_vec();
        let leftmost = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&words)
            .unwrap();
        let overlapping = AhoCorasick::new(&words).unwrap();
        let mut texts = vec![String::new()];
        for _ in 0..7 {
            let longer: Vec<String> = texts
                .iter()
                .flat_map(|t| ["a", "b", "c", " "].map(|c| format!("{t}{c}")))
                .collect();
            texts.extend(longer);
            texts.sort();
            texts.dedup();
        }
        assert!(texts.len() > 20_000);
        for text in &texts {
            let expected: Vec<(usize, std::ops::Range<usize>)> = leftmost
                .find_iter(text)
                .map(|m| (m.pattern().as_usize(), m.start()..m.end()))
                .collect();
            assert_eq!(leftmost_longest(&words, text), expected, "in {text:?}");
            let mut expected: Vec<(usize, usize)> = overlapping
                .find_overlapping_iter(text)
                .map(|m| (m.start(), m.pattern().as_usize()))
                .collect();
            let mut found = occurrences(&words, text);
            expected.sort_unstable();
            found.sort_unstable();
            assert_eq!(found, expected, "in {text:?}");
        }
    }
}
