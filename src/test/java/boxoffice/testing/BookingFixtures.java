package boxoffice.testing;

import boxoffice.domain.Booking;
import boxoffice.domain.Hold;
import boxoffice.domain.Ids;
import java.time.Instant;

/** The one place tests make a {@link Booking} or a booking id. */
public final class BookingFixtures {
    private BookingFixtures() {}

    /** A new booking id of the event, issued now by the wall clock. */
    public static String newBookingId(String eventId) {
        return Ids.newChildId(eventId, Instant.now());
    }

    /** The booking a store makes when it books {@code hold} under {@code bookingId} at {@code at}. */
    public static Booking bookingOf(Hold hold, String bookingId, Instant at) {
        return Booking.of(bookingId, hold, at);
    }
}
