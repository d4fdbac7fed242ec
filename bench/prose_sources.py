"""Real English text from Debian packages, cut into pieces a note can hold.

The real-vocabulary corpus (gen_real_corpus.py) needs prose nobody here
wrote, with the breadth of vocabulary of real notes. It takes it from three
Debian packages, installed by name when missing:

- wordnet-base: WordNet 3.0's definitions ("teach new skills") and usage
  examples ("We must retrain the linguists who cannot find employment"):
  modern English with a very large vocabulary;
- fortunes: quotations and aphorisms from many authors (only the prose
  files; the offensive set is a separate package, not used);
- jargon-text: the Jargon File's entries, explanatory prose.

Nothing of it is stored in the repository: it is read from the installed
files each time, and `pool_digest` names the exact text used, so two runs
can tell they built from the same source.
"""

import gzip
import hashlib
import os
import re
import subprocess
import sys

WORDNET = "/usr/share/wordnet"
FORTUNES = "/usr/share/games/fortunes"
JARGON = "/usr/share/doc/jargon-text/jargon.txt.gz"
PACKAGES = {"wordnet-base": os.path.join(WORDNET, "data.noun"),
            "fortunes": os.path.join(FORTUNES, "wisdom"),
            "jargon-text": JARGON}
# Prose-like fortune files; code, ASCII art, foreign-language and joke
# collections that mock groups of people are left out.
FORTUNE_FILES = ["art", "cookie", "definitions", "education", "food", "fortunes", "humorists",
                 "kids", "law", "literature", "love", "magic", "medicine", "miscellaneous",
                 "news", "people", "pets", "platitudes", "politics", "pratchett", "science",
                 "sports", "wisdom", "work"]

WORDS = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"\u201d\u2019')]*\s+(?=[\"\u201c\u2018(]*[A-Z])")
# Characters that mark code, tables, markup or attribution rather than prose.
NOT_PROSE = re.compile(r"[{}<>|\\_=#@*^~`$%\[\]]|--|\.\.\.|^\W|\s{2,}")


def ensure_installed():
    """Installs the source packages with apt-get when their files are missing."""
    missing = [name for name, probe in PACKAGES.items() if not os.path.exists(probe)]
    if not missing:
        return
    print(f"installing {', '.join(missing)} (the corpus's source text)", file=sys.stderr)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    sudo = [] if os.geteuid() == 0 else ["sudo", "-n"]
    install = [*sudo, "apt-get", "install", "-y", "-q", "--no-install-recommends", *missing]
    if subprocess.run(install, env=env, stdout=subprocess.DEVNULL).returncode != 0:
        # A fresh machine may have no package lists yet.
        subprocess.run([*sudo, "apt-get", "update", "-q"], env=env, stdout=subprocess.DEVNULL)
        if subprocess.run(install, env=env, stdout=subprocess.DEVNULL).returncode != 0:
            sys.exit(f"could not install {' '.join(missing)}; install them with: "
                     f"apt-get install {' '.join(missing)}")


def _prose(sentence, lo=4, hi=40):
    """The sentence, tidied, if it reads as prose of lo to hi words, else None."""
    sentence = " ".join(sentence.split())
    if NOT_PROSE.search(sentence) or not lo <= len(WORDS.findall(sentence)) <= hi:
        return None
    if sum(c.isalpha() or c.isspace() for c in sentence) < 0.9 * len(sentence):
        return None
    return sentence


def _sentences(paragraph):
    for s in SENTENCE_END.split(" ".join(paragraph.split())):
        s = _prose(s)
        if s and s[0].isupper() and s[-1] in ".!?":
            yield s


def _wordnet():
    """(noun phrases, verb phrases, adjective phrases, example sentences)."""
    parts = {"noun": [], "verb": [], "adj": [], "adv": []}
    examples = []
    for kind in parts:
        with open(os.path.join(WORDNET, f"data.{kind}"), encoding="latin-1") as f:
            for line in f:
                if line.startswith("  ") or "|" not in line:
                    continue
                gloss = line.split("|", 1)[1].strip()
                for quoted in re.findall(r'"([^"]+)"', gloss):
                    s = _prose(quoted)
                    if s:
                        s = s[0].upper() + s[1:]
                        examples.append(s if s[-1] in ".!?" else s + ".")
                definition = re.sub(r"^\([^)]*\)\s*", "", gloss.split(";")[0]).strip()
                definition = _prose(definition, 3, 18)
                if definition and definition[-1] not in ".!?":
                    parts[kind].append(definition)
    return parts["noun"], parts["verb"], parts["adj"] + parts["adv"], examples


def _fortunes():
    out = []
    for name in FORTUNE_FILES:
        path = os.path.join(FORTUNES, name)
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8", errors="replace") as f:
            for cookie in f.read().split("\n%\n"):
                # The attribution ("\t\t-- Author") is not prose.
                text = "\n".join(l for l in cookie.splitlines() if not l.lstrip().startswith("--"))
                out.extend(_sentences(text))
    return out


def _jargon():
    out = []
    with gzip.open(JARGON, "rt", encoding="utf-8") as f:
        paragraphs = f.read().split("\n\n")
    for p in paragraphs:
        p = p.strip()
        if not p or p.startswith(":"):
            continue
        p = re.sub(r"^\d+\.\s+", "", p)
        p = re.sub(r"\{([^}]*)\}", r"\1", p)
        p = re.sub(r"^\[[^\]]*\]\s*", "", p)
        out.extend(_sentences(p))
    return out


class Pool:
    """The pieces: noun, verb and adjective phrases, and whole sentences."""

    def __init__(self):
        ensure_installed()
        self.nouns, self.verbs, self.adjs, examples = _wordnet()
        self.sentences = examples + _fortunes() + _jargon()
        # Duplicates would make the same sentence more likely than others.
        for name in ("nouns", "verbs", "adjs", "sentences"):
            setattr(self, name, sorted(set(getattr(self, name))))

    def digest(self):
        """A short fingerprint of the text used, for comparing runs."""
        h = hashlib.sha256()
        for name in ("nouns", "verbs", "adjs", "sentences"):
            for item in getattr(self, name):
                h.update(item.encode())
                h.update(b"\n")
        return h.hexdigest()[:12]
