//! What a human-facing report shows of a file: [`Excerpt`], the miette
//! source for notes (`human.rs`), rule files and configuration files
//! (`rule/error.rs`), and [`printable`] for every other piece of text that
//! reaches a terminal.
//!
//! miette's own source for a string scans the text from its start on every
//! read and hands the renderer whole lines. That breaks on hostile input
//! (issue 18): past column 65,535 the renderer pads with a width Rust's
//! formatting refuses (a panic), a long line is printed again for every
//! problem on it, and a note with many findings is scanned once per finding.
//! An `Excerpt` instead finds lines with an index built once, shows lines up
//! to [`LONG_LINE`] bytes whole (as miette would, so ordinary reports do not
//! change) and of a longer line only a window of [`WINDOW`] bytes either side
//! of the span, and leaves out long context lines.
//!
//! Control characters in a note would reach the terminal raw: an escape
//! sequence can retitle the window, clear the screen or hide text. Like ruff
//! and ripgrep, reports show them as visible symbols instead (`␛` for ESC,
//! Unicode's "control pictures"); the excerpt maps spans in the file to spans
//! in the text shown.

use std::borrow::Cow;
use std::sync::{Arc, OnceLock};

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

/// Lines up to this many bytes are shown whole.
pub const LONG_LINE: usize = 400;
/// Bytes shown either side of a span on a longer line.
pub const WINDOW: usize = 80;
/// A label underlines at most this many bytes (from its start).
pub const MAX_SPAN: usize = 240;

/// The text as a terminal may show it: control characters (except line
/// breaks and tabs) replaced by visible symbols. Borrowed when there are none.
pub fn printable(text: &str) -> Cow<'_, str> {
    // Most text has no control characters but line breaks and tabs: a byte
    // scan finds that without decoding.
    let suspect = |b: &u8| matches!(b, 0..=0x08 | 0x0b..=0x1f | 0x7f | 0xc2);
    let Some(first) = text.bytes().position(|b| suspect(&b)) else {
        return Cow::Borrowed(text);
    };
    let mut out: Option<String> = None;
    let mut chars = text[first..].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match (shown_as(c, chars.peek().map(|&(_, n)| n)), &mut out) {
            (Some(r), Some(out)) => out.push(r),
            (Some(r), None) => {
                let mut s = String::with_capacity(text.len() + 16);
                s.push_str(&text[..first + i]);
                s.push(r);
                out = Some(s);
            }
            (None, Some(out)) => out.push(c),
            (None, None) => {}
        }
    }
    out.map_or(Cow::Borrowed(text), Cow::Owned)
}

/// [`printable`], and line breaks shown as `␊` too: for what must stay on
/// one line, such as a path (a file name may contain a line break) or a
/// message in the concise format.
pub fn one_line(text: &str) -> Cow<'_, str> {
    match printable(text) {
        Cow::Borrowed(t) if !t.contains(['\n', '\r']) => Cow::Borrowed(t),
        t => Cow::Owned(
            t.replace("\r\n", "\u{240d}\u{240a}")
                .replace('\n', "\u{240a}"),
        ),
    }
}

/// What stands for `c` on a terminal, if not `c` itself; `next` is the
/// character after it (a carriage return before a line feed is a line end).
fn shown_as(c: char, next: Option<char>) -> Option<char> {
    match c {
        '\n' | '\t' => None,
        '\r' if next == Some('\n') => None,
        // C0 controls: U+2400 "SYMBOL FOR NULL" onwards, in the same order.
        '\0'..='\x1f' => char::from_u32(0x2400 + c as u32),
        '\x7f' => Some('\u{2421}'),
        // C1 controls (U+009B is a one-character CSI to some terminals).
        '\u{80}'..='\u{9f}' => Some('\u{fffd}'),
        _ => None,
    }
}

/// A file's text, borrowed (a note while its findings render) or shared (a
/// rule or configuration file, one copy for all its errors).
pub enum Text<'a> {
    Borrowed(&'a str),
    Shared(Arc<str>),
}

impl std::ops::Deref for Text<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            Text::Borrowed(s) => s,
            Text::Shared(s) => s,
        }
    }
}

impl<'a> From<&'a str> for Text<'a> {
    fn from(s: &'a str) -> Text<'a> {
        Text::Borrowed(s)
    }
}

impl From<Arc<str>> for Text<'static> {
    fn from(s: Arc<str>) -> Text<'static> {
        Text::Shared(s)
    }
}

impl From<String> for Text<'static> {
    fn from(s: String) -> Text<'static> {
        Text::Shared(s.into())
    }
}

/// A file as miette source code, windowed and printable (see the module
/// docs). Spans for labels go through [`Excerpt::span`].
pub struct Excerpt<'a> {
    name: String,
    text: Text<'a>,
    /// The printable text, made on the first use: a thousand errors in one
    /// file share its text, and most are never shown.
    printed: OnceLock<Printed>,
    /// Start of every line of the shown text, built on the first read.
    starts: OnceLock<Vec<usize>>,
}

struct Printed {
    /// The printable text, when it differs from the file's.
    text: Option<String>,
    /// Where it grows: `(offset in the file, bytes added up to there)` for
    /// every replaced character, keyed by the offset just past it.
    shifts: Vec<(usize, usize)>,
}

impl<'a> Excerpt<'a> {
    pub fn new(name: impl Into<String>, text: impl Into<Text<'a>>) -> Excerpt<'a> {
        Excerpt {
            name: name.into(),
            text: text.into(),
            printed: OnceLock::new(),
            starts: OnceLock::new(),
        }
    }

    fn printed(&self) -> &Printed {
        self.printed.get_or_init(|| {
            let text = &*self.text;
            let mut shifts = Vec::new();
            let shown = match printable(text) {
                Cow::Borrowed(_) => None,
                Cow::Owned(shown) => {
                    let mut added = 0;
                    let mut chars = text.char_indices().peekable();
                    while let Some((i, c)) = chars.next() {
                        if let Some(r) = shown_as(c, chars.peek().map(|&(_, n)| n)) {
                            added += r.len_utf8() - c.len_utf8();
                            shifts.push((i + c.len_utf8(), added));
                        }
                    }
                    Some(shown)
                }
            };
            Printed {
                text: shown,
                shifts,
            }
        })
    }

    /// The file's name as given.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The file's text as given (not the printable text).
    pub fn inner(&self) -> &str {
        &self.text
    }

    /// The span to label for `start..end` in the file: moved into the shown
    /// text and cut to [`MAX_SPAN`] bytes, so no underline is wider than a
    /// terminal can take.
    pub fn span(&self, start: usize, end: usize) -> SourceSpan {
        let shown = self.shown();
        let start = self.shift(start).min(shown.len());
        let mut end = self.shift(end).clamp(start, shown.len());
        if end - start > MAX_SPAN {
            end = floor_boundary(shown, start + MAX_SPAN);
            if end == start {
                end = ceil_boundary(shown, start + 1);
            }
        }
        SourceSpan::from(start..end)
    }

    fn shown(&self) -> &str {
        self.printed().text.as_deref().unwrap_or(&self.text)
    }

    /// An offset in the file as an offset in the shown text.
    fn shift(&self, offset: usize) -> usize {
        let shifts = &self.printed().shifts;
        let i = shifts.partition_point(|&(at, _)| at <= offset);
        offset + if i == 0 { 0 } else { shifts[i - 1].1 }
    }

    /// An offset in the shown text as an offset in the file (only for
    /// offsets that start a character of the file).
    fn unshift(&self, offset: usize) -> usize {
        let shifts = &self.printed().shifts;
        let i = shifts.partition_point(|&(at, added)| at + added <= offset);
        offset - if i == 0 { 0 } else { shifts[i - 1].1 }
    }

    fn starts(&self) -> &[usize] {
        self.starts.get_or_init(|| {
            let shown = self.shown();
            let mut starts = vec![0];
            starts.extend(memchr::memchr_iter(b'\n', shown.as_bytes()).map(|i| i + 1));
            starts
        })
    }
}

/// Names the file, not its text: a debug print must not quote a note.
impl std::fmt::Debug for Excerpt<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Excerpt")
            .field("name", &self.name)
            .field("bytes", &self.text.len())
            .finish_non_exhaustive()
    }
}

impl SourceCode for Excerpt<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let text = self.shown();
        let start = span.offset();
        let end = start + span.len();
        if end > text.len() || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            return Err(MietteError::OutOfBounds);
        }
        let starts = self.starts();
        let line_of = |offset: usize| starts.partition_point(|&s| s <= offset) - 1;
        // End of line `l` with its line break.
        let line_end = |l: usize| starts.get(l + 1).copied().unwrap_or(text.len());
        let first = line_of(start);
        let last = line_of(if end > start { end - 1 } else { start });
        let contents = |from: usize, to: usize, line: usize, column: usize| {
            let data = &text[from..to];
            Box::new(MietteSpanContents::new_named(
                self.name.clone(),
                data.as_bytes(),
                SourceSpan::from(from..to),
                line,
                column,
                memchr::memchr_iter(b'\n', data.as_bytes()).count(),
            )) as Box<dyn SpanContents<'b> + 'b>
        };
        if context_lines_before == 0 && context_lines_after == 0 {
            // The span alone, as miette's own source gives it: the report's
            // heading takes its line and (byte) column from here, counted in
            // the file rather than in the printable text.
            let column = self.unshift(start) - self.unshift(starts[first]);
            return Ok(contents(start, end, first, column));
        }
        let long = |l: usize| line_end(l) - starts[l] > LONG_LINE;
        if line_end(last) - starts[first] <= LONG_LINE {
            // Whole lines, with as many short context lines as asked for.
            let mut from = first;
            while from > 0 && first - from < context_lines_before && !long(from - 1) {
                from -= 1;
            }
            let mut to = last;
            while to + 1 < starts.len() && to - last < context_lines_after && !long(to + 1) {
                to += 1;
            }
            return Ok(contents(starts[from], line_end(to), from, 0));
        }
        // A window of the long line(s), without the line break at its end
        // (unless the span takes it in).
        let from = floor_boundary(text, start.saturating_sub(WINDOW).max(starts[first]));
        let line = &text[..line_end(last)];
        let content_end = line
            .strip_suffix('\n')
            .map_or(line, |l| l.strip_suffix('\r').unwrap_or(l))
            .len();
        let mut to = ceil_boundary(text, (end + WINDOW).min(content_end)).max(end);
        if text[..to].ends_with('\r') && text[to..].starts_with('\n') {
            // A span ending inside a CRLF: miette shows a lone CR raw.
            to += 1;
        }
        Ok(contents(from, to, first, from - starts[first]))
    }
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(e: &Excerpt<'_>, span: SourceSpan, context: usize) -> (String, usize, usize) {
        let c = e.read_span(&span, context, context).unwrap();
        (
            String::from_utf8(c.data().to_vec()).unwrap(),
            c.line(),
            c.column(),
        )
    }

    #[test]
    fn short_lines_are_read_whole_with_context() {
        let text = "one\ntwo lazy\nthree\nfour\n";
        let e = Excerpt::new("n.md", text);
        let span = e.span(8, 12);
        assert_eq!(read(&e, span, 1), ("one\ntwo lazy\nthree\n".into(), 0, 0));
        assert_eq!(read(&e, span, 0), ("lazy".into(), 1, 4));
    }

    #[test]
    fn a_long_line_is_read_as_a_window_and_long_context_is_left_out() {
        let long = "x".repeat(100_000);
        let text = format!("{long}\n{long} lazy {long}\nshort\n");
        let e = Excerpt::new("n.md", text.as_str());
        let at = 100_001 + 100_001;
        let span = e.span(at, at + 4);
        let (data, line, column) = read(&e, span, 1);
        assert_eq!(data, format!("{} lazy {}", "x".repeat(79), "x".repeat(79)));
        assert_eq!((line, column), (1, 100_000 + 1 - 80));
        // The heading's column is the span's own.
        assert_eq!(read(&e, span, 0), ("lazy".into(), 1, 100_001));
    }

    #[test]
    fn long_spans_are_cut_on_a_character_boundary() {
        let text = "é".repeat(1000);
        let e = Excerpt::new("n.md", text.as_str());
        let span = e.span(0, text.len());
        assert_eq!((span.offset(), span.len()), (0, MAX_SPAN));
        let e = Excerpt::new("n.md", format!("a{text}"));
        let span = e.span(0, 2001);
        assert_eq!(span.len(), MAX_SPAN - 1);
    }

    #[test]
    fn control_characters_are_shown_as_symbols_and_spans_follow() {
        assert_eq!(
            printable("a\x1b]0;title\x07b\x1b[2J\r\n\tc\rd\u{9b}e"),
            "a␛]0;title␇b␛[2J\r\n\tc␍d\u{fffd}e"
        );
        assert!(matches!(printable("plain\r\n"), Cow::Borrowed(_)));
        assert_eq!(printable("a\r\nb\x1bc"), "a\r\nb␛c");
        assert_eq!(one_line("a\nb\r\nc\rd.md"), "a␊b␍␊c␍d.md");
        assert!(matches!(one_line("notes/a b.md"), Cow::Borrowed(_)));
        let text = "\x1b[2J He was lazy.\n";
        let e = Excerpt::new("n.md", text);
        let span = e.span(12, 16);
        assert_eq!(read(&e, span, 1).0, "␛[2J He was lazy.\n");
        // Column 12 in the file (bytes), although `␛` is three bytes.
        assert_eq!(read(&e, span, 0), ("lazy".into(), 0, 12));
    }

    /// Renders a report with one label on `start..end` of `text`.
    fn render(text: &Arc<str>, start: usize, end: usize) -> String {
        let excerpt = Excerpt::new("n.md", text.clone());
        let span = excerpt.span(start, end);
        let diagnostic = miette::MietteDiagnostic::new("finding").with_label(
            miette::LabeledSpan::new_with_span(Some("here".into()), span),
        );
        let report = miette::Report::new(diagnostic).with_source_code(excerpt);
        let mut out = String::new();
        miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor())
            .with_width(80)
            .render_report(&mut out, report.as_ref())
            .unwrap();
        out
    }

    #[test]
    fn every_span_renders_in_a_short_window() {
        let long = "word ".repeat(20_000);
        let texts = [
            "a\r\nb é😀\tc\x1b[2J\r\n\n".to_string(),
            format!("{long}\nshort\n{long}"),
            format!("short\n{long}lazy\n\n"),
            format!("x\u{9b}y{long}\r\n"),
        ];
        for text in texts {
            let text: Arc<str> = text.into();
            let bounds: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            // Every span of the short text; on the long ones, spans that
            // start or end near line breaks, in the middle, or at the end.
            let sample: Vec<usize> = if text.len() < 100 {
                bounds
            } else {
                bounds
                    .into_iter()
                    .filter(|&i| {
                        i < 8 || (i + 8 > text.len()) || i % 9_973 == 0 || {
                            let near = &text[i.saturating_sub(2)..(i + 2).min(text.len())];
                            near.contains('\n')
                        }
                    })
                    .collect()
            };
            for (k, &start) in sample.iter().enumerate() {
                for &end in sample[k..].iter().take(12).chain(sample.last()) {
                    let out = render(&text, start, end);
                    let widest = out.lines().map(|l| l.chars().count()).max().unwrap_or(0);
                    assert!(widest < 600, "{start}..{end}: {widest} wide");
                    assert!(
                        !out.contains(|c: char| c.is_control() && c != '\n'),
                        "{start}..{end}: {out:?}"
                    );
                }
            }
        }
    }
}
