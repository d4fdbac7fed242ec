//! Configuration and rules: loading them from a workspace folder, telling
//! the client about problems in them, and noticing when they change.

use std::io;
use std::path::{Path, PathBuf};

use lsp_server::{Request, RequestId};
use lsp_types::notification::{self as notif, Notification as _};
use lsp_types::request::{self as req, Request as _};
use lsp_types::{
    Diagnostic, DiagnosticSeverity, DidChangeWatchedFilesRegistrationOptions, FileSystemWatcher,
    GlobPattern, MessageType, NumberOrString, OneOf, Registration, RegistrationParams,
    RelativePattern, ShowMessageParams, Uri,
};

use crate::cli::ConfigArgs;
use crate::config::{self, Settings};
use crate::document::{Kind, Span};
use crate::engine::Engine;
use crate::rule::{RuleError, RuleSet};

use super::note::{Encoding, Note};
use super::uri::{file_path, file_uri};
use super::Server;

/// The configuration and rules in force, built together so that a broken
/// file leaves the previous pair in place.
pub(super) struct Loaded {
    pub(super) settings: Settings,
    pub(super) rules: RuleSet,
}

/// A problem that stopped a configuration from loading.
pub(super) struct LoadProblem {
    pub(super) code: String,
    pub(super) message: String,
    /// The file and the byte range in it, when known.
    pub(super) file: Option<(PathBuf, String, Option<Span>)>,
}

impl Server<'_> {
    /// Asks the client to report changes to configuration and rule files.
    /// Clients that cannot watch still send `didSave` for those files when
    /// they are open.
    pub(super) fn register_watchers(&mut self, loaded: &Loaded) -> io::Result<()> {
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
    pub(super) fn load(&mut self, previous: Option<Loaded>) -> Loaded {
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

    pub(super) fn try_load(&self) -> Result<Loaded, Vec<LoadProblem>> {
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

    /// Whether a changed file is the configuration, a rule file, or a file
    /// that currently carries a configuration problem.
    pub(super) fn affects_config(&self, uri: &Uri, loaded: &Loaded) -> bool {
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
}

pub(super) fn load_problem(e: &RuleError) -> LoadProblem {
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
pub(super) fn file_diagnostic(
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
pub(super) fn builtin() -> Loaded {
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

pub(super) fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}
