//! Finding quoted speech in a block of prose.
//!
//! A client's own words in quotation marks are information, not the
//! writer's judgement, so most rules skip them. Curly quotes say which way
//! they face; straight quotes are paired by what stands beside them, so that
//! the apostrophes in `client's` and `the clients' files` are not taken for
//! quotation marks. A quote left open runs to the end of its block: when in
//! doubt, say nothing.

use std::ops::Range;

/// Byte ranges of quoted text (marks included) in `text`.
pub fn quoted_ranges(text: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    // The open double quote and open single quote, if any.
    let mut double: Option<usize> = None;
    let mut single: Option<usize> = None;
    let bytes = text.as_bytes();
    let mut i = 0;
    // Only quotation marks matter: jump from one to the next (their first
    // bytes: `"`, `'`, and the lead bytes of « and » (0xC2) and of U+2018 to
    // U+201E (0xE2)), with memchr's SIMD searches, not byte by byte (see
    // docs/performance.md). 0xC2 is rare in English notes, so its
    // next place is looked up again only once passed.
    let mut next_c2 = memchr::memchr(0xC2, bytes);
    loop {
        if next_c2.is_some_and(|c2| c2 < i) {
            next_c2 = memchr::memchr(0xC2, &bytes[i..]).map(|n| i + n);
        }
        let next = memchr::memchr3(b'"', b'\'', 0xE2, &bytes[i..]).map(|n| i + n);
        i = match (next, next_c2) {
            (Some(a), Some(b)) => a.min(b),
            (Some(a), None) | (None, Some(a)) => a,
            (None, None) => break,
        };
        let c = text[i..].chars().next().expect("a lead byte starts a char");
        let end = i + c.len_utf8();
        match c {
            '\u{201C}' | '\u{201E}' | '\u{00AB}' if double.is_none() => double = Some(i),
            '\u{201D}' | '\u{00BB}' => {
                if let Some(start) = double.take() {
                    ranges.push(start..end);
                }
            }
            '"' => match double.take() {
                Some(start) => ranges.push(start..end),
                None => double = Some(i),
            },
            '\u{2018}' if single.is_none() => single = Some(i),
            '\u{2019}' => {
                if let Some(start) = single.take() {
                    ranges.push(start..end);
                }
            }
            '\'' => {
                let word_before = text[..i]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric);
                let word_after = text[end..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
                if single.is_none() && !word_before && word_after {
                    single = Some(i);
                } else if !word_after {
                    if let Some(start) = single.take() {
                        ranges.push(start..end);
                    }
                }
            }
            _ => {}
        }
        i = end;
    }
    ranges.extend(double.map(|start| start..text.len()));
    ranges.extend(single.map(|start| start..text.len()));
    ranges.sort_by_key(|r| r.start);
    // Nested quotes ('…' inside "…") merge into one range, so the ranges are
    // disjoint and one binary search answers `is_quoted`.
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.start < last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

pub fn is_quoted(ranges: &[Range<usize>], at: Range<usize>) -> bool {
    ranges
        .iter()
        .any(|r| r.start <= at.start && at.end <= r.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<&str> {
        quoted_ranges(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn straight_and_curly_double_quotes() {
        assert_eq!(
            quoted(r#"She said, "I'm lazy." Then left."#),
            [r#""I'm lazy.""#]
        );
        assert_eq!(
            quoted("He said \u{201C}I give up\u{201D} twice"),
            ["\u{201C}I give up\u{201D}"]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(quoted("The client's plan and the clients' files").is_empty());
        assert_eq!(quoted("the word 'resistant' closes"), ["'resistant'"]);
        assert_eq!(
            quoted("the word \u{2018}lazy\u{2019} is hers"),
            ["\u{2018}lazy\u{2019}"]
        );
    }

    #[test]
    fn marks_beside_other_non_ascii_text() {
        // Lead bytes shared with other characters (é is C3, — is E2 80 94,
        // a no-break space C2 A0) are not quotation marks.
        assert_eq!(
            quoted("caf\u{e9} \u{2014} \u{ab}non\u{bb}\u{a0}'\u{e9}t\u{e9}' \u{201e}ja\u{201c}"),
            ["\u{ab}non\u{bb}", "'\u{e9}t\u{e9}'", "\u{201e}ja\u{201c}"]
        );
        // A no-break space long before the next guillemet, and none at all.
        assert_eq!(
            quoted("\u{a0}\"Lazy\" she said, and \u{2014} \u{ab}rude\u{bb}."),
            ["\"Lazy\"", "\u{ab}rude\u{bb}"]
        );
        assert_eq!(quoted("No marks \u{2014} at all\u{2026}"), [] as [&str; 0]);
    }

    #[test]
    fn nested_quotes_merge() {
        let text = r#"He said "she called it 'lazy' and 'rude' then" and left"#;
        let r = quoted_ranges(text);
        assert_eq!(r.len(), 1);
        let rude = text.find("rude").unwrap();
        assert!(is_quoted(&r, rude..rude + 4));
        let left = text.find("left").unwrap();
        assert!(!is_quoted(&r, left..left + 4));
    }

    #[test]
    fn an_open_quote_runs_to_the_end() {
        assert_eq!(
            quoted(r#"She said "I can't do this"#),
            [r#""I can't do this"#]
        );
    }
}
