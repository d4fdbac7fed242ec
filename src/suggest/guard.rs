//! The facts guard (round 14): a rewording offered as the sentence said
//! another way keeps the sentence's facts, and is a clause.
//!
//! The blind supervisor of set q rated 1 or 2 rewordings that read well
//! but had lost what the note was for: "Swears blind she uses condoms
//! without exception, which is hard to square with today's results." →
//! "Says she uses condoms without exception." (today's results gone);
//! "Faked a stomachache to get out of school block, same as last week." →
//! "Had a stomachache, same as last week."; "Why does he bother coming if
//! the aids live in the drawer?" → "He has come."; "If he's truly found
//! the Lord, why …?" → "If he's truly found the Lord.". Each path that
//! builds a rewording has its own reasons to drop words; this check reads
//! only the result against the sentence, whichever path built it:
//!
//! - every number, time and date of the sentence is in the rewording
//!   ("4kg", "23:00", "03/03", "two years", "a thirteen-year-old"), and
//!   every capitalised name that does not open a sentence ("the Lord",
//!   "Police Scotland"), wherever it stood;
//! - every thing the sentence names outside the judged words is in it,
//!   by its stem ("letters" and "letter" are one word): a word after a
//!   determiner, a possessive or a preposition, or one word after one
//!   ("the parole board", "her tribunal hearing", "of school block").
//!   Verbs are not asked for: the rules' swaps change them ("brings" →
//!   "has brought", "ignored" → "has not acted on"). The judged words are the
//!   finding's own (a whole question's words only where the question is
//!   short), the asides and verdicts `compose` and `label` know, and the
//!   words that carry no fact: function words, "-ly" adverbs, judgment
//!   adjectives;
//! - it is a clause: not an "if"/"when"/"although" part alone, not one or
//!   two words.
//!
//! A rewording that fails is not offered; the question is (`finish`).

use std::collections::HashSet;
use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use super::label;
use super::regex::Lazy;

/// Words that carry no fact of their own: function words, copulas,
/// auxiliaries, intensifiers, and the frame of a blame question ("why
/// does he bother", "what exactly did she imagine", "would it kill her").
const NO_FACT: &[&str] = &[
    "a",
    "an",
    "the",
    "and",
    "or",
    "but",
    "so",
    "of",
    "to",
    "in",
    "on",
    "at",
    "for",
    "with",
    "from",
    "by",
    "as",
    "is",
    "are",
    "was",
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
    "not",
    "no",
    "it",
    "its",
    "this",
    "that",
    "these",
    "those",
    "there",
    "here",
    "very",
    "really",
    "just",
    "only",
    "also",
    "then",
    "than",
    "too",
    "into",
    "about",
    "over",
    "after",
    "before",
    "when",
    "while",
    "if",
    "what",
    "why",
    "how",
    "who",
    "which",
    "i",
    "we",
    "you",
    "me",
    "us",
    "my",
    "our",
    "your",
    "up",
    "out",
    "off",
    "again",
    "all",
    "any",
    "some",
    "more",
    "most",
    "much",
    "many",
    "such",
    "can",
    "could",
    "will",
    "would",
    "should",
    "may",
    "might",
    "must",
    "shall",
    "get",
    "got",
    "he",
    "she",
    "they",
    "him",
    "her",
    "them",
    "his",
    "their",
    "hers",
    "theirs",
    "s",
    "re",
    "ll",
    "ve",
    "d",
    "t",
    "isn",
    "doesn",
    "don",
    "won",
    "didn",
    "hasn",
    "haven",
    "wasn",
    "weren",
    "aren",
    "couldn",
    "wouldn",
    "shouldn",
    "rather",
    "bit",
    "real",
    "earth",
    "bloody",
    "pretty",
    "quite",
    "even",
    "still",
    "yet",
    "ever",
    "every",
    "single",
    "each",
    "one",
    "once",
    "bother",
    "bothers",
    "bothered",
    "bothering",
    "point",
    "palaver",
    "fuss",
    "song",
    "dance",
    "sake",
    "keep",
    "keeps",
    "kept",
    "exactly",
    "truly",
    "imagine",
    "imagined",
    "think",
    "thought",
    "expect",
    "expected",
    "kill",
    "anyone",
    "anybody",
    "someone",
    "somebody",
    "supposed",
    "mean",
    "right",
    "well",
    "now",
    "way",
    "thing",
    "things",
    "lot",
    "say",
    "says",
    "said",
    "claims",
    "claim",
    "claimed",
    "seem",
    "seems",
    "seemed",
    "say",
    "let",
    "make",
    "makes",
    "made",
    "being",
    "going",
    "go",
    "goes",
    "went",
    "gone",
    "come",
    "comes",
    "came",
    "coming",
    "want",
    "wants",
    "wanted",
    "need",
    "needs",
    "needed",
    "see",
    "seen",
    "saw",
    "know",
    "knows",
    "knew",
    "known",
    "like",
    "because",
    "though",
    "although",
    "unless",
    "whether",
    "since",
    "where",
    "whenever",
    "given",
    "account",
    "anyway",
];

/// Number words: a count said in words is a fact like "4".
const NUMBER_WORDS: &[&str] = &[
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
    "twice",
    "half",
    "dozen",
];

/// Words that open a part of a sentence, never a sentence alone.
const SUBORDINATORS: &[&str] = &[
    "if", "when", "whenever", "although", "though", "because", "unless", "whether", "while",
    "since", "as", "even", "until", "whereas",
];

/// A question flagged whole is judged only by its frame where it is
/// longer than this many words: its facts are inside it (a statement's
/// flagged words are all judged, however many).
const LONG_SPAN: usize = 6;

fn words() -> &'static Lazy {
    static RE: OnceLock<Regex> = OnceLock::new();
    super::regex::cached(&RE, r"[A-Za-z0-9][A-Za-z0-9'’/:.-]*")
}

/// A word as it is compared: lower case, before its apostrophe, the
/// ends of inflection off, at most five letters ("failed" = "fail",
/// "finishes" = "finished").
fn stem(word: &str) -> String {
    let w = word
        .trim_end_matches(['.', ':', '-', '/'])
        .to_lowercase()
        .replace('’', "'");
    let w = w.split('\'').next().unwrap_or("").to_string();
    if w.chars().any(|c| c.is_ascii_digit()) {
        return w;
    }
    for suffix in ["ing", "ied", "ies", "ed", "es", "s", "d"] {
        if let Some(root) = w.strip_suffix(suffix) {
            if root.chars().count() >= 3 {
                return root.chars().take(5).collect();
            }
        }
    }
    w.chars().take(5).collect()
}

fn is_number(word: &str) -> bool {
    let lower = word.to_lowercase();
    lower.chars().any(|c| c.is_ascii_digit())
        || lower
            .split('-')
            .any(|part| NUMBER_WORDS.contains(&part.trim_end_matches('.')))
}

/// Whether the word at `at` of `sentence` opens it or a sentence inside
/// it (after ".", "!", "?", a quotation mark or a bullet).
fn opens(sentence: &str, at: usize) -> bool {
    let before = sentence[..at].trim_end_matches([' ', '"', '“', '\'', '‘', '(', '*', '-']);
    before.is_empty() || before.ends_with(['.', '!', '?', ':', ';'])
}

/// Verdicts a rewording drops from the end of a sentence, beside the
/// asides and verdicts `compose` and `label` know: "that is her whole
/// problem", "there's no pleasing him whatever we do", "this is
/// well-known tactic with such people", "which undermines her
/// credibility", "it's like a broken record", "and I'm the Pope", "the
/// same tale we get from half the clinic".
const TAIL_VERDICTS: &str = r"(?i)\b(?:(?:that|this|which) is (?:her|his|their|the) (?:whole |real |main |only )?problem|there'?s no pleasing \w+(?: whatever [^.!?,;]*)?|(?:this|that|which) is (?:a )?(?:well-known |classic |typical |usual )?tactic\b[^.!?]*|which (?:undermines|says a lot about|tells you)\b[^.!?]*|(?:it'?s|which is) like an? \w+ \w+|given (?:his|her|their) (?:track record|history|form|past)|and i'?m the (?:pope|queen of sheba|king of \w+)|sure,? jan|the same (?:old )?(?:tale|story|excuse|line) (?:we|you|they|i) (?:get|hear)\b[^.!?]*)";

/// Verdicts of what someone ought to do: the clause after them is the
/// verdict too.
const MODAL_VERDICTS: &[&str] = &["should", "ought to", "needs to"];

/// The judged ranges of `sentence` beyond the finding's: the asides and
/// verdicts the suggestion code takes out wherever they stand.
fn known_judgments(sentence: &str) -> Vec<Range<usize>> {
    static ASIDES: OnceLock<Regex> = OnceLock::new();
    let asides = super::regex::cached(&ASIDES, &format!(r"(?i)\b(?:{})", super::compose::asides()));
    static TAILS: OnceLock<Regex> = OnceLock::new();
    let tails = super::regex::cached(&TAILS, TAIL_VERDICTS);
    let mut out: Vec<Range<usize>> = asides.find_iter(sentence).map(|m| m.range()).collect();
    out.extend(tails.find_iter(sentence).map(|m| m.range()));
    let mut from = 0;
    while from < sentence.len() {
        match label::verdict_in(&sentence[from..]) {
            Some(r) if !r.is_empty() => {
                // "he should bear it": a verdict of what someone ought to
                // do is the whole of its clause.
                let word = sentence[from + r.start..from + r.end].to_lowercase();
                let end = if MODAL_VERDICTS.contains(&word.trim()) {
                    sentence[from + r.end..]
                        .find([',', ';', '.', '!', '?', ':'])
                        .map_or(sentence.len(), |i| from + r.end + i)
                } else {
                    from + r.end
                };
                out.push(from + r.start..end);
                from = end;
            }
            _ => break,
        }
    }
    out
}

/// The facts of `sentence` that `candidate` does not say: its numbers
/// and names anywhere, its content words outside `judged` (byte ranges
/// of `sentence`: the finding's words). Empty when every fact is kept.
pub fn missing_facts(
    sentence: &str,
    judged: &[Range<usize>],
    candidate: &str,
    things: bool,
) -> Vec<String> {
    let have: HashSet<String> = words()
        .find_iter(candidate)
        .map(|m| stem(m.as_str()))
        .collect();
    let said_whole = candidate.to_lowercase();
    let question = sentence.trim_end().ends_with('?');
    let mut free: Vec<Range<usize>> = judged
        .iter()
        .filter(|r| {
            let count = sentence
                .get((*r).clone())
                .map_or(0, |s| s.split_whitespace().count());
            !question || count <= LONG_SPAN
        })
        .cloned()
        .collect();
    free.extend(known_judgments(sentence));
    let mut missing = Vec::new();
    let tokens: Vec<_> = words().find_iter(sentence).collect();
    for (i, m) in tokens.iter().enumerate() {
        let word = m.as_str().trim_end_matches(['.', ':', '-', '/', '\'', '’']);
        if word.is_empty() {
            continue;
        }
        let lower = word.to_lowercase();
        // "leaving" → "left", "brings" → "has brought".
        let inflected = || {
            let base = super::inflect::base(&lower).unwrap_or_else(|| lower.clone());
            let forms = [
                super::inflect::past(&base),
                super::inflect::participle(&base),
                base,
            ];
            forms.iter().any(|f| have.contains(&stem(f)))
        };
        let kept = have.contains(&stem(word))
            || inflected()
            || said_whole.contains(&lower)
            // "thirteen-year-old": each part said is enough.
            || word.contains('-')
                && word
                    .split('-')
                    .all(|p| p.is_empty() || have.contains(&stem(p)) || NO_FACT.contains(&p));
        if kept {
            continue;
        }
        // "x3 wks" is kept by "for 3 wks": a number is its digits.
        let digits_kept = || {
            word.split(|c: char| !c.is_ascii_digit())
                .filter(|d| !d.is_empty())
                .all(|d| {
                    candidate
                        .split(|c: char| !c.is_ascii_digit())
                        .any(|c| c == d)
                })
        };
        let number = is_number(word);
        if number && word.chars().any(|c| c.is_ascii_digit()) && digits_kept() {
            continue;
        }
        let name = !number
            && word.chars().next().is_some_and(char::is_uppercase)
            && !opens(sentence, m.start())
            && word.split(['\'', '’']).next() != Some("I")
            && !label::judgment_word(word);
        if number || name {
            missing.push(word.to_string());
            continue;
        }
        let end = m.start() + word.len();
        let inside = free.iter().any(|r| r.start <= m.start() && end <= r.end);
        let root = lower.split(['\'', '’']).next().unwrap_or("");
        let no_fact = root.len() < 3
            || NO_FACT.contains(&root)
            || root.ends_with("ly") && root.len() > 4
            || label::judgment_word(root)
            || !root.chars().all(|c| c.is_alphabetic() || c == '-');
        // A thing: after a determiner, a possessive or a preposition,
        // or one word (its adjective) after one ("the parole board",
        // "her tribunal hearing", "of school block").
        let opens_thing = |k: usize| {
            let w = tokens[k].as_str().to_lowercase();
            DETERMINERS.contains(&w.as_str())
                || BEFORE_THING.contains(&w.as_str()) && w != "to"
                || (w.ends_with("'s") || w.ends_with("’s"))
                    && !NO_FACT.contains(
                        &w[..w.len()
                            - if w.ends_with('s') && w.contains('’') {
                                4
                            } else {
                                2
                            }]
                            .as_ref(),
                    )
        };
        let thing =
            i >= 1 && opens_thing(i - 1) || i >= 2 && opens_thing(i - 2) && !opens_thing(i - 1);
        if things && !inside && !no_fact && thing {
            missing.push(word.to_string());
        }
    }
    missing
}

/// Whether `candidate` is only a part of a sentence: an "if", "when" or
/// "although" part with nothing after it, what is left after a full stop,
/// one word, or two that do not open with a person ("After lunch.").
pub fn fragment(candidate: &str) -> bool {
    let body = candidate.trim().trim_end_matches(['.', '!']);
    let first = body
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .next()
        .unwrap_or("")
        .to_lowercase();
    let count = body.split_whitespace().count();
    // ". Sure it is.": what is left after the sentence it was about.
    let opens_on_stop = body.starts_with(['.', ',', ';', ':', '!', '?']);
    // "He declined." is a clause; "After morphine." and "Any excuse."
    // are not.
    let person_first = matches!(first.as_str(), "he" | "she" | "they" | "i" | "we" | "it")
        || super::person::person_at(body, 0).is_some();
    count < 2
        || count < 3 && !person_first
        || opens_on_stop
        || SUBORDINATORS.contains(&first.as_str()) && !body.contains(',')
}

/// Whether `candidate`, offered as `sentence` said another way, keeps its
/// facts and is a clause.
pub fn keeps_facts(sentence: &str, judged: &[Range<usize>], candidate: &str, things: bool) -> bool {
    !fragment(candidate) && missing_facts(sentence, judged, candidate, things).is_empty()
}

/// Whether the question `asked` about `sentence` is about what a
/// rewording lost (`lost`, from [`missing_facts`]): it says every number
/// and name of the sentence and at least one lost word (any question, if
/// nothing was lost).
pub fn asks_about(sentence: &str, lost: &[String], asked: &str) -> bool {
    let have: HashSet<String> = words().find_iter(asked).map(|m| stem(m.as_str())).collect();
    let whole = 0..sentence.len();
    let facts = missing_facts(sentence, std::slice::from_ref(&whole), asked, true);
    facts.is_empty() && (lost.is_empty() || lost.iter().any(|w| have.contains(&stem(w))))
}

/// Words that may open the thing a lost fact names ("the parole board",
/// "his non-dominant side"), taken into it.
const DETERMINERS: &[&str] = &[
    "the", "his", "her", "their", "its", "that", "this", "these", "those", "a", "an", "my", "our",
];

/// Words a lost thing may follow, left out of it ("out of school block",
/// "with today's results").
const BEFORE_THING: &[&str] = &[
    "of", "with", "for", "about", "to", "at", "in", "on", "from", "by", "into", "dodge", "avoid",
];

/// Whether `words` stand in `sentence` only inside an aside or verdict
/// the suggestion code takes out ("and I'm the Pope").
pub fn in_known_judgment(sentence: &str, words: &str) -> bool {
    let lower = sentence.to_lowercase();
    let Some(at) = lower
        .find(&words.to_lowercase())
        .filter(|_| lower.len() == sentence.len())
    else {
        return false;
    };
    let end = at + words.len();
    known_judgments(sentence)
        .iter()
        .any(|r| r.start <= at && end <= r.end)
}

/// The thing the words `lost` name in `sentence`, where they are one run
/// of at most four words after a determiner or a preposition and hold no
/// number: "to get out of school block" and lost ["school", "block"] →
/// "school block"; "to dodge the probation letter" → "the probation
/// letter". `None` where they are scattered ("the aids live in the
/// drawer") or not a thing ("he should bear it").
pub fn lost_thing(sentence: &str, lost: &[String]) -> Option<String> {
    if lost.is_empty() || lost.len() > 4 || lost.iter().any(|w| is_number(w)) {
        return None;
    }
    let tokens: Vec<(usize, usize, &str)> = words()
        .find_iter(sentence)
        .map(|m| {
            let w = m.as_str().trim_end_matches(['.', ':', '-', '/']);
            (m.start(), m.start() + w.len(), w)
        })
        .collect();
    let at: Vec<usize> = tokens
        .iter()
        .enumerate()
        .filter(|(_, (_, _, w))| lost.iter().any(|l| l == w))
        .map(|(i, _)| i)
        .collect();
    let (&first, &last) = (at.first()?, at.last()?);
    if at.len() != lost.len() || last + 1 - first != at.len() {
        return None;
    }
    // The thing runs on to the end of its noun ("back" of "his famous
    // back pain" → "back pain").
    let mut last = last;
    while last + 1 < tokens.len() && last + 1 - first < 4 {
        let (start, _, next) = tokens[last + 1];
        let lower = next.to_lowercase();
        let joined = sentence[tokens[last].1..start].trim().is_empty();
        if !joined || NO_FACT.contains(&lower.as_str()) || BEFORE_THING.contains(&lower.as_str()) {
            break;
        }
        last += 1;
    }
    let word = |i: Option<usize>| i.map(|i| tokens[i].2.to_lowercase());
    let before = word(first.checked_sub(1));
    let det = |w: &Option<String>| w.as_deref().is_some_and(|w| DETERMINERS.contains(&w));
    let run = &sentence[tokens[first].0..tokens[last].1];
    match before.as_deref() {
        _ if det(&before) => Some(sentence[tokens[first - 1].0..tokens[last].1].to_string()),
        Some(w) if BEFORE_THING.contains(&w) => Some(run.to_string()),
        // "her famous migraines": the word between is the writer's.
        Some(_) if det(&word(first.checked_sub(2))) => {
            Some(format!("{} {run}", tokens[first - 2].2))
        }
        _ => None,
    }
}

/// Whether `suggestion` is offered as the sentence said another way: a
/// statement, not a question (an ask in brackets may close it).
pub fn is_rewording(suggestion: &str) -> bool {
    !suggestion.contains('?')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn judged(sentence: &str, words: &str) -> Vec<Range<usize>> {
        let at = sentence.find(words).expect("the words are in the sentence");
        std::iter::once(at..at + words.len()).collect()
    }

    #[test]
    fn a_dropped_result_is_missing() {
        let s = "Swears she takes the pills daily, which is hard to square with today's levels.";
        let j = judged(s, "Swears");
        assert_eq!(
            missing_facts(s, &j, "Says she takes the pills daily.", true),
            vec!["today's", "levels"]
        );
        assert!(keeps_facts(
            s,
            &j,
            "Says she takes the pills daily, which is hard to square with today's levels.",
            true
        ));
        // Alone, a finding's rewording is held to its numbers and names.
        assert!(keeps_facts(s, &j, "Says she takes the pills daily.", false));
    }

    #[test]
    fn numbers_and_names_count_anywhere() {
        let s = "Never once has he come to Group B on time in three weeks.";
        let j = judged(s, "Never once");
        assert_eq!(
            missing_facts(s, &j, "He has not come on time (say when).", false),
            vec!["Group", "B", "three"]
        );
    }

    #[test]
    fn a_whole_question_keeps_what_it_asks_about() {
        let s = "Why does she bother coming if the inhaler stays in her bag?";
        let j = judged(
            s,
            "Why does she bother coming if the inhaler stays in her bag",
        );
        assert_eq!(
            missing_facts(s, &j, "She has come.", true),
            vec!["inhaler", "stays", "bag"]
        );
        let short = "Why does he bother?";
        assert!(missing_facts(
            short,
            &judged(short, "Why does he bother"),
            "He came.",
            true
        )
        .is_empty());
    }

    #[test]
    fn asides_verdicts_and_adverbs_may_go() {
        let s = "Conveniently missed the appointment again, funny that.";
        let j = judged(s, "funny that");
        assert!(keeps_facts(s, &j, "Missed the appointment.", true));
    }

    #[test]
    fn the_lost_thing_is_one_run_after_a_determiner() {
        let lost = |w: &[&str]| w.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let s = "Skipped lunch to avoid the weigh-in nurse, same as Monday.";
        assert_eq!(
            lost_thing(s, &lost(&["weigh-in", "nurse"])).as_deref(),
            Some("the weigh-in nurse")
        );
        let s = "Why does she bother coming if the inhaler stays in her bag?";
        assert_eq!(lost_thing(s, &lost(&["inhaler", "stays", "bag"])), None);
        let s = "Keeps missing group on account of her famous headaches.";
        assert_eq!(
            lost_thing(s, &lost(&["headaches"])).as_deref(),
            Some("her headaches")
        );
        let s = "He is sore but it is a bruise, he should bear it.";
        assert_eq!(lost_thing(s, &lost(&["bear"])), None);
    }

    #[test]
    fn a_part_alone_is_a_fragment() {
        assert!(fragment("If she really wants the flat."));
        assert!(!fragment("He came."));
        assert!(fragment("After lunch."));
        assert!(fragment("Reason M.S."));
        assert!(fragment(". Sure it was."));
        assert!(!fragment("If asked, she says she is fine."));
        assert!(!fragment("She has missed the last two sessions."));
    }
}
