-- The event's changes after a seq, at most `limit`, in order, with where the feed stands: its last seq and the oldest
-- seq it still keeps (none when it keeps none). Returns JSON {last, oldest, entries: [{seq, fields: {field: value}}]}
-- (entries an empty object when there are none: cjson cannot tell), or nil if there is no event.
local event_key = KEYS[1]        -- bo:{s}:e:E
local feed_key = KEYS[2]         -- bo:{s}:f:E: entry id "seq-0"
local after = tonumber(ARGV[1])  -- the last seq the caller has
local limit = ARGV[2]            -- how many changes to return at most

local last = redis.call('HGET', event_key, 'seq')
if not last then
  if redis.call('EXISTS', event_key) == 0 then
    return false
  end
  last = '0'  -- an event created before the feed existed
end
local reply = {last = last, entries = {}}
local oldest = redis.call('XRANGE', feed_key, '-', '+', 'COUNT', 1)
if oldest[1] then
  reply.oldest = string.match(oldest[1][1], '^(%d+)')
end
for _, entry in ipairs(redis.call('XRANGE', feed_key, (after + 1) .. '-0', '+', 'COUNT', limit)) do
  local fields = {}
  for j = 1, #entry[2], 2 do
    fields[entry[2][j]] = entry[2][j + 1]
  end
  table.insert(reply.entries, {seq = string.match(entry[1], '^(%d+)'), fields = fields})
end
return cjson.encode(reply)
