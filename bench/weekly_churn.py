#!/usr/bin/env python3
"""weekly_churn.py BIN WORKDIR [N M SEED] — the effect of --previous on churn
in a generated region (issue 8; not part of make test).

Week 1: `maatwerk gen --candidates N --employers M --seed SEED`, run.
Week 2: the same region with 5 placed candidates gone and 10 new ones
(copies of placed candidates under new ids), run once with --previous
week1/results.json and once without. Prints, for both, the diff against
week 1 (new, kept, changed, dropped, with the reasons of the changes) and
the objective; churn = changed + dropped. MAATWERK_MODELS must point at
the models directory.
"""
import csv
import json
import os
import shutil
import subprocess
import sys


def main(argv):
    binary, work = argv[1], argv[2]
    n, m, seed = argv[3:6] + ["200", "40", "7"][len(argv[3:6]):]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    d1, d2 = os.path.join(work, "data"), os.path.join(work, "data2")
    subprocess.run([binary, "gen", "--candidates", n, "--employers", m, "--seed", seed, "-o", d1],
                   check=True, capture_output=True)
    w1 = os.path.join(work, "w1")
    subprocess.run([binary, "run", d1, "-o", w1, "--quiet", "--threads", "1"], check=True)
    placed = [x["candidate"] for x in json.load(open(os.path.join(w1, "results.json")))["proposal"]]
    shutil.copytree(d1, d2)
    path = os.path.join(d2, "candidates.csv")
    rows = list(csv.reader(open(path, newline="", encoding="utf-8")))
    drop = set(placed[::11][:5])
    body = [r for r in rows[1:] if r[0] not in drop]
    for i, r in enumerate([r for r in rows[1:] if r[0] in placed[1::7]][:10]):
        body.append(["NEW%02d" % i] + r[1:])
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows([rows[0]] + body)
    print("week 1: %d placed of %s candidates; week 2: %d removed, 10 new" % (len(placed), n, len(drop)))
    for prev in (True, False):
        out = os.path.join(work, "w2-previous" if prev else "w2-plain")
        cmd = [binary, "run", d2, "-o", out, "--quiet", "--threads", "1"]
        if prev:
            cmd += ["--previous", os.path.join(w1, "results.json")]
        subprocess.run(cmd, check=True)
        d = json.loads(subprocess.run([binary, "diff", os.path.join(w1, "results.json"),
                                       os.path.join(out, "results.json"), "--json"],
                                      capture_output=True, text=True, check=True).stdout)
        reasons = {}
        for e in d["entries"]:
            if e["status"] in ("changed", "dropped"):
                reasons[e["reason"]] = reasons.get(e["reason"], 0) + 1
        s = json.load(open(os.path.join(out, "results.json")))
        c = d["counts"]
        print("%-16s new %d kept %d changed %d dropped %d (churn %d; reasons %s); objective %.4f, %d placed" %
              ("with --previous" if prev else "without", c["new"], c["kept"], c["changed"], c["dropped"],
               c["changed"] + c["dropped"], json.dumps(reasons, sort_keys=True),
               s["meta"]["solver"]["objective"], s["summary"]["placements"]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
