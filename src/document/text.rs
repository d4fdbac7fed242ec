//! Bytes to text for the formats that are text on disk (Markdown, plain).
//!
//! A note is UTF-8, with or without a byte-order mark (the mark stays in
//! the text, so spans remain file offsets and `--fix` writes it back; it is
//! not prose and not a column). UTF-16 and UTF-32 notes, and bytes that are
//! not UTF-8, are errors that say how to convert; a file with NUL bytes near
//! its start is not a note at all (a binary file named like one) and is
//! skipped with a word.

use miette::Diagnostic;

use super::Unreadable;
use crate::report::source::one_line;

/// How much of a file is looked at for NUL bytes before deciding it is binary.
const BINARY_SNIFF: usize = 8 * 1024;

/// A text note that is not UTF-8.
#[derive(Debug, thiserror::Error, Diagnostic)]
pub enum EncodingError {
    #[error(
        "`{path}` is not UTF-8 text: the byte at offset {offset} (line {line}) is not valid UTF-8"
    )]
    #[diagnostic(
        code(regard::encoding),
        help(
            "save the note as UTF-8 (in most editors: Save As, Encoding: UTF-8); a note exported from Word on Windows can be converted with `iconv -f WINDOWS-1252 -t UTF-8 NOTE > NOTE.utf8`"
        )
    )]
    NotUtf8 {
        path: String,
        offset: usize,
        line: usize,
    },
    #[error("`{path}` is UTF-32 text; regard reads UTF-8")]
    #[diagnostic(
        code(regard::encoding),
        help("save the note as UTF-8 (in most editors: Save As, Encoding: UTF-8), or convert it with `iconv -f UTF-32 -t UTF-8 NOTE > NOTE.utf8`")
    )]
    Utf32 { path: String },
    #[error("`{path}` is UTF-16 text; regard reads UTF-8")]
    #[diagnostic(
        code(regard::encoding),
        help("save the note as UTF-8 (in most editors: Save As, Encoding: UTF-8), or convert it with `iconv -f UTF-16 -t UTF-8 NOTE > NOTE.utf8`")
    )]
    Utf16 { path: String },
}

/// The text of a note stored as UTF-8, or why it cannot be read as one.
/// `name` is the path as shown to the user.
pub fn decode(name: &str, bytes: Vec<u8>) -> Result<String, Unreadable> {
    let invalid = |e: EncodingError| Unreadable::Invalid(Box::new(e));
    let path = || one_line(name).into_owned();
    // UTF-32's little-endian mark begins with UTF-16's: look for it first.
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) || bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        return Err(invalid(EncodingError::Utf32 { path: path() }));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(invalid(EncodingError::Utf16 { path: path() }));
    }
    if bytes[..bytes.len().min(BINARY_SNIFF)].contains(&0) {
        return Err(Unreadable::NotANote(
            "it looks like a binary file (it contains NUL bytes)".into(),
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        invalid(EncodingError::NotUtf8 {
            path: path(),
            offset,
            line,
        })
    })
}

/// Where the words start: after a UTF-8 byte-order mark, if there is one.
pub fn body_start(text: &str) -> usize {
    if text.starts_with('\u{feff}') {
        3
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn why(bytes: &[u8]) -> String {
        match decode("n.md", bytes.to_vec()) {
            Ok(text) => format!("text {text:?}"),
            Err(Unreadable::NotANote(why)) => format!("skipped: {why}"),
            Err(Unreadable::Invalid(e)) => format!("error: {e}"),
        }
    }

    #[test]
    fn encodings_are_told_apart() {
        assert_eq!(why(b"\xEF\xBB\xBFhi"), "text \"\\u{feff}hi\"");
        assert_eq!(
            why(b"\xFF\xFE\0\0h\0\0\0"),
            "error: `n.md` is UTF-32 text; regard reads UTF-8"
        );
        assert_eq!(
            why(b"\xFF\xFEh\0"),
            "error: `n.md` is UTF-16 text; regard reads UTF-8"
        );
        assert_eq!(
            why(b"a\0b"),
            "skipped: it looks like a binary file (it contains NUL bytes)"
        );
        assert_eq!(
            why(b"one\ntw\xE9"),
            "error: `n.md` is not UTF-8 text: the byte at offset 6 (line 2) is not valid UTF-8"
        );
    }
}
