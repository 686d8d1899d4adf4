package boxoffice.store.redis;

import boxoffice.domain.Event;
import boxoffice.domain.Ids;
import boxoffice.domain.Section;
import boxoffice.store.ledger.CustomerSeats;
import boxoffice.store.ledger.LedgerSnapshot;
import boxoffice.store.ledger.ReadSet;
import boxoffice.store.ledger.WaitlistRead;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * {@code read-for-update.lua}: one consistent read of what a batch needs (the event's counters, its due holds, the
 * holds, bookings, seat maps, customer figures and waiting-list entries it names, the head of the line).
 */
final class ReadForUpdateScript {
    static final LuaScript<String> SCRIPT = LuaScript.reader("read-for-update", LuaScript.EXPIRY_INDEX);

    private final ScriptRunner runner;

    ReadForUpdateScript(ScriptRunner runner) {
        this.runner = runner;
    }

    /** @return the batch's snapshot, or empty if the event's counters are gone */
    Optional<LedgerSnapshot> execute(Event event, ReadSet reads, Instant now, int dueLimit) {
        return Optional.ofNullable(runner.run(SCRIPT, input(event, reads, now, dueLimit)))
                .map(json -> ScriptMessages.snapshot(event, RedisJson.read(json, RedisJson.Snapshot.class)));
    }

    static ScriptInput input(Event event, ReadSet reads, Instant now, int dueLimit) {
        String eventId = event.id();
        return new ScriptInput()
                .key("event_key", RedisKeys.event(eventId))
                .key("exact_key", RedisKeys.exactExpiry(eventId))
                .key("bookings_key", RedisKeys.bookings(eventId))
                .key("customers_key", RedisKeys.customers(eventId))
                .key("waitlist_key", RedisKeys.waitlist(eventId))
                .key("lanes_key", RedisKeys.expiryLanes(eventId))
                .arg("now", RedisRecords.millis(now))
                .arg("due_limit", Integer.toString(dueLimit))
                .arg("hold_prefix", RedisKeys.holdPrefix(eventId))
                .arg("named", suffixes(reads.holdIds()))
                .arg("map_prefix", RedisKeys.seatMapPrefix(eventId))
                .arg("map_sections", RedisJson.write(reads.seatMaps()))
                .arg("named_bookings", suffixes(reads.bookingIds()))
                .arg("customer_fields", RedisJson.write(reads.customers().stream()
                        .flatMap(customer -> CustomerSeats.fields(event, customer).stream()).toList()))
                .arg("entry_prefix", RedisKeys.waitlistEntryPrefix(eventId))
                .arg("scan", Integer.toString(WaitlistRead.SCAN))
                .arg("named_entries", suffixes(reads.entryIds()))
                .arg("sections", RedisJson.write(event.sections().stream().map(Section::id).toList()));
    }

    /** The ids' suffixes, as JSON: the script builds their keys with the event's prefix. */
    private static String suffixes(Collection<String> ids) {
        return RedisJson.write(ids.stream().map(Ids::suffixOf).toList());
    }
}
