#!/usr/bin/env python3
"""Precision and recall of a regard build on annotated sentence sets.

    bench/accuracy.py [--regard PATH] [--by-rule] [--misses] SET.tsv [SET.tsv ...]

Each set is in the format of tests/accuracy/*.tsv: `+RULE<TAB>sentence` for a
sentence a supervisor would flag (RULE names its kind of judgment),
`-<TAB>sentence` for one that must stay quiet, and `-RULE<TAB>sentence` for
one that must not be flagged by RULE (another rule's finding there is
neither right nor wrong: the annotation says nothing about it). Every sentence becomes its own
paragraph of a plain-text note (200 sentences a note), checked by `regard check --format json`
with the built-in rules, so the figures are what a user would get.

Scoring is per sentence, as in issue 20:
- recall: judgmental sentences with at least one finding, of all judgmental;
- precision: judgmental sentences flagged, of all sentences flagged;
- per kind: recall of the sentences annotated with that kind, and how many
  of those were flagged by the rule of the same name ("same kind");
- with `--by-rule`, per rule: the sentences it flagged, how many of those
  are innocent (`-`, or `-RULE` for that rule), and its precision.

A `-RULE` sentence counts as innocent, and as a false alarm only when RULE
flags it, as tests/accuracy.rs counts it.

Use it on blind sets (written by someone who never read rules/) to get an
honest figure; a set used to tune rules no longer measures generalisation.
"""

import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile


def load(path):
    """`(expect, sentence, place)` per line: expect is `("+", RULE)`,
    `("-", None)` or `("-", RULE)`, the tags tests/accuracy.rs reads."""
    cases = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            if "\t" not in line:
                sys.exit(f"{path}:{n}: no tab")
            tag, sentence = line.split("\t", 1)
            if tag.startswith("+") and len(tag) > 1:
                cases.append((("+", tag[1:]), sentence, f"{path}:{n}"))
            elif tag.startswith("-"):
                cases.append((("-", tag[1:] or None), sentence, f"{path}:{n}"))
            else:
                sys.exit(f"{path}:{n}: tag must be +RULE, - or -RULE")
    return cases


# Sentences per note: well under the report's cap of findings per note, so
# every finding of every sentence is counted.
PER_NOTE = 200


def findings_by_sentence(regard, cases):
    """Rules that fired on each sentence, by index in `cases`."""
    with tempfile.TemporaryDirectory() as tmp:
        where = {}
        notes = []
        for start in range(0, len(cases), PER_NOTE):
            note = os.path.join(tmp, f"sentences-{start // PER_NOTE:04}.txt")
            notes.append(note)
            with open(note, "w", encoding="utf-8") as f:
                for j, (_, sentence, _) in enumerate(cases[start : start + PER_NOTE]):
                    f.write(sentence.replace("\n", " ") + "\n\n")
                    where[(os.path.basename(note), 2 * j + 1)] = start + j
        run = subprocess.run(
            [regard, "check", "--format", "json", "--isolated", *notes],
            capture_output=True,
            text=True,
        )
        if run.returncode not in (0, 1):
            sys.exit(f"regard exited {run.returncode}:\n{run.stderr}")
        doc = json.loads(run.stdout)
    fired = collections.defaultdict(set)
    for finding in doc["findings"]:
        key = (os.path.basename(finding["path"]), finding["start"]["line"])
        i = where.get(key)
        if i is not None:
            fired[i].add(finding["rule"])
    return fired


def false_alarm(case, fired):
    """The rules whose findings on an innocent `case` are false alarms: all
    of them for `-`, only RULE for `-RULE`."""
    (_, rule), _, _ = case
    return fired if rule is None else fired & {rule}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--regard", default="target/release/regard")
    ap.add_argument("--misses", action="store_true", help="list missed and false-alarm sentences")
    ap.add_argument(
        "--by-rule",
        action="store_true",
        help="per rule: sentences flagged, how many of them innocent, precision",
    )
    ap.add_argument("sets", nargs="+")
    args = ap.parse_args()

    cases = [c for s in args.sets for c in load(s)]
    fired = findings_by_sentence(args.regard, cases)

    judg = [i for i, c in enumerate(cases) if c[0][0] == "+"]
    innocent = [i for i, c in enumerate(cases) if c[0][0] == "-"]
    tp = sum(1 for i in judg if fired[i])
    fp = sum(1 for i in innocent if false_alarm(cases[i], fired[i]))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / len(judg) if judg else 1.0
    print(f"sets: {', '.join(args.sets)}")
    print(f"judgmental / innocent: {len(judg)} / {len(innocent)}")
    print(f"precision: {precision:.3f}  ({tp} of {tp + fp} flagged sentences are judgmental)")
    print(f"recall:    {recall:.3f}  ({tp} of {len(judg)} judgmental sentences flagged)")
    print(f"false alarms: {fp} of {len(innocent)} innocent sentences")
    print()
    print(f"{'kind':<24} {'n':>4} {'recall':>7} {'same kind':>10}")
    kinds = sorted({cases[i][0][1] for i in judg})
    for kind in kinds:
        ids = [i for i in judg if cases[i][0][1] == kind]
        hit = sum(1 for i in ids if fired[i])
        same = sum(1 for i in ids if kind in fired[i])
        print(f"{kind:<24} {len(ids):>4} {hit / len(ids):>7.2f} {same / len(ids):>10.2f}")
    if args.by_rule:
        # A rule's finding on a judgmental sentence of another kind still
        # flags a judgmental sentence; on an innocent one it is a false
        # alarm, unless the sentence is `-OTHER` (nothing said about this rule).
        print()
        print(f"{'rule':<24} {'flagged':>8} {'innocent':>9} {'precision':>10}")
        rules = sorted({r for f in fired.values() for r in f})
        for rule in rules:
            right = sum(1 for i in judg if rule in fired[i])
            wrong = sum(1 for i in innocent if rule in false_alarm(cases[i], fired[i]))
            print(f"{rule:<24} {right + wrong:>8} {wrong:>9} {right / (right + wrong):>10.3f}")
    if args.misses:
        print("\nmissed:")
        for i in judg:
            if not fired[i]:
                print(f"  {cases[i][2]} [{cases[i][0][1]}] {cases[i][1]}")
        print("\nfalse alarms:")
        for i in innocent:
            wrong = false_alarm(cases[i], fired[i])
            if wrong:
                print(f"  {cases[i][2]} ({', '.join(sorted(wrong))}) {cases[i][1]}")


if __name__ == "__main__":
    main()
