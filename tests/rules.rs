//! The built-in rule pack tests itself.
//!
//! `build.rs` generates one test per `rules/*.yaml` (included at the bottom),
//! each running that rule's `flag` and `pass` examples. The registry checks
//! loop over every rule for what each must have.

use std::path::Path;

use regard::engine::Engine;
use regard::rule::load::{builtin_sources, builtin_vocabulary, parse};
use regard::rule::template::Template;
use regard::rule::validate::is_kebab_case;
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

use regard::suggest::NO_FACT;

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
        let findings = engine.lint(&doc);
        for f in &findings {
            let rule = &rules.rules[f.rule];
            if rule.engine_check.is_some() {
                continue;
            }
            // One rewording resolves every finding of its sentence (round
            // 8): another finding's words in the same sentence are judgment
            // too, not facts this one must keep.
            let own_sentence = sentence_around(text, f.span.start..f.span.end);
            let others: Vec<String> = findings
                .iter()
                .filter(|o| !std::ptr::eq(*o, f) && own_sentence.contains(&o.span.start))
                .flat_map(|o| words(&text[o.span.start..o.span.end]))
                .collect();
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
                .or_else(|| s[..wide.start].rfind(" though "))
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
            // A margin question names the person in the case the question
            // needs ("she" → "what did you see of her") and leaves out the
            // verb that joins them to the label ("looked dishevelled").
            let question = first.contains('?');
            let first_words = words(first);
            let same_person = |w: &str| {
                let forms: &[&[&str]] = &[
                    &["she", "her", "hers", "she's", "she'll", "she'd"],
                    &["he", "him", "his", "he's", "he'll", "he'd"],
                    &["they", "them", "their", "they're", "they'll"],
                ];
                question
                    && forms.iter().any(|f| {
                        f.contains(&w) && f.iter().any(|x| first_words.iter().any(|y| y == x))
                    })
            };
            let dropped: Vec<String> = dropped_words(text, f.span.start..f.span.end, first)
                .into_iter()
                .filter(|w| {
                    let look =
                        question && regard::suggest::compose::LOOK_VERBS.contains(&w.as_str());
                    // A question quotes a part of the sentence without the
                    // "which" that joined it ("which can't inspire …").
                    let joint = question && w == "which";
                    !same_person(w)
                        && !look
                        && !joint
                        && !judgment.contains(w)
                        && !others.contains(w)
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
            // A motive read into the behaviour ("to get the flat") is the
            // judgment, not a fact: a rule that says so may drop the rest
            // of the clause the match opens, and the "only" before it.
            let motive = rule.docs.rewording.is_some() && {
                let rest = motive_clause(text, f.span.start..f.span.end);
                dropped.iter().all(|w| rest.contains(w))
            };
            // The margin question (round 8) carries only the parts of
            // the sentence that come through whole and safe; the blind
            // supervisor rated the plain question above one set in cut
            // facts (set h: 2.42; set g, plain: 3.78), so the other parts
            // stay in the note and out of the question.
            let margin = question
                && ["read as \"", "called \"", "summed up as \""]
                    .iter()
                    .any(|q| first.contains(q));
            if !dropped.is_empty() && !says_why && !motive && !margin {
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

/// Issue 20: the finding that stays takes in the words of the matches it
/// overlapped, of its own rule or another's: its span covers the whole
/// phrase, its words and message are the winning match's, and its
/// suggestion rewords the whole phrase, so "clearly" goes too.
#[test]
fn one_finding_per_phrase_covers_the_whole_phrase() {
    use regard::document::{Document, Kind};
    let rules = RuleSet::load(true, &[]).unwrap();
    let engine = Engine::new(&rules).unwrap();
    let found = |text: &str| -> Vec<(String, String, String, String)> {
        let doc = Document::new("note.txt".into(), text.to_string(), Kind::Plain);
        engine
            .lint(&doc)
            .into_iter()
            .map(|f| {
                assert_eq!(
                    f.fix, None,
                    "a merged finding's fix would rewrite only its match"
                );
                (
                    engine.rules()[f.rule].id.clone(),
                    text[f.span.start..f.span.end].to_string(),
                    f.matched,
                    f.suggestions[0].clone(),
                )
            })
            .collect()
    };
    let one = |rule: &str, span: &str, matched: &str, suggestion: &str| {
        vec![(rule.into(), span.into(), matched.into(), suggestion.into())]
    };
    // Two patterns of one rule.
    assert_eq!(
        found("He is clearly not committed to the process.\n"),
        one(
            "assumed-intent",
            "clearly not committed to the process",
            "not committed to the process",
            "He is not committed to the process."
        )
    );
    // Two patterns of one rule sharing one word; the comma stays out.
    assert_eq!(
        found("Mr Patel is very large and smells, not nice at the table.\n"),
        one(
            "appearance-judgement",
            "is very large and smells",
            "is very large and",
            "What did you see of Mr Patel that read as \"large and smells\" and \"not nice at the table\"? If it matters to the work, write that plainly; if not, leave it out."
        )
    );
    // Another rule's match ("run out of patience with her", a label) yields
    // to the moral verdict and its words go with it.
    assert_eq!(
        found("I have run out of patience with her excuses.\n"),
        one(
            "moralising",
            "run out of patience with her excuses",
            "patience with her excuses",
            // Round 8: no hole first.
            "What did you see or hear that read as \"run out of patience with her excuses\"? Write that instead."
        )
    );
}

/// Issue 20: text about judging is not judging, for every rule: a user's
/// own rule with no `unless` at all stays quiet in training material and
/// the writer's reflection, and still flags a judgement that merely holds
/// "we" or "I".
#[test]
fn text_about_judging_is_quiet_for_a_rule_without_unless() {
    use regard::document::{Document, Kind};
    let dir = std::env::temp_dir().join(format!("regard-about-judging-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("lazy.yaml"),
        r#"id: just-lazy
phrases: [lazy, difficult]
severity: warning
summary: Flags two words.
message: "`{match}` is flagged"
suggest: ["Say what happened."]
docs: {what: W, why: Y, curious: C}
examples: {flag: ["He is lazy."], pass: ["He is here."]}
"#,
    )
    .unwrap();
    let rules = RuleSet::load(false, std::slice::from_ref(&dir)).unwrap();
    let engine = Engine::new(&rules).unwrap();
    let found = |text: &str| -> Vec<String> {
        let doc = Document::new("note.txt".into(), format!("{text}\n"), Kind::Plain);
        engine.lint(&doc).into_iter().map(|f| f.matched).collect()
    };
    for quiet in [
        "Labels like lazy close down curiosity.",
        "I noticed I was getting frustrated and called him difficult in my head.",
        "Training slide 2: lazy is a conclusion, not an observation.",
        "It is easy to call a parent difficult when the plan never fitted their week.",
        "Lazy is a label that says more about the writer.",
    ] {
        assert_eq!(found(quiet), Vec::<String>::new(), "{quiet}");
    }
    for flagged in [
        "We all know he is lazy.",
        "I would call him difficult, frankly.",
        "We try not to judge, but he is lazy.",
        "Labels like that aside, he is lazy.",
    ] {
        assert_eq!(found(flagged).len(), 1, "{flagged}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The first two suggestions of `rule`'s finding in `text`.
fn rewording_of(engine: &Engine, rules: &RuleSet, rule: &str, text: &str) -> (String, String) {
    use regard::document::{Document, Kind};
    let doc = Document::new("n.txt".into(), text.to_string(), Kind::Plain);
    let f = engine
        .lint(&doc)
        .into_iter()
        .find(|f| rules.rules[f.rule].id == rule)
        .unwrap_or_else(|| panic!("{rule} does not flag {text:?}"));
    let mut s = f.suggestions.into_iter();
    (s.next().unwrap_or_default(), s.next().unwrap_or_default())
}

/// Issue 26, for six rules: the first suggestion is the sentence with only
/// the judgment changed and every fact kept, then a curious question from
/// the person's side. Before this, each of these got a fill-in form ("She …
/// (what happened, and when)") that dropped the facts (the call buzzer, the
/// homework) or kept the judgment.
#[test]
fn rewordings_keep_the_facts_and_drop_the_judgment() {
    let rules = RuleSet::load(true, &[]).unwrap();
    let engine = Engine::new(&rules).unwrap();
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "blame-question",
            // Round 17: the curious question first, the statement second.
            "Is it really beyond her to use the call bell before she gets out of bed?",
            "What makes it hard for her to use the call bell before she gets out of bed?",
            "She has not used the call bell before she gets out of bed.",
        ),
        (
            "blame-question",
            "What is it going to take for this lad to bring a single reading book home?",
            "This lad has not brought any reading book home.",
            "What makes it hard for this lad to bring any reading book home?",
        ),
        (
            "blame-question",
            "Why does he keep turning up late if he isn't bothered about the job?",
            // Round 14: the job is kept, asked about (`suggest::guard`).
            "He has turned up late: what has he said about the job?",
            "What was going on for him when he turned up late?",
        ),
        (
            "blame-question",
            "How many times do I have to remind her about the curfew?",
            "I have reminded her about the curfew (say when, and what she said).",
            "What would she say about the curfew?",
        ),
        (
            "blame-question",
            "Does Kai honestly expect me to believe he \"lost\" his bus pass again?",
            "Kai says he lost his bus pass again.",
            "What would Kai say happened?",
        ),
        (
            "blame-question",
            // Round 17: a blame question's curious question first, its
            // statement (which keeps every fact) second.
            "What was Dad thinking, driving the kids home after two pints?",
            "What was going on for Dad when he drove the kids home after two pints?",
            "Dad drove the kids home after two pints.",
        ),
    ];
    let mut wrong = Vec::new();
    for (rule, text, first, second) in cases {
        let got = rewording_of(&engine, &rules, rule, text);
        if got != (first.to_string(), second.to_string()) {
            wrong.push(format!(
                "{rule}: {text}\n  got:  {got:?}\n  want: {:?}",
                (first, second)
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The words a motive clause may take with it: the rest of the clause
/// after the flagged words (to a comma, semicolon or the sentence's end),
/// and "only", "just" or "purely" before them.
fn motive_clause(text: &str, span: std::ops::Range<usize>) -> Vec<String> {
    let sentence = sentence_around(text, span.clone());
    let after = &text[span.end..sentence.end];
    let end = after.find([',', ';']).unwrap_or(after.len());
    let mut out = words(&after[..end]);
    out.extend(
        words(&text[sentence.start..span.start])
            .into_iter()
            .filter(|w| matches!(w.as_str(), "only" | "just" | "purely" | "simply")),
    );
    out
}

/// assumed-intent: the motive read into what someone did goes, the
/// behaviour stays (issue 26). Before, each got "She … (what you saw or
/// heard that made you think so)", which dropped the behaviour and kept
/// the motive ("wets herself … when she's annoyed").
#[test]
fn a_motive_goes_and_the_behaviour_stays() {
    let rules = RuleSet::load(true, &[]).unwrap();
    let engine = Engine::new(&rules).unwrap();
    let cases: &[(&str, &str, &str)] = &[
        (
            "Jordan smashed the mug on purpose just to wind the night staff up.",
            "Jordan smashed the mug.",
            "What was going on for Jordan at the time?",
        ),
        (
            "He fakes chest pains whenever the rota changes.",
            // Not "He has chest pains": the writer doubts them (set f's
            // rater scored "Pt is having sedation" 1, a changed meaning).
            "He shows signs of chest pains whenever the rota changes (say what you saw).",
            "What is going on for him when he has chest pains?",
        ),
        (
            "He feigns remorse whenever his probation officer visits.",
            "He shows remorse whenever his probation officer visits.",
            "What is going on for him when he shows remorse?",
        ),
        (
            "Mr Adeyemi knows exactly what he is doing when he shouts at the carers.",
            "Mr Adeyemi shouts at the carers.",
            "What is going on for Mr Adeyemi when he shouts at the carers?",
        ),
    ];
    let mut wrong = Vec::new();
    for (text, first, second) in cases {
        let got = rewording_of(&engine, &rules, "assumed-intent", text);
        if got != (first.to_string(), second.to_string()) {
            wrong.push(format!(
                "{text}\n  got:  {got:?}\n  want: {:?}",
                (first, second)
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// moralising: the verdict goes, what happened stays (issue 26). Before,
/// each got "X … (what happened, and what she said about it)" in place of
/// the verdict, which kept half of it ("… of letting the house get into
/// that condition") or dropped the facts.
#[test]
fn a_moral_verdict_goes_and_what_happened_stays() {
    let rules = RuleSet::load(true, &[]).unwrap();
    let engine = Engine::new(&rules).unwrap();
    let cases: &[(&str, &str, &str)] = &[
        (
            "Her uncle should be ashamed of leaving her alone overnight.",
            "Her uncle has been leaving her alone overnight.",
            "What is going on for her uncle when he is leaving her alone overnight?",
        ),
        (
            "It's disgraceful that he was allowed to miss three weeks of school.",
            "He was allowed to miss three weeks of school.",
            "What was going on for him when he was allowed to miss three weeks of school?",
        ),
        (
            "A manager at his level should know better than to shout at an intern.",
            "A manager at his level shouted at an intern.",
            "What was going on for him when he shouted at an intern?",
        ),
        (
            "Any decent father would have come to his son's hearing.",
            "He did not come to his son's hearing.",
            "What was going on for him when he did not come to his son's hearing?",
        ),
    ];
    let mut wrong = Vec::new();
    for (text, first, second) in cases {
        let got = rewording_of(&engine, &rules, "moralising", text);
        if got != (first.to_string(), second.to_string()) {
            wrong.push(format!(
                "{text}\n  got:  {got:?}\n  want: {:?}",
                (first, second)
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// compliance-framing and credibility-doubt: a label with no plain verb
/// ("non-compliant with") and a doubt after the account ("yeah right")
/// are said plainly in place; before, they became "Resident … (what
/// happened, and why, if they said) with staff again."
#[test]
fn compliance_labels_and_doubts_are_said_plainly() {
    let rules = RuleSet::load(true, &[]).unwrap();
    let engine = Engine::new(&rules).unwrap();
    let cases: &[(&str, &str, &str)] = &[
        (
            "compliance-framing",
            "Tenant was non-compliant with the rent repayment plan in March.",
            "Tenant did not keep to the rent repayment plan in March.",
        ),
        (
            "compliance-framing",
            "Coachee was noncompliant with the reading homework again.",
            "Coachee did not do the reading homework again.",
        ),
        (
            "compliance-framing",
            "Mr Lowe was asked to bring his payslips and did not comply.",
            "Mr Lowe was asked to bring his payslips and did not do so.",
        ),
        (
            "credibility-doubt",
            "Says she posted the form on Friday, yeah right.",
            "Says she posted the form on Friday.",
        ),
        (
            "credibility-doubt",
            "Apparently his phone was stolen on the bus.",
            "His phone was stolen on the bus (say who told you).",
        ),
    ];
    let mut wrong = Vec::new();
    for (rule, text, first) in cases {
        let (got, _) = rewording_of(&engine, &rules, rule, text);
        if got != *first {
            wrong.push(format!(
                "{rule}: {text}\n  got:  {got:?}\n  want: {first:?}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// absolute-about-person: a prediction is not an occasion ("will never
/// change" became "has not changed"), what is left of the absolute goes
/// ("without fail"), and the question asks what helps on the days it
/// works, about this behaviour ("What helps him with a finger…" before).
#[test]
fn absolutes_become_occasions_and_a_question_about_the_good_days() {
    let rules = RuleSet::load(true, &[]).unwrap();
    let engine = Engine::new(&rules).unwrap();
    let cases: &[(&str, &str, &str)] = &[
        (
            "Mrs Osei never reads her post.",
            "Mrs Osei has not read her post (say when, and how often).",
            "What helps Mrs Osei read her post, on the days it works?",
        ),
        (
            // Round 8: no hole first; the occasions and the ask. Round 15:
            // "will never" may be a prediction; said as what happened it
            // became a fact (set s, rated 1), so it is asked about.
            "That girl will never listen.",
            "What did you see or hear that read as \"that girl will never listen\"? Write that instead.",
            "",
        ),
        (
            "He interrupts the group every single time, without fail.",
            "He has interrupted the group (say when, and how often).",
            "",
        ),
    ];
    let mut wrong = Vec::new();
    for (text, first, second) in cases {
        let got = rewording_of(&engine, &rules, "absolute-about-person", text);
        if got.0 != *first || (!second.is_empty() && got.1 != *second) {
            wrong.push(format!(
                "{text}\n  got:  {got:?}\n  want: {:?}",
                (first, second)
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The first spelling of a vocabulary entry: `pig{-,}headed` → `pig-headed`.
fn first_spelling(entry: &str) -> String {
    let mut out = String::new();
    let mut rest = entry;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = open + rest[open..].find('}').expect("endings close");
        let first = rest[open + 1..close].split(',').next().unwrap_or("");
        out.push_str(first);
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

/// Issue 20, round 6: every word of the lexicon classes is flagged where a
/// note pins it to a person, and a word said of things too stays quiet
/// where it describes one. A word that misfires in a frame (another sense,
/// or an idiom that an `unless` entry swallows) fails here by name.
#[test]
fn lexicon_words_are_flagged_on_a_person_and_not_on_a_thing() {
    use regard::document::{Document, Kind};
    let rules = RuleSet::load(true, &[]).unwrap();
    let engine = Engine::new(&rules).unwrap();
    let labelled = |text: &str| -> bool {
        let doc = Document::new("note.txt".into(), format!("{text}\n"), Kind::Plain);
        engine
            .lint(&doc)
            .iter()
            .any(|f| rules.rules[f.rule].id == "deficit-label")
    };
    let mut errors = Vec::new();
    let vocabulary = load_vocabulary(&[builtin_vocabulary()], &mut errors);
    assert!(errors.is_empty(), "the vocabulary loads");
    let words = |class: &str| -> Vec<String> {
        let entries = vocabulary.entries(class).expect("the class exists");
        entries.iter().map(|(e, _)| first_spelling(e)).collect()
    };
    let character = words("character-trait");
    let conduct = words("conduct-trait");
    assert!(character.len() > 80 && conduct.len() > 20);
    let mut wrong = Vec::new();
    for word in character.iter().chain(&conduct) {
        let a = if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
            "an"
        } else {
            "a"
        };
        for flagged in [
            format!("She is very {word} with the carers."),
            format!("Mr Hale can be {word}."),
            format!(
                "{} {word} old man, won't let anyone help.",
                a.replacen('a', "A", 1)
            ),
            format!("Client is {a} {word} young woman."),
        ] {
            if !labelled(&flagged) {
                wrong.push(format!("not flagged: {flagged}"));
            }
        }
    }
    for word in &character {
        let flagged = format!("Doris is {word}.");
        if !labelled(&flagged) {
            wrong.push(format!("not flagged: {flagged}"));
        }
    }
    for word in &conduct {
        for quiet in [
            format!("The bus service is {word} this month."),
            format!("Heating was {word}, so we met at the library."),
            format!("She said her boss is {word}."),
            format!("I was {word} in the session and took it to supervision."),
        ] {
            if labelled(&quiet) {
                wrong.push(format!("flagged: {quiet}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// A relative's or the client's account is information, not the writer's
/// verdict (issue 20, round 6): every flag example of the six person-verdict
/// rules that opens with a pronoun and is one clause, reported as "Mum told
/// me she …", gets no finding of that rule. Before `<reported-lead>`, a
/// pattern that starts at the person with a gap ("He has not once asked…")
/// matched inside the report.
#[test]
fn reported_accounts_are_not_the_writers_verdict() {
    use regard::document::{Document, Kind};
    let rules = RuleSet::load(true, &[]).unwrap();
    let engine = Engine::new(&rules).unwrap();
    let six = [
        "absolute-about-person",
        "developmental-verdict",
        "minimising",
        "moralising",
        "appearance-judgement",
        "identity-label",
    ];
    let mut checked = 0;
    let mut wrong = Vec::new();
    for (i, rule) in rules.rules.iter().enumerate() {
        if !six.contains(&rule.id.as_str()) {
            continue;
        }
        for example in &rule.flag_examples {
            let text = &example.text;
            let Some((first, rest)) = text.split_once(' ') else {
                continue;
            };
            let one_clause = !text.contains([',', ';']) && !text.contains(" but ");
            if !["She", "He", "They"].contains(&first) || !one_clause {
                continue;
            }
            let reported = format!("Mum told me {} {rest}", first.to_lowercase());
            let doc = Document::new("note.txt".into(), reported.clone(), Kind::Plain);
            checked += 1;
            if engine.find(&doc).iter().any(|f| f.rule == i) {
                wrong.push(format!("{}: {reported}", rule.id));
            }
        }
    }
    assert!(checked >= 40, "only {checked} examples reported");
    assert!(wrong.is_empty(), "flagged:\n{}", wrong.join("\n"));
}

/// Issue 20: a folder's `vocabulary.yaml` reaches the engine's check for
/// labels of things (`thing-label`, `thing-noun`), adding to the built-in
/// lists: a team whose notes talk about cladding says so once, and its own
/// rules and the built-in ones stay quiet about "non-compliant cladding",
/// while a label of a person stays a finding.
#[test]
fn a_folder_vocabulary_adds_things_that_labels_describe() {
    use regard::document::{Document, Kind};
    let found = |rules: &RuleSet, text: &str| -> Vec<String> {
        let engine = Engine::new(rules).unwrap();
        let doc = Document::new("note.txt".into(), text.to_string(), Kind::Plain);
        engine
            .find(&doc)
            .iter()
            .map(|f| engine.rules()[f.rule].id.clone())
            .collect()
    };
    let cladding = "The cladding is non-compliant and the works start in May.";
    let fire_door = "Fire door non-compliant, reported to the landlord.";
    let person = "Mum is non-compliant with the plan.";
    let builtin = RuleSet::load(true, &[]).unwrap();
    assert_eq!(found(&builtin, cladding), ["compliance-framing"]);
    let dir = crate::common::Dir::new("folder-thing-noun");
    dir.write("vocabulary.yaml", "thing-noun:\n  - cladding\n");
    let folder = RuleSet::load(true, std::slice::from_ref(&dir.0)).unwrap();
    assert_eq!(found(&folder, cladding), Vec::<String>::new());
    // Added to, not replaced: the built-in things are still things.
    assert_eq!(found(&folder, fire_door), Vec::<String>::new());
    assert_eq!(found(&folder, person), ["compliance-framing"]);
}

/// Round 9: `unless` looks at the words next to a match within one entry
/// of the note. A line that ends a sentence ends the entry: "He says he has
/// been sober since October." on the line after a blaming question is the
/// next entry, not the person's answer to it (blame-question's "a question
/// the person then answered" entry had suppressed the question), while an
/// answer written after the question on its own line still is one.
#[test]
fn unless_stops_at_a_line_that_ends_a_sentence() {
    use regard::document::{Document, Kind};
    let rules = RuleSet::load(true, &[]).unwrap();
    let engine = Engine::new(&rules).unwrap();
    let found = |text: &str, kind: Kind| -> Vec<(String, String)> {
        let doc = Document::new("note".into(), text.to_string(), kind);
        engine
            .find(&doc)
            .iter()
            .map(|f| {
                let id = engine.rules()[f.rule].id.clone();
                (id, text[f.span.start..f.span.end].to_string())
            })
            .collect()
    };
    let question = "How many more times does he need to be reminded to bring his diary?";
    let two_lines = format!("{question}\nHe says he has been sober since October.\n");
    for kind in [Kind::Markdown, Kind::Plain] {
        assert_eq!(
            found(&two_lines, kind),
            [("blame-question".to_string(), question.to_string())],
            "{kind:?}"
        );
        let answered = "Is it really that hard to walk to the shop with her new hip? She says it is, some days.\n";
        assert_eq!(found(answered, kind), Vec::new(), "{kind:?}");
        // A line wrapped inside a sentence is still one entry.
        let wrapped = "I wondered\nwhy she keeps cancelling on Mondays.\n";
        assert_eq!(found(wrapped, kind), Vec::new(), "{kind:?}");
    }
}
