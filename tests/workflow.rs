//! regard in a team's workflow, end to end through the binary: config,
//! suppressions, baselines, redaction, fixes and `--changed-since`.

use std::path::Path;
use std::process::{Command, Output};

use crate::common::{regard_in, stdout, workflow_rules as rules_dir, Dir};

#[test]
fn config_selects_ignores_relevels_excludes_and_overrides_per_file() {
    let d = Dir::new("config");
    d.write(".git/HEAD", "ref: refs/heads/main\n"); // marks the repository root
    d.write(
        ".regard.yaml",
        "ignore: [credibility-doubt]\nseverity: {deficit-label: info}\nexclude: ['archive/**']\n\
         per-file:\n  - files: ['supervision/**']\n    ignore: [blame-question]\nfail-on: warning\n",
    );
    d.write("session.md", "She was resistant. He claims he was ill.\n");
    d.write("archive/old.md", "She was resistant.\n");
    d.write("supervision/group.md", "Why does she keep cancelling?\n");
    d.write("why.md", "Why does she keep cancelling?\n");
    let o = d.regard(&["check", "--format", "concise", "."]);
    assert_eq!(
        stdout(&o),
        "session.md:1:9: info deficit-label: `resistant` labels the client rather than describing what happened\n\
         why.md:1:1: warning blame-question: \"Why does she keep cancelling\" reads as blame; try wondering what makes it hard for her\n"
            .replace("`resistant` labels the client rather than describing what happened", &message_of(&d, "deficit-label", "She was resistant."))
            .replace("\"Why does she keep cancelling\" reads as blame; try wondering what makes it hard for her", &message_of(&d, "blame-question", "Why does she keep cancelling?"))
    );
    assert_eq!(o.status.code(), Some(1));
    // From a subfolder, the same file is found (upward search).
    let sub = d.0.join("supervision");
    let o = Command::new(env!("CARGO_BIN_EXE_regard"))
        .args(["check", "--quiet", "group.md"])
        .current_dir(&sub)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    // --isolated ignores the file; flags override it.
    let o = d.regard(&["check", "--isolated", "--format", "concise", "session.md"]);
    assert!(stdout(&o).contains("credibility-doubt"));
    let o = d.regard(&["check", "--quiet", "--fail-on", "info", "session.md"]);
    assert_eq!(o.status.code(), Some(1));
    let o = d.regard(&["check", "--quiet", "session.md"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "only an info finding is left, below fail-on"
    );
}

/// The message a built-in rule gives for `text`, so this test does not
/// restate the rule pack's wording.
fn message_of(d: &Dir, rule: &str, text: &str) -> String {
    d.write("probe.txt", text);
    let o = d.regard(&[
        "check",
        "--isolated",
        "--select",
        rule,
        "--format",
        "json",
        "probe.txt",
    ]);
    std::fs::remove_file(d.0.join("probe.txt")).unwrap();
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    json["findings"][0]["message"].as_str().unwrap().to_string()
}

#[test]
fn config_errors_point_into_the_file() {
    let d = Dir::new("config-errors");
    d.write(".regard.yaml", "fail-on: sometimes\n");
    d.write("n.md", "fine\n");
    let o = d.regard(&["check", "n.md"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains(".regard.yaml:1:10"), "{err}");
    d.write(".regard.yaml", "ignore: [no-such-rule]\nselct: []\n");
    let err = String::from_utf8_lossy(&d.regard(&["check", "n.md"]).stderr).into_owned();
    assert!(err.contains("`selct` is not a setting"), "{err}");
    d.write(".regard.yaml", "ignore: [no-such-rule]\n");
    let o = d.regard(&["check", "n.md"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("there is no rule `no-such-rule`") && err.contains(".regard.yaml:1:10"),
        "{err}"
    );
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn suppressions_with_reasons_and_unused_ones() {
    let d = Dir::new("suppress");
    d.write(
        "n.md",
        "<!-- regard-ignore deficit-label: quoting the referral letter -->\n\
         The referral calls him resistant.\n\
         She was unmotivated. <!-- regard-ignore deficit-label: her word, written back to her -->\n\
         <!-- regard-disable deficit-label: transcript of the panel -->\n\
         Panel: lazy, in denial.\n\
         <!-- regard-enable deficit-label -->\n\
         He was resistant.\n\
         <!-- regard-ignore credibility-doubt: nothing here to suppress -->\n\
         We met on Monday.\n\
         He claims it was fine. <!-- regard-ignore credibility-doubt -->\n",
    );
    let o = d.regard(&["check", "--isolated", "--format", "json", "n.md"]);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let got: Vec<(String, u64)> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap().to_string(),
                f["start"]["line"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("deficit-label".to_string(), 7),
            ("unused-suppression".to_string(), 8)
        ]
    );
    d.write(".regard.yaml", "require-reasons: true\n");
    let o = d.regard(&["check", "--format", "concise", "n.md"]);
    assert!(
        stdout(&o).contains("n.md:10:24: warning unexplained-suppression"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn baseline_survives_edits_elsewhere_and_holds_no_note_text() {
    let d = Dir::new("baseline");
    d.write("n.md", "ZORBLAT was resistant to the plan.\n");
    let o = d.regard(&[
        "check",
        "--isolated",
        "--write-baseline",
        "baseline.json",
        ".",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let baseline = d.read("baseline.json");
    assert!(
        !baseline.contains("ZORBLAT") && !baseline.contains("resistant"),
        "{baseline}"
    );
    // Lines added above the old finding do not make it new.
    d.write(
        "n.md",
        "# Session 2\n\nWe met.\n\nZORBLAT was resistant to the plan.\n",
    );
    let o = d.regard(&[
        "check",
        "--isolated",
        "--baseline",
        "baseline.json",
        "--format",
        "concise",
        ".",
    ]);
    assert_eq!((o.status.code(), stdout(&o)), (Some(0), String::new()));
    // A new judgmental phrase does.
    d.write(
        "n.md",
        "# Session 2\n\nHe was lazy.\n\nZORBLAT was resistant to the plan.\n",
    );
    let o = d.regard(&[
        "check",
        "--isolated",
        "--baseline",
        "baseline.json",
        "--format",
        "concise",
        ".",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).starts_with("n.md:3:8: warning deficit-label:"),
        "{}",
        stdout(&o)
    );
    assert_eq!(stdout(&o).lines().count(), 1);
}

#[test]
fn redaction_prints_no_note_text_in_any_format() {
    let d = Dir::new("redact");
    // Upper case, so no four bytes of the note can come from rule texts by chance.
    let note = "QUORVEN WAS RESISTANT AND CLAIMS TO BE LAZY. WHY DOES SHE KEEP CANCELLING?\n";
    d.write("n.md", note);
    for format in ["human", "concise", "json", "sarif", "github"] {
        let o = d.regard(&[
            "check",
            "--isolated",
            "--redact",
            "--format",
            format,
            "n.md",
        ]);
        assert_eq!(o.status.code(), Some(1), "{format}");
        let out =
            String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr);
        for window in note.as_bytes().windows(4) {
            let w = std::str::from_utf8(window).unwrap();
            assert!(
                !out.contains(w),
                "{format} output contains {w:?} from the note:\n{out}"
            );
        }
        assert!(out.contains("n.md"), "{format} still says where");
    }
}

#[test]
fn fixes_apply_safely_keep_permissions_and_converge() {
    use std::os::unix::fs::PermissionsExt;
    let d = Dir::new("fix");
    let rules = rules_dir();
    let note = d.write(
        "n.md",
        "He claims he was ill.\nClaimed it again later; an insurance claim too.\n",
    );
    std::fs::set_permissions(&note, std::fs::Permissions::from_mode(0o640)).unwrap();
    let args = [
        "check",
        "--isolated",
        "--rules",
        rules.as_str(),
        "--select",
        "doubt-verb",
    ];

    let o = d.regard(&[&args[..], &["--diff", "n.md"]].concat());
    assert_eq!(
        stdout(&o),
        "--- n.md\n+++ n.md (fixed)\n@@ -1,2 +1,2 @@\n-He claims he was ill.\n-Claimed it again later; an insurance claim too.\n\
         +He says he was ill.\n+Said it again later; an insurance claim too.\nregard: --fix would reword 2 phrases; nothing was written.\n\
         regard: 2 phrases to reconsider in 1 of 1 note.\n"
    );
    assert!(d.read("n.md").contains("claims"), "--diff writes nothing");

    let o = d.regard(&[&args[..], &["--fix", "n.md"]].concat());
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert_eq!(
        d.read("n.md"),
        "He says he was ill.\nSaid it again later; an insurance claim too.\n"
    );
    assert_eq!(
        std::fs::metadata(&note).unwrap().permissions().mode() & 0o777,
        0o640
    );
    assert_eq!(
        std::fs::read_dir(&d.0).unwrap().count(),
        1,
        "no temporary file is left"
    );

    // Fixing again changes nothing, and checking finds nothing left to fix.
    let o = d.regard(&[&args[..], &["--fix", "n.md"]].concat());
    assert_eq!(
        stdout(&o),
        "regard: 1 note checked, nothing to reconsider.\n"
    );
}

#[test]
fn unsafe_fixes_need_their_own_flag() {
    let d = Dir::new("unsafe-fix");
    let rules = d.0.join("rules");
    std::fs::create_dir_all(&rules).unwrap();
    let safe = std::fs::read_to_string(Path::new(&rules_dir()).join("doubt-verb.yaml")).unwrap();
    std::fs::write(
        rules.join("doubt-verb.yaml"),
        safe.replace("applicability: safe", "applicability: unsafe"),
    )
    .unwrap();
    d.write("n.md", "He claims he was ill.\n");
    let args = [
        "check",
        "--isolated",
        "--rules",
        "rules",
        "--select",
        "doubt-verb",
        "--quiet",
    ];
    d.regard(&[&args[..], &["--fix", "n.md"]].concat());
    assert_eq!(d.read("n.md"), "He claims he was ill.\n");
    d.regard(&[&args[..], &["--fix", "--unsafe-fixes", "n.md"]].concat());
    assert_eq!(d.read("n.md"), "He says he was ill.\n");
}

#[test]
fn changed_since_checks_only_changed_and_new_notes() {
    let d = Dir::new("changed");
    d.git(&["init", "-q", "-b", "main"]);
    d.git(&["config", "user.email", "test@example.org"]);
    d.git(&["config", "user.name", "Test"]);
    d.write("old.md", "She was resistant.\n");
    d.write("edited.md", "We met.\n");
    d.git(&["add", "."]);
    d.git(&["commit", "-q", "-m", "notes"]);
    d.write("edited.md", "We met. He was lazy.\n");
    d.write("new.md", "He claims he was ill.\n");
    let o = d.regard(&[
        "check",
        "--isolated",
        "--changed-since",
        "HEAD",
        "--format",
        "concise",
        ".",
    ]);
    let out = stdout(&o);
    let files: Vec<&str> = out.lines().map(|l| l.split(':').next().unwrap()).collect();
    assert_eq!(files, ["edited.md", "new.md"]);
    let o = d.regard(&["check", "--isolated", "--changed-since", "no-such-rev", "."]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr)
        .contains("cannot list the notes changed since `no-such-rev`"));
}

#[test]
fn rule_yaml_prints_a_built_in_rule_file_to_start_from() {
    let d = Dir::new("rule-yaml");
    let o = d.regard(&["rule", "deficit-label", "--yaml"]);
    assert_eq!(o.status.code(), Some(0));
    let source = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("rules/deficit-label.yaml"),
    )
    .unwrap();
    assert_eq!(stdout(&o), source);
    // As the rule-file help says: copied under a new id, it is a rule of
    // one's own whose examples pass.
    d.write(
        "mine/label.yaml",
        source.replacen("id: deficit-label", "id: my-label", 1),
    );
    let o = d.regard(&["test", "mine"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(
        stdout(&o).starts_with("regard test: 1 rule, "),
        "{}",
        stdout(&o)
    );
    // A rule file missing a key points to it.
    d.write("broken/r.yaml", "id: no-message\nseverity: warning\n");
    let o = d.regard(&["test", "broken"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("regard rule deficit-label --yaml"), "{err}");
}

#[test]
fn config_errors_all_in_one_run_in_plain_words() {
    let d = Dir::new("config-all-errors");
    d.write(".git/HEAD", "ref: refs/heads/main\n");
    d.write(
        ".regard.yaml",
        "exclude: archive/**\nfail-on: sometimes\nselct: [deficit-label]\nredact: yes please\n\
         max-file-size: big\nignore: [deficit-lable]\nseverity: [blame-question]\n\
         per-file:\n  - ignore: [credibility-doubt]\n  - files: [a/**]\n    severty: {}\n",
    );
    d.write("n.md", "She was resistant.\n");
    let o = d.regard(&["check", "n.md"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty(), "{}", stdout(&o));
    let err = String::from_utf8_lossy(&o.stderr);
    let problems: Vec<&str> = err
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("× "))
        .collect();
    assert_eq!(
        problems,
        [
            "9 problems in the configuration; no notes were checked",
            "`exclude` must be a list of globs, e.g. [\"archive/**\"]",
            "`fail-on` must be one of info, warning, error, never",
            "`selct` is not a setting",
            "`redact` must be true or false",
            "`max-file-size` must be a number of bytes, e.g. 16777216 (16 MiB)",
            "there is no rule `deficit-lable`",
            "`severity` must map rule ids to a severity, e.g. {blame-question: info}",
            "each `per-file` entry needs `files`: the notes it is for",
            "`severty` is not a setting in a `per-file` entry",
        ],
        "{err}"
    );
    for place in [
        ".regard.yaml:1:10",
        ".regard.yaml:2:10",
        ".regard.yaml:3:1",
        ".regard.yaml:6:10",
        ".regard.yaml:11:5",
    ] {
        assert!(err.contains(place), "{place}: {err}");
    }
    assert!(err.contains("did you mean `select`?"), "{err}");
    assert!(
        err.contains("write it as a list: [\"archive/**\"]"),
        "{err}"
    );
    assert!(!err.contains("expected"), "serde's words: {err}");
}

#[test]
fn errors_name_their_real_source() {
    let d = Dir::new("error-sources");
    d.write("n.md", "fine\n");
    let o = d.regard(&["check", "--isolated", "--select", "deficit-lable", "n.md"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("1 problem on the command line;"), "{err}");
    assert!(!err.contains("rule files"), "{err}");
    let o = d.regard(&["test", "nodir"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("cannot read the rule folder `nodir`"), "{err}");
    assert!(!err.contains("--rules"), "{err}");
    d.write(
        ".regard.yaml",
        "rules: [team-rules/]\nignore: [team-rule]\n",
    );
    let o = d.regard(&["check", "--config", ".regard.yaml", "n.md"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("1 problem in the configuration;"), "{err}");
    assert!(
        err.contains("cannot read the rule folder `team-rules/`"),
        "{err}"
    );
    assert!(err.contains(".regard.yaml:1:9"), "{err}");
    // The folder may hold `team-rule`: not reported as unknown before it is read.
    assert!(!err.contains("there is no rule"), "{err}");
    assert!(!err.contains("--rules"), "{err}");
}

#[test]
fn quiet_keeps_machine_documents_diff_exits_like_check_and_errors_are_no_all_clear() {
    let d = Dir::new("exit-and-quiet");
    d.write("n.md", "She was resistant.\n");
    d.write("clean.md", "We met on Monday.\n");
    // -q silences the human summary's chatter, never a machine document.
    let json = d.regard(&["check", "--isolated", "-q", "--format", "json", "n.md"]);
    assert_eq!(json.status.code(), Some(1));
    let doc: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(doc["findings"][0]["rule"], "deficit-label");
    assert_eq!(doc["files_checked"], 1);
    let sarif = d.regard(&["check", "--isolated", "-q", "--format", "sarif", "n.md"]);
    let doc: serde_json::Value = serde_json::from_slice(&sarif.stdout).unwrap();
    assert_eq!(doc["runs"][0]["results"][0]["ruleId"], "deficit-label");
    let github = d.regard(&["check", "--isolated", "-q", "--format", "github", "n.md"]);
    assert!(
        stdout(&github).starts_with("::warning file=n.md,line=1,"),
        "{}",
        stdout(&github)
    );
    let human = d.regard(&["check", "--isolated", "-q", "n.md"]);
    assert_eq!(
        stdout(&human),
        "regard: 1 phrase to reconsider in 1 of 1 note.\n"
    );

    // --diff exits as check does: 1 for findings at --fail-on, and 1 when
    // it would change a note even if no finding fails the run.
    let rules = rules_dir();
    d.write("fixable.md", "He claims he was ill.\n");
    let diff = |extra: &[&str], note: &str| {
        let args = [
            "check",
            "--isolated",
            "--rules",
            rules.as_str(),
            "--select",
            "doubt-verb",
            "--diff",
        ];
        d.regard(&[&args[..], extra, &[note]].concat())
    };
    assert_eq!(diff(&[], "fixable.md").status.code(), Some(1));
    let o = diff(&["--fail-on", "never"], "fixable.md");
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(
        stdout(&o).contains("+He says he was ill."),
        "{}",
        stdout(&o)
    );
    assert_eq!(diff(&[], "clean.md").status.code(), Some(0));
    assert!(
        d.read("fixable.md").contains("claims"),
        "--diff writes nothing"
    );

    // An error is never followed by an all-clear.
    for args in [
        &["check", "--isolated", "nosuch.md"][..],
        &["check", "--isolated", "--changed-since", "nosuchref"][..],
    ] {
        let o = d.regard(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(
            !stdout(&o).contains("nothing to reconsider"),
            "{args:?}: {}",
            stdout(&o)
        );
        assert_eq!(
            stdout(&o),
            "regard: 0 notes checked; errors above, so this is not an all-clear.\n",
            "{args:?}"
        );
    }
}

#[test]
fn colour_follows_force_color_clicolor_force_and_no_color_and_reports_fit_the_terminal() {
    let d = Dir::new("colour");
    d.write(
        "n.md",
        "Client was resistant to feedback and we need to talk about why this keeps happening.\n",
    );
    let run = |env: &[(&str, &str)], extra: &[&str]| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_regard"));
        command.current_dir(&d.0);
        for name in [
            "NO_COLOR",
            "FORCE_COLOR",
            "CLICOLOR_FORCE",
            "CLICOLOR",
            "COLUMNS",
        ] {
            command.env_remove(name);
        }
        command.envs(env.iter().copied());
        let o = command
            .args([&["check", "--isolated"][..], extra, &["n.md"]].concat())
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(1));
        stdout(&o).contains("\u{1b}[")
    };
    assert!(!run(&[], &[]), "into a pipe: no colour");
    assert!(run(&[("CLICOLOR_FORCE", "1")], &[]));
    assert!(run(&[("FORCE_COLOR", "1")], &[]));
    assert!(run(&[("FORCE_COLOR", "true")], &[]));
    assert!(!run(&[("FORCE_COLOR", "0")], &[]));
    assert!(!run(&[("FORCE_COLOR", "1"), ("NO_COLOR", "1")], &[]));
    assert!(!run(&[("FORCE_COLOR", "1")], &["--color", "never"]));
    assert!(run(&[], &["--color", "always"]));

    // On a terminal (a pseudo-terminal from util-linux's `script`), the
    // report's message and help wrap to its width; into a pipe, to 80.
    let regard = env!("CARGO_BIN_EXE_regard");
    let o = Command::new("script")
        .args(["-qec"])
        .arg(format!(
            "env -u NO_COLOR COLUMNS=50 {regard} check --isolated --color never n.md"
        ))
        .arg("/dev/null")
        .current_dir(&d.0)
        .output()
        .expect("`script` (util-linux) runs regard on a terminal");
    let text = stdout(&o).replace("\r\n", "\n");
    let help: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.trim_start().starts_with("help:"))
        .take_while(|l| !l.trim().is_empty())
        .collect();
    assert!(help.len() >= 3, "{text}");
    assert!(help.iter().all(|l| l.chars().count() <= 50), "{text}");
    assert!(
        text.contains("⚠ `resistant` labels the client rather than\n"),
        "{text}"
    );
    let piped = d.regard(&["check", "--isolated", "--color", "never", "n.md"]);
    let piped = stdout(&piped);
    assert!(
        piped
            .lines()
            .any(|l| l.trim_start().starts_with("help:") && l.chars().count() > 50),
        "{piped}"
    );
}

// Issue 21 items 1 and 2: the same answer from any folder.

/// `path rule` for each line of `--format concise` output.
fn found(o: &Output) -> Vec<String> {
    stdout(o)
        .lines()
        .map(|line| {
            let mut parts = line.splitn(3, ": ");
            let place = parts.next().unwrap();
            let path = place.rsplitn(3, ':').last().unwrap();
            let rule = parts.next().unwrap().split_whitespace().last().unwrap();
            format!("{path} {rule}")
        })
        .collect()
}

#[test]
fn exclude_and_per_file_globs_are_relative_to_the_config_folder_from_anywhere() {
    let d = Dir::new("globs-anywhere");
    d.write(".git/HEAD", "ref: refs/heads/main\n");
    d.write(
        ".regard.yaml",
        "exclude: ['archive/**']\nper-file:\n  - files: ['clients/**']\n    ignore: [deficit-label]\n",
    );
    let note = "She was resistant. He claims he was ill.\n";
    d.write("archive/old.md", note);
    d.write("clients/jb/a.md", note);
    d.write("team.md", note);
    let jb = d.0.join("clients/jb");
    let expected = |prefix: &str| {
        vec![
            format!("{prefix}clients/jb/a.md credibility-doubt"),
            format!("{prefix}team.md deficit-label"),
            format!("{prefix}team.md credibility-doubt"),
        ]
    };
    let sorted = |mut v: Vec<String>| {
        v.sort();
        v
    };
    // From the root, from a subfolder through `..`, and by absolute path:
    // the archive is never checked and `clients/**` applies only there.
    let o = d.regard(&["check", "--format", "concise", "."]);
    assert_eq!(sorted(found(&o)), sorted(expected("")), "{}", stdout(&o));
    let o = regard_in(&jb, &["check", "--format", "concise", "../.."]);
    assert_eq!(
        sorted(found(&o)),
        sorted(expected("../../")),
        "{}",
        stdout(&o)
    );
    let o = regard_in(&jb, &["check", "--format", "concise", "../../archive/../."]);
    assert_eq!(
        sorted(found(&o)),
        sorted(expected("../../archive/.././")),
        "{}",
        stdout(&o)
    );
    let root = format!("{}/", d.0.display());
    let o = regard_in(&jb, &["check", "--format", "concise", &root]);
    assert_eq!(sorted(found(&o)), sorted(expected(&root)), "{}", stdout(&o));
    // A note named through `..` is still in the archive.
    let o = regard_in(
        &jb,
        &["check", "--format", "concise", "../../archive/old.md"],
    );
    assert_eq!((o.status.code(), stdout(&o)), (Some(0), String::new()));
}

#[test]
fn a_glob_matches_the_folder_it_names_under_the_config_and_nothing_outside() {
    let d = Dir::new("globs-folder");
    d.write(".git/HEAD", "ref: refs/heads/main\n");
    d.write(".regard.yaml", "exclude: ['jb/**']\n");
    let note = "She was resistant.\n";
    d.write("jb/x.md", note);
    d.write("clients/jb/a.md", note);
    let clients = d.0.join("clients");
    let jb = clients.join("jb");
    // `jb/**` at the root is the root's jb/, not clients/jb/.
    let o = d.regard(&["check", "--format", "concise", "."]);
    assert_eq!(
        found(&o),
        ["clients/jb/a.md deficit-label"],
        "{}",
        stdout(&o)
    );
    let o = regard_in(&clients, &["check", "--format", "concise", "jb"]);
    assert_eq!(found(&o), ["jb/a.md deficit-label"], "{}", stdout(&o));
    let o = regard_in(&jb, &["check", "--format", "concise", "."]);
    assert_eq!(found(&o), ["a.md deficit-label"], "{}", stdout(&o));
    // With the same glob in clients/.regard.yaml, clients/jb/ is excluded
    // however it is named.
    d.write("clients/.regard.yaml", "exclude: ['jb/**']\n");
    for (dir, path) in [
        (&clients, "jb"),
        (&jb, "."),
        (&jb, "a.md"),
        (&clients, "./jb/../jb"),
    ] {
        let o = regard_in(dir, &["check", "--format", "concise", path]);
        assert_eq!(
            (o.status.code(), stdout(&o)),
            (Some(0), String::new()),
            "from {} checking {path}",
            dir.display()
        );
    }
    // Notes outside the config's folder are matched by no glob.
    d.write("clients/everything.yaml", "exclude: ['**']\n");
    let o = regard_in(
        &jb,
        &[
            "check",
            "--config",
            "../everything.yaml",
            "--format",
            "concise",
            "../../jb",
        ],
    );
    assert_eq!(found(&o), ["../../jb/x.md deficit-label"], "{}", stdout(&o));
    let o = regard_in(
        &jb,
        &[
            "check",
            "--config",
            "../everything.yaml",
            "--format",
            "concise",
            ".",
        ],
    );
    assert_eq!((o.status.code(), stdout(&o)), (Some(0), String::new()));
}

#[test]
fn baseline_paths_are_relative_to_the_baseline_so_a_note_matches_from_anywhere() {
    let d = Dir::new("baseline-anywhere");
    d.write("notes/clients/a.md", "She was resistant.\n");
    d.write("notes/b.md", "He claims he was ill.\n");
    let clients = d.0.join("notes/clients");
    let paths = |json: &str| -> Vec<String> {
        let v: serde_json::Value = serde_json::from_str(json).unwrap();
        let mut p: Vec<String> = v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["path"].as_str().unwrap().to_string())
            .collect();
        p.sort();
        p
    };
    // Written from a subfolder, the entries are relative to the baseline's folder.
    let o = regard_in(
        &clients,
        &[
            "check",
            "--isolated",
            "--write-baseline",
            "../../.regard-baseline.json",
            "../..",
        ],
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(
        paths(&d.read(".regard-baseline.json")),
        ["notes/b.md", "notes/clients/a.md"]
    );
    // Written at the notes root (the documented use, as older regards did too).
    let o = d.regard(&[
        "check",
        "--isolated",
        "--write-baseline",
        ".regard-baseline.json",
        ".",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let written = d.read(".regard-baseline.json");
    assert_eq!(paths(&written), ["notes/b.md", "notes/clients/a.md"]);
    let clean = |o: &Output| (o.status.code(), stdout(o));
    let base = ["check", "--isolated", "--format", "concise", "--baseline"];
    // Nothing new from the root, from a subfolder, or with absolute paths.
    let o = d.regard(&[&base[..], &[".regard-baseline.json", "."]].concat());
    assert_eq!(clean(&o), (Some(0), String::new()));
    let o = regard_in(
        &clients,
        &[&base[..], &["../../.regard-baseline.json", "."]].concat(),
    );
    assert_eq!(clean(&o), (Some(0), String::new()));
    let o = regard_in(
        &clients,
        &[
            &base[..],
            &["../../.regard-baseline.json", "a.md", "../b.md"],
        ]
        .concat(),
    );
    assert_eq!(clean(&o), (Some(0), String::new()));
    let abs_baseline = d.0.join(".regard-baseline.json").display().to_string();
    let abs_root = d.0.display().to_string();
    let o = regard_in(&clients, &[&base[..], &[&abs_baseline, &abs_root]].concat());
    assert_eq!(clean(&o), (Some(0), String::new()));
    // A new finding is still new from the subfolder, and only it.
    d.write("notes/clients/a.md", "She was resistant. He was lazy.\n");
    let o = regard_in(
        &clients,
        &[&base[..], &["../../.regard-baseline.json", "."]].concat(),
    );
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(found(&o), ["a.md deficit-label"], "{}", stdout(&o));
    assert!(stdout(&o).starts_with("a.md:1:27:"), "{}", stdout(&o));
}

#[cfg(unix)]
#[test]
fn config_and_baseline_named_through_a_link_still_match_notes_named_from_inside() {
    let d = Dir::new("paths-link");
    d.write("real/.regard.yaml", "exclude: ['old/**']\n");
    d.write("real/old/x.md", "She was resistant.\n");
    d.write("real/new/y.md", "She was resistant.\n");
    std::os::unix::fs::symlink(d.0.join("real"), d.0.join("link")).unwrap();
    let link = d.0.join("link").display().to_string();
    let inside = d.0.join("real");
    let config = format!("{link}/.regard.yaml");
    let baseline = format!("{link}/b.json");
    let o = regard_in(
        &inside,
        &["check", "--config", &config, "--format", "concise", "."],
    );
    assert_eq!(found(&o), ["new/y.md deficit-label"], "{}", stdout(&o));
    let o = regard_in(
        &inside,
        &[
            "check",
            "--config",
            &config,
            "--write-baseline",
            &baseline,
            ".",
        ],
    );
    assert_eq!(o.status.code(), Some(0));
    assert!(
        d.read("real/b.json").contains(r#""path": "new/y.md""#),
        "{}",
        d.read("real/b.json")
    );
    let o = regard_in(
        &inside.join("new"),
        &[
            "check",
            "--config",
            &config,
            "--baseline",
            &baseline,
            "--format",
            "concise",
            ".",
        ],
    );
    assert_eq!((o.status.code(), stdout(&o)), (Some(0), String::new()));
}

/// Issue 21 item 5: one run writes several formats, e.g. GitHub annotations
/// on standard output and SARIF to a file, as the Action asks for; each is
/// byte for byte what a run of that format alone prints.
#[test]
fn issue21_item5_one_run_writes_several_formats() {
    let d = Dir::new("outputs");
    d.write("notes/a.md", "She was resistant.\n");
    d.write(
        "notes/b.md",
        "He claims he was ill. Why does she keep cancelling?\n",
    );
    d.write("notes/clean.md", "She said the plan did not fit.\n");
    d.write("out/.keep", "");
    let alone = |format: &str| {
        let o = d.regard(&["check", "--format", format, "notes"]);
        assert_eq!(o.status.code(), Some(1));
        stdout(&o)
    };
    let (github, sarif, json, human) = (
        alone("github"),
        alone("sarif"),
        alone("json"),
        alone("human"),
    );
    assert!(github.starts_with("::warning file=notes/a.md"), "{github}");

    let o = d.regard(&[
        "check",
        "--format",
        "github",
        "--output",
        "sarif=out/regard.sarif",
        "--output",
        "json=findings.json",
        "notes",
    ]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(stdout(&o), github);
    assert_eq!(d.read("out/regard.sarif"), sarif);
    assert_eq!(d.read("findings.json"), json);

    // --output-file sends --format's output to a file instead; a person's
    // format written to a file is not coloured.
    let o = d.regard(&[
        "check",
        "--format",
        "human",
        "--color",
        "always",
        "--output-file",
        "report.txt",
        "--output",
        "sarif=regard.sarif",
        "notes",
    ]);
    assert_eq!((o.status.code(), stdout(&o)), (Some(1), String::new()));
    assert_eq!(d.read("report.txt"), human);
    assert_eq!(d.read("regard.sarif"), sarif);

    // Mistakes are errors that name the flag or the file, before any note is read.
    let o = d.regard(&["check", "--output", "xml=a.xml", "notes"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("`xml` is not a format"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let o = d.regard(&["check", "--output", "sarif", "notes"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("FORMAT=FILE"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let o = d.regard(&[
        "check",
        "--output-file",
        "same.txt",
        "--output",
        "json=same.txt",
        "notes",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("`same.txt` is named for two outputs"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let o = d.regard(&[
        "check",
        "--output",
        "sarif=no/such/dir/x.sarif",
        "notes/clean.md",
    ]);
    assert_eq!((o.status.code(), stdout(&o)), (Some(2), String::new()));
    assert!(
        String::from_utf8_lossy(&o.stderr)
            .contains("cannot write the output file `no/such/dir/x.sarif`"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// Issue 21 item 11: `--full` shows every finding as a full report however
/// many there are; without it, past the first 20 the rest are one line
/// each. The help that is the same for every finding of a rule is said
/// once per rule, redacted or not.
#[test]
fn issue21_item11_full_reports_for_a_few_findings_one_line_each_for_many() {
    let d = Dir::new("many");
    for i in 0..9 {
        d.write(
            &format!("n{i}.md"),
            "She was resistant and lazy.\n\nHe claims he was ill.\n",
        );
    }
    let full_reports = |out: &str| out.matches("  ⚠ ").count();
    let o = d.regard(&["check", "--isolated", "."]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(full_reports(&out), 18, "{out}");
    assert_eq!(out.matches(": warning deficit-label: ").count(), 6, "{out}");
    assert_eq!(out.matches("one line each").count(), 1, "{out}");
    let o = d.regard(&["check", "--isolated", "--full", "."]);
    let out = stdout(&o);
    assert_eq!(full_reports(&out), 27, "{out}");
    assert!(!out.contains("one line each"), "{out}");
    assert_eq!(
        out.matches("`regard rule deficit-label`").count(),
        1,
        "{out}"
    );
    let o = d.regard(&["check", "--isolated", "--full", "--redact", "."]);
    let out = stdout(&o);
    assert_eq!(out.matches("regard rule deficit-label").count(), 1, "{out}");
    assert!(!out.contains("resistant"), "{out}");
}
