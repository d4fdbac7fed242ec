#!/usr/bin/env python3
"""How well regard's suggestions fit the sentence they are about.

Runs `regard check --format json --isolated` over an annotated TSV set
(`+kind<TAB>sentence` / `-<TAB>sentence`, as in bench/blind/ and
tests/accuracy/), each sentence as a note of its own, and reports:

- rewords: the share of findings whose first suggestion reuses a word of
  the sentence outside the flagged phrase (its person, its topic);
- wrong gender: suggestions that bring in a pronoun of the other gender
  than the sentence gives its person ("she" about a man), and suggestions
  that bring in a gendered pronoun where the sentence gives none;
- distinct suggestion texts, and the share of findings carrying the most
  common one;
- facts kept: the share of findings whose first suggestion keeps every
  content word of the sentence outside the flagged span (a word may change
  its ending: "follows" -> "has followed"), and the share of such words kept
  over all findings;

and writes (sentence, rule, first suggestion) rows to a TSV for a rater
who does not see the rules.

    python3 bench/suggestions.py --regard target/debug/regard \\
        bench/blind/set-2026-12-05-a.tsv --pairs /tmp/pairs.tsv
"""

import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile

FEMALE = {"she", "her", "hers", "herself"}
MALE = {"he", "him", "his", "himself"}
FEMALE_ROLES = {
    "mum", "mother", "wife", "girlfriend", "daughter", "sister", "grandmother",
    "grandma", "nan", "nana", "aunt", "auntie", "girl", "woman", "mrs", "ms",
    "miss", "stepmum", "lady",
}
MALE_ROLES = {
    "dad", "father", "husband", "boyfriend", "son", "brother", "grandfather",
    "grandad", "granddad", "uncle", "boy", "man", "mr", "stepdad", "bloke",
}
# Words too common to show that a suggestion is about this sentence.
STOP = set(
    """a an the and or but so of to in on at for with from by as is are was
    were be been being has have had do does did not no it its this that these
    those there here very really just only also then than too into about over
    after before when while if what why how who which i we you me us my our
    your up out off again all any some more most much many such can could
    will would should may might must shall get got""".split()
)


# Words a rewording may drop with the label: copulas, articles, intensifiers.
NO_FACT = STOP | set(
    """s re ll v rather utterly totally completely extremely incredibly pretty
    fairly bloody overly bit real earth honestly seriously frankly literally""".split()
)


def stem(word):
    w = word.lower().strip("'")
    if w.endswith("'s"):
        w = w[:-2]
    for suffix in ("ing", "ied", "ies", "ed", "es", "s", "d"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return w[: -len(suffix)][:5]
    return w[:5]


def fact_words(sentence, start, end):
    """Content words of `sentence` outside the byte span start..end."""
    raw = sentence.encode("utf-8")
    # A pattern may take the punctuation before its words (". Never").
    while start < end and not chr(raw[start]).isalnum():
        start += 1
    # The rest of a hyphenated word the span ends in ("scruffy" + "-looking").
    if raw[end:end + 1] == b"-":
        end += 1
        while end < len(raw) and (chr(raw[end]).isalnum() or raw[end:end + 1] == b"-"):
            end += 1
    outside = (raw[:start] + b" " + raw[end:]).decode("utf-8", "replace")
    return [w for w in (x.strip("'") for x in re.findall(r"[A-Za-z0-9][A-Za-z0-9'-]*", outside)) if w and w.lower() not in NO_FACT]


def words(text):
    # "he's" counts as "he": contractions split at the apostrophe.
    return [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z-]*", text)]


POSSESSIVES = {"his", "her", "their", "my", "our", "your", "its"}


def gender_of(sentence):
    """The gender the sentence gives its person: its pronouns, and its
    roles and titles that are not someone else's ("his wife" is another
    person, not the one the sentence is about)."""
    ws = words(sentence)
    own_roles = {w for i, w in enumerate(ws) if i == 0 or ws[i - 1] not in POSSESSIVES}
    female = bool(set(ws) & FEMALE) or bool(own_roles & FEMALE_ROLES)
    male = bool(set(ws) & MALE) or bool(own_roles & MALE_ROLES)
    if female and not male:
        return "f"
    if male and not female:
        return "m"
    return None


def print_rows(title, groups, n):
    """A row per group: findings, first rewords, facts kept, wrong gender,
    and its most common suggestion text as a share of all `n` findings."""
    print(f"\n{title:24} {'findings':>8} {'rewords':>8} {'facts kept':>10} {'wrong gender':>12} {'top text':>8}")
    for name, r in sorted(groups.items()):
        top = r["texts"].most_common(1)[0][1] if r["texts"] else 0
        print(
            f"{name:24} {r['n']:>8} {r['rewords'] / r['n']:>8.0%} {r['kept'] / r['n']:>10.0%} {r['wrong']:>12} {top / n:>8.1%}"
        )


def form_of(first):
    """The form of a first suggestion, as the blind ratings of set g group
    them: a sentence with a hole ("Pt … (what they did or said) with …"),
    a margin question with 'Keep "…" as written', a margin question set in
    the sentence's facts ("Pt declined obs at 0200: what did …?"), a margin
    question alone, or a clean rewording."""
    if "… (" in first:
        return "hole"
    if "?" in first and 'Keep "' in first:
        return "margin + keep"
    if "?" in first and re.match(r"^[^?]*?: (what|which|how|where|who) ", first):
        return "margin in its setting"
    if "?" in first:
        return "margin question"
    return "clean rewording"


def read_set(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#") or "\t" not in line:
                continue
            label, sentence = line.split("\t", 1)
            rows.append((label, sentence))
    return rows


def run(regard, rows):
    with tempfile.TemporaryDirectory() as tmp:
        for i, (_, sentence) in enumerate(rows):
            with open(os.path.join(tmp, f"{i:05}.txt"), "w", encoding="utf-8") as f:
                f.write(sentence + "\n")
        out = subprocess.run(
            [regard, "check", "--format", "json", "--isolated", tmp],
            capture_output=True,
            text=True,
            timeout=600,
        )
        if out.returncode not in (0, 1):
            sys.exit(f"regard failed ({out.returncode}): {out.stderr}")
        findings = json.loads(out.stdout)["findings"]
    for f in findings:
        f["index"] = int(os.path.basename(f["path"]).split(".")[0])
    return findings


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--regard", default="target/debug/regard")
    ap.add_argument("--pairs", help="write (sentence, rule, suggestion) rows here")
    ap.add_argument("--show", type=int, default=0, help="print this many pairs")
    ap.add_argument(
        "--with-question",
        action="store_true",
        help="add the second suggestion (the curious question) as a fourth column of --pairs",
    )
    ap.add_argument("--show-dropped", action="store_true", help="print findings whose first suggestion drops a content word")
    ap.add_argument("--show-wrong", action="store_true", help="print wrong-gender suggestions")
    ap.add_argument(
        "--by-rule",
        action="store_true",
        help="a row per rule: findings, first rewords, facts kept, wrong gender, and its most common suggestion text as a share of all findings",
    )
    ap.add_argument(
        "--by-form",
        action="store_true",
        help="a row per form of the first suggestion (clean rewording, margin question, margin question set in the sentence's facts, 'Keep … as written', a sentence with a hole): the same columns as --by-rule",
    )
    ap.add_argument(
        "--rules",
        help="with --by-form: only findings of these rules (comma-separated ids)",
    )
    ap.add_argument("sets", nargs="+")
    args = ap.parse_args()

    rows = [row for path in args.sets for row in read_set(path)]
    findings = run(args.regard, rows)
    if not findings:
        sys.exit("no findings")

    rewords = 0
    all_kept = 0
    fact_total = 0
    fact_kept = 0
    wrong = 0
    guessed = 0
    texts = collections.Counter()
    firsts = collections.Counter()
    pairs = []
    per_rule = collections.defaultdict(lambda: {"n": 0, "rewords": 0, "kept": 0, "wrong": 0, "texts": collections.Counter()})
    per_form = collections.defaultdict(lambda: {"n": 0, "rewords": 0, "kept": 0, "wrong": 0, "texts": collections.Counter()})
    only = set(args.rules.split(",")) if args.rules else None

    class Both:
        """Counts a finding in its rule's row and in its form's row."""

        def __init__(self, *rows):
            self.rows = rows

        def __getitem__(self, key):
            return self.rows[0][key]

        def __setitem__(self, key, value):
            delta = value - self.rows[0][key]
            for row in self.rows:
                row[key] += delta

    for f in findings:
        first_text = (f.get("suggestions") or [""])[0]
        rows_for = [per_rule[f["rule"]]]
        if only is None or f["rule"] in only:
            rows_for.append(per_form[form_of(first_text)])
        r = Both(*rows_for)
        r["n"] += 1
        sentence = rows[f["index"]][1]
        suggestions = f.get("suggestions") or []
        first = suggestions[0] if suggestions else ""
        question = suggestions[1] if len(suggestions) > 1 else ""
        pairs.append((sentence, f["rule"], first, question))
        matched = set(words(f["matched"]))
        own = {w for w in words(sentence) if w not in STOP and w not in matched}
        if own & set(words(first)):
            rewords += 1
            r["rewords"] += 1
        facts = fact_words(sentence, f["start"]["offset"], f["end"]["offset"])
        kept_stems = {stem(w) for w in re.findall(r"[A-Za-z0-9][A-Za-z0-9'-]*", first)}
        kept = [w for w in facts if stem(w) in kept_stems]
        fact_total += len(facts)
        fact_kept += len(kept)
        if len(kept) == len(facts):
            all_kept += 1
            r["kept"] += 1
        elif args.show_dropped:
            lost = [w for w in facts if stem(w) not in kept_stems]
            print(f"dropped {lost}: {sentence!r} -> {first!r}")
        gender = gender_of(sentence)
        counts = collections.Counter(words(sentence))
        for s in suggestions:
            # A pronoun inside an ask ("… (what she did or said)") counts
            # even when the sentence has the same word about someone else.
            asks = " ".join(re.findall(r"\(([^)]*)\)", s))
            added = (collections.Counter(words(s)) - counts) + collections.Counter(words(asks))
            brings_f = any(w in FEMALE for w in added)
            brings_m = any(w in MALE for w in added)
            own_words = set(counts)
            has_f = bool(own_words & (FEMALE | FEMALE_ROLES))
            has_m = bool(own_words & (MALE | MALE_ROLES))
            if gender == "f" and brings_m or gender == "m" and brings_f:
                wrong += 1
                r["wrong"] += 1
                if args.show_wrong:
                    print(f"wrong gender: {sentence!r} -> {s!r}")
            elif brings_f and not has_f or brings_m and not has_m:
                guessed += 1
        for s in set(suggestions):
            texts[s] += 1
            for row in r.rows:
                row["texts"][s] += 1
        firsts[first] += 1

    n = len(findings)
    top_text, top = texts.most_common(1)[0]
    print(f"sentences            {len(rows)}")
    print(f"findings             {n}")
    print(f"first rewords        {rewords / n:.0%} ({rewords} of {n})")
    print(f"facts kept           {all_kept / n:.0%} of findings keep every content word outside the span ({all_kept} of {n}); {fact_kept / max(fact_total, 1):.1%} of those words kept ({fact_kept} of {fact_total})")
    print(f"wrong-gender         {wrong}")
    print(f"gender not in note   {guessed}")
    print(f"distinct texts       {len(texts)} (first suggestions: {len(firsts)})")
    print(f"most common text     {top / n:.1%} of findings: {top_text!r}")
    if args.by_rule:
        print_rows("rule", per_rule, n)
    if args.by_form:
        print_rows("form", per_form, n)
    if args.pairs:
        with open(args.pairs, "w", encoding="utf-8") as out:
            extra = "\tquestion" if args.with_question else ""
            out.write(f"sentence\trule\tsuggestion{extra}\n")
            for sentence, rule, first, question in pairs:
                extra = f"\t{question}" if args.with_question else ""
                out.write(f"{sentence}\t{rule}\t{first}{extra}\n")
    for sentence, rule, first, question in pairs[: args.show]:
        print(f"\n{rule}: {sentence}\n  try: {first}\n   or: {question}")


if __name__ == "__main__":
    main()
