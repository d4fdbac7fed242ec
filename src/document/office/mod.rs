//! Word (`.docx`, Office Open XML) and LibreOffice (`.odt`, OpenDocument
//! text) notes: the prose in them, as numbered paragraphs (issue 23).
//!
//! A document is a zip archive of XML parts. `archive.rs` opens it within
//! budgets (entries, uncompressed bytes, streamed: a zip's sizes are never
//! trusted); `xml.rs` reads a part within budgets (nesting depth, element
//! count, no document type declarations, so no entity expansion); `docx.rs`
//! and `odt.rs` walk the parts and hand a [`Builder`] paragraphs of text, the
//! runs of one paragraph joined whatever their formatting (`resis` +
//! **`tant`** is `resistant`). Deleted tracked changes are left out and
//! inserted ones kept, as the document reads once the changes are accepted.
//!
//! What comes out is an [`Extracted`] document: one line of text per
//! paragraph, in reading order (the body, with tables cell by cell and text
//! boxes where they stand, then footnotes, endnotes and comments), so a
//! finding's line is its paragraph number and its column the character in
//! the paragraph; a report shows the paragraph as the source line. Quotation
//! styles (Word's Quote, Intense Quote and Block Text, LibreOffice's
//! Quotations) mark a paragraph as a block quote, as `>` does in Markdown. A
//! comment whose text is `regard-ignore RULE: reason` is a suppression for
//! the text it is anchored to, and is not itself prose.

mod archive;
mod docx;
mod odt;
mod xml;

use std::io::{Read, Seek};
use std::path::Path;

use super::prose::{Prose, ProseBuilder};
use super::suppress::{Action, Directive, Problem as Misuse};
use super::Span;

/// Word and LibreOffice documents as an input format.
///
/// The text rules read (the "view") is the document's paragraphs, one a
/// line, so a finding's line is its paragraph and its column the character
/// in it, and a report shows the paragraph as its source line. After the
/// paragraphs, lines starting with a form feed (a trailer no paragraph can
/// forge) say which paragraphs are quotations and where suppression
/// comments are anchored: what [`prose`] and [`directives`] read back.
pub struct Word;

impl super::Format for Word {
    fn name(&self) -> &'static str {
        "Word or LibreOffice document"
    }
    fn extensions(&self) -> &'static [&'static str] {
        &["docx", "odt"]
    }
    fn decode(&self, name: &str, bytes: Vec<u8>) -> Result<String, super::Unreadable> {
        match extract(std::io::Cursor::new(bytes), Budget::default()) {
            Ok(extracted) => Ok(extracted.view()),
            Err(e) => Err(super::Unreadable::Invalid(Box::new(Problem::new(name, e)))),
        }
    }
    fn prose(&self, text: &str) -> Prose {
        prose(text)
    }
    fn shown_len(&self, text: &str) -> usize {
        trailer_start(text)
    }
    fn page(&self, text: &str, offset: usize) -> Option<u32> {
        page(text, offset)
    }
    fn fix_refused(&self) -> Option<&'static str> {
        Some("regard reads Word and LibreOffice documents but never rewrites them")
    }
}

/// A document that cannot be read, naming the file.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("cannot read `{path}` as {format}: {reason}")]
#[diagnostic(code(regard::document), help("{help}"))]
pub struct Problem {
    pub path: String,
    pub format: &'static str,
    pub reason: String,
    pub help: &'static str,
}

impl Problem {
    pub fn new(name: &str, e: OfficeError) -> Problem {
        let format = Format::from_path(Path::new(name)).map_or("a document", Format::name);
        let help = match e {
            OfficeError::NotAZip(_) | OfficeError::NotADocument(_) => {
                "regard reads .docx (Word) and .odt (LibreOffice) documents; a file with another content needs its own extension"
            }
            OfficeError::Encrypted => {
                "remove the password in Word (File > Info > Protect Document) or LibreOffice (Save As, without \"Save with password\") and check that copy"
            }
            OfficeError::Corrupt(_) => {
                "open the document in Word or LibreOffice and save it again; if it will not open, it is damaged"
            }
            OfficeError::OverBudget(_) => {
                "Word and LibreOffice do not write notes like this: it may be made to exhaust memory or time; if it is a real note, save it again from Word or LibreOffice, and split it if it is very long"
            }
        };
        Problem {
            path: crate::report::source::one_line(name).into_owned(),
            format,
            reason: crate::report::source::printable(&e.to_string()).into_owned(),
            help,
        }
    }
}

/// Which word processor's format a document is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Office Open XML (`.docx`): Word, LibreOffice, Google Docs exports.
    Docx,
    /// OpenDocument text (`.odt`): LibreOffice, OpenOffice.
    Odt,
}

impl Format {
    /// The format a file's extension names, if any.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "docx" => Some(Format::Docx),
            "odt" => Some(Format::Odt),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::Docx => "a Word document",
            Format::Odt => "an OpenDocument text",
        }
    }
}

/// Limits on what one document may cost to read. A real note is far below
/// each; a zip bomb or a crafted XML part meets one and is refused.
#[derive(Debug, Clone, Copy)]
pub struct Budget {
    /// Entries in the archive (a long report with images has a few hundred).
    pub entries: usize,
    /// Uncompressed bytes read from all parts together, counted as they
    /// are inflated.
    pub bytes: u64,
    /// Nesting depth of an XML part (tables in tables reach about 30).
    pub depth: usize,
    /// Elements in all parts together.
    pub elements: u64,
}

impl Default for Budget {
    fn default() -> Budget {
        Budget {
            entries: 4_096,
            bytes: 64 * 1024 * 1024,
            depth: 256,
            elements: 4_000_000,
        }
    }
}

/// Why a document could not be read. Each names what was wrong; the caller
/// names the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OfficeError {
    /// Not a zip archive at all (a text file or an old binary `.doc`).
    NotAZip(&'static str),
    /// A zip archive, but not a document of this kind.
    NotADocument(String),
    /// Password-protected.
    Encrypted,
    /// The archive or a part in it is damaged.
    Corrupt(String),
    /// Over one of the [`Budget`]'s limits.
    OverBudget(String),
}

impl std::fmt::Display for OfficeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OfficeError::NotAZip(what) => write!(f, "it is not a zip archive ({what})"),
            OfficeError::NotADocument(why) => write!(f, "{why}"),
            OfficeError::Encrypted => f.write_str("it is password-protected (encrypted)"),
            OfficeError::Corrupt(why) => write!(f, "it is damaged: {why}"),
            OfficeError::OverBudget(why) => write!(f, "{why}"),
        }
    }
}

/// Where a paragraph comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Body,
    Footnote,
    Endnote,
    Comment,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub text: String,
    /// In a quotation style.
    pub quote: bool,
    pub part: Part,
}

/// Where a comment is anchored: (paragraph, byte in its text) at both ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Anchor {
    pub start: (usize, usize),
    pub end: (usize, usize),
}

/// A comment and the text it is anchored to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    pub anchor: Option<Anchor>,
    /// The comment's paragraphs.
    pub paragraphs: Vec<String>,
}

/// Collects paragraphs as the XML is read. Paragraphs can nest (a text box
/// or an OpenDocument footnote stands inside the paragraph it is anchored
/// in), so open ones are a stack; they are numbered in the order they open.
#[derive(Debug, Default)]
pub struct Builder {
    pub paragraphs: Vec<Paragraph>,
    open: Vec<usize>,
    /// Where the word processor broke pages when it last laid the document
    /// out: (paragraph, byte in its text).
    pub page_breaks: Vec<(usize, usize)>,
}

impl Builder {
    pub fn start(&mut self, part: Part) -> usize {
        let i = self.paragraphs.len();
        self.paragraphs.push(Paragraph {
            text: String::new(),
            quote: false,
            part,
        });
        self.open.push(i);
        i
    }

    pub fn end(&mut self) {
        self.open.pop();
    }

    /// Text of the innermost open paragraph; text outside paragraphs is
    /// not prose.
    pub fn text(&mut self, s: &str) {
        if let Some(&i) = self.open.last() {
            let text = &mut self.paragraphs[i].text;
            // One line per paragraph: a line break or any other control
            // character inside a paragraph (XML allows some, and character
            // references can name more) reads as a space. So no paragraph
            // holds the form feed that starts the view's trailer.
            if s.contains(|c: char| c.is_control()) {
                text.extend(s.chars().map(|c| if c.is_control() { ' ' } else { c }));
            } else {
                text.push_str(s);
            }
        }
    }

    /// The innermost open paragraph, and the length of its text so far.
    pub fn position(&self) -> Option<(usize, usize)> {
        self.open
            .last()
            .map(|&i| (i, self.paragraphs[i].text.len()))
    }

    pub fn current(&mut self) -> Option<&mut Paragraph> {
        self.open.last().map(|&i| &mut self.paragraphs[i])
    }

    /// A page break the word processor recorded as it laid the pages out,
    /// here (or before the next paragraph, between paragraphs).
    pub fn page_break(&mut self) {
        let at = self.position().unwrap_or((self.paragraphs.len(), 0));
        self.page_breaks.push(at);
    }

    /// Paragraphs of another part (footnotes, comments) after these.
    fn append(&mut self, other: Builder) {
        self.paragraphs.extend(other.paragraphs);
    }
}

/// A document's text as regard reads it.
#[derive(Debug, Default)]
pub struct Extracted {
    pub format: Option<Format>,
    pub paragraphs: Vec<Paragraph>,
    /// Comments whose text is a suppression directive, with their anchors.
    pub suppressions: Vec<(Anchor, String)>,
    /// Where pages break in the body (paragraph, byte), if the document
    /// records it.
    pub page_breaks: Option<Vec<(usize, usize)>>,
}

/// Reads a document, whatever its extension says: the archive's contents
/// decide whether it is Office Open XML or OpenDocument.
pub fn extract<R: Read + Seek>(reader: R, budget: Budget) -> Result<Extracted, OfficeError> {
    let mut archive = archive::Archive::open(reader, budget)?;
    let (format, mut body, comments) = if archive.has("word/document.xml") {
        let (body, comments) = docx::read(&mut archive)?;
        (Format::Docx, body, comments)
    } else if archive.has("content.xml") {
        let (body, comments) = odt::read(&mut archive)?;
        (Format::Odt, body, comments)
    } else {
        return Err(OfficeError::NotADocument(
            "it is a zip archive, but neither a Word document (no word/document.xml) nor an OpenDocument text (no content.xml)".into(),
        ));
    };
    let mut suppressions = Vec::new();
    let mut remarks = Builder::default();
    for comment in comments {
        let text = comment.paragraphs.join(" ");
        match comment.anchor {
            Some(anchor) if text.trim_start().starts_with("regard-") => {
                suppressions.push((anchor, text.trim().to_string()));
            }
            _ => {
                for p in comment.paragraphs {
                    remarks.start(Part::Comment);
                    remarks.text(&p);
                    remarks.end();
                }
            }
        }
    }
    body.append(remarks);
    // Pages are stated only where the word processor laid them out: a
    // document without a recorded break may be one page or never laid out.
    let page_breaks = (!body.page_breaks.is_empty()).then(|| body.page_breaks.clone());
    Ok(Extracted {
        format: Some(format),
        paragraphs: body.paragraphs,
        suppressions,
        page_breaks,
    })
}

impl Extracted {
    /// The text a report shows: paragraph `n` is line `n`.
    pub fn text(&self) -> String {
        let len = self.paragraphs.iter().map(|p| p.text.len() + 1).sum();
        let mut text = String::with_capacity(len);
        for p in &self.paragraphs {
            text.push_str(&p.text);
            text.push('\n');
        }
        text
    }

    /// The text regard reads (see [`Word`]): the paragraphs, one a line,
    /// then the trailer saying which are quotations and where the
    /// suppression comments are.
    pub fn view(&self) -> String {
        let mut text = self.text();
        let paragraphs = text.len();
        for (i, p) in self.paragraphs.iter().enumerate() {
            if p.quote {
                text.push_str(&format!("{TRAILER}quote {}\n", i + 1));
            }
        }
        if let Some(breaks) = &self.page_breaks {
            let starts = self.starts();
            // Pages are the body's: footnotes and comments have none.
            let body = self
                .paragraphs
                .iter()
                .take_while(|p| p.part == Part::Body)
                .count();
            text.push_str(&format!("{TRAILER}pages-end {}\n", starts[body]));
            for &(para, byte) in breaks {
                let len = self.paragraphs.get(para).map_or(0, |p| p.text.len());
                text.push_str(&format!(
                    "{TRAILER}page-break {}\n",
                    starts[para.min(body)] + byte.min(len)
                ));
            }
        }
        for d in self.directives(&text[..paragraphs]) {
            let action = match d.action {
                Action::Ignore => "ignore",
                Action::Disable => "disable",
                Action::Enable => "enable",
                Action::Unknown => "unknown",
            };
            let rules: Vec<&str> = d.rules.iter().map(|(r, _)| r.as_str()).collect();
            text.push_str(&format!(
                "{TRAILER}regard-{action} {} {} {}\t{}\t{}\n",
                d.line,
                d.span.start,
                d.span.end,
                rules.join(","),
                d.reason.as_deref().unwrap_or(""),
            ));
        }
        text
    }

    /// Where each paragraph starts in [`Extracted::text`], and its end.
    fn starts(&self) -> Vec<usize> {
        std::iter::once(0)
            .chain(self.paragraphs.iter().scan(0, |at, p| {
                *at += p.text.len() + 1;
                Some(*at)
            }))
            .collect()
    }

    /// Suppression comments as directives over [`Extracted::text`]. An
    /// anchor within one paragraph is a `regard-ignore` of that line; one
    /// across paragraphs is a `regard-disable` at its first and a
    /// `regard-enable` at its last, so one comment is one suppression
    /// (used or not) whatever its length.
    pub fn directives(&self, text: &str) -> Vec<Directive> {
        let starts = self.starts();
        let offset = |(para, byte): (usize, usize)| {
            let start = starts[para.min(self.paragraphs.len())];
            let len = self.paragraphs.get(para).map_or(0, |p| p.text.len());
            super::span::floor_char_boundary(text, start + byte.min(len))
        };
        let mut out = Vec::new();
        for (anchor, comment) in &self.suppressions {
            let Some(parsed) = parse_directive(comment) else {
                continue;
            };
            let start = offset(anchor.start);
            let end = offset(anchor.end).max(start);
            let span = Span::new(start, end);
            let rules: Vec<(String, Span)> = parsed.1.iter().map(|r| (r.clone(), span)).collect();
            let directive = |action, line, span| Directive {
                action,
                rules: rules.clone(),
                reason: parsed.2.clone(),
                span,
                keyword: span,
                line,
                alone: false,
                problems: problems(action, &rules, span),
            };
            let (first, last) = (anchor.start.0 + 1, anchor.end.0.max(anchor.start.0) + 1);
            match parsed.0 {
                Action::Ignore if first == last => out.push(directive(Action::Ignore, first, span)),
                Action::Ignore => {
                    out.push(directive(Action::Disable, first, span));
                    out.push(directive(Action::Enable, last, Span::new(end, end)));
                }
                action => out.push(directive(action, first, span)),
            }
        }
        out.sort_by_key(|d| (d.line, d.span.start));
        out
    }
}

/// What starts each line of a view's trailer: a form feed, which no
/// paragraph holds (see [`Builder::text`]).
const TRAILER: char = '\x0c';

/// Where the trailer of a view starts (its length if it has none).
fn trailer_start(text: &str) -> usize {
    if text.starts_with(TRAILER) {
        return 0;
    }
    memchr::memmem::find(text.as_bytes(), b"\n\x0c").map_or(text.len(), |i| i + 1)
}

/// The trailer's lines, without the form feed.
fn trailer(text: &str) -> impl Iterator<Item = &str> {
    text[trailer_start(text)..]
        .lines()
        .filter_map(|l| l.strip_prefix(TRAILER))
}

/// The prose of a view: a block per paragraph, quotations as block quotes.
pub fn prose(text: &str) -> Prose {
    let quotes: std::collections::HashSet<usize> = trailer(text)
        .filter_map(|l| l.strip_prefix("quote ")?.parse().ok())
        .collect();
    let end = trailer_start(text);
    let mut b = ProseBuilder::new(text);
    for (n, (start, line)) in super::lines(&text[..end], 0).enumerate() {
        b.start_block(quotes.contains(&(n + 1)));
        b.push(start..start + line.len());
    }
    b.finish()
}

/// The page `offset` (in a view's paragraphs) is on, if the document
/// records where its pages break and `offset` is in the body.
pub fn page(text: &str, offset: usize) -> Option<u32> {
    let mut end = None;
    let mut page = 1u32;
    for line in trailer(text) {
        if let Some(n) = line.strip_prefix("pages-end ") {
            end = n.parse::<usize>().ok();
        } else if let Some(n) = line.strip_prefix("page-break ") {
            if n.parse::<usize>().is_ok_and(|at| at <= offset) {
                page = page.saturating_add(1);
            }
        }
    }
    end.filter(|&end| offset < end).map(|_| page)
}

/// The suppression comments of a view, as directives over its paragraphs.
pub fn directives(text: &str) -> Vec<Directive> {
    let paragraphs = trailer_start(text);
    trailer(text)
        .filter_map(|l| {
            let (head, rest) = l.split_once('\t')?;
            let (rules, reason) = rest.split_once('\t')?;
            let mut head = head.split(' ');
            let action = match head.next()?.strip_prefix("regard-")? {
                "ignore" => Action::Ignore,
                "disable" => Action::Disable,
                "enable" => Action::Enable,
                "unknown" => Action::Unknown,
                _ => return None,
            };
            let mut number = || head.next()?.parse::<usize>().ok();
            let (line, start, end) = (number()?, number()?, number()?);
            if start > end || end > paragraphs {
                return None;
            }
            let span = Span::new(start, end);
            let rules: Vec<(String, Span)> = rules
                .split(',')
                .filter(|r| !r.is_empty())
                .map(|r| (r.to_string(), span))
                .collect();
            Some(Directive {
                action,
                problems: problems(action, &rules, span),
                rules,
                reason: (!reason.is_empty()).then(|| reason.to_string()),
                span,
                keyword: span,
                line,
                alone: false,
            })
        })
        .collect()
}

/// How a comment's directive is written wrong, for `invalid-suppression`:
/// in a Word comment the anchor is the only place a user can find, so
/// every problem points at it.
fn problems(action: Action, rules: &[(String, Span)], anchor: Span) -> Vec<Misuse> {
    if action == Action::Unknown {
        vec![Misuse::UnknownAction(anchor)]
    } else if rules.is_empty() {
        vec![Misuse::NoRule(anchor)]
    } else {
        Vec::new()
    }
}

/// A comment's directive: what it does, the rules it names, its reason.
fn parse_directive(comment: &str) -> Option<(Action, Vec<String>, Option<String>)> {
    let bracketed = format!("[{}]", comment.replace(['[', ']'], " "));
    let caps = super::suppress::syntax(super::Kind::Plain).captures(&bracketed)?;
    if caps.get(0)?.start() != 0 {
        return None;
    }
    // The syntax reads any `regard-` word; a comment is a directive only
    // with one of the three (in a Word comment, the others stay comments).
    let action = match &caps[1] {
        "ignore" => Action::Ignore,
        "disable" => Action::Disable,
        "enable" => Action::Enable,
        // `regard-ingore`: suppresses nothing and is reported.
        _ => Action::Unknown,
    };
    // An entry's first word is its rule id, as in text notes.
    let rules = caps[2]
        .split(',')
        .filter_map(|r| r.split_whitespace().next())
        .map(str::to_string)
        .collect();
    let reason = caps
        .get(3)
        .map(|r| r.as_str().trim().to_string())
        .filter(|r| !r.is_empty() && !r.eq_ignore_ascii_case(super::suppress::PLACEHOLDER));
    Some((action, rules, reason))
}

/// Whether a style's name is one of the quotation styles word processors
/// ship (Word's "Quote", "Intense Quote", "Block Text"; LibreOffice's
/// "Quotations"), in any case and with or without spaces.
pub(super) fn is_quote_style(name: &str) -> bool {
    let name: String = name
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    matches!(
        name.as_str(),
        "quote" | "quotes" | "quotation" | "quotations" | "intensequote" | "blocktext"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotation_styles() {
        for name in [
            "Quote",
            "Intense Quote",
            "IntenseQuote",
            "Block Text",
            "Quotations",
        ] {
            assert!(is_quote_style(name), "{name}");
        }
        for name in ["Normal", "Heading 1", "Quote Char", "Footnote"] {
            assert!(!is_quote_style(name), "{name}");
        }
    }

    #[test]
    fn directives_cover_their_anchors() {
        let extracted = Extracted {
            format: Some(Format::Docx),
            paragraphs: ["one", "He was resistant.", "three", "four"]
                .iter()
                .map(|t| Paragraph {
                    text: t.to_string(),
                    quote: false,
                    part: Part::Body,
                })
                .collect(),
            suppressions: vec![
                (
                    Anchor {
                        start: (1, 7),
                        end: (1, 16),
                    },
                    "regard-ignore deficit-label: the referral's word".into(),
                ),
                (
                    Anchor {
                        start: (2, 0),
                        end: (3, 4),
                    },
                    "regard-ignore a, b".into(),
                ),
            ],
            page_breaks: None,
        };
        let text = extracted.text();
        let d = extracted.directives(&text);
        assert_eq!(d.len(), 3);
        assert_eq!((d[0].action, d[0].line), (Action::Ignore, 2));
        assert_eq!(&text[d[0].span.start..d[0].span.end], "resistant");
        assert_eq!(d[0].reason.as_deref(), Some("the referral's word"));
        assert_eq!((d[1].action, d[1].line), (Action::Disable, 3));
        assert_eq!((d[2].action, d[2].line), (Action::Enable, 4));
        let rules: Vec<&str> = d[1].rules.iter().map(|(r, _)| r.as_str()).collect();
        assert_eq!(rules, ["a", "b"]);
        assert_eq!(d[1].reason, None);
        assert!(parse_directive("please look again at regard-ignore x").is_none());
        // A misspelt directive is read, to be reported (invalid-suppression).
        let (action, _, _) = parse_directive("regard-ingore deficit-label: typo").unwrap();
        assert_eq!(action, Action::Unknown);
        let (_, rules, _) = parse_directive("regard-ignore deficit-label quoting, ,x").unwrap();
        assert_eq!(rules, ["deficit-label", "x"]);
    }

    /// A Word comment naming a rule that is not one is reported at the
    /// words it is anchored to, with no fix: the id is not in the text.
    #[test]
    fn a_misspelt_directive_in_a_comment_suppresses_nothing_and_is_reported() {
        let (action, rules, _) = parse_directive("regard-ingore deficit-label: quoted").unwrap();
        assert_eq!(action, Action::Unknown);
        let anchor = Span::new(3, 9);
        let problems = problems(action, &[(rules[0].clone(), anchor)], anchor);
        assert_eq!(problems, vec![Misuse::UnknownAction(anchor)]);
        let (action, rules, _) = parse_directive("regard-ignore: quoted").unwrap();
        assert_eq!(action, Action::Ignore);
        assert_eq!(
            problems_of(action, &rules, anchor),
            vec![Misuse::NoRule(anchor)]
        );
    }

    fn problems_of(action: Action, rules: &[String], anchor: Span) -> Vec<Misuse> {
        let rules: Vec<(String, Span)> = rules.iter().map(|r| (r.clone(), anchor)).collect();
        problems(action, &rules, anchor)
    }

    #[test]
    fn a_misspelt_rule_in_a_comment_is_reported_at_its_anchor() {
        use crate::engine::Engine;
        use crate::rule::RuleSet;
        let extracted = Extracted {
            format: Some(Format::Docx),
            paragraphs: vec![Paragraph {
                text: "He was resistant.".into(),
                quote: false,
                part: Part::Body,
            }],
            suppressions: vec![(
                Anchor {
                    start: (0, 7),
                    end: (0, 16),
                },
                "regard-ignore deficit-lable: the referral's word".into(),
            )],
            page_breaks: None,
        };
        let rules = RuleSet::load(true, &[]).unwrap();
        let engine = Engine::new(&rules).unwrap();
        let doc = crate::document::Document::new(
            "n.docx".into(),
            extracted.view(),
            crate::document::Kind::Word,
        );
        let found: Vec<_> = engine
            .lint(&doc)
            .into_iter()
            .map(|f| {
                let at = &doc.text[f.span.start..f.span.end];
                (
                    rules.rules[f.rule].id.as_str(),
                    at.to_string(),
                    f.message,
                    f.fix,
                )
            })
            .collect();
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].0, "deficit-label");
        assert_eq!(
            (
                found[1].0,
                found[1].1.as_str(),
                found[1].2.as_str(),
                &found[1].3
            ),
            (
                "invalid-suppression",
                "resistant",
                "`deficit-lable` is not a rule: did you mean `deficit-label`?",
                &None
            )
        );
    }

    fn session(budget: Budget) -> Result<Extracted, OfficeError> {
        let bytes = std::fs::read("fixtures/office/session.docx").unwrap();
        extract(std::io::Cursor::new(bytes), budget)
    }

    #[test]
    fn every_budget_stops_a_real_document_when_set_below_it() {
        assert_eq!(session(Budget::default()).unwrap().paragraphs.len(), 18);
        let cases = [
            (
                Budget {
                    entries: 5,
                    ..Budget::default()
                },
                "it has 18 entries, over the 5 regard reads in a document",
            ),
            (
                Budget {
                    bytes: 4_000,
                    ..Budget::default()
                },
                "it looks like a zip bomb: `word/document.xml` inflates to over 4000 bytes",
            ),
            (
                Budget {
                    depth: 5,
                    ..Budget::default()
                },
                "`word/document.xml` nests XML over 5 elements deep",
            ),
            (
                Budget {
                    elements: 100,
                    ..Budget::default()
                },
                "it has over 100 XML elements, more than regard reads in a document",
            ),
        ];
        for (budget, why) in cases {
            let e = session(budget).expect_err(why);
            assert!(matches!(e, OfficeError::OverBudget(_)), "{e:?}");
            assert!(e.to_string().starts_with(why), "{e}");
        }
    }
}
