//! `Template`: a message, suggestion or fix with holes: `{match}`, the
//! patterns' captures (`{who}`), and what `crate::suggest` knows about the
//! flagged sentence (`{reworded}`, `{subject}`, `{them}`, `{topic}` …).
//!
//! `{{` and `}}` stand for literal braces. Filters change a hole's value:
//! `{who:object}` (she → her), `{them:cap}` (capital first letter),
//! `{match:plain}` (claims → says, failed to → did not),
//! `{match:unquote}` (drops quotation marks), `{match:without(so-called)}`
//! (drops a word). Alternatives are separated by ` || `: the first whose
//! holes all have a value is used (a sentence may have no topic, a match no
//! plain form), and a template none of whose alternatives can be filled
//! yields nothing. Parsing happens once, at load time, so that a hole naming
//! a capture the patterns lack, or an unknown filter, is a rule error rather
//! than a surprise in someone's note.

use std::borrow::Cow;

use super::pattern::Groups;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    /// Alternatives, each a sequence of parts.
    alternatives: Vec<Vec<Part>>,
}

/// Where a template's holes get their values.
pub trait Values {
    /// The value of hole `name`, or `None` if it has none for this finding.
    fn get(&self, name: &str) -> Option<Cow<'_, str>>;
}

/// The holes every template may use whatever its patterns capture: what
/// `crate::suggest` knows about the flagged sentence.
pub const CONTEXT_HOLES: &[&str] = &[
    "sentence",
    "before",
    "after",
    "subject",
    "person",
    "name",
    "they",
    "them",
    "their",
    "topic",
    // The topic and the person, only where the sentence names a setback
    // ("missed", "did not", "refused"): "What got in the way of …" asks
    // about something that did not happen.
    "setback_topic",
    "setback_person",
    "when",
    "fix",
    "reworded",
    "occasions",
    "statement",
    "lead",
    "tail",
    "facts",
    "described",
    "reported",
    "pronoun",
    "seen",
    "said_before",
    "occasion",
    "flagged",
    "judged",
    "judged_where",
    "judged_who",
];

/// The separator of alternatives.
const OR: &str = " || ";

#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Text(String),
    /// A hole, with its byte offset in the template text (for errors) and
    /// an optional filter (`{who:object}`).
    Hole(String, usize, Vec<Filter>),
}

/// A change applied to a hole's value before it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    /// Subject pronoun to object pronoun (`she` → `her`), so a capture of
    /// "why does she …" reads right in "what makes it hard for her".
    Object,
    /// First letter in upper case.
    Cap,
    /// First letter in lower case (not for "I" or an acronym).
    Lower,
    /// The plain verb for a judgmental one (`suggest::inflect::plain`);
    /// no value if there is none.
    Plain,
    /// Without quotation marks; no value if there were none.
    Unquote,
    /// Without this word (and a space beside it); no value if it was not there.
    Without(String),
}

const FILTERS_HELP: &str = "filters are `:object`, `:cap`, `:lower`, `:plain`, `:unquote` and `:without(word)`, as in `{who:object}`";

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
        let mut alternatives = Vec::new();
        let mut offset = 0;
        for alternative in text.split(OR) {
            let mut parts = Self::parse_one(alternative).map_err(|e| TemplateError {
                offset: e.offset + offset,
                ..e
            })?;
            for part in &mut parts {
                if let Part::Hole(_, at, _) = part {
                    *at += offset;
                }
            }
            alternatives.push(parts);
            offset += alternative.len() + OR.len();
        }
        Ok(Template { alternatives })
    }

    fn parse_one(text: &str) -> Result<Vec<Part>, TemplateError> {
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
                    let mut pieces = rest[..close].split(':');
                    let name = pieces.next().unwrap_or_default();
                    let mut filters = Vec::new();
                    for f in pieces {
                        let filter = match f {
                            "object" => Filter::Object,
                            "cap" => Filter::Cap,
                            "lower" => Filter::Lower,
                            "plain" => Filter::Plain,
                            "unquote" => Filter::Unquote,
                            _ => match f
                                .strip_prefix("without(")
                                .and_then(|w| w.strip_suffix(')'))
                                .filter(|w| !w.trim().is_empty())
                            {
                                Some(word) => Filter::Without(word.to_string()),
                                None => {
                                    return Err(TemplateError {
                                        offset: i,
                                        len: close + 2,
                                        reason: FILTERS_HELP,
                                    })
                                }
                            },
                        };
                        filters.push(filter);
                    }
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
                    parts.push(Part::Hole(name.to_string(), i, filters));
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
        Ok(parts)
    }

    /// The holes, with their byte offsets in the template text.
    pub fn holes(&self) -> impl Iterator<Item = (&str, usize)> {
        self.alternatives.iter().flatten().filter_map(|p| match p {
            Part::Hole(name, at, _) => Some((name.as_str(), *at)),
            Part::Text(_) => None,
        })
    }

    /// Whether some alternative uses no hole named `name`, so that a match
    /// without that capture still renders ("… for {who:object} || …").
    pub fn has_alternative_without(&self, name: &str) -> bool {
        self.alternatives.iter().any(|parts| {
            !parts
                .iter()
                .any(|p| matches!(p, Part::Hole(n, ..) if n == name))
        })
    }

    /// Renders the first alternative whose holes all have a value.
    pub fn render_with(&self, values: &dyn Values) -> Option<String> {
        self.render_where(values, Some)
    }

    /// Renders the alternatives whose holes all have a value, in order,
    /// and returns the first that `accept` turns into a result: a
    /// rewording that a guard refuses (`suggest::compose::grammatical`)
    /// gives way to the next alternative.
    pub fn render_where(
        &self,
        values: &dyn Values,
        mut accept: impl FnMut(String) -> Option<String>,
    ) -> Option<String> {
        'alternatives: for parts in &self.alternatives {
            let mut out = String::new();
            for part in parts {
                match part {
                    Part::Text(t) => out.push_str(t),
                    Part::Hole(name, _, filters) => {
                        let Some(mut value) = values.get(name).map(Cow::into_owned) else {
                            continue 'alternatives;
                        };
                        for f in filters {
                            match apply(f, &value) {
                                Some(v) => value = v,
                                None => continue 'alternatives,
                            }
                        }
                        out.push_str(&value);
                    }
                }
            }
            if let Some(accepted) = accept(out) {
                return Some(accepted);
            }
        }
        None
    }

    /// Fills the holes from the matched words and captures alone (no
    /// sentence): for messages of engine checks and for tests. A hole with
    /// no value renders as nothing.
    pub fn render(&self, matched: &str, captures: Option<Groups<'_>>) -> String {
        struct Plain<'a> {
            matched: &'a str,
            captures: Option<Groups<'a>>,
        }
        impl Values for Plain<'_> {
            fn get(&self, name: &str) -> Option<Cow<'_, str>> {
                if name == MATCH {
                    return Some(Cow::Borrowed(self.matched));
                }
                Some(Cow::Borrowed(
                    self.captures.and_then(|c| c.name(name)).unwrap_or(""),
                ))
            }
        }
        self.render_with(&Plain { matched, captures })
            .unwrap_or_default()
    }
}

fn apply(filter: &Filter, value: &str) -> Option<String> {
    use crate::suggest::inflect;
    Some(match filter {
        Filter::Object => object_pronoun(value),
        Filter::Cap => inflect::capitalise(value),
        Filter::Lower => inflect::decapitalise(value),
        Filter::Plain => inflect::plain(value)?,
        Filter::Unquote => {
            // Quotation marks go; an apostrophe inside a word ("client's") stays.
            let chars: Vec<char> = value.chars().collect();
            let mut out = String::with_capacity(value.len());
            for (k, &c) in chars.iter().enumerate() {
                let inside_word = matches!(c, '\'' | '’')
                    && k > 0
                    && chars[k - 1].is_alphanumeric()
                    && chars.get(k + 1).is_some_and(|n| n.is_alphanumeric());
                if inside_word || !matches!(c, '"' | '\'' | '‘' | '’' | '“' | '”') {
                    out.push(c);
                }
            }
            if out.len() == value.len() {
                return None;
            }
            out
        }
        Filter::Without(word) => {
            let lower = value.to_ascii_lowercase();
            let at = lower.find(&word.to_ascii_lowercase())?;
            let end = at + word.len();
            let (mut start, mut stop) = (at, end);
            if value[stop..].starts_with(' ') {
                stop += 1;
            } else if value[..start].ends_with(' ') {
                start -= 1;
            }
            format!("{}{}", &value[..start], &value[stop..])
        }
    })
}

fn object_pronoun(word: &str) -> String {
    let object = match word.to_ascii_lowercase().as_str() {
        "she" => "her",
        "he" => "him",
        "they" => "them",
        "we" => "us",
        "i" => "me",
        // A possessive caught as the person ("what's his excuse"): the
        // person, not their belongings ("hard for him").
        "his" => "him",
        "their" => "them",
        "our" => "us",
        "my" => "me",
        _ => {
            let plain = word
                .strip_suffix("'s")
                .or_else(|| word.strip_suffix("\u{2019}s"));
            return plain.filter(|p| !p.is_empty()).unwrap_or(word).to_string();
        }
    };
    object.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_possessive_person_becomes_the_person() {
        assert_eq!(object_pronoun("his"), "him");
        assert_eq!(object_pronoun("her"), "her");
        assert_eq!(object_pronoun("Their"), "them");
        assert_eq!(object_pronoun("Leila's"), "Leila");
        assert_eq!(object_pronoun("Mum\u{2019}s"), "Mum");
        assert_eq!(object_pronoun("she"), "her");
    }

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
        let bad = Template::parse("a || b {who:upper}").unwrap_err();
        assert_eq!(bad.offset, 7);
    }

    #[test]
    fn lists_holes_with_offsets() {
        let t = Template::parse("{match} and {who}").unwrap();
        assert_eq!(
            t.holes().collect::<Vec<_>>(),
            vec![("match", 0), ("who", 12)]
        );
        let t = Template::parse("{reworded} || {subject:cap} … {{x}} {topic}").unwrap();
        assert_eq!(
            t.holes().collect::<Vec<_>>(),
            vec![("reworded", 0), ("subject", 14), ("topic", 38)]
        );
    }

    struct Map(&'static [(&'static str, &'static str)]);
    impl Values for Map {
        fn get(&self, name: &str) -> Option<Cow<'_, str>> {
            self.0
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| Cow::Borrowed(*v))
        }
    }

    #[test]
    fn alternatives_fall_through_to_one_that_has_values() {
        let t =
            Template::parse("{reworded} || What about {topic} for {them}? || Ask {them}.").unwrap();
        let values = Map(&[("them", "her"), ("topic", "the rota")]);
        assert_eq!(
            t.render_with(&values).as_deref(),
            Some("What about the rota for her?")
        );
        let values = Map(&[("them", "Sam")]);
        assert_eq!(t.render_with(&values).as_deref(), Some("Ask Sam."));
        assert_eq!(t.render_with(&Map(&[])), None);
    }

    #[test]
    fn an_alternative_may_do_without_a_capture() {
        let t = Template::parse("hard for {who:object} || hard").unwrap();
        assert!(t.has_alternative_without("who"));
        assert!(!Template::parse("hard for {who}")
            .unwrap()
            .has_alternative_without("who"));
    }

    #[test]
    fn filters() {
        let t = Template::parse("{match:plain}").unwrap();
        assert_eq!(
            t.render_with(&Map(&[("match", "claimed")])).as_deref(),
            Some("said")
        );
        assert_eq!(t.render_with(&Map(&[("match", "resistant")])), None);
        let t = Template::parse("{match:without(so-called)}").unwrap();
        assert_eq!(
            t.render_with(&Map(&[("match", "her so-called friends")]))
                .as_deref(),
            Some("her friends")
        );
        let t = Template::parse("{match:unquote}").unwrap();
        assert_eq!(
            t.render_with(&Map(&[("match", "her \"migraines\"")]))
                .as_deref(),
            Some("her migraines")
        );
        assert_eq!(
            t.render_with(&Map(&[("match", "the client's 'bad back'")]))
                .as_deref(),
            Some("the client's bad back")
        );
        let t = Template::parse("{them:cap}").unwrap();
        assert_eq!(
            t.render_with(&Map(&[("them", "they")])).as_deref(),
            Some("They")
        );
    }
}
