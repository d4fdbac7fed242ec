//! `regard check`: find the notes, check each, print in a stable order.
//!
//! Folders are walked in parallel with `ignore` (the walker ripgrep uses), so
//! `.gitignore`, `.ignore` and hidden folders are honoured the way people
//! expect. Each worker reads a note, fixes it if asked, checks it, applies
//! per-file settings and the baseline, renders its findings and drops the
//! text, so memory follows the output, not the size of the archive. Results
//! are sorted by path before printing: the output does not depend on thread
//! timing.

use std::collections::{BTreeMap, HashSet};
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{mpsc, Mutex};

use ignore::{WalkBuilder, WalkState};
use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme};

use crate::baseline::{self, Baseline};
use crate::cli::{CheckArgs, Format};
use crate::config::Settings;
use crate::document::{Document, Kind};
use crate::engine::{Engine, Finding, Options};
use crate::fix;
use crate::read::{self, ReadError};
use crate::report::source::{one_line, printable};
use crate::report::{self, concise, github, human, json, sarif, Located};
use crate::rule::{RuleSet, Severity};
use crate::{Error, ExitStatus};

/// How much of a file is looked at for NUL bytes before deciding it is binary.
const BINARY_SNIFF: usize = 8 * 1024;

enum Outcome {
    Checked {
        /// The note's output in the chosen format, rendered by the worker.
        rendered: String,
        /// How many findings are shown, and whether one fails the run.
        findings: usize,
        fails_run: bool,
        /// The findings themselves, only for outputs about the whole run
        /// (SARIF, `--write-baseline`): otherwise the worker that made them
        /// frees them (freeing on another thread's heap takes its lock).
        kept: Vec<Located>,
        /// The note's name and what `--max-findings-per-note` left out of
        /// its report, if anything.
        left_out: Option<Box<(String, report::LeftOut)>>,
        fixed: usize,
        diff: String,
    },
    Skipped {
        path: String,
        why: String,
    },
    Failed {
        problem: Box<dyn Diagnostic + Send + Sync>,
    },
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
    #[error("`{path}` is UTF-32 text; regard reads UTF-8")]
    #[diagnostic(
        code(regard::encoding),
        help("save the note as UTF-8 (in most editors: Save As, Encoding: UTF-8), or convert it with `iconv -f UTF-32 -t UTF-8 NOTE > NOTE.utf8`")
    )]
    Utf32 { path: String },
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

/// A run refused before it starts: what was asked would be unsafe.
#[derive(Debug, thiserror::Error, Diagnostic)]
pub enum Refused {
    #[error("`{0}` is not a revision: a revision never starts with `-`")]
    #[diagnostic(
        code(regard::git),
        help("--changed-since takes a branch, tag or commit, e.g. `origin/main`; git would read a name starting with `-` as one of its options")
    )]
    OptionLikeRevision(String),
    #[error(
        "--fix on standard input prints the fixed note, and --redact forbids printing note text"
    )]
    #[diagnostic(
        code(regard::redact),
        help("fix the note as a file (`regard check --fix NOTE`), use --diff to count what would change, or leave out --redact")
    )]
    RedactedStandardInputFix,
}

/// Everything a worker needs, shared read-only across threads.
struct Job<'a> {
    args: &'a CheckArgs,
    settings: &'a Settings,
    rules: &'a RuleSet,
    engine: Engine<'a>,
    renderer: Option<human::Human>,
    baseline: Option<Mutex<Baseline>>,
}

/// What the walk needs to choose notes, and where it tells how far it has got.
struct Walk<'a> {
    settings: &'a Settings,
    changed: Option<&'a HashSet<PathBuf>>,
}

pub fn check(
    args: &CheckArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitStatus, Error> {
    if let Some(rev) = args.changed_since.as_ref().filter(|r| r.starts_with('-')) {
        return Err(Refused::OptionLikeRevision(one_line(rev).into_owned()).into());
    }
    let settings = Settings::for_check(args)?;
    let from_stdin = args.paths.iter().any(|p| p.as_os_str() == "-");
    if settings.redact && args.fix && !args.diff && from_stdin {
        return Err(Refused::RedactedStandardInputFix.into());
    }
    let mut rules = RuleSet::load(true, &settings.rule_dirs)?;
    settings.apply(&mut rules)?;
    // A few named files (as a pre-commit hook passes them) are checked
    // sooner without building the DFAs that pay off over whole folders.
    let few_files = !args.paths.is_empty()
        && args.paths.len() <= 64
        && args
            .paths
            .iter()
            .all(|p| p.as_os_str() == "-" || p.is_file());
    let options = Options {
        fast_scan: !few_files,
        fingerprints: args.baseline.is_some()
            || args.write_baseline.is_some()
            || args.format == Format::Sarif,
        ..settings.options
    };
    let color = args.color.enabled(io::stdout().is_terminal());
    let width = crate::cli::terminal_width(io::stdout().is_terminal());
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
                    problem: Box::new(FileProblem::Git {
                        rev: one_line(rev).into_owned(),
                        reason: printable(&reason).into_owned(),
                    }),
                });
                Some(HashSet::new())
            }
        },
        None => None,
    };
    let paths: Vec<PathBuf> = if args.paths.is_empty() {
        vec![".".into()]
    } else {
        args.paths
            .iter()
            .filter(|p| p.as_os_str() != "-")
            .cloned()
            .collect()
    };
    let walk = Walk {
        settings: &settings,
        changed: changed.as_ref(),
    };
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let status = std::thread::scope(|scope| {
        // The walk and building the engine do not need each other: a
        // thread each.
        let walker = scope.spawn(|| (!paths.is_empty()).then(|| walk.walk(&paths)));
        let engine = Engine::with_options(&rules, options);
        let notes = walker
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        let job = Job {
            args,
            settings: &settings,
            rules: &rules,
            engine: engine?,
            renderer: render_human.then(|| human::Human::new(color, width, settings.redact)),
            baseline,
        };
        let mut sink = Sink::new(&job, GraphicalReportHandler::new_themed(theme), out, err);
        for outcome in early {
            sink.accept(outcome);
        }
        for path in &args.paths {
            if path.as_os_str() == "-" {
                let name = args
                    .stdin_filename
                    .clone()
                    .unwrap_or_else(|| "-".to_string());
                let kind = Kind::from_path(Path::new(&name)).unwrap_or(Kind::Markdown);
                let read = read::read_bounded(&mut io::stdin().lock(), settings.max_file_size);
                sink.accept(job.read_outcome(name, None, kind, read));
            }
        }
        if let Some(notes) = notes {
            job.check_in_order(&notes, &mut sink);
        }
        let status = sink.finish();
        // The process ends after this command: the pack and the patterns it
        // compiled are left for the operating system to reclaim. Freeing them
        // one by one (ten thousand allocations) was ~5% of a one-note run.
        std::mem::forget(job);
        status
    });
    std::mem::forget(rules);
    status
}

/// What the walk found, in the order findings are printed.
enum Found {
    Note {
        path: PathBuf,
        name: String,
        kind: Kind,
    },
    /// The walker could not read a folder or entry.
    Unreadable { name: String, reason: String },
    /// Not checked, and the user is told why (a link to a folder).
    Skipped { name: String, why: &'static str },
}

impl Found {
    fn name(&self) -> &str {
        match self {
            Found::Note { name, .. }
            | Found::Unreadable { name, .. }
            | Found::Skipped { name, .. } => name,
        }
    }
}

impl Walk<'_> {
    /// Walks the roots in parallel (honouring ignore files) and lists the
    /// notes to check, sorted by the name shown, so output is in a stable
    /// order whatever the threads do. Only names are held, not notes.
    fn walk(&self, paths: &[PathBuf]) -> Vec<Found> {
        if let Some(found) = self.named_files(paths) {
            return found;
        }
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
                let found = match entry {
                    Err(e) => Some(Found::Unreadable {
                        name: error_path(&e).unwrap_or_default(),
                        reason: io_reason(&e),
                    }),
                    Ok(entry) => self.select(entry.path(), entry.depth() == 0, entry.file_type()),
                };
                if let Some(found) = found {
                    results
                        .lock()
                        .expect("no worker panics while holding the lock")
                        .push(found);
                }
                WalkState::Continue
            })
        });
        let mut found = results.into_inner().expect("the walk is over");
        found.sort_by(|a, b| a.name().cmp(b.name()));
        found
    }

    /// The notes among `paths` if every one is a plain file (as a hook
    /// names them), else `None`. A named file is never ignored, so there is
    /// nothing to walk: starting the walker's threads and reading git's
    /// ignore files was ~2 ms of a one-note run.
    fn named_files(&self, paths: &[PathBuf]) -> Option<Vec<Found>> {
        let mut found = Vec::with_capacity(paths.len());
        for path in paths {
            // The walker's own look at a named path: not following links.
            let file_type = std::fs::symlink_metadata(path).ok()?.file_type();
            if !file_type.is_file() {
                return None;
            }
            found.extend(self.select(path, true, Some(file_type)));
        }
        found.sort_by(|a, b| a.name().cmp(b.name()));
        Some(found)
    }

    /// Whether a walked entry is a note to check, and of which kind.
    ///
    /// A link to a file is followed (as ripgrep's `-L` does) and the note
    /// shown under the link's name; a link to a folder is not (no loops to
    /// guard against) and is reported as skipped. Anything else that is not
    /// a folder, such as a FIFO with a note's name, is handed to the reader,
    /// which refuses it with a message: nothing is skipped without a word.
    fn select(
        &self,
        path: &Path,
        explicit: bool,
        file_type: Option<std::fs::FileType>,
    ) -> Option<Found> {
        if self.settings.excluded(path) {
            return None;
        }
        let is_dir = match file_type {
            Some(t) if t.is_symlink() && !explicit => {
                // The target (a dangling link is read, and reported, as a note).
                let is_dir = std::fs::metadata(path).is_ok_and(|m| m.is_dir());
                if is_dir && self.changed.is_none() {
                    return Some(Found::Skipped {
                        name: display_path(path),
                        why: "it is a link to a folder; regard follows links to files only (name the folder to check it)",
                    });
                }
                is_dir
            }
            Some(t) => t.is_dir() || (explicit && path.is_dir()),
            None => explicit && path.is_dir(),
        };
        if is_dir {
            return None;
        }
        if let Some(changed) = self.changed {
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
        Some(Found::Note {
            path: path.to_path_buf(),
            name: display_path(path),
            kind,
        })
    }
}

impl Job<'_> {
    /// Checks the notes on all cores and hands each outcome to the sink in
    /// the walk's order. Workers take the next few notes by index and send
    /// their outcomes together: one wake-up of this thread per batch, not
    /// per note (over thousands of small notes, those wake-ups were a
    /// quarter of the run). A small reorder buffer holds outcomes that
    /// finish early. Memory follows the number of notes in flight, not the
    /// size of the archive.
    /// The outcome for one entry of the walk.
    fn check_found(&self, found: &Found) -> Outcome {
        match found {
            Found::Note { path, name, kind } => self.check_file(path, name.clone(), *kind),
            Found::Unreadable { name, reason } => unreadable(name.clone(), reason.clone()),
            Found::Skipped { name, why } => Outcome::Skipped {
                path: name.clone(),
                why: (*why).to_string(),
            },
        }
    }

    fn check_in_order(&self, notes: &[Found], sink: &mut Sink<'_>) {
        if let [only] = notes {
            // One note, a hook's usual commit: on this thread. A worker
            // would add a thread start and a fresh heap to fault in.
            sink.accept(self.check_found(only));
            return;
        }
        let next = AtomicUsize::new(0);
        let stop = AtomicBool::new(false);
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(notes.len())
            .max(1);
        // Small batches when there are few notes, so every core gets some.
        let batch = (notes.len() / (threads * 32)).clamp(1, 16);
        let (tx, rx) = mpsc::sync_channel::<Vec<(usize, Outcome)>>(threads * 4);
        std::thread::scope(|scope| {
            for _ in 0..threads {
                let tx = tx.clone();
                let (next, stop) = (&next, &stop);
                scope.spawn(move || loop {
                    let start = next.fetch_add(batch, Ordering::Relaxed);
                    if start >= notes.len() || stop.load(Ordering::Relaxed) {
                        break;
                    }
                    let done: Vec<(usize, Outcome)> = (start..notes.len().min(start + batch))
                        .map(|i| (i, self.check_found(&notes[i])))
                        .collect();
                    if tx.send(done).is_err() {
                        break;
                    }
                });
            }
            drop(tx);
            let mut pending = BTreeMap::new();
            let mut want = 0;
            for (i, outcome) in rx.into_iter().flatten() {
                pending.insert(i, outcome);
                while let Some(outcome) = pending.remove(&want) {
                    want += 1;
                    if !sink.accept(outcome) {
                        // The reader has gone (`| head`): stop working.
                        stop.store(true, Ordering::Relaxed);
                    }
                }
            }
        });
    }

    fn check_file(&self, path: &Path, name: String, kind: Kind) -> Outcome {
        let limit = self.settings.max_file_size;
        let read = read::open(path)
            .and_then(|(mut file, len)| read::read_open_file(&mut file, len, limit));
        self.read_outcome(name, Some(path), kind, read)
    }

    /// Checks what was read, or says why it was not.
    fn read_outcome(
        &self,
        name: String,
        path: Option<&Path>,
        kind: Kind,
        read: Result<Vec<u8>, ReadError>,
    ) -> Outcome {
        let limit = self.settings.max_file_size;
        let advice = "(raise it with --max-file-size or `max-file-size`)";
        match read {
            Ok(bytes) => match decode(name, bytes) {
                Ok((name, text)) => self.lint(name, path, text, kind),
                Err(outcome) => outcome,
            },
            Err(ReadError::TooLarge { size, known: true }) => Outcome::Skipped {
                path: name,
                why: format!(
                    "it is {size} bytes, over the {limit}-byte limit for one note {advice}"
                ),
            },
            Err(ReadError::TooLarge { known: false, .. }) => Outcome::Skipped {
                path: name,
                why: format!("it is over {limit} bytes, the limit for one note {advice}"),
            },
            Err(e) => unreadable(name, e.to_string()),
        }
    }

    /// Fixes (if asked), checks and renders one note.
    fn lint(&self, name: String, path: Option<&Path>, original: String, kind: Kind) -> Outcome {
        let (text, fixed, diff) = if self.args.fix || self.args.diff {
            match self.fix(&name, path, original, kind) {
                Ok(fixed) => fixed,
                Err(outcome) => return outcome,
            }
        } else {
            (original, 0, String::new())
        };
        let doc = Document::new(name, text, kind);
        let args = self.args;
        let (kept, left_out) = self.select(&doc);
        let (mut findings, levels): (Vec<Finding>, Vec<Severity>) = kept.into_iter().unzip();
        // The human renderer needs the findings beside their positions;
        // other outputs take them over (over an archive, copying every
        // finding's text was a few percent of the run).
        let taken = if self.renderer.is_some() {
            findings.clone()
        } else {
            std::mem::take(&mut findings)
        };
        let mut located = report::locate(&doc, taken, &self.rules.rules);
        for (l, level) in located.iter_mut().zip(&levels) {
            l.level = *level;
            l.severity = level.as_str();
        }
        let shown: Vec<(Finding, Severity)> = findings.into_iter().zip(levels).collect();
        let findings = located.len() + left_out.count;
        let fails_run = located.iter().any(|l| self.settings.fail_on.fails(l.level))
            || left_out
                .worst
                .is_some_and(|l| self.settings.fail_on.fails(l));
        let human = self
            .renderer
            .as_ref()
            .map(|r| r.render(&doc, &shown, &located, &self.rules.rules));
        if self.settings.redact {
            located = located
                .iter()
                .map(|l| l.redacted(&self.rules.rules))
                .collect();
        }
        let whole_run = args.write_baseline.is_some() || args.format == Format::Sarif;
        let rendered = match args.format {
            _ if args.quiet_human() || whole_run => String::new(),
            Format::Human => human.unwrap_or_default() + &left_out.notice(&doc.path),
            Format::Json => json::items(&located),
            Format::Concise => concise::render(&located) + &left_out.notice(&doc.path),
            Format::Github => github::render(&located) + &left_out.github_notice(&doc.path),
            Format::Sarif => String::new(),
        };
        Outcome::Checked {
            rendered,
            findings,
            fails_run,
            kept: if whole_run { located } else { Vec::new() },
            left_out: (left_out.count > 0).then(|| Box::new((doc.path.clone(), left_out))),
            fixed,
            diff,
        }
    }

    /// The note's findings that per-file settings and the baseline keep,
    /// with their levels: the first `--max-findings-per-note` built, the
    /// rest only counted (`--write-baseline` records every one). Text is
    /// built only for those shown: a note in which every line is a finding
    /// held every finding's message and suggestions (issue 18).
    fn select(&self, doc: &Document) -> (Vec<(Finding, Severity)>, report::LeftOut) {
        let rules = &self.rules.rules;
        let path = Path::new(&doc.path);
        let limit = match self.args.max_findings_per_note {
            _ if self.args.write_baseline.is_some() => usize::MAX,
            0 => usize::MAX,
            n => n,
        };
        let mut baseline = self
            .baseline
            .as_ref()
            .map(|b| b.lock().expect("no worker panics while holding the lock"));
        let per_file = self.settings.has_per_file();
        let selected = self.engine.lint_lazy(doc).select(limit, |hit| {
            let rule = &rules[hit.rule()];
            let level = if per_file {
                self.settings.rule_for_path(path, &rule.id, rule.severity)?
            } else {
                rule.severity
            };
            if let Some(baseline) = baseline.as_mut() {
                let probe = report::Located::probe(&doc.path, rule, hit.fingerprint());
                if baseline.excuses(&probe) {
                    return None;
                }
            }
            Some(level)
        });
        let left_out = report::LeftOut {
            count: selected.more,
            worst: selected.worst_of_more,
            limit,
        };
        (selected.shown, left_out)
    }

    /// Applies fixes until none is left (or writes the diff): the text to
    /// check (the original with `--diff`), how many fixes, and the diff or
    /// fixed text to print.
    fn fix(
        &self,
        name: &str,
        path: Option<&Path>,
        original: String,
        kind: Kind,
    ) -> Result<(String, usize, String), Outcome> {
        let args = self.args;
        let mut text = original.clone();
        let mut fixed = 0;
        for _ in 0..fix::MAX_ROUNDS {
            let doc = Document::new(name.to_string(), text, kind);
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
        let mut diff = String::new();
        if text != original {
            if args.diff && self.settings.redact {
                // The diff would show note text: only how much would change.
                diff = format!(
                    "regard: `{}`: --fix would reword {} (not shown: --redact)\n",
                    one_line(name),
                    report::plural(fix::changed_lines(&original, &text), "line", "lines")
                );
            } else if args.diff {
                diff = fix::diff(name, &original, &text);
            } else if let Some(path) = path {
                if let Err(e) = fix::write_atomic(path, &original, &text) {
                    return Err(Outcome::Failed {
                        problem: Box::new(e),
                    });
                }
            } else {
                // Fixed text from standard input goes to standard output.
                diff = text.clone();
            }
        }
        Ok((if args.diff { original } else { text }, fixed, diff))
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
}

/// Prints outcomes as they arrive, in order, and keeps the counts for the
/// summary and exit status. Line-based formats and JSON are written as they
/// go; SARIF and baselines, which are one document about the whole run,
/// keep the findings (no note text for baselines).
struct Sink<'a> {
    job: &'a Job<'a>,
    handler: GraphicalReportHandler,
    out: &'a mut dyn Write,
    err: &'a mut dyn Write,
    json: json::JsonStream,
    kept: Vec<Located>,
    /// Notes with findings left out of the report, for JSON and SARIF.
    left_out: Vec<(String, report::LeftOut)>,
    findings: usize,
    checked: usize,
    with_findings: usize,
    fixed: usize,
    failed: bool,
    fails_run: bool,
    /// Standard output is closed or failing; the first error, if not a closed pipe.
    closed: bool,
    output_error: Option<io::Error>,
}

impl<'a> Sink<'a> {
    fn new(
        job: &'a Job<'a>,
        handler: GraphicalReportHandler,
        out: &'a mut dyn Write,
        err: &'a mut dyn Write,
    ) -> Sink<'a> {
        Sink {
            job,
            handler,
            out,
            err,
            json: json::JsonStream::default(),
            kept: Vec::new(),
            left_out: Vec::new(),
            findings: 0,
            checked: 0,
            with_findings: 0,
            fixed: 0,
            failed: false,
            fails_run: false,
            closed: false,
            output_error: None,
        }
    }

    /// Takes one outcome; false once standard output is gone.
    fn accept(&mut self, outcome: Outcome) -> bool {
        let args = self.job.args;
        match outcome {
            Outcome::Checked {
                rendered,
                findings,
                fails_run,
                kept,
                left_out,
                fixed,
                diff,
            } => {
                self.checked += 1;
                self.fixed += fixed;
                self.findings += findings;
                self.with_findings += usize::from(findings > 0);
                self.fails_run |= fails_run;
                self.kept.extend(kept);
                self.left_out.extend(left_out.map(|b| *b));
                if args.write_baseline.is_some() {
                    return !self.closed;
                }
                match args.format {
                    _ if args.quiet_human() => {}
                    Format::Human => {
                        self.write(&diff);
                        self.write(&rendered);
                    }
                    Format::Json if !rendered.is_empty() => {
                        let opening = self.json.opening();
                        self.write(opening);
                        self.write(&rendered);
                    }
                    _ => self.write(&rendered),
                }
            }
            Outcome::Skipped { path, why } => {
                let _ = writeln!(self.err, "regard: skipped `{}`: {why}", one_line(&path));
            }
            Outcome::Failed { problem, .. } => {
                self.failed = true;
                let mut s = String::new();
                self.handler
                    .render_report(&mut s, &Shown(problem.as_ref()))
                    .expect("writing to a String cannot fail");
                let _ = write!(self.err, "{s}");
            }
        }
        !self.closed
    }

    fn write(&mut self, text: &str) {
        if self.closed || text.is_empty() {
            return;
        }
        if let Err(e) = self.out.write_all(text.as_bytes()) {
            self.closed = true;
            // Someone read as much as they wanted (`regard check … | head`): not an error.
            if e.kind() != io::ErrorKind::BrokenPipe {
                self.output_error = Some(e);
            }
        }
    }

    fn finish(mut self) -> Result<ExitStatus, Error> {
        let args = self.job.args;
        let status = if self.failed {
            ExitStatus::Error
        } else if (self.fails_run || (args.diff && self.fixed > 0)) && args.write_baseline.is_none()
        {
            // `--diff` fails like `check`, and when it would change a note.
            ExitStatus::Findings
        } else {
            ExitStatus::Success
        };
        if let Some(path) = &args.write_baseline {
            let refs: Vec<&Located> = self.kept.iter().collect();
            if let Err(problem) = baseline::write(path, &refs) {
                let mut s = String::new();
                self.handler
                    .render_report(&mut s, &Shown(&problem))
                    .expect("writing to a String cannot fail");
                let _ = write!(self.err, "{s}");
                return Ok(ExitStatus::Error);
            }
            let line = format!(
                "regard: wrote {} to `{}`; later runs with --baseline report only new ones.\n",
                report::plural(self.kept.len(), "finding", "findings"),
                one_line(&escaped(path))
            );
            self.write(&line);
        } else {
            let summary = if self.failed && self.findings == 0 {
                // Never an all-clear when something could not be checked.
                format!(
                    "regard: {} checked; errors above, so this is not an all-clear.\n",
                    report::plural(self.checked, "note", "notes")
                )
            } else {
                format!(
                    "{}\n",
                    human::summary(self.findings, self.with_findings, self.checked)
                )
            };
            let text = match args.format {
                _ if args.quiet_human() => summary,
                Format::Human => {
                    let mut text = String::new();
                    let n = report::plural(self.fixed, "phrase", "phrases");
                    if args.diff {
                        text.push_str(&format!(
                            "regard: --fix would reword {n}; nothing was written.\n"
                        ));
                    } else if self.fixed > 0 {
                        text.push_str(&format!("regard: fixed {n}.\n"));
                    }
                    text + &summary
                }
                Format::Json => self.json.end(self.checked, &self.left_out),
                Format::Sarif => {
                    sarif::render_run(&self.kept, &self.job.rules.rules, &self.left_out)
                }
                Format::Concise | Format::Github => String::new(),
            };
            self.write(&text);
        }
        if !self.closed {
            if let Err(e) = self.out.flush() {
                if e.kind() != io::ErrorKind::BrokenPipe {
                    self.output_error = Some(e);
                }
                self.closed = true;
            }
        }
        match self.output_error {
            Some(e) => Err(Error::Output(e)),
            None if self.closed => Ok(ExitStatus::Success),
            None => Ok(status),
        }
    }
}

/// A problem as a terminal may show it: its message and help with control
/// characters as symbols, whatever part of regard made it (a path in a
/// message from `fix.rs` or the walker can hold an escape sequence).
struct Shown<'a>(&'a (dyn Diagnostic + Send + Sync));

impl std::fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&printable(&self.0.to_string()))
    }
}

impl std::fmt::Debug for Shown<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(self, f)
    }
}

impl std::error::Error for Shown<'_> {}

impl Diagnostic for Shown<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn std::fmt::Display + 'b>> {
        self.0.code()
    }
    fn severity(&self) -> Option<miette::Severity> {
        self.0.severity()
    }
    fn help<'b>(&'b self) -> Option<Box<dyn std::fmt::Display + 'b>> {
        let help = self.0.help()?.to_string();
        Some(Box::new(printable(&help).into_owned()))
    }
    fn url<'b>(&'b self) -> Option<Box<dyn std::fmt::Display + 'b>> {
        self.0.url()
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.0.source_code()
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        self.0.labels()
    }
    fn related<'b>(&'b self) -> Option<Box<dyn Iterator<Item = &'b dyn Diagnostic> + 'b>> {
        self.0.related()
    }
    fn diagnostic_source(&self) -> Option<&dyn Diagnostic> {
        self.0.diagnostic_source()
    }
}

fn unreadable(path: String, reason: String) -> Outcome {
    Outcome::Failed {
        problem: Box::new(FileProblem::Unreadable {
            path: one_line(&path).into_owned(),
            reason: printable(&reason).into_owned(),
        }),
    }
}

/// Text from bytes, or why not: a binary file is skipped, UTF-16 and invalid
/// UTF-8 are errors that say how to convert.
fn decode(name: String, bytes: Vec<u8>) -> Result<(String, String), Outcome> {
    // UTF-32's little-endian mark begins with UTF-16's: look for it first.
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) || bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        return Err(Outcome::Failed {
            problem: Box::new(FileProblem::Utf32 {
                path: one_line(&name).into_owned(),
            }),
        });
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Outcome::Failed {
            problem: Box::new(FileProblem::Utf16 {
                path: one_line(&name).into_owned(),
            }),
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
                problem: Box::new(FileProblem::NotUtf8 {
                    path: one_line(&name).into_owned(),
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
    // `--end-of-options`: whatever `rev` is, git does not read it as an
    // option (`--output=FILE` would write FILE); `--`: nor as a path.
    let mut names = git(&[
        "diff",
        "--name-only",
        "-z",
        "--diff-filter=ACMR",
        "--end-of-options",
        rev,
        "--",
    ])?;
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

/// The name a note is shown and recorded (in baselines) under: its path
/// without a leading `./`. On Unix, a byte that is not UTF-8 is shown as
/// `\xFF` and a backslash (an ordinary character in a Unix name) as `\\`,
/// so two names never look the same: `to_string_lossy` turned both
/// `bad\xFF.md` and `bad\xFE.md` into `bad�.md`.
fn display_path(path: &Path) -> String {
    let s = escaped(path);
    let s = s.strip_prefix("./").unwrap_or(&s);
    if cfg!(windows) {
        s.replace('\\', "/")
    } else {
        s.to_string()
    }
}

#[cfg(unix)]
fn escaped(path: &Path) -> String {
    use std::os::unix::ffi::OsStrExt;
    let bytes = path.as_os_str().as_bytes();
    match std::str::from_utf8(bytes) {
        Ok(s) if !s.contains('\\') => return s.to_string(),
        _ => {}
    }
    let mut out = String::with_capacity(bytes.len() + 8);
    for chunk in bytes.utf8_chunks() {
        out.push_str(&chunk.valid().replace('\\', "\\\\"));
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02X}"));
        }
    }
    out
}

#[cfg(not(unix))]
fn escaped(path: &Path) -> String {
    path.to_string_lossy().into_owned()
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

#[cfg(test)]
mod tests {
    use super::{FileProblem, Shown};

    #[test]
    fn problems_are_shown_without_control_characters() {
        // As `fix.rs` makes them: a raw name in the message and the help.
        let problem = crate::fix::WriteError::Io {
            path: "\x1b]0;x\x07n.md".into(),
            reason: "denied".into(),
        };
        let mut s = String::new();
        miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor())
            .render_report(&mut s, &Shown(&problem))
            .unwrap();
        assert!(
            s.contains("cannot write the fixed `␛]0;x␇n.md`: denied"),
            "{s}"
        );
        assert!(!s.contains(|c: char| c.is_control() && c != '\n'), "{s:?}");
        let problem = FileProblem::Utf16 {
            path: "a.md".into(),
        };
        let mut s = String::new();
        miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor())
            .render_report(&mut s, &Shown(&problem))
            .unwrap();
        assert!(s.contains("regard::encoding"), "{s}");
        assert!(s.contains("iconv -f UTF-16"), "{s}");
    }
}
