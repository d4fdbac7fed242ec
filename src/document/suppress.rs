//! Suppression comments: a writer's considered "yes, this word, here".
//!
//! In Markdown they are HTML comments, invisible when the note is rendered:
//!
//! ```markdown
//! <!-- regard-ignore deficit-label: quoting the referral letter -->
//! The referral describes him as "resistant".
//!
//! <!-- regard-disable credibility-doubt: court transcript -->
//! …
//! <!-- regard-enable credibility-doubt -->
//! ```
//!
//! In plain text the same directives stand in square brackets:
//! `[regard-ignore deficit-label: quoting the referral]`. A directive names
//! its rules (comma-separated); the reason follows a colon. `regard-ignore`
//! covers the next line when it stands alone on its line, otherwise its own
//! line; `regard-disable` covers every line until the matching
//! `regard-enable`, or the end of the note.

use std::sync::LazyLock;

use regex::Regex;

use super::{Kind, LineIndex, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Ignore,
    Disable,
    Enable,
}

#[derive(Debug, Clone)]
pub struct Directive {
    pub action: Action,
    /// Rule ids with their spans in the file.
    pub rules: Vec<(String, Span)>,
    pub reason: Option<String>,
    /// The whole directive in the file.
    pub span: Span,
    /// 1-based line the directive stands on.
    pub line: usize,
    /// True when nothing but white space shares its line.
    pub alone: bool,
}

static MARKDOWN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<!--[ \t]*regard-(ignore|disable|enable)\b([^:>]*?)(?::([^>]*?))?[ \t]*-->")
        .unwrap()
});
static PLAIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\[regard-(ignore|disable|enable)\b([^:\]\n]*?)(?::([^\]\n]*?))?\]").unwrap()
});

/// The reason an editor's suppression action inserts for the writer to
/// type over (`regard server`). Left as it is, it is no reason.
pub const PLACEHOLDER: &str = "reason";

/// The directive syntax for a kind of note.
pub fn syntax(kind: Kind) -> &'static Regex {
    match kind {
        Kind::Markdown => &MARKDOWN,
        // Word comments hold plain directives (`office/`).
        Kind::Plain | Kind::Word => &PLAIN,
    }
}

/// Every directive in `text`.
pub fn directives(text: &str, kind: Kind, index: &LineIndex<'_>) -> Vec<Directive> {
    if kind == Kind::Word {
        // Comments, not text: their anchors are in the document's trailer.
        return super::office::directives(text);
    }
    if !text.contains("regard-") {
        return Vec::new();
    }
    syntax(kind)
        .captures_iter(text)
        .map(|c| {
            let whole = c.get(0).unwrap();
            let action = match &c[1] {
                "ignore" => Action::Ignore,
                "disable" => Action::Disable,
                _ => Action::Enable,
            };
            let names = c.get(2).unwrap();
            let mut rules = Vec::new();
            let mut at = names.start();
            for part in names.as_str().split(',') {
                let trimmed = part.trim();
                if !trimmed.is_empty() {
                    let start = at + part.find(trimmed).unwrap_or(0);
                    rules.push((trimmed.to_string(), Span::new(start, start + trimmed.len())));
                }
                at += part.len() + 1;
            }
            let reason = c
                .get(3)
                .map(|r| r.as_str().trim().to_string())
                .filter(|r| !r.is_empty() && !r.eq_ignore_ascii_case(PLACEHOLDER));
            // Only the white space next to the directive is read, so many
            // directives on one long line stay linear (issue 18).
            let alone = blank_to_line_break(text[..whole.start()].chars().rev())
                && blank_to_line_break(text[whole.end()..].chars());
            Directive {
                action,
                rules,
                reason,
                span: Span::new(whole.start(), whole.end()),
                line: index.position(whole.start()).line,
                alone,
            }
        })
        .collect()
}

/// Whether `chars` hold only white space up to a line break (or the end).
fn blank_to_line_break(chars: impl Iterator<Item = char>) -> bool {
    for c in chars {
        if c == '\n' {
            return true;
        }
        if !c.is_whitespace() {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_markdown_directives() {
        let text = "a\n<!-- regard-ignore deficit-label, credibility-doubt: quoting the letter -->\nb <!-- regard-enable x -->\n";
        let d = directives(text, Kind::Markdown, &LineIndex::new(text));
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].action, Action::Ignore);
        let ids: Vec<&str> = d[0].rules.iter().map(|(r, _)| r.as_str()).collect();
        assert_eq!(ids, ["deficit-label", "credibility-doubt"]);
        assert_eq!(
            &text[d[0].rules[1].1.start..d[0].rules[1].1.end],
            "credibility-doubt"
        );
        assert_eq!(d[0].reason.as_deref(), Some("quoting the letter"));
        assert!(d[0].alone);
        assert_eq!(d[0].line, 2);
        assert!(!d[1].alone);
        assert_eq!(d[1].reason, None);
    }

    #[test]
    fn the_editors_placeholder_is_no_reason() {
        let text = "<!-- regard-ignore deficit-label: reason -->\nHe was lazy. <!-- regard-ignore deficit-label: Reason -->\n<!-- regard-ignore x: the reason he gave -->\n";
        let d = directives(text, Kind::Markdown, &LineIndex::new(text));
        assert_eq!(d[0].reason, None);
        assert_eq!(d[1].reason, None);
        assert_eq!(d[2].reason.as_deref(), Some("the reason he gave"));
    }

    #[test]
    fn parses_plain_directives() {
        let text = "He was resistant. [regard-ignore deficit-label: his words in the referral]\n";
        let d = directives(text, Kind::Plain, &LineIndex::new(text));
        assert_eq!(d[0].rules[0].0, "deficit-label");
        assert!(!d[0].alone);
    }
}
