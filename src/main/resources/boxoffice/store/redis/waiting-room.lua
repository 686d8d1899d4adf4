-- One event's waiting room, one step at a time: open (or change) it, close it, join its queue, find or visit an entry.
-- The admission rules are boxoffice.domain.WaitingRoom's (keep the two in step): entry n is admitted once
--   n <= frontier = min(joined, max(seen, base + floor((now - base_at) * rate / 60000)))
-- Replies {"room": {...}, "entry": {...}, "changed": bool} as JSON, or nil when the room or the entry is not there.
local room_key = KEYS[1]         -- bo:{s}:a:E: the room (the fields below)
local shard_rooms = KEYS[2]      -- bo:{s}:rooms: the shard's events with a room
local entry_key = KEYS[3]        -- bo:{s}:w:E_suffix: a queue entry, "number:room opened at:admitted at (0: not yet)"
local op = ARGV[1]               -- open | close | join | find | visit
local event_id = ARGV[2]         -- E, as the shard's set of rooms names it
local now = tonumber(ARGV[3])    -- ms, the calling instance's clock
local rate = tonumber(ARGV[4])   -- open: admissions a minute ('' for the other steps)
local ttl = tonumber(ARGV[5])    -- open: ms an admission token lives
local retention = ARGV[6]        -- join: ms an entry is kept

local RATE, TTL, OPENED, JOINED, BASE, BASE_AT, SEEN = 'rate', 'ttl', 'opened', 'joined', 'base', 'base_at', 'seen'

local function int(x)
  return string.format('%.0f', x)
end

local function load_room()
  local v = redis.call('HMGET', room_key, RATE, TTL, OPENED, JOINED, BASE, BASE_AT, SEEN)
  if not v[1] then
    return nil
  end
  return {rate = tonumber(v[1]), ttl = tonumber(v[2]), opened = tonumber(v[3]), joined = tonumber(v[4]),
          base = tonumber(v[5]), base_at = tonumber(v[6]), seen = tonumber(v[7])}
end

local function save_room(room)
  redis.call('HSET', room_key, RATE, int(room.rate), TTL, int(room.ttl), OPENED, int(room.opened),
    JOINED, int(room.joined), BASE, int(room.base), BASE_AT, int(room.base_at), SEEN, int(room.seen))
end

local function uncapped(room)
  return room.base + math.floor(math.max(0, now - room.base_at) * room.rate / 60000)
end

local function frontier(room)
  return math.min(room.joined, math.max(room.seen, uncapped(room)))
end

-- The entry if it belongs to this room (an entry of a room closed since is not found).
local function load_entry(room)
  local stored = redis.call('GET', entry_key)
  if not stored then
    return nil
  end
  local number, opened, admitted = string.match(stored, '^(%d+):(%d+):(%d+)$')
  if tonumber(opened) ~= room.opened then
    return nil
  end
  return {number = tonumber(number), opened = tonumber(opened), admitted = tonumber(admitted)}
end

local function entry_value(entry)
  return int(entry.number) .. ':' .. int(entry.opened) .. ':' .. int(entry.admitted)
end

local function reply(room, entry, changed)
  return cjson.encode({room = room, entry = entry or cjson.null, changed = changed})
end

if op == 'open' then
  local room = load_room()
  if not room then
    room = {rate = rate, ttl = ttl, opened = now, joined = 0, base = 1, base_at = now, seen = 0}  -- one in hand
    redis.call('SADD', shard_rooms, event_id)
  elseif room.rate ~= rate then
    room.base = math.min(math.max(room.seen, uncapped(room)), room.joined + 1)
    room.base_at = now
    room.rate = rate
  end
  room.ttl = ttl
  save_room(room)
  return reply(room, nil, true)
end

if op == 'close' then
  redis.call('DEL', room_key)
  redis.call('SREM', shard_rooms, event_id)
  return nil
end

local room = load_room()
if not room then
  return nil
end

if op == 'join' then
  local entry = load_entry(room)
  if entry then
    return reply(room, entry, false)
  end
  if uncapped(room) > room.joined then  -- an idle room admits the newcomer at once, the next one a rate later
    room.base = room.joined + 1
    room.base_at = now
  end
  room.joined = room.joined + 1
  entry = {number = room.joined, opened = room.opened, admitted = 0}
  redis.call('SET', entry_key, entry_value(entry), 'PX', retention)
  save_room(room)
  return reply(room, entry, true)
end

local entry = load_entry(room)
if not entry then
  return nil
end
if op == 'visit' and entry.number <= frontier(room) then
  if entry.number > room.seen then
    room.seen = entry.number
    redis.call('HSET', room_key, SEEN, int(room.seen))
  end
  if entry.admitted == 0 then
    entry.admitted = now
    redis.call('SET', entry_key, entry_value(entry), 'KEEPTTL')
  end
end
return reply(room, entry, false)
