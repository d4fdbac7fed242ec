//! Files in the repository made from other files, each held to what it is
//! made from. Refresh them all, after changing a rule or the code that
//! writes them, with
//!
//! ```text
//! REGARD_BLESS=1 cargo test --test integration generated::
//! ```
//!
//! then review the diff and commit it. Without `REGARD_BLESS` this test
//! never writes: it fails, naming each stale file and the command.
//! A new generated file is one more entry in `generated_files_are_current`.

use regard::rule::load::{builtin_sources, builtin_vocabulary, parse};
use regard::rule::pack::builtin_rule_table;
use regard::rule::pattern::{builtin_table, WordKind};
use regard::rule::validate::{validate, word_regexes};
use regard::rule::{load_vocabulary, Rule, RuleSet, WordsInForce};

use crate::common::{first_difference, root};

/// The environment variable that lets the test rewrite stale files.
const BLESS: &str = "REGARD_BLESS";

#[test]
fn generated_files_are_current() {
    let files = [
        ("src/rule/builtin_patterns.rs", builtin_pattern_table()),
        ("src/rule/builtin_rules.rs", builtin_rules()),
        ("docs/rules.md", rule_reference()),
    ];
    let bless = std::env::var_os(BLESS).is_some_and(|v| v != "0" && !v.is_empty());
    let mut stale = Vec::new();
    for (name, wanted) in files {
        let path = root().join(name);
        let current = std::fs::read_to_string(&path).unwrap_or_default();
        if current == wanted {
            continue;
        }
        if bless {
            std::fs::write(&path, wanted).unwrap_or_else(|e| panic!("{name}: {e}"));
            eprintln!("{name}: rewritten");
        } else {
            stale.push(format!(
                "{name} (first difference: {})",
                first_difference(&current, &wanted)
            ));
        }
    }
    assert!(
        stale.is_empty(),
        "out of date: {}\nrefresh with `{BLESS}=1 cargo test --test integration generated::`, \
         then review and commit the diff",
        stale.join(", ")
    );
}

/// `src/rule/builtin_patterns.rs`: the built-in pack skips parsing at
/// start-up; capture names and triggers of its patterns and `unless`
/// entries come from this table, made from a full parse.
fn builtin_pattern_table() -> String {
    let files: Vec<_> = builtin_sources()
        .iter()
        .map(|source| parse(source).expect("the built-in rules parse"))
        .collect();
    let mut errors = Vec::new();
    let vocabulary = load_vocabulary(&[builtin_vocabulary()], &mut errors);
    assert!(errors.is_empty(), "the vocabulary loads");
    // Word patterns are in the table as the regexes they compile to,
    // keyed by how they are written and used.
    let compiled: Vec<[Vec<String>; 3]> = files
        .iter()
        .map(|file| word_regexes(file, &vocabulary).expect("word patterns compile"))
        .collect();
    let mut words = Vec::new();
    for (file, [patterns, before, after]) in files.iter().zip(&compiled) {
        let uses = [
            (WordKind::Pattern, &file.words, patterns),
            (WordKind::Before, &file.unless.words_before, before),
            (WordKind::After, &file.unless.words_after, after),
        ];
        for (kind, written, regexes) in uses {
            for (w, regex) in written.iter().zip(regexes) {
                words.push((kind, w.value.as_str(), regex.as_str()));
            }
        }
    }
    let texts: Vec<&str> = files
        .iter()
        .flat_map(|file| {
            let unless = file.unless.before.iter().chain(&file.unless.after);
            file.patterns.iter().chain(unless).map(|p| p.value.as_str())
        })
        .chain(words.iter().map(|&(_, _, regex)| regex))
        .collect();
    builtin_table(&texts, &words, &builtin_vocabulary().text).expect("the built-in patterns parse")
}

/// `src/rule/builtin_rules.rs`: the built-in pack validated ahead of
/// time, so a run parses no YAML (`src/rule/pack.rs`); made from a full
/// parse and validation of every file, which must succeed.
fn builtin_rules() -> String {
    let sources = builtin_sources();
    let words = WordsInForce::new(vec![builtin_vocabulary()]);
    let read: Vec<_> = sources
        .iter()
        .map(|source| {
            let file = parse(source).expect("the built-in rules parse");
            let rule = validate(parse(source).unwrap(), source, &words)
                .unwrap_or_else(|e| panic!("{}: {e:?}", source.name));
            (file, rule)
        })
        .collect();
    let files: Vec<_> = sources
        .iter()
        .zip(&read)
        .map(|(source, (file, rule))| (&**source, file, rule))
        .collect();
    builtin_rule_table(&files)
}

/// Everything `regard` reads of a rule, with `fix.replace` in order (a
/// `HashMap` prints in any order).
fn described(rule: &Rule) -> String {
    let fix = rule.fix.as_ref().map(|f| {
        let mut replace: Vec<_> = f.replace.iter().collect();
        replace.sort();
        format!("{:?} {replace:?} {:?}", f.applicability, f.with)
    });
    format!(
        "{:?}",
        (
            (&rule.id, rule.id_span, rule.severity, &rule.summary),
            (&rule.message, &rule.phrases, &rule.patterns, &rule.suggest),
            (&rule.unless_before, &rule.unless_after, rule.in_quotes),
            (rule.priority, rule.engine_check, fix, &rule.docs),
            (&rule.flag_examples, &rule.pass_examples),
            (&rule.source.name, &rule.source.text),
        )
    )
}

/// A built-in rule from the generated table is the rule its YAML gives,
/// field by field, and the table is what a run with the built-in pack
/// uses (while it is current: `generated_files_are_current`).
#[test]
fn builtin_rules_from_the_table_are_the_rules_their_yaml_gives() {
    let words = WordsInForce::new(vec![builtin_vocabulary()]);
    let sources = builtin_sources();
    assert!(!sources.is_empty());
    for source in &sources {
        let Some(from_table) = regard::rule::pack::rule(source) else {
            panic!(
                "{} is not in src/rule/builtin_rules.rs as it is now; refresh it with \
                 `{BLESS}=1 cargo test --test integration generated::`",
                source.name
            );
        };
        let from_yaml = validate(parse(source).unwrap(), source, &words).unwrap();
        assert_eq!(
            described(&from_table),
            described(&from_yaml),
            "{}",
            source.name
        );
    }
}

/// `docs/rules.md`: the rule reference, as `regard rules --markdown`
/// prints it.
fn rule_reference() -> String {
    let rules = RuleSet::load(true, &[]).unwrap();
    regard::explain::reference(&rules)
}

/// The table's expansions hold only for the built-in vocabulary: a rule
/// folder's `vocabulary.yaml` that redefines a class reaches the built-in
/// rules' word patterns too (they are expanded again, not read from the
/// table), and without one the table's text is what the rules get.
#[test]
fn a_folder_vocabulary_reaches_builtin_word_patterns() {
    let uses_zog = |set: &RuleSet| {
        set.rules
            .iter()
            .flat_map(|r| &r.patterns)
            .filter(|p| p.source().contains("zog"))
            .count()
    };
    let dir = crate::common::Dir::new("folder-vocabulary");
    dir.write(
        "vocabulary.yaml",
        "pronoun:\n  - she\n  - he\n  - they\n  - zog\n",
    );
    let redefined = RuleSet::load(true, std::slice::from_ref(&dir.0)).expect("the folder loads");
    assert!(
        uses_zog(&redefined) > 10,
        "built-in word patterns use the folder's <pronoun>"
    );
    let empty = crate::common::Dir::new("folder-without-vocabulary");
    let builtin = RuleSet::load(true, std::slice::from_ref(&empty.0)).expect("the folder loads");
    assert_eq!(uses_zog(&builtin), 0);
    assert_eq!(
        builtin.rules.len(),
        redefined.rules.len(),
        "the same rules either way"
    );
}
