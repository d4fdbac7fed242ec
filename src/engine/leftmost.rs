//! The phrase scan over a folder: leftmost-longest matches of one
//! aho-corasick DFA, in two lanes.
//!
//! A DFA search waits at every byte for the load of its next state, and the
//! phrase DFA (1,700 phrases) is larger than a core's fastest caches, so
//! those waits were most of the scan. Two searches over the two halves of a
//! note, one byte of each in turn, let the processor overlap them. The
//! halves meet just after a block's `\n`: no phrase holds a line break
//! (`Lanes::new` checks), so no match spans the cut, and a search reaching
//! it is back in its start state, as one search over the whole text would
//! be. Each lane does what the crate's `find_iter` does; the test below
//! holds them to it.

use std::ops::Range;

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind};

/// Texts shorter than this are searched in one lane: the cut is not worth
/// finding.
const TWO_LANES_FROM: usize = 256;

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
        let mut found = Vec::new();
        let cut = (hay.len() >= TWO_LANES_FROM)
            .then(|| {
                let mid = hay.len() / 2;
                memchr::memchr(b'\n', &hay[mid..])
                    .map(|i| mid + i + 1)
                    .or_else(|| memchr::memrchr(b'\n', &hay[..mid]).map(|i| i + 1))
            })
            .flatten();
        let Some(cut) = cut else {
            let mut lane = Lane::new(self.start, 0..hay.len());
            lane.run(&self.dfa, self.start, hay, &mut found);
            return found;
        };
        let mut second = Vec::new();
        let mut a = Lane::new(self.start, 0..cut);
        let mut b = Lane::new(self.start, cut..hay.len());
        while a.at < a.end && b.at < b.end {
            a.step(&self.dfa, self.start, hay, &mut found);
            b.step(&self.dfa, self.start, hay, &mut second);
        }
        a.run(&self.dfa, self.start, hay, &mut found);
        b.run(&self.dfa, self.start, hay, &mut second);
        found.append(&mut second);
        found
    }
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

#[cfg(test)]
mod tests {
    use super::{Lanes, TWO_LANES_FROM};
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

    #[test]
    fn long_texts_are_cut_and_short_ones_are_not() {
        let lanes = Lanes::new(&words()).unwrap();
        // A match on each side of the cut, and one ending at the text's end.
        let line = "ab cc a b\n".repeat(TWO_LANES_FROM / 10 + 1);
        let found = lanes.find(line.as_bytes());
        assert_eq!(found.len(), 3 * (TWO_LANES_FROM / 10 + 1));
        assert_eq!(found.last().unwrap().1.end, line.len() - 1);
        assert_eq!(lanes.find(b"xab"), vec![(0, 1..3)]);
    }

    #[test]
    fn phrases_with_line_breaks_or_empty_ones_get_no_lanes() {
        assert!(Lanes::new(&["a\nb".to_string()]).is_none());
        assert!(Lanes::new(&[String::new()]).is_none());
    }
}
