#!/usr/bin/env python3
"""report.py RUNS BENCHDIR — the second half of `make bench` (bench/run.sh).

Reads the measurements bench/run.sh left in RUNS (per run: NAME.meta,
NAME.time from /usr/bin/time, NAME.log, and for maatwerk its results.json
and run.json), parses the baselines' logs (glpsol, cbc), writes
BENCHDIR/results.json (machine-readable, schema maatwerk.bench/1) and
regenerates the part of BENCHDIR/README.md between the bench:begin and
bench:end markers. Everything outside the markers is hand-written.
"""
import json
import math
import os
import re
import sys


def read(path, default=None):
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except OSError:
        return default


def kv(path):
    out = {}
    for line in (read(path, "") or "").splitlines():
        if " " in line:
            k, v = line.split(" ", 1)
            out[k] = v.strip()
    return out


def timing(runs, name):
    t = read(os.path.join(runs, name + ".time"))
    if not t:
        return None
    last = [l for l in t.splitlines() if l.strip()][-1].split()
    meta = kv(os.path.join(runs, name + ".meta"))
    # /usr/bin/time writes %x as 0 for a process killed by a signal (a
    # baseline's failed allocation aborts it), with a line that names it
    sig = re.search(r"terminated by signal (\d+)", t)
    code = 128 + int(sig.group(1)) if sig else int(last[4])
    return {"wall_s": float(last[0]), "cpu_s": round(float(last[1]) + float(last[2]), 2),
            "peak_rss_mib": round(int(last[3]) / 1024.0, 1), "exit": code,
            "load_before": meta.get("load_before"), "load_after": meta.get("load_after")}


def maatwerk(runs, name):
    t = timing(runs, name)
    res = read(os.path.join(runs, name + ".results.json"))
    if t is None or res is None:
        return None
    s = json.loads(res)["meta"]["solver"]
    run = json.loads(read(os.path.join(runs, name + ".run.json"), "{}"))
    t.update({"objective": s["objective"], "bound": s["lp_bound"],
              "bound_all_pairs": s.get("bound_all_pairs", s["lp_bound"]),
              "gap": s["gap"], "master_status": s["master_status"], "converged": s["converged"],
              "pairs_carved": s["pairs"], "pruned_pairs": s.get("pruned_pairs", 0),
              "top_pairs": s.get("top_pairs", 0), "columns": s["columns"],
              "deferred_pairs": s.get("deferred_pairs", 0), "deferred_carved": s.get("deferred_carved", 0),
              "iterations": s["iterations"], "carve_solves": s["carve_solves"],
              "pricing_solves": s["pricing_solves"], "stages_s": run.get("timings", {})})
    return t


NUM = r"([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)"


def baseline(runs, name, parse, optimal, time_limit):
    """The figures of a baseline run: parse(log) gives (objective, bound);
    optimal / time_limit are the log lines that say how the solve ended."""
    t = timing(runs, name)
    if t is None:
        return None
    log = read(os.path.join(runs, name + ".log"), "")
    obj, bound = parse(log)
    if optimal in log:
        status = "optimal"
        bound = obj
    elif time_limit in log:
        status = "time_limit"
    elif t["exit"] == 124:
        status = "killed"             # the time guard (cap + 240 s) stopped it: no result
    elif t["exit"] != 0:
        status = "failed"             # the memory guard, or an error
    else:
        status = "other"
    t.update({"objective": obj, "bound": bound, "status": status,
              "cap_s": int(read(os.path.join(runs, name + ".cap"), "0"))})
    return t


def glpsol_parse(log):
    obj = bound = None
    for m in re.finditer(r"^[+*]\s*\d+: (?:mip|>>>>>) =\s+(not found yet|" + NUM[1:-1] + r")\s+<=\s+(tree is empty|"
                         + NUM[1:-1] + r")", log, re.M):
        obj = None if m.group(1) == "not found yet" else float(m.group(1))
        bound = None if m.group(2) == "tree is empty" else float(m.group(2))
    return obj, bound


def cbc_parse(log):
    obj = bound = None
    m = re.search(r"^Objective value:\s+" + NUM, log, re.M)
    if m and abs(float(m.group(1))) < 1e40 and "No feasible solution found" not in log:
        obj = float(m.group(1))
    else:                                 # stopped from outside: its last incumbent, if any
        for m in re.finditer(r"Integer solution of " + NUM, log):
            obj = -float(m.group(1))
    for m in re.finditer(r"best possible " + NUM, log):
        bound = -float(m.group(1))        # cbc minimises internally: the bound of the maximum
    return obj, bound


def glpsol(runs, name):
    return baseline(runs, name, glpsol_parse, "INTEGER OPTIMAL SOLUTION FOUND", "TIME LIMIT EXCEEDED")


def cbc(runs, name):
    return baseline(runs, name, cbc_parse, "Result - Optimal solution found", "Stopped on time")


def fmt(v, nd=2):
    if v is None:
        return "–"
    if isinstance(v, float):
        return ("%%.%df" % nd) % v
    return str(v)


def ratio(a, b, nd=1):
    if a is None or b is None or b == 0:
        return "–"
    return ("%%.%df×" % nd) % (a / b)


def main(argv):
    runs, bench = argv[1], argv[2]
    machine = kv(os.path.join(runs, "machine.txt"))
    names = sorted({f.split(".")[0][3:] for f in os.listdir(runs) if f.startswith("mw-") and f.endswith(".time")})
    regions = []
    for n in names:
        size = (read(os.path.join(runs, n + ".size"), "0 0") or "0 0").split()
        mw = maatwerk(runs, "mw-" + n)
        on, off = maatwerk(runs, "mwK-" + n), maatwerk(runs, "mw0-" + n)
        if mw and mw["top_pairs"] > 0 and off:
            on = mw
        if mw and mw["top_pairs"] == 0 and on:
            off = mw
        tl = (read(os.path.join(runs, n + ".time_limit"), "") or "").strip()
        regions.append({"region": n, "candidates": int(size[0]), "employers": int(size[1]),
                        "time_limit_s": float(tl) if tl else None,
                        "maatwerk": mw, "maatwerk_pruned": on,
                        "maatwerk_no_pruning": off,
                        "export_mip": timing(runs, "export-" + n),
                        "lp_bytes": int((read(os.path.join(runs, "export-" + n + ".bytes"), "0") or "0").strip() or 0),
                        "glpsol": glpsol(runs, "glpsol-" + n), "cbc": cbc(runs, "cbc-" + n)})
    regions.sort(key=lambda r: r["candidates"])
    # the best known bound over every pair: the smallest valid one
    for r in regions:
        b = []
        mw, mw0, mwk = r["maatwerk"], r["maatwerk_no_pruning"], r["maatwerk_pruned"]
        for x in (mw, mw0, mwk):
            if x:
                b.append(x["bound_all_pairs"])
        for s in ("glpsol", "cbc"):
            if r[s] and r[s]["bound"] is not None:
                b.append(r[s]["bound"])
        r["best_bound"] = min(b) if b else None
        objs = [x["objective"] for x in (mw, mw0, mwk, r["glpsol"], r["cbc"]) if x and x["objective"] is not None]
        r["best_objective"] = max(objs) if objs else None
    # log-log slope of maatwerk's wall time against candidates
    pts = [(math.log(r["candidates"]), math.log(r["maatwerk"]["wall_s"])) for r in regions
           if r["maatwerk"] and r["maatwerk"]["wall_s"] > 0 and r["candidates"] > 0]
    slope = None
    if len(pts) >= 2:
        mx = sum(p[0] for p in pts) / len(pts)
        my = sum(p[1] for p in pts) / len(pts)
        sxx = sum((p[0] - mx) ** 2 for p in pts)
        slope = sum((p[0] - mx) * (p[1] - my) for p in pts) / sxx if sxx else None
    out = {"schema": "maatwerk.bench/1", "machine": machine, "regions": regions,
           "loglog_slope_wall_vs_candidates": slope, "sizes_in_slope": len(pts)}
    with open(os.path.join(bench, "results.json"), "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1, sort_keys=False)
        f.write("\n")

    L = []
    L.append("Generated by `make bench` (bench/run.sh, bench/report.py) on %s, commit %s." %
             (machine.get("date", "?"), machine.get("commit", "?")))
    L.append("")
    mem = int(machine.get("mem_kib", "0") or 0) / 1024.0 / 1024.0
    L.append("Machine: %s cores (`nproc`), %s, %.1f GiB memory, %s; %s; %s. maatwerk ran with "
             "`--threads %s`; generator seed %s." %
             (machine.get("nproc", "?"), machine.get("cpu", "?"), mem, machine.get("kernel", "?"),
              machine.get("glpsol", "glpsol ?"), machine.get("cbc", "cbc ?"), machine.get("threads", "?"),
              machine.get("seed", "?")))
    L.append("")
    L.append("### maatwerk against the baselines (the monolithic MIP of `export-mip`)")
    L.append("")
    L.append("Objectives in points (higher is better). *best bound*: the smallest valid upper bound over "
             "every pair known from this run (maatwerk's `bound_all_pairs`, maatwerk without pruning, "
             "glpsol's and cbc's bounds); *gap* = 1 − objective / best bound. Time ratios are the "
             "baseline's wall time over maatwerk's: a baseline that hit its cap was stopped there, so its "
             "ratio is a lower bound on the true one. A baseline that *failed* (out of the 8 GiB memory "
             "guard, or an error) has no ratio: it gave nothing to compare.")
    L.append("")
    L.append("| region | solver | wall s | CPU s | peak MiB | status | objective | own bound | gap to best bound | "
             "time ÷ maatwerk | objective ÷ maatwerk |")
    L.append("|---|---|---:|---:|---:|---|---:|---:|---:|---:|---:|")
    for r in regions:
        mw = r["maatwerk"]
        if not mw or not (r["glpsol"] or r["cbc"]):
            continue
        bb = r["best_bound"]

        def gap(o):
            return "–" if o is None or not bb else "%.2f%%" % (100 * (1 - o / bb))
        label = "%s (%d × %d)" % (r["region"], r["candidates"], r["employers"])
        L.append("| %s | maatwerk | %s | %s | %s | %s | %s | %s | %s | 1× | 1× |" %
                 (label, fmt(mw["wall_s"]), fmt(mw["cpu_s"]), fmt(mw["peak_rss_mib"], 0), mw["master_status"],
                  fmt(mw["objective"]), fmt(mw["bound"]), gap(mw["objective"])))
        for s in ("glpsol", "cbc"):
            b = r[s]
            if not b:
                continue
            stopped = b["status"] in ("time_limit", "killed")
            L.append("| | %s (cap %d s) | %s | %s | %s | %s | %s | %s | %s | %s | %s |" %
                     (s, b["cap_s"], fmt(b["wall_s"]), fmt(b["cpu_s"]), fmt(b["peak_rss_mib"], 0), b["status"],
                      fmt(b["objective"]), fmt(b["bound"]), gap(b["objective"]),
                      "– (failed)" if b["status"] == "failed" else
                      ("≥ " if stopped else "") + ratio(b["wall_s"], mw["wall_s"]),
                      ratio(b["objective"], mw["objective"], 3) if b["objective"] is not None else "no solution"))
        L.append("| | best bound | | | | | | %s | | | |" % fmt(bb))
    L.append("")
    L.append("### Pruning (`--top-pairs`) on and off")
    L.append("")
    L.append("| region | top pairs | pairs carved | pairs pruned | deferred: carved of | wall s | objective | "
             "objective lost | bound (retained pairs) |")
    L.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in regions:
        mw, mw0 = r["maatwerk_pruned"], r["maatwerk_no_pruning"]
        if not mw or not mw0:
            continue
        lost = (mw0["objective"] - mw["objective"]) / mw0["objective"] if mw0["objective"] else None
        L.append("| %s | %d | %d | %d | %d of %d | %s | %s | %s | %s |" %
                 (r["region"], mw["top_pairs"], mw["pairs_carved"], mw["pruned_pairs"], mw["deferred_carved"],
                  mw["deferred_pairs"], fmt(mw["wall_s"]),
                  fmt(mw["objective"]), "%.3f%%" % (100 * lost) if lost is not None else "–", fmt(mw["bound"])))
        L.append("| | 0 (off) | %d | 0 | – | %s | %s | (reference) | %s |" %
                 (mw0["pairs_carved"], fmt(mw0["wall_s"]), fmt(mw0["objective"]), fmt(mw0["bound"])))
    L.append("")
    L.append("### Scaling series (maatwerk, default options; K: the pruning's top pairs per candidate in force; "
             "`converged` and the pricing rounds are in results.json)")
    L.append("")
    L.append("| region | candidates | employers | K | pairs through filters | carved | wall s | CPU s | peak MiB | "
             "carve s | pricing s | master s | objective | gap to own bound | status |")
    L.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for r in regions:
        mw = r["maatwerk"]
        if not mw:
            continue
        st = mw["stages_s"]
        L.append("| %s | %d | %d | %s | %d | %d | %s | %s | %s | %s | %s | %s | %s | %.2f%% | %s |" %
                 (r["region"] + (" (`--time-limit %g`)" % r["time_limit_s"] if r["time_limit_s"] else ""),
                  r["candidates"], r["employers"], mw["top_pairs"] or "all", mw["pairs_carved"] + mw["pruned_pairs"],
                  mw["pairs_carved"], fmt(mw["wall_s"]), fmt(mw["cpu_s"]), fmt(mw["peak_rss_mib"], 0),
                  fmt(st.get("carve")), fmt(st.get("pricing")), fmt(st.get("master")), fmt(mw["objective"]),
                  100 * mw["gap"], mw["master_status"]))
    L.append("")
    L.append("Log–log slope of wall time against candidates (least squares over %d sizes): **%s**." %
             (len(pts), fmt(slope)))
    L.append("")
    L.append("Load on the machine (1-minute load average before → after each run; the bench's own runs "
             "raise it towards 1 or 2, more than that is other work on the same 2 cores):")
    L.append("")
    for r in regions:
        for key in ("maatwerk", "maatwerk_pruned", "maatwerk_no_pruning", "glpsol", "cbc"):
            x = r[key]
            if x and (key == "maatwerk" or x is not r["maatwerk"]):
                L.append("- %s %s: %s → %s" % (r["region"], key, (x["load_before"] or "?").split()[0],
                                              (x["load_after"] or "?").split()[0]))
    table = "\n".join(L)

    path = os.path.join(bench, "README.md")
    text = read(path, "") or ""
    begin, end = "<!-- bench:begin -->", "<!-- bench:end -->"
    if begin in text and end in text:
        text = text[:text.index(begin) + len(begin)] + "\n" + table + "\n" + text[text.index(end):]
    else:
        text = text + "\n" + begin + "\n" + table + "\n" + end + "\n"
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
