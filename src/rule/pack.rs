//! The built-in pack, checked ahead of time: each `rules/*.yaml` file as
//! the [`Rule`] `validate.rs` makes of it, in a generated table
//! (`builtin_rules.rs`), so a run builds the pack without parsing YAML.
//!
//! Parsing the pack's 400 KB of YAML and checking every value was an
//! eighth of a one-note run's instructions (issue 19, 2026-12-06), though
//! the built-in files are the same on every run and their tests already
//! check them. A row is used only while it was made from the very text the
//! binary embeds (its hash) and the built-in vocabulary alone is in force
//! (a folder's `vocabulary.yaml` may redefine a class the built-in word
//! patterns use); otherwise, and for every user's rule, the file is parsed
//! and validated as before, with errors pointing into it.
//! `tests/generated.rs` rewrites the table (`REGARD_BLESS=1`) and checks
//! that a rule from it is the rule the YAML gives.

use std::collections::HashMap;
use std::sync::Arc;

use miette::SourceSpan;

use super::load;
use super::pattern::{builtin_words, Pattern, WordKind};
use super::schema::{Applicability, EngineCheck, InQuotes, RuleFile, Severity};
use super::source::Source;
use super::template::Template;
use super::unless::{Side, Unless};
use super::validate::value_span;
use super::{Docs, Example, Fix, Rule};

/// One rule file of the pack, as validated (see [`from_row`]).
#[derive(Debug)]
pub struct Row {
    /// The file name in `rules/`.
    pub file: &'static str,
    /// [`super::pattern::text_hash`] of the file's text.
    pub hash: u64,
    pub id: &'static str,
    /// (offset, length) of the id's value in the file.
    pub id_span: (usize, usize),
    pub severity: Severity,
    pub summary: &'static str,
    pub message: &'static str,
    /// Expanded, as in [`Rule::phrases`].
    pub phrases: &'static [&'static str],
    /// Regular expressions.
    pub patterns: &'static [&'static str],
    /// Word patterns as written: their regexes come from the pattern table
    /// (`pattern::builtin_words`), as `validate` takes them.
    pub words: &'static [&'static str],
    pub suggest: &'static [&'static str],
    /// `unless` word entries as written, and regex entries.
    pub words_before: &'static [&'static str],
    pub words_after: &'static [&'static str],
    pub before: &'static [&'static str],
    pub after: &'static [&'static str],
    pub in_quotes: Option<InQuotes>,
    pub priority: i8,
    pub last_part_holds_facts: bool,
    pub engine_check: Option<EngineCheck>,
    /// (applicability, replacement by expanded phrase, `with` template).
    pub fix: Option<FixRow>,
    /// `what`, `why`, `curious`, trimmed.
    pub docs: [&'static str; 3],
    pub docs_fix: Option<&'static str>,
    pub docs_rewording: Option<&'static str>,
    /// (text, offset, length in the file)
    pub flag: &'static [(&'static str, usize, usize)],
    pub pass: &'static [(&'static str, usize, usize)],
}

pub type FixRow = (
    Applicability,
    &'static [(&'static str, &'static str)],
    Option<&'static str>,
);

mod table {
    #[allow(unused_imports)] // what the generated rows happen to use
    use super::{Applicability, EngineCheck, InQuotes, Row, Severity};
    include!("builtin_rules.rs");
}

/// Every regex `patterns` entry of the built-in rules, for the programs'
/// exactness test.
#[cfg(test)]
pub(crate) fn builtin_regexes() -> impl Iterator<Item = &'static str> {
    table::RULES
        .iter()
        .flat_map(|row| row.patterns.iter().copied())
}

/// The rule of a built-in file from the table, if the table holds the
/// text the binary embeds; `None` sends the file to the YAML path. Only
/// while the built-in vocabulary alone is in force and the pattern table
/// was made from it (`WordsInForce`'s `table`): word patterns are
/// expanded from there.
pub fn rule(source: &Arc<Source>) -> Option<Rule> {
    if !source.builtin {
        return None;
    }
    let file = source
        .name
        .strip_prefix("rules/")?
        .strip_suffix(" (built-in)")?;
    let row = table::RULES.iter().find(|row| row.file == file)?;
    // The hashes of what the binary embeds are made by `build.rs`: a
    // `Source` marked built-in holds that text (`load::builtin_sources`).
    if Some(row.hash) != load::builtin_hash(file) {
        return None;
    }
    from_row(row, source)
}

/// The [`Rule`] `validate` makes of the file the row was made from;
/// `None` if a value does not parse (a table out of step with the code).
fn from_row(row: &Row, source: &Arc<Source>) -> Option<Rule> {
    let span = |(offset, len): (usize, usize)| SourceSpan::from(offset..offset + len);
    let examples = |rows: &[(&str, usize, usize)]| {
        rows.iter()
            .map(|&(text, offset, len)| Example {
                text: text.to_string(),
                span: span((offset, len)),
            })
            .collect()
    };
    let expand = |kind: WordKind, words: &[&'static str]| {
        words
            .iter()
            .map(|w| builtin_words(kind, w))
            .collect::<Option<Vec<&str>>>()
    };
    let words = expand(WordKind::Pattern, row.words)?;
    let patterns = row
        .patterns
        .iter()
        .chain(&words)
        .map(|p| Pattern::builtin(p).ok())
        .collect::<Option<Vec<_>>>()?;
    let mut before = expand(WordKind::Before, row.words_before)?;
    before.extend(row.before);
    let mut after = expand(WordKind::After, row.words_after)?;
    after.extend(row.after);
    let fix = match row.fix {
        None => None,
        Some((applicability, replace, with)) => Some(Fix {
            applicability,
            replace: replace
                .iter()
                .map(|&(k, v)| (k.to_string(), v.to_string()))
                .collect::<HashMap<_, _>>(),
            with: match with {
                Some(w) => Some(Template::parse(w).ok()?),
                None => None,
            },
        }),
    };
    Some(Rule {
        id: row.id.to_string(),
        id_span: span(row.id_span),
        severity: row.severity,
        summary: row.summary.to_string(),
        message: Template::parse(row.message).ok()?,
        phrases: row.phrases.iter().map(|p| p.to_string()).collect(),
        patterns,
        suggest: row
            .suggest
            .iter()
            .map(|s| Template::parse(s).ok())
            .collect::<Option<_>>()?,
        unless_before: builtin_unless(&before, Side::Before)?,
        unless_after: builtin_unless(&after, Side::After)?,
        in_quotes: row.in_quotes,
        priority: row.priority,
        last_part_holds_facts: row.last_part_holds_facts,
        engine_check: row.engine_check,
        fix,
        docs: Docs {
            what: row.docs[0].to_string(),
            why: row.docs[1].to_string(),
            curious: row.docs[2].to_string(),
            fix: row.docs_fix.map(str::to_string),
            rewording: row.docs_rewording.map(str::to_string),
        },
        flag_examples: examples(row.flag),
        pass_examples: examples(row.pass),
        source: Arc::clone(source),
    })
}

/// The built-in pack's `unless` entries of one side, held as
/// `validate::compile_unless` holds them (`Some(None)`: no entries);
/// `None` if an entry is not in the pattern table and does not parse.
fn builtin_unless(entries: &[&str], side: Side) -> Option<Option<Unless>> {
    if entries.is_empty() {
        return Some(None);
    }
    let each = entries
        .iter()
        .map(|e| Pattern::builtin_wrapped(e, &side.anchor(&[e])).ok())
        .collect::<Option<Vec<_>>>()?;
    let joined = Pattern::unchecked(&side.anchor(entries));
    Some(Some(Unless::new(joined, each)))
}

/// The Rust source of the table: `files` are the built-in sources with
/// what they parse to and what `validate` made of them.
#[doc(hidden)]
pub fn builtin_rule_table(files: &[(&Source, &RuleFile, &Rule)]) -> String {
    let mut out = String::from(
        "// @generated from rules/*.yaml by tests/generated.rs (REGARD_BLESS=1 to refresh).\n",
    );
    out.push_str("#[rustfmt::skip]\npub const RULES: &[Row] = &[\n");
    for &(source, file, rule) in files {
        let name = source
            .name
            .strip_prefix("rules/")
            .and_then(|n| n.strip_suffix(" (built-in)"))
            .expect("a built-in source's name");
        let list = |items: &mut dyn Iterator<Item = &str>| {
            let items: Vec<String> = items.map(|s| format!("{s:?}")).collect();
            format!("&[{}]", items.join(", "))
        };
        let strs = |items: &[serde_saphyr::Spanned<String>]| {
            list(&mut items.iter().map(|s| s.value.as_str()))
        };
        let fix = match &rule.fix {
            None => "None".to_string(),
            Some(fix) => {
                let mut replace: Vec<_> = fix.replace.iter().collect();
                replace.sort();
                let replace: Vec<String> = replace
                    .iter()
                    .map(|(k, v)| format!("({k:?}, {v:?})"))
                    .collect();
                let with = file.fix.as_ref().and_then(|f| f.with.as_ref());
                format!(
                    "Some((Applicability::{:?}, &[{}], {:?}))",
                    fix.applicability,
                    replace.join(", "),
                    with.map(|w| w.value.as_str())
                )
            }
        };
        let examples = |examples: &[Example]| {
            let items: Vec<String> = examples
                .iter()
                .map(|e| format!("({:?}, {}, {})", e.text, e.span.offset(), e.span.len()))
                .collect();
            format!("&[{}]", items.join(", "))
        };
        let id = value_span(&file.id, source);
        let prefixed = |kind: &str, v: Option<String>| match v {
            Some(v) => format!("Some({kind}::{v})"),
            None => "None".into(),
        };
        out.push_str(&format!(
            "    Row {{\n        file: {name:?},\n        hash: {:#018x},\n        id: {:?},\n        \
             id_span: ({}, {}),\n        severity: Severity::{:?},\n        summary: {:?},\n        \
             message: {:?},\n        phrases: {},\n        patterns: {},\n        words: {},\n        \
             suggest: {},\n        words_before: {},\n        words_after: {},\n        \
             before: {},\n        after: {},\n        in_quotes: {},\n        priority: {},\n        \
             last_part_holds_facts: {},\n        engine_check: {},\n        fix: {fix},\n        docs: [{:?}, {:?}, {:?}],\n        \
             docs_fix: {:?},\n        docs_rewording: {:?},\n        flag: {},\n        pass: {},\n    }},\n",
            super::pattern::text_hash(&source.text),
            rule.id,
            id.offset(),
            id.len(),
            rule.severity,
            rule.summary,
            file.message.value,
            list(&mut rule.phrases.iter().map(String::as_str)),
            strs(&file.patterns),
            strs(&file.words),
            strs(&file.suggest),
            strs(&file.unless.words_before),
            strs(&file.unless.words_after),
            strs(&file.unless.before),
            strs(&file.unless.after),
            prefixed("InQuotes", rule.in_quotes.map(|q| format!("{q:?}"))),
            rule.priority,
            rule.last_part_holds_facts,
            prefixed("EngineCheck", rule.engine_check.map(|c| format!("{c:?}"))),
            rule.docs.what,
            rule.docs.why,
            rule.docs.curious,
            rule.docs.fix,
            rule.docs.rewording,
            examples(&rule.flag_examples),
            examples(&rule.pass_examples),
        ));
    }
    out.push_str("];\n");
    out
}
