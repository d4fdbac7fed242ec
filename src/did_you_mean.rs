//! "Did you mean …?": the closest of the names regard knows to one it does
//! not, for rule ids in suppression comments, `--select`/`--ignore`,
//! `.regard.yaml` and `regard rule ID`, and for directive names.
//!
//! Like cargo's and clap's suggestions, it offers one name or none: a
//! guess that is not close is worse than no guess. Names are compared
//! lower-cased with `_` read as `-`, by edit distance where swapping two
//! neighbouring letters is one edit (optimal string alignment, the
//! restricted Damerau-Levenshtein distance), so `Deficit-Label`,
//! `deficit_label`, `deficit-lable` and `deficit-labels` all find
//! `deficit-label`. A name that is a whole-word start of exactly one
//! known name (`credibility` for `credibility-doubt`) finds it too.

/// The known name closest to `name`, if one is close enough to suggest.
pub fn closest<'a, I>(name: &str, known: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let wanted = fold(name);
    // Up to a third of the name may be wrong, at least one letter.
    let limit = (wanted.chars().count() / 3).max(1);
    let mut best: Option<(usize, &str)> = None;
    let mut tied = false;
    let mut starts: Vec<&str> = Vec::new();
    for candidate in known {
        let folded = fold(candidate);
        let d = distance(&wanted, &folded);
        match best {
            Some((b, _)) if d > b => {}
            Some((b, _)) if d == b => tied = true,
            _ => {
                best = Some((d, candidate));
                tied = false;
            }
        }
        if !wanted.is_empty()
            && (folded.starts_with(&format!("{wanted}-"))
                || wanted.starts_with(&format!("{folded}-")))
        {
            starts.push(candidate);
        }
    }
    match best {
        Some((d, candidate)) if d <= limit && !tied => Some(candidate),
        Some((0, candidate)) => Some(candidate),
        _ if starts.len() == 1 => Some(starts[0]),
        _ => None,
    }
}

/// "did you mean `x`?" for the closest known name, if any.
pub fn hint<'a, I>(name: &str, known: I) -> Option<String>
where
    I: IntoIterator<Item = &'a str>,
{
    closest(name, known).map(|c| format!("did you mean `{c}`?"))
}

/// The help for a rule id that is not a rule (in `.regard.yaml`, on the
/// command line, in `regard rule ID`): the closest rule id, if one is close.
pub fn unknown_rule_help(id: &str, known: &[String]) -> String {
    let list = "`regard rules` lists the rules in force";
    match hint(id, known.iter().map(String::as_str)) {
        Some(hint) => format!("{hint} {list}"),
        None => list.to_string(),
    }
}

fn fold(name: &str) -> String {
    name.trim().to_lowercase().replace('_', "-")
}

/// Optimal string alignment distance, over characters: insertions,
/// deletions, substitutions and swaps of two neighbouring characters count
/// one edit each. The one edit distance in regard (rule ids, setting
/// names, word classes).
pub fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // Three rows of the edit table: two back, one back, this one.
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut row: Vec<usize> = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        row[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            row[j] = (previous[j] + 1)
                .min(row[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                row[j] = row[j].min(before[j - 2] + 1);
            }
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut row);
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    const IDS: [&str; 6] = [
        "credibility-doubt",
        "deficit-label",
        "identity-label",
        "unused-suppression",
        "unexplained-suppression",
        "blame-question",
    ];

    #[test]
    fn distances() {
        assert_eq!(distance("", ""), 0);
        assert_eq!(distance("abc", ""), 3);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("label", "lable"), 1);
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("ca", "abc"), 3);
        assert_eq!(distance("ab", "ba"), 1);
    }

    #[test]
    fn close_names_are_found() {
        let find = |n| closest(n, IDS);
        assert_eq!(find("deficit-lable"), Some("deficit-label"));
        assert_eq!(find("Deficit-Label"), Some("deficit-label"));
        assert_eq!(find("deficit_label"), Some("deficit-label"));
        assert_eq!(find("deficit-labels"), Some("deficit-label"));
        assert_eq!(find("defecit-lable"), Some("deficit-label"));
        assert_eq!(find("credibility"), Some("credibility-doubt"));
        assert_eq!(find("unused-supression"), Some("unused-suppression"));
    }

    #[test]
    fn far_or_ambiguous_names_are_not() {
        let find = |n| closest(n, IDS);
        assert_eq!(find("resistant"), None);
        assert_eq!(find("label"), None);
        assert_eq!(find(""), None);
        assert_eq!(find("x"), None);
        assert_eq!(closest("ab", ["aa", "bb"]), None);
        assert_eq!(
            closest("ignor", ["ignore", "disable", "enable"]),
            Some("ignore")
        );
        assert_eq!(
            closest("ignore-next-line", ["ignore", "disable", "enable"]),
            Some("ignore")
        );
    }
}
