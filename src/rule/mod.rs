//! Rules: from YAML files to checked [`Rule`]s.
//!
//! `schema.rs` is the file format ([`RuleFile`]), `load.rs` finds and parses
//! files (the embedded pack and `--rules` folders), `validate.rs` checks a
//! file and builds a [`Rule`], `phrase.rs` expands the phrase shorthand,
//! `pattern.rs` holds patterns (parsed at load, compiled on first use, with
//! trigger words; the built-in pack's names, triggers and word-pattern
//! expansions come ready-made from `builtin_patterns.rs`, see
//! [`WordsInForce`]), `unless.rs` the context a match must not
//! have, and `template.rs` the message holes. The built-in pack itself
//! comes validated ahead of time from `builtin_rules.rs` (`pack.rs`). The engine (`crate::engine`)
//! compiles a [`RuleSet`] into matchers.
//!
//! To add a built-in rule, copy a file in `rules/`: it is embedded and tested
//! (its examples run as a test of their own) without any Rust change; the
//! tests rewrite `builtin_patterns.rs` for it on their first run.

mod error;
pub mod load;
pub mod meta;
pub mod pack;
pub mod pattern;
pub mod phrase;
pub mod program;
pub mod schema;
mod source;
pub mod template;
pub mod unless;
pub mod validate;
pub mod words;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use miette::SourceSpan;

pub use error::{RuleError, RuleErrors};
pub use pattern::Pattern;
pub use schema::{Applicability, EngineCheck, InQuotes, RuleFile, Severity};
pub use source::Source;
pub use template::Template;
pub use unless::Unless;
pub use words::Vocabulary;

/// A checked rule, ready to compile.
#[derive(Debug)]
pub struct Rule {
    pub id: String,
    pub id_span: SourceSpan,
    pub severity: Severity,
    pub summary: String,
    pub message: Template,
    /// Expanded, normalised, de-duplicated literal phrases.
    pub phrases: Vec<String>,
    /// Case-insensitive patterns, compiled on first use.
    pub patterns: Vec<Pattern>,
    pub suggest: Vec<Template>,
    /// Matches whose preceding text holds one of these are not findings.
    pub unless_before: Option<Unless>,
    /// Matches whose following text holds one of these are not findings.
    pub unless_after: Option<Unless>,
    /// `None`: the configuration's default.
    pub in_quotes: Option<InQuotes>,
    /// On overlapping findings, the higher stays (`engine/overlap.rs`).
    pub priority: i8,
    /// The rewording keeps a last part that is only this rule's words
    /// (`schema::RuleFile::last_part_holds_facts`).
    pub last_part_holds_facts: bool,
    pub engine_check: Option<EngineCheck>,
    /// The rule's rewording of the matched words, and how safe it is.
    pub fix: Option<Fix>,
    pub docs: Docs,
    pub flag_examples: Vec<Example>,
    pub pass_examples: Vec<Example>,
    /// The file the rule came from, for diagnostics about it.
    pub source: Arc<Source>,
}

/// A replacement for the matched words that `--fix` and the editor's
/// quick fix may apply.
#[derive(Debug)]
pub struct Fix {
    pub applicability: Applicability,
    /// Replacement by matched phrase (lower-case).
    pub replace: HashMap<String, String>,
    /// For other matches: a template of the replacement (`{match:plain}`).
    pub with: Option<Template>,
}

#[derive(Debug, Clone)]
pub struct Docs {
    pub what: String,
    pub why: String,
    pub curious: String,
    /// Whether the rule offers a fix, and why or why not.
    pub fix: Option<String>,
    /// Which words besides the flagged ones the rewording may drop, and why.
    pub rewording: Option<String>,
}

/// A `flag` or `pass` example, with its place in the rule file.
#[derive(Debug, Clone)]
pub struct Example {
    pub text: String,
    pub span: SourceSpan,
}

/// The rules in force: the built-in pack, with user rules added or replacing
/// built-in ones of the same id. Sorted by id.
#[derive(Debug)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
    /// Every id loaded, including rules the configuration later deselects.
    pub known_ids: Vec<String>,
    /// The vocabulary files in force beyond the built-in one (a folder's
    /// `vocabulary.yaml`), in load order: engine checks that read word
    /// classes (`engine/sense.rs`) read them too.
    pub vocabularies: Vec<Arc<Source>>,
}

impl RuleSet {
    /// Loads the built-in pack (unless `builtin` is false) and every folder
    /// in `dirs`. Every problem in every file is reported together.
    pub fn load(builtin: bool, dirs: &[PathBuf]) -> Result<RuleSet, RuleErrors> {
        let mut layers = Vec::new();
        let mut errors = Vec::new();
        let mut vocabularies = Vec::new();
        // The built-in word classes are there even without the built-in
        // rules: a user's own pack writes `<person>` as the built-in rules do.
        vocabularies.push(load::builtin_vocabulary());
        if builtin {
            layers.push(load::builtin_sources());
        }
        for dir in dirs {
            match load::dir_sources(dir) {
                Ok(sources) => {
                    // A folder's `vocabulary.yaml` adds word classes (or
                    // replaces built-in ones of the same name).
                    let (words, rules) = sources.into_iter().partition(|s| load::is_vocabulary(s));
                    vocabularies.extend::<Vec<_>>(words);
                    layers.push(rules);
                }
                Err(e) => errors.push(e),
            }
        }
        // The built-in word classes alone: the built-in rules' word
        // patterns come expanded from the table, and the vocabulary is
        // parsed only if a rule needs it. A folder's `vocabulary.yaml` is
        // read now, so its errors are reported even if no rule uses it.
        let folder_words = vocabularies[1..].to_vec();
        let words = WordsInForce::new(vocabularies);
        if words.sources.len() > 1 {
            words.vocabulary();
            errors.extend(
                words
                    .errors
                    .lock()
                    .map(|mut e| std::mem::take(&mut *e))
                    .unwrap_or_default(),
            );
        }
        if !errors.is_empty() {
            return Err(RuleErrors { errors });
        }
        let mut by_id: HashMap<String, usize> = HashMap::new();
        let mut rules: Vec<Rule> = Vec::new();
        for layer in layers {
            let mut in_layer: HashMap<String, (Arc<Source>, SourceSpan)> = HashMap::new();
            for (source, read) in layer.iter().zip(read_all(&layer, &words)) {
                let rule = match read {
                    Ok(rule) => rule,
                    Err(mut e) => {
                        errors.append(&mut e);
                        continue;
                    }
                };
                if let Some((first, _)) = in_layer.get(&rule.id) {
                    errors.push(
                        RuleError::new(
                            "regard::rule::duplicate_id",
                            source,
                            format!("rule id `{}` is used twice", rule.id),
                        )
                        .at(rule.id_span, "this id is already taken")
                        .help(format!(
                            "`{}` also defines `{}`; give one of them another id",
                            first.name, rule.id
                        )),
                    );
                    continue;
                }
                in_layer.insert(rule.id.clone(), (Arc::clone(source), rule.id_span));
                // A later layer (a user's folder) replaces a rule of the same id.
                match by_id.get(&rule.id) {
                    Some(&i) => rules[i] = rule,
                    None => {
                        by_id.insert(rule.id.clone(), rules.len());
                        rules.push(rule);
                    }
                }
            }
        }
        // A vocabulary loaded on the way, by a rule that needed it.
        errors.extend(
            words
                .errors
                .lock()
                .map(|mut e| std::mem::take(&mut *e))
                .unwrap_or_default(),
        );
        if !errors.is_empty() {
            return Err(RuleErrors { errors });
        }
        rules.sort_by(|a, b| a.id.cmp(&b.id));
        let known_ids = rules.iter().map(|r| r.id.clone()).collect();
        Ok(RuleSet {
            rules,
            known_ids,
            vocabularies: folder_words,
        })
    }

    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }
}

/// Parses and checks each rule file of a layer, in order, on all cores:
/// parsing the built-in pack's YAML was a third of a one-note run, and
/// the files do not need each other. A built-in file comes ready from the
/// generated table (`pack.rs`) while the built-in vocabulary alone is in
/// force, so a run with the built-in pack alone parses no YAML and starts
/// no thread here.
fn read_all(layer: &[Arc<Source>], vocabulary: &WordsInForce) -> Vec<Result<Rule, Vec<RuleError>>> {
    let mut done: Vec<(usize, Result<Rule, Vec<RuleError>>)> = Vec::with_capacity(layer.len());
    let mut rest = Vec::new();
    for (i, source) in layer.iter().enumerate() {
        match vocabulary.table.then(|| pack::rule(source)).flatten() {
            Some(rule) => done.push((i, Ok(rule))),
            None => rest.push(i),
        }
    }
    let read = |source: &Arc<Source>| {
        load::parse(source)
            .map_err(|e| vec![e])
            .and_then(|file| validate::validate(file, source, vocabulary))
    };
    if !rest.is_empty() {
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(rest.len());
        let next = std::sync::atomic::AtomicUsize::new(0);
        let work = || {
            let mut done = Vec::new();
            loop {
                let at = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(&i) = rest.get(at) else {
                    return done;
                };
                done.push((i, read(&layer[i])));
            }
        };
        done.extend(std::thread::scope(|scope| {
            let helpers: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
            let mut done = work();
            for helper in helpers {
                done.extend(
                    helper
                        .join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                );
            }
            done
        }));
    }
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, read)| read).collect()
}

/// What rules' word patterns compile against: the word classes in force,
/// parsed on first use, and whether the built-in rules may take theirs
/// ready-expanded from the generated table (only while the built-in
/// vocabulary, as the table was made from it, is the only one: a
/// folder's `vocabulary.yaml` may redefine a class the built-in rules
/// use). Users' rules are always expanded here, so their errors point
/// into their files.
pub struct WordsInForce {
    sources: Vec<Arc<Source>>,
    vocabulary: std::sync::OnceLock<Vocabulary>,
    /// Problems found loading the vocabulary, taken by [`RuleSet::load`].
    errors: std::sync::Mutex<Vec<RuleError>>,
    table: bool,
}

impl WordsInForce {
    /// The word classes of `sources` (the built-in vocabulary first).
    pub fn new(sources: Vec<Arc<Source>>) -> WordsInForce {
        // The built-in vocabulary's hash was made at build time.
        let table = matches!(sources.as_slice(), [only] if only.builtin
            && pattern::builtin_words_fit_hash(load::builtin_vocabulary_hash()));
        WordsInForce {
            sources,
            vocabulary: std::sync::OnceLock::new(),
            errors: std::sync::Mutex::new(Vec::new()),
            table,
        }
    }

    /// The vocabulary, parsed now if it was not yet.
    pub fn vocabulary(&self) -> &Vocabulary {
        self.vocabulary.get_or_init(|| {
            let mut errors = Vec::new();
            let vocabulary = load_vocabulary(&self.sources, &mut errors);
            if let Ok(mut all) = self.errors.lock() {
                all.extend(errors);
            }
            vocabulary
        })
    }

    /// The regex of a word pattern written in a rule file (built-in or
    /// not), used as `kind` says.
    pub fn compile(
        &self,
        text: &str,
        kind: pattern::WordKind,
        builtin: bool,
    ) -> Result<String, words::WordError> {
        if builtin && self.table {
            if let Some(regex) = pattern::builtin_words(kind, text) {
                return Ok(regex.to_string());
            }
        }
        let alts = words::parse(text)?;
        let vocabulary = self.vocabulary();
        match kind {
            pattern::WordKind::Pattern => vocabulary.compile_pattern(&alts),
            pattern::WordKind::Before => vocabulary.compile_context(&alts, true),
            pattern::WordKind::After => vocabulary.compile_context(&alts, false),
        }
    }
}

/// The word classes of `sources`, later files adding to (or replacing
/// classes of) earlier ones; problems go to `errors`, each at its entry.
pub fn load_vocabulary(sources: &[Arc<Source>], errors: &mut Vec<RuleError>) -> Vocabulary {
    let mut vocabulary = Vocabulary::default();
    // Where each class's entries were written, for errors found later.
    let mut written: HashMap<String, (Arc<Source>, Vec<serde_saphyr::Spanned<String>>)> =
        HashMap::new();
    for source in sources {
        let file = match load::parse_vocabulary(source) {
            Ok(file) => file,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        for (name, entries) in file {
            if !words::is_class_name(&name) || entries.is_empty() {
                let span = entries
                    .first()
                    .map_or(SourceSpan::from(0..0), |e| validate::value_span(e, source));
                errors.push(
                    RuleError::new(
                        "regard::rule::bad_class",
                        source,
                        format!("word class `{name}` is malformed"),
                    )
                    .at(span, "in this class")
                    .help("a class is a kebab-case name with a list of at least one entry"),
                );
                continue;
            }
            match words::parse_entries(entries.iter().map(|e| e.value.as_str())) {
                Ok(parsed) => vocabulary.insert(name.clone(), parsed),
                Err((i, e)) => {
                    errors.push(bad_entry(&name, source, &entries[i], e));
                    continue;
                }
            }
            written.insert(name, (Arc::clone(source), entries));
        }
    }
    for (name, i, e) in vocabulary.check() {
        let (source, entries) = &written[&name];
        errors.push(bad_entry(&name, source, &entries[i], e));
    }
    vocabulary
}

/// A class entry that does not parse, or names a class it cannot use,
/// underlined at the place inside the entry.
fn bad_entry(
    name: &str,
    source: &Arc<Source>,
    entry: &serde_saphyr::Spanned<String>,
    e: words::WordError,
) -> RuleError {
    RuleError::new(
        "regard::rule::bad_class",
        source,
        format!("word class `{name}`: entry `{}` is malformed", entry.value),
    )
    .at(
        validate::inner_span(entry, source, e.offset, e.len),
        e.reason,
    )
}
