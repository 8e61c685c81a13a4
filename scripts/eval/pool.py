#!/usr/bin/env python3
"""Judged precision over several builds of the extractor on one pool of
unannotated real articles, each stored event judged once.

    pool.py chunks VERDICTS PRED.jsonl... [--size 40]
        writes the events of the PRED files that no verdict in VERDICTS
        covers yet as VERDICTS/events-K.jsonl chunks, in the format of
        ../shared/eval/judge.py sample ({"i", "id", "relation", "event"};
        i unique over the folder). A helper judges a chunk by judge.py's
        brief and writes VERDICTS/judgement-K.jsonl next to it.
    pool.py score VERDICTS PRED.jsonl [--errors]
        per relation: events stored, judged, correct, partly, wrong,
        precision (correct / judged) and lenient precision; --errors lists
        the events not judged correct with the judge's reason.

An event is the same event in two builds when its article, relation and
participants agree: the pair of persons (unordered) and the status of a
meeting, the pair of a trip, the attacker and target of a strike. The
place of a meeting, the destination of a trip and the country of a
strike's target are not in the key: a "partly" verdict for a wrong place
carries over to a build that changed only the place. With --place (for a
change of places; give it to both chunks and score, every time, on that
folder) they are: a meeting placed anew is judged anew.
"""
import argparse
import collections
import glob
import json
import os
import re


PLACE = False  # --place: a meeting's place, a trip's destination and a strike's target country are in the key


def key(article, rel, ev):
    if rel == "met":
        k = (article, rel, *sorted((ev.get("a") or "", ev.get("b") or "")), ev.get("status") or "")
    elif rel == "traveled_with":
        k = (article, rel, *sorted((ev.get("a") or "", ev.get("b") or "")))
    else:
        k = (article, rel, ev.get("attacker") or "", ev.get("target") or "")
        return k + (ev.get("target_country") or "",) if PLACE else k
    return k + (placeOf(ev),) if PLACE else k


def events(pred):
    for line in open(pred, encoding="utf-8"):
        art = json.loads(line)
        for rel in ("met", "traveled_with", "struck"):
            for ev in art.get(rel) or []:
                yield art["id"], rel, ev


def verdicts(folder):
    """key -> judgement, the keys already written to a chunk (judged or
    not), and the largest i used."""
    out, written, top = {}, set(), 0
    clash = set()
    for ef in sorted(glob.glob(os.path.join(folder, "events-*.jsonl"))):
        jf = os.path.join(os.path.dirname(ef), os.path.basename(ef).replace("events-", "judgement-"))
        evs = {}
        for line in open(ef, encoding="utf-8"):
            e = json.loads(line)
            evs[e["i"]] = e
            written.add(key(e["id"], e["relation"], e["event"]))
            top = max(top, e["i"])
        if not os.path.exists(jf):
            continue
        for line in open(jf, encoding="utf-8"):
            if not line.strip():
                continue
            j = json.loads(line)
            e = evs.get(j["i"])
            if j.get("verdict") not in ("correct", "partly", "wrong"):
                print(f"{jf}: event {j.get('i')}: verdict {j.get('verdict')!r} is none of correct, partly, wrong; left unjudged")
                continue
            if e:
                k = key(e["id"], e["relation"], e["event"])
                if not PLACE and k in out and placeOf(out[k]["event"]) != placeOf(e["event"]):
                    clash.add(k)
                out[k] = {**j, "event": e["event"], "id": e["id"]}
    if clash:
        print(f"{folder}: {len(clash)} events were judged with different places; "
              "without --place the last verdict of each stands: give --place")
    return out, written, top


def placeOf(ev):
    """A meeting's place or a trip's destination."""
    return ev.get("place") or ev.get("to") or ""


def cmd_chunks(a):
    os.makedirs(a.verdicts, exist_ok=True)
    _, seen, top = verdicts(a.verdicts)
    new = []
    for pred in a.pred:
        for art, rel, ev in events(pred):
            k = key(art, rel, ev)
            if k not in seen:
                seen.add(k)
                new.append({"id": art, "relation": rel, "event": ev})
    nums = [int(m.group(1)) for f in os.listdir(a.verdicts) if (m := re.match(r"events-(\d+)\.jsonl$", f))]
    k0 = max(nums, default=0)
    for c in range(0, len(new), a.size):
        k0 += 1
        with open(os.path.join(a.verdicts, f"events-{k0}.jsonl"), "w", encoding="utf-8") as fh:
            for e in new[c:c + a.size]:
                top += 1
                fh.write(json.dumps({"i": top, **e}, ensure_ascii=False) + "\n")
        print(os.path.join(a.verdicts, f"events-{k0}.jsonl"), len(new[c:c + a.size]))
    print(f"{len(new)} events to judge")


def cmd_score(a):
    vs, _, _ = verdicts(a.verdicts)
    counts = collections.defaultdict(collections.Counter)
    errs = []
    for art, rel, ev in events(a.pred):
        v = vs.get(key(art, rel, ev))
        c = counts[rel]
        c["stored"] += 1
        if not v:
            c["unjudged"] += 1
            continue
        c[v["verdict"]] += 1
        if v["verdict"] != "correct":
            errs.append((rel, art, v["verdict"], v.get("why", ""), ev))
    print(f"{'relation':14} {'stored':>6} {'unjudged':>8} {'correct':>7} {'partly':>6} {'wrong':>5} {'precision':>9} {'lenient':>7}")
    for rel in ("met", "traveled_with", "struck"):
        c = counts[rel]
        n = c["correct"] + c["partly"] + c["wrong"]
        p = f"{c['correct'] / n:.3f}" if n else "-"
        l = f"{(c['correct'] + c['partly']) / n:.3f}" if n else "-"
        print(f"{rel:14} {c['stored']:6} {c['unjudged']:8} {c['correct']:7} {c['partly']:6} {c['wrong']:5} {p:>9} {l:>7}")
    if a.errors:
        for rel, art, verdict, why, ev in errs:
            who = f"{ev.get('a')} / {ev.get('b')}" if rel != "struck" else f"{ev.get('attacker')} -> {ev.get('target')}"
            print(f"{rel}\t{art}\t{verdict}\t{who}\t{why}")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("chunks")
    c.add_argument("verdicts")
    c.add_argument("pred", nargs="+")
    c.add_argument("--size", type=int, default=40)
    s = sub.add_parser("score")
    s.add_argument("verdicts")
    s.add_argument("pred")
    s.add_argument("--errors", action="store_true")
    for q in (c, s):
        q.add_argument("--place", action="store_true", help="a meeting's place and a trip's destination in the event's key")
    a = p.parse_args()
    global PLACE
    PLACE = a.place
    {"chunks": cmd_chunks, "score": cmd_score}[a.cmd](a)


if __name__ == "__main__":
    main()
