-- GET /api/v1/events/{EVENT_ID}/status: a read that goes to the store (one Redis script).
dofile(os.getenv("BENCH_DIR") .. "/wrk/wrk-report.lua")
wrk.path = "/api/v1/events/" .. os.getenv("EVENT_ID") .. "/status"
