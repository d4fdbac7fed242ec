//! The JSON output, parsed: exact fields and values, not just text.

use std::process::{Command, Stdio};

use crate::common::{regard_stdin, Dir};

fn run_stdin(args: &[&str], input: &str) -> (i32, serde_json::Value) {
    let out = regard_stdin(args, input.as_bytes());
    (
        out.status.code().unwrap(),
        serde_json::from_slice(&out.stdout).unwrap(),
    )
}

#[test]
fn json_reports_positions_in_characters_and_bytes() {
    // "Zoë 😀 " is 4 + 1 + 1 + 1 characters but 5 + 1 + 4 + 1 bytes.
    let input = "# Notes\r\nZoë 😀 was *resistant* today.\r\n";
    let (code, json) = run_stdin(
        &[
            "check",
            "--format",
            "json",
            "--stdin-filename",
            "zoe.md",
            "-",
        ],
        input,
    );
    assert_eq!(code, 1);
    assert_eq!(json["files_checked"], 1);
    let findings = json["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1);
    let f = &findings[0];
    assert_eq!(f["path"], "zoe.md");
    assert_eq!(f["rule"], "deficit-label");
    assert_eq!(f["severity"], "warning");
    assert_eq!(f["matched"], "resistant");
    let start = input.find("resistant").unwrap();
    assert_eq!(
        f["start"],
        serde_json::json!({"line": 2, "column": 12, "offset": start})
    );
    assert_eq!(
        f["end"],
        serde_json::json!({"line": 2, "column": 21, "offset": start + 9})
    );
    assert!(f["message"].as_str().unwrap().contains("`resistant`"));
    assert!(!f["suggestions"].as_array().unwrap().is_empty());
}

#[test]
fn json_with_no_findings_is_still_a_document() {
    let (code, json) = run_stdin(
        &["check", "--format", "json", "-"],
        "We moved the session to Thursday.\n",
    );
    assert_eq!(code, 0);
    assert_eq!(
        json,
        serde_json::json!({"findings": [], "files_checked": 1})
    );
}

#[test]
fn broken_pipe_is_not_an_error() {
    // A reader that stops early (`regard check … | head -1`) must not turn
    // into a failure or a panic message.
    let d = Dir::new("pipe");
    let dir = &d.0;
    for i in 0..300 {
        std::fs::write(
            dir.join(format!("note{i:03}.md")),
            "Client was resistant.\n".repeat(20),
        )
        .unwrap();
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_regard"))
        .arg("check")
        .arg(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}
