-- An event's stored counters beside what its records add up to, read atomically; nil if no event: in all and per
-- section, the seats in its active holds and in its bookings, and for reserved sections the held and booked seats
-- of the seat map; and how many holds have more than one booking. Costs one pass over the event's active holds,
-- bookings and seat maps.
local event_key = KEYS[1]        -- bo:{s}:e:E
local exact_key = KEYS[2]        -- bo:{s}:x:E: the exact expiry index, hold suffix -> expiry
local bookings_key = KEYS[3]     -- bo:{s}:b:E: booking suffix -> booking
local lanes_key = KEYS[4]        -- bo:{s}:xl:E: the expiry index's lanes (expiry-index.lua)
local hold_prefix = ARGV[1]      -- bo:{s}:h:E_ (+ suffix: a hold's key, in this slot)
local map_prefix = ARGV[2]       -- bo:{s}:m:E: (+ section id)
local sections = cjson.decode(ARGV[3])  -- [{id, reserved}]

local flat = redis.call('HGETALL', event_key)
if #flat == 0 then
  return false
end
local counters = {}
for i = 1, #flat, 2 do counters[flat[i]] = flat[i + 1] end

local held_in = {}
local held = 0
each_live_hold(lanes_key, exact_key, hold_prefix, '+inf', function(_, stored)
  for _, item in ipairs(cjson.decode(stored).i) do
    held_in[item[1]] = (held_in[item[1]] or 0) + item[2]
    held = held + item[2]
  end
  return false
end)
local booked_in = {}
local booked = 0
local bookings_of_hold = {}
local booked_twice = 0
for _, stored in ipairs(redis.call('HVALS', bookings_key)) do
  local booking = cjson.decode(stored)
  local seats = booking.i
  if booking.s == 'c' then seats = {} end  -- a cancelled booking gave its seats back
  for _, item in ipairs(seats) do
    booked_in[item[1]] = (booked_in[item[1]] or 0) + item[2]
    booked = booked + item[2]
  end
  bookings_of_hold[booking.h] = (bookings_of_hold[booking.h] or 0) + 1
  if bookings_of_hold[booking.h] == 2 then
    booked_twice = booked_twice + 1
  end
end

local audited = {}
for _, section in ipairs(sections) do
  local entry = {id = section.id, available = counters['available:' .. section.id],
    held = counters['held:' .. section.id], booked = counters['booked:' .. section.id],
    held_by_active_holds = tostring(held_in[section.id] or 0),
    booked_by_bookings = tostring(booked_in[section.id] or 0)}
  if section.reserved then
    local map = redis.call('GET', map_prefix .. section.id) or ''
    entry.held_in_seat_map = tostring(select(2, string.gsub(map, 'H', '')))
    entry.booked_in_seat_map = tostring(select(2, string.gsub(map, 'B', '')))
  end
  table.insert(audited, entry)
end
return cjson.encode({total = counters.total, available = counters.available, held = counters.held,
  booked = counters.booked, held_by_active_holds = tostring(held), booked_by_bookings = tostring(booked),
  holds_booked_twice = tostring(booked_twice), sections = audited})
