//! Rules test themselves: every `flag` example must yield a finding from its
//! rule, every `pass` example must not.
//!
//! The test suite runs this for each built-in rule (one generated test per
//! rule file, see `build.rs`), and `regard test DIR` runs it for a user's
//! rules, so rule authors get the same guarantee as the built-in pack. A
//! failing example is a diagnostic pointing at the example in the rule file.

use std::fmt;

use miette::{Diagnostic, LabeledSpan, NamedSource, SourceCode};

use crate::document::{Document, Kind};
use crate::engine::{Engine, Options};
use crate::rule::{Example, Rule};

/// An example that did not behave as its rule says.
#[derive(Debug)]
pub struct ExampleFailure {
    pub rule: String,
    pub text: String,
    /// True for a `flag` example that was not flagged; false for a `pass`
    /// example that was.
    pub expected_finding: bool,
    /// For a wrongly flagged `pass` example: what matched.
    pub matched: Vec<String>,
    at: miette::SourceSpan,
    src: Box<NamedSource<String>>,
}

impl fmt::Display for ExampleFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.expected_finding {
            write!(
                f,
                "rule `{}`: this `flag` example was not flagged: {:?}",
                self.rule, self.text
            )
        } else {
            write!(
                f,
                "rule `{}`: this `pass` example was flagged at {}: {:?}",
                self.rule,
                self.matched
                    .iter()
                    .map(|m| format!("`{m}`"))
                    .collect::<Vec<_>>()
                    .join(", "),
                self.text
            )
        }
    }
}

impl std::error::Error for ExampleFailure {}

impl Diagnostic for ExampleFailure {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new("regard::rule::example"))
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(if self.expected_finding {
            "widen the rule's phrases or patterns, or check its `unless` entries and quoted-speech setting"
        } else {
            "add an `unless` entry for this context, or narrow the phrase or pattern"
        }))
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(self.src.as_ref())
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let label = if self.expected_finding {
            "expected a finding here"
        } else {
            "expected no finding here"
        };
        Some(Box::new(std::iter::once(LabeledSpan::new_with_span(
            Some(label.into()),
            self.at,
        ))))
    }
}

/// The engine options examples run under: everything a rule can report is
/// on, so the suppression rules' examples can show their findings too, and
/// every rule's own findings are kept where another rule matches the same
/// words (a copy of `deficit-label` under a new id passes its examples).
pub fn options() -> Options {
    Options {
        require_reasons: true,
        one_per_phrase: false,
        sentence_model: false,
        ..Options::default()
    }
}

/// Runs the examples of `engine.rules()[rule]`; returns the failures and the
/// number of examples run.
pub fn check(engine: &Engine<'_>, rule: usize) -> (Vec<ExampleFailure>, usize) {
    let r: &Rule = &engine.rules()[rule];
    let mut failures = Vec::new();
    let cases = r
        .flag_examples
        .iter()
        .map(|e| (e, true))
        .chain(r.pass_examples.iter().map(|e| (e, false)));
    let mut count = 0;
    for (example, flag) in cases {
        count += 1;
        let matched = matches(engine, rule, example);
        if flag == matched.is_empty() {
            failures.push(ExampleFailure {
                rule: r.id.clone(),
                text: example.text.clone(),
                expected_finding: flag,
                matched,
                at: example.span,
                src: Box::new(NamedSource::new(
                    r.source.name.clone(),
                    r.source.text.clone(),
                )),
            });
        }
    }
    (failures, count)
}

fn matches(engine: &Engine<'_>, rule: usize, example: &Example) -> Vec<String> {
    let doc = Document::new("example".into(), example.text.clone(), Kind::Plain);
    engine
        .lint(&doc)
        .into_iter()
        .filter(|f| f.rule == rule)
        .map(|f| f.matched)
        .collect()
}
