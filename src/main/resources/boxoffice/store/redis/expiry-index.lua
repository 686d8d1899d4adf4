-- The expiry index of an event's active holds, shared by the scripts that read or write it (loaded before each).
-- A zset of one-second buckets (member: the bucket's start, epoch ms; score: the earliest expiry ever entered in it)
-- and one list per bucket of its holds, each entry the hold's suffix followed by its expiry's ms within the bucket. A
-- list entry costs about 30 bytes a hold where a zset entry per hold cost about 120. Entries are not removed when a
-- hold is booked, released or extended (that would scan its bucket): a read checks each entry it meets against the
-- hold's record (live_entry), and tidy_index drops the dead entries of buckets that have passed. The earlier index,
-- one zset of hold suffix -> expiry (bo:{s}:x:E), is still read and emptied, never added to.
local BUCKET_MS = 1000
local SUFFIX_LENGTH = 22

local BASE64URL = {}
for i = 1, 64 do
  BASE64URL[string.byte('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_', i)] = i - 1
end

-- When the hold of this record expires (epoch ms). Its suffix starts with the ms its id was issued (six bytes: eight
-- base64url digits); the record says how long after that it was created and then how long it lives (HoldRecords).
local function hold_expiry(suffix, record)
  if record.e then
    return tonumber(record.e)  -- a record of the earlier layout: absolute
  end
  local issued = 0
  for i = 1, 8 do
    issued = issued * 64 + BASE64URL[string.byte(suffix, i)]
  end
  return issued + (record.o or 0) + record.d
end

local function bucket_key(index_key, start)
  return index_key .. ':' .. start
end

-- An entry's hold suffix and expiry.
local function entry_parts(start, entry)
  return string.sub(entry, 1, SUFFIX_LENGTH), tonumber(start) + tonumber(string.sub(entry, SUFFIX_LENGTH + 1))
end

-- The hold's stored record if the entry is live: the hold is still active and still expires when the entry says.
local function live_entry(hold_prefix, suffix, expires_at)
  local stored = redis.call('GET', hold_prefix .. suffix)
  if not stored then
    return nil
  end
  local record = cjson.decode(stored)
  if (record.s == nil or record.s == 'a') and hold_expiry(suffix, record) == expires_at then
    return stored
  end
  return nil
end

-- Indexes an active hold expiring at expires_at (epoch ms) unless its stored record (before this write) already
-- expires then; returns true if it did.
local function index_hold(index_key, hold_prefix, suffix, expires_at)
  expires_at = tonumber(expires_at)
  if live_entry(hold_prefix, suffix, expires_at) then
    return false
  end
  local start = expires_at - expires_at % BUCKET_MS
  redis.call('RPUSH', bucket_key(index_key, start), suffix .. (expires_at - start))
  redis.call('ZADD', index_key, 'LT', expires_at, start)
  return true
end

-- Calls visit(suffix, stored) once for each active hold expiring at or before `through` (epoch ms): the earlier
-- index's first, then bucket by bucket; stops when visit returns true.
local function each_live_hold(index_key, legacy_key, hold_prefix, through, visit)
  local last = through == '+inf' and math.huge or tonumber(through)
  local seen = {}
  local function once(suffix, stored)
    if not stored or seen[suffix] then return false end
    seen[suffix] = true
    return visit(suffix, stored)
  end
  for _, suffix in ipairs(redis.call('ZRANGEBYSCORE', legacy_key, '-inf', through)) do
    if once(suffix, redis.call('GET', hold_prefix .. suffix)) then return end
  end
  for _, start in ipairs(redis.call('ZRANGEBYSCORE', index_key, '-inf', through)) do
    for _, entry in ipairs(redis.call('LRANGE', bucket_key(index_key, start), 0, -1)) do
      local suffix, expires_at = entry_parts(start, entry)
      if expires_at <= last and once(suffix, live_entry(hold_prefix, suffix, expires_at)) then return end
    end
  end
end

-- The buckets that have passed at now (every entry in them is due).
local function passed_buckets(index_key, now)
  local passed = {}
  for _, start in ipairs(redis.call('ZRANGEBYSCORE', index_key, '-inf', now)) do
    if tonumber(start) + BUCKET_MS <= tonumber(now) then
      table.insert(passed, start)
    end
  end
  return passed
end

-- Drops the dead entries at the head of each bucket that has passed, and the buckets left empty; stops at a live one
-- (a due hold the sweeper has yet to release).
local function tidy_index(index_key, hold_prefix, now)
  for _, start in ipairs(passed_buckets(index_key, now)) do
    local key = bucket_key(index_key, start)
    while true do
      local entry = redis.call('LINDEX', key, 0)
      if not entry then
        redis.call('ZREM', index_key, start)
        break
      end
      if live_entry(hold_prefix, entry_parts(start, entry)) then
        return
      end
      redis.call('LPOP', key)
    end
  end
end

-- Sets the event's score in its shard's due index: the earliest an active hold of it may expire (the first bucket's
-- score, or the earlier index's first expiry); removes the event when it has none.
local function score_due(due_key, event_id, index_key, legacy_key)
  local legacy = redis.call('ZRANGE', legacy_key, 0, 0, 'WITHSCORES')[2]
  local bucket = redis.call('ZRANGE', index_key, 0, 0, 'WITHSCORES')[2]
  local earliest = legacy and bucket and math.min(tonumber(legacy), tonumber(bucket)) or legacy or bucket
  if earliest then
    redis.call('ZADD', due_key, earliest, event_id)
  else
    redis.call('ZREM', due_key, event_id)
  end
end
