#!/usr/bin/env bash
# What holds cost Redis, two builds compared: for each of ROUNDS rounds, JAR_A then JAR_B, each on a fresh Redis (AOF
# everysec, as run.sh) and a fresh instance warmed like run.sh, bench/loadgen sends one-seat holds at RATE/s, open
# loop, for DURATION seconds (after 5 s of the same load); Redis's CPU time (INFO cpu) and its time in scripts
# (INFO commandstats: EVALSHA, which is the lock, the commit and the unlock; EVALSHA_RO, the read for update) over
# those 5 + DURATION seconds are divided by the holds sent. The rate is fixed, so both builds place the same holds;
# the ratios B/A of the medians are what to read on a shared machine. The p50/p99 of each run are printed too.
#
# Usage: JAR_A=/tmp/old.jar JAR_B=target/box-office.jar bench/redis-cost.sh      Needs what open-loop.sh needs.
# Settings (environment): JAR_A JAR_B (required) RATE (1500) DURATION (20) ROUNDS (2) CONNECTIONS (64: the warm-up's)
#   WARMUP (15) WARMUP_MAX_ROUNDS (2)
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh" redis-cost

: "${JAR_A:?set JAR_A to the jar of build A}" "${JAR_B:?set JAR_B to the jar of build B}"
RATE=${RATE:-1500}
DURATION=${DURATION:-20}
ROUNDS=${ROUNDS:-2}
CONNECTIONS=${CONNECTIONS:-64}
WARMUP=${WARMUP:-15}
WARMUP_MAX_ROUNDS=${WARMUP_MAX_ROUNDS:-2}

need_tools java jcmd mvn wrk redis-server redis-cli python3 curl
build loadgen

redis_cpu() { rcli info cpu | awk -F: '/^used_cpu_(user|sys):/{t += $2} END {print t}'; }
script_usec() { rcli info commandstats | sed -n "s/^cmdstat_$1:calls=[0-9]*,usec=\([0-9]*\),.*/\1/p"; }

echo "build round holds redis_cpu_us_per_hold evalsha_us_per_hold evalsha_ro_us_per_hold p50_ms p99_ms" \
  | tee "$WORK/results.txt"
for round in $(seq 1 "$ROUNDS"); do
  for build in A B; do
    jar=JAR_$build
    start_redis --appendonly yes --appendfsync everysec; redis_pid=${PIDS[-1]}
    APP_JAR=${!jar} start_ready --
    warm_up >/dev/null
    event=$(create_event 1000000)
    rcli config resetstat >/dev/null
    cpu_before=$(redis_cpu)
    loadgen --url "http://127.0.0.1:$APP_PORT" --body "{\"event_id\":\"$event\",\"qty\":1}" --rate "$RATE" \
      --duration "$DURATION" --warmup 5 >"$WORK/loadgen-$build-$round.txt" 2>&1
    cpu_after=$(redis_cpu)
    python3 - "$build" "$round" "$RATE" "$DURATION" "$cpu_before" "$cpu_after" "$(script_usec evalsha)" \
      "$(script_usec evalsha_ro)" "$(result_field "$WORK/loadgen-$build-$round.txt" p50_ms)" \
      "$(result_field "$WORK/loadgen-$build-$round.txt" p99_ms)" <<'PY' | tee -a "$WORK/results.txt"
import sys
build, rnd, rate, duration, before, after, evalsha, evalsha_ro, p50, p99 = sys.argv[1:]
holds = float(rate) * (float(duration) + 5)
per = lambda us: round(float(us or 0) / holds, 1)
print(build, rnd, int(holds), per((float(after) - float(before)) * 1e6), per(evalsha), per(evalsha_ro), p50, p99)
PY
    kill "$APP_PID" "$redis_pid"; wait "$APP_PID" "$redis_pid" 2>/dev/null || true
  done
done
python3 - "$WORK/results.txt" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1]).read().splitlines()[1:]]
def median(build, column):
    return statistics.median(float(r[column]) for r in rows if r[0] == build)
for name, column in (("Redis CPU per hold", 3), ("EVALSHA per hold", 4), ("EVALSHA_RO per hold", 5)):
    a, b = median("A", column), median("B", column)
    print(f"{name}: A {a} us, B {b} us, B/A {b / a:.2f}" if a else f"{name}: A {a} us, B {b} us")
PY
echo "results: $WORK"
