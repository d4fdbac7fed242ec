//! Issue 26, round 6: what a supervisor would accept as the first
//! suggestion, sentence by sentence (`src/suggest/compose.rs`).
//!
//! Each row is an invented sentence shaped like one the blind supervisor
//! rated (bench/blind/set-2026-12-05-f, a tuning set now), the rule, and
//! the first suggestion every finding of that rule in the sentence must
//! show. The forms:
//! - composed: two findings of one sentence show one sentence with both
//!   judgments resolved ("Claims … again, funny that." → "Says … again.");
//! - margin question: a sentence that is only a label or verdict gets the
//!   question a supervisor writes beside it, the label quoted, the person
//!   as the note names them, the sentence's own facts kept;
//! - grammar guard: a rewording that would read broken ("Has not happied",
//!   "He' I last saw him:", "Pt and bedraggled:", "Says to be drinking")
//!   gives way to the next form;
//! - what already rated 4-5 stays: the judgment removed, the rest kept.

use regard::document::{Document, Kind};
use regard::engine::Engine;
use regard::rule::RuleSet;

/// (rule, sentence, the first suggestion of each of its findings).
const CASES: &[(&str, &str, &str)] = &[
    // Composed: both findings of the sentence show the same sentence.
    (
        "credibility-doubt",
        "Claims his phone got nicked, again, funny that.",
        "Says his phone got nicked, again.",
    ),
    (
        "credibility-doubt",
        "Claims to be drinking \"two cans a night\", which I very much doubt.",
        "Says they are drinking \"two cans a night\".",
    ),
    (
        "credibility-doubt",
        "Student alleges she was groped on the bus; I'm not sure I believe her.",
        "Student says she was groped on the bus.",
    ),
    // Margin questions: a label and nothing else.
    (
        "deficit-label",
        "She is extremely needy and high-maintenance.",
        "What did she do or say that read as \"needy and high-maintenance\"? Write that, and what she might have needed.",
    ),
    (
        "deficit-label",
        "Arrogant and tone-deaf.",
        "What did they do or say that read as \"arrogant and tone-deaf\"? Write that, and what they might have needed.",
    ),
    (
        "deficit-label",
        "Very awkward and stubborn gentleman.",
        "What did they do or say that read as \"awkward and stubborn gentleman\"? Write that, and what they might have needed.",
    ),
    (
        "deficit-label",
        "Grandad is a bully and a dinosaur.",
        "What did Grandad do or say that read as \"bully and a dinosaur\"? Write that, and what he might have needed.",
    ),
    // The label's complement and the sentence's time stay, the
    // intensifier and the idiom of verdict go.
    (
        "deficit-label",
        "Pt is argumentative with literally everyone on the ward.",
        "What did Pt do or say that read as \"argumentative with everyone on the ward\"? Write that, and what they might have needed.",
    ),
    (
        "deficit-label",
        "Pt is hostile and guarded, with a real chip on his shoulder.",
        "What did Pt do or say that read as \"hostile and guarded\"? Write that, and what he might have needed.",
    ),
    (
        "deficit-label",
        "Mum was obstructive and hostile when the CIN plan was raised.",
        "What did Mum do or say when the CIN plan was raised that read as \"obstructive and hostile\"? Write that, and what she might have needed.",
    ),
    (
        "minimising",
        "Honestly, these are first-world problems.",
        "What did they say or show that you called \"first-world problems\"? Write that, in their words.",
    ),
    (
        "identity-label",
        "Dad is a wife-beater, simple as that.",
        "What did Dad do or say that you summed up as \"wife-beater\"? Write that, with the person first.",
    ),
    (
        "identity-label",
        "Pt is one of our regulars, you know the one.",
        "What did Pt do or say that you summed up as \"one of our regulars\"? Write that, with the person first.",
    ),
    // A capitalised word of the label is not the person.
    (
        "identity-label",
        "Typical Gen Z snowflake, everything is trauma to her.",
        "What did they do or say that you summed up as \"typical Gen Z snowflake\"? Write that, with the person first. Keep \"everything is trauma to her\" as written.",
    ),
    (
        "developmental-verdict",
        "Not psychologically minded enough for insight-oriented work.",
        "What did you see them do that read as \"not psychologically minded enough for insight-oriented work\"? Write that, and what they would like to work on.",
    ),
    // A label in a sentence with facts: the question, and the facts kept.
    (
        "deficit-label",
        "Pt v demanding overnite, buzzer every 10 mins.",
        "What did Pt do or say that read as \"demanding\"? Write that, and what they might have needed. Keep \"overnite, buzzer every 10 mins\" as written.",
    ),
    // The grammar guard: each of these was a broken sentence.
    (
        "absolute-about-person",
        "Never happy with any appointment we offer.",
        "Has not been happy with the appointments we have offered (say when, and how often).",
    ),
    (
        "appearance-judgement",
        "He's let himself go since I last saw him, put on a lot of weight and looks worn out.",
        "What did you see of him that read as \"let himself go\"? If it matters to the work, write that plainly; if not, leave it out. Keep \"I last saw him, put on a lot of weight and looks worn out\" as written.",
    ),
    (
        "appearance-judgement",
        "Pt looks grubby and bedraggled, needs to sort herself out.",
        "Pt … (what you saw, plainly, if it matters to the work), needs to sort herself out.",
    ),
    // What rated 4-5 stays as it was.
    (
        "deficit-label",
        "Mrs Hill was very difficult and obstructive at teatime, wouldn't let anyone help.",
        "Mrs Hill wouldn't let anyone help at teatime.",
    ),
    (
        "credibility-doubt",
        "Mum conveniently remembered the appointment after the school rang her.",
        "Mum remembered the appointment after the school rang her.",
    ),
    (
        "assumed-intent",
        "Turned up sober today purely to impress the new officer.",
        "Turned up sober today.",
    ),
    (
        "blame-question",
        "Why won't he just use the urinal like he's been shown?",
        "He has not used the urinal, though he has been shown how.",
    ),
];

#[test]
fn first_suggestions_are_what_a_supervisor_would_accept() {
    let rules = RuleSet::load(true, &[]).expect("the built-in rules load");
    let engine = Engine::new(&rules).expect("the built-in rules compile");
    let mut wrong = Vec::new();
    for (rule, sentence, want) in CASES {
        let doc = Document::new("n.txt".into(), format!("{sentence}\n"), Kind::Plain);
        let firsts: Vec<String> = engine
            .lint(&doc)
            .into_iter()
            .filter(|f| rules.rules[f.rule].id == *rule)
            .map(|f| f.suggestions.into_iter().next().unwrap_or_default())
            .collect();
        if firsts.is_empty() {
            wrong.push(format!("{rule} does not flag {sentence:?}"));
        }
        for got in firsts {
            if got != *want {
                wrong.push(format!(
                    "{rule}: {sentence:?}\n   got:  {got:?}\n   want: {want:?}"
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// A fix that would leave the sentence broken is no fix: "Claims to be
/// drinking" must not become "Says to be drinking" under `--fix`.
#[test]
fn a_fix_never_breaks_the_sentence() {
    let rules = RuleSet::load(true, &[]).expect("the built-in rules load");
    let engine = Engine::new(&rules).expect("the built-in rules compile");
    let text = "Claims to be drinking two cans a night.\n";
    let doc = Document::new("n.txt".into(), text.to_string(), Kind::Plain);
    let findings = engine.lint(&doc);
    let credibility: Vec<_> = findings
        .iter()
        .filter(|f| rules.rules[f.rule].id == "credibility-doubt")
        .collect();
    assert!(!credibility.is_empty(), "credibility-doubt flags {text:?}");
    for f in credibility {
        assert_eq!(
            f.fix, None,
            "{:?} would read \"Says to be drinking\"",
            f.matched
        );
    }
}
