//! Who a sentence is about, as the note names them, and their pronoun.
//!
//! A person is a pronoun ("she"), a role ("the client", "Mum", "her
//! brother"), a title and surname ("Mr Okoye") or a name ("Leila"). The
//! gender comes only from what the note says: the pronoun itself, a
//! gendered role or title, or, for a name or an ungendered role, the
//! pronouns of the sentence and the text before it when they all agree.
//! Otherwise a name stands in for the pronoun, and "they" for a role:
//! never a guessed gender.

use std::ops::Range;
use std::sync::OnceLock;

use super::regex::Lazy;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Female,
    Male,
    /// "they", "the parents", "the family".
    Plural,
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Pronoun,
    Role,
    Name,
    /// Nobody named: shorthand like "Failed to attend."
    Unnamed,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// As the note writes it: "Mr Okoye", "the client", "she".
    pub name: String,
    pub gender: Gender,
    pub kind: Kind,
}

impl Person {
    pub fn unnamed() -> Person {
        Person {
            name: String::new(),
            gender: Gender::Unknown,
            kind: Kind::Unnamed,
        }
    }

    /// The subject pronoun: "she", "he", "they", or the name.
    pub fn they(&self) -> String {
        match (self.gender, self.kind) {
            (Gender::Female, _) => "she".into(),
            (Gender::Male, _) => "he".into(),
            (Gender::Plural, _) => "they".into(),
            (Gender::Unknown, Kind::Name) => self.name.clone(),
            _ => "they".into(),
        }
    }

    /// The object pronoun: "her", "him", "them", or the name.
    pub fn them(&self) -> String {
        match (self.gender, self.kind) {
            (Gender::Female, _) => "her".into(),
            (Gender::Male, _) => "him".into(),
            (Gender::Plural, _) => "them".into(),
            (Gender::Unknown, Kind::Name) => self.name.clone(),
            _ => "them".into(),
        }
    }

    /// The possessive: "her", "his", "their", or "Leila's".
    pub fn their(&self) -> String {
        match (self.gender, self.kind) {
            (Gender::Female, _) => "her".into(),
            (Gender::Male, _) => "his".into(),
            (Gender::Plural, _) => "their".into(),
            (Gender::Unknown, Kind::Name) => format!("{}'s", self.name),
            _ => "their".into(),
        }
    }

    /// How to name them at the start of a rewording: as the note does,
    /// or "They" when the note names nobody.
    pub fn subject(&self) -> String {
        match self.kind {
            Kind::Unnamed => self.they(),
            _ => self.name.clone(),
        }
    }

    /// How to name them after a verb or preposition: a role or name as
    /// the note has it ("the client", "Mum", "Leila"), else the object
    /// pronoun ("her", "them").
    pub fn object(&self) -> String {
        match self.kind {
            Kind::Unnamed | Kind::Pronoun => self.them(),
            _ => self.named(),
        }
    }

    /// How to name them as the subject inside a sentence: a role or name
    /// as the note has it ("the client", "Mum", "Leila"), else the subject
    /// pronoun ("she", "they").
    pub fn named(&self) -> String {
        match self.kind {
            Kind::Unnamed | Kind::Pronoun => self.they(),
            Kind::Name => self.name.clone(),
            Kind::Role => {
                let first = self.name.split(' ').next().unwrap_or("");
                let lower = first.to_ascii_lowercase();
                let determiner = matches!(
                    lower.as_str(),
                    "the" | "this" | "my" | "our" | "her" | "his" | "their"
                );
                let family = matches!(
                    lower.as_str(),
                    "mum" | "dad" | "nan" | "nana" | "grandma" | "grandad" | "granddad"
                );
                // "Pt", "YP", "SU": shorthand the note uses as a name.
                // "man" in "not a pleasant man" is "the man".
                // "Man", "Boy" opening a sentence are "the man", "the boy"
                // ("What did you see of Boy", round 18).
                let shorthand = first.starts_with(char::is_uppercase)
                    && (first.len() <= 2
                        || lower == "pop"
                        || first.chars().skip(1).any(char::is_uppercase));
                if determiner {
                    super::inflect::decapitalise(&self.name)
                } else if family || shorthand || self.name.contains('\'') || self.name.contains('’')
                {
                    self.name.clone()
                } else {
                    format!("the {}", self.name.to_ascii_lowercase())
                }
            }
        }
    }

    /// Whether a verb after them takes the plural ("have", not "has").
    pub fn plural(&self) -> bool {
        self.gender == Gender::Plural || self.kind == Kind::Unnamed
    }
}

/// Titles of other languages a note may give a name ("Signor Pinna", "Fru
/// Eriksson", "Mme Dubois"): the person is the title and the name (set w:
/// "What did Pinna do" dropped "Signor", rated 2).
pub const TITLES: &str =
    "Signor|Signora|Señor|Señora|Sr|Sra|Monsieur|Mme|Madame|Herr|Frau|Fru|Rra|Mma|Pak|Ibu";

const ROLES: &str = "client|coachee|supervisee|patient|pt|resident|tenant|service user|young person|yp|child|boy|girl|man|woman|mum|mother|dad|father|parents?|partner|husband|wife|boyfriend|girlfriend|son|daughter|brother|sister|grandmother|grandfather|grandma|grandad|granddad|grandparents?|nan|nana|aunt|auntie|uncle|carer|family|couple|kids|children|student|pupil|learner|teenager|stepdad|stepmum|step-dad|step-mum|offender|applicant|claimant|su|pop";

fn matcher() -> &'static Lazy {
    static RE: OnceLock<Lazy> = OnceLock::new();
    RE.get_or_init(|| {
        super::regex::build(&format!(
            r"^(?:(?i:(?P<pronoun>she|he|they))\b|(?i:(?P<role>(?:the|this|my|our|her|his|their|a|an)(?: (?:maternal|paternal|elder|older|younger|eldest|youngest|new|ex-?|step-?|foster|adoptive|birth|biological|current|former|teenage|adult))?[ -](?:{ROLES})))\b|(?i:(?P<bare>(?:(?:maternal|paternal|elder|older|younger|eldest|youngest|step|foster|adoptive|birth|biological|teenage|adult)[ -])?(?:{ROLES})))\b|(?P<titled>(?:Mr|Mrs|Ms|Miss|Mx|Dr|{TITLES})\.? [A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b|(?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b)"
        ))
        .expect("the person pattern compiles")
    })
}

/// Capitalised words that start sentences but name nobody.
const NOT_NAMES: &[&str] = &[
    // "Crocodile tears over nothing again": an idiom, not a person.
    "Crocodile",
    // "Kitchen was absolutely minging", "Flat a tip", "Place looks like a
    // flophouse": the home, not a person ("What did Kitchen do or say",
    // set s, rated 1).
    "Kitchen",
    "Flat",
    "House",
    "Home",
    "Place",
    "Room",
    "Bedroom",
    "Bathroom",
    "Garden",
    "Property",
    "Unit",
    // "Third "lost" prescription this quarter": an ordinal (set n).
    "Third",
    "Fourth",
    "Fifth",
    "The",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "Its",
    "There",
    "Here",
    "We",
    "I",
    "Our",
    "My",
    "His",
    "Her",
    "Their",
    "Today",
    "Yesterday",
    "Tonight",
    "Honestly",
    "Frankly",
    "Typical",
    "Typically",
    "Always",
    "Never",
    "Why",
    "What",
    "How",
    "When",
    "Where",
    "Who",
    "Whose",
    "Which",
    "If",
    "As",
    "After",
    "Before",
    "During",
    "Since",
    "Despite",
    "Although",
    "But",
    "And",
    "So",
    "Then",
    "Also",
    "Still",
    "Poor",
    "Lacks",
    "Has",
    "Had",
    "Was",
    "Is",
    "Seems",
    "Appears",
    "Presents",
    "Presented",
    "Failed",
    "Refused",
    "Apparently",
    "Supposedly",
    "Allegedly",
    "Not",
    "No",
    "Very",
    "Quite",
    "Really",
    "Just",
    "Only",
    "Self",
    "Comes",
    "Works",
    "Lives",
    "Referral",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Christmas",
    "English",
    "Nothing",
    "Nobody",
    "Everyone",
    "Everything",
    "Someone",
    "Something",
    "Once",
    "Again",
    "Clearly",
    "Obviously",
    "Another",
    "Each",
    "Every",
    "Some",
    "Any",
    "All",
    "Both",
    "Most",
    "Much",
    "Many",
    "Such",
    "Session",
    "Sessions",
    "Attendance",
    "Engagement",
    "Plan",
    "Reviewed",
    "Discussed",
    "Agreed",
    "Spoke",
    "Called",
    "Visited",
    "Met",
    "Note",
    "Notes",
    "Seen",
    "Saw",
    "Said",
    "Says",
    "Told",
    "Will",
    "Would",
    "Could",
    "Should",
    "Can",
    "Does",
    "Did",
    "Do",
    "Are",
    "Were",
    "Be",
    "Been",
    "Being",
    "Yes",
    "Ok",
    "Okay",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Miss",
    "Mx",
    "Safety",
    "Risk",
    "Hopefully",
    "Unfortunately",
    "Sadly",
    "Luckily",
    "Overall",
    "Given",
    "Because",
    "Though",
    "Until",
    "While",
    "Whilst",
    "Whether",
    "Perhaps",
    "Maybe",
    "Possibly",
    "Probably",
    "Yet",
    "Even",
    "Especially",
    "Otherwise",
    "However",
    "Meanwhile",
    "Later",
    "Earlier",
    "Now",
    "First",
    "Second",
    "Finally",
    "Last",
    "Next",
    "Well",
    "Mostly",
    "Largely",
    "Usual",
    "Late",
    "Slovenly",
    "Poorly",
    "Wheelchair",
    "Greasy",
    "Unkempt",
    "Mental",
    "Emotionally",
    "Dressed",
    "Non",
    "Lack",
    "Little",
    "Low",
    "High",
    "Zero",
    "Total",
    "Complete",
    "Absolutely",
    "Utterly",
    "More",
    "Less",
    "Few",
    "Several",
    "Plenty",
    "Lots",
    "Bit",
    "Known",
    "Left",
    "Making",
    "Constantly",
    "Forever",
    "Continually",
    "Everybody",
    "Anybody",
    "None",
    "Neither",
    "Either",
    // Set h (round 8): words the supervisor found read as people ("what
    // did Sure say", "what did Road do", "See At do").
    "Sure",
    "At",
    "In",
    "On",
    "By",
    "For",
    "With",
    "From",
    "Property",
    "Bloke",
    "Lad",
    "Lass",
    "Lassie",
    "Classic",
    "Textbook",
    "Looking",
];

/// Adverbs of degree that open a sentence before a judgment ("Too set in
/// his ways", "Far too casual"): never a name.
const DEGREE: &[&str] = &[
    "too",
    "so",
    "rather",
    "fairly",
    "somewhat",
    "extremely",
    "incredibly",
    "overly",
    "far",
    "way",
    "pretty",
    "super",
    "totally",
    "completely",
    "thoroughly",
    "deeply",
    "highly",
    "hopelessly",
];

/// The last word of a place's name: "Elm Road", "the Eastfield estate".
/// A capitalised word before one, or the word itself, is not a person.
const PLACE_WORDS: &[&str] = &[
    "Road", "Street", "Lane", "Avenue", "Close", "Drive", "Way", "Court", "Crescent", "Estate",
    "Park", "Hill", "Gardens", "Place", "Square", "Terrace", "Grove", "Ward", "Unit", "House",
    "Centre", "Hospital", "School", "Academy", "College",
];

/// Words before a capitalised word that make it a thing ("our Zoom",
/// "on Teams", "the Hub"), not a person.
const THING_BEFORE: &[&str] = &[
    "the", "a", "an", "our", "my", "your", "their", "its", "this", "that", "on", "via", "over",
    "at", "in", "into", "from", "through", "using",
];

/// A person named at byte `at` of `text`, with how far the name runs.
pub fn person_at(text: &str, at: usize) -> Option<(Range<usize>, Person)> {
    let rest = &text[at..];
    let caps = matcher().captures(rest)?;
    let whole = caps.get(0)?;
    let words = whole.as_str();
    let (kind, gender) = if let Some(p) = caps.name("pronoun") {
        let g = match p.as_str().to_ascii_lowercase().as_str() {
            "she" => Gender::Female,
            "he" => Gender::Male,
            _ => Gender::Plural,
        };
        (Kind::Pronoun, g)
    } else if caps.name("role").is_some() || caps.name("bare").is_some() {
        // "a man", "an uncle" are people too, but not whom a note is about.
        let lower = words.to_ascii_lowercase();
        if lower.starts_with("a ") || lower.starts_with("an ") {
            return None;
        }
        (Kind::Role, gender_of_role(words))
    } else if caps.name("titled").is_some() {
        let g = match words.split(['.', ' ']).next() {
            Some("Mr" | "Signor" | "Señor" | "Sr" | "Monsieur" | "Herr" | "Rra" | "Pak") => {
                Gender::Male
            }
            Some(
                "Mrs" | "Ms" | "Miss" | "Signora" | "Señora" | "Sra" | "Mme" | "Madame" | "Frau"
                | "Fru" | "Mma" | "Ibu",
            ) => Gender::Female,
            _ => Gender::Unknown,
        };
        (Kind::Name, g)
    } else {
        if NOT_NAMES.contains(&words) || PLACE_WORDS.contains(&words) {
            return None;
        }
        // "Elm Road", "Eastfield Estate": the first word of a place.
        let next = text[at + whole.end()..].trim_start();
        let next_word = next
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        if next.len() < text[at + whole.end()..].len() && PLACE_WORDS.contains(&next_word) {
            return None;
        }
        // "Developmentally stuck", "Emotionally immature": an adverb that
        // opens the sentence, not a name ("Emily", "Kelly" are shorter).
        if words.len() > 7 && (words.ends_with("ally") || words.ends_with("ely")) {
            return None;
        }
        (Kind::Name, Gender::Unknown)
    };
    let end = at + whole.end();
    // "on our Zoom", "at the Hub": a capitalised thing, not a person.
    if kind == Kind::Name && caps.name("name").is_some() {
        let previous = text[..at]
            .split_whitespace()
            .next_back()
            .unwrap_or("")
            .to_ascii_lowercase();
        let possessive = text[end..].starts_with("'s") || text[end..].starts_with("’s");
        if THING_BEFORE.contains(&previous.as_str()) && !possessive {
            return None;
        }
    }
    // "the mother-in-law", "client-led": part of a longer word.
    if text[end..].starts_with('-') {
        return None;
    }
    // "Chaotic and unmotivated", "Manipulative, plausible": an adjective
    // of judgment, or a word shaped like an adjective and listed with
    // another, at the start of a sentence is not a name.
    if kind == Kind::Name && caps.name("name").is_some() && !starts_sentence_mid(text, at) {
        let lower = words.to_ascii_lowercase();
        let next = text[end..]
            .trim_start()
            .split(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        let listed = text[end..].starts_with(',') || matches!(next.as_str(), "and" | "or" | "&");
        let shaped = lower.len() > 5
            && [
                "ive", "ous", "ful", "less", "able", "ible", "ish", "ic", "ed", "ing", "ly", "al",
            ]
            .iter()
            .any(|s| lower.ends_with(s));
        if super::label::known_judgment(&lower) || shaped && listed {
            return None;
        }
    }
    // "Untidy and careless looking", "Too set in his ways", "Unreliable,
    // …": a word that opens the sentence as an adjective or an adverb of
    // degree is not a name ("What did you see Too do", set w, rated 1). A
    // degree adverb, a word with a negating prefix ("un-", "dis-",
    // "non-"), or a word joined by "and" to a lower-case word that is no
    // determiner or pronoun ("Tom and his mum" is a person).
    if kind == Kind::Name && caps.name("name").is_some() && !starts_sentence_mid(text, at) {
        let lower = words.to_ascii_lowercase();
        let mut after = text[end..].split_whitespace();
        let joined = after.next() == Some("and")
            && after.next().is_some_and(|w| {
                w.starts_with(|c: char| c.is_lowercase())
                    && !matches!(
                        w.trim_matches(|c: char| !c.is_alphanumeric()),
                        "his"
                            | "her"
                            | "their"
                            | "the"
                            | "a"
                            | "an"
                            | "my"
                            | "our"
                            | "i"
                            | "we"
                            | "she"
                            | "he"
                            | "they"
                            | "then"
                            | "was"
                            | "is"
                            | "has"
                            | "had"
                    )
            });
        let negated = ["un", "dis", "non"]
            .iter()
            .any(|p| lower.len() >= p.len() + 4 && lower.starts_with(p))
            && !lower.starts_with("uni");
        if DEGREE.contains(&lower.as_str()) || negated || joined {
            return None;
        }
    }
    // A name standing alone at the start of a sentence must be followed by
    // a verb-like word or a possessive, or it is just a capitalised word.
    if kind == Kind::Name && caps.name("name").is_some() {
        let after = &text[end..];
        let possessive = after.starts_with("'s") || after.starts_with("’s");
        let next = after
            .split_whitespace()
            .next()
            .unwrap_or("")
            .trim_matches(|c: char| !c.is_alphanumeric());
        if !possessive && !looks_like_verb(next) && !starts_sentence_mid(text, at) {
            return None;
        }
    }
    Some((
        at..end,
        Person {
            name: words.to_string(),
            gender,
            kind,
        },
    ))
}

/// A capitalised word in the middle of a sentence is more likely a name.
fn starts_sentence_mid(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end();
    !(before.is_empty() || before.ends_with(['.', '!', '?', ';', ':', '"', '“', '(', '-', '*']))
}

pub fn looks_like_verb(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    matches!(
        w.as_str(),
        "is" | "was"
            | "has"
            | "had"
            | "can"
            | "will"
            | "would"
            | "could"
            | "did"
            | "does"
            | "never"
            | "always"
            | "keeps"
            | "kept"
            | "said"
            | "says"
            | "seems"
            | "seemed"
            | "appears"
            | "appeared"
            | "remains"
            | "remained"
            | "became"
            | "just"
            | "still"
            | "also"
            | "really"
            | "constantly"
            | "refused"
            | "failed"
            | "claims"
            | "claimed"
            | "insists"
            | "insisted"
            | "should"
            | "must"
            | "might"
            | "may"
            | "and"
            | "then"
    ) || (w.len() > 3 && (w.ends_with('s') || w.ends_with("ed")) && !w.ends_with("ss"))
        || super::inflect::is_irregular_past(&w)
}

pub fn gender_of_role(words: &str) -> Gender {
    let last = words
        .rsplit([' ', '-'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    match last.as_str() {
        "mum" | "mother" | "wife" | "girlfriend" | "daughter" | "sister" | "grandmother"
        | "grandma" | "nan" | "nana" | "aunt" | "auntie" | "girl" | "woman" | "stepmum"
        | "mum " => Gender::Female,
        "dad" | "father" | "husband" | "boyfriend" | "son" | "brother" | "grandfather"
        | "grandad" | "granddad" | "uncle" | "boy" | "man" | "stepdad" => Gender::Male,
        "parents" | "family" | "couple" | "kids" | "children" | "grandparents" => Gender::Plural,
        _ => Gender::Unknown,
    }
}

/// The gender every third-person singular pronoun in `texts` agrees on,
/// if they agree and there is one.
pub fn pronouns_agree<'a>(texts: impl IntoIterator<Item = &'a str>) -> Option<Gender> {
    let (mut female, mut male) = (false, false);
    for text in texts {
        for word in text.split(|c: char| !c.is_alphanumeric()) {
            match word.to_ascii_lowercase().as_str() {
                "she" | "her" | "hers" | "herself" => female = true,
                "he" | "him" | "his" | "himself" => male = true,
                _ => {}
            }
        }
    }
    match (female, male) {
        (true, false) => Some(Gender::Female),
        (false, true) => Some(Gender::Male),
        _ => None,
    }
}

/// The people named in `text`, in order.
pub fn people_in(text: &str) -> Vec<(Range<usize>, Person)> {
    let mut found = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let starts_word = text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric() && c != '\'');
        if starts_word {
            if let Some((range, person)) = person_at(text, at) {
                at = range.end;
                found.push((range, person));
                continue;
            }
        }
        at += text[at..].chars().next().map_or(1, char::len_utf8);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn who(text: &str) -> Option<Person> {
        person_at(text, 0).map(|(_, p)| p)
    }

    #[test]
    fn people_as_notes_name_them() {
        let mum = who("Mum claims").unwrap();
        assert_eq!((mum.name.as_str(), mum.gender), ("Mum", Gender::Female));
        let okoye = who("Mr Okoye claims").unwrap();
        assert_eq!((okoye.they(), okoye.them()), ("he".into(), "him".into()));
        let leila = who("Leila keeps").unwrap();
        assert_eq!(
            (leila.they(), leila.them()),
            ("Leila".into(), "Leila".into())
        );
        let client = who("The client failed").unwrap();
        assert_eq!(
            (client.they(), client.their()),
            ("they".into(), "their".into())
        );
        let brother = who("Her brother is").unwrap();
        assert_eq!(brother.gender, Gender::Male);
        assert!(who("Honestly a difficult client").is_none());
        assert!(who("Typical attention-seeking").is_none());
        assert!(who("Greasy hair").is_none());
        // Adjectives at the start of a sentence are not names.
        assert!(who("Chaotic and unmotivated, not interested.").is_none());
        assert!(who("Manipulative and plausible.").is_none());
        assert!(who("Defensive and prickly whenever I ask.").is_none());
        assert!(who("Scruffy and unwashed as ever.").is_none());
        assert!(who("Dominic was late.").is_some());
        assert!(who("Leila and her mum came.").is_some());
        let text = "Looked a mess on our Zoom, no makeup.";
        assert!(person_at(text, text.find("Zoom").unwrap()).is_none());
        let text = "Spoke to Leila about the rent.";
        assert!(person_at(text, text.find("Leila").unwrap()).is_some());
        let text = "We met in Leila's kitchen.";
        assert!(person_at(text, text.find("Leila").unwrap()).is_some());
    }

    #[test]
    fn pronouns_count_only_when_they_agree() {
        assert_eq!(pronouns_agree(["She said her son"]), Some(Gender::Female));
        assert_eq!(pronouns_agree(["She said he was"]), None);
        assert_eq!(pronouns_agree(["Client was late"]), None);
    }
}
