//! `Pattern`: a rule's regular expression, checked at load time and
//! compiled on first use.
//!
//! Compiling the pack's three hundred patterns costs far more than checking
//! a note, and most notes touch few of them. So loading only parses a
//! pattern (syntax errors still point into the rule file) and records its
//! capture names and its *triggers*: up to three sets of literal words, a
//! word of each set being in every match. For the built-in pack even that
//! is done ahead of time (`builtin_patterns.rs`). The engine runs one
//! automaton over a note for all triggers and compiles and runs a pattern
//! only on the blocks holding a word of each of its sets, so a pre-commit
//! hook on one note pays for the few patterns that note could match. Users'
//! rules are compiled at load time anyway, so a pattern over the size limit
//! is a rule error, never a surprise mid-run; the built-in ones are compiled
//! by a test.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;
use std::ops::Range;
use std::sync::{LazyLock, Mutex, OnceLock};

use regex_automata::meta::{self, Regex};
use regex_automata::util::captures::Captures;
use regex_automata::util::syntax;
use regex_automata::Input;
use regex_syntax::ast::{self, Ast};
use regex_syntax::hir::{Class, Hir, HirKind, Look};

use super::program::Program;

/// How many literal sets a pattern's triggers keep. One set of common
/// words ("her", "what") wakes a pattern in most paragraphs; requiring
/// two or three sets together wakes it only where it could match.
pub const MAX_TRIGGER_SETS: usize = 4;

/// Compiled size limit for one pattern (the `regex` crate's default is 10 MiB).
pub const SIZE_LIMIT: usize = 1 << 20;

/// Why a pattern is not usable, and where inside it (byte offset, length).
pub type PatternError = (String, Option<(usize, usize)>);

pub struct Pattern {
    /// As written (or wrapped). Compiled case-insensitively with ASCII word
    /// classes ([`ascii_words`]), rewritten so only when compiled: most
    /// patterns never are in a one-note run.
    written: String,
    lean: OnceLock<Result<Regex, String>>,
    fast: OnceLock<Regex>,
    /// The fast form for ASCII-lower-cased text (see [`fold_case`]): what
    /// the engine searches over folders.
    folded: OnceLock<Option<Regex>>,
    /// The folded form's search cache (its lazy DFA's states), one for every
    /// worker: the regex's own pool keeps one per thread for every pattern
    /// a thread has run, which over a folder was most of the peak memory.
    cache: Mutex<Option<meta::Cache>>,
    /// Where its matches can run past the end of a sentence (see
    /// [`Reach`]), worked out on first need.
    reach: OnceLock<Reach>,
    /// The pattern read for the backtracking matcher (`program.rs`), if
    /// it can be: then its regex is compiled only for a search the
    /// program hands back.
    program: OnceLock<Option<Program>>,
    /// Names of the capture groups.
    pub names: Vec<String>,
    /// Sets of lower-case literals such that every match contains one
    /// literal of each set, at most [`MAX_TRIGGER_SETS`] of them; empty when
    /// none could be found (the pattern then runs on every note).
    /// Borrowed from the built-in table (`builtin_wrapped`): copying its
    /// tens of thousands of literals was a few percent of a one-note run.
    pub triggers: Vec<Vec<Cow<'static, str>>>,
}

impl fmt::Debug for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Pattern")
            .field("written", &self.written)
            .field("triggers", &self.triggers)
            .finish()
    }
}

/// Capture names and triggers of the built-in pack's patterns and
/// `unless` entries, and the regexes its word patterns expand to, worked
/// out ahead of time: parsing the pack's large patterns and expanding its
/// word classes would otherwise be most of a one-note run.
/// `tests/generated.rs` checks it against a full parse (and rewrites it
/// with `REGARD_BLESS=1`).
mod table {
    /// (hash of the pattern as written, capture names, trigger sets, its
    /// [`super::Reach`]: the bytes before an end mark a match can run
    /// past, or `None` if it can run past any)
    pub type Row = (
        u64,
        &'static [&'static str],
        &'static [&'static [&'static str]],
        Option<&'static [u8]>,
    );
    /// (hash of [`super::word_key`], the word pattern as written, the
    /// regex it compiles to)
    pub type WordRow = (u64, &'static str, &'static str);
    include!("builtin_patterns.rs");
}

/// FNV-1a: a stable hash of a file's text (a rule file, the vocabulary),
/// as `build.rs` computes it.
pub fn text_hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The key of a pattern in the table: a stable hash of its text that
/// reads eight bytes a step. A one-note run looks up some two thousand
/// expanded patterns of hundreds of bytes each; FNV-1a's byte a step was
/// a twentieth of the run's instructions (issue 19, round 19).
pub fn pattern_key(text: &str) -> u64 {
    key_from(0x243f_6a88_85a3_08d3, text)
}

fn key_from(start: u64, text: &str) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let bytes = text.as_bytes();
    let mut chunks = bytes.chunks_exact(8);
    let mut h = start ^ (bytes.len() as u64).wrapping_mul(K);
    for chunk in chunks.by_ref() {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        h = (h ^ word).wrapping_mul(K).rotate_left(29);
    }
    let mut last = [0u8; 8];
    last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    h = (h ^ u64::from_le_bytes(last)).wrapping_mul(K);
    // Every input bit reaches the high and low bits.
    h ^= h >> 32;
    h = h.wrapping_mul(K);
    h ^ (h >> 29)
}

/// Where a word pattern is used: its regex depends on it (see
/// `Vocabulary::compile_pattern` and `compile_context`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum WordKind {
    /// A rule's `words:` entry.
    Pattern,
    /// An `unless: words-before:` entry.
    Before,
    /// An `unless: words-after:` entry.
    After,
}

/// The key of a word pattern in the table: its kind and its text.
pub fn word_key(kind: WordKind, text: &str) -> u64 {
    let tag = match kind {
        WordKind::Pattern => "p\0",
        WordKind::Before => "b\0",
        WordKind::After => "a\0",
    };
    key_from(pattern_key(tag), text)
}

/// Whether the table's word-pattern expansions were made from this
/// vocabulary (`vocabulary.yaml` as embedded). If not (the vocabulary
/// changed and the table was not regenerated), the built-in word patterns
/// are expanded at load time, as users' are.
pub fn builtin_words_fit(vocabulary: &str) -> bool {
    builtin_words_fit_hash(text_hash(vocabulary))
}

/// [`builtin_words_fit`] of the vocabulary whose [`text_hash`] is `hash`.
pub fn builtin_words_fit_hash(hash: u64) -> bool {
    hash == table::VOCABULARY
}

/// The regex a built-in word pattern expands to with the built-in
/// vocabulary, if the table has it. Only valid where
/// [`builtin_words_fit`] holds for the vocabulary in force.
pub fn builtin_words(kind: WordKind, text: &str) -> Option<&'static str> {
    let key = word_key(kind, text);
    let at = table::WORDS.binary_search_by_key(&key, |row| row.0).ok()?;
    let (_, written, regex) = table::WORDS[at];
    (written == text).then_some(regex)
}

/// Every regex of the built-in word patterns (patterns and `unless`
/// entries, as expanded), for the programs' exactness test.
#[cfg(test)]
pub(crate) fn builtin_word_regexes() -> impl Iterator<Item = &'static str> {
    table::WORDS.iter().map(|row| row.2)
}

/// The Rust source of the table for these patterns of the built-in pack
/// and these word patterns (kind, as written, expanded with the
/// vocabulary whose text is `vocabulary`); see `mod table`.
#[doc(hidden)]
pub fn builtin_table(
    patterns: &[&str],
    words: &[(WordKind, &str, &str)],
    vocabulary: &str,
) -> Result<String, PatternError> {
    let mut rows = Vec::new();
    for &text in patterns {
        let p = Pattern::parse(text)?;
        let sets: Vec<String> = p.triggers.iter().map(|set| format!("&{set:?}")).collect();
        let reach = Reach::of(&p.source());
        let reach = match reach.any {
            true => "None".to_string(),
            false => format!("Some(&{:?})", reach.bytes()),
        };
        rows.push((
            pattern_key(text),
            format!("&{:?}", p.names),
            format!("&[{}]", sets.join(", ")),
            reach,
        ));
    }
    rows.sort();
    rows.dedup();
    let mut out = String::from(
        "// @generated from rules/*.yaml by tests/generated.rs (REGARD_BLESS=1 to refresh).\n\
         #[rustfmt::skip]\n\
         pub const PATTERNS: &[Row] = &[\n",
    );
    for (hash, names, sets, reach) in rows {
        out.push_str(&format!("    ({hash:#018x}, {names}, {sets}, {reach}),\n"));
    }
    out.push_str("];\n");
    let mut words: Vec<(u64, &str, &str)> = words
        .iter()
        .map(|&(kind, written, regex)| (word_key(kind, written), written, regex))
        .collect();
    words.sort();
    words.dedup();
    out.push_str(&format!(
        "\n/// The hash of the `vocabulary.yaml` the word patterns below were expanded with.\n\
         pub const VOCABULARY: u64 = {:#018x};\n\n\
         #[rustfmt::skip]\n\
         pub const WORDS: &[WordRow] = &[\n",
        text_hash(vocabulary)
    ));
    for (key, written, regex) in words {
        out.push_str(&format!("    ({key:#018x}, {written:?}, {regex:?}),\n"));
    }
    out.push_str("];\n");
    Ok(out)
}

impl Pattern {
    /// A pattern of the built-in pack: from the table if it is there (no
    /// parsing), else parsed. Not checked: the pack's tests do that.
    pub fn builtin(pattern: &str) -> Result<Pattern, PatternError> {
        Pattern::builtin_wrapped(pattern, pattern)
    }

    /// `source`, a built-in pattern that wraps `written` as [`wrapped`]
    /// says, with the names and triggers of `written` (and its reach if
    /// `source` is `written`: the table's reach is that of `written`).
    ///
    /// [`wrapped`]: Pattern::wrapped
    pub fn builtin_wrapped(written: &str, source: &str) -> Result<Pattern, PatternError> {
        let hash = pattern_key(written);
        let Ok(at) = table::PATTERNS.binary_search_by_key(&hash, |row| row.0) else {
            return Ok(Pattern::parse(written)?.wrapped(source));
        };
        let (_, names, sets, reach) = table::PATTERNS[at];
        let known = OnceLock::new();
        if written == source {
            // Read from the table, not from a second compile of the NFA
            // (that was about what narrowing to sentences saved).
            let _ = known.set(Reach::from_table(reach));
        }
        Ok(Pattern {
            reach: known,
            names: names.iter().map(|n| n.to_string()).collect(),
            triggers: sets
                .iter()
                .map(|set| set.iter().map(|&l| Cow::Borrowed(l)).collect())
                .collect(),
            ..Pattern::unchecked(source)
        })
    }

    /// A pattern known to be valid, whose names and triggers are not
    /// needed (the built-in pack's joined `unless` entries): not parsed.
    pub fn unchecked(pattern: &str) -> Pattern {
        Pattern {
            written: pattern.to_string(),
            lean: OnceLock::new(),
            fast: OnceLock::new(),
            folded: OnceLock::new(),
            cache: Mutex::new(None),
            reach: OnceLock::new(),
            program: OnceLock::new(),
            names: Vec::new(),
            triggers: Vec::new(),
        }
    }

    /// The same names and triggers for `source`, a pattern that wraps this
    /// one without adding anything a match needs (an anchor, a group).
    pub fn wrapped(self, source: &str) -> Pattern {
        Pattern {
            written: source.to_string(),
            ..self
        }
    }

    /// Whether `lower` (ASCII lower-cased text) holds a literal of each
    /// trigger set: if not, the pattern cannot match anywhere in it.
    pub fn may_match(&self, lower: &str) -> bool {
        self.triggers.iter().all(|set| {
            set.iter()
                .any(|literal| lower.contains(trigger_parts(literal).0))
        })
    }

    /// Whether the pattern has been compiled for `speed` yet.
    pub fn is_compiled(&self, speed: Speed) -> bool {
        match speed {
            Speed::Lean => self.lean.get().is_some(),
            Speed::Fast => self.fast.get().is_some(),
        }
    }

    /// The pattern built for `Speed::Fast` to search ASCII-lower-cased
    /// text (see [`fold_case`]): the same matches there as
    /// [`Pattern::regex`] finds in the text before lower-casing, from an
    /// automaton a fraction of the size. `None` for a pattern with a
    /// case-sensitive part: it searches the text as it is.
    pub fn folded(&self) -> Option<&Regex> {
        self.folded
            .get_or_init(|| build_folded(&self.source()))
            .as_ref()
    }

    /// Parses without compiling.
    pub fn parse(pattern: &str) -> Result<Pattern, PatternError> {
        let parsed = ast::parse::Parser::new().parse(pattern).map_err(|e| {
            let span = e.span();
            let len = (span.end.offset - span.start.offset).max(1);
            (e.kind().to_string(), Some((span.start.offset, len)))
        })?;
        let mut names = Vec::new();
        capture_names(&parsed, &mut names);
        Ok(Pattern {
            written: pattern.to_string(),
            lean: OnceLock::new(),
            fast: OnceLock::new(),
            folded: OnceLock::new(),
            cache: Mutex::new(None),
            reach: OnceLock::new(),
            program: OnceLock::new(),
            names,
            triggers: trigger_sets(pattern)
                .into_iter()
                .map(|set| set.into_iter().map(Cow::Owned).collect())
                .collect(),
        })
    }

    /// The pattern as compiled (with ASCII word classes).
    pub fn source(&self) -> String {
        ascii_words(&self.written)
    }

    /// Compiles now (if not yet), reporting a pattern that is too big.
    pub fn compile(&self) -> Result<&Regex, String> {
        self.lean
            .get_or_init(|| build(&self.source(), Speed::Lean))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The compiled pattern, built for `speed`. Every pattern in use has
    /// compiled before: users' rules at load time, the built-in pack in the
    /// test suite.
    pub fn regex(&self, speed: Speed) -> &Regex {
        let lean = || match self.compile() {
            Ok(re) => re,
            Err(e) => unreachable!("pattern `{}` was checked at load time: {e}", self.written),
        };
        match speed {
            Speed::Lean => lean(),
            // Not built lean first: over a folder that doubled the cost of
            // every pattern used.
            Speed::Fast => self.fast.get_or_init(|| {
                build(&self.source(), Speed::Fast).unwrap_or_else(|_| lean().clone())
            }),
        }
    }
}

impl Pattern {
    /// The ranges of the non-empty matches in `haystack`, leftmost-first as
    /// `find_iter` gives them, into `out`. For `Speed::Fast`, `haystack`
    /// must be ASCII-lower-cased if the pattern has a [`Pattern::folded`]
    /// form (then searched with it), and the search uses the pattern's one cache, waiting for it if
    /// another worker has it (a search is one block of a note: short).
    pub fn find_all(&self, speed: Speed, haystack: &str, out: &mut Vec<Range<usize>>) {
        self.find_all_in(speed, haystack, 0..haystack.len(), out);
    }

    /// As [`Pattern::find_all`], for the matches inside `span` of
    /// `haystack` only: look-arounds (`\b`) still see the bytes beside
    /// `span`, so a match found here is the match a search of the whole
    /// haystack finds at the same place, if no match can cross `span`'s
    /// edges (see [`Reach`]).
    pub fn find_all_in(
        &self,
        speed: Speed,
        haystack: &str,
        span: Range<usize>,
        out: &mut Vec<Range<usize>>,
    ) {
        let regex = match speed {
            Speed::Lean => self.regex(speed),
            Speed::Fast => self.folded().unwrap_or_else(|| self.regex(speed)),
        };
        let found = |m: regex_automata::Match| (!m.is_empty()).then(|| m.range());
        let input = Input::new(haystack).range(span);
        if speed == Speed::Lean {
            out.extend(regex.find_iter(input).filter_map(found));
            return;
        }
        let mut guard = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        let cache = guard.get_or_insert_with(|| regex.create_cache());
        let mut searcher = regex_automata::util::iter::Searcher::new(input);
        while let Some(m) = searcher.advance(|input| Ok(regex.search_with(cache, input))) {
            out.extend(found(m));
        }
    }

    /// The pattern read for the backtracking matcher, if it can be (see
    /// `program.rs`).
    pub fn program(&self) -> Option<&Program> {
        self.program
            .get_or_init(|| {
                if !programs_on() {
                    return None;
                }
                Program::new(&self.source())
            })
            .as_ref()
    }

    /// As [`Pattern::find_all_in`], given both the text and its
    /// ASCII-lower-cased copy (`lower`): the program searches the text;
    /// where it cannot, the regex searches as before (the folded form
    /// over `lower` for `Speed::Fast`, if the pattern has one).
    #[allow(clippy::too_many_arguments)]
    pub fn find_runs(
        &self,
        speed: Speed,
        programs: bool,
        text: &str,
        lower: &str,
        span: Range<usize>,
        until: usize,
        out: &mut Vec<Range<usize>>,
    ) {
        if let Some(program) = self.program().filter(|_| programs) {
            if program
                .find_all_starting_before(text, span.clone(), until, out)
                .is_some()
            {
                return;
            }
        }
        let folds = speed == Speed::Fast && self.folded().is_some();
        let haystack = if folds { lower } else { text };
        self.find_all_in(speed, haystack, span, out);
    }

    /// Where the pattern's matches can run past a sentence's end.
    pub fn reach(&self) -> &Reach {
        self.reach.get_or_init(|| Reach::of(&self.source()))
    }
}

static PROGRAMS_OFF: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Whether patterns may run as programs (`program.rs`): on unless
/// `REGARD_NO_PROGRAMS` is set (to measure against the regexes alone) or
/// [`programs_off`] was called.
fn programs_on() -> bool {
    static ENV: OnceLock<bool> = OnceLock::new();
    !PROGRAMS_OFF.load(std::sync::atomic::Ordering::Relaxed)
        && !*ENV.get_or_init(|| std::env::var_os("REGARD_NO_PROGRAMS").is_some())
}

/// Makes patterns built from now on run on their regexes only.
pub fn programs_off() {
    PROGRAMS_OFF.store(true, std::sync::atomic::Ordering::Relaxed);
}

/// Which sentence ends (`.`, `!` or `?`) a pattern's matches can run
/// past, read from its NFA: the bytes that can stand just before an end
/// mark that a match holds with more of the match after it. Word gaps
/// (`_`, `<rest-of-sentence>`) never take an end mark in, so most
/// patterns can run past none, or only past the `.` of "Mr." or "J."
/// that the person class allows; a pattern whose match could begin with
/// an end mark and go on runs past any.
#[derive(Debug, Clone)]
pub struct Reach {
    /// Bit `b`: an end mark after byte `b` can be inside a match.
    before: [u64; 4],
    /// A match can start with an end mark and go on: every end is open.
    any: bool,
}

impl Reach {
    /// Whether a match can hold the end mark at `at` in `text` with more
    /// of itself after it, where `text` is all a match can span (a block)
    /// and `text[at]` is `.`, `!` or `?`.
    pub fn crosses(&self, text: &[u8], at: usize) -> bool {
        self.any
            || at
                .checked_sub(1)
                .is_some_and(|p| self.before[usize::from(text[p] >> 6)] >> (text[p] & 63) & 1 == 1)
    }

    /// The bytes whose bit is set in `before`, in order (the table's form).
    fn bytes(&self) -> Vec<u8> {
        (0..=255u8)
            .filter(|&b| self.before[usize::from(b >> 6)] >> (b & 63) & 1 == 1)
            .collect()
    }

    /// A reach as `builtin_table` wrote it: `None` for every end open.
    fn from_table(row: Option<&[u8]>) -> Reach {
        let Some(bytes) = row else {
            return Reach::ANY;
        };
        let mut reach = Reach {
            before: [0; 4],
            any: false,
        };
        for &b in bytes {
            reach.before[usize::from(b >> 6)] |= 1 << (b & 63);
        }
        reach
    }

    /// Every end open: what is assumed of a pattern that cannot be read.
    const ANY: Reach = Reach {
        before: [u64::MAX; 4],
        any: true,
    };

    fn of(source: &str) -> Reach {
        use regex_automata::nfa::thompson::{self, State, WhichCaptures};
        let Ok(nfa) = thompson::Compiler::new()
            .syntax(syntax::Config::new().case_insensitive(true))
            .configure(
                thompson::Config::new()
                    .which_captures(WhichCaptures::None)
                    .nfa_size_limit(Some(SIZE_LIMIT)),
            )
            .build(source)
        else {
            return Reach::ANY;
        };
        let states = nfa.states();
        let n = states.len();
        // Byte transitions `(from, lo, hi, to)` and epsilon edges, of the
        // states reachable from the anchored start (not the unanchored
        // prefix, which takes any byte).
        let mut bytes: Vec<(usize, u8, u8, usize)> = Vec::new();
        let mut eps: Vec<(usize, usize)> = Vec::new();
        let mut reached = vec![false; n];
        let mut stack = vec![nfa.start_anchored().as_usize()];
        while let Some(s) = stack.pop() {
            if std::mem::replace(&mut reached[s], true) {
                continue;
            }
            let mut next = Vec::new();
            let first = bytes.len();
            match &states[s] {
                State::ByteRange { trans } => {
                    bytes.push((s, trans.start, trans.end, trans.next.as_usize()));
                }
                State::Sparse(sparse) => {
                    for t in sparse.transitions.iter() {
                        bytes.push((s, t.start, t.end, t.next.as_usize()));
                    }
                }
                State::Dense(dense) => {
                    for (b, to) in dense.transitions.iter().enumerate() {
                        if to.as_usize() != 0 {
                            let b = b as u8;
                            bytes.push((s, b, b, to.as_usize()));
                        }
                    }
                }
                State::Look { next: to, .. } | State::Capture { next: to, .. } => {
                    next.push(to.as_usize());
                }
                State::Union { alternates } => next.extend(alternates.iter().map(|a| a.as_usize())),
                State::BinaryUnion { alt1, alt2 } => {
                    next.extend([alt1.as_usize(), alt2.as_usize()]);
                }
                State::Fail | State::Match { .. } => {}
            }
            for &to in &next {
                eps.push((s, to));
            }
            stack.extend(next);
            stack.extend(bytes[first..].iter().map(|t| t.3));
        }
        // The states from which, by epsilon edges only, some of `marked` is
        // reached: `marked` grown backwards along them.
        let back = |mut marked: Vec<bool>| {
            let mut into: Vec<Vec<usize>> = vec![Vec::new(); n];
            for &(from, to) in &eps {
                into[to].push(from);
            }
            let mut stack: Vec<usize> = (0..n).filter(|&s| marked[s]).collect();
            while let Some(s) = stack.pop() {
                for &from in &into[s] {
                    if !std::mem::replace(&mut marked[from], true) {
                        stack.push(from);
                    }
                }
            }
            marked
        };
        // States from which the match can take one more byte.
        let mut consumes = vec![false; n];
        for t in &bytes {
            consumes[t.0] = true;
        }
        let goes_on = back(consumes);
        // States that take an end mark into the match and then go on.
        let mut ends = vec![false; n];
        let is_end = |lo: u8, hi: u8| [b'.', b'!', b'?'].iter().any(|b| (lo..=hi).contains(b));
        for &(from, lo, hi, to) in &bytes {
            if is_end(lo, hi) && goes_on[to] {
                ends[from] = true;
            }
        }
        let before_end = back(ends);
        let mut reach = Reach {
            before: [0; 4],
            any: before_end[nfa.start_anchored().as_usize()],
        };
        for &(_, lo, hi, to) in &bytes {
            if before_end[to] {
                for b in lo..=hi {
                    reach.before[usize::from(b >> 6)] |= 1 << (b & 63);
                }
            }
        }
        reach
    }
}

/// How a pattern is compiled: what pays off depends on how much text it
/// will search.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Speed {
    /// For a few notes: only the NFA engines, which are quick to build
    /// (compiling, not searching, is most of a one-note run).
    Lean,
    /// For many notes: a lazy DFA and the crate's literal prefilter, which
    /// cost a few milliseconds per pattern to build and search far faster.
    Fast,
}

fn build(source: &str, speed: Speed) -> Result<Regex, String> {
    let config = match speed {
        Speed::Lean => meta::Config::new()
            .auto_prefilter(false)
            .hybrid(false)
            .onepass(false)
            .dfa(false)
            .nfa_size_limit(Some(SIZE_LIMIT)),
        Speed::Fast => fast_config(),
    };
    meta::Builder::new()
        .configure(config)
        .syntax(syntax::Config::new().case_insensitive(true))
        .build(source)
        .map_err(|e| match e.size_limit() {
            Some(limit) => {
                format!(
                    "this pattern compiles to more than {limit} bytes; split it or use `phrases`"
                )
            }
            None => e.to_string().lines().last().unwrap_or_default().to_string(),
        })
}

/// The meta regex's engines for `Speed::Fast`.
fn fast_config() -> meta::Config {
    meta::Config::new()
        // A pattern searches only the sentences around its trigger
        // literals: a literal prefilter (and the reverse-suffix and
        // reverse-inner strategies built on one) saves little there, and
        // extracting its literals from the word classes cost more to
        // build than it saved, with a reverse automaton more per pattern.
        .auto_prefilter(false)
        .hybrid(true)
        .onepass(true)
        .dfa(false)
        .nfa_size_limit(Some(SIZE_LIMIT))
        .onepass_size_limit(Some(SIZE_LIMIT))
}

/// `source` compiled as [`build`] does for `Speed::Fast`, for text whose
/// ASCII letters are lower-cased (see [`fold_case`]).
/// `None` if the pattern has a case-sensitive part, or did not build so.
fn build_folded(source: &str) -> Option<Regex> {
    let hir = regex_syntax::ParserBuilder::new()
        .case_insensitive(true)
        .build()
        .parse(source)
        .ok()?;
    meta::Builder::new()
        .configure(fast_config())
        .build_from_hir(&fold_case(hir)?)
        .ok()
}

/// A case-insensitive pattern's syntax tree rewritten for text whose ASCII
/// letters are lower-cased, or `None` if part of it is case-sensitive
/// (`(?-i:…)`: lower-cased text cannot show what it asks). No class keeps
/// an upper-case ASCII letter (the text has none), and the class a
/// case-insensitive `s` or `k` becomes (with `ſ` U+017F or the Kelvin sign
/// U+212A) is that letter alone. Classes of one letter become literals, so
/// a word is one literal and an alternation of words a trie (regex-automata
/// compiles an alternation of literals so): over the pack's word classes, a
/// fraction of the states of one class per letter, in memory and in each
/// lazy DFA state. The one difference in what matches: a note's `ſ` or
/// Kelvin sign no longer stands for `s` or `k`.
pub fn fold_case(hir: Hir) -> Option<Hir> {
    use regex_syntax::hir::{Capture, ClassBytes, ClassBytesRange, ClassUnicode};
    use regex_syntax::hir::{ClassUnicodeRange, Repetition};
    // Whether each ASCII letter is in as both cases or neither, as in every
    // class of a case-insensitive pattern.
    let both_cases = |has: &dyn Fn(u8) -> bool| (b'a'..=b'z').all(|c| has(c) == has(c - 32));
    let many = |subs: Vec<Hir>| {
        subs.into_iter()
            .map(fold_case)
            .collect::<Option<Vec<Hir>>>()
    };
    Some(match hir.into_kind() {
        HirKind::Class(Class::Unicode(mut class)) => {
            let has = |c: u8| {
                let c = char::from(c);
                class
                    .ranges()
                    .iter()
                    .any(|r| r.start() <= c && c <= r.end())
            };
            if !both_cases(&has) {
                return None;
            }
            class.difference(&ClassUnicode::new([ClassUnicodeRange::new('A', 'Z')]));
            for (letter, other) in [('s', '\u{17F}'), ('k', '\u{212A}')] {
                let pair = ClassUnicode::new([
                    ClassUnicodeRange::new(letter, letter),
                    ClassUnicodeRange::new(other, other),
                ]);
                if class == pair {
                    class = ClassUnicode::new([ClassUnicodeRange::new(letter, letter)]);
                }
            }
            Hir::class(Class::Unicode(class))
        }
        HirKind::Class(Class::Bytes(mut class)) => {
            let has = |c: u8| {
                class
                    .ranges()
                    .iter()
                    .any(|r| r.start() <= c && c <= r.end())
            };
            if !both_cases(&has) {
                return None;
            }
            class.difference(&ClassBytes::new([ClassBytesRange::new(b'A', b'Z')]));
            Hir::class(Class::Bytes(class))
        }
        // A case-insensitive letter is a class: a letter in a literal
        // is case-sensitive.
        HirKind::Literal(literal) if literal.0.iter().any(u8::is_ascii_alphabetic) => return None,
        HirKind::Literal(literal) => Hir::literal(literal.0),
        HirKind::Repetition(r) => Hir::repetition(Repetition {
            sub: Box::new(fold_case(*r.sub)?),
            ..r
        }),
        HirKind::Capture(c) => Hir::capture(Capture {
            sub: Box::new(fold_case(*c.sub)?),
            ..c
        }),
        HirKind::Concat(subs) => Hir::concat(many(subs)?),
        HirKind::Alternation(subs) => Hir::alternation(many(subs)?),
        HirKind::Empty => Hir::empty(),
        HirKind::Look(look) => Hir::look(look),
    })
}

/// The named groups of one match, for message templates.
#[derive(Clone, Copy)]
pub struct Groups<'a> {
    captures: &'a Captures,
    haystack: &'a str,
}

impl<'a> Groups<'a> {
    /// `captures` must come from a search of `haystack`.
    pub fn new(captures: &'a Captures, haystack: &'a str) -> Groups<'a> {
        Groups { captures, haystack }
    }

    /// The text of group `name`, if it took part in the match.
    pub fn name(&self, name: &str) -> Option<&'a str> {
        let span = self.captures.get_group_by_name(name)?;
        self.haystack.get(span.range())
    }
}

fn capture_names(ast: &Ast, out: &mut Vec<String>) {
    match ast {
        Ast::Group(g) => {
            if let ast::GroupKind::CaptureName { name, .. } = &g.kind {
                out.push(name.name.clone());
            }
            capture_names(&g.ast, out);
        }
        Ast::Repetition(r) => capture_names(&r.ast, out),
        Ast::Concat(c) => c.asts.iter().for_each(|a| capture_names(a, out)),
        Ast::Alternation(a) => a.asts.iter().for_each(|a| capture_names(a, out)),
        _ => {}
    }
}

/// The trigger sets of a pattern: the literal sets every match needs one
/// of, usable by an ASCII case-insensitive automaton (at least two bytes
/// each, no non-ASCII letters whose case could differ), cheapest first.
/// The cheapest set is always kept; up to two more are kept unless one of
/// their literals is in nearly every paragraph ("her", "to "): finding it
/// everywhere would cost more than running the pattern.
fn trigger_sets(pattern: &str) -> Vec<Vec<String>> {
    let mut sets = Vec::new();
    if let Some(hir) = hir_of(pattern) {
        all_required(&hir, Edge::Unknown, Edge::Unknown, &mut sets);
    }
    sets.retain(|set| usable(set));
    sets.sort();
    sets.dedup();
    let mut ranked: Vec<(Rank, Vec<String>)> =
        sets.into_iter().map(|set| (Rank::of(&set), set)).collect();
    ranked.sort();
    ranked
        .into_iter()
        .enumerate()
        .filter(|(i, (rank, _))| *i == 0 || !rank.has_everyday)
        .take(MAX_TRIGGER_SETS)
        .map(|(_, (_, set))| set)
        .collect()
}

/// Whether an ASCII case-insensitive automaton can find this set's
/// literals: at least two bytes each, no non-ASCII letters.
fn usable(set: &[String]) -> bool {
    usable_chars(set) && set.iter().all(|l| trigger_parts(l).0.len() >= 2)
}

/// Whether the automaton can find these literals, whatever their length:
/// no backslash (see [`BOUNDARY`]), no non-ASCII letters.
fn usable_chars(set: &[String]) -> bool {
    set.iter().all(|l| {
        let (text, _, _) = trigger_parts(l);
        !text.contains('\\') && text.chars().all(|c| c.is_ascii() || !c.is_alphabetic())
    })
}

/// How cheap a literal set is as a trigger; smaller is better.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct Rank {
    /// Roughly how many paragraphs in a thousand hold one of the literals.
    per_mille: u32,
    /// The shortest literal's length, reversed: longer literals are rarer.
    shortest: std::cmp::Reverse<usize>,
    /// How many literals.
    count: usize,
    /// One of the literals is in nearly every paragraph.
    has_everyday: bool,
}

impl Rank {
    fn of(set: &[String]) -> Rank {
        let per_mille: Vec<u32> = set.iter().map(|l| per_mille(l)).collect();
        Rank {
            per_mille: per_mille.iter().sum(),
            shortest: std::cmp::Reverse(
                set.iter()
                    .map(|l| trigger_parts(l).0.len())
                    .min()
                    .unwrap_or(0),
            ),
            count: set.len(),
            has_everyday: per_mille.iter().any(|&f| f >= 1000),
        }
    }
}

/// Roughly how many paragraphs in a thousand contain `literal`: short
/// common words ("to", "her") nearly all, other common ones half, a rarer
/// word of five letters one in fifty.
fn per_mille(literal: &str) -> u32 {
    let (text, before, after) = trigger_parts(literal);
    let letters = text.chars().filter(char::is_ascii_alphabetic).count();
    // A whole word is as common as the word, not as every word holding it.
    let common = if before && after && text.chars().all(|c| c.is_ascii_alphabetic()) {
        COMMON_WORDS.binary_search(&text).is_ok()
    } else {
        is_common(text)
    };
    if letters == 0 && text.contains(['\'', '"', '‘', '’', '“', '”']) {
        // A quotation mark beside a space or punctuation: quotes are rarer
        // than words.
        return 200;
    }
    match (letters, common) {
        // A short whole word is as rare as the word: "me", not "me" in
        // "time".
        (1..=2, true) if before && after => 500,
        (1..=2, false) if before && after => 100,
        (0..=2, _) | (3, true) => 1000,
        (_, true) => 500,
        (3, false) => 200,
        (4, false) => 50,
        _ => 20,
    }
}

/// Words found in nearly every paragraph of a note (function words, the
/// commonest verbs, and the notes' own staples), lower case, sorted.
#[rustfmt::skip]
const COMMON_WORDS: &[&str] = &[
    "a", "about", "after", "again", "all", "also", "always", "am", "an", "and", "any",
    "are", "around", "as", "asked", "at", "back", "be", "because", "been", "before",
    "being", "both", "but", "by", "came", "can", "client", "come", "could", "day",
    "did", "do", "does", "doing", "done", "down", "each", "even", "felt", "first",
    "for", "from", "get", "getting", "give", "go", "going", "good", "got", "had", "has",
    "have", "having", "he", "her", "here", "herself", "him", "himself", "his", "how",
    "i", "if", "in", "into", "is", "it", "its", "just", "know", "last", "like", "made",
    "make", "makes", "making", "many", "me", "more", "most", "much", "my", "need",
    "never", "new", "next", "no", "not", "now", "of", "off", "on", "one", "only", "or",
    "other", "our", "out", "over", "own", "people", "plan", "really", "said", "say",
    "says", "see", "session", "she", "should", "so", "some", "still", "take", "talk",
    "talked", "than", "that", "the", "their", "them", "themselves", "then", "there",
    "these", "they", "thing", "things", "think", "this", "those", "time", "to", "told",
    "too", "two", "up", "us", "very", "want", "wanted", "wants", "was", "way", "we",
    "week", "well", "went", "were", "what", "when", "where", "which", "while", "who",
    "why", "will", "with", "work", "would", "year", "you", "your",
];

/// A literal that most paragraphs contain: part of a common word ("mak",
/// "her") or only common words ("at the ").
fn is_common(literal: &str) -> bool {
    static PARTS: LazyLock<HashSet<&str>> = LazyLock::new(|| {
        let mut parts = HashSet::new();
        for word in COMMON_WORDS {
            for start in 0..word.len() {
                for end in start + 1..=word.len() {
                    parts.insert(&word[start..end]);
                }
            }
        }
        parts
    });
    let mut words = literal
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty());
    match (words.next(), words.next()) {
        (None, _) => true,
        (Some(only), None) => PARTS.contains(only),
        // Three words or more are rare together, whatever they are.
        (Some(_), Some(_)) if literal.split_whitespace().count() >= 3 => false,
        (Some(first), Some(second)) => [first, second]
            .into_iter()
            .chain(words)
            .all(|w| COMMON_WORDS.binary_search(&w).is_ok()),
    }
}

/// Marks a trigger literal's side where every match has a word boundary:
/// `\bme\b` is "me" with no ASCII word character before or after it in
/// the text (or the block's edge there). The engine checks it, so a
/// literal such as "me" or "ill" does not wake its pattern inside "time"
/// or "still". Literals never hold a backslash (see [`usable`]).
pub const BOUNDARY: &str = r"\b";

/// A trigger literal as the engine searches it: lower case, without its
/// [`BOUNDARY`] marks, and whether it has each.
pub fn trigger_parts(literal: &str) -> (&str, bool, bool) {
    let (before, rest) = match literal.strip_prefix(BOUNDARY) {
        Some(rest) => (true, rest),
        None => (false, literal),
    };
    let (after, text) = match rest.strip_suffix(BOUNDARY) {
        Some(text) => (true, text),
        None => (false, rest),
    };
    (text, before, after)
}

/// The syntax tree `trigger_sets` reads: the pattern as compiled (ASCII
/// word classes) but case-sensitive, so literals stay literals; case is
/// folded when they are lower-cased. `None` if it does not translate (the
/// pattern then fails to compile, which users' rules report at load).
fn hir_of(pattern: &str) -> Option<Hir> {
    regex_syntax::ParserBuilder::new()
        .build()
        .parse(&ascii_words(pattern))
        .ok()
}

/// What a part of a pattern guarantees about the text on one side of it:
/// a character that is not an ASCII word character (or the edge of the
/// text), a word boundary (`\b`: which side is a word character depends on
/// the literal beside it), or nothing known.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Edge {
    NonWord,
    Boundary,
    Unknown,
}

/// Whether `c` is a character no case-insensitive match of it can turn
/// into an ASCII word character: ASCII punctuation and space, and
/// non-ASCII characters without case (a Kelvin sign folds to `k`).
fn never_word(c: char) -> bool {
    if c.is_ascii() {
        !(c.is_ascii_alphanumeric() || c == '_')
    } else {
        !c.is_alphanumeric()
    }
}

/// Up to this many characters a class stands for its literals ("[’']s"
/// is two literals); a larger one ends a run of literals.
const SMALL_CLASS: usize = 4;

/// Up to this many literals a run of literals and small classes spells.
/// Each variant is a string in the trigger automaton: at 64 the pack's
/// trigger DFA missed the caches at every byte and raised peak memory
/// (docs/performance.md, "trigger literals").
const MAX_VARIANTS: usize = 4;

/// The characters of a small class, lower-cased and deduplicated.
fn class_chars(class: &Class) -> Option<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    match class {
        Class::Unicode(c) => {
            let count: u32 = c.ranges().iter().map(|r| r.len() as u32).sum();
            if count as usize > SMALL_CLASS * 2 {
                return None;
            }
            for r in c.ranges() {
                for ch in r.start()..=r.end() {
                    out.push(ch.to_lowercase().collect());
                }
            }
        }
        Class::Bytes(c) => {
            let count: usize = c.ranges().iter().map(|r| r.len()).sum();
            if count > SMALL_CLASS * 2 {
                return None;
            }
            for r in c.ranges() {
                for b in r.start()..=r.end() {
                    if !b.is_ascii() {
                        return None;
                    }
                    out.push((b as char).to_ascii_lowercase().to_string());
                }
            }
        }
    }
    out.sort();
    out.dedup();
    (out.len() <= SMALL_CLASS).then_some(out)
}

/// Whether every character of `class` is [`never_word`].
fn class_never_word(class: &Class) -> bool {
    match class {
        Class::Unicode(c) => c.ranges().iter().all(|r| {
            let (a, b) = (r.start() as u32, r.end() as u32);
            // Small ranges one by one; a large one only if it lies wholly
            // among characters above ASCII that have no case... which is
            // not worth proving: unknown.
            b - a < 256 && (a..=b).filter_map(char::from_u32).all(never_word)
        }),
        Class::Bytes(c) => c
            .ranges()
            .iter()
            .all(|r| (r.start()..=r.end()).all(|b| b.is_ascii() && never_word(b as char))),
    }
}

/// What `hir` guarantees about the text just before it starts (`start`)
/// or just after it ends (`!start`).
fn edge(hir: &Hir, start: bool) -> Edge {
    match hir.kind() {
        HirKind::Look(look) => match look {
            Look::WordAscii | Look::WordUnicode => Edge::Boundary,
            Look::Start | Look::StartLF | Look::StartCRLF if !start => Edge::NonWord,
            Look::End | Look::EndLF | Look::EndCRLF if start => Edge::NonWord,
            Look::WordStartAscii
            | Look::WordStartUnicode
            | Look::WordStartHalfAscii
            | Look::WordStartHalfUnicode
                if !start =>
            {
                Edge::NonWord
            }
            Look::WordEndAscii
            | Look::WordEndUnicode
            | Look::WordEndHalfAscii
            | Look::WordEndHalfUnicode
                if start =>
            {
                Edge::NonWord
            }
            _ => Edge::Unknown,
        },
        HirKind::Literal(lit) => {
            let text = std::str::from_utf8(&lit.0).ok();
            let c = text.and_then(|t| {
                if start {
                    t.chars().next()
                } else {
                    t.chars().next_back()
                }
            });
            if c.is_some_and(never_word) {
                Edge::NonWord
            } else {
                Edge::Unknown
            }
        }
        HirKind::Class(class) if class_never_word(class) => Edge::NonWord,
        HirKind::Repetition(r) if r.min >= 1 => edge(&r.sub, start),
        HirKind::Capture(c) => edge(&c.sub, start),
        HirKind::Concat(parts) if start => right_of(parts, 0, Edge::Unknown),
        HirKind::Concat(parts) => left_of(parts, parts.len(), Edge::Unknown),
        HirKind::Alternation(alts) => {
            let mut edges = alts.iter().map(|h| edge(h, start));
            let first = edges.next().unwrap_or(Edge::Unknown);
            if edges.all(|e| e == first) {
                first
            } else {
                Edge::Unknown
            }
        }
        _ => Edge::Unknown,
    }
}

/// Both edges' promise, for a place that either may be beside.
fn either(a: Edge, b: Edge) -> Edge {
    if a == b {
        a
    } else {
        Edge::Unknown
    }
}

/// What holds just left of position `k` of a sequence (between
/// `parts[k - 1]` and `parts[k]`), `outer` being what holds left of it
/// all. An optional part (`(?:very )?`) lets what is left of it show
/// through.
fn left_of(parts: &[Hir], k: usize, outer: Edge) -> Edge {
    let Some(part) = k.checked_sub(1).map(|i| &parts[i]) else {
        return outer;
    };
    match part.kind() {
        HirKind::Repetition(r) if r.min == 0 => {
            either(edge(&r.sub, false), left_of(parts, k - 1, outer))
        }
        // Anything else promises only what holds however it matches
        // (`edge` knows nothing of a part that matched nothing, but for
        // an assertion such as `^`).
        _ => edge(part, false),
    }
}

/// What holds just right of position `k` of a sequence (at the start of
/// `parts[k]`), `outer` being what holds right of it all.
fn right_of(parts: &[Hir], k: usize, outer: Edge) -> Edge {
    let Some(part) = parts.get(k) else {
        return outer;
    };
    match part.kind() {
        HirKind::Repetition(r) if r.min == 0 => {
            either(edge(&r.sub, true), right_of(parts, k + 1, outer))
        }
        // Anything else promises only what holds however it matches
        // (`edge` knows nothing of a part that matched nothing, but for
        // an assertion such as `^`).
        _ => edge(part, true),
    }
}

/// A literal with the edges around it: [`BOUNDARY`] marks where they
/// promise a word boundary next to its first or last character.
fn marked(text: &str, before: Edge, after: Edge) -> String {
    let holds = |edge: Edge, c: Option<char>| match edge {
        Edge::NonWord => true,
        // `\b` beside a word character: the other side is not one.
        Edge::Boundary => c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_'),
        Edge::Unknown => false,
    };
    let mut out = String::with_capacity(text.len() + 4);
    if holds(before, text.chars().next()) {
        out.push_str(BOUNDARY);
    }
    out.push_str(text);
    if holds(after, text.chars().next_back()) {
        out.push_str(BOUNDARY);
    }
    out
}

/// The strings `hir` matches, lower-cased, if they are few (at most
/// [`MAX_VARIANTS`]): literals, small classes, and sequences, alternatives
/// and short repeats of them ("mak(?:e|es|ing)|made" is four words, "(?:all
/// )?about" two). `None` for anything else (an assertion, a large class,
/// an open repeat).
fn spelled(hir: &Hir) -> Option<Vec<String>> {
    let mut out = match hir.kind() {
        HirKind::Empty => vec![String::new()],
        HirKind::Literal(lit) => {
            let text = std::str::from_utf8(&lit.0).ok()?;
            vec![text.chars().flat_map(char::to_lowercase).collect()]
        }
        HirKind::Class(class) => class_chars(class)?,
        HirKind::Capture(c) => spelled(&c.sub)?,
        HirKind::Concat(parts) => {
            let mut all = vec![String::new()];
            for part in parts {
                all = product(&all, &spelled(part)?)?;
            }
            all
        }
        HirKind::Alternation(alts) => {
            let mut all = Vec::new();
            for alt in alts {
                all.extend(spelled(alt)?);
                if all.len() > MAX_VARIANTS {
                    return None;
                }
            }
            all
        }
        HirKind::Repetition(r) => {
            let max = r.max.filter(|&m| m <= 3)?;
            let sub = spelled(&r.sub)?;
            let (mut all, mut copies) = (Vec::new(), vec![String::new()]);
            for n in 0..=max {
                if n >= r.min {
                    all.extend(copies.iter().cloned());
                }
                if n < max {
                    copies = product(&copies, &sub)?;
                }
            }
            all
        }
        HirKind::Look(_) => return None,
    };
    out.sort();
    out.dedup();
    (out.len() <= MAX_VARIANTS).then_some(out)
}

/// Every `a` followed by every `b`, if that is at most [`MAX_VARIANTS`].
fn product(a: &[String], b: &[String]) -> Option<Vec<String>> {
    (a.len() * b.len() <= MAX_VARIANTS).then(|| {
        a.iter()
            .flat_map(|x| b.iter().map(move |y| format!("{x}{y}")))
            .collect()
    })
}

/// Hands `f` the parts of a sequence, in order: runs of literals and small
/// classes (each as the literals it spells, with the edges around it) and
/// the other children (with theirs).
fn concat_parts<'h>(parts: &'h [Hir], before: Edge, after: Edge, mut f: impl FnMut(Part<'h>)) {
    let edge_before = |i: usize| left_of(parts, i, before);
    let edge_after = |i: usize| right_of(parts, i + 1, after);
    let mut run: Option<(usize, Vec<String>)> = None;
    let flush =
        |run: &mut Option<(usize, Vec<String>)>, end: usize, f: &mut dyn FnMut(Part<'h>)| {
            if let Some((from, words)) = run.take() {
                let (b, a) = (edge_before(from), edge_after(end));
                f(Part::Run(words.iter().map(|w| marked(w, b, a)).collect()));
            }
        };
    for (i, part) in parts.iter().enumerate() {
        // Words with a letter the automaton cannot fold stay out of runs.
        if let Some(words) = spelled(part).filter(|w| usable_chars(w)) {
            let grown = match &run {
                Some((_, have)) if have.len() * words.len() <= MAX_VARIANTS => Some(
                    have.iter()
                        .flat_map(|h| words.iter().map(move |w| format!("{h}{w}")))
                        .collect(),
                ),
                Some(_) => None,
                None => Some(words.clone()),
            };
            match grown {
                Some(grown) => {
                    let from = run.as_ref().map_or(i, |(from, _)| *from);
                    run = Some((from, grown));
                }
                None => {
                    flush(&mut run, i - 1, &mut f);
                    run = Some((i, words));
                }
            }
            continue;
        }
        if i > 0 {
            flush(&mut run, i - 1, &mut f);
        }
        f(Part::Child(part, edge_before(i), edge_after(i)));
    }
    if !parts.is_empty() {
        flush(&mut run, parts.len() - 1, &mut f);
    }
}

/// A part of a sequence: the literals a run of literals spells (marked),
/// or any other child with the edges around it.
enum Part<'h> {
    Run(Vec<String>),
    Child(&'h Hir, Edge, Edge),
}

/// Every literal set that a match of `hir` needs one of (with `before` and
/// `after` around it): each run of literals in a sequence, and each
/// required part's own sets.
fn all_required(hir: &Hir, before: Edge, after: Edge, out: &mut Vec<Vec<String>>) {
    match hir.kind() {
        HirKind::Capture(c) => all_required(&c.sub, before, after, out),
        HirKind::Repetition(r) if r.min >= 1 => {
            // Once: the edges around it hold; more: each copy stands
            // beside another.
            let (b, a) = if r.max == Some(1) {
                (before, after)
            } else {
                (Edge::Unknown, Edge::Unknown)
            };
            all_required(&r.sub, b, a, out)
        }
        HirKind::Concat(parts) => concat_parts(parts, before, after, |part| match part {
            Part::Run(words) => out.push(words),
            Part::Child(child, b, a) => all_required(child, b, a, out),
        }),
        _ => out.extend(required(hir, before, after)),
    }
}

/// Literals one of which every match of `hir` must contain, lower-cased
/// and marked.
fn required(hir: &Hir, before: Edge, after: Edge) -> Option<Vec<String>> {
    match hir.kind() {
        HirKind::Literal(_) | HirKind::Class(_) => Some(
            spelled(hir)?
                .iter()
                .map(|w| marked(w, before, after))
                .collect(),
        ),
        _ if spelled(hir).is_some_and(|words| !words.iter().any(String::is_empty)) => Some(
            spelled(hir)?
                .iter()
                .map(|w| marked(w, before, after))
                .collect(),
        ),
        HirKind::Capture(c) => required(&c.sub, before, after),
        HirKind::Repetition(r) if r.min >= 1 => {
            let (b, a) = if r.max == Some(1) {
                (before, after)
            } else {
                (Edge::Unknown, Edge::Unknown)
            };
            required(&r.sub, b, a)
        }
        HirKind::Alternation(alts) => {
            let mut all = Vec::new();
            for alt in alts {
                all.extend(required(alt, before, after)?);
            }
            all.sort();
            all.dedup();
            Some(all)
        }
        HirKind::Concat(parts) => {
            // Runs of literals make words; any child's set will do. Prefer
            // the rarest (by `Rank`): in "for (attention|sympathy)", the two
            // words rather than "for ".
            let mut best: Option<(Rank, Vec<String>)> = None;
            let mut consider = |candidate: Vec<String>| {
                if !usable(&candidate) {
                    return;
                }
                let rank = Rank::of(&candidate);
                if best.as_ref().is_none_or(|(b, _)| rank < *b) {
                    best = Some((rank, candidate));
                }
            };
            concat_parts(parts, before, after, |part| match part {
                Part::Run(words) => consider(words),
                Part::Child(child, b, a) => {
                    if let Some(set) = required(child, b, a) {
                        consider(set);
                    }
                }
            });
            best.map(|(_, set)| set)
        }
        _ => None,
    }
}

/// Makes `\b`, `\B`, `\w`, `\W` and `\d` ASCII-only. Unicode word
/// boundaries stop the regex crate's fast DFA at the first non-ASCII byte (a
/// curly quote, an accent), falling back to an engine many times slower, and
/// Unicode `\w` compiles to large automata that cost start-up time. Notes'
/// judgmental vocabulary is ASCII; `\p{L}` is there for anything else.
pub fn ascii_words(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 16);
    let mut chars = pattern.chars().peekable();
    let mut class_depth = 0usize;
    // Just opened a class, where `]` is literal.
    let mut class_start = false;
    while let Some(c) = chars.next() {
        let at_start = std::mem::take(&mut class_start);
        match c {
            '\\' => {
                let Some(next) = chars.next() else {
                    out.push(c);
                    break;
                };
                match (next, class_depth > 0) {
                    ('b' | 'B' | 'w' | 'W' | 'd', false) => {
                        out.push_str("(?-u:\\");
                        out.push(next);
                        out.push(')');
                    }
                    ('w', true) => out.push_str("0-9A-Za-z_"),
                    ('d', true) => out.push_str("0-9"),
                    _ => {
                        out.push(c);
                        out.push(next);
                    }
                }
            }
            '[' => {
                out.push(c);
                class_depth += 1;
                class_start = true;
                if chars.peek() == Some(&'^') {
                    out.push(chars.next().unwrap());
                }
            }
            ']' if class_depth > 0 && !at_start => {
                class_depth -= 1;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    /// The folded form finds in the lower-cased text exactly what the
    /// pattern finds in the text (same spans), and words become literals;
    /// a pattern with a case-sensitive part has no folded form.
    #[test]
    fn folded_patterns_find_in_lower_case_what_the_pattern_finds() {
        let text = "Why does SHE keep Missing it? Ask Kim: she's Sick, \
                            his KIDS' essays, [X] 3.5 whys";
        let lower = text.to_ascii_lowercase();
        for source in [
            r"\bwhy (?:does|do) (?:she|he|they) keep\b",
            r"\b(?:sick|kids'?|essays?|kim)\b",
            r"[^a-z\s]+",
            r"[A-Z]\w+",
            r"\bw\S+",
        ] {
            let p = Pattern::parse(source).unwrap();
            let folded = p.folded().expect(source);
            let spans = |re: &Regex, hay: &str| -> Vec<Range<usize>> {
                re.find_iter(hay).map(|m| m.range()).collect()
            };
            let expected = spans(p.regex(Speed::Lean), text);
            assert!(!expected.is_empty(), "{source}");
            assert_eq!(spans(folded, &lower), expected, "{source}");
        }
        let folded = fold_case(
            regex_syntax::ParserBuilder::new()
                .case_insensitive(true)
                .build()
                .parse("kiss|sick")
                .unwrap(),
        )
        .unwrap();
        let HirKind::Alternation(words) = folded.kind() else {
            panic!("{folded:?}")
        };
        let literals: Vec<&[u8]> = words
            .iter()
            .filter_map(|w| match w.kind() {
                HirKind::Literal(l) => Some(&*l.0),
                _ => None,
            })
            .collect();
        assert_eq!(literals, [&b"kiss"[..], &b"sick"[..]]);
        for source in [r"\b(?-i:\p{Lu}\p{Ll}+)", r"(?-i:Mr)s", r"x(?-i:[^a-z])"] {
            assert!(
                Pattern::parse(source).unwrap().folded().is_none(),
                "{source}"
            );
        }
    }

    /// Which end marks a pattern's matches can run past: none for word
    /// gaps, the `.` after "Mr" (either case) where the pattern allows
    /// it, every mark for a pattern that can begin with one and go on.
    #[test]
    fn reach_names_the_end_marks_a_match_can_run_past() {
        let crosses = |pattern: &str, text: &str| -> Vec<usize> {
            let reach = Reach::of(pattern);
            let bytes = text.as_bytes();
            (0..bytes.len())
                .filter(|&i| matches!(bytes[i], b'.' | b'!' | b'?'))
                .filter(|&i| reach.crosses(bytes, i))
                .collect()
        };
        let text = "Mr. X? her. MR. Y! .";
        assert_eq!(
            crosses(r"why(?: [^\s.?!]+){0,3} keep\b[^.?!]*\?", text),
            Vec::<usize>::new()
        );
        // "her." ends in `r` too: the byte before a mark is all it reads.
        assert_eq!(crosses(r"\bMr\.? \w+ never", text), [2, 10, 14]);
        assert_eq!(crosses(r"\bMr\.? \w+ never\.", text), [2, 10, 14]);
        assert_eq!(crosses(r"[.!?] why", text), [2, 5, 10, 14, 17, 19]);
        assert_eq!(crosses(r"a(?s:.)+b", ". a"), Vec::<usize>::new());
        assert_eq!(crosses(r"a(?s:.)+b", text), [2, 5, 10, 14, 17, 19]);
    }

    /// A built-in word pattern is found under its own kind only, and the
    /// table holds only for the vocabulary it was made from.
    #[test]
    fn word_table_is_keyed_by_kind_and_text() {
        let (_, written, regex) = table::WORDS[0];
        let kind = [WordKind::Pattern, WordKind::Before, WordKind::After]
            .into_iter()
            .find(|&k| word_key(k, written) == table::WORDS[0].0)
            .expect("each row's key is one of the kinds");
        assert_eq!(builtin_words(kind, written), Some(regex));
        assert_eq!(builtin_words(kind, &format!("{written} x")), None);
        assert!(!builtin_words_fit("pronoun: [she]"));
    }

    /// The vocabulary's hash that `build.rs` embeds is this module's
    /// `text_hash` of the embedded text, and the table was made from it:
    /// a run takes the built-in patterns' expansions from the table
    /// without hashing the vocabulary itself.
    #[test]
    fn the_embedded_vocabulary_hash_is_its_text_hash() {
        let text = crate::rule::load::builtin_vocabulary_text();
        assert_eq!(
            crate::rule::load::builtin_vocabulary_hash(),
            text_hash(text)
        );
        assert!(builtin_words_fit(text));
        assert!(builtin_words_fit_hash(
            crate::rule::load::builtin_vocabulary_hash()
        ));
    }

    /// The table's key reads the text eight bytes at a time and the rest
    /// byte by byte: every byte, the length and the order count.
    #[test]
    fn pattern_keys_differ_in_any_byte_and_length() {
        let text = "\\bwho=(?:she|he) never listens\\b";
        let mut keys = vec![pattern_key(text), pattern_key(""), pattern_key("\0")];
        for at in 0..text.len() {
            let mut changed = text.as_bytes().to_vec();
            changed[at] ^= 0x20;
            keys.push(pattern_key(std::str::from_utf8(&changed).unwrap()));
            if at > 0 {
                keys.push(pattern_key(&text[..at]));
            }
        }
        keys.push(pattern_key("abcdefghijklmnop"));
        keys.push(pattern_key("ijklmnopabcdefgh"));
        let mut distinct = keys.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), keys.len());
        // The same text at another alignment has the same key.
        let shifted = format!(" {text}");
        assert_eq!(pattern_key(text), pattern_key(&shifted[1..]));
    }

    use super::*;

    fn triggers(p: &str) -> Vec<Vec<&'static str>> {
        Pattern::parse(p)
            .unwrap()
            .triggers
            .into_iter()
            .map(|set| set.into_iter().map(|l| &*l.into_owned().leak()).collect())
            .collect()
    }

    #[test]
    fn triggers_are_the_rarest_required_literal_sets() {
        // Runs of literals, small classes and the few words an
        // alternative or optional part spells make literals; sets of
        // everyday words are left out when a rarer one exists.
        assert_eq!(
            triggers(r"\bwhy (?:won't|can't) (?P<who>she|he)"),
            [vec![
                r"\bwhy can't he",
                r"\bwhy can't she",
                r"\bwhy won't he",
                r"\bwhy won't she"
            ]]
        );
        assert_eq!(
            triggers(r"\b(?:a|the) plan\b"),
            [vec![r"\ba plan\b", r"\bthe plan\b"]]
        );
        assert_eq!(
            triggers(r"\bshe[’']s (?:so )?rude\b"),
            [vec![
                r"\bshe's rude\b",
                r"\bshe's so rude\b",
                r"\bshe’s rude\b",
                r"\bshe’s so rude\b"
            ]]
        );
        // A set with a one-byte literal is no use: it occurs everywhere.
        assert_eq!(triggers(r"\b\w+ly\b"), [vec![r"ly\b"]]);
        assert_eq!(triggers(r"(?:a|b)?c*"), Vec::<Vec<&str>>::new());
        assert_eq!(triggers(r"\bIn Denial\b"), [vec![r"\bin denial\b"]]);
        // Open repeats end a run; a repeated part is required all the
        // same. Both sets must occur for the pattern to run.
        assert_eq!(
            triggers(r"\bkeeps?(?: on)? (?:lying)+"),
            [
                vec!["lying"],
                vec![r"\bkeep ", r"\bkeep on ", r"\bkeeps ", r"\bkeeps on "]
            ]
        );
        assert_eq!(
            triggers(r"one [a-z]+ two-three (?:four|five) six \w+ seven\b"),
            [
                vec![r" seven\b"],
                vec![r" two-three five six ", r" two-three four six "]
            ]
        );
        // A letter whose case the automaton cannot fold is no trigger.
        assert_eq!(
            triggers(r"\bÉlan (?:vital|total)"),
            [vec![r"\btotal", r"\bvital"]]
        );
        // Within a branch, its rarest set stands for it; and only a usable
        // set (no one-byte literal) can stand for a branch.
        assert_eq!(
            triggers(r"\b(?:deliberately|for (?:show|sympathy)|(?:a|b) \w+ plan)\b"),
            [vec![
                r" plan\b",
                r"\bdeliberately\b",
                r"\bfor show\b",
                r"\bfor sympathy\b"
            ]]
        );
    }

    /// A literal is marked `\b` on a side where every match has no ASCII
    /// word character beside it: a `\b` next to a word character, a space
    /// or punctuation, the start or end of the text, on every branch.
    #[test]
    fn word_boundaries_around_literals_are_marked() {
        assert_eq!(triggers(r"\b(?:me|ill)\b"), [vec![r"\bill\b", r"\bme\b"]]);
        assert_eq!(triggers(r"(?:^|[.!?] )why\b"), [vec![r"\bwhy\b"]]);
        assert_eq!(
            triggers(r"\s+blames?[,.]"),
            [vec![r"\bblame,", r"\bblame.", r"\bblames,", r"\bblames."]]
        );
        // An optional part between: what is on each side of it.
        assert_eq!(
            triggers(r"[a-z]+ (?:very )*nasty[,.]?\s"),
            [vec![r"\bnasty\b", r"\bnasty,\b", r"\bnasty.\b"]]
        );
        // Not beside a letter that `\b` may separate from a non-word one,
        // or branches that promise different things.
        assert_eq!(triggers(r"\b(?:x+|\w)'s\b"), [vec![r"'s\b"]]);
        assert_eq!(triggers(r"(?:a\b|b)nasty"), [vec!["nasty"]]);
        assert_eq!(triggers(r"(?:\b|x)nasty"), [vec!["nasty"]]);
        // A word repeated: each copy may stand beside another.
        assert_eq!(triggers(r"\b(?:nasty)+\b"), [vec!["nasty"]]);
        assert_eq!(super::trigger_parts(r"\bme\b"), ("me", true, true));
        assert_eq!(super::trigger_parts(r"me\b"), ("me", false, true));
    }

    #[test]
    fn common_words_are_sorted_for_binary_search() {
        assert!(COMMON_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_common("mak") && is_common("at the ") && is_common("'s"));
        assert!(!is_common("denial") && !is_common("the client's"));
    }

    #[test]
    fn names_and_lazy_compilation() {
        let p = Pattern::parse(r"why does (?P<who>she|he) (?P<what>\w+)").unwrap();
        assert_eq!(p.names, ["who", "what"]);
        assert!(p.regex(Speed::Fast).is_match("WHY DOES SHE KEEP"));
        // Built for a folder, it is not also built lean.
        assert!(p.is_compiled(Speed::Fast) && !p.is_compiled(Speed::Lean));
        let hay = "so why does he keep";
        let caps = p.regex(Speed::Lean).captures_iter(hay).next().unwrap();
        let groups = Groups::new(&caps, hay);
        assert_eq!(
            (groups.name("who"), groups.name("what")),
            (Some("he"), Some("keep"))
        );
        assert_eq!(groups.name("nobody"), None);
        assert!(Pattern::parse(r"(?:\p{L}{50}){50}")
            .unwrap()
            .compile()
            .is_err());
    }

    #[test]
    fn word_classes_become_ascii_outside_and_inside_classes() {
        assert_eq!(
            ascii_words(r"\bwhy\b \w+"),
            r"(?-u:\b)why(?-u:\b) (?-u:\w)+"
        );
        assert_eq!(
            ascii_words(r"[\w' -]{1,4} [^\d.] \\b []\w]"),
            r"[0-9A-Za-z_' -]{1,4} [^0-9.] \\b []0-9A-Za-z_]"
        );
        assert_eq!(ascii_words(r"\s\.\B"), r"\s\.(?-u:\B)");
    }
}
