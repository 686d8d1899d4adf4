-- Seats by expiry: for each active hold, its seats per section (and 1 under '#', the holds) counted at its expiry in
-- a hash of blocks of time (bo:{s}:xs:E), so that what is due at any instant is a sum of a few blocks, never a walk
-- of the due holds. Blocks come in DUE_LEVELS sizes, 1 ms and each DUE_BASE times the one before (1 ms, 16 ms, 256 ms,
-- 4 s, 65 s, 17 min); a hold counts in one block of each size (field "<level>:<block>:<section>"). Any span of time
-- is at most 2 x 15 blocks of each size but the largest, so a sum costs the same with one due hold or a million.
-- Holds are counted in blocks of 256 ms and up only (a field per hold and ms would cost as much memory again as the
-- seats'): due_holds counts those due in whole blocks of 256 ms, a gauge's figure.
-- Written by the commit alone, from the hold records it replaces and writes, so it is exact. Events created before
-- these sums have no 'xs' field in their counters; their reads walk the due holds as they always did.
local DUE_BASE = 16
local DUE_LEVELS = 6
local DUE_HOLDS = '#'
local DUE_HOLDS_FROM_LEVEL = 2
local SEATS_BY_EXPIRY = 'xs'  -- the event's counter that says its seats are counted by expiry
local HMGET_CHUNK = 1024

local function due_field(level, block, name)
  return string.format('%d:%d:', level, block) .. name
end

-- The seats of a hold record by section, and 1 under DUE_HOLDS.
local function seats_of(record)
  local seats = {[DUE_HOLDS] = 1}
  for _, item in ipairs(record.i) do
    seats[item[1]] = (seats[item[1]] or 0) + item[2]
  end
  return seats
end

-- Adds sign x the seats to the blocks that hold expires_at (epoch ms); a block that comes to 0 is dropped.
local function add_due(key, expires_at, seats, sign)
  local width = 1
  for level = 0, DUE_LEVELS - 1 do
    local block = math.floor(expires_at / width)
    for name, count in pairs(seats) do
      if name ~= DUE_HOLDS or level >= DUE_HOLDS_FROM_LEVEL then
        local field = due_field(level, block, name)
        if redis.call('HINCRBY', key, field, sign * count) == 0 then
          redis.call('HDEL', key, field)
        end
      end
    end
    width = width * DUE_BASE
  end
end

-- Moves a hold's seats from where its stored record counts them (if active) to where the record about to be written
-- counts them (if active: new_expires_at, else nil). Called before the record is written.
local function count_due(key, hold_prefix, suffix, new_record, new_expires_at)
  local expires_at = new_expires_at and tonumber(new_expires_at)
  local stored = redis.call('GET', hold_prefix .. suffix)
  if stored then
    local old = cjson.decode(stored)
    if old.s == nil or old.s == 'a' then
      local was = hold_expiry(suffix, old)
      if was == expires_at then
        return
      end
      add_due(key, was, seats_of(old), -1)
    end
  end
  if expires_at then
    add_due(key, expires_at, seats_of(cjson.decode(new_record)), 1)
  end
end

-- The blocks that make up [from, through] (epoch ms): the smallest first, then each size up, each side taking blocks
-- until it is aligned to the next size.
local function due_blocks(from, through)
  local blocks = {}
  local a, b, width = from, through, 1
  for level = 0, DUE_LEVELS - 1 do
    if a > b then break end
    if level == DUE_LEVELS - 1 then
      for block = a / width, (b + 1) / width - 1 do
        blocks[#blocks + 1] = {level, block}
      end
      break
    end
    local next_width = width * DUE_BASE
    while a <= b and a % next_width ~= 0 do
      blocks[#blocks + 1] = {level, a / width}
      a = a + width
    end
    while a <= b and (b + 1) % next_width ~= 0 do
      blocks[#blocks + 1] = {level, math.floor(b / width)}
      b = b - width
    end
    width = next_width
  end
  return blocks
end

-- What was due in [from, through] (epoch ms): {name: count} for each of `names` (section ids, or DUE_HOLDS) with any.
local function due_sums(key, from, through, names)
  local sums = {}
  if from > through or #names == 0 then
    return sums
  end
  local fields = {}
  for _, block in ipairs(due_blocks(from, through)) do
    for _, name in ipairs(names) do
      fields[#fields + 1] = due_field(block[1], block[2], name)
    end
  end
  for first = 1, #fields, HMGET_CHUNK do  -- (unpack has a limit on how many values it returns)
    local values = redis.call('HMGET', key, unpack(fields, first, math.min(first + HMGET_CHUNK - 1, #fields)))
    for i, value in ipairs(values) do
      if value then
        local name = names[(first + i - 2) % #names + 1]
        sums[name] = (sums[name] or 0) + tonumber(value)
      end
    end
  end
  return sums
end

-- The seats due at `now` (epoch ms), by section, for each of `sections`: a sum from the index's earliest expiry.
local function due_seats(key, index_key, exact_key, now, sections)
  local earliest = earliest_expiry(index_key, exact_key)
  if not earliest then
    return {}
  end
  return due_sums(key, earliest, now, sections)
end

-- How many holds are due at `now` (epoch ms), counting those of the whole blocks of 256 ms due by then.
local function due_holds(key, index_key, exact_key, now)
  local earliest = earliest_expiry(index_key, exact_key)
  if not earliest then
    return 0
  end
  local width = DUE_BASE ^ DUE_HOLDS_FROM_LEVEL
  local from = math.floor(earliest / width) * width
  local through = math.floor((now + 1) / width) * width - 1
  return due_sums(key, from, through, {DUE_HOLDS})[DUE_HOLDS] or 0
end
