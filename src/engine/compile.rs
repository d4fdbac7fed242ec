//! [`RuleSet`] → [`Engine`]: the matchers, built once per run.
//!
//! Phrases of all rules share one automaton, so the cost of a note does not
//! grow with the number of phrase rules. A phrase used by several rules maps
//! to all of them.

use std::collections::HashMap;
use std::sync::atomic::AtomicUsize;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::leftmost::{Lanes, Overlapping};
use crate::rule::pattern::trigger_parts;
use crate::rule::{InQuotes, Pattern, Rule, RuleSet};

/// How many notes one engine searches word by word before it builds the
/// automata: a commit touches a few notes, and each such search costs
/// about a tenth of building them (callgrind, built-in pack, a 700-byte
/// note), so a hook given dozens pays little for the first few.
pub(crate) const WORD_BY_WORD_NOTES: usize = 4;

/// A pattern one trigger literal wakes, and what its occurrence needs.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Owner {
    /// An index into `Engine::patterns`.
    pub(crate) pattern: usize,
    /// The trigger set the literal is in, as a bit of the pattern's mask.
    pub(crate) bit: u32,
    /// No ASCII word character just before the occurrence (or the block
    /// starts there), as every match of the pattern has.
    pub(crate) before: bool,
    /// Likewise just after it.
    pub(crate) after: bool,
}

/// Settings from the configuration that change what counts as a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// For rules that do not say: skip or check text in quotation marks.
    pub quoted_speech: InQuotes,
    /// Treat Markdown block quotes (`> …`) as quoted speech too.
    pub block_quotes_are_speech: bool,
    /// Report suppression comments that give no reason.
    pub require_reasons: bool,
    /// Run every pattern's regex over every block of the note, with no
    /// prefilter (no trigger literals) and no program (`rule::program`):
    /// slow, and only for the tests that show the fast path finds the same.
    #[doc(hidden)]
    pub exhaustive: bool,
    /// Build full DFAs for the phrase scan and fast searchers for patterns
    /// (see `rule::pattern::Speed`): they pay for themselves over a folder
    /// of notes, not for the few files a pre-commit hook passes, where
    /// building them would be most of the run.
    pub fast_scan: bool,
    /// Give each finding its fingerprint (a SHA-256 of its words and
    /// sentence). Only baselines and SARIF use them; over an archive,
    /// hashing every finding is work no other output needs.
    pub fingerprints: bool,
    /// Report one finding per phrase (`overlap.rs`). Off when a rule's
    /// examples run: an example shows what its own rule matches, whatever
    /// another rule (or a user's copy of a built-in one) finds there too.
    pub one_per_phrase: bool,
    /// Read each sentence no rule flagged with the sentence model
    /// (`learned.rs`). Off when a rule's examples run: an example shows
    /// what its own rule's words and patterns match.
    pub sentence_model: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            quoted_speech: InQuotes::Skip,
            block_quotes_are_speech: false,
            require_reasons: false,
            exhaustive: false,
            fast_scan: true,
            fingerprints: true,
            one_per_phrase: true,
            sentence_model: true,
        }
    }
}

pub struct Engine<'r> {
    pub(crate) options: Options,
    /// Labels of things (`sense.rs`), from the vocabulary in force.
    pub(crate) things: Option<std::sync::Arc<super::sense::Things>>,
    pub(crate) known_ids: &'r [String],
    pub(crate) rules: &'r [Rule],
    /// Every rule's phrases, lower-cased, one entry per distinct phrase.
    pub(crate) phrase_words: Vec<String>,
    /// Over folders (`Options::fast_scan`): one DFA over `phrase_words`,
    /// searched in three lanes (`leftmost.rs`).
    pub(crate) phrase_lanes: Option<Lanes>,
    /// Otherwise one automaton over `phrase_words`: built on first need
    /// for the few files a hook passes, where short notes are searched
    /// phrase by phrase instead (see `matcher.rs`), or with the engine for
    /// a phrase list too large for `phrase_lanes`. `None` inside if it
    /// could not be built (search phrase by phrase).
    pub(crate) phrases: OnceLock<Option<AhoCorasick>>,
    /// For each automaton pattern, the rules that own that phrase.
    pub(crate) phrase_rules: Groups<usize>,
    /// Every `(rule index, pattern)`.
    pub(crate) patterns: Vec<(usize, &'r Pattern)>,
    /// One automaton over every pattern's trigger literals (see
    /// `rule/pattern.rs`): a pattern runs on a block only if a literal of
    /// each of its trigger sets occurs there, with the word boundaries the
    /// pattern promises around it.
    pub(crate) triggers: OnceLock<Option<AhoCorasick>>,
    /// Over folders (`Options::fast_scan`): one DFA over `trigger_words`,
    /// searched by our own loop (`leftmost.rs`).
    pub(crate) trigger_scan: Option<Overlapping>,
    /// The trigger literals, lower-cased: searched one by one in short notes
    /// when there is no automaton yet, as phrases are.
    pub(crate) trigger_words: Vec<String>,
    /// Notes still to be searched word by word (see `matcher.rs`).
    pub(crate) word_by_word_left: AtomicUsize,
    /// For each trigger literal, the patterns and sets it satisfies.
    pub(crate) trigger_owners: Groups<Owner>,
    /// For each pattern, the bits of all its trigger sets.
    pub(crate) trigger_masks: Vec<u32>,
    /// Patterns without triggers: they run on every note.
    pub(crate) always: Vec<usize>,
}

#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("the rules' phrases do not fit in one matcher: {0}")]
#[diagnostic(code(regard::engine::build), help("use fewer or shorter phrases"))]
pub struct BuildError(String);

/// A full DFA when the patterns are few enough for it to stay small (the
/// built-in pack's phrases are well under the bound).
fn dfa_if_small(patterns: &[&str]) -> Option<AhoCorasickKind> {
    let bytes: usize = patterns.iter().map(|p| p.len()).sum();
    (bytes < 200_000).then_some(AhoCorasickKind::DFA)
}

/// An automaton over lower-case `words`: leftmost-longest for phrases,
/// standard (every occurrence, overlapping) for trigger literals.
pub(crate) fn build_automaton(
    words: &[String],
    kind: MatchKind,
    fast: bool,
) -> Result<AhoCorasick, aho_corasick::BuildError> {
    let refs: Vec<&str> = words.iter().map(String::as_str).collect();
    AhoCorasickBuilder::new()
        .match_kind(kind)
        // A full DFA for `fast` (folders): the fastest scan, which every
        // byte of every note goes through; for a huge user phrase list its
        // size and build time would not pay off, so let the crate choose.
        .kind(dfa_if_small(&refs).filter(|_| fast))
        // With a thousand phrases a literal prefilter flags most positions
        // anyway; the DFA alone is faster (profiled).
        .prefilter(false)
        .build(words)
}

/// The index of `word` among the distinct `words`, adding it (with an empty
/// list of owners) the first time: one automaton pattern per distinct word.
/// A map from words to their index, hashed by [`WordHasher`].
type WordIndex<'a> = HashMap<&'a str, usize, std::hash::BuildHasherDefault<WordHasher>>;

/// Hashes a word eight bytes at a time with one multiplication each (the
/// rules' phrases and trigger words are short and no one chooses them to
/// collide): the default SipHash was a tenth of building an engine.
#[derive(Default, Clone, Copy)]
struct WordHasher(u64);

impl std::hash::Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(c);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word) ^ (rest.len() as u64) << 59);
        }
    }
}

impl WordHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517C_C1B7_2722_0A95);
    }
}

fn intern<'a>(index: &mut WordIndex<'a>, words: &mut Vec<&'a str>, word: &'a str) -> usize {
    *index.entry(word).or_insert_with(|| {
        words.push(word);
        words.len() - 1
    })
}

/// Lists of items by word (a word's phrase rules, a trigger literal's
/// owners), in one vector: a vector per word was some twenty thousand
/// small allocations when an engine was built, a tenth of a one-note
/// run (issue 19, round 19).
#[derive(Debug)]
pub(crate) struct Groups<T> {
    /// Where each word's items start in `items`, and the end (one more
    /// entry than there are words).
    starts: Vec<u32>,
    items: Vec<T>,
}

impl<T: Copy> Groups<T> {
    /// The items of `pairs` (word, item) grouped by word, in the order
    /// they come in `pairs` within a word; `words` is the number of words.
    fn new(words: usize, pairs: &[(u32, T)]) -> Groups<T> {
        let mut starts = vec![0u32; words + 1];
        for &(w, _) in pairs {
            starts[w as usize + 1] += 1;
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        let mut next = starts.clone();
        let Some(&(_, fill)) = pairs.first() else {
            return Groups {
                starts,
                items: Vec::new(),
            };
        };
        let mut items = vec![fill; pairs.len()];
        for &(w, item) in pairs {
            let at = &mut next[w as usize];
            items[*at as usize] = item;
            *at += 1;
        }
        Groups { starts, items }
    }
}

impl<T> std::ops::Index<usize> for Groups<T> {
    type Output = [T];
    fn index(&self, word: usize) -> &[T] {
        &self.items[self.starts[word] as usize..self.starts[word + 1] as usize]
    }
}

impl<'r> Engine<'r> {
    pub fn new(set: &'r RuleSet) -> Result<Engine<'r>, BuildError> {
        Engine::with_options(set, Options::default())
    }

    pub fn with_options(set: &'r RuleSet, options: Options) -> Result<Engine<'r>, BuildError> {
        // Sized up front: growing them was a quarter of building an engine.
        let listed: usize = set.rules.iter().map(|r| r.phrases.len()).sum();
        let mut index = WordIndex::with_capacity_and_hasher(listed, Default::default());
        let mut phrases: Vec<&str> = Vec::with_capacity(listed);
        let mut rule_pairs: Vec<(u32, usize)> = Vec::with_capacity(listed);
        // The last rule listed for each phrase: rules come in order, so a
        // rule listing a phrase twice is the last one listed for it.
        let mut last_rule: Vec<usize> = Vec::with_capacity(listed);
        for (r, rule) in set.rules.iter().enumerate() {
            for phrase in &rule.phrases {
                let i = intern(&mut index, &mut phrases, phrase);
                if i == last_rule.len() {
                    last_rule.push(usize::MAX);
                }
                if last_rule[i] != r {
                    last_rule[i] = r;
                    rule_pairs.push((i as u32, r));
                }
            }
        }
        let phrase_rules = Groups::new(phrases.len(), &rule_pairs);
        // Lower-case phrases, searched in an ASCII-lower-cased copy of the
        // prose (same byte offsets): the same matches as ASCII
        // case-insensitive search, from a smaller automaton (building the
        // case-insensitive one was a third of a one-note run).
        let phrase_words: Vec<String> = phrases.iter().map(|p| p.to_ascii_lowercase()).collect();
        let refs: Vec<&str> = phrase_words.iter().map(String::as_str).collect();
        let phrase_lanes = (options.fast_scan && dfa_if_small(&refs).is_some())
            .then(|| Lanes::new(&phrase_words))
            .flatten();
        let automaton = if options.fast_scan && phrase_lanes.is_none() && !phrase_words.is_empty() {
            let ac = build_automaton(&phrase_words, MatchKind::LeftmostLongest, true)
                .map_err(|e| BuildError(e.to_string()))?;
            OnceLock::from(Some(ac))
        } else {
            OnceLock::new()
        };
        let patterns: Vec<(usize, &Pattern)> = patterns_of(set).collect();
        let listed: usize = patterns
            .iter()
            .flat_map(|(_, p)| &p.triggers)
            .map(Vec::len)
            .sum();
        let mut trigger_index = WordIndex::with_capacity_and_hasher(listed, Default::default());
        let mut trigger_words: Vec<&str> = Vec::with_capacity(listed);
        let mut owner_pairs: Vec<(u32, Owner)> = Vec::with_capacity(listed);
        let mut trigger_masks = Vec::with_capacity(patterns.len());
        let mut always = Vec::new();
        for (i, (_, pattern)) in patterns.iter().enumerate() {
            if pattern.triggers.is_empty() {
                always.push(i);
            }
            for (set, words) in pattern.triggers.iter().enumerate() {
                for w in words {
                    let (text, before, after) = trigger_parts(w);
                    let t = intern(&mut trigger_index, &mut trigger_words, text);
                    owner_pairs.push((
                        t as u32,
                        Owner {
                            pattern: i,
                            bit: 1 << set,
                            before,
                            after,
                        },
                    ));
                }
            }
            trigger_masks.push((1 << pattern.triggers.len()) - 1);
        }
        let trigger_owners = Groups::new(trigger_words.len(), &owner_pairs);
        let trigger_words: Vec<String> = trigger_words
            .iter()
            .map(|w| w.to_ascii_lowercase())
            .collect();
        let trigger_refs: Vec<&str> = trigger_words.iter().map(String::as_str).collect();
        let trigger_scan = (options.fast_scan && dfa_if_small(&trigger_refs).is_some())
            .then(|| Overlapping::new(&trigger_words))
            .flatten();
        let triggers = if options.fast_scan && trigger_scan.is_none() && !trigger_words.is_empty() {
            let ac = build_automaton(&trigger_words, MatchKind::Standard, true)
                .map_err(|e| BuildError(e.to_string()))?;
            OnceLock::from(Some(ac))
        } else {
            OnceLock::new()
        };
        Ok(Engine {
            things: super::sense::Things::for_set(set),
            options,
            known_ids: &set.known_ids,
            rules: &set.rules,
            phrase_words,
            phrase_lanes,
            phrases: automaton,
            phrase_rules,
            patterns,
            trigger_words,
            trigger_scan,
            word_by_word_left: AtomicUsize::new(WORD_BY_WORD_NOTES),
            triggers,
            trigger_owners,
            trigger_masks,
            always,
        })
    }

    pub fn rules(&self) -> &'r [Rule] {
        self.rules
    }
}

/// Every `(rule index, pattern)` of `set`, in the order of `Engine::patterns`.
fn patterns_of(set: &RuleSet) -> impl Iterator<Item = (usize, &Pattern)> {
    set.rules
        .iter()
        .enumerate()
        .flat_map(|(r, rule)| rule.patterns.iter().map(move |p| (r, p)))
}

#[cfg(test)]
mod tests {
    use super::Groups;

    /// Items come back by word, in the order they were given within a
    /// word; a word without items has an empty list.
    #[test]
    fn groups_keep_each_words_items_in_order() {
        let groups = Groups::new(4, &[(2, 'a'), (0, 'b'), (2, 'c'), (0, 'd'), (3, 'e')]);
        assert_eq!(&groups[0], &['b', 'd']);
        assert!(groups[1].is_empty());
        assert_eq!(&groups[2], &['a', 'c']);
        assert_eq!(&groups[3], &['e']);
        let empty: Groups<usize> = Groups::new(2, &[]);
        assert!(empty[0].is_empty() && empty[1].is_empty());
    }
}
