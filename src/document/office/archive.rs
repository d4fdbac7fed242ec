//! A document's zip archive, read within a [`Budget`].
//!
//! The sizes a zip records are the archive's word, not a fact: a zip bomb
//! states a small size and inflates to gigabytes. So parts are streamed
//! through a counter that stops at the budget's byte limit, whatever the
//! header says, and only the XML parts regard needs are ever inflated
//! (images and fonts are not read).

use std::cell::Cell;
use std::io::{self, BufReader, Read, Seek};
use std::rc::Rc;

use zip::result::ZipError;
use zip::ZipArchive;

use super::xml::Xml;
use super::{Budget, OfficeError};

pub struct Archive<R: Read + Seek> {
    zip: ZipArchive<R>,
    pub budget: Budget,
    /// Uncompressed bytes left to read, shared by every part.
    left: Rc<Cell<u64>>,
    /// Elements left to read, shared by every part.
    elements: Rc<Cell<u64>>,
}

/// The first bytes of an OLE compound file: Word's encrypted documents
/// (and old binary `.doc` files) are one.
const COMPOUND_FILE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

impl<R: Read + Seek> Archive<R> {
    pub fn open(mut reader: R, budget: Budget) -> Result<Archive<R>, OfficeError> {
        let mut magic = [0u8; 8];
        let n =
            read_up_to(&mut reader, &mut magic).map_err(|e| OfficeError::Corrupt(e.to_string()))?;
        reader
            .seek(io::SeekFrom::Start(0))
            .map_err(|e| OfficeError::Corrupt(e.to_string()))?;
        let magic = &magic[..n];
        if magic == COMPOUND_FILE {
            return Err(OfficeError::NotAZip(
                "it is an OLE compound file: a password-protected Word document or an old binary .doc; save it as an unprotected .docx",
            ));
        }
        if !magic.starts_with(b"PK") {
            let what = if magic.is_empty() {
                "it is empty"
            } else if std::str::from_utf8(magic).is_ok() {
                "it looks like plain text: rename it to .txt or .md"
            } else {
                "it is some other kind of file"
            };
            return Err(OfficeError::NotAZip(what));
        }
        let zip = ZipArchive::new(reader).map_err(|e| zip_error(e, "the archive"))?;
        if zip.len() > budget.entries {
            return Err(OfficeError::OverBudget(format!(
                "it has {} entries, over the {} regard reads in a document",
                zip.len(),
                budget.entries
            )));
        }
        Ok(Archive {
            zip,
            budget,
            left: Rc::new(Cell::new(budget.bytes)),
            elements: Rc::new(Cell::new(budget.elements)),
        })
    }

    pub fn has(&self, name: &str) -> bool {
        self.zip.index_for_name(name).is_some()
    }

    /// A part, inflating as it is read, or `None` if the archive has none
    /// of that name.
    pub fn part(&mut self, name: &str) -> Result<Option<Part<'_, R>>, OfficeError> {
        let Some(index) = self.zip.index_for_name(name) else {
            return Ok(None);
        };
        let left = Rc::clone(&self.left);
        let limit = self.budget.bytes;
        let file = self.zip.by_index(index).map_err(|e| zip_error(e, name))?;
        Ok(Some(BufReader::with_capacity(
            64 * 1024,
            Counted {
                inner: file,
                left,
                limit,
                name: name.to_string(),
            },
        )))
    }

    /// An XML part, read within the budget's depth and element count.
    pub fn xml(&mut self, name: &str) -> Result<Option<Xml<Part<'_, R>>>, OfficeError> {
        let (depth, elements, max) = (
            self.budget.depth,
            Rc::clone(&self.elements),
            self.budget.elements,
        );
        Ok(self
            .part(name)?
            .map(|reader| Xml::new(reader, name, depth, elements, max)))
    }

    /// A small part read whole (a manifest, a mime type), within the budget.
    pub fn small_part(&mut self, name: &str) -> Result<Option<String>, OfficeError> {
        let Some(mut part) = self.part(name)? else {
            return Ok(None);
        };
        let mut text = String::new();
        part.read_to_string(&mut text)
            .map_err(|e| read_error(&e, name))?;
        Ok(Some(text))
    }
}

pub type Part<'a, R> = BufReader<Counted<zip::read::ZipFile<'a, R>>>;

/// A part's bytes, counted against the bytes left in the budget.
pub struct Counted<T> {
    inner: T,
    left: Rc<Cell<u64>>,
    limit: u64,
    name: String,
}

/// The message an over-budget read carries through `io::Error`.
const OVER_BUDGET: &str = "regard: over the uncompressed budget";

impl<T: Read> Read for Counted<T> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let left = self.left.get();
        // One byte more than is left tells that the part goes over.
        let want = buf
            .len()
            .min(usize::try_from(left.saturating_add(1)).unwrap_or(usize::MAX));
        let n = self.inner.read(&mut buf[..want])?;
        if n as u64 > left {
            self.left.set(0);
            return Err(io::Error::other(format!(
                "{OVER_BUDGET}: `{}` inflates to over {} bytes",
                self.name, self.limit
            )));
        }
        self.left.set(left - n as u64);
        Ok(n)
    }
}

fn read_up_to(reader: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match reader.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

/// An error reading a part's bytes: over budget, or damaged.
pub fn read_error(e: &io::Error, name: &str) -> OfficeError {
    let message = e.to_string();
    if let Some(rest) = message.strip_prefix(OVER_BUDGET) {
        return OfficeError::OverBudget(format!(
            "it looks like a zip bomb{rest} (regard reads at most this much of a document)"
        ));
    }
    OfficeError::Corrupt(format!("`{name}` cannot be inflated ({message})"))
}

fn zip_error(e: ZipError, name: &str) -> OfficeError {
    match e {
        ZipError::UnsupportedArchive(ZipError::PASSWORD_REQUIRED) | ZipError::InvalidPassword => {
            OfficeError::Encrypted
        }
        ZipError::Io(e) => read_error(&e, name),
        other => OfficeError::Corrupt(format!("{name}: {other}")),
    }
}
