//! Applying fixes to notes, safely.
//!
//! A fix replaces a finding's words (`Edit`); rules mark each as `safe`
//! (meaning kept, applied by `--fix`) or `unsafe` (applied only with
//! `--unsafe-fixes`); most rules only suggest, because rewording a note is the
//! writer's call. Fixes are applied in memory until the note stops changing,
//! then written once: to a temporary file beside the note, with the note's
//! owner and permissions, renamed over it, and only if the note on disk is
//! still the file and the text that was checked. A crash at any point leaves
//! either the old note or the new one, never half of each. Notes that are
//! read-only, hard-linked or someone else's when the owner cannot be kept
//! are refused; see `replace`, which also writes baselines.

use std::io::Write;
use std::path::Path;

use crate::document::Span;
use crate::engine::Edit;
use crate::report::source::{one_line, printable};
use crate::rule::Applicability;

/// How many rounds of fixing before giving up on converging.
pub const MAX_ROUNDS: usize = 10;

pub fn wanted(edit: &Edit, unsafe_fixes: bool) -> bool {
    edit.applicability == Applicability::Safe || unsafe_fixes
}

/// Applies non-overlapping edits (sorted by position; overlapping ones after
/// the first are left for the next round), each as [`tidied`] makes it.
pub fn apply(text: &str, edits: &[(Span, &str)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for &(span, replacement) in edits {
        if span.start < at {
            continue;
        }
        let (span, replacement) = tidied(text, span, replacement);
        if span.start < at {
            continue;
        }
        out.push_str(&text[at..span.start]);
        out.push_str(&replacement);
        at = span.end;
    }
    out.push_str(&text[at..]);
    out
}

/// The edit that replacing `span` of `text` with `replacement` really
/// needs, so that `--fix` and the editor's quick fix leave the same
/// sentence: a deleted word ("allegedly") takes one space beside it too,
/// and at the start of a sentence gives the next word the capital it had;
/// a new word after "a" or "an" takes the article that goes with it ("an
/// addict" → "a person who uses drugs").
pub fn tidied(text: &str, span: Span, replacement: &str) -> (Span, String) {
    let (mut start, mut end) = (span.start, span.end);
    let mut out = String::new();
    if replacement.is_empty() {
        if text[end..].starts_with(' ') {
            let before = &text[..start];
            if before.ends_with(' ') || before.is_empty() || before.ends_with('\n') {
                end += 1;
            }
            if text[start..span.end].starts_with(char::is_uppercase) {
                if let Some(c) = text[end..].chars().next().filter(|c| c.is_lowercase()) {
                    out.extend(c.to_uppercase());
                    end += c.len_utf8();
                }
            }
        }
        return (Span::new(start, end), out);
    }
    if let Some((at, article)) = article_before(&text[..start]) {
        let vowel = replacement
            .chars()
            .next()
            .is_some_and(|c| "aeiouAEIOU".contains(c));
        let wanted = match (vowel, article.starts_with('A')) {
            (true, true) => "An",
            (true, false) => "an",
            (false, true) => "A",
            (false, false) => "a",
        };
        if article != wanted {
            out.push_str(wanted);
            out.push_str(&text[at + article.len()..start]);
            start = at;
        }
    }
    out.push_str(replacement);
    (Span::new(start, end), out)
}

/// "a" or "an" as the last word of `before` (followed by spaces only), and
/// where it starts.
fn article_before(before: &str) -> Option<(usize, &str)> {
    let word_end = before.trim_end_matches(' ').len();
    if word_end == before.len() {
        return None;
    }
    let word_start = before[..word_end]
        .rfind(|c: char| !c.is_alphanumeric())
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..word_end];
    ["a", "an", "A", "An"]
        .contains(&word)
        .then_some((word_start, word))
}

#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum WriteError {
    #[error("`{0}` changed while regard was checking it; it was not fixed")]
    #[diagnostic(code(regard::fix::changed), help("run regard again"))]
    Changed(String),
    #[error("`{path}` is read-only (mode {mode:o}); it was not fixed")]
    #[diagnostic(
        code(regard::fix::read_only),
        help(
            "read-only notes are often signed off or archived, so regard leaves them alone; if this one should change, make it writable first (`chmod u+w`)"
        )
    )]
    ReadOnly { path: String, mode: u32 },
    #[error("`{path}` is not writable by regard's user (mode {mode:o}); it was not fixed")]
    #[diagnostic(
        code(regard::fix::permission),
        help(
            "replacing a note needs only the folder's permission, but regard fixes only notes its user may write; run it as one who may, or see the changes with `--diff`"
        )
    )]
    NotWritable { path: String, mode: u32 },
    #[error(
        "`{path}` has {links} hard links (the same note under other names, as backup snapshots keep it); it was not fixed"
    )]
    #[diagnostic(
        code(regard::fix::hard_link),
        help(
            "replacing it would split it from its other names, and rewriting it in place would change every copy at once and could leave half a note after a crash; see the changes with `--diff` and make them by hand"
        )
    )]
    HardLinked { path: String, links: u64 },
    #[error(
        "`{path}` belongs to user {uid} and group {gid}, and regard (user {me}) cannot give the fixed note the same owner; it was not fixed"
    )]
    #[diagnostic(
        code(regard::fix::owner),
        help("run regard as the note's owner, or see the changes with `--diff`")
    )]
    Owner {
        path: String,
        uid: u32,
        gid: u32,
        me: u32,
    },
    #[error("`{0}` is not a regular file; it was not fixed")]
    #[diagnostic(code(regard::fix::not_a_file))]
    NotAFile(String),
    #[error("cannot write the fixed `{path}`: {reason}")]
    #[diagnostic(code(regard::fix::io), help("the note on disk is unchanged"))]
    Io { path: String, reason: String },
}

/// Why [`replace`] left a file alone, without naming it (callers do).
#[derive(Debug)]
pub(crate) enum Refusal {
    Changed,
    ReadOnly(u32),
    NotWritable(u32),
    HardLinked(u64),
    Owner { uid: u32, gid: u32, me: u32 },
    NotAFile,
    Io(std::io::Error),
}

impl From<std::io::Error> for Refusal {
    fn from(e: std::io::Error) -> Refusal {
        Refusal::Io(e)
    }
}

impl Refusal {
    fn for_note(self, path: String) -> WriteError {
        match self {
            Refusal::Changed => WriteError::Changed(path),
            Refusal::ReadOnly(mode) => WriteError::ReadOnly { path, mode },
            Refusal::NotWritable(mode) => WriteError::NotWritable { path, mode },
            Refusal::HardLinked(links) => WriteError::HardLinked { path, links },
            Refusal::Owner { uid, gid, me } => WriteError::Owner { path, uid, gid, me },
            Refusal::NotAFile => WriteError::NotAFile(path),
            Refusal::Io(e) => WriteError::Io {
                path,
                reason: e.to_string(),
            },
        }
    }

    /// The reason in a sentence about some other file (a baseline).
    pub(crate) fn reason(&self) -> String {
        match self {
            Refusal::Changed => "it changed while regard was writing it".into(),
            Refusal::ReadOnly(mode) => format!("it is read-only (mode {mode:o})"),
            Refusal::NotWritable(mode) => {
                format!("it is not writable by regard's user (mode {mode:o})")
            }
            Refusal::HardLinked(links) => format!(
                "it has {links} hard links, and replacing it would split it from its other names"
            ),
            Refusal::Owner { uid, gid, me } => format!(
                "it belongs to user {uid} and group {gid}, and regard (user {me}) cannot give the new file the same owner"
            ),
            Refusal::NotAFile => "it is not a regular file".into(),
            Refusal::Io(e) => e.to_string(),
        }
    }
}

/// Replaces the note at `path` with `new`, atomically, if it still holds `old`.
pub fn write_atomic(path: &Path, old: &str, new: &str) -> Result<(), WriteError> {
    write_atomic_with(path, old, new, |_, _| Ok(()))
}

/// [`write_atomic`] with a hook run once the fixed copy (first path) is
/// written and synced, just before the note (second path) is checked for the
/// last time and replaced: tests make it fail, or edit the note meanwhile.
pub fn write_atomic_with(
    path: &Path,
    old: &str,
    new: &str,
    before_rename: impl FnOnce(&Path, &Path) -> std::io::Result<()>,
) -> Result<(), WriteError> {
    replace(path, Some(old.as_bytes()), new.as_bytes(), before_rename)
        .map_err(|r| r.for_note(path.display().to_string()))
}

/// Replaces the file at `path` (which must still hold `expect`, if given)
/// with `new`, so that a crash at any moment leaves the old file or the new
/// one, and nobody else ever sees more than the old file allowed:
///
/// - through a symbolic link, the file it points to is replaced and the link
///   kept; a file with other hard links is refused (see [`Refusal`]);
/// - a file nobody may write (no write permission bit), or that the current
///   user may not open for writing, is refused: as root the system would
///   allow it, so the mode is checked here;
/// - the new contents go to a temporary file with a random name in the same
///   folder, created exclusively (`O_CREAT | O_EXCL`, which never follows a
///   planted symbolic link), at first open to regard's user alone and never
///   beyond the old file's bits, then given the old file's owner and group
///   (refused if that is not allowed) and exact permission bits, and only
///   then written and synced: whoever could open it before it held the new
///   text could read the old file too;
/// - just before the rename, the file's identity (device, inode, size, times,
///   mode, owner, links) and contents are checked again: an edit saved
///   meanwhile is not overwritten (one saved in the instant between that
///   look and the rename cannot be seen without the editor's help);
/// - after the rename, the folder is synced, so the new name survives a
///   power cut.
///
/// A file that does not exist yet is created with the usual permissions
/// (0666 less the umask).
pub(crate) fn replace(
    path: &Path,
    expect: Option<&[u8]>,
    new: &[u8],
    before_rename: impl FnOnce(&Path, &Path) -> std::io::Result<()>,
) -> Result<(), Refusal> {
    use std::io::{Read, Seek};

    let target = match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => std::fs::canonicalize(path)?,
        Ok(_) => path.to_path_buf(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && expect.is_none() => {
            return create_new(path, new, before_rename);
        }
        Err(e) => return Err(e.into()),
    };
    let mut old_file = platform::open_existing(&target, false)?;
    let before = old_file.metadata()?;
    if !before.is_file() {
        return Err(Refusal::NotAFile);
    }
    let same_text = |f: &mut std::fs::File| -> std::io::Result<bool> {
        let Some(expect) = expect else {
            return Ok(true);
        };
        f.rewind()?;
        let mut current = Vec::with_capacity(expect.len());
        f.take(expect.len() as u64 + 1).read_to_end(&mut current)?;
        Ok(current == expect)
    };
    if !same_text(&mut old_file)? {
        return Err(Refusal::Changed);
    }
    platform::refuse_links_and_read_only(&target, &before)?;

    let dir = folder_of(&target);
    let mut tmp = platform::temp_like(&dir, &target, &before)?;
    tmp.as_file_mut().write_all(new)?;
    tmp.as_file().sync_all()?;
    before_rename(tmp.path(), &target)?;

    // The last look: the same file, untouched, still holding what was checked.
    let now = std::fs::symlink_metadata(&target)?;
    if !platform::same_file(&before, &now) || !same_text(&mut old_file)? {
        return Err(Refusal::Changed);
    }
    tmp.persist(&target).map_err(|e| e.error)?;
    sync_folder(&dir);
    Ok(())
}

/// [`replace`] for a file that does not exist yet: created with 0666 less
/// the umask, as `File::create` would.
fn create_new(
    path: &Path,
    new: &[u8],
    before_rename: impl FnOnce(&Path, &Path) -> std::io::Result<()>,
) -> Result<(), Refusal> {
    let dir = folder_of(path);
    let mut tmp = platform::temp_in(&dir, path, 0o666)?;
    tmp.as_file_mut().write_all(new)?;
    tmp.as_file().sync_all()?;
    before_rename(tmp.path(), path)?;
    // Another process may have created it meanwhile: never replace that.
    tmp.persist_noclobber(path).map_err(|e| e.error)?;
    sync_folder(&dir);
    Ok(())
}

fn folder_of(path: &Path) -> std::path::PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => ".".into(),
    }
}

/// Makes a rename in `dir` durable. Best effort: some file systems cannot
/// sync a folder, and the file itself is already synced.
fn sync_folder(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// A temporary file beside `target`, named `.NAME.regard-RANDOM.tmp`.
fn temp_builder(name: &str) -> tempfile::Builder<'_, 'static> {
    let mut b = tempfile::Builder::new();
    b.prefix(name).suffix(".tmp");
    b
}

fn temp_prefix(target: &Path) -> String {
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    format!(".{name}.regard-")
}

#[cfg(unix)]
mod platform {
    use std::fs::{File, Metadata, OpenOptions, Permissions};
    use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
    use std::path::Path;

    use super::Refusal;

    /// An empty temporary file in `dir` created with `mode` (less the umask)
    /// from the first moment, exclusively: `O_CREAT | O_EXCL` fails on any
    /// existing name, a symbolic link included (`O_NOFOLLOW` says so again),
    /// and the name is random (tempfile tries another if it is taken).
    pub fn temp_in(
        dir: &Path,
        target: &Path,
        mode: u32,
    ) -> std::io::Result<tempfile::NamedTempFile> {
        let prefix = super::temp_prefix(target);
        super::temp_builder(&prefix).make_in(dir, |path| {
            OpenOptions::new()
                .read(true)
                .write(true)
                .create_new(true)
                .mode(mode)
                .custom_flags(libc::O_NOFOLLOW)
                .open(path)
        })
    }

    /// Opens an existing file without following a link put in its place and
    /// without waiting on a FIFO put in its place (such opens fail or give a
    /// file that is then refused as not regular).
    pub fn open_existing(path: &Path, write: bool) -> std::io::Result<File> {
        OpenOptions::new()
            .read(!write)
            .write(write)
            .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
            .open(path)
    }

    pub fn refuse_links_and_read_only(target: &Path, m: &Metadata) -> Result<(), Refusal> {
        if m.nlink() > 1 {
            return Err(Refusal::HardLinked(m.nlink()));
        }
        let mode = m.mode() & 0o7777;
        // Root may write anything, so the bits are checked here.
        if mode & 0o222 == 0 {
            return Err(Refusal::ReadOnly(mode));
        }
        // For anyone else, the system's answer (ACLs, read-only mounts,
        // immutable files included). Opening without truncating changes nothing.
        match open_existing(target, true) {
            Ok(_) => Ok(()),
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
                ) =>
            {
                Err(Refusal::NotWritable(mode))
            }
            Err(e) => Err(e.into()),
        }
    }

    /// An empty temporary file in `dir` with `like`'s owner, group and exact
    /// permission bits. Until the owner is right it is open to regard's user
    /// alone (the owner bits of `like`, at most): permissions are checked when
    /// a file is opened, so a wider start would let someone in the note's
    /// group as it was created, but not the note's, open it and read later.
    pub fn temp_like(
        dir: &Path,
        target: &Path,
        like: &Metadata,
    ) -> Result<tempfile::NamedTempFile, Refusal> {
        let mode = like.mode() & 0o7777;
        let tmp = temp_in(dir, target, mode & 0o600)?;
        let mine = tmp.as_file().metadata()?;
        if (mine.uid(), mine.gid()) != (like.uid(), like.gid()) {
            let uid = (mine.uid() != like.uid()).then_some(like.uid());
            let gid = (mine.gid() != like.gid()).then_some(like.gid());
            if std::os::unix::fs::fchown(tmp.as_file(), uid, gid).is_err() {
                // Dropping `tmp` removes it.
                return Err(Refusal::Owner {
                    uid: like.uid(),
                    gid: like.gid(),
                    me: mine.uid(),
                });
            }
        }
        // Exactly the note's bits: the umask may have narrowed them, and a
        // change of owner clears set-id bits.
        tmp.as_file()
            .set_permissions(Permissions::from_mode(mode))?;
        Ok(tmp)
    }

    pub fn same_file(a: &Metadata, b: &Metadata) -> bool {
        let id = |m: &Metadata| {
            (
                (m.dev(), m.ino(), m.size(), m.nlink()),
                (m.mtime(), m.mtime_nsec(), m.ctime(), m.ctime_nsec()),
                (m.mode(), m.uid(), m.gid()),
            )
        };
        id(a) == id(b)
    }
}

/// Elsewhere: no owners or modes to keep; read-only is the flag.
#[cfg(not(unix))]
mod platform {
    use std::fs::Metadata;
    use std::path::Path;

    use super::Refusal;

    pub fn temp_in(
        dir: &Path,
        target: &Path,
        _mode: u32,
    ) -> std::io::Result<tempfile::NamedTempFile> {
        let prefix = super::temp_prefix(target);
        super::temp_builder(&prefix).tempfile_in(dir)
    }

    pub fn open_existing(path: &Path, write: bool) -> std::io::Result<std::fs::File> {
        std::fs::OpenOptions::new()
            .read(!write)
            .write(write)
            .open(path)
    }

    pub fn refuse_links_and_read_only(_target: &Path, m: &Metadata) -> Result<(), Refusal> {
        if m.permissions().readonly() {
            return Err(Refusal::ReadOnly(0o444));
        }
        Ok(())
    }

    pub fn temp_like(
        dir: &Path,
        target: &Path,
        _like: &Metadata,
    ) -> Result<tempfile::NamedTempFile, Refusal> {
        Ok(temp_in(dir, target, 0)?)
    }

    pub fn same_file(a: &Metadata, b: &Metadata) -> bool {
        (a.len(), a.modified().ok()) == (b.len(), b.modified().ok())
    }
}

/// A unified diff of the lines that differ (fixes never add or remove lines).
/// It goes to a terminal: control characters in the note or its name are
/// shown as symbols (see `report/source.rs`), and the name stays one line.
pub fn diff(path: &str, old: &str, new: &str) -> String {
    let path = one_line(path);
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
    out.push_str(&printable(line.trim_end_matches(['\n', '\r'])));
    out.push('\n');
}

/// How many lines [`diff`] would show as changed (for `--redact`, which
/// shows no text).
pub fn changed_lines(old: &str, new: &str) -> usize {
    let old_lines: Vec<&str> = old.split_inclusive('\n').collect();
    let new_lines: Vec<&str> = new.split_inclusive('\n').collect();
    if old_lines.len() != new_lines.len() {
        return old_lines.len().max(new_lines.len());
    }
    old_lines
        .iter()
        .zip(&new_lines)
        .filter(|(a, b)| a != b)
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_word_takes_the_article_that_goes_with_it() {
        let text = "He is an addict. An addict, a addict.";
        let fixed = |start: usize, end: usize| {
            apply(text, &[(Span::new(start, end), "person who uses drugs")])
        };
        assert_eq!(
            fixed(9, 15),
            "He is a person who uses drugs. An addict, a addict."
        );
        assert_eq!(
            fixed(20, 26),
            "He is an addict. A person who uses drugs, a addict."
        );
        // Already right: only the word changes.
        assert_eq!(
            fixed(30, 36),
            "He is an addict. An addict, a person who uses drugs."
        );
        assert_eq!(
            apply("She was a user", &[(Span::new(10, 14), "addict")]),
            "She was an addict"
        );
        // "a" inside a word is not an article.
        assert_eq!(
            apply("Sofa addict", &[(Span::new(5, 11), "person")]),
            "Sofa person"
        );
        // The editor gets the same edit, as a span and its text.
        assert_eq!(
            tidied(text, Span::new(9, 15), "person who uses drugs"),
            (Span::new(6, 15), "a person who uses drugs".to_string())
        );
        assert_eq!(
            tidied("Allegedly he drinks.", Span::new(0, 9), ""),
            (Span::new(0, 11), "H".to_string())
        );
    }

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
    fn a_failure_just_before_the_rename_leaves_the_note_intact() {
        let dir = std::env::temp_dir().join(format!("regard-fix-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let note = dir.join("note.md");
        std::fs::write(&note, "He claims.\n").unwrap();
        let err = write_atomic_with(&note, "He claims.\n", "He says.\n", |_, _| {
            Err(std::io::Error::other("simulated failure before the rename"))
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
