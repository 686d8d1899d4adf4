-- One consistent read for a batch: the event's counters, its holds due at `now`
-- (at most `due_limit`), the holds named and the bookings of those booked, the bookings named, the seat maps of the
-- sections named and the customer figures named; the first `scan` entries of its waiting list with their customers'
-- figures, and the entries named. Returns JSON {event, holds: {suffix: stored}, bookings: {suffix:
-- stored}, maps: {section: states}, customers: {field: seats}, line: {suffix: stored}, entries: {suffix: stored},
-- waiting: how many wait in all}, or nil if there is no event.
local event_key = KEYS[1]        -- bo:{s}:e:E
local exact_key = KEYS[2]        -- bo:{s}:x:E: the exact expiry index, hold suffix -> expiry
local bookings_key = KEYS[3]     -- bo:{s}:b:E: booking suffix -> booking
local customers_key = KEYS[4]    -- bo:{s}:cu:E: customer figure -> seats
local waitlist_key = KEYS[5]     -- bo:{s}:wl:E: waiting entry suffix -> number
local lanes_key = KEYS[6]        -- bo:{s}:xl:E: the expiry index's lanes (expiry-index.lua)
local now = ARGV[1]              -- epoch ms
local due_limit = ARGV[2]        -- how many due holds to read at most
local hold_prefix = ARGV[3]      -- bo:{s}:h:E_ (+ suffix: a hold's key, in this slot)
local named = cjson.decode(ARGV[4])         -- hold suffixes
local map_prefix = ARGV[5]       -- bo:{s}:m:E: (+ section id: a seat map's key, in this slot)
local map_sections = cjson.decode(ARGV[6])  -- section ids
local named_bookings = cjson.decode(ARGV[7])  -- booking suffixes
local customer_fields = cjson.decode(ARGV[8]) -- customer figures
local entry_prefix = ARGV[9]     -- bo:{s}:we:E_ (+ suffix: a waiting-list entry's key, in this slot)
local scan = tonumber(ARGV[10])  -- how many entries of the line to read
local named_entries = cjson.decode(ARGV[11])  -- entry suffixes
local sections = cjson.decode(ARGV[12])       -- the event's section ids, for the figures of waiting customers

local flat = redis.call('HGETALL', event_key)
if #flat == 0 then
  return false
end
local event = {}
for i = 1, #flat, 2 do event[flat[i]] = flat[i + 1] end

-- Adds the fields of a hash that exist to a table, field -> value.
local function hash_fields(key, fields, into)
  for _, field in ipairs(fields) do
    local value = redis.call('HGET', key, field)
    if value then
      into[field] = value
    end
  end
  return into
end

-- A slice of the due holds: at most due_limit of them, looking at no more than DUE_ENTRIES_PER_HOLD entries each.
local DUE_ENTRIES_PER_HOLD = 4
local holds = {}
local due = 0
if tonumber(due_limit) > 0 then
  each_live_hold(lanes_key, exact_key, hold_prefix, now, function(suffix, stored)
    holds[suffix] = stored
    due = due + 1
    return due >= tonumber(due_limit)
  end, tonumber(due_limit) * DUE_ENTRIES_PER_HOLD)
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
hash_fields(bookings_key, named_bookings, bookings)
local customers = hash_fields(customers_key, customer_fields, {})
-- The head of the waiting list, and the figures of its customers (CustomerSeats' fields: in all, and per section).
local line = {}
for _, suffix in ipairs(redis.call('ZRANGE', waitlist_key, 0, scan - 1)) do
  local stored = redis.call('GET', entry_prefix .. suffix)
  line[suffix] = stored
  local customer = cjson.decode(stored).u
  local fields = {customer}
  for _, section in ipairs(sections) do
    fields[#fields + 1] = section .. '\n' .. customer
  end
  hash_fields(customers_key, fields, customers)
end
local entries = {}
for _, suffix in ipairs(named_entries) do
  local stored = redis.call('GET', entry_prefix .. suffix)
  if stored then
    entries[suffix] = stored
  end
end
local maps = {}
for _, section in ipairs(map_sections) do
  local states = redis.call('GET', map_prefix .. section)
  if states then
    maps[section] = states
  end
end
return cjson.encode({event = event, holds = holds, bookings = bookings,
  maps = maps, customers = customers, line = line, entries = entries, waiting = redis.call('ZCARD', waitlist_key)})
