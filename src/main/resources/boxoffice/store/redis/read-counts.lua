-- An event's stored counts and the seats of its holds due at `now`, without changing anything; nil if no event.
local event_key = KEYS[1]        -- bo:{s}:e:E
local expiry_key = KEYS[2]       -- bo:{s}:x:E: hold suffix -> expires_at
local now = ARGV[1]              -- epoch ms
local hold_prefix = ARGV[2]      -- bo:{s}:h:E_ (+ suffix: a hold's key, in this slot)

local counts = redis.call('HMGET', event_key, 'total', 'available', 'held', 'booked')
if not counts[1] then
  return false
end
local due = 0
for _, suffix in ipairs(redis.call('ZRANGEBYSCORE', expiry_key, '-inf', now)) do
  due = due + cjson.decode(redis.call('GET', hold_prefix .. suffix)).q
end
return cjson.encode({total = counts[1], available = counts[2], held = counts[3], booked = counts[4],
  due = tostring(due)})
