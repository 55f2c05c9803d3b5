#!/usr/bin/env python3
"""golden.py extract RESULTS.json > EXPECTED.json
   golden.py compare RESULTS.json EXPECTED.json

The golden view of a regional proposal: per match the candidate, employer,
task ids with hours and the score; per candidate its shortlist (employer,
score, in_proposal); the unmatched ids; the summary's placements and hours.
compare checks ids exactly and numbers to 1e-4 and prints each difference.
"""
import json
import sys

TOL = 1e-4


def view(res):
    return {
        "proposal": [{"candidate": m["candidate"], "employer": m["employer"],
                      "tasks": [[t["id"], round(t["hours"], 4)] for t in m["package"]["tasks"]],
                      "score": round(m["score"]["total"], 4)} for m in res["proposal"]],
        "shortlists": [{"candidate": c["candidate"],
                        "entries": [[e["employer"], round(e["score"], 4), e["in_proposal"]] for e in c["entries"]]}
                       for c in res["shortlists"]["candidates"]],
        "unmatched": [u["candidate"] for u in res["unmatched"]],
        "summary": {"placements": res["summary"]["placements"], "hours": round(res["summary"]["hours"], 4)},
    }


def diff(a, b, path, out):
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                out.append("%s.%s: only in %s" % (path, k, "expected" if k in b else "result"))
            else:
                diff(a[k], b[k], "%s.%s" % (path, k), out)
    elif isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            out.append("%s: %d items, expected %d" % (path, len(a), len(b)))
        for i, (x, y) in enumerate(zip(a, b)):
            diff(x, y, "%s[%d]" % (path, i), out)
    elif isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        if abs(a - b) > TOL:
            out.append("%s: %r, expected %r" % (path, a, b))
    elif a != b:
        out.append("%s: %r, expected %r" % (path, a, b))


def main(argv):
    with open(argv[2], encoding="utf-8") as f:
        got = view(json.load(f))
    if argv[1] == "extract":
        json.dump(got, sys.stdout, indent=1)
        sys.stdout.write("\n")
        return 0
    with open(argv[3], encoding="utf-8") as f:
        want = json.load(f)
    out = []
    diff(got, want, "", out)
    for line in out[:40]:
        print(line)
    return 1 if out else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
