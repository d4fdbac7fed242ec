//! Round 15 (issue 26): from the blind supervisor's ratings of set s
//! (bench/blind/set-2026-12-07-s.mixed-ratings.tsv), the failures of
//! today's build rated 1-3, by kind rather than one template at a time,
//! with invented sentences of the same shape and the first suggestion
//! every finding of the sentence must show. Each row read otherwise on
//! the branch point (8e95ceb).

use regard::suggest::compose::grammatical;
use regard::suggest::quote;

use super::rewording8::check_counted;

/// A question quotes the judging words, not the sentence or its facts
/// ('What did you see or hear that read as "comes in every time with
/// exactly the same rubbish excuse about his toothbrush"?', rated 3; "at
/// 58 she that", rated 2).
#[test]
fn a_question_quotes_the_judging_words() {
    check_counted(
        &[
            // "Nursery dad is a total flake, 3rd time no spare nappies sent
            // in with her." was the sentence model's finding (narrowed to
            // "total flake"); round 15's model no longer flags it, and no case here shows the
            // person-copula-label narrowing now.
            // The where that ended on the next clause's subject ("at 61 he")
            // is no where.
            (
                1,
                "At 61 he's too set in his ways to take on any of the breathing work, I wouldn't waste a slot on him.",
                "What did you see him do that read as \"too set in his ways\"? Write that, and what he would like to work on.",
            ),
        ],
        true,
    );
}

/// The narrowing itself: the verdict with the rest of its short phrase
/// (a wide quote with no verdict it knows stays as written).
#[test]
fn a_wide_quote_is_narrowed_to_its_verdict() {
    let s = "Betreuter has again spent all his money in the first week on scratchcards, a total lack of any sense of responsibility.";
    assert_eq!(
        quote::narrowed(
            "What did he do or say that read as \"has again spent all his money in the first week on scratchcards\" and \"total lack of any sense of responsibility\"? Write that instead.",
            s
        ),
        "What did he do or say that read as \"has again spent all his money in the first week on scratchcards\" and \"total lack of any sense of responsibility\"? Write that instead."
    );
    let s = "This girl will never be able to live in a family again, the street is in her now.";
    assert_eq!(
        quote::narrowed(
            "What did you see her do that read as \"will never be able to live in a family\"? Write that.",
            s
        ),
        "What did you see her do that read as \"will never be able to live\"? Write that."
    );
    // No verdict known in it: the quote stays as written.
    let s = "Comes in every week with the same story about her inhaler and her sister's car.";
    let asked = "What did you see or hear that read as \"comes in every week with the same story about her inhaler\"? Write that instead.";
    assert_eq!(quote::narrowed(asked, s), asked);
    assert!(!quote::too_wide("set in her ways"));
    assert!(quote::too_wide("came to the desk looking like"));
}

/// A rewording is offered as the judgment taken out: where a verdict of
/// the sentence is left in it ("shameful if you ask me", "she is
/// shirking", "like clockwork", rated 2-3), it goes with its part, or the
/// question is asked.
#[test]
fn a_rewording_keeps_no_verdict_of_the_sentence() {
    check_counted(
        &[
            (
                1,
                "Her daughter lives 5 minutes away and can't be bothered to visit her own mum, shameful if you ask me.",
                "Her daughter lives 5 minutes away and has not visited her own mum (say when).",
            ),
            (
                1,
                "He pretends to be ill in the morning exactly when the job club starts, he is shirking.",
                "He seems ill in the morning exactly when the job club starts (say what you saw).",
            ),
            (
                1,
                "She is always late, like clockwork, even when we move the session for her.",
                "What did you see or hear that read as \"always late\"? Write that instead.",
            ),
            // The judgment went with the verb: "Every doctor, every nurse,
            // every support worker (say when, and how often)." said nothing.
            (
                1,
                "Every doctor, every nurse, every support worker, it's always someone else's fault with this lady.",
                "What did you see or hear that read as \"always someone else's fault\"? Write that instead.",
            ),
        ],
        true,
    );
}

/// A prediction is not said as what happened: "he'll never get out" →
/// "he'll has not got out" (rated 1, a garble and a fact changed).
#[test]
fn a_prediction_is_asked_about_not_stated() {
    check_counted(
        &[
            (
                1,
                "That lad is slow, been slow since infants, he'll never get out of this estate.",
                "What did you see him do that read as \"never get out of this estate\"? Write that, and what he would like to work on.",
            ),
        ],
        true,
    );
}

/// The garbles the guard refuses wherever a rewording comes from: a
/// modal before a finite verb, a subject pronoun before "that", a
/// quantity as the subject of a verb made from its noun.
#[test]
fn the_guard_refuses_a_modal_before_a_finite_verb() {
    for broken in [
        "That boy is slow, he'll has not got off the island (say when).",
        "He will has not managed the forms.",
        "She can is late on Mondays.",
        "What did you see her do at 58 she that read as \"too set in her ways\"?",
        "He's been through our doors more has timed than anyone can count.",
    ] {
        assert!(!grammatical(broken), "{broken:?} passed the guard");
    }
    for fine in [
        "He will have finished the forms by Friday.",
        "She said that she could not come.",
        "He'll be at the clinic on Monday.",
    ] {
        assert!(grammatical(fine), "{fine:?} refused");
    }
}

/// The home is not a person: "What did Kitchen do or say" (rated 1).
#[test]
fn the_home_is_not_a_person() {
    check_counted(
        &[(
            1,
            // The pigsty sentence of round 15 ("she has clearly given up on
            // the place") was the sentence model's finding, which round
            // 15's model no longer makes; the same home, a rule's finding.
            "Flat is a pigsty, ashtrays full, she has let herself go.",
            "What did you see of her that read as \"has let herself go\"? If it matters to the work, write that plainly; if not, leave it out.",
        )],
        true,
    );
}
