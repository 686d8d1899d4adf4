package boxoffice.store.redis;

import boxoffice.domain.Event;
import boxoffice.store.Retention;
import boxoffice.store.ledger.LedgerChanges;

/**
 * {@code commit.lua}: writes one batch's changes if the event's version is still the one read under the lock (the
 * fencing token), with the shard's totals and due index, the feed and the waiting list, in one step.
 */
final class CommitScript {
    static final LuaScript<Long> SCRIPT = LuaScript.counter("commit", LuaScript.EXPIRY_INDEX, LuaScript.DUE_SEATS);

    private final ScriptRunner runner;
    private final Retention retention;

    /** @param retention how long finished holds and entries stay readable, and changes stay in the feed */
    CommitScript(ScriptRunner runner, Retention retention) {
        this.runner = runner;
        this.retention = retention;
    }

    /** @return true if written; false, having changed nothing, when another writer committed first */
    boolean execute(Event event, long expectedVersion, LedgerChanges changes) {
        String message = CommitMessage.of(event, changes);
        return runner.runWrite(SCRIPT, input(event.id(), expectedVersion, message, retention)) == 1L;
    }

    /** @param changes the batch's changes as the script reads them ({@link CommitMessage#of}) */
    static ScriptInput input(String eventId, long expectedVersion, String changes, Retention retention) {
        return new ScriptInput()
                .key("event_key", RedisKeys.event(eventId))
                .key("exact_key", RedisKeys.exactExpiry(eventId))
                .key("bookings_key", RedisKeys.bookings(eventId))
                .key("due_key", RedisKeys.shardDue(eventId))
                .key("totals_key", RedisKeys.shardTotals(eventId))
                .key("customers_key", RedisKeys.customers(eventId))
                .key("feed_key", RedisKeys.feed(eventId))
                .key("changed_key", RedisKeys.shardChanged(eventId))
                .key("waitlist_key", RedisKeys.waitlist(eventId))
                .key("lanes_key", RedisKeys.expiryLanes(eventId))
                .key("seats_key", RedisKeys.seatsByExpiry(eventId))
                .arg("expected_version", Long.toString(expectedVersion))
                .arg("hold_prefix", RedisKeys.holdPrefix(eventId))
                .arg("changes", changes)
                .arg("retention_ms", Long.toString(retention.finishedHolds().toMillis()))
                .arg("event_id", eventId)
                .arg("map_prefix", RedisKeys.seatMapPrefix(eventId))
                .arg("index_prefix", RedisKeys.customerIndexPrefix(eventId))
                .arg("feed_retention_ms", Long.toString(retention.changes().toMillis()))
                .arg("entry_prefix", RedisKeys.waitlistEntryPrefix(eventId));
    }
}
