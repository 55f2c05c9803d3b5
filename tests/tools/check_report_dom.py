#!/usr/bin/env python3
"""check_report_dom.py RESULTS.json DOM.html CANDIDATE

Checks the DOM that headless Chromium rendered from report.html (--dump-dom)
against results.json, read independently: the candidate's card exists once,
names the proposed employer, shows every task of the package (name and id)
in its day board, and the day board has a column for every working day;
every candidate and employer of results.json has a card; the search block
was unhidden by the page's script (so the script ran). Prints one line per
problem and exits 1 when there is any.
"""
import html
import json
import re
import sys

DAYS = {"ma": "maandag", "di": "dinsdag", "wo": "woensdag", "do": "donderdag", "vr": "vrijdag",
        "za": "zaterdag", "zo": "zondag"}


def anchor(prefix, ident):
    out = prefix + "-"
    for ch in ident.encode("utf-8"):
        c = chr(ch)
        out += c if (c.isascii() and (c.isalnum() or c in ".-")) else "_%02X" % ch
    return out


def main(argv):
    res = json.load(open(argv[1], encoding="utf-8"))
    dom = open(argv[2], encoding="utf-8").read()
    cand = argv[3]
    problems = []
    match = [m for m in res["proposal"] if m["candidate"] == cand]
    if len(match) != 1:
        problems.append("%s is not in the proposal of results.json" % cand)
        return report(problems)
    match = match[0]
    start = dom.find('id="%s"' % anchor("c", cand))
    if start < 0 or dom.count('id="%s"' % anchor("c", cand)) != 1:
        problems.append("no single card for %s in the DOM" % cand)
        return report(problems)
    card = dom[start:dom.find("</section>", start)]
    text = html.unescape(card)
    if match["employer_name"] not in text:
        problems.append("card of %s does not name %s" % (cand, match["employer_name"]))
    board = card[card.find('class="rooster"'):card.find("</table>", card.find('class="rooster"'))]
    board_text = html.unescape(board)
    for t in match["package"]["tasks"]:
        if t["name"] not in board_text or t["id"] not in board_text:
            problems.append("day board of %s lacks task %s (%s)" % (cand, t["id"], t["name"]))
    for d in match["package"]["days"]:
        if "<th scope=\"col\">%s</th>" % DAYS[d] not in board:
            problems.append("day board of %s lacks a column for %s" % (cand, DAYS[d]))
    for c in res["shortlists"]["candidates"]:
        if 'id="%s"' % anchor("c", c["candidate"]) not in dom:
            problems.append("no card for candidate %s" % c["candidate"])
    for e in res["employers"]:
        if 'id="%s"' % anchor("e", e["employer"]) not in dom:
            problems.append("no card for employer %s" % e["employer"])
    if not re.search(r'<div class="zoek" id="zoekblok">', dom):
        problems.append("the search block is still hidden: the page's script did not run")
    return report(problems)


def report(problems):
    for p in problems:
        print(p)
    if not problems:
        print("ok")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
