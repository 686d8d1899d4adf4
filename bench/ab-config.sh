#!/usr/bin/env bash
# A/B of one configuration change on the hot path: two instances on one Redis (AOF everysec, as run.sh), A with
# config.yml and B with CONFIG_B (a copy of config.yml with the change), the same jar and JVM flags. Both are warmed
# like run.sh (alone, the other paused), then ROUNDS times: DURATION of POST /api/v1/holds (1 seat, CONNECTIONS in
# flight, wrk) on A, then on B, each alone on a fresh event. Prints every round and the median of the per-round
# ratios B/A: on a shared machine the ratio within a round is what to read, not the absolute rates.
#
# Usage: CONFIG_B=/tmp/config-b.yml bench/ab-config.sh      Needs what run.sh needs.
# Two builds instead: JAR_A and CONFIG_A (an older jar with its own config.yml) against this one, CONFIG_B=config.yml.
# LOAD=reserved: best_available 2 on a fresh 50,000-seat section (bench/hall-50k.json) instead of 1 seat of general
# admission (DURATION at most ~6 s: the section sells out at 25,000 holds). LOAD=status: GET /events/{id}/status
# instead of holds (one Redis script a request: what a change to the Redis client does to a plain read).
# Settings (environment): CONFIG_B (required) CONFIG_A JAR_A JAR_B LOAD (general) ROUNDS (5) DURATION (10) CONNECTIONS (64) WARMUP (15)
#   WARMUP_MAX_ROUNDS (8) SKIP_BUILD (0) JAVA_OPTS (-Xms1g -Xmx1g)
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh" ab

: "${CONFIG_B:?set CONFIG_B to the configuration file of instance B}"
ROUNDS=${ROUNDS:-5}
LOAD=${LOAD:-general}
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-64}
WARMUP=${WARMUP:-15}
WARMUP_MAX_ROUNDS=${WARMUP_MAX_ROUNDS:-8}

need_tools java jcmd mvn wrk redis-server redis-cli python3 curl
build service
start_redis_aof

APP_CONFIG=${CONFIG_A:-} APP_JAR=${JAR_A:-} start_app; A_PORT=$APP_PORT; A_PID=$APP_PID
APP_CONFIG=$CONFIG_B APP_JAR=${JAR_B:-} start_app; B_PORT=$APP_PORT; B_PID=$APP_PID

use() {  # use A|B: that instance alone (the other paused)
  if [ "$1" = A ]; then kill -STOP "$B_PID"; kill -CONT "$A_PID"; APP_PORT=$A_PORT; APP_PID=$A_PID
  else kill -STOP "$A_PID"; kill -CONT "$B_PID"; APP_PORT=$B_PORT; APP_PID=$B_PID; fi
  API="http://127.0.0.1:$APP_PORT/api/v1"
}

for which in A B; do use "$which"; echo "Warming $which..."; warm_up; done

rate() {  # rate: DURATION seconds of LOAD on a fresh event of the instance in use; its requests/s
  local event script=post-hold.lua
  case $LOAD in
    reserved) event=$(create_reserved_event); script=post-hold-best.lua ;;
    status) event=$(create_event 1000000); script=get-status.lua ;;
    *) event=$(create_event 1000000) ;;
  esac
  wrk_rate "$script" "$event" "$DURATION"
}

if [ "$LOAD" = reserved ]; then  # the reserved path's own code, warmed too
  for which in A B; do use "$which"; for _ in $(seq 1 "$WARMUP_MAX_ROUNDS"); do rate >/dev/null; done; done
fi

: >"$WORK/ratios"
for round in $(seq 1 "$ROUNDS"); do
  use A; a=$(rate); use B; b=$(rate)
  ratio=$(python3 -c "print(round($b / $a, 3))")
  echo "round $round: A $a /s, B $b /s, B/A $ratio"
  echo "$ratio" >>"$WORK/ratios"
done
python3 -c "import statistics,sys; r=[float(l) for l in open('$WORK/ratios')]; print('median B/A over %d rounds: %.3f' % (len(r), statistics.median(r)))"
