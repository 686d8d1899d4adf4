"""The pieces of bench/scale.sh that are easier in Python: a small Redis client (RESP over a socket, pipelined), the
fast path that seeds events and holds through the service's own Lua scripts, the timing probes (HTTP keep-alive),
the sweep loop, and the final report.

  scale_tool.py event-ids <redis port> <out file> [exclude file]    every event id, one a line (shard by shard)
  scale_tool.py seed-events <redis port> <count> <seats> <insert-event.lua>
  scale_tool.py seed-holds <redis port> <events file> <per event> <ttl s> <commit.lua> <retention ms>
  scale_tool.py probe <base url> <name> <GET|POST> <path> <body or -> <values file or -> <warm-up> <count>
  scale_tool.py sweep <admin url>                                   runs sweep-expired until it releases nothing
  scale_tool.py memory-usage <redis port> <pattern> <samples>       mean MEMORY USAGE of keys matching the pattern
  scale_tool.py report <figures file>

The fast path writes exactly what the service writes because it runs the service's scripts: insert-event.lua with
the arguments RedisLedgerBackend.insertEvent passes, and commit.lua with one batch of new holds per event (the
changes ScriptMessages.commitChanges builds, hold records as HoldRecords.json writes them), fenced on the
event's version like any batch. Only the lock is skipped: nothing else writes these events meanwhile.
"""
import base64
import http.client
import json
import os
import random
import socket
import statistics
import sys
import time
import urllib.parse
import uuid

SHARDS = 256
SEED_CHUNK = 5000  # holds per commit.lua call when seeding
FEED_RETENTION_MS = 7 * 24 * 3600 * 1000  # CHANGE_RETENTION's default


class Redis:
    """Just enough RESP: commands out, replies in, many at a time."""

    def __init__(self, port, host="127.0.0.1"):
        self.sock = socket.create_connection((host, port))
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.reader = self.sock.makefile("rb", buffering=1 << 20)

    @staticmethod
    def encode(args):
        out = [b"*%d\r\n" % len(args)]
        for arg in args:
            data = arg if isinstance(arg, bytes) else str(arg).encode()
            out.append(b"$%d\r\n%s\r\n" % (len(data), data))
        return b"".join(out)

    def read(self):
        line = self.reader.readline()
        kind, rest = line[:1], line[1:-2]
        if kind == b"+":
            return rest.decode()
        if kind == b"-":
            raise RuntimeError("redis: " + rest.decode())
        if kind == b":":
            return int(rest)
        if kind == b"$":
            n = int(rest)
            if n < 0:
                return None
            data = self.reader.read(n + 2)[:-2]
            return data.decode()
        if kind == b"*":
            n = int(rest)
            return None if n < 0 else [self.read() for _ in range(n)]
        raise RuntimeError(f"redis: unexpected reply {line!r}")

    def call(self, *args):
        self.sock.sendall(self.encode(args))
        return self.read()

    def pipeline(self, commands, chunk=2000):
        replies = []
        for start in range(0, len(commands), chunk):
            part = commands[start:start + chunk]
            self.sock.sendall(b"".join(self.encode(c) for c in part))
            replies.extend(self.read() for _ in part)
        return replies


def java_hash(text):
    h = 0
    for ch in text:
        h = (31 * h + ord(ch)) & 0xFFFFFFFF
    return h - (1 << 32) if h >= 1 << 31 else h


def shard_of(event_id):
    """RedisKeys.shardOf: Math.floorMod(eventId.hashCode(), 256)."""
    return java_hash(event_id) % SHARDS


def prefix(event_id):
    return "bo:{%d}:" % shard_of(event_id)


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def hold_suffix(issued_ms):
    """Ids.newChildId without the event: 6 bytes of milliseconds, 80 random bits, URL-safe base64."""
    return b64url(issued_ms.to_bytes(8, "big")[2:] + os.urandom(10))


def event_ids(args):
    port, out = int(args[0]), args[1]
    exclude = set(open(args[2]).read().split()) if len(args) > 2 else set()
    r = Redis(port)
    ids = []
    for members in r.pipeline([("SMEMBERS", "bo:{%d}:events" % s) for s in range(SHARDS)]):
        ids.extend(sorted(m for m in members if m not in exclude))
    with open(out, "w") as f:
        f.write("\n".join(ids) + ("\n" if ids else ""))
    print(len(ids))


def seed_events(args):
    """Runs insert-event.lua as RedisLedgerBackend.insertEvent does, for <count> general-admission events."""
    port, count, seats, script = int(args[0]), int(args[1]), int(args[2]), args[3]
    r = Redis(port)
    sha = r.call("SCRIPT", "LOAD", open(script).read())
    sections = json.dumps([{"id": "general", "total": str(seats), "reserved": False}], separators=(",", ":"))
    commands = []
    now = int(time.time() * 1000)
    for i in range(count):
        event_id = str(uuid.uuid4())
        p = prefix(event_id)
        definition = json.dumps({"n": f"scale {i}", "c": str(now), "s": [
            {"id": "general", "n": "General admission", "cap": seats}]}, separators=(",", ":"))
        created = json.dumps(["t", "event.created", "a", str(now), "q", str(seats)], separators=(",", ":"))
        commands.append(("EVALSHA", sha, 6, f"{p}e:{event_id}", f"{p}d:{event_id}", f"{p}events", f"{p}totals",
                         f"{p}f:{event_id}", f"{p}fx", event_id, definition, str(seats), sections,
                         f"{p}m:{event_id}:", "0", created, str(now)))
    r.pipeline(commands, chunk=1000)
    print(count)


def with_libraries(script):
    """The script as RedisLedgerBackend loads it: commit.lua after its libraries, expiry-index.lua and due-seats.lua."""
    libraries = [os.path.join(os.path.dirname(script), name) for name in ("expiry-index.lua", "due-seats.lua")]
    return "".join(open(library).read() + "\n" for library in libraries) + open(script).read()


def seed_holds(args):
    """commit.lua per event, SEED_CHUNK holds a call: <per event> new one-seat holds in its general section, active for
    <ttl s> (a chunk a call, so that one event can take a million of them)."""
    port, events_file, per_event, ttl, script, retention = (int(args[0]), args[1], int(args[2]), int(args[3]),
                                                            args[4], args[5])
    events = open(events_file).read().split()
    r = Redis(port)
    sha = r.call("SCRIPT", "LOAD", with_libraries(script))
    fields = ("version", "available", "held", "booked", "available:general", "held:general", "booked:general")
    stored = r.pipeline([("HMGET", prefix(e) + "e:" + e) + fields for e in events])
    seeded = 0
    batch = []
    for event_id, values in zip(events, stored):
        if None in values:
            sys.exit(f"event {event_id} has no general section counters: {values}")
        version, available, held, booked, ga_available, ga_held, ga_booked = map(int, values)
        if ga_available < per_event:
            sys.exit(f"event {event_id} has {ga_available} seats left, {per_event} holds asked")
        for chunk in range(0, per_event, SEED_CHUNK):
            n = min(SEED_CHUNK, per_event - chunk)
            batch.append(seed_commit(sha, event_id, version, n, ttl, retention,
                                     {"available": str(available - n), "held": str(held + n), "booked": str(booked),
                                      "sections": [{"id": "general", "available": str(ga_available - n),
                                                    "held": str(ga_held + n), "booked": str(ga_booked)}]}))
            version, available, held, ga_available, ga_held = (version + 1, available - n, held + n,
                                                               ga_available - n, ga_held + n)
            if len(batch) == 50 or sum(count for count, _ in batch) >= 10 * SEED_CHUNK:
                seeded += flush(r, batch)
    seeded += flush(r, batch)
    print(seeded)


def seed_commit(sha, event_id, version, n, ttl, retention, counts):
    """One commit.lua call of n new holds, as RedisLedgerBackend.commit makes it; counts: the counters after it."""
    now = int(time.time() * 1000)
    holds = []
    feed = []
    for _ in range(n):
        # created when its id was issued (no "o"), active (no "s"): HoldRecords' layout
        record = json.dumps({"i": [["general", 1]], "d": ttl * 1000, "l": ttl * 1000,
                             "t": "pt_" + b64url(os.urandom(32))}, separators=(",", ":"))
        suffix = hold_suffix(now)
        holds.append({"suffix": suffix, "record": record, "expires_at": str(now + ttl * 1000)})
        feed.append(["t", "hold.created", "a", str(now), "q", "1", "h", suffix, "i", '[["general",1]]',
                     "e", str(now + ttl * 1000)])
    changes = dict(counts, **{
        "seats": [], "reserved_change": {"available": "0", "held": "0", "booked": "0"},
        "holds_created": str(n), "holds_expired": "0", "bookings_created": "0",
        "bookings_cancelled": "0", "holds": holds, "bookings": [], "customers": {}, "feed": feed,
        "at": str(now)})
    p = prefix(event_id)
    return (n, ("EVALSHA", sha, 11, f"{p}e:{event_id}", f"{p}x:{event_id}", f"{p}b:{event_id}", f"{p}due",
                f"{p}totals", f"{p}cu:{event_id}", f"{p}f:{event_id}", f"{p}fx", f"{p}wl:{event_id}",
                f"{p}xl:{event_id}", f"{p}xs:{event_id}",
                str(version), f"{p}h:{event_id}_", json.dumps(changes, separators=(",", ":")), retention,
                event_id, f"{p}m:{event_id}:", f"{p}cx:{event_id}:", str(FEED_RETENTION_MS),
                f"{p}we:{event_id}_"))


def flush(r, batch):
    """Runs the batch's commits (n, command) pipelined; how many holds they made."""
    replies = r.pipeline([command for _, command in batch], chunk=len(batch) or 1)
    if any(reply != 1 for reply in replies):
        sys.exit(f"commit.lua refused a seeding batch (version moved?): {replies}")
    n = sum(count for count, _ in batch)
    batch.clear()
    return n


def probe(args):
    """<count> requests one after the other on one keep-alive connection, after <warm-up> unrecorded ones."""
    base, name, method, path, body, values_file, warmup, count = args[:8]
    values = open(values_file).read().split() if values_file != "-" else [""]
    url = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(url.hostname, url.port)
    rng = random.Random(16)
    times, statuses = [], {}
    for i in range(int(warmup) + int(count)):
        value = rng.choice(values)
        payload = None if body == "-" else body.replace("{{value}}", value)
        headers = {"Content-Type": "application/json"} if payload else {}
        start = time.perf_counter_ns()
        conn.request(method, path.replace("{{value}}", value), body=payload, headers=headers)
        response = conn.getresponse()
        response.read()
        elapsed = time.perf_counter_ns() - start
        if i >= int(warmup):
            times.append(elapsed / 1e6)
            statuses[response.status] = statuses.get(response.status, 0) + 1
    times.sort()
    pick = lambda q: times[min(len(times) - 1, int(q * len(times)))]
    print(f"PROBE name={name} n={len(times)} p50_ms={pick(0.5):.3f} p90_ms={pick(0.9):.3f} p99_ms={pick(0.99):.3f} "
          f"mean_ms={statistics.fmean(times):.3f} statuses={','.join(f'{k}:{v}' for k, v in sorted(statuses.items()))}")


def sweep(args):
    """POST sweep-expired until a pass releases nothing; the time and holds of the passes that released some."""
    url = urllib.parse.urlsplit(args[0])
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=600)
    total_ms, released, passes = 0.0, 0, []
    while True:
        start = time.perf_counter_ns()
        conn.request("POST", "/tasks/sweep-expired")
        response = conn.getresponse()
        text = response.read().decode().strip()
        elapsed = (time.perf_counter_ns() - start) / 1e6
        if response.status != 200 or not text.startswith("released "):
            sys.exit(f"sweep-expired answered {response.status}: {text}")
        n = int(text.split()[1])
        if n == 0:
            break
        total_ms += elapsed
        released += n
        passes.append(f"{n}/{elapsed:.1f}ms")
    per_hold_us = total_ms * 1000 / released if released else float("nan")
    print(f"SWEEP released={released} ms={total_ms:.1f} us_per_hold={per_hold_us:.2f} passes={len(passes)} "
          f"detail={','.join(passes)}")


def memory_usage(args):
    port, pattern, samples = int(args[0]), args[1], int(args[2])
    r = Redis(port)
    keys, cursor = [], "0"
    while len(keys) < samples:
        cursor, found = r.call("SCAN", cursor, "MATCH", pattern, "COUNT", 1000)
        keys.extend(found)
        if cursor == "0":
            break
    sizes = [s for s in r.pipeline([("MEMORY", "USAGE", k) for k in keys[:samples]]) if s is not None]
    print(round(statistics.fmean(sizes)) if sizes else "-")


def report(args):
    """The figures file holds 'key value' lines written by scale.sh."""
    f = {}
    for line in open(args[0]):
        if line.strip():
            key, _, value = line.strip().partition(" ")
            f[key] = value

    def probe_field(name, phase, field="p50_ms"):
        line = f.get(f"probe.{phase}.{name}")
        if not line:
            return None
        return float(dict(kv.split("=", 1) for kv in line.split()[1:])[field])

    small, large = f.get("events.small", "10"), f.get("events.large", "?")
    print()
    print(f"Scale run: {int(large):,} events, {int(f.get('holds.active', 0)):,} active holds "
          f"(events {f.get('events.via')}, holds {f.get('holds.via')})")
    print()
    print(f"{'request (p50 of ' + f.get('probe.count', '?') + ', ms)':<34}{'at ' + small + ' events':>14}"
          f"{'at ' + format(int(large), ',') + ' events':>20}{'ratio':>8}  target <= 2x")
    ratios = {}
    for name, label in [("metrics", "GET /api/v1/metrics"), ("status-one", "GET status, one event"),
                        ("status-any", "GET status, any event"), ("hold-one", "POST /holds, one event"),
                        ("hold-any", "POST /holds, any event")]:
        a, b = probe_field(name, "small"), probe_field(name, "large")
        if a is None or b is None:
            continue
        ratios[name] = b / a
        target = name in ("metrics", "status-one", "status-any")
        print(f"{label:<34}{a:>14.3f}{b:>20.3f}{b / a:>8.2f}  "
              + (("met" if b / a <= 2 else "NOT met") if target else "(reported)"))
    mid = probe_field("metrics", "mid")
    if mid is not None and probe_field("metrics", "large") is not None:
        b = probe_field("metrics", "large")
        print(f"  GET /api/v1/metrics at 1,000 events (every shard has events): {mid:.3f} ms; at "
              f"{int(large):,}: {b:.3f} ms, ratio {b / mid:.2f} (it reads the 256 shards' totals, whatever the events)")
    print()
    def fields(line):
        return dict(kv.split("=", 1) for kv in line.split()[1:])

    smalls = [(key, fields(f[key])) for key in sorted(f) if key.startswith("sweep.small.")]
    large = fields(f["sweep.large"]) if "sweep.large" in f else None
    if smalls and large:
        a = statistics.median(float(s["us_per_hold"]) for _, s in smalls)
        b = float(large["us_per_hold"])
        print(f"sweep, microseconds per due hold: {a:.1f} at {int(smalls[0][1]['released']):,} due (median of "
              f"{len(smalls)}: {', '.join(s['us_per_hold'] for _, s in smalls)}), {b:.1f} at "
              f"{int(large['released']):,} due: ratio {b / a:.2f} (target <= 2x: {'met' if b / a <= 2 else 'NOT met'})")
        print(f"  passes of sweep-expired (holds released/time): {'; '.join(s['detail'] for _, s in smalls)}; "
              f"{large['detail'] if len(large['detail']) < 200 else large['passes'] + ' passes'}")
        for key, s in smalls + [("sweep.large", large)]:
            size = key.split(".", 1)[1]
            if s["released"] != f.get(f"due.{size}.created"):
                print(f"  WARNING ({size}): the sweep released {s['released']} of {f.get(f'due.{size}.created')} "
                      f"holds placed: writes released some lazily, or some were not due yet; raise DUE_TTL")
    print()
    per_event, per_hold = float(f["memory.per_event"]), float(f["memory.per_hold"])
    holds_per_event = int(f.get("holds.per_event", 1))
    fresh, seeded = int(f.get("memory.feed_fresh", 0)), int(f.get("memory.feed_seeded", 0))
    per_change = (seeded - fresh) / holds_per_event
    print(f"Redis used_memory per event: {per_event:.0f} bytes, of which its feed (one change, event.created): "
          f"{fresh} bytes (Redis preallocates a stream's node: stream-node-max-bytes "
          f"{f.get('redis.stream_node_max_bytes')})")
    print(f"Redis used_memory per active hold: {per_hold:.0f} bytes all told (target <= 400: "
          f"{'met' if per_hold <= 400 else 'NOT met'}); of it, the hold's change in its event's feed about "
          f"{per_change:.0f} bytes (a change, kept CHANGE_RETENTION whatever becomes of the hold); without it "
          f"{per_hold - per_change:.0f} bytes ({'met' if per_hold - per_change <= 400 else 'NOT met'})")
    print(f"  MEMORY USAGE of a hold's key: {f.get('memory.hold_key_seeded')} bytes seeded, "
          f"{f.get('memory.hold_key_api')} bytes placed through the API; "
          f"of an expiry index of {f.get('holds.per_event')} holds: {f.get('memory.expiry_index')} bytes "
          f"({int(f.get('memory.expiry_index', 0)) / int(f.get('holds.per_event', 1)):.0f} a hold)")
    print(f"  MEMORY USAGE of an event's keys: {f.get('memory.event_keys')}")
    print(f"  used_memory at the end: {int(f.get('memory.end', 0)) / 1e6:.0f} MB, {f.get('redis.keys')} keys")
    print()
    for key in sorted(k for k in f if k.startswith("time.")):
        print(f"{key}: {f[key]}")


if __name__ == "__main__":
    commands = {"event-ids": event_ids, "seed-events": seed_events, "seed-holds": seed_holds, "probe": probe,
                "sweep": sweep, "memory-usage": memory_usage, "report": report}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        sys.exit(__doc__)
    commands[sys.argv[1]](sys.argv[2:])
