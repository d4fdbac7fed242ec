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
//! are sorted by path, then position.

use super::Located;

pub fn render(findings: &[Located], files_checked: usize) -> String {
    let mut stream = JsonStream::default();
    let mut out = String::new();
    for f in findings {
        out.push_str(&stream.item(f));
    }
    out.push_str(&stream.end(files_checked));
    out
}

/// The same document written a finding at a time, so `regard check` can
/// print an archive's findings without holding them all.
#[derive(Default)]
pub struct JsonStream {
    started: bool,
}

impl JsonStream {
    /// The text for one more finding (with the document's opening, first time).
    pub fn item(&mut self, f: &Located) -> String {
        let mut out = String::from(if self.started {
            ",\n"
        } else {
            "{\n  \"findings\": [\n"
        });
        self.started = true;
        out.push_str("    ");
        let mut bytes = Indented(out.into_bytes());
        serde_json::to_writer_pretty(&mut bytes, f).expect("findings serialise");
        String::from_utf8(bytes.0).expect("serde_json writes UTF-8")
    }

    /// The rest of the document.
    pub fn end(&mut self, files_checked: usize) -> String {
        let open = if self.started {
            "\n  ]"
        } else {
            "{\n  \"findings\": []"
        };
        format!("{open},\n  \"files_checked\": {files_checked}\n}}\n")
    }
}

/// Writes into a buffer, indenting every line after the first by four
/// spaces (a finding sits two levels deep in the document). Only
/// serde_json's own line breaks are raw: in strings they are escaped.
struct Indented(Vec<u8>);

impl std::io::Write for Indented {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        let mut rest = data;
        while let Some(i) = rest.iter().position(|&b| b == b'\n') {
            self.0.extend_from_slice(&rest[..=i]);
            self.0.extend_from_slice(b"    ");
            rest = &rest[i + 1..];
        }
        self.0.extend_from_slice(rest);
        Ok(data.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;

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
            severity: "warning",
            level: crate::rule::Severity::Warning,
            // A line break in a string stays escaped, not indented.
            message: "`lazy` labels\nthe person".into(),
            start: at(3),
            end: at(7),
            matched: "lazy".into(),
            suggestions: vec!["Say what happened.".into(), "Or ask.".into()],
            fix: None,
            fingerprint: String::new(),
        };
        for findings in [vec![], vec![f.clone()], vec![f.clone(), f]] {
            let expected = serde_json::to_string_pretty(&Output {
                findings: &findings,
                files_checked: 3,
            })
            .unwrap()
                + "\n";
            assert_eq!(render(&findings, 3), expected);
        }
    }
}
