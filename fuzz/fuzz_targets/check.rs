//! An arbitrary note checked end to end against the built-in pack (and the
//! property tests' rules with fixes): findings lie in the note on character
//! boundaries, every output format renders, and fixing converges.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use regard::document::{Document, Kind};
use regard::engine::{Engine, Finding};
use regard::report;
use regard::rule::RuleSet;

// Built once: the rules in one static and the engine borrowing them in
// another (a leaked box would be reported by the leak sanitizer).
fn engine() -> &'static Engine<'static> {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    static ENGINE: OnceLock<Engine<'static>> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let rules = RULES.get_or_init(|| {
            let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/properties/rules");
            RuleSet::load(true, &[dir]).expect("rules load")
        });
        Engine::new(rules).expect("engine builds")
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let engine = engine();
    let rules = engine.rules();
    for kind in [Kind::Markdown, Kind::Plain] {
        let doc = Document::new("fuzz.md".into(), text.to_string(), kind);
        let findings = engine.lint(&doc);
        for f in &findings {
            assert!(f.span.start <= f.span.end && f.span.end <= doc.text.len());
            assert!(doc.text.is_char_boundary(f.span.start), "{f:?}");
            assert!(doc.text.is_char_boundary(f.span.end), "{f:?}");
        }
        let located = report::locate(&doc, findings.clone(), rules);
        let with_levels: Vec<_> = findings
            .iter()
            .map(|f| (f.clone(), rules[f.rule].severity))
            .collect();
        for redact in [false, true] {
            report::human::Human::new(false, Some(80), redact).render(
                &doc,
                &with_levels,
                &located,
                rules,
            );
        }
        report::json::render(&located, 1);
        report::concise::render(&located);
        report::github::render(&located);
        report::sarif::render(&located, rules);
        fix_converges(text, kind, engine);
    }
});

fn edits(findings: &[Finding]) -> Vec<(regard::document::Span, &str)> {
    findings
        .iter()
        .filter_map(|f| f.fix.as_ref().map(|e| (f.span, e.replacement.as_str())))
        .collect()
}

fn fix_converges(text: &str, kind: Kind, engine: &Engine<'_>) {
    let mut text = text.to_string();
    for _ in 0..regard::fix::MAX_ROUNDS {
        let doc = Document::new("fuzz.md".into(), text, kind);
        let findings = engine.lint(&doc);
        let edits = edits(&findings);
        if edits.is_empty() {
            return;
        }
        text = regard::fix::apply(&doc.text, &edits);
    }
    panic!(
        "fixes did not converge in {} rounds",
        regard::fix::MAX_ROUNDS
    );
}
