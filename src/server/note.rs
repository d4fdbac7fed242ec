//! An open note: its text as the editor has it, positions in the agreed
//! encoding, and its findings under the configuration of its folder.

use std::path::{Path, PathBuf};

use lsp_types::{Position, Range, Uri};

use crate::config::Settings;
use crate::document::{Document, Kind, Span};
use crate::engine::{Engine, Finding};
use crate::lint::Linter;
use crate::rule::{RuleSet, Severity};

/// How positions count characters within a line, as agreed at `initialize`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Encoding {
    Utf8,
    Utf16,
}

impl Encoding {
    pub(super) fn width(self, c: char) -> usize {
        match self {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
        }
    }
}

/// An open note.
pub(super) struct Note {
    pub(super) uri: Uri,
    pub(super) text: String,
    pub(super) version: i32,
    pub(super) kind: Kind,
    /// The file, for `exclude` and `per-file` settings; `None` for unsaved buffers.
    pub(super) path: Option<PathBuf>,
    /// Byte offset of the start of each line.
    pub(super) lines: Vec<usize>,
    /// Findings for the current text with their severity there; `None` when stale.
    pub(super) findings: Option<Vec<(Finding, Severity)>>,
    /// Whether the client has the diagnostics for the current findings.
    pub(super) published: bool,
}

impl Note {
    pub(super) fn new(
        uri: Uri,
        text: String,
        version: i32,
        kind: Kind,
        path: Option<PathBuf>,
    ) -> Note {
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

    pub(super) fn index_lines(&mut self) {
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
    pub(super) fn changed(&mut self) {
        self.index_lines();
        self.findings = None;
        self.published = false;
    }

    /// The line's text without its line break.
    pub(super) fn line(&self, line: usize) -> (usize, &str) {
        let start = self.lines[line];
        let end = self.lines.get(line + 1).map_or(self.text.len(), |&e| e - 1);
        let text = &self.text[start..end];
        (start, text.strip_suffix('\r').unwrap_or(text))
    }

    pub(super) fn position(&self, offset: usize, encoding: Encoding) -> Position {
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
    pub(super) fn offset(&self, position: Position, encoding: Encoding) -> usize {
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

    pub(super) fn range(&self, span: Span, encoding: Encoding) -> Range {
        Range::new(
            self.position(span.start, encoding),
            self.position(span.end, encoding),
        )
    }
}

/// The configuration, rules and engine of one workspace folder.
pub(super) struct Context<'a> {
    pub(super) root: &'a Path,
    pub(super) settings: &'a Settings,
    pub(super) rules: &'a RuleSet,
    pub(super) engine: Engine<'a>,
}

impl Context<'_> {
    /// The pipeline `regard check` runs, under this folder's configuration.
    pub(super) fn linter(&self) -> Linter<'_> {
        Linter {
            settings: self.settings,
            rules: self.rules,
            engine: &self.engine,
        }
    }
}

/// The context of the deepest workspace folder that holds `path`; the
/// first folder's for a note outside them all or not yet saved.
pub(super) fn context_for<'c, 'a>(
    contexts: &'c [Context<'a>],
    path: Option<&Path>,
) -> &'c Context<'a> {
    path.and_then(|path| {
        contexts
            .iter()
            .filter(|cx| path.starts_with(cx.root))
            .max_by_key(|cx| cx.root.components().count())
    })
    .unwrap_or(&contexts[0])
}

/// The note with the context of its folder, linted first if its findings
/// are stale.
pub(super) fn findings<'n, 'c, 'a>(
    note: &'n mut Note,
    contexts: &'c [Context<'a>],
) -> (&'n Note, &'c Context<'a>) {
    let cx = context_for(contexts, note.path.as_deref());
    if note.findings.is_none() {
        note.findings = Some(note.check(cx));
    }
    (note, cx)
}

/// Markdown or plain text: by extension as `regard check` decides, then by
/// the editor's language id.
pub(super) fn note_kind(path: Option<&Path>, language: &str) -> Kind {
    match path.and_then(Kind::from_path) {
        // An editor's buffer is text, never a Word document's archive.
        Some(kind) if kind != Kind::Word => kind,
        _ if language.eq_ignore_ascii_case("markdown") => Kind::Markdown,
        _ => Kind::Plain,
    }
}

impl Note {
    /// Findings with their severity for this note, after `exclude` and
    /// `per-file` settings, as `regard check` keeps them.
    pub(super) fn check(&self, cx: &Context<'_>) -> Vec<(Finding, Severity)> {
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
        // An editor gets at most `MAX_PER_NOTE` diagnostics for a note, as
        // `regard check` shows at most that many (issue 18); text is built
        // for those only.
        cx.linter()
            .select(
                &doc,
                self.path.as_deref(),
                crate::report::MAX_PER_NOTE,
                None,
            )
            .shown
    }

    /// The findings of the last lint (see [`findings`]).
    pub(super) fn found(&self) -> &[(Finding, Severity)] {
        self.findings.as_deref().unwrap_or_default()
    }
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
}
