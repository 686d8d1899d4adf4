#!/usr/bin/env python3
"""Kubernetes: the manifests in ops/k8s/ (structure, probes, secrets, selectors), `kubectl kustomize` when kubectl is
installed, and the ConfigMap's config.yml is the repository's config.yml (ops/k8s/sync-configmap.sh)."""
import glob
import os
import shutil
import subprocess

from checklib import OPS, ROOT, check, detail, finish, item, run, section, skipped

K8S = OPS / "k8s"


def manifests():
    import yaml
    docs = {}
    for f in sorted(glob.glob(str(K8S / "*.yaml"))):
        for d in yaml.safe_load_all(open(f)):
            if d:
                docs.setdefault(d["kind"], []).append(d)
    kust = docs["Kustomization"][0]
    results = [item(os.path.exists(K8S / r), "kustomization resource %s exists" % r) for r in kust["resources"]]
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
    pdb = docs["PodDisruptionBudget"][0]["spec"]
    checks = [
        ("Deployment replicas == 3", spec["replicas"] == 3),
        ("selector matches pod labels", sel_ok(spec["selector"]["matchLabels"])),
        ("ports http 8080 / admin 8081", ports == {"http": 8080, "admin": 8081}),
        ("readiness GET /health-check?type=ready on http (Dropwizard's health module; Redis not critical)",
            c["readinessProbe"]["httpGet"]["path"] == "/health-check?type=ready"
            and c["readinessProbe"]["httpGet"]["port"] in ("http", 8080)),
        ("liveness GET /ping on admin", c["livenessProbe"]["httpGet"]["path"] == "/ping"
            and c["livenessProbe"]["httpGet"]["port"] in ("admin", 8081)),
        ("ADMIN_BIND=0.0.0.0 so the kubelet reaches the admin port", env["ADMIN_BIND"].get("value") == "0.0.0.0"),
        ("preStop sleep for draining", "sleep" in " ".join(c["lifecycle"]["preStop"]["exec"]["command"])),
        ("terminationGracePeriodSeconds > preStop sleep + 30 s Dropwizard drain",
            pod["terminationGracePeriodSeconds"] > int(c["lifecycle"]["preStop"]["exec"]["command"][-1]) + 30),
        ("resources: requests and memory limit", "requests" in c["resources"] and "memory" in c["resources"]["limits"]),
        ("REDIS_URL, REDIS_PASSWORD, ORGANIZER_API_KEYS, ADMISSION_TOKEN_KEY from Secret " + secret,
            all(env[k]["valueFrom"]["secretKeyRef"]["name"] == secret
                for k in ("REDIS_URL", "REDIS_PASSWORD", "ORGANIZER_API_KEYS", "ADMISSION_TOKEN_KEY"))),
        ("Secret example has every referenced key",
            all(env[k]["valueFrom"]["secretKeyRef"]["key"] in docs["Secret"][0]["stringData"]
                for k in ("REDIS_URL", "REDIS_PASSWORD", "ORGANIZER_API_KEYS", "ADMISSION_TOKEN_KEY"))),
        ("Secret example is not applied by kustomization", "secret.example.yaml" not in kust["resources"]),
        ("ConfigMap with config.yml mounted and passed to the server",
            "config.yml" in cm["data"] and mounted and mounted[0]["configMap"]["name"] == cm["metadata"]["name"]
            and any(m["name"] == mounted[0]["name"] and c["args"][-1] == m["mountPath"].rstrip("/") + "/config.yml"
                    for m in c["volumeMounts"])),
        ("ConfigMap config.yml is valid YAML", isinstance(yaml.safe_load(cm["data"]["config.yml"]), dict)),
        ("non-root, read-only root fs, writable /tmp", pod["securityContext"]["runAsNonRoot"]
            and c["securityContext"]["readOnlyRootFilesystem"] and any(m["mountPath"] == "/tmp" for m in c["volumeMounts"])),
        ("Services select the pods", all(sel_ok(s["spec"]["selector"]) for s in docs["Service"])),
        ("Service targets the http port", any(p["targetPort"] == "http" for s in docs["Service"] for p in s["spec"]["ports"])),
        ("PodDisruptionBudget selects the pods and allows a drain", sel_ok(pdb["selector"]["matchLabels"])
            and (pdb.get("maxUnavailable", 0) >= 1 or pdb.get("minAvailable", 3) < 3)),
    ]
    results += [item(ok, what) for what, ok in checks]
    return all(results)


def configmap_sync():
    import yaml
    norm = lambda s: "\n".join(l.rstrip() for l in s.strip().splitlines())
    cm = yaml.safe_load(open(K8S / "configmap.yaml"))["data"]["config.yml"]
    if norm(cm) != norm((ROOT / "config.yml").read_text()):
        detail("ops/k8s/configmap.yaml differs from config.yml: run ops/k8s/sync-configmap.sh")
        return False
    detail("identical")
    return True


def kubectl_works():
    try:
        return subprocess.run(["kubectl", "version", "--client"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL).returncode == 0
    except OSError:
        return False


section("kubernetes")
check("Kubernetes manifests (structure, probes, secrets, selectors)", manifests)
if shutil.which("kubectl") and kubectl_works():
    run("kubectl kustomize ops/k8s", ["kubectl", "kustomize", K8S], show_stdout=False)
else:
    skipped("kubectl kustomize (kubectl not installed)")
check("ConfigMap config.yml matches the repository's config.yml", configmap_sync)
finish()
