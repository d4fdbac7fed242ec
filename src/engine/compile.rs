//! [`RuleSet`] → [`Engine`]: the matchers, built once per run.
//!
//! Phrases of all rules share one automaton, so the cost of a note does not
//! grow with the number of phrase rules. A phrase used by several rules maps
//! to all of them.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;

use crate::rule::{Rule, RuleSet};

pub struct Engine<'r> {
    pub(crate) rules: &'r [Rule],
    pub(crate) phrases: Option<AhoCorasick>,
    /// For each automaton pattern, the rules that own that phrase.
    pub(crate) phrase_rules: Vec<Vec<usize>>,
    /// Every `(rule index, pattern)`.
    pub(crate) patterns: Vec<(usize, &'r Regex)>,
}

#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("the rules' phrases do not fit in one matcher: {0}")]
#[diagnostic(code(regard::engine::build), help("use fewer or shorter phrases"))]
pub struct BuildError(String);

impl<'r> Engine<'r> {
    pub fn new(set: &'r RuleSet) -> Result<Engine<'r>, BuildError> {
        let mut index: HashMap<&str, usize> = HashMap::new();
        let mut phrases: Vec<&str> = Vec::new();
        let mut phrase_rules: Vec<Vec<usize>> = Vec::new();
        for (r, rule) in set.rules.iter().enumerate() {
            for phrase in &rule.phrases {
                let i = *index.entry(phrase.as_str()).or_insert_with(|| {
                    phrases.push(phrase);
                    phrase_rules.push(Vec::new());
                    phrases.len() - 1
                });
                if !phrase_rules[i].contains(&r) {
                    phrase_rules[i].push(r);
                }
            }
        }
        let automaton = if phrases.is_empty() {
            None
        } else {
            Some(
                AhoCorasickBuilder::new()
                    .match_kind(MatchKind::LeftmostLongest)
                    .ascii_case_insensitive(true)
                    .build(&phrases)
                    .map_err(|e| BuildError(e.to_string()))?,
            )
        };
        let patterns = set
            .rules
            .iter()
            .enumerate()
            .flat_map(|(r, rule)| rule.patterns.iter().map(move |p| (r, p)))
            .collect();
        Ok(Engine {
            rules: &set.rules,
            phrases: automaton,
            phrase_rules,
            patterns,
        })
    }

    pub fn rules(&self) -> &'r [Rule] {
        self.rules
    }
}
