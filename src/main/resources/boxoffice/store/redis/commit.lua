-- Writes one batch's changes if the event's version is still the one read under the lock (the fencing token), and
-- bumps it; returns 1, or 0 having changed nothing when another writer committed first. In the same step it keeps the
-- shard's totals and due index exact: every key here shares the shard's hash tag.
local event_key = KEYS[1]        -- bo:{s}:e:E
local exact_key = KEYS[2]        -- bo:{s}:x:E: the exact expiry index, hold suffix -> expiry
local bookings_key = KEYS[3]     -- bo:{s}:b:E: booking suffix -> booking
local due_key = KEYS[4]          -- bo:{s}:due: event id -> earliest expiry of its active holds
local totals_key = KEYS[5]       -- bo:{s}:totals
local customers_key = KEYS[6]    -- bo:{s}:cu:E: customer figure -> seats
local feed_key = KEYS[7]         -- bo:{s}:f:E: the change feed, entry id "seq-0"
local changed_key = KEYS[8]      -- bo:{s}:fx: event id -> time of its latest change
local waitlist_key = KEYS[9]     -- bo:{s}:wl:E: waiting entry suffix -> number (only touched when entries changed)
local lanes_key = KEYS[10]       -- bo:{s}:xl:E: the expiry index's lanes (expiry-index.lua)
local seats_key = KEYS[11]       -- bo:{s}:xs:E: the seats of active holds by expiry (due-seats.lua)
local expected_version = ARGV[1]  -- the version the batch read under the lock
local hold_prefix = ARGV[2]      -- bo:{s}:h:E_ (+ suffix: a hold's key, in this slot)
local changes = cjson.decode(ARGV[3])  -- the batch's changes (JSON):
  -- counters (as strings) in all and sections [{id, available, held, booked}]; reserved_change {available, held,
  -- booked}: how the reserved sections' counters moved; seats [{section, runs: [[offset,
  -- states]]}]; holds [{suffix, record, expires_at (active only), customer}]; bookings [{suffix, record, customer,
  -- cancelled}]; customers {field: change of seats}; feed [[field, value, ...]] (the changes, in order: each gets
  -- the event's next seq); at (epoch ms); tallies holds_created, holds_expired, bookings_created, bookings_cancelled;
  -- waitlist [{suffix, record, number (waiting only)}] (optional), waitlist_joined (the last number given, or "0")
local retention_ms = ARGV[4]     -- how long a finished hold stays readable
local event_id = ARGV[5]         -- E, as the shard's indexes name it
local map_prefix = ARGV[6]       -- bo:{s}:m:E: (+ section id: a seat map's key, in this slot)
local index_prefix = ARGV[7]     -- bo:{s}:cx:E: (+ customer: the set of a customer's holds "h.." and bookings "b..")
local feed_retention_ms = tonumber(ARGV[8])  -- how long a change stays in the feed
local entry_prefix = ARGV[9]     -- bo:{s}:we:E_ (+ suffix: a waiting-list entry's key, in this slot)

local stored = redis.call('HMGET', event_key, 'version', 'available', 'held', 'booked')
if stored[1] ~= expected_version then
  return 0
end
redis.call('HSET', event_key, 'available', changes.available, 'held', changes.held, 'booked', changes.booked,
  'version', tonumber(expected_version) + 1)
for _, section in ipairs(changes.sections) do
  redis.call('HSET', event_key, 'available:' .. section.id, section.available, 'held:' .. section.id, section.held,
    'booked:' .. section.id, section.booked)
end
-- A batch moves few of these counters; an increment of 0 would still be a write (and a line in the AOF).
local function increment(key, field, by)
  by = tonumber(by)
  if by ~= 0 then redis.call('HINCRBY', key, field, by) end
end
increment(event_key, 'holds_created', changes.holds_created)
increment(event_key, 'holds_expired', changes.holds_expired)
increment(event_key, 'bookings', changes.bookings_created)
increment(event_key, 'bookings_cancelled', changes.bookings_cancelled)
increment(totals_key, 'available', tonumber(changes.available) - tonumber(stored[2]))
increment(totals_key, 'held', tonumber(changes.held) - tonumber(stored[3]))
increment(totals_key, 'booked', tonumber(changes.booked) - tonumber(stored[4]))
increment(totals_key, 'available:reserved', changes.reserved_change.available)
increment(totals_key, 'held:reserved', changes.reserved_change.held)
increment(totals_key, 'booked:reserved', changes.reserved_change.booked)
increment(totals_key, 'holds_created', changes.holds_created)
increment(totals_key, 'holds_expired', changes.holds_expired)
increment(totals_key, 'bookings', changes.bookings_created)
increment(totals_key, 'bookings_cancelled', changes.bookings_cancelled)

for _, seats in ipairs(changes.seats) do
  local map_key = map_prefix .. seats.section
  for _, run in ipairs(seats.runs) do
    redis.call('SETRANGE', map_key, run[1], run[2])
  end
end
-- Active holds join the expiry index in order of expiry (a batch's requests read the clock in one order and may
-- reach it in another), each before its record is written (index_hold compares with the record it replaces).
local active = {}
for _, hold in ipairs(changes.holds) do
  if hold.expires_at then table.insert(active, hold) end
end
table.sort(active, function(a, b) return tonumber(a.expires_at) < tonumber(b.expires_at) end)
local tails = #active > 0 and lane_tails(lanes_key) or {}
for _, hold in ipairs(active) do
  index_hold(tails, lanes_key, exact_key, hold_prefix, hold.suffix, hold.expires_at)
end
-- The seats by expiry move with each record written (an event created before them has none: SEATS_BY_EXPIRY).
local counts_seats = redis.call('HEXISTS', event_key, SEATS_BY_EXPIRY) == 1
for _, hold in ipairs(changes.holds) do
  local key = hold_prefix .. hold.suffix
  if counts_seats then count_due(seats_key, hold_prefix, hold.suffix, hold.record, hold.expires_at) end
  if hold.expires_at then
    redis.call('SET', key, hold.record)
    if hold.customer then redis.call('SADD', index_prefix .. hold.customer, 'h' .. hold.suffix) end
  else
    redis.call('SET', key, hold.record, 'PX', retention_ms)
    redis.call('ZREM', exact_key, hold.suffix)
    if hold.customer then redis.call('SREM', index_prefix .. hold.customer, 'h' .. hold.suffix) end
  end
end
for _, booking in ipairs(changes.bookings) do
  redis.call('HSET', bookings_key, booking.suffix, booking.record)
  if booking.customer and booking.cancelled then
    redis.call('SREM', index_prefix .. booking.customer, 'b' .. booking.suffix)
  elseif booking.customer then
    redis.call('SADD', index_prefix .. booking.customer, 'b' .. booking.suffix)
  end
end
for field, change in pairs(changes.customers) do
  if redis.call('HINCRBY', customers_key, field, change) <= 0 then
    redis.call('HDEL', customers_key, field)
  end
end

-- The waiting list: a waiting entry stays in line; an offered or departed one leaves it, readable for the retention.
for _, entry in ipairs(changes.waitlist or {}) do
  local key = entry_prefix .. entry.suffix
  if entry.number then
    redis.call('SET', key, entry.record)
    redis.call('ZADD', waitlist_key, entry.number, entry.suffix)
  else
    redis.call('SET', key, entry.record, 'PX', retention_ms)
    redis.call('ZREM', waitlist_key, entry.suffix)
  end
end
if changes.waitlist_joined and changes.waitlist_joined ~= '0' then
  redis.call('HSET', event_key, 'wl_joined', changes.waitlist_joined)
end

-- The feed: number the changes after the event's last seq, then trim what is older than the retention. Trimming looks
-- at a few more entries than were added, so the feed's length follows its retention however the batches come; only
-- when the oldest entry is due, so a commit whose feed holds nothing old reads one entry, not a screenful.
local function entry_time(entry)
  local fields = entry[2]
  for j = 1, #fields, 2 do
    if fields[j] == 'a' then return tonumber(fields[j + 1]) end
  end
  return nil
end

if #changes.feed > 0 then
  local first = redis.call('HINCRBY', event_key, 'seq', #changes.feed) - #changes.feed
  for i, fields in ipairs(changes.feed) do
    redis.call('XADD', feed_key, (first + i) .. '-0', unpack(fields))
  end
  redis.call('ZADD', changed_key, changes.at, event_id)
  local cutoff = tonumber(changes.at) - feed_retention_ms
  local oldest = redis.call('XRANGE', feed_key, '-', '+', 'COUNT', 1)[1]
  if entry_time(oldest) < cutoff then
    local trim_through = nil
    for _, entry in ipairs(redis.call('XRANGE', feed_key, '-', '+', 'COUNT', #changes.feed + 16)) do
      if entry_time(entry) >= cutoff then break end
      trim_through = tonumber(string.match(entry[1], '^(%d+)'))
    end
    redis.call('XTRIM', feed_key, 'MINID', (trim_through + 1) .. '-0')
  end
end

tidy_lanes(lanes_key, hold_prefix)
score_due(due_key, event_id, lanes_key, exact_key)
return 1
