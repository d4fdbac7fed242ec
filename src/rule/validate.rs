//! `RuleFile` → [`Rule`]: checks what YAML cannot, pointing into the file.
//!
//! A rule is checked completely, and every problem is returned, so an author
//! fixes a file in one pass. Patterns are parsed with `regex-syntax` first
//! because its errors carry a span inside the pattern; `regex::Error` is only
//! text.

use std::sync::Arc;

use miette::SourceSpan;
use serde_saphyr::Spanned;

use super::error::RuleError;
use super::load::Source;
use super::pattern::{Pattern, WordKind};
use super::phrase;
use super::schema::{Examples, RuleFile};
use super::template::{Template, CONTEXT_HOLES, MATCH};
use super::unless::{Side, Unless};
use super::words::{self, Vocabulary};
use super::{Docs, Example, Fix, Rule, WordsInForce};

/// The regular expressions a rule file's word patterns and word `unless`
/// entries compile to (patterns, before, after); `Err` with the first
/// problem's message if one does not compile.
pub fn word_regexes(file: &RuleFile, vocabulary: &Vocabulary) -> Result<[Vec<String>; 3], String> {
    let pattern = |p: &Spanned<String>| {
        words::parse(&p.value)
            .and_then(|alts| vocabulary.compile_pattern(&alts))
            .map_err(|e| e.reason)
    };
    let context = |p: &Spanned<String>, before: bool| {
        words::parse(&p.value)
            .and_then(|alts| vocabulary.compile_context(&alts, before))
            .map_err(|e| e.reason)
    };
    Ok([
        file.words.iter().map(pattern).collect::<Result<_, _>>()?,
        file.unless
            .words_before
            .iter()
            .map(|p| context(p, true))
            .collect::<Result<_, _>>()?,
        file.unless
            .words_after
            .iter()
            .map(|p| context(p, false))
            .collect::<Result<_, _>>()?,
    ])
}

pub fn validate(
    file: RuleFile,
    source: &Arc<Source>,
    vocabulary: &WordsInForce,
) -> Result<Rule, Vec<RuleError>> {
    let mut errors = Vec::new();
    let id = file.id.value.clone();
    let err = |code: &'static str, message: String| RuleError::new(code, source, message);

    if !is_kebab_case(&id) {
        errors.push(
            err("regard::rule::bad_id", format!("rule id `{id}` is not kebab-case"))
                .at(value_span(&file.id, source), "not kebab-case")
                .help("use lower-case words joined by hyphens, naming what is flagged, e.g. `deficit-label`"),
        );
    }

    let mut phrases = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for p in &file.phrases {
        match phrase::expand(&p.value) {
            Ok(expanded) => {
                for e in expanded {
                    if seen.insert(e.clone()) {
                        phrases.push(e);
                    }
                }
            }
            Err(e) => errors.push(
                err(
                    "regard::rule::bad_phrase",
                    format!("rule `{id}`: phrase `{}` is malformed", p.value),
                )
                .at(inner_span(p, source, e.offset, e.len), e.reason),
            ),
        }
    }

    let mut patterns = Vec::with_capacity(file.patterns.len() + file.words.len());
    for p in &file.patterns {
        // Users' patterns compile now, so one too big for the limit is a
        // rule error here; the built-in pack is checked by its tests.
        let checked = match source.builtin {
            true => Pattern::builtin(&p.value),
            false => Pattern::parse(&p.value),
        };
        let checked = checked.and_then(|pattern| match source.builtin {
            true => Ok(pattern),
            false => pattern
                .compile()
                .map(|_| ())
                .map_err(|e| (e, None))
                .map(|()| pattern),
        });
        match checked {
            Ok(pattern) => patterns.push(pattern),
            Err((reason, range)) => {
                let at = match range {
                    Some((start, len)) => inner_span(p, source, start, len),
                    None => value_span(p, source),
                };
                errors.push(
                    err("regard::rule::bad_pattern", format!("rule `{id}`: pattern does not compile"))
                        .at(at, reason)
                        .help("patterns use Rust regex syntax: https://docs.rs/regex/latest/regex/#syntax"),
                );
            }
        }
    }

    for w in &file.words {
        let compiled = vocabulary.compile(&w.value, WordKind::Pattern, source.builtin);
        let regex = match compiled {
            Ok(regex) => regex,
            Err(e) => {
                errors.push(
                    err(
                        "regard::rule::bad_words",
                        format!("rule `{id}`: word pattern is malformed"),
                    )
                    .at(inner_span(w, source, e.offset, e.len), e.reason)
                    .help(
                        "word patterns are words, <classes>, (a|b) and the like: see docs/rules.md",
                    ),
                );
                continue;
            }
        };
        let checked = match source.builtin {
            true => Pattern::builtin(&regex),
            false => Pattern::parse(&regex)
                .and_then(|p| p.compile().map(|_| ()).map_err(|e| (e, None)).map(|()| p)),
        };
        match checked {
            Ok(pattern) => patterns.push(pattern),
            Err((reason, _)) => errors.push(
                err(
                    "regard::rule::bad_words",
                    format!("rule `{id}`: word pattern does not compile"),
                )
                .at(value_span(w, source), reason),
            ),
        }
    }

    let nothing = file.phrases.is_empty() && file.patterns.is_empty() && file.words.is_empty();
    match &file.engine_check {
        None if nothing => errors.push(
            err(
                "regard::rule::empty",
                format!("rule `{id}` has nothing to look for"),
            )
            .at(
                value_span(&file.id, source),
                "this rule has no phrases and no patterns",
            )
            .help("add `phrases:` (literal words), `words:` (word patterns) or `patterns:` (regular expressions)"),
        ),
        Some(check) if !nothing => errors.push(
            err(
                "regard::rule::engine_check",
                format!("rule `{id}` mixes an engine check with phrases or patterns"),
            )
            .at(
                value_span(check, source),
                "findings of this rule come from regard itself",
            )
            .help("remove `phrases`, `words` and `patterns`, or remove `engine-check`"),
        ),
        _ => {}
    }

    let mut fix_replace = None;
    if let Some(f) = &file.fix {
        let mut replace = std::collections::HashMap::new();
        for (phrase, replacement) in &f.replace {
            let key = phrase::expand(phrase)
                .ok()
                .and_then(|v| v.into_iter().next())
                .unwrap_or_default();
            if !seen.contains(&key) {
                errors.push(
                    err(
                        "regard::rule::bad_fix",
                        format!(
                            "rule `{id}`: `{phrase}` in `fix.replace` is not one of its phrases"
                        ),
                    )
                    .at(
                        value_span(replacement, source),
                        "replaces a phrase the rule does not match",
                    )
                    .help(fix_keys_help(&phrases)),
                );
            }
            replace.insert(key, replacement.value.clone());
        }
        fix_replace = Some((f.applicability, replace));
    }

    let mut side = |word_entries: &[Spanned<String>], entries: &[Spanned<String>], side: Side| {
        let mut all = Vec::new();
        for entry in word_entries {
            let kind = match side {
                Side::Before => WordKind::Before,
                Side::After => WordKind::After,
            };
            match vocabulary.compile(&entry.value, kind, source.builtin) {
                Ok(regex) => all.push((entry, regex)),
                Err(e) => errors.push(
                    err(
                        "regard::rule::bad_words",
                        format!("rule `{id}`: `unless` entry is malformed"),
                    )
                    .at(inner_span(entry, source, e.offset, e.len), e.reason)
                    .help(
                        "word patterns are words, <classes>, (a|b) and the like: see docs/rules.md",
                    ),
                ),
            }
        }
        all.extend(entries.iter().map(|e| (e, e.value.clone())));
        compile_unless(&all, side, &id, source, &mut errors)
    };
    let unless_before = side(&file.unless.words_before, &file.unless.before, Side::Before);
    let unless_after = side(&file.unless.words_after, &file.unless.after, Side::After);

    // A template hole other than `{match}` and the sentence's holes must be
    // filled by every pattern, and a phrase match has no captures at all.
    let has_fix = file.fix.is_some();
    let mut template = |t: &Spanned<String>, what: &str| -> Option<Template> {
        let parsed = match Template::parse(&t.value) {
            Ok(parsed) => parsed,
            Err(e) => {
                errors.push(
                    err(
                        "regard::rule::bad_template",
                        format!("rule `{id}`: {what} is malformed"),
                    )
                    .at(inner_span(t, source, e.offset, e.len), e.reason),
                );
                return None;
            }
        };
        for (hole, at) in parsed.holes() {
            if hole == MATCH {
                continue;
            }
            let in_fix = what == "the fix";
            if CONTEXT_HOLES.contains(&hole)
                || crate::suggest::clause::HOLES.contains(&hole)
                || crate::suggest::margin::HOLES.contains(&hole)
            {
                let problem = match hole {
                    "fix" | "reworded" if in_fix => {
                        Some("the fix cannot use itself; `{fix}` and `{reworded}` are for messages and suggestions")
                    }
                    "fix" | "reworded" if !has_fix => {
                        Some("this rule has no `fix:`, so there is no rewording to show; add one, or use `{subject}` and `{topic}`")
                    }
                    _ => None,
                };
                if let Some(help) = problem {
                    errors.push(
                        err(
                            "regard::rule::unknown_capture",
                            format!(
                                "rule `{id}`: {what} uses `{{{hole}}}`, which has no value here"
                            ),
                        )
                        .at(inner_span(t, source, at, hole.len() + 2), "no value here")
                        .help(help),
                    );
                }
                continue;
            }
            // A capture some patterns lack is fine where an alternative
            // does without it (blame-question's questions with no person).
            let missing = if parsed.has_alternative_without(hole) {
                None
            } else if !file.phrases.is_empty() {
                Some("phrase matches have no captures; `{match}` and the sentence's holes (`{subject}`, `{them}`, `{topic}` …) are available".to_string())
            } else {
                patterns
                    .iter()
                    .position(|p: &Pattern| !p.names.iter().any(|n| n == hole))
                    .map(|i| {
                        format!(
                            "pattern {} has no group named `{hole}`; write `(?P<{hole}>...)` there",
                            i + 1
                        )
                    })
            };
            if let Some(help) = missing {
                errors.push(
                    err(
                        "regard::rule::unknown_capture",
                        format!("rule `{id}`: {what} uses `{{{hole}}}`, which no match provides"),
                    )
                    .at(
                        inner_span(t, source, at, hole.len() + 2),
                        "not a capture of the patterns",
                    )
                    .help(help),
                );
            }
        }
        Some(parsed)
    };
    let fix_with = file
        .fix
        .as_ref()
        .and_then(|f| f.with.as_ref())
        .map(|w| template(w, "the fix"));
    let message = template(&file.message, "the message");
    let suggest: Vec<Option<Template>> = file
        .suggest
        .iter()
        .map(|s| template(s, "a suggestion"))
        .collect();

    if file.suggest.is_empty() {
        errors.push(
            err(
                "regard::rule::no_suggestion",
                format!("rule `{id}` offers no rewording"),
            )
            .at(
                value_span(&file.id, source),
                "this rule has an empty `suggest` list",
            )
            .help("every finding should offer a better way to say it: add at least one suggestion"),
        );
    }
    for (field, value) in [
        ("what", &file.docs.what),
        ("why", &file.docs.why),
        ("curious", &file.docs.curious),
    ] {
        if value.value.trim().is_empty() {
            errors.push(
                err("regard::rule::empty_docs", format!("rule `{id}`: `docs.{field}` is empty"))
                    .at(value_span(value, source), "empty")
                    .help("docs explain the rule to practitioners: what it flags, why, and the curious alternative"),
            );
        }
    }
    if file.summary.value.trim().is_empty() {
        errors.push(
            err(
                "regard::rule::empty_summary",
                format!("rule `{id}`: `summary` is empty"),
            )
            .at(value_span(&file.summary, source), "empty"),
        );
    }

    if !errors.is_empty() {
        return Err(errors);
    }
    let Examples { flag, pass } = file.examples;
    let example = |s: Spanned<String>| Example {
        span: value_span(&s, source),
        text: s.value,
    };
    let fix = fix_replace.map(|(applicability, replace)| Fix {
        applicability,
        replace,
        with: fix_with.map(|w| w.expect("no errors means the fix parsed")),
    });
    Ok(Rule {
        id,
        id_span: value_span(&file.id, source),
        severity: file.severity.value,
        summary: file.summary.value.trim().to_string(),
        message: message.expect("no errors means the message parsed"),
        phrases,
        patterns,
        suggest: suggest.into_iter().map(|s| s.expect("no errors")).collect(),
        unless_before,
        unless_after,
        in_quotes: file.in_quotes,
        priority: file.priority,
        last_part_holds_facts: file.last_part_holds_facts,
        engine_check: file.engine_check.map(|c| c.value),
        fix,
        docs: Docs {
            what: file.docs.what.value.trim().to_string(),
            why: file.docs.why.value.trim().to_string(),
            curious: file.docs.curious.value.trim().to_string(),
            fix: file.docs.fix.map(|f| f.value.trim().to_string()),
            rewording: file.docs.rewording.map(|f| f.value.trim().to_string()),
        },
        flag_examples: flag.into_iter().map(example).collect(),
        pass_examples: pass.into_iter().map(example).collect(),
        source: Arc::clone(source),
    })
}

/// The help for a `fix.replace` key the rule does not match: the phrases
/// it has (it used to suggest `claimed`, whatever the key was).
fn fix_keys_help(phrases: &[String]) -> String {
    if phrases.is_empty() {
        return "`fix.replace` rewords the rule's `phrases`, and it has none".into();
    }
    let mut listed: Vec<String> = phrases.iter().take(5).map(|p| format!("`{p}`")).collect();
    if phrases.len() > 5 {
        listed.push("…".into());
    }
    format!(
        "list a phrase exactly as `phrases` expands it (this rule's are {}), or write `with:` for the others",
        listed.join(", ")
    )
}

pub fn is_kebab_case(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|w| {
            !w.is_empty()
                && w.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
        && id.starts_with(|c: char| c.is_ascii_lowercase())
}

/// Checks the `unless` entries of one side and holds them both ways
/// [`Unless`] searches them.
fn compile_unless(
    entries: &[(&Spanned<String>, String)],
    side: Side,
    id: &str,
    source: &Arc<Source>,
    errors: &mut Vec<RuleError>,
) -> Option<Unless> {
    if entries.is_empty() {
        return None;
    }
    let mut each = Vec::with_capacity(entries.len());
    for (entry, e) in entries {
        let e = e.as_str();
        let anchored = side.anchor(&[e]);
        // The built-in pack's entries are checked by its tests, not at
        // every start.
        let checked = match source.builtin {
            true => Pattern::builtin_wrapped(e, &anchored),
            false => Pattern::parse(e).and_then(|p| {
                let p = p.wrapped(&anchored);
                p.compile().map_err(|reason| (reason, None))?;
                Ok(p)
            }),
        };
        match checked {
            Ok(p) => each.push(p),
            Err((reason, range)) => {
                let at = match range {
                    // A word entry's regex is not its text: underline it all.
                    Some((start, len)) if e == entry.value => inner_span(entry, source, start, len),
                    _ => value_span(entry, source),
                };
                errors.push(
                    RuleError::new(
                        "regard::rule::bad_pattern",
                        source,
                        format!("rule `{id}`: `unless` entry does not compile"),
                    )
                    .at(at, reason)
                    .help("`unless` entries are regular expressions; escape `.`, `(`, `?` and the like with `\\`"),
                );
            }
        }
    }
    if each.len() != entries.len() {
        return None;
    }
    let texts: Vec<&str> = entries.iter().map(|(_, e)| e.as_str()).collect();
    let anchored = side.anchor(&texts);
    let joined = match source.builtin {
        true => Ok(Pattern::unchecked(&anchored)),
        false => Pattern::parse(&anchored)
            .and_then(|p| p.compile().map(|_| ()).map_err(|e| (e, None)).map(|()| p)),
    };
    match joined {
        Ok(joined) => Some(Unless::new(joined, each)),
        Err((reason, _)) => {
            errors.push(
                RuleError::new(
                    "regard::rule::bad_pattern",
                    source,
                    format!("rule `{id}`: `unless` entries do not compile together"),
                )
                .at(value_span(entries[0].0, source), reason),
            );
            None
        }
    }
}

/// The whole YAML value, quotes included.
pub(crate) fn value_span<T>(value: &Spanned<T>, source: &Source) -> SourceSpan {
    let span = value.referenced.span();
    match (span.byte_offset(), span.byte_len()) {
        (Some(offset), Some(len)) => {
            let offset = (offset as usize).min(source.text.len());
            let mut len = (len as usize).min(source.text.len() - offset);
            // Block scalars include their final line break; don't underline it.
            while len > 1 && source.text.as_bytes()[offset + len - 1].is_ascii_whitespace() {
                len -= 1;
            }
            SourceSpan::from(offset..offset + len)
        }
        _ => SourceSpan::from(0..0),
    }
}

/// A byte range inside a string value, mapped into the file when the value
/// is written without escapes (plain, or quoted with nothing escaped); when
/// escapes blur the mapping, the whole value.
pub(crate) fn inner_span(
    value: &Spanned<String>,
    source: &Source,
    start: usize,
    len: usize,
) -> SourceSpan {
    let whole = value_span(value, source);
    let raw = &source.text[whole.offset()..whole.offset() + whole.len()];
    let shift = if raw == value.value {
        Some(0)
    } else if raw.len() >= 2
        && (raw.starts_with('\'') && raw.ends_with('\'')
            || raw.starts_with('"') && raw.ends_with('"'))
        && raw[1..raw.len() - 1] == value.value
    {
        Some(1)
    } else {
        None
    };
    match shift {
        Some(shift) if start + len <= value.value.len() => {
            SourceSpan::from(whole.offset() + shift + start..whole.offset() + shift + start + len)
        }
        _ => whole,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kebab_case_ids() {
        assert!(is_kebab_case("deficit-label"));
        assert!(is_kebab_case("rule2"));
        assert!(!is_kebab_case("Deficit-Label"));
        assert!(!is_kebab_case("deficit_label"));
        assert!(!is_kebab_case("-x"));
        assert!(!is_kebab_case("x--y"));
        assert!(!is_kebab_case("2x"));
    }
}
