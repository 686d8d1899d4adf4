#!/usr/bin/env bash
# The tools the other checks run: nginx, promtool, python3 with PyYAML, node with npm. Missing ones are installed with
# apt-get (CI: a fresh Debian machine running as root).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

APT_UPDATED=0
apt_install() {
    if ! command -v apt-get >/dev/null 2>&1; then
        say "      apt-get not available; cannot install $*"; return 1
    fi
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else say "      not root; cannot install $*"; return 1; fi
    fi
    if [ $APT_UPDATED -eq 0 ]; then
        $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null || return 1
        APT_UPDATED=1
    fi
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" >/dev/null
}

section "tools"
if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
    say "      nginx missing: installing"
    apt_install nginx-light || apt_install nginx || true
fi
if ! command -v promtool >/dev/null 2>&1; then
    say "      promtool missing: installing the prometheus package"
    apt_install prometheus || true
fi
if ! command -v python3 >/dev/null 2>&1 || ! python3 -c 'import yaml' >/dev/null 2>&1; then
    say "      python3 / PyYAML missing: installing"
    apt_install python3 python3-yaml || true
fi
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    say "      node / npm missing: installing"   # openapi-lint.sh installs its linter with npm ci
    apt_install nodejs npm || true
fi

NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
if [ -x "$NGINX" ]; then pass "tool: $("$NGINX" -v 2>&1)"; else fail "tool: nginx"; fi
if command -v promtool >/dev/null 2>&1; then pass "tool: $(promtool --version 2>&1 | head -n1)"; else fail "tool: promtool"; fi
if python3 -c 'import yaml' >/dev/null 2>&1; then pass "tool: $(python3 --version 2>&1) with PyYAML"; else fail "tool: python3 with PyYAML"; fi
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
    pass "tool: node $(node --version 2>&1) with npm $(npm --version 2>&1)"
else
    fail "tool: node with npm"
fi
finish
