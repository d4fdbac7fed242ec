//! The text of a YAML file regard read (a rule file, the vocabulary, a
//! configuration), kept so errors can point into it. Its own module so that
//! `load.rs` (which makes errors) and `error.rs` (which shows them) both
//! depend on it and not on each other.

/// A rule file's name and text, kept for diagnostics that point into it.
#[derive(Debug)]
pub struct Source {
    /// As shown to the user: `rules/deficit-label.yaml (built-in)` or the path.
    pub name: String,
    pub text: String,
    pub builtin: bool,
}
