#!/usr/bin/env bash
# Where a request's CPU goes, by process, and what the warm-hold targets leave a hold to spend. One Redis (AOF
# everysec, as run.sh), one instance with the image's JVM flags, warmed like run.sh (rounds of holds and status reads
# until its JIT is quiet); then, ROUNDS times, DURATION seconds of each scenario with wrk and CONNECTIONS in flight:
#   floor      GET /ping on the admin port (Jetty alone)
#   baseline   GET /api/v1/events/{id} (answered from the instance's own copy)
#   status     GET /api/v1/events/{id}/status (one Redis script)
#   holds      POST /api/v1/holds of 1 seat (group commit)
# For each: requests/s, and the CPU time (user + system, from /proc and getrusage) that the instance, Redis and wrk
# spent per request, and how many cores each kept busy. Then the budget: on two cores, a hold at 0.4 x the floor's
# rate or at 0.9 x the baseline's may cost (cores x 1 s) / that rate of CPU in all; the report sets that beside what
# a hold costs and what a baseline GET (no write, no Redis) costs. Medians of the rounds.
#
# Needs: a Java 17 JDK (java, jcmd), maven, wrk, redis-server, redis-cli, python3, curl.   Usage: bench/cpu-budget.sh
# Settings (environment): ROUNDS (3) DURATION (10) CONNECTIONS (64) WARMUP (15) WARMUP_MAX_ROUNDS (8) CORES (nproc)
#   SKIP_BUILD (0) OUT (bench/results/cpu-budget-<time>)
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh" cpu-budget

ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-64}
WARMUP=${WARMUP:-15}
WARMUP_MAX_ROUNDS=${WARMUP_MAX_ROUNDS:-8}
CORES=${CORES:-$(nproc)}
OUT=${OUT:-$BENCH_DIR/results/cpu-budget-$(date +%Y%m%d-%H%M%S)}

need_tools java jcmd mvn wrk redis-server redis-cli python3 curl
build service
mkdir -p "$OUT"
start_warm
EVENT_ID=$(create_event 1000000)
export EVENT_ID
HZ=$(getconf CLK_TCK)

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }  # user + system time of a process, in clock ticks

# measure <scenario> <url> <wrk script>: one line of results.tsv (scenario, requests/s, seconds, CPU seconds of the
# instance, of Redis, of wrk)
measure() {
  local scenario=$1 url=$2 script=$3 app0 redis0 started
  app0=$(cpu_ticks "$APP_PID"); redis0=$(cpu_ticks "$REDIS_PID"); started=$(date +%s%N)
  # wrk's own CPU: getrusage of the python process's children once wrk has exited
  python3 -c 'import resource, subprocess, sys
print(subprocess.run(sys.argv[1:], capture_output=True, text=True).stdout)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print("WRK_CPU", usage.ru_utime + usage.ru_stime)' \
    wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -s "$WRK/$script" "$url" >"$WORK/wrk.txt"
  python3 -c 'import sys
scenario, rate, wrk_cpu, hz, t0, t1, a0, a1, r0, r1 = sys.argv[1], *sys.argv[2:4], *map(int, sys.argv[4:])
print("\t".join(map(str, [scenario, rate, (t1 - t0) / 1e9, (a1 - a0) / hz, (r1 - r0) / hz, wrk_cpu])))' \
    "$scenario" "$(result_field "$WORK/wrk.txt" rps)" "$(sed -n 's/^WRK_CPU //p' "$WORK/wrk.txt")" "$HZ" \
    "$started" "$(date +%s%N)" "$app0" "$(cpu_ticks "$APP_PID")" "$redis0" "$(cpu_ticks "$REDIS_PID")" \
    >>"$OUT/results.tsv"
  tail -1 "$OUT/results.tsv"
}

url="http://127.0.0.1:$APP_PORT"
for round in $(seq 1 "$ROUNDS"); do
  echo "Round $round"
  measure floor "http://127.0.0.1:$APP_ADMIN" ping.lua
  measure baseline "$url" get-event.lua
  measure status "$url" get-status.lua
  measure holds "$url" post-hold.lua
done
python3 - "$OUT/results.tsv" "$CORES" <<'PY' | tee "$OUT/summary.txt"
import statistics, sys
from collections import defaultdict
rows = defaultdict(list)
for line in open(sys.argv[1]):
    scenario, rate, secs, app, redis, wrk = line.split("\t")
    rows[scenario].append((float(rate), float(secs), float(app), float(redis), float(wrk)))
cores = int(sys.argv[2])
med = statistics.median
per_request = {}
print(f"{'scenario':10} {'req/s':>8}  {'CPU us per request: instance':>29} {'Redis':>6} {'wrk':>6} {'all':>6}"
      f"   {'cores busy: instance':>20} {'Redis':>6} {'wrk':>6}")
for scenario, runs in rows.items():
    rate = med([r[0] for r in runs])
    us = [med([r[i] / (r[0] * r[1]) * 1e6 for r in runs]) for i in (2, 3, 4)]
    busy = [med([r[i] / r[1] for r in runs]) for i in (2, 3, 4)]
    per_request[scenario] = (rate, us)
    print(f"{scenario:10} {rate:8.0f}  {us[0]:29.1f} {us[1]:6.1f} {us[2]:6.1f} {sum(us):6.1f}"
          f"   {busy[0]:20.2f} {busy[1]:6.2f} {busy[2]:6.2f}")
hold = per_request["holds"][1]
print()
print(f"A hold costs {sum(hold):.1f} us of CPU in all ({hold[0]:.1f} in the instance, {hold[1]:.1f} in Redis, "
      f"{hold[2]:.1f} in wrk); a baseline GET {sum(per_request['baseline'][1]):.1f}.")
for name, scenario, share in (("0.4 x floor", "floor", 0.4), ("0.9 x baseline", "baseline", 0.9)):
    target = share * per_request[scenario][0]
    budget = cores / target * 1e6
    print(f"{name}: {target:,.0f} holds/s on {cores} cores leaves {budget:.1f} us of CPU per hold in all; "
          f"a hold costs {sum(hold) / budget:.2f} x that (at most {cores / sum(hold) * 1e6:,.0f} holds/s "
          f"with every core busy)")
PY
echo "rounds in $OUT/results.tsv"
