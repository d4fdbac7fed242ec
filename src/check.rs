//! `regard check`: find the notes, check each, write in a stable order.
//!
//! Folders are walked in parallel with `ignore` (the walker ripgrep uses), so
//! `.gitignore`, `.ignore` and hidden folders are honoured the way people
//! expect. Each worker reads a note, decodes it by its format
//! (`document::Format`), fixes it if asked, lints it (`lint::Linter`: per-file
//! settings, baseline, redaction), has each output's emitter render it
//! (`report::Emitter`) and drops the text, so memory follows the output, not
//! the size of the archive. Which outputs a run writes, and where, is
//! decided in `outputs`. Results are written in the walk's order, sorted
//! by path: the output does not depend on thread timing.

use std::collections::{BTreeMap, HashSet};
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{mpsc, Mutex};

use ignore::{WalkBuilder, WalkState};
use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme};

use crate::baseline::{Baseline, BaselineOutput};
use crate::cli::CheckArgs;
use crate::config::{Configuration, Settings};
use crate::document::{Document, Kind, Unreadable};
use crate::engine::{Engine, Options};
use crate::error::{Error, ExitStatus};
use crate::fix;
use crate::lint::Linter;
use crate::read::{self, ReadError};
use crate::report::source::{one_line, printable};
use crate::report::statistics::StatisticsOutput;
use crate::report::{self, Emitter, Located, NoteOutput, Rendered, RunOutput, Style};
use crate::rule::RuleSet;

enum Outcome {
    Checked {
        /// The note's output for each emitter, rendered by the worker.
        rendered: Vec<Rendered>,
        /// Findings per rule: `(index, count)`.
        by_rule: Vec<(usize, usize)>,
        /// How many findings are shown, and whether one fails the run.
        findings: usize,
        fails_run: bool,
        /// The findings themselves, only for outputs about the whole run
        /// (SARIF, `--write-baseline`): otherwise the worker that made them
        /// frees them (freeing on another thread's heap takes its lock).
        whole_run: Vec<Located>,
        /// The note's name and what `--max-findings-per-note` left out of
        /// its report, if anything.
        left_out: Option<Box<(String, report::LeftOut)>>,
        fixed: usize,
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
    #[error("cannot fix `{path}`: {why}")]
    #[diagnostic(
        code(regard::fix),
        help("check it without --fix or --diff, and reword it in the program that wrote it")
    )]
    FixRefused { path: String, why: &'static str },
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
    /// The outputs, in the order they are written (see [`outputs`]).
    emitters: Vec<Box<dyn Emitter>>,
    baseline: Option<Mutex<Baseline>>,
}

/// An output the run writes, and where: standard output or a file.
struct Output {
    emitter: Box<dyn Emitter>,
    file: Option<PathBuf>,
}

/// The outputs `args` ask for: where the output format is decided.
/// `--format` goes to standard output (or `--output-file`), each
/// `--output FORMAT=FILE` to its file; `--write-baseline` writes the
/// baseline and a line saying so, nothing else. `style` is standard
/// output's: a file is never coloured, and wraps at 80 columns.
fn outputs(args: &CheckArgs, style: Style) -> Result<Vec<Output>, OutputError> {
    if let Some(path) = &args.write_baseline {
        return Ok(vec![Output {
            emitter: Box::new(BaselineOutput { path: path.clone() }),
            file: None,
        }]);
    }
    let mut asked = vec![(Some(args.format), args.output_file.clone())];
    asked.extend(args.output.iter().map(|(f, p)| (Some(*f), Some(p.clone()))));
    if args.statistics {
        // In place of --format's output.
        asked[0].0 = None;
    }
    let mut outputs: Vec<Output> = Vec::new();
    for (format, file) in asked {
        if let Some(file) = &file {
            if outputs.iter().any(|o| o.file.as_ref() == Some(file)) {
                return Err(OutputError::SameFile(one_line(&escaped(file)).into_owned()));
            }
        }
        let emitter: Box<dyn Emitter> = match format {
            Some(format) => report::emitter(
                format,
                Style {
                    quiet: style.quiet && format.for_people(),
                    color: style.color && file.is_none(),
                    width: style.width.filter(|_| file.is_none()),
                    ..style
                },
            ),
            None => Box::new(StatisticsOutput { quiet: style.quiet }),
        };
        outputs.push(Output { emitter, file });
    }
    Ok(outputs)
}

/// An output file that cannot be written.
#[derive(Debug, thiserror::Error, Diagnostic)]
pub enum OutputError {
    #[error("`{0}` is named for two outputs")]
    #[diagnostic(
        code(regard::output),
        help("give --output-file and each --output a file of its own")
    )]
    SameFile(String),
    #[error("cannot write the output file `{path}`: {reason}")]
    #[diagnostic(code(regard::output))]
    File { path: String, reason: String },
}

impl OutputError {
    fn file(path: &Path, e: &io::Error) -> OutputError {
        OutputError::File {
            path: one_line(&escaped(path)).into_owned(),
            reason: printable(&e.to_string()).into_owned(),
        }
    }
}

/// Where an output goes, open for the run.
enum Destination {
    Stdout,
    File {
        path: PathBuf,
        writer: io::BufWriter<std::fs::File>,
        /// The first write that failed; the rest are not tried.
        error: Option<io::Error>,
    },
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
    let Configuration { settings, rules } = Configuration::load(
        &args.config.origin(),
        &args.rules.rule_dirs,
        &args.overrides(),
    )?;
    let from_stdin = args.paths.iter().any(|p| p.as_os_str() == "-");
    if settings.redact && args.fix && !args.diff && from_stdin {
        return Err(Refused::RedactedStandardInputFix.into());
    }
    // A few named files (as a pre-commit hook passes them) are checked
    // sooner without building the DFAs that pay off over whole folders.
    let few_files = !args.paths.is_empty()
        && args.paths.len() <= 64
        && args
            .paths
            .iter()
            .all(|p| p.as_os_str() == "-" || p.is_file());
    // The suggestions' regexes too: built with the NFA engines only.
    crate::suggest::regex::lean(few_files);
    let color = args.color.enabled(io::stdout().is_terminal());
    let outputs = outputs(
        args,
        Style {
            quiet: args.quiet,
            color,
            width: crate::cli::terminal_width(io::stdout().is_terminal()),
            redact: settings.redact,
            diff: args.diff,
            full: args.full,
        },
    )?;
    // Files are opened before any note is read, so a wrong path costs nothing.
    let mut destinations = Vec::with_capacity(outputs.len());
    let mut emitters = Vec::with_capacity(outputs.len());
    for output in outputs {
        destinations.push(match output.file {
            None => Destination::Stdout,
            Some(path) => match std::fs::File::create(&path) {
                Ok(file) => Destination::File {
                    writer: io::BufWriter::new(file),
                    path,
                    error: None,
                },
                Err(e) => return Err(OutputError::file(&path, &e).into()),
            },
        });
        emitters.push(output.emitter);
    }
    let options = Options {
        fast_scan: !few_files,
        // Baselines (read or written) and SARIF identify findings by them.
        fingerprints: args.baseline.is_some() || emitters.iter().any(|e| e.whole_run()),
        ..settings.options
    };
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
            emitters,
            baseline,
        };
        let mut sink = Sink::new(
            &job,
            GraphicalReportHandler::new_themed(theme),
            (out, err),
            destinations,
        );
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
        // compiled are left for the operating system to reclaim: freeing them
        // one by one (thousands of allocations) is a cost a one-note run
        // (a hook's) would notice.
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
    /// nothing to walk, and starting the walker's threads and reading
    /// git's ignore files would be a large part of a one-note run.
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
    fn linter(&self) -> Linter<'_> {
        Linter {
            settings: self.settings,
            rules: self.rules,
            engine: &self.engine,
        }
    }

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

    /// Checks the notes on all cores and hands each outcome to the sink in
    /// the walk's order. Workers take the next few notes by index and send
    /// their outcomes together: one wake-up of this thread per batch, not
    /// per note (over thousands of small notes, waking per note costs more
    /// than checking them). A small reorder buffer holds outcomes that
    /// finish early. Memory follows the number of notes in flight, not the
    /// size of the archive.
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
            Ok(bytes) => match kind.format().decode(&name, bytes) {
                Ok(text) => self.check_text(name, path, text, kind),
                Err(Unreadable::NotANote(why)) => Outcome::Skipped { path: name, why },
                Err(Unreadable::Invalid(problem)) => Outcome::Failed { problem },
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
    fn check_text(
        &self,
        name: String,
        path: Option<&Path>,
        original: String,
        kind: Kind,
    ) -> Outcome {
        let (text, fixed, diff) = if self.args.fix || self.args.diff {
            if let Some(why) = kind.format().fix_refused() {
                return Outcome::Failed {
                    problem: Box::new(FileProblem::FixRefused {
                        path: one_line(&name).into_owned(),
                        why,
                    }),
                };
            }
            match self.fix(&name, path, original, kind) {
                Ok(fixed) => fixed,
                Err(outcome) => return outcome,
            }
        } else {
            (original, 0, String::new())
        };
        let doc = Document::new(name, text, kind);
        let whole_run = self.emitters.iter().any(|e| e.whole_run());
        // A baseline written records every finding; otherwise findings
        // past `--max-findings-per-note` (0: no limit) are only counted,
        // after the baseline read has excused its own.
        let limit = match self.args.max_findings_per_note {
            _ if self.args.write_baseline.is_some() => usize::MAX,
            0 => usize::MAX,
            n => n,
        };
        let linted = self.linter().lint(
            &doc,
            Some(Path::new(&doc.path)),
            limit,
            self.baseline.as_ref(),
        );
        let left_out = linted.left_out;
        let note = NoteOutput {
            doc: &doc,
            findings: &linted.findings,
            left_out: linted.left_out,
            rules: &self.rules.rules,
            fixed: &diff,
        };
        let findings = linted.count();
        let fails_run = linted.fails(self.settings);
        let rendered = self
            .emitters
            .iter()
            .map(|e| Rendered {
                full: e.note(&note),
                compact: e.compact_note(&note),
                findings,
            })
            .collect();
        Outcome::Checked {
            rendered,
            by_rule: linted.by_rule,
            findings,
            fails_run,
            whole_run: if whole_run {
                linted.findings
            } else {
                Vec::new()
            },
            left_out: (left_out.count > 0).then(|| Box::new((doc.path.clone(), left_out))),
            fixed,
        }
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
            let findings = self.linter().findings(&doc, Some(Path::new(name)));
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
}

/// Writes outcomes as they arrive, in order, through each emitter, and
/// keeps the counts for the summary and exit status. Line-based formats
/// and JSON are written as they go; SARIF and baselines, which are one
/// document about the whole run, keep the findings (no note text for
/// baselines).
struct Sink<'a> {
    job: &'a Job<'a>,
    handler: GraphicalReportHandler,
    out: &'a mut dyn Write,
    err: &'a mut dyn Write,
    /// Where each of the job's emitters writes.
    destinations: Vec<Destination>,
    whole_run: Vec<Located>,
    /// Findings per rule, by index in the rule set.
    by_rule: Vec<usize>,
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
        (out, err): (&'a mut dyn Write, &'a mut dyn Write),
        destinations: Vec<Destination>,
    ) -> Sink<'a> {
        Sink {
            job,
            handler,
            out,
            err,
            destinations,
            whole_run: Vec::new(),
            by_rule: vec![0; job.rules.rules.len()],
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
        match outcome {
            Outcome::Checked {
                rendered,
                by_rule,
                findings,
                fails_run,
                whole_run,
                left_out,
                fixed,
            } => {
                for (rule, n) in by_rule {
                    self.by_rule[rule] += n;
                }
                self.checked += 1;
                self.fixed += fixed;
                self.findings += findings;
                self.with_findings += usize::from(findings > 0);
                self.fails_run |= fails_run;
                self.whole_run.extend(whole_run);
                self.left_out.extend(left_out.map(|b| *b));
                for (i, rendered) in rendered.into_iter().enumerate() {
                    let text = self.job.emitters[i].in_order(rendered);
                    self.write(i, &text);
                }
            }
            Outcome::Skipped { path, why } => {
                let _ = writeln!(self.err, "regard: skipped `{}`: {why}", one_line(&path));
            }
            Outcome::Failed { problem, .. } => {
                self.failed = true;
                self.report(problem.as_ref());
            }
        }
        // With standard output gone, files are still written whole.
        !self.closed
            || self
                .destinations
                .iter()
                .any(|d| matches!(d, Destination::File { .. }))
    }

    /// Shows a problem on standard error.
    fn report(&mut self, problem: &(dyn Diagnostic + Send + Sync)) {
        let mut s = String::new();
        self.handler
            .render_report(&mut s, &Shown(problem))
            .expect("writing to a String cannot fail");
        let _ = write!(self.err, "{s}");
    }

    /// Writes `text` to the destination of output `i`.
    fn write(&mut self, i: usize, text: &str) {
        if text.is_empty() {
            return;
        }
        match &mut self.destinations[i] {
            Destination::Stdout => self.write_out(text),
            Destination::File { writer, error, .. } => {
                if error.is_none() {
                    if let Err(e) = writer.write_all(text.as_bytes()) {
                        *error = Some(e);
                    }
                }
            }
        }
    }

    fn write_out(&mut self, text: &str) {
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
        let whole_run = std::mem::take(&mut self.whole_run);
        let by_rule = std::mem::take(&mut self.by_rule);
        let left_out = std::mem::take(&mut self.left_out);
        let run = RunOutput {
            checked: self.checked,
            findings: self.findings,
            with_findings: self.with_findings,
            fixed: self.fixed,
            errors: self.failed,
            whole_run: &whole_run,
            by_rule: &by_rule,
            rules: &self.job.rules.rules,
            left_out: &left_out,
        };
        // An output that could not be written (a baseline) fails the run.
        let mut unwritten = false;
        for (i, emitter) in self.job.emitters.iter().enumerate() {
            match emitter.finish(&run) {
                Ok(text) => self.write(i, &text),
                Err(problem) => {
                    self.report(problem.as_ref());
                    unwritten = true;
                }
            }
        }
        for destination in std::mem::take(&mut self.destinations) {
            if let Destination::File {
                path,
                mut writer,
                error,
            } = destination
            {
                if let Some(e) = error.or_else(|| writer.flush().err()) {
                    self.report(&OutputError::file(&path, &e));
                    unwritten = true;
                }
            }
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
            _ if unwritten => Ok(ExitStatus::Error),
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
pub(crate) fn escaped(path: &Path) -> String {
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
pub(crate) fn escaped(path: &Path) -> String {
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
    use super::Shown;

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
        let problem = crate::document::text::EncodingError::Utf16 {
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
