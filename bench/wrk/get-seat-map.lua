-- GET the seat map of section "hall" of EVENT_ID.
dofile(os.getenv("BENCH_DIR") .. "/wrk/wrk-report.lua")
wrk.path = "/api/v1/events/" .. os.getenv("EVENT_ID") .. "/sections/hall/seats"
