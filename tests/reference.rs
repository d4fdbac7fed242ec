//! `docs/rules.md` is generated from the rules; this fails when it is stale.
//! Refresh it with `cargo run -- rules --markdown > docs/rules.md`.

#[test]
fn rule_reference_is_up_to_date() {
    let rules = regard::rule::RuleSet::load(true, &[]).unwrap();
    let expected = regard::explain::reference(&rules);
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules.md");
    let actual = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        actual == expected,
        "docs/rules.md is out of date: run `cargo run -- rules --markdown > docs/rules.md`"
    );
}
