#!/bin/sh
# bench/run.sh — the benchmark harness behind `make bench` (issue 6; never part
# of `make test`). Generates the regions of the scaling series with fixed
# seeds (S = 200 x 50, M = 2,000 x 400, L = 20,000 x 4,000 and sizes in
# between), runs maatwerk on each, runs the baselines (the export-mip file in
# glpsol and in cbc, each with a time cap) on S and M, runs maatwerk without
# pruning on S and M, and hands every measurement to bench/report.py, which
# writes bench/results.json and the tables of bench/README.md.
#
# Environment (all optional):
#   BENCH_TMP      work directory (default /tmp/maatwerk-bench); regions and
#                  LP files are written there, never into the repository
#   BENCH_SIZES    the series, NAME:CANDIDATES:EMPLOYERS[:TIME_LIMIT] ... (default
#                  below; TIME_LIMIT is run's --time-limit, which stops pricing
#                  and caps the master but never the carving stage)
#   BENCH_THREADS  --threads for maatwerk (default 2)
#   BENCH_GLPSOL_CAP / BENCH_CBC_CAP   seconds per baseline solve (default 60 / 150);
#                  each baseline process is also killed CAP + 240 s after its
#                  start (reading a large LP file is outside the solver's cap)
#                  and limited to BENCH_MEM_KIB of virtual memory (default 8 GiB)
#   BENCH_BASELINES  the regions that get baselines and the pruning-off run
#                    (default "S M")
#   BENCH_QUICK=1  skip L (for trying the harness)
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=$ROOT/build/maatwerk
W=${BENCH_TMP:-/tmp/maatwerk-bench}
SIZES=${BENCH_SIZES:-"S:200:50 S2:500:100 S3:1000:200 M:2000:400 L:20000:4000:300"}
THREADS=${BENCH_THREADS:-2}
GLPSOL_CAP=${BENCH_GLPSOL_CAP:-60}
CBC_CAP=${BENCH_CBC_CAP:-150}
MEM_KIB=${BENCH_MEM_KIB:-8388608}
BASELINES=${BENCH_BASELINES:-"S M"}
SEED=6006
PRUNE_K=12          # PRUNE_DEFAULT_TOP (engine/solve/prune.h)
export LC_ALL=C

[ -x "$BIN" ] || { echo "bench: build $BIN first (make)"; exit 1; }
command -v /usr/bin/time >/dev/null || { echo "bench: /usr/bin/time is needed (apt-get install time)"; exit 1; }
rm -rf "$W"
mkdir -p "$W/runs"
RUNS=$W/runs

# One measured command: NAME KIND REGION then the command (sh has no
# local variables: m_* are measure's own). Writes
# RUNS/NAME.meta (kind, region, load before and after) and RUNS/NAME.time
# (/usr/bin/time: wall, user, system seconds, peak RSS in KiB, exit code).
measure() {
    m_name=$1 m_kind=$2 m_region=$3
    shift 3
    {
        echo "kind $m_kind"
        echo "region $m_region"
        echo "load_before $(cut -d' ' -f1-3 /proc/loadavg)"
    } > "$RUNS/$m_name.meta"
    /usr/bin/time -f '%e %U %S %M %x' -o "$RUNS/$m_name.time" "$@" > "$RUNS/$m_name.log" 2>&1
    echo "load_after $(cut -d' ' -f1-3 /proc/loadavg)" >> "$RUNS/$m_name.meta"
    echo "bench: $m_name: $(tail -n 1 "$RUNS/$m_name.time" | cut -d' ' -f1) s wall"
}

is_baseline() {
    for b in $BASELINES; do [ "$b" = "$1" ] && return 0; done
    return 1
}

for spec in $SIZES; do
    name=${spec%%:*}
    rest=${spec#*:}
    nc=${rest%%:*}
    rest=${rest#*:}
    ne=${rest%%:*}
    tl=
    [ "$rest" != "$ne" ] && tl="--time-limit ${rest#*:}"
    if [ "${BENCH_QUICK:-0}" = 1 ] && [ "$nc" -ge 20000 ]; then continue; fi
    dir=$W/$name
    "$BIN" gen --candidates "$nc" --employers "$ne" --seed "$SEED" -o "$dir" > /dev/null || exit 1
    echo "$nc $ne" > "$RUNS/$name.size"
    echo "${tl#--time-limit }" > "$RUNS/$name.time_limit"
    # shellcheck disable=SC2086  # $tl is empty or two words
    measure "mw-$name" maatwerk "$name" timeout 3600 "$BIN" run "$dir" -o "$W/out-$name" --quiet --threads "$THREADS" $tl
    cp "$W/out-$name/results.json" "$RUNS/mw-$name.results.json" 2>/dev/null
    cp "$W/out-$name/run.json" "$RUNS/mw-$name.run.json" 2>/dev/null
    if is_baseline "$name"; then
        # pruning on (K = PRUNE_K) and off; the default run is one of them
        top=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['meta']['solver']['top_pairs'])" \
              "$W/out-$name/results.json" 2>/dev/null)
        if [ "$top" = 0 ]; then other=K; flag=$PRUNE_K; else other=0; flag=0; fi
        measure "mw$other-$name" "maatwerk-top$flag" "$name" "$BIN" run "$dir" -o "$W/out$other-$name" --quiet \
            --threads "$THREADS" --top-pairs "$flag"
        cp "$W/out$other-$name/results.json" "$RUNS/mw$other-$name.results.json" 2>/dev/null
        cp "$W/out$other-$name/run.json" "$RUNS/mw$other-$name.run.json" 2>/dev/null
        measure "export-$name" export "$name" "$BIN" export-mip "$dir" -o "$W/$name.lp"
        ls -l "$W/$name.lp" | awk '{print $5}' > "$RUNS/export-$name.bytes"
        # the solvers get the file with a time cap each; glpsol has no thread
        # option, cbc runs on one thread (its default build)
        measure "glpsol-$name" glpsol "$name" sh -c 'ulimit -v "$1"; exec timeout "$2" glpsol --lp "$3" --tmlim "$4"' \
            sh "$MEM_KIB" $((GLPSOL_CAP + 240)) "$W/$name.lp" "$GLPSOL_CAP"
        echo "$GLPSOL_CAP" > "$RUNS/glpsol-$name.cap"
        measure "cbc-$name" cbc "$name" sh -c 'ulimit -v "$1"; exec timeout "$2" cbc "$3" sec "$4" solve' \
            sh "$MEM_KIB" $((CBC_CAP + 240)) "$W/$name.lp" "$CBC_CAP"
        echo "$CBC_CAP" > "$RUNS/cbc-$name.cap"
        rm -f "$W/$name.lp"
    fi
done

# the machine, for the README
{
    echo "nproc $(nproc)"
    echo "cpu $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
    echo "mem_kib $(grep MemTotal /proc/meminfo | awk '{print $2}')"
    echo "kernel $(uname -sr)"
    echo "glpsol $(glpsol --version 2>/dev/null | head -n 1)"
    echo "cbc $(echo quit | cbc 2>/dev/null | grep -m1 Version | sed 's/^ *//')"
    echo "date $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "commit $(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null)"
    echo "threads $THREADS"
    echo "seed $SEED"
} > "$RUNS/machine.txt"

python3 "$ROOT/bench/report.py" "$RUNS" "$ROOT/bench" || exit 1
echo "bench: wrote bench/results.json and bench/README.md"
