//! Arbitrary bytes as a rule file: load, validate, and if the rule is valid,
//! compile it and run it over its own examples. Diagnostics are rendered too,
//! since a label outside the file is a panic waiting in miette.
#![no_main]

use std::sync::Arc;

use libfuzzer_sys::fuzz_target;
use regard::document::{Document, Kind};
use regard::engine::Engine;
use regard::rule::load::{builtin_vocabulary, parse, Source};
use regard::rule::validate::validate;
use regard::rule::{load_vocabulary, RuleSet};

fuzz_target!(|data: &[u8]| {
    // The built-in word classes, as a rule folder without its own
    // vocabulary sees them; built once.
    static VOCABULARY: std::sync::OnceLock<regard::rule::words::Vocabulary> =
        std::sync::OnceLock::new();
    let vocabulary = VOCABULARY.get_or_init(|| {
        let mut errors = Vec::new();
        let vocabulary = load_vocabulary(&[builtin_vocabulary()], &mut errors);
        assert!(errors.is_empty(), "the built-in vocabulary has errors");
        vocabulary
    });
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
        .and_then(|file| validate(file, &source, vocabulary))
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
