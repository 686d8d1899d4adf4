#!/usr/bin/env bash
# Validate the deploy/observability kit with the real tools, as far as they run without Docker. Each check is its own
# script in ops/checks/ (see ops/README.md); this runs them in order and prints the summary. Exits non-zero when any
# check fails. Missing tools are installed with apt-get by ops/checks/tools.sh (CI: a fresh Debian machine, as root).
#
#   ops/check.sh                  every check
#   ops/check.sh nginx grafana    only these (file names in ops/checks/ without extension; run tools first on a bare
#                                 machine)
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/checks/lib.sh"   # also changes to the repository root

ALL=(tools.sh nginx.py prometheus.py grafana.py compose.py dockerfile.py k8s.py openapi-lint.sh)

selected=()
if [ $# -eq 0 ]; then
    selected=("${ALL[@]}")
else
    for name in "$@"; do
        found=""
        for c in "${ALL[@]}"; do [ "${c%.*}" = "$name" ] && found="$c"; done
        [ -n "$found" ] || { say "unknown check: $name (known: ${ALL[*]%.*})" >&2; exit 2; }
        selected+=("$found")
    done
fi

CHECK_RESULTS="$(mktemp)"
export CHECK_RESULTS
trap 'rm -f "$CHECK_RESULTS"' EXIT
count() { grep -c "^$1"$'\t' "$CHECK_RESULTS"; }

for c in "${selected[@]}"; do
    failed_before=$(count FAIL); results_before=$(wc -l < "$CHECK_RESULTS")
    case "$c" in
        *.py) python3 "$CHECKS/$c" ;;
        *)    bash "$CHECKS/$c" ;;
    esac
    rc=$?
    # A check that crashed, or ended without saying anything, fails as a whole.
    if [ $rc -ne 0 ] && [ "$(count FAIL)" -eq "$failed_before" ]; then
        fail "ops/checks/$c (exit $rc)"
    elif [ "$(wc -l < "$CHECK_RESULTS")" -eq "$results_before" ]; then
        fail "ops/checks/$c (reported no result)"
    fi
done

PASSED=$(count PASS); FAILED=$(count FAIL); SKIPPED=$(count SKIP)
say ""
say "== summary: $PASSED passed, $FAILED failed, $SKIPPED skipped"
if [ "$FAILED" -gt 0 ]; then
    grep "^FAIL"$'\t' "$CHECK_RESULTS" | cut -f2- | sed 's/^/   failed: /'
    exit 1
fi
exit 0
