#!/bin/sh
# tests/e2e-scenarios.sh — end-to-end checks of `maatwerk scenarios` and
# `run --scenario` (docs/scenarios.md) on the binary named by BIN_UNDER_TEST:
# on datasets/demo, carving-or-vacancy places at least as many candidates as
# vacancy-only; the same inputs give a byte-identical comparison (also with
# another thread count, and with sharing switched off, which proves that
# shared packages change nothing); a scenario's results equal those of
# `run --scenario`; bad scenario files fail before any solving with the
# exact message, exit 2 and nothing written.
# Prints "ok NAME" or "not ok NAME" per check and "e2e done" at the end.
set -u
BIN=$BIN_UNDER_TEST
W=$TMP/e2e-scenarios-$(basename "$BIN")
rm -rf "$W"; mkdir -p "$W"
. "$ROOT/tests/e2e-lib.sh"
S=$ROOT/models/scenarios
CB=$ROOT/datasets/casebook

# py EXPR FILE: evaluates EXPR with d = the parsed JSON file
py() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print($1)" "$2"; }

# --- the model property on datasets/demo ---------------------------------------
"$BIN" scenarios "$ROOT/datasets/demo" "$S/baseline.json" "$S/vacancy-only.json" -o "$W/demo" \
    --threads 2 --no-miss --quiet > "$W/out" 2> "$W/err"; rc=$?
if [ "$rc" != 0 ]; then
    notok "demo: scenarios runs" "exit $rc" "$(head -n 5 "$W/err")"
else
    ok "demo: scenarios runs"
    both=$(py "d['scenarios'][0]['values']['placements']" "$W/demo/comparison.json")
    vac=$(py "d['scenarios'][1]['values']['placements']" "$W/demo/comparison.json")
    diff=$(py "d['scenarios'][1]['diff']['placements']" "$W/demo/comparison.json")
    # the comparison must agree with each scenario's own results.json
    own=$(py "d['summary']['placements']" "$W/demo/vacancy-only/results.json")
    if [ "$both" -ge "$vac" ] && [ "$vac" -gt 0 ]; then
        ok "demo: carving or vacancy places at least as many as vacancy only ($both >= $vac)"
    else
        notok "demo: carving or vacancy places at least as many as vacancy only" "both $both, vacancy $vac"
    fi
    obj=$(py "d['scenarios'][0]['values']['objective'] >= d['scenarios'][1]['values']['objective']" "$W/demo/comparison.json")
    if [ "$obj" = True ]; then ok "demo: carving or vacancy scores at least as much as vacancy only"
    else notok "demo: carving or vacancy scores at least as much as vacancy only"; fi
    if [ "$own" = "$vac" ] && [ "$diff" = "$((vac - both))" ]; then ok "demo: comparison matches results.json"
    else notok "demo: comparison matches results.json" "own $own, comparison $vac, diff $diff"; fi
    # vacancy only: every package is one open vacancy, its tasks all of that job
    bad=$(python3 - "$W/demo/vacancy-only/results.json" "$ROOT/datasets/demo" <<'EOF'
import csv, json, sys
r = json.load(open(sys.argv[1]))
jobs = {row['id']: row for row in csv.DictReader(open(sys.argv[2] + '/jobs.csv'))}
bad = 0
for m in r['proposal']:
    pk = m['package']
    v = pk.get('vacancy_job')
    if not v or jobs[v]['is_vacancy'] != '1' or any(t['job'] != v for t in pk['tasks']):
        bad += 1
print(bad)
EOF
)
    if [ "$bad" = 0 ]; then ok "demo: vacancy only packages are whole vacancies"
    else notok "demo: vacancy only packages are whole vacancies" "$bad packages are not"; fi
fi

# --- determinism and sharing on the casebook -------------------------------------
ALL="$S/baseline.json $S/vacancy-only.json $S/carving-only.json $S/supervision-120.json $S/quiet-room.json $S/hours-margin-90.json $S/no-training.json"
run_batch() { # run_batch OUT [OPTIONS...]
    out=$1; shift
    # shellcheck disable=SC2086
    "$BIN" scenarios "$CB" $ALL "$S/budget-casebook.json" -o "$out" --quiet "$@" > "$W/out" 2> "$W/err"
}
run_batch "$W/c1" --threads 2; rc1=$?
run_batch "$W/c2" --threads 2; rc2=$?
# sharing off and one thread, for three of them: each results.json must not change
"$BIN" scenarios "$CB" "$S/baseline.json" "$S/quiet-room.json" "$S/budget-casebook.json" -o "$W/c3" --quiet \
    --threads 1 --no-share > "$W/out" 2> "$W/err"; rc3=$?
if [ "$rc1$rc2$rc3" != 000 ]; then
    notok "casebook: three batches run" "exits $rc1 $rc2 $rc3" "$(head -n 5 "$W/err")"
else
    ok "casebook: three batches run"
    same=1
    for f in comparison.csv comparison.json; do
        cmp -s "$W/c1/$f" "$W/c2/$f" || same=0
    done
    if [ $same = 1 ]; then ok "casebook: the same inputs give an identical comparison"
    else notok "casebook: the same inputs give an identical comparison" "$(diff "$W/c1/comparison.csv" "$W/c2/comparison.csv" | head -n 4)"; fi
    same=1
    for d in baseline quiet-room budget-casebook; do
        for f in results.json matches.csv; do
            cmp -s "$W/c1/$d/$f" "$W/c3/$d/$f" || { same=0; echo "  differs: $d/$f"; }
        done
    done
    if [ $same = 1 ]; then ok "casebook: one thread without sharing gives the same results"
    else notok "casebook: one thread without sharing gives the same results"; fi
    shared=$(py "sum(s['standalone_shared'] for s in d['scenarios'])" "$W/c1/batch.json")
    none=$(py "sum(s['standalone_shared'] for s in d['scenarios'])" "$W/c3/batch.json")
    if [ "$shared" -gt 0 ] && [ "$none" = 0 ]; then ok "casebook: packages shared with sharing on ($shared), none with --no-share"
    else notok "casebook: packages shared with sharing on, none with --no-share" "on $shared, off $none"; fi
    # the budget is respected: subsidy cost within it, fewer or equal placements
    ok_budget=$(py "[s for s in d['scenarios'] if s['name']=='budget-casebook'][0]['values']['subsidy_cost'] <= [s for s in d['scenarios'] if s['name']=='budget-casebook'][0]['settings']['budget'] + 1e-6" "$W/c1/comparison.json")
    if [ "$ok_budget" = True ]; then ok "casebook: the subsidy budget holds"
    else notok "casebook: the subsidy budget holds"; fi
    # every row's diff is its value minus the baseline's
    diffs=$(py "all(abs(s['diff'][k] - (s['values'][k] - d['scenarios'][0]['values'][k])) < 1e-5 for s in d['scenarios'] for k in d['metrics'])" "$W/c1/comparison.json")
    if [ "$diffs" = True ]; then ok "casebook: differences are against the first scenario"
    else notok "casebook: differences are against the first scenario"; fi
    # run --scenario gives the batch's results for that scenario
    "$BIN" run "$CB" --scenario "$S/quiet-room.json" -o "$W/single" --quiet > "$W/out" 2> "$W/err"; rc=$?
    if [ "$rc" = 0 ] && cmp -s "$W/single/results.json" "$W/c1/quiet-room/results.json"; then
        ok "run --scenario equals the batch's results"
    else
        notok "run --scenario equals the batch's results" "exit $rc" "$(head -n 3 "$W/err")"
    fi
fi

# --- bad scenario files: fail before solving, exact message, nothing written ---------
bad_case() { # bad_case NAME JSON WANT
    f=$W/bad-$(echo "$1" | tr -c 'a-zA-Z0-9\n' '_').json
    printf '%s\n' "$2" > "$f"
    rm -rf "$W/badout"
    "$BIN" scenarios "$CB" "$S/baseline.json" "$f" -o "$W/badout" > "$W/out" 2> "$W/err"; rc=$?
    got=$(head -n 1 "$W/err" | sed "s|$W/||")
    if [ "$rc" != 2 ]; then notok "bad scenario: $1" "exit $rc, want 2"
    elif [ "$got" != "$3" ]; then notok "bad scenario: $1" "got:  $got" "want: $3"
    elif [ -e "$W/badout" ] || [ -s "$W/out" ]; then notok "bad scenario: $1" "something was written"
    elif ! tail -n 1 "$W/err" | grep -q 'nothing was solved or written$'; then notok "bad scenario: $1" "no closing line"
    else ok "bad scenario: $1"; fi
}
bad_case "unknown parameter" '{"supervision": 1.2}' \
    "bad-unknown_parameter.json: key 'supervision': unknown parameter; expected one of name, description, preset, weights, policy, route, training, budget, supervision_factor, accommodations, hours_margin, jobcoach_pool_hours, jobcoach_hours_per_placement, candidates, employers"
bad_case "include and exclude the same id" '{"employers": {"ids": ["E01", "E02"], "exclude_ids": ["E02"]}}' \
    "bad-include_and_exclude_the_same_id.json: key 'employers.exclude_ids': 'E02' is also in employers.ids: a filter cannot include and exclude the same id"
bad_case "hours margin above 1" '{"hours_margin": 1.1}' \
    "bad-hours_margin_above_1.json: key 'hours_margin': expected a share in (0, 1], got 1.1"
bad_case "negative budget" '{"budget": -100}' \
    "bad-negative_budget.json: key 'budget': expected a budget >= 0 (euro per year), got -100"
bad_case "key given twice" '{"budget": 100, "budget": 200}' "bad-key_given_twice.json: key 'budget': given twice"
bad_case "filter selects nobody" '{"candidates": {"region": ["Eemland"], "ids": ["C01"]}}' \
    "bad-filter_selects_nobody.json: key 'candidates': selects no candidate: the filters together leave nobody to take part"
bad_case "accommodation on a share dimension" '{"accommodations": {"beeldscherm": 1}}' \
    "bad-accommodation_on_a_share_dimension.json: key 'accommodations.beeldscherm': expected a level dimension (an accommodation lowers levels), got a share dimension"
bad_case "unknown employer id" '{"employers": {"ids": ["E99"]}}' \
    "bad-unknown_employer_id.json: key 'employers.ids': expected the id of an employer in the data, got \"E99\""
# two files with one name
rm -rf "$W/badout"
"$BIN" scenarios "$CB" "$S/baseline.json" "$S/baseline.json" -o "$W/badout" > "$W/out" 2> "$W/err"; rc=$?
got=$(head -n 1 "$W/err" | sed "s|$S/||g")
want="baseline.json: key 'name': expected a name unique in the batch, got \"baseline\" (also baseline.json)"
if [ "$rc" = 2 ] && [ "$got" = "$want" ] && [ ! -e "$W/badout" ]; then ok "bad scenario: a name twice in the batch"
else notok "bad scenario: a name twice in the batch" "exit $rc" "got:  $got" "want: $want"; fi
check_rc "usage: scenarios without files" 2 "$BIN" scenarios "$CB"

echo "e2e done"
