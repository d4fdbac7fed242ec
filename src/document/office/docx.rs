//! Office Open XML (`.docx`): `word/document.xml` and the parts beside it.
//!
//! A paragraph is `w:p`; its text is every `w:t` in its runs (`w:r`),
//! whatever their formatting, with `w:tab`, `w:br` and `w:cr` read as
//! spaces. Tables hold paragraphs in their cells, text boxes
//! (`w:txbxContent`) inside a run of the paragraph they are anchored to.
//! Deleted tracked changes (`w:del`, `w:moveFrom`) are left out; their text
//! is `w:delText` anyway. A text box is written twice (a drawing and, under
//! `mc:Fallback`, the same for older readers): the fallback is skipped.
//! Field codes (`w:instrText`) are not text; a field's result is.
//! Footnotes, endnotes and comments are parts of their own.

use std::collections::HashMap;
use std::io::{Read, Seek};

use super::archive::Archive;
use super::xml::{attr, Item};
use super::{is_quote_style, Anchor, Builder, Comment, OfficeError, Part};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
/// The same vocabulary in ISO 29500 Strict documents.
const W_STRICT: &str = "http://purl.oclc.org/ooxml/wordprocessingml/main";
const MC: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";

fn is_w(ns: &str) -> bool {
    ns == W || ns == W_STRICT
}

/// The body, then footnotes and endnotes, as paragraphs; and the comments.
pub fn read<R: Read + Seek>(
    archive: &mut Archive<R>,
) -> Result<(Builder, Vec<Comment>), OfficeError> {
    let mut body = Builder::default();
    let mut anchors: HashMap<String, Anchor> = HashMap::new();
    let mut styled = read_part(
        archive,
        "word/document.xml",
        Part::Body,
        &mut body,
        Some(&mut anchors),
    )?;
    for (name, part) in [
        ("word/footnotes.xml", Part::Footnote),
        ("word/endnotes.xml", Part::Endnote),
    ] {
        let mut notes = Builder::default();
        let offset = body.paragraphs.len();
        let more = read_part(archive, name, part, &mut notes, None)?;
        styled.extend(more.into_iter().map(|(i, id)| (offset + i, id)));
        body.append(notes);
    }
    // Which styles are quotations. styles.xml can be far larger than the
    // note (python-docx's is 350 KB): it is read only when a paragraph's
    // style is neither one of Word's own plain styles nor named a quote.
    if styled
        .iter()
        .any(|(_, id)| !is_quote_style(id) && !plain_builtin(id))
    {
        let quote_styles = styles(archive)?;
        for (i, id) in styled {
            body.paragraphs[i].quote = quote_styles.get(&id).copied().unwrap_or(false);
        }
    } else {
        for (i, id) in styled {
            body.paragraphs[i].quote = is_quote_style(&id);
        }
    }
    let mut comments = Vec::new();
    let mut by_id: Vec<(String, Builder)> = Vec::new();
    if let Some(mut xml) = archive.xml("word/comments.xml")? {
        let mut state = State::new(Part::Comment, None);
        xml.each(|item| {
            if let Item::Start { name, tag, .. } = &item {
                if is_w(name.ns) && name.local == "comment" {
                    by_id.push((attr(tag, "id").unwrap_or_default(), Builder::default()));
                }
            }
            match by_id.last_mut() {
                Some((_, b)) => state.on(item, b),
                None => Ok(()),
            }
        })?;
    }
    for (id, b) in by_id {
        comments.push(Comment {
            anchor: anchors.get(&id).copied(),
            paragraphs: b.paragraphs.into_iter().map(|p| p.text).collect(),
        });
    }
    Ok((body, comments))
}

/// Style ids Word gives its own styles that are never quotations (Word
/// writes them in English whatever the language of its menus; a document
/// from a Word in another language has other ids, and styles.xml is read).
fn plain_builtin(id: &str) -> bool {
    let stem = id.trim_end_matches(|c: char| c.is_ascii_digit());
    matches!(
        stem,
        "Normal"
            | "Heading"
            | "Title"
            | "Subtitle"
            | "ListParagraph"
            | "ListBullet"
            | "ListNumber"
            | "List"
            | "ListContinue"
            | "NoSpacing"
            | "BodyText"
            | "Caption"
            | "FootnoteText"
            | "EndnoteText"
            | "CommentText"
            | "TOC"
    )
}

/// Reads one part into `out`; the paragraphs that name a style, by index
/// in `out`, with the style's id.
fn read_part<R: Read + Seek>(
    archive: &mut Archive<R>,
    name: &str,
    part: Part,
    out: &mut Builder,
    anchors: Option<&mut HashMap<String, Anchor>>,
) -> Result<Vec<(usize, String)>, OfficeError> {
    let Some(mut xml) = archive.xml(name)? else {
        return Ok(Vec::new());
    };
    let mut state = State::new(part, anchors);
    xml.each(|item| state.on(item, out))?;
    Ok(state.styled)
}

/// Where the reader is in a part.
struct State<'a> {
    part: Part,
    /// Paragraphs that name a style: (index, style id).
    styled: Vec<(usize, String)>,
    anchors: Option<&'a mut HashMap<String, Anchor>>,
    /// Inside this many elements whose text is not the document's
    /// (deletions, fallbacks, separators).
    skip: usize,
    in_text: bool,
    in_paragraph_properties: bool,
}

impl<'a> State<'a> {
    fn new(part: Part, anchors: Option<&'a mut HashMap<String, Anchor>>) -> State<'a> {
        State {
            part,
            styled: Vec::new(),
            anchors,
            skip: 0,
            in_text: false,
            in_paragraph_properties: false,
        }
    }

    fn on(&mut self, item: Item<'_>, out: &mut Builder) -> Result<(), OfficeError> {
        match item {
            Item::Start { name, tag, empty } => {
                if name.ns == MC && name.local == "Fallback" {
                    self.skip += usize::from(!empty);
                    return Ok(());
                }
                if !is_w(name.ns) {
                    return Ok(());
                }
                let skipped = match name.local {
                    "del" | "moveFrom" | "instrText" | "delText" => true,
                    // Footnote separators are lines, not notes.
                    "footnote" | "endnote" => attr(tag, "type").is_some_and(|t| t != "normal"),
                    _ => false,
                };
                if skipped {
                    self.skip += usize::from(!empty);
                    return Ok(());
                }
                if self.skip > 0 {
                    return Ok(());
                }
                match name.local {
                    "p" => {
                        out.start(self.part);
                        if empty {
                            out.end();
                        }
                    }
                    "pPr" => self.in_paragraph_properties = !empty,
                    "pStyle" if self.in_paragraph_properties => {
                        if let (Some(id), Some((i, _))) = (attr(tag, "val"), out.position()) {
                            self.styled.push((i, id));
                        }
                    }
                    "t" => self.in_text = !empty,
                    "tab" | "ptab" | "cr" if !self.in_paragraph_properties => out.text(" "),
                    "br" => out.text(" "),
                    // Where Word broke the page when it last laid the
                    // document out (after explicit page breaks too).
                    "lastRenderedPageBreak" if self.part == Part::Body => out.page_break(),
                    "noBreakHyphen" => out.text("-"),
                    "commentRangeStart" | "commentRangeEnd" | "commentReference" => {
                        self.anchor(name.local, attr(tag, "id"), out)
                    }
                    _ => {}
                }
            }
            Item::End(name) => {
                if name.ns == MC && name.local == "Fallback" {
                    self.skip -= 1;
                    return Ok(());
                }
                if !is_w(name.ns) {
                    return Ok(());
                }
                match name.local {
                    "del" | "moveFrom" | "instrText" | "delText" => self.skip -= 1,
                    "footnote" | "endnote" if self.skip > 0 => self.skip -= 1,
                    _ if self.skip > 0 => {}
                    "p" => out.end(),
                    "pPr" => self.in_paragraph_properties = false,
                    "t" => self.in_text = false,
                    _ => {}
                }
            }
            Item::Text(text) => {
                if self.in_text && self.skip == 0 {
                    out.text(text);
                }
            }
        }
        Ok(())
    }

    fn anchor(&mut self, what: &str, id: Option<String>, out: &Builder) {
        let (Some(anchors), Some(id), Some(at)) = (self.anchors.as_deref_mut(), id, out.position())
        else {
            return;
        };
        match what {
            "commentRangeStart" => {
                anchors.insert(id, Anchor { start: at, end: at });
            }
            "commentRangeEnd" => {
                if let Some(a) = anchors.get_mut(&id) {
                    a.end = at;
                }
            }
            // A comment on a point, with no range: its paragraph.
            _ => {
                anchors.entry(id).or_insert(Anchor { start: at, end: at });
            }
        }
    }
}

/// Whether each paragraph style id is a quotation style, by its name or
/// the styles it is based on.
fn styles<R: Read + Seek>(archive: &mut Archive<R>) -> Result<HashMap<String, bool>, OfficeError> {
    let Some(mut xml) = archive.xml("word/styles.xml")? else {
        return Ok(HashMap::new());
    };
    // id -> (name, based on)
    let mut styles: HashMap<String, (String, Option<String>)> = HashMap::new();
    let mut current: Option<String> = None;
    xml.each(|item| {
        match item {
            Item::Start { name, tag, .. } if is_w(name.ns) => match name.local {
                "style" => {
                    current = attr(tag, "styleId");
                    if let Some(id) = &current {
                        styles.insert(id.clone(), (id.clone(), None));
                    }
                }
                "name" | "basedOn" => {
                    if let (Some(id), Some(val)) = (&current, attr(tag, "val")) {
                        let entry = styles.entry(id.clone()).or_default();
                        if name.local == "name" {
                            entry.0 = val;
                        } else {
                            entry.1 = Some(val);
                        }
                    }
                }
                _ => {}
            },
            Item::End(name) if is_w(name.ns) && name.local == "style" => current = None,
            _ => {}
        }
        Ok(())
    })?;
    let quote = |id: &str| {
        let mut at = Some(id.to_string());
        // A chain of `basedOn` is short; a loop in one is cut off.
        for _ in 0..16 {
            let Some(id) = at.take() else { break };
            match styles.get(&id) {
                Some((name, based)) => {
                    if is_quote_style(name) || is_quote_style(&id) {
                        return true;
                    }
                    at = based.clone();
                }
                None => return is_quote_style(&id),
            }
        }
        false
    };
    Ok(styles.keys().map(|id| (id.clone(), quote(id))).collect())
}
