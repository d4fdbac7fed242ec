//! Phrase shorthand: `resist{s,ed,ing}` is `resists`, `resisted`, `resisting`.
//!
//! Several groups multiply (`{un,}motivat{ed,ion}`); an empty alternative is
//! allowed (`claim{,s,ed}`); groups do not nest. Expanded phrases are
//! normalised the way note text is (`document::prose`): runs of white space
//! become one space and a curly apostrophe becomes a straight one, so a phrase
//! written once matches however the note was typed.

/// A problem in a phrase, with its byte range in the phrase text.
#[derive(Debug, PartialEq, Eq)]
pub struct PhraseError {
    pub offset: usize,
    pub len: usize,
    pub reason: &'static str,
}

/// Most phrases one shorthand may produce; more is almost surely a typo.
const MAX_EXPANSIONS: usize = 4096;

pub fn expand(phrase: &str) -> Result<Vec<String>, PhraseError> {
    // The phrase as parts, each a list of alternatives (a literal is a
    // part with one); the phrases are every choice of one per part, the
    // last part varying fastest.
    let mut parts: Vec<Vec<&str>> = Vec::new();
    let mut count = 1usize;
    let mut rest = phrase;
    let mut base = 0;
    while !rest.is_empty() {
        let next = rest.find(['{', '}']);
        let (literal, tail) = match next {
            Some(i) => rest.split_at(i),
            None => (rest, ""),
        };
        parts.push(vec![literal]);
        base += literal.len();
        if tail.is_empty() {
            break;
        }
        if tail.starts_with('}') {
            return Err(PhraseError {
                offset: base,
                len: 1,
                reason: "this `}` has no `{`",
            });
        }
        let Some(close) = tail.find('}') else {
            return Err(PhraseError {
                offset: base,
                len: 1,
                reason: "this `{` is never closed",
            });
        };
        let group = &tail[1..close];
        if let Some(nested) = group.find('{') {
            return Err(PhraseError {
                offset: base + 1 + nested,
                len: 1,
                reason: "groups do not nest; write two groups side by side",
            });
        }
        let alternatives: Vec<&str> = group.split(',').collect();
        if alternatives.len() < 2 {
            return Err(PhraseError {
                offset: base,
                len: close + 1,
                reason: "a group needs at least two alternatives, like `{s,ed}` or `{,s}`",
            });
        }
        count = count.saturating_mul(alternatives.len());
        if count > MAX_EXPANSIONS {
            return Err(PhraseError {
                offset: 0,
                len: phrase.len(),
                reason: "this shorthand expands to more than 4096 phrases",
            });
        }
        parts.push(alternatives);
        base += close + 1;
        rest = &tail[close + 1..];
    }
    let mut phrases = Vec::with_capacity(count);
    let mut seen = std::collections::HashSet::with_capacity(count);
    let mut choice = vec![0usize; parts.len()];
    let mut written = String::new();
    loop {
        written.clear();
        for (part, &c) in parts.iter().zip(&choice) {
            written.push_str(part[c]);
        }
        let normal = normalise(&written);
        if normal.is_empty() {
            return Err(PhraseError {
                offset: 0,
                len: phrase.len(),
                reason: "this phrase is empty",
            });
        }
        if seen.insert(normal.clone()) {
            phrases.push(normal);
        }
        // The next choice, odometer-wise; done when every part wraps.
        let mut at = parts.len();
        loop {
            if at == 0 {
                return Ok(phrases);
            }
            at -= 1;
            choice[at] += 1;
            if choice[at] < parts[at].len() {
                break;
            }
            choice[at] = 0;
        }
    }
}

/// Lower-cases ASCII, folds white space and curly apostrophes.
fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().map(|c| {
            if c == '\u{2019}' {
                '\''
            } else {
                c.to_ascii_lowercase()
            }
        }));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expands_groups_and_empty_alternatives() {
        assert_eq!(expand("resist{s,ed}").unwrap(), ["resists", "resisted"]);
        assert_eq!(
            expand("{un,}motivat{ed,ion}").unwrap(),
            ["unmotivated", "unmotivation", "motivated", "motivation"]
        );
        assert_eq!(expand("claim{,s}").unwrap(), ["claim", "claims"]);
    }

    #[test]
    fn normalises_space_case_and_apostrophes() {
        assert_eq!(expand("  In   Denial ").unwrap(), ["in denial"]);
        assert_eq!(
            expand("it\u{2019}s all in her head").unwrap(),
            ["it's all in her head"]
        );
    }

    #[test]
    fn points_at_the_broken_brace() {
        assert_eq!(expand("resist{s,ed").unwrap_err().offset, 6);
        assert_eq!(expand("resist}s").unwrap_err().offset, 6);
        assert_eq!(expand("a{b,{c,d}}").unwrap_err().offset, 4);
        assert_eq!(
            expand("a{b}").unwrap_err().reason,
            "a group needs at least two alternatives, like `{s,ed}` or `{,s}`"
        );
        assert!(expand("{,}").is_err());
    }
}
