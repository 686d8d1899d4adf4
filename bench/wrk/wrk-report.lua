-- Shared by every benchmark request script: counts answers by status in each wrk thread and prints one
-- machine-readable RESULT line when wrk is done.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  created, ok, conflict, other = 0, 0, 0, 0
end

function response(status, headers, body)
  if status == 201 then created = created + 1
  elseif status == 200 then ok = ok + 1
  elseif status == 409 then conflict = conflict + 1
  else other = other + 1 end
end

function done(summary, latency, requests)
  local c, o, k, x = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    c = c + t:get("created"); o = o + t:get("ok"); k = k + t:get("conflict"); x = x + t:get("other")
  end
  io.write(string.format(
    "RESULT requests=%d seconds=%.3f rps=%.1f p50_ms=%.3f p99_ms=%.3f s201=%d s200=%d s409=%d other=%d errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, c, o, k, x,
    -- socket errors only: wrk's errors.status counts every non-2xx answer, which the counts above already split
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
