-- Tidies an event's expiry index (tidy_index) and sets its score in the shard's due index, as a commit does at its
-- end: for an event whose passed buckets hold only dead entries and which no commit may come to (read-for-update's
-- "untidy"). Removes only entries that can never be live again, so it needs neither the lock nor the version.
local expiry_key = KEYS[1]        -- bo:{s}:xb:E: the expiry index (expiry-index.lua)
local legacy_expiry_key = KEYS[2] -- bo:{s}:x:E: the earlier expiry index
local due_key = KEYS[3]           -- bo:{s}:due: event id -> earliest expiry of its active holds
local hold_prefix = ARGV[1]       -- bo:{s}:h:E_ (+ suffix: a hold's key, in this slot)
local now = ARGV[2]               -- epoch ms
local event_id = ARGV[3]

tidy_index(expiry_key, hold_prefix, now)
score_due(due_key, event_id, expiry_key, legacy_expiry_key)
return 1
