//! `Prose`: the words of a note as the rules see them, mapped back to the file.
//!
//! The Markdown and plain-text readers feed a [`ProseBuilder`] the parts of
//! the file that are prose, block by block (a paragraph, a list item, a
//! heading, a table cell). The builder folds every run of white space (line
//! wraps, CRLF, tabs, indentation, no-break spaces) into one space and turns a
//! curly apostrophe inside a word into a straight one, so `in\n  denial` and
//! `client’s` match the phrases `in denial` and `client's`. Blocks are joined
//! by `\n`, so no phrase matches across two paragraphs.
//!
//! Folding moves text, so the builder records a breakpoint wherever the
//! distance between prose and file changes; [`Prose::source_offset`] maps an
//! offset back by binary search. Only discontinuities are stored, not one
//! entry per byte, so memory stays proportional to the number of lines.

use std::ops::Range;

#[derive(Debug, Default)]
pub struct Prose {
    pub text: String,
    /// `(prose offset, file offset)` at each discontinuity, ascending.
    map: Vec<(usize, usize)>,
    pub blocks: Vec<Block>,
    /// Where `text`'s non-ASCII word characters start (see
    /// [`Prose::wide_words`]), found on first use.
    wide: std::sync::OnceLock<std::sync::Arc<[usize]>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// Range in [`Prose::text`].
    pub range: Range<usize>,
    /// Inside a Markdown block quote (`> …`).
    pub quote: bool,
}

impl Prose {
    /// The byte offsets in [`Prose::text`] of its non-ASCII word
    /// characters (regex-syntax's `\w`), ascending; read once per note,
    /// for the suggestions' regexes to choose their ASCII form by
    /// (`suggest::regex::in_note`) without reading the note again at
    /// each search.
    pub fn wide_words(&self) -> std::sync::Arc<[usize]> {
        self.wide
            .get_or_init(|| {
                crate::rule::program::note_read(self.text.len());
                if self.text.is_ascii() {
                    return Vec::new().into();
                }
                self.text
                    .char_indices()
                    .filter(|&(_, c)| !c.is_ascii() && regex_syntax::is_word_character(c))
                    .map(|(i, _)| i)
                    .collect()
            })
            .clone()
    }

    /// The file offset of a prose offset. A match never starts or ends inside
    /// a folded run of white space, so the result is exact for match bounds.
    pub fn source_offset(&self, at: usize) -> usize {
        let i = self.map.partition_point(|&(p, _)| p <= at);
        if i == 0 {
            return at;
        }
        let (p, s) = self.map[i - 1];
        s + (at - p)
    }

    /// The block holding a prose offset.
    pub fn block_at(&self, at: usize) -> Option<&Block> {
        let i = self.blocks.partition_point(|b| b.range.end < at);
        self.blocks
            .get(i)
            .filter(|b| b.range.start <= at && at <= b.range.end)
    }
}

/// The bytes `push` may fold: ASCII white space and the first bytes of a
/// no-break space (U+00A0) and a curly apostrophe (U+2019).
static FOLDS: [bool; 256] = byte_table(b" \t\n\x0c\r\xc2\xe2");

/// How many bytes [`needs_no_folding`] looks at at once.
const WORD: usize = 8;

/// Whether `push` would step over the eight bytes at `at` one by one
/// without folding anything: no control character, no byte beyond ASCII,
/// no space beside another or before a byte that folds. Most of a note is
/// words and single spaces, so testing eight bytes at once (as integer
/// arithmetic, no SIMD) skips most of the per-byte loop. The caller makes
/// sure the byte after them exists and the first does not start a run.
fn needs_no_folding(bytes: &[u8], at: usize) -> bool {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = ONES * 0x80;
    const LOW7: u64 = ONES * 0x7f;
    const SPACES: u64 = ONES * 0x20;
    let chunk: [u8; WORD] = bytes[at..at + WORD].try_into().expect("eight bytes");
    let w = u64::from_le_bytes(chunk);
    // Any byte of 0x80 or above (no-break spaces, curly apostrophes).
    if w & HIGH != 0 {
        return false;
    }
    // Any byte below 0x20 (tabs, line ends): with the top bits clear,
    // subtracting 0x20 from each byte borrows into its top bit only then.
    if w.wrapping_sub(SPACES) & !w & HIGH != 0 {
        return false;
    }
    // Spaces, exactly: a byte of `w ^ SPACES` is zero where `w` had a space.
    let y = w ^ SPACES;
    let spaces = !(((y & LOW7) + LOW7) | y) & HIGH;
    // Two in a row, or one last before a byte that folds.
    let last_is_space = spaces >> 56 != 0;
    spaces & (spaces >> 8) == 0 && !(last_is_space && FOLDS[usize::from(bytes[at + WORD])])
}

/// The offset of the first of `bytes` that `table` holds. Eight bytes at
/// a time, without a branch per byte: most bytes are not wanted.
pub(super) fn find_in(bytes: &[u8], table: &[bool; 256]) -> Option<usize> {
    let mut at = 0;
    for chunk in bytes.chunks_exact(WORD) {
        if chunk
            .iter()
            .fold(false, |any, &b| any | table[usize::from(b)])
        {
            break;
        }
        at += WORD;
    }
    bytes[at..]
        .iter()
        .position(|&b| table[usize::from(b)])
        .map(|n| at + n)
}

/// A lookup table holding `true` for each of `bytes`.
pub(super) const fn byte_table(bytes: &[u8]) -> [bool; 256] {
    let mut table = [false; 256];
    let mut i = 0;
    while i < bytes.len() {
        table[bytes[i] as usize] = true;
        i += 1;
    }
    table
}

pub struct ProseBuilder<'s> {
    src: &'s str,
    prose: Prose,
    /// Where the open block starts in the prose, if a block is open.
    block: Option<(usize, bool)>,
    /// File offset of white space waiting to become one space.
    pending_space: Option<usize>,
}

impl<'s> ProseBuilder<'s> {
    pub fn new(src: &'s str) -> ProseBuilder<'s> {
        ProseBuilder {
            src,
            prose: Prose {
                text: String::with_capacity(src.len()),
                map: Vec::new(),
                blocks: Vec::new(),
                wide: std::sync::OnceLock::new(),
            },
            block: None,
            pending_space: None,
        }
    }

    /// Ends the open block, if any, and opens a new one.
    pub fn start_block(&mut self, quote: bool) {
        self.end_block();
        self.block = Some((self.prose.text.len(), quote));
    }

    pub fn end_block(&mut self) {
        if let Some((start, quote)) = self.block.take() {
            if self.prose.text.len() > start {
                self.prose.blocks.push(Block {
                    range: start..self.prose.text.len(),
                    quote,
                });
                self.prose.text.push('\n');
            }
        }
        self.pending_space = None;
    }

    /// A break between words that has no text of its own (a line end, a
    /// removed code span).
    pub fn space(&mut self, at: usize) {
        if self.pending_space.is_none() {
            self.pending_space = Some(at);
        }
    }

    /// Adds `src[range]` to the open block (opening one if needed), folding
    /// white space and in-word curly apostrophes.
    pub fn push(&mut self, range: Range<usize>) {
        let src = self.src;
        let bytes = src.as_bytes();
        let mut run_start = range.start;
        let mut i = range.start;
        while i < range.end {
            if i > run_start && i + WORD < range.end && needs_no_folding(bytes, i) {
                i += WORD;
                continue;
            }
            let b = bytes[i];
            if !FOLDS[usize::from(b)] {
                i += 1;
                continue;
            }
            if b == b' ' && i > run_start && i + 1 < range.end && !FOLDS[usize::from(bytes[i + 1])]
            {
                // One space between words stays as it is: no need to end
                // the run and record a breakpoint for every word.
                i += 1;
                continue;
            }
            if b.is_ascii_whitespace() {
                self.emit(run_start..i);
                self.space(i);
                i += 1;
                run_start = i;
            } else if b == 0xC2 && bytes.get(i + 1) == Some(&0xA0) {
                // U+00A0 no-break space
                self.emit(run_start..i);
                self.space(i);
                i += 2;
                run_start = i;
            } else if b == 0xE2
                && bytes.get(i + 1) == Some(&0x80)
                && bytes.get(i + 2) == Some(&0x99)
            {
                // U+2019: an apostrophe when a letter stands on both sides.
                let before = src[..i]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric);
                let after = src[i + 3..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
                if before && after && i + 3 <= range.end {
                    self.emit(run_start..i);
                    self.emit_str("'", i);
                    i += 3;
                    run_start = i;
                } else {
                    i += 3;
                }
            } else {
                i += 1;
            }
        }
        self.emit(run_start..range.end.min(i));
    }

    fn emit(&mut self, range: Range<usize>) {
        if !range.is_empty() {
            let src = self.src;
            self.emit_str(&src[range.clone()], range.start);
        }
    }

    fn emit_str(&mut self, text: &str, at: usize) {
        if self.block.is_none() {
            self.block = Some((self.prose.text.len(), false));
        }
        if let Some(space_at) = self.pending_space.take() {
            let (start, _) = self.block.expect("opened above");
            if self.prose.text.len() > start {
                self.record(space_at);
                self.prose.text.push(' ');
            }
        }
        self.record(at);
        self.prose.text.push_str(text);
    }

    /// Records a breakpoint if the next prose byte does not sit where the
    /// previous breakpoint predicts.
    fn record(&mut self, at: usize) {
        let here = self.prose.text.len();
        let predicted = match self.prose.map.last() {
            Some(&(p, s)) => s + (here - p),
            None => here,
        };
        if predicted != at {
            self.prose.map.push((here, at));
        }
    }

    pub fn finish(mut self) -> Prose {
        self.end_block();
        self.prose
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(src: &str) -> Prose {
        let mut b = ProseBuilder::new(src);
        b.push(0..src.len());
        b.finish()
    }

    #[test]
    fn wide_words_are_where_non_ascii_word_characters_start() {
        let prose = build("A naïve “plan” at the café — 3½ hours.");
        let text = prose.text.as_str();
        let at = |s: &str| text.find(s).unwrap();
        // Quotes, the dash and `½` (a number, not a word character) are not.
        assert_eq!(&*prose.wide_words(), &[at("ï"), at("é")]);
        assert!(build("She was late. ").wide_words().is_empty());
    }

    #[test]
    fn folds_white_space_and_maps_back() {
        let src = "in \r\n   denial";
        let prose = build(src);
        assert_eq!(prose.text, "in denial\n");
        let d = prose.text.find("denial").unwrap();
        assert_eq!(
            &src[prose.source_offset(d)..prose.source_offset(d + 6)],
            "denial"
        );
        assert_eq!(prose.source_offset(2), 2);
    }

    #[test]
    fn single_spaces_stay_in_the_run_and_mixed_white_space_folds() {
        // A space before a no-break space, a tab or a line end still folds
        // with it into one; a space alone between words is kept as written.
        let src = "one \u{a0}two  three\tfour \nfive six";
        let prose = build(src);
        assert_eq!(prose.text, "one two three four five six\n");
        for word in ["one", "two", "three", "four", "five", "six"] {
            let at = prose.text.find(word).unwrap();
            let from = prose.source_offset(at);
            assert_eq!(&src[from..from + word.len()], word);
        }
        // A block that starts with a space drops it.
        assert_eq!(build(" lead").text, "lead\n");
    }

    #[test]
    fn straightens_in_word_apostrophes_only() {
        let src = "it\u{2019}s \u{2018}fine\u{2019} now";
        let prose = build(src);
        assert_eq!(prose.text, "it's \u{2018}fine\u{2019} now\n");
        let now = prose.text.find("now").unwrap();
        assert_eq!(&src[prose.source_offset(now)..], "now");
    }

    /// What `push` should make of `src` as one block, by the plainest
    /// means: runs of white space become one space (none at either end),
    /// a curly apostrophe between letters becomes a straight one.
    fn folded(src: &str) -> String {
        let chars: Vec<char> = src.chars().collect();
        let mut out = String::new();
        let mut space = false;
        for (i, &c) in chars.iter().enumerate() {
            if matches!(c, ' ' | '\t' | '\n' | '\x0c' | '\r' | '\u{a0}') {
                space = true;
                continue;
            }
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            let letters = |j: Option<usize>| {
                j.and_then(|j| chars.get(j))
                    .is_some_and(|c| c.is_alphanumeric())
            };
            if c == '\u{2019}' && letters(i.checked_sub(1)) && letters(Some(i + 1)) {
                out.push('\'');
            } else {
                out.push(c);
            }
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out
    }

    proptest::proptest! {
        /// The eight-bytes-at-once path (`needs_no_folding`) folds exactly
        /// as the plain rule says, wherever spaces, line ends, no-break
        /// spaces and apostrophes fall against its eight-byte steps, and
        /// every word maps back to itself in the file.
        #[test]
        fn folding_matches_the_plain_rule(
            parts in proptest::collection::vec(
                proptest::sample::select(vec!["a", "word", "sixteen-letters!", " ", "  ", "\t", "\r\n", "\n", "\u{a0}", "\u{2019}", "it\u{2019}s", "é"]),
                0..40,
            )
        ) {
            let src: String = parts.concat();
            let prose = build(&src);
            proptest::prop_assert_eq!(&prose.text, &folded(&src));
            let mut at = 0;
            for word in prose.text.split([' ', '\n']).filter(|w| !w.is_empty() && !w.contains('\'')) {
                at += prose.text[at..].find(word).expect("the word is there");
                let from = prose.source_offset(at);
                proptest::prop_assert_eq!(&src[from..from + word.len()], word);
                at += word.len();
            }
        }
    }

    #[test]
    fn blocks_do_not_run_together() {
        let src = "one\n\ntwo";
        let mut b = ProseBuilder::new(src);
        b.push(0..3);
        b.start_block(true);
        b.push(5..8);
        let prose = b.finish();
        assert_eq!(prose.text, "one\ntwo\n");
        assert_eq!(
            prose.blocks[1],
            Block {
                range: 4..7,
                quote: true
            }
        );
        assert_eq!(prose.source_offset(4), 5);
        assert_eq!(prose.block_at(5).unwrap().range, 4..7);
    }
}
