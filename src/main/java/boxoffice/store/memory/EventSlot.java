package boxoffice.store.memory;

import boxoffice.core.Booking;
import boxoffice.core.Event;
import boxoffice.core.Hold;
import boxoffice.core.SeatCounts;
import boxoffice.core.StoreTotals;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Everything stored for one event, like one Redis hash slot. Callers synchronize on the slot, which makes a commit
 * one atomic step for every reader.
 */
final class EventSlot {
    final Event event;
    final Map<String, Hold> holds = new HashMap<>();
    final Map<String, Booking> bookings = new HashMap<>();
    final NavigableSet<DueEntry> expiryIndex = new TreeSet<>();
    SeatCounts counts;
    long version;
    long holdsCreated;
    long holdsExpired;

    EventSlot(Event event) {
        this.event = event;
        this.counts = SeatCounts.fresh(event.totalSeats());
    }

    /** Active holds due at {@code now}, earliest first. */
    Iterable<DueEntry> dueAt(Instant now) {
        return expiryIndex.headSet(DueEntry.upperBound(now), true);
    }

    StoreTotals totals() {
        return new StoreTotals(1, counts.total(), counts.available(), counts.held(), counts.booked(),
                holdsCreated, holdsExpired, bookings.size());
    }
}
