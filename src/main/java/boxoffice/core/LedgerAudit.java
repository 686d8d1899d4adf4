package boxoffice.core;

/**
 * One event's stored counts beside what its records add up to, read in one atomic step: seats in its active holds,
 * seats in its bookings, and holds booked more than once (a hold has at most one booking). Raw numbers, not
 * {@link boxoffice.core.SeatCounts}, because an audit must be able to describe a ledger that no longer balances.
 */
public record LedgerAudit(
        String eventId,
        int total,
        int available,
        int held,
        int booked,
        int heldByActiveHolds,
        int bookedByBookings,
        int holdsBookedTwice) {

    public boolean balanced() {
        return available >= 0
                && available + held + booked == total
                && held == heldByActiveHolds
                && booked == bookedByBookings
                && holdsBookedTwice == 0;
    }
}
