-- An event's stored counts beside the seats in its active holds and in its bookings, read atomically; nil if no
-- event. KEYS[1] event hash, KEYS[2] expiry zset (every active hold), KEYS[3] bookings hash (booking id -> qty).
-- ARGV[1] the event's key prefix. Costs one pass over the event's active holds and bookings.
local counts = redis.call('HMGET', KEYS[1], 'total', 'available', 'held', 'booked')
if not counts[1] then
  return false
end
local held = 0
for _, holdId in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do
  held = held + tonumber(redis.call('HGET', ARGV[1] .. 'hold:' .. holdId, 'qty') or '0')
end
local booked = 0
for _, qty in ipairs(redis.call('HVALS', KEYS[3])) do
  booked = booked + tonumber(qty)
end
return cjson.encode({total = counts[1], available = counts[2], held = counts[3], booked = counts[4],
  held_by_active_holds = tostring(held), booked_by_bookings = tostring(booked)})
