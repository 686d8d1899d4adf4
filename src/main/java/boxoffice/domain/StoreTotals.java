package boxoffice.domain;

/**
 * Figures summed over every event in a store: seats by state in all and in reserved sections (the rest are general
 * admission), and holds. Every hold is active, expired or booked: see {@link #activeHolds}.
 */
public record StoreTotals(
        long events,
        SeatTally seats,
        SeatTally reserved,
        long holdsCreated,
        long holdsExpired,
        long bookings,
        long bookingsCancelled) {

    public static final StoreTotals EMPTY = new StoreTotals(0, SeatTally.EMPTY, SeatTally.EMPTY, 0, 0, 0, 0);

    /** Seats by state, summed over many sections. */
    public record SeatTally(long total, long available, long held, long booked) {
        public static final SeatTally EMPTY = new SeatTally(0, 0, 0, 0);

        public static SeatTally of(SeatCounts counts) {
            return new SeatTally(counts.total(), counts.available(), counts.held(), counts.booked());
        }

        public SeatTally plus(SeatTally other) {
            return new SeatTally(total + other.total, available + other.available, held + other.held,
                    booked + other.booked);
        }

        public SeatTally minus(SeatTally other) {
            return new SeatTally(total - other.total, available - other.available, held - other.held,
                    booked - other.booked);
        }
    }

    /** One event's figures. */
    public static StoreTotals of(Event event, EventCounts counts, long holdsCreated, long holdsExpired, long bookings,
            long bookingsCancelled) {
        return new StoreTotals(1, SeatTally.of(counts.total()), reserved(event, counts), holdsCreated, holdsExpired,
                bookings, bookingsCancelled);
    }

    /** The seats of an event's reserved sections. */
    public static SeatTally reserved(Event event, EventCounts counts) {
        SeatTally reserved = SeatTally.EMPTY;
        for (Section section : event.sections()) {
            if (section.isReserved()) {
                reserved = reserved.plus(SeatTally.of(counts.section(section.id())));
            }
        }
        return reserved;
    }

    public long activeHolds() {
        return holdsCreated - holdsExpired - bookings;
    }

    public StoreTotals minus(StoreTotals other) {
        return new StoreTotals(events - other.events, seats.minus(other.seats), reserved.minus(other.reserved),
                holdsCreated - other.holdsCreated, holdsExpired - other.holdsExpired, bookings - other.bookings,
                bookingsCancelled - other.bookingsCancelled);
    }

    public StoreTotals plus(StoreTotals other) {
        return new StoreTotals(events + other.events, seats.plus(other.seats), reserved.plus(other.reserved),
                holdsCreated + other.holdsCreated, holdsExpired + other.holdsExpired, bookings + other.bookings,
                bookingsCancelled + other.bookingsCancelled);
    }
}
