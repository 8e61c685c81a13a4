#!/usr/bin/env python3
"""Build extract/data/actors.tsv.gz, the names of state actors (heads of
government, ministers of defence, armed forces, intelligence services) with
the state they act for, from PETRARCH2's country actors dictionary. Nothing
is downloaded here.

usage:
  python3 scripts/lexicon/actors.py --petrarch PETRARCH2_DIR [--iso ISO_3166_1_JSON] [--out FILE]

  PETRARCH2_DIR      a checkout of openeventdata/petrarch2 at
                     676801cd9cb2924bbbad09f86d15c9323e7097bf (reads
                     petrarch2/data/dictionaries/Phoenix.Countries.actors.txt,
                     built from the CountryInfo.140130 file of the Computational
                     Event Data System project; MIT)
  ISO_3166_1_JSON    the ISO 3166-1 table of the Debian package iso-codes
                     (default /usr/share/iso-codes/json/iso_3166-1.json): the
                     dictionary's three-letter codes to the two-letter ones
  FILE               default extract/data/actors.tsv.gz (gzip, no name or time
                     in its header, so that it rebuilds byte for byte)

The event layer reads a strike's attacker from these names when the text
gives a state's leader or agency rather than the state ("Obama ordered
airstrikes", "a CIA drone strike": the United States; rule "state actor" in
extract/evforces.go). Taken: every name and synonym of an entry coded, in
some period, as a state's government proper (GOV), its military (GOVMIL,
MIL) or its intelligence service (SPY, GOVSPY), with the state those codes
name; not ministers of other portfolios (GOVAGR, GOVEDU ...), elites out of
office (ELI), nor an entry whose codes name two states. The codes' dates are
left out: the state is what an attacker is read as, whenever the person held
office. Names are written in lower case with spaces, PETRARCH's word-boundary
underscores dropped.

Output, one name a line, sorted (the same input gives the same bytes):
  name<TAB>code<TAB>role   (role: gov, mil or spy)
"""
import argparse
import gzip
import json
import os
import re

ROLES = {"GOV": "gov", "GOVMIL": "mil", "MIL": "mil", "SPY": "spy", "GOVSPY": "spy"}


def read_iso(path):
    d = json.load(open(path, encoding="utf-8"))
    return {c["alpha_3"]: c["alpha_2"] for c in d["3166-1"]}


def entries(path):
    """Yield (names, codes) per dictionary entry: the head line and its "+"
    synonyms, and the bracketed codes under them."""
    names, codes = [], []
    for raw in open(path, encoding="utf-8", errors="replace"):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line.startswith((" ", "\t")) or line.lstrip().startswith("["):
            for m in re.finditer(r"\[([A-Z]+)[^\]]*\]", line):
                codes.append(m.group(1))
            continue
        if line.startswith("+"):
            names.append(line[1:].strip())
            continue
        if names:
            yield names, codes
        names, codes = [line.strip()], []
    if names:
        yield names, codes


def form(name):
    w = name.strip("_").replace("_", " ").lower()
    w = re.sub(r"\s+", " ", w).strip()
    return w if re.fullmatch(r"[a-z][a-z .'\-]*", w) else ""


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--petrarch", required=True)
    ap.add_argument("--iso", default="/usr/share/iso-codes/json/iso_3166-1.json")
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    ap.add_argument("--out", default=os.path.join(root, "extract", "data", "actors.tsv.gz"))
    a = ap.parse_args()
    iso = read_iso(a.iso)
    path = os.path.join(a.petrarch, "petrarch2", "data", "dictionaries", "Phoenix.Countries.actors.txt")
    out = {}  # form -> set of (code, role)
    for names, codes in entries(path):
        states = set()
        for c in codes:
            role = ROLES.get(c[3:])
            if role and c[:3] in iso:
                states.add((iso[c[:3]], role))
        if len({s for s, _ in states}) != 1:
            continue  # no state role, or two states
        code = next(iter(states))[0]
        role = min(r for _, r in states)  # gov before mil before spy
        for n in names:
            f = form(n)
            if f:
                out.setdefault(f, set()).add((code, role))
    lines = []
    for f, cs in sorted(out.items()):
        if len({c for c, _ in cs}) != 1:
            continue  # one name, two states' actors
        lines.append("%s\t%s\t%s\n" % (f, next(iter(cs))[0], min(r for _, r in cs)))
    data = "".join(lines).encode("utf-8")
    with open(a.out, "wb") as fh:
        with gzip.GzipFile(filename="", mode="wb", fileobj=fh, mtime=0, compresslevel=9) as gz:
            gz.write(data)
    print("%s: %d names" % (a.out, len(lines)))


if __name__ == "__main__":
    main()
