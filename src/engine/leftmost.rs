//! The phrase scan over a folder: leftmost-longest matches of one
//! aho-corasick DFA, in three lanes.
//!
//! A DFA search waits at every byte for the load of its next state, and the
//! built-in pack's phrase DFA is larger than a core's fastest caches,
//! so those waits were most of the scan. Three searches over the three
//! thirds of a note, one byte of each in turn, let the processor overlap
//! them. The thirds meet just after a block's `\n`: no phrase holds a line
//! break (`Lanes::new` checks), so no match spans a cut, and a search
//! reaching one is back in its start state, as one search over the whole
//! text would be. Each lane does what the crate's `find_iter` does; the
//! test below holds them to it.

use std::ops::Range;

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind};

/// Texts shorter than this are searched in one lane: the cuts are not
/// worth finding.
const LANES_FROM: usize = 256;

/// How many searches run in lockstep: three was faster than two or four
/// (a match in any lane stops them all), as docs/performance.md records.
const LANES: usize = 3;

/// A leftmost-longest DFA over phrases none of which holds a `\n`.
pub(crate) struct Lanes {
    dfa: DFA,
    start: StateID,
}

impl Lanes {
    /// `None` if the DFA cannot be built, or a phrase holds a line break or
    /// is empty (the lanes would not find what one search finds).
    pub(crate) fn new(words: &[String]) -> Option<Lanes> {
        if words.iter().any(|w| w.is_empty() || w.contains('\n')) {
            return None;
        }
        let dfa = DFA::builder()
            .match_kind(MatchKind::LeftmostLongest)
            // With a thousand phrases a literal prefilter flags most
            // positions anyway; the DFA alone is faster (profiled).
            .prefilter(false)
            .build(words)
            .ok()?;
        let start = dfa.start_state(Anchored::No).ok()?;
        Some(Lanes { dfa, start })
    }

    /// `(phrase, range)` for each leftmost-longest match in `hay`, in order:
    /// what `AhoCorasick::find_iter` reports.
    pub(crate) fn find(&self, hay: &[u8]) -> Vec<(usize, Range<usize>)> {
        if hay.len() < LANES_FROM {
            let mut found = Vec::new();
            let mut lane = Lane::new(self.start, 0..hay.len());
            lane.run(&self.dfa, self.start, hay, &mut found);
            return found;
        }
        let (dfa, start) = (&self.dfa, self.start);
        let mut lanes: [Lane; LANES] = cuts(hay).map(|range| Lane::new(start, range));
        let mut found: [Vec<(usize, Range<usize>)>; LANES] = Default::default();
        loop {
            // All lanes together while each has bytes left; then the rest
            // of each alone.
            let n = lanes.iter().map(|l| l.end - l.at).min().unwrap_or(0);
            if n == 0 {
                break;
            }
            // As many bytes as no lane meets a match or a dead state:
            // transitions only.
            let mut sids: [StateID; LANES] = lanes.each_ref().map(|l| l.sid);
            let mut k = 0;
            if !sids.iter().any(|&s| dfa.is_special(s)) {
                while k < n {
                    let next: [StateID; LANES] = std::array::from_fn(|j| {
                        dfa.next_state(Anchored::No, sids[j], hay[lanes[j].at + k])
                    });
                    if next.iter().any(|&s| dfa.is_special(s)) {
                        break;
                    }
                    sids = next;
                    k += 1;
                }
            }
            for (lane, sid) in lanes.iter_mut().zip(sids) {
                lane.sid = sid;
                lane.at += k;
            }
            if k < n {
                // A match or a dead state ahead: one byte of each, the
                // careful way.
                for (lane, out) in lanes.iter_mut().zip(&mut found) {
                    lane.step(dfa, start, hay, out);
                }
            }
        }
        for (lane, out) in lanes.iter_mut().zip(&mut found) {
            lane.run(dfa, start, hay, out);
        }
        // In text order: the lanes' ranges follow each other.
        found.concat()
    }
}

/// `hay` in [`LANES`] ranges of about equal length, each after the first
/// starting just after a `\n` (some empty if there are few line breaks).
fn cuts(hay: &[u8]) -> [Range<usize>; LANES] {
    let mut starts = [0; LANES];
    for j in 1..LANES {
        let at = (hay.len() * j / LANES).max(starts[j - 1]);
        starts[j] = memchr::memchr(b'\n', &hay[at..]).map_or(hay.len(), |i| at + i + 1);
    }
    std::array::from_fn(|j| starts[j]..starts.get(j + 1).copied().unwrap_or(hay.len()))
}

/// One search: its end, the next byte, the state before it, and the
/// longest match seen since the last one was reported.
struct Lane {
    end: usize,
    at: usize,
    sid: StateID,
    pending: Option<(usize, Range<usize>)>,
}

impl Lane {
    fn new(start: StateID, range: Range<usize>) -> Lane {
        Lane {
            end: range.end,
            at: range.start,
            sid: start,
            pending: None,
        }
    }

    /// One byte of the search, as the crate's `try_find_fwd` takes it; at
    /// a dead state the pending match is reported and the search starts
    /// again at its end, as `find_iter` does.
    #[inline(always)]
    fn step(
        &mut self,
        dfa: &DFA,
        start: StateID,
        hay: &[u8],
        out: &mut Vec<(usize, Range<usize>)>,
    ) {
        self.sid = dfa.next_state(Anchored::No, self.sid, hay[self.at]);
        if dfa.is_special(self.sid) {
            if dfa.is_dead(self.sid) {
                match self.pending.take() {
                    Some(m) => {
                        self.at = m.1.end;
                        self.sid = start;
                        out.push(m);
                    }
                    // Not in an unanchored search; were it to happen, the
                    // crate's search would end here too.
                    None => self.at = self.end,
                }
                return;
            }
            if dfa.is_match(self.sid) {
                let pattern = dfa.match_pattern(self.sid, 0);
                let end = self.at + 1;
                self.pending = Some((pattern.as_usize(), end - dfa.pattern_len(pattern)..end));
            }
        }
        self.at += 1;
    }

    /// The rest of the lane, and the match pending at its end.
    fn run(&mut self, dfa: &DFA, start: StateID, hay: &[u8], out: &mut Vec<(usize, Range<usize>)>) {
        while self.at < self.end {
            self.step(dfa, start, hay, out);
        }
        if let Some(m) = self.pending.take() {
            out.push(m);
        }
    }
}

/// The trigger scan over a folder: every occurrence of every trigger
/// literal (overlapping ones too), from one standard aho-corasick DFA.
///
/// The crate's overlapping iterator returns to its caller at each match
/// and keeps its state in a struct between calls; trigger literals
/// include short everyday ones ("about ", " is "), which occur every few
/// words, and that was a large part of a run over real-vocabulary notes.
/// This loop keeps the state in a register and writes matches as it goes.
pub(crate) struct Overlapping {
    dfa: DFA,
    start: StateID,
}

impl Overlapping {
    /// `None` if the DFA cannot be built, or a literal is empty or holds a
    /// line break (the lanes would not find what one search finds).
    pub(crate) fn new(words: &[String]) -> Option<Overlapping> {
        if words.iter().any(|w| w.is_empty() || w.contains('\n')) {
            return None;
        }
        let dfa = DFA::builder()
            .match_kind(MatchKind::Standard)
            .prefilter(false)
            .build(words)
            .ok()?;
        let start = dfa.start_state(Anchored::No).ok()?;
        Some(Overlapping { dfa, start })
    }

    /// `(start, literal)` of every occurrence in `hay`, in order of start:
    /// what `AhoCorasick::find_overlapping_iter` reports, sorted. As the
    /// phrase scan, it runs [`LANES`] searches in lockstep over the thirds
    /// of the text cut after line breaks: no literal holds one, so a search
    /// is back in its start state there, as one search over the whole text
    /// would be.
    pub(crate) fn find(&self, hay: &[u8], out: &mut Vec<(usize, usize)>) {
        let (dfa, start) = (&self.dfa, self.start);
        let ranges = if hay.len() < LANES_FROM {
            let mut one: [Range<usize>; LANES] = Default::default();
            one[0] = 0..hay.len();
            one
        } else {
            cuts(hay)
        };
        let mut at: [usize; LANES] = ranges.each_ref().map(|r| r.start);
        let ends: [usize; LANES] = ranges.each_ref().map(|r| r.end);
        let mut sids = [start; LANES];
        let mut found: [Vec<(usize, usize)>; LANES] = Default::default();
        let report = |sid: StateID, end: usize, out: &mut Vec<(usize, usize)>| {
            for k in 0..dfa.match_len(sid) {
                let p = dfa.match_pattern(sid, k);
                out.push((end - dfa.pattern_len(p), p.as_usize()));
            }
        };
        // All lanes together while each has bytes left.
        let n = (0..LANES).map(|j| ends[j] - at[j]).min().unwrap_or(0);
        for k in 0..n {
            for j in 0..LANES {
                let sid = dfa.next_state(Anchored::No, sids[j], hay[at[j] + k]);
                sids[j] = sid;
                if dfa.is_special(sid) && dfa.is_match(sid) {
                    report(sid, at[j] + k + 1, &mut found[j]);
                }
            }
        }
        // Then the rest of each alone.
        for j in 0..LANES {
            at[j] += n;
            let mut sid = sids[j];
            for (i, &byte) in hay.iter().enumerate().take(ends[j]).skip(at[j]) {
                sid = dfa.next_state(Anchored::No, sid, byte);
                if dfa.is_special(sid) && dfa.is_match(sid) {
                    report(sid, i + 1, &mut found[j]);
                }
            }
        }
        for lane in &mut found {
            // A lane's matches come by end; order them by start.
            lane.sort_unstable();
            out.append(lane);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{cuts, Lanes, Overlapping, LANES, LANES_FROM};
    use aho_corasick::{AhoCorasick, MatchKind};
    use proptest::prelude::*;

    fn words() -> Vec<String> {
        [
            "ab", "bcb", "b", "abc", "cbc", "bc", "cc", "a b", "b a b", "c a",
        ]
        .map(String::from)
        .to_vec()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// Over texts of overlapping words and line breaks, long enough to
        /// be cut, the lanes report exactly what `find_iter` reports.
        #[test]
        fn lanes_find_what_the_crate_finds(text in "[abc \n]{200,700}") {
            let words = words();
            let crate_ac = AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(&words)
                .unwrap();
            let expected: Vec<(usize, std::ops::Range<usize>)> = crate_ac
                .find_iter(&text)
                .map(|m| (m.pattern().as_usize(), m.start()..m.end()))
                .collect();
            let lanes = Lanes::new(&words).unwrap();
            prop_assert_eq!(lanes.find(text.as_bytes()), expected);
        }
    }

    proptest! {
        /// The cuts cover the text in order, each after the first just
        /// after a line break (or at the end).
        #[test]
        fn cuts_fall_after_line_breaks(text in "[ab\n]{0,300}") {
            let hay = text.as_bytes();
            let ranges = cuts(hay);
            prop_assert_eq!(ranges.len(), LANES);
            prop_assert_eq!(ranges[0].start, 0);
            prop_assert_eq!(ranges[LANES - 1].end, hay.len());
            for pair in ranges.windows(2) {
                prop_assert_eq!(pair[0].end, pair[1].start);
                let cut = pair[1].start;
                prop_assert!(cut == hay.len() || hay[cut - 1] == b'\n', "cut at {}", cut);
            }
        }
    }

    proptest! {
        /// The trigger scan reports what the crate's overlapping search
        /// reports, in order of start, over texts short and long (cut
        /// into lanes).
        #[test]
        fn overlapping_finds_what_the_crate_finds(text in "[abc \n]{0,700}") {
            let words = words();
            let crate_ac = AhoCorasick::new(&words).unwrap();
            let mut expected: Vec<(usize, usize)> = crate_ac
                .find_overlapping_iter(&text)
                .map(|m| (m.start(), m.pattern().as_usize()))
                .collect();
            expected.sort_unstable();
            let mut found = Vec::new();
            Overlapping::new(&words).unwrap().find(text.as_bytes(), &mut found);
            prop_assert_eq!(found, expected);
        }
    }

    #[test]
    fn long_texts_are_cut_and_short_ones_are_not() {
        let lanes = Lanes::new(&words()).unwrap();
        // A match on each side of the cut, and one ending at the text's end.
        let line = "ab cc a b\n".repeat(LANES_FROM / 10 + 1);
        let found = lanes.find(line.as_bytes());
        assert_eq!(found.len(), 3 * (LANES_FROM / 10 + 1));
        assert_eq!(found.last().unwrap().1.end, line.len() - 1);
        assert_eq!(lanes.find(b"xab"), vec![(0, 1..3)]);
    }

    #[test]
    fn phrases_with_line_breaks_or_empty_ones_get_no_lanes() {
        assert!(Lanes::new(&["a\nb".to_string()]).is_none());
        assert!(Lanes::new(&[String::new()]).is_none());
    }
}
