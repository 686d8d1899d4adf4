#!/usr/bin/env python3
"""Prometheus: promtool check config / check rules / test rules on ops/prometheus/, and every alert has a unit test
where it fires and one where it does not."""
from checklib import OPS, check, finish, item, run, section

PROM = OPS / "prometheus"


def alert_coverage():
    import yaml
    rules = yaml.safe_load(open(PROM / "alerts.yml"))
    tests = yaml.safe_load(open(PROM / "alerts_test.yml"))
    alerts = [r["alert"] for g in rules["groups"] for r in g["rules"] if "alert" in r]
    fires, silent = set(), set()
    for t in tests["tests"]:
        for a in t.get("alert_rule_test", []):
            (fires if a.get("exp_alerts") else silent).add(a["alertname"])
    results = []
    for a in alerts:
        missing = [k for k, s in (("firing", fires), ("not firing", silent)) if a not in s]
        results.append(item(not missing, a + ("" if not missing else ": no test where it is " + " / ".join(missing))))
    return all(results)


section("prometheus")
run("promtool check config ops/prometheus/prometheus.yml", ["promtool", "check", "config", PROM / "prometheus.yml"])
run("promtool check rules ops/prometheus/alerts.yml", ["promtool", "check", "rules", PROM / "alerts.yml"])
run("promtool test rules ops/prometheus/alerts_test.yml", ["promtool", "test", "rules", PROM / "alerts_test.yml"])
check("every alert has a firing and a not-firing unit test", alert_coverage)
finish()
