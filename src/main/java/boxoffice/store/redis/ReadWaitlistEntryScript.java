package boxoffice.store.redis;

import boxoffice.domain.Ids;
import boxoffice.domain.WaitlistPlace;
import java.util.Optional;

/** {@code read-waitlist-entry.lua}: a waiting-list entry, its rank in line and the hold it was offered, in one step. */
final class ReadWaitlistEntryScript {
    static final LuaScript<String> SCRIPT = LuaScript.reader("read-waitlist-entry");

    private final ScriptRunner runner;

    ReadWaitlistEntryScript(ScriptRunner runner) {
        this.runner = runner;
    }

    /** @return the entry as its holder sees it, or empty when it is unknown or forgotten */
    Optional<WaitlistPlace> execute(String entryId) {
        return Ids.eventOf(entryId).flatMap(eventId -> Optional.ofNullable(runner.run(SCRIPT, input(entryId, eventId)))
                .map(reply -> ScriptMessages.waitlistPlace(entryId, eventId, reply)));
    }

    static ScriptInput input(String entryId, String eventId) {
        return new ScriptInput()
                .key("entry_key", RedisKeys.waitlistEntry(entryId))
                .key("waitlist_key", RedisKeys.waitlist(eventId))
                .arg("suffix", Ids.suffixOf(entryId))
                .arg("hold_prefix", RedisKeys.holdPrefix(eventId));
    }
}
