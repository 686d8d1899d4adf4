-- GET /api/v1/events/{EVENT_ID}: the baseline, a plain read through the whole HTTP stack (events never change, so
-- an instance answers it from its own copy once it has read the event).
dofile(os.getenv("BENCH_DIR") .. "/wrk/wrk-report.lua")
wrk.method = "GET"
wrk.path = "/api/v1/events/" .. os.getenv("EVENT_ID")
