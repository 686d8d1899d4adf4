package boxoffice.store.redis;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code read-counts.lua}: an event's counters and what is due at {@code now}, changing nothing; with the event's
 * definition when the caller has not cached it, so a status read is one round trip either way.
 */
final class ReadCountsScript {
    static final LuaScript<String> SCRIPT =
            LuaScript.reader("read-counts", LuaScript.EXPIRY_INDEX, LuaScript.DUE_SEATS);

    private final ScriptRunner runner;

    ReadCountsScript(ScriptRunner runner) {
        this.runner = runner;
    }

    /** @return the reply ({@link ScriptMessages#countsSeen} reads it), or empty if there is no such event */
    Optional<JsonNode> execute(String eventId, Instant now, boolean wantDefinition) {
        return Optional.ofNullable(runner.run(SCRIPT, input(eventId, now, wantDefinition))).map(RedisJson::tree);
    }

    static ScriptInput input(String eventId, Instant now, boolean wantDefinition) {
        return new ScriptInput()
                .key("event_key", RedisKeys.event(eventId))
                .key("exact_key", RedisKeys.exactExpiry(eventId))
                .key("definition_key", RedisKeys.definition(eventId))
                .key("lanes_key", RedisKeys.expiryLanes(eventId))
                .key("seats_key", RedisKeys.seatsByExpiry(eventId))
                .arg("now", RedisRecords.millis(now))
                .arg("hold_prefix", RedisKeys.holdPrefix(eventId))
                .arg("want_definition", wantDefinition ? "1" : "0");
    }
}
