#!/usr/bin/env python3
"""The blind supervisor's ratings by the FORM of the first suggestion.

Reads the mixed blind ratings (bench/blind/set-*.mixed-pairs.tsv with
set-*.mixed-ratings.tsv, row for row) and sorts every rated suggestion into
a form by its shape alone (no rule files, no regard run):

  rewording, whole     a statement: the sentence with words swapped or
                       dropped, at least 75% of the sentence's words kept
  rewording, cut       a statement that kept fewer (a clause or a part cut)
  rewording + ask      a statement with a bracketed ask "(say when …)"
  setting: question    "Sentence part: what did … read as "…"?"
  quote, judging words a question quoting the sentence ("read as",
                       "called", "summed up as") with at most 5 quoted words
  quote, long          the same with 6 or more quoted words, under 70% of
                       the sentence
  quote, whole         the quote is 70% or more of the sentence's words
  curious question     a question that quotes nothing: "What was going on
                       for her when …", "What makes … hard for him",
                       "What has she said about …", "What did he say when
                       told?", "Who has not …"
  other                anything else ("Does "…" matter to the work, …")

For each form: count, mean rating, share rated 4-5, share with facts
changed, and the comments of the rated rows (--comments N prints N of
each). --by-rule splits each form by rule.

    python3 bench/rating-forms.py [--sets p,q,s,u] [--by-rule] [--comments 5]
                                  [--markdown]
"""

import argparse
import collections
import csv
import glob
import re
import sys

WORD = re.compile(r"[\w'’\-]+")
QUOTE = re.compile(r'"([^"]*)"')
QUOTING = re.compile(r"\b(read as|called|summed up as)\b")
ASK = re.compile(r"\((say|what|who|keep|describe|and)\b[^)]*\)")

FORMS = [
    "rewording, whole",
    "rewording, cut",
    "rewording + ask",
    "setting: question",
    "quote, judging words",
    "quote, long",
    "quote, whole",
    "curious question",
    "other",
]


def words(text):
    return [w.lower().strip("'’") for w in WORD.findall(text)]


def form_of(sentence, suggestion):
    """The form of one suggestion for its sentence."""
    s_words = words(sentence)
    g = suggestion.strip()
    if "?" not in g:
        if ASK.search(g):
            return "rewording + ask"
        kept = collections.Counter(words(g))
        have = sum(1 for w in s_words if kept[w] > 0 and not kept.subtract([w]))
        share = have / max(1, len(s_words))
        return "rewording, whole" if share >= 0.75 else "rewording, cut"
    quoting = QUOTING.search(g)
    head = g.split("?")[0]
    # "Setting: what did …": a part of the sentence set before the question.
    colon = re.match(r"^(.+?):\s+(what|who|how|which|does)\b", g, re.I)
    if colon and quoting:
        return "setting: question"
    if quoting:
        quoted = sum(len(words(q)) for q in QUOTE.findall(head))
        if quoted <= 5:
            return "quote, judging words"
        if quoted >= 0.7 * len(s_words):
            return "quote, whole"
        return "quote, long"
    if not QUOTE.search(head) and re.match(r"^(what|who|how|which|when)\b", g, re.I):
        return "curious question"
    return "other"


def load(sets):
    rows = []
    for name in sets:
        pairs = glob.glob(f"bench/blind/set-*-{name}.mixed-pairs.tsv")
        if not pairs:
            sys.exit(f"no mixed pairs for set {name}")
        p = pairs[0]
        r = p.replace("mixed-pairs", "mixed-ratings")
        with open(p, newline="") as f:
            P = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
        with open(r, newline="") as f:
            R = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
        assert len(P) == len(R), (p, len(P), len(R))
        for i, (pair, rating) in enumerate(zip(P, R), 1):
            assert int(rating["row"]) == i, (p, i)
            rows.append(
                dict(
                    set=name,
                    row=i,
                    sentence=pair["sentence"],
                    rule=pair["rule"],
                    suggestion=pair["suggestion"],
                    rating=int(rating["rating"]),
                    changed=rating["facts"] == "changed",
                    comment=rating["comment"],
                    form=form_of(pair["sentence"], pair["suggestion"]),
                )
            )
    return rows


def stats(rows):
    n = len(rows)
    mean = sum(r["rating"] for r in rows) / n
    good = sum(r["rating"] >= 4 for r in rows) / n
    bad = sum(r["rating"] <= 2 for r in rows) / n
    changed = sum(r["changed"] for r in rows) / n
    return n, mean, good, bad, changed


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sets", default="p,q,s,u")
    ap.add_argument("--by-rule", action="store_true")
    ap.add_argument("--comments", type=int, default=0)
    ap.add_argument("--markdown", action="store_true")
    ap.add_argument("--form", help="print every row of this form")
    ap.add_argument(
        "--now",
        help="pairs a build writes now (bench/suggestions.py --pairs): print the rated "
        "rows of --sets whose first suggestion reads differently, and count them by rating",
    )
    args = ap.parse_args()
    rows = load(args.sets.split(","))
    groups = collections.defaultdict(list)
    for r in rows:
        groups[(r["form"], r["rule"] if args.by_rule else "")].append(r)
    if args.markdown:
        rule_col = " rule |" if args.by_rule else ""
        print(f"| form |{rule_col} rows | mean | rated 4-5 | rated 1-2 | facts changed |")
        print("|---|" + ("---|" if args.by_rule else "") + "---|---|---|---|---|")
    else:
        print(f"{'form':22} {'rule':22} {'rows':>5} {'mean':>5} {'4-5':>5} {'1-2':>5} {'chg':>5}")
    order = {f: i for i, f in enumerate(FORMS)}
    for (form, rule), rs in sorted(groups.items(), key=lambda kv: (order[kv[0][0]], kv[0][1])):
        n, mean, good, bad, changed = stats(rs)
        if args.markdown:
            rule_cell = f" {rule} |" if args.by_rule else ""
            print(f"| {form} |{rule_cell} {n} | {mean:.2f} | {good:.0%} | {bad:.0%} | {changed:.0%} |")
        else:
            print(f"{form:22} {rule:22} {n:5} {mean:5.2f} {good:5.0%} {bad:5.0%} {changed:5.0%}")
        for r in rs[: args.comments]:
            print(f"    [{r['rating']}{'C' if r['changed'] else ''}] {r['comment']}")
    n, mean, good, bad, changed = stats(rows)
    tag = f"{'all':45}"
    if args.markdown:
        rule_cell = " |" if args.by_rule else ""
        print(f"| all |{rule_cell} {n} | {mean:.2f} | {good:.0%} | {bad:.0%} | {changed:.0%} |")
    else:
        print(f"{tag} {n:5} {mean:5.2f} {good:5.0%} {bad:5.0%} {changed:5.0%}")
    if args.now:
        with open(args.now, newline="") as f:
            now = {}
            for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                now.setdefault((r["sentence"], r["rule"]), r["suggestion"])
        moved = collections.Counter()
        total = collections.Counter()
        for r in rows:
            band = "1-2" if r["rating"] <= 2 else "3" if r["rating"] == 3 else "4-5"
            total[band] += 1
            new = now.get((r["sentence"], r["rule"]))
            if new is None:
                moved[band + " (no finding now)"] += 1
                continue
            if new != r["suggestion"]:
                moved[band] += 1
                print(f"\n{r['set']}{r['row']} [{r['rating']}{'C' if r['changed'] else ''}] {r['rule']} "
                      f"{r['form']} -> {form_of(r['sentence'], new)}")
                print(f"  S: {r['sentence']}\n  was: {r['suggestion']}\n  now: {new}\n  R: {r['comment']}")
        print()
        for band in ("1-2", "3", "4-5"):
            print(f"rated {band}: {total[band]} rows, {moved[band]} read differently now, "
                  f"{moved[band + ' (no finding now)']} without that finding now")
    if args.form:
        for r in rows:
            if r["form"] == args.form:
                print(f"\n{r['set']}{r['row']} [{r['rating']}{'C' if r['changed'] else ''}] {r['rule']}")
                print(f"  S: {r['sentence']}\n  G: {r['suggestion']}\n  R: {r['comment']}")


if __name__ == "__main__":
    main()
