//! OpenDocument text (`.odt`): `content.xml`, with styles from `styles.xml`.
//!
//! A paragraph is `text:p` or a heading `text:h`; its text is all character
//! data inside it (spans and links included), with `text:s` read as a
//! space and `text:tab` and `text:line-break` too. Lists, table cells and
//! text boxes hold paragraphs; a footnote's body (`text:note-body`) holds
//! paragraphs inside the paragraph it is cited in, so they are numbered
//! from there. Tracked changes keep deleted text in `text:tracked-changes`,
//! apart from the body: it is skipped, and inserted text is in the body
//! already. A comment (`office:annotation`) stands where its anchor starts
//! and, over a range, ends at `office:annotation-end` of the same name.
//! Generated indexes (a table of contents) repeat headings and are skipped.

use std::collections::HashMap;
use std::io::{Read, Seek};

use super::archive::Archive;
use super::xml::{attr, Item};
use super::{is_quote_style, Anchor, Builder, Comment, OfficeError, Part};

const TEXT: &str = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
const OFFICE: &str = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
const STYLE: &str = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";

pub fn read<R: Read + Seek>(
    archive: &mut Archive<R>,
) -> Result<(Builder, Vec<Comment>), OfficeError> {
    if let Some(manifest) = archive.small_part("META-INF/manifest.xml")? {
        // Encrypted parts are listed with how they were encrypted.
        if manifest.contains("encryption-data") {
            return Err(OfficeError::Encrypted);
        }
    }
    if let Some(mime) = archive.small_part("mimetype")? {
        let mime = mime.trim();
        if mime.starts_with("application/vnd.oasis.opendocument.")
            && !mime.starts_with("application/vnd.oasis.opendocument.text")
        {
            return Err(OfficeError::NotADocument(format!(
                "it is an OpenDocument file, but not text ({mime}); regard reads text documents (.odt)"
            )));
        }
    }
    let mut styles = Styles::default();
    read_styles(archive, "styles.xml", &mut styles)?;
    let Some(mut xml) = archive.xml("content.xml")? else {
        return Err(OfficeError::NotADocument("it has no content.xml".into()));
    };
    let mut body = Builder::default();
    let mut comments: Vec<(Option<String>, Anchor, Builder)> = Vec::new();
    // The comment being read, if inside one.
    let mut in_comment = false;
    let mut skip = 0usize;
    xml.each(|item| {
        match item {
            Item::Start { name, tag, empty } => {
                // Styles defined in content.xml (automatic ones) come first.
                if name.ns == STYLE && name.local == "style" {
                    if let Some(n) = attr(tag, "name") {
                        styles.add(n, attr(tag, "display-name"), attr(tag, "parent-style-name"));
                    }
                    return Ok(());
                }
                let skipped = match (name.ns, name.local) {
                    (TEXT, "tracked-changes" | "note-citation")
                    | (TEXT, "table-of-content" | "alphabetical-index" | "illustration-index")
                    | (TEXT, "table-index" | "object-index" | "user-index" | "bibliography") => {
                        true
                    }
                    (OFFICE, "annotation") if in_comment => true,
                    // A comment's author and date.
                    (ns, _) if in_comment && ns == "http://purl.org/dc/elements/1.1/" => true,
                    // Descriptions of images and shapes.
                    ("urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0", _) => true,
                    _ => false,
                };
                if skipped || skip > 0 {
                    skip += usize::from(!empty);
                    return Ok(());
                }
                let out = match comments.last_mut() {
                    Some((_, _, b)) if in_comment => b,
                    _ => &mut body,
                };
                match (name.ns, name.local) {
                    (TEXT, "p" | "h") => {
                        let part = if in_comment {
                            Part::Comment
                        } else {
                            Part::Body
                        };
                        out.start(part);
                        let quote = attr(tag, "style-name").is_some_and(|s| styles.is_quote(&s));
                        if let Some(p) = out.current() {
                            p.quote = quote;
                        }
                        if empty {
                            out.end();
                        }
                    }
                    (TEXT, "s" | "tab" | "line-break") => out.text(" "),
                    (TEXT, "soft-page-break") if !in_comment => out.page_break(),
                    (OFFICE, "annotation") if !empty => {
                        let at = body.position().unwrap_or_default();
                        comments.push((
                            attr(tag, "name"),
                            Anchor { start: at, end: at },
                            Builder::default(),
                        ));
                        in_comment = true;
                    }
                    (OFFICE, "annotation-end") => {
                        let at = body.position().unwrap_or_default();
                        let named = attr(tag, "name");
                        if let Some((_, anchor, _)) = comments
                            .iter_mut()
                            .rev()
                            .find(|(n, _, _)| n.is_some() && *n == named)
                        {
                            anchor.end = at;
                        }
                    }
                    _ => {}
                }
            }
            Item::End(name) => {
                if name.ns == STYLE && name.local == "style" {
                    return Ok(());
                }
                if skip > 0 {
                    skip -= 1;
                    return Ok(());
                }
                match (name.ns, name.local) {
                    (TEXT, "p" | "h") => match comments.last_mut() {
                        Some((_, _, b)) if in_comment => b.end(),
                        _ => body.end(),
                    },
                    (OFFICE, "annotation") => in_comment = false,
                    _ => {}
                }
            }
            Item::Text(text) => {
                if skip == 0 {
                    match comments.last_mut() {
                        Some((_, _, b)) if in_comment => b.text(text),
                        _ => body.text(text),
                    }
                }
            }
        }
        Ok(())
    })?;
    let comments = comments
        .into_iter()
        .map(|(_, anchor, b)| Comment {
            anchor: Some(anchor),
            paragraphs: b.paragraphs.into_iter().map(|p| p.text).collect(),
        })
        .collect();
    Ok((body, comments))
}

/// Paragraph styles by name: display name and parent.
#[derive(Default)]
struct Styles {
    by_name: HashMap<String, (Option<String>, Option<String>)>,
}

impl Styles {
    fn add(&mut self, name: String, display: Option<String>, parent: Option<String>) {
        self.by_name.insert(name, (display, parent));
    }

    /// Whether the style, or one it inherits from, is a quotation style.
    fn is_quote(&self, name: &str) -> bool {
        let mut at = Some(name.to_string());
        // Inheritance is shallow; a loop is cut off.
        for _ in 0..16 {
            let Some(name) = at.take() else { break };
            if is_quote_style(&name) {
                return true;
            }
            match self.by_name.get(&name) {
                Some((display, parent)) => {
                    if display.as_deref().is_some_and(is_quote_style) {
                        return true;
                    }
                    at = parent.clone();
                }
                None => break,
            }
        }
        false
    }
}

fn read_styles<R: Read + Seek>(
    archive: &mut Archive<R>,
    part: &str,
    styles: &mut Styles,
) -> Result<(), OfficeError> {
    let Some(mut xml) = archive.xml(part)? else {
        return Ok(());
    };
    xml.each(|item| {
        if let Item::Start { name, tag, .. } = item {
            if name.ns == STYLE && name.local == "style" {
                if let Some(n) = attr(tag, "name") {
                    styles.add(n, attr(tag, "display-name"), attr(tag, "parent-style-name"));
                }
            }
        }
        Ok(())
    })
}
