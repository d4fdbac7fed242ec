//! Documents: a note on disk, and the prose in it that rules read.
//!
//! [`Document::new`] picks a reader by file kind: `markdown.rs` skips code,
//! front matter and HTML comments and strips markup; `plain.rs` reads
//! everything. Both feed `prose.rs`, which folds white space and keeps a map
//! back to file offsets. `quotes.rs` finds quoted speech; `span.rs` turns byte
//! offsets into lines and columns for people.

pub mod markdown;
pub mod office;
pub mod plain;
pub mod prose;
pub mod quotes;
pub mod span;
pub mod suppress;

use std::path::Path;

pub use prose::{Block, Prose};
pub use span::{LineIndex, Position, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Markdown,
    Plain,
}

impl Kind {
    /// The kind a file has by its extension, if regard reads that kind when
    /// walking a folder: `.md`, `.markdown` and `.txt`.
    pub fn from_path(path: &Path) -> Option<Kind> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" => Some(Kind::Markdown),
            "txt" => Some(Kind::Plain),
            _ => None,
        }
    }
}

/// A note and its prose.
#[derive(Debug)]
pub struct Document {
    /// The path as shown to the user.
    pub path: String,
    pub text: String,
    pub kind: Kind,
    pub prose: Prose,
}

impl Document {
    pub fn new(path: String, text: String, kind: Kind) -> Document {
        let body_start = if text.starts_with('\u{feff}') { 3 } else { 0 };
        let prose = match kind {
            Kind::Markdown => markdown::read(&text, body_start),
            Kind::Plain => plain::read(&text, body_start),
        };
        Document {
            path,
            text,
            kind,
            prose,
        }
    }
}

/// Lines of `src` from `from`, with their start offsets, without the line
/// break (a `\r` before `\n` stays; it is white space to the prose builder).
pub(crate) fn lines(src: &str, from: usize) -> impl Iterator<Item = (usize, &str)> {
    let mut at = from;
    std::iter::from_fn(move || {
        if at >= src.len() {
            return None;
        }
        let rest = &src[at..];
        // memchr's SIMD search: `str::find` was a tenth of reading a note.
        let (line, advance) = match memchr::memchr(b'\n', rest.as_bytes()) {
            Some(i) => (&rest[..i], i + 1),
            None => (rest, rest.len()),
        };
        let start = at;
        at += advance;
        Some((start, line))
    })
}
