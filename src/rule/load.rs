//! Reading rule files: the embedded default pack and users' rule folders.
//!
//! This stage only finds and parses YAML into [`RuleFile`]s; checking what
//! the values mean is `validate.rs`'s job. YAML parsing runs under
//! serde-saphyr's budget, so an alias bomb ("billion laughs") in a rule file
//! is an error, not an out-of-memory kill.

use std::path::Path;
use std::sync::Arc;

use miette::SourceSpan;

use super::error::RuleError;
use super::schema::RuleFile;
pub use super::source::Source;

mod builtin {
    /// `(file name, contents, hash)` of every `rules/*.yaml`, embedded by
    /// `build.rs` (the hash is `pattern::text_hash` of the contents).
    pub const RULES: &[(&str, &str, u64)] = include!(concat!(env!("OUT_DIR"), "/builtin_rules.rs"));
    /// `vocabulary.yaml`, the word classes the rules share, and its
    /// `pattern::text_hash`.
    pub const VOCABULARY: (&str, u64) =
        include!(concat!(env!("OUT_DIR"), "/builtin_vocabulary.rs"));
}

/// The built-in word classes (`vocabulary.yaml`).
pub fn builtin_vocabulary() -> Arc<Source> {
    Arc::new(Source {
        name: "vocabulary.yaml (built-in)".into(),
        text: builtin::VOCABULARY.0.to_string(),
        builtin: true,
    })
}

/// The built-in vocabulary's text, as embedded (not copied).
pub fn builtin_vocabulary_text() -> &'static str {
    builtin::VOCABULARY.0
}

/// `pattern::text_hash` of the built-in vocabulary, made at build time:
/// hashing its 200 KB at every start was a hundredth of a one-note run.
pub fn builtin_vocabulary_hash() -> u64 {
    builtin::VOCABULARY.1
}

/// `pattern::text_hash` of the built-in rule file `file` (a name in
/// `rules/`), made at build time.
pub fn builtin_hash(file: &str) -> Option<u64> {
    builtin::RULES
        .iter()
        .find(|(name, _, _)| *name == file)
        .map(|&(_, _, hash)| hash)
}

/// Whether a file of a rule folder holds word classes rather than a rule.
pub fn is_vocabulary(source: &Source) -> bool {
    let name = source.name.replace('\\', "/");
    let file = name.rsplit('/').next().unwrap_or(&name);
    matches!(file, "vocabulary.yaml" | "vocabulary.yml")
}

/// Parses a vocabulary file (see [`builtin_vocabulary`]).
pub fn parse_vocabulary(source: &Source) -> Result<super::schema::VocabularyFile, RuleError> {
    parse_yaml(source, "regard::rule::yaml", "a valid vocabulary file")
}

/// The default pack, compiled into the binary.
pub fn builtin_sources() -> Vec<Arc<Source>> {
    builtin::RULES
        .iter()
        .map(|(name, text, _)| {
            Arc::new(Source {
                name: format!("rules/{name} (built-in)"),
                text: (*text).to_string(),
                builtin: true,
            })
        })
        .collect()
}

/// Every `*.yaml` / `*.yml` file directly in `dir`, sorted by name.
pub fn dir_sources(dir: &Path) -> Result<Vec<Arc<Source>>, RuleError> {
    let unreadable = |e: std::io::Error| {
        let source = Source {
            name: dir.display().to_string(),
            text: String::new(),
            builtin: false,
        };
        RuleError::new(
            "regard::rule::io",
            &source,
            format!("cannot read the rule folder `{}`: {e}", dir.display()),
        )
        .help("check that the folder exists and can be read")
    };
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(unreadable)? {
        let path = entry.map_err(unreadable)?.path();
        let is_yaml = matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("yaml" | "yml")
        );
        // Every `.yaml` entry but a folder is read, so a dangling link, a
        // FIFO or a link to a device is an error, never a rule skipped.
        if is_yaml && !path.is_dir() {
            paths.push(path);
        }
    }
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let name = path.display().to_string();
            // Bounded, without blocking on a FIFO, regular files only.
            match crate::read::read_file(&path, crate::read::MAX_RULE_FILE) {
                Ok(bytes) => match String::from_utf8(bytes) {
                    Ok(text) => Ok(Arc::new(Source {
                        name,
                        text,
                        builtin: false,
                    })),
                    Err(e) => {
                        let at = e.utf8_error().valid_up_to();
                        let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
                        let source = Source {
                            name,
                            text,
                            builtin: false,
                        };
                        Err(RuleError::new(
                            "regard::rule::encoding",
                            &source,
                            format!("`{}` is not UTF-8 (at byte {at})", source.name),
                        )
                        .at(SourceSpan::from(at..at + 1), "not UTF-8")
                        .help("save the rule file as UTF-8"))
                    }
                },
                Err(e) => {
                    let source = Source {
                        name: name.clone(),
                        text: String::new(),
                        builtin: false,
                    };
                    let limit = match e {
                        crate::read::ReadError::TooLarge { .. } => format!(
                            ", over the {}-byte limit for a rule file",
                            crate::read::MAX_RULE_FILE
                        ),
                        _ => String::new(),
                    };
                    Err(RuleError::new(
                        "regard::rule::io",
                        &source,
                        format!("cannot read the rule file `{name}`: {e}{limit}"),
                    ))
                }
            }
        })
        .collect()
}

/// Parses one rule file. Unknown keys, missing keys, wrong types and YAML
/// syntax errors all come back with the parser's location.
pub fn parse(source: &Source) -> Result<RuleFile, RuleError> {
    parse_yaml(source, "regard::rule::yaml", "a valid rule file")
}

/// Parses YAML into `T` under serde-saphyr's default budget; any error
/// becomes a diagnostic labelled at the parser's location in `source`.
pub fn parse_yaml<T: serde::de::DeserializeOwned>(
    source: &Source,
    code: &'static str,
    what: &str,
) -> Result<T, RuleError> {
    let options = serde_saphyr::options! { with_snippet: false };
    serde_saphyr::from_str_with_options::<T>(&source.text, options).map_err(|e| {
        let full = e.to_string();
        // serde-saphyr appends " at line L, column C"; the label shows the place.
        let message = match full.rfind(" at line ") {
            Some(i) => full[..i].to_string(),
            None => full,
        };
        let help = yaml_help(&message);
        let mut err = RuleError::new(code, source, format!("`{}` is not {what}", source.name));
        let missing = message.starts_with("missing field");
        match e.location() {
            // serde-saphyr places a missing key at the end of the mapping;
            // the rule as a whole is what lacks it, so point at its first line.
            Some(_) if missing => {
                let first = source.text.find('\n').unwrap_or(source.text.len());
                err = err.at(SourceSpan::from(0..first), message);
            }
            Some(location) => {
                let span = location.span();
                let offset = span.byte_offset().map(|o| o as usize).or_else(|| {
                    line_column_offset(&source.text, location.line(), location.column())
                });
                match offset {
                    Some(offset) => {
                        let offset = offset.min(source.text.len());
                        let len = span.byte_len().unwrap_or(1).max(1) as usize;
                        let len = len.min(source.text.len() - offset);
                        err = err.at(SourceSpan::from(offset..offset + len), message);
                    }
                    None => err.message = format!("{}: {message}", err.message),
                }
            }
            None => err.message = format!("{}: {message}", err.message),
        }
        match help {
            Some(h) if code == "regard::rule::yaml" => err.help(h),
            _ => err,
        }
    })
}

/// Byte offset of a 1-based line and character column.
fn line_column_offset(text: &str, line: u64, column: u64) -> Option<usize> {
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n').nth(line as usize - 2)?.0 + 1
    };
    let rest = &text[line_start..];
    let col = rest
        .char_indices()
        .nth(column.saturating_sub(1) as usize)
        .map_or(rest.len(), |(i, _)| i);
    Some(line_start + col)
}

fn yaml_help(message: &str) -> Option<String> {
    if message.starts_with("missing field") {
        Some("start from a built-in rule's file: `regard rule deficit-label --yaml`".into())
    } else {
        None
    }
}
