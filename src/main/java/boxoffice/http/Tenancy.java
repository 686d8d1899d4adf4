package boxoffice.http;

import boxoffice.domain.Ids;
import boxoffice.domain.Organizer;
import boxoffice.refusals.BookingNotFoundException;
import boxoffice.refusals.EventNotFoundException;
import boxoffice.refusals.HoldNotFoundException;
import boxoffice.service.EventService;
import java.util.Optional;

/**
 * Organizers as tenants, checked at the edge before an organizer-only call acts: an organizer's key reaches its own
 * events only, with their holds and bookings (whose ids name their event); another organizer's answer 404, exactly as
 * if they did not exist. An admin key, and open mode, reach every organizer's ({@link Organizer#EVERY}: nothing to
 * look up).
 */
public final class Tenancy {
    private final OrganizerKeys keys;
    private final EventService events;

    public Tenancy(OrganizerKeys keys, EventService events) {
        this.keys = keys;
        this.events = events;
    }

    /** The organizer calling: 401 without a key, 403 with a wrong one. */
    public Organizer caller(String authorization) {
        return keys.organizer(authorization);
    }

    /** Lets the caller on to the event if it is its organizer's; 404 {@code EVENT_NOT_FOUND} otherwise. */
    public void requireEvent(String authorization, String eventId) {
        if (!reachesEvent(caller(authorization), Optional.ofNullable(eventId))) {
            throw new EventNotFoundException(eventId);
        }
    }

    /** Lets the caller on to the booking if its event is the caller's; 404 {@code BOOKING_NOT_FOUND} otherwise. */
    public void requireBooking(String authorization, String bookingId) {
        if (!reachesEvent(caller(authorization), Ids.eventOf(bookingId))) {
            throw new BookingNotFoundException(bookingId);
        }
    }

    /** Lets the caller on to the hold if its event is the caller's; 404 {@code HOLD_NOT_FOUND} otherwise. */
    public void requireHold(String authorization, String holdId) {
        if (!reachesEvent(caller(authorization), Ids.eventOf(holdId))) {
            throw new HoldNotFoundException(holdId);
        }
    }

    /** Every organizer's reach skips the look-up, so open mode and admin keys answer exactly as before. */
    private boolean reachesEvent(Organizer caller, Optional<String> eventId) {
        if (caller.equals(Organizer.EVERY)) {
            return true;
        }
        try {
            return eventId.map(events::get).filter(event -> caller.reaches(event.organizer())).isPresent();
        } catch (EventNotFoundException gone) {
            return false;
        }
    }
}
