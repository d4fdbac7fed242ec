//! `textDocument/hover`: the rule's docs over a finding.

use lsp_types::{Hover, HoverContents, HoverParams, MarkupContent, MarkupKind};

use crate::engine::Finding;

use crate::server::note::{findings, Context};
use crate::server::Server;

impl Server<'_> {
    pub(in crate::server) fn hover(
        &mut self,
        p: &HoverParams,
        contexts: &[Context<'_>],
    ) -> Option<Hover> {
        let encoding = self.encoding;
        let at = &p.text_document_position_params;
        let (note, cx) = findings(self.notes.get_mut(at.text_document.uri.as_str())?, contexts);
        let offset = note.offset(at.position, encoding);
        let here: Vec<&Finding> = note
            .found()
            .iter()
            .map(|(f, _)| f)
            .filter(|f| f.span.start <= offset && offset <= f.span.end)
            .collect();
        let first = here.first()?;
        let range = note.range(first.span, encoding);
        let sections: Vec<String> = here.iter().map(|f| hover_text(f, cx)).collect();
        Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: sections.join("\n\n---\n\n"),
            }),
            range: Some(range),
        })
    }
}

/// The rule's docs, as `regard rule ID` shows them, in Markdown.
pub(in crate::server) fn hover_text(f: &Finding, cx: &Context<'_>) -> String {
    let rule = &cx.rules.rules[f.rule];
    let mut out = format!(
        "**{}** ({}): {}\n\n{}",
        rule.id,
        rule.severity.as_str(),
        rule.summary.trim(),
        f.message
    );
    for (heading, text) in [
        ("What it flags", &rule.docs.what),
        ("Why it matters", &rule.docs.why),
        ("The curious alternative", &rule.docs.curious),
    ] {
        out.push_str(&format!("\n\n**{heading}.** {}", text.trim()));
    }
    if !f.suggestions.is_empty() {
        out.push_str("\n\n**Try:**");
        for s in &f.suggestions {
            out.push_str(&format!("\n- {s}"));
        }
    }
    out
}
