-- A waiting-list entry as its holder sees it, in one step: the entry, its rank in line (0-based) while waiting, and
-- the hold it was offered. Returns JSON {entry, rank, hold}, or nil when the entry is unknown or forgotten.
local entry_key = KEYS[1]        -- bo:{s}:we:E_suffix
local waitlist_key = KEYS[2]     -- bo:{s}:wl:E: waiting entry suffix -> number
local suffix = ARGV[1]           -- the entry's suffix, its member in the waiting list
local hold_prefix = ARGV[2]      -- bo:{s}:h:E_ (+ suffix: a hold's key, in this slot)

local stored = redis.call('GET', entry_key)
if not stored then
  return false
end
local hold_suffix = cjson.decode(stored).h
local hold = false
if hold_suffix then
  hold = redis.call('GET', hold_prefix .. hold_suffix)
end
return cjson.encode({entry = stored, rank = redis.call('ZRANK', waitlist_key, suffix) or nil, hold = hold or nil})
