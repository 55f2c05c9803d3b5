#!/usr/bin/env python3
"""csvedit.py — small edits of a comma-separated test table, keeping LF line ends.

  csvedit.py set FILE ID COLUMN VALUE     set one cell of the row whose first cell is ID
  csvedit.py addcol FILE COLUMN VALUE     add a column with VALUE in every row
  csvedit.py delcol FILE COLUMN           remove a column
Used by tests/bad/cases.txt to make malformed inputs from tests/data/mini.
"""
import csv
import sys


def load(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


def save(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


def main(argv):
    op, path = argv[1], argv[2]
    rows = load(path)
    head = rows[0]
    if op == "set":
        key, col, value = argv[3], argv[4], argv[5]
        c = head.index(col)
        hit = [r for r in rows[1:] if r and r[0] == key]
        if not hit:
            sys.exit("csvedit: no row " + key)
        hit[0][c] = value
    elif op == "addcol":
        head.append(argv[3])
        for r in rows[1:]:
            r.append(argv[4])
    elif op == "delcol":
        c = head.index(argv[3])
        for r in rows:
            del r[c]
    else:
        sys.exit("csvedit: unknown operation " + op)
    save(path, rows)


if __name__ == "__main__":
    main(sys.argv)
