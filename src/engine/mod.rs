//! The engine: compiled rules, and finding matches in a document.
//!
//! `compile.rs` builds one [`Engine`] from a [`RuleSet`]: a single
//! aho-corasick automaton for the phrases of every rule (leftmost-longest,
//! ASCII case-insensitive) and the rules' patterns. `matcher.rs` runs them
//! over a document's prose and applies each rule's context: whole words,
//! `unless`, quoted speech. Findings come out as spans into the file.
//!
//! [`RuleSet`]: crate::rule::RuleSet

mod compile;
mod matcher;

pub use compile::{BuildError, Engine};

use crate::document::Span;

/// One place where a rule applies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Index of the rule in the engine's rule set.
    pub rule: usize,
    /// Byte span in the note, end-exclusive.
    pub span: Span,
    /// The matched words as the rule saw them (white space folded, markup removed).
    pub matched: String,
    pub message: String,
    pub suggestions: Vec<String>,
}
