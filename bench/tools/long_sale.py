"""The long sale's load and its report (bench/long-sale.sh runs it): DURATION seconds in rounds of INTERVAL seconds,
each round one wrk of holds (post-hold-book.lua, CONNECTIONS) and one wrk of status reads (get-status.lua,
READERS) side by side; after each round one line: holds/s and the 503s (the instance's own counters, from its
admin /prometheus), the p99 of the hold and booking requests and of the status reads (wrk), the event's held
seats (its status), the due backlog (boxoffice_expiry_due_holds and _oldest_due_seconds) and Redis's slowest
command of the round (SLOWLOG: every command slower than 1 ms is logged; the log is emptied after each round).

Environment: BENCH_DIR EVENT_ID APP_PORT APP_ADMIN REDIS_PORT DURATION INTERVAL CONNECTIONS READERS; SCRIPTS (the
service's Lua scripts, to name an EVALSHA by its script).
"""
import hashlib
import json
import os
import re
import socket
import subprocess
import sys
import urllib.request

env = os.environ
BENCH_DIR, EVENT_ID = env["BENCH_DIR"], env["EVENT_ID"]
APP, ADMIN = f"http://127.0.0.1:{env['APP_PORT']}", f"http://127.0.0.1:{env['APP_ADMIN']}"
DURATION, INTERVAL = int(env.get("DURATION", "300")), int(env.get("INTERVAL", "10"))
CONNECTIONS, READERS = env.get("CONNECTIONS", "64"), env.get("READERS", "8")
# Which libraries LuaScript loads before each script (RedisLedgerBackend), so an EVALSHA can be named.
LIBRARIES = {"read-counts": ["expiry-index", "due-seats"], "read-for-update": ["expiry-index"],
             "commit": ["expiry-index", "due-seats"], "audit": ["expiry-index"],
             "read-due": ["expiry-index", "due-seats"]}


def script_names():
    def source(name):
        return open(os.path.join(env["SCRIPTS"], name + ".lua")).read()
    names = {}
    for script, libraries in LIBRARIES.items():
        text = "".join(source(library) + "\n" for library in libraries) + source(script)
        names[hashlib.sha1(text.encode()).hexdigest()] = script
    return names


class Redis:
    """Just enough RESP for SLOWLOG and CONFIG SET."""

    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", int(port)))
        self.file = self.sock.makefile("rb")

    def call(self, *args):
        out = f"*{len(args)}\r\n" + "".join(f"${len(str(a).encode())}\r\n{a}\r\n" for a in args)
        self.sock.sendall(out.encode())
        return self.read()

    def read(self):
        line = self.file.readline().rstrip(b"\r\n")
        kind, rest = line[:1], line[1:]
        if kind in (b"+", b"-"):
            return rest.decode()
        if kind == b":":
            return int(rest)
        if kind == b"$":
            if int(rest) < 0:
                return None
            data = self.file.read(int(rest) + 2)
            return data[:-2].decode(errors="replace")
        if kind == b"*":
            return [self.read() for _ in range(int(rest))]
        raise ValueError(line)


def prometheus():
    text = urllib.request.urlopen(ADMIN + "/prometheus", timeout=10).read().decode()
    figures = {"503": 0.0}
    for line in text.splitlines():
        if line.startswith("http_requests_total{") and 'status="503"' in line:
            figures["503"] += float(line.rsplit(" ", 1)[1])
        for name in ("boxoffice_holds_placed_total", "boxoffice_expiry_due_holds",
                     "boxoffice_expiry_oldest_due_seconds"):
            if line.startswith(name + " "):
                figures[name] = float(line.rsplit(" ", 1)[1])
    return figures


def held():
    status = json.load(urllib.request.urlopen(f"{APP}/api/v1/events/{EVENT_ID}/status", timeout=10))
    return status["held"], status["available"]


def wrk(script, connections, out):
    return subprocess.Popen(["wrk", "-t1", f"-c{connections}", f"-d{INTERVAL}s", "-s",
                             os.path.join(BENCH_DIR, "wrk", script), APP], stdout=open(out, "w"),
                            env=dict(env, BENCH_DIR=BENCH_DIR, EVENT_ID=EVENT_ID))


def result(out):
    match = re.search(r"^RESULT (.*)$", open(out).read(), re.M)
    return {k: float(v) for k, v in (kv.split("=") for kv in match.group(1).split())} if match else {}


def slowest(redis, names):
    entries = redis.call("SLOWLOG", "GET", "100000")
    redis.call("SLOWLOG", "RESET")
    if not entries:
        return 0.0, "-"
    entry = max(entries, key=lambda e: e[2])
    args = entry[3]
    name = args[0].upper()
    if name in ("EVALSHA", "EVALSHA_RO"):
        name = names.get(args[1], args[1][:8])
    return entry[2] / 1000.0, name


def main():
    work = sys.argv[1]
    names = script_names()
    redis = Redis(env["REDIS_PORT"])
    redis.call("CONFIG", "SET", "slowlog-log-slower-than", "1000")
    redis.call("CONFIG", "SET", "slowlog-max-len", "100000")
    redis.call("SLOWLOG", "RESET")
    before = prometheus()
    print("   t  holds/s  p99_ms  status/s  status_p99_ms     held  due_holds  oldest_due_s  slowest_redis_ms  "
          "slowest_command  503s")
    totals = {"503": 0, "holds": 0}
    for round_ in range(1, DURATION // INTERVAL + 1):
        holds_out, status_out = f"{work}/holds-{round_}.txt", f"{work}/status-{round_}.txt"
        running = [wrk("post-hold-book.lua", CONNECTIONS, holds_out), wrk("get-status.lua", READERS, status_out)]
        for process in running:
            process.wait()
        after = prometheus()
        holds = after["boxoffice_holds_placed_total"] - before["boxoffice_holds_placed_total"]
        errors = after["503"] - before["503"]
        totals["503"] += errors
        totals["holds"] += holds
        held_seats, _ = held()
        slow_ms, slow_name = slowest(redis, names)
        h, s = result(holds_out), result(status_out)
        print(f"{round_ * INTERVAL:4d}  {holds / INTERVAL:7.0f}  {h.get('p99_ms', 0):6.1f}  {s.get('rps', 0):8.0f}  "
              f"{s.get('p99_ms', 0):13.1f}  {held_seats:7d}  {after.get('boxoffice_expiry_due_holds', 0):9.0f}  "
              f"{after.get('boxoffice_expiry_oldest_due_seconds', 0):12.1f}  {slow_ms:16.1f}  {slow_name:>15}  "
              f"{errors:4.0f}", flush=True)
        before = after
    print(f"RESULT holds={totals['holds']:.0f} holds_per_s={totals['holds'] / DURATION:.0f} s503={totals['503']:.0f}")


if __name__ == "__main__":
    main()
