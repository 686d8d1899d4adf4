#!/usr/bin/env python3
"""Grafana: the dashboard is valid JSON, its PromQL parses (promtool), alerts and dashboard use only the metric names
in ops/METRICS.md (and, with CHECK_METRICS_URL, only series a running instance exports), and the provisioning files
match the dashboard."""
import json
import os
import re
import sys
import tempfile
import urllib.request

from checklib import OPS, check, command, detail, finish, item, run, section, skipped

GRAFANA = OPS / "grafana"
DASHBOARD = GRAFANA / "dashboards" / "box-office.json"
ALERTS = OPS / "prometheus" / "alerts.yml"


def dashboard_promql():
    """Every dashboard query must parse: turn them into recording rules (Grafana variables replaced) for promtool."""
    import yaml
    d = json.load(open(DASHBOARD))
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
    with tempfile.NamedTemporaryFile("w", prefix="dashboard_rules.", suffix=".yml") as f:
        yaml.safe_dump({"groups": [{"name": "dashboard", "rules": rules}]}, f)
        f.flush()
        detail("%d queries in %d panels" % (len(exprs), len({t for t, _ in exprs})))
        return command(["promtool", "check", "rules", f.name]) == 0


def metric_names():
    known = set(re.findall(r"`(boxoffice_[a-z0-9_]+)", (OPS / "METRICS.md").read_text()))
    results = []
    for f in (ALERTS, DASHBOARD):
        used = set(re.findall(r"\b(boxoffice_[a-z0-9_]+)", f.read_text()))
        unknown = sorted(u for u in used - known if not u.endswith("_"))
        results.append(item(not unknown, "%s: %d boxoffice_* series used%s" % (
            f.relative_to(OPS), len(used), "" if not unknown else ", UNKNOWN: " + ", ".join(unknown))))
    return all(results)


def live_metrics(url):
    text = urllib.request.urlopen(url, timeout=10).read().decode()
    exported = {re.match(r"[a-zA-Z_:][a-zA-Z0-9_:]*", l).group(0)
                for l in text.splitlines() if l and not l.startswith("#")}
    used = set()
    for f in (ALERTS, DASHBOARD):
        used |= set(re.findall(r"\b((?:boxoffice|http|jvm)_[a-zA-Z0-9_]+)", f.read_text()))
    missing = sorted(u for u in used if u not in exported and not u.endswith("_"))
    return item(not missing, "%d series exported, %d used by alerts/dashboard%s" % (
        len(exported), len(used), "" if not missing else ", NOT EXPORTED: " + ", ".join(missing)))


def provisioning():
    import yaml
    ds = yaml.safe_load(open(GRAFANA / "provisioning" / "datasources" / "prometheus.yml"))
    uids = {d["uid"] for d in ds["datasources"]}
    prov = yaml.safe_load(open(GRAFANA / "provisioning" / "dashboards" / "box-office.yml"))
    d = json.load(open(DASHBOARD))
    var = [v for v in d["templating"]["list"] if v["type"] == "datasource"][0]
    results = [
        item(prov["providers"][0]["options"]["path"] == "/var/lib/grafana/dashboards",
             "dashboard provider path /var/lib/grafana/dashboards"),
        item(var["current"]["value"] in uids, "dashboard default datasource %r is provisioned (uids %s)" % (
            var["current"]["value"], sorted(uids))),
    ]
    detail("dashboard uid %s, %d panels" % (d["uid"], len(d["panels"])))
    return all(results)


section("grafana")
run("dashboard is valid JSON (python3 -m json.tool)", [sys.executable, "-m", "json.tool", DASHBOARD, os.devnull])
check("dashboard PromQL parses (promtool check rules on the extracted queries)", dashboard_promql)
check("alerts and dashboard use only exported metric names (ops/METRICS.md)", metric_names)
# Optional, against a running instance: CHECK_METRICS_URL=http://127.0.0.1:8081/prometheus ops/check.sh
url = os.environ.get("CHECK_METRICS_URL")
if url:
    check("alerts and dashboard series exist at " + url, live_metrics, url)
else:
    skipped("live metric names (set CHECK_METRICS_URL=http://<instance>:8081/prometheus to compare with a running"
            " instance)")
check("grafana provisioning files parse and match the dashboard", provisioning)
finish()
