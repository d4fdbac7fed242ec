//! The supervisor's margin note for six rules whose judgment is a shape of
//! sentence: blame-question, assumed-intent, credibility-doubt,
//! compliance-framing, absolute-about-person and moralising.
//!
//! Each hole is the sentence with only the judgment changed and every fact
//! kept, or, where the sentence holds no fact to keep, a question in the
//! margin about this sentence (the person as the note names them, never a
//! guessed gender, never an invented fact). `None` when the sentence is not
//! of a shape this knows: the template's next alternative is used then
//! (`clause.rs`, `label.rs`).
//!
//! Built from the blind supervisor ratings of sets d, e and f
//! (bench/blind/): what the rater marked down was a blame question turned
//! into a blame statement, a motive or doubt kept beside the rewording
//! ("when it suits him", "funny that"), an authority fact softened
//! ("instructed" → "asked"), a verb made from an adjective ("has not
//! happied") and a fill-in where the sentence had facts to keep.
//!
//! | hole | value |
//! |---|---|
//! | `blame_margin` | a blame question as what happened, or a margin question: "Why can't she see that she is the common denominator in all these failed relationships?" → "What has she said about all these failed relationships?"; "How hard is it to pick up the phone?" → "… (who) has not picked up the phone (say when)." |
//! | `blame_curious` | a blame question no statement can say, asked from the person's side with its own act: "How many times does she need telt before she gets the weans to school on time?" → "What makes getting the weans to school on time hard for her?" |
//! | `blame_margin_wonder` | the curious question for a blame question with no person: "What makes it hard for them to pick up the phone?" |
//! | `intent_margin` | a motive read in taken out: "Pretends to be deaf when it suits him." → "Seems deaf at times (say when, and what you saw)." |
//! | `doubt_margin` | the account without the writer's doubt: "Claims to be drinking "two cans a night", which I very much doubt." → "Says they are drinking "two cans a night"." |
//! | `comply_margin` | what was required and what happened, the authority kept: "Pt was told to keep the leg elevated and, predictably, ignored the advice." → "Pt was told to keep the leg elevated and did not follow the advice (say why, if they said)." |
//! | `absolute_margin` | an absolute as occasions: "Never happy with any appointment we offer." → "Has not been happy with the appointments we have offered (say which, and when)." |
//! | `moral_margin` | the moral verdict out, the facts and a curious ask in: "A good mother would have left him years ago." → "She has not left him (say what she has said about leaving)." |
//! | `*_margin_wonder` | the curious question that goes with a whole-sentence construction (`whole`), made from the sentence's own activity: "What would help Mum take this on now?", "What kept Pt from coming in sooner?" |
//!
//! Round 7 (set g's ratings, then the shapes that recur in d, e and f):
//! each hole first tries `whole`, which gives EITHER the clean sentence
//! (every judgment in it resolved, the facts kept: "Dad has not followed
//! through on what was agreed at core group.", "She has been showing up
//! late; I wondered whether she was testing me.") OR the margin question
//! about the sentence's own facts ("What chances has Mum had so far, and
//! what has she said about them?"), never a sentence with a hole.

use std::sync::OnceLock;

use regex::Regex;

use super::regex::Captures;

use super::regex::Lazy;

use super::person::{Gender, Kind};
use super::{inflect, tidy, Context};

/// A lazily compiled pattern, one per call site.
macro_rules! rx {
    ($p:expr) => {{
        static CELL: OnceLock<Regex> = OnceLock::new();
        re(&CELL, $p)
    }};
}

/// The holes this module fills (checked when a rule file is loaded).
pub const HOLES: &[&str] = &[
    "blame_margin",
    "blame_margin_wonder",
    "blame_curious",
    "intent_margin",
    "doubt_margin",
    "comply_margin",
    "absolute_margin",
    "moral_margin",
    "intent_margin_wonder",
    "doubt_margin_wonder",
    "comply_margin_wonder",
    "absolute_margin_wonder",
    "moral_margin_wonder",
];

/// The value of hole `name` for `cx`, or `None`.
pub fn hole(name: &str, cx: &Context<'_>) -> Option<String> {
    // A whole-sentence construction, with its curious question, first.
    let six = match name.trim_end_matches("_wonder") {
        "blame_margin" => Some(Six::Blame),
        "intent_margin" => Some(Six::Intent),
        "doubt_margin" => Some(Six::Doubt),
        "comply_margin" => Some(Six::Comply),
        "absolute_margin" => Some(Six::Absolute),
        "moral_margin" => Some(Six::Moral),
        _ => None,
    };
    if let Some((first, wonder)) = six.and_then(|rule| whole(rule, cx)) {
        return if name.ends_with("_wonder") {
            wonder
        } else {
            Some(first)
        };
    }
    let out = match name {
        "blame_margin" => blame(cx),
        "blame_margin_wonder" => blame_wonder(cx),
        "blame_curious" => blame_curious(cx),
        "intent_margin" => intent(cx),
        "doubt_margin" => doubt(cx),
        "comply_margin" => comply(cx),
        "absolute_margin" => absolute(cx),
        "moral_margin" => moral(cx),
        "doubt_margin_wonder" => doubt_wonder(cx),
        _ => None,
    }?;
    Some(finish(&out))
}

use super::regex::cached as re;

/// One space between words, no space before punctuation, a capital first.
fn finish(text: &str) -> String {
    let mut out = tidy(text);
    for (from, to) in [
        (" ,", ","),
        (" ;", ";"),
        (" ?", "?"),
        (",.", "."),
        ("..", "."),
    ] {
        out = out.replace(from, to);
    }
    out
}

/// The sentence without its end punctuation, and that punctuation.
fn body(sentence: &str) -> (&str, &str) {
    let t = strip_opener(sentence.trim());
    let b = t.trim_end_matches(['.', '!', '?', ' ']);
    (b, if t.ends_with('?') { "?" } else { "." })
}

/// `text` without a sentence adverb before its words: "Honestly she ought
/// to …" → "she ought to …", "Frankly, Charles has …" → "Charles has …"
/// (set l: "Honestly" was read as a name, "What has Honestly she said").
fn strip_opener(text: &str) -> &str {
    let first = text.split_whitespace().next().unwrap_or("");
    let word = first.trim_end_matches(',');
    let lower = word.to_ascii_lowercase();
    // The writer's stance only: "apparently", "allegedly" carry a
    // teller and stay.
    let adverb = matches!(
        lower.as_str(),
        "tbh"
            | "seriously"
            | "honestly"
            | "frankly"
            | "really"
            | "truthfully"
            | "personally"
            | "basically"
            | "literally"
            | "genuinely"
    );
    let rest = text[first.len()..].trim_start();
    if adverb
        && word.chars().all(|c| c.is_ascii_alphabetic())
        && rest.split_whitespace().count() >= 2
    {
        rest
    } else {
        text
    }
}

/// The person's subject pronoun when the note gives their gender, else
/// "they" (never a guessed gender).
fn they(cx: &Context<'_>) -> String {
    match cx.person.gender {
        Gender::Female => "she".into(),
        Gender::Male => "he".into(),
        _ => "they".into(),
    }
}

fn them(cx: &Context<'_>) -> String {
    match cx.person.gender {
        Gender::Female => "her".into(),
        Gender::Male => "him".into(),
        _ => "them".into(),
    }
}

/// The person a question with no subject is about: as the note names
/// them, or their pronoun when the note gives a gender ("his bins"); else
/// `none` (a "they" inside the question may be the tablets, not a person).
fn unnamed_or(cx: &Context<'_>, none: &str) -> String {
    match (cx.person.kind, cx.person.gender) {
        (Kind::Name | Kind::Role, _) => cx.person.named(),
        (_, Gender::Female | Gender::Male) => they(cx),
        _ => none.to_string(),
    }
}

/// "has" or "have" after `subject`.
fn has(subject: &str) -> &'static str {
    if matches!(
        subject.to_ascii_lowercase().as_str(),
        "they" | "we" | "i" | "you"
    ) {
        "have"
    } else {
        "has"
    }
}

/// The person as the note names them, for a question or ask: "Ms Farrow",
/// "the client", "her", or "them" when nobody is named.
fn named_object(cx: &Context<'_>) -> String {
    match cx.person.kind {
        Kind::Unnamed | Kind::Pronoun => them(cx),
        _ => cx.person.named(),
    }
}

fn named_subject(cx: &Context<'_>) -> String {
    match cx.person.kind {
        Kind::Unnamed | Kind::Pronoun => they(cx),
        _ => cx.person.named(),
    }
}

/// The third person of a base verb: "go" → "goes", "cry" → "cries".
fn third(base: &str) -> String {
    match base {
        "be" => "is".into(),
        "have" => "has".into(),
        "do" => "does".into(),
        "go" => "goes".into(),
        b if b.ends_with(['s', 'x', 'z', 'o']) || b.ends_with("sh") || b.ends_with("ch") => {
            format!("{b}es")
        }
        b if b.ends_with('y') && !b.ends_with("ay") && !b.ends_with("ey") && !b.ends_with("oy") => {
            format!("{}ies", &b[..b.len() - 1])
        }
        b => format!("{b}s"),
    }
}

// ---------------------------------------------------------------------------
// Blame questions.

/// A person-less rhetorical question ("How hard is it to pick up the
/// phone?"): the act it holds, in the base form ("pick up the phone").
fn personless_act(s: &str) -> Option<(String, bool)> {
    static HARD: OnceLock<Regex> = OnceLock::new();
    let hard = re(
        &HARD,
        r"^(?i:(?:honestly|seriously|really),?\s+)?(?i:how\s+(?:hard|difficult)\s+(?:is|can|could)\s+it(?:\s+(?:really|honestly|possibly))?(?:\s+be)?|is\s+it(?:\s+(?:really|honestly|seriously))?\s+(?:that|so)\s+(?:hard|difficult))\s+to\s+(?P<act>[^,;?]+?)\s*\??$",
    );
    if let Some(c) = hard.captures(s.trim()) {
        let mut act = c["act"].trim();
        for filler in ["just ", "even ", "simply ", "actually ", "at least "] {
            act = act.strip_prefix(filler).unwrap_or(act);
        }
        // A person inside ("let us know he's running late"): the note's
        // person is the one who did not.
        let lower = format!(" {} ", act.to_ascii_lowercase());
        let person = lower
            .split(|c: char| !c.is_ascii_alphabetic() && c != '\'')
            .any(|w| {
                let w = w.split('\'').next().unwrap_or("");
                matches!(
                    w,
                    "she" | "he" | "they" | "her" | "him" | "them" | "his" | "their"
                )
            });
        // "How hard is it to write your name": the writer's "your" is
        // anyone's, so the one who did not writes "their" name (set j).
        let act = rx!(r"\byourself\b").replace_all(act, "themselves");
        let act = rx!(r"\byour\b").replace_all(&act, "their");
        return Some((act.into_owned(), person));
    }
    None
}

/// "Who goes to the pub the night before a drug test?" → ("went to the
/// pub the night before a drug test").
/// Whether the person regard found is named inside the act of a "Who
/// …?" question, where they are not who acts: "Who puts Pepsi in a baby
/// bottle" ("Pepsi" is no person), "Who lets a 90 year old keep sweets in
/// her drawer" ("her" is the 90 year old's). Set p: both were said of the
/// wrong one and rated 1.
fn named_in_act(cx: &Context<'_>, act: &str) -> bool {
    let words: Vec<String> = act
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let has = |w: &str| words.iter().any(|x| x == w);
    match cx.person.kind {
        Kind::Name | Kind::Role => cx
            .person
            .name
            .split_whitespace()
            .any(|n| has(&n.to_lowercase())),
        _ => [
            "she", "her", "hers", "herself", "he", "him", "his", "himself",
        ]
        .iter()
        .any(|p| has(p)),
    }
}

fn who_did(s: &str) -> Option<String> {
    static WHO: OnceLock<Regex> = OnceLock::new();
    let who = re(
        &WHO,
        r"^(?i:who)\s+(?:(?i:on earth|in their right mind)\s+)?(?P<verb>[a-z]+)\b(?P<rest>[^?]*)\??$",
    );
    let c = who.captures(s.trim())?;
    let verb = c["verb"].to_ascii_lowercase();
    // "Who did she think she is": an auxiliary is no act.
    if matches!(
        verb.as_str(),
        "did"
            | "does"
            | "do"
            | "is"
            | "are"
            | "was"
            | "were"
            | "has"
            | "have"
            | "can"
            | "could"
            | "would"
            | "will"
            | "should"
            | "does she"
            | "the"
    ) {
        return None;
    }
    let base = inflect::base(&verb)?;
    // The writer's exclamation after the act is not part of it: "Who puts
    // Pepsi in a baby bottle, seriously?"
    let rest = rx!(r"(?i),?\s+(?:seriously|honestly|really|though|like|eh|ffs)\s*$")
        .replace(&c["rest"], "");
    Some(format!("{}{rest}", inflect::past(&base)))
}

/// "What's the point buying her nice things when she wrecks them?" → "She
/// has wrecked the nice things bought for her (say when)."
fn point_when(s: &str) -> Option<(String, String)> {
    static POINT: OnceLock<Regex> = OnceLock::new();
    let point = re(
        &POINT,
        r"^(?i:what(?:'s|’s| is) the point)\s+(?:(?i:of|in)\s+)?(?P<ing>[a-z]+ing)\s+(?P<obj>her|him|them)\s+(?P<thing>[^,?]+?),?\s+(?i:when|if)\s+(?P<p>she|he|they)\s+(?:(?i:just|only|always)\s+)?(?P<verb>[a-z]+)\s+(?P<it>them|it)\b(?P<rest>[^?]*)\??$",
    );
    let c = point.captures(s.trim())?;
    let ing_base = inflect::base(&c["ing"])?;
    let verb = inflect::base(&c["verb"])?;
    let p = c["p"].to_ascii_lowercase();
    let thing = c["thing"].trim();
    let statement = format!(
        "{} {} {} the {} {} for {}{} (say when).",
        p,
        has(&p),
        inflect::participle(&verb),
        thing,
        inflect::participle(&ing_base),
        &c["obj"],
        &c["rest"]
    );
    let wonder = format!(
        "What is going on for {} when {} {} the {}?",
        super::clause::as_object(&p),
        p,
        if p == "they" {
            verb.clone()
        } else {
            third(&verb)
        },
        thing
    );
    Some((statement, wonder))
}

fn blame(cx: &Context<'_>) -> Option<String> {
    let s = cx.sentence().trim();
    let (b, _) = body(s);
    if let Some((statement, _)) = point_when(s) {
        return Some(statement);
    }
    if let Some((act, _)) = personless_act(s) {
        let verb = act.split_whitespace().next()?.to_ascii_lowercase();
        let rest = act[verb.len()..].to_string();
        let pp = match verb.as_str() {
            "be" => "been".to_string(),
            v => inflect::participle(&inflect::base(v).unwrap_or_else(|| v.to_string())),
        };
        let who = unnamed_or(cx, "… (who)");
        return Some(format!("{who} {} not {pp}{rest} (say when).", has(&who)));
    }
    if let Some(did) = who_did(s) {
        let who = if named_in_act(cx, &did) {
            "… (who)".to_string()
        } else {
            unnamed_or(cx, "… (who)")
        };
        return Some(format!("{who} {did} (say when)."));
    }
    // "What part of "delegate" does he not understand?"
    static PART: OnceLock<Regex> = OnceLock::new();
    let part = re(
        &PART,
        r#"^(?i:what part of)\s+["“'‘]?(?P<x>[^"”'’?]+?)["”'’]?\s+(?i:does|do|did|is|are)\s+(?P<who>.+?)\s+(?:(?i:not|n't)\s+)?(?i:understand|get)\b"#,
    );
    if let Some(c) = part.captures(b) {
        let who = who_in(&c["who"], cx);
        let x = c["x"].trim();
        let asked = if x.eq_ignore_ascii_case("no") {
            format!("{} was told no", super::clause::as_subject(&who))
        } else {
            format!("{} was asked to {x}", super::clause::as_subject(&who))
        };
        let said = if is_pronoun(&who) {
            super::clause::as_subject(&who)
        } else {
            who.clone()
        };
        return Some(format!(
            "What happened when {asked}? (say when, and what {said} said)"
        ));
    }
    // A statement from clause.rs, with a fuss word said plainly: "make such
    // a palaver about his stockings" → "been upset about his stockings".
    if let Some(restated) = super::clause::hole("restated", cx, "", None) {
        // A curious question (the verdict beside the act) stays as asked.
        if restated.ends_with('?') {
            return Some(restated);
        }
        return Some(habit(&plain_fuss(&restated), s));
    }
    // Verbs of mind: "Why can't she see that …", "Does he not realise …",
    // "When is she going to figure out that …", "How can he possibly think
    // that …": what the writer believes is not a fact to state.
    static MIND: OnceLock<Regex> = OnceLock::new();
    let mind = re(
        &MIND,
        r"^(?:(?i:honestly|seriously|really),?\s+)?(?i:why\s+(?:can't|cannot|can not|won't|doesn't|does not|don't|do not)|when\s+(?:is|are)|how\s+(?:can|could|does|do)|(?:does|do|can|will|is|are)(?:n't)?|can't|cannot|won't)\s+(?P<who>she|he|they|[A-Z][\w']*(?:\s+[A-Z][\w']*)?|(?i:the|this|that)\s+[a-z]+)\s+(?:(?i:not|even|just|honestly|really|seriously|possibly|ever|going to|gonna)\s+)*(?P<verb>(?i:see|realise|realize|understand|grasp|accept|recognise|recognize|know|figure out|work out|learn that|think|believe|get it))\s+(?:(?i:that)\s+)?(?P<x>.+?)[?!.]*$",
    );
    if let Some(c) = mind.captures(s) {
        let who = who_in(&c["who"], cx);
        let x = c["x"].trim();
        let said = if is_pronoun(&who) {
            super::clause::as_subject(&who)
        } else {
            who.clone()
        };
        let thinks = matches!(c["verb"].to_ascii_lowercase().as_str(), "think" | "believe");
        let first = x
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        // "Does she think the office is a creche?": a sarcastic picture,
        // not a view to ask about; only an act ("that turning up drunk …").
        if thinks && !(first.ends_with("ing") && first.len() > 5) {
            return None;
        }
        return Some(match about_what(x, &who) {
            Some(about) => format!("What {} {said} said about {about}?", has(&said)),
            None => format!(
                "What have you seen {} do, and what {} {said} said about it? (say when)",
                super::clause::as_object(&said),
                has(&said)
            ),
        });
    }
    // "Is it honestly that hard for her to delegate one project?", "Is it
    // really too much to ask that she show up on time once?"
    static HARD_FOR: OnceLock<Regex> = OnceLock::new();
    let hard_for = re(
        &HARD_FOR,
        r"^(?:(?i:why)\s+)?(?i:is it|it is|it's)\s+(?:(?i:really|honestly|seriously|actually)\s+)?(?:(?i:(?:that|so)\s+(?:hard|difficult)\s+for|too much(?:\s+to ask)?\s+(?:for|of))\s+(?P<who>.+?)\s+(?i:to)|(?i:too much(?:\s+to ask)?\s+that)\s+(?P<who2>she|he|they|[A-Z][\w']*))\s+(?:(?i:just|even|actually|simply)\s+)?(?P<verb>[a-z]+)\b(?P<rest>[^?]*)",
    );
    if let Some(c) = hard_for.captures(b) {
        let raw = c.name("who").or_else(|| c.name("who2"))?.as_str().trim();
        let who = if raw.to_ascii_lowercase().starts_with("a ") {
            they(cx)
        } else {
            super::clause::as_subject(&who_in(raw, cx))
        };
        let verb = inflect::base(&c["verb"])?;
        let rest = cut_verdict_clauses(&c["rest"]);
        static ONCE: OnceLock<Regex> = OnceLock::new();
        let once = re(
            &ONCE,
            r"(?i)\s+(?:just\s+)?(?:once|for once|for a change)\s*$",
        );
        let rest = once.replace(&rest, "").into_owned();
        return Some(format!(
            "{who} {} not {}{rest} (say when).",
            has(&who),
            inflect::participle(&verb)
        ));
    }
    // "What is the point of him coming if he turns up stoned every time?" →
    // "He has turned up stoned (say when, and how often)."
    static POINT_IF: OnceLock<Regex> = OnceLock::new();
    let point_if = re(
        &POINT_IF,
        r"^(?i:what(?:'s|’s| is) the point)\s+(?:(?i:of|in)\s+)?(?P<what>[^?]*?)\s+(?i:if|when)\s+(?P<p>she|he|they|[A-Z][a-z]+)\s+(?P<clause>[^?]+)",
    );
    if let Some(c) = point_if.captures(b) {
        let p = c["p"].to_string();
        let thing = c["what"]
            .split_whitespace()
            .skip_while(|w| !matches!(w.to_ascii_lowercase().as_str(), "a" | "an" | "the"))
            .take_while(|w| !matches!(w.to_ascii_lowercase().as_str(), "with" | "for" | "to"))
            .collect::<Vec<_>>()
            .join(" ");
        if let Some(out) = perfect_clause(&p, &c["clause"], &thing) {
            return Some(out);
        }
    }
    // "Can she not just get on with her work like everyone else?"
    static CAN_NOT: OnceLock<Regex> = OnceLock::new();
    let can_not = re(
        &CAN_NOT,
        r"^(?i:(?:can|could|will|would)\s+(?P<w1>she|he|they)\s+not|(?:why\s+)?(?:can't|cant|won't|wont|couldn't|wouldn't)\s+(?P<w2>she|he|they))\s+(?i:just|even|simply|at least)\s+(?P<verb>[a-z]+)\b(?P<rest>[^?]*)",
    );
    if let Some(c) = can_not.captures(b) {
        let who = c
            .name("w1")
            .or_else(|| c.name("w2"))?
            .as_str()
            .to_ascii_lowercase();
        let verb = inflect::base(&c["verb"])?;
        let rest = cut_verdict_clauses(&c["rest"]);
        return Some(format!(
            "{who} {} not {}{rest} (say when).",
            has(&who),
            inflect::participle(&verb)
        ));
    }
    // "How long is she going to keep dodging the fee conversation?"
    static HOW_LONG: OnceLock<Regex> = OnceLock::new();
    let how_long = re(
        &HOW_LONG,
        r"^(?i:how long\s+(?:is|are|will|does|do|can))\s+(?P<who>she|he|they|[A-Z][\w ]*?)\s+(?:(?i:going to|gonna)\s+)?(?i:keep|carry on|go on|continue)\s+(?:(?i:on)\s+)?(?P<ing>[a-z]+ing)\b(?P<rest>[^?]*)",
    );
    if let Some(c) = how_long.captures(b) {
        let who = c["who"].to_string();
        let ing = c["ing"].to_ascii_lowercase();
        let rest = c["rest"].trim_end().to_string();
        let verb = match ing.as_str() {
            "dodging" | "avoiding" | "ducking" | "swerving" | "putting off" => {
                "put off".to_string()
            }
            _ => inflect::participle(&inflect::base(&ing)?),
        };
        return Some(format!(
            "{who} {} {verb}{rest} (say when, and how often).",
            has(&who)
        ));
    }
    // "How many more final warnings does he need before it sinks in?"
    static HOW_MANY: OnceLock<Regex> = OnceLock::new();
    let how_many = re(
        &HOW_MANY,
        r"^(?i:how many more)\s+(?P<what>[a-z][a-z -]*?)\s+(?i:does|do|will|is|are)\s+(?P<who>she|he|they|[A-Z][\w ]*?)\s+(?i:need|needs|want|get|have|going to need|going to get)\b",
    );
    if let Some(c) = how_many.captures(b) {
        let who = c["who"].to_string();
        let what = c["what"].trim();
        if !what.eq_ignore_ascii_case("times") {
            return Some(format!(
                "{who} {} had {what} (say how many, and when).",
                has(&who)
            ));
        }
    }
    None
}

/// A statement of a habit held against the person: "has had to ring the
/// bell" → "has rung the bell", and, where the question said "always" or
/// "keep", the writer is asked how often.
fn habit(statement: &str, question: &str) -> String {
    let out = rx!(r"\b(?P<h>has|have) had to (?P<v>[a-z]+)\b")
        .replace_all(statement, |c: &Captures| {
            let base = inflect::base(&c["v"]).unwrap_or_else(|| c["v"].to_string());
            format!("{} {}", &c["h"], inflect::participle(&base))
        })
        .into_owned();
    let often = rx!(r"(?i)\b(?:always|constantly|every time|all the time)\b").is_match(question);
    if often && !out.contains("(say") {
        format!(
            "{} (say when, and how often).",
            out.trim_end_matches(['.', ' '])
        )
    } else {
        out
    }
}

/// "make such a palaver about X" → "been upset about X (say what … said)".
fn plain_fuss(statement: &str) -> String {
    static FUSS: OnceLock<Regex> = OnceLock::new();
    let fuss = re(
        &FUSS,
        r"(?i)\b(?P<has>has|have)\s+made\s+(?:such\s+)?(?:a\s+)?(?:huge\s+|big\s+|massive\s+)?(?:palaver|fuss|song and dance|drama|meal|scene|performance|big deal)\s+(?:about|over|of)\b",
    );
    if fuss.is_match(statement) {
        let out = fuss
            .replace(statement, "$has been upset about")
            .into_owned();
        return format!(
            "{} (say what you saw and heard).",
            out.trim_end_matches(['.', ' '])
        );
    }
    statement.to_string()
}

/// Clauses that hold the verdict, not a fact: "like everyone else".
fn cut_verdict_clauses(rest: &str) -> String {
    static LIKE: OnceLock<Regex> = OnceLock::new();
    let like = re(
        &LIKE,
        r"(?i),?\s+(?:just\s+)?like (?:everyone|everybody|anyone|the rest of us|other people|normal people)(?: else)?\b.*$|,?\s+for once\b|,?\s+for a change\b",
    );
    like.replace_all(rest, "").trim_end().to_string()
}

/// A clause about the person in the perfect, with an absolute said as
/// occasions: ("he", "turns up stoned every time") → "He has turned up
/// stoned (say when, and how often)."; ("he", "won't even look at it", "a
/// safety plan") → "He has not looked at the safety plan (say when)."
fn perfect_clause(p: &str, clause: &str, thing: &str) -> Option<String> {
    static CLAUSE: OnceLock<Regex> = OnceLock::new();
    let c = re(
        &CLAUSE,
        r"^(?:(?P<not>won't|wont|will not|doesn't|does not|don't|do not|can't|cannot|never|didn't|did not)\s+)?(?:(?i:even|just|always|ever|actually|bother to|simply)\s+)*(?P<verb>[a-z]+)(?P<rest>.*)$",
    )
    .captures(clause.trim())?;
    let verb = c["verb"].to_ascii_lowercase();
    if matches!(
        verb.as_str(),
        "is" | "are" | "was" | "were" | "has" | "have" | "had" | "'s"
    ) {
        return None;
    }
    let base = inflect::base(&verb)?;
    let pp = match base.as_str() {
        "show" => "shown up".to_string(),
        b => inflect::participle(b),
    };
    static OFTEN: OnceLock<Regex> = OnceLock::new();
    let often = re(
        &OFTEN,
        r"(?i)\s+(?:every (?:single )?(?:time|session|week|day)|all the time|without fail|again)\b",
    );
    let rest = c["rest"].trim_end().to_string();
    let mut ask = "say when";
    let rest = if often.is_match(&rest) || clause.contains("always") || clause.contains("never") {
        ask = "say when, and how often";
        often.replace_all(&rest, "").into_owned()
    } else {
        rest
    };
    let rest = if thing.is_empty() {
        rest
    } else {
        static IT: OnceLock<Regex> = OnceLock::new();
        let it = re(&IT, r"\b(?:it|them)$");
        let the = thing
            .split_once(' ')
            .map_or(thing.to_string(), |(_, n)| format!("the {n}"));
        it.replace(&rest, the.as_str()).into_owned()
    };
    let who = inflect::capitalise(&who_word(p));
    let not = if c.name("not").is_some() { " not" } else { "" };
    Some(format!("{who} {}{not} {pp}{rest} ({ask}).", has(p)))
}

/// A pronoun stays lower case inside a sentence; a name stays as written.
fn who_word(p: &str) -> String {
    if is_pronoun(p) {
        p.to_ascii_lowercase()
    } else {
        p.to_string()
    }
}

fn is_pronoun(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "she" | "he" | "they" | "her" | "him" | "them"
    )
}

/// The person a question names, as written inside a sentence.
fn who_in(who: &str, cx: &Context<'_>) -> String {
    let w = strip_opener(who.trim());
    if is_pronoun(w) {
        return w.to_ascii_lowercase();
    }
    // "At thirty-two she", "After all that he": a setting before the
    // pronoun is not the person ("What has At thirty-two she said", set w,
    // rated 1).
    if let Some(c) = rx!(r"^(?i:at|in|by|after|before|since|for|with|on|from|despite)\s+[^,]{1,30}?,?\s+(?P<p>she|he|they)$").captures(w) {
        return c["p"].to_string();
    }
    if w.is_empty() {
        return named_subject(cx);
    }
    // "Client", "Daughter": the role as the note's person is named ("the
    // client").
    if cx.person.kind == Kind::Role && w.eq_ignore_ascii_case(&cx.person.name) {
        return cx.person.named();
    }
    let first = w.split(' ').next().unwrap_or("").to_ascii_lowercase();
    if matches!(first.as_str(), "the" | "this" | "that" | "our" | "my") {
        inflect::decapitalise(w)
    } else {
        w.to_string()
    }
}

/// What a verb-of-mind question is about, without the verdict: the thing
/// after the last preposition when the clause is about the person ("she
/// is the common denominator in all these failed relationships" → "all
/// these failed relationships"), a "how"/"what" clause as written ("how
/// this looks to the court"), else the clause as "X being Y" ("other
/// people are ill too" → "other people being ill too").
fn about_what(x: &str, who: &str) -> Option<String> {
    let x = x.trim().trim_end_matches(['?', '!', '.']);
    let lower = x.to_ascii_lowercase();
    let first = lower.split_whitespace().next()?;
    if matches!(first, "how" | "what" | "why" | "where" | "when" | "who") {
        return Some(x.to_string());
    }
    let p = super::clause::as_subject(who).to_ascii_lowercase();
    let first = first.split(['\'', '’']).next().unwrap_or(first);
    // "turning up drunk to supervision is going to go unnoticed": the act.
    if first.ends_with("ing") && first.len() > 5 {
        static ACT: OnceLock<Regex> = OnceLock::new();
        let act = re(
            &ACT,
            r"^(?P<act>.+?)\s+(?:is|are|was|were|has|have|will|would|can|could)\b",
        );
        if let Some(c) = act.captures(x) {
            return Some(c["act"].to_string());
        }
    }
    let about_them = first == p || first == "she" || first == "he" || first == "they";
    if about_them {
        static PREP: OnceLock<Regex> = OnceLock::new();
        let prep = re(
            &PREP,
            r"(?i)\b(?:in|about|with|for|to|on|at|from|over)\s+(?P<np>(?:all\s+)?(?:the|these|those|this|that|her|his|their|my|our)\s+[^,;]+)$",
        );
        static AGAIN: OnceLock<Regex> = OnceLock::new();
        let again = re(
            &AGAIN,
            r"(?i)\s+(?:yet again|again|every time|as usual|once more)$",
        );
        let x = again.replace(x, "").into_owned();
        let c = prep.captures(&x)?;
        return Some(c["np"].to_string());
    }
    static BE: OnceLock<Regex> = OnceLock::new();
    let be = re(
        &BE,
        r"^(?P<np>[A-Za-z][\w' -]*?)\s+(?P<v>is not|isn't|are not|aren't|is|are|was|were|has|have|'s|’s)\s+(?P<rest>.+)$",
    );
    if let Some(c) = be.captures(x) {
        let v = match &c["v"] {
            "is not" | "isn't" | "are not" | "aren't" => "not being",
            "has" | "have" => "having",
            _ => "being",
        };
        return Some(format!("{} {v} {}", &c["np"], &c["rest"]));
    }
    None
}

fn blame_wonder(cx: &Context<'_>) -> Option<String> {
    let s = cx.sentence().trim();
    if let Some((_, wonder)) = point_when(s) {
        return Some(wonder);
    }
    let for_them = match unnamed_or(cx, "") {
        w if w.is_empty() => "them".to_string(),
        w if is_pronoun(&w) => super::clause::as_object(&w),
        _ => named_object(cx),
    };
    if let Some((act, _)) = personless_act(s) {
        return Some(format!("What makes it hard for {for_them} to {act}?"));
    }
    // From the statement made above: "She has not got on with her work
    // (say when)." → "What makes it hard for her to get on with her work?"
    if let Some(statement) = blame(cx) {
        static NOT: OnceLock<Regex> = OnceLock::new();
        let not = re(
            &NOT,
            r"^(?P<who>.+?)\s+(?:has|have)\s+not\s+(?P<pp>[a-z]+)(?P<rest>[^(.]*)\s*\(say when\)\.$",
        );
        if let Some(c) = not.captures(&statement) {
            let who = c["who"].to_string();
            if who != "… (who)" {
                let base = inflect::base(&c["pp"])?;
                let them = if is_pronoun(&who) || who.to_ascii_lowercase().starts_with("a ") {
                    super::clause::as_object(&super::clause::as_subject(&who.to_ascii_lowercase()))
                } else {
                    who_in(&who, cx)
                };
                return Some(format!(
                    "What makes it hard for {them} to {base}{}?",
                    c["rest"].trim_end()
                ));
            }
        }
        static UPSET: OnceLock<Regex> = OnceLock::new();
        let upset = re(
            &UPSET,
            r"^(?P<who>.+?)\s+(?:has|have)\s+been upset about\s+(?P<x>.+?)(?:\s+every\s+\w+)?\s*\(",
        );
        if let Some(c) = upset.captures(&statement) {
            let who = c["who"].to_string();
            let them = if is_pronoun(&who) {
                super::clause::as_object(&who.to_ascii_lowercase())
            } else {
                who
            };
            return Some(format!("What makes {} hard for {them}?", &c["x"]));
        }
    }
    if let Some(did) = who_did(s) {
        let did = did.trim_end_matches(['.', ' ']);
        if named_in_act(cx, did) {
            return Some(format!("What was going on for them when they {did}?"));
        }
        return Some(format!(
            "What was going on for {for_them} when {} {did}?",
            match cx.person.kind {
                Kind::Unnamed => "they".to_string(),
                _ => they(cx),
            }
        ));
    }
    None
}

/// A blame question no statement can say, as the curious question from
/// the person's side, built from the question's own act (round 10, set
/// j: the whole question quoted into a "read as" template rated 2): "How
/// many times does she need telt before she gets the weans to school on
/// time?" → "What makes getting the weans to school on time hard for
/// her?"; "What did she expect to happen when she let her boyfriend move
/// in without telling anyone?" → "What was going on for her when she let
/// her boyfriend move in without telling anyone?". Adds no fact: the act
/// is the question's own words, the person its own (or "them").
pub(crate) fn blame_curious(cx: &Context<'_>) -> Option<String> {
    let (whole, _) = body(cx.sentence().trim());
    let asked = blame_curious_in(whole, cx)?;
    // The facts before the question stay, as its setting.
    match whole.rsplit_once(';') {
        Some((setting, _)) if setting.chars().any(char::is_alphanumeric) => Some(format!(
            "{}: {}",
            setting.trim(),
            inflect::decapitalise(&asked)
        )),
        _ => Some(asked),
    }
}

/// A rhetorical blame question asked as what makes the act hard for the
/// person (round 18: set w's "What is so hard about showing up on time,
/// seriously?", "How hard is it to pick up a phone …?", "How can a
/// caregiver not know …?" were quoted back whole, each rated 2):
///
/// - "What (exactly) is so hard/complicated about X" → "What makes X hard
///   for them?";
/// - "How hard is it to X" → "What makes it hard for them to X?";
/// - "How can/does someone (still) not X" → "What makes it hard for them
///   to X?"; "How can someone keep X-ing" → "What keeps them X-ing?".
///
/// The act is the question's own words, up to a comma ("…, seriously");
/// the person the question's pronoun, "the caregiver" for "a caregiver",
/// or the note's person ("someone", "a grown man" are the writer's).
/// `None` for any other question.
pub(crate) fn blame_rhetorical(cx: &Context<'_>) -> Option<String> {
    let (whole, _) = body(cx.sentence().trim());
    let b = whole.rsplit(';').next().unwrap_or(whole).trim();
    let b = rx!(r"^[^,?]+:\s+").replace(b, "").into_owned();
    let b = b.trim_end_matches(['?', '!', '.', ' ']);
    // The act ends at a comma or a dash: what follows is the writer's.
    let act = |rest: &str| -> Option<String> {
        let cut = rest.find([',', ';', '—']).unwrap_or(rest.len());
        let r = rest[..cut].trim();
        let r = rx!(r"(?i)\b(?:just|even|actually|simply)\s+").replace_all(r, "");
        let r = r.trim().to_string();
        // "write your name": the writer's "you" is no person to ask about.
        let you = r.split(|c: char| !c.is_alphanumeric()).any(|w| {
            matches!(
                w.to_ascii_lowercase().as_str(),
                "you" | "your" | "yourself" | "i" | "me" | "my" | "we" | "us" | "our"
            )
        });
        (r.split_whitespace().count() >= 2 && !you).then_some(r)
    };
    let person = |w: &str| -> String {
        let lower = w.to_ascii_lowercase();
        if is_pronoun(&lower) {
            return super::clause::as_object(&lower);
        }
        // "a caregiver", "a grown man": the person the question names, as
        // "the caregiver", "the man" (never the note's other person: "the
        // child" in "where the child sleeps").
        if let Some(who) = lower
            .strip_prefix("a ")
            .or_else(|| lower.strip_prefix("an "))
        {
            if let Some(noun) = who.rsplit(' ').next().filter(|n| !n.is_empty()) {
                return format!("the {noun}");
            }
        }
        named_object(cx)
    };
    if let Some(c) = rx!(r"^(?i:what)\s+(?:(?i:exactly|on earth)\s+)?(?i:is)\s+(?:(?i:so|that)\s+)?(?i:hard|difficult|complicated|tricky)\s+(?i:about)\s+(?P<act>.+)$").captures(b) {
        let act = act(&c["act"])?;
        return Some(format!("What makes {act} hard for {}?", named_object(cx)));
    }
    if let Some(c) = rx!(r"^(?i:how)\s+(?i:hard|difficult)\s+(?:(?i:is|can)\s+)?(?i:it)\s+(?:(?i:be)\s+)?(?i:to)\s+(?P<act>.+)$").captures(b) {
        let act = act(&c["act"])?;
        return Some(format!("What makes it hard for {} to {act}?", named_object(cx)));
    }
    if let Some(c) = rx!(r"^(?i:how)\s+(?i:can|could|does|do)\s+(?P<who>(?i:someone|anyone|she|he|they)|(?i:a|an)\s+[a-z-]+(?:\s+[a-z-]+)?)\s+(?:(?i:still)\s+)?(?P<how>(?i:not|keep|keeps))\s+(?P<act>.+)$").captures(b) {
        let act = act(&c["act"])?;
        let who = person(&c["who"]);
        if c["how"].eq_ignore_ascii_case("not") {
            return Some(format!("What makes it hard for {who} to {act}?"));
        }
        let first = act.split_whitespace().next().unwrap_or("");
        if first.len() > 4 && first.ends_with("ing") {
            return Some(format!("What keeps {who} {act}?"));
        }
    }
    // "How can he keep the ashes in the wardrobe for three years and not
    // see that's a problem?" → "What does keeping the ashes in the
    // wardrobe for three years mean to him?": the act, from their side;
    // whether it is a problem is the writer's.
    if let Some(c) = rx!(r"^(?i:how)\s+(?i:can|could|does|do)\s+(?P<who>(?i:she|he|they)|[A-Z][a-z]+)\s+(?:(?i:still)\s+)?(?P<v>[a-z]+)\s+(?P<rest>.+?)\s+(?i:and)\s+(?:(?i:still)\s+)?(?i:not)\s+(?i:see|realise|realize|notice|think|understand|get)\b").captures(b) {
        let v = c["v"].to_ascii_lowercase();
        if matches!(v.as_str(), "be" | "have" | "do" | "get" | "go" | "not") {
            return None;
        }
        let base = inflect::base(&v).unwrap_or(v);
        let act = act(&format!("{} {}", inflect::present_participle(&base), &c["rest"]))?;
        let who = c["who"].to_string();
        let who = if is_pronoun(&who) {
            super::clause::as_object(&who.to_ascii_lowercase())
        } else {
            who_in(&who, cx)
        };
        return Some(format!("What does {act} mean to {who}?"));
    }
    None
}

fn blame_curious_in(b: &str, cx: &Context<'_>) -> Option<String> {
    // A setting before the question ("Session 9 of 12 …; why does he …")
    // and an exclamation before it ("Lord, ", "Seriously, ") are not asked.
    let b = b.rsplit(';').next().unwrap_or(b).trim();
    // So is a grievance before it ("After all the help we gave, why on
    // earth did she …", set u: the grievance alone offered, rated 1).
    let b = match rx!(r"^[^,?]+,\s+(?P<q>(?i:why|how|what)\b.*)$").captures(b) {
        Some(c) => c.name("q").map_or(b, |q| &b[q.start()..]),
        None => b,
    };
    let b =
        rx!(r"^(?i:lord|god|seriously|honestly|really|come on|oh|ok|okay|and|so|but|again)\s*,\s*")
            .replace(b, "")
            .into_owned();
    let b = b.trim_end_matches(['?', '!', '.', ' ']);
    // The person the question is about: its subject after the auxiliary.
    let who = rx!(r"\b(?i:does|do|did|is|are|was|were|has|have|can|can't|will|won't|would|should)\s+(?P<who>she|he|they|(?:this|that|the)\s+(?:man|woman|lad|boy|girl|lassie|family|client|patient|resident|mum|dad|couple|pair)|[A-Z][a-z]+)\b")
        .captures(b)
        .map(|c| c["who"].to_string())
        .filter(|w| !matches!(w.to_ascii_lowercase().as_str(), "we" | "i" | "you"));
    let object = |w: &Option<String>| match w {
        Some(w) if is_pronoun(w) => super::clause::as_object(&w.to_ascii_lowercase()),
        Some(w) => who_in(w, cx),
        None => named_object(cx),
    };
    let subject = |w: &Option<String>| match w {
        Some(w) if is_pronoun(w) => w.to_ascii_lowercase(),
        Some(w) => who_in(w, cx),
        None => named_subject(cx),
    };
    // What the act is without the writer's comparison, reason or aside.
    let trim = |rest: &str| -> String {
        let r = rx!(r"(?i)\s+(?:like (?:everybody|everyone|anyone|the rest)\b.*|for once\b.*|because\b.*|if\b.*|instead of\b.*|,.*|and then\b.*)$")
            .replace(rest, "");
        let r = rx!(r"(?i)\b(?:just|even|actually|single)\s+").replace_all(&r, "");
        r.trim().to_string()
    };
    let content = |rest: &str| {
        rest.split_whitespace().any(|w| {
            !matches!(
                w.to_ascii_lowercase().as_str(),
                "it" | "something"
                    | "anything"
                    | "this"
                    | "that"
                    | "any"
                    | "of"
                    | "seriously"
                    | "in"
                    | "on"
                    | "up"
            )
        })
    };
    let doing = |v: &str, rest: &str| -> Option<String> {
        let v = v.to_ascii_lowercase();
        // An inverted question's subject is not its act: "can't they see".
        if is_pronoun(&v) || matches!(v.as_str(), "i" | "we" | "you" | "it" | "the" | "this") {
            return None;
        }
        // Never the act asked about ("is", "see", "think"); light verbs
        // ("has", "get", "go") only with something after them.
        if matches!(
            v.as_str(),
            "be" | "is"
                | "are"
                | "was"
                | "learn"
                | "realise"
                | "realize"
                | "understand"
                | "see"
                | "accept"
                | "think"
                | "expect"
        ) || (matches!(
            v.as_str(),
            "have" | "has" | "need" | "needs" | "get" | "gets" | "go"
        ) && !content(rest))
        {
            return None;
        }
        let rest = trim(rest);
        if !content(&rest) && !rest.is_empty() {
            return None;
        }
        let base = inflect::base(&v).unwrap_or(v);
        // "starts taking this seriously": the act is the one started.
        if matches!(base.as_str(), "start" | "begin")
            && rest
                .split_whitespace()
                .next()
                .is_some_and(|w| w.len() > 4 && w.ends_with("ing"))
        {
            return Some(rest);
        }
        Some(
            format!("{} {rest}", inflect::present_participle(&base))
                .trim()
                .to_string(),
        )
    };
    let makes_hard =
        |act: String, w: &Option<String>| format!("What makes {act} hard for {}?", object(w));
    // "when she let her boyfriend move in without telling anyone"
    if let Some(c) = rx!(r"\bwhen\s+(?P<s>she|he|they)\s+(?P<rest>(?:let|put|took|left|went|came|got|brought|made|gave|kept|ran|sent|told|said|[a-z]+ed)\b.*)$").captures(b) {
        let s = Some(c["s"].to_string());
        return Some(format!("What was going on for {} when {} {}?", object(&s), &c["s"], c["rest"].trim()));
    }
    // "What did she think would happen letting a 13-year-old out at all
    // hours?", "What exactly did he think would happen mixing Xanax with
    // vodka?": the act, asked about from their side (set p: the whole
    // question quoted back was rated 2).
    if let Some(c) = rx!(r"(?i)\b(?:did|does|do)\s+(?P<s>she|he|they)\s+(?:(?:really|honestly|actually)\s+)?(?:think|expect)\s+(?:would|will|was going to|is going to)\s+happen,?\s+(?:(?:by|when|after)\s+)?(?P<ing>[a-z]+ing)\b(?P<rest>.*)$").captures(b) {
        let s = Some(c["s"].to_ascii_lowercase());
        let base = inflect::base(&c["ing"])?;
        let rest = trim(&c["rest"]);
        return Some(format!(
            "What was going on for {} when {} {} {rest}?",
            object(&s),
            c["s"].to_ascii_lowercase(),
            inflect::past(&base)
        ).replace(" ?", "?"));
    }
    // "Why on earth would he think a weekend in Cornwall fixes an
    // affair?": what they hope the thing will do, in their words.
    if let Some(c) = rx!(r"(?i)^(?:why|how)\s+(?:on earth\s+|exactly\s+)?(?:would|did|does|do|could)\s+(?P<s>she|he|they)\s+(?:(?:really|honestly|ever)\s+)?(?:think|believe|imagine)\s+(?:that\s+)?(?P<x>[a-z][a-z0-9' -]*?)\s+(?:would|will|could)?\s*(?:fix|fixes|solve|solves|sort|sorts|mend|mends|save|saves|change|changes|cure|cures)\b").captures(b) {
        let s = c["s"].to_ascii_lowercase();
        return Some(format!(
            "What has {s} said {s} hopes {} will change?",
            c["x"].trim()
        ));
    }
    // "Why would you bring a toddler into a quiet session and expect it
    // to work?": "you" is whoever did it.
    if let Some(c) = rx!(r"(?i)^(?:why|how come)\s+(?:on earth\s+)?(?:would|did)\s+(?P<s>you|she|he|they)\s+(?:(?:even|ever)\s+)?(?P<v>[a-z]+)\b(?P<rest>.*?)(?:\s+and\s+(?:then\s+)?(?:expect|think|hope)\b.*)?$").captures(b) {
        let s = match c["s"].to_ascii_lowercase().as_str() {
            "you" => None,
            other => Some(other.to_string()),
        };
        let subject = s.clone().unwrap_or_else(|| "they".to_string());
        let base = c["v"].to_ascii_lowercase();
        // Any act but a verb of mind or a light one ("think", "want",
        // "be"): "Why would you film a fight and then act surprised …".
        let light = matches!(
            base.as_str(),
            "think" | "expect" | "want" | "need" | "be" | "have" | "do" | "not" | "never" | "ever"
                | "even" | "just" | "say" | "believe" | "imagine" | "feel" | "know"
        );
        let base = if light { String::new() } else { inflect::base(&base).unwrap_or_default() };
        let rest = trim(&c["rest"]);
        if !base.is_empty() && content(&rest) {
            return Some(format!(
                "What was going on for {} when {subject} {} {rest}?",
                if s.is_some() { object(&s) } else { "them".to_string() },
                inflect::past(&base)
            ));
        }
    }
    // "what was she thinking, bringing the baby out in that weather"
    if let Some(c) = rx!(r"\b(?:was|were|is|are)\s+(?P<s>she|he|they)\s+(?:thinking|playing at|doing)\b,?\s+(?P<ing>[a-z]+ing)\b(?P<rest>.*)$").captures(b) {
        let s = Some(c["s"].to_string());
        let was = if &c["s"] == "they" { "were" } else { "was" };
        let rest = trim(&c["rest"]);
        return Some(format!("What was going on for {} when {} {was} {} {rest}?", object(&s), &c["s"], &c["ing"]));
    }
    // "has she been telt aboot leaving the wean wi' her pal"
    if let Some(c) = rx!(r"(?i)\b(?:told|telt|tellt|telling|warned|reminded)\s+(?:about|aboot)\s+(?P<ing>[a-z]+ing)\b(?P<rest>.*)$").captures(b) {
        let s = subject(&who);
        let has = if s == "they" { "have" } else { "has" };
        return Some(format!("What {has} {s} said about {} {}?", &c["ing"], trim(&c["rest"])));
    }
    // "Who pulls out their own cannula three times in one night"
    if let Some(c) = rx!(r"^(?i:who)\s+(?P<v>[a-z]+s)\b(?P<rest>.*)$")
        .captures(b)
        .filter(|c| !matches!(&c["v"], "does" | "is" | "was" | "has"))
    {
        let base = inflect::base(&c["v"])?;
        let rest = trim(&c["rest"]);
        if content(&rest) {
            return Some(format!(
                "What was going on for them when they {} {rest}?",
                inflect::past(&base)
            ));
        }
    }
    // "if not to do the work"
    if let Some(c) = rx!(r"(?i)\bif not to\s+(?P<v>[a-z]+)\b(?P<rest>.*)$").captures(b) {
        if let Some(act) = doing(&c["v"], &c["rest"]) {
            return Some(makes_hard(act, &who));
        }
    }
    // "have to be told to bring his ID"
    if let Some(c) =
        rx!(r"(?i)\b(?:told|telt|telling|reminded|asked)\s+to\s+(?P<v>[a-z]+)\b(?P<rest>.*)$")
            .captures(b)
    {
        if let Some(act) = doing(&c["v"], &c["rest"]) {
            return Some(makes_hard(act, &who));
        }
    }
    // "before she gets the weans to school on time"; not a past event
    // ("before he lost the job" is not what they find hard).
    if let Some(c) = rx!(r"(?i)\b(?:before|until|till)\s+(?:she|he|they|(?:this|that|the)\s+[a-z]+|[A-Z][a-z]+)\s+(?:(?:actually|finally|even)\s+)?(?P<v>[a-z]+)\b(?P<rest>.*)$").captures(b) {
        let v = c["v"].to_ascii_lowercase();
        let present = v.ends_with('s') || inflect::base(&v).is_none_or(|b| b == v);
        if let Some(act) = doing(&c["v"], &c["rest"]).filter(|_| present) {
            return Some(makes_hard(act, &who));
        }
    }
    // "who won't even try the perching stool", "never just turn up at the
    // time he has been given"
    if let Some(c) = rx!(r"(?i)(?:^|\b(?P<subj>[a-z']+)\s+(?:(?:still|just|really|simply)\s+)?)(?:won't|wont|will not|isn't going to|is not going to|aren't going to|doesn't|does not|don't|do not|can't|cannot|never)\s+(?:(?:even|just|actually|ever|bother to)\s+)*(?P<v>[a-z]+)\b(?P<rest>.*)$").captures(b) {
        // The refusal must be the person's, not someone else's in the same
        // question: "the children don't want to see her", "the rules don't
        // apply to him", "(I) honestly don't know why".
        let theirs = c.name("subj").is_none_or(|m| {
            let w = m.as_str();
            let lower = w.to_ascii_lowercase();
            matches!(lower.as_str(), "she" | "he" | "they" | "who" | "mum" | "mom" | "dad" | "client" | "patient" | "resident" | "pt" | "lad" | "boy" | "girl" | "man" | "woman" | "kid" | "child" | "son" | "daughter")
                || who.as_deref().is_some_and(|who| who.eq_ignore_ascii_case(w))
                || (w.chars().next().is_some_and(char::is_uppercase)
                    && !matches!(lower.as_str(), "why" | "how" | "what" | "i" | "honestly" | "seriously"))
        });
        if !theirs {
            return None;
        }
        if let Some(act) = doing(&c["v"], &c["rest"]) {
            return Some(makes_hard(act, &who));
        }
    }
    // Last: a "why" question about a person, asked as what they have said
    // about the thing it names: "Why did they not think about the rent
    // before he lost the job?" → "What have they said about the rent?"
    // (set p: the whole question quoted back into "read as", rated 2). A
    // sarcastic "if … such a problem," before it is no part of it.
    let b = rx!(r"(?i)^if\s+[^,]+,\s*").replace(b, "");
    if let Some(c) = rx!(r"(?i)^(?:why|how come)\s+(?:on earth\s+|exactly\s+)?(?:do|does|did|would|will|won't|can't|cannot|didn't|doesn't|don't|has|have|hasn't|haven't|is|isn't|was|wasn't)\s+(?P<s>she|he|they|you|[A-Z][a-z]+)\b(?P<rest>.*)$").captures(&b) {
        // What they thought "about", up to the clause after it; else the
        // first thing the question names, with the word after its head
        // where that is more of its name ("a ground-floor flat").
        let about = rx!(r"(?i)\babout\s+(?P<x>.+?)(?:\s+(?:before|after|when|because|if|until|since|instead)\b|,|$)")
            .captures(&c["rest"])
            .map(|m| m["x"].trim().to_string())
            .filter(|x| x.split_whitespace().count() >= 2);
        let thing = || {
            let m = rx!(r"(?i)\b(?P<np>(?:the|a|an|her|his|their)\s+[a-z0-9-]+(?:\s+(?:of|for|with|in)\s+(?:the\s+|a\s+|her\s+|his\s+|their\s+)?[a-z0-9-]+)?)(?:\s+(?P<next>[a-z0-9-]+))?")
                .captures(&c["rest"])?;
            let np = m["np"].to_string();
            let next = m.name("next").map(|n| n.as_str().to_ascii_lowercase());
            Some(match next {
                Some(n)
                    if np.split_whitespace().count() == 2
                        && !super::NO_FACT.contains(&n.as_str())
                        && !matches!(
                            n.as_str(),
                            "before" | "after" | "when" | "and" | "or" | "but" | "if" | "to" | "for" | "with"
                                | "in" | "on" | "at" | "about" | "again" | "yet" | "so" | "because"
                                | "that" | "who" | "which" | "since" | "until" | "instead" | "into"
                                | "from" | "out" | "up" | "off" | "over" | "like" | "than" | "as"
                        )
                        && !n.ends_with("ing")
                        && !n.ends_with("ed") =>
                {
                    format!("{np} {n}")
                }
                _ => np,
            })
        };
        let np = about.or_else(thing)?;
        let s = match c["s"].to_ascii_lowercase().as_str() {
            "you" | "they" => "they".to_string(),
            "she" | "he" => c["s"].to_ascii_lowercase(),
            // "Why is it always Mrs Hollis …": "it" is nobody.
            "it" | "there" | "this" | "that" | "i" | "we" => return None,
            _ if c["s"].starts_with(char::is_lowercase) => return None,
            _ => who_in(&c["s"], cx),
        };
        return Some(format!("What {} {s} said about {np}?", has(&s)));
    }
    None
}

// ---------------------------------------------------------------------------
// Assumed intent.

fn intent(cx: &Context<'_>) -> Option<String> {
    let s = cx.sentence().trim();
    let (b, end) = body(s);
    let who = named_subject(cx);
    let they = they(cx);
    // "Pretends to be deaf when it suits him." → "Seems deaf at times (…)".
    static PRETEND: OnceLock<Regex> = OnceLock::new();
    let pretend = re(
        &PRETEND,
        r"^(?P<lead>.*?)\b(?i:pretends|pretended|pretending|is pretending)\s+to\s+be\s+(?P<x>[a-z]+(?:\s+asleep)?)(?P<rest>.*)$",
    );
    if let Some(c) = pretend.captures(b) {
        let lead = c["lead"].trim();
        let verb = if c[0].to_ascii_lowercase().contains("pretended") {
            "seemed"
        } else if lead.is_empty() {
            "Seems"
        } else {
            "seems"
        };
        let rest = drop_motive(&c["rest"]);
        let when = if rest.trim().is_empty() {
            " at times (say when, and what you saw)".to_string()
        } else {
            format!("{rest} (say what you saw)")
        };
        let lead = lead.trim_end_matches(" is").trim_end_matches(" 's");
        return Some(format!("{lead} {verb} {}{when}{end}", &c["x"]));
    }
    // "Pt is feigning sedation to get out of the group." → "Pt showed signs
    // of sedation (say what you saw, and what happened about the group)."
    static FAKE: OnceLock<Regex> = OnceLock::new();
    let fake = re(
        &FAKE,
        r"^(?P<lead>.*?)\s*\b(?:(?i:is|was|'s)\s+)?(?i:feigning|faking|feigns|fakes|feigned|faked)\s+(?P<x>(?:(?:the|her|his|their)\s+)?(?:[a-z-]+\s+)?(?:sedation|symptoms|pains?|illness|seizures?|fits?|tears|distress|[a-z]+ attacks?|a headache|headaches|sickness|tiredness|drowsiness|confusion|withdrawal|a migraine|migraines|an injury|injuries|a limp|a cough|being ill|sleep|sick|ill|unwell))(?P<rest>.*)$",
    );
    if let Some(c) = fake.captures(b) {
        let lead = c["lead"].trim();
        let x = c["x"].trim();
        let (motive_about, rest) = motive_object(&c["rest"]);
        let ask = match motive_about {
            Some(m) => format!("say what you saw, and what {they} said about {m}"),
            None => "say what you saw".to_string(),
        };
        let form = c[0].to_ascii_lowercase();
        let verb = if form.contains("feigning") || form.contains("faking") {
            "is showing"
        } else if form.contains("fakes") || form.contains("feigns") {
            "shows"
        } else {
            "showed"
        };
        // "He is clearly feigning": the writer's adverb goes with the
        // copula (set l: "He is clearly is showing").
        let mut lead = lead.trim_end();
        while let Some((head, last)) = lead.rsplit_once(' ') {
            if matches!(
                last.to_ascii_lowercase().as_str(),
                "clearly"
                    | "obviously"
                    | "just"
                    | "deliberately"
                    | "definitely"
                    | "probably"
                    | "totally"
                    | "simply"
            ) {
                lead = head.trim_end();
            } else {
                break;
            }
        }
        let lead = lead
            .trim_end_matches(" is")
            .trim_end_matches("'s")
            .trim_end_matches("’s");
        let verb = if lead.is_empty() {
            inflect::capitalise(verb.trim_start_matches("is "))
        } else {
            verb.to_string()
        };
        let x = match x {
            "sick" | "ill" | "unwell" => "being unwell",
            x => x.strip_prefix("the ").unwrap_or(x),
        };
        let rest = rest.trim();
        let rest = if rest.is_empty() {
            String::new()
        } else {
            format!(" {rest}")
        };
        // "symptoms" are shown, not "signs of symptoms".
        let signs = if x.ends_with("symptoms") || x.ends_with("signs") {
            ""
        } else {
            "signs of "
        };
        return Some(format!("{lead} {verb} {signs}{x}{rest} ({ask}){end}"));
    }
    // "Using his bad back as an excuse to dodge unpaid work." → "Has missed
    // unpaid work, and says his bad back is why (say when)."
    static EXCUSE: OnceLock<Regex> = OnceLock::new();
    let excuse = re(
        &EXCUSE,
        r"^(?P<lead>.*?)\s*\b(?:(?i:is|was|'s)\s+)?(?i:using|uses|used)\s+(?P<x>(?:his|her|their|the)\s+[^,]+?)\s+(?i:as)\s+(?:an?\s+)?(?i:excuse|reason|way out|get-out)\s+(?i:to|for|not to)\s+(?:(?i:dodge|avoid|get out of|skip|miss|duck|wriggle out of)\s+)?(?P<y>[^,]+)$",
    );
    if let Some(c) = excuse.captures(b) {
        let lead = c["lead"].trim();
        let subject = if lead.is_empty() { "Has" } else { "has" };
        let y = c["y"].trim();
        let y = y.strip_prefix("doing ").unwrap_or(y);
        let says = if lead.is_empty() || lead.eq_ignore_ascii_case("they") {
            "say".to_string()
        } else {
            "says".to_string()
        };
        let says = if lead.is_empty() {
            "says".to_string()
        } else {
            says
        };
        let lead_has = if lead.is_empty() {
            subject.to_string()
        } else {
            format!("{lead} {}", has(lead))
        };
        return Some(format!(
            "{lead_has} missed {y}, and {says} {} is why (say when){end}",
            &c["x"]
        ));
    }
    // "She is using the children as pawns to get back at Dad." → a question
    // about what was seen.
    static PAWNS: OnceLock<Regex> = OnceLock::new();
    let pawns = re(
        &PAWNS,
        r"(?i)\busing\s+(?P<kids>(?:the|her|his|their)\s+(?:children|kids|child|son|daughter|baby))(?:\s+as\s+(?:pawns?|a weapon|weapons|leverage|bargaining chips?|ammunition)|\s+against)?\b(?:\s+to\s+(?:get\s+(?:back\s+)?at|punish|hurt|wind up|control)\s+(?P<other>[A-Za-z][\w ]*))?",
    );
    if let Some(c) = pawns.captures(b) {
        let about = c
            .name("other")
            .map(|o| format!(" about {}", o.as_str().trim()))
            .unwrap_or_default();
        let subj = if who == "they" && cx.person.kind == Kind::Unnamed {
            "they".to_string()
        } else {
            who.clone()
        };
        // The children are not who uses them: "F is using the kids …" asks
        // about F (set n: "the kids say or do with the kids", rated 1).
        let subj = if subj.eq_ignore_ascii_case(&c["kids"]) {
            let head = b[..c.get(0)?.start()].trim_end();
            let head = [
                "is",
                "was",
                "are",
                "were",
                "'s",
                "’s",
                "clearly",
                "obviously",
            ]
            .iter()
            .fold(head, |h, w| h.strip_suffix(w).map_or(h, str::trim_end));
            let head = ["is", "was", "are", "were", "'s", "’s"]
                .iter()
                .fold(head, |h, w| h.strip_suffix(w).map_or(h, str::trim_end));
            if (1..=3).contains(&head.split_whitespace().count()) {
                head.to_string()
            } else {
                "they".to_string()
            }
        } else {
            subj
        };
        return Some(format!(
            "What have you seen or heard {} say or do with {}{about}? (say when)",
            super::clause::as_object(&subj),
            &c["kids"]
        ));
    }
    // "He's clearly using our sessions to offload so he doesn't have to deal
    // with HR." → "He uses our sessions to offload (say what he said about HR)."
    static SO_NOT: OnceLock<Regex> = OnceLock::new();
    let so_not = re(
        &SO_NOT,
        r"(?i),?\s+so\s+(?:that\s+)?(?:she|he|they|i|we)\s+(?:doesn't|does not|don't|do not|won't|will not|didn't|did not)\s+have\s+to\s+(?:deal with|face|talk to|speak to|see|go to|do)\s+(?P<x>[^,;.]+)",
    );
    if let Some(c) = so_not.captures(b) {
        let m = c.get(0)?;
        let x = c["x"].trim().to_string();
        let kept = format!("{}{}", &b[..m.start()], &b[m.end()..]);
        let kept = strip_adverbs(&kept);
        let kept = kept
            .replace("'s using", " uses")
            .replace(" is using", " uses");
        return Some(format!(
            "{} (say what {they} said about {x}){end}",
            kept.trim()
        ));
    }
    // "Shocking that her son can't be bothered to bring her clean nighties."
    static BOTHERED: OnceLock<Regex> = OnceLock::new();
    let bothered = re(
        &BOTHERED,
        r"^(?:(?i:shocking|disgraceful|typical|sad|appalling|terrible)(?:\s+(?i:that))?,?\s+)?(?P<who>.+?)\s+(?i:can't|cannot|can not|couldn't|could not)\s+be\s+bothered\s+to\s+(?P<verb>[a-z]+)(?P<rest>.*)$",
    );
    if let Some(c) = bothered.captures(b) {
        let w = c["who"].trim();
        let verb = inflect::base(&c["verb"])?;
        let rest = drop_motive(&c["rest"]);
        return Some(format!(
            "{} {} not {}{rest} (say when){end}",
            inflect::capitalise(w),
            has(w),
            inflect::participle(&verb)
        ));
    }
    // "Mr Bell pretends not to hear when he doesn't want to do something."
    static PRETEND_NOT: OnceLock<Regex> = OnceLock::new();
    let pretend_not = re(
        &PRETEND_NOT,
        r"^(?P<lead>.*?)\s*\b(?i:pretends|pretended)\s+(?:(?i:not to)\s+|(?:(?i:that)\s+)?(?:she|he|they)\s+(?i:can't|cannot|cant|can not)\s+)(?P<verb>[a-z]+)(?P<rest>.*)$",
    );
    if let Some(c) = pretend_not.captures(b) {
        let lead = c["lead"].trim();
        let verb = inflect::base(&c["verb"])?;
        let rest = drop_motive(&c["rest"]);
        let rest = rest.trim_end();
        let lead_has = if lead.is_empty() {
            "Has".to_string()
        } else {
            format!("{lead} {}", has(lead))
        };
        let when = if rest.is_empty() { " at times" } else { "" };
        return Some(format!(
            "{lead_has} not {}{rest}{when} (say when, and what you saw){end}",
            inflect::participle(&verb)
        ));
    }
    // "Pt knows full well he shouldn't be smoking with his COPD" → "Pt is
    // smoking with his COPD (say what he has said about it)."
    static KNOWS: OnceLock<Regex> = OnceLock::new();
    let knows = re(
        &KNOWS,
        r"^(?P<who>.+?)\s+(?i:knows|knew)\s+(?i:full well|perfectly well|very well|fine)\s+(?:(?i:that)\s+)?(?P<p>she|he|they)\s+(?i:shouldn't|should not|isn't supposed to|is not supposed to|mustn't)\s+(?:be\s+)?(?P<ing>[a-z]+)(?P<rest>[^,;]*)",
    );
    if let Some(c) = knows.captures(b) {
        let p = c["p"].to_ascii_lowercase();
        let ing = c["ing"].to_ascii_lowercase();
        let ing = if ing.ends_with("ing") {
            ing
        } else {
            inflect::present_participle(&inflect::base(&ing)?)
        };
        let is = if p == "they" { "are" } else { "is" };
        return Some(format!(
            "{} {is} {ing}{} (say what {p} {} said about it){end}",
            &c["who"],
            c["rest"].trim_end(),
            has(&p)
        ));
    }
    // "He's just telling me what he thinks I want to hear."
    static HEAR: OnceLock<Regex> = OnceLock::new();
    let hear = re(
        &HEAR,
        r"^(?P<who>.+?)(?:'s|’s|\s+is|\s+was)?\s+(?:(?i:just|only|simply)\s+)?(?i:telling|tells|told|saying|says|said)\s+(?i:me|us|staff|the panel|everyone|people)?\s*(?i:what)\s+(?:(?:she|he|they)\s+(?i:thinks|think|thought)\s+)?(?i:I|we|staff|they|people|the panel)\s+(?i:want|wants|wanted)\s+to\s+hear",
    );
    if let Some(c) = hear.captures(b) {
        let w = c["who"].trim();
        let p = they.clone();
        return Some(format!(
            "{w} {} agreed with what I said (say what {p} said, and when){end}",
            has(w)
        ));
    }
    // The clause.rs rewording, with what is left of the motive taken out
    // too: ", there is nothing wrong with him".
    let Some(unmotived) = super::clause::hole("unmotived", cx, "", None) else {
        // A motive that is the whole clause ("playing the system to dodge
        // the drug testing", "angling for a disability letter"): a question
        // about what it was about.
        static ABOUT: OnceLock<Regex> = OnceLock::new();
        let about = re(
            &ABOUT,
            r"(?i)\b(?:angling for|after|fishing for|to (?:dodge|avoid|get out of|get|keep|hang on to|win|secure|tick)|for)\s+(?P<x>(?:the|a|an|his|her|their|some)\s+[^,;.]+?)[.!]?$",
        );
        let c = about.captures(b)?;
        let x = c["x"].trim();
        let more = format!(" {} ", x.to_ascii_lowercase());
        if [" and ", " so ", " because ", " but ", " hence ", " by "]
            .iter()
            .any(|w| more.contains(w))
        {
            return None;
        }
        let who = named_subject(cx);
        return Some(format!("What has {who} said about {x}?"));
    };
    static LEFT: OnceLock<Regex> = OnceLock::new();
    let left = re(
        &LEFT,
        r"(?i),?\s+(?:there(?:'s| is) nothing wrong with (?:him|her|them)|nothing wrong with (?:him|her|them)|when it suits (?:him|her|them))\b",
    );
    let out = left.replace_all(&unmotived, "").into_owned();
    (out != unmotived).then_some(out)
}

/// A motive the writer read into an act, dropped from a rewording that
/// kept it (set i: "She wets the bed to take the attention off her
/// brother", "She is running up arrears because she thinks the council
/// will rehouse her anyway", "The nephew is hanging around because of
/// the will": each rated 1-2 as the mind-reading kept). `None` when
/// there is none, or nothing but the motive would be left.
pub fn without_motive(statement: &str) -> Option<String> {
    static READ_IN: OnceLock<Regex> = OnceLock::new();
    let read_in = re(
        &READ_IN,
        r"(?i),?\s+(?:(?:just|only|purely|simply)\s+)?(?:to take (?:the )?attention (?:off|away from) [^,;.(]+|because (?:she|he|they) (?:thinks?|knows?|wants?|reckons?|believes?) [^,;.(]+|because of the (?:will|money|inheritance|benefits?|house|payout)\b|to keep (?:staff|us|me|the staff|everyone) [^,;.(]+|so (?:that )?I'?ll [^,;.(]+|to tick a box|so (?:she|he|they) (?:doesn'?t|does not|don'?t|do not) have to [^,;.(]+|to get (?:out of|attention|back at|a reaction|sympathy|more)\b[^,;.(]*)",
    );
    let cut = read_in.replace_all(statement, "").into_owned();
    let cut = drop_motive(&cut);
    if cut == statement {
        return None;
    }
    let cut = super::compose::repair_punctuation(&cut);
    let balanced = cut.matches('(').count() == cut.matches(')').count();
    (balanced && cut.split_whitespace().count() >= 3).then_some(cut)
}

/// A motive after the act, dropped; returns what is left.
fn drop_motive(rest: &str) -> String {
    static MOTIVE: OnceLock<Regex> = OnceLock::new();
    let motive = re(
        &MOTIVE,
        r"(?i),?\s+(?:(?:just|only|purely|simply)\s+)?(?:when(?:ever)? it suits (?:him|her|them)|to get (?:out of|attention|back at|a reaction|sympathy|his own way|her own way)\b[^,;]*|for attention|for sympathy|for effect|to wind [^,;]+ up|to impress [^,;]+|(?:so as |in order )?to qualify for [^,;.!?]*|on purpose|deliberately|when(?:ever)? (?:she|he|they) (?:wants?|doesn't want|does not want|don't want|needs?) [^,;]*|so (?:that )?(?:the [a-z]+|staff|we|I|she|he|they|someone|people) (?:will|can|would|could|gets?|don't have to|doesn't have to) [^,;]*|and yet here we are(?: again)?)",
    );
    motive.replace_all(rest, "").into_owned()
}

/// The motive after an act and what it was about: "to get out of the
/// group" → ("the group", rest without it); "to get his dose put up" →
/// ("his dose", …).
fn motive_object(rest: &str) -> (Option<String>, String) {
    static M: OnceLock<Regex> = OnceLock::new();
    let m = re(
        &M,
        r"(?i),?\s+(?:(?:just|only|purely|simply)\s+)?(?:so as |in order )?to\s+(?:get out of|avoid|dodge|skip|miss|get|have|make)\s+(?P<x>(?:the|his|her|their|a|an)\s+[a-z-]+(?:\s+(?:date|hearing|appointment|meeting|review|test|assessment|shift|session|visit|check|interview))?(?:\s+(?:next|last|this)\s+[a-z]+|\s+tomorrow|\s+today)?)(?:\s+(?:put up|increased|changed|moved|raised|cancelled|done))?\b[^,;]*",
    );
    match m.captures(rest) {
        Some(c) => {
            let all = c.get(0).expect("a match");
            let out = format!("{}{}", &rest[..all.start()], &rest[all.end()..]);
            (Some(c["x"].to_string()), out)
        }
        None => (None, drop_motive(rest)),
    }
}

fn strip_adverbs(s: &str) -> String {
    static ADV: OnceLock<Regex> = OnceLock::new();
    let adv = re(
        &ADV,
        r"(?i)\s*\b(?:clearly|obviously|deliberately|intentionally|purposely|blatantly|on purpose)\b",
    );
    adv.replace_all(s, "").into_owned()
}

// ---------------------------------------------------------------------------
// Credibility doubts.

fn doubt(cx: &Context<'_>) -> Option<String> {
    let s = cx.sentence().trim();
    let (b, end) = body(s);
    let they = they(cx);
    let is = if they == "they" { "are" } else { "is" };
    let hv = has(&they);
    let mut out = b.to_string();
    // The writer's doubt after the account goes; the account stays.
    static TRAIL: OnceLock<Regex> = OnceLock::new();
    let trail = re(
        &TRAIL,
        &format!(
            r"(?i)(?:,|;|\s+-|\s+—|\s+but|\s+though|\s+and)\s*(?:{})\s*(?:\(!\)|!+)?\s*$",
            super::compose::asides()
        ),
    );
    loop {
        let next = trail.replace(&out, "").into_owned();
        if next == out {
            break;
        }
        out = next;
    }
    // "Apparently the bus "didn't come", the famous bus strikes again" →
    // "The bus "didn't come" (say who told you)": the sneer after it gone
    // above, the hearsay said as the writer's to source (set w: the
    // sneer kept, rated 2; "Apparently" kept once the sneer went).
    if let Some(c) = rx!(r"^(?i:apparently|reportedly),?\s+(?P<rest>\S.*)$").captures(&out.clone())
    {
        out = format!("{} (say who told you)", inflect::capitalise(&c["rest"]));
    }
    // A doubt between two facts: "but i doubt it, her mates say different".
    static MID: OnceLock<Regex> = OnceLock::new();
    let mid = re(
        &MID,
        r"(?i)(?:,|;)?\s+(?:but|though)\s+(?:i (?:rather |very much |seriously |really )?doubt (?:it|that|this)|i'?m not (?:sure|convinced))\s*,",
    );
    out = mid.replace_all(&out, ";").into_owned();
    // "yet was laughing and chatting" → "; was laughing and chatting".
    static YET_WAS: OnceLock<Regex> = OnceLock::new();
    let yet_was = re(
        &YET_WAS,
        r"(?i),?\s+yet\s+(?P<v>was|is|were|seen|asleep|then|later|had|has)\b",
    );
    out = yet_was.replace_all(&out, "; $v").into_owned();
    // "funny how she was snoring at 2am" → "; she was snoring at 2am".
    static FUNNY: OnceLock<Regex> = OnceLock::new();
    let funny = re(
        &FUNNY,
        r"(?i),\s*(?:funny|strange|odd|interesting|convenient) (?:how|that|then)\s+",
    );
    out = funny.replace_all(&out, "; ").into_owned();
    // "It beggars belief that X" → "X".
    static BEGGARS: OnceLock<Regex> = OnceLock::new();
    let beggars = re(
        &BEGGARS,
        r"^(?i:it\s+(?:beggars belief|is hard to believe|'s hard to believe|is difficult to believe|stretches belief|strains credulity)|hard to believe|difficult to believe)\s+(?i:that\s+)?",
    );
    out = beggars.replace(&out, "").into_owned();
    static WOULD: OnceLock<Regex> = OnceLock::new();
    let would = re(
        &WOULD,
        r"(?i)\b(?:would have (?:us|me|everyone|staff|people) believe|(?:expects?|wants?) (?:us|me|everyone|staff|people) to believe|(?:tried|tries|is trying) to (?:tell|convince) (?:us|me|everyone|staff) that)\s+(?:that\s+)?",
    );
    out = would.replace_all(&out, "says ").into_owned();
    // "Claims to be drinking" → "Says they are drinking".
    static CLAIM_TO: OnceLock<Regex> = OnceLock::new();
    let claim_to = re(
        &CLAIM_TO,
        r"(?i)\b(?P<v>claims|claimed|insists|alleges|maintains|professes)\s+to\s+(?P<be>be|have)\s+",
    );
    if let Some(c) = claim_to.captures(&out.clone()) {
        let past = c["v"].ends_with("ed");
        let say = if past { "said" } else { "says" };
        let aux = match (&c["be"], past) {
            ("be", false) => is.to_string(),
            ("be", true) => if they == "they" { "were" } else { "was" }.to_string(),
            (_, false) => hv.to_string(),
            (_, true) => "had".to_string(),
        };
        let m = c.get(0)?;
        out.replace_range(m.range(), &format!("{say} {they} {aux} "));
    }
    // Scare quotes and "so-called" about the client's account.
    static SO_CALLED: OnceLock<Regex> = OnceLock::new();
    let so_called = re(
        &SO_CALLED,
        r#"(?i)\b(?:so-called|so called|supposed|alleged)\s+["“'‘](?P<x>[^"”'’]+)["”'’]"#,
    );
    out = so_called.replace_all(&out, "$x").into_owned();
    static YET: OnceLock<Regex> = OnceLock::new();
    let yet = re(
        &YET,
        r#"(?i)\byet another\s+["“'‘](?P<x>[^"”'’]+)["”'’]|\byet another\b"#,
    );
    out = yet
        .replace_all(&out, |c: &Captures| match c.name("x") {
            Some(x) => format!("another {}", x.as_str()),
            None => "another".into(),
        })
        .into_owned();
    // "that only seem to happen on workdays" → "on workdays".
    static SEEM: OnceLock<Regex> = OnceLock::new();
    let seem = re(
        &SEEM,
        r"(?i)\s+(?:that|which)\s+(?:only\s+|always\s+)?(?:seem|seems|seemed|appear|appears|appeared)\s+to\s+(?:happen|come on|start|occur|flare up|crop up)\s+(?:only\s+)?",
    );
    out = seem.replace_all(&out, " ").into_owned();
    static SEEM_TO: OnceLock<Regex> = OnceLock::new();
    let seem_to = re(
        &SEEM_TO,
        r"(?i)\s+(?:only\s+)?(?:seem|seems|seemed|appear|appears|appeared)\s+to\s+(?:happen|come on|start|occur|flare up|crop up|show up|turn up|appear)\s+(?:(?:right|only|always|conveniently)\s+)*(?:on (?:schedule|cue)\s+)?",
    );
    out = seem_to.replace_all(&out, " have come ").into_owned();
    // Plain verbs of saying, across the sentence.
    static SAY: OnceLock<Regex> = OnceLock::new();
    let say = re(
        &SAY,
        r"(?i)\b(?:claims|insists|alleges|maintains|swears(?:\s+blind)?|reckons)\b|\b(?:claimed|insisted|alleged|maintained|swore(?:\s+blind)?)\b|\b(?:claiming|insisting|alleging|maintaining)\b|\b(?:conveniently|supposedly|allegedly|purportedly|ostensibly)\s+|\b(?:her|his|their) (?:version of events|story)\b",
    );
    // "is adamant he hasn't" → "says he hasn't".
    out = rx!(r"(?i)(?:\s+(?P<aux>is|was|remains|remained))?\s+adamant(?:ly)?\s+(?:that\s+)?(?P<n>she|he|they|I|it|the|her|his|their|there)\b")
        .replace_all(&out, |c: &Captures| {
            let past = c.name("aux").is_some_and(|a| a.as_str().eq_ignore_ascii_case("was") || a.as_str().eq_ignore_ascii_case("remained"));
            format!(" {} {}", if past { "said" } else { "says" }, &c["n"])
        })
        .into_owned();
    // "which is very convenient", "(it never is)", "she makes things up":
    // the writer's doubt, not the account.
    out = rx!(r"(?i),?\s+which\s+(?:is|was|seems|sounds)\s+(?:very\s+|rather\s+|quite\s+|highly\s+|most\s+|extremely\s+|all\s+too\s+)?(?:convenient|unlikely|doubtful|implausible|far-fetched|suspicious|questionable)\b[^.;]*|\s*\(\s*(?:it|they|she|he)\s+(?:never|rarely|hardly ever|seldom)\s+(?:is|are|does|do|did|was|were)\s*!?\)|,\s*(?:she|he|they)\s+(?:makes?|made)\s+(?:things|stuff|it(?:\s+all)?)\s+up\b|\b(?:so-called|so called)\s+")
        .replace_all(&out, "")
        .into_owned();
    // "…, but the blister packs tell a different story" → "(say what the
    // blister packs showed)": the evidence stays, the verdict goes. A
    // modal before the verb is the verdict's ("the wear on the boot
    // would suggest otherwise" → "(say what the wear on the boot
    // showed)", not "would showed": set q, rated 3).
    out = rx!(r"(?i)(?:,|;)?\s*(?:\b(?:but|though|although|yet|whereas)\s+(?P<ev>(?:the|his|her|their)\s+[\w -]+?)\s+(?:tells?|told)\s+a\s+different\s+story|\b(?:but|though|although|yet)\s+(?P<ev2>(?:the|his|her|their)\s+[\w -]+?)\s+(?:(?:would|might|may|could|does|do)\s+)?(?:suggests?|says?|shows?|showed|say)\s+(?:otherwise|different|differently)|\bwhich\s+(?P<ev3>(?:the|his|her|their)\s+[\w -]+?)\s+(?:flatly\s+|clearly\s+)?contradicts?|\(\s*not\s+what\s+(?P<ev4>(?:the|his|her|their)\s+[\w -]+?)\s+says?\s*\)|\bwe'?ll\s+see\s+what\s+(?P<ev5>(?:the|his|her|their)\s+[\w -]+?)\s+says?)\s*$")
        .replace(&out, |c: &Captures| {
            let ev = ["ev", "ev2", "ev3", "ev4", "ev5"]
                .iter()
                .find_map(|n| c.name(n))
                .map_or("", |m| m.as_str());
            format!(" (say what {ev} showed)")
        })
        .into_owned();
    out = rx!(r"(?i),?\s+which\s+(?:isn't|is not|wasn't|was not)\s+true\s*,\s*")
        .replace_all(&out, "; ")
        .into_owned();
    out = rx!(r"(?i),?\s+(?:but\s+it\s+(?:really\s+)?(?:doesn't|does not)\s+sound\s+like\s+it|and\s+I'?m\s+(?:starting|beginning)\s+to\s+wonder\b[^.;]*|(?:;|,)?\s*the\s+evidence\s+for\s+(?:that|this|it)\s+is\s+thin|,?\s*(?:lying|making it up|fibbing)\s+as\s+usual|,\s*(?:she|he|they)\s+just\s+makes?\s+(?:things|stuff|it)\s+up)\s*$").replace_all(&out, "").into_owned();
    out = rx!(r"(?i)\b(?:always|constantly)\s+have come\b")
        .replace_all(&out, "have come")
        .into_owned();
    out = say
        .replace_all(&out, |c: &Captures| {
            let w = c[0].to_ascii_lowercase();
            // "swears blind" is one verb (set p: "says blind", rated 2).
            let w = w.strip_suffix(" blind").map_or(w.clone(), str::to_string);
            let plain = if w.ends_with("version of events") || w.ends_with("story") {
                format!("{} account", w.split(' ').next().unwrap_or("their"))
            } else if w.ends_with(' ') {
                String::new()
            } else if w.ends_with("ing") {
                "saying".into()
            } else if w.ends_with('s') {
                "says".into()
            } else {
                "said".into()
            };
            super::match_case(&c[0], &plain)
        })
        .into_owned();
    // "says pain 10/10" → "reports pain 10/10".
    let out = rx!(r"\b(?P<s>[Ss])ays (?P<n>pain|no pain|symptoms)\b")
        .replace_all(&out, "${s}ays: ${n}")
        .into_owned();
    let out = rx!(r"\b(?P<s>[Ss])ays: ")
        .replace_all(&out, |c: &Captures| {
            if &c["s"] == "S" {
                "Reports ".to_string()
            } else {
                "reports ".to_string()
            }
        })
        .into_owned();
    let out = out.trim().trim_end_matches([',', ';']).to_string();
    if tidy(&out) == tidy(b) {
        return None;
    }
    // Nothing of the account left: not this hole's business.
    if out.split_whitespace().count() < 2 {
        return None;
    }
    Some(format!("{out}{end}"))
}

// ---------------------------------------------------------------------------
// Compliance.

fn comply(cx: &Context<'_>) -> Option<String> {
    let s = cx.sentence().trim();
    let (b, end) = body(s);
    let they = they(cx);
    let mut out = b.to_string();
    let mut ask = "say why, if {they} said".to_string();
    static RULES: OnceLock<Vec<(Lazy, &'static str)>> = OnceLock::new();
    let rules = RULES.get_or_init(|| {
        let r = |p: &str| super::regex::build(p).expect("a compliance swap compiles");
        vec![
            // Medication, said as what happened.
            (
                r(r"(?i)\b(?:remains|is|has been|continues to be)\s+(?:non-?\s?compliant|noncompliant|not compliant|non-?adherent|non-?concordant|not concordant)\s+(?:with|to)\s+(?P<o>(?:(?:the|her|his|their)\s+)?(?:[a-z-]+\s+)?(?:medication|meds|tablets|depot|insulin|antipsychotics?|antidepressants?|inhalers?|methadone))(?:\s+regimen?)?\b"),
                "is not taking $o as prescribed",
            ),
            (
                r(r"(?i)^(?:non-?\s?compliant|noncompliant|non-?adherent|non-?concordant|not concordant|poor(?:ly)? (?:compliance|adherence|concordance))\s+(?:with|to)\s+(?P<o>(?:(?:the|her|his|their)\s+)?(?:[a-z-]+\s+)?(?:medication|meds|tablets|depot|insulin|antipsychotics?|antidepressants?|inhalers?|methadone))(?:\s+regimen?)?\b"),
                "Not taking $o as prescribed",
            ),
            (
                r(r"(?i)^(?:non-?\s?compliant|noncompliant|non-?adherent|non-?concordant)\s+(?:with|to)\s+"),
                "Not keeping to ",
            ),
            // "Tenant has failed to comply with the repayment agreement" →
            // "Tenant has not kept to …", not "has did not follow" (set i).
            (
                r(r"(?i)\b(?P<aux>has|have|had)\s+(?:refused|failed|declined)\s+to\s+(?:comply|cooperate|co-operate)\s+with\b"),
                "$aux not kept to",
            ),
            // "has ignored all three letters" → "has not replied to any of
            // the three letters": a letter is answered, not followed (set i).
            (
                r(r"(?i)\b(?P<aux>has|have|had)\s+(?:ignored|disregarded)\s+(?:all\s+(?:of\s+)?(?:the\s+|our\s+|my\s+)?)(?P<o>(?:\w+\s+)?(?:letters|calls|texts|messages|emails|reminders))\b"),
                "$aux not replied to any of the $o",
            ),
            // "has ignored every warning letter" → "has not acted on any
            // warning letter": "not … every" would say some were (set n:
            // "has not replied to every warning letter" rated 2).
            (
                r(r"(?i)\b(?P<aux>has|have|had)\s+(?:ignored|disregarded)\s+(?:every|each)\s+(?P<o>(?:\w+\s+)?(?:letter|call|text|message|email|reminder|warning))\b"),
                "$aux not acted on any $o",
            ),
            (
                r(r"(?i)\b(?P<aux>has|have|had)\s+(?:ignored|disregarded)\s+(?P<o>(?:the\s+|our\s+|my\s+|every\s+|each\s+)(?:\w+\s+)?(?:letters?|calls?|texts?|messages?|emails?|reminders?))\b"),
                "$aux not replied to $o",
            ),
            // "refused to comply with his behaviour plan" → "did not follow his behaviour plan".
            (
                r(r"(?i)\b(?:refused|failed|declined)\s+to\s+(?:comply|cooperate|co-operate)\s+with\b"),
                "did not follow",
            ),
            (
                r(r"(?i)\b(?:refuses|fails|declines)\s+to\s+(?:comply|cooperate|co-operate)\s+with\b"),
                "does not follow",
            ),
            // An authority kept, the obedience word plain: "must comply with" → "must keep to".
            (
                r(r"(?i)\b(?P<a>must|has to|have to|is required to|was required to|were required to|required to|ordered to|instructed to|directed to|told to|reminded to|warned to|expected to|needs to|need to)\s+(?:comply with|adhere to|abide by)\b"),
                "$a follow",
            ),
            // "and, predictably, ignored the advice" → "and did not follow the advice".
            (
                r(r"(?i)\b(?:,\s*)?(?:predictably|as usual|as expected|unsurprisingly|of course)(?:\s*,)?\s+(?P<v>ignored|disregarded|flouted|disobeyed)\b"),
                " $v",
            ),
            (
                r(r"(?i)\b(?:ignored|disregarded|flouted|disobeyed)\s+(?P<o>(?:the|my|our|staff's|her|his|their|medical|all)\s+(?:[a-z]+\s+)?(?:advice|instructions?|guidance|plan|rules?|directions?))(?P<yet>\s+(?:yet again|again|once again|as usual))?\s+and\s+(?P<then>went ahead|carried on|continued|did it anyway)\b(?P<rest>[^,;]*)"),
                "$then$rest, against $o",
            ),
            (
                r(r"(?i)\b(?:ignored|disregarded|flouted|disobeyed)\s+(?P<o>(?:the|my|our|staff's|her|his|their|medical|all)\s+(?:[a-z]+\s+)?(?:advice|instructions?|guidance|plan|rules?|directions?))"),
                "did not follow $o",
            ),
            // "refuses to engage with the MDT" → "has not met with the MDT".
            (
                r(r"(?i)\b(?:refuses|declines|fails)\s+to\s+engage\s+with\s+(?P<o>the\s+(?:mdt|team|worker|keyworker|social worker|service|nurse|cpn|ot|psychologist))"),
                "has not met with $o",
            ),
            (
                r(r"(?i)\b(?:refused|declined|failed)\s+to\s+engage\s+with\s+(?P<o>the\s+(?:mdt|team|worker|keyworker|social worker|service|nurse|cpn|ot|psychologist))"),
                "did not meet with $o",
            ),
            // "will not be tolerated" → "must stop".
            (
                r(r"(?i)\bthat\s+(?:continued|further|any more|any further|ongoing)\s+(?P<x>[a-z]+)\s+will not be (?:tolerated|accepted|allowed)"),
                "that $x must stop (say what will happen if it continues)",
            ),
            // The rest of the obedience words, said plainly.
            (
                r(r"(?i)\b(?:was|were|has been|have been|had been)\s+(?:non-?\s?compliant|noncompliant|not compliant|non-?adherent)\s+(?:with|to)\s+(?P<o>(?:the |her |his |their |my |our )?(?:[\w-]+ )?(?:homework|exercises?|tasks?|reading|logs?|diary|diaries|records?|pre-work|worksheets?))\b"),
                "did not do $o",
            ),
            (
                r(r"(?i)\b(?P<aux>has|have|had)\s+(?P<adv>(?:once again|yet again|again)\s+)?(?:disobeyed|ignored|disregarded|flouted)\s+"),
                "$aux $adv not followed ",
            ),
            (
                r(r"(?i)\b(?:was|were)\s+(?:non-?\s?compliant|noncompliant|not compliant|non-?\s?complient)\s+(?:with\s+)?(?:staff(?: instructions)?|instructions|directions)\b"),
                "did not do what staff asked",
            ),
            (
                r(r"(?i)\b(?:was|were)\s+(?:non-?\s?compliant|noncompliant|not compliant|non-?\s?complient|non-?adherent)\s+(?:with|to)\s+"),
                "did not keep to ",
            ),
            (
                r(r"(?i)\b(?P<aux>has|have|had)\s+been\s+(?:non-?\s?compliant|noncompliant|not compliant|non-?adherent|not adherent)\s+(?:with|to)\s+"),
                "$aux not kept to ",
            ),
            (
                r(r"(?i)\b(?:is|are|remains|remain)\s+(?:non-?\s?compliant|noncompliant|not compliant|non-?adherent)\s+(?:with|to)\s+"),
                "is not keeping to ",
            ),
            (
                r(r"(?i)\b(?:non-?\s?compliant|noncompliant|non-?\s?complient|non-?adherent)\s+(?:with|to)\s+"),
                "not keeping to ",
            ),
            (
                r(r"(?i)^(?:non-?\s?compliant|noncompliant|non-?adherent)(?:\s+again)?\s*(?:—|-|–|:|,)\s*"),
                "",
            ),
            (
                r(r"(?i)\bnot\s+(?:complying|adhering)\s+(?:with|to)\b"),
                "not keeping to",
            ),
            (
                r(r"(?i)\b(?:would not|wouldn't|wouldnt|will not|won't|did not|didn't)\s+do\s+as\s+(?:(?:she|he|they)\s+(?:was|were|is|are)\s+)?(?:asked|told)(?:\s+by\s+(?P<by>[a-z ]+?staff|staff|nurses|carers))?\b"),
                "did not do what was asked",
            ),
            (
                r(r"(?i)\bdid\s+as\s+(?:she|he|they)\s+(?:was|were)\s+told\b"),
                "did what was asked",
            ),
            (r(r"(?i)\bflat(?:ly)?\s+out\s+(?:refused|declined)\b"), "declined"),
            (
                r(r"(?i)\b(?:once again|yet again|again)\s+(?:ignored|disregarded)\s+(?P<o>the\s+(?:homework|reading|exercise|task|pre-work|log)s?)"),
                "did not do $o",
            ),
            (
                r(r"(?i)\bignored\s+(?P<o>the\s+(?:homework|reading|exercise|task|pre-work|log)s?)"),
                "did not do $o",
            ),
            (
                r(r"(?i)\bchose\s+to\s+(?:break|ignore|disregard)\s+(?P<o>every one of them|all of them|them|it|the rules)"),
                "did not keep to $o",
            ),
            (r(r"(?i)\s+in\s+no\s+uncertain\s+terms\b"), ""),
            (
                r(r"(?i),?\s+and\s+that\s+I\s+am\s+not\s+here\s+to\s+negotiate\b"),
                "",
            ),
            (r(r"(?i)\bdemanded\b"), "asked for"),
            (r(r"(?i)\bdemands\b"), "asks for"),
            (
                r(r"(?i)\b(?:still\s+)?not\s+(?:cooperating|co-operating|complying)\s+with\s+(?P<o>staff|carers|the team|nurses)"),
                "… (what happened with $o)",
            ),
        ]
    });
    // "Would not comply with taking her meds" → "Did not take her meds".
    out = rx!(r"(?i)\b(?:would not|wouldn't|wouldnt|will not|won't|wont|did not|didn't|refused to|refuses to)\s+(?:comply|cooperate|co-operate)\s+with\s+(?P<ing>[a-z]+ing)\b")
        .replace_all(&out, |c: &Captures| {
            let base = inflect::base(&c["ing"]).unwrap_or_else(|| c["ing"].to_string());
            super::match_case(&c[0], &format!("did not {base}"))
        })
        .into_owned();
    // "didn't bother completing the mood diary" → "did not complete …".
    out = rx!(r"(?i)\b(?:didn't|did not|never)\s+bother(?:ed)?\s+(?:to\s+)?(?P<v>[a-z]+)\b")
        .replace_all(&out, |c: &Captures| {
            let base = ing_base(&c["v"]);
            super::match_case(&c[0], &format!("did not {base}"))
        })
        .into_owned();
    static MORE: OnceLock<Vec<(Lazy, &'static str)>> = OnceLock::new();
    let more = MORE.get_or_init(|| {
        let r = |p: &str| super::regex::build(p).expect("a compliance swap compiles");
        vec![
            (r(r"(?i)\b(?P<h>has|have|had)\s+not\s+complied\s+with\b"), "$h not kept to"),
            (r(r"(?i)\b(?:won't|wont|will not)\s+follow\b"), "has not followed"),
            (r(r"(?i)\b(?:won't|wont|will not)\s+(?:accept|take)\b"), "has not taken"),
            (r(r"(?i)\b(?P<a>is to|are to|was to|were to)\s+(?:abide by|comply with|adhere to)\b"), "$a keep to"),
            (r(r"(?i)\b(?:doesn't|does not)\s+(?:comply|co-?operate)\s+with\b"), "does not keep to"),
            (r(r"(?i)\bnon-?\s?compliance\s+will\b"), "not keeping to it will"),
            (r(r"(?i),?\s+despite\s+(?:reminders|repeated reminders|being reminded)\b"), ", though reminded"),
            (r(r"(?i),?\s+like\s+I\s+(?:told|asked)\s+(?:her|him|them)\s+to\b"), ""),
            (r(r"(?i),?\s+so\s+no\s+wonder\b.*$"), ""),
            (r(r"(?i)\b(?:reluctantly|grudgingly|begrudgingly)\s+"), ""),
            (r(r"(?i)\bon\s+the\s+strict\s+understanding\s+(?:that\s+)?"), "on the understanding that "),
            // "did not report as instructed": "report that was set" read as a noun (set i).
            (r(r"(?i)\s+as\s+instructed\b"), " as asked"),
            (r(r"(?i),?\s+not\s+taking\s+(?:it|this|that|things|(?:her|his|their)\s+health)\s+seriously\b"), ""),
            (r(r"(?i)\bdespite\s+(?:clear|repeated|explicit|firm|direct)\s+(?:instructions?|direction)\b"), "despite being instructed to"),
            (r(r"(?i)\b(?:has|have)\s+been\s+(?:refusing|declining)\s+to\s+engage\s+with\s+(?P<o>(?:the|her|his|their)\s+[\w ]*?referral)"), "has not taken up $o"),
            (r(r"(?i)\s+despite\s+being\s+(?P<w>warned|told|reminded|advised)\b"), ", though $w"),
        ]
    });
    for (re, with) in more {
        out = re.replace_all(&out, *with).into_owned();
    }
    for (re, with) in rules {
        out = re.replace_all(&out, *with).into_owned();
    }
    // "refused to be hoisted" → "declined to be hoisted"; "refused the appt" → "declined the appt".
    static REFUSED: OnceLock<Regex> = OnceLock::new();
    let refused = re(&REFUSED, r"(?i)\b(?P<r>refused|refuses|refusing|refuse)\b");
    out = refused
        .replace_all(&out, |c: &Captures| {
            let w = c[0].to_ascii_lowercase();
            let plain = match w.as_str() {
                "refused" => "declined",
                "refuses" => "declines",
                "refusing" => "declining",
                _ => "decline",
            };
            super::match_case(&c[0], plain)
        })
        .into_owned();
    // "until he learns to do as he's told" → "until he … (what you asked him to do)".
    static TOLD: OnceLock<Regex> = OnceLock::new();
    let told = re(
        &TOLD,
        r"(?i)\b(?:learns|learn|starts|start|begins)\s+to\s+do\s+as\s+(?P<p>she|he|they)(?:'s|’s| is| are|'re)?\s+(?:told|asked)\b",
    );
    if let Some(c) = told.captures(&out.clone()) {
        let p = c["p"].to_ascii_lowercase();
        let m = c.get(0)?;
        out.replace_range(
            m.range(),
            &format!("… (what you asked {} to do)", super::clause::as_object(&p)),
        );
        ask.clear();
    }
    static FAILED: OnceLock<Regex> = OnceLock::new();
    let failed = re(
        &FAILED,
        r"(?i)\b(?P<has>has|have|had)?\s*(?P<adv>(?:yet again|once again|again|still)\s+)?\b(?P<f>failed|fails|failing)\s+to\s+(?P<v>[a-z]+)\b",
    );
    out = failed
        .replace_all(&out, |c: &Captures| {
            let v = &c["v"];
            let plain = match (c.name("has").is_some(), &c["f"].to_ascii_lowercase()[..]) {
                (true, _) => format!(
                    " {} {}not {}",
                    &c["has"],
                    c.name("adv").map_or("", |m| m.as_str()),
                    inflect::participle(&inflect::base(v).unwrap_or_else(|| v.to_string()))
                ),
                (_, "fails") => format!(" does not {v}"),
                (_, "failing") => format!(" not {v}"),
                _ => format!(" {}did not {v}", c.name("adv").map_or("", |m| m.as_str())),
            };
            super::match_case(c[0].trim_start(), &plain)
        })
        .into_owned();
    let out = out.trim().to_string();
    if tidy(&out) == tidy(b) {
        return None;
    }
    // No ask for the reason: the curious question after it asks what got
    // in the way.
    let _ = (ask, they);
    Some(format!("{out}{end}"))
}

// ---------------------------------------------------------------------------
// Absolutes.

fn absolute(cx: &Context<'_>) -> Option<String> {
    let s = cx.sentence().trim();
    let (b, end) = body(s);
    let they = they(cx);
    // A count the record holds, said as the count: "Not once this year has
    // he come to class with a pen." → "He has not come to class with a pen
    // this year (say what the record shows)."; "Hasn't turned up on time
    // once in three years." → "Has not turned up on time in three years
    // (…)" (set p: the margin question about a countable fact, rated 2).
    if let Some(c) = rx!(r"^(?i:not once)\s+(?P<span>(?i:this|last|all)\s+[a-z]+|(?i:in)\s+[^,]+?)\s+(?P<aux>has|have|did)\s+(?P<who>she|he|they|[A-Z][a-z]+)\s+(?P<rest>[^,;]+)$").captures(b) {
        let who = cap(&c["who"]);
        return Some(format!(
            "{who} {} not {} {} (say what the record shows){end}",
            &c["aux"],
            c["rest"].trim(),
            c["span"].to_ascii_lowercase()
        ));
    }
    if let Some(c) = rx!(r"^(?P<who>(?:[A-Z][a-z]+\s+|(?i:she|he|they)\s+)?)(?P<neg>(?i:hasn't|has not|haven't|have not|didn't|did not))\s+(?P<rest>[^,;]+?)\s+(?i:even\s+)?once\s+(?P<span>(?i:in)\s+[^,;]+|(?i:this|all)\s+[a-z]+)$").captures(b) {
        let neg = match c["neg"].to_ascii_lowercase().as_str() {
            "hasn't" => "has not".to_string(),
            "haven't" => "have not".to_string(),
            "didn't" => "did not".to_string(),
            n => n.to_string(),
        };
        let lead = c["who"].trim();
        let lead = if lead.is_empty() { cap(&neg) } else { format!("{lead} {neg}") };
        return Some(format!(
            "{lead} {} {} (say what the record shows){end}",
            c["rest"].trim(),
            &c["span"]
        ));
    }
    // "Never happy with any appointment we offer." → "Has not been happy with …".
    static NEVER_ADJ: OnceLock<Regex> = OnceLock::new();
    let never_adj = re(
        &NEVER_ADJ,
        r"^(?P<who>.*?)\s*(?:(?i:is|are|'s|was|were)\s+)?(?i:never|not ever)\s+(?P<adj>happy|satisfied|pleased|content|ready|on time|grateful|interested|available|around|home|in|up|dressed|awake|sober|calm|polite|honest|straight|there|on board|bothered)\b(?P<rest>.*)$",
    );
    if let Some(c) = never_adj.captures(b) {
        let w = c["who"].trim();
        let rest = any_to_the(c["rest"].trim_end());
        let rest = rest.replace(" we offer", " we have offered");
        let lead = if w.is_empty() {
            "Has".to_string()
        } else {
            format!("{w} {}", has(w))
        };
        return Some(format!(
            "{lead} not been {}{rest} (say when, and how often){end}",
            &c["adj"]
        ));
    }
    // "Nothing is ever her fault." → a question about her account.
    static FAULT: OnceLock<Regex> = OnceLock::new();
    let fault = re(
        &FAULT,
        r"^(?i:nothing|it)\s+(?i:is|was)\s+(?i:ever|never)\s+(?P<poss>her|his|their|[A-Z][a-z]+'s)\s+(?:(?i:own)\s+)?(?i:fault)",
    );
    if let Some(c) = fault.captures(b) {
        let poss = &c["poss"];
        let who = match poss.to_ascii_lowercase().as_str() {
            "her" => "she".to_string(),
            "his" => "he".to_string(),
            "their" => "they".to_string(),
            _ => poss.trim_end_matches("'s").to_string(),
        };
        return Some(format!(
            "What has {who} said about {} part in what went wrong? (say when)",
            poss.to_ascii_lowercase()
                .replace(&who.to_ascii_lowercase(), &who)
        ));
    }
    // "Nothing we do is ever good enough for this lot." → "They have not been satisfied with …".
    static ENOUGH: OnceLock<Regex> = OnceLock::new();
    let enough = re(
        &ENOUGH,
        r"^(?i:nothing)\s+(?P<we>we|I|staff|the team)\s+(?P<verb>do|did|offer|offered|suggest|suggested|try|tried)\s+(?i:is|was)\s+(?i:ever)\s+(?i:good enough|right|enough)(?:\s+(?i:for)\s+(?P<for>[^,]+))?",
    );
    if let Some(c) = enough.captures(b) {
        let who = match c.name("for").map(|m| m.as_str().to_ascii_lowercase()) {
            Some(f) if f.starts_with("her") => "She".to_string(),
            Some(f) if f.starts_with("him") => "He".to_string(),
            Some(f) if f.starts_with("mum") => "Mum".to_string(),
            Some(f) if f.starts_with("dad") => "Dad".to_string(),
            Some(f) if f == "this lot" || f == "that lot" => "They".to_string(),
            Some(f)
                if f.starts_with("this ") || f.starts_with("that ") || f.starts_with("the ") =>
            {
                format!("The {}", f.split_once(' ').map_or("", |(_, n)| n))
            }
            _ => "They".to_string(),
        };
        let we = &c["we"];
        let verb = inflect::base(&c["verb"])?;
        let has_we = if we.eq_ignore_ascii_case("staff") || we.eq_ignore_ascii_case("the team") {
            has(we)
        } else {
            "have"
        };
        return Some(format!(
            "{who} {} not been satisfied with what {we} {has_we} {} (say when, and what {} said){end}",
            has(&who),
            inflect::participle(&verb),
            super::clause::as_subject(&who.to_ascii_lowercase()).replace("mum", "Mum").replace("dad", "Dad")
        ));
    }
    // "On her phone the entire session, every session." → "On her phone in sessions (…)."
    static ENTIRE: OnceLock<Regex> = OnceLock::new();
    let entire = re(
        &ENTIRE,
        r"(?i)\s+the\s+(?:entire|whole)\s+(?P<x>session|visit|meeting|lesson|shift|day|night|time|appointment)(?:,?\s+(?:every|each)\s+(?:single\s+)?(?:session|visit|meeting|lesson|shift|day|time|appointment))?",
    );
    if let Some(c) = entire.captures(b) {
        let m = c.get(0)?;
        let x = c["x"].to_ascii_lowercase();
        let out = format!("{} in {x}s{}", &b[..m.start()], &b[m.end()..]);
        return Some(format!("{out} (say which, and for how long){end}"));
    }
    // "refuses absolutely everything offered, day and night" → "has declined what was offered, …".
    static EVERYTHING: OnceLock<Regex> = OnceLock::new();
    let everything = re(
        &EVERYTHING,
        r"^(?P<who>.*?)\s*\b(?i:refuses|refused|rejects|rejected|declines|declined)\s+(?:(?i:absolutely|literally|just about|pretty much)\s+)?(?i:everything|anything)(?:\s+(?i:that is|that's|we|staff))?\s+(?P<v>offered|suggested|we offer|we suggest|staff offer)(?P<rest>.*)$",
    );
    if let Some(c) = everything.captures(b) {
        let w = c["who"].trim();
        let lead = if w.is_empty() {
            "Has".to_string()
        } else {
            format!("{w} {}", has(w))
        };
        return Some(format!(
            "{lead} declined what was offered{} (say what, and when){end}",
            c["rest"].trim_end()
        ));
    }
    // "He undermines his own recovery at every turn." → "He has set back his recovery (…)".
    static UNDERMINE: OnceLock<Regex> = OnceLock::new();
    let undermine = re(
        &UNDERMINE,
        r"^(?P<who>.+?)\s+(?i:undermines|sabotages|wrecks|ruins|undermined|sabotaged)\s+(?P<x>(?:her|his|their)\s+(?:own\s+)?[a-z]+(?:\s+[a-z]+)?)\s+(?i:at every turn|every time|every single time|all the time|constantly|again and again|time and again)",
    );
    if let Some(c) = undermine.captures(b) {
        let w = c["who"].trim();
        let x = c["x"].replace(" own", "");
        return Some(format!(
            "{w} {} done things that set back {x} (say what, and when){end}",
            has(w)
        ));
    }
    // "Does she expect us to visit four times a day forever?" → a question.
    static EXPECT: OnceLock<Regex> = OnceLock::new();
    let expect = re(
        &EXPECT,
        r"^(?i:does|do)\s+(?P<who>she|he|they|[A-Z][a-z]+)\s+(?:(?i:really|honestly|seriously)\s+)?(?i:expect|think)\s+(?i:us|me|staff|carers|the team|everyone)\s+(?:(?i:to|will|can)\s+)(?P<verb>[a-z]+)\s+(?P<rest>.+?)\s+(?i:forever|for ever|for the rest of (?:her|his|their) life|indefinitely|every day forever)$",
    );
    if let Some(c) = expect.captures(b) {
        let w = &c["who"];
        let verb = inflect::base(&c["verb"])?;
        return Some(format!(
            "What has {w} said about being {} {}, and for how long?",
            inflect::participle(&verb),
            c["rest"].trim()
        ));
    }
    // "X is (utterly) incapable of putting the children's needs first" → "X
    // has found it hard to put the children's needs first (…)".
    static INCAPABLE: OnceLock<Regex> = OnceLock::new();
    let incapable = re(
        &INCAPABLE,
        r"^(?P<who>.+?)\s+(?i:is|are|'s|seems|seem)\s+(?:(?i:utterly|completely|totally|just|simply)\s+)?(?i:incapable of|unable to|not capable of)\s+(?P<verb>[a-z]+)(?P<rest>[^,;]*)",
    );
    if let Some(c) = incapable.captures(b) {
        let w = c["who"].trim();
        let base = inflect::base(&c["verb"])?;
        return Some(format!(
            "{w} {} found it hard to {base}{} (say when, and how often){end}",
            has(w),
            c["rest"].trim_end()
        ));
    }
    // What clause.rs and the occasions already say well stays theirs.
    if super::clause::hole("absolute_plain", cx, "", None).is_some() || cx.occasions().is_some() {
        return None;
    }
    // "Pt won't do a single thing she's asked by staff." → "Pt has not done
    // what she's asked by staff (…)"; "She won't let anyone near her, ever."
    static WONT: OnceLock<Regex> = OnceLock::new();
    let wont = re(
        &WONT,
        r"^(?P<who>.*?)\s*\b(?i:won't|wont|will not|doesn't|does not)\s+(?:(?i:even|ever)\s+)?(?P<verb>[a-z]+)\s+(?P<rest>[^,;]*)",
    );
    if let Some(c) = wont.captures(b) {
        let w = c["who"].trim();
        let base = inflect::base(&c["verb"])?;
        if !matches!(base.as_str(), "be" | "lift" | "have") {
            let rest = c["rest"]
                .replace("a single thing", "what")
                .replace("anything", "things")
                .replace("a thing", "what");
            let lead = if w.is_empty() {
                "Has".to_string()
            } else {
                format!("{w} {}", has(w))
            };
            let after = b[c.get(0)?.end()..].trim_start_matches([',', ' ']);
            let after = after
                .trim_start_matches("ever")
                .trim_start_matches([',', ' ']);
            let after = if after.is_empty() {
                String::new()
            } else {
                format!(", {after}")
            };
            return Some(format!(
                "{lead} not {} {}{after} (say when, and how often){end}",
                inflect::participle(&base),
                rest.trim_end()
            ));
        }
    }
    // "Talks over everyone, in every meeting, every time." → "Has talked
    // over everyone in meetings (say when, and how often)."
    static HABIT: OnceLock<Regex> = OnceLock::new();
    let habit = re(
        &HABIT,
        r"^(?P<who>(?:[A-Z][\w.]*|she|he|they|(?i:the|this|that)\s+[a-z]+)(?:\s+[A-Z][\w.]*)?\s+)?(?:(?i:literally|just|basically|constantly|always)\s+)?(?P<verb>[a-z]+(?:s|es))\b(?P<rest>.*)$",
    );
    static ABS: OnceLock<Regex> = OnceLock::new();
    let abs = re(
        &ABS,
        r"(?i)\bevery (?:single )?time(?P<when>\s+(?:she|he|they|i|we|staff|someone|anyone|somebody)\b)|,?\s*(?:every single time|each and every time|every time|all the time|without fail|without exception|constantly|continually|at every turn|from morning till night|from morning to night|day in,? day out|literally|absolutely)\b|\b(?:in every|at every|every single)\s+(?P<n>session|meeting|visit|lesson|shift|call)\b|\bthe (?:second|minute|moment)\b|\b(?:every single thing|absolutely everything|everything)\b",
    );
    if let Some(c) = habit.captures(b) {
        let verb = c["verb"].to_ascii_lowercase();
        let base = inflect::base(&verb).filter(|v| {
            !matches!(
                v.as_str(),
                "be" | "ha" | "have" | "do" | "i" | "thi" | "wa" | "it"
            ) && v.len() > 2
        });
        if let Some(base) = base.filter(|_| abs.is_match(&c["rest"])) {
            let rest = abs
                .replace_all(&c["rest"], |m: &Captures| {
                    let w = m[0].to_ascii_lowercase();
                    if let Some(w) = m.name("when") {
                        format!("when{}", w.as_str())
                    } else if let Some(n) = m.name("n") {
                        format!("in {}s", n.as_str())
                    } else if w.contains("the second")
                        || w.contains("the minute")
                        || w.contains("the moment")
                    {
                        "when".to_string()
                    } else if w.contains("thing") || w.contains("everything") {
                        "things".to_string()
                    } else {
                        String::new()
                    }
                })
                .into_owned();
            let rest = rest.replace(" ,", ",").replace(",,", ",");
            let rest = rest.trim_end().trim_end_matches(',');
            let who = c.name("who").map_or("", |m| m.as_str().trim());
            let lead = if who.is_empty() {
                "Has".to_string()
            } else {
                format!("{who} {}", has(who))
            };
            return Some(format!(
                "{lead} {}{rest} (say when, and how often){end}",
                inflect::participle(&base)
            ));
        }
    }
    let _ = they;
    None
}

/// "any appointment" → "the appointments" (an absolute's "any").
fn any_to_the(rest: &str) -> String {
    static ANY: OnceLock<Regex> = OnceLock::new();
    let any = re(&ANY, r"(?i)\bany\s+(?P<n>[a-z]+)");
    any.replace(rest, |c: &Captures| {
        let n = &c["n"];
        if n.ends_with('s') {
            format!("the {n}")
        } else {
            format!("the {n}s")
        }
    })
    .into_owned()
}

// ---------------------------------------------------------------------------
// Moralising.

fn moral(cx: &Context<'_>) -> Option<String> {
    let s = cx.sentence().trim();
    let (b, end) = body(s);
    let p = they(cx);
    // "A good mother would have left him years ago." → "She has not left him (…)".
    static WOULD: OnceLock<Regex> = OnceLock::new();
    let would = re(
        &WOULD,
        r"^(?i:a|any|every)\s+(?i:responsible|decent|good|proper|caring|normal|loving|sensible)\s+(?P<role>parent|mother|father|mum|dad|person|adult|carer|wife|husband|partner)\s+(?i:would)\s+(?:(?i:have)\s+)?(?P<verb>[a-z]+)\s+(?P<obj>him|her|them|it)?(?P<rest>.*)$",
    );
    if let Some(c) = would.captures(b) {
        let role = c["role"].to_ascii_lowercase();
        let p = match role.as_str() {
            "mother" | "mum" | "wife" => "she".to_string(),
            "father" | "dad" | "husband" => "he".to_string(),
            _ => p.clone(),
        };
        let base = inflect::base(&c["verb"])?;
        let obj = c
            .name("obj")
            .map(|o| format!(" {}", o.as_str()))
            .unwrap_or_default();
        let rest = c["rest"].trim();
        let leaving = ing_of(&base);
        if rest.to_ascii_lowercase().ends_with("ago") || rest.is_empty() {
            return Some(format!(
                "{p} {} not {}{obj} (say what {p} {} said about {leaving}){end}",
                has(&p),
                inflect::participle(&base),
                has(&p)
            ));
        }
    }
    // "He should be ashamed of the way he speaks to his wife." → "He speaks to his wife in ways that concern you (…)".
    static WAY: OnceLock<Regex> = OnceLock::new();
    let way = re(
        &WAY,
        r"^(?P<who>.+?)\s+(?i:should|ought to)\s+be\s+(?i:ashamed|embarrassed)\s+(?i:of)\s+(?i:the way|how)\s+(?P<p>she|he|they)\s+(?P<vp>[a-z]+.*)$",
    );
    if let Some(c) = way.captures(b) {
        let p = c["p"].to_ascii_lowercase();
        return Some(format!(
            "{} {} in a way that concerns you (say what {p} said, and when){end}",
            &c["who"], &c["vp"]
        ));
    }
    // "His dad should be ashamed of himself, not even a birthday card." → "No birthday card from his dad."
    static NOT_EVEN: OnceLock<Regex> = OnceLock::new();
    let not_even = re(
        &NOT_EVEN,
        r"^(?P<who>.+?)\s+(?i:should|ought to)\s+be\s+(?i:ashamed)(?:\s+(?i:of)\s+(?i:himself|herself|themselves))?,?\s+(?i:not even)\s+(?:an?\s+)?(?P<x>.+)$",
    );
    if let Some(c) = not_even.captures(b) {
        return Some(format!(
            "No {} from {}{end}",
            &c["x"],
            inflect::decapitalise(&c["who"])
        ));
    }
    // "She made her bed with this marriage and now has to lie in it."
    static BED: OnceLock<Regex> = OnceLock::new();
    let bed = re(
        &BED,
        r"^(?P<who>.+?)\s+(?:(?i:has)\s+)?(?i:made)\s+(?:her|his|their)\s+(?i:bed)(?:\s+(?i:with)\s+(?P<x>[^,]+?))?,?\s+(?i:and)\s+(?:(?i:now)\s+)?(?i:has to|have to|must|can)\s+(?i:lie in it)$",
    );
    if let Some(c) = bed.captures(b) {
        let w = c["who"].trim();
        let x = c
            .name("x")
            .map(|x| format!(" in {}", x.as_str().trim()))
            .unwrap_or_default();
        return Some(format!(
            "{w} {} stayed{x} (say what {p} {} said about it){end}",
            has(w),
            has(&p)
        ));
    }
    // "Frankly irresponsible of the family to leave her on her own in that state."
    static OF_TO: OnceLock<Regex> = OnceLock::new();
    let of_to = re(
        &OF_TO,
        r"^(?:(?i:frankly|honestly|quite|utterly|totally|really|just|so|very)\s+)*(?i:irresponsible|selfish|reckless|thoughtless|careless|wrong|negligent|shameful|disgraceful|unforgivable|appalling)\s+(?i:of)\s+(?P<who>the\s+[a-z]+|mum|dad|her|him|them|[A-Z][a-z]+)\s+to\s+(?P<verb>[a-z]+)(?P<rest>.*)$",
    );
    if let Some(c) = of_to.captures(b) {
        let base = inflect::base(&c["verb"])?;
        return Some(format!(
            "{} {}{}{end}",
            super::clause::as_subject(&c["who"]),
            inflect::past(&base),
            &c["rest"]
        ));
    }
    // "He has absolutely no shame about what he did to that family."
    static SHAME: OnceLock<Regex> = OnceLock::new();
    let shame = re(
        &SHAME,
        r"^(?P<who>.+?)\s+(?i:has|shows|showed|had|'s got|has got)\s+(?:(?i:absolutely|utterly|just|simply)\s+)?(?i:no)\s+(?i:shame|remorse|regret|guilt|conscience)\s+(?i:about|for|over|regarding)\s+(?P<x>.+)$",
    );
    if let Some(c) = shame.captures(b) {
        let w = c["who"].trim();
        return Some(
            format!(
                "{w} {} not said he regrets {} (say what {p} said about it){end}",
                has(w),
                &c["x"]
            )
            .replace(" he regrets", &format!(" {p} regrets"))
            .replace(" they regrets", " they regret"),
        );
    }
    // "He never takes any responsibility for the state of the flat."
    static RESP: OnceLock<Regex> = OnceLock::new();
    let resp = re(
        &RESP,
        r"^(?P<who>.+?)\s+(?i:never|doesn't|does not|won't|will not|refuses to|didn't|did not)\s+(?i:take|takes|took|accept|accepts)\s+(?:(?i:any|any real|much)\s+)?(?i:responsibility|ownership)\s+(?i:for)\s+(?P<x>.+)$",
    );
    if let Some(c) = resp.captures(b) {
        let w = c["who"].trim();
        let poss = match p.as_str() {
            "she" => "her",
            "he" => "his",
            _ => "their",
        };
        return Some(format!(
            "{w} {} not talked about {poss} part in {} (say what {p} said){end}",
            has(w),
            &c["x"]
        ));
    }
    // "Typical alkie, blames everyone but himself." → "He has blamed others (…)".
    static BLAMES: OnceLock<Regex> = OnceLock::new();
    let blames = re(
        &BLAMES,
        r"(?i)(?:^|,\s*)(?P<who>she|he|they)?\s*\bblames\s+(?:everyone|everybody|everything|anyone|others|other people|the world)(?:\s+else)?\s+(?:but|except|apart from)\s+(?:herself|himself|themselves)(?P<rest>.*)$",
    );
    if let Some(c) = blames.captures(b) {
        let who = c
            .name("who")
            .map(|w| w.as_str().to_ascii_lowercase())
            .unwrap_or(p.clone());
        return Some(format!(
            "{who} {} said others are to blame{} (say what {who} said, and when){end}",
            has(&who),
            c["rest"].trim_end()
        ));
    }
    // "His family should be ashamed, nobody's visited him since June." → the fact.
    static ASHAMED_COMMA: OnceLock<Regex> = OnceLock::new();
    let ashamed_comma = re(
        &ASHAMED_COMMA,
        r"^(?P<who>.+?)\s+(?i:should|ought to)\s+be\s+(?i:ashamed)(?:\s+(?i:of)\s+(?i:himself|herself|themselves))?\s*,\s*(?P<y>.+)$",
    );
    if let Some(c) = ashamed_comma.captures(b) {
        let who = c["who"].trim();
        let y = c["y"].trim();
        static P: OnceLock<Regex> = OnceLock::new();
        let p_re = re(&P, r"^(?i:she|he|they)\s+(?:(?i:only|just)\s+)?");
        let y = if p_re.is_match(y) && !is_pronoun(who) {
            p_re.replace(y, format!("{who} ")).into_owned()
        } else {
            super::clause::with_subject(who, y)
        };
        return Some(format!("{}{end}", inflect::capitalise(&y)));
    }
    // "Mum ought to be ashamed of the state the kitchen was left in with a
    // toddler in the house." → "The kitchen was left in that state …".
    static STATE: OnceLock<Regex> = OnceLock::new();
    let state = re(
        &STATE,
        r"^(?P<who>.+?)\s+(?i:should|ought to)\s+be\s+(?i:ashamed)\s+(?i:of)\s+(?i:the state)\s+(?P<x>(?:the|her|his|their)\s+[a-z]+)\s+(?i:was|is|has been)\s+(?i:left in|in)\b(?P<rest>.*)$",
    );
    if let Some(c) = state.captures(b) {
        return Some(format!(
            "{} was left in that state{} (say what you saw){end}",
            inflect::capitalise(&c["x"]),
            &c["rest"]
        ));
    }
    // "Her parents ought to be ashamed of how little they care about her
    // schooling." → "What have her parents said about her schooling?"
    static HOW_LITTLE: OnceLock<Regex> = OnceLock::new();
    let how_little = re(
        &HOW_LITTLE,
        r"^(?P<who>.+?)\s+(?i:should|ought to)\s+be\s+(?i:ashamed)\s+(?i:of)\s+(?i:how)\s+(?:little|much|badly|often)\s+(?P<clause>(?:she|he|they)\s+[a-z]+\s+(?i:about|for|with)\s+.+)$",
    );
    if let Some(c) = how_little.captures(b) {
        let who = c["who"].trim();
        return Some(format!(
            "What {} {} said about how {}?",
            has(if who.to_ascii_lowercase().ends_with('s') {
                "they"
            } else {
                who
            }),
            who_in(who, cx),
            &c["clause"]
        ));
    }
    // "Ms Dunn blames everyone but herself, without exception."
    static BLAMES2: OnceLock<Regex> = OnceLock::new();
    let blames2 = re(
        &BLAMES2,
        r"^(?P<who>.+?)\s+(?:(?i:has)\s+)?(?i:blames|blamed)\s+(?:everyone|everybody|anyone|others|other people)(?:\s+else)?\s+(?:but|except|apart from)\s+(?:herself|himself|themselves)(?P<rest>.*)$",
    );
    if let Some(c) = blames2.captures(b) {
        let w = c["who"].trim();
        let rest = c["rest"]
            .replace(", without exception", "")
            .replace("every single ", "the ")
            .replace("every ", "the ");
        let rest = rest.trim_end();
        let rest = if rest.ends_with('e') || rest.ends_with("breach") {
            format!("{rest}es")
        } else {
            rest.to_string()
        };
        return Some(format!(
            "{w} {} said others are to blame{rest} (say what {p} said, and when){end}",
            has(w)
        ));
    }
    // "Pt should be thankful she has a bed at all given the pressure on the
    // unit." → "Pt has a bed."; the reasons a verdict gives go with it.
    static GRATEFUL: OnceLock<Regex> = OnceLock::new();
    let grateful = re(
        &GRATEFUL,
        r"^(?P<who>.+?)\s+(?i:should|ought to|needs to)\s+be\s+(?:(?i:more|a bit more)\s+)?(?i:thankful|grateful)\s+(?:(?i:that)\s+)?(?P<p>she|he|they|(?i:the|her|his|their)\s+[a-z]+)\s+(?P<rest>[^,]+)(?:,.*)?$",
    );
    if let Some(c) = grateful.captures(b) {
        let who = c["who"].trim();
        let p = &c["p"];
        let subject = if is_pronoun(p) {
            who.to_string()
        } else {
            inflect::capitalise(p)
        };
        static AT_ALL: OnceLock<Regex> = OnceLock::new();
        let at_all = re(
            &AT_ALL,
            r"(?i)\s+(?:at all|even)\b|\s+(?:given|considering)\s+the\b.*$|\byet another\b",
        );
        let rest = at_all
            .replace_all(&c["rest"], |m: &Captures| {
                if m[0].eq_ignore_ascii_case("yet another") {
                    "another".to_string()
                } else {
                    String::new()
                }
            })
            .into_owned();
        return Some(format!("{subject} {}{end}", rest.trim()));
    }
    // "Pt should know by now that repeats take 48 hours." → a question.
    static KNOW: OnceLock<Regex> = OnceLock::new();
    let know = re(
        &KNOW,
        r"^(?P<who>.+?)\s+(?i:should|ought to|must)\s+(?:(?i:really|surely)\s+)?(?i:know|understand|realise|realize)\s+(?:(?i:by now|better by now)\s+)?(?:(?i:that)\s+)(?P<x>.+)$",
    );
    if let Some(c) = know.captures(b) {
        let w = c["who"].trim();
        return Some(format!(
            "Has anyone gone through with {} that {}? (say when, and what {p} said)",
            super::clause::as_object(w),
            &c["x"]
        ));
    }
    // "Disgraceful that none of her three children can be bothered to help."
    static BOTHER: OnceLock<Regex> = OnceLock::new();
    let bother = re(
        &BOTHER,
        r"^(?:(?i:disgraceful|shameful|appalling|shocking|sad)\s+(?i:that)\s+)?(?P<who>.+?)\s+(?i:can|could|can't|cannot|couldn't)\s+be\s+bothered\s+to\s+(?P<verb>[a-z]+)(?P<rest>.*)$",
    );
    if let Some(c) = bother.captures(b) {
        let w = c["who"].trim();
        let base = inflect::base(&c["verb"])?;
        let none = w.to_ascii_lowercase().starts_with("none");
        let not = if none { "" } else { " not" };
        return Some(format!(
            "{} {}{not} {}{} (say when){end}",
            inflect::capitalise(w),
            has(w),
            inflect::participle(&base),
            &c["rest"]
        ));
    }
    // The clause.rs rewording, without the reasons a verdict gives
    // (", there are families waiting years", "given the pressure on the
    // unit") or a trailing "needs to sort herself out".
    let out = super::clause::hole("unmoralised", cx, "", None);
    static WHY: OnceLock<Regex> = OnceLock::new();
    let why = re(
        &WHY,
        r"(?i)(?:,\s*|\s+)(?:there are (?:families|people|others) [^,.]*|(?:given|considering) the (?:pressure|demand|waiting list|cost)[^,.]*|when (?:others|other people|families) [^,.]*)|,\s*(?:needs|need) to (?:sort (?:herself|himself|themselves) out|get a grip|pull (?:herself|himself|themselves) together|grow up)",
    );
    match out {
        Some(o) => {
            let cut = why.replace_all(&o, "").into_owned();
            static AT_ALL: OnceLock<Regex> = OnceLock::new();
            let at_all = re(&AT_ALL, r"\s+at all([.,;!]|$)");
            let cut = at_all.replace_all(&cut, "$1").into_owned();
            (cut != o).then_some(cut)
        }
        None => None,
    }
}

/// "leave" → "leaving" for a question about it.
fn ing_of(base: &str) -> String {
    inflect::present_participle(base)
}

// ---------------------------------------------------------------------------
// Round 7: whole-sentence constructions, each with its curious question.
//
// Built from the blind supervisor's comments on set g (bench/blind/): a
// sentence a supervisor would reword is given the clean sentence (every
// judgment in it resolved, the facts kept); a sentence with nothing left
// to state but the verdict is given the margin question about its own
// facts. Each comes with the curious question from the person's side,
// made from the sentence's own activity, so no text repeats across notes.

/// Which of the six rules a construction is for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Six {
    Blame,
    Intent,
    Doubt,
    Comply,
    Absolute,
    Moral,
}

/// The first suggestion and, where the construction knows one, the
/// curious question, for a sentence of a shape `rule` knows.
fn whole(rule: Six, cx: &Context<'_>) -> Option<(String, Option<String>)> {
    let s = cx.sentence().trim();
    let (b, end) = body(s);
    let b = b.trim();
    let shape = |rule: Six| match rule {
        Six::Blame => blame7(b, cx),
        Six::Intent => intent7(b, end, cx),
        Six::Doubt => doubt7(b, end, cx),
        Six::Comply => comply7(b, end, cx),
        Six::Absolute => absolute7(b, end, cx),
        Six::Moral => moral7(b, end, cx),
    };
    // The rule's own shapes first, then the other rules' shapes: a sentence
    // keeps its shape whichever rule reports it (one finding per phrase
    // gives "What does she expect, …" to blame-question, a moralising shape).
    const ALL: [Six; 6] = [
        Six::Blame,
        Six::Intent,
        Six::Doubt,
        Six::Comply,
        Six::Absolute,
        Six::Moral,
    ];
    let out = shape(rule)
        .or_else(|| ALL.into_iter().filter(|r| *r != rule).find_map(shape))
        .or_else(|| more7(rule, b, end, cx))?;
    let agree = |text: &str| {
        let text = rx!(r"\b(?P<h>[Hh])as (?P<t>they|you|we|I)\b").replace_all(text, "${h}ave $t");
        let text = rx!(r"\b(?P<t>[Tt]hey) has\b").replace_all(&text, "$t have");
        finish(&inflect::capitalise(&text))
    };
    Some((agree(&out.0), out.1.map(|w| agree(&w))))
}

/// "she" → "She"; a name as written.
fn cap(who: &str) -> String {
    inflect::capitalise(who.trim())
}

/// The subject pronoun for a pronoun or possessive found in the sentence.
fn pronoun_of(word: &str) -> String {
    match word.to_ascii_lowercase().as_str() {
        "she" | "her" | "herself" => "she".into(),
        "he" | "him" | "his" | "himself" => "he".into(),
        _ => "they".into(),
    }
}

/// "Hes" (a contraction without its apostrophe) → "He".
fn plain_who(who: &str) -> String {
    match who.trim() {
        "Hes" | "hes" => "He".into(),
        "Shes" | "shes" => "She".into(),
        w => w.to_string(),
    }
}

/// The person as the subject of a margin question: the note's name or
/// role, else the pronoun the sentence gives (`p`), else "they".
fn asker(cx: &Context<'_>, p: Option<&str>) -> String {
    match (cx.person.kind, p) {
        (Kind::Name | Kind::Role, _) => cx.person.named(),
        (_, Some(p)) => pronoun_of(p),
        _ => they(cx),
    }
}

/// The pronoun the sentence gives its person ("her cleaning it" → "she"),
/// or `None`.
fn sentence_pronoun(b: &str) -> Option<String> {
    let lower = format!(" {} ", b.to_ascii_lowercase());
    let f = [" she ", " her ", " herself ", " she's ", " shes "]
        .iter()
        .any(|w| lower.contains(w));
    let m = [" he ", " him ", " his ", " himself ", " he's ", " hes "]
        .iter()
        .any(|w| lower.contains(w));
    match (f, m) {
        (true, false) => Some("she".into()),
        (false, true) => Some("he".into()),
        _ => None,
    }
}

fn blame7(b: &str, cx: &Context<'_>) -> Option<(String, Option<String>)> {
    // "How many more chances is Mum going to need before she takes any of
    // this seriously?" → what has happened, and what would help now.
    if let Some(c) = rx!(r"^(?i:how many more)\s+(?P<what>[a-z][a-z -]*?)\s+(?i:does|do|will|is|are)\s+(?P<who>she|he|they|(?i:this|that|the)\s+[a-z]+|[A-Z][\w]*(?:\s+[A-Z][\w]*)?)\s+(?:(?i:going to|gonna)\s+)?(?i:need|needs|want|get|have|be given|be offered|get given)\b(?:\s+(?i:before|until)\s+(?P<p>she|he|they|it)\s+(?:(?i:actually|finally)\s+)?(?P<clause>.+))?$").captures(b) {
        let who = who_in(&c["who"], cx);
        let what = c["what"].trim();
        if what.eq_ignore_ascii_case("times") {
            return None;
        }
        let said = if is_pronoun(&who) { who.clone() } else { pronoun_of(c.name("p").map_or("they", |p| p.as_str())) };
        let has = if said == "they" { "have" } else { "has" };
        let first = format!(
            "What {what} has {who} had so far, and what {has} {said} said about them?"
        );
        let wonder = c.name("clause").and_then(|cl| {
            let cl = cl.as_str().trim();
            let take = rx!(r"(?i)^(?:takes?|took)\s+(?:any of\s+)?(?:this|it|things)\s+seriously\b");
            if take.is_match(cl) {
                return Some(format!("What would help {} take this on now?", as_object_of(&who)));
            }
            let (verb, rest) = cl.split_once(' ').unwrap_or((cl, ""));
            let base = inflect::base(verb)?;
            (!c["p"].eq_ignore_ascii_case("it"))
                .then(|| format!("What would help {} {base} {rest} now?", as_object_of(&who)))
        });
        return Some((first, wonder));
    }
    // "Does she expect us to visit four times a day forever?"
    if let Some(c) = rx!(r"^(?i:does|do)\s+(?P<who>she|he|they|[A-Z][a-z]+)\s+(?:(?i:really|honestly|seriously)\s+)?(?i:expect|think)\s+(?i:us|me|staff|carers|the team|everyone)\s+(?:(?i:to|will|can)\s+)(?P<verb>[a-z]+)\s+(?P<rest>.+?)\s+(?i:forever|for ever|for the rest of (?:her|his|their) life|indefinitely)$").captures(b) {
        let who = who_in(&c["who"], cx);
        let verb = inflect::base(&c["verb"])?;
        let rest = c["rest"].trim();
        return Some((
            format!("What has {who} said about being {} {rest}, and for how long?", inflect::participle(&verb)),
            Some(format!("What matters to {} about being {} {rest}?", as_object_of(&who), inflect::participle(&verb))),
        ));
    }
    // "Who takes out their own cannula and then complains the drip isn't
    // working?" → "Took out their own cannula, then said …".
    if let Some(c) = rx!(r"^(?i:who)\s+(?:(?i:on earth|in their right mind)\s+)?(?P<verb>[a-z]+)\b(?P<rest>[^?]*?)\s+(?i:and then|then|and)\s+(?P<v2>complains|moans|whinges|grumbles|says|asks|wonders)\b(?:\s+(?i:that|about))?(?P<rest2>[^?]*)$").captures(b) {
        let base = inflect::base(&c["verb"])?;
        let v2 = match c["v2"].to_ascii_lowercase().as_str() {
            "asks" => "asked",
            "wonders" => "wondered",
            _ => "said",
        };
        let rest2 = c["rest2"].trim();
        let rest2 = rest2.replace("isn't", "wasn't").replace("is not", "was not");
        let act = format!("{}{}", inflect::past(&base), &c["rest"]);
        return Some((
            format!("{act}, then {v2} {rest2} (say when)."),
            Some(format!("What was going on for {} when {} {act}?", named_object(cx), match cx.person.kind { Kind::Unnamed => "they".to_string(), _ => they(cx) })),
        ));
    }
    // "What is it going to take for him to stop over-talking in sessions?"
    if let Some(c) = rx!(r"^(?i:what(?:'s| is| will)?\s+(?:it\s+)?(?:going to\s+)?take)\s+(?i:for)\s+(?P<who>her|him|them|[A-Z][\w]*)\s+to\s+(?i:stop|quit|give up)\s+(?P<ing>[a-z-]+ing)(?P<rest>[^?]*)$").captures(b) {
        let who = who_in(&c["who"], cx);
        let subj = if is_pronoun(&who) { super::clause::as_subject(&who) } else { who.clone() };
        let ing = &c["ing"];
        let rest = c["rest"].trim_end();
        return Some((
            format!("{} {} been {ing}{rest} (say when, and how often).", cap(&subj), has(&subj)),
            Some(format!("What does {ing}{rest} do for {}?", as_object_of(&who))),
        ));
    }
    // "Does he honestly think the rent is going to pay itself?"
    if let Some(c) = rx!(r"^(?i:does|do|did)\s+(?P<who>she|he|they|[A-Z][\w]*)\s+(?:(?i:honestly|really|seriously|actually)\s+)?(?i:think|believe|expect)\s+(?:(?i:that)\s+)?(?P<np>(?:the|her|his|their)\s+[a-z ]+?)\s+(?:is|are|will)\s+(?:going to\s+)?(?P<verb>[a-z]+)\s+(?:itself|themselves|by (?:itself|themselves|magic))$").captures(b) {
        let who = who_in(&c["who"], cx);
        let base = inflect::base(&c["verb"])?;
        let np = c["np"].trim();
        let said = if is_pronoun(&who) { super::clause::as_subject(&who) } else { who.clone() };
        return Some((
            format!("What has {said} said about {} {np}?", inflect::present_participle(&base)),
            Some(format!("What makes {np} hard for {} right now?", as_object_of(&who))),
        ));
    }
    // "Why on earth would she let him back in after the last incident?"
    if let Some(c) = rx!(r"^(?i:why)\s+(?:(?i:on earth|ever|the hell)\s+)?(?i:would|did)\s+(?P<who>she|he|they|[A-Z][\w]*)\s+(?P<verb>[a-z]+)\b(?P<rest>[^?]*)$").captures(b) {
        let who = who_in(&c["who"], cx);
        let subj = if is_pronoun(&who) { super::clause::as_subject(&who) } else { who.clone() };
        // "Why did they not think …": "not" is no verb ("They notted
        // think", set p, rated 2).
        if c["verb"].eq_ignore_ascii_case("not") {
            return None;
        }
        let base = inflect::base(&c["verb"])?;
        if matches!(base.as_str(), "be" | "have" | "do" | "think" | "want" | "need") {
            return None;
        }
        let rest = c["rest"].trim_end();
        let obj_rest = rest.split(" after ").next().unwrap_or(rest).split(" when ").next().unwrap_or(rest);
        return Some((
            format!("{} {}{rest}.", cap(&subj), inflect::past(&base)),
            Some(format!(
                "What was going on for {} when {} {}{obj_rest}?",
                as_object_of(&who),
                who_word(&subj),
                inflect::past(&base)
            )),
        ));
    }
    // "What part of "no alcohol on the ward" did he not understand?"
    if let Some(c) = rx!(r#"^(?i:what part of)\s+["“'‘](?P<x>(?i:no|not)\s+[^"”'’?]+)["”'’]\s+(?i:does|do|did|is|are)\s+(?P<who>.+?)\s+(?:(?i:not|n't)\s+)?(?i:understand|get)\b"#).captures(b) {
        let who = who_in(&c["who"], cx);
        let said = if is_pronoun(&who) { super::clause::as_subject(&who) } else { who.clone() };
        let x = c["x"].trim();
        return Some((
            format!("What happened when {said} was told \"{x}\"? (say when, and what {said} said)"),
            Some(format!("What does \"{x}\" mean to {}?", as_object_of(&who))),
        ));
    }
    // "Why does he keep coming back if he has no intention of changing?"
    if let Some(c) = rx!(r"^(?i:why)\s+(?:(?i:on earth)\s+)?(?:does|do)\s+(?P<who>she|he|they|[A-Z][\w]*)\s+(?:(?i:still)\s+)?(?i:keep)\s+(?:on\s+)?(?P<ing>[a-z]+ing)(?P<rest>[^?]*?)\s+(?P<conj>(?i:if|when)\s+|(?:(?i:that|which)\s+)?)(?:she|he|they)\s+(?:has|have)\s+no\s+(?:real\s+)?(?i:intention|plan|interest)\s+(?:of|in)\s+(?P<x>[a-z]+ing[^?]*)$").captures(b) {
        let who = who_in(&c["who"], cx);
        let subj = if is_pronoun(&who) { super::clause::as_subject(&who) } else { who.clone() };
        let ing = &c["ing"];
        let rest = c["rest"].trim_end();
        // "saying yes to things he has no intention of doing": what he
        // said yes to is what the doing is about (round 12 left "What has
        // he said about doing?").
        let x = if c["conj"].trim().is_empty() {
            format!("{} them", c["x"].trim())
        } else {
            c["x"].trim().to_string()
        };
        return Some((
            format!("{} {} kept {ing}{rest} (say how often, and what {} {} said about {x}).", cap(&subj), has(&subj), pronoun_of(&subj), has(&pronoun_of(&subj))),
            Some(format!("What does {ing}{rest} give {}?", as_object_of(&who))),
        ));
    }
    None
}

/// "she" → "her"; a name as written.
fn as_object_of(who: &str) -> String {
    if is_pronoun(who) {
        super::clause::as_object(&super::clause::as_subject(&who.to_ascii_lowercase()))
    } else {
        who.to_string()
    }
}

fn intent7(b: &str, end: &str, cx: &Context<'_>) -> Option<(String, Option<String>)> {
    let p = sentence_pronoun(b);
    // "She's testing me by showing up late, seeing whether I'll hold the
    // frame." → "She has been showing up late; I wondered whether she was
    // testing me."
    if let Some(c) = rx!(r"^(?P<who>.+?)(?:'s|’s|\s+is|\s+was)\s+(?:(?i:clearly|obviously|just|deliberately)\s+)?(?P<m>testing|provoking|goading|baiting|punishing|manipulating)\s+(?P<obj>me|us|staff|the team|[a-z]+)\s+(?i:by)\s+(?P<ing>[a-z]+ing)(?P<rest>[^,;]*)(?:[,;].*)?$").captures(b) {
        let who = plain_who(&c["who"]);
        let p = if is_pronoun(&who) { who.to_ascii_lowercase() } else { p.clone().unwrap_or_else(|| they(cx)) };
        let was = if p == "they" { "were" } else { "was" };
        let act = format!("{}{}", &c["ing"], c["rest"].trim_end());
        return Some((
            format!("{} {} been {act}; I wondered whether {p} {was} {} {}{end}", cap(&who), has(&who), &c["m"], &c["obj"]),
            Some(format!("What is {act} like from {} side?", poss_of(&p))),
        ));
    }
    // "Pt clearly drug-seeking, asking for oramorph by name." → "Pt asked
    // for oramorph by name."
    if let Some(c) = rx!(r"^(?P<who>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)\s+(?:(?i:is|was)\s+)?(?i:clearly|obviously|just|blatantly)\s+(?:drug-seeking|attention-seeking|after attention|after drugs|angling for [a-z ]+),\s+(?P<ing>[a-z]+ing)(?P<rest>[^,;]*)$").captures(b) {
        let base = inflect::base(&c["ing"])?;
        let who = &c["who"];
        return Some((
            format!("{who} {}{}{end}", inflect::past(&base), c["rest"].trim_end()),
            topic_after(&c["rest"]).map(|x| {
                let pr = p.clone().unwrap_or_else(|| "they".into());
                format!("What would {who} say the {x} does for {}?", as_object_of(&pr))
            }),
        ));
    }
    // "Pt putting it on for the doctors, mobilised fine to the toilet when
    // she thought no one was looking."
    if let Some(c) = rx!(r"^(?P<who>.+?)\s+(?:(?i:is|was)\s+)?(?i:putting it on|putting on an act|laying it on|hamming it up|playing up)\s+(?i:for)\s+(?P<for>(?:the\s+)?[a-z]+),\s+(?P<fact>[a-z]+ed\b[^,;]*?)(?:\s+(?i:when)\s+(?:she|he|they)\s+thought\s+no\s*one\s+was\s+(?:looking|watching))?$").captures(b) {
        let who = &c["who"];
        let pr = p.clone().unwrap_or_else(|| they(cx));
        return Some((
            format!("{who} {} (say when, and what {pr} showed {}){end}", c["fact"].trim_end(), &c["for"]),
            Some(format!("What would {who} say about how {pr} {} with {}?", if pr == "they" { "are" } else { "is" }, &c["for"])),
        ));
    }
    // "Only here to keep his script, no real interest in recovery."
    if let Some(c) = rx!(r"^(?i:only|just)\s+(?:(?i:here|in|coming|attending)\s+)(?i:to|for)\s+(?:(?i:keep|get|hang on to|collect)\s+)?(?P<a>(?:his|her|their|the|a)\s+[a-z ]+?),\s*(?i:no|not any)\s+(?:(?i:real|genuine)\s+)?(?i:interest|intention|commitment)\s+(?i:in|to)\s+(?P<x>[a-z ]+)$").captures(b) {
        let who = asker(cx, c["a"].split(' ').next());
        return Some((
            format!("What has {who} said about {}, and about {}?", &c["a"], &c["x"]),
            Some(format!("What would {} mean to {} right now?", &c["x"], as_object_of(&who))),
        ));
    }
    // "Only after a sick note Dr, making the back sound worse than it is."
    if let Some(c) = rx!(r"^(?i:only|just)\s+(?i:after|here for|wants|wanting)\s+(?P<a>an?\s+[a-z ]+?)(?:\s+[A-Z][a-z]*)?,\s*(?i:making|made)\s+(?P<x>(?:the|her|his|their)\s+[a-z]+)\s+(?i:sound|seem|look)\s+worse\b.*$").captures(b) {
        let who = asker(cx, None);
        let x = c["x"].trim();
        return Some((
            format!("What did {who} say about {x}, and about {}?", &c["a"]),
            Some(format!("What is {x} like for {}, in {} words?", as_object_of(&who), poss_of(&pronoun_of(&who)))),
        ));
    }
    // "A career criminal with no intention of changing."
    if let Some(c) = rx!(r"(?i)\b(?:with\s+)?no\s+(?:real\s+)?(?:intention|plan|interest|desire)\s+(?:of|in)\s+(?P<x>[a-z]+ing)\b").captures(b) {
        let who = asker(cx, p.as_deref());
        let x = &c["x"];
        return Some((
            format!("What {} {who} said about {x}?", has(&who)),
            Some(format!("What would {x} mean for {}?", as_object_of(&who))),
        ));
    }
    // "Wet the bed again, think he does it just to get a reaction." → the act.
    if let Some(c) = rx!(r"^(?P<act>.+?),\s*(?:(?i:I|we)\s+)?(?i:think|reckon|suspect)\s+(?P<p>she|he|they)\s+(?:does|do|did)\s+it\s+(?:(?i:just|only|purely)\s+)?(?:to|for)\b.*$").captures(b) {
        let pr = pronoun_of(&c["p"]);
        return Some((
            format!("{}{end}", c["act"].trim()),
            Some(format!("What is going on for {} when that happens?", as_object_of(&pr))),
        ));
    }
    // A motive after the act, as the writer's wondering: "kicked off on
    // purpose so he'd get sent home" → "Kicked off; I wondered whether he
    // wanted to get sent home"; "Wet himself on purpose cos he didnt like
    // who was on shift" → "…; I wondered whether it was about who was on
    // shift"; "turns on the tears … to get out of math" → "has cried …; I
    // wondered whether it was about math".
    if let Some(c) = rx!(r"^(?P<act>.+?)\s+(?:(?i:on purpose|deliberately|purposely|intentionally)\s+)?(?:(?i:so)\s+(?P<p>she|he|they)(?:'d|’d|\s+would|\s+could|'ll|\s+will|\s+can)\s+(?P<want>.+)|(?i:cos|cause|coz|because|as)\s+(?:she|he|they)\s+(?i:didnt|didn't|did not|doesnt|doesn't|does not)\s+(?i:like|want)\s+(?P<about>.+)|(?i:to)\s+(?i:get out of|avoid|dodge|skip|miss)\s+(?P<out>.+))$").captures(b) {
        let whole_act = c["act"].trim();
        let had_motive_word = rx!(r"(?i)\b(?:on purpose|deliberately|purposely|intentionally)\b").is_match(b);
        let tears = rx!(r"(?i)^(?P<who>.*?)\s*\b(?:turns|turned|turning)\s+on\s+the\s+(?:tears|waterworks)\b(?P<rest>.*)$");
        let (act, cried) = match tears.captures(whole_act) {
            Some(t) => {
                let who = t["who"].trim();
                let lead = if who.is_empty() { "Has".to_string() } else { format!("{who} {}", has(who)) };
                (format!("{lead} cried{}", &t["rest"]), true)
            }
            None => (whole_act.to_string(), false),
        };
        if !(had_motive_word && c.name("out").is_none() || cried) {
            return None;
        }
        let act = strip_adverbs(&act);
        let act = act.trim();
        let pr = p.clone().unwrap_or_else(|| they(cx));
        let wonder_clause = if let Some(w) = c.name("want") {
            format!("{} wanted to {}", pronoun_of(&c["p"]), w.as_str().trim())
        } else if let Some(a) = c.name("about") {
            format!("it was about {}", a.as_str().trim())
        } else {
            format!("it was about {}", c["out"].trim())
        };
        return Some((
            format!("{act}; I wondered whether {wonder_clause}{end}"),
            Some(format!("What was going on for {} at the time, in {} words?", as_object_of(&pr), poss_of(&pr))),
        ));
    }
    // "Dresses inappropriately and clearly likes the attention it gets
    // her." → "…; I wondered whether she likes the attention it gets her."
    if let Some(c) = rx!(r"^(?P<act>.+?)\s+(?i:and)\s+(?i:clearly|obviously|plainly)\s+(?P<v>likes|enjoys|loves|wants|craves|needs)\s+(?P<x>.+)$").captures(b) {
        let pr = p.clone().unwrap_or_else(|| they(cx));
        let v = if pr == "they" { inflect::base(&c["v"])? } else { c["v"].to_string() };
        return Some((
            format!("{}; I wondered whether {pr} {v} {}{end}", c["act"].trim(), c["x"].trim()),
            noun_phrase(&c["x"]).map(|np| format!("What would {pr} say about {np}, if you asked?")),
        ));
    }
    // "He only signed up for coaching to tick a box for his promotion case."
    // → "He signed up for coaching; I wondered whether his promotion case
    // matters to him."
    if let Some(c) = rx!(r"^(?P<who>.+?)\s+(?i:only|just)\s+(?P<act>[a-z]+(?:s|ed)\b[^,;]*?)\s+(?:(?i:to)\s+[a-z ]*?\s+)?(?i:for)\s+(?P<x>(?:the|his|her|their|a|an)\s+[a-z ]+?)(?:\s+(?i:tbh|really|honestly))?$").captures(b) {
        let who = plain_who(&c["who"]);
        let pr = p.clone().unwrap_or_else(|| if is_pronoun(&who) { pronoun_of(&who) } else { they(cx) });
        let x = c["x"].trim();
        let matters = if x.ends_with('s') && !x.ends_with("ss") && !x.ends_with("case") { "matter" } else { "matters" };
        return Some((
            format!("{} {}; I wondered whether {x} {matters} to {}{end}", cap(&who), c["act"].trim(), as_object_of(&pr)),
            Some(format!("What does {} want from {}?", if is_pronoun(&who) { pronoun_of(&who) } else { who.clone() }, act_object(&c["act"]))),
        ));
    }
    None
}

/// "his" for "he", "her" for "she", "their" otherwise.
fn poss_of(p: &str) -> &'static str {
    match p {
        "she" => "her",
        "he" => "his",
        _ => "their",
    }
}

/// The thing after a verb of asking: " for oramorph by name" → "oramorph".
fn topic_after(rest: &str) -> Option<String> {
    let c = rx!(r"(?i)^\s*(?:for|about)\s+(?P<x>[a-z][\w-]*)").captures(rest)?;
    Some(c["x"].to_string())
}

/// What an act was about, for a question: "signed up for coaching" →
/// "coaching"; "turns up" → "coming".
fn act_object(act: &str) -> String {
    if let Some(c) = rx!(r"(?i)\b(?:for|to|with|at|in)\s+(?P<x>[a-z][\w -]*)$").captures(act.trim())
    {
        return c["x"].to_string();
    }
    noun_phrase(act).unwrap_or_else(|| "coming".into())
}

/// "He lies about absolutely everything, even what he had for lunch." →
/// the margin question about what was said and how the writer knows.
fn lies(b: &str, cx: &Context<'_>) -> Option<(String, Option<String>)> {
    let c = rx!(r"^(?P<who>.*?)\s*\b(?i:lies|lied|is lying|tells lies|told lies)\s+(?:(?i:through (?:her|his|their) teeth)\s+)?(?:(?i:to (?:me|us|staff|everyone))\s+)?(?i:about)\s+(?:(?i:absolutely|literally|just about|pretty much)\s+)?(?i:everything|every single thing|anything|all sorts)(?:,\s*(?i:even)\s+(?P<e>.+))?$").captures(b)?;
    let who = c["who"].trim();
    let p = sentence_pronoun(b);
    let who = if who.is_empty() {
        asker(cx, p.as_deref())
    } else {
        who_in(&plain_who(who), cx)
    };
    let such = c
        .name("e")
        .map(|e| format!(", even {}", e.as_str().trim()))
        .unwrap_or_default();
    let said = if is_pronoun(&who) {
        super::clause::as_subject(&who)
    } else {
        who.clone()
    };
    Some((
        format!("What has {said} told you that did not match what you know{such}? (say when, and how you know)"),
        Some(format!("What might make it hard for {} to tell you how things are?", as_object_of(&said))),
    ))
}

fn doubt7(b: &str, end: &str, cx: &Context<'_>) -> Option<(String, Option<String>)> {
    if let Some(out) = lies(b, cx) {
        return Some(out);
    }
    // "Dad conveniently "forgot" the time of the visit so he wouldn't have
    // to see me." → "Dad says he forgot the time of the visit."
    if let Some(c) = rx!(r#"^(?P<who>[A-Z][\w]*(?:\s+[A-Z][\w]*)?|she|he|they)\s+(?:(?i:conveniently|supposedly|apparently)\s+)?["“'‘](?P<v>[a-z]+)["”'’]\s+(?P<rest>[^,;]+?)(?:,?\s+(?i:so)\s+(?:that\s+)?(?:she|he|they)\s+(?:wouldn't|would not|didn't|did not|doesn't|does not|won't|could|would)\b.*)?$"#).captures(b) {
        let who = &c["who"];
        let p = if is_pronoun(who) { pronoun_of(who) } else { sentence_pronoun(b).unwrap_or_else(|| they(cx)) };
        let says = if p == "they" && is_pronoun(who) { "say" } else { "says" };
        let rest = c["rest"].trim_end();
        return Some((
            format!("{} {says} {p} {} {rest}{end}", cap(who), &c["v"]),
            Some(format!("What was going on for {} around {}?", as_object_of(&p), noun_phrase(rest).unwrap_or_else(|| "then".into()))),
        ));
    }
    // "Supposedly the mould came back within a week of her cleaning it." →
    // "She says the mould came back …": the report stays theirs.
    if let Some(c) = rx!(
        r"^(?i:supposedly|allegedly|reportedly),?\s+(?P<rest>(?i:the|a|an|her|his|their)\s+.+)$"
    )
    .captures(b)
    {
        let p = sentence_pronoun(b);
        let who = asker(cx, p.as_deref());
        let says = if who == "they" { "say" } else { "says" };
        let rest = &c["rest"];
        return Some((
            format!("{} {says} {}{end}", cap(&who), inflect::decapitalise(rest)),
            Some(format!(
                "What has {} been like for {}?",
                noun_phrase(rest).unwrap_or_else(|| "it".into()),
                as_object_of(&who)
            )),
        ));
    }
    None
}

/// The first noun phrase of a clause with a determiner: "the time of the
/// visit" → "the time of the visit"; "the mould came back" → "the mould".
fn noun_phrase(text: &str) -> Option<String> {
    let c = rx!(r"(?i)\b(?P<np>(?:the|her|his|their|a|an)\s+[a-z][\w-]*(?:\s+of\s+(?:the|her|his|their)\s+[a-z][\w-]*)?)").captures(text)?;
    Some(c["np"].to_string())
}

fn comply7(b: &str, end: &str, cx: &Context<'_>) -> Option<(String, Option<String>)> {
    // "Has been told repeatedly to stop co-sleeping and continues to ignore
    // advice." → "… and is still co-sleeping."
    if let Some(c) = rx!(r"^(?P<lead>.*?\b(?i:told|advised|asked|warned|reminded)\b(?:\s+(?i:repeatedly|many times|several times|again and again|more than once))?\s+to\s+(?i:stop)\s+(?P<ing>[a-z-]+ing)(?P<x>[^,;]*?))\s*,?\s+(?i:and|but)\s+(?:(?i:continues to|still)\s+)?(?i:ignores?|ignoring|disregards?|disregarding)\s+(?:(?i:the|this|that|all|our|my)\s+)?(?i:advice|guidance|instructions?|it)$").captures(b) {
        let lead = c["lead"].trim_end();
        let pr = sentence_pronoun(b).unwrap_or_else(|| they(cx));
        let is = if pr == "they" { "are" } else { "is" };
        let subjectless = rx!(r"^(?i:has|have|had|was|were)\b").is_match(lead);
        let still = if subjectless { format!("and {is} still") } else { format!("and {pr} {is} still") };
        let still = if subjectless { "and is still".to_string().replace("is", if is == "are" { "is" } else { is }) } else { still };
        return Some((
            format!("{lead} {still} {}{}{end}", &c["ing"], c["x"].trim_end()),
            Some(format!("What does {} mean for {}, in {} words?", &c["ing"], as_object_of(&pr), poss_of(&pr))),
        ));
    }
    // "Pt noncompliant w/ DBT diary cards x3 wks." → "Pt did not bring DBT
    // diary cards x3 wks."
    if let Some(c) = rx!(r"^(?P<who>.*?)\s*\b(?:(?i:was|is|has been|remains|were)\s+)?(?i:non-?\s?compliant|noncompliant|non-?adherent|not compliant|poorly compliant)\s+(?i:with|w/|to)\s+(?P<o>(?:(?:the|her|his|their)\s+)?(?:[\w-]+\s+){0,3}?(?i:diary cards?|cards|diar(?:y|ies)|logs?|worksheets?|sheets?|forms?|homework))(?P<rest>.*)$").captures(b) {
        let who = c["who"].trim();
        let o = c["o"].trim();
        let verb = if rx!(r"(?i)homework$").is_match(o) { "do" } else { "bring" };
        let rest = rx!(r"(?i)^\s+x\s?(?P<n>\d+)\s+(?P<u>wks?|weeks?|days?|sessions?)\b").replace(&c["rest"], |m: &Captures| {
            format!(" for {} {}", &m["n"], &m["u"])
        }).into_owned();
        let lead = if who.is_empty() { "Did not".to_string() } else { format!("{who} did not") };
        let o_topic = if rx!(r"(?i)^(?:the|her|his|their)\b").is_match(o) { o.to_string() } else { format!("the {o}") };
        return Some((
            format!("{lead} {verb} {o}{}{end}", rest.trim_end()),
            Some(format!("What got in the way of {o_topic} for {}?", named_object(cx))),
        ));
    }
    // "Remains non-compliant with his RAR sessions and uncooperative when
    // challenged." → a margin question about both.
    if let Some(c) = rx!(r"^(?P<who>.*?)\s*\b(?:(?i:remains|is|was|has been)\s+)?(?i:non-?\s?compliant|noncompliant|non-?adherent)\s+(?i:with|to)\s+(?P<o>[^,;]+?)\s+(?i:and)\s+(?:(?i:was|is)\s+)?(?i:uncooperative|unco-operative|obstructive|difficult|hostile)\s+(?P<when>(?i:when|with)\s+[^,;]+)$").captures(b) {
        let who = c["who"].trim();
        let pr = sentence_pronoun(b);
        let asked = if who.is_empty() { asker(cx, pr.as_deref()) } else { who_in(who, cx) };
        let said = if is_pronoun(&asked) { super::clause::as_subject(&asked) } else { asked.clone() };
        let when = c["when"].trim();
        let when = when.strip_prefix("when ").map_or(when.to_string(), |w| format!("when {} was {w}", pronoun_of(&said).replace("they was", "they were")));
        return Some((
            format!("What has happened with {}, and what did {said} say {when}? (say when)", &c["o"]),
            Some(format!("What got in the way of {} for {}?", &c["o"], as_object_of(&said))),
        ));
    }
    None
}

fn absolute7(b: &str, end: &str, cx: &Context<'_>) -> Option<(String, Option<String>)> {
    if let Some(out) = lies(b, cx) {
        return Some(out);
    }
    if let Some(out) = self_care(b, cx) {
        return Some(out);
    }
    // "Dad has not once followed through on a single thing agreed at core
    // group." → "Dad has not followed through on what was agreed at core
    // group."
    if let Some(c) = rx!(r"^(?P<who>.+?)\s+(?P<has>has|have|had)\s+(?:(?i:not once|never once|never))\s+(?P<pp>[a-z]+(?:\s+(?:through|up|out|in|back))?)\s+(?P<prep>on|with|to)\s+(?:(?i:a single thing|anything|one thing|any of the things|any of what was))\s+(?P<x>agreed|asked|suggested|offered|discussed|planned|promised|arranged)\b(?P<rest>.*)$").captures(b) {
        let who = &c["who"];
        let base = inflect::base(c["pp"].split(' ').next()?)?;
        let particle = c["pp"].split_once(' ').map(|(_, p)| format!(" {p}")).unwrap_or_default();
        return Some((
            format!("{who} {} not {} {} what was {}{}{end}", &c["has"], &c["pp"], &c["prep"], &c["x"], c["rest"].trim_end()),
            Some(format!("What would help {} {base}{particle} {} what was {}?", as_object_of(&who_in(who, cx)), &c["prep"], &c["x"])),
        ));
    }
    // "Jaden is incapable of taking accountability for anything."
    if let Some(c) = rx!(r"^(?P<who>.+?)\s+(?i:is|are|'s|seems|seem)\s+(?:(?i:utterly|completely|totally|just|simply)\s+)?(?i:incapable of|unable to|not capable of)\s+(?P<verb>[a-z]+)\s+(?P<x>[a-z ]+?)\s+(?i:for|about|with)\s+(?i:anything|everything|any of it)$").captures(b) {
        let w = plain_who(&c["who"]);
        let base = inflect::base(&c["verb"])?;
        return Some((
            format!("{w} {} found it hard to {base} {} (say when, and about what){end}", has(&w), c["x"].trim()),
            Some(format!("What would help {} {base} {} on a hard day?", as_object_of(&w), c["x"].trim())),
        ));
    }
    // "Same every visit with him: nothing is ever his fault."; "Typical
    // alcoholic, everything is always someone else's fault."
    if let Some(c) = rx!(r"(?i)(?:^|[:;,]\s*)(?:nothing\s+is\s+ever\s+(?P<poss>her|his|their)\s+(?:own\s+)?fault|(?:everything\s+is|it\s+is|it's|it’s)\s+always\s+(?:someone|somebody|everyone|everybody)\s+else's\s+fault)\s*$").captures(b) {
        let p = match c.name("poss") {
            Some(poss) => pronoun_of(poss.as_str()),
            None => sentence_pronoun(b).unwrap_or_else(|| they(cx)),
        };
        let who = asker(cx, Some(&p));
        let said = who.clone();
        let which = if rx!(r"(?i)\bevery\s+(?:visit|session|time|meeting)").is_match(b) { "say which visits" } else { "say when" };
        return Some((
            format!("What {} {said} said about {} part in what went wrong? ({which})", has(&said), poss_of(&pronoun_of(&p))),
            Some(format!("What would make it safer for {} to talk about {} part?", as_object_of(&who), poss_of(&pronoun_of(&p)))),
        ));
    }
    // "Mum is constantly on her phone and completely oblivious to the baby."
    if let Some(c) = rx!(r"^(?P<who>.+?)\s+(?i:is|was|are)\s+(?i:constantly|always|forever|permanently)\s+on\s+(?P<poss>her|his|their)\s+phone\s+(?i:and)\s+(?:(?i:completely|totally|utterly)\s+)?(?i:oblivious|indifferent|unresponsive|blind)\s+to\s+(?P<x>.+)$").captures(b) {
        let who = &c["who"];
        let p = pronoun_of(&c["poss"]);
        let x = c["x"].trim();
        return Some((
            format!("What did you see {who} do with {x} while {p} was on {} phone? (say when, and how often)", &c["poss"]),
            Some(format!("What is going on for {who} when {p} {} on {} phone?", if p == "they" { "are" } else { "is" }, &c["poss"])),
        ));
    }
    // "Hes never happy with anything we offer him."
    if let Some(c) = rx!(r"^(?P<who>.*?)\s*(?:(?i:is|are|'s|was|were)\s+)?(?i:never|not ever)\s+(?P<adj>happy|satisfied|pleased|content|grateful)\s+(?i:with)\s+(?i:anything|everything)\s+(?P<we>we|I|staff)\s+(?P<v>offer|suggest|do|try)\b(?P<rest>.*)$").captures(b) {
        let w = plain_who(&c["who"]);
        let lead = if w.is_empty() { "Has".to_string() } else { format!("{w} {}", has(&w)) };
        let v = inflect::participle(&inflect::base(&c["v"])?);
        let p = if is_pronoun(&w) { pronoun_of(&w) } else { sentence_pronoun(b).unwrap_or_else(|| they(cx)) };
        return Some((
            format!("{lead} not been {} with what {} {} {v}{} (say what, and when){end}", &c["adj"], &c["we"], if c["we"].eq_ignore_ascii_case("staff") { "has" } else { "have" }, c["rest"].trim_end()),
            Some(format!("What would {p} want {} to {} instead?", if c["we"].eq_ignore_ascii_case("I") { "me" } else if c["we"].eq_ignore_ascii_case("we") { "us" } else { &c["we"] }, &c["v"])),
        ));
    }
    None
}

/// "Pt won't do a thing for herself and expects staff to do everything."
/// → the margin question about what she did and asked for.
fn self_care(b: &str, cx: &Context<'_>) -> Option<(String, Option<String>)> {
    let c = rx!(r"^(?P<who>.+?)\s+(?i:won't|wont|will not|doesn't|does not|never)\s+(?:(?i:even)\s+)?(?i:do|does|lift)\s+(?:(?i:a thing|anything|a single thing|a finger))\s+(?i:for)\s+(?P<self>herself|himself|themselves)(?:\s+(?i:and)\s+(?i:expects|wants)\s+(?P<staff>staff|us|carers|everyone|the nurses|others)\s+to\s+do\s+(?:(?i:everything|it all|the lot))(?:\s+(?i:for)\s+(?:her|him|them))?)?$").captures(b)?;
    let who = who_in(&c["who"], cx);
    let p = pronoun_of(&c["self"]);
    let staff = c
        .name("staff")
        .map(|s| format!(", and what has {p} asked {} to do", s.as_str()));
    Some((
        format!(
            "What has {who} done for {}{}? (say when)",
            &c["self"],
            staff.unwrap_or_default()
        ),
        Some(format!(
            "What would {} like to manage for {} again?",
            as_object_of(&who)
                .replace("her", "she")
                .replace("him", "he"),
            &c["self"]
        )),
    ))
}

fn moral7(b: &str, end: &str, cx: &Context<'_>) -> Option<(String, Option<String>)> {
    if let Some(out) = self_care(b, cx) {
        return Some(out);
    }
    // "Mum ought to be putting the children before her new boyfriend."
    if let Some(c) = rx!(r"^(?P<who>.+?)\s+(?i:ought to|should|needs to|must|has to)\s+(?:(?i:really|start)\s+)?(?:be\s+)?(?i:putting|put)\s+(?P<a>.+?)\s+(?i:before|ahead of|above|over)\s+(?P<x>.+)$").captures(b) {
        let who = who_in(&c["who"], cx);
        let a = c["a"].trim().trim_end_matches(" first");
        return Some((
            format!("What has {who} said about {a} and {}?", c["x"].trim()),
            Some(format!("What matters most to {} about {a} right now?", as_object_of(&who))),
        ));
    }
    // "He needs to take responsibility for his own choices instead of
    // blaming his ex for everything."
    if let Some(c) = rx!(r"^(?P<who>.+?)\s+(?i:needs to|should|must|has to|ought to)\s+(?:(?i:start to|start|learn to|really)\s+)?(?i:take|accept)\s+(?:(?i:more|some|full|proper|real)\s+)?(?i:responsibility|ownership)\s+(?i:for)\s+(?P<a>[^,;]+?)(?:,?\s+(?i:instead of|rather than)\s+(?i:blaming)\s+(?P<x>(?:her|his|their|the)\s+[a-z]+|[A-Z][a-z]+|everyone else|others)\b.*)?$").captures(b) {
        let who = who_in(&c["who"], cx);
        let a = c["a"].trim();
        let x = c.name("x").map(|x| format!(", and about {}", x.as_str())).unwrap_or_default();
        let said = if is_pronoun(&who) { super::clause::as_subject(&who) } else { who.clone() };
        return Some((
            format!("What has {said} said about {a}{x}?"),
            Some(format!("What would {} like to do about {a} now?", as_subject_of(&said))),
        ));
    }
    // "Pt really should have come in days ago instead of leaving it until it
    // got this bad." → "Pt left it until it got this bad before coming in."
    if let Some(c) = rx!(r"^(?P<who>.+?)\s+(?:(?i:really)\s+)?(?i:should|ought to)\s+(?:(?i:really)\s+)?(?i:have)\s+(?P<v>[a-z]+)(?P<part>\s+(?:in|up|back|round|over|forward|home))?(?:\s+[^,]*?)?\s+(?i:instead of|rather than)\s+(?P<ing>[a-z]+ing)(?P<rest>.*)$").captures(b) {
        let who = &c["who"];
        let v = inflect::base(&c["v"])?;
        let ing_base = inflect::base(&c["ing"])?;
        let part = c.name("part").map_or("", |p| p.as_str());
        return Some((
            format!("{who} {}{} before {}{part}{end}", inflect::past(&ing_base), c["rest"].trim_end(), inflect::present_participle(&v)),
            Some(format!("What kept {} from {}{part} sooner?", as_object_of(&who_in(who, cx)), inflect::present_participle(&v))),
        ));
    }
    // "A bit of gratitude wouldn't go amiss after everything we've done for her."
    if let Some(c) = rx!(r"^(?i:a bit of|a little|some|a little bit of)\s+(?i:gratitude|thanks|appreciation|thankfulness)\s+(?i:wouldn't|would not|wouldnt)\s+(?i:go amiss|hurt)\b.*?\b(?i:for)\s+(?P<o>her|him|them)\s*$").captures(b) {
        let p = pronoun_of(&c["o"]);
        let who = asker(cx, Some(&p));
        let pp = if is_pronoun(&who) { pronoun_of(&who) } else { p.clone() };
        return Some((
            format!("What has {who} said about the help {pp} {} had?", has(&pp)),
            Some(format!("What is it like for {} to need this much help right now?", as_object_of(&pp))),
        ));
    }
    // "He's made his bed; he chose to go back to using."
    if let Some(c) = rx!(r"^(?:(?P<who>.+?)(?:'s|’s|\s+has)\s+)?(?i:made)\s+(?:her|his|their)\s+(?i:bed)\s*[;,:.]\s*(?P<p>she|he|they)\s+(?i:chose|decided|opted)\s+to\s+(?P<v>[a-z]+)(?P<rest>.*)$").captures(b) {
        let p = pronoun_of(&c["p"]);
        let v = inflect::base(&c["v"])?;
        let who = c.name("who").map_or(p.clone(), |w| w.as_str().to_string());
        return Some((
            format!("{} {}{}{end}", cap(&who), inflect::past(&v), c["rest"].trim_end()),
            Some(format!("What would {p} say led to {}{}?", inflect::present_participle(&v), c["rest"].trim_end())),
        ));
    }
    // "What does she expect when she keeps missing the scans?" → "She has
    // missed the scans (say when)." and the question from her side (set n:
    // the whole question quoted into "read as" was rated 2).
    if let Some(c) = rx!(r"^(?i:what (?:does|did|do) (?P<p>she|he|they) (?:really |honestly )?expect)\s*,?\s*(?i:when|if)\s+(?:she|he|they)\s+(?:(?i:keeps|keep|kept)\s+)?(?P<v>[a-z]+ing)\s+(?P<rest>[^,;?]+?)$").captures(b) {
        let p = pronoun_of(&c["p"]);
        let v = inflect::base(&c["v"])?;
        let rest = c["rest"].trim();
        return Some((
            format!("{} {} {} {rest} (say when).", cap(&p), has(&p), inflect::participle(&v)),
            Some(format!("What was going on for {} when {p} {} {rest}?", as_object_of(&p), inflect::past(&v))),
        ));
    }
    // "What does she expect, back hanging round with the same crowd?"
    if let Some(c) = rx!(r"^(?i:what (?:does|did|do) (?P<p>she|he|they) expect)\s*[,?:;]\s*(?P<rest>(?i:back|still|out)\s+[a-z]+ing\b.+?)$").captures(b) {
        let p = pronoun_of(&c["p"]);
        let is = if p == "they" { "are" } else { "is" };
        let rest = c["rest"].trim().trim_end_matches('?');
        return Some((
            format!("{} {is} {rest}.", cap(&p)),
            rx!(r"(?i)\b(?:with|to|round|around|at)\s+(?P<np>(?:the|her|his|their)\s+.+)$")
                .captures(rest)
                .map(|n| format!("What draws {} to {}?", as_object_of(&p), &n["np"])),
        ));
    }
    // "It's about time she started putting her recovery first for once."
    if let Some(c) = rx!(r"^(?i:it's|it’s|its|it is)\s+(?:(?i:about|high)\s+)?(?i:time)\s+(?P<who>she|he|they|[A-Z][\w]*)\s+(?:(?i:started|began|start|begins)\s+)?(?P<v>[a-z]+)(?P<rest>.*?)(?:,?\s+(?i:for once|for a change))?$").captures(b) {
        let who = who_in(&c["who"], cx);
        let said = if is_pronoun(&who) { super::clause::as_subject(&who) } else { who.clone() };
        let v = c["v"].to_ascii_lowercase();
        let base = inflect::base(&v)?;
        let rest = c["rest"].trim_end();
        return Some((
            format!("What has {said} said about {}{rest}?", inflect::present_participle(&base)),
            Some(format!("What would help {} {base}{rest} now?", as_object_of(&said))),
        ));
    }
    // "Frankly irresponsible to be drinking while breastfeeding, and she
    // knows it." → "She has been drinking while breastfeeding (…)".
    if let Some(c) = rx!(r"^(?:(?i:frankly|honestly|utterly|totally|just|so|very)\s+)*(?i:irresponsible|selfish|reckless|thoughtless|careless|wrong|negligent|shameful|disgraceful|appalling)\s+(?:(?i:of (?:her|him|them))\s+)?to\s+be\s+(?P<ing>[a-z]+ing)(?P<rest>[^,;]*)(?:,?\s+(?i:and)\s+(?P<p>she|he|they)\s+(?i:knows|know)\s+(?i:it|that|better))?$").captures(b) {
        let p = c.name("p").map_or_else(|| sentence_pronoun(b).unwrap_or_else(|| they(cx)), |p| pronoun_of(p.as_str()));
        let rest = c["rest"].trim_end();
        return Some((
            format!("{} {} been {}{rest} (say what {p} {} said about it){end}", cap(&p), has(&p), &c["ing"], has(&p)),
            Some(format!("What does {}{rest} mean for {} right now?", &c["ing"], as_object_of(&p))),
        ));
    }
    // "She took on a friend as a client, so she only has herself to blame
    // now it has gone wrong." → "…, and it has gone wrong."
    if let Some(c) = rx!(r"^(?P<fact>.+?),?\s+(?i:so)\s+(?:she|he|they)\s+(?:(?i:only)\s+)?(?:has|have)\s+(?:(?i:only)\s+)?(?:herself|himself|themselves)\s+to\s+blame(?:\s+(?i:now|if|when)\s+(?P<rest>.+))?$").captures(b) {
        let p = sentence_pronoun(b).unwrap_or_else(|| they(cx));
        let rest = c.name("rest").map(|r| format!(", and {}", r.as_str().trim())).unwrap_or_default();
        return Some((
            format!("{}{rest}{end}", c["fact"].trim()),
            Some(format!("What would {p} like to do about it now?")),
        ));
    }
    None
}

/// "her" → "she"; a name as written.
fn as_subject_of(who: &str) -> String {
    if is_pronoun(who) {
        super::clause::as_subject(&who.to_ascii_lowercase())
    } else {
        who.to_string()
    }
}

/// Words that end a doubted account's noun ("the food bank" runs on over
/// "bank", "a drink since Friday" stops at "since").
const NOT_NOUN: &[&str] = &[
    "at",
    "in",
    "on",
    "to",
    "of",
    "for",
    "with",
    "by",
    "from",
    "into",
    "that",
    "which",
    "who",
    "when",
    "while",
    "because",
    "so",
    "then",
    "or",
    "but",
    "as",
    "if",
    "than",
    "again",
    "there",
    "here",
    "got",
    "went",
    "came",
    "broke",
    "fell",
    "ran",
    "left",
    "took",
    "gave",
    "made",
    "were",
    "are",
    "be",
    "been",
    "being",
    "not",
    "never",
    "only",
    "up",
    "down",
    "out",
    "off",
    "over",
    "after",
    "before",
    "about",
    "every",
    "all",
    "too",
    "very",
    "well",
    "since",
    "until",
    "till",
    "ago",
    "last",
    "this",
    "next",
    "today",
    "tonight",
    "yesterday",
    "now",
    "ever",
    "yet",
    "any",
    "some",
    "no",
    "his",
    "her",
    "their",
    "its",
    "the",
    "a",
    "an",
    "and",
    "is",
    "was",
    "has",
    "had",
    "did",
    "have",
    "do",
    "does",
    "can",
    "will",
    "would",
    "could",
    "should",
    "must",
    "might",
    "may",
];

/// The curious question about a doubted account, made from what the
/// account is about: "Mum alleges the bruise happened at nursery." → "What
/// more would Mum tell you about the bruise, if you asked?".
fn doubt_wonder(cx: &Context<'_>) -> Option<String> {
    let (b, _) = body(cx.sentence().trim());
    let c = rx!(r"(?i)\b(?:claims?|claimed|insists?|insisted|alleges?|alleged|maintains?|maintained|says|said|reports?|reported|tells (?:me|us|staff)|told (?:me|us|staff)|adamant|swears|swore)\s+(?:that\s+)?(?P<clause>.+)$")
        .captures(b)?;
    // The account, not the doubt after it ("…, though I'd take that with
    // a large pinch of salt").
    let clause = c["clause"]
        .split([',', ';'])
        .next()
        .unwrap_or("")
        .split(" but ")
        .next()
        .unwrap_or("");
    let np = rx!(r"(?i)\b(?P<np>(?:the|her|his|their|a|an)\s+(?:(?:large|small|big|few|little|new|old|whole|same|other|right|wrong|bad|good)\s+)?[a-z][\w-]*)")
        .captures(clause)?
        .name("np")?;
    // "the food bank", "the younger girl": the noun runs on over words
    // that are no verb or function word ("What more would they tell you
    // about the food", set v, lost the bank).
    let mut np_end = np.end();
    for _ in 0..2 {
        let rest = &clause[np_end..];
        let Some(word) = rest.strip_prefix(' ').and_then(|r| r.split(' ').next()) else {
            break;
        };
        let lower = word.to_ascii_lowercase();
        let plain = !word.is_empty() && word.chars().all(|c| c.is_ascii_lowercase() || c == '-');
        if !plain
            || super::person::looks_like_verb(&lower)
            || NOT_NOUN.contains(&lower.as_str())
            // "her clients rate her highly": a word with an object after
            // it is a verb.
            || rest[1 + word.len()..]
                .split_whitespace()
                .next()
                .is_some_and(|n| {
                    matches!(
                        n.to_ascii_lowercase().as_str(),
                        "her" | "him" | "them" | "his" | "their" | "the" | "a" | "an" | "it"
                            | "me" | "us" | "my" | "our" | "your" | "that"
                    )
                })
            || lower.ends_with("ly")
        {
            break;
        }
        np_end += 1 + word.len();
    }
    let np = clause[np.start()..np_end].to_string();
    // "the time", "a lot": not a topic; nor the person themselves.
    let noun = np.rsplit(' ').next().unwrap_or("").to_ascii_lowercase();
    let person = named_subject(cx).to_ascii_lowercase();
    let person_noun = person.rsplit(' ').next().unwrap_or("").to_string();
    if matches!(
        noun.as_str(),
        "time"
            | "lot"
            | "bit"
            | "way"
            | "thing"
            | "things"
            | "day"
            | "week"
            | "large"
            | "small"
            | "big"
            | "few"
            | "little"
            | "other"
            | "same"
    ) || noun == person_noun
        || np.eq_ignore_ascii_case(&person)
    {
        return None;
    }
    Some(format!(
        "What more would {} tell you about {np}, if you asked?",
        named_subject(cx)
    ))
}

/// The second round of constructions, from the comments on sets d, e and
/// f: the ones that recur across voices (a picture held against the
/// person, "should be grateful for", "only has himself to blame for",
/// "chose X over Y", "only … cos there was", "angling for").
fn more7(rule: Six, b: &str, end: &str, cx: &Context<'_>) -> Option<(String, Option<String>)> {
    match rule {
        Six::Blame => {
            // "Does she think we have nothing better to do than fetch her
            // water every ten minutes?" → "She has asked us to fetch her
            // water every ten minutes (say when)."
            if let Some(c) = rx!(r"^(?i:does|do)\s+(?P<who>she|he|they|[A-Z][\w]*)\s+(?:(?i:really|honestly|seriously|actually)\s+)?(?i:think)\s+(?i:we|staff|I)\s+(?:have|has)\s+nothing\s+better\s+to\s+do\s+than\s+(?P<v>[a-z]+)\b(?P<rest>.*)$").captures(b) {
                let who = who_in(&c["who"], cx);
                let subj = as_subject_of(&who);
                let base = inflect::base(&c["v"])?;
                let rest = c["rest"].trim_end();
                return Some((
                    format!("{} {} asked us to {base}{rest} (say when).", cap(&subj), has(&subj)),
                    Some(format!("What is it like for {} to need us to {base}{rest}?", as_object_of(&who))),
                ));
            }
            // "Does Dion think the youth club is a hotel?", "Does he think
            // we're a taxi service??": a picture, not a view.
            if let Some(c) = rx!(r"^(?i:does|do)\s+(?P<who>she|he|they|[A-Z][\w]*)\s+(?:(?i:really|honestly|seriously|actually)\s+)?(?i:think)\s+(?P<place>(?:the|this|our)\s+[a-z ]+?|we|staff|I)\s*(?:is|are|'re|’re|am|'m)\s+(?:a|an|his|her|their)\s+[a-z ]+$").captures(b) {
                let who = who_in(&c["who"], cx);
                let subj = as_subject_of(&who);
                let place = match c["place"].to_ascii_lowercase().as_str() {
                    "we" | "staff" | "i" => "of us".to_string(),
                    _ => format!("of {}", inflect::decapitalise(&c["place"])),
                };
                return Some((
                    format!("What {} {subj} asked {place}? (say when, and how often)", has(&subj)),
                    Some(format!("What does {} need from us right now?", as_subject_of(&who))),
                ));
            }
            // "What exactly does he think the licence conditions are for?"
            if let Some(c) = rx!(r"^(?i:what)\s+(?:(?i:exactly|on earth)\s+)?(?i:does|do)\s+(?P<who>she|he|they|[A-Z][\w]*)\s+(?:(?i:really|honestly|actually)\s+)?(?i:think)\s+(?P<np>(?:the|her|his|their)\s+[a-z ]+?)\s+(?:is|are)\s+for$").captures(b) {
                let who = who_in(&c["who"], cx);
                let subj = as_subject_of(&who);
                let np = &c["np"];
                return Some((
                    format!("What {} {subj} said about {np}?", has(&subj)),
                    Some(format!("What does {np} mean to {}?", as_object_of(&who))),
                ));
            }
            // "What does he expect to happen if he keeps rolling in forty
            // minutes late?", "What does Freya honestly think will happen if
            // she keeps truanting?"
            if let Some(c) = rx!(r"^(?i:what)\s+(?i:does|do)\s+(?P<who>she|he|they|[A-Z][\w]*)\s+(?:(?i:honestly|really|actually)\s+)?(?i:expect to happen|think will happen|think is going to happen)\s+(?i:if|when)\s+(?:she|he|they)\s+(?i:keeps?|carries on|goes on)\s+(?P<ing>[a-z]+ing)(?P<rest>.*)$").captures(b) {
                let who = who_in(&c["who"], cx);
                let subj = as_subject_of(&who);
                let rest = c["rest"].trim_end();
                return Some((
                    format!("{} {} been {}{rest} (say when, and how often).", cap(&subj), has(&subj), &c["ing"]),
                    Some(format!("What would {} say is going on when {} {} {}{rest}?", as_subject_of(&who), pronoun_of(&subj), if pronoun_of(&subj) == "they" { "are" } else { "is" }, &c["ing"])),
                ));
            }
            // "How does she expect to get her kids back if she can't stay
            // off the gear for a week?"
            if let Some(c) = rx!(r"^(?i:how)\s+(?i:does|do|can)\s+(?P<who>she|he|they|[A-Z][\w]*)\s+(?i:expect|hope)\s+to\s+(?P<v>[a-z]+)(?P<r>[^,]*?)\s+(?i:if|when)\s+(?:she|he|they)\s+(?i:can't|cannot|won't|doesn't|does not)\s+(?:even\s+)?(?P<v2>[a-z]+)(?P<r2>.*)$").captures(b) {
                let who = who_in(&c["who"], cx);
                let subj = as_subject_of(&who);
                let v = inflect::base(&c["v"])?;
                let v2 = inflect::base(&c["v2"])?;
                return Some((
                    format!("What {} {subj} said about {}{}?", has(&subj), inflect::present_participle(&v), c["r"].trim_end()),
                    Some(format!("What would help {} {v2}{}?", as_object_of(&who), c["r2"].trim_end())),
                ));
            }
            // "Does she actually want to get better, or does she just want
            // somewhere to complain?"
            if let Some(c) = rx!(r"^(?i:does|do)\s+(?P<who>she|he|they|[A-Z][\w]*)\s+(?:(?i:actually|really|even|genuinely)\s+)?(?i:want)\s+to\s+(?P<v>[a-z]+)(?P<r>[^,]*?)(?:,?\s+(?i:or)\b.*)?$").captures(b) {
                let who = who_in(&c["who"], cx);
                let subj = as_subject_of(&who);
                let v = inflect::base(&c["v"])?;
                let r = c["r"].trim_end();
                return Some((
                    format!("What {} {subj} said about {}{r}?", has(&subj), inflect::present_participle(&v)),
                    Some(format!("What would {}{r} look like to {}?", inflect::present_participle(&v), as_object_of(&who))),
                ));
            }
            // "Why is it always someone else's fault with Mr Vance?"
            if let Some(c) = rx!(r"^(?i:why)\s+(?i:is it)\s+(?i:always|never)\s+(?i:someone else's|somebody else's|everyone else's|anyone's but (?:his|hers|theirs))\s+(?i:fault)\s+(?i:with)\s+(?P<who>.+)$").captures(b) {
                let who = who_in(&c["who"], cx);
                let p = match cx.person.gender {
                    Gender::Female => "she",
                    Gender::Male => "he",
                    _ => "they",
                };
                return Some((
                    format!("What {} {who} said about {} part in what went wrong? (say when)", has(&who), poss_of(p)),
                    Some(format!("What would make it safer for {} to talk about {} part?", as_object_of(&who), poss_of(p))),
                ));
            }
            None
        }
        Six::Absolute => {
            // "Not once has he done the exercises I left him."
            if let Some(c) = rx!(r"^(?i:not once|never once)\s+(?P<has>has|have|did)\s+(?P<who>she|he|they|[A-Z][\w]*)\s+(?P<v>[a-z]+)(?P<rest>.*)$").captures(b) {
                let who = c["who"].to_string();
                let subj = as_subject_of(&who);
                let base = inflect::base(&c["v"])?;
                let rest = c["rest"].trim_end();
                let (aux, verb) = if c["has"].eq_ignore_ascii_case("did") { ("did".to_string(), base.clone()) } else { (has(&subj).to_string(), inflect::participle(&base)) };
                return Some((
                    format!("{} {aux} not {verb}{rest}{end}", cap(&subj)),
                    Some(format!("What gets in the way of {}{rest} for {}?", inflect::present_participle(&base), as_object_of(&who))),
                ));
            }
            // "Says no to absolutely everything I ask."
            if let Some(c) = rx!(r"^(?P<who>.*?)\s*\b(?i:says|said)\s+no\s+to\s+(?:(?i:absolutely|literally|just about)\s+)?(?i:everything|anything)\s+(?P<we>I|we|staff)\s+(?P<v>ask|suggest|offer)$").captures(b) {
                let w = c["who"].trim();
                let lead = if w.is_empty() { "Has".to_string() } else { format!("{w} {}", has(w)) };
                let v = inflect::participle(&inflect::base(&c["v"])?);
                let hv = "have";
                return Some((
                    format!("{lead} said no to what {} {hv} {v} (say what, and when){end}", &c["we"]),
                    Some(format!("What would {} say yes to?", if w.is_empty() { named_subject(cx) } else { w.to_string() })),
                ));
            }
            // "Pt has refused absolutely everything offered since admission."
            if let Some(c) = rx!(r"^(?P<who>.+?)\s+(?i:has|have)\s+(?i:refused|declined|rejected)\s+(?:(?i:absolutely|literally|just about|pretty much)\s+)?(?i:everything|anything)\s+(?i:offered|suggested)(?P<rest>.*)$").captures(b) {
                let w = c["who"].trim();
                return Some((
                    format!("{w} {} declined what was offered{} (say what, and when){end}", has(w), c["rest"].trim_end()),
                    Some(format!("What would {w} want from us instead?")),
                ));
            }
            // "Wanders all night every night, never settles."
            if let Some(c) = rx!(r"^(?P<act>.+?)\s+(?i:all night every night|every night|night after night)\s*(?:,\s*(?i:never)\s+(?P<v>settles|sleeps|rests))?$").captures(b) {
                let not = c.name("v").map(|v| format!(", has not {}", match v.as_str() { "settles" => "settled", "sleeps" => "slept", _ => "rested" })).unwrap_or_default();
                return Some((
                    format!("{} at night{not} (say which nights, and for how long){end}", c["act"].trim()),
                    Some(format!("What is night-time like for {}?", named_object(cx))),
                ));
            }
            None
        }
        Six::Moral => {
            // "Client needs to take some personal responsibility instead of
            // blaming her childhood."; "She really needs to own her part in
            // the affair instead of blaming him."
            if let Some(c) = rx!(r"^(?P<who>.+?)\s+(?:(?i:really)\s+)?(?i:needs to|should|must|has to|ought to)\s+(?:(?i:really|start to|learn to)\s+)?(?:(?i:take|accept)\s+(?:(?i:some|more|full|proper|real)\s+)?(?:(?i:personal)\s+)?(?i:responsibility|ownership)|(?i:own)\s+(?P<part>(?:her|his|their)\s+part(?:\s+in\s+[^,]+?)?))\s+(?i:instead of|rather than)\s+(?i:blaming)\s+(?P<x>.+)$").captures(b) {
                let who = who_in(&c["who"], cx);
                let subj = as_subject_of(&who);
                let p = pronoun_of(c.name("part").map_or("", |p| p.as_str()).split(' ').next().unwrap_or(""));
                let p = if p == "they" { sentence_pronoun(b).unwrap_or_else(|| they(cx)) } else { p };
                let part = c.name("part").map_or_else(|| format!("{} part", poss_of(&p)), |m| m.as_str().to_string());
                return Some((
                    format!("What {} {subj} said about {part}, and about {}?", has(&subj), c["x"].trim()),
                    Some(format!("What would make it safer for {} to talk about {part}?", as_object_of(&who))),
                ));
            }
            // "Frankly she should be grateful for the package they offered
            // her."; "SU should be more grateful for the support she gets here."
            if let Some(c) = rx!(r"^(?:(?i:frankly|honestly),?\s+)?(?P<who>.+?)\s+(?:(?i:really)\s+)?(?i:should|ought to|needs to)\s+be\s+(?:(?i:more|a bit more|a lot more)\s+)?(?i:grateful|thankful)\s+(?i:for)\s+(?P<x>(?:the|her|his|their|all the|what)\s+.+)$").captures(b) {
                let who = who_in(&c["who"], cx);
                let subj = as_subject_of(&who);
                let x = c["x"].trim();
                return Some((
                    format!("What {} {subj} said about {x}?", has(&subj)),
                    Some(format!("What is it like for {} to need {}?", as_object_of(&who), x.split(' ').take(2).collect::<Vec<_>>().join(" "))),
                ));
            }
            // "He only has himself to blame for losing the flat."
            if let Some(c) = rx!(r"^(?P<who>.+?)\s+(?:(?i:only)\s+)?(?:has|have)\s+(?:(?i:only)\s+)?(?P<self>herself|himself|themselves)\s+to\s+blame\s+(?i:for)\s+(?P<ing>[a-z]+ing)(?P<rest>.*)$").captures(b) {
                let who = c["who"].trim();
                let p = pronoun_of(&c["self"]);
                let base = inflect::base(&c["ing"])?;
                let rest = c["rest"].trim_end();
                return Some((
                    format!("{} {}{rest} (say what {p} {} said about it){end}", cap(who), inflect::past(&base), has(&p)),
                    Some(format!("What would {p} like to do about it now?")),
                ));
            }
            // "Pt should really have ordered her repeats in time like
            // everyone else." → "Pt did not order her repeats in time."
            if let Some(c) = rx!(r"^(?P<who>.+?)\s+(?:(?i:really)\s+)?(?i:should|ought to)\s+(?:(?i:really)\s+)?(?i:have)\s+(?P<v>[a-z]+ed)\b(?P<rest>.*)$").captures(b) {
                let base = inflect::base(&c["v"])?;
                if matches!(base.as_str(), "know" | "be" | "have") {
                    return None;
                }
                let rest = cut_verdict_clauses(&c["rest"]);
                let rest = rx!(r"(?i),?\s+and\s+(?:frankly|honestly|quite frankly)\b.*$").replace(&rest, "").into_owned();
                let who = c["who"].trim();
                return Some((
                    format!("{who} did not {base}{rest}{end}"),
                    Some(format!("What got in the way of {}{rest} for {}?", inflect::present_participle(&base), as_object_of(&who_in(who, cx)))),
                ));
            }
            // "Daughter should really be visiting more given the state he's
            // in."; "Mum should be breastfeeding, she knows it's best for baby."
            if let Some(c) = rx!(r"^(?P<who>.+?)\s+(?:(?i:really)\s+)?(?i:should|ought to|needs to)\s+(?:(?i:really)\s+)?be\s+(?P<ing>[a-z]+ing)\b(?P<rest>[^,]*?)(?:\s+(?i:more|less|more often))?(?:\s+(?i:given|considering)\b.*|,.*)?$").captures(b) {
                if c["who"].split_whitespace().count() > 3 || c["who"].contains(" and ") {
                    return None;
                }
                let who = who_in(&c["who"], cx);
                let subj = as_subject_of(&who);
                let rest = c["rest"].trim_end().trim_end_matches(" more").trim_end_matches(" less");
                return Some((
                    format!("What {} {subj} said about {}{rest}?", has(&subj), &c["ing"]),
                    Some(format!("What makes {}{rest} hard for {} right now?", &c["ing"], as_object_of(&who))),
                ));
            }
            // "She chose the drink over her kids, it's that simple."; "Mum has
            // prioritised her relationship over her children's safety, …";
            // "Selfish, putting his habit before his mum's health."
            if let Some(c) = rx!(r"^(?:(?i:selfish|typical|frankly)\s*,?\s+)?(?P<who>[^,]*?)\s*\b(?:(?i:has|have)\s+)?(?i:chose|chosen|prioritised|prioritized|putting|puts|put)\s+(?P<a>(?:the|her|his|their)\s+[^,]+?)\s+(?i:over|before|ahead of|above)\s+(?P<x>(?:the|her|his|their)\s+[^,]+?)(?:,.*)?$").captures(b) {
                let a = c["a"].trim();
                let p = pronoun_of(a.split(' ').next().unwrap_or(""));
                let who = c["who"].trim();
                // "chose the pub over his kids": the choosing is the fact, and a
                // question about the two things would drop it.
                let verb = rx!(r"(?i)\b(?:chose|chosen)\b").is_match(b);
                if verb || who.split_whitespace().count() > 3 || who.ends_with(" to") || who.contains(" and ") {
                    return None;
                }
                let who = match (who.is_empty(), p.as_str()) {
                    (true, "they") => asker(cx, None),
                    (true, p) => p.to_string(),
                    _ => who_in(who, cx),
                };
                let subj = as_subject_of(&who);
                return Some((
                    format!("What {} {subj} said about {a} and {}?", has(&subj), c["x"].trim()),
                    Some(format!("What matters to {} about {a} right now?", as_object_of(&who))),
                ));
            }
            // "Frankly he has a cheek asking for help with his rent after
            // what he did." → "He has asked for help with his rent."
            if let Some(c) = rx!(r"^(?:(?i:frankly|honestly),?\s+)?(?P<who>.+?)\s+(?:has|have|'s got|has got)\s+(?:(?i:a bit of|some|a real)\s+)?(?:a\s+)?(?i:cheek|nerve)\s+(?P<ing>[a-z]+ing)(?P<rest>.*?)(?:\s+(?i:after (?:what|everything) (?:she|he|they) (?:did|has done|did to)\b.*))?$").captures(b) {
                let who = c["who"].trim();
                let base = inflect::base(&c["ing"])?;
                return Some((
                    format!("{} {} {}{}{end}", cap(who), has(who), inflect::participle(&base), c["rest"].trim_end()),
                    Some(format!("What has been hard for {} with {}?", as_object_of(&who_in(who, cx)), noun_phrase(&c["rest"]).unwrap_or_else(|| "this".into()))),
                ));
            }
            // "Nobody made him pick up that first drink after 9 months dry."
            if let Some(c) = rx!(r"^(?i:nobody|no one|no-one)\s+(?i:made|forced)\s+(?P<o>her|him|them)\s+(?P<v>[a-z]+)(?P<rest>.*)$").captures(b) {
                let p = pronoun_of(&c["o"]);
                let base = inflect::base(&c["v"])?;
                return Some((
                    format!("{} {}{}{end}", cap(&p), inflect::past(&base), c["rest"].trim_end()),
                    Some(format!("What was going on for {} when {p} {}{}?", &c["o"], inflect::past(&base), c["rest"].trim_end())),
                ));
            }
            None
        }
        Six::Intent => {
            // "K only turned up cos there was free pizza." → "K turned up;
            // there was free pizza."
            if let Some(c) = rx!(r"^(?P<who>.+?)\s+(?i:only|just)\s+(?P<act>[a-z]+(?:ed|s)\b[^,;]*?)\s+(?i:cos|cause|coz|because|as)\s+there\s+(?P<was>was|were|is|are)\s+(?P<x>.+)$").captures(b) {
                let who = &c["who"];
                return Some((
                    format!("{who} {}; there {} {}{end}", c["act"].trim(), &c["was"], c["x"].trim()),
                    Some(format!("What does {who} want from coming?")),
                ));
            }
            // "Mum is clearly working the system so she can keep the tenancy."
            if let Some(c) = rx!(r"^(?P<who>.+?)\s+(?:(?i:is|was|'s)\s+)?(?:(?i:clearly|obviously|just)\s+)?(?i:working|playing|gaming|milking)\s+the\s+system\s+(?i:so|to)\s+(?:(?:she|he|they)\s+(?:can|could|will)\s+)?(?P<v>[a-z]+)\s+(?P<x>.+)$").captures(b) {
                let who = who_in(&c["who"], cx);
                let subj = as_subject_of(&who);
                let base = inflect::base(&c["v"])?;
                return Some((
                    format!("What {} {subj} said about {} {}?", has(&subj), inflect::present_participle(&base), c["x"].trim()),
                    Some(format!("What would losing {} mean for {}?", c["x"].trim(), as_object_of(&who))),
                ));
            }
            // "Pt is angling for a side room, hence all the new symptoms tonight."
            if let Some(c) = rx!(r"^(?P<who>.+?)\s+(?i:is|was|'s)\s+(?i:angling|fishing|angling hard)\s+for\s+(?P<x>(?:a|an|the)\s+[a-z ]+?),\s*(?i:hence)\s+(?:(?i:all)\s+)?(?:the\s+)?(?P<y>.+)$").captures(b) {
                let who = &c["who"];
                return Some((
                    format!("{who} {} asked for {}; {} (say which){end}", has(who), &c["x"], c["y"].trim()),
                    Some(format!("What would {} make easier for {who}?", &c["x"])),
                ));
            }
            // "Son is only interested in the house, not his mum's welfare."
            if let Some(c) = rx!(r"^(?P<who>.+?)\s+(?i:is|was|'s)\s+(?i:only|just)\s+(?i:interested in|bothered about|here for|after)\s+(?P<x>(?:the|her|his|their)\s+[^,]+?),\s*(?i:not)\s+(?P<y>.+)$").captures(b) {
                let who = who_in(&c["who"], cx);
                let subj = as_subject_of(&who);
                return Some((
                    format!("What {} {subj} said about {}, and about {}?", has(&subj), &c["x"], c["y"].trim()),
                    Some(format!("What matters most to {} right now?", as_object_of(&who))),
                ));
            }
            // "He's attention-seeking, crying in the corridor …" → what was seen.
            if let Some(c) = rx!(r"^(?P<who>.+?)(?:'s|’s|\s+is|\s+was)\s+(?i:attention-seeking|attention seeking|drug-seeking|playing up),\s+(?P<ing>[a-z]+ing)(?P<rest>[^,;]*)$").captures(b) {
                let who = plain_who(&c["who"]);
                let was = if is_pronoun(&who) && who.eq_ignore_ascii_case("they") { "were" } else { "was" };
                let ing = &c["ing"];
                return Some((
                    format!("{} {was} {ing}{}{end}", cap(&who), c["rest"].trim_end()),
                    Some(format!("What was going on for {} when {} {was} {ing}?", as_object_of(&who), as_subject_of(&who))),
                ));
            }
            // "Making out she can't manage the stairs so she'll get a
            // downstairs flat." → "Says she can't manage the stairs; …".
            if let Some(c) = rx!(r"^(?:(?P<who>.+?)\s+(?:(?i:is|was|'s)\s+)?)?(?i:making out|makes out|made out)\s+(?:(?i:that)\s+)?(?P<clause>(?:she|he|they)\s+[^,;]+?)\s+(?i:so)\s+(?P<p>she|he|they)(?:'ll|’ll|\s+will|\s+can|\s+could|'d)\s+(?i:get)\s+(?P<x>.+)$").captures(b) {
                let p = pronoun_of(&c["p"]);
                let lead = c.name("who").map_or("Says".to_string(), |w| format!("{} says", w.as_str().trim()));
                return Some((
                    format!("{lead} {}; I wondered whether {p} {} {}{end}", c["clause"].trim(), if p == "they" { "want" } else { "wants" }, c["x"].trim()),
                    Some(format!("What would {} make easier for {}?", c["x"].trim(), as_object_of(&p))),
                ));
            }
            None
        }
        Six::Comply => {
            // "Breached his treatment agreement yet again by using on top." →
            // "Used on top again, against his treatment agreement."
            if let Some(c) = rx!(r"^(?P<who>.*?)\s*\b(?i:breached|broke|broken|flouted)\s+(?P<x>(?:the|his|her|their|our)\s+[a-z ]+?)\s+(?P<again>(?i:yet again|again|once again)\s+)?(?i:by)\s+(?P<ing>[a-z]+ing)(?P<rest>[^,;]*?)(?P<again2>\s+(?i:again))?$").captures(b) {
                let base = inflect::base(&c["ing"])?;
                let who = c["who"].trim();
                let again = if c.name("again").is_some() || c.name("again2").is_some() { " again" } else { "" };
                let lead = if who.is_empty() { cap(&inflect::past(&base)) } else { format!("{who} {}", inflect::past(&base)) };
                return Some((
                    format!("{lead}{}{again}, against {}{end}", c["rest"].trim_end(), &c["x"]),
                    Some(format!("What got in the way of {} for {}?", &c["x"], named_object(cx))),
                ));
            }
            None
        }
        Six::Doubt => None,
    }
}

/// The base of a verb, an "-ing" form read back through
/// `present_participle` ("completing" → "complete", "stopping" → "stop").
fn ing_base(word: &str) -> String {
    let w = word.to_ascii_lowercase();
    if let Some(stem) = w.strip_suffix("ing") {
        for guess in [
            format!("{stem}e"),
            stem.to_string(),
            stem[..stem.len().saturating_sub(1)].to_string(),
        ] {
            if !guess.is_empty() && inflect::present_participle(&guess) == w {
                return guess;
            }
        }
    }
    inflect::base(&w).unwrap_or(w)
}
