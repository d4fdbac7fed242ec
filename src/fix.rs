//! Applying fixes to notes, safely.
//!
//! A fix replaces a finding's words (`Edit`); rules mark each as `safe`
//! (meaning kept, applied by `--fix`) or `unsafe` (applied only with
//! `--unsafe-fixes`); most rules only suggest, because rewording a note is the
//! writer's call. Fixes are applied in memory until the note stops changing,
//! then written once: to a temporary file beside the note, with the note's
//! permissions, renamed over it, and only if the note on disk is still the
//! text that was checked. A crash at any point leaves either the old note or
//! the new one, never half of each.

use std::io::Write;
use std::path::Path;

use crate::document::Span;
use crate::engine::Edit;
use crate::rule::Applicability;

/// How many rounds of fixing before giving up on converging.
pub const MAX_ROUNDS: usize = 10;

pub fn wanted(edit: &Edit, unsafe_fixes: bool) -> bool {
    edit.applicability == Applicability::Safe || unsafe_fixes
}

/// Applies non-overlapping edits (sorted by position; overlapping ones after
/// the first are left for the next round). An edit that deletes a word
/// ("allegedly") takes one space beside it too, and at the start of a
/// sentence gives the next word the capital the deleted one had.
pub fn apply(text: &str, edits: &[(Span, &str)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (span, replacement) in edits {
        if span.start < at {
            continue;
        }
        out.push_str(&text[at..span.start]);
        out.push_str(replacement);
        at = span.end;
        if replacement.is_empty() && text[at..].starts_with(' ') {
            let before = &text[..span.start];
            if before.ends_with(' ') || before.is_empty() || before.ends_with('\n') {
                at += 1;
            }
            let capital = text[span.start..span.end].starts_with(char::is_uppercase);
            if capital {
                if let Some(c) = text[at..].chars().next().filter(|c| c.is_lowercase()) {
                    out.extend(c.to_uppercase());
                    at += c.len_utf8();
                }
            }
        }
    }
    out.push_str(&text[at..]);
    out
}

#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum WriteError {
    #[error("`{0}` changed while regard was checking it; it was not fixed")]
    #[diagnostic(code(regard::fix::changed), help("run regard again"))]
    Changed(String),
    #[error("cannot write the fixed `{path}`: {reason}")]
    #[diagnostic(code(regard::fix::io), help("the note on disk is unchanged"))]
    Io { path: String, reason: String },
}

/// Replaces the note at `path` with `new`, atomically, if it still holds `old`.
pub fn write_atomic(path: &Path, old: &str, new: &str) -> Result<(), WriteError> {
    write_atomic_with(path, old, new, |from, to| std::fs::rename(from, to))
}

/// [`write_atomic`] with the final rename supplied, so tests can make it fail.
pub fn write_atomic_with(
    path: &Path,
    old: &str,
    new: &str,
    rename: impl FnOnce(&Path, &Path) -> std::io::Result<()>,
) -> Result<(), WriteError> {
    let name = path.display().to_string();
    let io = |e: std::io::Error| WriteError::Io {
        path: name.clone(),
        reason: e.to_string(),
    };
    let current = std::fs::read(path).map_err(io)?;
    if current != old.as_bytes() {
        return Err(WriteError::Changed(name));
    }
    let permissions = std::fs::metadata(path).map_err(io)?.permissions();
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{file_name}.regard-{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(new.as_bytes())?;
        f.sync_all()?;
        std::fs::set_permissions(&tmp, permissions)?;
        rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(io(e));
    }
    Ok(())
}

/// A unified diff of the lines that differ (fixes never add or remove lines).
pub fn diff(path: &str, old: &str, new: &str) -> String {
    let mut out = format!("--- {path}\n+++ {path} (fixed)\n");
    let old_lines: Vec<&str> = old.split_inclusive('\n').collect();
    let new_lines: Vec<&str> = new.split_inclusive('\n').collect();
    if old_lines.len() != new_lines.len() {
        out.push_str(&format!(
            "@@ -1,{} +1,{} @@\n",
            old_lines.len(),
            new_lines.len()
        ));
        for l in &old_lines {
            push_line(&mut out, '-', l);
        }
        for l in &new_lines {
            push_line(&mut out, '+', l);
        }
        return out;
    }
    let mut i = 0;
    while i < old_lines.len() {
        if old_lines[i] == new_lines[i] {
            i += 1;
            continue;
        }
        let start = i;
        while i < old_lines.len() && old_lines[i] != new_lines[i] {
            i += 1;
        }
        let n = i - start;
        out.push_str(&format!("@@ -{},{n} +{},{n} @@\n", start + 1, start + 1));
        for l in &old_lines[start..i] {
            push_line(&mut out, '-', l);
        }
        for l in &new_lines[start..i] {
            push_line(&mut out, '+', l);
        }
    }
    out
}

fn push_line(out: &mut String, sign: char, line: &str) {
    out.push(sign);
    out.push_str(line.trim_end_matches(['\n', '\r']));
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn applies_edits_and_skips_overlaps() {
        let text = "He claims she claimed.";
        let edits = [
            (Span::new(3, 9), "says"),
            (Span::new(5, 9), "x"),
            (Span::new(14, 21), "said"),
        ];
        assert_eq!(apply(text, &edits), "He says she said.");
    }

    #[test]
    fn a_deleted_word_takes_a_space_and_gives_its_capital() {
        let text = "Client allegedly missed two. Supposedly the bus was late.";
        let edits = [(Span::new(7, 16), ""), (Span::new(29, 39), "")];
        assert_eq!(apply(text, &edits), "Client missed two. The bus was late.");
    }

    #[test]
    fn diff_shows_changed_lines_only() {
        let d = diff("a.md", "one\nHe claims.\nthree\n", "one\nHe says.\nthree\n");
        assert_eq!(
            d,
            "--- a.md\n+++ a.md (fixed)\n@@ -2,1 +2,1 @@\n-He claims.\n+He says.\n"
        );
    }

    #[test]
    fn a_failed_rename_leaves_the_note_intact() {
        let dir = std::env::temp_dir().join(format!("regard-fix-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let note = dir.join("note.md");
        std::fs::write(&note, "He claims.\n").unwrap();
        let err = write_atomic_with(&note, "He claims.\n", "He says.\n", |_, _| {
            Err(std::io::Error::other("simulated crash before rename"))
        });
        assert!(matches!(err, Err(WriteError::Io { .. })));
        assert_eq!(std::fs::read_to_string(&note).unwrap(), "He claims.\n");
        assert_eq!(
            std::fs::read_dir(&dir).unwrap().count(),
            1,
            "the temporary file is cleaned up"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_note_changed_since_reading_is_not_touched() {
        let dir = std::env::temp_dir().join(format!("regard-fix-changed-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let note = dir.join("note.md");
        std::fs::write(&note, "Edited meanwhile.\n").unwrap();
        assert!(matches!(
            write_atomic(&note, "He claims.\n", "He says.\n"),
            Err(WriteError::Changed(_))
        ));
        assert_eq!(
            std::fs::read_to_string(&note).unwrap(),
            "Edited meanwhile.\n"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
