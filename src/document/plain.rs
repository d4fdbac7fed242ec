//! Plain-text notes (`.txt` and anything named explicitly that is not Markdown).
//!
//! Paragraphs are separated by blank lines; a line that starts like a list
//! item (`-`, `*`, `•`, `1.`) starts a block of its own, so a phrase does not
//! run from one bullet into the next. Everything else is prose.

use super::lines;
use super::prose::{Prose, ProseBuilder};

pub fn read(src: &str, body_start: usize) -> Prose {
    let mut b = ProseBuilder::new(src);
    for (start, line) in lines(src, body_start) {
        let trimmed = line.trim_start();
        if trimmed.trim_end().is_empty() {
            b.end_block();
            continue;
        }
        if starts_like_list_item(trimmed) {
            b.start_block(false);
        }
        // Suppression directives are instructions to regard, not prose.
        let mut from = start;
        let directives = line
            .contains("[regard-")
            .then(|| super::suppress::syntax(super::Kind::Plain).find_iter(line));
        for d in directives.into_iter().flatten() {
            b.push(from..start + d.start());
            b.space(start + d.start());
            from = start + d.end();
        }
        b.push(from..start + line.len());
        b.space(start + line.len());
    }
    b.finish()
}

fn starts_like_list_item(line: &str) -> bool {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &line[digits..];
    if digits > 0 {
        return rest.starts_with(". ") || rest.starts_with(") ");
    }
    ["- ", "* ", "+ ", "\u{2022} "]
        .iter()
        .any(|m| line.starts_with(m))
}
