//! Inputs that once made regard panic or misplace a finding, found by the
//! property tests (`tests/properties.rs`) and the fuzz targets (`fuzz/`),
//! for issue 7 (no panic on any input). Each test is named after what it
//! covers and holds the input inline.

use regard::document::{Document, Kind};
use regard::engine::{Engine, Finding};

use crate::common::property_rules as rules;

/// Lints `text` as Markdown and as plain text; every finding must lie in the
/// note on character boundaries.
fn lint(text: &str) -> Vec<Finding> {
    let engine = Engine::new(rules()).expect("the engine builds");
    let mut all = Vec::new();
    for kind in [Kind::Markdown, Kind::Plain] {
        let doc = Document::new("note.md".into(), text.to_string(), kind);
        for f in engine.lint(&doc) {
            let words = doc.text.get(f.span.start..f.span.end);
            assert!(words.is_some(), "{f:?} is not on character boundaries");
            all.push(f);
        }
    }
    all
}

/// Issue 7, found by proptest: a pattern ending in `[^.?!\n]+` matched the
/// space folded from a no-break space (two bytes in the file), and the span
/// ended in the middle of it.
#[test]
fn match_ending_in_a_folded_no_break_space() {
    let text = "why does she keep Client\u{a0}? \n";
    let findings = lint(text);
    assert!(!findings.is_empty());
    assert!(findings
        .iter()
        .all(|f| f.span.end <= "why does she keep Client\u{a0}".len()));
}
