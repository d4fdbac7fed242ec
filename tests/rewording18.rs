//! Round 18 (issue 26): the causes of set w's low ratings, fixed as
//! classes. A blind supervisor rated round 17's first suggestions on set w
//! 2.88 of 5; the rows rated 1-2 grouped into: a word opening the sentence
//! taken as the person's name, a rhetorical blame question quoted back
//! whole, the sentence cut to "front: details" for an appearance verdict,
//! the writer's sneer left at the end of a rewording, "told"/"instructed"
//! said as "asked", a role or title cut short ("the mother" for the foster
//! mother, "Pinna" for Signor Pinna) and a time asked again that the
//! question already quotes. Invented sentences of the same shapes; each
//! showed the old first suggestion on the branch point (6f8e0c5, checked).

use regard::document::{Document, Kind};
use regard::engine::Engine;
use regard::rule::RuleSet;

/// Each sentence has at least one finding of `rule`, and every one of them
/// shows `first` as its first suggestion.
fn check_first(rule: &str, cases: &[(&str, &str)]) {
    let rules = RuleSet::load(true, &[]).unwrap();
    let engine = Engine::new(&rules).unwrap();
    let mut wrong = Vec::new();
    for (text, first) in cases {
        let doc = Document::new("n.txt".into(), format!("{text}\n"), Kind::Plain);
        let got: Vec<String> = engine
            .lint(&doc)
            .into_iter()
            .filter(|f| rules.rules[f.rule].id == rule)
            .map(|f| f.suggestions.first().cloned().unwrap_or_default())
            .collect();
        if got.is_empty() || got.iter().any(|g| g != first) {
            wrong.push(format!(
                "{rule}: {text}\n  got:  {got:?}\n  want: {first:?}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// A sentence that opens with an adjective or an adverb of degree has no
/// name in it: "What did you see Too do", "What did you see of Untidy"
/// were rated 1 (set w). The person is the pronoun the sentence gives, or
/// "them".
#[test]
fn an_opening_adjective_or_adverb_is_not_a_name() {
    check_first(
        "developmental-verdict",
        &[(
            "Too stuck in her ways to change at 60, coaching is wasted on her.",
            "What did you see her do that read as \"too stuck in her ways\"? Write that, and what she would like to work on.",
        )],
    );
    check_first(
        "appearance-judgement",
        &[(
            "Untidy and scruffy looking, greasy hair, shirt not ironed.",
            "What did you see of them that read as \"scruffy looking, greasy hair\"? If it matters to the work, write that plainly; if not, leave it out.",
        )],
    );
}

/// A role with its kind ("foster father") and a title of another language
/// ("Signor Rossi") are the person whole; "Man", "Boy" opening a sentence
/// are "the man", "the boy" (set w: "the mother" for the foster mother
/// was rated 1, facts changed; "Pinna" for Signor Pinna 2).
#[test]
fn roles_and_titles_are_kept_whole() {
    check_first(
        "deficit-label",
        &[(
            "Foster father is a lazy, useless man.",
            "What did the foster father do or say that read as \"lazy, useless man\"? Write that, and what he might have needed.",
        )],
    );
    check_first(
        "absolute-about-person",
        &[(
            "Signor Rossi sits in his chair all day, every day, full stop.",
            "What did Signor Rossi do or say that read as \"sits in his chair all day, every day, full stop\"? Write that instead.",
        )],
    );
    check_first(
        "appearance-judgement",
        &[(
            "Boy was grubby, jumper torn, looked like nobody at home bothers with him.",
            "What did you see of the boy that read as \"grubby\"? If it matters to the work, write that plainly; if not, leave it out.",
        )],
    );
}

/// An order stays an order: "was told to" is never said "was asked to"
/// (set w: two rows rated 2, facts changed); where the refusal is the
/// judgment, the question asks what the person said when told.
#[test]
fn an_order_is_not_said_as_a_request() {
    check_first(
        "compliance-framing",
        &[(
            "She was instructed to hand in her keys and didn't bother.",
            "What did she say when instructed to hand in her keys? Write that, and what was said to her, in plain words.",
        )],
    );
}

/// What the person did after the order is a fact the question keeps
/// ("and did not" was dropped when "was told to" stopped becoming "was
/// asked to"); a judging act ("didn't bother", above) is not kept.
#[test]
fn the_act_after_an_order_is_kept() {
    check_first(
        "compliance-framing",
        &[
            (
                "Client was told to bring her payslips and did not.",
                "What did the client say when told to bring her payslips, and what got in the way when she did not? Write that, and what was said to her, in plain words.",
            ),
            (
                "Mr Adeyemi was instructed to sign the tenancy form but did not do so.",
                "What did Mr Adeyemi say when instructed to sign the tenancy form, and what got in the way when he did not do so? Write that, and what was said to him, in plain words.",
            ),
        ],
    );
}

/// The writer's sneer at the end of a rewording goes with the judgment
/// ("imagine that", "we've heard that song before", "let's not kid
/// ourselves", "that's the real reason", "I'll believe that when I see
/// it", "the famous … strikes again"): set w kept each, rated 2.
#[test]
fn the_writers_sneer_at_the_end_goes() {
    check_first(
        "credibility-doubt",
        &[
            (
                "Supposedly his aunt in Leeds was ill again, right before the exam, imagine that.",
                "He says his aunt in Leeds was ill again, right before the exam.",
            ),
            (
                "Father insists the younger girl is in bed by eight, but we've heard that song before.",
                "Father says the younger girl is in bed by eight.",
            ),
            (
                "According to her the neighbours \"love\" her parties, I'll believe that when I see it.",
                "According to her the neighbours love her parties.",
            ),
            // "Apparently" is the hearsay: said as the writer's to source,
            // once the sneer after it has gone (it stayed in the rewording).
            (
                "Apparently the taxi \"never turned up\", the famous vanishing taxi strikes again.",
                "The taxi \"never turned up\" (say who told you).",
            ),
        ],
    );
    check_first(
        "assumed-intent",
        &[
            (
                "He only joined the football team to get out of maths, let's not kid ourselves.",
                "He joined the football team.",
            ),
            (
                "He's only going to the gym because his probation officer is watching, that's the real reason.",
                "He's going to the gym because his probation officer is watching.",
            ),
        ],
    );
    // "of all people" is disbelief, not a fact.
    check_first(
        "blame-question",
        &[(
            "Why would you leave a baby with that man of all people?",
            "What was going on for them when they left a baby with that man?",
        )],
    );
}

/// A rhetorical blame question is asked as what makes the act hard, with
/// the act in the question's own words, never quoted back whole (set w:
/// eight such rows, each rated 2). The person is "the childminder" for "a
/// childminder", never the other person the act names.
#[test]
fn a_rhetorical_question_is_asked_from_their_side() {
    check_first(
        "blame-question",
        &[
            (
                "What exactly is so difficult about getting up by eight?",
                "What makes getting up by eight hard for them?",
            ),
            (
                "How hard is it to send a text when the train's delayed, honestly?",
                "What makes it hard for them to send a text when the train's delayed?",
            ),
            (
                "How can a childminder not know where the toddler naps?",
                "What makes it hard for the childminder to know where the toddler naps?",
            ),
            (
                "How can someone keep going back to the same ex after all that?",
                "What keeps them going back to the same ex after all that?",
            ),
            // "keep the letters" is the act, not a habit ("thed letters").
            (
                "How can she keep the letters in a drawer for two years and not see that's a problem?",
                "What does keeping the letters in a drawer for two years mean to her?",
            ),
        ],
    );
}

/// A doubted account's topic is the whole noun ("the food bank", not "the
/// food"); "They claim" is said "They say" by the one swap.
#[test]
fn a_doubted_accounts_topic_is_the_whole_noun() {
    let rules = RuleSet::load(true, &[]).unwrap();
    let engine = Engine::new(&rules).unwrap();
    let doc = Document::new(
        "n.txt".into(),
        "They claim they were at the food bank, which I doubt.\n".into(),
        Kind::Plain,
    );
    let got: Vec<Vec<String>> = engine
        .lint(&doc)
        .into_iter()
        .filter(|f| rules.rules[f.rule].id == "credibility-doubt")
        .map(|f| f.suggestions)
        .collect();
    assert_eq!(
        got,
        vec![vec![
            "They say they were at the food bank.".to_string(),
            "What more would they tell you about the food bank, if you asked?".to_string(),
        ]]
    );
}

/// A name whose length in bytes falls inside a character of the rewording
/// ("café", from a property test's note) is compared by `get`, not by
/// slicing: round 18's claims swap reached the curious question's name
/// check with it, and linting panicked.
#[test]
fn a_name_inside_a_wide_character_does_not_panic() {
    let rules = RuleSet::load(true, &[]).unwrap();
    let engine = Engine::new(&rules).unwrap();
    let text = "---\ntitle: resistant client\n---\n- café claims to resistant \n";
    let doc = Document::new("n.txt".into(), text.into(), Kind::Plain);
    let got: Vec<&str> = engine
        .lint(&doc)
        .iter()
        .map(|f| rules.rules[f.rule].id.as_str())
        .collect();
    assert_eq!(got, ["deficit-label", "credibility-doubt", "deficit-label"]);
}
