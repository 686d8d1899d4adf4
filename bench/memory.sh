#!/usr/bin/env bash
# What Redis keeps per hold: one Redis (no persistence, so nothing else allocates), one instance on it, holds of one
# seat placed with wrk for DURATION, then used_memory divided by the holds placed:
#   active hold          placed without an Idempotency-Key, still active
#   finished hold        the same holds after they expired (kept for FINISHED_HOLD_RETENTION)
#   idempotency key      a second batch, each with its own key, after expiry, minus a finished hold
# and how the active holds sit in the expiry index (lanes or the exact zset: docs/design.md, "Expiry").
# Needs: java, wrk, redis-server, redis-cli, python3, curl; target/box-office.jar (mvn -q package -DskipTests).
# Usage: bench/memory.sh        Settings: DURATION (10s) CONNECTIONS (16)
set -euo pipefail
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-16}
export BENCH_DIR
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
WORK=$(mktemp -d /tmp/box-office-memory.XXXXXX)
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true' EXIT

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_until() { for _ in $(seq 1 150); do "$@" >/dev/null 2>&1 && return 0; sleep 0.2; done; echo "timed out: $*"; exit 1; }

REDIS_PORT=$(free_port); PORT=$(free_port); ADMIN=$(free_port)
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$WORK" --appendonly no --save "" >"$WORK/redis.log" 2>&1 &
PIDS+=($!)
wait_until redis-cli -p "$REDIS_PORT" ping
STORE=redis REDIS_URL="redis://127.0.0.1:$REDIS_PORT" PORT=$PORT ADMIN_PORT=$ADMIN HOLD_TTL="10 seconds" \
  ADMISSION_TOKEN_KEY=bench-only-admission-token-key-of-32-bytes \
  LOG_LEVEL=WARN java -Xmx1g -jar "$ROOT/target/box-office.jar" server "$ROOT/config.yml" >"$WORK/app.log" 2>&1 &
PIDS+=($!)
wait_until curl -sf "http://127.0.0.1:$ADMIN/ping"
API="http://127.0.0.1:$PORT/api/v1"

used() { redis-cli -p "$REDIS_PORT" info memory | sed -n 's/^used_memory:\([0-9]*\).*/\1/p'; }
holds_created() { curl -s "$API/metrics" | python3 -c 'import json,sys; print(json.load(sys.stdin)["holds_created_total"])'; }
new_event() {
  curl -s -X POST "$API/events" -H 'Content-Type: application/json' -d '{"name":"memory","total_seats":1000000}' \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["event_id"])'
}
settle() {  # wait until every hold has expired and been swept
  sleep 12
  wait_until test "$(curl -s "$API/metrics" | python3 -c 'import json,sys; print(json.load(sys.stdin)["active_holds"])')" = 0
}

EVENT_ID=$(new_event); export EVENT_ID
m0=$(used); h0=$(holds_created)
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -s "$BENCH_DIR/wrk/post-hold.lua" "http://127.0.0.1:$PORT" >/dev/null
n1=$(( $(holds_created) - h0 )); m1=$(used)
# How the active holds sit in the expiry index: lanes (a list each, ~30 bytes a hold) or the exact zset (~120).
index_keys() {
  local p; p=$(redis-cli -p "$REDIS_PORT" --scan --pattern "bo:{*}:e:$EVENT_ID" | sed 's/e:.*$//')
  echo "expiry index of the active holds: $(redis-cli -p "$REDIS_PORT" zcard "${p}xl:$EVENT_ID") lane(s) holding" \
    "$(redis-cli -p "$REDIS_PORT" zrange "${p}xl:$EVENT_ID" 0 -1 \
      | while read -r lane; do redis-cli -p "$REDIS_PORT" llen "${p}xl:$EVENT_ID:$lane"; done \
      | awk '{ s += $1 } END { print s + 0 }') holds, $(redis-cli -p "$REDIS_PORT" zcard "${p}x:$EVENT_ID") in the exact zset"
}
index_keys
settle; m2=$(used)
EVENT_ID=$(new_event); export EVENT_ID
h2=$(holds_created)
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -s "$BENCH_DIR/wrk/post-hold-keyed.lua" "http://127.0.0.1:$PORT" >/dev/null
n2=$(( $(holds_created) - h2 ))
settle; m3=$(used)
# MEMORY USAGE of 200 keys of each kind (the key, its value and its entry in the keyspace), for a figure that does
# not depend on when Redis's hash tables happen to grow.
sampled() {  # sampled <pattern>
  redis-cli -p "$REDIS_PORT" --scan --pattern "$1" | head -200 \
    | while read -r key; do redis-cli -p "$REDIS_PORT" memory usage "$key"; done \
    | awk '{ s += $1; n++ } END { if (n) printf "%.0f", s / n; else printf "-" }'
}
python3 - "$m0" "$m1" "$m2" "$m3" "$n1" "$n2" "$(sampled 'bo:{*}:h*:*_*')" "$(sampled 'bo:i*')" <<'PY'
import sys
m0, m1, m2, m3, n1, n2 = map(int, sys.argv[1:7])
finished = (m2 - m0) / n1
print(f"holds: {n1} without keys, {n2} with keys")
print(f"bytes per active hold (used_memory):     {(m1 - m0) / n1:.0f}")
print(f"bytes per finished hold (used_memory):   {finished:.0f}")
print(f"bytes per idempotency key (used_memory): {(m3 - m2) / n2 - finished:.0f}")
print(f"MEMORY USAGE of a finished hold's key:   {sys.argv[7]}")
print(f"MEMORY USAGE of an idempotency key:      {sys.argv[8]}")
PY
