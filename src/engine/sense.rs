//! Other senses: a label word that describes a thing (issue 20).
//!
//! Many labels are also everyday adjectives: "an aggressive prostate
//! cancer", "launching into an aggressive market", "non-compliant
//! electrics", "Fire door non-compliant", "a resistant strain", "a
//! difficult week". Every rule gets this check, a user's own too, after
//! its `unless` (as `about.rs`): a candidate is no finding when a word of
//! its match that is in the vocabulary class `thing-label` (the label)
//!
//! - modifies a `thing-noun`: the noun follows it, with at most two words
//!   between that are neither function words nor people ("an aggressive
//!   prostate cancer", not "a difficult client meeting" or "aggressive
//!   with the ward staff");
//! - or is said of one: the noun comes right before it, with only a
//!   copula and degree words between ("the electrics are non-compliant",
//!   "boiler found to be non-compliant"), and the noun is not in a
//!   prepositional phrase or the object of "make" ("Dad at the door
//!   aggressive", "he makes every session difficult" are about a person).
//!
//! The label is found by its word, not by the rule: a word pattern needs no
//! mark, and a verb ("refuses medication") is never a label, whatever its
//! object. Both classes are read from the built-in `vocabulary.yaml`, and
//! a folder's own `vocabulary.yaml` adds to them (`thing-noun: [cladding]`
//! makes "the cladding is non-compliant" a thing's label too): for these
//! two lists of other senses an addition is what a team needs, where for a
//! class a rule uses a folder's class replaces the built-in one. A label
//! said of a person
//! stays a finding: "a difficult client", "she is aggressive", "Pt
//! aggressive to staff", "a chaotic household" (homes are not things here:
//! a chaotic household judges the people in it).

use std::ops::Range;
use std::sync::{Arc, OnceLock};

use crate::suggest::regex::Lazy;

use crate::document::span::{ceil_char_boundary, floor_char_boundary};
use crate::rule::load::{builtin_vocabulary, parse_vocabulary, Source};
use crate::rule::words::{parse, parse_entries, Vocabulary};
use crate::rule::{load_vocabulary, RuleSet};

/// How far the check looks for the sentence around a candidate, in bytes.
const REACH: usize = 200;

/// Words between a label and its noun, at most: "aggressive prostate cancer".
const GAP: usize = 2;

/// Whether the candidate `at` (bytes of `text`, inside `block`) holds a
/// label word that describes a thing rather than a person.
pub(super) fn is_about_a_thing(
    words: Option<&Things>,
    text: &str,
    block: &Range<usize>,
    at: &Range<usize>,
) -> bool {
    let Some(words) = words else {
        return false;
    };
    let matched = &text[at.clone()];
    let mut labels = words.label.find_iter(matched).peekable();
    if labels.peek().is_none() {
        return false;
    }
    let from = floor_char_boundary(text, at.start.saturating_sub(REACH).max(block.start));
    let to = ceil_char_boundary(text, (at.end + REACH).min(block.end));
    let is_end = |c: char| matches!(c, '.' | '!' | '?');
    let start = text[from..at.start]
        .rfind(is_end)
        .map_or(from, |i| from + i + 1);
    let end = text[at.end..to].find(is_end).map_or(to, |i| at.end + i);
    labels.any(|m| {
        let (label_start, label_end) = (at.start + m.start(), at.start + m.end());
        let before = &text[start..label_start];
        (!said_of_a_person(before) && modifies_a_thing(words, &text[label_end..end]))
            || said_of_a_thing(words, before)
    })
}

/// Whether `before`, the sentence before a label, ends with a person it is
/// said of, in a note's shorthand ("Pt non-compliant treatment plan", "Doris
/// very aggressive night shift"): a person word or a name, then at most a
/// copula and degree words.
fn said_of_a_person(before: &str) -> bool {
    let mut rest = before.trim_end();
    loop {
        let word = last_word(rest);
        if word.is_empty() {
            return false;
        }
        if !is_listed(word, DEGREE) {
            // A capital that is not a function word ("A", "The") is a name.
            return is_listed(word, PEOPLE)
                || (!is_listed(word, STOP) && word.starts_with(|c: char| c.is_uppercase()));
        }
        rest = rest[..rest.len() - word.len()].trim_end();
    }
}

/// A copula and degree words between a person and a label said of them.
const DEGREE: &[&str] = &[
    "is",
    "was",
    "are",
    "were",
    "be",
    "been",
    "being",
    "'s",
    "very",
    "so",
    "quite",
    "really",
    "extremely",
    "increasingly",
    "v",
    "still",
    "remains",
    "remained",
    "became",
];

/// Whether `after`, the text after a label, starts with a thing noun, with
/// at most [`GAP`] modifiers before it.
fn modifies_a_thing(words: &Things, after: &str) -> bool {
    let mut rest = after;
    for _ in 0..=GAP {
        rest = rest.trim_start();
        if words.noun_first.is_match(rest) {
            return true;
        }
        let word = first_word(rest);
        if word.is_empty() || is_listed(word, STOP) || is_listed(word, PEOPLE) {
            return false;
        }
        rest = &rest[word.len()..];
    }
    false
}

/// Whether `before`, the sentence before a label, ends with a thing noun as
/// its subject, a copula and degree words between: "Fire door", "the
/// electrics are", "boiler found to be".
fn said_of_a_thing(words: &Things, before: &str) -> bool {
    let mut rest = before.trim_end();
    loop {
        let word = last_word(rest);
        if word.is_empty() || !is_listed(word, LINK) {
            break;
        }
        rest = rest[..rest.len() - word.len()].trim_end();
    }
    noun_is_subject(words, rest)
}

/// Whether `rest` ends with a thing noun that is the subject of what
/// follows: not in a prepositional phrase or the object of "make" ("Dad at
/// the door", "makes every session"), unless the phrase follows a thing
/// noun itself ("the hoist in the bathroom").
fn noun_is_subject(words: &Things, rest: &str) -> bool {
    let Some(noun) = words.noun_last.find(rest) else {
        return false;
    };
    let clause = &rest[..noun.start()];
    let clause = clause
        .rfind([',', ';', ':', '(', '—', '–'])
        .map_or(clause, |i| &clause[i + 1..]);
    let mut end = clause.len();
    for _ in 0..3 {
        let word = last_word(clause[..end].trim_end());
        if word.is_empty() {
            return true;
        }
        let start = clause[..end].trim_end().len() - word.len();
        if is_listed(word, NOT_SUBJECT) {
            return LOCATIVE.iter().any(|p| p.eq_ignore_ascii_case(word))
                && noun_is_subject(words, clause[..start].trim_end());
        }
        end = start;
    }
    true
}

/// Prepositions that may follow a thing noun in its own phrase: "the hoist
/// in the bathroom", "the fire door on the landing".
const LOCATIVE: &[&str] = &[
    "in", "on", "at", "by", "near", "outside", "inside", "behind",
];

fn first_word(text: &str) -> &str {
    let end = text
        .find(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        .unwrap_or(text.len());
    &text[..end]
}

fn last_word(text: &str) -> &str {
    let start = text
        .rfind(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        .map_or(0, |i| {
            i + text[i..].chars().next().map_or(1, char::len_utf8)
        });
    &text[start..]
}

fn is_listed(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Words that end the search for a label's noun: what follows them is not
/// what the label modifies ("aggressive with staff", "difficult this week").
const STOP: &[&str] = &[
    "a",
    "an",
    "the",
    "this",
    "that",
    "these",
    "those",
    "his",
    "her",
    "their",
    "its",
    "my",
    "our",
    "your",
    "he",
    "she",
    "they",
    "it",
    "we",
    "i",
    "you",
    "him",
    "them",
    "me",
    "us",
    "with",
    "to",
    "for",
    "of",
    "in",
    "on",
    "at",
    "by",
    "from",
    "and",
    "or",
    "but",
    "as",
    "than",
    "then",
    "when",
    "while",
    "because",
    "after",
    "before",
    "about",
    "into",
    "over",
    "under",
    "towards",
    "toward",
    "during",
    "not",
    "no",
    "is",
    "was",
    "are",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "today",
    "tonight",
    "yesterday",
    "again",
    "last",
    "every",
    "all",
    "each",
    "most",
    "some",
    "one",
    "so",
    "very",
    "if",
    "until",
    "since",
    "throughout",
    "around",
];

/// People, who are not things: "a difficult client meeting" is about the
/// client.
const PEOPLE: &[&str] = &[
    "client",
    "clients",
    "patient",
    "patients",
    "pt",
    "parent",
    "parents",
    "mum",
    "mom",
    "dad",
    "mother",
    "father",
    "family",
    "families",
    "child",
    "children",
    "kid",
    "kids",
    "man",
    "woman",
    "men",
    "women",
    "boy",
    "girl",
    "lad",
    "lads",
    "person",
    "people",
    "individual",
    "resident",
    "residents",
    "tenant",
    "tenants",
    "pupil",
    "pupils",
    "student",
    "students",
    "young",
    "user",
    "users",
    "customer",
    "customers",
    "coachee",
    "coachees",
    "teenager",
    "teenagers",
    "son",
    "daughter",
    "partner",
    "husband",
    "wife",
    "baby",
    "lady",
    "gentleman",
    "staff",
    "carer",
    "carers",
    "nurse",
    "nurses",
    "worker",
    "workers",
    "manager",
    "colleague",
    "colleagues",
    "supervisee",
    "he",
    "she",
    "they",
    "him",
    "her",
    "them",
    "who",
];

/// A copula, degree and time words between a thing and what is said of it:
/// "the electrics are", "boiler found to be", "door still".
const LINK: &[&str] = &[
    "is",
    "was",
    "are",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "'s",
    "seems",
    "seemed",
    "looks",
    "looked",
    "appears",
    "appeared",
    "remains",
    "remained",
    "became",
    "become",
    "becoming",
    "found",
    "deemed",
    "considered",
    "rated",
    "declared",
    "certified",
    "to",
    "still",
    "also",
    "now",
    "currently",
    "very",
    "quite",
    "extremely",
    "really",
    "so",
    "too",
    "rather",
    "pretty",
    "increasingly",
    "more",
    "most",
    "less",
    "highly",
    "clearly",
    "potentially",
    "possibly",
    "likely",
    "fairly",
    "somewhat",
    "particularly",
    "unusually",
    "getting",
    "got",
    "proved",
    "proving",
    "turned",
    "out",
    "all",
    "both",
    "again",
    "as",
];

/// Before a noun: it is not the subject of what follows ("at the door",
/// "makes every session").
const NOT_SUBJECT: &[&str] = &[
    "at", "in", "on", "by", "near", "from", "to", "into", "onto", "with", "outside", "inside",
    "behind", "past", "through", "across", "during", "after", "before", "over", "under", "around",
    "about", "towards", "toward", "beside", "between", "against", "for", "make", "makes", "made",
    "making", "render", "renders", "rendered", "keep", "keeps", "kept",
];

/// The classes `thing-label` and `thing-noun`, compiled.
pub(crate) struct Things {
    /// A label word with a thing sense, anywhere in a match.
    label: Lazy,
    /// A thing noun at the start of the text.
    noun_first: Lazy,
    /// A thing noun at the end of the text.
    noun_last: Lazy,
}

impl Things {
    /// The classes of the vocabulary `set` loaded: the built-in ones,
    /// compiled once, and a folder's `thing-label` and `thing-noun` added to
    /// them (its entries may use its other classes). `None` if they cannot
    /// be compiled (a unit test holds the built-in vocabulary to having them).
    pub(crate) fn for_set(set: &RuleSet) -> Option<Arc<Things>> {
        if set.vocabularies.is_empty() {
            return builtin_things();
        }
        let builtin = classes(&builtin_vocabulary().text, &["thing-label", "thing-noun"])?;
        let mut sources = vec![builtin_vocabulary()];
        sources.extend(set.vocabularies.iter().cloned());
        // The folder's vocabulary has been checked by `RuleSet::load`.
        let folder = load_vocabulary(&sources, &mut Vec::new());
        Things::compile(&[&builtin, &folder])
            .map(Arc::new)
            .or_else(builtin_things)
    }

    /// The classes, each the union of its entries in `vocabularies`.
    fn compile(vocabularies: &[&Vocabulary]) -> Option<Things> {
        let class = |name: &str| {
            let alts = parse(&format!("<{name}>")).ok()?;
            let each: Option<Vec<String>> = vocabularies
                .iter()
                .map(|v| v.compile_pattern(&alts).ok())
                .collect();
            Some(format!("(?:{})", each?.join(")|(?:")))
        };
        let (label, noun) = (class("thing-label")?, class("thing-noun")?);
        // Guarded and compiled on first use; a folder's classes are compiled
        // now, so that one which does not compile falls back to the
        // built-in ones here rather than failing later.
        let folder = vocabularies.len() > 1;
        let build = |p: String| {
            Lazy::new(&format!("(?i:{p})"))
                .ok()
                .filter(|r| !folder || r.try_regex().is_ok())
        };
        Some(Things {
            label: build(label)?,
            noun_first: build(format!("^(?:{noun})"))?,
            noun_last: build(format!("(?:{noun})$"))?,
        })
    }
}

/// The built-in classes, compiled once: read alone from the built-in
/// vocabulary, without parsing the rest of it.
fn builtin_things() -> Option<Arc<Things>> {
    static THINGS: OnceLock<Option<Arc<Things>>> = OnceLock::new();
    THINGS
        .get_or_init(|| {
            // The embedded text itself: a copy was 200 KB at every start.
            let text = crate::rule::load::builtin_vocabulary_text();
            let vocabulary = classes(text, &["thing-label", "thing-noun"])?;
            Things::compile(&[&vocabulary]).map(Arc::new)
        })
        .clone()
}

/// The classes `names` of the vocabulary file `text`, read alone: the
/// lines from `NAME:` to the next line that starts a key. A class read so
/// must not use other classes.
fn classes(text: &str, names: &[&str]) -> Option<Vocabulary> {
    let mut vocabulary = Vocabulary::default();
    for name in names {
        let head = format!("\n{name}:\n");
        let body = &text[text.find(&head)? + head.len()..];
        let len: usize = body
            .lines()
            .take_while(|l| l.is_empty() || l.starts_with([' ', '#']))
            .map(|l| l.len() + 1)
            .sum();
        let source = Source {
            name: "vocabulary.yaml (built-in)".into(),
            text: format!("{}{}", &head[1..], &body[..len.min(body.len())]),
            builtin: true,
        };
        let file = parse_vocabulary(&source).ok()?;
        let entries = file.get(*name)?;
        let parsed = parse_entries(entries.iter().map(|e| e.value.as_str())).ok()?;
        vocabulary.insert((*name).to_string(), parsed);
    }
    Some(vocabulary)
}

#[cfg(test)]
mod tests {
    use super::{builtin_things, is_about_a_thing};

    /// Whether the first occurrence of `word` in `sentence` describes a thing.
    fn thing(sentence: &str, word: &str) -> bool {
        let start = sentence.find(word).expect("the word is in the sentence");
        let things = builtin_things();
        is_about_a_thing(
            things.as_deref(),
            sentence,
            &(0..sentence.len()),
            &(start..start + word.len()),
        )
    }

    #[test]
    fn the_classes_are_read_from_the_vocabulary() {
        assert!(builtin_things().is_some());
    }

    #[test]
    fn labels_of_things_are_recognised() {
        for (sentence, word) in [
            (
                "He has an aggressive prostate cancer and starts radiation next week.",
                "aggressive",
            ),
            (
                "She's launching into an aggressive market with three big competitors.",
                "aggressive",
            ),
            (
                "Pt's home has non-compliant electrics per the OT home visit.",
                "non-compliant",
            ),
            (
                "Fire door non-compliant, reported to the housing association.",
                "non-compliant",
            ),
            ("The boiler was found to be non-compliant.", "non-compliant"),
            ("A resistant strain of TB was found.", "resistant"),
            ("It has been a difficult week for all of us.", "difficult"),
            (
                "Her cancer is aggressive, the consultant said.",
                "aggressive",
            ),
            ("She found the conversation difficult.", "difficult"),
            (
                "Aggressive dog at the property; visit in pairs.",
                "Aggressive",
            ),
            (
                "The hoist in the bathroom is non-compliant and out of use.",
                "non-compliant",
            ),
            (
                "Her consultant described the tumour as aggressive but treatable.",
                "aggressive",
            ),
        ] {
            assert!(thing(sentence, word), "{sentence}");
        }
    }

    #[test]
    fn labels_of_people_are_not() {
        for (sentence, word) in [
            ("A difficult client meeting again.", "difficult"),
            ("She is aggressive.", "She is aggressive"),
            ("Pt aggressive to staff overnight.", "aggressive"),
            ("Dad at the door aggressive and shouting.", "aggressive"),
            ("Mum in the kitchen at the door aggressive.", "aggressive"),
            ("He makes every session difficult.", "difficult"),
            ("Mum was difficult this morning.", "difficult"),
            ("She was aggressive with the ward staff.", "aggressive"),
            ("A chaotic household, as ever.", "chaotic"),
            ("He refuses medication.", "refuses"),
            ("Pt non-compliant treatment plan again.", "non-compliant"),
            ("Doris very aggressive night shift.", "aggressive"),
            ("Very aggressive session with Dad today.", "aggressive"),
            ("She is a difficult case.", "difficult"),
            ("Client was resistant to feedback today.", "resistant"),
        ] {
            assert!(!thing(sentence, word), "{sentence}");
        }
    }
}
