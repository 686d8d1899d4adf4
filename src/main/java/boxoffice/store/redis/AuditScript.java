package boxoffice.store.redis;

import boxoffice.domain.Event;
import boxoffice.domain.LedgerAudit;
import java.util.Optional;

/** {@code audit.lua}: an event's stored counters beside what its records add up to, read atomically. */
final class AuditScript {
    static final LuaScript<String> SCRIPT = LuaScript.reader("audit", LuaScript.EXPIRY_INDEX);

    private final ScriptRunner runner;

    AuditScript(ScriptRunner runner) {
        this.runner = runner;
    }

    /** @return the audit, or empty if the event's counters are gone */
    Optional<LedgerAudit> execute(Event event) {
        return Optional.ofNullable(runner.run(SCRIPT, input(event))).map(reply -> ScriptMessages.audit(event, reply));
    }

    static ScriptInput input(Event event) {
        String eventId = event.id();
        return new ScriptInput()
                .key("event_key", RedisKeys.event(eventId))
                .key("exact_key", RedisKeys.exactExpiry(eventId))
                .key("bookings_key", RedisKeys.bookings(eventId))
                .key("lanes_key", RedisKeys.expiryLanes(eventId))
                .arg("hold_prefix", RedisKeys.holdPrefix(eventId))
                .arg("map_prefix", RedisKeys.seatMapPrefix(eventId))
                .arg("sections", ScriptMessages.auditSections(event));
    }
}
