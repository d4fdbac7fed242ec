//! The built-in rule pack tests itself.
//!
//! `build.rs` generates one test per `rules/*.yaml` (included at the bottom),
//! each running that rule's `flag` and `pass` examples. The registry checks
//! loop over every rule for what each must have.

use std::path::Path;

use regard::engine::Engine;
use regard::rule::load::{builtin_sources, builtin_vocabulary, parse};
use regard::rule::pattern::builtin_table;
use regard::rule::template::Template;
use regard::rule::validate::{is_kebab_case, word_regexes};
use regard::rule::{load_vocabulary, RuleSet};

fn check_rule_examples(file: &str) {
    let rules = RuleSet::load(true, &[]).expect("the built-in rules load");
    let engine = Engine::with_options(&rules, regard::examples::options())
        .expect("the built-in rules compile");
    let name = format!("rules/{file} (built-in)");
    let index = rules
        .rules
        .iter()
        .position(|r| r.source.name == name)
        .expect("every rule file defines a rule");
    let (failures, count) = regard::examples::check(&engine, index);
    assert!(count > 0);
    let messages: Vec<String> = failures.iter().map(ToString::to_string).collect();
    assert!(
        messages.is_empty(),
        "{} example(s) failed:\n{}",
        messages.len(),
        messages.join("\n")
    );
}

include!(concat!(env!("OUT_DIR"), "/rule_example_tests.rs"));

#[test]
fn registry_every_rule_is_complete() {
    let rules = RuleSet::load(true, &[]).unwrap();
    assert!(rules.rules.len() >= 3);
    let mut problems = Vec::new();
    for rule in &rules.rules {
        let id = &rule.id;
        if !is_kebab_case(id) {
            problems.push(format!("{id}: id is not kebab-case"));
        }
        let file_stem = rule
            .source
            .name
            .trim_start_matches("rules/")
            .trim_end_matches(" (built-in)");
        if file_stem != format!("{id}.yaml") {
            problems.push(format!(
                "{id}: defined in {file_stem}; name the file after the id"
            ));
        }
        for (what, text) in [
            ("what", &rule.docs.what),
            ("why", &rule.docs.why),
            ("curious", &rule.docs.curious),
        ] {
            if text.split_whitespace().count() < 8 {
                problems.push(format!("{id}: docs.{what} is too short to help anyone"));
            }
        }
        if rule.flag_examples.len() < 5 || rule.pass_examples.len() < 5 {
            problems.push(format!(
                "{id}: needs at least five flag and five pass examples"
            ));
        }
        if rule.suggest.is_empty() {
            problems.push(format!("{id}: offers no suggestion"));
        }
        if rule.summary.len() > 90 {
            problems.push(format!("{id}: summary is longer than a line"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn registry_ids_are_unique() {
    let rules = RuleSet::load(true, &[]).unwrap();
    let mut ids: Vec<&str> = rules.rules.iter().map(|r| r.id.as_str()).collect();
    let before = ids.len();
    ids.dedup();
    assert_eq!(
        before,
        ids.len(),
        "rules are sorted by id, so a duplicate would sit next to itself"
    );
}

#[test]
fn registry_template_holes_exist() {
    // The loader rejects unknown holes; this checks that rule messages and
    // suggestions actually render to something without a leftover brace.
    let rules = RuleSet::load(true, &[]).unwrap();
    for rule in &rules.rules {
        let all: Vec<&Template> = std::iter::once(&rule.message)
            .chain(&rule.suggest)
            .collect();
        for t in all {
            let rendered = t.render("word", None);
            assert!(
                !rendered.contains('{') && !rendered.contains('}'),
                "{}: {rendered}",
                rule.id
            );
        }
    }
}

/// The built-in pack skips parsing at start-up: capture names and triggers
/// of patterns and `unless` entries come from
/// `src/rule/builtin_patterns.rs`, made from a full parse. When a
/// rule changes, this test rewrites that file and fails; run it again.
#[test]
fn builtin_pattern_table_is_current() {
    let files: Vec<_> = builtin_sources()
        .iter()
        .map(|source| parse(source).expect("the built-in rules parse"))
        .collect();
    let mut errors = Vec::new();
    let vocabulary = load_vocabulary(&[builtin_vocabulary()], &mut errors);
    assert!(errors.is_empty(), "the vocabulary loads");
    // Word patterns are in the table as the regexes they compile to.
    let compiled: Vec<String> = files
        .iter()
        .flat_map(|file| word_regexes(file, &vocabulary).expect("word patterns compile"))
        .flatten()
        .collect();
    let texts: Vec<&str> = files
        .iter()
        .flat_map(|file| {
            let unless = file.unless.before.iter().chain(&file.unless.after);
            file.patterns.iter().chain(unless).map(|p| p.value.as_str())
        })
        .chain(compiled.iter().map(String::as_str))
        .collect();
    let wanted = builtin_table(&texts).expect("the built-in patterns parse");
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rule/builtin_patterns.rs");
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    if current != wanted {
        std::fs::write(&path, wanted).expect("the table is writable");
        panic!(
            "{} was out of date and has been rewritten: run the tests again",
            path.display()
        );
    }
}

/// Loaded as a user's folder, the pack gets every check at load time
/// (parse, compile, size limit) and must come out the same as the
/// built-in load, which takes names and triggers from the table and does
/// not parse.
#[test]
fn builtin_pack_passes_users_checks_and_matches_its_table() {
    let rules_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let checked = RuleSet::load(false, &[rules_dir]).expect("the pack passes users' checks");
    let builtin = RuleSet::load(true, &[]).unwrap();
    assert_eq!(checked.rules.len(), builtin.rules.len());
    for (a, b) in checked.rules.iter().zip(&builtin.rules) {
        assert_eq!(a.id, b.id);
        assert_eq!(a.patterns.len(), b.patterns.len(), "{}", a.id);
        for (p, q) in a.patterns.iter().zip(&b.patterns) {
            assert_eq!(
                (p.source(), &p.names, &p.triggers),
                (q.source(), &q.names, &q.triggers),
                "{}",
                a.id
            );
        }
        let unless = |r: &regard::rule::Rule| {
            [&r.unless_before, &r.unless_after].map(|u| {
                u.as_ref().map(|u| {
                    let each: Vec<_> = u
                        .entries()
                        .iter()
                        .map(|p| (p.source(), p.triggers.clone()))
                        .collect();
                    (u.joined().source(), each)
                })
            })
        };
        assert_eq!(unless(a), unless(b), "{}", a.id);
    }
}

#[test]
fn registry_every_builtin_pattern_compiles() {
    // Built-in patterns compile on first use, so this is where a pattern
    // over the size limit or otherwise broken would be caught.
    let rules = RuleSet::load(true, &[]).unwrap();
    let mut problems = Vec::new();
    for rule in &rules.rules {
        let unless = rule.unless_before.iter().chain(&rule.unless_after);
        let all = rule
            .patterns
            .iter()
            .chain(unless.flat_map(|u| std::iter::once(u.joined()).chain(u.entries())));
        for pattern in all {
            if let Err(e) = pattern.compile() {
                problems.push(format!("{}: {e}", rule.id));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The built-in `<person>` class names people as notes name them, and not
/// the places and services around them.
#[test]
fn builtin_person_class_names_people_not_services() {
    let mut errors = Vec::new();
    let vocabulary = load_vocabulary(&[builtin_vocabulary()], &mut errors);
    assert!(errors.is_empty(), "the vocabulary loads");
    let pattern = regard::rule::words::parse("<person>").expect("a class reference parses");
    let compiled = vocabulary
        .compile_pattern(&pattern)
        .expect("<person> compiles");
    let whole = regex::RegexBuilder::new(&format!("^(?:{compiled})$"))
        .case_insensitive(true)
        .build()
        .expect("the compiled class is a regex");
    for person in [
        "she",
        "They",
        "the client",
        "this family",
        "our young person",
        "her mum",
        "their parents",
        "Mum",
        "Mr Okoye",
        "Dr. Lee",
        "Sam",
    ] {
        assert!(whole.is_match(person), "<person> should name {person:?}");
    }
    for other in [
        "the clinic",
        "her manager",
        "the housing team",
        "mr okoye",
        "we",
    ] {
        assert!(!whole.is_match(other), "<person> should not name {other:?}");
    }
}

/// Every built-in rule's flag examples with the message, suggestions and
/// fix each gets: the help a practitioner reads, reviewed as a whole.
#[test]
fn suggestions_for_every_rule_example() {
    use regard::document::{Document, Kind};
    let rules = RuleSet::load(true, &[]).unwrap();
    let engine = Engine::with_options(&rules, regard::examples::options()).unwrap();
    let mut out = String::new();
    for (i, rule) in rules.rules.iter().enumerate() {
        if rule.engine_check.is_some() {
            continue;
        }
        out.push_str(&format!("## {}\n", rule.id));
        for example in &rule.flag_examples {
            let doc = Document::new("example.txt".into(), example.text.clone(), Kind::Plain);
            out.push_str(&format!("\n{}\n", example.text));
            for f in engine.lint(&doc).iter().filter(|f| f.rule == i) {
                out.push_str(&format!("  `{}`: {}\n", f.matched, f.message));
                for (n, s) in f.suggestions.iter().enumerate() {
                    out.push_str(&format!("  {} {s}\n", if n == 0 { "try:" } else { " or:" }));
                }
                if let Some(fix) = &f.fix {
                    out.push_str(&format!(
                        "  fix ({:?}): {:?}\n",
                        fix.applicability, fix.replacement
                    ));
                }
            }
        }
        out.push('\n');
    }
    insta::assert_snapshot!(out);
}

/// Sentences whose person has a known gender, in the shapes the rules
/// flag, for the two properties below.
fn gendered_sentences() -> Vec<(String, Option<bool>)> {
    // (name as written, female?)
    let people: &[(&str, Option<bool>)] = &[
        ("She", Some(true)),
        ("He", Some(false)),
        ("Mum", Some(true)),
        ("Dad", Some(false)),
        ("Mr Okoye", Some(false)),
        ("Mrs Khan", Some(true)),
        ("Her brother", Some(false)),
        ("His sister", Some(true)),
        ("Leila", None),
        ("The client", None),
        ("They", None),
    ];
    let shapes = [
        "{P} failed to complete the budgeting sheet again.",
        "{P} claims the letter never came.",
        "{P} was resistant to feedback today.",
        "{P} is an alcoholic and drinks most mornings.",
        "{P} never follows through on what we agree.",
        "{P} is overreacting to the school's letter.",
        "{P} should have known better than to sign it.",
        "{P} clearly doesn't care about the plan.",
        "{P} lacks insight into the impact on the children.",
        "{P} looked dishevelled when we met.",
        "{P} refused to attend the review.",
        "{P} is always late.",
        "Why does {P:lower} keep cancelling on Mondays?",
    ];
    let mut out = Vec::new();
    for (name, female) in people {
        for shape in shapes {
            let lower = if matches!(*name, "She" | "He" | "They") {
                name.to_lowercase()
            } else {
                name.to_string()
            };
            let text = shape.replace("{P:lower}", &lower).replace("{P}", name);
            out.push((text, *female));
        }
    }
    out
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// No suggestion brings in a pronoun of the other gender than the
/// sentence gives its person, nor a gendered pronoun where it gives none.
#[test]
fn suggestions_keep_the_persons_gender() {
    use regard::document::{Document, Kind};
    let rules = RuleSet::load(true, &[]).unwrap();
    let engine = Engine::new(&rules).unwrap();
    let female = ["she", "her", "hers", "herself"];
    let male = ["he", "him", "his", "himself"];
    let mut checked = 0;
    let mut problems = Vec::new();
    for (text, is_female) in gendered_sentences() {
        let doc = Document::new("n.txt".into(), text.clone(), Kind::Plain);
        let own = words(&text);
        for f in engine.lint(&doc) {
            for s in f.suggestions.iter().chain(std::iter::once(&f.message)) {
                checked += 1;
                let added: Vec<String> =
                    words(s).into_iter().filter(|w| !own.contains(w)).collect();
                let brings = |set: &[&str]| added.iter().any(|w| set.contains(&w.as_str()));
                let wrong = match is_female {
                    Some(true) => brings(&male),
                    Some(false) => brings(&female),
                    None => brings(&male) || brings(&female),
                };
                if wrong {
                    problems.push(format!("{text:?} → {s:?}"));
                }
            }
        }
    }
    assert!(checked > 200, "only {checked} suggestions checked");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A suggestion adds no fact the sentence lacks: no number, time, day,
/// diagnosis or name that is not in the sentence.
#[test]
fn suggestions_add_no_facts() {
    use regard::document::{Document, Kind};
    let rules = RuleSet::load(true, &[]).unwrap();
    let engine = Engine::new(&rules).unwrap();
    let facts = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "morning",
        "evening",
        "night",
        "week",
        "month",
        "spring",
        "summer",
        "winter",
        "twice",
        "once",
        "schizophrenia",
        "diabetes",
        "epilepsy",
        "depression",
        "anxiety",
        "adhd",
        "autism",
        "bipolar",
        "disorder",
        "diagnosis",
        "diagnosed",
        "alcohol",
        "drugs",
        "letter",
        "ill",
    ];
    let mut texts: Vec<String> = gendered_sentences().into_iter().map(|(t, _)| t).collect();
    for rule in &rules.rules {
        texts.extend(rule.flag_examples.iter().map(|e| e.text.clone()));
    }
    let mut problems = Vec::new();
    for text in &texts {
        let doc = Document::new("n.txt".into(), text.clone(), Kind::Plain);
        let own = words(text);
        for f in engine.lint(&doc) {
            let rule = &rules.rules[f.rule];
            // Person-first forms name the condition the label names.
            let stem_in_match = |w: &str| {
                let stem = &w[..w.len().min(6)];
                words(&f.matched).iter().any(|m| m.starts_with(stem))
            };
            let allowed = |w: &str| {
                rule.id == "identity-label"
                    && (matches!(w, "alcohol" | "drugs") || stem_in_match(w))
            };
            for s in &f.suggestions {
                for w in words(s) {
                    let new_number = w.chars().any(|c| c.is_ascii_digit());
                    let new_fact = facts.contains(&w.as_str()) && !allowed(&w);
                    // A capitalised word mid-suggestion that the sentence lacks is a new name.
                    let capital = s.split(' ').skip(1).any(|x| {
                        x.trim_matches(|c: char| !c.is_alphanumeric()) == w.as_str()
                            && x.starts_with(char::is_uppercase)
                    });
                    if !own.contains(&w) && (new_number || new_fact || capital && w != "i") {
                        problems.push(format!("{text:?} → {s:?} adds {w:?}"));
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A built-in fix reaches every output: JSON and SARIF carry it as a
/// replacement of the flagged words, and `--unsafe-fixes` applies it.
#[test]
fn builtin_fixes_are_replacements_in_json_and_sarif() {
    use regard::document::{Document, Kind};
    use regard::report::{json, locate, sarif};
    let rules = RuleSet::load(true, &[]).unwrap();
    let engine = Engine::new(&rules).unwrap();
    let text = "Client failed to complete the budgeting sheet.\n";
    let doc = Document::new("note.md".into(), text.into(), Kind::Markdown);
    let findings = engine.lint(&doc);
    let edits: Vec<_> = findings
        .iter()
        .filter_map(|f| f.fix.as_ref().map(|e| (f.span, e.replacement.as_str())))
        .collect();
    assert_eq!(
        regard::fix::apply(text, &edits),
        "Client did not complete the budgeting sheet.\n"
    );
    assert_eq!(
        findings[0].suggestions,
        [
            "Client did not complete the budgeting sheet.",
            "What got in the way of the budgeting sheet for them?"
        ]
    );
    let located = locate(&doc, findings, &rules.rules);
    let j: serde_json::Value = serde_json::from_str(&json::render(&located, 1)).unwrap();
    assert_eq!(j["findings"][0]["fix"]["replacement"], "did not");
    assert_eq!(j["findings"][0]["fix"]["applicability"], "unsafe");
    let s: serde_json::Value =
        serde_json::from_str(&sarif::render(&located, &rules.rules)).unwrap();
    let replacement =
        &s["runs"][0]["results"][0]["fixes"][0]["artifactChanges"][0]["replacements"][0];
    assert_eq!(replacement["insertedContent"]["text"], "did not");
    assert_eq!(replacement["deletedRegion"]["byteOffset"], 7);
    assert_eq!(replacement["deletedRegion"]["byteLength"], 9);
}

/// `vocabulary.yaml` and every rule file, as (name, text).
fn pack_files() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![(
        "vocabulary.yaml".to_string(),
        std::fs::read_to_string(root.join("vocabulary.yaml")).unwrap(),
    )];
    for source in builtin_sources() {
        let name = source
            .name
            .trim_start_matches("rules/")
            .trim_end_matches(" (built-in)");
        files.push((name.to_string(), source.text.clone()));
    }
    files
}

/// A rule is read by people: a line they must scroll sideways to read
/// hides what it catches (issue 19 found 165 such lines).
#[test]
fn registry_no_line_is_longer_than_200_characters() {
    let mut long = Vec::new();
    for (name, text) in pack_files() {
        for (i, line) in text.lines().enumerate() {
            let len = line.chars().count();
            if len > 200 {
                long.push(format!("{name}:{}: {len} characters", i + 1));
            }
        }
    }
    assert!(long.is_empty(), "{}", long.join("\n"));
}

/// The top-level alternatives of every parenthesised group in `text` (a
/// regex or a word pattern) that has at least three, lower-cased and
/// sorted, so the same list written in another order is still the same.
fn alternations(text: &str) -> Vec<Vec<String>> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    let mut stack: Vec<(usize, Vec<usize>)> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 1,
            '[' => {
                // A character class holds no groups.
                while i < chars.len() && chars[i] != ']' {
                    i += usize::from(chars[i] == '\\') + 1;
                }
            }
            '(' => stack.push((i, Vec::new())),
            '|' => {
                if let Some((_, bars)) = stack.last_mut() {
                    bars.push(i);
                }
            }
            ')' => {
                if let Some((open, bars)) = stack.pop() {
                    if bars.len() >= 2 {
                        let mut cuts = vec![open];
                        cuts.extend(&bars);
                        cuts.push(i);
                        let mut alts: Vec<String> = cuts
                            .windows(2)
                            .map(|w| {
                                let alt: String = chars[w[0] + 1..w[1]].iter().collect();
                                let alt = alt.strip_prefix("?:").unwrap_or(&alt);
                                let alt = match alt.strip_prefix("?P<") {
                                    Some(rest) => rest.split_once('>').map_or(rest, |(_, a)| a),
                                    None => alt,
                                };
                                alt.trim().to_lowercase()
                            })
                            .collect();
                        alts.sort();
                        found.push(alts);
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    found
}

#[test]
fn alternations_are_found_in_regexes_and_word_patterns() {
    assert_eq!(
        alternations(r"\bwhy (?:does|do|[(|)]did) (?P<who>she|he|they)"),
        [vec!["[(|)]did", "do", "does"], vec!["he", "she", "they"]]
    );
    assert_eq!(alternations("(a|b) ((c|d|e) f|g|h)").len(), 2);
}

/// A list of three or more alternatives is written once: in a word class
/// of `vocabulary.yaml` when two patterns or rules need it (issue 19).
#[test]
fn registry_no_alternation_is_copied() {
    let mut places: std::collections::HashMap<Vec<String>, Vec<String>> = Default::default();
    let mut errors = Vec::new();
    let vocabulary = load_vocabulary(&[builtin_vocabulary()], &mut errors);
    assert!(errors.is_empty(), "the vocabulary loads");
    for name in vocabulary.names() {
        let entries = vocabulary.entries(name).unwrap();
        let mut list: Vec<String> = entries.iter().map(|(e, _)| e.to_lowercase()).collect();
        for (entry, _) in entries {
            for alts in alternations(entry) {
                places
                    .entry(alts)
                    .or_default()
                    .push(format!("class {name}"));
            }
        }
        if list.len() >= 3 {
            list.sort();
            places
                .entry(list)
                .or_default()
                .push(format!("class {name}"));
        }
    }
    for source in builtin_sources() {
        let file = parse(&source).expect("the built-in rules parse");
        let name = source
            .name
            .trim_start_matches("rules/")
            .trim_end_matches(" (built-in)");
        let unless = &file.unless;
        let all = file
            .patterns
            .iter()
            .chain(&file.words)
            .chain(&unless.before)
            .chain(&unless.after)
            .chain(&unless.words_before)
            .chain(&unless.words_after);
        for (i, pattern) in all.enumerate() {
            for alts in alternations(&pattern.value) {
                places
                    .entry(alts)
                    .or_default()
                    .push(format!("{name} pattern {}", i + 1));
            }
        }
    }
    let mut copied: Vec<String> = places
        .into_iter()
        .filter(|(_, at)| at.len() > 1)
        .map(|(alts, at)| format!("({}) in {}", alts.join("|"), at.join(", ")))
        .collect();
    copied.sort();
    assert!(
        copied.is_empty(),
        "write these once, as a word class:\n{}",
        copied.join("\n")
    );
}

/// Every built-in rule is written as word patterns (issue 19): a raw
/// regex stays possible inside a pattern (`/…/`), but no rule keeps a
/// `patterns:` list or a regex `unless`, which nobody can read or extend.
#[test]
fn registry_every_builtin_rule_is_written_as_word_patterns() {
    let mut raw = Vec::new();
    for source in builtin_sources() {
        let file = parse(&source).expect("the built-in rules parse");
        let unless = &file.unless;
        for (key, list) in [
            ("patterns", &file.patterns),
            ("unless.before", &unless.before),
            ("unless.after", &unless.after),
        ] {
            if !list.is_empty() {
                raw.push(format!("{}: {key}", source.name));
            }
        }
    }
    assert!(raw.is_empty(), "{}", raw.join("\n"));
}

/// Issue 20: one finding per phrase. Where two rules, or two patterns of one
/// rule, match overlapping words, `regard check` reports one finding: the
/// narrower rule (deficit-label, any label, yields), else the longer match.
#[test]
fn one_finding_per_phrase() {
    use regard::document::{Document, Kind};
    let rules = RuleSet::load(true, &[]).unwrap();
    let engine = Engine::new(&rules).unwrap();
    let found = |text: &str| -> Vec<(String, String)> {
        let doc = Document::new("note.md".into(), text.to_string(), Kind::Markdown);
        engine
            .lint(&doc)
            .into_iter()
            .map(|f| (engine.rules()[f.rule].id.clone(), f.matched))
            .collect()
    };
    let one = |rule: &str, words: &str| vec![(rule.to_string(), words.to_string())];
    // Compliance framing and a label on the same word: the compliance finding.
    assert_eq!(
        found("He remains non-compliant with the plan.\n"),
        one("compliance-framing", "non-compliant")
    );
    // Two patterns of one rule, overlapping: the longer.
    assert_eq!(
        found("He is clearly not committed to the process.\n"),
        one("assumed-intent", "not committed to the process")
    );
    // Two rules of equal priority: the longer match.
    assert_eq!(
        found("He never takes responsibility.\n"),
        one("absolute-about-person", "He never takes responsibility")
    );
    // Separate phrases of one sentence are still two findings.
    assert_eq!(
        found("She was hostile at the door and failed to complete the exercise.\n"),
        vec![
            ("deficit-label".to_string(), "hostile".to_string()),
            ("compliance-framing".to_string(), "failed to".to_string()),
        ]
    );
    // Suppressing the rule that stays silences the phrase, with no finding
    // left over and no unused suppression.
    assert_eq!(
        found(
            "He remains non-compliant with the plan. \
             <!-- regard-ignore compliance-framing: the court's word -->\n"
        ),
        vec![]
    );
    // A suppression naming both rules is in use for both: the rule that
    // yielded is not reported as an unused suppression.
    assert_eq!(
        found(
            "He remains non-compliant with the plan. \
             <!-- regard-ignore compliance-framing, deficit-label: the court's word -->\n"
        ),
        vec![]
    );
}

/// Words that carry no fact of their own: a rewording may drop them with
/// the label ("was very resistant" → "… (what she did or said)").
const NO_FACT: &[&str] = &[
    // "insight into" → "… about": a preposition, not a fact.
    "into",
    "a",
    "an",
    "the",
    "and",
    "or",
    "but",
    "so",
    "of",
    "to",
    "in",
    "on",
    "at",
    "for",
    "with",
    "by",
    "as",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "it",
    "its",
    "this",
    "that",
    "very",
    "really",
    "quite",
    "just",
    "too",
    "such",
    "v",
    "s",
    "re",
    "ll",
    "rather",
    "utterly",
    "totally",
    "completely",
    "extremely",
    "incredibly",
    "pretty",
    "fairly",
    "bloody",
    "overly",
    "bit",
    "real",
    "why",
    "on",
    "earth",
    "how",
    "what",
    // Interjections that carry the writer's tone, not a fact.
    "honestly",
    "seriously",
    "frankly",
    "literally",
];

/// "follows", "followed" and "following" are one word here; so are
/// "lies" and "lied".
fn stem(word: &str) -> String {
    let w = word.to_lowercase();
    let w = w.trim_end_matches("'s").trim_end_matches("’s");
    for suffix in ["ing", "ied", "ies", "ed", "es", "s", "d"] {
        if let Some(s) = w.strip_suffix(suffix) {
            if s.len() >= 3 {
                return s.chars().take(5).collect();
            }
        }
    }
    w.chars().take(5).collect()
}

/// The sentence of `text` around the byte range `span`.
fn sentence_around(text: &str, span: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let ends = |c: char| matches!(c, '.' | '!' | '?');
    let start = text[..span.start]
        .char_indices()
        .rev()
        .find(|&(i, c)| ends(c) && text[i + 1..].starts_with(' '))
        .map_or(0, |(i, _)| i + 1);
    let end = text[span.end..]
        .char_indices()
        .find(|&(i, c)| {
            ends(c)
                && text[span.end + i + 1..]
                    .chars()
                    .next()
                    .is_none_or(char::is_whitespace)
        })
        .map_or(text.len(), |(i, _)| span.end + i + 1);
    start..end
}

/// Content words of the flagged sentence outside the flagged span that
/// the first suggestion drops: empty when the rewording keeps every fact.
fn dropped_words(text: &str, span: std::ops::Range<usize>, first: &str) -> Vec<String> {
    // A pattern may take the punctuation before its words (". Never").
    let lead = text[span.clone()].find(char::is_alphanumeric).unwrap_or(0);
    let span = span.start + lead..span.end;
    let sentence = sentence_around(text, span.clone());
    let outside = format!(
        "{} {}",
        &text[sentence.start..span.start],
        &text[span.end..sentence.end]
    );
    let kept: Vec<String> = words(first)
        .iter()
        .map(|w| stem(w.trim_matches(['\'', '’'])))
        .collect();
    words(&outside)
        .into_iter()
        .map(|w| w.trim_matches(['\'', '’']).to_string())
        .filter(|w| !w.is_empty() && !NO_FACT.contains(&w.as_str()))
        .filter(|w| !kept.contains(&stem(w)))
        .collect()
}

/// Sentences with facts beside the judgment: times, medicines, places,
/// people, risk. The first suggestion keeps all of them.
const FACT_SENTENCES: &[&str] = &[
    "Mrs Hill was very obstructive at teatime, wouldn't let anyone help.",
    "Why on earth did she stop her anticoagulant without telling anyone?",
    "Pt not adhering to fluid restriction despite repeated education from nursing staff.",
    "Advised to remain on bed rest; chose to ignore this and was found in the day room.",
    "Looked a mess on our Zoom, no makeup and her roots showing.",
    "He was overly upset about his dog's death for three sessions now.",
    "Lady in bed 22 is very precious about her routine and kicks off if it changes.",
    "Mr Tait has once again disobeyed a clear instruction regarding his exclusion zone.",
    "His dad should be ashamed letting him out at all hours.",
    "Very clingy, follows staff around at break like a lost puppy.",
    "Parents have been non-compliant with the safety plan since it was drawn up in September.",
    "She is manipulative and said she would take all her tablets tonight.",
    "Client reports a sudden panic attack before every session she cancels.",
    "Ruby has never once said thank you for anything.",
    "Mr Price was rude to the cleaner on Tuesday.",
    "M. didn't bother to do the reflection exercise I set, again.",
    "He's only here for the methadone script, nothing else.",
    "She swears she's only drinking at weekends. Yeah right.",
    "He turns every single session into a complaint about his wife.",
    "Both parents are known heroin addicts and the home reflects this.",
    "Dad has failed to engage with the parenting assessment despite three letters.",
];

/// The first suggestion keeps every content word of the sentence outside
/// the flagged words (a word may change its ending: "follows" → "has
/// followed"). A rule whose rewording must drop words says why in its
/// `docs.rewording`, and only the words it names may go.
#[test]
fn first_suggestion_keeps_the_sentence_facts() {
    use regard::document::{Document, Kind};
    let rules = RuleSet::load(true, &[]).unwrap();
    let engine = Engine::new(&rules).unwrap();
    let mut texts: Vec<String> = gendered_sentences().into_iter().map(|(t, _)| t).collect();
    texts.extend(FACT_SENTENCES.iter().map(|s| s.to_string()));
    // The suppression rules' examples are about their directives, which
    // hold no fact of the note.
    for rule in rules.rules.iter().filter(|r| r.engine_check.is_none()) {
        texts.extend(rule.flag_examples.iter().map(|e| e.text.clone()));
    }
    let mut checked = 0;
    let mut problems = Vec::new();
    for text in &texts {
        let doc = Document::new("n.txt".into(), text.clone(), Kind::Plain);
        for f in engine.lint(&doc) {
            let rule = &rules.rules[f.rule];
            if rule.engine_check.is_some() {
                continue;
            }
            let Some(first) = f.suggestions.first() else {
                problems.push(format!("{}: {text:?} has no suggestion", rule.id));
                continue;
            };
            checked += 1;
            // The whole judgment goes, not just the flagged word: the
            // adjectives listed with it, its frame and an attached motive
            // or simile (`suggest::label::extend`), and the copula and
            // intensifiers before it. A description stated plainly drops a
            // simile; a dismissed report drops the dismissal after "but".
            let sentence = sentence_around(text, f.span.start..f.span.end);
            let s = &text[sentence.clone()];
            let lead = text[f.span.start..f.span.end]
                .find(char::is_alphanumeric)
                .unwrap_or(0);
            let rel = f.span.start + lead - sentence.start..f.span.end - sentence.start;
            let wide = regard::suggest::label::extend(s, rel);
            let judgment = words(&s[wide.clone()]);
            let plain_form = first.ends_with('.') && !first.contains('…');
            let after_but: Vec<String> = s[..wide.start]
                .rfind(" but ")
                .filter(|_| plain_form)
                .map(|i| {
                    words(&s[i..])
                        .into_iter()
                        .map(|w| w.trim_matches(['\'', '’']).to_string())
                        .collect()
                })
                .unwrap_or_default();
            let simile = s
                .find(" like a ")
                .filter(|_| plain_form)
                .map(|i| words(&s[i..]))
                .unwrap_or_default();
            let dropped: Vec<String> = dropped_words(text, f.span.start..f.span.end, first)
                .into_iter()
                .filter(|w| {
                    !judgment.contains(w)
                        && !regard::suggest::label_lead_word(w)
                        && !after_but.contains(w)
                        && !simile.contains(w)
                })
                .collect();
            // A rule may say why its rewording drops words, for a match that
            // is most of its sentence (a question flagged whole).
            let span_words = words(&text[f.span.start..f.span.end]).len();
            let most = span_words * 2 >= words(&text[sentence]).len();
            let says_why = rule.docs.rewording.is_some() && most;
            if !dropped.is_empty() && !says_why {
                problems.push(format!(
                    "{}: {text:?} → {first:?} drops {dropped:?}",
                    rule.id
                ));
            }
        }
    }
    assert!(checked > 300, "only {checked} findings checked");
    assert!(
        problems.is_empty(),
        "{} of {checked}:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// Where a sentence records risk, the first suggestion keeps the risk
/// words as written and the message says they must stay (issue 26 item 7).
#[test]
fn risk_stays_word_for_word() {
    use regard::document::{Document, Kind};
    let rules = RuleSet::load(true, &[]).unwrap();
    let engine = Engine::new(&rules).unwrap();
    let cases: &[(&str, &[&str])] = &[
        (
            "Parents have been non-compliant with the safety plan since September.",
            &["safety plan", "since September"],
        ),
        (
            "Why on earth did she stop her anticoagulant without telling anyone?",
            &["anticoagulant", "without telling anyone"],
        ),
        (
            "She is manipulative and said she would take all her tablets tonight.",
            &["said she would take all her tablets tonight"],
        ),
        (
            "He's only here for the methadone script, nothing else.",
            &["methadone", "script, nothing else"],
        ),
        (
            "His dad should be ashamed letting him out at all hours.",
            &["letting him out at all hours"],
        ),
    ];
    for (text, kept) in cases {
        let doc = Document::new("n.txt".into(), text.to_string(), Kind::Plain);
        let findings = engine.lint(&doc);
        assert!(!findings.is_empty(), "{text}");
        for f in findings {
            assert!(
                f.message.contains("must stay in the note, word for word"),
                "{text}: {}",
                f.message
            );
            let first = &f.suggestions[0];
            for k in *kept {
                assert!(first.contains(k), "{text} → {first:?} lost {k:?}");
            }
        }
    }
}
