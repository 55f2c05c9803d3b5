#!/usr/bin/env python3
"""check_employer_view.py DATA_DIR MODELS_DIR OUT_DIR

An independent check of maatwerk's employer view (OUT/employers/*.html and
*.json) against the input files themselves (candidates.csv, tasks.csv,
jobs.csv and the dimension registry), not against the engine's own model:

- every match of OUT/results.json has its candidate in its employer's files,
  and no other candidate appears there;
- for a candidate without consent_employer_view, the candidate's section
  (HTML: the <section data-candidate="ID"> element; JSON: its object) names
  none of the dimensions for which candidates.csv holds a limit (lim.<dim>
  with a value), neither as "lim.<dim>" nor as the dimension's name (with
  '_' or ' '), and carries no explanation wording or key (binding limits,
  signaleringen, score terms, nearest miss); the package's own task names
  and job titles are taken out before searching, as they are employer data;
- for a consenting candidate with signaleringen in results.json, the
  section does show them (so the search above looks at the right text).
Prints one line per problem, then a count line; exits 1 on any problem.
"""
import csv
import glob
import html
import json
import os
import re
import sys

FORBIDDEN_WORDS = ["wat begrenst", "signalering", "grens", "waarom het past", "dichtstbijzijnde",
                   "belastbaarheid", "gegevensdekking", "punten"]
FORBIDDEN_KEYS = ["binding_limits", "signaleringen", "score", "coverage", "nearest_miss", "limits"]


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        head = f.readline()
        f.seek(0)
        if head.startswith("\ufeff"):
            f.read(1)
        delim = max(",;\t", key=head.count)
        return list(csv.DictReader(f, delimiter=delim))


def file_id(name):
    base = os.path.basename(name).rsplit(".", 1)[0]
    return re.sub(r"%([0-9A-F]{2})", lambda m: chr(int(m.group(1), 16)), base)


def main(argv):
    data, models, out = argv[1], argv[2], argv[3]
    dims_path = os.path.join(data, "dimensions.csv")
    if not os.path.exists(dims_path):
        dims_path = os.path.join(models, "dimensions.csv")
    dims = [r["name"] for r in read_csv(dims_path)]
    cands = {r["id"]: r for r in read_csv(os.path.join(data, "candidates.csv"))}
    tasks = {r["id"]: r for r in read_csv(os.path.join(data, "tasks.csv"))}
    jobs = {r["id"]: r for r in read_csv(os.path.join(data, "jobs.csv"))}
    res = json.load(open(os.path.join(out, "results.json"), encoding="utf-8"))
    problems = []
    proposed = {}
    for m in res["proposal"]:
        proposed.setdefault(m["employer"], []).append(m)
    files = {}
    for path in glob.glob(os.path.join(out, "employers", "*")):
        files.setdefault(file_id(path), {})[path.rsplit(".", 1)[1]] = path
    if set(files) != set(proposed):
        problems.append("employer files %s, employers with proposals %s" % (sorted(files), sorted(proposed)))
    checked = {"consenting": 0, "not consenting": 0}
    for emp, matches in sorted(proposed.items()):
        f = files.get(emp, {})
        if "html" not in f or "json" not in f:
            problems.append("%s: missing html or json" % emp)
            continue
        page = open(f["html"], encoding="utf-8").read()
        view = json.load(open(f["json"], encoding="utf-8"))
        ids = [c["candidate"] for c in view["candidates"]]
        if ids != [m["candidate"] for m in matches]:
            problems.append("%s: json lists %s, results.json proposes %s" % (emp, ids, [m["candidate"] for m in matches]))
        if sorted(re.findall(r'data-candidate="([^"]*)"', page)) != sorted(html.escape(m["candidate"]) for m in matches):
            problems.append("%s: html sections do not match the proposal" % emp)
        for m in matches:
            cid = m["candidate"]
            row = cands[cid]
            consent = row.get("consent_employer_view", "0").strip() == "1"
            a = page.find('data-candidate="%s"' % html.escape(cid))
            section = html.unescape(page[a:page.find("</section>", a)]) if a >= 0 else ""
            obj = next((c for c in view["candidates"] if c["candidate"] == cid), {})
            js = json.dumps(obj, ensure_ascii=False)
            if consent:
                checked["consenting"] += 1
                if m["signaleringen"] and "Signaleringen" not in section:
                    problems.append("%s at %s: consenting, but the signaleringen are not shown" % (cid, emp))
                continue
            checked["not consenting"] += 1
            limited = [d for d in dims if row.get("lim." + d, "").strip() not in ("", "?")]
            data_text = []
            for t in m["package"]["tasks"]:
                data_text += [tasks[t["id"]]["name"], jobs[tasks[t["id"]]["job_id"]]["title"]]
            for where, text in (("html", section), ("json", js)):
                low = text.lower()
                for d in data_text:
                    low = low.replace(d.lower(), " ")
                for d in limited:
                    for word in ("lim." + d, d, d.replace("_", " ")):
                        if word.lower() in low:
                            problems.append("%s at %s (%s): names the limit '%s'" % (cid, emp, where, word))
                if where == "html":
                    for w in FORBIDDEN_WORDS:
                        if w in low:
                            problems.append("%s at %s (html): explanation wording '%s'" % (cid, emp, w))
            for k in FORBIDDEN_KEYS:
                if k in obj:
                    problems.append("%s at %s (json): key '%s'" % (cid, emp, k))
            if obj.get("consent_employer_view") is not False:
                problems.append("%s at %s (json): consent_employer_view is not false" % (cid, emp))
    for p in problems:
        print(p)
    print("%d consenting and %d non-consenting proposed candidates checked" %
          (checked["consenting"], checked["not consenting"]))
    if not checked["not consenting"]:
        print("no non-consenting candidate was proposed: nothing was checked")
        return 1
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
