-- Creates an event's hash with fresh counts unless it exists, and returns the stored hash as JSON.
-- KEYS[1] event hash. ARGV[1] name, ARGV[2] total seats, ARGV[3] created_at (epoch ms).
if redis.call('EXISTS', KEYS[1]) == 0 then
  redis.call('HSET', KEYS[1],
    'name', ARGV[1], 'total', ARGV[2], 'created_at', ARGV[3],
    'available', ARGV[2], 'held', 0, 'booked', 0, 'version', 0,
    'holds_created', 0, 'holds_expired', 0, 'bookings', 0)
end
local flat = redis.call('HGETALL', KEYS[1])
local event = {}
for i = 1, #flat, 2 do event[flat[i]] = flat[i + 1] end
return cjson.encode(event)
