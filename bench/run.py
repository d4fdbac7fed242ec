#!/usr/bin/env python3
"""regard's benchmark: throughput against ripgrep, one note, peak memory.

Two kinds of generated corpora of invented notes, each at 10 MB and 100 MB:

- templates (bench/gen_corpus.py): notes built from 28 sentences, about 216
  distinct words however large;
- real (bench/gen_real_corpus.py): the same note shape filled with real
  English prose, tens of thousands of distinct words, no sentence repeated
  more than a few times.

For each corpus it times, alternately in the same run (a shared machine's
speed drifts, and alternating lets the drift fall on both alike):

1. `regard check --format json` over the corpus with the full built-in pack;
2. the reference `rg -i -w -F -c -f PHRASES`, where PHRASES is every literal
   phrase of the pack (`regard rules --phrases`);

then `regard check` on one small note, end to end, as a pre-commit hook
sees it. It prints a Markdown table: each corpus's distinct words and most
repeated sentence (bench/corpus_stats.py), the median seconds of each
tool, regard/rg (above 1.0 means regard is faster) and the peak memory of
each (the largest of its runs, from getrusage in a small fresh parent). A regard run that exceeds
--timeout is stopped and reported as a timeout, with no ratio.

Corpora are generated once into target/bench/ and regenerated when their
generator changes.

usage: bench/run.py [--sizes 10,100] [--corpora templates,real] [--reps 3] [--timeout 300] [--regard BIN]
"""

import argparse
import datetime
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "bench")
WORK = os.path.join(ROOT, "target", "bench")
GENERATORS = {
    "templates": ["gen_corpus.py"],
    "real": ["gen_real_corpus.py", "prose_sources.py"],
}

sys.path.insert(0, BENCH)
import corpus_stats  # noqa: E402


class Timeout(Exception):
    pass


# Runs one command in a small fresh Python and reports its time and peak
# memory. A child forked straight from this process would inherit its
# resident set (which measuring a 100 MB corpus makes large) in ru_maxrss.
WRAPPER = """
import resource, subprocess, sys, time
timeout = float(sys.argv[1]) or None
start = time.perf_counter()
try:
    p = subprocess.run(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=timeout)
except subprocess.TimeoutExpired:
    print("timeout"); sys.exit()
elapsed = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(p.returncode, elapsed, peak)
sys.stderr.write(p.stderr.decode(errors="replace")[:500])
"""


def run(cmd, timeout=None):
    """Runs cmd (exit 0 or 1 expected: findings are not failures); returns
    (seconds, peak RSS in MB). Raises Timeout when it outlives timeout."""
    out = subprocess.run([sys.executable, "-c", WRAPPER, str(timeout or 0), *cmd],
                         capture_output=True, text=True)
    fields = out.stdout.split()
    if fields == ["timeout"]:
        raise Timeout()
    if len(fields) != 3 or fields[0] not in ("0", "1"):
        sys.exit(f"{cmd[0]} failed ({' '.join(fields)}): {out.stderr}")
    return float(fields[1]), int(fields[2]) / 1024


def one_note_ms(cmd, reps):
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        times.append(time.perf_counter() - start)
        if p.returncode not in (0, 1):
            sys.exit(f"{cmd[0]} failed ({p.returncode}): {p.stderr.decode()[:500]}")
    return statistics.median(times) * 1000


def corpus(kind, size):
    """The corpus folder (generated if missing or stale), its MB and stats."""
    path = os.path.join(WORK, f"{kind}-{size}mb")
    stamp_path = path + ".stamp.json"
    digest = hashlib.sha256()
    for name in GENERATORS[kind] + ["corpus_stats.py"]:
        with open(os.path.join(BENCH, name), "rb") as f:
            digest.update(f.read())
    stamp = {"generator": digest.hexdigest()}
    if os.path.isdir(path) and os.path.exists(stamp_path):
        with open(stamp_path) as f:
            old = json.load(f)
        if old.get("generator") == stamp["generator"]:
            return path, old["stats"]
    if os.path.isdir(path):
        shutil.rmtree(path)
    script = os.path.join(BENCH, GENERATORS[kind][0])
    extra = ["--no-stats"] if kind == "real" else []
    print(f"generating {path} ...", file=sys.stderr)
    subprocess.run([sys.executable, script, path, str(size), *extra], check=True, stdout=subprocess.DEVNULL)
    stamp["stats"] = corpus_stats.measure(path)
    with open(stamp_path, "w") as f:
        json.dump(stamp, f)
    return path, stamp["stats"]


def machine():
    cpu = platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="10,100")
    ap.add_argument("--corpora", default="templates,real")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--timeout", type=float, default=300, help="seconds allowed to one regard run")
    ap.add_argument("--regard", help="a regard binary to time instead of building target/release/regard "
                    "(a build without LTO, say: see docs/performance.md)")
    args = ap.parse_args()
    kinds = args.corpora.split(",")
    if unknown := set(kinds) - set(GENERATORS):
        sys.exit(f"unknown corpus {', '.join(sorted(unknown))}; known: {', '.join(GENERATORS)}")
    if shutil.which("rg") is None:
        sys.exit("ripgrep (rg) is needed for the reference run: apt-get install ripgrep")
    if args.regard:
        regard = os.path.abspath(args.regard)
    else:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
        regard = os.path.join(ROOT, "target", "release", "regard")
    os.makedirs(WORK, exist_ok=True)
    phrases = os.path.join(WORK, "phrases.txt")
    with open(phrases, "w") as f:
        subprocess.run([regard, "rules", "--phrases"], stdout=f, check=True)
    rg_version = subprocess.run(["rg", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    commit = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=ROOT,
                            capture_output=True, text=True).stdout.strip()
    corpora = [(kind, size, *corpus(kind, size)) for kind in kinds for size in map(int, args.sizes.split(","))]
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    print(f"{now}; regard {commit}; machine: {machine()}")
    print(f"reference: {rg_version}; {sum(1 for _ in open(phrases))} phrases; "
          f"median of {args.reps} runs each, alternating; regard timeout {args.timeout:g} s\n")
    print("| corpus | distinct words | most repeated sentence | regard s | rg s | regard/rg "
          "| regard MB/s | rg MB/s | regard peak MB | rg peak MB |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for kind, size, path, stats in corpora:
        mb = stats["bytes"] / 1048576
        regard_cmd = [regard, "check", "--isolated", "--format", "json", path]
        rg_cmd = ["rg", "-i", "-w", "-F", "-c", "-f", phrases, path]
        run(rg_cmd)  # warm the page cache
        regard_runs, rg_runs, timed_out = [], [], False
        for _ in range(args.reps):
            try:
                regard_runs.append(run(regard_cmd, args.timeout))
            except Timeout:
                timed_out = True
            rg_runs.append(run(rg_cmd))
            if timed_out:
                break
        t_rg = statistics.median(t for t, _ in rg_runs)
        rg_peak = max(m for _, m in rg_runs)
        label = f"{size} MB {kind}"
        corpus_cols = f"{stats['distinct']:,} | {stats['max_repeat']}\u00d7"
        if timed_out:
            done = ", ".join(f"{t:.1f}" for t, _ in regard_runs)
            print(f"| {label} | {corpus_cols} | timeout (> {args.timeout:g} s"
                  f"{'; finished: ' + done if done else ''}) | {t_rg:.2f} | \u2013 | \u2013 "
                  f"| {mb / t_rg:.0f} | \u2013 | {rg_peak:.1f} |", flush=True)
            continue
        t_regard = statistics.median(t for t, _ in regard_runs)
        regard_peak = max(m for _, m in regard_runs)
        print(f"| {label} | {corpus_cols} | {t_regard:.2f} | {t_rg:.2f} | {t_rg / t_regard:.2f} "
              f"| {mb / t_regard:.0f} | {mb / t_rg:.0f} | {regard_peak:.1f} | {rg_peak:.1f} |", flush=True)
    note = os.path.join(ROOT, "fixtures", "notes", "coaching-session.md")
    one = one_note_ms([regard, "check", "--isolated", note], max(args.reps, 20))
    print(f"\none note end to end ({os.path.relpath(note, ROOT)}): {one:.1f} ms")


if __name__ == "__main__":
    main()
