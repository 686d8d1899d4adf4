package boxoffice.store.ledger;

import boxoffice.domain.Booking;
import boxoffice.domain.Change;
import boxoffice.domain.EventCounts;
import boxoffice.domain.Hold;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one batch decided at {@code at}: the event's counts by section before and after, the reserved seats whose
 * state changed, every hold whose record changed (an ACTIVE one is indexed by its expiry, a finished one leaves the
 * index and is forgotten after the retention), every booking made or cancelled, how customers' seats changed, the
 * changes for the event's feed (not yet numbered: the commit numbers them), tallies for the store's totals, and what
 * changed in the event's waiting list.
 */
public record LedgerChanges(
        Instant at,
        EventCounts before,
        EventCounts counts,
        SeatChanges seats,
        List<Hold> holds,
        List<Booking> bookings,
        Map<String, Integer> customerSeats,
        List<Change> feed,
        int holdsCreated,
        int holdsExpired,
        int bookingsCreated,
        int bookingsCancelled,
        WaitlistChanges waitlist) {
}
