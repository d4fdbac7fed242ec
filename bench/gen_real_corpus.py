#!/usr/bin/env python3
"""Generates invented case notes written with a real English vocabulary.

gen_corpus.py builds its notes from 28 sentences, about 216 distinct words
however large the corpus; a matcher can look fast on it and slow on real
notes, where almost every sentence is new. This generator keeps the shape
of session notes (a folder per invented client, dated sessions, headings,
bullets, quoted speech; Markdown and .txt) and fills it with real English
from Debian packages (see prose_sources.py: WordNet's definitions and
examples, fortune quotations, the Jargon File), set into note-like frames:
"We came back to {a noun phrase}", "She wants to {a verb phrase} before
the next session", a quotation as the client's words. Each piece of text
is drawn without replacement until the pool is used up, so text repeats
only when the corpus outgrows the pool, and then inside different frames.

About 3% of sentences are judgmental, invented here ("Why does she keep
cancelling ...", "He claims ...", "... was resistant ..."), each with a
real-text tail so that no two are alike.

Deterministic: the same size, seed and source packages give the same
bytes. It prints the corpus's distinct words and sentence repetition
(corpus_stats.py) unless --no-stats is given.

usage: gen_real_corpus.py OUT_DIR SIZE_MB [--seed 2026] [--no-stats]
"""

import argparse
import os
import random
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import corpus_stats  # noqa: E402
import prose_sources  # noqa: E402

NAMES = """Amara Tomás Priya Joel Wei Dalia Kwame Hannah Farid Zoë Marcus Ines Callum Noor Bea Olu
Sven Ana Ravi Mei Aisling Bronwen Cedric Dmitri Efua Fintan Gulnara Hamish Ifeoma Jarrah Kerensa
Leopold Maren Niamh Oskar Parisa Quentin Rosalind Saoirse Tariq Ulrike Vikram Wren Xiomara Yusuf
Zainab Anouk Bastian Catalina Declan Elif Florin Greta Hiroshi Isolde Jovan Kalinda Lorcan Mireille
Nikhil Orla Pavel Rhiannon Soren Thandiwe Umberto Verity Wojciech Yara Zoltan Adaeze Benedikt
Carys Dorian Esperanza Fionnuala Gideon Halima Ignatius Jolene Kasimir Lucinda Mateo Nadia Ottilie
Perpetua Rashid Sinéad Teodor Una Valentin Winifred Yevgenia Zephyr Alastair Beatriz Cormac Delphine
Emeka Freya Gwilym Harriet Ilse Jasper Keziah Lachlan Marisol Nnamdi Ophelia Padraig Rosa Shona
Tobias Ursula Vesna Wilhelmina Xander Yolanda Zofia""".split()
INITIALS = "ABCDEFGHJKLMNOPRSTVWY"
WORKERS = ["JT", "MK", "the duty worker", "SP (student)", "RB", "the family support worker", "AH"]
PRONOUNS = [("she", "her", "her"), ("he", "him", "his"), ("they", "them", "their")]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
HEADINGS = ["Summary", "What we worked on", "What they said", "Presenting issues", "Observations",
            "Background", "Plan", "Next steps", "Risk", "Reflections", "Actions agreed",
            "Family and network", "Health", "Work and money", "Goals", "Supervision notes"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]

# Frames for the pieces of real text. {N} name, {P}/{p} subject pronoun,
# {o} object, {s} possessive; {X} the piece.
NOUN_FRAMES = [
    "We spent most of the hour on {X}.",
    "{N} talked at length about {X}.",
    "{P} brought up {X} towards the end.",
    "We came back to {X}, which {p} said matters to {o}.",
    "I asked what {X} means to {o} now.",
    "{N} described {X} and how it has changed since the spring.",
    "{P} mentioned {X} almost in passing; I'd like to return to it.",
    "We looked at {X} from {s} point of view.",
    "{N}'s sister had raised {X} with {o} on {D}.",
    "There was a long pause after I mentioned {X}.",
    "{P} wondered aloud about {X}.",
    "Most of {s} worry this week was about {X}.",
    "I noticed {p} brightened when we talked about {X}.",
    "{N} asked for information about {X}; I said I would find some.",
    "{P} compared the situation to {X}.",
    "The GP letter refers to {X}.",
    "We drew a map of {s} week, with {X} in the middle.",
    "{P} said {p} had been reading about {X}.",
]
VERB_FRAMES = [
    "{P} wants to {X} {T}.",
    "We agreed that {p} will try to {X} {T}.",
    "I asked how {p} might {X} without feeling rushed.",
    "{N} said {p} had managed to {X} on {D}.",
    "{P} is not sure yet whether to {X} {T}.",
    "One small step: {X}, {T}.",
    "{N} explained that {p} used to {X} when things were easier.",
    "We talked about what it would take to {X} {T}.",
    "{P} asked me to help {o} {X}.",
    "{N} would like {s} manager to {X}.",
    "Next time: ask whether {p} still wants to {X} {T}.",
    "{P} found it hard to {X} last week and said so.",
]
ADJ_FRAMES = [
    "{P} described the week as {X}.",
    "{N} said the flat feels {X} {T}.",
    "The meeting with the school was, in {s} words, {X}.",
    "{N} looked tired and spoke {X}.",
    "I'd describe the session as {X}, though {p} might not.",
    "{P} called the new routine {X}.",
]
# When or how a plan happens: varies the verb and adjective frames, whose
# pools are the smallest.
TAILS = ["before the next session", "this week", "by the end of the month", "before {D}",
         "over the half-term", "once the benefits claim is sorted", "after the hospital appointment",
         "when the weather turns", "with {s} key worker", "on {s} own", "without telling anyone yet",
         "if the landlord agrees", "in the new year", "after the review meeting", "at the moment",
         "now that the court date is set", "while {s} mother stays", "at a time {p} chooses"]
SAYINGS = [
    "{N} said, \u201c{X}\u201d",
    "{P} put it like this: \u201c{X}\u201d",
    "In {s} own words: \u201c{X}\u201d",
    "{N} read out a line that stayed with {o}: \u201c{X}\u201d",
    "{N} told me, \"{X}\"",
    "Quoting {N}: \u201c{X}\u201d",
    "{P} added, \u201c{X}\u201d",
]
JUDGMENTAL = [
    "{N} was resistant when we turned to {NP}.",
    "Why does {p} keep cancelling when {p} agreed to {VP}?",
    "{P} claims {p} tried to {VP}.",
    "{P} claims {p} was ill again and could not {VP}.",
    "{N} seemed unmotivated and would not {VP}.",
    "{P} is in denial about {NP}.",
    "{N} remains non-compliant with the plan to {VP}.",
    "Allegedly {p} managed to {VP}.",
    "Why can't {p} just {VP}?",
    "{N} is always making excuses about {NP}.",
    "{P} never follows through, whether on {NP} or anything else.",
    "{N} was attention-seeking again during the talk about {NP}.",
    "{P} refuses to engage with {NP}.",
    "Honestly a difficult client; the discussion of {NP} went nowhere.",
    "{P} insists {p} could not {VP}, which I doubt.",
    "{N} failed to {VP} yet again.",
    "{N} was manipulative when asked about {NP}.",
    "{P} is clearly not committed to {NP}.",
    "Typical {N}: late again, with a story about {NP}.",
    "{N} kept playing the victim over {NP}.",
    "Why does {p} always blame others for {NP}?",
    "{P} is lazy about anything to do with {NP}.",
    "{N} was aggressive when I asked {o} to {VP}.",
    "{P} supposedly tried to {VP}.",
    "{N} is a hopeless case when it comes to {NP}.",
    "{P} was in a mood again and would not discuss {NP}.",
]
# "They" takes the plural verb: the frames are written for "she" and "he".
PLURAL = {"is": "are", "was": "were", "has": "have", "wants": "want", "claims": "claim",
          "insists": "insist", "refuses": "refuse", "remains": "remain", "follows": "follow"}
THEY_VERB = re.compile(r"\b([Tt]hey)( never)? (is|was|has|wants|claims|insists|refuses|remains|follows)\b")
PLAIN_TXT_HEADS = ["Summary:", "Discussed:", "Plan:", "Actions:", "Notes:", "Follow-up:"]


class Deck:
    """Draws items of a list without replacement, reshuffling when it runs out."""

    def __init__(self, rng, items):
        self.rng, self.items, self.left, self.rounds = rng, list(items), [], 0

    def draw(self):
        if not self.left:
            self.left = self.items[:]
            self.rng.shuffle(self.left)
            self.rounds += 1
        return self.left.pop()


class Writer:
    def __init__(self, rng, pool):
        self.rng = rng
        self.nouns = Deck(rng, pool.nouns)
        self.verbs = Deck(rng, pool.verbs)
        self.adjs = Deck(rng, pool.adjs)
        self.sentences = Deck(rng, pool.sentences)
        self.written = self.judgmental = 0

    def sentence(self, client):
        rng = self.rng
        r = rng.random()
        self.written += 1
        if r < 0.03:
            self.judgmental += 1
            frame = rng.choice(JUDGMENTAL)
            return client.fill(frame, NP=self.nouns.draw(), VP=self.verbs.draw())
        if r < 0.33:
            s = self.sentences.draw()
            # A third of the quotations stand as the writer's own prose, the
            # rest as the client's words; once the pool has been used up,
            # all are quoted, so a sentence does not recur bare.
            bare = self.sentences.rounds == 1 and rng.random() < 0.35
            return s if bare else client.fill(rng.choice(SAYINGS), X=s)
        if r < 0.63:
            return client.fill(rng.choice(NOUN_FRAMES), X=self.nouns.draw())
        if r < 0.85:
            return client.fill(rng.choice(VERB_FRAMES), X=self.verbs.draw())
        return client.fill(rng.choice(ADJ_FRAMES), X=self.adjs.draw())

    def paragraph(self, client, lo=2, hi=5):
        return " ".join(self.sentence(client) for _ in range(self.rng.randint(lo, hi)))


class Client:
    def __init__(self, rng, number):
        self.rng = rng
        self.number = number
        self.name = rng.choice(NAMES)
        self.initial = rng.choice(INITIALS)
        self.pron = rng.choice(PRONOUNS)
        self.markdown = rng.random() < 0.75
        self.worker = rng.choice(WORKERS)

    def fill(self, frame, **slots):
        subj, obj, poss = self.pron
        frame = frame.replace("{T}", self.rng.choice(TAILS))
        text = frame.format(N=self.name, P=subj.capitalize(), p=subj, o=obj, s=poss,
                            D=self.rng.choice(DAYS), **slots)
        if subj == "they":
            text = THEY_VERB.sub(lambda m: f"{m[1]}{m[2] or ''} {PLURAL[m[3]]}", text)
        return text[0].upper() + text[1:]


def date(rng, style):
    y, m, d = 2026, rng.randint(1, 12), rng.randint(1, 28)
    return [f"{y}-{m:02d}-{d:02d}", f"{d} {MONTHS[m - 1]} {y}", f"{d:02d}/{m:02d}/{y}"][style]


def markdown_note(rng, writer, client, number):
    target = rng.randint(1024, 5120)
    parts = [f"# Session {number} \u2014 {client.name} {client.initial}.\n\n"
             f"Date: {date(rng, rng.randrange(3))}  \nPresent: {client.name}, {client.worker}\n"]
    size = len(parts[0].encode())
    while size < target:
        kind = rng.random()
        if kind < 0.18:
            block = f"\n## {rng.choice(HEADINGS)}\n"
        elif kind < 0.40:
            items = rng.randint(2, 4)
            block = "\n" + "".join(f"- {writer.sentence(client)}\n" for _ in range(items))
        elif kind < 0.46 and writer.sentences.rounds <= 1:
            block = f"\n> {writer.sentences.draw()}\n"
        else:
            block = "\n" + writer.paragraph(client) + "\n"
        parts.append(block)
        size += len(block.encode())
    return "".join(parts)


def text_note(rng, writer, client, number):
    target = rng.randint(1024, 5120)
    title = f"SESSION NOTE - {client.name} {client.initial}. - {date(rng, 2)}"
    parts = [f"{title}\n{'=' * len(title)}\nSession {number}, worker: {client.worker}\n"]
    size = len(parts[0].encode())
    while size < target:
        kind = rng.random()
        if kind < 0.2:
            block = f"\n{rng.choice(PLAIN_TXT_HEADS)}\n"
        elif kind < 0.4:
            block = "\n" + "".join(f"* {writer.sentence(client)}\n" for _ in range(rng.randint(2, 4)))
        else:
            block = "\n" + writer.paragraph(client) + "\n"
        parts.append(block)
        size += len(block.encode())
    return "".join(parts)


def generate(out, size_mb, seed):
    pool = prose_sources.Pool()
    rng = random.Random(seed)
    writer = Writer(rng, pool)
    budget = int(size_mb * 1024 * 1024)
    written = clients = 0
    while written < budget:
        clients += 1
        client = Client(rng, clients)
        folder = os.path.join(out, f"client-{clients:05d}")
        os.makedirs(folder, exist_ok=True)
        for number in range(1, rng.randint(3, 12) + 1):
            if client.markdown:
                name, text = f"session-{number:02d}.md", markdown_note(rng, writer, client, number)
            else:
                name, text = f"session-{number:02d}.txt", text_note(rng, writer, client, number)
            data = text.encode()
            with open(os.path.join(folder, name), "wb") as f:
                f.write(data)
            written += len(data)
            if written >= budget:
                break
    return clients, pool.digest(), writer


def main():
    ap = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("size_mb", type=float)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--no-stats", action="store_true", help="skip measuring the result")
    args = ap.parse_args()
    if os.path.exists(args.out) and os.listdir(args.out):
        sys.exit(f"{args.out} exists and is not empty; give a new folder")
    clients, digest, writer = generate(args.out, args.size_mb, args.seed)
    print(f"{args.out}: {clients} client folders, seed {args.seed}, source text {digest}; "
          f"{writer.judgmental:,} of {writer.written:,} generated sentences judgmental "
          f"({100 * writer.judgmental / writer.written:.1f}%)")
    if not args.no_stats:
        print(corpus_stats.describe(corpus_stats.measure(args.out)))


if __name__ == "__main__":
    main()
