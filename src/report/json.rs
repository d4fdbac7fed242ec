//! JSON output: one document for the whole run.
//!
//! ```json
//! {
//!   "findings": [
//!     {
//!       "path": "notes/session.md",
//!       "rule": "deficit-label",
//!       "severity": "warning",
//!       "message": "`resistant` labels the client, not what happened",
//!       "start": {"line": 3, "column": 12, "offset": 40},
//!       "end": {"line": 3, "column": 21, "offset": 49},
//!       "matched": "resistant",
//!       "suggestions": ["Describe what happened: \"She said the plan didn't fit.\""]
//!     }
//!   ],
//!   "files_checked": 4
//! }
//! ```
//!
//! Lines and columns are 1-based; columns count characters; offsets are
//! bytes from the start of the file, `end` exclusive. `matched` is the text as
//! the rule saw it: white space folded and Markdown markup removed. Findings
//! are sorted by path, then position. In a Word or LibreOffice document the
//! line is the paragraph, the column the character in it, offsets count in
//! the text of its paragraphs, and `"page": 3` says where the finding is
//! when the document records its page breaks.

use std::sync::Mutex;

use miette::Diagnostic;
use serde::Serialize;

use super::{Emitter, LeftOut, Located, NoteOutput, RunOutput};

/// The JSON document, written a note's findings at a time.
#[derive(Default)]
pub struct JsonOutput {
    stream: Mutex<JsonStream>,
}

impl Emitter for JsonOutput {
    fn note(&self, note: &NoteOutput<'_>) -> String {
        items(note.findings)
    }

    fn in_order(&self, rendered: super::Rendered) -> String {
        if rendered.full.is_empty() {
            return String::new();
        }
        let opening = self.stream.lock().expect("not poisoned").opening();
        opening.to_string() + &rendered.full
    }

    fn finish(&self, run: &RunOutput<'_>) -> Result<String, Box<dyn Diagnostic + Send + Sync>> {
        Ok(self
            .stream
            .lock()
            .expect("not poisoned")
            .end(run.checked, run.left_out))
    }
}

pub fn render(findings: &[Located], files_checked: usize) -> String {
    let mut stream = JsonStream::default();
    let mut out = String::new();
    let items = items(findings);
    if !items.is_empty() {
        out.push_str(stream.opening());
        out.push_str(&items);
    }
    out.push_str(&stream.end(files_checked, &[]));
    out
}

/// The document's opening before the first findings, as serde_json would
/// pretty-print it; the lines that stand around findings.
const OPENING: &str = "{\n  \"findings\": [\n";
const CLOSING: &str = "\n  ]\n}";

/// Some findings (one note's) as they stand in the document: indented,
/// separated by commas, without the comma or opening before the first.
/// Empty for none. `regard check` renders each note's on the thread that
/// checked it.
pub fn items(findings: &[Located]) -> String {
    #[derive(Serialize)]
    struct Findings<'a> {
        findings: &'a [Located],
    }
    if findings.is_empty() {
        return String::new();
    }
    // serde_json knows only whole documents: print one holding just these
    // findings and cut its first and last lines, into a buffer sized for
    // the usual finding (growing it from empty was most of the copying in
    // a run).
    let mut doc = Vec::with_capacity(OPENING.len() + 720 * findings.len());
    serde_json::to_writer_pretty(&mut doc, &Findings { findings }).expect("findings serialise");
    let mut doc = String::from_utf8(doc).expect("serde_json writes UTF-8");
    debug_assert!(doc.starts_with(OPENING) && doc.ends_with(CLOSING));
    doc.truncate(doc.len() - CLOSING.len());
    doc.split_off(OPENING.len())
}

/// The document written a note's findings at a time (see [`items`]), so
/// `regard check` can print an archive's findings without holding them all.
#[derive(Default)]
pub struct JsonStream {
    started: bool,
}

impl JsonStream {
    /// What goes before the next non-empty [`items`]: the document's
    /// opening the first time, a comma after that.
    pub fn opening(&mut self) -> &'static str {
        if std::mem::replace(&mut self.started, true) {
            ",\n"
        } else {
            OPENING
        }
    }

    /// The rest of the document. Notes whose findings the per-note limit
    /// cut short are listed in `"not_shown"` (only when there are some):
    /// `{"path": …, "findings": how many were left out, "limit": …}`.
    pub fn end(&mut self, files_checked: usize, left_out: &[(String, LeftOut)]) -> String {
        #[derive(Serialize)]
        struct NotShown<'a> {
            path: &'a str,
            findings: usize,
            limit: usize,
        }
        let open = if self.started {
            "\n  ]"
        } else {
            "{\n  \"findings\": []"
        };
        let mut end = format!("{open},\n  \"files_checked\": {files_checked}");
        if !left_out.is_empty() {
            let list: Vec<NotShown> = left_out
                .iter()
                .map(|(path, l)| NotShown {
                    path,
                    findings: l.count,
                    limit: l.limit,
                })
                .collect();
            let list = serde_json::to_string_pretty(&list).expect("a list serialises");
            end.push_str(",\n  \"not_shown\": ");
            end.push_str(&list.replace('\n', "\n  "));
        }
        end.push_str("\n}\n");
        end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Output<'a> {
        findings: &'a [Located],
        files_checked: usize,
    }

    #[test]
    fn streaming_writes_what_serde_json_would() {
        use crate::document::Position;
        let at = |offset| Position {
            line: 1,
            column: offset + 1,
            offset,
        };
        let f = Located {
            path: "a \"b\".md".into(),
            rule: "deficit-label".into(),
            level: crate::rule::Severity::Warning,
            // A line break in a string stays escaped, not indented.
            message: "`lazy` labels\nthe person".into(),
            start: at(3),
            end: at(7),
            page: None,
            matched: "lazy".into(),
            suggestions: vec!["Say what happened.".into(), "Or ask.".into()],
            fix: None,
            fingerprint: String::new(),
        };
        let mut fixed = f.clone();
        fixed.fix = Some(crate::engine::Edit {
            replacement: "said".into(),
            applicability: crate::rule::Applicability::Safe,
        });
        for findings in [
            vec![],
            vec![f.clone()],
            vec![f.clone(), fixed.clone(), f.clone()],
        ] {
            let expected = serde_json::to_string_pretty(&Output {
                findings: &findings,
                files_checked: 3,
            })
            .unwrap()
                + "\n";
            assert_eq!(render(&findings, 3), expected);
            // As `regard check` writes it: note by note, some with none.
            let mut stream = JsonStream::default();
            let mut out = String::new();
            for note in [
                &[][..],
                &findings[..findings.len().min(1)],
                &[],
                &findings[findings.len().min(1)..],
            ] {
                let items = items(note);
                if !items.is_empty() {
                    out.push_str(stream.opening());
                    out.push_str(&items);
                }
            }
            out.push_str(&stream.end(3, &[]));
            assert_eq!(out, expected);
        }
    }
}
