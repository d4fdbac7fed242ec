//! Accuracy of the built-in pack on annotated sentences.
//!
//! `tests/accuracy/*.tsv` hold invented case-note sentences, one a line:
//!
//! ```text
//! +deficit-label<TAB>Client was resistant to feedback.      must be flagged by that rule
//! -<TAB>She has treatment-resistant depression.             must not be flagged by any rule
//! -credibility-doubt<TAB>She made an insurance claim.       must not be flagged by that rule
//! ```
//!
//! Every line is a test case: the suite fails on the first file with a
//! mismatch and lists every mismatch. `heldout.tsv` was written without
//! looking at the rules, as a check of generalisation; its precision and
//! recall are printed (run with `--nocapture`) and must stay above the floor
//! below, but its lines are not each required to pass. It is left out of
//! the sentence model's training too (`scripts/train-model`), as are blind
//! sets b and l, which the model's own test scores. `dev-c.tsv` was
//! written later, to broaden the rules without reading the held-out set.
//! `tuned.tsv` holds the sentences of the blind sets a and c (bench/blind/)
//! that the rules were tuned on for issue 20 and now get right, and
//! `tuned-d.tsv` those of set d (tuned on in issue 20's fourth round).
//! `recall5-a.tsv` holds invented sentences for issue 20's fifth round of
//! six rules (new constructions, and hard innocent sentences with the same
//! words), and `tuned-e-a.tsv` the sentences of sets a, c, d and e that
//! round fixed for those rules. `sense6.tsv` holds issue 20's sixth round:
//! labels of things ("an aggressive cancer", "Fire door non-compliant") and
//! reported words ("He told me his boss is lazy"), which engine checks keep
//! quiet for every rule, beside the same words said of a person by the writer.
//! `recall6-b.tsv` holds invented sentences
//! for issue 20's sixth round of blame-question, assumed-intent,
//! credibility-doubt and compliance-framing: one or more per construction,
//! written wide, and hard innocent sentences in the same words.
//! `recall6-a.tsv` holds invented sentences for issue 20's sixth round of
//! the same six rules, written by construction in other writers' voices,
//! with hard innocent sentences (other senses, reported views, the client's
//! own words); `tuned-f-a.tsv` the sentences of sets a, c, d, e and f that
//! round gets right for those rules, and set f's innocent sentences.
//! `recall7-b.tsv` holds invented sentences for issue 20's seventh round of
//! blame-question and assumed-intent, one or more per construction with hard
//! innocent sentences in the same words; `tuned-g-b.tsv` the sentences of
//! sets a, c, f and g those two rules missed before that round, and set g's
//! innocent sentences. `tuned-data7-b.tsv` holds the sentences of the
//! session's weak-2 set (data7) those rules flag after tuning on it, and its
//! quiet innocent sentences.
//! `recall7-a.tsv` holds invented sentences for issue 20's seventh round of
//! absolute-about-person, moralising, minimising and developmental-verdict,
//! rebuilt by construction (and hard innocent sentences in the same words);
//! `tuned-g-a.tsv`, `tuned-weak1-a.tsv` and `tuned-weak2-a.tsv` the sentences
//! of set g and of the round's two blind-written files (data7 weak-1, weak-2,
//! each scored once before tuning) that round gets right for those rules,
//! and their innocent sentences.
//! `recall8-w.tsv` holds invented sentences for issue 20's eighth round of
//! deficit-label, appearance-judgement and identity-label, one or more per
//! wide form (a verdict anywhere in a clause whose subject is the person,
//! types after a typing word, looks held against a role) with hard innocent
//! sentences in the same words.
//! `recall8-m.tsv` holds invented sentences for issue 20's eighth round of
//! absolute-about-person, moralising, minimising, developmental-verdict and
//! compliance-framing, written as wide frames (with hard innocent sentences:
//! legal duties, plans, clinical phrasing, reported views); `tuned-pool8-m.tsv`
//! the sentences of the round's two blind-written pools (/work/data8 pool-1
//! and pool-2, each scored before tuning) those rules now flag, and the
//! pools' innocent sentences that stay quiet.
//! `tuned-pool8-w.tsv` holds the sentences of the round's two pools written
//! blind to the rules (scored blind first, then tuned on) that round 8 gets
//! right for those three rules, and the pools' quiet innocent sentences.
//! `recall8-q.tsv` holds invented sentences for issue 20's eighth round of
//! blame-question, assumed-intent and credibility-doubt, written as wide
//! forms (word classes for each slot) with hard innocent sentences in the
//! same words; `tuned-pool8-q.tsv` the sentences of those kinds in the
//! round's two blind-written pools (data8 pool-1, pool-2: each scored blind
//! first, pool-2 again after tuning on pool-1) that those rules now flag,
//! and the pools' innocent sentences.
//! `tuned-round10-b.tsv` holds the sentences of the tuning material (pools
//! 1-6, data-*, sets h and i) that round 10's frames for blame-question,
//! assumed-intent, credibility-doubt and identity-label now flag (set j
//! scored blind before it), and innocent sentences in the same words.
//! `tuned-round10-a.tsv` holds the sentences of the tuning pools and sets
//! and of blind set j (scored blind before and after tuning on the pools,
//! then tuned on) that absolute-about-person, minimising, moralising,
//! compliance-framing and developmental-verdict missed before issue 20's
//! tenth round and now flag by their own rule, set j's quiet innocent
//! sentences, and a young child's tantrum that is not minimising.
//! `tuned-round11-a.tsv` holds the sentences of the tuning pools and sets
//! (pools 1-6, data-*, sets a and c-j) that issue 20's eleventh round of
//! constructions for assumed-intent, absolute-about-person, minimising,
//! moralising and credibility-doubt now flag by their own rule (blind set l
//! held out, scored only as a figure), and the sets' innocent sentences in
//! the same anchor words, which stay quiet.
//! `tuned-round11-o.tsv` holds the sentences of pool o (written blind to
//! the rules, scored before tuning, then tuned on in round 11): its twelve
//! innocent sentences that compliance-framing, deficit-label and moralising
//! flagged before (devices, organisations judged, informed refusals) and
//! the compliance sentences without the usual words that compliance-framing
//! now flags.
//! `tuned-round13.tsv` holds issue 20's thirteenth round, built across
//! writers: the sentences of the tuning sets (set p, sets a and c-n, pools
//! 1-6 and o, data-*) that the constructions seen in the most sets now flag
//! by their own rule (docs/recall-constructions.md ranks them), invented
//! variants of each construction, and hard innocent sentences in the same
//! words (other senses, reported words, the writer's outrage at a system).
//!
//! `tests/ratchet/*.tsv` hold copies of sentences of the tuning sets in
//! bench/blind that a round's rules now flag by their own kind
//! (`round17.tsv`: issue 20's seventeenth round). They sit outside
//! `tests/accuracy` because `scripts/train-model` reads
//! `tests/accuracy/*.tsv` before bench/blind and keeps a sentence's first
//! copy: a copy there would reorder the model's training data and change
//! the model, though not one sentence of it is new.

use std::path::{Path, PathBuf};

use regard::document::{Document, Kind};
use regard::engine::{Engine, Options};
use regard::rule::RuleSet;

use crate::common::accuracy_sets as files;

struct Case {
    line: usize,
    expect: Expect,
    text: String,
}

enum Expect {
    Flag(String),
    PassAll,
    PassRule(String),
}

fn load(path: &Path) -> Vec<Case> {
    let text = std::fs::read_to_string(path).unwrap();
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| {
            let (tag, sentence) = l
                .split_once('\t')
                .unwrap_or_else(|| panic!("{}:{}: no tab", path.display(), i + 1));
            let expect = match tag.split_at(1) {
                ("+", rule) if !rule.is_empty() => Expect::Flag(rule.to_string()),
                ("-", "") => Expect::PassAll,
                ("-", rule) => Expect::PassRule(rule.to_string()),
                _ => panic!(
                    "{}:{}: tag must be +RULE, - or -RULE",
                    path.display(),
                    i + 1
                ),
            };
            Case {
                line: i + 1,
                expect,
                text: sentence.to_string(),
            }
        })
        .collect()
}

#[derive(Default, Debug)]
struct Score {
    positives: usize,
    true_positives: usize,
    false_positives: usize,
    negatives: usize,
    mismatches: Vec<String>,
}

impl Score {
    fn precision(&self) -> f64 {
        let flagged = self.true_positives + self.false_positives;
        if flagged == 0 {
            1.0
        } else {
            self.true_positives as f64 / flagged as f64
        }
    }

    fn recall(&self) -> f64 {
        if self.positives == 0 {
            1.0
        } else {
            self.true_positives as f64 / self.positives as f64
        }
    }
}

fn score(engine: &Engine<'_>, cases: &[Case], file: &str) -> Score {
    let mut s = Score::default();
    for case in cases {
        let doc = Document::new("sentence".into(), case.text.clone(), Kind::Plain);
        let rules: Vec<&str> = engine
            .find(&doc)
            .iter()
            .map(|f| engine.rules()[f.rule].id.as_str())
            .collect();
        match &case.expect {
            Expect::Flag(rule) => {
                assert!(
                    engine.rules().iter().any(|r| &r.id == rule),
                    "{file}:{}: no rule `{rule}`",
                    case.line
                );
                s.positives += 1;
                if rules.contains(&rule.as_str()) {
                    s.true_positives += 1;
                } else {
                    s.mismatches.push(format!(
                        "{file}:{}: expected {rule}, got {rules:?}: {}",
                        case.line, case.text
                    ));
                }
            }
            Expect::PassAll => {
                s.negatives += 1;
                if !rules.is_empty() {
                    s.false_positives += 1;
                    s.mismatches.push(format!(
                        "{file}:{}: expected nothing, got {rules:?}: {}",
                        case.line, case.text
                    ));
                }
            }
            Expect::PassRule(rule) => {
                s.negatives += 1;
                if rules.contains(&rule.as_str()) {
                    s.false_positives += 1;
                    s.mismatches.push(format!(
                        "{file}:{}: expected no {rule}: {}",
                        case.line, case.text
                    ));
                }
            }
        }
    }
    s
}

/// The rules' ratchet: the sentence model is off, as it was trained on
/// these sentences (`scripts/train-model`); it is measured on the sets held
/// out from its training ([`heldout_precision_and_recall`],
/// [`the_sentence_model_on_blind_sets_held_out_from_its_training`]).
#[test]
fn annotated_sentences_behave() {
    let rules = RuleSet::load(true, &[]).unwrap();
    let options = Options {
        sentence_model: false,
        ..Options::default()
    };
    let engine = Engine::with_options(&rules, options).unwrap();
    let mut total = Score::default();
    let mut mismatches = Vec::new();
    for path in files()
        .iter()
        .filter(|p| !p.ends_with("heldout.tsv"))
        .chain(&ratchets())
    {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let s = score(&engine, &load(path), &name);
        total.positives += s.positives;
        total.true_positives += s.true_positives;
        total.false_positives += s.false_positives;
        total.negatives += s.negatives;
        mismatches.extend(s.mismatches);
    }
    println!(
        "annotated: {} flag, {} pass; precision {:.3}, recall {:.3}",
        total.positives,
        total.negatives,
        total.precision(),
        total.recall()
    );
    assert!(
        mismatches.is_empty(),
        "{} mismatches:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
}

/// The copies of tuning sentences a round's rules flag: `tests/ratchet/*.tsv`.
fn ratchets() -> Vec<PathBuf> {
    let dir = crate::common::root().join("tests/ratchet");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "tsv"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "tests/ratchet holds no sets");
    files
}

/// Floors for the held-out set: below these, the pack has stopped generalising.
const HELDOUT_MIN_PRECISION: f64 = 0.96;
// A ratchet, set just under the latest measurement: 0.927 for the expected
// rule with the sentence model (2026-12-07; the set is held out from its
// training), 0.818 with the rules alone before it. One finding per phrase
// cost one sentence here: "needs to stop feeling sorry for herself" is
// reported once, as minimising (the longer match), where the annotator
// wrote moralising.
const HELDOUT_MIN_RECALL: f64 = 0.91;

#[test]
fn heldout_precision_and_recall() {
    let path = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/accuracy/heldout.tsv"
    ));
    let rules = RuleSet::load(true, &[]).unwrap();
    let engine = Engine::new(&rules).unwrap();
    let s = score(&engine, &load(path), "heldout.tsv");
    println!(
        "held-out: {} flag, {} pass; precision {:.3}, recall {:.3}\n{}",
        s.positives,
        s.negatives,
        s.precision(),
        s.recall(),
        s.mismatches.join("\n")
    );
    assert!(
        s.precision() >= HELDOUT_MIN_PRECISION,
        "held-out precision {:.3}",
        s.precision()
    );
    assert!(
        s.recall() >= HELDOUT_MIN_RECALL,
        "held-out recall {:.3}",
        s.recall()
    );
}

/// Blind sets of earlier rounds that `scripts/train-model` leaves out of the
/// sentence model's training (its `HELD_OUT`), with the floors of the whole
/// pack (rules and model) on them: ratchets set just under the measurement
/// when the model was last trained (docs/model.md).
const MODEL_HELD_OUT: &[(&str, f64, f64)] = &[
    ("bench/blind/set-2026-12-05-b.tsv", PRECISION_B, RECALL_B),
    ("bench/blind/set-2026-12-06-l.tsv", PRECISION_L, RECALL_L),
    ("bench/blind/set-2026-12-07-v.tsv", PRECISION_V, RECALL_V),
    ("bench/blind/set-2026-12-07-w.tsv", PRECISION_W, RECALL_W),
    ("bench/blind/set-2026-12-07-x.tsv", PRECISION_X, RECALL_X),
    ("bench/blind/set-2026-12-07-y.tsv", PRECISION_Y, RECALL_Y),
];
// Measured with the model of 2026-12-07 round 16 (by the expected rule;
// rules alone in brackets): set b precision 0.961, recall 0.791 (0.959,
// 0.645); set l 0.970, 0.764 (0.968, 0.608); set v, written blind during
// round 16 and scored once with the final model, 0.970, 0.632 (0.953,
// 0.324). Sets t and u (round 15) are now training data.
const PRECISION_B: f64 = 0.955;
const RECALL_B: f64 = 0.77;
const PRECISION_L: f64 = 0.96;
const RECALL_L: f64 = 0.75;
const PRECISION_V: f64 = 0.965;
const RECALL_V: f64 = 0.61;
// Set w, written blind during round 17 and scored once (bench/accuracy.py,
// rules and model): precision 0.970, recall 0.771 by any rule, about 0.735
// by the expected rule; the model alone 1.000, 0.664.
const PRECISION_W: f64 = 0.955;
const RECALL_W: f64 = 0.71;
// Set x, written blind during round 18 and scored once (bench/accuracy.py,
// rules and model): main before the round 0.933, 0.609; round 18 0.934,
// 0.613 by any rule (rules alone 0.889, 0.348 -> 0.890, 0.352); by the
// expected rule, as here, 0.927, 0.549 (rules alone 0.880, 0.320); the
// model alone 1.000, 0.486.
const PRECISION_X: f64 = 0.92;
const RECALL_X: f64 = 0.52;
// Set y, written blind during round 19 and scored once (bench/accuracy.py,
// rules and model, by any rule): main before the round 0.946, 0.553; round
// 19 0.947, 0.565 (rules alone 0.886, 0.245 -> 0.896, 0.273); by the
// expected kind about 0.51. Floors below the expected-rule figures.
const PRECISION_Y: f64 = 0.92;
const RECALL_Y: f64 = 0.47;

#[test]
fn the_sentence_model_on_blind_sets_held_out_from_its_training() {
    let rules = RuleSet::load(true, &[]).unwrap();
    let engine = Engine::new(&rules).unwrap();
    let rules_only = Engine::with_options(
        &rules,
        Options {
            sentence_model: false,
            ..Options::default()
        },
    )
    .unwrap();
    for &(set, min_precision, min_recall) in MODEL_HELD_OUT {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(set);
        let cases = load(&path);
        let with = score(&engine, &cases, set);
        let without = score(&rules_only, &cases, set);
        println!(
            "{set}: rules and model precision {:.3}, recall {:.3}; rules alone {:.3}, {:.3}",
            with.precision(),
            with.recall(),
            without.precision(),
            without.recall()
        );
        assert!(
            with.precision() >= min_precision,
            "{set}: precision {:.3}",
            with.precision()
        );
        assert!(
            with.recall() >= min_recall,
            "{set}: recall {:.3}",
            with.recall()
        );
        // The model adds findings where no rule found one; it never takes
        // a rule's away.
        assert!(with.true_positives >= without.true_positives, "{set}");
    }
}
