-- An event's stored counts and the seats of its holds due at ARGV[1], without changing anything; nil if no event.
-- KEYS[1] event hash, KEYS[2] expiry zset. ARGV[1] now (epoch ms), ARGV[2] the event's key prefix.
-- Hold keys are built from the prefix: they carry the event's hash tag, so they live in KEYS[1]'s slot.
local counts = redis.call('HMGET', KEYS[1], 'total', 'available', 'held', 'booked')
if not counts[1] then
  return false
end
local due = 0
for _, holdId in ipairs(redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', ARGV[1])) do
  due = due + tonumber(redis.call('HGET', ARGV[2] .. 'hold:' .. holdId, 'qty'))
end
return cjson.encode({total = counts[1], available = counts[2], held = counts[3], booked = counts[4], due = due})
