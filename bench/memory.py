#!/usr/bin/env python3
"""Peak memory of regard on notes in which every line is a finding.

Issue 18 (item 5): such a note cost about 58-67 bytes of memory per byte of
note, because every finding was built (message, suggestions, fix, report)
before the report kept 1,000. This measures the peak resident set (from
getrusage in a small fresh parent, as bench/run.py does) and the time of
one `regard check` of each note, for one or more builds of regard, so a
change can be measured against the build before it.

Notes (invented, generated into target/bench/memory/): every line a
finding, alternating a phrase rule's finding and a pattern rule's, one line
in Markdown paragraphs of ten lines; 3.9 MB (300,000 findings) and 40 MB
(3 million).

usage: bench/memory.py [--sizes 3.9,40] [--format human] [REGARD ...]
(default REGARD: target/release/regard, built first)
"""

import argparse
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, "target", "bench", "memory")

# Every line a finding: a phrase (deficit-label) and a pattern (blame-question).
LINES = ["He was lazy.\n", "Why does she keep cancelling?\n"]

WRAPPER = """
import resource, subprocess, sys, time
start = time.perf_counter()
p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
elapsed = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(p.returncode, elapsed, peak)
sys.stderr.write(p.stderr.decode(errors="replace")[:500])
"""


def note(mb):
    """The path of an all-findings note of about `mb` MB (made if missing)
    and its number of lines."""
    os.makedirs(WORK, exist_ok=True)
    path = os.path.join(WORK, f"every-line-{mb}mb.md")
    target = int(mb * 1_000_000)
    lines = 0
    if not os.path.exists(path):
        with open(path, "w") as f:
            size = 0
            while size < target:
                line = LINES[lines % 2]
                f.write(line)
                size += len(line)
                lines += 1
                if lines % 10 == 0:
                    f.write("\n")
                    size += 1
    with open(path) as f:
        lines = sum(1 for line in f if line.strip())
    return path, lines


def measure(regard, path, fmt):
    cmd = [regard, "check", "--isolated", "--format", fmt, "--max-file-size", str(1 << 30), path]
    out = subprocess.run([sys.executable, "-c", WRAPPER, *cmd], capture_output=True, text=True)
    code, seconds, peak_kb = out.stdout.split()
    if code not in ("0", "1"):
        sys.exit(f"{regard} failed ({code}): {out.stderr}")
    return float(seconds), int(peak_kb) / 1024


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="3.9,40")
    ap.add_argument("--format", default="human")
    ap.add_argument("regard", nargs="*")
    args = ap.parse_args()
    builds = args.regard
    if not builds:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
        builds = [os.path.join(ROOT, "target", "release", "regard")]
    print(f"format {args.format}\n")
    print("| regard | note MB | findings | seconds | peak MB | peak bytes per note byte |")
    print("|---|---|---|---|---|---|")
    for size in map(float, args.sizes.split(",")):
        path, lines = note(size)
        note_bytes = os.path.getsize(path)
        for regard in builds:
            seconds, peak = measure(regard, path, args.format)
            print(f"| {regard} | {note_bytes / 1e6:.1f} | {lines:,} | {seconds:.2f} | {peak:.1f} "
                  f"| {peak * 1048576 / note_bytes:.1f} |", flush=True)


if __name__ == "__main__":
    main()
