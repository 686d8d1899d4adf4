# The shared part of every bench/*.sh (sourced, not run): the preamble and the helpers. A script starts with
#   source "$(dirname "$0")/lib.sh" <name>
# which sets strict mode, BENCH_DIR (exported: the wrk scripts read it), ROOT, WRK (bench/wrk: the wrk scripts), TOOLS
# (bench/tools: the Python and Java helpers), WORK (a fresh /tmp/box-office-<name>.XXXXXX) and PIDS=(), and traps
# EXIT with bench_cleanup: every process a helper started (in PIDS) is resumed if paused, then stopped.
set -euo pipefail

export BENCH_DIR
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
WRK="$BENCH_DIR/wrk"
TOOLS="$BENCH_DIR/tools"
WORK=$(mktemp -d "/tmp/box-office-${1:?usage: source lib.sh NAME}.XXXXXX")
PIDS=()

# STORE=redis needs an admission token key (waiting rooms); any will do for one bench's instances.
BENCH_TOKEN_KEY=bench-only-admission-token-key-of-32-bytes

bench_cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill -CONT "$pid" 2>/dev/null || true; kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap bench_cleanup EXIT

need_tools() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null || { echo "missing: $tool (Debian: apt-get install wrk redis-server ...)"; exit 1; }
  done
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

wait_until() {  # wait_until <what> <command...>
  local what=$1; shift
  for _ in $(seq 1 150); do "$@" >/dev/null 2>&1 && return 0; sleep 0.2; done
  echo "timed out waiting for $what"; exit 1
}

# build [service] [loadgen]: the service's jar (unless SKIP_BUILD=1) and the load generator's.
build() {
  local what
  for what in "$@"; do
    case $what in
      service) [ "${SKIP_BUILD:-0}" = 1 ] && [ -f "$ROOT/target/box-office.jar" ] \
                 || (cd "$ROOT" && mvn -q -B package -DskipTests) ;;
      loadgen) mvn -q -B -f "$BENCH_DIR/loadgen/pom.xml" package ;;
    esac
  done
}

# start_redis [redis-server options...]: on a free port (REDIS_PORT, REDIS_PID), its files in $WORK/redis.
start_redis() {
  REDIS_PORT=$(free_port)
  mkdir -p "$WORK/redis"
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$WORK/redis" "$@" >"$WORK/redis.log" 2>&1 &
  REDIS_PID=$!; PIDS+=($!)
  wait_until "redis" redis-cli -p "$REDIS_PORT" ping
}

# start_redis_aof: start_redis persisting as production does (AOF, fsync every second, no RDB snapshots).
start_redis_aof() { start_redis --appendonly yes --appendfsync everysec --save "" "$@"; }

rcli() { redis-cli -p "$REDIS_PORT" "$@"; }

redis_used_memory() { rcli info memory | sed -n 's/^used_memory:\([0-9]*\).*/\1/p'; }

# start_app [VAR=value...]: one instance on Redis, on free ports (APP_PORT, APP_ADMIN, APP_PID), settings from the
# arguments on top of the defaults below. JAVA_OPTS (-Xms1g -Xmx1g) are its JVM flags; APP_JAR another build's jar,
# APP_CONFIG another configuration file than config.yml.
start_app() {
  APP_PORT=$(free_port); APP_ADMIN=$(free_port)
  # shellcheck disable=SC2086
  # WARMUP=false: the bench's own WARMUP (seconds per round) must not reach the service's WARMUP (on or off)
  env STORE=redis REDIS_URL="redis://127.0.0.1:$REDIS_PORT" PORT="$APP_PORT" ADMIN_PORT="$APP_ADMIN" \
    HOLD_TTL="60 minutes" HOLD_TTL_MAX="60 minutes" HOLD_MAX_LIFETIME="60 minutes" LOG_LEVEL=WARN WARMUP=false \
    ADMISSION_TOKEN_KEY="$BENCH_TOKEN_KEY" "$@" \
    java ${JAVA_OPTS:--Xms1g -Xmx1g} -jar "${APP_JAR:-$ROOT/target/box-office.jar}" server "${APP_CONFIG:-$ROOT/config.yml}" \
    >"$WORK/app-$APP_PORT.log" 2>&1 &
  APP_PID=$!; PIDS+=($!)
  wait_until "the service on $APP_PORT" curl -sf "http://127.0.0.1:$APP_ADMIN/ping"
  API="http://127.0.0.1:$APP_PORT/api/v1"
}

# start_ready [java flags...] -- [VAR=value...]: start_app with the image's JVM flags (-XX:CICompilerCount=3, G1, a
# 1 GB heap) and these after them, then waits for GET /health-check?type=ready (polled every 100 ms, 180 s at most).
# READY_SECONDS: from the launch to its first 200.
start_ready() {
  local flags=(-Xms1g -Xmx1g -XX:+UseG1GC -XX:CICompilerCount=3) started
  while [ "$1" != -- ]; do flags+=("$1"); shift; done; shift
  started=$(date +%s%N)
  JAVA_OPTS="${flags[*]}" start_app "$@"
  for _ in $(seq 1 1800); do
    if curl -sf -o /dev/null "http://127.0.0.1:$APP_PORT/health-check?type=ready"; then
      READY_SECONDS=$(python3 -c "print(round(($(date +%s%N) - $started) / 1e9, 1))"); return
    fi
    kill -0 "$APP_PID" 2>/dev/null || { echo "the instance exited:"; tail -20 "$WORK/app-$APP_PORT.log"; exit 1; }
    sleep 0.1
  done
  echo "not ready after 180 s"; exit 1
}

# start_warm [VAR=value...]: Redis with AOF, then one instance with the image's JVM flags (start_ready) and those
# settings, warmed up (warm_up).
start_warm() {
  start_redis_aof
  start_ready -- "$@"
  echo "Warming the instance..."
  warm_up
}

json_field() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }

create_event() {  # create_event <seats>: its id (a few tries: a cold instance's first call may miss its deadline)
  local reply try
  for try in 1 2 3 4 5; do
    if reply=$(curl -sf -X POST "$API/events" -H 'Content-Type: application/json' \
        -d "{\"name\": \"bench\", \"total_seats\": $1}"); then
      json_field event_id <<<"$reply"; return
    fi
    sleep 1
  done
  echo "could not create an event" >&2; exit 1
}

create_reserved_event() {  # create_reserved_event: bench/hall-50k.json, one section "hall" of 250 rows of 200 seats
  curl -sf -X POST "$API/events" -H 'Content-Type: application/json' -d @"$BENCH_DIR/hall-50k.json" \
    | json_field event_id
}

jit_seconds() {  # jit_seconds <pid>: time the JIT compilers have spent compiling in that JVM so far
  jcmd "$1" PerfCounter.print \
    | awk -F= '/^sun.ci.(standard|osr)Time=/{t+=$2} /^sun.os.hrt.frequency=/{f=$2} END{print t/f}'
}

# warm_up [event id] [metrics|reserved]: rounds of WARMUP seconds of holds and of reads (WARM_READ, get-status.lua)
# with wrk, THREADS (2) and CONNECTIONS on the instance, on that event (1,000,000 seats) or a new one, until its JIT
# compilers spent under 5 % of one core during a round, at most WARMUP_MAX_ROUNDS rounds. Jersey's paths are long: on
# two cores the compilers keep a third of a core busy for well over a minute, and a measurement taken then measures
# the JIT. "metrics" adds GET /api/v1/metrics to each round, "reserved" best-available holds on a fresh reserved event.
warm_up() {
  local event=${1:-} paths=2 before after round url="http://127.0.0.1:$APP_PORT" threads=${THREADS:-2}
  [ -n "$event" ] || event=$(create_event 1000000)
  for round in $(seq 1 "$WARMUP_MAX_ROUNDS"); do
    before=$(jit_seconds "$APP_PID")
    EVENT_ID=$event wrk -t"$threads" -c"$CONNECTIONS" -d"${WARMUP}s" -s "$WRK/post-hold.lua" "$url" >/dev/null
    EVENT_ID=$event wrk -t"$threads" -c"$CONNECTIONS" -d"${WARMUP}s" -s "$WRK/${WARM_READ:-get-status.lua}" "$url" \
      >/dev/null
    case ${2:-} in
      metrics) wrk -t"$threads" -c"$CONNECTIONS" -d"${WARMUP}s" "$url/api/v1/metrics" >/dev/null; paths=3 ;;
      reserved) EVENT_ID=$(create_reserved_event) wrk -t"$threads" -c"$CONNECTIONS" -d"${WARMUP}s" \
                  -s "$WRK/post-hold-best.lua" "$url" >/dev/null; paths=3 ;;
    esac
    after=$(jit_seconds "$APP_PID")
    if python3 -c "import sys; sys.exit(0 if $after - $before < 0.05 * $paths * $WARMUP else 1)"; then
      echo "  instance on $APP_PORT warm after $round round(s) of ${WARMUP}s per path"; return
    fi
  done
  echo "  instance on $APP_PORT: JIT still busy after $WARMUP_MAX_ROUNDS rounds (its rates may be low)"
}

# wrk_rate <wrk script> <event> <seconds>: that long of the script on the instance with CONNECTIONS; its requests/s.
wrk_rate() {
  EVENT_ID=$2 wrk -t2 -c"$CONNECTIONS" -d"${3}s" -s "$WRK/$1" "http://127.0.0.1:$APP_PORT" >"$WORK/wrk.txt"
  result_field "$WORK/wrk.txt" rps
}

# The generator runs on C1 alone with the serial collector: its code is compiled within seconds and its compiler and
# GC threads take little from the instance beside it on two cores (a cold C2 client starved the service for its
# first ~12 s of a 50 % run). A generator needs no peak speed, only to send on time.
loadgen() {
  java ${LOADGEN_JAVA_OPTS:--Xms256m -Xmx512m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC} \
    -jar "$BENCH_DIR/loadgen/target/loadgen.jar" "$@"
}

result_field() {  # result_field <file> <key>: a value of the RESULT line in a wrk or loadgen output
  sed -n 's/^RESULT //p' "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"
}
