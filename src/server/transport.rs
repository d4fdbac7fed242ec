//! Framing: `Content-Length` headers and JSON-RPC bodies read from the
//! client on a thread of their own, with limits on what a frame may claim.

use std::io::{self, BufRead, Read};
use std::sync::mpsc::{self, Receiver};

use lsp_server::Message;
use lsp_types::notification::{self as notif, Notification as _};

/// The largest message body the server reads. A frame's `Content-Length` is
/// read before its body, so without a limit a client (or garbage on stdin)
/// could make the server allocate any amount up front: 2^64 - 1 panicked
/// on capacity overflow, 10^12 aborted the process (issue 18). An editor's
/// note is far below this.
pub const MAX_FRAME: u64 = 64 << 20;

/// The longest header line read (the only header that matters,
/// `Content-Length`, needs a few dozen bytes).
pub(super) const MAX_HEADER: u64 = 8 << 10;

/// What the reader thread hands the main loop.
pub(super) enum Incoming {
    Message(Message),
    /// A frame that is not a JSON-RPC message, and why.
    Malformed(String),
}

/// One frame read from the input.
pub(super) enum Frame {
    Message(Message),
    Malformed(String),
    /// A `Content-Length` over [`MAX_FRAME`]: the body is still unread.
    TooLarge(u64),
}

/// Reads framed messages from `input` on a thread of its own. The channel
/// is unbounded so that the main loop can see every message already sent
/// (`try_recv`) and skip linting text that is about to change again.
/// `lsp-server`'s own framing stops at the first malformed message and
/// allocates whatever `Content-Length` says; this one reports a bad frame
/// and reads on, and reads no frame over [`MAX_FRAME`] (it is answered with
/// an error, then its body skipped without being held).
pub(super) fn spawn_reader(input: impl Read + Send + 'static) -> Receiver<Incoming> {
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || {
        let mut input = io::BufReader::new(input);
        loop {
            let incoming = match read_frame(&mut input) {
                Ok(Some(Frame::Message(message))) => Incoming::Message(message),
                Ok(Some(Frame::Malformed(why))) => Incoming::Malformed(why),
                Ok(Some(Frame::TooLarge(size))) => {
                    let why = format!(
                        "a message of {size} bytes is over the limit of {} MiB",
                        MAX_FRAME >> 20
                    );
                    if send.send(Incoming::Malformed(why)).is_err() {
                        break;
                    }
                    match io::copy(&mut (&mut input).take(size), &mut io::sink()) {
                        Ok(skipped) if skipped == size => continue,
                        _ => break,
                    }
                }
                Ok(None) | Err(_) => break,
            };
            let exit = matches!(&incoming, Incoming::Message(Message::Notification(n)) if n.method == notif::Exit::METHOD);
            if send.send(incoming).is_err() || exit {
                break;
            }
        }
    });
    receive
}

/// Reads one frame: header lines ending in CRLF, a blank line, then
/// `Content-Length` bytes of JSON. `None` at the end of the input.
pub(super) fn read_frame(input: &mut impl BufRead) -> io::Result<Option<Frame>> {
    let mut size = None;
    let mut line = Vec::new();
    let mut first = true;
    loop {
        line.clear();
        let n = input
            .by_ref()
            .take(MAX_HEADER)
            .read_until(b'\n', &mut line)?;
        if n == 0 {
            // The end of the input; part of a header is not a message.
            return Ok(None);
        }
        if !line.ends_with(b"\n") {
            // Over MAX_HEADER: skip the rest of the line without keeping it.
            skip_line(input)?;
            return Ok(Some(Frame::Malformed(format!(
                "a header line is longer than {} KiB",
                MAX_HEADER >> 10
            ))));
        }
        if !line.ends_with(b"\r\n") {
            return Ok(Some(Frame::Malformed(format!(
                "malformed header {:?}: it must end in CRLF",
                String::from_utf8_lossy(&line)
            ))));
        }
        let header = &line[..line.len() - 2];
        if header.is_empty() {
            if first {
                // A stray line break between frames.
                continue;
            }
            break;
        }
        first = false;
        let header = String::from_utf8_lossy(header);
        let Some((name, value)) = header.split_once(": ") else {
            return Ok(Some(Frame::Malformed(format!(
                "malformed header {header:?}"
            ))));
        };
        if name.eq_ignore_ascii_case("Content-Length") {
            match value.trim().parse::<u64>() {
                Ok(n) => size = Some(n),
                Err(e) => {
                    return Ok(Some(Frame::Malformed(format!(
                        "bad Content-Length {value:?}: {e}"
                    ))))
                }
            }
        }
    }
    let Some(size) = size else {
        return Ok(Some(Frame::Malformed("no Content-Length header".into())));
    };
    if size > MAX_FRAME {
        return Ok(Some(Frame::TooLarge(size)));
    }
    // At most MAX_FRAME, so this cannot overflow or fail for its size alone.
    let mut body = Vec::new();
    input.take(size).read_to_end(&mut body)?;
    if (body.len() as u64) < size {
        return Ok(None);
    }
    Ok(Some(match serde_json::from_slice::<Message>(&body) {
        Ok(message) => Frame::Message(message),
        Err(e) => Frame::Malformed(format!("not a JSON-RPC message: {e}")),
    }))
}

/// Reads up to and including the next line break, keeping nothing.
pub(super) fn skip_line(input: &mut impl BufRead) -> io::Result<()> {
    loop {
        let buf = input.fill_buf()?;
        if buf.is_empty() {
            return Ok(());
        }
        match memchr::memchr(b'\n', buf) {
            Some(i) => {
                input.consume(i + 1);
                return Ok(());
            }
            None => {
                let n = buf.len();
                input.consume(n);
            }
        }
    }
}
