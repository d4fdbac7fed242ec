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
    for (heading, text) in [
        ("What it flags", &rule.docs.what),
        ("Why it matters", &rule.docs.why),
        ("The curious alternative", &rule.docs.curious),
    ] {
        let _ = writeln!(out, "{heading}\n{}\n", indent(text));
    }
    let _ = writeln!(out, "Flagged, for example");
    for e in &rule.flag_examples {
        let _ = writeln!(out, "  - {}", e.text.trim());
    }
    let _ = writeln!(out, "\nNot flagged, for example");
    for e in &rule.pass_examples {
        let _ = writeln!(out, "  - {}", e.text.trim());
    }
    let _ = writeln!(out, "\nDefined in {}", rule.source.name);
    out
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
