#!/usr/bin/env python3
"""Where a `regard check` run spends its time, or its peak heap, by stage.

Issue 19 asks for the time of a folder run split into its stages before
anything is changed. A flat profile names regex-automata's and libc's
functions; this sorts each sample by the nearest frame of regard's own
that says which stage it belongs to (from the leaf up: a regex search
called while composing a suggestion counts as composing suggestions).

Time, from a profile with call graphs:

    perf record -F 99 --call-graph dwarf,32768 -o perf.data \\
        target/release/regard check --isolated --format json DIR > /dev/null
    perf script -i perf.data -F comm,tid,ip,sym --no-inline > perf.txt
    bench/split.py time perf.txt

Peak heap, from heaptrack (the stacks alive at the peak):

    heaptrack -o heap target/release/regard check --isolated --format json DIR
    heaptrack_print -f heap.zst --flamegraph-cost-type peak -F heap.folded
    bench/split.py heap heap.folded

Release builds need line tables for either (`CARGO_PROFILE_RELEASE_DEBUG=
line-tables-only`); a build without LTO names the stages more often, as
fewer of regard's functions are inlined into each other.

usage: bench/split.py time|heap FILE [--rest N]
"""

import argparse
import collections
import sys

# Stages, tried in this order at each frame from the leaf up; a frame
# matches a stage if it holds one of the stage's strings. perf names
# functions by path (`regard::suggest::...`), heaptrack by function and
# file (`find_all (pattern.rs)`), so each stage lists both.
STAGES = [
    ("compose suggestions (src/suggest)", [
        "regard::suggest::", "(margin.rs)", "(compose.rs)", "(clause.rs)", "(inflect.rs)",
        "(person.rs)", "(label.rs)", "suggest/mod.rs", "suggest/regex.rs"]),
    ("one suggestion per sentence (agree)", ["engine::agree::", "(agree.rs)"]),
    ("captures of shown findings", ["Engine>::captures", "captures (matcher.rs)"]),
    ("build findings, other (finish)", ["Engine>::finish", "hit_fingerprint", "engine::fingerprint",
                                        "finish (matcher.rs)"]),
    ("one finding per phrase (overlap)", ["engine::overlap::", "(overlap.rs)"]),
    ("suppressions", ["engine::suppress::", "(suppress.rs)"]),
    ("text about judging (about)", ["engine::about::", "(about.rs)"]),
    ("things, not people (sense)", ["engine::sense::", "(sense.rs)"]),
    ("quotes and unless (consider)", ["Engine>::consider", "consider (matcher.rs)"]),
    ("compile woken patterns", ["Pattern::regex", "rule::pattern::build", "Pattern::compile",
                                "build (pattern.rs)", "regex (pattern.rs)", "compile (pattern.rs)"]),
    ("search woken patterns", ["Pattern::find_all", "find_all (pattern.rs)"]),
    ("trigger scan", ["pattern_runs", "Overlapping::find", "Overlapping::new", "11Overlapping3new"]),
    ("phrase scan", ["phrase_matches", "Lanes::find", "Lanes::new"]),
    ("hits, other (lower-case copy, sort)", ["hits_overlapping", "Engine>::find_in",
                                             "(matcher.rs)", "engine::lazy::", "(lazy.rs)"]),
    ("automata and engine build", ["engine::compile::", "Engine>::with_options", "engine::leftmost::",
                                   "(compile.rs)", "(leftmost.rs)"]),
    ("render (src/report)", ["regard::report::", "(json.rs)", "(human.rs)", "report/mod.rs"]),
    ("parse notes (src/document)", ["regard::document::", "/document/"]),
    ("read files", ["regard::read::", "(read.rs)"]),
    ("walk folders", ["ignore::", "Walk>::walk", "walk (check.rs)"]),
    ("load rules", ["regard::rule::", "regard::config::", "serde_saphyr", "granit_parser",
                    "(load.rs)", "(words.rs)", "(config.rs)"]),
    ("check loop and output, other", ["regard::check::", "regard::lint::", "(check.rs)", "(lint.rs)"]),
]


def stage(frames):
    """The stage of a stack given leaf first."""
    for frame in frames:
        for name, marks in STAGES:
            if any(m in frame for m in marks):
                return name
    return None


def perf_samples(path):
    """(stack leaf first, 1) per sample of `perf script -F comm,tid,ip,sym`."""
    frames = None
    with open(path, errors="replace") as f:
        for line in f:
            if not line.strip():
                if frames:
                    yield frames, 1
                frames = None
            elif line[0] not in " \t":
                frames = []
            elif frames is not None:
                parts = line.split(None, 1)
                frames.append(parts[1].strip() if len(parts) > 1 else "")
    if frames:
        yield frames, 1


def heap_stacks(path):
    """(stack leaf first, bytes) per line of a heaptrack folded file."""
    with open(path, errors="replace") as f:
        for line in f:
            stack, _, cost = line.rstrip().rpartition(" ")
            if stack and cost.isdigit():
                yield list(reversed(stack.split(";"))), int(cost)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("kind", choices=["time", "heap"])
    ap.add_argument("file")
    ap.add_argument("--rest", type=int, default=0, help="list the N largest unattributed leaves")
    args = ap.parse_args()
    stacks = perf_samples(args.file) if args.kind == "time" else heap_stacks(args.file)
    by_stage, rest, total = collections.Counter(), collections.Counter(), 0
    for frames, cost in stacks:
        total += cost
        name = stage(frames)
        if name is None:
            rest[frames[0][:80] if frames else "?"] += cost
            name = "other (no regard frame)"
        by_stage[name] += cost
    if not total:
        sys.exit(f"no samples in {args.file}")
    unit = "samples" if args.kind == "time" else "MB"
    scale, digits = (1, 0) if args.kind == "time" else (1 / 1048576, 1)
    print(f"| stage | share | {unit} |")
    print("|---|---|---|")
    for name, cost in by_stage.most_common():
        print(f"| {name} | {100 * cost / total:.1f}% | {cost * scale:,.{digits}f} |")
    print(f"| total | 100% | {total * scale:,.{digits}f} |")
    for leaf, cost in rest.most_common(args.rest):
        print(f"  {cost * scale:,.{digits}f} {leaf}")


if __name__ == "__main__":
    main()
