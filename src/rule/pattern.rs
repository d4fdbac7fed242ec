//! `Pattern`: a rule's regular expression, checked at load time and
//! compiled on first use.
//!
//! Compiling the pack's two hundred patterns costs far more than checking a
//! note, and most notes touch few of them. So loading only parses a pattern
//! (syntax errors still point into the rule file), records its capture names
//! and its *triggers*: literal words one of which every match must contain.
//! The engine runs one automaton over a note for all triggers and compiles
//! and runs only the patterns whose trigger occurs, so a pre-commit hook on
//! one note pays for the few patterns that note could match. Users' rules are
//! compiled at load time anyway, so a pattern over the size limit is a rule
//! error, never a surprise mid-run; the built-in ones are compiled by a test.

use std::collections::HashSet;
use std::fmt;
use std::sync::{LazyLock, OnceLock};

use regex_automata::meta::{self, Regex};
use regex_automata::util::captures::Captures;
use regex_automata::util::syntax;
use regex_syntax::ast::{self, Ast};

/// How many literal sets a pattern's triggers keep. One set of common
/// words ("her", "what") wakes a pattern in most paragraphs; requiring
/// two or three sets together wakes it only where it could match.
pub const MAX_TRIGGER_SETS: usize = 3;

/// Compiled size limit for one pattern (the `regex` crate's default is 10 MiB).
pub const SIZE_LIMIT: usize = 1 << 20;

/// Why a pattern is not usable, and where inside it (byte offset, length).
pub type PatternError = (String, Option<(usize, usize)>);

pub struct Pattern {
    /// As compiled: case-insensitive, with ASCII word classes.
    source: String,
    lean: OnceLock<Result<Regex, String>>,
    fast: OnceLock<Regex>,
    /// Names of the capture groups.
    pub names: Vec<String>,
    /// Sets of lower-case literals such that every match contains one
    /// literal of each set, at most [`MAX_TRIGGER_SETS`] of them; empty when
    /// none could be found (the pattern then runs on every note).
    pub triggers: Vec<Vec<String>>,
}

impl fmt::Debug for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Pattern")
            .field("source", &self.source)
            .field("triggers", &self.triggers)
            .finish()
    }
}

impl Pattern {
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
            source: ascii_words(pattern),
            lean: OnceLock::new(),
            fast: OnceLock::new(),
            names,
            triggers: trigger_sets(&parsed),
        })
    }

    /// Compiles now (if not yet), reporting a pattern that is too big.
    pub fn compile(&self) -> Result<&Regex, String> {
        self.lean
            .get_or_init(|| build(&self.source, Speed::Lean))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The compiled pattern, built for `speed`. Every pattern in use has
    /// compiled before: users' rules at load time, the built-in pack in the
    /// test suite.
    pub fn regex(&self, speed: Speed) -> &Regex {
        let lean = match self.compile() {
            Ok(re) => re,
            Err(e) => unreachable!("pattern `{}` was checked at load time: {e}", self.source),
        };
        match speed {
            Speed::Lean => lean,
            Speed::Fast => self
                .fast
                .get_or_init(|| build(&self.source, Speed::Fast).unwrap_or_else(|_| lean.clone())),
        }
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
    let lean = speed == Speed::Lean;
    let config = meta::Config::new()
        .auto_prefilter(!lean)
        .hybrid(!lean)
        .onepass(!lean)
        .dfa(false)
        .nfa_size_limit(Some(SIZE_LIMIT))
        .onepass_size_limit(Some(SIZE_LIMIT));
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
fn trigger_sets(ast: &Ast) -> Vec<Vec<String>> {
    let mut sets = Vec::new();
    all_required(ast, &mut sets);
    sets.retain(|set| {
        set.iter()
            .all(|l| l.len() >= 2 && l.chars().all(|c| c.is_ascii() || !c.is_alphabetic()))
    });
    sets.sort();
    sets.dedup();
    let mut ranked: Vec<(Rank, Vec<String>)> =
        sets.into_iter().map(|set| (Rank::of(&set), set)).collect();
    ranked.sort();
    ranked
        .into_iter()
        .enumerate()
        .take_while(|(i, (rank, _))| *i == 0 || !rank.has_everyday)
        .take(MAX_TRIGGER_SETS)
        .map(|(_, (_, set))| set)
        .collect()
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
            shortest: std::cmp::Reverse(set.iter().map(String::len).min().unwrap_or(0)),
            count: set.len(),
            has_everyday: per_mille.iter().any(|&f| f >= 1000),
        }
    }
}

/// Roughly how many paragraphs in a thousand contain `literal`: short
/// common words ("to", "her") nearly all, other common ones half, a rarer
/// word of five letters one in fifty.
fn per_mille(literal: &str) -> u32 {
    let letters = literal.chars().filter(char::is_ascii_alphabetic).count();
    match (letters, is_common(literal)) {
        (0..=2, _) | (3, true) => 1000,
        (_, true) => 500,
        (3, false) => 200,
        (4, false) => 50,
        _ => 20,
    }
}

/// Words found in nearly every paragraph of a note (function words, the
/// commonest verbs, and the notes' own staples), lower case, sorted.
const COMMON_WORDS: &[&str] = &[
    "a",
    "about",
    "after",
    "again",
    "all",
    "also",
    "always",
    "am",
    "an",
    "and",
    "any",
    "are",
    "around",
    "as",
    "asked",
    "at",
    "back",
    "be",
    "because",
    "been",
    "before",
    "being",
    "both",
    "but",
    "by",
    "came",
    "can",
    "client",
    "come",
    "could",
    "day",
    "did",
    "do",
    "does",
    "doing",
    "done",
    "down",
    "each",
    "even",
    "felt",
    "first",
    "for",
    "from",
    "get",
    "getting",
    "give",
    "go",
    "going",
    "good",
    "got",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "just",
    "know",
    "last",
    "like",
    "made",
    "make",
    "makes",
    "making",
    "many",
    "me",
    "more",
    "most",
    "much",
    "my",
    "need",
    "never",
    "new",
    "next",
    "no",
    "not",
    "now",
    "of",
    "off",
    "on",
    "one",
    "only",
    "or",
    "other",
    "our",
    "out",
    "over",
    "own",
    "people",
    "plan",
    "really",
    "said",
    "say",
    "says",
    "see",
    "session",
    "she",
    "should",
    "so",
    "some",
    "still",
    "take",
    "talk",
    "talked",
    "than",
    "that",
    "the",
    "their",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "thing",
    "things",
    "think",
    "this",
    "those",
    "time",
    "to",
    "told",
    "too",
    "two",
    "up",
    "us",
    "very",
    "want",
    "wanted",
    "wants",
    "was",
    "way",
    "we",
    "week",
    "well",
    "went",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "why",
    "will",
    "with",
    "work",
    "would",
    "year",
    "you",
    "your",
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
        (Some(first), Some(second)) => [first, second]
            .into_iter()
            .chain(words)
            .all(|w| COMMON_WORDS.binary_search(&w).is_ok()),
    }
}

/// Every literal set that a match of `ast` needs one of: each run of
/// literals in a sequence, and each required part's own sets.
fn all_required(ast: &Ast, out: &mut Vec<Vec<String>>) {
    match ast {
        Ast::Group(g) => all_required(&g.ast, out),
        Ast::Repetition(r) if min_repeat(r) >= 1 => all_required(&r.ast, out),
        Ast::Concat(c) => {
            let mut run = String::new();
            for child in &c.asts {
                if let Ast::Literal(l) = child {
                    run.extend(l.c.to_lowercase());
                    continue;
                }
                if !run.is_empty() {
                    out.push(vec![std::mem::take(&mut run)]);
                }
                all_required(child, out);
            }
            if !run.is_empty() {
                out.push(vec![run]);
            }
        }
        other => out.extend(required(other)),
    }
}

fn min_repeat(r: &ast::Repetition) -> u32 {
    match &r.op.kind {
        ast::RepetitionKind::OneOrMore => 1,
        ast::RepetitionKind::Range(ast::RepetitionRange::Exactly(n))
        | ast::RepetitionKind::Range(ast::RepetitionRange::AtLeast(n))
        | ast::RepetitionKind::Range(ast::RepetitionRange::Bounded(n, _)) => *n,
        _ => 0,
    }
}

/// Literals one of which every match of `ast` must contain, lower-cased.
fn required(ast: &Ast) -> Option<Vec<String>> {
    match ast {
        Ast::Literal(l) => Some(vec![l.c.to_lowercase().collect()]),
        Ast::Group(g) => required(&g.ast),
        Ast::Repetition(r) if min_repeat(r) >= 1 => required(&r.ast),
        Ast::Alternation(a) => {
            let mut all = Vec::new();
            for alt in &a.asts {
                all.extend(required(alt)?);
            }
            all.sort();
            all.dedup();
            Some(all)
        }
        Ast::Concat(c) => {
            // Runs of adjacent literals make words; any child's set will do.
            // Prefer the set whose shortest literal is longest (rarest).
            let mut best: Option<Vec<String>> = None;
            let mut consider = |candidate: Vec<String>| {
                let score = |v: &Vec<String>| v.iter().map(String::len).min().unwrap_or(0);
                if best.as_ref().is_none_or(|b| score(&candidate) > score(b)) {
                    best = Some(candidate);
                }
            };
            let mut run = String::new();
            for child in &c.asts {
                if let Ast::Literal(l) = child {
                    run.extend(l.c.to_lowercase());
                    continue;
                }
                if !run.is_empty() {
                    consider(vec![std::mem::take(&mut run)]);
                }
                if let Some(set) = required(child) {
                    consider(set);
                }
            }
            if !run.is_empty() {
                consider(vec![run]);
            }
            best
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
    use super::*;

    fn triggers(p: &str) -> Vec<Vec<&'static str>> {
        Pattern::parse(p)
            .unwrap()
            .triggers
            .into_iter()
            .map(|set| set.into_iter().map(|l| &*l.leak()).collect())
            .collect()
    }

    #[test]
    fn triggers_are_the_rarest_required_literal_sets() {
        // Every run of literals and every required group is a set; sets of
        // everyday words ("why ", "he") are left out when a rarer one exists.
        assert_eq!(
            triggers(r"\bwhy (?:won't|can't) (?P<who>she|he)"),
            [vec!["can't", "won't"]]
        );
        assert_eq!(
            triggers(r"\b(?:she|he|they) (?:always|never)\b"),
            [vec!["always", "never"]]
        );
        // ...but one is kept when nothing better exists.
        assert_eq!(triggers(r"\bwhy (?:she|he)\b"), [vec!["why "]]);
        // A set with a one-byte literal is no use: it occurs everywhere.
        assert_eq!(triggers(r"\b(?:a|the) plan\b"), [vec![" plan"]]);
        assert_eq!(triggers(r"\b\w+ly\b"), [vec!["ly"]]);
        assert_eq!(triggers(r"(?:a|b)?c*"), Vec::<Vec<&str>>::new());
        assert_eq!(triggers(r"\bIn Denial\b"), [vec!["in denial"]]);
        // Optional parts require nothing; repeated ones do. Both sets must
        // occur for the pattern to run.
        assert_eq!(
            triggers(r"\bkeeps?(?: on)? (?:lying)+"),
            [vec!["lying"], vec!["keep"]]
        );
        // At most three sets, the rarest.
        assert_eq!(
            triggers(r"one (?:x|y)z two-three (?:four|five) six"),
            [vec!["z two-three "], vec!["five", "four"], vec![" six"]]
        );
        // A letter whose case the automaton cannot fold is no trigger.
        assert_eq!(
            triggers(r"\bÉlan (?:vital|total)"),
            [vec!["total", "vital"]]
        );
    }

    #[test]
    fn names_and_lazy_compilation() {
        let p = Pattern::parse(r"why does (?P<who>she|he) (?P<what>\w+)").unwrap();
        assert_eq!(p.names, ["who", "what"]);
        assert!(p.regex(Speed::Fast).is_match("WHY DOES SHE KEEP"));
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
