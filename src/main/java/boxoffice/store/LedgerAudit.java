package boxoffice.store;

import boxoffice.core.SeatCounts;

/**
 * One event's stored counts beside the counts recomputed from its records, read in one atomic step: seats in its
 * active holds, and seats in its bookings. They differ only if something wrote one without the other.
 */
public record LedgerAudit(String eventId, SeatCounts stored, int heldByActiveHolds, int bookedByBookings) {

    public boolean balanced() {
        return stored.held() == heldByActiveHolds && stored.booked() == bookedByBookings;
    }
}
