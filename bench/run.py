#!/usr/bin/env python3
"""regard's benchmark: throughput against ripgrep, one note, peak memory.

In one run, on generated corpora of invented notes (bench/gen_corpus.py) at
10 MB and 100 MB, it times with several repetitions and reports the median:

1. `regard check --format json` over the corpus with the full built-in pack;
2. alternately with it, the reference: `rg -i -w -F -f PHRASES` over the
   same corpus, where PHRASES is every literal phrase of the pack
   (`regard rules --phrases`);
3. `regard check` on one small note, end to end, as a pre-commit hook sees it.

It prints MB/s, the regard/rg ratio (above 1.0 means regard is faster),
peak memory (getrusage of the child) and the single-note time. Ratios are
what to compare across machines; absolute numbers belong to this machine.

usage: bench/run.py [--sizes 10,100] [--reps 5]
"""

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, "target", "bench")


def run(cmd):
    """Runs cmd (exit 0 or 1 expected: findings are not failures); returns seconds."""
    start = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if p.returncode not in (0, 1):
        sys.exit(f"{cmd[0]} failed ({p.returncode}): {p.stderr.decode()[:500]}")
    return elapsed


def timed(cmd, reps):
    return statistics.median(run(cmd) for _ in range(reps))


def timed_pair(a, b, reps):
    """Medians of a and b, run alternately: a shared machine's speed drifts
    over minutes, and alternating lets the drift fall on both alike."""
    times = [(run(a), run(b)) for _ in range(reps)]
    return statistics.median(t for t, _ in times), statistics.median(t for _, t in times)


def peak_mb(cmd):
    """Peak RSS of one run of cmd, in MB, measured in a fresh Python child."""
    # ru_maxrss of RUSAGE_CHILDREN is the largest child so far, so each
    # measurement runs in a fresh Python process with one child.
    code = ("import resource,subprocess,sys;"
            "subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL);"
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code, *cmd], capture_output=True, text=True, check=True)
    return int(out.stdout.strip()) / 1024


def corpus(size):
    path = os.path.join(WORK, f"corpus-{size}mb")
    if not os.path.isdir(path):
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "gen_corpus.py"), path, str(size)], check=True)
    total = 0
    for dirpath, _, files in os.walk(path):
        for f in files:
            total += os.path.getsize(os.path.join(dirpath, f))
    return path, total / 1048576


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="10,100")
    ap.add_argument("--reps", type=int, default=5)
    args = ap.parse_args()
    if shutil.which("rg") is None:
        sys.exit("ripgrep (rg) is needed for the reference run: apt-get install ripgrep")
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    regard = os.path.join(ROOT, "target", "release", "regard")
    os.makedirs(WORK, exist_ok=True)
    phrases = os.path.join(WORK, "phrases.txt")
    with open(phrases, "w") as f:
        subprocess.run([regard, "rules", "--phrases"], stdout=f, check=True)
    rg_version = subprocess.run(["rg", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}")
    print(f"reference: {rg_version}; {sum(1 for _ in open(phrases))} phrases; median of {args.reps} runs\n")
    print(f"{'corpus':>8} {'regard MB/s':>12} {'rg MB/s':>9} {'regard/rg':>10} {'regard peak MB':>15} {'rg peak MB':>11}")
    for size in [int(s) for s in args.sizes.split(",")]:
        path, mb = corpus(size)
        regard_cmd = [regard, "check", "--isolated", "--format", "json", path]
        rg_cmd = ["rg", "-i", "-w", "-F", "-c", "-f", phrases, path]
        timed(regard_cmd, 1)  # warm the page cache
        t_regard, t_rg = timed_pair(regard_cmd, rg_cmd, args.reps)
        print(f"{mb:7.0f}M {mb / t_regard:12.0f} {mb / t_rg:9.0f} {t_rg / t_regard:10.2f} "
              f"{peak_mb(regard_cmd):15.1f} {peak_mb(rg_cmd):11.1f}")
    note = os.path.join(ROOT, "fixtures", "notes", "coaching-session.md")
    one = timed([regard, "check", "--isolated", note], max(args.reps, 20))
    print(f"\none note end to end ({os.path.relpath(note, ROOT)}): {one * 1000:.1f} ms")


if __name__ == "__main__":
    main()
