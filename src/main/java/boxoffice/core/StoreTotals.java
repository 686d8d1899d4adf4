package boxoffice.core;

/** Figures summed over every event in a store. Every hold is active, expired or booked: see {@link #activeHolds}. */
public record StoreTotals(
        long events,
        long seatsTotal,
        long seatsAvailable,
        long seatsHeld,
        long seatsBooked,
        long holdsCreated,
        long holdsExpired,
        long bookings) {

    public static final StoreTotals EMPTY = new StoreTotals(0, 0, 0, 0, 0, 0, 0, 0);

    public long activeHolds() {
        return holdsCreated - holdsExpired - bookings;
    }

    public StoreTotals plus(StoreTotals other) {
        return new StoreTotals(
                events + other.events,
                seatsTotal + other.seatsTotal,
                seatsAvailable + other.seatsAvailable,
                seatsHeld + other.seatsHeld,
                seatsBooked + other.seatsBooked,
                holdsCreated + other.holdsCreated,
                holdsExpired + other.holdsExpired,
                bookings + other.bookings);
    }
}
