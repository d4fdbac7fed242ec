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
    let out = stdout(&regard(&["check", "--color", "never", note.to_str().unwrap()]));
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
    let got = nth_suggestions("Mr Tate has still not returned the forms, despite reminders.", 0);
    assert_eq!(
        got,
        [(
            "compliance-framing".to_string(),
            "Mr Tate has still not returned the forms, though reminded.".to_string()
        )]
    );
}
