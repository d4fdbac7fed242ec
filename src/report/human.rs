//! Human output: one miette report per finding, for the first few.
//!
//! Each finding is a [`Diagnostic`] whose source is the note, with the
//! matched words underlined, the rule id as code, the message as headline and
//! the suggestions as help. Reports are rendered to strings in the worker that
//! checked the note, so the note's text can be dropped straight after.
//!
//! A report takes about a dozen lines: past [`FULL_REPORTS`] findings in a
//! run, each further note's findings are one line each (as `--format
//! concise`), unless `--full`. What is the same for every finding of a rule
//! (where to read why) is said once, at the end, for each rule that had any.

use std::fmt;

use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceCode};

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use super::source::{one_line, printable, Excerpt};
use super::{concise, plural, Emitter, Located, NoteOutput, Rendered, RunOutput};

/// Findings shown as full reports in a run before the rest are one line
/// each: a commit's few findings in full, an archive's thousands compact.
pub const FULL_REPORTS: usize = 20;
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
        let src = Excerpt::new(one_line(&doc.path), doc.shown());
        // The findings of one sentence share their rewording (round 8,
        // `engine/agree.rs`) and often their question: each suggestion is
        // shown once, with the first finding of the sentence that has it.
        let mut shown: Vec<((usize, usize), &str)> = Vec::new();
        for l in findings {
            let Some(rule) = rules.iter().find(|r| r.id == l.rule) else {
                continue;
            };
            let result = if self.redact {
                let report = Redacted {
                    rule,
                    level: l.level,
                    at: format!(
                        "{}:{}:{}{}",
                        one_line(&l.path),
                        l.start.line,
                        l.start.column,
                        l.page.map_or(String::new(), |p| format!(" (page {p})"))
                    ),
                };
                self.handler.render_report(&mut out, &report)
            } else {
                let text = doc.shown();
                let sentence = crate::engine::sentence_of(text, l.start.offset, l.end.offset);
                let (mut new, mut repeated) = (Vec::new(), false);
                for s in &l.suggestions {
                    if shown.contains(&(sentence, s.as_str())) {
                        repeated = true;
                    } else {
                        shown.push((sentence, s.as_str()));
                        new.push(s.as_str());
                    }
                }
                self.handler.render_report(
                    &mut out,
                    &FindingReport {
                        finding: l,
                        rule,
                        src: &src,
                        new,
                        repeated,
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
}

struct FindingReport<'a> {
    finding: &'a Located,
    rule: &'a Rule,
    src: &'a Excerpt<'a>,
    /// The finding's suggestions that an earlier finding of the same
    /// sentence has not shown (see [`Human::render`]).
    new: Vec<&'a str>,
    /// Whether an earlier finding of the sentence showed the rest.
    repeated: bool,
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
        for (i, s) in self.new.iter().enumerate() {
            help.push_str(if i == 0 { "try: " } else { "\n or: " });
            help.push_str(&printable(s));
        }
        if self.repeated && self.new.is_empty() {
            help.push_str("the suggestion above, for this sentence, covers this too");
        }
        if let Some(page) = self.finding.page {
            // A Word document that records its page breaks.
            if !help.is_empty() {
                help.push('\n');
            }
            help.push_str(&format!("(on page {page})"));
        }
        (!help.is_empty()).then(|| Box::new(help) as Box<dyn fmt::Display>)
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

/// The human format: each note's fixes (or diff) and reports, then a line
/// on fixes, where to read about each rule, and the summary. Under `-q`,
/// the summary only; under `--diff`, the diffs without reports.
#[derive(Default)]
pub struct HumanOutput {
    /// `None` under `--diff`: the diff is the report.
    pub reports: Option<Human>,
    pub quiet: bool,
    pub diff: bool,
    /// `--full`: every finding as a full report.
    pub full: bool,
    /// Findings shown in full so far (written in order, on one thread).
    shown_in_full: AtomicUsize,
    /// Set once a note was written compact: every later one is too, so
    /// workers need not render full reports.
    compact: AtomicBool,
}

impl HumanOutput {
    pub fn new(reports: Option<Human>, quiet: bool, diff: bool, full: bool) -> HumanOutput {
        HumanOutput {
            reports,
            quiet,
            diff,
            full,
            ..HumanOutput::default()
        }
    }
}

impl Emitter for HumanOutput {
    fn note(&self, note: &NoteOutput<'_>) -> String {
        if self.quiet || self.compact.load(Ordering::Relaxed) {
            return String::new();
        }
        let mut out = note.fixed.to_string();
        if let Some(reports) = &self.reports {
            out.push_str(&reports.render(note.doc, note.findings, note.rules));
        }
        out + &note.left_out.notice(&note.doc.path)
    }

    fn compact_note(&self, note: &NoteOutput<'_>) -> Option<String> {
        if self.quiet || self.full || self.reports.is_none() {
            return None;
        }
        Some(
            note.fixed.to_string()
                + &concise::render(note.findings)
                + &note.left_out.notice(&note.doc.path),
        )
    }

    fn in_order(&self, rendered: Rendered) -> String {
        let Some(compact) = rendered.compact else {
            return rendered.full;
        };
        let shown = self.shown_in_full.load(Ordering::Relaxed);
        if !self.compact.load(Ordering::Relaxed) && shown + rendered.findings <= FULL_REPORTS {
            self.shown_in_full
                .store(shown + rendered.findings, Ordering::Relaxed);
            return rendered.full;
        }
        if rendered.findings == 0 {
            return compact;
        }
        if self.compact.swap(true, Ordering::Relaxed) {
            return compact;
        }
        format!(
            "regard: more than {FULL_REPORTS} findings, so the rest are one line each (--full shows every one in full).\n{compact}"
        )
    }

    fn finish(&self, run: &RunOutput<'_>) -> Result<String, Box<dyn Diagnostic + Send + Sync>> {
        let mut text = String::new();
        if !self.quiet {
            let n = plural(run.fixed, "phrase", "phrases");
            if self.diff {
                text.push_str(&format!(
                    "regard: --fix would reword {n}; nothing was written.\n"
                ));
            } else if run.fixed > 0 {
                text.push_str(&format!("regard: fixed {n}.\n"));
            }
        }
        if !self.quiet && self.reports.is_some() {
            text.push_str(&read_more(run));
        }
        Ok(text + &closing_line(run))
    }
}

/// Where to read why each rule's phrases matter, once per rule that had
/// findings, rather than under every finding.
fn read_more(run: &RunOutput<'_>) -> String {
    let seen: Vec<String> = run
        .rules
        .iter()
        .zip(run.by_rule)
        .filter(|(_, &n)| n > 0)
        .map(|(rule, _)| format!("`regard rule {}`", rule.id))
        .collect();
    if seen.is_empty() {
        return String::new();
    }
    format!(
        "Why these phrases matter, and what to write instead: {}.\n",
        seen.join(", ")
    )
}

/// The summary line ending a human run, or `-q`'s only line: never an
/// all-clear when something could not be checked.
pub fn closing_line(run: &RunOutput<'_>) -> String {
    if run.errors && run.findings == 0 {
        format!(
            "regard: {} checked; errors above, so this is not an all-clear.\n",
            plural(run.checked, "note", "notes")
        )
    } else {
        format!(
            "{}\n",
            summary(run.findings, run.with_findings, run.checked)
        )
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
