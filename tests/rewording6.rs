//! The first suggestion for the sentences a blind supervisor marked down in
//! set f (bench/blind/set-2026-12-05-f.suggestion-ratings.tsv), for six
//! rules whose judgment is a shape of sentence (`src/suggest/margin.rs`):
//! the sentence with only the judgment changed and every fact kept, or a
//! question in the margin where it holds no fact. Each row failed before
//! that module (checked); the rows the rater liked are kept as they were.

use regard::document::{Document, Kind};
use regard::engine::Engine;
use regard::rule::RuleSet;

/// The first suggestion of every finding of `rule` in `text`.
fn firsts(engine: &Engine<'_>, rules: &RuleSet, rule: &str, text: &str) -> Vec<String> {
    let doc = Document::new("n.txt".into(), text.to_string(), Kind::Plain);
    engine
        .lint(&doc)
        .into_iter()
        .filter(|f| rules.rules[f.rule].id == rule)
        .map(|f| f.suggestions.first().cloned().unwrap_or_default())
        .collect()
}

fn check(cases: &[(&str, &str, &str)]) {
    let rules = RuleSet::load(true, &[]).unwrap();
    let engine = Engine::new(&rules).unwrap();
    let mut problems = Vec::new();
    for (rule, text, want) in cases {
        let got = firsts(&engine, &rules, rule, text);
        if got.is_empty() || got.iter().any(|g| g != want) {
            problems.push(format!("{rule}: {text}\n  got:  {got:?}\n  want: {want:?}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Set f's rater: a blame question turned into a blame statement (1), a
/// generic fill-in (3), a kept "palaver" (2).
#[test]
fn blame_questions_are_not_blame_statements() {
    check(&[
        (
            "blame-question",
            "Why can't she see that she is the common denominator in all these failed relationships?",
            "What has she said about all these failed relationships?",
        ),
        (
            "blame-question",
            "What part of \"delegate\" does he not understand?",
            "What happened when he was asked to delegate? (say when, and what he said)",
        ),
        (
            "blame-question",
            "Why does he have to make such a palaver about his stockings every morning?",
            "He has been upset about his stockings every morning (say what you saw and heard).",
        ),
        (
            "blame-question",
            "Can she not just get on with her work like everyone else?",
            // Its statement is second since round 17
            // (rewording17::earlier_statements_come_second).
            "What makes it hard for her to get on with her work?",
        ),
    ]);
}

/// Issue 20: blame questions with no person get a rewording that asks who.
#[test]
fn blame_questions_with_no_person() {
    check(&[
        (
            "blame-question",
            "How hard is it to pick up the phone?",
            "Who has not picked up the phone, and when?",
        ),
        (
            "blame-question",
            "Is it really that hard to set an alarm?",
            "Who has not set an alarm, and when?",
        ),
        (
            "blame-question",
            "What's the point buying her nice things when she wrecks them?",
            // Its statement is second since round 17
            // (rewording17::earlier_statements_come_second).
            "What was going on for her when she wrecked the nice things bought for her?",
        ),
        (
            "blame-question",
            "Who goes to the pub the night before a drug test?",
            "Who went to the pub the night before a drug test, and when?",
        ),
        (
            "blame-question",
            "Leila missed the call again. How hard is it to pick up the phone?",
            "What makes it hard for Leila to pick up the phone?",
        ),
    ]);
}

/// A feigned symptom is not asserted (rated 1: "changes meaning"); the
/// motive goes, what it was about stays; no "clearly", "when it suits him".
#[test]
fn a_motive_goes_without_asserting_what_the_writer_doubts() {
    check(&[
        (
            "assumed-intent",
            "Pt is feigning sedation to get out of the group.",
            "Pt is showing signs of sedation (say what you saw, and what they said about the group).",
        ),
        (
            "assumed-intent",
            "Fakes withdrawal symptoms to get his dose put up.",
            "Shows withdrawal symptoms (say what you saw, and what he said about his dose).",
        ),
        (
            "assumed-intent",
            "He's clearly using our sessions to offload so he doesn't have to deal with HR.",
            "He uses our sessions to offload (say what he said about HR).",
        ),
        (
            "assumed-intent",
            "Pretends to be deaf when it suits him.",
            "Seems deaf at times (say when, and what you saw).",
        ),
        (
            "assumed-intent",
            "She is using the children as pawns to get back at Dad.",
            "What have you seen or heard her say or do with the children about Dad? (say when)",
        ),
    ]);
}

/// The writer's doubt goes; the account stays word for word, and a
/// disclosure of assault is never doubted in the rewording.
#[test]
fn the_doubt_goes_and_the_account_stays() {
    check(&[
        (
            "credibility-doubt",
            "Claims to be drinking \"two cans a night\", which I very much doubt.",
            "Says they are drinking \"two cans a night\".",
        ),
        (
            "credibility-doubt",
            "Claims his phone got nicked, again, funny that.",
            "Says his phone got nicked, again.",
        ),
        (
            "credibility-doubt",
            "Claims she was in agony all night, funny how she was snoring at 2am.",
            "Says she was in agony all night; she was snoring at 2am.",
        ),
        (
            "credibility-doubt",
            "Student alleges she was groped on the bus; I'm not sure I believe her.",
            "Student says she was groped on the bus.",
        ),
    ]);
}

/// Authority facts stay ("instructed", "told in writing", "must … or face
/// eviction"); only the obedience word is said plainly.
#[test]
fn compliance_keeps_the_authority_facts() {
    check(&[
        (
            "compliance-framing",
            "PoP has been instructed to comply with all reasonable requests from hostel staff.",
            "PoP has been instructed to follow all reasonable requests from hostel staff.",
        ),
        (
            "compliance-framing",
            "Pupil refused to comply with his behaviour plan and was removed from class.",
            "Pupil did not follow his behaviour plan and was removed from class.",
        ),
        (
            "compliance-framing",
            "Pt was told to keep the leg elevated and, predictably, ignored the advice.",
            "Pt was told to keep the leg elevated and did not follow the advice.",
        ),
        (
            "compliance-framing",
            "Tenant has been told in writing that she must comply with the sustainment plan or face eviction.",
            "Tenant has been told in writing that she must follow the sustainment plan or face eviction.",
        ),
    ]);
}

/// "Has not happied" (rated 1), a garbled question, dropped facts.
#[test]
fn absolutes_read_as_occasions() {
    check(&[
        (
            "absolute-about-person",
            "Never happy with any appointment we offer.",
            "Has not been happy with the appointments we have offered (say when, and how often).",
        ),
        (
            "absolute-about-person",
            "On her phone the entire session, every session.",
            "On her phone in sessions (say which, and for how long).",
        ),
    ]);
}

/// "She did not leave him years ago." was flat (3): the rewording asks.
#[test]
fn a_moral_verdict_becomes_a_curious_ask() {
    check(&[(
        "moralising",
        "A good mother would have left him years ago.",
        "She has not left him (say what she has said about leaving).",
    )]);
}

/// What the rater scored 4 or 5 stays as it was.
#[test]
fn what_the_rater_liked_stays() {
    check(&[
        (
            "blame-question",
            "Why won't he just use the urinal like he's been shown?",
            // The statement the rater liked is second since round 17, after
            // its curious question (rewording17::a_past_act_is_asked_what_was_going_on).
            "What makes it hard for him to use the urinal, though he has been shown how?",
        ),
        (
            "blame-question",
            "How many times does she need telling that leave is a privilege?",
            "She has been told that leave is a privilege (say when, and what she said).",
        ),
        (
            "assumed-intent",
            "Turned up sober today purely to impress the new officer.",
            "Turned up sober today.",
        ),
        (
            "assumed-intent",
            "Q kicked off on purpose to impress the older lads.",
            "Q kicked off.",
        ),
        (
            "absolute-about-person",
            "He talks over me in supervision, each and every time.",
            "He has talked over me in supervision (say when, and how often).",
        ),
    ]);
}
