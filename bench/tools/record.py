"""Turns the RESULT lines of one scenario's wrk processes (one per instance) into one TSV line of results.

Usage: record.py <scenario> <status JSON or ""> <wrk output file>...
Environment: SEATS_PER_HOLD (1), SEAT_MAP (a file with a section's seat map JSON: its held and booked seats must be
exactly the event's, so no seat was granted twice)
Columns: scenario rps p50_ms p99_ms granted conflicts other oversold ledger status

granted counts the 201 answers wrk saw. The event's `held` may exceed it by the requests still in flight when wrk
stopped (at most one per connection): the server finished them but wrk closed the connection first. So the ledger
check is: available + held + booked == total, held >= granted, and oversold = seats held or booked beyond the total.
"""
import json
import os
import re
import statistics
import sys

scenario, status_json, files = sys.argv[1], sys.argv[2], sys.argv[3:]
results = []
for name in files:
    text = open(name).read()
    match = re.search(r"^RESULT (.*)$", text, re.M)
    if not match:
        sys.exit(f"no RESULT line in {name}:\n{text}")
    results.append({k: float(v) for k, v in (kv.split("=") for kv in match.group(1).split())})

rps = sum(r["rps"] for r in results)
p50 = statistics.median(r["p50_ms"] for r in results)
p99 = max(r["p99_ms"] for r in results)
granted = int(sum(r["s201"] for r in results)) * int(os.environ.get("SEATS_PER_HOLD", "1"))
conflicts = int(sum(r["s409"] for r in results))
# Answers that are neither the expected success nor a 409 (e.g. 503), and socket errors.
expected = "s201" if scenario.startswith(("holds", "sell-out")) else "s200"
other = int(sum(r["s200"] + r["s201"] + r["other"] + r["errors"] - r[expected] for r in results))
oversold, ledger = "-", "-"
if status_json:
    status = json.loads(status_json)
    oversold = str(max(0, status["held"] + status["booked"] - status["total"]))
    if status["available"] + status["held"] + status["booked"] != status["total"]:
        ledger = "UNBALANCED"
    elif status["held"] < granted:
        ledger = f"LOST (held {status['held']} < granted {granted})"
    else:
        ledger = f"balanced, held {status['held']} (+{status['held'] - granted} in flight at stop)"
    if os.environ.get("SEAT_MAP"):
        states = "".join(row["states"] for row in json.load(open(os.environ["SEAT_MAP"]))["rows"])
        if (states.count("H"), states.count("B")) != (status["held"], status["booked"]):
            ledger = f"SEAT MAP DISAGREES (H {states.count('H')}, B {states.count('B')})"
        else:
            ledger += f", seat map agrees ({states.count('H')} H)"
print("\t".join([scenario, f"{rps:.1f}", f"{p50:.2f}", f"{p99:.2f}", str(granted), str(conflicts), str(other),
                 oversold, ledger, json.dumps(status) if status_json else "-"]))
