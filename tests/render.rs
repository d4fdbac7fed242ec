//! Snapshots of rendered diagnostics: findings as practitioners see them,
//! and every kind of rule-file error as rule authors see it. Rendered
//! without colour at width 80, as in a CI log.

use std::path::PathBuf;

use miette::{GraphicalReportHandler, GraphicalTheme};
use regard::document::{Document, Kind};
use regard::engine::Engine;
use regard::report::human::Human;
use regard::rule::RuleSet;

fn render_findings(path: &str, text: &str, kind: Kind) -> String {
    let rules = RuleSet::load(true, &[]).unwrap();
    let engine = Engine::new(&rules).unwrap();
    let doc = Document::new(path.to_string(), text.to_string(), kind);
    let findings = engine.find(&doc);
    let located = regard::report::locate(&doc, findings, &rules.rules);
    Human::new(false, Some(80), false).render(&doc, &located, &rules.rules)
}

#[test]
fn finding_in_markdown_across_a_line_wrap() {
    let text = std::fs::read_to_string("fixtures/render/session.md").unwrap();
    insta::assert_snapshot!(render_findings(
        "fixtures/render/session.md",
        &text,
        Kind::Markdown
    ));
}

#[test]
fn finding_on_a_crlf_line_with_non_ascii_text() {
    let text = "\u{feff}Séance 2 — Zoë 😀\r\n\tShe was resistant to “feedback”.\r\nNext line\r\n";
    let rendered = render_findings("notes/zoë.txt", text, Kind::Plain);
    insta::assert_snapshot!(rendered);
}

fn render_rule_errors(dir: &str) -> String {
    let err = RuleSet::load(true, &[PathBuf::from(dir)]).expect_err("the rule folder is broken");
    let mut out = String::new();
    GraphicalReportHandler::new_themed(GraphicalTheme::unicode_nocolor())
        .with_width(80)
        .render_report(&mut out, &err)
        .unwrap();
    out
}

macro_rules! rule_error_snapshot {
    ($($name:ident => $dir:literal,)*) => {$(
        #[test]
        fn $name() {
            insta::assert_snapshot!(render_rule_errors(concat!("tests/rule-errors/", $dir)));
        }
    )*};
}

rule_error_snapshot! {
    rule_error_yaml_syntax => "yaml-syntax",
    rule_error_missing_key => "missing-key",
    rule_error_unknown_key => "unknown-key",
    rule_error_duplicate_id => "duplicate-id",
    rule_error_bad_pattern => "bad-pattern",
    rule_error_unknown_capture => "unknown-capture",
    rule_error_bad_phrase => "bad-phrase",
    rule_error_bad_template => "bad-template",
    rule_error_bad_unless => "bad-unless",
    rule_error_unknown_class => "unknown-class",
}

#[test]
fn every_rule_error_case_has_a_snapshot() {
    let mut dirs: Vec<String> = std::fs::read_dir("tests/rule-errors")
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    dirs.sort();
    assert_eq!(
        dirs,
        [
            "bad-pattern",
            "bad-phrase",
            "bad-template",
            "bad-unless",
            "duplicate-id",
            "missing-key",
            "unknown-capture",
            "unknown-class",
            "unknown-key",
            "yaml-syntax"
        ]
    );
}
