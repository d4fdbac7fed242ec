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

use std::fmt;
use std::sync::OnceLock;

use regex::Regex;
use regex_syntax::ast::{self, Ast};

/// Compiled size limit for one pattern (the `regex` crate's default is 10 MiB).
pub const SIZE_LIMIT: usize = 1 << 20;

/// Why a pattern is not usable, and where inside it (byte offset, length).
pub type PatternError = (String, Option<(usize, usize)>);

pub struct Pattern {
    /// As compiled: case-insensitive, with ASCII word classes.
    source: String,
    regex: OnceLock<Result<Regex, String>>,
    /// Names of the capture groups.
    pub names: Vec<String>,
    /// Lower-case literals one of which every match contains; `None` when no
    /// such set could be found (the pattern then runs on every note).
    pub triggers: Option<Vec<String>>,
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
            regex: OnceLock::new(),
            names,
            triggers: required(&parsed).filter(|t| t.iter().all(|s| s.len() >= 2)),
        })
    }

    /// Compiles now (if not yet), reporting a pattern that is too big.
    pub fn compile(&self) -> Result<&Regex, String> {
        self.regex
            .get_or_init(|| {
                regex::RegexBuilder::new(&self.source)
                    .case_insensitive(true)
                    .size_limit(SIZE_LIMIT)
                    .build()
                    .map_err(|e| match e {
                        regex::Error::CompiledTooBig(limit) => {
                            format!("this pattern compiles to more than {limit} bytes; split it or use `phrases`")
                        }
                        other => other.to_string().lines().last().unwrap_or_default().to_string(),
                    })
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The compiled pattern. Every pattern in use has compiled before: users'
    /// rules at load time, the built-in pack in the test suite.
    pub fn regex(&self) -> &Regex {
        match self.compile() {
            Ok(re) => re,
            Err(e) => unreachable!("pattern `{}` was checked at load time: {e}", self.source),
        }
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

/// Literals one of which every match of `ast` must contain, lower-cased.
fn required(ast: &Ast) -> Option<Vec<String>> {
    match ast {
        Ast::Literal(l) => Some(vec![l.c.to_lowercase().collect()]),
        Ast::Group(g) => required(&g.ast),
        Ast::Repetition(r) => {
            let min = match &r.op.kind {
                ast::RepetitionKind::OneOrMore => 1,
                ast::RepetitionKind::Range(ast::RepetitionRange::Exactly(n))
                | ast::RepetitionKind::Range(ast::RepetitionRange::AtLeast(n))
                | ast::RepetitionKind::Range(ast::RepetitionRange::Bounded(n, _)) => *n,
                _ => 0,
            };
            if min >= 1 {
                required(&r.ast)
            } else {
                None
            }
        }
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

    fn triggers(p: &str) -> Option<Vec<String>> {
        Pattern::parse(p).unwrap().triggers
    }

    #[test]
    fn triggers_are_required_literals() {
        // The rarer (longer) of two required sets wins.
        assert_eq!(
            triggers(r"\bwhy (?:won't|can't) (?P<who>she|he)"),
            Some(vec!["can't".to_string(), "won't".to_string()])
        );
        assert_eq!(
            triggers(r"\bwhy (?:do|does) (?P<who>she|he)"),
            Some(vec!["why ".to_string()])
        );
        assert_eq!(
            triggers(r"\b(?:she|he|they) (?:always|never)\b"),
            Some(vec!["always".to_string(), "never".to_string()])
        );
        assert_eq!(triggers(r"\b\w+ly\b"), Some(vec!["ly".to_string()]));
        assert_eq!(triggers(r"(?:a|b)?c*"), None);
        assert_eq!(
            triggers(r"\bIn Denial\b"),
            Some(vec!["in denial".to_string()])
        );
    }

    #[test]
    fn names_and_lazy_compilation() {
        let p = Pattern::parse(r"why does (?P<who>she|he) (?P<what>\w+)").unwrap();
        assert_eq!(p.names, ["who", "what"]);
        assert!(p.regex().is_match("WHY DOES SHE KEEP"));
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
