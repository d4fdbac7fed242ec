//! Rewordings built clause by clause, for the rules whose judgment is a
//! whole shape of sentence rather than a word: a blame question, a motive
//! read into what someone did, a moral verdict.
//!
//! Each hole here is the flagged sentence with only the judgment taken out
//! and every fact kept, or a curious question about the same thing from the
//! person's side; `None` when the sentence is not of a shape this knows (the
//! template's next alternative is used then).
//!
//! | hole | value |
//! |---|---|
//! | `restated` | a blame question as what happened: "Is it really beyond her to press the buzzer before she gets up?" → "She has not pressed the buzzer before she gets up." |
//! | `wonder` | the blame question turned curious: "What makes it hard for her to press the buzzer before she gets up?" |
//! | `unmotived` | the sentence without the motive read into it: "M wrecked her room on purpose just to wind me up." → "M wrecked her room." |
//! | `unmoralised` | the sentence without the moral verdict: "His dad should be ashamed letting him out at all hours." → "His dad has let him out at all hours." |
//! | `plainer` | the rule's rewording with the same kind of judgment elsewhere in the sentence made plain too: "Pt refused obs and remains non-compliant with fluid restriction." → "Pt declined obs and is not keeping to the fluid restriction." |

use std::sync::OnceLock;

use regex::Regex;

use super::person::{self, Gender};
use super::{inflect, tidy, Context};

/// The holes this module fills (checked when a rule file is loaded).
pub const HOLES: &[&str] = &[
    "restated",
    "wonder",
    "unmotived",
    "unmotived_wonder",
    "unmoralised",
    "unmoralised_wonder",
    "plainer",
    "absolute_plain",
    "absolute_wonder",
];

/// The value of hole `name` for the finding `matched` in `cx`, or `None`.
pub fn hole(name: &str, cx: &Context<'_>, matched: &str, reworded: Option<&str>) -> Option<String> {
    let _ = matched;
    match name {
        // A question that holds its verdict beside the act ("when she
        // knows what he's like") is asked from the person's side first;
        // the statement of the act alone comes second (set l's ratings).
        "restated" => blame_in(cx).map(|b| match b.counterpoint() {
            Some(_) => b.wonder(),
            None => b.statement(),
        }),
        "wonder" => blame_in(cx).map(|b| match b.counterpoint() {
            Some(at) => b.without_rest_from(at).statement(),
            None => b.wonder(),
        }),
        "unmotived_wonder" => going_on(cx, &unmotived(cx)?),
        "unmoralised_wonder" => going_on(cx, &unmoralised(cx)?),
        "unmotived" => unmotived(cx),
        "unmoralised" => unmoralised(cx),
        "plainer" => plainer(cx, reworded),
        "absolute_plain" => absolute_plain(cx),
        "absolute_wonder" => absolute_wonder(cx),
        _ => None,
    }
}

/// The blame question of `cx`, with the person's pronoun from the note
/// when the question names them without one ("Stanley … he").
fn blame_in(cx: &Context<'_>) -> Option<Blame> {
    let mut b = blame(cx.sentence())?;
    if b.pronoun.is_none() && b.who == cx.person.name {
        b.pronoun = match cx.person.gender {
            Gender::Female => Some("she".into()),
            Gender::Male => Some("he".into()),
            _ => None,
        };
    }
    Some(b)
}

use super::regex::cached as re;

// ---------------------------------------------------------------------------
// Word forms.

/// The base of an "-ing" word, with the "e" that "-ing" took: "waking" →
/// "wake", "using" → "use" (a short stem of consonant, vowel, consonant).
fn base_ing(word: &str) -> Option<String> {
    let base = inflect::base(word)?;
    let b = base.as_bytes();
    let w = word.as_bytes();
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    let doubled = w.len() >= 5 && w[w.len() - 4] == w[w.len() - 5];
    let cvc = b.len() == 3 && inflect::ends_cvc(&base);
    let vc = b.len() == 2 && vowel(b[0]) && !vowel(b[1]) && !matches!(b[1], b'w' | b'x' | b'y');
    if word.ends_with("ing") && !doubled && (cvc || vc) {
        return Some(format!("{base}e"));
    }
    Some(base)
}

/// The perfect of a base verb after "has"/"have": "show" → "shown up".
fn perfect(base: &str) -> String {
    match base {
        "show" => "shown up".into(),
        b => inflect::participle(b),
    }
}

/// How a person named at the start of a sentence reads inside one: "The
/// client" → "the client", "She" → "she"; a name stays as it is.
fn inside(who: &str) -> String {
    let first = who.split(' ').next().unwrap_or("").to_ascii_lowercase();
    if matches!(
        first.as_str(),
        "the"
            | "this"
            | "that"
            | "a"
            | "an"
            | "our"
            | "my"
            | "her"
            | "his"
            | "their"
            | "she"
            | "he"
            | "they"
    ) {
        inflect::decapitalise(who)
    } else {
        who.to_string()
    }
}

/// "her" → "she": a person named as an object, as a subject.
pub(crate) fn as_subject(word: &str) -> String {
    match word.to_ascii_lowercase().as_str() {
        "her" => "she".into(),
        "him" => "he".into(),
        "them" => "they".into(),
        _ => word.to_string(),
    }
}

/// "she" → "her": a person named as a subject, as an object.
pub(crate) fn as_object(word: &str) -> String {
    match word.to_ascii_lowercase().as_str() {
        "she" => "her".into(),
        "he" => "him".into(),
        "they" => "them".into(),
        _ => word.to_string(),
    }
}

/// Scare quotes off single words: he "lost" it → he lost it.
pub(crate) fn unquote_words(text: &str) -> String {
    static RE: OnceLock<Regex> = OnceLock::new();
    let r = re(&RE, r#"["“”]([A-Za-z-]+)["“”]|(^|\s)['‘]([A-Za-z-]+)['’]"#);
    r.replace_all(text, |c: &super::regex::Captures| match c.get(1) {
        Some(w) => w.as_str().to_string(),
        None => format!("{}{}", &c[2], &c[3]),
    })
    .into_owned()
}

// ---------------------------------------------------------------------------
// Blame questions.

/// A blame question read as who did (or did not do) what.
#[derive(Debug, Clone)]
struct Blame {
    /// As the question names them, as a subject: "She", "Mr Lyle", "this boy".
    who: String,
    /// Their subject pronoun when the question gives one ("she").
    pronoun: Option<String>,
    plural: bool,
    shape: Shape,
    /// The base verb and what follows it: "press the buzzer before …".
    verb: String,
    rest: String,
    /// What the statement adds after the facts, not asked about:
    /// ", though she has been shown how", "(say how many, and when)".
    note: String,
}

#[derive(Debug, Clone, PartialEq)]
enum Shape {
    /// "Why does she keep cancelling" → "has cancelled".
    Habit,
    /// "Why did she stop" → "stopped".
    Past,
    /// "Why won't he ring", "Is it beyond her to press" → "has not rung".
    Not,
    /// "Why didn't Mum call" → "did not call".
    DidNot,
    /// "How does he still not know" → "does not know … yet".
    DoesNot,
    /// "Why is she still working" → "is still working".
    Still,
    /// "Does M expect me to believe she lost it" → "M says she lost it".
    Says,
    /// "How many times do I have to tell her about X" → "I have told her about X".
    Told,
    /// "How many times does he need telling not to get up" → "He has been told not to get up".
    BeenTold,
}

impl Blame {
    fn has(&self) -> &'static str {
        if self.plural {
            "have"
        } else {
            "has"
        }
    }

    /// Where the rest turns from the act to the writer's counterpoint:
    /// "when she knows what he's like", "after everything we have put in
    /// place", ", does he actually want work", "and then come here and cry
    /// about it", "when the duty doc is off". Said beside the act, it
    /// makes the statement an accusation.
    fn counterpoint(&self) -> Option<usize> {
        static RE: OnceLock<Regex> = OnceLock::new();
        let r = re(
            &RE,
            r"(?i)(?:,\s*(?:and\s+)?(?:does|do|did|is|isn't|are|was|how|what|why|who|can|can't|won't|will|would|surely)\b|(?:^|\s|,)\s*(?:when|whenever|though|although|even\s+though|despite|after|given)\s+(?:everything|all\s+(?:that|the|we)\b|every\b|(?:she|he|they|we|i)\s+(?:knows?|knew|has\s+(?:a|an|been|had|got)|have\s+(?:a|an|been|had|got)|had\s+(?:a|an|every|been)|'s\s+been|'ve\s+been|can|could)\b|(?:the|a|an|no|nobody|no\s+one)\s*(?:[a-z]+\s+){0,2}(?:is|are|was|were)\s+(?:off|away|out|not|around)\b)|(?:^|\s|,)\s*(?:on\s+)?the\s+(?:day|morning|night|week|time)\s+(?:she|he|they)(?:'s|'re|\s+is|\s+are|\s+was|\s+were)\s+(?:supposed|meant|due)\s+to\b|(?:^|\s|,)\s*(?:and\s+)?then\s+(?:come|comes|complain|complains|cry|cries|moan|moans|expect|expects|wonder|wonders|blame|blames)\b)",
        );
        let m = r.find(&self.rest)?;
        // Risk said beside the act ("when she knows he has a knife") is
        // kept word for word: no question leaves it out.
        if !super::risk_words(&self.rest[m.start()..]).is_empty() {
            return None;
        }
        // An act must be left before it.
        self.rest[..m.start()]
            .chars()
            .any(char::is_alphanumeric)
            .then_some(m.start())
    }

    /// The question with its rest cut at `at` (the counterpoint).
    fn without_rest_from(&self, at: usize) -> Blame {
        let mut b = self.clone();
        b.rest = self.rest[..at].trim_end_matches([',', ' ']).to_string();
        b
    }

    fn statement(&self) -> String {
        let has = self.has();
        let rest = if self.rest.is_empty() {
            String::new()
        } else {
            format!(" {}", self.rest)
        };
        let rest = format!("{rest}{}", self.note);
        let body = match self.shape {
            Shape::Habit => format!("{} {has} {}{rest}", self.who, perfect(&self.verb)),
            Shape::Past => format!("{} {}{rest}", self.who, inflect::past(&self.verb)),
            Shape::Not => format!("{} {has} not {}{rest}", self.who, perfect(&self.verb)),
            Shape::DidNot => format!("{} did not {}{rest}", self.who, self.verb),
            Shape::DoesNot => format!(
                "{} {} not {}{rest}",
                self.who,
                if self.plural { "do" } else { "does" },
                self.verb
            ),
            Shape::Still => format!(
                "{} {} still {}{rest}",
                self.who,
                if self.plural { "are" } else { "is" },
                inflect::present_participle(&self.verb)
            ),
            Shape::Says => format!(
                "{} {} {}{rest}",
                self.who,
                if self.plural { "say" } else { "says" },
                self.verb
            ),
            Shape::Told => format!(
                "I have {} {}{rest} (say when, and what {} said)",
                inflect::participle(&self.verb),
                as_object(&self.who),
                self.pronoun.as_deref().unwrap_or("they")
            ),
            Shape::BeenTold => format!(
                "{} {} been {}{rest} (say when, and what {} said)",
                self.who,
                self.has(),
                inflect::participle(&self.verb),
                self.pronoun.as_deref().unwrap_or("they")
            ),
        };
        tidy(&format!("{}.", unquote_words(&body)))
    }

    fn wonder(&self) -> String {
        let them = inside(&as_object(&self.who));
        // The question asks about the act, not the occasion around it.
        static CLAUSE: OnceLock<Regex> = OnceLock::new();
        let clause = re(
            &CLAUSE,
            r"(?i),|\s(?:when|whenever|if|though|because|and)\s",
        );
        let end = clause
            .find(&self.rest)
            .map_or(self.rest.len(), |m| m.start());
        let end = self.counterpoint().map_or(end, |at| at.min(end));
        let act = &self.rest[..end];
        let rest = if act.trim().is_empty() {
            String::new()
        } else {
            format!(" {}", act.trim())
        };
        let q = match self.shape {
            Shape::Not | Shape::DidNot | Shape::DoesNot | Shape::BeenTold => {
                if self.shape == Shape::DidNot {
                    format!("What made it hard for {them} to {}{rest}?", self.verb)
                } else if self.shape == Shape::BeenTold {
                    format!("What makes it hard for {them}{rest}?")
                } else {
                    let verb = if self.verb == "show" {
                        "show up"
                    } else {
                        &self.verb
                    };
                    format!("What makes it hard for {them} to {verb}{rest}?")
                }
            }
            Shape::Says => format!("What would {} say happened?", inside(&self.who)),
            Shape::Told => {
                let about = rest.trim().strip_prefix("about ").unwrap_or(rest.trim());
                format!("What would {} say about {about}?", as_subject(&them))
            }
            Shape::Still => format!(
                "What matters to {them} about {}{rest}?",
                inflect::present_participle(&self.verb)
            ),
            Shape::Habit | Shape::Past => match &self.pronoun {
                Some(p) => format!(
                    "What was going on for {them} when {p} {}{rest}?",
                    inflect::past(&self.verb)
                ),
                None => format!(
                    "What would {} say about {}{rest}?",
                    inside(&self.who),
                    inflect::present_participle(&self.verb)
                ),
            },
        };
        tidy(&unquote_words(&q))
    }
}

/// The person named at `at` in `s`: where the name ends, the name as a
/// subject, and whether it is plural.
fn subject_at(s: &str, at: usize) -> Option<(usize, String, bool, Option<String>)> {
    static OWNED: OnceLock<Regex> = OnceLock::new();
    let rest = &s[at..];
    let first = rest.split([' ', ',', '?']).next().unwrap_or("");
    let lower = first.to_ascii_lowercase();
    let pronoun = matches!(
        lower.as_str(),
        "her" | "him" | "them" | "she" | "he" | "they"
    );
    // "her daughter" is a person; "beyond her to" is "she".
    let role = person::person_at(s, at).filter(|(r, _)| r.end > at + first.len() || !pronoun);
    if pronoun && role.is_none() {
        let subj = as_subject(&lower);
        let plural = subj == "they";
        return Some((at + first.len(), subj.clone(), plural, Some(subj)));
    }
    if let Some((r, p)) = role {
        // "Bert's son", "Lou's client": the one the possessive names.
        if let Some(c) = re(&OWNED, r"^['’]s\s+(?P<noun>[a-z][a-z-]+)\b").captures(&s[r.end..]) {
            let noun = &c["noun"];
            let noun_at = r.end + c.name("noun").map_or(0, |m| m.start());
            // Only a person's own person ("Bert's son"), never "She's asking".
            let a_person = p.kind != person::Kind::Pronoun
                && person::person_at(s, noun_at).is_some_and(|(_, q)| q.kind == person::Kind::Role);
            if a_person && !person::looks_like_verb(noun) && !DETS_AND_JOINS.contains(&noun) {
                let end = r.end + c.get(0).map_or(0, |m| m.end());
                let pronoun = match person::gender_of_role(noun) {
                    Gender::Female => Some("she".to_string()),
                    Gender::Male => Some("he".to_string()),
                    _ => None,
                };
                let plural = person::gender_of_role(noun) == Gender::Plural;
                return Some((end, s[at..end].to_string(), plural, pronoun));
            }
        }
        let plural = p.gender == Gender::Plural;
        let pronoun = match p.gender {
            Gender::Female => Some("she".to_string()),
            Gender::Male => Some("he".to_string()),
            _ => None,
        };
        return Some((r.end, s[r].to_string(), plural, pronoun));
    }
    static NOUN: OnceLock<Regex> = OnceLock::new();
    let noun = re(
        &NOUN,
        r"^(?:(?i:this|that|the|a|an|our|my) [a-z0-9'-]+|(?:(?:Mr|Mrs|Ms|Miss|Dr) )?[A-HJ-Z]\.?)(?:\s|$)",
    );
    let m = noun.find(rest)?;
    let mut text = m.as_str().trim_end().to_string();
    // "a 14 yr old", "the new night manager": the words up to the verb.
    if text.contains(' ') {
        for word in rest[text.len()..].split_whitespace().take(3) {
            let w = word.to_ascii_lowercase();
            let verbish = w.ends_with("ing") || w.ends_with("ed") || person::looks_like_verb(&w);
            if verbish
                || !w.chars().all(|c| c.is_alphanumeric() || c == '-')
                || DETS_AND_JOINS.contains(&w.as_str())
            {
                break;
            }
            text = format!("{text} {word}");
        }
    }
    Some((at + text.len(), text, false, None))
}

/// Words that end a noun phrase a subject is read from.
const DETS_AND_JOINS: &[&str] = &[
    "the", "a", "an", "and", "or", "but", "to", "of", "in", "on", "at", "for", "with", "when",
    "if", "who", "that", "which", "is", "was", "are", "were", "has", "have", "had", "will",
    "would", "can", "could", "should", "does", "did", "do", "keeps", "keep", "still", "never",
    "always", "just", "really", "out",
];

/// Clauses of a blame question that hold the verdict, not a fact: "if he
/// isn't willing to do the work", "like everyone else", "when it's
/// obviously going nowhere", "before it sinks in". Returns the facts, and
/// a note for the statement only ("though she has been shown how").
fn clean_rest(rest: &str, pronoun: Option<&str>, plural: bool, habit: bool) -> (String, String) {
    static CUTS: OnceLock<Regex> = OnceLock::new();
    static DROPS: OnceLock<Regex> = OnceLock::new();
    static SHOWN: OnceLock<Regex> = OnceLock::new();
    static GOOD: OnceLock<Regex> = OnceLock::new();
    static SINGLE: OnceLock<Regex> = OnceLock::new();
    static AND_ING: OnceLock<Regex> = OnceLock::new();
    let mut rest = format!(" {}", rest.trim());
    let cut = re(
        &CUTS,
        r"(?i),?\s+(?:if\s|when (?:it'?s|it is) (?:obviously|clearly)|plain and simple\b|before (?:it|this|that) sinks in|before (?:she|he|they) (?:takes?|gets?|learns?|realises?|realizes?) (?:any of )?(?:it|this|that|things)? ?seriously).*$",
    );
    rest = cut.replace(&rest, "").into_owned();
    let drops = re(
        &DROPS,
        r"(?i),?\s+(?:(?:just )?like everyone else|for (?:one|a) single (?:day|week|morning|session|time)|for once)\b",
    );
    rest = drops.replace_all(&rest, "").into_owned();
    let p = pronoun.unwrap_or("they");
    let has = if plural || p == "they" { "have" } else { "has" };
    let mut note = String::new();
    let shown = re(
        &SHOWN,
        r"(?i),?\s+like (?:she|he|they)(?:'s|’s| has| have| had|'ve)? been (shown|told|asked)\b.*$",
    );
    if let Some(c) = shown.captures(&rest) {
        let verb = c[1].to_ascii_lowercase();
        let start = c.get(0).map_or(0, |m| m.start());
        note = format!(", though {p} {has} been {verb} how");
        rest.truncate(start);
    }
    let good = re(
        &GOOD,
        r"(?i),?\s+when (?:she|he|they)(?:'s|’s| has| have|'ve) been told (?:that )?it'?s for (?:his|her|their) own good",
    );
    if let Some(m) = good.find(&rest) {
        note = format!(
            ", though {p} {has} been told what it is for{}",
            &rest[m.end()..]
        );
        rest.truncate(m.start());
    }
    let single = re(&SINGLE, r"(?i)\b(?:a single (?:piece of )?|every single\b)");
    rest = single
        .replace_all(&rest, |c: &super::regex::Captures| {
            if c[0].to_ascii_lowercase().starts_with("every") {
                "every".to_string()
            } else {
                "any ".to_string()
            }
        })
        .into_owned();
    // `habit`: the statement is in the perfect ("has cancelled", "has not
    // rung"), and so is a verb joined to it.
    // "won't sit down and do one thing" → "has not sat down and done one thing".
    if habit {
        static AND_BASE: OnceLock<Regex> = OnceLock::new();
        let and_base = re(
            &AND_BASE,
            r"\band (do|try|get|take|make|go|ring|call|come|ask|listen|stop|tell|let|put|give|keep|look|eat|talk|stick|stay|sit|follow|finish|pay|bring|use|write|work|sort|pick|read|wait)\b",
        );
        let mut out = String::new();
        let mut last = 0;
        for c in and_base.captures_iter(&rest) {
            let m = c.get(1).expect("a verb");
            out.push_str(&rest[last..m.start()]);
            out.push_str(&perfect(m.as_str()));
            last = m.end();
        }
        out.push_str(&rest[last..]);
        rest = out;
    }
    // "keeps saying yes and then complaining" → "has said yes and then complained".
    if habit {
        let and_ing = re(&AND_ING, r"(?i)\band (then )?([a-z]+ing)\b");
        rest = and_ing
            .replace_all(&rest, |c: &super::regex::Captures| {
                let then = c.get(1).map_or("", |m| m.as_str());
                match base_ing(&c[2]) {
                    Some(b) => format!("and {then}{}", inflect::participle(&b)),
                    None => c[0].to_string(),
                }
            })
            .into_owned();
    }
    (rest.trim().to_string(), note)
}

/// Words between the subject and the verb that carry no fact.
fn skip_fillers<'a>(words: &'a [&'a str]) -> &'a [&'a str] {
    let mut i = 0;
    while words.get(i).is_some_and(|w| {
        matches!(
            w.to_ascii_lowercase().as_str(),
            "just"
                | "even"
                | "ever"
                | "only"
                | "still"
                | "really"
                | "honestly"
                | "actually"
                | "seriously"
        )
    }) {
        i += 1;
    }
    &words[i..]
}

/// The verb and its rest from the words after the subject, in the shape
/// the auxiliary gives: "keep cancelling on Mondays" → (Habit, "cancel",
/// "on Mondays").
fn verb_phrase(words: &[&str], mut shape: Shape) -> Option<(Shape, String, String)> {
    let mut words = skip_fillers(words);
    let first = words.first()?.to_ascii_lowercase();
    match first.as_str() {
        // "keep cancelling" is a habit; "keep the ashes in the wardrobe"
        // is the act itself (set v: "He has thed ashes", rated 1).
        "keep" | "keeps"
            if shape != Shape::Not && words.get(1).is_some_and(|w| w.ends_with("ing")) =>
        {
            shape = Shape::Habit;
            words = &words[1..];
        }
        "always" if shape != Shape::Not => {
            shape = Shape::Habit;
            words = &words[1..];
        }
        "never" => {
            shape = Shape::Not;
            words = &words[1..];
        }
        // "Why did they not think …", "why does he not ring": the "not"
        // after the person (set p: "They notted think" was rated 2).
        "not" => {
            shape = match shape {
                Shape::Past | Shape::DidNot => Shape::DidNot,
                Shape::Habit | Shape::DoesNot => Shape::DoesNot,
                _ => Shape::Not,
            };
            words = &words[1..];
        }
        "bother" | "insist" if words.get(1).is_some_and(|w| w.ends_with("ing")) => {
            words = &words[1..];
        }
        "insist" | "insists" if words.get(1).is_some_and(|w| w.eq_ignore_ascii_case("on")) => {
            shape = Shape::Habit;
            words = &words[2..];
        }
        "have" | "need" | "want" | "insist" | "choose" | "decide" | "learn" | "bother"
            if words.get(1).is_some_and(|w| w.eq_ignore_ascii_case("to")) =>
        {
            words = &words[2..];
        }
        _ => {}
    }
    let words = skip_fillers(words);
    let verb = words.first()?.to_ascii_lowercase();
    if !verb.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    // Verbs of mind: what someone thinks or sees is not a fact to state.
    // "get" with a thing after it is an act ("get chest pain"), not "get it".
    let got_thing = verb == "get"
        && words.get(1).is_some_and(|w| {
            !matches!(
                w.to_ascii_lowercase().trim_end_matches(['?', ',', '.']),
                "it" | "that" | "this" | "why" | "what" | "how" | "the"
            )
        });
    if (super::MIND_VERBS.contains(&verb.as_str()) && !got_thing)
        || matches!(verb.as_str(), "is" | "are")
    {
        return None;
    }
    // An adverb is not a verb ("only", "constantly"): no "has onlied".
    if verb.ends_with("ly")
        && !matches!(
            verb.as_str(),
            "apply" | "reply" | "rely" | "supply" | "fly" | "bully" | "tally"
        )
    {
        return None;
    }
    let base = inflect::base(&verb)?;
    Some((shape, base, words[1..].join(" ")))
}

fn blame(sentence: &str) -> Option<Blame> {
    static WHY: OnceLock<Regex> = OnceLock::new();
    static BEYOND: OnceLock<Regex> = OnceLock::new();
    static TAKE: OnceLock<Regex> = OnceLock::new();
    static HOW_KEEP: OnceLock<Regex> = OnceLock::new();
    static BELIEVE: OnceLock<Regex> = OnceLock::new();
    static TELL: OnceLock<Regex> = OnceLock::new();
    static THINKING: OnceLock<Regex> = OnceLock::new();
    static POINT: OnceLock<Regex> = OnceLock::new();
    static EVER: OnceLock<Regex> = OnceLock::new();
    static STILL: OnceLock<Regex> = OnceLock::new();
    static HOW_NOT: OnceLock<Regex> = OnceLock::new();
    static HOW_MANY: OnceLock<Regex> = OnceLock::new();
    static BEEN_TOLD: OnceLock<Regex> = OnceLock::new();
    let s = sentence
        .trim()
        .trim_end_matches(['?', '!', '.', ' '])
        .trim_end();
    let words_of = |t: &str| t.split_whitespace().map(str::to_string).collect::<Vec<_>>();
    let build = |at: usize, shape: Shape, tail: &str| -> Option<Blame> {
        let (end, who, plural, pronoun) = subject_at(s, at)?;
        let after = if tail.is_empty() { &s[end..] } else { tail };
        let owned = words_of(after);
        let refs: Vec<&str> = owned.iter().map(String::as_str).collect();
        let (shape, verb, rest) = verb_phrase(&refs, shape)?;
        let habit = matches!(shape, Shape::Habit | Shape::Not);
        let (rest, note) = clean_rest(&rest, pronoun.as_deref(), plural, habit);
        Some(Blame {
            who,
            pronoun,
            plural,
            shape,
            verb,
            rest,
            note,
        })
    };

    // "Why does she keep cancelling", "Why won't he just ring", "Why on earth did she stop".
    let why = re(
        &WHY,
        r"^(?i:why(?: on earth| ever)?) (?P<aux>(?i:does|do|did|won't|can't|cannot|doesn't|don't|didn't|wouldn't|couldn't|will not|would not|can not|aren't|isn't|wasn't|weren't)) ",
    );
    if let Some(c) = why.captures(s) {
        let aux = c["aux"].to_ascii_lowercase();
        // "Why aren't parents doing the homework": only with an act in
        // "-ing" ("Why isn't she at school" states nothing to restate).
        if matches!(aux.as_str(), "aren't" | "isn't" | "wasn't" | "weren't") {
            let (end, ..) = subject_at(s, c.get(0)?.end())?;
            let words: Vec<&str> = s[end..].split_whitespace().collect();
            let next = skip_fillers(&words).first()?.to_ascii_lowercase();
            if !(next.len() > 4 && next.ends_with("ing")) {
                return None;
            }
        }
        let shape = match aux.as_str() {
            "did" => Shape::Past,
            "didn't" => Shape::DidNot,
            "does" | "do" => Shape::Habit,
            _ => Shape::Not,
        };
        let at = c.get(0)?.end();
        let mut b = build(at, shape, "")?;
        // "Why can't she just book like everyone else instead of turning
        // up at the desk every week" → "She has turned up at the desk
        // every week instead of booking."
        if b.shape == Shape::Not {
            if let Some(i) = b.rest.find("instead of ") {
                let other: Vec<&str> = b.rest[i + 11..].split_whitespace().collect();
                if let Some(v) = other.first().filter(|w| w.ends_with("ing")) {
                    let first = b.rest[..i].trim().to_string();
                    let base = inflect::base(v)?;
                    let instead = format!(
                        "instead of {}{}",
                        inflect::present_participle(&b.verb),
                        if first.is_empty() {
                            String::new()
                        } else {
                            format!(" {first}")
                        }
                    );
                    b.rest = format!("{} {instead}", other[1..].join(" "));
                    b.verb = base;
                    b.shape = Shape::Habit;
                }
            }
        }
        return Some(b);
    }
    // "Is it really beyond her to press the buzzer", "Is it too much to ask for him to ring".
    let beyond = re(
        &BEYOND,
        r"^(?i:is it|it is|it's)(?: (?i:really|honestly|seriously|actually))? (?i:beyond|too much(?: to ask)? (?:for|of)|so (?:hard|difficult) for) ",
    );
    if let Some(c) = beyond.captures(s) {
        let at = c.get(0)?.end();
        let (end, ..) = subject_at(s, at)?;
        let tail = s[end..].trim_start().strip_prefix("to ")?;
        return build(at, Shape::Not, tail);
    }
    // "What is it going to take for this boy to hand in his homework".
    let take = re(
        &TAKE,
        r"^(?i:what(?:'s| is| will) it (?:going to |gonna )?take (?:for|to get|to make)) ",
    );
    if let Some(c) = take.captures(s) {
        let at = c.get(0)?.end();
        let (end, ..) = subject_at(s, at)?;
        let tail = s[end..].trim_start().strip_prefix("to ")?;
        // "to stop going back to him" → "has gone back to him".
        if let Some(rest) = tail.strip_prefix("stop ") {
            return build(at, Shape::Habit, rest);
        }
        return build(at, Shape::Not, tail);
    }
    // "How does he keep ending up in the same pub".
    let how_keep = re(&HOW_KEEP, r"^(?i:how (?:does|do|did|can|could)) ");
    if let Some(c) = how_keep.captures(s) {
        let at = c.get(0)?.end();
        let (end, ..) = subject_at(s, at)?;
        let next = s[end..].trim_start().to_ascii_lowercase();
        let keeps_doing = next
            .strip_prefix("keep ")
            .and_then(|r| r.split_whitespace().next())
            .is_some_and(|w| w.ends_with("ing"));
        if keeps_doing {
            return build(at, Shape::Habit, "");
        }
        // "How does a 34-year-old still not know how to do his own laundry"
        let how_not = re(&HOW_NOT, r"^(?:still )?not ");
        if let Some(m) = how_not.find(&next) {
            let tail = &s[end..].trim_start()[m.end()..];
            let (_, who, plural, pronoun) = subject_at(s, at)?;
            let verb = tail.split_whitespace().next()?.to_ascii_lowercase();
            let rest = tail[verb.len()..].trim();
            return Some(Blame {
                who,
                pronoun,
                plural,
                shape: Shape::DoesNot,
                verb,
                rest: rest.to_string(),
                note: " yet".into(),
            });
        }
    }
    // "Does M honestly expect me to believe she "lost" her school tie".
    let believe = re(
        &BELIEVE,
        r"^(?i:does|do) (?P<who>.+?) (?i:honestly |really |seriously |actually )?(?i:expect|think) (?i:me|us|anyone|staff|people) (?i:to believe|will believe) (?:that )?(?P<said>.+)$",
    );
    if let Some(c) = believe.captures(s) {
        let at = c.name("who")?.start();
        let (_, who, plural, pronoun) = subject_at(s, at)?;
        return Some(Blame {
            who,
            pronoun,
            plural,
            shape: Shape::Says,
            verb: c["said"].to_string(),
            rest: String::new(),
            note: String::new(),
        });
    }
    // "How many times do I have to tell her about the phone at night".
    let tell = re(
        &TELL,
        r"^(?i:how many (?:more )?times (?:do|does|did|have|must|will) (?:i|we)(?: (?:have|need|got))?(?: to)? (?P<verb>tell|remind|ask|warn|explain to)) ",
    );
    if let Some(c) = tell.captures(s) {
        let at = c.get(0)?.end();
        let (end, who, plural, pronoun) = subject_at(s, at)?;
        let (rest, _) = clean_rest(&s[end..], pronoun.as_deref(), plural, false);
        if rest.is_empty() {
            return None;
        }
        return Some(Blame {
            who,
            pronoun,
            plural,
            shape: Shape::Told,
            verb: c["verb"].to_ascii_lowercase(),
            rest,
            note: String::new(),
        });
    }
    // "How many times does he need telling not to get up without the frame".
    let been_told = re(
        &BEEN_TOLD,
        r"^(?i:how many (?:more )?times (?:does|do|did|has|have|will|must)) (?P<who>.+?) (?i:need|needs|have|has|want|wants)(?: to be)? (?P<verb>telling|told|reminding|reminded|asking|asked|warning|warned)\b",
    );
    if let Some(c) = been_told.captures(s) {
        let at = c.name("who")?.start();
        let (_, who, plural, pronoun) = subject_at(s, at)?;
        let verb = inflect::base(&c["verb"])?;
        let (rest, _) = clean_rest(&s[c.get(0)?.end()..], pronoun.as_deref(), plural, false);
        return Some(Blame {
            who,
            pronoun,
            plural,
            shape: Shape::BeenTold,
            verb,
            rest,
            note: String::new(),
        });
    }
    // "What was Mum thinking, leaving a four-year-old with a man she met".
    let thinking = re(
        &THINKING,
        r"^(?i:what (?:was|were|is|are)) (?P<who>.+?) (?i:thinking|playing at|doing),? (?P<ing>[a-z]+ing) ",
    );
    if let Some(c) = thinking.captures(s) {
        let at = c.name("who")?.start();
        let ing_at = c.name("ing")?.start();
        return build(at, Shape::Past, &s[ing_at..]);
    }
    // "What's the point of asking Stanley anything when he just says no".
    let point = re(
        &POINT,
        r"^(?i:what(?:'s| is) the point (?:of|in)) (?P<ing>[a-z]+ing) (?P<who>\S+(?: [A-Z][a-z]+)?) (?:(?i:on )?(?i:anything|at all|about anything)) (?i:when|if) (?P<p>\S+) (?P<rest>.+)$",
    );
    if let Some(c) = point.captures(s) {
        let who_at = c.name("who")?.start();
        let (_, who, plural, pronoun) = subject_at(s, who_at)?;
        let rest_words = words_of(&c["rest"]);
        let refs: Vec<&str> = rest_words.iter().map(String::as_str).collect();
        let (shape, verb, rest) = verb_phrase(&refs, Shape::Habit)?;
        let asked = inflect::participle(&inflect::base(&c["ing"])?);
        let rest = format!("{rest} when {asked}").trim().to_string();
        return Some(Blame {
            who: as_subject(&who),
            pronoun,
            plural,
            shape,
            verb,
            rest,
            note: String::new(),
        });
    }
    // "Is he ever going to learn to stop giving advice".
    let ever = re(
        &EVER,
        r"^(?i:is|are|will) (?P<who>\S+(?: [A-Z][a-z]+)?) (?i:ever )?(?i:going to |gonna )?(?i:ever )?(?i:learn to )?",
    );
    if let Some(c) = ever.captures(s) {
        let at = c.name("who")?.start();
        let (end, ..) = subject_at(s, at)?;
        let tail = &s[c.get(0)?.end().max(end)..];
        if c.get(0)?.as_str().to_ascii_lowercase().contains("ever") {
            if let Some(rest) = tail.strip_prefix("stop ") {
                return build(at, Shape::Still, rest);
            }
            return build(at, Shape::Not, tail);
        }
    }
    // "Why is she still working with that client".
    let still = re(
        &STILL,
        r"^(?i:why) (?i:is|are) (?P<who>\S+(?: [A-Z][a-z]+)?) (?i:still) (?P<ing>[a-z]+ing)\b",
    );
    if let Some(c) = still.captures(s) {
        let at = c.name("who")?.start();
        let ing_at = c.name("ing")?.start();
        return build(at, Shape::Still, &s[ing_at..]);
    }
    // "How many phones is this kid going to lose", "How many more core
    // groups does Dad need to sit through before he takes any of this seriously".
    let how_many = re(
        &HOW_MANY,
        r"^(?i:how many (?:more )?)(?P<what>[a-z][a-z -]*?) (?i:is|are|does|do|will) (?P<who>.+?) (?i:going to|gonna|need to|have to|want to) (?P<verb>[a-z]+)(?P<prep>(?: (?:through|to|on|at|in|up|off|away))*)\b",
    );
    if let Some(c) = how_many.captures(s) {
        let at = c.name("who")?.start();
        let (_, who, plural, pronoun) = subject_at(s, at)?;
        let verb = inflect::base(&c["verb"])?;
        let what = &c["what"];
        let after = &s[c.get(0)?.end()..];
        // "going to miss on account of his back": "on" opens a reason,
        // not the verb's preposition ("has missed on interviews", set n).
        let prep = c.name("prep").map_or("", |m| m.as_str());
        let prep = match prep.strip_suffix(" on") {
            Some(p) if after.to_ascii_lowercase().starts_with(" account") => p,
            _ => prep,
        };
        let (rest, note) = if what.eq_ignore_ascii_case("times") {
            (
                format!("{prep} {after}"),
                " (say how many times)".to_string(),
            )
        } else {
            (
                format!("{} {what}", prep.trim()),
                " (say how many, and when)".to_string(),
            )
        };
        let (rest, _) = clean_rest(&rest, pronoun.as_deref(), plural, true);
        return Some(Blame {
            who,
            pronoun,
            plural,
            shape: Shape::Habit,
            verb,
            rest,
            note,
        });
    }
    None
}

// ---------------------------------------------------------------------------
// Motives read into what someone did.

/// The words of `s` in `range` removed, with one space left between the
/// words on either side.
fn cut(s: &str, range: std::ops::Range<usize>) -> String {
    let before = s[..range.start].trim_end();
    let after = s[range.end..].trim_start();
    if before.is_empty() || after.starts_with([',', '.', ';', ':', '!', '?']) {
        format!("{before}{after}")
    } else {
        format!("{before} {after}")
    }
}

/// The sentence without the motive read into it, the behaviour kept:
/// "M wrecked her room on purpose just to wind me up." → "M wrecked her
/// room."; "He feigns remorse whenever a report is due." → "He shows
/// remorse whenever a report is due." `None` when the judgment is the
/// whole clause ("she doesn't care") or the behaviour is itself a verdict
/// ("working the system").
fn unmotived(cx: &Context<'_>) -> Option<String> {
    static MOTIVE: OnceLock<Regex> = OnceLock::new();
    static ADVERB: OnceLock<Regex> = OnceLock::new();
    static ONLY: OnceLock<Regex> = OnceLock::new();
    static FAKE: OnceLock<Regex> = OnceLock::new();
    static BOTHER: OnceLock<Regex> = OnceLock::new();
    static KNOWS: OnceLock<Regex> = OnceLock::new();
    static TRAIL: OnceLock<Regex> = OnceLock::new();
    static VERDICT: OnceLock<Regex> = OnceLock::new();
    let sentence = cx.sentence();
    let offset = cx.sentence.start;
    let (a, b) = (cx.at.start - offset, cx.at.end - offset);
    let mut s = sentence.to_string();
    let mut changed = false;
    // "I think she is doing it for attention": the writer's reading goes with the motive.
    static THINK: OnceLock<Regex> = OnceLock::new();
    let think = re(
        &THINK,
        r"^(?i:i (?:think|reckon|feel|believe|suspect)|(?:i'm|i am) (?:sure|certain)) (?:that )?",
    );
    if let Some(m) = think.find(&s) {
        s = s[m.end()..].to_string();
    }

    // A purpose or motive clause the match holds or starts: to the end of its clause.
    let motive = re(
        &MOTIVE,
        r"(?i)(?:\b(?:just|only|purely|simply|mainly) )?\b(?:(?:so as |in order )?to (?:get|keep|avoid|wind|upset|look|seem|show|please|impress|tick|be seen|be told|deflect|dodge|make|hang|punish|manipulate|win|shock|guilt|test|feel|have|escape|practise|practice|save|cover|stay)\b|so (?:that )?\w+ (?:can|could|gets|get|got|will|would|won't|doesn't|does not|didn't|has to|have to|is|was)\b|for (?:the |a )?(?:attention|sympathy|audience|show|effect|drama|credential|certificate|qualification|benefits|perks|freebies|money|reaction|free \w+)\b|when (?:she|he|they) (?:wants?|needs?) \w+|because (?:her|his|their|the) [\w ]{1,20}? (?:told|tells|makes|made|wants|wanted|forced|insisted)\b|because (?:she|he|they) (?:wants?|needs?|likes?)\b|not (?:because|to)\b)",
    );
    // The judgment is the whole match ("telling me what he thinks I want to hear").
    let matched = sentence[a..b]
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_ascii_lowercase();
    if matched.contains("trying to")
        || matched.contains("what he thinks")
        || matched.contains("what she thinks")
    {
        return None;
    }
    // The motive the match holds or comes before, else any in the sentence.
    for round in 0..3 {
        let hit = if round == 0 {
            motive
                .find_iter(&s)
                .find(|m| m.end() > a)
                .or_else(|| motive.find(&s))
        } else {
            motive.find(&s)
        };
        let Some(m) = hit else { break };
        let lower = m.as_str().to_ascii_lowercase();
        static END: OnceLock<Regex> = OnceLock::new();
        let end_re = re(&END, r"[,;!?]|\.(?:\s|$)");
        let end = end_re
            .find(&s[m.start()..])
            .map_or(s.len(), |e| m.start() + e.start());
        // "only in therapy because her lawyer told her it would look good":
        // what someone told them is a fact; only "only … because" goes.
        let told = !lower.contains("because she ")
            && !lower.contains("because he ")
            && !lower.contains("because they ");
        // "rang me because she wants the food bank voucher" → "rang me
        // about the food bank voucher": what they came for is a fact, the
        // "only because" is the reading (set l: the voucher was dropped).
        static WANTS: OnceLock<Regex> = OnceLock::new();
        let wants = re(
            &WANTS,
            r"^(?i:(?:just |only |purely |simply |mainly )?(?:because|when|whenever) (?:she|he|they) (?:wants?|needs?) )(?P<x>[^,;.!?]+)",
        );
        let asked_for = wants.captures(&s[m.start()..]).and_then(|c| {
            let x = c.name("x")?;
            let first = x.as_str().split_whitespace().next()?.to_ascii_lowercase();
            let reading = matches!(
                first.as_str(),
                "to" | "it"
                    | "something"
                    | "anything"
                    | "me"
                    | "us"
                    | "you"
                    | "someone"
                    | "somebody"
            ) || x.as_str().split_whitespace().any(|w| {
                matches!(
                    w.to_ascii_lowercase().as_str(),
                    "attention"
                        | "sympathy"
                        | "reaction"
                        | "audience"
                        | "excuse"
                        | "rise"
                        | "drama"
                        | "fuss"
                )
            });
            (!reading).then(|| (m.start() + x.start(), x.as_str().trim_end().to_string()))
        });
        if let Some((x_at, x)) = asked_for {
            let before = s[..m.start()].to_ascii_lowercase();
            let contact = before.split_whitespace().any(|w| {
                matches!(
                    w,
                    "rang"
                        | "rings"
                        | "ring"
                        | "called"
                        | "calls"
                        | "phoned"
                        | "phones"
                        | "texted"
                        | "texts"
                        | "emailed"
                        | "emails"
                        | "contacted"
                        | "contacts"
                )
            });
            let word = if contact { "about" } else { "for" };
            let x_end = x_at + x.len();
            s = format!("{}{word} {x}{}", &s[..m.start()], &s[x_end..]);
            changed = true;
            continue;
        }
        if let Some(because) = lower.find("because ").filter(|_| told) {
            let told = m.start() + because;
            let clause = s[told + 8..end].to_string();
            s = format!("{}, and {clause}{}", s[..told].trim_end(), &s[end..]);
        } else {
            s = cut(&s, m.start()..end);
        }
        changed = true;
    }
    // "Mr Patel knows exactly what he is doing when he grabs at the girls".
    let knows = re(
        &KNOWS,
        r"(?i)\bknows? (?:exactly|full well|perfectly well) what (?:she|he|they)(?:'s|’s| is| are) doing,? when (?:she|he|they) ",
    );
    if let Some(m) = knows.find(&s) {
        s = cut(&s, m.start()..m.end());
        changed = true;
    }
    // "Deliberately", "on purpose", "clearly": the writer's reading, not a fact.
    let adverb = re(
        &ADVERB,
        r"(?i)\b(?:deliberately|intentionally|purposely|purposefully|on purpose|clearly|obviously|blatantly)\b",
    );
    while let Some(m) = adverb.find(&s) {
        s = cut(&s, m.start()..m.end());
        changed = true;
    }
    // "Faking the panic attacks" → "having the panic attacks".
    let fake = re(
        &FAKE,
        r"(?i)\b(fakes|faking|faked|feigns|feigning|feigned) (\w+)",
    );
    let copy = s.clone();
    let faked = fake.captures(&copy).filter(|c| {
        !matches!(
            c[2].to_ascii_lowercase().as_str(),
            "it" | "sick" | "ill" | "illness" | "being" | "that" | "this" | "not" | "to"
        )
    });
    if let Some(c) = faked {
        let verb = c.get(1)?;
        // Feigned remorse is remorse shown; a feigned headache is a headache had.
        let feeling = matches!(
            c[2].to_ascii_lowercase().as_str(),
            "remorse"
                | "regret"
                | "interest"
                | "concern"
                | "surprise"
                | "ignorance"
                | "sorrow"
                | "empathy"
                | "upset"
                | "distress"
                | "enthusiasm"
                | "gratitude"
        );
        let plain = match (verb.as_str().to_ascii_lowercase().as_str(), feeling) {
            ("fakes" | "feigns", false) => "has",
            ("faking" | "feigning", false) => "having",
            (_, false) => "had",
            ("fakes" | "feigns", true) => "shows",
            ("faking" | "feigning", true) => "showing",
            (_, true) => "showed",
        };
        s.replace_range(verb.range(), plain);
        changed = true;
    }
    // "can't be bothered to visit" → "does not visit".
    let bother = re(
        &BOTHER,
        r"(?i)\b(?:(can't|cannot|can not) be bothered|(couldn't|could not) be bothered|(didn't|did not) bother|(doesn't|does not) bother|(don't|do not) bother) to\b",
    );
    if let Some(c) = bother.captures(&s.clone()) {
        let plain = if c.get(1).is_some() || c.get(4).is_some() {
            "does not"
        } else if c.get(5).is_some() {
            "do not"
        } else {
            "did not"
        };
        s.replace_range(c.get(0)?.range(), plain);
        changed = true;
    }
    // "Only signed", "is only here": the one reason, read in.
    let only = re(
        &ONLY,
        r"(?:^|\b(?i:she|he|they|hes|shes|i|we|is|are|was|were|'s|’s|'re|pt|su|c|m|pop|yp)\s|\b[A-Z][a-z]+\s)((?i:only|just|purely|simply))\s",
    );
    if let Some(c) = only.captures(&s.clone()) {
        let m = c.get(1)?;
        s = cut(&s, m.start()..m.end());
        changed = true;
    }
    // Trailing verdicts about the same person: ", not because she's upset", ", shocking".
    let trail = re(
        &TRAIL,
        r"(?i),\s*(?:not because [^,.;]*|no (?:genuine |real )?interest in [^,.;]*|once (?:she|he|they)(?:'s|’s|'ve|’ve| has| have) got (?:it|that|them|what (?:she|he|they) (?:wants?|came for)) (?:she|he|they)(?:'ll|’ll| will) [^,.;]*|(?:she|he|they) knows? exactly what (?:she|he|they)(?:'s|’s| is| are) doing|shocking|typical|tbh)\b",
    );
    while let Some(m) = trail.find(&s) {
        s = cut(&s, m.start()..m.end());
    }
    s = s.replace(" tbh", "");
    if !changed {
        return None;
    }
    // A behaviour that is itself the verdict is not a fact to keep.
    let verdict = re(
        &VERDICT,
        r"(?i)\b(?:angling|playing|working the system|work the system|using|manipulat\w*|con(?:ning)?|pretend\w*|putting it on|put it on|faking|fakes|trying to|interested|care|cares|caring|motivat\w*|intention|wants? (?:to be|attention|sympathy)|knows? (?:full well|exactly))\b",
    );
    if verdict.is_match(&s) {
        return None;
    }
    let body = s
        .trim()
        .trim_end_matches(['.', '!', '?', ',', ';'])
        .trim_end();
    // Something must be left of what the person did.
    let content = body
        .split_whitespace()
        .filter(|w| {
            let w = w
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_ascii_lowercase();
            !matches!(
                w.as_str(),
                "" | "she"
                    | "he"
                    | "they"
                    | "is"
                    | "was"
                    | "are"
                    | "were"
                    | "here"
                    | "there"
                    | "in"
                    | "at"
                    | "it"
                    | "shes"
                    | "hes"
                    | "she's"
                    | "he's"
                    | "they're"
                    | "the"
                    | "a"
            ) && !cx.person.name.eq_ignore_ascii_case(&w)
        })
        .count();
    if content == 0 || body.to_ascii_lowercase().contains(&matched) {
        return None;
    }
    // "She rings.": one word of behaviour says too little on its own.
    if content == 1 {
        let they = match cx.person.kind {
            person::Kind::Pronoun | person::Kind::Unnamed => cx.person.they(),
            _ if cx.person.gender == Gender::Unknown => "they".to_string(),
            _ => cx.person.they(),
        };
        return Some(tidy(&format!("{body} (say when, and what {they} said).")));
    }
    Some(tidy(&format!("{body}.")))
}

/// A curious question about a plain statement of what someone did: "M
/// wrecked her room." → "What was going on for M when she wrecked her
/// room?" `None` when the statement does not open with its person.
fn going_on(cx: &Context<'_>, statement: &str) -> Option<String> {
    let body = statement
        .trim()
        .trim_end_matches(['.', '!', '?'])
        .trim_end();
    let (mut end, mut who, plural, mut pronoun) = subject_at(body, 0)?;
    // "A coach of his experience took on …": the stand-in runs to the verb,
    // and its pronoun is the one it gives ("his").
    let lower = who.to_ascii_lowercase();
    if lower.starts_with("a ") || lower.starts_with("an ") {
        let mut at = end;
        for word in body[end..].split_inclusive(' ') {
            let w = word.trim().to_ascii_lowercase();
            if w.ends_with("ed") || inflect::is_irregular_past(&w) {
                let standin = body[..at].trim();
                pronoun = Some(stand_in_pronoun(standin)).filter(|p| p != "they");
                who = pronoun.clone().unwrap_or_else(|| standin.to_string());
                end = at;
                break;
            }
            at += word.len();
        }
    }
    let mut vp: String = body[end..].trim_start().to_string();
    let mut be = "";
    // "has been letting him out" → "is letting him out".
    for (form, be) in [("has been ", "is "), ("have been ", "are ")] {
        if let Some(rest) = vp.strip_prefix(form) {
            if rest.split(' ').next().is_some_and(|w| w.ends_with("ing")) {
                vp = format!("{be}{rest}");
            }
            break;
        }
    }
    // "has let the house get into this state" → "let the house …", in the past.
    let mut perfect_past = false;
    for form in ["has ", "have "] {
        if let Some(rest) = vp.strip_prefix(form) {
            let pp = rest.split(' ').next().unwrap_or("");
            let participle = |b: &String| b != "be" && inflect::participle(b) == pp;
            if let Some(base) = inflect::base(pp).filter(participle) {
                vp = format!("{}{}", inflect::past(&base), &rest[pp.len()..]);
                perfect_past = true;
            }
            break;
        }
    }
    if let Some(rest) = vp
        .strip_prefix("'s got ")
        .or_else(|| vp.strip_prefix("’s got "))
    {
        vp = format!("has got {rest}");
    }
    let mut vp: &str = &vp;
    for (form, full) in [
        ("'s ", "is"),
        ("’s ", "is"),
        ("is ", "is"),
        ("are ", "are"),
        ("was ", "was"),
        ("were ", "were"),
    ] {
        if let Some(rest) = vp.strip_prefix(form) {
            vp = rest;
            be = full;
            break;
        }
    }
    if vp.is_empty() || vp.starts_with(|c: char| !c.is_alphabetic()) {
        return None;
    }
    static CLAUSE: OnceLock<Regex> = OnceLock::new();
    let clause = re(&CLAUSE, r"[,;(]|\s(?:when|whenever|because|while)\s");
    let vp = match clause.find(vp) {
        Some(m) => &vp[..m.start()],
        None => vp,
    }
    .trim();
    let first = vp.split(' ').next().unwrap_or("").to_ascii_lowercase();
    let past = perfect_past
        || matches!(be, "was" | "were")
        || be.is_empty() && (first.ends_with("ed") || inflect::is_irregular_past(&first));
    let tense = if past { "was" } else { "is" };
    let pronoun = pronoun.or_else(|| {
        (cx.person.name == who).then(|| match cx.person.gender {
            Gender::Female => Some("she".to_string()),
            Gender::Male => Some("he".to_string()),
            _ => None,
        })?
    });
    let object = match person::person_at(body, 0) {
        Some((_, p)) if p.kind == person::Kind::Pronoun => p.them(),
        Some((_, p)) => p.named(),
        None => inside(&as_object(&who)),
    };
    let Some(subject) = pronoun else {
        // No pronoun in the note: the name once, not twice.
        let when = if past {
            "at the time"
        } else {
            "when that happens"
        };
        return Some(tidy(&format!("What {tense} going on for {object} {when}?")));
    };
    let be = match be {
        "" if first.ends_with("ing") => {
            if plural || subject == "they" {
                "are ".into()
            } else {
                "is ".into()
            }
        }
        "" => String::new(),
        "is" if plural || subject == "they" => "are ".into(),
        b => format!("{b} "),
    };
    Some(tidy(&format!(
        "What {tense} going on for {object} when {subject} {be}{vp}?"
    )))
}

// ---------------------------------------------------------------------------
// Moral verdicts.

/// "does" for "do", "cries" for "cry": the third person present.
fn third(base: &str) -> String {
    match base {
        "be" => "is".into(),
        "have" => "has".into(),
        "do" => "does".into(),
        "go" => "goes".into(),
        b if b.ends_with(['s', 'x', 'z', 'o']) || b.ends_with("sh") || b.ends_with("ch") => {
            format!("{b}es")
        }
        b if b.ends_with('y')
            && !b.ends_with("ay")
            && !b.ends_with("ey")
            && !b.ends_with("oy")
            && !b.ends_with("uy") =>
        {
            format!("{}ies", &b[..b.len() - 1])
        }
        b => format!("{b}s"),
    }
}

/// Words that pass a moral verdict on their own.
pub(crate) const VERDICT_WORDS: &str = "disgraceful|shameful|appalling|unprofessional|irresponsible|unethical|unacceptable|outrageous|shocking|disgusting|selfish|neglectful|wrong|inexcusable|unforgivable|foolish|stupid|reckless|immoral|negligent|thoughtless|deplorable|ridiculous|pathetic";

/// The person as a subject for a rewording that replaces a stand-in ("a
/// coach with his experience", "any decent mother"): their pronoun when
/// the note gives one, else "they".
fn pronoun_subject(cx: &Context<'_>) -> String {
    match cx.person.gender {
        Gender::Female => "she".into(),
        Gender::Male => "he".into(),
        _ => "they".into(),
    }
}

/// The pronoun a stand-in for the person gives ("a coach with his
/// experience" → "he", "any decent mother" → "she"), else "they".
fn stand_in_pronoun(stand_in: &str) -> String {
    let lower = format!(" {} ", stand_in.to_ascii_lowercase());
    if lower.contains(" his ") || lower.contains(" father ") || lower.contains(" dad ") {
        "he".into()
    } else if lower.contains(" her ") || lower.contains(" mother ") || lower.contains(" mum ") {
        "she".into()
    } else {
        "they".into()
    }
}

/// The sentence with the moral verdict taken out and what happened kept:
/// "His dad should be ashamed letting him out at all hours." → "His dad
/// has let him out at all hours."; "It's disgraceful that she was allowed
/// to stay up until 3am." → "She was allowed to stay up until 3am."
/// `None` when the sentence is of no shape this knows, or holds nothing
/// but the verdict.
/// A clause after a verdict that has no subject of its own, with the
/// person the verdict was about: "leaving the young ones on their own" →
/// "Dad left the young ones on their own"; "left him in here" → "Mr R's
/// family left him in here" (set l: deleting the verdict dropped who).
/// A clause with its own subject ("nobody's visited him") is kept.
pub(crate) fn with_subject(who: &str, clause: &str) -> String {
    let clause = clause.trim();
    let first = clause.split_whitespace().next().unwrap_or("");
    let lower = first.to_ascii_lowercase();
    if who.is_empty() || !lower.chars().all(|c| c.is_ascii_alphabetic()) {
        return clause.to_string();
    }
    let rest = &clause[first.len()..];
    if lower.len() > 4 && lower.ends_with("ing") {
        if let Some(base) = base_ing(&lower) {
            return format!("{who} {}{rest}", inflect::past(&base));
        }
    }
    if inflect::is_irregular_past(&lower) || (lower.len() > 4 && lower.ends_with("ed")) {
        return format!("{who} {lower}{rest}");
    }
    clause.to_string()
}

fn unmoralised(cx: &Context<'_>) -> Option<String> {
    unmoralised_any(cx).filter(|r| keeps_outside(cx, r))
}

/// Whether `rewording` keeps every content word of the sentence outside
/// the match and the rest of the clause it opens (a word may change its
/// ending): a rewording takes out the judgment, never a fact beside it.
fn keeps_outside(cx: &Context<'_>, rewording: &str) -> bool {
    let stem = |w: &str| -> String {
        let w = w.to_lowercase();
        let w = w.trim_end_matches("'s").trim_end_matches("’s");
        for suffix in ["ing", "ied", "ies", "ed", "es", "s", "d"] {
            if let Some(s) = w.strip_suffix(suffix) {
                if s.len() >= 3 {
                    return s.chars().take(5).collect();
                }
            }
        }
        w.chars().take(5).collect()
    };
    let words = |t: &str| -> Vec<String> {
        t.split(|c: char| !c.is_alphanumeric() && c != '\'')
            .map(|w| w.trim_matches(['\'', '’']).to_lowercase())
            .filter(|w| !w.is_empty())
            .collect()
    };
    let sentence = cx.sentence.clone();
    let after = &cx.text[cx.at.end..sentence.end];
    let clause_end = after.find([',', ';']).unwrap_or(after.len());
    let outside = format!(
        "{} {}",
        &cx.text[sentence.start..cx.at.start],
        &after[clause_end..]
    );
    let kept: Vec<String> = words(rewording).iter().map(|w| stem(w)).collect();
    words(&outside)
        .iter()
        .all(|w| super::NO_FACT.contains(&w.as_str()) || kept.contains(&stem(w)))
}

fn unmoralised_any(cx: &Context<'_>) -> Option<String> {
    static OPENER: OnceLock<Regex> = OnceLock::new();
    static TRAIL: OnceLock<Regex> = OnceLock::new();
    static IT_IS: OnceLock<Regex> = OnceLock::new();
    static MODAL: OnceLock<Regex> = OnceLock::new();
    static WOULD: OnceLock<Regex> = OnceLock::new();
    static NERVE: OnceLock<Regex> = OnceLock::new();
    static GERUND: OnceLock<Regex> = OnceLock::new();
    let sentence = cx.sentence().trim();
    let end = sentence
        .chars()
        .last()
        .filter(|c| matches!(c, '.' | '!'))
        .map_or(".".to_string(), |c| c.to_string());
    let mut s = sentence.trim_end_matches(['.', '!', '?']).to_string();
    let opener = re(
        &OPENER,
        r"^(?i:frankly|honestly|tbh|quite frankly|to be honest),?\s+",
    );
    s = opener.replace(&s, "").into_owned();
    // Verdicts after the facts: ", it's irresponsible", ", which is simply
    // unforgivable", ", plain and simple", "; I find that hard to excuse".
    let trail = re(
        &TRAIL,
        &format!(
            r"(?i)(?:[,;]\s*|\s+and\s+)(?:(?:and\s+)?(?:frankly\s+)?(?:it's|it is|it was|which is|which was|that's|that is)(?:\s+(?:frankly|just|simply|absolutely|really|quite|totally|completely))*\s+(?:{VERDICT_WORDS})(?:\s+parenting)?(?:\s+that\s+.*)?|no morals\b.*|plain and simple|it's that simple|what did (?:she|he|they) expect|i find (?:that|it|this) hard to excuse|(?:she|he|they) knows? it|(?:she|he|they) ought to know (?:that|it|better)|(?:now\s+)?(?:has|have) to live with (?:that|it|the consequences)|will have to lie in it|should be doing more)\s*$"
        ),
    );
    let mut changed = false;
    while let Some(m) = trail.find(&s) {
        // Risk words stay in the note, whatever verdict they came with.
        if super::risk().is_match(m.as_str()) {
            break;
        }
        s.truncate(m.start());
        changed = true;
    }
    let s = s.trim().to_string();
    // "He has made his bed": an idiom that means the verdict.
    if s.to_ascii_lowercase().contains(" made his bed")
        || s.to_ascii_lowercase().contains(" made her bed")
    {
        return None;
    }
    // "Disgraceful that a 14 yr old is out drinking" → "A 14 yr old is out drinking".
    static ADJ_THAT: OnceLock<Regex> = OnceLock::new();
    let adj_that = re(
        &ADJ_THAT,
        &format!(
            r"^(?i:{VERDICT_WORDS}|absolutely (?:{VERDICT_WORDS}))\s+(?i:that)\s+(?P<that>.+)$"
        ),
    );
    if let Some(c) = adj_that.captures(&s) {
        return Some(tidy(&format!("{}{end}", &c["that"])));
    }
    // "Client chose to cheat on his wife" → "Client cheated on his wife".
    static CHOSE: OnceLock<Regex> = OnceLock::new();
    let chose = re(
        &CHOSE,
        r"\b(?i:chose|has chosen|decided)\s+to\s+(?:(?i:go back and)\s+)?(?P<verb>[a-z]+)\b",
    );
    let s = match chose.captures(&s) {
        Some(c) if !matches!(&c["verb"], "put" | "prioritise" | "prioritize") => {
            let base = inflect::base(&c["verb"])?;
            let m = c.get(0)?;
            changed = true;
            format!(
                "{}{}{}",
                &s[..m.start()],
                inflect::past(&base),
                &s[m.end()..]
            )
        }
        _ => s,
    };

    // "It's disgraceful that she was allowed …" → "She was allowed …";
    // "It was unethical of him to take …" → "He took …".
    let it_is = re(
        &IT_IS,
        &format!(
            r"^(?i:it's|it is|it was|that's|that was|this is)(?:\s+(?i:frankly|just|simply|absolutely|really|quite|totally|completely))*\s+(?i:{VERDICT_WORDS})\s+(?:(?i:that)\s+(?P<that>.+)|(?i:of)\s+(?P<who>him|her|them)\s+to\s+(?P<be>be\s+)?(?P<verb>[a-z]+)(?P<rest>.*))$"
        ),
    );
    if let Some(c) = it_is.captures(&s) {
        if let Some(that) = c.name("that") {
            return Some(tidy(&format!("{}{end}", that.as_str())));
        }
        let who = as_subject(&c["who"]);
        let verb = &c["verb"];
        let past = s.to_ascii_lowercase().starts_with("it was")
            || s.to_ascii_lowercase().starts_with("that was");
        let plural = who == "they";
        let phrase = if c.name("be").is_some() {
            let be = match (past, plural) {
                (true, true) => "were",
                (true, false) => "was",
                (false, true) => "are",
                (false, false) => "is",
            };
            format!("{be} {verb}")
        } else {
            let base = inflect::base(verb)?;
            match (past, plural) {
                (true, _) => inflect::past(&base),
                (false, true) => base,
                (false, false) => third(&base),
            }
        };
        return Some(tidy(&format!("{who} {phrase}{}{end}", &c["rest"])));
    }

    // "A responsible parent would have put …", "Any decent mother would not have let …".
    let would = re(
        &WOULD,
        r"^(?i:a|any|every)\s+(?i:responsible|decent|good|proper|caring|normal|loving|sensible)\s+(?i:parent|mother|father|mum|dad|person|adult|carer)\s+(?i:would)\s+(?P<not>(?i:not|never)\s+)?(?i:have\s+)?(?P<verb>[a-z]+)(?P<rest>.*)$",
    );
    if let Some(c) = would.captures(&s) {
        let base = inflect::base(&c["verb"])?;
        let who = stand_in_pronoun(&s[..c.name("verb")?.start()]);
        let phrase = if c.name("not").is_some() {
            inflect::past(&base)
        } else {
            format!("did not {base}")
        };
        return Some(tidy(&format!("{who} {phrase}{}{end}", &c["rest"])));
    }

    // "Had the nerve to ask for …" → "Asked for …"; "has no business complaining about" → "has complained about".
    let nerve = re(
        &NERVE,
        r"^(?P<who>.*?)\s*(?i:had|has|have)\s+(?i:the\s+(?:nerve|cheek|audacity|gall)\s+to\s+(?P<verb>[a-z]+)|no\s+(?:business|right)\s+(?P<ing>[a-z]+ing))(?P<rest>.*)$",
    );
    if let Some(c) = nerve.captures(&s) {
        let who = c["who"].trim();
        let phrase = match (c.name("verb"), c.name("ing")) {
            (Some(v), _) => inflect::past(&inflect::base(v.as_str())?),
            (_, Some(i)) => {
                let has = if who.eq_ignore_ascii_case("they") {
                    "have"
                } else {
                    "has"
                };
                format!("{has} {}", inflect::participle(&base_ing(i.as_str())?))
            }
            _ => return None,
        };
        let who = if who.is_empty() {
            String::new()
        } else {
            format!("{who} ")
        };
        return Some(tidy(&format!("{who}{phrase}{}{end}", &c["rest"])));
    }

    // "Smoking weed at 14 is just wrong" → "She has been smoking weed at 14."
    let gerund = re(
        &GERUND,
        &format!(
            r"^(?P<ing>[A-Za-z]+ing)(?P<rest>.*?)\s+(?i:is|was)(?:\s+(?i:frankly|just|simply|absolutely|really|quite|totally|completely))*\s+(?i:{VERDICT_WORDS})$"
        ),
    );
    if let Some(c) = gerund.captures(&s) {
        let who = pronoun_subject(cx);
        let has = if who == "they" { "have" } else { "has" };
        return Some(tidy(&format!(
            "{who} {has} been {}{}{end}",
            inflect::decapitalise(&c["ing"]),
            &c["rest"]
        )));
    }

    // "X should be ashamed …", "X should know better than to …", "X should be grateful …".
    let modal = re(
        &MODAL,
        r"^(?P<who>.+?)\s+(?:(?i:really|frankly|honestly|just|certainly)\s+)*(?i:should|ought\s+to|needs?\s+to|must)\s+(?P<rest>.+)$",
    );
    if let Some(c) = modal.captures(&s) {
        let who_written = c["who"].trim().to_string();
        // "ought to have the decency to own his mistakes": the act is
        // "own his mistakes"; the decency is the verdict ("He did not the
        // decency to …", set w, rated 1).
        static DECENCY: OnceLock<Regex> = OnceLock::new();
        let decency = re(
            &DECENCY,
            r"^(?i:have|show)\s+(?i:the)\s+(?:(?i:common|basic)\s+)?(?i:decency|courtesy|sense|grace|manners|maturity)\s+(?i:to)\s+",
        );
        let rest = decency.replace(c["rest"].trim(), "").into_owned();
        let rest = rest.as_str();
        let lower = rest.to_ascii_lowercase();
        let has = if who_written.eq_ignore_ascii_case("they")
            || who_written.to_ascii_lowercase().ends_with("parents")
            || who_written.to_ascii_lowercase().ends_with("family")
        {
            "have"
        } else {
            "has"
        };
        // "A coach with his experience", "a leader at her level": a stand-in for the person.
        let stand_in = {
            let w = who_written.to_ascii_lowercase();
            w.starts_with("a ")
                || w.starts_with("an ")
                || w.contains(" of his ")
                || w.contains(" of her ")
                || w.contains(" with his ")
                || w.contains(" with her ")
                || w.contains(" at her ")
                || w.contains(" at his ")
        };
        // Kept as written: every word of the sentence outside the verdict stays.
        let _ = stand_in;
        let who = who_written.clone();
        // "be ashamed of letting …" / "be ashamed letting …" → "has let …".
        static ASHAMED: OnceLock<Regex> = OnceLock::new();
        let ashamed = re(
            &ASHAMED,
            r"^(?i:be)\s+(?i:ashamed|embarrassed)(?:\s+(?i:of)\s+(?i:himself|herself|themselves))?(?:(?P<comma>,)\s+(?P<clause>.+)|\s+(?:(?i:of)\s+)?(?P<ing>[a-z]+ing)(?P<rest>.*)|\s+(?i:to\s+be)\s+(?P<being>[a-z]+ing.*))$",
        );
        if let Some(a) = ashamed.captures(rest) {
            if let Some(clause) = a.name("clause") {
                let clause = with_subject(&who, clause.as_str());
                return Some(tidy(&format!("{clause}{end}")));
            }
            if let Some(ing) = a.name("ing") {
                // "has been letting him out at all hours": the words as written.
                return Some(tidy(&format!(
                    "{who} {has} been {}{}{end}",
                    ing.as_str(),
                    a.name("rest").map_or("", |m| m.as_str())
                )));
            }
            if let Some(being) = a.name("being") {
                let be = if has == "have" { "are" } else { "is" };
                return Some(tidy(&format!("{who} {be} {}{end}", being.as_str())));
            }
        }
        // "know better than to cry in front of her team" → "She cried in front of her team."
        static BETTER: OnceLock<Regex> = OnceLock::new();
        let better = re(
            &BETTER,
            r"^(?:(?i:have)\s+)?(?i:know|known)\s+(?i:better)\s+(?i:than)\s+(?:(?i:to)\s+)?(?P<still>(?i:still)\s+)?(?P<verb>[a-z]+)(?P<rest>.*)$",
        );
        if let Some(b) = better.captures(rest) {
            // "than to still be smoking" → "She is still smoking." (the
            // adverb was read as the verb: "stilled be smoking", set q).
            if &b["verb"] == "be" {
                let be = if has == "have" { "are" } else { "is" };
                let still = b.name("still").map_or("", |s| s.as_str());
                return Some(tidy(&format!(
                    "{who} {be} {still}{}{end}",
                    b["rest"].trim_start()
                )));
            }
            if b.name("still").is_some() {
                return None;
            }
            let base = inflect::base(&b["verb"])?;
            return Some(tidy(&format!(
                "{who} {}{}{end}",
                inflect::past(&base),
                &b["rest"]
            )));
        }
        // "have thought about that before she started drinking" → "Her birth mum started drinking."
        static BEFORE: OnceLock<Regex> = OnceLock::new();
        let before = re(
            &BEFORE,
            r"^(?i:have)\s+(?i:thought|considered)\s+(?:(?i:about)\s+)?(?:(?i:that|this|it|the\s+consequences|the\s+impact|the\s+risks?))\s+(?i:before)\s+(?:(?i:she|he|they)\s+)?(?P<rest>.+)$",
        );
        if let Some(b) = before.captures(rest) {
            return Some(tidy(&format!("{who} {}{end}", &b["rest"])));
        }
        // "be grateful he wasn't recalled" → "He wasn't recalled."; "be
        // grateful the company is paying for coaching at all" → "The
        // company is paying for coaching."
        static GRATEFUL: OnceLock<Regex> = OnceLock::new();
        let grateful = re(
            &GRATEFUL,
            r"^(?i:be)\s+(?:(?i:more)\s+)?(?i:grateful|thankful)\s+(?:(?i:that)\s+)?(?P<clause>(?i:she|he|they|the|her|his|their|it|we|I)\b.*)$",
        );
        if let Some(g) = grateful.captures(rest) {
            static EVEN: OnceLock<Regex> = OnceLock::new();
            let even = re(&EVEN, r"(?i)\s+(?:even|at all)\b");
            let clause = even.replace_all(&g["clause"], "").into_owned();
            return Some(tidy(&format!("{clause}{end}")));
        }
        let _ = lower;
        // "should have referred that client on weeks ago" → "has not referred …".
        static HAVE: OnceLock<Regex> = OnceLock::new();
        let have = re(&HAVE, r"^(?i:have)\s+(?P<pp>[a-z]+)(?P<rest>.*)$");
        if let Some(h) = have.captures(rest) {
            let base = inflect::base(&h["pp"])?;
            if base != "be" {
                return Some(tidy(&format!("{who} did not {base}{}{end}", &h["rest"])));
            }
        }
        // "need to step up and get him to bed at a decent time" → "have not got him to bed at a decent time".
        static STEP: OnceLock<Regex> = OnceLock::new();
        let step = re(
            &STEP,
            r"^(?i:step up|pull (?:their|his|her) weight|get (?:their|his|her) act together|take (?:some |more )?(?:personal )?(?:responsibility|ownership)|grow up|wake up)\s+(?i:and)\s+(?:(?i:actually|just|properly)\s+)?(?P<verb>[a-z]+)(?P<rest>.*)$",
        );
        if let Some(st) = step.captures(rest) {
            let base = inflect::base(&st["verb"])?;
            if base != "stop" {
                return Some(tidy(&format!(
                    "{who} {has} not {}{}{end}",
                    inflect::participle(&base),
                    &st["rest"]
                )));
            }
        }
    }
    if changed {
        let body = s.trim();
        if body.split_whitespace().count() >= 3 {
            return Some(tidy(&format!("{body}{end}")));
        }
    }
    None
}

// ---------------------------------------------------------------------------
// Compliance and doubt, said plainly across the sentence.

/// One plain swap: a pattern and what takes its place (`$name` groups allowed).
struct Swap {
    pattern: &'static str,
    with: &'static str,
}

/// Compliance labels and doubts as plain words, for a whole sentence.
const SWAPS: &[Swap] = &[
    // "was non-compliant with her homework" → "did not do her homework".
    Swap {
        pattern: r"(?i)\b(?:was|were|has been|have been|had been)\s+(?:non-?\s?compliant|noncompliant|not compliant|non-?adherent)\s+(?:with|to)\s+(?P<o>(?:the |her |his |their |my |our )?(?:[\w-]+ )?(?:homework|exercises?|tasks?|reading|logs?|diary|diaries|records?|pre-work|worksheets?))\b",
        with: "did not do $o",
    },
    Swap {
        pattern: r"(?i)\b(?:was|were|has been|have been|had been)\s+(?:non-?\s?compliant|noncompliant|not compliant)\s+(?:with\s+)?(?P<o>staff(?: instructions)?|instructions|directions)\b",
        with: "did not do what staff asked",
    },
    Swap {
        pattern: r"(?i)\b(?:was|were)\s+(?:non-?\s?compliant|noncompliant|not compliant|non-?adherent)\s+(?:with|to)\b",
        with: "did not keep to",
    },
    Swap {
        pattern: r"(?i)\b(?P<aux>has|have|had)\s+been\s+(?:non-?\s?compliant|noncompliant|not compliant|non-?adherent)\s+(?:with|to)\b",
        with: "$aux not kept to",
    },
    Swap {
        pattern: r"(?i)\b(?:is|are|remains|remain)\s+(?:non-?\s?compliant|noncompliant|not compliant|non-?adherent)\s+(?:with|to)\b",
        with: "is not keeping to",
    },
    Swap {
        pattern: r"(?i)\b(?:non-?\s?compliant|noncompliant|non-?adherent)\s+(?:with|to)\b",
        with: "not keeping to",
    },
    Swap {
        pattern: r"(?i)\b(?P<aux>has|have|had)\s+not\s+(?:been\s+adherent|complied|adhered)\s+(?:with|to)\b",
        with: "$aux not kept to",
    },
    Swap {
        pattern: r"(?i)\b(?P<aux>has|have|had)\s+not\s+followed\s+(?:my|our)\s+(?:directive|directions|instructions)\b",
        with: "$aux not done what was asked",
    },
    Swap {
        pattern: r"(?i)\b(?P<aux>would not|wouldn't|wouldnt|won't|will not|did not|didn't|does not|doesn't|do not|don't)\s+do\s+as\s+(?:(?:she|he|they)(?:'s|’s| is| was| were| are)?\s+)?(?:was\s+|were\s+)?(?:told|asked)\b",
        with: "$aux do what was asked",
    },
    Swap {
        pattern: r"(?i)\band\s+did\s+not\s+comply\b",
        with: "and did not do so",
    },
    Swap {
        pattern: r"(?i)\b(?P<p>she|he|they)\s+disobeyed\s+and\s+",
        with: "$p ",
    },
    // "Apparently his dog ate the permission slip." → "His dog ate the permission slip (say who told you)."
    Swap {
        pattern: r"^(?i:apparently|reportedly|supposedly|allegedly),?\s+(?P<rest>.+?)(?P<end>[.!]?)$",
        with: "$rest (say who told you)$end",
    },
    Swap {
        pattern: r"(?i)\breckons\b",
        with: "says",
    },
];

/// `text` with every swap made, each as often as it matches.
fn swap_all(text: &str, only: Option<std::ops::Range<usize>>) -> String {
    // Compiled once: compiling them on every call was a third of a
    // folder's run (issue 19, 2026-12-06).
    static COMPILED: OnceLock<Vec<super::regex::Lazy>> = OnceLock::new();
    let compiled = super::regex::cached_all(&COMPILED, SWAPS.iter().map(|s| s.pattern));
    let mut out = text.to_string();
    for (swap, re) in SWAPS.iter().zip(compiled) {
        if let Some(span) = &only {
            // Only a swap that covers the flagged words.
            let hit = re
                .find_iter(&out)
                .any(|m| m.start() < span.end && m.end() > span.start);
            if !hit || out.len() != text.len() {
                continue;
            }
        }
        out = re.replace_all(&out, swap.with).into_owned();
    }
    // Doubts after the account: ", yeah right", "but I'm not convinced",
    // "which I rather doubt" (`compose::DOUBT_ASIDES`, one list).
    static DOUBT: OnceLock<super::regex::Lazy> = OnceLock::new();
    let doubt = DOUBT.get_or_init(|| {
        super::regex::build(&format!(
            r"(?i)(?:,|;|\s+but|\s+though|\s+—|\s+-)\s*(?:{})\s*(?P<end>[.!]?)$",
            super::compose::DOUBT_ASIDES
        ))
        .expect("the doubt pattern compiles")
    });
    let covers = only.as_ref().is_none_or(|span| {
        doubt
            .find(&out)
            .is_some_and(|m| m.start() < span.end && m.end() > span.start)
    });
    if covers && (only.is_none() || out.len() == text.len()) {
        out = doubt.replace_all(&out, "$end").into_owned();
    }
    out
}

/// The rule's rewording with the same kind of judgment elsewhere in the
/// sentence said plainly too; or, where it keeps a fact outside the
/// flagged words, only the flagged words'. `None` when nothing changed.
fn plainer(cx: &Context<'_>, reworded: Option<&str>) -> Option<String> {
    let sentence = cx.sentence();
    let whole = swap_all(reworded.unwrap_or(sentence), None);
    // Scare quotes round one word ("revising") go too: the words stay.
    let whole = tidy(&unquote_words(&whole));
    if whole != tidy(sentence) && keeps_outside(cx, &whole) {
        return Some(whole);
    }
    let span = cx.at.start - cx.sentence.start..cx.at.end - cx.sentence.start;
    let own = tidy(&swap_all(sentence, Some(span)));
    (own != tidy(sentence) && keeps_outside(cx, &own)).then_some(own)
}

// ---------------------------------------------------------------------------
// Absolutes about a person.

/// `{occasions}` with what is left of the absolute taken out too
/// ("without fail", "every little thing", "in his life"), a prediction
/// ("will never change") turned into a question for the writer, and "never
/// not causing trouble" read as what it says.
fn absolute_plain(cx: &Context<'_>) -> Option<String> {
    static PREDICTION: OnceLock<Regex> = OnceLock::new();
    static NEVER_NOT: OnceLock<Regex> = OnceLock::new();
    static LEFT: OnceLock<Regex> = OnceLock::new();
    let sentence = cx.sentence();
    let prediction = re(
        &PREDICTION,
        r"^(?P<who>.+?)(?:\s+(?i:will never|won't ever|will not ever|(?:is|are) never going to)|(?:'s|’s) never going to)\s+(?P<verb>[a-z]+)(?P<rest>[^,.;!?]*)",
    );
    if let Some(c) = prediction.captures(sentence) {
        let base = inflect::base(&c["verb"])?;
        let rest = c["rest"].trim_end();
        return Some(tidy(&format!(
            "{} … (what you have seen so far of {}{rest}, and when).",
            &c["who"],
            inflect::present_participle(&base)
        )));
    }
    let never_not = re(
        &NEVER_NOT,
        r"^(?P<who>.+?)\s+(?i:is|'s|’s|are)\s+(?:(?i:literally|just|basically)\s+)?(?i:never not)\s+(?P<ing>[a-z]+ing)(?P<rest>[^.;!?]*)",
    );
    if let Some(c) = never_not.captures(sentence) {
        let has = if cx.person.plural() && cx.person.kind != person::Kind::Unnamed {
            "have"
        } else {
            "has"
        };
        return Some(tidy(&format!(
            "{} {has} been {}{} (say when, and how often).",
            &c["who"],
            &c["ing"],
            c["rest"].trim_end()
        )));
    }
    let occasions = cx.occasions()?;
    let left = re(
        &LEFT,
        r"(?i),?\s+(?:without fail|full stop|we all know it|as always|as usual)\b|\s+in (?:his|her|their) (?:whole |entire )?life\b|\b(?:absolutely|literally)\s+",
    );
    let out = left.replace_all(&occasions, "").into_owned();
    let out = out
        .replace("every little thing", "things")
        .replace("lifted a finger", "helped");
    (out != occasions).then(|| tidy(&out))
}

/// A curious question about an absolute, from the person's side: "Mum
/// never puts the children's needs first." → "What helps Mum put the
/// children's needs first, on the days it works?"; "He grabs the credit
/// every single time." → "What is going on for him when he grabs the
/// credit?"
fn absolute_wonder(cx: &Context<'_>) -> Option<String> {
    static ABS: OnceLock<Regex> = OnceLock::new();
    let sentence = cx.sentence().trim_end_matches(['.', '!', '?']);
    let abs = re(
        &ABS,
        r"^(?P<who>.+?)\s+(?:(?i:has|have|had|does|do|did)\s+)?(?:(?i:just|still|literally|basically)\s+)?(?P<abs>(?i:never|always|constantly|continually|forever|keeps|keep))(?:\s+(?i:once|ever|even|really))*\s+(?P<verb>[a-z]+)(?P<rest>[^,;]*)",
    );
    let c = abs.captures(sentence)?;
    let who = c["who"].trim();
    let (_, subject, _, _) = subject_at(who, 0)?;
    if subject.len() != who.len() {
        return None;
    }
    let verb = c["verb"].to_ascii_lowercase();
    if matches!(
        verb.as_str(),
        "going" | "been" | "not" | "a" | "an" | "the" | "on" | "so"
    ) {
        return None;
    }
    let base = if c["abs"].eq_ignore_ascii_case("keeps") || c["abs"].eq_ignore_ascii_case("keep") {
        base_ing(&verb)?
    } else {
        inflect::base(&verb)?
    };
    if base == "be" {
        return None;
    }
    static TAIL: OnceLock<Regex> = OnceLock::new();
    let tail = re(
        &TAIL,
        r"(?i)\s+(?:every (?:single )?(?:time|session|week|visit|meeting|call)|all the time|without fail|no matter\b.*|for anything(?: in (?:his|her|their) life)?)$",
    );
    let rest = tail.replace(c["rest"].trim_end(), "").trim().to_string();
    static WORD: OnceLock<Regex> = OnceLock::new();
    let word = re(&WORD, r"(?i)\ba word (?:anyone|anybody|people) says?\b");
    let rest = word
        .replace(&rest, "what people say")
        .replace("anything that happens", "what happens");
    static ANY: OnceLock<Regex> = OnceLock::new();
    let any = re(&ANY, r"(?i)\b(?:anything|everything)\b");
    let rest = any.replace_all(&rest, "things").into_owned();
    let (base, rest) = if base == "lift" && rest.starts_with("a finger") {
        ("help out".to_string(), rest["a finger".len()..].to_string())
    } else {
        (base, rest)
    };
    let rest = if rest.is_empty() {
        String::new()
    } else {
        format!(" {rest}")
    };
    let them = match person::person_at(who, 0) {
        Some((_, p)) if p.kind == person::Kind::Pronoun => p.them(),
        Some((_, p)) => p.named(),
        None => inside(&as_object(who)),
    };
    if c["abs"].eq_ignore_ascii_case("never") {
        return Some(tidy(&format!(
            "What helps {them} {base}{rest}, on the days it works?"
        )));
    }
    let plural = them == "them" || who.eq_ignore_ascii_case("they");
    let verb = if plural { base } else { third(&base) };
    going_on(cx, &format!("{who} {verb}{rest}."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_forms() {
        assert_eq!(inflect::present_participle("cancel"), "cancelling");
        assert_eq!(inflect::present_participle("make"), "making");
        assert_eq!(inflect::present_participle("stop"), "stopping");
        assert_eq!(inflect::present_participle("lie"), "lying");
        assert_eq!(third("cry"), "cries");
        assert_eq!(third("push"), "pushes");
        assert_eq!(third("say"), "says");
        assert_eq!(base_ing("waking").as_deref(), Some("wake"));
        assert_eq!(base_ing("using").as_deref(), Some("use"));
        assert_eq!(base_ing("getting").as_deref(), Some("get"));
        assert_eq!(base_ing("visiting").as_deref(), Some("visit"));
    }

    #[test]
    fn blame_questions_are_restated() {
        let cases = [
            (
                "Is it really beyond her to press the buzzer before she gets up?",
                "She has not pressed the buzzer before she gets up.",
                "What makes it hard for her to press the buzzer before she gets up?",
            ),
            (
                "Why does he keep coming back if he isn't willing to do the work?",
                "He has come back.",
                "What was going on for him when he came back?",
            ),
            (
                "How many times do I have to tell her about the phone at night?",
                "I have told her about the phone at night (say when, and what she said).",
                "What would she say about the phone at night?",
            ),
            (
                "Why won't she put the baby on his back like she's been shown?",
                "She has not put the baby on his back, though she has been shown how.",
                "What makes it hard for her to put the baby on his back?",
            ),
        ];
        for (question, statement, wonder) in cases {
            let b = blame(question).unwrap_or_else(|| panic!("{question}"));
            assert_eq!(b.statement(), statement, "{question}");
            assert_eq!(b.wonder(), wonder, "{question}");
        }
        assert!(blame("Does Dion think the youth club is a hotel?").is_none());
    }

    #[test]
    fn swaps_say_compliance_plainly() {
        assert_eq!(
            swap_all("Pt remains non-compliant with fluid restriction.", None),
            "Pt is not keeping to fluid restriction."
        );
        assert_eq!(
            swap_all("Parents have been non-compliant with the plan.", None),
            "Parents have not kept to the plan."
        );
        assert_eq!(
            swap_all("Says she was at home, yeah right.", None),
            "Says she was at home."
        );
    }
}
