//! The suggestions' regexes (and the engine's about-judging cues and sense
//! check) are compiled only for a text that holds the words they cannot
//! match without (`src/suggest/regex.rs`, issue 19). A guard must never
//! hide a match: on every rule example, annotated sentence and fixture
//! note, each guard's "no" is checked against its compiled regex, and the
//! findings with every guard off are the findings with them on.

use regard::document::{Document, Kind};
use regard::engine::Engine;
use regard::rule::RuleSet;
use regard::suggest::regex::{guards_off, hidden_matches, verify_guards, Guard};

use crate::common;

/// Every text the guards are checked on: the built-in rules' examples, the
/// annotated sets (tests/accuracy and bench/blind's tuning sets, never
/// set b), and the fixture notes.
pub(crate) fn texts(rules: &RuleSet) -> Vec<(String, Kind)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut texts = Vec::new();
    for rule in &rules.rules {
        for e in rule.flag_examples.iter().chain(&rule.pass_examples) {
            texts.push((e.text.clone(), Kind::Plain));
        }
    }
    let mut sets: Vec<_> = std::fs::read_dir(root.join("tests/accuracy"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    for name in [
        "set-2026-12-05-a.tsv",
        "set-2026-12-05-c.tsv",
        "set-2026-12-05-d.tsv",
        "set-2026-12-05-e.tsv",
        "set-2026-12-05-f.tsv",
        "set-2026-12-05-g.tsv",
        "set-2026-12-06-h.tsv",
    ] {
        sets.push(root.join("bench/blind").join(name));
    }
    for path in sets {
        let text = std::fs::read_to_string(&path).unwrap();
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            if let Some((_, sentence)) = line.split_once('\t') {
                texts.push((sentence.to_string(), Kind::Plain));
            }
        }
    }
    for path in common::notes(&root.join("fixtures")) {
        let kind = Kind::from_path(&path).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        if let Ok(text) = kind.format().decode(&path.display().to_string(), bytes) {
            texts.push((text, kind));
        }
    }
    texts
}

#[test]
fn a_guard_never_hides_a_match() {
    let rules = RuleSet::load(true, &[]).unwrap();
    let engine = Engine::with_options(&rules, regard::examples::options()).unwrap();
    let texts = texts(&rules);
    assert!(texts.len() > 3000, "{} texts", texts.len());
    let lint = |(text, kind): &(String, Kind)| {
        let doc = Document::new("n".into(), text.clone(), *kind);
        engine.lint(&doc)
    };
    guards_off(true);
    let unguarded: Vec<_> = texts.iter().map(lint).collect();
    guards_off(false);
    verify_guards(true);
    let guarded: Vec<_> = texts.iter().map(lint).collect();
    verify_guards(false);
    let hidden = hidden_matches();
    assert!(
        hidden.is_empty(),
        "guards hid matches:\n{}",
        hidden.join("\n")
    );
    let suggestions: usize = guarded.iter().flatten().map(|f| f.suggestions.len()).sum();
    assert!(
        suggestions > 2000,
        "only {suggestions} suggestions compared"
    );
    for ((text, _), (with, without)) in texts.iter().zip(guarded.iter().zip(&unguarded)) {
        assert_eq!(with, without, "guarded and unguarded differ on:\n{text}");
    }
}

#[test]
fn a_guard_requires_the_words_every_match_holds() {
    let words = |p: &str| Guard::of(p).clauses();
    // Runs of literal characters and each alternation's branches.
    assert_eq!(
        words(r"(?i)\bwhy\s+(?:does|did)\s+(?P<p>she|he)\b"),
        vec![vec!["why"], vec!["did", "does"], vec!["he", "she"]]
    );
    // Optional parts, classes and a branch with no word require nothing.
    assert!(words(r"(?:really\s+)?\w+|[A-Z][a-z]+").is_empty());
    assert_eq!(words(r"(?:she|[A-Z][a-z]+)\s+left"), vec![vec!["left"]]);
    // A repetition of at least one requires its inside.
    assert_eq!(
        words(r"(?:ag(?:ain)?)+ and"),
        vec![vec![" and"], vec!["ag"]]
    );
    // A guard folds ASCII case, and lets through the two non-ASCII
    // letters that (?i) folds to ASCII ones (KELVIN SIGN, LONG S).
    let g = Guard::of(r"(?i)\bkeeps\s+cancelling\b");
    assert!(g.admits("He KEEPS Cancelling."));
    assert!(!g.admits("He keeps arriving late."));
    assert!(g.admits("He \u{212A}eep\u{17F} cancelling."));
}
