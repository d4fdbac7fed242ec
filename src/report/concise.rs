//! Concise output: one line per finding, for editors' problem matchers and
//! `grep`.
//!
//! ```text
//! notes/session.md:3:12: warning deficit-label: `resistant` labels the client
//! ```
//!
//! Line and column are 1-based; the column counts characters. Nothing else is
//! printed: no suggestions, no summary. Control characters and line breaks
//! in the path or message are shown as symbols (see `source.rs`), so a
//! finding stays one line.

use std::fmt::Write;

use miette::Diagnostic;

use super::source::one_line;
use super::{human, Emitter, Located, NoteOutput, RunOutput};

/// The concise format; under `-q`, only the human summary line.
pub struct ConciseOutput {
    pub quiet: bool,
}

impl Emitter for ConciseOutput {
    fn note(&self, note: &NoteOutput<'_>) -> String {
        if self.quiet {
            return String::new();
        }
        render(note.findings) + &note.left_out.notice(&note.doc.path)
    }

    fn finish(&self, run: &RunOutput<'_>) -> Result<String, Box<dyn Diagnostic + Send + Sync>> {
        Ok(if self.quiet {
            human::closing_line(run)
        } else {
            String::new()
        })
    }
}

pub fn render(findings: &[Located]) -> String {
    let mut out = String::new();
    for f in findings {
        writeln!(
            out,
            "{}:{}:{}: {} {}: {}",
            one_line(&f.path),
            f.start.line,
            f.start.column,
            f.level.as_str(),
            f.rule,
            one_line(&f.message)
        )
        .expect("writing to a String cannot fail");
    }
    out
}
