#!/usr/bin/env bash
# What Redis keeps per hold: one Redis (no persistence, so nothing else allocates), one instance on it, holds of one
# seat placed with wrk for DURATION, then used_memory divided by the holds placed:
#   active hold          placed without an Idempotency-Key, still active
#   finished hold        the same holds after they expired (kept for FINISHED_HOLD_RETENTION)
#   idempotency key      a second batch, each with its own key, after expiry, minus a finished hold
# and how the active holds sit in the expiry index (lanes or the exact zset: docs/design.md, "Expiry").
# Needs: java, maven, wrk, redis-server, redis-cli, python3, curl.
# Usage: bench/memory.sh        Settings: DURATION (10s) CONNECTIONS (16) SKIP_BUILD (0)
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh" memory

DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-16}

need_tools java mvn wrk redis-server redis-cli python3 curl
build service
start_redis --appendonly no --save ""
JAVA_OPTS=-Xmx1g start_app HOLD_TTL="10 seconds"

holds_created() { curl -s "$API/metrics" | json_field holds_created_total; }
settle() {  # wait until every hold has expired and been swept
  sleep 12
  wait_until "every hold swept" test "$(curl -s "$API/metrics" | json_field active_holds)" = 0
}

EVENT_ID=$(create_event 1000000); export EVENT_ID
m0=$(redis_used_memory); h0=$(holds_created)
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -s "$WRK/post-hold.lua" "http://127.0.0.1:$APP_PORT" >/dev/null
n1=$(( $(holds_created) - h0 )); m1=$(redis_used_memory)
# How the active holds sit in the expiry index: lanes (a list each, ~30 bytes a hold) or the exact zset (~120).
index_keys() {
  local p; p=$(rcli --scan --pattern "bo:{*}:e:$EVENT_ID" | sed 's/e:.*$//')
  echo "expiry index of the active holds: $(rcli zcard "${p}xl:$EVENT_ID") lane(s) holding" \
    "$(rcli zrange "${p}xl:$EVENT_ID" 0 -1 \
      | while read -r lane; do rcli llen "${p}xl:$EVENT_ID:$lane"; done \
      | awk '{ s += $1 } END { print s + 0 }') holds, $(rcli zcard "${p}x:$EVENT_ID") in the exact zset"
}
index_keys
settle; m2=$(redis_used_memory)
EVENT_ID=$(create_event 1000000); export EVENT_ID
h2=$(holds_created)
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -s "$WRK/post-hold-keyed.lua" "http://127.0.0.1:$APP_PORT" >/dev/null
n2=$(( $(holds_created) - h2 ))
settle; m3=$(redis_used_memory)
# MEMORY USAGE of 200 keys of each kind (the key, its value and its entry in the keyspace), for a figure that does
# not depend on when Redis's hash tables happen to grow.
sampled() {  # sampled <pattern>
  rcli --scan --pattern "$1" | head -200 \
    | while read -r key; do rcli memory usage "$key"; done \
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
