//! The part of regex-automata's `meta` interface the suggestions use,
//! matched by a [`Program`] where one reads the pattern (issue 19).
//!
//! Compiling the suggestions' regexes (parse, translation, NFA) was the
//! largest part of a one-note run left after round 15 (71 M of 187 M
//! instructions), though each one searches a few sentences. A [`Regex`]
//! built here reads its pattern with [`Program::for_regex`] (a few
//! hundred thousand instructions where compiling cost millions) and
//! searches with it; the regex is compiled only for a pattern the program
//! cannot read, or for a search the program hands back (a text with `ſ`
//! or the Kelvin sign, or one that would backtrack too long). The program
//! matches leftmost-first in priority order, as the regex does, so the
//! matches and groups are the regex's: `rule::meta::tests` compares them on
//! every suggestion regex over the annotated sets and the fixture corpus.
//!
//! `src/suggest/regex.rs` builds its regexes with `use crate::rule::meta;`
//! where it had `use regex_automata::meta;`: the same names, the same
//! calls.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

use regex_automata::util::captures::{Captures, GroupInfo};
use regex_automata::util::primitives::NonMaxUsize;
use regex_automata::util::syntax;
use regex_automata::{Anchored, Input, Match, MatchKind, PatternID};

pub use regex_automata::meta::{BuildError, Config};

use super::program::{note_read, Program};

pub use super::program::count_reads;

/// When set, every program search is also made by the compiled regex,
/// and a difference is recorded (tests only: see [`verify_programs`]).
static VERIFY: AtomicBool = AtomicBool::new(false);
static VERIFIED: AtomicUsize = AtomicUsize::new(0);
static DIFFERENT: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Tests only: from now on (`true`), check every program search against
/// the compiled regex (and let programs search without the
/// [`PROGRAM_SEARCHES`] limit); the differences are returned by
/// [`program_differences`].
#[doc(hidden)]
pub fn verify_programs(on: bool) {
    VERIFY.store(on, Ordering::SeqCst);
}

/// Tests only: how many program searches were checked, and the ones whose
/// match or groups differed from the regex's.
#[doc(hidden)]
pub fn program_differences() -> (usize, Vec<String>) {
    let different = DIFFERENT.lock().map(|d| d.clone()).unwrap_or_default();
    (VERIFIED.load(Ordering::SeqCst), different)
}

/// As regex-automata's `meta::Builder`.
#[derive(Clone, Debug, Default)]
pub struct Builder {
    config: Config,
    syntax: syntax::Config,
}

impl Builder {
    pub fn new() -> Builder {
        Builder {
            config: Config::new(),
            syntax: syntax::Config::new(),
        }
    }

    pub fn configure(&mut self, config: Config) -> &mut Builder {
        self.config = config;
        self
    }

    pub fn syntax(&mut self, config: syntax::Config) -> &mut Builder {
        self.syntax = config;
        self
    }

    /// The regex of `pattern`: read into a program if the configuration is
    /// the regex crate's default one a program reproduces, else compiled
    /// now (so a pattern that does not compile fails here, as before).
    #[allow(clippy::result_large_err)]
    pub fn build(&self, pattern: &str) -> Result<Regex, BuildError> {
        let program = self
            .plain()
            .then(|| Program::for_regex(pattern))
            .flatten()
            .and_then(|p| {
                let info = GroupInfo::new([p.names().iter().map(|n| n.as_deref())]).ok()?;
                Some((p, info))
            });
        let regex = Regex {
            pattern: pattern.into(),
            builder: self.clone(),
            program,
            meta: OnceLock::new(),
            left: self
                .config
                .get_hybrid()
                .then(|| AtomicUsize::new(PROGRAM_SEARCHES)),
        };
        if regex.program.is_none() {
            let meta = regex.compile()?;
            let _ = regex.meta.set(meta);
        }
        Ok(regex)
    }

    /// Whether the syntax and match semantics are the ones
    /// [`Program::for_regex`] reads a pattern with.
    fn plain(&self) -> bool {
        let s = &self.syntax;
        self.config.get_match_kind() == MatchKind::LeftmostFirst
            && self.config.get_utf8_empty()
            && !s.get_case_insensitive()
            && !s.get_multi_line()
            && !s.get_dot_matches_new_line()
            && !s.get_crlf()
            && !s.get_swap_greed()
            && !s.get_ignore_whitespace()
            && s.get_unicode()
            && s.get_utf8()
    }
}

/// As regex-automata's `meta::Regex`, for the calls the suggestions make.
#[derive(Debug)]
pub struct Regex {
    pattern: Box<str>,
    builder: Builder,
    program: Option<(Program, GroupInfo)>,
    meta: OnceLock<regex_automata::meta::Regex>,
    /// Searches left to the program before the regex is compiled for the
    /// rest (see [`PROGRAM_SEARCHES`]); `None`: no limit.
    left: Option<AtomicUsize>,
}

/// How many searches a program makes before its regex, configured with
/// the lazy DFA (a run over many notes, see `suggest::regex::lean`), is
/// compiled and searches instead: over a folder, a regex searched
/// thousands of times pays back its compilation (and the program, which
/// tries every start, is slower per search than the lazy DFA); a regex
/// searched a few times never does. Lean regexes (a few notes) stay on
/// their program.
const PROGRAM_SEARCHES: usize = 64;

impl Regex {
    #[allow(clippy::result_large_err)]
    fn compile(&self) -> Result<regex_automata::meta::Regex, BuildError> {
        regex_automata::meta::Builder::new()
            .configure(self.builder.config.clone())
            .syntax(self.builder.syntax)
            .build(&self.pattern)
    }

    /// The compiled regex (compiled now if it is not yet).
    fn meta(&self) -> &regex_automata::meta::Regex {
        self.meta.get_or_init(|| {
            self.compile()
                .expect("a pattern read as a program compiles")
        })
    }

    /// The compiled regex, to search `input`, its span counted as read
    /// (see [`count_reads`]), unless every match starts at the text's
    /// start: regex-automata searches such a pattern anchored, reading no
    /// further than a match could reach.
    fn regex_for(&self, input: &Input<'_>) -> &regex_automata::meta::Regex {
        if !self.program.as_ref().is_some_and(|(p, _)| p.anchored()) {
            note_read(input.get_span().len());
        }
        self.meta()
    }

    /// The program's leftmost-first match in `input`, whose haystack is
    /// `text`, groups included; `None` if the regex must search.
    #[allow(clippy::type_complexity)]
    fn search(
        &self,
        text: &str,
        input: &Input<'_>,
    ) -> Option<(&GroupInfo, Option<Vec<Option<(usize, usize)>>>)> {
        let (program, info) = self.program.as_ref()?;
        let verify = VERIFY.load(Ordering::Relaxed);
        if let Some(left) = self.left.as_ref().filter(|_| !verify) {
            left.fetch_update(Ordering::Relaxed, Ordering::Relaxed, |n| n.checked_sub(1))
                .ok()?;
        }
        if input.get_anchored() != Anchored::No || input.get_earliest() {
            return None;
        }
        let found = program.search(text, input.get_span().range())?;
        if verify {
            self.verify(input, &found);
        }
        Some((info, found))
    }

    /// Records a program's search that differs from the regex's.
    fn verify(&self, input: &Input<'_>, found: &Option<Vec<Option<(usize, usize)>>>) {
        let meta = self.meta();
        let mut caps = meta.create_captures();
        meta.search_captures(input, &mut caps);
        let want: Option<Vec<Option<(usize, usize)>>> = caps.is_match().then(|| {
            (0..caps.group_len())
                .map(|g| caps.get_group(g).map(|s| (s.start, s.end)))
                .collect()
        });
        VERIFIED.fetch_add(1, Ordering::Relaxed);
        if want != *found {
            if let Ok(mut d) = DIFFERENT.lock() {
                d.push(format!(
                    "{} on {:?} from {}: regex {want:?}, program {found:?}",
                    self.pattern,
                    String::from_utf8_lossy(input.haystack()),
                    input.start()
                ));
            }
        }
    }

    /// The text of `input`'s haystack, if it is UTF-8 (checked: as long
    /// as the haystack, so the suggestions call the `_at` forms below,
    /// whose text is a `str` already).
    fn text<'h>(input: &Input<'h>) -> Option<&'h str> {
        note_read(input.haystack().len());
        std::str::from_utf8(input.haystack()).ok()
    }

    pub fn is_match<'h, I: Into<Input<'h>>>(&self, input: I) -> bool {
        let input = input.into();
        match Self::text(&input).and_then(|text| self.search(text, &input)) {
            Some((_, found)) => found.is_some(),
            None => self.regex_for(&input).is_match(input),
        }
    }

    pub fn find<'h, I: Into<Input<'h>>>(&self, input: I) -> Option<Match> {
        let input = input.into();
        match Self::text(&input).and_then(|text| self.search(text, &input)) {
            Some((_, found)) => found.and_then(|g| g[0]).map(|(a, b)| Match::must(0, a..b)),
            None => self.regex_for(&input).find(input),
        }
    }

    /// Whether `text` has a match from `start` on (as the `regex` crate's
    /// `is_match_at`), without reading all of `text` first.
    pub fn is_match_at(&self, text: &str, start: usize) -> bool {
        let input = Input::new(text).span(start..text.len());
        match self.search(text, &input) {
            Some((_, found)) => found.is_some(),
            None => self.regex_for(&input).is_match(input),
        }
    }

    /// The first match in `text` from `start` on (as the `regex` crate's
    /// `find_at`), without reading all of `text` first.
    pub fn find_at(&self, text: &str, start: usize) -> Option<Match> {
        let input = Input::new(text).span(start..text.len());
        match self.search(text, &input) {
            Some((_, found)) => found.and_then(|g| g[0]).map(|(a, b)| Match::must(0, a..b)),
            None => self.regex_for(&input).find(input),
        }
    }

    /// As [`Regex::search_captures`] from `start` of `text`, without
    /// reading all of `text` first.
    pub fn search_captures_at(&self, text: &str, start: usize, caps: &mut Captures) {
        let input = Input::new(text).span(start..text.len());
        self.search_captures_in(text, &input, caps);
    }

    pub fn create_captures(&self) -> Captures {
        match &self.program {
            Some((_, info)) => Captures::all(info.clone()),
            None => self.meta().create_captures(),
        }
    }

    pub fn search_captures(&self, input: &Input<'_>, caps: &mut Captures) {
        match Self::text(input) {
            Some(text) => self.search_captures_in(text, input, caps),
            None => {
                let meta = self.regex_for(input);
                *caps = meta.create_captures();
                meta.search_captures(input, caps);
            }
        }
    }

    fn search_captures_in(&self, text: &str, input: &Input<'_>, caps: &mut Captures) {
        match self.search(text, input) {
            Some((info, found)) => {
                *caps = filled(info, found);
            }
            None => {
                let meta = self.regex_for(input);
                *caps = meta.create_captures();
                meta.search_captures(input, caps);
            }
        }
    }

    pub fn find_iter<'r, 'h>(&'r self, text: &'h str) -> impl Iterator<Item = Match> + use<'r, 'h> {
        self.captures_iter(text).filter_map(|caps| caps.get_match())
    }

    /// Every match in `text`, from the left, as the regex's `captures_iter`
    /// gives them (a program's matches are never empty, so each search
    /// starts where the last match ended).
    pub fn captures_iter<'r, 'h>(
        &'r self,
        text: &'h str,
    ) -> impl Iterator<Item = Captures> + use<'r, 'h> {
        let mut at = Some(0);
        let mut rest: Option<regex_automata::meta::CapturesMatches<'r, 'h>> = None;
        std::iter::from_fn(move || {
            if let Some(rest) = rest.as_mut() {
                return rest.next();
            }
            let from = at?;
            let input = Input::new(text).span(from..text.len());
            match self.search(text, &input) {
                Some((info, found)) => {
                    let caps = filled(info, found);
                    at = caps.get_match().map(|m| m.end()).filter(|&e| e > from);
                    caps.is_match().then_some(caps)
                }
                None => {
                    // The regex takes over from here (as its own iterator
                    // would continue after the matches found so far).
                    at = None;
                    let input = Input::new(text).span(from..text.len());
                    let mut it = self.regex_for(&input).captures_iter(input);
                    let first = it.next();
                    rest = Some(it);
                    first
                }
            }
        })
    }
}

/// Captures of `info` holding `found`'s spans (none: no match).
fn filled(info: &GroupInfo, found: Option<Vec<Option<(usize, usize)>>>) -> Captures {
    let mut caps = Captures::all(info.clone());
    let Some(groups) = found else {
        caps.set_pattern(None);
        return caps;
    };
    caps.set_pattern(Some(PatternID::ZERO));
    let slots = caps.slots_mut();
    for (g, span) in groups.iter().enumerate() {
        if let Some((a, b)) = span {
            slots[2 * g] = NonMaxUsize::new(*a);
            slots[2 * g + 1] = NonMaxUsize::new(*b);
        }
    }
    caps
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `regex` (built with the program, or without) finds in `text`
    /// from each character boundary: the match and every group's span.
    type Found = Option<Vec<Option<(usize, usize)>>>;

    fn all(regex: &Regex, text: &str) -> Vec<Found> {
        (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .map(|i| {
                let mut caps = regex.create_captures();
                regex.search_captures(&Input::new(text).span(i..text.len()), &mut caps);
                caps.is_match().then(|| {
                    (0..caps.group_len())
                        .map(|g| caps.get_group(g).map(|s| (s.start, s.end)))
                        .collect()
                })
            })
            .collect()
    }

    fn lean() -> Builder {
        let mut b = Builder::new();
        b.configure(Config::new().hybrid(false).dfa(false).onepass(false));
        b
    }

    #[test]
    fn programs_match_as_the_regex_with_unicode_words() {
        let texts = [
            "Met the café owner; the client’s mum — late.",
            "naïve? The Ünited 3rd ١٢ cases, don't_stop",
            "ÉTÉ été éTé — x",
            "",
        ];
        for pattern in [
            r"(?i)\bthe (\w+)",
            r"\b\w+\b",
            r"\B\w\B",
            r"(?i)(?P<w>été|the)\b",
            r"\d+\W",
            r"[\w'’-]+",
            r"\b(?:[Nn]o|not)\s+\w+",
            r"(?i)\bcaf[ée]\b|\bmum\b",
        ] {
            let regex = lean().build(pattern).unwrap();
            assert!(regex.program.is_some(), "{pattern}");
            for text in texts {
                let want = regex.compile().unwrap();
                let mut reference = Regex {
                    pattern: pattern.into(),
                    builder: lean(),
                    program: None,
                    meta: OnceLock::new(),
                    left: None,
                };
                reference.meta = OnceLock::from(want);
                assert_eq!(
                    all(&regex, text),
                    all(&reference, text),
                    "{pattern} on {text:?}"
                );
                let found: Vec<_> = regex.find_iter(text).map(|m| m.range()).collect();
                let want: Vec<_> = reference.find_iter(text).map(|m| m.range()).collect();
                assert_eq!(found, want, "{pattern} on {text:?}");
            }
        }
    }

    #[test]
    fn what_a_program_cannot_do_stays_on_the_regex() {
        // Case-insensitive by configuration, verbose, an empty match.
        let mut ci = lean();
        ci.syntax(syntax::Config::new().case_insensitive(true));
        assert!(ci.build("abc").unwrap().program.is_none());
        assert!(lean().build("(?x) a b").unwrap().program.is_none());
        assert!(lean().build(r"\s*").unwrap().program.is_none());
        // A text with the long s is searched by the regex.
        let regex = lean().build(r"(?i)\bsick\b").unwrap();
        assert!(regex.program.is_some());
        assert_eq!(regex.find("ſick").map(|m| m.range()), Some(0..5));
        // A pattern that does not compile fails when built.
        assert!(lean().build(r"(?P<a>x)(?P<a>y)").is_err());
    }
}
