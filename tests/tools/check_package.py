#!/usr/bin/env python3
"""check_package.py DIR EXPLAIN.json [assertions...] — an independent check
of a carved package: reads the data directory with Python's csv module (not
maatwerk's reader) and the `maatwerk explain --json` output of one pair, and
verifies every rule of docs/carving-model.md that a bemiddelaar could check
by hand: tasks of the employer, hours, days, slots inside availability and
the task's days and parts, level and flag limits after accommodation,
exposure per day, shares, task counts, supervision capacity, work volumes.

Extra assertions (case-specific):
  no-task=ID            the package does not contain task ID
  no-part=PART          no schedule slot in that part of the day
  no-day=DAY            no schedule slot on that day
  max-hours=H           total hours <= H
  max-day-hours=H       hours on every day <= H
  below-max-slack=F     total hours <= F x the candidate's max_hours_week
  support-between=A,B   the candidate's begeleiding minutes a day lie in [A, B]
  max-load=DIM,L        no package task has load.DIM above L
  infeasible            the pair has no package
  miss=DIM,FROM,TO      the nearest miss moves lim.DIM from FROM to TO (and nothing else)
Exit 0 when everything holds; otherwise prints each violation and exits 1.
"""
import csv
import json
import os
import sys

DAYS = ["ma", "di", "wo", "do", "vr", "za", "zo"]
PARTS = ["ochtend", "middag", "avond", "nacht"]
TOL = 1e-6


def table(d, name):
    with open(os.path.join(d, name + ".csv"), newline="", encoding="utf-8-sig") as f:
        return {r["id"] if "id" in r else r["name"]: r for r in csv.DictReader(f)}


def num(text, default=0.0):
    text = (text or "").strip().replace(",", ".")
    return float(text) if text else default


def day_list(text):
    out = []
    for item in text.replace("+", "|").split("|"):
        item = item.strip()
        if not item:
            continue
        if "-" in item:
            a, b = item.split("-")
            out += DAYS[DAYS.index(a):DAYS.index(b) + 1]
        else:
            out.append(item)
    return out


def availability(text):
    if not text.strip():
        return {(d, p) for d in DAYS for p in PARTS}
    slots = set()
    for item in text.split("|"):
        days, _, parts = item.partition(":")
        plist = parts.split("+") if parts else ["ochtend", "middag"]
        for d in day_list(days):
            for p in plist:
                slots.add((d, p.strip()))
    return slots


class Data:
    """The tables of a data directory and the dimension registry."""

    def __init__(self, data):
        models = os.environ.get("MAATWERK_MODELS", "models")
        reg_path = os.path.join(data, "dimensions.csv")
        if not os.path.exists(reg_path):
            reg_path = os.path.join(models, "dimensions.csv")
        with open(reg_path, newline="", encoding="utf-8-sig") as f:
            self.dims = {r["name"]: r for r in csv.DictReader(f)}
        self.cands, self.emps, self.jobs, self.tasks = (
            table(data, n) for n in ("candidates", "employers", "jobs", "tasks"))


def main(argv):
    data, path = argv[1], argv[2]
    with open(path, encoding="utf-8") as f:
        x = json.load(f)
    bad = check_pair(Data(data), x["candidate"], x["pairs"][0], argv[3:])
    return report(bad)


def check_pair(D, cand_id, pair, asserts):
    """Returns the list of violations of one candidate's pair (explain's or
    results.json's shape: employer, package with tasks and schedule)."""
    dims, cands, emps, jobs, tasks = D.dims, D.cands, D.emps, D.jobs, D.tasks
    c = cands[cand_id]
    e = emps[pair["employer"]]
    bad = []

    def check(cond, what):
        if not cond:
            bad.append(what)

    pkg = pair.get("package")
    for a in asserts:
        key, _, val = a.partition("=")
        if key == "infeasible":
            check(pkg is None, "expected no package")
        elif key == "miss":
            dim, frm, to = val.split(",")
            miss = pair.get("nearest_miss") or {}
            ch = miss.get("changes", [])
            check(len(ch) == 1 and ch[0]["dimension"] == dim and abs(ch[0]["from"] - float(frm)) < TOL
                  and abs(ch[0]["to"] - float(to)) < TOL, "nearest miss %s, want lim.%s %s -> %s" % (ch, dim, frm, to))
    if pkg is None:
        return bad

    mine = [t["id"] for t in pkg["tasks"]]
    lw = num(c.get("loonwaarde"), 1.0)
    total = sum(t["hours"] for t in pkg["tasks"])
    check(abs(total - pkg["hours"]) < 1e-4, "task hours add up to %g, package says %g" % (total, pkg["hours"]))
    check(num(c.get("min_hours_week")) - TOL <= total <= num(c["max_hours_week"]) + TOL,
          "hours %g outside %s..%s" % (total, c.get("min_hours_week"), c["max_hours_week"]))
    n_tasks = len(mine)
    if num(c.get("max_tasks")) > 0:
        check(n_tasks <= num(c.get("max_tasks")), "%d tasks, max_tasks %s" % (n_tasks, c.get("max_tasks")))
    check(n_tasks >= max(1, num(c.get("min_tasks"))), "%d tasks, min_tasks %s" % (n_tasks, c.get("min_tasks")))
    groups = {tasks[t].get("group", "") for t in mine}
    if num(c.get("max_groups")) > 0:
        check(len(groups) <= num(c.get("max_groups")), "%d groups, max_groups %s" % (len(groups), c.get("max_groups")))

    avail = availability(c.get("availability", ""))
    day_hours = {d: 0.0 for d in DAYS}
    task_sched = {t: 0.0 for t in mine}
    task_day = {}
    for s in pkg["schedule"]:
        t = tasks[s["task"]]
        check(s["task"] in mine, "schedule names task %s outside the package" % s["task"])
        check((s["day"], s["part"]) in avail, "%s %s %s is outside the availability" % (s["task"], s["day"], s["part"]))
        tdays = day_list(t.get("days", "")) or DAYS[:5]
        tparts = [p for p in (t.get("part", "") or "ochtend|middag").split("|") if p]
        check(s["day"] in tdays and s["part"] in tparts, "%s scheduled on %s %s, not one of its slots" % (s["task"], s["day"], s["part"]))
        day_hours[s["day"]] += s["hours"]
        task_sched[s["task"]] = task_sched.get(s["task"], 0) + s["hours"]
        task_day[(s["task"], s["day"])] = task_day.get((s["task"], s["day"]), 0) + s["hours"]
    for tid in mine:
        h = [t["hours"] for t in pkg["tasks"] if t["id"] == tid][0]
        check(abs(task_sched[tid] - h) < 1e-4, "schedule of %s holds %g hours, package %g" % (tid, task_sched[tid], h))
    worked = [d for d in DAYS if day_hours[d] > 1e-6]
    check(len(worked) <= num(c.get("max_days_week"), 5), "%d working days, max %s" % (len(worked), c.get("max_days_week")))
    for d in worked:
        check(day_hours[d] <= num(c.get("max_hours_day"), 8) + 1e-4, "%g hours on %s, max_hours_day %s" % (day_hours[d], d, c.get("max_hours_day")))

    need = num(c.get("support_min_day"))
    sup = need * len(worked)
    for tid in mine:
        t = tasks[tid]
        j = jobs[t["job_id"]]
        check(t["employer_id"] == pair["employer"], "%s is not at %s" % (tid, pair["employer"]))
        check(t.get("carvable", "1") != "0" or j.get("is_vacancy", "0") == "1", "%s is not carvable" % tid)
        h = [x2["hours"] for x2 in pkg["tasks"] if x2["id"] == tid][0]
        pace = 1.0 if t.get("time_bound", "0") == "1" else lw
        check(pace * h <= num(t["hours_week"]) + 1e-4, "%s: work %g above its volume %s" % (tid, pace * h, t["hours_week"]))
        if t.get("divisible", "1") == "0":
            check(abs(pace * h - num(t["hours_week"])) < 1e-4, "%s is indivisible but only partly taken" % tid)
        sup += num(t.get("supervision_min_per_hour")) * h
        for name, dim in dims.items():
            load = num(t.get("load." + name))
            lim = (c.get("lim." + name) or "").strip()
            if load <= 0 or lim in ("", "?"):
                if dim["kind"] == "flag" and load > 0 and lim == "":
                    bad.append("%s needs %s, which the candidate lacks" % (tid, name))
                continue
            lim = num(lim)
            if dim["kind"] == "level":
                check(load - num(e.get("acc." + name)) <= lim + TOL, "%s: %s demand %g above the limit %g" % (tid, name, load, lim))
            elif dim["kind"] == "flag":
                check(lim >= 1, "%s needs %s" % (tid, name))
    cap = num(e.get("supervision_min_day")) * num(e.get("working_days"), 5)
    check(sup <= cap + 1e-4, "supervision %g min/week above the capacity %g" % (sup, cap))
    for name, dim in dims.items():
        lim = (c.get("lim." + name) or "").strip()
        if lim in ("", "?") or dim["kind"] not in ("exposure", "share"):
            continue
        lim = num(lim)
        if dim["kind"] == "exposure":
            for d in worked:
                x_ = sum(num(tasks[t].get("load." + name)) * task_day.get((t, d), 0) for t in mine)
                check(x_ <= lim + 1e-4, "%s: %g hours on %s, limit %g" % (name, x_, d, lim))
        else:
            s_ = sum(num(tasks[t].get("load." + name)) * [y["hours"] for y in pkg["tasks"] if y["id"] == t][0] for t in mine)
            check(s_ <= lim * total + 1e-4, "%s: share %g above %g" % (name, s_ / total, lim))

    for a in asserts:
        key, _, val = a.partition("=")
        if key == "no-task":
            check(val not in mine, "contains %s" % val)
        elif key == "no-part":
            check(all(s["part"] != val for s in pkg["schedule"]), "has a slot in the %s" % val)
        elif key == "no-day":
            check(all(s["day"] != val for s in pkg["schedule"]), "has a slot on %s" % val)
        elif key == "max-hours":
            check(total <= float(val) + TOL, "%g hours, want at most %s" % (total, val))
        elif key == "max-day-hours":
            check(all(day_hours[d] <= float(val) + 1e-4 for d in DAYS), "a day above %s hours: %s" % (val, day_hours))
        elif key == "below-max-slack":
            limit = float(val) * num(c["max_hours_week"])
            check(total <= limit + 1e-4, "%g hours, above the slack threshold %g" % (total, limit))
        elif key == "support-between":
            lo, hi = (float(v) for v in val.split(","))
            check(lo <= need <= hi, "support %g min/day outside %g..%g" % (need, lo, hi))
        elif key == "max-load":
            dim, lim = val.split(",")
            for t in mine:
                check(num(tasks[t].get("load." + dim)) <= float(lim), "%s has load.%s %s" % (t, dim, tasks[t].get("load." + dim)))
        elif key in ("infeasible", "miss"):
            pass
        else:
            bad.append("unknown assertion " + a)
    return bad


def report(bad):
    for b in bad:
        print("violation: " + b)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
