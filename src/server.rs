//! `regard server`: the Language Server Protocol over standard input and
//! output, so an editor shows findings while the note is being written.
//!
//! It is a thin layer over the same stages as `regard check`: configuration
//! discovery (`config`, from the workspace root instead of the current
//! folder), rules (`rule`), the engine (`engine`) and documents (`document`).
//! What it adds is protocol: open notes kept in memory and updated by
//! incremental edits, byte offsets turned into LSP positions (UTF-8 when the
//! client offers it, UTF-16 otherwise), diagnostics, quick fixes, hover docs,
//! and reloading when `.regard.yaml` or a rule file changes. Editor set-up is
//! in `docs/editors.md`.
//!
//! It is single-threaded and synchronous, like `lsp-server`'s own examples:
//! a reader thread frames messages from stdin, and the main loop handles
//! every message already waiting before it lints, so a burst of keystrokes
//! costs one lint of the latest text, not one per keystroke. Problems in the
//! configuration or a rule file become diagnostics on that file; the server
//! keeps the last configuration that loaded (or the built-in rules) and goes
//! on.

use std::collections::{HashMap, HashSet};
use std::io::{self, BufRead, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver};

use lsp_server::{ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{self as notif, Notification as _};
use lsp_types::request::{self as req, Request as _};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOptions, CodeActionOrCommand, CodeActionParams,
    CodeActionProviderCapability, Diagnostic, DiagnosticSeverity, DidChangeTextDocumentParams,
    DidChangeWatchedFilesParams, DidChangeWatchedFilesRegistrationOptions,
    DidCloseTextDocumentParams, DidOpenTextDocumentParams, DidSaveTextDocumentParams,
    FileSystemWatcher, GlobPattern, Hover, HoverContents, HoverParams, HoverProviderCapability,
    InitializeParams, InitializeResult, MarkupContent, MarkupKind, MessageType, NumberOrString,
    OneOf, Position, PositionEncodingKind, PublishDiagnosticsParams, Range, Registration,
    RegistrationParams, RelativePattern, SaveOptions, ServerCapabilities, ServerInfo,
    ShowMessageParams, TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions, TextEdit, Uri, WorkspaceEdit,
};
use serde_json::Value;

use crate::cli::{ConfigArgs, RuleArgs};
use crate::config::{self, Settings};
use crate::document::{Document, Kind, Span};
use crate::engine::{Engine, Finding};
use crate::rule::{Applicability, RuleError, RuleSet, Severity};
use crate::{Error, ExitStatus};

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
        config: ConfigArgs {
            config: config.config.clone(),
            isolated: config.isolated,
        },
        extra_rule_dirs: rules.rule_dirs.clone(),
        root: std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")),
        encoding: Encoding::Utf16,
        watch: Watch::default(),
        notes: HashMap::new(),
        problem_files: Vec::new(),
        reload: false,
        shut_down: false,
        next_id: 0,
    };
    server.run(&incoming).map_err(Error::Output)
}

/// The largest message body the server reads. A frame's `Content-Length` is
/// read before its body, so without a limit a client (or garbage on stdin)
/// could make the server allocate any amount up front: 2^64 - 1 panicked
/// on capacity overflow, 10^12 aborted the process (issue 18). An editor's
/// note is far below this.
pub const MAX_FRAME: u64 = 64 << 20;

/// The longest header line read (the only header that matters,
/// `Content-Length`, needs a few dozen bytes).
const MAX_HEADER: u64 = 8 << 10;

/// What the reader thread hands the main loop.
enum Incoming {
    Message(Message),
    /// A frame that is not a JSON-RPC message, and why.
    Malformed(String),
}

/// One frame read from the input.
enum Frame {
    Message(Message),
    Malformed(String),
    /// A `Content-Length` over [`MAX_FRAME`]: the body is still unread.
    TooLarge(u64),
}

/// Reads framed messages from `input` on a thread of its own. The channel
/// is unbounded so that the main loop can see every message already sent
/// (`try_recv`) and skip linting text that is about to change again.
/// `lsp-server`'s own framing stops at the first malformed message and
/// allocates whatever `Content-Length` says; this one reports a bad frame
/// and reads on, and reads no frame over [`MAX_FRAME`] (it is answered with
/// an error, then its body skipped without being held).
fn spawn_reader(input: impl Read + Send + 'static) -> Receiver<Incoming> {
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || {
        let mut input = io::BufReader::new(input);
        loop {
            let incoming = match read_frame(&mut input) {
                Ok(Some(Frame::Message(message))) => Incoming::Message(message),
                Ok(Some(Frame::Malformed(why))) => Incoming::Malformed(why),
                Ok(Some(Frame::TooLarge(size))) => {
                    let why = format!(
                        "a message of {size} bytes is over the limit of {} MiB",
                        MAX_FRAME >> 20
                    );
                    if send.send(Incoming::Malformed(why)).is_err() {
                        break;
                    }
                    match io::copy(&mut (&mut input).take(size), &mut io::sink()) {
                        Ok(skipped) if skipped == size => continue,
                        _ => break,
                    }
                }
                Ok(None) | Err(_) => break,
            };
            let exit = matches!(&incoming, Incoming::Message(Message::Notification(n)) if n.method == notif::Exit::METHOD);
            if send.send(incoming).is_err() || exit {
                break;
            }
        }
    });
    receive
}

/// Reads one frame: header lines ending in CRLF, a blank line, then
/// `Content-Length` bytes of JSON. `None` at the end of the input.
fn read_frame(input: &mut impl BufRead) -> io::Result<Option<Frame>> {
    let mut size = None;
    let mut line = Vec::new();
    let mut first = true;
    loop {
        line.clear();
        let n = input
            .by_ref()
            .take(MAX_HEADER)
            .read_until(b'\n', &mut line)?;
        if n == 0 {
            // The end of the input; part of a header is not a message.
            return Ok(None);
        }
        if !line.ends_with(b"\n") {
            // Over MAX_HEADER: skip the rest of the line without keeping it.
            skip_line(input)?;
            return Ok(Some(Frame::Malformed(format!(
                "a header line is longer than {} KiB",
                MAX_HEADER >> 10
            ))));
        }
        if !line.ends_with(b"\r\n") {
            return Ok(Some(Frame::Malformed(format!(
                "malformed header {:?}: it must end in CRLF",
                String::from_utf8_lossy(&line)
            ))));
        }
        let header = &line[..line.len() - 2];
        if header.is_empty() {
            if first {
                // A stray line break between frames.
                continue;
            }
            break;
        }
        first = false;
        let header = String::from_utf8_lossy(header);
        let Some((name, value)) = header.split_once(": ") else {
            return Ok(Some(Frame::Malformed(format!(
                "malformed header {header:?}"
            ))));
        };
        if name.eq_ignore_ascii_case("Content-Length") {
            match value.trim().parse::<u64>() {
                Ok(n) => size = Some(n),
                Err(e) => {
                    return Ok(Some(Frame::Malformed(format!(
                        "bad Content-Length {value:?}: {e}"
                    ))))
                }
            }
        }
    }
    let Some(size) = size else {
        return Ok(Some(Frame::Malformed("no Content-Length header".into())));
    };
    if size > MAX_FRAME {
        return Ok(Some(Frame::TooLarge(size)));
    }
    // At most MAX_FRAME, so this cannot overflow or fail for its size alone.
    let mut body = Vec::new();
    input.take(size).read_to_end(&mut body)?;
    if (body.len() as u64) < size {
        return Ok(None);
    }
    Ok(Some(match serde_json::from_slice::<Message>(&body) {
        Ok(message) => Frame::Message(message),
        Err(e) => Frame::Malformed(format!("not a JSON-RPC message: {e}")),
    }))
}

/// Reads up to and including the next line break, keeping nothing.
fn skip_line(input: &mut impl BufRead) -> io::Result<()> {
    loop {
        let buf = input.fill_buf()?;
        if buf.is_empty() {
            return Ok(());
        }
        match memchr::memchr(b'\n', buf) {
            Some(i) => {
                input.consume(i + 1);
                return Ok(());
            }
            None => {
                let n = buf.len();
                input.consume(n);
            }
        }
    }
}

/// How positions count characters within a line, as agreed at `initialize`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Encoding {
    Utf8,
    Utf16,
}

impl Encoding {
    fn width(self, c: char) -> usize {
        match self {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
        }
    }
}

/// What the client can do with file watching.
#[derive(Debug, Default)]
struct Watch {
    dynamic: bool,
    relative_patterns: bool,
}

/// An open note.
struct Note {
    uri: Uri,
    text: String,
    version: i32,
    kind: Kind,
    /// The file, for `exclude` and `per-file` settings; `None` for unsaved buffers.
    path: Option<PathBuf>,
    /// Byte offset of the start of each line.
    lines: Vec<usize>,
    /// Findings for the current text with their severity there; `None` when stale.
    findings: Option<Vec<(Finding, Severity)>>,
    /// Whether the client has the diagnostics for the current findings.
    published: bool,
}

impl Note {
    fn new(uri: Uri, text: String, version: i32, kind: Kind, path: Option<PathBuf>) -> Note {
        let mut note = Note {
            uri,
            text,
            version,
            kind,
            path,
            lines: Vec::new(),
            findings: None,
            published: false,
        };
        note.index_lines();
        note
    }

    fn index_lines(&mut self) {
        self.lines.clear();
        self.lines.push(0);
        self.lines.extend(
            self.text
                .bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
    }

    /// Marks the findings stale.
    fn changed(&mut self) {
        self.index_lines();
        self.findings = None;
        self.published = false;
    }

    /// The line's text without its line break.
    fn line(&self, line: usize) -> (usize, &str) {
        let start = self.lines[line];
        let end = self.lines.get(line + 1).map_or(self.text.len(), |&e| e - 1);
        let text = &self.text[start..end];
        (start, text.strip_suffix('\r').unwrap_or(text))
    }

    fn position(&self, offset: usize, encoding: Encoding) -> Position {
        let offset = offset.min(self.text.len());
        let line = self.lines.partition_point(|&s| s <= offset) - 1;
        let start = self.lines[line];
        let character = match encoding {
            Encoding::Utf8 => offset - start,
            Encoding::Utf16 => self.text[start..offset].encode_utf16().count(),
        };
        Position::new(line as u32, character as u32)
    }

    /// The byte offset of a position; past the end of a line means its end,
    /// past the last line means the end of the text (as the protocol says).
    fn offset(&self, position: Position, encoding: Encoding) -> usize {
        let line = position.line as usize;
        if line >= self.lines.len() {
            return self.text.len();
        }
        let (start, text) = self.line(line);
        let wanted = position.character as usize;
        let mut units = 0;
        for (i, c) in text.char_indices() {
            if units >= wanted {
                return start + i;
            }
            units += encoding.width(c);
        }
        start + text.len()
    }

    fn range(&self, span: Span, encoding: Encoding) -> Range {
        Range::new(
            self.position(span.start, encoding),
            self.position(span.end, encoding),
        )
    }
}

/// The configuration and rules in force, built together so that a broken
/// file leaves the previous pair in place.
struct Loaded {
    settings: Settings,
    rules: RuleSet,
}

/// A problem that stopped a configuration from loading.
struct LoadProblem {
    code: String,
    message: String,
    /// The file and the byte range in it, when known.
    file: Option<(PathBuf, String, Option<Span>)>,
}

/// Where the main loop goes after a batch of messages.
enum Flow {
    Reload,
    Exit(ExitStatus),
}

struct Server<'o> {
    out: &'o mut dyn Write,
    config: ConfigArgs,
    extra_rule_dirs: Vec<PathBuf>,
    /// The workspace root: configuration is discovered from here.
    root: PathBuf,
    encoding: Encoding,
    watch: Watch,
    /// Open notes by URI (as text: `Uri` is not a good map key).
    notes: HashMap<String, Note>,
    /// Configuration and rule files that have diagnostics published on them.
    problem_files: Vec<Uri>,
    /// A configuration or rule file changed: reload after this batch.
    reload: bool,
    shut_down: bool,
    next_id: i32,
}

impl Server<'_> {
    fn run(&mut self, incoming: &Receiver<Incoming>) -> io::Result<ExitStatus> {
        if !self.initialize(incoming)? {
            return Ok(ExitStatus::Error);
        }
        let mut loaded = self.load(None);
        loop {
            // `load` checked that the engine builds; an empty rule set is the
            // last resort should that ever change.
            let empty = RuleSet {
                rules: Vec::new(),
                known_ids: Vec::new(),
            };
            let (rules, engine) = match Engine::with_options(&loaded.rules, loaded.settings.options)
            {
                Ok(engine) => (&loaded.rules, engine),
                Err(_) => (
                    &empty,
                    Engine::new(&empty).expect("no phrases, nothing to build"),
                ),
            };
            let context = Context {
                settings: &loaded.settings,
                rules,
                engine: &engine,
            };
            match self.serve(incoming, &context, &loaded)? {
                Flow::Exit(status) => return Ok(status),
                Flow::Reload => {
                    drop(engine);
                    loaded = self.load(Some(loaded));
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
                    let params: InitializeParams = match serde_json::from_value(r.params) {
                        Ok(p) => p,
                        Err(e) => {
                            self.error(r.id, ErrorCode::InvalidParams, e.to_string())?;
                            continue;
                        }
                    };
                    self.accept(&params);
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
        #[allow(deprecated)] // `root_uri` is what older clients send.
        let root = params
            .workspace_folders
            .as_ref()
            .and_then(|f| f.first())
            .map(|f| &f.uri)
            .or(params.root_uri.as_ref())
            .and_then(file_path);
        if let Some(root) = root {
            self.root = root;
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
            ..ServerCapabilities::default()
        }
    }

    /// Asks the client to report changes to configuration and rule files.
    /// Clients that cannot watch still send `didSave` for those files when
    /// they are open.
    fn register_watchers(&mut self, loaded: &Loaded) -> io::Result<()> {
        if !self.watch.dynamic {
            return Ok(());
        }
        let mut watchers = vec![FileSystemWatcher {
            glob_pattern: GlobPattern::String("**/*.{yaml,yml}".into()),
            kind: None,
        }];
        if self.watch.relative_patterns {
            for dir in &loaded.settings.rule_dirs {
                let inside = dir.canonicalize().is_ok_and(|d| d.starts_with(&self.root));
                if let (false, Some(uri)) = (inside, file_uri(dir)) {
                    watchers.push(FileSystemWatcher {
                        glob_pattern: GlobPattern::Relative(RelativePattern {
                            base_uri: OneOf::Right(uri),
                            pattern: "*.{yaml,yml}".into(),
                        }),
                        kind: None,
                    });
                }
            }
        }
        let options = DidChangeWatchedFilesRegistrationOptions { watchers };
        let params = RegistrationParams {
            registrations: vec![Registration {
                id: "regard-watch".into(),
                method: notif::DidChangeWatchedFiles::METHOD.into(),
                register_options: serde_json::to_value(options).ok(),
            }],
        };
        self.next_id += 1;
        let id = RequestId::from(format!("regard-{}", self.next_id));
        self.send(Request::new(
            id,
            req::RegisterCapability::METHOD.into(),
            params,
        ))
    }

    /// Loads the configuration and rules from the workspace root. On a
    /// problem, publishes it on the file concerned and keeps `previous` (or,
    /// the first time, the built-in rules with default settings).
    fn load(&mut self, previous: Option<Loaded>) -> Loaded {
        let result = self.try_load();
        let mut problems: Vec<(Uri, Vec<Diagnostic>)> = Vec::new();
        let loaded = match result {
            Ok(loaded) => loaded,
            Err(list) => {
                let mut unplaced = Vec::new();
                for problem in list {
                    let place = problem.file.as_ref().and_then(|(path, text, span)| {
                        Some((file_uri(path)?, text.as_str(), *span))
                    });
                    match place {
                        Some((uri, text, span)) => {
                            let diagnostic =
                                file_diagnostic(&uri, &problem, text, span, self.encoding);
                            match problems.iter_mut().find(|(u, _)| *u == uri) {
                                Some((_, list)) => list.push(diagnostic),
                                None => problems.push((uri, vec![diagnostic])),
                            }
                        }
                        None => unplaced.push(problem.message.clone()),
                    }
                }
                let fallback = if previous.is_some() {
                    "regard keeps the configuration it had"
                } else {
                    "regard uses its built-in rules until they are fixed"
                };
                let mut message =
                    format!("regard: the configuration or rules have problems; {fallback}.");
                for m in unplaced {
                    message.push('\n');
                    message.push_str(&m);
                }
                let _ = self.notify::<notif::ShowMessage>(ShowMessageParams {
                    typ: MessageType::WARNING,
                    message,
                });
                previous.unwrap_or_else(builtin)
            }
        };
        let stale: Vec<Uri> = self
            .problem_files
            .iter()
            .filter(|u| !problems.iter().any(|(p, _)| p == *u))
            .cloned()
            .collect();
        for uri in stale {
            let _ = self.publish(uri, Vec::new(), None);
        }
        self.problem_files = problems.iter().map(|(u, _)| u.clone()).collect();
        for (uri, diagnostics) in problems {
            let _ = self.publish(uri, diagnostics, None);
        }
        loaded
    }

    fn try_load(&self) -> Result<Loaded, Vec<LoadProblem>> {
        let file = if self.config.isolated {
            None
        } else {
            self.config
                .config
                .clone()
                .or_else(|| config::discover(&self.root))
        };
        let args = ConfigArgs {
            isolated: file.is_none(),
            config: file,
        };
        let problems = |e: crate::rule::RuleErrors| -> Vec<LoadProblem> {
            e.errors.iter().map(load_problem).collect()
        };
        let mut settings = Settings::load(&args).map_err(problems)?;
        settings
            .rule_dirs
            .extend(self.extra_rule_dirs.iter().cloned());
        let mut rules = RuleSet::load(true, &settings.rule_dirs).map_err(problems)?;
        settings.apply(&mut rules).map_err(problems)?;
        if let Err(e) = Engine::with_options(&rules, settings.options) {
            return Err(vec![LoadProblem {
                code: "regard::engine::build".into(),
                message: e.to_string(),
                file: None,
            }]);
        }
        Ok(Loaded { settings, rules })
    }

    /// Handles messages until the client exits or the configuration must be
    /// reloaded. Each turn handles every message already waiting, then lints
    /// and publishes the notes that changed.
    fn serve(
        &mut self,
        incoming: &Receiver<Incoming>,
        cx: &Context<'_>,
        loaded: &Loaded,
    ) -> io::Result<Flow> {
        loop {
            self.publish_stale(cx)?;
            if self.reload {
                self.reload = false;
                return Ok(Flow::Reload);
            }
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
                if let Some(status) = self.handle(message, cx, loaded)? {
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
        cx: &Context<'_>,
        loaded: &Loaded,
    ) -> io::Result<Option<ExitStatus>> {
        let message = match incoming {
            Incoming::Message(m) => m,
            Incoming::Malformed(why) => {
                self.parse_error(&why)?;
                return Ok(None);
            }
        };
        match message {
            Message::Request(r) => self.request(r, cx)?,
            Message::Notification(n) => {
                if n.method == notif::Exit::METHOD {
                    // The protocol: 0 after `shutdown`, otherwise an error.
                    return Ok(Some(if self.shut_down {
                        ExitStatus::Success
                    } else {
                        ExitStatus::Error
                    }));
                }
                self.notification(n, loaded)?;
            }
            // Answers to `client/registerCapability`: nothing to do.
            Message::Response(_) => {}
        }
        Ok(None)
    }

    fn request(&mut self, r: Request, cx: &Context<'_>) -> io::Result<()> {
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
                parse::<CodeActionParams>(r.params).map(|p| json(self.code_actions(&p, cx)))
            }
            req::HoverRequest::METHOD => {
                parse::<HoverParams>(r.params).map(|p| json(self.hover(&p, cx)))
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
    fn notification(&mut self, n: Notification, loaded: &Loaded) -> io::Result<()> {
        match n.method.as_str() {
            notif::Initialized::METHOD => self.register_watchers(loaded)?,
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
                    self.reload |= self.affects_config(&p.text_document.uri, loaded);
                }
            }
            notif::DidChangeWatchedFiles::METHOD => {
                if let Ok(p) = parse::<DidChangeWatchedFilesParams>(n.params) {
                    self.reload |= p
                        .changes
                        .iter()
                        .any(|c| self.affects_config(&c.uri, loaded));
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

    /// Whether a changed file is the configuration, a rule file, or a file
    /// that currently carries a configuration problem.
    fn affects_config(&self, uri: &Uri, loaded: &Loaded) -> bool {
        if self.problem_files.contains(uri) {
            return true;
        }
        let Some(path) = file_path(uri) else {
            return false;
        };
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if config::FILE_NAMES.contains(&name)
            || self
                .config
                .config
                .as_deref()
                .is_some_and(|c| same_file(c, &path))
        {
            return true;
        }
        let yaml = matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("yaml" | "yml")
        );
        yaml && path
            .parent()
            .is_some_and(|dir| loaded.settings.rule_dirs.iter().any(|d| same_file(d, dir)))
    }

    /// Lints and publishes every note whose diagnostics the client lacks.
    fn publish_stale(&mut self, cx: &Context<'_>) -> io::Result<()> {
        let encoding = self.encoding;
        let mut ready = Vec::new();
        for note in self.notes.values_mut().filter(|n| !n.published) {
            note.published = true;
            let note = findings(note, cx);
            let diagnostics = note
                .found()
                .iter()
                .map(|(f, level)| diagnostic(note, f, *level, cx, encoding))
                .collect();
            ready.push((note.uri.clone(), diagnostics, Some(note.version)));
        }
        for (uri, diagnostics, version) in ready {
            self.publish(uri, diagnostics, version)?;
        }
        Ok(())
    }

    fn code_actions(&mut self, p: &CodeActionParams, cx: &Context<'_>) -> Vec<CodeActionOrCommand> {
        let encoding = self.encoding;
        let uri = &p.text_document.uri;
        let Some(note) = self.notes.get_mut(uri.as_str()) else {
            return Vec::new();
        };
        let note = findings(note, cx);
        let start = note.offset(p.range.start, encoding);
        let end = note.offset(p.range.end, encoding);
        let mut actions = Vec::new();
        let mut suppressed = HashSet::new();
        for (f, level) in note.found() {
            if f.span.end < start || f.span.start > end {
                continue;
            }
            let rule = &cx.rules.rules[f.rule];
            let diagnostic = diagnostic(note, f, *level, cx, encoding);
            let range = note.range(f.span, encoding);
            if let Some(fix) = &f.fix {
                actions.push(quick_fix(
                    format!(
                        "Reword `{}` as `{}`",
                        &note.text[f.span.start..f.span.end],
                        fix.replacement
                    ),
                    uri,
                    TextEdit::new(range, fix.replacement.clone()),
                    &diagnostic,
                    fix.applicability == Applicability::Safe,
                ));
            }
            // Suppressing a finding about a suppression comment makes no sense.
            let line = range.start.line;
            if rule.engine_check.is_none() && suppressed.insert((f.rule, line)) {
                actions.push(quick_fix(
                    format!("Suppress `{}` on this line, with a reason", rule.id),
                    uri,
                    suppression(note, line as usize, &rule.id, encoding),
                    &diagnostic,
                    false,
                ));
            }
        }
        actions
    }

    fn hover(&mut self, p: &HoverParams, cx: &Context<'_>) -> Option<Hover> {
        let encoding = self.encoding;
        let at = &p.text_document_position_params;
        let note = findings(self.notes.get_mut(at.text_document.uri.as_str())?, cx);
        let offset = note.offset(at.position, encoding);
        let here: Vec<&Finding> = note
            .found()
            .iter()
            .map(|(f, _)| f)
            .filter(|f| f.span.start <= offset && offset <= f.span.end)
            .collect();
        let first = here.first()?;
        let range = note.range(first.span, encoding);
        let sections: Vec<String> = here.iter().map(|f| hover_text(f, cx)).collect();
        Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: sections.join("\n\n---\n\n"),
            }),
            range: Some(range),
        })
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

/// The rules and engine of the current configuration.
struct Context<'a> {
    settings: &'a Settings,
    rules: &'a RuleSet,
    engine: &'a Engine<'a>,
}

/// The note, linted first if its findings are stale.
fn findings<'n>(note: &'n mut Note, cx: &Context<'_>) -> &'n Note {
    if note.findings.is_none() {
        note.findings = Some(note.lint(cx));
    }
    note
}

impl Note {
    /// Findings with their severity for this note, after `exclude` and
    /// `per-file` settings, as `regard check` keeps them.
    fn lint(&self, cx: &Context<'_>) -> Vec<(Finding, Severity)> {
        if self
            .path
            .as_deref()
            .is_some_and(|p| cx.settings.excluded(p))
        {
            return Vec::new();
        }
        let name = self
            .path
            .as_ref()
            .map_or_else(String::new, |p| p.display().to_string());
        let doc = Document::new(name, self.text.clone(), self.kind);
        let rules = &cx.rules.rules;
        let findings = cx
            .engine
            .lint(&doc)
            .into_iter()
            .filter_map(|f| {
                let rule = &rules[f.rule];
                let level = match &self.path {
                    Some(path) if cx.settings.has_per_file() => {
                        cx.settings.rule_for_path(path, &rule.id, rule.severity)?
                    }
                    _ => rule.severity,
                };
                Some((f, level))
            })
            .collect();
        // An editor gets at most `MAX_PER_NOTE` diagnostics for a note, as
        // `regard check` shows at most that many (issue 18).
        crate::report::cap(findings).0
    }

    /// The findings of the last lint (see [`findings`]).
    fn found(&self) -> &[(Finding, Severity)] {
        self.findings.as_deref().unwrap_or_default()
    }
}

fn diagnostic(
    note: &Note,
    f: &Finding,
    level: Severity,
    cx: &Context<'_>,
    encoding: Encoding,
) -> Diagnostic {
    let mut message = f.message.clone();
    if let Some(first) = f.suggestions.first() {
        message.push('\n');
        message.push_str(first);
    }
    Diagnostic {
        range: note.range(f.span, encoding),
        severity: Some(match level {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
            Severity::Info => DiagnosticSeverity::INFORMATION,
        }),
        code: Some(NumberOrString::String(cx.rules.rules[f.rule].id.clone())),
        source: Some("regard".into()),
        message,
        ..Diagnostic::default()
    }
}

fn quick_fix(
    title: String,
    uri: &Uri,
    edit: TextEdit,
    diagnostic: &Diagnostic,
    preferred: bool,
) -> CodeActionOrCommand {
    CodeActionOrCommand::CodeAction(CodeAction {
        title,
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![diagnostic.clone()]),
        edit: Some(WorkspaceEdit {
            changes: Some(HashMap::from([(uri.clone(), vec![edit])])),
            ..WorkspaceEdit::default()
        }),
        is_preferred: preferred.then_some(true),
        ..CodeAction::default()
    })
}

/// The edit that suppresses `rule` on `line`: in Markdown a comment on its
/// own line above (indented like the line, so it stays in a list item), in
/// plain text a bracketed directive at the end of the line. The writer
/// replaces `reason` with theirs.
fn suppression(note: &Note, line: usize, rule: &str, encoding: Encoding) -> TextEdit {
    let (start, text) = note.line(line);
    match note.kind {
        Kind::Markdown => {
            let indent = &text[..text.len() - text.trim_start().len()];
            let at = note.position(start, encoding);
            TextEdit::new(
                Range::new(at, at),
                format!("{indent}<!-- regard-ignore {rule}: reason -->\n"),
            )
        }
        Kind::Plain => {
            let end = start + text.trim_end().len();
            let at = note.position(end, encoding);
            TextEdit::new(
                Range::new(at, at),
                format!(" [regard-ignore {rule}: reason]"),
            )
        }
    }
}

/// The rule's docs, as `regard rule ID` shows them, in Markdown.
fn hover_text(f: &Finding, cx: &Context<'_>) -> String {
    let rule = &cx.rules.rules[f.rule];
    let mut out = format!(
        "**{}** ({}): {}\n\n{}",
        rule.id,
        rule.severity.as_str(),
        rule.summary.trim(),
        f.message
    );
    for (heading, text) in [
        ("What it flags", &rule.docs.what),
        ("Why it matters", &rule.docs.why),
        ("The curious alternative", &rule.docs.curious),
    ] {
        out.push_str(&format!("\n\n**{heading}.** {}", text.trim()));
    }
    if !f.suggestions.is_empty() {
        out.push_str("\n\n**Try:**");
        for s in &f.suggestions {
            out.push_str(&format!("\n- {s}"));
        }
    }
    out
}

fn load_problem(e: &RuleError) -> LoadProblem {
    let mut message = e.message.clone();
    if !e.label.is_empty() {
        message.push_str(": ");
        message.push_str(&e.label);
    }
    if let Some(help) = &e.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    let path = PathBuf::from(e.src.name());
    let file = path.is_file().then(|| {
        let span =
            e.at.map(|at| Span::new(at.offset(), at.offset() + at.len()));
        (path, e.src.inner().to_string(), span)
    });
    LoadProblem {
        code: e.code.into(),
        message,
        file,
    }
}

/// A configuration or rule problem as a diagnostic on its file.
fn file_diagnostic(
    uri: &Uri,
    problem: &LoadProblem,
    text: &str,
    span: Option<Span>,
    encoding: Encoding,
) -> Diagnostic {
    let file = Note::new(uri.clone(), text.to_string(), 0, Kind::Plain, None);
    let span = span.unwrap_or(Span::new(0, 0));
    let span = Span::new(span.start.min(text.len()), span.end.min(text.len()));
    Diagnostic {
        range: file.range(span, encoding),
        severity: Some(DiagnosticSeverity::ERROR),
        code: Some(NumberOrString::String(problem.code.clone())),
        source: Some("regard".into()),
        message: problem.message.clone(),
        ..Diagnostic::default()
    }
}

/// The built-in rules with default settings: what a first load falls back to.
fn builtin() -> Loaded {
    let settings = Settings::load(&ConfigArgs {
        config: None,
        isolated: true,
    })
    .expect("default settings have no file to get wrong");
    let rules = RuleSet::load(true, &[]).unwrap_or(RuleSet {
        rules: Vec::new(),
        known_ids: Vec::new(),
    });
    Loaded { settings, rules }
}

/// Markdown or plain text: by extension as `regard check` decides, then by
/// the editor's language id.
fn note_kind(path: Option<&Path>, language: &str) -> Kind {
    match path.and_then(Kind::from_path) {
        Some(kind) => kind,
        None if language.eq_ignore_ascii_case("markdown") => Kind::Markdown,
        None => Kind::Plain,
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// The path of a `file:` URI, percent-decoded.
fn file_path(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    // `file://host/path`: only the local host is a path here.
    let path = match rest.find('/') {
        Some(0) => rest,
        Some(i) if rest[..i].eq_ignore_ascii_case("localhost") => &rest[i..],
        _ => return None,
    };
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let bytes = percent_decode(path.as_bytes());
    let decoded = String::from_utf8(bytes).ok()?;
    // `/C:/notes` on Windows is `C:/notes`.
    if cfg!(windows) && decoded.as_bytes().get(2) == Some(&b':') {
        return Some(PathBuf::from(&decoded[1..]));
    }
    Some(PathBuf::from(decoded))
}

/// A `file:` URI for a path (absolute, or made so from the current folder).
fn file_uri(path: &Path) -> Option<Uri> {
    let path = std::path::absolute(path).ok()?;
    let text = path.to_str()?.replace('\\', "/");
    let mut uri = String::from("file://");
    if !text.starts_with('/') {
        uri.push('/');
    }
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~:".contains(&b) {
            uri.push(b as char);
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri.parse().ok()
}

fn percent_decode(s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if s[i] == b'%' && i + 2 < s.len() {
            if let (Some(h), Some(l)) = (hex(s[i + 1]), hex(s[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(s[i]);
        i += 1;
    }
    out
}

fn parse<P: serde::de::DeserializeOwned>(params: Value) -> Result<P, String> {
    serde_json::from_value(params).map_err(|e| e.to_string())
}

fn json(value: impl serde::Serialize) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_utf16_units_or_bytes() {
        let uri = "file:///n.md".parse().unwrap();
        let note = Note::new(uri, "a\nb 😀 “x” word\n".into(), 1, Kind::Markdown, None);
        let word = note.text.find("word").unwrap();
        assert_eq!(note.position(word, Encoding::Utf16), Position::new(1, 9));
        assert_eq!(note.position(word, Encoding::Utf8), Position::new(1, 15));
        assert_eq!(note.offset(Position::new(1, 9), Encoding::Utf16), word);
        assert_eq!(note.offset(Position::new(1, 15), Encoding::Utf8), word);
        // Past the end of a line is its end; past the last line, the text's end.
        assert_eq!(note.offset(Position::new(0, 99), Encoding::Utf16), 1);
        assert_eq!(
            note.offset(Position::new(9, 0), Encoding::Utf16),
            note.text.len()
        );
    }

    #[test]
    fn file_uris_round_trip() {
        let uri: Uri = "file:///tmp/case%20notes/caf%C3%A9.md".parse().unwrap();
        let path = file_path(&uri).unwrap();
        assert_eq!(path, PathBuf::from("/tmp/case notes/café.md"));
        if !cfg!(windows) {
            assert_eq!(file_uri(&path).unwrap(), uri);
        }
        assert_eq!(file_path(&"untitled:Untitled-1".parse().unwrap()), None);
    }
}
