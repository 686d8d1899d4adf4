#!/usr/bin/env bash
# Open-loop latency of POST /api/v1/holds (1 seat): what a buyer waits at a steady arrival rate, without coordinated
# omission. One Redis (AOF everysec, as bench/run.sh), one instance (group commit on), warmed until its JIT is quiet;
# then, in the same run:
#   1. the maximum: closed-loop holds for MAX_DURATION with CONNECTIONS in flight, sent by bench/loadgen after
#      LOADGEN_WARMUP seconds unrecorded (a cold client JVM sends little): the generator shares the cores with the
#      instance, so the shares below are of what the instance does beside it; MAX_WITH=wrk measures it with wrk,
#      a cheaper client, whose maximum the instance cannot reach beside the JVM generator;
#   2. for each of PERCENTS (25 50 75) of that maximum, on a fresh 1,000,000-seat event: bench/loadgen sends holds
#      at that constant rate for DURATION seconds (after LOADGEN_WARMUP seconds of the same load, not recorded),
#      each request scheduled at start + i/rate, its latency counted from that scheduled time, at most
#      LOADGEN_CONNECTIONS connections; the event's ledger is checked afterwards;
#   3. a table of p50/p90/p99/p99.9/max per rate, and a plot of latency by percentile (SVG) beside the HdrHistogram
#      logs (.hlog) and percentile distributions (.hgrm), in OUT.
#
# Needs: a Java 17 JDK (java, jcmd), maven, wrk, redis-server, redis-cli, python3, curl.   Usage: bench/open-loop.sh
# Settings (environment): DURATION (30: seconds per rate) PERCENTS ("25 50 75") MAX_DURATION (10: seconds)
#   MAX_WITH (loadgen | wrk) CONNECTIONS (64: the maximum's and the warm-up's) LOADGEN_CONNECTIONS (64)
#   LOADGEN_WARMUP (15: seconds) WARMUP (15) WARMUP_MAX_ROUNDS (8) SKIP_BUILD (0: 1 reuses target/box-office.jar)
#   OUT (bench/results/open-loop-<time>) TITLE (the plot's title)
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh" open-loop

DURATION=${DURATION:-30}
PERCENTS=${PERCENTS:-25 50 75}
MAX_DURATION=${MAX_DURATION:-10}
MAX_WITH=${MAX_WITH:-loadgen}
CONNECTIONS=${CONNECTIONS:-64}
LOADGEN_CONNECTIONS=${LOADGEN_CONNECTIONS:-64}
LOADGEN_WARMUP=${LOADGEN_WARMUP:-15}
WARMUP=${WARMUP:-15}
WARMUP_MAX_ROUNDS=${WARMUP_MAX_ROUNDS:-8}
OUT=${OUT:-$BENCH_DIR/results/open-loop-$(date +%Y%m%d-%H%M%S)}

need_tools java jcmd mvn wrk redis-server redis-cli python3 curl
mkdir -p "$OUT"
echo "Building the service and bench/loadgen..."
build service loadgen
start_redis_aof
start_app
echo "Redis on $REDIS_PORT (AOF everysec), the instance on $APP_PORT; results in $OUT"
echo "Warming up (rounds of ${WARMUP}s of holds and ${WARMUP}s of status reads until the JIT is quiet)..."
warm_up

echo "Maximum: closed-loop holds for ${MAX_DURATION}s, $CONNECTIONS in flight ($MAX_WITH)..."
event=$(create_event 1000000)
if [ "$MAX_WITH" = loadgen ]; then
  loadgen --url "http://127.0.0.1:$APP_PORT" --rate 0 --duration "$MAX_DURATION" --warmup "$LOADGEN_WARMUP" \
    --connections "$CONNECTIONS" --body "{\"event_id\":\"$event\",\"qty\":1}" --label max >"$OUT/max.txt"
else
  EVENT_ID=$event wrk -t2 -c"$CONNECTIONS" -d"${MAX_DURATION}s" --latency -s "$WRK/post-hold.lua" \
    "http://127.0.0.1:$APP_PORT" >"$OUT/max.txt"
fi
max=$(result_field "$OUT/max.txt" rps)
echo "  maximum: $max holds/s (p99 $(result_field "$OUT/max.txt" p99_ms) ms closed loop)"

: >"$OUT/runs.tsv"
for pct in $PERCENTS; do
  rate=$(python3 -c "print(round($max * $pct / 100, 1))")
  event=$(create_event 1000000)
  echo "Open loop at $pct % of the maximum: $rate holds/s for ${DURATION}s (after ${LOADGEN_WARMUP}s not recorded)..."
  loadgen --url "http://127.0.0.1:$APP_PORT" --rate "$rate" --duration "$DURATION" --warmup "$LOADGEN_WARMUP" \
    --connections "$LOADGEN_CONNECTIONS" --body "{\"event_id\":\"$event\",\"qty\":1}" --label "holds-${pct}pct" \
    --hlog "$OUT/holds-${pct}pct.hlog" --hgrm "$OUT/holds-${pct}pct.hgrm" >"$OUT/holds-${pct}pct.txt"
  sed -n '2,7p' "$OUT/holds-${pct}pct.txt" | sed 's/^/  /'
  status=$(curl -sf "$API/events/$event/status")
  printf '%s\t%s\t%s\t%s\n' "$pct" "$OUT/holds-${pct}pct.txt" "$OUT/holds-${pct}pct.hgrm" "$status" >>"$OUT/runs.tsv"
done

python3 "$TOOLS/open_loop_report.py" "$max" "$MAX_WITH" "$OUT/runs.tsv" "$OUT/latency-by-percentile.svg" \
  "${TITLE:-POST /api/v1/holds, open loop, $(date +%Y-%m-%d)}" | tee "$OUT/summary.txt"
echo
echo "HdrHistogram logs, distributions and the plot: $OUT"
