//! Human output: one miette report per finding.
//!
//! Each finding is a [`Diagnostic`] whose source is the note, with the
//! matched words underlined, the rule id as code, the message as headline and
//! the suggestions as help. Reports are rendered to strings in the worker that
//! checked the note, so the note's text can be dropped straight after.

use std::fmt;

use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceCode};

use super::source::{one_line, printable, Excerpt};
use super::{plural, Located};
use crate::document::Document;
use crate::rule::{Rule, Severity};

pub struct Human {
    handler: GraphicalReportHandler,
    redact: bool,
}

impl Human {
    /// With `redact`, reports show no note text: no snippet, no matched
    /// words, no suggestions; only where, which rule, and its summary.
    pub fn new(color: bool, width: Option<usize>, redact: bool) -> Human {
        let theme = if color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        let mut handler = GraphicalReportHandler::new_themed(theme).with_links(false);
        if let Some(width) = width {
            handler = handler.with_width(width);
        }
        Human { handler, redact }
    }

    /// Renders the findings of one note (redacted ones under `--redact`).
    pub fn render(&self, doc: &Document, findings: &[Located], rules: &[Rule]) -> String {
        let mut out = String::new();
        // One excerpt for all the note's findings: its line index is built
        // once, not once per finding.
        let src = Excerpt::new(one_line(&doc.path), doc.text.as_str());
        for l in findings {
            let Some(rule) = rules.iter().find(|r| r.id == l.rule) else {
                continue;
            };
            let result = if self.redact {
                let report = Redacted {
                    rule,
                    level: l.level,
                    at: format!("{}:{}:{}", one_line(&l.path), l.start.line, l.start.column),
                };
                self.handler.render_report(&mut out, &report)
            } else {
                self.handler.render_report(
                    &mut out,
                    &FindingReport {
                        finding: l,
                        rule,
                        src: &src,
                    },
                )
            };
            result.expect("writing to a String cannot fail");
            out.push('\n');
        }
        out
    }
}

fn miette_severity(level: Severity) -> miette::Severity {
    match level {
        Severity::Error => miette::Severity::Error,
        Severity::Warning => miette::Severity::Warning,
        Severity::Info => miette::Severity::Advice,
    }
}

/// A finding with no note text in it, for `--redact`.
struct Redacted<'a> {
    rule: &'a Rule,
    level: Severity,
    at: String,
}

impl fmt::Debug for Redacted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl fmt::Display for Redacted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.rule.summary)
    }
}

impl std::error::Error for Redacted<'_> {}

impl Diagnostic for Redacted<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(&self.rule.id))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(miette_severity(self.level))
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(format!(
            "(`regard rule {}` says why and what to write instead)",
            self.rule.id
        )))
    }
}

struct FindingReport<'a> {
    finding: &'a Located,
    rule: &'a Rule,
    src: &'a Excerpt<'a>,
}

impl fmt::Debug for FindingReport<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl fmt::Display for FindingReport<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Messages quote the note.
        f.write_str(&printable(&self.finding.message))
    }
}

impl std::error::Error for FindingReport<'_> {}

impl Diagnostic for FindingReport<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(&self.rule.id))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(miette_severity(self.finding.level))
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        let mut help = String::new();
        for (i, s) in self.finding.suggestions.iter().enumerate() {
            help.push_str(if i == 0 { "try: " } else { "\n or: " });
            help.push_str(&printable(s));
        }
        help.push_str(&format!("\n(`regard rule {}` says why)", self.rule.id));
        Some(Box::new(help))
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(self.src)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let (start, end) = (self.finding.start.offset, self.finding.end.offset);
        Some(Box::new(std::iter::once(
            LabeledSpan::new_primary_with_span(
                Some(printable(&self.rule.summary).into_owned()),
                self.src.span(start, end),
            ),
        )))
    }
}

/// The closing line: kind, and specific about what was checked.
pub fn summary(findings: usize, notes_with_findings: usize, notes_checked: usize) -> String {
    if findings == 0 {
        format!(
            "regard: {} checked, nothing to reconsider.",
            plural(notes_checked, "note", "notes")
        )
    } else {
        format!(
            "regard: {} to reconsider in {} of {}.",
            plural(findings, "phrase", "phrases"),
            notes_with_findings,
            plural(notes_checked, "note", "notes"),
        )
    }
}
