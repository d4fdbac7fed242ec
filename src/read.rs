//! Reading files a user names or a walk finds, safely (issue 18).
//!
//! Every file regard reads (notes, standard input, `--config`, `--baseline`,
//! rule files) goes through [`open`] and [`read_bounded`]:
//!
//! - The file is opened without blocking (`O_NONBLOCK`, and `O_NOCTTY` so a
//!   terminal named as a note does not become the controlling one): a FIFO
//!   named as a note, or swapped in for one during a walk, cannot hang the
//!   run waiting for a writer.
//! - The *opened* file is looked at (`fstat`), not the name, so a swap
//!   between looking and opening changes nothing: anything but a regular
//!   file (a FIFO, a device such as `/dev/zero`, a socket, a folder) is
//!   refused with a message saying what it is.
//! - At most `limit` bytes are read: one more tells that it is longer.
//!
//! Standard input is not opened, and may be a pipe or a terminal; it is
//! read through [`read_bounded`] all the same.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// Rule files larger than this are refused: far above the built-in pack,
/// and above the 10 MB file of 100,000 phrases the tests load.
pub const MAX_RULE_FILE: u64 = 64 * 1024 * 1024;
/// Configuration files larger than this are refused.
pub const MAX_CONFIG: u64 = 4 * 1024 * 1024;
/// Baselines larger than this are refused (about 1.5 million findings).
pub const MAX_BASELINE: u64 = 256 * 1024 * 1024;

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadError {
    /// The operating system's error (missing, no permission, …).
    Io(io::Error),
    /// Not a regular file: what it is instead ("a named pipe (FIFO)").
    NotAFile(&'static str),
    /// Longer than the limit: the size if known, else the limit plus one.
    TooLarge { size: u64, known: bool },
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Io(e) => write!(f, "{e}"),
            ReadError::NotAFile(what) => write!(f, "it is {what}, not a regular file"),
            ReadError::TooLarge { size, known: true } => write!(f, "it is {size} bytes"),
            ReadError::TooLarge { size, known: false } => {
                write!(f, "it is over {} bytes", size.saturating_sub(1))
            }
        }
    }
}

impl From<io::Error> for ReadError {
    fn from(e: io::Error) -> ReadError {
        ReadError::Io(e)
    }
}

/// Opens `path` for reading without blocking, and refuses anything that is
/// not a regular file (after opening, on the file opened). The file and its
/// size then.
pub fn open(path: &Path) -> Result<(File, u64), ReadError> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file = options.open(path)?;
    let metadata = file.metadata()?;
    let file_type = metadata.file_type();
    if file_type.is_file() {
        return Ok((file, metadata.len()));
    }
    Err(ReadError::NotAFile(kind_of(file_type)))
}

/// What a file that is not a regular file is, in words.
fn kind_of(file_type: std::fs::FileType) -> &'static str {
    if file_type.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return "a device";
        }
        if file_type.is_socket() {
            return "a socket";
        }
    }
    "a special file"
}

/// The whole of `path` if it is a regular file of at most `limit` bytes.
pub fn read_file(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let (mut file, len) = open(path)?;
    read_open_file(&mut file, len, limit)
}

/// What one read asks for first: a note is 1-4 KB, rarely more than this.
pub const FIRST_READ: u64 = 16 * 1024;

/// Reads `file` to its end if it holds at most `limit` bytes. A note that
/// fits the first read costs two reads (the second sees the end) and a
/// small buffer, rather than zeroing a buffer of the file's size
/// (`read_to_end` fills uninitialised capacity) for every note of an archive. A longer file
/// is read into a buffer of its size (from [`open`]'s look at it, which
/// refusing FIFOs needs anyway). Never more than `limit + 1` bytes are
/// read, whatever the reader is (a pipe, `/dev/zero`).
pub fn read_bounded(file: &mut (impl Read + Sized), limit: u64) -> Result<Vec<u8>, ReadError> {
    read_sized(file, limit, None)
}

/// [`read_bounded`] for a file [`open`] found `len` bytes long when it
/// opened it (it may grow: the limit holds all the same).
pub fn read_open_file(file: &mut File, len: u64, limit: u64) -> Result<Vec<u8>, ReadError> {
    read_sized(file, limit, Some(len))
}

fn read_sized(file: &mut impl Read, limit: u64, len: Option<u64>) -> Result<Vec<u8>, ReadError> {
    if let Some(size) = len.filter(|&len| len > limit) {
        return Err(ReadError::TooLarge { size, known: true });
    }
    let first = FIRST_READ.min(limit.saturating_add(1));
    let mut bytes = Vec::with_capacity(first as usize);
    Read::take(&mut *file, first).read_to_end(&mut bytes)?;
    if (bytes.len() as u64) < first {
        return Ok(bytes);
    }
    let read = bytes.len() as u64;
    if let Some(len) = len.filter(|&len| len > limit) {
        return Err(ReadError::TooLarge {
            size: len,
            known: true,
        });
    }
    if read > limit {
        return Err(ReadError::TooLarge {
            size: read,
            known: false,
        });
    }
    // One more byte, so the read that sees the end needs no growth. (A
    // pipe has no size: its buffer grows as it is read.)
    if let Some(len) = len {
        bytes.reserve_exact(len.saturating_sub(read) as usize + 1);
    }
    Read::take(&mut *file, (limit - read).saturating_add(1)).read_to_end(&mut bytes)?;
    match bytes.len() as u64 {
        // It grew past the limit while it was read (or has no size).
        grown if grown > limit => Err(ReadError::TooLarge {
            size: grown,
            known: len.is_some(),
        }),
        _ => Ok(bytes),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> std::path::PathBuf {
        std::env::temp_dir().join(format!("regard-read-{name}-{}", std::process::id()))
    }

    #[test]
    fn reads_to_the_end_or_tells_the_size_over_the_limit() {
        let path = scratch("sizes");
        let first = FIRST_READ as usize;
        // Shorter than the first read, exactly it, one more, much longer.
        for size in [0, 39, first - 1, first, first + 1, 5 * first + 7] {
            let text: Vec<u8> = (0..size)
                .map(|i| b"She said the plan did not fit."[i % 30])
                .collect();
            std::fs::write(&path, &text).unwrap();
            let read = |limit| {
                let (mut file, len) = open(&path).unwrap();
                read_open_file(&mut file, len, limit)
            };
            let piped = |limit| read_bounded(&mut &text[..], limit);
            let size = size as u64;
            for limit in [size, u64::MAX] {
                assert_eq!(read(limit).unwrap(), text, "{size} bytes, limit {limit}");
                assert_eq!(piped(limit).unwrap(), text, "{size} bytes, limit {limit}");
            }
            if size > 0 {
                for limit in [size - 1, 0] {
                    assert!(
                        matches!(read(limit), Err(ReadError::TooLarge { size: s, known: true }) if s == size),
                        "{size} bytes, limit {limit}"
                    );
                    assert!(
                        matches!(piped(limit), Err(ReadError::TooLarge { size: s, known: false }) if s > limit && s <= limit + 1 + FIRST_READ),
                        "{size} bytes from a pipe, limit {limit}"
                    );
                }
            }
        }
        std::fs::remove_file(&path).unwrap();
    }

    #[test]
    fn an_endless_reader_is_read_only_to_the_limit() {
        let mut zeros = io::repeat(0);
        match read_bounded(&mut zeros, 100_000) {
            Err(ReadError::TooLarge { size, known: false }) => assert_eq!(size, 100_001),
            other => panic!("{other:?}"),
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_or_a_device_is_refused_without_waiting_for_a_writer() {
        let path = scratch("fifo");
        let _ = std::fs::remove_file(&path);
        let made = std::process::Command::new("mkfifo")
            .arg(&path)
            .status()
            .unwrap();
        assert!(made.success());
        // Without O_NONBLOCK, this open waits for a writer for ever.
        assert!(matches!(
            open(&path).map(|(_, len)| len),
            Err(ReadError::NotAFile("a named pipe (FIFO)"))
        ));
        std::fs::remove_file(&path).unwrap();
        assert!(matches!(
            open(Path::new("/dev/zero")).map(|(_, len)| len),
            Err(ReadError::NotAFile("a device"))
        ));
        assert_eq!(
            open(Path::new("/")).unwrap_err().to_string(),
            "it is a folder, not a regular file"
        );
    }
}
