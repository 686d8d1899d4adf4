package boxoffice.store.ledger;

import boxoffice.core.Booking;
import boxoffice.core.Hold;
import boxoffice.core.SeatCounts;
import java.util.List;

/**
 * What one batch decided: the event's new counts, every hold whose record changed (an ACTIVE one is indexed by its
 * expiry, a finished one leaves the index), the new bookings, and tallies for the store's totals.
 */
public record LedgerChanges(
        SeatCounts counts, List<Hold> holds, List<Booking> bookings, int holdsCreated, int holdsExpired) {

    public int bookingsCreated() {
        return bookings.size();
    }
}
