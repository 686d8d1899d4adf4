-- One webhook's lease and delivery state, one step at a time. Every write of delivery state is fenced by the lease:
-- it is made only while the holder holds the lease, so an instance that stalled past its lease changes nothing.
-- Replies 1 when the step was made, 0 when it was refused (lease held by another, or the webhook is gone).
local lease_key = KEYS[1]        -- bo:wh:{W}:l: the lease, a string holding its holder's id, expiring (PX)
local subscription = KEYS[2]     -- bo:wh:{W}:s: the subscription (JSON); deleted with the webhook
local cursors = KEYS[3]          -- bo:wh:{W}:c: hash event id -> cursor
local dead = KEYS[4]             -- bo:wh:{W}:d: hash message id -> dead message (JSON)
local scanned = KEYS[5]          -- bo:wh:{W}:t: string, ms: events changed before this have been looked at
local holder = ARGV[1]           -- the instance taking the step ('-' to delete)
local op = ARGV[2]               -- lease | release | advance | bury | scanned | delete
local ttl_ms = ARGV[3]           -- lease: how long it lives ('' for the other steps)
local event_id = ARGV[4]         -- advance, bury: the event whose cursor moves
local cursor = ARGV[5]           -- advance, bury: the cursor's new value
local message_id = ARGV[6]       -- bury: the dead message's id
local dead_message = ARGV[7]     -- bury: the dead message (JSON)
local scanned_to = ARGV[8]       -- scanned: ms; every event changed before this has been looked at

if op == 'delete' then
  return redis.call('DEL', subscription, cursors, dead, scanned, lease_key) > 0 and 1 or 0
end
if redis.call('EXISTS', subscription) == 0 then
  return 0
end
local current = redis.call('GET', lease_key)
if op == 'lease' then
  if current and current ~= holder then
    return 0
  end
  redis.call('SET', lease_key, holder, 'PX', ttl_ms)
  return 1
end
if current ~= holder then
  return 0
end
if op == 'release' then
  redis.call('DEL', lease_key)
elseif op == 'advance' then
  redis.call('HSET', cursors, event_id, cursor)
elseif op == 'bury' then
  redis.call('HSET', cursors, event_id, cursor)
  redis.call('HSET', dead, message_id, dead_message)
elseif op == 'scanned' then
  redis.call('SET', scanned, scanned_to)
else
  return redis.error_reply('unknown op ' .. op)
end
return 1
