//! `Unless`: a rule's `unless` entries on one side of a match, searched in
//! the text beside it.
//!
//! The entries are held two ways, and both give the same answer: all of
//! them in one regex, and each alone with its trigger words. Checking many
//! notes, the one regex is compiled once (with a lazy DFA) and searched at
//! every candidate. A pre-commit hook checking one note meets a handful of
//! candidates, and compiling a rule's whole `unless` list was most of its
//! run, so there each entry is compiled
//! only when the text beside the match holds its trigger words, which it
//! rarely does.

use super::pattern::{Pattern, Speed};

/// Which side of the match the entries look at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The text before the match; an entry must end where the match starts.
    Before,
    /// The text after the match; an entry must start where the match ends.
    After,
}

impl Side {
    /// An entry as it is searched: anchored at the match (only white space
    /// between), and meeting a word boundary where it starts (before) or
    /// ends (after) with a word character, so `not` does not fire inside
    /// `cannot`.
    pub fn anchor(self, entries: &[&str]) -> String {
        let alternatives: Vec<String> = entries
            .iter()
            .map(|e| match self {
                Side::Before if e.starts_with(|c: char| c.is_alphanumeric()) => {
                    format!(r"\b(?:{e})")
                }
                Side::After if e.ends_with(|c: char| c.is_alphanumeric()) => {
                    format!(r"(?:{e})\b")
                }
                _ => format!("(?:{e})"),
            })
            .collect();
        let joined = alternatives.join("|");
        match self {
            Side::Before => format!(r"(?:{joined})\s*$"),
            Side::After => format!(r"^\s*(?:{joined})"),
        }
    }
}

#[derive(Debug)]
pub struct Unless {
    /// Every entry in one regex.
    joined: Pattern,
    /// Each entry alone, anchored like `joined`, with the triggers of the
    /// entry as written.
    entries: Vec<Pattern>,
}

impl Unless {
    /// `joined` is `side.anchor(all entries)`, and `entries[i]` is
    /// `side.anchor(&[entry i])` with that entry's triggers.
    pub fn new(joined: Pattern, entries: Vec<Pattern>) -> Unless {
        Unless { joined, entries }
    }

    /// All entries in one regex.
    pub fn joined(&self) -> &Pattern {
        &self.joined
    }

    /// Each entry alone.
    pub fn entries(&self) -> &[Pattern] {
        &self.entries
    }

    /// Whether an entry matches in `beside`, the text on its side of a match
    /// (ending, or starting, at the match).
    pub fn is_match(&self, beside: &str, speed: Speed) -> bool {
        // An entry's program (`program.rs`) if it has one: no regex to
        // compile; else its regex, as before.
        let found = |p: &Pattern, speed: Speed| match p.program().and_then(|g| g.is_match(beside)) {
            Some(found) => found,
            None => p.regex(speed).is_match(beside),
        };
        match speed {
            Speed::Fast => found(&self.joined, Speed::Fast),
            Speed::Lean => {
                let lower = beside.to_ascii_lowercase();
                self.entries
                    .iter()
                    .any(|e| e.may_match(&lower) && found(e, Speed::Lean))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unless(side: Side, entries: &[&str]) -> Unless {
        let each = entries
            .iter()
            .map(|e| {
                Pattern::parse(e)
                    .expect("test entries parse")
                    .wrapped(&side.anchor(&[e]))
            })
            .collect();
        Unless::new(Pattern::unchecked(&side.anchor(entries)), each)
    }

    #[test]
    fn anchors_each_side_at_the_match_with_word_boundaries() {
        assert_eq!(
            Side::Before.anchor(&["not", "-"]),
            r"(?:\b(?:not)|(?:-))\s*$"
        );
        assert_eq!(
            Side::After.anchor(&["resistance"]),
            r"^\s*(?:(?:resistance)\b)"
        );
    }

    #[test]
    fn both_ways_of_searching_agree() {
        let before = unless(
            Side::Before,
            &[
                "(wondered|asked)( (her|him))?[,:]?",
                "not",
                "[a-z]-",
                "treatment-",
            ],
        );
        let cases = [
            ("she wondered ", true),
            ("She ASKED him: ", true),
            ("he asked her then ", false),
            ("it is not ", true),
            ("it cannot ", false),
            ("anti-", true),
            ("Treatment-", true),
            ("", false),
            ("wondered about it ", false),
        ];
        for (text, expected) in cases {
            for speed in [Speed::Lean, Speed::Fast] {
                assert_eq!(before.is_match(text, speed), expected, "{text:?} {speed:?}");
            }
        }
        let after = unless(Side::After, &["to (antibiotics|treatment)", "-"]);
        for (text, expected) in [
            (" to Antibiotics.", true),
            (" to her", false),
            ("-led", true),
        ] {
            for speed in [Speed::Lean, Speed::Fast] {
                assert_eq!(after.is_match(text, speed), expected, "{text:?} {speed:?}");
            }
        }
    }

    #[test]
    fn lean_search_skips_entries_whose_words_are_absent() {
        let before = unless(Side::Before, &["asked", "not"]);
        assert!(!before.is_match("we talked ", Speed::Lean));
        assert!(before.entries().iter().all(|e| !e.is_compiled(Speed::Lean)));
        assert!(before.is_match("she asked ", Speed::Lean));
        // The entry that could match was searched by its program
        // (`program.rs`): no regex compiled for it either.
        assert!(before.entries()[0].program().is_some());
        assert!(before.entries().iter().all(|e| !e.is_compiled(Speed::Lean)));
    }
}
