//! Round 17 (issue 26): a blame question's first suggestion is the curious
//! question from the person's side wherever it can be built from the
//! sentence's own words, and its rewording comes second (the blind
//! supervisor rated a blame question's rewording first 2.25-2.3, the
//! curious question 3.43-3.52: `src/suggest/policy.rs`); a doubted account
//! is said with "says" and without the writer's doubt. Invented sentences
//! of the shapes set v holds. Each positive row showed the rewording first
//! on the branch point (fe3bc39, checked), or kept the doubt.

use regard::document::{Document, Kind};
use regard::engine::Engine;
use regard::rule::RuleSet;

/// Each sentence has exactly one finding of `rule`, or several that all
/// show these first and second suggestions, and no more than two.
pub(crate) fn check_two(rule: &str, cases: &[(&str, &str, &str)]) {
    let rules = RuleSet::load(true, &[]).unwrap();
    let engine = Engine::new(&rules).unwrap();
    let mut wrong = Vec::new();
    for (text, first, second) in cases {
        let doc = Document::new("n.txt".into(), format!("{text}\n"), Kind::Plain);
        let got: Vec<Vec<String>> = engine
            .lint(&doc)
            .into_iter()
            .filter(|f| rules.rules[f.rule].id == rule)
            .map(|f| f.suggestions)
            .collect();
        let want = vec![first.to_string(), second.to_string()];
        if got.is_empty() || got.iter().any(|g| *g != want) {
            wrong.push(format!("{rule}: {text}\n  got:  {got:?}\n  want: {want:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// "Why can't/won't X just …": what makes it hard for them, the act and
/// everything after it kept (the "when she is running late" the old
/// second question dropped); the rewording second.
#[test]
fn why_cant_they_just_is_asked_from_their_side() {
    check_two(
        "blame-question",
        &[
            (
                "Why can't she just ring the office when she is running late?",
                "What makes it hard for her to ring the office when she is running late?",
                "She has not rung the office when she is running late.",
            ),
            (
                "Why won't Marcus just fill in the housing form?",
                "What makes it hard for Marcus to fill in the housing form?",
                "Marcus has not filled in the housing form.",
            ),
            (
                "Why can't they just turn up on time for the contact visit?",
                "What makes it hard for them to turn up on time for the contact visit?",
                "They have not turned up on time for the contact visit.",
            ),
            (
                "Why won't Dad just let the carers in?",
                "What makes it hard for Dad to let the carers in?",
                "Dad has not let the carers in.",
            ),
            // A joined verb is the base after "to", as the sentence says it.
            (
                "Why can't she just pick one direction and stick to it?",
                "What makes it hard for her to pick one direction and stick to it?",
                "She has not picked one direction and stuck to it.",
            ),
        ],
    );
}

/// Risk words stay word for word in the question (the tablets, the
/// crisis line and "suicidal", the safety plan, the overdose box).
#[test]
fn risk_words_stay_in_the_curious_question() {
    check_two(
        "blame-question",
        &[
            (
                "Why can't he just take his tablets in the morning?",
                "What makes it hard for him to take his tablets in the morning?",
                "He has not taken his tablets in the morning.",
            ),
            (
                "Why didn't he ring the crisis line when he was feeling suicidal?",
                "What made it hard for him to ring the crisis line when he was feeling suicidal?",
                "He did not ring the crisis line when he was feeling suicidal.",
            ),
            (
                "Why can't she just stick to her safety plan?",
                "What makes it hard for her to stick to her safety plan?",
                "She has not stuck to her safety plan.",
            ),
            (
                "Why can't Mum just keep the overdose box locked?",
                "What makes it hard for Mum to keep the overdose box locked?",
                "Mum has not kept the overdose box locked.",
            ),
        ],
    );
}

/// A past act ("Why did …", "Why does she keep …"): what was going on for
/// them when they did it, with the pronoun the note gives, or the name
/// where it gives none (never a guessed "he").
#[test]
fn a_past_act_is_asked_what_was_going_on() {
    check_two(
        "blame-question",
        &[
            (
                "Why didn't Mrs Achebe tell the ward she had stopped eating?",
                "What made it hard for Mrs Achebe to tell the ward she had stopped eating?",
                "Mrs Achebe did not tell the ward she had stopped eating.",
            ),
            (
                "Why did he stop taking his sertraline without telling anyone?",
                "What was going on for him when he stopped taking his sertraline without telling anyone?",
                "He stopped taking his sertraline without telling anyone.",
            ),
            (
                "Why does Priya keep missing her GP appointments?",
                "What was going on for Priya when she missed her GP appointments?",
                "Priya has missed her GP appointments.",
            ),
            (
                "Why does she keep going back to him after he hit her?",
                "What was going on for her when she went back to him after he hit her?",
                "She has gone back to him after he hit her.",
            ),
            (
                "Why did they leave the baby with a neighbour they barely know?",
                "What was going on for them when they left the baby with a neighbour they barely know?",
                "They left the baby with a neighbour they barely know.",
            ),
            (
                "Why on earth did Tomasz sign the loan agreement without reading it?",
                "What was going on for Tomasz when Tomasz signed the loan agreement without reading it?",
                "Tomasz signed the loan agreement without reading it.",
            ),
            // A verb joined by "and" follows the first into the past
            // ("and woken" in the rewording is "and woke" here).
            (
                "Why does Elsie insist on getting up at 5am every single night and waking the whole ward?",
                "What was going on for Elsie when Elsie got up at 5am every night and woke the whole ward?",
                "Elsie has got up at 5am every night and woken the whole ward.",
            ),
            (
                "Why does he insist on ringing the ward at 3am and shouting at the nurses?",
                "What was going on for him when he rang the ward at 3am and shouted at the nurses?",
                "He has rung the ward at 3am and shouted at the nurses.",
            ),
            // "used" is "use", as the sentence says it, not "us".
            (
                "Why won't he just use the urinal like he's been shown?",
                "What makes it hard for him to use the urinal, though he has been shown how?",
                "He has not used the urinal, though he has been shown how.",
            ),
        ],
    );
}

/// Where no curious question can be built from the rewording (a copula
/// with "-ing", a passive, a question that names no act it can state),
/// the first suggestion is what it was.
#[test]
fn no_curious_question_where_the_words_do_not_give_one() {
    check_two(
        "blame-question",
        &[
            (
                "Why is he still waiting for the CEO to tell him what to do?",
                "He is still waiting for the CEO to tell him what to do.",
                "What matters to him about waiting for the CEO to tell him what to do?",
            ),
            (
                "How many times has Rivo been brought back from Analakely now?",
                "What did they do or say that read as \"how many times has Rivo been brought back from Analakely\"? Write that instead.",
                "What makes it hard for Rivo right now?",
            ),
            // "asked" is the rewording's word, not the sentence's: no
            // question is built on a verb the sentence does not say.
            (
                "Does she think we have nothing better to do than fetch her water every ten minutes?",
                "She has asked us to fetch her water every ten minutes (say when).",
                "What is it like for her to need us to fetch her water every ten minutes?",
            ),
            (
                "Why is she so defensive?",
                "What did she do or say that read as \"why is she so defensive\"? Write that instead.",
                "What makes it hard for her right now?",
            ),
        ],
    );
}

/// "X claims …, which is hard to believe / which I doubt / if you believe
/// that": the account said with "says", the writer's doubt cut.
#[test]
fn a_doubted_claim_is_said_plainly_without_the_doubt() {
    let rules = RuleSet::load(true, &[]).unwrap();
    let engine = Engine::new(&rules).unwrap();
    let cases = [
        (
            "Client claims she was at work, which is hard to believe.",
            "Client says she was at work.",
        ),
        (
            "He claims he was at work all day, which frankly I doubt.",
            "He says he was at work all day.",
        ),
        (
            "They claim they were at the food bank, which is hard to believe.",
            "They say they were at the food bank.",
        ),
        (
            "Dad claims he has stopped drinking, if you believe that.",
            "Dad says he has stopped drinking.",
        ),
        (
            "Ms Adeyemi claims her son was at school, which is difficult to believe.",
            "Ms Adeyemi says her son was at school.",
        ),
    ];
    let mut wrong = Vec::new();
    for (text, want) in cases {
        let doc = Document::new("n.txt".into(), format!("{text}\n"), Kind::Plain);
        let got: Vec<(String, String)> = engine
            .lint(&doc)
            .into_iter()
            .map(|f| {
                (
                    rules.rules[f.rule].id.clone(),
                    f.suggestions.first().cloned().unwrap_or_default(),
                )
            })
            .collect();
        if got.is_empty()
            || got
                .iter()
                .any(|(r, g)| r != "credibility-doubt" || g != want)
        {
            wrong.push(format!("{text}\n  got:  {got:?}\n  want: {want:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The statements earlier rounds' tests held first for these blame
/// questions (rewording6/7/10/11/12/13) are second now, word for word, after
/// the curious question built from them.
#[test]
fn earlier_statements_come_second() {
    check_two(
        "blame-question",
        &[
            (
                "Why does she keep cancelling on Mondays?",
                "What was going on for her when she cancelled on Mondays?",
                "She has cancelled on Mondays.",
            ),
            (
                "Why can't she just say thank you for once?",
                "What makes it hard for her to say thank you?",
                "She has not said thank you.",
            ),
            (
                "Why is it so hard for them to learn to use the tram after six weeks?",
                "What makes it hard for them to learn to use the tram after six weeks?",
                "They have not learned to use the tram after six weeks (say when).",
            ),
            (
                "Why can't this family get her to the clinic on time for one single week?",
                "What makes it hard for this family to get her to the clinic on time?",
                "This family have not got her to the clinic on time.",
            ),
            (
                "What does he expect when he keeps skipping his physio?",
                "What was going on for him when he skipped his physio?",
                "He has skipped his physio (say when).",
            ),
            (
                "Why won't he sit down and finish his homework?",
                "What makes it hard for him to sit down and finish his homework?",
                "He has not sat down and finished his homework.",
            ),
            (
                "Can she not just get on with her work like everyone else?",
                "What makes it hard for her to get on with her work?",
                "She has not got on with her work (say when).",
            ),
            (
                "What's the point buying her nice things when she wrecks them?",
                "What was going on for her when she wrecked the nice things bought for her?",
                "She has wrecked the nice things bought for her (say when).",
            ),
            (
                "Leila missed the call again. How hard is it to pick up the phone?",
                "What makes it hard for Leila to pick up the phone?",
                "Leila has not picked up the phone (say when).",
            ),
        ],
    );
}
