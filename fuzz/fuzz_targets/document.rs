//! Arbitrary bytes as a note: read it as Markdown and as plain text and check
//! the prose model's invariants.
//!
//! - blocks lie in the prose text, in order, on character boundaries;
//! - every character of prose that is not folded white space maps back to the
//!   same character in the file (a straight apostrophe may stand for U+2019),
//!   at increasing offsets;
//! - line and column can be computed for every character boundary.
#![no_main]

use libfuzzer_sys::fuzz_target;
use regard::document::{Document, Kind, LineIndex};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for kind in [Kind::Markdown, Kind::Plain] {
        let doc = Document::new("fuzz".into(), text.to_string(), kind);
        check(&doc);
    }
    let index = LineIndex::new(text);
    for (i, _) in text.char_indices() {
        let p = index.position(i);
        assert!(p.line >= 1 && p.column >= 1);
    }
    index.position(text.len());
});

fn check(doc: &Document) {
    let prose = &doc.prose;
    let src = doc.text.as_str();
    let mut prev_end = 0;
    for b in &prose.blocks {
        assert!(b.range.start <= b.range.end, "{b:?}");
        assert!(b.range.start >= prev_end, "blocks overlap: {b:?}");
        assert!(b.range.end <= prose.text.len());
        assert!(prose.text.is_char_boundary(b.range.start));
        assert!(prose.text.is_char_boundary(b.range.end));
        prev_end = b.range.end;
    }
    let mut last: Option<usize> = None;
    for (p, c) in prose.text.char_indices() {
        if c == ' ' || c == '\n' {
            continue;
        }
        let s = prose.source_offset(p);
        assert!(s < src.len(), "prose {p} maps to {s}, past the end");
        assert!(src.is_char_boundary(s), "prose {p} maps inside a character");
        let original = src[s..].chars().next().unwrap();
        assert!(
            original == c || (c == '\'' && original == '\u{2019}'),
            "prose {p} {c:?} maps to {s} {original:?}"
        );
        if let Some(last) = last {
            assert!(s > last, "prose {p} maps backwards");
        }
        last = Some(s);
    }
}
