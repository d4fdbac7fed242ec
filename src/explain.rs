//! `regard rules` and `regard rule ID`: the rules, explained for practitioners.

use std::fmt::Write;

use crate::rule::{Rule, RuleSet};

pub fn list(rules: &RuleSet) -> String {
    let width = rules.rules.iter().map(|r| r.id.len()).max().unwrap_or(0);
    let mut out = String::new();
    for rule in &rules.rules {
        let origin = if rule.source.builtin {
            ""
        } else {
            "  (from your rules)"
        };
        let _ = writeln!(
            out,
            "{:width$}  {:7}  {}{origin}",
            rule.id,
            rule.severity.as_str(),
            rule.summary
        );
    }
    out
}

pub fn explain(rule: &Rule) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} ({})\n{}\n",
        rule.id,
        rule.severity.as_str(),
        rule.summary
    );
    for (heading, text) in sections(rule) {
        let _ = writeln!(out, "{heading}\n{}\n", indent(text));
    }
    if let Some(fix) = &rule.docs.fix {
        let _ = writeln!(out, "Fix\n{}\n", indent(fix));
    }
    if let Some(rewording) = &rule.docs.rewording {
        let _ = writeln!(out, "Rewording\n{}\n", indent(rewording));
    }
    examples(
        &mut out,
        rule,
        "Flagged, for example\n",
        "\nNot flagged, for example\n",
        "  - ",
    );
    let _ = writeln!(out, "\nDefined in {}", rule.source.name);
    out
}

/// A rule's three docs paragraphs with their headings.
fn sections(rule: &Rule) -> [(&'static str, &str); 3] {
    [
        ("What it flags", &rule.docs.what),
        ("Why it matters", &rule.docs.why),
        ("The curious alternative", &rule.docs.curious),
    ]
}

/// The flag and pass examples, each list under its heading.
fn examples(out: &mut String, rule: &Rule, flagged: &str, passed: &str, bullet: &str) {
    out.push_str(flagged);
    for e in &rule.flag_examples {
        let _ = writeln!(out, "{bullet}{}", e.text.trim());
    }
    out.push_str(passed);
    for e in &rule.pass_examples {
        let _ = writeln!(out, "{bullet}{}", e.text.trim());
    }
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|l| {
            if l.is_empty() {
                String::new()
            } else {
                format!("  {l}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every expanded phrase of every rule, one per line, sorted and unique.
pub fn phrases(rules: &RuleSet) -> String {
    let mut all: Vec<&str> = rules
        .rules
        .iter()
        .flat_map(|r| r.phrases.iter().map(String::as_str))
        .collect();
    all.sort_unstable();
    all.dedup();
    all.iter().map(|p| format!("{p}\n")).collect()
}

/// How suggestions and fixes are written: the part of `docs/rules.md`
/// before the rules.
const SUGGESTIONS: &str = r#"## Suggestions and fixes

Each finding offers at most two suggestions, one line each: first a rewording of the flagged sentence (the judgment out, the person, activity, object and time kept), then a curious question about the same thing from the person's side. Where the sentence holds only a label, the rewording keeps the person and asks the writer for what they saw (`Client … (say what you saw them do or heard them say)`) rather than inventing it. Where the sentence records risk (self-harm, a suicidal statement, safeguarding, a safety plan), the suggestion keeps it word for word, changes only the judgmental words, and the message says the risk must stay in the note. A rule's general advice and examples are in its docs (`regard rule ID`), not in every finding.

`message`, `suggest` and `fix.with` are templates. Beside `{match}` and a pattern's named captures they may use what regard reads in the flagged sentence:

| hole | value |
|---|---|
| `{sentence}`, `{before}`, `{after}` | the sentence, and its words before and after the match |
| `{subject}` | the clause's subject as written ("Mr Okoye", "The client"), else the person |
| `{person}`, `{name}` | the person as the note names them ("the client", "Mum", "Leila"), else their pronoun: `{person}` after a verb ("her"), `{name}` as a subject ("she") |
| `{they}`, `{them}`, `{their}` | their pronoun as the sentence or the text before it gives it; their name, or "they", when nothing does (never a guessed gender) |
| `{topic}` | what the clause is about after the match ("the budgeting sheet") |
| `{when}` | the time or occasion after the match ("on Tuesday", "when asked about the arrears"), or nothing |
| `{fix}`, `{reworded}` | the rule's fix for the match, and the sentence with it in place |
| `{occasions}` | an "always"/"never" sentence as what happened ("is always late" → "has arrived late (say when, and how often)") |
| `{statement}` | a "why does she keep…" question as what happened ("Leila has cancelled on Mondays.") |

Filters: `{who:object}` (she → her), `{subject:cap}` (capital first letter), `{x:lower}`, `{match:plain}` (a plain verb in the same tense: claims → says, failed to → did not, refused to → declined to, was told to → was asked to; "allegedly" → nothing), `{match:unquote}` (scare quotes off), `{match:without(so-called)}`. Alternatives are separated by ` || `: the first whose holes all have a value is used, so `"{reworded} || {subject:cap} … (say plainly what happened)"` falls back when there is no fix. A/an agree and the first letter is a capital. A hole that does not exist, a filter that does not exist, or `{reworded}` in a rule without `fix:` is an error in the rule file, with the place underlined.

A first suggestion drops a last part of the sentence that holds nothing but the flagged words and the writer's fillers ("Left the kids alone all weekend - no excuse for it" → "Left the kids alone all weekend."). A rule whose words there still hold a fact ("Missed the appointment, despite reminders") says `last-part-holds-facts: true` and keeps it.

`fix:` gives the replacement for the matched words that `regard check --fix` (safe fixes), `--unsafe-fixes` (all) and the editor's quick fix apply, and JSON and SARIF carry:

```yaml
fix:
  applicability: unsafe        # safe: keeps the meaning; unsafe: the writer checks it
  replace:                     # phrase (as `phrases` expands it) → replacement
    addict: person who uses drugs
  with: '{match:plain}'        # a template for the other matches; no fix where it has no value
```

A fix replaces exactly the flagged words; a deletion takes a space beside it and hands its capital to the next word, and is not offered where the sentence would lose its subject. Each rule's docs say whether it has a fix and why or why not.
"#;

/// The rule reference, `docs/rules.md`, generated from the rules themselves.
pub fn reference(rules: &RuleSet) -> String {
    let mut out = String::from(
        "# Rule reference\n\n<!-- Generated by `regard rules --markdown`; a test fails when it is out of date. -->\n\n",
    );
    out.push_str(SUGGESTIONS);
    let _ = writeln!(
        out,
        "\n## The rules\n\n| rule | severity | summary |\n|---|---|---|"
    );
    for rule in &rules.rules {
        let _ = writeln!(
            out,
            "| [`{0}`](#{0}) | {1} | {2} |",
            rule.id,
            rule.severity.as_str(),
            rule.summary
        );
    }
    for rule in &rules.rules {
        let _ = writeln!(
            out,
            "\n## {}\n\n{} Severity: {}.\n",
            rule.id,
            rule.summary,
            rule.severity.as_str()
        );
        for (heading, text) in sections(rule) {
            let _ = writeln!(
                out,
                "**{heading}.** {}\n",
                text.split_whitespace().collect::<Vec<_>>().join(" ")
            );
        }
        if let Some(fix) = &rule.docs.fix {
            let _ = writeln!(out, "**Fix.** {fix}\n");
        }
        if let Some(rewording) = &rule.docs.rewording {
            let _ = writeln!(out, "**Rewording.** {rewording}\n");
        }
        examples(&mut out, rule, "Flagged:\n\n", "\nNot flagged:\n\n", "- ");
    }
    // How to write rules: the word-pattern language (`rule/words.rs`).
    out.push('\n');
    out.push_str(include_str!("rule/words.md"));
    out
}
