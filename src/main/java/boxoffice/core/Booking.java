package boxoffice.core;

import java.time.Instant;
import java.util.List;

/** The permanent record of a booked hold, with its exact seats; there is at most one booking per hold. */
public record Booking(String id, String holdId, String eventId, List<HoldItem> items, Instant createdAt) {

    public Booking {
        items = List.copyOf(items);
    }

    public int qty() {
        return HoldItem.qtyOf(items);
    }
}
