//! `RuleError`: a problem in a rule file, pointing into that file.
//!
//! Every way a rule file can be wrong (YAML syntax, a missing or unknown key,
//! a duplicate id, a pattern that does not compile, a template naming a
//! capture that does not exist) becomes one `RuleError` with the file as its
//! source and a label on the exact place. The loader collects all of them
//! into [`RuleErrors`] so a rule author sees every problem in one run.

use std::fmt;

use miette::{Diagnostic, LabeledSpan, NamedSource, SourceCode, SourceSpan};

use super::load::Source;

/// One problem in one rule file.
#[derive(Debug)]
pub struct RuleError {
    /// A stable code such as `regard::rule::bad_pattern`, for searching docs.
    pub code: &'static str,
    /// The headline, e.g. "rule `deficit-label`: pattern does not compile".
    pub message: String,
    /// Text under the underline.
    pub label: String,
    pub help: Option<String>,
    pub src: Box<NamedSource<String>>,
    /// Byte range in the rule file, if the place is known.
    pub at: Option<SourceSpan>,
}

impl RuleError {
    pub fn new(code: &'static str, source: &Source, message: impl Into<String>) -> Self {
        RuleError {
            code,
            message: message.into(),
            label: String::new(),
            help: None,
            src: Box::new(NamedSource::new(source.name.clone(), source.text.clone())),
            at: None,
        }
    }

    pub fn at(mut self, span: impl Into<SourceSpan>, label: impl Into<String>) -> Self {
        self.at = Some(span.into());
        self.label = label.into();
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for RuleError {}

impl Diagnostic for RuleError {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.code))
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(self.src.as_ref())
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let at = self.at?;
        let label = (!self.label.is_empty()).then(|| self.label.clone());
        Some(Box::new(std::iter::once(LabeledSpan::new_with_span(
            label, at,
        ))))
    }
}

/// All the problems found while loading rules. No notes are checked while
/// any rule is broken: a silently skipped rule would look like a clean note.
#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("{} in rule files; no notes were checked", count(.errors.len()))]
#[diagnostic(
    code(regard::rule::invalid),
    help("each problem is shown below; fix them, then run regard again")
)]
pub struct RuleErrors {
    #[related]
    pub errors: Vec<RuleError>,
}

fn count(n: usize) -> String {
    if n == 1 {
        "1 problem".to_string()
    } else {
        format!("{n} problems")
    }
}
