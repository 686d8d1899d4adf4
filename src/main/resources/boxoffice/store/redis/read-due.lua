-- How many of an event's holds are due at `now` and not yet released: the sum of DUE_HOLDS in its seats by expiry
-- (due-seats.lua: those due in whole blocks of 256 ms), or for an event created before those sums a count of at most
-- WALKED of its due holds.
local event_key = KEYS[1]        -- bo:{s}:e:E
local exact_key = KEYS[2]        -- bo:{s}:x:E: the exact expiry index, hold suffix -> expiry
local lanes_key = KEYS[3]        -- bo:{s}:xl:E: the expiry index's lanes (expiry-index.lua)
local seats_key = KEYS[4]        -- bo:{s}:xs:E: the seats of active holds by expiry (due-seats.lua)
local now = ARGV[1]              -- epoch ms
local hold_prefix = ARGV[2]      -- bo:{s}:h:E_ (+ suffix: a hold's key, in this slot)
local WALKED = 10000

if redis.call('HEXISTS', event_key, SEATS_BY_EXPIRY) == 1 then
  return due_holds(seats_key, lanes_key, exact_key, tonumber(now))
end
local due = 0
each_live_hold(lanes_key, exact_key, hold_prefix, now, function()
  due = due + 1
  return false
end, WALKED)
return due
