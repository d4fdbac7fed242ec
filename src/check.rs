//! `regard check`: find the notes, check each, print in a stable order.
//!
//! Folders are walked in parallel with `ignore` (the walker ripgrep uses), so
//! `.gitignore`, `.ignore` and hidden folders are honoured the way people
//! expect. Each worker reads a note, checks it, renders its findings and drops
//! the text, so memory follows the output, not the size of the archive.
//! Results are sorted by path before printing: the output does not depend on
//! thread timing.

use std::io::{self, IsTerminal, Read, Write};
use std::path::Path;
use std::sync::Mutex;

use ignore::{WalkBuilder, WalkState};
use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme};

use crate::cli::{CheckArgs, Color, Format};
use crate::document::{Document, Kind};
use crate::engine::Engine;
use crate::report::{self, human, json, Located};
use crate::rule::RuleSet;
use crate::{Error, ExitStatus};

/// How much of a file is looked at for NUL bytes before deciding it is binary.
const BINARY_SNIFF: usize = 8 * 1024;

enum Outcome {
    Checked {
        path: String,
        located: Vec<Located>,
        rendered: String,
    },
    Skipped {
        path: String,
        why: String,
    },
    Failed {
        path: String,
        problem: FileProblem,
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
}

pub fn check(
    args: &CheckArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitStatus, Error> {
    let rules = RuleSet::load(true, &args.rules.rule_dirs)?;
    let engine = Engine::new(&rules)?;
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let renderer =
        (args.format == Format::Human && !args.quiet).then(|| human::Human::new(color, None));
    let lint = |path: String, text: String, kind: Kind| -> Outcome {
        let doc = Document::new(path, text, kind);
        let findings = engine.lint(&doc);
        let rendered = renderer
            .as_ref()
            .map(|r| r.render(&doc, &findings, &rules.rules))
            .unwrap_or_default();
        let located = report::locate(&doc, &findings, &rules.rules);
        Outcome::Checked {
            path: doc.path,
            located,
            rendered,
        }
    };

    let mut outcomes = Vec::new();
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
                Ok(_) => {
                    decode(name, bytes).map_or_else(|o| o, |(name, text)| lint(name, text, kind))
                }
                Err(e) => Outcome::Failed {
                    path: name.clone(),
                    problem: FileProblem::Unreadable {
                        path: name,
                        reason: e.to_string(),
                    },
                },
            });
        } else {
            paths.push(path.clone());
        }
    }
    if args.paths.is_empty() {
        paths.push(".".into());
    }
    if !paths.is_empty() {
        outcomes.extend(walk(&paths, &lint));
    }
    outcomes.sort_by(|a, b| a.path().cmp(b.path()));

    report(args, &outcomes, color, out, err)
}

/// Walks the roots in parallel, checking every note found.
fn walk(
    paths: &[std::path::PathBuf],
    lint: &(dyn Fn(String, String, Kind) -> Outcome + Sync),
) -> Vec<Outcome> {
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
                    Some(Outcome::Failed {
                        path: path.clone(),
                        problem: FileProblem::Unreadable {
                            path,
                            reason: io_reason(&e),
                        },
                    })
                }
                Ok(entry) => {
                    let explicit = entry.depth() == 0;
                    let is_dir = entry.file_type().is_some_and(|t| t.is_dir())
                        || (explicit && entry.path().is_dir());
                    let kind = Kind::from_path(entry.path());
                    let is_file = entry.file_type().is_some_and(|t| t.is_file()) || explicit;
                    match (is_dir, is_file, kind) {
                        (false, true, Some(kind)) => Some(read_and_lint(entry.path(), kind, lint)),
                        // A file named on the command line is checked whatever its name.
                        (false, true, None) if explicit => {
                            Some(read_and_lint(entry.path(), Kind::Plain, lint))
                        }
                        _ => None,
                    }
                }
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

fn read_and_lint(
    path: &Path,
    kind: Kind,
    lint: &dyn Fn(String, String, Kind) -> Outcome,
) -> Outcome {
    let name = display_path(path);
    match std::fs::read(path) {
        Ok(bytes) => match decode(name, bytes) {
            Ok((name, text)) => lint(name, text, kind),
            Err(outcome) => outcome,
        },
        Err(e) => Outcome::Failed {
            path: name.clone(),
            problem: FileProblem::Unreadable {
                path: name,
                reason: e.to_string(),
            },
        },
    }
}

/// Text from bytes, or why not: a binary file is skipped, invalid UTF-8 is an error.
fn decode(name: String, bytes: Vec<u8>) -> Result<(String, String), Outcome> {
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
                problem: FileProblem::NotUtf8 {
                    path: name,
                    offset,
                    line,
                },
            })
        }
    }
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

fn report(
    args: &CheckArgs,
    outcomes: &[Outcome],
    color: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitStatus, Error> {
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
    let mut all: Vec<&Located> = Vec::new();
    let mut text = String::new();
    for outcome in outcomes {
        match outcome {
            Outcome::Checked {
                located, rendered, ..
            } => {
                checked += 1;
                with_findings += usize::from(!located.is_empty());
                fails_run |= located.iter().any(|l| args.fail_on.fails(l.level));
                all.extend(located);
                text.push_str(rendered);
            }
            Outcome::Skipped { path, why } => {
                let _ = writeln!(err, "regard: skipped `{path}`: {why}");
            }
            Outcome::Failed { problem, .. } => {
                failed = true;
                let mut s = String::new();
                handler
                    .render_report(&mut s, problem)
                    .expect("writing to a String cannot fail");
                let _ = write!(err, "{s}");
            }
        }
    }
    match args.format {
        Format::Json if !args.quiet => {
            let owned: Vec<Located> = all.iter().map(|&l| l.clone()).collect();
            text = json::render(&owned, checked);
        }
        _ => text.push_str(&format!(
            "{}\n",
            human::summary(all.len(), with_findings, checked)
        )),
    }
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => {}
        // Someone read as much as they wanted (`regard check … | head`): not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(ExitStatus::Success),
        Err(e) => return Err(Error::Output(e)),
    }
    Ok(if failed {
        ExitStatus::Error
    } else if fails_run {
        ExitStatus::Findings
    } else {
        ExitStatus::Success
    })
}
