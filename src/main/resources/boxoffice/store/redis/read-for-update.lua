-- One consistent read for a batch: the event hash, its holds due at ARGV[1] (at most ARGV[2]), the holds named in
-- ARGV[4] and the bookings of those booked. Returns JSON {event, holds, bookings}, or nil if there is no event.
-- KEYS[1] event hash, KEYS[2] expiry zset. ARGV[1] now (epoch ms), ARGV[2] due limit, ARGV[3] the event's key
-- prefix, ARGV[4] JSON array of hold ids. Keys built from the prefix carry the event's hash tag (same slot).
local function hash(key)
  local flat = redis.call('HGETALL', key)
  local fields = {}
  for i = 1, #flat, 2 do fields[flat[i]] = flat[i + 1] end
  return fields
end

local event = hash(KEYS[1])
if next(event) == nil then
  return false
end
local holds = {}
for _, holdId in ipairs(redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', ARGV[1], 'LIMIT', 0, ARGV[2])) do
  holds[holdId] = hash(ARGV[3] .. 'hold:' .. holdId)
end
local bookings = {}
for _, holdId in ipairs(cjson.decode(ARGV[4])) do
  local hold = hash(ARGV[3] .. 'hold:' .. holdId)
  if next(hold) ~= nil then
    holds[holdId] = hold
    if hold.booking_id then
      bookings[hold.booking_id] = hash(ARGV[3] .. 'booking:' .. hold.booking_id)
    end
  end
end
return cjson.encode({event = event, holds = holds, bookings = bookings})
