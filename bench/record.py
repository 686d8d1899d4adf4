"""Turns the RESULT lines of one scenario's wrk processes (one per instance) into one TSV line of results.

Usage: record.py <scenario> <status JSON or ""> <wrk output file>...
Columns: scenario rps p50_ms p99_ms granted non201 oversold balanced
"""
import json
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
granted = int(sum(r["s201"] for r in results))
expected_status = 200 if scenario == "baseline" else 201
non_expected = int(sum(r["s200"] + r["s201"] + r["s409"] + r["other"] for r in results)
                   - sum(r["s200"] if expected_status == 200 else r["s201"] for r in results))
oversold, balanced = "-", "-"
if status_json:
    status = json.loads(status_json)
    balanced = "yes" if status["available"] + status["held"] + status["booked"] == status["total"] else "NO"
    # Every granted seat is held (nothing was booked or expired), so any difference is an accounting error.
    oversold = str(max(0, status["held"] - granted) + max(0, granted - status["total"]))
    if status["held"] != granted:
        balanced = f"NO (held {status['held']} != granted {granted})"
print("\t".join([scenario, f"{rps:.1f}", f"{p50:.2f}", f"{p99:.2f}", str(granted), str(non_expected),
                 oversold, balanced]))
