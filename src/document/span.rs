//! Byte spans in a note, and their line and column for people.
//!
//! Everything inside regard works on byte offsets (end-exclusive) into the
//! note as it is on disk; line and column are computed only when a finding is
//! rendered. Columns count characters (not bytes, not display cells), so an
//! accent or an emoji before a finding counts once. A UTF-8 byte-order mark
//! is not a character anyone sees and is not counted.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

/// The nearest char boundary at or before `i` (`i` at most `text.len()`).
pub(crate) fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The nearest char boundary at or after `i` (`i` at most `text.len()`).
pub(crate) fn ceil_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// A 1-based line and character column, with the byte offset it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
    pub offset: usize,
}

/// Line starts of a text, for turning offsets into positions.
///
/// Counting characters from the start of the line would be quadratic for a
/// long line with many findings (a note exported without line breaks), so
/// the last position is remembered and counting resumes from it when the
/// next offset is further along the same line, as sorted findings are.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
    last: std::cell::Cell<Option<Position>>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> LineIndex<'a> {
        let mut starts = vec![0];
        starts.extend(memchr_newlines(text));
        LineIndex {
            text,
            starts,
            last: std::cell::Cell::new(None),
        }
    }

    pub fn position(&self, offset: usize) -> Position {
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let mut line_start = self.starts[line];
        if line == 0 && self.text.starts_with('\u{feff}') {
            line_start = line_start.max(3).min(offset.max(3));
        }
        let (from, column_so_far) = match self.last.get() {
            Some(p) if p.line == line + 1 && p.offset >= line_start && p.offset <= offset => {
                (p.offset, p.column - 1)
            }
            _ => (line_start, 0),
        };
        let column =
            self.text.get(from..offset).map_or(0, |s| s.chars().count()) + column_so_far + 1;
        let position = Position {
            line: line + 1,
            column,
            offset,
        };
        self.last.set(Some(position));
        position
    }
}

/// The offset after each line break (memchr: SIMD, unlike `str::match_indices`).
fn memchr_newlines(text: &str) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters() {
        let text = "ab\r\ncafé 😀 x\n";
        let index = LineIndex::new(text);
        assert_eq!(
            index.position(0),
            Position {
                line: 1,
                column: 1,
                offset: 0
            }
        );
        let x = text.find('x').unwrap();
        assert_eq!(
            index.position(x),
            Position {
                line: 2,
                column: 8,
                offset: x
            }
        );
    }

    #[test]
    fn remembered_positions_agree_with_fresh_ones() {
        let text = "ab cd é 😀 ef\nxy é z\n";
        let index = LineIndex::new(text);
        let offsets: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        for &o in offsets.iter().chain(offsets.iter().rev()) {
            assert_eq!(
                index.position(o),
                LineIndex::new(text).position(o),
                "offset {o}"
            );
        }
    }

    #[test]
    fn byte_order_mark_is_not_a_column() {
        let text = "\u{feff}hello";
        assert_eq!(LineIndex::new(text).position(3).column, 1);
        assert_eq!(LineIndex::new(text).position(4).column, 2);
    }
}
