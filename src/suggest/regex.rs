//! One constructor for the suggestions' regexes, and the guard that spares
//! a note the ones its sentences cannot match.
//!
//! The suggestions (and the engine's about-judging cues and sense check)
//! match their sentence with a few hundred small regexes. Compiling them
//! was most of a one-note run (issue 19: 76% of its processor time in
//! regex compilation, 2026-12-06), though a note's sentences can match
//! only a few. So each regex is a [`Lazy`]: its pattern is parsed (syntax
//! only, cheap) into a [`Guard`], the words it cannot match without, and
//! it is compiled only the first time a text holds those words. A text
//! without them gets "no match" at once, which is what the regex would
//! have said: the guard is sound by construction (see [`Guard::of`]) and
//! `tests/guards.rs` checks that guarded and unguarded give the same
//! suggestions on every rule example and annotated set.
//!
//! Every regex of `src/suggest` is built here, so how they are built (and
//! what that costs a one-note run) is decided in one place, and none is
//! compiled per call.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

use crate::rule::meta;
use regex::Regex;
use regex_automata::util::captures::Captures as Slots;
use regex_automata::util::syntax;
use regex_automata::MatchKind;
use regex_syntax::ast::{self, Ast};

/// A regex compiled on first use by a text its [`Guard`] admits.
pub struct Lazy {
    pattern: Box<str>,
    guard: Guard,
    regex: OnceLock<Compiled>,
    /// The pattern with ASCII `\w` ([`ascii_words`]), for texts whose
    /// every word character is ASCII (see [`Lazy::for_text`]); `None` for
    /// a pattern without `\w`.
    ascii: OnceLock<Option<Compiled>>,
}

impl std::fmt::Debug for Lazy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lazy")
            .field("pattern", &self.pattern)
            .field("compiled", &self.regex.get().is_some())
            .finish()
    }
}

/// When set, a text the guard turns away is also searched with the
/// compiled regex, and a match it would have hidden is counted in
/// [`HIDDEN`] (tests only: see [`verify_guards`]).
static VERIFY: AtomicBool = AtomicBool::new(false);
/// When set, every guard admits every text (the unguarded reference).
static OFF: AtomicBool = AtomicBool::new(false);
static HIDDEN: Mutex<Vec<String>> = Mutex::new(Vec::new());
static COMPILED: AtomicUsize = AtomicUsize::new(0);

/// Tests only: check every guard's "no" against its compiled regex from
/// now on; the patterns whose guard hid a match are returned by
/// [`hidden_matches`].
#[doc(hidden)]
pub fn verify_guards(on: bool) {
    VERIFY.store(on, Ordering::SeqCst);
}

/// Tests only: switch every guard off (`true`) or back on.
#[doc(hidden)]
pub fn guards_off(off: bool) {
    OFF.store(off, Ordering::SeqCst);
}

/// Tests only: the patterns whose guard turned away a text the regex
/// matches, since [`verify_guards`] was set.
#[doc(hidden)]
pub fn hidden_matches() -> Vec<String> {
    HIDDEN.lock().map(|h| h.clone()).unwrap_or_default()
}

/// How many guarded regexes this process has compiled so far.
#[doc(hidden)]
pub fn compiled_count() -> usize {
    COMPILED.load(Ordering::Relaxed)
}

impl Lazy {
    /// `pattern`, checked for syntax now and compiled when first needed.
    pub fn new(pattern: &str) -> Result<Lazy, Box<ast::Error>> {
        // Most patterns are read by the quick scan (`quick::required`);
        // the few it does not read, and every pattern in a debug build (so
        // the tests hold the scan to the parser), go through regex-syntax.
        let quick = quick::required(pattern);
        let guard = match quick {
            Some(clauses) if !cfg!(debug_assertions) => Guard::from_clauses(clauses),
            _ => {
                let ast = ast::parse::ParserBuilder::new()
                    .nest_limit(250)
                    .build()
                    .parse(pattern)
                    .map_err(Box::new)?;
                let guard = Guard::from_ast(&ast);
                if let Some(clauses) = quick {
                    assert_eq!(
                        Guard::from_clauses(clauses),
                        guard,
                        "the quick guard of {pattern:?}"
                    );
                }
                guard
            }
        };
        Ok(Lazy {
            pattern: pattern.into(),
            guard,
            regex: OnceLock::new(),
            ascii: OnceLock::new(),
        })
    }

    /// The compiled regex (compiling it now if it is not yet).
    fn regex(&self) -> &Compiled {
        self.try_regex().expect("a guarded pattern compiles")
    }

    /// The compiled regex, or why it does not compile (a pattern that
    /// parses may still fail, e.g. on an unknown Unicode class or the
    /// size limit).
    pub fn try_regex(&self) -> Result<&Compiled, Box<meta::BuildError>> {
        if let Some(r) = self.regex.get() {
            return Ok(r);
        }
        let r = Compiled::new(&self.pattern)?;
        COMPILED.fetch_add(1, Ordering::Relaxed);
        Ok(self.regex.get_or_init(|| r))
    }

    /// The regex to search `text` with: the pattern with ASCII `\w` if
    /// it has `\w` and every word character of `text` is ASCII (the same
    /// matches there: `\w`, and `(?i)` folding its class, differ only on
    /// non-ASCII word characters), else the pattern as written. Unicode's
    /// `\w` is some hundreds of ranges, compiled into the forward and
    /// reverse automata at every `\w`: a quarter of compiling the
    /// suggestions' regexes in a one-note run (issue 19).
    ///
    /// A pattern without `\w` is searched as written without looking at
    /// `text` first: that look is as long as the text, and a suggestion
    /// searches from a place in its note to the note's end (anchored, so
    /// the search itself reads a few words), once per finding: quadratic
    /// on a long one-line note.
    fn for_text(&self, text: &str) -> &Compiled {
        let ascii = self.ascii.get_or_init(|| {
            let words = ascii_words(&self.pattern)?;
            Compiled::new(&words).ok()
        });
        let Some(ascii) = ascii else {
            return self.regex();
        };
        if has_wide_word(text) {
            return self.regex();
        }
        ascii
    }

    /// The regex, if `text` may hold a match.
    fn admit(&self, text: &str) -> Option<&Compiled> {
        if OFF.load(Ordering::Relaxed) || self.guard.admits(text) {
            return Some(self.for_text(text));
        }
        if VERIFY.load(Ordering::Relaxed)
            && crate::rule::program::uncounted(|| self.regex().is_match(text))
        {
            if let Ok(mut hidden) = HIDDEN.lock() {
                hidden.push(format!("{} on {text:?}", self.pattern));
            }
        }
        None
    }

    pub fn is_match(&self, text: &str) -> bool {
        self.admit(text).is_some_and(|r| r.is_match(text))
    }

    pub fn find<'h>(&self, text: &'h str) -> Option<Match<'h>> {
        self.admit(text)?.find_at(text, 0)
    }

    pub fn find_at<'h>(&self, text: &'h str, start: usize) -> Option<Match<'h>> {
        self.admit(text)?.find_at(text, start)
    }

    pub fn find_iter<'r, 'h>(
        &'r self,
        text: &'h str,
    ) -> impl Iterator<Item = Match<'h>> + use<'r, 'h> {
        self.admit(text)
            .into_iter()
            .flat_map(move |r| r.find_iter(text))
    }

    pub fn captures<'h>(&self, text: &'h str) -> Option<Captures<'h>> {
        self.admit(text)?.captures_at(text, 0)
    }

    pub fn captures_at<'h>(&self, text: &'h str, start: usize) -> Option<Captures<'h>> {
        self.admit(text)?.captures_at(text, start)
    }

    pub fn captures_iter<'r, 'h>(
        &'r self,
        text: &'h str,
    ) -> impl Iterator<Item = Captures<'h>> + use<'r, 'h> {
        self.admit(text)
            .into_iter()
            .flat_map(move |r| r.captures_iter(text))
    }

    pub fn replace<'h, R: Replacer>(&self, text: &'h str, rep: R) -> Cow<'h, str> {
        match self.admit(text) {
            Some(r) => r.replacen(text, 1, rep),
            None => Cow::Borrowed(text),
        }
    }

    pub fn replace_all<'h, R: Replacer>(&self, text: &'h str, rep: R) -> Cow<'h, str> {
        match self.admit(text) {
            Some(r) => r.replacen(text, 0, rep),
            None => Cow::Borrowed(text),
        }
    }

    pub fn replacen<'h, R: Replacer>(&self, text: &'h str, limit: usize, rep: R) -> Cow<'h, str> {
        match self.admit(text) {
            Some(r) => r.replacen(text, limit, rep),
            None => Cow::Borrowed(text),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.pattern
    }
}

/// Whether regexes compiled from now on are built for a few notes (see
/// [`lean`]).
static LEAN: AtomicBool = AtomicBool::new(false);

/// Build the regexes compiled from now on for a run over a few notes
/// (`true`) or over many (`false`, the default).
///
/// For a few notes (a pre-commit hook's case) each regex searches a few
/// sentences, and compiling it is most of what it costs: it is built with
/// the NFA engines only (the PikeVM and the bounded backtracker), without
/// the lazy DFA and the reverse NFA it needs, the one-pass DFA or a
/// literal prefilter, which the `regex` crate builds for every regex
/// (issue 19: about half the cost of compiling the suggestions' regexes in
/// a one-note run). Over many notes those pay for themselves, and each
/// regex is built as the `regex` crate builds it. The matches are the same
/// either way: every engine of `regex-automata` reports the leftmost-first
/// match the PikeVM does.
pub fn lean(on: bool) {
    LEAN.store(on, Ordering::Relaxed);
}

/// A compiled suggestion regex: a `regex-automata` meta regex configured
/// as the `regex` crate configures one (Unicode, UTF-8, leftmost-first),
/// with its engines chosen by [`lean`], and the part of the `regex`
/// crate's interface the suggestions use.
#[derive(Debug)]
pub struct Compiled {
    meta: meta::Regex,
}

impl Compiled {
    fn new(pattern: &str) -> Result<Compiled, Box<meta::BuildError>> {
        // The `regex` crate's defaults (`RegexBuilder`).
        let config = meta::Config::new()
            .match_kind(MatchKind::LeftmostFirst)
            .utf8_empty(true)
            .nfa_size_limit(Some(10 * (1 << 20)))
            .hybrid_cache_capacity(2 * (1 << 20));
        let config = if LEAN.load(Ordering::Relaxed) {
            config
                .auto_prefilter(false)
                .hybrid(false)
                .onepass(false)
                .dfa(false)
        } else {
            config
        };
        meta::Builder::new()
            .configure(config)
            .syntax(syntax::Config::new().utf8(true))
            .build(pattern)
            .map(|meta| Compiled { meta })
            .map_err(Box::new)
    }

    fn is_match(&self, text: &str) -> bool {
        self.meta.is_match_at(text, 0)
    }

    fn find_at<'h>(&self, text: &'h str, start: usize) -> Option<Match<'h>> {
        self.meta
            .find_at(text, start)
            .map(|m| Match::new(text, m.range()))
    }

    fn find_iter<'r, 'h>(&'r self, text: &'h str) -> impl Iterator<Item = Match<'h>> + use<'r, 'h> {
        self.meta
            .find_iter(text)
            .map(move |m| Match::new(text, m.range()))
    }

    fn captures_at<'h>(&self, text: &'h str, start: usize) -> Option<Captures<'h>> {
        let mut slots = self.meta.create_captures();
        self.meta.search_captures_at(text, start, &mut slots);
        slots.is_match().then_some(Captures { text, slots })
    }

    fn captures_iter<'r, 'h>(
        &'r self,
        text: &'h str,
    ) -> impl Iterator<Item = Captures<'h>> + use<'r, 'h> {
        self.meta
            .captures_iter(text)
            .map(move |slots| Captures { text, slots })
    }

    /// The `regex` crate's `Regex::replacen`: the first `limit` matches
    /// (all if 0) replaced.
    fn replacen<'h, R: Replacer>(&self, text: &'h str, limit: usize, mut rep: R) -> Cow<'h, str> {
        let mut it = self.captures_iter(text).enumerate().peekable();
        if it.peek().is_none() {
            return Cow::Borrowed(text);
        }
        let mut new = String::with_capacity(text.len());
        let mut last = 0;
        for (i, caps) in it {
            let whole = caps.whole();
            new.push_str(&text[last..whole.start]);
            rep.replace_append(&caps, &mut new);
            last = whole.end;
            if limit > 0 && i >= limit - 1 {
                break;
            }
        }
        new.push_str(&text[last..]);
        Cow::Owned(new)
    }
}

/// One match: as the `regex` crate's `Match`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match<'h> {
    text: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Match<'h> {
    fn new(text: &'h str, range: Range<usize>) -> Match<'h> {
        Match {
            text,
            start: range.start,
            end: range.end,
        }
    }

    pub fn start(&self) -> usize {
        self.start
    }

    pub fn end(&self) -> usize {
        self.end
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    pub fn as_str(&self) -> &'h str {
        &self.text[self.range()]
    }
}

/// The groups of one match: as the `regex` crate's `Captures`.
#[derive(Debug, Clone)]
pub struct Captures<'h> {
    text: &'h str,
    slots: Slots,
}

impl<'h> Captures<'h> {
    /// Group `i` (0: the whole match), if it took part in the match.
    pub fn get(&self, i: usize) -> Option<Match<'h>> {
        self.slots
            .get_group(i)
            .map(|span| Match::new(self.text, span.range()))
    }

    /// The group named `name`, if it took part in the match.
    pub fn name(&self, name: &str) -> Option<Match<'h>> {
        self.slots
            .get_group_by_name(name)
            .map(|span| Match::new(self.text, span.range()))
    }

    /// `replacement` with `$1`, `$name` and `${name}` filled in, appended
    /// to `dst` (the `regex` crate's `Captures::expand`).
    pub fn expand(&self, replacement: &str, dst: &mut String) {
        self.slots
            .interpolate_string_into(self.text, replacement, dst);
    }

    fn whole(&self) -> Range<usize> {
        self.slots.get_match().map_or(0..0, |m| m.range())
    }
}

impl std::ops::Index<usize> for Captures<'_> {
    type Output = str;

    fn index(&self, i: usize) -> &str {
        self.get(i)
            .map(|m| &self.text[m.range()])
            .unwrap_or_else(|| panic!("no group at index '{i}'"))
    }
}

impl<'n> std::ops::Index<&'n str> for Captures<'_> {
    type Output = str;

    fn index(&self, name: &'n str) -> &str {
        self.name(name)
            .map(|m| &self.text[m.range()])
            .unwrap_or_else(|| panic!("no group named '{name}'"))
    }
}

/// What a match is replaced with: as the `regex` crate's `Replacer`, for
/// a closure of the groups or a string with `$` references.
pub trait Replacer {
    fn replace_append(&mut self, caps: &Captures<'_>, dst: &mut String);
}

impl Replacer for &str {
    fn replace_append(&mut self, caps: &Captures<'_>, dst: &mut String) {
        caps.expand(self, dst);
    }
}

impl Replacer for &String {
    fn replace_append(&mut self, caps: &Captures<'_>, dst: &mut String) {
        caps.expand(self, dst);
    }
}

impl Replacer for String {
    fn replace_append(&mut self, caps: &Captures<'_>, dst: &mut String) {
        caps.expand(self, dst);
    }
}

impl<F, T> Replacer for F
where
    F: FnMut(&Captures<'_>) -> T,
    T: AsRef<str>,
{
    fn replace_append(&mut self, caps: &Captures<'_>, dst: &mut String) {
        dst.push_str((*self)(caps).as_ref());
    }
}

/// What a text must hold for a pattern to match it: every clause, and of
/// a clause at least one of its words, compared without case (ASCII
/// letters folded). Empty: any text may match.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Guard {
    clauses: Vec<Vec<Box<str>>>,
}

/// A clause with more alternatives than this is dropped (a weaker guard,
/// never a wrong one): checking it would cost more than it saves.
const MAX_ALTERNATIVES: usize = 256;

impl Guard {
    /// The guard of `pattern`; no guard (admits all) if it does not parse.
    pub fn of(pattern: &str) -> Guard {
        ast::parse::Parser::new()
            .parse(pattern)
            .map(|a| Guard::from_ast(&a))
            .unwrap_or_default()
    }

    /// Sound by construction: a clause is only ever a set of literal
    /// strings one of which every match contains. A run of literal
    /// characters in a sequence is required (ASCII only: a non-ASCII
    /// character, a class, an assertion or a flag ends the run); a group,
    /// or a repetition of at least one, requires what its inside
    /// requires; an alternation requires, of each branch, one of that
    /// branch's clauses (the union of the chosen clauses); an optional
    /// part requires nothing. The only case-folding of an ASCII letter to
    /// a non-ASCII one (`k` and KELVIN SIGN, `s` and LONG S) is handled in
    /// [`Guard::admits`].
    fn from_ast(ast: &Ast) -> Guard {
        Guard::from_clauses(required(ast))
    }

    /// The guard of the clauses [`required`] found.
    fn from_clauses(mut clauses: Vec<Vec<String>>) -> Guard {
        clauses.retain(|c| !c.is_empty() && c.len() <= MAX_ALTERNATIVES);
        // Each clause once, the most selective (longest words) first.
        for c in &mut clauses {
            c.sort();
            c.dedup();
        }
        clauses.sort_by_key(|c| std::cmp::Reverse(shortest(c)));
        clauses.dedup();
        Guard {
            clauses: clauses
                .into_iter()
                .map(|c| c.into_iter().map(String::into_boxed_str).collect())
                .collect(),
        }
    }

    /// Whether `text` may hold a match.
    pub fn admits(&self, text: &str) -> bool {
        if self.clauses.is_empty() {
            return true;
        }
        folded(text, |lower| match lower {
            None => true,
            Some(lower) => self
                .clauses
                .iter()
                .all(|c| c.iter().any(|w| lower.contains(&**w))),
        })
    }

    /// The clauses, for tests.
    #[doc(hidden)]
    pub fn clauses(&self) -> Vec<Vec<String>> {
        self.clauses
            .iter()
            .map(|c| c.iter().map(|w| w.to_string()).collect())
            .collect()
    }
}

/// How many texts each thread keeps folded: a suggestion tries its
/// regexes on the sentence, the clause and a few rewritten forms in turn.
const FOLDED: usize = 4;

/// A text and its ASCII-lower-cased copy (`None`: it holds a letter that
/// `(?i)` folds to an ASCII one, so no guard may turn it away).
#[derive(Default)]
struct Folded {
    text: String,
    lower: Option<String>,
}

thread_local! {
    /// The last few texts this thread's guards were asked about, folded
    /// once for all of them (a finding's suggestions ask some hundreds of
    /// guards about the same sentence), and the slot to reuse next.
    static FOLDS: std::cell::RefCell<(usize, [Folded; FOLDED])> = Default::default();
}

/// `f` of `text` folded (see [`Folded`]), from the thread's cache.
fn folded<R>(text: &str, f: impl FnOnce(Option<&str>) -> R) -> R {
    FOLDS.with(|cell| {
        let mut cell = cell.borrow_mut();
        let (next, slots) = &mut *cell;
        let at = match slots.iter().position(|s| s.text == text) {
            Some(at) => at,
            None => {
                crate::rule::program::note_read(text.len());
                let at = *next;
                *next = (at + 1) % FOLDED;
                let slot = &mut slots[at];
                slot.text.clear();
                slot.text.push_str(text);
                slot.lower = if text.contains(['\u{17F}', '\u{212A}']) {
                    None
                } else {
                    let mut lower = slot.lower.take().unwrap_or_default();
                    lower.clear();
                    lower.push_str(text);
                    lower.make_ascii_lowercase();
                    Some(lower)
                };
                at
            }
        };
        f(slots[at].lower.as_deref())
    })
}

fn shortest(clause: &[String]) -> usize {
    clause.iter().map(String::len).min().unwrap_or(0)
}

/// The clauses every match of `ast` satisfies (a conjunction).
fn required(ast: &Ast) -> Vec<Vec<String>> {
    match ast {
        Ast::Literal(l) => literal(l.c)
            .map(|c| vec![vec![c.to_string()]])
            .unwrap_or_default(),
        Ast::Group(g) => required(&g.ast),
        Ast::Repetition(r) => {
            let at_least_one = match &r.op.kind {
                ast::RepetitionKind::OneOrMore => true,
                ast::RepetitionKind::ZeroOrOne | ast::RepetitionKind::ZeroOrMore => false,
                ast::RepetitionKind::Range(range) => match range {
                    ast::RepetitionRange::Exactly(n) | ast::RepetitionRange::AtLeast(n) => *n >= 1,
                    ast::RepetitionRange::Bounded(n, _) => *n >= 1,
                },
            };
            if at_least_one {
                required(&r.ast)
            } else {
                Vec::new()
            }
        }
        Ast::Concat(c) => {
            let mut out = Vec::new();
            let mut run = String::new();
            for item in &c.asts {
                if let Ast::Literal(l) = item {
                    if let Some(ch) = literal(l.c) {
                        run.push(ch);
                        continue;
                    }
                }
                if !run.is_empty() {
                    out.push(vec![std::mem::take(&mut run)]);
                }
                out.extend(required(item));
            }
            if !run.is_empty() {
                out.push(vec![run]);
            }
            out
        }
        Ast::Alternation(a) => required_alternation(a.asts.iter().map(required)),
        Ast::Empty(_)
        | Ast::Flags(_)
        | Ast::Dot(_)
        | Ast::Assertion(_)
        | Ast::ClassUnicode(_)
        | Ast::ClassPerl(_)
        | Ast::ClassBracketed(_) => Vec::new(),
    }
}

/// What a match of one clause list or another requires, given what each
/// branch requires.
fn required_alternation(branches: impl IntoIterator<Item = Clauses>) -> Clauses {
    let mut union = Some(Vec::new());
    for branch in branches {
        add_branch(&mut union, branch);
        if union.is_none() {
            break;
        }
    }
    alternation_clauses(union)
}

/// Adds what one more branch of an alternation requires to `union`, the
/// words one of which a match of the branches so far holds; `None` once
/// some branch requires nothing usable (then the alternation requires
/// nothing).
fn add_branch(union: &mut Option<Vec<String>>, branch: Clauses) {
    let Some(words) = union else {
        return;
    };
    // The branch's most selective clause stands for it.
    let Some(best) = branch
        .into_iter()
        .filter(|c| !c.is_empty() && c.len() <= MAX_ALTERNATIVES)
        .max_by_key(|c| (shortest(c), std::cmp::Reverse(c.len())))
    else {
        *union = None;
        return;
    };
    words.extend(best);
    if words.len() > MAX_ALTERNATIVES {
        *union = None;
    }
}

/// The clauses of an alternation, from [`add_branch`]'s union.
fn alternation_clauses(union: Option<Vec<String>>) -> Clauses {
    match union {
        Some(words) if !words.is_empty() => vec![words],
        _ => Vec::new(),
    }
}

/// Clauses, each a set of words one of which a match holds.
type Clauses = Vec<Vec<String>>;

/// An ASCII literal character, lower-cased; `None` for any other.
fn literal(c: char) -> Option<char> {
    c.is_ascii().then(|| c.to_ascii_lowercase())
}

thread_local! {
    /// The note this thread builds suggestions for (see [`in_note`]): its
    /// text's address and length, and where its non-ASCII word characters
    /// start.
    static NOTE: std::cell::RefCell<Option<KnownNote>> =
        const { std::cell::RefCell::new(None) };
}

/// A note's text's address and length, and where its non-ASCII word
/// characters start (see [`in_note`]).
type KnownNote = (usize, usize, std::sync::Arc<[usize]>);

/// Runs `f` with `note` (a note's whole prose text) and `wide` (where its
/// non-ASCII word characters start, ascending: `Prose::wide_words`) known
/// to this thread: a search of `note` or of a slice of it then learns
/// whether its text has such a character from `wide`, not by reading the
/// text (once per search, as long as the rest of the note: a finding's
/// suggestions search its note some hundreds of times).
pub(crate) fn in_note<R>(note: &str, wide: std::sync::Arc<[usize]>, f: impl FnOnce() -> R) -> R {
    /// Puts back the note that was known before, also if `f` panics.
    struct Restore(Option<KnownNote>);
    impl Drop for Restore {
        fn drop(&mut self) {
            let before = self.0.take();
            NOTE.with(|n| *n.borrow_mut() = before);
        }
    }
    let before = NOTE.with(|n| {
        n.borrow_mut()
            .replace((note.as_ptr() as usize, note.len(), wide))
    });
    let _restore = Restore(before);
    f()
}

/// Whether `text` holds a non-ASCII word character (where `\w` and its
/// ASCII form differ): from the note's list if `text` lies inside the note
/// [`in_note`] made known (the note outlives that call, so its address
/// names it), else by reading `text`.
fn has_wide_word(text: &str) -> bool {
    let at = text.as_ptr() as usize;
    let known = NOTE.with(|n| {
        let n = n.borrow();
        let (start, len, wide) = n.as_ref()?;
        let from = at
            .checked_sub(*start)
            .filter(|&from| from + text.len() <= *len)?;
        let i = wide.partition_point(|&p| p < from);
        Some(wide.get(i).is_some_and(|&p| p < from + text.len()))
    });
    if let Some(answer) = known {
        return answer;
    }
    crate::rule::program::note_read(text.len());
    !text.is_ascii()
        && text
            .chars()
            .any(|c| !c.is_ascii() && regex_syntax::is_word_character(c))
}

/// The guarded regex of the call site `site`, from `pattern` on first use
/// (`site` is the call site's own static, which identifies it; a site
/// always passes the same pattern).
pub(crate) fn cached(site: &'static OnceLock<Regex>, pattern: &str) -> &'static Lazy {
    let key = site as *const OnceLock<Regex> as usize;
    // Each thread's own map first: a finding's suggestions look up some
    // hundreds of sites, and one process-wide lock per look-up made the
    // threads of a folder run wait on each other.
    thread_local! {
        static NEAR: std::cell::RefCell<HashMap<usize, &'static Lazy, BuildSite>> =
            Default::default();
    }
    if let Some(found) = NEAR.with(|near| near.borrow().get(&key).copied()) {
        return found;
    }
    static SITES: OnceLock<Mutex<HashMap<usize, &'static Lazy>>> = OnceLock::new();
    let sites = SITES.get_or_init(Default::default);
    let mut sites = sites.lock().unwrap_or_else(|e| e.into_inner());
    let found: &'static Lazy = sites.entry(key).or_insert_with(|| {
        Box::leak(Box::new(
            build(pattern).expect("a suggestion pattern parses"),
        ))
    });
    drop(sites);
    NEAR.with(|near| near.borrow_mut().insert(key, found));
    found
}

/// Hashes a call site's address (a `usize`) with one multiplication:
/// the addresses of statics are distinct and need no stronger hash.
#[derive(Default, Clone, Copy)]
struct SiteHasher(u64);

impl std::hash::Hasher for SiteHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8 | u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = (n as u64)
            .wrapping_mul(0x9E37_79B9_7F4A_7C15)
            .rotate_left(29);
    }
}

type BuildSite = std::hash::BuildHasherDefault<SiteHasher>;

/// `pattern`, guarded and compiled on first use; the caller says what a
/// failure means (every pattern is a constant, so a failure is a bug the
/// tests catch).
/// `pattern` with each `\w` as ASCII's (`[[:word:]]`, or `[:word:]` inside
/// a bracket), or `None` if it has none. Escapes and brackets are followed
/// as regex-syntax reads them (a `]` first in a bracket is a literal; a
/// `[` inside one opens a nested class or a `[:name:]`); a verbose pattern
/// (`(?x)`, whose comments may hold brackets) is left alone.
fn ascii_words(pattern: &str) -> Option<String> {
    if !pattern.contains("\\w") || pattern.contains("(?x") {
        return None;
    }
    let mut out = String::with_capacity(pattern.len() + 32);
    let mut depth = 0usize;
    let mut changed = false;
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('w') => {
                    out.push_str(if depth == 0 { "[[:word:]]" } else { "[:word:]" });
                    changed = true;
                }
                Some(n) => {
                    out.push(c);
                    out.push(n);
                }
                None => out.push(c),
            },
            '[' if depth > 0 && chars.peek() == Some(&':') => {
                out.push(c);
                for d in chars.by_ref() {
                    out.push(d);
                    if d == ']' {
                        break;
                    }
                }
            }
            '[' => {
                out.push(c);
                depth += 1;
                if chars.peek() == Some(&'^') {
                    out.push('^');
                    chars.next();
                }
                if chars.peek() == Some(&']') {
                    out.push(']');
                    chars.next();
                }
            }
            ']' if depth > 0 => {
                depth -= 1;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    changed.then_some(out)
}

pub(crate) fn build(pattern: &str) -> Result<Lazy, Box<ast::Error>> {
    Lazy::new(pattern)
}

/// Each of `patterns`, guarded, in order: for a table of patterns that a
/// function runs through on every call.
pub(crate) fn cached_all(
    cell: &'static OnceLock<Vec<Lazy>>,
    patterns: impl IntoIterator<Item = &'static str>,
) -> &'static [Lazy] {
    cell.get_or_init(|| {
        patterns
            .into_iter()
            .map(|p| build(p).expect("a suggestion pattern parses"))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_word_classes_replace_every_perl_word_class() {
        assert_eq!(
            ascii_words(r"(?i)\bno\s+\w+"),
            Some(r"(?i)\bno\s+[[:word:]]+".into())
        );
        assert_eq!(
            ascii_words(r"[\w'’-]+|[^\w\s]|\\w|[]\w]|[[:alpha:]\w]"),
            Some(r"[[:word:]'’-]+|[^[:word:]\s]|\\w|[][:word:]]|[[:alpha:][:word:]]".into())
        );
        assert_eq!(ascii_words(r"\bno\b \W"), None);
        assert_eq!(ascii_words(r"(?x) \w # [ a comment"), None);
    }

    #[test]
    fn a_search_inside_a_known_note_takes_its_wide_words_from_the_list() {
        use crate::rule::program::count_reads;
        let r = Lazy::new(r"(?i)\bthe (\w+)").unwrap();
        let word = |text: &str| r.captures(text).map(|c| c[1].to_string());
        let note = "Met at the café. Then the client’s mum came in.";
        let tail = &note[note.find("Then").unwrap()..];
        let cafe = note.find('é').unwrap();
        // The guards' folded copies (`folded`) are made once, before counting.
        word(tail);
        word(note);
        // Outside a known note, each search reads its text for them first.
        let (alone, read_alone) = count_reads(|| (word(tail), word(note)));
        assert_eq!(alone, (Some("client".into()), Some("café".into())));
        // Inside, the note's list answers for the note and its slices: the
        // same words, the two texts' lengths less read.
        let (known, read_known) =
            count_reads(|| in_note(note, [cafe].into(), || (word(tail), word(note))));
        assert_eq!(known, alone);
        assert_eq!(read_alone - read_known, tail.len() + note.len());
        // The list is what decides: without `é` on it, the ASCII form
        // searches and stops the word before it.
        let unlisted = in_note(note, Vec::new().into(), || word(note));
        assert_eq!(unlisted, Some("caf".into()));
        // A text outside the note (a rewording) is read as before.
        let elsewhere = String::from("Met the café owner.");
        assert_eq!(
            in_note(note, Vec::new().into(), || word(&elsewhere)),
            Some("café".into())
        );
    }

    #[test]
    fn a_text_with_a_non_ascii_word_character_is_searched_with_unicode_words() {
        let r = Lazy::new(r"(?i)\bthe (\w+)").unwrap();
        let word = |text: &str| r.captures(text).map(|c| c[1].to_string());
        assert_eq!(word("Met the client’s mum — late."), Some("client".into()));
        assert!(
            r.regex.get().is_none(),
            "an ASCII word text needs only the ASCII form"
        );
        assert_eq!(word("Met the café owner."), Some("café".into()));
        assert_eq!(
            word("The \u{212A}elvin sign."),
            Some("\u{212A}elvin".into())
        );
        assert!(r.regex.get().is_some());
    }

    #[test]
    fn a_lazy_regex_compiles_only_for_a_text_its_guard_admits() {
        let r = Lazy::new(r"(?i)\bwhy\s+does\s+(?P<who>she|he)\b").unwrap();
        assert!(r.captures("He was late.").is_none());
        assert!(r.regex.get().is_none());
        assert_eq!(&r.captures("Why does she do it?").unwrap()["who"], "she");
        assert!(r.regex.get().is_some());
        assert_eq!(r.replace_all("no match here", "x"), "no match here");
    }

    #[test]
    fn verification_reports_a_guard_that_hides_a_match() {
        // A wrong guard, made by hand: the pattern matches "abc", whose
        // text lacks the guard's word.
        let wrong = Lazy {
            pattern: "b".into(),
            guard: Guard {
                clauses: vec![vec!["zzz".into()]],
            },
            regex: OnceLock::new(),
            ascii: OnceLock::new(),
        };
        assert!(!wrong.is_match("abc"));
        verify_guards(true);
        assert!(!wrong.is_match("abc"));
        verify_guards(false);
        assert!(hidden_matches().contains(&"b on \"abc\"".to_string()));
    }

    /// The quick scan gives the guard the syntax tree gives, and leaves
    /// to the parser what it does not read.
    #[test]
    fn the_quick_scan_reads_patterns_as_the_parser_does() {
        let clauses = |p: &str| Guard::from_clauses(quick::required(p).expect(p)).clauses();
        let parsed = |p: &str| Guard::of(p).clauses();
        for p in [
            r"(?i)\bwhy\s+does\s+(?P<who>she|he)\b",
            r"ab+c(de)?f{2,3}g{0,2}h*?(?:ij|kl)+",
            r"(?<name>x\.y)\-[^]a\]-z[:alpha:]]q\p{Lu}\pL\n",
            r"(?m:^)(?-i:Mr|Mrs)\.? (?i)[a-z]+ (more|) é(lan)",
            r"^\s*(?:(?:not)\b|(?:-))\s*$",
            r"(?:\b(?:a|b)|c)d|(e)",
        ] {
            assert_eq!(clauses(p), parsed(p), "{p}");
        }
        assert_eq!(
            clauses(r"ab+c(de)?f{2,3}"),
            [["a"], ["b"], ["c"], ["f"]].map(|c| vec![c[0].to_string()])
        );
        for p in [
            r"(?x) a b",
            r"\x41",
            r"\<word",
            r"a{2",
            r"(a",
            r"a)",
            r"*a",
            r"\b{start}",
        ] {
            assert!(quick::required(p).is_none(), "{p}");
        }
    }
}

/// [`required`] without building the syntax tree: a one-note run creates
/// about a hundred guards, and parsing their patterns into regex-syntax's
/// AST (and dropping it) was nine tenths of their cost (issue 19). The
/// scan reads the common syntax only: literals, escaped punctuation, the
/// Perl and Unicode classes, bracketed classes, assertions, groups (plain,
/// named, with flags), alternation and repetition. Anything else (verbose
/// mode, hex and octal escapes, `\<`, a malformed pattern) is `None`, and
/// the caller parses the pattern. Each node gives what `required` gives
/// for the AST node regex-syntax would build; debug builds compare the
/// two for every pattern (`Lazy::new`).
mod quick {
    use super::{add_branch, alternation_clauses, literal, Clauses};

    /// Nesting deeper than this is left to the parser (its `nest_limit`).
    const DEPTH: usize = 200;

    pub(super) fn required(pattern: &str) -> Option<Clauses> {
        let mut scan = Scan {
            chars: pattern.chars().collect(),
            at: 0,
        };
        let clauses = scan.alternation(0)?;
        (scan.at == scan.chars.len()).then_some(clauses)
    }

    /// One item of a sequence, as `required`'s `Concat` arm sees it.
    enum Item {
        Literal(char),
        Other(Clauses),
    }

    struct Scan {
        chars: Vec<char>,
        at: usize,
    }

    impl Scan {
        fn peek(&self) -> Option<char> {
            self.chars.get(self.at).copied()
        }

        fn eat(&mut self, c: char) -> bool {
            if self.peek() == Some(c) {
                self.at += 1;
                true
            } else {
                false
            }
        }

        /// Branches up to an unmatched `)` or the end. Each branch is
        /// folded into the union as it is read (`required_alternation`'s
        /// result, without keeping every branch's clauses until the end).
        fn alternation(&mut self, depth: usize) -> Option<Clauses> {
            if depth > DEPTH {
                return None;
            }
            let first = self.concat(depth)?;
            if !self.eat('|') {
                return Some(first);
            }
            let mut union = Some(Vec::new());
            add_branch(&mut union, first);
            loop {
                let branch = self.concat(depth)?;
                add_branch(&mut union, branch);
                if !self.eat('|') {
                    break;
                }
            }
            Some(alternation_clauses(union))
        }

        /// A sequence, as `required`'s `Concat` arm reads it: runs of
        /// ASCII literals are words. Each item is taken into the run or
        /// the clauses as soon as its quantifier (if any) is read.
        fn concat(&mut self, depth: usize) -> Option<Clauses> {
            let mut out = Vec::new();
            let mut run = String::new();
            while let Some(c) = self.peek() {
                if c == '|' || c == ')' {
                    break;
                }
                // A quantifier with nothing before it in the sequence.
                if matches!(c, '?' | '*' | '+' | '{') {
                    return None;
                }
                let mut item = self.atom(depth)?;
                if matches!(self.peek(), Some('?' | '*' | '+' | '{')) {
                    let at_least_one = self.quantifier()?;
                    item = Item::Other(match (at_least_one, item) {
                        (false, _) => Vec::new(),
                        (true, Item::Literal(c)) => one(c),
                        (true, Item::Other(clauses)) => clauses,
                    });
                }
                if let Item::Literal(c) = item {
                    if let Some(ch) = literal(c) {
                        run.push(ch);
                        continue;
                    }
                }
                if !run.is_empty() {
                    out.push(vec![std::mem::take(&mut run)]);
                }
                if let Item::Other(clauses) = item {
                    out.extend(clauses);
                }
            }
            if !run.is_empty() {
                out.push(vec![run]);
            }
            Some(out)
        }

        /// `?`, `*`, `+` or `{…}`, and a lazy `?`: whether it asks for at
        /// least one.
        fn quantifier(&mut self) -> Option<bool> {
            let c = self.peek()?;
            self.at += 1;
            let at_least_one = match c {
                '?' | '*' => false,
                '+' => true,
                _ => {
                    let start = self.at;
                    while self.peek().is_some_and(|c| c.is_ascii_digit() || c == ',') {
                        self.at += 1;
                    }
                    let inside: String = self.chars[start..self.at].iter().collect();
                    if !self.eat('}') {
                        return None;
                    }
                    let (low, high) = match inside.split_once(',') {
                        Some((low, high)) => (low, Some(high)),
                        None => (inside.as_str(), None),
                    };
                    let low: u32 = low.parse().ok()?;
                    if let Some(high) = high.filter(|h| !h.is_empty()) {
                        if high.parse::<u32>().ok()? < low {
                            return None;
                        }
                    }
                    low >= 1
                }
            };
            self.eat('?');
            // A second quantifier is an error for the parser to report.
            match self.peek() {
                Some('?' | '*' | '+' | '{') => None,
                _ => Some(at_least_one),
            }
        }

        fn atom(&mut self, depth: usize) -> Option<Item> {
            let c = self.peek()?;
            self.at += 1;
            Some(match c {
                '.' | '^' | '$' => Item::Other(Vec::new()),
                '[' => {
                    self.class(depth)?;
                    Item::Other(Vec::new())
                }
                '(' => self.group(depth)?,
                '\\' => self.escape()?,
                _ => Item::Literal(c),
            })
        }

        /// After `\`, outside a class.
        fn escape(&mut self) -> Option<Item> {
            let c = self.peek()?;
            self.at += 1;
            Some(match c {
                'b' | 'B' if self.peek() == Some('{') => return None,
                'b' | 'B' | 'A' | 'z' | 'd' | 'D' | 's' | 'S' | 'w' | 'W' => {
                    Item::Other(Vec::new())
                }
                'p' | 'P' => {
                    self.unicode_class()?;
                    Item::Other(Vec::new())
                }
                'n' => Item::Literal('\n'),
                't' => Item::Literal('\t'),
                'r' => Item::Literal('\r'),
                'f' => Item::Literal('\u{c}'),
                'v' => Item::Literal('\u{b}'),
                'a' => Item::Literal('\u{7}'),
                '<' | '>' => return None,
                c if c.is_ascii_punctuation() => Item::Literal(c),
                _ => return None,
            })
        }

        /// After `\p`: a letter, or a name in braces.
        fn unicode_class(&mut self) -> Option<()> {
            if self.eat('{') {
                while !self.eat('}') {
                    self.peek()?;
                    self.at += 1;
                }
            } else {
                self.peek().filter(char::is_ascii_alphabetic)?;
                self.at += 1;
            }
            Some(())
        }

        /// After `[`: up to its `]`, nested classes included.
        fn class(&mut self, depth: usize) -> Option<()> {
            if depth > DEPTH {
                return None;
            }
            self.eat('^');
            // A `]` first is a literal.
            self.eat(']');
            loop {
                let c = self.peek()?;
                self.at += 1;
                match c {
                    ']' => return Some(()),
                    '[' => self.class(depth + 1)?,
                    '\\' => {
                        let e = self.peek()?;
                        self.at += 1;
                        if matches!(e, 'p' | 'P') {
                            self.unicode_class()?;
                        } else if !(e.is_ascii_punctuation() || "dDsSwWntrfva".contains(e))
                            || matches!(e, '<' | '>')
                        {
                            return None;
                        }
                    }
                    _ => {}
                }
            }
        }

        /// After `(`: a group, or a flag setting (`(?i)`).
        fn group(&mut self, depth: usize) -> Option<Item> {
            if self.eat('?') {
                if self.eat('P') {
                    self.eat('<').then_some(())?;
                    self.name()?;
                } else if self.eat('<') {
                    self.name()?;
                } else {
                    // Flags, then `)` (a setting) or `:` (a group).
                    while self.peek().is_some_and(|c| "imsuR-".contains(c)) {
                        self.at += 1;
                    }
                    if self.eat(')') {
                        return Some(Item::Other(Vec::new()));
                    }
                    self.eat(':').then_some(())?;
                }
            }
            let inside = self.alternation(depth + 1)?;
            self.eat(')').then_some(Item::Other(inside))
        }

        /// A capture name and its `>`.
        fn name(&mut self) -> Option<()> {
            let start = self.at;
            while self
                .peek()
                .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
            {
                self.at += 1;
            }
            let first = self.chars.get(start)?;
            (self.at > start && !first.is_ascii_digit() && self.eat('>')).then_some(())
        }
    }

    fn one(c: char) -> Clauses {
        literal(c)
            .map(|c| vec![vec![c.to_string()]])
            .unwrap_or_default()
    }
}
