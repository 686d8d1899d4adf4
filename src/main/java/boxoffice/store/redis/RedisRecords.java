package boxoffice.store.redis;

import boxoffice.core.Booking;
import boxoffice.core.Event;
import boxoffice.core.Hold;
import boxoffice.core.HoldStatus;
import boxoffice.core.SeatCounts;
import boxoffice.store.StoreTotals;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Converts between domain records and their Redis hashes (field names as in the key layout, times in epoch ms). */
final class RedisRecords {
    private RedisRecords() {}

    static Event event(String eventId, Map<String, String> hash) {
        return new Event(eventId, hash.get("name"), intField(hash, "total"), instant(hash, "created_at"));
    }

    static SeatCounts counts(Map<String, String> hash) {
        return new SeatCounts(intField(hash, "total"), intField(hash, "available"), intField(hash, "held"),
                intField(hash, "booked"));
    }

    static long version(Map<String, String> hash) {
        return Long.parseLong(hash.get("version"));
    }

    static StoreTotals totals(Map<String, String> hash) {
        return new StoreTotals(1, intField(hash, "total"), intField(hash, "available"), intField(hash, "held"),
                intField(hash, "booked"), longField(hash, "holds_created"), longField(hash, "holds_expired"),
                longField(hash, "bookings"));
    }

    static Hold hold(String holdId, String eventId, Map<String, String> hash) {
        return new Hold(holdId, eventId, intField(hash, "qty"), instant(hash, "created_at"),
                instant(hash, "expires_at"), hash.get("token"), HoldStatus.fromWireName(hash.get("status")),
                hash.get("booking_id"));
    }

    static Booking booking(String bookingId, String eventId, Map<String, String> hash) {
        return new Booking(bookingId, hash.get("hold_id"), eventId, intField(hash, "qty"),
                instant(hash, "created_at"));
    }

    /** A hold as commit.lua expects it: every value a string, no booking_id until booked (cjson has no null). */
    static Map<String, String> fields(Hold hold) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", hold.id());
        fields.put("qty", Integer.toString(hold.qty()));
        fields.put("created_at", millis(hold.createdAt()));
        fields.put("expires_at", millis(hold.expiresAt()));
        fields.put("token", hold.paymentToken());
        fields.put("status", hold.status().wireName());
        if (hold.bookingId() != null) {
            fields.put("booking_id", hold.bookingId());
        }
        return fields;
    }

    static Map<String, String> fields(Booking booking) {
        return Map.of(
                "id", booking.id(),
                "hold_id", booking.holdId(),
                "qty", Integer.toString(booking.qty()),
                "created_at", millis(booking.createdAt()));
    }

    static String millis(Instant instant) {
        return Long.toString(instant.toEpochMilli());
    }

    private static Instant instant(Map<String, String> hash, String field) {
        return Instant.ofEpochMilli(longField(hash, field));
    }

    private static int intField(Map<String, String> hash, String field) {
        return Integer.parseInt(hash.get(field));
    }

    private static long longField(Map<String, String> hash, String field) {
        return Long.parseLong(hash.get(field));
    }
}
