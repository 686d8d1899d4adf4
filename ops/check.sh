#!/usr/bin/env bash
# Validate the deploy/observability kit with the real tools, as far as they run without Docker:
#   nginx -t, promtool check config / check rules / test rules, dashboard JSON and its PromQL,
#   metric names against ops/METRICS.md, docker compose config, Kubernetes manifests, Dockerfile basics,
#   an nginx smoke test (correlation id, JSON errors) against a stub upstream.
# Exits non-zero when any check fails. Missing nginx/promtool/python3-yaml are installed with apt-get
# (CI: a fresh Debian machine running as root).
#
#   ops/check.sh
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OPS="$ROOT/ops"
TMP="$(mktemp -d)"
cleanup() { rm -rf "$TMP"; }
trap cleanup EXIT

PASSED=0
FAILED=0
SKIPPED=0
FAILED_NAMES=()

say()  { printf '%s\n' "$*"; }
pass() { PASSED=$((PASSED + 1)); say "PASS  $1"; }
skip() { SKIPPED=$((SKIPPED + 1)); say "SKIP  $1"; }
fail() { FAILED=$((FAILED + 1)); FAILED_NAMES+=("$1"); say "FAIL  $1"; }

# run NAME CMD...: run a check, show its output indented, record the result.
run() {
    local name="$1"; shift
    local out rc
    out="$("$@" 2>&1)"; rc=$?
    if [ -n "$out" ]; then printf '%s\n' "$out" | sed 's/^/      /'; fi
    if [ $rc -eq 0 ]; then pass "$name"; else fail "$name (exit $rc)"; fi
}

# ------------------------------------------------------------------ tools
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

say "== tools"
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
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
if [ -x "$NGINX" ]; then pass "tool: $("$NGINX" -v 2>&1)"; else fail "tool: nginx"; fi
if command -v promtool >/dev/null 2>&1; then pass "tool: $(promtool --version 2>&1 | head -n1)"; else fail "tool: promtool"; fi
if python3 -c 'import yaml' >/dev/null 2>&1; then pass "tool: $(python3 --version 2>&1) with PyYAML"; else fail "tool: python3 with PyYAML"; fi

# ------------------------------------------------------------------ nginx
say "== nginx"
# The shipped file names the compose services (box-office-1, box-office-2), which do not resolve here:
# test a temporary copy with them mapped to 127.0.0.1 and the log/pid paths moved into a scratch dir.
mkdir -p "$TMP/nginx/logs"
nginx_copy() { # nginx_copy OUT [UPSTREAM_PORT] [LISTEN_PORT]
    sed -E \
        -e "s/box-office-[0-9]+:8080/127.0.0.1:${2:-8080}/" \
        -e "s#/var/log/nginx/#$TMP/nginx/logs/#g" \
        -e "s#/var/run/nginx.pid#$TMP/nginx/nginx.pid#" \
        -e "s/listen 8080;/listen 127.0.0.1:${3:-8080};/" \
        "$OPS/nginx/nginx.conf" > "$1"
}
nginx_copy "$TMP/nginx/nginx.conf"
run "nginx -t on ops/nginx/nginx.conf (upstream hosts mapped to 127.0.0.1)" \
    "$NGINX" -t -p "$TMP/nginx" -c "$TMP/nginx/nginx.conf"

# Smoke test: nginx in front of a stub upstream that echoes the correlation id it received.
smoke_nginx() {
    local ports up lp
    ports="$(python3 -c 'import socket
s=[socket.socket() for _ in range(2)]
[x.bind(("127.0.0.1",0)) for x in s]
print(" ".join(str(x.getsockname()[1]) for x in s))')"
    up="${ports% *}"; lp="${ports#* }"
    cat > "$TMP/stub.py" <<'PY'
import http.server, json, sys
class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def do_GET(self):
        body = json.dumps({"correlation_id_seen": self.headers.get("X-Correlation-ID")}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Correlation-ID", self.headers.get("X-Correlation-ID") or "")
        self.end_headers()
        self.wfile.write(body)
    do_POST = do_GET
    def log_message(self, *a):
        pass
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
PY
    # (runs in a subshell: stop what it started itself, the EXIT trap does not see these pids)
    local stub ngx rc
    python3 "$TMP/stub.py" "$up" & stub=$!
    nginx_copy "$TMP/nginx/smoke.conf" "$up" "$lp"
    "$NGINX" -p "$TMP/nginx" -c "$TMP/nginx/smoke.conf" -g 'daemon off;' 2>"$TMP/nginx/smoke.err" & ngx=$!
    python3 - "$lp" "$up" "$stub" <<'PY'
import http.client, json, os, signal, sys, time
lp, up, stub_pid = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
def req(method, path, headers=None, body=None):
    for _ in range(50):
        try:
            c = http.client.HTTPConnection("127.0.0.1", lp, timeout=5)
            c.request(method, path, body=body, headers=headers or {})
            r = c.getresponse()
            return r.status, dict(r.getheaders()), r.read()
        except (ConnectionRefusedError, http.client.RemoteDisconnected):
            time.sleep(0.1)
    raise SystemExit("nginx did not start")
import socket
for _ in range(100):  # the stub upstream must listen before nginx sees a request
    try:
        socket.create_connection(("127.0.0.1", up), timeout=1).close()
        break
    except OSError:
        time.sleep(0.1)
ok = True
def check(cond, what):
    global ok
    print(("ok    " if cond else "WRONG ") + what)
    ok &= bool(cond)
s, h, b = req("GET", "/api/v1/health", {"X-Correlation-ID": "abc-123"})
check(s == 200 and json.loads(b)["correlation_id_seen"] == "abc-123", "client X-Correlation-ID reaches the service unchanged")
s, h, b = req("GET", "/api/v1/health")
cid = json.loads(b)["correlation_id_seen"]
check(s == 200 and cid and len(cid) == 32, "a correlation id is minted when the client sends none (%s)" % cid)
s, h, b = req("POST", "/api/v1/holds", {"Content-Type": "application/json"}, b"x" * (65 * 1024))
check(s == 413 and json.loads(b)["error_code"] == "PAYLOAD_TOO_LARGE" and "X-Correlation-ID" in h,
      "oversized body -> 413 JSON error with X-Correlation-ID")
os.kill(stub_pid, signal.SIGTERM); time.sleep(0.3)
s, h, b = req("GET", "/api/v1/events/x", {"X-Correlation-ID": "down-1"})
check(s == 503 and json.loads(b)["error_code"] == "SERVICE_UNAVAILABLE" and h.get("Retry-After") == "2"
      and h.get("X-Correlation-ID") == "down-1", "no upstream -> 503 JSON error with Retry-After and X-Correlation-ID")
sys.exit(0 if ok else 1)
PY
    rc=$?
    kill "$stub" "$ngx" 2>/dev/null
    wait "$ngx" 2>/dev/null
    [ $rc -eq 0 ] || cat "$TMP/nginx/smoke.err"
    return $rc
}
if [ "$(id -u)" -eq 0 ] || [ -w /var/lib/nginx ] 2>/dev/null; then
    run "nginx smoke test (correlation id pass-through/minting, JSON 413 and 503)" smoke_nginx
else
    skip "nginx smoke test (needs root for nginx's packaged temp paths)"
fi

# ------------------------------------------------------------------ prometheus
say "== prometheus"
run "promtool check config ops/prometheus/prometheus.yml" promtool check config "$OPS/prometheus/prometheus.yml"
run "promtool check rules ops/prometheus/alerts.yml" promtool check rules "$OPS/prometheus/alerts.yml"
run "promtool test rules ops/prometheus/alerts_test.yml" promtool test rules "$OPS/prometheus/alerts_test.yml"

alert_coverage() {
    python3 - "$OPS/prometheus/alerts.yml" "$OPS/prometheus/alerts_test.yml" <<'PY'
import sys, yaml
rules = yaml.safe_load(open(sys.argv[1]))
tests = yaml.safe_load(open(sys.argv[2]))
alerts = [r["alert"] for g in rules["groups"] for r in g["rules"] if "alert" in r]
fires, silent = set(), set()
for t in tests["tests"]:
    for a in t.get("alert_rule_test", []):
        (fires if a.get("exp_alerts") else silent).add(a["alertname"])
bad = False
for a in alerts:
    missing = [k for k, s in (("firing", fires), ("not firing", silent)) if a not in s]
    print(("ok    " if not missing else "MISSING ") + a + ("" if not missing else ": no test where it is " + " / ".join(missing)))
    bad |= bool(missing)
sys.exit(1 if bad else 0)
PY
}
run "every alert has a firing and a not-firing unit test" alert_coverage

# ------------------------------------------------------------------ grafana
say "== grafana"
run "dashboard is valid JSON (python3 -m json.tool)" \
    python3 -m json.tool "$OPS/grafana/dashboards/box-office.json" /dev/null

dashboard_promql() {
    # Every dashboard query must parse: turn them into recording rules (Grafana variables replaced) for promtool.
    python3 - "$OPS/grafana/dashboards/box-office.json" "$TMP/dashboard_rules.yml" <<'PY'
import json, sys, yaml
d = json.load(open(sys.argv[1]))
exprs = []
def walk(panels):
    for p in panels:
        walk(p.get("panels", []))
        for t in p.get("targets", []):
            exprs.append((p["title"], t["expr"]))
walk(d["panels"])
rules = []
for i, (title, e) in enumerate(exprs):
    e = e.replace("$__rate_interval", "1m").replace("$__interval", "1m").replace("$instance", ".*")
    rules.append({"record": "dashboard:q%d" % i, "expr": e})
yaml.safe_dump({"groups": [{"name": "dashboard", "rules": rules}]}, open(sys.argv[2], "w"))
print("%d queries in %d panels" % (len(exprs), len({t for t, _ in exprs})))
PY
    promtool check rules "$TMP/dashboard_rules.yml"
}
run "dashboard PromQL parses (promtool check rules on the extracted queries)" dashboard_promql

metric_names() {
    python3 - "$OPS/METRICS.md" "$OPS/prometheus/alerts.yml" "$OPS/grafana/dashboards/box-office.json" <<'PY'
import re, sys
doc = open(sys.argv[1]).read()
known = set(re.findall(r"`(boxoffice_[a-z0-9_]+)", doc))
bad = False
for f in sys.argv[2:]:
    used = set(re.findall(r"\b(boxoffice_[a-z0-9_]+)", open(f).read()))
    unknown = sorted(u for u in used - known if not u.endswith("_"))
    print("%s: %d boxoffice_* series used%s" % (f.split("/ops/")[-1], len(used), "" if not unknown else ", UNKNOWN: " + ", ".join(unknown)))
    bad |= bool(unknown)
sys.exit(1 if bad else 0)
PY
}
run "alerts and dashboard use only exported metric names (ops/METRICS.md)" metric_names

# Optional, against a running instance: CHECK_METRICS_URL=http://127.0.0.1:8081/prometheus ops/check.sh
live_metrics() {
    python3 - "$CHECK_METRICS_URL" "$OPS/prometheus/alerts.yml" "$OPS/grafana/dashboards/box-office.json" <<'PY'
import re, sys, urllib.request
text = urllib.request.urlopen(sys.argv[1], timeout=10).read().decode()
exported = {re.match(r"[a-zA-Z_:][a-zA-Z0-9_:]*", l).group(0) for l in text.splitlines() if l and not l.startswith("#")}
used = set()
for f in sys.argv[2:]:
    used |= set(re.findall(r"\b((?:boxoffice|http|jvm)_[a-zA-Z0-9_]+)", open(f).read()))
missing = sorted(u for u in used if u not in exported and not u.endswith("_"))
print("%d series exported, %d used by alerts/dashboard%s" % (len(exported), len(used), "" if not missing else ", NOT EXPORTED: " + ", ".join(missing)))
sys.exit(1 if missing else 0)
PY
}
if [ -n "${CHECK_METRICS_URL:-}" ]; then
    run "alerts and dashboard series exist at $CHECK_METRICS_URL" live_metrics
else
    skip "live metric names (set CHECK_METRICS_URL=http://<instance>:8081/prometheus to compare with a running instance)"
fi

grafana_provisioning() {
    python3 - "$OPS/grafana" <<'PY'
import json, sys, yaml, glob
base = sys.argv[1]
ds = yaml.safe_load(open(base + "/provisioning/datasources/prometheus.yml"))
uids = {d["uid"] for d in ds["datasources"]}
prov = yaml.safe_load(open(base + "/provisioning/dashboards/box-office.yml"))
assert prov["providers"][0]["options"]["path"] == "/var/lib/grafana/dashboards", "dashboard provider path"
d = json.load(open(base + "/dashboards/box-office.json"))
var = [v for v in d["templating"]["list"] if v["type"] == "datasource"][0]
assert var["current"]["value"] in uids, "dashboard default datasource %r not provisioned (%s)" % (var["current"]["value"], uids)
print("datasource uids %s; dashboard uid %s, %d panels" % (sorted(uids), d["uid"], len(d["panels"])))
PY
}
run "grafana provisioning files parse and match the dashboard" grafana_provisioning

# ------------------------------------------------------------------ docker compose
say "== docker compose"
compose_mounts() {
    python3 - "$ROOT/docker-compose.yml" "$ROOT" <<'PY'
import os, sys, yaml
c = yaml.safe_load(open(sys.argv[1]))
root = sys.argv[2]
bad = False
for name, svc in c["services"].items():
    for v in svc.get("volumes", []):
        src = v.split(":")[0]
        if src.startswith("./"):
            ok = os.path.exists(os.path.join(root, src))
            print(("ok      " if ok else "MISSING ") + "%s: %s" % (name, src))
            bad |= not ok
svcs = c["services"]
for s in ("redis", "box-office-1", "box-office-2", "nginx", "prometheus", "grafana"):
    assert s in svcs, "service %s missing" % s
for s in ("box-office-1", "box-office-2"):
    assert svcs[s]["environment"]["STORE"] == "redis", s
    assert svcs[s]["depends_on"]["redis"]["condition"] == "service_healthy", s
assert "--appendonly" in svcs["redis"]["command"] and "everysec" in svcs["redis"]["command"]
sys.exit(1 if bad else 0)
PY
}
run "compose: every bind-mounted file exists, instances use Redis" compose_mounts
if docker compose version >/dev/null 2>&1; then
    run "docker compose config -q" docker compose -f "$ROOT/docker-compose.yml" config -q
elif command -v docker-compose >/dev/null 2>&1; then
    run "docker-compose config -q ($(docker-compose version --short 2>/dev/null))" docker-compose -f "$ROOT/docker-compose.yml" config -q
else
    skip "docker compose config -q (neither 'docker compose' nor 'docker-compose' is installed)"
fi

# ------------------------------------------------------------------ Dockerfile
say "== Dockerfile"
dockerfile_lint() {
    python3 - "$ROOT/Dockerfile" "$ROOT/.dockerignore" <<'PY'
import re, sys
lines = []
for raw in open(sys.argv[1]).read().replace("\\\n", " ").splitlines():
    s = raw.strip()
    if s and not s.startswith("#"):
        lines.append(s)
ins = [(l.split()[0].upper(), l) for l in lines]
froms = [l for k, l in ins if k == "FROM"]
checks = [
    ("multi-stage: maven:3.9-eclipse-temurin-17 build", any("maven:3.9-eclipse-temurin-17" in f and " AS " in f.upper() for f in froms)),
    ("runtime eclipse-temurin:17-jre", froms[-1].split()[1] == "eclipse-temurin:17-jre"),
    ("dependency layer: pom.xml copied and resolved before src", [k for k, l in ins].index("RUN") < [l for k, l in ins].index(next(l for k, l in ins if k == "COPY" and "src" in l))),
    ("non-root USER", any(k == "USER" and not re.search(r"\b(root|0)(:|$)", l.split(None, 1)[1]) for k, l in ins)),
    ("EXPOSE 8080 8081", any(k == "EXPOSE" and "8080" in l and "8081" in l for k, l in ins)),
    ("ENV ADMIN_BIND=0.0.0.0", any(k == "ENV" and "ADMIN_BIND=0.0.0.0" in l for k, l in ins)),
    ("HEALTHCHECK on admin /healthcheck", any(k == "HEALTHCHECK" and "/healthcheck" in l for k, l in ins)),
    ("curl installed for the HEALTHCHECK", any(k == "RUN" and "install" in l and "curl" in l for k, l in ins)),
    ("exec-form ENTRYPOINT with container JVM flags", any(k == "ENTRYPOINT" and l.split(None, 1)[1].startswith("[")
        and "-XX:MaxRAMPercentage=75" in l and "-XX:+ExitOnOutOfMemoryError" in l for k, l in ins)),
    ("copies box-office.jar and config.yml", any("box-office.jar" in l for k, l in ins if k == "COPY") and any("config.yml" in l for k, l in ins if k == "COPY")),
]
ignore = open(sys.argv[2]).read().split()
checks.append((".dockerignore keeps target/ and .git out, config.yml in", "target/" in ignore and ".git" in ignore and "config.yml" not in ignore))
bad = False
for what, ok in checks:
    print(("ok    " if ok else "WRONG ") + what)
    bad |= not ok
sys.exit(1 if bad else 0)
PY
}
run "Dockerfile structure" dockerfile_lint
if [ -f "$ROOT/config.yml" ]; then
    pass "config.yml present for the image (COPY config.yml)"
else
    skip "config.yml not at the repository root yet (owned by the service code): the image build needs it"
fi

# ------------------------------------------------------------------ kubernetes
say "== kubernetes"
k8s_lint() {
    python3 - "$OPS/k8s" <<'PY'
import glob, os, sys, yaml
base = sys.argv[1]
docs = {}
for f in sorted(glob.glob(base + "/*.yaml")):
    for d in yaml.safe_load_all(open(f)):
        if d:
            docs.setdefault(d["kind"], []).append(d)
kust = docs["Kustomization"][0]
for r in kust["resources"]:
    assert os.path.exists(os.path.join(base, r)), "kustomization resource missing: " + r
dep = docs["Deployment"][0]
spec = dep["spec"]; pod = spec["template"]["spec"]; c = pod["containers"][0]
labels = spec["template"]["metadata"]["labels"]
ports = {p["name"]: p["containerPort"] for p in c["ports"]}
env = {e["name"]: e for e in c["env"]}
secret = docs["Secret"][0]["metadata"]["name"]
def sel_ok(sel):
    return all(labels.get(k) == v for k, v in sel.items())
cm = docs["ConfigMap"][0]
mounted = [v for v in pod["volumes"] if "configMap" in v]
checks = [
    ("Deployment replicas == 3", spec["replicas"] == 3),
    ("selector matches pod labels", sel_ok(spec["selector"]["matchLabels"])),
    ("ports http 8080 / admin 8081", ports == {"http": 8080, "admin": 8081}),
    ("readiness GET /healthcheck on admin", c["readinessProbe"]["httpGet"]["path"] == "/healthcheck" and c["readinessProbe"]["httpGet"]["port"] in ("admin", 8081)),
    ("liveness GET /ping on admin", c["livenessProbe"]["httpGet"]["path"] == "/ping" and c["livenessProbe"]["httpGet"]["port"] in ("admin", 8081)),
    ("ADMIN_BIND=0.0.0.0 so the kubelet reaches the admin port", env["ADMIN_BIND"].get("value") == "0.0.0.0"),
    ("preStop sleep for draining", "sleep" in " ".join(c["lifecycle"]["preStop"]["exec"]["command"])),
    ("terminationGracePeriodSeconds > preStop sleep + 30 s Dropwizard drain",
        pod["terminationGracePeriodSeconds"] > int(c["lifecycle"]["preStop"]["exec"]["command"][-1]) + 30),
    ("resources: requests and memory limit", "requests" in c["resources"] and "memory" in c["resources"]["limits"]),
    ("REDIS_URL, REDIS_PASSWORD, ORGANIZER_API_KEYS from Secret " + secret,
        all(env[k]["valueFrom"]["secretKeyRef"]["name"] == secret for k in ("REDIS_URL", "REDIS_PASSWORD", "ORGANIZER_API_KEYS"))),
    ("Secret example has every referenced key",
        all(env[k]["valueFrom"]["secretKeyRef"]["key"] in docs["Secret"][0]["stringData"] for k in ("REDIS_URL", "REDIS_PASSWORD", "ORGANIZER_API_KEYS"))),
    ("Secret example is not applied by kustomization", "secret.example.yaml" not in kust["resources"]),
    ("ConfigMap with config.yml mounted and passed to the server",
        "config.yml" in cm["data"] and mounted and mounted[0]["configMap"]["name"] == cm["metadata"]["name"]
        and any(m["name"] == mounted[0]["name"] and c["args"][-1] == m["mountPath"].rstrip("/") + "/config.yml" for m in c["volumeMounts"])),
    ("ConfigMap config.yml is valid YAML", isinstance(yaml.safe_load(cm["data"]["config.yml"]), dict)),
    ("non-root, read-only root fs, writable /tmp", pod["securityContext"]["runAsNonRoot"] and c["securityContext"]["readOnlyRootFilesystem"]
        and any(m["mountPath"] == "/tmp" for m in c["volumeMounts"])),
    ("Services select the pods", all(sel_ok(s["spec"]["selector"]) for s in docs["Service"])),
    ("Service targets the http port", any(p["targetPort"] == "http" for s in docs["Service"] for p in s["spec"]["ports"])),
    ("PodDisruptionBudget selects the pods and allows a drain", sel_ok(docs["PodDisruptionBudget"][0]["spec"]["selector"]["matchLabels"])
        and (docs["PodDisruptionBudget"][0]["spec"].get("maxUnavailable", 0) >= 1 or docs["PodDisruptionBudget"][0]["spec"].get("minAvailable", 3) < 3)),
]
bad = False
for what, ok in checks:
    print(("ok    " if ok else "WRONG ") + what)
    bad |= not ok
sys.exit(1 if bad else 0)
PY
}
run "Kubernetes manifests (structure, probes, secrets, selectors)" k8s_lint
if command -v kubectl >/dev/null 2>&1 && kubectl version --client >/dev/null 2>&1; then
    run "kubectl kustomize ops/k8s" sh -c "kubectl kustomize '$OPS/k8s' >/dev/null"
else
    skip "kubectl kustomize (kubectl not installed)"
fi

configmap_sync() {
    python3 - "$OPS/k8s/configmap.yaml" "$ROOT/config.yml" <<'PY'
import sys, yaml
norm = lambda s: "\n".join(l.rstrip() for l in s.strip().splitlines())
cm = yaml.safe_load(open(sys.argv[1]))["data"]["config.yml"]
if norm(cm) != norm(open(sys.argv[2]).read()):
    print("ops/k8s/configmap.yaml differs from config.yml: run ops/k8s/sync-configmap.sh")
    sys.exit(1)
print("identical")
PY
}
if [ -f "$ROOT/config.yml" ]; then
    run "ConfigMap config.yml matches the repository's config.yml" configmap_sync
else
    skip "ConfigMap vs config.yml (no config.yml at the repository root yet)"
fi

# ------------------------------------------------------------------ summary
say ""
say "== summary: $PASSED passed, $FAILED failed, $SKIPPED skipped"
if [ $FAILED -gt 0 ]; then
    for n in "${FAILED_NAMES[@]}"; do say "   failed: $n"; done
    exit 1
fi
exit 0
