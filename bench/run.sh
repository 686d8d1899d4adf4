#!/usr/bin/env bash
# The Box Office benchmark: one Redis (AOF on), the service on it, wrk on loopback. In one run, on the same server:
#   floor          GET  /ping on the admin port (Jetty alone: the machine's own latency at this concurrency)
#   baseline       GET  /api/v1/events/{id} (an event never changes: the instance answers from its own copy)
#   status         GET  /api/v1/events/{id}/status (one Redis script: a read that goes to the store)
#   holds-batched  POST /api/v1/holds (1 seat), group commit on
#   holds-unbatched POST /api/v1/holds (1 seat), group commit off (one lock round trip per request)
#   holds-3-instances  POST /api/v1/holds across three instances on the one Redis (group commit on)
#   sell-out       10,000 seats, 64 connections for SELL_OUT_DURATION (20s): exactly 10,000 seats held, the rest 409
#   holds-reserved POST /api/v1/holds of best_available 2 in one 50,000-seat reserved section (250 rows of 200), for
#                  RESERVED_DURATION (3s): warm, 5 s sold the section out on a quiet machine (5,600 holds/s) and counted
#                  fast 409s as throughput
#   seat-map-50k   GET its seat map afterwards (50,000 seats, one character each)
# The instances a scenario does not use are paused (SIGSTOP) meanwhile, so only the measured ones use the cores.
# Each scenario runs RUNS times on a fresh event; the table shows medians and the ratio to the baseline, and every
# holds run checks available + held + booked == total and held == the number of 201 answers.
#
# Needs: a Java 17 JDK (java, jcmd), maven, wrk, redis-server, python3, curl.  Usage: bench/run.sh
# Settings (environment): DURATION (10s) CONNECTIONS (64) THREADS (2) RUNS (3) WARMUP (15: seconds per path per round)
#                         WARMUP_MAX_ROUNDS (8)
#                         SELL_OUT_DURATION (20s) RESERVED_DURATION (3s) PROFILE (0; 1 = JFR on the batched instance)
#                         REPLICA (0; 1 = Redis gets a replica and every commit waits for it: REDIS_MIN_REPLICAS=1)
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh" bench

DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
RUNS=${RUNS:-3}
PROFILE=${PROFILE:-0}
REPLICA=${REPLICA:-0}
WARMUP=${WARMUP:-15}                        # seconds per path per warm-up round
WARMUP_MAX_ROUNDS=${WARMUP_MAX_ROUNDS:-8}
RESERVED_DURATION=${RESERVED_DURATION:-3s}
WARM_READ=get-event.lua                     # the instances are warmed on the baseline's read
RESULTS="$WORK/results.tsv"

need_tools java jcmd mvn wrk redis-server redis-cli python3 curl

# A replica of that Redis on the same machine, persisting the same way: with REPLICA=1 every commit waits for it.
start_replica() {
  local port
  port=$(free_port)
  mkdir -p "$WORK/replica"
  redis-server --port "$port" --bind 127.0.0.1 --dir "$WORK/replica" --appendonly yes --appendfsync everysec \
    --save "" --replicaof 127.0.0.1 "$REDIS_PORT" >"$WORK/replica.log" 2>&1 &
  PIDS+=($!)
  wait_until "the replica in sync" sh -c "redis-cli -p $port info replication | grep -q master_link_status:up"
}

APP_PIDS=()
APP_PORTS=()
APP_ADMIN_PORTS=()
start_instance() {  # start_instance <group commit: true|false> [jvm flags...]
  local group_commit=$1; shift
  JAVA_OPTS="-Xms1g -Xmx1g $*" start_app GROUP_COMMIT="$group_commit" REDIS_MIN_REPLICAS="$REPLICA"
  APP_PIDS+=("$APP_PID"); APP_PORTS+=("$APP_PORT"); APP_ADMIN_PORTS+=("$APP_ADMIN")
}

stop_apps() {
  for pid in "${APP_PIDS[@]}"; do
    kill -CONT "$pid" 2>/dev/null || true; kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  done
  APP_PIDS=(); APP_PORTS=(); APP_ADMIN_PORTS=()
}

# only <port...>: resumes the instances on these ports and pauses the others. An idle JVM still wakes up (timers,
# sweeper, Redis pings); on two cores three of them cost the measured instance a fifth of its rate.
only() {
  local i
  for i in "${!APP_PORTS[@]}"; do
    if [[ " $* " == *" ${APP_PORTS[$i]} "* ]]; then kill -CONT "${APP_PIDS[$i]}"; else kill -STOP "${APP_PIDS[$i]}"; fi
  done
}

# on <instance number> <command...>: the command with lib.sh's APP_PORT, APP_PID and API set to that instance's.
on() {
  local i=$1; shift
  APP_PORT=${APP_PORTS[$i]} APP_PID=${APP_PIDS[$i]} API="http://127.0.0.1:${APP_PORTS[$i]}/api/v1" "$@"
}

# run_wrk <scenario> <script> <event> <connections> <port...>: one wrk per port, all at once; records one line.
run_wrk() {
  local scenario=$1 script=$2 event=$3 connections=$4; shift 4
  local outs=() wrks=()
  for port in "$@"; do
    local out="$WORK/wrk-$scenario-$port-$RANDOM.txt"
    EVENT_ID=$event wrk -t"$THREADS" -c"$connections" -d"$DURATION" --latency -s "$WRK/$script" \
      "http://127.0.0.1:$port" >"$out" 2>&1 &
    outs+=("$out"); wrks+=($!)
  done
  wait "${wrks[@]}"
  local status=""
  if [ "$script" = post-hold.lua ] || [ "$script" = post-hold-best.lua ]; then
    status=$(curl -sf "http://127.0.0.1:$1/api/v1/events/$event/status")
  fi
  if [ -n "${SEAT_MAP_OF:-}" ]; then  # the seat map as it is once the holds are in: no seat held twice
    curl -sf "http://127.0.0.1:$1/api/v1/events/$SEAT_MAP_OF/sections/hall/seats" >"$WORK/seat-map.json"
    status=$(curl -sf "http://127.0.0.1:$1/api/v1/events/$event/status")
    export SEAT_MAP="$WORK/seat-map.json"
  fi
  python3 "$TOOLS/record.py" "$scenario" "$status" "${outs[@]}" >>"$RESULTS"
  unset SEAT_MAP
}

echo "Building..."
build service
start_redis_aof
if [ "$REPLICA" = 1 ]; then start_replica; fi
echo "Redis on $REDIS_PORT (AOF everysec$([ "$REPLICA" = 1 ] && echo ", one replica, REDIS_MIN_REPLICAS=1"));" \
  "$RUNS runs of $DURATION, $CONNECTIONS connections, $THREADS wrk threads"
: >"$RESULTS"

# Four instances on the one Redis, started and warmed once, then measured one scenario at a time (the others paused):
# A batched, B unbatched, A+C+D the three instances.
jfr=()
if [ "$PROFILE" = 1 ]; then
  jfr=("-XX:StartFlightRecording=filename=$WORK/instance-a.jfr,settings=profile")
fi
start_instance true "${jfr[@]}"; start_instance false; start_instance true; start_instance true
A=${APP_PORTS[0]} B=${APP_PORTS[1]} C=${APP_PORTS[2]} D=${APP_PORTS[3]}
echo "Warming up the four instances (rounds of ${WARMUP}s of holds and ${WARMUP}s of reads, until the JIT is quiet)..."
only "$A"; on 0 warm_up "" reserved
for i in 1 2 3; do only "${APP_PORTS[$i]}"; on "$i" warm_up; done

for run in $(seq 1 "$RUNS"); do
  echo "Run $run/$RUNS"
  only "$A"
  run_wrk floor ping.lua - "$CONNECTIONS" "${APP_ADMIN_PORTS[0]}"
  run_wrk baseline get-event.lua "$(on 0 create_event 1000000)" "$CONNECTIONS" "$A"
  run_wrk status get-status.lua "$(on 0 create_event 1000000)" "$CONNECTIONS" "$A"
  run_wrk holds-batched post-hold.lua "$(on 0 create_event 1000000)" "$CONNECTIONS" "$A"
  DURATION=${SELL_OUT_DURATION:-20s} run_wrk sell-out post-hold.lua "$(on 0 create_event 10000)" "$CONNECTIONS" "$A"
  reserved=$(on 0 create_reserved_event)
  curl -sf "http://127.0.0.1:$A/api/v1/events/$reserved/sections/hall/seats" >/dev/null  # the definition cached
  DURATION=$RESERVED_DURATION SEATS_PER_HOLD=2 SEAT_MAP_OF="$reserved" \
    run_wrk holds-reserved post-hold-best.lua "$reserved" "$CONNECTIONS" "$A"
  run_wrk seat-map-50k get-seat-map.lua "$reserved" "$CONNECTIONS" "$A"
  only "$B"
  run_wrk holds-unbatched post-hold.lua "$(on 1 create_event 1000000)" "$CONNECTIONS" "$B"
  only "$A" "$C" "$D"
  run_wrk holds-3-instances post-hold.lua "$(on 0 create_event 1000000)" $(( (CONNECTIONS + 2) / 3 )) "$A" "$C" "$D"
done
stop_apps

python3 "$TOOLS/summarize.py" "$RESULTS"
if [ "$PROFILE" = 1 ]; then
  echo; echo "Profile of instance A (batched; all its runs): $WORK/instance-a.jfr (hottest frames below)"
  jfr print --events jdk.ExecutionSample "$WORK/instance-a.jfr" \
    | grep -A1 'stackTrace = \[' | grep -v -e 'stackTrace' -e '^--' | sed 's/line:.*//' \
    | sort | uniq -c | sort -rn | head -25
fi
