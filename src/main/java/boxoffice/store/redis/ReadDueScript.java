package boxoffice.store.redis;

import java.time.Instant;

/** {@code read-due.lua}: how many of an event's holds are due at {@code now} and not yet released. */
final class ReadDueScript {
    static final LuaScript<Long> SCRIPT =
            LuaScript.countingReader("read-due", LuaScript.EXPIRY_INDEX, LuaScript.DUE_SEATS);

    private final ScriptRunner runner;

    ReadDueScript(ScriptRunner runner) {
        this.runner = runner;
    }

    long execute(String eventId, Instant now) {
        Long due = runner.run(SCRIPT, input(eventId, now));
        return due == null ? 0 : due;
    }

    static ScriptInput input(String eventId, Instant now) {
        return new ScriptInput()
                .key("event_key", RedisKeys.event(eventId))
                .key("exact_key", RedisKeys.exactExpiry(eventId))
                .key("lanes_key", RedisKeys.expiryLanes(eventId))
                .key("seats_key", RedisKeys.seatsByExpiry(eventId))
                .arg("now", RedisRecords.millis(now))
                .arg("hold_prefix", RedisKeys.holdPrefix(eventId));
    }
}
