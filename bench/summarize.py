"""Prints the medians of every scenario over the runs, with ratios to the baseline, and the checks."""
import collections
import statistics
import sys

rows = collections.defaultdict(list)
for line in open(sys.argv[1]):
    scenario, rps, p50, p99, granted, non_expected, oversold, balanced = line.rstrip("\n").split("\t")
    rows[scenario].append((float(rps), float(p50), float(p99), int(granted), int(non_expected), oversold, balanced))

baseline = statistics.median(r[0] for r in rows["baseline"])
batched = statistics.median(r[0] for r in rows["holds-batched"]) if rows["holds-batched"] else None
print()
print(f"{'scenario':<20}{'runs':>5}{'req/s':>11}{'p50 ms':>9}{'p99 ms':>9}{'x baseline':>12}"
      f"{'non-2xx':>9}{'granted':>9}  oversold / balanced")
for scenario in ["baseline", "holds-batched", "holds-unbatched", "holds-3-instances", "sell-out"]:
    runs = rows.get(scenario)
    if not runs:
        continue
    rps = statistics.median(r[0] for r in runs)
    print(f"{scenario:<20}{len(runs):>5}{rps:>11.0f}{statistics.median(r[1] for r in runs):>9.2f}"
          f"{statistics.median(r[2] for r in runs):>9.2f}{rps / baseline:>12.2f}"
          f"{max(r[4] for r in runs):>9}{statistics.median(r[3] for r in runs):>9.0f}  "
          + ", ".join(sorted({f'{r[5]} / {r[6]}' for r in runs})))
if batched and rows["holds-unbatched"]:
    print(f"\nholds batched / unbatched: {batched / statistics.median(r[0] for r in rows['holds-unbatched']):.2f}")
sell_out = rows.get("sell-out", [])
if sell_out:
    exact = all(r[3] == 10000 for r in sell_out)
    print(f"sell-out: granted {sorted({r[3] for r in sell_out})} of 10000 seats -> {'EXACT' if exact else 'WRONG'}")
