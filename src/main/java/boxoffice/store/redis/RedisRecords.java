package boxoffice.store.redis;

import boxoffice.core.Booking;
import boxoffice.core.Event;
import boxoffice.core.Hold;
import boxoffice.core.HoldStatus;
import boxoffice.core.Ids;
import boxoffice.core.SeatCounts;
import boxoffice.core.StoreTotals;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Domain records as Redis keeps them: the one place in Java that spells a stored field's name (the Lua scripts name
 * the fields they read in locals at their top). Times are epoch milliseconds.
 *
 * <p>Holds and bookings are compact JSON strings (a hold is the bulk of what Redis keeps, so its field names are one
 * letter): a hold is {@code {"q": qty, "c": created, "e": expires, "t": token, "s": "a"|"x"|"b", "b": booking
 * suffix}}, a booking {@code {"h": hold suffix, "q": qty, "c": created}}. Ids are stored without their event's id,
 * which the key already holds.
 */
final class RedisRecords {
    /** The event hash's fields: the event itself, then its counters. */
    static final String NAME = "name";
    static final String CREATED_AT = "created_at";
    static final String TOTAL = "total";
    static final String AVAILABLE = "available";
    static final String HELD = "held";
    static final String BOOKED = "booked";
    static final String VERSION = "version";
    static final String HOLDS_CREATED = "holds_created";
    static final String HOLDS_EXPIRED = "holds_expired";
    static final String BOOKINGS = "bookings";
    /** A shard's totals hash has these fields and {@code events}. */
    static final String EVENTS = "events";
    static final List<String> TOTALS_FIELDS =
            List.of(EVENTS, TOTAL, AVAILABLE, HELD, BOOKED, HOLDS_CREATED, HOLDS_EXPIRED, BOOKINGS);

    private static final String QTY = "q";
    private static final String CREATED = "c";
    private static final String EXPIRES = "e";
    private static final String TOKEN = "t";
    private static final String STATUS = "s";
    private static final String BOOKING = "b";
    private static final String HOLD = "h";
    private static final Map<HoldStatus, String> STATUS_CODES =
            Map.of(HoldStatus.ACTIVE, "a", HoldStatus.EXPIRED, "x", HoldStatus.BOOKED, "b");

    private RedisRecords() {}

    static Event event(String eventId, Map<String, String> hash) {
        return new Event(eventId, hash.get(NAME), intField(hash, TOTAL), Instant.ofEpochMilli(longField(hash, CREATED_AT)));
    }

    static SeatCounts counts(Map<String, String> hash) {
        return new SeatCounts(intField(hash, TOTAL), intField(hash, AVAILABLE), intField(hash, HELD),
                intField(hash, BOOKED));
    }

    static long version(Map<String, String> hash) {
        return longField(hash, VERSION);
    }

    /** One shard's totals; an empty hash (a shard without events) is zero. */
    static StoreTotals totals(Map<String, String> hash) {
        return new StoreTotals(longOrZero(hash, EVENTS), longOrZero(hash, TOTAL), longOrZero(hash, AVAILABLE),
                longOrZero(hash, HELD), longOrZero(hash, BOOKED), longOrZero(hash, HOLDS_CREATED),
                longOrZero(hash, HOLDS_EXPIRED), longOrZero(hash, BOOKINGS));
    }

    static String holdJson(Hold hold) {
        ObjectNode json = RedisJson.object()
                .put(QTY, hold.qty())
                .put(CREATED, millis(hold.createdAt()))
                .put(EXPIRES, millis(hold.expiresAt()))
                .put(TOKEN, hold.paymentToken())
                .put(STATUS, STATUS_CODES.get(hold.status()));
        if (hold.bookingId() != null) {
            json.put(BOOKING, Ids.suffixOf(hold.bookingId()));
        }
        return json.toString();
    }

    static Hold hold(String holdId, String eventId, String stored) {
        JsonNode json = RedisJson.tree(stored);
        return new Hold(holdId, eventId, json.get(QTY).asInt(), instant(json, CREATED), instant(json, EXPIRES),
                json.get(TOKEN).asText(), statusOf(json.get(STATUS).asText()),
                json.has(BOOKING) ? Ids.childId(eventId, json.get(BOOKING).asText()) : null);
    }

    static String bookingJson(Booking booking) {
        return RedisJson.object()
                .put(HOLD, Ids.suffixOf(booking.holdId()))
                .put(QTY, booking.qty())
                .put(CREATED, millis(booking.createdAt()))
                .toString();
    }

    static Booking booking(String bookingId, String eventId, String stored) {
        JsonNode json = RedisJson.tree(stored);
        return new Booking(bookingId, Ids.childId(eventId, json.get(HOLD).asText()), eventId, json.get(QTY).asInt(),
                instant(json, CREATED));
    }

    static String millis(Instant instant) {
        return Long.toString(instant.toEpochMilli());
    }

    private static HoldStatus statusOf(String code) {
        return STATUS_CODES.entrySet().stream().filter(e -> e.getValue().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown stored hold status " + code)).getKey();
    }

    private static Instant instant(JsonNode json, String field) {
        return Instant.ofEpochMilli(Long.parseLong(json.get(field).asText()));
    }

    private static int intField(Map<String, String> hash, String field) {
        return Integer.parseInt(hash.get(field));
    }

    private static long longField(Map<String, String> hash, String field) {
        return Long.parseLong(hash.get(field));
    }

    private static long longOrZero(Map<String, String> hash, String field) {
        String value = hash.get(field);
        return value == null ? 0 : Long.parseLong(value);
    }
}
