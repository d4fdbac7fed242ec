//! Baselines: accept today's findings, fail only on new ones.
//!
//! A team adopting regard on years of old notes records the current
//! findings once (`--write-baseline FILE`) and checks against it
//! (`--baseline FILE`): new judgmental phrasing fails CI while old notes are
//! cleaned up over time. An entry is the rule, the path and the finding's
//! fingerprint (a hash of the matched words and their sentence), never a line
//! number, so edits elsewhere in the note do not disturb it; and never note
//! text, so the file can be committed to a repository that many people read.
//!
//! ```json
//! {"version": 1, "findings": [{"rule": "deficit-label", "path": "notes/a.md", "fingerprint": "3f1c…"}]}
//! ```
//!
//! The same finding twice in one note is two entries; each entry excuses one.
//!
//! Paths are relative to the baseline file's folder (with `/` between
//! names), so a note matches its entry whatever folder regard runs from and
//! however the note is named. A baseline written in its own folder, as the
//! README shows, reads the same as one from before this rule.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

use serde::{Deserialize, Serialize};

use miette::Diagnostic;

use crate::report::source::one_line;
use crate::report::{Emitter, Located, RunOutput};

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BaselineFile {
    version: u32,
    findings: Vec<Entry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    rule: String,
    path: String,
    fingerprint: String,
}

impl Entry {
    fn of(l: &Located, place: &Place) -> Entry {
        Entry {
            rule: l.rule.clone(),
            path: place.name(&l.path),
            fingerprint: l.fingerprint.clone(),
        }
    }
}

/// Where a baseline file is, to name notes relative to its folder.
#[derive(Debug, Default)]
struct Place {
    /// The current folder and the baseline's folder, absolute and lexically
    /// normal; `None` if the current folder is unknown (names are kept).
    anchor: Option<(PathBuf, PathBuf)>,
}

impl Place {
    fn of(baseline: &Path) -> Place {
        let anchor = std::env::current_dir().ok().map(|cwd| {
            let cwd = crate::config::normal(&cwd);
            let folder = baseline.parent().unwrap_or(Path::new(""));
            // With links resolved, as in the current folder, when it exists.
            let folder = cwd
                .join(folder)
                .canonicalize()
                .unwrap_or_else(|_| crate::config::normal(&cwd.join(folder)));
            (cwd, folder)
        });
        Place { anchor }
    }

    /// `name` (a note's name as shown, relative to the current folder or
    /// absolute) relative to the baseline's folder, through `..` if the note
    /// is outside it. Standard input (`-`) keeps its name.
    fn name(&self, name: &str) -> String {
        let Some((cwd, folder)) = &self.anchor else {
            return name.to_string();
        };
        if name == "-" {
            return name.to_string();
        }
        let note = crate::config::normal(&cwd.join(name));
        let common = note
            .components()
            .zip(folder.components())
            .take_while(|(a, b)| a == b)
            .count();
        if common == 0 {
            // Another drive: no relative name exists.
            return name.to_string();
        }
        let mut parts: Vec<String> = folder
            .components()
            .skip(common)
            .map(|_| "..".to_string())
            .collect();
        parts.extend(note.components().skip(common).map(|c| match c {
            Component::Normal(s) => s.to_string_lossy().into_owned(),
            other => other.as_os_str().to_string_lossy().into_owned(),
        }));
        parts.join("/")
    }
}

/// A problem with a baseline file.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("cannot use the baseline `{path}`: {reason}")]
#[diagnostic(
    code(regard::baseline),
    help("write a new one with `regard check --write-baseline {path}`")
)]
pub struct BaselineError {
    pub path: String,
    pub reason: String,
}

/// A baseline that could not be written; the old one, if any, is intact.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("cannot write the baseline `{path}`: {reason}")]
#[diagnostic(code(regard::baseline::write), help("{help}"))]
pub struct BaselineWriteError {
    pub path: String,
    pub reason: String,
    help: &'static str,
}

/// Findings excused by a baseline, counted.
#[derive(Debug, Default)]
pub struct Baseline {
    remaining: HashMap<Entry, usize>,
    place: Place,
}

impl Baseline {
    pub fn read(path: &Path) -> Result<Baseline, BaselineError> {
        let error = |reason: String| BaselineError {
            path: crate::report::source::one_line(&path.to_string_lossy()).into_owned(),
            reason,
        };
        // Bounded, and never a FIFO or a device (`--baseline /dev/zero`).
        let bytes =
            crate::read::read_file(path, crate::read::MAX_BASELINE).map_err(|e| match e {
                crate::read::ReadError::TooLarge { .. } => error(format!(
                    "{e}, over the {}-byte limit for a baseline",
                    crate::read::MAX_BASELINE
                )),
                e => error(e.to_string()),
            })?;
        let file: BaselineFile =
            serde_json::from_slice(&bytes).map_err(|e| error(e.to_string()))?;
        if file.version != 1 {
            return Err(error(format!(
                "version {} is not one this regard reads (1)",
                file.version
            )));
        }
        let mut remaining = HashMap::new();
        for entry in file.findings {
            *remaining.entry(entry).or_insert(0) += 1;
        }
        Ok(Baseline {
            remaining,
            place: Place::of(path),
        })
    }

    /// True if `l` is in the baseline (and uses up one entry for it).
    pub fn excuses(&mut self, l: &Located) -> bool {
        match self.remaining.get_mut(&Entry::of(l, &self.place)) {
            Some(n) if *n > 0 => {
                *n -= 1;
                true
            }
            _ => false,
        }
    }
}

/// `--write-baseline FILE` as an output: every finding of the run
/// recorded in FILE at its end, and a line saying so.
pub struct BaselineOutput {
    pub path: PathBuf,
}

impl Emitter for BaselineOutput {
    fn whole_run(&self) -> bool {
        true
    }

    fn finish(&self, run: &RunOutput<'_>) -> Result<String, Box<dyn Diagnostic + Send + Sync>> {
        let refs: Vec<&Located> = run.whole_run.iter().collect();
        write(&self.path, &refs).map_err(|e| Box::new(e) as Box<dyn Diagnostic + Send + Sync>)?;
        Ok(format!(
            "regard: wrote {} to `{}`; later runs with --baseline report only new ones.\n",
            crate::report::plural(run.whole_run.len(), "finding", "findings"),
            one_line(&crate::check::escaped(&self.path))
        ))
    }
}

/// Writes the baseline for `findings` to `path` as `--fix` writes notes
/// (see [`crate::fix::write_atomic`]): a complete new file or, on any
/// failure (a full disk), the old one untouched.
pub fn write(path: &Path, findings: &[&Located]) -> Result<(), BaselineWriteError> {
    let existed = std::fs::symlink_metadata(path).is_ok();
    let text = render(findings, &Place::of(path));
    crate::fix::replace(path, None, text.as_bytes(), |_, _| Ok(())).map_err(|r| {
        BaselineWriteError {
            path: path.display().to_string(),
            reason: r.reason(),
            help: if existed {
                "the old baseline is unchanged"
            } else {
                "no baseline was written"
            },
        }
    })
}

/// The baseline file for `findings`, sorted so it diffs well.
fn render(findings: &[&Located], place: &Place) -> String {
    let mut entries: Vec<Entry> = findings.iter().map(|l| Entry::of(l, place)).collect();
    entries.sort();
    let mut s = serde_json::to_string_pretty(&BaselineFile {
        version: 1,
        findings: entries,
    })
    .expect("serialises");
    s.push('\n');
    s
}
