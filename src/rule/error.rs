//! `RuleError`: a problem in a rule file, pointing into that file.
//!
//! Every way a rule file can be wrong (YAML syntax, a missing or unknown key,
//! a duplicate id, a pattern that does not compile, a template naming a
//! capture that does not exist) becomes one `RuleError` with the file as its
//! source and a label on the exact place. The loader collects all of them
//! into [`RuleErrors`] so a rule author sees every problem in one run.
//!
//! Configuration errors are `RuleError`s too. Both render through
//! [`Excerpt`]: a window of a long line, control characters made visible.
//! A thousand errors of one kind in one file show the first
//! [`SHOWN_PER_KIND`] and a count of the rest.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use miette::{Diagnostic, LabeledSpan, SourceCode, SourceSpan};

use super::source::Source;
use crate::report::source::{printable, Excerpt};

/// Errors of one kind (code) in one file shown in full; the rest are counted.
pub const SHOWN_PER_KIND: usize = 3;

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
    /// The file, as reports show it (`name()` and `inner()` give it as read).
    pub src: Box<Excerpt<'static>>,
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
            src: Box::new(Excerpt::new(
                source.name.clone(),
                shared(&source.name, &source.text),
            )),
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

/// The file's text for an error's excerpt: the same copy as the last error's
/// when it is the same file. Each error held a copy of its own, so 10,000
/// unknown ids in a 200 KB configuration file took 2 GB (issue 18).
fn shared(name: &str, text: &str) -> Arc<str> {
    thread_local! {
        static LAST: RefCell<Option<(String, Arc<str>)>> = const { RefCell::new(None) };
    }
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        if let Some((n, t)) = &*last {
            if n == name && **t == *text {
                return t.clone();
            }
        }
        let t: Arc<str> = Arc::from(text);
        *last = Some((name.to_string(), t.clone()));
        t
    })
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Messages quote the file (ids, keys, patterns).
        f.write_str(&printable(&self.message))
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
            .map(|h| Box::new(printable(h)) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(self.src.as_ref())
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let at = self.at?;
        let label = (!self.label.is_empty()).then(|| printable(&self.label).into_owned());
        let at = self.src.span(at.offset(), at.offset() + at.len());
        Some(Box::new(std::iter::once(LabeledSpan::new_with_span(
            label, at,
        ))))
    }
}

/// All the problems found while loading rules. No notes are checked while
/// any rule is broken: a silently skipped rule would look like a clean note.
///
/// All are counted in the headline; of each kind (code) in each file, the
/// first [`SHOWN_PER_KIND`] are shown and the rest counted in the help, so a
/// thousand unknown ids on one line do not print a thousand reports.
#[derive(Debug, thiserror::Error)]
#[error("{} {}; no notes were checked", count(.errors.len()), places(.errors))]
pub struct RuleErrors {
    pub errors: Vec<RuleError>,
}

impl RuleErrors {
    /// For each error, whether it is shown; and for each kind with errors
    /// left out, `(code, file, how many)`, in order of first appearance.
    fn shown(&self) -> (Vec<bool>, Vec<(&'static str, &str, usize)>) {
        let mut seen: HashMap<(&str, &str), usize> = HashMap::new();
        let mut kinds = Vec::new();
        let shown = self
            .errors
            .iter()
            .map(|e| {
                let key = (e.code, e.src.name());
                let n = seen.entry(key).or_insert_with(|| {
                    kinds.push(key);
                    0
                });
                *n += 1;
                *n <= SHOWN_PER_KIND
            })
            .collect();
        let left_out = kinds
            .into_iter()
            .filter_map(|key| {
                let more = seen[&key].saturating_sub(SHOWN_PER_KIND);
                (more > 0).then_some((key.0, key.1, more))
            })
            .collect();
        (shown, left_out)
    }
}

impl Diagnostic for RuleErrors {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new("regard::rule::invalid"))
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        let (_, left_out) = self.shown();
        let mut help = if left_out.is_empty() {
            String::from("each problem is shown below")
        } else {
            format!("the first {SHOWN_PER_KIND} of each kind in a file are shown below")
        };
        for (code, file, n) in left_out {
            let problems = if n == 1 { "problem" } else { "problems" };
            help.push_str(&format!(
                ", and {n} more {problems} like this ({code} in {})",
                printable(file)
            ));
        }
        help.push_str("; fix them, then run regard again");
        Some(Box::new(help))
    }

    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        let (shown, _) = self.shown();
        Some(Box::new(
            self.errors
                .iter()
                .zip(shown)
                .filter(|(_, shown)| *shown)
                .map(|(e, _)| e as &dyn Diagnostic),
        ))
    }
}

/// Where the problems are, for the headline: the configuration file, the
/// command line (`--select`, `--ignore`) or rule files.
fn places(errors: &[RuleError]) -> String {
    let on_command_line = |e: &RuleError| e.src.name() == COMMAND_LINE;
    let in_config = |e: &RuleError| e.code.starts_with("regard::config::") && !on_command_line(e);
    let mut places = Vec::new();
    if errors.iter().any(in_config) {
        places.push("in the configuration");
    }
    if errors.iter().any(on_command_line) {
        places.push("on the command line");
    }
    if errors.iter().any(|e| !in_config(e) && !on_command_line(e)) {
        places.push("in rule files");
    }
    places.join(" and ")
}

/// The source name config.rs gives problems in command-line options.
const COMMAND_LINE: &str = "command line";

fn count(n: usize) -> String {
    if n == 1 {
        "1 problem".to_string()
    } else {
        format!("{n} problems")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_in_one_file_share_its_text() {
        let source = Source {
            name: "c.yaml".into(),
            text: "select: [a, b]\n".into(),
            builtin: false,
        };
        let a = RuleError::new("x", &source, "a");
        let b = RuleError::new("x", &source, "b");
        assert_eq!(a.src.inner().as_ptr(), b.src.inner().as_ptr());
        let other = Source {
            text: "select: [c]\n".into(),
            ..source
        };
        let c = RuleError::new("x", &other, "c");
        assert_eq!(c.src.inner(), "select: [c]\n");
    }

    #[test]
    fn repeated_errors_are_counted_in_the_help() {
        let source = Source {
            name: "c.yaml".into(),
            text: "select: [a, b, c, d, e]\n".into(),
            builtin: false,
        };
        let mut errors: Vec<RuleError> = (0..5)
            .map(|i| RuleError::new("regard::config::unknown_rule", &source, format!("{i}")))
            .collect();
        errors.push(RuleError::new("regard::rule::other", &source, "other"));
        let errors = RuleErrors { errors };
        let shown: Vec<String> = errors.related().unwrap().map(|e| e.to_string()).collect();
        assert_eq!(shown, ["0", "1", "2", "other"]);
        assert_eq!(
            errors.help().unwrap().to_string(),
            "the first 3 of each kind in a file are shown below, and 2 more problems \
             like this (regard::config::unknown_rule in c.yaml); fix them, then run regard again"
        );
        assert_eq!(
            errors.to_string(),
            "6 problems in the configuration and in rule files; no notes were checked"
        );
    }
}
