//! One constructor for the suggestions' regexes.
//!
//! The suggestions match their sentence with a few hundred small regexes,
//! each compiled the first time a finding needs it and kept for the rest
//! of the run (a static per pattern, `OnceLock`). Every one is built here,
//! so how they are built (and what that costs a one-note run) is decided
//! in one place, and none is compiled per call.

use std::sync::OnceLock;

use regex::Regex;

/// `pattern` compiled; the caller says what a failure means (every
/// pattern is a constant, so a failure is a bug the tests catch).
pub(super) fn build(pattern: &str) -> Result<Regex, regex::Error> {
    Regex::new(pattern)
}

/// The regex in `cell`, compiled from `pattern` on first use.
pub(super) fn cached(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| build(pattern).expect("a suggestion pattern compiles"))
}

/// Each of `patterns` compiled, in order, on first use: for a table of
/// patterns that a function runs through on every call.
pub(super) fn cached_all(
    cell: &'static OnceLock<Vec<Regex>>,
    patterns: impl IntoIterator<Item = &'static str>,
) -> &'static [Regex] {
    cell.get_or_init(|| {
        patterns
            .into_iter()
            .map(|p| build(p).expect("a suggestion pattern compiles"))
            .collect()
    })
}
