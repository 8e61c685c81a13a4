#!/usr/bin/env python3
"""Score newsgraph's events against the ACE event annotations of m2e2 (VOA news).

usage: m2e2.py ACE_JSONL PRED_JSONL

ACE_JSONL: one document a line, {"id", "events": [{"type", "trigger":
{"start", "end"}, "arguments": [{"role", "text", "start", "end"}]}],
"entities": [{"type", "text", "start", "end"}]}, offsets in code points into
the article (the m2e2 documents rebuilt as described in training/README.md).
PRED_JSONL: `newsgraph extract --format jsonl` on those articles.

ACE is not our guideline, and m2e2 keeps mostly one argument per event, so
the mapping is by sentence (the span from one ACE trigger's sentence is
approximated by the predicted evidence span containing the trigger):
  met     ACE Contact:Meet. Precision: the share of predicted meetings whose
          evidence holds a Contact:Meet trigger. Recall: the share of
          Contact:Meet events with a named person (PER, capitalised) as
          Entity whose sentence has a predicted meeting that includes that
          person (name, alias or surname).
  travel  ACE Movement:Transport, the same way with Artifact persons (a
          Transport need not be a trip together: recall is a lower bound).
  struck  ACE Conflict:Attack. Precision: the share of predicted strikes
          whose evidence holds an Attack trigger. Recall: the share of
          Attack events with a named Place, or a named GPE/LOC/FAC Target,
          whose sentence has a predicted strike on that place. ACE's Attack
          also covers shootings and stabbings that our guidelines leave out:
          recall against it is a lower bound.
"""
import json, sys, unicodedata


def norm(s):
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c)).lower().replace(".", "")
    s = "".join(c if c.isalnum() or c in " '" else " " for c in s)
    return " ".join(s.split())


def named(text):
    w = text.split()
    return bool(w) and all(x[:1].isupper() for x in w if x.lower() not in ("al", "bin", "de", "van", "von", "of"))


REL = {"met": ("Contact:Meet", "Entity"), "traveled_with": ("Movement:Transport", "Artifact"),
       "struck": ("Conflict:Attack", None)}


def main(argv):
    if len(argv) != 2:
        sys.exit(__doc__)
    gold = {json.loads(l)["id"]: json.loads(l) for l in open(argv[0], encoding="utf-8")}
    preds = {json.loads(l)["id"]: json.loads(l) for l in open(argv[1], encoding="utf-8")}
    print(f"{'relation':15} {'P':>6} {'R':>6} {'F1':>6}   (precision n, recall n; {len(gold)} documents, ACE mapping)")
    for rel, (etype, role) in REL.items():
        pp = pn = rp = rn = 0
        for i, doc in gold.items():
            p = preds.get(i, {})
            ents = {(e["start"], e["end"]): e["type"] for e in doc["entities"]}
            trig = [ev for ev in doc["events"] if ev["type"] == etype]
            pev = p.get(rel) or []
            for e in pev:
                pn += 1
                if any(e["evidence_start"] <= t["trigger"]["start"] < e["evidence_end"] for t in trig):
                    pp += 1
            forms = {}
            for per in p.get("persons") or []:
                fs = {norm(per["name"])} | {norm(a) for a in per.get("aliases") or []}
                forms[per["name"]] = fs | {f.split()[-1] for f in fs if f}
            for t in trig:
                ts = t["trigger"]["start"]
                here = [e for e in pev if e["evidence_start"] <= ts < e["evidence_end"]]
                if rel == "struck":
                    places = [a for a in t["arguments"] if named(a["text"]) and (a["role"] == "Place" or a["role"] == "Target" and ents.get((a["start"], a["end"])) in ("GPE", "LOC", "FAC"))]
                    for a in places:
                        rn += 1
                        g = norm(a["text"])
                        if any(g == norm(e["target"]) or g in norm(e["target"]) or norm(e["target"]) in g for e in here):
                            rp += 1
                    continue
                people = [a for a in t["arguments"] if a["role"] == role and ents.get((a["start"], a["end"])) == "PER" and named(a["text"])]
                for a in people:
                    rn += 1
                    g = norm(a["text"])
                    def has(name):
                        fs = forms.get(name, {norm(name)})
                        return g in fs or g.split()[-1] in fs
                    if any(has(e["a"]) or has(e["b"]) for e in here):
                        rp += 1
        pr = pp / pn if pn else 0.0
        rc = rp / rn if rn else 0.0
        f = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        print(f"{rel:15} {pr:6.3f} {rc:6.3f} {f:6.3f}   ({pp}/{pn}, {rp}/{rn})")


if __name__ == "__main__":
    main(sys.argv[1:])
