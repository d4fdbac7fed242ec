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
        "What did they do or say that you summed up as \"typical Gen Z snowflake\" and \"everything is trauma to her\"? Write that, with the person first.",
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
        "Buzzer every 10 mins: what did Pt do or say overnite that read as \"demanding\"? Write that, and what they might have needed.",
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
        "What did you see of him since I last saw him that read as \"let himself go\"? If it matters to the work, write that plainly; if not, leave it out.",
    ),
    (
        "appearance-judgement",
        "Pt looks grubby and bedraggled, needs to sort herself out.",
        "What did you see of Pt that read as \"looks grubby and bedraggled\" and \"needs to sort herself out\"? If it matters to the work, write that plainly; if not, leave it out.",
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
        // The statement is second since round 17, after the curious
        // question (rewording17::a_past_act_is_asked_what_was_going_on).
        "What makes it hard for him to use the urinal, though he has been shown how?",
    ),
];

#[test]
fn first_suggestions_are_what_a_supervisor_would_accept() {
    check(CASES);
}

/// Round 7: the failures the blind supervisor quoted on set g (a tuning
/// set now), in invented sentences of the same shape, and a row of each
/// form a label rule's first suggestion may take:
/// - clean rewording: every judgment of the sentence resolved, the facts
///   kept, no hole ("Both parents are people who use heroin …");
/// - margin question: the label words quoted alone ("lazy and
///   ungrateful"), where and when in the question ("all week");
/// - margin question set in the sentence's facts, word for word: "Pt
///   declined obs at 0200 and again at 0400: what did Pt do or say …";
/// - never a sentence with a hole, never 'Keep "…" as written' over more
///   judgment: the other judgment is quoted beside the label ("classic
///   narcissist" and "today was textbook"), "refused" is said plainly.
const SET_G: &[(&str, &str, &str)] = &[
    // "keeps 'textbook' label"
    (
        "identity-label",
        "He's a classic narcissist and today was textbook.",
        "What did he do or say that you summed up as \"classic narcissist\" and \"today was textbook\"? Write that, with the person first.",
    ),
    // "sarcastic 'symptom of the week' left"
    (
        "identity-label",
        "Pt is a hypochondriac and the new symptom of the week is back pain.",
        "What did Pt do or say that you summed up as \"hypochondriac\" and \"the new symptom of the week is back pain\"? Write that, with the person first.",
    ),
    // "'refused' left": said plainly; the label's part goes with it
    // (round 8: one rewording for the sentence's two findings).
    (
        "deficit-label",
        "Pt refused obs at 0200 and again at 0400, uncooperative with night staff.",
        "Pt declined obs at 0200 and again at 0400.",
    ),
    // "keeps 'looked like a mess'", "'zero effort' kept" (round 8: a
    // setting of one word is no setting)
    (
        "appearance-judgement",
        "Looked like a mess today, joggers, zero effort.",
        "What did you see of them today that read as \"looked like a mess\" and \"zero effort\"? If it matters to the work, write that plainly; if not, leave it out.",
    ),
    // "keeps 'no effort made' judgement"
    (
        "appearance-judgement",
        "Mum presented as scruffy and unkempt, with no effort made for the meeting.",
        "What did you see of Mum that read as \"scruffy and unkempt\" and \"with no effort made for the meeting\"? If it matters to the work, write that plainly; if not, leave it out.",
    ),
    // "leaves 'disengaged' label", "quote clumsy": one quote, both findings.
    (
        "deficit-label",
        "Dad continues to be obstructive and is disengaged from the CIN plan.",
        "What did Dad do or say that read as \"obstructive and disengaged from the CIN plan\"? Write that, and what he might have needed.",
    ),
    // "lowercase 'j'; clumsy": the initial is the person, not the quote.
    (
        "deficit-label",
        "K was being a proper little madam again, kicking off at staff on the door.",
        "What did they do or say again that read as \"proper little madam\" and \"kicking off at staff on the door\"? Write that, and what they might have needed.",
    ),
    // "broken 'Type'/'A' split"
    (
        "identity-label",
        "A typical Type A, a total perfectionist.",
        "What did they do or say that you summed up as \"typical Type A, a total perfectionist\"? Write that, with the person first.",
    ),
    // "'kicking off' left": what it was about is where.
    (
        "minimising",
        "Daughter kicking off about a 20 min wait for a commode, total overreaction.",
        "What did the daughter say or show about a 20 min wait for a commode that you called \"kicking off\" and \"overreaction\"? Write that, in her words.",
    ),
    // Each form. Clean rewording: the person first, the facts kept.
    (
        "identity-label",
        "Both parents are heroin addicts and have been for as long as the family has been known to us.",
        "Both parents are people who use heroin and have been for as long as the family has been known to us.",
    ),
    // "'Another' still others him"
    (
        "identity-label",
        "Another schizophrenic who stops his depot the minute he feels better.",
        "A person living with schizophrenia who stops his depot the minute he feels better.",
    ),
    // Margin question alone.
    (
        "deficit-label",
        "He's been lazy and ungrateful all week.",
        "What did he do or say all week that read as \"lazy and ungrateful\"? Write that, and what he might have needed.",
    ),
    // Margin question set in the facts: the hole form rated 4 here, the
    // question keeps the facts without a hole.
    (
        "deficit-label",
        "Pt very demanding overnight, on the buzzer every five minutes.",
        "On the buzzer every five minutes: what did Pt do or say overnight that read as \"demanding\"? Write that, and what they might have needed.",
    ),
    (
        "deficit-label",
        "Son hostile and aggressive at visiting, had to be spoken to by NIC.",
        // "the son" since round 18: "Son" opening the sentence is the
        // role, not a name (rewording18::roles_and_titles_are_kept_whole).
        "What did the son do or say at visiting that read as \"hostile and aggressive\"? Write that, and what he might have needed.",
    ),
    (
        "deficit-label",
        "Mum is a time waster, 3rd call today about the rash.",
        "3rd call today about the rash: what did Mum do or say that read as \"time waster\"? Write that, and what she might have needed.",
    ),
    // Risk stays word for word, in the setting.
    (
        "deficit-label",
        "She is manipulative and said she would take all her tablets tonight.",
        "She said she would take all her tablets tonight: what did she do or say that read as \"manipulative\"? Write that, and what she might have needed.",
    ),
];

#[test]
fn set_g_failures_get_a_form_a_supervisor_accepts() {
    check(SET_G);
}

/// The hole form is retired for the label rules: over every example of
/// theirs and the round-7 rows, no first suggestion holds "… (" or
/// 'Keep "…" as written'.
#[test]
fn label_rules_show_no_hole_and_no_keep() {
    let rules = RuleSet::load(true, &[]).expect("the built-in rules load");
    let engine = Engine::new(&rules).expect("the built-in rules compile");
    let label_rules = [
        "deficit-label",
        "appearance-judgement",
        "developmental-verdict",
        "identity-label",
        "minimising",
    ];
    let mut texts: Vec<String> = SET_G.iter().map(|(_, s, _)| s.to_string()).collect();
    for rule in rules
        .rules
        .iter()
        .filter(|r| label_rules.contains(&r.id.as_str()))
    {
        texts.extend(rule.flag_examples.iter().map(|e| e.text.clone()));
    }
    let mut wrong = Vec::new();
    let mut seen = 0;
    for text in &texts {
        let doc = Document::new("n.txt".into(), format!("{text}\n"), Kind::Plain);
        for f in engine.lint(&doc) {
            if !label_rules.contains(&rules.rules[f.rule].id.as_str()) {
                continue;
            }
            seen += 1;
            let first = f.suggestions.first().cloned().unwrap_or_default();
            if first.contains("… (") || first.contains("Keep \"") {
                wrong.push(format!("{text:?} → {first:?}"));
            }
        }
    }
    assert!(seen > 150, "only {seen} label findings");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Every finding of `rule` in each sentence shows `want` first.
fn check(cases: &[(&str, &str, &str)]) {
    let rules = RuleSet::load(true, &[]).expect("the built-in rules load");
    let engine = Engine::new(&rules).expect("the built-in rules compile");
    let mut wrong = Vec::new();
    for (rule, sentence, want) in cases {
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
