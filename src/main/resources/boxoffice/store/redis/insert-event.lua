-- Creates an event with fresh counters unless it exists, lists it in its shard and adds it to the shard's totals, in
-- one step; returns the stored event hash as JSON.
local event_key = KEYS[1]        -- bo:{s}:e:E
local shard_events = KEYS[2]     -- bo:{s}:events
local shard_totals = KEYS[3]     -- bo:{s}:totals
local event_id = ARGV[1]
local name = ARGV[2]
local total = ARGV[3]
local created_at = ARGV[4]       -- epoch ms

if redis.call('EXISTS', event_key) == 0 then
  redis.call('HSET', event_key, 'name', name, 'total', total, 'created_at', created_at,
    'available', total, 'held', 0, 'booked', 0, 'version', 0, 'holds_created', 0, 'holds_expired', 0, 'bookings', 0)
  redis.call('SADD', shard_events, event_id)
  redis.call('HINCRBY', shard_totals, 'events', 1)
  redis.call('HINCRBY', shard_totals, 'total', total)
  redis.call('HINCRBY', shard_totals, 'available', total)
end
local flat = redis.call('HGETALL', event_key)
local event = {}
for i = 1, #flat, 2 do event[flat[i]] = flat[i + 1] end
return cjson.encode(event)
