//! Round 16 (issue 26): the first suggestion's FORM chosen from the blind
//! supervisor's ratings of sets p, q, s and u sorted by form
//! (`bench/rating-forms.py`; `src/suggest/policy.rs`), and the general
//! causes of the 1-2 ratings left (facts changed, garbles, judging words
//! kept) fixed where they are made. Invented sentences of the same shapes
//! as the rated rows, with the first suggestion every finding of the
//! sentence must show. Each row read otherwise on the branch point
//! (0b7b6a3, checked), except the rows marked as forms that stay.

use regard::suggest::inflect;
use regard::suggest::policy;

use super::rewording8::check_counted;

/// A question set after a part of the sentence ("Setting: what did …",
/// 2.36 over 47 rated rows) is asked alone: the sentence stays in the note
/// as written. A setting with a number or a time in it stays (the one
/// form of it rated a little better).
#[test]
fn a_question_is_asked_without_a_setting() {
    check_counted(
        &[
            (
                1,
                "Daughter hostile and rude at handover, had to be asked to leave by the nurse.",
                "What did the daughter do or say that read as \"hostile and rude at handover\"? Write that, and what she might have needed.",
            ),
            // A count in the setting: kept, a form that stays (set g's "3rd call today about
            // the rash" row is in tests/rewording.rs).
            (
                1,
                "Dad is a time waster, 4th call this week about the boiler.",
                "4th call this week about the boiler: what did Dad do or say that read as \"time waster\"? Write that, and what he might have needed.",
            ),
        ],
        true,
    );
    // The setting alone is judged: a grievance, a verdict, a bare clause.
    assert_eq!(
        policy::without_setting(
            "After all the help we gave: what did she do or say that read as \"ungrateful\"? Write that instead."
        )
        .as_deref(),
        Some("What did she do or say that read as \"ungrateful\"? Write that instead.")
    );
    // A time or a risk word in the setting keeps it.
    for kept in [
        "Rang the ward at 3am: what did he do or say that read as \"attention seeking\"? Write that instead.",
        "Cut her arm again: what did she do or say that read as \"attention seeking\"? Write that instead.",
    ] {
        assert_eq!(policy::without_setting(kept), None, "{kept}");
    }
    // A question that quotes nothing is no margin question: not touched.
    assert_eq!(
        policy::without_setting(
            "He's put his name down for the rota: what has he said about the board?"
        ),
        None
    );
}

/// An absolute said as "has not …" with "(say when, and how often)" (2.47
/// over 32 rows) is offered only where it took out every absolute and is
/// one clause; otherwise the question quotes the absolute words, from the
/// first absolute on ("has splited the staff on every shift", "has not
/// brought the pill box, never brings the card", rated 2).
#[test]
fn an_absolute_is_asked_about_where_its_rewording_would_not_read_whole() {
    check_counted(
        &[
            (
                1,
                "He tears up the timetable every single week without exception.",
                "What did you see or hear that read as \"every single week without exception\"? Write that instead.",
            ),
            // The one-clause rewording with no absolute left stays (rated
            // 4 on set p: "She has not done the homework given in therapy
            // (say when, and how often).").
            (
                1,
                "Leon never once finishes the reading given in group.",
                "Leon has not finished the reading given in group (say when, and how often).",
            ),
        ],
        true,
    );
    assert!(policy::absolute_rewording_fits(
        "She has brought everything back to her sister (say when, and how often)."
    ));
    assert!(!policy::absolute_rewording_fits(
        "Tomasz has not handed in his timesheet, never answers the phone (say when, and how often)."
    ));
    assert!(!policy::absolute_rewording_fits(
        "He has found it hard to focus, every session (say when, and how often)."
    ));
    assert_eq!(
        policy::absolute_question("Rra K. never brings").as_deref(),
        Some("What did you see or hear that read as \"never brings\"? Write that instead.")
    );
    assert_eq!(policy::absolute_question("refuses the bath"), None);
}

/// The repetition is the risk: an absolute is not cut from a sentence
/// that records an injury ("the bruises come from a fall off the litera,
/// the same litera" without "every single time", rated 1, facts changed).
/// Said another way ("has given the same account before") it stays.
#[test]
fn a_repeated_injury_keeps_its_repetition() {
    let got = super::common::nth_suggestions(
        "The nephew insists the bruises come from the bunk bed, the same bunk, every single time.",
        0,
    );
    let absolute: Vec<&String> = got
        .iter()
        .filter(|(rule, _)| rule == "absolute-about-person")
        .map(|(_, s)| s)
        .collect();
    assert_eq!(
        absolute,
        vec!["What did you see or hear that read as \"every single time\"? Write that instead (keep \"bruises\" in the note, word for word)."]
    );
}

/// A blame question is asked from the person's side ("What was going on
/// for her when she went to the shebeen with older men?", rated 5) rather
/// than cut to the grievance before it ("After all the help we gave.",
/// rated 1, facts changed), asked about a word of it ("What has she said
/// about the first place?", rated 2), or quoted back whole (2.70 over 23
/// rows, none rated 4-5), where it loses no thing the quote or the
/// question it replaces keeps in view.
#[test]
fn a_blame_question_is_asked_from_the_persons_side() {
    check_counted(
        &[
            (
                1,
                "After all the refuge did for her, why on earth did she go back to him?",
                "What was going on for her when she went back to him?",
            ),
            (
                1,
                "If he hates the gym so much, why did he sign up for it in the first place?",
                "What was going on for him when he signed up for it in the first place?",
            ),
            // A question after a setting that is itself the question
            // ("Why did she walk out of the ward: what did she …").
            (
                1,
                "After everything the team did for her, why did she walk out of the ward?",
                "What did she do or say that read as \"after everything the team did for her\"? Write that instead.",
            ),
            // Stays: the curious question ("when she booked in") would lose
            // the splints, which the quote keeps in view.
            (
                1,
                "Why does she bother booking in if the splints stay in the cupboard?",
                "What did you see or hear that read as \"why does she bother booking in if the splints stay in the cupboard\"? Write that instead.",
            ),
        ],
        true,
    );
}

/// A dismissal flagged from its own "but" leaves the report, not a
/// question that asks the person for the writer's words ('What did they
/// say or show that you called "it's a warm bed"?', rated 2; the report
/// kept and the dismissal gone was rated 4-5 on sets q, s and u).
#[test]
fn a_dismissal_from_its_but_leaves_the_report() {
    check_counted(
        &[(
            1,
            "Says the hostel is freezing at night, but it's a roof, hardly living on the street.",
            "Says the hostel is freezing at night.",
        )],
        true,
    );
}

/// A rewording keeps no aside of the writer's that the raters named
/// ("keeps 'no more excuses'", "keeps 'the oldest trick'"): the part that
/// holds it goes.
#[test]
fn a_rewording_keeps_no_named_aside() {
    check_counted(
        &[
            (
                1,
                "Mum failed to bring the forms again, no more excuses.",
                "Mum did not bring the forms again.",
            ),
            (
                1,
                "Mum failed to bring the forms again, frankly typical.",
                "Mum did not bring the forms again.",
            ),
        ],
        true,
    );
}

/// An irregular verb is said in its own past ("has splited the staff",
/// set u, rated 2).
#[test]
fn irregular_verbs_keep_their_past() {
    assert_eq!(inflect::participle("split"), "split");
    assert_eq!(inflect::participle("tear"), "torn");
    assert_eq!(inflect::past("tear"), "tore");
    assert_eq!(inflect::participle("lead"), "led");
    assert_eq!(inflect::participle("upset"), "upset");
}
