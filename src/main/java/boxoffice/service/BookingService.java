package boxoffice.service;

import boxoffice.domain.Booking;
import boxoffice.domain.Ids;
import boxoffice.domain.Outcome;
import boxoffice.refusals.BookingNotFoundException;
import boxoffice.refusals.HoldNotFoundException;
import boxoffice.store.HoldReads;
import boxoffice.store.ledger.Ledger;
import boxoffice.store.ledger.LedgerCommand.Book;
import boxoffice.store.ledger.LedgerCommand.CancelBooking;
import boxoffice.support.DisplayText;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns holds into bookings, idempotently by hold. */
public final class BookingService {
    static final int MAX_REASON_LENGTH = 500;
    private static final Logger LOG = LoggerFactory.getLogger(BookingService.class);

    private final Ledger ledger;
    private final HoldReads holds;
    private final Clock clock;

    public BookingService(Ledger ledger, HoldReads holds, Clock clock) {
        this.ledger = ledger;
        this.holds = holds;
        this.clock = clock;
    }

    /**
     * Books the hold. A repeat with the same token returns the first booking ({@code changed == false}), also after
     * the hold's TTL has passed.
     */
    public Outcome<Booking> book(String holdId, String paymentToken) {
        String eventId = Ids.eventOf(holdId).orElseThrow(() -> new HoldNotFoundException(holdId));
        Instant now = clock.instant();
        Outcome<Booking> outcome = ledger.execute(new Book(holdId, paymentToken, Ids.newChildId(eventId, now), now));
        if (outcome.changed()) {
            Booking booking = outcome.value();
            LOG.info("Hold booked hold_id={} booking_id={} event_id={} qty={}",
                    holdId, booking.id(), eventId, booking.qty());
        }
        return outcome;
    }

    /** Cancels a booking (an organizer's act): its seats become available again. Cancelling again changes nothing. */
    public Outcome<Booking> cancel(String bookingId, Optional<String> reason) {
        if (Ids.eventOf(bookingId).isEmpty()) {
            throw new BookingNotFoundException(bookingId);
        }
        String why = reason.map(text -> DisplayText.normalize("reason", text, MAX_REASON_LENGTH)).orElse(null);
        Outcome<Booking> outcome = ledger.execute(new CancelBooking(bookingId, why, clock.instant()));
        if (outcome.changed()) {
            Booking booking = outcome.value();
            LOG.info("Booking cancelled booking_id={} hold_id={} event_id={} qty={}",
                    booking.id(), booking.holdId(), booking.eventId(), booking.qty());
        }
        return outcome;
    }

    public Booking get(String bookingId) {
        Optional<Booking> booking = Ids.eventOf(bookingId).isPresent() ? holds.findBooking(bookingId) : Optional.empty();
        return booking.orElseThrow(() -> new BookingNotFoundException(bookingId));
    }
}
