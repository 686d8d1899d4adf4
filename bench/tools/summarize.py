"""Prints the medians of every scenario over the runs, and the checks. Ratios are taken within each run (the same
minute on the same noisy machine), then their median is shown."""
import collections
import json
import statistics
import sys

rows = collections.defaultdict(list)
for line in open(sys.argv[1]):
    scenario, rps, p50, p99, granted, conflicts, other, oversold, ledger, status = line.rstrip("\n").split("\t")
    rows[scenario].append((float(rps), float(p50), float(p99), int(granted), int(conflicts) + int(other), oversold,
                           ledger, json.loads(status) if status != "-" else None, int(other)))

def ratio(scenario, to):
    """Median over the runs of this scenario's rate divided by the other's rate in the same run."""
    return statistics.median(a[0] / b[0] for a, b in zip(rows[scenario], rows[to]))

print()
print(f"{'scenario':<20}{'runs':>5}{'req/s':>11}{'p50 ms':>9}{'p99 ms':>9}{'x baseline':>12}"
      f"{'not-ok':>9}{'granted':>9}  oversold  ledger")
for scenario in ["floor", "baseline", "status", "holds-batched", "holds-unbatched", "holds-3-instances", "sell-out",
                 "holds-reserved", "seat-map-50k"]:
    runs = rows.get(scenario)
    if not runs:
        continue
    rps = statistics.median(r[0] for r in runs)
    print(f"{scenario:<20}{len(runs):>5}{rps:>11.0f}{statistics.median(r[1] for r in runs):>9.2f}"
          f"{statistics.median(r[2] for r in runs):>9.2f}{ratio(scenario, 'baseline'):>12.2f}"
          f"{max(r[4] for r in runs):>9}{statistics.median(r[3] for r in runs):>9.0f}  "
          + f"{max(r[5] for r in runs):>8}  " + ("; ".join(sorted({r[6].split(',')[0] for r in runs}))))
if rows["holds-batched"] and rows["holds-unbatched"]:
    print(f"\nholds batched / unbatched (median of per-run ratios): "
          f"{ratio('holds-batched', 'holds-unbatched'):.2f}")
# The baseline read is answered from the instance's copy of the event; status is the read that goes to Redis.
for scenario in ["holds-batched", "holds-reserved"]:
    if rows[scenario] and rows["baseline"] and rows["status"]:
        print(f"{scenario} / baseline: {ratio(scenario, 'baseline'):.2f}; / status: {ratio(scenario, 'status'):.2f}"
              " (medians of per-run ratios)")
sell_out = rows.get("sell-out", [])
if sell_out:
    # Sold out means every seat is held and none is available; wrk's 201 count can only be lower (in flight at stop).
    exact = all(r[7]["held"] == 10000 and r[7]["available"] == 0 and r[3] <= 10000 and r[8] == 0
                for r in sell_out)
    print(f"sell-out: held {sorted({r[7]['held'] for r in sell_out})} of 10000 seats, 201s seen "
          f"{sorted({r[3] for r in sell_out})}, other answers all 409 -> {'EXACT' if exact else 'WRONG'}")
