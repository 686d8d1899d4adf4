package boxoffice.domain;

/** An event's seats by state; {@code available + held + booked == total} always holds. */
public record SeatCounts(int total, int available, int held, int booked) {

    public SeatCounts {
        if (available < 0 || held < 0 || booked < 0 || available + held + booked != total) {
            throw new IllegalStateException("seat ledger out of balance: total=" + total
                    + " available=" + available + " held=" + held + " booked=" + booked);
        }
    }

    public static SeatCounts fresh(int total) {
        return new SeatCounts(total, total, 0, 0);
    }

    public SeatCounts hold(int qty) {
        return new SeatCounts(total, available - qty, held + qty, booked);
    }

    public SeatCounts release(int qty) {
        return new SeatCounts(total, available + qty, held - qty, booked);
    }

    public SeatCounts book(int qty) {
        return new SeatCounts(total, available, held - qty, booked + qty);
    }

    /** A cancelled booking's seats become available again. */
    public SeatCounts cancel(int qty) {
        return new SeatCounts(total, available + qty, held, booked - qty);
    }
}
