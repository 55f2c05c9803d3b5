#!/bin/sh
# tests/e2e.sh — end-to-end checks of the maatwerk binary named by
# BIN_UNDER_TEST: malformed inputs (tests/bad/cases.txt), the datasets,
# Dutch-Excel CSV and JSON forms giving the same model, and gen round trips.
# Prints "ok NAME" or "not ok NAME" per check and "e2e done" at the end.
set -u
BIN=$BIN_UNDER_TEST
W=$TMP/e2e-$(basename "$BIN")
rm -rf "$W"; mkdir -p "$W"
EDIT="python3 $ROOT/tests/tools/csvedit.py"

. "$ROOT/tests/e2e-lib.sh"

# --- malformed inputs ------------------------------------------------------
run_bad_case() {
    name=$1; cmds=$2; want=$3
    d=$W/bad/$(echo "$name" | tr -c 'a-zA-Z0-9\n' '_')
    rm -rf "$d"; mkdir -p "$d"; cp "$ROOT"/tests/data/mini/* "$d"/
    (cd "$d" && edit() { $EDIT "$@"; } && eval "$cmds") || { notok "bad: $name" "edit failed"; return; }
    before=$(cd "$d" && ls -la --time-style=+%s | md5sum)
    "$BIN" validate "$d" > "$W/out" 2> "$W/err"; rc=$?
    got=$(head -n 1 "$W/err" | sed "s|$d|DIR|g")
    after=$(cd "$d" && ls -la --time-style=+%s | md5sum)
    if [ "$rc" != 2 ]; then notok "bad: $name" "exit $rc, want 2" "$(head -n 3 "$W/err")"
    elif [ "$got" != "$want" ]; then notok "bad: $name" "got:  $got" "want: $want"
    elif [ -s "$W/out" ]; then notok "bad: $name" "printed to stdout on invalid input"
    elif [ "$before" != "$after" ]; then notok "bad: $name" "the data directory changed"
    else ok "bad: $name"; fi
}

name=""; cmds=""
while IFS= read -r line; do
    case "$line" in
        "# "*) [ -z "$cmds" ] && name=${line#\# } ;;
        "\$ "*) cmds="$cmds${cmds:+; }${line#\$ }" ;;
        "> "*) run_bad_case "$name" "$cmds" "${line#> }"; name=""; cmds="" ;;
    esac
done < "$ROOT/tests/bad/cases.txt"

# --- usage errors ------------------------------------------------------------
check_rc "usage: no command" 2 "$BIN"
check_rc "usage: unknown command" 2 "$BIN" frobnicate
check_rc "usage: validate without a directory" 2 "$BIN" validate
check_rc "usage: unknown option" 2 "$BIN" validate "$ROOT/tests/data/mini" --fast
check_rc "usage: not a directory" 2 "$BIN" validate "$W/nonexistent"
check_rc "usage: gen without counts" 2 "$BIN" gen -o "$W/nogen"
check_rc "help" 0 "$BIN" --help

# --- valid datasets --------------------------------------------------------
for ds in tests/data/mini datasets/casebook datasets/demo; do
    check_rc "validate $ds" 0 "$BIN" validate "$ROOT/$ds"
done

# the same model from other forms: compare canonical conversions
canon() { # canon DIR OUT: the model of DIR written back as canonical CSV
    rm -rf "$2"; "$BIN" convert "$1" -o "$2" > /dev/null 2> "$W/conv.err"
}
same_model() { # same_model NAME DIR_A DIR_B
    if canon "$2" "$W/ca" && canon "$3" "$W/cb" && diff -r "$W/ca" "$W/cb" > "$W/diff" 2>&1; then
        ok "$1"
    else
        notok "$1" "$(head -n 8 "$W/conv.err" "$W/diff" 2>/dev/null)"
    fi
}
for ds in tests/data/mini datasets/casebook; do
    python3 "$ROOT/tests/tools/excel_nl.py" "$ROOT/$ds" "$W/excel"
    same_model "Dutch Excel re-save of $ds gives the same model" "$ROOT/$ds" "$W/excel"
    python3 "$ROOT/tests/tools/csv2json.py" "$ROOT/$ds" "$W/json"
    same_model "data.json form of $ds gives the same model" "$ROOT/$ds" "$W/json"
    rm -rf "$W/json2"; "$BIN" convert "$ROOT/$ds" -o "$W/json2" --format json > /dev/null 2>&1
    same_model "maatwerk convert --format json round trip of $ds" "$ROOT/$ds" "$W/json2"
done

# --- gen ------------------------------------------------------------------
"$BIN" gen --candidates 300 --employers 60 --seed 11 -o "$W/g1" > /dev/null 2>&1
"$BIN" gen --candidates 300 --employers 60 --seed 11 -o "$W/g2" > /dev/null 2>&1
"$BIN" gen --candidates 300 --employers 60 --seed 12 -o "$W/g3" > /dev/null 2>&1
if diff -r "$W/g1" "$W/g2" > /dev/null; then ok "gen: same seed, identical files"; else notok "gen: same seed, identical files"; fi
if diff -r "$W/g1" "$W/g3" > /dev/null; then notok "gen: another seed, other files"; else ok "gen: another seed, other files"; fi
check_rc "gen output validates" 0 "$BIN" validate "$W/g1"
same_model "gen output reloads to the same model" "$W/g1" "$W/g2"
"$BIN" gen --candidates 300 --employers 60 --seed 2026 -o "$W/demo" > /dev/null 2>&1
if diff -r "$W/demo" "$ROOT/datasets/demo" > "$W/diff" 2>&1; then ok "datasets/demo is gen --seed 2026 output"
else notok "datasets/demo is gen --seed 2026 output" "$(head -n 5 "$W/diff")"; fi

# invalid registry: exit 2 and nothing written
mkdir -p "$W/badmodels"; printf 'name,rubriek,kind,max,unit,description\nx,sociaal,level,0,level,broken\n' > "$W/badmodels/dimensions.csv"
check_rc "gen with an invalid registry exits 2" 2 "$BIN" gen --candidates 5 --employers 2 -o "$W/g4" --models "$W/badmodels"
if [ -e "$W/g4" ]; then notok "gen with an invalid registry writes nothing"; else ok "gen with an invalid registry writes nothing"; fi

# --- carving: casebook packages checked by an independent checker ----------
grep -v '^#' "$ROOT/tests/cases/casebook/cases.txt" | while read -r cand emp asserts; do
    [ -n "$cand" ] || continue
    name="casebook package $cand at $emp${asserts:+ ($asserts)}"
    if ! "$BIN" explain "$ROOT/datasets/casebook" --candidate "$cand" --employer "$emp" --json > "$W/x.json" 2> "$W/x.err"; then
        notok "$name" "explain failed: $(head -n 3 "$W/x.err")"; continue
    fi
    # shellcheck disable=SC2086
    if python3 "$ROOT/tests/tools/check_package.py" "$ROOT/datasets/casebook" "$W/x.json" $asserts > "$W/x.out" 2>&1; then ok "$name"
    else notok "$name" "$(head -n 6 "$W/x.out")"; fi
done
# every casebook candidate at every employer with a package passes the generic check
n=0; bad=0
for cand in $(cut -d, -f1 "$ROOT/datasets/casebook/candidates.csv" | tail -n +2); do
    "$BIN" explain "$ROOT/datasets/casebook" --candidate "$cand" --top 50 --json > "$W/all.json" 2>/dev/null || { bad=$((bad + 1)); continue; }
    for emp in $(python3 -c 'import json,sys; print(" ".join(p["employer"] for p in json.load(open(sys.argv[1]))["pairs"]))' "$W/all.json"); do
        "$BIN" explain "$ROOT/datasets/casebook" --candidate "$cand" --employer "$emp" --json > "$W/x.json" 2>/dev/null
        python3 "$ROOT/tests/tools/check_package.py" "$ROOT/datasets/casebook" "$W/x.json" > "$W/x.out" 2>&1 || { bad=$((bad + 1)); echo "  $cand $emp: $(head -n 2 "$W/x.out")"; }
        n=$((n + 1))
    done
done > "$W/allpairs.out"
if [ "$bad" = 0 ] && [ "$n" -gt 50 ]; then ok "every casebook package passes the independent checker ($n pairs)"
else notok "every casebook package passes the independent checker" "$n pairs, $bad failing" "$(head -n 6 "$W/allpairs.out")"; fi

# explain prints the nearest miss in words
"$BIN" explain "$ROOT/datasets/casebook" --candidate C14 --employer E26 > "$W/miss.txt" 2>&1
if grep -q "lim.staan (hours per day) from 2 to 3 (+1)" "$W/miss.txt"; then ok "explain names the nearest miss for Karin at E26"
else notok "explain names the nearest miss for Karin at E26" "$(cat "$W/miss.txt")"; fi
check_rc "explain: unknown candidate exits 2" 2 "$BIN" explain "$ROOT/datasets/casebook" --candidate NOPE
check_rc "explain: unknown preset exits 2" 2 "$BIN" explain "$ROOT/datasets/casebook" --candidate C01 --preset nope

# --- the regional proposal (run) --------------------------------------------
check_rc "run casebook" 0 "$BIN" run "$ROOT/datasets/casebook" -o "$W/cb" --quiet
if python3 "$ROOT/tests/tools/check_results.py" "$ROOT/datasets/casebook" "$W/cb/results.json" > "$W/cr.out" 2>&1; then
    ok "casebook proposal passes the independent regional checker"
else notok "casebook proposal passes the independent regional checker" "$(head -n 6 "$W/cr.out")"; fi
if python3 "$ROOT/tests/tools/golden.py" compare "$W/cb/results.json" "$ROOT/tests/cases/casebook/expected-proposal.json" > "$W/g.out" 2>&1; then
    ok "casebook proposal and shortlists equal the golden file"
else notok "casebook proposal and shortlists equal the golden file" "$(head -n 8 "$W/g.out")"; fi
for seed in 3 4 5; do
    "$BIN" gen --candidates 60 --employers 15 --seed $seed -o "$W/r$seed" > /dev/null 2>&1
    if "$BIN" run "$W/r$seed" -o "$W/r$seed/out" --quiet --threads 2 > "$W/run.err" 2>&1 &&
       python3 "$ROOT/tests/tools/check_results.py" "$W/r$seed" "$W/r$seed/out/results.json" > "$W/cr.out" 2>&1; then
        ok "gen region seed $seed: proposal passes the independent regional checker ($(tail -n 1 "$W/cr.out"))"
    else notok "gen region seed $seed: proposal passes the independent regional checker" "$(head -n 6 "$W/run.err" "$W/cr.out")"; fi
done
# determinism: two runs, and one thread against two, byte for byte
"$BIN" run "$W/r3" -o "$W/d1" --quiet --threads 1 > /dev/null 2>&1
"$BIN" run "$W/r3" -o "$W/d2" --quiet --threads 2 > /dev/null 2>&1
"$BIN" run "$W/r3" -o "$W/d3" --quiet --threads 2 > /dev/null 2>&1
same=1
for f in results.json matches.csv shortlist.csv; do
    cmp -s "$W/d1/$f" "$W/d2/$f" || same=0
    cmp -s "$W/d2/$f" "$W/d3/$f" || same=0
done
if [ "$same" = 1 ] && [ -s "$W/d1/results.json" ]; then ok "run: identical results for --threads 1, 2 and a second run"
else notok "run: identical results for --threads 1, 2 and a second run"; fi
# invalid input: exit 2 and nothing written
mkdir -p "$W/badrun"; cp "$ROOT"/tests/data/mini/* "$W/badrun/"
python3 "$ROOT/tests/tools/csvedit.py" set "$W/badrun/tasks.csv" T1 load.tillen zwaar
check_rc "run: invalid input exits 2" 2 "$BIN" run "$W/badrun" -o "$W/badrun-out"
if [ -e "$W/badrun-out" ]; then notok "run: invalid input writes nothing"; else ok "run: invalid input writes nothing"; fi
# files: mode 0600, CSV for Dutch Excel
if [ "$(stat -c %a "$W/cb/results.json")" = 600 ] && [ "$(stat -c %a "$W/cb/matches.csv")" = 600 ]; then ok "run: files have mode 0600"
else notok "run: files have mode 0600" "$(ls -l "$W/cb")"; fi
if head -c 3 "$W/cb/matches.csv" | od -An -tx1 | grep -q "ef bb bf" && head -n 1 "$W/cb/matches.csv" | grep -q ';' &&
   head -n 1 "$W/cb/matches.csv" | grep -q "$(printf '\r')"; then ok "run: matches.csv has BOM, semicolons, CRLF"
else notok "run: matches.csv has BOM, semicolons, CRLF" "$(head -c 200 "$W/cb/matches.csv" | od -c | head -n 4)"; fi

# --- export-mip: the monolithic regional MIP, solved by cbc, against run ------
if command -v cbc > /dev/null; then
    "$BIN" export-mip "$ROOT/datasets/casebook" -o "$W/cb.lp" --quiet > /dev/null 2>&1
    obj=$(timeout 300 cbc "$W/cb.lp" sec 200 solve quit 2>/dev/null | awk '/^Result - Optimal/ {opt=1} /^Objective value:/ {print (opt ? $3 : "not-optimal")}')
    mine=$(python3 -c 'import json,sys; s=json.load(open(sys.argv[1]))["meta"]["solver"]; print(s["objective"], s["lp_bound"], s["gap"])' "$W/cb/results.json")
    if python3 -c 'import sys; o=float(sys.argv[1]); a,b,g=map(float,sys.argv[2:5]); sys.exit(0 if abs(o-a) <= 1e-6*max(1,abs(o)) + g*max(1,abs(b)) and b >= o - 1e-6*max(1,abs(o)) else 1)' "$obj" $mine 2>/dev/null; then
        ok "casebook: run's objective matches cbc's optimum of the export-mip file ($obj)"
    else notok "casebook: run's objective matches cbc's optimum of the export-mip file" "cbc: $obj; run objective, bound, gap: $mine"; fi
else
    notok "casebook: export-mip checked by cbc" "cbc is not installed (Debian package coinor-cbc)"
fi

echo "e2e done"
