# tests/e2e-lib.sh — helpers shared by the end-to-end scripts (tests/e2e*.sh):
# ok NAME, notok NAME [DETAIL...], check_rc NAME EXPECTED_RC CMD...
# Sourced after BIN, W and ROOT are set.
ok() { echo "ok $1"; }
notok() { echo "not ok $1"; shift; for l in "$@"; do echo "  $l"; done; }

# check NAME EXPECTED_RC CMD...: runs CMD, compares the exit code
check_rc() {
    name=$1; want=$2; shift 2
    "$@" > "$W/out" 2> "$W/err"; rc=$?
    if [ "$rc" = "$want" ]; then ok "$name"; else notok "$name" "exit $rc, want $want" "$(head -n 5 "$W/err")"; fi
}

