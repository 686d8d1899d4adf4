package boxoffice.store.redis;

import boxoffice.store.ledger.FeedRead;
import java.util.Optional;

/** {@code read-changes.lua}: an event's changes after a seq, in order, and where its feed stands. */
final class ReadChangesScript {
    static final LuaScript<String> SCRIPT = LuaScript.reader("read-changes");

    private final ScriptRunner runner;

    ReadChangesScript(ScriptRunner runner) {
        this.runner = runner;
    }

    /** @return at most {@code limit} changes after {@code after}, or empty if there is no such event */
    Optional<FeedRead> execute(String eventId, long after, int limit) {
        return Optional.ofNullable(runner.run(SCRIPT, input(eventId, after, limit)))
                .map(reply -> ScriptMessages.changes(eventId, after, reply));
    }

    static ScriptInput input(String eventId, long after, int limit) {
        return new ScriptInput()
                .key("event_key", RedisKeys.event(eventId))
                .key("feed_key", RedisKeys.feed(eventId))
                .arg("after", Long.toString(after))
                .arg("limit", Integer.toString(limit));
    }
}
