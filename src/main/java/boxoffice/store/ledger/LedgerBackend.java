package boxoffice.store.ledger;

import boxoffice.core.Booking;
import boxoffice.core.ChangedEvent;
import boxoffice.core.CustomerHoldings;
import boxoffice.core.DueBacklog;
import boxoffice.core.Event;
import boxoffice.core.EventCounts;
import boxoffice.core.Hold;
import boxoffice.core.LedgerAudit;
import boxoffice.core.StoreTotals;
import boxoffice.core.WaitlistPlace;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The persistence a {@link LedgerSeatStore} needs: plain reads, a snapshot read made under the event's lock, and a
 * fenced commit. The seat rules live in {@link EventLedger}; a backend only stores what the ledger decided.
 * Implementations throw {@link boxoffice.core.StoreUnavailableException} when the storage cannot be reached.
 */
public interface LedgerBackend {

    /** The lock that serializes an event's mutations across every instance sharing this storage. */
    EventLocks locks();

    /** Stores the event with fresh counts unless it exists; returns the stored event. */
    Event insertEvent(Event event);

    Optional<Event> readEvent(String eventId);

    /** The event's counts with holds due at {@code now} counted as available, without changing anything. */
    Optional<EventCounts> readCounts(String eventId, Instant now);

    Optional<Hold> readHold(String holdId);

    Optional<Booking> readBooking(String bookingId);

    /**
     * Everything a batch of mutations needs, read in one step: the event's counts and version, its holds due at
     * {@code now} (at most {@code dueLimit}), the first {@link WaitlistRead#SCAN} entries of its waiting list with
     * their customers' figures, and what {@code reads} names: holds (with the bookings of those booked), bookings,
     * the seat maps of reserved sections (others are skipped), customers' figures and waiting-list entries.
     */
    Optional<LedgerSnapshot> readForUpdate(String eventId, ReadSet reads, Instant now, int dueLimit);

    /**
     * A waiting-list entry, with its position in line (counted in one step with the entry) while waiting, or the
     * hold it was offered (if still remembered).
     */
    Optional<WaitlistPlace> readWaitlistEntry(String entryId);

    /** A customer's active holds and confirmed bookings of the event, read in one step. */
    CustomerHoldings readCustomer(String eventId, String customerId);

    /**
     * Writes the changes in one atomic step if the event's version is still {@code expectedVersion}, and bumps the
     * version. Returns false, changing nothing, when another writer got there first (the lock was lost).
     */
    boolean commit(String eventId, long expectedVersion, LedgerChanges changes);

    /** The event's feed after {@code after}, at most {@code limit} changes; empty when there is no such event. */
    Optional<FeedRead> readChanges(String eventId, long after, int limit);

    /** Events whose latest change was at {@code since} or later, earliest first, at most {@code limit}. */
    List<ChangedEvent> eventsChangedSince(Instant since, int limit);

    /** Each known event's latest feed seq, in one batched read; unknown events are left out. */
    Map<String, Long> latestSeqs(Collection<String> eventIds);

    /** Events that may have holds due at {@code now}, at most {@code limit}. */
    List<String> eventsWithDueHolds(Instant now, int limit);

    /** {@link boxoffice.store.SeatStore#dueBacklog}. */
    DueBacklog dueBacklog(Instant now, int limit);

    StoreTotals totals();

    Iterable<String> eventIds();

    /** Stored counts and the counts recomputed from the event's active holds and bookings, in one atomic read. */
    Optional<LedgerAudit> audit(String eventId);
}
