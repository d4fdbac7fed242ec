//! A margin question quotes the judging words, not the sentence (round
//! 15). The blind supervisor of set s rated 2-3 every question that
//! quoted a whole clause back ('What did you see or hear that read as
//! "comes in every time with exactly the same rubbish excuse about his
//! toothbrush"?'): the facts in the quote read as if they were the
//! judgment. The sentence model's findings underline a clause, and a
//! label's margin question may take in the facts after it, so a quote of
//! more than [`MAX_WORDS`] words, or one cut on a word that cannot end a
//! phrase ("looking like", "hurt then"), is narrowed here to the words
//! that make it judging:
//!
//! the verdicts the suggestion code knows (`label::verdict_in`: "never",
//! "textbook", "total", "drama", the judgment adjectives), each run on to
//! the end of its short phrase ("total flake", "will never"). Where none
//! is found, the quote stays as it was.
//!
//! Tried and left out: the words whose removal lowers the sentence
//! model's score most (`learned.rs`). On set s they were as often a fact
//! or a function word ("noon", "life", "neck") as the judgment.

use super::label;

/// A quote longer than this is narrowed.
pub const MAX_WORDS: usize = 5;

/// Words that cannot end a quoted phrase: a quote cut on one is a
/// fragment ("came to the desk looking like").
const OPEN_END: &[&str] = &[
    "like", "then", "because", "once", "as", "if", "so", "but", "and", "or", "the", "a", "an", "to",
    "of", "that", "with", "for", "his", "her", "their", "is", "was", "are", "were",
];

/// Words that neither open nor close a quoted judgment.
const EDGE: &[&str] = &[
    "the", "a", "an", "and", "or", "but", "to", "of", "in", "on", "at", "with", "for", "is", "was",
    "are", "were", "be", "been", "he", "she", "they", "it", "his", "her", "their", "its", "that",
    "this", "if", "then", "so", "as", "from", "by", "has", "have", "had", "i", "we", "you",
    "every", "again", "all", "over", "not", "no", "once", "one", "more", "same", "way", "when",
    "than", "about", "up", "out", "off", "right", "just", "really", "very", "some", "any",
    "it's", "he's", "she's", "they're", "do", "does", "did", "says", "said", "get", "got", "go", "goes", "went", "time", "times", "day", "days", "here",
    "there", "what", "who", "how", "why", "where", "which", "him", "them", "me", "us", "my",
    "our", "your", "mr", "mrs", "ms", "dr",
];

fn word_of(w: &str) -> String {
    w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’' && c != '-')
        .to_lowercase()
}

/// Whether `quote` is to be narrowed: too long, or cut on an open word.
pub fn too_wide(quote: &str) -> bool {
    let words: Vec<String> = quote.split_whitespace().map(word_of).collect();
    words.len() > MAX_WORDS
        || words.len() > 2 && words.last().is_some_and(|w| OPEN_END.contains(&w.as_str()))
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
    "the", "a", "an", "and", "or", "but", "to", "of", "in", "on", "at", "with", "for", "his", "her",
    "their", "its", "my", "our", "your", "that", "if", "then", "so", "as", "from", "by", "is", "was",
    "are", "were", "has", "have", "had", "there's", "than", "when", "which", "who", "very", "some",
    "any", "he", "she", "they", "i", "we", "he'd", "she'd", "they'd", "what", "how", "why",
];

/// Prepositions: where a long phrase after a verdict is cut.
const PREPOSITIONS: &[&str] = &[
    "in", "on", "at", "from", "with", "for", "by", "about", "into", "off", "after", "before",
];

/// Joining words a verdict's phrase does not run past.
const JOINS: &[&str] = &["but", "and", "yet", "so", "because", "or", "while", "though", "although"];

/// Verdicts of what someone ought to do: the rest of their clause is
/// the verdict too ("needs to get on with it").
const MODAL_VERDICTS: &[&str] = &["should", "ought to", "needs to", "need to"];

/// Modals that make an absolute a prediction: said with it ("will never").
const MODALS: &[&str] = &["will", "won't", "would", "wouldn't", "can't", "cannot", "could"];

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
        let Some(r) = label::verdict_in(&quote[from..]) else {
            break;
        };
        if r.is_empty() {
            break;
        }
        let mut start = from + r.start;
        let verdict_end = from + r.end;
        let verdict = word_of(&quote[start..verdict_end]);
        let modal_verdict = MODAL_VERDICTS.contains(&verdict.as_str());
        let limit = if modal_verdict { 7 } else { 6 };
        // The words after it to the end of its part (punctuation or a
        // joining word), all of them where that is short, else the first
        // few.
        let mut ends: Vec<usize> = Vec::new();
        let mut end = verdict_end;
        for w in quote[verdict_end..].split_inclusive(' ') {
            let bare = word_of(w);
            if JOINS.contains(&bare.as_str()) {
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
        let verdict_words: Vec<String> = verdict.split_whitespace().map(word_of).collect();
        let whole_verdict = verdict_words.len() > 1
            && verdict_words.last().is_some_and(|w| {
                !CLOSE_NOT.contains(&w.as_str()) && !matches!(w.as_str(), "never" | "always" | "ever")
            });
        let words_after: Vec<String> = quote[verdict_end..].split_whitespace().map(word_of).collect();
        let end = if ends.len() <= limit {
            ends.last().copied().unwrap_or(verdict_end)
        } else if whole_verdict {
            verdict_end
        } else {
            match (2..ends.len().min(6)).find(|&i| PREPOSITIONS.contains(&words_after[i].as_str())) {
                Some(i) => ends[i - 1],
                None => ends[2],
            }
        };
        // "will never": the modal that makes it a prediction goes with it.
        let before = quote[..start].trim_end();
        let last_before = before.rsplit(' ').next().unwrap_or("");
        if MODALS.contains(&word_of(last_before).as_str()) {
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
/// judging words ([`judging`]). In a list of quotes ('"a" and "b"'), a
/// wide quote with no judging word beside one that has them is the facts
/// quoted back and goes ("has once again spent the whole Taschengeld in
/// the first week on lottery and kebab" beside "total lack"); quotes said
/// twice are said once.
pub fn narrowed(text: &str, sentence: &str) -> String {
    // A sentence with quotation marks of its own: its quotes cannot be
    // told from the question's.
    if sentence.contains('"') {
        return text.to_string();
    }
    let parts: Vec<&str> = text.split('"').collect();
    // An odd count of quote marks: not ours to mend.
    if parts.len() < 3 || parts.len() % 2 == 0 {
        return text.to_string();
    }
    let last = parts.len() - 1;
    let listed = (2..last).step_by(2).all(|i| parts[i] == " and ");
    let mut quotes: Vec<(String, bool)> = Vec::new();
    for i in (1..last).step_by(2) {
        let quote = parts[i];
        if !too_wide(quote) {
            quotes.push((quote.to_string(), true));
            continue;
        }
        match judging(quote) {
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
        if quotes.iter().any(|(_, judged)| *judged) && quotes.len() > 1 {
            quotes.retain(|(_, judged)| *judged);
        }
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

    #[test]
    fn a_short_quote_stays() {
        assert!(!too_wide("set in her ways"));
        assert!(too_wide("came to the desk looking like"));
        assert!(too_wide("comes in every time with the same excuse"));
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
