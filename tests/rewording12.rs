//! Round 12 (issue 26): the failures the blind supervisor rated 1-2 on
//! set n (bench/blind/set-2026-12-06-n.suggestion-ratings.tsv), grouped by
//! kind, with invented sentences of the same shape and the first
//! suggestion every finding of the sentence must show. Each row failed on
//! the branch point (7c341b4).

use super::common::nth_suggestions;
use super::rewording8::check_counted;

/// The worker's own warning, reminder or expectation is not asked about
/// as the person's act ("What did Mum do or say that read as "not
/// optional"?", rated 2, "changed a fact"): the question asks what they
/// said when told, the threat after "or" / "if" left out of it.
#[test]
fn the_workers_warning_is_not_read_as_the_persons_act() {
    let cases: &[(usize, &str, &str)] = &[
        (
            1,
            "Dad was reminded once again that the contact order is not optional and that the court will hear about it if he misses another visit.",
            "What did Dad say when reminded that the contact order is not optional? Write that, and what was said to him, in plain words.",
        ),
        (
            1,
            "Mum was informed that she must get Tyler to nursery every day or she will face a fine.",
            "What did Mum say when informed that she must get Tyler to nursery every day? Write that, and what was said to her, in plain words.",
        ),
        (
            1,
            "Client is expected to attend three times a week, no excuses, or the place goes.",
            "What did the client say about being expected to attend three times a week? Write that, and what was asked of them, in plain words.",
        ),
        // "that if he carries on": no words of the telling are left to ask about.
        (
            1,
            "Pupil was warned that if he carries on he will be excluded.",
            "What did the pupil say when warned? Write that, and what was said to him, in plain words.",
        ),
        // The fact before the telling is its setting.
        (
            1,
            "Diary not filled in for the second week; informed Pt that continued non-engagement will mean discharge.",
            "Diary not filled in for the second week: what did Pt say when informed that continued non-engagement will mean discharge? Write that, and what was said to them, in plain words.",
        ),
    ];
    check_counted(cases, true);
}

/// Compliance-framing's curious question asks "What got in the way …"
/// only where the sentence names a setback; a rule or an expectation alone
/// is asked about from the person's side ("How did they see it?"). The
/// question fits what the words say.
#[test]
fn the_compliance_question_fits_what_the_words_say() {
    let cases: &[(&str, &str)] = &[
        (
            "Client failed to complete the budgeting sheet.",
            "What got in the way of the budgeting sheet for them?",
        ),
        (
            "Diary not filled in for the second week; informed Pt that continued non-engagement will mean discharge.",
            "What got in the way for Pt?",
        ),
        (
            "Was instructed to bring his payslips and turned up without them.",
            "What got in the way of his payslips for him?",
        ),
        (
            "Client is expected to attend three times a week, no excuses, or the place goes.",
            "How did they see it?",
        ),
        (
            "Mum was informed that she must get Tyler to nursery every day or she will face a fine.",
            "How did she see it?",
        ),
    ];
    let mut wrong = Vec::new();
    for (sentence, want) in cases {
        let got = nth_suggestions(sentence, 1);
        if got.is_empty() || got.iter().any(|(_, second)| second != want) {
            wrong.push(format!("{sentence:?}\n   got:  {got:?}\n   want: {want:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// A last part that is only the verdict ("- no excuse for it", "- frankly
/// selfish", ", clearly hiding") goes, and the facts before it, risk
/// words and all, are the rewording; the margin question had asked what
/// the children did (rated 1, "hungry kids risk buried").
#[test]
fn a_verdict_part_goes_and_the_facts_before_it_stay() {
    let cases: &[(usize, &str, &str)] = &[
        (
            1,
            "Spending the rent money on scratchcards while the baby goes hungry - no excuse for it.",
            "Spending the rent money on scratchcards while the baby goes hungry.",
        ),
        (
            1,
            "Leaving two toddlers with a neighbour to go to Ibiza for a week - frankly selfish.",
            "Leaving two toddlers with a neighbour to go to Ibiza for a week.",
        ),
    ];
    check_counted(cases, true);
}

/// An absolute's rewording loses its last word too ("…, ever", "…,
/// without exception", "…, that is her whole problem": kept, rated 2).
#[test]
fn an_absolute_loses_its_tail() {
    let cases: &[(usize, &str, &str)] = &[
        // Round 15: "will never" may be a habit or a prediction; said as
        // what happened, a prediction became a fact (set s, rated 1), so
        // it is asked about.
        (
            1,
            "Aidan will never let his sister speak, ever.",
            "What did you see or hear that read as \"will never let his sister speak, ever\"? Write that instead.",
        ),
        (
            1,
            "This girl never listens to staff, that is her whole problem.",
            "This girl has not listened to staff (say when, and how often).",
        ),
        (
            1,
            "She ruins every group session with complaints, without exception.",
            "What did you see or hear that read as \"every group session with complaints, without exception\"? Write that instead.",
        ),
    ];
    check_counted(cases, true);
}

/// No broken verb: "did not be washed" (rated 1), "has missed on
/// sessions" (rated 2); the rewording is refused and the next form used.
#[test]
fn no_rewording_breaks_its_verb() {
    let cases: &[(usize, &str, &str)] = &[
        (
            1,
            "SU did not comply with being washed.",
            "What did SU do or say that read as \"did not comply with being washed\"? Write that instead.",
        ),
        (
            1,
            "How many more sessions is she going to miss on account of her famous migraines?",
            "She has missed sessions (say how many, and when): what has she said about her migraines?",
        ),
    ];
    check_counted(cases, true);
}

/// The writer's doubt goes from a doubted account, not the account: a
/// last sentence of sarcasm ("Right."), "which I take with a pinch of
/// salt …", "we all know where those are going", and scare quotes round
/// one word ("ill"); a quoted word after "says" is the person's and stays.
#[test]
fn the_writers_doubt_goes_and_the_account_stays() {
    let cases: &[(usize, &str, &str)] = &[
        (
            1,
            "Says she looked for work every day this week but couldn't name one employer. Right.",
            "Says she looked for work every day this week but couldn't name one employer.",
        ),
        (
            2,
            "Rang in \"ill\" the morning of the driving test, surprise surprise.",
            "Rang in ill the morning of the driving test.",
        ),
        (
            2,
            "He insists the debt is paid off, which I take with a pinch of salt given what the bank said.",
            "He says the debt is paid off.",
        ),
        // "Fourth" is no name.
        (
            1,
            "Fourth \"lost\" inhaler this term; we all know where those are going.",
            "Fourth lost inhaler this term.",
        ),
        (
            1,
            "Says the bus was \"late\" again (it never is).",
            "Says the bus was \"late\" again.",
        ),
    ];
    check_counted(cases, true);
}

/// The question is about the one who acts: not the children a parent is
/// said to use, not a setting cut at "w/" or "and", and no appearance
/// detail that is the writer's sneer ("piercings and all", rated 1).
#[test]
fn the_question_is_about_the_one_who_acts_and_no_fragment_leads_it() {
    let cases: &[(usize, &str, &str)] = &[
        (
            1,
            "G is using the children as ammunition to get back at K, plain as day.",
            "What have you seen or heard G say or do with the children about K? (say when)",
        ),
        (
            1,
            "Client is noncompliant w/ her meds again and skipped physio twice this week.",
            "What did the client do or say that read as \"noncompliant\"? Write that instead (keep \"meds\" in the note, word for word).",
        ),
        (
            1,
            "Nephew showed up looking like he'd been dragged through a hedge, piercings and all.",
            "What did you see of Nephew that read as \"like he'd been dragged through a hedge\"? If it matters to the work, write that plainly; if not, leave it out.",
        ),
    ];
    check_counted(cases, true);
}

/// A where or when that lost its object is not set in the question:
/// "What did you see or hear about that you called …" (rated 2), "What
/// did you see of Kid in the same that read as …" (rated 1).
#[test]
fn no_preposition_dangles_in_the_question() {
    let cases: &[(usize, &str, &str)] = &[
        (
            1,
            "Told him the exam nerves are nothing to make a fuss about, every student gets a bit jittery.",
            "What did you see or hear that you called \"make a fuss\"? Write that, in the words that were said.",
        ),
        (
            1,
            "Son came to the door filthy and in the same grubby uniform as last week.",
            // "the son" since round 18 (rewording18::roles_and_titles_are_kept_whole).
            "What did you see of the son that read as \"came to the door filthy\" and \"grubby uniform\"? If it matters to the work, write that plainly; if not, leave it out.",
        ),
    ];
    check_counted(cases, true);
}

/// "What does she expect when she keeps …?" is not quoted whole into
/// "read as" (rated 2): it says what happened, and asks from their side.
#[test]
fn what_does_she_expect_says_what_happened() {
    let cases: &[(usize, &str, &str)] = &[(
        1,
        "What does he expect when he keeps skipping his physio?",
        // The statement is second since round 17
        // (rewording17::earlier_statements_come_second).
        "What was going on for him when he skipped his physio?",
    )];
    check_counted(cases, true);
}

/// The sneer goes and the facts stay: "Funny how … right when …" (rated
/// 3), "for all to see" (rated 2); "ignored every warning letter" is not
/// "has not replied to every warning letter", which says some were
/// answered (rated 2, "alters meaning").
#[test]
fn the_sneer_goes_and_the_meaning_stays() {
    let cases: &[(usize, &str, &str)] = &[
        (
            1,
            "Funny how the headaches started right when the exams began.",
            "The headaches started when the exams began.",
        ),
        (
            1,
            "Landlord continues to breach the agreement and has ignored every reminder sent.",
            "Landlord continues to breach the agreement and has not acted on any reminder sent.",
        ),
        (
            1,
            "Turned up inappropriately dressed for the scan in a crop top and shorts, bump out for all to see.",
            // Since round 18 the question, not "front: details" (that
            // form was rated 1-2 on all ten rows of sets u, v and w).
            "What did you see of them that read as \"inappropriately dressed\"? If it matters to the work, write that plainly; if not, leave it out.",
        ),
    ];
    check_counted(cases, true);
}

/// Evidence set against an account in a sentence of its own ("… begs to
/// differ", "I'll believe it when …") asks what the evidence showed, to
/// be written beside the account (rated 2: "record the plaque score").
#[test]
fn evidence_against_an_account_is_asked_for() {
    let cases: &[(usize, &str, &str)] = &[
        (
            1,
            "Says he flosses daily. His gums tell a different story.",
            "What did his gums show? Write that beside what he said.",
        ),
        (
            1,
            "Says she brushes after every meal. The plaque score begs to differ.",
            "What did the plaque score show? Write that beside what she said.",
        ),
    ];
    check_counted(cases, true);
}
