package boxoffice.domain;

import java.time.Instant;
import java.util.List;

/**
 * The permanent record of a booked hold, with its exact seats; there is at most one booking per hold. A cancelled
 * booking keeps its seats on record but gave them back, with when and why.
 */
public record Booking(
        String id,
        String holdId,
        String eventId,
        List<HoldItem> items,
        Instant createdAt,
        String customerId,
        BookingStatus status,
        Instant cancelledAt,
        String reason) {

    public Booking {
        items = List.copyOf(items);
    }

    /** A new, confirmed booking of a hold's seats. */
    public static Booking of(String id, Hold hold, Instant at) {
        return new Booking(id, hold.id(), hold.eventId(), hold.items(), at, hold.customerId(), BookingStatus.CONFIRMED,
                null, null);
    }

    public int qty() {
        return HoldItem.qtyOf(items);
    }

    public Booking cancelled(Instant at, String why) {
        return new Booking(id, holdId, eventId, items, createdAt, customerId, BookingStatus.CANCELLED, at, why);
    }
}
