#!/usr/bin/env bash
# Cold start: what a flash sale meets on an instance that was just started. One Redis (AOF everysec, as run.sh); for
# each mode in MODES, one fresh instance (the others stopped), started with `java -jar` and timed until
# GET /health-check?type=ready answers 200; at once, SALE seconds of POST /api/v1/holds (1 seat, CONNECTIONS in
# flight, wrk) on a new 1,000,000-seat event: the cold rate. Then it is warmed like run.sh (rounds of holds and
# status reads until its JIT is quiet) and the same SALE seconds again: the warm rate. Prints, per mode, the time to
# ready, the cold and warm holds/s and their ratio. Every instance runs with the image's JVM flags (start_ready).
#   off       WARMUP=false
#   on        WARMUP=true (the service warms itself before it reports ready)
#   cds       WARMUP=false, with a class-data-sharing archive (-XX:SharedArchiveFile) made first by a short run
#   on+cds    both, as the Docker image runs
#
# Needs: a Java 17 JDK (java, jcmd), maven, wrk, redis-server, redis-cli, python3, curl.   Usage: bench/cold-start.sh
# Settings (environment): MODES ("off on") SALE (10: seconds) CONNECTIONS (64) WARMUP (15) WARMUP_MAX_ROUNDS (8)
#   SERVICE_WARMUP_MAX (45 seconds: the service's WARMUP_MAX_DURATION) SKIP_BUILD (0)
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh" cold-start

MODES=${MODES:-off on}
SALE=${SALE:-10}
CONNECTIONS=${CONNECTIONS:-64}
WARMUP=${WARMUP:-15}
WARMUP_MAX_ROUNDS=${WARMUP_MAX_ROUNDS:-8}
SERVICE_WARMUP_MAX=${SERVICE_WARMUP_MAX:-45 seconds}

need_tools java jcmd mvn wrk redis-server redis-cli python3 curl
build service
start_redis_aof
ARCHIVE="$WORK/app.jsa"

stop_app() { kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; }

make_archive() {  # a short run with the warm-up on, stopped with SIGTERM: the JVM writes the archive as it exits
  echo "Making the CDS archive (a short warmed-up run, then SIGTERM)..."
  start_ready -XX:ArchiveClassesAtExit="$ARCHIVE" -- WARMUP=true WARMUP_MIN_DURATION="3 seconds" \
    WARMUP_MAX_DURATION="10 seconds"
  stop_app
  ls -l "$ARCHIVE"
}

printf '%-8s %12s %12s %12s %8s\n' mode "ready s" "cold h/s" "warm h/s" ratio >"$WORK/table.txt"
for mode in $MODES; do
  flags=(); settings=(WARMUP=false)
  case $mode in
    off) ;;
    on) settings=(WARMUP=true) ;;
    cds) [ -f "$ARCHIVE" ] || make_archive; flags=(-XX:SharedArchiveFile="$ARCHIVE") ;;
    on+cds) [ -f "$ARCHIVE" ] || make_archive; flags=(-XX:SharedArchiveFile="$ARCHIVE"); settings=(WARMUP=true) ;;
    *) echo "unknown mode $mode"; exit 1 ;;
  esac
  echo "Mode $mode: starting..."
  start_ready "${flags[@]}" -- WARMUP_MAX_DURATION="$SERVICE_WARMUP_MAX" "${settings[@]}"
  event=$(create_event 1000000)
  cold=$(wrk_rate post-hold.lua "$event" "$SALE")
  echo "  ready after ${READY_SECONDS}s; first ${SALE}s of holds: $cold/s; warming up..."
  warm_up "$event"
  warm=$(wrk_rate post-hold.lua "$event" "$SALE")
  ratio=$(python3 -c "print(round($cold / $warm, 2))")
  printf '%-8s %12s %12.0f %12.0f %8s\n' "$mode" "$READY_SECONDS" "$cold" "$warm" "$ratio" | tee -a "$WORK/table.txt"
  stop_app
done
echo
cat "$WORK/table.txt"
