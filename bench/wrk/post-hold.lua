-- POST /api/v1/holds of one seat of EVENT_ID.
dofile(os.getenv("BENCH_DIR") .. "/wrk/wrk-report.lua")
wrk.method = "POST"
wrk.path = "/api/v1/holds"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"event_id":"' .. os.getenv("EVENT_ID") .. '","qty":1}'
