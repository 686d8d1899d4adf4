-- GET /ping on the admin port: Jetty and one servlet, no Jersey, no store. The floor under every other figure:
-- what this machine, wrk and 64 connections give before the service does any work.
dofile(os.getenv("BENCH_DIR") .. "/wrk/wrk-report.lua")
wrk.method = "GET"
wrk.path = "/ping"
