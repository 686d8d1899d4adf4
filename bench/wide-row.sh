#!/usr/bin/env bash
# What one best-available hold costs on a very wide row (issue 27, item 2): on an event of one reserved row of
# 200,000 seats, ROUNDS holds of 100 items {"best_available": 1} each, apart and then together, one after another on
# one instance (on Redis, as production). Prints each kind's median and slowest request time as curl saw it, end to
# end, over the second half of the rounds (the first warm the JIT up). The goal on the development machine: a median
# under 50 ms (before the fix, apart took over 2 s).
#
# Usage: bench/wide-row.sh           Needs java, mvn, redis-server, redis-cli, python3, curl.
# Settings (environment): ROUNDS (20) SKIP_BUILD (0; 1 reuses target/box-office.jar)
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh" wide-row

ROUNDS=${ROUNDS:-20}

need_tools java mvn redis-server redis-cli python3 curl
build service
start_redis
start_app

for _ in 1 2 3 4 5; do  # a cold instance's first call may miss its deadline
  reply=$(curl -sf -X POST "$API/events" -H 'Content-Type: application/json' \
    -d '{"name": "wide row", "sections": [{"id": "floor", "rows": [{"row": "A", "seats": 200000}]}]}') && break
  sleep 1
done
event=$(json_field event_id <<<"$reply")
for together in false true; do
  python3 -c "
import json
print(json.dumps({'event_id': '$event', 'items': [{'section': 'floor', 'best_available': 1,
                  'together': '$together' == 'true'} for _ in range(100)]}))" >"$WORK/hold.json"
  for _ in $(seq 1 "$ROUNDS"); do
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -X POST "$API/holds" \
      -H 'Content-Type: application/json' -d @"$WORK/hold.json"
  done >"$WORK/times-$together"
  python3 - "$together" "$WORK/times-$together" <<'PY'
import statistics, sys
lines = [line.split() for line in open(sys.argv[2])]
times = [float(t) * 1000 for _, t in lines]
warm = sorted(times[len(times) // 2:])  # the first half warms the JIT up
codes = sorted({code for code, _ in lines})
print(f"together={sys.argv[1]}: {len(times)} holds of 100 picks, answers {codes}; the last {len(warm)}: "
      f"median {statistics.median(warm):.1f} ms, slowest {warm[-1]:.1f} ms")
PY
done
