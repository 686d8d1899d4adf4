-- GET /api/v1/events/{EVENT_ID}: the baseline, a read that touches the store once.
dofile(os.getenv("BENCH_DIR") .. "/wrk-report.lua")
wrk.method = "GET"
wrk.path = "/api/v1/events/" .. os.getenv("EVENT_ID")
