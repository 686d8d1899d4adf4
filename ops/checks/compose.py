#!/usr/bin/env python3
"""docker compose: every bind-mounted file exists, the instances use Redis, Redis persists (AOF every second), and
`docker compose config -q` accepts the file when Docker Compose is installed."""
import os
import shutil
import subprocess

from checklib import ROOT, check, finish, item, run, section, skipped

COMPOSE = ROOT / "docker-compose.yml"


def compose_mounts():
    import yaml
    c = yaml.safe_load(open(COMPOSE))
    results = []
    for name, svc in c["services"].items():
        for v in svc.get("volumes", []):
            src = v.split(":")[0]
            if src.startswith("./"):
                results.append(item(os.path.exists(ROOT / src), "%s: %s exists" % (name, src)))
    svcs = c["services"]
    for s in ("redis", "box-office-1", "box-office-2", "nginx", "prometheus", "grafana"):
        results.append(item(s in svcs, "service %s" % s))
    for s in ("box-office-1", "box-office-2"):
        results.append(item(svcs[s]["environment"]["STORE"] == "redis"
                            and svcs[s]["depends_on"]["redis"]["condition"] == "service_healthy",
                            "%s: STORE=redis, starts once redis is healthy" % s))
    results.append(item("--appendonly" in svcs["redis"]["command"] and "everysec" in svcs["redis"]["command"],
                        "redis: --appendonly, everysec"))
    return all(results)


def works(argv):
    try:
        return subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0
    except OSError:
        return False


section("docker compose")
check("compose: every bind-mounted file exists, instances use Redis", compose_mounts)
if works(["docker", "compose", "version"]):
    run("docker compose config -q", ["docker", "compose", "-f", COMPOSE, "config", "-q"])
elif shutil.which("docker-compose"):
    version = subprocess.run(["docker-compose", "version", "--short"], capture_output=True, text=True).stdout.strip()
    run("docker-compose config -q (%s)" % version, ["docker-compose", "-f", COMPOSE, "config", "-q"])
else:
    skipped("docker compose config -q (neither 'docker compose' nor 'docker-compose' is installed)")
finish()
