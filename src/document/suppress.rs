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
//!
//! Any `regard-` word in a comment is read as a directive, so that one
//! written wrong is not silently ignored: what is wrong with it (a
//! misspelt directive, no rule, a stray comma, words after a rule id with
//! no colon) is kept in [`Directive::problems`], and the engine reports it
//! (`invalid-suppression`, with ids that are not rules).

use std::sync::LazyLock;

use regex::Regex;

use super::{Kind, LineIndex, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Ignore,
    Disable,
    Enable,
    /// `regard-` and a word that is none of the three (`regard-ingore`):
    /// it suppresses nothing, and is reported.
    Unknown,
}

impl Action {
    /// The directive names regard reads, without `regard-`.
    pub const NAMES: [&'static str; 3] = ["ignore", "disable", "enable"];
}

#[derive(Debug, Clone)]
pub struct Directive {
    pub action: Action,
    /// Rule ids with their spans in the file. An entry with words after
    /// its id and no colon keeps the id (see [`Problem::Unseparated`]).
    pub rules: Vec<(String, Span)>,
    pub reason: Option<String>,
    /// The whole directive in the file.
    pub span: Span,
    /// `regard-ignore` (or whatever stands in its place) in the file.
    pub keyword: Span,
    /// 1-based line the directive stands on.
    pub line: usize,
    /// True when nothing but white space shares its line.
    pub alone: bool,
    /// How the directive is written wrong, if it is. Rule ids that are
    /// not rules are found by the engine, which knows the rules.
    pub problems: Vec<Problem>,
}

/// A directive written in a way regard cannot fully read: each is a
/// finding of the `invalid-suppression` rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// `regard-` and a word that is not `ignore`, `disable` or `enable`
    /// (the span of the word, `regard-` included).
    UnknownAction(Span),
    /// No rule before the colon: `<!-- regard-ignore -->`,
    /// `<!-- regard-ignore: reason -->` (the span of the keyword).
    NoRule(Span),
    /// A comma with no rule id on one side: `a,, b`, `a,:` (its span).
    EmptyEntry(Span),
    /// Words after a rule id with no colon before them:
    /// `regard-ignore deficit-label quoting the letter`, or a missing comma
    /// between ids. `rule` indexes [`Directive::rules`]; the span is the words.
    Unseparated { rule: usize, words: Span },
}

static MARKDOWN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<!--[ \t]*regard-([A-Za-z]+(?:-[A-Za-z]+)*)([^:>]*?)(?::([^>]*?))?[ \t]*-->")
        .unwrap()
});
static PLAIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\[regard-([A-Za-z]+(?:-[A-Za-z]+)*)([^:\]\n]*?)(?::([^\]\n]*?))?\]").unwrap()
});

/// The reason an editor's suppression action inserts for the writer to
/// type over (`regard server`). Left as it is, it is no reason.
pub const PLACEHOLDER: &str = "reason";

/// The directive syntax for a kind of note: `regard-` and any word, so that
/// a misspelt directive is reported rather than read as prose.
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
            let word = c.get(1).unwrap();
            // `regard-` is the 7 bytes before the word.
            let keyword = Span::new(word.start() - 7, word.end());
            let action = match word.as_str() {
                "ignore" => Action::Ignore,
                "disable" => Action::Disable,
                "enable" => Action::Enable,
                _ => Action::Unknown,
            };
            let mut problems = Vec::new();
            let mut rules = Vec::new();
            if action == Action::Unknown {
                problems.push(Problem::UnknownAction(keyword));
            } else {
                read_names(c.get(2).unwrap(), &mut rules, &mut problems);
                if rules.is_empty() {
                    problems.push(Problem::NoRule(keyword));
                }
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
                keyword,
                line: index.position(whole.start()).line,
                alone,
                problems,
            }
        })
        .collect()
}

/// The comma-separated rule ids between the keyword and the colon. An
/// entry's first word is its id; more words are a missing colon (or comma).
fn read_names(
    names: regex::Match<'_>,
    rules: &mut Vec<(String, Span)>,
    problems: &mut Vec<Problem>,
) {
    let parts: Vec<&str> = names.as_str().split(',').collect();
    let mut at = names.start();
    for (i, part) in parts.iter().enumerate() {
        let trimmed = part.trim();
        if trimmed.is_empty() {
            // With no id at all, the directive names no rule (reported
            // once); otherwise this comma has nothing on one side.
            if parts.len() > 1 && parts.iter().any(|p| !p.trim().is_empty()) {
                let comma = if i + 1 < parts.len() {
                    at + part.len()
                } else {
                    at - 1
                };
                problems.push(Problem::EmptyEntry(Span::new(comma, comma + 1)));
            }
        } else {
            let start = at + (part.len() - part.trim_start().len());
            let id_len = trimmed.find(char::is_whitespace).unwrap_or(trimmed.len());
            let id = &trimmed[..id_len];
            if id_len < trimmed.len() {
                let rest = trimmed[id_len..].trim_start();
                let words = start + (trimmed.len() - rest.len());
                problems.push(Problem::Unseparated {
                    rule: rules.len(),
                    words: Span::new(words, start + trimmed.len()),
                });
            }
            rules.push((id.to_string(), Span::new(start, start + id_len)));
        }
        at += part.len() + 1;
    }
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
