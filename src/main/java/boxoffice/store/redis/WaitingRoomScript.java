package boxoffice.store.redis;

import boxoffice.domain.AdmissionSettings;
import boxoffice.domain.Ids;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code waiting-room.lua}: one step of an event's waiting room (open, close, join, find, visit), atomic on the
 * event's slot. A step replies {@code {room, entry, changed}}. Each step passes the arguments of every step, its own
 * filled in and the others blank, so that an argument has one position.
 */
final class WaitingRoomScript {
    static final LuaScript<String> SCRIPT = LuaScript.writer("waiting-room");
    /** The arguments after op, event id and now, in order. */
    private static final List<String> STEP_ARGS = List.of("rate", "ttl", "retention");

    private final ScriptRunner runner;

    WaitingRoomScript(ScriptRunner runner) {
        this.runner = runner;
    }

    /** Opens the room, or changes the settings of the open one. */
    JsonNode open(String eventId, AdmissionSettings settings, Instant now) {
        return RedisJson.tree(runner.run("waiting-room.open", SCRIPT, roomInput("open", eventId, now,
                Map.of("rate", Integer.toString(settings.ratePerMinute()),
                        "ttl", Long.toString(settings.tokenTtl().toMillis())))));
    }

    void close(String eventId) {
        runner.run("waiting-room.close", SCRIPT, roomInput("close", eventId, Instant.EPOCH, Map.of()));
    }

    /** @return the entry, joined now or before; empty when the event has no room */
    Optional<JsonNode> join(String entryId, Instant now, Duration retention) {
        return entryStep("join", entryId, now, Map.of("retention", Long.toString(retention.toMillis())));
    }

    /** @return the entry as it stands, or empty when it or its room is not there */
    Optional<JsonNode> find(String entryId, Instant now) {
        return entryStep("find", entryId, now, Map.of());
    }

    /** Like {@link #find}, admitting the entry if its turn has come. */
    Optional<JsonNode> visit(String entryId, Instant now) {
        return entryStep("visit", entryId, now, Map.of());
    }

    private Optional<JsonNode> entryStep(String op, String entryId, Instant now, Map<String, String> args) {
        return Ids.eventOf(entryId).flatMap(eventId -> Optional.ofNullable(runner.run("waiting-room." + op, SCRIPT,
                entryInput(op, entryId, eventId, now, args)))).map(RedisJson::tree);
    }

    static ScriptInput entryInput(String op, String entryId, String eventId, Instant now, Map<String, String> args) {
        return roomInput(op, eventId, now, args).key("entry_key", RedisKeys.queueEntry(entryId));
    }

    /** A step on the room alone: its two keys (a step on an entry adds the entry's key) and the arguments. */
    static ScriptInput roomInput(String op, String eventId, Instant now, Map<String, String> args) {
        ScriptInput input = new ScriptInput()
                .key("room_key", RedisKeys.waitingRoom(eventId))
                .key("shard_rooms", RedisKeys.shardRooms(eventId))
                .arg("op", op)
                .arg("event_id", eventId)
                .arg("now", RedisRecords.millis(now));
        STEP_ARGS.forEach(name -> input.arg(name, args.getOrDefault(name, "")));
        return input;
    }
}
