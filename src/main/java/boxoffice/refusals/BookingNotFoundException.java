package boxoffice.refusals;

/** No booking has this id (or the id is malformed). */
public final class BookingNotFoundException extends BoxOfficeException {
    public BookingNotFoundException(String bookingId) {
        super(ErrorCode.BOOKING_NOT_FOUND, "Booking not found: " + bookingId);
    }
}
