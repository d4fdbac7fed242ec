//! What regard ships besides the binary's checks: shell completions, manual
//! pages, the licence files, and the Python packaging metadata, each held to
//! the source it comes from. (The wheel itself is built, installed and run
//! by scripts/test-wheel; the JSON Schema is checked in src/config.rs.)

use std::path::Path;
use std::process::Command;

use crate::common::{regard, stdout};

fn repo_file(name: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(name))
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Runs bash's completion for the words typed so far (the last one being
/// completed) with regard's completion script loaded; the candidates.
fn bash_complete(words: &[&str]) -> Vec<String> {
    let script = stdout(&regard(&["completions", "bash"]));
    let words: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let program = format!(
        "{script}\nCOMP_WORDS=({words})\nCOMP_CWORD={cword}\nCOMP_LINE=\"${{COMP_WORDS[*]}}\"\n\
         COMP_POINT=${{#COMP_LINE}}\n_regard regard \"${{COMP_WORDS[COMP_CWORD]}}\" \
         \"${{COMP_WORDS[COMP_CWORD-1]}}\"\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"\n",
        words = words.join(" "),
        cword = words.len() - 1,
    );
    let o = Command::new("bash")
        .args(["--norc", "-c", &program])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut got: Vec<String> = stdout(&o).lines().map(str::to_string).collect();
    got.sort();
    got
}

#[test]
fn bash_completes_commands_options_and_their_values() {
    assert_eq!(bash_complete(&["regard", "ch"]), ["check"]);
    assert_eq!(
        bash_complete(&["regard", "check", "--fail-"]),
        ["--fail-on"]
    );
    assert_eq!(
        bash_complete(&["regard", "check", "--fail-on", ""]),
        ["error", "info", "never", "warning"]
    );
    assert_eq!(
        bash_complete(&["regard", "check", "--format", "s"]),
        ["sarif"]
    );
}

#[test]
fn completions_exist_for_the_usual_shells() {
    for (shell, marker) in [
        ("zsh", "#compdef regard"),
        ("fish", "complete -c regard"),
        ("elvish", "edit:completion:arg-completer[regard]"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let o = regard(&["completions", shell]);
        assert_eq!(o.status.code(), Some(0), "{shell}");
        let text = stdout(&o);
        assert!(text.contains(marker), "{shell}: {text}");
        assert!(
            text.contains("fail-on"),
            "{shell} completes check's options"
        );
    }
    let o = regard(&["completions", "tcsh"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn man_pages_for_regard_and_each_command() {
    let version = env!("CARGO_PKG_VERSION");
    let o = regard(&["man"]);
    assert_eq!(o.status.code(), Some(0));
    let page = stdout(&o);
    assert!(page.contains(".TH regard 1"), "{page}");
    assert!(page.contains(&format!("\"regard {version}\"")), "{page}");
    for command in ["check", "rules", "rule", "test", "config", "server"] {
        assert!(
            page.contains(&format!("regard\\-{command}(1)")),
            "{command}"
        );
    }
    let o = regard(&["man", "check"]);
    assert_eq!(o.status.code(), Some(0));
    let page = stdout(&o);
    assert!(page.contains(".TH regard-check 1"), "{page}");
    assert!(page.contains("regard\\-check \\- Check notes"), "{page}");
    assert!(page.contains("\\fBregard check\\fR"), "{page}");
    assert!(page.contains("\\fB\\-\\-fail\\-on\\fR"), "{page}");
    let o = regard(&["man", "chekc"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("there is no command `chekc`"));
}

#[test]
fn licence_files_match_the_manifests() {
    let cargo = repo_file("Cargo.toml");
    assert!(cargo.contains("\nlicense = \"MIT OR Apache-2.0\"\n"));
    let mit = repo_file("LICENSE-MIT");
    assert!(mit.starts_with("MIT License\n"));
    assert!(mit.contains("Permission is hereby granted, free of charge"));
    let apache = repo_file("LICENSE-APACHE");
    assert!(apache.contains("Apache License\n                           Version 2.0, January 2004"));
    assert!(apache.contains("END OF TERMS AND CONDITIONS"));
    let pyproject = repo_file("pyproject.toml");
    assert!(pyproject.contains("license = { text = \"MIT OR Apache-2.0\" }"));
    assert!(pyproject.contains("bindings = \"bin\""));
    // The wheel's version is Cargo.toml's: pyproject.toml must not set its own.
    assert!(pyproject.contains("dynamic = [\"version\"]"));
    assert!(!pyproject.lines().any(|l| l.starts_with("version")));
}
