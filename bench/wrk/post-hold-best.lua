-- POST /api/v1/holds of the best 2 seats together in section "hall" of EVENT_ID (a reserved section).
dofile(os.getenv("BENCH_DIR") .. "/wrk/wrk-report.lua")
wrk.method = "POST"
wrk.path = "/api/v1/holds"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"event_id":"' .. os.getenv("EVENT_ID") .. '","items":[{"section":"hall","best_available":2}]}'
