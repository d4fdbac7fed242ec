//! `textDocument/codeAction`: rewordings and suppressions.

use std::collections::{HashMap, HashSet};

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionParams, Diagnostic, Range, TextEdit, Uri, WorkspaceEdit,
};
use serde_json::{json, Value};

use crate::document::suppress::PLACEHOLDER;
use crate::document::Kind;
use crate::rule::Applicability;

use crate::server::diagnostics::diagnostic;
use crate::server::note::{findings, Context, Encoding, Note};
use crate::server::Server;

impl Server<'_> {
    /// Quick fixes for the findings in the range: the rule's rewording where
    /// it has one, and a suppression with a reason. Titles name the line, so
    /// two actions for different lines never read the same.
    pub(in crate::server) fn code_actions(
        &mut self,
        p: &CodeActionParams,
        contexts: &[Context<'_>],
    ) -> Vec<Value> {
        let encoding = self.encoding;
        let snippets = self.snippets;
        let uri = &p.text_document.uri;
        let Some(note) = self.notes.get_mut(uri.as_str()) else {
            return Vec::new();
        };
        let (note, cx) = findings(note, contexts);
        let start = note.offset(p.range.start, encoding);
        let end = note.offset(p.range.end, encoding);
        let mut actions = Vec::new();
        let mut suppressed = HashSet::new();
        for (f, level) in note.found() {
            if f.span.end < start || f.span.start > end {
                continue;
            }
            let rule = &cx.rules.rules[f.rule];
            let diagnostic = diagnostic(note, f, *level, cx, encoding);
            let range = note.range(f.span, encoding);
            let line = range.start.line;
            if let Some(fix) = &f.fix {
                actions.push(quick_fix(
                    format!(
                        "Reword `{}` as `{}` on line {}",
                        &note.text[f.span.start..f.span.end],
                        fix.replacement,
                        line + 1
                    ),
                    uri,
                    {
                        // The same edit `--fix` makes: a deleted word's
                        // space, the capital it had, "a"/"an" before it.
                        let (span, replacement) =
                            crate::fix::tidied(&note.text, f.span, &fix.replacement);
                        TextEdit::new(note.range(span, encoding), replacement)
                    },
                    &diagnostic,
                    fix.applicability == Applicability::Safe,
                ));
            }
            // Suppressing a finding about a suppression comment makes no sense.
            if rule.engine_check.is_none() && suppressed.insert((f.rule, line)) {
                let edit = suppression(note, line as usize, &rule.id, encoding);
                let mut action = quick_fix(
                    format!("Suppress `{}` on line {}, with a reason", rule.id, line + 1),
                    uri,
                    edit.clone(),
                    &diagnostic,
                    false,
                );
                if snippets {
                    // The client selects the placeholder for typing over.
                    let snippet = escape_snippet(&edit.new_text).replacen(
                        PLACEHOLDER,
                        &format!("${{1:{PLACEHOLDER}}}"),
                        1,
                    );
                    action["edit"] = json!({"documentChanges": [{
                        "textDocument": {"uri": uri, "version": note.version},
                        "edits": [{
                            "range": edit.range,
                            "snippet": {"kind": "snippet", "value": snippet},
                        }],
                    }]});
                }
                actions.push(action);
            }
        }
        actions
    }
}

fn quick_fix(
    title: String,
    uri: &Uri,
    edit: TextEdit,
    diagnostic: &Diagnostic,
    preferred: bool,
) -> Value {
    serde_json::to_value(CodeAction {
        title,
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![diagnostic.clone()]),
        edit: Some(WorkspaceEdit {
            changes: Some(HashMap::from([(uri.clone(), vec![edit])])),
            ..WorkspaceEdit::default()
        }),
        is_preferred: preferred.then_some(true),
        ..CodeAction::default()
    })
    .unwrap_or(Value::Null)
}

/// Snippet syntax gives `$`, `}` and `\` meanings; these stand for themselves.
fn escape_snippet(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '$' | '}' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The edit that suppresses `rule` on `line`, with `reason` for the writer
/// to replace. In Markdown a comment goes on a line of its own above, but
/// only where a line of its own changes nothing around it: above a line
/// that starts a paragraph. In a table row, a list, a block quote or the
/// middle of a paragraph a line of its own would end the table, split the
/// list or the paragraph, so the comment goes at the end of the line, where
/// `regard-ignore` covers its own line. In plain text the bracketed
/// directive always goes at the end of the line.
fn suppression(note: &Note, line: usize, rule: &str, encoding: Encoding) -> TextEdit {
    let (start, text) = note.line(line);
    let end = note.position(start + text.trim_end().len(), encoding);
    match note.kind {
        Kind::Markdown if starts_paragraph(note, line) => {
            let at = note.position(start, encoding);
            TextEdit::new(
                Range::new(at, at),
                format!("<!-- regard-ignore {rule}: {PLACEHOLDER} -->\n"),
            )
        }
        Kind::Markdown => TextEdit::new(
            Range::new(end, end),
            format!(" <!-- regard-ignore {rule}: {PLACEHOLDER} -->"),
        ),
        // (A Word document is never an editor's buffer: `note_kind`.)
        Kind::Plain | Kind::Word => TextEdit::new(
            Range::new(end, end),
            format!(" [regard-ignore {rule}: {PLACEHOLDER}]"),
        ),
    }
}

/// Whether `line` starts a paragraph of its own at the top level: after a
/// blank line, a heading or a comment (or at the start), and not a list
/// item, a block quote, indented, or a table row.
fn starts_paragraph(note: &Note, line: usize) -> bool {
    let (_, text) = note.line(line);
    if text.starts_with([' ', '\t']) || text.starts_with('>') || list_item(text) {
        return false;
    }
    if text.contains('|') && in_table(note, line) {
        return false;
    }
    if line == 0 {
        return true;
    }
    let (_, above) = note.line(line - 1);
    let above = above.trim();
    above.is_empty() || above.starts_with('#') || above.ends_with("-->")
}

/// A list item's first line: `-`, `*` or `+`, or a number and `.` or `)`,
/// then a space or the end of the line.
fn list_item(text: &str) -> bool {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let rest = match digits {
        0 => text.strip_prefix(['-', '*', '+']),
        1..=9 => text[digits..].strip_prefix(['.', ')']),
        _ => None,
    };
    rest.is_some_and(|r| r.is_empty() || r.starts_with([' ', '\t']))
}

/// Whether the block around `line` (the lines up to a blank one either
/// side) has a table's delimiter row, such as `|---|:--:|`.
fn in_table(note: &Note, line: usize) -> bool {
    let delimiter = |l: usize| {
        let t = note.line(l).1.trim();
        t.contains('|')
            && t.contains('-')
            && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
    };
    let blank = |l: usize| note.line(l).1.trim().is_empty();
    let mut l = line;
    while !blank(l) {
        if delimiter(l) {
            return true;
        }
        if l == 0 {
            break;
        }
        l -= 1;
    }
    let mut l = line + 1;
    while l < note.lines.len() && !blank(l) {
        if delimiter(l) {
            return true;
        }
        l += 1;
    }
    false
}
