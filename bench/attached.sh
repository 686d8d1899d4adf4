#!/usr/bin/env bash
# What followers cost a hot event: holds/s on an event with one webhook and SSE_CLIENTS live-availability streams
# attached, against holds/s on an event with none, on the same warmed instance in the same run. One Redis (AOF
# everysec, as run.sh), one instance. Event A has nothing attached; event B has a webhook (every hold.created, to a
# local receiver that answers 204 at once) and SSE_CLIENTS streams (curl). Rounds alternate A and B, SALE seconds of
# POST /api/v1/holds each with wrk (so neither side gets the warmer JIT); prints each round, the medians and their
# ratio, and what the receiver got against what the feed holds.
#
# Needs: a Java 17 JDK (java, jcmd), maven, wrk, redis-server, redis-cli, python3, curl.   Usage: bench/attached.sh
# Settings (environment): ROUNDS (3) SALE (10: seconds) CONNECTIONS (64) SSE_CLIENTS (100) WARMUP (15)
#   WARMUP_MAX_ROUNDS (8) SKIP_BUILD (0)
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh" attached

ROUNDS=${ROUNDS:-3}
SALE=${SALE:-10}
CONNECTIONS=${CONNECTIONS:-64}
SSE_CLIENTS=${SSE_CLIENTS:-100}
WARMUP=${WARMUP:-15}
WARMUP_MAX_ROUNDS=${WARMUP_MAX_ROUNDS:-8}

need_tools java jcmd mvn wrk redis-server redis-cli python3 curl
build service
start_redis_aof

# The webhook's receiver: answers 204 to every POST and counts them (one line per message in $WORK/received).
RECEIVER_PORT=$(free_port)
python3 - "$RECEIVER_PORT" "$WORK/received" <<'EOF' &
import http.server, sys
port, log = int(sys.argv[1]), open(sys.argv[2], "a", buffering=1)
class Receiver(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as real receivers: a connection per message is far slower
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        log.write(self.headers.get("webhook-id", "") + "\n")
        self.send_response(204); self.send_header("Content-Length", "0"); self.end_headers()
    def log_message(self, *args): pass
http.server.ThreadingHTTPServer(("127.0.0.1", port), Receiver).serve_forever()
EOF
PIDS+=($!)

# Webhooks to a loopback receiver over http: allowed for this bench only.
start_app WEBHOOK_ALLOW_HTTP=true WEBHOOK_ALLOW_PRIVATE=true
bare=$(create_event 1000000)
followed=$(create_event 1000000)
curl -sf -X POST "$API/webhooks" -H 'Content-Type: application/json' \
  -d "{\"url\": \"http://127.0.0.1:$RECEIVER_PORT/hook\", \"types\": [\"hold.created\"], \"event_id\": \"$followed\"}" \
  >/dev/null
for _ in $(seq 1 "$SSE_CLIENTS"); do
  curl -sN -H 'Accept: text/event-stream' "$API/events/$followed/availability" >/dev/null 2>&1 &
  PIDS+=($!)
done
echo "Event A $bare bare; event B $followed with a webhook and $SSE_CLIENTS streams. Warming up on both..."
warm_up "$bare"
warm_up "$followed"

: >"$WORK/bare.txt"; : >"$WORK/followed.txt"
for round in $(seq 1 "$ROUNDS"); do
  a=$(wrk_rate post-hold.lua "$bare" "$SALE"); echo "$a" >>"$WORK/bare.txt"
  b=$(wrk_rate post-hold.lua "$followed" "$SALE"); echo "$b" >>"$WORK/followed.txt"
  printf 'round %d: bare %.0f holds/s, followed %.0f holds/s (%.2f x)\n' "$round" "$a" "$b" \
    "$(python3 -c "print($b / $a)")"
done

sleep 5 # let the webhook catch up before counting
held=$(curl -sf "$API/events/$followed/status" | json_field held)
received=$(sort -u "$WORK/received" | wc -l)
python3 - "$WORK/bare.txt" "$WORK/followed.txt" "$held" "$received" "$SSE_CLIENTS" <<'EOF'
import statistics, sys
bare = [float(x) for x in open(sys.argv[1])]
followed = [float(x) for x in open(sys.argv[2])]
held, received, clients = int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
a, b = statistics.median(bare), statistics.median(followed)
print(f"median holds/s: bare {a:.0f}, with a webhook and {clients} streams {b:.0f}: {b / a:.2f} x")
print(f"webhook: {received} distinct messages received for {held} seats held on event B (warm-up included)")
EOF
