//! GitHub Actions output: one workflow command per finding, which GitHub
//! shows as an annotation on the pull request's diff.
//!
//! ```text
//! ::warning file=notes/session.md,line=3,col=12,endLine=3,endColumn=21,title=deficit-label::`resistant` labels the client%0Atry: Describe what you saw
//! ```
//!
//! The level is `error`, `warning` or `notice` (for `info`). The first
//! suggestion follows the message on a line of its own. Values are escaped as
//! GitHub's toolkit (`@actions/core`) escapes them, so a `%`, a line break,
//! or in a property a `:` or `,`, cannot end the command early; other
//! control characters are shown as symbols (see `source.rs`), as the log is
//! read in a terminal-like viewer.

use std::fmt::Write;

use miette::Diagnostic;

use super::source::printable;
use super::{Emitter, Located, NoteOutput, RunOutput};

/// GitHub Actions annotations, written note by note.
pub struct GithubOutput;

impl Emitter for GithubOutput {
    fn note(&self, note: &NoteOutput<'_>) -> String {
        render(note.findings) + &note.left_out.github_notice(&note.doc.path)
    }

    fn finish(&self, _: &RunOutput<'_>) -> Result<String, Box<dyn Diagnostic + Send + Sync>> {
        Ok(String::new())
    }
}
use crate::rule::Severity;

pub fn render(findings: &[Located]) -> String {
    let mut out = String::new();
    for f in findings {
        let level = match f.level {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut message = f.message.clone();
        if let Some(s) = f.suggestions.first() {
            message.push_str("\ntry: ");
            message.push_str(s);
        }
        writeln!(
            out,
            "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            escape_property(&f.path),
            f.start.line,
            f.start.column,
            f.end.line,
            f.end.column,
            escape_property(&f.rule),
            escape_data(&message),
        )
        .expect("writing to a String cannot fail");
    }
    out
}

/// `escapeData` in `@actions/core`'s `command.ts`, after [`printable`].
pub(crate) fn escape_data(s: &str) -> String {
    printable(s)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// `escapeProperty` in `@actions/core`'s `command.ts`.
pub(crate) fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_percent_first() {
        assert_eq!(escape_data("50%\r\n"), "50%25%0D%0A");
        assert_eq!(escape_property("a:b,c%0A"), "a%3Ab%2Cc%250A");
    }
}
