//! Embeds the built-in rule pack and generates one test per rule file.
//!
//! Every `rules/*.yaml` file becomes a `(name, contents, hash)` entry in
//! `$OUT_DIR/builtin_rules.rs`, and `vocabulary.yaml` (the word classes the
//! rules share) becomes `$OUT_DIR/builtin_vocabulary.rs`; `src/rule/load.rs`
//! includes both, so the binary needs no files at run time. The same list becomes one `#[test]` per
//! rule in `$OUT_DIR/rule_example_tests.rs`, included by `tests/rules.rs`:
//! adding a rule file adds its test without touching any Rust code.

use std::{env, fs, path::Path};

/// The word classes the rules share (see `src/rule/words.rs`), beside
/// `rules/` rather than in it: `rules/` holds rules only.
const VOCABULARY: &str = "vocabulary.yaml";

fn main() {
    println!("cargo:rerun-if-changed=rules");
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let mut names: Vec<String> = fs::read_dir("rules")
        .expect("the rules/ folder exists")
        .filter_map(|entry| {
            let path = entry.expect("rules/ is readable").path();
            let is_yaml = matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("yaml" | "yml")
            );
            is_yaml.then(|| path.file_name().unwrap().to_string_lossy().into_owned())
        })
        .collect();
    names.sort();

    let manifest = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let mut embedded = String::from("&[\n");
    let mut tests = String::new();
    for name in &names {
        println!("cargo:rerun-if-changed=rules/{name}");
        let full = Path::new(&manifest).join("rules").join(name);
        let text = fs::read_to_string(&full).expect("a rule file is readable");
        embedded.push_str(&format!(
            "    ({name:?}, include_str!({:?}), {:#018x}),\n",
            full.display().to_string(),
            fnv(&text)
        ));
        let stem = name
            .rsplit_once('.')
            .map_or(name.as_str(), |(stem, _)| stem);
        let test_name: String = stem
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
            .collect();
        tests.push_str(&format!(
            "#[test]\nfn examples_of_{test_name}() {{\n    check_rule_examples({name:?});\n}}\n\n"
        ));
    }
    embedded.push_str("]\n");
    fs::write(Path::new(&out).join("builtin_rules.rs"), embedded).unwrap();
    fs::write(Path::new(&out).join("rule_example_tests.rs"), tests).unwrap();
    println!("cargo:rerun-if-changed={VOCABULARY}");
    let vocabulary = Path::new(&manifest).join(VOCABULARY);
    let vocabulary_text = fs::read_to_string(&vocabulary).expect("vocabulary.yaml is readable");
    fs::write(
        Path::new(&out).join("builtin_vocabulary.rs"),
        format!(
            "(include_str!({:?}), {:#018x})\n",
            vocabulary.display().to_string(),
            fnv(&vocabulary_text)
        ),
    )
    .unwrap();
}

/// FNV-1a of a file's text, as `rule::pattern::text_hash` computes it: the
/// generated tables (`src/rule/builtin_rules.rs`) name the text they were
/// made from, and a run compares hashes made here rather than hashing
/// 400 KB of YAML at every start.
fn fnv(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}
