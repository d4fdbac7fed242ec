/// The fast path against an exhaustive reference (issue 19): the engine
/// runs a pattern only on the blocks where a literal of each of its
/// trigger sets occurs, with the word boundaries the pattern puts around
/// it (`rule/pattern.rs`), as a backtracking program (`rule/program.rs`);
/// the reference runs every pattern's regex over every note, with no
/// prefilter and no program. Both must report exactly the same findings on
/// every annotated sentence, the blind tuning set, every rule example and
/// every fixture note, alone and gathered into long notes of many blocks.
mod fast_path {
    use std::path::Path;
    use std::sync::LazyLock;

    use proptest::prelude::*;
    use regard::document::{Document, Kind};
    use regard::engine::{Engine, Finding, Options};
    use regard::rule::pattern::trigger_parts;
    use regard::rule::RuleSet;

    use crate::common::{self, root};

    /// A text to compare on, and how to name it in a failure. The
    /// sentences of sets kept from view (`-c`, `-d`) are named by file
    /// and line only.
    struct Case {
        name: String,
        text: String,
        kind: Kind,
        show: bool,
    }

    /// The sentences of an annotated set (`TAG<TAB>sentence` lines).
    fn sentences(path: &Path) -> Vec<(usize, String)> {
        std::fs::read_to_string(path)
            .unwrap()
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.starts_with('#'))
            .filter_map(|(i, l)| Some((i + 1, l.split_once('\t')?.1.to_string())))
            .collect()
    }

    fn cases(rules: &RuleSet) -> Vec<Case> {
        let mut cases = Vec::new();
        let mut sets = common::accuracy_sets();
        assert!(sets.len() >= 5, "{sets:?}");
        sets.push(root().join("bench/blind/set-2026-12-05-a.tsv"));
        for set in &sets {
            let file = set.file_name().unwrap().to_string_lossy().to_string();
            let show = !(file.contains("-c") || file.contains("-d"));
            let lines = sentences(set);
            assert!(!lines.is_empty(), "{file} has no sentences");
            let mut whole = String::new();
            for (line, text) in lines {
                whole.push_str(&text);
                whole.push_str(if line % 3 == 0 { "\n- " } else { "\n\n" });
                cases.push(Case {
                    name: format!("{file}:{line}"),
                    text,
                    kind: Kind::Plain,
                    show,
                });
            }
            // The whole set as one note of many blocks.
            cases.push(Case {
                name: format!("{file}, all sentences in one note"),
                text: whole,
                kind: Kind::Markdown,
                show,
            });
        }
        for rule in &rules.rules {
            for (i, e) in rule
                .flag_examples
                .iter()
                .chain(&rule.pass_examples)
                .enumerate()
            {
                cases.push(Case {
                    name: format!("{} example {}", rule.id, i + 1),
                    text: e.text.clone(),
                    kind: Kind::Plain,
                    show: true,
                });
            }
        }
        let mut paths = common::notes(&root().join("fixtures"));
        paths.sort();
        for path in paths {
            // Word and LibreOffice documents as regard reads them; the
            // hostile ones in fixtures/office do not read, by design.
            let kind = Kind::from_path(&path).unwrap();
            let name = path.strip_prefix(root()).unwrap().display().to_string();
            let bytes = std::fs::read(&path).unwrap();
            if let Ok(text) = kind.format().decode(&name, bytes) {
                cases.push(Case {
                    name,
                    text,
                    kind,
                    show: true,
                });
            }
        }
        cases
    }

    /// Findings as compared: everything a finding carries.
    fn lint(engine: &Engine, doc: &Document) -> Vec<Finding> {
        engine.lint(doc)
    }

    fn reference(rules: &RuleSet) -> Engine<'_> {
        let options = Options {
            exhaustive: true,
            ..Default::default()
        };
        Engine::with_options(rules, options).unwrap()
    }

    /// The engine over folders (full DFAs) and as a hook runs it on its
    /// few files (word by word first, then lean automata).
    fn fast_engines(rules: &RuleSet) -> [Engine<'_>; 2] {
        let hook = Options {
            fast_scan: false,
            ..Default::default()
        };
        [
            Engine::new(rules).unwrap(),
            Engine::with_options(rules, hook).unwrap(),
        ]
    }

    #[test]
    fn fast_path_finds_what_every_pattern_over_every_note_finds() {
        let rules = RuleSet::load(true, &[]).unwrap();
        let slow = reference(&rules);
        let fast = fast_engines(&rules);
        let cases = cases(&rules);
        assert!(cases.len() > 2000, "{} cases", cases.len());
        let (mut compared, mut patterns) = (0, 0);
        for case in &cases {
            let doc = Document::new("n".into(), case.text.clone(), case.kind);
            let expected = lint(&slow, &doc);
            compared += expected.len();
            patterns += expected
                .iter()
                .filter(|f| !rules.rules[f.rule].patterns.is_empty())
                .count();
            for (engine, how) in fast.iter().zip(["folder", "hook"]) {
                let found = lint(engine, &doc);
                if found != expected {
                    let text = if case.show {
                        &case.text
                    } else {
                        "(kept from view)"
                    };
                    let ids = |fs: &[Finding]| -> Vec<String> {
                        fs.iter()
                            .map(|f| {
                                format!(
                                    "{}@{}..{}",
                                    rules.rules[f.rule].id, f.span.start, f.span.end
                                )
                            })
                            .collect()
                    };
                    panic!(
                        "{} ({how}): found {:?}, the reference {:?}, in:\n{text}",
                        case.name,
                        ids(&found),
                        ids(&expected)
                    );
                }
            }
        }
        assert!(
            compared > 2000 && patterns > 1000,
            "only {compared} findings compared ({patterns} from patterns)"
        );
    }

    /// A pattern without trigger literals runs over every note, so the
    /// pack should have none; a rule that adds one must say why here.
    #[test]
    fn every_builtin_pattern_has_triggers() {
        let rules = RuleSet::load(true, &[]).unwrap();
        let without: Vec<String> = rules
            .rules
            .iter()
            .flat_map(|r| r.patterns.iter().map(move |p| (r, p)))
            .filter(|(_, p)| p.triggers.is_empty())
            .map(|(r, p)| format!("{}: {}", r.id, p.source()))
            .collect();
        assert!(
            without.is_empty(),
            "patterns that run everywhere:\n{}",
            without.join("\n")
        );
    }

    /// Words to build random notes from: every trigger literal of the pack
    /// (so patterns wake, at word edges and inside other words), the words
    /// of its phrases, and some everyday ones.
    fn anchor_words() -> Vec<String> {
        let rules = RuleSet::load(true, &[]).unwrap();
        let mut words: Vec<String> = rules
            .rules
            .iter()
            .flat_map(|r| &r.patterns)
            .flat_map(|p| p.triggers.iter().flatten())
            .map(|l| trigger_parts(l).0.to_string())
            .chain(rules.rules.iter().flat_map(|r| r.phrases.iter().cloned()))
            .chain(
                "she he they the client Mum Dad Sam her his their is was always never just \
                 keep keeps kept why does doesn't won't really time some still will additional"
                    .split(' ')
                    .map(String::from),
            )
            .collect();
        words.sort();
        words.dedup();
        words
    }

    const GLUE: &[&str] = &[
        " ",
        " ",
        " ",
        " ",
        ", ",
        ". ",
        "? ",
        "\n",
        "\n\n",
        "'",
        "\"",
        "",
        "-",
        "! ",
        " \u{201c}",
        "\u{2019}s ",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Random notes of the pack's own anchor words, joined by spaces,
        /// punctuation, quotes, line and paragraph breaks, or nothing (so
        /// that a word sits inside another): the fast path finds what the
        /// reference finds.
        #[test]
        fn random_notes_of_anchor_words(picks in prop::collection::vec((any::<prop::sample::Index>(), 0..GLUE.len(), any::<bool>()), 1..60)) {
            static RULES: LazyLock<RuleSet> = LazyLock::new(|| RuleSet::load(true, &[]).unwrap());
            static WORDS: LazyLock<Vec<String>> = LazyLock::new(anchor_words);
            static SLOW: LazyLock<Engine<'static>> = LazyLock::new(|| reference(&RULES));
            static FAST: LazyLock<[Engine<'static>; 2]> = LazyLock::new(|| fast_engines(&RULES));
            let text = {
                let words = &*WORDS;
                let mut text = String::new();
                for (word, glue, upper) in &picks {
                    let w = word.get(words);
                    if *upper {
                        text.push_str(&w.to_uppercase());
                    } else {
                        text.push_str(w);
                    }
                    text.push_str(GLUE[*glue]);
                }
                text
            };
            let (slow, fast) = (&*SLOW, &*FAST);
            for kind in [Kind::Markdown, Kind::Plain] {
                let doc = Document::new("n".into(), text.clone(), kind);
                let expected = lint(slow, &doc);
                for engine in fast {
                    prop_assert_eq!(&lint(engine, &doc), &expected, "in {:?}", text);
                }
            }
        }
    }
}
