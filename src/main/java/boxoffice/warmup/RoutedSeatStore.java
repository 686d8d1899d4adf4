package boxoffice.warmup;

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
import boxoffice.store.SeatStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The shared seat store, or the scratch one for the warm-up's own requests ({@link ScratchStores}). */
final class RoutedSeatStore implements SeatStore {
    private final SeatStore shared;
    private final ScratchStores scratch;

    RoutedSeatStore(SeatStore shared, ScratchStores scratch) {
        this.shared = shared;
        this.scratch = scratch;
    }

    private SeatStore target() {
        return scratch.active() ? scratch.stores().seats() : shared;
    }

    @Override
    public Event createEvent(Event event) {
        return target().createEvent(event);
    }

    @Override
    public Optional<Event> findEvent(String eventId) {
        return target().findEvent(eventId);
    }

    @Override
    public Optional<EventCounts> counts(String eventId, Instant now) {
        return target().counts(eventId, now);
    }

    @Override
    public Optional<SeatStates> seatMap(String eventId, String section, Instant now) {
        return target().seatMap(eventId, section, now);
    }

    @Override
    public Optional<Hold> findHold(String holdId) {
        return target().findHold(holdId);
    }

    @Override
    public Optional<Booking> findBooking(String bookingId) {
        return target().findBooking(bookingId);
    }

    @Override
    public Outcome<Hold> placeHold(HoldOrder order, Instant now) {
        return target().placeHold(order, now);
    }

    @Override
    public Outcome<Booking> book(String holdId, String paymentToken, String newBookingId, Instant now) {
        return target().book(holdId, paymentToken, newBookingId, now);
    }

    @Override
    public Outcome<Hold> extend(String holdId, String paymentToken, Duration ttl, Instant now) {
        return target().extend(holdId, paymentToken, ttl, now);
    }

    @Override
    public Outcome<Booking> cancelBooking(String bookingId, String reason, Instant now) {
        return target().cancelBooking(bookingId, reason, now);
    }

    @Override
    public CustomerHoldings customer(String eventId, String customerId, Instant now) {
        return target().customer(eventId, customerId, now);
    }

    @Override
    public Outcome<Hold> release(String holdId, Optional<String> paymentToken, Instant now) {
        return target().release(holdId, paymentToken, now);
    }

    @Override
    public int releaseDue(String eventId, Instant now) {
        return target().releaseDue(eventId, now);
    }

    @Override
    public Optional<ChangePage> changes(String eventId, long after, int limit) {
        return target().changes(eventId, after, limit);
    }

    @Override
    public List<ChangedEvent> eventsChangedSince(Instant since, int limit) {
        return target().eventsChangedSince(since, limit);
    }

    @Override
    public Outcome<WaitlistPlace> joinWaitlist(WaitlistEntry entry, Instant now) {
        return target().joinWaitlist(entry, now);
    }

    @Override
    public Optional<WaitlistPlace> findWaitlistEntry(String entryId) {
        return target().findWaitlistEntry(entryId);
    }

    @Override
    public Outcome<WaitlistEntry> leaveWaitlist(String entryId, String entryToken, Instant now) {
        return target().leaveWaitlist(entryId, entryToken, now);
    }

    @Override
    public Map<String, Long> latestSeqs(Collection<String> eventIds) {
        return target().latestSeqs(eventIds);
    }

    @Override
    public List<String> eventsWithDueHolds(Instant now, int limit) {
        return target().eventsWithDueHolds(now, limit);
    }

    @Override
    public DueBacklog dueBacklog(Instant now, int limit) {
        return target().dueBacklog(now, limit);
    }

    @Override
    public StoreTotals totals() {
        return target().totals();
    }

    @Override
    public Iterable<String> eventIds() {
        return target().eventIds();
    }

    @Override
    public Optional<LedgerAudit> audit(String eventId) {
        return target().audit(eventId);
    }
}
