//! Documents: a note on disk, and the prose in it that rules read.
//!
//! Each input format implements [`Format`] (`format.rs`): it decodes the
//! file's bytes into the text rules read (`text.rs` for formats that are
//! text on disk: byte-order marks, UTF-16, the binary sniff) and finds the
//! prose in that text. [`Kind`] names the formats regard knows and picks
//! one by extension. `markdown.rs` skips code, front matter and HTML
//! comments and strips markup; `plain.rs` reads everything. Both feed
//! `prose.rs`, which folds white space and keeps a map back to offsets in
//! the text. `quotes.rs` finds quoted speech; `span.rs` turns byte offsets
//! into lines and columns for people; `suppress.rs` reads the
//! `regard-ignore` directives.

pub mod format;
pub mod markdown;
pub mod office;
pub mod plain;
pub mod prose;
pub mod quotes;
pub mod span;
pub mod suppress;
pub mod text;

use std::path::Path;

use miette::Diagnostic;

pub use format::Format;
pub use prose::{Block, Prose};
pub use span::{LineIndex, Position, Span};

/// The input formats regard reads; [`Kind::format`] is each one's reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Markdown,
    Plain,
    /// Word (`.docx`) and LibreOffice (`.odt`) documents: `office/`.
    Word,
}

impl Kind {
    /// Every format, in the order extensions are matched.
    pub const ALL: &'static [Kind] = &[Kind::Markdown, Kind::Plain, Kind::Word];

    /// How files of this kind are read.
    pub fn format(self) -> &'static dyn Format {
        match self {
            Kind::Markdown => &format::Markdown,
            Kind::Plain => &format::Plain,
            Kind::Word => &office::Word,
        }
    }

    /// The kind a file has by its extension, if regard reads that kind when
    /// walking a folder (see [`Format::extensions`]).
    pub fn from_path(path: &Path) -> Option<Kind> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Kind::ALL
            .iter()
            .copied()
            .find(|kind| kind.format().extensions().contains(&ext.as_str()))
    }
}

/// Why a file's bytes are not a note's text.
#[derive(Debug)]
pub enum Unreadable {
    /// Not a note at all (a binary file named like one): skipped, and the
    /// user told why.
    NotANote(String),
    /// A note that cannot be read (UTF-16, bytes that are not UTF-8, a
    /// damaged document): an error naming the file.
    Invalid(Box<dyn Diagnostic + Send + Sync>),
}

/// A note and its prose.
#[derive(Debug)]
pub struct Document {
    /// The path as shown to the user.
    pub path: String,
    /// What the rules read and spans point into: for text formats, the
    /// file as it is on disk (see [`Format`]).
    pub text: String,
    pub kind: Kind,
    pub prose: Prose,
}

impl Document {
    /// A note from the bytes of a file of this kind (see [`Format::decode`]).
    pub fn read(path: String, bytes: Vec<u8>, kind: Kind) -> Result<Document, Unreadable> {
        let text = kind.format().decode(&path, bytes)?;
        Ok(Document::new(path, text, kind))
    }

    /// What a report shows of the text (see [`Format::shown_len`]).
    pub fn shown(&self) -> &str {
        &self.text[..self.kind.format().shown_len(&self.text)]
    }

    /// A note from its text (as decoded, or an editor's buffer).
    pub fn new(path: String, text: String, kind: Kind) -> Document {
        let prose = kind.format().prose(&text);
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
        // memchr's SIMD search, not `str::find`: this runs over every byte of every note.
        let (line, advance) = match memchr::memchr(b'\n', rest.as_bytes()) {
            Some(i) => (&rest[..i], i + 1),
            None => (rest, rest.len()),
        };
        let start = at;
        at += advance;
        Some((start, line))
    })
}
