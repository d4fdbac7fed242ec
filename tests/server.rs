//! `regard server` through the binary, spoken to as an editor would: JSON-RPC
//! with `Content-Length` framing over the child's stdin and stdout. Every
//! wait has a timeout, so a server that hangs fails the test instead of CI.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

const WAIT: Duration = Duration::from_secs(20);

/// A workspace folder in the temporary directory, removed afterwards.
struct Workspace(PathBuf);

impl Workspace {
    fn new(name: &str) -> Workspace {
        let path =
            std::env::temp_dir().join(format!("regard-server-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(path.join(".git")).unwrap();
        // Canonical, so URIs match the ones the server builds from paths.
        Workspace(path.canonicalize().unwrap())
    }

    fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.0.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        path
    }

    fn uri(&self, name: &str) -> String {
        uri(&self.0.join(name))
    }
}

impl Drop for Workspace {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

/// A client: the server as a child process, and a thread reading its output.
struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    /// Messages read while waiting for something else.
    stash: Vec<Value>,
    next_id: i64,
}

impl Client {
    fn start(root: &Path) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_regard"))
            .arg("server")
            .current_dir(root)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("regard server starts");
        let stdin = child.stdin.take().unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let (send, incoming) = mpsc::channel();
        std::thread::spawn(move || loop {
            let mut length = None;
            loop {
                let mut line = String::new();
                if stdout.read_line(&mut line).unwrap_or(0) == 0 {
                    return;
                }
                let line = line.trim_end();
                if line.is_empty() {
                    break;
                }
                if let Some(n) = line.strip_prefix("Content-Length: ") {
                    length = Some(n.parse::<usize>().unwrap());
                }
            }
            let mut body = vec![0; length.expect("every message has a Content-Length")];
            if stdout.read_exact(&mut body).is_err() {
                return;
            }
            let message = serde_json::from_slice(&body).expect("the server writes JSON");
            if send.send(message).is_err() {
                return;
            }
        });
        Client {
            child,
            stdin,
            incoming,
            stash: Vec::new(),
            next_id: 0,
        }
    }

    /// Starts a server and completes the handshake; returns the initialize result.
    fn initialize(root: &Path, encodings: &[&str]) -> (Client, Value) {
        let mut client = Client::start(root);
        let result = client.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": uri(root),
                "workspaceFolders": [{"uri": uri(root), "name": "notes"}],
                "capabilities": {
                    "general": {"positionEncodings": encodings},
                    "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}},
                    "textDocument": {"publishDiagnostics": {"versionSupport": true}},
                },
            }),
        );
        client.notify("initialized", json!({}));
        (client, result)
    }

    fn write_frame(&mut self, body: &str) {
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn send(&mut self, message: Value) {
        self.write_frame(&message.to_string());
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn request_id(&mut self, method: &str, params: Value) -> i64 {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        id
    }

    /// Sends a request and returns its result; an error response fails the test.
    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.request_id(method, params);
        let response = self.wait(|m| m["id"] == id && m.get("method").is_none());
        assert!(
            response.get("error").is_none(),
            "{method} failed: {response}"
        );
        response["result"].clone()
    }

    /// The next message that `wanted` accepts, from the stash or the server.
    fn wait(&mut self, wanted: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.stash.iter().position(&wanted) {
            return self.stash.remove(i);
        }
        let deadline = Instant::now() + WAIT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let message = self.incoming.recv_timeout(left).unwrap_or_else(|_| {
                panic!(
                    "no such message from the server within {WAIT:?}; got {:#?}",
                    self.stash
                )
            });
            // Answer the server's own requests (watcher registration) as a client must.
            if message.get("method").is_some() && message.get("id").is_some() {
                let id = message["id"].clone();
                self.send(json!({"jsonrpc": "2.0", "id": id, "result": null}));
            }
            if wanted(&message) {
                return message;
            }
            self.stash.push(message);
        }
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Value {
        self.wait(|m| m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri)
            ["params"]
            .clone()
    }

    fn open(&mut self, uri: &str, language: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": language, "version": 1, "text": text}}),
        );
    }

    fn shutdown_and_exit(mut self) -> ExitStatus {
        assert_eq!(self.request("shutdown", Value::Null), Value::Null);
        self.notify("exit", Value::Null);
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(Instant::now() < deadline, "the server did not exit");
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        // Only matters when a test failed part-way: do not leave the server running.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A team rule with a safe fix, so there is a rewording to apply.
const DOUBT_VERB: &str = r#"id: doubt-verb
severity: warning
summary: Casts doubt on what was said.
message: "`{match}` casts doubt on what was said"
phrases: ['claim{s,ed}']
suggest: ["Use a plain verb: said, told me."]
fix:
  applicability: safe
  replace: {claims: says, claimed: said}
docs:
  what: Verbs that cast doubt on what the client said.
  why: A note read later tells the reader whether to believe the client.
  curious: Write what was said with a plain verb, and what you know separately.
examples:
  flag: ["He claims it was late."]
  pass: ["An insurance claim was made."]
"#;

/// Line 2 has an emoji (two UTF-16 units, four bytes) and curly quotes (one
/// unit, three bytes each) before `resistant`.
const NOTE: &str = "# Session 4\n\nClient 😀 said “fine” then was resistant to feedback.\nShe claims the letter never came.\n";

fn workspace(name: &str) -> Workspace {
    let ws = Workspace::new(name);
    ws.write(
        ".regard.yaml",
        "rules: [team-rules/]\nignore: [credibility-doubt]\n",
    );
    ws.write("team-rules/doubt-verb.yaml", DOUBT_VERB);
    ws
}

fn range(start: (u64, u64), end: (u64, u64)) -> Value {
    json!({"start": {"line": start.0, "character": start.1}, "end": {"line": end.0, "character": end.1}})
}

fn codes(diagnostics: &Value) -> Vec<&str> {
    diagnostics["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect()
}

fn find<'a>(diagnostics: &'a Value, code: &str) -> &'a Value {
    diagnostics["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == code)
        .unwrap_or_else(|| panic!("no `{code}` in {diagnostics:#}"))
}

/// The byte offset of an LSP position, counting UTF-16 units or bytes.
fn offset(text: &str, position: &Value, utf16: bool) -> usize {
    let line = position["line"].as_u64().unwrap() as usize;
    let character = position["character"].as_u64().unwrap() as usize;
    let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
    if !utf16 {
        return start + character;
    }
    let mut units = 0;
    for (i, c) in text[start..].char_indices() {
        if units >= character {
            return start + i;
        }
        units += c.len_utf16();
    }
    text.len()
}

/// Applies one LSP text edit to `text`, as an editor would.
fn apply(text: &str, edit: &Value, utf16: bool) -> String {
    let start = offset(text, &edit["range"]["start"], utf16);
    let end = offset(text, &edit["range"]["end"], utf16);
    // A `TextEdit` says `newText`; a change in `didChange` says `text`.
    let new = edit.get("newText").or(edit.get("text")).unwrap();
    format!(
        "{}{}{}",
        &text[..start],
        new.as_str().unwrap(),
        &text[end..]
    )
}

/// The edit of the code action whose title contains `title`.
fn action_edit<'a>(actions: &'a Value, uri: &str, title: &str) -> &'a Value {
    let action = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"].as_str().unwrap().contains(title))
        .unwrap_or_else(|| panic!("no action `{title}` in {actions:#}"));
    &action["edit"]["changes"][uri][0]
}

#[test]
fn utf16_client_gets_diagnostics_fixes_hover_and_incremental_updates() {
    let ws = workspace("utf16");
    let (mut client, init) = Client::initialize(&ws.0, &["utf-16"]);
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(init["capabilities"]["textDocumentSync"]["change"], 2);
    assert_eq!(init["serverInfo"]["name"], "regard");

    let uri = ws.uri("session.md");
    client.open(&uri, "markdown", NOTE);
    let published = client.diagnostics(&uri);
    assert_eq!(published["version"], 1);
    assert_eq!(codes(&published), ["deficit-label", "doubt-verb"]);
    // "Client " 7 + 😀 2 + " said " 6 + “ 1 + "fine" 4 + ” 1 + " then was " 10 = 31.
    let label = find(&published, "deficit-label");
    assert_eq!(label["range"], range((2, 31), (2, 40)));
    assert_eq!(label["severity"], 2);
    assert_eq!(label["source"], "regard");
    let message = label["message"].as_str().unwrap();
    assert!(
        message.starts_with("`resistant` labels the client"),
        "{message}"
    );
    // The help rewords this sentence: its person and its topic.
    assert!(
        message.contains("\nClient … (say what they did or said about feedback)"),
        "{message}"
    );
    let doubt = find(&published, "doubt-verb");
    assert_eq!(doubt["range"], range((3, 4), (3, 10)));

    // The rewording of `claims` is a safe fix, so it is the preferred quick fix.
    let actions = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": uri},
            "range": doubt["range"],
            "context": {"diagnostics": [doubt]},
        }),
    );
    let fix = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["isPreferred"] == true)
        .expect("a preferred fix");
    assert_eq!(fix["kind"], "quickfix");
    assert_eq!(fix["diagnostics"][0]["code"], "doubt-verb");
    let edit = &fix["edit"]["changes"][uri.as_str()][0];
    assert_eq!(edit["newText"], "says");
    assert_eq!(edit["range"], range((3, 4), (3, 10)));
    let suppress = action_edit(&actions, &uri, "Suppress `doubt-verb`");
    assert_eq!(
        suppress["newText"],
        "<!-- regard-ignore doubt-verb: reason -->\n"
    );
    assert_eq!(suppress["range"], range((3, 0), (3, 0)));

    // The editor applies the fix and sends it as an incremental change.
    let mut text = apply(NOTE, edit, true);
    assert!(text.contains("She says the letter"));
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"range": edit["range"], "text": "says"}],
        }),
    );
    let published = client.diagnostics(&uri);
    assert_eq!(published["version"], 2);
    assert_eq!(codes(&published), ["deficit-label"]);

    // Typing an emoji at the start of line 2 moves the finding by two units, plus the space.
    let typed = json!({"range": range((2, 0), (2, 0)), "text": "🙂 "});
    text = apply(&text, &typed, true);
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 3}, "contentChanges": [typed]}),
    );
    let published = client.diagnostics(&uri);
    assert_eq!(published["version"], 3);
    let label = find(&published, "deficit-label");
    assert_eq!(label["range"], range((2, 34), (2, 43)));
    let start = offset(&text, &label["range"]["start"], true);
    assert!(text[start..].starts_with("resistant"));

    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 2, "character": 37}}),
    );
    assert_eq!(hover["range"], range((2, 34), (2, 43)));
    assert_eq!(hover["contents"]["kind"], "markdown");
    let docs = hover["contents"]["value"].as_str().unwrap();
    for part in [
        "**deficit-label**",
        "What it flags",
        "Why it matters",
        "The curious alternative",
        "A label ends the enquiry",
    ] {
        assert!(docs.contains(part), "hover lacks {part:?}: {docs}");
    }
    // Nothing to say about words that are fine.
    let nothing = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 3}}),
    );
    assert_eq!(nothing, Value::Null);

    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn utf8_client_gets_byte_columns_and_suppressions_work() {
    let ws = workspace("utf8");
    let (mut client, init) = Client::initialize(&ws.0, &["utf-8", "utf-16"]);
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-8");

    let uri = ws.uri("session.md");
    client.open(&uri, "markdown", NOTE);
    let published = client.diagnostics(&uri);
    // "Client " 7 + 😀 4 + " said " 6 + “ 3 + "fine" 4 + ” 3 + " then was " 10 = 37.
    let label = find(&published, "deficit-label").clone();
    assert_eq!(label["range"], range((2, 37), (2, 46)));

    let actions = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": uri},
            "range": label["range"],
            "context": {"diagnostics": [label]},
        }),
    );
    // Built-in rules only suggest: no rewording to apply, but a suppression.
    assert_eq!(actions.as_array().unwrap().len(), 1, "{actions:#}");
    let edit = action_edit(&actions, &uri, "Suppress `deficit-label`").clone();
    let text = apply(NOTE, &edit, false);
    assert!(text.contains(
        "\n<!-- regard-ignore deficit-label: reason -->\nClient 😀 said “fine” then was resistant"
    ));
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"range": edit["range"], "text": edit["newText"]}],
        }),
    );
    let published = client.diagnostics(&uri);
    assert_eq!(codes(&published), ["doubt-verb"]);

    // Plain text: the directive goes at the end of the line.
    let txt = ws.uri("call.txt");
    let plain = "Called at 10.\nMum 👋 was ‘quite’ defensive on the phone.  \n";
    client.open(&txt, "plaintext", plain);
    let published = client.diagnostics(&txt);
    let label = find(&published, "deficit-label").clone();
    // "Mum " 4 + 👋 4 + " was " 5 + ‘ 3 + "quite" 5 + ’ 3 + " " 1 = 25.
    assert_eq!(label["range"], range((1, 25), (1, 34)));
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": txt}, "range": label["range"], "context": {"diagnostics": []}}),
    );
    let edit = action_edit(&actions, &txt, "Suppress `deficit-label`");
    assert_eq!(edit["newText"], " [regard-ignore deficit-label: reason]");
    let fixed = apply(plain, edit, false);
    assert!(fixed.contains("on the phone. [regard-ignore deficit-label: reason]  \n"));
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": txt, "version": 2}, "contentChanges": [{"text": fixed}]}),
    );
    assert_eq!(codes(&client.diagnostics(&txt)), Vec::<&str>::new());

    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn malformed_messages_do_not_stop_the_server() {
    let ws = Workspace::new("malformed");
    let (mut client, _) = Client::initialize(&ws.0, &[]);

    client.write_frame("{ this is not json");
    let error = client.wait(|m| m["id"].is_null() && m.get("error").is_some());
    assert_eq!(error["error"]["code"], -32700);

    // Valid JSON that is not a JSON-RPC message.
    client.write_frame("[1, 2, 3]");
    let error = client.wait(|m| m["id"].is_null() && m.get("error").is_some());
    assert_eq!(error["error"]["code"], -32700);

    let id = client.request_id("regard/nonsense", json!({}));
    let error = client.wait(|m| m["id"] == id);
    assert_eq!(error["error"]["code"], -32601);
    client.notify("regard/unknownNotification", json!({"x": 1}));
    // Bad parameters for a known request are an error answer, not a crash.
    let id = client.request_id("textDocument/hover", json!({"textDocument": 7}));
    let error = client.wait(|m| m["id"] == id);
    assert_eq!(error["error"]["code"], -32602);

    // Still answering, and still linting.
    let uri = ws.uri("note.md");
    client.open(&uri, "markdown", "He was lazy today.\n");
    assert_eq!(codes(&client.diagnostics(&uri)), ["deficit-label"]);

    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn broken_configuration_is_a_diagnostic_on_its_file_and_reloads_when_fixed() {
    let ws = workspace("broken");
    let config = ws.write(
        ".regard.yaml",
        "rules: [team-rules/]\nignore: [credibility-doubt]\ncolour: blue\n",
    );
    let (mut client, _) = Client::initialize(&ws.0, &["utf-16"]);
    let config_uri = uri(&config);
    let problems = client.diagnostics(&config_uri);
    let problem = &problems["diagnostics"][0];
    assert_eq!(problem["severity"], 1);
    assert_eq!(problem["code"], "regard::config::yaml");
    assert_eq!(problem["range"]["start"]["line"], 2, "{problem:#}");

    // The notes are still checked, with the built-in rules.
    let note = ws.uri("note.md");
    client.open(&note, "markdown", "She claims he was lazy.\n");
    assert_eq!(
        codes(&client.diagnostics(&note)),
        ["credibility-doubt", "deficit-label"]
    );

    // Fixed: the problem is cleared and the configuration applies.
    ws.write(
        ".regard.yaml",
        "rules: [team-rules/]\nignore: [credibility-doubt]\n",
    );
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": config_uri, "type": 2}]}),
    );
    assert_eq!(client.diagnostics(&config_uri)["diagnostics"], json!([]));
    assert_eq!(
        codes(&client.diagnostics(&note)),
        ["doubt-verb", "deficit-label"]
    );

    // A broken rule file: a diagnostic on it; the last good rules stay.
    let rule_uri = uri(&ws.write(
        "team-rules/doubt-verb.yaml",
        &DOUBT_VERB.replace("phrases: ['claim{s,ed}']", "patterns: ['claim(s']"),
    ));
    client.notify(
        "textDocument/didSave",
        json!({"textDocument": {"uri": rule_uri}}),
    );
    let problems = client.diagnostics(&rule_uri);
    assert_eq!(
        problems["diagnostics"][0]["code"],
        "regard::rule::bad_pattern"
    );
    assert_eq!(problems["diagnostics"][0]["range"]["start"]["line"], 4);
    assert_eq!(
        codes(&client.diagnostics(&note)),
        ["doubt-verb", "deficit-label"]
    );

    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn a_50_kb_note_relints_quickly() {
    let ws = Workspace::new("large");
    let (mut client, _) = Client::initialize(&ws.0, &["utf-16"]);
    // Straight quotes and no emoji: this measures the server, not the
    // engine's patterns, which are slower on non-ASCII text (a Unicode `\b`
    // keeps regex off its fastest engine there).
    let paragraph = "She said the week had been long and that \"work\" was hard. We talked about \
                     sleep, about her sister, and about what she wants from the next month. He was \
                     resistant.\n\n";
    let mut text = String::new();
    while text.len() < 50 * 1024 {
        text.push_str(paragraph);
    }
    let uri = ws.uri("long.md");
    client.open(&uri, "markdown", &text);
    let lines = text.lines().count() as u64;
    let first = client.diagnostics(&uri);
    let count = first["diagnostics"].as_array().unwrap().len();
    assert!(count > 200, "{count} findings");

    let mut slowest = Duration::ZERO;
    for version in 2..12 {
        let started = Instant::now();
        client.notify(
            "textDocument/didChange",
            json!({
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [{"range": range((lines, 0), (lines, 0)), "text": "x"}],
            }),
        );
        let published = client.wait(|m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["version"] == version
        });
        slowest = slowest.max(started.elapsed());
        assert_eq!(
            published["params"]["diagnostics"].as_array().unwrap().len(),
            count
        );
    }
    eprintln!("50 KB note: slowest re-lint round trip {slowest:?}");
    // Generous, for a shared CI machine; a debug build's regex is many times slower.
    let limit = Duration::from_millis(if cfg!(debug_assertions) { 5000 } else { 250 });
    assert!(slowest < limit, "{slowest:?}");

    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

// Issue 18, item 2: a frame's Content-Length is checked before anything is
// allocated for its body.

#[test]
fn issue18_item2_a_huge_content_length_is_answered_with_an_error() {
    for length in ["18446744073709551615", "1000000000000"] {
        let ws = Workspace::new(&format!("huge-frame-{}", length.len()));
        let (mut client, _) = Client::initialize(&ws.0, &[]);
        write!(client.stdin, "Content-Length: {length}\r\n\r\n{{}}").unwrap();
        client.stdin.flush().unwrap();
        let error = client.wait(|m| m["id"].is_null() && m.get("error").is_some());
        assert_eq!(error["error"]["code"], -32700);
        assert_eq!(
            error["error"]["message"],
            format!("a message of {length} bytes is over the limit of 64 MiB")
        );
        // Still running (it panicked with exit 101, or aborted with 134),
        // skipping the body it announced until the input ends.
        std::thread::sleep(Duration::from_millis(100));
        assert!(client.child.try_wait().unwrap().is_none(), "{length}");
    }
}

#[test]
fn issue18_item2_a_frame_over_64_mib_is_skipped_and_the_server_reads_on() {
    let ws = Workspace::new("over-limit-frame");
    let (mut client, _) = Client::initialize(&ws.0, &[]);
    let size = (64 << 20) + 1;
    write!(client.stdin, "Content-Length: {size}\r\n\r\n").unwrap();
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..64 {
        client.stdin.write_all(&chunk).unwrap();
    }
    client.stdin.write_all(b" ").unwrap();
    let error = client.wait(|m| m["id"].is_null() && m.get("error").is_some());
    assert_eq!(error["error"]["code"], -32700);
    let uri = ws.uri("note.md");
    client.open(&uri, "markdown", "He was lazy today.\n");
    assert_eq!(codes(&client.diagnostics(&uri)), ["deficit-label"]);
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

#[test]
fn issue18_item2_bad_headers_are_errors_and_the_server_reads_on() {
    let ws = Workspace::new("bad-headers");
    let (mut client, _) = Client::initialize(&ws.0, &[]);
    let long = "X".repeat(100_000);
    for (frame, why) in [
        (
            "Content-Length: 99999999999999999999999\r\n\r\n".to_string(),
            "bad Content-Length \"99999999999999999999999\": number too large to fit in target type",
        ),
        (format!("X-{long}: 1\r\n\r\n"), "a header line is longer than 8 KiB"),
        (
            "Content-Type: x\r\n\r\n".to_string(),
            "no Content-Length header",
        ),
    ] {
        client.stdin.write_all(frame.as_bytes()).unwrap();
        client.stdin.flush().unwrap();
        let error = client.wait(|m| m["id"].is_null() && m.get("error").is_some());
        assert_eq!(error["error"]["message"], why);
    }
    let uri = ws.uri("note.md");
    client.open(&uri, "markdown", "He was lazy today.\n");
    assert_eq!(codes(&client.diagnostics(&uri)), ["deficit-label"]);
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}

// Issue 18, item 5: an editor gets at most 1,000 diagnostics for a note.
#[test]
fn issue18_item5_a_note_full_of_findings_publishes_at_most_1000_diagnostics() {
    let ws = Workspace::new("many-findings");
    let (mut client, _) = Client::initialize(&ws.0, &[]);
    let uri = ws.uri("note.md");
    client.open(&uri, "markdown", &"He was lazy.\n".repeat(1500));
    let published = client.diagnostics(&uri);
    let diagnostics = published["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 1000);
    assert_eq!(diagnostics[999]["range"], range((999, 7), (999, 11)));
    assert_eq!(client.shutdown_and_exit().code(), Some(0));
}
