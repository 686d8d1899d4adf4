package boxoffice.domain;

import java.util.List;

/**
 * One event's stored counts beside what its records add up to, read in one atomic step: seats in its active holds,
 * seats in its bookings, holds booked more than once (a hold has at most one booking), and per section the same, with
 * what a reserved section's seat map says. Raw numbers, not {@link SeatCounts}, because an audit must be able to
 * describe a ledger that no longer balances.
 */
public record LedgerAudit(
        String eventId,
        int total,
        int available,
        int held,
        int booked,
        int heldByActiveHolds,
        int bookedByBookings,
        int holdsBookedTwice,
        List<SectionAudit> sections) {

    public LedgerAudit {
        sections = List.copyOf(sections);
    }

    /** One section's stored counts and what its holds, bookings and (reserved only) seat map say. */
    public record SectionAudit(
            String id,
            int total,
            int available,
            int held,
            int booked,
            int heldByActiveHolds,
            int bookedByBookings,
            Integer heldInSeatMap,
            Integer bookedInSeatMap) {

        public boolean balanced() {
            return available >= 0
                    && available + held + booked == total
                    && held == heldByActiveHolds
                    && booked == bookedByBookings
                    && (heldInSeatMap == null || heldInSeatMap == held)
                    && (bookedInSeatMap == null || bookedInSeatMap == booked);
        }
    }

    public boolean balanced() {
        return available >= 0
                && available + held + booked == total
                && held == heldByActiveHolds
                && booked == bookedByBookings
                && holdsBookedTwice == 0
                && sections.stream().allMatch(SectionAudit::balanced)
                && sections.stream().mapToInt(SectionAudit::available).sum() == available
                && sections.stream().mapToInt(SectionAudit::held).sum() == held
                && sections.stream().mapToInt(SectionAudit::booked).sum() == booked;
    }
}
