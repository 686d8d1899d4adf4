-- An event's counters and the holds due at `now`, without changing anything; nil if no event. The caller counts the
-- due holds' seats as available, section by section. With want_definition '1' (the caller has not cached the event
-- yet), the event's definition too, so that a status read is one round trip whether or not the event is cached.
local event_key = KEYS[1]        -- bo:{s}:e:E
local exact_key = KEYS[2]        -- bo:{s}:x:E: the exact expiry index, hold suffix -> expiry
local definition_key = KEYS[3]   -- bo:{s}:d:E: the event as created
local now = ARGV[1]              -- epoch ms
local hold_prefix = ARGV[2]      -- bo:{s}:h:E_ (+ suffix: a hold's key, in this slot)
local want_definition = ARGV[3] == '1'
local lanes_key = KEYS[4]        -- bo:{s}:xl:E: the expiry index's lanes (expiry-index.lua)

local flat = redis.call('HGETALL', event_key)
if #flat == 0 then
  return false
end
local counters = {}
for i = 1, #flat, 2 do counters[flat[i]] = flat[i + 1] end
local due = {}
each_live_hold(lanes_key, exact_key, hold_prefix, now, function(_, stored)
  table.insert(due, stored)
  return false
end)
local definition = false
if want_definition then
  definition = redis.call('GET', definition_key)
end
return cjson.encode({event = counters, due = due, definition = definition or nil})
