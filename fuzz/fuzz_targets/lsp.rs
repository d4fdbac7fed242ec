//! The LSP message stream: `regard server` reading arbitrary bytes as its
//! standard input. The server must not panic or hang, and everything it
//! writes must be well-formed frames: `Content-Length` headers that match
//! their bodies, each body a JSON-RPC 2.0 message.
//!
//! The first byte chooses whether the rest follows a valid `initialize`
//! handshake (even) or stands alone (odd), so the fuzzer reaches the
//! handlers for open notes, edits, hovers, code actions (as snippets:
//! the handshake offers them) and workspace folders as well as the framing
//! itself.
#![no_main]

use std::io::Cursor;

use libfuzzer_sys::fuzz_target;
use regard::cli::{ConfigArgs, RuleArgs};

const HANDSHAKE: [&str; 2] = [
    r#"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"capabilities":{"general":{"positionEncodings":["utf-8","utf-16"]},"workspace":{"workspaceEdit":{"snippetEditSupport":true},"workspaceFolders":true}}}}"#,
    r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#,
];

fuzz_target!(|data: &[u8]| {
    let Some((&choice, rest)) = data.split_first() else {
        return;
    };
    let mut input = Vec::new();
    if choice % 2 == 0 {
        for body in HANDSHAKE {
            input.extend(format!("Content-Length: {}\r\n\r\n{body}", body.len()).bytes());
        }
    }
    input.extend_from_slice(rest);
    // No configuration file: the run must not depend on the folder it is in.
    let config = ConfigArgs {
        config: None,
        isolated: true,
    };
    let rules = RuleArgs {
        rule_dirs: Vec::new(),
    };
    let mut out = Vec::new();
    let _ = regard::server::serve_stream(&config, &rules, Cursor::new(input), &mut out);
    well_formed(&out);
});

/// Asserts that `out` is a sequence of frames of JSON-RPC 2.0 messages.
fn well_formed(mut out: &[u8]) {
    while !out.is_empty() {
        let header_end = out
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("a frame header ends in a blank line");
        let header = std::str::from_utf8(&out[..header_end]).expect("headers are text");
        let length: usize = header
            .strip_prefix("Content-Length: ")
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("bad header {header:?}"));
        let body = &out[header_end + 4..];
        assert!(body.len() >= length, "a frame is cut short");
        let message: serde_json::Value =
            serde_json::from_slice(&body[..length]).expect("a frame's body is JSON");
        assert_eq!(message["jsonrpc"], "2.0", "{message}");
        out = &body[length..];
    }
}
