#!/usr/bin/env python3
"""check_results.py DIR RESULTS.json — an independent check of a regional
proposal: reads the data directory with Python's csv module and maatwerk's
results.json, and verifies that
  - every proposed package is feasible for its candidate (check_package.py's
    rules: hours, days, slots, limits, exposure, shares, supervision of the pair);
  - each candidate has at most one match;
  - no task's work is promised beyond its volume (summed over matches);
  - no employer gets more matches than its intake (max_new_placements);
  - no employer's supervision minutes are overbooked (need x days + task minutes);
  - donor jobs keep their residual hours (unless a match takes the vacancy);
  - the summary's placements and hours add up.
Exit 0 when everything holds; otherwise prints each violation and exits 1.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_package import Data, check_pair, num  # noqa: E402

TOL = 1e-4


def main(argv):
    D = Data(argv[1])
    with open(argv[2], encoding="utf-8") as f:
        res = json.load(f)
    bad = []
    seen = set()
    work = {}
    placed = {}
    sup = {}
    donor = {}
    vacancy = set()
    hours = 0.0
    for mt in res["proposal"]:
        cid, eid = mt["candidate"], mt["employer"]
        if cid in seen:
            bad.append("candidate %s matched twice" % cid)
        seen.add(cid)
        bad += ["%s at %s: %s" % (cid, eid, v) for v in check_pair(D, cid, mt, [])]
        pkg = mt["package"]
        hours += pkg["hours"]
        placed[eid] = placed.get(eid, 0) + 1
        c = D.cands[cid]
        days = {s["day"] for s in pkg["schedule"] if s["hours"] > 1e-9}
        sup[eid] = sup.get(eid, 0) + num(c.get("support_min_day")) * len(days)
        if pkg.get("vacancy_job"):
            vacancy.add(pkg["vacancy_job"])
        for t in pkg["tasks"]:
            work[t["id"]] = work.get(t["id"], 0) + t["work"]
            sup[eid] += num(D.tasks[t["id"]].get("supervision_min_per_hour")) * t["hours"]
            j = D.tasks[t["id"]]["job_id"]
            donor[j] = donor.get(j, 0) + t["work"]
    for tid, w in sorted(work.items()):
        if w > num(D.tasks[tid]["hours_week"]) + TOL:
            bad.append("task %s: %g hours of work promised, volume %s" % (tid, w, D.tasks[tid]["hours_week"]))
    for eid, n in sorted(placed.items()):
        e = D.emps[eid]
        if n > num(e.get("max_new_placements"), 1):
            bad.append("employer %s: %d matches, intake %s" % (eid, n, e.get("max_new_placements") or "1"))
        cap = num(e.get("supervision_min_day")) * num(e.get("working_days"), 5)
        if sup[eid] > cap + TOL:
            bad.append("employer %s: %g supervision minutes a week, capacity %g" % (eid, sup[eid], cap))
    for jid, w in sorted(donor.items()):
        j = D.jobs[jid]
        r = num(j.get("min_residual_hours"))
        if r > 0 and jid not in vacancy and w > num(j["hours_week"]) - r + TOL:
            bad.append("job %s: %g hours of work carved, must keep %g of %s" % (jid, w, r, j["hours_week"]))
    summ = res["summary"]
    if summ["placements"] != len(res["proposal"]):
        bad.append("summary placements %s, proposal has %d" % (summ["placements"], len(res["proposal"])))
    if abs(summ["hours"] - hours) > 1e-3:
        bad.append("summary hours %s, matches add up to %g" % (summ["hours"], hours))
    for b in bad:
        print("violation: " + b)
    print("checked %d matches" % len(res["proposal"]))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
