#!/usr/bin/env python3
"""excel_nl.py SRC DST — re-save every CSV of a data directory as Dutch Excel
does: semicolon delimiter, UTF-8 byte order mark, CRLF line ends, decimal
comma, dates as d-m-yyyy. Other files (policy.json) are copied. Written with
Python's csv module, independently of maatwerk's own writer."""
import csv
import os
import re
import shutil
import sys

NUMBER = re.compile(r"^-?\d+\.\d+$")
DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def excel_cell(text):
    if NUMBER.match(text):
        return text.replace(".", ",")
    m = DATE.match(text)
    if m:
        return "%d-%d-%s" % (int(m.group(3)), int(m.group(2)), m.group(1))
    return text


def main(src, dst):
    os.makedirs(dst, exist_ok=True)
    for name in sorted(os.listdir(src)):
        path = os.path.join(src, name)
        if not name.endswith(".csv"):
            if os.path.isfile(path) and name.endswith(".json"):
                shutil.copy(path, os.path.join(dst, name))
            continue
        with open(path, newline="", encoding="utf-8-sig") as f:
            rows = list(csv.reader(f))
        with open(os.path.join(dst, name), "w", newline="", encoding="utf-8-sig") as f:
            w = csv.writer(f, delimiter=";", lineterminator="\r\n")
            for i, row in enumerate(rows):
                w.writerow(row if i == 0 else [excel_cell(c) for c in row])


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
