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

/// A 1-based line and character column, with the byte offset it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
    pub offset: usize,
}

/// Line starts of a text, for turning offsets into positions.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> LineIndex<'a> {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { text, starts }
    }

    pub fn position(&self, offset: usize) -> Position {
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let mut line_start = self.starts[line];
        if line == 0 && self.text.starts_with('\u{feff}') {
            line_start = line_start.max(3).min(offset.max(3));
        }
        let column = self
            .text
            .get(line_start..offset)
            .map_or(0, |s| s.chars().count())
            + 1;
        Position {
            line: line + 1,
            column,
            offset,
        }
    }
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
    fn byte_order_mark_is_not_a_column() {
        let text = "\u{feff}hello";
        assert_eq!(LineIndex::new(text).position(3).column, 1);
        assert_eq!(LineIndex::new(text).position(4).column, 2);
    }
}
