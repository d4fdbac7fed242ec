//! Every finding on the invented corpus in `fixtures/corpus/`, snapshotted,
//! so a rule change that starts or stops flagging something shows up in
//! review as a diff of real-looking sentences (Harper's snapshot tests).

use regard::document::{Document, Kind, LineIndex};
use regard::engine::Engine;
use regard::rule::RuleSet;

fn notes(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            notes(&path, out);
        } else if Kind::from_path(&path).is_some() && !path.ends_with("README.md") {
            out.push(path);
        }
    }
}

#[test]
fn corpus_findings() {
    let rules = RuleSet::load(true, &[]).unwrap();
    let engine = Engine::new(&rules).unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/corpus");
    let mut paths = Vec::new();
    notes(&root, &mut paths);
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

/// The engine runs a pattern only over blocks where it may match (issue 6):
/// over many notes, where one DFA of all patterns says it matches there
/// (the screen); otherwise where its trigger words occur, with full DFAs
/// for folders (`fast_scan`) or without for the few files a hook passes. This checks both shortcuts against running every
/// pattern over every note, on the corpus, the samples and the annotated
/// sentences: the findings must be identical.
#[test]
fn screened_and_triggered_patterns_find_what_exhaustive_search_finds() {
    let rules = RuleSet::load(true, &[]).unwrap();
    let screened = Engine::new(&rules).unwrap();
    screened.build_screen();
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
    let mut paths = Vec::new();
    notes(&root.join("fixtures"), &mut paths);
    for path in paths {
        texts.push((
            std::fs::read_to_string(&path).unwrap(),
            Kind::from_path(&path).unwrap(),
        ));
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
        assert_eq!(screened.lint(&doc), expected, "screened, in:\n{}", doc.text);
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
