//! `regard check`: find the notes, check each, print in a stable order.
//!
//! Folders are walked in parallel with `ignore` (the walker ripgrep uses), so
//! `.gitignore`, `.ignore` and hidden folders are honoured the way people
//! expect. Each worker reads a note, fixes it if asked, checks it, applies
//! per-file settings and the baseline, renders its findings and drops the
//! text, so memory follows the output, not the size of the archive. Results
//! are sorted by path before printing: the output does not depend on thread
//! timing.

use std::collections::HashSet;
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use ignore::{WalkBuilder, WalkState};
use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme};

use crate::baseline::{self, Baseline};
use crate::cli::{CheckArgs, Color, Format};
use crate::config::Settings;
use crate::document::{Document, Kind};
use crate::engine::{Engine, Finding};
use crate::fix;
use crate::report::{self, concise, github, human, json, sarif, Located};
use crate::rule::{RuleSet, Severity};
use crate::{Error, ExitStatus};

/// How much of a file is looked at for NUL bytes before deciding it is binary.
const BINARY_SNIFF: usize = 8 * 1024;

enum Outcome {
    Checked {
        path: String,
        located: Vec<Located>,
        rendered: String,
        fixed: usize,
        diff: String,
    },
    Skipped {
        path: String,
        why: String,
    },
    Failed {
        path: String,
        problem: Box<dyn Diagnostic + Send + Sync>,
    },
}

impl Outcome {
    fn path(&self) -> &str {
        match self {
            Outcome::Checked { path, .. }
            | Outcome::Skipped { path, .. }
            | Outcome::Failed { path, .. } => path,
        }
    }
}

/// A note that could not be checked. The run goes on and exits 2 at the end.
#[derive(Debug, thiserror::Error, Diagnostic)]
pub enum FileProblem {
    #[error("cannot read `{path}`: {reason}")]
    #[diagnostic(code(regard::io))]
    Unreadable { path: String, reason: String },
    #[error(
        "`{path}` is not UTF-8 text: the byte at offset {offset} (line {line}) is not valid UTF-8"
    )]
    #[diagnostic(
        code(regard::encoding),
        help(
            "save the note as UTF-8 (in most editors: Save As, Encoding: UTF-8); a note exported from Word on Windows can be converted with `iconv -f WINDOWS-1252 -t UTF-8 NOTE > NOTE.utf8`"
        )
    )]
    NotUtf8 {
        path: String,
        offset: usize,
        line: usize,
    },
    #[error("`{path}` is UTF-16 text; regard reads UTF-8")]
    #[diagnostic(
        code(regard::encoding),
        help("save the note as UTF-8 (in most editors: Save As, Encoding: UTF-8), or convert it with `iconv -f UTF-16 -t UTF-8 NOTE > NOTE.utf8`")
    )]
    Utf16 { path: String },
    #[error("cannot list the notes changed since `{rev}`: {reason}")]
    #[diagnostic(
        code(regard::git),
        help("--changed-since needs git and a revision it knows, e.g. `origin/main`")
    )]
    Git { rev: String, reason: String },
}

/// Everything a worker needs, shared read-only across threads.
struct Job<'a> {
    args: &'a CheckArgs,
    settings: &'a Settings,
    rules: &'a RuleSet,
    engine: Engine<'a>,
    renderer: Option<human::Human>,
    baseline: Option<Mutex<Baseline>>,
    changed: Option<HashSet<PathBuf>>,
}

pub fn check(
    args: &CheckArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitStatus, Error> {
    let settings = Settings::for_check(args)?;
    let mut rules = RuleSet::load(true, &settings.rule_dirs)?;
    settings.apply(&mut rules)?;
    let engine = Engine::with_options(&rules, settings.options)?;
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let render_human =
        args.format == Format::Human && !args.quiet && !args.diff && args.write_baseline.is_none();
    let baseline = match &args.baseline {
        Some(path) => Some(Mutex::new(Baseline::read(path)?)),
        None => None,
    };
    let mut early = Vec::new();
    let changed = match &args.changed_since {
        Some(rev) => match changed_files(rev) {
            Ok(set) => Some(set),
            Err(reason) => {
                early.push(Outcome::Failed {
                    path: String::new(),
                    problem: Box::new(FileProblem::Git {
                        rev: rev.clone(),
                        reason,
                    }),
                });
                Some(HashSet::new())
            }
        },
        None => None,
    };
    let job = Job {
        args,
        settings: &settings,
        rules: &rules,
        engine,
        renderer: render_human.then(|| human::Human::new(color, None, settings.redact)),
        baseline,
        changed,
    };

    let mut outcomes = early;
    let mut paths = Vec::new();
    for path in &args.paths {
        if path.as_os_str() == "-" {
            let name = args
                .stdin_filename
                .clone()
                .unwrap_or_else(|| "-".to_string());
            let kind = Kind::from_path(Path::new(&name)).unwrap_or(Kind::Markdown);
            let mut bytes = Vec::new();
            outcomes.push(match io::stdin().lock().read_to_end(&mut bytes) {
                Ok(_) => match decode(name, bytes) {
                    Ok((name, text)) => job.lint(name, None, text, kind),
                    Err(outcome) => outcome,
                },
                Err(e) => unreadable(name, e.to_string()),
            });
        } else {
            paths.push(path.clone());
        }
    }
    if args.paths.is_empty() {
        paths.push(".".into());
    }
    if !paths.is_empty() {
        outcomes.extend(job.walk(&paths));
    }
    outcomes.sort_by(|a, b| a.path().cmp(b.path()));
    job.report(&outcomes, color, out, err)
}

impl Job<'_> {
    /// Walks the roots in parallel, checking every note found.
    fn walk(&self, paths: &[PathBuf]) -> Vec<Outcome> {
        let mut builder = WalkBuilder::new(&paths[0]);
        for p in &paths[1..] {
            builder.add(p);
        }
        // `.gitignore` applies in a notes folder that is not (yet) a repository too.
        builder.require_git(false);
        let results = Mutex::new(Vec::new());
        builder.build_parallel().run(|| {
            let results = &results;
            Box::new(move |entry| {
                let outcome = match entry {
                    Err(e) => {
                        let path = error_path(&e).unwrap_or_default();
                        Some(unreadable(path, io_reason(&e)))
                    }
                    Ok(entry) => self.visit(entry.path(), entry.depth() == 0, entry.file_type()),
                };
                if let Some(outcome) = outcome {
                    results
                        .lock()
                        .expect("no worker panics while holding the lock")
                        .push(outcome);
                }
                WalkState::Continue
            })
        });
        results.into_inner().expect("the walk is over")
    }

    fn visit(
        &self,
        path: &Path,
        explicit: bool,
        file_type: Option<std::fs::FileType>,
    ) -> Option<Outcome> {
        let is_dir = file_type.is_some_and(|t| t.is_dir()) || (explicit && path.is_dir());
        let is_file = file_type.is_some_and(|t| t.is_file()) || explicit;
        if is_dir || !is_file || self.settings.excluded(path) {
            return None;
        }
        if let Some(changed) = &self.changed {
            if !path.canonicalize().is_ok_and(|p| changed.contains(&p)) {
                return None;
            }
        }
        // A file named on the command line is checked whatever its name.
        let kind = match Kind::from_path(path) {
            Some(kind) => kind,
            None if explicit && self.changed.is_none() => Kind::Plain,
            None => return None,
        };
        let name = display_path(path);
        let limit = self.settings.max_file_size;
        if let Ok(meta) = std::fs::metadata(path) {
            if meta.len() > limit {
                let why = format!(
                    "it is {} bytes, over the {limit}-byte limit for one note (raise it with --max-file-size or `max-file-size`)",
                    meta.len()
                );
                return Some(Outcome::Skipped { path: name, why });
            }
        }
        Some(match std::fs::read(path) {
            Ok(bytes) => match decode(name, bytes) {
                Ok((name, text)) => self.lint(name, Some(path), text, kind),
                Err(outcome) => outcome,
            },
            Err(e) => unreadable(name, e.to_string()),
        })
    }

    /// Fixes (if asked), checks and renders one note.
    fn lint(&self, name: String, path: Option<&Path>, original: String, kind: Kind) -> Outcome {
        let args = self.args;
        let fixing = args.fix || args.diff;
        let mut text = original.clone();
        let mut fixed = 0;
        if fixing {
            for _ in 0..fix::MAX_ROUNDS {
                let doc = Document::new(name.clone(), text, kind);
                let findings = self.kept(&doc, self.engine.lint(&doc));
                let edits: Vec<_> = findings
                    .iter()
                    .filter_map(|(f, _)| {
                        f.fix
                            .as_ref()
                            .filter(|e| fix::wanted(e, args.unsafe_fixes))
                            .map(|e| (f.span, e.replacement.as_str()))
                    })
                    .collect();
                text = doc.text.clone();
                if edits.is_empty() {
                    break;
                }
                fixed += edits.len();
                text = fix::apply(&text, &edits);
            }
        }
        let mut diff = String::new();
        if text != original {
            if args.diff {
                diff = fix::diff(&name, &original, &text);
            } else if let Some(path) = path {
                if let Err(e) = fix::write_atomic(path, &original, &text) {
                    return Outcome::Failed {
                        path: name,
                        problem: Box::new(e),
                    };
                }
            } else {
                // Fixed text from standard input goes to standard output.
                diff = text.clone();
            }
        }
        let doc = Document::new(name, if args.diff { original } else { text }, kind);
        let kept = self.kept(&doc, self.engine.lint(&doc));
        let findings: Vec<Finding> = kept.iter().map(|(f, _)| f.clone()).collect();
        let mut located = report::locate(&doc, &findings, &self.rules.rules);
        for (l, (_, level)) in located.iter_mut().zip(&kept) {
            l.level = *level;
            l.severity = level.as_str();
        }
        let mut mask = vec![true; located.len()];
        if let Some(baseline) = &self.baseline {
            let mut baseline = baseline
                .lock()
                .expect("no worker panics while holding the lock");
            for (keep, l) in mask.iter_mut().zip(&located) {
                *keep = !baseline.excuses(l);
            }
        }
        let mut i = 0;
        located.retain(|_| {
            i += 1;
            mask[i - 1]
        });
        let shown: Vec<(Finding, Severity)> = kept
            .into_iter()
            .zip(&mask)
            .filter(|(_, &keep)| keep)
            .map(|(fl, _)| fl)
            .collect();
        let rendered = self
            .renderer
            .as_ref()
            .map(|r| r.render(&doc, &shown, &located, &self.rules.rules))
            .unwrap_or_default();
        Outcome::Checked {
            path: doc.path,
            located,
            rendered,
            fixed,
            diff,
        }
    }

    /// Findings that per-file settings keep, with their severity there.
    fn kept(&self, doc: &Document, findings: Vec<Finding>) -> Vec<(Finding, Severity)> {
        let rules = &self.rules.rules;
        if !self.settings.has_per_file() {
            return findings
                .into_iter()
                .map(|f| {
                    let s = rules[f.rule].severity;
                    (f, s)
                })
                .collect();
        }
        let path = Path::new(&doc.path);
        findings
            .into_iter()
            .filter_map(|f| {
                let rule = &rules[f.rule];
                self.settings
                    .rule_for_path(path, &rule.id, rule.severity)
                    .map(|level| (f, level))
            })
            .collect()
    }

    fn report(
        &self,
        outcomes: &[Outcome],
        color: bool,
        out: &mut dyn Write,
        err: &mut dyn Write,
    ) -> Result<ExitStatus, Error> {
        let args = self.args;
        let theme = if color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        let handler = GraphicalReportHandler::new_themed(theme);
        let mut failed = false;
        let mut fails_run = false;
        let mut checked = 0;
        let mut with_findings = 0;
        let mut fixed = 0;
        let mut all: Vec<&Located> = Vec::new();
        let mut text = String::new();
        for outcome in outcomes {
            match outcome {
                Outcome::Checked {
                    located,
                    rendered,
                    fixed: n,
                    diff,
                    ..
                } => {
                    checked += 1;
                    fixed += n;
                    with_findings += usize::from(!located.is_empty());
                    fails_run |= located.iter().any(|l| self.settings.fail_on.fails(l.level));
                    all.extend(located);
                    text.push_str(diff);
                    text.push_str(rendered);
                }
                Outcome::Skipped { path, why } => {
                    let _ = writeln!(err, "regard: skipped `{path}`: {why}");
                }
                Outcome::Failed { problem, .. } => {
                    failed = true;
                    let mut s = String::new();
                    handler
                        .render_report(&mut s, problem.as_ref())
                        .expect("writing to a String cannot fail");
                    let _ = write!(err, "{s}");
                }
            }
        }
        if let Some(path) = &args.write_baseline {
            let written = std::fs::write(path, baseline::render(&all));
            if let Err(e) = written {
                let problem = FileProblem::Unreadable {
                    path: path.display().to_string(),
                    reason: e.to_string(),
                };
                let mut s = String::new();
                handler
                    .render_report(&mut s, &problem)
                    .expect("writing to a String cannot fail");
                let _ = write!(err, "{s}");
                return Ok(ExitStatus::Error);
            }
            let line = format!(
                "regard: wrote {} to `{}`; later runs with --baseline report only new ones.\n",
                report::plural(all.len(), "finding", "findings"),
                path.display()
            );
            return finish(
                out,
                &line,
                if failed {
                    ExitStatus::Error
                } else {
                    ExitStatus::Success
                },
            );
        }
        let owned: Vec<Located> = if self.settings.redact {
            all.iter().map(|l| l.redacted(&self.rules.rules)).collect()
        } else {
            all.iter().map(|&l| l.clone()).collect()
        };
        match args.format {
            _ if args.quiet => {
                text = format!("{}\n", human::summary(all.len(), with_findings, checked))
            }
            Format::Human => {
                if args.diff {
                    let n = report::plural(fixed, "phrase", "phrases");
                    text.push_str(&format!(
                        "regard: --fix would reword {n}; nothing was written.\n"
                    ));
                } else if fixed > 0 {
                    text.push_str(&format!(
                        "regard: fixed {}.\n",
                        report::plural(fixed, "phrase", "phrases")
                    ));
                }
                text.push_str(&format!(
                    "{}\n",
                    human::summary(all.len(), with_findings, checked)
                ));
            }
            Format::Json => text = json::render(&owned, checked),
            Format::Concise => text = concise::render(&owned),
            Format::Github => text = github::render(&owned),
            Format::Sarif => text = sarif::render(&owned, &self.rules.rules),
        }
        let status = if failed {
            ExitStatus::Error
        } else if fails_run && !args.diff {
            ExitStatus::Findings
        } else {
            ExitStatus::Success
        };
        finish(out, &text, status)
    }
}

fn finish(out: &mut dyn Write, text: &str, status: ExitStatus) -> Result<ExitStatus, Error> {
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(status),
        // Someone read as much as they wanted (`regard check … | head`): not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(ExitStatus::Success),
        Err(e) => Err(Error::Output(e)),
    }
}

fn unreadable(path: String, reason: String) -> Outcome {
    Outcome::Failed {
        path: path.clone(),
        problem: Box::new(FileProblem::Unreadable { path, reason }),
    }
}

/// Text from bytes, or why not: a binary file is skipped, UTF-16 and invalid
/// UTF-8 are errors that say how to convert.
fn decode(name: String, bytes: Vec<u8>) -> Result<(String, String), Outcome> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Outcome::Failed {
            path: name.clone(),
            problem: Box::new(FileProblem::Utf16 { path: name }),
        });
    }
    if bytes[..bytes.len().min(BINARY_SNIFF)].contains(&0) {
        return Err(Outcome::Skipped {
            path: name,
            why: "it looks like a binary file (it contains NUL bytes)".into(),
        });
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok((name, text)),
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let line = e.as_bytes()[..offset]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1;
            Err(Outcome::Failed {
                path: name.clone(),
                problem: Box::new(FileProblem::NotUtf8 {
                    path: name,
                    offset,
                    line,
                }),
            })
        }
    }
}

/// Absolute paths of the files changed since `rev` (committed or not) and
/// of new files git does not ignore.
fn changed_files(rev: &str) -> Result<HashSet<PathBuf>, String> {
    let git = |args: &[&str]| -> Result<Vec<u8>, String> {
        let out = std::process::Command::new("git")
            .args(args)
            .output()
            .map_err(|e| format!("cannot run git: {e}"))?;
        if !out.status.success() {
            return Err(String::from_utf8_lossy(&out.stderr).trim().to_string());
        }
        Ok(out.stdout)
    };
    let top = git(&["rev-parse", "--show-toplevel"])?;
    let top = PathBuf::from(String::from_utf8_lossy(&top).trim());
    let mut names = git(&["diff", "--name-only", "-z", "--diff-filter=ACMR", rev, "--"])?;
    names.extend(git(&[
        "ls-files",
        "-z",
        "--others",
        "--exclude-standard",
        "--full-name",
    ])?);
    Ok(names
        .split(|&b| b == 0)
        .filter(|n| !n.is_empty())
        .filter_map(|n| {
            top.join(String::from_utf8_lossy(n).as_ref())
                .canonicalize()
                .ok()
        })
        .collect())
}

fn display_path(path: &Path) -> String {
    let s = path.to_string_lossy();
    s.strip_prefix("./").unwrap_or(&s).replace('\\', "/")
}

fn error_path(e: &ignore::Error) -> Option<String> {
    match e {
        ignore::Error::WithPath { path, .. } => Some(display_path(path)),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        ignore::Error::Loop { child, .. } => Some(display_path(child)),
        _ => None,
    }
}

fn io_reason(e: &ignore::Error) -> String {
    match e {
        ignore::Error::WithPath { err, .. } => io_reason(err),
        ignore::Error::WithDepth { err, .. } => io_reason(err),
        other => other.to_string(),
    }
}
