-- Writes one batch's changes if the event's version is still ARGV[1] (the fencing token read under the lock), and
-- bumps the version. Returns 1, or 0 having changed nothing when another writer committed first.
-- KEYS[1] event hash, KEYS[2] expiry zset. ARGV[1] expected version, ARGV[2] the event's key prefix, ARGV[3] JSON
-- changes (every value a string), ARGV[4] how long finished holds stay readable (ms).
-- Keys built from the prefix carry the event's hash tag, so they live in KEYS[1]'s slot.
local version = redis.call('HGET', KEYS[1], 'version')
if version ~= ARGV[1] then
  return 0
end
local changes = cjson.decode(ARGV[3])
redis.call('HSET', KEYS[1], 'available', changes.available, 'held', changes.held, 'booked', changes.booked,
  'version', tonumber(version) + 1)
redis.call('HINCRBY', KEYS[1], 'holds_created', changes.holds_created)
redis.call('HINCRBY', KEYS[1], 'holds_expired', changes.holds_expired)
redis.call('HINCRBY', KEYS[1], 'bookings', #changes.bookings)
for _, hold in ipairs(changes.holds) do
  local key = ARGV[2] .. 'hold:' .. hold.id
  redis.call('HSET', key, 'qty', hold.qty, 'created_at', hold.created_at, 'expires_at', hold.expires_at,
    'token', hold.token, 'status', hold.status)
  if hold.booking_id then
    redis.call('HSET', key, 'booking_id', hold.booking_id)
  end
  if hold.status == 'active' then
    redis.call('ZADD', KEYS[2], hold.expires_at, hold.id)
  else
    redis.call('ZREM', KEYS[2], hold.id)
    redis.call('PEXPIRE', key, ARGV[4])
  end
end
for _, booking in ipairs(changes.bookings) do
  redis.call('HSET', ARGV[2] .. 'booking:' .. booking.id,
    'hold_id', booking.hold_id, 'qty', booking.qty, 'created_at', booking.created_at)
  -- the event's booking ledger, which the audit adds up
  redis.call('HSET', ARGV[2] .. 'bookings', booking.id, booking.qty)
end
return 1
