//! The whole judgment around a label, and the note's own description.
//!
//! A label rarely comes alone: "obstructive and hostile", "surly, sullen
//! and uncooperative", "his usual argumentative self", "clingy, follows
//! staff around like a lost puppy", "manipulative, just to wind staff up".
//! A rewording that changes one word of such a phrase leaves the rest of
//! the verdict in the note. [`extend`] widens the flagged words to the
//! whole judgmental phrase: the adjectives listed with the label, the
//! frame noun ("self", "attitude") and a motive, simile or "clearly …"
//! clause attached to it. Only words that carry the writer's verdict are
//! taken: a risk word, a time, a place or a person never is.
//!
//! [`described`] then looks for what the sentence itself says happened
//! ("wouldn't let anyone help", "lashed out at carer during wash"): where
//! there is such a description, the rewording is the sentence with the
//! label gone and the description stated plainly, rather than an ask for
//! what the writer has already written.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;

use super::regex::Lazy;

/// Adjectives of judgment the suffix rules below would miss or must not
/// guess. A word here joins a label it is listed with.
const JUDGMENT_WORDS: &[&str] = &[
    "impossible",
    "overweight",
    "obese",
    "oppositional",
    "confrontational",
    "dysfunctional",
    "antisocial",
    "anti-social",
    "rude",
    "hostile",
    "volatile",
    "sullen",
    "surly",
    "prickly",
    "entitled",
    "agitated",
    "unwashed",
    "unkempt",
    "unshaven",
    "dishevelled",
    "disheveled",
    "demanding",
    "difficult",
    "hopeless",
    "spoilt",
    "spoiled",
    "aloof",
    "guarded",
    "withdrawn",
    "evasive",
    "devious",
    "sly",
    "plausible",
    "arrogant",
    "smug",
    "awkward",
    "bedraggled",
    "hungover",
    "tone-deaf",
    "lazy",
    "useless",
    "pathetic",
    "vile",
    "horrible",
    "awful",
    "revolting",
    "disgusting",
    "vulgar",
    "abusive",
    "feral",
    "needy",
    "clingy",
    "moody",
    "bossy",
    "mouthy",
    "lippy",
    "gobby",
    "cheeky",
    "stroppy",
    "sulky",
    "grumpy",
    "shifty",
    "flaky",
    "whiny",
    "touchy",
    "lairy",
    "mardy",
    "smelly",
    "dirty",
    "scruffy",
    "filthy",
    "greasy",
    "messy",
    "sloppy",
    "shabby",
    "grubby",
    "tatty",
    "nasty",
    "dodgy",
    "sneaky",
    "cocky",
    "nosey",
    "nosy",
    "fussy",
    "pushy",
    "rowdy",
    "slovenly",
    "unruly",
    "unfriendly",
    "resistant",
    "defiant",
    "belligerent",
    "reluctant",
    "ambivalent",
    "noncompliant",
    "non-compliant",
    "indifferent",
    "insolent",
    "arrogant",
    "chaotic",
    "apathetic",
    "lethargic",
    "histrionic",
    "narcissistic",
    "unreasonable",
    "unmanageable",
    "unpredictable",
    "unreliable",
    "uncoachable",
    "unteachable",
    "disrespectful",
    "resentful",
    "deceitful",
    "spiteful",
    "boastful",
    "immature",
    "childish",
    "selfish",
    "stubborn",
    "obstinate",
    "unmotivated",
    "disengaged",
    "unengaged",
    "uninterested",
    "unhelpful",
    "ungrateful",
    "unpleasant",
    "thin-skinned",
    "high-maintenance",
    "help-rejecting",
    "passive-aggressive",
    "attention-seeking",
    "drug-seeking",
    "work-shy",
    "workshy",
    "feckless",
    "bolshy",
    "bolshie",
    "irrational",
    "hysterical",
    "emotional",
    "dramatic",
    "overdramatic",
    "melodramatic",
    "precious",
    "oversensitive",
    "over-sensitive",
];

/// Words a suffix would take for a judgment that are states a client
/// reports, conditions, or just other words: never taken with a label.
const NOT_JUDGMENT: &[&str] = &[
    "anxious",
    "nervous",
    "serious",
    "various",
    "previous",
    "obvious",
    "jealous",
    "curious",
    "active",
    "positive",
    "negative",
    "supportive",
    "responsive",
    "attentive",
    "creative",
    "protective",
    "productive",
    "effective",
    "inclusive",
    "relative",
    "alive",
    "native",
    "psychotic",
    "epileptic",
    "diabetic",
    "asthmatic",
    "autistic",
    "dyslexic",
    "manic",
    "catatonic",
    "anorexic",
    "bulimic",
    "clinic",
    "topic",
    "music",
    "logic",
    "traffic",
    "public",
    "panic",
    "comic",
    "basic",
    "specific",
    "tearful",
    "fearful",
    "upset",
    "unwell",
    "unhappy",
    "unsafe",
    "unable",
    "unsure",
    "unclear",
    "unaware",
    "unemployed",
    "understood",
    "under",
    "until",
    "unless",
    "discussed",
    "disclosed",
    "discharged",
    "distressed",
    "disabled",
    "dissociated",
    "dissociative",
    "dishes",
    "distance",
];

/// Whether `word` (lower case) is on the list of judgment adjectives.
pub fn known_judgment(word: &str) -> bool {
    JUDGMENT_WORDS.contains(&word)
}

/// Whether `word` is an adjective of judgment that may be listed with a
/// label ("obstructive and hostile"): from the list, or by a suffix that
/// in notes marks a trait ("-ive", "-ous", "-ic"), or an "un-"/"dis-"
/// trait word. Not a risk word, a state the client reports or a condition.
pub fn judgment_word(word: &str) -> bool {
    let w = word
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
        .to_ascii_lowercase();
    if w.len() < 3 || NOT_JUDGMENT.contains(&w.as_str()) || w.contains("harm") {
        return false;
    }
    if JUDGMENT_WORDS.contains(&w.as_str()) {
        return true;
    }
    let letters = w.chars().all(|c| c.is_ascii_alphabetic() || c == '-');
    if !letters {
        return false;
    }
    let suffix = (w.len() > 5 && (w.ends_with("ive") || w.ends_with("ous")))
        || (w.len() > 6 && w.ends_with("ic"));
    let prefixed = w.len() > 7
        // "understanding", "underlying": "under-" is no "un-" (set s).
        && (w.starts_with("un")
            && !w.starts_with("under")
            && (w.ends_with("ed")
                || w.ends_with("ive")
                || w.ends_with("ful")
                || w.ends_with("ing"))
            || w.starts_with("dis") && (w.ends_with("ive") || w.ends_with("ful")));
    suffix || prefixed
}

/// Verdicts a rewording must not keep, beside the judgment adjectives
/// ([`judgment_word`]): the frames, idioms and sneers the blind
/// supervisor found left in rewordings of set g ("keeps 'textbook'",
/// "'zero effort' kept", "'refused' left", "keeps 'lacks the insight'",
/// "sarcastic 'symptom of the week' left", "'kicking off' left").
fn verdicts() -> &'static Lazy {
    static RE: OnceLock<Lazy> = OnceLock::new();
    RE.get_or_init(|| {
        super::regex::build(r"(?i)\b(?:typical|classic|textbook|stereotypical|(?:^|\s)another\s+\w+|proper|right little|total|complete\s+(?:mess|nightmare|waste)|(?:no|zero|little|minimal) effort|effort made|let (?:him|her|them)sel(?:f|ves) go|(?:a|an absolute|a right|a proper) (?:sight|mess|state|fright|wreck)|death warmed up|of the week|(?:just )?confirms it|wrong crowd|in denial|kick(?:ing|ed|s) off|sulk(?:ing|ed|s)?|drama|over nothing|storm in a teacup|bare minimum|going through the motions|(?:play(?:s|ed|ing)?|plays?) (?:me|us|staff|people|them|the \w+) off|refus(?:ed|es|ing|al)|won'?t follow|non[- ]?complian\w*|noncomplian\w*|non[- ]?adheren\w*|ignor(?:es|ed|ing) (?:the )?advice|lacks? (?:the |any )?(?:insight|self-awareness|awareness|capacity|maturity|skills?|life skills|gravitas)|not (?:at a stage|ready|there yet)|nowhere near|(?:might|will) never|never|always|can'?t take a joke|can'?t switch off|wants applause|owes? (?:him|her|them) (?:a|anything)|doesn'?t owe|a walk wouldn'?t fix|toughen up|grow up|junkies?|alkies?|scroungers?|manipulat\w*|trusts nobody|blames? everyone|early stage|only has (?:her|him|them)sel(?:f|ves) to blame|should|ought to|needs to|(?:she|he|they) knows it|in (?:her|his|their) own little world|through and through|rescuer type|people-pleaser|perfectionist|control freak|wannabe|waste of space|time waster|class clown|troublemaker|little madam|the typical user look|highly likely|crude|up to her backside|nothing there|every(?:thing|one) is|not (?:very )?nice|get away with|says it all|(?:a )?(?:real )?handful|bad influence|nightmare|injured party|plays? the victim|can'?t trust|no use|won'?t manage|blaming|like (?:she|he|they)(?:'?d| had)|like an? \w+|scabby|thugs?|hardly|(?:hadn'?t|has not|had not|not|never) bothered|rules don'?t apply|(?:un|not )coachable)\b")
            .expect("the verdicts pattern compiles")
    })
}

/// The first judgment left in `text`, if any: a judgment adjective
/// ([`judgment_word`]) or a verdict the blind rater found left behind
/// ([`verdicts`]). A clean rewording of a label rule has none; a part
/// of the sentence a margin question keeps must have none.
pub fn verdict_in(text: &str) -> Option<Range<usize>> {
    static WORD: OnceLock<Regex> = OnceLock::new();
    let word_re = super::regex::cached(&WORD, r"[\w'’-]+");
    // "She says she never got the letter": an absolute inside the
    // person's own account is theirs, not the writer's verdict (round 10).
    static REPORTED: OnceLock<Regex> = OnceLock::new();
    let reported = super::regex::cached(
        &REPORTED,
        r"(?i)\b(?:says|said|reports|reported|tells (?:me|us|staff)|told (?:me|us|staff))\b[^,;.:?!]*$",
    );
    let listed = verdicts()
        .find_iter(text)
        .find(|m| {
            let w = m.as_str().trim().to_ascii_lowercase();
            !(matches!(w.as_str(), "never" | "always") && reported.is_match(&text[..m.start()]))
        })
        .map(|m| m.range());
    let word = word_re.find_iter(text).find_map(|m| {
        let w = m.as_str();
        // "greasy hair", "grubby clothes": a detail of what was seen.
        let after = &text[m.end()..];
        let next = after
            .trim_start_matches(' ')
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        let detail = after.starts_with(' ') && SEEN_NOUNS.contains(&next.as_str());
        (judgment_word(w)
            && !detail
            && !NOT_VERDICT_WORDS.contains(&w.to_ascii_lowercase().as_str()))
        .then(|| m.range())
    });
    match (listed, word) {
        (Some(a), Some(b)) => Some(if a.start <= b.start { a } else { b }),
        (a, b) => a.or(b),
    }
}

/// Things seen that an appearance adjective before them describes
/// plainly ("greasy hair", "grubby clothes").
const SEEN_NOUNS: &[&str] = &[
    "hair", "clothes", "clothing", "jumper", "top", "shirt", "trousers", "jeans", "nails", "teeth",
    "skin", "room", "flat", "house", "kitchen", "bedding", "sheets", "coat", "shoes", "uniform",
];

/// Words shaped like a judgment ("-ive", "-ous", "-ic") that name a thing
/// or a fact in notes: a rewording may keep them.
const NOT_VERDICT_WORDS: &[&str] = &[
    "intensive",
    "extensive",
    "expensive",
    "executive",
    "massive",
    "detective",
    "objective",
    "alternative",
    "initiative",
    "representative",
    "relatives",
    "incentive",
    "sedative",
    "medic",
    "generic",
    "academic",
    "electric",
    "paediatric",
    "pediatric",
    "geriatric",
    "psychiatric",
    "domestic",
    "automatic",
    "previous",
    "continuous",
    "numerous",
    "religious",
    "dangerous",
    "conscious",
    "unconscious",
];

/// Nouns that only frame an adjective: "his usual argumentative self",
/// "an entitled attitude".
const FRAME_NOUNS: &[&str] = &[
    "boy",
    "girl",
    "lad",
    "man",
    "woman",
    "individual",
    "person",
    "character",
    "queen",
    "type",
    "types",
    "kind",
    "self",
    "attitude",
    "manner",
    "streak",
    "mood",
    "way",
    "presentation",
    "behaviour",
    "behavior",
    "behaviours",
    "behaviors",
];

fn left_list() -> &'static Lazy {
    static RE: OnceLock<Lazy> = OnceLock::new();
    RE.get_or_init(|| {
        super::regex::build(r"(?i)(?:^|[\s(])((?:(?:very|so|quite|really|rather|extremely|totally|utterly|completely|pretty|fairly|v|too)\s+)?([A-Za-z][A-Za-z'-]*))(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|&|\+|or)\s+|\s*/\s*)$")
            .expect("the left list pattern compiles")
    })
}

fn right_list() -> &'static Lazy {
    static RE: OnceLock<Lazy> = OnceLock::new();
    RE.get_or_init(|| {
        super::regex::build(r"(?i)^(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|&|\+|or)\s+|\s*/\s*)((?:(?:very|so|quite|really|rather|extremely|totally|utterly|completely|pretty|fairly|v|too|incredibly|increasingly)\s+)*)([A-Za-z][A-Za-z'-]*)")
            .expect("the right list pattern compiles")
    })
}

/// A clause attached to a label that only adds to the verdict: a motive
/// ("just to wind staff up"), a simile ("like a lost puppy"), a mind-read
/// ("clearly doesn't look after himself"), a sneer ("as ever", "which
/// says a lot about him"). It runs to the end of its clause.
fn attached() -> &'static Lazy {
    static RE: OnceLock<Lazy> = OnceLock::new();
    RE.get_or_init(|| {
        super::regex::build(r"(?i)^(?:\s*,)?\s+(?:(?:and\s+)?(?:clearly|obviously|evidently|plainly)\s|just\s+(?:to|for)\s|(?:only|purely|simply)\s+(?:to|for)\s+(?:attention|get|wind|annoy|wind|make|provoke|manipulate|control|get)|for\s+attention\b|as\s+(?:ever|usual|always|anything)\b|as\s+if\s|like\s+an?\s|which\s+says\s|(?:and\s+)?(?:can'?t|cant|couldn'?t)\s+be\s+bothered|(?:and\s+)?not\s+interested\s+in\s|no\s+ambition\b|no\s+point\s|and\s+(?:needs|ought|should)\s|(?:who|that)\s+(?:just|needs?)\s|(?:and\s+)?will\s+(?:probably|no\s+doubt|inevitably|just)\s|(?:which\s+)?says\s+(?:it\s+all|a\s+lot|everything)\b)")
            .expect("the attached pattern compiles")
    })
}

/// The end of the clause that goes on at `from` in `s`: the next comma,
/// semicolon or sentence end.
fn clause_end(s: &str, from: usize) -> usize {
    s[from..]
        .find([',', ';', '.', '!', '?', '(', '—', '–'])
        .map_or(s.len(), |i| from + i)
}

/// The judgmental phrase around `at` in the sentence `s` (byte offsets
/// into `s`): the label with the adjectives listed with it, its frame noun
/// and an attached motive, simile or mind-read.
pub fn extend(s: &str, at: Range<usize>) -> Range<usize> {
    let (mut start, mut end) = (at.start, at.end);
    // Only a label can have a list: a pattern that took a clause cannot,
    // nor a verb ("stank of").
    let matched = &s[at.clone()];
    // "Chaotic and" flagged with its "and": the list goes on after it.
    let bare = matched
        .strip_suffix(" and")
        .or_else(|| matched.strip_suffix(" or"))
        .or_else(|| matched.strip_suffix(','))
        .unwrap_or(matched);
    if bare.len() < matched.len() {
        end = at.start + bare.len();
    }
    let count = bare.split_whitespace().count();
    let last = bare.split_whitespace().next_back().unwrap_or("");
    let lists = count <= 3 && (count > 1 || judgment_word(last));
    loop {
        if !lists {
            break;
        }
        let before = start;
        if let Some(c) = left_list().captures(&s[..start]) {
            let word = c.get(2).expect("a word");
            let whole = c.get(1).expect("a phrase");
            if judgment_word(word.as_str()) {
                start = whole.start();
            }
        }
        if start == before {
            break;
        }
    }
    loop {
        let before = end;
        if let Some(c) = right_list().captures(&s[end..]).filter(|_| lists) {
            let word = c.get(2).expect("a word");
            // "disheveled, greasy hair": an adjective before its own noun
            // belongs to that noun, not to the list.
            let after = s[end + word.end()..]
                .split_whitespace()
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            let after_word = after.trim_end_matches(|c: char| !c.is_alphanumeric());
            let own_noun = s[end + word.end()..].starts_with(' ')
                && !after_word.is_empty()
                && !FRAME_NOUNS.contains(&after_word)
                && !ADVERBIAL.contains(&after_word)
                && !matches!(
                    after_word,
                    "and"
                        | "or"
                        | "but"
                        | "as"
                        | "like"
                        | "who"
                        | "which"
                        | "just"
                        | "clearly"
                        | "obviously"
                );
            if judgment_word(word.as_str()) && !own_noun {
                end += word.end();
            }
        }
        let rest = &s[end..];
        let next = rest
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        let next_clean = next.trim_end_matches(|c: char| !c.is_alphanumeric());
        if rest.starts_with(' ') && FRAME_NOUNS.contains(&next_clean) {
            end += 1 + next_clean.len();
        }
        if let Some(m) = attached().find(&s[end..]) {
            end = clause_end(s, end + m.end());
        }
        if end == before {
            break;
        }
    }
    start..end.max(at.end)
}

/// Whether `word` opens a description of what happened: a past or
/// present verb, a negated modal, or an `-ing` form.
fn opens_description(words: &[&str]) -> Option<Opening> {
    let first = words.first()?.to_ascii_lowercase();
    let first = first.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
    let next = words
        .get(1)
        .map(|w| w.to_ascii_lowercase())
        .unwrap_or_default();
    if matches!(
        first,
        "wouldn't"
            | "wouldnt"
            | "won't"
            | "wont"
            | "didn't"
            | "didnt"
            | "couldn't"
            | "couldnt"
            | "refused"
            | "refuses"
            | "kept"
            | "keeps"
            | "would"
            | "wouldn’t"
            | "won’t"
            | "didn’t"
    ) {
        return Some(Opening::Finite);
    }
    if matches!(
        first,
        "is" | "was"
            | "are"
            | "were"
            | "has"
            | "had"
            | "have"
            | "can't"
            | "cant"
            | "can’t"
            | "doesn't"
            | "doesnt"
            | "will"
            | "just"
            | "clearly"
            | "obviously"
            | "very"
            | "no"
            | "not"
            | "thinks"
            | "wants"
            | "needs"
            | "it"
            | "it's"
            | "its"
    ) {
        return None;
    }
    let alphabetic = first.chars().all(|c| c.is_ascii_alphabetic());
    if !alphabetic
        || first.len() < 4
        || super::person::looks_like_verb(&next) && next.ends_with('s')
    {
        return None;
    }
    if super::inflect::is_irregular_past(first) {
        return Some(Opening::Finite);
    }
    if first.ends_with("ed") && !judgment_word(first) {
        return Some(Opening::Finite);
    }
    if first.ends_with("ing") && !judgment_word(first) && first != "something" && first != "nothing"
    {
        return Some(Opening::Ing);
    }
    // "follows staff around", "micromanages everyone": a verb that takes
    // an object; "clothes hanging off him" is a noun with its participle.
    if first.ends_with('s')
        && !first.ends_with("ss")
        && !first.ends_with("ous")
        && !next.ends_with("ing")
        && !next.is_empty()
        && (super::inflect::base(first).is_some_and(|b| b.len() >= 3))
        && matches!(
            next.trim_matches(|c: char| !c.is_alphanumeric()),
            "the"
                | "a"
                | "an"
                | "his"
                | "her"
                | "their"
                | "my"
                | "our"
                | "everyone"
                | "everybody"
                | "anyone"
                | "staff"
                | "people"
                | "others"
                | "other"
                | "it"
                | "them"
                | "him"
                | "me"
                | "us"
                | "off"
                | "out"
                | "up"
                | "around"
                | "about"
                | "at"
                | "on"
                | "to"
                | "into"
                | "over"
        )
    {
        return Some(Opening::Finite);
    }
    None
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Opening {
    /// "wouldn't let anyone help", "lashed out at carer".
    Finite,
    /// "crying in the corridor".
    Ing,
}

/// Words that open an adverbial: it goes after the description.
const ADVERBIAL: &[&str] = &[
    "at",
    "in",
    "on",
    "with",
    "during",
    "when",
    "whenever",
    "toward",
    "towards",
    "to",
    "this",
    "today",
    "yesterday",
    "tonight",
    "after",
    "before",
    "throughout",
    "again",
    "since",
    "over",
    "around",
    "about",
    "for",
    "from",
    "while",
    "whilst",
    "all",
    "last",
];

/// Whether `word` (lower case) opens an adverbial: where or when it
/// happened, not another clause.
pub fn opens_adverbial(word: &str) -> bool {
    ADVERBIAL.contains(&word) || matches!(word, "towards" | "around" | "into")
}

/// The sentence with the judgmental phrase `span` (byte offsets into `s`)
/// gone and the description the sentence gives of what happened stated
/// plainly: "Mrs Hill was very difficult and obstructive at teatime,
/// wouldn't let anyone help." → "Mrs Hill wouldn't let anyone help at
/// teatime." `lead` is the sentence before the phrase less its copula and
/// intensifiers; `copula` the copula that went with them ("was", "'s").
/// `None` when the sentence describes nothing after the label.
pub fn described(s: &str, span: Range<usize>, lead: &str, copula: Option<&str>) -> Option<String> {
    let after = &s[span.end..];
    let comma = after.find(", ")?;
    let mid = after[..comma].trim();
    let rest = after[comma + 2..].trim();
    // The description runs to the end of its sentence, less a simile.
    let rest = rest.trim_end_matches(['.', '!', '?']).trim_end();
    let rest = match rest.find(" like a ") {
        Some(i) if rest[i..].split(' ').count() <= 6 => &rest[..i],
        _ => rest,
    };
    if rest.contains(", ") || mid.contains(' ') && mid.split(' ').count() > 5 {
        return None;
    }
    let words: Vec<&str> = rest.split_whitespace().collect();
    if words.len() < 2 {
        return None;
    }
    let opening = opens_description(&words)?;
    let lead = lead.trim();
    // "Answered the door in <label>": the label was an object, and the
    // lead cannot take a description after it.
    let lead_last = lead.rsplit(' ').next().unwrap_or("").to_ascii_lowercase();
    if ADVERBIAL.contains(&lead_last.as_str()) || lead.ends_with(',') {
        return None;
    }
    let mid_first = mid.split(' ').next().unwrap_or("").to_ascii_lowercase();
    let adverbial = mid.is_empty() || ADVERBIAL.contains(&mid_first.as_str());
    let mut out = String::new();
    match opening {
        Opening::Finite => {
            if adverbial {
                out.push_str(lead);
                out.push(' ');
                out.push_str(rest);
                out.push(' ');
                out.push_str(mid);
            } else if lead.is_empty() {
                // "Aggressive resident, lashed out at carer": the noun
                // after the label is the subject.
                out.push_str(mid);
                out.push(' ');
                out.push_str(rest);
            } else {
                return None;
            }
        }
        Opening::Ing => {
            // "He's attention-seeking, crying in the corridor" → "He's
            // crying in the corridor": the copula stays with its subject.
            let copula = copula?;
            if lead.is_empty() || !adverbial {
                return None;
            }
            out.push_str(lead);
            if !copula.starts_with(['\'', '’']) {
                out.push(' ');
            }
            out.push_str(copula);
            out.push(' ');
            out.push_str(rest);
            out.push(' ');
            out.push_str(mid);
        }
    }
    let out = out.split_whitespace().collect::<Vec<_>>().join(" ");
    let out = out.trim_end_matches([',', ';', ':']).trim();
    Some(format!("{}.", super::inflect::capitalise(out)))
}

/// A report the writer then dismisses: "Says she's being bullied but it's
/// just normal girl drama" → "Says she's being bullied.". The part before
/// a "but" or ", though" that comes before the label, when the label's
/// clause is the dismissal. `None` when there is no such part.
pub fn reported(s: &str, span: Range<usize>) -> Option<String> {
    let seps = [", but ", " but ", ", though ", ", although "];
    let lower = s[..span.start].to_ascii_lowercase();
    // The dismissal may be the flagged words themselves, with the report
    // before them inside the match: "upset about going to a facility,
    // but frankly it's a nice place and she'll be fine" (set p: quoted
    // whole as the verdict, rated 2).
    // Not where what follows is something seen ("reports panic attacks
    // but looked perfectly fine at the bus stop"): that is evidence to
    // keep, not a dismissal.
    let inside = || {
        // A dismissal flagged from its own "but" ("… at night, but it's a
        // roof, hardly …", set u: the dismissal asked about as the
        // person's words, rated 2) is cut where it starts.
        let flagged = format!(" {}", s.get(span.clone())?.to_ascii_lowercase());
        let at = seps
            .iter()
            .filter_map(|sep| flagged.find(sep))
            .min()?
            .saturating_sub(1);
        let seen = flagged[at..].split_whitespace().any(|w| {
            matches!(
                w,
                "looked"
                    | "looks"
                    | "seemed"
                    | "seems"
                    | "appeared"
                    | "appears"
                    | "seen"
                    | "arrived"
                    | "walked"
                    | "managed"
            )
        });
        (!seen).then_some(span.start + at)
    };
    let cut = match seps.iter().filter_map(|sep| lower.rfind(sep)).max() {
        Some(cut) => cut,
        None => inside()?,
    };
    let report = s[..cut].trim().trim_end_matches(',');
    // The dismissal is the rest of the sentence: nothing after the label
    // but its own words and a full stop.
    let tail = s[span.end..].trim();
    let dismissal_ends = tail.is_empty()
        || tail.starts_with(['.', '!', '?'])
        || tail.split_whitespace().count() <= 6;
    if report.split_whitespace().count() < 2 || !dismissal_ends {
        return None;
    }
    Some(format!("{}.", super::inflect::capitalise(report)))
}

/// Verbs a label's complement takes: "too immature to put the baby's
/// needs first", "not ready to take on board the concerns".
const COMPLEMENT_VERBS: &[&str] = &[
    "put",
    "take",
    "benefit",
    "change",
    "manage",
    "accept",
    "engage",
    "understand",
    "cope",
    "listen",
    "attend",
    "follow",
    "hear",
    "learn",
    "reflect",
    "consider",
    "acknowledge",
    "work",
    "look",
    "move",
    "stop",
    "start",
    "commit",
    "grow",
    "step",
    "lead",
    "care",
    "parent",
    "protect",
    "prioritise",
    "prioritize",
    "keep",
    "hold",
    "stay",
    "help",
    "ask",
    "admit",
    "recognise",
    "recognize",
    "see",
    "trust",
    "open",
    "talk",
    "share",
    "own",
    "run",
    "meet",
    "respond",
    "make",
    "do",
    "be",
    "get",
    "give",
    "go",
    "live",
    "look",
    "think",
    "deal",
    "face",
    "handle",
    "settle",
    "sit",
    "control",
    "regulate",
    "return",
    "hold",
    "achieve",
    "progress",
    "cope",
    "use",
    "complete",
    "join",
    "finish",
    "reach",
];

/// The tail of a rewording when it opens with the label's complement:
/// " to put the baby's needs first" → " when it came to putting the
/// baby's needs first"; " needed to benefit from DBT" the same; " into
/// her diabetes" after "insight" → " about her diabetes". `None` when the
/// tail opens otherwise.
pub fn complement(label: &str, tail: &str) -> Option<String> {
    let last = label
        .split_whitespace()
        .next_back()
        .unwrap_or("")
        .to_ascii_lowercase();
    // Only a label of capacity or character takes a complement: "told him
    // to put the phone away" is an instruction, not a verdict.
    let capacity = judgment_word(&last)
        || matches!(
            last.as_str(),
            "ready"
                | "enough"
                | "mature"
                | "insight"
                | "awareness"
                | "self-awareness"
                | "understanding"
                | "capacity"
                | "motivation"
                | "capable"
                | "able"
                | "willing"
                | "young"
                | "maturity"
                | "skills"
                | "intelligent"
                | "self-discipline"
                | "discipline"
                | "ability"
                | "limited"
        );
    if !capacity {
        return None;
    }
    if matches!(
        last.as_str(),
        "insight" | "awareness" | "self-awareness" | "understanding"
    ) {
        for from in [" into ", " in ", " of "] {
            if let Some(rest) = tail.strip_prefix(from) {
                return Some(format!(" about {rest}"));
            }
        }
    }
    let rest = ["needed", "required", "necessary", "enough"]
        .iter()
        .find_map(|w| tail.strip_prefix(' ')?.strip_prefix(w))
        .unwrap_or(tail);
    let rest = rest.strip_prefix(" to ")?;
    let verb = rest.split([' ', ',', '.']).next().unwrap_or("");
    if !COMPLEMENT_VERBS.contains(&verb) {
        return None;
    }
    let ing = super::inflect::present_participle(verb);
    Some(format!(" when it came to {ing}{}", &rest[verb.len()..]))
}

/// The sentence before a label that ends it, when that part says what
/// happened: "Cried for an hour over a broken hairband, total drama
/// queen." → "Cried for an hour over a broken hairband.".
pub fn said_before(lead: &str, tail: &str) -> Option<String> {
    if !tail.chars().all(|c| !c.is_alphanumeric()) {
        return None;
    }
    let before = lead.trim_end().strip_suffix(',')?.trim_end();
    let words: Vec<&str> = before.split_whitespace().collect();
    // Only a plain account: "Came in filthy and smelling" is more labels.
    if words.len() < 4 || before.contains(", ") || words.iter().any(|w| judgment_word(w)) {
        return None;
    }
    opens_description(&words)?;
    Some(format!("{}.", super::inflect::capitalise(before)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ext(s: &str, label: &str) -> String {
        let i = s.find(label).unwrap();
        s[extend(s, i..i + label.len())].to_string()
    }

    #[test]
    fn listed_adjectives_go_with_the_label() {
        let s = "Mum was obstructive and hostile when the CIN plan was raised.";
        assert_eq!(ext(s, "obstructive"), "obstructive and hostile");
        assert_eq!(ext(s, "hostile"), "obstructive and hostile");
        let s = "Presents as surly, sullen and uncooperative.";
        assert_eq!(ext(s, "uncooperative"), "surly, sullen and uncooperative");
        let s = "Hostile, entitled attitude toward staff.";
        assert_eq!(ext(s, "Hostile"), "Hostile, entitled attitude");
        let s = "Dad presented as his usual argumentative self at core group.";
        assert_eq!(ext(s, "argumentative"), "argumentative self");
        let s = "Client continues to be resistant and help-rejecting in session.";
        assert_eq!(ext(s, "resistant"), "resistant and help-rejecting");
        let s = "Very clingy and needy with female staff.";
        assert_eq!(ext(s, "needy"), "Very clingy and needy");
        // A state the client reports, a risk word, a verb: not judgments.
        let s = "Leon is a defiant boy who needs firm boundaries.";
        assert_eq!(ext(s, "defiant"), "defiant boy who needs firm boundaries");
        let s = "Presented disheveled, greasy hair, reeking of cigarettes.";
        assert_eq!(ext(s, "disheveled"), "disheveled");
        let s = "Leon is a defiant, oppositional boy who needs firm boundaries.";
        assert_eq!(
            ext(s, "defiant"),
            "defiant, oppositional boy who needs firm boundaries"
        );
        let s = "He was defensive and anxious about the visit.";
        assert_eq!(ext(s, "defensive"), "defensive");
        let s = "Aggressive and self-harming overnight.";
        assert_eq!(ext(s, "Aggressive"), "Aggressive");
        let s = "She was hostile and asked us to leave.";
        assert_eq!(ext(s, "hostile"), "hostile");
    }

    #[test]
    fn attached_motives_and_similes_go_with_it() {
        let s = "Scruffy-looking gentleman, clearly doesn't look after himself.";
        assert_eq!(ext(s, "Scruffy"), "Scruffy");
        let s = "Scruffy, unshaven, and clearly living in those clothes.";
        assert_eq!(
            ext(s, "Scruffy"),
            "Scruffy, unshaven, and clearly living in those clothes"
        );
        let s = "Manipulative, just to wind staff up.";
        assert_eq!(
            ext(s, "Manipulative"),
            "Manipulative, just to wind staff up"
        );
        let s = "Chaotic and unmotivated, not interested in recovery.";
        assert_eq!(
            ext(s, "Chaotic and"),
            "Chaotic and unmotivated, not interested in recovery"
        );
        let s = "He's one of those rescuer types who just can't help himself.";
        assert_eq!(
            ext(s, "one of those rescuer types"),
            "one of those rescuer types who just can't help himself"
        );
        let s = "Scruffy and unwashed as ever, no effort made for his court date.";
        assert_eq!(ext(s, "Scruffy"), "Scruffy and unwashed as ever");
    }

    fn desc(s: &str, label: &str, lead: &str, copula: Option<&str>) -> Option<String> {
        let i = s.find(label).unwrap();
        described(s, extend(s, i..i + label.len()), lead, copula)
    }

    #[test]
    fn the_notes_own_description_replaces_the_label() {
        let s = "Mrs Hill was very difficult and obstructive at teatime, wouldn't let anyone help.";
        assert_eq!(
            desc(s, "obstructive", "Mrs Hill", Some("was")).as_deref(),
            Some("Mrs Hill wouldn't let anyone help at teatime.")
        );
        let s = "Aggressive resident, lashed out at carer during wash.";
        assert_eq!(
            desc(s, "Aggressive", "", None).as_deref(),
            Some("Resident lashed out at carer during wash.")
        );
        let s = "He's attention-seeking, crying in the corridor where everyone can see him.";
        assert_eq!(
            desc(s, "attention-seeking", "He", Some("'s")).as_deref(),
            Some("He's crying in the corridor where everyone can see him.")
        );
        let s = "Very clingy, follows staff around at break like a lost puppy.";
        assert_eq!(
            desc(s, "clingy", "", None).as_deref(),
            Some("Follows staff around at break.")
        );
        let s = "Answered the door in her dressing gown at midday, says it all really.";
        assert_eq!(
            desc(s, "her dressing gown", "Answered the door in", None),
            None
        );
        let s = "Lazy, cant be bothered with anything that takes effort.";
        assert_eq!(desc(s, "Lazy", "", None), None);
        let s = "Agitated, aggressive pt, very difficult to manage.";
        assert_eq!(desc(s, "aggressive", "", None), None);
        let s = "Chris looked like a tramp, clothes hanging off him and stinking.";
        assert_eq!(desc(s, "looked like a tramp", "Chris", None), None);
    }

    #[test]
    fn complements_and_descriptions_before() {
        assert_eq!(
            complement("immature", " to put the baby's needs ahead of her own.").as_deref(),
            Some(" when it came to putting the baby's needs ahead of her own.")
        );
        assert_eq!(
            complement("the insight", " needed to benefit from DBT at this point.").as_deref(),
            Some(" when it came to benefiting from DBT at this point.")
        );
        assert_eq!(
            complement("zero insight", " into her diabetes.").as_deref(),
            Some(" about her diabetes.")
        );
        assert_eq!(complement("rude", " to the cleaner."), None);
        let s = "Cried for an hour over a broken hairband, total drama queen.";
        let i = s.find("total drama queen").unwrap();
        assert_eq!(
            said_before(&s[..i], ".").as_deref(),
            Some("Cried for an hour over a broken hairband.")
        );
        assert_eq!(said_before("Came in filthy and smelling,", "."), None);
    }

    #[test]
    fn a_dismissed_report_keeps_the_report() {
        let s = "Says shes being bullied but its just normal girl drama.";
        let i = s.find("its just normal girl drama").unwrap();
        assert_eq!(
            reported(s, i..s.len() - 1).as_deref(),
            Some("Says shes being bullied.")
        );
        let s = "Said she's exhausted, but it's mostly in her head.";
        let i = s.find("mostly in her head").unwrap();
        assert_eq!(
            reported(s, i..s.len() - 1).as_deref(),
            Some("Said she's exhausted.")
        );
    }
}
