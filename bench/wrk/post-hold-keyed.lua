-- POST /api/v1/holds of one seat of EVENT_ID, each with its own Idempotency-Key (a UUID-shaped key).
dofile(os.getenv("BENCH_DIR") .. "/wrk/wrk-report.lua")
local counter = 0
local prefix

function init(args)
  created, ok, conflict, other = 0, 0, 0, 0
  prefix = string.format("%08x-0000-4000-8000-", math.random(0, 0x7fffffff))
end

function request()
  counter = counter + 1
  return wrk.format("POST", "/api/v1/holds",
    {["Content-Type"] = "application/json", ["Idempotency-Key"] = prefix .. string.format("%012x", counter)},
    '{"event_id":"' .. os.getenv("EVENT_ID") .. '","qty":1}')
end
