-- One consistent read for a batch: the event hash, its holds due at `now` (at most `due_limit`), the holds named and
-- the bookings of those booked. Returns JSON {event, holds: {suffix: stored}, bookings: {suffix: stored}}, or nil if
-- there is no event.
local event_key = KEYS[1]        -- bo:{s}:e:E
local expiry_key = KEYS[2]       -- bo:{s}:x:E: hold suffix -> expires_at
local bookings_key = KEYS[3]     -- bo:{s}:b:E: booking suffix -> booking
local now = ARGV[1]              -- epoch ms
local due_limit = ARGV[2]
local hold_prefix = ARGV[3]      -- bo:{s}:h:E_ (+ suffix: a hold's key, in this slot)
local named = cjson.decode(ARGV[4])   -- hold suffixes

local flat = redis.call('HGETALL', event_key)
if #flat == 0 then
  return false
end
local event = {}
for i = 1, #flat, 2 do event[flat[i]] = flat[i + 1] end

local holds = {}
for _, suffix in ipairs(redis.call('ZRANGEBYSCORE', expiry_key, '-inf', now, 'LIMIT', 0, due_limit)) do
  holds[suffix] = redis.call('GET', hold_prefix .. suffix)
end
local bookings = {}
for _, suffix in ipairs(named) do
  local stored = redis.call('GET', hold_prefix .. suffix)
  if stored then
    holds[suffix] = stored
    local booking = cjson.decode(stored).b
    if booking then
      bookings[booking] = redis.call('HGET', bookings_key, booking)
    end
  end
end
return cjson.encode({event = event, holds = holds, bookings = bookings})
