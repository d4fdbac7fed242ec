//! `Template`: a message or suggestion with `{match}` and `{capture}` holes.
//!
//! `{{` and `}}` stand for literal braces. Parsing happens once, at load
//! time, so that a hole naming a capture the patterns lack is a rule error
//! rather than a surprise in someone's note.

use super::pattern::Groups;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    parts: Vec<Part>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Text(String),
    /// A hole, with its byte offset in the template text (for errors) and
    /// an optional filter (`{who:object}`).
    Hole(String, usize, Option<Filter>),
}

/// A change applied to a capture before it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    /// Subject pronoun to object pronoun (`she` → `her`), so a capture of
    /// "why does she …" reads right in "what makes it hard for her".
    Object,
}

/// The name every template may use: the matched words.
pub const MATCH: &str = "match";

/// Why a template did not parse, and where (byte offset in the template).
#[derive(Debug, PartialEq, Eq)]
pub struct TemplateError {
    pub offset: usize,
    pub len: usize,
    pub reason: &'static str,
}

impl Template {
    pub fn parse(text: &str) -> Result<Template, TemplateError> {
        let mut parts = Vec::new();
        let mut literal = String::new();
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            match c {
                '{' if chars.peek().map(|&(_, c)| c) == Some('{') => {
                    chars.next();
                    literal.push('{');
                }
                '}' if chars.peek().map(|&(_, c)| c) == Some('}') => {
                    chars.next();
                    literal.push('}');
                }
                '{' => {
                    let rest = &text[i + 1..];
                    let Some(close) = rest.find('}') else {
                        return Err(TemplateError {
                            offset: i,
                            len: 1,
                            reason: "this `{` is never closed (write `{{` for a literal brace)",
                        });
                    };
                    let (name, filter) = match rest[..close].split_once(':') {
                        Some((name, "object")) => (name, Some(Filter::Object)),
                        Some(_) => {
                            return Err(TemplateError {
                                offset: i,
                                len: close + 2,
                                reason: "the only filter is `:object`, as in `{who:object}`",
                            })
                        }
                        None => (&rest[..close], None),
                    };
                    let valid = !name.is_empty()
                        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
                    if !valid {
                        return Err(TemplateError {
                            offset: i,
                            len: close + 2,
                            reason: "a hole holds one name, like `{match}` or `{who}`",
                        });
                    }
                    if !literal.is_empty() {
                        parts.push(Part::Text(std::mem::take(&mut literal)));
                    }
                    parts.push(Part::Hole(name.to_string(), i, filter));
                    for _ in 0..=close {
                        chars.next();
                    }
                }
                '}' => {
                    return Err(TemplateError {
                        offset: i,
                        len: 1,
                        reason: "this `}` has no `{` (write `}}` for a literal brace)",
                    })
                }
                c => literal.push(c),
            }
        }
        if !literal.is_empty() {
            parts.push(Part::Text(literal));
        }
        Ok(Template { parts })
    }

    /// The holes, with their byte offsets in the template text.
    pub fn holes(&self) -> impl Iterator<Item = (&str, usize)> {
        self.parts.iter().filter_map(|p| match p {
            Part::Hole(name, at, _) => Some((name.as_str(), *at)),
            Part::Text(_) => None,
        })
    }

    /// Fills the holes. Validation guarantees every hole other than `match`
    /// is a capture of the pattern that matched; an optional group that did
    /// not take part in the match renders as nothing.
    pub fn render(&self, matched: &str, captures: Option<Groups<'_>>) -> String {
        let mut out = String::new();
        for part in &self.parts {
            match part {
                Part::Text(t) => out.push_str(t),
                Part::Hole(name, _, filter) => {
                    let value = if name == MATCH {
                        Some(matched)
                    } else {
                        captures.and_then(|c| c.name(name))
                    };
                    match (value, filter) {
                        (Some(v), Some(Filter::Object)) => out.push_str(&object_pronoun(v)),
                        (Some(v), None) => out.push_str(v),
                        (None, _) => {}
                    }
                }
            }
        }
        out
    }
}

fn object_pronoun(word: &str) -> String {
    let object = match word.to_ascii_lowercase().as_str() {
        "she" => "her",
        "he" => "him",
        "they" => "them",
        "we" => "us",
        "i" => "me",
        _ => return word.to_string(),
    };
    object.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_match_and_literal_braces() {
        let t = Template::parse("`{match}` {{sic}}").unwrap();
        assert_eq!(t.render("resistant", None), "`resistant` {sic}");
    }

    #[test]
    fn renders_named_captures() {
        let pattern = super::super::Pattern::parse(r"why does (?P<who>\w+) keep").unwrap();
        let hay = "why does she keep";
        let caps = pattern
            .regex(super::super::pattern::Speed::Fast)
            .captures_iter(hay)
            .next()
            .unwrap();
        let t = Template::parse("What makes it hard for {who:object}, {who}?").unwrap();
        assert_eq!(
            t.render("x", Some(Groups::new(&caps, hay))),
            "What makes it hard for her, she?"
        );
    }

    #[test]
    fn reports_unclosed_and_bad_holes() {
        assert_eq!(Template::parse("ab {who").unwrap_err().offset, 3);
        let bad = Template::parse("x {two words} y").unwrap_err();
        assert_eq!((bad.offset, bad.len), (2, 11));
        assert_eq!(Template::parse("a } b").unwrap_err().offset, 2);
        assert!(Template::parse("{who:upper}").is_err());
    }

    #[test]
    fn lists_holes_with_offsets() {
        let t = Template::parse("{match} and {who}").unwrap();
        assert_eq!(
            t.holes().collect::<Vec<_>>(),
            vec![("match", 0), ("who", 12)]
        );
    }
}
