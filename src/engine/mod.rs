//! The engine: compiled rules, and finding matches in a document.
//!
//! `compile.rs` builds one [`Engine`] from a [`RuleSet`]: a single
//! aho-corasick automaton for the phrases of every rule (leftmost-longest,
//! ASCII case-insensitive; over folders searched in three lanes,
//! `leftmost.rs`) and the rules' patterns, with what decides where a
//! pattern runs: one automaton over every pattern's trigger literals
//! (`rule/pattern.rs`: literals every match holds, read from the regex's
//! syntax tree), checked for the word boundaries the pattern puts around
//! them (over folders one DFA in three lanes, `leftmost.rs`). A pattern
//! runs only on the blocks holding a literal of each of its trigger sets,
//! so the cost of a note is linear in its length, whatever its words.
//! `matcher.rs` runs them over a document's prose and applies each rule's
//! context: whole words, `unless`, quoted speech, and text about judging
//! (`about.rs`). Findings come out as spans into the file.
//!
//! [`RuleSet`]: crate::rule::RuleSet

mod about;
mod agree;
pub(crate) use agree::sentence_of;
mod compile;
mod lazy;
mod leftmost;
mod matcher;
mod overlap;
mod sense;
mod suppress;

pub use compile::{BuildError, Engine, Options};
pub use lazy::{Hit, Lint, Probe, Selected};

use crate::document::{Document, Span};

impl Engine<'_> {
    /// All findings in `doc` after suppressions, sorted by position, every
    /// one built: [`Engine::lint_lazy`] with nothing left out. For tests,
    /// examples and tools with no configuration; `regard check` and
    /// `regard server` lint through `lint::Linter`, which builds only the
    /// findings it shows.
    pub fn lint(&self, doc: &Document) -> Vec<Finding> {
        self.lint_lazy(doc).into_findings()
    }
}

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
    /// Identifies the finding without its position and without note text:
    /// a hash of the rule, the matched words and the sentence around them.
    /// Baselines and SARIF `partialFingerprints` use it, so a finding keeps
    /// its identity when lines are added above it. Empty when the engine's
    /// [`Options::fingerprints`] is off.
    pub fingerprint: String,
    /// A replacement for the words in `span`, if the rule has one for them.
    pub fix: Option<Edit>,
}

/// Replace the finding's span with `replacement`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Edit {
    pub replacement: String,
    pub applicability: crate::rule::Applicability,
}

/// Hex SHA-256 (first 16 bytes) of the rule id, the matched words and their
/// sentence, lower-cased with white space folded. Hashes only: a baseline
/// or SARIF file must not carry note text.
pub fn fingerprint(rule: &str, matched: &str, sentence: &str) -> String {
    use sha2::{Digest, Sha256};
    use std::fmt::Write;
    let mut h = Sha256::new();
    let mut lower = String::new();
    for part in [rule, matched, sentence] {
        for word in part.split_whitespace() {
            // Every finding has one: no allocation per word for ASCII words.
            lower.clear();
            if word.is_ascii() {
                lower.push_str(word);
                lower.make_ascii_lowercase();
            } else {
                lower.push_str(&word.to_lowercase());
            }
            h.update(lower.as_bytes());
            h.update(b" ");
        }
        h.update(b"\0");
    }
    let mut hex = String::with_capacity(32);
    for b in &h.finalize()[..16] {
        write!(hex, "{b:02x}").expect("writing to a String cannot fail");
    }
    hex
}
