#!/bin/sh
# tests/e2e-prune.sh — end-to-end checks of pair pruning (run --top-pairs,
# issue 6) on the binary named by BIN_UNDER_TEST: bad values exit 2 with the
# exact message and write nothing; small regions are not pruned by default;
# a pruned proposal passes the independent regional checker, counts its
# pruned pairs, keeps its bound over every pair above the retained one, and
# does not depend on the thread count. Prints "ok NAME" / "not ok NAME".
set -u
BIN=$BIN_UNDER_TEST
W=$TMP/e2e-prune-$(basename "$BIN")
rm -rf "$W"; mkdir -p "$W"
. "$ROOT/tests/e2e-lib.sh"
CB=$ROOT/datasets/casebook
export MAATWERK_MODELS="$ROOT/models"

# --- bad values ------------------------------------------------------------
for v in x -1 1000001 ""; do
    "$BIN" run "$CB" -o "$W/bad" --quiet --top-pairs "$v" > "$W/out" 2> "$W/err"; rc=$?
    got=$(head -n 1 "$W/err")
    want="maatwerk: --top-pairs: expected a number 0..1000000, got '$v'"
    if [ "$rc" = 2 ] && [ "$got" = "$want" ] && [ ! -e "$W/bad" ]; then ok "run --top-pairs '$v' is refused"
    else notok "run --top-pairs '$v' is refused" "exit $rc, got: $got" "want: $want"; fi
done
check_rc "run --top-pairs without a value exits 2" 2 "$BIN" run "$CB" --top-pairs
if "$BIN" --help | grep -q -- "--top-pairs K"; then ok "help names --top-pairs"; else notok "help names --top-pairs"; fi

solver() {   # solver FILE KEY: meta.solver.KEY of a results.json
    python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['meta']['solver'][sys.argv[2]])" "$1" "$2"
}

# --- the casebook is small: no pruning by default, the same as --top-pairs 0
"$BIN" run "$CB" -o "$W/def" --quiet > /dev/null 2>&1
"$BIN" run "$CB" -o "$W/zero" --quiet --top-pairs 0 > /dev/null 2>&1
if [ "$(solver "$W/def/results.json" top_pairs)" = 0 ] && [ "$(solver "$W/def/results.json" pruned_pairs)" = 0 ] &&
   cmp -s "$W/def/results.json" "$W/zero/results.json"; then ok "casebook: not pruned by default (same as --top-pairs 0)"
else notok "casebook: not pruned by default" "top_pairs $(solver "$W/def/results.json" top_pairs)"; fi

# --- pruned hard: 2 pairs per candidate ------------------------------------
check_rc "run casebook --top-pairs 2" 0 "$BIN" run "$CB" -o "$W/p1" --quiet --top-pairs 2 --threads 1
"$BIN" run "$CB" -o "$W/p2" --quiet --top-pairs 2 --threads 2 > /dev/null 2>&1
if python3 "$ROOT/tests/tools/check_results.py" "$CB" "$W/p1/results.json" > "$W/cr.out" 2>&1; then
    ok "casebook --top-pairs 2: the proposal passes the independent regional checker"
else notok "casebook --top-pairs 2: the proposal passes the independent regional checker" "$(head -n 5 "$W/cr.out")"; fi
if cmp -s "$W/p1/results.json" "$W/p2/results.json"; then ok "casebook --top-pairs 2: same results.json for 1 and 2 threads"
else notok "casebook --top-pairs 2: same results.json for 1 and 2 threads"; fi
python3 - "$W/p1/results.json" "$W/def/results.json" > "$W/chk.out" 2>&1 <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))["meta"]["solver"]
f = json.load(open(sys.argv[2]))["meta"]["solver"]
bad = []
if p["top_pairs"] != 2: bad.append("top_pairs %r" % p["top_pairs"])
if p["pruned_pairs"] <= 0: bad.append("nothing pruned")
# every pair that passed the filters is carved or pruned: as many as unpruned
if p["carve_solves"] + p["pruned_pairs"] != f["carve_solves"]:
    bad.append("carved %d + pruned %d != %d pairs" % (p["carve_solves"], p["pruned_pairs"], f["carve_solves"]))
if p["bound_all_pairs"] < p["lp_bound"] - 1e-9: bad.append("bound over every pair below the retained bound")
# the unpruned region's optimum lies below any valid bound over every pair
if p["bound_all_pairs"] < f["objective"] - 1e-6: bad.append("bound_all_pairs %r < unpruned objective %r" % (p["bound_all_pairs"], f["objective"]))
if p["objective"] > f["lp_bound"] + 1e-6: bad.append("pruned objective above the unpruned bound")
print("\n".join(bad) or "fine")
sys.exit(1 if bad else 0)
PY
if [ $? = 0 ]; then ok "casebook --top-pairs 2: pruned pairs counted, bounds consistent with the unpruned run"
else notok "casebook --top-pairs 2: pruned pairs counted, bounds consistent with the unpruned run" "$(cat "$W/chk.out")"; fi

echo "e2e done"
