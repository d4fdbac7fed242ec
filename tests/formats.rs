//! Every machine-readable format, rendered from one shared set of findings,
//! and the SARIF checked by Microsoft's SARIF validator.
//!
//! The findings are built by hand (positions computed from an invented note)
//! so these snapshots change only when a format changes, not when the rule
//! pack's wording does. They cover a non-ASCII path with a space, a path with
//! a comma, a message with a comma, colon and percent sign, a finding that
//! crosses a line break, one without suggestions, and each severity.

use std::path::{Path, PathBuf};
use std::process::Command;

use regard::document::LineIndex;
use regard::report::{concise, github, json, sarif, Located};
use regard::rule::{RuleSet, Severity};

const SESSION_PATH: &str = "notes/Zoë – séance.md";
const SESSION: &str = "# Séance 3 — Zoë 😀\n\
    Zoë was resistant to the plan; she never calls back.\n";
const INTAKE_PATH: &str = "notes/intake, May.txt";
const INTAKE: &str = "Intake, 12 May.\nHer brother is\nbipolar, per Mum.\n";

struct Spec<'a> {
    path: &'a str,
    text: &'a str,
    /// The finding's text in the note; its first occurrence is the span.
    at: &'a str,
    rule: &'a str,
    level: Severity,
    message: &'a str,
    suggestions: &'a [&'a str],
    fingerprint: &'a str,
}

fn located(spec: Spec) -> Located {
    let start = spec.text.find(spec.at).expect("the text is in the note");
    let index = LineIndex::new(spec.text);
    Located {
        path: spec.path.to_string(),
        rule: spec.rule.to_string(),
        level: spec.level,
        message: spec.message.to_string(),
        start: index.position(start),
        end: index.position(start + spec.at.len()),
        page: None,
        matched: spec.at.split_whitespace().collect::<Vec<_>>().join(" "),
        suggestions: spec.suggestions.iter().map(|s| s.to_string()).collect(),
        fingerprint: spec.fingerprint.to_string(),
        fix: None,
    }
}

/// The shared findings, sorted by path then position as `check` sorts them.
fn findings() -> Vec<Located> {
    vec![
        located(Spec {
            path: SESSION_PATH,
            text: SESSION,
            at: "resistant",
            rule: "deficit-label",
            level: Severity::Warning,
            message: "`resistant` labels the client, not what happened",
            suggestions: &[
                "Describe what you saw: \"She said the plan did not fit her week.\"",
                "Write the question you would ask next time.",
            ],
            fingerprint: "5d41402abc4b2a76b9719d911017c592",
        }),
        located(Spec {
            path: SESSION_PATH,
            text: SESSION,
            at: "never",
            rule: "sweeping-word",
            level: Severity::Info,
            message: "`never`: true 100% of the time, or once?",
            suggestions: &["Say how often: \"twice this month\"."],
            fingerprint: "7d793037a0760186574b0282f2f435e7",
        }),
        located(Spec {
            path: INTAKE_PATH,
            text: INTAKE,
            at: "is\nbipolar",
            rule: "diagnosis-claim",
            level: Severity::Error,
            message: "`is bipolar` reads as a diagnosis",
            suggestions: &[],
            fingerprint: "e4d909c290d0fb1ca068ffaddf22cbd0",
        }),
    ]
}

fn rules() -> RuleSet {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/formats/rules");
    RuleSet::load(false, &[dir]).expect("the test rules load")
}

#[test]
fn concise_format() {
    insta::assert_snapshot!(concise::render(&findings()));
}

#[test]
fn github_format() {
    insta::assert_snapshot!(github::render(&findings()));
}

#[test]
fn json_format() {
    insta::assert_snapshot!(json::render(&findings(), 2));
}

#[test]
fn sarif_format() {
    insta::assert_snapshot!(sarif::render(&findings(), &rules().rules));
}

#[test]
fn empty_formats_print_nothing() {
    assert_eq!(concise::render(&[]), "");
    assert_eq!(github::render(&[]), "");
}

/// The parts GitHub code scanning reads, checked by value.
#[test]
fn sarif_results_point_at_their_rules_and_places() {
    let rules = rules();
    let findings = findings();
    let log: serde_json::Value =
        serde_json::from_str(&sarif::render(&findings, &rules.rules)).unwrap();
    let run = &log["runs"][0];
    let descriptors = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(descriptors.len(), rules.rules.len());
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), findings.len());
    for (result, f) in results.iter().zip(&findings) {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(descriptors[index]["id"], f.rule);
        assert_eq!(result["ruleId"], f.rule);
        let location = &result["locations"][0]["physicalLocation"];
        let region = &location["region"];
        assert_eq!(region["startLine"], f.start.line);
        assert_eq!(region["startColumn"], f.start.column);
        assert_eq!(region["endLine"], f.end.line);
        assert_eq!(region["endColumn"], f.end.column);
        assert_eq!(region["byteOffset"], f.start.offset);
        assert_eq!(region["byteLength"], f.end.offset - f.start.offset);
        assert_eq!(
            result["partialFingerprints"]["regardFingerprint/v1"],
            f.fingerprint
        );
    }
}

/// Notes the validator may give on our SARIF, each a deliberate choice.
/// Anything else it says (any error or warning, and any other note) fails.
const ACCEPTED_NOTES: &[(&str, &str, &str)] = &[
    // Messages are written per finding (they quote the matched words), not
    // as rule templates with arguments.
    (
        "SARIF2002",
        "Note_Default",
        "message text instead of arguments",
    ),
    // A pure renderer does not know the repository or commit.
    ("SARIF2003", "Note_Default", "no versionControlProvenance"),
    // Reachability of $schema and informationUri depends on the network.
    ("SARIF2006", "Note_Default", "URI not reachable"),
    // Rule ids are kebab-case words by design (`allow deficit-label`).
    (
        "SARIF2009",
        "Note_UseConventionalRuleIds",
        "rule ids like CS2001",
    ),
    // No note text in SARIF: no snippets, context or embedded files.
    ("SARIF2010", "Note_Default", "no snippet"),
    ("SARIF2011", "Note_Default", "no context region"),
    ("SARIF2013", "Note_Default", "no embedded file content"),
    // Rules have no web page of their own yet; `help` carries the docs.
    ("SARIF2012", "Note_ProvideHelpUri", "no helpUri"),
    // A one-word id (`catastrophising`) has no name that differs from it but
    // for case, and SARIF1001 warns when name and id are the same.
    ("SARIF2012", "Note_ProvideFriendlyName", "no name"),
];

/// Microsoft's validator, installed by `scripts/install-test-tools`. The
/// platform binary is run directly: the npm wrapper (`.bin/sarif-multitool`)
/// passes its arguments through a shell, where `Sarif;Ghas` would split.
fn validator() -> PathBuf {
    let (package, exe) = match std::env::consts::OS {
        "macos" => ("sarif-multitool-darwin", "Sarif.Multitool"),
        "windows" => ("sarif-multitool-win32", "Sarif.Multitool.exe"),
        _ => ("sarif-multitool-linux", "Sarif.Multitool"),
    };
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(".tools/node_modules/@microsoft")
        .join(package)
        .join(exe);
    assert!(
        path.is_file(),
        "the SARIF validator is not installed ({}): run scripts/install-test-tools",
        path.display()
    );
    path
}

/// One validator finding: (rule id, level, message id, text).
type Problem = (String, String, String, String);

/// Validates `sarif` with the SARIF rules and GitHub code scanning's
/// (`Ghas`) rules, at every level, and returns what the validator found.
fn validate(name: &str, sarif: &str) -> Vec<Problem> {
    let validator = validator();
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("formats");
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join(format!("{name}.sarif"));
    let output = dir.join(format!("{name}.validation.sarif"));
    std::fs::write(&input, sarif).unwrap();
    // The validator will not overwrite its log without being told; start afresh.
    let _ = std::fs::remove_file(&output);
    let out = Command::new(&validator)
        .arg("validate")
        .args(["--rule-kind", "Sarif;Ghas"])
        .args(["--level", "Error;Warning;Note"])
        .arg("--output")
        .arg(&output)
        .arg(&input)
        .output()
        .expect("the SARIF validator runs");
    let console = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "the validator failed:\n{console}");
    let log: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(&output)
            .unwrap_or_else(|e| panic!("no validator log ({e}):\n{console}")),
    )
    .unwrap();
    let run = &log["runs"][0];
    let invocation = &run["invocations"][0];
    assert_eq!(
        invocation["executionSuccessful"], true,
        "the validator did not finish:\n{console}"
    );
    for key in [
        "toolExecutionNotifications",
        "toolConfigurationNotifications",
    ] {
        assert!(
            invocation[key].as_array().is_none_or(|n| n.is_empty()),
            "the validator reported {key}:\n{console}"
        );
    }
    run["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let text = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_string();
            (
                text(&r["ruleId"]),
                // SARIF's default level is "warning", and the validator leaves it out.
                r["level"].as_str().unwrap_or("warning").to_string(),
                text(&r["message"]["id"]),
                r["message"]["arguments"].to_string(),
            )
        })
        .collect()
}

/// Fails on anything the validator says beyond [`ACCEPTED_NOTES`].
fn assert_valid(name: &str, sarif: &str) {
    let problems: Vec<Problem> = validate(name, sarif)
        .into_iter()
        .filter(|(rule, level, id, _)| {
            !(level == "note" && ACCEPTED_NOTES.iter().any(|(r, i, _)| r == rule && i == id))
        })
        .collect();
    assert!(
        problems.is_empty(),
        "the SARIF validator found problems in {name}:\n{problems:#?}"
    );
}

#[test]
fn sarif_passes_the_validator() {
    assert_valid("findings", &sarif::render(&findings(), &rules().rules));
}

/// The built-in pack's docs become `tool.driver.rules`; a rule added to
/// `rules/` must still make a valid log.
#[test]
fn sarif_of_the_built_in_rules_passes_the_validator() {
    let builtin = RuleSet::load(true, &[]).unwrap();
    assert_valid("builtin", &sarif::render(&[], &builtin.rules));
}

/// The validator is only worth running if it notices a broken file. (A
/// schema error stops its other rules, hence two files.)
#[test]
fn sarif_validator_catches_a_broken_file() {
    let sarif = || -> serde_json::Value {
        serde_json::from_str(&sarif::render(&findings(), &rules().rules)).unwrap()
    };
    let found = |problems: &[Problem], rule: &str, level: &str| {
        problems.iter().any(|(r, l, _, _)| r == rule && l == level)
    };

    let mut log = sarif();
    log.as_object_mut().unwrap().remove("version");
    let problems = validate("no-version", &log.to_string());
    assert!(found(&problems, "JSON1002", "error"), "{problems:#?}");

    let mut log = sarif();
    let driver = &mut log["runs"][0]["tool"]["driver"];
    driver.as_object_mut().unwrap().remove("informationUri");
    driver["rules"][0].as_object_mut().unwrap().remove("help");
    let problems = validate("no-docs", &log.to_string());
    // SARIF's tool properties.
    assert!(found(&problems, "SARIF2005", "warning"), "{problems:#?}");
    // GitHub code scanning wants `help` on every rule.
    assert!(found(&problems, "GH2012", "error"), "{problems:#?}");
}
