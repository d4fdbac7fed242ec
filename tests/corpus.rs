//! Every finding on the invented corpus in `fixtures/corpus/`, snapshotted,
//! so a rule change that starts or stops flagging something shows up in
//! review as a diff of real-looking sentences (Harper's snapshot tests).

use regard::document::{Document, Kind, LineIndex};
use regard::engine::Engine;
use regard::rule::RuleSet;

use crate::common;

/// The notes below `dir`, less the folders' READMEs.
fn notes(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut notes = common::notes(dir);
    notes.retain(|path| !path.ends_with("README.md"));
    notes
}

#[test]
fn corpus_findings() {
    let rules = RuleSet::load(true, &[]).unwrap();
    let engine = Engine::new(&rules).unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/corpus");
    let mut paths = notes(&root);
    paths.sort();
    assert!(paths.len() >= 60, "the corpus has {} notes", paths.len());
    let mut report = String::new();
    let mut total = 0;
    for path in &paths {
        let text = std::fs::read_to_string(path).unwrap();
        let name = path.strip_prefix(&root).unwrap().display().to_string();
        let doc = Document::new(name.clone(), text, Kind::from_path(path).unwrap());
        let index = LineIndex::new(&doc.text);
        for f in engine.lint(&doc) {
            let at = index.position(f.span.start);
            let line = doc.text.lines().nth(at.line - 1).unwrap_or_default().trim();
            report.push_str(&format!(
                "{name}:{}:{} {} `{}`\n    {line}\n",
                at.line, at.column, rules.rules[f.rule].id, f.matched
            ));
            total += 1;
        }
    }
    report.insert_str(0, &format!("{total} findings in {} notes\n\n", paths.len()));
    insta::assert_snapshot!(report);
}

/// The engine runs a pattern only over blocks where its trigger words
/// occur (issue 6), with full DFAs for folders (`fast_scan`) or without
/// for the few files a hook passes. This checks both against running every
/// pattern over every block, on the corpus, the samples and the annotated
/// sentences: the findings must be identical (`tests/reference.rs` does
/// the same on every annotated set and rule example).
#[test]
fn triggered_patterns_find_what_exhaustive_search_finds() {
    let rules = RuleSet::load(true, &[]).unwrap();
    let triggered = Engine::new(&rules).unwrap();
    let hook = Engine::with_options(
        &rules,
        regard::engine::Options {
            fast_scan: false,
            ..Default::default()
        },
    )
    .unwrap();
    let slow = Engine::with_options(
        &rules,
        regard::engine::Options {
            exhaustive: true,
            ..Default::default()
        },
    )
    .unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut texts: Vec<(String, Kind)> = Vec::new();
    let paths = notes(&root.join("fixtures"));
    for path in paths {
        // Word and LibreOffice documents as regard reads them; the hostile
        // ones in fixtures/office do not read, by design.
        let kind = Kind::from_path(&path).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        if let Ok(text) = kind.format().decode(&path.display().to_string(), bytes) {
            texts.push((text, kind));
        }
    }
    for entry in std::fs::read_dir(root.join("tests/accuracy")).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for line in text.lines().filter_map(|l| l.split_once('\t')) {
            texts.push((line.1.to_string(), Kind::Plain));
        }
    }
    assert!(texts.len() > 900, "{} texts", texts.len());
    let mut compared = 0;
    for (text, kind) in texts {
        let doc = Document::new("n".into(), text, kind);
        let expected = slow.lint(&doc);
        compared += expected.len();
        assert_eq!(
            triggered.lint(&doc),
            expected,
            "triggered, in:\n{}",
            doc.text
        );
        assert_eq!(hook.lint(&doc), expected, "hook, in:\n{}", doc.text);
    }
    assert!(compared > 500, "only {compared} findings compared");
}

/// Over a thousand notes and more, `regard check` checks notes on every
/// core with automata built once: a folder of copies of the corpus gets,
/// copy by copy, exactly the findings of the corpus alone, in the same
/// order.
#[test]
fn a_thousand_notes_get_the_findings_each_gets_alone() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/corpus");
    let paths = notes(&root);
    let d = common::Dir::new("thousand");
    let copies = 1000 / paths.len() + 2;
    for c in 0..copies {
        for path in &paths {
            let name = path.strip_prefix(&root).unwrap().display().to_string();
            d.write(&format!("c{c:02}/{name}"), std::fs::read(path).unwrap());
        }
    }
    assert!(copies * paths.len() > 1000);
    let alone = d.regard(&["check", "--isolated", "--format", "concise", "c00"]);
    let alone = String::from_utf8(alone.stdout).unwrap();
    assert!(alone.lines().count() > 50, "{alone}");
    let expected: String = (0..copies)
        .map(|c| alone.replace("c00/", &format!("c{c:02}/")))
        .collect();
    let all = d.regard(&["check", "--isolated", "--format", "concise", "."]);
    assert_eq!(all.status.code(), Some(1));
    let all = String::from_utf8(all.stdout).unwrap();
    assert!(
        all == expected,
        "{}",
        common::first_difference(&all, &expected)
    );
}
