#!/usr/bin/env python3
"""Generates a deterministic corpus of invented case notes for the benchmark.

Markdown files of 1-4 KB, one folder per (invented) client, realistic
practice prose with occasional judgmental phrasing and quoted speech. The
same size and seed give the same bytes on every machine. Nothing here is a
real note: names, events and wording are made up from the lists below.

usage: gen_corpus.py OUT_DIR SIZE_MB [SEED]
"""

import os
import random
import sys

NAMES = ["Amara", "Tomás", "Priya", "Joel", "Wei", "Dalia", "Kwame", "Hannah", "Farid", "Zoë",
         "Marcus", "Ines", "Callum", "Noor", "Bea", "Olu", "Sven", "Ana", "Ravi", "Mei"]
PRON = [("she", "her"), ("he", "him"), ("they", "them")]
TOPICS = ["the promotion conversation", "the move to a new flat", "contact with the children",
          "the return to work plan", "sleep and mornings", "the team restructure",
          "money worries", "the school meeting", "the new medication", "the feedback from her manager"]
PLAIN = [
    "{N} arrived ten minutes late and said the bus had not come.",
    "We spent most of the hour on {T}.",
    "{P} said the week had been long and that {p} felt tired but hopeful.",
    "I asked what a good outcome from {T} would look like for {o}.",
    "{N} described a conversation with {p2} sister that went better than expected.",
    "We agreed to look again at {T} next session.",
    "{P} mentioned that the Monday slot is hard because of the school run.",
    "I noticed {p} went quiet when we talked about {T}; I'd like to ask about that next time.",
    "{N} said, \u201cI don't know where to start with it.\u201d",
    "{N} said, \"I'm lazy about paperwork, that's the problem.\"",
    "We discussed the insurance claim after the flood and what is still outstanding.",
    "{P} has treatment-resistant depression and sees a new psychiatrist next month.",
    "Her mood declined over the winter, {p} said, and lifted in March.",
    "{N} declined the offer of tea and asked to start straight away.",
    "It has been a difficult week at work, with an aggressive deadline.",
    "I wondered why the Tuesday slot no longer works; we moved to Thursday.",
    "{P} talked about resistance training at the gym and how it helps {o} sleep.",
    "We reviewed the plan: two small actions, both chosen by {N}.",
    "{N} denies suicidal ideation and has a safety plan in place.",
    "Next time: ask what would make speaking up in one meeting feel possible.",
]
JUDGMENTAL = [
    "{N} was resistant to feedback today.",
    "{P} claims the manager had already decided.",
    "Why does {p} keep cancelling the follow-up call?",
    "{N} seemed unmotivated for most of the hour.",
    "{P} remains non-compliant with the agreed plan.",
    "Honestly a difficult client; the hour dragged.",
    "{N} is in denial about the school's concerns.",
    "Allegedly {p} missed two shifts last week.",
]


def sentence(rng, name, pron):
    pool = JUDGMENTAL if rng.random() < 0.05 else PLAIN
    s = rng.choice(pool)
    subj, obj = pron
    return s.format(N=name, P=subj.capitalize(), p=subj, o=obj, p2="their" if subj == "they" else ("her" if subj == "she" else "his"),
                    T=rng.choice(TOPICS))


def note(rng, name, pron, number):
    target = rng.randint(1024, 4096)
    parts = [f"# Session {number} \u2014 {name} (invented)\n\nDate: 2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\n"]
    size = len(parts[0].encode())
    while size < target:
        kind = rng.random()
        if kind < 0.15:
            block = f"\n## {rng.choice(['What we worked on', 'What they said', 'Next time', 'Reflections'])}\n"
        elif kind < 0.35:
            block = "\n" + "".join(f"- {sentence(rng, name, pron)}\n" for _ in range(rng.randint(2, 4)))
        elif kind < 0.38:
            block = "\n```text\nTemplate: client was resistant and unmotivated.\n```\n"
        else:
            words = [sentence(rng, name, pron) for _ in range(rng.randint(2, 5))]
            block = "\n" + " ".join(words) + "\n"
        parts.append(block)
        size += len(block.encode())
    return "".join(parts)


def main():
    out, size_mb = sys.argv[1], float(sys.argv[2])
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 2026
    rng = random.Random(seed)
    budget = int(size_mb * 1024 * 1024)
    written = 0
    client = 0
    while written < budget:
        client += 1
        name = rng.choice(NAMES)
        pron = rng.choice(PRON)
        folder = os.path.join(out, f"client-{client:05d}")
        os.makedirs(folder, exist_ok=True)
        for number in range(1, rng.randint(3, 12) + 1):
            text = note(rng, name, pron, number).encode()
            with open(os.path.join(folder, f"session-{number:02d}.md"), "wb") as f:
                f.write(text)
            written += len(text)
            if written >= budget:
                break
    print(f"{out}: {written / 1048576:.1f} MB in {client} client folders")


if __name__ == "__main__":
    main()
