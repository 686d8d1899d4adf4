#!/usr/bin/env bash
# A sale that outlasts its holds (issue #33's benchmark): one Redis (AOF everysec, as run.sh), one instance with
# HOLD_TTL 60 s, and for DURATION (300) seconds holds of one seat on one event at the most the instance answers
# (wrk, CONNECTIONS in flight), a fifth of them booked at once (post-hold-book.lua), the rest left to expire, with
# READERS connections reading the event's status alongside. From the first minute on, holds fall due as fast as they
# are made: expiry must keep up. Every INTERVAL (10) seconds one line (bench/long_sale.py): holds/s, p99, the event's
# held seats, the due backlog (holds due and not released, and the age of the oldest), Redis's slowest command, and
# the 503s (there must be none). The instance is warmed up first on another event (holds and status reads).
#
# Needs: a Java 17 JDK (java, jcmd), maven, wrk, redis-server, redis-cli, python3, curl.   Usage: bench/long-sale.sh
# Settings (environment): DURATION (300) INTERVAL (10) CONNECTIONS (64) READERS (8) BOOK_EVERY (5)
#   HOLD_TTL (60 seconds) WARMUP (10) WARMUP_MAX_ROUNDS (3) SKIP_BUILD (0) OUT (bench/results/long-sale-<time>.txt)
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh" long-sale

export DURATION=${DURATION:-300} INTERVAL=${INTERVAL:-10} CONNECTIONS=${CONNECTIONS:-64} READERS=${READERS:-8}
export BOOK_EVERY=${BOOK_EVERY:-5}
HOLD_TTL=${HOLD_TTL:-60 seconds}
WARMUP=${WARMUP:-10}
WARMUP_MAX_ROUNDS=${WARMUP_MAX_ROUNDS:-3}
export SCRIPTS="$ROOT/src/main/resources/boxoffice/store/redis"
OUT=${OUT:-$BENCH_DIR/results/long-sale-$(date +%Y%m%d-%H%M%S).txt}

need_tools java jcmd mvn wrk redis-server redis-cli python3 curl
build service
start_warm HOLD_TTL="$HOLD_TTL" HOLD_TTL_MAX="$HOLD_TTL" HOLD_TTL_MIN="1 second"
EVENT_ID=$(create_event 1000000)
export EVENT_ID APP_PORT APP_ADMIN REDIS_PORT
mkdir -p "$(dirname "$OUT")"
{
  echo "# long sale: ${DURATION}s, HOLD_TTL $HOLD_TTL, ${CONNECTIONS} connections of holds (1 in ${BOOK_EVERY} booked)," \
    "${READERS} of status reads; $(date -u +%FT%TZ); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  python3 "$TOOLS/long_sale.py" "$WORK"
  echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT"
grep -q '^RESULT .* s503=0$' "$OUT" || { echo "503s answered: see $OUT"; exit 1; }
