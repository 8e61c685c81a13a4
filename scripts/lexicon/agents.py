#!/usr/bin/env python3
"""Build extract/data/agents.tsv, the nouns that name a state's forces or its
government ("the regime", "the army", "government troops", "warplanes"),
from PETRARCH2's CAMEO agents dictionary. Nothing is downloaded here.

usage:
  python3 scripts/lexicon/agents.py --petrarch PETRARCH2_DIR [--wordnet WORDNET_DIR] [--out FILE]

  PETRARCH2_DIR  a checkout of openeventdata/petrarch2 at
                 676801cd9cb2924bbbad09f86d15c9323e7097bf (reads
                 petrarch2/data/dictionaries/Phoenix.agents.txt; MIT)
  WORDNET_DIR    WordNet 3.0 dict files (default /usr/share/wordnet): the
                 plural forms of the head noun
  FILE           default extract/data/agents.tsv

The event layer reads these nouns as attacker candidates when no country
word of their own says whose forces they are (rule "state forces" in
extract/evforces.go). Taken: the agents coded ~GOV, ~MIL and ~GOVMIL,
written in letters, spaces and hyphens only (no abbreviations such as
"Gen.", no aircraft designations such as "F-16", no PETRARCH macros such as
"SERVICE!PERSON!"), at most three words, that WordNet 3.0 reads first as a
group ("regime", "army", "troops") or, for ~MIL, an artifact ("warplane",
"warship"): people ("president", "captain") and places ("embassy") are no
forces, nor a one-word agent WordNet also reads as a person in its first
two senses ("bomber"). A multi-word agent is kept when its first word or its last is such
a noun ("government forces", "military junta") and is matched on its words
in text order.

Output, one agent a line, sorted (the same input gives the same bytes):
  words<TAB>class<TAB>forms
  words  the lower-case lemma words joined by spaces ("government force")
  class  gov or mil (~GOVMIL is mil)
  forms  comma-separated lower-case forms of the last word (singular and
         plural: "force,forces")
"""
import argparse
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from build import WordNet  # noqa: E402

CLASSES = {"~GOV": "gov", "~MIL": "mil", "~GOVMIL": "mil"}
ENTRY = re.compile(r"^([^\s\[{#]+)\s*(\{[^}]*\})?\s*\[(~[A-Z]+)\]")


def read_agents(path):
    """Yields (words, class, irregular plurals) of the dictionary's entries
    of the classes taken."""
    for line in open(path, encoding="utf-8", errors="replace"):
        m = ENTRY.match(line.strip())
        if not m or m.group(3) not in CLASSES:
            continue
        phrase = m.group(1).strip("_")
        if not re.fullmatch(r"[A-Z][A-Z_-]*[A-Z]", phrase):
            continue
        words = [w.lower() for w in phrase.split("_") if w]
        if len(words) > 3:
            continue
        plurals = []
        if m.group(2):
            plurals = [p.strip("_").lower().split("_")[-1] for p in m.group(2)[1:-1].split() if p.strip("_")]
        yield words, CLASSES[m.group(3)], plurals


def first_sense(wn, noun):
    """The lexicographer file of the noun's first WordNet sense, or ""."""
    lf = wn.lexfiles(wn.lemma(noun, "NOUN"), 1)
    return lf[0] if lf else ""


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--petrarch", required=True)
    ap.add_argument("--wordnet", default="/usr/share/wordnet")
    ap.add_argument("--out", default="extract/data/agents.tsv")
    a = ap.parse_args()
    wn = WordNet(a.wordnet)
    src = os.path.join(a.petrarch, "petrarch2", "data", "dictionaries", "Phoenix.agents.txt")
    rows = {}
    for words, cls, plurals in read_agents(src):
        head = wn.lemma(words[-1], "NOUN")
        kinds = ("noun.group", "noun.artifact") if cls == "mil" else ("noun.group",)
        if not any(first_sense(wn, w) in kinds for w in {words[0], head}):
            continue
        if len(words) == 1 and "noun.person" in wn.lexfiles(head, 2):
            continue  # "bomber": a suicide bomber is no state's force
        if head == words[-1] and head.endswith("s"):
            forms = {head}  # "troops", "marines": WordNet has the plural as a word
        else:
            forms = set(wn.forms(head, "NOUN"))
        forms |= {words[-1]} | set(plurals)
        words = words[:-1] + [head]
        key = " ".join(words)
        if key in rows and rows[key][0] != cls:
            cls = "mil" if "mil" in (cls, rows[key][0]) else cls
        old = rows.get(key, (cls, set()))[1]
        rows[key] = (cls, old | forms)
    with open(a.out, "w", encoding="utf-8") as f:
        for key in sorted(rows):
            cls, forms = rows[key]
            f.write("%s\t%s\t%s\n" % (key, cls, ",".join(sorted(forms))))
    print("%d agents -> %s" % (len(rows), a.out), file=sys.stderr)


if __name__ == "__main__":
    main()
