//! regard: a linter for case notes.
//!
//! It reads session notes and supervision notes (Markdown or plain text),
//! flags judgmental phrasing, and suggests a curious rewording.
//!
//! The pipeline, one module per stage (`docs/architecture.md` draws it and
//! says which files each kind of change touches):
//!
//! - `cli`: the command line (clap derive; doc comments are the help text).
//! - `rule`: rule files (`rules/*.yaml`, embedded) → checked [`rule::Rule`]s.
//!   A new built-in rule is a new YAML file there, nothing else.
//! - `engine`: rules → one compiled [`engine::Engine`]; finds matches in a
//!   document and applies each rule's context (`unless`, quoted speech) and
//!   the note's `regard-ignore` directives.
//! - `document`: a file → its text and prose. Each input format implements
//!   [`document::Format`] (`format.rs`; Markdown, plain text, and Word and
//!   LibreOffice documents in `office/`), which owns
//!   decoding (`text.rs`) and what counts as prose; `prose.rs` maps prose
//!   back to offsets in the text, `span.rs` offsets to lines and columns.
//! - `config`: `.regard.yaml` → [`config::Settings`], and the one load
//!   sequence of configuration then rules ([`config::Configuration`]);
//!   `config/shape.rs` first checks the file's shape, reporting every problem.
//! - `lint`: one note under a configuration → its findings as every output
//!   sees them (per-file severity, baseline, cap, positions, redaction);
//!   `check` and `server` both call it.
//! - `report`: findings → output formats, one [`report::Emitter`] per file:
//!   `human.rs`, `concise.rs`, `json.rs`, `sarif.rs`, `github.rs`.
//! - `check`: `regard check` itself: walking folders, reading notes,
//!   scheduling them on all cores, writing outputs in order; `fix.rs` (safe
//!   rewrites, atomic writes) and `baseline.rs` serve it.
//! - `server`: `regard server`, the same pipeline behind the Language Server
//!   Protocol, for editors (`server/requests/`: one file per request).
//! - `read`: every file read, bounded and refusing FIFOs and devices.
//! - `suggest`: a finding's message, suggestions and fix, filled from the
//!   flagged sentence (its person, pronoun, topic) by the rule's templates.
//! - `examples`: rules' own `flag`/`pass` examples, for the tests and `regard test`.
//! - `explain`: `regard rules` and `regard rule ID`.
//! - `error`: how a run ends ([`ExitStatus`]) or the [`Error`] that stopped it.

pub mod baseline;
pub mod check;
pub mod cli;
pub mod config;
pub mod did_you_mean;
pub mod document;
pub mod engine;
pub mod error;
pub mod examples;
pub mod fix;
pub mod learned;
pub mod lint;
pub mod read;
pub mod report;
pub mod rule;
pub mod server;
pub mod suggest;

use std::io::Write;

use clap::CommandFactory;

use cli::{Cli, Command};
pub use error::{Error, ExitStatus};
use rule::RuleSet;

pub fn run(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> Result<ExitStatus, Error> {
    match cli.command {
        Command::Check(args) => check::check(&args, out, err),
        Command::Rules {
            rules: args,
            markdown,
            phrases,
        } => {
            let rules = RuleSet::load(true, &args.rule_dirs)?;
            let text = if markdown {
                explain::reference(&rules)
            } else if phrases {
                explain::phrases(&rules)
            } else {
                explain::list(&rules)
            };
            write_out(out, &text)
        }
        Command::Test { dir } => test_rules(&dir, out, err),
        Command::Config { config, rules } => {
            let loaded = config::Configuration::load(
                &config.origin(),
                &rules.rule_dirs,
                &config::Overrides::default(),
            )?;
            write_out(out, &loaded.settings.describe(&loaded.rules))
        }
        Command::Completions { shell } => {
            let mut text = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "regard", &mut text);
            write_out(out, &String::from_utf8_lossy(&text))
        }
        Command::Man { command } => write_out(out, &man_page(command.as_deref())?),
        Command::Server { config, rules, .. } => server::serve(&config, &rules, out),
        Command::Rule { id, yaml, rules } => {
            let rules = RuleSet::load(true, &rules.rule_dirs)?;
            let Some(rule) = rules.get(&id) else {
                let help = did_you_mean::unknown_rule_help(&id, &rules.known_ids);
                return Err(Error::UnknownRule { id, help });
            };
            if yaml {
                // The file as written (comments and all), built-in or not.
                write_out(out, &rule.source.text)
            } else {
                write_out(out, &explain::explain(rule))
            }
        }
    }
}

pub mod explain;

/// `regard man [COMMAND]`: regard(1), or regard-COMMAND(1), from the clap
/// definition (the same text as `--help`).
fn man_page(command: Option<&str>) -> Result<String, Error> {
    let cli = Cli::command();
    let (page, title) = match command {
        None => (cli, "regard".to_string()),
        Some(name) => {
            let sub = cli
                .find_subcommand(name)
                .ok_or_else(|| Error::UnknownCommand(name.to_string()))?;
            let title = format!("regard-{}", sub.get_name());
            let page = sub
                .clone()
                .display_name(title.clone())
                .bin_name(format!("regard {}", sub.get_name()))
                .version(env!("CARGO_PKG_VERSION"));
            (page, title)
        }
    };
    let mut text = Vec::new();
    clap_mangen::Man::new(page)
        .title(title)
        .source(format!("regard {}", env!("CARGO_PKG_VERSION")))
        .render(&mut text)
        .map_err(Error::Output)?;
    Ok(String::from_utf8_lossy(&text).into_owned())
}

/// `regard test DIR`: runs the examples of the rules in `dir`.
fn test_rules(
    dir: &std::path::Path,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitStatus, Error> {
    let rules = RuleSet::load(true, &[dir.to_path_buf()])?;
    let engine = engine::Engine::with_options(&rules, examples::options())?;
    let handler =
        miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor());
    let (mut tested, mut examples, mut failed) = (0, 0, 0);
    for (i, rule) in rules
        .rules
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.source.builtin)
    {
        tested += 1;
        let (failures, count) = examples::check(&engine, i);
        examples += count;
        if rule.flag_examples.is_empty() {
            let _ = writeln!(
                err,
                "regard: rule `{}` has no `flag` example; add one so the rule is tested",
                rule.id
            );
            failed += 1;
        }
        for failure in failures {
            failed += 1;
            let mut s = String::new();
            handler
                .render_report(&mut s, &failure)
                .expect("writing to a String cannot fail");
            let _ = writeln!(err, "{s}");
        }
    }
    let summary = format!(
        "regard test: {}, {}: {}\n",
        report::plural(tested, "rule", "rules"),
        report::plural(examples, "example", "examples"),
        if failed == 0 {
            "all pass".to_string()
        } else {
            format!("{failed} failed")
        }
    );
    write_out(out, &summary)?;
    Ok(if failed == 0 {
        ExitStatus::Success
    } else {
        ExitStatus::Findings
    })
}

fn write_out(out: &mut dyn Write, text: &str) -> Result<ExitStatus, Error> {
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(ExitStatus::Success),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitStatus::Success),
        Err(e) => Err(Error::Output(e)),
    }
}
