-- A customer's holds and bookings of an event, read atomically from the customer's index: JSON {holds: {suffix:
-- stored}, bookings: {suffix: stored}}. The caller keeps the active holds and confirmed bookings.
local index_key = KEYS[1]        -- bo:{s}:cx:E:customer: "h" .. hold suffix, "b" .. booking suffix
local bookings_key = KEYS[2]     -- bo:{s}:b:E
local hold_prefix = ARGV[1]      -- bo:{s}:h:E_ (+ suffix: a hold's key, in this slot)

local holds = {}
local bookings = {}
for _, member in ipairs(redis.call('SMEMBERS', index_key)) do
  local suffix = string.sub(member, 2)
  if string.sub(member, 1, 1) == 'h' then
    holds[suffix] = redis.call('GET', hold_prefix .. suffix)
  else
    bookings[suffix] = redis.call('HGET', bookings_key, suffix)
  end
end
return cjson.encode({holds = holds, bookings = bookings})
