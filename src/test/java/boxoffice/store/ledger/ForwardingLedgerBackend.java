package boxoffice.store.ledger;

import boxoffice.domain.Booking;
import boxoffice.domain.ChangedEvent;
import boxoffice.domain.CustomerHoldings;
import boxoffice.domain.DueBacklog;
import boxoffice.domain.Event;
import boxoffice.domain.EventCounts;
import boxoffice.domain.Hold;
import boxoffice.domain.LedgerAudit;
import boxoffice.domain.StoreTotals;
import boxoffice.domain.WaitlistPlace;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A backend that passes every call to another: a test overrides the calls it wants to break. */
class ForwardingLedgerBackend implements LedgerBackend {
    private final LedgerBackend delegate;

    ForwardingLedgerBackend(LedgerBackend delegate) {
        this.delegate = delegate;
    }

    @Override
    public EventLocks locks() {
        return delegate.locks();
    }

    @Override
    public Event insertEvent(Event event) {
        return delegate.insertEvent(event);
    }

    @Override
    public Optional<Event> findEvent(String eventId) {
        return delegate.findEvent(eventId);
    }

    @Override
    public Optional<EventCounts> counts(String eventId, Instant now) {
        return delegate.counts(eventId, now);
    }

    @Override
    public Optional<Hold> findHold(String holdId) {
        return delegate.findHold(holdId);
    }

    @Override
    public Optional<Booking> findBooking(String bookingId) {
        return delegate.findBooking(bookingId);
    }

    @Override
    public Optional<LedgerSnapshot> readForUpdate(String eventId, ReadSet reads, Instant now, int dueLimit) {
        return delegate.readForUpdate(eventId, reads, now, dueLimit);
    }

    @Override
    public CustomerHoldings readCustomer(String eventId, String customerId) {
        return delegate.readCustomer(eventId, customerId);
    }

    @Override
    public Optional<WaitlistPlace> findWaitlistEntry(String entryId) {
        return delegate.findWaitlistEntry(entryId);
    }

    @Override
    public Optional<FeedRead> readChanges(String eventId, long after, int limit) {
        return delegate.readChanges(eventId, after, limit);
    }

    @Override
    public List<ChangedEvent> eventsChangedSince(Instant since, int limit) {
        return delegate.eventsChangedSince(since, limit);
    }

    @Override
    public Map<String, Long> readLatestSeqs(Collection<String> eventIds) {
        return delegate.readLatestSeqs(eventIds);
    }

    @Override
    public boolean commit(String eventId, long expectedVersion, LedgerChanges changes) {
        return delegate.commit(eventId, expectedVersion, changes);
    }

    @Override
    public List<String> eventsWithDueHolds(Instant now, int limit) {
        return delegate.eventsWithDueHolds(now, limit);
    }

    @Override
    public DueBacklog dueBacklog(Instant now, int limit) {
        return delegate.dueBacklog(now, limit);
    }

    @Override
    public StoreTotals totals() {
        return delegate.totals();
    }

    @Override
    public Iterable<String> eventIds() {
        return delegate.eventIds();
    }

    @Override
    public Optional<LedgerAudit> audit(String eventId) {
        return delegate.audit(eventId);
    }
}
