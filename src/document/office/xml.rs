//! One XML part of a document, read as events within a [`Budget`].
//!
//! Word and LibreOffice never write a document type declaration, so one is
//! refused: without it no entity can be declared, and a "billion laughs"
//! part (entities that expand to entities) cannot be expressed. References
//! to the five predefined entities and to characters are resolved here;
//! any other is an error. Nesting depth and the number of elements are
//! counted as the part is read.
//!
//! [`Budget`]: super::Budget

use std::cell::Cell;
use std::io::BufRead;
use std::rc::Rc;

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::NsReader;

use super::archive::read_error;
use super::OfficeError;

/// An element's namespace and local name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Name<'a> {
    pub ns: &'a str,
    pub local: &'a str,
}

/// What the format readers see of a part.
pub enum Item<'a> {
    /// A start tag; `empty` when it is also its own end (`<w:tab/>`).
    Start {
        name: Name<'a>,
        tag: &'a BytesStart<'a>,
        empty: bool,
    },
    End(Name<'a>),
    /// Character data, references resolved.
    Text(&'a str),
}

pub struct Xml<R: BufRead> {
    reader: NsReader<R>,
    buf: Vec<u8>,
    text: String,
    part: String,
    depth: usize,
    max_depth: usize,
    elements: Rc<Cell<u64>>,
    max_elements: u64,
}

impl<R: BufRead> Xml<R> {
    pub fn new(
        reader: R,
        part: &str,
        max_depth: usize,
        elements: Rc<Cell<u64>>,
        max_elements: u64,
    ) -> Xml<R> {
        let mut reader = NsReader::from_reader(reader);
        reader.config_mut().check_end_names = true;
        Xml {
            reader,
            buf: Vec::with_capacity(64 * 1024),
            text: String::new(),
            part: part.to_string(),
            depth: 0,
            max_depth,
            elements,
            max_elements,
        }
    }

    /// Calls `on` with each item of the part, to its end.
    pub fn each(
        &mut self,
        mut on: impl FnMut(Item<'_>) -> Result<(), OfficeError>,
    ) -> Result<(), OfficeError> {
        loop {
            self.buf.clear();
            let (ns, event) = match self.reader.read_resolved_event_into(&mut self.buf) {
                Ok(r) => r,
                Err(quick_xml::Error::Io(e)) => return Err(read_error(&e, &self.part)),
                Err(e) => {
                    return Err(OfficeError::Corrupt(format!(
                        "`{}` is not well-formed XML near byte {}: {e}",
                        self.part,
                        self.reader.error_position()
                    )))
                }
            };
            let ns = match ns {
                ResolveResult::Bound(ns) => std::str::from_utf8(ns.0.as_bytes()).unwrap_or(""),
                _ => "",
            };
            match event {
                Event::Start(ref tag) | Event::Empty(ref tag) => {
                    let empty = matches!(event, Event::Empty(_));
                    let left = self.elements.get();
                    if left == 0 {
                        return Err(OfficeError::OverBudget(format!(
                            "it has over {} XML elements, more than regard reads in a document",
                            self.max_elements
                        )));
                    }
                    self.elements.set(left - 1);
                    if !empty {
                        self.depth += 1;
                        if self.depth > self.max_depth {
                            return Err(OfficeError::OverBudget(format!(
                                "`{}` nests XML over {} elements deep, deeper than any document regard reads",
                                self.part, self.max_depth
                            )));
                        }
                    }
                    let local = tag.local_name();
                    let name = Name {
                        ns,
                        local: local.as_ref(),
                    };
                    on(Item::Start { name, tag, empty })?;
                }
                Event::End(ref tag) => {
                    self.depth -= 1;
                    let local = tag.local_name();
                    on(Item::End(Name {
                        ns,
                        local: local.as_ref(),
                    }))?;
                }
                Event::Text(ref t) => {
                    on(Item::Text(&t.xml10_content()))?;
                }
                Event::CData(ref t) => {
                    on(Item::Text(&t.xml10_content()))?;
                }
                Event::GeneralRef(ref r) => {
                    self.text.clear();
                    match r.resolve_char_ref() {
                        Ok(Some(c)) => self.text.push(c),
                        Ok(None) => match &**r {
                            "amp" => self.text.push('&'),
                            "lt" => self.text.push('<'),
                            "gt" => self.text.push('>'),
                            "quot" => self.text.push('"'),
                            "apos" => self.text.push('\''),
                            other => {
                                return Err(OfficeError::Corrupt(format!(
                                    "`{}` refers to an entity `&{other};` that is never declared",
                                    self.part
                                )))
                            }
                        },
                        Err(e) => {
                            return Err(OfficeError::Corrupt(format!(
                                "`{}` has a bad character reference: {e}",
                                self.part
                            )))
                        }
                    }
                    on(Item::Text(&self.text))?;
                }
                Event::DocType(_) => {
                    return Err(OfficeError::OverBudget(format!(
                        "`{}` has a document type declaration, which Word and LibreOffice never write (it could declare entities that expand without end)",
                        self.part
                    )));
                }
                Event::Eof => return Ok(()),
                Event::Comment(_) | Event::Decl(_) | Event::PI(_) => {}
            }
        }
    }
}

/// The value of the attribute with local name `local`, whatever its prefix.
pub fn attr(tag: &BytesStart<'_>, local: &str) -> Option<String> {
    tag.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}
