package boxoffice.store.ledger;

import boxoffice.domain.Booking;
import boxoffice.domain.Event;
import boxoffice.domain.EventCounts;
import boxoffice.domain.Hold;
import boxoffice.seating.SeatStates;
import java.util.Map;

/**
 * An event's state as read under its lock; {@code version} fences the commit that follows. {@code seatMaps} holds the
 * seat states of the reserved sections the batch picks seats in (the others are changed without being read), and
 * {@code customerSeats} the figures of the customers it places holds for and of those waiting in {@code waitlist}
 * ({@link CustomerSeats#field}).
 */
public record LedgerSnapshot(
        Event event,
        EventCounts counts,
        long version,
        Map<String, Hold> holds,
        Map<String, Booking> bookings,
        Map<String, SeatStates> seatMaps,
        Map<String, Integer> customerSeats,
        WaitlistRead waitlist) {

    /** A snapshot of an event whose waiting list is empty. */
    public LedgerSnapshot(Event event, EventCounts counts, long version, Map<String, Hold> holds,
            Map<String, Booking> bookings, Map<String, SeatStates> seatMaps, Map<String, Integer> customerSeats) {
        this(event, counts, version, holds, bookings, seatMaps, customerSeats, WaitlistRead.EMPTY);
    }
}
