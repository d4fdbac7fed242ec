#!/usr/bin/env python3
"""Writes seed streams for the `lsp` fuzz target into corpus/lsp/.

Each seed is the server's standard input: a first byte choosing whether the
target prepends a valid `initialize` handshake (even) or not (odd), then
JSON-RPC bodies framed as `Content-Length: N\\r\\n\\r\\n{...}`. The note is
invented.

usage: python3 make_lsp_seeds.py   (from fuzz/)
"""
import json
import os


def frame(body):
    b = json.dumps(body).encode()
    return b"Content-Length: %d\r\n\r\n" % len(b) + b


URI = "file:///tmp/n.md"
TEXT = "# Session\n\nClient was resistant \U0001F600 and claims he was at work. Why does she keep cancelling?\n"
OPEN = frame({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
    "textDocument": {"uri": URI, "languageId": "markdown", "version": 1, "text": TEXT}}})
CHANGE = frame({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
    "textDocument": {"uri": URI, "version": 2},
    "contentChanges": [{"range": {"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 6}},
                        "text": "He"}]}})
HOVER = frame({"jsonrpc": "2.0", "id": 5, "method": "textDocument/hover", "params": {
    "textDocument": {"uri": URI}, "position": {"line": 2, "character": 12}}})
ACTION = frame({"jsonrpc": "2.0", "id": 6, "method": "textDocument/codeAction", "params": {
    "textDocument": {"uri": URI},
    "range": {"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 30}},
    "context": {"diagnostics": []}}})
SAVE = frame({"jsonrpc": "2.0", "method": "textDocument/didSave", "params": {"textDocument": {"uri": URI}}})
CLOSE = frame({"jsonrpc": "2.0", "method": "textDocument/didClose", "params": {"textDocument": {"uri": URI}}})
FOLDERS = frame({"jsonrpc": "2.0", "method": "workspace/didChangeWorkspaceFolders", "params": {
    "event": {"added": [{"uri": "file:///tmp", "name": "tmp"}], "removed": []}}})
SHUTDOWN = frame({"jsonrpc": "2.0", "id": 9, "method": "shutdown"})
EXIT = frame({"jsonrpc": "2.0", "method": "exit"})

SEEDS = {
    "session": b"\0" + OPEN + CHANGE + HOVER + ACTION + SAVE + CLOSE + SHUTDOWN + EXIT,
    "open": b"\0" + OPEN,
    "edits": b"\0" + OPEN + CHANGE * 5,
    "folders": b"\0" + FOLDERS + OPEN + ACTION,
    "nohandshake": b"\1" + OPEN + HOVER,
    "badframe": b"\0" + b"Content-Length: 5\r\n\r\n{}{}}" + b"Content-Length: 99999999999\r\n\r\n",
}

os.makedirs("corpus/lsp", exist_ok=True)
for name, data in SEEDS.items():
    with open(os.path.join("corpus/lsp", name), "wb") as f:
        f.write(data)
