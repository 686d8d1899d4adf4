package boxoffice.store.redis;

import boxoffice.domain.Change;
import boxoffice.domain.Event;

/**
 * {@code insert-event.lua}: creates an event unless its id exists (definition, counters, seat maps, the first change
 * of its feed, its shard's list and totals) in one step, and answers the event as stored.
 */
final class InsertEventScript {
    static final LuaScript<String> SCRIPT = LuaScript.writer("insert-event");

    private final ScriptRunner runner;

    InsertEventScript(ScriptRunner runner) {
        this.runner = runner;
    }

    /** @return the event stored under its id: this one, or the one a first attempt created */
    Event execute(Event event) {
        return RedisRecords.event(event.id(), runner.runCreate(SCRIPT, input(event)));
    }

    static ScriptInput input(Event event) {
        String id = event.id();
        return new ScriptInput()
                .key("event_key", RedisKeys.event(id))
                .key("definition_key", RedisKeys.definition(id))
                .key("shard_events", RedisKeys.shardEvents(id))
                .key("shard_totals", RedisKeys.shardTotals(id))
                .key("feed_key", RedisKeys.feed(id))
                .key("shard_changed", RedisKeys.shardChanged(id))
                .arg("event_id", id)
                .arg("definition", RedisRecords.definitionJson(event))
                .arg("total", Integer.toString(event.totalSeats()))
                .arg("sections", ScriptMessages.sections(event))
                .arg("map_prefix", RedisKeys.seatMapPrefix(id))
                .arg("reserved", ScriptMessages.reservedSeats(event))
                .arg("created", RedisJson.write(ChangeRecords.fields(Change.eventCreated(event))))
                .arg("created_at", RedisRecords.millis(event.createdAt()));
    }
}
