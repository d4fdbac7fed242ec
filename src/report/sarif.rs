//! SARIF 2.1.0 output, for GitHub code scanning and other SARIF viewers.
//!
//! One run; `tool.driver.rules` describes every rule in force (its summary
//! and docs), and each finding is a result pointing at its rule by id and
//! index. Paths are relative to `%SRCROOT%`, the folder regard ran in, which
//! is what GitHub resolves against the repository root. Columns count Unicode
//! code points (`columnKind`), like every other format; the byte offsets of a
//! finding are given as `byteOffset`/`byteLength`, since SARIF's `charOffset`
//! counts characters and a [`Located`] does not know the characters before
//! its line.
//!
//! Results carry no note text beyond the message, suggestion and fix
//! (`matched` is left out, and no snippets): `partialFingerprints` uses the
//! finding's hash, so GitHub can follow a finding when lines move. A rule's
//! fix is a SARIF `fix`: one replacement of the finding's region.

use serde::Serialize;

use miette::Diagnostic;

use super::{Emitter, LeftOut, Located, RunOutput};
use crate::rule::{Rule, Severity};

/// One SARIF document for the whole run, written at its end.
pub struct SarifOutput;

impl Emitter for SarifOutput {
    fn whole_run(&self) -> bool {
        true
    }

    fn finish(&self, run: &RunOutput<'_>) -> Result<String, Box<dyn Diagnostic + Send + Sync>> {
        Ok(render_run(run.whole_run, run.rules, run.left_out))
    }
}

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
const INFORMATION_URI: &str = "https://github.com/regard-notes/regard";
const SRCROOT: &str = "%SRCROOT%";

/// The log of a run with `findings`.
pub fn render(findings: &[Located], rules: &[Rule]) -> String {
    render_run(findings, rules, &[])
}

/// The log of a run: `findings`, and for each note in `left_out` a
/// notification that the per-note limit left some of its findings out.
pub fn render_run(findings: &[Located], rules: &[Rule], left_out: &[(String, LeftOut)]) -> String {
    let results = findings.iter().map(|f| result(f, rules)).collect();
    let notifications: Vec<Notification> = left_out
        .iter()
        .map(|(path, l)| Notification {
            level: "warning",
            message: Message {
                text: format!(
                    "{} more {} in this note not shown (at most {} a note; --max-findings-per-note)",
                    l.count,
                    if l.count == 1 { "finding" } else { "findings" },
                    l.limit,
                ),
            },
            locations: vec![NotificationLocation {
                physical_location: NotificationPlace {
                    artifact_location: artifact_location(path),
                },
            }],
        })
        .collect();
    // An invocation only to say what was left out: the log stays as it was
    // when nothing was.
    let invocations = if notifications.is_empty() {
        Vec::new()
    } else {
        vec![Invocation {
            execution_successful: true,
            tool_execution_notifications: notifications,
        }]
    };
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "regard",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    information_uri: INFORMATION_URI,
                    rules: rules.iter().map(descriptor).collect(),
                },
            },
            original_uri_base_ids: OriginalUriBaseIds {
                srcroot: UriBase {
                    description: Message {
                        text: "The folder regard was run in; note paths are relative to it."
                            .to_string(),
                    },
                },
            },
            invocations,
            results,
            column_kind: "unicodeCodePoints",
        }],
    };
    let mut s = serde_json::to_string_pretty(&log).expect("SARIF serialises");
    s.push('\n');
    s
}

fn descriptor(rule: &Rule) -> ReportingDescriptor {
    let what = rule.docs.what.trim();
    let why = rule.docs.why.trim();
    let curious = rule.docs.curious.trim();
    ReportingDescriptor {
        id: rule.id.clone(),
        name: name(&rule.id),
        short_description: Message {
            text: rule.summary.trim().to_string(),
        },
        full_description: Message {
            text: what.to_string(),
        },
        help: Help {
            text: format!("{what}\n\nWhy it matters: {why}\n\nA curious alternative: {curious}"),
            markdown: format!(
                "{what}\n\n**Why it matters.** {why}\n\n**A curious alternative.** {curious}"
            ),
        },
        default_configuration: Configuration {
            level: level(rule.severity),
        },
        properties: RuleProperties {
            tags: vec!["wording"],
        },
    }
}

fn result(f: &Located, rules: &[Rule]) -> SarifResult {
    let mut text = f.message.clone();
    if let Some(s) = f.suggestions.first() {
        text.push_str("\ntry: ");
        text.push_str(s);
    }
    let region = || Region {
        start_line: f.start.line,
        start_column: f.start.column,
        end_line: f.end.line,
        end_column: f.end.column,
        byte_offset: f.start.offset,
        byte_length: f.end.offset - f.start.offset,
    };
    let fixes = f
        .fix
        .iter()
        .map(|edit| SarifFix {
            description: Message {
                text: format!(
                    "{} ({})",
                    if edit.replacement.is_empty() {
                        "Remove the words".to_string()
                    } else {
                        format!("Reword as \"{}\"", edit.replacement)
                    },
                    match edit.applicability {
                        crate::rule::Applicability::Safe => "keeps the meaning",
                        crate::rule::Applicability::Unsafe => "check that it keeps the meaning",
                    }
                ),
            },
            artifact_changes: vec![ArtifactChange {
                artifact_location: artifact_location(&f.path),
                replacements: vec![Replacement {
                    deleted_region: region(),
                    inserted_content: Content {
                        text: edit.replacement.clone(),
                    },
                }],
            }],
        })
        .collect();
    SarifResult {
        rule_id: f.rule.clone(),
        rule_index: rules.iter().position(|r| r.id == f.rule),
        level: level(f.level),
        message: Message { text },
        locations: vec![Location {
            physical_location: PhysicalLocation {
                artifact_location: artifact_location(&f.path),
                region: region(),
            },
        }],
        fixes,
        partial_fingerprints: PartialFingerprints {
            regard: f.fingerprint.clone(),
        },
    }
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// `deficit-label` → `DeficitLabel`. None for a one-word id: SARIF wants a
/// name that differs from the id, and `Moralising` only differs in case.
fn name(id: &str) -> Option<String> {
    let name = pascal_case(id);
    (name.to_lowercase() != id.to_lowercase()).then_some(name)
}

fn pascal_case(id: &str) -> String {
    id.split(|c: char| !c.is_alphanumeric())
        .flat_map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .into_iter()
                .flat_map(char::to_uppercase)
                .chain(chars)
        })
        .collect()
}

/// A note's path as a URI reference. Relative paths (the usual case) are
/// relative to `%SRCROOT%`; absolute ones become `file:` URIs.
fn artifact_location(path: &str) -> ArtifactLocation {
    let path = path.replace('\\', "/");
    let is_windows_absolute =
        path.len() >= 3 && path.as_bytes()[0].is_ascii_alphabetic() && path[1..].starts_with(":/");
    if path.starts_with('/') || is_windows_absolute {
        let rooted = if is_windows_absolute {
            format!("/{path}")
        } else {
            path
        };
        return ArtifactLocation {
            uri: format!("file://{}", percent_encode(&rooted)),
            uri_base_id: None,
        };
    }
    let mut relative = path.as_str();
    while let Some(rest) = relative.strip_prefix("./") {
        relative = rest;
    }
    ArtifactLocation {
        uri: percent_encode(relative),
        uri_base_id: Some(SRCROOT),
    }
}

/// Percent-encodes everything but RFC 3986 unreserved characters, `/`, and
/// `:` after a drive letter, so spaces and accents make a valid URI.
fn percent_encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for (i, b) in path.bytes().enumerate() {
        let keep = b.is_ascii_alphanumeric()
            || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/')
            || (b == b':' && i == 2 && path.starts_with('/'));
        if keep {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[derive(Serialize)]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Tool,
    original_uri_base_ids: OriginalUriBaseIds,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    invocations: Vec<Invocation>,
    results: Vec<SarifResult>,
    column_kind: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    tool_execution_notifications: Vec<Notification>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Notification {
    level: &'static str,
    message: Message,
    locations: Vec<NotificationLocation>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct NotificationLocation {
    physical_location: NotificationPlace,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct NotificationPlace {
    artifact_location: ArtifactLocation,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    information_uri: &'static str,
    rules: Vec<ReportingDescriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ReportingDescriptor {
    id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    short_description: Message,
    full_description: Message,
    help: Help,
    default_configuration: Configuration,
    properties: RuleProperties,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct RuleProperties {
    tags: Vec<&'static str>,
}

#[derive(Serialize)]
struct OriginalUriBaseIds {
    #[serde(rename = "%SRCROOT%")]
    srcroot: UriBase,
}

/// Where `%SRCROOT%` is on disk is not known to a pure renderer, so the base
/// is described rather than given (SARIF §3.14.14 allows leaving `uri` out).
#[derive(Serialize)]
struct UriBase {
    description: Message,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

#[derive(Serialize)]
struct Message {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
    level: &'static str,
    message: Message,
    locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<SarifFix>,
    partial_fingerprints: PartialFingerprints,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifFix {
    description: Message,
    artifact_changes: Vec<ArtifactChange>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactChange {
    artifact_location: ArtifactLocation,
    replacements: Vec<Replacement>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement {
    deleted_region: Region,
    inserted_content: Content,
}

#[derive(Serialize)]
struct Content {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
    byte_offset: usize,
    byte_length: usize,
}

#[derive(Serialize)]
struct PartialFingerprints {
    #[serde(rename = "regardFingerprint/v1")]
    regard: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pascal_case_of_ids() {
        assert_eq!(pascal_case("deficit-label"), "DeficitLabel");
        assert_eq!(pascal_case("blame-question"), "BlameQuestion");
        assert_eq!(name("moralising"), None);
        assert_eq!(name("deficit-label").as_deref(), Some("DeficitLabel"));
    }

    #[test]
    fn uris() {
        let uri = |p: &str| {
            let l = artifact_location(p);
            (l.uri, l.uri_base_id)
        };
        assert_eq!(
            uri("./notes/a b.md"),
            ("notes/a%20b.md".into(), Some(SRCROOT))
        );
        assert_eq!(
            uri("notes\\zoë.md"),
            ("notes/zo%C3%AB.md".into(), Some(SRCROOT))
        );
        assert_eq!(uri("/home/x/n.md"), ("file:///home/x/n.md".into(), None));
        assert_eq!(
            uri("C:\\notes\\n.md"),
            ("file:///C:/notes/n.md".into(), None)
        );
    }
}
