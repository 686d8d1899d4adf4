package boxoffice.store;

/**
 * One event's stored counts beside the counts recomputed from its records, read in one atomic step: seats in its
 * active holds, and seats in its bookings. Raw numbers, not {@link boxoffice.core.SeatCounts}, because an audit must
 * be able to describe a ledger that no longer balances.
 */
public record LedgerAudit(
        String eventId, int total, int available, int held, int booked, int heldByActiveHolds, int bookedByBookings) {

    public boolean balanced() {
        return available >= 0
                && available + held + booked == total
                && held == heldByActiveHolds
                && booked == bookedByBookings;
    }
}
