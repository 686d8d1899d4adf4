#!/usr/bin/env bash
# Do the service's costs stay flat as the work grows? One Redis (no persistence, so its memory is only the data), one
# instance, and in one run:
#   1. 10 events: the time of GET /api/v1/metrics, of GET /api/v1/events/{id}/status and of POST /api/v1/holds
#      (on one event, and on an event picked at random each time), after the instance is warm;
#   2. EVENTS (100,000) events in all, then HOLDS (1,000,000) active holds of 1 seat, HOLDS_PER_EVENT (1,000) on
#      each of the first HOLDS / HOLDS_PER_EVENT events: Redis's used_memory per event and per active hold;
#   3. the same timings at EVENTS events and HOLDS active holds;
#   4. the expiry sweep at DUE_SMALL (1,000) and at DUE_LARGE (100,000) due holds, DUE_PER_EVENT (1,000) on each of
#      their own events: holds placed through the API with ttl_seconds DUE_TTL, then, once all are due, the admin
#      task sweep-expired run until it releases nothing; its time per released hold. A first round of DUE_SMALL
#      is not recorded (it warms the sweep's code); DUE_SMALL is then measured SWEEP_SMALL_RUNS (3) times (one
#      batch of one event is a short, noisy measurement: the report takes the median), DUE_LARGE once.
#   5. a long sale at HOT_HOLDS (950,000) active holds on one event (1,000,000 seats; seeded as in 2), with expiry
#      running: a second instance with the default SWEEP_INTERVAL, and for HOT_SALE (60) seconds holds at the most
#      it answers with ttl_seconds HOT_TTL (10), a fifth booked, status readers alongside (bench/long_sale.py: every
#      10 s holds/s, p99, held, the due backlog, Redis's slowest command, 503s).
# Every timing goes through the real service over HTTP. Getting the data in is the only shortcut (EVENTS_VIA,
# HOLDS_VIA): "api" goes through the service (bench/loadgen, closed loop, CONNECTIONS in flight); "redis" runs the
# service's own Lua scripts (insert-event.lua, commit.lua) pipelined, with the records the service writes
# (bench/scale_tool.py). Due holds always go through the API.
#
# The instance runs with HOLD_TTL_MIN=1 second (so ttl_seconds can be short), SWEEP_INTERVAL=1 hour and
# LEDGER_AUDIT_INTERVAL=24 hours (so only the measured sweep releases holds, and no audit runs meanwhile).
#
# Needs: a Java 17 JDK (java, jcmd), maven, wrk, redis-server, redis-cli, python3, curl.   Usage: bench/scale.sh
# Settings (environment): EVENTS (100000) HOLDS (1000000) HOLDS_PER_EVENT (1000) SEATS (2000: per event)
#   EVENTS_VIA (api | redis) HOLDS_VIA (redis | api) DUE_SMALL (1000) DUE_LARGE (100000) DUE_PER_EVENT (1000)
#   DUE_TTL (15: seconds) SWEEP_SMALL_RUNS (3) PROBE_COUNT (500) PROBE_WARMUP (200) CONNECTIONS (32) WARMUP (10) WARMUP_MAX_ROUNDS (6)
#   HOT_HOLDS (950000) HOT_SALE (60: seconds) HOT_TTL (10: seconds) READERS (8)
#   SKIP_BUILD (0) OUT (bench/results/scale-<time>)
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh" scale

EVENTS=${EVENTS:-100000}
HOLDS=${HOLDS:-1000000}
HOLDS_PER_EVENT=${HOLDS_PER_EVENT:-1000}
SEATS=${SEATS:-2000}
EVENTS_VIA=${EVENTS_VIA:-api}
HOLDS_VIA=${HOLDS_VIA:-redis}
DUE_SMALL=${DUE_SMALL:-1000}
DUE_LARGE=${DUE_LARGE:-100000}
DUE_PER_EVENT=${DUE_PER_EVENT:-1000}
DUE_TTL=${DUE_TTL:-15}
SWEEP_SMALL_RUNS=${SWEEP_SMALL_RUNS:-3}
PROBE_COUNT=${PROBE_COUNT:-500}
PROBE_WARMUP=${PROBE_WARMUP:-200}
CONNECTIONS=${CONNECTIONS:-32}
WARMUP=${WARMUP:-10}
WARMUP_MAX_ROUNDS=${WARMUP_MAX_ROUNDS:-6}
HOT_HOLDS=${HOT_HOLDS:-950000}
HOT_SALE=${HOT_SALE:-60}
HOT_TTL=${HOT_TTL:-10}
READERS=${READERS:-8}
SMALL=10
MID=1000
SCRIPTS="$ROOT/src/main/resources/boxoffice/store/redis"
OUT=${OUT:-$BENCH_DIR/results/scale-$(date +%Y%m%d-%H%M%S)}
RETENTION_MS=86400000  # FINISHED_HOLD_RETENTION's default, 24 hours: what commit.lua is told by the instance too

need_tools java jcmd mvn wrk redis-server redis-cli python3 curl
seeded_events=$(( HOLDS / HOLDS_PER_EVENT ))
due_small_events=$(( (DUE_SMALL + DUE_PER_EVENT - 1) / DUE_PER_EVENT ))
due_large_events=$(( (DUE_LARGE + DUE_PER_EVENT - 1) / DUE_PER_EVENT ))
due_events=$(( (1 + SWEEP_SMALL_RUNS) * due_small_events + due_large_events ))  # warm-up round, small runs, large
if (( seeded_events + due_events > EVENTS - SMALL )); then
  echo "EVENTS ($EVENTS) too few for $seeded_events events of holds and $due_events of due holds"
  exit 1
fi
if (( HOLDS_PER_EVENT + 100 > SEATS || DUE_PER_EVENT + 100 > SEATS )); then
  echo "SEATS ($SEATS) must exceed HOLDS_PER_EVENT and DUE_PER_EVENT by 100 (the probes' holds)"; exit 1
fi
mkdir -p "$OUT"
FIGURES="$OUT/figures.txt"
: >"$FIGURES"
figure() { echo "$1 $2" >>"$FIGURES"; }
tool() { python3 "$TOOLS/scale_tool.py" "$@"; }
key_prefix() { python3 -c "import sys; sys.path.insert(0, '$TOOLS'); import scale_tool; print(scale_tool.prefix('$1'))"; }
now() { python3 -c 'import time; print(time.time())'; }
since() { python3 -c "import time; print(f'{time.time() - $1:.1f}')"; }

# repeat_lines <count> <per line> <ids file> <out>: each id <per line> times, in order, <count> lines in all
repeat_lines() {
  python3 -c "
import sys
ids = open('$3').read().split()
out = [i for i in ids for _ in range($2)][:$1]
open('$4', 'w').write('\n'.join(out) + '\n')"
}

# through_api <name> <count> <path> <body> [values file]: closed loop, CONNECTIONS in flight, until <count> answers
through_api() {
  local values=()
  [ -n "${5:-}" ] && values=(--values "$5")
  loadgen --url "http://127.0.0.1:$APP_PORT" --path "$3" --rate 0 --requests "$2" --duration 36000 \
    --connections "$CONNECTIONS" --body "$4" "${values[@]}" --label "$1" >"$OUT/$1.txt"
  local ok; ok=$(result_field "$OUT/$1.txt" ok)
  if [ "$ok" != "$2" ]; then echo "  $1: only $ok of $2 answered 2xx, see $OUT/$1.txt"; exit 1; fi
}

probes() {  # probes <phase> <values file of event ids> <one event id>
  local phase=$1 any=$2 one=$3 name line
  for name in metrics status-one status-any hold-one hold-any; do
    case $name in
      metrics)    line=$(tool probe "http://127.0.0.1:$APP_PORT" "$name" GET /api/v1/metrics - - "$PROBE_WARMUP" "$PROBE_COUNT") ;;
      status-one) line=$(tool probe "http://127.0.0.1:$APP_PORT" "$name" GET "/api/v1/events/$one/status" - - "$PROBE_WARMUP" "$PROBE_COUNT") ;;
      status-any) line=$(tool probe "http://127.0.0.1:$APP_PORT" "$name" GET '/api/v1/events/{{value}}/status' - "$any" "$PROBE_WARMUP" "$PROBE_COUNT") ;;
      hold-one)   line=$(tool probe "http://127.0.0.1:$APP_PORT" "$name" POST /api/v1/holds "{\"event_id\":\"$one\",\"qty\":1}" - "$PROBE_WARMUP" "$PROBE_COUNT") ;;
      hold-any)   line=$(tool probe "http://127.0.0.1:$APP_PORT" "$name" POST /api/v1/holds '{"event_id":"{{value}}","qty":1}' "$any" "$PROBE_WARMUP" "$PROBE_COUNT") ;;
    esac
    echo "  $line"
    figure "probe.$phase.$name" "$line"
  done
}

# due_sweep <warm|small.N|large> <count> <events file>: <count> holds due together, then the sweep until nothing
# is left; "warm" records nothing (the sweep's code has not run before the first round: the JIT has not seen it).
due_sweep() {
  local size=$1 count=$2 start window
  repeat_lines "$count" "$DUE_PER_EVENT" "$3" "$WORK/due-$size.txt"
  start=$(now)
  through_api "due-$size" "$count" /api/v1/holds "{\"event_id\":\"{{value}}\",\"qty\":1,\"ttl_seconds\":$DUE_TTL}" \
    "$WORK/due-$size.txt"
  window=$(since "$start")
  figure "time.due.$size" "$count holds with ttl_seconds $DUE_TTL through the API in ${window} s"
  figure "due.$size.created" "$(result_field "$OUT/due-$size.txt" s201)"
  # Holds go out event by event, so an event gets no write once its first hold is due (a write would release due
  # holds itself): true while one event's holds take less than DUE_TTL to place.
  python3 -c "import sys; w = $window * $DUE_PER_EVENT / $count; sys.exit(0 if w < $DUE_TTL / 2 else 1)" \
    || echo "  warning: one event's $DUE_PER_EVENT holds took more than DUE_TTL/2 to place; raise DUE_TTL"
  echo "  $count holds placed in ${window}s; waiting ${DUE_TTL}s until every one is due..."
  sleep "$DUE_TTL"; sleep 1
  line=$(tool sweep "http://127.0.0.1:$APP_ADMIN")
  echo "  $line"
  [ "$size" = warm ] || figure "sweep.$size" "$line"
}

echo "Building the service and bench/loadgen..."
build service loadgen
start_redis --appendonly no --save ""
start_app HOLD_TTL_MIN="1 second" SWEEP_INTERVAL="1 hour" LEDGER_AUDIT_INTERVAL="24 hours"
echo "Redis on $REDIS_PORT (no persistence), the instance on $APP_PORT; results in $OUT"
figure events.via "$EVENTS_VIA"; figure holds.via "$HOLDS_VIA"; figure events.small "$SMALL"
figure events.large "$EVENTS"; figure holds.active "$HOLDS"; figure holds.per_event "$HOLDS_PER_EVENT"
figure probe.count "$PROBE_COUNT"

echo "1. $SMALL events (1,000,000 seats each); warming up (rounds of ${WARMUP}s per path until the JIT is quiet)..."
for _ in $(seq 1 "$SMALL"); do create_event 1000000 >>"$WORK/small.txt"; done
warm_event=$(sed -n 1p "$WORK/small.txt"); one=$(sed -n 2p "$WORK/small.txt")
warm_up "$warm_event" metrics
probes small "$WORK/small.txt" "$one"

echo "2. $EVENTS events in all ($EVENTS_VIA), then $HOLDS active holds ($HOLDS_VIA)..."
m0=$(redis_used_memory); start=$(now)
if [ "$EVENTS_VIA" = redis ]; then
  tool seed-events "$REDIS_PORT" $(( EVENTS - SMALL )) "$SEATS" "$SCRIPTS/insert-event.lua" >/dev/null
else
  # At MID events every shard has events: /metrics reads every shard's totals from then on (see the report)
  through_api events-mid $(( MID - SMALL )) /api/v1/events "{\"name\":\"scale {{i}}\",\"total_seats\":$SEATS}"
  figure "probe.mid.metrics" "$(tool probe "http://127.0.0.1:$APP_PORT" metrics GET /api/v1/metrics - - \
    "$PROBE_WARMUP" "$PROBE_COUNT")"
  through_api events $(( EVENTS - MID )) /api/v1/events "{\"name\":\"scale {{i}}\",\"total_seats\":$SEATS}"
fi
took=$(since "$start"); m1=$(redis_used_memory)
figure time.events "$(( EVENTS - SMALL )) events ($EVENTS_VIA) in ${took} s"
figure memory.per_event "$(python3 -c "print(($m1 - $m0) / ($EVENTS - $SMALL))")"
echo "  $(( EVENTS - SMALL )) events in ${took}s; $(( (m1 - m0) / (EVENTS - SMALL) )) bytes each"
tool event-ids "$REDIS_PORT" "$WORK/large.txt" "$WORK/small.txt" >/dev/null
head -n "$seeded_events" "$WORK/large.txt" >"$WORK/seeded.txt"
lines() { sed -n "$(( $1 + 1 )),$(( $1 + $2 ))p" "$WORK/large.txt"; }  # lines <after> <count>
lines "$seeded_events" "$due_small_events" >"$WORK/due-warm-events.txt"
for run in $(seq 1 "$SWEEP_SMALL_RUNS"); do
  lines $(( seeded_events + run * due_small_events )) "$due_small_events" >"$WORK/due-small.$run-events.txt"
done
lines $(( seeded_events + (1 + SWEEP_SMALL_RUNS) * due_small_events )) "$due_large_events" >"$WORK/due-large-events.txt"
cat "$WORK/small.txt" "$WORK/large.txt" >"$WORK/all.txt"

m1=$(redis_used_memory); start=$(now)
if [ "$HOLDS_VIA" = api ]; then
  repeat_lines "$HOLDS" "$HOLDS_PER_EVENT" "$WORK/seeded.txt" "$WORK/holds-values.txt"
  through_api holds "$HOLDS" /api/v1/holds '{"event_id":"{{value}}","qty":1}' "$WORK/holds-values.txt"
else
  tool seed-holds "$REDIS_PORT" "$WORK/seeded.txt" "$HOLDS_PER_EVENT" 3600 "$SCRIPTS/commit.lua" "$RETENTION_MS" >/dev/null
fi
took=$(since "$start"); m2=$(redis_used_memory)
figure time.holds "$HOLDS holds ($HOLDS_VIA) in ${took} s"
figure memory.per_hold "$(python3 -c "print(($m2 - $m1) / $HOLDS)")"
echo "  $HOLDS holds in ${took}s; $(( (m2 - m1) / HOLDS )) bytes each"
active=$(curl -sf "$API/metrics" | json_field active_holds)
if (( active < HOLDS )); then echo "  the service counts $active active holds, not $HOLDS"; exit 1; fi
seeded_one=$(sed -n 1p "$WORK/seeded.txt"); p=$(key_prefix "$seeded_one")
first_lane=$(rcli zrange "${p}xl:$seeded_one" 0 0)
hold_id="${seeded_one}_$(rcli lindex "${p}xl:$seeded_one:$first_lane" 0 | cut -c1-22)"
echo "  the service reads a seeded hold: $(curl -sf "$API/holds/$hold_id" | json_field status)"
figure memory.hold_key_seeded "$(tool memory-usage "$REDIS_PORT" "${p}h:${seeded_one}_*" 200)"
figure memory.expiry_index "$(for key in "${p}xl:$seeded_one" $(rcli zrange "${p}xl:$seeded_one" 0 -1 \
  | sed "s/^/${p}xl:$seeded_one:/"); do rcli memory usage "$key" samples 0; done | awk '{ s += $1 } END { print s }')"
figure memory.feed_seeded "$(rcli memory usage "${p}f:$seeded_one" samples 0)"
last=$(tail -n 1 "$WORK/large.txt"); p=$(key_prefix "$last")
figure memory.event_keys "definition $(rcli memory usage "${p}d:$last") bytes, counters $(rcli memory usage "${p}e:$last") bytes"
figure memory.feed_fresh "$(rcli memory usage "${p}f:$last" samples 0)"
figure redis.stream_node_max_bytes "$(rcli config get stream-node-max-bytes | tail -n 1)"

echo "3. The same requests at $EVENTS events and $active active holds (after the same warm-up as in 1)..."
# Creating the events changed what the JIT and the collector had settled on; both phases are probed warm, alike.
warm_up "$warm_event" metrics
probes large "$WORK/all.txt" "$one"
p=$(key_prefix "$one")
figure memory.hold_key_api "$(tool memory-usage "$REDIS_PORT" "${p}h:${one}_*" 200)"

echo "4. The sweep at $DUE_SMALL due holds (after a round of as many, not recorded), then at $DUE_LARGE ($DUE_PER_EVENT per event)..."
due_sweep warm "$DUE_SMALL" "$WORK/due-warm-events.txt"
for run in $(seq 1 "$SWEEP_SMALL_RUNS"); do due_sweep "small.$run" "$DUE_SMALL" "$WORK/due-small.$run-events.txt"; done
due_sweep large "$DUE_LARGE" "$WORK/due-large-events.txt"
figure memory.end "$(redis_used_memory)"
figure redis.keys "$(rcli dbsize)"

echo "5. A long sale on one event of $HOT_HOLDS active holds, with expiry running (a second instance)..."
hot=$(create_event 1000000)
echo "$hot" >"$WORK/hot.txt"
start=$(now)
tool seed-holds "$REDIS_PORT" "$WORK/hot.txt" "$HOT_HOLDS" 3600 "$SCRIPTS/commit.lua" "$RETENTION_MS" >/dev/null
echo "  $HOT_HOLDS holds on $hot in $(since "$start")s"
start_app HOLD_TTL_MIN="1 second" LEDGER_AUDIT_INTERVAL="24 hours"
warm_up
(export EVENT_ID=$hot APP_PORT APP_ADMIN REDIS_PORT DURATION=$HOT_SALE INTERVAL=10 CONNECTIONS READERS \
   TTL_SECONDS=$HOT_TTL SCRIPTS; python3 "$TOOLS/long_sale.py" "$WORK") | tee "$OUT/long-sale.txt"

tool report "$FIGURES" | tee "$OUT/summary.txt"
echo
echo "Figures, probe lines and loadgen outputs: $OUT"
