package boxoffice.resources;

import boxoffice.api.BookingResponse;
import boxoffice.api.EventResponse;
import boxoffice.api.EventStatusResponse;
import boxoffice.api.HoldResponse;
import boxoffice.core.Booking;
import boxoffice.core.Event;
import boxoffice.core.Hold;
import boxoffice.core.SeatCounts;

/** Turns domain records into the wire records of the API. */
final class ApiMapper {
    private ApiMapper() {}

    static EventResponse event(Event event) {
        return new EventResponse(event.id(), event.name(), event.totalSeats(), event.createdAt());
    }

    static EventStatusResponse status(SeatCounts counts) {
        return new EventStatusResponse(counts.total(), counts.available(), counts.held(), counts.booked());
    }

    /** The hold as anyone may see it: no payment token. */
    static HoldResponse hold(Hold hold) {
        return holdResponse(hold, null, null);
    }

    /** The hold for the client that created it: the only answer that carries the payment token. */
    static HoldResponse createdHold(Hold hold) {
        return holdResponse(hold, hold.paymentToken(), null);
    }

    static HoldResponse expiredHold(Hold hold, boolean success) {
        return holdResponse(hold, null, success);
    }

    private static HoldResponse holdResponse(Hold hold, String paymentToken, Boolean success) {
        return new HoldResponse(hold.id(), hold.eventId(), hold.qty(), hold.expiresAt(), hold.status().wireName(),
                paymentToken, hold.bookingId(), success);
    }

    static BookingResponse booking(Booking booking) {
        return new BookingResponse(booking.id(), booking.holdId(), booking.eventId(), booking.qty(),
                booking.createdAt());
    }
}
