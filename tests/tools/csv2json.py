#!/usr/bin/env python3
"""csv2json.py SRC DST — write the CSV tables of a data directory as one
DST/data.json (arrays of records; lim./load./acc. nested as objects, x_
notes under "x", numbers as JSON numbers where they read as such, policy.json
as "policy"). Independent of maatwerk's own writer, for the CSV = JSON test."""
import csv
import json
import os
import re
import sys

TABLES = ["dimensions", "employers", "jobs", "tasks", "candidates", "placements"]
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def value(text):
    if NUMBER.match(text):
        return float(text) if "." in text else int(text)
    return text


def main(src, dst):
    os.makedirs(dst, exist_ok=True)
    data = {}
    for table in TABLES:
        path = os.path.join(src, table + ".csv")
        if not os.path.exists(path):
            continue
        with open(path, newline="", encoding="utf-8-sig") as f:
            rows = list(csv.DictReader(f))
        records = []
        for row in rows:
            rec = {}
            for key, text in row.items():
                for prefix in ("lim.", "load.", "acc."):
                    if key.startswith(prefix):
                        if text != "":
                            rec.setdefault(prefix[:-1], {})[key[len(prefix):]] = value(text)
                        break
                else:
                    if key.startswith("x_"):
                        rec.setdefault("x", {})[key[2:]] = text
                    elif text == "":
                        rec[key] = None
                    else:
                        rec[key] = text if table == "dimensions" or key == "id" else value(text)
            records.append(rec)
        data[table] = records
    policy = os.path.join(src, "policy.json")
    if os.path.exists(policy):
        with open(policy, encoding="utf-8") as f:
            data["policy"] = json.load(f)
    with open(os.path.join(dst, "data.json"), "w", encoding="utf-8") as f:
        json.dump(data, f, indent=1, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
