//! Every problem in the shape of a configuration file, in one run and in
//! plain words.
//!
//! serde stops at the first value that does not fit `ConfigFile` and says
//! so in its own terms ("expected sequence start"). So the file is first
//! read as plain YAML values with their places ([`Yaml`]), and each setting
//! is checked against what it must be, collecting every problem: "`exclude`
//! must be a list of globs, e.g. ["archive/**"]", underlined in the file.
//! Only a file with none is then read into `ConfigFile`. Rule ids are
//! collected on the way, so they can be checked in the same run.

use std::fmt;

use miette::SourceSpan;
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;

use crate::rule::validate::value_span;
use crate::rule::{RuleError, Source};

/// A YAML value as written.
#[derive(Debug)]
pub enum Yaml {
    Null,
    /// `true` or `false`.
    Bool(&'static str),
    Number(String),
    Text(String),
    List(Vec<Spanned<Yaml>>),
    Map(Vec<(Spanned<Yaml>, Spanned<Yaml>)>),
}

impl<'de> Deserialize<'de> for Yaml {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Yaml, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Yaml;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any YAML value")
            }
            fn visit_unit<E>(self) -> Result<Yaml, E> {
                Ok(Yaml::Null)
            }
            fn visit_none<E>(self) -> Result<Yaml, E> {
                Ok(Yaml::Null)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Yaml, D::Error> {
                Yaml::deserialize(d)
            }
            fn visit_bool<E>(self, v: bool) -> Result<Yaml, E> {
                Ok(Yaml::Bool(if v { "true" } else { "false" }))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Yaml, E> {
                Ok(Yaml::Number(v.to_string()))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Yaml, E> {
                Ok(Yaml::Number(v.to_string()))
            }
            fn visit_i128<E>(self, v: i128) -> Result<Yaml, E> {
                Ok(Yaml::Number(v.to_string()))
            }
            fn visit_u128<E>(self, v: u128) -> Result<Yaml, E> {
                Ok(Yaml::Number(v.to_string()))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Yaml, E> {
                Ok(Yaml::Number(v.to_string()))
            }
            fn visit_str<E>(self, v: &str) -> Result<Yaml, E> {
                Ok(Yaml::Text(v.to_string()))
            }
            fn visit_string<E>(self, v: String) -> Result<Yaml, E> {
                Ok(Yaml::Text(v))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Yaml, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element::<Spanned<Yaml>>()? {
                    items.push(item);
                }
                Ok(Yaml::List(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Yaml, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry::<Spanned<Yaml>, Spanned<Yaml>>()? {
                    entries.push(entry);
                }
                Ok(Yaml::Map(entries))
            }
        }
        deserializer.deserialize_any(V)
    }
}

impl Yaml {
    fn text(&self) -> Option<&str> {
        match self {
            Yaml::Text(t) => Some(t),
            _ => None,
        }
    }

    /// A scalar as the text serde reads it into a `String` (`1` is "1").
    fn scalar(&self) -> Option<&str> {
        match self {
            Yaml::Text(t) | Yaml::Number(t) => Some(t),
            Yaml::Bool(b) => Some(b),
            _ => None,
        }
    }
}

/// The settings and how each must be written.
const SETTINGS: &[(&str, Shape)] = &[
    ("rules", Shape::List("folders", "[\"team-rules/\"]")),
    ("select", Shape::Ids),
    ("ignore", Shape::Ids),
    ("severity", Shape::Severities),
    (
        "fail-on",
        Shape::OneOf(&["info", "warning", "error", "never"]),
    ),
    ("exclude", Shape::List("globs", "[\"archive/**\"]")),
    ("per-file", Shape::PerFile),
    ("quoted-speech", Shape::OneOf(&["skip", "check"])),
    ("block-quotes", Shape::OneOf(&["prose", "speech"])),
    ("require-reasons", Shape::Bool),
    ("sentence-model", Shape::Bool),
    ("redact", Shape::Bool),
    ("max-file-size", Shape::Bytes),
];

const PER_FILE: &[(&str, Shape)] = &[
    ("files", Shape::List("globs", "[\"supervision/**\"]")),
    ("ignore", Shape::Ids),
    ("severity", Shape::Severities),
];

/// Settings that may be left empty (`name:` alone): the default applies.
const OPTIONAL: &[&str] = &[
    "select",
    "fail-on",
    "quoted-speech",
    "block-quotes",
    "require-reasons",
    "sentence-model",
    "redact",
    "max-file-size",
];

const NOT_A_LIST: &str = "regard::config::not_a_list";

const LEVELS: &[&str] = &["info", "warning", "error"];

#[derive(Clone, Copy)]
enum Shape {
    /// A list of text: what the entries are, and an example.
    List(&'static str, &'static str),
    /// A list of rule ids.
    Ids,
    /// A mapping from rule id to severity.
    Severities,
    OneOf(&'static [&'static str]),
    Bool,
    Bytes,
    PerFile,
}

/// What a configuration file's shape check found.
pub struct Checked {
    pub problems: Vec<RuleError>,
    /// Every rule id the file names, with its place.
    pub ids: Vec<(String, SourceSpan)>,
    /// The rule folders the file names (`rules:`), as written, with their places.
    pub rule_dirs: Vec<(String, SourceSpan)>,
}

/// Checks the shape of the configuration in `source`; `Err` for a YAML
/// syntax error (there is no shape to check).
pub fn check(source: &Source) -> Result<Checked, RuleError> {
    let root: Spanned<Yaml> = crate::rule::load::parse_yaml(
        source,
        "regard::config::yaml",
        "a valid regard configuration",
    )?;
    let mut checker = Checker {
        source,
        checked: Checked {
            problems: Vec::new(),
            ids: Vec::new(),
            rule_dirs: Vec::new(),
        },
    };
    match &root.value {
        Yaml::Null => {}
        Yaml::Map(entries) => checker.settings(entries, SETTINGS, None),
        _ => checker.problem(
            "regard::config::not_settings",
            &root,
            "the configuration must be a list of settings, one `name: value` a line".into(),
            "not `name: value` lines",
            Some("e.g. `exclude: [\"archive/**\"]`; `regard config` prints every setting"),
        ),
    }
    Ok(checker.checked)
}

struct Checker<'a> {
    source: &'a Source,
    checked: Checked,
}

impl Checker<'_> {
    fn problem<T>(
        &mut self,
        code: &'static str,
        at: &Spanned<T>,
        message: String,
        label: &str,
        help: Option<&str>,
    ) {
        let mut error =
            RuleError::new(code, self.source, message).at(value_span(at, self.source), label);
        if let Some(help) = help {
            error = error.help(help);
        }
        self.checked.problems.push(error);
    }

    /// The settings of a mapping: the file's own, or one `per-file` entry's.
    fn settings(
        &mut self,
        entries: &[(Spanned<Yaml>, Spanned<Yaml>)],
        known: &[(&str, Shape)],
        within: Option<&str>,
    ) {
        for (key, value) in entries {
            let Some(name) = key.value.text() else {
                self.problem(
                    "regard::config::unknown_setting",
                    key,
                    "a setting's name must be a word such as `exclude`".into(),
                    "not a setting name",
                    None,
                );
                continue;
            };
            let Some(&(_, shape)) = known.iter().find(|(k, _)| *k == name) else {
                let names: Vec<&str> = known.iter().map(|(k, _)| *k).collect();
                let place = within.map_or(String::new(), |w| format!(" in a `{w}` entry"));
                let closest = names
                    .iter()
                    .map(|n| (crate::did_you_mean::distance(name, n), *n))
                    .min()
                    .filter(|(d, _)| *d <= 2)
                    .map(|(_, n)| format!("did you mean `{n}`? "));
                let help = format!(
                    "{}the settings{place} are {}",
                    closest.unwrap_or_default(),
                    names.join(", ")
                );
                self.problem(
                    "regard::config::unknown_setting",
                    key,
                    format!("`{name}` is not a setting{place}"),
                    "unknown setting",
                    Some(&help),
                );
                continue;
            };
            self.value(name, shape, value);
        }
    }

    fn value(&mut self, name: &str, shape: Shape, value: &Spanned<Yaml>) {
        // `fail-on:` with nothing after it leaves the default, as serde reads it.
        if matches!(value.value, Yaml::Null) && OPTIONAL.contains(&name) {
            return;
        }
        match shape {
            Shape::List(what, example) => {
                self.list(name, value, what, example, false);
            }
            Shape::Ids => {
                self.list(name, value, "rule ids", "[deficit-label]", true);
            }
            Shape::Severities => match &value.value {
                Yaml::Map(entries) => {
                    for (id, level) in entries {
                        match id.value.text() {
                            Some(text) => self.id(text, value_span(level, self.source)),
                            None => self.problem(
                                "regard::config::severity",
                                id,
                                format!("`{name}` must map rule ids to a severity"),
                                "not a rule id",
                                Some("e.g. `{blame-question: info}`"),
                            ),
                        }
                        if !level.value.text().is_some_and(|l| LEVELS.contains(&l)) {
                            self.problem(
                                "regard::config::severity",
                                level,
                                "a severity must be info, warning or error".into(),
                                "not a severity",
                                None,
                            );
                        }
                    }
                }
                _ => self.problem(
                    "regard::config::severity",
                    value,
                    format!("`{name}` must map rule ids to a severity, e.g. {{blame-question: info}}"),
                    "not a mapping of rule ids",
                    None,
                ),
            },
            Shape::OneOf(choices) => {
                if !value.value.text().is_some_and(|v| choices.contains(&v)) {
                    self.problem(
                        "regard::config::bad_value",
                        value,
                        format!("`{name}` must be one of {}", choices.join(", ")),
                        "not one of them",
                        None,
                    );
                }
            }
            Shape::Bool => {
                if !matches!(value.value, Yaml::Bool(_)) {
                    self.problem(
                        "regard::config::bad_value",
                        value,
                        format!("`{name}` must be true or false"),
                        "not true or false",
                        None,
                    );
                }
            }
            Shape::Bytes => {
                let ok = matches!(&value.value, Yaml::Number(n) if n.parse::<u64>().is_ok());
                if !ok {
                    self.problem(
                        "regard::config::bad_value",
                        value,
                        format!("`{name}` must be a number of bytes, e.g. 16777216 (16 MiB)"),
                        "not a whole number of bytes",
                        None,
                    );
                }
            }
            Shape::PerFile => match &value.value {
                Yaml::List(entries) => {
                    for entry in entries {
                        match &entry.value {
                            Yaml::Map(settings) => {
                                if !settings.iter().any(|(k, _)| k.value.text() == Some("files")) {
                                    self.problem(
                                        "regard::config::per_file",
                                        entry,
                                        format!("each `{name}` entry needs `files`: the notes it is for"),
                                        "no `files`",
                                        Some("e.g. `- files: [\"supervision/**\"]` then `ignore: [credibility-doubt]`"),
                                    );
                                }
                                self.settings(settings, PER_FILE, Some(name));
                            }
                            _ => self.problem(
                                "regard::config::per_file",
                                entry,
                                format!("each `{name}` entry must be settings for some notes"),
                                "not `files:` and settings",
                                Some("e.g. `- files: [\"supervision/**\"]` then `ignore: [credibility-doubt]`"),
                            ),
                        }
                    }
                }
                _ => self.problem(
                    "regard::config::per_file",
                    value,
                    format!("`{name}` must be a list of entries, each with `files` and the settings for them"),
                    "not a list",
                    Some("e.g. `per-file:` then `  - files: [\"supervision/**\"]` and `    ignore: [credibility-doubt]`"),
                ),
            },
        }
    }

    fn list(&mut self, name: &str, value: &Spanned<Yaml>, what: &str, example: &str, ids: bool) {
        let message = format!("`{name}` must be a list of {what}, e.g. {example}");
        match &value.value {
            Yaml::List(items) => {
                for item in items {
                    match item.value.scalar() {
                        Some(text) if ids => self.id(text, value_span(item, self.source)),
                        Some(text) if name == "rules" => {
                            let at = value_span(item, self.source);
                            self.checked.rule_dirs.push((text.to_string(), at));
                        }
                        Some(_) => {}
                        None => self.problem(NOT_A_LIST, item, message.clone(), "not text", None),
                    }
                }
            }
            Yaml::Text(text) => {
                let help = format!("write it as a list: [\"{text}\"]");
                self.problem(
                    NOT_A_LIST,
                    value,
                    message,
                    "one value, not a list",
                    Some(&help),
                );
            }
            _ => self.problem(NOT_A_LIST, value, message, "not a list", None),
        }
    }

    fn id(&mut self, id: &str, at: SourceSpan) {
        self.checked.ids.push((id.to_string(), at));
    }
}
