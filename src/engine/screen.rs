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
//! `Engine::screen_for`), not for a small folder or the few files a
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

/// How many searches `Screen::lanes` runs in lockstep. Over the 100 MB
/// benchmark two took 3.6% more time than four, three 2% more, and six
/// the same as four.
const LANES: usize = 4;

// `Screen::lanes` has a `lockstep` for each count of lanes up to four.
const _: () = assert!(LANES >= 2 && LANES <= 4);

/// A thread's cache, and a pattern set and the runs found for each lane
/// (see `Screen::runs`), kept for reuse.
struct Scratch {
    cache: Cache,
    sets: [PatternSet; LANES],
    lane_runs: [Vec<(usize, Range<usize>)>; LANES],
}

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
        Screen::with_capacity(patterns, CACHE_CAPACITY)
    }

    /// A screen whose caches hold `capacity` bytes of states (the tests
    /// make it small, so that caches are cleared mid-note).
    fn with_capacity<'p>(
        patterns: impl Iterator<Item = (usize, &'p Pattern)>,
        capacity: usize,
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
                    .cache_capacity(capacity)
                    // A test's tiny cache is raised to the minimum; the real
                    // one must fit, or the screen is not built.
                    .skip_cache_capacity_check(capacity < CACHE_CAPACITY)
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
            Box::new(move || Scratch {
                cache: dfa.create_cache(),
                sets: [(); LANES].map(|()| PatternSet::new(dfa.pattern_len())),
                lane_runs: Default::default(),
            }) as MakeScratch
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
        let scratch = &mut *guard;
        let text = text.as_bytes();
        if blocks.len() >= 2 {
            let Scratch {
                cache,
                sets,
                lane_runs,
            } = scratch;
            lane_runs.iter_mut().for_each(Vec::clear);
            if self
                .lanes(cache, sets, text, split(blocks), lane_runs)
                .is_some()
            {
                // In block order: the first lane's blocks come first.
                lane_runs.iter_mut().for_each(|lane| runs.append(lane));
                return;
            }
            // The cache was cleared under a lane (see `lanes`): start
            // again, one block at a time.
        }
        let Scratch { cache, sets, .. } = scratch;
        let set = &mut sets[0];
        for block in blocks {
            clear(set);
            let found = self.which(cache, set, &text[block.range.clone()]);
            self.emit(found, set, &block.range, runs);
        }
    }

    /// Adds the runs one block's search found (see `runs`).
    fn emit(
        &self,
        found: Option<()>,
        set: &PatternSet,
        range: &Range<usize>,
        runs: &mut Vec<(usize, Range<usize>)>,
    ) {
        match found {
            // Most blocks match nothing; iterating a set visits every pattern.
            Some(()) if set.is_empty() => {}
            Some(()) => runs.extend(
                set.iter()
                    .map(|p| (self.members[p.as_usize()], range.clone())),
            ),
            None => runs.extend(self.members.iter().map(|&i| (i, range.clone()))),
        }
    }

    /// What `runs` does block by block, for [`LANES`] lists of blocks at
    /// once: one byte of each in turn. A DFA search waits at every byte for
    /// the load of its next state; independent searches let the processor
    /// overlap those waits. `None` if the cache was cleared while a lane
    /// was in a block (its state is then no longer valid): the caller
    /// starts again without lanes.
    fn lanes(
        &self,
        cache: &mut Cache,
        sets: &mut [PatternSet; LANES],
        text: &[u8],
        blocks: [&[Block]; LANES],
        out: &mut [Vec<(usize, Range<usize>)>; LANES],
    ) -> Option<()> {
        let dfa = &self.dfa;
        let clears = cache.clear_count();
        let mut lanes = blocks.map(|blocks| Lane {
            blocks: blocks.iter(),
            block: 0..0,
            at: 0,
            sid: LazyStateID::default(),
            found: Some(()),
            busy: false,
        });
        loop {
            // Finish blocks that ended, start the next ones.
            for (l, lane) in lanes.iter_mut().enumerate() {
                while lane.at == lane.block.end {
                    if lane.busy {
                        if lane.found.is_some() {
                            let sid = dfa.next_eoi_state(cache, lane.sid).ok();
                            match sid {
                                Some(sid) if sid.is_match() => add(dfa, cache, sid, &mut sets[l]),
                                Some(_) => {}
                                None => lane.found = None,
                            }
                        }
                        self.emit(lane.found, &sets[l], &lane.block, &mut out[l]);
                        lane.busy = false;
                    }
                    let Some(next) = lane.blocks.next() else {
                        break;
                    };
                    clear(&mut sets[l]);
                    lane.block = next.range.clone();
                    lane.at = next.range.start;
                    lane.found = Some(());
                    lane.busy = true;
                    match dfa.start_state_forward(cache, &Input::new(&text[lane.block.clone()])) {
                        Ok(sid) => lane.sid = sid,
                        Err(_) => {
                            lane.found = None;
                            lane.at = lane.block.end;
                        }
                    }
                }
                // Another lane's state may be gone with the cache.
                if cache.clear_count() != clears {
                    return None;
                }
            }
            // The lanes still in a block; the others have no blocks left.
            let mut active = [0; LANES];
            let mut len = 0;
            for (l, lane) in lanes.iter().enumerate() {
                if lane.at < lane.block.end {
                    active[len] = l;
                    len += 1;
                }
            }
            let lanes = &mut lanes;
            let stepped = match len {
                0 => return Some(()),
                1 => {
                    let l = active[0];
                    lanes[l].step_alone(dfa, cache, &mut sets[l], text);
                    true
                }
                2 => lockstep::<2>(dfa, cache, sets, text, lanes, pick(active), clears),
                3 => lockstep::<3>(dfa, cache, sets, text, lanes, pick(active), clears),
                _ => lockstep::<4>(dfa, cache, sets, text, lanes, pick(active), clears),
            };
            if !stepped {
                return None;
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
        let mut sid = dfa.start_state_forward(cache, &Input::new(haystack)).ok()?;
        for &byte in haystack {
            sid = dfa.next_state(cache, sid, byte).ok()?;
            if sid.is_tagged() {
                if sid.is_match() {
                    add(dfa, cache, sid, set);
                } else if sid.is_dead() {
                    return Some(());
                } else if sid.is_quit() {
                    return None;
                }
            }
        }
        sid = dfa.next_eoi_state(cache, sid).ok()?;
        if sid.is_match() {
            add(dfa, cache, sid, set);
        }
        Some(())
    }
}

/// Adds the patterns of match state `sid` to `set`. Matches show one byte
/// late, and at the end of a block through the end-of-input transition.
fn add(dfa: &DFA, cache: &Cache, sid: LazyStateID, set: &mut PatternSet) {
    for i in 0..dfa.match_len(cache, sid) {
        set.insert(dfa.match_pattern(cache, sid, i));
    }
}

/// Empties `set`. `PatternSet::clear` writes every pattern's slot, and
/// most blocks match nothing: that memset was 0.6% of a run over an archive.
fn clear(set: &mut PatternSet) {
    if !set.is_empty() {
        set.clear();
    }
}

/// `blocks` in [`LANES`] runs of about equal bytes, in order (some empty
/// when there are few blocks).
fn split(blocks: &[Block]) -> [&[Block]; LANES] {
    let total: usize = blocks.iter().map(|b| b.range.len()).sum();
    // cuts[j]: where lane j's blocks end.
    let mut cuts = [blocks.len(); LANES];
    let (mut seen, mut lane) = (0, 0);
    for (i, block) in blocks.iter().enumerate() {
        seen += block.range.len();
        while lane < LANES - 1 && seen * LANES >= total * (lane + 1) {
            cuts[lane] = i + 1;
            lane += 1;
        }
    }
    let mut start = 0;
    cuts.map(|end| {
        let lane = &blocks[start..end];
        start = end;
        lane
    })
}

/// The first `K` of `active`.
fn pick<const K: usize>(active: [usize; LANES]) -> [usize; K] {
    std::array::from_fn(|i| active[i])
}

/// Lanes `which` (each in a block) in lockstep for as many bytes as the
/// shortest has left in its block, or until one reaches a tagged state
/// (a match, the end, or one not computed yet); then one byte of each the
/// careful way. False if the cache was cleared meanwhile.
#[inline(always)]
fn lockstep<const K: usize>(
    dfa: &DFA,
    cache: &mut Cache,
    sets: &mut [PatternSet; LANES],
    text: &[u8],
    lanes: &mut [Lane<'_>; LANES],
    which: [usize; K],
    clears: usize,
) -> bool {
    let n = which
        .iter()
        .map(|&l| lanes[l].block.end - lanes[l].at)
        .min()
        .unwrap_or(0);
    let hays: [&[u8]; K] = which.map(|l| &text[lanes[l].at..lanes[l].at + n]);
    let mut sids: [LazyStateID; K] = which.map(|l| lanes[l].sid);
    let mut k = 0;
    if !sids.iter().any(|s| s.is_tagged()) {
        while k < n {
            let next: [LazyStateID; K] =
                std::array::from_fn(|j| dfa.next_state_untagged(cache, sids[j], hays[j][k]));
            if next.iter().any(|s| s.is_tagged()) {
                break;
            }
            sids = next;
            k += 1;
        }
    }
    for (&l, sid) in which.iter().zip(sids) {
        lanes[l].sid = sid;
        lanes[l].at += k;
    }
    if k < n {
        for &l in &which {
            let lane = &mut lanes[l];
            lane.step(dfa, cache, &mut sets[l], text[lane.at]);
            if cache.clear_count() != clears {
                return false;
            }
        }
    }
    true
}

/// One of `Screen::lanes`'s searches: its blocks, the block in
/// progress (absolute range), the next byte and the state before it.
struct Lane<'b> {
    blocks: std::slice::Iter<'b, Block>,
    block: Range<usize>,
    at: usize,
    sid: LazyStateID,
    /// `None` once the DFA gave up in this block (every pattern runs there).
    found: Option<()>,
    /// A block is in progress, its runs not yet added.
    busy: bool,
}

impl Lane<'_> {
    /// One byte, computing the next state if the cache does not have it,
    /// noting matches, and ending the block at a dead or quit state.
    fn step(&mut self, dfa: &DFA, cache: &mut Cache, set: &mut PatternSet, byte: u8) {
        match dfa.next_state(cache, self.sid, byte) {
            Ok(sid) => {
                self.sid = sid;
                self.at += 1;
                if sid.is_match() {
                    add(dfa, cache, sid, set);
                } else if sid.is_dead() {
                    self.at = self.block.end;
                } else if sid.is_quit() {
                    self.found = None;
                    self.at = self.block.end;
                }
            }
            Err(_) => {
                self.found = None;
                self.at = self.block.end;
            }
        }
    }

    /// The rest of the block, with no other lane.
    fn step_alone(&mut self, dfa: &DFA, cache: &mut Cache, set: &mut PatternSet, text: &[u8]) {
        while self.at < self.block.end {
            self.step(dfa, cache, set, text[self.at]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{split, Scratch, Screen, LANES};
    use crate::document::{Block, Document, Kind};
    use crate::rule::RuleSet;

    /// Lanes find, block by block, what one search per block finds,
    /// and so does the restart after a cache is cleared under a lane: on
    /// the corpus notes, with the normal cache and with one so small that
    /// it is cleared again and again.
    #[test]
    fn lanes_find_what_one_search_per_block_finds() {
        let rules = RuleSet::load(true, &[]).unwrap();
        let patterns: Vec<_> = rules
            .rules
            .iter()
            .flat_map(|r| &r.patterns)
            .filter(|p| !p.triggers.is_empty())
            .enumerate()
            .collect();
        let normal = Screen::build(patterns.iter().map(|&(i, p)| (i, p))).unwrap();
        let tiny = Screen::with_capacity(patterns.iter().map(|&(i, p)| (i, p)), 0).unwrap();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/corpus");
        let (mut lane_runs_done, mut restarts) = (0, 0);
        for dir in std::fs::read_dir(&root).unwrap() {
            let dir = dir.unwrap().path();
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries {
                let path = entry.unwrap().path();
                let Some(kind) = Kind::from_path(&path) else {
                    continue;
                };
                let doc =
                    Document::new(String::new(), std::fs::read_to_string(&path).unwrap(), kind);
                let (text, blocks) = (doc.prose.text.as_str(), &doc.prose.blocks);
                for screen in [&normal, &tiny] {
                    let mut expected = Vec::new();
                    let mut guard = screen.scratch.get();
                    let scratch = &mut *guard;
                    for block in blocks {
                        let set = &mut scratch.sets[0];
                        set.clear();
                        let hay = &text.as_bytes()[block.range.clone()];
                        let found = screen.which(&mut scratch.cache, set, hay);
                        screen.emit(found, set, &block.range, &mut expected);
                    }
                    if blocks.len() >= 2 {
                        // Lanes of equal bytes (as `runs` splits), of equal
                        // block counts, and with empty lanes between: lanes
                        // that end at different times, leaving 3, 2, 1.
                        let by_count: [&[Block]; LANES] = std::array::from_fn(|l| {
                            &blocks[l * blocks.len() / LANES..(l + 1) * blocks.len() / LANES]
                        });
                        let mut gaps: [&[Block]; LANES] = [&[]; LANES];
                        gaps[0] = &blocks[..1];
                        gaps[LANES - 1] = &blocks[1..];
                        for lanes in [split(blocks), by_count, gaps] {
                            let Scratch {
                                cache,
                                sets,
                                lane_runs,
                            } = &mut *scratch;
                            lane_runs.iter_mut().for_each(Vec::clear);
                            match screen.lanes(cache, sets, text.as_bytes(), lanes, lane_runs) {
                                Some(()) => {
                                    lane_runs_done += 1;
                                    let found: Vec<_> = lane_runs.concat();
                                    assert_eq!(found, expected, "in {}", path.display());
                                }
                                None => restarts += 1,
                            }
                        }
                    }
                    drop(guard);
                    let mut runs = Vec::new();
                    screen.runs(text, blocks, &mut runs);
                    assert_eq!(runs, expected, "in {}", path.display());
                }
            }
        }
        assert!(
            lane_runs_done > 150 && restarts > 0,
            "{lane_runs_done} runs in lanes, {restarts} restarts"
        );
    }
}
