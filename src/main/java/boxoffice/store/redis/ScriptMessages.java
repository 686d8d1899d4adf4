package boxoffice.store.redis;

import boxoffice.core.Booking;
import boxoffice.core.Hold;
import boxoffice.core.HoldStatus;
import boxoffice.core.Ids;
import boxoffice.core.LedgerAudit;
import boxoffice.core.SeatCounts;
import boxoffice.store.ledger.LedgerChanges;
import boxoffice.store.ledger.LedgerSnapshot;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the Java side and the Lua scripts say to each other, as JSON: the changes a commit writes and the replies of the
 * reads. Counters use the stored field names of {@link RedisRecords}; every value is a string (cjson turns large
 * numbers into floats).
 */
final class ScriptMessages {
    private static final String DUE = "due";

    private ScriptMessages() {}

    /** commit.lua's changes: counters, holds (an active one with the expiry that indexes it), bookings. */
    static String commitChanges(LedgerChanges changes) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put(RedisRecords.AVAILABLE, Integer.toString(changes.counts().available()));
        payload.put(RedisRecords.HELD, Integer.toString(changes.counts().held()));
        payload.put(RedisRecords.BOOKED, Integer.toString(changes.counts().booked()));
        payload.put(RedisRecords.HOLDS_CREATED, Integer.toString(changes.holdsCreated()));
        payload.put(RedisRecords.HOLDS_EXPIRED, Integer.toString(changes.holdsExpired()));
        payload.put("holds", changes.holds().stream().map(ScriptMessages::holdChange).toList());
        payload.put("bookings", changes.bookings().stream().map(booking -> Map.of(
                "suffix", Ids.suffixOf(booking.id()), "record", RedisRecords.bookingJson(booking))).toList());
        return RedisJson.write(payload);
    }

    private static Map<String, String> holdChange(Hold hold) {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("suffix", Ids.suffixOf(hold.id()));
        entry.put("record", RedisRecords.holdJson(hold));
        if (hold.status() == HoldStatus.ACTIVE) {
            entry.put("expires_at", RedisRecords.millis(hold.expiresAt()));
        }
        return entry;
    }

    /** read-for-update.lua's reply: the event hash, holds and bookings by suffix. */
    static LedgerSnapshot snapshot(String eventId, String reply) {
        RedisJson.Snapshot read = RedisJson.read(reply, RedisJson.Snapshot.class);
        Map<String, Hold> holds = new HashMap<>();
        read.holds().forEach((suffix, stored) -> {
            String id = Ids.childId(eventId, suffix);
            holds.put(id, RedisRecords.hold(id, eventId, stored));
        });
        Map<String, Booking> bookings = new HashMap<>();
        read.bookings().forEach((suffix, stored) -> {
            String id = Ids.childId(eventId, suffix);
            bookings.put(id, RedisRecords.booking(id, eventId, stored));
        });
        return new LedgerSnapshot(RedisRecords.event(eventId, read.event()), RedisRecords.counts(read.event()),
                RedisRecords.version(read.event()), holds, bookings);
    }

    /** read-counts.lua's reply: the stored counts with the seats of due holds counted as available. */
    static SeatCounts countsSeen(String reply) {
        Map<String, String> read = RedisJson.readHash(reply);
        return RedisRecords.counts(read).release(Integer.parseInt(read.get(DUE)));
    }

    /** audit.lua's reply. */
    static LedgerAudit audit(String eventId, String reply) {
        Map<String, String> read = RedisJson.readHash(reply);
        return new LedgerAudit(eventId, number(read, RedisRecords.TOTAL), number(read, RedisRecords.AVAILABLE),
                number(read, RedisRecords.HELD), number(read, RedisRecords.BOOKED),
                number(read, "held_by_active_holds"), number(read, "booked_by_bookings"),
                number(read, "holds_booked_twice"));
    }

    private static int number(Map<String, String> read, String field) {
        return Integer.parseInt(read.get(field));
    }
}
