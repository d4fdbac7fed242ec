//! A margin question quotes the judging words, not the sentence (round
//! 15). The blind supervisor of set s rated 2-3 every question that
//! quoted a whole clause back ('What did you see or hear that read as
//! "comes in every time with exactly the same rubbish excuse about his
//! toothbrush"?'): the facts in the quote read as if they were the
//! judgment. The sentence model's findings underline a clause, and a
//! label's margin question may take in the facts after it, so a quote of
//! more than [`MAX_WORDS`] words, one cut on a word that cannot end a
//! phrase ("looking like", "hurt then"), or one that quotes the person
//! and the copula with the label ("nursery dad is a total flake"), is
//! narrowed here to the words that make it judging: the verdicts the
//! suggestion code knows (`label::verdict_in`: "never", "textbook",
//! "total", "drama", the judgment adjectives; and [`LEFT`]), each run on
//! to the end of its short phrase, with a modal or negation before it
//! ("total flake", "will never be able to live", "doesn't have the
//! emotional intelligence to lead", "rude and spiteful"). Where none is
//! found, the quote stays as it was.
//!
//! Tried and left out: the words whose removal lowers the sentence
//! model's score most (`learned.rs`). On set s they were as often a fact
//! or a function word ("noon", "life", "neck") as the judgment.

use std::ops::Range;
use std::sync::OnceLock;

use super::label;

/// Verdicts the blind supervisor of set s found left in rewordings and
/// settings ("keeps 'shameful if you ask me'", "keeps 'selective
/// memory'", "keeps 'shirking'", "keeps 'like clockwork'", "keeps
/// 'nothing is ever right'", "keeps 'disgrace'", "keeps 'flophouse'"; set
/// u, round 16: "keeps 'no more excuses'", "'oldest trick'", "disbelief
/// remains", "'pigs might fly'"; not "no respect whatsoever for the
/// conditions set by the court", whose part holds the court's conditions),
/// beside those `label::verdict_in` knows. Only [`left_in`] and the
/// quotes use them: they are words a rewording must not keep, not labels
/// a list is widened by.
const LEFT: &str = r"(?i)\b(?:(?:a )?disgrace|shameful|disgraceful|pigsty|flophouse|for show|(?:is|'s|are|'re) (?:clearly )?not trying|selective memory|shirking|like clockwork|(?:nothing|everything)(?: is|'s) ever (?:right|good enough)|(?:somebody|someone|everybody|everyone) else'?s fault|rubbish (?:excuse|story|tale)|funny how|if you ask me|nothing sticks to (?:him|her|them)|by any other name|for (?:the )?attention|no more excuses|nothing new there|(?:the )?oldest trick(?: in the book| there is)?|(?:frankly|how|so|just) typical|pigs might fly|hard to believe)\b";

/// [`LEFT`], guarded: compiled only when a text holds one of its words.
/// Compiling it (Unicode `\b`, case folded) was a tenth of a one-note
/// run's instructions, for notes whose quotes hold none of them (issue
/// 19, round 19).
fn left_re() -> &'static super::regex::Lazy {
    static RE: OnceLock<::regex::Regex> = OnceLock::new();
    super::regex::cached(&RE, LEFT)
}

/// The verdicts of [`LEFT`] in `text`, as byte ranges.
pub fn left_in(text: &str) -> Vec<Range<usize>> {
    left_re().find_iter(text).map(|m| m.range()).collect()
}

/// The first verdict of `text`: `label::verdict_in` or [`LEFT`].
fn verdict_in(text: &str) -> Option<Range<usize>> {
    let known = label::verdict_in(text);
    let left = left_re().find(text).map(|m| m.range());
    match (known, left) {
        (Some(a), Some(b)) => Some(if a.start <= b.start { a } else { b }),
        (a, b) => a.or(b),
    }
}

/// A quote longer than this is narrowed.
pub const MAX_WORDS: usize = 8;

/// Words that cannot end a quoted phrase: a quote cut on one is a
/// fragment ("came to the desk looking like").
const OPEN_END: &[&str] = &[
    "like", "then", "because", "once", "as", "if", "so", "but", "and", "or", "the", "a", "an",
    "to", "of", "that", "with", "for", "is", "was", "are", "were",
];

/// Words that neither open nor close a quoted judgment.
const EDGE: &[&str] = &[
    "the", "a", "an", "and", "or", "but", "to", "of", "in", "on", "at", "with", "for", "is", "was",
    "are", "were", "be", "been", "he", "she", "they", "it", "his", "her", "their", "its", "that",
    "this", "if", "then", "so", "as", "from", "by", "has", "have", "had", "i", "we", "you",
    "every", "again", "all", "over", "not", "no", "once", "one", "more", "same", "way", "when",
    "than", "about", "up", "out", "off", "right", "just", "really", "very", "some", "any", "it's",
    "he's", "she's", "they're", "do", "does", "did", "says", "said", "get", "got", "go", "goes",
    "went", "time", "times", "day", "days", "here", "there", "what", "who", "how", "why", "where",
    "which", "him", "them", "me", "us", "my", "our", "your", "mr", "mrs", "ms", "dr",
];

fn word_of(w: &str) -> String {
    w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’' && c != '-')
        .to_lowercase()
}

/// Whether `quote` is to be narrowed: too long, or cut on an open word.
pub fn too_wide(quote: &str) -> bool {
    let words: Vec<String> = quote.split_whitespace().map(word_of).collect();
    // "nursery dad is a total flake": the person and the copula quoted
    // with the label (rated 3, "lowercase glitch").
    let copula = words
        .iter()
        .position(|w| matches!(w.as_str(), "is" | "was" | "are" | "were"))
        .is_some_and(|i| {
            i > 0
                && words
                    .get(i + 1)
                    .is_some_and(|a| matches!(a.as_str(), "a" | "an" | "the"))
        });
    words.len() > MAX_WORDS
        || words.len() > 2 && words.last().is_some_and(|w| OPEN_END.contains(&w.as_str()))
        || copula && words.len() > 3
}

/// The words of `quote` (a part of `sentence`) that make it judging, as
/// they stand in the quote; `None` where none is found.
pub fn judging(quote: &str) -> Option<String> {
    let known = known_in(quote);
    if !known.is_empty() {
        return Some(known.join("\" and \""));
    }
    None
}

/// Words a quoted phrase does not end on.
const CLOSE_NOT: &[&str] = &[
    "the", "a", "an", "and", "or", "but", "to", "of", "in", "on", "at", "with", "for", "his",
    "her", "their", "its", "my", "our", "your", "that", "if", "then", "so", "as", "from", "by",
    "is", "was", "are", "were", "has", "have", "had", "there's", "than", "when", "which", "who",
    "very", "some", "any", "he", "she", "they", "i", "we", "he'd", "she'd", "they'd", "what",
    "how", "why",
];

/// Prepositions: where a long phrase after a verdict is cut.
const PREPOSITIONS: &[&str] = &[
    "in", "on", "at", "from", "with", "for", "by", "about", "into", "off", "after", "before",
];

/// Joining words a verdict's phrase does not run past.
const JOINS: &[&str] = &[
    "but", "and", "yet", "so", "because", "or", "while", "though", "although",
];

/// Words before a verdict that are part of it ("doesn't have the
/// emotional intelligence", "has no shame").
const NEGATIONS: &[&str] = &[
    "no", "not", "doesn't", "don't", "didn't", "hasn't", "haven't", "isn't", "wasn't", "lacks",
    "lack", "have", "has", "the", "any", "zero", "never",
];

/// Verdicts of what someone ought to do: the rest of their clause is
/// the verdict too ("needs to get on with it").
const MODAL_VERDICTS: &[&str] = &["should", "ought to", "needs to", "need to"];

/// Modals that make an absolute a prediction: said with it ("will never").
const MODALS: &[&str] = &[
    "will", "won't", "would", "wouldn't", "can't", "cannot", "could",
];

/// Words a verdict found alone does not stand for ("another" of "another
/// one of the …").
const TOO_THIN: &[&str] = &["another", "proper", "total", "complete"];

/// The verdicts of `quote`, each run on to the end of its short phrase
/// (at most four more words, not across punctuation, not ending on a
/// word that cannot end it): "never get off the island", "total flake",
/// "like he'd given up"; a verdict of what someone ought to do with the
/// rest of its clause ("needs to get on with it").
fn known_in(quote: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut from = 0;
    while from < quote.len() {
        let Some(r) = verdict_in(&quote[from..]) else {
            break;
        };
        if r.is_empty() {
            break;
        }
        let mut start = from + r.start;
        let verdict_end = from + r.end;
        let verdict = word_of(&quote[start..verdict_end]);
        let verdict_words: Vec<String> = quote[start..verdict_end]
            .split_whitespace()
            .map(word_of)
            .collect();
        let modal_verdict = MODAL_VERDICTS.contains(&verdict.as_str());
        let limit = if modal_verdict { 7 } else { 6 };
        // The words after it to the end of its part (punctuation or a
        // joining word), all of them where that is short, else the first
        // few.
        let mut ends: Vec<usize> = Vec::new();
        let mut end = verdict_end;
        for w in quote[verdict_end..].split_inclusive(' ') {
            let bare = word_of(w);
            // "rude and spiteful": a list of judgment words runs on.
            if JOINS.contains(&bare.as_str()) && !next_judges(&quote[end + w.len()..]) {
                break;
            }
            end += w.len();
            if !bare.is_empty() {
                ends.push(end);
            }
            if w.trim_end().ends_with([',', ';', ':', '.', '!', '?']) {
                break;
            }
        }
        // Too long: a verdict of two words or more stands alone ("going
        // through the motions"); one word runs on to the word before the
        // first preposition ("never be able to live"), else three words.
        let whole_verdict = verdict_words.len() > 1
            && verdict_words.last().is_some_and(|w| {
                !CLOSE_NOT.contains(&w.as_str())
                    && !matches!(w.as_str(), "never" | "always" | "ever")
            });
        let words_after: Vec<String> = quote[verdict_end..]
            .split_whitespace()
            .map(word_of)
            .collect();
        let end = if ends.len() <= limit {
            ends.last().copied().unwrap_or(verdict_end)
        } else if whole_verdict {
            verdict_end
        } else {
            match (2..ends.len().min(6)).find(|&i| PREPOSITIONS.contains(&words_after[i].as_str()))
            {
                Some(i) => ends[i - 1],
                None => ends[2],
            }
        };
        // "will never": the modal that makes it a prediction goes with it;
        // "doesn't have the emotional intelligence": the negation and its
        // verb; "symptom of the week": the noun a phrase opening on "of"
        // belongs to (up to three words back, not across punctuation or a
        // joining word).
        let opens_on_of = matches!(verdict_words.first().map(String::as_str), Some("of"));
        for _ in 0..3 {
            let before = quote[..start].trim_end();
            if before.ends_with([',', ';', ':', '.', '!', '?']) {
                break;
            }
            let last_before = before.rsplit(' ').next().unwrap_or("");
            let w = word_of(last_before);
            let takes = MODALS.contains(&w.as_str())
                || NEGATIONS.contains(&w.as_str())
                || opens_on_of && !w.is_empty() && !JOINS.contains(&w.as_str());
            if !takes || last_before.is_empty() {
                break;
            }
            start = before.len() - last_before.len();
        }
        let piece = quote[start..end]
            .trim()
            .trim_end_matches([',', ';', ':', '.', '!', '?'])
            .trim();
        let piece = if modal_verdict {
            piece.to_string()
        } else {
            trim_end(piece)
        };
        let words: Vec<String> = piece.split_whitespace().map(word_of).collect();
        let thin = words.iter().all(|w| {
            EDGE.contains(&w.as_str()) || TOO_THIN.contains(&w.as_str()) || w.chars().count() < 3
        });
        if !thin && !out.iter().any(|o| o.contains(&piece)) {
            out.push(piece);
        }
        from = end.max(verdict_end);
    }
    out.truncate(2);
    out
}

/// Words of when and where a quote may hold (the prepositions that open
/// such a phrase, and time words): a narrowing that would drop one keeps
/// the quote whole ("hostile towards her husband during
/// the home visit on Tuesday"), as a fact of the sentence stays in the
/// first suggestion.
const WHEN_WHERE: &[&str] = &[
    "during",
    "at",
    "when",
    "whenever",
    "morning",
    "night",
    "evening",
    "afternoon",
    "week",
    "weekend",
    "visit",
    "session",
    "appointment",
    "tonight",
    "yesterday",
    "today",
];

/// Whether narrowing `quote` to `kept` drops a number, a day, a time or
/// place word, or a risk word of it.
fn drops_a_fact(quote: &str, kept: &str) -> bool {
    let kept: Vec<String> = kept.split_whitespace().map(word_of).collect();
    let dropped: Vec<String> = quote
        .split_whitespace()
        .map(word_of)
        .filter(|w| !kept.contains(w))
        .collect();
    dropped.iter().any(|w| {
        w.chars().any(|c| c.is_ascii_digit())
            || w.len() > 5 && w.ends_with("day")
            || WHEN_WHERE.contains(&w.as_str())
    }) || !super::risk_words(&dropped.join(" ")).is_empty()
}

/// Whether the first word of `rest` is a judgment adjective.
fn next_judges(rest: &str) -> bool {
    rest.split_whitespace()
        .next()
        .is_some_and(label::judgment_word)
}

/// `piece` without words at its end that cannot close it.
fn trim_end(piece: &str) -> String {
    let words: Vec<&str> = piece.split_whitespace().collect();
    let a = 0;
    let mut b = words.len();
    while b > a && CLOSE_NOT.contains(&word_of(words[b - 1]).as_str()) {
        b -= 1;
    }
    words[a..b]
        .join(" ")
        .trim_end_matches([',', ';', ':', '.', '!', '?'])
        .to_string()
}

/// `text` with each quotation that [`too_wide`] finds narrowed to its
/// judging words ([`judging`]); quotes said twice are said once. (A wide
/// quote with no verdict beside one that has one is kept: dropping it
/// dropped a motive, "using the counselling slot to get out of maths",
/// as often as facts.)
pub fn narrowed(text: &str, sentence: &str) -> String {
    // A sentence with quotation marks of its own: its quotes cannot be
    // told from the question's.
    if sentence.contains('"') {
        return text.to_string();
    }
    let parts: Vec<&str> = text.split('"').collect();
    // An odd count of quote marks: not ours to mend.
    if parts.len() < 3 || parts.len().is_multiple_of(2) {
        return text.to_string();
    }
    let last = parts.len() - 1;
    let listed = (2..last).step_by(2).all(|i| parts[i] == " and ");
    let mut quotes: Vec<(String, bool)> = Vec::new();
    for i in (1..last).step_by(2) {
        // "ll never get out of this estate": the tail of "he'll" whose
        // person was left out of the quote goes too (set s).
        let quote = match parts[i].split_once(' ') {
            Some(("ll" | "s" | "re" | "d" | "ve" | "m", rest)) => rest,
            _ => parts[i],
        };
        if !too_wide(quote) {
            quotes.push((quote.to_string(), true));
            continue;
        }
        match judging(quote).filter(|words| !drops_a_fact(quote, words)) {
            Some(words) => quotes.push((words, true)),
            None => quotes.push((quote.to_string(), false)),
        }
    }
    let changed = quotes
        .iter()
        .zip((1..last).step_by(2))
        .any(|((q, judged), i)| q != parts[i] || !judged);
    if !changed {
        return said_once(text);
    }
    if listed {
        let list: Vec<String> = quotes.into_iter().map(|(q, _)| q).collect();
        let joined = format!("{}\"{}\"{}", parts[0], list.join("\" and \""), parts[last]);
        return dedupe_quotes(&joined);
    }
    let mut out: Vec<String> = parts.iter().map(|p| p.to_string()).collect();
    for ((q, _), i) in quotes.into_iter().zip((1..last).step_by(2)) {
        out[i] = q;
    }
    dedupe_quotes(&out.join("\""))
}

/// '"a" and "a"' → '"a"', and '"always x" and "x"' → '"always x"': a
/// quote said again, or inside another of its list, is said once.
fn dedupe_quotes(text: &str) -> String {
    let mut out = text.to_string();
    loop {
        let parts: Vec<&str> = out.split('"').collect();
        let mut found = None;
        for i in (1..parts.len().saturating_sub(2)).step_by(2) {
            if parts.get(i + 1) != Some(&" and ") {
                continue;
            }
            let (a, b) = (parts[i].to_lowercase(), parts[i + 2].to_lowercase());
            if a.contains(&b) {
                found = Some((i + 1, i + 3));
            } else if b.contains(&a) {
                found = Some((i, i + 2));
            }
            if found.is_some() {
                break;
            }
        }
        let Some((from, to)) = found else { break };
        let mut v: Vec<&str> = parts.clone();
        v.drain(from..to);
        out = v.join("\"");
    }
    out
}

/// `text` with its quotes said once ([`dedupe_quotes`]), narrowed or not.
pub fn said_once(text: &str) -> String {
    if text.matches('"').count() % 2 == 1 {
        return text.to_string();
    }
    dedupe_quotes(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Guarded, [`LEFT`] finds what the plain regex finds (case, curly
    /// quotes and accents included), and nothing in a text without its
    /// words.
    #[test]
    fn the_guarded_left_verdicts_find_what_the_regex_finds() {
        let plain = ::regex::Regex::new(LEFT).unwrap();
        for text in [
            "Her flat was a PIGSTY, frankly typical, if you ask me.",
            "It is always someone else\u{2019}s fault and someone else's fault.",
            "Café visit: he's not trying, nothing is ever good enough.",
            "The oldest trick in the book, funny how it happens.",
            "She attended on time and brought the forms.",
            "",
        ] {
            let want: Vec<_> = plain.find_iter(text).map(|m| m.range()).collect();
            assert_eq!(left_in(text), want, "{text:?}");
            let first = left_re().find(text).map(|m| m.range());
            assert_eq!(first, want.first().cloned(), "{text:?}");
        }
        assert!(left_in("She attended on time and brought the forms.").is_empty());
    }

    #[test]
    fn a_short_quote_stays() {
        assert!(!too_wide("set in her ways"));
        assert!(too_wide("came to the desk looking like"));
        assert!(too_wide(
            "comes in every time with the same excuse about his toothbrush"
        ));
        assert!(too_wide("nursery dad is a total flake"));
        assert!(!too_wide("everything is trauma to her"));
    }

    #[test]
    fn quotes_said_twice_are_said_once() {
        assert_eq!(
            dedupe_quotes("read as \"never\" and \"never\"? Write that."),
            "read as \"never\"? Write that."
        );
        assert_eq!(
            dedupe_quotes("read as \"always his fault\" and \"his fault\"? Write that."),
            "read as \"always his fault\"? Write that."
        );
        assert_eq!(
            dedupe_quotes("read as \"rude\" and \"rude and loud\"? Write that."),
            "read as \"rude and loud\"? Write that."
        );
    }
}
