//! One sentence, one rewording (round 8): every finding of a sentence
//! shows the same first suggestion, one that resolves every judgment the
//! findings of that sentence flagged. The findings are built alone, so
//! each first suggestion resolves its own words and may keep the others'
//! ("She is always making excuses and is clearly not committed to the
//! process." keeps "clearly not committed" in the rewording of "always").
//! Here the sentence's findings are read together:
//!
//! 1. a complete sentence (no hole, no question) that one of them built
//!    and that says none of the words any of them flagged, nor another
//!    verdict (`label::verdict_in`), is the first suggestion of all;
//! 2. otherwise one margin question quotes each judgment once, in the
//!    sentence's order: the quotes of every finding's own margin
//!    question, or its flagged words, set in the first of those questions
//!    (or "What did you see or hear that read as …? Write that instead."
//!    where none has one). A risk the findings asked to keep stays asked.
//!
//! Each finding's fix still replaces only its own span, and its curious
//! question stays its own.

use super::Finding;
use crate::suggest;

/// Mends `findings` (of the note whose text is `text`) as above.
pub(crate) fn first_suggestions(text: &str, findings: &mut [Finding]) {
    if findings.len() < 2 {
        return;
    }
    let sentence: Vec<(usize, usize)> = findings
        .iter()
        .map(|f| sentence_of(text, f.span.start, f.span.end))
        .collect();
    let mut done = vec![false; findings.len()];
    for i in 0..findings.len() {
        if done[i] {
            continue;
        }
        let group: Vec<usize> = (i..findings.len())
            .filter(|&j| sentence[j] == sentence[i])
            .collect();
        for &j in &group {
            done[j] = true;
        }
        // A suppression comment ("[regard-ignore …]") is no judgment.
        let group: Vec<usize> = group
            .into_iter()
            .filter(|&j| !findings[j].matched.to_lowercase().contains("regard-"))
            .collect();
        if group.len() < 2 || group.iter().any(|&j| findings[j].suggestions.is_empty()) {
            continue;
        }
        let (from, to) = sentence[i];
        // One question quotes the judging words, not the sentence
        // (`suggest::quote`), however the findings' quotes were joined.
        let one = composed(&text[from..to], from, findings, &group);
        // A question set after a part of the sentence is asked alone
        // (`suggest::policy`, round 16).
        let one = suggest::policy::without_setting(&one).unwrap_or(one);
        let one = suggest::quote::narrowed(&one, &text[from..to]);
        for &j in &group {
            findings[j].suggestions[0] = one.clone();
        }
    }
}

/// The one first suggestion of the findings `group` of `sentence`.
fn composed(sentence: &str, from: usize, findings: &[Finding], group: &[usize]) -> String {
    // The facts guard (`suggest::guard`): a rewording keeps every fact of
    // the sentence outside the words the findings flagged.
    let spans: Vec<std::ops::Range<usize>> = group
        .iter()
        .map(|&j| {
            let span = &findings[j].span;
            let at = span.start.saturating_sub(from).min(sentence.len())
                ..span.end.saturating_sub(from).min(sentence.len());
            // The label with its listed words and complement
            // ("uncooperative with night staff").
            if !sentence.is_char_boundary(at.start) || !sentence.is_char_boundary(at.end) {
                return at;
            }
            let at = suggest::label::extend(sentence, at);
            // A label alone in its part takes the rest of the part with
            // it ("uncooperative with night staff").
            let word = sentence[at.clone()].trim();
            if suggest::label::judgment_word(word) {
                let end = sentence[at.end..]
                    .find([',', ';', '.'])
                    .map_or(sentence.len(), |i| at.end + i);
                at.start..end
            } else {
                at
            }
        })
        .collect();
    let keeps = |s: &str| suggest::guard::keeps_facts(sentence, &spans, s, true);
    let flagged: Vec<String> = group
        .iter()
        .map(|&j| findings[j].matched.trim().to_lowercase())
        .filter(|m| !m.is_empty())
        .collect();
    let firsts: Vec<&String> = group.iter().map(|&j| &findings[j].suggestions[0]).collect();
    // The words of authority a rule flags are facts its rewording keeps
    // ("was told to", "has been instructed"): saying them is no leak.
    let judged: Vec<String> = flagged
        .iter()
        .filter(|m| !AUTHORITY.iter().any(|a| contains_words(m, a)))
        .cloned()
        .collect();
    let says_none = |s: &str| {
        let said = unquoted(s);
        let lower = said.to_lowercase();
        !judged.iter().any(|m| contains_words(&lower, m))
            && suggest::label::verdict_in(&said).is_none()
    };
    if let Some(clean) = firsts.iter().find(|s| clean(s) && says_none(s) && keeps(s)) {
        return clean.to_string();
    }
    // A margin question that quotes every judgment of the sentence, or a
    // question in the person's terms that says none of them ("What has Pt
    // done for herself, and what has she asked staff to do?").
    if let Some(asked) = firsts.iter().find(|s| {
        !s.contains('…') && s.contains('?') && says_none(s) && {
            let quotes: Vec<String> = quotes_of(s).iter().map(|q| q.to_lowercase()).collect();
            quotes.is_empty()
                || judged
                    .iter()
                    .all(|m| quotes.iter().any(|q| q.contains(m.as_str())))
        }
    }) {
        return asked.to_string();
    }
    // A complete sentence of one finding whose other parts hold the
    // others' labels: those parts go, where they hold no risk and little
    // else ("Pt declined obs at 0200 and again at 0400, uncooperative
    // with night staff." → "Pt declined obs at 0200 and again at 0400.").
    if let Some(cut) = firsts
        .iter()
        .filter(|s| clean(s))
        .find_map(|s| without_parts(s, &judged))
        // A cut that took the verb with the judgment says nothing
        // ("Every landlord, every program, every case manager", set s).
        .filter(|cut| keeps(cut) && suggest::has_verb(&cut[..cut.find(" (").unwrap_or(cut.len())]))
    {
        return cut;
    }
    // Every judgment, quoted once, in the sentence's order.
    let mut quotes: Vec<String> = Vec::new();
    for (k, &j) in group.iter().enumerate() {
        let own = quotes_of(firsts[k]);
        if own.is_empty() {
            let words = findings[j]
                .matched
                .trim()
                .trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
            // "She is always making excuses": the person is asked about,
            // not quoted.
            let words = match suggest::person::person_at(words, 0) {
                Some((r, _)) if r.end < words.len() => {
                    let rest = words[r.end..].trim_start();
                    let copula = ["is ", "was ", "are ", "were ", "has ", "'s ", "’s "]
                        .iter()
                        .find_map(|c| rest.strip_prefix(c));
                    copula.unwrap_or(rest)
                }
                _ => words,
            };
            quotes.push(suggest::inflect::decapitalise(words).replace(['"', '“', '”'], ""));
        } else {
            quotes.extend(own.into_iter().map(|q| q.replace(['"', '“', '”'], "")));
        }
    }
    // "rude and": a joining word left at a quote's end goes.
    let quotes: Vec<String> = quotes
        .iter()
        .map(|q| {
            let mut q = q.trim().trim_end_matches([',', ';', ':']).trim_end();
            for join in [" and", " or", " but"] {
                q = q.strip_suffix(join).unwrap_or(q);
            }
            q.to_string()
        })
        .collect();
    let quotes = merged(sentence, suggest::distinct(&quotes));
    let list = quotes.join("\" and \"");
    let framed = firsts
        .iter()
        .find(|s| !quotes_of(s).is_empty())
        .and_then(|frame| {
            let ask = frame.find('?')?;
            let open = frame[..ask].find('"')?;
            let close = frame[..ask].rfind('"')?;
            // A question set in facts that still say a flagged word is
            // asked without them.
            let head = &frame[..open];
            let body = match head.find(": what ") {
                Some(colon)
                    if flagged
                        .iter()
                        .any(|m| contains_words(&head[..colon].to_lowercase(), m)) =>
                {
                    suggest::inflect::capitalise(&frame[colon + 2..open])
                }
                _ => head.to_string(),
            };
            Some(format!("{body}\"{list}\"{}", &frame[close + 1..]))
        })
        .unwrap_or_else(|| {
            // The person who opens the sentence is whom it judges: "She is
            // always making excuses and is clearly not committed …".
            let opener = sentence.trim_start();
            match suggest::person::person_at(opener, 0) {
                Some((r, p)) if !opener[r.end..].starts_with(['\'', '’']) || opener[r.end..].starts_with("'s ") && p.kind != suggest::person::Kind::Name => {
                    format!(
                        "What did {} do or say that read as \"{list}\"? Write that, and what {} might have needed.",
                        p.named(),
                        p.they()
                    )
                }
                _ => format!("What did you see or hear that read as \"{list}\"? Write that instead."),
            }
        });
    // A risk one of them asked to keep stays asked.
    let mut out = framed;
    for first in &firsts {
        if let Some(at) = first.rfind(" (keep \"") {
            let keep = first[at..].trim_end_matches(['.', '?', '!']);
            if !out.contains(keep.trim()) {
                let body = out.trim_end_matches(['.', '?', '!']).to_string();
                let end = if out.ends_with('?') { "?" } else { "." };
                out = format!("{body}{keep}{end}");
            }
        }
    }
    out
}

/// `suggestion` (a complete sentence) without its parts, after the
/// first, that say a word of `flagged`; `None` when the first part does,
/// when a cut part holds a risk word or more than four other words, or
/// when what is left is not a sentence with every judgment gone.
fn without_parts(suggestion: &str, flagged: &[String]) -> Option<String> {
    let body = suggestion.trim_end().trim_end_matches(['.', '!']);
    let mut parts: Vec<(&str, &str)> = Vec::new();
    let mut from = 0;
    for (at, sep) in body.match_indices([',', ';']) {
        parts.push((&body[from..at], sep));
        from = at + 1;
    }
    parts.push((&body[from..], ""));
    let says = |part: &str| {
        let lower = part.to_lowercase();
        flagged.iter().any(|m| contains_words(&lower, m))
    };
    if parts.len() < 2 || says(parts[0].0) {
        return None;
    }
    let mut kept = String::new();
    let mut cut_any = false;
    for (i, (part, sep)) in parts.iter().enumerate() {
        if i > 0 && says(part) {
            let lower = part.to_lowercase();
            let others = lower
                .split_whitespace()
                .filter(|w| !flagged.iter().any(|m| m.contains(w)))
                .count();
            if !suggest::risk_words(part).is_empty() || others > 4 {
                return None;
            }
            cut_any = true;
            continue;
        }
        if !kept.is_empty() {
            kept.push_str(if kept.ends_with(';') { " " } else { ", " });
        }
        kept.push_str(part.trim());
        if *sep == ";" && i + 1 < parts.len() {
            kept.push(';');
        }
    }
    let kept = format!("{}.", kept.trim_end_matches([',', ';']).trim_end());
    (cut_any
        && kept.split_whitespace().count() >= 3
        && suggest::label::verdict_in(&kept).is_none()
        && suggest::compose::grammatical(&kept))
    .then_some(kept)
}

/// `quotes` in the sentence's order, two that overlap in `sentence` made
/// one ("continues to be resistant to CBT homework" and "resistant to CBT
/// homework and gets defensive …" → the words from the first's start to
/// the second's end).
fn merged(sentence: &str, quotes: Vec<String>) -> Vec<String> {
    let lower = sentence.to_lowercase();
    let mut placed: Vec<(usize, usize, String)> = Vec::new();
    let mut unplaced: Vec<String> = Vec::new();
    for q in quotes {
        match lower.find(&q.to_lowercase()) {
            // Only where lower-casing kept every byte where it was.
            Some(at) if lower.len() == sentence.len() => placed.push((at, at + q.len(), q)),
            _ => unplaced.push(q),
        }
    }
    placed.sort_by_key(|&(at, end, _)| (at, end));
    let mut out: Vec<(usize, usize, String)> = Vec::new();
    for (at, end, q) in placed {
        match out.last_mut() {
            Some(last) if at < last.1 => {
                if let Some(words) = sentence.get(last.0..end).filter(|_| end > last.1) {
                    let mut text = words.to_string();
                    if last.2.starts_with(char::is_lowercase) {
                        text = suggest::inflect::decapitalise(&text);
                    }
                    *last = (last.0, end, text);
                }
            }
            _ => out.push((at, end, q)),
        }
    }
    out.into_iter().map(|(_, _, q)| q).chain(unplaced).collect()
}

/// Words of authority: flagged by compliance-framing, kept as facts.
const AUTHORITY: &[&str] = &[
    "told",
    "instructed",
    "advised",
    "reminded",
    "warned",
    "informed",
    "asked",
    "directed",
];

/// A complete sentence: no hole ("…") and no question; an ask in brackets
/// may end it ("(say when, and how often).").
fn clean(suggestion: &str) -> bool {
    let body = match suggestion.rfind(" (") {
        Some(at) if suggestion.trim_end_matches(['.', '!']).ends_with(')') => &suggestion[..at],
        _ => suggestion,
    };
    !body.contains(['…', '?', '('])
}

/// The words a margin question quotes before its question mark, each
/// quote alone: 'read as "obstructive" and "hostile"' → obstructive,
/// hostile. None for a statement.
fn quotes_of(suggestion: &str) -> Vec<String> {
    let Some(ask) = suggestion.find('?') else {
        return Vec::new();
    };
    let head = &suggestion[..ask];
    let (Some(open), Some(close)) = (head.find('"'), head.rfind('"')) else {
        return Vec::new();
    };
    if close <= open {
        return Vec::new();
    }
    head[open + 1..close]
        .split("\" and \"")
        .map(|q| q.trim().to_string())
        .filter(|q| !q.is_empty())
        .collect()
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
pub(crate) fn sentence_of(text: &str, start: usize, end: usize) -> (usize, usize) {
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
