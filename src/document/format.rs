//! Input formats: how a kind of file becomes the text rules read.
//!
//! A [`Format`] owns everything that depends on what a file is: decoding
//! its bytes (byte-order marks, UTF-16, the binary sniff), finding the
//! prose in it, and whether `--fix` may write it back. Everything after
//! (the engine, reports, baselines, the server) sees a [`super::Document`]:
//! a text, its prose, and byte spans into that text.
//!
//! The text need not be the file's bytes. Markdown and plain text are read
//! as they are on disk, so spans are file offsets and line and column are
//! the file's. A format whose file is not text (a Word document) extracts
//! its prose into a text with one line per place a user can find (a
//! paragraph), so a finding's line and column are that paragraph and the
//! character in it; such a format refuses `--fix` ([`Format::fix_refused`]).
//!
//! A new format is a type implementing [`Format`] (in a file of its own),
//! a variant of [`super::Kind`] and its arm in [`super::Kind::format`].

use super::prose::Prose;
use super::text;
use super::Unreadable;

pub trait Format: Send + Sync {
    /// What the format is called in messages ("Markdown").
    fn name(&self) -> &'static str;

    /// The extensions (lower case, without the dot) of the files of this
    /// format that a walk of a folder checks.
    fn extensions(&self) -> &'static [&'static str];

    /// The text rules read, from the file's bytes; `name` is the path as
    /// shown, for messages. A file that is not a note of this format at
    /// all is [`Unreadable::NotANote`] (skipped with a word); a damaged
    /// one, [`Unreadable::Invalid`] (an error).
    fn decode(&self, name: &str, bytes: Vec<u8>) -> Result<String, Unreadable>;

    /// The prose in `text` (what [`Format::decode`] returned, or an
    /// editor's buffer), with the map back to offsets in `text`.
    fn prose(&self, text: &str) -> Prose;

    /// How much of `text` a report may show as the note's source: all of
    /// it, unless the format keeps data of its own after the prose (a Word
    /// document's trailer, `office/`).
    fn shown_len(&self, text: &str) -> usize {
        text.len()
    }

    /// The page the text at `offset` is on, if the file says (a Word
    /// document records where its pages broke when it was last laid out).
    fn page(&self, _text: &str, _offset: usize) -> Option<u32> {
        None
    }

    /// Why `--fix` cannot write a file of this format back, if it cannot.
    fn fix_refused(&self) -> Option<&'static str> {
        None
    }
}

/// Markdown: `.md`, `.markdown`, and standard input unless named otherwise.
pub struct Markdown;

impl Format for Markdown {
    fn name(&self) -> &'static str {
        "Markdown"
    }
    fn extensions(&self) -> &'static [&'static str] {
        &["md", "markdown"]
    }
    fn decode(&self, name: &str, bytes: Vec<u8>) -> Result<String, Unreadable> {
        text::decode(name, bytes)
    }
    fn prose(&self, text: &str) -> Prose {
        super::markdown::read(text, text::body_start(text))
    }
}

/// Plain text: `.txt`, and any file named on the command line whose
/// extension no format claims.
pub struct Plain;

impl Format for Plain {
    fn name(&self) -> &'static str {
        "plain text"
    }
    fn extensions(&self) -> &'static [&'static str] {
        &["txt"]
    }
    fn decode(&self, name: &str, bytes: Vec<u8>) -> Result<String, Unreadable> {
        text::decode(name, bytes)
    }
    fn prose(&self, text: &str) -> Prose {
        super::plain::read(text, text::body_start(text))
    }
}
