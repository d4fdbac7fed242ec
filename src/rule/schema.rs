//! `RuleFile`: a rule exactly as written in YAML, before any checking.
//!
//! Values that can be wrong in a way the YAML parser cannot see (an id, a
//! pattern, a template) are wrapped in [`Spanned`] so that `validate.rs` can
//! point into the file. Unknown keys are rejected here by serde, with the
//! parser's location. Next stage: `validate.rs` turns a `RuleFile` into a
//! [`Rule`](super::Rule).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;

/// One rule file: `rules/deficit-label.yaml` and the like.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RuleFile {
    /// Kebab-case name of what is flagged, e.g. `deficit-label`.
    pub id: Spanned<String>,
    pub severity: Spanned<Severity>,
    /// One line for `regard rules`, e.g. "Labels the person instead of describing what happened."
    pub summary: Spanned<String>,
    /// The finding's headline; may use `{match}` and the patterns' named captures.
    pub message: Spanned<String>,
    /// Literal phrases, matched case-insensitively as whole words.
    /// `resist{s,ed,ing}` is shorthand for `resists`, `resisted`, `resisting`.
    #[serde(default)]
    pub phrases: Vec<Spanned<String>>,
    /// Word patterns (`rule/words.rs`): sequences of words and word
    /// classes, for shapes a phrase list cannot hold.
    #[serde(default)]
    pub words: Vec<Spanned<String>>,
    /// Regular expressions (case-insensitive): the escape hatch for what
    /// word patterns cannot say.
    #[serde(default)]
    pub patterns: Vec<Spanned<String>>,
    /// A rewording of the sentence, then a curious question; templates
    /// like `message`, with the sentence's holes (`crate::suggest`).
    pub suggest: Vec<Spanned<String>>,
    /// Where the rule does not apply.
    #[serde(default)]
    pub unless: Unless,
    /// Whether text inside quotation marks is checked (default: the
    /// configuration's `quoted-speech`, which defaults to skipped).
    #[serde(default)]
    pub in_quotes: Option<InQuotes>,
    /// Which finding stays when this rule's match shares words with another
    /// rule's (`engine/overlap.rs`): the higher; default 0. A broad rule
    /// (any label, any "always") yields to a narrower one with -1.
    #[serde(default)]
    pub priority: i8,
    /// Whether the first suggestion keeps a last part of the sentence that
    /// holds nothing but the flagged words and the writer's fillers
    /// ("… - no excuse for it" goes, `suggest::compose::verdict_part_off`).
    /// A rule whose words there still hold a fact ("despite reminders")
    /// says `true`.
    #[serde(default)]
    pub last_part_holds_facts: bool,
    /// For the few rules whose findings come from regard itself rather than
    /// from phrases or patterns (suppression comments that match nothing,
    /// that give no reason, or that are written wrong). Such a rule has no phrases or patterns.
    #[serde(default)]
    pub engine_check: Option<Spanned<EngineCheck>>,
    /// A replacement for the matched words, phrase by phrase or as a
    /// template, that `--fix` and the editor's quick fix may apply.
    #[serde(default)]
    pub fix: Option<FixFile>,
    pub docs: Docs,
    pub examples: Examples,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FixFile {
    pub applicability: Applicability,
    /// Matched phrase (as listed in `phrases`) → replacement.
    #[serde(default)]
    pub replace: BTreeMap<String, Spanned<String>>,
    /// The replacement for matches `replace` does not list, as a template
    /// (`{match:plain}`); a match it leaves unchanged gets no fix.
    #[serde(default)]
    pub with: Option<Spanned<String>>,
}

/// Whether a fix keeps the meaning (ruff's `Applicability`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Keeps the meaning; `--fix` applies it.
    Safe,
    /// May change the meaning; applied only with `--unsafe-fixes`.
    Unsafe,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Context in which a match is not a finding. Each entry must touch the
/// match: `before` entries end where the match starts, `after` entries
/// start where it ends, with only white space between. `words-before` and
/// `words-after` entries are word patterns; `before` and `after` entries
/// regular expressions (case-insensitive).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Unless {
    #[serde(default)]
    pub words_before: Vec<Spanned<String>>,
    #[serde(default)]
    pub words_after: Vec<Spanned<String>>,
    #[serde(default)]
    pub before: Vec<Spanned<String>>,
    #[serde(default)]
    pub after: Vec<Spanned<String>>,
}

/// `vocabulary.yaml`: the word classes every rule may use, by name.
pub type VocabularyFile = std::collections::BTreeMap<String, Vec<Spanned<String>>>;

/// Quoted speech is the client's own words: information, not the writer's
/// judgement. A rule about quoting itself (scare quotes) sets `check`.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InQuotes {
    #[default]
    Skip,
    Check,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EngineCheck {
    /// A `regard-ignore` / `regard-disable` comment that suppresses nothing.
    UnusedSuppression,
    /// A suppression comment without a reason, when the configuration asks for reasons.
    UnexplainedSuppression,
    /// A suppression comment regard cannot read as written: no rule, a rule
    /// id that is not a rule, a missing colon, a stray comma, a misspelt directive.
    InvalidSuppression,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Docs {
    pub what: Spanned<String>,
    pub why: Spanned<String>,
    pub curious: Spanned<String>,
    /// Whether the rule has a fix, and why or why not (`regard rule ID`).
    #[serde(default)]
    pub fix: Option<Spanned<String>>,
    /// Which words of the sentence the first suggestion may drop besides
    /// the flagged ones, and why (`regard rule ID`). Without it, the
    /// rewording keeps every other word of the sentence.
    #[serde(default)]
    pub rewording: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Examples {
    /// Texts that must yield a finding from this rule.
    pub flag: Vec<Spanned<String>>,
    /// Texts that must not.
    pub pass: Vec<Spanned<String>>,
}
