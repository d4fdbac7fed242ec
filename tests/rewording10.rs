//! Round 10 (issue 26): the failures the blind supervisor rated lowest on
//! set j (bench/blind/set-2026-12-06-j.suggestion-ratings.tsv, tuning
//! material now; row numbers in the comments) and sentences of the same
//! shape, with the first suggestion every finding of the sentence must
//! show. Each row failed on main at 03230ed (checked).

use super::rewording8::check_counted;

/// A hearsay word goes, the teller stays: a doubted account is not turned
/// into a recorded fact, least of all a risk (issue 26 item 7; set j row
/// 146: "Pt allegedly took an overdose …" → "Pt took an overdose …").
#[test]
fn a_reported_account_keeps_its_teller() {
    let cases: &[(usize, &str, &str)] = &[
        (
            1,
            "Pt allegedly took an overdose last night.",
            "Pt says they took an overdose last night.",
        ),
        (
            1,
            "She allegedly cut her arm with a razor last night.",
            "She says she cut her arm with a razor last night.",
        ),
        (
            1,
            "Mr Dunn supposedly took twenty paracetamol on Friday.",
            "Mr Dunn says he took twenty paracetamol on Friday.",
        ),
        (
            1,
            "Client allegedly missed two shifts.",
            "Client says they missed two shifts.",
        ),
    ];
    check_counted(cases, true);
}

/// A blame question no statement can say is asked from the person's side,
/// with the question's own act, never pasted whole into a "read as"
/// template (set j: blame-question rated 2.29; rows quoting the whole
/// question rated 2).
#[test]
fn blame_questions_become_curious_questions_built_from_their_facts() {
    let cases: &[(usize, &str, &str)] = &[
        (1, "How many times does she need telt before she gets the weans to school on time?", "What makes getting the weans to school on time hard for her?"),
        (1, "What did she expect to happen when she let her boyfriend move in without telling anyone?", "What was going on for her when she let her boyfriend move in without telling anyone?"),
        (1, "What exactly does he think a coaching session is for, if not to do the work?", "What makes doing the work hard for him?"),
        (1, "Why can he never just turn up at the time he has been given like everybody else?", "What makes turning up at the time he has been given hard for him?"),
        (1, "Lord, how many times does this man have to be told to bring his ID?", "What makes bringing his ID hard for this man?"),
        (1, "How are we meant to help someone who won't even try the perching stool?", "What makes trying the perching stool hard for them?"),
        (1, "What in God's name was she thinking, bringing the baby out in that weather?", "What was going on for her when she was bringing the baby out in that weather?"),
        (1, "How many times has she been telt aboot leaving the wean wi' her pal?", "What has she said about leaving the wean wi' her pal?"),
        (1, "Who pulls out their own cannula three times in one night??", "What was going on for them when they pulled out their own cannula three times in one night?"),
        // the statement the rater liked is second since round 17, after the
        // curious question (rated 3.43-3.52 against 2.25-2.3):
        // rewording17::earlier_statements_come_second
        (1, "Why does she keep cancelling on Mondays?", "What was going on for her when she cancelled on Mondays?"),
    ];
    check_counted(cases, true);
}

/// A refusal said plainly while the rest of the obedience judgment stays
/// is not offered: "point blank" goes with it, and an obedience verdict
/// beside it is asked about, the rest of the sentence the setting (set j
/// rows 68-69, 109-110, 119, 55-56: "'would not do as told' remains",
/// "'declined point blank' awkward").
#[test]
fn no_swap_leaves_the_rest_of_the_judgment() {
    let cases: &[(usize, &str, &str)] = &[
        (2, "Refused his meds again and would not do as he was told, so I've written it on the MAR chart and told the senior.", "Declined his meds again and did not do what was asked, so I've written it on the MAR chart and told the senior."),
        (2, "Ruby refused point blank to do as she was told and had to be taken off the carpet.", "Ruby did not do what was asked and had to be taken off the carpet."),
        (2, "Tyler was told three times to put his phone away and point blank refused to follow the rules.", "Tyler was told three times to put his phone away and declined to follow the rules."),
        (1, "Pt is refusing to take her oral morphine as prescribed and will not listen to advice.", "Pt is declining to take her oral morphine as prescribed: what did she say about the advice? Write that instead of \"will not listen to advice\"."),
        (1, "Refused her personal care again and wouldn't do as she was told by the night staff.", "Declined her personal care again: what did she say when the night staff asked her? Write that instead of \"wouldn't do as she was told\"."),
        // what the rater liked stays (set i rows 152-154, rated 4)
        (3, "Refused obs, refused to be examined, refused everything we asked of him.", "Declined obs, declined to be examined, declined everything we asked of him."),
    ];
    check_counted(cases, true);
}

/// "claims" said as "says" with the suspicion around it gone too: the
/// doubt adverb, "yet again" between commas, and the writer's doubt that
/// rests on evidence, which becomes the evidence to write down (set j
/// rows 3-4, 16-17, 46-47, 147-148: credibility 2.64).
#[test]
fn a_doubted_account_loses_the_suspicion_around_it() {
    let cases: &[(usize, &str, &str)] = &[
        (1, "He claims, yet again, that he was at work.", "He says again that he was at work."),
        (2, "Dad claims he has not had a drink since the last conference, which is hard to square with the empties in the recycling.", "Dad says he has not had a drink since the last conference (say what the empties in the recycling showed)."),
        (2, "Coachee claims the targets were never communicated to her, which is contradicted by the file.", "Coachee says the targets were never communicated to her (say what the file showed)."),
        (2, "He insists the team is \"fully bought in\", but I have my doubts given the attrition figures.", "He says the team is \"fully bought in\" (say what the attrition figures showed)."),
        (2, "Client reports she \"forgot\" about the session again, which seems unlikely given the two reminder texts.", "Client reports she forgot about the session again (say what the two reminder texts showed)."),
        (2, "She conveniently claims she never got the letter.", "She says she never got the letter."),
        // what the rater liked stays (set i row 131, rated 5)
        (1, "Tenant claims the damp is caused by a leak from upstairs, however the surveyor found no evidence of one.", "Tenant says the damp is caused by a leak from upstairs, however the surveyor found no evidence of one."),
    ];
    check_counted(cases, true);
}

/// Garbles the rater marked 1 on set j: a time cut at its colon (rows
/// 150-151: "30 after an argument …"), "This family have been chances"
/// (row 12), "Who has not written your name" (row 90), "Dad's aye" taken
/// for a relative (row 125), "said thank you for once" (row 66), and a
/// doubt of an overdose account left in (row 98).
#[test]
fn set_j_garbles_read_as_sentences() {
    let cases: &[(usize, &str, &str)] = &[
        (2, "Known PD patient, frequent attender, well known to the crisis team, came in by ambulance at 01:30 after an argument with her partner.", "Came in by ambulance at 01:30 after an argument with her partner: what did you see or hear that you summed up as \"known PD patient\" and \"frequent attender\"? Write that, with the person first."),
        (1, "How many more chances is this family going to be given before they actually change something?", "What chances has this family had so far, and what have they said about them?"),
        (1, "How hard is it to just write your name at the top of the sheet?", "Who has not written their name at the top of the sheet, and when?"),
        (1, "Dad's aye got an excuse for every missed visit, every single time, and the wean is left sitting at the window waiting on him.", "What did you see or hear that read as \"every single time\"? Write that instead."),
        // "for once" goes from the question too; the statement is second
        // since round 17 (rewording17::earlier_statements_come_second).
        (1, "Why can't she just say thank you for once?", "What makes it hard for her to say thank you?"),
        (1, "Pt states she took 20 paracetamol but was vague on timings and I'm not convinced she took any.", "Pt states she took 20 paracetamol but was vague on timings."),
        (1, "He told me he'd been sober for a month, which I found hard to believe given the smell in the flat.", "He told me he'd been sober for a month (say what the smell in the flat showed)."),
    ];
    check_counted(cases, true);
}

/// The plain margin question's closing follows what the sentence is
/// about, its place, time or activity, never chance; with none of them it
/// is the plain "Write that instead." (set j: 38 of 218 first
/// suggestions closed with it).
#[test]
fn the_margin_question_closes_with_what_the_sentence_is_about() {
    let cases: &[(usize, &str, &str)] = &[
        (1, "He's only playing up in school so he'll get sent home to his Nana's.", "What did he do or say that read as \"only playing up in school so he'll get\"? Write what happened in school instead."),
        (1, "He has no one to blame but himself for losing the flat, after everything the housing team did to keep the tenancy going.", "What did he do or say that read as \"no one to blame but himself\"? Write that, and what happened around the flat."),
        // The time the question quotes is not asked again (round 18).
        (1, "Lily is using the counselling slot to get out of maths, since it's always on a Tuesday period 2 when she has her test.", "What did Lily do or say that read as \"using the counselling slot to get out of maths\" and \"since it's always on a Tuesday period 2 when she has her test\"? Write that instead."),
        (1, "He has a responsibility to his team to stop disappearing into code when things get hard.", "What did he do or say that read as \"has a responsibility to his team\"? Write that instead."),
    ];
    check_counted(cases, true);
}

/// A question template written for one person, filled with "they", keeps
/// its verb in agreement ("What has they said about a bed?" on main after
/// round 10's intent frames).
#[test]
fn a_question_about_them_agrees() {
    let cases: &[(usize, &str, &str)] = &[(
        1,
        "The threats to jump were made to secure a bed.",
        "What have they said about a bed?",
    )];
    check_counted(cases, true);
}

/// A refusal in a blame question that is someone else's is not the
/// person's act: "the rules don't apply to him" is not "What makes applying
/// to him hard for him?" (the curious question from round 10 read it so).
#[test]
fn another_subjects_refusal_is_not_the_persons_act() {
    let cases: &[(usize, &str, &str)] = &[(
        1,
        "Does he think the rules don't apply to him?",
        "What did he do or say that read as \"the rules don't apply to him\"? Write that instead.",
    )];
    check_counted(cases, true);
}

/// An act that is started is asked about as the act itself: "before Mum
/// starts taking this seriously" is not "What makes starting taking this
/// seriously hard for Mum?" (a practitioner check on an invented note).
#[test]
fn a_started_act_is_the_act() {
    let cases: &[(usize, &str, &str)] = &[(
        1,
        "How many more missed appointments before Mum starts taking this seriously?",
        "What makes taking this seriously hard for Mum?",
    )];
    check_counted(cases, true);
}

/// A noun after a number is not the verb to put in the past: "arrived ten
/// minutes late, as usual" gave "arrived ten has minuted late" (found
/// checking an invented coaching note); a sentence already in the past
/// loses only its absolute.
#[test]
fn an_absolute_after_a_counted_noun_keeps_the_noun() {
    let cases: &[(usize, &str, &str)] = &[
        (
            1,
            "Tunde arrived ten minutes late again and blamed the trains, as usual.",
            "Tunde arrived ten minutes late again and blamed the trains (say when, and how often).",
        ),
        (
            1,
            "She turned up two hours late, as usual.",
            "She turned up two hours late (say when, and how often).",
        ),
        (
            1,
            "Priya cancels every time we set a date.",
            "Priya has cancelled when we set a date (say when, and how often).",
        ),
    ];
    check_counted(cases, true);
}
