# Sourced by every shell check in ops/checks/ (checklib.py is the same for the Python ones): one output format.
#   section NAME         prints "== NAME"
#   pass|fail|skip WHAT  records one result, printed as "PASS  WHAT", "FAIL  WHAT" or "SKIP  WHAT"
#   run WHAT CMD...      runs CMD, shows its output indented, records PASS, or FAIL with the exit code
#   finish               ends the check: exit status 1 when any of its results failed
# Results are also appended, one "STATUS<Tab>WHAT" line each, to $CHECK_RESULTS when it is set (ops/check.sh sets
# it and prints the summary).
set -uo pipefail

CHECKS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OPS="$(dirname "$CHECKS")"
ROOT="$(dirname "$OPS")"
cd "$ROOT" || exit 1

CHECK_FAILED=0

say() { printf '%s\n' "$*"; }
section() { say "== $1"; }
record() {
    say "$1  $2"
    if [ -n "${CHECK_RESULTS:-}" ]; then printf '%s\t%s\n' "$1" "$2" >> "$CHECK_RESULTS"; fi
}
pass() { record PASS "$1"; }
skip() { record SKIP "$1"; }
fail() { CHECK_FAILED=$((CHECK_FAILED + 1)); record FAIL "$1"; }

run() {
    local name="$1"; shift
    local out rc
    out="$("$@" 2>&1)"; rc=$?
    if [ -n "$out" ]; then printf '%s\n' "$out" | sed 's/^/      /'; fi
    if [ $rc -eq 0 ]; then pass "$name"; else fail "$name (exit $rc)"; fi
}

finish() { [ "$CHECK_FAILED" -eq 0 ] && exit 0 || exit 1; }
