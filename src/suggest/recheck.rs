//! A rewording is offered as the judgment taken out (round 15): the
//! built-in rules read it again, and words of the sentence they still
//! flag in it ("one of them has a selective memory", "nothing is ever
//! right for that man", "he's not trying") mean it is not a clean
//! rewording. The blind supervisor of set s rated such rewordings 2: the
//! judgment the note was flagged for was still on the page. The rules'
//! own vocabulary is the judging lexicon here, so no fourth list of
//! judging words is kept.
//!
//! Only words the sentence held as written count: a word the rewording
//! brought in ("declined to engage" for "refused to engage") is the
//! rule's own plain wording, not judgment left behind. The sentence model
//! is not asked: on set s it read as judging rewordings the rater gave 4
//! and 5 ("He forgets to do his recert every year right when his income
//! goes up.").

use std::ops::Range;
use std::sync::OnceLock;

use crate::document::{Document, Kind};
use crate::engine::{Engine, Options};
use crate::rule::RuleSet;

/// The built-in rules, built once, without the sentence model.
fn engine() -> Option<&'static Engine<'static>> {
    static SET: OnceLock<Option<RuleSet>> = OnceLock::new();
    static ENGINE: OnceLock<Option<Engine<'static>>> = OnceLock::new();
    ENGINE
        .get_or_init(|| {
            let set = SET.get_or_init(|| RuleSet::load(true, &[]).ok()).as_ref()?;
            let options = Options {
                sentence_model: false,
                fast_scan: false,
                fingerprints: false,
                ..Options::default()
            };
            Engine::with_options(set, options).ok()
        })
        .as_ref()
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’' && c != '-')
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase().replace('’', "'"))
        .collect()
}

/// The spans of `rewording` the built-in rules flag whose words all stand
/// in `sentence`: the judgment left in it.
pub fn judging_left(rewording: &str, sentence: &str) -> Vec<Range<usize>> {
    let Some(engine) = engine() else {
        return Vec::new();
    };
    let doc = Document::new(String::new(), rewording.to_string(), Kind::Plain);
    let said = words(sentence);
    let mut out: Vec<Range<usize>> = engine
        .hits(&doc)
        .into_iter()
        .map(|h| {
            let span = h.span();
            span.start..span.end
        })
        .filter(|r| r.end <= rewording.len() && rewording.is_char_boundary(r.start))
        .filter(|r| rewording.is_char_boundary(r.end))
        .filter(|r| {
            let w = words(&rewording[r.clone()]);
            !w.is_empty() && w.iter().all(|w| said.contains(w))
        })
        .collect();
    out.sort_by_key(|r| r.start);
    out.dedup();
    out
}
