-- Creates an event unless it exists: its definition, its counters in all and per section (all seats available), an
-- all-available seat map per reserved section, the first change of its feed (seq 1: event.created); lists it in its
-- shard and adds it to the shard's totals, in one step. Returns the stored definition.
local event_key = KEYS[1]        -- bo:{s}:e:E: counters and version
local definition_key = KEYS[2]   -- bo:{s}:d:E: the event as created
local shard_events = KEYS[3]     -- bo:{s}:events
local shard_totals = KEYS[4]     -- bo:{s}:totals
local feed_key = KEYS[5]         -- bo:{s}:f:E: the change feed
local shard_changed = KEYS[6]    -- bo:{s}:fx: event id -> time of its latest change
local event_id = ARGV[1]         -- E, as the shard's indexes name it
local definition = ARGV[2]       -- the event as created (compact JSON)
local total = ARGV[3]            -- how many seats it has
local sections = cjson.decode(ARGV[4])  -- [{id, total, reserved}]
local map_prefix = ARGV[5]       -- bo:{s}:m:E: (+ section id: a seat map's key, in this slot)
local reserved = ARGV[6]         -- how many of the seats are in reserved sections
local created = cjson.decode(ARGV[7])   -- the event.created change: [field, value, ...]
local created_at = ARGV[8]       -- epoch ms

if redis.call('EXISTS', definition_key) == 0 then
  redis.call('SET', definition_key, definition)
  redis.call('HSET', event_key, 'total', total, 'available', total, 'held', 0, 'booked', 0, 'version', 0,
    'holds_created', 0, 'holds_expired', 0, 'bookings', 0, 'seq', 1,
    'xs', 1)  -- its seats are counted by expiry from the start (due-seats.lua's SEATS_BY_EXPIRY)
  for _, section in ipairs(sections) do
    redis.call('HSET', event_key, 'available:' .. section.id, section.total, 'held:' .. section.id, 0,
      'booked:' .. section.id, 0)
    if section.reserved then
      redis.call('SET', map_prefix .. section.id, string.rep('A', tonumber(section.total)))
    end
  end
  redis.call('XADD', feed_key, '1-0', unpack(created))
  redis.call('ZADD', shard_changed, created_at, event_id)
  redis.call('SADD', shard_events, event_id)
  redis.call('HINCRBY', shard_totals, 'events', 1)
  redis.call('HINCRBY', shard_totals, 'total', total)
  redis.call('HINCRBY', shard_totals, 'available', total)
  redis.call('HINCRBY', shard_totals, 'total:reserved', reserved)
  redis.call('HINCRBY', shard_totals, 'available:reserved', reserved)
end
return redis.call('GET', definition_key)
