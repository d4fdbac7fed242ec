//! Arbitrary bytes as a rule file: load, validate, and if the rule is valid,
//! compile it and run it over its own examples. Diagnostics are rendered too,
//! since a label outside the file is a panic waiting in miette.
#![no_main]

use std::sync::Arc;

use libfuzzer_sys::fuzz_target;
use regard::document::{Document, Kind};
use regard::engine::Engine;
use regard::rule::load::{parse, Source};
use regard::rule::validate::validate;
use regard::rule::RuleSet;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let source = Arc::new(Source {
        name: "fuzz.yaml".into(),
        text: text.to_string(),
        builtin: false,
    });
    let errors = match parse(&source)
        .map_err(|e| vec![e])
        .and_then(|file| validate(file, &source))
    {
        Ok(rule) => {
            let examples: Vec<String> = rule
                .flag_examples
                .iter()
                .chain(&rule.pass_examples)
                .map(|e| e.text.clone())
                .collect();
            let set = RuleSet {
                known_ids: vec![rule.id.clone()],
                rules: vec![rule],
            };
            if let Ok(engine) = Engine::new(&set) {
                for text in examples {
                    for kind in [Kind::Markdown, Kind::Plain] {
                        let doc = Document::new("example".into(), text.clone(), kind);
                        for f in engine.lint(&doc) {
                            assert!(doc.text.get(f.span.start..f.span.end).is_some());
                        }
                    }
                }
            }
            return;
        }
        Err(errors) => errors,
    };
    let handler =
        miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor());
    for e in errors {
        let mut out = String::new();
        let _ = handler.render_report(&mut out, &e);
    }
});
