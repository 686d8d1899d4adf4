package boxoffice.store.ledger;

import boxoffice.core.Booking;
import boxoffice.core.Event;
import boxoffice.core.Hold;
import boxoffice.core.SeatCounts;
import java.util.Map;

/** An event's state as read under its lock; {@code version} fences the commit that follows. */
public record LedgerSnapshot(
        Event event, SeatCounts counts, long version, Map<String, Hold> holds, Map<String, Booking> bookings) {}
