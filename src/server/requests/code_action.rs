//! `textDocument/codeAction`: rewordings and suppressions.

use std::collections::{HashMap, HashSet};

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, Diagnostic, Range, TextEdit,
    Uri, WorkspaceEdit,
};

use crate::document::Kind;
use crate::rule::Applicability;

use crate::server::diagnostics::diagnostic;
use crate::server::note::{findings, Context, Encoding, Note};
use crate::server::Server;

impl Server<'_> {
    pub(in crate::server) fn code_actions(
        &mut self,
        p: &CodeActionParams,
        cx: &Context<'_>,
    ) -> Vec<CodeActionOrCommand> {
        let encoding = self.encoding;
        let uri = &p.text_document.uri;
        let Some(note) = self.notes.get_mut(uri.as_str()) else {
            return Vec::new();
        };
        let note = findings(note, cx);
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
            if let Some(fix) = &f.fix {
                actions.push(quick_fix(
                    format!(
                        "Reword `{}` as `{}`",
                        &note.text[f.span.start..f.span.end],
                        fix.replacement
                    ),
                    uri,
                    TextEdit::new(range, fix.replacement.clone()),
                    &diagnostic,
                    fix.applicability == Applicability::Safe,
                ));
            }
            // Suppressing a finding about a suppression comment makes no sense.
            let line = range.start.line;
            if rule.engine_check.is_none() && suppressed.insert((f.rule, line)) {
                actions.push(quick_fix(
                    format!("Suppress `{}` on this line, with a reason", rule.id),
                    uri,
                    suppression(note, line as usize, &rule.id, encoding),
                    &diagnostic,
                    false,
                ));
            }
        }
        actions
    }
}

pub(in crate::server) fn quick_fix(
    title: String,
    uri: &Uri,
    edit: TextEdit,
    diagnostic: &Diagnostic,
    preferred: bool,
) -> CodeActionOrCommand {
    CodeActionOrCommand::CodeAction(CodeAction {
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
}

/// The edit that suppresses `rule` on `line`: in Markdown a comment on its
/// own line above (indented like the line, so it stays in a list item), in
/// plain text a bracketed directive at the end of the line. The writer
/// replaces `reason` with theirs.
pub(in crate::server) fn suppression(
    note: &Note,
    line: usize,
    rule: &str,
    encoding: Encoding,
) -> TextEdit {
    let (start, text) = note.line(line);
    match note.kind {
        Kind::Markdown => {
            let indent = &text[..text.len() - text.trim_start().len()];
            let at = note.position(start, encoding);
            TextEdit::new(
                Range::new(at, at),
                format!("{indent}<!-- regard-ignore {rule}: reason -->\n"),
            )
        }
        Kind::Plain => {
            let end = start + text.trim_end().len();
            let at = note.position(end, encoding);
            TextEdit::new(
                Range::new(at, at),
                format!(" [regard-ignore {rule}: reason]"),
            )
        }
    }
}
