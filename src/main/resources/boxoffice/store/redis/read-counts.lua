-- An event's counters and what is due at `now`, without changing anything; nil if no event. The caller counts the
-- due seats as available, section by section. With want_definition '1' (the caller has not cached the event yet),
-- the event's definition too, so that a status read is one round trip whether or not the event is cached. The due
-- seats are a sum of a few blocks of the event's seats by expiry (due-seats.lua): the read costs the same however
-- many holds are due. An event created before those sums has its due holds walked instead (due: their records).
local event_key = KEYS[1]        -- bo:{s}:e:E
local exact_key = KEYS[2]        -- bo:{s}:x:E: the exact expiry index, hold suffix -> expiry
local definition_key = KEYS[3]   -- bo:{s}:d:E: the event as created
local lanes_key = KEYS[4]        -- bo:{s}:xl:E: the expiry index's lanes (expiry-index.lua)
local seats_key = KEYS[5]        -- bo:{s}:xs:E: the seats of active holds by expiry (due-seats.lua)
local now = ARGV[1]              -- epoch ms
local hold_prefix = ARGV[2]      -- bo:{s}:h:E_ (+ suffix: a hold's key, in this slot)
local want_definition = ARGV[3] == '1'  -- '1' when the caller has not cached the event

local flat = redis.call('HGETALL', event_key)
if #flat == 0 then
  return false
end
local counters = {}
local held_sections = {}
for i = 1, #flat, 2 do
  counters[flat[i]] = flat[i + 1]
  local section = string.match(flat[i], '^held:(.+)$')
  if section and flat[i + 1] ~= '0' then
    held_sections[#held_sections + 1] = section
  end
end
local reply = {event = counters}
if counters[SEATS_BY_EXPIRY] then
  reply.due_seats = due_seats(seats_key, lanes_key, exact_key, tonumber(now), held_sections)
else
  reply.due = {}
  each_live_hold(lanes_key, exact_key, hold_prefix, now, function(_, stored)
    table.insert(reply.due, stored)
    return false
  end)
end
if want_definition then
  reply.definition = redis.call('GET', definition_key) or nil
end
return cjson.encode(reply)
