-- POST /api/v1/holds of one seat of EVENT_ID; every BOOK_EVERY-th hold granted (5: a fifth) is booked at once
-- (POST /api/v1/book, the next request of that wrk thread), the others are left to expire. TTL_SECONDS, when set,
-- is each hold's ttl_seconds (the instance's HOLD_TTL otherwise).
dofile(os.getenv("BENCH_DIR") .. "/wrk/wrk-report.lua")
local book_every = tonumber(os.getenv("BOOK_EVERY") or "5")
local json = {["Content-Type"] = "application/json"}
local ttl = os.getenv("TTL_SECONDS")
local hold_body = '{"event_id":"' .. os.getenv("EVENT_ID") .. '","qty":1'
  .. (ttl and ttl ~= "" and (',"ttl_seconds":' .. ttl) or "") .. '}'
local granted, booking = 0, nil
local count = response

function request()
  if booking then
    local body = booking
    booking = nil
    return wrk.format("POST", "/api/v1/book", json, body)
  end
  return wrk.format("POST", "/api/v1/holds", json, hold_body)
end

function response(status, headers, body)
  count(status, headers, body)
  if status == 201 and string.find(body, '"payment_token"', 1, true) then -- a hold (a booking has no token)
    granted = granted + 1
    if granted % book_every == 0 then
      booking = '{"hold_id":"' .. string.match(body, '"hold_id":"([^"]+)"') .. '","payment_token":"'
          .. string.match(body, '"payment_token":"([^"]+)"') .. '"}'
    end
  end
end
