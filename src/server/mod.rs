//! `regard server`: the Language Server Protocol over standard input and
//! output, so an editor shows findings while the note is being written.
//!
//! It is a thin layer over the same stages as `regard check`: the load
//! sequence of configuration and rules (`config::Configuration`, from each
//! workspace folder instead of the current folder), documents (`document`)
//! and the lint pipeline (`lint::Linter::select`, as `regard check` runs it).
//! What it adds is protocol: open notes kept in memory and updated by
//! incremental edits, byte offsets turned into LSP positions (UTF-8 when the
//! client offers it, UTF-16 otherwise), diagnostics, quick fixes, hover docs,
//! and reloading when `.regard.yaml` or a rule file changes. Editor set-up is
//! in `docs/editors.md`.
//!
//! It is single-threaded and synchronous, like `lsp-server`'s own examples:
//! a reader thread frames messages from stdin (`transport.rs`), and the main
//! loop handles every message already waiting before it lints, so a burst
//! of keystrokes costs one lint of the latest text, not one per keystroke.
//!
//! Each workspace folder has its configuration and rules (`workspace.rs`);
//! its engine is built once per load, in [`Server::run`], and lives until
//! the next reload. A reload happens when the client reports a changed
//! configuration or rule file, when the workspace folders change, or when,
//! before a lint, the files a configuration was read from differ on disk
//! (editors that watch no files). Problems in the configuration or a rule
//! file become a message naming file and line, and diagnostics on that
//! file; the folder keeps the last configuration that loaded (or the
//! built-in rules) and goes on.
//!
//! - `transport.rs`: framing, with limits on what a frame may claim.
//! - `note.rs`: an open note, positions, and its findings in its folder.
//! - `workspace.rs`: folders, loading, watching and problems.
//! - `diagnostics.rs`: findings published as diagnostics.
//! - `requests/`: one file per request (`code_action.rs`, `hover.rs`).
//! - `uri.rs`: `file:` URIs and paths.

mod diagnostics;
mod note;
mod requests;
mod transport;
mod uri;
mod workspace;

pub use transport::MAX_FRAME;

use note::{note_kind, Context, Encoding, Note};
use transport::{spawn_reader, Incoming};
use uri::file_path;
use workspace::Folder;

use std::collections::HashMap;
use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::sync::mpsc::Receiver;

use lsp_server::{ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{self as notif, Notification as _};
use lsp_types::request::{self as req, Request as _};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionParams, CodeActionProviderCapability, Diagnostic,
    DidChangeTextDocumentParams, DidChangeWatchedFilesParams, DidChangeWorkspaceFoldersParams,
    DidCloseTextDocumentParams, DidOpenTextDocumentParams, DidSaveTextDocumentParams, HoverParams,
    HoverProviderCapability, InitializeParams, InitializeResult, MessageType, OneOf,
    PositionEncodingKind, PublishDiagnosticsParams, SaveOptions, ServerCapabilities, ServerInfo,
    ShowMessageParams, TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions, Uri, WorkspaceFoldersServerCapabilities,
    WorkspaceServerCapabilities,
};
use serde_json::Value;

use crate::cli::{ConfigArgs, RuleArgs};
use crate::config::Origin;
use crate::engine::Engine;
use crate::error::{Error, ExitStatus};
use crate::rule::RuleSet;

/// `regard server`: serves one client until it says `exit` or closes stdin.
pub fn serve(
    config: &ConfigArgs,
    rules: &RuleArgs,
    out: &mut dyn Write,
) -> Result<ExitStatus, Error> {
    serve_stream(config, rules, io::stdin(), out)
}

/// Serves one client speaking on `input` and listening on `out`: `serve`
/// with standard input, and the LSP fuzz target with bytes.
pub fn serve_stream(
    config: &ConfigArgs,
    rules: &RuleArgs,
    input: impl Read + Send + 'static,
    out: &mut dyn Write,
) -> Result<ExitStatus, Error> {
    let incoming = spawn_reader(input);
    let mut server = Server {
        out,
        config: config.origin(),
        extra_rule_dirs: rules.rule_dirs.clone(),
        roots: vec![std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."))],
        encoding: Encoding::Utf16,
        watch: Watch::default(),
        snippets: false,
        notes: HashMap::new(),
        reload: None,
        shut_down: false,
        next_id: 0,
    };
    server.run(&incoming).map_err(Error::Output)
}

/// What the client can do with file watching.
#[derive(Debug, Default)]
struct Watch {
    dynamic: bool,
    relative_patterns: bool,
}

/// Where the main loop goes after a batch of messages.
enum Flow {
    /// Bring the folders up to date; every folder's configuration is read
    /// again when `true`, only those whose files changed otherwise.
    Reload(bool),
    Exit(ExitStatus),
}

struct Server<'o> {
    out: &'o mut dyn Write,
    /// Which configuration file: the one given, none, or the one found
    /// from each workspace folder.
    config: Origin,
    extra_rule_dirs: Vec<PathBuf>,
    /// The workspace folders, each with a configuration discovered from it.
    roots: Vec<PathBuf>,
    encoding: Encoding,
    watch: Watch,
    /// The client takes snippets in workspace edits (LSP 3.18).
    snippets: bool,
    /// Open notes by URI (as text: `Uri` is not a good map key).
    notes: HashMap<String, Note>,
    /// Reload after this batch: `Some(true)` when a configuration or rule
    /// file changed, `Some(false)` when the workspace folders did.
    reload: Option<bool>,
    shut_down: bool,
    next_id: i32,
}

impl Server<'_> {
    fn run(&mut self, incoming: &Receiver<Incoming>) -> io::Result<ExitStatus> {
        if !self.initialize(incoming)? {
            return Ok(ExitStatus::Error);
        }
        let mut folders = Vec::new();
        self.refresh(&mut folders, true);
        // The last resort should an engine not build even from the
        // configuration before: `load` has checked the rules, so it should not.
        let empty = RuleSet {
            rules: Vec::new(),
            known_ids: Vec::new(),
            vocabularies: Vec::new(),
        };
        loop {
            // Each folder's engine is built here, once per load.
            let mut failed = Vec::new();
            let contexts: Vec<Context<'_>> = folders
                .iter()
                .map(|f| {
                    let (loaded, engine) = match f.loaded.engine() {
                        Ok(engine) => (&f.loaded, engine),
                        Err(e) => {
                            failed.push(format!("regard: {}: {e}", f.root.display()));
                            match f.previous.as_ref().map(|p| (p, p.engine())) {
                                Some((p, Ok(engine))) => (p, engine),
                                _ => (
                                    &f.loaded,
                                    Engine::new(&empty).expect("no phrases, nothing to build"),
                                ),
                            }
                        }
                    };
                    let rules = if engine.rules().is_empty() {
                        &empty
                    } else {
                        &loaded.rules
                    };
                    Context {
                        root: &f.root,
                        settings: &loaded.settings,
                        rules,
                        engine,
                    }
                })
                .collect();
            for message in failed {
                self.notify::<notif::ShowMessage>(ShowMessageParams {
                    typ: MessageType::WARNING,
                    message,
                })?;
            }
            match self.serve(incoming, &folders, &contexts)? {
                Flow::Exit(status) => return Ok(status),
                Flow::Reload(all) => {
                    drop(contexts);
                    self.refresh(&mut folders, all);
                    for note in self.notes.values_mut() {
                        note.findings = None;
                        note.published = false;
                    }
                }
            }
        }
    }

    /// Waits for `initialize` and answers it. False when the client left first.
    fn initialize(&mut self, incoming: &Receiver<Incoming>) -> io::Result<bool> {
        loop {
            let message = match incoming.recv() {
                Ok(Incoming::Message(m)) => m,
                Ok(Incoming::Malformed(why)) => {
                    self.parse_error(&why)?;
                    continue;
                }
                Err(_) => return Ok(false),
            };
            match message {
                Message::Request(r) if r.method == req::Initialize::METHOD => {
                    let params: InitializeParams = match serde_json::from_value(r.params.clone()) {
                        Ok(p) => p,
                        Err(e) => {
                            self.error(r.id, ErrorCode::InvalidParams, e.to_string())?;
                            continue;
                        }
                    };
                    self.accept(&params);
                    // Not in `lsp-types` yet (LSP 3.18).
                    self.snippets = r
                        .params
                        .pointer("/capabilities/workspace/workspaceEdit/snippetEditSupport")
                        == Some(&Value::Bool(true));
                    let result = InitializeResult {
                        capabilities: self.capabilities(),
                        server_info: Some(ServerInfo {
                            name: "regard".into(),
                            version: Some(env!("CARGO_PKG_VERSION").into()),
                        }),
                    };
                    self.send(Response::new_ok(r.id, result))?;
                    return Ok(true);
                }
                Message::Request(r) => {
                    self.error(r.id, ErrorCode::ServerNotInitialized, "initialize first")?;
                }
                Message::Notification(n) if n.method == notif::Exit::METHOD => return Ok(false),
                _ => {}
            }
        }
    }

    fn accept(&mut self, params: &InitializeParams) {
        let offered = params
            .capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_ref());
        if offered.is_some_and(|e| e.contains(&PositionEncodingKind::UTF8)) {
            self.encoding = Encoding::Utf8;
        }
        let watch = params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files.as_ref());
        self.watch = Watch {
            dynamic: watch.and_then(|w| w.dynamic_registration) == Some(true),
            relative_patterns: watch.and_then(|w| w.relative_pattern_support) == Some(true),
        };
        let folders: Vec<PathBuf> = params
            .workspace_folders
            .iter()
            .flatten()
            .filter_map(|f| file_path(&f.uri))
            .collect();
        #[allow(deprecated)] // `root_uri` is what older clients send.
        let root = params.root_uri.as_ref().and_then(file_path);
        if !folders.is_empty() {
            self.roots = folders;
        } else if let Some(root) = root {
            self.roots = vec![root];
        }
    }

    fn capabilities(&self) -> ServerCapabilities {
        ServerCapabilities {
            position_encoding: Some(match self.encoding {
                Encoding::Utf8 => PositionEncodingKind::UTF8,
                Encoding::Utf16 => PositionEncodingKind::UTF16,
            }),
            text_document_sync: Some(TextDocumentSyncCapability::Options(
                TextDocumentSyncOptions {
                    open_close: Some(true),
                    change: Some(TextDocumentSyncKind::INCREMENTAL),
                    save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                        include_text: Some(false),
                    })),
                    ..TextDocumentSyncOptions::default()
                },
            )),
            code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
                code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
                ..CodeActionOptions::default()
            })),
            hover_provider: Some(HoverProviderCapability::Simple(true)),
            workspace: Some(WorkspaceServerCapabilities {
                workspace_folders: Some(WorkspaceFoldersServerCapabilities {
                    supported: Some(true),
                    change_notifications: Some(OneOf::Left(true)),
                }),
                file_operations: None,
            }),
            ..ServerCapabilities::default()
        }
    }

    /// Handles messages until the client exits or the configuration must be
    /// reloaded. Each turn handles every message already waiting, then lints
    /// and publishes the notes that changed. Before a lint it compares the
    /// configuration's files with the disk, so an edit made where no client
    /// reports it still applies.
    fn serve(
        &mut self,
        incoming: &Receiver<Incoming>,
        folders: &[Folder],
        contexts: &[Context<'_>],
    ) -> io::Result<Flow> {
        loop {
            if let Some(all) = self.reload.take() {
                return Ok(Flow::Reload(all));
            }
            let stale = self.notes.values().any(|n| !n.published);
            if stale && folders.iter().any(|f| self.sources_changed(f)) {
                return Ok(Flow::Reload(false));
            }
            self.publish_stale(contexts)?;
            let Ok(first) = incoming.recv() else {
                // stdin closed without `exit`.
                return Ok(Flow::Exit(if self.shut_down {
                    ExitStatus::Success
                } else {
                    ExitStatus::Error
                }));
            };
            let mut next = Some(first);
            while let Some(message) = next {
                if let Some(status) = self.handle(message, folders, contexts)? {
                    return Ok(Flow::Exit(status));
                }
                next = incoming.try_recv().ok();
            }
        }
    }

    /// One message. `Some` when the client said `exit`.
    fn handle(
        &mut self,
        incoming: Incoming,
        folders: &[Folder],
        contexts: &[Context<'_>],
    ) -> io::Result<Option<ExitStatus>> {
        let message = match incoming {
            Incoming::Message(m) => m,
            Incoming::Malformed(why) => {
                self.parse_error(&why)?;
                return Ok(None);
            }
        };
        match message {
            Message::Request(r) => self.request(r, contexts)?,
            Message::Notification(n) => {
                if n.method == notif::Exit::METHOD {
                    // The protocol: 0 after `shutdown`, otherwise 1.
                    return Ok(Some(if self.shut_down {
                        ExitStatus::Success
                    } else {
                        ExitStatus::Findings
                    }));
                }
                self.notification(n, folders)?;
            }
            // Answers to `client/registerCapability`: nothing to do.
            Message::Response(_) => {}
        }
        Ok(None)
    }

    fn request(&mut self, r: Request, contexts: &[Context<'_>]) -> io::Result<()> {
        if self.shut_down {
            return self.error(
                r.id,
                ErrorCode::InvalidRequest,
                "the server is shutting down",
            );
        }
        let id = r.id.clone();
        let result = match r.method.as_str() {
            req::Shutdown::METHOD => {
                self.shut_down = true;
                Ok(Value::Null)
            }
            req::CodeActionRequest::METHOD => {
                parse::<CodeActionParams>(r.params).map(|p| json(self.code_actions(&p, contexts)))
            }
            req::HoverRequest::METHOD => {
                parse::<HoverParams>(r.params).map(|p| json(self.hover(&p, contexts)))
            }
            req::Initialize::METHOD => {
                return self.error(id, ErrorCode::InvalidRequest, "already initialized");
            }
            method => {
                return self.error(
                    id,
                    ErrorCode::MethodNotFound,
                    format!("regard does not handle `{method}`"),
                );
            }
        };
        match result {
            Ok(value) => self.send(Response::new_ok(id, value)),
            Err(e) => self.error(id, ErrorCode::InvalidParams, e),
        }
    }

    /// Notifications have no answer, so bad parameters are ignored.
    fn notification(&mut self, n: Notification, folders: &[Folder]) -> io::Result<()> {
        match n.method.as_str() {
            notif::Initialized::METHOD => self.register_watchers(folders)?,
            notif::DidOpenTextDocument::METHOD => {
                if let Ok(p) = parse::<DidOpenTextDocumentParams>(n.params) {
                    let doc = p.text_document;
                    let path = file_path(&doc.uri);
                    let kind = note_kind(path.as_deref(), &doc.language_id);
                    let note = Note::new(doc.uri, doc.text, doc.version, kind, path);
                    self.notes.insert(note.uri.as_str().to_owned(), note);
                }
            }
            notif::DidChangeTextDocument::METHOD => {
                if let Ok(p) = parse::<DidChangeTextDocumentParams>(n.params) {
                    self.change(p);
                }
            }
            notif::DidCloseTextDocument::METHOD => {
                if let Ok(p) = parse::<DidCloseTextDocumentParams>(n.params) {
                    if self.notes.remove(p.text_document.uri.as_str()).is_some() {
                        let _ = self.publish(p.text_document.uri, Vec::new(), None);
                    }
                }
            }
            notif::DidSaveTextDocument::METHOD => {
                if let Ok(p) = parse::<DidSaveTextDocumentParams>(n.params) {
                    if self.affects_config(&p.text_document.uri, folders) {
                        self.reload = Some(true);
                    }
                }
            }
            notif::DidChangeWatchedFiles::METHOD => {
                if let Ok(p) = parse::<DidChangeWatchedFilesParams>(n.params) {
                    if p.changes
                        .iter()
                        .any(|c| self.affects_config(&c.uri, folders))
                    {
                        self.reload = Some(true);
                    }
                }
            }
            notif::DidChangeWorkspaceFolders::METHOD => {
                if let Ok(p) = parse::<DidChangeWorkspaceFoldersParams>(n.params) {
                    let removed: Vec<PathBuf> = p
                        .event
                        .removed
                        .iter()
                        .filter_map(|f| file_path(&f.uri))
                        .collect();
                    self.roots.retain(|r| !removed.contains(r));
                    for added in p.event.added.iter().filter_map(|f| file_path(&f.uri)) {
                        if !self.roots.contains(&added) {
                            self.roots.push(added);
                        }
                    }
                    if self.roots.is_empty() {
                        // Notes are still checked: from the folder the server started in.
                        self.roots
                            .push(std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")));
                    }
                    self.reload.get_or_insert(false);
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn change(&mut self, p: DidChangeTextDocumentParams) {
        let encoding = self.encoding;
        let Some(note) = self.notes.get_mut(p.text_document.uri.as_str()) else {
            return;
        };
        for change in p.content_changes {
            match change.range {
                Some(range) => {
                    let start = note.offset(range.start, encoding);
                    let end = note.offset(range.end, encoding).max(start);
                    note.text.replace_range(start..end, &change.text);
                }
                None => note.text = change.text,
            }
            // Later changes in the same notification count lines in this text.
            note.changed();
        }
        note.version = p.text_document.version;
    }

    fn publish(
        &mut self,
        uri: Uri,
        diagnostics: Vec<Diagnostic>,
        version: Option<i32>,
    ) -> io::Result<()> {
        self.notify::<notif::PublishDiagnostics>(PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        })
    }

    fn notify<N: notif::Notification>(&mut self, params: N::Params) -> io::Result<()> {
        self.send(Notification::new(N::METHOD.into(), params))
    }

    fn error(
        &mut self,
        id: RequestId,
        code: ErrorCode,
        message: impl Into<String>,
    ) -> io::Result<()> {
        self.send(Response::new_err(id, code as i32, message.into()))
    }

    /// JSON-RPC's answer to a message that cannot be read: an error with a
    /// null id, which `lsp_server::Response` cannot express.
    fn parse_error(&mut self, why: &str) -> io::Result<()> {
        let body = serde_json::json!({
            "jsonrpc": "2.0",
            "id": null,
            "error": {"code": ErrorCode::ParseError as i32, "message": why},
        })
        .to_string();
        write!(self.out, "Content-Length: {}\r\n\r\n{body}", body.len())?;
        self.out.flush()
    }

    fn send(&mut self, message: impl Into<Message>) -> io::Result<()> {
        message.into().write(&mut self.out)
    }
}

fn parse<P: serde::de::DeserializeOwned>(params: Value) -> Result<P, String> {
    serde_json::from_value(params).map_err(|e| e.to_string())
}

fn json(value: impl serde::Serialize) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}
