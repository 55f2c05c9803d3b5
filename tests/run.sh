#!/bin/sh
# tests/run.sh — the whole test suite: unit tests (plain and under
# AddressSanitizer + UndefinedBehaviorSanitizer), malformed-input cases,
# end-to-end checks. Ends with "N passed, N failed". Run by `make test`.
set -u
export LC_ALL=C
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BIN=$ROOT/build/maatwerk
SAN=$ROOT/build/maatwerk-san
export MAATWERK_MODELS=$ROOT/models
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:exitcode=99
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=99
TMP=$(mktemp -d "${TMPDIR:-/tmp}/maatwerk-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
PASSED=0
FAILED=0

pass() { PASSED=$((PASSED + 1)); }
fail() { FAILED=$((FAILED + 1)); echo "FAIL $*"; }

# --- unit tests: each binary prints "name: N passed, M failed" -------------
for kind in obj san; do
    for t in build/$kind/tests/test_*; do
        [ -x "$t" ] || continue
        out=$("$t" 2>"$TMP/unit.err"); rc=$?
        line=$(printf '%s\n' "$out" | grep -E ': [0-9]+ passed, [0-9]+ failed$' | tail -n 1)
        if [ -z "$line" ]; then
            fail "$t ($kind) crashed or printed no summary (exit $rc)"; cat "$TMP/unit.err"; continue
        fi
        p=$(echo "$line" | sed -E 's/.*: ([0-9]+) passed, ([0-9]+) failed$/\1/')
        f=$(echo "$line" | sed -E 's/.*: ([0-9]+) passed, ([0-9]+) failed$/\2/')
        PASSED=$((PASSED + p)); FAILED=$((FAILED + f))
        if [ "$f" != 0 ] || [ "$rc" != 0 ]; then
            echo "FAIL $t ($kind): $line (exit $rc)"; cat "$TMP/unit.err"
            [ "$f" = 0 ] && FAILED=$((FAILED + 1))
        fi
    done
done

# --- the end-to-end and malformed-input checks run on both binaries ------
# tests/e2e.sh and every tests/e2e-*.sh (but the shared e2e-lib.sh); each
# prints "ok NAME" / "not ok NAME" lines and ends with "e2e done".
for script in tests/e2e.sh $(ls tests/e2e-*.sh | grep -v 'e2e-lib.sh$' | sort); do
    for bin in "$BIN" "$SAN"; do
        BIN_UNDER_TEST=$bin TMP=$TMP ROOT=$ROOT sh "$script" > "$TMP/e2e.out" 2>&1
        p=$(grep -c '^ok ' "$TMP/e2e.out")
        f=$(grep -c '^not ok ' "$TMP/e2e.out")
        PASSED=$((PASSED + p)); FAILED=$((FAILED + f))
        grep -A12 '^not ok ' "$TMP/e2e.out" | head -n 200
        if ! grep -q '^e2e done$' "$TMP/e2e.out"; then
            fail "$script with $(basename "$bin") did not finish"; tail -n 20 "$TMP/e2e.out"
        fi
    done
done

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ]
