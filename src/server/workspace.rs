//! Configuration and rules: loading them from a workspace folder, telling
//! the client about problems in them, and noticing when they change.

use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use lsp_server::{Request, RequestId};
use lsp_types::notification::{self as notif, Notification as _};
use lsp_types::request::{self as req, Request as _};
use lsp_types::{
    Diagnostic, DiagnosticSeverity, DidChangeWatchedFilesRegistrationOptions, FileSystemWatcher,
    GlobPattern, MessageType, NumberOrString, OneOf, Registration, RegistrationParams,
    RelativePattern, ShowMessageParams, Uri,
};

use crate::config::{self, Configuration, Origin, Overrides, Settings};
use crate::document::{Kind, Span};
use crate::engine::{BuildError, Engine};
use crate::rule::{RuleError, RuleSet};

use super::note::{Encoding, Note};
use super::uri::{file_path, file_uri};
use super::Server;

/// A workspace folder: the configuration and rules its notes are checked
/// with, and the files they were read from.
pub(super) struct Folder {
    pub(super) root: PathBuf,
    pub(super) loaded: Loaded,
    /// What `loaded` replaced, in case its engine does not build.
    pub(super) previous: Option<Loaded>,
    pub(super) sources: Sources,
    /// Files that carry diagnostics for this folder's problems.
    pub(super) problem_files: Vec<Uri>,
}

/// The configuration and rules in force, loaded together so that a broken
/// file leaves the previous pair in place.
pub(super) struct Loaded {
    pub(super) settings: Settings,
    pub(super) rules: RuleSet,
    /// The built-in rules with default settings, for want of a configuration that loads.
    pub(super) builtin: bool,
}

impl Loaded {
    /// The engine for these rules: built once per load, in the main loop.
    pub(super) fn engine(&self) -> Result<Engine<'_>, BuildError> {
        Engine::with_options(&self.rules, self.settings.options)
    }
}

/// A problem that stopped a configuration from loading.
pub(super) struct LoadProblem {
    pub(super) code: String,
    pub(super) message: String,
    /// The file and the byte range in it, when known.
    pub(super) file: Option<(PathBuf, String, Option<Span>)>,
}

/// The files a configuration was read from, each with its modification time
/// and size when it was read: comparing them with the disk before a lint
/// costs a few `stat` calls, and notices a change that no client reported
/// (Neovim on Linux and Kakoune do not watch files).
#[derive(Debug, Default)]
pub(super) struct Sources {
    /// The configuration file found (or given); `None` when there was none.
    config: Option<PathBuf>,
    /// The configuration, each rule folder (its time changes when a file is
    /// added or removed) and each rule file in them.
    stamps: Vec<(PathBuf, Option<Stamp>)>,
}

type Stamp = (SystemTime, u64);

fn stamp(path: &Path) -> Option<Stamp> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

impl Sources {
    fn new(config: Option<PathBuf>) -> Sources {
        let mut sources = Sources {
            stamps: Vec::new(),
            config,
        };
        if let Some(file) = &sources.config {
            sources.stamps.push((file.clone(), stamp(file)));
        }
        sources
    }

    /// Stamps a rule folder and the YAML files in it (`RuleSet::load` reads
    /// no deeper).
    fn add_dir(&mut self, dir: &Path) {
        self.stamps.push((dir.to_path_buf(), stamp(dir)));
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        let mut files: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml")))
            .collect();
        files.sort();
        for file in files {
            let stamp = stamp(&file);
            self.stamps.push((file, stamp));
        }
    }

    /// Whether the disk differs from what was read: another configuration
    /// file would be found, or a file or folder read has changed.
    fn changed(&self, config: Option<&Path>) -> bool {
        self.config.as_deref() != config || self.stamps.iter().any(|(p, s)| stamp(p) != *s)
    }
}

impl Server<'_> {
    /// The configuration file for a folder: the one given, none when
    /// isolated, otherwise the one found from the folder up to its repository's root.
    fn config_file(&self, root: &Path) -> Option<PathBuf> {
        if self.config.isolated {
            None
        } else {
            self.config.file.clone().or_else(|| config::discover(root))
        }
    }

    /// Whether a folder's configuration must be read again.
    pub(super) fn sources_changed(&self, folder: &Folder) -> bool {
        folder
            .sources
            .changed(self.config_file(&folder.root).as_deref())
    }

    /// Brings `folders` in line with the workspace folders: loads new ones,
    /// drops removed ones, and reloads the rest when `all` or when their
    /// files changed.
    pub(super) fn refresh(&mut self, folders: &mut Vec<Folder>, all: bool) {
        let mut old: Vec<Option<Folder>> = std::mem::take(folders).into_iter().map(Some).collect();
        for root in self.roots.clone() {
            let existing = old
                .iter_mut()
                .find(|f| f.as_ref().is_some_and(|f| f.root == root))
                .and_then(Option::take);
            folders.push(match existing {
                Some(folder) if !all && !self.sources_changed(&folder) => folder,
                existing => self.load(root, existing),
            });
        }
        for gone in old.into_iter().flatten() {
            for uri in gone.problem_files {
                if !folders.iter().any(|f| f.problem_files.contains(&uri)) {
                    let _ = self.publish(uri, Vec::new(), None);
                }
            }
        }
    }

    /// Asks the client to report changes to configuration and rule files.
    /// Plain globs: kak-lsp rejects brace globs (`*.{yaml,yml}`), and some
    /// clients leave dot files out of `*`. Clients that cannot watch still
    /// send `didSave` for those files when they are open, and every lint
    /// first compares the files' times and sizes with the disk.
    pub(super) fn register_watchers(&mut self, folders: &[Folder]) -> io::Result<()> {
        if !self.watch.dynamic {
            return Ok(());
        }
        let mut watchers: Vec<FileSystemWatcher> = ["**/*.yaml", "**/*.yml", "**/.regard.yaml"]
            .into_iter()
            .map(|glob| FileSystemWatcher {
                glob_pattern: GlobPattern::String(glob.into()),
                kind: None,
            })
            .collect();
        if self.watch.relative_patterns {
            let mut outside: Vec<&PathBuf> = Vec::new();
            for dir in folders.iter().flat_map(|f| &f.loaded.settings.rule_dirs) {
                let canonical = dir.canonicalize();
                let inside = canonical
                    .as_ref()
                    .is_ok_and(|d| self.roots.iter().any(|r| d.starts_with(r)));
                if !inside && !outside.contains(&dir) {
                    outside.push(dir);
                }
            }
            for dir in outside {
                let Some(uri) = file_uri(dir) else { continue };
                for pattern in ["*.yaml", "*.yml"] {
                    watchers.push(FileSystemWatcher {
                        glob_pattern: GlobPattern::Relative(RelativePattern {
                            base_uri: OneOf::Right(uri.clone()),
                            pattern: pattern.into(),
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

    /// Loads a folder's configuration and rules. On a problem, tells the
    /// user which file, line and problem (a message, and diagnostics on the
    /// file) and keeps what `old` had (or, the first time, the built-in
    /// rules with default settings).
    pub(super) fn load(&mut self, root: PathBuf, old: Option<Folder>) -> Folder {
        let file = self.config_file(&root);
        let mut sources = Sources::new(file.clone());
        let result = self.try_load(file, &mut sources);
        let (previous, old_problems) = match old {
            Some(f) => (Some(f.loaded), f.problem_files),
            None => (None, Vec::new()),
        };
        let mut problems: Vec<(Uri, Vec<Diagnostic>)> = Vec::new();
        let (loaded, previous) = match result {
            Ok(loaded) => (loaded, previous),
            Err(list) => {
                let mut lines = Vec::new();
                for problem in list {
                    lines.push(problem_line(&problem, &root));
                    let place = problem.file.as_ref().and_then(|(path, text, span)| {
                        Some((file_uri(path)?, text.as_str(), *span))
                    });
                    if let Some((uri, text, span)) = place {
                        let diagnostic = file_diagnostic(&uri, &problem, text, span, self.encoding);
                        match problems.iter_mut().find(|(u, _)| *u == uri) {
                            Some((_, list)) => list.push(diagnostic),
                            None => problems.push((uri, vec![diagnostic])),
                        }
                    }
                }
                let kept = previous.unwrap_or_else(builtin);
                let fallback = if kept.builtin {
                    "regard uses its built-in rules until this is fixed."
                } else {
                    "regard keeps the configuration it had until this is fixed."
                };
                let _ = self.notify::<notif::ShowMessage>(ShowMessageParams {
                    typ: MessageType::WARNING,
                    message: format!("regard: {}\n{fallback}", lines.join("\n")),
                });
                (kept, None)
            }
        };
        for uri in old_problems {
            if !problems.iter().any(|(p, _)| *p == uri) {
                let _ = self.publish(uri, Vec::new(), None);
            }
        }
        let problem_files = problems.iter().map(|(u, _)| u.clone()).collect();
        for (uri, diagnostics) in problems {
            let _ = self.publish(uri, diagnostics, None);
        }
        Folder {
            root,
            loaded,
            previous,
            sources,
            problem_files,
        }
    }

    fn try_load(
        &self,
        file: Option<PathBuf>,
        sources: &mut Sources,
    ) -> Result<Loaded, Vec<LoadProblem>> {
        let origin = Origin {
            isolated: file.is_none(),
            file,
        };
        let Configuration { settings, rules } = Configuration::load_noting(
            &origin,
            &self.extra_rule_dirs,
            &Overrides::default(),
            &mut |dir| sources.add_dir(dir),
        )
        .map_err(|e| e.errors.iter().map(load_problem).collect::<Vec<_>>())?;
        Ok(Loaded {
            settings,
            rules,
            builtin: false,
        })
    }

    /// Whether a changed file is a configuration, a rule file, or a file
    /// that currently carries a configuration problem.
    pub(super) fn affects_config(&self, uri: &Uri, folders: &[Folder]) -> bool {
        if folders.iter().any(|f| f.problem_files.contains(uri)) {
            return true;
        }
        let Some(path) = file_path(uri) else {
            return false;
        };
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if config::FILE_NAMES.contains(&name)
            || self
                .config
                .file
                .as_deref()
                .is_some_and(|c| same_file(c, &path))
        {
            return true;
        }
        let yaml = matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("yaml" | "yml")
        );
        yaml && path.parent().is_some_and(|dir| {
            folders
                .iter()
                .flat_map(|f| &f.loaded.settings.rule_dirs)
                .any(|d| same_file(d, dir))
        })
    }
}

/// One problem as the user reads it: `file:line:column: message`, the
/// file relative to the workspace folder when it is inside it.
fn problem_line(problem: &LoadProblem, root: &Path) -> String {
    let Some((path, text, span)) = &problem.file else {
        return problem.message.clone();
    };
    let shown = path.strip_prefix(root).unwrap_or(path);
    let at = span.map_or(0, |s| s.start.min(text.len()));
    let at = (0..=at)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before[before.rfind('\n').map_or(0, |i| i + 1)..]
        .chars()
        .count()
        + 1;
    format!("{}:{line}:{column}: {}", shown.display(), problem.message)
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
    let origin = Origin {
        file: None,
        isolated: true,
    };
    let settings =
        Settings::load(&origin, &[]).expect("default settings have no file to get wrong");
    let rules = RuleSet::load(true, &[]).unwrap_or(RuleSet {
        rules: Vec::new(),
        known_ids: Vec::new(),
        vocabularies: Vec::new(),
    });
    Loaded {
        settings,
        rules,
        builtin: true,
    }
}

pub(super) fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}
