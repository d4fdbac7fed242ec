//! `file:` URIs and paths.

use std::path::{Path, PathBuf};

use lsp_types::Uri;

/// The path of a `file:` URI, percent-decoded.
pub(super) fn file_path(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    // `file://host/path`: only the local host is a path here.
    let path = match rest.find('/') {
        Some(0) => rest,
        Some(i) if rest[..i].eq_ignore_ascii_case("localhost") => &rest[i..],
        _ => return None,
    };
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let bytes = percent_decode(path.as_bytes());
    let decoded = String::from_utf8(bytes).ok()?;
    // `/C:/notes` on Windows is `C:/notes`.
    if cfg!(windows) && decoded.as_bytes().get(2) == Some(&b':') {
        return Some(PathBuf::from(&decoded[1..]));
    }
    Some(PathBuf::from(decoded))
}

/// A `file:` URI for a path (absolute, or made so from the current folder).
pub(super) fn file_uri(path: &Path) -> Option<Uri> {
    let path = std::path::absolute(path).ok()?;
    let text = path.to_str()?.replace('\\', "/");
    let mut uri = String::from("file://");
    if !text.starts_with('/') {
        uri.push('/');
    }
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~:".contains(&b) {
            uri.push(b as char);
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri.parse().ok()
}

pub(super) fn percent_decode(s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if s[i] == b'%' && i + 2 < s.len() {
            if let (Some(h), Some(l)) = (hex(s[i + 1]), hex(s[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(s[i]);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_uris_round_trip() {
        let uri: Uri = "file:///tmp/case%20notes/caf%C3%A9.md".parse().unwrap();
        let path = file_path(&uri).unwrap();
        assert_eq!(path, PathBuf::from("/tmp/case notes/café.md"));
        if !cfg!(windows) {
            assert_eq!(file_uri(&path).unwrap(), uri);
        }
        assert_eq!(file_path(&"untitled:Untitled-1".parse().unwrap()), None);
    }
}
