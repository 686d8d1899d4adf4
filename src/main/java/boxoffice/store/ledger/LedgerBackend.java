package boxoffice.store.ledger;

import boxoffice.domain.ChangePage;
import boxoffice.domain.CustomerHoldings;
import boxoffice.domain.Event;
import boxoffice.seating.SeatStates;
import boxoffice.store.LedgerReads;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A storage of the ledger: every read the services make ({@link LedgerReads}), and what a {@link BatchedLedger} needs
 * to mutate it: the event's lock, a snapshot read made under that lock, and a fenced commit. The seat rules live in
 * {@link EventLedger}; a backend only stores what the ledger decided. The reads whose rules are the same for every
 * backend (a seat map with due holds released, a customer's holds still active, a feed cursor's refusals) are
 * written once here over the backend's raw reads. Implementations throw
 * {@link boxoffice.refusals.StoreUnavailableException} when the storage cannot be reached.
 */
public interface LedgerBackend extends LedgerReads {

    /** The lock that serializes an event's mutations across every instance sharing this storage. */
    EventLocks locks();

    /** Stores the event with fresh counts unless it exists; returns the stored event. */
    Event insertEvent(Event event);

    /**
     * Everything a batch of mutations needs, read in one step: the event's counts and version, its holds due at
     * {@code now} (at most {@code dueLimit}), the first {@link WaitlistRead#SCAN} entries of its waiting list with
     * their customers' figures, and what {@code reads} names: holds (with the bookings of those booked), bookings,
     * the seat maps of reserved sections (others are skipped), customers' figures and waiting-list entries.
     */
    Optional<LedgerSnapshot> readForUpdate(String eventId, ReadSet reads, Instant now, int dueLimit);

    /**
     * Writes the changes in one atomic step if the event's version is still {@code expectedVersion}, and bumps the
     * version. Returns false, changing nothing, when another writer got there first (the lock was lost).
     */
    boolean commit(String eventId, long expectedVersion, LedgerChanges changes);

    /** A customer's active holds (due or not) and confirmed bookings of the event, read in one step. */
    CustomerHoldings readCustomer(String eventId, String customerId);

    /** The event's feed after {@code after}, at most {@code limit} changes; empty when there is no such event. */
    Optional<FeedRead> readChanges(String eventId, long after, int limit);

    /** Each known event's latest feed seq, in one batched read of at least one event; unknown events are left out. */
    Map<String, Long> readLatestSeqs(Collection<String> eventIds);

    /**
     * Read without the lock: one consistent snapshot, with the holds due at {@code now} released in memory only (a
     * sweep's slice of them: the batches and the sweeper keep the backlog far below that). No hold is placed, so the
     * finished-hold retention (which only dates a new hold's id) plays no part.
     */
    @Override
    default Optional<SeatStates> seatMap(String eventId, String section, Instant now) {
        return readForUpdate(eventId, new ReadSet(Set.of(), Set.of(), Set.of(section), Set.of()), now, DueSlice.SWEEP)
                .flatMap(snapshot -> {
                    EventLedger ledger = new EventLedger(snapshot, now, Duration.ZERO);
                    ledger.releaseDue();
                    return ledger.seatMap(section);
                });
    }

    @Override
    default CustomerHoldings customer(String eventId, String customerId, Instant now) {
        CustomerHoldings read = readCustomer(eventId, customerId);
        return new CustomerHoldings(read.holds().stream().filter(hold -> !hold.isDueAt(now)).toList(),
                read.bookings());
    }

    @Override
    default Optional<ChangePage> changes(String eventId, long after, int limit) {
        return readChanges(eventId, after, limit).map(FeedRead::page);
    }

    @Override
    default Map<String, Long> latestSeqs(Collection<String> eventIds) {
        return eventIds.isEmpty() ? Map.of() : readLatestSeqs(eventIds);
    }
}
