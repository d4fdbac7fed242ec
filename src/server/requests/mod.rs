//! Requests that answer with something about a note, one file each.

mod code_action;
mod hover;
