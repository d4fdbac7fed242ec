//! The sentence model: a sentence read as a whole.
//!
//! The rules catch judgment by its words and constructions; the same
//! judgment said in a writer's own idiom ("Mr. D. is an ornery old coot and
//! there's no pleasing him") slips past them. The model reads the whole
//! sentence: a logistic regression over its words, word pairs and word
//! triples (and the same with person words folded together, the stems of
//! long words, pairs of words one apart; none of function words alone),
//! trained on the project's annotated invented sentences
//! (`scripts/train-model`, docs/model.md), says whether a supervisor would
//! mark it as judging the person, and a second one which kind of judgment
//! it reads as. A sentence it marks becomes a finding of that kind's rule
//! (its message and suggestions), on the clause around the words that
//! weigh most.
//!
//! The weights are `model/judgement.bin`, embedded: a sorted table of
//! feature hashes (FNV-1a of the feature's words joined by spaces) with one
//! quantized weight each for the first model and one per kind for the
//! second. The tokeniser here and in `scripts/train-model` must agree.

use std::ops::Range;
use std::sync::OnceLock;

static RAW: &[u8] = include_bytes!("../model/judgement.bin");
const MAGIC: &[u8; 8] = b"RGDM\x02\x00\x00\x00";

/// Longest run of words a finding of the model spans.
const MAX_WINDOW: usize = 8;
/// How much of the heaviest window's weight the underlined words carry.
const ENOUGH: f32 = 0.75;
/// Verbs that report someone else's words.
const REPORTING: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "reported",
    "reports",
    "described",
    "describes",
    "stated",
    "states",
    "explained",
    "explains",
    "wrote",
    "writes",
    "called",
];
/// Words by which the writer sets their own view against a report.
const CONTRAST: &[&str] = &["but", "though", "although", "however", "yet", "whereas"];
/// More words than this with no sentence end is not a sentence.
const MAX_WORDS: usize = 150;
/// Fewer words than this is a heading or a fragment: not read.
const MIN_WORDS: usize = 4;
/// Person words, also read as one word each, so that "she is a liar"
/// teaches "he is a liar": as `PERSON` in `scripts/train-model`.
const PERSON: &[(&str, &str)] = &[
    ("he", "#p"),
    ("she", "#p"),
    ("they", "#p"),
    ("him", "#o"),
    ("her", "#o"),
    ("them", "#o"),
    ("his", "#d"),
    ("hers", "#d"),
    ("their", "#d"),
    ("theirs", "#d"),
    ("himself", "#x"),
    ("herself", "#x"),
    ("themselves", "#x"),
    ("mum", "#n"),
    ("dad", "#n"),
    ("mother", "#n"),
    ("father", "#n"),
    ("client", "#n"),
    ("patient", "#n"),
    ("pt", "#n"),
    ("resident", "#n"),
];
/// Function words: a feature made of these and person words alone is not
/// read ("is a", "another", "she is" are as common in plain notes as in
/// judging ones). As `FUNCTION` in `scripts/train-model`.
const FUNCTION: &[&str] = &[
    "a", "an", "the", "is", "are", "was", "were", "be", "been", "being", "am", "i", "you", "he",
    "she", "they", "it", "we", "him", "her", "them", "his", "their", "its", "our", "my", "your",
    "this", "that", "these", "those", "of", "in", "on", "at", "to", "for", "from", "with", "by",
    "as", "and", "or", "do", "does", "did", "has", "have", "had", "will", "would", "can", "could",
    "should", "may", "might", "must", "there", "here", "then", "than", "any", "another", "some",
    "all", "which", "also", "one",
];
/// A word of at least `STEM_FROM` characters is also read by its first
/// `STEM` ("p:manip"), so "manipulating" teaches "manipulates".
const STEM_FROM: usize = 7;
const STEM: usize = 5;

/// How many top bits of a feature's hash pick its bucket of keys.
const BUCKET_BITS: u32 = 14;

pub struct Model {
    keys: Vec<u32>,
    /// Where the keys with each top [`BUCKET_BITS`] bits start in `keys`
    /// (one more entry at the end): a look-up searches a few keys, not
    /// the whole table, whose binary search missed the cache at every
    /// step (three quarters of `grams` over a folder, issue 19).
    buckets: Vec<u32>,
    weights: Vec<i8>,
    kind_weights: Vec<i8>,
    kinds: Vec<String>,
    kind_bias: Vec<f32>,
    bias: f32,
    scale: f32,
    kind_scale: f32,
    threshold: f32,
}

/// What the model made of a sentence it marks.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading<'m> {
    pub score: f32,
    /// The rule id of the kind of judgment it reads as.
    pub kind: &'m str,
    /// The words that weigh most, as a byte range of the sentence.
    pub span: Range<usize>,
}

/// The embedded model.
pub fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| Model::parse(RAW).expect("model/judgement.bin is well formed (tested)"))
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        if self.0.len() < n {
            return Err("the model file is cut short".into());
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(head)
    }
    fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(
            self.take(4)?.try_into().expect("4 bytes"),
        ))
    }
    fn f32(&mut self) -> Result<f32, String> {
        Ok(f32::from_le_bytes(
            self.take(4)?.try_into().expect("4 bytes"),
        ))
    }
    fn i8s(&mut self, n: usize) -> Result<Vec<i8>, String> {
        Ok(self.take(n)?.iter().map(|&b| b as i8).collect())
    }
}

impl Model {
    fn parse(raw: &[u8]) -> Result<Model, String> {
        let mut r = Reader(raw);
        if r.take(8)? != MAGIC {
            return Err("not a regard model file".into());
        }
        let n = r.u32()? as usize;
        let k = r.u32()? as usize;
        let (bias, scale, threshold, kind_scale) = (r.f32()?, r.f32()?, r.f32()?, r.f32()?);
        let kind_bias = (0..k).map(|_| r.f32()).collect::<Result<Vec<_>, _>>()?;
        let mut kinds = Vec::with_capacity(k);
        for _ in 0..k {
            let len = r.take(1)?[0] as usize;
            let name = std::str::from_utf8(r.take(len)?).map_err(|e| e.to_string())?;
            kinds.push(name.to_string());
        }
        let keys: Vec<u32> = r
            .take(4 * n)?
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes(c.try_into().expect("4 bytes")))
            .collect();
        if !keys.windows(2).all(|w| w[0] < w[1]) {
            return Err("the model's features are not sorted".into());
        }
        let mut buckets = Vec::with_capacity((1 << BUCKET_BITS) + 1);
        for (i, key) in keys.iter().enumerate() {
            while buckets.len() <= (key >> (32 - BUCKET_BITS)) as usize {
                buckets.push(i as u32);
            }
        }
        buckets.resize((1 << BUCKET_BITS) + 1, keys.len() as u32);
        let weights = r.i8s(n)?;
        let kind_weights = r.i8s(n * k)?;
        if !r.0.is_empty() {
            return Err("the model file has bytes after its weights".into());
        }
        Ok(Model {
            keys,
            buckets,
            weights,
            kind_weights,
            kinds,
            kind_bias,
            bias,
            scale,
            kind_scale,
            threshold,
        })
    }

    /// The kinds the model tells apart (rule ids).
    pub fn kinds(&self) -> &[String] {
        &self.kinds
    }

    fn index(&self, hash: u32) -> Option<usize> {
        let b = (hash >> (32 - BUCKET_BITS)) as usize;
        let (from, to) = (self.buckets[b] as usize, self.buckets[b + 1] as usize);
        self.keys[from..to]
            .binary_search(&hash)
            .ok()
            .map(|i| from + i)
    }

    /// The score of `sentence` (above the model's threshold it reads as
    /// judging) and the kind it reads as, whether or not it passes.
    pub fn judge(&self, sentence: &str) -> (f32, &str) {
        let features = distinct(&self.grams(sentence, &tokens(sentence)));
        (
            self.score_of(&features),
            &self.kinds[self.kind_of(&features)],
        )
    }

    fn score_of(&self, features: &[usize]) -> f32 {
        let sum: f32 = features.iter().map(|&f| self.weights[f] as f32).sum();
        self.bias + self.scale * sum
    }

    fn kind_of(&self, features: &[usize]) -> usize {
        let k = self.kinds.len();
        let mut best = (f32::MIN, 0);
        for c in 0..k {
            let sum: f32 = features
                .iter()
                .map(|&f| self.kind_weights[f * k + c] as f32)
                .sum();
            let z = self.kind_bias[c] + self.kind_scale * sum;
            if z > best.0 {
                best = (z, c);
            }
        }
        best.1
    }

    /// The model's reading of `sentence`, if it reads as judging. A run of
    /// more than [`MAX_WORDS`] words with no sentence end (a table row, a
    /// pasted list) is not a sentence the model learned from: not read.
    pub fn read(&self, sentence: &str) -> Option<Reading<'_>> {
        let words = tokens(sentence);
        let count = words.iter().filter(|t| t.word).count();
        if !(MIN_WORDS..=MAX_WORDS).contains(&count) {
            return None;
        }
        let grams = self.grams(sentence, &words);
        let features = distinct(&grams);
        let score = self.score_of(&features);
        if score <= self.threshold {
            return None;
        }
        let (first, last) = self.heaviest(&words, &grams);
        let span = clause_around(sentence, words[first].at.start..words[last].at.end);
        // Someone else's words reported ("she's always late, he said, and
        // he's sure she does it on purpose"; 'the second said the client "is
        // a mess"') are theirs: the writer records them, as the rules'
        // reported-speech checks let them be. Unless the writer turns
        // against them before the clause: "He says he only has two cans,
        // but he is lying about it".
        let is = |t: &Token, list: &[&str]| {
            t.word
                && list
                    .iter()
                    .any(|r| sentence[t.at.clone()].eq_ignore_ascii_case(r))
        };
        let mut reported = false;
        for t in words.iter().take_while(|t| t.at.start < span.end) {
            if is(t, REPORTING) {
                reported = true;
            } else if is(t, CONTRAST) && t.at.start <= span.start {
                reported = false;
            }
        }
        if reported {
            return None;
        }
        Some(Reading {
            score,
            kind: &self.kinds[self.kind_of(&features)],
            span,
        })
    }

    /// `(first word, last word, feature index)` for each feature of
    /// `words` the model knows, in order of the first word: as
    /// `scripts/train-model`'s `grams`, the n-grams (n = 1..3) of the
    /// words; of the words with person words folded ([`PERSON`]); the stem
    /// of each long word and the pairs with a stem in them; and each pair
    /// of words one apart.
    #[allow(clippy::needless_range_loop)]
    fn grams(&self, s: &str, words: &[Token]) -> Vec<(usize, usize, usize)> {
        // Each gram is hashed as the trainer joins its parts (with " "),
        // but word by word as it grows, with no string built per gram; a
        // gram of function words and person folds alone (`plain`) is none.
        let folded: Vec<String> = words
            .iter()
            .map(|t| s[t.at.clone()].chars().map(fold).collect())
            .collect();
        let function: Vec<bool> = folded.iter().map(|w| plain(&[w])).collect();
        let person: Vec<Option<&str>> = folded
            .iter()
            .map(|w| PERSON.iter().find(|p| p.0 == w).map(|p| p.1))
            .collect();
        // A part: its text, and whether it is plain.
        let word = |j: usize| (folded[j].as_str(), function[j]);
        let folded_person = |j: usize| match person[j] {
            Some(p) => (p, plain(&[p])),
            None => word(j),
        };
        let stems: Vec<Option<String>> = folded.iter().map(|w| stem(w)).collect();
        let stem_plain: Vec<bool> = stems
            .iter()
            .map(|t| t.as_deref().is_some_and(|t| plain(&[t])))
            .collect();
        let stemmed = |j: usize| match &stems[j] {
            Some(t) => (t.as_str(), stem_plain[j]),
            None => word(j),
        };
        let mut out = Vec::new();
        let mut add = |first: usize, last: usize, h: u32, all_plain: bool| {
            if all_plain {
                return;
            }
            if let Some(f) = self.index(h) {
                out.push((first, last, f));
            }
        };
        // The hash of `parts` joined by spaces after `h`, and whether
        // every part is plain.
        let join = |h: u32, parts: &mut dyn Iterator<Item = (&str, bool)>| {
            let mut h = h;
            let mut all = true;
            for (n, (part, p)) in parts.enumerate() {
                if n > 0 {
                    h = fnv_on(h, b" ");
                }
                h = fnv_on(h, part.as_bytes());
                all &= p;
            }
            (h, all)
        };
        let count = words.len();
        for i in 0..count {
            let mut h = FNV_START;
            let mut all = true;
            for last in i..(i + 3).min(count) {
                if last > i {
                    h = fnv_on(h, b" ");
                }
                let (part, p) = word(last);
                h = fnv_on(h, part.as_bytes());
                all &= p;
                add(i, last, h, all);
            }
            let mut h = FNV_START;
            let mut all = true;
            let mut any_person = false;
            for last in i..(i + 3).min(count) {
                if last > i {
                    h = fnv_on(h, b" ");
                }
                let (part, p) = folded_person(last);
                h = fnv_on(h, part.as_bytes());
                all &= p;
                any_person |= person[last].is_some();
                if any_person {
                    add(i, last, h, all);
                }
            }
            if stems[i].is_some() {
                let (h, all) = join(FNV_START, &mut std::iter::once(stemmed(i)));
                add(i, i, h, all);
            }
            if i + 1 < count && (stems[i].is_some() || stems[i + 1].is_some()) {
                let (h, all) = join(FNV_START, &mut (i..=i + 1).map(stemmed));
                add(i, i + 1, h, all);
            }
            if i + 2 < count {
                let start = fnv_on(FNV_START, b"s:");
                let (h, all) = join(start, &mut [word(i), word(i + 2)].into_iter());
                add(i, i + 2, h, all);
            }
        }
        out
    }

    /// The words that weigh most towards judging: of the windows of at
    /// most [`MAX_WINDOW`] words, the shortest whose n-grams weigh at least
    /// [`ENOUGH`] of the heaviest window's (the heavier of equals), so the
    /// finding underlines "ornery old coot", not the words around it.
    fn heaviest(&self, words: &[Token], grams: &[(usize, usize, usize)]) -> (usize, usize) {
        // Grams come in order of their first word: those of a window are
        // the few that start in it.
        let from = |i: usize| grams.partition_point(|g| g.0 < i);
        let mut seen = Vec::new();
        let mut weigh = |first: usize, last: usize| -> i32 {
            seen.clear();
            let mut sum = 0;
            for g in &grams[from(first)..from(last + 1)] {
                if g.1 <= last && !seen.contains(&g.2) {
                    seen.push(g.2);
                    sum += self.weights[g.2] as i32;
                }
            }
            sum
        };
        let mut windows = Vec::new();
        for len in 1..=MAX_WINDOW.min(words.len()) {
            for first in 0..=words.len() - len {
                let last = first + len - 1;
                windows.push((weigh(first, last), len, first, last));
            }
        }
        let top = windows.iter().map(|w| w.0).max().unwrap_or(0);
        let enough = (top as f32 * ENOUGH).ceil() as i32;
        let (_, _, mut first, mut last) = windows
            .into_iter()
            .filter(|w| w.0 >= enough)
            .min_by_key(|w| (w.1, -w.0, w.2))
            .unwrap_or((0, 1, 0, 0));
        // A window never starts or ends on a mark (? ! ") when it has words.
        while first < last && !words[first].word {
            first += 1;
        }
        while last > first && !words[last].word {
            last -= 1;
        }
        (first, last)
    }
}

/// Each feature once, as the trainer counts a sentence's features as a set.
fn distinct(grams: &[(usize, usize, usize)]) -> Vec<usize> {
    let mut features: Vec<usize> = grams.iter().map(|g| g.2).collect();
    features.sort_unstable();
    features.dedup();
    features
}

/// A token: a word or one of the marks `?`, `!` and `"`, as a byte range
/// of the sentence; the model reads it folded (lower-cased ASCII, curly
/// apostrophes and quotes straightened: [`fold`]).
#[derive(Debug, Clone, PartialEq)]
struct Token {
    at: Range<usize>,
    word: bool,
}

/// Whether a feature is made of function words (and person words) only:
/// such features are not read, as `plain` in `scripts/train-model`.
fn plain(parts: &[&str]) -> bool {
    parts
        .iter()
        .all(|p| p.starts_with('#') || FUNCTION.contains(p))
}

/// The stem feature of a folded word, if it is long enough to have one.
fn stem(word: &str) -> Option<String> {
    (word.chars().count() >= STEM_FROM)
        .then(|| format!("p:{}", word.chars().take(STEM).collect::<String>()))
}

fn fold(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{2bc}' => '\'',
        '\u{201c}' | '\u{201d}' => '"',
        _ => c.to_ascii_lowercase(),
    }
}

fn word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '\'';
    }
    !matches!(c, '\u{2000}'..='\u{206f}' | '\u{3000}'..='\u{303f}') && c >= '\u{c0}'
}

fn tokens(s: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let f = fold(c);
        if matches!(f, '?' | '!' | '"') {
            out.push(Token {
                at: i..i + c.len_utf8(),
                word: false,
            });
        } else if word_char(f) {
            // The run's first and last characters that are not apostrophes.
            let mut inner: Option<Range<usize>> = (f != '\'').then(|| i..i + c.len_utf8());
            while let Some(&(j, d)) = chars.peek() {
                let g = fold(d);
                if !word_char(g) {
                    break;
                }
                if g != '\'' {
                    let end = j + d.len_utf8();
                    inner = Some(inner.map_or(j..end, |r| r.start..end));
                }
                chars.next();
            }
            if let Some(at) = inner {
                out.push(Token { at, word: true });
            }
        }
    }
    out
}

const FNV_START: u32 = 0x811c_9dc5;

/// FNV-1a, 32 bits, of `bytes` after the bytes that gave `h`.
fn fnv_on(mut h: u32, bytes: &[u8]) -> u32 {
    for &b in bytes {
        h ^= b as u32;
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

#[cfg(test)]
fn fnv(bytes: &[u8]) -> u32 {
    fnv_on(FNV_START, bytes)
}

/// The sentences of `text[range]`, as byte ranges of `text`: split after
/// `.`, `!` or `?` (and any closing quotes or brackets) followed by a space,
/// and at a line break.
pub fn sentences(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = range.start;
    let bytes = text.as_bytes();
    let mut i = range.start;
    while i < range.end {
        let b = bytes[i];
        let ends = match b {
            b'\n' => Some(i),
            b'.' if after_title(&text[range.start..i]) => None,
            b'.' | b'!' | b'?' => {
                let mut j = i + 1;
                while j < range.end && matches!(bytes[j], b'"' | b'\'' | b')' | b']') {
                    j += 1;
                }
                (j == range.end || bytes[j] == b' ').then_some(j)
            }
            _ => None,
        };
        if let Some(end) = ends {
            if end > start {
                out.push(start..end);
            }
            start = end;
            i = end.max(i + 1);
            while start < range.end && matches!(bytes[start], b' ' | b'\n') {
                start += 1;
            }
            i = i.max(start);
        } else {
            i += 1;
        }
    }
    if start < range.end {
        out.push(start..range.end);
    }
    out
}

/// Whether a full stop after `before` ends a title or an initial ("Mr.",
/// "Dr.", "J."), not a sentence.
fn after_title(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let titles = ["mr", "mrs", "ms", "dr", "prof", "st", "rev", "sr", "jr"];
    word.chars().count() == 1 && word.chars().all(char::is_uppercase)
        || titles.iter().any(|t| word.eq_ignore_ascii_case(t))
}

/// The clause of `sentence` around `words`: from after the last clause mark
/// (`,` `;` `:` a dash or a bracket) before them to the next one after them,
/// trimmed, so a finding underlines a whole thought ("Complaining her hip
/// hurts again, but she was fine at bingo", not "again, but").
fn clause_around(sentence: &str, words: Range<usize>) -> Range<usize> {
    let mark = |c: char| matches!(c, ',' | ';' | ':' | '(' | ')' | '\u{2013}' | '\u{2014}');
    let is_end = |c: char| mark(c) || matches!(c, '.' | '!' | '?');
    let start = sentence[..words.start].rfind(mark).map_or(0, |i| {
        i + sentence[i..].chars().next().map_or(1, char::len_utf8)
    });
    let end = sentence[words.end..]
        .find(is_end)
        .map_or(sentence.len(), |i| words.end + i);
    let inner = &sentence[start..end];
    let lead = inner.len() - inner.trim_start().len();
    let trail = inner.len() - inner.trim_end().len();
    let start = start + lead;
    let end = (end - trail).max(start);
    // A full stop inside the words (an abbreviation) is kept; a mark at the
    // end never is.
    if end <= words.start || start >= words.end {
        return words;
    }
    start.min(words.start)..end.max(words.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_model_reads() {
        let m = Model::parse(RAW).unwrap();
        assert_eq!(m.kinds().len(), 11);
        assert!(m.kinds().iter().any(|k| k == "assumed-intent"));
    }

    #[test]
    fn a_damaged_model_file_is_an_error_not_a_panic() {
        assert!(Model::parse(b"nope").is_err());
        assert!(Model::parse(&RAW[..RAW.len() - 1]).is_err());
        let mut longer = RAW.to_vec();
        longer.push(0);
        assert!(Model::parse(&longer).is_err());
    }

    #[test]
    fn tokens_fold_case_and_apostrophes_and_keep_offsets() {
        let s = "She’s 'SO' late?! “Fine”";
        let t = tokens(s);
        let folded = |t: &Token| s[t.at.clone()].chars().map(fold).collect::<String>();
        let texts: Vec<String> = t.iter().map(folded).collect();
        assert_eq!(texts, ["she's", "so", "late", "?", "!", "\"", "fine", "\""]);
        assert_eq!(&"She’s 'SO' late?! “Fine”"[t[0].at.clone()], "She’s");
        assert_eq!(&"Zoë's café"[tokens("Zoë's café")[0].at.clone()], "Zoë's");
    }

    #[test]
    fn fnv_is_fnv_1a() {
        assert_eq!(fnv(b""), 0x811c_9dc5);
        assert_eq!(fnv(b"a"), 0xe40c_292c);
    }

    /// `model/agree.tsv` holds the scores and kinds the trainer's copy of
    /// the model gives a few hundred sentences: the tokenisers, hashes and
    /// sums agree, or the model the trainer measured is not the one shipped.
    #[test]
    fn every_feature_is_found_by_its_bucket_and_no_other_hash_is() {
        let m = model();
        for (i, &key) in m.keys.iter().enumerate() {
            assert_eq!(m.index(key), Some(i), "{key:#x}");
            for near in [key.wrapping_add(1), key.wrapping_sub(1)] {
                assert_eq!(m.index(near), m.keys.binary_search(&near).ok());
            }
        }
        for edge in [
            0,
            u32::MAX,
            1 << (32 - BUCKET_BITS),
            (1 << (32 - BUCKET_BITS)) - 1,
        ] {
            assert_eq!(m.index(edge), m.keys.binary_search(&edge).ok());
        }
    }

    #[test]
    fn scores_agree_with_the_trainer() {
        let m = model();
        let rows = include_str!("../model/agree.tsv");
        let mut n = 0;
        for line in rows.lines() {
            let mut cols = line.splitn(3, '\t');
            let (score, kind, sentence) = (cols.next(), cols.next(), cols.next());
            let score: f32 = score.unwrap().parse().unwrap();
            let (got, got_kind) = m.judge(sentence.unwrap());
            assert!((got - score).abs() < 1e-3, "{sentence:?}: {got} vs {score}");
            assert_eq!(got_kind, kind.unwrap(), "{sentence:?}");
            n += 1;
        }
        assert!(n > 100, "{n} rows");
    }

    #[test]
    fn a_clause_that_reports_someone_s_words_is_not_read() {
        let m = model();
        let said = "She's always late, he said about one of the ward nurses, and he's sure she does it on purpose to wind him up.";
        assert!(
            m.judge(said).0 > m.threshold,
            "the words alone read as judging"
        );
        assert_eq!(m.read(said), None);
        let own = "He's always late and he's sure to do it on purpose to wind us up.";
        assert!(m.read(own).is_some(), "the writer's own words are read");
        let but =
            "He says he only has a couple of cans a day, but he is lying about how much he drinks.";
        assert!(m.read(but).is_some(), "the writer turns against the report");
        let wrote =
            "The second worker wrote that the client needs to grow up and stop playing the victim.";
        assert!(m.judge(wrote).0 > m.threshold);
        assert_eq!(m.read(wrote), None);
    }

    #[test]
    fn a_run_of_words_with_no_end_is_not_read() {
        let run = "she never listens and always lies ".repeat(4000);
        assert!(model().read(&run).is_none());
        assert!(model().judge(&run).0.is_finite());
    }

    #[test]
    fn a_finding_takes_its_whole_clause() {
        let s = "Complaining her hip hurts again, but she was fine at bingo.";
        let at = s.find("again").unwrap();
        let r = clause_around(s, at..at + 5);
        assert_eq!(&s[r], "Complaining her hip hurts again");
        let r = clause_around(s, at..s.find("but").unwrap() + 3);
        assert_eq!(
            &s[r],
            "Complaining her hip hurts again, but she was fine at bingo"
        );
        let s = "Seen at home (with Ms. Reid); he is a hopeless case, frankly.";
        let at = s.find("hopeless").unwrap();
        assert_eq!(&s[clause_around(s, at..at + 8)], "he is a hopeless case");
    }

    #[test]
    fn sentences_split_at_ends_and_line_breaks() {
        let text = "He came. She said \"no.\" Then? Done\nNext one";
        let got: Vec<&str> = sentences(text, 0..text.len())
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(
            got,
            ["He came.", "She said \"no.\"", "Then?", "Done", "Next one"]
        );
        assert_eq!(sentences("3.5 mg given.", 0..13).len(), 1);
        let text = "Mr. D. is here. Dr. Okafor saw J. Smith today.";
        let got: Vec<&str> = sentences(text, 0..text.len())
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(got, ["Mr. D. is here.", "Dr. Okafor saw J. Smith today."]);
    }
}
