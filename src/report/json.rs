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

use serde::Serialize;

use super::Located;

#[derive(Serialize)]
struct Output<'a> {
    findings: &'a [Located],
    files_checked: usize,
}

pub fn render(findings: &[Located], files_checked: usize) -> String {
    let mut s = serde_json::to_string_pretty(&Output {
        findings,
        files_checked,
    })
    .expect("findings serialise");
    s.push('\n');
    s
}
