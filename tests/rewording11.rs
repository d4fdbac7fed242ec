//! Round 11 (issue 26): the failures the blind supervisor rated lowest on
//! set l (bench/blind/set-2026-12-06-l.suggestion-ratings.tsv, tuning
//! material now), grouped by cause, with invented sentences of the same
//! shape and the first suggestion every finding of the sentence must
//! show. Each row failed on the branch point (c74e170).

use super::rewording8::check_counted;

/// A blame question that holds its verdict beside the act ("when she knows
/// what he's like", ", how hard is it", "and then come here and cry about
/// it", "the day she's supposed to …") is asked from the person's side:
/// its statement form read as an accusation (set l, rated 1-3). The
/// verb is the act's own: no "has onlied ever get", no "has choosed", and
/// a possessive names the one who acts ("Ana's son", not "Ana").
#[test]
fn a_blame_question_with_its_verdict_beside_the_act_is_asked_curiously() {
    let cases: &[(usize, &str, &str)] = &[
        (1, "Why does she keep letting him back into the flat when she knows what he's like?", "What was going on for her when she let him back into the flat?"),
        (1, "Why does he only ever get a headache on PE days when the cover teacher is off?", "What was going on for him when he got a headache on PE days?"),
        (1, "Why does Ana's son keep turning up without his kit, how hard is it?", "What was going on for Ana's son when he turned up without his kit?"),
        (1, "Why does she keep choosing friends who let her down, and then come here and cry about it?", "What was going on for her when she chose friends who let her down?"),
        (1, "Why does Sam's mum always ring in sick the day she's supposed to meet the panel?", "What was going on for Sam's mum when she rang in sick?"),
        // "why is it so hard for them to …": what makes it hard, the
        // statement of what they have not done second (round 17,
        // rewording17::earlier_statements_come_second).
        (1, "Why is it so hard for them to learn to use the tram after six weeks?", "What makes it hard for them to learn to use the tram after six weeks?"),
        // "for one single week" is the verdict, not a fact.
        (1, "Why can't this family get her to the clinic on time for one single week?", "What makes it hard for this family to get her to the clinic on time?"),
        // with no verdict beside it, the statement was first; since round
        // 17 it is second, after the curious question
        (1, "Why does she keep cancelling on Mondays?", "What was going on for her when she cancelled on Mondays?"),
    ];
    check_counted(cases, true);
}

/// Taking a moral verdict out never takes its person with it: the clause
/// after "should be ashamed," gets the person back as its subject ("Dad
/// left …", set l: "Left him in here …" rated 2, "drops who"); a sentence
/// adverb is not a name ("What has Honestly she said", rated 1); a verdict
/// left at the end ("…, it's not fair on them") goes.
#[test]
fn a_moral_verdict_goes_and_its_person_stays() {
    let cases: &[(usize, &str, &str)] = &[
        (
            1,
            "Gran should be ashamed of herself, leaving the twins alone to go to bingo.",
            "Gran left the twins alone to go to bingo.",
        ),
        (
            1,
            "Mr T's sons should be ashamed, moved him into the home and haven't rung since June.",
            "Mr T's sons moved him into the home and haven't rung since June.",
        ),
        (
            1,
            "Honestly he ought to be putting his son before his mates, it's not fair on the lad.",
            "What has he said about his son and his mates?",
        ),
    ];
    check_counted(cases, true);
}

/// An appearance question is about the one the words describe: not a
/// person after "with" ("back from the visit with dad, filthy"), not
/// someone of another gender than the judged words name; and taking out
/// "were scruffy" does not make the person a subject of the next
/// clause's verb ("The twins and the flat smelled of damp", rated 1).
#[test]
fn an_appearance_question_asks_about_the_one_described() {
    let cases: &[(usize, &str, &str)] = &[
        (1, "Came home from the visit with dad absolutely filthy, hair like a haystack.", "What did you see that read as \"came home from the visit with dad absolutely filthy\" and \"hair like a haystack\"? If it matters to the work, write that plainly; if not, leave it out."),
        (1, "The twins were scruffy and the flat smelled of damp, general impression of neglect.", "General impression of neglect: what did you see of them that read as \"scruffy\"? If it matters to the work, write that plainly; if not, leave it out."),
    ];
    check_counted(cases, true);
}

/// An absolute beside "it is always someone else's fault" asks about the
/// person's part; no note is cut in half ("…, and how often).", rated 2).
#[test]
fn no_rewording_cuts_its_note_in_half() {
    let cases: &[(usize, &str, &str)] = &[(
        2,
        "Aidan never owns up to anything, it is always someone else's fault.",
        "What has Aidan said about their part in what went wrong? (say when)",
    )];
    check_counted(cases, true);
}

/// A motive read in goes, what the person came for stays ("rang me about
/// the travel voucher", set l: "Rang me, once she's got it …" dropped the
/// voucher and kept the prediction); "clearly" goes with its copula (no
/// "is clearly is showing"), and the event the motive named stays whole
/// ("her tribunal hearing next week", not "her tribunal").
#[test]
fn a_motive_goes_and_what_they_came_for_stays() {
    let cases: &[(usize, &str, &str)] = &[
        (1, "Only rang me because he wants the travel voucher, once he's got it he'll go quiet again.", "Rang me about the travel voucher."),
        (2, "She is clearly feigning symptoms to avoid her tribunal hearing next week.", "She is showing symptoms (say what you saw, and what she said about her tribunal hearing next week)."),
        (1, "only turns up to the drop-in when he wants a hot meal", "Turns up to the drop-in for a hot meal."),
    ];
    check_counted(cases, true);
}

/// A quotation does not stop on a word the sentence runs on from ("lacks
/// the insight to", set l: "lacks the self-awareness to", rated 2), and a
/// writer's simile at the end ("it's like a broken record") is the
/// verdict, not a fact.
#[test]
fn quotes_end_with_their_phrase_and_similes_go() {
    let cases: &[(usize, &str, &str)] = &[
        (1, "Omar lacks the insight to benefit from the group at this stage and may never manage a job.", "What did Omar do or say that read as \"lacks the insight\" and \"may never manage a job\"? Write that instead."),
        (1, "She brings everything back to her sister, every single session, it's like a broken record.", "She has brought everything back to her sister (say when, and how often)."),
    ];
    check_counted(cases, true);
}
