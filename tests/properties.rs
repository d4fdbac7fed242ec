//! Property tests: invariants of checking that must hold for any note.
//!
//! The generators build Markdown-ish and plain text from the pieces notes are
//! made of: words and phrases the rules look for, quotation marks, emoji,
//! accents, CRLF, tabs, code spans and fences, HTML comments, list markers,
//! block quotes, front matter and suppression directives. The rules are the
//! built-in pack plus `tests/properties/rules/`, which adds a safe and an
//! unsafe fix, so that fixing is exercised too.
//!
//! Each property runs 256 cases, a few seconds in all.

use std::sync::OnceLock;

use proptest::prelude::*;
use proptest::sample::select;
use regard::document::{Document, Kind, LineIndex, Span};
use regard::engine::{Engine, Finding};
use regard::rule::Applicability;

use crate::common::property_rules as rules;

fn engine() -> &'static Engine<'static> {
    static ENGINE: OnceLock<Engine<'static>> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::new(rules()).expect("the engine builds"))
}

/// Words and phrases, judgmental and not, and inline odds and ends.
const WORDS: &[&str] = &[
    "Client",
    "she",
    "he",
    "they",
    "was",
    "is",
    "the",
    "session",
    "today",
    "and",
    "a",
    "to",
    "resistant",
    "Resistant",
    "resistance",
    "claims",
    "Claims",
    "claimed",
    "claims to",
    "insists",
    "insisted",
    "in denial",
    "in",
    "denial",
    "lazy",
    "LAZY",
    "stubborn",
    "stubbornly",
    "non-compliant",
    "failed to",
    "refused to",
    "apparently",
    "allegedly",
    "why does she keep",
    "Why does he keep cancelling?",
    "why won't he just",
    "always",
    "never",
    "should have known better",
    "overreacting",
    "unkempt",
    "insurance",
    "claim",
    "said",
    "says",
    "it’s",
    "client’s",
    "café",
    "naïve",
    "Zoë",
    "😀",
    "👍🏽",
    "—",
    "…",
    "“",
    "”",
    "‘",
    "’",
    "'",
    "\"",
    ".",
    ",",
    "?",
    "!",
    ":",
    "(",
    ")",
    "*",
    "**",
    "_",
    "~~",
    "`",
    "``",
    "`resistant`",
    "[",
    "]",
    "](x)",
    "[claims](https://x.org)",
    "![lazy](a.png)",
    "https://x.org/lazy",
    "<b>",
    "</b>",
    "<!-- in denial -->",
    "<!--",
    "-->",
    "\\",
    "\\*",
    "[^1]",
    "|",
    "#",
    "\u{a0}",
    "\u{feff}",
    "\u{301}",
    "\u{200d}",
];

/// White space between words.
const GAPS: &[&str] = &[" ", " ", " ", "  ", "\t", "\n", "\r\n", "\n  ", "\u{a0}"];

/// Markers a line may start with.
const PREFIXES: &[&str] = &[
    "",
    "",
    "",
    "- ",
    "* ",
    "+ ",
    "1. ",
    "2) ",
    "- [ ] ",
    "> ",
    ">> ",
    "> - ",
    "# ",
    "## ",
    "    ",
    "\t",
    "  ",
    "| ",
    "• ",
    "[regard-ignore deficit-label: quoted] ",
    "<!-- regard-ignore credibility-doubt: court wording --> ",
];

/// Lines that stand on their own.
const SPECIAL_LINES: &[&str] = &[
    "",
    "",
    "---",
    "***",
    "===",
    "|---|---|",
    "[ref]: https://x.org/lazy",
    "```",
    "~~~",
    "```text",
    "<!-- regard-disable deficit-label: transcript -->",
    "<!-- regard-enable deficit-label -->",
    "[regard-disable credibility-doubt: court]",
    "<!-- regard-ignore-next-line blame-question: quoted -->",
    "-->",
];

fn line(words: impl Strategy<Value = String>) -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (select(PREFIXES), words).prop_map(|(p, w)| format!("{p}{w}")),
        1 => select(SPECIAL_LINES).prop_map(str::to_string),
    ]
}

fn words(vocabulary: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop::collection::vec((select(vocabulary), select(GAPS)), 0..10).prop_map(|ws| {
        ws.into_iter().fold(String::new(), |mut s, (w, g)| {
            s.push_str(w);
            s.push_str(g);
            s
        })
    })
}

/// A note: optional byte-order mark and front matter, then lines.
fn note() -> impl Strategy<Value = String> {
    let front = prop_oneof![
        Just(String::new()),
        Just("---\ntitle: resistant client\n---\n".to_string()),
        Just("+++\ntags = [\"in denial\"]\n+++\r\n".to_string()),
        Just("---\nunterminated: claims\n".to_string()),
    ];
    let eol = select(&["\n", "\n", "\r\n", ""][..]);
    (
        any::<bool>(),
        front,
        prop::collection::vec((line(words(WORDS)), eol), 0..12),
    )
        .prop_map(|(bom, front, lines)| {
            let mut s = String::new();
            if bom {
                s.push('\u{feff}');
            }
            s.push_str(&front);
            for (l, e) in lines {
                s.push_str(&l);
                s.push_str(e);
            }
            s
        })
}

fn kind() -> impl Strategy<Value = Kind> {
    prop_oneof![Just(Kind::Markdown), Just(Kind::Plain)]
}

fn lint(text: &str, kind: Kind) -> (Document, Vec<Finding>) {
    let doc = Document::new("note.md".into(), text.to_string(), kind);
    let findings = engine().lint(&doc);
    (doc, findings)
}

/// Line and column of `offset` by counting, not by `LineIndex`: lines end at
/// `\n`; columns count characters from the line start, after a byte-order mark.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let mut line_start = before.rfind('\n').map_or(0, |i| i + 1);
    if line_start == 0 && before.starts_with('\u{feff}') {
        line_start = 3;
    }
    (line, text[line_start..offset].chars().count() + 1)
}

fn fix_edits(findings: &[Finding], unsafe_fixes: bool) -> Vec<(Span, &str)> {
    findings
        .iter()
        .filter_map(|f| {
            f.fix
                .as_ref()
                .filter(|e| regard::fix::wanted(e, unsafe_fixes))
                .map(|e| (f.span, e.replacement.as_str()))
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn spans_lie_in_the_note_on_character_boundaries(text in note(), kind in kind()) {
        let (doc, findings) = lint(&text, kind);
        for f in &findings {
            prop_assert!(f.span.start <= f.span.end, "{:?}", f);
            prop_assert!(f.span.end <= doc.text.len(), "{:?}", f);
            prop_assert!(doc.text.is_char_boundary(f.span.start), "{:?} in {:?}", f, text);
            prop_assert!(doc.text.is_char_boundary(f.span.end), "{:?} in {:?}", f, text);
        }
    }

    #[test]
    fn line_and_column_agree_with_the_offset(text in note(), kind in kind()) {
        let (doc, findings) = lint(&text, kind);
        let index = LineIndex::new(&doc.text);
        for f in &findings {
            for offset in [f.span.start, f.span.end] {
                let p = index.position(offset);
                prop_assert_eq!(p.offset, offset);
                prop_assert_eq!((p.line, p.column), line_column(&doc.text, offset), "{:?}", f);
            }
        }
    }

    #[test]
    fn linting_is_deterministic(text in note(), kind in kind()) {
        let (doc, first) = lint(&text, kind);
        let again = Document::new("note.md".into(), text.clone(), kind);
        prop_assert_eq!(&doc.prose.text, &again.prose.text);
        prop_assert_eq!(&doc.prose.blocks, &again.prose.blocks);
        prop_assert_eq!(&first, &engine().lint(&again));
    }

    #[test]
    fn fixing_converges_and_leaves_nothing_to_fix(
        text in note(),
        kind in kind(),
        unsafe_fixes in any::<bool>(),
    ) {
        let mut text = text;
        let mut converged = false;
        for _ in 0..regard::fix::MAX_ROUNDS {
            let (doc, findings) = lint(&text, kind);
            let edits = fix_edits(&findings, unsafe_fixes);
            if edits.is_empty() {
                converged = true;
                break;
            }
            text = regard::fix::apply(&doc.text, &edits);
        }
        prop_assert!(converged, "still fixing after {} rounds: {:?}", regard::fix::MAX_ROUNDS, text);
        let (_, findings) = lint(&text, kind);
        prop_assert!(fix_edits(&findings, unsafe_fixes).is_empty());
        if !unsafe_fixes {
            prop_assert!(findings.iter().all(|f| f
                .fix
                .as_ref()
                .is_none_or(|e| e.applicability == Applicability::Unsafe)));
        }
    }
}

/// Vocabulary without code markers, comment markers or anything that could
/// open or close a fence, for text around and inside code.
const PLAIN_WORDS: &[&str] = &[
    "Client",
    "she",
    "was",
    "resistant",
    "claims",
    "in denial",
    "lazy",
    "why does she keep",
    "Why won't he just try?",
    "café",
    "😀",
    "“",
    "”",
    "'",
    "\"",
    ".",
    ",",
    "*",
    "_",
    "-",
    "[x]",
    "(y)",
    "#",
    "\u{a0}",
];

/// A fenced code block full of judgmental phrases, and where its inside is.
fn fence() -> impl Strategy<Value = (String, String, String)> {
    (
        select(&["", " ", "  ", "   ", "> ", "> > "][..]),
        select(&["```", "````", "~~~", "~~~~~"][..]),
        select(&["", "text", " markdown", "yaml {.x}"][..]),
        prop::collection::vec(words(PLAIN_WORDS), 1..5),
        select(&["\n", "\r\n"][..]),
        any::<bool>(),
    )
        .prop_map(|(indent, marker, info, lines, eol, closed)| {
            let open = format!("{indent}{marker}{info}{eol}");
            let mut inside = String::new();
            for l in lines {
                // A content line must not itself close the fence.
                inside.push_str(&format!(
                    "{indent}resistant {} in denial{eol}",
                    l.trim_end()
                ));
            }
            let close = if closed {
                format!("{indent}{marker}{eol}")
            } else {
                String::new()
            };
            (open, inside, close)
        })
}

/// Lines around the code: anything but fences (which could pair up with ours).
fn surrounding() -> impl Strategy<Value = String> {
    prop::collection::vec(line(words(WORDS)), 0..6).prop_map(|ls| {
        ls.into_iter()
            .filter(|l| !l.contains("```") && !l.contains("~~~"))
            .map(|l| l + "\n")
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn markdown_never_lints_inside_a_fence(
        before in surrounding(),
        (open, inside, close) in fence(),
        after in surrounding(),
    ) {
        let text = format!("{before}\n{open}{inside}{close}{after}");
        let from = before.len() + 1 + open.len();
        let to = from + inside.len();
        let (_, findings) = lint(&text, Kind::Markdown);
        for f in &findings {
            prop_assert!(
                !(from..to).contains(&f.span.start),
                "{:?} is inside the fence {:?} of {:?}", f, from..to, text
            );
        }
    }

    #[test]
    fn markdown_never_lints_inside_a_code_span(
        before in surrounding(),
        ticks in select(&["`", "``", "```"][..]),
        left in words(PLAIN_WORDS),
        code in words(PLAIN_WORDS),
        right in words(PLAIN_WORDS),
    ) {
        // One line: code spans do not cross lines.
        let one_line = |s: &str| s.replace(['\n', '\r'], " ");
        let (left, code, right) = (one_line(&left), one_line(&code), one_line(&right));
        let line = format!("{left} {ticks}in denial {code} resistant{ticks} {right}");
        let text = format!("{before}\n{line}\n");
        let from = before.len() + 1 + left.len() + 1;
        let to = from + ticks.len() * 2 + "in denial  resistant".len() + code.len();
        let (_, findings) = lint(&text, Kind::Markdown);
        for f in &findings {
            prop_assert!(
                !(from..to).contains(&f.span.start),
                "{:?} is inside the code span {:?} of {:?}", f, from..to, text
            );
        }
    }
}

/// People a sentence may be about, with their gender (`Some(true)` for
/// female), and the relative of the other gender each may name.
const PEOPLE: &[(&str, Option<bool>, &str)] = &[
    ("She", Some(true), "her husband"),
    ("He", Some(false), "his wife"),
    ("Mum", Some(true), "her son"),
    ("Dad", Some(false), "his daughter"),
    ("Mrs Khan", Some(true), "her brother"),
    ("Mr Okoye", Some(false), "his sister"),
    ("Leila", None, "the neighbour"),
    ("The client", None, "the neighbour"),
];

/// Judgment adjectives, alone or listed, as notes write them.
const LABELS: &[&str] = &[
    "hostile",
    "obstructive and hostile",
    "Chaotic and unmotivated",
    "Manipulative",
    "surly, sullen and uncooperative",
    "very difficult and obstructive",
    "argumentative",
    "aggressive",
    "defensive and prickly",
    "unkempt",
    "overreacting",
];

/// Facts beside the judgment: a time, a place, a medicine, a risk.
const FACTS: &[&str] = &[
    "at teatime",
    "during the home visit on Tuesday",
    "about the methadone script",
    "when the safety plan was raised",
    "in the corridor at 3pm",
];

/// Sentences with a judgment, a person and facts, in the shapes notes
/// use: the person first, the label first, the person only as someone's
/// relative after the label.
fn judged_sentence() -> impl Strategy<Value = (String, Option<bool>)> {
    (0..PEOPLE.len(), select(LABELS), select(FACTS), 0..4usize).prop_map(
        |(p, label, fact, shape)| {
            let (name, female, relative) = PEOPLE[p];
            let lower_label = label.to_lowercase();
            match shape {
                0 => (format!("{name} was {lower_label} {fact}."), female),
                1 => (
                    format!("{name} was {lower_label} {fact}, wouldn't let anyone help."),
                    female,
                ),
                // "Hostile towards his wife": the person is the one the
                // possessive belongs to, of the other gender.
                2 => {
                    let (cap, rest) = label.split_at(1);
                    let gender = match relative.split(' ').next() {
                        Some("her") => Some(true),
                        Some("his") => Some(false),
                        _ => None,
                    };
                    (
                        format!("{}{rest} towards {relative} {fact}.", cap.to_uppercase()),
                        gender,
                    )
                }
                _ => {
                    let (cap, rest) = label.split_at(1);
                    (format!("{}{rest} {fact}.", cap.to_uppercase()), None)
                }
            }
        },
    )
}

const FEMALE: &[&str] = &["she", "her", "hers", "herself"];
const MALE: &[&str] = &["he", "him", "his", "himself"];

fn lower_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The text inside the parentheses of a suggestion: its asks.
fn asks(suggestion: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in suggestion.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ if depth > 0 => out.push(c),
            _ => {}
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// No suggestion speaks of the person with a pronoun of another gender
    /// than the sentence gives them: not in an ask ("… (what she did or
    /// said)"), and not in the rewording, where a pronoun of the other
    /// gender may appear only as often as the sentence has it (about
    /// someone else). Where the sentence gives no gender, an ask uses none.
    #[test]
    fn no_suggestion_has_a_pronoun_of_another_gender((text, female) in judged_sentence()) {
        let (_, findings) = lint(&text, Kind::Plain);
        let own = lower_words(&text);
        let count = |words: &[String], set: &[&str]| words.iter().filter(|w| set.contains(&w.as_str())).count();
        for f in &findings {
            for s in &f.suggestions {
                let in_asks = lower_words(&asks(s));
                let all = lower_words(s);
                let (wrong, right): (&[&str], &[&str]) = match female {
                    Some(true) => (MALE, FEMALE),
                    Some(false) => (FEMALE, MALE),
                    None => (&[], &[]),
                };
                prop_assert_eq!(count(&in_asks, wrong), 0, "{:?} → {:?}", text, s);
                prop_assert!(count(&all, wrong) <= count(&own, wrong), "{:?} → {:?}", text, s);
                if female.is_none() {
                    prop_assert_eq!(count(&in_asks, MALE) + count(&in_asks, FEMALE), 0, "{:?} → {:?}", text, s);
                }
                let _ = right;
            }
        }
    }

    /// An ask names nobody the sentence does not name as a person: a
    /// capitalised adjective that opens the sentence ("Chaotic and
    /// unmotivated") is not a name to ask about.
    #[test]
    fn asks_name_only_people((text, _) in judged_sentence()) {
        let (_, findings) = lint(&text, Kind::Plain);
        for f in &findings {
            for s in &f.suggestions {
                for word in asks(s).split_whitespace() {
                    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
                    let capital = word.starts_with(char::is_uppercase);
                    let person = PEOPLE.iter().any(|(name, _, _)| name.split(' ').any(|n| n == word));
                    prop_assert!(!capital || person || word == "I", "{:?} → {:?} asks about {:?}", text, s, word);
                }
            }
        }
    }

    /// A suggestion adds no fact and keeps every fact: no number, day or
    /// medicine that the sentence lacks, and every word of the sentence's
    /// facts (time, place, medicine, risk) in the first suggestion.
    #[test]
    fn suggestions_keep_the_facts_and_add_none((text, _) in judged_sentence()) {
        let (_, findings) = lint(&text, Kind::Plain);
        let own = lower_words(&text);
        let fact = FACTS.iter().find(|f| text.contains(*f)).expect("a fact in every sentence");
        for f in &findings {
            for s in &f.suggestions {
                for w in lower_words(s) {
                    let number = w.chars().any(|c| c.is_ascii_digit());
                    let day = w.ends_with("day") && w.len() > 5;
                    prop_assert!(own.contains(&w) || !(number || day || w == "methadone"),
                        "{:?} → {:?} adds {:?}", text, s, w);
                }
            }
            let Some(first) = f.suggestions.first() else { continue };
            let kept = lower_words(first);
            for w in lower_words(fact) {
                prop_assert!(kept.contains(&w), "{:?} → {:?} drops {:?}", text, first, w);
            }
        }
    }
}
