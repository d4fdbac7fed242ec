//! Text about judging is not judging (issue 20).
//!
//! Training material, reflection on note-writing and supervision name a
//! label to question it: "we can catch ourselves if we judge a client for
//! not engaging", "labels like resistant close down curiosity", "I noticed
//! I was getting frustrated and called him difficult in my head". Every
//! rule gets this check, a user's own too, after its `unless`: a candidate
//! is no finding when the part of its sentence it stands in (up to a "but"
//! or a semicolon either side) is
//!
//! - a label mentioned as a word: "words such as", "the label", "terms
//!   like", "… is a label";
//! - about judging people in general: a judging verb with anyone as its
//!   object ("label a young person as", "call a resident", "clients were
//!   described as", "that a client is");
//! - about the practice of writing: "avoid writing", "rather than
//!   recording", "it is tempting to write", "when we write that";
//! - the writer catching their own judgement: "I caught myself", "I
//!   realised I had", "in my head", "I was tempted to", "I had started to
//!   see her as";
//! - training material, by its opener: "Training slide 4:", "Module 3
//!   handout:", "Reflective log:".
//!
//! - someone else's words or view, reported: "She said her mum is always
//!   on at her", "He told me his boss is lazy", "Mum says Dad is selfish",
//!   "He described his father as stubborn" (the judgment is the speaker's,
//!   and a note records it as information). The writer's voice after the
//!   report ends it: "…, which I doubt", "…, allegedly", "but", "clearly",
//!   "as usual", scare quotes.
//!
//! A judgement the writer makes stays one, whoever the subject: "We all
//! know he is lazy", "I would label him as manipulative", "We try not to
//! judge, but her choices are selfish" (the "but" ends the reflection),
//! "We told her she is being selfish".

use std::ops::Range;
use std::sync::OnceLock;

use crate::suggest::regex::Lazy;

use crate::document::span::{ceil_char_boundary, floor_char_boundary};

/// How far the check looks for the sentence around a candidate, in bytes.
const REACH: usize = 200;

/// Whether the candidate `at` (bytes of `text`, inside `block`) stands in
/// text about judging rather than in a judgement.
pub(super) fn is_about_judging(text: &str, block: &Range<usize>, at: &Range<usize>) -> bool {
    let cues = cues();
    let from = floor_char_boundary(text, at.start.saturating_sub(REACH).max(block.start));
    let to = ceil_char_boundary(text, (at.end + REACH).min(block.end));
    let is_end = |c: char| matches!(c, '.' | '!' | '?');
    let start = text[from..at.start]
        .rfind(is_end)
        .map_or(from, |i| from + i + 1);
    let end = text[at.end..to].find(is_end).map_or(to, |i| at.end + i);
    if cues.opener.is_match(&text[start..at.start]) {
        return true;
    }
    // The clause run the candidate stands in: from the last break before
    // it to the first after it.
    let run_start = cues
        .break_
        .find_iter(&text[start..at.start])
        .last()
        .map_or(start, |m| start + m.end());
    let run_end = cues
        .break_
        .find(&text[at.end..end])
        .map_or(end, |m| at.end + m.start());
    let before = &text[run_start..at.start];
    cues.before.is_match(before)
        || ends_near(&cues.list, before)
        || ends_near(&cues.near, before)
        || cues.mention_after.is_match(&text[at.end..run_end])
        || cues.gloss.is_match(before)
        || cues.reflection.is_match(&text[run_start..run_end])
        || (is_reported(cues, &text[run_start..at.end], at.start - run_start)
            && !cues.agree.is_match(&text[at.end..end]))
}

/// Whether the candidate at `at` in `run` (its clause run, up to the
/// candidate's end) is inside a report of someone else's words or view: "She said her
/// mum is always on at her", "He told me his boss is lazy", "She feels
/// she is a failure", "Mum says Dad is selfish". The writer's own aside
/// ends the report: "…, which I doubt", "…, allegedly", "(likely story)".
fn is_reported(cues: &Cues, run: &str, at: usize) -> bool {
    let Some(report) = cues
        .report
        .find_iter(&run[..at])
        .filter(|m| {
            let who = m.as_str().split_whitespace().next().unwrap_or("");
            let words: Vec<&str> = m.as_str().split_whitespace().collect();
            let said_of = match words[..] {
                [.., the, noun] if the.eq_ignore_ascii_case("the") => noun,
                _ => "",
            };
            !NOT_A_SPEAKER.iter().any(|w| w.eq_ignore_ascii_case(who))
                && !CARED_FOR.iter().any(|w| w.eq_ignore_ascii_case(said_of))
        })
        .last()
    else {
        return false;
    };
    // From the report to the candidate's end: the candidate may be the
    // aside itself ("which I doubt").
    !cues.aside.is_match(&run[report.end()..])
}

/// Whether the last match of `cue` in `before` ends a few words before the
/// candidate, with no word between that starts a clause of its own: "words
/// like lazy, manipulative and …", "label a young person as …", not
/// "labels like that aside, he is …" or "she called someone at 3am and
/// was …".
fn ends_near(cue: &Lazy, before: &str) -> bool {
    let Some(m) = cue.find_iter(before).last() else {
        return false;
    };
    let between: Vec<&str> = before[m.end()..]
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .filter(|w| !w.is_empty())
        .collect();
    between.len() <= 4
        && !between
            .iter()
            .any(|w| NOT_A_LABEL.iter().any(|stop| stop.eq_ignore_ascii_case(w)))
}

/// Words that end a list of labels: what follows them is a clause.
const NOT_A_LABEL: &[&str] = &[
    "that", "this", "these", "those", "aside", "apart", "he", "she", "they", "it", "we", "i", "is",
    "was", "are", "were", "has", "had", "his", "her", "their", "who", "which", "mum", "dad",
    "client", "at", "to", "when", "after", "before", "because", "then", "but",
];

struct Cues {
    /// "words such as", "labels like": a list of labels follows.
    list: Lazy,
    /// Judging anyone at all, just before the candidate: "label a young
    /// person as", "clients were described as", "that a tenant is a".
    near: Lazy,
    /// A clause break a cue does not reach across.
    break_: Lazy,
    /// Training material, at the start of the sentence.
    opener: Lazy,
    /// Mentions and writing practice, anywhere before the candidate in its
    /// clause run.
    before: Lazy,
    /// "… is a label", just after the candidate.
    mention_after: Lazy,
    /// Words in brackets after a mention, as examples or a gloss: "the
    /// labels we put on students (lazy, clown, …)", "the word "lui"
    /// (lazy)". The bracket is still open before the candidate.
    gloss: Lazy,
    /// The writer catching their own judgement, anywhere in the run.
    reflection: Lazy,
    /// Someone else's words or view, up to where they start: "she said
    /// her mum", "he told me his boss", "Mum says Dad", "he described his
    /// father as".
    report: Lazy,
    /// The writer's voice after a report: "which I", "allegedly", "(".
    aside: Lazy,
    /// The writer agreeing with a report, at the end of the sentence: "…,
    /// and honestly I can see why", "…, and I agree".
    agree: Lazy,
}

fn cues() -> &'static Cues {
    static CUES: OnceLock<Cues> = OnceLock::new();
    CUES.get_or_init(|| {
        // Anyone at all, as text about the practice names them: "a
        // client", "young people", "someone"; not "the client" or "Mum",
        // who are the person of the note.
        let one = "client|parent|person|young person|child|kid|family|coachee|patient|\
                   service user|student|pupil|resident|tenant|supervisee|teenager|adult|\
                   offender|carer|father|mother|mum|dad|man|woman|boy|girl";
        let many = "clients|parents|people|young people|children|kids|families|coachees|\
                    patients|service users|students|pupils|residents|tenants|supervisees|\
                    teenagers|adults|offenders|carers|fathers|mothers|mums|dads|men|women|\
                    boys|girls";
        let anyone = format!(
            r"(?:(?:a|an|any|every|another|some)\s+(?:{one})|(?:some|many|other|our|most)?\s*(?:{many})|someone|somebody|anyone|anybody)"
        );
        // Verbs that pass a judgement on whoever follows ("see" only with
        // "as": "see someone about it"); "she called someone at 3am and
        // was …" does not end near the candidate (`ends_near`).
        let judge = r"(?:judge|judges|judged|judging|label|labels|labelled|labeled|labelling|labeling|call|calls|called|calling|describe|describes|described|describing|brand|branded|branding|dismissing|write off|writing off|written off|treating|class|classed|dub|dubbed|to blame|blaming|file|filed|filing)";
        let doing = r"(?:write|say|call|label|describe|judge|blame|see|assume|record|think\s+of|dismiss|decide)";
        let near = [
            format!(r"\b{judge}\s+{anyone}(?:\s+as|\s+for)?"),
            format!(r"\b(?:see|sees|seeing|saw|seen|think\s+of|thinking\s+of|thought\s+of)\s+{anyone}\s+as"),
            format!(r"\b{anyone}\s+(?:(?:are|is|were|was|get|gets|got|being|been|be)\s+)+(?:\w+\s+)?(?:described|labelled|labeled|called|branded|seen|written\s+off|dismissed|judged|filed|classed|dubbed)(?:\s+as)?"),
            format!(r"\bthat\s+(?:(?:a|an)\s+(?:{one})|someone|somebody|anyone)\s+(?:is|was|has|had|will|won't|can't|never|always|just)(?:\s+(?:a|an|just|not|been|being))*"),
        ]
        .join("|");
        let before = [
            // A label as a word: "the term".
            r#"\bthe\s+(?:word|label|term|phrase|adjective|description|expression)\s*["“'‘]?\s*$"#.to_string(),
            // Writing practice: "avoid writing", "rather than recording".
            r"\b(?:avoid|avoiding|instead\s+of|rather\s+than|try\s+not\s+to|careful\s+(?:with|about|not\s+to))\s+(?:write|writing|record|recording|describe|describing|label|labell?ing|calling|say(?:ing)?\s+that|using\s+(?:words|labels|terms|phrases|language))\b".to_string(),
            r"\b(?:stop|don't|do\s+not|never)\s+(?:write|writing|recording|describe|describing|label|labell?ing)\b".to_string(),
            // "It is tempting to write", "we are quick to label"; not "she
            // is quick to blame".
            format!(r"\b(?:it\s+is|it's|it\s+can\s+be|it\s+was|so|too|very)\s+(?:\w+\s+)?(?:tempting|easy|natural|common)\s+to\s+{doing}\b"),
            format!(r"\b(?:we|I|you|staff|practitioners|workers|professionals|teams?|services|coaches|colleagues)\s+(?:(?:are|were|am|'re|'m|can\s+be|may\s+be|often|all|sometimes)\s+)*(?:quick|tempted|inclined)\s+to\s+{doing}\b"),
            r"\bwhen\s+(?:we|you|staff|practitioners|workers|professionals|teams|services)\s+(?:\w+\s+){0,2}?(?:write|record|say|describe|note)\s+that\b".to_string(),
            format!(r"\b(?:how|why)\s+(?:quickly\s+|easily\s+|often\s+|readily\s+)?(?:we|staff|the\s+team|teams|practitioners|workers|professionals|services)\s+(?:\w+\s+){{0,2}}?(?:{judge}|decides?|decided|assumes?|assumed)\s+(?:that\b|{anyone})"),
            r"\b(?:(?:a|any)\s+(?:note|record|report|entry)\s+(?:that|which)\s+(?:says|calls|describes|labels|reads|brands)|(?:notes|records|reports|entries)\s+(?:that|which)\s+(?:say|call|describe|label|brand))\b".to_string(),
        ]
        .join("|");
        let reflection = [
            r"\b(?:I|we)\s+(?:had\s+|have\s+|'d\s+)?(?:caught|catch|catching)\s+(?:myself|ourselves)\b",
            r"\b(?:I|we)\s+(?:realised|realized|noticed|notice|recognised|recognized|wonder|wondered|asked\s+myself|ask\s+myself|became\s+aware|am\s+aware|was\s+aware)\s+(?:that\s+|whether\s+|if\s+)?(?:I|we|I'd|I'm|I've|we'd|we're|we've|myself|ourselves)\b",
            r"\bin\s+(?:my|our)\s+(?:own\s+)?heads?\b",
            r"\bmy\s+(?:first\s+)?(?:instinct|reaction|impulse|urge|temptation)\s+(?:was|is)\s+to\b",
            r"\b(?:I|we)\s+(?:was|were|felt|feel|am|are|'m|'re)\s+(?:\w+\s+)?(?:tempted|inclined)\s+to\b",
            r"\b(?:I|we)\s+(?:had\s+|have\s+|'d\s+|'ve\s+)?(?:already\s+)?(?:started|start|begun|began|tend|tended)\s+to\s+(?:call|label|describe|see|think\s+of|treat|write)\b",
            r"\b(?:I|we)\s+(?:had|have|'d|'ve)\s+(?:already\s+)?(?:written|recorded|called|labelled|labeled|filed|described)\b[^.]*\b(?:supervisor|supervision|unlearn|in\s+hindsight|looking\s+back)\b",
            r"\b(?:unlearn|in\s+hindsight|looking\s+back)\b[^.]*\b(?:I|we)\s+(?:had\s+|'d\s+)?(?:written|recorded|called|labelled|labeled|filed|described|thought\s+of|seen)\b",
        ]
        .join("|");
        let report = report();
        let build = |p: &str| Lazy::new(&format!("(?i:{p})")).expect("the cues parse");
        Cues {
            list: build(
                r"\b(?:labels?|words?|terms?|phrases?|language|descriptions?|descriptors?|adjectives?|verdicts?|expressions?|shorthand|jargon|names)\s+(?:like|such\s+as)\s",
            ),
            break_: build(r";|,?\s*\b(?:but|however|yet|although|though|whereas)\b"),
            opener: build(
                r"^\s*(?:training|module|handout|slide|workshop|reflective\s+(?:log|practice|note|account|journal|diary)|teaching\s+point|learning\s+point|practice\s+(?:note|point|guidance))\b[^:.]{0,30}:",
            ),
            near: build(&near),
            before: build(&before),
            mention_after: build(
                r#"^\s*["”'’]?\s*(?:is|are|was|were)\s+(?:just\s+|only\s+|really\s+)?(?:a|an)?\s*(?:label|labels|word|words|term|verdict|judgement|judgment|conclusion|loaded|shorthand)\b"#,
            ),
            gloss: build(
                r#"\b(?:labels?|words?|terms?|phrases?|names|descriptions?|descriptors?|adjectives?|expressions?)\b[^()]{0,40}\((?:\s*(?:e\.g\.|eg|such\s+as|like|i\.e\.))?(?:\s*["“'‘]?[\w'-]+(?:\s+[\w'-]+)?["”'’]?\s*[,/;])*\s*["“'‘]?$"#,
            ),
            reflection: build(&reflection),
            report: build(&report),
            aside: build(ASIDE),
            agree: build(AGREE),
        }
    })
}

/// Who does not report a view of their own: the writer ("We told her she
/// is selfish"), a record or a service ("Referral says he is resistant":
/// a record's label is quoted with a suppression and its reason).
const NOT_A_SPEAKER: &[&str] = &[
    "we", "you", "i", "the", "referral", "report", "letter", "school", "police", "court", "staff",
    "records", "notes", "file", "it", "this", "that", "team", "nursery", "college", "council",
];

/// A colleague's report about the person the note is for ("she said the
/// client never takes responsibility", "the mother refused"): a
/// professional's label, which supervision notes should question.
const CARED_FOR: &[&str] = &[
    "client",
    "mother",
    "father",
    "patient",
    "coachee",
    "family",
    "tenant",
    "resident",
    "child",
    "parent",
    "parents",
    "young",
    "pupil",
    "student",
    "supervisee",
    "service",
];

/// A report of someone else's words or view: a third person, a verb of
/// saying or feeling, and the start of what they said (its subject), or
/// "described … as", "called him".
fn report() -> String {
    // Not "I" or "we": the writer's own words are the writer's judgement.
    // Not a name: in supervision notes a named speaker is often a
    // colleague ("Wojciech said Kayleigh is attention-seeking"), whose
    // label is the kind supervision questions.
    // Nor a document or a service ("The referral calls him resistant"; see
    // `NOT_A_SPEAKER`).
    let who = r"(?:she|he|they|(?:mr|mrs|ms|miss)\.?\s+\w+|(?:her|his|their)\s+(?:\w+\s+)?\w+|mum|dad|(?:the\s+)?client|pt)";
    let says = r"(?:said|says|say|saying|told\s+(?:me|us|staff|the\s+\w+|her|him|them)|tells\s+(?:me|us|staff)|feels|felt|thinks|thought|believes|believed|explained|explains|reported|reports|complained|complains|worries|worried|mentioned|shared|stated|disclosed|wrote|texted|messaged|emailed)";
    // What they said starts with its subject: "said her mum", not "said
    // nothing" or "told me to leave".
    let subject = r"(?:she|he|they|it|there|i|i'm|i'd|i've|we|you|everyone|nobody|no\s+one|people|(?:her|his|their|my|our|your|the)\s+\w+|mum|dad|(?-i:[A-Z][a-z]+))\b";
    [
        format!(r"\b{who}\s+(?:(?:also|then|just|later|has|had|have|again|often|always|still)\s+)?{says}(?:\s+(?:that|how))?\s+{subject}"),
        // A relative's or the client's description, not a colleague's: "Mum
        // describes him as", not "Supervisee described her coachee as".
        r"\b(?:she|he|they|mum|dad|client|pt|(?:her|his|their)\s+\w+)\s+(?:described|describes|describing|sees|saw)\s+(?:\w+\s+){1,3}?as\b".to_string(),
        format!(r"\b{who}\s+(?:called|calls|calling)\s+(?:him|her|them|me)\b"),
        // A reason the person gives: "She turned down the board seat for
        // now, saying the timing is wrong for her family".
        format!(r"(?:,\s*|\b(?:and|then)\s+)(?:saying|explaining|adding|telling\s+(?:me|us|staff))(?:\s+(?:that|how))?\s+{subject}"),
    ]
    .join("|")
}

/// The writer's voice after someone else's words: an aside ("which I
/// doubt", ", allegedly", ", if she is to be believed", ", funny how", ", sure it
/// is", ", very convenient", a bracket), a turn
/// ("but", "though"), a verdict word ("clearly", "as usual"), the writer
/// ("I") or scare quotes.
const ASIDE: &str = r#"[(\[—–"“”]|\s-\s|,\s*(?:and\s+I|if|allegedly|apparently|supposedly|yet\s+again|frankly|honestly|funny\s+how|sure\s+(?:it|he|she|they)|very\s+convenient|how\s+convenient)\b|\b(?:which|but|though|although|however|yet|clearly|obviously|as\s+usual|as\s+ever|typical(?:ly)?|of\s+course|I|we)\b"#;

/// The writer taking a reported label as their own, as the sentence ends:
/// "Her manager says she is lazy, and honestly I can see why." Only at the
/// end, so "…, and I can see why she is upset" stays the speaker's view.
const AGREE: &str = r"(?:,|;|\band\b|\s-\s)\s*(?:and\s+)?(?:(?:honestly|frankly|to\s+be\s+fair|tbh|truthfully),?\s+)?(?:I|we)\s+(?:can\s+(?:see|understand)\s+why|(?:would\s+|'d\s+|have\s+to\s+|do\s+|tend\s+to\s+)?agree(?:\s+with\s+(?:her|him|them|that))?|(?:would\s+|'d\s+)?(?:not|n't)\s+(?:argue|disagree)|(?:can't|cannot|couldn't)\s+(?:argue|disagree)|don't\s+blame\s+(?:her|him|them))\s*$";

#[cfg(test)]
mod tests {
    use super::is_about_judging;

    /// Whether the first occurrence of `word` in `sentence` stands in text
    /// about judging.
    fn about(sentence: &str, word: &str) -> bool {
        let start = sentence.find(word).expect("the word is in the sentence");
        is_about_judging(sentence, &(0..sentence.len()), &(start..start + word.len()))
    }

    #[test]
    fn text_about_judging_is_recognised() {
        for (sentence, word) in [
            (
                "We can catch ourselves if we judge a client for not engaging.",
                "not engaging",
            ),
            ("Labels like resistant close down curiosity.", "resistant"),
            (
                "I noticed I was tired and called him difficult in my head.",
                "difficult",
            ),
            (
                "Module 3 handout: lazy and selfish shut down curiosity.",
                "lazy",
            ),
            (
                "Resistant is a label that closes down curiosity.",
                "Resistant",
            ),
            (
                "Training day on the labels we put on pupils (lazy, clown, troublemaker) and where they lead.",
                "troublemaker",
            ),
            (
                "Discussed the word \"vago\" (lazy) in the referral; we left it out of our letter.",
                "lazy",
            ),
            (
                "Old records where clients were described as feral.",
                "feral",
            ),
            (
                "It is tempting to write that a parent failed to engage.",
                "failed to",
            ),
            (
                "When we write that someone is manipulative we stop asking.",
                "manipulative",
            ),
            (
                "I realised I had been thinking of her as manipulative.",
                "manipulative",
            ),
            (
                "We talked about how quickly the team decides that a tenant is a troublemaker.",
                "troublemaker",
            ),
        ] {
            assert!(about(sentence, word), "{sentence}");
        }
    }

    #[test]
    fn judgements_that_merely_hold_we_or_i_are_not() {
        for (sentence, word) in [
            ("We all know he is lazy.", "lazy"),
            (
                "I would label him as manipulative, frankly.",
                "manipulative",
            ),
            (
                "We try not to judge, but her choices are selfish.",
                "selfish",
            ),
            ("I noticed he was clearly not committed.", "not committed"),
            ("He always blames someone else for being late.", "always"),
            (
                "We found the client resistant and hostile today.",
                "resistant",
            ),
            (
                "Labels aside, he is a typical self-harmer.",
                "typical self-harmer",
            ),
            ("I noticed I was tired; he was lazy all session.", "lazy"),
            ("In supervision, we agreed Mum is chaotic.", "chaotic"),
            ("She is quick to blame others for being so lazy.", "lazy"),
        ] {
            assert!(!about(sentence, word), "{sentence}");
        }
    }

    #[test]
    fn reported_words_are_the_speakers() {
        for (sentence, word) in [
            ("She said her mum is always on at her.", "always"),
            ("He told me his boss is lazy.", "lazy"),
            ("Mum says Dad is selfish with money.", "selfish"),
            ("He described his father as stubborn.", "stubborn"),
            ("He said his mum called him scruffy.", "scruffy"),
            ("She feels her mother was selfish.", "selfish"),
            (
                "She said her mum is always on at her, and I can see why she is upset.",
                "always",
            ),
        ] {
            assert!(about(sentence, word), "{sentence}");
        }
        for (sentence, word) in [
            ("He told me he was at work, which I doubt.", "which I doubt"),
            ("He said the money was stolen, allegedly.", "allegedly"),
            ("We told her she is being selfish.", "selfish"),
            (
                "I said to the team that he is manipulative.",
                "manipulative",
            ),
            (
                "Mum says she is fine, but she is clearly in denial.",
                "in denial",
            ),
            ("She said sorry and was rude to staff.", "rude"),
            ("Supervisee described her coachee as lazy.", "lazy"),
            (
                "He tells me he is fine, though I doubt it.",
                "though I doubt",
            ),
            (
                "Her manager says she is lazy, and honestly I can see why",
                "lazy",
            ),
            ("Staff say he is manipulative, and I agree", "manipulative"),
            // A bracket after a mention word that is not a list of words.
            (
                "Mum finds the terms of the tenancy hard (she is lazy about the post).",
                "lazy",
            ),
        ] {
            assert!(!about(sentence, word), "{sentence}");
        }
    }

    #[test]
    fn the_sentence_and_the_block_bound_the_check() {
        // The cue is in the sentence before.
        let text = "Labels like resistant close down curiosity. He is resistant.";
        let at = text.rfind("resistant").unwrap();
        assert!(!is_about_judging(text, &(0..text.len()), &(at..at + 9)));
        // The cue is in the block before.
        let text = "Words such as\nlazy.";
        let at = text.find("lazy").unwrap();
        assert!(!is_about_judging(text, &(14..text.len()), &(at..at + 4)));
    }
}
