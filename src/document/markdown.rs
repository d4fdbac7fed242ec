//! Markdown notes: what is prose, and what is not.
//!
//! A line-based reader, not a full CommonMark parser: notes are paragraphs,
//! lists, headings, quotes and the odd table, and a full parse would cost more
//! than all the rules together. It skips what a writer did not write as prose
//! about the client: front matter, fenced and indented code, inline code, HTML
//! comments and tags, link targets, image references and bare URLs. It strips
//! markup (emphasis, list markers, quote markers, heading hashes, table pipes)
//! so `in *denial*` reads as `in denial`, and starts a new block at every
//! paragraph, list item, heading and table cell.
//!
//! Deliberate limits, each on the side of saying nothing false: an inline
//! code span must open and close on one line; an unterminated fence runs to
//! the end of the file (as in CommonMark); an unterminated front matter block
//! is not front matter, so the note is still read.

use super::lines;
use super::prose::{byte_table, find_in, Prose, ProseBuilder};
use super::span::floor_char_boundary;

pub fn read(src: &str, body_start: usize) -> Prose {
    let mut b = ProseBuilder::new(src);
    let body = front_matter_end(src, body_start).unwrap_or(body_start);
    let mut fence: Option<(u8, usize)> = None;
    let mut in_comment = false;
    let mut indented_code = false;
    let mut prev_blank = true;
    let mut in_list = false;
    let mut block_quote: Option<bool> = None;

    for (start, raw) in lines(src, body) {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let mut from = 0;
        if in_comment {
            match line.find("-->") {
                Some(i) => {
                    in_comment = false;
                    from = i + 3;
                }
                None => continue,
            }
        }
        let (content, quote) = strip_quote_markers(line, from);
        let rest = &line[content..];
        if let Some((ch, len)) = fence {
            if closes_fence(rest, ch, len) {
                fence = None;
            }
            continue;
        }
        if rest.trim().is_empty() {
            b.end_block();
            block_quote = None;
            prev_blank = true;
            continue;
        }
        let indent = indent_columns(line);
        if indented_code && indent >= 4 && !quote {
            continue;
        }
        indented_code = false;
        if indent >= 4 && prev_blank && !in_list && !quote && from == 0 {
            indented_code = true;
            b.end_block();
            continue;
        }
        if let Some(open) = opens_fence(rest) {
            fence = Some(open);
            b.end_block();
            block_quote = None;
            prev_blank = false;
            continue;
        }
        if is_break_line(rest) || is_link_definition(rest) {
            b.end_block();
            block_quote = None;
            prev_blank = false;
            continue;
        }

        let mut text_start = start + content;
        let mut text_end = start + line.len();
        if let Some(after) = heading_text(rest) {
            b.start_block(quote);
            block_quote = Some(quote);
            text_start = start + content + after;
            let heading = &src[text_start..text_end];
            text_end = text_start + heading.trim_end().trim_end_matches('#').len();
        } else if let Some(after) = list_item_text(rest) {
            b.start_block(quote);
            block_quote = Some(quote);
            in_list = true;
            text_start = start + content + after;
        } else if rest.starts_with('|') {
            if !is_table_delimiter(rest) {
                let mut cell_start = text_start;
                for (i, c) in rest.char_indices() {
                    if c == '|' && !rest[..i].ends_with('\\') {
                        b.start_block(quote);
                        inline(
                            src,
                            cell_start..start + content + i,
                            &mut b,
                            &mut in_comment,
                        );
                        cell_start = start + content + i + 1;
                    }
                }
                b.start_block(quote);
                inline(src, cell_start..text_end, &mut b, &mut in_comment);
                b.end_block();
            }
            block_quote = None;
            prev_blank = false;
            continue;
        } else if prev_blank || block_quote != Some(quote) {
            b.start_block(quote);
            block_quote = Some(quote);
            if prev_blank && indent == 0 {
                in_list = false;
            }
        }
        inline(src, text_start..text_end, &mut b, &mut in_comment);
        b.space(start + line.len());
        prev_blank = false;
    }
    b.finish()
}

/// Offset just past a closing `---`/`...` (YAML) or `+++` (TOML) line, if
/// the note opens with front matter.
fn front_matter_end(src: &str, body_start: usize) -> Option<usize> {
    let mut it = lines(src, body_start);
    let (_, first) = it.next()?;
    let first = first.trim_end();
    let closers: &[&str] = match first {
        "---" => &["---", "..."],
        "+++" => &["+++"],
        _ => return None,
    };
    it.find(|(_, l)| closers.contains(&l.trim_end()))
        .map(|(start, l)| (start + l.len() + 1).min(src.len()))
}

/// Strips up to three spaces and any `>` markers; returns where the content
/// starts and whether the line is in a block quote.
fn strip_quote_markers(line: &str, from: usize) -> (usize, bool) {
    let bytes = line.as_bytes();
    let mut i = from;
    let mut quote = false;
    loop {
        let mut j = i;
        while j < bytes.len() && j - i < 3 && bytes[j] == b' ' {
            j += 1;
        }
        if bytes.get(j) == Some(&b'>') {
            quote = true;
            i = j + 1;
            if bytes.get(i) == Some(&b' ') {
                i += 1;
            }
        } else {
            return (if quote { i } else { j }, quote);
        }
    }
}

fn indent_columns(line: &str) -> usize {
    let mut cols = 0;
    for b in line.bytes() {
        match b {
            b' ' => cols += 1,
            b'\t' => cols += 4 - cols % 4,
            _ => break,
        }
    }
    cols
}

fn opens_fence(rest: &str) -> Option<(u8, usize)> {
    let ch = *rest.as_bytes().first()?;
    if ch != b'`' && ch != b'~' {
        return None;
    }
    let len = rest.bytes().take_while(|&b| b == ch).count();
    // A backtick fence's info string may not contain backticks.
    (len >= 3 && !(ch == b'`' && rest[len..].contains('`'))).then_some((ch, len))
}

fn closes_fence(rest: &str, ch: u8, len: usize) -> bool {
    let trimmed = rest.trim_start_matches(' ');
    let n = trimmed.bytes().take_while(|&b| b == ch).count();
    n >= len && trimmed[n..].trim().is_empty()
}

/// A thematic break or a setext heading underline.
fn is_break_line(rest: &str) -> bool {
    let t = rest.trim_end();
    let Some(first) = t.bytes().next() else {
        return false;
    };
    matches!(first, b'-' | b'*' | b'_' | b'=')
        && t.bytes().all(|b| b == first || b == b' ' || b == b'\t')
        && t.bytes().filter(|&b| b == first).count() >= if first == b'=' { 1 } else { 3 }
}

fn is_link_definition(rest: &str) -> bool {
    rest.starts_with('[') && rest.find("]:").is_some_and(|i| !rest[1..i].contains(']'))
}

fn is_table_delimiter(rest: &str) -> bool {
    rest.trim_end()
        .bytes()
        .all(|b| matches!(b, b'|' | b':' | b'-' | b' ' | b'\t'))
        && rest.contains('-')
}

/// The offset of an ATX heading's text, after `#`s and a space.
fn heading_text(rest: &str) -> Option<usize> {
    let hashes = rest.bytes().take_while(|&b| b == b'#').count();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    match rest.as_bytes().get(hashes) {
        None => Some(hashes),
        Some(b' ' | b'\t') => Some(hashes + 1),
        _ => None,
    }
}

/// The offset of a list item's text, after its marker and any task box.
fn list_item_text(rest: &str) -> Option<usize> {
    let bytes = rest.as_bytes();
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    let marker = if digits == 0 {
        matches!(bytes.first(), Some(b'-' | b'*' | b'+')).then_some(1)?
    } else if digits <= 9 && matches!(bytes.get(digits), Some(b'.' | b')')) {
        digits + 1
    } else {
        return None;
    };
    let mut at = match bytes.get(marker) {
        None => return Some(marker),
        Some(b' ' | b'\t') => marker + 1,
        _ => return None,
    };
    for task in ["[ ] ", "[x] ", "[X] "] {
        if rest[at..].starts_with(task) {
            at += task.len();
        }
    }
    Some(at)
}

/// Adds the prose of one line's inline content, skipping code spans, HTML,
/// link targets, images and URLs, and dropping emphasis markers.
fn inline(
    src: &str,
    range: std::ops::Range<usize>,
    b: &mut ProseBuilder<'_>,
    in_comment: &mut bool,
) {
    let bytes = src.as_bytes();
    let end = range.end;
    let mut i = range.start;
    let mut run = i;
    let line = &src[..end];
    while i < end {
        // Most bytes start no inline construct: skip to the next that may.
        match find_in(&bytes[i..end], &STARTS_INLINE) {
            Some(n) => i += n,
            None => break,
        }
        // Inline constructs are looked for within a bounded window, so a
        // long line full of unmatched backticks or brackets stays linear.
        let window = &src[..floor_char_boundary(src, (i + INLINE_LIMIT).min(end))];
        let skip_to = match bytes[i] {
            b'`' => {
                let n = line[i..].bytes().take_while(|&c| c == b'`').count();
                match find_backtick_run(&window[(i + n).min(window.len())..], n) {
                    Some(close) => Some((i + n + close + n, true)),
                    None => {
                        i += n;
                        continue;
                    }
                }
            }
            b'<' if line[i..].starts_with("<!--") => match line[i + 4..].find("-->") {
                Some(close) => Some((i + 4 + close + 3, true)),
                None => {
                    b.push(run..i);
                    *in_comment = true;
                    return;
                }
            },
            b'<' if bytes
                .get(i + 1)
                .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'/') =>
            {
                window[i..].find('>').map(|close| (i + close + 1, false))
            }
            b'\\' if bytes.get(i + 1).is_some_and(u8::is_ascii_punctuation) && i + 1 < end => {
                b.push(run..i);
                run = i + 1;
                i += 2;
                continue;
            }
            b'*' => Some((i + 1, false)),
            b'~' if bytes.get(i + 1) == Some(&b'~') => Some((i + 2, false)),
            b'_' => {
                let before = line[..i]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric);
                let after = line[i + 1..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
                (!(before && after)).then_some((i + 1, false))
            }
            b'!' if bytes.get(i + 1) == Some(&b'[') => {
                link_end(window, i + 1).map(|close| (close, true))
            }
            b'[' if bytes.get(i + 1) == Some(&b'^') => {
                window[i..].find(']').map(|close| (i + close + 1, true))
            }
            b'[' => Some((i + 1, false)),
            b']' => match bytes.get(i + 1) {
                Some(b'(') => Some((matching_paren(window, i + 1).unwrap_or(i + 1), false)),
                Some(b'[') => Some((
                    window[i + 1..].find(']').map_or(i + 1, |c| i + 1 + c + 1),
                    false,
                )),
                _ => Some((i + 1, false)),
            },
            b':' | b'.' => match url_start(line, i, run) {
                Some(s) => {
                    i = s;
                    let len = line[i..end]
                        .find(|c: char| c.is_whitespace() || c == ')' || c == '>')
                        .unwrap_or(end - i);
                    // Sentence punctuation after a URL is not part of it.
                    let url = line[i..i + len].trim_end_matches(['.', ',', ';', ':', '!', '?']);
                    Some((i + url.len(), true))
                }
                None => None,
            },
            _ => None,
        };
        match skip_to {
            Some((to, is_break)) => {
                b.push(run..i);
                if is_break {
                    b.space(i);
                }
                i = to.min(end);
                run = i;
            }
            None => i += 1,
        }
    }
    b.push(run..end);
}

/// How far an inline construct (code span, tag, link) may reach.
const INLINE_LIMIT: usize = 4096;

/// The bytes `inline` looks at: those that may start markup or an escape,
/// and the `:` of `http://` and the `.` of `www.`. A URL is recognised from
/// that punctuation, looking back: stopping at every `h` and `w` of the
/// prose to look for one was a fifth of reading a note.
static STARTS_INLINE: [bool; 256] = byte_table(b"`<\\*~_![]:.");

/// Where a URL starts, if the `:` or `.` at `at` is the one in its
/// `https://`, `http://` or `www.`, the scheme starts a word, and nothing
/// before it on the line is still to be read (`run`, where the pending
/// prose starts, is not after it).
fn url_start(line: &str, at: usize, run: usize) -> Option<usize> {
    let before = &line[..at];
    let start = if line.as_bytes()[at] == b':' {
        if !line[at..].starts_with("://") {
            return None;
        }
        at - ["https", "http"]
            .iter()
            .find(|s| before.ends_with(*s))?
            .len()
    } else {
        at - before.ends_with("www").then_some(3)?
    };
    let word_start = !line[..start].ends_with(|c: char| c.is_alphanumeric());
    (start >= run && word_start).then_some(start)
}

/// Offset (in `s`) of a run of exactly `n` backticks.
fn find_backtick_run(s: &str, n: usize) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'`' {
            let run = bytes[i..].iter().take_while(|&&c| c == b'`').count();
            if run == n {
                return Some(i);
            }
            i += run;
        } else {
            i += 1;
        }
    }
    None
}

/// For `[text](target)` starting at `open` (the `[`), the offset after `)`.
fn link_end(line: &str, open: usize) -> Option<usize> {
    let close = open + line[open..].find(']')?;
    if line.as_bytes().get(close + 1) == Some(&b'(') {
        matching_paren(line, close + 1)
    } else {
        Some(close + 1)
    }
}

fn matching_paren(line: &str, open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in line[open..].char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(open + i + 1);
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prose(src: &str) -> String {
        read(src, 0).text
    }

    #[test]
    fn skips_code_front_matter_and_comments() {
        let src = "---\ntitle: resistant\n---\nClient was *resistant*.\n\n```\nresistant\n```\n\nSee `resistant` <!-- resistant --> ok.\n";
        assert_eq!(prose(src), "Client was resistant.\nSee ok.\n");
    }

    #[test]
    fn lists_headings_and_quotes_are_blocks() {
        let src = "# Session 3\n- in\n  denial\n- next\n> she said so\n";
        let p = read(src, 0);
        assert_eq!(p.text, "Session 3\nin denial\nnext\nshe said so\n");
        assert!(p.blocks[3].quote);
        assert!(!p.blocks[1].quote);
    }

    #[test]
    fn links_keep_their_text_only() {
        assert_eq!(
            prose("A [plan](https://x.org/claims) and ![img](a.png) and https://y.org/lazy.\n"),
            "A plan and and .\n"
        );
    }

    #[test]
    fn urls_are_found_from_their_punctuation() {
        assert_eq!(
            prose("See www.x.org/lazy, *http://x.org/a_b* or (https://x.org).\n"),
            "See , or ( ).\n"
        );
        // Not a URL where the scheme does not start a word; one right
        // after a code span does.
        assert_eq!(
            prose("xhttps://a wwww.b c: d.\n"),
            "xhttps://a wwww.b c: d.\n"
        );
        assert_eq!(prose("`x`http://a b\n"), "b\n");
    }

    #[test]
    fn unterminated_front_matter_is_read() {
        assert_eq!(prose("---\nClient was late.\n"), "Client was late.\n");
    }

    #[test]
    fn multi_line_comments_and_indented_code() {
        assert_eq!(
            prose("a <!-- x\ny --> b\n\n    code here\n\nc\n"),
            "a b\nc\n"
        );
    }

    #[test]
    fn tables_are_cells() {
        assert_eq!(
            prose("| who | note |\n|---|---|\n| A | was late |\n"),
            "who\nnote\nA\nwas late\n"
        );
    }
}
