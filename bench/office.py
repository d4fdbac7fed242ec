#!/usr/bin/env python3
"""Word notes: regard against pandoc on a folder of 1,000 .docx notes (issue 23).

The issue's target: a folder of 1,000 .docx notes is checked at least as
fast as `pandoc` converts them to text. Both get every core:

1. `regard check --format json FOLDER` (regard walks and reads on all cores);
2. `pandoc -f docx -t plain` on each note, as many at once as there are
   cores (`xargs -P`), since pandoc takes one document at a time.

The runs alternate in the same session (a shared machine's speed drifts,
and alternating lets the drift fall on both alike), and the table gives
each one's median wall-clock and processor seconds (user + system, of the
tool and its children: what the tool costs whatever else the machine is
doing) and pandoc/regard (above 1.0 means regard is faster).

pandoc takes about 0.15 s of processor time a note, so on a loaded
machine a run over 1,000 notes can take most of an hour: --pandoc-sample N
times pandoc on the first N notes only and scales its times by 1000/N,
and the table says so.

The notes are invented: bench/gen_corpus.py's session notes (headings,
lists, paragraphs, quoted speech, now and then a judgmental phrase),
written as .docx by python-docx, with every tenth paragraph's runs split
by formatting so words are joined across runs. They are made once into
target/bench/office-docx/ and made again when their generator changes.

usage: bench/office.py [--notes 1000] [--reps 3] [--pandoc-sample N] [--no-build]
needs: pip install python-docx; apt-get install pandoc
"""

import argparse
import datetime
import hashlib
import inspect
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, "target", "bench")
sys.path.insert(0, os.path.join(ROOT, "bench"))

import gen_corpus  # noqa: E402


def stamp():
    """What the notes depend on: the generator and make_notes itself (not
    the timing code, so changing that does not make them again)."""
    h = hashlib.sha256()
    with open(os.path.join(ROOT, "bench", "gen_corpus.py"), "rb") as f:
        h.update(f.read())
    h.update(inspect.getsource(make_notes).encode())
    return h.hexdigest()


def make_notes(folder, count):
    """`count` invented .docx notes in `folder`, unless already there."""
    marker = os.path.join(folder, ".made")
    want = f"{stamp()} {count}"
    if os.path.exists(marker) and open(marker).read() == want:
        return
    from docx import Document

    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    rng = random.Random(2026)
    for i in range(count):
        name = rng.choice(gen_corpus.NAMES)
        pron = rng.choice(gen_corpus.PRON)
        text = gen_corpus.note(rng, name, pron, i + 1)
        doc = Document()
        in_code = False
        for n, line in enumerate(text.splitlines()):
            if line.startswith("```"):
                in_code = not in_code
                continue
            if in_code or not line.strip():
                continue
            if line.startswith("## "):
                doc.add_heading(line[3:], level=2)
            elif line.startswith("# "):
                doc.add_heading(line[2:], level=1)
            elif line.startswith("- "):
                doc.add_paragraph(line[2:], style="List Bullet")
            elif n % 10 == 0 and " " in line:
                # Runs split by formatting in the middle of a word.
                p = doc.add_paragraph(line[: len(line) // 2])
                p.add_run(line[len(line) // 2 :]).bold = True
            else:
                doc.add_paragraph(line)
        doc.save(os.path.join(folder, f"note-{i:04d}.docx"))
    with open(marker, "w") as f:
        f.write(want)


def cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def timed(cmd):
    start, cpu_start = time.perf_counter(), cpu()
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seconds = (time.perf_counter() - start, cpu() - cpu_start)
    # regard exits 1 when it has findings; anything else is a failure.
    if done.returncode not in (0, 1):
        sys.exit(f"{cmd[0]} failed ({done.returncode}): {done.stderr.decode()[:500]}")
    return seconds


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--notes", type=int, default=1000)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--pandoc-sample", type=int, default=0, help="time pandoc on this many notes and scale")
    ap.add_argument("--no-build", action="store_true", help="use target/release/regard as it is")
    args = ap.parse_args()
    for tool in ["pandoc", "cargo"]:
        if shutil.which(tool) is None:
            sys.exit(f"bench/office.py needs {tool}")
    folder = os.path.join(WORK, "office-docx")
    make_notes(folder, args.notes)
    if not args.no_build:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    regard = os.path.join(ROOT, "target", "release", "regard")
    notes = sorted(os.path.join(folder, n) for n in os.listdir(folder) if n.endswith(".docx"))
    size = sum(os.path.getsize(n) for n in notes)
    cores = os.cpu_count() or 1
    pandoc_cmd = ["xargs", "-0", "-n", "1", "-P", str(cores), "pandoc", "-f", "docx", "-t", "plain", "-o", "/dev/null"]
    sample = notes[: args.pandoc_sample] if args.pandoc_sample else notes
    scale = len(notes) / len(sample)
    listing = b"\0".join(n.encode() for n in sample)
    times = {"regard": [], "pandoc": []}
    for rep in range(args.reps):
        times["regard"].append(timed([regard, "check", "--format", "json", folder]))
        wall, processor = timed_stdin(pandoc_cmd, listing)
        times["pandoc"].append((wall * scale, processor * scale))
        # As it goes: on a loaded machine a run of pandoc can take minutes.
        print(f"run {rep + 1}: regard {times['regard'][-1]}, pandoc {times['pandoc'][-1]} (s wall, s processor)", file=sys.stderr, flush=True)
    r = statistics.median(t[0] for t in times["regard"])
    p = statistics.median(t[0] for t in times["pandoc"])
    rc = statistics.median(t[1] for t in times["regard"])
    pc = statistics.median(t[1] for t in times["pandoc"])
    load = os.getloadavg()[0]
    version = subprocess.run(["pandoc", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    sampled = f", pandoc on {len(sample)} of them, scaled by {scale:g}" if scale != 1 else ""
    print(f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC, {cores} cores, load average {load:.1f}, {len(notes)} .docx notes ({size / 1e6:.1f} MB){sampled}, {args.reps} runs each, {version}\n")
    print("| tool | median wall s | median processor s |")
    print("|---|---|---|")
    print(f"| regard check --format json | {r:.2f} | {rc:.2f} |")
    print(f"| pandoc -t plain, {cores} at once | {p:.2f} | {pc:.2f} |")
    print(f"\npandoc/regard: {p / r:.0f} wall, {pc / rc:.0f} processor (above 1, regard is faster)")


def timed_stdin(cmd, data):
    start, cpu_start = time.perf_counter(), cpu()
    done = subprocess.run(cmd, input=data, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seconds = (time.perf_counter() - start, cpu() - cpu_start)
    if done.returncode != 0:
        sys.exit(f"{cmd[0]} failed ({done.returncode}): {done.stderr.decode()[:500]}")
    return seconds


if __name__ == "__main__":
    main()
