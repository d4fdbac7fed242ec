//! One lazy DFA over all patterns: which of them match in a block.
//!
//! Over a folder of notes, running each pattern on every block whose
//! trigger words occur was most of the run: common words wake a pattern in
//! many blocks where it does not match, and each of those runs costs a
//! search of its own. A single lazy DFA built from every triggered pattern
//! answers, in one pass over a block, which of them match there at all
//! (like `regex::RegexSet`); only those then run, to find where and with
//! which groups. Since a pattern that matches in a block is woken there by
//! its triggers anyway, the runs, and so the findings, are the same.
//!
//! Building the DFA takes tens of milliseconds for the built-in pack, so it
//! is only built when there are many notes to check (see
//! `Engine::build_screen`), not for a small folder or the few files a
//! pre-commit hook passes; patterns too big to share one DFA leave the
//! engine on triggers alone.

use std::ops::Range;

use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::hybrid::LazyStateID;
use regex_automata::nfa::thompson;
use regex_automata::util::pool::Pool;
use regex_automata::util::syntax;
use regex_automata::{Input, MatchKind, PatternSet};

use crate::document::Block;
use crate::rule::Pattern;

/// Compiled size limit for the union of all patterns (each is at most
/// [`crate::rule::pattern::SIZE_LIMIT`]); above it, triggers alone decide.
const SIZE_LIMIT: usize = 32 << 20;

/// Room for the DFA's states per thread. The built-in pack settles at about
/// 2 MB over the benchmark's notes; when full, the cache is cleared and
/// refilled, which costs time but never changes results.
const CACHE_CAPACITY: usize = 8 << 20;

type Scratch = (Cache, PatternSet);
type MakeScratch = Box<dyn Fn() -> Scratch + Send + Sync>;

pub(crate) struct Screen {
    dfa: DFA,
    /// For each DFA pattern, its index in `Engine::patterns`.
    members: Vec<usize>,
    /// One cache per thread, as the `regex` crate keeps its own.
    scratch: Pool<Scratch, MakeScratch>,
}

impl Screen {
    /// A screen over `patterns` (`Engine::patterns` indices and patterns),
    /// or `None` if they do not fit one lazy DFA.
    pub(crate) fn build<'p>(
        patterns: impl Iterator<Item = (usize, &'p Pattern)>,
    ) -> Option<Screen> {
        let (members, sources): (Vec<usize>, Vec<String>) =
            patterns.map(|(i, p)| (i, p.source())).unzip();
        if members.is_empty() {
            return None;
        }
        let dfa = DFA::builder()
            .configure(
                DFA::config()
                    // Every pattern that matches, not just the leftmost.
                    .match_kind(MatchKind::All)
                    .cache_capacity(CACHE_CAPACITY)
                    // Never give up and fall back: clearing only costs time.
                    .minimum_cache_clear_count(None),
            )
            // As `rule::pattern` compiles each pattern.
            .syntax(syntax::Config::new().case_insensitive(true))
            .thompson(thompson::Config::new().nfa_size_limit(Some(SIZE_LIMIT)))
            .build_many(&sources)
            .ok()?;
        let make = {
            let dfa = dfa.clone();
            Box::new(move || (dfa.create_cache(), PatternSet::new(dfa.pattern_len())))
                as MakeScratch
        };
        Some(Screen {
            dfa,
            members,
            scratch: Pool::new(make),
        })
    }

    /// Adds `(pattern, block range)` to `runs` for each pattern that
    /// matches somewhere in each block, block by block, in pattern order
    /// (patterns are `Engine::patterns` indices). Should the DFA fail on a
    /// block (the configuration above rules that out), every pattern runs
    /// there: slower, never a lost finding.
    pub(crate) fn runs(&self, text: &str, blocks: &[Block], runs: &mut Vec<(usize, Range<usize>)>) {
        let mut guard = self.scratch.get();
        let (cache, set) = &mut *guard;
        for block in blocks {
            let range = &block.range;
            set.clear();
            match self.which(cache, set, &text.as_bytes()[range.clone()]) {
                // Most blocks match nothing; iterating a set visits every pattern.
                Some(()) if set.is_empty() => {}
                Some(()) => runs.extend(
                    set.iter()
                        .map(|p| (self.members[p.as_usize()], range.clone())),
                ),
                None => runs.extend(self.members.iter().map(|&i| (i, range.clone()))),
            }
        }
    }

    /// Adds to `set` every pattern that matches somewhere in `haystack`, as
    /// `DFA::try_which_overlapping_matches` does, in one pass over it: that
    /// method returns at every match and resumes, and keeps its bookkeeping
    /// up to date at every byte; this loop was a tenth faster over the
    /// benchmark's notes. `None` if the DFA gives up (see `runs`).
    fn which(&self, cache: &mut Cache, set: &mut PatternSet, haystack: &[u8]) -> Option<()> {
        let dfa = &self.dfa;
        let mut add = |cache: &Cache, sid: LazyStateID| {
            // Matches show one byte late, and at the end through `eoi`.
            for i in 0..dfa.match_len(cache, sid) {
                set.insert(dfa.match_pattern(cache, sid, i));
            }
        };
        let mut sid = dfa.start_state_forward(cache, &Input::new(haystack)).ok()?;
        for &byte in haystack {
            sid = dfa.next_state(cache, sid, byte).ok()?;
            if sid.is_tagged() {
                if sid.is_match() {
                    add(cache, sid);
                } else if sid.is_dead() {
                    return Some(());
                } else if sid.is_quit() {
                    return None;
                }
            }
        }
        sid = dfa.next_eoi_state(cache, sid).ok()?;
        if sid.is_match() {
            add(cache, sid);
        }
        Some(())
    }
}
