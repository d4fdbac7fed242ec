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
        // a statement the rater liked stays first
        (1, "Why does she keep cancelling on Mondays?", "She has cancelled on Mondays."),
    ];
    check_counted(cases, true);
}
