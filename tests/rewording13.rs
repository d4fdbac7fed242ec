//! Round 13 (issue 26): from the blind supervisor's ratings of set p
//! (bench/blind/set-2026-12-06-p.mixed-ratings.tsv), the failures rated
//! 1-3, by kind, with invented sentences of the same shape and the
//! suggestion every finding of the sentence must show. Each row failed on
//! the branch point (2639ad2) unless it says otherwise.

use super::common::{nth_suggestions, regard, stdout};
use super::rewording8::check_counted;

/// A sentence never shows the same suggestion twice in the human report:
/// the second finding of "She claims … I am not convinced" carried the
/// first's rewording and question again, word for word.
#[test]
fn a_sentence_shows_each_suggestion_once() {
    let dir = tempfile::tempdir().unwrap();
    let note = dir.path().join("note.txt");
    std::fs::write(
        &note,
        "Dad claims he was at the gym all evening, but I am not convinced.\n",
    )
    .unwrap();
    let out = stdout(&regard(&[
        "check",
        "--color",
        "never",
        note.to_str().unwrap(),
    ]));
    let helps: Vec<&str> = out
        .lines()
        .filter(|l| l.trim_start().starts_with("help:") || l.trim_start().starts_with("or:"))
        .map(str::trim)
        .collect();
    assert_eq!(
        helps,
        [
            "help: try: Dad says he was at the gym all evening.",
            "or: What more would Dad tell you about the gym, if you asked?",
            "help: the suggestion above, for this sentence, covers this too",
        ],
        "{out}"
    );
}

/// `last-part-holds-facts: true` (compliance-framing) keeps a last part
/// that is only the rule's words: "despite reminders" is a fact, said
/// without the obedience frame.
#[test]
fn a_compliance_phrase_at_the_end_stays() {
    let got = nth_suggestions(
        "Mr Tate has still not returned the forms, despite reminders.",
        0,
    );
    assert_eq!(
        got,
        [(
            "compliance-framing".to_string(),
            "Mr Tate has still not returned the forms, though reminded.".to_string()
        )]
    );
}

/// A blame question no statement can say is asked from the person's side
/// or as what they have said, never quoted back whole into "read as"
/// (set p: four such rows rated 2, "quotes whole question back"); a
/// "Who …?" question names nobody from inside its own act (set p: "Pepsi
/// put Pepsi in a baby bottle", "She let a 90 year old …" from "her
/// nightstand", rated 1); "did they not" is no verb "notted" (rated 2);
/// a question is not cut to the "if" clause before it (rated 1).
#[test]
fn a_blame_question_is_asked_not_quoted() {
    let cases: &[(usize, &str, &str)] = &[
        (
            1,
            "What did she think would happen leaving a 12-year-old alone overnight?",
            "What was going on for her when she left a 12-year-old alone overnight?",
        ),
        (
            1,
            "What exactly did he think would happen mixing diazepam with a bottle of rum?",
            "What was going on for him when he mixed diazepam with a bottle of rum?",
        ),
        (
            1,
            "Why on earth would she think a new kitchen fixes a marriage?",
            "What has she said she hopes a new kitchen will change?",
        ),
        (
            1,
            "Why would you bring a newborn to a late session and expect it to go well?",
            "What was going on for them when they brought a newborn to a late session?",
        ),
        (
            1,
            "Why does she keep saying yes to jobs she has no intention of finishing?",
            "She has kept saying yes to jobs (say how often, and what she has said about finishing them).",
        ),
        (
            1,
            "Who puts Coke in a toddler's cup, honestly?",
            "Who put Coke in a toddler's cup, and when?",
        ),
        (
            1,
            "Who lets a 90 year old keep sweets in her drawer?",
            "Who let a 90 year old keep sweets in her drawer, and when?",
        ),
        (
            1,
            "Why did they not think about the rent before he lost the job?",
            "What have they said about the rent?",
        ),
        (
            1,
            "If the bus is such a problem, why has he not asked for a taxi?",
            "What has he said about a taxi?",
        ),
        (
            1,
            "If the stairs are such a problem, why has she not moved to a ground-floor flat?",
            "What has she said about a ground-floor flat?",
        ),
        (
            1,
            "Why did they not think about who will care for her before she fell?",
            "What have they said about who will care for her?",
        ),
        (
            1,
            "Why would you film a fight and then act all surprised when it ends up online?",
            "What was going on for them when they filmed a fight?",
        ),
    ];
    check_counted(cases, true);
    // The curious question names nobody from inside the act either.
    assert_eq!(
        nth_suggestions("Who puts Coke in a toddler's cup, honestly?", 1),
        [(
            "blame-question".to_string(),
            "What was going on for them when they put Coke in a toddler's cup?".to_string()
        )]
    );
}

/// The writer's doubt after an account goes with the doubt verb, whatever
/// its words (set p, rated 2: "which one finds hard to believe", "which
/// seems more wishful thinking than …", "and pigs might fly" kept);
/// "swears blind" is "says", not "says blind"; "are claiming" is "are
/// saying".
#[test]
fn the_doubt_after_an_account_goes() {
    let cases: &[(usize, &str, &str)] = &[
        (
            1,
            "Relatives are claiming she was never aggressive at home, which one finds hard to believe.",
            "Relatives are saying she was never aggressive at home.",
        ),
        (
            1,
            "Mum insists he \"reads every night\", which seems more wishful thinking than anything she has actually seen.",
            "Mum says he \"reads every night\".",
        ),
        (
            1,
            "Dad swears blind she was home by nine, and pigs might fly.",
            "Dad says she was home by nine.",
        ),
    ];
    check_counted(cases, true);
}

/// A person ("this one") or a state ("in tears at a photo") is not set
/// in the margin question as where it happened: "What did they say or
/// show this one that you called …" (set p, rated 2).
#[test]
fn the_margin_question_sets_only_a_place_or_time() {
    let cases: &[(usize, &str, &str)] = &[
        (
            2,
            "Bit of a moaner, this one, nothing's ever good enough.",
            "What did they say or show that you called \"bit of a moaner\" and \"nothing's ever good enough\"? Write that, in their words.",
        ),
        (
            1,
            "Dad was a bit over the top in the meeting, in tears at a photo.",
            "What did Dad say or show that you called \"bit over the top in the meeting\"? Write that, in his words.",
        ),
    ];
    check_counted(cases, true);
}

/// The rest of the judgment goes with the flagged words (set p, rated 2):
/// a motive after the act ("to qualify for …"), a verdict tail ("this is
/// well-known tactic with such people"), "living off the state" said as
/// the fact it judges.
#[test]
fn the_rest_of_the_judgment_goes() {
    let cases: &[(usize, &str, &str)] = &[
        (
            1,
            "Student deliberately underperformed on the reading test to qualify for extra support.",
            "Student underperformed on the reading test.",
        ),
        (
            1,
            "Family is purposely delaying discharge to get free meals, this is well-known tactic with such people.",
            "Family is delaying discharge.",
        ),
        (
            1,
            "Pt ought to be ashamed of living off the state at 40 while his brothers work.",
            "Pt has been receiving benefits at 40 while his brothers work.",
        ),
    ];
    check_counted(cases, true);
}

/// A count the record holds is said as the count, with where to check
/// it, not asked about as a verdict (set p: "What did you see or hear
/// that read as "hasn't turned up on time once in three years"?", rated
/// 2, "questions a countable fact").
#[test]
fn a_countable_absolute_is_said_as_the_count() {
    let cases: &[(usize, &str, &str)] = &[
        (
            1,
            "Hasn't turned up on time once in two years.",
            "Has not turned up on time in two years (say what the record shows).",
        ),
        (
            1,
            "Not once this term has she come to class with a book.",
            "She has not come to class with a book this term (say what the record shows).",
        ),
    ];
    check_counted(cases, true);
}

/// A repeated account is a fact (a repeated injury a safeguarding one):
/// "same story every time" is said plainly, not dropped with the doubt
/// (set p: "Child say she fall off the bed." rated 1 twice, "drops
/// repeated-injury pattern").
#[test]
fn a_repeated_account_stays() {
    check_counted(
        &[(
            2,
            "Child say he fall off the swing, yeah right, same story every time.",
            "Child say he fall off the swing; he has given the same account before (say when).",
        )],
        true,
    );
}

/// A report the writer dismisses inside the flagged words ("upset about
/// …, but frankly it's a nice place and she'll be fine") keeps the report
/// and drops the dismissal, as one before the flagged words did (set p:
/// the whole quoted as the verdict, rated 2); a where the quote already
/// holds is not said twice in the question (rated 2, "repeats phrase
/// inside its own quote").
#[test]
fn a_dismissal_goes_and_a_quote_is_not_repeated() {
    check_counted(
        &[
            (
                1,
                "Pt upset about moving to a care home, but frankly it is a lovely place and she will be fine.",
                "Pt upset about moving to a care home.",
            ),
            (
                1,
                "Patient brought this illness upon himself with all that vodka drinking.",
                "What did the patient do or say that read as \"brought this illness upon himself with all that vodka drinking\"? Write that instead.",
            ),
        ],
        true,
    );
}

/// A blame question's second verb joined by "and" is put in the perfect
/// with the first, for the everyday verbs notes use ("pick one direction
/// and stick to it" was "has not picked one direction and stick to it",
/// found by the lead's practitioner check in round 13).
#[test]
fn a_joined_verb_follows_the_first_into_the_perfect() {
    check_counted(
        &[
            (
                1,
                "Why can't she just pick one direction and stick to it?",
                // The statement is second since round 17, where the
                // joined verb is checked
                // (rewording17::earlier_statements_come_second); after "to"
                // it is the base.
                "What makes it hard for her to pick one direction and stick to it?",
            ),
            (
                1,
                "Why won't he sit down and finish his homework?",
                "What makes it hard for him to sit down and finish his homework?",
            ),
        ],
        true,
    );
}
