package boxoffice.store;

import boxoffice.core.Booking;
import boxoffice.core.ChangePage;
import boxoffice.core.ChangedEvent;
import boxoffice.core.CustomerHoldings;
import boxoffice.core.DueBacklog;
import boxoffice.core.Event;
import boxoffice.core.EventCounts;
import boxoffice.core.Hold;
import boxoffice.core.HoldOrder;
import boxoffice.core.LedgerAudit;
import boxoffice.core.Outcome;
import boxoffice.core.StoreTotals;
import boxoffice.core.WaitlistEntry;
import boxoffice.core.WaitlistPlace;
import boxoffice.seating.SeatStates;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where events, holds and bookings live. Every mutation is atomic: a hold's state and its event's seat counts change
 * in one step that any reader sees whole, and {@code available + held + booked == total} at every moment. Every
 * mutation of an event first releases that event's holds that are due at {@code now} (lazy expiry).
 *
 * <p>Failures to reach the store surface as {@link boxoffice.core.StoreUnavailableException}; domain refusals as the
 * other {@link boxoffice.core.BoxOfficeException}s.
 */
public interface SeatStore {

    /** Stores the event unless one with its id exists, and returns the stored one. Idempotent by event id. */
    Event createEvent(Event event);

    Optional<Event> findEvent(String eventId);

    /** The counts a client sees at {@code now}, per section: holds due by then already count as available. */
    Optional<EventCounts> counts(String eventId, Instant now);

    /**
     * The seat states of a reserved section as a client sees them at {@code now} (seats of due holds available), read
     * in one consistent step; empty when the event or a reserved section of that id does not exist.
     */
    Optional<SeatStates> seatMap(String eventId, String section, Instant now);

    /** The hold as stored; a stored ACTIVE hold may already be due, see {@link Hold#statusAt}. */
    Optional<Hold> findHold(String holdId);

    Optional<Booking> findBooking(String bookingId);

    /**
     * Holds the seats the order asks for, all or nothing, and returns the hold with the seats granted; or throws the
     * refusal ({@link boxoffice.core.InsufficientSeatsException}, {@link boxoffice.core.SeatsUnavailableException},
     * {@link boxoffice.core.NoAdjacentSeatsException}, or {@link boxoffice.core.InvalidFieldException} for a request
     * that does not fit the event). Idempotent by hold id: when a hold with this id exists it is returned unchanged,
     * with {@code changed == false}; an id issued longer ago than the retention is refused.
     */
    Outcome<Hold> placeHold(HoldOrder order, Instant now);

    /**
     * Books an active hold whose payment token matches. Idempotent by hold id: booking a booked hold with the right
     * token returns its booking with {@code changed == false}. Booking and releasing one hold never both succeed.
     */
    Outcome<Booking> book(String holdId, String paymentToken, String newBookingId, Instant now);

    /**
     * Moves an active hold's expiry to {@code now + ttl}, never past its {@code maxExpiresAt} and never earlier (then
     * it is unchanged, {@code changed == false}); the token must match. A booked hold is {@link boxoffice.core.HoldAlreadyBookedException}, an expired or released (or due) one
     * {@link boxoffice.core.HoldExpiredException}. The expiry index follows in the same commit.
     */
    Outcome<Hold> extend(String holdId, String paymentToken, Duration ttl, Instant now);

    /**
     * Cancels a confirmed booking: its seats (the exact reserved ones too) become available again, in the same step.
     * Idempotent: cancelling a cancelled booking returns it with {@code changed == false}.
     */
    Outcome<Booking> cancelBooking(String bookingId, String reason, Instant now);

    /** A customer's holds still active at {@code now} and confirmed bookings of the event. */
    CustomerHoldings customer(String eventId, String customerId, Instant now);

    /**
     * Releases an active hold's seats now. {@code paymentToken} empty means the caller is already authorized (an
     * organizer or operator). Returns the expired hold, {@code changed == false} when it had expired before.
     */
    Outcome<Hold> release(String holdId, Optional<String> paymentToken, Instant now);

    /**
     * Puts the entry (an id of the event, its holder's token, the offered hold's TTL) at the end of the event's
     * waiting list, numbered, and answers its position; only while fewer seats are available (in its section) than
     * it asks for, else {@link boxoffice.core.SeatsAvailableException}; a section that is not general admission, or a
     * qty past the limits per customer, is {@link boxoffice.core.InvalidFieldException}. From then on, each commit
     * that frees seats offers them to the first entries that fit, as holds made in that commit. Idempotent by entry
     * id: an entry that joined is returned as it stands now, with {@code changed == false}.
     */
    Outcome<WaitlistPlace> joinWaitlist(WaitlistEntry entry, Instant now);

    /** The entry with its position while waiting, or the hold it was offered; empty when unknown or forgotten. */
    Optional<WaitlistPlace> findWaitlistEntry(String entryId);

    /**
     * Takes a waiting entry out of the line; the token must match ({@link boxoffice.core.InvalidEntryTokenException}).
     * An offered entry cannot leave ({@link boxoffice.core.WaitlistEntryOfferedException}); leaving twice returns the
     * entry with {@code changed == false}.
     */
    Outcome<WaitlistEntry> leaveWaitlist(String entryId, String entryToken, Instant now);

    /** Releases the event's holds due at {@code now}; returns how many. Many callers may race; each hold once. */
    int releaseDue(String eventId, Instant now);

    /**
     * The event's changes after seq {@code after}, in order, at most {@code limit}; empty when there is no such event.
     * A cursor before the oldest change kept is {@link boxoffice.core.CursorExpiredException}; one past the last
     * change, {@link boxoffice.core.InvalidFieldException}.
     */
    Optional<ChangePage> changes(String eventId, long after, int limit);

    /** Events whose latest change was at {@code since} or later, earliest first, at most {@code limit}. */
    List<ChangedEvent> eventsChangedSince(Instant since, int limit);

    /**
     * The seq of each event's latest change (the {@link #changes} cursor that is now current), read in one batched
     * step whatever the number of events; unknown events are left out. Cheap enough to poll: the live availability
     * streams ask it several times a second for the events someone is watching.
     */
    Map<String, Long> latestSeqs(Collection<String> eventIds);

    /** Events that may have holds due at {@code now}, at most {@code limit}: the sweeper's work list. */
    List<String> eventsWithDueHolds(Instant now, int limit);

    /**
     * The holds due at {@code now} and not yet released, over the (at most {@code limit}) events whose holds fell due
     * first; its cost follows those events, never their due holds.
     */
    DueBacklog dueBacklog(Instant now, int limit);

    /** Figures summed over all events, for the metrics endpoint. */
    StoreTotals totals();

    /** Every event's id, read lazily (a store may hold millions). */
    Iterable<String> eventIds();

    /** The event's stored counts beside the counts its holds and bookings add up to; empty for an unknown event. */
    Optional<LedgerAudit> audit(String eventId);
}
