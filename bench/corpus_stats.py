#!/usr/bin/env python3
"""Measures how varied a folder of notes is: distinct words and sentence repetition.

A matcher's speed can hang on how often it meets new words, so a benchmark
corpus says how many distinct words it holds and how often its most
repeated sentence occurs. Both corpora of the benchmark are measured the
same way:

- a word is a run of letters, with inner apostrophes ("don't"), lower-cased;
- sentences come from the prose of each note: headings, fenced code, the
  `Date:`/`Present:` lines of the note's head and Markdown markers (`- `,
  `> `) are left out, paragraph lines are joined, and the text is cut after
  `.`, `!` or `?` (and any closing quote) before white space and a capital
  letter (so "e.g. a walk" stays one sentence); only sentences
  of three words or more count, so labels such as "Next steps:" do not.

usage: corpus_stats.py DIR
"""

import collections
import os
import re
import sys

WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"\u201d\u2019')]*\s+(?=[\"\u201c\u2018(]*[A-Z\u00c0-\u00de])")
HEAD_LINE = re.compile(r"^(Date|Present|Session|Client|Worker|Venue|Time)\b[^:]{0,20}:")
MARKER = re.compile(r"^\s*(?:[-*+]|\d+[.)]|>)\s+")


def prose_blocks(text):
    """Paragraphs of prose in a note (Markdown or plain text), each as one line."""
    block, fenced = [], False
    for line in text.splitlines():
        if line.startswith("```"):
            fenced = not fenced
            continue
        if fenced:
            continue
        stripped = line.strip()
        if stripped and set(stripped) <= set("=-"):
            block = block[:-1]  # the line above was a heading (setext style)
        if not stripped or stripped.startswith("#") or set(stripped) <= set("=-") or HEAD_LINE.match(stripped):
            if block:
                yield " ".join(block)
            block = []
            continue
        if MARKER.match(line) and block:
            yield " ".join(block)
            block = []
        block.append(MARKER.sub("", line).strip())
    if block:
        yield " ".join(block)


def measure(root):
    """Returns a dict: bytes, files, words, distinct, sentences, max_repeat,
    most_repeated (the sentence), over_3 (sentences seen more than 3 times)."""
    distinct = set()
    counts = collections.Counter()
    first = {}
    total_bytes = files = words = 0
    for dirpath, dirnames, names in os.walk(root):
        dirnames.sort()
        for name in sorted(names):
            with open(os.path.join(dirpath, name), encoding="utf-8") as f:
                text = f.read()
            files += 1
            total_bytes += len(text.encode())
            for token in WORD.findall(text):
                words += 1
                distinct.add(token.lower())
            for block in prose_blocks(text):
                for sentence in SENTENCE_END.split(block):
                    if len(WORD.findall(sentence)) < 3:
                        continue
                    key = hash(sentence)
                    counts[key] += 1
                    if counts[key] == 2:
                        first[key] = sentence
    top, top_count = (None, 0)
    if counts:
        top, top_count = counts.most_common(1)[0]
    return {
        "bytes": total_bytes,
        "files": files,
        "words": words,
        "distinct": len(distinct),
        "sentences": sum(counts.values()),
        "max_repeat": top_count,
        "most_repeated": first.get(top, ""),
        "over_3": sum(1 for c in counts.values() if c > 3),
    }


def describe(stats):
    """One paragraph for a person: the figures the benchmark reports."""
    mb = stats["bytes"] / 1048576
    lines = [
        f"{mb:.1f} MB in {stats['files']} notes, {stats['words']:,} words, "
        f"{stats['distinct']:,} distinct",
        f"{stats['sentences']:,} sentences; the most repeated occurs {stats['max_repeat']} times; "
        f"{stats['over_3']:,} distinct sentences occur more than 3 times",
    ]
    if stats["max_repeat"] > 1:
        lines.append(f"most repeated: {stats['most_repeated'][:100]!r}")
    return "\n".join(lines)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__.strip().splitlines()[-1])
    print(describe(measure(sys.argv[1])))


if __name__ == "__main__":
    main()
