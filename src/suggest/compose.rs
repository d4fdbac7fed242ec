//! One sentence, every judgment in it resolved; a margin question where
//! the sentence holds nothing but the judgment; and a guard that keeps a
//! broken sentence out of the help.
//!
//! A finding is built alone (`engine/matcher.rs` calls
//! [`super::finish`] once per finding), so a rewording that changed only
//! its own words would leave a second judgment of the same sentence in
//! place: "Claims his phone got nicked, again, funny that." reworded by
//! one finding as "Says his phone got nicked, again, funny that." and by
//! the other as "Claims his phone got nicked, again.". [`resolve`] makes
//! every rewording of a sentence the sentence with all the judgments this
//! module knows resolved, whichever finding built it, so both read "Says
//! his phone got nicked, again.": the writer's asides ("funny that",
//! "simple as that", "you know the one", "predictably"), intensifiers
//! ("literally everyone" → "everyone", "yet again" → "again"), idioms of
//! verdict ("with a chip on his shoulder") and a doubted account ("claims"
//! → "says"). None of them is a risk word, a time, a place or a person.
//!
//! [`grammatical`] refuses a rewording that would read broken ("Has not
//! happied with …", "He' I last saw him: …", "Says to be drinking …",
//! "Pt and bedraggled: …"); the template's next alternative (in the end
//! the margin question) is used instead.
//!
//! [`margin`] is what a supervisor writes beside a sentence that is only a
//! label or verdict ("She is extremely needy and high-maintenance."): a
//! question about this sentence, with the person as the note names them,
//! the label words quoted and the sentence's own facts ("with everyone on
//! the ward"), never a sentence with a hole.

use std::sync::OnceLock;

use regex::Regex;

use super::person::Kind;
use super::{inflect, label, Context};

use super::regex::cached as re;

/// The writer's doubts of an account, said after it ("yeah right",
/// "which I very much doubt", "or so she says"): one list for every
/// rewording that takes them out (`resolve` here, the doubted accounts of
/// `clause.rs` and `margin.rs`).
pub const DOUBT_ASIDES: &str = r"yeah right|funny that|funnily enough|(?:a )?likely story|pull the other one|my foot|make of that what you will|we'?ll see|if you believe that|believe that if you like|or so (?:she|he|they) (?:says?|claims?)|course (?:she|he|they) (?:was|did|is|were)|i'?m not (?:sure|convinced) i believe (?:her|him|them|it|this|that)(?: at all)?|i'?m not (?:sure|convinced)(?: (?:about|of) (?:that|this|it))?|i am not (?:sure|convinced)(?: i believe (?:her|him|them|it))?|i'?m (?:sceptical|skeptical|dubious|doubtful)(?: (?:of|about) [^,;.]+)?|i (?:rather |very much |seriously |really )?doubt (?:it|that|this)|which,? (?:(?:frankly|honestly|personally|quite frankly|to be honest),? )?i (?:rather |very much |seriously |really |somewhat )?doubt(?: (?:it |that )?(?:very much|a lot|somehow))?|which is,? (?:(?:frankly|honestly|quite|rather|very|pretty|a bit|somewhat),? )?(?:hard|difficult) to believe\b[^.!?]*|which is doubtful|i have my doubts|i remain (?:sceptical|skeptical|unconvinced)|i'?d take (?:that|this|it) with a (?:large |big |huge )?pinch of salt|which (?:seems|sounds) (?:unlikely|doubtful|far-fetched|implausible)\b[^.]*|which i (?:\w+ )?find (?:it |that )?(?:hard|difficult) to believe\b[^.!?]*|which i'?d take with a (?:large |big |huge )?pinch of salt|yeah,? nah|aye,? right|(?:his|her|their) (?:account|story|version(?: of events)?) is,?(?: as (?:ever|usual|always),?)? (?:self-serving|unreliable|questionable|doubtful|not credible|implausible)|more likely (?:she|he|they) [^.]*|which is (?:simply |just |clearly |plainly )?(?:not true|untrue|a lie|nonsense|rubbish)|which nobody (?:in the \w+ )?believes|which no one believes|which i (?:take|took|'d take) with a (?:large |big |huge )?(?:pinch|grain) of salt\b[^.!?]*|which is (?:very |rather |quite |awfully |all )?(?:handy|convenient)\b[^.!?]*|we all know (?:where|what|why|how)\b[^.!?]*|which (?:one|we) (?:\w+ )?finds? (?:it |that )?(?:hard|difficult) to believe\b[^.!?]*|which (?:seems|sounds|looks) (?:more (?:like )?|like )?wishful thinking\b[^.!?]*|(?:and )?pigs might fly|kuno|the go-to (?:line|excuse|story)\b[^.!?]*|imagine that|i'?ll believe (?:that|it) when i see it|(?:we'?ve|we have|i'?ve|i have) (?:all )?heard that (?:song|one|story|line|excuse) before|sure (?:it|she|he|they) (?:was|did|is|were|does|do)|(?:the|that) (?:magic(?:al)?|famous|legendary|mysterious|mystery) [^.!?,;]{1,40} (?:strikes|strike|struck) again|the famous [^.!?,;]{1,30} again";

/// The writer's other asides: a verdict on the sentence, no fact.
const OTHER_ASIDES: &str = r"funny how that works|simple as that|you know the one|as usual|as per usual|as per|as always|as ever|what a surprise|surprise,? surprise|go figure|again,? of course|of course|predictably|unsurprisingly|needless to say|no surprises there|shock horror|bless (?:her|him|them)|conveniently|naturally|plain and simple|pure and simple|you know the type|you know the sort|so i'?m taking (?:it|that|this|(?:her|his|their) (?:word|account|story)) with a (?:large |big |huge )?(?:grain|pinch) of salt|nothing more to it|nothing more,? nothing less|let'?s not kid ourselves|let'?s be honest|clear as day|plain as day|i'?m (?:sure|certain|convinced) of it|that'?s the (?:real|only|actual) reason|no surprise(?:s)?(?: really| there)?|we (?:all )?know how (?:that|this|it) (?:goes|ends)|end of|c'?est tout|full stop|big deal|right";

/// Every aside of the writer's ([`DOUBT_ASIDES`] and the others), as
/// alternatives of a pattern. Removed with the comma before them.
pub fn asides() -> String {
    format!("{DOUBT_ASIDES}|{OTHER_ASIDES}")
}

/// `text` with every judgment this module knows resolved outside the
/// words a finding already changed: asides, intensifiers, idioms of
/// verdict and a doubted account said plainly. `cx` gives the person's
/// pronoun ("Claims to be drinking" → "Says he is drinking").
pub fn resolve(text: &str, cx: &Context<'_>) -> String {
    static CLAIMS_TO: OnceLock<Regex> = OnceLock::new();
    static CLAIMS: OnceLock<Regex> = OnceLock::new();
    let mut out = resolve_phrase(text);
    // "Claims to be drinking" → "Says he is drinking": "says to" is not English.
    let claims_to = re(
        &CLAIMS_TO,
        r"\b(?P<v>[Cc]laims|[Ss]ays|[Ii]nsists|[Aa]lleges|[Mm]aintains) to (?:be|have been) (?P<w>\w+ing)\b",
    );
    out = claims_to
        .replace_all(&out, |c: &super::regex::Captures<'_>| {
            let says = if c["v"].starts_with(char::is_uppercase) {
                "Says"
            } else {
                "says"
            };
            let who = cx.pronoun().unwrap_or_else(|| "they".to_string());
            let who = if who.contains(' ') || who.chars().next().is_some_and(char::is_uppercase) {
                "they".to_string()
            } else {
                who
            };
            let be = match who.as_str() {
                "she" | "he" => "is",
                _ => "are",
            };
            format!("{says} {who} {be} {}", &c["w"])
        })
        .into_owned();
    // "Claims his phone got nicked" → "Says …", "They claim they were at
    // the food bank" → "They say …": a doubt said plainly, only where a
    // clause follows (not "her claims were"). One swap for both numbers
    // (round 18 merged round 17's plural copy into it); the plural only
    // after "they", and never before "to" ("they say to be" is not English).
    let claims = re(
        &CLAIMS,
        r"(?:(?P<pre>^|[.;:]\s+|\b(?:[Ss]he|[Hh]e|[Tt]hey|[A-Z][a-z]+|[Cc]lient|[Pp]t|[Mm]um|[Dd]ad)\s+)(?P<v>[Cc]laims|[Ii]nsists|[Aa]lleges|[Rr]eckons|[Mm]aintains)|(?P<they>\b[Tt]hey\s+)(?:claim|insist|allege|maintain))\s+(?P<next>that|she|he|they|his|her|their|it|the|to|I|[a-z]+ed)\b",
    );
    out = claims
        .replace_all(&out, |c: &super::regex::Captures<'_>| {
            if let Some(they) = c.name("they") {
                return match &c["next"] {
                    "to" | "I" => c[0].to_string(),
                    next if next.ends_with("ed") => c[0].to_string(),
                    next => format!("{}say {next}", they.as_str()),
                };
            }
            let says = if c["v"].starts_with(char::is_uppercase) {
                "Says"
            } else {
                "says"
            };
            format!("{}{says} {}", &c["pre"], &c["next"])
        })
        .into_owned();
    // Scare quotes round the person's account: 'Mum was "too unwell" to
    // attend' → "Mum said she was too unwell to attend"; 'his phone was
    // "broken"' → "He said his phone was broken" (set i: kept, or taken
    // out so the sentence asserted what the writer doubted).
    static SCARE: OnceLock<Regex> = OnceLock::new();
    let scare = re(
        &SCARE,
        r#"(?P<pre>^|[.;:]\s+|,\s+(?:and|but)\s+)(?P<subj>(?:[Hh]is|[Hh]er|[Tt]heir)\s+[a-z]+|[Ss]he|[Hh]e|[Tt]hey|[A-Z][a-z]+)\s+(?P<cop>was|is|were|are)\s+["“](?P<q>[^"“”]{1,40})["”]"#,
    );
    out = scare
        .replace_all(&out, |c: &super::regex::Captures<'_>| {
            let subj = &c["subj"];
            let lower = subj.to_lowercase();
            let first = lower.split_whitespace().next().unwrap_or("");
            let (speaker, said_subj) = match first {
                "his" => ("he".to_string(), lower.clone()),
                "her" => ("she".to_string(), lower.clone()),
                "their" => ("they".to_string(), lower.clone()),
                "she" | "he" | "they" => (first.to_string(), first.to_string()),
                _ => {
                    let p = cx
                        .pronoun()
                        .filter(|p| matches!(p.as_str(), "she" | "he"))
                        .unwrap_or_else(|| "they".to_string());
                    (subj.to_string(), p)
                }
            };
            let cop = match (said_subj.as_str(), &c["cop"]) {
                ("they", "was") => "were",
                ("they", "is") => "are",
                (_, cop) => cop,
            };
            let speaker =
                if c["pre"].is_empty() || c["pre"].trim_start().starts_with(['.', ';', ':']) {
                    inflect::capitalise(&speaker)
                } else {
                    speaker
                };
            format!("{}{speaker} said {said_subj} {cop} {}", &c["pre"], &c["q"])
        })
        .into_owned();
    super::tidy(&repair_punctuation(&out))
}

/// `text` without "of all people" and its kin ("… with that neighbour of
/// all people"): the writer's disbelief at a choice, no fact (set w: kept
/// in the curious question, rated 3).
pub fn without_of_all(text: &str) -> String {
    static OF_ALL: OnceLock<Regex> = OnceLock::new();
    let of_all = re(
        &OF_ALL,
        r"(?i),?\s+of all (?:people|places|things|times|days|nights)\b",
    );
    of_all.replace_all(text, "").into_owned()
}

/// Punctuation a removal left broken: ",," and ", ," (set i: "which
/// came,, the morning after"), a clause cut to its opening "it's" ("…
/// straight after handover, it's."), a comma or "and" before the end.
pub fn repair_punctuation(text: &str) -> String {
    static DOUBLE: OnceLock<Regex> = OnceLock::new();
    static STUB: OnceLock<Regex> = OnceLock::new();
    let double = re(&DOUBLE, r"\s*,(?:\s*,)+");
    let out = double.replace_all(text, ",").into_owned();
    let stub = re(
        &STUB,
        r"(?i)(?:,|;)\s*(?:and\s+|but\s+)?(?:it'?s|it is|that'?s|that is|which is|which|and|but|so)\s*(?P<end>[.!?])\s*$",
    );
    stub.replace(&out, "$end").into_owned()
}

/// `text` with the writer's asides, intensifiers of an absolute and idioms
/// of verdict gone: what [`resolve`] does to any phrase, before it says a
/// doubted account plainly.
fn resolve_phrase(text: &str) -> String {
    static ASIDE: OnceLock<Regex> = OnceLock::new();
    static ASIDE_MID: OnceLock<Regex> = OnceLock::new();
    static LITERALLY: OnceLock<Regex> = OnceLock::new();
    static YET_AGAIN: OnceLock<Regex> = OnceLock::new();
    static CHIP: OnceLock<Regex> = OnceLock::new();
    let mut out = text.to_string();
    // ", funny that." at the end; ", predictably, ignored" inside.
    let aside = re(
        &ASIDE,
        &format!(
            r"(?i)(?:,|;|\s+-|\s+—)\s*(?:(?:but|and|so)\s+)?(?:{})\s*(?P<end>[.!?]?)\s*$",
            asides()
        ),
    );
    // "…, right, the famous kids again.": asides one after another all go.
    for _ in 0..3 {
        let next = aside.replace(&out, "$end").into_owned();
        if next == out {
            break;
        }
        out = next;
    }
    // "… with that neighbour of all people": the writer's disbelief at a
    // choice, no fact (set w: kept, rated 3).
    out = without_of_all(&out);
    // "… couldn't name one of them. Right.", "… the DUI. Sure.": a last
    // sentence that is only the writer's sarcasm goes (set n: the margin
    // question asked what the client did that read as "right", rated 2).
    static LAST_SNEER: OnceLock<Regex> = OnceLock::new();
    let last_sneer = re(
        &LAST_SNEER,
        r"(?i)(?P<end>[.!?])\s+(?:right|sure|yeah,? right|ri+ght|su+re|of course|as if|whatever)\s*[.!?]*\s*$",
    );
    out = last_sneer.replace(&out, "$end").into_owned();
    // "say thank you for once": sarcasm, no fact (set j: "She has not
    // said thank you for once." rated 1).
    static FOR_ONCE: OnceLock<Regex> = OnceLock::new();
    let for_once = re(
        &FOR_ONCE,
        r"(?i),?\s+for once(?: in (?:her|his|their) li(?:fe|ves))?\b",
    );
    out = for_once.replace_all(&out, "").into_owned();
    // "She told me she's been self-harming but I'm not sure how much of
    // that is true …", "… but she does say these things", "… though in
    // my experience it's usually …": a doubt after "but" or "though" goes
    // to the end of the sentence; the account before it stays word for
    // word (round 8, set h).
    static BUT_DOUBT: OnceLock<Regex> = OnceLock::new();
    let but_doubt = re(
        &BUT_DOUBT,
        r"(?i),?\s+(?:but|though|although)\s+(?:i'?m not (?:sure|convinced) (?:how much|whether|if|that) [^.!?]*|i (?:don'?t|do not) (?:believe|buy) (?:it|that|this|her|him|them)\b[^.!?]*|(?:she|he|they) (?:does|do) say (?:these|such) things|in my experience[^.!?]*|(?:she|he|they) (?:would|always) say that)\s*(?P<end>[.!?]?)\s*$",
    );
    out = but_doubt.replace(&out, "$end").into_owned();
    // "…, funny how she was snoring at 2am." → "…; she was snoring at 2am."
    static FUNNY_HOW: OnceLock<Regex> = OnceLock::new();
    let funny_how = re(
        &FUNNY_HOW,
        r"(?i),\s*(?:funny|strange|odd|interesting|convenient) (?:how|that|then)\s+",
    );
    out = funny_how.replace_all(&out, "; ").into_owned();
    // "Funny how the nightmares ramped up right when …" → "The nightmares
    // ramped up when …": the sneer at the start goes (set n, rated 3).
    if let Some(rest) = funny_start_off(&out) {
        out = rest;
    }
    // "bump out for all to see": the writer's audience is the sneer.
    static FOR_ALL: OnceLock<Regex> = OnceLock::new();
    let for_all = re(
        &FOR_ALL,
        r"(?i),?\s+for (?:all|everyone|everybody|the whole (?:world|ward|street|class)) to see\b",
    );
    out = for_all.replace_all(&out, "").into_owned();
    // "Predictably, Mum was …", "Conveniently, his phone …": the
    // writer's sneer at the start goes, the sentence after it stays (set i).
    static OPENER: OnceLock<Regex> = OnceLock::new();
    let opener = re(
        &OPENER,
        r"^(?:Predictably|Conveniently|Naturally|Unsurprisingly|Of course|Funnily enough|Surprise,? surprise|Seriously|Frankly|Needless to say),\s*(?P<next>\S)",
    );
    if let Some(c) = opener.captures(&out) {
        let at = c.name("next").map_or(0, |m| m.start());
        out = inflect::capitalise(&out[at..]);
    }
    // A verdict clause after the facts: "…, which undermines her
    // credibility", "…, there's no pleasing him whatever we do", "…, and
    // nothing any of us does is ever good enough for him", "…, no point
    // explaining it again" (set i: each kept, each rated 2).
    static VERDICT_TAIL: OnceLock<Regex> = OnceLock::new();
    let verdict_tail = re(
        &VERDICT_TAIL,
        r"(?i)(?:,|;|\s+-|\s+—)\s*(?:and\s+|so\s+)?(?:which|this|that) (?:undermines|says a lot about|tells you (?:all|everything)|speaks volumes about)\b[^.!?;]*|(?:,|;)\s*(?:and\s+)?there'?s no pleasing (?:him|her|them)\b[^.!?;]*|(?:,|;)\s*(?:and\s+)?nothing (?:any of us|anyone|anybody|we|I|staff) (?:do|does|did|say|says|try|tries)(?: for (?:him|her|them))? (?:is|was) ever (?:good enough|right|enough)\b[^.!?;]*|(?:,|;)\s*(?:and\s+)?no point (?:explaining|telling|asking|trying)\b[^.!?;]*|(?:,|;)\s*(?:and\s+)?(?:this|that|which|it) is (?:a\s+)?(?:well-known|well known|classic|typical|common|standard|usual) (?:tactic|ploy|trick|move|pattern)\b[^.!?;]*",
    );
    out = verdict_tail.replace_all(&out, "").into_owned();
    // "living off the state": a verdict on a fact; the fact said plainly
    // (set p: "has been living off the state" kept it, rated 2).
    static OFF_THE_STATE: OnceLock<Regex> = OnceLock::new();
    let off_the_state = re(
        &OFF_THE_STATE,
        r"(?i)\b(?:living|lives|lived|sponging|scrounging)\s+off\s+(?:the\s+state|benefits|the\s+taxpayer|the\s+social)\b",
    );
    out = off_the_state
        .replace_all(&out, |c: &super::regex::Captures<'_>| {
            let w = c[0].to_ascii_lowercase();
            let plain = if w.starts_with("lives") {
                "receives benefits"
            } else if w.starts_with("lived") {
                "received benefits"
            } else {
                "receiving benefits"
            };
            super::match_case(&c[0], plain)
        })
        .into_owned();
    // "SU swears blind he's …" → "SU says he's …" (not "says blind").
    static SWEARS: OnceLock<Regex> = OnceLock::new();
    let swears = re(&SWEARS, r"\b(?P<s>[Ss])wear(?P<e>s?) blind\b");
    out = swears.replace_all(&out, "${s}ay${e}").into_owned();
    let aside_mid = re(&ASIDE_MID, &format!(r"(?i),\s*(?:{}),\s*", asides()));
    out = aside_mid.replace_all(&out, " ").into_owned();
    let literally = re(
        &LITERALLY,
        r"(?i)\b(?:literally|absolutely|quite literally)\s+(?P<w>every|everything|everyone|everybody|all|nothing|no one|nobody|any|anything)\b",
    );
    out = literally.replace_all(&out, "$w").into_owned();
    let yet_again = re(&YET_AGAIN, r"(?i)\byet again\b");
    out = yet_again
        .replace_all(&out, |c: &super::regex::Captures<'_>| {
            if c[0].starts_with(char::is_uppercase) {
                "Again".to_string()
            } else {
                "again".to_string()
            }
        })
        .into_owned();
    let chip = re(
        &CHIP,
        r"(?i),?\s*\b(?:with\s+)?(?:a\s+)?(?:real\s+|massive\s+|big\s+)?chip on (?:his|her|their) shoulder\b",
    );
    out = chip.replace_all(&out, "").into_owned();
    // "Another person living with schizophrenia who …": the frame that
    // files the person with others goes with the label.
    static FRAME: OnceLock<Regex> = OnceLock::new();
    let frame = re(
        &FRAME,
        r"\b(?P<a>[Aa]nother|(?:(?P<art>[Aa]n?)\s+)?(?:[Tt]ypical|[Cc]lassic|[Tt]extbook))\s+(?P<p>person|people)\b",
    );
    out = frame
        .replace_all(&out, |c: &super::regex::Captures<'_>| {
            let upper = c[0].starts_with(char::is_uppercase);
            let art = if &c["p"] == "people" {
                ""
            } else if upper {
                "A "
            } else {
                "a "
            };
            let p = &c["p"];
            if art.is_empty() && upper {
                inflect::capitalise(p)
            } else {
                format!("{art}{p}")
            }
        })
        .into_owned();
    // "refused obs at 0200" → "declined obs at 0200": the rater left
    // "declined" alone and marked every "refused" left in a rewording.
    static REFUSED: OnceLock<Regex> = OnceLock::new();
    let refused = re(&REFUSED, r"\b(?P<r>[Rr])efus(?P<e>ed|es|e|ing)\b");
    out = refused
        .replace_all(&out, |c: &super::regex::Captures<'_>| {
            let d = if &c["r"] == "R" { "D" } else { "d" };
            let e = match &c["e"] {
                "ing" => "ing",
                "es" => "es",
                "e" => "e",
                _ => "ed",
            };
            format!("{d}eclin{e}")
        })
        .into_owned();
    out
}

/// Whether `resolved` (a sentence after [`resolve`]) has none of the
/// words of `matched` that carry the judgment left: a finding whose words
/// all went with the sentence's other judgments is resolved too.
pub fn resolves(resolved: &str, matched: &str) -> bool {
    let words = |t: &str| -> Vec<String> {
        t.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’' && c != '-')
            .map(|w| w.trim_matches(['\'', '’']).to_lowercase())
            .filter(|w| !w.is_empty())
            .collect()
    };
    let left = words(resolved);
    let judged: Vec<String> = words(matched)
        .into_iter()
        .filter(|w| {
            !super::NO_FACT.contains(&w.as_str())
                && !matches!(w.as_str(), "i" | "i'm" | "i’m" | "not")
        })
        .collect();
    !judged.is_empty() && judged.iter().all(|w| !left.contains(w))
}

/// Words that may not end a sentence or stand before its punctuation.
const DANGLING: &[&str] = &[
    "and", "or", "but", "a", "an", "the", "to", "of", "with", "very", "their", "my", "our",
];

/// Whether `text` reads as a sentence: no word cut at its apostrophe
/// ("He' I last saw him"), no verb form made from an adjective ("has not
/// happied"), no "says to be", no article or "and" before punctuation, no
/// colon after a list that lost its head ("Pt and bedraggled:"), no word
/// doubled. A rewording that fails is not shown.
pub fn grammatical(text: &str) -> bool {
    grammatical_with(text, false)
}

/// [`grammatical`]; with `label_asks`, an ask must also stand where a
/// label stood: before punctuation, an adverbial or a joining word, not
/// before a bare noun ("Very awkward and … gentleman"). A rule that offers
/// a margin question (`{judged}`) asks this of its rewordings.
pub fn grammatical_with(text: &str, label_asks: bool) -> bool {
    static CUT: OnceLock<Regex> = OnceLock::new();
    static ADJ_VERB: OnceLock<Regex> = OnceLock::new();
    static SAYS_TO: OnceLock<Regex> = OnceLock::new();
    static DANGLE: OnceLock<Regex> = OnceLock::new();
    static HEADLESS: OnceLock<Regex> = OnceLock::new();
    // A note cut in half ("…, and how often).") or a perfect with no
    // verb left ("never has" → "has not had,"): not a sentence (set l).
    if text.matches('(').count() != text.matches(')').count() {
        return false;
    }
    static EMPTY_PERFECT: OnceLock<Regex> = OnceLock::new();
    if re(
        &EMPTY_PERFECT,
        r"\b(?:has|have) not (?:had|been)\s*[,.;:!?]",
    )
    .is_match(text)
    {
        return false;
    }
    // "He'" before a space: a contraction lost its ending.
    if re(&CUT, r"\b[A-Za-z]*[^sS\s]['’](?:\s|$)").is_match(text) {
        return false;
    }
    // "has not happied": "-ied" from an adjective in "-y".
    if let Some(c) = re(&ADJ_VERB, r"(?i)\b(?:has|have|had|did) not (\w+)ied\b").captures(text) {
        let stem = format!("{}y", c[1].to_ascii_lowercase());
        if ADJECTIVES_IN_Y.contains(&stem.as_str()) {
            return false;
        }
    }
    if re(&SAYS_TO, r"(?i)\bsays? to (?:be|have)\b").is_match(text) {
        return false;
    }
    // "Tenant has did not follow", "client is clearly has missed": two
    // finite verbs in a row, an inflection gone wrong (set i).
    static TWO_VERBS: OnceLock<Regex> = OnceLock::new();
    if re(
        &TWO_VERBS,
        r"(?i)\b(?:has|have|is|are|was|were)(?:\s+\w+ly)?\s+(?:did|does|has|have)\s+(?:not\b|\w+ed\b)",
    )
    .is_match(text)
    {
        return false;
    }
    // "SU did not be hoisted", "He won't has not changed", "has missed
    // on interviews": a negation or modal before a form it cannot take,
    // a verb given the preposition of its noun (set n, rated 1-2).
    static BROKEN_AUX: OnceLock<Regex> = OnceLock::new();
    if re(
        &BROKEN_AUX,
        r"(?i)\b(?:(?:did|does|do) not be\b|(?:won't|wont|will not|can't|cannot|can not|don't|doesn't|didn't|never|would not|wouldn't) (?:has|have|had|is|was) (?:not|never)\b|(?:has|have|had) (?:not )?missed on\b)",
    )
    .is_match(text)
    {
        return false;
    }
    // "he'll has not got off the island", "will has", "can is": a modal
    // takes the bare verb, never a finite one (set s, rated 1). "more has
    // timed": a quantity taken as the subject of a verb made from the
    // noun after it.
    static MODAL_FINITE: OnceLock<Regex> = OnceLock::new();
    if re(
        &MODAL_FINITE,
        r"(?i)(?:\b(?:will|won't|wont|can|can't|cannot|could|couldn't|would|wouldn't|shall|should|may|might|must)|\w['’]ll)\s+(?:not\s+|never\s+)?(?:has|is|was|were|are|does|did|hasn't|isn't|wasn't|doesn't|didn't)\b|\b(?:more|fewer|many|several) has\b",
    )
    .is_match(text)
    {
        return false;
    }
    // "What did you see her do at 58 she that read as …": a subject
    // pronoun right before "that" is a clause cut in two (set s).
    static STRANDED_THAT: OnceLock<Regex> = OnceLock::new();
    if re(&STRANDED_THAT, r"(?i)\b(?:he|she|they|we)\s+that\b").is_match(text) {
        return false;
    }
    // "Pt has not gone to accept that…": "refuses to" read as "goes to".
    static GONE_TO: OnceLock<Regex> = OnceLock::new();
    if let Some(c) = re(
        &GONE_TO,
        r"(?i)\b(?:has|have|had)(?: not)? gone to ([a-z]+)\b",
    )
    .captures(text)
    {
        let next = c[1].to_ascii_lowercase();
        let place = [
            "the", "a", "an", "his", "her", "their", "my", "our", "your", "school", "work", "bed",
            "church", "court", "hospital", "see", "sleep", "stay", "visit", "live", "college",
        ];
        if !place.contains(&next.as_str()) {
            return false;
        }
    }
    // A word that is no verb taken for the verb: a determiner ("Same
    // pattern with has thied one"), an adverb or an auxiliary ("He has
    // alwayed leaves", "has had been, always will be": round 9's absolutes).
    static NOT_A_VERB: OnceLock<Regex> = OnceLock::new();
    if re(
        &NOT_A_VERB,
        r"(?i)\b(?:has|have|had)(?: not)? (?:thied|thised|thated|thesed|thosed|theed|oned|alwayed|nevered|evered|forevered|\w+lyed|had been|willed|woulded)\b",
    )
    .is_match(text)
    {
        return false;
    }
    let dangling = re(
        &DANGLE,
        &format!(r"(?i)\b(?:{})\s*(?:[.,;:!?)]|$)", DANGLING.join("|")),
    );
    // "… (what she did or said)" ends in an ask, not a dangling word.
    let outside_asks = strip_asks(text);
    if dangling.is_match(&outside_asks) {
        return false;
    }
    if !asks_fit(text, label_asks) {
        return false;
    }
    // "Pt and bedraggled: …": a colon after a list whose first item went.
    if let Some(c) = re(&HEADLESS, r"^(?:\S+\s+){0,2}(?:and|or)\s+([\w-]+):").captures(text) {
        let word = &c[1];
        let person = super::person::person_at(word, 0).is_some();
        if word.starts_with(char::is_lowercase) && !person || label::judgment_word(word) {
            return false;
        }
    }
    let words: Vec<String> = outside_asks
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_ascii_lowercase()
        })
        .collect();
    !words
        .windows(2)
        .any(|w| !w[0].is_empty() && w[0] == w[1] && w[0] != "that" && w[0] != "had")
}

/// Whether every "… (ask)" of `text` stands where a phrase can: not after
/// an article, "and" or a word that needs its noun ("a little …", "every
/// bit the …", "Very awkward and … gentleman"), and not before a bare
/// noun or object ("… gentleman", "… his wife", "… it.").
fn asks_fit(text: &str, label_asks: bool) -> bool {
    static ASK: OnceLock<Regex> = OnceLock::new();
    let ask = re(&ASK, r"…\s*\([^)]*\)");
    for m in ask.find_iter(text) {
        let before = text[..m.start()].trim_end();
        let prev = before
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        let bad_prev = matches!(
            prev.as_str(),
            "a" | "an"
                | "the"
                | "our"
                | "my"
                | "your"
                | "his"
                | "her"
                | "their"
                | "and"
                | "or"
                | "little"
                | "usual"
                | "another"
                | "classic"
                | "typical"
                | "into"
                | "at"
                | "of"
        ) || prev.len() > 4 && prev.ends_with("ly");
        if bad_prev {
            return false;
        }
        let after = text[m.end()..].trim_start();
        let next = after
            .split(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        let next_word = next.trim_end_matches(|c: char| !c.is_alphanumeric());
        let fits = after.is_empty()
            || after.starts_with(|c: char| !c.is_alphanumeric())
            || label::opens_adverbial(next_word)
            || COMPLEMENTS.contains(&next_word)
            || matches!(
                next_word,
                "and"
                    | "but"
                    | "so"
                    | "because"
                    | "as"
                    | "until"
                    | "unless"
                    | "if"
                    | "despite"
                    | "without"
                    | "out"
                    | "though"
                    | "although"
                    | "than"
                    | "yet"
            );
        // "… it." / "… me too.": a lone object after the ask.
        let lone = after
            .trim_end_matches(['.', '!', '?'])
            .split_whitespace()
            .all(|w| {
                matches!(
                    w.to_ascii_lowercase().as_str(),
                    "it" | "her" | "him" | "them" | "me" | "us" | "too" | "a" | "the"
                )
            });
        if !after.trim_end_matches(['.', '!', '?']).trim().is_empty() && lone {
            return false;
        }
        // "… (ask), everything is trauma to her.": a sentence that opens
        // with the hole is half a sentence.
        if label_asks
            && (!fits
                || before
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .is_empty())
        {
            return false;
        }
    }
    true
}

/// `text` without its parenthesised asks.
fn strip_asks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Adjectives in "-y" that follow "never" or "not" without a verb: "never
/// happy" is "has not been happy", not "has not happied".
pub const ADJECTIVES_IN_Y: &[&str] = &[
    "happy", "ready", "busy", "angry", "sorry", "lazy", "needy", "moody", "tidy", "lucky",
    "hungry", "healthy", "steady", "early", "friendly", "chatty", "grumpy", "nasty", "pushy",
    "stroppy", "mouthy", "lippy", "easy", "worthy", "weary", "wary", "shy",
];

/// What a margin question about a label-only sentence needs: the label
/// words to quote and the sentence's own facts that go with them.
pub struct Margin {
    /// The label words as written, without the person, copula or
    /// intensifiers that went with them: "needy and high-maintenance".
    pub judged: String,
    /// The sentence's facts after the label, read as where or when it
    /// happened, with a space before them: " with everyone on the ward";
    /// empty when there are none.
    pub facts: String,
    /// What the question leaves out of the sentence (`loose` only): the
    /// words before the label that are not the person, and a clause after
    /// it. They stay in the note: "keep … as written".
    pub rest: String,
}

/// The margin question's parts for the finding `cx`, or `None` when the
/// sentence holds more than the person, the label and where it happened
/// (a fact before the label, a clause after it): then the rewording keeps
/// that sentence and this is not the form.
///
/// `loose` is for a sentence whose rewording was refused
/// ([`grammatical`]): the question is then about the label words alone,
/// and the rest of the sentence stays in the note as written.
pub fn margin(cx: &Context<'_>, loose: bool) -> Option<Margin> {
    static LIST_TAIL: OnceLock<Regex> = OnceLock::new();
    let (lead, _) = cx.lead_and_copula();
    if !loose && !person_only(lead, cx) {
        return None;
    }
    let mut span = cx.span();
    // "He's let himself go" flagged from "s": the contraction is the person's.
    if cx.text[..span.start].ends_with(['\'', '’']) {
        let skip = cx.text[span.clone()].find(' ').map_or(0, |i| i + 1);
        span.start += skip;
    }
    // "K was being a proper little madam" flagged from "K": the person
    // is not quoted.
    let mut judged = judged_words(&without_subject(&cx.text[span.clone()], cx));
    // "far too immature to benefit": "too" carries the verdict's sense.
    let before = cx.text[cx.sentence.start..span.start]
        .trim_end()
        .to_ascii_lowercase();
    if before.ends_with(" too") || before == "too" {
        judged = format!("too {judged}");
    }
    // "let himself go since | I last saw him": a word that opens a clause
    // of time belongs to the facts after it.
    for opener in [" since", " when", " whenever", " after", " before"] {
        if cx.text[span.clone()].to_ascii_lowercase().ends_with(opener) {
            span.end -= opener.len();
            judged = judged_words(&cx.text[span.clone()]);
            break;
        }
    }
    // "a classic Type A": the letter is the type's name (not an article).
    if cx.text[span.clone()].ends_with("Type A") && judged.ends_with("Type") {
        judged.push_str(" A");
    } else if judged.to_ascii_lowercase().ends_with("type") {
        let after = &cx.text[span.end.min(cx.sentence.end)..cx.sentence.end];
        if let Some(letter) = after.strip_prefix(' ').and_then(|a| a.get(..1)) {
            let next = after[2..].chars().next();
            if letter.chars().all(|c| c.is_ascii_uppercase())
                && next.is_none_or(|c| !c.is_alphanumeric())
            {
                judged = format!("{judged} {letter}");
                span.end += 2;
            }
        }
    }
    let raw = resolve_phrase(&cx.text[span.end.min(cx.sentence.end)..cx.sentence.end]);
    let tail = raw.trim().trim_end_matches(['.', '!', '?']).trim();
    let mut facts = String::new();
    // "Arrogant and tone-deaf.", "a bully and a dinosaur", ", the class
    // clown", "in the making": more of the label at the end goes into
    // the quote.
    let list_tail = re(
        &LIST_TAIL,
        r"^(?:,\s*|and\s+|or\s+)(?:(?:an?|the)\s+)?[\w-]+(?:\s+[\w-]+)?$|^in the making$|^[a-z][\w-]*$",
    );
    let first = tail
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let one_clause = !tail.contains([',', ';', ':']);
    // "too simple to understand | his own medication", "angling for the |
    // CEO job": the phrase needs its object, which is quoted with it.
    let words: Vec<String> = cx.text[span.clone()]
        .split_whitespace()
        .map(|w| w.to_ascii_lowercase())
        .collect();
    // "Type A": a capital "A" after a word is a name, not an article.
    let named_a = cx.text[span.clone()].ends_with(" A");
    let open = !named_a
        && words.last().is_some_and(|l| {
            COMPLEMENTS.contains(&l.as_str())
                || matches!(l.as_str(), "the" | "a" | "an" | "his" | "her" | "their")
        })
        || words.len() >= 2 && words[words.len() - 2] == "to"
        || words
            .last()
            .is_some_and(|l| matches!(l.as_str(), "where" | "that" | "than" | "who" | "against"));
    let lead_rest = if person_only(lead, cx) {
        String::new()
    } else {
        lead.trim()
            .trim_end_matches(|c: char| !c.is_alphanumeric())
            .trim_end_matches(" and")
            .trim_end_matches(" or")
            .to_string()
    };
    let mut tail_rest = String::new();
    if open && !tail.is_empty() {
        let cut = tail.find([',', ';', ':']).unwrap_or(tail.len());
        let object = tail[..cut].trim();
        let after = tail[cut..].trim_start_matches([',', ';', ':', ' ']);
        if !after.is_empty() {
            if !loose {
                return None;
            }
            tail_rest = after.to_string();
        }
        let mut out = cx.text[span.clone()].trim_end().to_string();
        out.push(' ');
        out.push_str(object);
        judged = judged_words(&out);
    } else if tail.is_empty() {
    } else if list_tail.is_match(tail)
        && !tail.split_whitespace().any(is_fact_word)
        && !TIME_WORDS.contains(
            &tail
                .trim_start_matches([',', ' '])
                .to_ascii_lowercase()
                .as_str(),
        )
    {
        let sep = if tail.starts_with(',') { "" } else { " " };
        judged = format!("{judged}{sep}{tail}");
    } else if one_clause && COMPLEMENTS.contains(&first.as_str()) {
        // "argumentative with everyone on the ward", "not psychologically
        // minded enough for insight-oriented work": the label's complement
        // is quoted with it, word for word.
        judged = format!("{judged} {tail}");
    } else if one_clause && label::opens_adverbial(&first) && plain_adverbial(tail) {
        facts = format!(" {tail}");
    } else if !loose {
        return None;
    } else {
        tail_rest = tail
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .to_string();
        for joint in ["and ", "or ", "but "] {
            if let Some(t) = tail_rest.strip_prefix(joint) {
                tail_rest = t.to_string();
            }
        }
    }
    if judged.is_empty() || judged.split_whitespace().count() > 14 {
        return None;
    }
    // What the question leaves out: a part that holds more judgment is
    // quoted beside the label ("obstructive" and "disengaged from the CIN
    // plan"), never kept as written; the parts that hold only facts are
    // the question's setting.
    let mut judged = judged
        .replace(" and is ", " and ")
        .replace(" and was ", " and ");
    // "very demanding overnight" flagged whole: "overnight" is when.
    if let Some((front, last)) = judged.rsplit_once(' ') {
        if TIME_WORDS.contains(&last) && facts.is_empty() {
            facts = format!(" {last}");
            judged = front.to_string();
        }
    }
    let lead_pieces = pieces(&lead_rest);
    let mut tail_pieces = pieces(&tail_rest);
    // "lacks the insight | needed to make sustainable change": a
    // participle with its "to" right after the label is the label's own.
    if !tail_rest.is_empty() && !tail.starts_with([',', ';', ':']) {
        if let Some(first) = tail_pieces.first() {
            let words: Vec<&str> = first.split_whitespace().collect();
            let participle = words.len() >= 2 && words[0].ends_with("ed") && words[1] == "to";
            if participle || words.first() == Some(&"between") {
                judged = format!("{judged} {first}");
                tail_pieces.remove(0);
            }
        }
    }
    // "Mum looked like she | hadn't bothered getting dressed", "She'd
    // clearly made | no effort": the words that lead into the label are
    // quoted with it, not left dangling in the setting.
    let mut lead_pieces = lead_pieces;
    let adjacent = !lead_rest.is_empty()
        && !lead
            .trim_end()
            .ends_with(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
    if adjacent {
        if let Some(last) = lead_pieces.last_mut() {
            let trimmed = trim_dangling(last);
            let suffix = last[trimmed.len()..].trim().to_string();
            // "Mum appears to | [be] in denial": the verb's "be" went with
            // the copulas; quoting "appears to in denial" would read broken.
            let leads_in = !suffix.ends_with(" to")
                && suffix.split_whitespace().any(|w| {
                    let w = w.to_ascii_lowercase();
                    LOOK_VERBS.contains(&w.as_str())
                        || matches!(w.as_str(), "like" | "made" | "makes")
                });
            if leads_in {
                // "Mum looked like she …" said of the kids' verdict: Mum is
                // someone else, and stays in the quote.
                let other = super::person::person_at(&trimmed, 0)
                    .is_some_and(|(r, _)| r.end == trimmed.len())
                    && !trimmed.eq_ignore_ascii_case(&cx.subject());
                if other {
                    judged = format!("{trimmed} {} {judged}", suffix.trim());
                    *last = String::new();
                } else {
                    let suffix = without_subject(&suffix, cx);
                    judged = format!("{} {judged}", suffix.trim());
                    *last = trimmed;
                }
            }
        }
    }
    let sorted = sort_rest(cx, &lead_pieces, &tail_pieces, &judged, &mut facts);
    let (quotes, setting) = (sorted.quotes, sorted.setting);
    if quotes.len() > 3
        || quotes
            .iter()
            .map(|q| q.split_whitespace().count())
            .sum::<usize>()
            > 26
    {
        return None;
    }
    let quotes = super::distinct(&quotes);
    Some(Margin {
        judged: quotes.join("\" and \""),
        facts,
        rest: if loose {
            setting.join(", ")
        } else {
            String::new()
        },
    })
}

/// The parts of a sentence a margin question leaves out, sorted
/// ([`sort_rest`]).
pub struct Sorted {
    /// Every judgment of the sentence to quote, in the sentence's order,
    /// the label's own among them.
    pub quotes: Vec<String>,
    /// The parts that hold facts, the question's setting, word for word.
    pub setting: Vec<String>,
}

/// Sorts the parts of the sentence before (`lead`) and after (`tail`) the
/// label `judged`: a part that holds judgment (`label::verdict_in`) or
/// is the writer's reading ("which can't inspire much confidence") is
/// quoted beside the label; where or when goes into `facts` (the
/// question's " on the ward"); the person alone goes; the rest is the
/// setting, a verb-first part after the label with its subject ("She
/// said she would take all her tablets tonight").
pub fn sort_rest(
    cx: &Context<'_>,
    lead: &[String],
    tail: &[String],
    judged: &str,
    facts: &mut String,
) -> Sorted {
    let mut quotes: Vec<String> = Vec::new();
    let mut setting: Vec<String> = Vec::new();
    for (i, piece) in lead.iter().chain(tail).enumerate() {
        if i == lead.len() && !judged.is_empty() {
            quotes.push(judged.to_string());
        }
        let plain = resolve_phrase(piece);
        let plain = plain.trim();
        let first = plain
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        if label::verdict_in(plain).is_some() || writers_view(plain) {
            let mut own = without_subject(plain, cx);
            // "kicking off | about a 20 min wait for a commode": what it
            // was about is where, not part of the quote.
            if let Some(at) = label::verdict_in(&own).filter(|r| own[..r.start].trim().is_empty()) {
                let after = &own[at.end..];
                if facts.is_empty() && (after.starts_with(" about ") || after.starts_with(" over "))
                {
                    *facts = after.to_string();
                    own = own[..at.end].to_string();
                }
            }
            let own = own
                .trim()
                .strip_prefix("which ")
                .unwrap_or(own.trim())
                .to_string();
            let mut quote = judged_words(&own);
            // "Mum looked like she …": a person keeps their capital.
            if own.trim().starts_with(char::is_uppercase)
                && super::person::person_at(own.trim(), 0).is_some()
            {
                quote = inflect::capitalise(&quote);
            }
            if !quote.is_empty() && !quotes.contains(&quote) {
                quotes.push(quote);
            }
        } else if person_only(plain, cx)
            || super::person::person_at(plain, 0).is_some_and(|(r, _)| r.end == plain.len())
            || {
                let trimmed = trim_dangling(plain);
                super::person::person_at(&trimmed, 0).is_some_and(|(r, _)| r.end == trimmed.len())
            }
        {
            // "Bernard", "manager": the person the question names already.
        } else if first == "of" && quotes.last().is_some() {
            // "operating from a very early stage | of leadership maturity".
            if let Some(last) = quotes.last_mut() {
                *last = format!("{last} {plain}");
            }
        } else if (label::opens_adverbial(&first) && plain_adverbial(plain)
            || TIME_WORDS.contains(&first.as_str()) && !plain.contains(' ')
            || plain.eq_ignore_ascii_case("right now"))
            && facts.is_empty()
        {
            // "on the phone", "today": where or when, in the question.
            *facts = format!(" {}", inflect::decapitalise(plain));
        } else if holds_fact(&trim_lead(plain, i < lead.len()))
            && !person_only(&trim_lead(plain, i < lead.len()), cx)
        {
            // "Answered the door in", "Mum has clearly": the words that
            // led into the label go with it (a part after the label keeps
            // every word: "covering for her").
            let trimmed = trim_lead(plain, i < lead.len());
            let plain = trimmed.as_str();
            // "…, said she would take all her tablets tonight": the person
            // says it, the words stay as written.
            let verb_first = (i > 0 || lead.is_empty())
                && plain.starts_with(char::is_lowercase)
                && super::person::looks_like_verb(&first)
                && !matches!(first.as_str(), "and" | "just" | "still" | "also" | "really");
            // Only the person who opens the sentence: "…, sent her back up
            // to change" was the writer.
            let who = cx.subject();
            let lower = cx.sentence().to_ascii_lowercase();
            let w = who.to_ascii_lowercase();
            let opens = lower.starts_with(&w) && lower[w.len()..].starts_with([' ', '\'', '’']);
            if verb_first && opens && setting.is_empty() && !who.is_empty() {
                setting.push(format!("{} {plain}", inflect::capitalise(&who)));
            } else {
                setting.push(plain.to_string());
            }
        }
    }
    if !judged.is_empty() && !quotes.iter().any(|q| q == judged) {
        quotes.push(judged.to_string());
    }
    Sorted {
        quotes: joined(quotes, cx.sentence()),
        setting,
    }
}

/// `quotes` with two that stand side by side in `sentence`, joined by
/// "and" and a copula only, made one: "obstructive" and "disengaged from
/// the CIN plan" → "obstructive and disengaged from the CIN plan", so
/// every finding of the list quotes it the same way.
fn joined(quotes: Vec<String>, sentence: &str) -> Vec<String> {
    let lower = sentence.to_ascii_lowercase();
    let mut out: Vec<String> = Vec::new();
    for q in quotes {
        let merge = out.last().and_then(|prev| {
            let a = lower.find(&prev.to_ascii_lowercase())?;
            let gap_start = a + prev.len();
            let b = lower[gap_start..].find(&q.to_ascii_lowercase())? + gap_start;
            // "grubby and Mum looked like …": Mum is someone else.
            if sentence
                .get(b..)
                .is_some_and(|s| s.starts_with(char::is_uppercase))
            {
                return None;
            }
            let gap = &lower[gap_start..b];
            // "and today was textbook" has a subject of its own.
            let clause = q
                .split_whitespace()
                .any(|w| matches!(w, "is" | "was" | "are" | "were"));
            (!clause
                && gap
                    .split_whitespace()
                    .all(|w| matches!(w, "and" | "is" | "was" | "are" | "were")))
            .then_some(())
            .filter(|_| gap.contains("and"))
        });
        match (merge, out.last_mut()) {
            (Some(()), Some(prev)) => *prev = format!("{prev} and {q}"),
            _ => out.push(q),
        }
    }
    out
}

/// `piece`, trimmed by [`trim_dangling`] when it comes before the label.
fn trim_lead(piece: &str, before_label: bool) -> String {
    if before_label {
        trim_dangling(piece)
    } else {
        piece.to_string()
    }
}

/// `piece` without the words at its end that lead into something it no
/// longer has: a preposition, an article, an auxiliary, a look verb, an
/// adverb of the writer's ("Answered the door in" → "Answered the door";
/// "Mum has clearly" → "Mum").
fn trim_dangling(piece: &str) -> String {
    let mut words: Vec<&str> = piece.split_whitespace().collect();
    while let Some(last) = words.last() {
        let l = last.trim_end_matches([',', ';', ':']).to_ascii_lowercase();
        let dangling = matches!(
            l.as_str(),
            "in" | "on"
                | "at"
                | "to"
                | "of"
                | "with"
                | "for"
                | "and"
                | "or"
                | "but"
                | "the"
                | "a"
                | "an"
                | "her"
                | "his"
                | "their"
                | "she"
                | "he"
                | "they"
                | "it"
                | "has"
                | "have"
                | "had"
                | "is"
                | "was"
                | "are"
                | "were"
                | "can"
                | "could"
                | "will"
                | "would"
                | "became"
                | "becomes"
                | "keeps"
                | "kept"
                | "made"
                | "makes"
                | "like"
                | "be"
                | "been"
                | "who"
                | "that"
                | "which"
                | "she'd"
                | "he'd"
                | "they'd"
                | "she's"
                | "he's"
                | "they're"
        ) || LOOK_VERBS.contains(&l.as_str())
            || super::label_lead_word(&l)
            || l.len() > 4
                && l.ends_with("ly")
                && !matches!(
                    l.as_str(),
                    "apply"
                        | "reply"
                        | "supply"
                        | "comply"
                        | "family"
                        | "bully"
                        | "belly"
                        | "rally"
                );
        if !dangling {
            break;
        }
        words.pop();
    }
    words.join(" ")
}

/// Whether `piece` is nothing but an aside of the writer's ("as per").
fn only_aside(piece: &str) -> bool {
    static ONLY: OnceLock<Regex> = OnceLock::new();
    re(&ONLY, &format!(r"(?i)^(?:{})$", asides())).is_match(piece.trim())
}

/// Single words of time that end a label's sentence: where, not more
/// of the label ("very demanding overnight").
const TIME_WORDS: &[&str] = &[
    "overnight",
    "overnite",
    "today",
    "tonight",
    "yesterday",
    "again",
    "earlier",
    "later",
    "lately",
    "recently",
    "now",
    "throughout",
];

/// Whether `piece` is the writer's reading rather than a fact: a reason,
/// a comment or a prediction ("because she's scared of succeeding",
/// "which undermines her at work", "you only need to look at the
/// hallway", "she'll have forgotten about it by next week").
fn writers_view(piece: &str) -> bool {
    static VIEW: OnceLock<Regex> = OnceLock::new();
    re(
        &VIEW,
        r"(?i)^(?:because|cos|which|if|so that|as if|you (?:only|just|can)|it shows|these things|that says|(?:she|he|they)(?:'ll|’ll| will)|(?:she|he|they) (?:would|might)|[\w\s]{0,30}\bwould be of)\b",
    )
    .is_match(piece)
}

/// `text` split at its commas, semicolons and colons, but not inside a
/// time or a number ("01:30", "1,200"): set j's "at 01:30" came back as
/// "30".
fn split_parts(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let mut parts = Vec::new();
    let mut from = 0;
    for (i, c) in text.char_indices() {
        if matches!(c, ',' | ';' | ':') {
            let digits = i > 0
                && bytes[i - 1].is_ascii_digit()
                && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
            if !digits {
                parts.push(&text[from..i]);
                from = i + 1;
            }
        }
    }
    parts.push(&text[from..]);
    parts
}

/// The parts of what a margin question leaves out of its sentence, at
/// its commas, semicolons and colons, and at an "and" that joins a
/// judgment to a fact ("refused obs at 0200 and was uncooperative").
pub fn pieces(rest: &str) -> Vec<String> {
    let mut out = Vec::new();
    for part in split_parts(rest) {
        let part = part.trim().trim_end_matches(['.', '!', '?', '…']).trim();
        let halves: Vec<&str> = part.split(" and ").collect();
        let judges = |h: &str| label::verdict_in(&resolve_phrase(h)).is_some();
        let mixed = halves.len() == 2 && judges(halves[0]) != judges(halves[1]);
        let parts = if mixed { halves } else { vec![part] };
        for p in parts {
            let mut p = p.trim();
            for joint in ["and ", "or ", "but ", "… "] {
                p = p.strip_prefix(joint).unwrap_or(p).trim();
            }
            let p = p.trim_end_matches(" and").trim_end_matches(" the").trim();
            // A connective alone ("…, which | doesn't exactly scream") is no part.
            let connective = matches!(
                p.to_ascii_lowercase().as_str(),
                "which" | "because" | "so" | "and" | "but" | "or" | "though" | "then" | "there"
            ) || only_aside(p);
            if p.chars().any(char::is_alphanumeric) && !connective {
                out.push(p.to_string());
            }
        }
    }
    out
}

/// `piece` without the person who opens it ("Mum is disengaged" →
/// "is disengaged"), so a quote of its judgment holds only the judgment.
fn without_subject(piece: &str, cx: &Context<'_>) -> String {
    let subject = cx.subject();
    let lower = piece.to_ascii_lowercase();
    let whos = [
        subject.to_ascii_lowercase(),
        cx.person.name.to_ascii_lowercase(),
        "she".to_string(),
        "he".to_string(),
        "they".to_string(),
        "it".to_string(),
    ];
    for who in whos {
        if !who.is_empty()
            && lower.starts_with(&who)
            && lower[who.len()..].starts_with([' ', '\'', '’'])
        {
            // "she'll never manage": the contraction goes with her.
            let rest = &piece[who.len()..];
            return match rest.find(' ') {
                Some(i) if rest.starts_with(['\'', '’']) => rest[i..].to_string(),
                _ => rest.to_string(),
            };
        }
    }
    // "J was being …": an initial is the person.
    let mut chars = piece.chars();
    if chars.next().is_some_and(|c| c.is_ascii_uppercase()) && chars.next() == Some(' ') {
        return piece[2..].to_string();
    }
    piece.to_string()
}

/// Prepositions that take a label's complement: "argumentative with
/// everyone", "too simple to understand", "minded enough for …".
const COMPLEMENTS: &[&str] = &[
    "with", "for", "to", "about", "over", "towards", "toward", "around", "into", "of", "by", "from",
];

/// Whether `tail` reads as where or when, with no verb of its own ("on the
/// ward tonight", not "on the first floor got out to the car park").
fn plain_adverbial(tail: &str) -> bool {
    let words: Vec<&str> = tail.split_whitespace().collect();
    // "when the CIN plan was raised": a clause of time has its own verb.
    let first = words
        .first()
        .map(|w| w.to_ascii_lowercase())
        .unwrap_or_default();
    if matches!(
        first.as_str(),
        "when" | "whenever" | "while" | "whilst" | "after" | "before" | "since"
    ) {
        return words.len() <= 9;
    }
    words.len() <= 7
        && words.iter().skip(1).all(|w| {
            let w = w.to_ascii_lowercase();
            let verb = w.len() > 4 && w.ends_with("ed")
                || matches!(
                    w.as_str(),
                    "is" | "was"
                        | "are"
                        | "were"
                        | "has"
                        | "had"
                        | "gets"
                        | "does"
                        | "did"
                        | "will"
                        | "can"
                        | "goes"
                        | "makes"
                );
            !verb && !inflect::is_irregular_past(&w)
        })
}

/// Whether `piece` holds a word of fact: not only the person's pronoun,
/// a copula, an intensifier or an adverb of the writer's ("She clearly",
/// "Her", "Client remains highly").
fn holds_fact(piece: &str) -> bool {
    piece.split_whitespace().any(|w| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_ascii_lowercase();
        !w.is_empty()
            && !super::NO_FACT.contains(&w.as_str())
            && !LOOK_VERBS.contains(&w.as_str())
            && !super::INTENSIFIERS.contains(&w.as_str())
            && !super::label_lead_word(&w)
            && !matches!(
                w.as_str(),
                "continues" | "continued" | "one" | "still" | "she's" | "he's" | "they're" | "it's"
            )
            && !w.ends_with("ly")
            && !matches!(
                w.as_str(),
                "she"
                    | "he"
                    | "they"
                    | "her"
                    | "his"
                    | "him"
                    | "their"
                    | "them"
                    | "remains"
                    | "remained"
                    | "client"
                    | "pt"
                    | "patient"
            )
    })
}

/// Whether `word` carries a fact a quote must not swallow: a number or a
/// person.
fn is_fact_word(word: &str) -> bool {
    word.chars().any(|c| c.is_ascii_digit())
}

/// Whether the lead (the sentence before the label, less its copula and
/// intensifiers) is only the person, an opener or nothing.
fn person_only(lead: &str, cx: &Context<'_>) -> bool {
    let lead = lead.trim().trim_end_matches(',');
    if lead.is_empty() {
        return true;
    }
    let subject = cx.subject();
    let rest = lead
        .strip_suffix(subject.as_str())
        .or_else(|| {
            let l = lead.to_ascii_lowercase();
            l.ends_with(&subject.to_ascii_lowercase())
                .then(|| &lead[..lead.len() - subject.len()])
        })
        .unwrap_or(lead);
    // "Honestly, these are first-world problems", "It's just hormones":
    // a pronoun or demonstrative stands for the person or their concern.
    let pronoun = rest.split_whitespace().all(|w| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_ascii_lowercase();
        matches!(
            w.as_str(),
            "she" | "he" | "they" | "these" | "those" | "this" | "it" | "that"
        ) || super::NO_FACT.contains(&w.as_str())
            || LOOK_VERBS.contains(&w.as_str())
    });
    pronoun
        || rest.split_whitespace().all(|w| {
            let w = w
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_ascii_lowercase();
            w.is_empty() || super::NO_FACT.contains(&w.as_str())
        })
}

/// Verbs that join a person to how they looked or seemed: "Pt looks
/// grubby" is the person and the label.
pub const LOOK_VERBS: &[&str] = &[
    "looks",
    "looked",
    "look",
    "looking",
    "presents",
    "presented",
    "appears",
    "appeared",
    "seems",
    "seemed",
    "sounds",
    "sounded",
];

/// The label words of `phrase` to quote: without a copula, article or
/// intensifier at the start, a joining word at either end, or the end
/// punctuation; decapitalised.
fn judged_words(phrase: &str) -> String {
    let phrase = phrase.trim_start();
    // "'s let himself go": the contraction belonged to the person.
    let phrase = ["'s ", "’s ", "'re ", "’re "]
        .iter()
        .find_map(|c| phrase.strip_prefix(c))
        .unwrap_or(phrase);
    let mut words: Vec<&str> = phrase
        .trim_matches(|c: char| !c.is_alphanumeric())
        .split_whitespace()
        .collect();
    while let Some(first) = words.first() {
        let w = first.to_ascii_lowercase();
        if matches!(w.as_str(), "and" | "or" | "but") || super::INTENSIFIERS.contains(&w.as_str()) {
            words.remove(0);
        } else {
            break;
        }
    }
    while let Some(last) = words.last() {
        let l = last.to_ascii_lowercase();
        if matches!(
            l.as_str(),
            "and" | "or" | "but" | "since" | "the" | "a" | "an"
        ) {
            words.pop();
        } else {
            break;
        }
    }
    let joined = words.join(" ");
    let joined = joined.trim_end_matches([',', ';', ':']);
    inflect::decapitalise(joined)
}

/// Where or when, as the margin question may say it after "do or say":
/// a phrase that opens with a preposition of place or time, or a time
/// word, whole; nothing for the writer's view or a phrase cut from its
/// clause, which the supervisor marked on set h ("do in my view", "from
/// the off", "all round", "at all", "see At do at this point", "see all
/// leopard print and heels").
pub fn sound_where(facts: String) -> String {
    let lower = facts.trim().to_ascii_lowercase();
    let Some(first) = lower.split_whitespace().next() else {
        return String::new();
    };
    let opens = matches!(
        first,
        "at" | "on"
            | "in"
            | "during"
            | "with"
            | "when"
            | "whenever"
            | "after"
            | "before"
            | "over"
            | "about"
            | "towards"
            | "toward"
            | "around"
            | "while"
            | "overnight"
            | "tonight"
            | "today"
            | "yesterday"
            | "this"
            | "last"
            | "again"
            | "since"
    ) || TIME_WORDS.contains(&first)
        || first == "all"
            && lower.split_whitespace().nth(1).is_some_and(|w| {
                matches!(
                    w,
                    "day"
                        | "week"
                        | "night"
                        | "morning"
                        | "afternoon"
                        | "evening"
                        | "session"
                        | "weekend"
                )
            });
    let off = [
        "my view",
        "all round",
        "the off",
        "this point",
        "at all",
        "this stage",
        "his life",
        "her life",
        "their life",
    ]
    .iter()
    .any(|w| lower.contains(w))
        // A person ("this one") or a state ("in floods at a nursery
        // rhyme") is no where or when: "What did they say or show this
        // one that …" (set p, rated 2).
        || ["this one", "that one", "this lad", "this lass"]
            .iter()
            .any(|w| lower == *w)
        || [
            "in tears", "in floods", "in bits", "in pieces", "in a state", "in a mood", "in a huff",
            "in a strop", "in a temper", "in a rage",
        ]
        .iter()
        .any(|w| lower.starts_with(w));
    // "about" alone, or "in the same": a preposition that lost its
    // object ("What did you see or hear about that you called …", "of
    // Kid in the same that read as …", set n, rated 1-2).
    let words: Vec<&str> = lower.split_whitespace().collect();
    // "at 58 she" from "At 58 she's too set in her ways": a where that
    // ends on a subject is the next clause cut off ("What did you see her
    // do at 58 she that …", set s, rated 2).
    let cut = words.last().is_some_and(|w| {
        DANGLING.contains(w)
            || matches!(
                *w,
                "same" | "about" | "in" | "on" | "at" | "he" | "she" | "they" | "we" | "i" | "it"
            )
            || w.ends_with("'s")
            || w.ends_with("’s")
    });
    if opens && !off && !cut && !lower.contains([',', ';', ':']) {
        facts
    } else {
        String::new()
    }
}

/// How the margin question names the person, only where they are the
/// subject of the judged words (round 8): a pronoun, nobody named
/// ("they"), or a name or role that stands before the label in its own
/// clause ("Priya was defensive"), or right after it ("Very needy
/// client"). Not a name whose possessive follows ("Mrs Greaves'
/// daughter"), a person after a comma ("K was vile tonight, rude and
/// spiteful to the other kids" for "rude and spiteful"), nor a word of
/// the label ("Not a pleasant man"). `None`: the question asks "what did
/// you see or hear", naming nobody.
pub fn who_subject(cx: &Context<'_>) -> Option<String> {
    let w = who(cx);
    if matches!(cx.person.kind, Kind::Unnamed | Kind::Pronoun) || w == "they" {
        return Some(w);
    }
    let span = cx.span();
    let start = cx.sentence.start.min(span.start);
    let before = cx.text[start..span.start].to_ascii_lowercase();
    let name = cx.person.name.to_ascii_lowercase();
    if name.is_empty() {
        return None;
    }
    let bounded = |hay: &str, at: usize| {
        !hay[..at].ends_with(|c: char| c.is_alphanumeric())
            && !hay[at + name.len()..].starts_with(|c: char| c.is_alphanumeric())
    };
    if let Some(p) = before.rfind(name.as_str()).filter(|&p| bounded(&before, p)) {
        let between = &before[p + name.len()..];
        // "Pt refused obs at 0200, uncooperative with night staff": a
        // label that opens its own part, with no subject of its own, is
        // still said of the person.
        let opens_part = between.rfind([',', ';', ':']).is_none_or(|at| {
            between[at + 1..].split_whitespace().all(|word| {
                super::INTENSIFIERS.contains(&word)
                    || super::NO_FACT.contains(&word)
                    || matches!(
                        word,
                        "total" | "complete" | "utter" | "absolute" | "proper" | "real" | "such"
                    )
            })
        });
        if between.starts_with(['\'', '’']) || !opens_part {
            return None;
        }
        // "back from contact with mum, filthy": a person after a
        // preposition or a possessive is not who the words describe.
        let word_before = before[..p]
            .split(|c: char| !c.is_alphanumeric())
            .rfind(|w| !w.is_empty())
            .unwrap_or("");
        if matches!(
            word_before,
            "with" | "from" | "to" | "by" | "for" | "at" | "of" | "about" | "his" | "her" | "their"
        ) {
            return None;
        }
        // "Leaving three kids under five to go backpacking - selfish",
        // "Spending it on the pokies while the kids go hungry": a person
        // after a verb or a "while" of their clause is not who acts (set
        // n: "What did the kids do or say" was rated 1).
        let clause = before[..p]
            .rfind([',', ';', ':', '.'])
            .map_or(&before[..p], |at| &before[at + 1..p]);
        if clause.split(|c: char| !c.is_alphanumeric()).any(|w| {
            (w.len() > 4 && w.ends_with("ing"))
                || matches!(
                    w,
                    "while" | "whilst" | "when" | "because" | "if" | "as" | "than"
                )
        }) {
            return None;
        }
        // "Children …, Mam in her pyjamas, looked like she hadn't
        // washed": the judged words name someone of another gender.
        let judged = format!(" {} ", cx.text[span.clone()].to_ascii_lowercase());
        let has_word = |ws: &[&str]| {
            judged
                .split(|c: char| !c.is_alphanumeric())
                .any(|x| ws.contains(&x))
        };
        let she = has_word(&["she", "herself"]);
        let he = has_word(&["he", "him", "himself"]);
        let other = match cx.person.gender {
            super::person::Gender::Female => he,
            super::person::Gender::Male => she,
            super::person::Gender::Plural => she || he,
            _ => false,
        };
        if other {
            return None;
        }
        return Some(w);
    }
    if cx.person.kind == Kind::Role {
        let end = super::floor(cx.text, (span.end + 2 + name.len()).min(cx.sentence.end));
        let after = cx.text[span.end.min(end)..end].to_ascii_lowercase();
        if after.trim_start().starts_with(name.as_str())
            && !cx.text[span.clone()]
                .to_ascii_lowercase()
                .contains(name.as_str())
        {
            return Some(w);
        }
    }
    None
}

/// How the margin question names the person: as the note does ("Pt",
/// "Mum", "the client"), their pronoun, or "they" when the note names
/// nobody.
pub fn who(cx: &Context<'_>) -> String {
    // "Mr and Mrs Lyle": two people are "they".
    if cx.person.gender == super::person::Gender::Plural && cx.person.kind == Kind::Name {
        return "they".to_string();
    }
    // "Typical Gen Z snowflake": a capitalised word of the label is not a name.
    if cx.person.kind == Kind::Name && cx.text[cx.span()].contains(cx.person.name.as_str()) {
        return "they".to_string();
    }
    // "Heavily tattooed and pierced, he …": an adverb is no name.
    if cx.person.kind == Kind::Name
        && !cx.person.name.contains(' ')
        && cx.person.name.len() > 4
        && cx.person.name.ends_with("ly")
    {
        return match cx.person.gender {
            super::person::Gender::Female => "she",
            super::person::Gender::Male => "he",
            _ => "they",
        }
        .to_string();
    }
    cx.person.named()
}

/// A hearsay word between the person and what they did ("Pt allegedly
/// took an overdose"): the person as written, the word, the verb after
/// it, and what says it is theirs ("says they"). Taking the word out would
/// turn a reported, doubted account into a recorded fact, a risk above all
/// (issue 26 item 7; set j); the account stays the person's.
struct Hearsay {
    who: String,
    word: String,
    verb: String,
    says: String,
}

fn hearsay(cx: &Context<'_>) -> Option<Hearsay> {
    static HEARSAY: OnceLock<Regex> = OnceLock::new();
    let hearsay = re(
        &HEARSAY,
        r"(?P<who>\b(?:[Ss]he|[Hh]e|[Tt]hey|[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*)?))\s+(?P<word>(?i:allegedly|supposedly|reportedly|apparently|purportedly|ostensibly)),?\s+(?P<verb>[a-z][\w'’-]*)",
    );
    let c = hearsay.captures(cx.sentence())?;
    let who = c["who"].to_string();
    let lower = who.to_ascii_lowercase();
    let pronoun = matches!(lower.as_str(), "she" | "he" | "they");
    // Only the note's person: "Money allegedly went missing" has no teller.
    let person = cx.person.kind != Kind::Unnamed && who.eq_ignore_ascii_case(cx.person.name.trim());
    if !pronoun && !person {
        return None;
    }
    // A verb said of the past, the account the hearsay word doubts.
    let verb = c["verb"].to_string();
    if !(verb.ends_with("ed") || inflect::is_irregular_past(&verb)) {
        return None;
    }
    let p = if pronoun {
        lower.clone()
    } else {
        match cx.person.gender {
            super::person::Gender::Female => "she".to_string(),
            super::person::Gender::Male => "he".to_string(),
            _ => "they".to_string(),
        }
    };
    let says = if lower == "they" { "say" } else { "says" };
    Some(Hearsay {
        who,
        word: c["word"].to_string(),
        verb,
        says: format!("{says} {p}"),
    })
}

/// What the flagged hearsay word is said as: "says they" where it stands
/// between the person and what they did, so the fix keeps the teller.
pub fn teller_for(cx: &Context<'_>, matched: &str) -> Option<String> {
    let h = hearsay(cx)?;
    h.word
        .eq_ignore_ascii_case(matched.trim())
        .then_some(h.says)
}

/// `suggestion` with the teller put back where it says what the person
/// did without the hearsay word ("Pt took an overdose" → "Pt says they
/// took an overdose"); `None` where it does not.
pub fn keep_teller(suggestion: &str, cx: &Context<'_>) -> Option<String> {
    let h = hearsay(cx)?;
    let bare = format!("{} {}", h.who, h.verb);
    let at = suggestion.find(&bare)?;
    Some(format!(
        "{}{} {} {}{}",
        &suggestion[..at],
        h.who,
        h.says,
        h.verb,
        &suggestion[at + bare.len()..]
    ))
}

/// A plain swap that left the rest of the obedience judgment in place
/// (round 10, set j: "Declined his meds again and would not do as he was
/// told", "declined point blank"): "point blank" goes with the refusal it
/// stressed; an obedience verdict beside it is not kept as if it were a
/// fact but asked about, the rest of the sentence its setting: "Declined
/// his meds again, so I've written it on the MAR chart and told the
/// senior: what did he say when he was asked? Write that instead of
/// "would not do as he was told".". `None` where `first` has neither.
pub fn obedience_left(first: &str, cx: &Context<'_>) -> Option<String> {
    if first.contains('?') {
        return None;
    }
    static BLANK: OnceLock<Regex> = OnceLock::new();
    static OBEY: OnceLock<Regex> = OnceLock::new();
    let blank = re(
        &BLANK,
        r"(?i)\bpoint[- ]blank\s+(?P<a>declin\w*)\b|\b(?P<b>declin\w*)(?P<o>\s+\w+)??\s+point[- ]blank\b",
    );
    let mut out = blank
        .replace_all(first, |c: &super::regex::Captures<'_>| match c.name("a") {
            Some(a) => a.as_str().to_string(),
            None => format!("{}{}", &c["b"], c.name("o").map_or("", |o| o.as_str())),
        })
        .into_owned();
    // "declined to do as she was told": the project's plain words for it.
    static AS_TOLD: OnceLock<Regex> = OnceLock::new();
    let as_told = re(
        &AS_TOLD,
        r"(?i)\b(?:declined|refused)\s+to\s+do\s+as\s+(?:she|he|they)\s+(?:was|were)\s+told\b",
    );
    out = as_told
        .replace_all(&out, "did not do what was asked")
        .into_owned();
    let obey = re(
        &OBEY,
        r"(?i),?\s+(?:and\s+)?(?P<v>(?:would not|wouldn't|will not|won't|did not|didn't|does not|doesn't)\s+(?:do as (?:she|he|they)(?: was| were|'s|’s)? told|do what (?:she|he|they) (?:was|were) told|listen to (?:any |the |our |my )?(?:advice|staff|anyone|reason|instructions?)))(?:\s+by (?P<by>(?:the )?[a-z]+(?: staff)?))?",
    );
    if let Some(m) = obey.find(&out) {
        let c = obey.captures(&out)?;
        let said = c["v"].to_string();
        let by = c.name("by").map(|b| b.as_str().to_string());
        let setting = format!("{}{}", &out[..m.start()], &out[m.end()..]);
        let setting = setting
            .trim()
            .trim_end_matches(['.', '!', ';', ','])
            .trim_end();
        let p = match cx.person.gender {
            super::person::Gender::Female => "she",
            super::person::Gender::Male => "he",
            _ => "they",
        };
        let was = if p == "they" { "were" } else { "was" };
        let asked = if said.to_ascii_lowercase().contains("advice") {
            format!("what did {p} say about the advice")
        } else if let Some(by) = by {
            let them = super::clause::as_object(p);
            format!("what did {p} say when {by} asked {them}")
        } else {
            format!("what did {p} say when {p} {was} asked")
        };
        out = format!("{setting}: {asked}? Write that instead of \"{said}\".");
    }
    (out != first).then_some(out)
}

/// A doubted account said plainly with the doubt left around it (round
/// 10, set j: credibility 2.64): the doubt adverb before the telling verb
/// goes ("conveniently claims" → "says"), "claims, yet again, that" is
/// "says again that", and the writer's doubt that rests on evidence
/// ("which is hard to square with the empties in the recycling", "but I
/// have my doubts given the attrition figures") becomes the evidence to
/// write down: "Dad says he has not had a drink since the last
/// conference (say what the empties in the recycling showed).". `None`
/// where the sentence has none of these, or the result would not read.
pub fn plain_doubt(cx: &Context<'_>) -> Option<String> {
    static ADVERB: OnceLock<Regex> = OnceLock::new();
    static AGAIN: OnceLock<Regex> = OnceLock::new();
    static EVIDENCE: OnceLock<Regex> = OnceLock::new();
    let sentence = cx.sentence().trim();
    let mut out = sentence.to_string();
    let mut changed = false;
    let adverb = re(
        &ADVERB,
        r"(?i)\b(?:conveniently|supposedly|allegedly|apparently|purportedly|ostensibly|of course)\s+(?P<v>(?:claims|claimed|insists|insisted|alleges|alleged|maintains|maintained|says|said|reports|reported|swears|swore|reckons)\b)",
    );
    if adverb.is_match(&out) {
        out = adverb.replace_all(&out, "$v").into_owned();
        changed = true;
    }
    let evidence = re(
        &EVIDENCE,
        r"(?i)^(?P<acc>.+?)\s*,?\s+(?:(?:but|though|although|and)\s+)?(?:which\s+(?:is|seems|sounds|was|seemed)\s+(?:hard to square with|difficult to square with|contradicted by|at odds with|(?:unlikely|doubtful|questionable|implausible) given)|which I (?:found|find) (?:it )?(?:hard|difficult) to believe given|I have (?:my|some) doubts given|I'?m not (?:convinced|sure) given|I am not (?:convinced|sure) given)\s+(?P<ev>(?:the|his|her|their|a|an|two|three|four|several)\b[^.;!?]+?)\s*[.!]?$",
    );
    if let Some(c) = evidence.captures(&out) {
        let acc = c["acc"].trim_end_matches([',', ' ']).to_string();
        let ev = inflect::decapitalise(c["ev"].trim());
        out = format!("{acc} (say what {ev} showed).");
        changed = true;
    }
    // "… but was vague on timings and I'm not convinced she took any": the
    // writer's doubt of the account goes, the account stays word for word
    // (an overdose above all).
    static NOT_CONVINCED: OnceLock<Regex> = OnceLock::new();
    let not_convinced = re(
        &NOT_CONVINCED,
        r"(?i),?\s+(?:and|but|though)\s+(?:I'?m|I am)\s+not\s+(?:convinced|sure)\s+(?:that\s+)?(?:she|he|they)\s+[^.;!?]*(?P<end>[.!]?)\s*$",
    );
    if not_convinced.is_match(&out) {
        out = not_convinced.replace(&out, "$end").into_owned();
        changed = true;
    }
    let again = re(
        &AGAIN,
        r"\b(?P<v>[Cc]laims|[Ii]nsists|[Aa]lleges|[Mm]aintains|[Ss]ays),\s+(?:(?:yet|once)\s+)?again,\s+(?:that\s+)?",
    );
    if again.is_match(&out) {
        changed = true;
        out = again
            .replace_all(&out, |c: &super::regex::Captures<'_>| {
                let says = if c["v"].starts_with(char::is_uppercase) {
                    "Says"
                } else {
                    "says"
                };
                format!("{says} again that ")
            })
            .into_owned();
    }
    let resolved = resolve(&out, cx);
    let plain = super::clause::unquote_words(&resolved);
    let plain = super::tidy(&plain);
    static LEFT: OnceLock<Regex> = OnceLock::new();
    let left = re(
        &LEFT,
        r"(?i)\b(?:claims|claimed|insists|insisted|alleges|maintains|conveniently|supposedly|apparently|allegedly|my doubts|not convinced|hard to believe)\b",
    );
    (changed && !left.is_match(&plain) && grammatical(&plain)).then_some(plain)
}

/// What the plain margin question asks the writer to put down, by what
/// the sentence is about, never by chance (round 10: "Write that
/// instead." closed 48 of set j's 218 first suggestions): where it
/// happened ("Write what happened on the ward instead."), when ("Write
/// that, as it happened overnight."), or the activity ("Write that, and
/// what was happening at personal care."); else "Write that instead.".
/// A place or time the question already names is not said twice.
pub fn write_that(cx: &Context<'_>, asked: &str) -> String {
    static PLACE: OnceLock<Regex> = OnceLock::new();
    static TIME: OnceLock<Regex> = OnceLock::new();
    static ACTIVITY: OnceLock<Regex> = OnceLock::new();
    let sentence = cx.sentence();
    // What the question already says, outside its quotes.
    let lower_asked: String = asked
        .split('"')
        .step_by(2)
        .collect::<Vec<_>>()
        .join(" ")
        .to_ascii_lowercase();
    let fresh = |m: &str| !lower_asked.contains(&m.to_ascii_lowercase());
    let place = re(
        &PLACE,
        r"(?i)\b(?:on the (?:ward|unit|bus|phone|estate|landing|corridor)|in (?:school|lessons?|sessions?|supervision|meetings?|contact|care|custody)|at (?:school|home|college|work|contact|the (?:hostel|unit|desk|door|centre|center|office|surgery|clinic|shop|gate|window))|in (?:the )?(?:class|classroom|group|kitchen|lounge|dining room|corridor|office|flat|house|hostel|playground|waiting room|day room|car park|canteen|garden))\b",
    );
    if let Some(m) = place.find(sentence).filter(|m| fresh(m.as_str())) {
        return format!(
            "Write what happened {} instead.",
            inflect::decapitalise(m.as_str())
        );
    }
    let time = re(
        &TIME,
        r"(?i)\b(?:overnight|tonight|last night|this (?:morning|afternoon|evening|week)|yesterday|today|at (?:\d{1,2}[:.]?\d{2}|\d{1,2}\s?(?:am|pm)|handover|teatime|lunch(?:time)?|breakfast|bedtime|night)|on (?:a |the )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?|every (?:morning|evening|night|day|week|visit|session)|in the (?:mornings?|evenings?|night)|(?:until|at|by|after) \d{1,2}\s?(?:am|pm)|(?:\w+ )?(?:days|weeks|months|years) ago|during (?:the )?(?:night|day|session|visit|meeting|review|lesson|assessment|call))\b",
    );
    // A time the question quotes is not asked again after it ('read as
    // "lies in bed all day, every day"? Write that, as it happened every
    // day.', set w, rated 2: it repeats the absolute as a fact), nor is
    // an "every …", which says how often.
    let quoted = asked.to_ascii_lowercase();
    if let Some(m) = time.find(sentence).filter(|m| {
        let lower = m.as_str().to_ascii_lowercase();
        fresh(m.as_str()) && !quoted.contains(&lower) && !lower.starts_with("every ")
    }) {
        return format!(
            "Write that, as it happened {}.",
            inflect::decapitalise(m.as_str())
        );
    }
    let activity = re(
        &ACTIVITY,
        r"(?i)\b(?:at|during|with|about) (?P<a>(?:her |his |their |the )?(?:personal care|meds|medication|medicines|wash|shower|bath|meals?|dinner|tea|the worksheet|homework|the review|the visit|the meeting|the assessment|supervision|the session|group|contact|the plan|the budget|the exercise|obs|bloods))\b",
    );
    if let Some(c) = activity.captures(sentence).filter(|c| fresh(&c["a"])) {
        return format!(
            "Write that, and what was happening at {}.",
            inflect::decapitalise(&c["a"])
        );
    }
    // What the sentence is about, where nothing says when or where.
    if let Some(topic) = cx
        .topic()
        .filter(|t| {
            t.split_whitespace().count() <= 4
                && !asked.to_ascii_lowercase().contains(&t.to_ascii_lowercase())
        })
        .filter(|t| {
            let lower = t.to_ascii_lowercase();
            ["the ", "her ", "his ", "their "]
                .iter()
                .any(|d| lower.starts_with(d))
                && !lower.contains("instead")
                && !lower.contains(" single")
        })
    {
        return format!("Write that, and what happened around {topic}.");
    }
    "Write that instead.".to_string()
}

/// A margin question that asks what the person did about words that are
/// the worker's own (a warning, a reminder, an expectation: "was reminded
/// yet again that the order is not optional", "informed that she must …
/// or she will face a penalty notice", "is expected to attend twice
/// weekly, no ifs or buts") asks instead what the person said when told:
/// "What did Mum say when reminded that the order is not optional? Write
/// that, and what she was told, in plain words." (round 12, set n: the
/// warning read as the client's act was rated 1-2 and "changed a fact"
/// in five of seven rows). `None` unless `first` is such a question and
/// every word it quotes stands in the telling.
pub fn told_instead(first: &str, cx: &Context<'_>) -> Option<String> {
    static TOLD: OnceLock<Regex> = OnceLock::new();
    static OPENER: OnceLock<Regex> = OnceLock::new();
    if !first.contains(" do or say") || !first.contains("read as \"") {
        return None;
    }
    let sentence = cx.sentence().trim();
    let told = re(
        &TOLD,
        r"(?i)\b(?:(?:was|were|is|are|been|being|got|gets)\s+(?:\w+\s+){0,2}?(?P<pv>reminded|warned|informed|told|advised|instructed|made aware|expected|required)|(?P<av>told|warned|informed|reminded|explained|advised|instructed))\b",
    );
    let m = told.captures(sentence)?;
    let whole = m.get(0)?;
    let verb = m
        .name("pv")
        .or_else(|| m.name("av"))?
        .as_str()
        .to_ascii_lowercase();
    // Every quoted judgment is in the telling, from its verb on.
    let telling = sentence[whole.start()..].to_lowercase();
    let quotes: Vec<&str> = first
        .split("read as \"")
        .nth(1)?
        .split('"')
        .step_by(2)
        .map(str::trim)
        .filter(|q| !q.is_empty())
        .collect();
    if quotes.is_empty() || !quotes.iter().all(|q| telling.contains(&q.to_lowercase())) {
        return None;
    }
    // What was said: "that …" or "to …" after the verb (and its object,
    // and "yet again", "firmly"), up to the threat ("or", "if", "and").
    let opener = re(
        &OPENER,
        r"(?i)^(?:[\s,]+(?:(?:her|him|them|me|us|pt|the \w+|(?-i:\p{Lu}\w*)|yet|again|once|twice|\w+ times|more|firmly|clearly|straight|repeatedly|very|that)\b))*?[\s,]+(?P<c>(?:that|to|(?:she|he|they)\s+(?:must|has to|have to|had to|will|would|should|needs? to|is|are|was|were))\s.*)$",
    );
    let after = &sentence[whole.end()..];
    // "was advised again and is still not following the plan": what
    // comes after the telling is the person's own act, not what they
    // were told.
    let next = after
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .find(|w| {
            !matches!(
                w.to_ascii_lowercase().as_str(),
                "yet"
                    | "again"
                    | "once"
                    | "more"
                    | "firmly"
                    | "clearly"
                    | "straight"
                    | "repeatedly"
            )
        })
        .unwrap_or("")
        .to_ascii_lowercase();
    if matches!(next.as_str(), "and" | "but" | "so" | "yet" | "then") {
        return None;
    }
    // "… and did not", "… but hasn't done so": the person's own act
    // after what they were told is a fact the question keeps. Only the
    // bare act: "and didn't bother" is judgment, not a fact to keep.
    static NOT_DONE: OnceLock<Regex> = OnceLock::new();
    let not_done = re(
        &NOT_DONE,
        r"(?i)^\s*(?:and|but)\s+(?:then\s+|still\s+)?(?P<n>(?:did not|didn't|does not|doesn't|has not|hasn't|have not|haven't|had not|hadn't|would not|wouldn't|will not|won't|never did)(?:\s+(?:do|done)\s+(?:so|it|that))?)\s*[.!]?\s*$",
    );
    let mut kept_act = None;
    let content = opener
        .captures(after)
        .and_then(|c| c.name("c"))
        .map(|c| {
            let c = c.as_str();
            let lower = c.to_ascii_lowercase();
            if let Some(at) = lower.find(" and ").or_else(|| lower.find(" but ")) {
                kept_act = not_done
                    .captures(&c[at..])
                    .and_then(|n| n.name("n"))
                    .map(|n| n.as_str().to_string());
            }
            let cut = [
                " or ",
                " if ",
                " and ",
                " but ",
                " unless ",
                " otherwise",
                " else",
                ",",
                ";",
                " - ",
                ":",
            ]
            .iter()
            .filter_map(|s| lower.find(s))
            .min()
            .unwrap_or(c.len());
            c[..cut].trim_end_matches(['.', '!', ' ']).to_string()
        })
        // "that" alone, or "that if she continues" cut to "that".
        .filter(|c| c.split_whitespace().count() >= 3);
    let p = match cx.person.gender {
        super::person::Gender::Female => "she",
        super::person::Gender::Male => "he",
        _ => "they",
    };
    let who = who(cx);
    let who = if who.is_empty() { p.to_string() } else { who };
    let content = content.map(|c| format!(" {c}")).unwrap_or_default();
    let (asked, close) = match verb.as_str() {
        "expected" | "required" => (
            format!("What did {who} say about being {verb}{content}?"),
            "Write that, and what was asked of",
        ),
        "explained" => (
            format!("What did {who} say when it was explained{content}?"),
            "Write that, and what was said to",
        ),
        v => (
            format!("What did {who} say when {v}{content}?"),
            "Write that, and what was said to",
        ),
    };
    let them = super::clause::as_object(p);
    let asked = match kept_act {
        // Only with what was said: "when told, and when she did not" has
        // nothing for the act to refer to.
        Some(act) if !content.is_empty() => format!(
            "{}, and what got in the way when {p} {act}? Write that, and what was said to {them}, in plain words.",
            asked.trim_end_matches('?')
        ),
        _ => format!("{asked} {close} {them}, in plain words."),
    };
    // A fact before the telling, a clause of its own, is its setting:
    // "Homework not completed for the third week; informed Pt …".
    let head = &sentence[..whole.start()];
    let setting = head
        .rfind([';', ':'])
        .map(|at| head[..at].trim())
        .filter(|s| s.split_whitespace().count() >= 3);
    let out = match setting {
        Some(s) => format!("{s}: {}", inflect::decapitalise(&asked)),
        None => inflect::capitalise(&asked),
    };
    (out != first).then_some(out)
}

/// The sentence without its last part where that part is only the verdict
/// ("… while the kids go hungry - no excuse for it", "Leaving three kids
/// under five to go backpacking for a month - frankly selfish"): the facts
/// before it, word for word, are the rewording (round 12, set n: the
/// margin question about "no excuse for it" lost the hungry children and
/// asked the wrong person). `None` unless the flagged words and the
/// writer's fillers are all the last part holds, and what is left before
/// it is a part of four words or more with no other judgment in it.
pub fn verdict_part_off(cx: &Context<'_>) -> Option<String> {
    let sentence = cx.sentence();
    let trimmed = sentence.trim_end();
    let body = trimmed.trim_end_matches(['.', '!', ' ']);
    let offset = cx.sentence.start;
    let span = cx.span();
    let span = span.start.checked_sub(offset)?..span.end.checked_sub(offset)?;
    if span.end > body.len() + 1 {
        return None;
    }
    let (sep_start, sep_end) = [" - ", " – ", " — ", ", ", "; "]
        .iter()
        .filter_map(|sep| {
            body[..span.start.min(body.len())]
                .rfind(sep)
                .map(|at| (at, at + sep.len()))
        })
        .max()?;
    let head = body[..sep_start].trim();
    let tail = &body[sep_end..];
    // "…, same story every time": the verdict is on a repeated account,
    // and the repetition is a fact (a repeated injury is a safeguarding
    // one): it stays, said plainly (set p: "Child say she fall off the
    // bed." dropped it, rated 1 twice).
    static SAME: OnceLock<Regex> = OnceLock::new();
    let same = re(
        &SAME,
        r"(?i)^(?:(?:and\s+)?(?:it'?s|it is|that'?s)\s+)?(?:the\s+)?same (?:old )?(?:story|excuse|account|line|tale) (?:every (?:time|visit|week)|again|as (?:always|ever|usual|last time))$",
    );
    if same.is_match(tail.trim()) {
        static YEAH: OnceLock<Regex> = OnceLock::new();
        let head = re(&YEAH, &format!(r"(?i)(?:,|;)\s*(?:{DOUBT_ASIDES})\s*$")).replace(head, "");
        let who = cx
            .pronoun()
            .filter(|p| matches!(p.as_str(), "she" | "he" | "they"))
            .unwrap_or_else(|| "they".to_string());
        let has = if who == "they" { "have" } else { "has" };
        let out = format!(
            "{}; {who} {has} given the same account before (say when).",
            inflect::capitalise(head.trim())
        );
        return grammatical(&out).then_some(out);
    }
    let flagged: Vec<String> = sentence[span.clone()]
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    const FILLER: &[&str] = &[
        "frankly",
        "honestly",
        "tbh",
        "really",
        "just",
        "simply",
        "plain",
        "as",
        "day",
        "it",
        "for",
        "there's",
        "that's",
        "is",
        "no",
        "quite",
        "very",
        "so",
        "pretty",
        "bit",
        "a",
        "an",
        "the",
        "and",
        "totally",
        "utterly",
        "completely",
        "absolutely",
        "if",
        "you",
        "ask",
        "me",
        "imo",
    ];
    let only_verdict = tail
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .all(|w| {
            let w = w.to_lowercase();
            flagged.contains(&w) || FILLER.contains(&w.as_str())
        });
    if !only_verdict || head.split_whitespace().count() < 4 || head.contains('"') {
        return None;
    }
    // A head that opens with "if", "when", "although" is no sentence: "If
    // the stairs are such a problem, why has she not moved?" is not "If
    // the stairs are such a problem." (set p, rated 1).
    let opens = head.split_whitespace().next().unwrap_or("").to_lowercase();
    if matches!(
        opens.as_str(),
        "if" | "when"
            | "whenever"
            | "although"
            | "though"
            | "because"
            | "since"
            | "unless"
            | "while"
            | "as"
    ) {
        return None;
    }
    let out = format!("{}.", inflect::capitalise(head));
    (grammatical(&out) && label::verdict_in(&out).is_none()).then_some(out)
}

/// `text` without a sneer at its start: "Funny how the nightmares ramped
/// up right when his rating came up" → "The nightmares ramped up when his
/// rating came up" (set n: the margin question quoted the facts as the
/// doubt, rated 3). `None` if it has none.
pub fn funny_start_off(text: &str) -> Option<String> {
    static FUNNY_START: OnceLock<Regex> = OnceLock::new();
    let funny_start = re(
        &FUNNY_START,
        r"^(?i:funny|strange|odd|interesting|convenient|amazing) (?i:how|that)\s+(?P<rest>\S.*?)$",
    );
    let c = funny_start.captures(text.trim())?;
    let rest = c["rest"].replace(" right when ", " when ");
    Some(inflect::capitalise(&rest))
}

/// A sentence that answers an account with evidence and says no more
/// than that it disagrees ("The plaque score begs to differ.", "BAC says
/// otherwise.", "I'll believe it when the GP letter comes.") asks what the
/// evidence showed, to be written beside the account (set n: the margin
/// question aimed at "begs to differ" was rated 2, "record the plaque
/// score"). `None` for any other sentence.
pub fn evidence_question(cx: &Context<'_>) -> Option<String> {
    static DIFFERS: OnceLock<Regex> = OnceLock::new();
    static BELIEVE: OnceLock<Regex> = OnceLock::new();
    let sentence = cx.sentence().trim().trim_start_matches(['.', ' ']);
    let p = match cx.person.gender {
        super::person::Gender::Female => "she",
        super::person::Gender::Male => "he",
        _ => "they",
    };
    let differs = re(
        &DIFFERS,
        r"^(?P<ev>(?i:the|his|her|their)\s+[\w' -]{2,40}?|[A-Z]{2,5})\s+(?i:begs? to differ|says? otherwise|says? different(?:ly)?|tells? (?:a |another |a very )?different story|suggests? otherwise|would disagree|disagrees?)\s*[.!]*$",
    );
    if let Some(c) = differs.captures(sentence) {
        let ev = inflect::decapitalise(&c["ev"]);
        let ev = if ev.chars().all(|ch| ch.is_ascii_uppercase()) {
            format!("the {ev}")
        } else {
            ev
        };
        return Some(format!(
            "What did {ev} show? Write that beside what {p} said."
        ));
    }
    let believe = re(
        &BELIEVE,
        r"^(?i:I'?ll|I will) (?i:believe (?:it|that)|believe (?:it|that) when I see it) (?i:when)\s+(?P<ev>(?i:the|his|her|their)\s+[\w' -]{2,40}?)\s+(?i:comes(?: back| in| through)?|arrives|is back|is in|confirms it)\s*[.!]*$",
    );
    let c = believe.captures(sentence)?;
    let ev = inflect::decapitalise(&c["ev"]);
    Some(format!(
        "When {ev} comes, write what it says beside what {p} said."
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_sentences_are_refused() {
        for broken in [
            "Has not happied with any appointment we offer (say when, and how often).",
            "Same pattern with has thied one: things go well he blows it (say when, and how often).",
            "Pt has not gone to accept that she has an illness (say when, and how often).",
            "He' I last saw him: put on a lot of weight and looks worn out.",
            "Pt and bedraggled: needs to sort herself out.",
            "Says to be drinking \"two cans a night\".",
            "Client was informed that continued the.",
            "He has alwayed leaves the kitchen in a state (say when, and how often).",
            "Dad is useless with forms, has had been, always will be (say when, and how often).",
            "He has not willed himself to get up (say when).",
        ] {
            assert!(!grammatical(broken), "{broken}");
        }
        for fine in [
            "Mum remembered the appointment after the school rang her.",
            "Turned up sober today.",
            "He has not used the urinal, though he has been shown how.",
            "The parents' car was outside.",
            "Pt … (what they did or said) on the ward tonight.",
            "She had had enough.",
            "He has not replied to the letter (say when).",
            "She has complied with the order.",
        ] {
            assert!(grammatical(fine), "{fine}");
        }
    }
}
