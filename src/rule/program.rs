//! Word patterns matched without compiling a regex (issue 19).
//!
//! A word pattern expands to a regular expression of a small shape:
//! case-insensitive words, one space between them, `\b` at its ends, gaps
//! `(?: [^\s.?!]+){0,3}`, alternations of a class's entries, optional and
//! repeated groups, named captures, and the few raw pieces a class or a
//! rule writes (`(?-i:\p{Lu}\p{Ll}{2,})`, `(?m:^)`). Compiling that regex
//! (parse, translation, NFA) was most of a one-note run and, over folders,
//! its lazy DFA's cache most of the peak memory. A [`Program`] is the same
//! regex read by a small parser of its own into a tree of words, classes,
//! look-arounds, alternations, repeats and captures, and matched by
//! backtracking in priority order (alternatives as written, greedy repeats
//! trying more first, lazy ones fewer): the regex crate's leftmost-first
//! semantics, so the same match and capture spans.
//!
//! A pattern with anything the parser does not know (a flag other than
//! `i`, `m` or `u` around an ASCII class, a repeat of what can match
//! nothing, a pattern that can match nothing, a numbered escape …) has no
//! program and runs on its regex; so does a search that would backtrack
//! too long ([`STEPS`]) or whose text holds `ſ` or the Kelvin sign (which
//! a case-insensitive `s` or `k` matches: the program compares ASCII
//! letters by their lower case). Character classes are read by
//! regex-syntax itself, one at a time, so their case folding is the
//! regex's.

use std::ops::Range;

use regex_automata::util::captures::{Captures, GroupInfo};
use regex_automata::util::primitives::NonMaxUsize;
use regex_automata::PatternID;
use regex_syntax::hir::{Class, HirKind};

/// Most steps one search may take before it gives up and the regex
/// searches instead (a guard against exponential backtracking).
const STEPS: usize = 200_000;

/// Deepest recursion one search may reach before the regex takes over.
const DEPTH: usize = 2_000;

thread_local! {
    /// Bytes this thread's searches have read, while they are counted
    /// (see [`count_reads`]).
    static READ: std::cell::Cell<Option<usize>> = const { std::cell::Cell::new(None) };
}

/// Adds `n` bytes to what this thread's searches have read, if counted.
pub(crate) fn note_read(n: usize) {
    READ.with(|r| {
        if let Some(c) = r.get() {
            r.set(Some(c + n));
        }
    });
}

/// Runs `f` without counting what it reads (a test's check beside a
/// search: `suggest::regex`'s guard verification).
pub(crate) fn uncounted<R>(f: impl FnOnce() -> R) -> R {
    let before = READ.with(|r| r.replace(None));
    let out = f();
    READ.with(|r| r.set(before));
    out
}

/// Runs `f` and counts the bytes the searches it makes on this thread
/// read: each program search from its start to the end of what it read,
/// each search handed to a regex its whole span, and each look at a whole
/// text before a search (`rule::meta`, `suggest::regex`). Tests hold a
/// long note's count to its length with it (a search reading from its
/// place to the end of the note, once per finding, is quadratic there).
#[doc(hidden)]
pub fn count_reads<R>(f: impl FnOnce() -> R) -> (R, usize) {
    let before = READ.with(|r| r.replace(Some(0)));
    let out = f();
    let read = READ.with(|r| r.get()).unwrap_or(0);
    READ.with(|r| r.set(before.map(|b| b + read)));
    (out, read)
}

/// A pattern read for the backtracking matcher.
#[derive(Debug)]
pub struct Program {
    root: Node,
    /// Capture names by group index (index 0, the whole match, unnamed).
    names: Vec<Option<String>>,
    /// The bytes a match can start with (`None`: any).
    first: Option<Box<[bool; 256]>>,
    /// Every match starts with an ASCII `\b`: a start inside a word (or
    /// between two non-word bytes) cannot match.
    boundary: bool,
    /// Every match starts at the text's start (`^`) or a line's (`(?m:^)`):
    /// no other start is tried, so an anchored search costs what its one
    /// attempt reads, not the length of the text after it.
    anchor: Option<Look>,
}

#[derive(Debug)]
enum Node {
    /// Bytes compared as they are, or (`ci`) ASCII letters by lower case
    /// (then stored lower-cased).
    Lit {
        bytes: Box<[u8]>,
        ci: bool,
    },
    /// One character of a class (ranges sorted, as regex-syntax gives).
    Class(Box<[(char, char)]>),
    Look(Look),
    Concat(Vec<Node>),
    /// Alternatives; per first byte, those that can start with it (for a
    /// long one); each one's leading word, checked before it is tried.
    Alt(Vec<Node>, Option<Box<Buckets>>, Box<[Option<Lead>]>),
    Repeat {
        node: Box<Node>,
        min: u32,
        max: Option<u32>,
        greedy: bool,
    },
    Capture {
        slot: usize,
        node: Box<Node>,
    },
}

/// The word an alternative starts with (bytes, compared by lower case).
type Lead = (Box<[u8]>, bool);

/// For a long alternation: per first byte, the alternatives that can
/// start with it, in order; in one list (`starts[b]..starts[b + 1]` of
/// `alts`): a vector per byte was dozens of allocations per alternation
/// when a pattern was read (issue 19, round 19).
#[derive(Debug)]
struct Buckets {
    starts: Box<[u32; 257]>,
    alts: Box<[u32]>,
}

impl Buckets {
    /// The alternatives that can start with `byte`, in order.
    fn of(&self, byte: u8) -> &[u32] {
        let b = usize::from(byte);
        &self.alts[self.starts[b] as usize..self.starts[b + 1] as usize]
    }
}

#[derive(Debug, Clone, Copy)]
enum Look {
    WordAscii,
    NotWordAscii,
    /// Unicode's `\b` and `\B` (regex syntax's word characters), for the
    /// patterns read with [`Program::for_regex`].
    WordUnicode,
    NotWordUnicode,
    Start,
    End,
    StartLf,
    EndLf,
}

#[derive(Clone, Copy)]
struct Flags {
    ci: bool,
    multi_line: bool,
}

struct Parser<'s> {
    src: &'s str,
    at: usize,
    names: Vec<Option<String>>,
    /// Whether `\b`, `\B`, `\w`, `\W`, `\d` and `\D` are read (as the
    /// regex crate's Unicode ones).
    unicode: bool,
}

/// Not supported: the pattern keeps its regex.
struct No;

impl Program {
    /// Reads `source` (a pattern as compiled: after `ascii_words`), or
    /// `None` if the matcher cannot reproduce it exactly.
    pub fn new(source: &str) -> Option<Program> {
        Program::read(source, true, false)
    }

    /// Reads `source` as the regex crate reads a pattern by default
    /// (case-sensitive, Unicode `\b` and `\w`): for the suggestions'
    /// regexes (`rule::meta`); `None` if the matcher cannot reproduce it
    /// exactly.
    pub fn for_regex(source: &str) -> Option<Program> {
        Program::read(source, false, true)
    }

    fn read(source: &str, ci: bool, unicode: bool) -> Option<Program> {
        let mut p = Parser {
            src: source,
            at: 0,
            names: vec![None],
            unicode,
        };
        let mut flags = Flags {
            ci,
            multi_line: false,
        };
        let root = p.alternation(&mut flags).ok()?;
        if p.at != source.len() || min_len(&root) == 0 || !repeats_progress(&root) {
            return None;
        }
        let first = firsts(&root).map(Box::new);
        let boundary = starts_at_boundary(&root);
        let anchor = anchor(&root);
        Some(Program {
            root,
            names: p.names,
            first,
            boundary,
            anchor,
        })
    }

    /// The number of capture groups, the whole match included.
    pub fn groups(&self) -> usize {
        self.names.len()
    }

    /// The leftmost-first, non-empty matches inside `span` of `haystack`,
    /// as `find_iter` gives them; `None` if the regex must search instead.
    pub fn find_all(
        &self,
        haystack: &str,
        span: Range<usize>,
        out: &mut Vec<Range<usize>>,
    ) -> Option<()> {
        self.find_all_starting_before(haystack, span.clone(), span.end, out)
    }

    /// As [`Program::find_all`], for a caller that knows no match starts
    /// at or after `until` (the engine: every match holds one of its
    /// trigger literals, so none starts after the last of them).
    pub fn find_all_starting_before(
        &self,
        haystack: &str,
        span: Range<usize>,
        until: usize,
        out: &mut Vec<Range<usize>>,
    ) -> Option<()> {
        let mut st = State::new(haystack, span.end, self.names.len());
        let mut found = Vec::new();
        let mut pos = span.start;
        let until = until.min(span.end);
        while pos < until {
            match self.leftmost(&mut st, haystack, pos, until)? {
                Some(m) => {
                    pos = m.end;
                    found.push(m);
                }
                None => break,
            }
        }
        st.fit(span.start)?;
        out.extend(found);
        Some(())
    }

    /// Whether every match starts at the text's start (`^`).
    pub fn anchored(&self) -> bool {
        matches!(self.anchor, Some(Look::Start))
    }

    /// The capture names by group index (index 0, the whole match,
    /// unnamed).
    pub fn names(&self) -> &[Option<String>] {
        &self.names
    }

    /// The leftmost-first match inside `span` of `haystack` (look-arounds
    /// seeing the whole of it) and every group's span, group 0 the whole
    /// match, as regex-automata's `search_captures` gives them; `Some(None)`
    /// if there is none, `None` if the regex must search instead.
    #[allow(clippy::type_complexity)]
    pub fn search(
        &self,
        haystack: &str,
        span: Range<usize>,
    ) -> Option<Option<Vec<Option<(usize, usize)>>>> {
        let mut st = State::new(haystack, span.end, self.names.len());
        let found = self.leftmost(&mut st, haystack, span.start, span.end)?;
        st.fit(span.start)?;
        Some(found.map(|m| {
            let mut groups = std::mem::take(&mut st.best);
            groups[0] = Some((m.start, m.end));
            groups
        }))
    }

    /// Whether there is a match in `haystack`; `None` if the regex must
    /// search instead.
    pub fn is_match(&self, haystack: &str) -> Option<bool> {
        let mut st = State::new(haystack, haystack.len(), self.names.len());
        let found = self.leftmost(&mut st, haystack, 0, haystack.len())?;
        st.fit(0)?;
        Some(found.is_some())
    }

    /// The captures of the match starting at `start` (anchored), as
    /// regex-automata's `search_captures` gives them; `None` if the regex
    /// must search instead.
    pub fn captures(&self, haystack: &str, start: usize) -> Option<Captures> {
        let mut st = State::new(haystack, haystack.len(), self.names.len());
        let info = GroupInfo::new([self.names.iter().map(|n| n.as_deref())]).ok()?;
        let mut caps = Captures::all(info);
        let end = self.at(start, &mut st);
        if st.aborted {
            return None;
        }
        st.fit(start)?;
        let Some(end) = end else {
            caps.set_pattern(None);
            return Some(caps);
        };
        caps.set_pattern(Some(PatternID::ZERO));
        let slots = caps.slots_mut();
        slots[0] = NonMaxUsize::new(start);
        slots[1] = NonMaxUsize::new(end);
        for (g, span) in st.best.iter().enumerate().skip(1) {
            if let Some((a, b)) = span {
                slots[2 * g] = NonMaxUsize::new(*a);
                slots[2 * g + 1] = NonMaxUsize::new(*b);
            }
        }
        Some(caps)
    }

    /// The leftmost-first match starting in `from..until` (character
    /// boundaries of the state's text), its captures left in `st.best`;
    /// `None` if the search gave up. Only starts the anchor allows are
    /// tried; every byte a start was judged by is counted as read.
    fn leftmost(
        &self,
        st: &mut State,
        haystack: &str,
        from: usize,
        until: usize,
    ) -> Option<Option<Range<usize>>> {
        let bytes = haystack.as_bytes();
        let mut start = from;
        loop {
            // A start stepped over a character may land past `until`.
            if start >= until {
                return Some(None);
            }
            start = match self.anchor {
                Some(Look::Start) if start > 0 => return Some(None),
                Some(Look::StartLf) if start > 0 && bytes[start - 1] != b'\n' => {
                    let next = memchr::memchr(b'\n', &bytes[start..until]);
                    note_read(next.map_or(until - start, |i| i + 1));
                    match next {
                        Some(i) => start + i + 1,
                        None => return Some(None),
                    }
                }
                _ => start,
            };
            if start >= until {
                return Some(None);
            }
            st.read(start + 1);
            if self.may_start(bytes, start) {
                if let Some(end) = self.at(start, st) {
                    return Some(Some(start..end));
                }
                if st.aborted {
                    return None;
                }
            }
            start += 1;
            while start < st.end && !haystack.is_char_boundary(start) {
                start += 1;
            }
        }
    }

    /// Whether a match can start at `start` of `bytes` (a character
    /// boundary): its first byte is one a match starts with, and there is
    /// an ASCII word boundary there if every match starts with one.
    fn may_start(&self, bytes: &[u8], start: usize) -> bool {
        let b = bytes[start];
        if self.first.as_ref().is_some_and(|f| !f[usize::from(b)]) {
            return false;
        }
        if self.boundary {
            let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
            let before = start > 0 && word(bytes[start - 1]);
            return before != word(b);
        }
        true
    }

    /// The end of the priority-first match starting at `start`, its
    /// captures left in `st.best`.
    fn at(&self, start: usize, st: &mut State) -> Option<usize> {
        st.steps = 0;
        st.depth = 0;
        st.slots.iter_mut().for_each(|s| *s = None);
        let mut end = None;
        let ok = st.m(&self.root, start, &mut |p, st| {
            end = Some(p);
            st.best.clone_from(&st.slots);
            true
        });
        if ok {
            end
        } else {
            None
        }
    }
}

/// Text where ASCII letters compared by lower case would differ from the
/// regex's case folding: `ſ` (U+017F) and the Kelvin sign (U+212A).
fn unfit(b: &[u8]) -> bool {
    memchr::memmem::find(b, "\u{17F}".as_bytes()).is_some()
        || memchr::memmem::find(b, "\u{212A}".as_bytes()).is_some()
}

type Cont<'k, 'h> = dyn FnMut(usize, &mut State<'h>) -> bool + 'k;

struct State<'h> {
    text: &'h [u8],
    /// Where a match must end by (the span's end); look-arounds see past.
    end: usize,
    slots: Vec<Option<(usize, usize)>>,
    best: Vec<Option<(usize, usize)>>,
    steps: usize,
    depth: usize,
    aborted: bool,
    /// The end of what the search has read (a start's byte, a literal, a
    /// character): see [`State::fit`].
    reach: usize,
}

impl<'h> State<'h> {
    fn new(haystack: &'h str, end: usize, groups: usize) -> State<'h> {
        State {
            text: haystack.as_bytes(),
            end,
            slots: vec![None; groups],
            best: vec![None; groups],
            steps: 0,
            depth: 0,
            aborted: false,
            reach: 0,
        }
    }

    /// Counts the bytes before `end` as read.
    fn read(&mut self, end: usize) {
        self.reach = self.reach.max(end);
    }

    /// `Some` if the program's answer stands: no `ſ` or Kelvin sign starts
    /// in what the search read from `from` on (a character that starts
    /// there ends at most three bytes later). Only what was read can have
    /// decided the answer, so this costs what the search did, where
    /// checking the whole text cost its length on every search (a long
    /// one-line note searched once per finding was quadratic).
    fn fit(&self, from: usize) -> Option<()> {
        let to = (self.reach + 3).min(self.text.len());
        let from = from.min(to);
        note_read(to - from);
        (!unfit(&self.text[from..to])).then_some(())
    }

    fn m(&mut self, node: &Node, at: usize, k: &mut Cont<'_, 'h>) -> bool {
        if self.aborted {
            return false;
        }
        self.steps += 1;
        if self.steps > STEPS || self.depth > DEPTH {
            self.aborted = true;
            return false;
        }
        self.depth += 1;
        let ok = self.node(node, at, k);
        self.depth -= 1;
        ok
    }

    fn node(&mut self, node: &Node, at: usize, k: &mut Cont<'_, 'h>) -> bool {
        match node {
            Node::Lit { bytes, ci } => {
                let end = at + bytes.len();
                if end > self.end {
                    return false;
                }
                self.read(end);
                let hay = &self.text[at..end];
                let same = if *ci {
                    hay.iter()
                        .zip(bytes.iter())
                        .all(|(h, b)| h.to_ascii_lowercase() == *b)
                } else {
                    hay == &bytes[..]
                };
                same && k(end, self)
            }
            Node::Class(ranges) => match self.char_at(at) {
                Some((c, len)) if in_class(ranges, c) => k(at + len, self),
                _ => false,
            },
            Node::Look(look) => self.look(*look, at) && k(at, self),
            Node::Concat(nodes) => self.seq(nodes, at, k),
            Node::Alt(alts, buckets, leads) => {
                let starts = |st: &mut State<'h>, i: usize| match &leads[i] {
                    None => true,
                    Some((bytes, ci)) => {
                        let end = at + bytes.len();
                        end <= st.end && {
                            st.read(end);
                            let hay = &st.text[at..end];
                            if *ci {
                                hay.iter()
                                    .zip(bytes.iter())
                                    .all(|(h, b)| h.to_ascii_lowercase() == *b)
                            } else {
                                hay == &bytes[..]
                            }
                        }
                    }
                };
                if let Some(b) = buckets.as_deref() {
                    let Some(&byte) = self.text.get(at).filter(|_| at < self.end) else {
                        return false;
                    };
                    self.read(at + 1);
                    for &i in b.of(byte) {
                        if !starts(self, i as usize) {
                            continue;
                        }
                        if self.m(&alts[i as usize], at, k) {
                            return true;
                        }
                        if self.aborted {
                            return false;
                        }
                    }
                    return false;
                }
                for (i, alt) in alts.iter().enumerate() {
                    if !starts(self, i) {
                        continue;
                    }
                    if self.m(alt, at, k) {
                        return true;
                    }
                    if self.aborted {
                        return false;
                    }
                }
                false
            }
            Node::Repeat {
                node,
                min,
                max,
                greedy,
            } => {
                if let Node::Class(ranges) = &**node {
                    return self.repeat_class(ranges, *min, *max, *greedy, at, k);
                }
                self.repeat(node, *min, *max, *greedy, 0, at, k)
            }
            Node::Capture { slot, node } => {
                let slot = *slot;
                let from = at;
                self.m(node, at, &mut |p, st: &mut State<'h>| {
                    let before = st.slots[slot];
                    st.slots[slot] = Some((from, p));
                    if k(p, st) {
                        return true;
                    }
                    st.slots[slot] = before;
                    false
                })
            }
        }
    }

    fn seq(&mut self, nodes: &[Node], at: usize, k: &mut Cont<'_, 'h>) -> bool {
        match nodes {
            [] => k(at, self),
            [only] => self.m(only, at, k),
            [first, rest @ ..] => {
                self.m(first, at, &mut |p, st: &mut State<'h>| st.seq(rest, p, k))
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn repeat(
        &mut self,
        node: &Node,
        min: u32,
        max: Option<u32>,
        greedy: bool,
        count: u32,
        at: usize,
        k: &mut Cont<'_, 'h>,
    ) -> bool {
        let more = max.is_none_or(|m| count < m);
        if !greedy && count >= min && k(at, self) {
            return true;
        }
        if self.aborted {
            return false;
        }
        if more
            && self.m(node, at, &mut |p, st: &mut State<'h>| {
                st.repeat(node, min, max, greedy, count + 1, p, k)
            })
        {
            return true;
        }
        if self.aborted {
            return false;
        }
        greedy && count >= min && k(at, self)
    }

    /// A repeat of one character class, without recursion per character
    /// (or allocation: the ends are stepped back over).
    #[allow(clippy::too_many_arguments)]
    fn repeat_class(
        &mut self,
        ranges: &[(char, char)],
        min: u32,
        max: Option<u32>,
        greedy: bool,
        at: usize,
        k: &mut Cont<'_, 'h>,
    ) -> bool {
        let (min, max) = (min as usize, max.map_or(usize::MAX, |m| m as usize));
        let mut count = 0usize;
        let mut p = at;
        if greedy {
            while count < max {
                match self.char_at(p) {
                    Some((c, len)) if in_class(ranges, c) => {
                        p += len;
                        count += 1;
                    }
                    _ => break,
                }
            }
            self.steps += count;
            loop {
                if count < min || self.aborted {
                    return false;
                }
                self.steps += 1;
                if self.steps > STEPS {
                    self.aborted = true;
                    return false;
                }
                if k(p, self) {
                    return true;
                }
                if count == 0 {
                    return false;
                }
                p -= 1;
                while self.text[p] & 0xC0 == 0x80 {
                    p -= 1;
                }
                count -= 1;
            }
        }
        loop {
            if count >= min {
                if self.aborted {
                    return false;
                }
                self.steps += 1;
                if self.steps > STEPS {
                    self.aborted = true;
                    return false;
                }
                if k(p, self) {
                    return true;
                }
            }
            if count >= max {
                return false;
            }
            match self.char_at(p) {
                Some((c, len)) if in_class(ranges, c) => {
                    p += len;
                    count += 1;
                }
                _ => return false,
            }
        }
    }

    fn char_at(&mut self, at: usize) -> Option<(char, usize)> {
        if at >= self.end {
            return None;
        }
        let b = self.text[at];
        if b < 0x80 {
            self.read(at + 1);
            return Some((char::from(b), 1));
        }
        let len = match b {
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            _ => 4,
        };
        let end = (at + len).min(self.end);
        self.read(end);
        let s = std::str::from_utf8(&self.text[at..end]).ok()?;
        s.chars().next().map(|c| (c, len))
    }

    fn look(&self, look: Look, at: usize) -> bool {
        let word = |i: usize| {
            self.text
                .get(i)
                .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_')
        };
        let before = at.checked_sub(1).is_some_and(word);
        let after = word(at);
        match look {
            Look::WordAscii => before != after,
            Look::NotWordAscii => before == after,
            Look::WordUnicode | Look::NotWordUnicode => {
                let before = word_before(self.text, at);
                let after = word_after(self.text, at);
                (before != after) == matches!(look, Look::WordUnicode)
            }
            Look::Start => at == 0,
            Look::End => at == self.text.len(),
            Look::StartLf => at == 0 || self.text[at - 1] == b'\n',
            Look::EndLf => at == self.text.len() || self.text[at] == b'\n',
        }
    }
}

/// Whether the character ending at `at` is a word character (Unicode's
/// `\w`, as the regex crate's `\b` sees it).
fn word_before(text: &[u8], at: usize) -> bool {
    match at.checked_sub(1).map(|i| text[i]) {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric() || b == b'_',
        Some(_) => {
            let from = at.saturating_sub(4);
            let from = (from..at).find(|&i| text[i] & 0xC0 != 0x80).unwrap_or(from);
            std::str::from_utf8(&text[from..at])
                .ok()
                .and_then(|s| s.chars().next_back())
                .is_some_and(regex_syntax::is_word_character)
        }
    }
}

/// Whether the character starting at `at` is a word character.
fn word_after(text: &[u8], at: usize) -> bool {
    match text.get(at) {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric() || *b == b'_',
        Some(_) => {
            let to = (at + 4).min(text.len());
            let bytes = &text[at..to];
            let valid = match std::str::from_utf8(bytes) {
                Ok(s) => s,
                Err(e) => std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or(""),
            };
            valid
                .chars()
                .next()
                .is_some_and(regex_syntax::is_word_character)
        }
    }
}

fn in_class(ranges: &[(char, char)], c: char) -> bool {
    let i = ranges.partition_point(|r| r.1 < c);
    ranges.get(i).is_some_and(|r| r.0 <= c)
}

/// `Start` if every match of `node` starts at the text's start, `StartLf`
/// if every one starts at a line's start (or the text's).
fn anchor(node: &Node) -> Option<Look> {
    match node {
        Node::Look(look @ (Look::Start | Look::StartLf)) => Some(*look),
        Node::Concat(nodes) => nodes.first().and_then(anchor),
        Node::Capture { node, .. } => anchor(node),
        Node::Alt(alts, ..) => {
            let mut all = Look::Start;
            for alt in alts {
                if let Look::StartLf = anchor(alt)? {
                    all = Look::StartLf;
                }
            }
            (!alts.is_empty()).then_some(all)
        }
        _ => None,
    }
}

/// Whether every match of `node` starts with an ASCII `\b` (checked
/// before anything else, so a start without one fails at once).
fn starts_at_boundary(node: &Node) -> bool {
    match node {
        Node::Look(Look::WordAscii) => true,
        Node::Concat(nodes) => nodes.first().is_some_and(starts_at_boundary),
        Node::Capture { node, .. } => starts_at_boundary(node),
        Node::Alt(alts, ..) => !alts.is_empty() && alts.iter().all(starts_at_boundary),
        _ => false,
    }
}

/// The fewest bytes a node can match (0: it can match nothing).
fn min_len(node: &Node) -> usize {
    match node {
        Node::Lit { bytes, .. } => bytes.len(),
        Node::Class(_) => 1,
        Node::Look(_) => 0,
        Node::Concat(nodes) => nodes.iter().map(min_len).sum(),
        Node::Alt(alts, ..) => alts.iter().map(min_len).min().unwrap_or(0),
        Node::Repeat { node, min, .. } => min_len(node) * *min as usize,
        Node::Capture { node, .. } => min_len(node),
    }
}

/// Whether every repeat's body consumes something each time: a body that
/// can match nothing repeats by the regex crate's rules for empty loops,
/// which plain backtracking does not follow.
fn repeats_progress(node: &Node) -> bool {
    match node {
        Node::Lit { .. } | Node::Class(_) | Node::Look(_) => true,
        Node::Concat(nodes) => nodes.iter().all(repeats_progress),
        Node::Alt(alts, ..) => alts.iter().all(repeats_progress),
        Node::Repeat { node, .. } => min_len(node) > 0 && repeats_progress(node),
        Node::Capture { node, .. } => repeats_progress(node),
    }
}

/// The bytes a match of `node` can start with, or `None` for any (or a
/// node that can match nothing, whose successor decides).
fn firsts(node: &Node) -> Option<[bool; 256]> {
    let mut set = [false; 256];
    if first_into(node, &mut set) {
        Some(set)
    } else {
        None
    }
}

/// Adds to `set` every byte a non-empty match of `node` can start with;
/// false if it cannot say. Whether the node can match nothing is
/// [`min_len`]'s to say.
fn first_into(node: &Node, set: &mut [bool; 256]) -> bool {
    match node {
        Node::Lit { bytes, ci } => match bytes.first() {
            Some(&b) => {
                set[usize::from(b)] = true;
                if *ci {
                    set[usize::from(b.to_ascii_uppercase())] = true;
                }
                true
            }
            None => true,
        },
        Node::Class(ranges) => {
            for &(a, b) in ranges.iter() {
                if a.is_ascii() {
                    let hi = if b.is_ascii() { b as u8 } else { 127 };
                    for x in (a as u8)..=hi {
                        set[usize::from(x)] = true;
                    }
                }
                if !b.is_ascii() {
                    set[0xC0..].iter_mut().for_each(|s| *s = true);
                }
            }
            true
        }
        Node::Look(_) => true,
        Node::Concat(nodes) => {
            for n in nodes {
                if !first_into(n, set) {
                    return false;
                }
                if min_len(n) > 0 {
                    return true;
                }
            }
            true
        }
        Node::Alt(alts, ..) => alts.iter().all(|a| first_into(a, set)),
        Node::Repeat { node, .. } => first_into(node, set),
        Node::Capture { node, .. } => first_into(node, set),
    }
}

impl<'s> Parser<'s> {
    fn peek(&self) -> Option<char> {
        self.src[self.at..].chars().next()
    }

    fn rest(&self) -> &'s str {
        &self.src[self.at..]
    }

    fn alternation(&mut self, flags: &mut Flags) -> Result<Node, No> {
        let mut alts = vec![self.concat(flags)?];
        while self.peek() == Some('|') {
            self.at += 1;
            alts.push(self.concat(flags)?);
        }
        if alts.len() == 1 {
            return Ok(alts.pop().unwrap_or(Node::Concat(Vec::new())));
        }
        let buckets = (alts.len() > 8).then(|| buckets(&alts)).flatten();
        let leads = alts.iter().map(lead).collect();
        Ok(Node::Alt(alts, buckets.map(Box::new), leads))
    }

    fn concat(&mut self, flags: &mut Flags) -> Result<Node, No> {
        let mut nodes: Vec<Node> = Vec::new();
        loop {
            match self.peek() {
                None | Some('|') | Some(')') => break,
                _ => {}
            }
            // A run of plain characters (none quantified) is read at once.
            let rest = self.rest().as_bytes();
            let mut n = 0;
            while n < rest.len()
                && plain(rest[n])
                && !matches!(rest.get(n + 1), Some(b'?' | b'*' | b'+' | b'{'))
            {
                n += 1;
            }
            let node = if n > 0 {
                let mut bytes = rest[..n].to_vec();
                if flags.ci {
                    bytes.make_ascii_lowercase();
                }
                self.at += n;
                Node::Lit {
                    bytes: bytes.into_boxed_slice(),
                    ci: flags.ci,
                }
            } else {
                let Some(atom) = self.atom(flags)? else {
                    continue;
                };
                self.quantified(atom)?
            };
            // Runs of literal characters become one word.
            if let (Some(Node::Lit { bytes, ci }), Node::Lit { bytes: b2, ci: c2 }) =
                (nodes.last_mut(), &node)
            {
                if *ci == *c2 {
                    let mut joined = bytes.to_vec();
                    joined.extend_from_slice(b2);
                    *bytes = joined.into_boxed_slice();
                    continue;
                }
            }
            nodes.push(node);
        }
        Ok(if nodes.len() == 1 {
            nodes.pop().unwrap_or(Node::Concat(Vec::new()))
        } else {
            Node::Concat(nodes)
        })
    }

    fn quantified(&mut self, atom: Node) -> Result<Node, No> {
        let (min, max) = match self.peek() {
            Some('?') => (0, Some(1)),
            Some('*') => (0, None),
            Some('+') => (1, None),
            Some('{') => {
                let close = self.rest().find('}').ok_or(No)?;
                let inside = &self.rest()[1..close];
                let num = |s: &str| s.parse::<u32>().ok().filter(|&n| n <= 1000).ok_or(No);
                let bounds = match inside.split_once(',') {
                    None => (num(inside)?, Some(num(inside)?)),
                    Some((a, "")) => (num(a)?, None),
                    Some((a, b)) => (num(a)?, Some(num(b)?)),
                };
                self.at += close;
                bounds
            }
            _ => return Ok(atom),
        };
        self.at += 1;
        let greedy = if self.peek() == Some('?') {
            self.at += 1;
            false
        } else {
            true
        };
        if matches!(self.peek(), Some('?' | '*' | '+' | '{')) {
            return Err(No);
        }
        if max.is_some_and(|m| m < min) {
            return Err(No);
        }
        Ok(Node::Repeat {
            node: Box::new(atom),
            min,
            max,
            greedy,
        })
    }

    /// One atom; `None` for inline flags, which match nothing.
    fn atom(&mut self, flags: &mut Flags) -> Result<Option<Node>, No> {
        let c = self.peek().ok_or(No)?;
        match c {
            '(' => self.group(flags),
            '[' => {
                let len = class_len(self.rest()).ok_or(No)?;
                let text = &self.rest()[..len];
                let node = self.by_regex_syntax(text, flags)?;
                self.at += len;
                Ok(Some(node))
            }
            '\\' => {
                let next = self.rest()[1..].chars().next().ok_or(No)?;
                match next {
                    'p' | 'P' => {
                        let after = &self.rest()[2..];
                        let len = if after.starts_with('{') {
                            after.find('}').ok_or(No)? + 1
                        } else {
                            after.chars().next().ok_or(No)?.len_utf8()
                        };
                        let text = &self.rest()[..2 + len];
                        let node = self.by_regex_syntax(text, flags)?;
                        self.at += 2 + len;
                        Ok(Some(node))
                    }
                    'b' | 'B' if self.unicode => {
                        self.at += 2;
                        Ok(Some(Node::Look(if next == 'b' {
                            Look::WordUnicode
                        } else {
                            Look::NotWordUnicode
                        })))
                    }
                    'w' | 'W' | 'd' | 'D' if self.unicode => {
                        let node = self.by_regex_syntax(&self.rest()[..2], flags)?;
                        self.at += 2;
                        Ok(Some(node))
                    }
                    's' | 'S' => {
                        let node = self.by_regex_syntax(&self.rest()[..2], flags)?;
                        self.at += 2;
                        Ok(Some(node))
                    }
                    'A' => {
                        self.at += 2;
                        Ok(Some(Node::Look(Look::Start)))
                    }
                    'z' => {
                        self.at += 2;
                        Ok(Some(Node::Look(Look::End)))
                    }
                    'n' | 't' => {
                        self.at += 2;
                        Ok(Some(
                            self.literal(if next == 'n' { '\n' } else { '\t' }, flags)?,
                        ))
                    }
                    c if c.is_ascii_punctuation() => {
                        self.at += 2;
                        Ok(Some(self.literal(c, flags)?))
                    }
                    _ => Err(No),
                }
            }
            '.' => {
                let node = self.by_regex_syntax(".", flags)?;
                self.at += 1;
                Ok(Some(node))
            }
            '^' => {
                self.at += 1;
                Ok(Some(Node::Look(if flags.multi_line {
                    Look::StartLf
                } else {
                    Look::Start
                })))
            }
            '$' => {
                self.at += 1;
                Ok(Some(Node::Look(if flags.multi_line {
                    Look::EndLf
                } else {
                    Look::End
                })))
            }
            '?' | '*' | '+' | '{' | ')' | '|' => Err(No),
            c => {
                self.at += c.len_utf8();
                Ok(Some(self.literal(c, flags)?))
            }
        }
    }

    fn literal(&self, c: char, flags: &Flags) -> Result<Node, No> {
        if c.is_ascii_alphabetic() {
            let b = c as u8;
            return Ok(Node::Lit {
                bytes: Box::new([if flags.ci { b.to_ascii_lowercase() } else { b }]),
                ci: flags.ci,
            });
        }
        let cased =
            c.to_lowercase().ne(std::iter::once(c)) || c.to_uppercase().ne(std::iter::once(c));
        if !c.is_ascii() && (cased || flags.ci) {
            // Whatever case folding does with it, regex-syntax knows.
            let mut buf = [0u8; 4];
            let escaped = regex_syntax::escape(c.encode_utf8(&mut buf));
            return self.by_regex_syntax(&escaped, flags);
        }
        let mut buf = [0u8; 4];
        Ok(Node::Lit {
            bytes: c.encode_utf8(&mut buf).as_bytes().into(),
            ci: flags.ci,
        })
    }

    /// One class (or character) read by regex-syntax with the flags in
    /// force, so its case folding is the regex's.
    fn by_regex_syntax(&self, text: &str, flags: &Flags) -> Result<Node, No> {
        // The same few classes (`[^\s.?!]` of every gap, `\s`) recur in
        // every pattern: each is read once per run.
        type Read = Option<(Box<[(char, char)]>, Option<Box<[u8]>>)>;
        type Seen = std::collections::HashMap<(String, bool, bool), Read>;
        static SEEN: std::sync::LazyLock<std::sync::Mutex<Seen>> =
            std::sync::LazyLock::new(Default::default);
        let key = (text.to_string(), flags.ci, flags.multi_line);
        if let Some(read) = SEEN.lock().ok().and_then(|seen| seen.get(&key).cloned()) {
            return match read {
                Some((_, Some(bytes))) => Ok(Node::Lit { bytes, ci: false }),
                Some((ranges, None)) => Ok(Node::Class(ranges)),
                None => Err(No),
            };
        }
        let node = self.read_class(text, flags);
        let read = match &node {
            Ok(Node::Lit { bytes, .. }) => Some((Box::default(), Some(bytes.clone()))),
            Ok(Node::Class(ranges)) => Some((ranges.clone(), None)),
            _ => None,
        };
        if let Ok(mut seen) = SEEN.lock() {
            seen.insert(key, read);
        }
        node
    }

    fn read_class(&self, text: &str, flags: &Flags) -> Result<Node, No> {
        let hir = regex_syntax::ParserBuilder::new()
            .case_insensitive(flags.ci)
            .multi_line(flags.multi_line)
            .build()
            .parse(text)
            .map_err(|_| No)?;
        match hir.into_kind() {
            HirKind::Class(Class::Unicode(class)) => Ok(Node::Class(
                class
                    .ranges()
                    .iter()
                    .map(|r| (r.start(), r.end()))
                    .collect(),
            )),
            HirKind::Literal(lit) => Ok(Node::Lit {
                bytes: lit.0,
                ci: false,
            }),
            _ => Err(No),
        }
    }

    fn group(&mut self, flags: &mut Flags) -> Result<Option<Node>, No> {
        let rest = self.rest();
        // `(?-u:\b)` and its kin, as `ascii_words` writes them.
        for (text, node) in [
            (r"(?-u:\b)", Some(Node::Look(Look::WordAscii))),
            (r"(?-u:\B)", Some(Node::Look(Look::NotWordAscii))),
            (
                r"(?-u:\w)",
                Some(ascii_class(&[
                    ('0', '9'),
                    ('A', 'Z'),
                    ('_', '_'),
                    ('a', 'z'),
                ])),
            ),
            (r"(?-u:\d)", Some(ascii_class(&[('0', '9')]))),
        ] {
            if rest.starts_with(text) {
                self.at += text.len();
                return Ok(node);
            }
        }
        let mut inner = *flags;
        let capture = if let Some(after) = rest.strip_prefix("(?:") {
            let _ = after;
            self.at += 3;
            None
        } else if rest.starts_with("(?P<") || rest.starts_with("(?<") {
            let open = rest.find('<').ok_or(No)?;
            let close = rest.find('>').ok_or(No)?;
            let name = &rest[open + 1..close];
            if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                return Err(No);
            }
            let name = name.to_string();
            self.at += close + 1;
            self.names.push(Some(name));
            Some(self.names.len() - 1)
        } else if let Some(after) = rest.strip_prefix("(?") {
            // Flags: `(?i:…)`, `(?-i)`, `(?m:…)`.
            let end = after.find([':', ')']).ok_or(No)?;
            let mut on = true;
            let mut target = *flags;
            for c in after[..end].chars() {
                match c {
                    '-' if on => on = false,
                    'i' => target.ci = on,
                    'm' => target.multi_line = on,
                    _ => return Err(No),
                }
            }
            self.at += 2 + end + 1;
            if after.as_bytes()[end] == b')' {
                *flags = target;
                return Ok(None);
            }
            inner = target;
            None
        } else {
            self.at += 1;
            self.names.push(None);
            Some(self.names.len() - 1)
        };
        let node = self.alternation(&mut inner)?;
        if self.peek() != Some(')') {
            return Err(No);
        }
        self.at += 1;
        Ok(Some(match capture {
            Some(slot) => Node::Capture {
                slot,
                node: Box::new(node),
            },
            None => node,
        }))
    }
}

/// A character that stands for itself in a pattern, whatever the flags
/// (as [`Parser::literal`] reads an ASCII one).
fn plain(b: u8) -> bool {
    b.is_ascii_alphanumeric()
        || matches!(
            b,
            b' ' | b'\'' | b',' | b'-' | b'_' | b':' | b';' | b'/' | b'"' | b'!' | b'&'
        )
}

fn ascii_class(ranges: &[(char, char)]) -> Node {
    Node::Class(ranges.into())
}

/// The length of the bracketed class at the start of `text`.
fn class_len(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    let mut at_start = false;
    while i < bytes.len() {
        let was_start = std::mem::take(&mut at_start);
        match bytes[i] {
            b'\\' => i += 1,
            b'[' => {
                depth += 1;
                at_start = true;
                if bytes.get(i + 1) == Some(&b'^') {
                    i += 1;
                }
            }
            b']' if !was_start => {
                depth -= 1;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// The word every match of `node` starts with, if it starts with one
/// (look-arounds before it match nothing, so they are passed over).
fn lead(node: &Node) -> Option<Lead> {
    match node {
        Node::Lit { bytes, ci } if !bytes.is_empty() => Some((bytes.clone(), *ci)),
        Node::Concat(nodes) => nodes
            .iter()
            .find(|n| !matches!(n, Node::Look(_)))
            .and_then(lead),
        Node::Capture { node, .. } => lead(node),
        _ => None,
    }
}

/// Per first byte, the alternatives that can start with it; `None` if an
/// alternative cannot say.
fn buckets(alts: &[Node]) -> Option<Buckets> {
    // (byte, alternative), alternatives in order.
    let mut pairs: Vec<(u8, u32)> = Vec::with_capacity(alts.len() * 2);
    for (i, alt) in alts.iter().enumerate() {
        if min_len(alt) == 0 {
            return None;
        }
        let set = firsts(alt)?;
        // Eight bytes at a time: most alternatives start with one or two.
        for (c, chunk) in set.chunks_exact(8).enumerate() {
            if chunk.iter().all(|&on| !on) {
                continue;
            }
            for (j, &on) in chunk.iter().enumerate() {
                if on {
                    pairs.push(((c * 8 + j) as u8, i as u32));
                }
            }
        }
    }
    let mut starts = Box::new([0u32; 257]);
    for &(b, _) in &pairs {
        starts[usize::from(b) + 1] += 1;
    }
    for b in 1..257 {
        starts[b] += starts[b - 1];
    }
    let mut next = *starts;
    let mut out = vec![0u32; pairs.len()].into_boxed_slice();
    // By byte, each byte's alternatives in order (the pairs come so).
    for &(b, i) in &pairs {
        let at = &mut next[usize::from(b)];
        out[*at as usize] = i;
        *at += 1;
    }
    Some(Buckets { starts, alts: out })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rule::pattern::{Pattern, Speed};
    use regex_automata::Input;

    /// What the regex finds in `span` of `text`: the non-empty matches
    /// and, at each, every group's span (as `Engine::captures` searches).
    fn by_regex(p: &Pattern, text: &str, span: Range<usize>) -> Vec<Vec<Option<Range<usize>>>> {
        let mut found = Vec::new();
        p.find_all_in(Speed::Lean, text, span, &mut found);
        let re = p.regex(Speed::Lean);
        found
            .into_iter()
            .map(|m| {
                let mut caps = re.create_captures();
                let input = Input::new(text)
                    .range(m.start..)
                    .anchored(regex_automata::Anchored::Yes);
                re.search_captures(&input, &mut caps);
                let mut groups = vec![Some(m.clone())];
                groups.extend((1..caps.group_len()).map(|g| caps.get_group(g).map(|s| s.range())));
                groups
            })
            .collect()
    }

    fn by_program(
        prog: &Program,
        text: &str,
        span: Range<usize>,
    ) -> Option<Vec<Vec<Option<Range<usize>>>>> {
        let mut found = Vec::new();
        prog.find_all(text, span, &mut found)?;
        found
            .into_iter()
            .map(|m| {
                let caps = prog.captures(text, m.start)?;
                let mut groups = vec![Some(m.clone())];
                groups.extend((1..caps.group_len()).map(|g| caps.get_group(g).map(|s| s.range())));
                Some(groups)
            })
            .collect()
    }

    /// Texts to compare on: the annotated sets, the blind sets (held-out
    /// set b left out: no helper opens it) and the fixture corpus, in
    /// chunks of a few lines (so matches meet line breaks too).
    fn texts() -> Vec<(String, String)> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        for dir in ["tests/accuracy", "bench/blind"] {
            let mut found: Vec<_> = std::fs::read_dir(root.join(dir))
                .unwrap()
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "tsv"))
                .filter(|p| !p.ends_with("set-2026-12-05-b.tsv"))
                .collect();
            found.sort();
            files.extend(found);
        }
        fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
            let mut entries: Vec<_> = std::fs::read_dir(dir)
                .unwrap()
                .filter_map(|e| e.ok().map(|e| e.path()))
                .collect();
            entries.sort();
            for p in entries {
                if p.is_dir() {
                    walk(&p, out);
                } else if p.extension().is_some_and(|e| e == "md" || e == "txt") {
                    out.push(p);
                }
            }
        }
        walk(&root.join("fixtures/corpus"), &mut files);
        let mut texts = Vec::new();
        for f in files {
            let Ok(all) = std::fs::read_to_string(&f) else {
                continue;
            };
            let lines: Vec<&str> = all.lines().collect();
            for (i, chunk) in lines.chunks(8).enumerate() {
                texts.push((format!("{}:{}", f.display(), i * 8 + 1), chunk.join("\n")));
            }
        }
        texts
    }

    /// Issue 19's proof: every built-in pattern that has a program finds,
    /// where its triggers let the engine run it, exactly the matches and
    /// captures its regex finds, over a whole chunk and over a part of it
    /// (look-arounds seeing past the part's edges, as for the engine's
    /// stretches).
    /// A sample of the texts (every 61st chunk) in the lib tests, which
    /// are unoptimised; the whole of them with `--ignored` in a release
    /// build (`docs/performance.md` says how).
    #[test]
    fn programs_match_exactly_what_the_regexes_match_on_a_sample() {
        let texts: Vec<_> = texts().into_iter().step_by(61).collect();
        compare(&texts);
    }

    #[test]
    #[ignore = "minutes unoptimised: run in a release build"]
    fn programs_match_exactly_what_the_regexes_match() {
        let texts = texts();
        assert!(texts.len() > 1000, "{}", texts.len());
        compare(&texts);
    }

    fn compare(texts: &[(String, String)]) {
        let mut sources: Vec<&str> = crate::rule::pattern::builtin_word_regexes()
            .chain(crate::rule::pack::builtin_regexes())
            .collect();
        sources.sort();
        sources.dedup();
        let mut with_program = 0;
        let mut compared = 0;
        for source in &sources {
            let p = Pattern::parse(source).unwrap();
            let Some(prog) = p.program() else {
                continue;
            };
            with_program += 1;
            for (place, text) in texts {
                let lower = text.to_ascii_lowercase();
                if !p.may_match(&lower) {
                    continue;
                }
                let cut = (text.len() / 3..text.len())
                    .find(|&i| text.is_char_boundary(i))
                    .unwrap_or(text.len());
                for span in [0..text.len(), cut..text.len()] {
                    let want = by_regex(&p, text, span.clone());
                    let got = by_program(prog, text, span.clone());
                    if let Some(got) = got {
                        compared += 1;
                        let blind = place.contains("bench/blind");
                        assert_eq!(
                            got,
                            want,
                            "{source}\nat {place}, span {span:?}\n{}",
                            if blind {
                                "(blind set: text not shown)"
                            } else {
                                text
                            }
                        );
                    }
                }
            }
        }
        eprintln!(
            "{with_program} of {} patterns have programs; {compared} searches compared",
            sources.len()
        );
        assert!(
            with_program * 10 > sources.len() * 9,
            "{with_program} of {}",
            sources.len()
        );
    }

    #[test]
    fn priority_order_greedy_lazy_and_captures() {
        for (source, text) in [
            (r"(?:\bhe|\bher)\b", "give her it"),
            (r"a(?P<x>b+?)(?P<y>b*)c", "xabbbc"),
            (
                r"\bnot(?: [^\s.?!]+){0,2} motivated\b",
                "not very motivated. not x y z motivated",
            ),
            (r"(?m:^)(?:very )?rude", "x\nVery rude\nrude"),
            (r"(?:(?-i:[A-Z][a-z]+)) is", "Sam is, sam is"),
            (r"(?P<w>\w+)(?:'s)? fault", "it's Mum's fault"),
        ] {
            let p = Pattern::parse(source).unwrap();
            let prog = p.program().unwrap_or_else(|| panic!("{source}"));
            let span = 0..text.len();
            assert_eq!(
                by_program(prog, text, span.clone()).unwrap(),
                by_regex(&p, text, span),
                "{source}"
            );
        }
        // What a program cannot do exactly stays on the regex.
        for source in [r"(?:a?)*b", r"(?s:.)x", r"a?", r"\x41", r"(?U)a+"] {
            assert!(Program::new(source).is_none(), "{source}");
        }
        // Text with `ſ` or the Kelvin sign is the regex's.
        let prog = Program::new("sick").unwrap();
        assert!(prog.find_all("ſick", 0..4, &mut Vec::new()).is_none());
    }

    /// A search reads what decides its answer, not the rest of the text
    /// (issue 19: a suggestion searching from its finding to the end of a
    /// long one-line note, once per finding, was quadratic).
    #[test]
    fn a_search_reads_only_what_decides_it() {
        let long = format!("she was late. {}", "we met. ".repeat(100_000));
        // Anchored at the start: one attempt, a few bytes.
        let prog = Program::for_regex(r"^(?:she|he)\b").unwrap();
        let (found, read) = count_reads(|| prog.search(&long, 0..long.len()));
        assert_eq!(found, Some(Some(vec![Some((0, 3))])));
        assert!(read < 16, "{read} bytes read");
        let (found, read) = count_reads(|| prog.search(&long, 1..long.len()));
        assert_eq!(found, Some(None));
        assert!(read < 16, "{read} bytes read");
        // A line's start: the starts between are skipped, not tried.
        let prog = Program::new(r"(?m:^)(?:very )?rude").unwrap();
        let text = "x rude\nVery rude\nrude";
        let mut found = Vec::new();
        prog.find_all(text, 0..text.len(), &mut found).unwrap();
        assert_eq!(found, [7..16, 17..21]);
        // Unanchored: up to the match.
        let prog = Program::for_regex(r"\blate\b").unwrap();
        let (found, read) = count_reads(|| prog.search(&long, 0..long.len()));
        assert_eq!(found, Some(Some(vec![Some((8, 12))])));
        assert!(read < 24, "{read} bytes read");
        // `ſ` after what the search read leaves the answer to the program;
        // `ſ` where it looked (a start it judged by its first byte) hands
        // the search to the regex, which matches `ſick` as `sick`.
        let prog = Program::new("sick").unwrap();
        let text = "sick. ſick";
        assert_eq!(
            prog.search(text, 0..text.len()),
            Some(Some(vec![Some((0, 4))]))
        );
        assert_eq!(prog.search(text, 1..text.len()), None);
        assert_eq!(prog.search("ſick sick", 0..10), None);
    }
}
