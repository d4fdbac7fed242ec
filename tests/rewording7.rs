//! The first suggestion and the curious question for the sentences a blind
//! supervisor marked down in set g (bench/blind/set-2026-12-05-g.suggestion-
//! ratings.tsv), for the six rules of `src/suggest/margin.rs`: a complete
//! clean sentence (every judgment resolved, the facts kept) or a margin
//! question about this sentence's own facts, then a question from the
//! person's side made from the sentence's own activity. Each row's first
//! suggestion failed before this change (checked against the set g output
//! of main at 48abc32), except the rows marked as ones the rater liked.

use regard::document::{Document, Kind};
use regard::engine::Engine;
use regard::rule::RuleSet;

/// The (first, second) suggestions of every finding of `rule` in `text`.
fn pairs(engine: &Engine<'_>, rules: &RuleSet, rule: &str, text: &str) -> Vec<(String, String)> {
    let doc = Document::new("n.txt".into(), text.to_string(), Kind::Plain);
    engine
        .lint(&doc)
        .into_iter()
        .filter(|f| rules.rules[f.rule].id == rule)
        .map(|f| {
            let first = f.suggestions.first().cloned().unwrap_or_default();
            let second = f.suggestions.get(1).cloned().unwrap_or_default();
            (first, second)
        })
        .collect()
}

/// Every finding of the rule in the sentence has this first suggestion and
/// this curious question (any question where it is given as "": two
/// findings of one sentence may ask about different things).
fn check(rule: &str, cases: &[(&str, &str, &str)]) {
    let rules = RuleSet::load(true, &[]).unwrap();
    let engine = Engine::new(&rules).unwrap();
    let mut problems = Vec::new();
    for (text, first, second) in cases {
        let got = pairs(&engine, &rules, rule, text);
        if got.is_empty()
            || got
                .iter()
                .any(|(f, s)| f != first || (!second.is_empty() && s != second))
        {
            problems.push(format!(
                "{rule}: {text}\n  got:  {got:?}\n  want: ({first:?}, {second:?})"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// blame-question: a blame question becomes the fact it presumes, or a margin
/// question about its own facts; never a fill-in ("Mum has ned chances",
/// "He … (what happened, and when: …)" on set g, rated 1-3).
#[test]
fn blame_questions_become_what_happened_or_a_margin_question() {
    check(
        "blame-question",
        &[
            (
                "How many more chances is Mum going to need before she takes any of this seriously?",
                "What chances has Mum had so far, and what has she said about them?",
                "What would help Mum take this on now?",
            ),
            (
                "Does she expect us to visit four times a day forever?",
                "What has she said about being visited four times a day, and for how long?",
                "What matters to her about being visited four times a day?",
            ),
            (
                "Who takes out their own cannula and then complains the drip isn't working?",
                "Took out their own cannula, then said the drip wasn't working (say when).",
                "What was going on for them when they took out their own cannula?",
            ),
            (
                "What is it going to take for him to stop over-talking in sessions?",
                "He has been over-talking in sessions (say when, and how often).",
                "What does over-talking in sessions do for him?",
            ),
            (
                "Does he honestly think the rent is going to pay itself?",
                "What has he said about paying the rent?",
                "What makes the rent hard for him right now?",
            ),
            (
                "Why on earth would she let him back in after the last incident?",
                "She let him back in after the last incident.",
                "What was going on for her when she let him back in?",
            ),
            (
                "What part of \"no alcohol on the ward\" did he not understand?",
                "What happened when he was told \"no alcohol on the ward\"? (say when, and what he said)",
                "What does \"no alcohol on the ward\" mean to him?",
            ),
            (
                "Why does he keep coming back if he has no intention of changing?",
                "He has kept coming back (say how often, and what he has said about changing).",
                "What does coming back give him?",
            ),
            (
                // Round 17: the curious question first (the act as she did
                // it, "rang"), the statement second.
                "why does she always have to ring the bell right as we start the med round?",
                "What was going on for her when she rang the bell right as we start the med round?",
                "She has rung the bell right as we start the med round (say when, and how often).",
            ),
        ],
    );
}

/// absolute-about-person: an absolute becomes what happened, how often where
/// the note says ("Dad … (when it happened, and how often) followed through on
/// a single thing …", "Pt has not done what for herself", "Hes has not been
/// happy" on set g, rated 2).
#[test]
fn absolutes_become_what_happened() {
    check(
        "absolute-about-person",
        &[
            (
                "Dad has not once followed through on a single thing agreed at core group.",
                "Dad has not followed through on what was agreed at core group.",
                "What would help Dad follow through on what was agreed?",
            ),
            (
                "Pt won't do a thing for herself and expects staff to do everything.",
                "What has Pt done for herself, and what has she asked staff to do? (say when)",
                "What would Pt like to manage for herself again?",
            ),
            (
                "Hes never happy with anything we offer him.",
                "He has not been happy with what we have offered him (say what, and when).",
                "What would he want us to offer instead?",
            ),
            (
                "He lies about absolutely everything, even what he had for lunch.",
                "What has he told you that did not match what you know, even what he had for lunch? (say when, and how you know)",
                "What might make it hard for him to tell you how things are?",
            ),
            (
                "Same every visit with him: nothing is ever his fault.",
                "What has he said about his part in what went wrong? (say which visits)",
                "What would make it safer for him to talk about his part?",
            ),
            (
                "Mum is constantly on her phone and completely oblivious to the baby.",
                "What did you see Mum do with the baby while she was on her phone? (say when, and how often)",
                "What is going on for Mum when she is on her phone?",
            ),
            (
                "Jaden is incapable of taking accountability for anything.",
                "Jaden has found it hard to take accountability (say when, and about what).",
                "What would help Jaden take accountability on a hard day?",
            ),
        ],
    );
}

/// assumed-intent: a motive stated as fact becomes what was seen, the motive
/// the writer's question or a margin question ("She … (what you saw or heard
/// that made you think so) by showing up late …", "likes the attention it
/// gets her" left as fact, "YP turns up." on set g, rated 1-2).
#[test]
fn a_motive_becomes_what_was_seen_and_the_writers_question() {
    check(
        "assumed-intent",
        &[
            (
                "She's testing me by showing up late, seeing whether I'll hold the frame.",
                "She has been showing up late; I wondered whether she was testing me.",
                "What is showing up late like from her side?",
            ),
            (
                "Pt putting it on for the doctors, mobilised fine to the toilet when she thought no one was looking.",
                "Pt mobilised fine to the toilet (say when, and what she showed the doctors).",
                "What would Pt say about how she is with the doctors?",
            ),
            (
                "Dresses inappropriately and clearly likes the attention it gets her.",
                "Dresses inappropriately; I wondered whether she likes the attention it gets her.",
                "What would she say about the attention, if you asked?",
            ),
            (
                "Pt clearly drug-seeking, asking for oramorph by name.",
                "Pt asked for oramorph by name.",
                "What would Pt say the oramorph does for them?",
            ),
            (
                "He only signed up for coaching to tick a box for his promotion case.",
                "He signed up for coaching; I wondered whether his promotion case matters to him.",
                "What does he want from coaching?",
            ),
            (
                "YP only turns up for the free food tbh",
                "YP turns up; I wondered whether the free food matters to them.",
                "What does YP want from coming?",
            ),
            (
                "kicked off on purpose so he'd get sent home before the residential meeting",
                "Kicked off; I wondered whether he wanted to get sent home before the residential meeting.",
                "What was going on for him at the time, in his words?",
            ),
            (
                "Wet himself on purpose cos he didnt like who was on shift.",
                "Wet himself; I wondered whether it was about who was on shift.",
                "What was going on for him at the time, in his words?",
            ),
            (
                "She turns on the tears in my office to get out of math.",
                "She has cried in my office; I wondered whether it was about math.",
                "What was going on for her at the time, in her words?",
            ),
            (
                "Wet the bed again, think he does it just to get a reaction.",
                "Wet the bed again.",
                "What is going on for him when that happens?",
            ),
            (
                "Only here to keep his script, no real interest in recovery.",
                "What has he said about his script, and about recovery?",
                "What would recovery mean to him right now?",
            ),
            (
                // Round 8: one question for the sentence's two findings
                // (identity-label's quotes the motive too).
                "A career criminal with no intention of changing.",
                "What did they do or say that you summed up as \"career criminal with no intention of changing\"? Write that, with the person first.",
                "What would changing mean for them?",
            ),
            // Rated 5 on set g: kept as it was.
            (
                "Deliberately booked his hospital appointment on a reporting day to get out of seeing me.",
                "Booked his hospital appointment on a reporting day.",
                "What would he say about his hospital appointment, if you asked?",
            ),
        ],
    );
}

/// moralising: "should/ought/needs to" becomes what the person did, or a
/// question about what they said and what matters to them ("Mum … before her
/// new boyfriend" dropped the children, "He … for his own choices instead of
/// blaming his ex" kept the blame, on set g, rated 1-2).
#[test]
fn a_moral_verdict_becomes_what_happened_or_what_they_said() {
    check(
        "moralising",
        &[
            (
                "Mum ought to be putting the children before her new boyfriend.",
                "What has Mum said about the children and her new boyfriend?",
                "What matters most to Mum about the children right now?",
            ),
            (
                "He needs to take responsibility for his own choices instead of blaming his ex for everything.",
                "What has he said about his own choices, and about his ex?",
                "What would he like to do about his own choices now?",
            ),
            (
                "Pt really should have come in days ago instead of leaving it until it got this bad.",
                "Pt left it until it got this bad before coming in.",
                "What kept Pt from coming in sooner?",
            ),
            (
                "A bit of gratitude wouldn't go amiss after everything we've done for her.",
                "What has she said about the help she has had?",
                "What is it like for her to need this much help right now?",
            ),
            (
                "He's made his bed; he chose to go back to using.",
                "He went back to using.",
                "What would he say led to going back to using?",
            ),
            (
                "It's about time she started putting her recovery first for once.",
                "What has she said about putting her recovery first?",
                "What would help her put her recovery first now?",
            ),
            (
                "Frankly irresponsible to be drinking while breastfeeding, and she knows it.",
                "She has been drinking while breastfeeding (say what she has said about it).",
                "What does drinking while breastfeeding mean for her right now?",
            ),
            (
                "She took on a friend as a client, so she only has herself to blame now it has gone wrong.",
                "She took on a friend as a client, and it has gone wrong.",
                "What would she like to do about it now?",
            ),
        ],
    );
}

/// compliance-framing: the authority kept, what did not happen said plainly
/// ("Pt … (what happened, and why, if they said) w/ DBT diary cards x3 wks"
/// rated 3, "did not bring cards" would be better; 'won't follow', 'not taking
/// it seriously', "despite being warned" dropped, on set g).
#[test]
fn compliance_says_plainly_what_did_not_happen() {
    check(
        "compliance-framing",
        &[
            (
                "Pt noncompliant w/ DBT diary cards x3 wks.",
                "Pt did not bring DBT diary cards for 3 wks.",
                "What got in the way of the DBT diary cards for Pt?",
            ),
            (
                "Has been told repeatedly to stop co-sleeping and continues to ignore advice.",
                "Has been told repeatedly to stop co-sleeping and is still co-sleeping.",
                "What does co-sleeping mean for them, in their words?",
            ),
            (
                "Would not comply with taking her meds, spat them out, told her she has to have them.",
                "Did not take her meds, spat them out, told her she has to have them.",
                "What got in the way of her meds for her?",
            ),
            (
                "Missed pick-up twice this week despite being warned it would lead to a script review.",
                "Missed pick-up twice this week, though warned it would lead to a script review.",
                "What got in the way for them?",
            ),
            (
                "Failed to attend her smear appt x2, not taking it seriously.",
                "Did not attend her smear appt x2.",
                "What got in the way for her?",
            ),
            (
                "Remains non-compliant with his RAR sessions and uncooperative when challenged.",
                "What has happened with his RAR sessions, and what did he say when he was challenged? (say when)",
                "What got in the way of his RAR sessions for him?",
            ),
            (
                "Dad failed to attend core group for the third time and has not complied with the written agreement.",
                "Dad did not attend core group for the third time and has not kept to the written agreement.",
                "What got in the way for Dad?",
            ),
            (
                "Supervisee once again failed to submit her session logs ahead of supervision.",
                "Supervisee once again did not submit her session logs ahead of supervision.",
                "What got in the way of her session logs ahead of supervision for her?",
            ),
            // Rated 5 on set g, but "instructed" said as "asked" changes
            // the fact (set w: two such rows rated 2, "facts changed"):
            // since round 18 the order stays, and the sentence is asked
            // about without "predictably".
            (
                "Was instructed to bring his payslips and, predictably, turned up without them.",
                "What did you see or hear that read as \"instructed to bring his payslips and turned up without them\"? Write that instead.",
                "What got in the way of his payslips for him?",
            ),
        ],
    );
}

/// credibility-doubt: the writer's doubt goes, the account stays the
/// person's ("which is very convenient", "(it never is)", "so-called" kept;
/// "Pt clear he hasn't …"; a report turned into fact, on set g, rated 2-3);
/// the curious question is about what the account is about.
#[test]
fn the_doubt_goes_and_the_account_is_theirs() {
    check(
        "credibility-doubt",
        &[
            (
                "Pt adamant he hasn't had a drink since Friday.",
                "Pt says he hasn't had a drink since Friday.",
                "What more would Pt tell you about a drink, if you asked?",
            ),
            (
                "He maintains he was at his sister's that night, which is very convenient.",
                "He says he was at his sister's that night.",
                "What more would he tell you about his sister, if you asked?",
            ),
            (
                "Alleges a teacher grabbed his arm, which is highly unlikely given his track record.",
                "Says a teacher grabbed his arm.",
                "What more would he tell you about a teacher, if you asked?",
            ),
            (
                "Her so-called migraines always seem to happen on test days.",
                "Her migraines have come on test days.",
                "What else would help you understand what she told you?",
            ),
            (
                "Says it's \"urgent\" (it never is).",
                "Says it's \"urgent\".",
                "What else would help you understand what they told you?",
            ),
            (
                "Lies through her teeth about every single thing.",
                "What has she told you that did not match what you know? (say when, and how you know)",
                "What might make it hard for her to tell you how things are?",
            ),
            (
                "Supposedly the mould came back within a week of her cleaning it.",
                "She says the mould came back within a week of her cleaning it.",
                "What has the mould been like for her?",
            ),
            // Rated 5 on set g: kept as it was.
            (
                "Mum alleges the bruise happened at nursery.",
                "Mum says the bruise happened at nursery.",
                "What more would Mum tell you about the bruise, if you asked?",
            ),
        ],
    );
}

/// The constructions that recur across the voices of sets d, e and f (the
/// tuning sets before g): a picture held against the person, "not once
/// has he", "only has himself to blame for", "nobody made him", "a cheek
/// asking", "only … cos there was", "breached … by", "didn't bother",
/// evidence after a report. Each first suggestion was a sentence with a
/// hole before this change (checked against those sets' output on main).
#[test]
fn recurring_constructions_of_sets_d_e_f() {
    let rules = RuleSet::load(true, &[]).unwrap();
    let engine = Engine::new(&rules).unwrap();
    let cases: &[(&str, &str, &str)] = &[
        (
            "blame-question",
            "Does Dion think the youth club is a hotel?",
            "What has Dion asked of the youth club? (say when, and how often)",
        ),
        (
            "blame-question",
            "Does she think we have nothing better to do than fetch her water every ten minutes?",
            "She has asked us to fetch her water every ten minutes (say when).",
        ),
        (
            "blame-question",
            "What exactly does he think the licence conditions are for?",
            "What has he said about the licence conditions?",
        ),
        (
            "blame-question",
            "What does he expect to happen if he keeps rolling in forty minutes late?",
            "He has been rolling in forty minutes late (say when, and how often).",
        ),
        (
            "blame-question",
            "How does she expect to get her kids back if she can't stay off the gear for a week?",
            "What has she said about getting her kids back?",
        ),
        (
            "absolute-about-person",
            "Not once has he done the exercises I left him.",
            "He has not done the exercises I left him.",
        ),
        (
            "absolute-about-person",
            "Pt has refused absolutely everything offered since admission.",
            "Pt has declined what was offered since admission (say what, and when).",
        ),
        (
            "absolute-about-person",
            "Says no to absolutely everything I ask.",
            "Has said no to what I have asked (say what, and when).",
        ),
        (
            "moralising",
            "Client needs to take some personal responsibility instead of blaming her childhood.",
            "What has the client said about her part, and about her childhood?",
        ),
        (
            "moralising",
            "He only has himself to blame for losing the flat.",
            "He lost the flat (say what he has said about it).",
        ),
        (
            "moralising",
            "Nobody made him pick up that first drink after 9 months dry.",
            "He picked up that first drink after 9 months dry.",
        ),
        (
            "moralising",
            "Pt should really have ordered her repeats in time like everyone else.",
            "Pt did not order her repeats in time.",
        ),
        (
            "moralising",
            "Frankly he has a cheek asking for help with his rent after what he did.",
            "He has asked for help with his rent.",
        ),
        (
            "assumed-intent",
            "K only turned up cos there was free pizza.",
            "K turned up; there was free pizza.",
        ),
        (
            "assumed-intent",
            "Making out she can't manage the stairs so she'll get a downstairs flat.",
            "Says she can't manage the stairs; I wondered whether she wants a downstairs flat.",
        ),
        (
            "compliance-framing",
            "Breached his treatment agreement yet again by using on top.",
            "Used on top again, against his treatment agreement.",
        ),
        (
            "compliance-framing",
            "Student didn't bother completing the mood diary as agreed.",
            "Student did not complete the mood diary as agreed.",
        ),
        (
            "credibility-doubt",
            "Chris says he's been taking his meds but the blister packs tell a different story.",
            "Chris says he's been taking his meds (say what the blister packs showed).",
        ),
        (
            "credibility-doubt",
            "Mum says baby is feeding well (not what the scales say).",
            "Mum says baby is feeding well (say what the scales showed).",
        ),
        (
            "credibility-doubt",
            "Res says she hasn't had a drink all day which isn't true, her cup was topped up twice.",
            "Res says she hasn't had a drink all day; her cup was topped up twice.",
        ),
    ];
    let mut problems = Vec::new();
    for (rule, text, first) in cases {
        let got = pairs(&engine, &rules, rule, text);
        if got.is_empty() || got.iter().any(|(f, _)| f != first) {
            problems.push(format!(
                "{rule}: {text}\n  got:  {got:?}\n  want: {first:?}"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A sentence keeps its shape whichever rule reports it: one finding per
/// phrase gives "What does she expect, …" (a moralising shape) to
/// blame-question and "conveniently \"forgot\"" (a doubt shape) to
/// assumed-intent, and each still gets its shape's rewording.
#[test]
fn a_shape_is_reworded_whichever_rule_reports_it() {
    check(
        "blame-question",
        &[(
            "What does she expect, back hanging round with the same crowd?",
            "She is back hanging round with the same crowd.",
            "What draws her to the same crowd?",
        )],
    );
    check(
        "assumed-intent",
        &[(
            "Dad conveniently \"forgot\" the time of the visit so he wouldn't have to see me.",
            "Dad says he forgot the time of the visit.",
            "What was going on for him around the time of the visit?",
        )],
    );
}

/// One sentence, one rewording: a first suggestion that resolves its own
/// words but keeps another finding's ("… and won't follow the house rules."
/// for "Refused") takes the clean rewording of the sentence's other finding
/// (`engine/agree.rs`).
#[test]
fn two_findings_in_a_sentence_share_the_rewording_that_keeps_neither() {
    check(
        "compliance-framing",
        &[(
            "Refused to do her chores again and won't follow the house rules.",
            "Declined to do her chores again and has not followed the house rules.",
            "",
        )],
    );
}
