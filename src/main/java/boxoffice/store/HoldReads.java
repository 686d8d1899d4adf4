package boxoffice.store;

import boxoffice.domain.Booking;
import boxoffice.domain.CustomerHoldings;
import boxoffice.domain.Hold;
import boxoffice.domain.WaitlistPlace;
import java.time.Instant;
import java.util.Optional;

/** What a customer holds: a hold, a booking, their holdings at an event, their place on a waiting list. */
public interface HoldReads {

    /** The hold as stored; a stored ACTIVE hold may already be due, see {@link Hold#statusAt}. */
    Optional<Hold> findHold(String holdId);

    Optional<Booking> findBooking(String bookingId);

    /** A customer's holds still active at {@code now} and confirmed bookings of the event. */
    CustomerHoldings customer(String eventId, String customerId, Instant now);

    /** The entry with its position while waiting, or the hold it was offered; empty when unknown or forgotten. */
    Optional<WaitlistPlace> findWaitlistEntry(String entryId);
}
