//! The suggestions' regexes (and the engine's about-judging cues and sense
//! check) search with programs where one reads the pattern
//! (`src/rule/meta.rs`, issue 19). A program must find what its regex
//! finds: on every rule example, annotated sentence and fixture note, each
//! program search the suggestions make is made again by the compiled
//! regex, and the match and every group's span must be the same.

use regard::document::Document;
use regard::engine::Engine;
use regard::rule::meta::{program_differences, verify_programs};
use regard::rule::RuleSet;

#[test]
fn a_program_finds_what_its_regex_finds() {
    let rules = RuleSet::load(true, &[]).unwrap();
    let engine = Engine::with_options(&rules, regard::examples::options()).unwrap();
    let texts = crate::guards::texts(&rules);
    verify_programs(true);
    let findings: usize = texts
        .iter()
        .map(|(text, kind)| {
            let doc = Document::new("n".into(), text.clone(), *kind);
            engine.lint(&doc).len()
        })
        .sum();
    verify_programs(false);
    let (searches, different) = program_differences();
    assert!(findings > 1000, "{findings} findings");
    assert!(searches > 100_000, "{searches} program searches checked");
    assert!(
        different.is_empty(),
        "{} of {searches} program searches differ from the regex's:\n{}",
        different.len(),
        different.join("\n")
    );
}
