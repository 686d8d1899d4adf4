#!/usr/bin/env bash
# The warm-up's diagnosis: what the JIT has compiled when an instance reports ready, and how a sale's rate climbs
# after it. One Redis (AOF everysec, as cold-start.sh), one instance with -XX:+PrintCompilation and the service's
# warm-up on; from ready, WINDOWS windows of 10 s of POST /api/v1/holds (1 seat, 64 connections, wrk) on a fresh
# event. Prints holds/s per window, the C2 compilations (and methods thrown away, "made not entrant") per window, and
# which of the hold path's methods were not yet C2-compiled at ready.
#
# Needs: a Java 17 JDK, maven, wrk, redis-server, redis-cli, python3, curl.   Usage: bench/warmup-curve.sh
# Settings (environment): WINDOWS (4) JAVA_FLAGS (-XX:CICompilerCount=3, as the image) SERVICE_ENV (extra VAR=value
#   for the service, e.g. "WARMUP_CONNECTIONS=8") SKIP_BUILD (0)
# Variants measured with it are in bench/README.md ("Cold start").
set -euo pipefail

WINDOWS=${WINDOWS:-4}
JAVA_FLAGS=${JAVA_FLAGS:--XX:CICompilerCount=3}
SERVICE_ENV=${SERVICE_ENV:-}
export BENCH_DIR
BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
WORK=$(mktemp -d /tmp/box-office-warmup-curve.XXXXXX)
PIDS=()
# shellcheck source=bench/lib.sh
source "$BENCH_DIR/lib.sh"
trap bench_cleanup EXIT

need_tools java mvn wrk redis-server redis-cli python3 curl
build service
start_redis --appendonly yes --appendfsync everysec --save ""

APP_PORT=$(free_port); APP_ADMIN=$(free_port)
launched=$(date +%s%N)
# shellcheck disable=SC2086
env STORE=redis REDIS_URL="redis://127.0.0.1:$REDIS_PORT" PORT="$APP_PORT" ADMIN_PORT="$APP_ADMIN" \
  HOLD_TTL="60 minutes" HOLD_TTL_MAX="60 minutes" HOLD_MAX_LIFETIME="60 minutes" LOG_LEVEL=WARN \
  ADMISSION_TOKEN_KEY="$BENCH_TOKEN_KEY" WARMUP=true $SERVICE_ENV \
  java -Xms1g -Xmx1g -XX:+UseG1GC $JAVA_FLAGS -XX:+PrintCompilation -jar "$ROOT/target/box-office.jar" server \
  "$ROOT/config.yml" >"$WORK/app.log" 2>&1 &
PIDS+=($!)
ms_since_launch() { echo $(( ($(date +%s%N) - launched) / 1000000 )); }
for _ in $(seq 1 1800); do
  curl -sf -o /dev/null "http://127.0.0.1:$APP_PORT/health-check?type=ready" && break
  kill -0 "${PIDS[-1]}" 2>/dev/null || { echo "the instance exited:"; tail -20 "$WORK/app.log"; exit 1; }
  sleep 0.1
done
curl -sf -o /dev/null "http://127.0.0.1:$APP_PORT/health-check?type=ready" || { echo "not ready after 180 s"; exit 1; }
ready_ms=$(ms_since_launch)
API="http://127.0.0.1:$APP_PORT/api/v1"
event=$(create_event 1000000)

: >"$WORK/windows.tsv"
for window in $(seq 1 "$WINDOWS"); do
  start_ms=$(ms_since_launch)
  EVENT_ID=$event wrk -t2 -c64 -d10s -s "$BENCH_DIR/post-hold.lua" "http://127.0.0.1:$APP_PORT" >"$WORK/wrk.txt"
  printf '%s\t%s\t%s\n' "$start_ms" "$(ms_since_launch)" "$(result_field "$WORK/wrk.txt" rps)" >>"$WORK/windows.tsv"
done

echo "ready after $(python3 -c "print(round($ready_ms / 1000, 1))") s (JVM flags: $JAVA_FLAGS; service: ${SERVICE_ENV:-defaults})"
# PrintCompilation's times are from the JVM's start, a few ms after the launch: close enough for 10 s windows.
python3 - "$WORK/app.log" "$WORK/windows.tsv" "$ready_ms" <<'EOF'
import re, sys
log, windows, ready = sys.argv[1], sys.argv[2], int(sys.argv[3])
line = re.compile(r'^\s*(\d+)\s+\d+\s+[%sbn! ]*\s*(\d)\s+(\S+)')
c2 = []  # (ms, method, thrown away?)
for text in open(log, errors='replace'):
    m = line.match(text)
    if m and m.group(2) == '4':
        c2.append((int(m.group(1)), m.group(3), 'made not entrant' in text))
compiled = lambda ms: {method for t, method, gone in c2 if t < ms and not gone}
print('C2 compilations before ready: %d' % sum(1 for t, _, gone in c2 if t < ready and not gone))
hot = ['ServletHandler::handle', 'WebComponent::serviceImpl', 'HoldResource::create', 'EventLedger::placeHold']
at_ready = compiled(ready)
missing = [h for h in hot if not any(m.endswith(h) for m in at_ready)]
print('hold path methods not C2-compiled at ready: %s' % (', '.join(missing) or 'none'))
seen = set(m for t, m, gone in c2 if t < ready and not gone)
print('window  holds/s  C2 compiled  first C2 compile  thrown away')
for n, row in enumerate(open(windows), 1):
    start, end, rate = row.split('\t')
    start, end = int(start), int(end)
    inside = [(m, gone) for t, m, gone in c2 if start <= t < end]
    new = {m for m, gone in inside if not gone and m not in seen}
    seen |= new
    print('%6d %8.0f %12d %17d %12d' % (n, float(rate), sum(1 for _, g in inside if not g), len(new),
                                       sum(1 for _, g in inside if g)))
EOF
