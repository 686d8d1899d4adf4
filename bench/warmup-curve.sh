#!/usr/bin/env bash
# The warm-up's diagnosis: what the JIT has compiled when an instance reports ready, and how a sale's rate climbs
# after it. One Redis (AOF everysec, as cold-start.sh), one instance with -XX:+PrintCompilation and the service's
# warm-up on; from ready, WINDOWS windows of 10 s of POST /api/v1/holds (1 seat, 64 connections, wrk) on a fresh
# event. Prints holds/s per window, the C2 compilations (and methods thrown away, "made not entrant") per window, and
# which of the hold path's methods were not yet C2-compiled at ready.
#
# Needs: a Java 17 JDK, maven, wrk, redis-server, redis-cli, python3, curl.   Usage: bench/warmup-curve.sh
# Settings (environment): WINDOWS (4) JAVA_FLAGS (none: JVM flags after the image's, e.g. -XX:CICompilerCount=2)
#   SERVICE_ENV (extra VAR=value for the service, e.g. "WARMUP_CONNECTIONS=8") SKIP_BUILD (0)
# Variants measured with it are in bench/results/ (*-cold-start*.md).
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh" warmup-curve

WINDOWS=${WINDOWS:-4}
JAVA_FLAGS=${JAVA_FLAGS:-}
SERVICE_ENV=${SERVICE_ENV:-}

need_tools java mvn wrk redis-server redis-cli python3 curl
build service
start_redis_aof

launched=$(date +%s%N)
ms_since_launch() { echo $(( ($(date +%s%N) - launched) / 1000000 )); }
# shellcheck disable=SC2086
start_ready $JAVA_FLAGS -XX:+PrintCompilation -- WARMUP=true $SERVICE_ENV
ready_ms=$(ms_since_launch)
event=$(create_event 1000000)

: >"$WORK/windows.tsv"
for window in $(seq 1 "$WINDOWS"); do
  start_ms=$(ms_since_launch)
  rate=$(CONNECTIONS=64 wrk_rate post-hold.lua "$event" 10)
  printf '%s\t%s\t%s\n' "$start_ms" "$(ms_since_launch)" "$rate" >>"$WORK/windows.tsv"
done

echo "ready after $READY_SECONDS s (JVM flags: the image's${JAVA_FLAGS:+, then $JAVA_FLAGS}; service: ${SERVICE_ENV:-defaults})"
# PrintCompilation's times are from the JVM's start, a few ms after the launch: close enough for 10 s windows.
python3 - "$WORK/app-$APP_PORT.log" "$WORK/windows.tsv" "$ready_ms" <<'EOF'
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
