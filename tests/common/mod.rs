//! Scaffolding shared by the test modules: running the `regard` binary,
//! scratch folders with invented notes, and the test rule sets and data
//! files more than one area reads. A helper two modules need lives here,
//! not in both.

#![allow(dead_code)] // each test module uses a different part

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use regard::document::{Document, Kind};
use regard::engine::Engine;
use regard::rule::RuleSet;

/// The repository's root, where `cargo test` runs the tests.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `regard ARGS` in the repository's root.
pub fn regard(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_regard"))
        .args(args)
        .output()
        .unwrap()
}

/// Runs `regard ARGS` in `dir`.
pub fn regard_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_regard"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

/// Runs `regard ARGS` in the repository's root with `input` on its
/// standard input.
pub fn regard_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_regard"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The built-in-free rules of the workflow tests (`tests/workflow/rules`):
/// `doubt-verb` has a safe fix.
pub fn workflow_rules() -> String {
    root().join("tests/workflow/rules").display().to_string()
}

/// The built-in pack plus `tests/properties/rules/` (a safe and an unsafe
/// fix), loaded once.
pub fn property_rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| {
        let dir = root().join("tests/properties/rules");
        RuleSet::load(true, &[dir]).expect("the rules load")
    })
}

/// The built-in pack, loaded once.
pub fn builtin_rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| RuleSet::load(true, &[]).expect("the built-in rules load"))
}

/// The (rule, `n`th suggestion) of every finding of the built-in rules in
/// `sentence`, a plain-text note of one line; "" where a finding has fewer
/// suggestions. `n` is 0 for the rewording, 1 for the curious question.
pub fn nth_suggestions(sentence: &str, n: usize) -> Vec<(String, String)> {
    let rules = builtin_rules();
    let engine = Engine::new(rules).expect("the built-in rules compile");
    let doc = Document::new("n.txt".into(), format!("{sentence}\n"), Kind::Plain);
    engine
        .lint(&doc)
        .into_iter()
        .map(|f| {
            let nth = f.suggestions.into_iter().nth(n).unwrap_or_default();
            (rules.rules[f.rule].id.clone(), nth)
        })
        .collect()
}

/// Every note (a file regard reads by its name) below `dir`, in no order.
pub fn notes(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(notes(&path));
        } else if Kind::from_path(&path).is_some() {
            out.push(path);
        }
    }
    out
}

/// The annotated sets `tests/accuracy/*.tsv`, sorted.
pub fn accuracy_sets() -> Vec<PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(root().join("tests/accuracy"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "tsv"))
        .collect();
    files.sort();
    files
}

/// Where `got` first differs from `want`, by line, for a failure message.
pub fn first_difference(got: &str, want: &str) -> String {
    let at = got.lines().zip(want.lines()).position(|(g, w)| g != w);
    match at {
        Some(i) => format!(
            "line {}: got\n  {}\nwant\n  {}",
            i + 1,
            got.lines().nth(i).unwrap(),
            want.lines().nth(i).unwrap()
        ),
        None => format!(
            "{} lines, want {}",
            got.lines().count(),
            want.lines().count()
        ),
    }
}

pub struct Dir(pub PathBuf);

impl Dir {
    /// A fresh, empty folder named after the test, this process and a
    /// count: all the tests share one process, so two of them that pick
    /// the same name still get folders of their own.
    pub fn new(name: &str) -> Dir {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!("regard-{name}-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).unwrap();
        // Canonical, so paths built from it match those regard prints and
        // the URIs the server builds.
        Dir(path.canonicalize().unwrap())
    }

    pub fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.0.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
        path
    }

    pub fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.0.join(name)).unwrap()
    }

    /// Runs `regard ARGS` in this folder.
    pub fn regard(&self, args: &[&str]) -> Output {
        regard_in(&self.0, args)
    }

    /// Runs `git ARGS` in this folder; it must succeed.
    pub fn git(&self, args: &[&str]) {
        let o = Command::new("git")
            .args(args)
            .current_dir(&self.0)
            .output()
            .unwrap();
        assert!(o.status.success(), "git {args:?}: {}", stderr(&o));
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        // Tests may have taken permissions away; give them back to delete.
        let _ = Command::new("chmod")
            .args(["-R", "u+rwx"])
            .arg(&self.0)
            .output();
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
