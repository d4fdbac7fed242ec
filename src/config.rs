//! Project configuration: `.regard.yaml` (or `regard.yaml`).
//!
//! Found from the current folder upward, stopping at the repository root (a
//! folder with `.git`); `--config PATH` names one and `--isolated` ignores
//! them all. Paths in the file (rule folders) are relative to the file.
//! Command-line flags override the file. Unknown keys, wrong types and
//! unknown rule ids are diagnostics pointing into the file.
//!
//! ```yaml
//! rules: [team-rules/]            # extra rule folders
//! select: [deficit-label]         # only these rules (default: all)
//! ignore: [appearance-judgement]  # never these
//! severity: {blame-question: info}
//! fail-on: warning                # info | warning | error | never
//! exclude: ["archive/**"]         # globs, relative to this file
//! per-file:
//!   - files: ["supervision/**"]
//!     ignore: [credibility-doubt]
//!     severity: {deficit-label: info}
//! quoted-speech: skip             # skip | check: rules that do not say
//! block-quotes: prose             # prose | speech: is `> …` the client's words?
//! require-reasons: false          # suppression comments must give a reason
//! sentence-model: true            # also read whole sentences (docs/model.md)
//! redact: false                   # print no note text in any format
//! max-file-size: 16777216         # bytes; larger notes are skipped with a note
//! ```

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::engine::Options;
use crate::rule::load::parse_yaml;
use crate::rule::validate::value_span;
use crate::rule::{InQuotes, RuleError, RuleErrors, RuleSet, Severity, Source};

mod shape;

pub const FILE_NAMES: [&str; 2] = [".regard.yaml", "regard.yaml"];

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct ConfigFile {
    #[serde(default)]
    rules: Vec<Spanned<String>>,
    select: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    ignore: Vec<Spanned<String>>,
    #[serde(default)]
    severity: BTreeMap<String, Spanned<Severity>>,
    fail_on: Option<FailOn>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
    #[serde(default)]
    per_file: Vec<PerFileFile>,
    quoted_speech: Option<InQuotes>,
    block_quotes: Option<BlockQuotes>,
    require_reasons: Option<bool>,
    sentence_model: Option<bool>,
    redact: Option<bool>,
    max_file_size: Option<u64>,
}

/// Notes larger than this are skipped with a note, unless configured.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 16 * 1024 * 1024;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PerFileFile {
    files: Vec<Spanned<String>>,
    #[serde(default)]
    ignore: Vec<Spanned<String>>,
    #[serde(default)]
    severity: BTreeMap<String, Spanned<Severity>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
enum BlockQuotes {
    Prose,
    Speech,
}

/// The settings in force for a run: the file's, overridden by flags.
#[derive(Debug)]
pub struct Settings {
    pub file: Option<PathBuf>,
    /// Folder the file is in (globs are relative to it); the current folder without a file.
    pub root: PathBuf,
    pub rule_dirs: Vec<PathBuf>,
    pub select: Option<Vec<String>>,
    pub ignore: Vec<String>,
    pub severity: BTreeMap<String, Severity>,
    pub fail_on: FailOn,
    exclude: Vec<String>,
    exclude_set: GlobSet,
    per_file: Vec<PerFile>,
    pub options: Options,
    pub redact: bool,
    /// Bytes; larger notes are skipped with a note.
    pub max_file_size: u64,
    /// Kept so that rule-id checks can point into the file.
    source: Option<(Arc<Source>, ConfigFile)>,
    /// The current folder and `root`, absolute and lexically normal (and
    /// `root` with links resolved, if that differs: the current folder
    /// has them resolved), to put a note's path relative to `root`
    /// however it was spelled.
    anchor: Option<(PathBuf, Vec<PathBuf>)>,
}

#[derive(Debug)]
struct PerFile {
    patterns: Vec<String>,
    set: GlobSet,
    ignore: Vec<String>,
    severity: BTreeMap<String, Severity>,
}

/// "there is no rule `id`", underlined at `at` in the configuration file.
fn unknown_rule(source: &Source, id: &str, at: miette::SourceSpan, known: &[String]) -> RuleError {
    RuleError::new(
        "regard::config::unknown_rule",
        source,
        format!("there is no rule `{id}`"),
    )
    .at(at, "not a rule id")
    .help(crate::did_you_mean::unknown_rule_help(id, known))
}

/// Reads a configuration file's text into [`ConfigFile`]. Every problem of
/// shape is reported at once, in plain words ([`shape`]); with them, the
/// rule ids the file names, checked against the built-in rules and the
/// rule folders it and the command line name, so one run shows them all.
fn read_file(
    source: &Source,
    root: &Path,
    extra_rule_dirs: &[PathBuf],
) -> Result<ConfigFile, RuleErrors> {
    let checked = shape::check(source).map_err(|e| RuleErrors { errors: vec![e] })?;
    let mut errors = checked.problems;
    let mut dirs = Vec::new();
    for (dir, at) in &checked.rule_dirs {
        let path = root.join(dir);
        if let Err(e) = std::fs::read_dir(&path) {
            errors.push(
                RuleError::new(
                    "regard::config::rule_folder",
                    source,
                    format!("cannot read the rule folder `{dir}`: {e}"),
                )
                .at(*at, "not a readable folder")
                .help(format!(
                    "folders in `rules:` are relative to this file's folder, `{}`",
                    root.display()
                )),
            );
        } else {
            dirs.push(path);
        }
    }
    if errors.is_empty() {
        return parse_yaml(
            source,
            "regard::config::yaml",
            "a valid regard configuration",
        )
        .map_err(|e| RuleErrors { errors: vec![e] });
    }
    let all_folders = dirs.len() == checked.rule_dirs.len();
    dirs.extend(extra_rule_dirs.iter().cloned());
    // Ids are checked only against all the rules the file means: with a
    // folder missing, or rules that do not load, that comes in a later run.
    if let Some(rules) = all_folders
        .then(|| RuleSet::load(true, &dirs).ok())
        .flatten()
    {
        for (id, at) in &checked.ids {
            if !rules.known_ids.iter().any(|k| k == id) {
                errors.push(unknown_rule(source, id, *at, &rules.known_ids));
            }
        }
    }
    errors.sort_by_key(|e| e.at.map_or(0, |at| at.offset()));
    Err(RuleErrors { errors })
}

/// `path` without `.` and with each `..` taking away the name before it,
/// as a reader would, without asking the file system.
pub(crate) fn normal(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if matches!(out.components().next_back(), Some(Component::Normal(_))) {
                    out.pop();
                } else if !out.has_root() {
                    out.push("..");
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// Finds the configuration file for a run, if any.
pub fn discover(start: &Path) -> Option<PathBuf> {
    let start = start.canonicalize().ok()?;
    for dir in start.ancestors() {
        for name in FILE_NAMES {
            let candidate = dir.join(name);
            // Anything there but a folder: a FIFO or a dangling link is
            // then an error from the reader, not a configuration ignored.
            if candidate.symlink_metadata().is_ok() && !candidate.is_dir() {
                return Some(candidate);
            }
        }
        if dir.join(".git").exists() {
            break;
        }
    }
    None
}

/// Which configuration file to read: the one named (`--config`), none
/// (`--isolated`), or else the one found from the current folder up.
#[derive(Debug, Clone, Default)]
pub struct Origin {
    pub file: Option<PathBuf>,
    pub isolated: bool,
}

/// What a run asks for over the file's settings (`regard check`'s flags).
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub fail_on: Option<FailOn>,
    /// Only these rules, if any are named.
    pub select: Vec<String>,
    /// Not these rules, besides the file's `ignore`.
    pub ignore: Vec<String>,
    pub redact: bool,
    pub max_file_size: Option<u64>,
}

/// When findings fail a run (exit 1): at or above a severity, or never.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    Info,
    Warning,
    Error,
    /// Never fail because of findings (errors still exit 2).
    Never,
}

impl FailOn {
    pub fn as_str(self) -> &'static str {
        match self {
            FailOn::Info => "info",
            FailOn::Warning => "warning",
            FailOn::Error => "error",
            FailOn::Never => "never",
        }
    }

    pub fn fails(self, severity: Severity) -> bool {
        match self {
            FailOn::Info => true,
            FailOn::Warning => severity >= Severity::Warning,
            FailOn::Error => severity >= Severity::Error,
            FailOn::Never => false,
        }
    }
}

/// A configuration and the rules it puts in force.
#[derive(Debug)]
pub struct Configuration {
    pub settings: Settings,
    pub rules: RuleSet,
}

impl Configuration {
    /// The one load sequence every command uses: the configuration file
    /// (with `rule_dirs`, the command line's rule folders, added to its
    /// own), `overrides` over it, then the rules from every folder, then
    /// the configuration applied to them (`select`, `ignore`, `severity`).
    pub fn load(
        origin: &Origin,
        rule_dirs: &[PathBuf],
        overrides: &Overrides,
    ) -> Result<Configuration, RuleErrors> {
        Configuration::load_noting(origin, rule_dirs, overrides, &mut |_| {})
    }

    /// [`Configuration::load`], telling `rule_folder` each rule folder
    /// before its rules are read (the server watches them, so a rule file
    /// that does not load is read again when it changes).
    pub fn load_noting(
        origin: &Origin,
        rule_dirs: &[PathBuf],
        overrides: &Overrides,
        rule_folder: &mut dyn FnMut(&Path),
    ) -> Result<Configuration, RuleErrors> {
        let mut settings = Settings::load(origin, rule_dirs)?;
        settings.rule_dirs.extend(rule_dirs.iter().cloned());
        settings.override_with(overrides);
        for dir in &settings.rule_dirs {
            rule_folder(dir);
        }
        let mut rules = RuleSet::load(true, &settings.rule_dirs)?;
        settings.apply(&mut rules)?;
        Ok(Configuration { settings, rules })
    }
}

impl Settings {
    fn override_with(&mut self, overrides: &Overrides) {
        if let Some(fail_on) = overrides.fail_on {
            self.fail_on = fail_on;
        }
        if !overrides.select.is_empty() {
            self.select = Some(overrides.select.clone());
        }
        self.ignore.extend(overrides.ignore.iter().cloned());
        if overrides.redact {
            self.redact = true;
        }
        if let Some(limit) = overrides.max_file_size {
            self.max_file_size = limit;
        }
    }

    /// The configuration file's settings (or the defaults, without one).
    /// `extra_rule_dirs` are the rule folders given on the command line, so
    /// that a file with problems can also have its rule ids checked.
    pub fn load(origin: &Origin, extra_rule_dirs: &[PathBuf]) -> Result<Settings, RuleErrors> {
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        let path = if origin.isolated {
            None
        } else {
            match &origin.file {
                Some(p) => Some(p.clone()),
                None => discover(&cwd),
            }
        };
        let Some(path) = path else {
            return Settings::from_file(None, cwd, ConfigFile::default())
                .map_err(|errors| RuleErrors { errors });
        };
        let name = path.display().to_string();
        // Bounded, and never a FIFO or a device (`--config /dev/zero`).
        let read = crate::read::read_file(&path, crate::read::MAX_CONFIG).and_then(|bytes| {
            String::from_utf8(bytes).map_err(|e| {
                crate::read::ReadError::Io(std::io::Error::new(std::io::ErrorKind::InvalidData, e))
            })
        });
        let text = read.map_err(|e| {
            let source = Source {
                name: name.clone(),
                text: String::new(),
                builtin: false,
            };
            let limit = match e {
                crate::read::ReadError::TooLarge { .. } => format!(
                    ", over the {}-byte limit for a configuration",
                    crate::read::MAX_CONFIG
                ),
                _ => String::new(),
            };
            RuleErrors {
                errors: vec![RuleError::new(
                    "regard::config::io",
                    &source,
                    format!("cannot read the configuration `{name}`: {e}{limit}"),
                )],
            }
        })?;
        let source = Arc::new(Source {
            name,
            text,
            builtin: false,
        });
        let root = path
            .parent()
            .map(Path::to_path_buf)
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(cwd);
        let file = read_file(&source, &root, extra_rule_dirs)?;
        Settings::from_file(Some((path, source)), root, file)
            .map_err(|errors| RuleErrors { errors })
    }

    fn from_file(
        origin: Option<(PathBuf, Arc<Source>)>,
        root: PathBuf,
        file: ConfigFile,
    ) -> Result<Settings, Vec<RuleError>> {
        let mut errors = Vec::new();
        let empty = Arc::new(Source {
            name: String::new(),
            text: String::new(),
            builtin: false,
        });
        let source = origin.as_ref().map_or(&empty, |(_, s)| s);
        let mut globs = |patterns: &[Spanned<String>]| -> GlobSet {
            let mut builder = GlobSetBuilder::new();
            for p in patterns {
                match Glob::new(&p.value) {
                    Ok(g) => {
                        builder.add(g);
                    }
                    Err(e) => errors.push(
                        RuleError::new(
                            "regard::config::bad_glob",
                            source,
                            format!("`{}` is not a valid glob", p.value),
                        )
                        .at(value_span(p, source), e.kind().to_string()),
                    ),
                }
            }
            builder.build().unwrap_or_else(|_| GlobSet::empty())
        };
        let exclude_set = globs(&file.exclude);
        let per_file: Vec<PerFile> = file
            .per_file
            .iter()
            .map(|p| PerFile {
                patterns: p.files.iter().map(|g| g.value.clone()).collect(),
                set: globs(&p.files),
                ignore: p.ignore.iter().map(|i| i.value.clone()).collect(),
                severity: p
                    .severity
                    .iter()
                    .map(|(k, v)| (k.clone(), v.value))
                    .collect(),
            })
            .collect();
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Settings {
            file: origin.as_ref().map(|(p, _)| p.clone()),
            rule_dirs: file.rules.iter().map(|d| root.join(&d.value)).collect(),
            select: file
                .select
                .as_ref()
                .map(|s| s.iter().map(|i| i.value.clone()).collect()),
            ignore: file.ignore.iter().map(|i| i.value.clone()).collect(),
            severity: file
                .severity
                .iter()
                .map(|(k, v)| (k.clone(), v.value))
                .collect(),
            fail_on: file.fail_on.unwrap_or(FailOn::Warning),
            exclude: file.exclude.iter().map(|g| g.value.clone()).collect(),
            exclude_set,
            per_file,
            options: Options {
                quoted_speech: file.quoted_speech.unwrap_or(InQuotes::Skip),
                block_quotes_are_speech: file.block_quotes == Some(BlockQuotes::Speech),
                require_reasons: file.require_reasons.unwrap_or(false),
                exhaustive: false,
                fast_scan: true,
                fingerprints: true,
                one_per_phrase: true,
                sentence_model: file.sentence_model.unwrap_or(true),
            },
            redact: file.redact.unwrap_or(false),
            max_file_size: file.max_file_size.unwrap_or(DEFAULT_MAX_FILE_SIZE),
            anchor: std::env::current_dir().ok().map(|cwd| {
                let cwd = normal(&cwd);
                let mut roots = vec![normal(&cwd.join(&root))];
                roots.extend(root.canonicalize().ok().filter(|r| *r != roots[0]));
                (cwd, roots)
            }),
            root,
            source: origin.map(|(_, s)| (s, file)),
        })
    }

    /// Checks every rule id the configuration names against the loaded
    /// rules, then narrows and re-levels `rules` accordingly.
    pub fn apply(&self, rules: &mut RuleSet) -> Result<(), RuleErrors> {
        let known = |id: &str| rules.known_ids.iter().any(|k| k == id);
        let mut errors = Vec::new();
        if let Some((source, file)) = &self.source {
            let mut check = |id: &str, at: miette::SourceSpan| {
                if !known(id) {
                    errors.push(unknown_rule(source, id, at, &rules.known_ids));
                }
            };
            for id in file.select.iter().flatten().chain(&file.ignore) {
                check(&id.value, value_span(id, source));
            }
            for (id, level) in &file.severity {
                check(id, value_span(level, source));
            }
            for p in &file.per_file {
                for id in &p.ignore {
                    check(&id.value, value_span(id, source));
                }
                for (id, level) in &p.severity {
                    check(id, value_span(level, source));
                }
            }
        }
        let flag_source = Source {
            name: "command line".into(),
            text: String::new(),
            builtin: false,
        };
        let from_file = |id: &String| {
            self.source.as_ref().is_some_and(|(_, f)| {
                f.ignore
                    .iter()
                    .chain(f.select.iter().flatten())
                    .any(|s| &s.value == id)
            })
        };
        let flags = self.select.iter().flatten().map(|id| ("--select", id));
        for (flag, id) in flags.chain(self.ignore.iter().map(|id| ("--ignore", id))) {
            if !known(id) && !from_file(id) {
                errors.push(
                    RuleError::new(
                        "regard::config::unknown_rule",
                        &flag_source,
                        format!("there is no rule `{id}` (in `{flag}`)"),
                    )
                    .help(crate::did_you_mean::unknown_rule_help(id, &rules.known_ids)),
                );
            }
        }
        if !errors.is_empty() {
            return Err(RuleErrors { errors });
        }
        rules.rules.retain(|r| {
            self.select.as_ref().is_none_or(|s| s.contains(&r.id)) && !self.ignore.contains(&r.id)
        });
        for rule in &mut rules.rules {
            if let Some(&level) = self.severity.get(&rule.id) {
                rule.severity = level;
            }
        }
        Ok(())
    }

    /// Whether a path (as shown, or relative to the configuration's folder) is excluded.
    pub fn excluded(&self, path: &Path) -> bool {
        self.matches(&self.exclude_set, path)
    }

    /// The per-file view of a rule for `path`: `None` if ignored there,
    /// otherwise its severity there.
    pub fn rule_for_path(&self, path: &Path, id: &str, default: Severity) -> Option<Severity> {
        let mut level = default;
        for p in &self.per_file {
            if self.matches(&p.set, path) {
                if p.ignore.iter().any(|i| i == id) {
                    return None;
                }
                if let Some(&l) = p.severity.get(id) {
                    level = l;
                }
            }
        }
        Some(level)
    }

    pub fn has_per_file(&self) -> bool {
        !self.per_file.is_empty()
    }

    /// Globs are relative to the configuration's folder whatever the
    /// current folder and however the path is spelled (`../..`, `./a/../b`,
    /// absolute): the path is made absolute and lexically normal first
    /// (the note's links are not resolved). A path outside that folder
    /// matches nothing.
    fn matches(&self, set: &GlobSet, path: &Path) -> bool {
        if set.is_empty() {
            return false;
        }
        let Some((cwd, roots)) = &self.anchor else {
            return false;
        };
        let path = normal(&cwd.join(path));
        roots
            .iter()
            .find_map(|root| path.strip_prefix(root).ok())
            .is_some_and(|rel| set.is_match(rel))
    }

    /// The effective configuration, as YAML, for `regard config`.
    pub fn describe(&self, rules: &RuleSet) -> String {
        let mut out = String::new();
        let list = |items: &[String]| format!("[{}]", items.join(", "));
        let _ = writeln!(
            out,
            "# configuration file: {}",
            self.file
                .as_ref()
                .map_or("none (built-in defaults)".to_string(), |f| f
                    .display()
                    .to_string())
        );
        let dirs: Vec<String> = self
            .rule_dirs
            .iter()
            .map(|d| d.display().to_string())
            .collect();
        let _ = writeln!(out, "rules: {}", list(&dirs));
        match &self.select {
            Some(s) => {
                let _ = writeln!(out, "select: {}", list(s));
            }
            None => {
                let _ = writeln!(out, "select: all");
            }
        }
        let _ = writeln!(out, "ignore: {}", list(&self.ignore));
        let _ = writeln!(out, "severity:");
        for rule in &rules.rules {
            let _ = writeln!(out, "  {}: {}", rule.id, rule.severity.as_str());
        }
        let _ = writeln!(out, "fail-on: {}", self.fail_on.as_str());
        let _ = writeln!(out, "exclude: {}", list(&self.exclude));
        let _ = writeln!(
            out,
            "per-file:{}",
            if self.per_file.is_empty() { " []" } else { "" }
        );
        for p in &self.per_file {
            let _ = writeln!(out, "  - files: {}", list(&p.patterns));
            let _ = writeln!(out, "    ignore: {}", list(&p.ignore));
            let levels: Vec<String> = p
                .severity
                .iter()
                .map(|(k, v)| format!("{k}: {}", v.as_str()))
                .collect();
            let _ = writeln!(out, "    severity: {{{}}}", levels.join(", "));
        }
        let quoted = match self.options.quoted_speech {
            InQuotes::Skip => "skip",
            InQuotes::Check => "check",
        };
        let _ = writeln!(out, "quoted-speech: {quoted}");
        let _ = writeln!(
            out,
            "block-quotes: {}",
            if self.options.block_quotes_are_speech {
                "speech"
            } else {
                "prose"
            }
        );
        let _ = writeln!(out, "require-reasons: {}", self.options.require_reasons);
        let _ = writeln!(out, "sentence-model: {}", self.options.sentence_model);
        let _ = writeln!(out, "redact: {}", self.redact);
        let _ = writeln!(out, "max-file-size: {}", self.max_file_size);
        out
    }
}

#[cfg(test)]
mod tests {
    //! `regard.schema.json` (the JSON Schema editors use for `.regard.yaml`)
    //! is written by hand, for its descriptions; these tests hold it to the
    //! types above: the same keys, enums regard accepts, types regard
    //! accepts and rejects, and regard's defaults.

    use super::*;
    use serde::de::{self, Visitor};
    use serde_json::Value;

    fn schema() -> Value {
        serde_json::from_str(include_str!("../regard.schema.json")).expect("the schema is JSON")
    }

    /// The field names serde's derive gives a struct, by asking it to
    /// deserialize from a deserializer that only records them.
    fn fields<'de, T: Deserialize<'de>>() -> Vec<&'static str> {
        struct Introspect<'a>(&'a mut Vec<&'static str>);
        impl<'de> de::Deserializer<'de> for Introspect<'_> {
            type Error = de::value::Error;
            fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
                Err(de::Error::custom("not a struct"))
            }
            fn deserialize_struct<V: Visitor<'de>>(
                self,
                _: &'static str,
                fields: &'static [&'static str],
                _: V,
            ) -> Result<V::Value, Self::Error> {
                self.0.extend(fields);
                Err(de::Error::custom("recorded"))
            }
            serde::forward_to_deserialize_any! {
                bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
                bytes byte_buf option unit unit_struct newtype_struct seq tuple
                tuple_struct map enum identifier ignored_any
            }
        }
        let mut names = Vec::new();
        let _ = T::deserialize(Introspect(&mut names));
        names.sort_unstable();
        names
    }

    fn keys(object: &Value) -> Vec<&str> {
        let mut keys: Vec<&str> = object
            .as_object()
            .expect("an object")
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        keys
    }

    fn parses(yaml: &str) -> bool {
        serde_saphyr::from_str::<ConfigFile>(yaml).is_ok()
    }

    #[test]
    fn the_schema_has_the_configuration_keys() {
        let schema = schema();
        assert_eq!(keys(&schema["properties"]), fields::<ConfigFile>());
        assert_eq!(
            keys(&schema["properties"]["per-file"]["items"]["properties"]),
            fields::<PerFileFile>()
        );
        assert!(parses("per-file: [{files: [a]}]") && !parses("per-file: [{ignore: [a]}]"));
        assert_eq!(
            schema["properties"]["per-file"]["items"]["required"],
            serde_json::json!(["files"])
        );
    }

    #[test]
    fn the_schema_allows_what_regard_accepts_and_no_more() {
        let schema = schema();
        for (key, spec) in schema["properties"].as_object().unwrap() {
            let spec = if spec["$ref"].is_string() {
                &schema["definitions"]["severities"]
            } else {
                spec
            };
            let (good, bad): (Vec<String>, Vec<String>) =
                if let Some(values) = spec["enum"].as_array() {
                    let good = values.iter().map(|v| v.as_str().unwrap().to_string());
                    (good.collect(), vec!["sometimes".into(), "[a]".into()])
                } else {
                    match spec["type"].as_str().unwrap() {
                        "array" if key == "per-file" => (
                            vec!["[{files: [a], ignore: [b], severity: {c: info}}]".into()],
                            vec!["[a]".into(), "{files: [a]}".into()],
                        ),
                        "array" => (vec!["[a, b]".into(), "[]".into()], vec!["{a: b}".into()]),
                        "boolean" => (vec!["true".into(), "false".into()], vec!["[a]".into()]),
                        "integer" => (vec!["0".into(), "1024".into()], vec!["[a]".into()]),
                        "object" => {
                            let levels = spec["additionalProperties"]["enum"].as_array().unwrap();
                            let good = levels
                                .iter()
                                .map(|l| format!("{{a: {}}}", l.as_str().unwrap()));
                            (good.collect(), vec!["{a: loud}".into(), "[a]".into()])
                        }
                        other => panic!("`{key}`: no check for type {other}"),
                    }
                };
            for value in good {
                assert!(parses(&format!("{key}: {value}")), "{key}: {value}");
            }
            for value in bad {
                assert!(!parses(&format!("{key}: {value}")), "{key}: {value}");
            }
        }
    }

    /// The shape check (every problem, in plain words) and serde (which
    /// reads the file) agree on what is a valid file.
    #[test]
    fn the_shape_check_and_serde_agree() {
        let keys: Vec<&str> = fields::<ConfigFile>();
        let values = [
            "",
            "~",
            "[]",
            "[a]",
            "[1]",
            "[true]",
            "[[a]]",
            "a",
            "true",
            "3",
            "-3",
            "{}",
            "{a: info}",
            "{a: loud}",
            "info",
            "never",
            "skip",
            "speech",
            "[{files: [a]}]",
            "[{files: a}]",
            "[{ignore: [a]}]",
            "[{files: [a], severity: {b: error}, ignore: [c]}]",
            "[{files: [a], colour: blue}]",
        ];
        for key in keys {
            for value in values {
                let text = format!("{key}: {value}\n");
                let source = Source {
                    name: "c.yaml".into(),
                    text: text.clone(),
                    builtin: false,
                };
                let shape_ok = shape::check(&source).is_ok_and(|c| c.problems.is_empty());
                let serde_ok = parses(&text);
                assert_eq!(shape_ok, serde_ok, "{text}");
            }
        }
        for text in ["", "# nothing\n", "[a]\n", "a\n", "colour: blue\n"] {
            let source = Source {
                name: "c.yaml".into(),
                text: text.into(),
                builtin: false,
            };
            let shape_ok = shape::check(&source).is_ok_and(|c| c.problems.is_empty());
            assert_eq!(shape_ok, parses(text), "{text:?}");
        }
    }

    #[test]
    fn the_schema_states_regards_defaults() {
        let schema = schema();
        let defaults = Settings::from_file(None, PathBuf::from("."), ConfigFile::default())
            .expect("the defaults are valid");
        let default = |key: &str| schema["properties"][key]["default"].clone();
        assert_eq!(default("fail-on"), defaults.fail_on.as_str());
        assert_eq!(default("max-file-size"), defaults.max_file_size);
        assert_eq!(default("redact"), defaults.redact);
        assert_eq!(default("require-reasons"), defaults.options.require_reasons);
        assert_eq!(default("sentence-model"), defaults.options.sentence_model);
        assert_eq!(default("quoted-speech"), "skip");
        assert_eq!(defaults.options.quoted_speech, InQuotes::Skip);
        assert_eq!(default("block-quotes"), "prose");
        assert!(!defaults.options.block_quotes_are_speech);
    }

    #[test]
    fn the_schemas_rule_id_pattern_takes_every_built_in_id() {
        let schema = schema();
        let pattern = schema["definitions"]["rule-id"]["pattern"]
            .as_str()
            .unwrap();
        let pattern = regex::Regex::new(pattern).unwrap();
        let rules = RuleSet::load(true, &[]).unwrap();
        assert!(!rules.known_ids.is_empty());
        for id in &rules.known_ids {
            assert!(pattern.is_match(id), "{id}");
            assert!(crate::rule::validate::is_kebab_case(id));
        }
        for id in ["Deficit-label", "deficit--label", "-a", "a-", "9lives"] {
            assert_eq!(
                pattern.is_match(id),
                crate::rule::validate::is_kebab_case(id),
                "{id}"
            );
        }
    }
}
