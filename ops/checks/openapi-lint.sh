#!/usr/bin/env bash
# OpenAPI: the description the service serves at GET /openapi.json passes `redocly lint` with the recommended ruleset
# (ops/checks/redocly.yaml) with no error and no warning.
# Builds nothing: starts the already-built target/box-office.jar (CI's mvn verify builds it) on free ports, fetches
# the spec, stops the service, then lints. The linter is the @redocly/cli pinned in ops/checks/package.json and
# package-lock.json, installed with `npm ci` into ops/checks/node_modules (git-ignored) when it is missing.
# A missing jar, java, npm or linter is a failure, not a skip.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

JAR="target/box-office.jar"
REDOCLY="$CHECKS/node_modules/.bin/redocly"
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true   # the linter sends nothing anywhere

pinned_version() { sed -n 's/^ *"@redocly\/cli": *"\([^"]*\)".*/\1/p' "$CHECKS/package.json"; }

install_linter() {
    local want; want="$(pinned_version)"
    if [ -x "$REDOCLY" ] && [ "$("$REDOCLY" --version 2>/dev/null)" = "$want" ]; then
        return 0
    fi
    if ! command -v npm >/dev/null 2>&1; then
        say "npm is not installed (apt-get install nodejs npm; ops/checks/tools.sh does that as root)"; return 1
    fi
    say "installing @redocly/cli $want: npm ci in ops/checks"
    (cd "$CHECKS" && npm ci --no-audit --no-fund 2>&1 | tail -n 5) || return 1
    [ "$("$REDOCLY" --version 2>/dev/null)" = "$want" ] || { say "npm ci did not install @redocly/cli $want"; return 1; }
}

# Runs in run's subshell: stops the service itself, whatever happens.
lint_served_spec() {
    install_linter || return 1
    [ -f "$JAR" ] || { say "$JAR is missing: build it first (mvn package; CI's mvn verify does)"; return 1; }
    command -v java >/dev/null 2>&1 || { say "java is not installed"; return 1; }
    local port admin
    work="$(mktemp -d)"; service=""   # globals of this subshell, for its EXIT trap
    trap '[ -n "$service" ] && kill "$service" 2>/dev/null && wait "$service"; rm -rf "$work"' EXIT
    read -r port admin < <(python3 "$CHECKS/free_ports.py" 2)
    PORT="$port" ADMIN_PORT="$admin" java -jar "$JAR" server config.yml > "$work/service.log" 2>&1 &
    service=$!
    if ! python3 "$CHECKS/http_get.py" "http://127.0.0.1:$port/openapi.json" "$work/openapi.json" 60; then
        say "the service did not serve /openapi.json; the end of its log:"; tail -n 20 "$work/service.log"
        return 1
    fi
    kill "$service"; wait "$service"; service=""
    say "$JAR served /openapi.json ($(wc -c < "$work/openapi.json") bytes) on port $port; service stopped"

    local out rc
    out="$(cd "$work" && "$REDOCLY" lint --config "$CHECKS/redocly.yaml" --lint-config error --format stylish \
        openapi.json 2>&1)"; rc=$?
    say "$out"
    [ $rc -eq 0 ] || return 1
    # redocly exits 0 on warnings; this check wants none, and nothing ignored.
    if grep -Eq 'You have [0-9]+ warnings?|ignored' <<< "$out"; then return 1; fi
    grep -q 'Your API description is valid' <<< "$out"
}

section "openapi"
run "GET /openapi.json of $JAR passes redocly lint (recommended, @redocly/cli $(pinned_version)): no errors, no warnings" \
    lint_served_spec
finish
