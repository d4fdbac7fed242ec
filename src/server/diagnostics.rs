//! Publishing findings as diagnostics.

use std::io;

use lsp_types::{Diagnostic, DiagnosticSeverity, NumberOrString};

use crate::engine::Finding;
use crate::rule::Severity;

use super::note::{findings, Context, Encoding, Note};
use super::Server;

impl Server<'_> {
    /// Lints and publishes every note whose diagnostics the client lacks.
    pub(super) fn publish_stale(&mut self, contexts: &[Context<'_>]) -> io::Result<()> {
        let encoding = self.encoding;
        let mut ready = Vec::new();
        for note in self.notes.values_mut().filter(|n| !n.published) {
            note.published = true;
            let (note, cx) = findings(note, contexts);
            let diagnostics = note
                .found()
                .iter()
                .map(|(f, level)| diagnostic(note, f, *level, cx, encoding))
                .collect();
            ready.push((note.uri.clone(), diagnostics, Some(note.version)));
        }
        for (uri, diagnostics, version) in ready {
            self.publish(uri, diagnostics, version)?;
        }
        Ok(())
    }
}

pub(super) fn diagnostic(
    note: &Note,
    f: &Finding,
    level: Severity,
    cx: &Context<'_>,
    encoding: Encoding,
) -> Diagnostic {
    let mut message = f.message.clone();
    if let Some(first) = f.suggestions.first() {
        message.push('\n');
        message.push_str(first);
    }
    Diagnostic {
        range: note.range(f.span, encoding),
        severity: Some(match level {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
            Severity::Info => DiagnosticSeverity::INFORMATION,
        }),
        code: Some(NumberOrString::String(cx.rules.rules[f.rule].id.clone())),
        source: Some("regard".into()),
        message,
        ..Diagnostic::default()
    }
}
