#!/bin/sh
# tests/e2e-weekly.sh — weekly regional runs (issue 8) with the binary named
# by BIN_UNDER_TEST: the four-week simulation of tests/tools/weekly_sim.py
# (current placements, --previous, diff, monitoring), the diff's text form,
# and the errors of bad weekly input (exit 2, exact messages, nothing
# written). Prints "ok NAME" or "not ok NAME" per check and "e2e done".
set -u
BIN=$BIN_UNDER_TEST
W=$TMP/e2e-weekly-$(basename "$BIN")
rm -rf "$W"; mkdir -p "$W"
EDIT="python3 $ROOT/tests/tools/csvedit.py"

. "$ROOT/tests/e2e-lib.sh"

# --- the four-week simulation ------------------------------------------------
python3 "$ROOT/tests/tools/weekly_sim.py" "$BIN" "$W/sim" "$ROOT/datasets/casebook" > "$W/sim.out" 2>&1
grep -E '^(ok|not ok) ' "$W/sim.out"
grep -A12 '^not ok ' "$W/sim.out" | grep '^  ' | head -n 40
grep -q '^churn ' "$W/sim.out" || notok "weekly: simulation finished" "$(tail -n 8 "$W/sim.out")"
grep '^churn ' "$W/sim.out" | sed 's/^/# /'

# --- the diff as text: week 2 -> week 3 of the simulation ----------------------
S=$W/sim
if [ -f "$S/week3/results.json" ]; then
    "$BIN" diff "$S/week2/results.json" "$S/week3/results.json" > "$W/d.txt" 2> "$W/err"; rc=$?
    want="diff $S/week2/results.json -> $S/week3/results.json: 2 new, 21 kept, 1 changed, 0 dropped"
    if [ "$rc" = 0 ] && [ "$(head -n 1 "$W/d.txt")" = "$want" ]; then ok "diff text: counts line"
    else notok "diff text: counts line" "exit $rc" "$(head -n 3 "$W/d.txt")"; fi
    if grep -q '^changed  C05: E24 (T-E24-01 16 h, T-E24-02 5.6 h) -> .* \[trial_failed\]$' "$W/d.txt" &&
       grep -q '^new      trial_failed C05 at E24 (placement P4)$' "$W/d.txt"; then ok "diff text: the failed trial, with its reason and signal"
    else notok "diff text: the failed trial, with its reason and signal" "$(cat "$W/d.txt")"; fi
    check_rc "diff of a file with itself: exit 0" 0 "$BIN" diff "$S/week3/results.json" "$S/week3/results.json"
    if head -n 1 "$W/out" | grep -q ': 0 new, 24 kept, 0 changed, 0 dropped$'; then ok "diff of a file with itself: all kept"
    else notok "diff of a file with itself: all kept" "$(head -n 2 "$W/out")"; fi
else
    notok "diff text: counts line" "the simulation left no week 3"
fi

# --- fingerprints do not depend on the form of the data -------------------------
if [ -d "$S/data" ]; then
    "$BIN" convert "$S/data" -o "$W/form-json" --format json > /dev/null 2>&1
    "$BIN" convert "$S/data" -o "$W/form-nl" --excel-nl > /dev/null 2>&1
    for form in data form-json form-nl; do
        d=$W/$form; [ "$form" = data ] && d=$S/data
        "$BIN" run "$d" -o "$W/out-$form" --date 2026-04-06 --quiet > /dev/null 2>&1
    done
    if python3 -c 'import json,sys; r=[json.load(open(p)) for p in sys.argv[1:]]; k=("proposal","monitoring","fingerprints"); sys.exit(0 if all(x[q]==r[0][q] for x in r for q in k) else 1)' \
        "$W/out-data/results.json" "$W/out-form-json/results.json" "$W/out-form-nl/results.json" 2>/dev/null; then
        ok "weekly: CSV, data.json and Dutch-Excel CSV give the same proposal, monitoring and fingerprints"
    else notok "weekly: CSV, data.json and Dutch-Excel CSV give the same proposal, monitoring and fingerprints"; fi
fi

# --- determinism: a weekly run does not depend on the thread count -------------
if [ -f "$S/week3/results.json" ]; then
    for t in 1 2; do
        "$BIN" run "$S/data" -o "$W/threads$t" --threads $t --previous "$S/week3/results.json" --date 2026-04-06 \
            --quiet > /dev/null 2>&1
    done
    if cmp -s "$W/threads1/results.json" "$W/threads2/results.json" &&
       cmp -s "$W/threads1/results.json" "$S/week4/results.json"; then
        ok "weekly: results.json byte-identical with --threads 1, 2 and the simulation's week 4"
    else notok "weekly: results.json byte-identical with --threads 1, 2 and the simulation's week 4"; fi
fi

# --- bad weekly input: exit 2, the message, nothing written --------------------
bad_run() {
    name=$1; want=$2; shift 2
    rm -rf "$W/none"
    "$@" > "$W/out" 2> "$W/err"; rc=$?
    got=$(head -n 1 "$W/err" | sed "s|$W|W|g")
    if [ "$rc" != 2 ]; then notok "$name" "exit $rc, want 2" "$(head -n 3 "$W/err")"
    elif [ "$got" != "$want" ]; then notok "$name" "got:  $got" "want: $want"
    elif [ -e "$W/none" ]; then notok "$name" "wrote an output directory"
    else ok "$name"; fi
}
printf '{"schema": "maatwerk.results/1", "proposal": [{"candidate": "C01"}]}\n' > "$W/bad-prev.json"
printf '{"schema": "maatwerk.scenarios/1"}\n' > "$W/other.json"
printf '{"schema": ' > "$W/broken.json"
CB=$ROOT/datasets/casebook
bad_run "run --previous: a proposal entry without employer" \
    "W/bad-prev.json: proposal[0].employer: expected a string" \
    "$BIN" run "$CB" -o "$W/none" --previous "$W/bad-prev.json" --quiet
bad_run "run --previous: a missing file" \
    "W/missing.json: cannot open: No such file or directory" \
    "$BIN" run "$CB" -o "$W/none" --previous "$W/missing.json" --quiet
bad_run "run --date: not a date" \
    "maatwerk: --date: expected a date YYYY-MM-DD, got '2026-02-30'" \
    "$BIN" run "$CB" -o "$W/none" --date 2026-02-30 --quiet
bad_run "diff: not a results file" \
    "W/other.json: schema: expected \"maatwerk.results/1\" (a results.json of maatwerk run)" \
    "$BIN" diff "$W/other.json" "$W/other.json"
bad_run "diff: broken JSON" \
    "W/broken.json: invalid JSON (expected a results.json of maatwerk run)" \
    "$BIN" diff "$W/broken.json" "$W/other.json"
bad_run "diff: one file only" \
    "maatwerk: diff needs two results files: maatwerk diff OLD.json NEW.json" \
    "$BIN" diff "$W/other.json"
bad_run "diff: three files" \
    "maatwerk: unexpected argument 'c.json'" \
    "$BIN" diff a.json b.json c.json

# --- the new placements.csv columns: validated, old files stay valid ------------
D=$W/pl
bad_placement() {
    name=$1; want=$2; edit=$3
    rm -rf "$D"; cp -r "$CB" "$D"
    (cd "$D" && eval "$edit") || { notok "$name" "edit failed"; return; }
    "$BIN" validate "$D" > "$W/out" 2> "$W/err"; rc=$?
    got=$(head -n 1 "$W/err")
    if [ "$rc" = 2 ] && [ "$got" = "$want" ]; then ok "$name"
    else notok "$name" "exit $rc" "got:  $got" "want: $want"; fi
}
bad_placement "placements: outcome failed on a temporary contract" \
    "placements.csv:2: column 'outcome': outcome 'failed' is for a trial placement (phase trial), got phase 'temp'" \
    "$EDIT addcol placements.csv outcome '' && $EDIT set placements.csv P1 outcome failed"
bad_placement "placements: an unknown outcome" \
    "placements.csv:2: column 'outcome': expected open or failed, got 'mislukt'" \
    "$EDIT addcol placements.csv outcome '' && $EDIT set placements.csv P1 outcome mislukt"
bad_placement "placements: chain_start after start" \
    "placements.csv:2: column 'chain_start': chain_start is after start" \
    "$EDIT addcol placements.csv chain_start '' && $EDIT set placements.csv P1 chain_start 2026-03-01"
bad_placement "placements: jobcoach hours not a number" \
    "placements.csv:3: column 'jobcoach_hours_year': expected a number, got 'veel'" \
    "$EDIT addcol placements.csv jobcoach_hours_year '' && $EDIT set placements.csv P2 jobcoach_hours_year veel"
check_rc "placements: the casebook file without the new columns is valid" 0 "$BIN" validate "$CB"

# a failed trial excludes the pair: the employer counts as excluded for that candidate
rm -rf "$D"; cp -r "$CB" "$D"
$EDIT addcol "$D/placements.csv" outcome ''
$EDIT set "$D/placements.csv" P1 phase trial
$EDIT set "$D/placements.csv" P1 outcome failed
"$BIN" explain "$D" --candidate C11 --employer E11 --json > "$W/x.json" 2> "$W/err"
if python3 -c 'import json,sys; x=json.load(open(sys.argv[1])); p=x["pairs"][0] if "pairs" in x else x; sys.exit(0 if json.dumps(x).find("excluded_employer") >= 0 else 1)' "$W/x.json"; then
    ok "placements: a failed trial excludes the pair (explain names excluded_employer)"
else notok "placements: a failed trial excludes the pair (explain names excluded_employer)" "$(head -c 400 "$W/x.json")"; fi

echo "e2e done"
