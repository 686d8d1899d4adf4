-- The expiry index of an event's active holds, shared by the scripts that read or write it (loaded before each).
-- Lanes: lists of entries in order of expiry, each entry a hold's suffix followed by its expiry in ms after its id
-- was issued (about 30 bytes a hold, where a zset entry cost about 120), and a small zset of the lanes, each scored
-- by the expiry of its first entry. A hold joins the lane whose last entry expires latest but not after it (holds
-- of one TTL placed in order need one lane; an instance whose clock runs behind, or a shorter TTL, opens another);
-- when MAX_LANES are open it goes to the exact index, a zset of hold suffix -> expiry, which also keeps the holds
-- indexed before the lanes. Entries are not removed from the middle of a lane when a hold is booked, released or
-- extended (that would scan the lane): an entry is live while its hold is active and still expires when the entry
-- says; every commit pops the dead entries at the head of each lane, so a lane's first entry is always live and the
-- due index exact. A read walks each lane from its head and stops at the first entry not yet due.
local MAX_LANES = 8
local SUFFIX_LENGTH = 22
local SCAN_CHUNK = 64

-- A base64url digit's value, computed: a lookup table would be rebuilt on every call of every script that loads this.
local function digit(byte)
  if byte == 95 then return 63 end          -- '_'
  if byte >= 97 then return byte - 71 end   -- 'a'..'z': 26..51
  if byte >= 65 then return byte - 65 end   -- 'A'..'Z': 0..25
  if byte >= 48 then return byte + 4 end    -- '0'..'9': 52..61
  return 62                                 -- '-'
end

-- The ms a hold's id was issued: its suffix starts with them (six bytes: eight base64url digits).
local function issued_at(suffix)
  local issued = 0
  for i = 1, 8 do
    issued = issued * 64 + digit(string.byte(suffix, i))
  end
  return issued
end

-- When the hold of this record expires (epoch ms): HoldRecords keeps how long after its id's issue it was created
-- and then how long it lives (a record of the earlier layout: the time itself).
local function hold_expiry(suffix, record)
  if record.e then
    return tonumber(record.e)
  end
  return issued_at(suffix) + (record.o or 0) + record.d
end

local function lane_key(index_key, lane)
  return index_key .. ':' .. lane
end

-- An entry's hold suffix and expiry (epoch ms).
local function entry_parts(entry)
  local suffix = string.sub(entry, 1, SUFFIX_LENGTH)
  return suffix, issued_at(suffix) + tonumber(string.sub(entry, SUFFIX_LENGTH + 1))
end

-- Whether the stored record is of a hold still active that still expires at expires_at.
local function is_live(suffix, stored, expires_at)
  local record = cjson.decode(stored)
  return (record.s == nil or record.s == 'a') and hold_expiry(suffix, record) == expires_at
end

-- The hold's stored record if its entry is live: the hold is still active and still expires at expires_at.
local function live_record(hold_prefix, suffix, expires_at)
  local stored = redis.call('GET', hold_prefix .. suffix)
  if stored and is_live(suffix, stored, expires_at) then
    return stored
  end
  return nil
end

-- The expiry of each lane's last entry, by lane: where index_hold looks for a lane, read once for a whole commit.
local function lane_tails(index_key)
  local tails = {}
  for _, lane in ipairs(redis.call('ZRANGE', index_key, 0, -1)) do
    local _, last = entry_parts(redis.call('LINDEX', lane_key(index_key, lane), -1))
    tails[lane] = last
  end
  return tails
end

-- Indexes an active hold expiring at expires_at (epoch ms), unless its stored record (before this write) already
-- expires then: in the best lane, a new lane, or the exact index. tails is lane_tails' table, kept up to date here.
local function index_hold(tails, index_key, exact_key, hold_prefix, suffix, expires_at)
  expires_at = tonumber(expires_at)
  local stored = redis.call('GET', hold_prefix .. suffix)
  if stored then
    if is_live(suffix, stored, expires_at) then
      return
    end
    redis.call('ZREM', exact_key, suffix) -- an extended hold may have been in the exact index
  end
  local best, best_last = nil, nil
  for lane, last in pairs(tails) do
    -- (ties go to the lower lane, so that the choice does not hang on the table's order)
    if last <= expires_at and (best_last == nil or last > best_last or (last == best_last and lane < best)) then
      best, best_last = lane, last
    end
  end
  local entry = suffix .. (expires_at - issued_at(suffix))
  if best then
    redis.call('RPUSH', lane_key(index_key, best), entry)
    tails[best] = expires_at
    return
  end
  for lane = 1, MAX_LANES do
    local name = tostring(lane)
    if not tails[name] then
      redis.call('RPUSH', lane_key(index_key, name), entry)
      redis.call('ZADD', index_key, expires_at, name)
      tails[name] = expires_at
      return
    end
  end
  redis.call('ZADD', exact_key, expires_at, suffix)
end

-- Calls each(item) on the items fetch(from, count) returns, SCAN_CHUNK at a time, until the items run out or each
-- returns something, which it then returns.
local function each_in_chunks(fetch, each)
  local from = 0
  repeat
    local chunk = fetch(from, SCAN_CHUNK)
    for _, item in ipairs(chunk) do
      local stop = each(item)
      if stop then return stop end
    end
    from = from + SCAN_CHUNK
  until #chunk < SCAN_CHUNK
  return nil
end

-- Calls visit(suffix, stored) once for each active hold expiring at or before `through` (epoch ms, or '+inf'): the
-- exact index's, then lane by lane from the head, each up to its first entry that expires later; stops when visit
-- returns true, or (if max_entries is given) once it has looked at that many entries, live or not: the entries of
-- finished holds wait in a lane until they reach its head, and a bounded read must not pay for all of them.
local function each_live_hold(index_key, exact_key, hold_prefix, through, visit, max_entries)
  local last = through == '+inf' and math.huge or tonumber(through)
  local budget = max_entries or math.huge
  local seen = {}
  local function once(suffix, stored)
    budget = budget - 1
    if budget < 0 then return 'done' end
    if not stored or seen[suffix] then return nil end
    seen[suffix] = true
    if visit(suffix, stored) then return 'done' end
    return nil
  end
  local exact = each_in_chunks(function(from, count)
    return redis.call('ZRANGEBYSCORE', exact_key, '-inf', through, 'LIMIT', from, count)
  end, function(suffix)
    return once(suffix, redis.call('GET', hold_prefix .. suffix))
  end)
  if exact == 'done' then return end
  for _, lane in ipairs(redis.call('ZRANGEBYSCORE', index_key, '-inf', through)) do
    local key = lane_key(index_key, lane)
    local walked = each_in_chunks(function(from, count)
      return redis.call('LRANGE', key, from, from + count - 1)
    end, function(entry)
      local suffix, expires_at = entry_parts(entry)
      if expires_at > last then return 'lane walked' end
      return once(suffix, live_record(hold_prefix, suffix, expires_at))
    end)
    if walked == 'done' then return end
  end
end

-- Pops the dead entries at the head of each lane, rescoring it by its new first entry, or dropping it once empty.
local function tidy_lanes(index_key, hold_prefix)
  local lanes = redis.call('ZRANGE', index_key, 0, -1, 'WITHSCORES')
  for i = 1, #lanes, 2 do
    local lane, score = lanes[i], tonumber(lanes[i + 1])
    local key = lane_key(index_key, lane)
    while true do
      local head = redis.call('LINDEX', key, 0)
      if not head then
        redis.call('ZREM', index_key, lane)
        break
      end
      local suffix, expires_at = entry_parts(head)
      if live_record(hold_prefix, suffix, expires_at) then
        if expires_at ~= score then redis.call('ZADD', index_key, expires_at, lane) end
        break
      end
      redis.call('LPOP', key)
    end
  end
end

-- The earliest expiry in the index (a lane's first entry, or the exact index's first), or nil when it is empty.
local function earliest_expiry(index_key, exact_key)
  local exact = redis.call('ZRANGE', exact_key, 0, 0, 'WITHSCORES')[2]
  local lane = redis.call('ZRANGE', index_key, 0, 0, 'WITHSCORES')[2]
  if exact and lane then return math.min(tonumber(exact), tonumber(lane)) end
  return tonumber(exact or lane)
end

-- Sets the event's score in its shard's due index: the earliest expiry of its active holds (a lane's first entry,
-- or the exact index's first), or removes the event when it has none.
local function score_due(due_key, event_id, index_key, exact_key)
  local earliest = earliest_expiry(index_key, exact_key)
  if earliest then
    redis.call('ZADD', due_key, earliest, event_id)
  else
    redis.call('ZREM', due_key, event_id)
  end
end
