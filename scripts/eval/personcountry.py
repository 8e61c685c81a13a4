#!/usr/bin/env python3
"""Person-country accuracy: for predicted persons that match a gold person
(by name or alias, as score.py matches them) and whose gold country is set,
how often the predicted country is the gold one.

usage: personcountry.py EVAL_DIR GOLD_DIR PRED.jsonl [GOLD_DIR PRED.jsonl ...] [-v]

EVAL_DIR holds score.py (its matching is reused). -v lists each miss.
"""
import json
import os
import sys


def main(argv):
    verbose = "-v" in argv
    argv = [a for a in argv if a != "-v"]
    if len(argv) < 3 or len(argv) % 2 != 1:
        sys.exit(__doc__)
    sys.path.insert(0, argv[0])
    from score import Resolver, load_preds
    tot = ok = wrong = empty = extra = 0
    for gd, pf in zip(argv[1::2], argv[2::2]):
        preds = load_preds(pf)
        for f in sorted(os.listdir(gd)):
            if not f.endswith(".json"):
                continue
            with open(os.path.join(gd, f), encoding="utf-8") as fh:
                g = json.load(fh)
            aid = f[:-5]
            res = Resolver(g.get("persons", []))
            gold = {p["name"]: p.get("country") for p in g.get("persons", [])}
            for p in preds.get(aid, {}).get("persons", []):
                c = res(p["name"], p.get("aliases"))
                if c.startswith("?"):
                    continue
                want, got = gold.get(c), p.get("country") or None
                if want:
                    tot += 1
                    if got == want:
                        ok += 1
                    elif got:
                        wrong += 1
                        verbose and print("WRONG", gd, aid, c, want, got)
                    else:
                        empty += 1
                        verbose and print("EMPTY", gd, aid, c, want)
                elif got:
                    extra += 1
                    verbose and print("EXTRA", gd, aid, c, got)
    acc = ok / tot if tot else 0.0
    print(f"person-country: {ok}/{tot} = {acc:.3f}  wrong {wrong}  empty {empty}  set where gold has none {extra}")


if __name__ == "__main__":
    main(sys.argv[1:])
