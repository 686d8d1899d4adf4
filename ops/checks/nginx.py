#!/usr/bin/env python3
"""nginx: `nginx -t` on ops/nginx/nginx.conf, then a smoke test of the real nginx in front of a stub upstream
(nginx_stub.py): correlation id pass-through and minting, nginx's own JSON 413 and 503, and a slow request body
held by nginx and cut off by its client_body_timeout without ever reaching the upstream.

The shipped file names the compose services (box-office-1, box-office-2), which do not resolve here: both steps use a
temporary copy with them mapped to 127.0.0.1 and the log/pid paths moved into a scratch directory.
"""
import http.client
import json
import os
import re
import select
import shutil
import socket
import subprocess
import sys
import tempfile
import time

from checklib import CHECKS, OPS, check, detail, finish, item, run, section, skipped
from free_ports import free_ports

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
SCRATCH = tempfile.mkdtemp(prefix="check-nginx.")
os.makedirs(SCRATCH + "/logs")


def nginx_copy(name, upstream_port=8080, listen_port=8080):
    conf = (OPS / "nginx" / "nginx.conf").read_text()
    conf = re.sub(r"box-office-[0-9]+:8080", "127.0.0.1:%d" % upstream_port, conf)
    conf = conf.replace("/var/log/nginx/", SCRATCH + "/logs/").replace("/var/run/nginx.pid", SCRATCH + "/nginx.pid")
    conf = conf.replace("listen 8080;", "listen 127.0.0.1:%d;" % listen_port)
    path = os.path.join(SCRATCH, name)
    with open(path, "w") as f:
        f.write(conf)
    return path


def wait_for_port(port):
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)


def slow_body(lp, seen):
    """Sends a POST's headers (Content-Length: 200), trickles 3 bytes of its body 2 s apart (each gap shorter than
    client_body_timeout), then stalls. Returns (client_body_timeout in seconds, what nginx sent while the body
    trickled in, what it sent after the stall: b"" when it closed, None when nothing came within the timeout + 5 s,
    seconds from the last byte to that, whether the upstream had seen the request when the trickle ended)."""
    timeout = int(re.search(r"client_body_timeout\s+(\d+)s;", (OPS / "nginx" / "nginx.conf").read_text()).group(1))
    s = socket.create_connection(("127.0.0.1", lp), timeout=5)
    try:
        s.sendall(b"POST /api/v1/holds HTTP/1.1\r\nHost: box-office\r\nContent-Type: application/json\r\n"
                  b"Content-Length: 200\r\nX-Correlation-ID: slow-body-1\r\n\r\n")
        early = b""
        for _ in range(3):
            s.sendall(b" ")
            last_byte = time.monotonic()
            if select.select([s], [], [], 2)[0]:
                early = s.recv(4096) or b"(connection closed)"
                break
        passed_on_while_trickling = "slow-body-1" in seen()
        s.settimeout(timeout + 5)
        try:
            answer = s.recv(4096)
        except socket.timeout:
            answer = None
        return timeout, early, answer, time.monotonic() - last_byte, passed_on_while_trickling
    finally:
        s.close()


def smoke():
    up, lp = free_ports(2)
    seen_file = os.path.join(SCRATCH, "upstream_seen")
    open(seen_file, "w").close()

    def seen():
        with open(seen_file) as f:
            return f.read().split()

    def req(method, path, headers=None, body=None):
        for _ in range(50):
            try:
                c = http.client.HTTPConnection("127.0.0.1", lp, timeout=5)
                c.request(method, path, body=body, headers=headers or {})
                r = c.getresponse()
                return r.status, dict(r.getheaders()), r.read()
            except (ConnectionRefusedError, http.client.RemoteDisconnected):
                time.sleep(0.1)
        raise RuntimeError("nginx did not start")

    stub = subprocess.Popen([sys.executable, str(CHECKS / "nginx_stub.py"), str(up), seen_file])
    err = open(os.path.join(SCRATCH, "smoke.err"), "w+")
    ngx = subprocess.Popen([NGINX, "-p", SCRATCH, "-c", nginx_copy("smoke.conf", up, lp), "-g", "daemon off;"],
                           stdin=subprocess.DEVNULL, stdout=err, stderr=err)
    results = []
    try:
        wait_for_port(up)  # the stub upstream must listen before nginx sees a request
        s, h, b = req("GET", "/api/v1/health", {"X-Correlation-ID": "abc-123"})
        results.append(item(s == 200 and json.loads(b)["correlation_id_seen"] == "abc-123",
                            "client X-Correlation-ID reaches the service unchanged"))
        s, h, b = req("GET", "/api/v1/health")
        cid = json.loads(b)["correlation_id_seen"]
        results.append(item(s == 200 and cid and len(cid) == 32,
                            "a correlation id is minted when the client sends none (%s)" % cid))
        s, h, b = req("POST", "/api/v1/holds", {"Content-Type": "application/json"}, b"x" * (65 * 1024))
        results.append(item(s == 413 and json.loads(b)["error_code"] == "PAYLOAD_TOO_LARGE"
                            and "X-Correlation-ID" in h, "oversized body -> 413 JSON error with X-Correlation-ID"))
        s, h, b = req("POST", "/api/v1/holds", {"Content-Type": "application/json", "X-Correlation-ID": "full-body-1"},
                      b'{"qty": 1}')
        results.append(item(s == 200 and "full-body-1" in seen(), "a complete request body is passed upstream"))
        timeout, early, answer, waited, passed_on = slow_body(lp, seen)
        results.append(item(not early and not passed_on, "a body trickled in (a byte every 2 s) is held by nginx:"
                            " no answer%s, nothing passed upstream" % (" (got %r)" % early[:40] if early else "")))
        results.append(item(answer is not None and (answer == b"" or answer.startswith(b"HTTP/1.1 408"))
                            and waited <= timeout + 3,
                            "then stalled, it is cut off %.1f s after its last byte (client_body_timeout %ds): %s" % (
                                waited, timeout, "no answer" if answer is None else
                                "closed" if answer == b"" else answer.split(b"\r\n")[0].decode(errors="replace"))))
        results.append(item("slow-body-1" not in seen(), "the upstream never received the slow request"))
        stub.terminate()
        stub.wait()
        time.sleep(0.3)
        s, h, b = req("GET", "/api/v1/events/x", {"X-Correlation-ID": "down-1"})
        results.append(item(s == 503 and json.loads(b)["error_code"] == "SERVICE_UNAVAILABLE"
                            and h.get("Retry-After") == "2" and h.get("X-Correlation-ID") == "down-1",
                            "no upstream -> 503 JSON error with Retry-After and X-Correlation-ID"))
    finally:
        for p in (stub, ngx):
            p.terminate()
            p.wait()
        if not (results and all(results)):
            err.seek(0)
            detail(err.read())
    return all(results)


section("nginx")
try:
    run("nginx -t on ops/nginx/nginx.conf (upstream hosts mapped to 127.0.0.1)",
        [NGINX, "-t", "-p", SCRATCH, "-c", nginx_copy("nginx.conf")])
    if os.geteuid() == 0 or os.access("/var/lib/nginx", os.W_OK):
        check("nginx smoke test (correlation id pass-through/minting, JSON 413 and 503, slow body cut off before"
              " the upstream)", smoke)
    else:
        skipped("nginx smoke test (needs root for nginx's packaged temp paths)")
finally:
    shutil.rmtree(SCRATCH, ignore_errors=True)
finish()
