-- An event's stored counts beside what its records add up to, read atomically; nil if no event: the seats in its
-- active holds, the seats in its bookings, and how many holds have more than one booking. Costs one pass over the
-- event's active holds and bookings.
local event_key = KEYS[1]        -- bo:{s}:e:E
local expiry_key = KEYS[2]       -- bo:{s}:x:E: hold suffix -> expires_at (every active hold)
local bookings_key = KEYS[3]     -- bo:{s}:b:E: booking suffix -> booking
local hold_prefix = ARGV[1]      -- bo:{s}:h:E_ (+ suffix: a hold's key, in this slot)

local counts = redis.call('HMGET', event_key, 'total', 'available', 'held', 'booked')
if not counts[1] then
  return false
end
local held = 0
for _, suffix in ipairs(redis.call('ZRANGE', expiry_key, 0, -1)) do
  local stored = redis.call('GET', hold_prefix .. suffix)
  if stored then
    held = held + cjson.decode(stored).q
  end
end
local booked = 0
local bookings_of_hold = {}
local booked_twice = 0
for _, stored in ipairs(redis.call('HVALS', bookings_key)) do
  local booking = cjson.decode(stored)
  booked = booked + booking.q
  bookings_of_hold[booking.h] = (bookings_of_hold[booking.h] or 0) + 1
  if bookings_of_hold[booking.h] == 2 then
    booked_twice = booked_twice + 1
  end
end
return cjson.encode({total = counts[1], available = counts[2], held = counts[3], booked = counts[4],
  held_by_active_holds = tostring(held), booked_by_bookings = tostring(booked),
  holds_booked_twice = tostring(booked_twice)})
