//! The integration tests, one binary with a module per area (as ripgrep's
//! `tests/tests.rs`): each test binary links the crate and every dependency,
//! so one link instead of fifteen. Shared scaffolding is in `common`.
//!
//! Run one area with `cargo test --test integration AREA::`, e.g.
//! `cargo test --test integration rules::`. A new area is a new
//! `tests/<area>.rs` and a line below; `every_test_file_is_a_module`
//! fails if the line is missing (Cargo.toml sets `autotests = false`, so
//! cargo would not build the file at all).

mod common;

mod accuracy;
mod bad_input;
mod cli;
mod corpus;
mod formats;
mod generated;
mod guards;
mod json;
mod office;
mod packaging;
mod programs;
mod properties;
mod reference;
mod regressions;
mod render;
mod rewording;
mod rewording10;
mod rewording11;
mod rewording12;
mod rewording13;
mod rewording14;
mod rewording15;
mod rewording16;
mod rewording17;
mod rewording18;
mod rewording6;
mod rewording7;
mod rewording8;
mod rewording9;
mod rules;
mod server;
mod stretches;
mod workflow;

#[test]
fn every_test_file_is_a_module() {
    let this = include_str!("tests.rs");
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        let is_rust = path.extension().is_some_and(|e| e == "rs");
        if is_rust && stem != "tests" && !this.contains(&format!("\nmod {stem};\n")) {
            missing.push(stem.to_string());
        }
    }
    assert!(
        missing.is_empty(),
        "tests/{{{}}}.rs: not a module of tests/tests.rs, so never built or run",
        missing.join(",")
    );
}

/// insta names a snapshot after the test's module path, which starts with
/// this binary's name; a snapshot made when an area was a binary of its own
/// (`<area>__<test>.snap`, on an older branch) would be passed over, and
/// the test would then fail for a missing snapshot.
#[test]
fn snapshots_are_named_for_this_binary() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let mut misnamed = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if !name.starts_with("integration__") {
            misnamed.push(name);
        }
    }
    assert!(
        misnamed.is_empty(),
        "tests/snapshots/{{{}}}: rename each to integration__<its name> (git mv)",
        misnamed.join(",")
    );
}
