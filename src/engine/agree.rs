//! One sentence, one rewording: where two findings share a sentence, the
//! first suggestion of one may resolve its own words and keep the other's
//! ("Refused to do her chores again and won't follow the house rules." →
//! "Declined to do her chores again and won't follow the house rules." for
//! "Refused"). A first suggestion that
//! still says, outside quotation marks, the words another finding of its
//! sentence flagged takes the first suggestion of a finding of that
//! sentence that says none of them, where that one is a complete sentence
//! (not a margin question about its own words). The curious question and
//! the fix stay the finding's own.

use super::Finding;

/// Mends `findings` (of the note whose text is `text`) as above.
pub(crate) fn first_suggestions(text: &str, findings: &mut [Finding]) {
    if findings.len() < 2 {
        return;
    }
    let sentence: Vec<(usize, usize)> = findings
        .iter()
        .map(|f| sentence_of(text, f.span.start, f.span.end))
        .collect();
    for i in 0..findings.len() {
        let others: Vec<usize> = (0..findings.len())
            .filter(|&j| j != i && sentence[j] == sentence[i])
            .collect();
        if others.is_empty() || !leaks(findings, i, &others) {
            continue;
        }
        let better = others.iter().copied().find(|&j| {
            let mut group = others.clone();
            group.retain(|&k| k != j);
            group.push(i);
            findings[j].suggestions.first().is_some_and(|s| clean(s)) && !leaks(findings, j, &group)
        });
        if let Some(j) = better {
            let first = findings[j].suggestions[0].clone();
            findings[i].suggestions[0] = first;
        }
    }
}

/// A complete sentence: no hole ("…"), no question, no ask in brackets.
/// Only such a rewording is taken from another finding: a margin question
/// asks about that finding's words, not this one's.
fn clean(suggestion: &str) -> bool {
    !suggestion.contains(['…', '?', '('])
}

/// Whether finding `i`'s first suggestion says, outside quotation marks,
/// the words finding `j` flagged, for some `j` in `others`.
fn leaks(findings: &[Finding], i: usize, others: &[usize]) -> bool {
    let Some(first) = findings[i].suggestions.first() else {
        return false;
    };
    let said = unquoted(first).to_lowercase();
    others.iter().any(|&j| {
        let words = findings[j].matched.trim().to_lowercase();
        !words.is_empty() && contains_words(&said, &words)
    })
}

/// `haystack` holds `needle` as whole words (a match may begin inside a
/// contraction: "n't follow" of "won't follow").
fn contains_words(haystack: &str, needle: &str) -> bool {
    let is_word = |c: char| c.is_alphanumeric() || c == '\'' || c == '’';
    let clitic = needle.starts_with("n't") || needle.starts_with("n’t");
    haystack.match_indices(needle).any(|(at, _)| {
        let before = haystack[..at].chars().next_back().filter(|_| !clitic);
        let after = haystack[at + needle.len()..].chars().next();
        !before.is_some_and(is_word) && !after.is_some_and(is_word)
    })
}

/// `text` without the parts in quotation marks ("…" or “…”): a margin
/// question quotes the words it asks about.
fn unquoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '“' => quoted = true,
            '”' => quoted = false,
            _ if !quoted => out.push(c),
            _ => {}
        }
    }
    out
}

/// The bounds of the sentence around `start..end` in `text`: from after the
/// last sentence end or line break before it to the next one after it.
fn sentence_of(text: &str, start: usize, end: usize) -> (usize, usize) {
    let is_end = |c: char| matches!(c, '.' | '!' | '?' | '\n');
    let from = text[..start.min(text.len())]
        .rfind(is_end)
        .map_or(0, |i| i + 1);
    let end = end.min(text.len());
    let to = text[end..].find(is_end).map_or(text.len(), |i| end + i);
    (from, to)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_words_are_not_said() {
        assert_eq!(
            unquoted(r#"What read as "hostile"? Write that."#),
            "What read as ? Write that."
        );
        assert!(contains_words("pt is hostile and guarded.", "hostile"));
        assert!(!contains_words("pt is hostiles.", "hostile"));
        assert!(contains_words(
            "and won't follow the rules.",
            "n't follow the rules"
        ));
    }

    #[test]
    fn a_sentence_ends_at_a_full_stop_or_a_line_break() {
        let text = "One. Two three.\nFour";
        assert_eq!(sentence_of(text, 5, 8), (4, 14));
        assert_eq!(sentence_of(text, 16, 20), (16, 20));
    }
}
